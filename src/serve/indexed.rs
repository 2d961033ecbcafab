//! A [`Backend`] whose search answers from the Tantivy index built by `cancu index`
//! (ranking, abbreviations, snippets: [`crate::index::query`]); documents, instruments and
//! the graph, and searches the index cannot answer (a status filter, filters without words),
//! go to the [`ScanBackend`] it wraps.
//!
//! The index is written by another process while the server reads it: before each search the
//! index's `meta.json` is looked at (size and mtime) and the reader reloaded when it changed;
//! a reload that fails (a commit half-seen, segment files just removed) keeps the searcher of
//! the last commit and is tried again on the next request. Index paths (as given to
//! `cancu index`) are mapped to document ids (paths under `corpus/plans`).
//! This module must NOT know HTTP or HTML, nor rank anything itself.

use super::backend::*;
use super::scan::ScanBackend;
use crate::index::{IndexError, SearchIndex, SearchRequest};
use crate::model::SectionRef;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// Instrument hits fetched and put in status order together (see [`search_in`]).
const WINDOW: usize = MAX_LIMIT;

/// Search from an index; everything else from the corpus folder.
pub struct IndexBackend {
    index: SearchIndex,
    scan: ScanBackend,
    plans: PathBuf,
    /// `plans`, canonical (for absolute paths in the index).
    plans_canonical: Option<PathBuf>,
    /// `meta.json` as last loaded: (size, mtime).
    seen: Mutex<Option<(u64, Option<SystemTime>)>>,
    /// Content hashes of indexed files as last read: path → ((size, mtime), hash).
    hashes: Mutex<HashMap<String, FileStamp>>,
    /// Documents of the index outside the corpus folder, analysed: path → (stamp, view).
    outside: Mutex<HashMap<String, OutsideDoc>>,
}

type OutsideDoc = ((u64, Option<SystemTime>), DocumentView);

type FileStamp = ((u64, Option<SystemTime>), String);

impl IndexBackend {
    /// Open the index in `dir` over the corpus folder `corpus`.
    pub fn open(dir: &Path, corpus: &Path) -> Result<IndexBackend, IndexError> {
        IndexBackend::open_with(dir, corpus, ScanBackend::new(corpus))
    }

    /// [`IndexBackend::open`] with the scan backend it wraps (its registry).
    pub fn open_with(
        dir: &Path,
        corpus: &Path,
        scan: ScanBackend,
    ) -> Result<IndexBackend, IndexError> {
        let index = SearchIndex::open(dir)?;
        let plans = corpus.join("plans");
        let plans_canonical = plans.canonicalize().ok();
        // The documents served are exactly the index's: every page, status filter, citer
        // and graph node is one of them, read from the corpus folder when it holds the file
        // (an index path may be relative to wherever `cancu index` ran), else where the
        // index found it.
        let lister = SearchIndex::open(dir)?;
        let (lp, lc) = (plans.clone(), plans_canonical.clone());
        let listing: super::scan::Listing = std::sync::Arc::new(move || {
            let _ = lister.reload();
            let files = lister.indexed_files().unwrap_or_default();
            let mut seen = std::collections::HashSet::new();
            files
                .into_keys()
                .filter_map(|path| {
                    let id = document_id(&lp, lc.as_deref(), &path);
                    let in_corpus = lp.join(&id);
                    let file = if in_corpus.is_file() {
                        in_corpus
                    } else {
                        PathBuf::from(&path)
                    };
                    seen.insert(id.clone()).then_some((file, id))
                })
                .collect()
        });
        let b = IndexBackend {
            index,
            scan: scan.with_listing(listing),
            plans_canonical,
            plans,
            seen: Mutex::new(None),
            hashes: Mutex::new(HashMap::new()),
            outside: Mutex::new(HashMap::new()),
        };
        *b.seen.lock().unwrap_or_else(|e| e.into_inner()) = b.meta_stamp();
        Ok(b)
    }

    fn meta_stamp(&self) -> Option<(u64, Option<SystemTime>)> {
        let m = std::fs::metadata(self.index.dir.join("meta.json")).ok()?;
        Some((m.len(), m.modified().ok()))
    }

    /// See the last commit of the index when `meta.json` changed since the last look.
    fn refresh(&self) {
        let now = self.meta_stamp();
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if now.is_none() || *seen == now {
            return;
        }
        // On failure the reader keeps the last commit; the next request tries again.
        if self.index.reload().is_ok() {
            *seen = now;
        }
    }

