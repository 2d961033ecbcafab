//! Finds every citation of an instrument in a Vietnamese text.
//!
//! The pipeline, after eyecite: the text is folded once ([`Folded`]: no diacritics, case
//! kept, each byte mapped back to the original); anchors are found with two literal-led
//! regexes (type words such as "nghi dinh", and bare numbers followed by `/` or `-`); a
//! hand-written parser reads the tail of each anchor (number, year, symbol, date, issuer,
//! subject) tolerating what real text does to citations (line breaks, stray spaces, wrong
//! separators, ASCII or lookalike letters, misspelled type words). Raw pieces and the
//! corrected reading are kept side by side ([`Citation::parts`] vs `canonical`).
//!
//! No I/O, no panics on any input, linear time: each anchor's parser looks at a bounded
//! window of text after it.

mod date;
pub mod tables;

use crate::model::{Citation, Date, Defect, Header, Kind, Parts, Piece};
use crate::normalize::{clean, fold_key, Folded};
use regex::bytes::Regex;
use std::sync::OnceLock;
pub use tables::Tables;

/// The result of extracting one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The document's own identity, from its header.
    pub header: Header,
    /// Every citation, in text order.
    pub citations: Vec<Citation>,
}

/// Extract with the built-in tables.
pub fn extract(text: &str) -> Extraction {
    Extractor::new(Tables::builtin()).extract(text)
}

/// An extractor over a set of tables.
pub struct Extractor<'t> {
    t: &'t Tables,
}

struct Regexes {
    type_word: Regex,
    bare: Regex,
    header_no: Regex,
    provision: Regex,
}

fn regexes(t: &Tables) -> &'static Regexes {
    static R: OnceLock<Regexes> = OnceLock::new();
    R.get_or_init(|| {
        let alts: Vec<String> = t
            .type_words
            .iter()
            .map(|(f, _, _)| f.split(' ').collect::<Vec<_>>().join(r"\s+"))
            .collect();
        let type_word = format!(r"(?i-u)\b(?:{})\b", alts.join("|"));
        Regexes {
            type_word: Regex::new(&type_word).expect("type-word regex"),
            bare: Regex::new(r"(?-u)[0-9]{1,5}[ \t]{0,2}[/\-][ \t]{0,2}[0-9A-Z]")
                .expect("bare regex"),
            header_no: Regex::new(
                r"(?im-u)^[ \t|>#_]*(?:[A-Za-z]+[ \t]+){0,3}?(?:so|so hieu)[ \t]*:[ \t|]*(?:\r?\n[ \t|]*){0,3}",
            )
            .expect("header regex"),
            provision: Regex::new(
                r"(?i-u)((?:(?:diem|khoan|dieu|muc|chuong|phu luc)\s+[0-9a-z]{1,4}\)?[\s,]*(?:va\s+)?)+)(?:cua|tai|theo|quy dinh tai)?\s*$",
            )
            .expect("provision regex"),
        }
    })
}

/// The number and symbol as parsed, in folded offsets.
#[derive(Debug, Clone)]
struct NumSym {
    start: usize,
    end: usize,
    number: String,
    year: Option<i32>,
    /// Folded ranges of the symbol's groups ("NĐ", "CP").
    groups: Vec<(usize, usize)>,
    /// Separator between number and what follows: Some('/'), Some('-') or None (space).
    num_sep: Option<u8>,
    /// Separator between year and symbol, when there is a year.
    year_sep: Option<u8>,
    /// Separators between groups.
    group_seps: Vec<u8>,
    stray_space: bool,
    truncated: bool,
}

/// A number-symbol read as it should be written.
#[derive(Debug, Clone)]
struct Reading {
    number: String,
    year: Option<i32>,
    symbol: Option<String>,
    canonical: Option<String>,
    kind_from_symbol: Option<Kind>,
    defects: Vec<Defect>,
    /// The symbol names a known type or issuer code (confidence for bare anchors).
    known: bool,
}

impl<'t> Extractor<'t> {
    pub fn new(t: &'t Tables) -> Extractor<'t> {
        Extractor { t }
    }

    /// Extract the header and every citation of `text`.
    pub fn extract(&self, text: &str) -> Extraction {
        let f = Folded::new(text);
        let fb = f.text.as_bytes();
        let re = regexes(self.t);
        let ctx = Ctx { text, f: &f, fb };

        let body_start = body_start(fb);
        let (header, header_ns) = self.header(&ctx, body_start);

        let anchors: Vec<(usize, usize)> = re
            .type_word
            .find_iter(fb)
            .map(|m| (m.start(), m.end()))
            .collect();

        let mut out: Vec<Citation> = Vec::new();
        let mut consumed = 0usize; // folded offset up to which text is taken
        let mut taken: Vec<(usize, usize)> = Vec::new(); // folded ranges of number-symbols

        for (idx, &(a, b)) in anchors.iter().enumerate() {
            if a < consumed {
                continue;
            }
            let next_anchor = anchors.get(idx + 1).map(|x| x.0).unwrap_or(fb.len());
            let tw_folded = fold_key(&f.text[a..b]);
            let Some((kind, proper)) = self.t.type_word(&tw_folded) else {
                continue;
            };
            let found = self.after_type_word(&ctx, a, b, kind, proper, next_anchor, &anchors);
            for (c, ns) in found {
                if let Some(ns) = ns {
                    if header_ns.is_some_and(|h: (usize, usize)| overlaps(h, ns)) {
                        continue;
                    }
                    taken.push(ns);
                }
                consumed = consumed.max(f.folded_at(c.end));
                out.push(c);
            }
        }

        // Bare number-symbols ("theo 168/2018/NĐ-CP"). Both range lists stay sorted (anchors
        // are visited in text order), so overlap checks are binary searches: linear time.
        taken.sort_unstable();
        let mut bare_taken: Vec<(usize, usize)> = Vec::new();
        for m in re.bare.find_iter(fb) {
            let mut p = m.start();
            // The match may start inside a longer number ("2019" of "12/2019/..."):
            // take the number's real start, and skip numbers glued to letters or slashes.
            while p > 0 && fb[p - 1].is_ascii_digit() {
                p -= 1;
            }
            if p > 0 && (fb[p - 1].is_ascii_alphabetic() || matches!(fb[p - 1], b'/' | b'.' | b'-'))
            {
                continue;
            }
            if any_overlap(&taken, (p, p + 1)) || any_overlap(&bare_taken, (p, p + 1)) {
                continue;
            }
            // "Mẫu số 01/TB-ĐKT", "mẫu 05/BC": a form template, not an instrument.
            let before = &fb[p.saturating_sub(12)..p];
            let before = String::from_utf8_lossy(before).to_ascii_lowercase();
            if before.trim_end().ends_with("mau so")
                || before.trim_end().ends_with("mau")
                || before.trim_end().ends_with("mau so:")
            {
                continue;
            }
            let Some(ns) = parse_numsym(fb, p, true) else {
                continue;
            };
            if any_overlap(&taken, (ns.start, ns.end))
                || any_overlap(&bare_taken, (ns.start, ns.end))
            {
                continue;
            }
            if header_ns.is_some_and(|h| overlaps(h, (ns.start, ns.end))) {
                continue;
            }
            let r = self.read(&ctx, &ns);
            let Some(kind) = r.kind_from_symbol else {
                continue;
            };
            let strong = r.known
                && !r.defects.contains(&Defect::TruncatedSymbol)
                && (r.year.is_some() || ns.groups.len() >= 2 || kind == Kind::Law);
            if !strong || ns.num_sep.is_none() {
                continue;
            }
            // Own number repeated before the body (web-page chrome, header tables).
            if ns.start < body_start
                && header.number.as_deref() == Some(r.number.as_str())
                && header.symbol == r.symbol
            {
                continue;
            }
            let c = self.build(&ctx, kind, None, None, &ns, r, None);
            bare_taken.push((ns.start, ns.end));
            out.push(c);
        }

        out.sort_by_key(|c| (c.start, c.end));
        assign_lines(&mut out, text);
        drop_own_number(&mut out, &header);
        complete_truncated(&mut out);
        Extraction {
            header,
            citations: out,
        }
    }

    /// Everything cited after one type word: a number-symbol (and list items sharing the
    /// type word), or a law by name.
    #[allow(clippy::too_many_arguments)]
    fn after_type_word(
        &self,
        ctx: &Ctx,
        a: usize,
        b: usize,
        kind: Kind,
        proper: &str,
        next_anchor: usize,
        anchors: &[(usize, usize)],
    ) -> Vec<(Citation, Option<(usize, usize)>)> {
        let fb = ctx.fb;
        // Most type words start no citation ("theo quy định", "Kế hoạch này"): only a number,
        // "số" before one, or a law's name can follow. Rejected before any allocation.
        if !kind.is_named_law() {
            let p0 = skip_ws(fb, b);
            if !fb
                .get(p0)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, b's' | b'S'))
            {
                return Vec::new();
            }
        }
        let mut res = Vec::new();
        let tw_orig = ctx.f.span(a, b);
        let tw_piece = piece(ctx.text, tw_orig);
        let mut defects = Vec::new();
        let tw_proper = proper;
        if !same_spelling(&tw_piece.text, tw_proper) {
            defects.push(Defect::TypeWordTypo);
        }

