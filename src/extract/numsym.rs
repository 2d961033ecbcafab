//! The number-symbol: "168/2018/NĐ-CP", "28-NQ/TW", "4240/UBND-VX" parsed from the folded
//! bytes as written, tolerating what real text does to it (a missing or wrong separator,
//! stray spaces, a line break inside, a symbol cut short). Only the shape is read here; what
//! the groups mean is [`super::reading`]'s job.

use super::*;

/// The number and symbol as parsed, in folded offsets.
#[derive(Debug, Clone)]
pub(super) struct NumSym {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) number: String,
    pub(super) year: Option<i32>,
    /// Folded ranges of the symbol's groups ("NĐ", "CP").
    pub(super) groups: Vec<(usize, usize)>,
    /// Separator between number and what follows: Some('/'), Some('-') or None (space).
    pub(super) num_sep: Option<u8>,
    /// Separator between year and symbol, when there is a year.
    pub(super) year_sep: Option<u8>,
    /// Separators between groups.
    pub(super) group_seps: Vec<u8>,
    pub(super) stray_space: bool,
    pub(super) truncated: bool,
}

/// A list item after a citation: ", 02/2019/NĐ-CP", " và 164/2018/NĐ-CP", "; số 12/...".
pub(super) fn list_item(fb: &[u8], p: usize) -> Option<(NumSym, usize)> {
    let mut q = skip_ws(fb, p);
    let sep_at = q;
    if fb.get(q) == Some(&b',') {
        q = skip_ws(fb, q + 1);
        if word_at_ci(fb, q, b"va") {
            q = skip_ws(fb, q + 2);
        }
    } else if word_at_ci(fb, q, b"va") {
        q = skip_ws(fb, q + 2);
    } else {
        return None;
    }
    if word_at_ci(fb, q, b"so") {
        q = skip_ws(fb, q + 2);
    }
    if !fb.get(q).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let ns = parse_numsym(fb, q, false)?;
    if ns.groups.is_empty() {
        return None;
    }
    Some((ns, sep_at))
}

/// Parse a number-symbol at p: "168/2018/NĐ-CP", "28-NQ/TW", "168 NĐ-CP", "28/NQ/TW",
/// "12 ĐA-", "02/2020 /NĐ-CP", "88-2022-ND-CP". In `strict` mode (no type word before
/// it) a separator after the number is required.
pub(super) fn parse_numsym(fb: &[u8], p: usize, strict: bool) -> Option<NumSym> {
    if p > 0 && (fb[p - 1].is_ascii_digit() || fb[p - 1] == b'/' || fb[p - 1] == b'.') {
        return None;
    }
    let (_, ne) = digits_at(fb, p, 5)?;
    // The number's digits, made a string only once the number-symbol is taken.
    let number = &fb[p..ne];
    let mut stray = false;
    // Spaces inside, without a line break, are stray; with one, a PDF line break.
    let gap = |a: usize, b: usize, stray: &mut bool| {
        if b > a && !fb[a..b].contains(&b'\n') {
            *stray = true;
        }
    };
    let mut q = skip_inline_ws(fb, ne);
    let mut num_sep = None;
    let mut year = None;
    let mut year_sep = None;
    if let Some(&c) = fb.get(q).filter(|c| matches!(c, b'/' | b'-')) {
        gap(ne, q, &mut stray);
        num_sep = Some(c);
        let after = skip_ws(fb, q + 1);
        // A year right after: "168/2018/..."
        if let Some((y, ye)) = year_at(fb, after) {
            gap(q + 1, after, &mut stray);
            year = Some(y);
            let r = skip_inline_ws(fb, ye);
            // The symbol after the year: "/NĐ-CP" (a separator, then a group), or
            // "21/2019 NĐ-CP" with the slash missing (then it must look like a symbol).
            let symbol_at = match fb.get(r) {
                Some(&s2) if matches!(s2, b'/' | b'-') => {
                    let g = skip_ws(fb, r + 1);
                    group_at(fb, g).map(|_| {
                        gap(ye, r, &mut stray);
                        gap(r + 1, g, &mut stray);
                        (g, Some(s2))
                    })
                }
                _ => {
                    let g = skip_ws(fb, ye);
                    (g > ye && group_at(fb, g).is_some_and(|(_, ge)| known_shape(fb, g, ge)))
                        .then_some((g, None))
                }
            };
            match symbol_at {
                Some((g, sep)) => {
                    year_sep = sep;
                    q = g;
                }
                // "21/2019/" or "21/2019" then nothing: the year, no symbol.
                None => {
                    return finish(
                        p,
                        ye,
                        number,
                        year,
                        Vec::new(),
                        num_sep,
                        None,
                        Vec::new(),
                        stray,
                        false,
                        strict,
                    );
                }
            }
        } else {
            group_at(fb, after)?;
            gap(q + 1, after, &mut stray);
            q = after;
        }
    } else {
        if strict {
            return None;
        }
        // "168 NĐ-CP": no separator; the symbol must look like one.
        let g = skip_ws(fb, ne);
        match group_at(fb, g) {
            Some((_, ge)) if g > ne && known_shape(fb, g, ge) => q = g,
            _ => {
                // A bare number ("Quyết định số 12").
                return finish(
                    p,
                    ne,
                    number,
                    None,
                    Vec::new(),
                    None,
                    None,
                    Vec::new(),
                    false,
                    false,
                    strict,
                );
            }
        }
    }
    // Groups.
    let mut groups = Vec::new();
    let mut seps = Vec::new();
    let mut truncated = false;
    let mut end;
    let (gs, ge) = group_at(fb, q)?;
    groups.push((gs, ge));
    end = ge;
    loop {
        if groups.len() >= 6 {
            break;
        }
        let r = skip_inline_ws(fb, end);
        let Some(&c) = fb.get(r).filter(|c| matches!(c, b'/' | b'-')) else {
            break;
        };
        let g = skip_ws(fb, r + 1);
        match group_at(fb, g) {
            Some((gs, ge)) => {
                gap(end, r, &mut stray);
                gap(r + 1, g, &mut stray);
                groups.push((gs, ge));
                seps.push(c);
                end = ge;
            }
            None => {
                // "ĐA-" followed by nothing that is a group: truncated (only right after).
                if r == end && c == b'-' && fb.get(r + 1).is_none_or(|x| !x.is_ascii_alphanumeric())
                {
                    truncated = true;
                    end = r + 1;
                }
                break;
            }
        }
    }
    finish(
        p, end, number, year, groups, num_sep, year_sep, seps, stray, truncated, strict,
    )
}

