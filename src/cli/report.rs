//! `cancu report`: the main job. For every plan: what it cites, how much of it the registry
//! knows, and what a reviewer ("rà soát văn bản") must look at — malformed citations,
//! inconsistencies, instruments no longer in force with what replaced them, and citations
//! nobody can resolve. Ends with totals over all plans. Default input: the bundled corpus.

use crate::check::Options;
use crate::cli::extract::{map_inputs as read_inputs_map, map_inputs_quietly, ReadArgs};
use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::diag::{Category, Diagnostic, Severity};
use crate::messages::{self, tr, Lang};
use crate::resolve::resolved_id;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = crate::cli::places::paths_help("Plans to report on"))]
    pub paths: Vec<PathBuf>,
    /// Judge validity as of this date (2025-07-01, 01/07/2025 or `today`). Default: each
    /// document's own date.
    #[arg(long, value_name = "DATE|today")]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub format: crate::cli::output::FormatArgs,
    /// Exit with 1 when there are findings at or above this level (as `cancu check`).
    #[arg(long, value_enum, default_value_t = crate::cli::check::Deny::Warning)]
    pub deny: crate::cli::check::Deny,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
    #[command(flatten)]
    pub index: IndexArgs,
}

/// Where the search index is kept; `report` brings it up to date first.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// The search index directory (built or updated incrementally before the report).
    /// Default: index/ inside the cancu repository, else under the user data dir
    /// ($CANCU_DATA, else ~/.local/share/cancu); never the current folder unasked.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Do not build or update the search index.
    #[arg(long)]
    pub no_index: bool,
}

/// One plan's report.
#[derive(Debug, Serialize)]
pub struct PlanReport {
    pub path: String,
    pub title: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    pub citations: usize,
    pub resolved: usize,
    pub unresolved: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub shape: usize,
    pub consistency: usize,
    pub time: usize,
    /// "line: message" of the findings a reviewer must act on (time and consistency).
    pub outdated: Vec<String>,
}

fn count(diags: &[Diagnostic], f: impl Fn(&Diagnostic) -> bool) -> usize {
    diags.iter().filter(|d| f(d)).count()
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let opts = Options {
        as_of: args
            .as_of
            .as_deref()
            .map(crate::cli::check::parse_as_of)
            .transpose()?,
        lang: crate::cli::output::lang(),
    };
    let mut errors = 0;
    // The index first: its run (reading, building, tantivy's buffers) then never overlaps
    // the registry this report learns and loads below (on 510 MB the two together peaked at
    // 578 MB, the index alone at ~450 MB).
    if !args.index.no_index {
        // The index is a by-product: when it cannot be updated the report still comes, and
        // only an index the user named makes that an error.
        if let Err(e) = crate::cli::report::update_index(
            args.index.index.as_deref(),
            &args.paths,
            &args.registry,
        ) {
            if args.index.index.is_some() {
                let e = anyhow::anyhow!(
                    "{}",
                    crate::cli::output::tr(
                        &crate::messages::E_INDEX_NOT_UPDATED,
                        &[&crate::cli::output::chain_text(&e)]
                    )
                );
                crate::cli::output::error(&e);
                errors += 1;
            } else {
                let lang = crate::cli::output::lang();
                let body = crate::messages::tr(
                    lang,
                    &crate::messages::W_INDEX_NOT_UPDATED,
                    &[&crate::cli::output::chain_text(&e)],
                );
                eprintln!(
                    "{}",
                    crate::messages::tr(lang, &crate::messages::W_LINE, &[&body])
                );
            }
        }
    }

    // Documents that are themselves instruments teach the registry their identity, dates
    // and effects, so a folder of decrees and the plans citing them answers "outdated". A
    // first pass on all cores keeps only what they teach (small), not the documents.
    // (The same learning as `cancu index`: `learn_document` on each, one `layer` of all.)
    // This pass tells nothing about the files (the report's pass reads them again and tells
    // each error, warning and note once) and counts no error (that pass counts them).
    let mut learned: Vec<crate::registry::Instrument> = Vec::new();
    map_inputs_quietly(
        &args.paths,
        &args.read.options(),
        "plans read",
        |d: crate::source::SourceFile| crate::registry::learn::learn_document(&d.path, &d.text),
        |found| {
            learned.extend(found);
            Ok(())
        },
    )?;
    let learned = crate::registry::learn::layer(learned);
    let reg = args.registry.load_with_learned(&args.paths, learned)?;

    let json = args.format.get() == crate::cli::output::Format::Json;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let mut list = crate::cli::output::PrettyList::new("plans");
    let mut totals = Totals::default();
    let mut worst: Option<Severity> = None;
    // Plans are read and checked on all cores; each plan's report is written as soon as it
    // and those before it are done (text and JSON alike).
    // The registry's view for the checker is made once for the run, not per plan.
    let run_reg = crate::analysis::RunRegistry::new(&reg);
    let plan = |d: crate::source::SourceFile| {
        let r = plan_report(d, &run_reg, &opts);
        let mut text = Vec::new();
        if json {
            text = crate::cli::output::pretty_item(&r.0).unwrap_or_default();
        } else {
            let _ = write_plan(&mut text, &r.0, opts.lang);
        }
        (r, text)
    };
    errors += read_inputs_map(
        &args.paths,
        &args.read.options(),
        "plans checked",
        plan,
        |((p, sev), text)| {
            worst = worst.max(sev);
            totals.add(&p);
            if json {
                list.push(&mut w, &text)?;
            } else {
                w.write_all(&text)?;
            }
            Ok(())
        },
    )?;
    if json {
        list.finish(&mut w)?;
    } else {
        totals.write(&mut w, opts.lang)?;
    }
    w.flush()?;
    Ok(crate::cli::output::judge(
        errors,
        worst,
        crate::cli::output::deny_severity(args.deny),
    ))
}

