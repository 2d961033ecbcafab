//! Resolution: each citation to the registry entry it names, or "ambiguous" with the
//! candidates, or "unknown" — never a guess.
//!
//! Numbered citations match on number (leading zeros equal) + symbol (folded) + year, kind
//! preferred but not required (a wrong type word with a known symbol still resolves).
//! Colliding numbers ("28-NQ/TW" of 2008 and of 2013) are told apart by the date written
//! beside the citation, then the issuer, then the subject words, then the citing document's
//! own date (the latest candidate issued before it). Laws cited by name resolve to the law
//! of that name in force at the citing document's date, or of the year written.
//!
//! Pure: no I/O; knows the registry and the citation model, not documents or outlines.

use crate::extract::Extraction;
use crate::model::{Citation, Date};
use crate::normalize::fold_key;
use crate::registry::{Instrument, Registry};
use std::collections::HashSet;

/// The outcome of resolving one citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Resolved(String),
    Ambiguous(Vec<String>),
    Unknown,
}

/// What is known of the citing document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The document's date (or the earliest date it can have).
    pub date: Option<Date>,
}

/// The citing document's own date — the one function every stage uses for "the document's
/// date" (resolution, checks, the graph, the web): the date the document states in its
/// header's date line, signature block or gazette header (read by the extractor), never a
/// date from its title or from a cited instrument; `None` when it states none.
pub fn document_date(e: &Extraction) -> Option<Date> {
    e.header.date
}

/// Resolve one citation.
pub fn resolve(c: &Citation, reg: &Registry, ctx: &Context) -> Resolution {
    match (&c.number, &c.symbol) {
        (Some(n), Some(s)) => numbered(c, n, s, reg, ctx),
        _ => match &c.law {
            Some(name) if c.number.is_none() => named(name, c.year, reg, ctx),
            _ => Resolution::Unknown,
        },
    }
}

fn ids(v: &[&Instrument]) -> Vec<String> {
    v.iter().map(|i| i.id.clone()).collect()
}

fn numbered(c: &Citation, n: &str, s: &str, reg: &Registry, ctx: &Context) -> Resolution {
    let all = reg.by_number_symbol(n, s);
    if all.is_empty() {
        return Resolution::Unknown;
    }
    let same_kind: Vec<&Instrument> = all.iter().copied().filter(|i| i.kind == c.kind).collect();
    let mut cands = if same_kind.is_empty() { all } else { same_kind };
    if let Some(y) = c.year {
        cands.retain(|i| i.year() == Some(y));
    }
    disambiguate(cands, c, ctx)
}

fn one_or(v: Vec<&Instrument>) -> Option<Resolution> {
    match v.len() {
        0 => Some(Resolution::Unknown),
        1 => Some(Resolution::Resolved(v[0].id.clone())),
        _ => None,
    }
}

fn disambiguate(cands: Vec<&Instrument>, c: &Citation, ctx: &Context) -> Resolution {
    if let Some(r) = one_or(cands.clone()) {
        return r;
    }
    // The date written beside the citation.
    if let Some(d) = c.date {
        let by_date: Vec<&Instrument> = cands
            .iter()
            .copied()
            .filter(|i| i.issued == Some(d))
            .collect();
        if !by_date.is_empty() {
            return one_or(by_date.clone()).unwrap_or(Resolution::Ambiguous(ids(&by_date)));
        }
    }
    // The issuer written.
    if let Some(iss) = &c.issuer {
        let k = fold_key(iss);
        let by_issuer: Vec<&Instrument> = cands
            .iter()
            .copied()
            .filter(|i| i.issuer.as_deref().map(fold_key).is_some_and(|x| x == k))
            .collect();
        if by_issuer.len() == 1 {
            return Resolution::Resolved(by_issuer[0].id.clone());
        }
    }
    // The subject words.
    if let Some(t) = &c.title {
        if let Some(i) = best_by_title(&cands, t) {
            return Resolution::Resolved(i.id.clone());
        }
    }
    // The citing document's date: the latest issued before it.
    if let Some(d) = ctx.date {
        let before: Vec<&Instrument> = cands
            .iter()
            .copied()
            .filter(|i| i.issued.is_some_and(|x| x <= d))
            .collect();
        if let Some(latest) = before.iter().map(|i| i.issued).max() {
            let top: Vec<&Instrument> = before.into_iter().filter(|i| i.issued == latest).collect();
            if top.len() == 1 {
                return Resolution::Resolved(top[0].id.clone());
            }
        }
    }
    Resolution::Ambiguous(ids(&cands))
}

