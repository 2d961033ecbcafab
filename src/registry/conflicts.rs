//! Conflicts between sources: one instrument given two issue dates, two effective dates or
//! two statuses by two registry layers (the built-in registry, an instrument's own text,
//! the Bộ pháp điển import, a CSV register, another file), each value with its source, and
//! the value that wins by the stated precedence:
//!
//! 1. verified facts of the built-in registry;
//! 2. the instrument's own text (its header and effect article, or the text of the
//!    instrument that states an effect on it);
//! 3. unverified facts of the built-in registry;
//! 4. the Bộ pháp điển import;
//! 5. CSV registers;
//! 6. any other file.
//!
//! Two dates that are equal once day and month are swapped (2020-08-07 / 2020-07-08) are
//! flagged: one of the sources most likely wrote the date the other way round.
//! Pure: layers of loaded entries in, [`Conflict`]s out.

use super::{Instrument, Status, BUILTIN_ORIGIN};
use crate::model::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a fact comes from, in the order of precedence (the first wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceRank {
    VerifiedBuiltin,
    OwnText,
    Builtin,
    PhapDien,
    Csv,
    Other,
}

impl SourceRank {
    /// How the rank is named in messages.
    pub fn label(self) -> &'static str {
        match self {
            SourceRank::VerifiedBuiltin => "verified built-in fact",
            SourceRank::OwnText => "the instrument's own text",
            SourceRank::Builtin => "unverified built-in fact",
            SourceRank::PhapDien => "Bộ pháp điển",
            SourceRank::Csv => "CSV register",
            SourceRank::Other => "other file",
        }
    }
}

/// The rank of `ins`'s fact `field` ("issued", "effective", "status"), loaded from `origin`.
pub fn rank(origin: &str, ins: &Instrument, field: &str) -> SourceRank {
    if origin == BUILTIN_ORIGIN || origin == super::FICTIONAL_ORIGIN {
        let verified = ins.verified
            || ins
                .sources
                .iter()
                .any(|s| s.verified && s.supports.iter().any(|f| f == field));
        return if verified {
            SourceRank::VerifiedBuiltin
        } else {
            SourceRank::Builtin
        };
    }
    let refs = || ins.sources.iter().map(|s| s.reference.as_str());
    if refs().any(|r| r.starts_with("its own text") || r.starts_with("the text of ")) {
        SourceRank::OwnText
    } else if refs().any(|r| {
        crate::normalize::fold_key(r)
            .to_lowercase()
            .contains("phap dien")
    }) {
        SourceRank::PhapDien
    } else if refs().any(|r| r.starts_with("CSV register")) {
        SourceRank::Csv
    } else {
        SourceRank::Other
    }
}

/// One value of a conflicting fact, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub value: String,
    /// The layer (file) it was loaded from.
    pub origin: String,
    /// The entry's first source reference, if any.
    pub reference: Option<String>,
    pub rank: SourceRank,
}

/// One fact of one instrument that two sources give differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub id: String,
    /// "issued", "effective" or "status".
    pub field: &'static str,
    /// The values, one per source, in loading order.
    pub claims: Vec<Claim>,
    /// Index into `claims` of the value that wins by precedence (ties: loaded first).
    pub winner: usize,
    /// Two of the dates are equal once day and month are swapped.
    pub day_month_swap: bool,
}

impl Conflict {
    /// One line: the values with their sources, the winner, a swap.
    pub fn message(&self) -> String {
        let claims: Vec<String> = self
            .claims
            .iter()
            .map(|c| {
                format!(
                    "{} ({}: {})",
                    c.value,
                    c.rank.label(),
                    c.reference.as_deref().unwrap_or(&c.origin)
                )
            })
            .collect();
        format!(
            "{} given differently: {}; wins by precedence: {}{}",
            self.field,
            claims.join(" ≠ "),
            self.claims[self.winner].value,
            if self.day_month_swap {
                "; the dates differ by a day/month swap"
            } else {
                ""
            }
        )
    }
}

/// Two different dates equal once day and month are swapped in one of them.
pub fn day_month_swapped(a: Date, b: Date) -> bool {
    a != b && a.year == b.year && a.day == b.month && a.month == b.day
}

