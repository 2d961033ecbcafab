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
        let typo = issuer_typo(c);
        match (number_symbol(cx, c), &typo) {
            // One written piece, one diagnostic: the spacing finding's fix writes the right
            // code too, and says so.
            (Some(mut d), Some(t)) => {
                with_issuer_fix(cx, c, t, &mut d);
                out.push(d);
            }
            (d, Some(t)) => {
                out.extend(d);
                out.extend(issuer_code_typo(cx, c, t));
            }
            (d, None) => out.extend(d),
        }
        out.extend(missing_hyphen(cx, c));
        out.extend(assembly_truncated(cx, c));
        out.extend(assembly_type_code(cx, c));
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
        && (t.code(issuer).is_some_and(|k| k.party_issuer) || party_body(issuer))
}

/// A Party committee's or Youth Union's body code not in the tables, told by its level
/// ending ("BTCTU", a Tỉnh ủy's Ban Tổ chức; "TĐTN-BTG", a Tỉnh đoàn's Ban Tuyên giáo):
/// `issuer_codes.party_body_endings` in corpus/check.toml.
fn party_body(issuer: &str) -> bool {
    let body = issuer.split('-').next().unwrap_or(issuer);
    body.chars().all(|c| c.is_uppercase())
        && genre::facts()
            .issuer_codes
            .party_body_endings
            .iter()
            .any(|e| body.len() > e.len() && body.ends_with(e.as_str()))
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
    let private = issued_by_non_state(c);
    c.defects
        .iter()
        .copied()
        .filter(|d| match d {
            // A company numbers its letters as it likes ("1025-CVHQ"): it is quoted as issued.
            _ if private => false,
            Defect::MissingYear => !old,
            Defect::WrongSeparator => !old && !party_numbering(written),
            Defect::StraySpace => !markup_only(written),
            _ => true,
        })
        .collect()
}

/// Markdown emphasis markers: the reader sees no character where they stand.
use super::fix::is_markup;

/// "203**/2025/QH15" (from "số** 203**/2025/QH15"): the only "space" the extractor saw is
/// Markdown emphasis; the text as rendered has none. Line breaks are never a stray space.
pub fn markup_only(written: &str) -> bool {
    written.chars().any(is_markup)
        && !written
            .chars()
            .filter(|ch| !is_markup(*ch))
            .any(|ch| ch == ' ' || ch == '\t' || ch == '\u{a0}')
}

