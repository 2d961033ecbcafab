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
