//! Observed instruments: an instrument the registry lacks, known only from what the
//! citations of it say — number, symbol, year, issuer, date, title — merged across every
//! document read, so that each citation has a node of its own (`cites`, `graph`, `show` and
//! the web's instrument pages treat it like a registry entry whose status is unknown).
//!
//! **The key.** Citations of one instrument share a canonical key: the canonical
//! number-symbol ("200/2025/NĐ-CP"); for a number without its year ("21/CT-TTg", numbered
//! anew every year) the year written or of the date written (`21/CT-TTg:2025`, `:?` when
//! none); for a local symbol ("KH-UBND", "NQ-HĐND", "CT-TU", numbered alike in every
//! province) the issuer written (`12/KH-UBND:ubnd-tinh-bac-ninh:2025`), else the citing
//! document (`…:doc=PATH:…`), since a plan's unnamed local documents are its own province's.
//! A law version named by the document (`Resolution::Observed`) is keyed by its number.
//!
//! **The merge.** Citations without a year join the one dated instrument of their number
//! (several: they stay apart). Per key: the kind, issuer and title written most often; every date written
//! with the number of citations giving it, the majority first (ties: the earlier date), and
//! `conflict` when they differ; the citing documents. Status is always "unknown".
//!
//! Pure: no I/O.

use crate::model::{Citation, Date, Kind};
use crate::normalize::fold_key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What one citation says of an instrument the registry lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    /// The canonical key (see the module doc).
    pub key: String,
    pub kind: Kind,
    pub number: String,
    pub symbol: Option<String>,
    pub year: Option<i32>,
    pub issuer: Option<String>,
    pub date: Option<Date>,
    pub title: Option<String>,
    /// The citing document and the citation's line.
    pub document: String,
    pub line: usize,
}

/// A date written for an observed instrument and how many citations give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateCount {
    pub date: Date,
    pub citations: usize,
}

/// An instrument known from its citations only, merged over every document read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservedInstrument {
    /// The canonical key, used as its id.
    pub id: String,
    pub kind: Kind,
    pub number: String,
    pub symbol: Option<String>,
    pub year: Option<i32>,
    pub issuer: Option<String>,
    /// The date written most often.
    pub date: Option<Date>,
    /// Every date written, the majority first.
    pub dates: Vec<DateCount>,
    /// The citations give different dates.
    pub conflict: bool,
    pub title: Option<String>,
    /// Every title written (longer than 12 characters), the most frequent first (ties: the
    /// first written).
    pub titles: Vec<String>,
    /// Always "unknown": nothing but the citations is known of it.
    pub status: &'static str,
    pub observed: bool,
    pub documents: Vec<String>,
    pub citations: usize,
}

impl ObservedInstrument {
    /// "Nghị định 200/2025/NĐ-CP" — the kind's Vietnamese name and the number-symbol.
    pub fn label(&self) -> String {
        let ns = self.id.split(':').next().unwrap_or(&self.id);
        format!("{} {ns}", self.kind.vietnamese())
    }
}

/// Symbols of local bodies, numbered alike in every province ("12/KH-UBND").
fn local_symbol(symbol: &str) -> bool {
    symbol.split(['-', '/']).any(|p| {
        matches!(
            fold_key(p).to_uppercase().as_str(),
            "UBND" | "HDND" | "TU" | "HU" | "DU" | "QU" | "BCD"
        )
    })
}

/// The parts of a canonical number-symbol: number, the year when it is in the number, symbol.
fn parts(canonical: &str) -> (String, Option<i32>, Option<String>) {
    let mut it = canonical.splitn(3, '/');
    let first = it.next().unwrap_or(canonical);
    let (number, rest) = match first.split_once('-') {
        Some((n, _)) if n.bytes().all(|b| b.is_ascii_digit()) => {
            (n.to_string(), Some(&canonical[n.len() + 1..]))
        }
        _ => (first.to_string(), canonical.get(first.len() + 1..)),
    };
    let Some(rest) = rest.filter(|r| !r.is_empty()) else {
        return (number, None, None);
    };
    match rest.split_once('/') {
        Some((y, s)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (number, y.parse().ok(), Some(s.to_string()))
        }
        _ => (number, None, Some(rest.to_string())),
    }
}

