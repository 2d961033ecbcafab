//! Building replacements that touch as little as possible, applying them to a text, and
//! showing them as a unified diff.
//!
//! Invariants: a replacement keeps every line break of the text it replaces (a line break
//! inside a citation is not a defect), and applying fixes changes no byte outside their spans.
//! Every suggestion is vetted before it is offered ([`vet`]): the text it produces is read
//! again and must be one well-formed citation with the same number, in Latin letters, and a
//! suggestion is `safe` only when it changes nothing but typography ([`applicability`]).
//! No I/O.

use crate::diag::{Applicability, Diagnostic, Suggestion};
use crate::model::Citation;
use crate::normalize::fold_key;

/// Markdown emphasis ("**", "_"), which a fix must carry through: it is the user's
/// formatting, not part of the number.
pub(crate) fn is_markup(ch: char) -> bool {
    matches!(ch, '*' | '_')
}

/// The replacement of a written piece by `proper`, keeping the piece's line breaks and its
/// Markdown emphasis: each run of white space holding a line break, and each run of `*`/`_`,
/// is put back before the character of `proper` that matches the first character after it
/// (so separators stay at the end of the line, as in "21/2019/NĐ-" / "CP", which reads
/// back as one citation; "08/2017/**TT - LĐTBXH**" becomes "08/2017/**TT-BLĐTBXH**").
pub fn keep_line_breaks(written: &str, proper: &str) -> String {
    // Tokens of the written piece: characters, white-space runs and markup runs.
    let w: Vec<char> = written.chars().collect();
    let carry_markup = !proper.chars().any(is_markup);
    let mut chars: Vec<char> = Vec::new(); // non-space characters
    let mut breaks: Vec<(usize, String)> = Vec::new(); // (index into chars, the run)
    let mut i = 0;
    while i < w.len() {
        if carry_markup && is_markup(w[i]) {
            let s = i;
            while i < w.len() && is_markup(w[i]) {
                i += 1;
            }
            breaks.push((chars.len(), w[s..i].iter().collect()));
        } else if w[i].is_whitespace() {
            let s = i;
            while i < w.len() && w[i].is_whitespace() {
                i += 1;
            }
            let run: String = w[s..i].iter().collect();
            if run.contains('\n') {
                breaks.push((chars.len(), run));
            }
        } else {
            chars.push(w[i]);
            i += 1;
        }
    }
    if breaks.is_empty() {
        return proper.to_string();
    }
    let p: Vec<char> = proper.chars().collect();
    let pairs = lcs(&chars, &p);
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for (at, run) in breaks {
        // The first matched pair at or after the written character `at`.
        let pos = pairs
            .iter()
            .find(|&&(wi, _)| wi >= at)
            .map(|&(_, pi)| pi)
            .unwrap_or(p.len());
        // Never after a matched pair that comes before the break.
        let floor = pairs
            .iter()
            .filter(|&&(wi, _)| wi < at)
            .map(|&(_, pi)| pi + 1)
            .max()
            .unwrap_or(0);
        inserts.push((pos.max(floor), run));
    }
    let mut out = String::new();
    for (pi, c) in p.iter().enumerate() {
        for (at, run) in &inserts {
            if *at == pi {
                out.push_str(run);
            }
        }
        out.push(*c);
    }
    for (at, run) in &inserts {
        if *at >= p.len() {
            out.push_str(run);
        }
    }
    out
}

fn same(a: char, b: char) -> bool {
    a == b || fold_key(a.encode_utf8(&mut [0; 4])) == fold_key(b.encode_utf8(&mut [0; 4]))
}

