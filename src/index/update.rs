//! Writing the index: the documents made of one file, and the incremental update of a set of
//! paths (a changed file replaced, a deleted one removed, an unchanged one skipped by content
//! hash). Documents are built on half the cores (rayon; one extraction per file serves its
//! documents and what it teaches the registry) while tantivy's threads index them. A commit
//! every [`COMMIT_EVERY`] bytes and one at the end of a run, each followed by `learned.json`
//! while the writer's lock is held: a crash leaves the last commit, and the next run redoes
//! only what was not committed. Progress is reported through a callback; this module knows
//! nothing of terminals.

use crate::index::{tantivy_err, Fields, IndexError, SearchIndex};
use crate::normalize::{clean, fold_key};
use crate::registry::{number_key, Instrument, Registry};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tantivy::collector::DocSetCollector;
use tantivy::columnar::StrColumn;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, TantivyDocument, Term};

/// The index writer of one run (holds the index's writer lock until dropped).
pub struct Writer {
    w: IndexWriter<TantivyDocument>,
    f: Fields,
    dir: PathBuf,
}

impl Writer {
    pub(crate) fn new(w: IndexWriter<TantivyDocument>, f: Fields, dir: PathBuf) -> Writer {
        Writer { w, f, dir }
    }

    /// Add the documents of one file (the caller removes an older version first).
    /// Returns the number of documents added.
    pub fn add_file(&mut self, path: &str, text: &str, hash: &str) -> Result<usize, IndexError> {
        let docs = documents(&self.f, path, text, hash);
        let n = docs.len();
        for d in docs {
            self.w
                .add_document(d)
                .map_err(|e| tantivy_err(&self.dir, e))?;
        }
        Ok(n)
    }

    /// Add the documents of many files, pipelined: the calling thread runs `files` (reading,
    /// hashing, decoding: whatever the iterator does), a second thread builds each file's
    /// documents ([`documents`]: extraction, outline) and hands them to tantivy, whose own
    /// threads index them. At most [`PIPELINE_DEPTH`] files wait between the two, so memory
    /// stays bounded. The caller removes older versions first ([`Writer::remove`] takes
    /// `&self`, so the iterator may call it). Returns the number of documents added; the
    /// first error stops the run.
    pub fn add_files<I>(&self, files: I) -> Result<usize, IndexError>
    where
        I: IntoIterator<Item = FileText>,
    {
        let (tx, rx) = std::sync::mpsc::sync_channel::<FileText>(PIPELINE_DEPTH);
        std::thread::scope(|scope| {
            let builder = scope.spawn(move || -> Result<usize, IndexError> {
                let mut n = 0;
                for file in rx {
                    for d in documents(&self.f, &file.path, &file.text, &file.hash) {
                        self.w
                            .add_document(d)
                            .map_err(|e| tantivy_err(&self.dir, e))?;
                        n += 1;
                    }
                }
                Ok(n)
            });
            for file in files {
                // A closed channel means the builder stopped on an error: join reports it.
                if tx.send(file).is_err() {
                    break;
                }
            }
            drop(tx);
            builder.join().unwrap_or_else(|_| {
                Err(IndexError::Io {
                    dir: self.dir.clone(),
                    err: std::io::Error::other("the document builder thread panicked"),
                })
            })
        })
    }

    /// Add one prepared document (the benchmark's baselines; `cancu index` uses
    /// [`Writer::add_files`]).
    pub fn add_document(&self, d: TantivyDocument) -> Result<(), IndexError> {
        self.w
            .add_document(d)
            .map_err(|e| tantivy_err(&self.dir, e))?;
        Ok(())
    }

    /// Add one document with only a body (the benchmark's "raw tantivy" baseline).
    pub fn add_raw(&mut self, path: &str, text: &str) -> Result<(), IndexError> {
        let f = &self.f;
        let mut d = TantivyDocument::new();
        d.add_text(f.key, path);
        d.add_text(f.path, path);
        d.add_text(f.doc_type, "section");
        d.add_text(f.text, text);
        d.add_text(f.body, text);
        d.add_text(f.body_folded, text);
        self.w
            .add_document(d)
            .map_err(|e| tantivy_err(&self.dir, e))?;
        Ok(())
    }

    /// Replace every instrument document by those of `reg`, and record its content hash.
    /// Returns the number of instruments added.
    pub fn replace_registry(&mut self, reg: &Registry, hash: &str) -> Result<usize, IndexError> {
        let f = self.f;
        self.w
            .delete_term(Term::from_field_text(f.doc_type, "instrument"));
        self.w
            .delete_term(Term::from_field_text(f.key, REGISTRY_META));
        for ins in reg.instruments() {
            self.w
                .add_document(instrument_document(&f, ins))
                .map_err(|e| tantivy_err(&self.dir, e))?;
        }
        let mut meta = TantivyDocument::new();
        meta.add_text(f.key, REGISTRY_META);
        meta.add_text(f.path, REGISTRY_META);
        meta.add_text(f.doc_type, "meta");
        meta.add_text(f.hash, hash);
        self.w
            .add_document(meta)
            .map_err(|e| tantivy_err(&self.dir, e))?;
        Ok(reg.instruments().len())
    }

    /// Remove every document of a file.
    pub fn remove(&self, path: &str) {
        self.w.delete_term(Term::from_field_text(self.f.path, path));
    }

