//! Reading documents from disk or stdin into [`SourceFile`]s: the only module that knows
//! file formats (plain text, Markdown, HTML, JSON, DOCX, PDF) and character encodings
//! (UTF-8/16, Windows-1258, TCVN3, VNI). A bad file is an error value naming the file; it
//! never stops a run over other files, and no input makes it panic.
//!
//! The text handed to the extractor is Unicode NFC. For text formats (.txt, .md, .html) every
//! offset in it maps back to a byte offset in the ORIGINAL file ([`SourceFile::original`]);
//! for DOCX and PDF it maps to a place a user can find: the paragraph or the page
//! ([`SourceFile::locate`]). It must NOT know citations, the registry or output formats.
//!
//! Size is checked before reading and every read is bounded by the limit ([`read_bytes`]:
//! a device or pipe is refused at the limit; DOCX parts and PDF text held to it, refused, never
//! cut). Reading runs at memory speed ([`fast`]): valid UTF-8 that is plainly Unicode and
//! already NFC becomes the text without a copy or an offset map; only the suspicious rest is
//! scored for legacy encodings, and text holding a Vietnamese letter beyond Windows-1252 is
//! never re-decoded; `--encoding` overrides detection. The TCVN3 and VNI tables are data in
//! `corpus/encodings/`. [`writeback`] writes fixes back in the file's own encoding and form.

pub mod docx;
pub mod encoding;
pub mod fast;
pub mod html;
pub mod json;
pub mod legacy;
pub mod offsets;
pub mod pdf;
pub mod writeback;

pub use encoding::{Detected, Encoding};
pub use offsets::OffsetMap;

use std::path::{Path, PathBuf};

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Docx,
    Pdf,
}

impl Format {
    /// From a file extension (lowercase, no dot).
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// A place in a DOCX or PDF a user can find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase", tag = "in", content = "n")]
pub enum Location {
    /// A PDF page, from 1 ("trang").
    Page(u32),
    /// A DOCX body paragraph, from 1, table cells included, in reading order ("đoạn").
    Paragraph(u32),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Page(n) => write!(f, "page {n}"),
            Location::Paragraph(n) => write!(f, "paragraph {n}"),
        }
    }
}

/// Text kept apart from the body: DOCX headers and footers ("đầu trang", "chân trang").
#[derive(Debug, Clone, serde::Serialize)]
pub struct Aside {
    /// "header" or "footer".
    pub kind: &'static str,
    /// The part it came from (`word/header1.xml`).
    pub part: String,
    pub text: String,
}

/// A document read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    /// The text the extractor reads (Unicode NFC; for DOCX/PDF the body text).
    pub text: String,
    pub format: Format,
    /// The character encoding detected (text formats; DOCX/PDF carry Unicode themselves).
    pub encoding: Option<Detected>,
    /// Problems met that did not stop the reading (lossy decoding, dropped parts).
    pub warnings: Vec<Warning>,
    /// Text offset → original byte offset (text formats only).
    pub map: Option<OffsetMap>,
    /// For DOCX/PDF: where each paragraph or page starts in `text`, in order.
    pub locations: Vec<(usize, Location)>,
    /// DOCX headers and footers, kept out of `text`.
    pub asides: Vec<Aside>,
}

impl SourceFile {
    /// A UTF-8 text already in memory (offsets are identical to the original).
    pub fn plain(path: &str, text: String) -> SourceFile {
        SourceFile {
            path: path.into(),
            text,
            format: Format::Text,
            encoding: None,
            warnings: Vec::new(),
            map: Some(OffsetMap::default()),
            locations: Vec::new(),
            asides: Vec::new(),
        }
    }

    /// The byte offset in the original file of text offset `t`, for text formats.
    pub fn original(&self, t: usize) -> Option<usize> {
        self.map.as_ref().map(|m| m.original(t))
    }

    /// The page or paragraph holding text offset `t` (DOCX/PDF).
    pub fn locate(&self, t: usize) -> Option<Location> {
        let i = self.locations.partition_point(|&(s, _)| s <= t);
        i.checked_sub(1).map(|i| self.locations[i].1)
    }

