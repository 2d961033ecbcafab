//! A plan's outline ("bố cục"): parts "I.", "II." (roman), items "1.", sub-items "1.1.",
//! "1.1.1.", points "a)", "a.", "đ)". Bullets ("-", "+", "•") are not numbered and belong to
//! their parent. Tolerates leading spaces, Markdown bold/italic and headings around the
//! number (`**I. MỤC ĐÍCH**`, `**1**. **Mục đích**`, `*1.1.`), escaped dots (`1\.`), blank
//! lines between every line, and the number alone on its line with the heading on the next
//! ("**1.\nMục đích: **..."). A number only opens an item when it follows the previous one
//! at its level (or restarts at 1 under a new parent, or continues the numbering of the
//! previous part), so a wrapped line that happens to start with "3." is not a heading.
//!
//! Real layouts: an outline may start at "II."; a plan inside a decision's annex
//! ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)") is outlined from the annex title on,
//! the decision's own "Điều 1.", "1.", "2." are not items; but when the annex holds no item
//! (appendices of tables, "PHỤ LỤC … (Kèm theo Quyết định …)") and the decision's text has
//! parts ("Điều 1. Phê duyệt Chương trình … I. QUAN ĐIỂM"), the programme is read there,
//! up to the next article ("Điều 2."); numbered cells of tables (a cell
//! opened by a `|` line, or a `| 1. | … |` row) are not items; a repeated part numeral
//! ("IV." twice) keeps both parts, the second with the path suffix `#2` ("IV#2",
//! "IV#2.1"). Headings are joined across line breaks and cut where a run-in heading ends
//! (the emphasis closes, or ":" / "." / ";").
//!
//! The body ends at the signature block ("TM. …", "KT. …"), "Nơi nhận" or the footnote
//! list ([`Outline::body_end`]): the last item does not swallow them. Footnotes ("\[1\] …",
//! "[^1]: …", superscripts, or "1 …" lines in sequence after the signature) are read as
//! such ([`Footnote`]) with the places in the body that call them ("\[1\]", "¹", or a bare
//! digit glued to a word when the footnote list has that number). The opening basis (what
//! the plan cites before its first item: title, "Căn cứ …", "Thực hiện …", introduction;
//! not the proposer's "Theo đề nghị …" / "Xét Tờ trình …", a decision's ruling and "Nơi
//! nhận", nor the annex note naming the plan's own decision) is [`Outline::basis`].
//!
//! Pure: no I/O, never panics; knows lines and markers, nothing about citations beyond
//! giving each one its [`SectionRef`].

use crate::model::{Citation, SectionRef};
use crate::normalize::{clean, fold_key};
use serde::Serialize;
use std::borrow::Cow;

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// "II", "II.1", "IV.2.a", "IV#2.1" (the second part numbered "IV.").
    pub path: String,
    /// The item's heading, marker and emphasis removed, joined across line breaks and cut
    /// where a run-in heading ends ("Mục đích").
    pub heading: String,
    /// 1 part, 2 item, 3 sub-item, 4 sub-sub-item, 5 point.
    pub level: u8,
    /// Byte offset of the heading's line in the original.
    pub start: usize,
    /// Byte offset where the item's own text ends: the next heading of any level, or the
    /// end of the body.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
}

/// A footnote of the plan: its text and where the body calls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// "1", "2".
    pub label: String,
    /// Byte range of the footnote's text (label included) in the original.
    pub start: usize,
    pub end: usize,
    /// 1-based line of the label.
    pub line: usize,
    /// Byte offsets of the calls ("\[1\]", "¹", "tỉnh1") in the original.
    pub calls: Vec<usize>,
}

/// The outline of a document: its sections in text order, where its body ends, its
/// footnotes and its opening basis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    pub sections: Vec<Section>,
    /// Byte offset where the plan's body ends (signature block, "Nơi nhận", footnote
    /// list); the text length when none is found. Text after it is in no section.
    pub body_end: usize,
    /// Byte ranges of the opening basis: the text before the first section that names what
    /// the plan implements (see `basis_ranges`).
    pub basis: Vec<(usize, usize)>,
    pub footnotes: Vec<Footnote>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Roman(u32),
    Item(u32),
    Sub(u32, u32),
    SubSub(u32, u32, u32),
    Point(u32),
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && total < 40).then_some(total)
}

const POINT_LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

fn point_value(c: char) -> Option<u32> {
    POINT_LETTERS
        .chars()
        .position(|x| x == c)
        .map(|p| p as u32 + 1)
}

fn point_letter(v: u32) -> char {
    POINT_LETTERS
        .chars()
        .nth((v as usize).saturating_sub(1))
        .unwrap_or('?')
}

/// Characters of Markdown emphasis and escapes, dropped when reading markers.
fn is_emphasis(c: char) -> bool {
    matches!(c, '*' | '_' | '\\')
}

/// Leading characters that are not part of a line's text: indentation, heading, quote and
/// table marks.
fn is_lead(c: char) -> bool {
    c.is_whitespace() || matches!(c, '#' | '>' | '|')
}

/// The line with Markdown emphasis, heading marks, quote/table marks and escapes removed.
/// Borrowed when the line has no emphasis or escape to remove (most lines).
fn strip_line(line: &str) -> Cow<'_, str> {
    // The emphasis marks are ASCII: looked for in the bytes (`memchr3`), not char by char.
    if memchr::memchr3(b'*', b'_', b'\\', line.as_bytes()).is_none() {
        return Cow::Borrowed(line.trim_start_matches(is_lead).trim_end());
    }
    let s: String = line.chars().filter(|&c| !is_emphasis(c)).collect();
    Cow::Owned(s.trim_start_matches(is_lead).trim_end().to_string())
}

/// At most the first `n` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut e = n.min(s.len());
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// The first character [`strip_line`] would keep (not indentation, a heading, quote or
/// table mark, nor emphasis): lets most lines skip the stripping.
fn first_kept(line: &str) -> Option<char> {
    head2(line).0
}

