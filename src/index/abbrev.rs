//! Abbreviations ("chữ viết tắt") expanded at query time, in both directions: a query with
//! "QPĐP" also looks for "quốc phòng địa phương", and "quoc phong dia phuong" also looks for
//! "QPĐP". The table is data (`corpus/registry/abbreviations.toml`), compiled in.
//!
//! Matching is on folded terms (the `vi_folded` analyzer), so case, diacritics and NFD do
//! not matter. It knows nothing of tantivy queries or the schema: it only says which other
//! forms a query stands for ([`variants`], as folded terms).

use crate::index::analyzer;
use serde::Deserialize;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../corpus/registry/abbreviations.toml");

/// Shortest short form (in folded bytes) matched without its diacritics, or added to a query
/// that says the long form: two-letter forms such as "TT", "TƯ" or "CT" are syllables or
/// stand for too many things ("tu" is "tự", "tư", "Tỉnh ủy"...).
const MIN_FOLDED_SHORT: usize = 3;

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    abbr: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    short: String,
    long: String,
}

/// One abbreviation with the folded terms of both forms.
#[derive(Debug, Clone)]
pub struct Abbreviation {
    pub short: String,
    pub long: String,
    /// The short form's words as written (case and diacritics kept).
    short_cased: Vec<String>,
    short_terms: Vec<String>,
    long_terms: Vec<String>,
}

/// The compiled-in table. An unreadable table is a build defect: it is caught by the tests,
/// and at run time gives an empty table rather than a panic.
pub fn table() -> &'static [Abbreviation] {
    static T: OnceLock<Vec<Abbreviation>> = OnceLock::new();
    T.get_or_init(|| parse(TABLE).unwrap_or_default())
}

/// Parse a table in the `[[abbr]] short = .. long = ..` format.
pub fn parse(toml_text: &str) -> Result<Vec<Abbreviation>, toml::de::Error> {
    let file: File = toml::from_str(toml_text)?;
    let mut folded = analyzer::folded();
    let mut exact = analyzer::exact();
    Ok(file
        .abbr
        .into_iter()
        .map(|e| Abbreviation {
            short_cased: analyzer::tokens(&mut exact, &e.short)
                .iter()
                .map(|t| crate::normalize::clean(&e.short[t.offset_from..t.offset_to]))
                .collect(),
            short_terms: analyzer::terms(&mut folded, &e.short),
            long_terms: analyzer::terms(&mut folded, &e.long),
            short: e.short,
            long: e.long,
        })
        .filter(|a| !a.short_terms.is_empty() && !a.long_terms.is_empty())
        .collect())
}

/// The other forms of a query, as folded terms: the query with every abbreviation in it
/// written out ("ke hoach qpdp" → "ke hoach quoc phong dia phuong"), and with every long
/// form in it abbreviated ("dan quan tu ve" → "dqtv"); each given when it differs from the
/// query. Where two entries match at one place the longer match wins. Short forms of fewer
/// than [`MIN_FOLDED_SHORT`] letters count only when written as in the table (case and
/// diacritics: "TV", not "tv" or "tư"), and are not put in for their long form.
pub fn variants(table: &[Abbreviation], query: &str) -> Vec<Vec<String>> {
    let mut ex = analyzer::exact();
    let folded = analyzer::terms(&mut analyzer::folded(), query);
    let cased: Vec<String> = analyzer::tokens(&mut ex, query)
        .iter()
        .map(|t| crate::normalize::clean(&query[t.offset_from..t.offset_to]))
        .collect();
    let long_enough =
        |a: &Abbreviation| a.short_terms.iter().map(String::len).sum::<usize>() >= MIN_FOLDED_SHORT;
    // Both analyzers split words alike; if they ever disagree, no short form is matched
    // by its case.
    let cased_ok = cased.len() == folded.len();
    let expanded = rewrite(&folded, table, |a, i| {
        let (hay, needle) = if long_enough(a) {
            (&folded, &a.short_terms)
        } else if cased_ok {
            (&cased, &a.short_cased)
        } else {
            return None;
        };
        starts_with(&hay[i..], needle).then_some((needle.len(), &a.long_terms))
    });
    let contracted = rewrite(&folded, table, |a, i| {
        (long_enough(a) && starts_with(&folded[i..], &a.long_terms))
            .then_some((a.long_terms.len(), &a.short_terms))
    });
    let mut out: Vec<Vec<String>> = Vec::new();
    for v in [expanded, contracted].into_iter().flatten() {
        if v != folded && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// `terms` with, at each place, the longest match of `at(entry, place)` (the number of terms
/// it covers and what replaces them) put in. None when nothing matched.
fn rewrite<'t>(
    terms: &[String],
    table: &'t [Abbreviation],
    at: impl Fn(&'t Abbreviation, usize) -> Option<(usize, &'t Vec<String>)>,
) -> Option<Vec<String>> {
    let mut out = Vec::with_capacity(terms.len());
    let mut changed = false;
    let mut i = 0;
    while i < terms.len() {
        let best = table
            .iter()
            .filter_map(|a| at(a, i))
            .filter(|(len, _)| *len > 0)
            .max_by_key(|(len, _)| *len);
        match best {
            Some((len, with)) => {
                out.extend(with.iter().cloned());
                i += len;
                changed = true;
            }
            None => {
                out.push(terms[i].clone());
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

fn starts_with(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.len() >= needle.len() && hay[..needle.len()] == *needle
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, expected: &[&str]) {
        let got: Vec<String> = variants(table(), query)
            .iter()
            .map(|v| v.join(" "))
            .collect();
        assert_eq!(got, expected, "variants({query:?})");
    }

    #[test]
    fn the_table_parses_and_has_the_plan_abbreviations() {
        let t = parse(TABLE).expect("corpus/registry/abbreviations.toml");
        for short in ["QPĐP", "DQTV", "GDQP&AN", "DBĐV", "KVPT", "NVQS"] {
            assert!(t.iter().any(|a| a.short == short), "{short} missing");
        }
    }

    #[test]
    fn variants_table() {
        check(
            "kế hoạch QPĐP 2024",
            &["ke hoach quoc phong dia phuong 2024"],
        );
        check("qpdp", &["quoc phong dia phuong"]);
        check("quoc phong dia phuong", &["qpdp"]);
        check("Dân quân tự vệ", &["dqtv"]);
        check("luc luong dan quan tu ve", &["luc luong dqtv"]);
        check("nghia vu quan su", &["nvqs"]);
        check("hoa binh", &[]);
        check("DQ, TV", &["dan quan tu ve"]);
        check("tv", &[]);
        check("tu ve", &[]);
        check("", &[]);
        // Both ways in one query: each variant rewrites one way.
        check(
            "DQTV va quoc phong dia phuong",
            &["dan quan tu ve va quoc phong dia phuong", "dqtv va qpdp"],
        );
    }
}
