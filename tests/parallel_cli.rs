//! Whole commands on all cores (issue 19): the output of `-j 1` and of `-j 3` is the same,
//! byte for byte, in the order of the inputs, for every command that reads many documents.
//! Performance is measured in BENCHMARKS.md, never here.

mod common;

use std::path::PathBuf;
use std::process::Command;

fn run(args: &[&str], threads: &str) -> (Option<i32>, String, String) {
    let out = Command::new(common::cancu())
        .args(["-q", "-j", threads])
        .args(args)
        .current_dir(common::root())
        .output()
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn one_thread_and_three_give_the_same_output_in_input_order() {
    // The plans in an order that is not the walk's, twice over, with a bad file between.
    let plans: Vec<PathBuf> = std::fs::read_dir(common::root().join("corpus/plans"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let mut files: Vec<String> = plans
        .iter()
        .rev()
        .map(|p| p.display().to_string())
        .collect();
    files.push("/nonexistent/plan.txt".into());
    files.extend(plans.iter().map(|p| p.display().to_string()));
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    // (command, options) → also checks the paths come out in the order given.
    let rows: [(&str, &[&str]); 10] = [
        ("extract", &["--format", "ndjson"]),
        ("extract", &["--format", "json"]),
        ("extract", &[]),
        ("report", &["--no-index"]),
        ("report", &["--no-index", "--format", "json"]),
        ("cites", &["Luật Dân quân tự vệ", "--format", "ndjson"]),
        ("check", &["--format", "json"]),
        ("check", &["--format", "short"]),
        ("check", &["--format", "sarif"]),
        ("check", &[]),
    ];
    for (cmd, opts) in rows {
        let mut args = vec![cmd];
        args.extend_from_slice(opts);
        args.extend_from_slice(&files);
        let one = run(&args, "1");
        let three = run(&args, "3");
        assert!(!one.1.is_empty(), "{args:?}: no output\n{}", one.2);
        assert_eq!(one, three, "{cmd} {opts:?}: -j 1 and -j 3 differ");
        assert!(one.2.contains("/nonexistent/plan.txt"), "{cmd}: {}", one.2);
        // Each plan's first mention comes in the order the paths were given.
        let firsts: Vec<usize> = plans
            .iter()
            .rev()
            .filter_map(|p| one.1.find(&p.display().to_string()))
            .collect();
        if firsts.len() == plans.len() {
            assert!(
                firsts.windows(2).all(|w| w[0] < w[1]),
                "{cmd} {opts:?}: {firsts:?}"
            );
        }
    }
}

/// Regression: a document with very many citations was rendered whole before it was
/// written (its JSON is ~35 times its text: a 10 MB file of citations took a gigabyte).
/// Above 20,000 citations it is written a citation at a time by the output thread; the
/// JSON, the NDJSON and a small document beside it read the same as the whole rendering.
#[test]
fn a_document_with_very_many_citations_is_written_piece_by_piece() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let big = dir.path().join("dense.txt");
    let n = 20_050;
    let text: String = (0..n)
        .map(|i| format!("Nghị định số {}/2020/NĐ-CP; ", i % 300 + 1))
        .collect();
    std::fs::write(&big, text).unwrap_or_else(|e| panic!("{e}"));
    let small = common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt");
    let (b, s) = (big.display().to_string(), small.display().to_string());
    let (code, json, err) = run(&["extract", "--format", "json", &b, &s], "2");
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("not JSON: {e}"));
    let docs = v["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), 2);
    let cites = docs[0]["citations"].as_array().cloned().unwrap_or_default();
    assert_eq!(cites.len(), n);
    assert_eq!(docs[1]["citations"].as_array().map(Vec::len), Some(49));
    // The streamed document has the keys a whole one has, its own path among them.
    let keys = |d: &serde_json::Value| -> Vec<String> {
        d.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    assert_eq!(keys(&docs[0]), keys(&docs[1]));
    assert_eq!(docs[0]["path"].as_str(), Some(b.as_str()));
    assert_eq!(docs[0]["format"], docs[1]["format"]);
    let (code, nd, err) = run(&["extract", "--format", "ndjson", &b, &s], "2");
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<serde_json::Value> = nd
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), n + 49);
    // The NDJSON line is the JSON's citation with its path.
    for (line, c) in lines.iter().zip(&cites).step_by(997) {
        let mut c = c.clone();
        c["path"] = serde_json::Value::String(b.clone());
        assert_eq!(line, &c);
    }
    // Pretty JSON as a whole document prints it: two-space steps, a final newline.
    assert!(json.starts_with("{\n  \"documents\": [\n    {\n      \"citations\": [\n        {"));
    assert!(json.ends_with("}\n"));
}