    /// Commit: readers opened after this see the changes.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.w.commit().map_err(|e| tantivy_err(&self.dir, e))?;
        Ok(())
    }

    /// Commit, then run `then` while this writer still holds the index's lock: what must be
    /// written beside the commit (the learned store) is written by one process at a time,
    /// and never after another run has started.
    pub fn commit_then<T>(&mut self, then: impl FnOnce() -> T) -> Result<T, IndexError> {
        self.commit()?;
        Ok(then())
    }

    /// Commit and wait for background merges (a clean end of a run).
    pub fn finish(mut self) -> Result<(), IndexError> {
        self.commit()?;
        self.close()
    }

    /// Wait for background merges and release the lock, without committing again.
    pub fn close(self) -> Result<(), IndexError> {
        let dir = self.dir.clone();
        self.w
            .wait_merging_threads()
            .map_err(|e| tantivy_err(&dir, e))
    }
}

/// One file for [`Writer::add_files`]: its path as indexed, its text and content hash.
#[derive(Debug, Clone)]
pub struct FileText {
    pub path: String,
    pub text: String,
    pub hash: String,
}

/// A long run commits after this many bytes of text indexed (and at its end), so that a run
/// stopped part way keeps what it did: the next run skips the files committed.
pub const COMMIT_EVERY: u64 = 256 * 1024 * 1024;

/// What one file of an update gives.
enum Built {
    /// Its content hash is the one indexed.
    Unchanged,
    /// Unreadable: the error names it.
    Error(crate::source::SourceError),
    /// Its documents, the bytes of its text, its content hash and what it taught about
    /// itself (the registry's learning hook).
    Docs {
        docs: Vec<TantivyDocument>,
        bytes: u64,
        hash: String,
        learned: Vec<Instrument>,
    },
}

/// Read `file` (bounded by the default size limit), compare its hash with the one indexed,
/// decode it and build its documents. Runs on any thread.
fn build_file(f: &Fields, file: &Path, path: &str, old: Option<&String>) -> Built {
    let bytes = match crate::source::read_bytes(file, crate::source::DEFAULT_MAX_BYTES) {
        Ok(b) => b,
        Err(e) => return Built::Error(e),
    };
    let hash = content_hash(&bytes);
    if old == Some(&hash) {
        return Built::Unchanged;
    }
    match crate::source::from_bytes(path, bytes) {
        Ok(src) => {
            let bytes = src.text.len() as u64;
            let (docs, learned) = documents_and_learned(f, src, &hash);
            Built::Docs {
                bytes,
                docs,
                learned,
                hash,
            }
        }
        Err(e) => Built::Error(e),
    }
}

/// Files waiting between the producer and the document builder of [`Writer::add_files`].
pub const PIPELINE_DEPTH: usize = 8;

/// Key (and path) of the meta document holding the registry's content hash.
pub const REGISTRY_META: &str = "meta:registry";

