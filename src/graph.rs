//! The citation graph: documents, their sections, the instruments they cite, and the
//! registry's relations between instruments; and the questions asked of it — who cites an
//! instrument ([`Graph::cites`]), what backs a section or task ([`Graph::basis`]) — plus
//! exports (JSON, Graphviz DOT, GraphML).
//!
//! [`Graph::build`] takes texts already read (`(path, text)` pairs) so a search index can
//! reuse it; this module does no I/O and knows nothing of the command line.
//!
//! [`parse_query`] reads what people type ("NĐ 63/2010", "NQ57", "luat ngan sach nha nuoc",
//! "20/2023/QH15") into a [`Target`]; a law name without number is a work (every version, hits
//! grouped by version). [`Graph::cites`] matches a citation on what it says (number, symbol,
//! kind, year, law name) as well as on what it resolved to, so a larger registry never loses a
//! document; [`Target::citation_keys`] are a superset of the index keys of every matching
//! citation, so `cancu cites --index` reads only candidate files and answers as a scan does.

pub mod rank;

use crate::extract::tables::Tables;
use crate::model::{Citation, Header, Kind};
use crate::normalize::fold_key;
use crate::observed::{observe, ObservedInstrument};
use crate::outline::{is_within, Outline};
use crate::registry::{number_key, symbol_key, Registry, StatusAt};
use crate::resolve::{self, resolved_id, Summary};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One document of the graph.
#[derive(Debug, Clone, Serialize)]
pub struct DocNode {
    pub path: String,
    pub header: Header,
    /// The date used for "in force at the document's date" (see [`resolve::document_date`]).
    pub date: Option<crate::model::Date>,
    pub outline: Outline,
    /// Citations with `instrument` and `section` filled.
    pub citations: Vec<Citation>,
    pub summary: Summary,
    /// The text, for ranking items by a task's words.
    #[serde(skip)]
    text: String,
}

/// The graph over a set of documents.
#[derive(Debug, Clone, Serialize)]
pub struct Graph {
    pub documents: Vec<DocNode>,
    /// Instruments the registry lacks, known from their citations in these documents
    /// (merged by canonical key, status unknown): every numbered citation has a node.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<ObservedInstrument>,
}

/// What a `cites` query names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Target {
    /// A registry entry.
    Instrument { id: String },
    /// Several registry entries fit; citations of any are listed.
    Ambiguous { ids: Vec<String> },
    /// Not in the registry: matched on kind, number, symbol and year.
    Loose {
        kind: Option<Kind>,
        number: String,
        symbol: Option<String>,
        year: Option<i32>,
    },
    /// A law name the law table does not know (matched on the name as written).
    LawName { name: String, year: Option<i32> },
    /// A law, code or ordinance as a work ("Luật Ngân sách nhà nước"): every version, or
    /// the version of `year` ("Luật Ngân sách nhà nước 2015"); hits are grouped by version.
    Work { name: String, year: Option<i32> },
}

impl Target {
    /// The keys a citation of this target must carry: "n:<number key>" for numbered
    /// citations, "l:<folded law name>" for laws cited by name. Resolution matches only on
    /// these, so the documents holding any of them are a superset of those citing the
    /// target (a search index looks them up, then [`Graph::cites`] decides).
    pub fn citation_keys(&self, reg: &Registry) -> Vec<String> {
        let mut out = BTreeSet::new();
        let mut instrument = |id: &str| {
            if let Some(i) = reg.get(id) {
                if let Some(n) = &i.number {
                    out.insert(format!("n:{}", number_key(n)));
                }
                for name in i.law_name.iter().chain(i.aliases.iter()) {
                    out.insert(format!("l:{}", fold_key(name)));
                }
            }
        };
        match self {
            Target::Instrument { id } => instrument(id),
            Target::Ambiguous { ids } => ids.iter().for_each(|id| instrument(id)),
            Target::Loose { number, year, .. } => {
                out.insert(format!("n:{}", number_key(number)));
                // Laws cited by name that resolve to a version of this number.
                let nk = number_key(number);
                let fits = |id: &str| {
                    id_parts(id).is_some_and(|(n, y, _)| {
                        number_key(&n) == nk && year.is_none_or(|q| y == Some(q))
                    })
                };
                for w in Tables::builtin().works.values() {
                    if w.versions.iter().any(|v| fits(&v.id)) {
                        out.insert(format!("l:{}", fold_key(&w.name)));
                    }
                }
                for i in reg.instruments() {
                    if let Some(name) = i.law_name.as_deref().filter(|_| fits(&i.id)) {
                        out.insert(format!("l:{}", fold_key(name)));
                    }
                }
            }
            Target::LawName { name, .. } => {
                out.insert(format!("l:{}", fold_key(name)));
            }
            Target::Work { name, .. } => {
                // The work's name (citations carry the canonical name), every version's
                // number, and every registry entry of that name.
                let mut extra = vec![format!("l:{}", fold_key(name))];
                if let Some(w) = Tables::builtin().work(name) {
                    for v in &w.versions {
                        if let Some((n, _, _)) = id_parts(&v.id) {
                            extra.push(format!("n:{}", number_key(&n)));
                        }
                    }
                }
                for id in reg.by_name(name).iter().map(|i| i.id.clone()) {
                    instrument(&id);
                }
                out.extend(extra);
            }
        }
        out.into_iter().collect()
    }
}