fn slug(s: &str) -> String {
    fold_key(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The canonical key of an instrument cited as `canonical` by citation `c` of `document`.
pub fn key(canonical: &str, c: &Citation, document: &str) -> String {
    let (_, year_in, symbol) = parts(canonical);
    let mut k = canonical.to_string();
    if symbol.as_deref().is_some_and(local_symbol) {
        match c.issuer.as_deref().map(slug).filter(|s| !s.is_empty()) {
            Some(i) => k.push_str(&format!(":{i}")),
            None => k.push_str(&format!(":doc={document}")),
        }
    }
    if year_in.is_none() {
        match c.year.or(c.date.map(|d| d.year)) {
            Some(y) => k.push_str(&format!(":{y}")),
            None => k.push_str(":?"),
        }
    }
    k
}

/// What citation `c` of `document` says of an instrument the registry lacks: a citation
/// left unresolved that has a number and symbol, or a version the document names that the
/// registry lacks (`"observed": true`). `None` for a resolved, ambiguous or nameless one.
pub fn observe(c: &Citation, document: &str) -> Option<Observation> {
    let observed_id = match &c.instrument {
        Some(crate::model::Resolved::Entry(e)) if e.observed => Some(e.id.as_str()),
        _ => None,
    };
    let (canonical, key) = match (observed_id, &c.instrument, &c.canonical) {
        (Some(id), _, _) => (id.to_string(), id.to_string()),
        (None, None, Some(canon)) if c.number.is_some() && c.symbol.is_some() => {
            (canon.clone(), key(canon, c, document))
        }
        _ => return None,
    };
    let (number, year_in, symbol) = parts(&canonical);
    Some(Observation {
        key,
        kind: c.kind,
        number,
        symbol,
        year: year_in.or(c.year).or(c.date.map(|d| d.year)),
        issuer: c.issuer.clone(),
        date: c.date,
        title: c.title.clone().or_else(|| c.law.clone()),
        document: document.to_string(),
        line: c.line,
    })
}

/// The value given most often (ties: the first given).
fn majority<T: PartialEq + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

/// Every distinct value, the most frequent first (ties: the first given).
fn by_frequency<T: PartialEq>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    // A stable sort keeps the first given first among equals.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(v, _)| v).collect()
}

/// The keys one [`merge`] may join: the key without its year suffix (":2025", ":?"), or
/// the key itself when it has none ("200/2025/NĐ-CP"). Keys of different families are
/// never merged, so merging the observations of one family gives exactly what merging
/// everything gives for its keys (what the index relies on, [`crate::index::observations`]).
pub fn family(key: &str) -> &str {
    match key.rsplit_once(':') {
        Some((head, y)) if y == "?" || (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())) => {
            &key[..head.len() + 1]
        }
        _ => key,
    }
}

/// The number-symbol of a key and its year suffix, if any ("21/CT-TTg:2025" →
/// ("21/CT-TTg", Some(2025))).
pub fn key_parts(key: &str) -> (&str, Option<i32>) {
    let ns = key.split(':').next().unwrap_or(key);
    let year = key
        .rsplit_once(':')
        .and_then(|(_, y)| (y.len() == 4).then(|| y.parse().ok()).flatten());
    (ns, year)
}

/// `id` with the citing document of a local key ("12/KH-UBND:doc=PATH:2025") given as
/// `doc(PATH)` instead: an index names documents by the paths it was given, a server by
/// their ids.
pub fn with_document(id: &str, doc: impl Fn(&str) -> String) -> String {
    let Some(at) = id.find(":doc=") else {
        return id.to_string();
    };
    let start = at + ":doc=".len();
    let end = id.rfind(':').filter(|&e| e >= start).unwrap_or(id.len());
    format!("{}{}{}", &id[..start], doc(&id[start..end]), &id[end..])
}

