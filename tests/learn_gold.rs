//! `registry import texts` against effects annotated blind on gazette texts of ../shared/data
//! (tests/fixtures/gold/effects: `dev` tuned on, `blind` only scored). Scores the effects
//! found on distinct (type, target) pairs, each text's own entry, its issue and effective
//! dates. Skipped without ../shared; fails then under CANCU_REQUIRE_SHARED=1.

mod common;

use cancu::registry::learn::{learn, number_from_slug};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Default)]
struct Tally {
    texts: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    own: usize,
    issued: usize,
    effective: usize,
    /// type → (tp, fp, fn), for the per-type table of the README.
    by_type: std::collections::BTreeMap<String, (usize, usize, usize)>,
    problems: Vec<String>,
}

impl Tally {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn share(&self, n: usize) -> f64 {
        n as f64 / self.texts.max(1) as f64
    }
    fn line(&self, part: &str) -> String {
        format!(
            "{part}: {} texts; effects (type, target): tp {} fp {} fn {} precision {:.3} recall {:.3}; own entry {:.2}; issued {:.2}; effective {:.2}\n{}",
            self.texts,
            self.tp,
            self.fp,
            self.fn_,
            self.precision(),
            self.recall(),
            self.share(self.own),
            self.share(self.issued),
            self.share(self.effective),
            self.by_type
                .iter()
                .map(|(k, (tp, fp, fn_))| format!("  {k}: tp {tp} fp {fp} fn {fn_}"))
                .chain(self.problems.iter().cloned())
                .collect::<Vec<_>>()
                .join("\n")
        )
    }
}

fn score(part: &str, shared: &Path) -> Tally {
    let dir = common::root()
        .join("tests/fixtures/gold/effects")
        .join(part);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut t = Tally::default();
    for g in files {
        let gold: serde_json::Value = serde_json::from_str(&common::read(&g)).unwrap();
        let rel = gold["file"].as_str().expect("file");
        let path = shared.join("data").join(rel);
        let doc = cancu::source::read_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut l = learn(&doc.text);
        if l.citation.is_none() {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if let Some((kind, c)) = number_from_slug(stem) {
                l.kind = Some(kind);
                l.citation = Some(c);
            }
        }
        let ins = l.to_instrument(rel);
        let id = gold["identity"].clone();
        let date = |v: &serde_json::Value| v.as_str().map(str::to_string);
        t.texts += 1;
        let name = g.file_name().unwrap().to_string_lossy().to_string();
        let (own_id, issued, effective) = match &ins {
            Some(i) => (
                Some(i.id.split(':').next().unwrap_or("").to_string()),
                i.issued.map(|d| d.to_string()),
                i.effective.map(|d| d.to_string()),
            ),
            None => (None, None, None),
        };
        if own_id.as_deref() == id["number"].as_str() {
            t.own += 1;
        } else {
            t.problems
                .push(format!("{name}: own {own_id:?} want {}", id["number"]));
        }
        if issued == date(&id["issued"]) {
            t.issued += 1;
        } else {
            t.problems
                .push(format!("{name}: issued {issued:?} want {}", id["issued"]));
        }
        if effective == date(&id["effective"]) {
            t.effective += 1;
        } else {
            t.problems.push(format!(
                "{name}: effective {effective:?} want {}",
                id["effective"]
            ));
        }
        let want: BTreeSet<(String, String)> = gold["effects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["type"].as_str().unwrap().to_string(),
                    e["target"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let got: BTreeSet<(String, String)> = ins
            .iter()
            .flat_map(|i| i.relations.iter())
            .map(|r| (r.kind.slug().to_string(), r.target.clone()))
            .collect();
        t.tp += want.intersection(&got).count();
        for x in want.intersection(&got) {
            t.by_type.entry(x.0.clone()).or_default().0 += 1;
        }
        for x in got.difference(&want) {
            t.by_type.entry(x.0.clone()).or_default().1 += 1;
        }
        for x in want.difference(&got) {
            t.by_type.entry(x.0.clone()).or_default().2 += 1;
        }
        for x in got.difference(&want) {
            t.fp += 1;
            t.problems.push(format!("{name}: extra {x:?}"));
        }
        for x in want.difference(&got) {
            t.fn_ += 1;
            t.problems.push(format!("{name}: missed {x:?}"));
        }
    }
    t
}

/// (part, min precision, min recall, min own-entry share, min issued share, min effective share):
/// pinned at what the reader achieves, so that a regression fails.
const THRESHOLDS: [(&str, f64, f64, f64, f64, f64); 2] = [
    ("dev", 1.0, 1.0, 1.0, 1.0, 1.0),
    ("blind", 1.0, 0.9, 1.0, 1.0, 1.0),
];

#[test]
fn learned_effects_match_gold() {
    let Some(shared) = common::shared("learned_effects_match_gold") else {
        return;
    };
    let mut report = String::new();
    for (part, p, r, own, iss, eff) in THRESHOLDS {
        let t = score(part, &shared);
        let line = t.line(part);
        eprintln!("{line}");
        report.push_str(&line);
        report.push('\n');
        assert!(t.texts > 0, "{part}: no gold files");
        assert!(t.precision() >= p, "{line}");
        assert!(t.recall() >= r, "{line}");
        assert!(t.share(t.own) >= own, "{line}");
        assert!(t.share(t.issued) >= iss, "{line}");
        assert!(t.share(t.effective) >= eff, "{line}");
    }
}