/// Removing the horizontal spaces from a written piece, keeping its markup and line breaks
/// ("**203 **/2025" → "**203**/2025"); None when that does not give `canonical` (markup
/// aside), i.e. when the fix would have to rewrite more than spaces around markup.
pub fn strip_spaces_keep_markup(written: &str, canonical: &str) -> Option<String> {
    let mut out = String::with_capacity(written.len());
    let chars: Vec<char> = written.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let s = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if chars[s..i].contains(&'\n') {
                out.extend(&chars[s..i]);
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    let bare: String = out
        .chars()
        .filter(|ch| !is_markup(*ch) && !ch.is_whitespace())
        .collect();
    (crate::normalize::clean(&bare) == canonical).then_some(out)
}

/// The citation names its issuer and the issuer is not a state or Party body (a company, a
/// co-operative). Decree 30/2020/NĐ-CP (Art. 2) binds state agencies and organisations and
/// state-owned enterprises, Guide 36-HD/VPTW the Party; a company's own numbering is quoted
/// as it was issued, state-owned ones included: a conservative choice, not the law's.
pub fn issued_by_non_state(c: &Citation) -> bool {
    let Some(i) = c.issuer.as_deref() else {
        return false;
    };
    let f = fold_key(i);
    genre::facts()
        .issuers
        .non_state
        .iter()
        .any(|p| f.starts_with(p.as_str()))
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
            // Markdown emphasis inside the piece is kept: only the spaces go, or no fix.
            let replacement = if written.chars().any(is_markup) {
                match strip_spaces_keep_markup(written, k) {
                    Some(r) if present.len() == 1 => r,
                    _ => return Some(d),
                }
            } else {
                keep_line_breaks(written, k)
            };
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

/// An issuer code one letter away from a known one: the code written, the known code, and
/// the canonical number-symbol with the known code.
#[derive(Debug, Clone)]
pub struct IssuerTypo {
    pub written: String,
    pub proper: String,
    pub canonical: String,
}

/// Damerau–Levenshtein distance of at most one (one letter left out, added, changed or two
/// swapped).
pub(crate) fn one_edit(a: &[char], b: &[char]) -> bool {
    if a == b {
        return false;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match la.cmp(&lb) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// Whether two codes of one length name two bodies rather than one misspelled: they differ
/// only in the first letter, which names the level of a state body (observed practice: "B"
/// Bộ, "S" Sở, "P" Phòng: "SKHCN" is not "BKHCN", "PGDĐT" is not "SGDĐT"), or only in a
/// Party committee's level ending ("BTCTU", a province's, is not "BTCTW", the Central
/// Committee's; `issuer_codes.party_level_suffixes` in corpus/check.toml).
pub(crate) fn other_body(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    if a[0] != b[0] && a[1..] == b[1..] {
        return true;
    }
    let suffixes = &genre::facts().issuer_codes.party_level_suffixes;
    let n = a.len();
    let ends = |x: &[char]| {
        let e: String = x[n - 2..].iter().collect();
        suffixes.contains(&e)
    };
    a[..n - 2] == b[..n - 2] && ends(a) && ends(b)
}

/// C0114's finding: the issuer code of a year-numbered state symbol that is no known code
/// but one letter away from exactly one known issuer code of at least
/// `issuer_codes.near_miss_min` letters ("TT-BLĐTXH" for "TT-BLĐTBXH"). Party and Youth
/// Union symbols carry no year and are never read: their codes name committees of every
/// level ("02-HD/BTCTU" is a province's Ban Tổ chức, not the Central Committee's "BTCTW").
/// Ministries' codes open with "B" in observed practice (not a rule of law: Decree
/// 30/2020/NĐ-CP, Appendix I, leaves a body's abbreviation to the body); an earlier
/// instrument written without it ("QĐ-LĐTBXH" of 2005) may be right for its era, so a
/// missing leading "B" is a finding only from the modern numbering on.
pub fn issuer_typo(c: &Citation) -> Option<IssuerTypo> {
    let sym = c.symbol.as_deref()?;
    let canonical = c.canonical.as_deref()?;
    if c.defects.contains(&Defect::TruncatedSymbol) || issued_by_non_state(c) {
        return None;
    }
    // Only year-numbered symbols ("N/YYYY/TT-…"): the Party's "N-HD/BTCTU" has none.
    year_in_number(canonical)?;
    if party_numbering(canonical) {
        return None;
    }
    let t = Tables::builtin();
    let ic = &genre::facts().issuer_codes;
    let codes: Vec<&str> = sym.split(['-', '/']).collect();
    // A symbol of known type: the type code first ("TT-…").
    if codes.len() < 2 || t.code(codes[0]).and_then(|k| k.kind).is_none() {
        return None;
    }
    let year = cited_year(c);
    let circular = ic.circular_types.iter().any(|x| x == codes[0]);
    // Only the issuing body's code, right after the type code: the codes after it name a
    // unit of that body ("4255/QĐ-BNN-KHCN": Vụ Khoa học, công nghệ), not a body.
    for w in &codes[1..2] {
        let wc: Vec<char> = w.chars().collect();
        if wc.len() + 1 < ic.near_miss_min
            || t.code(w).is_some()
            || !wc.iter().all(|ch| ch.is_alphabetic())
        {
            continue;
        }
        let mut near = t
            .codes_exact
            .values()
            .filter(|k| {
                (k.issuer || k.party_issuer) && k.spelled.chars().count() >= ic.near_miss_min
            })
            .filter(|k| k.spelled.chars().all(char::is_alphabetic))
            .filter(|k| one_edit(&wc, &k.spelled.chars().collect::<Vec<_>>()))
            // Circulars are issued by ministers and heads of ministry-level bodies (Law
            // 80/2015/QH13, Art. 4 and 24), never by a province's department (Sở, "S…"):
            // "TT-LĐTBXH" is the ministry's "BLĐTBXH", not the department's "SLĐTBXH".
            .filter(|k| !(circular && k.spelled.starts_with(ic.department_letter.as_str())))
            .map(|k| k.spelled.clone())
            .collect::<Vec<_>>();
        near.sort();
        near.dedup();
        let [proper] = &near[..] else { continue };
        let pc: Vec<char> = proper.chars().collect();
        if other_body(&wc, &pc) {
            continue;
        }
        if wc.len() > pc.len() && wc.get(1..) == Some(&pc[..]) {
            continue;
        }
        let dropped_b = proper.strip_prefix(ic.ministry_letter.as_str()) == Some(*w);
        if dropped_b && year.is_none_or(genre::old_numbering) {
            continue;
        }
        let at = canonical.rfind(w)?;
        let fixed = format!("{}{proper}{}", &canonical[..at], &canonical[at + w.len()..]);
        return Some(IssuerTypo {
            written: w.to_string(),
            proper: proper.clone(),
            canonical: fixed,
        });
    }
    None
}

/// The number-symbol's own fix rewritten with the right issuer code, and a note saying so.
fn with_issuer_fix(cx: &Ctx, c: &Citation, t: &IssuerTypo, d: &mut Diagnostic) {
    d.notes.push(cx.m(
        &m::N_ISSUER_TYPO,
        &[&t.written, &t.proper, &rules::ISSUER_CODE_TYPO.code],
    ));
    let Some(piece) = c.parts.number_symbol.as_ref() else {
        return;
    };
    if let Some(s) = d.suggestion.as_mut() {
        let written = cx.slice(piece.start, piece.end);
        s.replacement = keep_line_breaks(written, &t.canonical);
        s.message = cx.m(&m::WRITE, &[&t.canonical]);
        for l in &mut d.labels {
            if l.primary {
                l.message = s.message.clone();
            }
        }
    }
}

/// C0114: "14/2018/TT-BLĐTXH": an issuer code one letter off a known one ([`issuer_typo`]);
/// the fix writes the known code (inferred: to be checked).
pub fn issuer_code_typo(cx: &Ctx, c: &Citation, t: &IssuerTypo) -> Option<Diagnostic> {
    let piece = c.parts.number_symbol.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let shown = crate::normalize::clean(written);
    let mut d = diag(
        &rules::ISSUER_CODE_TYPO,
        cx.m(&m::M_ISSUER_TYPO, &[&shown, &t.written, &t.proper]),
        vec![cx.label(
            piece.start,
            piece.end,
            cx.m(&m::WRITE, &[&t.canonical]),
            true,
        )],
    );
    d.suggestion = Some(suggest(
        piece.start,
        piece.end,
        keep_line_breaks(written, &t.canonical),
        cx.m(&m::WRITE, &[&t.canonical]),
    ));
    Some(d)
}

/// C0115: "76/2025/NQ-UBTVQH15": since the Law on Promulgation of Legal Documents
/// 80/2015/QH13 (in force 01/7/2016, Art. 8(2)), the number-symbol of a law, a resolution of
/// the National Assembly, an ordinance or a resolution of its Standing Committee is
/// number/year/issuer-and-term ("76/2025/UBTVQH15", "203/2025/QH15"), with no type code.
/// Earlier resolutions were numbered "1206/2016/NQ-UBTVQH13" and are right as written.
pub fn assembly_type_code(cx: &Ctx, c: &Citation) -> Option<Diagnostic> {
    let sym = c.symbol.as_deref()?;
    let canonical = c.canonical.as_deref()?;
    let (ty, body) = sym.split_once('-')?;
    let digits = genre::facts()
        .issuer_codes
        .assembly_bodies
        .iter()
        .find_map(|b| body.strip_prefix(b.as_str()))?;
    if !(digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Tables::builtin().code(ty).and_then(|k| k.kind)?;
    year_in_number(canonical)?;
    let from = genre::facts().numbering.assembly_symbol_from;
    let from = crate::model::Date::new(from[0], from[1] as u8, from[2] as u8)?;
    let after = match c.date {
        Some(d) => d >= from,
        None => cited_year(c).is_some_and(|y| y > from.year),
    };
    if !after {
        return None;
    }
    let piece = c.parts.number_symbol.as_ref()?;
    let written = cx.slice(piece.start, piece.end);
    let at = canonical.rfind(sym)?;
    let fixed = format!("{}{body}", &canonical[..at]);
    let mut d = diag(
        &rules::ASSEMBLY_TYPE_CODE,
        cx.m(
            &m::M_ASSEMBLY_TYPE_CODE,
            &[&crate::normalize::clean(written), &fixed],
        ),
        vec![cx.label(piece.start, piece.end, cx.m(&m::WRITE, &[&fixed]), true)],
    );
    d.suggestion = Some(suggest(
        piece.start,
        piece.end,
        keep_line_breaks(written, &fixed),
        cx.m(&m::WRITE, &[&fixed]),
    ));
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_apart() {
        let rows = [
            ("BLĐTXH", "BLĐTBXH", true),
            ("LĐTBXH", "BLĐTBXH", true),
            ("BLĐTBX", "BLĐTBXH", true),
            ("BLĐTBHX", "BLĐTBXH", true),
            ("BLĐTBXH", "BLĐTBXH", false),
            ("BTC", "BCT", true),
            ("BNNPTNT", "BNNMT", false),
            ("", "A", true),
        ];
        for (a, b, want) in rows {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(one_edit(&a, &b), want, "{a:?} {b:?}");
            assert_eq!(one_edit(&b, &a), want, "{b:?} {a:?}");
        }
    }

    #[test]
    fn markdown_emphasis_in_a_number() {
        let rows = [
            ("203**/2025/QH15", true),
            ("**347**/TTr-CP", true),
            ("203 **/2025/QH15", false),
            ("203 /2025/QH15", false),
            ("203/2025/QH15", false),
        ];
        for (w, want) in rows {
            assert_eq!(markup_only(w), want, "{w}");
        }
        let rows = [
            (
                "**203 **/2025/QH15",
                "203/2025/QH15",
                Some("**203**/2025/QH15"),
            ),
            ("203 /2025/\nQH15", "203/2025/QH15", Some("203/2025/\nQH15")),
            // More than spaces to change: no fix.
            ("**270/QD- TTg", "270/QĐ-TTg", None),
        ];
        for (w, canonical, want) in rows {
            assert_eq!(
                strip_spaces_keep_markup(w, canonical).as_deref(),
                want,
                "{w}"
            );
        }
    }
}