    /// Up to `radius` bytes of text each side of `start..end`, on char boundaries, with
    /// line breaks shown as spaces: what a user sees around a citation.
    pub fn context(&self, start: usize, end: usize, radius: usize) -> String {
        let t = &self.text;
        let mut a = start.min(t.len()).saturating_sub(radius);
        while !t.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = end.min(t.len()).saturating_add(radius).min(t.len());
        while !t.is_char_boundary(b) {
            b += 1;
        }
        t[a..b].split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Rewrite a citation's spans from text offsets to original byte offsets (text formats;
    /// DOCX/PDF spans stay text offsets, found through [`SourceFile::locate`]).
    pub fn to_original(&self, c: &mut crate::model::Citation) {
        if let Some(m) = self.map.as_ref().filter(|m| !m.is_identity()) {
            c.start = m.original(c.start);
            c.end = m.original(c.end);
        }
    }
}

/// Why a file could not be read. Every message names the file; its words come from the
/// message catalogue ([`crate::messages::source_error`]), in Vietnamese or English: the
/// `Display` of an error is its English text there.
#[derive(Debug)]
pub enum SourceError {
    Io {
        path: String,
        err: std::io::Error,
    },
    /// Bytes that are not text.
    Binary {
        path: String,
        why: encoding::NotText,
    },
    NotText {
        path: String,
        offset: usize,
    },
    Empty {
        path: String,
    },
    Missing {
        path: String,
    },
    TooLarge {
        path: String,
        size: u64,
        limit: u64,
    },
    /// More than the size limit came: refused, never cut.
    OverLimit {
        path: String,
        what: Over,
        limit: u64,
    },
    /// A DOCX, PDF or JSON file that does not read as one.
    Corrupt {
        path: String,
        format: &'static str,
        why: Broken,
    },
    NoTextLayer {
        path: String,
        pages: usize,
    },
    NoTextField {
        path: String,
    },
    /// A link followed (`--follow`) that leads back to a folder above it: not walked again.
    Loop {
        path: String,
        ancestor: String,
    },
}

/// A problem met that did not stop the reading: typed, worded by the message catalogue
/// ([`crate::messages::warning`]; its `Display` is the English text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Invalid UTF-8: the first bad byte and how many bad sequences became U+FFFD.
    BadUtf8 { first: usize, count: usize },
    /// This many invalid UTF-16 code units became U+FFFD.
    BadUtf16(usize),
    /// DOCX tracked changes read as accepted: insertions kept, deletions skipped.
    TrackedChanges { insertions: usize, deletions: usize },
    /// A DOCX header or footer left out, and why.
    Aside(Broken),
    /// A DOCX header or footer left out: over the size limit.
    AsideOver(Over, u64),
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::warning(crate::messages::Lang::En, self))
    }
}

/// What went over the size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Over {
    /// More than the limit was read (an endless input: a device, a pipe, a growing file).
    Read,
    /// This part of a DOCX decompresses to more than the limit (a zip bomb?).
    Part(String),
    /// A DOCX's or PDF's text, decompressed, is this many bytes.
    Text(usize),
}

/// Why a DOCX, PDF or JSON file does not read as one. Where the parsing library gives the
/// only account of it, its words are kept as `detail` (technical text, not translated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// Not a ZIP package (a .docx is one).
    NotZip,
    /// A Word 97-2003 document (.doc) under another name.
    LegacyDoc,
    /// The package has no such part.
    NoPart(String),
    /// The part does not decompress or read.
    BadPart { part: String, detail: String },
    /// The part is not UTF-8 (valid up to this byte).
    PartNotUtf8 { part: String, offset: usize },
    /// The part's XML is not well formed.
    BadXml { part: String, detail: String },
    /// The PDF parser stopped on it.
    Pdf(String),
    /// The PDF parser crashed on it.
    PdfCrashed,
    /// A PDF without pages.
    NoPages,
    /// A JSON syntax error at this line and column (from 1).
    Json { line: usize, column: usize },
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::source_error(
            crate::messages::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for SourceError {}

impl SourceError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        use SourceError as E;
        match self {
            E::Io { path, .. }
            | E::Binary { path, .. }
            | E::NotText { path, .. }
            | E::Empty { path }
            | E::Missing { path }
            | E::TooLarge { path, .. }
            | E::OverLimit { path, .. }
            | E::Corrupt { path, .. }
            | E::NoTextLayer { path, .. }
            | E::NoTextField { path }
            | E::Loop { path, .. } => path,
        }
    }
}

/// How to read files.
#[derive(Debug, Clone)]
pub struct Options {
    /// Use this encoding instead of detecting one (text formats).
    pub encoding: Option<Encoding>,
    /// Refuse files larger than this many bytes.
    pub max_bytes: u64,
}

/// The default size limit: 100 MiB (a plan is rarely over 1 MiB; memory use is a few times
/// the file size).
pub const DEFAULT_MAX_BYTES: u64 = 100 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// File extensions read when walking directories.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "json", "docx", "pdf"];

/// Read one file with the default options.
pub fn read_file(path: &Path) -> Result<SourceFile, SourceError> {
    read_file_with(path, &Options::default())
}