/// Longest common subsequence of two short char strings: matched index pairs, in order.
fn lcs(a: &[char], b: &[char]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n * m > 40_000 {
        return Vec::new();
    }
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[at(i, j)] = if same(a[i], b[j]) {
                t[at(i + 1, j + 1)] + 1
            } else {
                t[at(i + 1, j)].max(t[at(i, j + 1)])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(a[i], b[j]) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[at(i + 1, j)] >= t[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// `proper` (lower case, "nghị định") written in the capitalisation style of `written`
/// ("Nghi định" → "Nghị định", "NGHI ĐỊNH" → "NGHỊ ĐỊNH", "Kết Luân" → "Kết Luận"), keeping
/// the white space between the written words. None when the word counts differ.
pub fn match_case(written: &str, proper: &str) -> Option<String> {
    let ww: Vec<&str> = written.split_whitespace().collect();
    let pw: Vec<&str> = proper.split_whitespace().collect();
    if ww.len() != pw.len() || ww.is_empty() {
        return None;
    }
    // The white-space runs between written words.
    let mut seps: Vec<&str> = Vec::new();
    let mut rest = written.trim_start();
    for w in &ww {
        rest = rest.strip_prefix(w).unwrap_or(rest);
        let next = rest.trim_start();
        seps.push(&rest[..rest.len() - next.len()]);
        rest = next;
    }
    let mut out = String::new();
    for (i, (w, p)) in ww.iter().zip(&pw).enumerate() {
        let all_upper = w.chars().filter(|c| c.is_alphabetic()).count() > 1
            && w.chars().all(|c| !c.is_lowercase());
        let first_upper = w.chars().next().is_some_and(|c| c.is_uppercase());
        if all_upper {
            out.push_str(&p.to_uppercase());
        } else if first_upper {
            let mut cs = p.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(&p.to_lowercase());
        }
        if i + 1 < ww.len() {
            out.push_str(
                seps.get(i)
                    .copied()
                    .filter(|s| !s.is_empty())
                    .unwrap_or(" "),
            );
        }
    }
    Some(out)
}

/// Rules whose fix is inferred whatever it looks like: a year from a date or the registry,
/// a completed symbol, a date from the registry.
const INFERRED: &[&str] = &[
    super::rules::MISSING_YEAR.code,
    super::rules::TRUNCATED_SYMBOL.code,
    super::rules::REGISTRY_MISSING_YEAR.code,
    super::rules::REGISTRY_DATE_MISMATCH.code,
    super::rules::LAW_DATE_MISMATCH.code,
];

/// Rules whose fixes rewrite only a date's words, digits or spaces.
const DATE_ONLY: &[&str] = &[
    super::rules::MALFORMED_DATE.code,
    super::rules::REPEATED_DATE.code,
];

/// The letters and digits of `s` with case, tone and vowel marks, "đ" and look-alike
/// letters of other scripts folded away: two spellings with the same skeleton differ only
/// in typography ("28 NQ/TW" and "28-NQ/TW", "só" and "số", "NĐ-СР" and "NĐ-CP").
fn skeleton(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.chars()
        .map(lookalike)
        .collect::<String>()
        .nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The Latin letter a Cyrillic or Greek capital or small letter looks like ('С' → 'C').
fn lookalike(c: char) -> char {
    match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'С' | 'Ϲ' => 'C',
        'Е' | 'Ε' => 'E',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' => 'I',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' => 'Y',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' | 'ο' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'Ð' => 'Đ',
        _ => c,
    }
}

/// Is `c` a letter of a script other than Latin (Cyrillic, Greek, ...)?
pub fn foreign_letter(c: char) -> bool {
    c.is_alphabetic()
        && !c.is_ascii()
        && !matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x00AA | 0x00BA)
}

/// `safe` when the replacement changes only typography (the same letters and digits up to
/// case, marks and look-alikes) and the rule infers nothing; else `unsafe`.
pub fn applicability(code: &str, written: &str, replacement: &str) -> Applicability {
    if !INFERRED.contains(&code) && skeleton(written) == skeleton(replacement) {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    }
}

/// Runs of ASCII digits in `s`, in order.
fn digit_groups(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect()
}

/// The leading number of a canonical number-symbol ("168/2018/NĐ-CP" → "168").
fn lead_number(c: &Citation) -> Option<&str> {
    let k = c.canonical.as_deref()?;
    let n = k.split(|ch: char| !ch.is_ascii_digit()).next()?;
    (!n.is_empty()).then_some(n)
}

/// A window of `text` around `[start, end)`: up to about 160 bytes each side, cut at white
/// space and char boundaries.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut a = start.saturating_sub(160);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    if a > 0 {
        if let Some(i) = text[a..start].find(char::is_whitespace) {
            a += i;
        }
    }
    let mut b = (end + 160).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    if b < text.len() {
        if let Some(i) = text[end..b].rfind(char::is_whitespace) {
            b = end + i;
        }
    }
    (a, b)
}

