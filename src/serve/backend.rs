//! What the web server asks of the knowledge base, and the views it gets back.
//!
//! [`Backend`] is the server's only window on plans, the registry, search and checks: four
//! questions (search, a document, an instrument, the graph around something), each answered
//! with a plain serializable view that the HTML pages and the JSON API both render. The views
//! carry byte spans into the ORIGINAL text; they never carry HTML.
//! This module must NOT know HTTP, HTML or where the data comes from (files, an index).

use crate::model::{Date, Header, Kind, SectionRef};
use serde::Serialize;

/// Longest accepted query, in characters (longer is a 400); the search box's `maxlength`.
pub const MAX_QUERY_CHARS: usize = 512;
/// `limit` (hits or documents per page) is a number from 1 to this; anything else is a 400.
pub const MAX_LIMIT: usize = 100;
/// Deepest `offset` a search pages to (past it, refine the query).
pub const MAX_OFFSET: usize = 1000;
/// Hits returned when no limit is given.
pub const DEFAULT_LIMIT: usize = 20;
/// Most nodes a graph view holds.
pub const MAX_GRAPH_NODES: usize = 200;

/// Why the backend could not answer (a failure of the tool, shown as a 500 page).
#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("registry {path}: {message}")]
    Registry { path: String, message: String },
    #[error("index: {0}")]
    Index(String),
}

/// A search request, already validated by the caller (query length, limit bounds).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchQuery {
    /// The words typed, diacritics optional.
    pub q: String,
    /// Kind of the document or instrument ("nghi-dinh").
    pub kind: Option<Kind>,
    pub year: Option<i32>,
    /// Words of the issuer's name, diacritics optional.
    pub issuer: Option<String>,
    /// The one status vocabulary ([`crate::model::StatusFilter`], as `cancu search
    /// --status`): instruments it keeps, documents citing one it keeps.
    pub status: Option<crate::model::StatusFilter>,
    /// Hits skipped (paging).
    pub offset: usize,
    pub limit: usize,
}

/// Where a citation's instrument stands at the citing document's date ("hiệu lực").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// In force — "còn hiệu lực".
    InForce,
    /// Expired, replaced or superseded — "hết hiệu lực / đã bị thay thế".
    Outdated,
    /// Known to the registry, status unknown — "chưa rõ hiệu lực".
    Unknown,
    /// Not found (or ambiguous) in the registry — "chưa xác định được văn bản".
    Unresolved,
    /// Written wrong ("viết sai thể thức"); a filter value only: a citation carries it
    /// as its `malformed` flag beside its standing.
    Malformed,
}

impl Standing {
    pub const ALL: [Standing; 5] = [
        Standing::InForce,
        Standing::Outdated,
        Standing::Unknown,
        Standing::Unresolved,
        Standing::Malformed,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Standing::InForce => "in-force",
            Standing::Outdated => "outdated",
            Standing::Unknown => "unknown",
            Standing::Unresolved => "unresolved",
            Standing::Malformed => "malformed",
        }
    }

    pub fn from_slug(s: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|x| x.slug() == s)
    }

    /// The Vietnamese label shown to users.
    pub fn vietnamese(self) -> &'static str {
        super::text::standing(super::text::Lang::Vi, self.slug())
    }
}

/// A piece of a snippet: original text, highlighted or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hl: bool,
}

/// What a hit points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Target {
    Document { id: String },
    Instrument { id: String },
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub target: Target,
    /// The document's title or the instrument's label.
    pub title: String,
    /// The section of the document that matched ("II.1").
    pub section: Option<SectionRef>,
    pub snippet: Vec<Fragment>,
    pub score: f32,
    /// For an instrument: its status, dates and issuer (two instruments with the same number
    /// are told apart by them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<InstrumentRef>,
    /// For a document: its file against the index the hit came from.
    #[serde(skip_serializing_if = "FileState::is_fresh")]
    pub file: FileState,
    /// How the index matched the query's words ("exact-phrase", "phrase", "exact-words",
    /// "words", "required"; [`crate::index::query::Match`]); absent when the query had no
    /// words (a listing by filters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<&'static str>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    /// Every hit the query has (files and instruments), not only this page's.
    pub total: usize,
    /// Hits skipped before this page.
    pub offset: usize,
    pub hits: Vec<Hit>,
    /// What answered.
    pub engine: Engine,
}