        // "số" (or "só", glued "số01"), optional colon.
        let mut p = skip_ws(fb, b);
        let mut so_piece = None;
        if word_at(fb, p, b"so") || word_at(fb, p, b"So") || word_at(fb, p, b"SO") {
            let after = p + 2;
            let glued = fb.get(after).is_some_and(|c| c.is_ascii_digit());
            let boundary = fb.get(after).is_none_or(|c| !c.is_ascii_alphabetic());
            if boundary {
                let sp = piece(ctx.text, ctx.f.span(p, after));
                if !same_spelling(&sp.text, "số") {
                    defects.push(Defect::SoTypo);
                }
                if glued {
                    defects.push(Defect::Glued);
                }
                so_piece = Some(sp);
                p = after;
                let q = skip_ws(fb, p);
                if fb.get(q) == Some(&b':') {
                    p = q + 1;
                }
                p = skip_ws(fb, p);
            }
        }

        let parts_base = Parts {
            type_word: Some(tw_piece.clone()),
            so_word: so_piece.clone(),
            ..Parts::default()
        };

        // The provision before the type word ("khoản 2 Điều 5 ..."), read only once a
        // citation is found (most type words start none).
        if let Some(ns) = parse_numsym(fb, p, false) {
            // A bare number with a type word but no symbol needs "số" ("Quyết định số 12").
            if !(ns.groups.is_empty() && so_piece.is_none() && ns.year.is_none()) {
                let r = self.read(ctx, &ns);
                let mut r = r;
                r.defects.extend(defects.iter().copied());
                let generic = self.t.generic_words.iter().any(|g| *g == fold_key(proper));
                let ck = choose_kind(kind, r.kind_from_symbol, generic);
                let mut c = self.build(
                    ctx,
                    ck,
                    Some(a),
                    Some(parts_base.clone()),
                    &ns,
                    r,
                    Some(next_anchor),
                );
                c.provision = self.provision_before(ctx, a);
                if kind.is_named_law() {
                    // "Luật ... số 41/2024/QH15" handled below; "Luật số 80/2015/QH13" here.
                    c.law = None;
                }
                let mut end_f = ctx.f.folded_at(c.end);
                res.push((c, Some((ns.start, ns.end))));
                // List items sharing the type word.
                while let Some((ns2, _sep_at)) = list_item(fb, end_f) {
                    let r2 = self.read(ctx, &ns2);
                    if r2.symbol.is_none() {
                        break;
                    }
                    let k2 = choose_kind(kind, r2.kind_from_symbol, generic);
                    let na = next_anchor_after(anchors, ns2.end, fb.len());
                    let c2 = self.build(ctx, k2, None, None, &ns2, r2, Some(na));
                    end_f = ctx.f.folded_at(c2.end);
                    res.push((c2, Some((ns2.start, ns2.end))));
                }
                return res;
            }
        }

