//! `cancu check`: citations that are written wrong, do not hang together, or rest on
//! instruments no longer in force, as compiler-style diagnostics (rich, short, JSON, SARIF);
//! `--fix` writes the suggested replacements (keeping `FILE.cancu-bak`), `--fix --dry-run`
//! prints them as a unified diff; `--explain CODE` prints a rule's explanation. Rules are
//! chosen with `--select`/`--ignore` or a `cancu.toml`; unresolved citations are one line
//! per document unless `--show-notes`; `--baseline FILE` compares the findings with a
//! committed baseline. Vietnamese by default, `--lang en` (or LANG=en*) for English.

use crate::check::{self, fix, rules, Knowledge, NoKnowledge, Options};
use crate::cli::check_config;
use crate::cli::extract::read_inputs;
use crate::cli::Outcome;
use crate::diag::{self, Diagnostic, FileReport, RichOptions, Severity};
use crate::messages::{self, Lang};
use crate::model::Date;
use anyhow::{bail, Context};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories (walked for .txt and .md); `-` reads stdin. Default: corpus/plans.
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
    /// Write the suggested replacements into the files (backup: FILE.cancu-bak).
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff, write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
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
    /// Language of messages: vi (default) or en. Default: from LANG.
    #[arg(long, value_name = "vi|en")]
    pub lang: Option<String>,
    /// Compare the findings with this baseline (file, line, code, cited text) and print what
    /// the change adds (+) and removes (-); exit 1 when they differ.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// With --baseline: write the findings as the new baseline.
    #[arg(long, requires = "baseline")]
    pub update_baseline: bool,
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

