//! cancu ("căn cứ": the legal basis a document rests on) turns Vietnamese administrative
//! plan texts into a knowledge base of the legal instruments they cite.
//!
//! The pipeline: read ([`source`]) → normalize ([`normalize`]) → extract ([`extract`]) →
//! resolve → check → index/search. The core stages do no I/O and never panic; I/O and
//! output formats live at the edges (`source`, the binary).

pub mod analysis;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod diag;
pub mod eval;
pub mod extract;
#[cfg(feature = "index")]
pub mod graph;
#[cfg(feature = "index")]
pub mod index;
pub mod knowledge;
pub mod messages;
pub mod model;
pub mod normalize;
pub mod observed;
pub mod outline;
pub mod registry;
pub mod resolve;
#[cfg(feature = "serve")]
pub mod serve;
pub mod source;
#[cfg(test)]
pub(crate) mod testing;

pub use extract::{extract, Extraction};

/// The core pipeline on one text ([`analysis::analyze`] with [`analysis::Wants::citations`]):
/// extract, place every citation in the plan's outline (`section`), and resolve it against
/// the registry (`instrument`). No I/O.
pub fn analyze(text: &str, reg: &registry::Registry) -> Extraction {
    analysis::analyze_text("", text, Some(reg), &analysis::Wants::citations()).extraction
}
pub use model::{Citation, Date, Defect, Header, Kind, Span};
