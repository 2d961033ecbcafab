//! The reading of a citation's parts: a parsed number-symbol read as it should be written
//! (symbol codes looked up in the tables, the canonical form, the defects of the writing),
//! then what follows it (date, "của" issuer, "về" subject) and the provision before its type
//! word, built into a [`Citation`].

use super::*;

/// A number-symbol read as it should be written.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub(super) number: String,
    pub(super) year: Option<i32>,
    pub(super) symbol: Option<String>,
    pub(super) canonical: Option<String>,
    pub(super) kind_from_symbol: Option<Kind>,
    pub(super) defects: Vec<Defect>,
    /// The symbol names a known type or issuer code (confidence for bare anchors).
    pub(super) known: bool,
}

impl Extractor<'_> {
    /// "khoản 2 Điều 5" just before a type word.
    pub(super) fn provision_before(&self, ctx: &Ctx, a: usize) -> Option<String> {
        let lo = a.saturating_sub(80);
        let lo = (lo..a)
            .find(|&i| ctx.f.text.is_char_boundary(i))
            .unwrap_or(a);
        let window = &ctx.fb[lo..a];
        let (gs, ge) = match &self.re.provision_reader {
            Some(reader) => reader.find(window)?,
            None => {
                let m = self.re.provision.captures(window)?;
                let g = m.get(1)?;
                (g.start(), g.end())
            }
        };
        let (s, e) = ctx.f.span(lo + gs, lo + ge);
        let mut p = clean(&ctx.text[s..e]);
        while p.ends_with(',') || p.ends_with(' ') {
            p.pop();
        }
        for suffix in [" và", " của", " tại"] {
            if let Some(x) = p.strip_suffix(suffix) {
                p = x.to_string();
            }
        }
        if p.is_empty() {
            None
        } else {
            Some(p)
        }
    }

    /// Read a parsed number-symbol as it should be written.
    pub(super) fn read(&self, ctx: &Ctx, ns: &NumSym) -> Reading {
        let mut defects = Vec::new();
        let mut spelled: Vec<String> = Vec::new();
        let mut known = false;
        let mut codes = Vec::new();
        for &(gs, ge) in &ns.groups {
            let (os, oe) = ctx.f.span(gs, ge);
            let raw = &ctx.text[os..oe];
            if raw.contains('Ð') || raw.contains('ð') {
                defects.push(Defect::Lookalike);
            }
            let written = clean(raw);
            let code = self.t.code(&written);
            match code {
                Some(c) => {
                    if !written.contains('Đ') && c.spelled.contains('Đ') && !raw.contains('Ð') {
                        defects.push(Defect::AsciiSymbol);
                    }
                    known |= c.kind.is_some() || c.issuer || c.party_issuer;
                    spelled.push(c.spelled.clone());
                    codes.push(Some(c));
                }
                None => {
                    spelled.push(written);
                    codes.push(None);
                }
            }
        }
        if ns.stray_space {
            defects.push(Defect::StraySpace);
        }
        if ns.truncated {
            defects.push(Defect::TruncatedSymbol);
        }
        let number = ns.number.clone();
        if spelled.is_empty() {
            return Reading {
                number,
                year: ns.year,
                symbol: None,
                canonical: None,
                kind_from_symbol: None,
                defects,
                known: false,
            };
        }
        let first = codes.first().copied().flatten();
        let last = codes.last().copied().flatten();
        let qh = qh_code(&spelled[0], &self.t.words);
        // Party form "28-NQ/TW": a type code and a Party issuer; or any issuer when written
        // in the Party way, hyphen then slash ("30-TB/TGV", "03-QĐ/BCĐ").
        let party_written = ns.num_sep == Some(b'-') && ns.group_seps.first() == Some(&b'/');
        let party = spelled.len() == 2
            && (last.as_ref().is_some_and(|c| c.party_issuer) || party_written)
            && first.as_ref().is_some_and(|c| c.kind.is_some())
            && ns.year.is_none();
        let kind_from_symbol = if let Some(k) = qh {
            Some(k)
        } else if let Some(k) = first.as_ref().and_then(|c| c.kind) {
            Some(k)
        } else if first.as_ref().is_some_and(|c| c.issuer) && spelled.len() >= 2 {
            Some(Kind::OfficialLetter)
        } else {
            None
        };
        let (symbol, canonical);
        if party {
            let sym = format!("{}/{}", spelled[0], spelled[1]);
            match ns.num_sep {
                Some(b'-') => {}
                Some(_) => defects.push(Defect::WrongSeparator),
                None => defects.push(Defect::MissingSeparator),
            }
            if ns.group_seps.first().is_some_and(|&s| s != b'/') {
                defects.push(Defect::WrongSeparator);
            }
            canonical = Some(format!("{number}-{sym}"));
            symbol = Some(sym);
        } else {
            let sym = spelled.join("-");
            match ns.num_sep {
                Some(b'/') => {}
                Some(_) => defects.push(Defect::WrongSeparator),
                None => defects.push(Defect::MissingSeparator),
            }
            if ns.year.is_some() {
                match ns.year_sep {
                    Some(b'/') => {}
                    Some(_) => defects.push(Defect::WrongSeparator),
                    None => {
                        if !defects.contains(&Defect::MissingSeparator) {
                            defects.push(Defect::MissingSeparator)
                        }
                    }
                }
            }
            if ns.group_seps.iter().any(|&s| s != b'-') {
                defects.push(Defect::WrongSeparator);
            }
            let normative = first.as_ref().is_some_and(|c| c.normative) || qh.is_some();
            if ns.year.is_none() && normative {
                defects.push(Defect::MissingYear);
            }
            canonical = Some(match ns.year {
                Some(y) => format!("{number}/{y}/{sym}"),
                None => format!("{number}/{sym}"),
            });
            symbol = Some(sym);
        }
        dedup(&mut defects);
        Reading {
            number,
            year: ns.year,
            symbol,
            canonical,
            kind_from_symbol,
            defects,
            known,
        }
    }

    /// Build a citation from a number-symbol and what follows it (date, issuer, subject).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn build(
        &self,
        ctx: &Ctx,
        kind: Kind,
        type_word_at: Option<usize>,
        parts: Option<Parts>,
        ns: &NumSym,
        r: Reading,
        next_anchor: Option<usize>,
    ) -> Citation {
        let fb = ctx.fb;
        let mut parts = parts.unwrap_or_default();
        parts.number_symbol = Some(piece(ctx.text, ctx.f.span(ns.start, ns.end)));
        let mut end = ns.end;
        let mut year = r.year;
        let mut date = None;
        let mut invalid_date = None;
        let mut defects = r.defects;

        // Date: ", ngày 28/12/2018", "ngày 28 tháng 12 năm 2018", "(22-9-2008)".
        let q = skip_ws_punct(fb, end, b",");
        if let Some((d, e, ds)) = parse_date_after(fb, q) {
            match d {
                Ok(d) => {
                    date = Some(d);
                    if year.is_none() {
                        year = Some(d.year);
                    }
                }
                Err(y) => {
                    invalid_date = Some(ds);
                    defects.push(Defect::InvalidDate);
                    if year.is_none() {
                        year = y;
                    }
                }
            }
            parts.date = Some(piece(ctx.text, ctx.f.span(q, e)));
            end = e;
        }
        // Issuer: "của Chính phủ".
        let mut issuer = None;
        let q = skip_ws_punct(fb, end, b",");
        if word_at_ci(fb, q, b"cua") {
            let s = skip_ws(fb, q + 3);
            if let Some((name, e)) = self.issuer_phrase(ctx, s) {
                issuer = Some(name);
                parts.issuer = Some(piece(ctx.text, ctx.f.span(q, e)));
                end = e;
            }
        }
        // Subject: "về ...".
        let mut title = None;
        let q = skip_ws_punct(fb, end, b",");
        if word_at_ci(fb, q, b"ve") || word_at_ci(fb, q, b"v/v") {
            let limit = next_anchor.unwrap_or(fb.len()).min(q + 600).min(fb.len());
            let mut e = q;
            let mut i = q;
            while i < limit {
                let c = fb[i];
                if c == b';' || (c == b'.' && fb.get(i + 1).is_none_or(|n| !n.is_ascii_digit())) {
                    break;
                }
                i += 1;
                if !c.is_ascii_whitespace() {
                    e = i;
                }
            }
            // Trim a trailing comma before the next citation.
            while e > q && matches!(fb[e - 1], b',' | b' ') {
                e -= 1;
            }
            if e > q + 3 {
                let (os, oe) = ctx.f.span(q, e);
                let t = clean(&ctx.text[os..oe]);
                let t = t
                    .split_once(' ')
                    .map(|(_, rest)| rest.to_string())
                    .unwrap_or_default();
                let t = t
                    .trim_matches(|c| c == '“' || c == '”' || c == '"')
                    .to_string();
                if !t.is_empty() {
                    title = Some(t);
                    parts.title = Some(piece(ctx.text, (os, oe)));
                }
            }
        }

        let mut canonical = r.canonical;
        if r.year.is_none() && defects.contains(&Defect::MissingYear) {
            if let (Some(y), Some(sym)) = (year, &r.symbol) {
                canonical = Some(format!("{}/{y}/{sym}", r.number));
            }
        }
        let start_f = type_word_at.unwrap_or(ns.start);
        let (s, _) = ctx.f.span(start_f, start_f);
        let e = ctx.f.orig(end);
        // Line and column are filled by `assign_lines` in one pass at the end.
        let (line, column) = (0, 0);
        dedup(&mut defects);
        Citation {
            kind,
            number: Some(r.number),
            year,
            symbol: r.symbol,
            canonical,
            date,
            invalid_date,
            issuer,
            law: None,
            title,
            provision: None,
            text: clean(&ctx.text[s..e]),
            start: s,
            end: e,
            line,
            column,
            section: None,
            parts,
            defects,
            instrument: None,
            unresolved: None,
            findings: Vec::new(),
        }
    }
}

