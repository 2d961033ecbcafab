//! Outlines, `basis --section` and `basis --task` on real plans whose outline and tasks
//! were written down by annotators reading them (tests/fixtures/gold/outline/{dev,blind,dev2};
//! dev3 holds task queries only; method in each README), and the plan basis of 10 more dev documents written down by a
//! developer before running the tool on them (`dev-extra`, not blind). Needs the documents of `../shared` (skips without them, fails
//! under `CANCU_REQUIRE_SHARED=1`).
//!
//! Scores, each split apart:
//! - outline F1: a gold item is found when an item has the same path and a line within 2;
//! - basis coverage: the share of each task's instruments (its own and its footnotes') that
//!   `basis --section PATH` lists, and of the plan's basis that `plan_basis` lists;
//! - task top-1 / top-3: the share of typed queries whose item `basis --task` ranks first /
//!   in the first three (an item of the task's `also_ok` counts as right too).
//!
//! Thresholds are pinned at what the code achieves (see README "Outlines and tasks").

mod common;

use cancu::graph::{Backing, Graph};
use cancu::normalize::fold_key;
use cancu::registry::Registry;
use serde_json::Value;

#[derive(Debug, Default)]
struct Score {
    gold_items: usize,
    found_items: usize,
    predicted_items: usize,
    task_instruments: usize,
    task_covered: usize,
    basis_instruments: usize,
    basis_covered: usize,
    /// Instruments the gold says are NOT the plan's basis (proposals, the document's own
    /// identity, what its articles replace) and how many of them `plan_basis` lists.
    not_basis: usize,
    not_basis_listed: usize,
    queries: usize,
    top1: usize,
    top3: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.found_items as f64 / self.predicted_items.max(1) as f64;
        let r = self.found_items as f64 / self.gold_items.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            1.0
        } else {
            a as f64 / b as f64
        }
    }
}

/// A gold instrument ("66-NQ/TW", "Luật Thi đua, khen thưởng") is listed when a backing's
/// id, label or title holds it (folded, spaces ignored), not inside a longer number.
fn covers(list: &[Backing], gold: &str) -> bool {
    let squash = |s: &str| fold_key(s).replace(' ', "");
    // A law given by name and year ("Luật An ninh mạng 2025") is that law's number of that
    // year ("Luật An ninh mạng 116/2025/QH15").
    if let Some((name, year)) = gold.rsplit_once(' ') {
        if name.starts_with("Luật ") && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())
        {
            let (n, y) = (squash(name), format!("/{year}/"));
            if list.iter().any(|b| {
                let hay = squash(&format!("{} | {}", b.id, b.label));
                hay.contains(&n) && hay.contains(&y)
            }) {
                return true;
            }
        }
    }
    let g = squash(gold);
    list.iter().any(|b| {
        let hay = squash(&format!(
            "{} | {} | {}",
            b.id,
            b.label,
            b.title.as_deref().unwrap_or("")
        ));
        hay.match_indices(&g).any(|(i, _)| {
            !hay[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        })
    })
}