/// The line's first two characters without emphasis, the first after the leading marks
/// (what `line.chars().filter(|&c| !is_emphasis(c))` gives after `skip_while(is_lead)`;
/// the second may be a leading mark). Read byte by byte while they are ASCII, decoding only
/// the non-ASCII characters met: most lines are decided by their first bytes.
fn head2(line: &str) -> (Option<char>, Option<char>) {
    let b = line.as_bytes();
    // Most lines: two ASCII bytes, the first no leading mark nor emphasis, the second no
    // emphasis.
    if let [x, y, ..] = *b {
        let mark = |c: u8| matches!(c, b'*' | b'_' | b'\\');
        let lead = |c: u8| matches!(c, b' ' | b'\t'..=b'\r' | b'#' | b'>' | b'|');
        if x.is_ascii() && y.is_ascii() && !mark(x) && !lead(x) && !mark(y) {
            return (Some(x as char), Some(y as char));
        }
    }
    let mut i = 0;
    // The char at `i` (always a boundary) and its length.
    let at = |i: usize| -> Option<(char, usize)> {
        match *b.get(i)? {
            c if c < 0x80 => Some((c as char, 1)),
            _ => line.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
        }
    };
    let first = loop {
        let Some((c, n)) = at(i) else {
            return (None, None);
        };
        i += n;
        if !is_emphasis(c) && !is_lead(c) {
            break c;
        }
    };
    let second = loop {
        let Some((c, n)) = at(i) else {
            break None;
        };
        i += n;
        if !is_emphasis(c) {
            break Some(c);
        }
    };
    (Some(first), second)
}

/// Can the line start with a marker: is the first character [`strip_line`] would keep a
/// digit, a roman numeral's letter, or a point letter followed by ")" or "."? Lets most
/// lines skip the stripping.
#[cfg(test)]
fn may_open_marker(line: &str) -> bool {
    may_open_marker_at(head2(line))
}

/// [`may_open_marker`] on the line's [`head2`].
fn may_open_marker_at(head: (Option<char>, Option<char>)) -> bool {
    match head {
        (Some(c), _) if c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L') => true,
        (Some(c), second) => matches!(second, Some(')' | '.')) && point_value(c).is_some(),
        (None, _) => false,
    }
}

/// Read up to two digits at the start of `s`.
fn small_number(s: &str) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// Read a marker at the start of a stripped line; returns it and the rest of the line
/// (empty when the number stands alone on its line).
fn marker(s: &str) -> Option<(Marker, &str)> {
    let b = s.as_bytes();
    // Roman numeral followed by "." or ")" (or "/", "-" with text after).
    let rl = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
        .count();
    if rl > 0 && rl <= 6 {
        if let (Some(&sep), Some(v)) = (b.get(rl), roman_value(&s[..rl])) {
            if matches!(sep, b'.' | b')' | b'/' | b'-') {
                let rest = &s[rl + 1..];
                if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                    let rest = rest.trim_start();
                    if !rest.is_empty() || sep == b'.' {
                        return Some((Marker::Roman(v), rest));
                    }
                }
            }
        }
        return None;
    }
    if let Some((n, after)) = small_number(s) {
        let opens = |r: &str| r.is_empty() || r.starts_with(char::is_whitespace);
        if let Some(r) = after.strip_prefix(')') {
            return (opens(r) && !r.trim().is_empty()).then(|| (Marker::Item(n), r.trim_start()));
        }
        let r = after.strip_prefix('.')?;
        if opens(r) {
            return Some((Marker::Item(n), r.trim_start()));
        }
        // "1.2." / "1.2" / "1.2.3." followed by a space or the end; not "25.10.2013".
        let (k, r) = small_number(r)?;
        if opens(r) {
            return Some((Marker::Sub(n, k), r.trim_start()));
        }
        let r = r.strip_prefix('.')?;
        if opens(r) {
            return Some((Marker::Sub(n, k), r.trim_start()));
        }
        let (j, r) = small_number(r)?;
        let r = r.strip_prefix('.').unwrap_or(r);
        return opens(r).then(|| (Marker::SubSub(n, k, j), r.trim_start()));
    }
    // Point "a)" / "a." / "đ)".
    let mut it = s.chars();
    let v = point_value(it.next()?)?;
    let rest = it.as_str();
    let rest = rest.strip_prefix([')', '.'])?;
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        return Some((Marker::Point(v), rest.trim_start()));
    }
    None
}

/// The lines of a text: (byte offset, line without its end).
#[cfg(test)]
fn split_lines(text: &str) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    fill_lines(text, &mut v);
    v
}

/// Push the lines of `text` to `v` (see [`split_lines`]).
fn fill_lines<'t>(text: &'t str, v: &mut Vec<(usize, &'t str)>) {
    fill_lines_between(text, 0, text.len(), v);
}

/// Push the lines of `text` from byte `from` to byte `to` to `v`: what [`fill_lines`]
/// pushes of them when `from` starts a line and `to` ends one (is just after a "\n", or
/// the text's end); the lines of the whole text are those up to `to` followed by those
/// from `to`.
fn fill_lines_between<'t>(text: &'t str, from: usize, to: usize, v: &mut Vec<(usize, &'t str)>) {
    // The line ends found with the vectorized `memchr` (what `split_inclusive('\n')` gives,
    // without its slower search); a line's text without its "\n" and trailing "\r"s (ASCII:
    // cut on bytes, at char boundaries).
    let line = |a: usize, b: usize| {
        let bytes = text.as_bytes();
        let mut e = b;
        while e > a && bytes[e - 1] == b'\r' {
            e -= 1;
        }
        (a, &text[a..e])
    };
    let mut off = from;
    for k in memchr::memchr_iter(b'\n', &text.as_bytes()[from..to]) {
        let k = from + k;
        v.push(line(off, k));
        off = k + 1;
    }
    if off < to {
        v.push(line(off, to));
    }
}

thread_local! {
    /// The buffer of [`with_lines`], kept from one document to the next by each thread: a
    /// large text's lines need megabytes, which a fresh allocation takes from the system
    /// (and clears) page by page every time.
    static LINES: std::cell::Cell<Vec<(usize, &'static str)>> =
        const { std::cell::Cell::new(Vec::new()) };
}

/// An empty vector with the allocation of `v`, for lines of another lifetime (the standard
/// library collects a mapped `IntoIter` in place when the layouts are the same; the map is
/// never called, the vector being empty).
fn relend<'b>(mut v: Vec<(usize, &str)>) -> Vec<(usize, &'b str)> {
    v.clear();
    v.into_iter().map(|_| (0, "")).collect()
}

