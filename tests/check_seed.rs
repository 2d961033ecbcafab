//! `cancu check` on the seed plan: shape findings against the gold annotations, `--fix`
//! round trip, snapshots of the four output formats, exit codes.
//!
//! Snapshots live in tests/snapshots/ and are compared byte for byte; run with
//! `UPDATE_SNAPSHOTS=1` to rewrite them after a deliberate change.

mod common;

use cancu::check::{self, fix, NoKnowledge, Options};
use cancu::diag::Category;
use std::path::Path;
use std::process::Command;

const SEED: &str = "ke-hoach-qpdp-2024-xa-xuan-luong.txt";

fn seed_text() -> String {
    common::read(&common::fixture(SEED))
}

/// (line, text written, replacement) of every shape fix on the seed.
const SHAPE_FIXES: &[(usize, &str, &str)] = &[
    (6, "168 NĐ-CP", "168/2018/NĐ-CP"),
    (54, "28  NQ/TW", "28-NQ/TW"),
    (58, "28/NQ/TW", "28-NQ/TW"),
    (66, "Kết luân", "Kết luận"),
    (68, "28 NQ/TW", "28-NQ/TW"),
    (70, "12- CT/TW", "12-CT/TW"),
    (77, "21/2019 NĐ-CP", "21/2019/NĐ-CP"),
    (81, "số", "số "),
    (81, "01/2019/NĐ/CP", "01/2019/NĐ-CP"),
    (83, "só", "số"),
    (85, "164/2018 NĐ-CP", "164/2018/NĐ-CP"),
    (89, "17/2012 QĐ-TTg", "17/2012/QĐ-TTg"),
    (168, "28 NQ/TW", "28-NQ/TW"),
    (277, "Đè án", "Đề án"),
    (356, "12 ĐA-", "12/ĐA-UBND"),
    (382, "02/2020 /NĐ-CP", "02/2020/NĐ-CP"),
    (402, "Nghi định", "Nghị định"),
    (402, "02/2020 /NĐ-CP", "02/2020/NĐ-CP"),
];

fn shape_diags(text: &str) -> Vec<cancu::diag::Diagnostic> {
    let ex = cancu::extract(text);
    check::check(text, &ex, &NoKnowledge, &Options::default())
        .into_iter()
        .filter(|d| d.category == Category::Shape)
        .collect()
}