/// Same spelling up to case, NFC/NFD, tone placement and white space (`proper` is given
/// in lower case, NFC).
pub(super) fn same_spelling(written: &str, proper: &str) -> bool {
    // Fast path: one space between syllables, already NFC; compared without building the
    // lower case (char by char is `to_lowercase` except for a final sigma, left to it).
    let quick = if written.contains('Σ') {
        written.to_lowercase() == proper
    } else {
        lower_equals(written, proper)
    };
    if quick {
        return true;
    }
    clean(written).to_lowercase() == clean(proper).to_lowercase()
}

/// `written.to_lowercase() == proper` for a `written` without "Σ" (whose lower case
/// depends on its place), char by char: a char equal to its proper one and not a capital
/// is its own lower case (the common case, "Nghị định" against "nghị định"), so no case
/// table is looked up for it.
fn lower_equals(written: &str, proper: &str) -> bool {
    let own_lower = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            c.is_lowercase()
        }
    };
    let mut p = proper.chars();
    for c in written.chars() {
        match p.next() {
            Some(q) if q == c && own_lower(c) => {}
            Some(q) if c.is_ascii() => {
                if q != c.to_ascii_lowercase() {
                    return false;
                }
            }
            Some(q) => {
                // A char may lower to several ("İ" → "i̇"): as many of `proper` taken.
                let mut l = c.to_lowercase();
                if l.next() != Some(q) || l.any(|x| p.next() != Some(x)) {
                    return false;
                }
            }
            None => return false,
        }
    }
    p.next().is_none()
}