/// One citation found by a query.
#[derive(Debug, Clone, Serialize)]
pub struct Hit<'g> {
    pub path: &'g str,
    pub section: Option<&'g crate::model::SectionRef>,
    pub line: usize,
    pub text: &'g str,
    /// The citation resolved to several entries, one of them the target.
    pub ambiguous: bool,
    /// The version or instrument the citation means, for answers grouped by it
    /// ("83/2015/QH13", "phiên bản chưa rõ (version unknown)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The id of the observed instrument (not in the registry) the citation names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<String>,
    /// The citation itself.
    #[serde(skip)]
    pub citation: &'g Citation,
}

/// An instrument backing a section, with its status at the document's date.
#[derive(Debug, Clone, Serialize)]
pub struct Backing {
    /// Registry id, or the citation's canonical form / law name when unresolved.
    pub id: String,
    pub resolved: bool,
    pub label: String,
    pub status: Option<String>,
    pub status_at_document_date: Option<StatusAt>,
    pub title: Option<String>,
    pub sections: Vec<String>,
    pub lines: Vec<usize>,
    /// Reached only through footnotes the section calls (none of its citations is in the
    /// section's own text).
    pub via_footnote: bool,
    /// The footnotes it is cited in ("1", "2"), when any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
}

fn year_token(q: &str) -> Option<i32> {
    fold_key(q)
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .find(|y| (1945..=2100).contains(y))
}

/// The parts of a registry id or canonical number-symbol: ("168", Some(2018), "NĐ-CP") for
/// "168/2018/NĐ-CP", ("28", None, "NQ/TW") for "28-NQ/TW:bo-chinh-tri:2008-09-22".
pub fn id_parts(id: &str) -> Option<(String, Option<i32>, String)> {
    let head = id.split(':').next()?;
    let mut it = head.splitn(3, '/');
    let first = it.next()?;
    if let Some((n, rest)) = first.split_once('-') {
        if n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() {
            let sym = head[n.len() + 1..].to_string();
            let _ = rest;
            return Some((n.to_string(), None, sym));
        }
    }
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let second = it.next()?;
    match second.parse::<i32>() {
        Ok(y) if second.len() == 4 => Some((first.to_string(), Some(y), it.next()?.to_string())),
        _ => Some((first.to_string(), None, head[first.len() + 1..].to_string())),
    }
}

