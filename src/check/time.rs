//! Time rules (C03xx): whether what is cited holds at a date — cited before it was issued,
//! expired, replaced, superseded or partly expired (following the chain to what is in
//! force), not yet in force, an earlier year's annual instrument, an issuer that no longer
//! exists.
//!
//! Time rules stand on solid ground only. "Not yet in force" needs a certain date (the
//! document's own, or --as-of); expiry, replacement, supersession, a stale annual
//! instrument and an abolished issuer only need a lower bound of the document's date (its
//! year, raised to the latest date of that year it cites: what has ended by then stays
//! ended). An instrument's standing is judged only
//! when the citation identifies it with evidence (its number or its date); quoted text and
//! English passages (another document's words) are left out; "cited before issued" only
//! when both dates are written.
//!
//! Must NOT decide what a citation resolves to (that is the registry's, via `Knowledge`).

use super::rules;
use super::{context, diag, name_of, Ctx, InstrumentFacts, Resolution, Standing};
use crate::diag::Diagnostic;
use crate::extract::Tables;
use crate::messages::{self as m, Lang};
use crate::model::{Citation, Date};
use crate::normalize::fold_key;

/// The per-citation time rules that do not ask where the citation stands (C0301).
pub fn check(cx: &Ctx, _i: usize, c: &Citation, out: &mut Vec<Diagnostic>) {
    if cx.genre.quoted(c.start) || cx.genre.english(c.start) || cx.genre.consolidated {
        return;
    }
    out.extend(cited_before_issued(cx, c));
}

/// The time rules on a citation's status (C0302–C0307), once over the document: where its
/// status does not matter ([`context::moot`]: an amender named in an amending chain, a
/// clause on texts that end, a historical or transitional mention, a consolidated text or a
/// catalogue of texts) they say nothing.
pub fn check_document(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    let moot = context::moot(cx.text, &cx.ex.citations);
    for (i, c) in cx.ex.citations.iter().enumerate() {
        if moot.get(i).copied().unwrap_or(false) {
            continue;
        }
        out.extend(stale_annual(cx, i, c));
        if cx.genre.quoted(c.start) || cx.genre.english(c.start) || cx.genre.consolidated {
            continue;
        }
        if let Some(Resolution::Found(id)) = cx.resolved.get(i) {
            // Identified with evidence (its number or date), the document resting on it: not
            // one provision referred to ("khoản 3 Điều 122 của Luật ...", deliberate in
            // transitional provisions).
            let evidence = c.canonical.is_some() || c.date.is_some();
            if evidence && c.provision.is_none() {
                out.extend(standing(cx, c, id));
            }
        }
        out.extend(issuer_abolished(cx, c));
    }
}

fn span(c: &Citation) -> (usize, usize) {
    c.parts
        .number_symbol
        .as_ref()
        .map(|p| (p.start, p.end))
        .unwrap_or((c.start, c.end))
}

fn label_name(lang: Lang, f: &InstrumentFacts) -> String {
    let n = f.canonical.clone().unwrap_or_else(|| f.id.clone());
    match f.issued {
        Some(d) => m::tr(lang, &m::OF_DATE, &[&n, &d.vietnamese()]),
        None => n,
    }
}

