//! `cancu serve`: a small web interface over the knowledge base — search, a plan with its
//! citations marked by status, an instrument with its relations and citers, the citation
//! graph — and the same answers as JSON under `/api/`.
//!
//! Layers: [`http`] (listener, bounded workers, timeouts, Host check), [`routes`] (request →
//! [`Reply`], validation and limits), [`pages`] (HTML, auto-escaped by maud) with [`render`]
//! (a document's text, Markdown drawn, citations marked) and [`text`] (the web's words in
//! Vietnamese and English), [`backend`] (the questions
//! asked of the data) and its implementations ([`scan`], and [`indexed`]: search from the
//! Tantivy index of `cancu index`, the rest from the scan). Pages work without JavaScript; only
//! the graph view uses a script (served from `/assets/`, no CDN).
//! This module must NOT know how citations are extracted, resolved or checked: it only
//! renders what a [`Backend`] answers.

pub mod backend;
pub mod http;
pub mod indexed;
pub mod pages;
pub mod render;
pub mod routes;
pub mod scan;
pub mod text;

pub use backend::Backend;
pub use http::{Handle, Reply, Req};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// Worker threads answering requests.
pub const WORKERS: usize = 8;

/// What to serve and where.
#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    /// The corpus folder (plans/ and registry/).
    pub corpus: PathBuf,
    /// The plans to serve without an index (files or folders); empty: `corpus/plans`.
    pub plans: Vec<PathBuf>,
    /// The search index folder, when one is used.
    pub index: Option<PathBuf>,
    pub workers: usize,
    /// Serve other machines: any Host header is accepted (else only the loopback names
    /// with the bound port, against DNS rebinding).
    pub allow_remote: bool,
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Start(#[from] http::StartError),
    #[error("{addr} is not a loopback address; pass --allow-remote to serve other machines")]
    NotLoopback { addr: SocketAddr },
}

/// The backend for a configuration.
pub fn backend(config: &Config) -> Arc<dyn Backend> {
    backend_with_note(config).0
}

/// The backend for a configuration, and a note to show once when `--index` was given but
/// could not be used (missing, unreadable, another schema): search then scans the corpus.
pub fn backend_with_note(config: &Config) -> (Arc<dyn Backend>, Option<String>) {
    let (b, e) = backend_for(config, None);
    let note = e.map(|e| {
        crate::messages::tr(
            crate::messages::Lang::En,
            &crate::messages::SERVE_NO_INDEX,
            &[&e, &config.corpus.display()],
        )
    });
    (b, note)
}

/// [`backend_with_note`] with the registry the caller loaded (`cancu serve` loads it as
/// every command does); `None`: the corpus folder's registry files. The index's failure
/// is typed, for the caller to tell in the user's language.
pub fn backend_for(
    config: &Config,
    registry: Option<crate::registry::Registry>,
) -> (Arc<dyn Backend>, Option<crate::index::IndexError>) {
    let registry = registry.map(Arc::new);
    let scan = || {
        Arc::new(
            scan::ScanBackend::new(config.corpus.clone())
                .with_plans(config.plans.clone())
                .with_registry(registry.clone()),
        )
    };
    let Some(dir) = &config.index else {
        return (scan(), None);
    };
    // With an index the documents are the index's (those of the corpus folder read from
    // its snapshot, the others where the index found them).
    let wrapped = scan::ScanBackend::new(config.corpus.clone()).with_registry(registry.clone());
    match indexed::IndexBackend::open_with(dir, &config.corpus, wrapped) {
        Ok(b) => (Arc::new(b), None),
        Err(e) => (scan(), Some(e)),
    }
}

/// Start serving `config` with `backend`; returns at once with the running server.
pub fn start(config: &Config, backend: Arc<dyn Backend>) -> Result<Handle, ServeError> {
    let hosts = config.allow_remote.then_some(http::HostPolicy::Any);
    let handle = http::start(
        config.addr,
        config.workers,
        hosts,
        http::Limits::default(),
        move |req| routes::route(&*backend, req),
    )?;
    Ok(handle)
}
