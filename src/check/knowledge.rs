//! What the checker needs to know about instruments, as a small trait ([`Knowledge`]) with
//! plain structs, so the registry-driven rules can be written and tested without the
//! registry. The registry (`src/registry`, `src/resolve.rs`) implements it through
//! `crate::knowledge`, whose [`Knowledge::standing`] is the registry's one `status_at`;
//! [`NoKnowledge`] switches the registry rules off.
//!
//! This module must NOT know how the registry stores or loads anything.

use crate::model::{Citation, Date, Kind};

/// A registry id ("168/2018/NĐ-CP", "28-NQ/TW@2013-10-25").
pub type InstrumentId = String;

/// What a citation resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// One instrument.
    Found(InstrumentId),
    /// Several instruments fit (colliding numbers, no date or subject to tell them apart).
    Ambiguous(Vec<InstrumentId>),
    /// The registry cannot tell.
    Unknown,
}

/// What ended or narrowed an instrument's force ("tình trạng hiệu lực").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Expired ("hết hiệu lực"), with or without a replacement.
    Expired,
    /// Replaced ("được thay thế bởi") by `by`.
    Replaced,
    /// Superseded in substance (a newer instrument on the same subject) without a
    /// replacement clause seen.
    Superseded,
    /// Partly expired ("hết hiệu lực một phần").
    PartlyExpired,
}

/// One dated change of status: the one that decided where an instrument stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    /// When it took effect; None when unknown.
    pub date: Option<Date>,
    pub by: Option<InstrumentId>,
    /// Whether the registry's source for it was verified.
    pub verified: bool,
}

/// The facts about one instrument the rules use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstrumentFacts {
    pub id: InstrumentId,
    pub kind: Option<Kind>,
    /// The number-symbol as it should be written ("62/2011/QĐ-TTg", "28-NQ/TW").
    pub canonical: Option<String>,
    /// The issuer ("Chính phủ", "Huyện ủy Yên Thế").
    pub issuer: Option<String>,
    /// Issue date ("ngày ban hành").
    pub issued: Option<Date>,
    /// Effective date ("ngày có hiệu lực").
    pub effective: Option<Date>,
    /// The subject ("trích yếu").
    pub title: Option<String>,
    /// A newer instrument of the same recurring series (an annual directive or plan) and
    /// its year, when the registry knows one: (id, year).
    pub newer_in_series: Vec<(InstrumentId, i32)>,
}

/// Where an instrument stands on a date, as the registry's one status function decides it
/// ([`Knowledge::standing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    InForce,
    NotYetInForce(Date),
    PartlyExpired(Event),
    Expired(Event),
    Replaced(Event),
    Superseded(Event),
}

/// One version of a law cited by name: a law passed under the work's name ("36/2005/QH11"
/// of "Luật Thương mại").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawVersion {
    pub id: InstrumentId,
    /// The day it was passed ("ngày thông qua").
    pub passed: Date,
    /// The day it took effect, when known.
    pub effective: Option<Date>,
    /// Whether the registry's source for its dates was verified.
    pub verified: bool,
}

/// A law, code or ordinance as it is cited by name, with the versions the registry knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LawWork {
    /// The work's name ("Luật Thương mại").
    pub name: String,
    pub versions: Vec<LawVersion>,
    /// The day up to which `versions` holds every version from its first one; None when
    /// the list is not known complete.
    pub complete_until: Option<Date>,
    /// The passing dates of the laws that amended its versions, where the registry knows
    /// them.
    pub amending: Vec<Date>,
}

/// What the checker asks of a registry.
pub trait Knowledge {
    /// False when there is no registry: the registry-driven rules are skipped.
    fn available(&self) -> bool {
        true
    }
    /// Resolve one citation; `doc_date` is the citing document's date, to choose between
    /// colliding numbers.
    fn resolve(&self, c: &Citation, doc_date: Option<Date>) -> Resolution;
    /// Resolve every citation of a document, reading the whole of it (a law cited by name
    /// means the version the document's preamble names). By default, one by one.
    fn resolve_document(&self, _text: &str, ex: &crate::extract::Extraction) -> Vec<Resolution> {
        let d = crate::resolve::document_date(ex);
        ex.citations.iter().map(|c| self.resolve(c, d)).collect()
    }
    /// The facts about one instrument.
    fn instrument(&self, id: &str) -> Option<InstrumentFacts>;
    /// Where an instrument stands on `as_of` (None when unknown): the registry decides it,
    /// in one place, for the checker as for every other reader.
    fn standing(&self, id: &str, as_of: Date) -> Option<Standing>;
    /// The work a law's name names ("Luật Thương mại", an alias), with its versions; None
    /// when the registry does not know the name.
    fn law_work(&self, _name: &str) -> Option<LawWork> {
        None
    }
    /// Instruments whose subject matches `subject` (most likely first), for "did you mean".
    fn find_by_subject(&self, _kind: Kind, _subject: &str) -> Vec<InstrumentId> {
        Vec::new()
    }
    /// Follow replacements from `id` to what is in force on `as_of`: the chain, first
    /// successor first, ending at the one in force (or where the chain breaks).
    fn successors(&self, id: &str, as_of: Date) -> Vec<InstrumentFacts> {
        let mut chain: Vec<InstrumentFacts> = Vec::new();
        let mut cur = id.to_string();
        for _ in 0..16 {
            let next = match self.standing(&cur, as_of) {
                Some(Standing::Replaced(e) | Standing::Expired(e) | Standing::Superseded(e)) => {
                    e.by
                }
                _ => None,
            };
            let Some(next) = next else { break };
            if next == id || chain.iter().any(|c| c.id == next) {
                break;
            }
            let Some(nf) = self.instrument(&next) else {
                break;
            };
            chain.push(nf);
            cur = next;
        }
        chain
    }
}

/// No registry: every registry rule is skipped.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoKnowledge;

impl Knowledge for NoKnowledge {
    fn available(&self) -> bool {
        false
    }
    fn resolve(&self, _c: &Citation, _doc_date: Option<Date>) -> Resolution {
        Resolution::Unknown
    }
    fn instrument(&self, _id: &str) -> Option<InstrumentFacts> {
        None
    }
    fn standing(&self, _id: &str, _as_of: Date) -> Option<Standing> {
        None
    }
}
