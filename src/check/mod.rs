//! `check`: compiler-style diagnostics about the citations of one document ("rà soát văn
//! bản"): how each is written (shape, from the extractor's defects and pieces), whether it
//! hangs together (consistency), whether what it cites holds at a date (time), and what the
//! registry cannot tell (unknown). Every rule has a stable code ([`rules`]); findings are
//! [`Diagnostic`]s with byte spans of the original text and, where one exists, a fix that
//! touches only the cited piece.
//!
//! The registry is reached only through the [`Knowledge`] trait; this module does not know
//! how instruments are stored, does no I/O and never panics on any input.
//!
//! Rules are one function each in `shape`, `consistency`, `time`, `unknown` and `text`; their
//! codes (C01 shape, C02 consistency, C03 time, C04 unknown), names and default severities are
//! in [`rules`], selected as in ruff (codes, prefixes, groups, names). Shape rules read the
//! extractor's `defects` and `parts` and never re-parse; `text` scans for what the extractor
//! cannot read as a citation. [`genre`] tells the era and genre (English passages, quoted and
//! consolidated texts, numbering before 2009, Party numbering) from `corpus/check.toml`. Time
//! rules stand on solid ground: "not yet in force" needs the document's own date or `--as-of`;
//! expiry and supersession may use its lower bound; "cited before issued" needs both dates
//! written. One defect, one diagnostic: the date findings and the standing findings on one
//! citation are merged into the first of their family, the others becoming notes;
//! [`summarize_unresolved`] folds a document's C0401 notes into one. Every fix is vetted
//! ([`fix::vet`]) and marked safe (typography only) or unsafe (inferred). Every user-facing
//! word is in [`crate::messages`].

pub mod consistency;
pub mod context;
pub mod fix;
pub mod genre;
pub mod knowledge;
pub mod rules;
pub mod shape;
pub mod text;
pub mod time;
pub mod unknown;

use crate::diag::{Applicability, Diagnostic, Label, Locator, Severity, Suggestion};
use crate::extract::{Extraction, Tables};
use crate::messages::{self, Lang, Msg};
use crate::model::{Citation, Date, Kind};
pub use knowledge::{
    Event, EventKind, InstrumentFacts, InstrumentId, Knowledge, LawVersion, LawWork, NoKnowledge,
    Resolution, Standing,
};

/// What to check against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The date at which status is judged ("is this plan still sound on ..."). Default: the
    /// document's own date, else inferred from its year (see [`as_of_for`]).
    pub as_of: Option<Date>,
    /// The language of messages, labels and notes (Vietnamese by default).
    pub lang: Lang,
}

/// Everything the rules of one document share.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub loc: Locator<'a>,
    pub ex: &'a Extraction,
    pub know: &'a dyn Knowledge,
    /// The citing document's own date, when its header gives one with certainty (see
    /// [`certain_date`]).
    pub doc_date: Option<Date>,
    /// The citing document's year (from its number, date or title).
    pub doc_year: Option<i32>,
    /// The date status is judged at.
    pub as_of: Option<Date>,
    /// The resolution of each citation (same order as `ex.citations`); all `Unknown`
    /// without a registry.
    pub resolved: Vec<Resolution>,
    /// The certain date of the document: the --as-of date, else its own date; None when
    /// neither is given (then "not yet in force" is never said; `as_of` is a lower bound).
    pub time_as_of: Option<Date>,
    pub lang: Lang,
    /// Byte ranges of quoted text (“...”) and of English passages.
    pub genre: genre::Genre,
    /// The day the document says it takes effect ("Nghị định này có hiệu lực thi hành từ
    /// ngày 01 tháng 02 năm 2021"), when it says so.
    pub own_effective: Option<Date>,
}

impl<'a> Ctx<'a> {
    /// A label on a span of the original.
    pub fn label(&self, start: usize, end: usize, msg: impl Into<String>, primary: bool) -> Label {
        self.loc.label(start, end, msg, primary)
    }

    /// A catalogue message in this check's language.
    pub fn m(&self, msg: &Msg, args: &[&dyn std::fmt::Display]) -> String {
        messages::tr(self.lang, msg, args)
    }

    /// The original text of a span (empty when out of range).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// Where the default as-of date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfSource {
    /// The document's own date (its header).
    DocumentDate,
    /// The document's year, raised to the latest date of that year it cites.
    DocumentYear,
    /// No date or year in the header: the latest date the document cites (a lower bound:
    /// a document is never older than what it cites).
    LatestCited,
}