/// The citations of `text` overlapping `[start, end)` (at least touching an empty span).
fn overlapping(text: &str, start: usize, end: usize) -> Vec<Citation> {
    crate::extract(text)
        .citations
        .into_iter()
        .filter(|c| c.start < end.max(start + 1) && c.end > start)
        .collect()
}

/// "14612-CV/VPTW", "28-NQ/TW", "64-KL/TW": the numbering of Party documents.
fn party_form(s: &str) -> bool {
    static R: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    R.get_or_init(|| regex::Regex::new(r"^\d+-\p{Lu}+(?:/\p{Lu}+)+$").ok())
        .as_ref()
        .is_some_and(|r| r.is_match(s))
}

/// Why the suggestion `s` of a `code` finding must not be offered, if it must not: the text
/// it produces, read again, must be one well-formed citation with the same number (and
/// year), no new defect, no letters of another script and nothing glued to its neighbours;
/// a year is never added to a number of its era (before 2009 normative documents, and
/// Party documents always, were numbered without one).
pub fn refusal(text: &str, code: &str, s: &Suggestion) -> Option<String> {
    let written = text.get(s.start..s.end)?;
    let r = &s.replacement;
    if let Some(c) = r.chars().find(|&c| foreign_letter(c)) {
        return Some(format!(
            "the replacement would hold '{c}' (U+{:04X}), a letter of another script",
            c as u32
        ));
    }
    let glued = |a: Option<char>, b: Option<char>| {
        a.zip(b)
            .is_some_and(|(a, b)| a.is_alphanumeric() && b.is_alphanumeric())
    };
    let next = text[s.end..].chars().next();
    let prev = text[..s.start].chars().next_back();
    // Only a new join counts ("số01" was glued before; its number is fixed apart).
    if (glued(r.chars().next_back(), next) && !glued(written.chars().next_back(), next))
        || (glued(prev, r.chars().next()) && !glued(prev, written.chars().next()))
    {
        return Some("the replacement would be glued to the letters beside it".into());
    }
    // A Party document's number ("14612-CV/VPTW", "28-NQ/TW") is left in its own form.
    if code.starts_with("C01") && party_form(written.trim()) && !party_form(r.trim()) {
        return Some(
            "numbers written \"N-CODE/ISSUER\" (Party documents such as \"14612-CV/VPTW\", and documents of before 2009 such as \"89-TC/TCT\") are left as written".into(),
        );
    }
    // Digits: every group written stays, in order (a year is never dropped); the rules that
    // complete a group cut short ("QH1" → "QH13", "202 " → "2023") may only extend it.
    let (wd, rd) = (digit_groups(written), digit_groups(r));
    let completes = matches!(code, "C0111" | "C0113");
    let mut it = rd.iter();
    if code.starts_with("C01") || code == "C0206" {
        if let Some(g) = wd
            .iter()
            .find(|g| !it.any(|x| x == *g || (completes && x.starts_with(**g))))
        {
            return Some(format!(
                "the replacement would drop \"{g}\" written in the number"
            ));
        }
        let added: Vec<&&str> = rd.iter().filter(|g| !wd.contains(g)).collect();
        for g in added {
            let party = written
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with('-');
            if g.len() == 4 && party {
                return Some(
                    "Party documents are numbered without a year (\"14612-CV/VPTW\")".into(),
                );
            }
            if code == "C0101" && g.len() == 4 && g.parse::<i32>().is_ok_and(|y| y < 2009) {
                return Some(format!(
                    "before 2009 normative documents were numbered without a year: {g} is not added"
                ));
            }
        }
    }
    // Markdown emphasis is the user's formatting: every "*" and "_" written stays, in order.
    let marks = |x: &str| x.chars().filter(|&c| is_markup(c)).collect::<String>();
    if marks(written) != marks(r) {
        return Some("the replacement would drop Markdown emphasis (\"*\", \"_\")".into());
    }
    // ...and keeps what it wraps: emphasis around a part the fix removes would be left empty.
    let runs = |x: &str| {
        x.split(|c: char| !is_markup(c))
            .filter(|g| !g.is_empty())
            .count()
    };
    if runs(written) != runs(r) {
        return Some("the replacement would leave Markdown emphasis around nothing".into());
    }
    // A technical regulation's code ("QCVN 01:2008/BLĐTBXH") is no citation the extractor
    // reads: there is nothing to read again.
    if !super::rules::reads_back(code) {
        return None;
    }
    // Read the result again.
    let (a, b) = window(text, s.start, s.end);
    let mut fixed = String::with_capacity(b - a + r.len());
    fixed.push_str(&text[a..s.start]);
    fixed.push_str(r);
    fixed.push_str(&text[s.end..b]);
    let (ns, ne) = (s.start - a, s.start - a + r.len());
    let old = overlapping(&text[a..b], s.start - a, s.end - a);
    let new = overlapping(&fixed, ns, ne);
    // A date written outside any citation ("trước ngày ngày 01 tháng 7 năm 2014") is
    // rewritten as a date: no citation before, none after.
    if old.is_empty() && new.is_empty() && DATE_ONLY.contains(&code) {
        return None;
    }
    let [n] = new.as_slice() else {
        return Some(if new.is_empty() {
            "the fixed text would not read as a citation".into()
        } else {
            format!("the fixed text would read as {} citations", new.len())
        });
    };
    let Some(o) = old.first() else {
        return None; // nothing was read before: the fix can only help
    };
    if let (Some(x), y) = (lead_number(o), lead_number(n)) {
        if y != Some(x) {
            return Some(format!(
                "the fixed text would read as number {}, not {x}",
                y.unwrap_or("none")
            ));
        }
    }
    if let Some(y) = o.canonical.as_deref().and_then(super::year_in_number) {
        if n.canonical.as_deref().and_then(super::year_in_number) != Some(y) {
            return Some(format!("the fixed text would lose the year {y}"));
        }
    }
    if let Some(d) = n.defects.iter().find(|d| !o.defects.contains(d)) {
        return Some(format!("the fixed text would have a new defect ({d:?})"));
    }
    if n.canonical.is_none() && o.canonical.is_some() {
        return Some("the fixed text would have no number-symbol".into());
    }
    None
}