/// The conflicts between `layers` (origin, entries), loaded in this order: every id given
/// by two layers or more, per fact, when their values differ (a missing value or an
/// unknown status is no claim).
pub fn conflicts(layers: &[(&str, &[Instrument])]) -> Vec<Conflict> {
    let mut by_id: BTreeMap<&str, Vec<(&str, &Instrument)>> = BTreeMap::new();
    for (origin, entries) in layers {
        for ins in entries.iter() {
            by_id
                .entry(ins.id.as_str())
                .or_default()
                .push((origin, ins));
        }
    }
    let mut out = Vec::new();
    for (id, entries) in by_id {
        if entries.len() < 2 {
            continue;
        }
        type Get = fn(&Instrument) -> Option<String>;
        let facts: [(&'static str, Get); 3] = [
            ("issued", |i| i.issued.map(|d| d.to_string())),
            ("effective", |i| i.effective.map(|d| d.to_string())),
            ("status", |i| {
                (i.status != Status::Unknown).then(|| i.status.slug().to_string())
            }),
        ];
        for (field, get) in facts {
            let mut claims: Vec<Claim> = Vec::new();
            for (origin, ins) in &entries {
                let Some(value) = get(ins) else { continue };
                if claims.iter().any(|c| c.value == value) {
                    continue;
                }
                claims.push(Claim {
                    value,
                    origin: origin.to_string(),
                    reference: ins.sources.first().map(|s| s.reference.clone()),
                    rank: rank(origin, ins, field),
                });
            }
            if claims.len() < 2 {
                continue;
            }
            let winner = (0..claims.len())
                .min_by_key(|&i| (claims[i].rank, i))
                .unwrap_or(0);
            let dates: Vec<Date> = claims
                .iter()
                .filter_map(|c| Date::parse_iso(&c.value))
                .collect();
            let day_month_swap = dates
                .iter()
                .enumerate()
                .any(|(i, a)| dates[i + 1..].iter().any(|b| day_month_swapped(*a, *b)));
            out.push(Conflict {
                id: id.to_string(),
                field,
                claims,
                winner,
                day_month_swap,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RegistryFile;

    fn entries(toml: &str) -> Vec<Instrument> {
        RegistryFile::parse("t", toml).unwrap().instruments
    }

    fn entry(id: &str, facts: &str, source: &str, verified: bool) -> String {
        format!(
            "[[instrument]]\nid = \"{id}\"\nkind = \"nghi-dinh\"\n{facts}\n[[instrument.source]]\nref = \"{source}\"\nsupports = [\"issued\", \"effective\", \"status\"]\nverified = {verified}\n"
        )
    }

    #[test]
    fn rank_table() {
        let rows = [
            (
                BUILTIN_ORIGIN,
                "Công báo số 1",
                true,
                SourceRank::VerifiedBuiltin,
            ),
            (BUILTIN_ORIGIN, "Công báo số 1", false, SourceRank::Builtin),
            ("a.json", "its own text: x.json", false, SourceRank::OwnText),
            (
                "a.json",
                "the text of 1/2020/NĐ-CP: x.json",
                false,
                SourceRank::OwnText,
            ),
            (
                "pd.json",
                "Bộ pháp điển điện tử (phapdien.moj.gov.vn), amendment note",
                false,
                SourceRank::PhapDien,
            ),
            ("r.json", "CSV register reg.csv", false, SourceRank::Csv),
            ("u.toml", "my notes", false, SourceRank::Other),
        ];
        for (origin, source, verified, want) in rows {
            let e = &entries(&entry("1/2020/NĐ-CP", "", source, verified))[0];
            assert_eq!(rank(origin, e, "issued"), want, "{origin} {source}");
        }
    }

    #[test]
    fn conflicts_table() {
        const PD: &str = "Bộ pháp điển điện tử (phapdien.moj.gov.vn), note";
        const CSV: &str = "CSV register reg.csv";
        const OWN: &str = "its own text: 101.json";
        // (layers as (origin, entry facts, source, verified)), expected
        // (field, values in order, winner value, swap)
        type Layer<'a> = (&'a str, &'a str, &'a str, bool);
        type Want<'a> = (&'a str, Vec<&'a str>, &'a str, bool);
        let rows: Vec<(Vec<Layer>, Vec<Want>)> = vec![
            // Agreeing sources: nothing.
            (
                vec![
                    ("pd.json", "issued = \"2020-08-28\"", PD, false),
                    ("reg.json", "issued = \"2020-08-28\"", CSV, false),
                ],
                vec![],
            ),
            // A missing value or an unknown status is no claim.
            (
                vec![
                    ("pd.json", "issued = \"2020-08-28\"", PD, false),
                    ("reg.json", "status = \"unknown\"", CSV, false),
                ],
                vec![],
            ),
            // Pháp điển's issue date from a title against the text's own: the text wins,
            // whatever the loading order.
            (
                vec![
                    ("pd.json", "issued = \"2016-09-01\"", PD, false),
                    ("own.json", "issued = \"2020-08-28\"", OWN, false),
                ],
                vec![(
                    "issued",
                    vec!["2016-09-01", "2020-08-28"],
                    "2020-08-28",
                    false,
                )],
            ),
            // A day/month swap in a CSV register; Pháp điển wins over CSV.
            (
                vec![
                    ("reg.json", "issued = \"2020-07-08\"", CSV, false),
                    ("pd.json", "issued = \"2020-08-07\"", PD, false),
                ],
                vec![(
                    "issued",
                    vec!["2020-07-08", "2020-08-07"],
                    "2020-08-07",
                    true,
                )],
            ),
            // Two statuses and two effective dates; a verified built-in fact wins over the
            // text, an unverified one loses to it.
            (
                vec![
                    (
                        BUILTIN_ORIGIN,
                        "effective = \"2026-07-01\"\nstatus = \"not-yet-in-force\"",
                        "Công báo",
                        true,
                    ),
                    (
                        "own.json",
                        "effective = \"2026-01-07\"\nstatus = \"in-force\"",
                        OWN,
                        false,
                    ),
                ],
                vec![
                    (
                        "effective",
                        vec!["2026-07-01", "2026-01-07"],
                        "2026-07-01",
                        true,
                    ),
                    (
                        "status",
                        vec!["not-yet-in-force", "in-force"],
                        "not-yet-in-force",
                        false,
                    ),
                ],
            ),
            (
                vec![
                    (BUILTIN_ORIGIN, "status = \"in-force\"", "Công báo", false),
                    ("own.json", "status = \"expired\"", OWN, false),
                ],
                vec![("status", vec!["in-force", "expired"], "expired", false)],
            ),
            // Different years are no swap.
            (
                vec![
                    ("pd.json", "issued = \"2019-08-07\"", PD, false),
                    ("reg.json", "issued = \"2020-07-08\"", CSV, false),
                ],
                vec![(
                    "issued",
                    vec!["2019-08-07", "2020-07-08"],
                    "2019-08-07",
                    false,
                )],
            ),
        ];
        for (layers, want) in rows {
            let files: Vec<(&str, Vec<Instrument>)> = layers
                .iter()
                .map(|(o, facts, src, v)| (*o, entries(&entry("101/2020/NĐ-CP", facts, src, *v))))
                .collect();
            let refs: Vec<(&str, &[Instrument])> =
                files.iter().map(|(o, e)| (*o, e.as_slice())).collect();
            type Owned = (String, Vec<String>, String, bool);
            let got: Vec<Owned> = conflicts(&refs)
                .iter()
                .map(|c| {
                    (
                        c.field.to_string(),
                        c.claims.iter().map(|x| x.value.clone()).collect(),
                        c.claims[c.winner].value.clone(),
                        c.day_month_swap,
                    )
                })
                .collect();
            let want: Vec<Owned> = want
                .into_iter()
                .map(|(f, v, w, s)| {
                    (
                        f.to_string(),
                        v.into_iter().map(str::to_string).collect(),
                        w.to_string(),
                        s,
                    )
                })
                .collect();
            assert_eq!(got, want, "{layers:?}");
        }
    }

    #[test]
    fn day_month_swapped_table() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        for (a, b, want) in [
            (d(2020, 8, 7), d(2020, 7, 8), true),
            (d(2020, 8, 8), d(2020, 8, 8), false),
            (d(2020, 8, 7), d(2021, 7, 8), false),
            (d(2020, 12, 1), d(2020, 1, 12), true),
            (d(2020, 12, 1), d(2020, 1, 13), false),
        ] {
            assert_eq!(day_month_swapped(a, b), want, "{a} {b}");
        }
    }
}