/// The knowledge the registry rules use: the built-in registry, the user's imported files
/// and `--registry` files. When they cannot be loaded, the error is said and the registry
/// rules are skipped (and said to be).
pub fn knowledge(args: &crate::cli::registry::RegistryArgs) -> Box<dyn Knowledge> {
    match args.load() {
        Ok(reg) => Box::new(crate::registry::knowledge::RegistryKnowledge::new(reg)),
        Err(e) => {
            eprintln!("error: registry: {e:#}");
            Box::new(NoKnowledge)
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
        return today().context("cannot read today's date from the system clock");
    }
    Date::parse_loose(s).with_context(|| {
        format!("--as-of {s:?}: not a date (write 2025-07-01, 01/07/2025 or today)")
    })
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
    path: String,
    text: String,
    diags: Vec<Diagnostic>,
}

/// What to report: the rules selected, and whether unresolved citations are listed.
struct Shown {
    selection: rules::Selection,
    show_notes: bool,
}

fn run_one(text: &str, know: &dyn Knowledge, opts: &Options, shown: &Shown) -> Vec<Diagnostic> {
    let ex = crate::extract(text);
    let diags: Vec<Diagnostic> = check::check(text, &ex, know, opts)
        .into_iter()
        .filter(|d| shown.selection.allows(d.code))
        .collect();
    if shown.show_notes {
        diags
    } else {
        check::summarize_unresolved(diags, opts.lang)
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let lang = check_config::lang(args.lang.as_deref())?;
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
    let know = knowledge(&args.registry);
    if !know.available() {
        eprintln!(
            "{}: {}",
            messages::NOTE_WORD.get(lang),
            messages::s(lang, &messages::NO_REGISTRY)
        );
    }
    let (docs, mut errors) = read_inputs(&args.paths);
    let mut checked: Vec<Checked> = Vec::new();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for d in docs {
        let diags = run_one(&d.text, know.as_ref(), &opts, &shown);
        if opts.as_of.is_none() {
            if let Some((date, check::AsOfSource::LatestCited)) =
                check::as_of_for(&crate::extract(&d.text))
            {
                eprintln!(
                    "{}: {}",
                    messages::NOTE_WORD.get(lang),
                    messages::tr(
                        lang,
                        &messages::AS_OF_LATEST,
                        &[&d.path, &date.vietnamese()]
                    )
                );
            }
        }
        if !args.fix {
            checked.push(Checked {
                path: d.path,
                text: d.text,
                diags,
            });
            continue;
        }
        let fixed = fix::apply(&d.text, &diags);
        if args.dry_run {
            write!(w, "{}", fix::unified_diff(&d.path, &d.text, &fixed.text))?;
            checked.push(Checked {
                path: d.path,
                text: d.text,
                diags,
            });
            continue;
        }
        if d.path == "<stdin>" {
            eprintln!("error: --fix cannot write to <stdin> (use --fix --dry-run)");
            errors += 1;
            checked.push(Checked {
                path: d.path,
                text: d.text,
                diags,
            });
            continue;
        }
        if !fixed.applied.is_empty() {
            let backup = format!("{}.cancu-bak", d.path);
            let res = std::fs::write(&backup, &d.text)
                .with_context(|| format!("{backup}: cannot write the backup"))
                .and_then(|_| {
                    std::fs::write(&d.path, &fixed.text)
                        .with_context(|| format!("{}: cannot write the fixed file", d.path))
                });
            match res {
                Ok(()) => eprintln!(
                    "fixed {} in {} (backup {backup}){}",
                    fixed.applied.len(),
                    d.path,
                    if fixed.skipped > 0 {
                        format!("; {} overlapping fixes skipped", fixed.skipped)
                    } else {
                        String::new()
                    }
                ),
                Err(e) => {
                    eprintln!("error: {e:#}");
                    errors += 1;
                    checked.push(Checked {
                        path: d.path,
                        text: d.text,
                        diags,
                    });
                    continue;
                }
            }
        }
        // Report what is left.
        let diags = run_one(&fixed.text, know.as_ref(), &opts, &shown);
        checked.push(Checked {
            path: d.path,
            text: fixed.text,
            diags,
        });
    }
    if let Some(b) = &args.baseline {
        w.flush()?;
        return baseline(b, args.update_baseline, &checked, errors);
    }
    if !args.dry_run {
        render(&mut w, args.format, &checked, lang)?;
    }
    w.flush()?;
    let deny = args.deny.severity();
    Ok(if errors > 0 {
        Outcome::Errors
    } else if checked
        .iter()
        .any(|c| c.diags.iter().any(|d| d.severity >= deny))
    {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The ecosystem check: compare (or, with `update`, write) the baseline of the findings.
fn baseline(
    path: &std::path::Path,
    update: bool,
    checked: &[Checked],
    errors: usize,
) -> anyhow::Result<Outcome> {
    let rows: Vec<String> = checked
        .iter()
        .flat_map(|c| check_config::baseline_rows(&c.path, &c.text, &c.diags))
        .collect();
    if update {
        let mut text =
            String::from("# cancu check baseline: file, line, code, cited text (tab-separated)\n");
        for r in &rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write the baseline", path.display()))?;
        eprintln!("{}: {} findings", path.display(), rows.len());
        return Ok(if errors > 0 {
            Outcome::Errors
        } else {
            Outcome::Clean
        });
    }
    let old = check_config::read_baseline(path)?;
    let (added, removed) = check_config::compare(&old, &rows);
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
    eprintln!(
        "{} added, {} removed, {} unchanged{}{}",
        added.len(),
        removed.len(),
        rows.len() - added.len(),
        if per.is_empty() { "" } else { ": " },
        per.join(", ")
    );
    Ok(if errors > 0 {
        Outcome::Errors
    } else if added.is_empty() && removed.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn render(
    w: &mut impl Write,
    format: Format,
    checked: &[Checked],
    lang: Lang,
) -> anyhow::Result<()> {
    let reports: Vec<FileReport> = checked
        .iter()
        .map(|c| FileReport {
            path: &c.path,
            diagnostics: &c.diags,
        })
        .collect();
    match format {
        Format::Rich => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            for c in checked {
                write!(
                    w,
                    "{}",
                    diag::render_rich(&c.path, &c.text, &c.diags, RichOptions { color, lang })
                )?;
            }
            let count = |s: Severity| {
                checked
                    .iter()
                    .flat_map(|c| &c.diags)
                    .filter(|d| d.severity == s)
                    .count()
            };
            writeln!(
                w,
                "{}",
                messages::tr(
                    lang,
                    &messages::SUMMARY,
                    &[
                        &count(Severity::Error),
                        &count(Severity::Warning),
                        &count(Severity::Note),
                        &count(Severity::Help),
                        &checked.len()
                    ]
                )
            )?;
        }
        Format::Short => {
            for c in checked {
                write!(w, "{}", diag::render_short(&c.path, &c.diags, lang))?;
            }
        }
        Format::Json => write!(w, "{}", diag::render_json(&reports))?,
        Format::Sarif => write!(
            w,
            "{}",
            diag::render_sarif(env!("CARGO_PKG_VERSION"), &rules::docs(lang), &reports)
        )?,
    }
    Ok(())
}
