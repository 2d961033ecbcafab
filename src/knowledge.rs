//! The registry as the checker's [`Knowledge`]: resolution through `resolve`, instrument
//! facts with dated events from the registry's relations and statuses, subject search and
//! yearly series. The checker sees only the trait; this adapter is the one place that
//! knows both sides.
//!
//! It sits above `registry`, `resolve` and `check` so that none of them depends on another
//! the wrong way: `resolve` reads the `registry`; `registry` knows neither `resolve` nor
//! `check`; `check` knows only its own trait (and `resolve::document_date`).

use crate::check::{
    Event, EventKind, InstrumentFacts, InstrumentId, Knowledge, LawVersion, LawWork, Resolution,
    Standing,
};
use crate::model::{Citation, Date, Kind};
use crate::normalize::fold_key;
use crate::registry::{Cause, CauseKind, Instrument, Registry, Status};
use crate::resolve;
use std::borrow::Borrow;
use std::collections::HashSet;

/// A registry (owned or borrowed) seen as knowledge for the checker.
pub struct RegistryKnowledge<R: Borrow<Registry>> {
    reg: R,
    /// The subject words of every instrument (title and subjects, [`words`]), in the
    /// registry's order: made at the first subject search, not at every one.
    subjects: std::sync::OnceLock<Vec<HashSet<String>>>,
}

impl<R: Borrow<Registry>> RegistryKnowledge<R> {
    pub fn new(reg: R) -> RegistryKnowledge<R> {
        RegistryKnowledge {
            reg,
            subjects: std::sync::OnceLock::new(),
        }
    }

    fn reg(&self) -> &Registry {
        self.reg.borrow()
    }

    fn facts(&self, ins: &Instrument) -> InstrumentFacts {
        InstrumentFacts {
            id: ins.id.clone(),
            kind: Some(ins.kind),
            canonical: ins.number_symbol(),
            issuer: ins.issuer.clone(),
            issued: ins.issued,
            effective: ins.effective,
            title: ins.title.clone(),
            newer_in_series: self.series(ins),
        }
    }

    /// Later instruments of the same yearly series: same kind, same issuer, both annual.
    fn series(&self, ins: &Instrument) -> Vec<(InstrumentId, i32)> {
        if !ins.annual {
            return Vec::new();
        }
        let (Some(y), Some(issuer)) = (ins.year(), ins.issuer.as_deref()) else {
            return Vec::new();
        };
        let issuer = fold_key(issuer);
        self.reg()
            .instruments()
            .iter()
            .filter(|o| o.annual && o.kind == ins.kind && o.id != ins.id)
            .filter(|o| o.issuer.as_deref().map(fold_key).as_deref() == Some(issuer.as_str()))
            .filter_map(|o| o.year().filter(|&oy| oy > y).map(|oy| (o.id.clone(), oy)))
            .collect()
    }
}

/// Content words of a subject, folded (syllables of three letters or more, and a few
/// shorter ones that carry meaning in these texts).
fn words(s: &str) -> HashSet<String> {
    fold_key(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 || matches!(*w, "an" | "qp" | "da"))
        .map(|w| w.to_string())
        .collect()
}

/// The checker's view of a resolution: a version the registry lacks is not found there.
pub fn checked(r: resolve::Resolution) -> Resolution {
    match r {
        resolve::Resolution::Resolved(id) => Resolution::Found(id),
        resolve::Resolution::Ambiguous(ids) => Resolution::Ambiguous(ids),
        resolve::Resolution::Observed(_) | resolve::Resolution::Unknown => Resolution::Unknown,
    }
}

impl<R: Borrow<Registry>> Knowledge for RegistryKnowledge<R> {
    fn resolve(&self, c: &Citation, doc_date: Option<Date>) -> Resolution {
        let ctx = resolve::Context {
            date: doc_date,
            year: doc_date.map(|d| d.year),
        };
        checked(resolve::resolve(c, self.reg(), &ctx))
    }

    fn resolve_document(&self, text: &str, ex: &crate::extract::Extraction) -> Vec<Resolution> {
        resolve::resolve_document(text, ex, self.reg())
            .into_iter()
            .map(checked)
            .collect()
    }

    fn instrument(&self, id: &str) -> Option<InstrumentFacts> {
        self.reg().get(id).map(|i| self.facts(i))
    }

    /// The law table's work of that name with its versions (verified when the table's list
    /// or the version's own row is, or when the registry's verified entry of that number
    /// gives the same passing date), and the registry's laws of that name the table lacks, as resolution sees them.
    fn law_work(&self, name: &str) -> Option<LawWork> {
        let w = crate::extract::Tables::builtin().work(name)?;
        let reg = self.reg();
        let mut versions: Vec<LawVersion> = Vec::new();
        let mut amending: Vec<Date> = Vec::new();
        for v in &w.versions {
            let entry = reg.get(&v.id);
            versions.push(LawVersion {
                id: v.id.clone(),
                passed: v.passed,
                effective: Some(v.effective),
                verified: w.verified
                    || v.verified
                    || entry.is_some_and(|i| i.verified && i.issued == Some(v.passed)),
            });
            amending.extend(v.amended_by.iter().filter_map(|a| reg.get(a)?.issued));
        }
        for i in reg.by_name(&w.name) {
            let law = matches!(
                i.kind,
                Kind::Law | Kind::Code | Kind::Ordinance | Kind::Constitution
            );
            if !law || versions.iter().any(|v| v.id == i.id) {
                continue;
            }
            if let Some(passed) = i.issued {
                versions.push(LawVersion {
                    id: i.id.clone(),
                    passed,
                    effective: i.effective,
                    verified: i.verified,
                });
            }
        }
        Some(LawWork {
            name: w.name.clone(),
            versions,
            complete_until: w.complete_until,
            amending,
        })
    }

