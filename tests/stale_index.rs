//! A stale index: files changed, added and deleted after `cancu index`. `cites --index`
//! must give the answer a scan gives and say the index is out of date; `search` marks hits
//! from changed files as stale. Runs the `cancu` binary in a temporary directory.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn cancu(dir: &Path, args: &[&str]) -> Output {
    Command::new(common::cancu())
        .args(args)
        .current_dir(dir)
        .env("CANCU_DATA", dir.join("data"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run cancu")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const CITING: &str = "Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ.";

/// plans/: a.txt (cites 168), b.txt (cites nothing), c.txt (cites 168), d.txt (cites
/// 21/2019); indexed into idx/.
fn indexed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    let plan = |body: &str| format!("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Một\n{body}\n");
    for (name, body) in [
        ("a.txt", CITING),
        ("b.txt", "Chưa có căn cứ nào. mã riêng bbbq"),
        ("c.txt", CITING),
        ("d.txt", "Theo Nghị định số 21/2019/NĐ-CP ngày 22/02/2019."),
    ] {
        std::fs::write(plans.join(name), plan(body)).unwrap();
    }
    let out = cancu(dir.path(), &["index", "plans", "--index", "idx"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    dir
}

/// b.txt now cites 168, e.txt is new and cites it, c.txt is deleted.
fn make_stale(dir: &Path) {
    let plans = dir.join("plans");
    std::fs::write(
        plans.join("b.txt"),
        format!("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Một\nmã riêng bbbq\n{CITING}\n"),
    )
    .unwrap();
    std::fs::write(
        plans.join("e.txt"),
        format!("KẾ HOẠCH\nII. NỘI DUNG\n{CITING}\n"),
    )
    .unwrap();
    std::fs::remove_file(plans.join("c.txt")).unwrap();
}

#[test]
fn cites_on_a_stale_index_answers_as_a_scan_and_warns() {
    let dir = indexed_corpus();
    // (query, files the answer must name after the changes)
    let rows: &[(&str, &[&str])] = &[
        ("NĐ 168", &["plans/a.txt", "plans/b.txt", "plans/e.txt"]),
        ("21/2019/NĐ-CP", &["plans/d.txt"]),
    ];
    // Fresh index: same answer as a scan, no warning.
    for (q, _) in rows {
        let scan = cancu(dir.path(), &["cites", q, "plans", "--json"]);
        let idx = cancu(
            dir.path(),
            &["cites", q, "plans", "--json", "--index", "idx"],
        );
        assert_eq!(text(&scan.stdout), text(&idx.stdout), "{q} (fresh)");
        assert!(!text(&idx.stderr).contains("đã cũ"), "{q}");
    }
    make_stale(dir.path());
    for (q, files) in rows {
        for json in [false, true] {
            let mut scan = vec!["cites", q, "plans"];
            let mut indexed = vec!["cites", q, "plans", "--index", "idx"];
            if json {
                scan.push("--json");
                indexed.push("--json");
            }
            let a = cancu(dir.path(), &scan);
            let b = cancu(dir.path(), &indexed);
            assert_eq!(a.status.code(), b.status.code(), "{q}");
            assert_eq!(text(&a.stdout), text(&b.stdout), "{q} (json: {json})");
            let warn = text(&b.stderr);
            assert!(
                warn.contains(
                    "chỉ mục idx đã cũ: 1 tệp đã sửa từ khi lập chỉ mục (plans/b.txt), \
                     1 tệp chưa có trong chỉ mục (plans/e.txt), 1 tệp đã lập chỉ mục không còn \
                     (plans/c.txt)"
                ),
                "{q}: {warn}"
            );
            assert!(warn.contains("chạy `cancu index`"), "{warn}");
            assert!(!text(&a.stderr).contains("đã cũ"), "a scan does not warn");
        }
        let out = cancu(
            dir.path(),
            &["cites", q, "plans", "--json", "--index", "idx"],
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut got: Vec<&str> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h["path"].as_str())
            .collect();
        got.dedup();
        assert_eq!(got, *files, "{q}");
    }
    // Without PATHS the default root is scanned (corpus/plans): the same on both sides.
    let a = cancu(dir.path(), &["cites", "NĐ 168"]);
    let b = cancu(dir.path(), &["cites", "NĐ 168", "--index", "idx"]);
    assert_eq!(text(&a.stdout), text(&b.stdout));
    // Once re-indexed, no warning.
    assert!(cancu(dir.path(), &["index", "plans", "--index", "idx"])
        .status
        .success());
    let b = cancu(dir.path(), &["cites", "NĐ 168", "plans", "--index", "idx"]);
    assert!(!text(&b.stderr).contains("đã cũ"), "{}", text(&b.stderr));
}

#[test]
fn search_marks_hits_from_changed_files_stale() {
    let dir = indexed_corpus();
    let stale_of = |q: &str| -> Vec<(String, bool)> {
        let out = cancu(dir.path(), &["search", q, "--index", "idx", "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["doc_type"] == "section")
            .map(|h| {
                let stale = h["stale"].as_bool().expect("a stale field on every hit");
                (h["path"].as_str().unwrap().to_string(), stale)
            })
            .collect()
    };
    assert_eq!(stale_of("bbbq"), [("plans/b.txt".to_string(), false)]);
    make_stale(dir.path());
    // (query, (file, stale) of the plan hits)
    let rows: &[(&str, &[(&str, bool)])] = &[
        // b.txt changed; the index still has its old text.
        ("bbbq", &[("plans/b.txt", true)]),
        // d.txt unchanged.
        ("21/2019/NĐ-CP", &[("plans/d.txt", false)]),
    ];
    for (q, want) in rows {
        let want: Vec<(String, bool)> = want.iter().map(|(p, s)| (p.to_string(), *s)).collect();
        assert_eq!(stale_of(q), want, "{q}");
    }
    // c.txt is gone: stale too.
    let hits = stale_of("cites:168/2018/NĐ-CP");
    assert!(
        hits.contains(&("plans/c.txt".to_string(), true)),
        "{hits:?}"
    );
    assert!(
        hits.contains(&("plans/a.txt".to_string(), false)),
        "{hits:?}"
    );
    // Text output: a marker on the hit and a note on stderr.
    let out = cancu(dir.path(), &["search", "bbbq", "--index", "idx"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("[kế hoạch] plans/b.txt")
            && stdout.contains("[chỉ mục cũ: tệp đã sửa sau khi lập chỉ mục]"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("chạy `cancu index`"));
    let out = cancu(
        dir.path(),
        &["search", "cites:168/2018/NĐ-CP", "--index", "idx"],
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("[kế hoạch] plans/c.txt")
                && l.ends_with("[chỉ mục cũ: không còn tệp]")),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("[kế hoạch] plans/a.txt") && !l.contains("[chỉ mục cũ")),
        "{stdout}"
    );
}
