//! Time rules (C03xx): whether what is cited holds at a date — cited before it was issued,
//! expired, replaced, superseded or partly expired (following the chain to what is in
//! force), not yet in force, an earlier year's annual instrument, an issuer that no longer
//! exists.
//!
//! Must NOT decide what a citation resolves to (that is the registry's, via `Knowledge`).

use super::rules;
use super::{diag, name_of, year_in_number, Ctx, InstrumentFacts, Resolution, Standing};
use crate::diag::Diagnostic;
use crate::extract::Tables;
use crate::model::{Citation, Date};
use crate::normalize::fold_key;

/// The per-citation time rules.
pub fn check(cx: &Ctx, i: usize, c: &Citation, out: &mut Vec<Diagnostic>) {
    out.extend(cited_before_issued(cx, i, c));
    if let Some(Resolution::Found(id)) = cx.resolved.get(i) {
        out.extend(standing(cx, c, id));
    }
    out.extend(issuer_abolished(cx, c));
}

/// The document-wide time rules.
pub fn check_document(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, c) in cx.ex.citations.iter().enumerate() {
        out.extend(stale_annual(cx, i, c));
    }
}

fn span(c: &Citation) -> (usize, usize) {
    c.parts
        .number_symbol
        .as_ref()
        .map(|p| (p.start, p.end))
        .unwrap_or((c.start, c.end))
}

fn label_name(f: &InstrumentFacts) -> String {
    let n = f.canonical.clone().unwrap_or_else(|| f.id.clone());
    match f.issued {
        Some(d) => format!("{n} of {}", d.vietnamese()),
        None => n,
    }
}

/// C0301: the cited date (or year) is later than the citing document's.
pub fn cited_before_issued(cx: &Ctx, i: usize, c: &Citation) -> Option<Diagnostic> {
    let issued = c.date.or_else(|| match cx.resolved.get(i) {
        Some(Resolution::Found(id)) => cx.know.instrument(id).and_then(|f| f.issued),
        _ => None,
    });
    let later = match (cx.doc_date, issued) {
        (Some(doc), Some(d)) => (d > doc).then(|| (d.vietnamese(), doc.vietnamese())),
        _ => {
            let y = c
                .canonical
                .as_deref()
                .and_then(year_in_number)
                .or(issued.map(|d| d.year))
                .or(c.year)?;
            let doc = cx.doc_year?;
            (y > doc).then(|| (y.to_string(), doc.to_string()))
        }
    }?;
    let (s, e) = c
        .parts
        .date
        .as_ref()
        .map(|p| (p.start, p.end))
        .unwrap_or(span(c));
    Some(diag(
        &rules::CITED_BEFORE_ISSUED,
        format!(
            "{} ({}) is later than this document ({})",
            name_of(c),
            later.0,
            later.1
        ),
        vec![cx.label(s, e, "after this document's date", true)],
    ))
}

/// C0302–C0305: where the resolved instrument stands as of the date checked.
pub fn standing(cx: &Ctx, c: &Citation, id: &str) -> Option<Diagnostic> {
    let as_of = cx.as_of?;
    let f = cx.know.instrument(id)?;
    let st = f.standing(as_of);
    let (s, e) = span(c);
    let name = label_name(&f);
    let when = |d: Option<Date>| {
        d.map(|d| format!(" on {}", d.vietnamese()))
            .unwrap_or_default()
    };
    let mut d = match &st {
        Standing::InForce => return None,
        Standing::NotYetInForce(eff) => diag(
            &rules::NOT_YET_IN_FORCE,
            format!(
                "{name} takes effect on {}, after {}",
                eff.vietnamese(),
                as_of.vietnamese()
            ),
            vec![cx.label(s, e, "not yet in force", true)],
        ),
        Standing::PartlyExpired(ev) => diag(
            &rules::PARTLY_EXPIRED,
            format!(
                "{name} is partly expired{} (as of {})",
                when(ev.date),
                as_of.vietnamese()
            ),
            vec![cx.label(s, e, "partly expired", true)],
        ),
        Standing::Expired(ev) | Standing::Replaced(ev) => diag(
            &rules::NO_LONGER_IN_FORCE,
            format!(
                "{name} is no longer in force{} (as of {})",
                when(ev.date),
                as_of.vietnamese()
            ),
            vec![cx.label(s, e, "no longer in force", true)],
        ),
        Standing::Superseded(ev) => diag(
            &rules::SUPERSEDED,
            format!(
                "{name} has been superseded{} (as of {})",
                when(ev.date),
                as_of.vietnamese()
            ),
            vec![cx.label(s, e, "superseded", true)],
        ),
    };
    let ev = match &st {
        Standing::PartlyExpired(ev)
        | Standing::Expired(ev)
        | Standing::Replaced(ev)
        | Standing::Superseded(ev) => Some(ev),
        _ => None,
    };
    if let Some(ev) = ev {
        if let Some(by) = &ev.by {
            let byname = cx
                .know
                .instrument(by)
                .map(|f| label_name(&f))
                .unwrap_or(by.clone());
            let verb = match st {
                Standing::Replaced(_) => "replaced by",
                Standing::Superseded(_) => "superseded by",
                Standing::PartlyExpired(_) => "partly ended by",
                _ => "ended by",
            };
            d.notes.push(format!("{verb} {byname}"));
        }
        if !ev.verified {
            d.notes
                .push("the registry's source for this is not verified".into());
        }
    }
    if matches!(
        st,
        Standing::Expired(_) | Standing::Replaced(_) | Standing::Superseded(_)
    ) {
        let chain = cx.know.successors(id, as_of);
        if let Some(last) = chain.last() {
            let path: Vec<String> = chain.iter().map(label_name).collect();
            if chain.len() > 1 {
                d.notes.push(format!(
                    "chain of replacements: {name} → {}",
                    path.join(" → ")
                ));
            }
            let in_force = matches!(
                last.standing(as_of),
                Standing::InForce | Standing::PartlyExpired(_)
            );
            let cite = label_name(last);
            let title = last
                .title
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            if in_force {
                d.notes.push(format!(
                    "in force as of {}: {cite}{title}; cite it instead",
                    as_of.vietnamese()
                ));
            } else {
                d.notes.push(format!(
                    "{cite} is not in force either; the chain ends there"
                ));
            }
        }
    }
    Some(d)
}

