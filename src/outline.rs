//! A plan's outline ("bố cục"): parts "I.", "II." (roman), items "1.", "2.", sub-items
//! "1.1.", points "a)", "b)". Bullets ("-", "+", "•") are not numbered and belong to their
//! parent. Tolerates leading spaces, Markdown bold and headings (`**I. MỤC ĐÍCH**`,
//! `**1**. **Mục đích**`), escaped dots (`1\.`) and blank lines between every line. A number
//! only opens an item when it follows the previous one at its level (or restarts at 1 under
//! a new parent), so a wrapped line that happens to start with "3." is not a heading.
//!
//! Pure: no I/O; knows lines and markers, nothing about citations beyond giving each one its
//! [`SectionRef`].

use crate::model::{Citation, SectionRef};
use crate::normalize::clean;
use serde::Serialize;
use std::borrow::Cow;

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// "II", "II.1", "IV.2.a".
    pub path: String,
    /// The item's own first line, marker and emphasis removed ("Mục đích").
    pub heading: String,
    /// 1 part, 2 item, 3 sub-item, 4 point.
    pub level: u8,
    /// Byte offset of the heading's line in the original.
    pub start: usize,
    /// 1-based line.
    pub line: usize,
}

/// The outline of a document: its sections in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    pub sections: Vec<Section>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Roman(u32),
    Item(u32),
    Sub(u32, u32),
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
    POINT_LETTERS.chars().nth(v as usize - 1).unwrap_or('?')
}

/// The line with Markdown emphasis, heading marks, quote/table marks and escapes removed.
/// Borrowed when the line has no emphasis or escape to remove (most lines).
fn strip_line(line: &str) -> Cow<'_, str> {
    let lead = |c: char| c.is_whitespace() || matches!(c, '#' | '>' | '|');
    if !line.contains(['*', '_', '\\']) {
        return Cow::Borrowed(line.trim_start_matches(lead).trim_end());
    }
    let s: String = line
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '\\'))
        .collect();
    Cow::Owned(s.trim_start_matches(lead).trim_end().to_string())
}

/// Can the line start with a marker: is the first character [`strip_line`] would keep a
/// digit, a roman numeral's letter, or a point letter followed by ")"? Lets most lines skip
/// the stripping.
fn may_open_marker(line: &str) -> bool {
    let skipped = |c: char| matches!(c, '*' | '_' | '\\');
    let mut kept = line.chars().filter(|&c| !skipped(c));
    let first = kept.find(|&c| !(c.is_whitespace() || matches!(c, '#' | '>' | '|')));
    match first {
        Some(c) if c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L') => true,
        Some(c) => point_value(c).is_some() && kept.next() == Some(')'),
        None => false,
    }
}

/// Read a marker at the start of a stripped line; returns it and the rest of the line.
fn marker(s: &str) -> Option<(Marker, &str)> {
    let b = s.as_bytes();
    // Roman numeral followed by "." or ")".
    let rl = b
        .iter()
        .take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
        .count();
    if rl > 0 && rl <= 6 {
        if let (Some(&sep), Some(v)) = (b.get(rl), roman_value(&s[..rl])) {
            if matches!(sep, b'.' | b')' | b'/' | b'-') {
                let rest = s[rl + 1..].trim_start();
                if !rest.is_empty() || sep == b'.' {
                    return Some((Marker::Roman(v), rest));
                }
            }
        }
    }
    // Arabic "1." / "1)" / "1.2." followed by a space or text.
    let dl = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&dl) {
        let n: u32 = s[..dl].parse().ok()?;
        match b.get(dl) {
            Some(b'.') => {
                // Sub-item "1.2." or "1.2 ".
                let rest = &s[dl + 1..];
                let d2 = rest.bytes().take_while(|c| c.is_ascii_digit()).count();
                if (1..=2).contains(&d2) {
                    let m: u32 = rest[..d2].parse().ok()?;
                    let after = &rest[d2..];
                    let after = after.strip_prefix('.').unwrap_or(after);
                    if after.starts_with(' ') || after.is_empty() {
                        return Some((Marker::Sub(n, m), after.trim_start()));
                    }
                    return None; // "25.10.2013", "1.000"
                }
                if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
                    return Some((Marker::Item(n), rest.trim_start()));
                }
                None
            }
            Some(b')') if s.len() > dl + 1 => Some((Marker::Item(n), s[dl + 1..].trim_start())),
            _ => None,
        }
    } else {
        // Point "a)".
        let mut it = s.chars();
        let c = it.next()?;
        let v = point_value(c)?;
        let rest = it.as_str();
        let rest = rest.strip_prefix(')')?;
        if rest.starts_with(char::is_whitespace) {
            return Some((Marker::Point(v), rest.trim_start()));
        }
        None
    }
}

