//! Observed instruments in the index (issue #14 item 5): instruments known only from their
//! citations ([`crate::observed`]) are search hits like registry instruments, with status
//! unknown.
//!
//! **Per file, merged when searched.** An observed instrument is merged across every
//! document that cites it, so one stored document per instrument would have to be
//! recomputed whenever any citing file changes. Instead each file gets one `observed`
//! document per canonical key it cites ([`documents`]): the key (field `observed`, fast),
//! what that file's citations say of it (field `observations`, the
//! [`crate::observed::Observation`]s as JSON), and as searchable text its label,
//! number-symbol, titles, issuers and dates. Like every document of a file it carries the
//! file's `path`, so the incremental update's one `delete_term(path)` removes it with the
//! file: an instrument seen only in a deleted or changed file disappears or changes, and
//! nothing global is recomputed.
//!
//! When a search ranks such documents, [`Merger`] reads every document of the key's family
//! ([`crate::observed::family`], the term "o:FAMILY" in `cite_keys`), merges them with
//! [`crate::observed::merge`] — the same merge `cites`, `graph` and the web use: majority
//! date first, conflicts kept, a key without year joined to the one dated key of its number
//! — and the hit is the merged instrument (its id the merged key, its rank the best of its
//! documents'). Merging a family alone gives what merging everything gives for its keys.
//!
//! **Registry-independent documents.** The index is built without a registry, so every
//! numbered citation is observed; an observed key the registry holds (an instrument
//! document with the term "ns:NUMBER-SYMBOL", or "ns:NUMBER-SYMBOL:YEAR" for a key with a
//! year suffix) is left out when searched. A registry change thus never rewrites the files'
//! documents. This approximates resolution (number, symbol and year; not issuer, kind or
//! date): a citation that resolution refuses a registry entry of the same number-symbol
//! and year for is not a hit here although `cites` shows it observed.

use crate::index::{tantivy_err, Fields, IndexError, SearchIndex};
use crate::model::Citation;
use crate::normalize::fold_key;
use crate::observed::{self, Observation, ObservedInstrument};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// The document type of observed documents.
pub const DOC_TYPE: &str = "observed";

/// The `observed` documents of one file: one per canonical key its citations observe.
pub fn documents(f: &Fields, path: &str, citations: &[Citation]) -> Vec<TantivyDocument> {
    let mut by_key: BTreeMap<String, Vec<Observation>> = BTreeMap::new();
    for c in citations {
        if let Some(o) = observed::observe(c, path) {
            by_key.entry(o.key.clone()).or_default().push(o);
        }
    }
    by_key
        .into_iter()
        .filter_map(|(key, obs)| document(f, path, &key, &obs))
        .collect()
}

/// The searchable text of an observed instrument: its label, titles, issuers and dates
/// (dd/mm/yyyy), each once.
pub fn body(o: &ObservedInstrument, issuers: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let dates = o
        .dates
        .iter()
        .map(|d| format!("ngày {:02}/{:02}/{}", d.date.day, d.date.month, d.date.year));
    let pieces = std::iter::once(o.label())
        .chain(o.titles.iter().cloned())
        .chain(issuers.iter().cloned())
        .chain(dates);
    for p in pieces {
        let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
        let k = fold_key(&p).to_lowercase();
        if !k.trim().is_empty() && seen.insert(k) {
            lines.push(p);
        }
    }
    lines.join("\n")
}

/// One file's document of one key (`obs`: that file's observations of it).
fn document(f: &Fields, path: &str, key: &str, obs: &[Observation]) -> Option<TantivyDocument> {
    let m = observed::merge(obs.iter().cloned()).into_iter().next()?;
    let mut d = TantivyDocument::new();
    d.add_text(f.key, format!("{path}#observed:{key}"));
    d.add_text(f.path, path);
    d.add_text(f.doc_type, DOC_TYPE);
    d.add_text(f.observed, key);
    d.add_text(f.instrument, key);
    d.add_text(f.status, "unknown");
    d.add_text(f.kind, m.kind.slug());
    d.add_text(f.label, m.label());
    d.add_text(f.cite_keys, format!("o:{}", observed::family(key)));
    if let Some(y) = m.year.and_then(|y| u64::try_from(y).ok()) {
        d.add_u64(f.year, y);
    }
    if let Some(i) = &m.issuer {
        d.add_text(f.issuer, i);
        d.add_text(f.issuer_folded, i);
    }
    if let Some(t) = &m.title {
        d.add_text(f.title, t);
    }
    let mut issuers: Vec<String> = obs.iter().filter_map(|o| o.issuer.clone()).collect();
    issuers.dedup();
    let text = body(&m, &issuers);
    d.add_text(f.text, &text);
    d.add_text(f.body, &text);
    d.add_text(f.body_folded, &text);
    d.add_text(f.body_pairs, &text);
    d.add_text(
        f.observations,
        serde_json::to_string(obs).unwrap_or_default(),
    );
    Some(d)
}

