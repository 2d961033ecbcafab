//! A [`Backend`] that reads the corpus folder directly: plan texts (`corpus/plans`) through
//! the extractor, the outline and the checker; instruments from the registry files
//! (`corpus/registry/*.toml` holding `[[instrument]]`, else the built-in registry); each
//! citation resolved by [`crate::resolve`]. Search goes through an in-memory Tantivy index of
//! the same documents and the registry, built by the code `cancu index` uses and searched by
//! the code `--index` searches with ([`super::indexed::search_in`]): ranking, filters and
//! snippets are the same with and without an index. A search with no words lists the
//! documents its filters keep.
//!
//! The corpus is re-read when any of its files changes (size or mtime, checked per request),
//! so the server keeps answering, with the last good snapshot, while files are rewritten.
//! This module must NOT know HTTP or HTML.

use super::backend::*;
use crate::check;
use crate::diag::Diagnostic;
use crate::model::{Citation, Date, StatusFilter};
use crate::normalize::fold_key;
use crate::registry::{Instrument, Registry, Status};
use crate::resolve::Resolution as Res;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Reads `root/plans` (or the paths given) and `root/registry` (the layout of `corpus/`).
pub struct ScanBackend {
    root: PathBuf,
    /// The plans served: files, or folders walked for documents. A document's id is its path
    /// under the folder given (a file's: its name).
    plans: Vec<PathBuf>,
    /// The documents to serve (path, id), when the caller lists them (the documents of an
    /// index); else the files under `plans`.
    listing: Option<Listing>,
    /// The registry, when the caller loaded it (`cancu serve` loads it as every command
    /// does: built-in, imported, `--registry`); else read from `root/registry`.
    registry: Option<Arc<Registry>>,
    cache: Mutex<Option<(Fingerprint, Arc<Snapshot>)>>,
}

type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// Lists the documents a backend serves: (file to read, document id).
pub type Listing = Arc<dyn Fn() -> Vec<(PathBuf, String)> + Send + Sync>;

impl ScanBackend {
    pub fn new(root: impl Into<PathBuf>) -> ScanBackend {
        let root = root.into();
        ScanBackend {
            plans: vec![root.join("plans")],
            root,
            registry: None,
            listing: None,
            cache: Mutex::new(None),
        }
    }

    /// The documents served (path, id) and the registry files to read.
    fn files(&self) -> (Vec<(PathBuf, String)>, Vec<PathBuf>) {
        let plans = match &self.listing {
            Some(list) => list(),
            None => {
                let (plans, _) = crate::source::expand(&self.plans);
                plans
                    .into_iter()
                    .filter(|p| p.file_name().is_none_or(|n| n != "README.md"))
                    .map(|p| {
                        let id = document_id(&self.plans, &p);
                        (p, id)
                    })
                    .collect()
            }
        };
        if self.registry.is_some() {
            return (plans, Vec::new());
        }
        // The corpus's registry files, then the user's imported ones (cancu registry import).
        let mut reg = crate::registry::files::registry_files_in(&self.root.join("registry"));
        reg.extend(crate::registry::files::imported_files());
        (plans, reg)
    }

    /// The current snapshot, rebuilt when a file changed. A rebuild that fails keeps the
    /// previous snapshot when there is one.
    fn snapshot(&self) -> Result<Arc<Snapshot>, BackendError> {
        let (plans, reg) = self.files();
        let fp: Fingerprint = plans
            .iter()
            .map(|(p, _)| p)
            .chain(reg.iter())
            .map(|p| {
                let m = std::fs::metadata(p).ok();
                (
                    p.clone(),
                    m.as_ref().map_or(0, |m| m.len()),
                    m.and_then(|m| m.modified().ok()),
                )
            })
            .collect();
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((old, snap)) = cache.as_ref() {
            if *old == fp {
                return Ok(snap.clone());
            }
        }
        match Snapshot::build(&plans, &reg, self.registry.as_deref()) {
            Ok(s) => {
                let s = Arc::new(s);
                *cache = Some((fp, s.clone()));
                Ok(s)
            }
            Err(e) => match cache.as_ref() {
                Some((_, snap)) => Ok(snap.clone()),
                None => Err(e),
            },
        }
    }
}

/// The documents (by id, hash unused) and the registry in a Tantivy index in memory, built
/// as `cancu index` builds one on disk.
fn memory_index(docs: &[Doc], reg: &Registry) -> Result<crate::index::SearchIndex, BackendError> {
    let err = |e: crate::index::IndexError| BackendError::Index(e.to_string());
    let index = crate::index::SearchIndex::in_ram().map_err(err)?;
    let mut w = index.writer().map_err(err)?;
    for d in docs {
        w.add_file(&d.id, &d.text, "").map_err(err)?;
    }
    w.replace_registry(reg, "").map_err(err)?;
    w.finish().map_err(err)?;
    index.reload().map_err(err)?;
    Ok(index)
}

