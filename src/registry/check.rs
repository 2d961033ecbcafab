//! `registry check`: the consistency rules of a registry — schema (known fields, valid kinds,
//! statuses and dates), duplicate ids, dangling relations, relations recorded both ways,
//! dates in order (issued ≤ effective ≤ status date) and ids in their canonical form.
//!
//! Pure functions over texts and a loaded [`Registry`]; no I/O, no output formatting.

use super::{Instrument, Registry, RegistryFile, Status};
use serde::Serialize;
use std::collections::HashMap;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in a registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// Stable code: "duplicate-id", "dangling-relation", "missing-inverse", "date-order",
    /// "unknown-field", "schema", "id-form", "self-relation", "year-mismatch".
    pub code: &'static str,
    /// The instrument concerned (empty for file-level problems).
    pub id: String,
    pub message: String,
}

fn p(severity: Severity, code: &'static str, id: &str, message: String) -> Problem {
    Problem {
        severity,
        code,
        id: id.to_string(),
        message,
    }
}

const INSTRUMENT_FIELDS: &[&str] = &[
    "id",
    "kind",
    "number",
    "year",
    "symbol",
    "issuer",
    "issued",
    "effective",
    "title",
    "law_name",
    "status",
    "status_date",
    "annual",
    "subject",
    "aliases",
    "note",
    "verified",
    "relation",
    "source",
];
const RELATION_FIELDS: &[&str] = &[
    "type",
    "target",
    "date",
    "verified",
    "source",
    "scope",
    "provisions",
    "confidence",
];
const SOURCE_FIELDS: &[&str] = &["ref", "supports", "verified"];

/// Schema check of one file's text: it parses, and every key is one the schema knows.
/// Duplicate ids inside the file are reported here too.
pub fn check_text(origin: &str, text: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let file = match RegistryFile::parse(origin, text) {
        Ok(f) => f,
        Err(e) => {
            out.push(p(Severity::Error, "schema", "", e.to_string()));
            return out;
        }
    };
    // Unknown keys, via a generic parse.
    let generic: Option<serde_json::Value> = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).ok()
    } else {
        toml::from_str::<toml::Value>(text)
            .ok()
            .and_then(|v| serde_json::to_value(v).ok())
    };
    if let Some(list) = generic
        .as_ref()
        .and_then(|v| v.get("instrument"))
        .and_then(|v| v.as_array())
    {
        for item in list {
            let id = item.get("id").and_then(|v| v.as_str()).unwrap_or("?");
            unknown_keys(&mut out, id, item, INSTRUMENT_FIELDS, "instrument");
            for (key, allowed) in [("relation", RELATION_FIELDS), ("source", SOURCE_FIELDS)] {
                if let Some(sub) = item.get(key).and_then(|v| v.as_array()) {
                    for s in sub {
                        unknown_keys(&mut out, id, s, allowed, key);
                    }
                }
            }
        }
    }
    let mut count: HashMap<&str, usize> = HashMap::new();
    for i in &file.instruments {
        *count.entry(i.id.as_str()).or_default() += 1;
    }
    let mut dups: Vec<(&str, usize)> = count.into_iter().filter(|(_, n)| *n > 1).collect();
    dups.sort();
    for (id, n) in dups {
        out.push(p(
            Severity::Error,
            "duplicate-id",
            id,
            format!("id {id:?} appears {n} times in {origin}"),
        ));
    }
    out
}

fn unknown_keys(
    out: &mut Vec<Problem>,
    id: &str,
    v: &serde_json::Value,
    allowed: &[&str],
    what: &str,
) {
    if let Some(o) = v.as_object() {
        for k in o.keys() {
            if !allowed.contains(&k.as_str()) {
                out.push(p(
                    Severity::Warning,
                    "unknown-field",
                    id,
                    format!("unknown {what} field {k:?}"),
                ));
            }
        }
    }
}

