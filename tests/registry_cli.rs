//! `cancu registry check|import` run as a binary.

mod common;

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::cancu())
        .args(args)
        .current_dir(dir)
        .env("CANCU_DATA", dir.join("data"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn builtin_registry_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(dir.path(), &["registry", "check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" 0 errors"), "{out}");
}

#[test]
fn check_reports_dangling_relation() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.toml");
    std::fs::write(&f, "[[instrument]]\nid = \"1/2020/NĐ-CP\"\nkind = \"nghi-dinh\"\n[[instrument.relation]]\ntype = \"amends\"\ntarget = \"nowhere\"\n").unwrap();
    let (code, out, _) = run(dir.path(), &["registry", "check", "bad.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("dangling-relation"), "{out}");
}

#[test]
fn csv_import_feeds_resolution() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("reg.csv"),
        ",so_ky_hieu,ngay_ban_hanh,trich_yeu,hieu_luc\n0,1707/QÐ-UBND,15/07/2022,công bố thủ tục hành chính,Văn bản đang có hiệu lực\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plan.txt"),
        "Căn cứ Quyết định số 1707/QĐ-UBND ngày 15/7/2022 của UBND tỉnh Bình Dương;\n",
    )
    .unwrap();
    let map = "so_ky_hieu=number_symbol,ngay_ban_hanh=issued,trich_yeu=title,hieu_luc=status";
    // Never into corpus/.
    let (code, _, err) = run(
        dir.path(),
        &[
            "registry",
            "import",
            "csv",
            "reg.csv",
            "--map",
            map,
            "--out",
            "corpus/registry/x.json",
        ],
    );
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(
        dir.path(),
        &[
            "registry",
            "import",
            "csv",
            "reg.csv",
            "--map",
            map,
            "--issuer",
            "UBND tỉnh Bình Dương",
            "--out",
            "data/registry/imported/bd.json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // Picked up from the data dir without --registry.
    let (code, out, _) = run(dir.path(), &["cites", "1707/QĐ-UBND", "plan.txt", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["target"]["id"], "1707/QĐ-UBND:ubnd-tinh-binh-duong:2022-07-15",
        "{v}"
    );
    assert_eq!(v["citations"], 1);
}

#[test]
fn imports_shared_sources() {
    let Some(shared) = common::shared("imports_shared_sources") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let csv = shared.join("data/binh-duong-register/data_vanbanphapluatBinhDuong.csv");
    let (code, _, err) = run(
        dir.path(),
        &[
            "registry",
            "import",
            "csv",
            csv.to_str().unwrap(),
            "--map",
            "so_ky_hieu=number_symbol,ngay_ban_hanh=issued,trich_yeu=title,hieu_luc=status",
            "--issuer",
            "UBND tỉnh Bình Dương",
            "--out",
            "bd.json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("bd.json")).unwrap())
            .unwrap();
    let n = v["instrument"].as_array().unwrap().len();
    assert!(n > 3000, "{n} {err}");
    // The sample đề mục page (one page of the bundle, fast).
    let pd = dir.path().join("pd");
    std::fs::create_dir_all(&pd).unwrap();
    std::fs::copy(
        shared.join("data/phap-dien/sample_demuc_14.3_giao-thong-duong-thuy-noi-dia.html"),
        pd.join("a.html"),
    )
    .unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["registry", "import", "phap-dien", "pd", "--out", "pd.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run(dir.path(), &["registry", "check", "pd.toml"]);
    assert!(code <= 1, "{out}");
    // Relations are written both ways and never dangle; the one error is in the source
    // itself (30/2004/QĐ-BGTVT: issued 14/12/2004, "effective 14/01/2004").
    for bad in [
        "dangling-relation",
        "missing-inverse",
        "duplicate-id",
        "schema",
    ] {
        assert!(!out.contains(bad), "{out}");
    }
    assert!(std::fs::read_to_string(dir.path().join("pd.toml"))
        .unwrap()
        .contains("id = \"35/2012/TT-BGTVT\""));
}

/// `registry import texts`: one entry per instrument text, its effects with the clause that
/// states them, targets known only as targets, the result checks clean; a file that is not an
/// instrument is counted, not invented; writing into corpus/ is refused.
#[test]
fn import_texts_learns_identity_dates_and_effects() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("tt.txt"),
        "BỘ CÔNG AN\nSố: 81/2025/TT-BCA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 29 tháng 8 năm 2025\nTHÔNG TƯ\nQuy định biện pháp thực hiện bảo hiểm y tế\nCăn cứ Nghị định số 02/2025/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 11/2025/NĐ-CP;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định biện pháp thực hiện.\nĐiều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 13 tháng 10 năm 2025 và thay\nthế Thông tư số 43/2016/TT-BCA ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Công an.\n2. Bãi bỏ khoản 4 Điều 2 Thông tư số 57/2019/TT-BCA.\n",
    )
    .unwrap();
    std::fs::write(docs.join("note.txt"), "Ghi chú không có số hiệu.\n").unwrap();
    let (code, _, err) = run(
        dir.path(),
        &[
            "registry",
            "import",
            "texts",
            "docs",
            "--out",
            "out/learned.json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "2 texts read, 1 instruments (4 known only as targets), 2 effects, 1 facts about other instruments, 1 without a number"
        ),
        "{err}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&common::read(&dir.path().join("out/learned.json"))).unwrap();
    let ins = v["instrument"].as_array().unwrap();
    let own = &ins[0];
    assert_eq!(own["id"], "81/2025/TT-BCA");
    assert_eq!(own["issued"], "2025-08-29");
    assert_eq!(own["effective"], "2025-10-13");
    let rels = own["relation"].as_array().unwrap();
    let rows = [
        ("replaces", "43/2016/TT-BCA", "whole", None, 11),
        (
            "repeals",
            "57/2019/TT-BCA",
            "provisions",
            Some("khoản 4 Điều 2"),
            13,
        ),
    ];
    assert_eq!(rels.len(), rows.len(), "{rels:?}");
    for (r, (kind, target, scope, provisions, line)) in rels.iter().zip(rows) {
        assert_eq!(r["type"], kind);
        assert_eq!(r["target"], target);
        assert_eq!(r["scope"], scope);
        assert_eq!(r["provisions"].as_str(), provisions);
        assert_eq!(r["date"], "2025-10-13");
        assert_eq!(r["verified"], false);
        assert_eq!(r["source"]["line"], line);
        assert!(r["source"]["path"].as_str().unwrap().ends_with("tt.txt"));
    }
    let status = |id: &str| {
        ins.iter()
            .find(|i| i["id"] == id)
            .map(|i| i["status"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(status("43/2016/TT-BCA").as_deref(), Some("expired"));
    assert_eq!(status("57/2019/TT-BCA").as_deref(), Some("partly-expired"));
    let (code, out, _) = run(dir.path(), &["registry", "check", "out/learned.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" 0 errors"), "{out}");
    // Never into the curated data.
    let (code, _, err) = run(
        dir.path(),
        &[
            "registry",
            "import",
            "texts",
            "docs",
            "--out",
            "corpus/x.json",
        ],
    );
    assert_ne!(code, 0);
    assert!(err.contains("corpus/"), "{err}");
}

/// `cancu index` learns from the indexed documents that are instruments, as `report` does:
/// a folder holding a circular that replaces 43/2016/TT-BCA and a plan citing 43/2016/TT-BCA
/// answers "replaced" through `--index` (show, check), with no import; a changed text is
/// learned again, a deleted one forgotten.
#[test]
fn index_learns_from_the_instruments_it_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let circular = "BỘ CÔNG AN\nSố: 81/2025/TT-BCA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 29 tháng 8 năm 2025\nTHÔNG TƯ\nQuy định biện pháp thực hiện bảo hiểm y tế\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định biện pháp thực hiện.\nĐiều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 13 tháng 10 năm 2025 và thay thế Thông tư số 43/2016/TT-BCA ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Công an.\n";
    std::fs::write(docs.join("tt.txt"), circular).unwrap();
    std::fs::write(
        docs.join("plan.txt"),
        "UBND XÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện bảo hiểm y tế\nCăn cứ Thông tư số 43/2016/TT-BCA ngày 25 tháng 10 năm 2016 của Bộ Công an;\n",
    )
    .unwrap();
    let index = || run(dir.path(), &["index", "docs", "--index", "idx"]);
    let show = || run(dir.path(), &["show", "43/2016/TT-BCA", "--index", "idx"]);
    let check = |with_index: bool| {
        let mut a = vec!["check", "docs/plan.txt", "--format", "short"];
        if with_index {
            a.extend(["--index", "idx"]);
        }
        run(dir.path(), &a)
    };
    // (what, expected in the output) before indexing: nothing learned.
    let (_, out, _) = check(false);
    assert!(!out.contains("C0302"), "{out}");
    let (code, _, err) = index();
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("idx/learned.json").is_file());
    // `registry check --index` compares what the index learned with the other sources.
    std::fs::write(
        dir.path().join("pd.toml"),
        "[[instrument]]\nid = \"43/2016/TT-BCA\"\nkind = \"thong-tu\"\nstatus = \"in-force\"\n[[instrument.source]]\nref = \"Bộ pháp điển điện tử (phapdien.moj.gov.vn)\"\n",
    )
    .unwrap();
    let (_, out, err) = run(
        dir.path(),
        &["registry", "check", "pd.toml", "--index", "idx"],
    );
    let line = out
        .lines()
        .find(|l| l.contains("[conflict] 43/2016/TT-BCA: status"))
        .unwrap_or_else(|| panic!("no conflict in {out}{err}"));
    for want in [
        "learned by the index",
        "expired",
        "in-force (Bộ pháp điển",
        "wins by precedence: expired",
    ] {
        assert!(line.contains(want), "{want:?} not in {line}");
    }
    let (code, out, err) = show();
    assert_eq!(code, 0, "{err}");
    for want in ["đã bị thay thế", "81/2025/TT-BCA", "docs/tt.txt:10"] {
        assert!(out.contains(want), "{want:?} not in {out}");
    }
    let (_, out, _) = check(true);
    assert!(out.contains("plan.txt:6") && out.contains("C0302"), "{out}");
    let (_, out, _) = check(false);
    assert!(!out.contains("C0302"), "{out}");
    // The circular changed (no longer replaces it): learned again.
    std::fs::write(
        docs.join("tt.txt"),
        circular.replace(
            " và thay thế Thông tư số 43/2016/TT-BCA ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Công an",
            "",
        ),
    )
    .unwrap();
    let (code, _, err) = index();
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = check(true);
    assert!(!out.contains("C0302"), "{out}");
    // Deleted: forgotten.
    std::fs::write(docs.join("tt.txt"), circular).unwrap();
    index();
    let (_, out, _) = check(true);
    assert!(out.contains("C0302"), "{out}");
    std::fs::remove_file(docs.join("tt.txt")).unwrap();
    index();
    let (_, out, _) = check(true);
    assert!(!out.contains("C0302"), "{out}");
    let (code, _, _) = show();
    assert_eq!(code, 1, "43/2016/TT-BCA is no longer known");
}

/// `registry check` lists the conflicts between sources with both sources and the winner by
/// precedence (own text > Pháp điển > CSV), flags a day/month swap, and compares files with
/// the built-in registry (116/2025/QH15 takes effect on 01/07/2026).
#[test]
fn check_lists_conflicts_between_sources() {
    let dir = tempfile::tempdir().unwrap();
    let entry = |id: &str, facts: &str, source: &str| {
        format!("[[instrument]]\nid = \"{id}\"\nkind = \"nghi-dinh\"\n{facts}\n[[instrument.source]]\nref = \"{source}\"\n")
    };
    std::fs::write(
        dir.path().join("csv.toml"),
        [
            entry(
                "101/2020/NĐ-CP",
                "issued = \"2020-08-28\"",
                "CSV register reg.csv",
            ),
            entry(
                "5/2021/NĐ-CP",
                "issued = \"2021-03-04\"",
                "CSV register reg.csv",
            ),
            entry(
                "116/2025/QH15",
                "effective = \"2026-01-07\"",
                "CSV register reg.csv",
            ),
        ]
        .concat(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pd.toml"),
        [
            entry(
                "101/2020/NĐ-CP",
                "issued = \"2016-09-01\"",
                "Bộ pháp điển điện tử (phapdien.moj.gov.vn)",
            ),
            entry(
                "5/2021/NĐ-CP",
                "issued = \"2021-04-03\"",
                "Bộ pháp điển điện tử (phapdien.moj.gov.vn)",
            ),
        ]
        .concat(),
    )
    .unwrap();
    let (_, out, err) = run(dir.path(), &["registry", "check", "csv.toml", "pd.toml"]);
    // (line start, pieces the line holds)
    let rows: [(&str, &[&str]); 3] = [
        (
            "pd.toml: warning[conflict] 101/2020/NĐ-CP: issued",
            &["2020-08-28 (CSV register", "2016-09-01 (Bộ pháp điển", "wins by precedence: 2016-09-01"],
        ),
        (
            "pd.toml: warning[day-month-swap] 5/2021/NĐ-CP: issued",
            &["2021-03-04", "2021-04-03", "day/month swap"],
        ),
        (
            "corpus/registry/instruments.toml (built in): warning[day-month-swap] 116/2025/QH15: effective",
            &["2026-07-01", "2026-01-07 (CSV register", "wins by precedence: 2026-07-01"],
        ),
    ];
    for (start, pieces) in rows {
        let line = out
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line {start:?} in {out}{err}"));
        for p in pieces {
            assert!(line.contains(p), "{p:?} not in {line}");
        }
    }
    assert!(out.contains("3 conflicts between sources"), "{out}");
    // JSON: both sources of each conflict and the winner.
    let (_, json, _) = run(
        dir.path(),
        &[
            "registry", "check", "csv.toml", "pd.toml", "--format", "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c = &v["conflicts"][0];
    assert_eq!(c["id"], "101/2020/NĐ-CP");
    assert_eq!(c["claims"].as_array().unwrap().len(), 2);
    assert_eq!(
        c["claims"][c["winner"].as_u64().unwrap() as usize]["rank"],
        "phap-dien"
    );
}

/// The seed's registry findings still hold with everything the registry now learns: the
/// Party's 28-NQ/TW (2013) superseded on 24/11/2023 (C0303, lines 58 and 168) and the
/// district directive 14-CT/HU of 2022 with the 2024 one cited beside it (C0306, line 91), as
/// `check` gives them alone and with the learned layer of an index over the bundled plans.
#[test]
fn seed_findings_on_28_nq_tw_and_14_ct_hu_still_hold() {
    let dir = tempfile::tempdir().unwrap();
    let plans = common::root().join("corpus/plans");
    let seed = plans.join("ke-hoach-qpdp-2024-xa-xuan-luong.txt");
    let seed = seed.to_str().unwrap();
    let idx = dir.path().join("idx");
    let (code, _, err) = run(
        dir.path(),
        &[
            "index",
            plans.to_str().unwrap(),
            "--index",
            idx.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    // (line, code, words the finding holds)
    let rows: [(usize, &str, &[&str]); 3] = [
        (58, "C0303", &["28-NQ/TW", "25/10/2013", "24/11/2023"]),
        (168, "C0303", &["28-NQ/TW", "25/10/2013", "24/11/2023"]),
        (91, "C0306", &["14-CT/HU", "2022", "26-CT/HU"]),
    ];
    for with_index in [false, true] {
        let mut args = vec!["check", seed, "--format", "short"];
        if with_index {
            args.extend(["--index", idx.to_str().unwrap()]);
        }
        let (_, out, err) = run(dir.path(), &args);
        for (line, code, words) in rows {
            let found = out
                .lines()
                .find(|l| l.contains(&format!(".txt:{line}:")) && l.contains(&format!("[{code}]")));
            let found = found.unwrap_or_else(|| {
                panic!("no {code} at line {line} (index: {with_index}) in {out}{err}")
            });
            for w in words {
                assert!(found.contains(w), "{w:?} not in {found}");
            }
        }
    }
}