/// A document's id: its path under the folder given that holds it, a file given alone by
/// its name.
fn document_id(roots: &[PathBuf], p: &Path) -> String {
    let under = roots
        .iter()
        .filter(|r| r.as_path() != p)
        .find_map(|r| p.strip_prefix(r).ok());
    let id = match under {
        Some(rel) => rel.to_path_buf(),
        None => p
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| p.to_path_buf()),
    };
    id.to_string_lossy().replace('\\', "/")
}

impl ScanBackend {
    /// Serve the plans at `paths` (files or folders) instead of `root/plans`; the registry
    /// is still `root/registry`.
    pub fn with_plans(mut self, paths: Vec<PathBuf>) -> ScanBackend {
        if !paths.is_empty() {
            self.plans = paths;
        }
        self
    }

    /// Serve the documents `listing` names (asked again at every request, so a re-indexed
    /// list is picked up) instead of the files under the plans folder.
    pub fn with_listing(mut self, listing: Listing) -> ScanBackend {
        self.listing = Some(listing);
        self
    }

    /// Use this registry (loaded by the caller as every command loads it) instead of the
    /// corpus folder's registry files.
    pub fn with_registry(mut self, reg: Option<Arc<Registry>>) -> ScanBackend {
        if reg.is_some() {
            self.registry = reg;
        }
        self
    }

    /// A file outside the corpus folder (an index built over another folder) analysed
    /// against the corpus's registry, as its page shows it; None when it cannot be read.
    pub fn document_at(&self, path: &Path, id: &str) -> Result<Option<DocumentView>, BackendError> {
        let s = self.snapshot()?;
        let reg = crate::analysis::RunRegistry::new(&s.reg);
        Ok(analyse(path, id.to_string(), &reg).map(|d| s.document_view(&d)))
    }

    /// The listing of a document of the corpus folder, if it holds one with that id.
    pub fn summary(&self, id: &str) -> Result<Option<DocumentSummary>, BackendError> {
        let s = self.snapshot()?;
        Ok(s.doc_index(id).map(|i| s.summary(&s.docs[i])))
    }

    /// The current snapshot's answers to the questions a page of hits from elsewhere (the
    /// index) asks, many times per request: taken once per request.
    pub fn lookup(&self) -> Result<Lookup, BackendError> {
        Ok(Lookup(self.snapshot()?))
    }
}

/// Documents' titles and instruments' references of one snapshot.
pub struct Lookup(Arc<Snapshot>);

impl Lookup {
    /// A document's title as the document list shows it.
    pub fn document_title(&self, id: &str) -> Option<String> {
        self.0.doc_index(id).map(|di| self.0.docs[di].title.clone())
    }

    /// An instrument's short reference (status, issuer, date): a registry instrument's, or
    /// an observed one's (status unknown).
    pub fn instrument_ref(&self, id: &str) -> Option<InstrumentRef> {
        self.0.instrument_ref(id)
    }

    /// Is `id` an observed instrument (one the registry lacks) of this snapshot?
    pub fn is_observed(&self, id: &str) -> bool {
        self.0.is_observed(id)
    }
}

impl Backend for ScanBackend {
    fn search(&self, q: &SearchQuery) -> Result<SearchResults, BackendError> {
        self.snapshot()?.search(q)
    }
    fn documents(&self) -> Result<Vec<DocumentSummary>, BackendError> {
        let s = self.snapshot()?;
        Ok(s.docs.iter().map(|d| s.summary(d)).collect())
    }
    fn document(&self, id: &str) -> Result<Option<DocumentView>, BackendError> {
        let s = self.snapshot()?;
        Ok(s.doc_index(id).map(|i| s.document_view(&s.docs[i])))
    }
    fn instrument(&self, id: &str) -> Result<Option<InstrumentView>, BackendError> {
        let s = self.snapshot()?;
        Ok(match s.reg.get(id) {
            Some(i) => Some(s.instrument_view(i)),
            None => crate::observed::find(&s.observed, id).map(|o| s.observed_view(o)),
        })
    }
    fn graph(&self, center: &Center, max_nodes: usize) -> Result<Option<GraphView>, BackendError> {
        Ok(self.snapshot()?.graph(center, max_nodes))
    }
}

// ---------------------------------------------------------------- instruments

fn reference(i: &Instrument) -> InstrumentRef {
    InstrumentRef {
        id: i.id.clone(),
        label: i.label(),
        kind: i.kind,
        status: i.status,
        title: i.title.clone(),
        issuer: i.issuer.clone(),
        issued: i.issued,
    }
}

