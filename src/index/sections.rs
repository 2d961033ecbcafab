//! Splitting a plan into the parts that become section documents ("mục", "phần").
//!
//! A stop-gap until `crate::outline` lands: it finds heading lines numbered the usual way in
//! plans ("II." Roman for parts, "3." Arabic for items, "a)" letters for sub-items) and cuts
//! the text at each of them. The pieces partition the text: every byte is in exactly one
//! section, the text before the first heading is the section with the empty path. Only
//! [`split`] is used by the index, so the outline can replace it without other changes.
//! It does no I/O, never panics, and knows nothing of tantivy.

/// One piece of a document: its outline path ("II.3.a", "" before the first heading), the
/// heading line as written, and its byte range in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub path: String,
    pub heading: String,
    pub start: usize,
    pub end: usize,
}

/// Split `text` into sections (at least one; empty text gives one empty section).
pub fn split(text: &str) -> Vec<Section> {
    let mut out = vec![Section {
        path: String::new(),
        heading: String::new(),
        start: 0,
        end: text.len(),
    }];
    // Current numbering at each level: Roman, Arabic, letter.
    let mut levels: [Option<String>; 3] = [None, None, None];
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some((level, label)) = heading(line) {
            levels[level] = Some(label);
            for l in levels.iter_mut().skip(level + 1) {
                *l = None;
            }
            let path: Vec<&str> = levels.iter().flatten().map(String::as_str).collect();
            if let Some(last) = out.last_mut() {
                last.end = line_start;
            }
            out.push(Section {
                path: path.join("."),
                heading: crate::normalize::clean(line),
                start: line_start,
                end: text.len(),
            });
        }
        line_start += line.len();
    }
    // Drop an empty preamble (a document that starts with a heading).
    if out.len() > 1 && text[out[0].start..out[0].end].trim().is_empty() {
        out.remove(0);
    }
    out
}

/// The level (0 Roman, 1 Arabic, 2 letter) and label of a heading line, if it is one.
fn heading(line: &str) -> Option<(usize, String)> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '#');
    let label_end = t.find(['.', ')'])?;
    let (label, rest) = t.split_at(label_end);
    let sep = rest.chars().next()?;
    let after = rest[1..].trim_start_matches([' ', '*', '\t']);
    // The heading text must start with a letter right after the label and a space.
    let starts_with_letter = after.chars().next().is_some_and(char::is_alphabetic);
    if !starts_with_letter || rest[1..].len() == after.len() {
        return None;
    }
    if sep == '.' && is_roman(label) {
        return Some((0, label.to_string()));
    }
    if sep == '.' && (1..=2).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()) {
        return Some((1, label.to_string()));
    }
    if sep == ')' && label.chars().count() == 1 && label.chars().all(|c| c.is_lowercase()) {
        return Some((2, label.to_string()));
    }
    None
}

fn is_roman(s: &str) -> bool {
    (1..=5).contains(&s.len()) && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got = split(text);
        let paths: Vec<(&str, &str)> = got
            .iter()
            .map(|s| (s.path.as_str(), &text[s.start..s.end]))
            .collect();
        assert_eq!(paths, expected, "split({text:?})");
        // The sections partition the text.
        assert_eq!(got.first().map(|s| s.start), Some(0));
        assert_eq!(got.last().map(|s| s.end), Some(text.len()));
        for w in got.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }

    #[test]
    fn split_table() {
        check("", &[("", "")]);
        check("no headings\n", &[("", "no headings\n")]);
        check(
            "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Mục đích\nx\n2. Yêu cầu\n2024. Tập trung\nII. NHIỆM VỤ\na) Một\n",
            &[
                ("", "KẾ HOẠCH\n"),
                ("I", "I. MỤC ĐÍCH\n"),
                ("I.1", "1. Mục đích\nx\n"),
                ("I.2", "2. Yêu cầu\n2024. Tập trung\n"),
                ("II", "II. NHIỆM VỤ\n"),
                ("II.a", "a) Một\n"),
            ],
        );
        check(
            "   **III. GIẢI PHÁP**\n 1.5 triệu\nx) y\n",
            &[
                ("III", "   **III. GIẢI PHÁP**\n 1.5 triệu\n"),
                ("III.x", "x) y\n"),
            ],
        );
    }
}
