//! The search index ("chỉ mục tìm kiếm"): plans and their sections in a Tantivy index on
//! disk, updated incrementally, searched with Vietnamese diacritic folding.
//!
//! Documents (field `doc_type`):
//! - `plan`: one per file: path, content hash, header (title, kind, year, issuer) and the
//!   citations it holds as keywords (`cites`: "168/2018/NĐ-CP", "Luật Dân quân tự vệ";
//!   `cites_folded`: their folded keys), so "which plans cite X" is a term lookup. No body.
//! - `section`: one per outline section ([`update::sections`], from [`crate::outline`]: paths
//!   "II.1", "IV.2.a" as `cancu cites` prints them); the sections partition the
//!   text, so every byte is indexed once. Each holds the original text (stored, for snippets),
//!   the exact and folded bodies (both with positions: phrases are phrase queries on the
//!   folded one, checked on the exact one), the citations inside it and the plan's filter
//!   fields.
//! - `instrument`: one per registry instrument (path and `instrument` = its id; the label,
//!   number-symbol, title, law name, aliases and issuer as the exact and folded body; kind,
//!   year, issuer and `status` as filter fields). Replaced as a whole when the registry's
//!   content hash (kept in the `meta` document "meta:registry") changes.
//! - `observed`: one per file and observed instrument it cites (an instrument the registry
//!   may lack, issue #14 item 5; see [`observations`]): path = the citing file, `observed`
//!   = the canonical key, what that file's citations say of it (stored) and its label,
//!   number-symbol, titles, issuers and dates as the bodies. Merged by key when searched.
//! - `meta`: bookkeeping (the registry hash).
//!
//! Invariants: every document of a file carries its `path`, so one `delete_term(path)`
//! removes a file; a run commits once at the end (a crash leaves the last commit); stored
//! text is the original (diacritics intact, offsets into it). This module and its children
//! are the only code that knows tantivy; it knows nothing of clap or terminals.

pub mod abbrev;
pub mod analyzer;
pub mod observations;
pub mod query;
pub mod update;

use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{Index, IndexReader, ReloadPolicy};

pub use query::{Hit, SearchOptions, SearchRequest};
pub use update::{UpdateStats, Writer};

/// Default index directory.
pub const DEFAULT_DIR: &str = "index";

/// Memory given to the index writer (split among its threads).
pub const WRITER_MEMORY: usize = 64 * 1024 * 1024;

static WRITER_THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Cap this process's index writer threads (`cancu -j N`); set once, later calls ignored.
pub fn set_writer_threads(n: usize) {
    let _ = WRITER_THREADS.set(n.max(1));
}

/// Failures of the index (not problems in documents).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index {dir} is being written by another process; wait for it to finish")]
    Busy { dir: PathBuf },
    #[error("no index at {dir}; run `cancu index` first")]
    Missing { dir: PathBuf },
    #[error(
        "index {dir} was built with another schema (another cancu version); run `cancu index` to rebuild it"
    )]
    SchemaMismatch { dir: PathBuf },
    #[error(
        "{dir} holds a search index that is not cancu's (other fields); choose another --index directory"
    )]
    NotOurs { dir: PathBuf },
    #[error("index {dir}: {err}")]
    Io { dir: PathBuf, err: std::io::Error },
    #[error("index {dir}: {err}")]
    Tantivy {
        dir: PathBuf,
        err: tantivy::TantivyError,
    },
    #[error("bad query: {0}")]
    Query(QueryError),
}

/// Why a query cannot be run: typed, worded by the message catalogue
/// ([`crate::messages::index_error`]; its `Display` is the English text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// A quoted phrase without words.
    NoWords(String),
    /// An issuer without words.
    NoIssuerWords(String),
    /// The query holds nothing to search for.
    Nothing(String),
    /// An unknown document type.
    UnknownType(String),
    /// An unknown status, and the known ones.
    UnknownStatus(String, String),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::query_error(
            crate::messages::Lang::En,
            self,
        ))
    }
}

