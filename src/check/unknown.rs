//! Unknown rules (C04xx): citations the registry cannot resolve, or resolves to several
//! instruments. Reported as notes so nothing is silently passed; nothing is guessed.
//!
//! Must NOT try to resolve anything itself; without a registry these rules are silent.

use super::rules;
use super::{diag, name_of, Ctx, Resolution};
use crate::diag::Diagnostic;
use crate::messages as m;
use crate::model::Citation;

/// C0401 / C0402.
pub fn check(cx: &Ctx, i: usize, c: &Citation, out: &mut Vec<Diagnostic>) {
    if !cx.know.available() {
        return;
    }
    let (s, e) = c
        .parts
        .number_symbol
        .as_ref()
        .map(|p| (p.start, p.end))
        .unwrap_or((c.start, c.end));
    match cx.resolved.get(i) {
        Some(Resolution::Unknown) => {
            let mut d = diag(
                &rules::UNRESOLVED,
                cx.m(&m::M_UNRESOLVED, &[&name_of(c)]),
                vec![cx.label(s, e, m::s(cx.lang, &m::L_UNRESOLVED), true)],
            );
            // What the registry holds on the subject written beside it: a pointer for the
            // reviewer, never a fix ("02/2020/NĐ-CP ... phối hợp của Dân quân tự vệ" →
            // 133/2015/NĐ-CP).
            if let Some((subject, _)) = super::consistency::subject(cx, c) {
                let found: Vec<String> = cx
                    .know
                    .find_by_subject(c.kind, &subject)
                    .into_iter()
                    .take(3)
                    .filter_map(|id| cx.know.instrument(&id))
                    .map(|f| {
                        let n = f.canonical.clone().unwrap_or(f.id.clone());
                        match f.title {
                            Some(t) => format!("{n} ({t})"),
                            None => n,
                        }
                    })
                    .collect();
                if !found.is_empty() {
                    d.notes.push(cx.m(&m::N_REGISTRY_HAS, &[&found.join("; ")]));
                }
            }
            out.push(d);
        }
        Some(Resolution::Ambiguous(ids)) => {
            let names: Vec<String> = ids
                .iter()
                .map(|id| {
                    cx.know
                        .instrument(id)
                        .map(|f| {
                            let n = f.canonical.clone().unwrap_or(id.clone());
                            match f.issued {
                                Some(d) => cx.m(&m::OF_DATE, &[&n, &d.vietnamese()]),
                                None => n,
                            }
                        })
                        .unwrap_or(id.clone())
                })
                .collect();
            let mut d = diag(
                &rules::AMBIGUOUS,
                cx.m(&m::M_AMBIGUOUS, &[&name_of(c), &ids.len()]),
                vec![cx.label(s, e, m::s(cx.lang, &m::L_WHICH), true)],
            );
            d.notes.push(cx.m(&m::N_CANDIDATES, &[&names.join("; ")]));
            out.push(d);
        }
        _ => {}
    }
}
