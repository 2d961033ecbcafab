//! Post-processing of a document's citations once all are found: lines and columns, the
//! document's own number dropped, truncated symbols completed from the same document.

use super::*;

/// Fill 1-based line and column (in characters) of citations, in one pass in text order:
/// newlines are counted between consecutive citations and columns from the previous
/// citation on the same line, so a 10 MB line with thousands of citations stays linear.
pub(super) fn assign_lines(out: &mut [Citation], text: &str) {
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
        match memchr::memrchr(b'\n', gap) {
            Some(k) => {
                line += memchr::memchr_iter(b'\n', gap).count();
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
pub(super) fn drop_own_number(out: &mut Vec<Citation>, h: &Header) {
    let (Some(num), Some(sym)) = (&h.number, &h.symbol) else {
        return;
    };
    out.retain(|c| {
        // The year only tells when it is part of the number (normative documents); looked
        // at (a string built) only for the citations of the same number and symbol.
        let year_ok = || {
            c.canonical.as_deref().is_none_or(|can| {
                !can.contains(&format!("/{}/", c.year.unwrap_or(0))) || c.year == h.year
            })
        };
        let same = c.number.as_deref().map(|n| n.trim_start_matches('0'))
            == Some(num.trim_start_matches('0'))
            && c.symbol.as_deref() == Some(sym.as_str())
            && year_ok();
        let other_date = matches!((c.date, h.date), (Some(a), Some(b)) if a != b);
        !same || other_date
    });
}

/// A truncated symbol ("12 ĐA-") completed from another citation of the same kind and
/// number in the document, else from the issuer written beside it ("của UBND huyện").
pub(super) fn complete_truncated(out: &mut [Citation], w: &tables::Words) {
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
            // A council or committee ("của UBND huyện", "của Ủy ban nhân dân tỉnh").
            c.issuer.as_deref().and_then(|i| {
                let f = fold_key(i);
                w.councils
                    .iter()
                    .find(|(long, short)| {
                        f.starts_with(long.as_str()) || f.starts_with(&fold_key(short))
                    })
                    .map(|(_, short)| format!("{prefix}-{short}"))
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

/// The searchers of the chrome entries (`tables::Chrome`), built once per extractor.
pub(super) struct ChromeFinders {
    /// One per `tail_from` marker, in order.
    tail: Vec<memchr::memmem::Finder<'static>>,
    /// One per `lines` entry, in order.
    lines: Vec<memchr::memmem::Finder<'static>>,
    /// Every `lines` entry is one non-empty line: it can only start the lines it occurs
    /// in, so only the lines holding a citation need be searched.
    by_line: bool,
}

impl ChromeFinders {
    pub(super) fn new(chrome: &tables::Chrome) -> ChromeFinders {
        let finders = |v: &[String]| {
            v.iter()
                .map(|m| memchr::memmem::Finder::new(m.as_bytes()).into_owned())
                .collect()
        };
        ChromeFinders {
            tail: finders(&chrome.tail_from),
            lines: finders(&chrome.lines),
            by_line: chrome
                .lines
                .iter()
                .all(|m| !m.is_empty() && !m.contains('\n')),
        }
    }
}

/// A line without the white space and Markdown marks around it.
fn trimmed(l: &str) -> &str {
    l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '#' | '_' | '>'))
}

/// Drop the citations inside web-page chrome (`[[chrome]]` of the pattern file): the
/// trailing block opened by a `tail_from` line, and every line starting with a chrome
/// `lines` entry. The site's text is not the document's.
///
/// A line is chrome for an entry when the entry's first occurrence in it comes after
/// nothing but white space and Markdown marks; when the entries are single lines, only
/// the lines holding a citation's start are looked at (each once, in text order: linear
/// in the text however many citations share a line). A citation is dropped when its
/// start falls in a chrome range mapped to the original: when the folded bytes mapped at
/// or before it lie in the line (`z`, the last of them) or the line starts at it (`x..=z`
/// those mapped to it), which the lines from `x` to `z` cover.
pub(super) fn drop_chrome(
    out: &mut Vec<Citation>,
    f: &Folded,
    chrome: &tables::Chrome,
    finders: &ChromeFinders,
) {
    if out.is_empty() || (chrome.tail_from.is_empty() && chrome.lines.is_empty()) {
        return;
    }
    let text = f.text.as_str();
    let bytes = text.as_bytes();
    let line_at = |i: usize| {
        let ls = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |p| p + 1);
        let le = memchr::memchr(b'\n', &bytes[i..]).map_or(text.len(), |p| i + p);
        (ls, le)
    };
    // (x, z) of each citation: the first folded byte mapped to its start or after it
    // (`x`, at most `z + 1`), and the last one mapped at or before it (`z`).
    let mut spans: Vec<(usize, usize)> = out
        .iter()
        .filter_map(|c| {
            let z = f.folded_at(c.start.saturating_add(1)).checked_sub(1)?;
            let mut x = z;
            while x > 0 && f.orig(x - 1) == c.start {
                x -= 1;
            }
            Some((x, z))
        })
        .collect();
    // Chrome only matters up to the line of the last citation: a range starting after
    // it drops nothing.
    let reach = match spans.iter().map(|&(_, z)| z).max() {
        Some(z) => line_at(z.min(text.len())).1,
        None => return,
    };
    // Folded ranges that are chrome.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if !chrome.tail_from.is_empty() {
        // The first line that is one of the markers (its length tested first: a marker line
        // is short): a line that is marker `m` holds `m`, so the first such line is the
        // first found by looking for each marker where it occurs; only the marker lines
        // starting by `reach` matter (each ends by it).
        let longest = chrome.tail_from.iter().map(|m| m.len()).max().unwrap_or(0);
        let is_marker_line = |(ls, le): (usize, usize)| {
            let line = &text[ls..le];
            line.len() >= longest.min(8)
                && line.len() <= longest + 16
                && chrome.tail_from.iter().any(|m| *m == trimmed(line))
        };
        let first = finders
            .tail
            .iter()
            .filter_map(|m| {
                m.find_iter(&bytes[..reach])
                    .map(line_at)
                    .find(|&l| is_marker_line(l))
            })
            .map(|(ls, _)| ls)
            .min();
        if let Some(ls) = first {
            ranges.push((ls, text.len()));
        }
    }
    if finders.by_line {
        spans.sort_unstable();
        let mut lines: Vec<(usize, usize)> = Vec::new();
        for (lo, z) in spans {
            let mut i = lo.min(z).min(text.len());
            loop {
                let le = match lines.last() {
                    Some(&(ls, le)) if ls <= i && i <= le => le,
                    _ => {
                        let l = line_at(i);
                        lines.push(l);
                        l.1
                    }
                };
                if le >= z {
                    break;
                }
                i = le + 1;
            }
        }
        lines.sort_unstable();
        lines.dedup();
        for &(ls, le) in &lines {
            for m in &finders.lines {
                if let Some(k) = m.find(&bytes[ls..le]) {
                    // The entry starts the line (after Markdown marks).
                    if trimmed(&text[ls..ls + k]).is_empty() {
                        ranges.push((ls, le));
                    }
                }
            }
        }
    } else {
        for m in &finders.lines {
            let mut from = 0;
            while let Some(i) = m.find(&bytes[from..]).map(|i| from + i) {
                let (ls, le) = line_at(i);
                // The entry starts the line (after Markdown marks).
                if trimmed(&text[ls..i]).is_empty() {
                    ranges.push((ls, le));
                }
                from = le.max(i + 1);
            }
        }
    }
    if ranges.is_empty() {
        return;
    }
    let ranges: Vec<(usize, usize)> = ranges
        .into_iter()
        .map(|(s, e)| (f.orig(s), f.orig(e)))
        .collect();
    out.retain(|c| {
        !ranges
            .iter()
            .any(|&(s, e)| c.start >= s && c.start < e.max(s + 1))
    });
}

/// A law's own name is its identity: in a document that is itself a law, code or
/// ordinance (its header says so and gives its title), a mention of that same name — its
/// title line, the enacting formula "Quốc hội ban hành Luật …" — with no other number or
/// year is not a citation. Laws named inside its title (an amending law's) stay.
pub(super) fn drop_own_title(out: &mut Vec<Citation>, h: &Header, text: &str) {
    let (Some(kind), Some(title)) = (h.kind.filter(|k| k.is_named_law()), &h.title) else {
        return;
    };
    let own = tables::word_key(title);
    out.retain(|c| {
        let same_name =
            c.kind == kind && c.law.as_deref().is_some_and(|l| tables::word_key(l) == own);
        let same_number = c.number.is_none() || c.number == h.number;
        let same_year = c.year.is_none() || c.year == h.year;
        !(same_name && same_number && same_year) || in_amending_list(text, c.start)
    });
}

/// Does the citation starting at `at` sit in the list of laws of an amending law's title
/// ("… sửa đổi, bổ sung một số điều của Luật A, Luật B và Luật C")? A law's own text (a
/// consolidated text) names itself there as the law amended: a citation, not its title.
fn in_amending_list(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(400).min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let Some(before) = text.get(from..at) else {
        return false;
    };
    // The fold trims the space after "của" when the citation is the list's first item.
    let before = format!("{} ", crate::normalize::fold_key(before));
    let Some(k) = before.rfind("sua doi, bo sung") else {
        return false;
    };
    let tail = &before[k..];
    tail.contains(" cua ") && !tail.contains([';', '.', ':', '(', ')'])
}

#[cfg(test)]
mod own_title_tests {
    /// (a law's own text, how many citations of its own name are kept): its title and its
    /// enacting clause are its identity; the law named in an amending law's list of laws is
    /// a citation. Regression (own_name_in_amending_list): a consolidated text of Luật Thuế
    /// tiêu thụ đặc biệt lost its name in "… của Luật Thuế thu nhập cá nhân và Luật Thuế
    /// tiêu thụ đặc biệt".
    #[test]
    fn own_name_in_amending_list_is_kept() {
        let head = "QUỐC HỘI\nLuật số: 66/2025/QH15\n\nLUẬT\nTHUẾ TIÊU THỤ ĐẶC BIỆT\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật Thuế tiêu thụ đặc biệt.\n";
        let rows: &[(&str, usize)] = &[
            ("", 0),
            (
                "1 Luật số 09/2026/QH16 sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân,\nLuật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt có căn cứ ban hành như sau:\n",
                1,
            ),
            // Regression: the first (or only) law of the list was still taken for the title.
            (
                "1 Luật số 09/2026/QH16 sửa đổi, bổ sung một số điều của Luật Thuế tiêu thụ đặc biệt có căn cứ ban hành như sau:\n",
                1,
            ),
        ];
        for (tail, n) in rows {
            let text = format!("{head}{tail}");
            let e = crate::extract(&text);
            let own = e
                .citations
                .iter()
                .filter(|c| c.law.as_deref() == Some("Luật Thuế tiêu thụ đặc biệt"))
                .count();
            assert_eq!(own, *n, "{text}");
        }
    }
}

#[cfg(test)]
mod chrome_tests {
    /// Chrome lines count only where they open a line: the same words quoted inside a
    /// sentence of the document are its own citation.
    #[test]
    fn chrome_only_where_the_site_writes_it() {
        let rows: &[(&str, usize)] = &[
            ("Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu cầu xác nhận sự đồng ý của thành viên khi thu thập\n", 0),
            ("**Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu cầu xác nhận sự đồng ý của thành viên**\n", 0),
            ("Theo Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu cầu xác nhận sự đồng ý của thành viên\n", 1),
            // The trailing block starts only at a whole marker line.
            ("Căn cứ Nghị định số 13/2023/NĐ-CP;\nThưa Quý khách,\nNghị định số 15/2020/NĐ-CP\n", 1),
            ("Căn cứ Nghị định số 13/2023/NĐ-CP;\nThưa Quý khách, theo Nghị định số 15/2020/NĐ-CP\n", 2),
        ];
        for (text, n) in rows {
            assert_eq!(crate::extract(text).citations.len(), *n, "{text}");
        }
    }

    /// The chrome found by looking for each marker where it occurs is the chrome found by
    /// reading every line: marker lines first, later, twice, too long, inside a sentence,
    /// in a table, after "\r", and entries starting a line or not.
    #[test]
    fn chrome_found_by_search_is_chrome_found_line_by_line() {
        let tail = "Thưa Quý khách,";
        let entry = "Bản dịch này thuộc quyền sở hữu của";
        let cite = "Căn cứ Nghị định số 13/2023/NĐ-CP;\n";
        let rows = [
            format!("{cite}{tail}\n{cite}"),
            format!("{cite}| {tail} |\r\n{cite}{cite}**{tail}**\n{cite}"),
            format!("{cite}x {tail}\n{cite}{tail} và nhiều chữ nữa ở đây cho dài\n{cite}"),
            format!("{cite}{cite}FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN\n{cite}{tail}\n{cite}"),
            format!("{cite}{entry} Nghị định số 15/2020/NĐ-CP\n{cite}"),
            format!("{cite}## {entry}\n{cite} {entry}: {cite}theo {entry} {cite}"),
            tail.to_string(),
            cite.to_string(),
        ];
        let proto = crate::extract("Nghị định số 168/2018/NĐ-CP")
            .citations
            .remove(0);
        let mut dropped = 0;
        for text in &rows {
            // A citation starting at every char, dropped both ways.
            let mut fast: Vec<crate::model::Citation> = (0..text.len())
                .filter(|&i| text.is_char_boundary(i))
                .map(|start| crate::model::Citation {
                    start,
                    ..proto.clone()
                })
                .collect();
            let n = fast.len();
            let f = crate::normalize::Folded::new(text);
            let chrome = &crate::extract::Tables::builtin().chrome;
            let mut slow = fast.clone();
            super::drop_chrome(&mut fast, &f, chrome, &super::ChromeFinders::new(chrome));
            reference(&mut slow, &f, chrome);
            assert_eq!(fast, slow, "{text}");
            dropped += n - fast.len();
        }
        assert!(dropped > 100, "{dropped}");
    }

    /// On random texts of chrome entries, markers, citations, Markdown marks, line breaks
    /// of every kind (U+2028 folds to one) and chars folded away (combining marks, zero
    /// widths), with a citation at every char: the search of the lines holding a citation
    /// drops what the reference drops.
    #[test]
    fn chrome_by_line_is_the_reference_on_random_texts() {
        let tokens = [
            "Bản dịch này thuộc quyền sở hữu của",
            "Thưa Quý khách,",
            "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN",
            "Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế và Thỏa thuận Bảo về Dữ liệu cá nhân",
            "Nghị định số 13/2023/NĐ-CP",
            "\n",
            "\n",
            "\r\n",
            "\u{2028}",
            " ",
            "| ",
            "## ",
            "**",
            "> ",
            "_",
            "x",
            "\u{301}",
            "\u{200b}",
            "\u{feff}",
            "ǅ",
            "của",
        ];
        let proto = crate::extract("Nghị định số 168/2018/NĐ-CP")
            .citations
            .remove(0);
        let chrome = &crate::extract::Tables::builtin().chrome;
        let finders = super::ChromeFinders::new(chrome);
        assert!(finders.by_line);
        let mut x: u64 = 0x1234_5678_9ABC_DEF1;
        let mut dropped = 0;
        for _ in 0..400 {
            x = crate::testing::xorshift(x);
            let n = x % 24;
            let mut text = String::new();
            for _ in 0..n {
                x = crate::testing::xorshift(x);
                text.push_str(tokens[(x % tokens.len() as u64) as usize]);
            }
            let mut fast: Vec<crate::model::Citation> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .map(|start| crate::model::Citation {
                    start,
                    ..proto.clone()
                })
                .collect();
            let n = fast.len();
            let f = crate::normalize::Folded::new(&text);
            let mut slow = fast.clone();
            super::drop_chrome(&mut fast, &f, chrome, &finders);
            reference(&mut slow, &f, chrome);
            assert_eq!(fast, slow, "{text:?}");
            dropped += n - fast.len();
        }
        assert!(dropped > 1000, "{dropped}");
    }

    /// `drop_chrome` as it was written first: every line split and trimmed.
    fn reference(
        out: &mut Vec<crate::model::Citation>,
        f: &crate::normalize::Folded,
        chrome: &crate::extract::tables::Chrome,
    ) {
        let text = f.text.as_str();
        let trim = |l: &str| {
            l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '#' | '_' | '>'))
                .to_string()
        };
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let longest = chrome.tail_from.iter().map(|m| m.len()).max().unwrap_or(0);
        let mut ls = 0;
        for line in text.split('\n') {
            if line.len() >= longest.min(8) && line.len() <= longest + 16 {
                let l = trim(line);
                if chrome.tail_from.contains(&l) {
                    ranges.push((ls, text.len()));
                    break;
                }
            }
            ls += line.len() + 1;
        }
        for m in &chrome.lines {
            let mut from = 0;
            while let Some(i) = text[from..].find(m.as_str()).map(|i| from + i) {
                let ls = text[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
                let le = text[i..].find('\n').map(|p| i + p).unwrap_or(text.len());
                if trim(&text[ls..i]).is_empty() {
                    ranges.push((ls, le));
                }
                from = le.max(i + 1);
            }
        }
        let ranges: Vec<(usize, usize)> = ranges
            .into_iter()
            .map(|(s, e)| (f.orig(s), f.orig(e)))
            .collect();
        out.retain(|c| {
            !ranges
                .iter()
                .any(|&(s, e)| c.start >= s && c.start < e.max(s + 1))
        });
    }
}