/// Word pairs of a folded text (bigrams carry the subject better than single words:
/// "khu vuc", "vuc phong", "phong thu").
fn bigrams(s: &str) -> HashSet<String> {
    let f = fold_key(s);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

/// The candidate whose title and subject share clearly more word pairs with `title` than
/// any other (at least 2, and twice the runner-up).
fn best_by_title<'a>(cands: &[&'a Instrument], title: &str) -> Option<&'a Instrument> {
    let q = bigrams(title);
    let mut scored: Vec<(usize, &Instrument)> = cands
        .iter()
        .map(|i| {
            let mut text = i.title.clone().unwrap_or_default();
            for s in &i.subject {
                text.push_str(" . ");
                text.push_str(s);
            }
            (bigrams(&text).intersection(&q).count(), *i)
        })
        .collect();
    scored.sort_by_key(|x| std::cmp::Reverse(x.0));
    let best = scored.first()?;
    let second = scored.get(1).map(|x| x.0).unwrap_or(0);
    (best.0 >= 2 && best.0 >= 2 * second.max(1) && best.0 > second).then_some(best.1)
}

fn named(name: &str, year: Option<i32>, reg: &Registry, ctx: &Context) -> Resolution {
    let mut cands = reg.by_name(name);
    if cands.is_empty() {
        return Resolution::Unknown;
    }
    cands.sort_by_key(|i| (i.start(), i.id.clone()));
    cands.dedup_by(|a, b| a.id == b.id);
    if let Some(y) = year {
        let v: Vec<&Instrument> = cands.into_iter().filter(|i| i.year() == Some(y)).collect();
        return one_or(v.clone()).unwrap_or(Resolution::Ambiguous(ids(&v)));
    }
    if cands.len() == 1 {
        return Resolution::Resolved(cands[0].id.clone());
    }
    match ctx.date {
        Some(d) => {
            // The latest version that applied by then.
            let applied: Vec<&Instrument> = cands
                .iter()
                .copied()
                .filter(|i| i.start().is_some_and(|s| s <= d))
                .collect();
            match applied.last() {
                Some(last) => {
                    let same: Vec<&Instrument> = applied
                        .iter()
                        .copied()
                        .filter(|i| i.start() == last.start())
                        .collect();
                    one_or(same.clone()).unwrap_or(Resolution::Ambiguous(ids(&same)))
                }
                None => Resolution::Ambiguous(ids(&cands)),
            }
        }
        None => {
            // No date: the one version not ended.
            let current: Vec<&Instrument> = cands
                .iter()
                .copied()
                .filter(|i| !i.status.is_gone() && !i.relations.iter().any(|r| r.kind.ends_force()))
                .collect();
            one_or(current).unwrap_or(Resolution::Ambiguous(ids(&cands)))
        }
    }
}

/// Counts of a document's resolution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub resolved: usize,
    pub ambiguous: usize,
    pub unknown: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.resolved + self.ambiguous + self.unknown
    }
    pub fn add(&mut self, o: Summary) {
        self.resolved += o.resolved;
        self.ambiguous += o.ambiguous;
        self.unknown += o.unknown;
    }
}

/// Resolve every citation of an extraction and fill `citation.instrument`: the entry's
/// summary, `{"ambiguous": [ids]}`, or null.
pub fn resolve_all(e: &mut Extraction, reg: &Registry) -> Summary {
    let ctx = Context {
        date: document_date(e),
    };
    let mut s = Summary::default();
    for c in &mut e.citations {
        let r = resolve(c, reg, &ctx);
        c.instrument = match &r {
            Resolution::Resolved(id) => reg.get(id).map(|i| i.summary_json()),
            Resolution::Ambiguous(v) => Some(serde_json::json!({ "ambiguous": v })),
            Resolution::Unknown => None,
        };
        match r {
            Resolution::Resolved(_) => s.resolved += 1,
            Resolution::Ambiguous(_) => s.ambiguous += 1,
            Resolution::Unknown => s.unknown += 1,
        }
    }
    s
}