/// A law, code or ordinance named in a query, without a number: the work, and the year
/// when one is written ("Luật Ngân sách nhà nước 2015", "luat ngan sach nha nuoc", "Luật NSNN").
fn work_query(q: &str, year: Option<i32>) -> Option<Target> {
    let f = fold_key(q);
    let words: Vec<&str> = f
        .split_whitespace()
        .filter(|w| *w != "so" && *w != "nam" && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    if words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let name = words.join(" ");
    let w = Tables::builtin().work(&name)?;
    Some(Target::Work {
        name: w.name.clone(),
        year,
    })
}

/// Read a query as people type it ("Nghị định 168/2018/NĐ-CP", "NĐ 63/2010", "TT 02/2017",
/// "NQ57", "nghi dinh 168 2018", "Luật NSNN", "luat ngan sach nha nuoc", "Luật Ngân sách nhà
/// nước 2015", "20/2023/QH15", "Nghị quyết 57-NQ/TW 2024", "28-NQ/TW 2008", a registry id),
/// with or without diacritics and "số". A law name without a year or number means the work.
pub fn parse_query(q: &str, reg: &Registry) -> Option<Target> {
    let q = q.trim();
    if q.is_empty() {
        return None;
    }
    if reg.get(q).is_some() {
        return Some(Target::Instrument { id: q.to_string() });
    }
    let year = year_token(q);
    if let Some(t) = work_query(q, year) {
        return Some(t);
    }
    let e = crate::extract(q);
    if let Some(mut c) = e.citations.into_iter().next() {
        if c.year.is_none() {
            c.year = year;
        }
        if let (Some(n), Some(mut s)) = (c.number.clone(), c.symbol.clone()) {
            // A bare number-symbol ("20/2023/QH15") keeps the symbol as typed.
            if c.parts.type_word.is_none() {
                if let Some(Target::Loose {
                    symbol: Some(typed),
                    ..
                }) = loose_query(q, year)
                {
                    s = typed;
                }
            }
            let mut cands = reg.by_number_symbol(&n, &s);
            cands.retain(|i| c.year.is_none_or(|y| i.year() == Some(y)));
            if c.parts.type_word.is_some() && cands.iter().any(|i| i.kind == c.kind) {
                cands.retain(|i| i.kind == c.kind);
            }
            return Some(match cands.len() {
                0 => Target::Loose {
                    kind: c.parts.type_word.is_some().then_some(c.kind),
                    number: n,
                    symbol: Some(s),
                    year: c.year,
                },
                1 => Target::Instrument {
                    id: cands[0].id.clone(),
                },
                _ => Target::Ambiguous {
                    ids: cands.iter().map(|i| i.id.clone()).collect(),
                },
            });
        }
        if let (None, Some(name)) = (&c.number, &c.law) {
            return Some(match Tables::builtin().work(name) {
                Some(w) => Target::Work {
                    name: w.name.clone(),
                    year: c.year,
                },
                None => Target::LawName {
                    name: name.clone(),
                    year: c.year,
                },
            });
        }
    }
    loose_query(q, year)
}

/// "NĐ 63/2010", "TT 02/2017", "NQ57", "nghi dinh 168 2018", "Quyết định 62": a type word or
/// symbol code, a number (maybe "/year"), maybe a year and a symbol. Matched on the
/// citations as written (and as resolved), so it finds them whatever the registry holds.
fn loose_query(q: &str, year: Option<i32>) -> Option<Target> {
    let t = Tables::builtin();
    // "NQ57" → "NQ 57".
    let mut spaced = String::with_capacity(q.len() + 4);
    // Only a word of letters alone is split ("NQ57"), not a symbol ("20/2023/QH15").
    let mut letters_only = false;
    for ch in q.chars() {
        if ch.is_whitespace() {
            letters_only = false;
        } else if ch.is_ascii_digit() && letters_only {
            spaced.push(' ');
            letters_only = false;
        } else if spaced.is_empty() || spaced.ends_with(char::is_whitespace) {
            letters_only = ch.is_alphabetic();
        } else if !ch.is_alphabetic() {
            letters_only = false;
        }
        spaced.push(ch);
    }
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let num_pos = words
        .iter()
        .position(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit()))?;
    let num_word = words[num_pos];
    let mut parts = num_word.split(['/', '-']);
    let number = parts.next()?.to_string();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) || number.len() > 5 {
        return None;
    }
    let mut year = year;
    let mut symbol: Option<String> = None;
    let rest: Vec<&str> = parts.collect();
    for r in &rest {
        match r.parse::<i32>() {
            Ok(y) if r.len() == 4 => year = Some(y),
            _ if !r.is_empty() && symbol.is_none() => {
                symbol = Some(num_word[num_word.find(r).unwrap_or(0)..].to_string())
            }
            _ => {}
        }
    }
    let head: Vec<&str> = words[..num_pos]
        .iter()
        .copied()
        .filter(|w| !matches!(fold_key(w).as_str(), "so"))
        .collect();
    let kind = if head.is_empty() {
        None
    } else {
        let folded = fold_key(&head.join(" "));
        t.type_word(&folded)
            .map(|(k, _)| k)
            .or_else(|| t.code(&head.join(" ")).and_then(|c| c.kind))
            .or_else(|| t.code(&head.join(" ").to_uppercase()).and_then(|c| c.kind))
    };
    // A symbol written in words, before or after the number ("NQ TW 57", "Nghị quyết 57 NQ
    // TW", "NQ 57 TW"): kept, never dropped, when its words are symbol codes.
    if symbol.is_none() {
        let after: Vec<&str> = words[num_pos + 1..]
            .iter()
            .copied()
            .filter(|w| !(w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())))
            .collect();
        let code_kind = |w: &str| t.code(&w.to_uppercase()).and_then(|c| c.kind);
        let is_code = |w: &str| t.code(&w.to_uppercase()).is_some();
        let spelled: Option<Vec<&str>> = match (head.as_slice(), after.as_slice()) {
            // "… 57 NQ TW": the words after are the symbol.
            (_, [first, ..]) if code_kind(first).is_some() => Some(after.clone()),
            // "NQ 57 TW": the type code before, the rest after.
            ([.., last], [first, ..]) if code_kind(last).is_some() && is_code(first) => Some(
                std::iter::once(*last)
                    .chain(after.iter().copied())
                    .collect(),
            ),
            // "NQ TW 57": the symbol before the number.
            ([first, _, ..], []) if kind.is_none() && code_kind(first).is_some() => {
                Some(head.clone())
            }
            _ => None,
        };
        if let Some(ws) = spelled {
            let sym = ws.join("/").to_uppercase();
            return Some(Target::Loose {
                kind: kind.or_else(|| code_kind(ws[0])),
                number,
                symbol: Some(sym),
                year,
            });
        }
    }
    if kind.is_none() && symbol.is_none() {
        return None;
    }
    Some(Target::Loose {
        kind,
        number,
        symbol,
        year,
    })
}

/// The citation says this number (and symbol, kind, year when given). A citation without
/// a year matches any year; a query without a symbol matches on the kind.
fn written_match(
    c: &Citation,
    number: &str,
    symbol: Option<&str>,
    kind: Option<Kind>,
    year: Option<i32>,
) -> bool {
    c.number.as_deref().map(number_key) == Some(number_key(number))
        && symbol.is_none_or(|s| c.symbol.as_deref().map(symbol_key) == Some(symbol_key(s)))
        && (symbol.is_some() || kind.is_none_or(|k| k == c.kind))
        && year.is_none_or(|y| c.year.is_none_or(|cy| cy == y))
}

/// The registry entries a target names: the entry, the candidates, the entries a loose
/// query fits, or the versions of a work the registry holds (oldest first).
pub fn registry_entries(target: &Target, reg: &Registry) -> Vec<String> {
    let mut v: Vec<&crate::registry::Instrument> = match target {
        Target::Instrument { id } => reg.get(id).into_iter().collect(),
        Target::Ambiguous { ids } => ids.iter().filter_map(|i| reg.get(i)).collect(),
        Target::Loose {
            kind,
            number,
            symbol,
            year,
        } => reg
            .instruments()
            .iter()
            .filter(|i| {
                i.number.as_deref().map(number_key) == Some(number_key(number))
                    && symbol
                        .as_deref()
                        .is_none_or(|s| i.symbol.as_deref().map(symbol_key) == Some(symbol_key(s)))
                    && (symbol.is_some() || kind.is_none_or(|k| k == i.kind))
                    && year.is_none_or(|y| i.year() == Some(y))
            })
            .collect(),
        Target::Work { name, year } => reg
            .by_name(name)
            .into_iter()
            .filter(|i| year.is_none_or(|y| i.year() == Some(y)))
            .collect(),
        Target::LawName { name, .. } => reg.by_name(name),
    };
    v.sort_by_key(|i| (i.start(), i.id.clone()));
    v.dedup_by(|a, b| a.id == b.id);
    v.into_iter().map(|i| i.id.clone()).collect()
}