        if kind.is_named_law() {
            if let Some(mut c) = self.named_law(ctx, a, b, kind, next_anchor, anchors) {
                c.defects.extend(defects.iter().copied());
                c.provision = self.provision_before(ctx, a);
                res.push((c, None));
            }
        }
        res
    }

    /// A law, code, constitution or ordinance cited by name.
    fn named_law(
        &self,
        ctx: &Ctx,
        a: usize,
        b: usize,
        kind: Kind,
        next_anchor: usize,
        anchors: &[(usize, usize)],
    ) -> Option<Citation> {
        let fb = ctx.fb;
        let (oa, ob) = ctx.f.span(a, b);
        // "pháp luật", "Thư viện Pháp luật": not a law cited by name.
        let before = &fb[a.saturating_sub(5)..a];
        if before.eq_ignore_ascii_case(b"phap ") {
            return None;
        }
        let tw = &ctx.text[oa..ob];
        let all_caps = tw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && tw.chars().filter(|c| c.is_alphabetic()).count() > 1;
        // Capitalised ("Luật"), not shouting ("LUẬT" in a title line).
        let capital = !all_caps && tw.chars().next().is_some_and(|c| c.is_uppercase());
        let start = skip_ws(fb, b);
        if start == b || !fb.get(start).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        // Known names first (longest alias wins).
        let (words, offs) = words_after(fb, start, 24);
        let joined = words.join(" ").to_ascii_lowercase();
        let mut name: Option<String> = None;
        let mut end = b;
        if kind == Kind::Constitution {
            if !capital {
                return None;
            }
            name = Some("Hiến pháp".to_string());
            // "nước Cộng hòa xã hội chủ nghĩa Việt Nam"
            let tail = "nuoc cong hoa xa hoi chu nghia viet nam";
            if joined.starts_with(tail) {
                end = offs[8].1;
            }
        } else if let Some(law) = self.t.laws_starting(&joined).find(|l| {
            l.kind == kind
                && !l.tail.is_empty()
                && joined.starts_with(&l.tail)
                && joined[l.tail.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == ' ')
                && (l.tail.contains(' ') || {
                    // One-word names must match with their diacritics ("Giá" vs "gia"),
                    // unless written as an abbreviation ("DQTV").
                    let (ws, we) = ctx.f.span(offs[0].0, offs[0].1);
                    let w = &ctx.text[ws..we];
                    w.chars().all(|c| !c.is_lowercase())
                        || crate::normalize::clean(w).to_lowercase() == l.proper_tail
                })
        }) {
            let nwords = law.tail.split(' ').count();
            end = offs[nwords - 1].1;
            name = Some(law.name.clone());
        } else if capital {
            // Heuristic: the capitalised name up to a stop word or punctuation.
            let (n, e) = self.heuristic_law_name(ctx, start, next_anchor, anchors, 0)?;
            name = Some(n);
            end = e;
        }
        let name = name?;
        let mut parts = Parts {
            type_word: Some(piece(ctx.text, (oa, ob))),
            ..Parts::default()
        };
        // Year, date, number after the name.
        let mut year = None;
        let mut date = None;
        let mut invalid_date = None;
        let mut q = skip_ws(fb, end);
        if let Some((y, e)) = law_year(fb, q) {
            year = Some(y);
            end = e;
            q = skip_ws(fb, e);
        } else if let Some((d, e, ds)) = parse_date_after(fb, q) {
            match d {
                Ok(d) => {
                    year = Some(d.year);
                    date = Some(d);
                }
                Err(y) => {
                    year = y;
                    invalid_date = Some(ds);
                }
            }
            parts.date = Some(piece(ctx.text, ctx.f.span(q, e)));
            end = e;
            q = skip_ws(fb, e);
        }
        let mut number = None;
        let mut symbol = None;
        let mut canonical = None;
        let mut defects = Vec::new();
        if word_at(fb, q, b"so") {
            let p = skip_ws(fb, q + 2);
            let p = if fb.get(p) == Some(&b':') {
                skip_ws(fb, p + 1)
            } else {
                p
            };
            if let Some(ns) = parse_numsym(fb, p, false) {
                let r = self.read(ctx, &ns);
                if r.symbol.is_some() {
                    number = Some(r.number.clone());
                    year = r.year.or(year);
                    symbol = r.symbol.clone();
                    canonical = r.canonical.clone();
                    defects = r.defects.clone();
                    parts.number_symbol = Some(piece(ctx.text, ctx.f.span(ns.start, ns.end)));
                    end = ns.end;
                }
            }
        }
        let (s, e) = (oa, ctx.f.orig(end));
        // Line and column are filled by `assign_lines` in one pass at the end.
        let (line, column) = (0, 0);
        Some(Citation {
            kind,
            number,
            year,
            symbol,
            canonical,
            date,
            invalid_date,
            issuer: None,
            law: Some(name),
            title: None,
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
            findings: Vec::new(),
        })
    }

    /// "Luật Tổ chức chính quyền địa phương": words from `start` up to a stop word.
    fn heuristic_law_name(
        &self,
        ctx: &Ctx,
        start: usize,
        next_anchor: usize,
        anchors: &[(usize, usize)],
        depth: u8,
    ) -> Option<(String, usize)> {
        let fb = ctx.fb;
        let (words, offs) = words_after(fb, start, 16);
        if words.is_empty() {
            return None;
        }
        // The first word must be capitalised in the original.
        let (o0, _) = ctx.f.span(offs[0].0, offs[0].1);
        if !ctx.text[o0..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
        {
            return None;
        }
        const STOP: &[&str] = &[
            "nam", "ngay", "so", "duoc", "da", "co", "nay", "tren", "do", "thi", "la", "voi",
            "cho", "de", "khi", "trong", "tai", "theo", "va", "cua", "hien", "moi", "quy", "huong",
            "nhu", "con", "phai", "gom", "cac", "nhung", "dang", "sau", "truoc", "ve", "ban", "tu",
            "den", "nham", "bao", "dam", "thuc", "trien", "sua", "hoac", "ma", "lien", "thong",
            "chi", "nghi", "quyet", "ke", "vi", "neu", "qua",
        ];
        // "sửa đổi, bổ sung một số điều của Luật X": the amending law.
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        if lower.len() >= 2 && lower[0] == "sua" && lower[1] == "doi" && depth == 0 {
            // find "cua" then the inner law
            if let Some(ci) = lower.iter().position(|w| w == "cua") {
                let inner_start = skip_ws(fb, offs[ci].1);
                let inner = anchors
                    .binary_search_by_key(&inner_start, |x| x.0)
                    .ok()
                    .map(|i| anchors[i]);
                let (pre_s, _) = ctx.f.span(offs[0].0, offs[0].1);
                if let Some((_, ib)) = inner {
                    let after = skip_ws(fb, ib);
                    let na = next_anchor_after(anchors, ib, fb.len());
                    let (w2, offs2) = words_after(fb, after, 24);
                    let j = w2.join(" ").to_ascii_lowercase();
                    let inner_name = self
                        .t
                        .laws_starting(&j)
                        .find(|l| {
                            j.starts_with(&l.tail)
                                && j[l.tail.len()..].chars().next().is_none_or(|c| c == ' ')
                        })
                        .map(|l| {
                            let n = l.tail.split(' ').count();
                            (l.name.clone(), offs2[n - 1].1)
                        })
                        .or_else(|| self.heuristic_law_name(ctx, after, na, anchors, 1));
                    if let Some((iname, iend)) = inner_name {
                        let (_, cua_end) = ctx.f.span(offs[ci].0, offs[ci].1);
                        let prefix = clean(&ctx.text[pre_s..cua_end]);
                        return Some((format!("Luật {prefix} {iname}"), iend));
                    }
                }
            }
        }
        let mut n = 0;
        for (i, w) in lower.iter().enumerate() {
            if offs[i].0 >= next_anchor {
                break;
            }
            if i > 0 {
                let cap = words[i]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase());
                if STOP.contains(&w.as_str()) && !cap {
                    break;
                }
                // Digits (footnote marks, numbers) and shouting words (a gazette running
                // head "CÔNG BÁO" in the middle of a name) end the name.
                let shout =
                    words[i].len() >= 3 && words[i].bytes().all(|c| !c.is_ascii_lowercase());
                if shout || words[i].bytes().any(|c| c.is_ascii_digit()) {
                    break;
                }
                // Punctuation between words ends the name, except a comma followed by a
                // lower-case word ("Phòng, chống", "Thuế xuất khẩu, thuế nhập khẩu").
                let gap = &fb[offs[i - 1].1..offs[i].0];
                let punct = gap.iter().any(|c| !c.is_ascii_whitespace());
                if punct && (cap || gap.trim_ascii() != b",") {
                    break;
                }
                // A capitalised type word starts another citation.
                if cap && (w == "luat" || w == "nghi" || w == "quyet" || w == "bo") {
                    break;
                }
            }
            n = i + 1;
            if n >= 10 {
                break;
            }
        }
        if n == 0 {
            return None;
        }
        let (s, _) = ctx.f.span(offs[0].0, offs[0].1);
        let (_, e) = ctx.f.span(offs[n - 1].0, offs[n - 1].1);
        let written = clean(&ctx.text[s..e]);
        if fold_key(&written) == "viet nam" {
            return None;
        }
        let full = format!("Luật {written}");
        // Canonical spelling when the table knows the name.
        let key = tables::word_key(&full);
        let tail = key.strip_prefix("luat ").unwrap_or(&key);
        let name = self
            .t
            .laws_starting(tail)
            .find(|l| l.tail == tail)
            .map(|l| l.name.clone())
            .unwrap_or(full);
        Some((name, offs[n - 1].1))
    }

    /// "khoản 2 Điều 5" just before a type word.
    fn provision_before(&self, ctx: &Ctx, a: usize) -> Option<String> {
        let lo = a.saturating_sub(80);
        let lo = (lo..a)
            .find(|&i| ctx.f.text.is_char_boundary(i))
            .unwrap_or(a);
        let window = &ctx.fb[lo..a];
        let m = regexes(self.t).provision.captures(window)?;
        let g = m.get(1)?;
        let (s, e) = ctx.f.span(lo + g.start(), lo + g.end());
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
    fn read(&self, ctx: &Ctx, ns: &NumSym) -> Reading {
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
                    codes.push(Some(c.clone()));
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
        let first = codes.first().cloned().flatten();
        let last = codes.last().cloned().flatten();
        let qh = qh_code(&spelled[0]);
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
    fn build(
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
            findings: Vec::new(),
        }
    }

    /// The issuer named after "của": the longest known name (with a place name after a
    /// local body: "UBND tỉnh Bắc Ninh"), else the words up to a stop.
    fn issuer_phrase(&self, ctx: &Ctx, s: usize) -> Option<(String, usize)> {
        let fb = ctx.fb;
        let (words, offs) = words_after(fb, s, 14);
        if words.is_empty() {
            return None;
        }
        const STOP: &[&str] = &[
            "ve", "ngay", "so", "quy", "huong", "trien", "thuc", "tai", "theo", "doi", "nham",
            "de", "trong", "voi", "cho", "la", "da", "duoc", "nay", "cua", "khi", "den", "giai",
            "phe", "sua", "khoa", "ban", "lan", "nam", "va", "tren", "thi", "tu",
        ];
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let cap = |i: usize| words[i].chars().next().is_some_and(|c| c.is_uppercase());
        let mut n = 0;
        for (i, w) in lower.iter().enumerate() {
            if i > 0 {
                let gap = &fb[offs[i - 1].1..offs[i].0];
                let dash = gap.trim_ascii() == b"-";
                // "Bộ Lao động - Thương binh và Xã hội": a dash between capitalised words.
                if gap.iter().any(|c| !c.is_ascii_whitespace()) && !(dash && cap(i)) {
                    break;
                }
                // Words that are stop words elsewhere but belong to names after these:
                // "Ủy ban", "Đầu tư", "Phát triển", "vận tải".
                const PAIRS: &[(&str, &str)] = &[
                    ("uy", "ban"),
                    ("dau", "tu"),
                    ("phat", "trien"),
                    ("van", "tai"),
                ];
                if PAIRS.contains(&(lower[i - 1].as_str(), w.as_str())) {
                    n = i + 1;
                    continue;
                }
                // Stop words stop only in lower case ("tu" is "từ", but "TƯ" is a body).
                if STOP.contains(&w.as_str()) && !cap(i) {
                    // "và" joins two capitalised bodies ("Bộ Tài nguyên và Môi trường"),
                    // not a body and the next citation ("Quốc hội và Luật ...").
                    let next_is_type = lower.get(i + 1).is_some_and(|a| {
                        a == "luat"
                            || lower
                                .get(i + 2)
                                .is_some_and(|b| self.t.type_word(&format!("{a} {b}")).is_some())
                    });
                    if w == "va" && i + 1 < words.len() && cap(i + 1) && !next_is_type {
                        n = i + 1;
                        continue;
                    }
                    break;
                }
            } else if lower[0] == "ban" && !cap(0) {
                return None;
            }
            n = i + 1;
            if n >= 12 {
                break;
            }
        }
        if n == 0 {
            return None;
        }
        // An office holder before the body: "Bộ trưởng Bộ Tài chính", "Chủ tịch UBND tỉnh".
        let title_words = [
            &["bo", "truong"][..],
            &["chu", "tich"][..],
            &["thong", "doc"][..],
            &["tong", "kiem", "toan"][..],
        ]
        .iter()
        .find(|t| {
            lower.len() > t.len()
                && lower[..t.len()] == t.iter().map(|x| x.to_string()).collect::<Vec<_>>()[..]
        })
        .map(|t| t.len())
        .filter(|&k| k < n)
        .unwrap_or(0);
        let body: String = lower[title_words..n].join(" ");
        let orig = |i: usize| ctx.f.span(offs[i].0, offs[i].1);
        let prefix = if title_words > 0 {
            format!("{} ", clean(&ctx.text[orig(0).0..orig(title_words - 1).1]))
        } else {
            String::new()
        };
        let (name, last) = match self.t.issuer_prefix(&body) {
            Some((canon, klen, local)) => {
                let matched = title_words + body[..klen].split(' ').count();
                // A local body takes the place name after it, on the same line.
                let mut last = matched;
                if local {
                    while last < n
                        && cap(last)
                        && !fb[offs[last - 1].1..offs[last].0].contains(&b'\n')
                    {
                        last += 1;
                    }
                }
                let name = if last > matched {
                    format!(
                        "{prefix}{canon} {}",
                        clean(&ctx.text[orig(matched).0..orig(last - 1).1])
                    )
                } else {
                    format!("{prefix}{canon}")
                };
                (name, last)
            }
            None => (clean(&ctx.text[orig(0).0..orig(n - 1).1]), n),
        };
        Some((name, offs[last - 1].1))
    }

    /// The issuing body from the header block ("ỦY BAN NHÂN DÂN / XÃ TÂN HÒA" → "UBND xã Tân
    /// Hòa"): the upper-case lines of the left column before the national motto (or the
    /// "Số:" line), a place line ("TỈNH BẮC NINH") joined to the body above it, the lowest
    /// body being the issuer (the one above it is its parent).
    fn header_issuer(&self, ctx: &Ctx, body_start: usize) -> Option<String> {
        let head = ctx.text.get(..ctx.f.orig(body_start.min(ctx.fb.len())))?;
        const PLACE: &[&str] = &[
            "tinh",
            "huyen",
            "xa",
            "thanh pho",
            "quan",
            "phuong",
            "thi xa",
            "thi tran",
        ];
        // The national motto (or the Party's name) anchors the header block; web-page chrome
        // above it is not the issuer. Found on the folded view (no allocation per line).
        let head_f = &ctx.fb[..body_start.min(ctx.fb.len())];
        let at = find_ci(head_f, b"cong hoa xa").or_else(|| find_ci(head_f, b"dang cong san"))?;
        let motto_orig = ctx.f.orig(at);
        let motto = head[..motto_orig.min(head.len())].matches('\n').count();
        let lines: Vec<&str> = head.lines().take(motto + 3).collect();
        let mut bodies: Vec<String> = Vec::new();
        let last = (motto + 2).min(lines.len().saturating_sub(1));
        for raw in &lines[motto.saturating_sub(6)..=last] {
            // The left column of a two-column header, without Markdown.
            let line = raw.replace(['*', '|', '#', '_'], " ");
            let left = line.trim().split("   ").next().unwrap_or("").trim();
            let key = fold_key(left);
            if key.starts_with("so") && key[2..].trim_start().starts_with(':') {
                break;
            }
            if key.starts_with("cong hoa")
                || key.starts_with("chu nghia")
                || key.starts_with("hoi chu nghia")
                || key.starts_with("nghia viet nam")
                || key.starts_with("doc lap")
                || key.starts_with("dang cong san")
            {
                continue;
            }
            let letters: Vec<char> = left.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() < 2
                || letters.iter().any(|c| c.is_lowercase())
                || self.t.type_word(&key).is_some()
            {
                continue;
            }
            let clean_line = clean(left);
            // A name broken over two lines ("HỘI ĐỒNG NHÂN" / "DÂN THÀNH PHỐ HUẾ", "BỘ KHOA
            // HỌC VÀ" / "CÔNG NGHỆ") or a place under its body ("TỈNH BẮC NINH") continues
            // the body above; any other line is a new body (the lowest is the issuer).
            let continues = |prev: &str| {
                let pk = fold_key(prev);
                PLACE.iter().any(|p| key.starts_with(p))
                    || key.starts_with("dan ")
                    || key.starts_with("va ")
                    || ["nhan", "va", "dong", "ban"]
                        .iter()
                        .any(|w| pk.ends_with(&format!(" {w}")))
            };
            match bodies.last_mut() {
                Some(prev) if continues(prev) => {
                    prev.push(' ');
                    prev.push_str(&clean_line);
                }
                _ => bodies.push(clean_line),
            }
        }
        let body = bodies.pop()?;
        Some(issuer_spelling(self.t, &body))
    }

    /// The document's own identity, and the folded range of its own number.
    fn header(&self, ctx: &Ctx, body_start: usize) -> (Header, Option<(usize, usize)>) {
        let fb = ctx.fb;
        let mut h = Header::default();
        let mut ns_range = None;
        let re = regexes(self.t);
        let region = &fb[..body_start.max(fb.len().min(4000)).min(fb.len())];
        if let Some(m) = re.header_no.find(region) {
            if let Some(ns) = parse_numsym(fb, m.end(), false) {
                let r = self.read(ctx, &ns);
                h.number = Some(r.number.clone());
                h.year = r.year;
                h.symbol = r.symbol.clone();
                h.kind = r.kind_from_symbol;
                let (s, e) = ctx.f.span(ns.start, ns.end);
                h.number_span = Some(crate::model::Span::new(s, e));
                ns_range = Some((ns.start, ns.end));
            }
        }
        // Title line: a line holding only an upper-case type word ("KẾ HOẠCH").
        let head = &ctx.f.text[..body_start.min(ctx.f.text.len())];
        let mut lines_iter = head
            .char_indices()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i + 1);
        let mut starts = vec![0usize];
        starts.extend(&mut lines_iter);
        for (li, &ls) in starts.iter().enumerate() {
            let le = starts.get(li + 1).map(|x| x - 1).unwrap_or(head.len());
            let line = head[ls..le]
                .trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '#' || c == '_');
            if line.is_empty() || line.len() > 30 {
                continue;
            }
            let is_upper = line.chars().all(|c| !c.is_lowercase());
            if !is_upper {
                continue;
            }
            let key = fold_key(line);
            if let Some((k, proper)) = self.t.type_word(&key) {
                if h.kind.is_none() || h.kind == Some(k) || h.symbol.is_none() {
                    h.kind = Some(k);
                }
                // The next non-empty lines up to a blank line form the subject.
                let mut title = String::new();
                let mut started = false;
                for (lj, &ls2) in starts.iter().enumerate().skip(li + 1) {
                    let le2 = starts.get(lj + 1).map(|x| x - 1).unwrap_or(head.len());
                    let (os, oe) = ctx.f.span(ls2, le2);
                    let raw = clean(
                        ctx.text[os..oe].trim_matches(|c: char| c == '|' || c.is_whitespace()),
                    );
                    if raw.is_empty() {
                        if started {
                            break;
                        }
                        continue;
                    }
                    // The title ends where the issuing body's preamble or the body begins.
                    let k = fold_key(raw.trim_matches('*'));
                    const ENDS: &[&str] = &[
                        "can cu",
                        "uy ban",
                        "chu tich",
                        "bo truong",
                        "hoi dong",
                        "thu tuong",
                        "chinh phu",
                        "quoc hoi",
                        "ban chap hanh",
                        "kinh gui",
                    ];
                    if raw.starts_with('-')
                        || title.len() > 300
                        || ENDS.iter().any(|e| k.starts_with(e))
                    {
                        break;
                    }
                    started = true;
                    if !title.is_empty() {
                        title.push(' ');
                    }
                    title.push_str(raw.trim_matches('*').trim());
                }
                if !title.is_empty() {
                    let mut p = proper.to_string();
                    if let Some(f) = p.get_mut(0..1) {
                        f.make_ascii_uppercase();
                    }
                    let first_upper = proper
                        .chars()
                        .next()
                        .map(|c| c.to_uppercase().collect::<String>())
                        .unwrap_or_default();
                    let rest: String = proper.chars().skip(1).collect();
                    let mut t = title.clone();
                    // Lower-case the subject's first letter after the type name (not in a
                    // title written in capitals).
                    let shouting = t
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| c.is_uppercase());
                    if let Some(c) = t.chars().next().filter(|_| !shouting) {
                        let lc: String = c.to_lowercase().collect();
                        t = format!("{lc}{}", &t[c.len_utf8()..]);
                    }
                    h.title = Some(format!("{first_upper}{rest} {t}"));
                }
                break;
            }
        }
        h.issuer = self.header_issuer(ctx, body_start);
        // The document's own date: its date line, signature block or gazette header.
        h.date = date::own_date(fb, body_start);
        if let Some(d) = h.date {
            if h.year.is_none() {
                h.year = Some(d.year);
            }
        }
        if h.year.is_none() {
            if let Some(t) = &h.title {
                // "... năm 2024"
                let ft = fold_key(t);
                if let Some(i) = ft.rfind("nam ") {
                    let y: String = ft[i + 4..]
                        .chars()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    if y.len() == 4 {
                        h.year = y.parse().ok();
                    }
                }
            }
        }
        (h, ns_range)
    }
}

