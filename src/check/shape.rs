//! Shape rules (C01xx): how a citation is written, straight from the extractor's
//! `defects` and `parts`. Each fix replaces only one written piece: the number-symbol by
//! the citation's `canonical` (keeping its line breaks), the type word by its proper
//! spelling in the original's capitals, "só" by "số", "số01" by "số 01".
//!
//! Rules that know the era and the genre: nothing in English passages (translations write
//! "ND-CP"), no missing year or wrong separator for instruments dated before today's
//! numbering rules ("87-CT" of 1985), Party numbering ("14612-CV/VPTW") accepted as such.
//! Also the symbol defects the extractor reads as a whole symbol: a missing hyphen
//! ("CTTg"), a truncated National Assembly term ("QH1"), letters of other scripts
//! (Cyrillic "СР", Latin "O" for "Q" in "OH14").
//!
//! Must NOT re-parse citations: what is wrong is what the extractor recorded.

use super::fix::{keep_line_breaks, match_case};
use super::rules::{self, Rule};
use super::{diag, genre, suggest, year_in_number, Ctx};
use crate::diag::Diagnostic;
use crate::extract::Tables;
use crate::messages::{self as m, Msg};
use crate::model::{Citation, Defect, Piece};
use crate::normalize::fold_key;

/// Number-symbol defects, most telling first; the first present names the diagnostic.
const NUMBER_SYMBOL: &[(Defect, &Rule, Msg)] = &[
    (
        Defect::TruncatedSymbol,
        &rules::TRUNCATED_SYMBOL,
        m::D_TRUNCATED,
    ),
    (Defect::MissingYear, &rules::MISSING_YEAR, m::D_MISSING_YEAR),
    (
        Defect::WrongSeparator,
        &rules::WRONG_SEPARATOR,
        m::D_WRONG_SEP,
    ),
    (
        Defect::MissingSeparator,
        &rules::MISSING_SEPARATOR,
        m::D_MISSING_SEP,
    ),
    (Defect::StraySpace, &rules::STRAY_SPACE, m::D_STRAY_SPACE),
    (Defect::AsciiSymbol, &rules::ASCII_SYMBOL, m::D_ASCII),
    (Defect::Lookalike, &rules::LOOKALIKE, m::D_LOOKALIKE),
];

/// All shape findings of one citation.
pub fn check(cx: &Ctx, c: &Citation, out: &mut Vec<Diagnostic>) {
    // A translation writes "Decree No. 15/2020/ND-CP": Vietnamese shape rules do not apply.
    if cx.genre.english(c.start) {
        return;
    }
    if let Some(d) = other_script(cx, c) {
        out.push(d);
    } else {
        out.extend(number_symbol(cx, c));
        out.extend(missing_hyphen(cx, c));
        out.extend(assembly_truncated(cx, c));
    }
    out.extend(type_word_typo(cx, c));
    out.extend(so_word(cx, c));
}

/// The year the instrument is of, as written (its number, else its date).
fn cited_year(c: &Citation) -> Option<i32> {
    c.canonical
        .as_deref()
        .and_then(year_in_number)
        .or(c.date.map(|d| d.year))
        .or(c.year)
}

/// "14612-CV/VPTW", "28-NQ/TW": number-TYPE/ISSUER with a Party issuer code, the Party's
/// own numbering (Guide 36-HD/VPTW).
fn party_numbering(written: &str) -> bool {
    let w: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((num, rest)) = w.split_once('-') else {
        return false;
    };
    let Some((ty, issuer)) = rest.split_once('/') else {
        return false;
    };
    let t = Tables::builtin();
    !num.is_empty()
        && num.bytes().all(|b| b.is_ascii_digit())
        && !ty.is_empty()
        && ty.chars().all(|c| c.is_uppercase())
        && t.code(issuer).is_some_and(|k| k.party_issuer)
}

/// The defects that apply to this citation's era and genre.
fn defects_that_apply(cx: &Ctx, c: &Citation) -> Vec<Defect> {
    let old = cited_year(c).is_some_and(genre::old_numbering)
        || c.symbol.as_deref().is_some_and(genre::old_issuer);
    let written = c
        .parts
        .number_symbol
        .as_ref()
        .map(|p| cx.slice(p.start, p.end))
        .unwrap_or("");
    c.defects
        .iter()
        .copied()
        .filter(|d| match d {
            Defect::MissingYear => !old,
            Defect::WrongSeparator => !old && !party_numbering(written),
            _ => true,
        })
        .collect()
}

