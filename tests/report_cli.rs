//! `cancu report`, the main job, run as a user would: in a fresh folder holding the bundled
//! corpus, with no index yet. It builds the index (in the user data dir, not in the folder),
//! reports every plan, exits 1 for the findings at or above `--deny` (warning by default),
//! and a second run reuses the index without re-indexing anything.

mod common;

use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), t).unwrap();
        }
    }
}

fn report(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(common::cancu())
        .arg("report")
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .current_dir(dir)
        .env("CANCU_DATA", dir.join("data"))
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn report_on_the_bundled_corpus_builds_the_index_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&common::root().join("corpus"), &dir.path().join("corpus"));

    let (code, out, err) = report(dir.path(), &[]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        dir.path().join("data/index").is_dir() && !dir.path().join("index").exists(),
        "the index is built in the data dir, not in the current folder: {err}"
    );
    assert!(err.contains("thêm 5"), "{err}");
    // Every plan, its resolution rate, and what a reviewer must look at.
    assert!(
        out.contains("ke-hoach-qpdp-2024-xa-xuan-luong.txt"),
        "{out}"
    );
    // Vietnamese by default (the test sets no LANG of its own: see `report`).
    assert!(out.contains("49 trích dẫn, tra được 46"), "{out}");
    assert!(
        out.contains("[C0303] 28-NQ/TW ngày 25/10/2013 đã bị thay thế"),
        "{out}"
    );
    assert!(out.contains("[C0306] 14-CT/HU"), "{out}");
    assert!(
        out.contains("chưa tra được 382: Nghị định số 02/2020 /NĐ-CP"),
        "{out}"
    );
    assert!(out.contains("5 kế hoạch, 174 trích dẫn"), "{out}");

    // Second run: nothing re-indexed, same report.
    let (code2, out2, err2) = report(dir.path(), &[]);
    assert_eq!(code2, 1);
    assert!(
        err2.contains("thêm 0, thay 0, bỏ 0, giữ nguyên 5"),
        "{err2}"
    );
    assert_eq!(out, out2);

    // JSON for tools.
    let (_, json, _) = report(dir.path(), &["--json", "--no-index"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["plans"].as_array().unwrap().len(), 5);
}