    /// The document id of a path in the index: the path under the corpus's `plans` folder.
    pub fn document_id(&self, path: &str) -> String {
        document_id(&self.plans, self.plans_canonical.as_deref(), path)
    }
}

/// `path` relative to `plans` (as written, or canonical); else what follows its last `plans`
/// component; else its file name.
fn document_id(plans: &Path, plans_canonical: Option<&Path>, path: &str) -> String {
    let p = Path::new(path);
    let slashes = |r: &Path| r.to_string_lossy().replace('\\', "/");
    let strip = |base: &Path, p: &Path| p.strip_prefix(base).ok().map(slashes);
    if let Some(id) = strip(plans, p) {
        return id;
    }
    let plain = |base: &Path| base.strip_prefix(".").unwrap_or(base).to_path_buf();
    if let Some(id) = strip(&plain(plans), &plain(p)) {
        return id;
    }
    if let (Some(base), Ok(c)) = (plans_canonical, p.canonicalize()) {
        if let Some(id) = strip(base, &c) {
            return id;
        }
    }
    let comps: Vec<_> = p.components().collect();
    if let Some(i) = comps.iter().rposition(|c| c.as_os_str() == "plans") {
        if i + 1 < comps.len() {
            return slashes(&comps[i + 1..].iter().collect::<PathBuf>());
        }
    }
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// The heading without its own label ("1. Tổ chức" → "Tổ chức" for path "II.1").
fn heading_text<'a>(path: &str, heading: &'a str) -> &'a str {
    let label = path.rsplit('.').next().unwrap_or("");
    let t = heading.trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '#');
    match t.strip_prefix(label) {
        Some(rest) if !label.is_empty() && rest.starts_with(['.', ')']) => {
            rest[1..].trim_matches(|c: char| c.is_whitespace() || c == '*')
        }
        _ => heading.trim(),
    }
}

/// A snippet and the byte ranges of its matches → fragments; matched words separated only
/// by white space become one highlighted fragment. Ranges off char boundaries are dropped.
pub fn fragments(snippet: &str, ranges: &[(usize, usize)]) -> Vec<Fragment> {
    let mut sorted: Vec<(usize, usize)> = ranges
        .iter()
        .copied()
        .filter(|&(a, b)| a < b && snippet.get(a..b).is_some())
        .collect();
    sorted.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in sorted {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            Some(last)
                if snippet
                    .get(last.1..a)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace)) =>
            {
                last.1 = b
            }
            _ => merged.push((a, b)),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in merged {
        if a > at {
            out.push(Fragment {
                text: snippet[at..a].to_string(),
                hl: false,
            });
        }
        out.push(Fragment {
            text: snippet[a..b].to_string(),
            hl: true,
        });
        at = b;
    }
    if at < snippet.len() {
        out.push(Fragment {
            text: snippet[at..].to_string(),
            hl: false,
        });
    }
    out
}

impl IndexBackend {
    /// The indexed path of a document id, if the index holds it.
    fn indexed_path(&self, id: &str) -> Result<Option<String>, BackendError> {
        let files = self
            .index
            .indexed_files()
            .map_err(|e| BackendError::Index(e.to_string()))?;
        Ok(files.into_keys().find(|p| self.document_id(p) == id))
    }

    /// A document of the index that the corpus folder does not hold, analysed (cached per
    /// size and mtime of its file).
    fn outside(&self, path: &str, id: &str) -> Result<Option<DocumentView>, BackendError> {
        let Ok(meta) = std::fs::metadata(path) else {
            return Ok(None);
        };
        let stamp = (meta.len(), meta.modified().ok());
        {
            let cache = self.outside.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((s, v)) = cache.get(path) {
                if *s == stamp {
                    return Ok(Some(v.clone()));
                }
            }
        }
        let view = self.scan.document_at(Path::new(path), id)?;
        if let Some(v) = &view {
            let mut cache = self.outside.lock().unwrap_or_else(|e| e.into_inner());
            cache.insert(path.to_string(), (stamp, v.clone()));
        }
        Ok(view)
    }

