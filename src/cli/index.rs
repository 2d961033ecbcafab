//! `cancu index`: build or update the search index of plan texts and of the registry's
//! instruments (built-in, imported, `--registry FILE`; re-indexed only when their content
//! changes). A progress bar on a terminal only (hidden when stderr is piped), a one-line
//! summary at the end.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::index::SearchIndex;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = crate::cli::places::paths_help("Plans to index"))]
    pub paths: Vec<PathBuf>,
    /// Index directory (created when missing). Default: index/ inside the cancu repository,
    /// else under the user data dir ($CANCU_DATA, else ~/.local/share/cancu), where paths are
    /// kept absolute; never the current folder unasked.
    #[arg(long = "index", value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Output format of the summary: text on stderr, or JSON on stdout.
    #[command(flatten)]
    pub format: crate::cli::output::FormatArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
    /// Do not print the files that could not be read (still counted): `report` has told
    /// them already, reading the same files.
    #[arg(skip)]
    pub quiet_file_errors: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut roots = crate::cli::places::inputs_or_default(&args.paths)?;
    let dir = crate::cli::places::index_dir(args.index.as_deref())?;
    if args.index.is_none() && !crate::cli::places::in_repository() {
        // One index in the user data dir serves every folder: its paths are absolute.
        roots = crate::cli::places::absolute_roots(&roots);
    }
    let started = std::time::Instant::now();
    // The instruments the indexed documents taught (learned.json) are indexed with the
    // registry; when this run changes what they taught, the registry is indexed again.
    let taught = crate::registry::learned::layer_of_index(&dir);
    let reg = args.registry.load_with_learned(&roots, taught.clone())?;
    let (index, rebuilt) = SearchIndex::open_or_rebuild(&dir)?;
    if rebuilt {
        crate::cli::output::note(crate::messages::tr(
            crate::cli::output::lang(),
            &crate::messages::IX_REBUILD,
            &[&dir.display()],
        ));
    }
    let bar = crate::cli::output::progress(1, "files");
    let mut stats = index.update_with_registry(&roots, Some(&reg), &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.path.to_string());
    })?;
    // The first registry is let go before the second is loaded: both at once were the
    // peak of a large first `index` (BENCHMARKS.md).
    drop(reg);
    let now = crate::registry::learned::layer_of_index(&dir);
    if now != taught {
        let reg = args.registry.load_with_learned(&roots, now)?;
        let again = index.update_with_registry(&[], Some(&reg), &mut |_| {})?;
        stats.instruments = again.instruments.or(stats.instruments);
    }
    bar.finish_and_clear();
    if !args.quiet_file_errors {
        for e in &stats.errors {
            crate::cli::output::file_error(e);
        }
    }
    let lang = crate::cli::output::lang();
    let registry = match stats.instruments {
        Some(n) => crate::messages::tr(lang, &crate::messages::IX_REGISTRY, &[&n]),
        None => crate::messages::s(lang, &crate::messages::IX_REGISTRY_SAME),
    };
    if args.format.get() == crate::cli::output::Format::Json {
        let v = serde_json::json!({
            "index": dir.display().to_string(),
            "added": stats.added,
            "replaced": stats.replaced,
            "removed": stats.removed,
            "unchanged": stats.unchanged,
            "bytes": stats.bytes,
            "instruments": stats.instruments,
            "errors": stats.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        });
        let mut w = std::io::stdout().lock();
        std::io::Write::write_all(&mut w, format!("{v:#}\n").as_bytes())?;
    }
    crate::cli::output::note(crate::messages::tr(
        crate::cli::output::lang(),
        &crate::messages::IX_DONE,
        &[
            &dir.display(),
            &stats.added,
            &stats.replaced,
            &stats.removed,
            &stats.unchanged,
            &format!("{:.1}", stats.bytes as f64 / 1e6),
            &format!("{:.2}", started.elapsed().as_secs_f64()),
            &registry,
        ],
    ));
    Ok(if stats.errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Errors
    })
}
