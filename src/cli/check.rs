//! `cancu check`: citations that are written wrong, do not hang together, or rest on
//! instruments no longer in force, as compiler-style diagnostics (rich, short, JSON, SARIF);
//! `--fix` writes the safe replacements (`--unsafe-fixes` also the inferred ones) into each
//! file in its own format and encoding (see `source::writeback`): the original bytes are kept
//! first as `FILE.cancu-bak`, then the fixed file replaces the original atomically (a
//! temporary file in the same folder, fsync, rename, same permissions), and nothing is
//! written when the file changed on disk since it was read. `--fix --dry-run` prints the
//! changes as a unified diff of the decoded text; `--explain CODE` prints a rule's
//! explanation.
//! Rules are chosen with `--select`/`--ignore` or a `cancu.toml`; unresolved citations are
//! one line per document unless `--show-notes`; `--baseline FILE` compares the findings with
//! a committed baseline. Vietnamese by default, `--lang en` (or LANG=en*) for English.
//!
//! Documents are checked on all cores and printed in the order of the inputs as soon as
//! each and all before it are done (rich, short and JSON stream; SARIF, one document, keeps
//! only the findings until the end); memory holds the files in flight, not the corpus.

use crate::check::{self, fix, rules, Options};
use crate::cli::check_config;
use crate::cli::Outcome;
use crate::diag::{self, Applicability, Diagnostic, FileReport, RichOptions, Severity};
use crate::messages::{self, Lang};
use crate::model::Date;
use crate::source::{self, writeback, SourceFile};
use anyhow::{bail, Context};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = crate::cli::places::paths_help("Plans to check"))]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Rich)]
    pub format: Format,
    /// Exit with 1 when there are findings at or above this level.
    #[arg(long, value_enum, default_value_t = Deny::Warning)]
    pub deny: Deny,
    /// Judge validity as of this date (2025-07-01, 01/07/2025 or `today`). Default: the
    /// document's own date, else its year.
    #[arg(long, value_name = "DATE|today")]
    pub as_of: Option<String>,
    /// Print the explanation of a rule (C0101 ...; `list` lists them) and exit.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
    /// Write the safe replacements into the files, in their own format and encoding
    /// (backup: FILE.cancu-bak; .docx: as tracked changes; PDF, HTML, JSON: refused).
    #[arg(long)]
    pub fix: bool,
    /// With --fix: also apply the unsafe (inferred) replacements: completed symbols, years
    /// and dates from the registry or from elsewhere in the document.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
    /// With --fix: print the changes as a unified diff, write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// With --fix, for .docx: add a Word comment (the message and its notes) at each
    /// finding that has no fix applied.
    #[arg(long, requires = "fix")]
    pub comments: bool,
    /// Run only these rules: codes (C0205), prefixes (C02), groups (shape, consistency,
    /// time, unknown) or names, comma-separated. Default: `[check] select` of cancu.toml, else all.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not run these rules (added to `[check] ignore` of cancu.toml).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// List every unresolved citation (C0401) instead of one line per document.
    #[arg(long)]
    pub show_notes: bool,
    /// Compare the findings with this baseline (file, line, code, cited text) and print what
    /// the change adds (+) and removes (-); exit 1 when they differ.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// With --baseline: write the findings as the new baseline.
    #[arg(long, requires = "baseline")]
    pub update_baseline: bool,
    /// Also use what the documents of the search index in DIR (built by `cancu index`)
    /// taught about themselves: instruments among them, their dates and effects.
    #[arg(long = "index", value_name = "DIR")]
    pub index: Option<PathBuf>,
    #[command(flatten)]
    pub registry: crate::cli::registry::RegistryArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Like rustc: the source line, carets under the span, the fix.
    Rich,
    /// One line per finding: path:line:col: severity[CODE]: message.
    Short,
    /// One JSON object: {"files": [{"path", "diagnostics"}], "summary"}.
    Json,
    /// SARIF 2.1.0, for code-review tools.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    Error,
    Warning,
    Note,
}