/// Call `f` with the lines of `text` ([`split_lines`]), split into this thread's buffer.
fn with_lines<R>(text: &str, f: impl FnOnce(&[(usize, &str)]) -> R) -> R {
    with_line_buffer(|lines| {
        fill_lines(text, lines);
        f(lines)
    })
}

/// Call `f` with this thread's (empty) buffer of lines.
fn with_line_buffer<'t, R>(f: impl FnOnce(&mut Vec<(usize, &'t str)>) -> R) -> R {
    let mut lines = relend(LINES.with(std::cell::Cell::take));
    let r = f(&mut lines);
    LINES.with(|b| b.set(relend(lines)));
    r
}

fn is_blank(raw: &str) -> bool {
    raw.chars().all(|c| c.is_whitespace() || is_emphasis(c))
}

/// A table row written on one line ("| 1. | Nội dung |").
fn is_table_row(raw: &str) -> bool {
    let t = raw.trim();
    t.starts_with('|') && t[1..].contains('|')
}

/// Is the line a cell of a table written one cell per line (the previous non-blank line is
/// a lone "|") or a one-line table row?
fn in_table(lines: &[(usize, &str)], ln: usize) -> bool {
    if is_table_row(lines[ln].1) {
        return true;
    }
    lines[..ln]
        .iter()
        .rev()
        .find(|(_, l)| !is_blank(l))
        .is_some_and(|(_, l)| l.trim() == "|")
}

/// The start of the line holding byte `p` of `text` when every char between them is a
/// leading mark or emphasis: a char at `p` that is neither is then the line's first kept
/// char ([`first_kept`]). Read back from `p`; most chars stop it at once.
fn line_start_before(text: &str, p: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = p;
    while let Some(k) = i.checked_sub(1) {
        match bytes.get(k).copied()? {
            b'\n' => return Some(i),
            b' ' | b'\t' | 0x0B | 0x0C | b'\r' | b'#' | b'>' | b'|' | b'*' | b'_' | b'\\' => i = k,
            b if b < 0x80 => return None,
            _ => {
                let c = text.get(..i)?.chars().next_back()?;
                if !is_lead(c) {
                    return None;
                }
                i -= c.len_utf8();
            }
        }
    }
    Some(0)
}

/// A plan inside a decision's annex: (the line of its "(Ban hành kèm theo Quyết định số
/// …)" note, the first line after the note), when an upper-case title stands just before
/// the note. None for a plain plan.
#[cfg(test)]
fn annex_note(text: &str, lines: &[(usize, &str)]) -> Option<(usize, usize)> {
    annex_note_in(text, lines, true).unwrap_or_default()
}

/// [`annex_note`] when `lines` may be only the first lines of `text` (`complete` false):
/// None when they are too few to tell (a note may stand after them, or too close to their
/// end for its closing parenthesis to be looked for), the answer of the whole table
/// otherwise.
fn annex_note_in(
    text: &str,
    lines: &[(usize, &str)],
    complete: bool,
) -> Option<Option<(usize, usize)>> {
    // The bytes the lines cover: up to the end of the last one's line (its "\n" included).
    let covered = lines.last().map_or(0, |(o, l)| o + l.len());
    // Only a line holding a "(" can open with one: the lines are visited at the "(" of the
    // text (found with `memchr`) that are their first kept char, the line read from the
    // text as `fill_lines` cuts it (its index looked up only for a note).
    let bytes = text.as_bytes();
    for p in memchr::memchr_iter(b'(', bytes) {
        let Some(start) = line_start_before(text, p) else {
            continue;
        };
        let mut end = memchr::memchr(b'\n', &bytes[p..]).map_or(bytes.len(), |k| p + k);
        while end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let Some(raw) = text.get(start..end) else {
            continue;
        };
        let s = strip_line(raw);
        let f = fold_key(&s);
        if !(f.contains("kem theo quyet dinh") || f.contains("kem theo qd")) {
            continue;
        }
        if !complete && p >= covered {
            return None;
        }
        let Some(ln) = lines.partition_point(|l| l.0 <= p).checked_sub(1) else {
            continue;
        };
        if !complete && ln + 4 > lines.len() {
            return None;
        }
        let titled = lines[ln.saturating_sub(8)..ln].iter().any(|(_, l)| {
            let t = strip_line(l);
            t.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !t.chars().any(char::is_lowercase)
        });
        if titled {
            // The note may wrap: skip to its closing parenthesis.
            let mut end = ln;
            while end < lines.len() && end < ln + 4 && !lines[end].1.contains(')') {
                end += 1;
            }
            return Some(Some((ln, end + 1)));
        }
    }
    Some(None)
}

/// Does the line close the body: the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
/// TỊCH"), "Nơi nhận", or the first footnote ("[1] …")?
#[cfg(test)]
fn ends_body(raw: &str) -> bool {
    ends_body_at(raw, head2(raw))
}

/// [`ends_body`] with the line's [`head2`].
fn ends_body_at(raw: &str, head: (Option<char>, Option<char>)) -> bool {
    // "Nơi nhận", "TM." / "KT." / "TL." / "TUQ." / "Q.", "[1]" or "¹": most lines start
    // otherwise and skip the stripping.
    let may = match head {
        (Some('N' | 'n'), Some('ơ' | 'Ơ' | 'o' | 'O')) => true,
        (Some('T'), Some('M' | 'L' | 'U')) | (Some('K'), Some('T')) | (Some('Q'), Some('.')) => {
            true
        }
        (Some(c), _) => c == '[' || superscript_digit(c).is_some(),
        _ => false,
    };
    if !may {
        return false;
    }
    let s = strip_line(raw);
    let s = s.trim_start_matches(['|', ' ']);
    if fold_key(s.get(..s.len().min(12)).unwrap_or(s)).starts_with("noi nhan") {
        return true;
    }
    for p in ["TM.", "KT.", "TL.", "TUQ.", "Q."] {
        if let Some(r) = s.strip_prefix(p) {
            let r = r.trim_start();
            if r.chars().next().is_some_and(char::is_uppercase)
                && !r.chars().any(char::is_lowercase)
            {
                return true;
            }
        }
    }
    footnote_label(s).is_some_and(|(n, bracketed, _)| bracketed && n == 1)
}