/// The short reference of an observed instrument: its status is unknown.
fn observed_reference(o: &crate::observed::ObservedInstrument) -> InstrumentRef {
    InstrumentRef {
        id: o.id.clone(),
        label: o.label(),
        kind: o.kind,
        status: Status::Unknown,
        title: o.title.clone(),
        issuer: o.issuer.clone(),
        issued: o.date,
    }
}

fn standing_of_status(s: Status) -> Standing {
    match s {
        Status::InForce | Status::PartlyExpired => Standing::InForce,
        Status::Expired | Status::Superseded => Standing::Outdated,
        Status::NotYetInForce | Status::Unknown => Standing::Unknown,
    }
}

/// Where `i` stands at `at` (its recorded status when no date is given).
fn standing(reg: &Registry, i: &Instrument, at: Option<Date>) -> Standing {
    match at.and_then(|d| reg.status_at(&i.id, d)) {
        Some(s) => standing_of_status(s.status),
        None => standing_of_status(i.status),
    }
}

// ---------------------------------------------------------------- documents

struct Doc {
    id: String,
    text: String,
    title: String,
    header: crate::model::Header,
    /// The date citations are judged at: the header's, else the latest date cited.
    as_of: Option<Date>,
    citations: Vec<Citation>,
    /// Per citation: what the resolver said.
    resolved: Vec<Res>,
    /// The checker's findings.
    diags: Vec<Diagnostic>,
    sections: Vec<crate::outline::Section>,
    /// Text offsets back to the ORIGINAL file's bytes (text formats; None: the same).
    map: Option<crate::source::offsets::OffsetMap>,
}

impl Doc {
    /// The byte offset in the original file of text offset `t`.
    fn original(&self, t: usize) -> usize {
        self.map.as_ref().map_or(t, |m| m.original(t))
    }
}

struct Snapshot {
    docs: Vec<Doc>,
    reg: Registry,
    /// The documents (by id) and the registry in a Tantivy index in memory.
    index: crate::index::SearchIndex,
    /// Instrument id → (doc, citation) pairs citing it.
    cited: HashMap<String, Vec<(usize, usize)>>,
    /// Instruments the registry lacks, known from their citations (by id).
    observed: Vec<crate::observed::ObservedInstrument>,
}