impl Graph {
    /// Extract, outline and resolve every document.
    pub fn build(docs: &[(String, String)], reg: &Registry) -> Graph {
        let documents: Vec<DocNode> = docs
            .iter()
            .map(|(path, text)| {
                let a = crate::analysis::analyze_text(
                    path,
                    text,
                    Some(reg),
                    &crate::analysis::Wants::citations(),
                );
                DocNode {
                    path: path.clone(),
                    header: a.extraction.header,
                    date: a.date,
                    outline: a.outline.unwrap_or_default(),
                    citations: a.extraction.citations,
                    summary: a.summary,
                    text: a.source.text,
                }
            })
            .collect();
        let observed = crate::observed::collect(
            documents
                .iter()
                .map(|d| (d.path.as_str(), d.citations.as_slice())),
        );
        Graph {
            documents,
            observed,
        }
    }

    /// The observed instrument (not in the registry) a citation of document `path` names.
    pub fn observed_for(&self, c: &Citation, path: &str) -> Option<&ObservedInstrument> {
        let key = observe(c, path)?.key;
        self.observed_by_id(&key)
    }

    /// The observed instrument with this id (its canonical key); a key without the year
    /// ("21/CT-TTg:?") finds the one dated instrument it was merged into.
    pub fn observed_by_id(&self, id: &str) -> Option<&ObservedInstrument> {
        crate::observed::find(&self.observed, id)
    }

    /// The observed instruments cited by the citations a target finds.
    pub fn observed_matching(&self, target: &Target) -> Vec<&ObservedInstrument> {
        let mut ids: Vec<String> = self
            .cites(target)
            .into_iter()
            .filter_map(|h| h.observed)
            .collect();
        ids.sort();
        ids.dedup();
        ids.iter().filter_map(|k| self.observed_by_id(k)).collect()
    }

