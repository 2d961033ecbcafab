//! cancu ("căn cứ": the legal basis a document rests on) turns Vietnamese administrative
//! plan texts into a knowledge base of the legal instruments they cite.
//!
//! The pipeline: read ([`source`]) → normalize ([`normalize`]) → extract ([`extract`]) →
//! resolve → check → index/search. The core stages do no I/O and never panic; I/O and
//! output formats live at the edges (`source`, the binary).

pub mod check;
pub mod cli;
pub mod diag;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod index;
pub mod messages;
pub mod model;
pub mod normalize;
pub mod observed;
pub mod outline;
pub mod registry;
pub mod resolve;
pub mod serve;
pub mod source;

pub use extract::{extract, Extraction};

/// The whole core pipeline on one text: extract, place every citation in the plan's
/// outline (`section`), and resolve it against the registry (`instrument`). No I/O.
pub fn analyze(text: &str, reg: &registry::Registry) -> Extraction {
    let mut e = extract(text);
    outline::outline(text).assign(&mut e.citations);
    resolve::resolve_all(text, &mut e, reg);
    e
}
pub use model::{Citation, Date, Defect, Header, Kind, Span};