struct Ctx<'a> {
    text: &'a str,
    f: &'a Folded,
    fb: &'a [u8],
}

/// An upper-case body name in its normal spelling: a known issuer from the table, else
/// "UBND"/"HĐND" for the councils and committees, level words in lower case and the place
/// name in title case ("ỦY BAN NHÂN DÂN XÃ TÂN HÒA" → "UBND xã Tân Hòa").
fn issuer_spelling(t: &Tables, upper: &str) -> String {
    let key = tables::word_key(upper);
    if let Some((canon, klen, _)) = t.issuer_prefix(&key) {
        if klen == key.len() {
            return canon.to_string();
        }
    }
    let mut words: Vec<String> = upper.split_whitespace().map(|w| w.to_lowercase()).collect();
    let mut out: Vec<String> = Vec::new();
    let lower_key: Vec<String> = words.iter().map(|w| fold_key(w)).collect();
    let mut i = 0;
    let starts = |i: usize, seq: &[&str]| {
        seq.iter()
            .enumerate()
            .all(|(k, w)| lower_key.get(i + k).map(|x| x.as_str()) == Some(*w))
    };
    if starts(0, &["uy", "ban", "nhan", "dan"]) {
        out.push("UBND".into());
        i = 4;
    } else if starts(0, &["hoi", "dong", "nhan", "dan"]) {
        out.push("HĐND".into());
        i = 4;
    }
    // Level words right after the body: "tỉnh", "xã", "thành phố", "thị xã" ...
    const LEVEL: &[&str] = &["tinh", "huyen", "xa", "quan", "phuong"];
    const LEVEL2: &[(&str, &str)] = &[("thanh", "pho"), ("thi", "xa"), ("thi", "tran")];
    let mut in_level = true;
    let mut take_next = false;
    for (k, w) in words.drain(..).enumerate().skip(i) {
        let wk = lower_key[k].as_str();
        let pair_start = lower_key
            .get(k + 1)
            .is_some_and(|n| LEVEL2.contains(&(wk, n.as_str())));
        if in_level && (take_next || LEVEL.contains(&wk) || pair_start) {
            take_next = pair_start;
            out.push(w);
            continue;
        }
        in_level = false;
        let mut c = w.chars();
        let cap: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        out.push(cap);
    }
    out.join(" ")
}