/// C0101–C0108: one diagnostic per written number-symbol, named after its most telling
/// defect, the others in notes; the fix writes `canonical` over it.
pub fn number_symbol(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let defects = defects_that_apply(cx, c);
    let present: Vec<&(Defect, &Rule, Msg)> = NUMBER_SYMBOL
        .iter()
        .filter(|(d, _, _)| defects.contains(d))
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
    let msg = match rule.code {
        "C0101" => m::M_MISSING_YEAR,
        "C0106" => m::M_TRUNCATED,
        "C0102" => m::M_MISSING_SEP,
        "C0103" => m::M_WRONG_SEP,
        "C0104" => m::M_STRAY_SPACE,
        "C0107" => m::M_ASCII,
        _ => m::M_LOOKALIKE,
    };
    let message = cx.m(&msg, &[&shown]);
    let label_msg = match (fixable, canonical) {
        (true, Some(k)) => cx.m(&m::WRITE, &[&k]),
        _ => String::new(),
    };
    let mut d = diag(
        rule,
        message,
        vec![cx.label(piece.start, piece.end, label_msg, true)],
    );
    for (_, r, what) in present.iter().skip(1) {
        let what = m::s(cx.lang, what);
        d.notes.push(cx.m(&m::ALSO, &[&what, &r.code]));
    }
    if defects.contains(&Defect::MissingYear) && !year_known {
        d.notes.push(m::s(cx.lang, &m::N_YEAR_UNKNOWN));
    }
    if defects.contains(&Defect::TruncatedSymbol) && c.parts.symbol_inferred {
        d.notes.push(m::s(cx.lang, &m::N_INFERRED));
    }
    if fixable {
        if let Some(k) = canonical {
            let replacement = keep_line_breaks(written, k);
            d.suggestion = Some(suggest(
                piece.start,
                piece.end,
                replacement,
                cx.m(&m::WRITE, &[&k]),
            ));
        }
    }
    Some(d)
}

/// A Latin letter for a Cyrillic lookalike, if it is one.
fn latin_for(ch: char) -> Option<char> {
    Some(match ch {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'г' => 'g',
        _ => return None,
    })
}

