//! Rules on the written text around citations, for defects the extractor cannot read as a
//! citation or a date: malformed dates ("ngày 31 năm 12 năm 2020", "ngày 15 tháng 9 tháng
//! 2022", "năm 20225", "ngày14/5/2013", "ngày ngày 01/4/2025", "ngày 21/11 /2025", "ngày 15
//! tháng 2022", C0211), one date written twice in a row ("ngày 31/12/2014 ngày 31/12/2014",
//! C0213),
//! impossible dates written in words ("ngày 31 tháng 02 năm 2020", C0202) and a truncated
//! year in a number ("15/202 /QĐ-UBND", C0113). Each fix touches only the miswritten piece
//! and is offered only where one reading exists.
//!
//! No I/O; never panics (every span comes from a regex match on the original text).

use super::rules;
use super::{diag, suggest, Ctx};
use crate::diag::Diagnostic;
use crate::messages as m;
use crate::model::{days_in_month, Date};
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("the text rules' patterns compile"))
}

/// "ngày 31 năm 12 năm 2020": "năm" where the month goes.
fn month_as_year() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)ngày[ \t]+(\d{1,2})[ \t]+(năm)[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})(?-u:\b)",
    )
}

/// "ngày14/5/2013": the date's digits glued to "ngày".
fn glued_day() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(ngày)\d{1,2}(?:/\d{1,2}/\d{4}|[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4})(?-u:\b)",
    )
}

/// "ngày 15 tháng 9 tháng 2022": "tháng" where the year's word goes.
fn year_as_month() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)ngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}(?:[ \t]*\r?\n)?[ \t]*(tháng)[ \t]+\d{4}(?-u:\b)",
    )
}

/// "ngày ngày 01/4/2025": the word "ngày" written twice before a date's digits ("ngày ngày"
/// followed by a word is "day after day", not a date).
fn doubled_day() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(ngày)(?:[ \t]*\r?\n)?[ \t]*(ngày)[ \t]+\d",
    )
}

/// "ngày 21/11 /2025", "01/ 4/2025": white space beside a slash of a date written in digits.
/// Checked in code: some space, a day and month that exist, not inside a longer number.
fn spaced_date() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?-u:\b)(\d{1,2})[ \t]*/[ \t]*(\d{1,2})[ \t]*/[ \t]*((?:19|20)\d{2})(?-u:\b)",
    )
}

/// "ngày 15 tháng 2022", "ngày 15 tháng năm 2022", "ngày 15 năm 2022": a day and a year
/// with the month missing between them.
fn missing_month() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)ngày[ \t]+\d{1,2}[ \t]+(?:tháng[ \t]+(?:năm[ \t]+)?|năm[ \t]+)((?:19|20)\d{2})(?-u:\b)",
    )
}

/// A date in words, its words and numbers with or without the space between them
/// ("ngày 01 tháng12 năm 2025"), to find "tháng" or "năm" glued to its number.
fn loose_worded_date() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)ngày(?:[ \t]+|[ \t]*\r?\n[ \t]*)\d{1,2}[ \t]+(tháng)[ \t]*\d{1,2}[ \t]+(năm)[ \t]*\d{4}(?-u:\b)",
    )
}

/// A date in words right after a citation, without "ngày" ("Nghị định số 25/2022/NĐ-CP 12
/// tháng 4 năm 2022"): group 1 is the day.
fn date_without_day_word() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^[ \t]+(\d{1,2})[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4}(?-u:\b)",
    )
}

/// A date written after "ngày", then at once the same date again ("ngày 31/12/2014 ngày
/// 31/12/2014", "ngày 31/12/2014, 31/12/2014"): groups 1-3 and 6-8 are the two dates' day,
/// month and year, group 4 what stands between them.
fn repeated_date() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)ngày[ \t]+(\d{1,2})(?:[ \t]+tháng[ \t]+|/|-|\.)(\d{1,2})(?:[ \t]+năm[ \t]+|/|-|\.)(\d{4})(?-u:\b)([ \t]*,?[ \t]*)((?:ngày[ \t]+)?(\d{1,2})(?:[ \t]+tháng[ \t]+|/|-|\.)(\d{1,2})(?:[ \t]+năm[ \t]+|/|-|\.)(\d{4}))(?-u:\b)",
    )
}