/// Does a candidate title hold words (three letters at least), not only markup ("| |")?
fn has_words(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// A title cut to 140 characters.
fn cut(t: String) -> String {
    if t.chars().count() > 140 {
        t.chars().take(140).collect::<String>() + "…"
    } else {
        t
    }
}

/// The first two lines with words, markup removed, as a title for a document whose
/// header gave none.
fn first_lines(text: &str) -> Option<String> {
    let t: Vec<String> = text
        .lines()
        .map(super::render::inline_plain)
        .filter(|l| has_words(l))
        .take(2)
        .collect();
    let t = crate::normalize::clean(&t.join(" "));
    (!t.is_empty()).then(|| cut(t))
}

/// A document's title from its header: the header's title; else its kind, number and
/// issuer ("Công văn 5348/CT-CS — Cục Thuế"); else its first lines with words; never a
/// fragment of markup like "| |".
pub fn title_of(header: &crate::model::Header, text: &str) -> Option<String> {
    if let Some(t) = header.title.as_deref().map(super::render::inline_plain) {
        if has_words(&t) {
            return Some(cut(t));
        }
    }
    let number = match (&header.number, &header.symbol) {
        (Some(n), Some(s)) => Some(format!("{n}/{s}")),
        (Some(n), None) => Some(n.clone()),
        _ => None,
    };
    if let (Some(k), Some(n)) = (header.kind, number) {
        let mut t = format!("{} {n}", k.vietnamese());
        if let Some(i) = header.issuer.as_deref().map(super::render::inline_plain) {
            if has_words(&i) {
                t.push_str(" — ");
                t.push_str(&i);
            }
        }
        return Some(cut(t));
    }
    first_lines(text)
}

/// The registry of a corpus: its files holding instruments, else the built-in one; then the
/// user's imported files (loaded after, so the corpus wins on duplicate ids).
fn load_registry(files: &[PathBuf]) -> Result<Registry, BackendError> {
    let imported_dir = crate::registry::files::data_dir().map(|d| d.join("registry/imported"));
    let is_imported = |p: &Path| imported_dir.as_deref().is_some_and(|d| p.starts_with(d));
    let read = |p: &PathBuf| -> Result<Option<(String, String)>, BackendError> {
        let path = p.display().to_string();
        let text = std::fs::read_to_string(p).map_err(|e| BackendError::Read {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let is_json = p.extension().is_some_and(|x| x == "json");
        // laws.toml, issuers.toml ... hold other tables: not instrument files.
        Ok((is_json || text.contains("[[instrument]]")).then_some((path, text)))
    };
    let add = |reg: &mut Registry, (path, text): (String, String)| {
        reg.add_text(&path, &text)
            .map(|_| ())
            .map_err(|e| BackendError::Registry {
                path,
                message: e.to_string(),
            })
    };
    let mut corpus = Vec::new();
    let mut imported = Vec::new();
    for p in files {
        if let Some(f) = read(p)? {
            if is_imported(p) {
                imported.push(f);
            } else {
                corpus.push(f);
            }
        }
    }
    let mut reg = if corpus.is_empty() {
        Registry::builtin().map_err(|e| BackendError::Registry {
            path: crate::registry::BUILTIN_ORIGIN.into(),
            message: e.to_string(),
        })?
    } else {
        Registry::new()
    };
    for f in corpus.into_iter().chain(imported) {
        add(&mut reg, f)?;
    }
    Ok(reg)
}

/// One file read and analysed ([`crate::analysis::analyze_in`]: extraction, outline,
/// resolution at its date, checks, against the registry's view made once per scan); None
/// when it cannot be read.
fn analyse(p: &Path, id: String, reg: &crate::analysis::RunRegistry) -> Option<Doc> {
    let src = crate::source::read_file(p).ok()?;
    let a = crate::analysis::analyze_in(
        src,
        Some(reg),
        &crate::analysis::Wants::all(check::Options::default()),
    );
    let title = title_of(&a.extraction.header, a.text()).unwrap_or_else(|| id.clone());
    // The header's span in original offsets, as the API gives every span.
    let header = a.original_header();
    let diags = a.diagnostics.unwrap_or_default();
    let map = a.source.map.filter(|m| !m.is_identity());
    Some(Doc {
        map,
        id,
        text: a.source.text,
        title,
        header,
        as_of: a.date,
        citations: a.extraction.citations,
        resolved: a.resolutions,
        diags,
        sections: a.outline.map(|o| o.sections).unwrap_or_default(),
    })
}

impl Snapshot {
    fn build(
        plans: &[(PathBuf, String)],
        reg_files: &[PathBuf],
        loaded: Option<&Registry>,
    ) -> Result<Snapshot, BackendError> {
        let reg = match loaded {
            Some(r) => r.clone(),
            None => load_registry(reg_files)?,
        };
        let mut docs = Vec::new();
        {
            let run_reg = crate::analysis::RunRegistry::new(&reg);
            for p in plans {
                // A file that vanished or is being rewritten is skipped, not fatal.
                docs.extend(analyse(&p.0, p.1.clone(), &run_reg));
            }
        }
        let mut cited: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (di, d) in docs.iter().enumerate() {
            for (ci, r) in d.resolved.iter().enumerate() {
                if let Res::Resolved(id) = r {
                    cited.entry(id.clone()).or_default().push((di, ci));
                }
            }
        }
        let index = memory_index(&docs, &reg)?;
        let observed =
            crate::observed::collect(docs.iter().map(|d| (d.id.as_str(), d.citations.as_slice())));
        Ok(Snapshot {
            docs,
            reg,
            index,
            cited,
            observed,
        })
    }

    fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    /// The status of what a citation cites, at the document's date (its recorded status
    /// when the document has no date); None when it resolved to nothing.
    fn status_of(&self, d: &Doc, ci: usize) -> Option<Status> {
        let Res::Resolved(id) = &d.resolved[ci] else {
            return None;
        };
        let i = self.reg.get(id)?;
        Some(
            d.as_of
                .and_then(|at| self.reg.status_at(&i.id, at))
                .map_or(i.status, |s| s.status),
        )
    }

    fn standing_of(&self, d: &Doc, ci: usize) -> Standing {
        match &d.resolved[ci] {
            Res::Resolved(id) => match self.reg.get(id) {
                Some(i) => standing(&self.reg, i, d.as_of),
                None => Standing::Unresolved,
            },
            _ => Standing::Unresolved,
        }
    }

    /// The citation holding the diagnostic's primary span.
    fn citation_of(d: &Doc, diag: &Diagnostic) -> Option<usize> {
        let l = diag.primary()?;
        d.citations
            .iter()
            .position(|c| l.start >= c.start && l.start < c.end.max(c.start + 1))
    }

    fn malformed(d: &Doc, ci: usize) -> bool {
        let c = &d.citations[ci];
        !c.defects.is_empty()
            || d.diags.iter().any(|g| {
                g.category == crate::diag::Category::Shape
                    && g.primary()
                        .is_some_and(|l| l.start >= c.start && l.start < c.end)
            })
    }

    fn summary(&self, d: &Doc) -> DocumentSummary {
        let mut s = DocumentSummary {
            id: d.id.clone(),
            title: d.title.clone(),
            file: FileState::Fresh,
            header: d.header.clone(),
            citations: d.citations.len(),
            outdated: 0,
            malformed: 0,
            unresolved: 0,
        };
        for ci in 0..d.citations.len() {
            match self.standing_of(d, ci) {
                Standing::Outdated => s.outdated += 1,
                Standing::Unresolved => s.unresolved += 1,
                _ => {}
            }
            if Self::malformed(d, ci) {
                s.malformed += 1;
            }
        }
        s
    }

    fn document_view(&self, d: &Doc) -> DocumentView {
        let mut findings: Vec<Finding> = d
            .diags
            .iter()
            .filter_map(|g| {
                let l = g.primary()?;
                Some(Finding {
                    citation: Self::citation_of(d, g),
                    code: g.code.to_string(),
                    category: g.category.as_str().to_string(),
                    severity: g.severity.as_str().to_string(),
                    message: g.message.clone(),
                    notes: g.notes.clone(),
                    suggestion: g.suggestion.as_ref().map(|s| s.replacement.clone()),
                    start: d.original(l.start),
                    end: d.original(l.end),
                    text_start: l.start,
                    text_end: l.end,
                    line: l.line,
                    column: l.column,
                })
            })
            .collect();
        let mut citations = Vec::new();
        for (ci, c) in d.citations.iter().enumerate() {
            let standing = self.standing_of(d, ci);
            let (instrument, candidates) = match &d.resolved[ci] {
                Res::Resolved(id) => (self.reg.get(id).map(reference), Vec::new()),
                Res::Ambiguous(v) => (
                    None,
                    v.iter()
                        .filter_map(|id| self.reg.get(id))
                        .map(reference)
                        .collect(),
                ),
                Res::Observed(_) | Res::Unknown => (None, Vec::new()),
            };
            citations.push(CitedView {
                index: ci,
                text: c.text.clone(),
                kind: c.kind,
                canonical: c.canonical.clone(),
                start: d.original(c.start),
                end: d.original(c.end),
                text_start: c.start,
                text_end: c.end,
                line: c.line,
                column: c.column,
                section: c.section.clone(),
                standing,
                malformed: Self::malformed(d, ci),
                observed: match (&instrument, candidates.is_empty()) {
                    (None, true) => crate::observed::of_citation(&self.observed, c, &d.id)
                        .map(observed_reference),
                    _ => None,
                },
                instrument,
                candidates,
            });
        }
        findings.sort_by_key(|f| (f.text_start, f.text_end));
        let sections = d
            .sections
            .iter()
            .map(|s| {
                let mut seen = HashSet::new();
                let mut instruments = Vec::new();
                let mut unresolved = 0;
                for (ci, c) in d.citations.iter().enumerate() {
                    if c.section.as_ref().map(|x| x.path.as_str()) != Some(s.path.as_str()) {
                        continue;
                    }
                    match &d.resolved[ci] {
                        Res::Resolved(id) => {
                            if let Some(i) = self.reg.get(id) {
                                if seen.insert(id.clone()) {
                                    instruments.push(reference(i));
                                }
                            }
                        }
                        _ => unresolved += 1,
                    }
                }
                SectionView {
                    path: s.path.clone(),
                    heading: s.heading.clone(),
                    start: d.original(s.start),
                    text_start: s.start,
                    depth: s.level as usize,
                    instruments,
                    unresolved,
                }
            })
            .collect();
        DocumentView {
            summary: self.summary(d),
            text: d.text.clone(),
            citations,
            findings,
            sections,
        }
    }

    fn relation_view(&self, other_id: &str, r: &crate::registry::Relation) -> RelationView {
        RelationView {
            kind: r.kind,
            other_id: other_id.to_string(),
            other: self.reg.get(other_id).map(reference),
            date: r.date,
            verified: r.verified,
            source: r.source.as_ref().map(|s| s.to_string()),
        }
    }

    fn instrument_view(&self, inst: &Instrument) -> InstrumentView {
        let relations_out: Vec<RelationView> = inst
            .relations
            .iter()
            .map(|r| self.relation_view(&r.target, r))
            .collect();
        let relations_in: Vec<RelationView> = self
            .reg
            .incoming(&inst.id)
            .into_iter()
            .map(|(src, r)| self.relation_view(&src.id, r))
            .collect();
        let mut timeline = Vec::new();
        if let Some(d) = inst.issued {
            timeline.push(Event {
                date: Some(d),
                what: "issued".into(),
                other: None,
            });
        }
        if let Some(d) = inst.effective {
            timeline.push(Event {
                date: Some(d),
                what: "effective".into(),
                other: None,
            });
        }
        for r in &relations_out {
            let what = match r.kind.slug() {
                k @ ("replaced-by" | "superseded-by" | "amended-by" | "guided-by") => k,
                _ => continue,
            };
            let when = r
                .date
                .or_else(|| self.reg.get(&r.other_id).and_then(|o| o.start()));
            timeline.push(Event {
                date: when,
                what: what.into(),
                other: r.other.clone(),
            });
        }
        if inst.status != Status::InForce && inst.status != Status::Unknown {
            timeline.push(Event {
                date: inst.status_date,
                what: format!("status:{}", inst.status.slug()),
                other: None,
            });
        }
        timeline.sort_by_key(|e| e.date.map(|d| d.ordinal()).unwrap_or(i64::MAX));
        // Who cites it: the question `cancu cites` asks (a citation matches on what it says
        // as well as on what it resolved to), asked of every document served.
        let mut cited_by = Vec::new();
        let target = crate::graph::Target::Instrument {
            id: inst.id.clone(),
        };
        for d in &self.docs {
            for h in crate::graph::Graph::cites_in(&target, &d.id, &d.citations) {
                let Some(ci) = d
                    .citations
                    .iter()
                    .position(|c| std::ptr::eq(c.text.as_str(), h.text))
                else {
                    continue;
                };
                let c = &d.citations[ci];
                cited_by.push(CitedBy {
                    document: d.id.clone(),
                    title: d.title.clone(),
                    citation: ci,
                    section: c.section.clone(),
                    text: c.text.clone(),
                    line: c.line,
                });
            }
        }
        InstrumentView {
            summary: reference(inst),
            number: inst.number.clone(),
            year: inst.year(),
            symbol: inst.symbol.clone(),
            issuer: inst.issuer.clone(),
            issued: inst.issued,
            effective: inst.effective,
            law_name: inst.law_name.clone(),
            status_date: inst.status_date,
            aliases: inst.aliases.clone(),
            note: inst.note.clone(),
            verified: inst.verified,
            sources: inst
                .sources
                .iter()
                .map(|s| SourceView {
                    reference: s.reference.clone(),
                    supports: s.supports.clone(),
                    verified: s.verified,
                })
                .collect(),
            timeline,
            relations_out,
            relations_in,
            cited_by,
            observed: None,
        }
    }

    /// The page of an instrument the registry lacks: what its citations say, status
    /// unknown, and who cites it — the citations [`crate::graph::Graph::cites`] ties to it.
    fn observed_view(&self, o: &crate::observed::ObservedInstrument) -> InstrumentView {
        let mut cited_by = Vec::new();
        for d in &self.docs {
            for (ci, c) in d.citations.iter().enumerate() {
                if crate::observed::of_citation(&self.observed, c, &d.id)
                    .is_some_and(|x| x.id == o.id)
                {
                    cited_by.push(CitedBy {
                        document: d.id.clone(),
                        title: d.title.clone(),
                        citation: ci,
                        section: c.section.clone(),
                        text: c.text.clone(),
                        line: c.line,
                    });
                }
            }
        }
        InstrumentView {
            summary: observed_reference(o),
            number: Some(o.number.clone()),
            year: o.year,
            symbol: o.symbol.clone(),
            issuer: o.issuer.clone(),
            issued: o.date,
            effective: None,
            law_name: None,
            status_date: None,
            aliases: Vec::new(),
            note: None,
            verified: false,
            sources: Vec::new(),
            timeline: Vec::new(),
            relations_out: Vec::new(),
            relations_in: Vec::new(),
            cited_by,
            observed: Some(ObservedFacts {
                dates: o.dates.clone(),
                conflict: o.conflict,
                titles: o.titles.clone(),
                citations: o.citations,
                documents: o.documents.len(),
            }),
        }
    }

    // ------------------------------------------------------------ search

    /// Does a document pass the search's filters (kind, year, issuer, status)?
    fn keeps_document(&self, d: &Doc, q: &SearchQuery, issuer: Option<&str>) -> bool {
        if q.kind.is_some_and(|k| d.header.kind != Some(k)) {
            return false;
        }
        let year = d.header.year.or(d.as_of.map(|x| x.year));
        if q.year.is_some_and(|y| year != Some(y)) {
            return false;
        }
        if let Some(iss) = issuer {
            let have = d.header.issuer.as_deref().map(fold_key).unwrap_or_default();
            if !have.contains(iss) {
                return false;
            }
        }
        self.cites_with(d, q.status)
    }

    /// Does a document cite something with that standing (any document when None)?
    fn cites_with(&self, d: &Doc, status: Option<StatusFilter>) -> bool {
        let Some(st) = status else {
            return true;
        };
        (0..d.citations.len()).any(|ci| {
            if st == StatusFilter::Malformed {
                Self::malformed(d, ci)
            } else {
                st.keeps(self.status_of(d, ci))
            }
        })
    }

    /// An instrument's short reference: a registry instrument's, or an observed one's
    /// (status unknown).
    fn instrument_ref(&self, id: &str) -> Option<InstrumentRef> {
        match self.reg.get(id) {
            Some(i) => Some(reference(i)),
            None => crate::observed::find(&self.observed, id).map(observed_reference),
        }
    }

    fn is_observed(&self, id: &str) -> bool {
        self.reg.get(id).is_none() && crate::observed::find(&self.observed, id).is_some()
    }

    fn search(&self, q: &SearchQuery) -> Result<SearchResults, BackendError> {
        if !q.q.trim().is_empty() {
            let keep = |h: &Hit| match &h.target {
                Target::Document { id } => self
                    .doc_index(id)
                    .is_some_and(|di| self.cites_with(&self.docs[di], q.status)),
                Target::Instrument { id } => self
                    .instrument_ref(id)
                    .is_some_and(|i| q.status.is_none_or(|st| st.keeps(Some(i.status)))),
            };
            let around = super::indexed::Around {
                document_id: &|path: &str| path.to_string(),
                title: &|id: &str| self.doc_index(id).map(|di| self.docs[di].title.clone()),
                instrument: &|id: &str| self.instrument_ref(id),
                observed: &|id: &str| self.is_observed(id),
                file_state: &|_: &str, _: &str| FileState::Fresh,
                keep: q.status.is_some().then_some(&keep as &dyn Fn(&Hit) -> bool),
            };
            return super::indexed::search_in(&self.index, q, Engine::Scan, &around);
        }
        // No words: the documents the filters keep, as listed.
        let issuer = q.issuer.as_deref().map(fold_key).filter(|s| !s.is_empty());
        let hits: Vec<Hit> = self
            .docs
            .iter()
            .filter(|d| self.keeps_document(d, q, issuer.as_deref()))
            .map(|d| Hit {
                target: Target::Document { id: d.id.clone() },
                title: d.title.clone(),
                section: None,
                snippet: Vec::new(),
                score: 0.0,
                instrument: None,
                file: FileState::Fresh,
                matched: None,
            })
            .collect();
        let total = hits.len();
        let hits = hits
            .into_iter()
            .skip(q.offset)
            .take(q.limit.min(MAX_LIMIT))
            .collect();
        Ok(SearchResults {
            total,
            offset: q.offset,
            hits,
            engine: Engine::Scan,
        })
    }

    // ------------------------------------------------------------ graph

    fn graph(&self, center: &Center, max_nodes: usize) -> Option<GraphView> {
        let max_nodes = max_nodes.clamp(1, MAX_GRAPH_NODES);
        // Node keys: documents by index, instruments by id.
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        enum N {
            D(usize),
            I(String),
        }
        let mut edges: BTreeMap<(N, N, String), Vec<String>> = BTreeMap::new();
        for (di, d) in self.docs.iter().enumerate() {
            for (ci, r) in d.resolved.iter().enumerate() {
                // A citation the registry lacks cites its observed instrument.
                let id = match r {
                    Res::Resolved(id) => Some(id.clone()),
                    _ => crate::observed::of_citation(&self.observed, &d.citations[ci], &d.id)
                        .map(|o| o.id.clone()),
                };
                if let Some(id) = id {
                    let e = edges
                        .entry((N::D(di), N::I(id), "cites".into()))
                        .or_default();
                    if let Some(s) = &d.citations[ci].section {
                        if !e.contains(&s.path) {
                            e.push(s.path.clone());
                        }
                    }
                }
            }
        }
        for inst in self.reg.instruments() {
            for r in &inst.relations {
                // Both directions are stored; draw each pair once, from the active side.
                let k = r.kind.slug();
                if !matches!(
                    k,
                    "replaces" | "amends" | "guides" | "supersedes" | "based-on"
                ) {
                    continue;
                }
                if self.reg.get(&r.target).is_some() {
                    edges
                        .entry((N::I(inst.id.clone()), N::I(r.target.clone()), k.into()))
                        .or_default();
                }
            }
        }
        let mut adj: HashMap<N, Vec<N>> = HashMap::new();
        for (a, b, _) in edges.keys() {
            adj.entry(a.clone()).or_default().push(b.clone());
            adj.entry(b.clone()).or_default().push(a.clone());
        }
        let start: Vec<N> = match center {
            Center::All => {
                let mut v: Vec<N> = (0..self.docs.len()).map(N::D).collect();
                let mut cited: Vec<&String> = self.cited.keys().collect();
                cited.sort();
                v.extend(cited.into_iter().map(|id| N::I(id.clone())));
                v
            }
            Center::Document(id) => vec![N::D(self.doc_index(id)?)],
            Center::Instrument(id) => match self.reg.get(id) {
                Some(i) => vec![N::I(i.id.clone())],
                None => vec![N::I(crate::observed::find(&self.observed, id)?.id.clone())],
            },
        };
        // Breadth first from the center, two steps out, up to the limit.
        let mut keep: Vec<N> = Vec::new();
        let mut seen: HashSet<N> = HashSet::new();
        let mut queue: VecDeque<(N, usize)> = VecDeque::new();
        for n in start {
            if seen.insert(n.clone()) {
                queue.push_back((n, 0));
            }
        }
        let mut truncated = false;
        while let Some((n, depth)) = queue.pop_front() {
            if keep.len() >= max_nodes {
                truncated = true;
                break;
            }
            keep.push(n.clone());
            if depth >= 2 {
                continue;
            }
            let mut next = adj.get(&n).cloned().unwrap_or_default();
            next.sort();
            for m in next {
                if seen.insert(m.clone()) {
                    queue.push_back((m, depth + 1));
                }
            }
        }
        let kept: HashSet<N> = keep.iter().cloned().collect();
        let key = |n: &N| match n {
            N::D(i) => format!("d:{}", self.docs[*i].id),
            N::I(id) => format!("i:{id}"),
        };
        let nodes = keep
            .iter()
            .filter_map(|n| match n {
                N::D(i) => Some(Node {
                    id: key(n),
                    kind: "document".into(),
                    label: self.docs[*i].title.clone(),
                    status: "document".into(),
                    url: format!("/documents/{}", super::http::encode_path(&self.docs[*i].id)),
                }),
                N::I(id) => {
                    let (label, status) = match self.reg.get(id) {
                        Some(inst) => (inst.label(), standing_of_status(inst.status)),
                        None => (
                            crate::observed::find(&self.observed, id)?.label(),
                            Standing::Unknown,
                        ),
                    };
                    Some(Node {
                        id: key(n),
                        kind: "instrument".into(),
                        label,
                        status: status.slug().into(),
                        url: format!("/instruments/{}", super::http::encode_path(id)),
                    })
                }
            })
            .collect();
        let edges = edges
            .into_iter()
            .filter(|((a, b, _), _)| kept.contains(a) && kept.contains(b))
            .map(|((a, b, kind), sections)| Edge {
                source: key(&a),
                target: key(&b),
                kind,
                sections,
            })
            .collect();
        Some(GraphView {
            center: center.clone(),
            nodes,
            edges,
            truncated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_id_table() {
        let roots = [PathBuf::from("corpus/plans"), PathBuf::from("/srv/a.txt")];
        for (path, id) in [
            ("corpus/plans/x.txt", "x.txt"),
            ("corpus/plans/sub/y.md", "sub/y.md"),
            ("/srv/a.txt", "a.txt"),
        ] {
            assert_eq!(document_id(&roots, Path::new(path)), id, "{path}");
        }
    }

    #[test]
    fn titles_are_never_markup() {
        use crate::model::{Header, Kind};
        let numbered = Header {
            kind: Some(Kind::Decree),
            number: Some("5".into()),
            symbol: Some("2025/NĐ-CP".into()),
            issuer: Some("**Chính phủ**".into()),
            ..Header::default()
        };
        let titled = Header {
            title: Some("**KẾ HOẠCH** tuyển quân".into()),
            ..Header::default()
        };
        let fragment = Header {
            title: Some("| |".into()),
            ..Header::default()
        };
        let rows: [(&Header, &str, Option<&str>); 4] = [
            (&titled, "", Some("KẾ HOẠCH tuyển quân")),
            (&numbered, "", Some("Nghị định 5/2025/NĐ-CP — Chính phủ")),
            (
                &fragment,
                "|\n| |\n**\nTHƯ VIỆN PHÁP LUẬT**\nSố hiệu: 5\n",
                Some("THƯ VIỆN PHÁP LUẬT Số hiệu: 5"),
            ),
            (&fragment, "|\n| |\n", None),
        ];
        for (header, text, expected) in rows {
            assert_eq!(
                title_of(header, text).as_deref(),
                expected,
                "{header:?} {text:?}"
            );
        }
    }
}
