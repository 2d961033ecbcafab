//! Shape rules (C01xx): how a citation is written, straight from the extractor's
//! `defects` and `parts`. Each fix replaces only one written piece: the number-symbol by
//! the citation's `canonical` (keeping its line breaks), the type word by its proper
//! spelling in the original's capitals, "só" by "số", "số01" by "số 01".
//!
//! Must NOT re-parse citations: what is wrong is what the extractor recorded.

use super::fix::{keep_line_breaks, match_case};
use super::rules::{self, Rule};
use super::{diag, suggest, year_in_number, Ctx};
use crate::diag::Diagnostic;
use crate::extract::Tables;
use crate::model::{Citation, Defect, Piece};
use crate::normalize::fold_key;

/// Number-symbol defects, most telling first; the first present names the diagnostic.
const NUMBER_SYMBOL: &[(Defect, &Rule, &str)] = &[
    (
        Defect::TruncatedSymbol,
        &rules::TRUNCATED_SYMBOL,
        "the symbol stops short",
    ),
    (
        Defect::MissingYear,
        &rules::MISSING_YEAR,
        "the year is missing from the number",
    ),
    (
        Defect::WrongSeparator,
        &rules::WRONG_SEPARATOR,
        "a separator is wrong",
    ),
    (
        Defect::MissingSeparator,
        &rules::MISSING_SEPARATOR,
        "a separator is missing",
    ),
    (
        Defect::StraySpace,
        &rules::STRAY_SPACE,
        "there are spaces inside it",
    ),
    (
        Defect::AsciiSymbol,
        &rules::ASCII_SYMBOL,
        "ASCII 'D' is written for 'Đ'",
    ),
    (
        Defect::Lookalike,
        &rules::LOOKALIKE,
        "'Ð' (U+00D0) is written for 'Đ' (U+0110)",
    ),
];

/// All shape findings of one citation.
pub fn check(cx: &Ctx, c: &Citation, out: &mut Vec<Diagnostic>) {
    out.extend(number_symbol(cx, c));
    out.extend(type_word_typo(cx, c));
    out.extend(so_word(cx, c));
}

/// C0101–C0108: one diagnostic per written number-symbol, named after its most telling
/// defect, the others in notes; the fix writes `canonical` over it.
pub fn number_symbol(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let present: Vec<&(Defect, &Rule, &str)> = NUMBER_SYMBOL
        .iter()
        .filter(|(d, _, _)| c.defects.contains(d))
        .collect();
    let (_, rule, _) = **present.first()?;
    let piece: &Piece = c.parts.number_symbol.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let shown = crate::normalize::clean(written);
    let canonical = c.canonical.as_deref();
    let year_known =
        canonical.and_then(year_in_number).is_some() || !c.defects.contains(&Defect::MissingYear);
    // A fix needs a canonical form; a truncated symbol only when it was completed, a
    // missing year only when the year is known (else other defects are still fixed).
    let fixable = canonical.is_some()
        && (!c.defects.contains(&Defect::TruncatedSymbol) || c.parts.symbol_inferred)
        && (year_known || present.len() > 1);
    let message = match rule.code {
        "C0101" => format!("number written without its year: \"{shown}\""),
        "C0106" => format!("the symbol stops short: \"{shown}\""),
        _ => format!("{}: \"{shown}\"", rule.summary),
    };
    let label_msg = match (fixable, canonical) {
        (true, Some(k)) => format!("write \"{k}\""),
        _ => String::new(),
    };
    let mut d = diag(
        rule,
        message,
        vec![cx.label(piece.start, piece.end, label_msg, true)],
    );
    for (_, r, what) in present.iter().skip(1) {
        d.notes.push(format!("also {what} ({})", r.code));
    }
    if c.defects.contains(&Defect::MissingYear) && !year_known {
        d.notes.push(
            "the year is not written and no date beside the citation gives it; look it up".into(),
        );
    }
    if c.defects.contains(&Defect::TruncatedSymbol) && c.parts.symbol_inferred {
        d.notes.push("the missing part is inferred (from another citation of it in this document, or from its issuer): check it".into());
    }
    if fixable {
        if let Some(k) = canonical {
            let replacement = keep_line_breaks(written, k);
            d.suggestion = Some(suggest(
                piece.start,
                piece.end,
                replacement,
                format!("write \"{k}\""),
            ));
        }
    }
    Some(d)
}

/// C0109: a misspelled type word ("Nghi định", "Kết luân", "Đè án").
pub fn type_word_typo(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    if !c.defects.contains(&Defect::TypeWordTypo) {
        return None;
    }
    let piece = c.parts.type_word.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let proper = Tables::builtin()
        .type_word(&fold_key(written))
        .map(|(_, p)| p.to_string())
        .unwrap_or_else(|| c.kind.vietnamese().to_lowercase());
    let fixed = match_case(written, &proper);
    let want = fixed
        .as_deref()
        .map(crate::normalize::clean)
        .unwrap_or_else(|| c.kind.vietnamese().to_string());
    let shown = crate::normalize::clean(written);
    let mut d = diag(
        &rules::TYPE_WORD_TYPO,
        format!("misspelled type of instrument: \"{shown}\" for \"{want}\""),
        vec![cx.label(piece.start, piece.end, format!("write \"{want}\""), true)],
    );
    if let Some(f) = fixed {
        d.suggestion = Some(suggest(
            piece.start,
            piece.end,
            f,
            format!("write \"{want}\""),
        ));
    }
    Some(d)
}

/// C0110 "só" for "số", and C0105 "số01" (the fix of both together when both apply).
pub fn so_word(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let typo = c.defects.contains(&Defect::SoTypo);
    let glued = c.defects.contains(&Defect::Glued);
    if !typo && !glued {
        return None;
    }
    let piece = c.parts.so_word.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let word = if typo {
        match_case(written, "số").unwrap_or_else(|| "số".into())
    } else {
        written.to_string()
    };
    let replacement = if glued {
        format!("{word} ")
    } else {
        word.clone()
    };
    let digits: String = cx
        .slice(piece.end, (piece.end + 8).min(cx.text.len()))
        .chars()
        .take_while(|ch| ch.is_ascii_digit())
        .collect();
    let (rule, message, help) = if typo {
        (
            &rules::SO_TYPO,
            format!(
                "\"{}\" written for \"số\"",
                crate::normalize::clean(written)
            ),
            if glued {
                format!("write \"{word} {digits}\"")
            } else {
                format!("write \"{word}\"")
            },
        )
    } else {
        (
            &rules::GLUED_SO,
            format!(
                "no space after \"số\": \"{}{digits}\"",
                crate::normalize::clean(written)
            ),
            format!("write \"{word} {digits}\""),
        )
    };
    let mut d = diag(
        rule,
        message,
        vec![cx.label(piece.start, piece.end, help.clone(), true)],
    );
    if typo && glued {
        d.notes
            .push(format!("also no space after it ({})", rules::GLUED_SO.code));
    }
    d.suggestion = Some(suggest(piece.start, piece.end, replacement, help));
    Some(d)
}