    /// Every citation of the target, in document order. A citation matches on what it says
    /// (number, symbol, year, kind, law name as written) as well as on what it resolved to,
    /// so a larger registry never loses one; hits of a work are grouped by version.
    pub fn cites(&self, target: &Target) -> Vec<Hit<'_>> {
        self.documents
            .iter()
            .flat_map(|d| {
                Graph::cites_in(target, &d.path, &d.citations)
                    .into_iter()
                    .map(move |mut h| {
                        if let Some(o) = self.observed_for(h.citation, &d.path) {
                            h.observed = Some(o.id.clone());
                        }
                        h
                    })
            })
            .collect()
    }

    /// The hits of `target` among one document's citations (`path`: the document's): what
    /// [`Graph::cites`] asks of every document, and the web of each document it serves.
    pub fn cites_in<'a>(target: &Target, path: &'a str, citations: &'a [Citation]) -> Vec<Hit<'a>> {
        let want_parts = match target {
            Target::Instrument { id } if !id.contains(':') => id_parts(id),
            _ => None,
        };
        let work_versions: Vec<String> = match target {
            Target::Work { name, .. } => Tables::builtin()
                .work(name)
                .map(|w| w.versions.iter().map(|v| v.id.clone()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        {
            for c in citations {
                let ambiguous_ids: Vec<&str> = c
                    .instrument
                    .as_ref()
                    .map(|r| r.candidates().iter().map(String::as_str).collect())
                    .unwrap_or_default();
                let rid = resolved_id(c);
                let written =
                    |number: &str, symbol: Option<&str>, kind: Option<Kind>, year: Option<i32>| {
                        written_match(c, number, symbol, kind, year)
                    };
                let (hit, amb, group) = match target {
                    Target::Instrument { id } => {
                        if rid == Some(id.as_str()) {
                            (true, false, None)
                        } else if ambiguous_ids.contains(&id.as_str()) {
                            (true, true, None)
                        } else {
                            let w = rid.is_none()
                                && want_parts.as_ref().is_some_and(|(n, y, s)| {
                                    written(n, Some(s), None, *y) && y.is_some()
                                });
                            (w, false, None)
                        }
                    }
                    Target::Ambiguous { ids } => {
                        let r = rid.is_some_and(|x| ids.iter().any(|i| i == x));
                        let a = ambiguous_ids.iter().any(|x| ids.iter().any(|i| i == x));
                        (r || a, !r && a, rid.map(str::to_string))
                    }
                    Target::Loose {
                        kind,
                        number,
                        symbol,
                        year,
                    } => {
                        let by_text = written(number, symbol.as_deref(), *kind, *year);
                        // A citation by name resolved to a version with this number.
                        let by_resolution = c.number.is_none()
                            && rid.and_then(id_parts).is_some_and(|(n, y, s)| {
                                number_key(&n) == number_key(number)
                                    && symbol
                                        .as_deref()
                                        .is_none_or(|q| symbol_key(q) == symbol_key(&s))
                                    && year.is_none_or(|q| y == Some(q))
                                    && (symbol.is_some() || kind.is_none_or(|k| k == c.kind))
                            });
                        let group = rid.map(str::to_string).or_else(|| c.canonical.clone());
                        (by_text || by_resolution, false, group)
                    }
                    Target::LawName { name, year } => (
                        c.law.as_deref().map(fold_key) == Some(fold_key(name))
                            && year.is_none_or(|y| c.year.is_none_or(|cy| cy == y)),
                        false,
                        rid.map(str::to_string),
                    ),
                    Target::Work { name, year } => {
                        let wk = resolve::work_key(name);
                        let by_name = c.law.as_deref().map(resolve::work_key) == Some(wk);
                        let by_version = rid.is_some_and(|r| work_versions.iter().any(|v| v == r));
                        // A version cited by its number alone ("Luật số 20/2023/QH15") that
                        // the registry lacks: matched as written.
                        let by_number = work_versions
                            .iter()
                            .find(|v| {
                                rid.is_none()
                                    && id_parts(v).is_some_and(|(n, y, s)| {
                                        y.is_some() && written(&n, Some(&s), None, y)
                                    })
                            })
                            .map(String::as_str);
                        let by_version = by_version || by_number.is_some();
                        let rid = rid.or(by_number);
                        let version_year = rid.and_then(id_parts).and_then(|p| p.1).or(c.year);
                        let hit =
                            (by_name || by_version) && year.is_none_or(|y| version_year == Some(y));
                        let group = match rid {
                            Some(r) => r.to_string(),
                            None => "phiên bản chưa rõ (version unknown)".to_string(),
                        };
                        (hit, false, Some(group))
                    }
                };
                if hit {
                    out.push(Hit {
                        path,
                        section: c.section.as_ref(),
                        line: c.line,
                        text: &c.text,
                        ambiguous: amb,
                        group,
                        // The corpus-wide observed instrument is set by `cites`, which
                        // holds every document; one document alone gives its own key.
                        observed: observe(c, path).map(|o| o.key),
                        citation: c,
                    });
                }
            }
        }
        out
    }

    /// The document with this path.
    pub fn document(&self, path: &str) -> Option<&DocNode> {
        self.documents.iter().find(|d| d.path == path)
    }

    /// The instruments backing a section (with its sub-sections and the footnotes they
    /// call), or the best item for a task's words ([`DocNode::rank_task`]); every citation
    /// of the document when neither is given. Returns the paths it looked at (empty when the
    /// task matches nothing) and the instruments.
    pub fn basis(
        &self,
        doc: &DocNode,
        section: Option<&str>,
        task: Option<&str>,
        reg: &Registry,
    ) -> (Vec<String>, Vec<Backing>) {
        let paths: Vec<String> = match (section, task) {
            (Some(p), _) => vec![p.trim().trim_end_matches('.').to_string()],
            (None, Some(t)) => doc
                .rank_task(t)
                .into_iter()
                .take(1)
                .map(|r| r.path)
                .collect(),
            (None, None) => return (vec![], self.backings(doc, reg, |_| Some(None))),
        };
        let list = self.backings(doc, reg, |c| doc.backs(c, &paths));
        (paths, list)
    }

    /// The plan's own basis: the instruments of its opening "Căn cứ … / Thực hiện …"
    /// paragraphs (and of the footnotes they call); without such paragraphs, those cited
    /// before the first section.
    pub fn plan_basis(&self, doc: &DocNode, reg: &Registry) -> Vec<Backing> {
        let o = &doc.outline;
        let first = o.sections.first().map_or(o.body_end, |s| s.start);
        let called_from_basis = |label: &str| {
            o.footnotes
                .iter()
                .find(|f| f.label == label)
                .is_some_and(|f| f.calls.iter().any(|&x| o.in_basis(x)))
        };
        self.backings(doc, reg, |c| {
            if o.basis.is_empty() {
                return (c.start < first).then_some(None);
            }
            if o.in_basis(c.start) {
                return Some(None);
            }
            let f = o.footnote_at(c.start)?;
            called_from_basis(&f.label).then(|| Some(f.label.clone()))
        })
    }

    /// The instruments each section cites in its own text (not its sub-items') or through
    /// the footnotes it calls, in outline order.
    pub fn section_instruments(&self, doc: &DocNode, reg: &Registry) -> Vec<Vec<Backing>> {
        doc.outline
            .sections
            .iter()
            .map(|s| {
                let path = s.path.as_str();
                self.backings(doc, reg, |c| {
                    if c.section.as_ref().is_some_and(|x| x.path == path) {
                        return Some(None);
                    }
                    let f = doc.outline.footnote_at(c.start)?;
                    doc.outline
                        .callers(f)
                        .contains(&path)
                        .then(|| Some(f.label.clone()))
                })
            })
            .collect()
    }

    /// The instruments of the citations `keep` selects (`Some(None)`: in the text itself,
    /// `Some(Some(label))`: in that footnote), in order of first citation, with their status
    /// at the document's date.
    fn backings(
        &self,
        doc: &DocNode,
        reg: &Registry,
        keep: impl Fn(&Citation) -> Option<Option<String>>,
    ) -> Vec<Backing> {
        let mut map: BTreeMap<String, Backing> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        for (c, via) in doc.citations.iter().filter_map(|c| keep(c).map(|v| (c, v))) {
            let (key, resolved) = match resolved_id(c) {
                Some(id) => (id.to_string(), true),
                None => (
                    c.canonical
                        .clone()
                        .or_else(|| c.law.clone())
                        .unwrap_or_else(|| c.text.clone()),
                    false,
                ),
            };
            let b = map.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                let ins = resolved.then(|| reg.get(&key)).flatten();
                Backing {
                    id: key.clone(),
                    resolved,
                    label: ins.map(|i| i.label()).unwrap_or_else(|| {
                        if c.instrument.is_some() {
                            format!("{} (ambiguous)", c.text)
                        } else {
                            c.text.clone()
                        }
                    }),
                    status: ins.map(|i| i.status.to_string()),
                    status_at_document_date: doc.date.and_then(|d| reg.status_at(&key, d)),
                    title: ins
                        .and_then(|i| i.title.clone())
                        .or_else(|| c.title.clone()),
                    sections: vec![],
                    lines: vec![],
                    via_footnote: true,
                    footnotes: vec![],
                }
            });
            match via {
                None => b.via_footnote = false,
                Some(label) => {
                    if !b.footnotes.contains(&label) {
                        b.footnotes.push(label);
                    }
                }
            }
            if let Some(s) = &c.section {
                if !b.sections.contains(&s.path) {
                    b.sections.push(s.path.clone());
                }
            }
            b.lines.push(c.line);
        }
        order.into_iter().filter_map(|k| map.remove(&k)).collect()
    }
}