/// The document of one registry instrument. Its searchable text (stored, for snippets) is
/// the label, number-symbol, title, law name, aliases and issuer, each once.
pub fn instrument_document(f: &Fields, ins: &Instrument) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_text(f.key, format!("instrument:{}", ins.id));
    d.add_text(f.path, &ins.id);
    d.add_text(f.doc_type, "instrument");
    d.add_text(f.instrument, &ins.id);
    d.add_text(f.status, ins.status.slug());
    d.add_text(f.kind, ins.kind.slug());
    let label = ins.label();
    d.add_text(f.label, &label);
    if let Some(y) = ins.year().and_then(|y| u64::try_from(y).ok()) {
        d.add_u64(f.year, y);
    }
    if let Some(i) = &ins.issuer {
        d.add_text(f.issuer, clean(i));
        d.add_text(f.issuer_folded, i);
    }
    if let Some(t) = &ins.title {
        d.add_text(f.title, clean(t));
    }
    // Observed keys of its number-symbol are this instrument's (see `observations`).
    if let Some(ns) = ins.number_symbol() {
        for t in super::observations::registry_terms(&ns, ins.year()) {
            d.add_text(f.cite_keys, t);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let pieces = [
        Some(label),
        ins.number_symbol(),
        ins.title.clone(),
        ins.law_name.clone(),
    ]
    .into_iter()
    .flatten()
    .chain(ins.aliases.iter().cloned())
    .chain(ins.issuer.clone());
    for p in pieces {
        let p = clean(&p);
        // A piece already said inside an earlier one adds nothing.
        let key = fold_key(&p).to_lowercase();
        if !key.trim().is_empty() && !seen.iter().any(|s| s.contains(&key)) {
            seen.insert(key);
            lines.push(p);
        }
    }
    let body = lines.join("\n");
    d.add_text(f.text, &body);
    d.add_text(f.body, &body);
    d.add_text(f.body_folded, &body);
    d
}

/// Content hash of a registry: of its instruments as JSON, whatever files they came from.
pub fn registry_hash(reg: &Registry) -> String {
    content_hash(&serde_json::to_vec(reg.instruments()).unwrap_or_default())
}

/// The tantivy documents of one file: its plan document, one per section and one per
/// observed instrument it cites ([`super::observations`]).
pub fn documents(f: &Fields, path: &str, text: &str, hash: &str) -> Vec<TantivyDocument> {
    let src = crate::source::SourceFile::plain(path, text.to_string());
    documents_of(f, src, hash, false).0
}

/// [`documents`] of a file read (`src`: its path and decoded text), and what it teaches the
/// registry ([`crate::registry::learn::learn_document`]), from one extraction of its text.
pub fn documents_and_learned(
    f: &Fields,
    src: crate::source::SourceFile,
    hash: &str,
) -> (Vec<TantivyDocument>, Vec<Instrument>) {
    documents_of(f, src, hash, true)
}

/// [`documents`]; with `learn`, what the file teaches too, learned from the same extraction
/// before its citations are sorted.
fn documents_of(
    f: &Fields,
    src: crate::source::SourceFile,
    hash: &str,
    learn: bool,
) -> (Vec<TantivyDocument>, Vec<Instrument>) {
    let a = crate::analysis::analyze(src, None, &crate::analysis::Wants::index());
    let (path, text) = (a.source.path.as_str(), a.source.text.as_str());
    let mut ex = a.extraction;
    let learned = if learn {
        crate::registry::learn::learn_document_extracted(path, text, &ex)
    } else {
        Vec::new()
    };
    ex.citations.sort_by_key(|c| c.start);
    let parts = a.outline.map(|o| sections_in(text, &o));
    (build(f, path, text, hash, Some(&ex), parts), learned)
}

/// The documents [`documents`] makes with extraction left out: the same plan and section
/// documents (paths, outline, original text, exact and folded bodies) without the header
/// fields or citations. What the benchmark's "raw Tantivy, same schema, no extraction"
/// baseline indexes, so the two differ by extraction and nothing else.
pub fn documents_without_extraction(
    f: &Fields,
    path: &str,
    text: &str,
    hash: &str,
) -> Vec<TantivyDocument> {
    build(f, path, text, hash, None, None)
}

/// The documents of one file, with what extraction found (`ex`, citations in text order)
/// when given.
fn build(
    f: &Fields,
    path: &str,
    text: &str,
    hash: &str,
    ex: Option<&crate::Extraction>,
    parts: Option<Vec<Piece>>,
) -> Vec<TantivyDocument> {
    let header = ex.map(|e| &e.header);
    let citations = ex.map_or(&[][..], |e| &e.citations[..]);
    let kind = header.and_then(|h| h.kind).map(|k| k.slug());
    let year = header.and_then(|h| h.year.or(h.date.map(|d| d.year)));
    let issuer = header.and_then(|h| h.issuer.as_deref()).map(clean);
    let title = header.and_then(|h| h.title.as_deref()).map(clean);
    let meta = |d: &mut TantivyDocument| {
        d.add_text(f.path, path);
        if let Some(k) = kind {
            d.add_text(f.kind, k);
        }
        if let Some(y) = year.and_then(|y| u64::try_from(y).ok()) {
            d.add_u64(f.year, y);
        }
        if let Some(i) = &issuer {
            d.add_text(f.issuer, i);
            d.add_text(f.issuer_folded, i);
        }
    };
    // Each citation's values (canonical number-symbol, law name) cleaned and folded once:
    // the plan document and the section holding it both use them.
    let cite_values: Vec<Vec<(String, String)>> = citations
        .iter()
        .map(|c| {
            [c.canonical.as_deref(), c.law.as_deref()]
                .into_iter()
                .flatten()
                .map(|v| {
                    let v = clean(v);
                    let folded = fold_key(&v);
                    (v, folded)
                })
                .collect()
        })
        .collect();
    let add_cites = |d: &mut TantivyDocument, values: &[Vec<(String, String)>]| {
        let unique: BTreeMap<&str, &str> = values
            .iter()
            .flatten()
            .map(|(v, k)| (v.as_str(), k.as_str()))
            .collect();
        for (v, k) in unique {
            d.add_text(f.cites, v);
            d.add_text(f.cites_folded, k);
        }
    };
    // What resolution matches on (see `Fields::cite_keys`).
    let keys = cite_keys(citations);

    let parts = parts.unwrap_or_else(|| sections(text));
    let mut out = Vec::with_capacity(parts.len() + 1);
    let mut plan = TantivyDocument::new();
    plan.add_text(f.key, path);
    plan.add_text(f.doc_type, "plan");
    plan.add_text(f.hash, hash);
    if let Some(t) = &title {
        plan.add_text(f.title, t);
    }
    meta(&mut plan);
    add_cites(&mut plan, &cite_values);
    for k in &keys {
        plan.add_text(f.cite_keys, k);
    }
    out.push(plan);

    // Outline paths are unique but for repeated numbering; a repeat gets "~2", "~3".
    let mut seen_paths: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &parts {
        let body = text.get(s.start..s.end).unwrap_or("");
        let n = seen_paths.entry(s.path.as_str()).or_insert(0);
        *n += 1;
        let key = if *n == 1 {
            format!("{path}#{}", s.path)
        } else {
            format!("{path}#{}~{n}", s.path)
        };
        // The body is given three times (stored text, exact and folded bodies): the
        // document's buffer made for them at once, not doubled from 1 KB three times over.
        let mut d = TantivyDocument::with_capacity(3 * body.len() + 1024);
        d.add_text(f.key, key);
        d.add_text(f.doc_type, "section");
        d.add_text(f.section, &s.path);
        d.add_text(f.heading, &s.heading);
        d.add_text(f.text, body);
        d.add_text(f.body, body);
        d.add_text(f.body_folded, body);
        if let Some(t) = &title {
            d.add_text(f.title, t);
        }
        meta(&mut d);
        // Citations are in text order: those starting in this section are a slice.
        let from = citations.partition_point(|c| c.start < s.start);
        let to = citations.partition_point(|c| c.start < s.end).max(from);
        add_cites(&mut d, &cite_values[from..to]);
        out.push(d);
    }
    if ex.is_some() {
        out.extend(super::observations::documents(f, path, citations));
    }
    out
}

/// One section document's part of a text: outline path ("II.1", "IV.2.a"; "" for the text
/// before the first heading), heading, and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub path: String,
    pub heading: String,
    pub start: usize,
    pub end: usize,
}