/// Consistency of a loaded registry (all files merged).
pub fn check_registry(r: &Registry) -> Vec<Problem> {
    let mut out = Vec::new();
    for (id, origin) in r.shadowed() {
        out.push(p(
            Severity::Warning,
            "duplicate-id",
            id,
            format!(
                "{origin}: id already loaded from {}; this entry is ignored",
                r.origin(id).unwrap_or("?")
            ),
        ));
    }
    for ins in r.instruments() {
        check_instrument(r, ins, &mut out);
    }
    out
}

fn check_instrument(r: &Registry, ins: &Instrument, out: &mut Vec<Problem>) {
    let id = ins.id.as_str();
    if id.trim().is_empty() {
        out.push(p(Severity::Error, "schema", id, "empty id".into()));
    }
    // Id form.
    if let Some((head, rest)) = id.split_once(':') {
        let parts: Vec<&str> = rest.split(':').collect();
        let date_ok = parts.len() == 2 && ins.issued.is_some_and(|d| d.to_string() == parts[1]);
        if !date_ok {
            out.push(p(
                Severity::Warning,
                "id-form",
                id,
                format!("id {id:?} should be <number-symbol>:<issuer slug>:<issue date> with the entry's issue date"),
            ));
        }
        if let Some(n) = &ins.number {
            if !head.starts_with(n.as_str()) {
                out.push(p(
                    Severity::Warning,
                    "id-form",
                    id,
                    format!("id {id:?} does not start with the number {n:?}"),
                ));
            }
        }
    } else if let (Some(n), Some(y), Some(s)) = (&ins.number, ins.year, &ins.symbol) {
        let canonical = format!("{n}/{y}/{s}");
        if id != canonical && !id.contains(&format!("/{y}/")) {
            out.push(p(
                Severity::Warning,
                "id-form",
                id,
                format!("id {id:?} is not the official number-symbol {canonical:?}"),
            ));
        }
    }
    // Year agrees with the issue date.
    if let (Some(y), Some(d)) = (ins.year, ins.issued) {
        if y != d.year {
            out.push(p(
                Severity::Warning,
                "year-mismatch",
                id,
                format!("year {y} but issued {d}"),
            ));
        }
    }
    // Dates in order.
    if let (Some(a), Some(b)) = (ins.issued, ins.effective) {
        if a > b {
            out.push(p(
                Severity::Error,
                "date-order",
                id,
                format!("issued {a} is after effective {b}"),
            ));
        }
    }
    if ins.status != Status::NotYetInForce {
        if let (Some(a), Some(sd)) = (ins.effective.or(ins.issued), ins.status_date) {
            if a > sd {
                out.push(p(
                    Severity::Error,
                    "date-order",
                    id,
                    format!("status date {sd} is before the instrument applies ({a})"),
                ));
            }
        }
    }
    // Relations.
    for rel in &ins.relations {
        if rel.target == ins.id {
            out.push(p(
                Severity::Error,
                "self-relation",
                id,
                format!("{} points at itself", rel.kind),
            ));
            continue;
        }
        let Some(t) = r.get(&rel.target) else {
            out.push(p(
                Severity::Error,
                "dangling-relation",
                id,
                format!("{} {:?}: no such instrument", rel.kind, rel.target),
            ));
            continue;
        };
        // An effect learned from the affecting text's clause is kept once, on that text
        // (as legislation.gov.uk keeps effects): the affected side reads it as incoming.
        let learned = matches!(rel.source, Some(super::RelationSource::Clause { .. }));
        if let Some(inv) = rel.kind.inverse().filter(|_| !learned) {
            if !t
                .relations
                .iter()
                .any(|x| x.kind == inv && x.target == ins.id)
            {
                out.push(p(
                    Severity::Warning,
                    "missing-inverse",
                    id,
                    format!(
                        "{} {:?}, but {:?} has no {} {:?}",
                        rel.kind, rel.target, rel.target, inv, ins.id
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected_codes: &[&str]) {
        let mut got: Vec<&str> = check_text("t", text).iter().map(|p| p.code).collect();
        if let Ok(r) = Registry::from_text("t", text) {
            got.extend(check_registry(&r).iter().map(|p| p.code));
        }
        got.sort();
        got.dedup();
        let mut exp = expected_codes.to_vec();
        exp.sort();
        assert_eq!(got, exp, "{text}");
    }

    #[test]
    fn problems_table() {
        let ok = r#"
[[instrument]]
id = "1/2020/NĐ-CP"
kind = "nghi-dinh"
number = "1"
year = 2020
symbol = "NĐ-CP"
issued = "2020-01-01"
effective = "2020-02-01"
[[instrument.relation]]
type = "replaced-by"
target = "2/2021/NĐ-CP"
[[instrument]]
id = "2/2021/NĐ-CP"
kind = "nghi-dinh"
number = "2"
year = 2021
symbol = "NĐ-CP"
issued = "2021-01-01"
[[instrument.relation]]
type = "replaces"
target = "1/2020/NĐ-CP"
"#;
        check(ok, &[]);
        let rows: Vec<(String, Vec<&str>)> = vec![
            (
                ok.replace("target = \"2/2021/NĐ-CP\"", "target = \"9/2021/NĐ-CP\""),
                vec!["dangling-relation", "missing-inverse"],
            ),
            (
                ok.replace("type = \"replaces\"", "type = \"guides\""),
                vec!["missing-inverse"],
            ),
            (
                ok.replace("effective = \"2020-02-01\"", "effective = \"2019-02-01\""),
                vec!["date-order"],
            ),
            (
                ok.replace("id = \"2/2021/NĐ-CP\"", "id = \"1/2020/NĐ-CP\""),
                vec!["duplicate-id", "dangling-relation"],
            ),
            (
                ok.replace("verified", "verifed").replace(
                    "issued = \"2021-01-01\"",
                    "issued = \"2021-01-01\"\ncolour = 1",
                ),
                vec!["unknown-field"],
            ),
            (
                ok.replace("kind = \"nghi-dinh\"", "kind = \"decree\""),
                vec!["schema"],
            ),
            (
                ok.replace("issued = \"2020-01-01\"", "issued = \"2020-02-30\""),
                vec!["schema"],
            ),
            (
                ok.replace("year = 2021", "year = 2022"),
                vec!["year-mismatch", "id-form"],
            ),
        ];
        for (text, codes) in rows {
            check(&text, &codes);
        }
    }

    /// Every source in corpus/registry names a public reference or a file of the repository,
    /// never a file outside it (the shared data folder, a machine's /work).
    #[test]
    fn no_source_names_a_local_path() {
        let files = [
            ("instruments.toml", super::super::BUILTIN),
            ("fictional.toml", super::super::FICTIONAL),
            ("effects.toml", super::super::learn::EFFECTS_TOML),
            (
                "issuers.toml",
                include_str!("../../corpus/registry/issuers.toml"),
            ),
            (
                "abbreviations.toml",
                include_str!("../../corpus/registry/abbreviations.toml"),
            ),
            ("laws.toml", include_str!("../../corpus/registry/laws.toml")),
        ];
        // (a line naming …, why it is wrong)
        let local = ["shared/", "/work", "data/", "/home/", "/tmp/"];
        for (name, text) in files {
            for (i, line) in text.lines().enumerate() {
                for l in local {
                    assert!(
                        !line.contains(l),
                        "corpus/registry/{name}:{}: names a local path ({l:?}): {line}",
                        i + 1
                    );
                }
            }
        }
    }

    #[test]
    fn builtin_has_no_errors() {
        let r = Registry::builtin().unwrap();
        let errors: Vec<Problem> = check_text("builtin", super::super::BUILTIN)
            .into_iter()
            .chain(check_registry(&r))
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