/// The date status is judged at when none is given: the document's own date; else, from its
/// year, the latest of 1 January of that year and every date of that year it cites; else the
/// latest date it cites; else none.
pub fn as_of_for(ex: &Extraction) -> Option<(Date, AsOfSource)> {
    if let Some(d) = crate::resolve::document_date(ex) {
        return Some((d, AsOfSource::DocumentDate));
    }
    let dates = ex.citations.iter().filter_map(|c| c.date);
    match ex.header.year {
        Some(y) => {
            let start = Date::new(y, 1, 1)?;
            let d = dates.filter(|d| d.year == y).fold(start, |a, b| a.max(b));
            Some((d, AsOfSource::DocumentYear))
        }
        None => dates.max().map(|d| (d, AsOfSource::LatestCited)),
    }
}

/// Check one document: every rule over every citation, sorted by position then code.
pub fn check(text: &str, ex: &Extraction, know: &dyn Knowledge, opts: &Options) -> Vec<Diagnostic> {
    // Resolution uses the citing document's date ("Luật Ngân sách nhà nước" in a 2024 plan
    // is the 2015 law): the document's own date, or none — never a date inferred from what it
    // cites, nor the --as-of date, which only says when validity is judged.
    let resolved = if know.available() {
        know.resolve_document(text, ex)
    } else {
        vec![Resolution::Unknown; ex.citations.len()]
    };
    check_resolved(text, ex, know, resolved, opts)
}