/// The fields of the schema, by role.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Unique per document: the path, plus "#II.3" for a section.
    pub key: Field,
    /// The file's path as given to `cancu index`.
    pub path: Field,
    /// "plan", "section", "instrument", "observed", "meta".
    pub doc_type: Field,
    /// Content hash of the file (plan documents; the registry's on the meta document). A
    /// fast field: listing the indexed files and their hashes reads no stored document.
    pub hash: Field,
    /// Outline path of a section ("II.3"; "" before the first heading).
    pub section: Field,
    /// Heading line of a section.
    pub heading: Field,
    /// The plan's title (from its header).
    pub title: Field,
    /// Original text of a section (stored only).
    pub text: Field,
    /// Body terms with diacritics (`vi_exact`).
    pub body: Field,
    /// Body terms folded (`vi_folded`).
    pub body_folded: Field,
    /// Cited instruments: canonical number-symbol or law name, as written properly.
    pub cites: Field,
    /// The same, folded ([`crate::normalize::fold_key`]): what queries look up.
    pub cites_folded: Field,
    /// Kind slug of the plan's own header ("ke-hoach").
    pub kind: Field,
    /// Year of the plan's own header.
    pub year: Field,
    /// Issuer of the plan's own header, as written properly.
    pub issuer: Field,
    /// The issuer, folded terms (for `--issuer` filters by words).
    pub issuer_folded: Field,
    /// Instrument documents: the registry id.
    pub instrument: Field,
    /// Instrument documents: the status slug ("in-force", "expired", ...).
    pub status: Field,
    /// Instrument documents: the short label ("Luật Dân quân tự vệ 48/2019/QH14").
    pub label: Field,
    /// What resolution matches citations on, so a candidate set of plans for a `cites`
    /// question is a term lookup: "n:168" (number key of a numbered citation) and
    /// "l:luat dan quan tu ve" (folded law name of a citation by name). Also, on instrument
    /// documents, "ns:<folded number-symbol>" and "ns:<…>:<year>" (is an observed key the
    /// registry's?), and on observed documents "o:<family>" ([`crate::observed::family`]:
    /// the keys one merge may join).
    pub cite_keys: Field,
    /// Observed documents: the observed instrument's canonical key (fast: the candidates
    /// of a search are grouped by it without reading stored documents).
    pub observed: Field,
    /// Observed documents: what the file's citations say of it, as JSON
    /// ([`crate::observed::Observation`]s).
    pub observations: Field,
}

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_with = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    // A keyword (one term, as written) with its frequency recorded: a term query on it keeps
    // a conjunction of terms one that tantivy prunes (block-max WAND needs frequencies).
    let keyword = || {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let fields = Fields {
        key: b.add_text_field("key", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED | FAST),
        doc_type: b.add_text_field("doc_type", keyword() | STORED),
        hash: b.add_text_field("hash", STORED | FAST),
        section: b.add_text_field("section", STRING | STORED | FAST),
        heading: b.add_text_field("heading", STORED),
        title: b.add_text_field("title", STORED),
        text: b.add_text_field("text", STORED),
        body: b.add_text_field("body", text_with(analyzer::EXACT)),
        body_folded: b.add_text_field("body_folded", text_with(analyzer::FOLDED)),
        cites: b.add_text_field("cites", STRING | STORED),
        cites_folded: b.add_text_field("cites_folded", keyword()),
        kind: b.add_text_field("kind", keyword() | STORED | FAST),
        year: b.add_u64_field("year", INDEXED | STORED | FAST),
        issuer: b.add_text_field("issuer", STRING | STORED | FAST),
        issuer_folded: b.add_text_field("issuer_folded", text_with(analyzer::FOLDED)),
        instrument: b.add_text_field("instrument", STRING | STORED),
        status: b.add_text_field("status", STRING | STORED | FAST),
        label: b.add_text_field("label", STORED),
        cite_keys: b.add_text_field("cite_keys", STRING),
        observed: b.add_text_field("observed", STRING | STORED | FAST),
        observations: b.add_text_field("observations", STORED),
    };
    (b.build(), fields)
}

/// An open index: the tantivy index with the Vietnamese analyzers registered, and a reader
/// on its last commit.
pub struct SearchIndex {
    pub index: Index,
    pub fields: Fields,
    pub reader: IndexReader,
    pub dir: PathBuf,
}

