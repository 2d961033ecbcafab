//! What kind of text a citation sits in, so rules know the era and the genre: quoted text
//! (“...”, another document's words: its dates are not this document's), English passages
//! (translations, where "ND-CP" is normal), and the numbering era of an instrument
//! (before 2009 numbers often carry no year). The facts (English words, National Assembly
//! terms, the era's first year) are data in `corpus/check.toml`.
//!
//! No I/O; never panics.

use std::sync::OnceLock;

const CHECK_TOML: &str = include_str!("../../corpus/check.toml");

/// The facts of `corpus/check.toml`.
#[derive(Debug, serde::Deserialize)]
pub struct Facts {
    pub assembly_term: Vec<AssemblyTerm>,
    pub numbering: Numbering,
    pub english: English,
    pub time: TimeWords,
    pub issuers: IssuerFacts,
    pub issuer_codes: IssuerCodes,
    pub law_dates: LawDates,
}

/// Dates of laws cited by name (C0214): see `[law_dates]` in corpus/check.toml.
#[derive(Debug, serde::Deserialize)]
pub struct LawDates {
    /// Days after passing within which a law is promulgated (its order's date).
    pub promulgation_days: i64,
    #[allow(dead_code)]
    pub verified: bool,
}

/// Issuer-code practice (C0114, C0115, C0212): see `[issuer_codes]` in corpus/check.toml.
#[derive(Debug, serde::Deserialize)]
pub struct IssuerCodes {
    /// The shortest known code a near miss is measured against.
    pub near_miss_min: usize,
    /// Type codes of circulars ("TT", "TTLT").
    pub circular_types: Vec<String>,
    /// The first letter of a ministry's code ("B").
    pub ministry_letter: String,
    /// The first letter of a province's department's code ("S").
    pub department_letter: String,
    /// Endings of Party bodies' codes that name the committee ("TW", "TU", "HU").
    pub party_level_suffixes: Vec<String>,
    /// Endings of Party and Youth Union body codes numbered the Party's way ("TU", "ĐTN").
    pub party_body_endings: Vec<String>,
    /// The National Assembly's bodies in its symbols ("UBTVQH", "QH").
    pub assembly_bodies: Vec<String>,
    #[allow(dead_code)]
    pub verified: bool,
}

/// Who is bound by the numbering rules.
#[derive(Debug, serde::Deserialize)]
pub struct IssuerFacts {
    /// Folded openings of issuers' names that are not state or Party bodies ("cong ty").
    pub non_state: Vec<String>,
    #[allow(dead_code)]
    pub verified: bool,
}

#[derive(Debug, serde::Deserialize)]
pub struct TimeWords {
    pub passing: Vec<String>,
    pub consolidated_heading: String,
    pub consolidated_formula: String,
    pub consolidated_symbol: String,
}

/// One National Assembly term and the years it sits (both ends included).
#[derive(Debug, serde::Deserialize)]
pub struct AssemblyTerm {
    pub term: u32,
    pub from: i32,
    pub to: i32,
    #[allow(dead_code)]
    pub verified: bool,
}

#[derive(Debug, serde::Deserialize)]
pub struct Numbering {
    /// The first year of today's numbering rules.
    pub modern_from: i32,
    /// Issuer codes of bodies that existed only before it ("HĐNN7", "HĐBT").
    pub old_issuers: Vec<String>,
    /// The last year a bare "-CT" named the Chairman of the Council of Ministers.
    pub chairman_ct_until: i32,
    /// The day the National Assembly's symbols lost their type code ([year, month, day]).
    pub assembly_symbol_from: [i32; 3],
    #[allow(dead_code)]
    pub verified: bool,
}

#[derive(Debug, serde::Deserialize)]
pub struct English {
    pub words: Vec<String>,
    pub min_words: usize,
}

/// The compiled-in facts.
pub fn facts() -> &'static Facts {
    static F: OnceLock<Facts> = OnceLock::new();
    F.get_or_init(|| {
        toml::from_str(CHECK_TOML).expect("corpus/check.toml parses (checked by tests)")
    })
}

/// The terms whose years include `year` (one, or two in a boundary year).
pub fn terms_of_year(year: i32) -> Vec<u32> {
    facts()
        .assembly_term
        .iter()
        .filter(|t| t.from <= year && year <= t.to)
        .map(|t| t.term)
        .collect()
}

