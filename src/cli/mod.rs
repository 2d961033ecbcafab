//! The command line: clap definitions (each flag defined once, its help text written once)
//! and the dispatch to one module per subcommand. Only this module knows clap.

use clap::{Parser, Subcommand};

pub mod extract;
pub mod index;
pub mod search;

/// Exit codes: 0 clean, 1 findings, 2 errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
    Errors,
}

impl Outcome {
    pub fn code(self) -> i32 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Errors => 2,
        }
    }
}

/// cancu ("căn cứ"): the legal instruments Vietnamese plans cite — extracted, resolved,
/// checked and searchable.
#[derive(Debug, Parser)]
#[command(name = "cancu", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract every cited instrument from plan texts.
    Extract(extract::Args),
    /// Build or update the search index of plan texts (incremental).
    Index(index::Args),
    /// Search the index (diacritics optional, abbreviations expanded).
    Search(search::Args),
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
    }
}