/// A technical regulation's code with something else than ':' between its number and its
/// year: "QCVN 01 - 2008/BLĐTBXH", "QCVN: 02/2019/BLĐTBXH", or a ':' with a stray space
/// ("QCVN 06: 2020/BGTVT", "QCVN 19 : 2016/BCT"). A hyphen that numbers a part of a series
/// ("QCVN 01-99:2012/BNNPTNT") is followed by the part's number and ':', not a year and
/// '/', and does not match. The issuer is checked in code (a known issuer code, not
/// followed by '-': "QCVN 03/2019/TT-BYT" is a circular's number after a label).
fn regulation_code() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?-u:\b)QCVN(?::[ \t]*|[ \t]+)(\d{1,3})(?:[ \t]*(?:-|/|–)[ \t]*|[ \t]+:[ \t]*|:[ \t]+)((?:19|20)\d{2})/(\p{Lu}[\p{L}&]{1,11})(?-u:\b)",
    )
}

/// A year of five or more digits after a month: "tháng 3 năm 20225", "15/3/20225".
fn long_year() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?:(?:(?-u:\b)ngày[ \t]+(\d{1,2})[ \t]+)?(?-u:\b)tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+|(?-u:\b)ngày[ \t]+(\d{1,2})/(\d{1,2})/)(\d{5,6})(?-u:\b)",
    )
}

/// A date in words or digits after "ngày", to test that it exists.
fn worded_date() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)ngày[ \t]+(\d{1,2})(?:[ \t]+tháng[ \t]+|/)(\d{1,2})(?:[ \t]+năm[ \t]+|/)(\d{4})(?-u:\b)",
    )
}

/// "15/202 /QĐ-UBND": a number whose year has lost digits, then a state symbol.
fn short_year() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        // ASCII word boundaries only (a Unicode `\b` makes every search of a Vietnamese text
        // take the slow path); the symbol's end is checked in code.
        r"(?-u:\b)(\d{1,5})/((?:19|20)\d?)[ \t]*/[ \t]*([A-ZĐ]{1,6}-[A-ZĐa-z]{1,10})",
    )
}

/// A date or year right after a number ("ngày 03/4/2023", "ngày 3 tháng 4 năm 2023").
fn date_after() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^[^;\n]{0,60}?(?-u:\b)ngày[ \t]+\d{1,2}(?:[ \t]+tháng[ \t]+|/|-)\d{1,2}(?:[ \t]+năm[ \t]+|/|-)(\d{4})(?-u:\b)",
    )
}

/// "ngày 22/11/2019" or "ngày 08 tháng 6 năm 2018" right after a citation.
fn date_right_after() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^[ \t]*(?:\r?\n[ \t]*)?ngày[ \t]+(\d{1,2})(?:[ \t]+tháng[ \t]+|/|-)(\d{1,2})(?:[ \t]+năm[ \t]+|/|-)(\d{4})(?-u:\b)",
    )
}

/// The date written right after byte `end` ("Luật Quốc phòng số 22/2018/QH14 ngày 08 tháng
/// 6 năm 2018", where the extractor ends a law cited by name at its number), with its span.
pub fn date_right_after_at(text: &str, end: usize) -> Option<(Date, usize, usize)> {
    let after = text.get(end..)?;
    let c = date_right_after().captures(after)?;
    let all = c.get(0)?;
    let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
    let d = Date::new(num(3)? as i32, num(2)? as u8, num(1)? as u8)?;
    let lead = all.as_str().len() - all.as_str().trim_start().len();
    Some((d, end + lead, end + all.end()))
}

fn own_effect_clause() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\bnày\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+(\d{1,2})(?:\s+tháng\s+|/|-)(\d{1,2})(?:\s+năm\s+|/|-)(\d{4})(?-u:\b)",
    )
}