/// C0108: letters of another script in the symbol: Cyrillic ("NĐ-СР", where the extractor
/// stops before the first Cyrillic letter) or Latin "O" for the "Q" of a National Assembly
/// symbol ("OH14").
pub fn other_script(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let piece = c.parts.number_symbol.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    // Cyrillic letters inside or right after the piece.
    let tail_len: usize = cx
        .text
        .get(piece.end..)
        .unwrap_or("")
        .chars()
        .take(12)
        .take_while(|ch| ch.is_alphabetic() || *ch == '-')
        .map(char::len_utf8)
        .sum();
    let full = cx.slice(piece.start, piece.end + tail_len);
    if full.chars().any(|ch| latin_for(ch).is_some()) {
        let fixed: String = full.chars().map(|ch| latin_for(ch).unwrap_or(ch)).collect();
        let letters: String = full.chars().filter(|ch| latin_for(*ch).is_some()).collect();
        let shown = crate::normalize::clean(full);
        let mut d = diag(
            &rules::LOOKALIKE,
            cx.m(&m::M_LOOKALIKE_SCRIPT, &[&shown, &letters, &fixed]),
            vec![cx.label(
                piece.start,
                piece.end + tail_len,
                cx.m(&m::WRITE, &[&fixed]),
                true,
            )],
        );
        d.suggestion = Some(suggest(
            piece.start,
            piece.end + tail_len,
            fixed.clone(),
            cx.m(&m::WRITE, &[&fixed]),
        ));
        return Some(d);
    }
    // "OH14" for "QH14".
    let sym = c.symbol.as_deref()?;
    let digits = sym.strip_prefix("OH")?;
    if !(digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let at = written.rfind("OH")?;
    let fixed = format!("{}Q{}", &written[..at], &written[at + 1..]);
    let mut d = diag(
        &rules::LOOKALIKE,
        cx.m(&m::M_O_FOR_Q, &[&crate::normalize::clean(written)]),
        vec![cx.label(piece.start, piece.end, cx.m(&m::WRITE, &[&fixed]), true)],
    );
    d.suggestion = Some(suggest(
        piece.start,
        piece.end,
        fixed.clone(),
        cx.m(&m::WRITE, &[&fixed]),
    ));
    Some(d)
}

/// C0112: "15/CTTg" for "15/CT-TTg": a symbol of a type code and an issuer code glued.
pub fn missing_hyphen(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let sym = c.symbol.as_deref()?;
    if sym.contains(['-', '/']) || sym.chars().count() < 3 {
        return None;
    }
    let t = Tables::builtin();
    if t.code(sym).is_some() {
        return None;
    }
    let is_type = |a: &str| t.code(a).is_some_and(|k| k.kind.is_some());
    let is_issuer = |b: &str| t.code(b).is_some_and(|k| k.issuer || k.party_issuer);
    let cuts: Vec<usize> = sym.char_indices().skip(1).map(|(i, _)| i).collect();
    // Two known codes glued ("QĐUBND"), else glued over a shared letter ("CTTg": the "T"
    // of "CT" and of "TTg" written once).
    let proper = cuts
        .iter()
        .find(|&&i| is_type(&sym[..i]) && is_issuer(&sym[i..]))
        .map(|&i| format!("{}-{}", &sym[..i], &sym[i..]))
        .or_else(|| {
            cuts.iter().find_map(|&i| {
                let prev = sym[..i].chars().last()?;
                let a = &sym[..i];
                let b = format!("{prev}{}", &sym[i..]);
                (is_type(a) && is_issuer(&b)).then(|| format!("{a}-{b}"))
            })
        })?;
    let piece = c.parts.number_symbol.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let at = written.rfind(sym)?;
    let fixed = format!("{}{proper}{}", &written[..at], &written[at + sym.len()..]);
    let mut d = diag(
        &rules::MISSING_HYPHEN,
        cx.m(&m::M_MISSING_HYPHEN, &[&crate::normalize::clean(written)]),
        vec![cx.label(piece.start, piece.end, cx.m(&m::WRITE, &[&fixed]), true)],
    );
    d.suggestion = Some(suggest(
        piece.start,
        piece.end,
        fixed.clone(),
        cx.m(&m::WRITE, &[&fixed]),
    ));
    Some(d)
}

/// C0111: "83/2015/QH1": a National Assembly term of one digit. The fix writes the term of
/// the number's year when only one term sits that year.
pub fn assembly_truncated(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let sym = c.symbol.as_deref()?;
    let digit = sym.strip_prefix("QH")?;
    if !(digit.len() == 1 && digit.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let piece = c.parts.number_symbol.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let mut d = diag(
        &rules::ASSEMBLY_TRUNCATED,
        cx.m(
            &m::M_ASSEMBLY_TRUNCATED,
            &[&crate::normalize::clean(written)],
        ),
        vec![cx.label(piece.start, piece.end, String::new(), true)],
    );
    let year = c.canonical.as_deref().and_then(year_in_number);
    let terms = year.map(genre::terms_of_year).unwrap_or_default();
    if let (Some(year), [term], Some(at)) = (year, &terms[..], written.rfind(sym)) {
        d.notes.push(cx.m(&m::N_TERM_OF_YEAR, &[&year, term]));
        let fixed = format!("{}QH{term}{}", &written[..at], &written[at + sym.len()..]);
        if let Some(l) = d.labels.first_mut() {
            l.message = cx.m(&m::WRITE, &[&fixed]);
        }
        d.suggestion = Some(suggest(
            piece.start,
            piece.end,
            fixed.clone(),
            cx.m(&m::WRITE, &[&fixed]),
        ));
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
        cx.m(&m::M_TYPE_TYPO, &[&shown, &want]),
        vec![cx.label(piece.start, piece.end, cx.m(&m::WRITE, &[&want]), true)],
    );
    if let Some(f) = fixed {
        d.suggestion = Some(suggest(
            piece.start,
            piece.end,
            f,
            cx.m(&m::WRITE, &[&want]),
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
            cx.m(&m::M_SO_TYPO, &[&crate::normalize::clean(written)]),
            if glued {
                cx.m(&m::WRITE, &[&format!("{word} {digits}")])
            } else {
                cx.m(&m::WRITE, &[&word])
            },
        )
    } else {
        (
            &rules::GLUED_SO,
            cx.m(
                &m::M_GLUED,
                &[&format!("{}{digits}", crate::normalize::clean(written))],
            ),
            cx.m(&m::WRITE, &[&format!("{word} {digits}")]),
        )
    };
    let mut d = diag(
        rule,
        message,
        vec![cx.label(piece.start, piece.end, help.clone(), true)],
    );
    if typo && glued {
        d.notes
            .push(cx.m(&m::N_GLUED_TOO, &[&rules::GLUED_SO.code]));
    }
    d.suggestion = Some(suggest(piece.start, piece.end, replacement, help));
    Some(d)
}