/// The years of a term, "2016–2021" ("2026–" for the sitting one).
pub fn term_years(term: u32) -> Option<String> {
    let t = facts().assembly_term.iter().find(|t| t.term == term)?;
    Some(if t.to >= 9999 {
        format!("{}–", t.from)
    } else {
        format!("{}–{}", t.from, t.to)
    })
}

/// Whether an instrument of `year` predates today's numbering rules.
pub fn old_numbering(year: i32) -> bool {
    year < facts().numbering.modern_from
}

/// Whether a symbol names a body that existed only before today's numbering
/// ("LCT/HĐNN7": the Council of State of the 7th term).
pub fn old_issuer(symbol: &str) -> bool {
    symbol.split(['-', '/']).skip(1).any(|code| {
        facts()
            .numbering
            .old_issuers
            .iter()
            .any(|o| code.starts_with(o.as_str()))
    })
}

/// The genre of every part of one text.
#[derive(Debug, Default, Clone)]
pub struct Genre {
    /// Byte ranges inside curly quotes “...”.
    quoted: Vec<(usize, usize)>,
    /// Byte ranges of English lines.
    english: Vec<(usize, usize)>,
    /// A consolidated text ("văn bản hợp nhất").
    pub consolidated: bool,
}

/// Words only, one space between them.
/// Words joined by single spaces, with each colon kept as a word of its own.
fn words_and_colons(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ':' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .replace(':', " : ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest quotation looked for (an amending document quotes whole articles).
const MAX_QUOTE: usize = 20_000;

impl Genre {
    pub fn of(text: &str) -> Genre {
        let mut top = text.len().min(3000);
        while !text.is_char_boundary(top) {
            top -= 1;
        }
        let t = &facts().time;
        let heading = text[..top].lines().any(|l| {
            let f = crate::normalize::fold_key(l);
            f.trim().starts_with(t.consolidated_heading.as_str()) && l.contains("HỢP NHẤT")
        });
        let folded = crate::normalize::fold_key(&text[..top]);
        // The formula introduces the list of amending texts, so a colon follows it; a
        // preamble's "Căn cứ Luật …, được sửa đổi, bổ sung bởi Luật số …" has none.
        let formula = words_and_colons(&folded).contains(&format!("{} :", t.consolidated_formula));
        // A consolidated text's own number carries the symbol VBHN ("Số: 12/VBHN-BTC").
        let own_number = text[..top].lines().any(|l| {
            let l = crate::normalize::fold_key(l);
            let l = l.trim_start_matches(|c: char| !c.is_alphanumeric());
            l.starts_with("so") && l.contains(t.consolidated_symbol.as_str())
        });
        Genre {
            quoted: quoted_ranges(text),
            english: english_lines(text),
            consolidated: heading || formula || own_number,
        }
    }

    /// Whether `pos` lies in quoted text.
    pub fn quoted(&self, pos: usize) -> bool {
        inside(&self.quoted, pos)
    }

    /// Whether `pos` lies in an English passage.
    pub fn english(&self, pos: usize) -> bool {
        inside(&self.english, pos)
    }
}

/// Whether `pos` lies in one of `ranges`, sorted and not overlapping (as both lists are
/// built): a binary search, not a scan (a rule asks once per citation).
fn inside(ranges: &[(usize, usize)], pos: usize) -> bool {
    let i = ranges.partition_point(|&(s, _)| s <= pos);
    i > 0 && pos < ranges[i - 1].1
}

/// `char::is_alphanumeric`, answered without a table lookup for ASCII and the Latin blocks
/// Vietnamese is written in (every char of U+00C0–U+024F but × and ÷, and U+1E00–U+1EFF,
/// is a letter; a test compares it with the standard library on every char).
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('“') {
        let open = from + i;
        let body = open + '“'.len_utf8();
        let limit = (body + MAX_QUOTE).min(text.len());
        let mut lim = limit;
        while !text.is_char_boundary(lim) {
            lim -= 1;
        }
        match text[body..lim].find('”') {
            Some(j) => {
                let close = body + j + '”'.len_utf8();
                out.push((open, close));
                from = close;
            }
            None => from = body,
        }
    }
    out
}

/// An ASCII word of at most 16 bytes, lowercased, as one number (bytes big-endian, so
/// words compare as numbers).
fn packed(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (b, x) in buf.iter_mut().zip(w) {
        *b = x.to_ascii_lowercase();
    }
    Some(u128::from_be_bytes(buf))
}

/// The English words of `corpus/check.toml`, lowercased and packed ([`packed`]), sorted for
/// a binary search; and whether some word is too long to pack (then those are compared
/// as text).
fn english_words() -> &'static (Vec<u128>, bool) {
    static W: OnceLock<(Vec<u128>, bool)> = OnceLock::new();
    W.get_or_init(|| {
        let words = &facts().english.words;
        let mut w: Vec<u128> = words.iter().filter_map(|x| packed(x.as_bytes())).collect();
        w.sort_unstable();
        w.dedup();
        (w, words.iter().any(|x| x.len() > 16))
    })
}