    /// A file of the index against the disk: gone (not there any more) or stale (its
    /// content hash is not the one indexed), as `cancu search` marks its hits. The file is
    /// looked for where the document's id puts it in the corpus (an index path may be
    /// relative to wherever `cancu index` ran). Hashes are kept per (size, mtime) so a page
    /// of hits reads no file twice.
    fn file_state(&self, indexed_path: &str, id: &str) -> FileState {
        let in_corpus = self.plans.join(id);
        let file = if in_corpus.is_file() {
            in_corpus
        } else {
            PathBuf::from(indexed_path)
        };
        let path = file.to_string_lossy();
        let path = path.as_ref();
        let Ok(meta) = std::fs::metadata(path) else {
            return FileState::Gone;
        };
        let stamp = (meta.len(), meta.modified().ok());
        let now = {
            let cache = self.hashes.lock().unwrap_or_else(|e| e.into_inner());
            cache
                .get(path)
                .filter(|(s, _)| *s == stamp)
                .map(|(_, h)| h.clone())
        };
        let now = match now {
            Some(h) => h,
            None => {
                let Ok(bytes) = std::fs::read(path) else {
                    return FileState::Gone;
                };
                let h = crate::index::update::content_hash(&bytes);
                let mut cache = self.hashes.lock().unwrap_or_else(|e| e.into_inner());
                cache.insert(path.to_string(), (stamp, h.clone()));
                h
            }
        };
        match self.index.indexed_hash(indexed_path) {
            Ok(Some(indexed)) if indexed != now => FileState::Stale,
            _ => FileState::Fresh,
        }
    }
}

/// What a search over a Tantivy index needs from around it: how index paths become document
/// ids, documents' titles, instruments' references, files' state, and (for a status filter)
/// which hits to keep.
pub struct Around<'a> {
    pub document_id: &'a dyn Fn(&str) -> String,
    pub title: &'a dyn Fn(&str) -> Option<String>,
    pub instrument: &'a dyn Fn(&str) -> Option<InstrumentRef>,
    /// Is this an observed instrument this server has a page for? An index built with
    /// another registry than the server's can hold observed documents of instruments the
    /// server's registry resolves: those hits are left out.
    pub observed: &'a dyn Fn(&str) -> bool,
    /// (indexed path, document id) → the file's state.
    pub file_state: &'a dyn Fn(&str, &str) -> FileState,
    /// Hits kept (a status filter), or all.
    pub keep: Option<&'a dyn Fn(&Hit) -> bool>,
}