/// Read one file: the size is checked before reading.
pub fn read_file_with(path: &Path, opts: &Options) -> Result<SourceFile, SourceError> {
    let p = path.display().to_string();
    let io = |err: std::io::Error| {
        if err.kind() == std::io::ErrorKind::NotFound {
            SourceError::Missing { path: p.clone() }
        } else {
            SourceError::Io {
                path: p.clone(),
                err,
            }
        }
    };
    // Opened, then its size asked of the open file: one lookup of the path. A file that
    // does not open is looked at by its path, so that a folder or a file over the limit is
    // told as such whether or not it can be opened.
    let (file, meta) = match std::fs::File::open(path) {
        Ok(f) => {
            let meta = f.metadata().map_err(io)?;
            (Ok(f), meta)
        }
        Err(err) => (Err(err), std::fs::metadata(path).map_err(io)?),
    };
    if meta.is_dir() {
        return Err(SourceError::Io {
            path: p.clone(),
            err: std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory"),
        });
    }
    if meta.len() > opts.max_bytes {
        return Err(SourceError::TooLarge {
            path: p,
            size: meta.len(),
            limit: opts.max_bytes,
        });
    }
    // Not a folder, not too large: the error of opening it, if it did not open.
    let file = file.map_err(io)?;
    let bytes = read_open(&p, file, meta.len(), opts.max_bytes)?;
    let ext = path
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    from_bytes_as(&p, bytes, Format::from_extension(&ext), opts)
}

/// The bytes of a file, read to at most `limit` bytes: a file that turns out longer (one
/// growing while read, a device such as `/dev/zero`, a pipe) is refused at the limit with
/// [`SourceError::OverLimit`], never read on without end nor silently cut.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, SourceError> {
    let p = || path.display().to_string();
    let io = |err: std::io::Error| {
        if err.kind() == std::io::ErrorKind::NotFound {
            SourceError::Missing { path: p() }
        } else {
            SourceError::Io { path: p(), err }
        }
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    read_open(&p(), f, len, limit)
}

/// [`read_bytes`] of a file already open whose size is said to be `len`.
fn read_open(path: &str, f: std::fs::File, len: u64, limit: u64) -> Result<Vec<u8>, SourceError> {
    let hint = len.min(limit) as usize;
    // Into the memory of a text this thread no longer needs, if one fits.
    let into = spare_string(hint.saturating_add(1)).into_bytes();
    read_limited_into(path, f, limit, hint, into)
}

/// Spare texts kept by a thread ([`give_back`]), and the largest kept.
const SPARE_KEPT: usize = 3;
const SPARE_MAX: usize = 4 << 20;

thread_local! {
    /// Texts this thread no longer needs (the bytes of the JSON files it read, once their
    /// text was taken out; the documents it analysed), emptied: the next file is read, or
    /// the next JSON text unescaped, into their memory rather than into fresh memory the
    /// kernel has to clear page by page.
    static SPARE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Give a text no longer needed back to this thread's reading (at most three kept, of at
/// most 4 MiB each; the smallest makes way for a larger one).
pub fn give_back(mut text: String) {
    if text.capacity() == 0 || text.capacity() > SPARE_MAX {
        return;
    }
    text.clear();
    SPARE.with_borrow_mut(|spare| keep_spare(spare, text, SPARE_KEPT, String::capacity));
}

/// An empty string with room for `n` bytes: a spare one of this thread ([`give_back`])
/// that holds them without being more than twice as large (plus 64 KiB), else a new one.
pub(crate) fn spare_string(n: usize) -> String {
    SPARE
        .with_borrow_mut(|spare| take_fitting(spare, n, String::capacity))
        .unwrap_or_else(|| String::with_capacity(n))
}

/// Keep the emptied buffer `b` among at most `kept` spares: the smallest makes way for a
/// larger one (`cap`: a buffer's capacity). Shared by the pools of reused buffers.
pub(crate) fn keep_spare<T>(spare: &mut Vec<T>, b: T, kept: usize, cap: impl Fn(&T) -> usize) {
    if spare.len() < kept {
        spare.push(b);
    } else if let Some(small) = spare.iter_mut().min_by_key(|t| cap(t)) {
        if cap(small) < cap(&b) {
            *small = b;
        }
    }
}

/// Take from `spare` the smallest buffer that holds `n` bytes without being more than twice
/// as large (plus 64 KiB), if one does (`cap`: a buffer's capacity).
pub(crate) fn take_fitting<T>(
    spare: &mut Vec<T>,
    n: usize,
    cap: impl Fn(&T) -> usize,
) -> Option<T> {
    let fits = |c: usize| c >= n && c <= n.saturating_mul(2) + (64 << 10);
    let best = spare
        .iter()
        .enumerate()
        .filter(|(_, t)| fits(cap(t)))
        .min_by_key(|(_, t)| cap(t))
        .map(|(i, _)| i)?;
    Some(spare.swap_remove(best))
}

/// Read `r` to its end, refusing it once more than `limit` bytes came (`path` names it in
/// the error). `hint`: the expected size, allocated up front.
pub fn read_limited(
    path: &str,
    r: impl std::io::Read,
    limit: u64,
    hint: usize,
) -> Result<Vec<u8>, SourceError> {
    read_limited_into(path, r, limit, hint, Vec::new())
}

/// [`read_limited`] into `bytes` (emptied first; its memory reused).
fn read_limited_into(
    path: &str,
    r: impl std::io::Read,
    limit: u64,
    hint: usize,
    mut bytes: Vec<u8>,
) -> Result<Vec<u8>, SourceError> {
    use std::io::Read as _;
    bytes.clear();
    bytes.reserve_exact(hint.saturating_add(1));
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| SourceError::Io {
            path: path.into(),
            err,
        })?;
    if bytes.len() as u64 > limit {
        return Err(SourceError::OverLimit {
            path: path.into(),
            what: Over::Read,
            limit,
        });
    }
    Ok(bytes)
}