/// Cut a text at every heading of its outline ([`crate::outline`]): the pieces partition the
/// text (every byte in exactly one piece), the preamble is the piece with the empty path
/// (left out when it is only white space), and a section's piece ends where the next heading
/// of any level starts, so paths are the ones `cancu cites` and `cancu basis` print.
pub fn sections(text: &str) -> Vec<Piece> {
    sections_in(text, &crate::analysis::outline_of(text))
}

/// [`sections`] of a text whose outline is known.
pub fn sections_in(text: &str, o: &crate::outline::Outline) -> Vec<Piece> {
    let mut out = Vec::with_capacity(o.sections.len() + 1);
    let first = o.sections.first().map_or(text.len(), |s| s.start);
    if o.sections.is_empty() || !text[..first].trim().is_empty() {
        out.push(Piece {
            path: String::new(),
            heading: String::new(),
            start: 0,
            end: first,
        });
    }
    for (i, s) in o.sections.iter().enumerate() {
        let end = o.sections.get(i + 1).map_or(text.len(), |n| n.start);
        out.push(Piece {
            path: s.path.clone(),
            heading: s.heading.clone(),
            start: if out.is_empty() { 0 } else { s.start },
            end,
        });
    }
    out
}

/// Content hash of a file, as 32 hex digits. Not cryptographic: it only tells a changed
/// file from an unchanged one. Two 64-bit lanes each take one 8-byte word of every 16 bytes
/// (multiply, rotate), the tail is zero-padded and the length mixed in, then both lanes are
/// finalized (murmur3's `fmix64`) into each other. About 8× faster than the byte-by-byte
/// FNV-1a 128 it replaced; an index built with that one sees every file as changed once and
/// re-indexes it (the stored format is the same 32 hex digits).
pub fn content_hash(bytes: &[u8]) -> String {
    const K1: u64 = 0x9E37_79B9_7F4A_7C15;
    const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    fn word(b: &[u8]) -> u64 {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    }
    fn fmix64(mut h: u64) -> u64 {
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        h ^ (h >> 33)
    }
    let (mut a, mut b) = (0x6c62_272e_07bb_0142_u64, 0x62b8_2175_6295_c58d_u64);
    let mut lanes = |x: u64, y: u64| {
        a = (a ^ x).wrapping_mul(K1).rotate_left(29);
        b = (b ^ y).wrapping_mul(K2).rotate_left(31);
    };
    let mut chunks = bytes.chunks_exact(16);
    for c in &mut chunks {
        lanes(word(&c[..8]), word(&c[8..]));
    }
    let rest = chunks.remainder();
    let split = rest.len().min(8);
    lanes(word(&rest[..split]), word(&rest[split..]));
    let len = bytes.len() as u64;
    let a1 = fmix64(a ^ len);
    let b1 = fmix64(b ^ len.rotate_left(32) ^ a1);
    let a2 = fmix64(a1 ^ b1);
    format!("{a2:016x}{b1:016x}")
}

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UpdateStats {
    pub added: usize,
    pub replaced: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Bytes of the files (re)indexed.
    pub bytes: u64,
    /// Instruments (re)indexed: None when no registry was given or its hash was unchanged.
    pub instruments: Option<usize>,
    /// Files that could not be read, with the reason: typed, told in the user's language at
    /// the edge ([`crate::messages::source_error`]).
    pub errors: Vec<FileError>,
}

/// A file an update could not read: its typed error, shared, so that the stats stay
/// cloneable and comparable. Compares and serializes as its English text (the error's
/// `Display`), which names the file.
#[derive(Debug, Clone)]
pub struct FileError(pub std::sync::Arc<crate::source::SourceError>);

impl From<crate::source::SourceError> for FileError {
    fn from(e: crate::source::SourceError) -> FileError {
        FileError(std::sync::Arc::new(e))
    }
}

impl std::ops::Deref for FileError {
    type Target = crate::source::SourceError;
    fn deref(&self) -> &crate::source::SourceError {
        &self.0
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for FileError {
    fn eq(&self, other: &FileError) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.to_string() == other.to_string()
    }
}

impl Eq for FileError {}

impl serde::Serialize for FileError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where a run is: `done` of `total` files, the one just handled.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a str,
}