/// The observed instrument with this id (its canonical key) among `list` (sorted by id, as
/// [`merge`] gives it); a key without the year ("21/CT-TTg:?") finds the one dated
/// instrument it was merged into.
pub fn find<'a>(list: &'a [ObservedInstrument], id: &str) -> Option<&'a ObservedInstrument> {
    if let Ok(i) = list.binary_search_by(|o| o.id.as_str().cmp(id)) {
        return Some(&list[i]);
    }
    let prefix = id.strip_suffix('?')?;
    let mut dated = list.iter().filter(|o| {
        o.id.strip_prefix(prefix)
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
    });
    match (dated.next(), dated.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The observed instrument (in `list`) that citation `c` of `document` names.
pub fn of_citation<'a>(
    list: &'a [ObservedInstrument],
    c: &Citation,
    document: &str,
) -> Option<&'a ObservedInstrument> {
    find(list, &observe(c, document)?.key)
}

/// Merge observations by key, in key order (see the module doc).
pub fn merge(observations: impl IntoIterator<Item = Observation>) -> Vec<ObservedInstrument> {
    let mut by_key: BTreeMap<String, Vec<Observation>> = BTreeMap::new();
    for o in observations {
        by_key.entry(o.key.clone()).or_default().push(o);
    }
    // A number cited without its year ("21/CT-TTg:?") joins the one dated instrument of that
    // number ("21/CT-TTg:2025") when there is exactly one; with several it stays apart.
    let undated: Vec<String> = by_key
        .keys()
        .filter(|k| k.ends_with(":?"))
        .cloned()
        .collect();
    for k in undated {
        let prefix = &k[..k.len() - 1];
        let dated: Vec<&String> = by_key
            .keys()
            .filter(|d| {
                d.strip_prefix(prefix)
                    .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            })
            .collect();
        if let [one] = dated.as_slice() {
            let one = (*one).clone();
            let moved = by_key.remove(&k).unwrap_or_default();
            by_key
                .entry(one.clone())
                .or_default()
                .extend(moved.into_iter().map(|mut o| {
                    o.key = one.clone();
                    o
                }));
        }
    }
    by_key
        .into_iter()
        .filter_map(|(key, obs)| {
            let first = obs.first()?;
            let mut dates: Vec<DateCount> = Vec::new();
            for d in obs.iter().filter_map(|o| o.date) {
                match dates.iter_mut().find(|x| x.date == d) {
                    Some(x) => x.citations += 1,
                    None => dates.push(DateCount {
                        date: d,
                        citations: 1,
                    }),
                }
            }
            dates.sort_by(|a, b| b.citations.cmp(&a.citations).then(a.date.cmp(&b.date)));
            let mut documents: Vec<String> = obs.iter().map(|o| o.document.clone()).collect();
            documents.sort();
            documents.dedup();
            Some(ObservedInstrument {
                id: key,
                kind: majority(obs.iter().map(|o| o.kind)).unwrap_or(first.kind),
                number: first.number.clone(),
                symbol: first.symbol.clone(),
                year: majority(obs.iter().filter_map(|o| o.year)),
                issuer: majority(obs.iter().filter_map(|o| o.issuer.clone())),
                date: dates.first().map(|d| d.date),
                conflict: dates.len() > 1,
                dates,
                title: majority(
                    obs.iter()
                        .filter_map(|o| o.title.clone())
                        .filter(|t| t.chars().count() > 12),
                ),
                titles: by_frequency(
                    obs.iter()
                        .filter_map(|o| o.title.clone())
                        .filter(|t| t.chars().count() > 12),
                ),
                status: "unknown",
                observed: true,
                documents,
                citations: obs.len(),
            })
        })
        .collect()
}