/// Does the line open a decision's next article ("**Điều 2.** Quyết định này …")?
fn next_article(raw: &str) -> bool {
    if !matches!(first_kept(raw), Some('Đ' | 'đ')) {
        return false;
    }
    let s = strip_line(raw);
    let Some(r) = s.strip_prefix("Điều ") else {
        return false;
    };
    small_number(r).is_some_and(|(n, rest)| n >= 2 && rest.starts_with('.'))
}

/// A footnote label at the start of a stripped line: (number, written in brackets or as a
/// superscript, rest of the line). Bare "1 Text" counts too (not bracketed).
fn footnote_label(s: &str) -> Option<(u32, bool, &str)> {
    if let Some(r) = s.strip_prefix('[') {
        let r = r.strip_prefix('^').unwrap_or(r);
        let (n, r) = small_number_any(r)?;
        let r = r.strip_prefix(']')?;
        let r = r.strip_prefix(':').unwrap_or(r);
        return Some((n, true, r.trim_start()));
    }
    let sup: String = s.chars().map_while(superscript_digit).collect();
    if !sup.is_empty() {
        let n = sup.parse().ok()?;
        let r = s.trim_start_matches(|c| superscript_digit(c).is_some());
        return Some((n, true, r.trim_start()));
    }
    let (n, r) = small_number_any(s)?;
    let r2 = r.strip_prefix([' ', '\t'])?;
    r2.chars()
        .next()
        .is_some_and(char::is_alphabetic)
        .then_some((n, false, r2))
}

/// Up to three digits.
fn small_number_any(s: &str) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&n) {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// Where the numbering stands while reading the outline.
#[derive(Default)]
struct State {
    /// (value, path label: "IV" or "IV#2").
    part: Option<(u32, String)>,
    /// How many times each part numeral was seen (for the "#2" suffix).
    part_seen: Vec<(u32, u32)>,
    item: Option<u32>,
    /// The last item number of any part (numbering that continues across parts).
    last_item: Option<u32>,
    sub: Option<u32>,
    subsub: Option<u32>,
    point: Option<u32>,
}

impl State {
    fn accepts(&self, m: Marker, heading_like: bool) -> bool {
        let next = |cur: Option<u32>, v: u32| cur.map_or(v == 1, |c| v == c + 1);
        match m {
            Marker::Roman(v) => match &self.part {
                None => v == 1 || (v == 2 && self.item.is_none()),
                Some((p, _)) => v == p + 1 || v == p + 2 || (v == *p && heading_like),
            },
            Marker::Item(n) => match self.item {
                None => n == 1 || n == 2 || self.last_item.is_some_and(|l| n == l + 1),
                Some(i) => n == i + 1 || n == i + 2,
            },
            Marker::Sub(n, k) => self.item == Some(n) && next(self.sub, k),
            Marker::SubSub(n, k, j) => {
                self.item == Some(n) && self.sub == Some(k) && next(self.subsub, j)
            }
            Marker::Point(v) => {
                (self.item.is_some() || self.part.is_some())
                    && self.point.map_or(v == 1, |p| v == p + 1 || v == p + 2)
            }
        }
    }

    /// Take the marker; its path and level.
    fn take(&mut self, m: Marker) -> (String, u8) {
        fn part(s: &State) -> Option<&str> {
            s.part.as_ref().map(|(_, l)| l.as_str())
        }
        match m {
            Marker::Roman(v) => {
                let seen = match self.part_seen.iter_mut().find(|(x, _)| *x == v) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        self.part_seen.push((v, 1));
                        1
                    }
                };
                let label = if seen > 1 {
                    format!("{}#{seen}", to_roman(v))
                } else {
                    to_roman(v)
                };
                self.part = Some((v, label.clone()));
                if self.item.is_some() {
                    self.last_item = self.item;
                }
                self.item = None;
                self.sub = None;
                self.subsub = None;
                self.point = None;
                (label, 1)
            }
            Marker::Item(n) => {
                self.item = Some(n);
                self.last_item = Some(n);
                self.sub = None;
                self.subsub = None;
                self.point = None;
                (path_of(part(self), &[Some(n)], None), 2)
            }
            Marker::Sub(n, k) => {
                self.sub = Some(k);
                self.subsub = None;
                self.point = None;
                (path_of(part(self), &[Some(n), Some(k)], None), 3)
            }
            Marker::SubSub(n, k, j) => {
                self.subsub = Some(j);
                self.point = None;
                (path_of(part(self), &[Some(n), Some(k), Some(j)], None), 4)
            }
            Marker::Point(v) => {
                self.point = Some(v);
                let nums = [self.item, self.sub, self.subsub];
                (path_of(part(self), &nums, Some(point_letter(v))), 5)
            }
        }
    }
}

/// A section's path: the part's label, the numbers present and the point's letter, joined
/// by "." ("IV#2.1.a"); what [`join`] makes of them as strings, written into one string.
fn path_of(part: Option<&str>, nums: &[Option<u32>], letter: Option<char>) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(12);
    s.push_str(part.unwrap_or(""));
    for n in nums.iter().flatten() {
        if !s.is_empty() {
            s.push('.');
        }
        let _ = write!(s, "{n}");
    }
    if let Some(c) = letter {
        if !s.is_empty() {
            s.push('.');
        }
        s.push(c);
    }
    s
}

/// The path as the parts of the outline were first joined (the reference of [`path_of`]).
#[cfg(test)]
fn join(part: Option<String>, rest: &[String]) -> String {
    part.into_iter()
        .chain(rest.iter().cloned())
        .collect::<Vec<_>>()
        .join(".")
}