/// The day a document says it takes effect: its own clause on effect ("Nghị định này có
/// hiệu lực thi hành từ ngày 01 tháng 02 năm 2021", "Quyết định này có hiệu lực kể từ ngày
/// 15/12/2025"); "này" (this) tells its own clause from a cited instrument's. The first
/// such clause outside quoted text (`quoted`: an amending act's clause quoted in
/// “…” is not this document's); None when there is none.
pub fn own_effective_date(text: &str, quoted: impl Fn(usize) -> bool) -> Option<Date> {
    let c = own_effect_clause()
        .captures_iter(text)
        .find(|c| c.get(0).is_some_and(|m| !quoted(m.start())))?;
    let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
    Date::new(num(3)? as i32, num(2)? as u8, num(1)? as u8)
}

/// All text rules of one document.
pub fn check(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    regulation_codes(cx, out);
    malformed_dates(cx, out);
    repeated_dates(cx, out);
    impossible_dates(cx, out);
    truncated_years(cx, out);
}

/// C0116: a national technical regulation is coded "QCVN number:year/issuer" ("QCVN
/// 01:2008/BLĐTBXH"; Law on Standards and Technical Regulations 68/2006/QH11, Art. 3 and
/// its guidance on the sign of a regulation); the fix writes that form.
pub fn regulation_codes(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in regulation_code().captures_iter(cx.text) {
        let (Some(all), Some(n), Some(y), Some(who)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if cx.genre.english(all.start()) {
            continue;
        }
        // The issuer must be a known issuer code, and the code must end there.
        let issuer = crate::extract::Tables::builtin()
            .code(who.as_str())
            .is_some_and(|k| k.issuer);
        if !issuer || cx.text[all.end()..].starts_with(['-', '–']) {
            continue;
        }
        let proper = format!("QCVN {}:{}/{}", n.as_str(), y.as_str(), who.as_str());
        let shown = crate::normalize::clean(all.as_str());
        let help = cx.m(&m::WRITE, &[&proper]);
        let mut d = diag(
            &rules::REGULATION_CODE,
            cx.m(&m::M_REGULATION_CODE, &[&shown, &proper]),
            vec![cx.label(all.start(), all.end(), help.clone(), true)],
        );
        d.suggestion = Some(suggest(all.start(), all.end(), proper, help));
        out.push(d);
    }
}

/// C0211.
pub fn malformed_dates(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in month_as_year().captures_iter(cx.text) {
        let (Some(all), Some(word)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let tháng = m::s(cx.lang, &m::L_MONTH_WORD);
        let mut d = diag(
            &rules::MALFORMED_DATE,
            cx.m(&m::M_MALFORMED_DATE, &[&shown(all.as_str())]),
            vec![cx.label(word.start(), word.end(), tháng.clone(), true)],
        );
        let proper = if word.as_str().starts_with('N') {
            "Tháng"
        } else {
            "tháng"
        };
        d.suggestion = Some(suggest(word.start(), word.end(), proper.to_string(), tháng));
        out.push(d);
    }
    // "ngày14/5/2013": a date is written "ngày 14/5/2013" (Decree 30/2020/NĐ-CP, Appendix I:
    // "ngày ... tháng ... năm ..."); the fix adds the space.
    for c in glued_day().captures_iter(cx.text) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let help = cx.m(&m::WRITE, &[&format!("{} ", word.as_str())]);
        let mut d = diag(
            &rules::MALFORMED_DATE,
            cx.m(&m::M_GLUED_DAY, &[&shown(all.as_str())]),
            vec![cx.label(word.start(), word.end(), help.clone(), true)],
        );
        d.suggestion = Some(suggest(
            word.start(),
            word.end(),
            format!("{} ", word.as_str()),
            help,
        ));
        out.push(d);
    }
    for c in long_year().captures_iter(cx.text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(5)) else {
            continue;
        };
        // "năm 20237" in a gazette text is the year 2023 and the footnote mark 7 (PDF text
        // loses the superscript) when a line opens with that footnote's number.
        if footnote_mark(cx.text, &y.as_str()[4..]) {
            continue;
        }
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u8>().ok());
        let day = num(1).or(num(3));
        let month = num(2).or(num(4));
        let mut d = diag(
            &rules::MALFORMED_DATE,
            cx.m(&m::M_MALFORMED_DATE, &[&shown(all.as_str())]),
            vec![cx.label(
                y.start(),
                y.end(),
                cx.m(&m::L_YEAR_DIGITS, &[&y.as_str().len()]),
                true,
            )],
        );
        if let Some(year) = day
            .zip(month)
            .and_then(|(dd, mm)| year_reading(cx, y.as_str(), dd, mm))
        {
            let help = cx.m(&m::WRITE, &[&year]);
            d.notes.push(cx.m(&m::N_YEAR_ELSEWHERE, &[&year]));
            d.suggestion = Some(suggest(y.start(), y.end(), year.to_string(), help));
        }
        out.push(d);
    }
    malformed_date_shapes(cx, out);
}