/// [`check`] with the citations already resolved (`resolved[i]` is what `ex.citations[i]`
/// resolved to): what `crate::analysis` calls, so a document is resolved once.
pub fn check_resolved(
    text: &str,
    ex: &Extraction,
    know: &dyn Knowledge,
    mut resolved: Vec<Resolution>,
    opts: &Options,
) -> Vec<Diagnostic> {
    if !know.available() || resolved.len() != ex.citations.len() {
        resolved = vec![Resolution::Unknown; ex.citations.len()];
    }
    let cx = Ctx {
        text,
        loc: Locator::new(text),
        ex,
        know,
        doc_date: certain_date(ex),
        doc_year: ex.header.year.or(ex.header.date.map(|d| d.year)),
        as_of: opts.as_of.or_else(|| as_of_for(ex).map(|(d, _)| d)),
        resolved,
        time_as_of: opts.as_of.or(certain_date(ex)),
        lang: opts.lang,
        genre: genre::Genre::of(text),
        own_effective: None,
    };
    let own_effective = text::own_effective_date(text, |p| cx.genre.quoted(p));
    let cx = Ctx {
        own_effective,
        ..cx
    };
    let mut out = Vec::new();
    for (i, c) in ex.citations.iter().enumerate() {
        shape::check(&cx, c, &mut out);
        consistency::check(&cx, i, c, &mut out);
        time::check(&cx, i, c, &mut out);
        unknown::check(&cx, i, c, &mut out);
    }
    consistency::check_document(&cx, &mut out);
    time::check_document(&cx, &mut out);
    text::check(&cx, &mut out);
    let mut out = merge_related(&cx, out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    fix::vet(text, &mut out);
    out
}

/// The document's own date ([`crate::resolve::document_date`]) when it is certain: the
/// header names the document (its type or number), and the date is not merely one it cites.
pub fn certain_date(ex: &Extraction) -> Option<Date> {
    let h = &ex.header;
    let d = crate::resolve::document_date(ex)?;
    if h.kind.is_none() && h.number.is_none() {
        return None;
    }
    let own = |c: &Citation| c.number.is_some() && c.number == h.number && c.symbol == h.symbol;
    let cited = ex.citations.iter().any(|c| c.date == Some(d) && !own(c));
    (!cited).then_some(d)
}

/// Codes that speak of a citation's date: on one citation they are one defect.
const DATE_FAMILY: &[&str] = &[
    "C0201", "C0202", "C0205", "C0209", "C0214", "C0211", "C0213", "C0301",
];

/// Codes that speak of a citation's standing: on one citation they are one defect (the
/// 2022 directive beside the 2024 one, C0306, is also superseded by it, C0303).
const STANDING_FAMILY: &[&str] = &["C0306", "C0302", "C0303", "C0304"];

/// The families merged on one citation, each in the order of the code kept.
const FAMILIES: &[&[&str]] = &[DATE_FAMILY, STANDING_FAMILY];

/// One defect, one diagnostic: the findings of one family ([`FAMILIES`]) on one citation
/// become one diagnostic (the first in the family's order, with the first fix any of them
/// offers), the others its notes.
fn merge_related(cx: &Ctx, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let owner = |d: &Diagnostic| -> Option<(usize, usize)> {
        let f = FAMILIES.iter().position(|f| f.contains(&d.code))?;
        let p = d.primary()?;
        cx.ex
            .citations
            .iter()
            .position(|c| p.start >= c.start && p.start < c.end.max(c.start + 1))
            .map(|i| (i, f))
    };
    let mut groups: std::collections::BTreeMap<(usize, usize), Vec<Diagnostic>> =
        Default::default();
    let mut out = Vec::with_capacity(diags.len());
    for d in diags {
        match owner(&d) {
            Some(i) => groups.entry(i).or_default().push(d),
            None => out.push(d),
        }
    }
    for ((_, f), mut g) in groups {
        g.sort_by_key(|d| FAMILIES[f].iter().position(|c| *c == d.code));
        let fix = g.iter().find_map(|d| d.suggestion.clone());
        let mut it = g.into_iter();
        let Some(mut first) = it.next() else { continue };
        for other in it {
            if other.message == first.message {
                continue;
            }
            first.severity = first.severity.max(other.severity);
            first.notes.push(messages::tr(
                cx.lang,
                &messages::ALSO,
                &[&other.message, &other.code],
            ));
            first.notes.extend(other.notes);
        }
        if first.suggestion.is_none() {
            first.suggestion = fix;
        }
        out.push(first);
    }
    out
}

/// The unresolved-citation notes (C0401) of one document folded into ONE note, placed at
/// the first of them and naming them all (as clippy keeps allow-by-default lints out of
/// sight); every other diagnostic is kept as is.
pub fn summarize_unresolved(diags: Vec<Diagnostic>, lang: Lang) -> Vec<Diagnostic> {
    let (unres, mut rest): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
        .into_iter()
        .partition(|d| d.code == rules::UNRESOLVED.code);
    let Some(first) = unres.first() else {
        return rest;
    };
    let mut names: Vec<String> = Vec::new();
    for d in &unres {
        let n = d
            .labels
            .first()
            .map(|l| format!("{}:{}", l.line, l.column))
            .unwrap_or_default();
        names.push(n);
    }
    let mut labels = first.labels.clone();
    labels.truncate(1);
    for l in &mut labels {
        l.message = messages::s(lang, &messages::L_UNRESOLVED);
    }
    rest.push(Diagnostic {
        code: rules::UNRESOLVED.code,
        category: rules::UNRESOLVED.category,
        severity: Severity::Note,
        message: messages::tr(
            lang,
            &messages::UNRESOLVED_SUMMARY,
            &[&unres.len(), &names.join(", ")],
        ),
        labels,
        notes: Vec::new(),
        suggestion: None,
    });
    rest.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    rest
}

/// Fill each citation's `findings` with the diagnostics whose primary span lies within it
/// (the hook `cancu extract --format json` calls), in the order [`check`] gives them. The
/// diagnostics are sorted by where their primary span starts once, and each citation takes
/// those starting inside it by binary search: linear in citations and findings, not their
/// product.
pub fn fill_findings(text: &str, ex: &mut Extraction, know: &dyn Knowledge, opts: &Options) {
    let diags = check(text, ex, know, opts);
    attach_findings(&mut ex.citations, &diags);
}

/// Give each citation the diagnostics whose primary span lies within it (both in the same
/// coordinates), as [`fill_findings`] does.
pub fn attach_findings(citations: &mut [Citation], diags: &[Diagnostic]) {
    let mut by_start: Vec<(usize, usize, usize)> = diags
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.primary().map(|l| (l.start, l.end, i)))
        .collect();
    by_start.sort_unstable();
    for c in citations.iter_mut() {
        let from = by_start.partition_point(|&(s, _, _)| s < c.start);
        let mut hits: Vec<usize> = by_start[from..]
            .iter()
            .take_while(|&&(s, _, _)| s <= c.end)
            .filter(|&&(s, e, _)| e <= c.end.max(s))
            .map(|&(_, _, i)| i)
            .collect();
        hits.sort_unstable();
        c.findings = hits.into_iter().map(|i| diags[i].clone()).collect();
    }
}