/// Decode bytes read from `path`, the format guessed from its name and content.
pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
    let ext = Path::new(path)
        .extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    from_bytes_as(
        path,
        bytes,
        Format::from_extension(&ext),
        &Options::default(),
    )
}

/// Decode bytes as `format` (None: sniff, else plain text). Containers are recognised by
/// their magic bytes whatever the name says.
pub fn from_bytes_as(
    path: &str,
    bytes: Vec<u8>,
    format: Option<Format>,
    opts: &Options,
) -> Result<SourceFile, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    if bytes.len() as u64 > opts.max_bytes {
        return Err(SourceError::TooLarge {
            path: path.into(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    let sniffed = if bytes.starts_with(b"%PDF") {
        Some(Format::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(docx::OLE_MAGIC) {
        // A Word 97-2003 file (.doc) goes to the DOCX reader, which names it.
        Some(Format::Docx)
    } else {
        None
    };
    let format = match (format, sniffed) {
        (Some(Format::Docx), _) => Format::Docx,
        (Some(Format::Pdf), _) => Format::Pdf,
        (_, Some(f)) => f,
        (Some(f), None) => f,
        (None, None) => Format::Text,
    };
    let doc = match format {
        Format::Docx => docx::read_limited(path, &bytes, opts.max_bytes)?,
        Format::Pdf => pdf::read(path, &bytes)?,
        Format::Text | Format::Markdown | Format::Html | Format::Json => {
            let d =
                encoding::decode_vec(bytes, opts.encoding).map_err(|why| SourceError::Binary {
                    path: path.into(),
                    why,
                })?;
            let mut map = d.map;
            let text = match format {
                Format::Html => {
                    let (t, layer) = html::to_text(&d.text);
                    map.push(layer);
                    t
                }
                Format::Json => {
                    map = OffsetMap::default();
                    let t = json::text(path, &d.text);
                    give_back(d.text);
                    t?
                }
                _ => d.text,
            };
            SourceFile {
                path: path.into(),
                text,
                format,
                encoding: Some(d.detected),
                warnings: d.warnings,
                map: (format != Format::Json).then_some(map),
                locations: Vec::new(),
                asides: Vec::new(),
            }
        }
    };
    if doc.text.trim().is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    // Containers decompress: their text is held to the limit as a file is (text formats
    // are bounded by their size, HTML and JSON never growing when decoded).
    if matches!(doc.format, Format::Docx | Format::Pdf) && doc.text.len() as u64 > opts.max_bytes {
        return Err(SourceError::OverLimit {
            path: path.into(),
            what: Over::Text(doc.text.len()),
            limit: opts.max_bytes,
        });
    }
    Ok(doc)
}

/// How directories are walked, as ripgrep walks them: hidden files and folders skipped,
/// `.gitignore`/`.ignore` honoured (also outside a git repository), symbolic links not
/// followed, and a search index folder (tantivy's `.managed.json` beside `meta.json`) never
/// read as documents. Files named on the command line are always read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Also walk hidden files and folders (`--hidden`).
    pub hidden: bool,
    /// Do not honour `.gitignore`/`.ignore` files (`--no-ignore`).
    pub no_ignore: bool,
    /// Follow symbolic links (`--follow`); loops are reported, not followed forever.
    pub follow: bool,
}

static WALK: std::sync::OnceLock<WalkOptions> = std::sync::OnceLock::new();

impl WalkOptions {
    /// Set the options of this process's walks once, at the command line's edge (the CLI
    /// calls it before any command runs); later calls are ignored.
    pub fn set_for_process(self) {
        let _ = WALK.set(self);
    }

    /// The options set for this process, else the defaults.
    pub fn current() -> WalkOptions {
        WALK.get().copied().unwrap_or_default()
    }
}

/// Is `dir` a search index (tantivy keeps `.managed.json` beside `meta.json`)?
fn is_index_dir(dir: &Path) -> bool {
    dir.join(".managed.json").is_file() || dir.join(".tantivy-meta.lock").exists()
}

/// The path a walking error is about, however deeply it is wrapped.
fn error_path(err: &ignore::Error) -> Option<String> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.display().to_string()),
        ignore::Error::Loop { child, .. } => Some(child.display().to_string()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.iter().find_map(error_path),
        _ => None,
    }
}

/// The loop a walking error is about, however deeply it is wrapped: (the link, the folder
/// above it that it leads back to).
fn error_loop(err: &ignore::Error) -> Option<(String, String)> {
    match err {
        ignore::Error::Loop { ancestor, child } => {
            Some((child.display().to_string(), ancestor.display().to_string()))
        }
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_loop(err),
        ignore::Error::Partial(errs) => errs.iter().find_map(error_loop),
        _ => None,
    }
}

/// Expand paths with this process's walk options ([`WalkOptions::current`]).
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    expand_with(paths, WalkOptions::current())
}

/// Expand paths: files as given, directories walked for readable files
/// ([`TEXT_EXTENSIONS`]) in file-name order. Errors are returned beside the paths found.
pub fn expand_with(paths: &[PathBuf], opts: WalkOptions) -> (Vec<PathBuf>, Vec<SourceError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let walker = ignore::WalkBuilder::new(p)
                .hidden(!opts.hidden)
                .ignore(!opts.no_ignore)
                .git_ignore(!opts.no_ignore)
                .git_global(!opts.no_ignore)
                .git_exclude(!opts.no_ignore)
                .parents(!opts.no_ignore)
                .require_git(false)
                .follow_links(opts.follow)
                .sort_by_file_name(|a, b| a.cmp(b))
                .filter_entry(|e| {
                    !(e.file_type().is_some_and(|t| t.is_dir()) && is_index_dir(e.path()))
                })
                .build();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
                        if TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
                            files.push(e.path().to_path_buf());
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        if let Some((path, ancestor)) = error_loop(&err) {
                            errors.push(SourceError::Loop { path, ancestor });
                            continue;
                        }
                        let path = error_path(&err).unwrap_or_else(|| p.display().to_string());
                        // The kind of an I/O failure kept, so that it is told in words.
                        let kind = err
                            .io_error()
                            .map_or(std::io::ErrorKind::Other, |e| e.kind());
                        errors.push(SourceError::Io {
                            path,
                            err: std::io::Error::new(kind, err.to_string()),
                        });
                    }
                }
            }
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(SourceError::Missing {
                path: p.display().to_string(),
            });
        }
    }
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spare text is taken when it holds the bytes asked for without being far larger;
    /// the smallest that fits is taken; three are kept, the smallest making way.
    #[test]
    fn spare_texts_are_taken_when_they_fit() {
        // (capacities given back, bytes asked for, capacity expected: None = a new one)
        let rows: &[(&[usize], usize, Option<usize>)] = &[
            (&[], 100, None),
            (&[1000], 100, Some(1000)),
            (&[1000], 2000, None),
            (&[1 << 20], 100, None),
            (&[300_000, 200_000, 150_000], 140_000, Some(150_000)),
            (&[100_000, 200_000, 300_000, 400_000], 60_000, None),
            (
                &[100_000, 200_000, 300_000, 400_000],
                190_000,
                Some(200_000),
            ),
            (&[SPARE_MAX + 1], SPARE_MAX, None),
        ];
        for (given, asked, want) in rows {
            // Each row on a thread of its own: the spares are the thread's.
            let (given, asked, want) = (given.to_vec(), *asked, *want);
            let got = std::thread::spawn(move || {
                for &c in &given {
                    let mut t = String::with_capacity(c);
                    t.push_str("some text");
                    give_back(t);
                }
                let t = spare_string(asked);
                assert!(t.is_empty() && t.capacity() >= asked);
                given.contains(&t.capacity()).then_some(t.capacity())
            })
            .join()
            .ok()
            .flatten();
            assert_eq!(got, want, "{asked}");
        }
    }
}