/// C0211, the shapes seen in 2025 documents: "tháng" written for "năm", "ngày" written
/// twice, white space inside a date in digits, the month missing. Each fix, where one is
/// offered, rewrites only the miswritten piece.
fn malformed_date_shapes(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut push =
        |all: (usize, usize), label: (usize, usize), text: String, fix: Option<String>| {
            if cx.genre.english(all.0) {
                return;
            }
            let mut d = diag(
                &rules::MALFORMED_DATE,
                cx.m(&m::M_MALFORMED_DATE, &[&shown(cx.slice(all.0, all.1))]),
                vec![cx.label(label.0, label.1, text.clone(), true)],
            );
            if let Some(r) = fix {
                d.suggestion = Some(suggest(label.0, label.1, r, text));
            }
            out.push(d);
        };
    // "ngày 15 tháng 9 tháng 2022": the second "tháng" stands where "năm" goes.
    for c in year_as_month().captures_iter(cx.text) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let proper = if word.as_str().starts_with('T') {
            "Năm"
        } else {
            "năm"
        };
        push(
            (all.start(), all.end()),
            (word.start(), word.end()),
            m::s(cx.lang, &m::L_YEAR_WORD),
            Some(proper.to_string()),
        );
    }
    // "ngày ngày 01/4/2025": the second word goes.
    for c in doubled_day().captures_iter(cx.text) {
        let (Some(first), Some(second)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // Across a line break (text from a PDF) the fix would lose the break: none.
        let across = cx.slice(first.end(), second.start()).contains('\n');
        push(
            (first.start(), second.end()),
            (first.start(), second.end()),
            cx.m(&m::WRITE, &[&first.as_str()]),
            (!across).then(|| first.as_str().to_string()),
        );
    }
    // "ngày 21/11 /2025": the spaces go.
    for c in spaced_date().captures_iter(cx.text) {
        let (Some(all), Some(day), Some(month), Some(year)) =
            (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let written = all.as_str();
        if !written.contains([' ', '\t']) {
            continue;
        }
        // Not inside a longer number ("12/ 3/2025/QĐ", "1.2/3/2025") nor a range of numbers.
        let before = cx.text[..all.start()].chars().next_back();
        let after = cx.text[all.end()..].chars().next();
        if before.is_some_and(|ch| matches!(ch, '/' | '.' | ',' | '-'))
            || after.is_some_and(|ch| matches!(ch, '/' | '-') || ch.is_alphanumeric())
        {
            continue;
        }
        let (d, mo) = (
            day.as_str().parse::<u32>().unwrap_or(0),
            month.as_str().parse::<u32>().unwrap_or(0),
        );
        if !(1..=31).contains(&d) || !(1..=12).contains(&mo) {
            continue;
        }
        // A space only before the year, without "ngày" before the date on its line, is how
        // a table cell of a PDF wraps ("trước ngày \n01/01/ 1945"), not a slip.
        let mut from = all.start().saturating_sub(16);
        while !cx.text.is_char_boundary(from) {
            from += 1;
        }
        let tail = cx.text[from..all.start()].trim_end_matches([' ', '\t']);
        let after_day_word = ["ngày", "Ngày", "NGÀY"].iter().any(|w| tail.ends_with(w));
        let head = &cx.text[day.start()..month.end()];
        if !after_day_word && !head.contains([' ', '\t']) {
            continue;
        }
        let proper = format!("{}/{}/{}", day.as_str(), month.as_str(), year.as_str());
        push(
            (all.start(), all.end()),
            (all.start(), all.end()),
            cx.m(&m::WRITE, &[&proper]),
            Some(proper),
        );
    }
    // "ngày 01 tháng12 năm 2025": a space goes after "tháng" (and "năm") glued to the
    // number, as after "ngày" ("ngày14/5/2013" above).
    for c in loose_worded_date().captures_iter(cx.text) {
        let (Some(all), Some(month), Some(year)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let glued = |w: regex::Match| {
            cx.text[w.end()..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
        };
        let words: Vec<regex::Match> = [month, year].into_iter().filter(|w| glued(*w)).collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let mut proper = String::new();
        let mut at = first.start();
        for w in &words {
            proper.push_str(&cx.text[at..w.end()]);
            proper.push(' ');
            at = w.end();
        }
        push(
            (all.start(), all.end()),
            (first.start(), last.end()),
            cx.m(&m::WRITE, &[&proper.trim_end()]),
            Some(proper),
        );
    }
    // "Nghị định số 25/2022/NĐ-CP 12 tháng 4 năm 2022": "ngày" goes before the day.
    for c in &cx.ex.citations {
        if c.canonical.is_none() || c.date.is_some() {
            continue;
        }
        let Some(after) = cx.text.get(c.end..) else {
            continue;
        };
        let Some(x) = date_without_day_word().captures(after) else {
            continue;
        };
        let (Some(all), Some(day)) = (x.get(0), x.get(1)) else {
            continue;
        };
        let (start, end) = (c.end + day.start(), c.end + day.end());
        push(
            (start, c.end + all.end()),
            (start, end),
            cx.m(&m::WRITE, &[&format!("ngày {}", day.as_str())]),
            Some(format!("ngày {}", day.as_str())),
        );
    }
    // "ngày 15 tháng 2022": which month is meant has to be looked up.
    for c in missing_month().captures_iter(cx.text) {
        let (Some(all), Some(year)) = (c.get(0), c.get(1)) else {
            continue;
        };
        push(
            (all.start(), all.end()),
            (year.start(), year.end()),
            m::s(cx.lang, &m::L_NO_MONTH),
            None,
        );
    }
}

/// C0213: "Quyết định số 55/2014/QĐ-UBND ngày 31/12/2014 ngày 31/12/2014": one date
/// written twice in a row (a copy-paste slip); the fix takes the second one away, with what
/// stands between them.
pub fn repeated_dates(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in repeated_date().captures_iter(cx.text) {
        let (Some(all), Some(gap), Some(second)) = (c.get(0), c.get(4), c.get(5)) else {
            continue;
        };
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
        let same = [(1, 6), (2, 7), (3, 8)]
            .iter()
            .all(|&(a, b)| num(a).is_some() && num(a) == num(b));
        if !same || cx.genre.english(all.start()) {
            continue;
        }
        let help = m::s(cx.lang, &m::L_REPEATED_DATE);
        let mut d = diag(
            &rules::REPEATED_DATE,
            cx.m(
                &m::M_REPEATED_DATE,
                &[&shown(cx.slice(all.start(), all.end()))],
            ),
            vec![cx.label(second.start(), second.end(), help.clone(), true)],
        );
        d.suggestion = Some(suggest(gap.start(), second.end(), String::new(), help));
        out.push(d);
    }
}

/// The year a five-digit year ("20/11/20225") stands for, when one reading exists: a year
/// made by dropping one of its digits that the document gives to the same day and month
/// elsewhere (its own date, or a date it cites: "Kèm theo Quyết định số 1505/QĐ-UBND ngày
/// 20/11/20225" in the annex of that decision of 20/11/2025).
fn year_reading(cx: &Ctx, written: &str, day: u8, month: u8) -> Option<i32> {
    if written.len() != 5 {
        return None;
    }
    let mut candidates: Vec<i32> = (0..written.len())
        .filter_map(|i| {
            format!("{}{}", &written[..i], &written[i + 1..])
                .parse()
                .ok()
        })
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut seen: Vec<i32> = std::iter::once(cx.ex.header.date)
        .chain(cx.ex.citations.iter().map(|c| c.date))
        .flatten()
        .filter(|d| d.day == day && d.month == month && candidates.contains(&d.year))
        .map(|d| d.year)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    match seen[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// A matched piece as a message quotes it: white space runs, line breaks included, as one
/// space.
fn shown(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether some line opens with `mark` and then a capitalised word (a footnote's text).
fn footnote_mark(text: &str, mark: &str) -> bool {
    text.lines().any(|l| {
        l.trim_start()
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_prefix([' ', '\t']))
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// C0202 for dates the extractor did not attach to a citation.
pub fn impossible_dates(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in worded_date().captures_iter(cx.text) {
        let Some(all) = c.get(0) else { continue };
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<i32>().ok());
        let (Some(day), Some(month), Some(year)) = (num(1), num(2), num(3)) else {
            continue;
        };
        let exists = (1..=12).contains(&month)
            && day >= 1
            && day <= i32::from(days_in_month(year, month as u8));
        if exists {
            continue;
        }
        // Already reported on the citation it belongs to.
        let on_citation = cx.ex.citations.iter().any(|x| {
            x.invalid_date.is_some() && x.start <= all.start() && all.start() < x.end.max(1)
        });
        if on_citation {
            continue;
        }
        out.push(diag(
            &rules::IMPOSSIBLE_DATE,
            cx.m(&m::M_IMPOSSIBLE, &[&all.as_str()]),
            vec![cx.label(
                all.start(),
                all.end(),
                m::s(cx.lang, &m::L_NO_SUCH_DAY),
                true,
            )],
        ));
    }
}

/// C0113: "15/202 /QĐ-UBND ngày 03/4/2023" → "15/2023/QĐ-UBND".
pub fn truncated_years(cx: &Ctx, out: &mut Vec<Diagnostic>) {
    for c in short_year().captures_iter(cx.text) {
        let (Some(all), Some(num), Some(y), Some(sym)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        // The symbol ends at the end of a word (what a trailing `\b` would say).
        if cx.text[all.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let t = crate::extract::Tables::builtin();
        let ty = sym.as_str().split('-').next().unwrap_or("");
        if t.code(ty).is_none_or(|k| k.kind.is_none()) {
            continue;
        }
        let mut d = diag(
            &rules::TRUNCATED_YEAR,
            cx.m(&m::M_TRUNCATED_YEAR, &[&all.as_str()]),
            vec![cx.label(all.start(), all.end(), String::new(), true)],
        );
        let after = cx.text.get(all.end()..).unwrap_or("");
        let year = date_after()
            .captures(after)
            .and_then(|x| x.get(1))
            .map(|x| x.as_str().to_string());
        if let Some(full) = year.filter(|full| full.starts_with(y.as_str())) {
            let fixed = format!("{}/{full}/{}", num.as_str(), sym.as_str());
            d.notes.push(cx.m(&m::N_YEAR_FROM_DATE, &[&full]));
            if let Some(l) = d.labels.first_mut() {
                l.message = cx.m(&m::WRITE, &[&fixed]);
            }
            d.suggestion = Some(suggest(
                all.start(),
                all.end(),
                fixed.clone(),
                cx.m(&m::WRITE, &[&fixed]),
            ));
        }
        out.push(d);
    }
}
