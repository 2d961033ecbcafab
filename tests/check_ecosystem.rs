//! The ecosystem check (as ruff's): `cancu check` over the 32 real documents of the dev list
//! (tests/fixtures/check/dev-files.txt, paths under ../shared/data) must give exactly the
//! findings of the committed baseline (tests/fixtures/check/baseline-dev.tsv: file, line,
//! code, cited text). A change of rules shows here as what it adds and removes; accept it
//! with `cancu check --baseline tests/fixtures/check/baseline-dev.tsv --update-baseline
//! $(cat tests/fixtures/check/dev-files.txt)` run in ../shared/data, after judging it.

mod common;

use std::process::Command;

#[test]
fn dev_documents_give_the_committed_baseline() {
    let Some(shared) = common::shared("dev_documents_give_the_committed_baseline") else {
        assert!(
            std::env::var_os("CANCU_REQUIRE_SHARED").is_none_or(|v| v != "1"),
            "CANCU_REQUIRE_SHARED=1 but the shared data folder is absent"
        );
        return;
    };
    let data = shared.join("data");
    let list = common::read(&common::fixture("check/dev-files.txt"));
    let files: Vec<&str> = list.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(files.len(), 32);
    let baseline = common::fixture("check/baseline-dev.tsv");
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