/// The id a resolved citation points to.
pub fn resolved_id(c: &Citation) -> Option<&str> {
    c.instrument.as_ref()?.get("id")?.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REG: &str = r#"
[[instrument]]
id = "28-NQ/TW:bo-chinh-tri:2008-09-22"
kind = "nghi-quyet"
number = "28"
year = 2008
symbol = "NQ/TW"
issuer = "Bộ Chính trị"
issued = "2008-09-22"
title = "về tiếp tục xây dựng các tỉnh, thành phố trực thuộc Trung ương thành khu vực phòng thủ vững chắc trong tình hình mới"
subject = ["khu vực phòng thủ"]

[[instrument]]
id = "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25"
kind = "nghi-quyet"
number = "28"
year = 2013
symbol = "NQ/TW"
issuer = "Ban Chấp hành Trung ương"
issued = "2013-10-25"
title = "về Chiến lược bảo vệ Tổ quốc trong tình hình mới"

[[instrument]]
id = "168/2018/NĐ-CP"
kind = "nghi-dinh"
number = "168"
year = 2018
symbol = "NĐ-CP"
issued = "2018-12-28"

[[instrument]]
id = "43/2009/QH12"
kind = "luat"
number = "43"
year = 2009
symbol = "QH12"
issued = "2009-11-23"
effective = "2010-07-01"
law_name = "Luật Dân quân tự vệ"
status = "expired"
[[instrument.relation]]
type = "replaced-by"
target = "48/2019/QH14"

[[instrument]]
id = "48/2019/QH14"
kind = "luat"
number = "48"
year = 2019
symbol = "QH14"
issued = "2019-11-22"
effective = "2020-07-01"
law_name = "Luật Dân quân tự vệ"
aliases = ["Luật DQTV"]
status = "in-force"
"#;

    fn check(text: &str, doc_date: Option<&str>, expected: Resolution) {
        let reg = Registry::from_text("t", REG).unwrap();
        let e = crate::extract(text);
        let c = e
            .citations
            .first()
            .unwrap_or_else(|| panic!("no citation in {text:?}"));
        let ctx = Context {
            date: doc_date.and_then(Date::parse_iso),
        };
        assert_eq!(resolve(c, &reg, &ctx), expected, "{text:?}");
    }

    fn r(id: &str) -> Resolution {
        Resolution::Resolved(id.into())
    }

    #[test]
    fn resolution_table() {
        let both = Resolution::Ambiguous(vec![
            "28-NQ/TW:bo-chinh-tri:2008-09-22".into(),
            "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25".into(),
        ]);
        let rows: Vec<(&str, Option<&str>, Resolution)> = vec![
            ("Nghị định số 168/2018/NĐ-CP", None, r("168/2018/NĐ-CP")),
            ("theo 168/2018/ND-CP", None, r("168/2018/NĐ-CP")),
            // Wrong type word, known symbol.
            ("Quyết định số 168/2018/NĐ-CP", None, r("168/2018/NĐ-CP")),
            ("Nghị định số 168/2017/NĐ-CP", None, Resolution::Unknown),
            (
                "Nghị quyết số 28-NQ/TW ngày 22/9/2008",
                None,
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW về xây dựng tỉnh thành khu vực phòng thủ",
                None,
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW về Chiến lược bảo vệ Tổ quốc trong tình hình mới",
                None,
                r("28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25"),
            ),
            (
                "Nghị quyết số 28-NQ/TW của Bộ Chính trị",
                None,
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW",
                Some("2010-01-01"),
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW",
                Some("2024-01-01"),
                r("28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25"),
            ),
            ("Nghị quyết số 28-NQ/TW", None, both),
            ("theo Luật DQTV", Some("2024-01-01"), r("48/2019/QH14")),
            (
                "theo Luật Dân quân tự vệ",
                Some("2015-01-01"),
                r("43/2009/QH12"),
            ),
            (
                "theo Luật Dân quân tự vệ năm 2009",
                Some("2024-01-01"),
                r("43/2009/QH12"),
            ),
            ("theo Luật Dân quân tự vệ", None, r("48/2019/QH14")),
            ("Nghị định số 99/2018/NĐ-CP", None, Resolution::Unknown),
        ];
        for (t, d, e) in rows {
            check(t, d, e);
        }
    }
}