impl Deny {
    fn severity(self) -> Severity {
        match self {
            Deny::Error => Severity::Error,
            Deny::Warning => Severity::Warning,
            Deny::Note => Severity::Note,
        }
    }
}

/// The registry the registry rules use: the built-in registry, the user's imported files
/// and `--registry` files. When they cannot be loaded, the error is said and the registry
/// rules are skipped (and said to be).
pub fn registry(
    args: &crate::cli::registry::RegistryArgs,
    paths: &[std::path::PathBuf],
    index: Option<&Path>,
) -> Option<crate::registry::Registry> {
    match args.load_with_index(paths, index) {
        Ok(reg) => Some(reg),
        Err(e) => {
            let e = anyhow::anyhow!(
                "{}",
                crate::cli::output::tr(&messages::E_REGISTRY, &[&format!("{e:#}")])
            );
            crate::cli::output::error(&e);
            None
        }
    }
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs() as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    Date::new(y, m, d)
}

pub fn parse_as_of(s: &str) -> anyhow::Result<Date> {
    if s.trim().eq_ignore_ascii_case("today") {
        return today().with_context(|| crate::cli::output::tr(&messages::E_NO_CLOCK, &[]));
    }
    Date::parse_loose(s)
        .with_context(|| crate::cli::output::tr(&messages::E_AS_OF, &[&format!("{s:?}")]))
}

fn explain(code: &str, lang: Lang) -> anyhow::Result<Outcome> {
    let mut w = std::io::stdout().lock();
    if code.eq_ignore_ascii_case("list") {
        for r in rules::ALL {
            writeln!(
                w,
                "{}  {:<12} {:<9}  {:<26} {}",
                r.code,
                r.category.as_str(),
                messages::severity(lang, r.severity),
                r.name,
                rules::summary(r, lang)
            )?;
        }
        return Ok(Outcome::Clean);
    }
    match rules::by_code(code) {
        Some(r) => {
            write!(w, "{}", rules::explain(r, lang))?;
            Ok(Outcome::Clean)
        }
        None => bail!(
            "{}",
            messages::tr(lang, &messages::X_NO_RULE, &[&format!("{code:?}")])
        ),
    }
}

/// One document checked.
struct Checked {
    /// The document's analysis, its diagnostics those shown (selected, summarized), spans
    /// into the decoded text; JSON and SARIF take them to the ORIGINAL file's bytes through
    /// the analysis's own mapping ([`crate::analysis::Analysis::original_diagnostics`]).
    a: crate::analysis::Analysis,
}

impl Checked {
    fn path(&self) -> &str {
        self.a.path()
    }

    fn text(&self) -> &str {
        self.a.text()
    }

    fn diags(&self) -> &[Diagnostic] {
        self.a.diagnostics()
    }
}

/// What to report: the rules selected, and whether unresolved citations are listed.
struct Shown {
    selection: rules::Selection,
    show_notes: bool,
}

/// The findings of one text, and the date it was judged at when that date was only the
/// latest one the document cites (said in a note).
fn run_one(
    source: SourceFile,
    reg: Option<&crate::analysis::RunRegistry>,
    opts: &Options,
    shown: &Shown,
) -> (Checked, Option<Date>) {
    let mut a = crate::analysis::analyze_in(source, reg, &crate::analysis::Wants::check(*opts));
    let diags: Vec<Diagnostic> = a
        .diagnostics
        .take()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| shown.selection.allows(d.code))
        .collect();
    let latest = match opts.as_of {
        None => match check::as_of_for(&a.extraction) {
            Some((date, check::AsOfSource::LatestCited)) => Some(date),
            _ => None,
        },
        Some(_) => None,
    };
    let diags = if shown.show_notes {
        diags
    } else {
        check::summarize_unresolved(diags, opts.lang)
    };
    a.diagnostics = Some(diags);
    (Checked { a }, latest)
}

/// How one document's findings are printed, decided once for the run.
#[derive(Clone, Copy)]
struct Style {
    format: Format,
    lang: Lang,
    color: bool,
    /// `--baseline`: the findings are compared, not printed.
    baseline: bool,
}

