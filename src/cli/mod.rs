//! The command line: clap definitions (each flag defined once, its help text written once)
//! and the dispatch to one module per subcommand. Only this module knows clap.

use clap::{Parser, Subcommand};

pub mod basis;
pub mod check;
pub mod check_config;
pub mod cites;
pub mod extract;
pub mod graph;
pub mod index;
pub mod registry;
pub mod report;
pub mod search;
pub mod serve;
pub mod show;

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
    /// The main job: every plan's citations, how many resolve, and what to review
    /// (malformed, inconsistent, outdated, unresolved), with totals.
    Report(report::Args),
    /// Extract every cited instrument from plan texts.
    Extract(extract::Args),
    /// Serve the web interface: search, documents, instruments, graph, JSON API.
    Serve(serve::Args),
    /// Check citations: malformed, inconsistent and outdated ones, with fixes.
    Check(check::Args),
    /// Check the instrument registry or import sources into it.
    Registry(registry::Args),
    /// Every document and section citing an instrument.
    Cites(cites::Args),
    /// The instruments backing a section or task of a plan.
    Basis(basis::Args),
    /// A registry entry, its relations and who cites it.
    Show(show::Args),
    /// The citation graph as JSON, DOT or GraphML.
    Graph(graph::Args),
    /// Build or update the search index of plan texts (incremental).
    Index(index::Args),
    /// Search the index (diacritics optional, abbreviations expanded).
    Search(search::Args),
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Report(a) => report::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Check(a) => check::run(a),
        Command::Registry(a) => registry::run(a),
        Command::Cites(a) => cites::run(a),
        Command::Basis(a) => basis::run(a),
        Command::Show(a) => show::run(a),
        Command::Graph(a) => graph::run(a),
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
    }
}
