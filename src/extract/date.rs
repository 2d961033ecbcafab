//! The document's own date ("ngày ban hành" of the citing document), read from where a
//! document states it and nowhere else: the header's date line ("Bắc Ninh, ngày 28 tháng 11
//! năm 2025"), else the signature block (a law's "thông qua ngày …", a closing date line),
//! else the gazette or web-page header ("CÔNG BÁO/Số 1163 + 1164/Ngày 29-12-2014", "Ngày ban
//! hành: 28/11/2025"). Never a date inside the title ("sửa đổi Nghị định … ngày 30 tháng 6
//! năm 2020") nor one written beside a cited instrument: when none is found it is unknown.
//!
//! Works on the folded bytes of the extractor (case kept, mostly ASCII). Pure, no panics.

use super::scan::{digits_at, find_ci, skip_ws, word_at_ci, year_at};
use super::tables::Words;
use crate::model::Date;

/// Bytes that decorate a line without being text (Markdown, table bars).
fn decoration(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'*' | b'_' | b'#' | b'>' | b'\r')
}

/// The start of the line or table cell holding byte `i`: after a newline, a table bar, or
/// a gap of two spaces or a tab (plain-text headers set the number and the date line side
/// by side: "Số: 126/KH-UBND      Đông Sơn, ngày 20 tháng 10 năm 2025").
fn cell_start(fb: &[u8], i: usize) -> usize {
    let mut p = i;
    while p > 0 {
        let b = fb[p - 1];
        // A rule of underscores ends a cell too: the flattened header of a web page sets
        // "…Hạnh phúc________ Hà Nội, ngày …" on one line.
        if b == b'\n' || b == b'|' || b == b'\t' || (b == b'_' && p >= 2 && fb[p - 2] == b'_') {
            return p;
        }
        if b == b' ' && p >= 2 && fb[p - 2] == b' ' {
            // The gap ends where the text before it ends; the cell starts after it.
            if fb[p..i].iter().any(|c| !c.is_ascii_whitespace()) {
                return p;
            }
        }
        p -= 1;
    }
    0
}

/// The last word of the previous non-blank line before `ls` (folded bytes).
fn previous_line_last_word(fb: &[u8], ls: usize) -> &[u8] {
    let mut end = ls;
    while end > 0 && (decoration(fb[end - 1]) || fb[end - 1] == b'\n' || fb[end - 1] == b'|') {
        end -= 1;
    }
    let start = fb[..end]
        .iter()
        .rposition(|&b| b.is_ascii_whitespace() || b == b'|')
        .map(|p| p + 1)
        .unwrap_or(0);
    &fb[start..end]
}

/// A date line at `i` (which holds "ngay"): the date stands at the start of its line or cell,
/// or after a place name and a comma ("Hà Nội, ngày …"), and is not the continuation of a
/// citation broken over two lines. Returns the date and whether a place preceded it.
fn date_line_at(fb: &[u8], i: usize, w: &Words) -> Option<(Date, bool)> {
    let (Ok(d), end, _) = parse_date_after(fb, i)? else {
        return None;
    };
    let ls = cell_start(fb, i);
    let mut a = ls;
    while a < i && decoration(fb[a]) {
        a += 1;
    }
    let mut b = i;
    while b > a && decoration(fb[b - 1]) {
        b -= 1;
    }
    let seg = &fb[a..b];
    if seg.is_empty() {
        // "ngày 28 tháng 11 năm 2025" alone on its line, after a line that does not end in a
        // number ("… Nghị định số 46/2020/NĐ-CP\nngày 30 tháng 6 năm 2020" is a citation).
        let rest_blank = fb[end..]
            .iter()
            .take_while(|&&c| c != b'\n' && c != b'|')
            .all(|&c| decoration(c) || matches!(c, b'.' | b')' | b'('));
        let prev = previous_line_last_word(fb, ls);
        let cited = prev.iter().any(|c| c.is_ascii_digit())
            || prev.eq_ignore_ascii_case(b"so")
            || prev.eq_ignore_ascii_case(b"cua");
        return (rest_blank && !cited).then_some((d, false));
    }
    if seg
        .iter()
        .any(|c| c.is_ascii_digit() || *c == b':' || *c == b'/')
    {
        return None;
    }
    // "Hà Nội, ngày …"; also "Hà Nội ngày …" without the comma, when the words before are a
    // short capitalised place and not a cited name ("Căn cứ Luật … ngày …").
    let comma = seg.len() <= 60 && seg.last() == Some(&b',');
    let bare_place = seg.len() <= 20
        && seg[0].is_ascii_uppercase()
        && !w
            .not_places
            .iter()
            .any(|n| find_ci(seg, n.as_bytes()).is_some());
    (comma || bare_place).then_some((d, true))
}