fn to_roman(mut v: u32) -> String {
    let table = [
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in table {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// Does the (stripped) line open an item the state would accept? Used to stop a heading.
fn opens_item(raw: &str) -> bool {
    may_open_marker_at(head2(raw)) && marker(&strip_line(raw)).is_some()
}

fn is_bullet(s: &str) -> bool {
    let t = s.trim_start();
    matches!(t.chars().next(), Some('-' | '+' | '•' | '–'))
}

/// Which Markdown emphasis is open after some text: runs of "*" (or "_") of one character
/// toggle italic, of two bold, of three both.
#[derive(Default)]
struct Emphasis {
    bold: bool,
    italic: bool,
}

impl Emphasis {
    fn feed(&mut self, t: &str) {
        // "*" and "_" are ASCII, never inside a multi-byte char: read as bytes, every other
        // byte ending a run as the char holding it would (the next ones find no run).
        if memchr::memchr2(b'*', b'_', t.as_bytes()).is_none() {
            return;
        }
        let mut run = 0;
        for c in t.bytes().chain(std::iter::once(b' ')) {
            if matches!(c, b'*' | b'_') {
                run += 1;
                continue;
            }
            match run {
                0 => {}
                1 => self.italic = !self.italic,
                2 => self.bold = !self.bold,
                _ => {
                    self.bold = !self.bold;
                    self.italic = !self.italic;
                }
            }
            run = 0;
        }
    }

    fn open(&self) -> bool {
        self.bold || self.italic
    }
}

/// The words after which a heading cannot end (`corpus/outline.toml`): the heading goes on
/// to the next line.
fn connectives() -> &'static [String] {
    #[derive(serde::Deserialize)]
    struct File {
        continue_after: Vec<String>,
    }
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        toml::from_str::<File>(include_str!("../corpus/outline.toml"))
            .map(|f| f.continue_after)
            .unwrap_or_default()
    })
}

/// Does a heading's text so far end on a word it cannot end on ("… Quyết định của")?
fn ends_on_connective(para: &str) -> bool {
    let t = para.trim_end();
    if t.ends_with(|c: char| !c.is_alphabetic()) {
        return false;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let last = last.to_lowercase();
    connectives().contains(&last)
}

/// The heading of the item whose marker is on line `ln`: the marker line's rest and, when
/// it is empty, inside an open emphasis or continued by a lower-case line, the next lines
/// of the paragraph; cut where a run-in heading ends. `marker_len`: the marker's length in
/// the stripped line.
fn heading_at(lines: &[(usize, &str)], ln: usize, marker_len: usize) -> String {
    let raw = lines[ln].1;
    let lead_emphasis = raw.trim_start_matches(is_lead).starts_with(['*', '_']);
    // The paragraph's raw text after the marker, emphasis delimiters kept.
    let mut para = String::new();
    let after_marker = {
        // Drop the raw text up to where the stripped rest begins: the leading marks
        // (indentation, "#", "|"; emphasis not counted) and the marker.
        let lead: usize = raw
            .chars()
            .filter(|&c| !is_emphasis(c))
            .take_while(|&c| is_lead(c))
            .map(char::len_utf8)
            .sum();
        let skip = lead + marker_len;
        // Walk the raw line, counting kept characters, to find the raw offset.
        let mut count = 0;
        let mut at = raw.len();
        for (i, c) in raw.char_indices() {
            if count >= skip {
                at = i;
                break;
            }
            if !is_emphasis(c) {
                count += c.len_utf8();
            }
        }
        &raw[at.min(raw.len())..]
    };
    para.push_str(after_marker);
    // An emphasis left open (bold "**" or italic "*" / "_") goes on to the next lines.
    let mut emph = Emphasis::default();
    emph.feed(raw);
    let mut open = emph.open();
    let mut k = ln + 1;
    while k < lines.len() && k <= ln + 6 {
        let next = lines[k].1;
        if is_blank(next) || next.trim() == "|" || opens_item(next) || is_bullet(next) {
            break;
        }
        let empty_so_far = para.chars().all(|c| c.is_whitespace() || is_emphasis(c));
        // The first char of `strip_line(next)`.
        let lower = head2(next)
            .0
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        let ends_sentence = para.trim_end().ends_with(['.', ':', ';']);
        if !(empty_so_far || open || (lower && !ends_sentence) || ends_on_connective(&para)) {
            break;
        }
        para.push(' ');
        para.push_str(next);
        emph.feed(next);
        open = emph.open();
        k += 1;
    }
    // Cut at the first emphasis delimiter after some text (a run-in heading in bold or
    // italic), when the line opened with emphasis; then at ":" / ". " / ";".
    // The emphasis chars are ASCII: the runs of text between them are copied whole.
    let mut out = String::with_capacity(para.len());
    let (mut prev_emph, mut has_text) = (false, false);
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'*', b'_', b'\\', &para.as_bytes()[i..]) {
        let run = &para[i..i + k];
        if !run.is_empty() {
            out.push_str(run);
            has_text |= !run.trim().is_empty();
            prev_emph = false;
        }
        if lead_emphasis && has_text && !prev_emph {
            i = para.len();
            break;
        }
        prev_emph = true;
        i += k + 1;
    }
    out.push_str(&para[i..]);
    // Only the text up to the first stop (kept) can be the heading: clean no more.
    let t = out.trim_start();
    let pre = t
        .char_indices()
        .find(|&(i, c)| match c {
            ':' | ';' => true,
            '.' => i > 0 && t[i + 1..].chars().next().is_none_or(char::is_whitespace),
            _ => false,
        })
        .map_or(t, |(i, _)| &t[..i + 1]);
    let out = clean(&drop_calls(pre));
    let mut cut = out.len();
    for (i, c) in out.char_indices() {
        let next = out[i + c.len_utf8()..].chars().next();
        let stop = match c {
            ':' | ';' => true,
            '.' => next.is_none_or(char::is_whitespace) && i > 0,
            _ => false,
        };
        if stop {
            cut = i;
            break;
        }
    }
    let h = out[..cut]
        .trim()
        .trim_end_matches([',', '.', ':', ';', ' ']);
    // Very long run-on paragraphs: keep a readable heading.
    if h.len() > 200 && h.chars().count() > 200 {
        let mut s: String = h.chars().take(200).collect();
        if let Some(i) = s.rfind(' ') {
            s.truncate(i);
        }
        return s;
    }
    h.to_string()
}

/// The text without footnote calls (`[1]`, `[^2]`, superscript digits).
fn drop_calls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        let r = &rest[i + 1..];
        let r2 = r.strip_prefix('^').unwrap_or(r);
        let n = r2.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&n) && r2[n..].starts_with(']') {
            rest = &r2[n + 1..];
        } else {
            out.push('[');
            rest = r;
        }
    }
    out.push_str(rest);
    // Every superscript digit's UTF-8 starts with 0xC2 ("¹²³") or 0xE2 (the others).
    if memchr::memchr2(0xC2, 0xE2, out.as_bytes()).is_some() {
        out.retain(|c| superscript_digit(c).is_none());
    }
    out
}