/// One plan's report and its worst finding.
fn plan_report(
    d: crate::source::SourceFile,
    reg: &crate::analysis::RunRegistry,
    opts: &Options,
) -> (PlanReport, Option<Severity>) {
    let a = crate::analysis::analyze_in(d, Some(reg), &crate::analysis::Wants::all(*opts));
    let (d, ex) = (&a.source, &a.extraction);
    let diags = a.diagnostics();
    let worst = diags.iter().map(|x| x.severity).max();
    let line_of = |dg: &Diagnostic| dg.primary().map(|l| l.line).unwrap_or(0);
    let p = PlanReport {
        path: d.path.clone(),
        title: ex.header.title.clone(),
        number: match (&ex.header.number, &ex.header.symbol) {
            (Some(n), Some(s)) => Some(format!("{n}/{s}")),
            _ => None,
        },
        date: ex.header.date.map(|x| x.vietnamese()),
        citations: ex.citations.len(),
        resolved: ex
            .citations
            .iter()
            .filter(|c| resolved_id(c).is_some())
            .count(),
        unresolved: ex
            .citations
            .iter()
            .filter(|c| resolved_id(c).is_none())
            .map(|c| format!("{}: {}", c.line, c.text))
            .collect(),
        errors: count(diags, |x| x.severity == Severity::Error),
        warnings: count(diags, |x| x.severity == Severity::Warning),
        notes: count(diags, |x| x.severity == Severity::Note),
        shape: count(diags, |x| x.category == Category::Shape),
        consistency: count(diags, |x| x.category == Category::Consistency),
        time: count(diags, |x| x.category == Category::Time),
        outdated: diags
            .iter()
            .filter(|x| matches!(x.category, Category::Time | Category::Consistency))
            .map(|x| format!("{}: [{}] {}", line_of(x), x.code, x.message))
            .collect(),
    };
    (p, worst)
}

/// The totals over all plans, counted as their reports stream past.
#[derive(Debug, Default)]
struct Totals {
    plans: usize,
    citations: usize,
    resolved: usize,
    shape: usize,
    consistency: usize,
    time: usize,
}

impl Totals {
    fn add(&mut self, p: &PlanReport) {
        self.plans += 1;
        self.citations += p.citations;
        self.resolved += p.resolved;
        self.shape += p.shape;
        self.consistency += p.consistency;
        self.time += p.time;
    }

    fn write(&self, w: &mut impl Write, lang: Lang) -> std::io::Result<()> {
        let rate = format!("{:.1}", pct(self.resolved, self.citations));
        writeln!(
            w,
            "{}",
            tr(
                lang,
                &messages::R_TOTAL,
                &[
                    &self.plans,
                    &self.citations,
                    &self.resolved,
                    &rate,
                    &self.shape,
                    &self.consistency,
                    &self.time
                ]
            )
        )?;
        writeln!(w, "{}", messages::s(lang, &messages::R_HINT))
    }
}

/// One plan's block of the text report, in the catalogue's language.
fn write_plan(w: &mut impl Write, p: &PlanReport, lang: Lang) -> std::io::Result<()> {
    writeln!(w, "{}", p.path)?;
    if let Some(t) = &p.title {
        let id = [p.number.clone(), p.date.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        if id.is_empty() {
            writeln!(w, "  {t}")?;
        } else {
            writeln!(w, "  {t} ({id})")?;
        }
    }
    let rate = format!("{:.0}", pct(p.resolved, p.citations));
    writeln!(
        w,
        "{}",
        tr(
            lang,
            &messages::R_PLAN,
            &[
                &p.citations,
                &p.resolved,
                &rate,
                &p.shape,
                &p.consistency,
                &p.time,
                &p.errors,
                &p.warnings,
                &p.notes
            ]
        )
    )?;
    for o in &p.outdated {
        writeln!(w, "    {o}")?;
    }
    for u in &p.unresolved {
        writeln!(w, "{}", tr(lang, &messages::R_UNRESOLVED, &[u]))?;
    }
    writeln!(w)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Build or update the search index over the same inputs, exactly as `cancu index` does
/// (incremental: unchanged files are skipped), so that `cancu search` and `cancu serve
/// --index` see what the report saw.
/// `dir` None: the default index ([`crate::cli::places::default_index`]).
pub fn update_index(
    dir: Option<&std::path::Path>,
    paths: &[PathBuf],
    registry: &RegistryArgs,
) -> anyhow::Result<()> {
    // The indexing code itself, called directly with this report's registry files.
    let args = crate::cli::index::Args {
        paths: paths.to_vec(),
        index: dir.map(std::path::Path::to_path_buf),
        format: crate::cli::output::FormatArgs::default(),
        registry: registry.clone(),
        quiet_file_errors: true,
    };
    if crate::cli::index::run(args)? == Outcome::Errors {
        crate::cli::output::note(crate::cli::output::tr(
            &crate::messages::IX_SOME_ERRORS,
            &[],
        ));
    }
    Ok(())
}