/// The observed instruments of documents given as (path, citations with their resolution).
pub fn collect<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a [Citation])>,
) -> Vec<ObservedInstrument> {
    merge(
        docs.into_iter()
            .flat_map(|(path, cits)| cits.iter().filter_map(move |c| observe(c, path))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first citation of `text`, unresolved (as the registry lacks it).
    fn obs(text: &str, doc: &str) -> Observation {
        let e = crate::extract(text);
        let c = e.citations.first().unwrap_or_else(|| panic!("{text:?}"));
        observe(c, doc).unwrap_or_else(|| panic!("{text:?}: not observed"))
    }

    fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn family_and_parts_table() {
        // (key, family, number-symbol, year suffix)
        let rows = [
            ("200/2025/NĐ-CP", "200/2025/NĐ-CP", "200/2025/NĐ-CP", None),
            ("21/CT-TTg:2025", "21/CT-TTg:", "21/CT-TTg", Some(2025)),
            ("21/CT-TTg:?", "21/CT-TTg:", "21/CT-TTg", None),
            (
                "12/KH-UBND:ubnd-tinh-bac-ninh:2025",
                "12/KH-UBND:ubnd-tinh-bac-ninh:",
                "12/KH-UBND",
                Some(2025),
            ),
            (
                "12/KH-UBND:doc=a/b.md:?",
                "12/KH-UBND:doc=a/b.md:",
                "12/KH-UBND",
                None,
            ),
        ];
        for (key, fam, ns, year) in rows {
            assert_eq!(family(key), fam, "{key}");
            assert_eq!(key_parts(key), (ns, year), "{key}");
        }
    }

    #[test]
    fn with_document_table() {
        // (id, the document's id for "plans/a.md" = "a.md")
        let rows = [
            ("12/KH-UBND:doc=plans/a.md:2025", "12/KH-UBND:doc=a.md:2025"),
            ("12/KH-UBND:doc=plans/a.md:?", "12/KH-UBND:doc=a.md:?"),
            ("12/2025/KH-UBND:doc=plans/a.md", "12/2025/KH-UBND:doc=a.md"),
            ("200/2025/NĐ-CP", "200/2025/NĐ-CP"),
            ("21/CT-TTg:2025", "21/CT-TTg:2025"),
        ];
        let doc = |p: &str| p.strip_prefix("plans/").unwrap_or(p).to_string();
        for (id, want) in rows {
            assert_eq!(with_document(id, doc), want, "{id}");
        }
    }

    /// Merging each family alone gives what merging everything gives (what the index's
    /// merge when searched relies on).
    #[test]
    fn merging_by_family_is_merging_everything() {
        let rows = [
            ("a.md", "Chỉ thị số 21/CT-TTg ngày 05/3/2025"),
            ("b.md", "Chỉ thị số 21/CT-TTg"),
            ("c.md", "Chỉ thị số 22/CT-TTg ngày 05/3/2024"),
            ("c.md", "Chỉ thị số 22/CT-TTg ngày 05/3/2025"),
            ("d.md", "Chỉ thị số 22/CT-TTg"),
            ("a.md", "Nghị định số 200/2025/NĐ-CP ngày 10/7/2025"),
            ("b.md", "Nghị định số 200/2025/NĐ-CP ngày 01/7/2025"),
        ];
        let all: Vec<Observation> = rows.iter().map(|(d, t)| obs(t, d)).collect();
        let everything = merge(all.clone());
        let mut by_family: BTreeMap<&str, Vec<Observation>> = BTreeMap::new();
        for o in &all {
            by_family.entry(family(&o.key)).or_default().push(o.clone());
        }
        let mut pieced: Vec<ObservedInstrument> = by_family.into_values().flat_map(merge).collect();
        pieced.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(pieced, everything);
        // 21/CT-TTg: the undated joined the one dated; 22/CT-TTg: two dated, it stays apart.
        let ids: Vec<&str> = everything.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "200/2025/NĐ-CP",
                "21/CT-TTg:2025",
                "22/CT-TTg:2024",
                "22/CT-TTg:2025",
                "22/CT-TTg:?"
            ]
        );
    }

    #[test]
    fn keys_table() {
        // (citation, citing document, key)
        let rows = [
            (
                "Nghị định số 200/2025/NĐ-CP ngày 10/7/2025",
                "a.md",
                "200/2025/NĐ-CP",
            ),
            ("theo Nghị định 200/2025/ND-CP", "b.md", "200/2025/NĐ-CP"),
            // Numbered anew each year: the year is part of the key.
            (
                "Chỉ thị số 21/CT-TTg ngày 05/3/2025",
                "a.md",
                "21/CT-TTg:2025",
            ),
            ("Chỉ thị số 21/CT-TTg", "a.md", "21/CT-TTg:?"),
            // Local: the issuer written, else the citing document.
            (
                "Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND tỉnh Bắc Ninh",
                "a.md",
                "12/KH-UBND:ubnd-tinh-bac-ninh:2025",
            ),
            (
                "Kế hoạch số 12/KH-UBND ngày 05/3/2025",
                "a.md",
                "12/KH-UBND:doc=a.md:2025",
            ),
        ];
        for (text, doc, want) in rows {
            assert_eq!(obs(text, doc).key, want, "{text:?}");
        }
    }

    #[test]
    fn merge_keeps_conflicting_dates_majority_first() {
        // (document, citation) — one key from 3 documents, 2 dates.
        let rows = [
            (
                "a.md",
                "Nghị định số 200/2025/NĐ-CP ngày 10/7/2025 của Chính phủ",
            ),
            ("b.md", "Nghị định số 200/2025/NĐ-CP ngày 01/7/2025"),
            ("c.md", "Nghị định số 200/2025/NĐ-CP ngày 01/7/2025"),
            ("c.md", "Quyết định số 7/2025/QĐ-TTg"),
        ];
        let merged = merge(rows.iter().map(|(d, t)| obs(t, d)));
        assert_eq!(merged.len(), 2, "{merged:?}");
        let m = merged.iter().find(|m| m.id == "200/2025/NĐ-CP").unwrap();
        assert_eq!(m.kind, Kind::Decree);
        assert_eq!(m.number, "200");
        assert_eq!(m.symbol.as_deref(), Some("NĐ-CP"));
        assert_eq!(m.year, Some(2025));
        assert_eq!(m.date, Some(date("2025-07-01")));
        assert!(m.conflict);
        assert_eq!(
            m.dates,
            vec![
                DateCount {
                    date: date("2025-07-01"),
                    citations: 2
                },
                DateCount {
                    date: date("2025-07-10"),
                    citations: 1
                }
            ]
        );
        assert_eq!(m.documents, vec!["a.md", "b.md", "c.md"]);
        assert_eq!(m.citations, 3);
        assert_eq!(m.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(m.status, "unknown");
        let q = merged.iter().find(|m| m.id == "7/2025/QĐ-TTg").unwrap();
        assert!(!q.conflict);
        assert_eq!(q.date, None);
        assert_eq!(
            q.label(),
            format!("{} 7/2025/QĐ-TTg", Kind::Decision.vietnamese())
        );
    }

    #[test]
    fn resolved_and_nameless_citations_are_not_observed() {
        let e = crate::extract("theo Luật Dân quân tự vệ và Nghị định số 200");
        for c in &e.citations {
            assert_eq!(observe(c, "a.md"), None, "{c:?}");
        }
        let mut e = crate::extract("Nghị định số 200/2025/NĐ-CP");
        e.citations[0].instrument = Some(crate::model::Resolved::Entry(crate::model::Entry {
            date: None,
            id: "200/2025/NĐ-CP".into(),
            kind: crate::model::Kind::Decree,
            number: Some("200".into()),
            observed: false,
            status: crate::registry::Status::Unknown,
            symbol: Some("NĐ-CP".into()),
            title: None,
            year: Some(2025),
        }));
        assert_eq!(observe(&e.citations[0], "a.md"), None);
    }

    #[test]
    fn a_number_without_its_year_joins_the_one_dated_instrument() {
        // (citations as (document, text), the keys expected after the merge)
        type Row<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);
        let rows: Vec<Row> = vec![
            (
                vec![
                    ("a.md", "Chỉ thị số 21/CT-TTg ngày 05/3/2025"),
                    ("b.md", "Chỉ thị số 21/CT-TTg"),
                ],
                vec!["21/CT-TTg:2025"],
            ),
            (
                vec![
                    ("a.md", "Chỉ thị số 21/CT-TTg ngày 05/3/2025"),
                    ("b.md", "Chỉ thị số 21/CT-TTg ngày 05/3/2024"),
                    ("c.md", "Chỉ thị số 21/CT-TTg"),
                ],
                vec!["21/CT-TTg:2024", "21/CT-TTg:2025", "21/CT-TTg:?"],
            ),
        ];
        for (cits, want) in rows {
            let merged = merge(cits.iter().map(|(d, t)| obs(t, d)));
            let keys: Vec<&str> = merged.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(keys, want, "{cits:?}");
            let total: usize = merged.iter().map(|m| m.citations).sum();
            assert_eq!(total, cits.len());
        }
    }
}