/// Build the outline of a text.
pub fn outline(text: &str) -> Outline {
    let mut sections = Vec::new();
    let mut part: Option<(u32, String)> = None; // (value, roman text)
    let mut item: Option<u32> = None;
    let mut sub: Option<u32> = None;
    let mut point: Option<u32> = None;
    let mut roman_text = String::new();
    let lines: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut off = 0;
        for l in text.split_inclusive('\n') {
            v.push((off, l.trim_end_matches(['\n', '\r'])));
            off += l.len();
        }
        v
    };
    for (ln, &(off, raw)) in lines.iter().enumerate() {
        if !may_open_marker(raw) {
            continue;
        }
        let s = strip_line(raw);
        let Some((m, rest)) = marker(&s) else {
            continue;
        };
        let accept = match m {
            Marker::Roman(v) => match &part {
                None => v == 1 || (v == 2 && item.is_none()),
                Some((p, _)) => v == p + 1 || v == p + 2,
            },
            Marker::Item(n) => match item {
                None => n == 1 || n == 2,
                Some(i) => n == i + 1 || n == i + 2,
            },
            Marker::Sub(n, k) => item == Some(n) && (sub.map_or(k == 1, |x| k == x + 1)),
            Marker::Point(v) => {
                (item.is_some() || part.is_some()) && point.map_or(v == 1, |p| v == p + 1)
            }
        };
        if !accept {
            continue;
        }
        // Heading text: the rest of the line; a bold run left open continues on the next
        // lines ("**I. MỤC ĐÍCH,\nYÊU CẦU**").
        let mut heading = rest.to_string();
        if raw.matches("**").count() % 2 == 1 {
            for &(_, next) in lines.iter().skip(ln + 1).take(3) {
                heading.push(' ');
                heading.push_str(&strip_line(next));
                if next.contains("**") {
                    break;
                }
            }
        }
        let heading = clean(&heading);
        let (path, level) = match m {
            Marker::Roman(v) => {
                roman_text = to_roman(v);
                part = Some((v, roman_text.clone()));
                item = None;
                sub = None;
                point = None;
                (roman_text.clone(), 1)
            }
            Marker::Item(n) => {
                item = Some(n);
                sub = None;
                point = None;
                (join(&[prefix(&part), n.to_string()]), 2)
            }
            Marker::Sub(n, k) => {
                sub = Some(k);
                point = None;
                (join(&[prefix(&part), n.to_string(), k.to_string()]), 3)
            }
            Marker::Point(v) => {
                point = Some(v);
                let mut p = vec![prefix(&part)];
                if let Some(i) = item {
                    p.push(i.to_string());
                }
                if let Some(k) = sub {
                    p.push(k.to_string());
                }
                p.push(point_letter(v).to_string());
                (join(&p), 4)
            }
        };
        let _ = &roman_text;
        sections.push(Section {
            path,
            heading,
            level,
            start: off,
            line: ln + 1,
        });
    }
    Outline { sections }
}

fn prefix(part: &Option<(u32, String)>) -> String {
    part.as_ref().map(|(_, r)| r.clone()).unwrap_or_default()
}

fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
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