/// Every "ngay" position in `fb[from..to]`.
fn ngay_positions(fb: &[u8], from: usize, to: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut p = from;
    while p < to {
        match find_ci(&fb[p..to], b"ngay") {
            Some(i) => {
                let at = p + i;
                // A word start: "ngay" not inside "Ngaynay".
                if at == 0 || !fb[at - 1].is_ascii_alphanumeric() {
                    out.push(at);
                }
                p = at + 4;
            }
            None => break,
        }
    }
    out
}

/// The date after a phrase ("thong qua ngay", "ngay ban hanh") within `fb[from..to]`: the
/// first occurrence whose date reads.
/// With `to_ngay`, digits before the word "ngay" are skipped ("Số 1163 + 1164/Ngày …").
fn date_after_phrase(
    fb: &[u8],
    from: usize,
    to: usize,
    phrase: &[u8],
    gap: usize,
    to_ngay: bool,
) -> Option<Date> {
    let mut p = from;
    while p < to {
        let i = p + find_ci(&fb[p..to], phrase)?;
        let mut q = i + phrase.len();
        let stop = (q + gap).min(fb.len());
        while q < stop
            && (to_ngay || !fb[q].is_ascii_digit())
            && !fb
                .get(q..q + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"ngay"))
        {
            q += 1;
        }
        if let Some((Ok(d), _, _)) = parse_date_after(fb, q) {
            return Some(d);
        }
        p = i + phrase.len();
    }
    None
}

/// The document's own date, or `None` when it states none (see the module doc).
/// `body_start` is where the extractor found the body to begin (0 or the length when it
/// found none).
pub(crate) fn own_date(fb: &[u8], body_start: usize, w: &Words) -> Option<Date> {
    let len = fb.len();
    // The header: up to the body, or the first 6,000 bytes when no body was found.
    let head_end = if body_start == 0 || body_start >= len {
        len.min(6000)
    } else {
        body_start
    };
    // Stay on a char boundary is not needed: the folded bytes are searched as bytes.
    if let Some(d) = ngay_positions(fb, 0, head_end)
        .into_iter()
        .find_map(|i| date_line_at(fb, i, w).map(|x| x.0))
    {
        return Some(d);
    }
    // The signature block: the last 5,000 bytes after the body's start, before a web
    // page's trailing chrome ("Thưa Quý khách, … THƯ VIỆN PHÁP LUẬT").
    let len = w
        .page_tail
        .iter()
        .filter_map(|m| find_ci(&fb[head_end.min(len)..], m.as_bytes()).map(|i| head_end + i))
        .min()
        .unwrap_or(len);
    let sig_from = len.saturating_sub(5000).max(head_end.min(len));
    if let Some(d) = date_after_phrase(fb, sig_from, len, w.passed.as_bytes(), 12, false) {
        return Some(d);
    }
    if let Some(d) = ngay_positions(fb, sig_from, len)
        .into_iter()
        .rev()
        .find_map(|i| date_line_at(fb, i, w).filter(|x| x.1).map(|x| x.0))
    {
        return Some(d);
    }
    // The gazette header ("CÔNG BÁO/Số 1163 + 1164/Ngày 29-12-2014") or the web page's
    // own record of the document ("Ngày ban hành: 28/11/2025").
    let top = fb.len().min(6000);
    date_after_phrase(fb, 0, top, w.gazette.as_bytes(), 30, true)
        .or_else(|| date_after_phrase(fb, 0, top, w.page_record.as_bytes(), 20, false))
}

/// A date after a citation: "ngày 28/12/2018", "ngày 28 tháng 12 năm 2018", "ngày 22-9-2008",
/// or "(22/9/2008)". Returns Ok(date) or Err(year) for an impossible date, the end offset, and
/// the date as written (folded bytes: made a string only by the callers that keep it).
#[allow(clippy::type_complexity)]
pub(super) fn parse_date_after(
    fb: &[u8],
    p: usize,
) -> Option<(Result<Date, Option<i32>>, usize, &[u8])> {
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
    let written = &fb[q..end];
    let date = Date::new(y, m as u8, d as u8).ok_or(Some(y));
    if m > 12 || d > 31 {
        return None;
    }
    Some((date, end, written))
}