/// Does a stripped heading read as a part heading: upper case, or empty (on the next line)?
fn upper_heading(h: &str) -> bool {
    !h.chars().any(char::is_lowercase)
}

/// Build the outline of a text.
pub fn outline(text: &str) -> Outline {
    with_lines(text, |lines| outline_of_lines(text, lines, false).0)
}

/// The outline of `lines` (of `text`); `lazy`: headings only where the markers need them
/// (the rest left empty, with the line and marker length to read them from, in section
/// order), no opening basis nor footnotes.
fn outline_of_lines(text: &str, lines: &[(usize, &str)], lazy: bool) -> (Outline, Pending) {
    outline_of_first_lines(text, lines, true, lazy).unwrap_or_default()
}

/// [`outline_of_lines`] when `lines` may be only the first lines of `text` (`complete`
/// false): None when they are too few to tell where the outline starts (an annex note
/// after them or at their end, an annex holding no item among them); otherwise the
/// outline of the whole table for its sections up to the last few of these lines (later
/// ones may differ or lack, the body may end later: the sections of text before those
/// lines are the same).
fn outline_of_first_lines(
    text: &str,
    lines: &[(usize, &str)],
    complete: bool,
    lazy: bool,
) -> Option<(Outline, Pending)> {
    let annex = annex_note_in(text, lines, complete)?;
    let found = outline_from(text, lines, annex, false, lazy);
    if annex.is_some() && found.0.sections.is_empty() {
        if !complete {
            return None;
        }
        // The annex holds no numbered item (an appendix of tables): a programme laid out in
        // parts is the decision's own text ("Điều 1. Phê duyệt Chương trình … I. QUAN
        // ĐIỂM …"). The clauses "1.", "2." of a decision's articles are not an outline.
        let whole = outline_from(text, lines, None, true, lazy);
        if whole.0.sections.iter().any(|s| s.level == 1) {
            return Some(whole);
        }
    }
    Some(found)
}

/// How many lines after the line of the last citation [`assign_sections`] reads: the
/// heading of a section is read from at most the six lines after its marker's
/// ([`heading_at`]), an annex note's closing parenthesis from the four after it.
const LINES_AFTER_LAST: usize = 8;

/// The end of the `n`-th line after the line holding byte `at` of `text` (just after its
/// "\n"), or the text's end when there are fewer lines.
fn end_of_lines_after(text: &str, at: usize, n: usize) -> usize {
    let from = at.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[from..])
        .nth(n)
        .map_or(text.len(), |k| from + k + 1)
}

/// For each section of a lazily read outline, the heading still to read: (line, marker
/// length) for [`heading_at`].
type Pending = Vec<Option<(usize, usize)>>;

/// Give each citation its `section`, as `outline(text).assign(citations)` does, reading
/// only what that needs: the headings of the sections cited, no opening basis, no
/// footnotes (what `cancu extract` prints of the outline).
///
/// The line table is split only up to a few lines after the last citation's: the
/// numbering of the sections before it does not depend on the text after it, nor does
/// where the body ends (an end after the last citation places none of them); the rest is
/// split only when the first lines cannot tell ([`outline_of_first_lines`]).
pub fn assign_sections(text: &str, citations: &mut [Citation]) {
    let Some(last) = citations.iter().map(|c| c.start).max() else {
        return;
    };
    with_line_buffer(|lines| {
        let cut = end_of_lines_after(text, last, LINES_AFTER_LAST);
        fill_lines_between(text, 0, cut, lines);
        let first = outline_of_first_lines(text, lines, cut == text.len(), true);
        let (mut o, mut pending) = match first {
            Some(found) => found,
            None => {
                fill_lines_between(text, cut, text.len(), lines);
                outline_of_lines(text, lines, true)
            }
        };
        let lines: &[(usize, &str)] = lines;
        for c in citations {
            c.section = o.section_index(c.start).map(|i| {
                if let Some((ln, marker_len)) = pending[i].take() {
                    o.sections[i].heading = heading_at(lines, ln, marker_len);
                }
                let s = &o.sections[i];
                SectionRef {
                    path: s.path.clone(),
                    heading: s.heading.clone(),
                }
            });
        }
    })
}

/// The outline read from the first line after the annex note (or from the start).
/// `in_article`: the programme is a decision's "Điều 1", so the next article ends it.
fn outline_from(
    text: &str,
    lines: &[(usize, &str)],
    annex: Option<(usize, usize)>,
    in_article: bool,
    lazy: bool,
) -> (Outline, Pending) {
    let begin = annex.map_or(0, |(_, b)| b);
    let mut st = State::default();
    let mut sections: Vec<Section> = Vec::new();
    let mut pending: Pending = Vec::new();
    let mut body_end = text.len();
    let mut body_end_line = lines.len();
    for ln in begin..lines.len() {
        let (off, raw) = lines[ln];
        let head = head2(raw);
        if !sections.is_empty() && (ends_body_at(raw, head) || in_article && next_article(raw)) {
            body_end = off;
            body_end_line = ln;
            break;
        }
        if !may_open_marker_at(head) {
            continue;
        }
        let s = strip_line(raw);
        let Some((m, rest)) = marker(&s) else {
            continue;
        };
        if in_table(lines, ln) {
            continue;
        }
        let marker_len = s.len() - rest.len();
        let mut heading = None;
        // Only a part numeral repeating the current one ("IV." twice) needs its heading to be
        // accepted (`State::accepts`); the others read it where every marker does.
        let repeats = match (m, &st.part) {
            (Marker::Roman(v), Some((p, _))) => v == *p,
            _ => false,
        };
        let heading_like = repeats && {
            let h = heading.insert(heading_at(lines, ln, marker_len));
            upper_heading(h) && !h.is_empty()
        };
        if !st.accepts(m, heading_like) {
            continue;
        }
        let heading = match heading {
            Some(h) => {
                pending.push(None);
                h
            }
            None if lazy => {
                pending.push(Some((ln, marker_len)));
                String::new()
            }
            None => {
                pending.push(None);
                heading_at(lines, ln, marker_len)
            }
        };
        let (path, level) = st.take(m);
        sections.push(Section {
            path,
            heading,
            level,
            start: off,
            end: body_end,
            line: ln + 1,
        });
    }
    for i in 0..sections.len() {
        sections[i].end = sections.get(i + 1).map_or(body_end, |n| n.start);
    }
    if lazy {
        let o = Outline {
            sections,
            body_end,
            basis: Vec::new(),
            footnotes: Vec::new(),
        };
        return (o, pending);
    }
    let first = sections.first().map_or(body_end, |s| s.start);
    let basis = basis_ranges(lines, first, annex.map(|(note, _)| note));
    let mut footnotes = footnote_list(lines, body_end_line, text.len());
    find_calls(text, body_end, &mut footnotes);
    let o = Outline {
        sections,
        body_end,
        basis,
        footnotes,
    };
    (o, pending)
}