/// One search over a Tantivy index, for both backends (the on-disk index of `--index`, the
/// scan's in-memory one). The index ranks plan sections (one hit per file) and instruments
/// apart; the instruments are put in status order — for the same kind of match
/// ([`crate::index::query::Match`]), in force, partly expired, not yet in force, unknown, then
/// what no longer applies, never left out — and the two lists merged as the index merges them
/// ([`crate::index::query::interleave`]). Sections are fetched up to the end of the page
/// (their order does not depend on how many are fetched) and instruments by windows of
/// [`WINDOW`], so every page is cut from the same list. One hit per document id. The total is
/// the true one (counted by the index; with a filter, the hits kept among the first
/// [`MAX_OFFSET`] + [`MAX_LIMIT`] of each list).
pub fn search_in(
    index: &SearchIndex,
    q: &SearchQuery,
    engine: Engine,
    around: &Around,
) -> Result<SearchResults, BackendError> {
    use crate::index::query::{interleave, Hit as Found};
    let end = q.offset + q.limit.clamp(1, MAX_LIMIT);
    let deepest = MAX_OFFSET + MAX_LIMIT;
    let (section_limit, instrument_limit) = match around.keep {
        Some(_) => (deepest, deepest),
        None => (end, end.div_ceil(WINDOW).max(1) * WINDOW),
    };
    let req = |limit: usize| SearchRequest {
        query: q.q.clone(),
        limit,
        kind: q.kind.map(|k| k.slug().to_string()),
        year: q.year.and_then(|y| u64::try_from(y).ok()),
        issuer: q.issuer.clone(),
    };
    let run = |limit: usize, doc_type: &str| -> Result<Vec<Found>, BackendError> {
        let opts = crate::index::SearchOptions {
            doc_type: Some(doc_type.to_string()),
            ..Default::default()
        };
        match index.search_with(&req(limit), &opts) {
            Ok(h) => Ok(h),
            // Nothing searchable in the words (punctuation only): no hits, not a failure.
            Err(IndexError::Query(_)) => Ok(Vec::new()),
            Err(e) => Err(BackendError::Index(e.to_string())),
        }
    };
    let mut sections = run(section_limit, "section")?;
    let mut instruments = run(instrument_limit, "instrument")?;
    let all_fetched = sections.len() < section_limit && instruments.len() < instrument_limit;
    let fetched = instruments.len();
    instruments.retain(|h| {
        h.observed.is_none() || {
            let id = h.instrument.as_deref().unwrap_or(&h.path);
            (around.observed)(&crate::observed::with_document(id, around.document_id))
        }
    });
    let unknown = fetched - instruments.len();
    // One document, one hit: the same file indexed by a relative and an absolute path (or
    // from two folders mapping to one id) shows once.
    let mut seen = std::collections::HashSet::new();
    let before = sections.len();
    sections.retain(|h| seen.insert((around.document_id)(&h.path)));
    let duplicates = before - sections.len();
    instruments.sort_by(|a, b| {
        let rank = |h: &Found| status_rank(status_from_slug(h.status.as_deref().unwrap_or("")));
        a.matched.cmp(&b.matched).then(rank(a).cmp(&rank(b)))
    });
    let view = |h: Found| -> Hit {
        if h.doc_type == "instrument" {
            // Registry instruments are indexed beside the plans: they link to their page.
            // An observed one's key names a citing document by its indexed path when it is
            // local and unnamed ("12/KH-UBND:doc=PATH:2025"): by its id here.
            let id = h.instrument.clone().unwrap_or_else(|| h.path.clone());
            let id = match h.observed {
                Some(_) => crate::observed::with_document(&id, around.document_id),
                None => id,
            };
            return Hit {
                title: h.label.clone().unwrap_or_else(|| id.clone()),
                section: None,
                snippet: fragments(&h.snippet, &h.highlights),
                score: h.score,
                instrument: (around.instrument)(&id),
                file: FileState::Fresh,
                matched: Some(h.matched.as_str()),
                target: Target::Instrument { id },
            };
        }
        let id = (around.document_id)(&h.path);
        let title = (around.title)(&id)
            .or_else(|| {
                let header = crate::model::Header {
                    title: h.title.clone(),
                    ..Default::default()
                };
                super::scan::title_of(&header, "")
            })
            .unwrap_or_else(|| id.clone());
        Hit {
            title,
            section: (!h.section.is_empty()).then(|| SectionRef {
                heading: heading_text(&h.section, &h.heading).to_string(),
                path: h.section.clone(),
            }),
            snippet: fragments(&h.snippet, &h.highlights),
            score: h.score,
            instrument: None,
            file: (around.file_state)(&h.path, &id),
            matched: Some(h.matched.as_str()),
            target: Target::Document { id },
        }
    };
    let (total, page): (usize, Vec<Hit>) = match around.keep {
        Some(keep) => {
            let kept = |list: Vec<Found>| -> Vec<Found> {
                list.into_iter()
                    .filter(|h| keep(&view(h.clone())))
                    .collect()
            };
            let (s, i) = (kept(sections), kept(instruments));
            let n = s.len() + i.len();
            let merged = interleave(s, i, n);
            (
                n,
                merged
                    .into_iter()
                    .skip(q.offset)
                    .take(end - q.offset)
                    .map(view)
                    .collect(),
            )
        }
        None => {
            let total = if all_fetched {
                sections.len() + instruments.len()
            } else {
                index
                    .count_hits(&req(end))
                    .unwrap_or(0)
                    .saturating_sub(duplicates + unknown)
            };
            let merged = interleave(sections, instruments, end);
            let page: Vec<Hit> = merged.into_iter().skip(q.offset).map(view).collect();
            (total, page)
        }
    };
    Ok(SearchResults {
        total: total.max(q.offset + page.len()),
        offset: q.offset,
        hits: page,
        engine,
    })
}

