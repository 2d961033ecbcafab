//! cancu ("căn cứ": the legal basis a document rests on) turns Vietnamese administrative
//! plan texts into a knowledge base of the legal instruments they cite.
//!
//! The pipeline: read ([`source`]) → normalize ([`normalize`]) → extract ([`extract`]) →
//! resolve → check → index/search. The core stages do no I/O and never panic; I/O and
//! output formats live at the edges (`source`, the binary).

pub mod cli;
pub mod extract;
pub mod index;
pub mod model;
pub mod normalize;
pub mod source;

pub use extract::{extract, Extraction};
pub use model::{Citation, Date, Defect, Header, Kind, Span};