/// What answered a search: the search index on disk ("chỉ mục", `--index`), or the corpus
/// folder read and indexed in memory by the same code (`scan`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    #[default]
    Scan,
    Index,
}

/// A short reference to a registry instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstrumentRef {
    pub id: String,
    /// "Nghị định 168/2018/NĐ-CP", "Luật Dân quân tự vệ 2019".
    pub label: String,
    pub kind: Kind,
    /// The registry's status ("in-force", "superseded", ...).
    pub status: crate::registry::Status,
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Date of issue ("ngày ban hành").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
}

/// A registry status from its slug ("superseded"); `unknown` for anything else.
pub fn status_from_slug(slug: &str) -> crate::registry::Status {
    crate::registry::Status::from_slug(slug).unwrap_or_default()
}

/// How a registry status ranks among hits matching the same words: in force first, then
/// partly expired, not yet in force, unknown, and last what no longer applies.
pub fn status_rank(st: crate::registry::Status) -> u8 {
    use crate::registry::Status::*;
    match st {
        InForce => 0,
        PartlyExpired => 1,
        NotYetInForce => 2,
        Unknown => 3,
        Expired | Superseded => 4,
    }
}

/// A document in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    pub id: String,
    pub title: String,
    /// The file as it is now against what was analysed or indexed.
    #[serde(skip_serializing_if = "FileState::is_fresh")]
    pub file: FileState,
    pub header: Header,
    pub citations: usize,
    pub outdated: usize,
    pub malformed: usize,
    pub unresolved: usize,
}

/// A file against the index that holds it (as `cancu search` marks hits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileState {
    #[default]
    Fresh,
    /// Changed since it was indexed.
    Stale,
    /// Deleted or moved since it was indexed.
    Gone,
}

impl FileState {
    pub fn is_fresh(&self) -> bool {
        *self == FileState::Fresh
    }
}

/// One citation as the document page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CitedView {
    pub index: usize,
    pub text: String,
    pub kind: Kind,
    pub canonical: Option<String>,
    /// Byte offsets of the ORIGINAL file.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the document's `text` (decoded, NFC): what the page marks.
    pub text_start: usize,
    pub text_end: usize,
    pub line: usize,
    pub column: usize,
    pub section: Option<SectionRef>,
    pub standing: Standing,
    /// Written wrong (a shape finding or an extractor defect).
    pub malformed: bool,
    pub instrument: Option<InstrumentRef>,
    /// When the registry holds several and nothing tells them apart.
    pub candidates: Vec<InstrumentRef>,
    /// The observed instrument (not in the registry, status unknown) a citation that
    /// resolves to nothing names: its page is `/instruments/ID`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<InstrumentRef>,
}

/// A problem found in a document, with its fix.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The citation it is about (index into `citations`).
    pub citation: Option<usize>,
    pub code: String,
    /// "shape", "consistency", "time" or "unknown".
    pub category: String,
    /// "error", "warning", "note".
    pub severity: String,
    pub message: String,
    /// Explanations and context ("in force in its place: 44-NQ/TW").
    pub notes: Vec<String>,
    pub suggestion: Option<String>,
    /// Byte offsets of the ORIGINAL file.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the document's `text` (decoded, NFC).
    pub text_start: usize,
    pub text_end: usize,
    pub line: usize,
    pub column: usize,
}