/// The start of the first anchor after folded offset `p` (anchors are sorted).
fn next_anchor_after(anchors: &[(usize, usize)], p: usize, end: usize) -> usize {
    let i = anchors.partition_point(|x| x.0 <= p);
    anchors.get(i).map(|x| x.0).unwrap_or(end)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Does `r` overlap any range of `sorted` (sorted by start, not overlapping each other)?
fn any_overlap(sorted: &[(usize, usize)], r: (usize, usize)) -> bool {
    let i = sorted.partition_point(|x| x.0 < r.1);
    i > 0 && sorted[i - 1].1 > r.0
}

fn dedup(v: &mut Vec<Defect>) {
    let mut seen = Vec::new();
    v.retain(|d| {
        if seen.contains(d) {
            false
        } else {
            seen.push(*d);
            true
        }
    });
}

fn piece(text: &str, (s, e): (usize, usize)) -> Piece {
    let e = e.max(s).min(text.len());
    let s = s.min(e);
    Piece {
        text: text.get(s..e).unwrap_or("").trim_end().to_string(),
        start: s,
        end: s + text.get(s..e).unwrap_or("").trim_end().len(),
    }
}

/// Same spelling up to case, NFC/NFD, tone placement and white space (`proper` is given
/// in lower case, NFC).
fn same_spelling(written: &str, proper: &str) -> bool {
    // Fast path: one space between syllables, already NFC.
    let quick = written.to_lowercase();
    if quick == proper {
        return true;
    }
    clean(written).to_lowercase() == clean(proper).to_lowercase()
}

/// The type word decides the kind ("Luật số 48/2019/QH14" stays a law; a wrong type word,
/// "Nghị định ... QĐ-TTg", is kept as written and reported by the checker), except a generic
/// word ("Văn bản số 12/QĐ-UBND"), where the symbol decides when it can.
fn choose_kind(type_kind: Kind, symbol_kind: Option<Kind>, generic: bool) -> Kind {
    match symbol_kind {
        Some(k) if generic => k,
        _ => type_kind,
    }
}

/// "QH14" → Law, "UBTVQH15" → Resolution (numbered per legislature).
fn qh_code(s: &str) -> Option<Kind> {
    let digits = s.trim_start_matches(|c: char| c.is_ascii_uppercase());
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match &s[..s.len() - digits.len()] {
        "QH" => Some(Kind::Law),
        "UBTVQH" => Some(Kind::Resolution),
        _ => None,
    }
}

fn skip_ws(fb: &[u8], mut p: usize) -> usize {
    while p < fb.len() && fb[p].is_ascii_whitespace() {
        p += 1;
    }
    p
}

fn skip_ws_punct(fb: &[u8], p: usize, punct: &[u8]) -> usize {
    let mut q = skip_ws(fb, p);
    if q < fb.len() && punct.contains(&fb[q]) {
        q = skip_ws(fb, q + 1);
    }
    q
}

/// A whole word (ASCII, exact case) at p.
fn word_at(fb: &[u8], p: usize, w: &[u8]) -> bool {
    fb.get(p..p + w.len()) == Some(w)
        && (p == 0 || !fb[p - 1].is_ascii_alphabetic())
        && fb.get(p + w.len()).is_none_or(|c| !c.is_ascii_alphabetic())
}

/// A whole word, case-insensitive, at p.
fn word_at_ci(fb: &[u8], p: usize, w: &[u8]) -> bool {
    fb.get(p..p + w.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(w))
        && fb.get(p + w.len()).is_none_or(|c| !c.is_ascii_alphabetic())
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .enumerate()
        .find(|(i, w)| {
            w.eq_ignore_ascii_case(needle)
                && (*i == 0 || !hay[i - 1].is_ascii_alphabetic())
                && hay
                    .get(i + needle.len())
                    .is_none_or(|c| !c.is_ascii_alphabetic())
        })
        .map(|(i, _)| i)
}

/// Up to `max` words (runs of ASCII letters/digits/&) from p, with their folded ranges.
/// Stops at a newline followed by a blank line only when the next line opens a list
/// item; otherwise line breaks are spaces (PDF text breaks lines anywhere).
fn words_after(fb: &[u8], p: usize, max: usize) -> (Vec<&str>, Vec<(usize, usize)>) {
    let mut words = Vec::new();
    let mut offs = Vec::new();
    let mut i = p;
    let limit = (p + 400).min(fb.len());
    while i < limit && words.len() < max {
        while i < limit && !is_word_byte(fb[i]) {
            // Stop at strong punctuation.
            if matches!(fb[i], b';' | b'.' | b':' | b'(' | b')' | b'"' | b'|' | b'/') {
                return (words, offs);
            }
            if fb[i] >= 0x80 {
                // Non-ASCII (quotes etc.) end the run.
                return (words, offs);
            }
            i += 1;
        }
        let s = i;
        while i < limit && is_word_byte(fb[i]) {
            i += 1;
        }
        if i > s {
            // Word bytes are ASCII letters: always valid UTF-8.
            words.push(std::str::from_utf8(&fb[s..i]).unwrap_or(""));
            offs.push((s, i));
        }
    }
    (words, offs)
}

/// Letters and '&' ("GDQP&AN"); digits separate words (footnote marks: "xã hội1").
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'&'
}