impl SearchIndex {
    /// Path → content hash of every file in the last commit, from the fast fields of the
    /// plan documents: no stored document is read (each holds the file's citations, and
    /// its block of the store the sections' texts: reading them all was 1 s and 381 MB on
    /// a 510 MB corpus with nothing to do).
    pub fn indexed_files(&self) -> Result<BTreeMap<String, String>, IndexError> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.doc_type, "plan"),
            IndexRecordOption::Basic,
        );
        let addrs = searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| tantivy_err(&self.dir, e))?;
        type Columns = (Option<StrColumn>, Option<StrColumn>);
        let mut columns: BTreeMap<u32, Columns> = BTreeMap::new();
        let mut out = BTreeMap::new();
        for a in addrs {
            let (path, hash) = columns.entry(a.segment_ord).or_insert_with(|| {
                let ff = searcher.segment_reader(a.segment_ord).fast_fields();
                (ff.str("path").ok().flatten(), ff.str("hash").ok().flatten())
            });
            let get = |c: &Option<StrColumn>| {
                let mut s = String::new();
                if let Some(c) = c {
                    if let Some(ord) = c.ords().first(a.doc_id) {
                        if c.ord_to_str(ord, &mut s).is_err() {
                            s.clear();
                        }
                    }
                }
                s
            };
            out.insert(get(path), get(hash));
        }
        Ok(out)
    }

    /// Bring the index up to date with the files under `roots` (files or directories walked
    /// for .txt/.md): new files added, changed ones replaced, unchanged ones skipped, and
    /// indexed files under a root that no longer exist removed. Commits every
    /// [`COMMIT_EVERY`] bytes and at the end.
    pub fn update(
        &self,
        roots: &[PathBuf],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<UpdateStats, IndexError> {
        self.update_with_registry(roots, None, progress)
    }

    /// The registry hash recorded in the last commit, if any.
    pub fn indexed_registry_hash(&self) -> Result<Option<String>, IndexError> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.key, REGISTRY_META),
            IndexRecordOption::Basic,
        );
        let addrs = searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| tantivy_err(&self.dir, e))?;
        match addrs.into_iter().next() {
            Some(a) => {
                let d: TantivyDocument = searcher.doc(a).map_err(|e| tantivy_err(&self.dir, e))?;
                Ok(d.get_first(self.fields.hash)
                    .and_then(|v| v.as_str())
                    .map(String::from))
            }
            None => Ok(None),
        }
    }

    /// [`SearchIndex::update`], and the registry's instruments re-indexed when its content
    /// hash differs from the one recorded (one commit for both).
    pub fn update_with_registry(
        &self,
        roots: &[PathBuf],
        registry: Option<&Registry>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<UpdateStats, IndexError> {
        let mut writer = self.writer()?;
        // Read the state after taking the lock: no other writer can change it now.
        self.reload()?;
        // Which files are indexed, with their hashes; not read for a registry-only pass (no
        // roots: no file to skip, replace or remove), where reading every stored document
        // was the peak memory of a large first `index` (the second pass, BENCHMARKS.md).
        let indexed = if roots.is_empty() {
            BTreeMap::new()
        } else {
            self.indexed_files()?
        };
        // What the files taught the registry (learned.json): a file it lacks is rebuilt.
        let mut learned = crate::registry::learned::LearnedStore::load(&self.dir);
        let (files, errors) = crate::source::expand(roots);
        let mut stats = UpdateStats::default();
        let mut dirty = false;
        if let Some(reg) = registry {
            let hash = registry_hash(reg);
            if self.indexed_registry_hash()?.as_deref() != Some(hash.as_str()) {
                stats.instruments = Some(writer.replace_registry(reg, &hash)?);
                dirty = true;
            }
        }
        for e in errors {
            // A root that is gone is not an error when its files are in the index: they are
            // removed below.
            match &e {
                crate::source::SourceError::Missing { path }
                    if indexed.keys().any(|p| Path::new(p).starts_with(path)) => {}
                _ => stats.errors.push(e.into()),
            }
        }
        let mut present: BTreeSet<String> = BTreeSet::new();
        let total = files.len();
        // Files are read, hashed, decoded and turned into documents on all cores, a batch at
        // a time (memory: one batch of files); tantivy's own threads index what this thread
        // hands it, in file order. A commit every COMMIT_EVERY bytes keeps a long first run's
        // work if it is stopped.
        // Documents are built on half the threads (at least one): tantivy's indexing threads
        // need the others, and documents built faster than they are indexed only wait in
        // tantivy's queue (up to 10,000 documents), in memory.
        let builders = rayon::ThreadPoolBuilder::new()
            .num_threads((rayon::current_num_threads() / 2).max(1))
            .thread_name(|i| format!("cancu-builder-{i}"))
            .build()
            .ok();
        let batch = rayon::current_num_threads().max(1) * 4;
        let mut since_commit = 0u64;
        let mut done = 0;
        for chunk in files.chunks(batch) {
            use rayon::prelude::*;
            let build_chunk = || -> Vec<(String, Built)> {
                chunk
                    .par_iter()
                    .map(|file| {
                        let path = file.display().to_string();
                        let old = indexed.get(&path).filter(|h| learned.knows(&path, h));
                        let b = build_file(&self.fields, file, &path, old);
                        (path, b)
                    })
                    .collect()
            };
            let built = match &builders {
                Some(pool) => pool.install(build_chunk),
                None => build_chunk(),
            };
            for (path, b) in built {
                present.insert(path.clone());
                match b {
                    Built::Unchanged => stats.unchanged += 1,
                    Built::Error(e) => stats.errors.push(e.into()),
                    Built::Docs {
                        docs,
                        bytes,
                        hash,
                        learned: taught,
                    } => {
                        learned.set(&path, &hash, taught);
                        if indexed.contains_key(&path) {
                            writer.remove(&path);
                            stats.replaced += 1;
                        } else {
                            stats.added += 1;
                        }
                        stats.bytes += bytes;
                        since_commit += bytes;
                        for d in docs {
                            writer.add_document(d)?;
                        }
                    }
                }
                done += 1;
                progress(Progress {
                    done,
                    total,
                    path: &path,
                });
            }
            if since_commit >= COMMIT_EVERY {
                // What the committed files taught is kept with them.
                writer.commit_then(|| self.save_learned(&learned))??;
                since_commit = 0;
            }
        }
        dirty |= stats.added + stats.replaced > 0;
        for path in indexed.keys() {
            let in_scope = roots.iter().any(|r| Path::new(path).starts_with(r));
            if in_scope && !present.contains(path) && !Path::new(path).exists() {
                writer.remove(path);
                learned.remove(path);
                stats.removed += 1;
                dirty = true;
            }
        }
        if !roots.is_empty() {
            learned.retain(&indexed.into_keys().chain(present).collect());
        }
        // learned.json is written after the commit and before the lock is released: another
        // run that takes the lock next reads the store of this run's commit.
        if dirty {
            writer.commit_then(|| self.save_learned(&learned))??;
            writer.close()?;
            self.reload()?;
        } else {
            self.save_learned(&learned)?;
            drop(writer);
        }
        Ok(stats)
    }

    /// Write the learned store beside the index (when there is one on disk).
    fn save_learned(
        &self,
        learned: &crate::registry::learned::LearnedStore,
    ) -> Result<(), IndexError> {
        if !self.dir.join("meta.json").is_file() {
            return Ok(());
        }
        learned.save(&self.dir).map_err(|err| IndexError::Io {
            dir: self.dir.clone(),
            err,
        })
    }
}

