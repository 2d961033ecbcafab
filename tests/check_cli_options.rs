//! `cancu check`'s options on the seed: rule selection (--select/--ignore, cancu.toml),
//! unresolved notes summarised or listed, --explain pages, the language.

mod common;

use std::path::Path;
use std::process::Command;

fn cancu(dir: &Path, args: &[&str], lang: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(common::cancu());
    cmd.arg("check")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL");
    if let Some(l) = lang {
        cmd.env("LANG", l);
    }
    let o = cmd.output().expect("run cancu");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The codes of `--format short` output, in order.
fn codes(out: &str) -> Vec<String> {
    out.lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next().map(str::to_string))
        .collect()
}

#[test]
fn selection_notes_explain_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let seed = common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"));
    std::fs::write(dir.path().join("seed.txt"), &seed).unwrap();
    let d = dir.path();
    // (args, every code starts with one of, must contain)
    let rows: &[(&[&str], &[&str], &str)] = &[
        (
            &["--format", "short", "--select", "time"],
            &["C03"],
            "C0303",
        ),
        (
            &["--format", "short", "--select", "C0104,C0109"],
            &["C0104", "C0109"],
            "C0109",
        ),
        (
            &["--format", "short", "--ignore", "shape,time,unknown"],
            &["C02"],
            "C0207",
        ),
        (
            &["--format", "short", "--select", "unknown", "--show-notes"],
            &["C04"],
            "C0401",
        ),
    ];
    for (args, prefixes, must) in rows {
        let mut a = args.to_vec();
        a.push("seed.txt");
        let (_, out, err) = cancu(d, &a, None);
        let got = codes(&out);
        assert!(got.iter().any(|c| c == must), "{args:?}: {out}{err}");
        assert!(
            got.iter()
                .all(|c| prefixes.iter().any(|p| c.starts_with(p))),
            "{args:?}: {got:?}"
        );
    }
    // Unresolved citations: one line per document by default, each with --show-notes.
    let (_, summary, _) = cancu(d, &["--format", "short", "seed.txt"], None);
    let (_, listed, _) = cancu(d, &["--format", "short", "--show-notes", "seed.txt"], None);
    let n = |s: &str| s.matches("[C0401]").count();
    assert_eq!(n(&summary), 1, "{summary}");
    assert!(n(&listed) > 1, "{listed}");
    // cancu.toml in the folder: select and ignore.
    std::fs::write(
        d.join("cancu.toml"),
        "[check]\nselect = [\"shape\"]\nignore = [\"C0102\"]\n",
    )
    .unwrap();
    let (_, out, _) = cancu(d, &["--format", "short", "seed.txt"], None);
    let got = codes(&out);
    assert!(
        !got.is_empty() && got.iter().all(|c| c.starts_with("C01") && c != "C0102"),
        "{got:?}"
    );
    // A typo in a selector is an error naming it.
    let (code, _, err) = cancu(d, &["--select", "shap", "seed.txt"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("shap"), "{err}");
    std::fs::remove_file(d.join("cancu.toml")).unwrap();
    // Vietnamese by default, English with --lang en or LANG=en_*.
    let (_, vi, _) = cancu(
        d,
        &["--format", "short", "--select", "C0101", "seed.txt"],
        None,
    );
    assert!(
        vi.contains("cảnh báo[C0101]: số hiệu thiếu năm ban hành"),
        "{vi}"
    );
    for (args, lang) in [
        (&["--lang", "en"][..], None),
        (&[][..], Some("en_US.UTF-8")),
    ] {
        let mut a = args.to_vec();
        a.extend(["--format", "short", "--select", "C0101", "seed.txt"]);
        let (_, en, _) = cancu(d, &a, lang);
        assert!(
            en.contains("warning[C0101]: number written without its year"),
            "{en}"
        );
    }
    // An --explain page for every rule, in both languages.
    for r in cancu::check::rules::ALL {
        for lang in ["vi", "en"] {
            let (code, out, err) = cancu(d, &["--explain", r.code, "--lang", lang], None);
            assert_eq!(code, 0, "{err}");
            assert!(
                out.starts_with(r.code) && out.len() > 150,
                "{}: {out}",
                r.code
            );
        }
    }
}