/// One item of the plan's outline, with the instruments that back it.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// "II.1".
    pub path: String,
    pub heading: String,
    /// Byte offset of the item's first line in the ORIGINAL file.
    pub start: usize,
    /// Byte offset of the item's first line in the document's `text`.
    pub text_start: usize,
    /// 1 for "I.", 2 for "1.", 3 for "a)".
    pub depth: usize,
    /// Instruments cited in this item (not its sub-items), each once.
    pub instruments: Vec<InstrumentRef>,
    /// Citations in this item that resolve to nothing.
    pub unresolved: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub summary: DocumentSummary,
    /// The text as read (decoded, NFC): `text_start`/`text_end` index into it; `start`/`end`
    /// are byte offsets of the ORIGINAL file (they differ for UTF-16, legacy encodings, NFD or
    /// a byte-order mark).
    pub text: String,
    pub citations: Vec<CitedView>,
    pub findings: Vec<Finding>,
    pub sections: Vec<SectionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub reference: String,
    pub supports: Vec<String>,
    pub verified: bool,
}

/// A relation to another instrument, seen from this one.
#[derive(Debug, Clone, Serialize)]
pub struct RelationView {
    /// "replaces", "amended-by", ... read from this instrument's side.
    pub kind: crate::registry::RelationType,
    pub other_id: String,
    /// None when the other id is not in the registry (a dangling relation).
    pub other: Option<InstrumentRef>,
    pub date: Option<Date>,
    pub verified: bool,
    pub source: Option<String>,
}

/// A dated event in the instrument's life.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub date: Option<Date>,
    /// What happened, in Vietnamese ("ban hành", "có hiệu lực", "bị thay thế bởi").
    pub what: String,
    pub other: Option<InstrumentRef>,
}

/// A place in a document that cites the instrument.
#[derive(Debug, Clone, Serialize)]
pub struct CitedBy {
    pub document: String,
    pub title: String,
    pub citation: usize,
    pub section: Option<SectionRef>,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentView {
    #[serde(flatten)]
    pub summary: InstrumentRef,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<Date>,
    pub effective: Option<Date>,
    pub law_name: Option<String>,
    pub status_date: Option<Date>,
    pub aliases: Vec<String>,
    pub note: Option<String>,
    pub verified: bool,
    pub sources: Vec<SourceView>,
    pub timeline: Vec<Event>,
    pub relations_out: Vec<RelationView>,
    pub relations_in: Vec<RelationView>,
    pub cited_by: Vec<CitedBy>,
    /// For an instrument the registry lacks: what the citations say of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<ObservedFacts>,
}

/// What the citations say of an observed instrument (one the registry lacks; its status is
/// unknown): every date written with its count, the majority first, and every title.
#[derive(Debug, Clone, Serialize)]
pub struct ObservedFacts {
    pub dates: Vec<crate::observed::DateCount>,
    /// The citations give different dates.
    pub conflict: bool,
    pub titles: Vec<String>,
    pub citations: usize,
    pub documents: usize,
}

/// What a graph is drawn around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "kebab-case")]
pub enum Center {
    /// Everything (up to the node limit).
    All,
    Document(String),
    Instrument(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// "d:<document id>" or "i:<instrument id>".
    pub id: String,
    /// "document" or "instrument".
    pub kind: String,
    pub label: String,
    /// A [`Standing`] slug for instruments, "document" for documents.
    pub status: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    /// "cites" or a relation type ("replaces", "amends", "guides", ...).
    pub kind: String,
    /// For "cites": the sections that cite, comma-separated.
    pub sections: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GraphView {
    pub center: Center,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Nodes were left out to stay under the limit.
    pub truncated: bool,
}

/// The knowledge base as the server sees it. Implementations must be cheap to call per
/// request and must pick up a re-indexed corpus without a restart.
pub trait Backend: Send + Sync {
    fn search(&self, q: &SearchQuery) -> Result<SearchResults, BackendError>;
    fn documents(&self) -> Result<Vec<DocumentSummary>, BackendError>;
    /// None when no such document.
    fn document(&self, id: &str) -> Result<Option<DocumentView>, BackendError>;
    /// None when no such instrument.
    fn instrument(&self, id: &str) -> Result<Option<InstrumentView>, BackendError>;
    /// None when the center does not exist.
    fn graph(&self, center: &Center, max_nodes: usize) -> Result<Option<GraphView>, BackendError>;
}
