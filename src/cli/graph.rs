//! `cancu graph [PATHS] [--format json|dot|graphml]`: documents, sections, instruments and
//! their edges (cites with section and span; replaces, amends, guides, ...).

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::Graph;
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(help = crate::cli::places::paths_help("Plans to graph"))]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Dot,
    Graphml,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let reg = args.registry.load_for(&args.paths)?;
    let (docs, errors) = crate::cli::cites::read_docs(&args.paths);
    let g = Graph::build(&docs, &reg);
    let ex = g.export(&reg);
    let s_out = match args.format {
        Format::Json => serde_json::to_string_pretty(&ex)? + "\n",
        Format::Dot => ex.to_dot(),
        Format::Graphml => ex.to_graphml(),
    };
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}
