//! `cancu serve`: start the web interface (see `crate::serve`), loopback only unless
//! `--allow-remote` says otherwise.

use crate::cli::Outcome;
use crate::serve::{self, Config, ServeError};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plans to serve (files, or folders walked for documents); default: the corpus
    /// folder's plans/. With --index, the documents served are the index's.
    pub paths: Vec<PathBuf>,
    /// The search index folder (built by `cancu index`): search answers from it (picking up
    /// new commits while `cancu index` runs); without it, or when it cannot be opened,
    /// search scans the corpus folder.
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// The corpus folder: plans/ when no PATH is given.
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
    #[command(flatten)]
    pub registry: crate::cli::registry::RegistryArgs,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Allow an address other machines can reach (the pages have no login), and any Host
    /// header (without it only localhost, 127.0.0.1 and [::1] with the port are answered).
    #[arg(long)]
    pub allow_remote: bool,
    /// Worker threads answering requests.
    #[arg(long, default_value_t = serve::WORKERS)]
    pub workers: usize,
    /// The first line of stdout: "listening on http://ADDR", or {"listening": "http://ADDR"}.
    #[command(flatten)]
    pub format: crate::cli::output::FormatArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if !args.addr.ip().is_loopback() && !args.allow_remote {
        return Err(ServeError::NotLoopback { addr: args.addr }.into());
    }
    let config = Config {
        addr: args.addr,
        corpus: crate::cli::places::corpus_dir(args.corpus),
        plans: args.paths,
        index: args.index,
        workers: args.workers.clamp(1, 64),
        allow_remote: args.allow_remote,
    };
    // The registry, loaded as every command loads it: built-in, the bundled plans' layer
    // when they are served, the user data dir's imported files, --registry files.
    let indexed = config.index.as_deref().and_then(|dir| {
        let files = crate::index::SearchIndex::open(dir)
            .ok()?
            .indexed_files()
            .ok()?;
        Some(files.into_keys().map(PathBuf::from).collect::<Vec<_>>())
    });
    let served = match indexed {
        Some(files) => files,
        None if config.plans.is_empty() => vec![config.corpus.join("plans")],
        None => config.plans.clone(),
    };
    // With --index, what the index's documents taught about themselves (learned.json) too,
    // so every instrument a hit names has its page.
    let reg = args
        .registry
        .load_with_index(&served, config.index.as_deref())?;
    let (backend, note) = serve::backend_for(&config, Some(reg));
    if let Some(note) = note {
        let lang = crate::cli::output::lang();
        crate::cli::output::note(format_args!(
            "{}: --index: {}",
            crate::messages::NOTE_WORD.get(lang),
            crate::messages::tr(
                lang,
                &crate::messages::SERVE_NO_INDEX,
                &[
                    &crate::messages::index_error(lang, &note),
                    &config.corpus.display(),
                ],
            )
        ));
    }
    let handle = serve::start(&config, backend)?;
    // The first line of stdout is the address, for scripts and tests (port 0).
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if args.format.get() == crate::cli::output::Format::Json {
        let url = format!("http://{}", handle.addr());
        writeln!(stdout, "{}", serde_json::json!({ "listening": url }))?;
    } else {
        writeln!(stdout, "listening on http://{}", handle.addr())?;
    }
    stdout.flush()?;
    drop(stdout);
    handle.wait();
    Ok(Outcome::Clean)
}
