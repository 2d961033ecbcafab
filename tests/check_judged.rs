//! `cancu check` scored against the judged sets of real documents (tests/fixtures/gold/check:
//! a judge's verdict on every warning of an earlier checker, and the real defects found by
//! reading documents in full), as tests/fixtures/check/score.py scores them: floors only,
//! so a change that loses true findings, brings back judged false alarms or misses defects
//! found before fails here. The documents are in ../shared/data (skipped without it).
//!
//! A judged finding counts as still reported when a warning or error is at its file and
//! line with its code, or another code of the date family (merged into one diagnostic per
//! citation); a missed defect counts as found when a warning or error within one line has
//! the code expected for it (tests/fixtures/gold/check/missed-codes.tsv, or one of its date
//! family) and its message quotes a number written in the cited text.

mod common;

const DATE: &[&str] = &[
    "C0201", "C0202", "C0205", "C0209", "C0211", "C0213", "C0214", "C0301",
];

/// (file, line, code, message) of each warning or error of `cancu check --format short`.
fn findings(out: &str) -> Vec<(String, usize, String, String)> {
    out.lines()
        .filter_map(|l| {
            let (head, _) = l.split_once(": ")?;
            let rest = &l[head.len() + 2..];
            let code = rest
                .strip_prefix("warning[")
                .or_else(|| rest.strip_prefix("error["))?;
            let (code, msg) = code.split_once(']')?;
            let mut parts = head.rsplitn(3, ':');
            let _col = parts.next()?;
            let line = parts.next()?.parse().ok()?;
            let file = parts.next()?.to_string();
            Some((file, line, code.to_string(), msg.to_string()))
        })
        .collect()
}

/// The expected codes of each missed defect, by (file, line).
fn expected_codes() -> std::collections::HashMap<(String, usize), Vec<String>> {
    common::read(&common::fixture("gold/check/missed-codes.tsv"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("path\t") && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let codes = c[2].split(',').map(str::to_string).collect();
            ((c[0].to_string(), c[1].parse().expect("line")), codes)
        })
        .collect()
}

/// Whether a finding's message quotes one of the numbers written in a cited text (its
/// words holding a digit and a '/': "08/2017/TT", "ngày14/5/2013", "2008/BLĐTBXH").
fn quotes_cited(msg: &str, cited: &str) -> bool {
    cited
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()))
        .any(|w| msg.contains(w))
}

fn rows(name: &str) -> Vec<Vec<String>> {
    common::read(&common::fixture(name))
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

struct Score {
    true_kept: usize,
    false_kept: usize,
    missed_found: usize,
    missed_all: usize,
}

fn score(test: &str, list: &str, judged: &str, missed: &str) -> Option<Score> {
    let shared = common::shared(test)?;
    let files: Vec<String> = common::read(&common::fixture(list))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let new = findings(&common::check_output(
        &["--lang", "en", "--format", "short"],
        &files,
        &shared.join("data"),
    ));
    let same = |a: &str, b: &str| a == b || (DATE.contains(&a) && DATE.contains(&b));
    let mut used = vec![false; new.len()];
    let (mut t, mut f) = (0, 0);
    for j in rows(judged) {
        let line: usize = j[1].parse().expect("judged line");
        let hit = new
            .iter()
            .enumerate()
            .position(|(i, n)| !used[i] && n.0 == j[0] && n.1 == line && same(&n.2, &j[3]));
        if let Some(i) = hit {
            used[i] = true;
            if j[4] == "T" {
                t += 1;
            } else {
                f += 1;
            }
        }
    }
    let missed = rows(missed);
    let expected = expected_codes();
    let found = missed
        .iter()
        .filter(|m| {
            let line: usize = m[1].parse().expect("missed line");
            let want = expected
                .get(&(m[0].clone(), line))
                .unwrap_or_else(|| panic!("no expected code for {}:{line}", m[0]));
            new.iter().any(|n| {
                n.0 == m[0]
                    && n.1.abs_diff(line) <= 1
                    && want.iter().any(|w| same(&n.2, w))
                    && quotes_cited(&n.3, &m[2])
            })
        })
        .count();
    println!(
        "{list}: judged true kept {t}, judged false back {f}, missed defects found {found}/{}",
        missed.len()
    );
    Some(Score {
        true_kept: t,
        false_kept: f,
        missed_found: found,
        missed_all: missed.len(),
    })
}

/// dev3 (126 documents, judged 2026-12-07): main had 37 T / 9 F among warnings and found
/// 5 of the 18 missed defects (16 now: two are a probable wrong symbol and a wrong subject).
#[test]
fn dev3_judged_findings_and_missed_defects() {
    let Some(s) = score(
        "dev3_judged_findings_and_missed_defects",
        "check/dev3-files.txt",
        "gold/check/judged-dev3.tsv",
        "gold/check/missed-dev3.tsv",
    ) else {
        return;
    };
    assert!(s.true_kept >= 37, "true findings kept: {}", s.true_kept);
    assert!(
        s.false_kept == 0,
        "judged false alarms back: {}",
        s.false_kept
    );
    assert_eq!(s.missed_all, 18);
    assert!(
        s.missed_found >= 16,
        "missed defects found: {}/18",
        s.missed_found
    );
}

/// The first dev set (32 documents): 8 true findings kept, no false alarm, 3 of 3 defects.
#[test]
fn dev_judged_findings_and_missed_defects() {
    let Some(s) = score(
        "dev_judged_findings_and_missed_defects",
        "check/dev-files.txt",
        "gold/check/judged-dev.tsv",
        "gold/check/missed-dev.tsv",
    ) else {
        return;
    };
    assert!(s.true_kept >= 8, "true findings kept: {}", s.true_kept);
    assert!(
        s.false_kept == 0,
        "judged false alarms back: {}",
        s.false_kept
    );
    assert!(
        s.missed_found >= 3,
        "missed defects found: {}/3",
        s.missed_found
    );
}

/// blind3 (126 documents of the blind split, judged 2026-12-07 on main bde61ae's warnings:
/// 31 T / 3 F, plus 2 false C0305 notes; 24 defects that no warning caught, from 9 documents
/// read in full and a scan). Scored once, after the day's checker work, never tuned on:
/// 31 true findings kept, the 3 false alarms gone, 3 of the 24 defects now found (the
/// wrong date of 106/2016/QH13 from the registry, two misspelled ministry codes). A floor,
/// so that a change losing them shows here. Scored again on merged main after the date rules
/// (C0211 widened, C0213, C0214; their author never saw this set): 5 of 24 (a date written
/// twice, "21/11 /2025"); three more date defects are flagged on their line with their code
/// ("tháng 9 tháng 2022", "ngày ngày", "Luật Thương mại ngày 14/6/2025") but their messages
/// quote the date, not the cited number, so this test's rule does not count them.
#[test]
fn blind3_judged_findings_and_missed_defects() {
    let Some(s) = score(
        "blind3_judged_findings_and_missed_defects",
        "check/blind3-files.txt",
        "gold/check/judged-blind3.tsv",
        "gold/check/missed-blind3.tsv",
    ) else {
        return;
    };
    assert!(s.true_kept >= 31, "true findings kept: {}", s.true_kept);
    assert!(
        s.false_kept == 0,
        "judged false alarms back: {}",
        s.false_kept
    );
    assert_eq!(s.missed_all, 24);
    assert!(
        s.missed_found >= 5,
        "missed defects found: {}/24",
        s.missed_found
    );
}
