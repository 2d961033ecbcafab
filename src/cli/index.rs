//! `cancu index`: build or update the search index of plan texts and of the registry's
//! instruments (built-in, imported, `--registry FILE`; re-indexed only when their content
//! changes). A progress bar on a terminal only (hidden when stderr is piped), a one-line
//! summary at the end.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::index::SearchIndex;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories (walked for .txt and .md). Default: corpus/plans.
    pub paths: Vec<PathBuf>,
    /// Index directory (created when missing).
    #[arg(long = "index", value_name = "DIR", default_value = crate::index::DEFAULT_DIR)]
    pub index: PathBuf,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from("corpus/plans")]
    } else {
        args.paths
    };
    let started = std::time::Instant::now();
    let reg = args.registry.load_for(&roots)?;
    let (index, rebuilt) = SearchIndex::open_or_rebuild(&args.index)?;
    if rebuilt {
        eprintln!(
            "note: {} was built by another cancu version (another schema); rebuilding it",
            args.index.display()
        );
    }
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {elapsed}  {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let stats = index.update_with_registry(&roots, Some(&reg), &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.path.to_string());
    })?;
    bar.finish_and_clear();
    for e in &stats.errors {
        eprintln!("error: {e}");
    }
    let registry = match stats.instruments {
        Some(n) => format!("registry: {n} instruments indexed"),
        None => "registry unchanged".to_string(),
    };
    eprintln!(
        "{}: {} added, {} replaced, {} removed, {} unchanged ({:.1} MB indexed in {:.2} s); {registry}",
        args.index.display(),
        stats.added,
        stats.replaced,
        stats.removed,
        stats.unchanged,
        stats.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(if stats.errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Errors
    })
}