#[allow(clippy::too_many_arguments)]
pub(super) fn finish(
    start: usize,
    end: usize,
    number: &[u8],
    year: Option<i32>,
    groups: Vec<(usize, usize)>,
    num_sep: Option<u8>,
    year_sep: Option<u8>,
    group_seps: Vec<u8>,
    stray_space: bool,
    truncated: bool,
    strict: bool,
) -> Option<NumSym> {
    if strict && groups.is_empty() {
        return None;
    }
    Some(NumSym {
        start,
        end,
        number: String::from_utf8_lossy(number).into_owned(),
        year,
        groups,
        num_sep,
        year_sep,
        group_seps,
        stray_space,
        truncated,
    })
}

pub(super) fn skip_inline_ws(fb: &[u8], mut p: usize) -> usize {
    while p < fb.len() && (fb[p] == b' ' || fb[p] == b'\t') {
        p += 1;
    }
    p
}

/// A symbol group at p: an upper-case letter, then letters, digits or '&', mostly upper
/// case ("NĐ", "TTg", "QH14", "BTN&MT"; not "Ngay").
pub(super) fn group_at(fb: &[u8], p: usize) -> Option<(usize, usize)> {
    let first = *fb.get(p)?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let mut e = p + 1;
    while e < fb.len() && e - p < 16 && (fb[e].is_ascii_alphanumeric() || fb[e] == b'&') {
        e += 1;
    }
    // Must end at a word boundary (not inside a longer non-ASCII word).
    if fb.get(e).is_some_and(|&c| c >= 0x80) {
        return None;
    }
    let g = &fb[p..e];
    let upper = g.iter().filter(|c| c.is_ascii_uppercase()).count();
    let lower = g.iter().filter(|c| c.is_ascii_lowercase()).count();
    if lower > upper || (g.len() >= 2 && lower > 0 && upper < 2) {
        return None;
    }
    if g.len() == 1 && !matches!(first, b'T' | b'L') {
        // One-letter groups only as in "T/TW" (thông tri) or "L-CTN".
        return None;
    }
    Some((p, e))
}

/// After a missing separator, the symbol must open with a known kind of code: two or more
/// upper-case letters followed by '-' or '/' (NĐ-CP, NQ/TW, QĐ-TTg, ĐA-), or QHnn.
pub(super) fn known_shape(fb: &[u8], gs: usize, ge: usize) -> bool {
    let g = &fb[gs..ge];
    let up = g
        .iter()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'&');
    if !up || g.len() < 2 {
        return false;
    }
    if g.starts_with(b"QH") && g[2..].iter().all(|c| c.is_ascii_digit()) && g.len() > 2 {
        return true;
    }
    matches!(fb.get(ge), Some(b'-') | Some(b'/'))
}
