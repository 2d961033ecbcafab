//! The command line: clap definitions (each flag defined once, its help text written once)
//! and the dispatch to one module per subcommand. Only this module knows clap.
//!
//! Shared plumbing: [`output`] (the global `--quiet`, `--color`, `-j` settings, formats,
//! progress bars on a terminal only, the exit-code rules), [`places`] (default input and
//! index, never the current folder unasked), [`parallel`] (all cores, output in input order,
//! bounded memory). `main.rs` only maps the outcome to an exit code.

use clap::{Parser, Subcommand};

pub mod basis;
pub mod check;
pub mod check_config;
pub mod cites;
pub mod extract;
pub mod graph;
pub mod help;
pub mod index;
pub mod outline;
pub mod output;
pub mod parallel;
pub mod places;
pub mod registry;
pub mod report;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod show;

/// Exit codes: 0 clean (or found), 1 findings at or above `--deny` (judges) or nothing
/// found (lookups), 2 errors. The rules are in [`output::lookup`] and [`output::judge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
    /// A lookup (`search`, `cites`, `basis`, `show`) found nothing.
    NotFound,
    Errors,
}

impl Outcome {
    pub fn code(self) -> i32 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings | Outcome::NotFound => 1,
            Outcome::Errors => 2,
        }
    }
}

/// cancu ("căn cứ"): the legal instruments Vietnamese plans cite — extracted, resolved,
/// checked and searchable.
#[derive(Debug, Parser)]
#[command(name = "cancu", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub walk: WalkArgs,
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// How folders given as input are walked (every command that reads folders).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct WalkArgs {
    /// Also read hidden files and folders (skipped by default, as ripgrep does)
    #[arg(long, global = true)]
    pub hidden: bool,
    /// Do not honour .gitignore and .ignore files
    #[arg(long, global = true)]
    pub no_ignore: bool,
    /// Follow symbolic links when walking folders (not followed by default)
    #[arg(long, short = 'L', global = true)]
    pub follow: bool,
}

/// Output settings shared by every command (see [`output`]).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GlobalArgs {
    /// No progress bars, notes or summaries on stderr (errors and warnings are still printed)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = output::ColorChoice::Auto)]
    pub color: output::ColorChoice,
    /// The most worker threads to use: the search index writer's threads (`index`, `report`);
    /// the documents read and analysed at once (every command). Default: every core, at most 8
    #[arg(long, short = 'j', value_name = "N", global = true, value_parser = help::parse_threads)]
    pub threads: Option<u16>,
    /// Language of what is printed, help and errors included: vi (Vietnamese) or en
    /// (English); default from LC_ALL/LANG, Vietnamese unless they say English
    #[arg(long, value_name = "vi|en", global = true)]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: every plan's citations, how many resolve, and what to review
    /// (malformed, inconsistent, outdated, unresolved), with totals.
    Report(report::Args),
    /// Extract every cited instrument from plan texts.
    Extract(extract::Args),
    /// Serve the web interface: search, documents, instruments, graph, JSON API.
    #[cfg(feature = "serve")]
    Serve(serve::Args),
    /// Check citations: malformed, inconsistent and outdated ones, with fixes.
    Check(check::Args),
    /// Check the instrument registry or import sources into it.
    Registry(registry::Args),
    /// Every document and section citing an instrument.
    Cites(cites::Args),
    /// The instruments backing a section or task of a plan.
    Basis(basis::Args),
    /// A plan's outline: every item's path, heading, line and the instruments it cites.
    Outline(outline::Args),
    /// A registry entry, its relations and who cites it.
    Show(show::Args),
    /// The citation graph as JSON, DOT or GraphML.
    Graph(graph::Args),
    /// Build or update the search index of plan texts (incremental).
    Index(index::Args),
    /// Search the index (diacritics optional, abbreviations expanded).
    Search(search::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `cancu man | man -l -`), or a subcommand's.
    Man {
        /// A subcommand ("check", "registry import") instead of the whole tool.
        subcommand: Vec<String>,
    },
}

/// The command line of this process, parsed with its help and errors in the user's
/// language ([`help`]); help, version and parse errors are printed and end the process
/// (exit 0 for help and version, 2 for errors).
pub fn parse() -> Cli {
    match help::parse_args(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(stop) => {
            stop.print();
            std::process::exit(stop.code);
        }
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    crate::source::WalkOptions {
        hidden: cli.walk.hidden,
        no_ignore: cli.walk.no_ignore,
        follow: cli.walk.follow,
    }
    .set_for_process();
    output::Settings {
        quiet: cli.global.quiet,
        color: cli.global.color,
        threads: cli.global.threads.map(usize::from),
        lang: check_config::lang(cli.global.lang.as_deref())?,
    }
    .set_for_process();
    if let Some(n) = cli.global.threads {
        crate::index::set_writer_threads(usize::from(n));
    }
    parallel::init_pool(cli.global.threads.map(usize::from));
    match cli.command {
        Command::Report(a) => report::run(a),
        Command::Extract(a) => extract::run(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve::run(a),
        Command::Check(a) => check::run(a),
        Command::Registry(a) => registry::run(a),
        Command::Cites(a) => cites::run(a),
        Command::Basis(a) => basis::run(a),
        Command::Outline(a) => outline::run(a),
        Command::Show(a) => show::run(a),
        Command::Graph(a) => graph::run(a),
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Completions { shell } => completions(shell),
        Command::Man { subcommand } => man(&subcommand),
    }
}

/// `cancu completions SHELL`: the script, generated from the clap definitions, its
/// descriptions in the language of `--lang`.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut help::command(output::lang()), "cancu", &mut buf);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buf)?;
    Ok(Outcome::Clean)
}

/// `cancu man [SUBCOMMAND …]`: the manual page, generated from the clap definitions, its
/// text in the language of `--lang` (the section names are clap_mangen's: NAME, SYNOPSIS …).
fn man(path: &[String]) -> anyhow::Result<Outcome> {
    let mut cmd = help::command(output::lang());
    cmd.build();
    let mut name = String::from("cancu");
    for part in path {
        let Some(sub) = cmd.find_subcommand(part).cloned() else {
            anyhow::bail!(
                "{}",
                crate::cli::output::tr(
                    &crate::messages::E_NO_SUBCOMMAND,
                    &[&format!("{part:?}"), &name]
                )
            );
        };
        name = format!("{name}-{part}");
        cmd = sub.version(env!("CARGO_PKG_VERSION"));
    }
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).title(name).render(&mut buf)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buf)?;
    Ok(Outcome::Clean)
}