/// The type word decides the kind ("Luật số 48/2019/QH14" stays a law; a wrong type word,
/// "Nghị định ... QĐ-TTg", is kept as written and reported by the checker), except a generic
/// word ("Văn bản số 12/QĐ-UBND"), where the symbol decides when it can.
pub(super) fn choose_kind(type_kind: Kind, symbol_kind: Option<Kind>, generic: bool) -> Kind {
    match symbol_kind {
        Some(k) if generic => k,
        _ => type_kind,
    }
}

/// "QH14" → Law, "UBTVQH15" → Resolution: a code numbered per legislature
/// (`[citation] legislature` of the pattern file).
pub(super) fn qh_code(s: &str, w: &tables::Words) -> Option<Kind> {
    let digits = s.trim_start_matches(|c: char| c.is_ascii_uppercase());
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let code = &s[..s.len() - digits.len()];
    w.legislature
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod same_spelling_tests {
    use super::same_spelling;

    /// The char-by-char comparison says what comparing `to_lowercase` says, on a table
    /// of spellings (capitals, titlecase and multi-char lower cases, lengths, NFD).
    #[test]
    fn same_spelling_is_lowercase_equality() {
        let proper = ["nghị định", "số", "luật", "i\u{307}x", "ǆx", "ß", "σς", ""];
        let written = [
            "Nghị định",
            "NGHỊ ĐỊNH",
            "nghị định",
            "Nghị Định",
            "Nghi định",
            "nghị đinh",
            "nghị định ",
            "nghị",
            "Số",
            "SỐ",
            "số",
            "LUẬT",
            "İx",
            "İ",
            "ǅx",
            "ǄX",
            "ß",
            "ẞ",
            "ΣΣ",
            "σΣ",
            "",
            "nghi\u{323} đi\u{323}nh",
        ];
        for p in proper {
            for w in written {
                let reference = w.to_lowercase() == p
                    || crate::normalize::clean(w).to_lowercase()
                        == crate::normalize::clean(p).to_lowercase();
                assert_eq!(same_spelling(w, p), reference, "{w:?} {p:?}");
            }
        }
    }
}
