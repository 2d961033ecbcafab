//! Abbreviations ("chữ viết tắt") expanded at query time, in both directions: a query with
//! "QPĐP" also looks for "quốc phòng địa phương", and "quoc phong dia phuong" also looks for
//! "QPĐP". The table is data (`corpus/registry/abbreviations.toml`), compiled in.
//!
//! Matching is on folded terms (the `vi_folded` analyzer), so case, diacritics and NFD do
//! not matter. It knows nothing of tantivy queries or the schema: it only says which other
//! texts a query stands for.

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

/// The other texts a query stands for: for every abbreviation whose short form appears in
/// the query, its long form, and for every long form that appears (folded), its short form.
/// Short forms of fewer than [`MIN_FOLDED_SHORT`] letters count only when written as in the
/// table (case and diacritics: "TV", not "tv" or "tư"), and are not added for their long
/// form. Each text is returned once, in table order.
pub fn expansions(table: &[Abbreviation], query: &str) -> Vec<String> {
    let mut ex = analyzer::exact();
    let folded = analyzer::terms(&mut analyzer::folded(), query);
    let cased: Vec<String> = analyzer::tokens(&mut ex, query)
        .iter()
        .map(|t| crate::normalize::clean(&query[t.offset_from..t.offset_to]))
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    for a in table {
        let long_enough = a.short_terms.iter().map(String::len).sum::<usize>() >= MIN_FOLDED_SHORT;
        let short_found = if long_enough {
            contains(&folded, &a.short_terms)
        } else {
            contains(&cased, &a.short_cased)
        };
        if short_found {
            push(&a.long);
        }
        if long_enough && contains(&folded, &a.long_terms) {
            push(&a.short);
        }
    }
    out
}

fn contains(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, expected: &[&str]) {
        assert_eq!(
            expansions(table(), query),
            expected,
            "expansions({query:?})"
        );
    }

    #[test]
    fn the_table_parses_and_has_the_plan_abbreviations() {
        let t = parse(TABLE).expect("corpus/registry/abbreviations.toml");
        for short in ["QPĐP", "DQTV", "GDQP&AN", "DBĐV", "KVPT", "NVQS"] {
            assert!(t.iter().any(|a| a.short == short), "{short} missing");
        }
    }

    #[test]
    fn expansion_table() {
        check("kế hoạch QPĐP 2024", &["quốc phòng địa phương"]);
        check("qpdp", &["quốc phòng địa phương"]);
        check("quoc phong dia phuong", &["QPĐP"]);
        check("Dân quân tự vệ", &["DQTV"]);
        check("nghia vu quan su", &["NVQS"]);
        check("hoa binh", &[]);
        check("DQ, TV", &["dân quân", "tự vệ"]);
        check("tv", &[]);
        check("tu ve", &[]);
    }
}
