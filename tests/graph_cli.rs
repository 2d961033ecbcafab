//! `cancu cites|basis|show|graph` run as a binary in a temp dir.

mod common;

use std::path::Path;
use std::process::Command;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("corpus/plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::copy(
        common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"),
        plans.join("seed.txt"),
    )
    .unwrap();
    std::fs::write(
        plans.join("other.txt"),
        "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Một\nTheo Nghị định số 21/2019/NĐ-CP ngày 22/02/2019.\n",
    )
    .unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(common::cancu())
        .args(args)
        .current_dir(dir)
        .env("CANCU_DATA", dir.join("data"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn cites_json(dir: &Path, q: &str) -> serde_json::Value {
    let (code, out) = run(dir, &["cites", q, "--json"]);
    assert_eq!(code, 0, "{q}: {out}");
    serde_json::from_str(&out).unwrap()
}

/// (queries written differently, expected target id, expected citation lines in the seed)
fn check(queries: &[&str], id: &str, lines: &[u64]) {
    let dir = setup();
    for q in queries {
        let v = cites_json(dir.path(), q);
        // The registry entry the query names (a loose form or a law name names it among
        // the entries it fits: every hit is matched on what the citation says).
        let entries = v["registry_entries"].as_array().unwrap();
        assert!(entries.iter().any(|e| e == id), "{q}: {v}");
        let got: Vec<u64> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["path"].as_str().unwrap().ends_with("seed.txt"))
            .map(|h| h["line"].as_u64().unwrap())
            .collect();
        assert_eq!(got, lines, "{q}");
    }
}

#[test]
fn cites_however_written() {
    check(
        &[
            "Nghị định 168/2018/NĐ-CP",
            "168/2018/ND-CP",
            "NĐ 168",
            "nghi dinh 168 2018",
        ],
        "168/2018/NĐ-CP",
        &[6, 176],
    );
    check(
        &[
            "Luật DQTV",
            "Luật Dân quân tự vệ",
            "luat dan quan tu ve 2019",
        ],
        "48/2019/QH14",
        &[71, 119, 275, 427],
    );
    check(
        &["28-NQ/TW 2008", "Nghị quyết 28-NQ/TW ngày 22/9/2008"],
        "28-NQ/TW:bo-chinh-tri:2008-09-22",
        &[54, 68],
    );
    check(
        &["28-NQ/TW 2013"],
        "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25",
        &[58, 168],
    );
}

#[test]
fn cites_counts_documents() {
    let dir = setup();
    let v = cites_json(dir.path(), "21/2019/NĐ-CP");
    assert_eq!(v["documents"], 2, "{v}");
    assert_eq!(v["citations"], 3, "{v}");
}

#[test]
fn basis_by_section_and_task() {
    let dir = setup();
    let (code, out) = run(
        dir.path(),
        &[
            "basis",
            "corpus/plans/seed.txt",
            "--section",
            "II.1",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["instruments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"48/2019/QH14") && ids.contains(&"12-CT/TW:bo-chinh-tri:2007-05-03"),
        "{ids:?}"
    );
    let (code, out) = run(
        dir.path(),
        &[
            "basis",
            "corpus/plans/seed.txt",
            "--task",
            "phoi hop cua dan quan tu ve",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Ranked best first, with scores; the CHQS item is among the first three.
    let ranked = v["sections"].as_array().unwrap();
    assert!(ranked.iter().take(3).any(|s| s["path"] == "IV.1"), "{v}");
    assert!(ranked
        .windows(2)
        .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64()));
    let (code, _) = run(
        dir.path(),
        &["basis", "corpus/plans/seed.txt", "--section", "IX.9"],
    );
    assert_eq!(code, 2);
    // "quản lý đất quốc phòng" is task II.7, which cites nothing itself: it rests on the
    // plan's preamble ("Căn cứ Luật quốc phòng 2018/ Nghị định số 168 NĐ-CP ...").
    let (code, out) = run(
        dir.path(),
        &[
            "basis",
            "corpus/plans/seed.txt",
            "--task",
            "quản lý đất quốc phòng",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["sections"][0]["path"], "II.7", "{v}");
    assert_eq!(v["instruments"].as_array().map(Vec::len), Some(0), "{v}");
    let inherited: Vec<&str> = v["plan_basis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert!(
        inherited.contains(&"22/2018/QH14") && inherited.contains(&"168/2018/NĐ-CP"),
        "{inherited:?}"
    );
}

/// A bundled plan named without its folder or ".txt" (as `basis --help` says); `outline`
/// lists every item with its line and instruments; a task no word of which occurs is "no
/// match", and the plan's basis is always given apart.
#[test]
fn outline_and_basis_by_plan_name() {
    let dir = setup();
    let (code, out) = run(dir.path(), &["outline", "seed", "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sections = v["sections"].as_array().unwrap();
    let ii1 = sections.iter().find(|s| s["path"] == "II.1").unwrap();
    assert!(ii1["line"].as_u64().unwrap() > 0, "{ii1}");
    assert!(
        ii1["instruments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["id"] == "48/2019/QH14"),
        "{ii1}"
    );
    for args in [
        ["basis", "seed", "--section", "II.1", "--json"],
        ["basis", "seed.txt", "--section", "II.1.", "--json"],
    ] {
        let (code, out) = run(dir.path(), &args);
        assert_eq!(code, 0, "{args:?}: {out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["sections"][0]["path"], "II.1", "{v}");
        assert!(!v["plan_basis"].as_array().unwrap().is_empty(), "{v}");
    }
    // Nothing found is exit 1, as for every lookup.
    let (code, out) = run(dir.path(), &["basis", "seed", "--task", "xyzzy qwerty"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("không mục nào khớp"), "{out}");
}

#[test]
fn show_and_graph_formats() {
    let dir = setup();
    let (code, out) = run(dir.path(), &["show", "Luật DQTV"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("thay thế         43/2009/QH12") && out.contains("được trích dẫn 4 lần"),
        "{out}"
    );
    let (code, out) = run(dir.path(), &["graph", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let edges = v["edges"].as_array().unwrap();
    assert!(edges.iter().any(|e| e["type"] == "cites"
        && e["section"] == "II.1"
        && e["target"] == "ins:48/2019/QH14"));
    assert!(edges
        .iter()
        .any(|e| e["type"] == "replaces" && e["source"] == "ins:48/2019/QH14"));
    let (_, dot) = run(dir.path(), &["graph", "--format", "dot"]);
    assert!(dot.starts_with("digraph") && dot.contains("->"));
    let (_, gml) = run(dir.path(), &["graph", "--format", "graphml"]);
    assert!(gml.contains("<graphml") && gml.contains("<edge"));
}

#[test]
fn cites_with_index_equals_scanning() {
    let dir = setup();
    let (code, _) = run(dir.path(), &["index", "corpus/plans", "--index", "idx"]);
    assert_eq!(code, 0);
    let queries = [
        "Nghị định 168/2018/NĐ-CP",
        "168/2018/ND-CP",
        "NĐ 168",
        "nghi dinh 168 2018",
        "Luật DQTV",
        "Luật Dân quân tự vệ",
        "luat dan quan tu ve 2019",
        "28-NQ/TW 2008",
        "Nghị quyết 28-NQ/TW ngày 22/9/2008",
        "28-NQ/TW 2013",
        "21/2019/NĐ-CP",
        "Quyết định 999/2099/QĐ-UBND",
    ];
    for q in queries {
        for json in [false, true] {
            let mut scan = vec!["cites", q];
            let mut indexed = vec!["cites", q, "--index", "idx"];
            if json {
                scan.push("--json");
                indexed.push("--json");
            }
            let (c1, a) = run(dir.path(), &scan);
            let (c2, b) = run(dir.path(), &indexed);
            assert_eq!((c1, &a), (c2, &b), "{q} (json: {json})");
            assert!(
                a.contains(if json { "citations" } else { "trích dẫn" }),
                "{q}: {a}"
            );
        }
    }
    // An index directory that does not exist: scanning.
    let (_, a) = run(dir.path(), &["cites", "NĐ 168"]);
    let (_, b) = run(dir.path(), &["cites", "NĐ 168", "--index", "no-such-dir"]);
    assert_eq!(a, b);
}

/// An instrument the registry lacks is a node of its own, observed from its citations and
/// merged over the documents: `cites` finds the documents citing it, `show` prints it with
/// status unknown and the conflicting dates (majority first), `graph` has its node.
#[test]
fn observed_instrument_absent_from_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let rows = [
        ("a.txt", "ngày 10/7/2025"),
        ("b.txt", "ngày 01 tháng 7 năm 2025"),
        ("c.txt", "ngày 01/7/2025"),
    ];
    for (name, date) in rows {
        std::fs::write(
            docs.join(name),
            format!("KẾ HOẠCH\nCăn cứ Nghị định số 777/2025/NĐ-CP {date} của Chính phủ quy định về quản lý thử nghiệm;\nI. MỤC ĐÍCH\n1. Một\n"),
        )
        .unwrap();
    }
    std::fs::write(
        docs.join("d.txt"),
        "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Không trích dẫn gì.\n",
    )
    .unwrap();
    let (code, out) = run(dir.path(), &["cites", "NĐ 777/2025", "docs", "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"], 3, "{v}");
    assert_eq!(v["registry_entries"].as_array().unwrap().len(), 0, "{v}");
    let obs = v["observed"].as_array().unwrap();
    assert_eq!(obs.len(), 1, "{v}");
    assert_eq!(obs[0]["id"], "777/2025/NĐ-CP");
    assert_eq!(obs[0]["status"], "unknown");
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["observed"] == "777/2025/NĐ-CP"));
    let (code, out) = run(dir.path(), &["show", "Nghị định 777/2025/NĐ-CP", "docs"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("[777/2025/NĐ-CP]"), "{out}");
    assert!(out.contains("tình trạng       chưa rõ hiệu lực"), "{out}");
    assert!(
        out.contains("dữ liệu từ       ghi nhận từ trích dẫn"),
        "{out}"
    );
    assert!(
        out.contains(
            "ngày ban hành    01/07/2025 (2 trích dẫn); 10/07/2025 (1 trích dẫn)  [mâu thuẫn]"
        ),
        "{out}"
    );
    assert!(
        out.contains("được trích dẫn 3 lần trong 3 văn bản"),
        "{out}"
    );
    let (code, out) = run(
        dir.path(),
        &["show", "Nghị định 777/2025/NĐ-CP", "docs", "--json"],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["instrument"]["status"], "unknown");
    assert_eq!(v["instrument"]["conflict"], true);
    assert_eq!(v["cited_by"].as_array().unwrap().len(), 3);
    // Still "not found" for an instrument nobody cites.
    let (code, _) = run(dir.path(), &["show", "Nghị định 778/2025/NĐ-CP", "docs"]);
    assert_eq!(code, 1);
    let (code, out) = run(dir.path(), &["graph", "docs", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "obs:777/2025/NĐ-CP"
            && n["type"] == "observed"
            && n["status"] == "unknown"));
    let cites_it = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "cites" && e["target"] == "obs:777/2025/NĐ-CP")
        .count();
    assert_eq!(cites_it, 3);
}