    /// The registry's [`Registry::status_at`], the one function deciding status on a date,
    /// in the checker's words: the effect it decided on becomes the standing's event.
    fn standing(&self, id: &str, as_of: Date) -> Option<Standing> {
        let at = self.reg().status_at(id, as_of)?;
        let event = |c: &Cause| Event {
            kind: match c.kind {
                CauseKind::Replaced => EventKind::Replaced,
                CauseKind::Superseded => EventKind::Superseded,
                CauseKind::Expired => EventKind::Expired,
                CauseKind::PartlyExpired => EventKind::PartlyExpired,
            },
            date: c.date,
            by: c.by.clone(),
            verified: c.verified,
        };
        Some(match (at.status, &at.cause) {
            (Status::NotYetInForce, _) => match self.reg().get(id).and_then(|i| i.start()) {
                Some(d) => Standing::NotYetInForce(d),
                None => Standing::InForce,
            },
            (_, Some(c)) => {
                let e = event(c);
                match c.kind {
                    CauseKind::Replaced => Standing::Replaced(e),
                    CauseKind::Superseded => Standing::Superseded(e),
                    CauseKind::Expired => Standing::Expired(e),
                    CauseKind::PartlyExpired => Standing::PartlyExpired(e),
                }
            }
            _ => Standing::InForce,
        })
    }

    fn find_by_subject(&self, kind: Kind, subject: &str) -> Vec<InstrumentId> {
        let want = words(subject);
        if want.len() < 2 {
            return Vec::new();
        }
        let instruments = self.reg().instruments();
        let subjects = self.subjects.get_or_init(|| {
            instruments
                .iter()
                .map(|i| {
                    let mut have = words(i.title.as_deref().unwrap_or(""));
                    for s in &i.subject {
                        have.extend(words(s));
                    }
                    have
                })
                .collect()
        });
        let mut scored: Vec<(usize, &Instrument)> = instruments
            .iter()
            .zip(subjects)
            .filter(|(i, _)| i.kind == kind)
            .filter_map(|(i, have)| {
                let shared = want.intersection(have).count();
                // At least half of the cited subject's words, and three of them.
                (shared >= 3 && shared * 2 >= want.len()).then_some((shared, i))
            })
            .collect();
        scored.sort_by_key(|(s, i)| (std::cmp::Reverse(*s), i.id.clone()));
        scored.into_iter().map(|(_, i)| i.id.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_facts_from_the_builtin_registry() {
        let reg = Registry::builtin().expect("builtin registry");
        let k = RegistryKnowledge::new(&reg);
        // The 2013 strategy resolution is superseded by 44-NQ/TW.
        let id = reg
            .instruments()
            .iter()
            .find(|i| i.id.starts_with("28-NQ/TW") && i.issued.is_some_and(|d| d.year == 2013))
            .map(|i| i.id.clone())
            .expect("28-NQ/TW of 2013 in the registry");
        let st = k.standing(&id, Date::new(2025, 1, 1).unwrap());
        assert!(
            matches!(&st, Some(Standing::Superseded(e))
                if e.by.as_deref().is_some_and(|b| b.starts_with("44-NQ/TW"))),
            "{st:?}"
        );
        // Before 44-NQ/TW, in force: the registry's status_at decides, for the checker too.
        let st = k.standing(&id, Date::new(2020, 1, 1).unwrap());
        assert_eq!(st, Some(Standing::InForce));
        // Subject search finds the real militia-coordination decree.
        let found = k.find_by_subject(
            Kind::Decree,
            "quy định việc phối hợp của Dân quân tự vệ với các lực lượng trong hoạt động bảo vệ",
        );
        assert!(found.iter().any(|x| x == "133/2015/NĐ-CP"), "{found:?}");
    }

    /// A law's name gives its work with its versions, each verified or not, as C0214 reads
    /// them: (name as cited, version id, passing date, verified); None for an unknown name.
    #[test]
    fn law_works_by_name() {
        let reg = Registry::builtin().expect("builtin registry");
        let k = RegistryKnowledge::new(&reg);
        type Row<'a> = (&'a str, Option<(&'a str, Date, bool)>);
        let rows: &[Row] = &[
            (
                "Luật Thương mại",
                Some(("36/2005/QH11", Date::new(2005, 6, 14).unwrap(), true)),
            ),
            // Verified by its own row while the work's second row is not.
            (
                "Luật Tổ chức Chính phủ",
                Some(("32/2001/QH10", Date::new(2001, 12, 25).unwrap(), true)),
            ),
            // Verified from public sources (see its `source` in laws.toml).
            (
                "Luật Đường bộ",
                Some(("35/2024/QH15", Date::new(2024, 6, 27).unwrap(), true)),
            ),
            // Recorded, not verified: its effective date was not found stated.
            (
                "Luật Xây dựng",
                Some(("16/2003/QH11", Date::new(2003, 11, 26).unwrap(), false)),
            ),
            ("Luật Hòa giải ở nơi không có", None),
        ];
        for (name, want) in rows {
            let work = k.law_work(name);
            match want {
                None => assert!(work.is_none(), "{name}: {work:?}"),
                Some((id, passed, verified)) => {
                    let w = work.unwrap_or_else(|| panic!("{name}: no work"));
                    let v = w.versions.iter().find(|v| v.id == *id);
                    assert_eq!(
                        v.map(|v| (v.passed, v.verified)),
                        Some((*passed, *verified)),
                        "{name}: {w:?}"
                    );
                    assert!(w.complete_until.is_some(), "{name}");
                }
            }
        }
    }
}