/// Whether the ASCII word `w` is one of the English words (any case).
fn english_word(w: &str) -> bool {
    let (set, long) = english_words();
    match packed(w.as_bytes()) {
        Some(p) => !w.is_empty() && set.binary_search(&p).is_ok(),
        None => {
            *long
                && facts()
                    .english
                    .words
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(w))
        }
    }
}

/// The char starting at byte `i` of `s` and its length (`s` is valid UTF-8; `i` a char
/// boundary).
fn char_at(s: &str, i: usize) -> (char, usize) {
    let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
    (c, c.len_utf8().max(1))
}

/// English words and words with non-ASCII letters in one line: one pass over its bytes,
/// words being runs of [`is_word_char`] (as `split` by it would cut them).
fn line_counts(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let (mut en, mut vi) = (0, 0);
    let mut count = |w: &str, ascii: bool| {
        if !ascii {
            vi += 1;
        } else if english_word(w) {
            en += 1;
        }
    };
    let mut start: Option<usize> = None;
    let mut ascii = true;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (word, len) = if x < 0x80 {
            (x.is_ascii_alphanumeric(), 1)
        } else {
            let (c, len) = char_at(line, i);
            (is_word_char(c), len)
        };
        if word {
            if start.is_none() {
                start = Some(i);
                ascii = true;
            }
            ascii &= x < 0x80;
        } else if let Some(s) = start.take() {
            count(&line[s..i], ascii);
        }
        i += len;
    }
    if let Some(s) = start {
        count(&line[s..], ascii);
    }
    (en, vi)
}

