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
    use crate::index::{SearchOptions, SearchRequest};

    /// An index of these (path, text) files, with `reg` when given.
    fn index_of(files: &[(&str, &str)], reg: Option<&crate::registry::Registry>) -> SearchIndex {
        let index = SearchIndex::in_ram().unwrap();
        let mut w = index.writer().unwrap();
        for (path, text) in files {
            w.add_file(path, text, "").unwrap();
        }
        if let Some(r) = reg {
            w.replace_registry(r, "").unwrap();
        }
        w.finish().unwrap();
        index.reload().unwrap();
        index
    }

    /// The observed instruments a search finds (instrument hits only).
    fn observed_hits(index: &SearchIndex, q: &str) -> Vec<ObservedInstrument> {
        let req = SearchRequest {
            query: q.to_string(),
            limit: 20,
            ..Default::default()
        };
        let opts = SearchOptions {
            doc_type: Some("instrument".into()),
            ..Default::default()
        };
        index
            .search_with(&req, &opts)
            .unwrap()
            .into_iter()
            .filter_map(|h| h.observed)
            .collect()
    }

    /// What the scan's merge (over every citation of every file) says of `id`.
    fn scanned(files: &[(&str, &str)], id: &str) -> Option<ObservedInstrument> {
        let ex: Vec<(String, Vec<Citation>)> = files
            .iter()
            .map(|(p, t)| (p.to_string(), crate::extract(t).citations))
            .collect();
        let all = observed::collect(ex.iter().map(|(p, c)| (p.as_str(), c.as_slice())));
        observed::find(&all, id).cloned()
    }

    fn date(s: &str) -> crate::model::Date {
        crate::model::Date::parse_iso(s).unwrap()
    }

    #[test]
    fn merged_when_searched_table() {
        // (files, query, merged id, dates majority first, conflict, citing documents)
        type Row<'a> = (
            &'a [(&'a str, &'a str)],
            &'a str,
            &'a str,
            &'a [(&'a str, usize)],
            bool,
            &'a [&'a str],
        );
        let rows: &[Row] = &[
            // Three files, two dates: the majority first, the conflict kept.
            (
                &[
                    ("a.md", "Căn cứ Nghị định số 200/2025/NĐ-CP ngày 10/7/2025 của Chính phủ."),
                    ("b.md", "Theo Nghị định số 200/2025/NĐ-CP ngày 01/7/2025 của Chính phủ."),
                    ("c.md", "Thực hiện Nghị định số 200/2025/NĐ-CP ngày 01/7/2025."),
                ],
                "Nghị định 200/2025",
                "200/2025/NĐ-CP",
                &[("2025-07-01", 2), ("2025-07-10", 1)],
                true,
                &["a.md", "b.md", "c.md"],
            ),
            // Folded query; one date, no conflict; cited twice in one file.
            (
                &[(
                    "a.md",
                    "Căn cứ Quyết định số 7/2025/QĐ-TTg ngày 03/3/2025. Theo Quyết định số 7/2025/QĐ-TTg ngày 03/3/2025.",
                )],
                "quyet dinh 7/2025",
                "7/2025/QĐ-TTg",
                &[("2025-03-03", 2)],
                false,
                &["a.md"],
            ),
            // Without its year in one file: joined to the one dated instrument of its number.
            (
                &[
                    ("a.md", "Thực hiện Chỉ thị số 21/CT-TTg ngày 05/3/2025 của Thủ tướng."),
                    ("b.md", "Triển khai Chỉ thị số 21/CT-TTg của Thủ tướng Chính phủ."),
                ],
                "Chỉ thị 21/CT-TTg",
                "21/CT-TTg:2025",
                &[("2025-03-05", 1)],
                false,
                &["a.md", "b.md"],
            ),
        ];
        for (files, q, id, dates, conflict, docs) in rows {
            let index = index_of(files, None);
            let hits = observed_hits(&index, q);
            let o = hits
                .iter()
                .find(|o| o.id == *id)
                .unwrap_or_else(|| panic!("{q}: no {id} in {hits:?}"));
            let want: Vec<(crate::model::Date, usize)> =
                dates.iter().map(|(d, n)| (date(d), *n)).collect();
            let got: Vec<(crate::model::Date, usize)> =
                o.dates.iter().map(|d| (d.date, d.citations)).collect();
            assert_eq!(got, want, "{q}");
            assert_eq!(o.conflict, *conflict, "{q}");
            assert_eq!(o.documents, *docs, "{q}");
            assert_eq!(o.status, "unknown", "{q}");
            // One hit per merged instrument.
            assert_eq!(hits.iter().filter(|o| o.id == *id).count(), 1, "{q}");
            // Exactly what the merge over every citation gives.
            assert_eq!(Some(o), scanned(files, id).as_ref(), "{q}");
        }
    }

    /// Broke first: an observed instrument seen only in a file that changed or was deleted
    /// must change or disappear with the incremental update, with nothing recomputed.
    #[test]
    fn observed_hit_follows_changed_and_deleted_files() {
        let a = (
            "a.md",
            "Căn cứ Nghị định số 200/2025/NĐ-CP ngày 10/7/2025 của Chính phủ.",
        );
        let b = (
            "b.md",
            "Theo Nghị định số 200/2025/NĐ-CP ngày 01/7/2025 của Chính phủ.",
        );
        let index = index_of(&[a, b], None);
        let q = "Nghị định 200/2025";
        let dates = |index: &SearchIndex| -> Vec<Vec<crate::model::Date>> {
            observed_hits(index, q)
                .iter()
                .map(|o| o.dates.iter().map(|d| d.date).collect())
                .collect()
        };
        assert_eq!(
            dates(&index),
            [vec![date("2025-07-01"), date("2025-07-10")]]
        );
        // b.md changed: its citation now gives the other date.
        let mut w = index.writer().unwrap();
        w.remove("b.md");
        w.add_file(
            "b.md",
            "Theo Nghị định số 200/2025/NĐ-CP ngày 10/7/2025 của Chính phủ.",
            "",
        )
        .unwrap();
        w.finish().unwrap();
        index.reload().unwrap();
        let hits = observed_hits(&index, q);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].dates.len(), 1);
        assert_eq!(hits[0].dates[0].citations, 2);
        assert!(!hits[0].conflict);
        // a.md deleted: b.md alone.
        let w = index.writer().unwrap();
        w.remove("a.md");
        w.finish().unwrap();
        index.reload().unwrap();
        let hits = observed_hits(&index, q);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].documents, ["b.md"]);
        // b.md changed to cite something else: the instrument is gone.
        let mut w = index.writer().unwrap();
        w.remove("b.md");
        w.add_file(
            "b.md",
            "Theo Quyết định số 7/2025/QĐ-TTg ngày 03/3/2025.",
            "",
        )
        .unwrap();
        w.finish().unwrap();
        index.reload().unwrap();
        assert_eq!(observed_hits(&index, q), []);
        assert_eq!(observed_hits(&index, "Quyết định 7/2025").len(), 1);
    }

    /// An instrument the registry holds is its registry hit, not an observed one.
    #[test]
    fn registry_instruments_are_not_observed() {
        let reg = crate::registry::Registry::builtin().unwrap();
        let files = [
            ("a.md", "Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ; Nghị định số 987/2025/NĐ-CP ngày 10/7/2025."),
        ];
        let index = index_of(&files, Some(&reg));
        assert_eq!(observed_hits(&index, "Nghị định 168/2018"), []);
        let o = observed_hits(&index, "Nghị định 987/2025");
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(o[0].id, "987/2025/NĐ-CP");
    }

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
