//! Registry-driven checking with a real register: the Bình Dương register (../shared) is
//! imported with `cancu registry import csv`, then a text citing one of its expired decisions
//! and one of its in-force decisions is checked: only the expired one is flagged.

mod common;

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(common::cancu())
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("run cancu");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn expired_register_entries_are_flagged_in_force_ones_are_not() {
    let Some(shared) = common::shared("expired_register_entries_are_flagged") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let csv = shared.join("data/binh-duong-register/data_vanbanphapluatBinhDuong.csv");
    let out = dir.path().join("binh-duong.json");
    let (code, _, err) = run(&[
        "registry",
        "import",
        "csv",
        csv.to_str().unwrap(),
        "--map",
        "so_ky_hieu=number_symbol,ngay_ban_hanh=issued,trich_yeu=title,hieu_luc=status",
        "--issuer",
        "UBND tỉnh Bình Dương",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");

    // One expired and one in-force decision of the province, as imported.
    let v: serde_json::Value = serde_json::from_str(&common::read(&out)).unwrap();
    let all = v["instrument"].as_array().expect("instruments");
    let pick = |status: &str| {
        all.iter()
            .find(|i| i["status"] == status && i["symbol"] == "QĐ-UBND" && i["issued"].is_string())
            .unwrap_or_else(|| panic!("a {status} QĐ-UBND in the register"))
            .clone()
    };
    let cite = |i: &serde_json::Value| {
        let d: Vec<&str> = i["issued"].as_str().unwrap().split('-').collect();
        format!(
            "Căn cứ Quyết định số {}/QĐ-UBND ngày {}/{}/{} của UBND tỉnh Bình Dương;\n",
            i["number"].as_str().unwrap(),
            d[2],
            d[1],
            d[0]
        )
    };
    let (expired, in_force) = (pick("expired"), pick("in-force"));
    let plan = dir.path().join("plan.txt");
    std::fs::write(&plan, format!("{}{}", cite(&expired), cite(&in_force))).unwrap();

    let (code, stdout, err) = run(&[
        "check",
        plan.to_str().unwrap(),
        "--registry",
        out.to_str().unwrap(),
        "--as-of",
        "today",
        "--format",
        "short",
    ]);
    assert_eq!(code, 1, "{stdout}{err}");
    let flagged: Vec<&str> = stdout.lines().filter(|l| l.contains("[C03")).collect();
    assert_eq!(flagged.len(), 1, "{stdout}");
    assert!(
        flagged[0].contains(":1:"),
        "the expired one, on line 1: {stdout}"
    );
    assert!(
        flagged[0].contains(&format!("{}/QĐ-UBND", expired["number"].as_str().unwrap())),
        "{stdout}"
    );
    assert!(
        !stdout.contains(":2:"),
        "the in-force one is not flagged: {stdout}"
    );
}