/// What resolution matches citations on, as stored in the index (`Fields::cite_keys`):
/// "n:<number key>" for a numbered citation, "l:<folded law name>" for a law cited by name,
/// both for a law cited with its number ("Luật Đấu thầu số 22/2023/QH15").
pub fn cite_keys(citations: &[crate::model::Citation]) -> BTreeSet<String> {
    citations
        .iter()
        .flat_map(|c| {
            let n = c.number.as_deref().map(|n| format!("n:{}", number_key(n)));
            let l = c.law.as_deref().map(|l| format!("l:{}", fold_key(l)));
            n.into_iter().chain(l)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_sections(text: &str, expected: &[(&str, &str)]) {
        let got = sections(text);
        let paths: Vec<(&str, &str)> = got
            .iter()
            .map(|s| (s.path.as_str(), &text[s.start..s.end]))
            .collect();
        assert_eq!(paths, expected, "sections({text:?})");
        // The sections partition the text.
        assert_eq!(got.first().map(|s| s.start), Some(0));
        assert_eq!(got.last().map(|s| s.end), Some(text.len()));
        for w in got.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }

    #[test]
    fn sections_table() {
        check_sections("", &[("", "")]);
        check_sections("no headings\n", &[("", "no headings\n")]);
        check_sections(
            "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Mục đích\nx\n2. Yêu cầu\n2024. Tập trung\nII. NHIỆM VỤ\n1. Một\na) Điểm\n",
            &[
                ("", "KẾ HOẠCH\n"),
                ("I", "I. MỤC ĐÍCH\n"),
                ("I.1", "1. Mục đích\nx\n"),
                ("I.2", "2. Yêu cầu\n2024. Tập trung\n"),
                ("II", "II. NHIỆM VỤ\n"),
                ("II.1", "1. Một\n"),
                ("II.1.a", "a) Điểm\n"),
            ],
        );
        // A blank preamble joins the first section; a wrapped "5." is not a heading.
        check_sections(
            "\n**I. GIẢI PHÁP**\n1. Một\nnăm\n5. cái\n",
            &[
                ("I", "\n**I. GIẢI PHÁP**\n"),
                ("I.1", "1. Một\nnăm\n5. cái\n"),
            ],
        );
    }

    /// `add_files` adds exactly the documents `add_file` would, for every file queued.
    #[test]
    fn add_files_adds_every_document() {
        let rows: [(&[&str], usize, usize); 3] = [
            (&[], 0, 0),
            (&["no headings"], 1, 1),
            (&["I. MỤC ĐÍCH\n1. Một\n", "a\n", "II. NHIỆM VỤ\n"], 3, 4),
        ];
        for (texts, plans, sections) in rows {
            let index = SearchIndex::in_ram().expect("index");
            let w = index.writer().expect("writer");
            let files = texts.iter().enumerate().map(|(i, t)| FileText {
                path: format!("{i}.txt"),
                text: t.to_string(),
                hash: content_hash(str::as_bytes(t)),
            });
            let n = w.add_files(files).expect("add_files");
            w.finish().expect("finish");
            index.reload().expect("reload");
            let got = (
                n,
                index.count("plan").expect("count"),
                index.count("section").expect("count"),
            );
            assert_eq!(got, (plans + sections, plans, sections), "{texts:?}");
        }
    }

    /// The baseline's documents are cancu's minus what extraction adds: the same keys, in
    /// the same order, with the same bodies, and no citation or header field.
    #[test]
    fn documents_without_extraction_differ_only_by_extraction() {
        let (_, f) = crate::index::schema();
        let text = "UBND XÃ TÂN HÒA\nSố: 12/KH-UBND\nKẾ HOẠCH\nI. MỤC ĐÍCH\nCăn cứ Nghị định số 168/2018/NĐ-CP;\n1. Một\nLuật Dân quân tự vệ năm 2019\n";
        let first = |d: &TantivyDocument, field| {
            d.get_first(field)
                .and_then(|v| v.as_str())
                .map(String::from)
        };
        // The observed instruments' documents are extraction's too (here 168/2018/NĐ-CP).
        let (observed, with): (Vec<TantivyDocument>, Vec<TantivyDocument>) =
            documents(&f, "a.txt", text, "h")
                .into_iter()
                .partition(|d| first(d, f.doc_type).as_deref() == Some("observed"));
        let keys: Vec<Option<String>> = observed.iter().map(|d| first(d, f.observed)).collect();
        assert_eq!(keys, [Some("168/2018/NĐ-CP".to_string())]);
        let without = documents_without_extraction(&f, "a.txt", text, "h");
        assert_eq!(with.len(), 4, "plan + preamble + I + I.1");
        assert_eq!(with.len(), without.len());
        for (a, b) in with.iter().zip(&without) {
            for field in [f.key, f.doc_type, f.path, f.section, f.text] {
                assert_eq!(first(a, field), first(b, field));
            }
            for field in [f.cites, f.cites_folded, f.cite_keys, f.kind, f.title] {
                assert_eq!(first(b, field), None);
            }
        }
        let cited: Vec<String> = with
            .iter()
            .flat_map(|d| {
                d.get_all(f.cites)
                    .filter_map(|v| v.as_str())
                    .map(String::from)
            })
            .collect();
        assert!(cited.contains(&"168/2018/NĐ-CP".to_string()), "{cited:?}");
    }

    /// Regression: learned.json was written after the run's writer released the index lock,
    /// so a second run could take the lock, read the old store and race the first one's
    /// write. What `commit_then` runs, the run's lock is still held: another writer is busy.
    #[test]
    fn learned_store_written_under_the_lock() {
        let dir = std::env::temp_dir().join(format!("cancu-lock-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let index = SearchIndex::open_or_create(&dir).expect("index");
        let other = || SearchIndex::open(&dir).and_then(|i| i.writer().map(drop));
        let mut w = index.writer().expect("writer");
        let during = w.commit_then(other).expect("commit");
        assert!(matches!(during, Err(IndexError::Busy { .. })), "{during:?}");
        w.close().expect("close");
        assert!(other().is_ok(), "the lock is released by close");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Regression: the registry-only pass at the end of a first `index` read every stored
    /// document to list the indexed files, the peak memory of the whole run. It now reads
    /// none, and what the files taught, and the files themselves, stay in the index.
    #[test]
    fn a_registry_only_pass_keeps_the_files_and_what_they_taught() {
        let dir = std::env::temp_dir().join(format!("cancu-regpass-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let plans = dir.join("plans");
        std::fs::create_dir_all(&plans).expect("plans");
        std::fs::write(
            plans.join("nd.txt"),
            "CHÍNH PHỦ\nSố: 50/2026/NĐ-CP\nHà Nội, ngày 13 tháng 5 năm 2026\nNGHỊ ĐỊNH\nQuy định về hồ sơ\nĐiều 1. Hiệu lực\n1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Nghị định số 15/2018/NĐ-CP.\n",
        )
        .expect("write");
        let idx = dir.join("index");
        let index = SearchIndex::open_or_create(&idx).expect("index");
        let reg = crate::registry::Registry::builtin().expect("registry");
        let first = index
            .update_with_registry(std::slice::from_ref(&plans), Some(&reg), &mut |_| {})
            .expect("first pass");
        assert_eq!(first.added, 1);
        let taught = crate::registry::learned::LearnedStore::load(&idx);
        assert!(!taught.is_empty(), "the decree teaches its own entry");
        // A changed registry, indexed again with no roots.
        let mut reg2 = crate::registry::Registry::builtin().expect("registry");
        reg2.add_text(
            "extra.toml",
            "[[instrument]]\nid = \"99/2026/NĐ-CP\"\nkind = \"nghi-dinh\"\nstatus = \"in-force\"\n",
        )
        .expect("extra");
        let again = index
            .update_with_registry(&[], Some(&reg2), &mut |_| {})
            .expect("registry pass");
        assert!(
            again.instruments.is_some(),
            "the registry was indexed again"
        );
        assert_eq!((again.added, again.removed), (0, 0));
        let after = crate::registry::learned::LearnedStore::load(&idx);
        assert_eq!(after.len(), taught.len(), "what the files taught is kept");
        assert_eq!(index.indexed_files().expect("files").len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// `indexed_files` reads the paths and hashes from the fast fields: over several
    /// segments (one commit each), after a file is replaced (its old plan document
    /// deleted) and another removed, they are the stored ones of the live plan documents.
    #[test]
    fn indexed_files_are_the_stored_paths_and_hashes() {
        let index = SearchIndex::in_ram().expect("index");
        let f = index.fields;
        let rows: &[(&str, &str)] = &[
            ("a.txt", "I. MỤC ĐÍCH\nHuấn luyện dân quân."),
            ("thư mục/b.md", "Kế hoạch số 12/KH-UBND"),
            ("c.txt", ""),
        ];
        let mut w = index.writer().expect("writer");
        for (i, (path, text)) in rows.iter().enumerate() {
            w.add_file(path, text, &content_hash(str::as_bytes(text)))
                .expect("add");
            if i < 2 {
                w.commit().expect("commit");
            }
        }
        w.remove("a.txt");
        let changed = "I. MỤC ĐÍCH\nĐường tuần tra.";
        w.add_file("a.txt", changed, &content_hash(str::as_bytes(changed)))
            .expect("replace");
        w.remove("c.txt");
        w.finish().expect("finish");
        index.reload().expect("reload");
        let got = index.indexed_files().expect("files");
        let want: BTreeMap<String, String> = [("a.txt", changed), ("thư mục/b.md", rows[1].1)]
            .iter()
            .map(|(p, t)| (p.to_string(), content_hash(str::as_bytes(t))))
            .collect();
        assert_eq!(got, want);
        // The same as the stored fields of the live plan documents.
        let searcher = index.reader.searcher();
        let plans = searcher
            .search(
                &TermQuery::new(
                    Term::from_field_text(f.doc_type, "plan"),
                    IndexRecordOption::Basic,
                ),
                &DocSetCollector,
            )
            .expect("search");
        let stored: BTreeMap<String, String> = plans
            .into_iter()
            .map(|a| {
                let d: TantivyDocument = searcher.doc(a).expect("doc");
                let get = |field| {
                    d.get_first(field)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string()
                };
                (get(f.path), get(f.hash))
            })
            .collect();
        assert_eq!(got, stored);
    }

    /// What a file teaches, learned from the indexer's one extraction, is what
    /// `learn_document` learns from the text alone.
    #[test]
    fn learned_from_the_same_extraction() {
        let (_, f) = crate::index::schema();
        let rows = [
            "CHÍNH PHỦ\nSố: 50/2026/NĐ-CP\nHà Nội, ngày 13 tháng 5 năm 2026\nNGHỊ ĐỊNH\nQuy định về hồ sơ\nĐiều 1. Hiệu lực\n1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Nghị định số 15/2018/NĐ-CP.\n",
            "UBND XÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện Nghị định số 15/2018/NĐ-CP.\n",
            "",
            // An id, an effective date and a fact about two other instruments.
            "CHÍNH PHỦ\nSố: 51/2026/NĐ-CP\nHà Nội, ngày 14 tháng 5 năm 2026\nNGHỊ ĐỊNH\nQuy định về hồ sơ\nĐiều 1. Căn cứ\nNghị định số 15/2018/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 20/2020/NĐ-CP.\nĐiều 2. Hiệu lực\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.\n",
            // An id, the same fact, no effect and no effective date: nothing learned.
            "CHÍNH PHỦ\nSố: 52/2026/NĐ-CP\nHà Nội, ngày 15 tháng 5 năm 2026\nNGHỊ ĐỊNH\nQuy định về hồ sơ\nĐiều 1. Căn cứ\nNghị định số 15/2018/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 20/2020/NĐ-CP.\n",
            // No number of its own: an effective date and a fact, nothing learned.
            "NGHỊ ĐỊNH\nQuy định về hồ sơ\nĐiều 1. Căn cứ\nNghị định số 15/2018/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 20/2020/NĐ-CP.\nĐiều 2. Hiệu lực\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Nghị định số 16/2018/NĐ-CP.\n",
        ];
        for text in rows {
            let src = crate::source::SourceFile::plain("d.txt", text.to_string());
            let (docs, learned) = documents_and_learned(&f, src, "h");
            assert_eq!(docs.len(), documents(&f, "d.txt", text, "h").len());
            let want = crate::registry::learn::learn_document("d.txt", text);
            assert_eq!(
                serde_json::to_string(&learned).unwrap(),
                serde_json::to_string(&want).unwrap(),
                "{text:?}"
            );
        }
        let learned = |text: &str| {
            let src = crate::source::SourceFile::plain("d.txt", text.to_string());
            documents_and_learned(&f, src, "h").1
        };
        assert!(
            !learned(rows[0]).is_empty(),
            "the decree teaches its own entry"
        );
        let with_fact = learned(rows[3]);
        assert!(
            with_fact.len() > 1,
            "its own entry and the fact about 15/2018/NĐ-CP: {with_fact:?}"
        );
        assert!(learned(rows[4]).is_empty());
        assert!(learned(rows[5]).is_empty());
    }

    #[test]
    fn content_hash_table() {
        // Fixed values: a change of the function re-indexes every file once, so it must
        // be deliberate.
        let rows: [(&[u8], &str); 4] = [
            (b"", "e4d62b0858ea0599b2640ace8ffbeb0c"),
            (b"a", "86fe8a8d820f0eee3a8cd91f250f7608"),
            (b"0123456789abcdef", "607d851aa8a7fa67370f4e20e3b15ec8"),
            (
                "Nghị định 168/2018/NĐ-CP về công tác quốc phòng".as_bytes(),
                "cc0a805ec3d7447e05d8753e544ef15b",
            ),
        ];
        for (input, expected) in rows {
            assert_eq!(content_hash(input), expected, "{input:?}");
        }
        // Every length around the word and lane boundaries, and a one-bit change anywhere,
        // give another hash.
        let base: Vec<u8> = (0..40u8).collect();
        let mut seen = BTreeSet::new();
        for n in 0..=base.len() {
            assert!(seen.insert(content_hash(&base[..n])), "length {n}");
        }
        for i in 0..base.len() {
            let mut b = base.clone();
            b[i] ^= 1;
            assert!(seen.insert(content_hash(&b)), "bit flip at {i}");
        }
    }
}