/// Is a line mostly upper case (a title, "THỰC HIỆN QUYẾT ĐỊNH 553/QĐ-TTg")?
fn mostly_upper(s: &str) -> bool {
    let (mut up, mut low) = (0, 0);
    for c in s.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
    }
    up > 2 * low
}

/// How a paragraph before the first item counts for the opening basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// Basis: "Căn cứ …", "Thực hiện …", the title, an introduction naming what the plan
    /// implements.
    Basis,
    /// The proposer's submission: "Theo đề nghị của … tại Tờ trình số …", "Xét Tờ trình
    /// …, Báo cáo thẩm tra …".
    Proposal,
    /// A decision's ruling ("QUYẾT ĐỊNH:", "Điều 1. …") or its "Nơi nhận" list: what the
    /// decision itself decides, replaces and sends; everything after it up to the annexed
    /// plan's title is not the plan's basis.
    Ruling,
}

/// Classify a paragraph by its first words (folded, the first two lines joined so that
/// "Căn\ncứ" reads).
fn opening(head: &str) -> Opening {
    let t = head.trim_start_matches(|c: char| is_lead(c) || is_emphasis(c) || c == '-');
    // Every opening below starts with one of these letters ("Xét", "Theo", "Điều",
    // "QUYẾT", "CHỈ", "NGHỊ", "Nơi"): the rest is basis without folding.
    let first = t.chars().next().map(|c| c.to_ascii_lowercase());
    if !matches!(
        first,
        Some('x' | 't' | 'đ' | 'Đ' | 'Ð' | 'd' | 'q' | 'c' | 'n')
    ) {
        return Opening::Basis;
    }
    let f = fold_key(prefix(t, 48));
    let words: Vec<&str> = f.split_whitespace().take(3).collect();
    let starts = |p: &[&str]| words.len() >= p.len() && words[..p.len()] == *p;
    if starts(&["xet"]) || starts(&["theo", "de", "nghi"]) || starts(&["theo", "to", "trinh"]) {
        return Opening::Proposal;
    }
    let dieu_1 = words.first() == Some(&"dieu")
        && words
            .get(1)
            .is_some_and(|w| w.trim_end_matches(['.', ':']) == "1");
    let ruling = {
        let u = t.trim_end_matches(|c: char| c.is_whitespace() || is_emphasis(c));
        let word = u.trim_end_matches(':');
        u.ends_with(':')
            && !word.chars().any(char::is_lowercase)
            && matches!(
                fold_key(word).as_str(),
                "quyet dinh" | "quyet nghi" | "chi thi" | "nghi quyet"
            )
    };
    if dieu_1 || ruling || starts(&["noi", "nhan"]) {
        return Opening::Ruling;
    }
    Opening::Basis
}

/// The opening basis: the paragraphs before `first` (the first section's start) that name
/// what the plan implements. That is everything cited before the first item (the title,
/// "Căn cứ …", "Thực hiện …", an introduction) except the proposer's submission, the
/// decision's ruling and "Nơi nhận" when the plan is annexed to (or written inside) a
/// decision, and the annex note naming the decision itself (`annex_note`, the plan's own
/// identity). An annexed plan's title, between the decision's signature and the note, is
/// basis again. A paragraph runs from its first line to a line ending with ";" / "." / ":"
/// or a blank line.
fn basis_ranges(
    lines: &[(usize, &str)],
    first: usize,
    annex_note: Option<usize>,
) -> Vec<(usize, usize)> {
    // The annexed plan's title: the upper-case lines just before the note.
    let title = annex_note.map(|note| {
        let mut t = note;
        while t > 0 {
            let l = lines[t - 1].1;
            if l.trim() == "|" || (!is_blank(l) && !mostly_upper(&strip_line(l))) {
                break;
            }
            t -= 1;
        }
        t
    });
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut ruling = false;
    let mut ln = 0;
    while ln < lines.len() && lines[ln].0 < first {
        if Some(ln) == annex_note {
            break;
        }
        if Some(ln) == title {
            ruling = false;
        }
        if is_blank(lines[ln].1) || lines[ln].1.trim() == "|" {
            ln += 1;
            continue;
        }
        // The first words are enough to classify the paragraph.
        let mut head = strip_line(prefix(lines[ln].1, 96)).into_owned();
        if let Some((_, next)) = lines.get(ln + 1) {
            if !is_blank(next) && head.len() < 48 {
                head.push(' ');
                head.push_str(&strip_line(prefix(next, 96)));
            }
        }
        let kind = opening(&head);
        if kind == Opening::Ruling {
            ruling = true;
        }
        let start = lines[ln].0;
        let mut k = ln;
        loop {
            let last = lines[k]
                .1
                .chars()
                .rev()
                .find(|&c| !c.is_whitespace() && !is_emphasis(c));
            k += 1;
            let done = matches!(last, Some(';' | '.' | ':'))
                || k >= lines.len()
                || lines[k].0 >= first
                || Some(k) == title
                || Some(k) == annex_note
                || is_blank(lines[k].1);
            if done {
                break;
            }
        }
        let end = lines.get(k).map_or(first, |l| l.0).min(first);
        if kind == Opening::Basis && !ruling {
            match out.last_mut() {
                Some(last) if last.1 == start => last.1 = end,
                _ => out.push((start, end)),
            }
        }
        ln = k;
    }
    out
}