impl Backend for IndexBackend {
    fn search(&self, q: &SearchQuery) -> Result<SearchResults, BackendError> {
        // The index knows no statuses at the plans' dates (they need the registry) and needs
        // words: the scan answers those, with its in-memory index of the same documents.
        if q.status.is_some() || q.q.trim().is_empty() {
            return self.scan.search(q);
        }
        self.refresh();
        let lookup = self.scan.lookup()?;
        let around = Around {
            document_id: &|path: &str| self.document_id(path),
            title: &|id: &str| lookup.document_title(id),
            instrument: &|id: &str| lookup.instrument_ref(id),
            observed: &|id: &str| lookup.is_observed(id),
            file_state: &|path: &str, id: &str| self.file_state(path, id),
            keep: None,
        };
        search_in(&self.index, q, Engine::Index, &around)
    }
    /// Exactly the documents the index holds (by id; a file indexed by two paths once),
    /// each marked stale or gone as its file is now. Files of the corpus folder are listed
    /// from its snapshot; others (an index built over another folder) are analysed once per
    /// version of the file.
    fn documents(&self) -> Result<Vec<DocumentSummary>, BackendError> {
        self.refresh();
        let files = self
            .index
            .indexed_files()
            .map_err(|e| BackendError::Index(e.to_string()))?;
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for path in files.keys() {
            let id = self.document_id(path);
            if !seen.insert(id.clone()) {
                continue;
            }
            let file = self.file_state(path, &id);
            let summary = match self.scan.summary(&id)? {
                Some(s) => Some(s),
                None => self.outside(path, &id)?.map(|d| d.summary),
            };
            let mut summary = summary.unwrap_or_else(|| DocumentSummary {
                id: id.clone(),
                title: id.clone(),
                file,
                header: Default::default(),
                citations: 0,
                outdated: 0,
                malformed: 0,
                unresolved: 0,
            });
            summary.file = file;
            out.push(summary);
        }
        Ok(out)
    }
    /// The index's sections are the outline's (`index::update::sections`), so every hit's
    /// `#s-PATH` link lands on an anchor the document page already has. A document of the
    /// index outside the corpus folder is read where the index found it: every hit has its
    /// page.
    fn document(&self, id: &str) -> Result<Option<DocumentView>, BackendError> {
        let path = self.indexed_path(id)?;
        let view = match self.scan.document(id)? {
            Some(v) => Some(v),
            None => match &path {
                Some(p) => self.outside(p, id)?,
                None => None,
            },
        };
        Ok(view.map(|mut v| {
            if let Some(p) = &path {
                v.summary.file = self.file_state(p, id);
            }
            v
        }))
    }
    fn instrument(&self, id: &str) -> Result<Option<InstrumentView>, BackendError> {
        self.scan.instrument(id)
    }
    fn graph(&self, center: &Center, max_nodes: usize) -> Result<Option<GraphView>, BackendError> {
        self.scan.graph(center, max_nodes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_id_table() {
        let plans = Path::new("/srv/corpus/plans");
        let rows = [
            ("/srv/corpus/plans/a.txt", "a.txt"),
            ("/srv/corpus/plans/sub/b.md", "sub/b.md"),
            ("corpus/plans/c.txt", "c.txt"),
            ("/elsewhere/plans/d.txt", "d.txt"),
            ("/elsewhere/e.txt", "e.txt"),
        ];
        for (path, id) in rows {
            assert_eq!(document_id(plans, None, path), id, "{path}");
        }
        assert_eq!(
            document_id(Path::new("./corpus/plans"), None, "corpus/plans/x/y.txt"),
            "x/y.txt"
        );
    }

    #[test]
    fn heading_text_table() {
        let rows = [
            ("II.1", "1. Tổ chức lực lượng", "Tổ chức lực lượng"),
            ("II", "II. NHIỆM VỤ", "NHIỆM VỤ"),
            ("II.1.a", "a) Huấn luyện", "Huấn luyện"),
            ("III", "**III. GIẢI PHÁP**", "GIẢI PHÁP"),
            ("I.2", "Không có nhãn", "Không có nhãn"),
            ("I.1", "12. Mười hai", "12. Mười hai"),
        ];
        for (path, heading, expected) in rows {
            assert_eq!(heading_text(path, heading), expected, "{heading}");
        }
    }

    #[test]
    fn fragments_table() {
        let hl = |t: &str| Fragment {
            text: t.into(),
            hl: true,
        };
        let plain = |t: &str| Fragment {
            text: t.into(),
            hl: false,
        };
        type Row<'a> = (&'a str, Vec<(usize, usize)>, Vec<Fragment>);
        let rows: Vec<Row> = vec![
            ("abc", vec![], vec![plain("abc")]),
            (
                "về dân quân tự vệ nay",
                vec![(5, 9), (10, 15), (16, 20), (21, 25)],
                vec![plain("về "), hl("dân quân tự vệ"), plain(" nay")],
            ),
            ("a b", vec![(2, 3), (0, 1)], vec![hl("a b")]),
            // Off a char boundary or empty: dropped.
            ("dân", vec![(1, 2), (2, 2)], vec![plain("dân")]),
            (
                "ab, cd",
                vec![(0, 2), (4, 6)],
                vec![hl("ab"), plain(", "), hl("cd")],
            ),
        ];
        for (snippet, ranges, expected) in rows {
            assert_eq!(
                fragments(snippet, &ranges),
                expected,
                "{snippet:?} {ranges:?}"
            );
        }
    }
}