/// C0301: the date written with the citation is later than the document's own date (both
/// written, so both certain). A document citing itself (its number, or "kèm theo" in an
/// annex) with a later date than its header's is told so; with the header's number cited,
/// the header's date is the fix.
pub fn cited_before_issued(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let doc = cx.doc_date?;
    let d = super::consistency::own_date(cx, c)?;
    // Only a cited date after the document's: the header's date may be a gazette's issue
    // date, later than the document's own, so an earlier self-citation proves nothing.
    if d <= doc {
        return None;
    }
    // The document's own number, or an annex's "(Ban hành) kèm theo Quyết định số ...": the
    // instrument the annex belongs to, this document. The header's date is offered as the
    // fix only when the header's number is the one cited.
    let before = {
        let mut a = c.start.saturating_sub(40);
        while !cx.text.is_char_boundary(a) {
            a += 1;
        }
        crate::normalize::fold_key(cx.slice(a, c.start))
    };
    let h = &cx.ex.header;
    let by_number = c.canonical.is_some()
        && (c.canonical == h.number
            || (c.number.is_some() && c.number == h.number && c.symbol == h.symbol));
    let own = by_number || before.trim_end().ends_with("kem theo");
    let (s, e) = c
        .parts
        .date
        .as_ref()
        .map(|p| (p.start, p.end))
        .unwrap_or(span(c));
    let message = if own {
        cx.m(
            &m::M_OWN_DATE,
            &[&name_of(c), &d.vietnamese(), &doc.vietnamese()],
        )
    } else {
        cx.m(
            &m::M_CITED_BEFORE,
            &[&name_of(c), &d.vietnamese(), &doc.vietnamese()],
        )
    };
    let mut diag = diag(
        &rules::CITED_BEFORE_ISSUED,
        message,
        vec![cx.label(s, e, m::s(cx.lang, &m::L_AFTER_DOC), true)],
    );
    if by_number {
        if let Some(p) = &c.parts.date {
            let piece = cx.slice(p.start, p.end);
            if let Some(at) = piece.find(|ch: char| ch.is_ascii_digit()) {
                if piece[at..].contains('/') && !piece[at..].contains('\n') {
                    diag.suggestion = Some(super::suggest(
                        p.start + at,
                        p.end,
                        doc.vietnamese(),
                        cx.m(&m::WRITE, &[&doc.vietnamese()]),
                    ));
                }
            }
        }
    }
    Some(diag)
}

/// C0302–C0305: where the resolved instrument stands as of the date checked.
pub fn standing(cx: &Ctx, c: &Citation, id: &str) -> Option<Diagnostic> {
    let as_of = cx.as_of?;
    let f = cx.know.instrument(id)?;
    let st = cx.know.standing(id, as_of)?;
    // A lower bound of the document's date cannot tell that something was not yet in force.
    if matches!(st, Standing::NotYetInForce(_)) && cx.time_as_of.is_none() {
        return None;
    }
    // Without its own effect clause (a gazette text cut before it), the document's effective
    // date as the registry records it: an implementing act in force with the law.
    if let Standing::NotYetInForce(eff) = st {
        if cx.own_effective.is_none() && registered_effective(cx).is_some_and(|own| own >= eff) {
            return None;
        }
    }
    let (s, e) = span(c);
    let name = label_name(cx.lang, &f);
    let when = |d: Option<Date>| {
        d.map(|d| cx.m(&m::ON_DATE, &[&d.vietnamese()]))
            .unwrap_or_default()
    };
    let asof = as_of.vietnamese();
    let mut d = match &st {
        Standing::InForce => return None,
        // A document that itself takes effect on or after the day the cited law does rests
        // on it in force: an implementing act takes effect with the provisions it details
        // (Law 80/2015/QH13 on legal documents, Art. 11(2); for instruments issued from
        // 01/4/2025, Law 64/2025/QH15, which replaced it). Nothing to note.
        Standing::NotYetInForce(eff) if cx.own_effective.is_some_and(|own| own >= *eff) => {
            return None
        }
        Standing::NotYetInForce(eff) => diag(
            &rules::NOT_YET_IN_FORCE,
            cx.m(&m::M_NOT_YET, &[&name, &eff.vietnamese(), &asof]),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_NOT_YET), true)],
        ),
        Standing::PartlyExpired(ev) => diag(
            &rules::PARTLY_EXPIRED,
            cx.m(&m::M_PARTLY, &[&name, &when(ev.date), &asof]),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_PARTLY), true)],
        ),
        Standing::Expired(ev) => diag(
            &rules::NO_LONGER_IN_FORCE,
            cx.m(&m::M_EXPIRED, &[&name, &when(ev.date), &asof]),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_EXPIRED), true)],
        ),
        Standing::Replaced(ev) => diag(
            &rules::NO_LONGER_IN_FORCE,
            cx.m(&m::M_REPLACED, &[&name, &when(ev.date), &asof]),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_REPLACED), true)],
        ),
        Standing::Superseded(ev) => diag(
            &rules::SUPERSEDED,
            cx.m(&m::M_SUPERSEDED, &[&name, &when(ev.date), &asof]),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_SUPERSEDED), true)],
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
                .map(|f| label_name(cx.lang, &f))
                .unwrap_or(by.clone());
            let verb = match st {
                Standing::Replaced(_) => m::N_REPLACED_BY,
                Standing::Superseded(_) => m::N_SUPERSEDED_BY,
                Standing::PartlyExpired(_) => m::N_PARTLY_BY,
                _ => m::N_ENDED_BY,
            };
            d.notes.push(cx.m(&verb, &[&byname]));
        }
        if !ev.verified {
            d.notes.push(m::s(cx.lang, &m::N_UNVERIFIED));
        }
    }
    if matches!(
        st,
        Standing::Expired(_) | Standing::Replaced(_) | Standing::Superseded(_)
    ) {
        let chain = cx.know.successors(id, as_of);
        if let Some(last) = chain.last() {
            let path: Vec<String> = chain.iter().map(|f| label_name(cx.lang, f)).collect();
            if chain.len() > 1 {
                d.notes.push(cx.m(&m::N_CHAIN, &[&name, &path.join(" → ")]));
            }
            let in_force = matches!(
                cx.know.standing(&last.id, as_of),
                Some(Standing::InForce | Standing::PartlyExpired(_))
            );
            let cite = label_name(cx.lang, last);
            let title = last
                .title
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            if in_force {
                d.notes
                    .push(cx.m(&m::N_CITE_INSTEAD, &[&asof, &cite, &title]));
            } else {
                d.notes.push(cx.m(&m::N_CHAIN_ENDS, &[&cite]));
            }
        }
    }
    Some(d)
}