/// The terms an instrument document holds so that observed keys of its number-symbol are
/// known to be the registry's: "ns:NS" and, with its year, "ns:NS:YEAR".
pub fn registry_terms(number_symbol: &str, year: Option<i32>) -> Vec<String> {
    let ns = format!("ns:{}", fold_key(number_symbol));
    let mut out = vec![ns.clone()];
    if let Some(y) = year {
        out.push(format!("{ns}:{y}"));
    }
    out
}

/// The term an instrument document holds when the registry has the instrument of an
/// observed key: "ns:NS:YEAR" for a key with a year suffix, else "ns:NS".
pub fn registry_term(key: &str) -> String {
    match observed::key_parts(key) {
        (ns, Some(y)) => format!("ns:{}:{y}", fold_key(ns)),
        (ns, None) => format!("ns:{}", fold_key(ns)),
    }
}

/// Merges observed documents into observed instruments for one search, each family read
/// once.
pub struct Merger<'a> {
    index: &'a SearchIndex,
    searcher: &'a tantivy::Searcher,
    families: HashMap<String, Vec<ObservedInstrument>>,
}

impl<'a> Merger<'a> {
    pub fn new(index: &'a SearchIndex, searcher: &'a tantivy::Searcher) -> Merger<'a> {
        Merger {
            index,
            searcher,
            families: HashMap::new(),
        }
    }

    /// The merged observed instrument a document of `key` belongs to, None when the
    /// registry holds it.
    pub fn instrument(&mut self, key: &str) -> Result<Option<ObservedInstrument>, IndexError> {
        let fam = observed::family(key).to_string();
        if !self.families.contains_key(&fam) {
            let list = observed::merge(self.family(&fam)?);
            self.families.insert(fam.clone(), list);
        }
        let Some(o) = self
            .families
            .get(&fam)
            .and_then(|list| observed::find(list, key))
            .cloned()
        else {
            return Ok(None);
        };
        if self.in_registry(&o.id)? {
            return Ok(None);
        }
        Ok(Some(o))
    }

    /// Every observation of a family, from its documents.
    fn family(&self, fam: &str) -> Result<Vec<Observation>, IndexError> {
        let f = self.index.fields;
        let err = |e| tantivy_err(&self.index.dir, e);
        let q = TermQuery::new(
            Term::from_field_text(f.cite_keys, &format!("o:{fam}")),
            IndexRecordOption::Basic,
        );
        let mut out = Vec::new();
        for a in self.searcher.search(&q, &DocSetCollector).map_err(err)? {
            let d: TantivyDocument = self.searcher.doc(a).map_err(err)?;
            let json = d
                .get_first(f.observations)
                .and_then(|v| v.as_str())
                .unwrap_or("[]");
            // A document this version cannot read adds nothing (the index is rebuilt when
            // the schema changes, so this does not happen in practice).
            let obs: Vec<Observation> = serde_json::from_str(json).unwrap_or_default();
            out.extend(obs);
        }
        // Documents in path order, so the merge's ties fall as in a scan.
        out.sort_by(|a, b| a.document.cmp(&b.document).then(a.line.cmp(&b.line)));
        Ok(out)
    }

    /// Does the registry indexed hold the instrument of this key?
    fn in_registry(&self, id: &str) -> Result<bool, IndexError> {
        let f = self.index.fields;
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.doc_type, "instrument")),
            (Occur::Must, term(f.cite_keys, &registry_term(id))),
        ]);
        let n = self
            .searcher
            .search(&q, &Count)
            .map_err(|e| tantivy_err(&self.index.dir, e))?;
        Ok(n > 0)
    }
}

fn term(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_terms_table() {
        // (observed key, number-symbol and year of the registry entry, held)
        let rows = [
            ("200/2025/NĐ-CP", "200/2025/NĐ-CP", Some(2025), true),
            ("200/2025/NĐ-CP", "201/2025/NĐ-CP", Some(2025), false),
            ("21/CT-TTg:2025", "21/CT-TTg", Some(2007), false),
            ("21/CT-TTg:2007", "21/CT-TTg", Some(2007), true),
            ("21/CT-TTg:?", "21/CT-TTg", Some(2007), true),
            ("12/KH-UBND:doc=a.md:2025", "12/KH-UBND", Some(2025), true),
        ];
        for (key, ns, year, held) in rows {
            let terms = registry_terms(ns, year);
            assert_eq!(terms.contains(&registry_term(key)), held, "{key} / {ns}");
        }
    }
}