/// One document's share of the output, made on the worker that checked it, so that only
/// this (not the document's text) waits for the documents before it.
#[derive(Default)]
struct Piece {
    /// What the format prints for it (rich, short, a JSON item).
    bytes: Vec<u8>,
    /// SARIF is one document whose parts cannot stream: the findings, spans original.
    sarif: Option<(String, Vec<Diagnostic>)>,
    /// `--baseline`: its rows.
    rows: Vec<String>,
    /// Findings by severity (`Severity as usize`) and the worst one.
    counts: [usize; 4],
    worst: Option<Severity>,
}

impl Style {
    fn piece(&self, c: &Checked) -> anyhow::Result<Piece> {
        let mut p = Piece::default();
        for d in c.diags() {
            p.counts[d.severity as usize] += 1;
            p.worst = p.worst.max(Some(d.severity));
        }
        if self.baseline {
            p.rows = check_config::baseline_rows(c.path(), c.text(), c.diags());
            return Ok(p);
        }
        match self.format {
            Format::Rich => {
                let opts = RichOptions {
                    color: self.color,
                    lang: self.lang,
                };
                p.bytes = diag::render_rich(c.path(), c.text(), c.diags(), opts).into_bytes();
            }
            Format::Short => {
                p.bytes = diag::render_short(c.path(), c.diags(), self.lang).into_bytes();
            }
            // JSON and SARIF give spans in the original file's bytes; rich and short show
            // the decoded text, whose lines and columns they were computed on.
            Format::Json => {
                let diags = c.a.original_diagnostics();
                p.bytes = crate::cli::output::pretty_item(&FileReport {
                    path: c.path(),
                    diagnostics: &diags,
                })?;
            }
            Format::Sarif => p.sarif = Some((c.path().to_string(), c.a.original_diagnostics())),
        }
        Ok(p)
    }
}

/// The output, written document by document in the order of the inputs.
struct Sink<W: Write> {
    w: W,
    style: Style,
    /// Writing nothing but the diffs (`--fix --dry-run`).
    silent: bool,
    files: usize,
    counts: [usize; 4],
    worst: Option<Severity>,
    json: Option<crate::cli::output::PrettyList>,
    sarif: Vec<(String, Vec<Diagnostic>)>,
    rows: Vec<String>,
}