/// The effective date the registry records for this document itself: its own number
/// ("145/2020/NĐ-CP", from the header's number, year and symbol), issued on its own
/// (certain) date.
fn registered_effective(cx: &Ctx) -> Option<Date> {
    let h = &cx.ex.header;
    let id = format!(
        "{}/{}/{}",
        h.number.as_deref()?,
        h.year?,
        h.symbol.as_deref()?
    );
    let own = cx.know.instrument(&id)?;
    (own.issued.is_some() && own.issued == cx.doc_date)
        .then_some(own.effective)
        .flatten()
}

/// Does the subject mark an annual instrument of `year` ("... năm 2022")?
fn annual_of(title: Option<&str>, year: i32) -> bool {
    title.is_some_and(|t| fold_key(t).contains(&format!("nam {year}")))
}

/// C0306: an earlier year's annual instrument cited where the year's own exists — in this
/// document (same kind, symbol and issuer) or in the registry's series.
pub fn stale_annual(cx: &Ctx, i: usize, c: &Citation) -> Option<Diagnostic> {
    if cx.genre.quoted(c.start) || cx.genre.english(c.start) || cx.genre.consolidated {
        return None;
    }
    let year_now = cx.as_of.map(|d| d.year)?;
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
                .map(|d| cx.m(&m::DATE_SUFFIX, &[&d.vietnamese()]))
                .unwrap_or_else(|| cx.m(&m::OF_YEAR_SUFFIX, &[&year_now]));
            let mut d = diag(
                &rules::STALE_ANNUAL,
                cx.m(
                    &m::M_STALE_DOC,
                    &[
                        &name_of(c),
                        &c.kind.vietnamese().to_lowercase(),
                        &y,
                        &an,
                        &when,
                    ],
                ),
                vec![
                    cx.label(s, e, cx.m(&m::L_OF_YEAR, &[&y]), true),
                    cx.label(sa, ea, cx.m(&m::L_OF_YEAR, &[&year_now]), false),
                ],
            );
            d.notes.push(cx.m(&m::N_CITE_NEWER, &[&an, &when, &y]));
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
        .map(|n| label_name(cx.lang, &n))
        .unwrap_or(nid.clone());
    let mut d = diag(
        &rules::STALE_ANNUAL,
        cx.m(&m::M_STALE_SERIES, &[&name_of(c), &y, &newer, &ny]),
        vec![cx.label(s, e, cx.m(&m::L_OF_YEAR, &[&y]), true)],
    );
    d.notes.push(cx.m(&m::N_CITE_NEWER_SERIES, &[&newer, &y]));
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
            cx.m(&m::M_ISSUER_AFTER, &[&name_of(c), &ended, &body]),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_ISSUER_GONE_THEN), true)],
        )
    } else {
        diag(
            &rules::ISSUER_ABOLISHED,
            cx.m(
                &m::M_ISSUER_GONE,
                &[&body, &name_of(c), &as_of.vietnamese()],
            ),
            vec![cx.label(s, e, m::s(cx.lang, &m::L_ISSUER_GONE), true)],
        )
    };
    d.notes.push(cx.m(&m::N_CEASED, &[&ceased.name, &ended]));
    Some(d)
}
