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
        // Each group as it should be written: the table's spelling borrowed, or the cleaned
        // writing.
        let mut spelled: Vec<std::borrow::Cow<str>> = Vec::new();
        let mut known = false;
        let mut codes = Vec::new();
        for &(gs, ge) in &ns.groups {
            let (os, oe) = ctx.f.span(gs, ge);
            let raw = &ctx.text[os..oe];
            if has_char(raw, 'Ð') || has_char(raw, 'ð') {
                defects.push(Defect::Lookalike);
            }
            let written = clean(raw);
            let code = self.t.code(&written);
            match code {
                Some(c) => {
                    if !has_char(&written, 'Đ') && has_char(&c.spelled, 'Đ') && !has_char(raw, 'Ð')
                    {
                        defects.push(Defect::AsciiSymbol);
                    }
                    known |= c.kind.is_some() || c.issuer || c.party_issuer;
                    spelled.push(c.spelled.as_str().into());
                    codes.push(Some(c));
                }
                None => {
                    spelled.push(written.into());
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
            let sym = concat(&[&spelled[0], "/", &spelled[1]]);
            match ns.num_sep {
                Some(b'-') => {}
                Some(_) => defects.push(Defect::WrongSeparator),
                None => defects.push(Defect::MissingSeparator),
            }
            if ns.group_seps.first().is_some_and(|&s| s != b'/') {
                defects.push(Defect::WrongSeparator);
            }
            canonical = Some(concat(&[&number, "-", &sym]));
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
            canonical = Some(canonical_of(&number, ns.year, &sym));
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
                    invalid_date = Some(String::from_utf8_lossy(ds).into_owned());
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
                    .map_or("", |(_, rest)| rest)
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
                canonical = Some(canonical_of(&r.number, Some(y), sym));
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

/// Whether `s` holds `c`, by its bytes (a char's encoding found in UTF-8 starts at a
/// char): `str::contains` for the short pieces of a citation, without a searcher.
pub(super) fn has_char(s: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let c = c.encode_utf8(&mut buf).as_bytes();
    s.as_bytes().windows(c.len()).any(|w| w == c)
}

/// The strings of `parts` end to end, in one allocation (what `format!` of them gives).
pub(super) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The canonical number-symbol: "number/year/symbol", or "number/symbol" without a year
/// (what `format!("{number}/{y}/{sym}")` gives, built without the formatter).
pub(super) fn canonical_of(number: &str, year: Option<i32>, sym: &str) -> String {
    let mut s = String::with_capacity(number.len() + sym.len() + 7);
    s.push_str(number);
    s.push('/');
    if let Some(y) = year {
        push_int(&mut s, y);
        s.push('/');
    }
    s.push_str(sym);
    s
}

/// `v` in decimal (as `Display` writes it) pushed on `s`.
pub(super) fn push_int(s: &mut String, v: i32) {
    let mut buf = [0u8; 11];
    let mut i = buf.len();
    let mut u = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // ASCII digits and a sign.
    s.extend(buf[i..].iter().map(|&b| b as char));
}

/// Same spelling up to case, NFC/NFD, tone placement and white space (`proper` is given
/// in lower case, NFC).
pub(super) fn same_spelling(written: &str, proper: &str) -> bool {
    // Fast path: one space between syllables, already NFC; compared without building the
    // lower case (char by char is `to_lowercase` except for a final sigma, left to it).
    let quick = match lower_equals(written, proper) {
        Some(same) => same,
        None => written.to_lowercase() == proper,
    };
    if quick {
        return true;
    }
    clean(written).to_lowercase() == clean(proper).to_lowercase()
}

/// `written.to_lowercase() == proper`, char by char: a char equal to its proper one and
/// not a capital is its own lower case (the common case, "Nghị định" against "nghị
/// định"), so no case table is looked up for it. None at a "Σ" (whose lower case depends
/// on its place: left to `to_lowercase`); a difference before any "Σ" is one in
/// `to_lowercase` too (every other char lowers on its own).
fn lower_equals(written: &str, proper: &str) -> Option<bool> {
    let own_lower = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            c.is_lowercase()
        }
    };
    let mut p = proper.chars();
    for c in written.chars() {
        if c == 'Σ' {
            return None;
        }
        match p.next() {
            Some(q) if q == c && own_lower(c) => {}
            Some(q) if c.is_ascii() => {
                if q != c.to_ascii_lowercase() {
                    return Some(false);
                }
            }
            Some(q) => {
                // A char may lower to several ("İ" → "i̇"): as many of `proper` taken.
                let mut l = c.to_lowercase();
                if l.next() != Some(q) || l.any(|x| p.next() != Some(x)) {
                    return Some(false);
                }
            }
            None => return Some(false),
        }
    }
    Some(p.next().is_none())
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
mod builder_tests {
    use super::{canonical_of, concat, has_char, push_int};

    /// The string builders are the `format!` and `str::contains` they replace, on a table
    /// of edge values and on random ones.
    #[test]
    fn builders_are_format() {
        let mut x: u64 = 0x5DEE_CE66_D1CE_4E5B;
        let mut ints = vec![0, 1, -1, 9, 10, 99, 100, 2024, -2024, i32::MAX, i32::MIN];
        for _ in 0..2000 {
            x = crate::testing::xorshift(x);
            ints.push(x as i32);
            ints.push((x % 3000) as i32);
        }
        for v in ints {
            let mut s = String::from("a");
            push_int(&mut s, v);
            assert_eq!(s, format!("a{v}"));
            assert_eq!(
                canonical_of("12", Some(v), "NĐ-CP"),
                format!("12/{v}/NĐ-CP")
            );
        }
        assert_eq!(canonical_of("01", None, "KH-UBND"), "01/KH-UBND");
        assert_eq!(canonical_of("", None, ""), "/");
        assert_eq!(concat(&["28", "-", "NQ/TW"]), "28-NQ/TW");
        assert_eq!(concat(&[]), "");
        for s in [
            "", "Ð", "ÐĐ", "ND", "NĐ-CP", "QÐ", "xð", "\u{110}", "Ą", "ĐĐ",
        ] {
            for c in ['Ð', 'ð', 'Đ'] {
                assert_eq!(has_char(s, c), s.contains(c), "{s:?} {c:?}");
            }
        }
    }
}

#[cfg(test)]
mod same_spelling_tests {
    use super::same_spelling;

    /// The char-by-char comparison says what comparing `to_lowercase` says, on a table
    /// of spellings (capitals, titlecase and multi-char lower cases, lengths, NFD).
    #[test]
    fn same_spelling_is_lowercase_equality() {
        let proper = [
            "nghị định",
            "số",
            "luật",
            "i\u{307}x",
            "ǆx",
            "ß",
            "σς",
            "σσς",
            "xς",
            "",
        ];
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
            "xΣ",
            "σςΣ",
            "Σσς",
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

    /// On random spellings (capitals, "Σ" anywhere, multi-char lower cases, NFD), the
    /// char-by-char comparison with its "Σ" found on the way says what `to_lowercase` says.
    #[test]
    fn same_spelling_on_random_spellings() {
        let alphabet = [
            "n", "N", "g", "h", "ị", "Ị", "i\u{323}", " ", "Σ", "σ", "ς", "İ", "i\u{307}", "ß",
            "ẞ", "ǅ", "ǆ", "đ", "Đ",
        ];
        let word = |x: &mut u64, n: u64| -> String {
            (0..n)
                .map(|_| {
                    *x = crate::testing::xorshift(*x);
                    alphabet[(*x % alphabet.len() as u64) as usize]
                })
                .collect()
        };
        let mut x: u64 = 0x0123_4567_89AB_CDEF;
        for _ in 0..20_000 {
            x = crate::testing::xorshift(x);
            let n = x % 6;
            let w = word(&mut x, n);
            let n = x % 5;
            let p = if x.is_multiple_of(3) {
                w.to_lowercase()
            } else {
                word(&mut x, n)
            };
            let reference = w.to_lowercase() == p
                || crate::normalize::clean(&w).to_lowercase()
                    == crate::normalize::clean(&p).to_lowercase();
            assert_eq!(same_spelling(&w, &p), reference, "{w:?} {p:?}");
        }
    }
}