#[cfg(test)]
mod tests {
    use crate::model::Date;

    fn date_of(text: &str) -> Option<Date> {
        crate::extract(text).header.date
    }

    #[test]
    fn document_date_table() {
        let d = |s| Date::parse_iso(s);
        let rows: Vec<(&str, Option<Date>)> = vec![
            (
                "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 471/QĐ-UBND\nBắc Ninh, ngày 28 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVề việc ...\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n",
                d("2025-11-28"),
            ),
            (
                "| Số: 12/KH-UBND | *Hà Nội, ngày 12 tháng 3 năm 2025* |\nKẾ HOẠCH\nCăn cứ Nghị định số 1/2020/NĐ-CP ngày 02/01/2020;\n",
                d("2025-03-12"),
            ),
            // Nghị định 16/2025: the date in its title is not its date.
            (
                "CHÍNH PHỦ\nSố: 16/2025/NĐ-CP\nNGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 46/2020/NĐ-CP\nngày 30 tháng 6 năm 2020 của Chính phủ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n",
                None,
            ),
            (
                "CHÍNH PHỦ\nSố: 16/2025/NĐ-CP\nHà Nội, ngày 04 tháng 02 năm 2025\nNGHỊ ĐỊNH\nSửa đổi Nghị định số 46/2020/NĐ-CP\nngày 30 tháng 6 năm 2020 của Chính phủ\nCăn cứ Luật ngày 18 tháng 02 năm 2025;\n",
                d("2025-02-04"),
            ),
            // A law: the signature block's "thông qua ngày".
            (
                "QUỐC HỘI\nLuật số: 58/2014/QH13\nLUẬT\nBẢO HIỂM XÃ HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nĐiều 1. ...\nLuật này đã được Quốc hội khóa XIII, kỳ họp thứ 8 thông qua ngày 20 tháng 11 năm 2014.\n",
                d("2014-11-20"),
            ),
            // The gazette header when nothing else says it.
            (
                "CÔNG BÁO/Số 1163 + 1164/Ngày 29-12-2014\nTHÔNG TƯ\nCăn cứ Nghị định số 1/2014/NĐ-CP ngày 02/01/2014;\n",
                d("2014-12-29"),
            ),
            // The closing date line of the signature block.
            (
                "KẾ HOẠCH\nCăn cứ Nghị định số 1/2020/NĐ-CP ngày 02/01/2020;\nI. MỤC ĐÍCH\n...\nXuân Lương, ngày 05 tháng 01 năm 2024\nCHỦ TỊCH\n",
                d("2024-01-05"),
            ),
            (
                "Số: 388/NQ-CP\n*Hà Nội ngày 01\ntháng 12 năm 2025*\nNGHỊ QUYẾT\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n",
                d("2025-12-01"),
            ),
            (
                "KẾ HOẠCH\nCăn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nI. MỤC ĐÍCH\n",
                None,
            ),
            (
                "ỦY BAN NHÂN DÂN\nSố: 126/KH-UBND                           Đông Sơn, ngày 20 tháng 10 năm 2025\nKẾ HOẠCH\nCăn cứ Luật số 72/2025/QH15 ngày 16 tháng 6 năm 2025;\n",
                d("2025-10-20"),
            ),
            // A web page's header flattened on one line, the date after a rule of underscores.
            // Regression: Nghị định 172/2025 (admin-docs-2025) had no date.
            (
                "CHÍNH PHỦ_______ Số: 172/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc________________________ Hà Nội, ngày 30 tháng 6 năm 2025 |\n\n**NGHỊ ĐỊNH**\n",
                d("2025-06-30"),
            ),
            // A web page's trailing notice is not the signature block.
            (
                "Số: 1/CT-TTg\nCHỈ THỊ\nCăn cứ Nghị định số 1/2020/NĐ-CP ngày 02/01/2020;\nI. NỘI DUNG\nNơi nhận: ...\n**Mã số thuế:**\n|\n0315459414\n|\nTP. HCM, ngày 31/05/2021\nThưa Quý khách,\n",
                None,
            ),
            // Only cited dates: unknown, never the latest cited date.
            (
                "KẾ HOẠCH\nCăn cứ Nghị định số 1/2020/NĐ-CP ngày 02/01/2020;\nI. MỤC ĐÍCH\n",
                None,
            ),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(date_of(text), want, "{text:?}");
        }
    }
}