impl<W: Write> Sink<W> {
    fn new(w: W, style: Style, silent: bool) -> Self {
        let json =
            (style.format == Format::Json).then(|| crate::cli::output::PrettyList::new("files"));
        Sink {
            w,
            style,
            silent,
            files: 0,
            counts: [0; 4],
            worst: None,
            json,
            sarif: Vec::new(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, p: Piece) -> anyhow::Result<()> {
        self.files += 1;
        for (all, n) in self.counts.iter_mut().zip(p.counts) {
            *all += n;
        }
        self.worst = self.worst.max(p.worst);
        self.rows.extend(p.rows);
        if self.silent || self.style.baseline {
            return Ok(());
        }
        if let Some(s) = p.sarif {
            self.sarif.push(s);
        }
        match &mut self.json {
            Some(list) => list.push(&mut self.w, &p.bytes)?,
            None => self.w.write_all(&p.bytes)?,
        }
        Ok(())
    }

    /// What follows the last document: the rich summary line, the JSON summary, SARIF.
    fn finish(&mut self) -> anyhow::Result<()> {
        if self.silent || self.style.baseline {
            return Ok(());
        }
        let count = |s: Severity| self.counts[s as usize];
        match self.style.format {
            Format::Rich => writeln!(
                self.w,
                "{}",
                messages::tr(
                    self.style.lang,
                    &messages::SUMMARY,
                    &[
                        &count(Severity::Error),
                        &count(Severity::Warning),
                        &count(Severity::Note),
                        &count(Severity::Help),
                        &self.files
                    ]
                )
            )?,
            Format::Short => {}
            Format::Json => {
                let summary: serde_json::Map<String, serde_json::Value> = [
                    Severity::Error,
                    Severity::Help,
                    Severity::Note,
                    Severity::Warning,
                ]
                .into_iter()
                .filter(|s| count(*s) > 0)
                .map(|s| (s.as_str().to_string(), count(s).into()))
                .collect();
                let rest = [
                    ("summary", serde_json::Value::Object(summary)),
                    ("version", 1.into()),
                ];
                if let Some(list) = self.json.take() {
                    list.finish_with(&mut self.w, &rest)?;
                }
            }
            Format::Sarif => {
                let reports: Vec<FileReport> = self
                    .sarif
                    .iter()
                    .map(|(path, diagnostics)| FileReport { path, diagnostics })
                    .collect();
                write!(
                    self.w,
                    "{}",
                    diag::render_sarif(
                        env!("CARGO_PKG_VERSION"),
                        &rules::docs(self.style.lang),
                        &reports
                    )
                )?
            }
        }
        Ok(())
    }
}

/// What a worker hands back for one document read.
struct Worked {
    /// The judging date, when it was only the latest date cited (noted).
    latest: Option<Date>,
    /// Without `--fix`: the document's output, its text already dropped.
    piece: Option<anyhow::Result<Piece>>,
    /// With `--fix`: the document checked, to fix on the calling thread.
    doc: Option<Checked>,
    path: String,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let lang = crate::cli::output::lang();
    if let Some(code) = &args.explain {
        return explain(code, lang);
    }
    let config = check_config::find_config(&args.paths)?;
    let cfg = config.as_ref().map(|(_, c)| c);
    let as_of = args
        .as_of
        .as_deref()
        .or(cfg.and_then(|c| c.as_of.as_deref()));
    let opts = Options {
        as_of: as_of.map(parse_as_of).transpose()?,
        lang,
    };
    let shown = Shown {
        selection: check_config::selection(&args.select, &args.ignore, cfg)?,
        show_notes: args.show_notes || args.deny == Deny::Note,
    };
    let reg = registry(&args.registry, &args.paths, args.index.as_deref());
    if reg.is_none() {
        crate::cli::output::note(format_args!(
            "{}: {}",
            messages::NOTE_WORD.get(lang),
            messages::s(lang, &messages::NO_REGISTRY)
        ));
    }
    let style = Style {
        format: args.format,
        lang,
        color: args.format == Format::Rich && crate::cli::output::color_stdout(),
        baseline: args.baseline.is_some(),
    };
    let stdout = std::io::stdout();
    let mut sink = Sink::new(std::io::BufWriter::new(stdout.lock()), style, args.dry_run);
    let reg = reg.as_ref();
    // The checker's view of the registry, built once for every document of the run.
    let run_reg = reg.map(crate::analysis::RunRegistry::new);
    let mut errors = 0;
    // Every document is checked (and, without --fix, rendered) on the worker threads; the
    // results come back in the order of the inputs and are written as they come.
    let work = |d: SourceFile| {
        let path = d.path.clone();
        let (c, latest) = run_one(d, run_reg.as_ref(), &opts, &shown);
        if args.fix {
            return Worked {
                latest,
                piece: None,
                doc: Some(c),
                path,
            };
        }
        Worked {
            latest,
            piece: Some(style.piece(&c)),
            doc: None,
            path,
        }
    };
    let read_errors = crate::cli::extract::map_inputs(
        &args.paths,
        &source::Options::default(),
        "files checked",
        work,
        |worked| {
            if let Some(date) = worked.latest {
                crate::cli::output::note(format_args!(
                    "{}: {}",
                    messages::NOTE_WORD.get(lang),
                    messages::tr(
                        lang,
                        &messages::AS_OF_LATEST,
                        &[&worked.path, &date.vietnamese()]
                    )
                ));
            }
            let piece = match worked.doc {
                None => worked.piece.unwrap_or_else(|| Ok(Piece::default()))?,
                Some(c) => {
                    let c = fix_one(&args, c, reg, &opts, &shown, &mut sink.w, &mut errors)?;
                    style.piece(&c)?
                }
            };
            sink.push(piece)
        },
    )?;
    errors += read_errors;
    sink.finish()?;
    sink.w.flush()?;
    if let Some(b) = &args.baseline {
        return baseline(b, args.update_baseline, &sink.rows, errors);
    }
    let deny = args.deny.severity();
    Ok(if errors > 0 {
        Outcome::Errors
    } else if sink.worst.is_some_and(|w| w >= deny) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// `--fix` on one checked document, on the calling thread (files are written one at a
/// time, their messages in order): the diff with `--dry-run`, else the fixes written into
/// the file. Returns the document as it now stands, checked.
#[allow(clippy::too_many_arguments)]
fn fix_one(
    args: &Args,
    c: Checked,
    reg: Option<&crate::registry::Registry>,
    opts: &Options,
    shown: &Shown,
    w: &mut impl Write,
    errors: &mut usize,
) -> anyhow::Result<Checked> {
    let max = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let d = &c.a.source;
    let diags = c.diags();
    let fixed = fix::apply_up_to(&d.text, diags, max);
    let waiting = diags
        .iter()
        .filter_map(|d| d.suggestion.as_ref())
        .filter(|s| s.applicability > max)
        .count();
    let lang = crate::cli::output::lang();
    if waiting > 0 {
        crate::cli::output::note(format_args!(
            "{}: {}",
            messages::NOTE_WORD.get(lang),
            messages::tr(lang, &messages::FIX_UNSAFE_WAITING, &[&d.path, &waiting])
        ));
    }
    if args.dry_run {
        write!(w, "{}", fix::unified_diff(&d.path, &d.text, &fixed.text))?;
    } else if d.path == "<stdin>" {
        eprintln!(
            "{}: {}",
            messages::SEV_ERROR.get(lang),
            messages::s(lang, &messages::FIX_NO_STDIN)
        );
        *errors += 1;
    } else if let Some(why) = writeback::refuses(d.format) {
        eprintln!(
            "{}: {}",
            messages::SEV_ERROR.get(lang),
            messages::tr(
                lang,
                &messages::FIX_REFUSED_FORMAT,
                &[&d.path, &d.format.name(), &messages::refusal(lang, &why)]
            )
        );
        *errors += 1;
    } else if !fixed.applied.is_empty() || (args.comments && d.format == source::Format::Docx) {
        let notes = if args.comments {
            comments_for(diags, &fixed.applied)
        } else {
            Vec::new()
        };
        match fix_file(d, &fixed.applied, &notes, reg, opts, shown) {
            Ok(Some(done)) => return Ok(done),
            Ok(None) => {}
            Err(e) => {
                crate::cli::output::error(&e);
                *errors += 1;
            }
        }
    }
    Ok(c)
}

/// A Word comment for each finding with no fix applied: at its primary span, the code,
/// severity and message, its notes, and the unapplied fix if any.
fn comments_for(diags: &[Diagnostic], applied: &[diag::Suggestion]) -> Vec<writeback::Edit> {
    let mut out: Vec<writeback::Edit> = diags
        .iter()
        .filter(|d| d.suggestion.as_ref().is_none_or(|s| !applied.contains(s)))
        .filter_map(|d| {
            let l = d.primary()?;
            let mut text = format!("{} {}: {}", d.code, d.severity.as_str(), d.message);
            for n in &d.notes {
                text.push_str(&format!("\nnote: {n}"));
            }
            if let Some(s) = &d.suggestion {
                text.push_str(&format!(
                    "\n{} fix (not applied): {}",
                    s.applicability.as_str(),
                    s.message
                ));
            }
            Some(writeback::Edit {
                start: l.start,
                end: l.end,
                replacement: text,
            })
        })
        .collect();
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// The current time as a revision date (`2026-12-06T22:00:00Z`).
fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = secs % 86_400;
    match today() {
        Some(d) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year,
            d.month,
            d.day,
            day / 3600,
            day % 3600 / 60,
            day % 60
        ),
        None => "1970-01-01T00:00:00Z".into(),
    }
}

/// Write the suggestions `applied` into the file `d` was read from, keeping its format and
/// encoding; say on stderr what went in and what was refused. Returns the file as written,
/// checked again (None when nothing was written).
fn fix_file(
    d: &SourceFile,
    applied: &[diag::Suggestion],
    comments: &[writeback::Edit],
    reg: Option<&crate::registry::Registry>,
    opts: &Options,
    shown: &Shown,
) -> anyhow::Result<Option<Checked>> {
    let lang = crate::cli::output::lang();
    let path = Path::new(&d.path);
    let original = std::fs::read(path)
        .with_context(|| crate::cli::output::tr(&messages::E_CANNOT_READ, &[&d.path]))?;
    let again = source::from_bytes_as(
        &d.path,
        original.clone(),
        Some(d.format),
        &source::Options {
            encoding: d.encoding.as_ref().map(|e| e.encoding),
            max_bytes: u64::MAX,
        },
    )
    .ok();
    if again.as_ref().map(|a| &a.text) != Some(&d.text) {
        bail!(
            "{}",
            crate::cli::output::tr(&messages::E_CHANGED_ON_DISK, &[&d.path])
        );
    }
    let edits: Vec<writeback::Edit> = applied
        .iter()
        .map(|s| writeback::Edit {
            start: s.start,
            end: s.end,
            replacement: s.replacement.clone(),
        })
        .collect();
    let written = writeback::write_back_with_comments(&original, d, &edits, comments, &now_iso())
        .map_err(|why| {
        anyhow::anyhow!(
            "{}",
            crate::cli::output::tr(
                &messages::E_NOT_FIXED,
                &[
                    &d.path,
                    &messages::refusal(crate::cli::output::lang(), &why)
                ],
            )
        )
    })?;
    let loc = diag::Locator::new(&d.text);
    for (i, why) in &written.refused {
        let s = &applied[*i];
        let l = loc.label(s.start, s.end, "", true);
        eprintln!(
            "{}: {}",
            messages::SEV_WARNING.get(lang),
            messages::tr(
                lang,
                &messages::FIX_NOT_APPLIED,
                &[
                    &d.path,
                    &l.line,
                    &l.column,
                    &crate::normalize::clean(&s.replacement),
                    &messages::refusal(lang, why)
                ]
            )
        );
    }
    for (i, why) in &written.refused_comments {
        eprintln!(
            "{}: {}",
            messages::SEV_WARNING.get(lang),
            messages::tr(
                lang,
                &messages::FIX_COMMENT_NOT_ADDED,
                &[&d.path, &(i + 1), &messages::refusal(lang, why)]
            )
        );
    }
    if written.applied.is_empty() && written.commented.is_empty() {
        return Ok(None);
    }
    let backup = replace_atomically(path, &original, &written.bytes)?;
    crate::cli::output::note(messages::tr(
        lang,
        &messages::FIXED,
        &[
            &written.applied.len(),
            &d.path,
            &if written.commented.is_empty() {
                String::new()
            } else {
                messages::tr(lang, &messages::FIX_COMMENTS, &[&written.commented.len()])
            },
            &backup.display(),
        ],
    ));
    let new = source::from_bytes_as(
        &d.path,
        written.bytes,
        Some(d.format),
        &source::Options {
            encoding: d.encoding.as_ref().map(|e| e.encoding),
            max_bytes: u64::MAX,
        },
    )
    .with_context(|| crate::cli::output::tr(&messages::E_FIXED_NOT_READ_BACK, &[&d.path]))?;
    let run_reg = reg.map(crate::analysis::RunRegistry::new);
    Ok(Some(run_one(new, run_reg.as_ref(), opts, shown).0))
}

/// Keep `original` as the backup (`FILE.cancu-bak`, or `.cancu-bak.N` when an older backup
/// differs), then replace `path` by `new` atomically: a temporary file in the same folder
/// with the same permissions, synced, renamed over the original, unless the file on disk
/// is no longer `original` (then nothing is left written). Returns the backup's path.
pub fn replace_atomically(path: &Path, original: &[u8], new: &[u8]) -> anyhow::Result<PathBuf> {
    let name = path.display();
    // A symbolic link stays one: the file it points to is replaced.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let unchanged = || std::fs::read(&target).is_ok_and(|b| b == original);
    if !unchanged() {
        bail!(
            "{}",
            crate::cli::output::tr(&messages::E_CHANGED_ON_DISK, &[&name])
        );
    }
    let meta = std::fs::metadata(&target)
        .with_context(|| crate::cli::output::tr(&messages::E_CANNOT_READ, &[&name]))?;
    // The backup: a free name, or one already holding these very bytes.
    let mut backup = PathBuf::from(format!("{}.cancu-bak", path.display()));
    let mut n = 1;
    let mut existed = false;
    while backup.exists() {
        if std::fs::read(&backup).is_ok_and(|b| b == original) {
            existed = true;
            break;
        }
        backup = PathBuf::from(format!("{}.cancu-bak.{n}", path.display()));
        n += 1;
    }
    let write_synced = |p: &Path, bytes: &[u8]| -> std::io::Result<()> {
        let mut f = std::fs::File::create(p)?;
        f.write_all(bytes)?;
        f.sync_all()
    };
    if !existed {
        write_synced(&backup, original).with_context(|| {
            crate::cli::output::tr(&messages::E_CANNOT_WRITE_BACKUP, &[&backup.display()])
        })?;
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = target
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.cancu-tmp-{}", std::process::id()));
    let cleanup = |also_backup: bool| {
        let _ = std::fs::remove_file(&tmp);
        if also_backup && !existed {
            let _ = std::fs::remove_file(&backup);
        }
    };
    if let Err(e) =
        write_synced(&tmp, new).and_then(|_| std::fs::set_permissions(&tmp, meta.permissions()))
    {
        cleanup(false);
        return Err(e)
            .with_context(|| crate::cli::output::tr(&messages::E_CANNOT_WRITE_FIXED, &[&name]));
    }
    if !unchanged() {
        cleanup(true);
        bail!(
            "{}",
            crate::cli::output::tr(&messages::E_CHANGED_ON_DISK, &[&name])
        );
    }
    if let Err(e) = std::fs::rename(&tmp, &target) {
        cleanup(false);
        return Err(e)
            .with_context(|| crate::cli::output::tr(&messages::E_CANNOT_REPLACE, &[&name]));
    }
    // The rename itself is made durable by syncing the folder (where the system allows).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(backup)
}

/// The ecosystem check: compare (or, with `update`, write) the baseline of the findings.
fn baseline(
    path: &std::path::Path,
    update: bool,
    rows: &[String],
    errors: usize,
) -> anyhow::Result<Outcome> {
    if update {
        let mut text =
            String::from("# cancu check baseline: file, line, code, cited text (tab-separated)\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(path, text).with_context(|| {
            crate::cli::output::tr(&messages::E_CANNOT_WRITE_BASELINE, &[&path.display()])
        })?;
        crate::cli::output::note(messages::tr(
            crate::cli::output::lang(),
            &messages::BASELINE_WRITTEN,
            &[&path.display(), &rows.len()],
        ));
        return Ok(if errors > 0 {
            Outcome::Errors
        } else {
            Outcome::Clean
        });
    }
    let old = check_config::read_baseline(path)?;
    let (added, removed) = check_config::compare(&old, rows);
    let mut w = std::io::stdout().lock();
    for r in &added {
        writeln!(w, "+ {r}")?;
    }
    for r in &removed {
        writeln!(w, "- {r}")?;
    }
    let mut by_code: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for r in &added {
        by_code
            .entry(r.split('\t').nth(2).unwrap_or(""))
            .or_default()
            .0 += 1;
    }
    for r in &removed {
        by_code
            .entry(r.split('\t').nth(2).unwrap_or(""))
            .or_default()
            .1 += 1;
    }
    let per: Vec<String> = by_code
        .iter()
        .map(|(c, (a, r))| format!("{c} +{a} -{r}"))
        .collect();
    crate::cli::output::note(messages::tr(
        crate::cli::output::lang(),
        &messages::BASELINE_DIFF,
        &[
            &added.len(),
            &removed.len(),
            &(rows.len() - added.len()),
            &if per.is_empty() {
                String::new()
            } else {
                format!(": {}", per.join(", "))
            },
        ],
    ));
    Ok(if errors > 0 {
        Outcome::Errors
    } else if added.is_empty() && removed.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}