/// Vet every suggestion of `diags` on `text`: set its applicability, or take it away with a
/// note saying why no fix is offered (the finding stays).
pub fn vet(text: &str, diags: &mut [Diagnostic]) {
    for d in diags {
        let Some(s) = d.suggestion.as_mut() else {
            continue;
        };
        match refusal(text, d.code, s) {
            Some(why) => {
                // The label no longer promises the replacement.
                for l in d.labels.iter_mut().filter(|l| l.message == s.message) {
                    l.message.clear();
                }
                d.notes.push(format!("no fix offered: {why}"));
                d.suggestion = None;
            }
            None => {
                let written = text.get(s.start..s.end).unwrap_or("");
                s.applicability = applicability(d.code, written, &s.replacement);
            }
        }
    }
}

/// The result of applying fixes to one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// The suggestions applied, in text order.
    pub applied: Vec<Suggestion>,
    /// Suggestions skipped because they overlap one applied or fall outside the text.
    pub skipped: usize,
}

/// Apply the diagnostics' suggestions to `text`, from the end backwards, skipping any that
/// overlap one already taken, fall outside the text or off char boundaries, or change nothing.
pub fn apply(text: &str, diags: &[Diagnostic]) -> Fixed {
    apply_up_to(text, diags, Applicability::Unsafe)
}

