//! The document's own identity from its header: its number ("Số: 141/KH-UBND"), kind,
//! title, issuer and date, and where its body starts. The own number is identity, not a
//! citation.

use super::*;

impl Extractor<'_> {
    /// The document's own identity, and the folded range of its own number.
    pub(super) fn header(&self, ctx: &Ctx, body_start: usize) -> (Header, Option<(usize, usize)>) {
        let fb = ctx.fb;
        let mut h = Header::default();
        let mut ns_range = None;
        let re = &self.re;
        let region = &fb[..body_start.max(fb.len().min(4000)).min(fb.len())];
        // "Số: 141/KH-UBND", "CHÍNH PHỦ ___ Số: 170/2025/NĐ-CP"; without the colon only a
        // header line holding nothing else ("Số 2696/QĐ-UBND"; not "Nghị định số", nor a
        // citation's "số 01/…" wrapped to the start of a line).
        let own = re.header_no.captures_iter(region).find_map(|m| {
            let words = m.get(1).is_some_and(|c| !c.is_empty());
            let colon = m.get(2).is_some_and(|c| !c.is_empty());
            let end = m.get(0)?.end();
            let ns = parse_numsym(fb, end, false)?;
            if colon {
                return Some(ns);
            }
            // Without the colon: "Số" capitalised, first on its line, a space, a symbol,
            // nothing after on the line, before the body.
            let label = m.get(1).map_or(end, |w| w.end());
            let in_header = end < body_start || body_start == 0;
            let rest_blank = fb[ns.end..]
                .iter()
                .take_while(|&&c| c != b'\n')
                .all(|&c| c.is_ascii_whitespace() || matches!(c, b'|' | b'*' | b'_'));
            let capital = fb.get(label) == Some(&b'S');
            (!words
                && capital
                && in_header
                && rest_blank
                && fb[end - 1].is_ascii_whitespace()
                && !ns.groups.is_empty())
            .then_some(ns)
        });
        if let Some(ns) = own {
            {
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
        let mut lines_iter = memchr::memchr_iter(b'\n', head.as_bytes()).map(|i| i + 1);
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
                    if raw.starts_with('-')
                        || title.len() > 300
                        || self
                            .t
                            .words
                            .title_ends
                            .iter()
                            .any(|e| k.starts_with(e.as_str()))
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
        h.date = date::own_date(fb, body_start, &self.t.words);
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

/// Where the body starts: the first line opening with a body opener ("Căn cứ", "Kính gửi",
/// "I.", "Điều 1"; "Thực hiện" on a line citing something) within the first 200 lines
/// (`[header]` of the pattern file).
pub(super) fn body_start(fb: &[u8], w: &tables::Words) -> usize {
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
        let cites = || {
            l.windows(2)
                .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-'))
        };
        if w.body_openers.iter().any(|o| starts(o.as_bytes()))
            || (w.body_openers_citing.iter().any(|o| starts(o.as_bytes())) && cites())
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
mod own_number_tests {
    /// The document's own number is its identity: read from its header in the forms real
    /// documents write it, and never cited by the document (its annex headings included);
    /// an annex heading with another date or number stays a citation (a finding to make).
    #[test]
    fn own_number_table() {
        // (text, own number, canonical forms cited)
        let rows: &[(&str, Option<&str>, &[&str])] = &[
            // No colon after "Số" (a real 2025 provincial decision).
            (
                "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố 2696/QĐ-UBND\nQuảng Ngãi, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế\nCăn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nQUY CHẾ\n*(Ban hành kèm theo Quyết định số 2696/QĐ-UBND ngày 18 tháng 11 năm 2025 của UBND tỉnh)*\n",
                Some("2696/QĐ-UBND"),
                &["Luật Tổ chức chính quyền địa phương"],
            ),
            // The body name and the number on one line, after underscores.
            (
                "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 30 tháng 6 năm 2025\nNGHỊ ĐỊNH\nCăn cứ Luật Tổ chức Chính phủ;\nPhụ lục\n*(Kèm theo Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ)*\n",
                Some("170/2025/NĐ-CP"),
                &["Luật Tổ chức Chính phủ"],
            ),
            // The annex heading gives another date: kept, the checker can tell.
            (
                "UBND TỈNH X\nSố: 2969/QĐ-UBND\nX, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\nCăn cứ Luật Đất đai;\nQUY ĐỊNH\n(Kèm theo Quyết định số 2969/QĐ-UBND ngày 21/12/2025 của Chủ tịch UBND tỉnh)\n",
                Some("2969/QĐ-UBND"),
                &["Luật Đất đai", "2969/QĐ-UBND"],
            ),
            // The annex heading gives another number: kept.
            (
                "UBND TỈNH X\nSố: 12/QĐ-UBND\nX, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\nCăn cứ Luật Đất đai;\n(Kèm theo Quyết định số 21/QĐ-UBND ngày 21/11/2025 của UBND tỉnh)\n",
                Some("12/QĐ-UBND"),
                &["Luật Đất đai", "21/QĐ-UBND"],
            ),
            // Regression (the seed plan, line 79): "số01/…" wrapped to the start of a body
            // line is a citation, not the document's number.
            (
                " KẾ HOẠCH \nThực hiện nhiệm vụ năm 2024\n\n Căn cứ Luật Quốc phòng 2018;\nphòng thủ, Nghị Định\nsố01/2019/NĐ/CP ngày 01/01/2019 của Chính phủ;\n",
                None,
                &["Luật Quốc phòng", "01/2019/NĐ-CP"],
            ),
            // A law's own title and enacting formula name the document itself; another
            // version of the same law, by year, is a citation.
            (
                "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nLuật số: 60/2024/QH15 |\n\n**LUẬT**\n\n**DỮ LIỆU**\n\n*Căn cứ **Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam**;*\n\n*Quốc hội ban hành Luật Dữ liệu.*\n\nĐiều 1. Luật Dữ liệu năm 2020 và Luật Đất đai.\n",
                Some("60/2024/QH15"),
                &["Hiến pháp", "Luật Dữ liệu", "Luật Đất đai"],
            ),
            // Regression (check::fix::vet re-reads a fixed "số 01/…" alone): a text opening
            // with a cited number-symbol has no own number.
            (
                "số 01/2019/NĐ-CP ngày 01/01/2019",
                None,
                &["01/2019/NĐ-CP"],
            ),
            (
                "Số 01/2019/NĐ-CP ngày 01/01/2019 của Chính phủ",
                None,
                &["01/2019/NĐ-CP"],
            ),
        ];
        for (text, own, cited) in rows {
            let e = crate::extract(text);
            let got_own = e.header.number.as_ref().map(|n| {
                match e
                    .header
                    .year
                    // The year is part of a normative document's number.
                    .filter(|_| {
                        e.header
                            .symbol
                            .as_deref()
                            .is_some_and(|s| s.contains("NĐ") || s.starts_with("QH"))
                    }) {
                    Some(y) => format!("{n}/{y}/{}", e.header.symbol.clone().unwrap_or_default()),
                    None => format!("{n}/{}", e.header.symbol.clone().unwrap_or_default()),
                }
            });
            assert_eq!(got_own.as_deref(), *own, "{text}");
            let got: Vec<String> = e
                .citations
                .iter()
                .map(|c| c.canonical.clone().or(c.law.clone()).unwrap_or_default())
                .collect();
            assert_eq!(got, *cited, "{text}");
        }
    }
}