impl Outline {
    /// The innermost section holding a byte offset (None before the first heading).
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        let i = self.sections.partition_point(|s| s.start <= offset);
        i.checked_sub(1).map(|i| &self.sections[i])
    }

    /// The section with this path.
    pub fn find(&self, path: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.path == path)
    }

    /// The byte range a section covers: to the next section that is not inside it.
    pub fn range(&self, path: &str, text_len: usize) -> Option<(usize, usize)> {
        let i = self.sections.iter().position(|s| s.path == path)?;
        let s = &self.sections[i];
        let end = self.sections[i + 1..]
            .iter()
            .find(|x| !x.path.starts_with(&format!("{path}.")))
            .map(|x| x.start)
            .unwrap_or(text_len);
        Some((s.start, end))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, &str)]) {
        let o = outline(text);
        let got: Vec<(&str, &str)> = o
            .sections
            .iter()
            .map(|s| (s.path.as_str(), s.heading.as_str()))
            .collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn outline_table() {
        check(
            "I. MỤC ĐÍCH\n\n1. Mục đích\n\n- bullet\n\n2. Yêu cầu\n\nII. NHIỆM VỤ\n 1. Tiếp tục\na) điểm a\nb) điểm b\n2. Hai\n",
            &[
                ("I", "MỤC ĐÍCH"),
                ("I.1", "Mục đích"),
                ("I.2", "Yêu cầu"),
                ("II", "NHIỆM VỤ"),
                ("II.1", "Tiếp tục"),
                ("II.1.a", "điểm a"),
                ("II.1.b", "điểm b"),
                ("II.2", "Hai"),
            ],
        );
        // Markdown bold, split bold heading, escaped dot.
        check(
            "**I. MỤC ĐÍCH,\nYÊU CẦU**\n\n**1**. **Mục đích**\n\n**2. **Yêu cầu\n\n## II. NỘI DUNG\n\n1\\. Một\n",
            &[
                ("I", "MỤC ĐÍCH, YÊU CẦU"),
                ("I.1", "Mục đích"),
                ("I.2", "Yêu cầu"),
                ("II", "NỘI DUNG"),
                ("II.1", "Một"),
            ],
        );
        // A wrapped line starting with a number, dates and amounts are not headings.
        check(
            "I. A\n1. Một\nvăn bản số\n5. cái\n25.10.2013 ngày\n2. Hai\n",
            &[("I", "A"), ("I.1", "Một"), ("I.2", "Hai")],
        );
        // Sub-items.
        check(
            "II. B\n1. Một\n1.1. Một một\n1.2. Một hai\na) x\n",
            &[
                ("II", "B"),
                ("II.1", "Một"),
                ("II.1.1", "Một một"),
                ("II.1.2", "Một hai"),
                ("II.1.2.a", "x"),
            ],
        );
        check("", &[]);
        check("III) ?\n\u{0}\n1)", &[]);
    }

    /// The prefilter never skips a line that opens a marker (regression guard for the
    /// fast path that skips stripping): every line of this table that `marker` reads as a
    /// marker passes `may_open_marker`, and each expectation holds.
    #[test]
    fn may_open_marker_table() {
        let rows = [
            ("I. MỤC ĐÍCH", true),
            ("  **II.** NHIỆM VỤ", true),
            ("## III. NỘI DUNG", true),
            ("> | 1. Một", true),
            ("1\\. Một", true),
            ("**1**. **Mục đích**", true),
            ("_a)_ điểm", true),
            ("đ) điểm đ", true),
            ("- bullet", false),
            ("Căn cứ Luật", false),
            ("   ", false),
            ("", false),
            ("*** ", false),
            ("b) x", true),
            ("f) not a point letter", false),
        ];
        for (line, expected) in rows {
            let opens = marker(&strip_line(line)).is_some();
            assert_eq!(may_open_marker(line), expected, "{line:?}");
            assert!(!opens || may_open_marker(line), "{line:?} opens a marker");
        }
    }

    /// Random lines over the characters that matter: the prefilter is never stricter than
    /// the stripping it lets lines skip.
    #[test]
    fn may_open_marker_never_hides_a_marker() {
        let alphabet: Vec<char> = "IVXL19ađfM *_\\#>|.) \t".chars().collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut markers = 0;
        for _ in 0..20_000 {
            let mut line = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for k in 0..(x % 9) {
                line.push(alphabet[((x >> (k * 5)) % alphabet.len() as u64) as usize]);
            }
            if marker(&strip_line(&line)).is_some() {
                markers += 1;
                assert!(may_open_marker(&line), "{line:?}");
            }
        }
        assert!(markers > 100, "only {markers} random lines were markers");
    }

    #[test]
    fn section_at_offsets() {
        let t = "Căn cứ\nI. A\n1. Một\ntext\n";
        let o = outline(t);
        assert!(o.section_at(0).is_none());
        assert_eq!(o.section_at(t.find("text").unwrap()).unwrap().path, "I.1");
        assert_eq!(
            o.range("I", t.len()),
            Some((t.find("I.").unwrap(), t.len()))
        );
    }
}