/// The footnotes written after the body: bracketed or superscript labels anywhere in
/// order, bare "1 Text" lines only in sequence from 1.
fn footnote_list(lines: &[(usize, &str)], from: usize, text_len: usize) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    for (ln, &(off, raw)) in lines.iter().enumerate().skip(from) {
        // A label starts with "[", a digit or a superscript digit.
        let may = first_kept(raw)
            .is_some_and(|c| c == '[' || c.is_ascii_digit() || superscript_digit(c).is_some());
        if !may {
            continue;
        }
        let s = strip_line(raw);
        let Some((n, bracketed, _)) = footnote_label(&s) else {
            continue;
        };
        let expected = out.last().map_or(1, |f| {
            f.label
                .parse::<u32>()
                .map_or(u32::MAX, |x| x.saturating_add(1))
        });
        if !(bracketed || n == expected)
            || (bracketed && out.iter().any(|f| f.label == n.to_string()))
        {
            continue;
        }
        if let Some(prev) = out.last_mut() {
            prev.end = off;
        }
        out.push(Footnote {
            label: n.to_string(),
            start: off,
            end: text_len,
            line: ln + 1,
            calls: Vec::new(),
        });
    }
    // A bare list needs at least two notes, or one note that the body calls in brackets;
    // kept for the call search to confirm (notes nobody calls are dropped there).
    out
}

/// Find the calls of each footnote in the body (before `body_end`): "[n]", "[^n]",
/// superscript digits, or digits glued to the end of a word ("tỉnh1,"). Notes never
/// called are kept (their text is still not part of the last item).
fn find_calls(text: &str, body_end: usize, notes: &mut [Footnote]) {
    if notes.is_empty() {
        return;
    }
    let body = &text[..body_end.min(text.len())];
    let label_index = |n: &str| notes.iter().position(|f| f.label == n);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < body.len() {
        let c = bytes[i];
        if c == b'[' {
            let r = &body[i + 1..];
            let r2 = r.strip_prefix('^').unwrap_or(r);
            let n = r2.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&n) && r2[n..].starts_with(']') {
                if let Some(k) = label_index(&r2[..n]) {
                    found.push((k, i));
                }
            }
            i += 1;
            continue;
        }
        if c.is_ascii_digit() && i > 0 {
            let n = body[i..].bytes().take_while(u8::is_ascii_digit).count();
            let label = if n <= 3 {
                label_index(&body[i..i + n])
            } else {
                None
            };
            if let Some(k) = label {
                let prev = body[..i].chars().next_back();
                let after = body[i + n..].chars().next();
                // Glued to a lower-case word (not a unit such as "m2", "km2", not a code
                // such as "H5N1"), or to a closing bracket or quote.
                let glued = match prev {
                    Some(')' | '"' | '”') => true,
                    Some(p) if p.is_lowercase() => {
                        let (mut chars, mut upper) = (0, false);
                        for c in body[..i].chars().rev().take_while(|c| c.is_alphabetic()) {
                            chars += 1;
                            upper |= c.is_uppercase();
                        }
                        let word_bytes: usize = body[..i]
                            .chars()
                            .rev()
                            .take(chars)
                            .map(char::len_utf8)
                            .sum();
                        let ascii = body[i - word_bytes..i].is_ascii();
                        chars >= 2 && !upper && !(ascii && word_bytes <= 2)
                    }
                    _ => false,
                };
                let ends = after.is_none_or(|a| !a.is_alphanumeric());
                if glued && ends {
                    found.push((k, i));
                }
            }
            i += n;
            continue;
        }
        if c >= 0x80 {
            let ch = body[i..].chars().next().unwrap_or(' ');
            if superscript_digit(ch).is_some() {
                let digits: String = body[i..].chars().map_while(superscript_digit).collect();
                if let Some(k) = label_index(&digits) {
                    found.push((k, i));
                }
                let len: usize = body[i..]
                    .chars()
                    .take_while(|c| superscript_digit(*c).is_some())
                    .map(char::len_utf8)
                    .sum();
                i += len.max(1);
                continue;
            }
            i += ch.len_utf8();
            continue;
        }
        i += 1;
    }
    for (k, at) in found {
        notes[k].calls.push(at);
    }
}

impl Outline {
    /// The innermost section holding a byte offset (None before the first heading and
    /// after the body's end).
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.section_index(offset).map(|i| &self.sections[i])
    }

    /// The index of [`Outline::section_at`]'s section.
    fn section_index(&self, offset: usize) -> Option<usize> {
        if offset >= self.body_end {
            return None;
        }
        let i = self.sections.partition_point(|s| s.start <= offset);
        i.checked_sub(1)
    }

    /// The section with this path (a trailing "." ignored).
    pub fn find(&self, path: &str) -> Option<&Section> {
        let path = path.trim().trim_end_matches('.');
        self.sections.iter().find(|s| s.path == path)
    }

    /// The byte range a section covers with its sub-items: to the next section that is not
    /// inside it, or the body's end.
    pub fn range(&self, path: &str, _text_len: usize) -> Option<(usize, usize)> {
        let i = self.sections.iter().position(|s| s.path == path)?;
        let s = &self.sections[i];
        let end = self.sections[i + 1..]
            .iter()
            .find(|x| !is_within(&x.path, path))
            .map(|x| x.start)
            .unwrap_or(self.body_end);
        Some((s.start, end))
    }

    /// The footnote whose text holds a byte offset.
    pub fn footnote_at(&self, offset: usize) -> Option<&Footnote> {
        self.footnotes
            .iter()
            .find(|f| f.start <= offset && offset < f.end)
    }

    /// The paths of the sections calling a footnote.
    pub fn callers(&self, note: &Footnote) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for &c in &note.calls {
            if let Some(s) = self.section_at(c) {
                if !out.contains(&s.path.as_str()) {
                    out.push(&s.path);
                }
            }
        }
        out
    }

    /// Is the byte offset in the opening basis (before the first item, not a proposal, a
    /// ruling or the annex note)?
    pub fn in_basis(&self, offset: usize) -> bool {
        self.basis.iter().any(|&(a, b)| a <= offset && offset < b)
    }

    /// Give every citation its section.
    pub fn assign(&self, citations: &mut [Citation]) {
        for c in citations {
            c.section = self.section_at(c.start).map(|s| SectionRef {
                path: s.path.clone(),
                heading: s.heading.clone(),
            });
        }
    }
}

/// Is `path` the section `parent` or inside it ("II.1.a" is within "II.1", "II.10" is not)?
pub fn is_within(path: &str, parent: &str) -> bool {
    path == parent
        || path
            .strip_prefix(parent)
            .is_some_and(|r| r.starts_with('.'))
}

#[cfg(test)]
mod tests;
