//! Scoring extracted citations against a hand-annotated gold file (the form of
//! `tests/fixtures/seed-citations.json`, rules in `../shared/gold/ANNOTATION.md`).
//!
//! A gold mention and a citation match when their kinds agree, their numbers agree (leading
//! zeros ignored; both absent for laws cited by name) and their lines are at most 2 apart.
//! Optional gold mentions are not scored either way. No I/O.

use crate::model::Citation;
use crate::normalize::fold_key;
use serde::Deserialize;

/// A gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub file: String,
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// One gold mention.
#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    pub line: usize,
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub symbol: Option<String>,
    #[serde(default)]
    pub law: Option<String>,
    #[serde(default)]
    pub defects: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

/// The score of one document.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
    /// Matched mentions whose year and symbol are also right.
    pub fields_right: usize,
    /// Human-readable lines for what was missed, spurious or wrong.
    pub problems: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    pub fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.matched += o.matched;
        self.fields_right += o.fields_right;
        self.problems.extend(o.problems.iter().cloned());
    }
}

fn num_eq(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.trim_start_matches('0') == b.trim_start_matches('0'),
        (None, None) => true,
        _ => false,
    }
}

fn symbol_eq(gold: &str, got: &str) -> bool {
    let g = fold_key(gold).replace('&', "");
    let o = fold_key(got).replace('&', "");
    g == o
}

/// Score citations against gold mentions.
pub fn score(gold: &Gold, citations: &[Citation]) -> Score {
    let mut s = Score::default();
    let mut used = vec![false; citations.len()];
    let mut optional_hit = vec![false; citations.len()];
    // Match scored mentions first, then optional ones (which only excuse citations).
    let order: Vec<&Mention> = gold
        .mentions
        .iter()
        .filter(|m| !m.optional)
        .chain(gold.mentions.iter().filter(|m| m.optional))
        .collect();
    for m in order {
        let best = citations
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                !used[*i]
                    && !optional_hit[*i]
                    && c.kind.slug() == m.kind
                    && num_eq(m.number.as_deref(), c.number.as_deref())
                    && c.line.abs_diff(m.line) <= 2
            })
            .min_by_key(|(_, c)| c.line.abs_diff(m.line));
        if m.optional {
            if let Some((i, _)) = best {
                optional_hit[i] = true;
            }
            continue;
        }
        s.gold += 1;
        match best {
            Some((i, c)) => {
                used[i] = true;
                s.matched += 1;
                let year_ok = m.year == c.year || (m.number.is_none() && m.year.is_none());
                let sym_ok = match (&m.symbol, &c.symbol) {
                    (Some(g), Some(o)) => symbol_eq(g, o),
                    (None, None) => true,
                    (None, Some(_)) => m.number.is_none(),
                    _ => false,
                };
                if year_ok && sym_ok {
                    s.fields_right += 1;
                } else {
                    s.problems.push(format!(
                        "{}:{}: fields: gold {} {:?} {:?} {:?}, got {:?} {:?} {:?}",
                        gold.file,
                        m.line,
                        m.kind,
                        m.number,
                        m.year,
                        m.symbol,
                        c.number,
                        c.year,
                        c.symbol
                    ));
                }
            }
            None => s.problems.push(format!(
                "{}:{}: missed {} {:?} {:?}",
                gold.file, m.line, m.kind, m.number, m.text
            )),
        }
    }
    for (i, c) in citations.iter().enumerate() {
        if optional_hit[i] {
            continue;
        }
        s.found += 1;
        if !used[i] {
            s.problems.push(format!(
                "{}:{}: spurious {} {:?} {:?}",
                gold.file, c.line, c.kind, c.canonical, c.text
            ));
        }
    }
    s
}
