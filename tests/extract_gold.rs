//! The extractor against hand-annotated gold files: the seed plan (bundled fixture), the
//! plans bundled in corpus/plans, and real documents from ../shared/data (skipped when absent,
//! failing under `CANCU_REQUIRE_SHARED=1`).
//!
//! Every set's figures are pinned at what was achieved when it was last measured (`pinned`):
//! a change that loses a mention, finds a spurious one or gets a year or symbol wrong fails
//! here, and a change that does better must raise the pin. `fields_right == matched` on every
//! set: a matched mention with a wrong year or symbol is a failure, not a near miss.
//!
//! The sets: `real/` (annotated by hand, tuned on), `dev/` (annotated blind, scored once, then
//! tuned on — it was called `heldout/`), `blind/` (annotated blind by someone who never saw the
//! tool's output, 2026-12-07; scored, never tuned on: do not look at its failures to change the
//! extractor).

mod common;

use cancu::eval::{score, Gold, Score};
use std::path::Path;

fn gold(p: &Path) -> Gold {
    serde_json::from_str(&common::read(p)).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Text of a data file: `full_text` for the gazette JSON documents, else the file.
fn text_of(p: &Path) -> String {
    let raw = common::read(p);
    if p.extension().is_some_and(|e| e == "json") {
        let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
        v["full_text"].as_str().unwrap_or("").to_string()
    } else {
        raw
    }
}

fn report(name: &str, s: &Score) -> String {
    format!(
        "{name}: gold {} found {} matched {} (fields right {}): precision {:.3} recall {:.3}\n{}",
        s.gold,
        s.found,
        s.matched,
        s.fields_right,
        s.precision(),
        s.recall(),
        s.problems.join("\n")
    )
}

/// The figures a set achieved when last measured: precision and recall never below them,
/// and every matched mention's year and symbol right.
fn pinned(name: &str, s: &Score, precision: f64, recall: f64) {
    let r = report(name, s);
    eprintln!("{r}");
    assert!(
        s.precision() >= precision - 1e-9,
        "{name}: precision {:.3} below the pinned {precision:.3}\n{r}",
        s.precision()
    );
    assert!(
        s.recall() >= recall - 1e-9,
        "{name}: recall {:.3} below the pinned {recall:.3}\n{r}",
        s.recall()
    );
    assert_eq!(
        s.fields_right, s.matched,
        "{name}: a year or symbol wrong\n{r}"
    );
}

#[test]
fn seed_plan_matches_gold() {
    let g = gold(&common::fixture("seed-citations.json"));
    let text = common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"));
    let s = score(&g, &cancu::extract(&text).citations);
    // 49 of 49 (2026-12-07).
    assert_eq!((s.gold, s.found), (49, 49), "{}", report("seed", &s));
    pinned("seed", &s, 1.0, 1.0);
}

#[test]
fn bundled_plans_match_gold() {
    let dir = common::root().join("tests/fixtures/gold/bundled");
    let mut total = Score::default();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("gold/bundled") {
        let p = entry.unwrap().path();
        let g = gold(&p);
        let text = common::read(&common::root().join("corpus/plans").join(&g.file));
        let s = score(&g, &cancu::extract(&text).citations);
        eprintln!("{}", report(&g.file, &s));
        total.add(&s);
        n += 1;
    }
    assert!(n >= 4, "expected the four bundled plans' gold files");
    // 125 of 125 (2026-12-07).
    assert_eq!(
        (total.gold, total.found),
        (125, 125),
        "{}",
        report("bundled", &total)
    );
    pinned("bundled", &total, 1.0, 1.0);
}

/// Score every gold file of `tests/fixtures/gold/<set>` against its document in ../shared/data,
/// printing each document's score and problems.
fn score_real_set(set: &str, shared: &Path, min_docs: usize) -> Score {
    score_set(set, shared, min_docs, true)
}

/// The same, printing nothing per document (the blind set: its failures are not to be read).
fn score_real_set_quiet(set: &str, shared: &Path, min_docs: usize) -> Score {
    score_set(set, shared, min_docs, false)
}

fn score_set(set: &str, shared: &Path, min_docs: usize, verbose: bool) -> Score {
    let dir = common::root().join("tests/fixtures/gold").join(set);
    let mut total = Score::default();
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for p in entries {
        let g = gold(&p);
        let text = text_of(&shared.join("data").join(&g.file));
        let s = score(&g, &cancu::extract(&text).citations);
        if verbose {
            eprintln!("{}", report(&g.file, &s));
        }
        total.add(&s);
        n += 1;
    }
    assert!(
        n >= min_docs,
        "at least {min_docs} annotated documents in {set}"
    );
    total
}

#[test]
fn real_documents_match_gold() {
    let Some(shared) = common::shared("real_documents_match_gold") else {
        return;
    };
    let total = score_real_set("real", &shared, 13);
    // 151 of 151 (2026-12-07).
    assert_eq!(
        (total.gold, total.found),
        (151, 151),
        "{}",
        report("real", &total)
    );
    pinned("real", &total, 1.0, 1.0);
}

/// Documents annotated blind, scored once (0.989 precision first), then tuned on: a dev set
/// now (formerly `heldout/`).
#[test]
fn dev_documents_match_gold() {
    let Some(shared) = common::shared("dev_documents_match_gold") else {
        return;
    };
    let total = score_real_set("dev", &shared, 8);
    // 87 of 87 (2026-12-07).
    assert_eq!(
        (total.gold, total.found),
        (87, 87),
        "{}",
        report("dev", &total)
    );
    pinned("dev", &total, 1.0, 1.0);
}

/// BLIND: 9 documents annotated by someone who never saw cancu's output (8 chosen plus one
/// extra; tests/fixtures/gold/blind/README.md says how they were chosen), copied from
/// /work/gold-work/extract-blind at 00:40 UTC on 2026-12-07 and scored ONCE, on main at 868a398:
/// gold 235, found 237, matched 228 (precision 0.962, recall 0.970), year and symbol right on
/// 221 of the 228. Those are the pins (floors). Matched mentions with a wrong year or symbol are
/// allowed up to the 7 found then (`fields_right == matched` does not hold on this set): a
/// pin, not a target. Never tuned on: only the totals are printed here, not what was missed —
/// a change is judged on dev, and this set only tells whether it generalised.
#[test]
fn blind_documents_match_gold() {
    let Some(shared) = common::shared("blind_documents_match_gold") else {
        return;
    };
    let total = score_real_set_quiet("blind", &shared, 9);
    let r = format!(
        "blind: gold {} found {} matched {} (fields right {}): precision {:.3} recall {:.3}",
        total.gold,
        total.found,
        total.matched,
        total.fields_right,
        total.precision(),
        total.recall()
    );
    eprintln!("{r}");
    assert_eq!(total.gold, 235, "the blind gold changed: {r}");
    assert!(total.matched >= 228, "recall below the pinned 228/235: {r}");
    assert!(
        total.found - total.matched <= 9,
        "more spurious citations than the pinned 9: {r}"
    );
    assert!(
        total.matched - total.fields_right <= 7,
        "more matched mentions with a wrong year or symbol than the pinned 7: {r}"
    );
}