fn score_split(split: &str) -> Option<Score> {
    let shared = common::shared(&format!("outline_gold {split}"))?;
    let docs = shared.join("data/admin-docs-2025/docs");
    let reg = Registry::builtin().unwrap();
    let dir = common::fixture("gold/outline").join(split);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold in {}", dir.display());
    let mut s = Score::default();
    for f in files {
        let gold: Value = serde_json::from_str(&common::read(&f)).unwrap();
        let name = gold["file"].as_str().unwrap();
        let text = common::read(&docs.join(name));
        let g = Graph::build(&[(name.to_string(), text)], &reg);
        let doc = &g.documents[0];
        let items = &doc.outline.sections;
        // The developer's extra files (dev-extra) score the plan basis only.
        let empty = Vec::new();
        let gold_items = gold["sections"].as_array().unwrap_or(&empty);
        s.gold_items += gold_items.len();
        if !gold_items.is_empty() {
            s.predicted_items += items.len();
        }
        let mut used = vec![false; items.len()];
        for gi in gold_items {
            let path = gi["path"].as_str().unwrap();
            let line = gi["line"].as_u64().unwrap() as usize;
            let hit = items
                .iter()
                .enumerate()
                .find(|(k, x)| !used[*k] && x.path == path && x.line.abs_diff(line) <= 2);
            match hit {
                Some((k, _)) => {
                    used[k] = true;
                    s.found_items += 1;
                }
                None => eprintln!("{split} {name}: missed {path} line {line}"),
            }
        }
        for (k, x) in items.iter().enumerate() {
            if !used[k] && !gold_items.is_empty() {
                eprintln!("{split} {name}: extra {} line {}", x.path, x.line);
            }
        }
        let plan_basis = g.plan_basis(doc, &reg);
        for b in gold["plan_basis"].as_array().unwrap_or(&empty) {
            let b = b.as_str().unwrap();
            s.basis_instruments += 1;
            if covers(&plan_basis, b) {
                s.basis_covered += 1;
            } else {
                eprintln!("{split} {name}: plan basis lacks {b}");
            }
        }
        for b in gold["not_plan_basis"].as_array().unwrap_or(&empty) {
            let b = b.as_str().unwrap();
            s.not_basis += 1;
            if covers(&plan_basis, b) {
                s.not_basis_listed += 1;
                eprintln!("{split} {name}: plan basis wrongly lists {b}");
            }
        }
        for t in gold["tasks"].as_array().unwrap_or(&empty) {
            let path = t["path"].as_str().unwrap();
            let (_, list) = g.basis(doc, Some(path), None, &reg);
            for i in t["instruments"].as_array().unwrap_or(&empty) {
                let i = i.as_str().unwrap();
                s.task_instruments += 1;
                if doc.outline.find(path).is_some() && covers(&list, i) {
                    s.task_covered += 1;
                } else {
                    eprintln!("{split} {name} {path}: basis lacks {i}");
                }
            }
            // Items the annotator judged as right as `path` (none so far).
            let also_ok: Vec<&str> = t["also_ok"]
                .as_array()
                .unwrap_or(&empty)
                .iter()
                .filter_map(|p| p.as_str())
                .collect();
            for q in t["queries"].as_array().unwrap() {
                let q = q.as_str().unwrap();
                let ranked: Vec<String> = doc.rank_task(q).into_iter().map(|r| r.path).collect();
                s.queries += 1;
                let pos = ranked
                    .iter()
                    .position(|p| p == path || also_ok.contains(&p.as_str()));
                if pos == Some(0) {
                    s.top1 += 1;
                }
                if pos.is_some_and(|p| p < 3) {
                    s.top3 += 1;
                }
                if pos != Some(0) {
                    eprintln!(
                        "{split} {name}: {q:?} wants {path}, got {:?}",
                        &ranked[..ranked.len().min(3)]
                    );
                }
            }
        }
    }
    eprintln!(
        "{split}: outline F1 {:.3} ({} of {} gold items, {} predicted); task instruments {:.3} ({}/{}); plan basis {:.3} ({}/{}, {}/{} not-basis listed); task top-1 {:.3} top-3 {:.3} ({} queries)",
        s.f1(),
        s.found_items,
        s.gold_items,
        s.predicted_items,
        Score::ratio(s.task_covered, s.task_instruments),
        s.task_covered,
        s.task_instruments,
        Score::ratio(s.basis_covered, s.basis_instruments),
        s.basis_covered,
        s.basis_instruments,
        s.not_basis_listed,
        s.not_basis,
        Score::ratio(s.top1, s.queries),
        Score::ratio(s.top3, s.queries),
        s.queries
    );
    Some(s)
}