impl DocNode {
    /// The plan's items ranked for a task's words, best first (see [`rank`]); empty when no
    /// word matches.
    pub fn rank_task(&self, task: &str) -> Vec<rank::Ranked> {
        rank::rank(&self.outline, &self.text, task)
    }

    /// Does a citation back one of `paths` (with their sub-items): `Some(None)` when it is
    /// in their text, `Some(Some(label))` when it is in a footnote they call.
    fn backs(&self, c: &Citation, paths: &[String]) -> Option<Option<String>> {
        let within = |p: &str| paths.iter().any(|x| is_within(p, x));
        if c.section.as_ref().is_some_and(|s| within(&s.path)) {
            return Some(None);
        }
        let f = self.outline.footnote_at(c.start)?;
        self.outline
            .callers(f)
            .iter()
            .any(|p| within(p))
            .then(|| Some(f.label.clone()))
    }
}

// ---------------------------------------------------------------- exports

/// A node of the exported graph.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// An edge of the exported graph.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Nodes and edges, ready to write.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Export {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Documents, sections, cited instruments (and the instruments they relate to), with
    /// "contains", "cites" and registry relation edges.
    pub fn export(&self, reg: &Registry) -> Export {
        let mut ex = Export::default();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut cited: BTreeSet<String> = BTreeSet::new();
        let mut add = |ex: &mut Export, n: Node| {
            if seen.insert(n.id.clone()) {
                ex.nodes.push(n);
            }
        };
        for d in &self.documents {
            let did = format!("doc:{}", d.path);
            add(
                &mut ex,
                Node {
                    id: did.clone(),
                    kind: "document",
                    label: d.path.clone(),
                    status: None,
                },
            );
            for s in &d.outline.sections {
                let sid = format!("{did}#{}", s.path);
                add(
                    &mut ex,
                    Node {
                        id: sid.clone(),
                        kind: "section",
                        label: format!("{} {}", s.path, s.heading),
                        status: None,
                    },
                );
                let parent = s
                    .path
                    .rsplit_once('.')
                    .map(|(p, _)| format!("{did}#{p}"))
                    .unwrap_or_else(|| did.clone());
                ex.edges.push(Edge {
                    source: parent,
                    target: sid,
                    kind: "contains".into(),
                    section: None,
                    start: None,
                    end: None,
                    line: None,
                });
            }
            for c in &d.citations {
                let (iid, label, status) = match resolved_id(c).and_then(|id| reg.get(id)) {
                    Some(i) => (
                        format!("ins:{}", i.id),
                        i.label(),
                        Some(i.status.to_string()),
                    ),
                    // Not in the registry: the instrument observed from its citations.
                    None if self.observed_for(c, &d.path).is_some() => {
                        let o = self.observed_for(c, &d.path).expect("checked");
                        (
                            format!("obs:{}", o.id),
                            o.label(),
                            Some(o.status.to_string()),
                        )
                    }
                    None => {
                        let k = c
                            .canonical
                            .clone()
                            .or_else(|| c.law.clone())
                            .unwrap_or_else(|| c.text.clone());
                        (format!("unresolved:{k}"), k, None)
                    }
                };
                if let Some(id) = resolved_id(c) {
                    cited.insert(id.to_string());
                }
                let kind = if iid.starts_with("obs:") {
                    "observed"
                } else {
                    "instrument"
                };
                add(
                    &mut ex,
                    Node {
                        id: iid.clone(),
                        kind,
                        label,
                        status,
                    },
                );
                let from = c
                    .section
                    .as_ref()
                    .map(|s| format!("{did}#{}", s.path))
                    .unwrap_or_else(|| did.clone());
                ex.edges.push(Edge {
                    source: from,
                    target: iid,
                    kind: "cites".into(),
                    section: c.section.as_ref().map(|s| s.path.clone()),
                    start: Some(c.start),
                    end: Some(c.end),
                    line: Some(c.line),
                });
            }
        }
        // Registry relations of the cited instruments (one hop), each pair once.
        let mut rel_seen: BTreeSet<(String, String, String)> = BTreeSet::new();
        for id in &cited {
            let Some(ins) = reg.get(id) else { continue };
            for r in &ins.relations {
                let Some(t) = reg.get(&r.target) else {
                    continue;
                };
                let (a, b, k) = match r.kind.inverse() {
                    // Store each two-way relation once, from the later instrument.
                    Some(inv)
                        if matches!(
                            r.kind.slug(),
                            "replaced-by" | "amended-by" | "superseded-by" | "guided-by"
                        ) =>
                    {
                        (t.id.clone(), ins.id.clone(), inv.slug().to_string())
                    }
                    _ => (ins.id.clone(), t.id.clone(), r.kind.slug().to_string()),
                };
                if !rel_seen.insert((a.clone(), b.clone(), k.clone())) {
                    continue;
                }
                for x in [&a, &b] {
                    if let Some(i) = reg.get(x) {
                        add(
                            &mut ex,
                            Node {
                                id: format!("ins:{}", i.id),
                                kind: "instrument",
                                label: i.label(),
                                status: Some(i.status.to_string()),
                            },
                        );
                    }
                }
                ex.edges.push(Edge {
                    source: format!("ins:{a}"),
                    target: format!("ins:{b}"),
                    kind: k,
                    section: None,
                    start: None,
                    end: None,
                    line: None,
                });
            }
        }
        ex
    }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Export {
    /// Graphviz DOT.
    pub fn to_dot(&self) -> String {
        let mut s =
            String::from("digraph cancu {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for n in &self.nodes {
            let shape = match n.kind {
                "document" => "folder",
                "section" => "box",
                _ => "ellipse",
            };
            s.push_str(&format!(
                "  \"{}\" [label=\"{}\", shape={shape}];\n",
                dot_escape(&n.id),
                dot_escape(&n.label)
            ));
        }
        for e in &self.edges {
            s.push_str(&format!(
                "  \"{}\" -> \"{}\" [label=\"{}\"];\n",
                dot_escape(&e.source),
                dot_escape(&e.target),
                dot_escape(&e.kind)
            ));
        }
        s.push_str("}\n");
        s
    }

    /// GraphML (opens in Gephi, yEd).
    pub fn to_graphml(&self) -> String {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <key id=\"type\" for=\"all\" attr.name=\"type\" attr.type=\"string\"/>\n  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n  <key id=\"status\" for=\"node\" attr.name=\"status\" attr.type=\"string\"/>\n  <key id=\"section\" for=\"edge\" attr.name=\"section\" attr.type=\"string\"/>\n  <key id=\"line\" for=\"edge\" attr.name=\"line\" attr.type=\"int\"/>\n  <graph id=\"cancu\" edgedefault=\"directed\">\n",
        );
        for n in &self.nodes {
            s.push_str(&format!(
                "    <node id=\"{}\"><data key=\"type\">{}</data><data key=\"label\">{}</data>{}</node>\n",
                xml_escape(&n.id),
                n.kind,
                xml_escape(&n.label),
                n.status
                    .as_ref()
                    .map(|x| format!("<data key=\"status\">{}</data>", xml_escape(x)))
                    .unwrap_or_default()
            ));
        }
        for (i, e) in self.edges.iter().enumerate() {
            s.push_str(&format!(
                "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"type\">{}</data>{}{}</edge>\n",
                xml_escape(&e.source),
                xml_escape(&e.target),
                xml_escape(&e.kind),
                e.section
                    .as_ref()
                    .map(|x| format!("<data key=\"section\">{}</data>", xml_escape(x)))
                    .unwrap_or_default(),
                e.line
                    .map(|x| format!("<data key=\"line\">{x}</data>"))
                    .unwrap_or_default()
            ));
        }
        s.push_str("  </graph>\n</graphml>\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `basis --section` holds the section's own instruments, its sub-items', and those of
    /// the footnotes it calls (marked `via_footnote`); `plan_basis` holds the opening basis
    /// only. Rows: (section, ids expected, ids not expected).
    #[test]
    fn basis_with_footnotes_table() {
        let text = "KẾ HOẠCH\nCăn cứ Luật Dân quân tự vệ năm 2019;\nI. NHIỆM VỤ\n1. Huấn luyện[1]\na) Theo Nghị định số 72/2020/NĐ-CP.\n2. Kinh phí\nTheo Nghị định số 21/2019/NĐ-CP.\n\nNơi nhận:\n- Lưu.\n\n[1] Thông tư số 77/2020/TT-BQP.\n";
        let reg = Registry::builtin().unwrap();
        let g = Graph::build(&[("p.txt".into(), text.into())], &reg);
        let doc = &g.documents[0];
        let has = |list: &[Backing], id: &str| list.iter().any(|b| b.id.contains(id));
        let rows: [(&str, &[&str], &[&str]); 3] = [
            ("I.1", &["72/2020", "77/2020"], &["21/2019", "48/2019"]),
            ("I", &["72/2020", "77/2020", "21/2019"], &["48/2019"]),
            ("I.2", &["21/2019"], &["72/2020", "77/2020"]),
        ];
        for (path, yes, no) in rows {
            let (_, list) = g.basis(doc, Some(path), None, &reg);
            for id in yes {
                assert!(has(&list, id), "{path}: {id} not in {list:?}");
            }
            for id in no {
                assert!(!has(&list, id), "{path}: {id} in {list:?}");
            }
        }
        let (_, list) = g.basis(doc, Some("I.1"), None, &reg);
        let note = list.iter().find(|b| b.id.contains("77/2020")).unwrap();
        assert!(note.via_footnote && note.footnotes == ["1"], "{note:?}");
        let own = list.iter().find(|b| b.id.contains("72/2020")).unwrap();
        assert!(!own.via_footnote, "{own:?}");
        let plan = g.plan_basis(doc, &reg);
        assert!(has(&plan, "48/2019"), "{plan:?}");
        assert!(!has(&plan, "77/2020") && !has(&plan, "21/2019"), "{plan:?}");
    }

    /// A work's version cited by its number alone, which the registry lacks ("Luật số
    /// 20/2023/QH15" in a list of amending laws), is a citation of the work and of that
    /// version. Regression: "Luật Giao dịch điện tử 2023" found 16 of 17 documents.
    /// (text, query, hits expected, their group)
    #[test]
    fn work_version_cited_by_number_alone_table() {
        let reg = Registry::builtin().unwrap();
        let text = "Hà Nội, ngày 05 tháng 01 năm 2026\nđược sửa đổi, bổ sung theo Luật số 09/2022/QH15, Luật số 20/2023/QH15 và Luật số 26/2023/QH15;";
        let g = Graph::build(&[("p.txt".into(), text.into())], &reg);
        let rows = [
            ("Luật Giao dịch điện tử 2023", 1, Some("20/2023/QH15")),
            ("Luật Giao dịch điện tử", 1, Some("20/2023/QH15")),
            ("Luật Giao dịch điện tử 2005", 0, None),
        ];
        for (q, n, group) in rows {
            let t = parse_query(q, &reg).unwrap_or_else(|| panic!("{q}"));
            let hits = g.cites(&t);
            assert_eq!(hits.len(), n, "{q}: {hits:?}");
            assert_eq!(hits.first().and_then(|h| h.group.as_deref()), group, "{q}");
        }
    }

    #[test]
    fn queries_table() {
        let reg = Registry::builtin().unwrap();
        let id = |s: &str| Some(Target::Instrument { id: s.into() });
        let loose = |k: Kind, n: &str, s: Option<&str>, y: Option<i32>| {
            Some(Target::Loose {
                kind: Some(k),
                number: n.into(),
                symbol: s.map(str::to_string),
                year: y,
            })
        };
        let work = |n: &str, y: Option<i32>| {
            Some(Target::Work {
                name: n.into(),
                year: y,
            })
        };
        let rows: Vec<(&str, Option<Target>)> = vec![
            ("Nghị định 168/2018/NĐ-CP", id("168/2018/NĐ-CP")),
            ("168/2018/ND-CP", id("168/2018/NĐ-CP")),
            ("28-NQ/TW 2008", id("28-NQ/TW:bo-chinh-tri:2008-09-22")),
            ("168/2018/NĐ-CP", id("168/2018/NĐ-CP")),
            // Loose forms: matched on the citations as written (any registry).
            ("NĐ 168", loose(Kind::Decree, "168", None, None)),
            (
                "nghi dinh 168 2018",
                loose(Kind::Decree, "168", None, Some(2018)),
            ),
            ("NĐ 63/2010", loose(Kind::Decree, "63", None, Some(2010))),
            (
                "Nghị định 63/2010",
                loose(Kind::Decree, "63", None, Some(2010)),
            ),
            (
                "nghị định số 63/2010",
                loose(Kind::Decree, "63", None, Some(2010)),
            ),
            ("TT 02/2017", loose(Kind::Circular, "02", None, Some(2017))),
            ("NQ57", loose(Kind::Resolution, "57", None, None)),
            // A symbol written in words is kept, never dropped.
            (
                "NQ TW 57",
                loose(Kind::Resolution, "57", Some("NQ/TW"), None),
            ),
            (
                "Nghị quyết 57 NQ TW",
                loose(Kind::Resolution, "57", Some("NQ/TW"), None),
            ),
            (
                "NQ 57 TW 2024",
                loose(Kind::Resolution, "57", Some("NQ/TW"), Some(2024)),
            ),
            // A law's number the registry holds is the instrument; one it lacks stays loose.
            ("20/2023/QH15", id("20/2023/QH15")),
            (
                "07/2022/QH15",
                Some(Target::Loose {
                    kind: None,
                    number: "07".into(),
                    symbol: Some("QH15".into()),
                    year: Some(2022),
                }),
            ),
            // A law name means the work; a year, its version of that year.
            ("Luật DQTV", work("Luật Dân quân tự vệ", None)),
            ("Luật NSNN", work("Luật Ngân sách nhà nước", None)),
            (
                "luat ngan sach nha nuoc",
                work("Luật Ngân sách nhà nước", None),
            ),
            (
                "Luật Ngân sách nhà nước 2015",
                work("Luật Ngân sách nhà nước", Some(2015)),
            ),
            (
                "Luật Ngân sách nhà nước năm 2015",
                work("Luật Ngân sách nhà nước", Some(2015)),
            ),
            ("xyz", None),
        ];
        for (q, t) in rows {
            assert_eq!(parse_query(q, &reg), t, "{q}");
        }
    }
}
