//! `cancu check`: citations that are written wrong, do not hang together, or rest on
//! instruments no longer in force, as compiler-style diagnostics (rich, short, JSON, SARIF);
//! `--fix` writes the suggested replacements (keeping `FILE.cancu-bak`), `--fix --dry-run`
//! prints them as a unified diff; `--explain CODE` prints a rule's explanation.

use crate::check::{self, fix, rules, Knowledge, NoKnowledge, Options};
use crate::cli::extract::read_inputs;
use crate::cli::Outcome;
use crate::diag::{self, Diagnostic, FileReport, RichOptions, Severity};
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
pub fn knowledge(
    args: &crate::cli::registry::RegistryArgs,
    paths: &[std::path::PathBuf],
) -> Box<dyn Knowledge> {
    match args.load_for(paths) {
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

fn explain(code: &str) -> anyhow::Result<Outcome> {
    let mut w = std::io::stdout().lock();
    if code.eq_ignore_ascii_case("list") {
        for r in rules::ALL {
            writeln!(
                w,
                "{}  {:<12} {:<7}  {:<22} {}",
                r.code,
                r.category.as_str(),
                r.severity.as_str(),
                r.name,
                r.summary
            )?;
        }
        return Ok(Outcome::Clean);
    }
    match rules::by_code(code) {
        Some(r) => {
            write!(w, "{}", rules::explain(r))?;
            Ok(Outcome::Clean)
        }
        None => bail!("no rule {code:?} (`cancu check --explain list` lists them)"),
    }
}

/// One document checked.
struct Checked {
    path: String,
    text: String,
    diags: Vec<Diagnostic>,
}

fn run_one(text: &str, know: &dyn Knowledge, opts: &Options) -> Vec<Diagnostic> {
    let ex = crate::extract(text);
    check::check(text, &ex, know, opts)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let opts = Options {
        as_of: args.as_of.as_deref().map(parse_as_of).transpose()?,
    };
    let know = knowledge(&args.registry, &args.paths);
    if !know.available() {
        eprintln!("note: no instrument registry: the registry-driven rules (C0206-C0208, C0302-C0305, C04xx) are skipped");
    }
    let (docs, mut errors) = read_inputs(&args.paths);
    let mut checked: Vec<Checked> = Vec::new();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for d in docs {
        let diags = run_one(&d.text, know.as_ref(), &opts);
        if opts.as_of.is_none() {
            if let Some((date, check::AsOfSource::LatestCited)) =
                check::as_of_for(&crate::extract(&d.text))
            {
                eprintln!(
                    "note: {}: no date or year in its header; judged as of {}, the latest date it cites (use --as-of to choose)",
                    d.path,
                    date.vietnamese()
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
        let diags = run_one(&fixed.text, know.as_ref(), &opts);
        checked.push(Checked {
            path: d.path,
            text: fixed.text,
            diags,
        });
    }
    if !args.dry_run {
        render(&mut w, args.format, &checked)?;
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

fn render(w: &mut impl Write, format: Format, checked: &[Checked]) -> anyhow::Result<()> {
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
                    diag::render_rich(&c.path, &c.text, &c.diags, RichOptions { color })
                )?;
            }
            let count = |s: Severity| {
                checked
                    .iter()
                    .flat_map(|c| &c.diags)
                    .filter(|d| d.severity == s)
                    .count()
            };
            let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            writeln!(
                w,
                "{}, {}, {}, {} in {}",
                plural(count(Severity::Error), "error"),
                plural(count(Severity::Warning), "warning"),
                plural(count(Severity::Note), "note"),
                plural(count(Severity::Help), "help"),
                plural(checked.len(), "file")
            )?;
        }
        Format::Short => {
            for c in checked {
                write!(w, "{}", diag::render_short(&c.path, &c.diags))?;
            }
        }
        Format::Json => write!(w, "{}", diag::render_json(&reports))?,
        Format::Sarif => write!(
            w,
            "{}",
            diag::render_sarif(env!("CARGO_PKG_VERSION"), rules::ALL, &reports)
        )?,
    }
    Ok(())
}