/// "2018", "năm 2024" after a law's name (not "2018/..." followed by digits).
fn law_year(fb: &[u8], p: usize) -> Option<(i32, usize)> {
    let mut q = p;
    if word_at_ci(fb, q, b"nam") {
        q = skip_ws(fb, q + 3);
    }
    let (y, e) = year_at(fb, q)?;
    if fb.get(e) == Some(&b'/') && fb.get(e + 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((y, e))
}

fn year_at(fb: &[u8], p: usize) -> Option<(i32, usize)> {
    let d = fb.get(p..p + 4)?;
    if !d.iter().all(|c| c.is_ascii_digit()) || fb.get(p + 4).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if p > 0 && fb[p - 1].is_ascii_digit() {
        return None;
    }
    let y: i32 = std::str::from_utf8(d).ok()?.parse().ok()?;
    if (1945..=2100).contains(&y) {
        Some((y, p + 4))
    } else {
        None
    }
}

fn digits_at(fb: &[u8], p: usize, max: usize) -> Option<(u32, usize)> {
    let mut e = p;
    while e < fb.len() && fb[e].is_ascii_digit() && e - p < max {
        e += 1;
    }
    if e == p || fb.get(e).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let v = std::str::from_utf8(&fb[p..e]).ok()?.parse().ok()?;
    Some((v, e))
}

/// A date after a citation: "ngày 28/12/2018", "ngày 28 tháng 12 năm 2018", "ngày 22-9-2008",
/// or "(22/9/2008)". Returns Ok(date) or Err(year) for an impossible date, the end offset, and
/// the date as written.
#[allow(clippy::type_complexity)]
fn parse_date_after(fb: &[u8], p: usize) -> Option<(Result<Date, Option<i32>>, usize, String)> {
    let mut q = p;
    let mut had_ngay = false;
    if fb.get(q) == Some(&b'(') {
        q += 1;
    }
    if word_at_ci(fb, q, b"ngay") {
        had_ngay = true;
        q = skip_ws(fb, q + 4);
    }
    let (d, e) = digits_at(fb, q, 2)?;
    let mut r = e;
    // dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (spaces allowed around the separator)
    let r1 = skip_ws(fb, r);
    let (m, y, end) = if let Some(&sep) = fb.get(r1).filter(|c| matches!(c, b'/' | b'-' | b'.')) {
        let (m, e2) = digits_at(fb, skip_ws(fb, r1 + 1), 2)?;
        let r2 = skip_ws(fb, e2);
        if fb.get(r2) != Some(&sep) {
            return None;
        }
        let (y, e3) = year_at(fb, skip_ws(fb, r2 + 1))?;
        (m, y, e3)
    } else if had_ngay && word_at_ci(fb, r1, b"thang") {
        r = skip_ws(fb, r1 + 5);
        let (m, e2) = digits_at(fb, r, 2)?;
        let mut r2 = skip_ws(fb, e2);
        if fb.get(r2) == Some(&b',') {
            r2 = skip_ws(fb, r2 + 1);
        }
        if !word_at_ci(fb, r2, b"nam") {
            return None;
        }
        let (y, e3) = year_at(fb, skip_ws(fb, r2 + 3))?;
        (m, y, e3)
    } else {
        return None;
    };
    let mut end = end;
    if fb.get(p) == Some(&b'(') && fb.get(end) == Some(&b')') {
        end += 1;
    }
    let written = String::from_utf8_lossy(&fb[q..end]).into_owned();
    let date = Date::new(y, m as u8, d as u8).ok_or(Some(y));
    if m > 12 || d > 31 {
        return None;
    }
    Some((date, end, written))
}

/// A list item after a citation: ", 02/2019/NĐ-CP", " và 164/2018/NĐ-CP", "; số 12/...".
fn list_item(fb: &[u8], p: usize) -> Option<(NumSym, usize)> {
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
fn parse_numsym(fb: &[u8], p: usize, strict: bool) -> Option<NumSym> {
    if p > 0 && (fb[p - 1].is_ascii_digit() || fb[p - 1] == b'/' || fb[p - 1] == b'.') {
        return None;
    }
    let (_, ne) = digits_at(fb, p, 5)?;
    let number = String::from_utf8_lossy(&fb[p..ne]).into_owned();
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
                        fb,
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
                    fb,
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
        fb, p, end, number, year, groups, num_sep, year_sep, seps, stray, truncated, strict,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish(
    _fb: &[u8],
    start: usize,
    end: usize,
    number: String,
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
        number,
        year,
        groups,
        num_sep,
        year_sep,
        group_seps,
        stray_space,
        truncated,
    })
}

fn skip_inline_ws(fb: &[u8], mut p: usize) -> usize {
    while p < fb.len() && (fb[p] == b' ' || fb[p] == b'\t') {
        p += 1;
    }
    p
}

/// A symbol group at p: an upper-case letter, then letters, digits or '&', mostly upper
/// case ("NĐ", "TTg", "QH14", "BTN&MT"; not "Ngay").
fn group_at(fb: &[u8], p: usize) -> Option<(usize, usize)> {
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
fn known_shape(fb: &[u8], gs: usize, ge: usize) -> bool {
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

/// Where the body starts: the first "Căn cứ", "Thực hiện", "Kính gửi", "I." or "Điều 1" at
/// the start of a line, within the first 200 lines.
fn body_start(fb: &[u8]) -> usize {
    let mut line_start = 0;
    let mut n = 0;
    while line_start < fb.len() && n < 200 {
        let le = fb[line_start..]
            .iter()
            .position(|&c| c == b'\n')
            .map(|x| line_start + x)
            .unwrap_or(fb.len());
        let mut s = line_start;
        while s < le && matches!(fb[s], b' ' | b'\t' | b'|' | b'>' | b'#' | b'_') {
            s += 1;
        }
        let l = &fb[s..le];
        let starts = |w: &[u8]| l.len() >= w.len() && l[..w.len()].eq_ignore_ascii_case(w);
        // "Thực hiện Chỉ thị số 26-CT/HU ..." opens a body, but "Thực hiện nhiệm vụ ... năm
        // 2024" under "KẾ HOẠCH" is the title: only a line citing something counts.
        let cites = l
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-'));
        if starts(b"can cu")
            || (starts(b"thuc hien") && cites)
            || starts(b"kinh gui")
            || starts(b"I.")
            || starts(b"Dieu 1")
            || starts(b"Chuong I")
        {
            return line_start;
        }
        line_start = le + 1;
        n += 1;
    }
    if n >= 200 {
        0
    } else {
        fb.len()
    }
}

/// Fill 1-based line and column (in characters) of citations, in one pass in text order:
/// newlines are counted between consecutive citations and columns from the previous
/// citation on the same line, so a 10 MB line with thousands of citations stays linear.
fn assign_lines(out: &mut [Citation], text: &str) {
    // One walk through the text in citation order: newlines counted between consecutive
    // citations (no index of every line), columns in characters from the last line start.
    let bytes = text.as_bytes();
    let chars = |b: &[u8]| b.iter().filter(|&&x| (x as i8) >= -0x40).count();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].start);
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let s = out[i].start.min(bytes.len());
        let gap = &bytes[at..s];
        match gap.iter().rposition(|&b| b == b'\n') {
            Some(k) => {
                line += gap.iter().filter(|&&b| b == b'\n').count();
                column = 1 + chars(&gap[k + 1..]);
            }
            None => column += chars(gap),
        }
        at = s;
        out[i].line = line;
        out[i].column = column;
    }
}