/// A diagnostic of `rule` with its default severity.
pub(crate) fn diag(rule: &rules::Rule, message: String, labels: Vec<Label>) -> Diagnostic {
    Diagnostic {
        code: rule.code,
        category: rule.category,
        severity: rule.severity,
        message,
        labels,
        notes: Vec::new(),
        suggestion: None,
    }
}

/// A suggestion replacing `[start, end)`.
pub(crate) fn suggest(
    start: usize,
    end: usize,
    replacement: String,
    message: String,
) -> Suggestion {
    Suggestion {
        start,
        end,
        replacement,
        message,
        applicability: Applicability::Unsafe,
    }
}

/// The year carried by a number-symbol ("168/2018/NĐ-CP" → 2018; "28-NQ/TW" → None).
pub fn year_in_number(canonical: &str) -> Option<i32> {
    let mut it = canonical.split('/');
    it.next()?;
    let y = it.next()?;
    if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && it.next().is_some() {
        y.parse().ok()
    } else {
        None
    }
}

/// The kind a symbol's first code names ("QĐ-TTg" → Decision, "NQ/TW" → Resolution,
/// "QH14" → Law); None for issuer-first symbols ("UBND-VX").
pub fn kind_of_symbol(symbol: &str) -> Option<Kind> {
    let first = symbol.split(['-', '/']).next()?;
    let digits = first.trim_start_matches(|c: char| c.is_alphabetic());
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        match &first[..first.len() - digits.len()] {
            "QH" => return Some(Kind::Law),
            "UBTVQH" => return Some(Kind::Resolution),
            _ => {}
        }
    }
    Tables::builtin().code(first).and_then(|c| c.kind)
}

/// The citation's display name: its number-symbol, else its law name, else its text.
pub(crate) fn name_of(c: &Citation) -> String {
    c.canonical
        .clone()
        .or_else(|| c.law.clone())
        .unwrap_or_else(|| c.text.clone())
}

/// Folded content syllables of a subject.
fn syllables(s: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "ve", "cua", "va", "cac", "o", "nhung", "mot", "so", "the", "voi",
    ];
    crate::normalize::fold_key(s)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// How much two subjects share, 0..=1: syllable pairs in common over the smaller set
/// (a short cited subject inside a long registry title scores 1). None when either has
/// fewer than two pairs to compare.
pub fn subject_overlap(a: &str, b: &str) -> Option<f64> {
    let pairs = |s: &str| {
        let w = syllables(s);
        let mut p: Vec<(String, String)> =
            w.windows(2).map(|x| (x[0].clone(), x[1].clone())).collect();
        p.sort();
        p.dedup();
        p
    };
    let (pa, pb) = (pairs(a), pairs(b));
    if pa.len() < 2 || pb.len() < 2 {
        return None;
    }
    let common = pa.iter().filter(|x| pb.binary_search(x).is_ok()).count();
    Some(common as f64 / pa.len().min(pb.len()) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_symbol_kinds() {
        let rows = [
            ("168/2018/NĐ-CP", Some(2018)),
            ("28-NQ/TW", None),
            ("34/KH-UBND", None),
            ("22/2018/QH14", Some(2018)),
            ("", None),
        ];
        for (s, y) in rows {
            assert_eq!(year_in_number(s), y, "{s}");
        }
        let rows = [
            ("QĐ-TTg", Some(Kind::Decision)),
            ("NQ/TW", Some(Kind::Resolution)),
            ("NĐ-CP", Some(Kind::Decree)),
            ("QH14", Some(Kind::Law)),
            ("UBND-VX", None),
        ];
        for (s, k) in rows {
            assert_eq!(kind_of_symbol(s), k, "{s}");
        }
    }

    #[test]
    fn subjects() {
        let rows = [
            (
                "công tác quốc phòng Bộ, ngành Trung ương, địa phương",
                "Công tác quốc phòng ở Bộ, ngành trung ương, địa phương",
                true,
            ),
            (
                "quy định tổ chức và xây dựng kế hoạch và biện pháp thực hiện động viên Quốc phòng",
                "Kiểm lâm và Lực lượng chuyên trách bảo vệ rừng",
                false,
            ),
        ];
        for (a, b, same) in rows {
            let o = subject_overlap(a, b).unwrap();
            assert_eq!(o >= consistency::SUBJECT_THRESHOLD, same, "{a} / {b}: {o}");
        }
        assert_eq!(subject_overlap("về", "Kiểm lâm"), None);
    }
}