/// Lines judged English, each with its neighbours as context (PDF text wraps short lines).
fn english_lines(text: &str) -> Vec<(usize, usize)> {
    let f = facts();
    let mut lines: Vec<(usize, usize, usize, usize)> = Vec::new(); // (start, end, en, vi)
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let (en, vi) = line_counts(line);
        lines.push((start, end, en, vi));
        start = end;
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, &(s, e, en, vi)) in lines.iter().enumerate() {
        if en == 0 {
            continue;
        }
        let lo = i.saturating_sub(1);
        let hi = (i + 2).min(lines.len());
        let (en_w, vi_w) = lines[lo..hi]
            .iter()
            .fold((0, 0), |(a, b), l| (a + l.2, b + l.3));
        let alone = en >= f.english.min_words && en > vi;
        let with_neighbours = en_w >= f.english.min_words && en_w > vi_w && en >= vi;
        if alone || with_neighbours {
            out.push((s, e));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_eras() {
        let rows = [
            (2018, vec![14]),
            (2016, vec![13, 14]),
            (2002, vec![10, 11]),
            (2024, vec![15]),
            (2027, vec![16]),
            (1990, vec![]),
        ];
        for (y, want) in rows {
            assert_eq!(terms_of_year(y), want, "{y}");
        }
        assert_eq!(term_years(14).as_deref(), Some("2016–2021"));
        assert_eq!(term_years(16).as_deref(), Some("2026–"));
        assert!(old_numbering(1985) && !old_numbering(2009));
        assert!(old_issuer("LCT/HĐNN7") && old_issuer("CT-HĐBT"));
        assert!(!old_issuer("NĐ-CP") && !old_issuer("HĐNN7"));
    }

    /// Regression: a preamble's "Căn cứ Luật …, được sửa đổi, bổ sung bởi Luật số …" took 110
    /// of 528 real documents for consolidated texts, and no time rule ran on them.
    #[test]
    fn consolidated_texts_and_preambles_that_name_amendments() {
        // (text, consolidated)
        let rows = [
            ("BỘ LAO ĐỘNG\nVĂN BẢN HỢP NHẤT -\nNghị định ...", true),
            ("Căn cứ văn bản hợp nhất số 12/VBHN-BTC;", false),
            (
                "NGHỊ ĐỊNH\nNghị định số 51/2016/NĐ-CP, có hiệu lực từ ngày 01/8/2016, được sửa đổi, bổ sung bởi:\n",
                true,
            ),
            ("BỘ TÀI CHÍNH\nSố: 12/VBHN-BTC\nThông tư số 01/2020/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 69/2023/TT-BTC", true),
            (
                "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 được sửa đổi, bổ sung bởi Luật số 47/2019/QH14;",
                false,
            ),
            ("Căn cứ Luật Đầu tư công số 39/2019/QH14, được sửa đổi, bổ sung bởi\nLuật số 64/2020/QH14;", false),
            ("UBND TỈNH\nSố: 12/KH-UBND\nCăn cứ Luật Đất đai được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;", false),
        ];
        for (text, want) in rows {
            assert_eq!(Genre::of(text).consolidated, want, "{text}");
        }
    }

    #[test]
    fn word_chars_are_the_standard_librarys() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn english_words_in_any_case() {
        // (word, English)
        let rows = [
            ("the", true),
            ("The", true),
            ("THE", true),
            ("thao", false),
            ("", false),
            ("pursuant", true),
            (
                "a-very-long-word-that-is-longer-than-any-english-word",
                false,
            ),
        ];
        for (w, want) in rows {
            let slow = facts()
                .english
                .words
                .iter()
                .any(|x| x.eq_ignore_ascii_case(w));
            assert_eq!(english_word(w), slow, "{w}");
            assert_eq!(english_word(w), want, "{w}");
        }
    }

    #[test]
    fn line_counts_are_the_word_splits() {
        let slow = |line: &str| {
            let (mut en, mut vi) = (0, 0);
            for w in line.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                if !w.is_ascii() {
                    vi += 1;
                } else if facts()
                    .english
                    .words
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(w))
                {
                    en += 1;
                }
            }
            (en, vi)
        };
        // (line, English words, Vietnamese words)
        let rows = [
            ("", 0, 0),
            (
                "Pursuant to Decree No. 15/2020/ND-CP of the Government;\n",
                7,
                0,
            ),
            (
                "Căn cứ Nghị định số 15/2020/ND-CP của Chính phủ về the thao;",
                1,
                9,
            ),
            ("THE×of÷and “the” Đường–thể\u{a0}THỂ ǀthe", 4, 4),
            ("word\u{301}s the\u{2003}of 1ª 2² Ⅻ the", 3, 3),
        ];
        for (line, en, vi) in rows {
            assert_eq!(line_counts(line), slow(line), "{line:?}");
            assert_eq!(line_counts(line), (en, vi), "{line:?}");
        }
    }

    #[test]
    fn inside_sorted_ranges() {
        // (ranges, pos, inside)
        type Ranges<'a> = &'a [(usize, usize)];
        let rows: [(Ranges, usize, bool); 7] = [
            (&[], 0, false),
            (&[(2, 5)], 1, false),
            (&[(2, 5)], 2, true),
            (&[(2, 5)], 4, true),
            (&[(2, 5)], 5, false),
            (&[(2, 5), (5, 9), (20, 30)], 5, true),
            (&[(2, 5), (6, 9), (20, 30)], 10, false),
        ];
        for (ranges, pos, want) in rows {
            let slow = ranges.iter().any(|&(s, e)| s <= pos && pos < e);
            assert_eq!(inside(ranges, pos), slow, "{ranges:?} {pos}");
            assert_eq!(inside(ranges, pos), want, "{ranges:?} {pos}");
        }
    }

    #[test]
    fn quoted_and_english_passages() {
        // (text, needle, quoted, english)
        let rows = [
            (
                "Sửa đổi khoản 2 như sau: “căn cứ Nghị định 15/2020/NĐ-CP ngày 03/02/2020”.",
                "15/2020",
                true,
                false,
            ),
            (
                "Căn cứ Nghị định 15/2020/NĐ-CP ngày 03/02/2020;",
                "15/2020",
                false,
                false,
            ),
            (
                "Pursuant to Decree No. 15/2020/ND-CP dated February 3, 2020 of the Government;",
                "15/2020",
                false,
                true,
            ),
            // One English word in a Vietnamese line is not an English passage.
            (
                "Căn cứ Nghị định số 15/2020/ND-CP của Chính phủ về the thao;",
                "15/2020",
                false,
                false,
            ),
            // An unclosed quote quotes nothing.
            ("“Căn cứ Nghị định 15/2020/NĐ-CP", "15/2020", false, false),
        ];
        for (text, needle, q, en) in rows {
            let g = Genre::of(text);
            let at = text.find(needle).unwrap();
            assert_eq!(g.quoted(at), q, "{text}");
            assert_eq!(g.english(at), en, "{text}");
        }
    }
}
