//! The extractor against hand-annotated gold files: the seed plan (bundled fixture), the
//! plans bundled in corpus/plans, and real documents from ../shared/data (skipped when absent).

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

#[test]
fn seed_plan_matches_gold() {
    let g = gold(&common::fixture("seed-citations.json"));
    let text = common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"));
    let s = score(&g, &cancu::extract(&text).citations);
    let r = report("seed", &s);
    eprintln!("{r}");
    assert_eq!(s.recall(), 1.0, "{r}");
    assert!(s.precision() >= 0.98, "{r}");
    assert_eq!(s.fields_right, s.matched, "{r}");
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
    let r = report("bundled", &total);
    assert!(total.precision() >= 0.97 && total.recall() >= 0.97, "{r}");
}

/// Score every gold file of `tests/fixtures/gold/<set>` against its document in ../shared/data.
fn score_real_set(set: &str, shared: &Path, min_docs: usize) -> Score {
    let dir = common::root().join("tests/fixtures/gold").join(set);
    let mut total = Score::default();
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let g = gold(&p);
        let text = text_of(&shared.join("data").join(&g.file));
        let s = score(&g, &cancu::extract(&text).citations);
        eprintln!("{}", report(&g.file, &s));
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
    let total = score_real_set("real", &shared, 10);
    let r = report("real", &total);
    eprintln!("{r}");
    assert!(total.precision() >= 0.97 && total.recall() >= 0.97, "{r}");
}

/// Documents annotated by someone who never saw cancu's output, and not used to tune it
/// (a check of how the extractor does on text nobody tuned for).
#[test]
fn heldout_documents_match_gold() {
    let Some(shared) = common::shared("heldout_documents_match_gold") else {
        return;
    };
    let total = score_real_set("heldout", &shared, 8);
    let r = report("heldout", &total);
    eprintln!("{r}");
    assert!(total.precision() >= 0.95 && total.recall() >= 0.95, "{r}");
}