impl SearchIndex {
    /// Open the index in `dir`, creating it (and the directory) when there is none.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, IndexError> {
        let (schema, _) = self::schema();
        let exists = dir.join("meta.json").is_file();
        let index = if exists {
            Index::open_in_dir(dir).map_err(|e| tantivy_err(dir, e))?
        } else {
            std::fs::create_dir_all(dir).map_err(|err| IndexError::Io {
                dir: dir.to_path_buf(),
                err,
            })?;
            match Index::create_in_dir(dir, schema) {
                Ok(i) => i,
                // Created by another process in the meantime.
                Err(tantivy::TantivyError::IndexAlreadyExists) => {
                    Index::open_in_dir(dir).map_err(|e| tantivy_err(dir, e))?
                }
                Err(e) => return Err(tantivy_err(dir, e)),
            }
        };
        Self::wrap(dir, index)
    }

    /// [`SearchIndex::open_or_create`], but a cancu index built with another schema (by
    /// another cancu version) is emptied and created anew: the index is a cache of the
    /// texts, and `cancu index` is what rebuilds it. True when it was rebuilt.
    ///
    /// Safety: only an index whose schema has cancu's own fields is touched (any other
    /// tantivy index stays [`IndexError::SchemaMismatch`]); the schema is checked again under
    /// the old index's writer lock (another writer is [`IndexError::Busy`]); only `meta.json`
    /// is removed, and the old segment files, still listed in tantivy's `.managed.json`, are
    /// garbage-collected by tantivy at the new index's first commit. Nothing else in `dir` is
    /// touched.
    pub fn open_or_rebuild(dir: &Path) -> Result<(SearchIndex, bool), IndexError> {
        match Self::open_or_create(dir) {
            Err(IndexError::SchemaMismatch { .. }) => {}
            other => return other.map(|i| (i, false)),
        }
        let old = Index::open_in_dir(dir).map_err(|e| tantivy_err(dir, e))?;
        let ours = ["key", "path", "doc_type", "body_folded", "cites_folded"]
            .iter()
            .all(|name| old.schema().get_field(name).is_ok());
        if !ours {
            return Err(IndexError::NotOurs {
                dir: dir.to_path_buf(),
            });
        }
        let lock = old
            .writer::<tantivy::TantivyDocument>(WRITER_MEMORY)
            .map_err(|e| tantivy_err(dir, e))?;
        // Another process may have rebuilt it while we waited for the lock.
        let current = Index::open_in_dir(dir).map_err(|e| tantivy_err(dir, e))?;
        let (schema, _) = self::schema();
        if serde_json::to_string(&current.schema()).ok() != serde_json::to_string(&schema).ok() {
            std::fs::remove_file(dir.join("meta.json")).map_err(|err| IndexError::Io {
                dir: dir.to_path_buf(),
                err,
            })?;
        }
        drop(lock);
        Ok((Self::open_or_create(dir)?, true))
    }

    /// Open an existing index for reading.
    pub fn open(dir: &Path) -> Result<SearchIndex, IndexError> {
        if !dir.join("meta.json").is_file() {
            return Err(IndexError::Missing {
                dir: dir.to_path_buf(),
            });
        }
        let index = Index::open_in_dir(dir).map_err(|e| tantivy_err(dir, e))?;
        Self::wrap(dir, index)
    }

    /// A fresh index in memory (tests, benchmarks).
    pub fn in_ram() -> Result<SearchIndex, IndexError> {
        let (schema, _) = self::schema();
        Self::wrap(Path::new("<ram>"), Index::create_in_ram(schema))
    }

    fn wrap(dir: &Path, index: Index) -> Result<SearchIndex, IndexError> {
        let (schema, fields) = self::schema();
        let same =
            serde_json::to_string(&index.schema()).ok() == serde_json::to_string(&schema).ok();
        if !same {
            return Err(IndexError::SchemaMismatch {
                dir: dir.to_path_buf(),
            });
        }
        analyzer::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| tantivy_err(dir, e))?;
        Ok(SearchIndex {
            index,
            fields,
            reader,
            dir: dir.to_path_buf(),
        })
    }

    /// Take the writer lock. Another process holding it is [`IndexError::Busy`]. Indexing
    /// threads: as [`set_writer_threads`] said, else tantivy's choice (CPUs, at most 8).
    pub fn writer(&self) -> Result<Writer, IndexError> {
        let w = match WRITER_THREADS.get() {
            // tantivy needs at least 15 MB a thread and uses at most 8 threads.
            Some(&n) => self.index.writer_with_num_threads(
                n.clamp(1, 8),
                WRITER_MEMORY.max(n.clamp(1, 8) * 16 * 1024 * 1024),
            ),
            None => self.index.writer(WRITER_MEMORY),
        }
        .map_err(|e| tantivy_err(&self.dir, e))?;
        Ok(Writer::new(w, self.fields, self.dir.clone()))
    }

    /// See the last commit (after this process committed).
    pub fn reload(&self) -> Result<(), IndexError> {
        self.reader.reload().map_err(|e| tantivy_err(&self.dir, e))
    }

    /// The content hash recorded for an indexed file (its `plan` document, whose key is the
    /// path), or None when the file is not in the last commit seen. One term lookup.
    pub fn indexed_hash(&self, path: &str) -> Result<Option<String>, IndexError> {
        let q = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(self.fields.key, path),
            IndexRecordOption::Basic,
        );
        let searcher = self.reader.searcher();
        let top = searcher
            .search(
                &q,
                &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
            )
            .map_err(|e| tantivy_err(&self.dir, e))?;
        let Some((_, addr)) = top.into_iter().next() else {
            return Ok(None);
        };
        let d: tantivy::TantivyDocument =
            searcher.doc(addr).map_err(|e| tantivy_err(&self.dir, e))?;
        use tantivy::schema::Value as _;
        Ok(d.get_first(self.fields.hash)
            .and_then(|v| v.as_str())
            .map(String::from))
    }

    /// Number of documents of a type in the last commit seen.
    pub fn count(&self, doc_type: &str) -> Result<usize, IndexError> {
        let q = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(self.fields.doc_type, doc_type),
            IndexRecordOption::Basic,
        );
        self.reader
            .searcher()
            .search(&q, &tantivy::collector::Count)
            .map_err(|e| tantivy_err(&self.dir, e))
    }
}

/// Map a tantivy error, recognizing a busy writer lock.
pub(crate) fn tantivy_err(dir: &Path, err: tantivy::TantivyError) -> IndexError {
    match err {
        tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _) => {
            IndexError::Busy {
                dir: dir.to_path_buf(),
            }
        }
        err => IndexError::Tantivy {
            dir: dir.to_path_buf(),
            err,
        },
    }
}