/// Does the subject mark an annual instrument of `year` ("... năm 2022")?
fn annual_of(title: Option<&str>, year: i32) -> bool {
    title.is_some_and(|t| fold_key(t).contains(&format!("nam {year}")))
}

/// C0306: an earlier year's annual instrument cited where the year's own exists — in this
/// document (same kind, symbol and issuer) or in the registry's series.
pub fn stale_annual(cx: &Ctx, i: usize, c: &Citation) -> Option<Diagnostic> {
    let year_now = cx.as_of.map(|d| d.year).or(cx.doc_year)?;
    let y = c.year?;
    if y >= year_now {
        return None;
    }
    let (s, e) = span(c);
    // In the document.
    if annual_of(c.title.as_deref(), y) {
        let same_issuer = |a: &Citation| match (&a.issuer, &c.issuer) {
            (Some(x), Some(z)) => fold_key(x) == fold_key(z),
            _ => true,
        };
        let newer = cx.ex.citations.iter().find(|a| {
            a.kind == c.kind
                && a.symbol.is_some()
                && a.symbol == c.symbol
                && a.year == Some(year_now)
                && same_issuer(a)
        });
        if let Some(a) = newer {
            let (sa, ea) = span(a);
            let an = name_of(a);
            let when = a
                .date
                .map(|d| format!(" of {}", d.vietnamese()))
                .unwrap_or_else(|| format!(" of {year_now}"));
            let mut d = diag(
                &rules::STALE_ANNUAL,
                format!(
                    "{} is the {y} {}; this document also cites {an}{when}",
                    name_of(c),
                    c.kind.vietnamese().to_lowercase()
                ),
                vec![
                    cx.label(s, e, format!("of {y}"), true),
                    cx.label(sa, ea, format!("of {year_now}"), false),
                ],
            );
            d.notes.push(format!(
                "cite {an}{when} instead, unless the {y} one is meant"
            ));
            return Some(d);
        }
    }
    // In the registry's series.
    let Some(Resolution::Found(id)) = cx.resolved.get(i) else {
        return None;
    };
    let f = cx.know.instrument(id)?;
    let (nid, ny) = f
        .newer_in_series
        .iter()
        .filter(|(_, ny)| *ny > y && *ny <= year_now)
        .max_by_key(|(_, ny)| *ny)?;
    let newer = cx
        .know
        .instrument(nid)
        .map(|n| label_name(&n))
        .unwrap_or(nid.clone());
    let mut d = diag(
        &rules::STALE_ANNUAL,
        format!(
            "{} is the {y} instrument of a yearly series; {newer} is of {ny}",
            name_of(c)
        ),
        vec![cx.label(s, e, format!("of {y}"), true)],
    );
    d.notes
        .push(format!("cite {newer} instead, unless the {y} one is meant"));
    Some(d)
}

/// The body that issued this citation's instrument, when `corpus/registry/issuers.toml`
/// records that it ceased (district bodies: UBND/HĐND huyện, Huyện ủy, symbol code HU,
/// ceased 01/7/2025): (how to name it, the table's entry).
fn ceased_body(c: &Citation) -> Option<(String, &'static crate::extract::tables::Ceased)> {
    let t = Tables::builtin();
    // The issuer written beside the citation decides when there is one.
    if let Some(i) = &c.issuer {
        return t.ceased_issuer(i).map(|x| (i.clone(), x));
    }
    // Else a Party symbol's issuer code ("26-CT/HU": a Huyện ủy); state codes like "BCH"
    // are shared by bodies of several levels and tell nothing.
    let sym = c.symbol.as_deref()?;
    let (_, code) = sym.rsplit_once('/')?;
    t.code(code)
        .filter(|k| k.party_issuer)
        .and(t.ceased_code(code))
        .map(|x| (format!("{} ({code})", x.name), x))
}

/// C0307: a body cited as of a date after it ceased (district bodies after 01/7/2025).
pub fn issuer_abolished(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let (body, ceased) = ceased_body(c)?;
    let issued_after = c.date.is_some_and(|d| d >= ceased.date);
    let as_of = cx.as_of?;
    if as_of < ceased.date && !issued_after {
        return None;
    }
    let (s, e) = span(c);
    let ended = ceased.date.vietnamese();
    let mut d = if issued_after {
        diag(
            &rules::ISSUER_ABOLISHED,
            format!(
                "{} is dated after {ended}, when {body} no longer existed",
                name_of(c)
            ),
            vec![cx.label(s, e, "issuer no longer existed", true)],
        )
    } else {
        diag(
            &rules::ISSUER_ABOLISHED,
            format!(
                "{body}, the issuer of {}, no longer exists as of {}",
                name_of(c),
                as_of.vietnamese()
            ),
            vec![cx.label(s, e, "issuer no longer exists", true)],
        )
    };
    d.notes.push(format!(
        "{} ceased on {ended} (the reform of the two-tier local government; sources in corpus/registry/issuers.toml); whether its documents still apply is to be checked case by case",
        ceased.name
    ));
    Some(d)
}