/// Drop the document's own number wherever it is repeated (page titles and metadata tables
/// of web pages, "ban hành kèm theo Quyết định số ..." on its own appendix): a document does
/// not cite itself. A citation with the same number but another date is kept (another
/// issuer's "34/KH-UBND").
fn drop_own_number(out: &mut Vec<Citation>, h: &Header) {
    let (Some(num), Some(sym)) = (&h.number, &h.symbol) else {
        return;
    };
    out.retain(|c| {
        // The year only tells when it is part of the number (normative documents).
        let year_ok = c.canonical.as_deref().is_none_or(|can| {
            !can.contains(&format!("/{}/", c.year.unwrap_or(0))) || c.year == h.year
        });
        let same = c.number.as_deref().map(|n| n.trim_start_matches('0'))
            == Some(num.trim_start_matches('0'))
            && c.symbol.as_deref() == Some(sym.as_str())
            && year_ok;
        let other_date = matches!((c.date, h.date), (Some(a), Some(b)) if a != b);
        !same || other_date
    });
}

/// A truncated symbol ("12 ĐA-") completed from another citation of the same kind and
/// number in the document, else from the issuer written beside it ("của UBND huyện").
fn complete_truncated(out: &mut [Citation]) {
    if !out
        .iter()
        .any(|c| c.defects.contains(&Defect::TruncatedSymbol))
    {
        return;
    }
    // (kind, number without leading zeros) → full symbols seen in the document.
    let mut full: std::collections::HashMap<(Kind, String), Vec<String>> =
        std::collections::HashMap::new();
    for c in out.iter() {
        if c.defects.contains(&Defect::TruncatedSymbol) {
            continue;
        }
        if let (Some(n), Some(s)) = (&c.number, &c.symbol) {
            let v = full
                .entry((c.kind, n.trim_start_matches('0').to_string()))
                .or_default();
            if v.len() < 8 && !v.contains(s) {
                v.push(s.clone());
            }
        }
    }
    for c in out.iter_mut() {
        if !c.defects.contains(&Defect::TruncatedSymbol) {
            continue;
        }
        let Some(num) = c.number.clone() else {
            continue;
        };
        let prefix = c.symbol.clone().unwrap_or_default();
        let from_doc = full
            .get(&(c.kind, num.trim_start_matches('0').to_string()))
            .and_then(|v| v.iter().find(|s| s.starts_with(&prefix)));
        let completed = if let Some(s) = from_doc {
            Some(s.clone())
        } else {
            c.issuer.as_deref().and_then(|i| {
                let f = fold_key(i);
                if f.starts_with("ubnd") || f.starts_with("uy ban nhan dan") {
                    Some(format!("{prefix}-UBND"))
                } else if f.starts_with("hdnd") || f.starts_with("hoi dong nhan dan") {
                    Some(format!("{prefix}-HĐND"))
                } else {
                    None
                }
            })
        };
        if let Some(s) = completed {
            c.canonical = Some(match c.year {
                Some(y) if c.kind.is_named_law() || s.contains("NĐ") => format!("{num}/{y}/{s}"),
                _ => format!("{num}/{s}"),
            });
            c.symbol = Some(s);
            c.parts.symbol_inferred = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "kind canonical" (or "kind law name") for each citation.
    fn summary(text: &str) -> Vec<String> {
        extract(text)
            .citations
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    c.kind,
                    c.canonical.clone().or(c.law.clone()).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn pattern_file_examples() {
        let mut failures = Vec::new();
        for ex in &Tables::builtin().examples {
            let got = summary(&ex.text);
            if got != ex.expect {
                failures.push(format!(
                    "{:?}\n  expected {:?}\n  got      {:?}",
                    ex.text, ex.expect, got
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn check(text: &str, f: impl Fn(&Citation) -> bool) {
        let e = extract(text);
        assert_eq!(e.citations.len(), 1, "{text:?}: {:#?}", e.citations);
        assert!(f(&e.citations[0]), "{text:?}: {:#?}", e.citations[0]);
    }

    #[test]
    fn defects_table() {
        use Defect::*;
        let rows: &[(&str, &[Defect])] = &[
            ("Nghị định số 168/2018/NĐ-CP", &[]),
            (
                "Nghị định số 168 NĐ-CP ngày 28/12/2018",
                &[MissingSeparator, MissingYear],
            ),
            ("Nghị định số 21/2019 NĐ-CP", &[MissingSeparator]),
            ("Nghị định số 01/2019/NĐ/CP", &[WrongSeparator]),
            ("Nghị quyết số 28/NQ/TW ngày 25/10/2013", &[WrongSeparator]),
            ("Chỉ thị số 12- CT/TW", &[StraySpace]),
            ("Chỉ thị số 12-\n\nCT/TW", &[]),
            ("Nghị định số01/2019/NĐ-CP", &[Glued]),
            ("Nghi định số 02/2019/NĐ-CP", &[TypeWordTypo]),
            ("Nghị định só 74/2015/NĐ-CP", &[SoTypo]),
            ("Nghị định số 168/2018/ND-CP", &[AsciiSymbol]),
            ("Quyết định số 12/QÐ-UBND", &[Lookalike]),
            ("Quyết Định số 12/QĐ-UBND", &[]),
            ("Nghị định số 21/2019/NĐ-CP ngày 31/02/2019", &[InvalidDate]),
        ];
        for (text, want) in rows {
            check(text, |c| {
                let mut got = c.defects.clone();
                got.sort_by_key(|d| format!("{d:?}"));
                let mut w = want.to_vec();
                w.sort_by_key(|d| format!("{d:?}"));
                got == w
            });
        }
    }

    #[test]
    fn fields() {
        let e = extract("Thực hiện Chỉ thị số 26-CT/HU ngày 29/01/2024 của Huyện uỷ Yên Thế về lãnh đạo thực hiện nhiệm vụ; tiếp");
        let c = &e.citations[0];
        assert_eq!(c.kind, Kind::Directive);
        assert_eq!(c.number.as_deref(), Some("26"));
        assert_eq!(c.year, Some(2024));
        assert_eq!(c.symbol.as_deref(), Some("CT/HU"));
        assert_eq!(c.date, Date::new(2024, 1, 29));
        assert_eq!(c.issuer.as_deref(), Some("Huyện ủy Yên Thế"));
        assert_eq!(c.title.as_deref(), Some("lãnh đạo thực hiện nhiệm vụ"));
        let text = "x\n khoản 2 Điều 5 Nghị định số 168/2018/NĐ-CP";
        let c = &extract(text).citations[0];
        assert_eq!(c.provision.as_deref(), Some("khoản 2 Điều 5"));
        assert_eq!(&text[c.start..c.end], "Nghị định số 168/2018/NĐ-CP");
        assert_eq!((c.line, c.column), (2, 17));
    }

    #[test]
    fn header_is_not_a_citation() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nSố: 15/KH-UBND\nTân Hòa, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\nHuấn luyện dân quân năm 2025\n\nCăn cứ Kế hoạch số 34/KH-UBND ngày 31/01/2024 của UBND huyện;\n";
        let e = extract(text);
        assert_eq!(e.header.number.as_deref(), Some("15"));
        assert_eq!(e.header.symbol.as_deref(), Some("KH-UBND"));
        assert_eq!(e.header.kind, Some(Kind::Plan));
        assert_eq!(e.header.date, Date::new(2025, 1, 10));
        assert_eq!(
            e.header.title.as_deref(),
            Some("Kế hoạch huấn luyện dân quân năm 2025")
        );
        assert_eq!(e.citations.len(), 1);
        assert_eq!(e.citations[0].number.as_deref(), Some("34"));
    }

    #[test]
    fn truncated_symbol_completed_from_issuer() {
        let e = extract("đề án số 12 ĐA- của UBND huyện về nâng cao");
        let c = &e.citations[0];
        assert_eq!(c.symbol.as_deref(), Some("ĐA-UBND"));
        assert!(c.parts.symbol_inferred);
        assert!(c.defects.contains(&Defect::TruncatedSymbol));
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_line = "số ".repeat(10_000);
        let digits = "1/".repeat(5_000);
        let inputs = [
            "",
            "Nghị định",
            "Nghị định số",
            "số 12/",
            "12/2019/",
            "Luật",
            "Luật ",
            "của",
            "Nghị định số 1/",
            "\u{301}\u{301}",
            "Ð",
            "Luật sửa đổi, bổ sung một số điều của",
            "Luật sửa đổi, bổ sung một số điều của Luật",
            long_line.as_str(),
            digits.as_str(),
            "Nghị quyết số 28-NQ/TW ngày 31/",
            "ngày 99 tháng 99 năm 9999",
            "Quyết định số 12/QĐ-",
        ];
        for i in inputs {
            let _ = extract(i);
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::normalize::LineIndex;

    /// A small deterministic generator (xorshift), so the test needs no dependency and
    /// every failure is reproducible from its seed.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[(self.next() % xs.len() as u64) as usize]
        }
    }

    const TOKENS: &[&str] = &[
        "Nghị định",
        "Nghi định",
        "số",
        "só",
        " ",
        "  ",
        "\n",
        "\n\n",
        "/",
        "-",
        "NĐ",
        "ND",
        "CP",
        "QĐ",
        "TTg",
        "NQ",
        "TW",
        "2018",
        "168",
        "01",
        "ngày",
        "tháng",
        "năm",
        "28/12/2018",
        "của",
        "Chính phủ",
        "Luật",
        "DQTV",
        "Quốc phòng",
        "về",
        ";",
        ",",
        ".",
        "Ð",
        "\u{301}",
        "Bộ luật",
        "Hiến pháp",
        "khoản 2",
        "Điều 5",
        "**",
        "|",
        "sửa đổi, bổ sung",
        "ĐA-",
        "(",
        "x",
        "Quyết",
        "định",
        "Kết luân",
        "12- CT/TW",
        "và",
        "UBND",
        "huyện",
        "\u{FEFF}",
        "é",
    ];

    /// Every span lies on char boundaries inside the text, pieces lie inside their
    /// citation, and lines/columns agree with the span.
    #[test]
    fn spans_are_valid_on_random_token_soup() {
        for seed in 1..=400u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1);
            let n = (rng.next() % 80) as usize;
            let text: String = (0..n).map(|_| rng.pick(TOKENS)).collect();
            let e = extract(&text);
            let lines = LineIndex::new(&text);
            for c in &e.citations {
                assert!(
                    c.start <= c.end && c.end <= text.len(),
                    "seed {seed}: {c:?}"
                );
                assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                assert_eq!(lines.line_col(&text, c.start), (c.line, c.column));
                for p in [&c.parts.type_word, &c.parts.number_symbol, &c.parts.date]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        p.start >= c.start && p.end <= c.end,
                        "seed {seed}: {p:?} in {c:?}"
                    );
                    assert_eq!(&text[p.start..p.end], p.text);
                }
            }
        }
    }

    /// Arbitrary bytes (lossily decoded) never panic.
    #[test]
    fn random_bytes_never_panic() {
        for seed in 1..=200u64 {
            let mut rng = Rng(seed.wrapping_mul(0x2545F4914F6CDD1D) | 1);
            let n = (rng.next() % 2000) as usize;
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            let _ = extract(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[cfg(test)]
mod header_regressions {
    use super::*;

    /// The seed's title line "Thực hiện nhiệm vụ ..." was taken as the start of the body,
    /// so the plan had no title and no year.
    #[test]
    fn title_starting_with_thuc_hien_is_not_the_body() {
        let text = " KẾ HOẠCH \nThực hiện nhiệm vụ quốc phòng địa phương năm 2024 \n\n Căn cứ Luật quốc phòng 2018;\nThực hiện Chỉ thị số 26-CT/HU ngày 29/01/2024;\n";
        let e = extract(text);
        assert_eq!(
            e.header.title.as_deref(),
            Some("Kế hoạch thực hiện nhiệm vụ quốc phòng địa phương năm 2024")
        );
        assert_eq!(e.header.year, Some(2024));
        assert_eq!(e.citations.len(), 2);
    }
}

#[cfg(test)]
mod issuer_spelling_tests {
    use super::*;

    #[test]
    fn header_bodies_in_their_normal_spelling() {
        let t = Tables::builtin();
        let rows = [
            ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "UBND tỉnh Thanh Hóa"),
            ("ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "UBND xã Tân Hòa"),
            (
                "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                "HĐND thành phố Hà Nội",
            ),
            ("ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY", "UBND thị xã Sơn Tây"),
            ("CỤC THUẾ", "Cục Thuế"),
            ("BỘ QUỐC PHÒNG", "Bộ Quốc phòng"),
        ];
        for (upper, want) in rows {
            assert_eq!(issuer_spelling(t, upper), want, "{upper}");
        }
    }

    #[test]
    fn header_issuer_table() {
        let rows = [
            // Two columns in plain text, the parent body above the issuer.
            (
                "UBND HUYỆN LẠNG GIANG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN XÃ TÂN HÒA        Độc lập - Tự do - Hạnh phúc\n\nSố: 18/KH-UBND\n\nKẾ HOẠCH\nHuấn luyện\n\nCăn cứ Luật Dân quân tự vệ;",
                Some("UBND xã Tân Hòa"),
            ),
            // Markdown: the body over two lines, web-page chrome above it ignored.
            (
                "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI\n|\n**UỶ BAN NHÂN DÂN**\nTỈNH BẮC NINH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n|\nSố: 141/KH-UBND\n\nCăn cứ Luật Đất đai;",
                Some("UBND tỉnh Bắc Ninh"),
            ),
            (
                "**HỘI ĐỒNG NHÂN\nDÂN THÀNH PHỐ HUẾ**\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nSố: 12/2025/NQ-HĐND\n\nCăn cứ Luật Tổ chức chính quyền địa phương;",
                Some("HĐND thành phố Huế"),
            ),
            // No header block (the seed plan): no issuer, nothing guessed.
            (" KẾ HOẠCH \nThực hiện nhiệm vụ quốc phòng địa phương năm 2024\n\n Căn cứ Luật quốc phòng 2018;", None),
        ];
        for (text, want) in rows {
            assert_eq!(extract(text).header.issuer.as_deref(), want, "{text}");
        }
    }
}