/// (split, outline F1, task instruments, plan basis, top-1, top-3) at least.
fn check(split: &str, f1: f64, task: f64, basis: f64, top1: f64, top3: f64) {
    let Some(s) = score_split(split) else { return };
    assert!(s.f1() >= f1, "{split} outline F1 {:.3} < {f1}", s.f1());
    let t = Score::ratio(s.task_covered, s.task_instruments);
    assert!(t >= task, "{split} task instruments {t:.3} < {task}");
    let b = Score::ratio(s.basis_covered, s.basis_instruments);
    assert!(b >= basis, "{split} plan basis {b:.3} < {basis}");
    let t1 = Score::ratio(s.top1, s.queries);
    let t3 = Score::ratio(s.top3, s.queries);
    assert!(t1 >= top1, "{split} top-1 {t1:.3} < {top1}");
    assert!(t3 >= top3, "{split} top-3 {t3:.3} < {top3}");
}

#[test]
fn outline_gold_dev() {
    // Task ranking was 0.833 / 0.979 before the most specific item went first (2026-12-07,
    // tasks3): this set's annotator chose an agency's item ("Cấp xã", "Sở Tài chính") where
    // one of its points holds the query; dev2 and dev3 chose the point.
    check("dev", 1.0, 0.866, 1.0, 0.729, 0.875);
}

/// Scored once, at the end; never tuned on (its misses are printed for the record only).
#[test]
fn outline_gold_blind() {
    check("blind", 1.0, 0.941, 0.947, 0.833, 0.958);
}

/// Plan basis only, on documents a developer annotated before running the tool on them
/// (not blind; see its README): coverage at least `basis`, at most `wrong` instruments
/// listed that the gold says are not the basis.
fn check_basis_only(split: &str, basis: f64, wrong: usize) {
    let Some(s) = score_split(split) else { return };
    let b = Score::ratio(s.basis_covered, s.basis_instruments);
    assert!(b >= basis, "{split} plan basis {b:.3} < {basis}");
    assert!(
        s.not_basis_listed <= wrong,
        "{split} plan basis lists {} instruments that are not its basis (at most {wrong})",
        s.not_basis_listed
    );
}

/// A second batch of 5 plans (tests/fixtures/gold/outline/dev2), annotated on 2026-12-07 by
/// a reviewer who never ran the tool, scored blind once on the day's merged main (outline F1
/// 0.882, task instruments 0.789, plan basis 1.000, top-1 0.517, top-3 0.700; 60 queries),
/// then opened for tuning as a dev set (no dev-split plan was left without gold). After
/// tuning (outline2): 1.000, 1.000, 1.000, 0.767, 0.900; after tasks3 (most specific item
/// first, points' titles, abbreviated headings, syllable pairs weighed as words): top-1
/// 0.833, top-3 0.933.
#[test]
fn outline_gold_dev2() {
    check("dev2", 1.0, 1.0, 1.0, 0.833, 0.933);
}

/// Tasks only (no outline, no basis): 55 new tasks, 165 queries on the 11 dev and dev2
/// plans, written blind on 2026-12-07 (tests/fixtures/gold/outline/dev3/README.md). Scored
/// fresh once before any tuning on it (top-1 0.800, top-3 0.945 with the code of that day's
/// main), then tuned on with dev and dev2. A ranked item also counts as right when it is in
/// the task's `also_ok` (empty in every task of this set).
#[test]
fn outline_gold_dev3() {
    check("dev3", 0.0, 0.0, 0.0, 0.969, 0.993);
}

#[test]
fn outline_gold_dev_extra() {
    check_basis_only("dev-extra", 1.0, 0);
}

/// A second blind batch (tests/fixtures/gold/outline/blind2): 5 plan-like documents of the
/// blind split, 163 items and 75 queries, annotated on 2026-12-07 by a reviewer who never
/// ran the tool, after the day's ranking work was done. Scored once on merged main (outline
/// F1 1.000, task instruments 0.909, plan basis 1.000, top-1 0.867, top-3 0.987); never tuned
/// on (its misses are printed for the record only).
#[test]
fn outline_gold_blind2() {
    check("blind2", 1.0, 0.909, 1.0, 0.866, 0.986);
}
