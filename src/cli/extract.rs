//! `cancu extract`: citations of each document as a table, JSON or NDJSON.

use crate::cli::Outcome;
use crate::source::{self, SourceFile};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = crate::cli::places::paths_help("Plans to read"))]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub registry: crate::cli::registry::RegistryArgs,
    /// Also run the checker and give each citation its diagnostics (`findings`; JSON and
    /// NDJSON). Without it no check work is done and `findings` is empty.
    #[arg(long)]
    pub findings: bool,
}

/// How input files are read; shared by every command that reads documents.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// Character encoding of text inputs instead of detecting it: utf-8, utf-16le, utf-16be,
    /// windows-1258, tcvn3, vni, tcvn3-in-utf8, vni-in-utf8.
    #[arg(long, value_parser = parse_encoding)]
    pub encoding: Option<source::Encoding>,
    /// Refuse input files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = source::DEFAULT_MAX_BYTES / (1024 * 1024))]
    pub max_size: u64,
}

impl ReadArgs {
    pub fn options(&self) -> source::Options {
        source::Options {
            encoding: self.encoding,
            max_bytes: self.max_size.saturating_mul(1024 * 1024),
        }
    }
}

fn parse_encoding(s: &str) -> Result<source::Encoding, crate::cli::help::BadValue> {
    source::Encoding::parse(s).ok_or_else(|| crate::cli::help::BadValue::Encoding(s.to_string()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table.
    Text,
    /// One JSON object: {"documents": [...]}.
    Json,
    /// One citation per line, with its path.
    Ndjson,
}

/// One extracted document, as printed.
#[derive(Debug, Serialize)]
pub struct DocumentOut {
    pub path: String,
    pub header: crate::model::Header,
    pub citations: Vec<crate::model::Citation>,
    /// The format and encoding read (see `source`).
    pub format: source::Format,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<source::Detected>,
    /// DOCX/PDF: for each citation, the page or paragraph and the text around it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
}

/// Where a citation found in a DOCX or PDF is, for a reader.
#[derive(Debug, Serialize)]
pub struct Place {
    pub location: Option<source::Location>,
    pub context: String,
}

/// Read the paths given (or the default corpus), reporting each bad file on stderr.
/// Returns the documents read and the number of errors.
pub fn read_inputs(paths: &[PathBuf]) -> (Vec<SourceFile>, usize) {
    read_inputs_with(paths, &source::Options::default())
}

/// [`read_inputs`] with reading options (`--encoding`, `--max-size`). Files are read on all
/// cores ([`map_inputs`]); the documents come in the order of the paths.
pub fn read_inputs_with(paths: &[PathBuf], opts: &source::Options) -> (Vec<SourceFile>, usize) {
    let mut docs = Vec::new();
    let errors = map_inputs(
        paths,
        opts,
        "files read",
        |d| d,
        |d| {
            docs.push(d);
            Ok(())
        },
    )
    .unwrap_or(1);
    (docs, errors)
}

/// Read the paths given (or the default corpus) and run `f` on each document read, on all
/// cores ([`crate::cli::parallel::ordered_map`]); `emit` gets the results in the order of
/// the paths (standard input first), each as soon as it and all before it are done, so
/// output streams and memory holds only the files in flight. Bad files are reported on
/// stderr in their place. Returns the number of errors, or the first error of `emit`.
pub fn map_inputs<R: Send>(
    paths: &[PathBuf],
    opts: &source::Options,
    what: &str,
    f: impl Fn(SourceFile) -> R + Sync,
    emit: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    map_inputs_told(paths, opts, what, true, f, emit)
}

/// [`map_inputs`] that prints nothing about the files it reads (errors, warnings, notes):
/// for a first pass over files that a second pass reads again and tells about (`report`
/// learns from every file before it reports on each), so that each is told once.
pub fn map_inputs_quietly<R: Send>(
    paths: &[PathBuf],
    opts: &source::Options,
    what: &str,
    f: impl Fn(SourceFile) -> R + Sync,
    emit: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    map_inputs_told(paths, opts, what, false, f, emit)
}

fn map_inputs_told<R: Send>(
    paths: &[PathBuf],
    opts: &source::Options,
    what: &str,
    tell: bool,
    f: impl Fn(SourceFile) -> R + Sync,
    mut emit: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut errors = 0;
    let paths: Vec<PathBuf> = match crate::cli::places::inputs_or_default(paths) {
        Ok(p) => p,
        Err(e) => {
            if tell {
                crate::cli::output::error(&e);
            }
            return Ok(1);
        }
    };
    let (stdin, rest): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() == "-");
    if !stdin.is_empty() {
        let read = source::read_limited("<stdin>", std::io::stdin().lock(), opts.max_bytes, 0)
            .and_then(|buf| source::from_bytes_as("<stdin>", buf, None, opts));
        match read {
            Ok(d) => {
                if tell {
                    warn(&d);
                }
                emit(f(d))?;
            }
            Err(e) => {
                if tell {
                    crate::cli::output::file_error(&e);
                }
                errors += 1;
            }
        }
    }
    let (files, errs) = source::expand(&rest);
    for e in errs {
        if tell {
            crate::cli::output::file_error(&e);
        }
        errors += 1;
    }
    let bar = crate::cli::output::progress(files.len() as u64, what);
    let work = |file: &PathBuf| {
        source::read_file_with(file, opts).map(|d| {
            let notes = notes(&d);
            (notes, f(d))
        })
    };
    let done = crate::cli::parallel::ordered_map(
        files.iter().enumerate(),
        |(i, file)| (i, work(file)),
        |(i, r)| {
            if !bar.is_hidden() {
                bar.set_message(files[i].display().to_string());
            }
            bar.inc(1);
            // Messages are printed above the progress bar, not through it.
            match r {
                Ok((notes, out)) => {
                    if tell {
                        bar.suspend(|| notes.print());
                    }
                    emit(out)
                }
                Err(e) => {
                    if tell {
                        bar.suspend(|| crate::cli::output::file_error(&e));
                    }
                    errors += 1;
                    Ok(())
                }
            }
        },
    );
    bar.finish_and_clear();
    done?;
    Ok(errors)
}

/// What reading a file noticed, to print in its place: warnings (always) and a note.
struct Notes {
    warnings: Vec<String>,
    note: Option<String>,
}

impl Notes {
    fn print(&self) {
        for w in &self.warnings {
            eprintln!("{w}");
        }
        if let Some(n) = &self.note {
            crate::cli::output::note(n);
        }
    }
}

/// Report what reading a file noticed: a guessed encoding, lossy decoding.
fn warn(d: &SourceFile) {
    notes(d).print();
}

fn notes(d: &SourceFile) -> Notes {
    use crate::messages as m;
    let lang = crate::cli::output::lang();
    let warnings = d
        .warnings
        .iter()
        .map(|w| {
            format!(
                "{}: {}: {}",
                m::SEV_WARNING.get(lang),
                d.path,
                m::warning(lang, w)
            )
        })
        .collect();
    let note = d
        .encoding
        .as_ref()
        .filter(|e| e.encoding != source::Encoding::Utf8 || e.confidence < 0.6)
        .map(|e| {
            format!(
                "{}: {}",
                m::NOTE_WORD.get(lang),
                m::tr(
                    lang,
                    &m::READ_AS,
                    &[
                        &d.path,
                        &e.encoding,
                        &format!("{:.0}", e.confidence * 100.0),
                        &m::detected_how(lang, &e.how)
                    ]
                )
            )
        });
    Notes { warnings, note }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    // The extractor's tables are read while the registry loads (two files parsed at once).
    std::thread::spawn(|| {
        crate::extract::Extractor::builtin();
    });
    let reg = args.registry.load_for(&args.paths)?;
    // With `--findings`, the checker's view of the registry is built once for the run.
    let reg = crate::analysis::RunRegistry::new(&reg);
    let format = args.format;
    let wants = if args.findings {
        crate::analysis::Wants::all(Default::default())
    } else {
        crate::analysis::Wants::citations_only()
    };
    // Each document's output is rendered where it was analysed, on any core; this thread
    // only writes the pieces in order, as soon as each is ready (every format streams). A
    // document with very many citations is rendered here, a citation at a time, straight
    // to the output: its bytes (several times its text) are never held whole.
    let analyse = |d: SourceFile| -> anyhow::Result<Piece> {
        let out = document_out(d, &reg, &wants);
        if out.citations.len() > STREAM_CITATIONS && format != Format::Text {
            return Ok(Piece::Large(Box::new(out)));
        }
        let mut w = Vec::new();
        match format {
            Format::Json => w = json_item(out)?,
            Format::Ndjson => {
                // Rendered into this thread's buffer, used again for every document, and
                // copied out at its size: no buffer grown (and its fresh memory cleared by
                // the kernel) a doubling at a time for each document.
                let mut buf = NDJSON_BUFFER.take();
                buf.clear();
                let r = write_ndjson(&mut buf, &out);
                // Copied into memory the writing thread has written and handed back.
                w = spare_output(buf.len());
                w.extend_from_slice(&buf);
                if buf.capacity() <= 8 << 20 {
                    NDJSON_BUFFER.set(buf);
                }
                r?;
            }
            Format::Text => write_text(&mut w, &out)?,
        }
        Ok(Piece::Bytes(w))
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut list = crate::cli::output::PrettyList::new("documents");
    let errors = map_inputs(
        &args.paths,
        &args.read.options(),
        "files analysed",
        analyse,
        |piece| {
            match (piece?, format) {
                (Piece::Bytes(b), Format::Json) => list.push(&mut w, &b)?,
                (Piece::Bytes(b), Format::Ndjson) => {
                    w.write_all(&b)?;
                    give_back_output(b);
                }
                (Piece::Bytes(b), _) => w.write_all(&b)?,
                (Piece::Large(out), Format::Json) => {
                    let mut first = true;
                    json_item_to(*out, &mut |b: &[u8]| {
                        if std::mem::take(&mut first) {
                            list.push(&mut w, b)
                        } else {
                            w.write_all(b)
                        }
                    })?;
                }
                (Piece::Large(out), _) => {
                    let mut line = Vec::new();
                    let path = quoted(&out.path);
                    for c in &out.citations {
                        line.clear();
                        write_citation_line(&mut line, c, &path)?;
                        w.write_all(&line)?;
                    }
                }
            }
            if format == Format::Ndjson {
                w.flush()?;
            }
            Ok(())
        },
    )?;
    if format == Format::Json {
        list.finish(&mut w)?;
    }
    w.flush()?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}

thread_local! {
    /// The NDJSON of the document this thread last rendered (see `run`).
    static NDJSON_BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Output buffers kept for the analysing threads ([`give_back_output`]), and the largest kept.
const OUTPUT_KEPT: usize = 16;
const OUTPUT_MAX: usize = 4 << 20;

/// NDJSON pieces the writing thread has written, emptied: the next documents are copied into
/// their memory rather than into fresh memory (which the kernel clears page by page), and
/// memory freed on the writing thread is not left idle in the analysing threads' heaps.
static SPARE_OUTPUT: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());

/// Hand a written piece back (at most [`OUTPUT_KEPT`] kept, of at most 4 MiB each; the
/// smallest makes way for a larger one).
fn give_back_output(mut b: Vec<u8>) {
    if b.capacity() == 0 || b.capacity() > OUTPUT_MAX {
        return;
    }
    b.clear();
    if let Ok(mut spare) = SPARE_OUTPUT.lock() {
        source::keep_spare(&mut spare, b, OUTPUT_KEPT, Vec::capacity);
    }
}

/// An empty buffer with room for `n` bytes: a piece handed back ([`give_back_output`]) that
/// holds them without being more than twice as large (plus 64 KiB), else a new one.
fn spare_output(n: usize) -> Vec<u8> {
    let taken = SPARE_OUTPUT
        .lock()
        .ok()
        .and_then(|mut spare| source::take_fitting(&mut spare, n, Vec::capacity));
    taken.unwrap_or_else(|| Vec::with_capacity(n))
}

/// Above this many citations a document's JSON or NDJSON is written by the output thread,
/// a citation at a time, instead of being rendered whole on the analysing thread.
const STREAM_CITATIONS: usize = 20_000;

/// A document's output as the analysing thread hands it to the writing thread.
enum Piece {
    /// Rendered whole.
    Bytes(Vec<u8>),
    /// Too many citations to render whole: written piece by piece.
    Large(Box<DocumentOut>),
}

/// One document's citations ([`crate::analysis::analyze`]), every span in the original
/// file, places for DOCX/PDF.
fn document_out(
    d: SourceFile,
    reg: &crate::analysis::RunRegistry,
    wants: &crate::analysis::Wants,
) -> DocumentOut {
    let mut a = crate::analysis::analyze_in(d, Some(reg), wants);
    let d = &a.source;
    let places = if d.locations.is_empty() {
        Vec::new()
    } else {
        a.extraction
            .citations
            .iter()
            .map(|c| Place {
                location: d.locate(c.start),
                context: d.context(c.start, c.end, 60),
            })
            .collect()
    };
    let citations = a.take_original_citations_with_findings();
    let d = &a.source;
    let out = DocumentOut {
        path: d.path.clone(),
        header: a.original_header(),
        citations,
        format: d.format,
        encoding: d.encoding.clone(),
        places,
    };
    // The text's memory goes to the next file this thread reads.
    source::give_back(std::mem::take(&mut a.source.text));
    out
}

/// One document as an item of the `{"documents": [...]}` list, byte for byte as the whole
/// document printed at once (keys sorted, as a `json!` value holds them), rendered one
/// citation at a time: memory holds the document and its bytes, never a JSON tree of it.
fn json_item(out: DocumentOut) -> anyhow::Result<Vec<u8>> {
    let mut w = Vec::new();
    json_item_to(out, &mut |b: &[u8]| {
        w.extend_from_slice(b);
        Ok(())
    })?;
    Ok(w)
}

/// [`json_item`] handed to `sink` in pieces: the document's other keys around its
/// citations, and each citation on its own, so that a huge document is never held as
/// bytes (nor as one JSON tree).
fn json_item_to(
    mut out: DocumentOut,
    sink: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let citations = std::mem::take(&mut out.citations);
    let mut w = crate::cli::output::pretty_value(serde_json::to_value(&out)?)?;
    drop(out);
    // "citations" is the first key of the sorted document.
    const EMPTY: &[u8] = b"    {\n      \"citations\": []";
    if citations.is_empty() || !w.starts_with(EMPTY) {
        sink(&w)?;
        return Ok(());
    }
    let rest = w.split_off(EMPTY.len());
    w.truncate(EMPTY.len() - 1);
    sink(&w)?;
    let mut buf = Vec::new();
    for (i, c) in citations.into_iter().enumerate() {
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        crate::cli::output::pretty_at(&mut buf, &serde_json::to_value(&c)?, 8)?;
        sink(&buf)?;
    }
    sink(b"\n      ]")?;
    sink(&rest)?;
    Ok(())
}

/// One citation per line, with its path.
fn write_ndjson(w: &mut Vec<u8>, d: &DocumentOut) -> anyhow::Result<()> {
    let path = quoted(&d.path);
    for c in &d.citations {
        write_citation_line(w, c, &path)?;
    }
    Ok(())
}

/// `s` as a JSON string, quotes included ([`put_str`]): the path, written once for all the
/// lines of its document.
fn quoted(s: &str) -> Vec<u8> {
    let mut q = Vec::new();
    put_str(&mut q, s);
    q
}

/// One citation as a line of NDJSON, with its path (`path`: already a JSON string,
/// [`quoted`]): byte for byte what printing its `serde_json::Value` prints (keys sorted at
/// every level, as the value's map holds them), written field by field without building
/// the value. The resolution is written as it serializes (its fields are declared in
/// sorted order); the findings, rarely set, go through their value.
/// `ndjson_line_is_the_values` pins it.
fn write_citation_line(
    w: &mut Vec<u8>,
    c: &crate::model::Citation,
    path: &[u8],
) -> anyhow::Result<()> {
    use serde_json::to_writer as put;
    let text = |w: &mut Vec<u8>, s: &Option<String>| match s {
        None => w.extend_from_slice(b"null"),
        Some(s) => put_str(w, s),
    };
    let mut first = true;
    let mut key = |w: &mut Vec<u8>, k: &str| {
        w.extend_from_slice(if first { b"{\"" } else { b",\"" });
        first = false;
        w.extend_from_slice(k.as_bytes());
        w.extend_from_slice(b"\":");
    };
    key(w, "canonical");
    text(w, &c.canonical);
    key(w, "column");
    put_uint(w, c.column as u64);
    key(w, "date");
    put_date(w, c.date);
    key(w, "defects");
    if c.defects.is_empty() {
        w.extend_from_slice(b"[]");
    } else {
        put(&mut *w, &c.defects)?;
    }
    key(w, "end");
    put_uint(w, c.end as u64);
    key(w, "findings");
    if c.findings.is_empty() {
        w.extend_from_slice(b"[]");
    } else {
        put(&mut *w, &serde_json::to_value(&c.findings)?)?;
    }
    key(w, "instrument");
    match &c.instrument {
        None => w.extend_from_slice(b"null"),
        Some(crate::model::Resolved::Entry(e)) => put_entry(w, e),
        // Written as it serializes: one key, a list of strings.
        Some(r) => put(&mut *w, r)?,
    }
    if let Some(d) = &c.invalid_date {
        key(w, "invalid_date");
        put_str(w, d);
    }
    key(w, "issuer");
    text(w, &c.issuer);
    key(w, "kind");
    put_slug(w, c.kind.slug());
    key(w, "law");
    text(w, &c.law);
    key(w, "line");
    put_uint(w, c.line as u64);
    key(w, "number");
    text(w, &c.number);
    key(w, "parts");
    write_parts(w, &c.parts)?;
    key(w, "path");
    w.extend_from_slice(path);
    key(w, "provision");
    text(w, &c.provision);
    key(w, "section");
    match &c.section {
        None => w.extend_from_slice(b"null"),
        Some(s) => {
            w.extend_from_slice(b"{\"heading\":");
            put_str(w, &s.heading);
            w.extend_from_slice(b",\"path\":");
            put_str(w, &s.path);
            w.push(b'}');
        }
    }
    key(w, "start");
    put_uint(w, c.start as u64);
    key(w, "symbol");
    text(w, &c.symbol);
    key(w, "text");
    put_str(w, &c.text);
    key(w, "title");
    text(w, &c.title);
    if let Some(u) = &c.unresolved {
        key(w, "unresolved");
        // One key: written as it serializes.
        put(&mut *w, u)?;
    }
    key(w, "year");
    put_year(w, c.year);
    w.extend_from_slice(b"}\n");
    Ok(())
}

/// A resolved instrument as it serializes (fields in the declared, sorted order; `observed`
/// only when set), written field by field.
fn put_entry(w: &mut Vec<u8>, e: &crate::model::Entry) {
    let text = |w: &mut Vec<u8>, s: &Option<String>| match s {
        None => w.extend_from_slice(b"null"),
        Some(s) => put_str(w, s),
    };
    w.extend_from_slice(b"{\"date\":");
    put_date(w, e.date);
    w.extend_from_slice(b",\"id\":");
    put_str(w, &e.id);
    w.extend_from_slice(b",\"kind\":");
    put_slug(w, e.kind.slug());
    w.extend_from_slice(b",\"number\":");
    text(w, &e.number);
    if e.observed {
        w.extend_from_slice(b",\"observed\":true");
    }
    w.extend_from_slice(b",\"status\":");
    put_slug(w, e.status.slug());
    w.extend_from_slice(b",\"symbol\":");
    text(w, &e.symbol);
    w.extend_from_slice(b",\"title\":");
    text(w, &e.title);
    w.extend_from_slice(b",\"year\":");
    put_year(w, e.year);
    w.push(b'}');
}

/// A slug (`Kind::slug`, `Status::slug`: what their variants serialize as), quoted: it
/// holds nothing to escape.
fn put_slug(w: &mut Vec<u8>, slug: &str) {
    w.push(b'"');
    w.extend_from_slice(slug.as_bytes());
    w.push(b'"');
}

/// A number as `serde_json` writes it.
fn put_uint(w: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    w.extend_from_slice(&digits[i..]);
}

/// A year (or null) as `serde_json` writes it.
fn put_year(w: &mut Vec<u8>, y: Option<i32>) {
    match y {
        None => w.extend_from_slice(b"null"),
        Some(y) => {
            if y < 0 {
                w.push(b'-');
            }
            put_uint(w, u64::from(y.unsigned_abs()));
        }
    }
}

/// A date (or null) as it serializes: "YYYY-MM-DD", as its `Display` writes it.
fn put_date(w: &mut Vec<u8>, d: Option<crate::Date>) {
    let Some(d) = d else {
        w.extend_from_slice(b"null");
        return;
    };
    if !(0..=9999).contains(&d.year) || d.month > 99 || d.day > 99 {
        // Outside what four and two digits hold: as `Display` pads it.
        w.extend_from_slice(format!("\"{d}\"").as_bytes());
        return;
    }
    let (y, m, day) = (d.year as u32, u32::from(d.month), u32::from(d.day));
    let digit = |n: u32| b'0' + (n % 10) as u8;
    w.extend_from_slice(&[
        b'"',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
        b'"',
    ]);
}

/// A JSON string as `serde_json` writes it: the runs between escaped bytes copied as they
/// are (most strings are one run), each escaped byte as `serde_json` escapes it.
fn put_str(w: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    w.reserve(b.len() + 2);
    w.push(b'"');
    let mut from = 0;
    while let Some(i) = crate::source::json::escape_at(s, from) {
        w.extend_from_slice(&b[from..i]);
        let c = b[i];
        match c {
            b'"' => w.extend_from_slice(b"\\\""),
            b'\\' => w.extend_from_slice(b"\\\\"),
            b'\n' => w.extend_from_slice(b"\\n"),
            b'\r' => w.extend_from_slice(b"\\r"),
            b'\t' => w.extend_from_slice(b"\\t"),
            0x08 => w.extend_from_slice(b"\\b"),
            0x0c => w.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                w.extend_from_slice(b"\\u00");
                w.push(HEX[usize::from(c >> 4)]);
                w.push(HEX[usize::from(c & 0xf)]);
            }
        }
        from = i + 1;
    }
    w.extend_from_slice(&b[from..]);
    w.push(b'"');
}

/// A citation's pieces as [`write_citation_line`] writes them: keys sorted, absent ones left
/// out.
fn write_parts(w: &mut Vec<u8>, p: &crate::model::Parts) -> anyhow::Result<()> {
    let mut first = true;
    let mut key = |w: &mut Vec<u8>, k: &str| {
        w.extend_from_slice(if first { b"{\"" } else { b",\"" });
        first = false;
        w.extend_from_slice(k.as_bytes());
        w.extend_from_slice(b"\":");
    };
    let inferred = p.symbol_inferred.then_some(());
    let fields = [
        ("date", p.date.as_ref().map(Some)),
        ("issuer", p.issuer.as_ref().map(Some)),
        ("number_symbol", p.number_symbol.as_ref().map(Some)),
        ("so_word", p.so_word.as_ref().map(Some)),
        ("symbol_inferred", inferred.map(|_| None)),
        ("title", p.title.as_ref().map(Some)),
        ("type_word", p.type_word.as_ref().map(Some)),
    ];
    for (k, v) in fields {
        match v {
            None => {}
            Some(None) => {
                key(w, k);
                w.extend_from_slice(b"true");
            }
            Some(Some(x)) => {
                key(w, k);
                w.extend_from_slice(b"{\"end\":");
                put_uint(w, x.end as u64);
                w.extend_from_slice(b",\"start\":");
                put_uint(w, x.start as u64);
                w.extend_from_slice(b",\"text\":");
                put_str(w, &x.text);
                w.push(b'}');
            }
        }
    }
    if first {
        w.push(b'{');
    }
    w.push(b'}');
    Ok(())
}

/// The readable table of one document.
fn write_text(w: &mut impl Write, d: &DocumentOut) -> anyhow::Result<()> {
    use crate::messages::{self as m, Lang};
    let lang = crate::cli::output::lang();
    writeln!(
        w,
        "{}",
        m::tr(lang, &m::EX_DOCUMENT, &[&d.path, &d.citations.len()])
    )?;
    for (i, c) in d.citations.iter().enumerate() {
        let place = d
            .places
            .get(i)
            .and_then(|p| p.location)
            .map(|l| format!("{l}: "))
            .unwrap_or_default();
        let what = c
            .canonical
            .clone()
            .or_else(|| c.law.clone())
            .unwrap_or_default();
        let year = c
            .law
            .as_ref()
            .and(c.year)
            .map(|y| format!(" {y}"))
            .unwrap_or_default();
        let date = c
            .date
            .map(|d| format!(" ngày {}", d.vietnamese()))
            .unwrap_or_default();
        let issuer = c
            .issuer
            .as_ref()
            .map(|i| format!(" của {i}"))
            .unwrap_or_default();
        let defects = if c.defects.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = c
                .defects
                .iter()
                .map(|d| {
                    serde_json::to_string(d)
                        .unwrap_or_default()
                        .trim_matches('"')
                        .to_string()
                })
                .collect();
            format!("  [{}]", names.join(", "))
        };
        // What it resolved to, when that says more than the citation itself.
        // Ids of numbers that repeat carry issuer and date: "28-NQ/TW:...:2008-09-22".
        let resolved = match crate::resolve::resolved_id(c) {
            Some(id) if id.contains(':') => {
                let head = id.split(':').next().unwrap_or(id);
                match id.rsplit(':').next().and_then(crate::Date::parse_iso) {
                    Some(d) => format!(
                        "  → {}",
                        m::tr(lang, &m::EX_OF_DATE, &[&head, &d.vietnamese()])
                    ),
                    None => format!("  → {head}"),
                }
            }
            Some(id) if Some(id) != c.canonical.as_deref() => format!("  → {id}"),
            Some(_) => String::new(),
            None if c.instrument.is_some() => format!("  → {}", m::s(lang, &m::EX_AMBIGUOUS)),
            None => format!("  → {}", m::s(lang, &m::EX_UNRESOLVED)),
        };
        writeln!(
            w,
            "  {:>4}:{:<3} {:<18} {place}{what}{year}{date}{issuer}{defects}{resolved}",
            c.line,
            c.column,
            match lang {
                Lang::Vi => c.kind.vietnamese(),
                Lang::En => c.kind.slug(),
            }
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An NDJSON line written field by field is the line its `serde_json::Value` prints,
    /// on every citation of the bundled plans, with and without resolution and findings,
    /// and on pieces, sections, invalid dates and inferred symbols set by hand.
    #[test]
    fn ndjson_line_is_the_values() {
        let reg = crate::registry::Registry::bundled().expect("bundled registry");
        let value_line = |c: &crate::model::Citation, path: &str| {
            let mut v = serde_json::to_value(c).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("path".into(), path.into());
            }
            let mut line = serde_json::to_vec(&v).unwrap_or_default();
            line.push(b'\n');
            line
        };
        let mut seen = 0;
        let plans = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/plans"))
            .expect("corpus/plans");
        for f in plans.flatten() {
            let Ok(text) = std::fs::read_to_string(f.path()) else {
                continue;
            };
            for wants in [
                crate::analysis::Wants::default(),
                crate::analysis::Wants::citations_only(),
                crate::analysis::Wants::all(Default::default()),
            ] {
                let d = SourceFile::plain("p \"q\".md", text.clone());
                let mut out = document_out(d, &crate::analysis::RunRegistry::new(&reg), &wants);
                if let Some(c) = out.citations.first_mut() {
                    c.invalid_date = Some("31/02/2019".into());
                    c.parts.symbol_inferred = true;
                    c.section = Some(crate::model::SectionRef {
                        path: "II.1".into(),
                        heading: "Mục \"a\"\tb".into(),
                    });
                }
                if let Some(c) = out.citations.get_mut(1) {
                    c.parts = Default::default();
                    c.parts.symbol_inferred = true;
                }
                if let Some(c) = out.citations.get_mut(2) {
                    c.parts = Default::default();
                    c.instrument = Some(crate::model::Resolved::Ambiguous {
                        ambiguous: vec!["b\"1".into(), "a".into()],
                    });
                }
                if let Some(c) = out.citations.get_mut(3) {
                    c.instrument = Some(crate::model::Resolved::Entry(crate::model::Entry {
                        date: crate::Date::parse_iso("2023-06-20"),
                        id: "22/2023/QH15".into(),
                        kind: crate::model::Kind::Law,
                        number: Some("22".into()),
                        observed: true,
                        status: crate::registry::Status::NotYetInForce,
                        symbol: None,
                        title: Some("Luật \"Đấu thầu\"".into()),
                        year: Some(2023),
                    }));
                    c.unresolved = Some(crate::model::Unresolved::LawVersionUnknown);
                }
                for c in &out.citations {
                    let mut got = Vec::new();
                    write_citation_line(&mut got, c, &quoted(&out.path)).unwrap_or_default();
                    assert_eq!(
                        String::from_utf8_lossy(&got),
                        String::from_utf8_lossy(&value_line(c, &out.path))
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 100, "{seen} citations");
    }

    /// The pieces of a line written by hand are what `serde_json` writes: strings with every
    /// ASCII byte (escaped or not) at every place, non-ASCII text, numbers, years, dates,
    /// every kind's and status's slug.
    #[test]
    fn pieces_are_what_serde_json_writes() {
        fn json<T: Serialize>(v: &T) -> String {
            serde_json::to_string(v).unwrap_or_default()
        }
        let mut strings: Vec<String> = vec![
            String::new(),
            "Luật \"Đấu thầu\"\n\u{7f}\u{2028}".into(),
            "\\\\".into(),
        ];
        for c in (0..128u8).map(char::from) {
            for at in 0..18 {
                let mut s: String = "abcdefghijklmnopq".into();
                s.insert(at, c);
                strings.push(s);
            }
        }
        for s in &strings {
            let mut got = Vec::new();
            put_str(&mut got, s);
            assert_eq!(String::from_utf8_lossy(&got), json(s), "{s:?}");
            assert_eq!(quoted(s), got);
        }
        for n in [
            0u64,
            1,
            9,
            10,
            99,
            100,
            12345,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut got = Vec::new();
            put_uint(&mut got, n);
            assert_eq!(String::from_utf8_lossy(&got), json(&n), "{n}");
        }
        for y in [
            None,
            Some(0),
            Some(7),
            Some(2025),
            Some(-45),
            Some(i32::MIN),
            Some(i32::MAX),
        ] {
            let mut got = Vec::new();
            put_year(&mut got, y);
            assert_eq!(String::from_utf8_lossy(&got), json(&y), "{y:?}");
        }
        let dates = [
            (2025, 7, 22),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 2, 28),
            (10000, 1, 1),
        ];
        let dates = dates.map(|(y, m, d)| crate::Date {
            year: y,
            month: m,
            day: d,
        });
        for d in dates.map(Some).into_iter().chain([None]) {
            let mut got = Vec::new();
            put_date(&mut got, d);
            assert_eq!(String::from_utf8_lossy(&got), json(&d), "{d:?}");
        }
        for k in crate::model::Kind::ALL {
            let mut got = Vec::new();
            put_slug(&mut got, k.slug());
            assert_eq!(String::from_utf8_lossy(&got), json(&k), "{k:?}");
        }
        for st in crate::registry::Status::ALL {
            let mut got = Vec::new();
            put_slug(&mut got, st.slug());
            assert_eq!(String::from_utf8_lossy(&got), json(&st), "{st:?}");
        }
    }

    /// A document rendered a citation at a time is the document rendered whole.
    #[test]
    fn json_item_is_the_whole_document_printed() {
        let reg = crate::registry::Registry::default();
        let wants = crate::analysis::Wants::all(Default::default());
        let rows = [
            "Căn cứ Nghị định số 168/2018/NĐ-CP; Luật Dân quân tự vệ năm 2019;\n",
            "no citation at all\n",
        ];
        for text in rows {
            let d = SourceFile::plain("a.txt", text.to_string());
            let whole = crate::cli::output::pretty_item(&document_out(
                d.clone(),
                &crate::analysis::RunRegistry::new(&reg),
                &wants,
            ))
            .unwrap_or_default();
            let piecewise = json_item(document_out(
                d,
                &crate::analysis::RunRegistry::new(&reg),
                &wants,
            ))
            .unwrap_or_default();
            assert_eq!(
                String::from_utf8_lossy(&piecewise),
                String::from_utf8_lossy(&whole),
                "{text:?}"
            );
        }
    }
}
