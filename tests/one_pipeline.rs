//! One analysis, one answer (issue #13): only `src/analysis.rs` composes the pipeline
//! (extract → outline → resolve → check). A tidy test in the manner of rust-analyzer's: it
//! reads the sources and fails when a module outside the stages themselves calls a stage's
//! whole-document entry point (their own unit tests, after `#[cfg(test)]`, are not read).

mod common;

use std::path::Path;

/// The whole-document entry points of the stages after extraction.
const STAGE_CALLS: &[&str] = &[
    "resolve_all(",
    "resolve_document(",
    "outline::outline(",
    "check::check(",
    "check_resolved(",
    "fill_findings(",
];

/// The modules allowed to name them: the analysis, and the stages that define them (the
/// registry's adapter implements the checker's `Knowledge::resolve_document`).
const ALLOWED: &[&str] = &[
    "src/analysis.rs",
    "src/resolve.rs",
    "src/outline.rs",
    "src/outline/",
    "src/check/",
    "src/knowledge.rs",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.unwrap_or_else(|e| panic!("{e}")).path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// (file, line, call) of every composition outside the allowed modules.
fn offenders(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.iter().any(|a| rel.starts_with(a)) {
            continue;
        }
        let text = common::read(&f);
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in code.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("//") {
                continue;
            }
            for call in STAGE_CALLS {
                if l.contains(call) {
                    bad.push(format!("{rel}:{}: {call}", i + 1));
                }
            }
        }
    }
    bad
}

#[test]
fn only_the_analysis_composes_the_pipeline() {
    let bad = offenders(&common::root());
    assert!(
        bad.is_empty(),
        "modules composing the pipeline themselves (call crate::analysis::analyze instead):\n{}",
        bad.join("\n")
    );
}

/// The test can fail: a module that composes the pipeline is named.
#[test]
fn a_composing_module_is_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let rows = [
        (
            "src/cli/x.rs",
            "fn f() { resolve::resolve_all(t, &mut e, r); }\n",
            1,
        ),
        ("src/serve/y.rs", "let d = check::check(t, &e, k, o);\n", 1),
        (
            "src/graph.rs",
            "let o = crate::outline::outline(text);\n",
            1,
        ),
        (
            "src/analysis.rs",
            "let o = crate::outline::outline(text);\n",
            0,
        ),
        ("src/cli/z.rs", "// resolve_all( in a comment\n", 0),
        (
            "src/cli/w.rs",
            "fn a() {}\n#[cfg(test)]\nmod tests { fn t() { resolve_all(x); } }\n",
            0,
        ),
    ];
    for (path, text, n) in rows {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap_or(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
        let got = offenders(dir.path());
        assert_eq!(got.len(), n, "{path}: {got:?}");
        std::fs::remove_file(&p).unwrap_or_else(|e| panic!("{e}"));
    }
}
