//! The ecosystem check (as ruff's): `cancu check` over the real documents of the dev lists
//! (tests/fixtures/check/dev-files.txt, 32 documents, and dev3-files.txt, 126; paths under
//! ../shared/data) must give exactly the findings of the committed baselines
//! (tests/fixtures/check/baseline-dev.tsv, baseline-dev3.tsv: file, line, code, cited text).
//! A change of rules shows here as what it adds and removes; accept it with `cancu check
//! --baseline tests/fixtures/check/baseline-dev.tsv --update-baseline $(cat
//! tests/fixtures/check/dev-files.txt)` (and the same for dev3) run in ../shared/data,
//! after judging it.

mod common;

use std::process::Command;

#[test]
fn dev_documents_give_the_committed_baseline() {
    same_as_baseline(
        "dev_documents_give_the_committed_baseline",
        "check/dev-files.txt",
        "check/baseline-dev.tsv",
        32,
    );
}

#[test]
fn dev3_documents_give_the_committed_baseline() {
    same_as_baseline(
        "dev3_documents_give_the_committed_baseline",
        "check/dev3-files.txt",
        "check/baseline-dev3.tsv",
        126,
    );
}

fn same_as_baseline(test: &str, list: &str, baseline: &str, n: usize) {
    let Some(shared) = common::shared(test) else {
        assert!(
            std::env::var_os("CANCU_REQUIRE_SHARED").is_none_or(|v| v != "1"),
            "CANCU_REQUIRE_SHARED=1 but the shared data folder is absent"
        );
        return;
    };
    let data = shared.join("data");
    let list = common::read(&common::fixture(list));
    let files: Vec<&str> = list.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(files.len(), n);
    let baseline = common::fixture(baseline);
    let out = Command::new(common::cancu())
        .arg("check")
        .arg("--baseline")
        .arg(&baseline)
        .args(&files)
        .current_dir(&data)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run cancu");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the findings differ from the baseline:\n{stdout}\n{stderr}"
    );
    assert!(stderr.contains("0 thêm, 0 bớt"), "{stderr}");
}
