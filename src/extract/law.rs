//! Laws, codes, the constitution and ordinances cited by name ("Luật Dân quân tự vệ năm
//! 2019", "Bộ luật Lao động", "Luật sửa đổi, bổ sung một số điều của Luật …"): known names
//! from `corpus/registry/laws.toml` first, else the capitalised name up to a stop word
//! (word lists in `corpus/patterns.toml`).

use super::*;

impl Extractor<'_> {
    /// A law, code, constitution or ordinance cited by name.
    pub(super) fn named_law(
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
    pub(super) fn heuristic_law_name(
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
}

/// "2018", "năm 2024" after a law's name (not "2018/..." followed by digits).
pub(super) fn law_year(fb: &[u8], p: usize) -> Option<(i32, usize)> {
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