#[test]
fn seed_shape_fixes_are_exactly_the_expected_ones() {
    let text = seed_text();
    let got: Vec<(usize, String, String)> = shape_diags(&text)
        .iter()
        .map(|d| {
            let s = d
                .suggestion
                .as_ref()
                .expect("every seed shape finding has a fix");
            let l = d.primary().unwrap();
            (
                l.line,
                text[s.start..s.end].to_string(),
                s.replacement.clone(),
            )
        })
        .collect();
    let want: Vec<(usize, String, String)> = SHAPE_FIXES
        .iter()
        .map(|(l, w, r)| (*l, w.to_string(), r.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// Every gold mention marked malformed or typo has a shape finding within it; no other
/// (non-optional) mention has one.
#[test]
fn seed_shape_findings_match_the_gold() {
    let gold: serde_json::Value =
        serde_json::from_str(&common::read(&common::fixture("seed-citations.json"))).unwrap();
    let text = seed_text();
    let ex = cancu::extract(&text);
    let diags = shape_diags(&text);
    let mut bad = Vec::new();
    for m in gold["mentions"].as_array().unwrap() {
        if m["optional"].as_bool() == Some(true) {
            continue;
        }
        let line = m["line"].as_u64().unwrap() as usize;
        let defects: Vec<&str> = m["defects"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d.as_str())
            .collect();
        let wants_shape = defects.contains(&"malformed") || defects.contains(&"typo");
        // The extracted citation for this mention: same line, same number or law.
        let c = ex.citations.iter().find(|c| {
            c.line == line
                && (c.number.is_some() && c.number.as_deref() == m["number"].as_str()
                    || c.law.is_some() && c.law.as_deref() == m["law"].as_str())
        });
        let Some(c) = c else {
            bad.push(format!("line {line}: {} not extracted", m["text"]));
            continue;
        };
        let has = diags.iter().any(|d| {
            d.primary()
                .is_some_and(|l| l.start >= c.start && l.end <= c.end)
        });
        if has != wants_shape {
            bad.push(format!(
                "line {line}: {} — shape finding {has}, gold {defects:?}",
                m["text"]
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn fixing_the_seed_leaves_no_shape_findings_and_other_bytes_alone() {
    let text = seed_text();
    let ex = cancu::extract(&text);
    let diags = check::check(&text, &ex, &NoKnowledge, &Options::default());
    let fixed = fix::apply(&text, &diags);
    assert_eq!(fixed.applied.len(), SHAPE_FIXES.len());
    assert_eq!(fixed.skipped, 0);
    // Every byte outside the fixed spans is unchanged, in order.
    let (mut o, mut n) = (0usize, 0usize);
    for s in &fixed.applied {
        let keep = s.start - o;
        assert_eq!(&text[o..s.start], &fixed.text[n..n + keep]);
        n += keep;
        assert_eq!(&fixed.text[n..n + s.replacement.len()], s.replacement);
        n += s.replacement.len();
        o = s.end;
    }
    assert_eq!(&text[o..], &fixed.text[n..]);
    // No line joined.
    assert_eq!(text.lines().count(), fixed.text.lines().count());
    let left = shape_diags(&fixed.text);
    assert!(left.is_empty(), "{left:#?}");
}

/// A line break inside a number-symbol survives its fix.
#[test]
fn regression_fix_does_not_join_lines() {
    let text = "Căn cứ Nghị quyết số 28/NQ/\nTW ngày 25/10/2013 của Ban Chấp hành Trung ương;\n";
    let ex = cancu::extract(text);
    let diags = check::check(text, &ex, &NoKnowledge, &Options::default());
    let fixed = fix::apply(text, &diags);
    assert_eq!(
        fixed.text,
        "Căn cứ Nghị quyết số 28-NQ/\nTW ngày 25/10/2013 của Ban Chấp hành Trung ương;\n"
    );
}

fn cancu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::cancu())
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run cancu");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Compare with tests/snapshots/NAME byte for byte (UPDATE_SNAPSHOTS=1 rewrites it).
fn snapshot(name: &str, got: &str) {
    let p = common::root().join("tests").join("snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1)", p.display()));
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "{name} differs from the snapshot at line {}:\n  want {:?}\n  got  {:?}\n(run with UPDATE_SNAPSHOTS=1 to accept)",
            first + 1,
            want.lines().nth(first),
            got.lines().nth(first)
        );
    }
}

#[test]
fn snapshots_of_the_four_formats() {
    let seed = format!("tests/fixtures/{SEED}");
    for (format, file) in [
        ("rich", "seed.rich.txt"),
        ("short", "seed.short.txt"),
        ("json", "seed.json"),
        ("sarif", "seed.sarif.json"),
    ] {
        let (code, out, err) = cancu(&["check", "--format", format, &seed]);
        assert_eq!(code, 1, "{format}: {err}");
        snapshot(file, &out);
        if format != "rich" && format != "short" {
            serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
        }
    }
    let (code, out, _) = cancu(&["check", "--fix", "--dry-run", &seed]);
    assert_eq!(code, 1);
    snapshot("seed.fix.diff", &out);
}

#[test]
fn sarif_is_well_formed() {
    let seed = format!("tests/fixtures/{SEED}");
    let (_, out, _) = cancu(&["check", "--format", "sarif", &seed]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), check::rules::ALL.len());
    for r in run["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let reg = &r["locations"][0]["physicalLocation"]["region"];
        assert!(reg["startLine"].as_u64().unwrap() >= 1);
        assert!(reg["endColumn"].as_u64().is_some());
    }
}

#[test]
fn exit_codes() {
    let seed = format!("tests/fixtures/{SEED}");
    let rows: &[(&[&str], i32)] = &[
        (&["check", &seed], 1),
        (&["check", "--deny", "error", &seed], 0),
        (&["check", "--deny", "note", &seed], 1),
        (&["check", "no/such/file.txt"], 2),
        (&["check", "--as-of", "31/02/2024", &seed], 2),
        (&["check", "--as-of", "today", "--deny", "error", &seed], 0),
        (&["check", "--explain", "C0101"], 0),
        (&["check", "--explain", "list"], 0),
        (&["check", "--explain", "C9999"], 2),
    ];
    for (args, want) in rows {
        let (code, _, err) = cancu(args);
        assert_eq!(code, *want, "{args:?}: {err}");
    }
    let (_, out, _) = cancu(&["check", "--explain", "c0306"]);
    assert!(out.starts_with("C0306 (stale-annual"), "{out}");
}

#[test]
fn fix_writes_files_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(SEED);
    std::fs::copy(common::fixture(SEED), &p).unwrap();
    let ps = p.to_str().unwrap();
    let (code, out, err) = cancu(&["check", "--fix", "--format", "short", ps]);
    // --fix applies the 16 safe (typographic) fixes; the 6 inferred ones (years from the
    // date beside or the registry, a completed symbol, the date of 74/2015/NĐ-CP) wait for
    // --unsafe-fixes.
    assert!(err.contains("đã sửa 16 chỗ trong"), "{err}");
    assert!(out.contains("[C0101]") && !out.contains("[C0102]"), "{out}");
    assert_eq!(code, 1, "the inferred fixes and the stale directive remain");
    let backup = format!("{ps}.cancu-bak");
    assert_eq!(common::read(Path::new(&backup)), seed_text());
    // The file written is the library's safe fix of the seed.
    let text = seed_text();
    let ex = cancu::extract(&text);
    let reg = cancu::registry::Registry::builtin().unwrap();
    let know = cancu::knowledge::RegistryKnowledge::new(&reg);
    let diags = check::check(&text, &ex, &know, &Options::default());
    let safe = fix::apply_up_to(&text, &diags, cancu::diag::Applicability::Safe);
    assert_eq!(common::read(&p), safe.text);
    // Then the unsafe ones: the whole library fix, and the first backup is kept.
    let (code, out, err) = cancu(&["check", "--fix", "--unsafe-fixes", "--format", "short", ps]);
    assert!(err.contains("đã sửa 6 chỗ trong"), "{err}");
    assert!(!out.contains("[C01"), "{out}");
    assert_eq!(
        code, 1,
        "the stale directive and the UBND resolution remain"
    );
    assert_eq!(common::read(&p), fix::apply(&text, &diags).text);
    assert_eq!(common::read(Path::new(&backup)), seed_text());
    assert_eq!(common::read(Path::new(&format!("{backup}.1"))), safe.text);
    std::fs::remove_file(format!("{backup}.1")).unwrap();
    // A second run finds nothing to fix and writes no new backup.
    std::fs::remove_file(&backup).unwrap();
    let (_, out, _) = cancu(&["check", "--format", "short", ps]);
    assert!(!out.contains("[C01"), "{out}");
    cancu(&["check", "--fix", ps]);
    assert!(!Path::new(&backup).exists());
}

#[test]
fn extract_json_carries_findings() {
    let seed = format!("tests/fixtures/{SEED}");
    let (code, out, _) = cancu(&["extract", "--findings", "--format", "json", &seed]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cs = v["documents"][0]["citations"].as_array().unwrap();
    let first_decree = cs
        .iter()
        .find(|c| c["line"] == 6 && c["kind"] == "nghi-dinh")
        .unwrap();
    assert_eq!(first_decree["findings"][0]["code"], "C0101");
    let clean = cs.iter().find(|c| c["line"] == 10).unwrap();
    assert_eq!(clean["findings"].as_array().unwrap().len(), 0);
    // Without --findings no check work is done.
    let (code, out, _) = cancu(&["extract", "--format", "json", &seed]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cs = v["documents"][0]["citations"].as_array().unwrap();
    assert!(cs
        .iter()
        .all(|c| c["findings"].as_array().is_some_and(|f| f.is_empty())));
}