/// [`apply`] with only the suggestions at most as unsure as `max` (`Safe`: what `--fix`
/// applies; `Unsafe`: what `--fix --unsafe-fixes` applies).
pub fn apply_up_to(text: &str, diags: &[Diagnostic], max: Applicability) -> Fixed {
    let mut sugg: Vec<&Suggestion> = diags
        .iter()
        .filter_map(|d| d.suggestion.as_ref())
        .filter(|s| s.applicability <= max)
        .collect();
    sugg.sort_by(|a, b| b.start.cmp(&a.start).then(b.end.cmp(&a.end)));
    let mut out = text.to_string();
    let mut applied: Vec<Suggestion> = Vec::new();
    let mut skipped = 0;
    let mut floor = usize::MAX; // start of the last applied span
    for s in sugg {
        let ok = s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
            && s.end <= floor
            && !(s.end == floor && s.start == floor && !applied.is_empty());
        if !ok {
            skipped += 1;
            continue;
        }
        if text[s.start..s.end] == s.replacement {
            continue;
        }
        out.replace_range(s.start..s.end, &s.replacement);
        floor = s.start;
        applied.push(s.clone());
    }
    applied.reverse();
    Fixed {
        text: out,
        applied,
        skipped,
    }
}

/// A unified diff of two texts (three lines of context), headed `--- a/PATH` / `+++ b/PATH`.
/// Empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    // Changed line ranges: when the line counts agree, line by line; else one block
    // between the common prefix and suffix.
    let mut blocks: Vec<(usize, usize, usize, usize)> = Vec::new(); // a[s..e], b[s..e]
    if a.len() == b.len() {
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                let s = i;
                while i < a.len() && a[i] != b[i] {
                    i += 1;
                }
                blocks.push((s, i, s, i));
            } else {
                i += 1;
            }
        }
    } else {
        let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let suf = a[pre..]
            .iter()
            .rev()
            .zip(b[pre..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        blocks.push((pre, a.len() - suf, pre, b.len() - suf));
    }
    const CTX: usize = 3;
    // Merge blocks whose context overlaps into hunks.
    let mut hunks: Vec<Vec<(usize, usize, usize, usize)>> = Vec::new();
    for bl in blocks {
        match hunks.last_mut() {
            Some(h) if bl.0 <= h.last().map_or(0, |l| l.1) + 2 * CTX => h.push(bl),
            _ => hunks.push(vec![bl]),
        }
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let line = |s: &str| {
        let mut l = s.to_string();
        if !l.ends_with('\n') {
            l.push_str("\n\\ No newline at end of file\n");
        }
        l
    };
    for h in hunks {
        let (first, last) = (h[0], h[h.len() - 1]);
        let a0 = first.0.saturating_sub(CTX);
        let b0 = first.2.saturating_sub(CTX);
        let a1 = (last.1 + CTX).min(a.len());
        let b1 = (last.3 + CTX).min(b.len());
        let len_a = a1 - a0;
        let len_b = b1 - b0;
        let start = |s: usize, len: usize| if len == 0 { s } else { s + 1 };
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            start(a0, len_a),
            len_a,
            start(b0, len_b),
            len_b
        ));
        let mut ai = a0;
        for (s_a, e_a, s_b, e_b) in &h {
            for l in &a[ai..*s_a] {
                out.push(' ');
                out.push_str(&line(l));
            }
            for l in &a[*s_a..*e_a] {
                out.push('-');
                out.push_str(&line(l));
            }
            for l in &b[*s_b..*e_b] {
                out.push('+');
                out.push_str(&line(l));
            }
            ai = *e_a;
        }
        for l in &a[ai..a1] {
            out.push(' ');
            out.push_str(&line(l));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_kept() {
        let rows = [
            ("168 NĐ-CP", "168/2018/NĐ-CP", "168/2018/NĐ-CP"),
            ("28/NQ/\nTW", "28-NQ/TW", "28-NQ/\nTW"),
            ("21/2019/NĐ-\nCP", "21/2019/NĐ-CP", "21/2019/NĐ-\nCP"),
            ("168\n  NĐ-CP", "168/2018/NĐ-CP", "168/2018/\n  NĐ-CP"),
            ("02/2020 /\nNĐ-CP", "02/2020/NĐ-CP", "02/2020/\nNĐ-CP"),
            ("12- CT/TW", "12-CT/TW", "12-CT/TW"),
            ("21/2019/ND-\r\nCP", "21/2019/NĐ-CP", "21/2019/NĐ-\r\nCP"),
        ];
        for (w, p, want) in rows {
            assert_eq!(keep_line_breaks(w, p), want, "{w:?}");
        }
    }

    #[test]
    fn capitalisation_is_kept() {
        let rows = [
            ("Nghi định", "nghị định", Some("Nghị định")),
            ("nghi định", "nghị định", Some("nghị định")),
            ("NGHI ĐỊNH", "nghị định", Some("NGHỊ ĐỊNH")),
            ("Kết Luân", "kết luận", Some("Kết Luận")),
            ("Đè án", "đề án", Some("Đề án")),
            ("Quyết\nđịnh", "quyết định", Some("Quyết\nđịnh")),
            ("Só", "số", Some("Số")),
            ("Chương trình hành động", "chương trình", None),
        ];
        for (w, p, want) in rows {
            assert_eq!(match_case(w, p).as_deref(), want, "{w:?}");
        }
    }

    fn sugg(start: usize, end: usize, r: &str) -> Diagnostic {
        Diagnostic {
            code: "C0101",
            category: crate::diag::Category::Shape,
            severity: crate::diag::Severity::Warning,
            message: String::new(),
            labels: vec![],
            notes: vec![],
            suggestion: Some(Suggestion {
                start,
                end,
                replacement: r.into(),
                message: String::new(),
                applicability: Applicability::Safe,
            }),
        }
    }

    #[test]
    fn apply_skips_overlaps_and_keeps_other_bytes() {
        let text = "ab cd ef";
        // From the end backwards: (4,8) wins over the overlapping (3,5); (3,99) is outside.
        let f = apply(
            text,
            &[
                sugg(0, 2, "AB"),
                sugg(3, 5, "CD"),
                sugg(4, 8, "y"),
                sugg(3, 99, "z"),
            ],
        );
        assert_eq!(f.text, "AB cy");
        assert_eq!(f.applied.len(), 2);
        assert_eq!(f.skipped, 2);
        // Adjacent spans both apply ("số" + "01/2019/NĐ/CP").
        let text = "số01/NĐ/CP";
        let f = apply(text, &[sugg(0, 4, "số "), sugg(4, text.len(), "01/NĐ-CP")]);
        assert_eq!(f.text, "số 01/NĐ-CP");
        // Off a char boundary: skipped.
        assert_eq!(apply("số", &[sugg(1, 2, "x")]).skipped, 1);
    }

    #[test]
    fn diff_shows_changed_lines_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        let new = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n";
        let d = unified_diff("x.txt", old, new);
        assert_eq!(
            d,
            "--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n"
        );
        assert_eq!(unified_diff("x", "a", "a"), "");
        let d = unified_diff("x", "a", "b");
        assert!(d.contains("-a\n\\ No newline at end of file\n+b\n"), "{d}");
    }
}
