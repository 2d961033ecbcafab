//! Resolution: each citation to the registry entry it names, or "ambiguous" with the
//! candidates, or "unknown" — never a guess.
//!
//! **Evidence before resolution.** A numbered citation resolves to an entry only with
//! positive evidence: number, symbol and year agree; or number and symbol agree and nothing
//! contradicts (kind, year, date, issuer, subject, a date after the citing document). A
//! candidate that conflicts is not taken, even when it is the only one ("Nghị quyết số
//! 93/2015/QH13" is not Luật 93/2015/QH13). A number without a year in a series that
//! restarts every year ("Chỉ thị 21/CT-TTg") needs a date, a year or the subject to be told
//! apart. Colliding numbers ("28-NQ/TW" of 2008 and of 2013) are told apart by the date
//! written beside the citation, the issuer, the subject words, then the citing document's
//! date (the latest candidate issued before it); several left are `Ambiguous`.
//!
//! **Laws cited by name** are works with versions (`corpus/registry/laws.toml`). A mention
//! resolves, in this order, to: the version whose year, date or number is written beside the
//! name; the version a "(sau đây gọi là …)" definition gave that name; the version the
//! document itself cites in full ("Căn cứ Luật Đấu thầu số 22/2023/QH15", the nearest
//! earlier full mention, else the first); the version in force (by effective date) on the
//! document's own date — or, for a document that takes effect later ("Nghị định này có hiệu
//! lực thi hành từ ngày …"), on that date among the versions passed by its own date — only
//! when the work's version list is complete up to the document's date. "Luật X (sửa đổi)"
//! names a revision: the new version passed but not yet in force, else unknown (a bill). An
//! amending law cited by name is a row of its own in the law table: the one of that name
//! passed by the document's date.
//! Otherwise the work, version unknown — never an older version by default, never one
//! passed after the document. A version the document names but the registry lacks is
//! `Observed` (its canonical number).
//!
//! Pure: no I/O; knows the registry, the law table and the citation model.

use crate::extract::tables::{Tables, Work};
use crate::extract::Extraction;
use crate::model::{Citation, Date, Entry, Kind, Resolved, Unresolved};
use crate::normalize::fold_key;
use crate::registry::{Instrument, Registry};
use std::collections::HashSet;

/// The outcome of resolving one citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Resolved(String),
    Ambiguous(Vec<String>),
    /// An instrument the document itself names in full that the registry does not hold: a
    /// version of a law ("22/2023/QH15"), or the full citation a bare number refers back to.
    Observed(String),
    Unknown,
}

/// What is known of the citing document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The document's own date.
    pub date: Option<Date>,
    /// Its year, when only the year is known ("Kế hoạch … năm 2024").
    pub year: Option<i32>,
}

impl Context {
    /// The context of an extracted document: its own date and year.
    pub fn of(e: &Extraction) -> Context {
        let date = document_date(e);
        Context {
            date,
            year: date.map(|d| d.year).or(e.header.year),
        }
    }
}

/// The citing document's own date — the one function every stage uses for "the document's
/// date" (resolution, checks, the graph, the web): the date the document states in its
/// header's date line, signature block or gazette header (read by the extractor), never a
/// date from its title or from a cited instrument; `None` when it states none.
pub fn document_date(e: &Extraction) -> Option<Date> {
    e.header.date
}

/// Resolve one citation on its own (a law by name without the rest of the document: only
/// what is written beside it and the document's date count).
pub fn resolve(c: &Citation, reg: &Registry, ctx: &Context) -> Resolution {
    match (&c.number, &c.symbol) {
        (Some(n), Some(s)) => numbered(c, n, s, reg, ctx),
        _ => match &c.law {
            Some(name) if c.number.is_none() => named(c, name, reg, ctx, &DocLaws::default()),
            _ => Resolution::Unknown,
        },
    }
}

fn ids(v: &[&Instrument]) -> Vec<String> {
    v.iter().map(|i| i.id.clone()).collect()
}

/// The symbol fixes the kind ("NĐ-CP" is a decree; "QH13" may be a law or a resolution).
fn symbol_kind(s: &str) -> Option<Kind> {
    let t = Tables::builtin();
    let last = s.rsplit(['-', '/']).next().unwrap_or(s);
    let first = s.split(['-', '/']).next().unwrap_or(s);
    if first.len() < s.len() {
        if let Some(k) = t.code(first).and_then(|c| c.kind) {
            return Some(k);
        }
    }
    if last.starts_with("QH") || last.starts_with("UBTVQH") {
        return None;
    }
    t.code(s).and_then(|c| c.kind)
}

/// Party symbols ("NQ/TW", "CT/TU"): numbered by term, not by year.
fn party_symbol(s: &str) -> bool {
    let t = Tables::builtin();
    s.rsplit(['-', '/'])
        .next()
        .and_then(|last| t.code(last))
        .is_some_and(|c| c.party_issuer)
}

/// The year is part of the entry's number ("168/2018/NĐ-CP", "93/2015/QH13").
fn year_in_number(i: &Instrument) -> bool {
    i.year().is_some_and(|y| {
        i.id.split(':')
            .next()
            .unwrap_or("")
            .contains(&format!("/{y}/"))
    })
}

/// The candidate cannot be the instrument cited. Kind and year always count; when the year
/// is part of the number, number + symbol + year are the evidence and a different date or a
/// date after the citing document is a finding for the checker, not a reason to drop it.
/// Otherwise the date written, the citing document's date and the subject count too.
fn conflicts(c: &Citation, i: &Instrument, ctx: &Context) -> bool {
    // Kind: a type word the symbol does not explain ("Nghị quyết số 93/2015/QH13" is no law).
    let sym_kind = c.symbol.as_deref().and_then(symbol_kind);
    if c.kind != i.kind && sym_kind != Some(i.kind) && c.parts.type_word.is_some() {
        return true;
    }
    if let (Some(y), Some(iy)) = (c.year, i.year()) {
        if y != iy {
            return true;
        }
    }
    if year_in_number(i) {
        return false;
    }
    if let (Some(d), Some(id)) = (c.date, i.issued) {
        if d != id {
            return true;
        }
    }
    // Cited before it was issued.
    if let (Some(d), Some(id)) = (ctx.date, i.issued) {
        if id > d {
            return true;
        }
    }
    if let (None, Some(y), Some(iy)) = (ctx.date, ctx.year, i.year()) {
        if iy > y {
            return true;
        }
    }
    // The subject written shares nothing with the entry's title and subject.
    if let Some(t) = &c.title {
        let mut text = i.title.clone().unwrap_or_default();
        for s in &i.subject {
            text.push(' ');
            text.push_str(s);
        }
        let q = bigrams(t);
        if q.len() >= 3 && !text.is_empty() && bigrams(&text).intersection(&q).count() == 0 {
            return true;
        }
    }
    false
}

fn numbered(c: &Citation, n: &str, s: &str, reg: &Registry, ctx: &Context) -> Resolution {
    let all = reg.by_number_symbol(n, s);
    let cands: Vec<&Instrument> = all.into_iter().filter(|i| !conflicts(c, i, ctx)).collect();
    if cands.is_empty() {
        return Resolution::Unknown;
    }
    // Positive evidence: the year agrees (written, or in the number), or the date does.
    let year_agrees = c.year.is_some() || c.date.is_some();
    if !year_agrees && !party_symbol(s) && cands.len() == 1 && !year_in_number(cands[0]) {
        // A series numbered anew each year ("21/CT-TTg"): the subject must say which. (An
        // entry whose number carries the year, "62/2011/QĐ-TTg", cited as "62/QĐ-TTg" is the
        // same number-symbol written without its year: the checker says so.)
        let subject = c
            .title
            .as_deref()
            .is_some_and(|t| best_by_title(&cands, t).is_some());
        let issuer_year = ctx
            .year
            .zip(cands[0].year())
            .is_some_and(|(y, iy)| y == iy || y == iy + 1);
        if !subject && !issuer_year {
            return Resolution::Unknown;
        }
    }
    disambiguate(cands, c, ctx)
}

fn one_or(v: Vec<&Instrument>) -> Option<Resolution> {
    match v.len() {
        0 => Some(Resolution::Unknown),
        1 => Some(Resolution::Resolved(v[0].id.clone())),
        _ => None,
    }
}

fn disambiguate(cands: Vec<&Instrument>, c: &Citation, ctx: &Context) -> Resolution {
    if let Some(r) = one_or(cands.clone()) {
        return r;
    }
    // The date written beside the citation.
    if let Some(d) = c.date {
        let by_date: Vec<&Instrument> = cands
            .iter()
            .copied()
            .filter(|i| i.issued == Some(d))
            .collect();
        if !by_date.is_empty() {
            return one_or(by_date.clone()).unwrap_or(Resolution::Ambiguous(ids(&by_date)));
        }
    }
    // The issuer written.
    if let Some(iss) = &c.issuer {
        let k = fold_key(iss);
        let by_issuer: Vec<&Instrument> = cands
            .iter()
            .copied()
            .filter(|i| i.issuer.as_deref().map(fold_key).is_some_and(|x| x == k))
            .collect();
        if by_issuer.len() == 1 {
            return Resolution::Resolved(by_issuer[0].id.clone());
        }
    }
    // The subject words.
    if let Some(t) = &c.title {
        if let Some(i) = best_by_title(&cands, t) {
            return Resolution::Resolved(i.id.clone());
        }
    }
    // The citing document's date: the latest issued before it.
    if let Some(d) = ctx.date {
        let before: Vec<&Instrument> = cands
            .iter()
            .copied()
            .filter(|i| i.issued.is_some_and(|x| x <= d))
            .collect();
        if let Some(latest) = before.iter().map(|i| i.issued).max() {
            let top: Vec<&Instrument> = before.into_iter().filter(|i| i.issued == latest).collect();
            if top.len() == 1 {
                return Resolution::Resolved(top[0].id.clone());
            }
        }
    }
    Resolution::Ambiguous(ids(&cands))
}

/// Word pairs of a folded text (bigrams carry the subject better than single words:
/// "khu vuc", "vuc phong", "phong thu").
fn bigrams(s: &str) -> HashSet<String> {
    let f = fold_key(s);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

/// The candidate whose title and subject share clearly more word pairs with `title` than
/// any other (at least 2, and twice the runner-up).
fn best_by_title<'a>(cands: &[&'a Instrument], title: &str) -> Option<&'a Instrument> {
    let q = bigrams(title);
    let mut scored: Vec<(usize, &Instrument)> = cands
        .iter()
        .map(|i| {
            let mut text = i.title.clone().unwrap_or_default();
            for s in &i.subject {
                text.push_str(" . ");
                text.push_str(s);
            }
            (bigrams(&text).intersection(&q).count(), *i)
        })
        .collect();
    scored.sort_by_key(|x| std::cmp::Reverse(x.0));
    let best = scored.first()?;
    let second = scored.get(1).map(|x| x.0).unwrap_or(0);
    (best.0 >= 2 && best.0 >= 2 * second.max(1) && best.0 > second).then_some(best.1)
}

/// What the document itself says about the laws it cites by name: its full mentions
/// ("Luật Đấu thầu số 22/2023/QH15", "Luật Bảo hiểm xã hội ngày 29/6/2024") and its
/// "(sau đây gọi là …)" definitions, each with the version it names.
#[derive(Debug, Default)]
struct DocLaws<'t> {
    /// (byte position, folded work name, version id)
    full: Vec<(usize, String, String)>,
    /// (byte position, folded defined name, version id)
    defined: Vec<(usize, String, String)>,
    /// The document's text and the clauses of its own effect its extraction found (see
    /// [`DocLaws::effective`]).
    text: &'t str,
    clauses: Option<&'t [usize]>,
    /// [`DocLaws::effective`], read on first use (most documents never ask).
    effective: std::cell::OnceCell<Option<Date>>,
    /// What the law table and the registry say of each law name the document cites
    /// ([`DocLaws::law`]), looked up once per name.
    names: std::cell::RefCell<std::collections::HashMap<String, std::rc::Rc<LawFacts>>>,
}

/// What the law table and the registry say of a law name ([`DocLaws::law`]).
#[derive(Debug)]
struct LawFacts {
    /// `Tables::work` of the name.
    work: Option<&'static Work>,
    /// [`work_key`] of the name.
    wkey: String,
    /// `fold_key` of the name.
    law_key: String,
    /// [`known_versions`] of the name, read on first use.
    versions: std::cell::OnceCell<Vec<(String, Option<Date>)>>,
}

impl DocLaws<'_> {
    /// The facts of a law name, looked up on the first citation naming it (the same
    /// `Tables::work`, [`work_key`] and `fold_key` every citation of the name would ask).
    fn law(&self, name: &str) -> std::rc::Rc<LawFacts> {
        if let Some(f) = self.names.borrow().get(name) {
            return f.clone();
        }
        let work = Tables::builtin().work(name);
        let f = std::rc::Rc::new(LawFacts {
            work,
            // What `work_key(name)` gives.
            wkey: match work {
                Some(w) => fold_key(&w.name),
                None => fold_key(name),
            },
            law_key: fold_key(name),
            versions: std::cell::OnceCell::new(),
        });
        self.names.borrow_mut().insert(name.to_string(), f.clone());
        f
    }

    /// The date the document itself takes effect ("Nghị định này có hiệu lực thi hành từ ngày
    /// 01 tháng 7 năm 2026"), when it says so ([`own_effective_date`]), read once, when
    /// first asked.
    fn effective(&self) -> Option<Date> {
        *self.effective.get_or_init(|| match self.clauses {
            Some(starts) => own_effective_date_at(self.text, starts),
            None => own_effective_date(self.text),
        })
    }
}

/// The date a document says it takes effect: its last "… này có hiệu lực (thi hành) (kể) từ
/// ngày …" (the article on its own effect closes it; earlier ones may quote other texts).
///
/// What `fold_key(text)` says, read without folding the text: the places that fold to the
/// clause are found on the original text (`normalize::fold_key_finder`), last first, and
/// only a window from each is folded. Folding from the clause's first letter gives the
/// whole text's fold from there on, and a window cut at an ASCII white space a prefix of it
/// followed by a space; a window too short to decide (fewer than 40 chars after the clause,
/// fewer than three numbers or 30 chars after "tu ngay") is widened, up to the end.
fn own_effective_date(text: &str) -> Option<Date> {
    static FINDER: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(finder) = FINDER.get_or_init(|| crate::normalize::fold_key_finder(CLAUSE)) else {
        return effective_date_in(&fold_key(text));
    };
    // The clauses in the last 16 KB, then 128 KB, then the whole text, last first: each
    // found in a tail is one of the whole text's (the finder has no anchor nor look-around).
    let mut tried = text.len();
    for tail in [16 << 10, 128 << 10, usize::MAX] {
        let mut cut = text.len().saturating_sub(tail);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let starts: Vec<usize> = finder
            .find_iter(&text[cut..])
            .map(|m| cut + m.start())
            .filter(|&m| m < tried)
            .collect();
        if let Some(d) = starts.iter().rev().find_map(|&m| clause_date_at(text, m)) {
            return Some(d);
        }
        if cut == 0 {
            break;
        }
        tried = cut;
    }
    None
}

/// [`own_effective_date`] with the clauses already found (`starts`: every match of the
/// finder on the whole text, in order, as [`Extraction`] holds them): the last with a date.
/// The tails of [`own_effective_date`] visit the same matches in the same order (last
/// first), so the answer is the same.
fn own_effective_date_at(text: &str, starts: &[usize]) -> Option<Date> {
    if clause_finder_folded().is_none() {
        return own_effective_date(text);
    }
    starts.iter().rev().find_map(|&m| clause_date_at(text, m))
}

/// The finder of the clause on a folded view (`normalize::fold_key_finder_folded`), built
/// once; the extractor runs it while it has the folded view.
pub(crate) fn clause_finder_folded() -> Option<&'static regex::bytes::Regex> {
    static FINDER: std::sync::OnceLock<Option<regex::bytes::Regex>> = std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| crate::normalize::fold_key_finder_folded(CLAUSE))
        .as_ref()
}

/// The date of the clause found at `m` of `text` (see [`own_effective_date`]): windows of
/// the text from `m` folded, widened until they decide.
fn clause_date_at(text: &str, m: usize) -> Option<Date> {
    let mut len: usize = 512;
    loop {
        let end = match text.as_bytes().get(m.saturating_add(len)..) {
            Some(after) => after
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(text.len(), |k| m + len + k),
            None => text.len(),
        };
        let whole = end == text.len();
        match clause_date(&fold_key(text.get(m..end)?), whole) {
            Some(found) => return found,
            // Not the clause after all (cannot happen: the finder matches only where the
            // fold holds it): nothing to read.
            None if whole => return None,
            None => len = len.saturating_mul(4),
        }
    }
}

/// The clause of a document's own effect, folded.
const CLAUSE: &str = "nay co hieu luc";

/// [`own_effective_date`] on a folded text: the last clause followed by a date.
fn effective_date_in(f: &str) -> Option<Date> {
    f.rmatch_indices(CLAUSE).find_map(|(i, m)| {
        let rest = f.get(i + m.len()..)?;
        let head: String = rest.chars().take(40).collect();
        let at = head.find("tu ngay ")?;
        written_date(rest.get(at + 8..)?)
    })
}

/// The date of the clause starting folded text `f` (a prefix of the document's fold from
/// the clause on, followed by a space unless `whole`), as [`effective_date_in`] reads it
/// there; `None` when `f` is too short to tell.
fn clause_date(f: &str, whole: bool) -> Option<Option<Date>> {
    let rest = f.strip_prefix(CLAUSE)?;
    let head: String = rest.chars().take(40).collect();
    let Some(at) = head.find("tu ngay ") else {
        return (whole || head.chars().count() == 40).then_some(None);
    };
    let s = rest.get(at + 8..).unwrap_or("");
    let numbers = s
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .take(3)
        .count();
    (whole || numbers == 3 && s.chars().nth(29).is_some()).then(|| written_date(s))
}

/// The folded key of a law name's work: the canonical name when the law table knows it.
pub fn work_key(name: &str) -> String {
    match Tables::builtin().work(name) {
        Some(w) => fold_key(&w.name),
        None => fold_key(name),
    }
}

/// The resolution of a version id: the registry entry, else the observed number.
fn version_answer(id: &str, reg: &Registry) -> Resolution {
    if reg.get(id).is_some() {
        Resolution::Resolved(id.to_string())
    } else {
        Resolution::Observed(id.to_string())
    }
}

/// Versions of a work the table and the registry know: (id, passed, effective).
fn known_versions(name: &str, work: Option<&Work>, reg: &Registry) -> Vec<(String, Option<Date>)> {
    let mut out: Vec<(String, Option<Date>)> = Vec::new();
    if let Some(w) = work {
        for v in &w.versions {
            out.push((v.id.clone(), Some(v.passed)));
        }
    }
    let mut regs = reg.by_name(name);
    if let Some(w) = work {
        regs.extend(reg.by_name(&w.name));
    }
    for i in regs {
        if matches!(i.kind, Kind::Law | Kind::Code) && !out.iter().any(|(id, _)| *id == i.id) {
            out.push((i.id.clone(), i.issued));
        }
    }
    out
}

/// The year of a version id ("22/2023/QH15" → 2023).
fn id_year(id: &str) -> Option<i32> {
    id.split('/').nth(1).and_then(|y| y.parse().ok())
}

/// A law cited by name (see the module doc for the order of the evidence).
fn named(c: &Citation, name: &str, reg: &Registry, ctx: &Context, doc: &DocLaws) -> Resolution {
    let facts = doc.law(name);
    let work = facts.work;
    let wkey = &facts.wkey;
    // The registry is the same for every citation of a document.
    let versions = facts
        .versions
        .get_or_init(|| known_versions(name, work, reg));
    // 1. A date or year written beside the name.
    if let Some(d) = c.date {
        if let Some((id, _)) = versions.iter().find(|(_, p)| *p == Some(d)) {
            return version_answer(id, reg);
        }
        // No version passed that day: one passed on that day and month of another year (by
        // the document's date) is the law meant, its year misprinted ("Luật Ban hành văn bản
        // quy phạm pháp luật ngày 19 tháng 2 năm 2015" for 19/02/2025); the year written
        // alone would name another version.
        let same_day: Vec<&String> = versions
            .iter()
            .filter(|(_, p)| {
                p.is_some_and(|p| {
                    p.month == d.month && p.day == d.day && ctx.date.is_none_or(|x| p <= x)
                })
            })
            .map(|(id, _)| id)
            .collect();
        if let [id] = same_day.as_slice() {
            return version_answer(id, reg);
        }
    }
    if let Some(y) = c.year {
        let of_year: Vec<&String> = versions
            .iter()
            .filter(|(id, p)| p.map(|p| p.year).or(id_year(id)) == Some(y))
            .map(|(id, _)| id)
            .collect();
        // A year no version has, not before the document's own year, while the work's list
        // is complete up to the document's date: no law of the work was passed that year by
        // then, so the year is not the law's ("Luật Dầu khí 2026" in a plan's column of
        // years) and the other evidence decides.
        let not_a_version_year = of_year.is_empty()
            && ctx.date.is_some_and(|d| {
                y >= d.year && work.is_some_and(|w| w.complete_until.is_some_and(|u| d <= u))
            });
        if !not_a_version_year {
            return match of_year.len() {
                1 => version_answer(of_year[0], reg),
                0 => doc
                    .full
                    .iter()
                    .find(|(_, k, id)| k == wkey && id_year(id) == Some(y))
                    .map(|(_, _, id)| version_answer(id, reg))
                    .unwrap_or(Resolution::Unknown),
                _ => Resolution::Ambiguous(of_year.into_iter().cloned().collect()),
            };
        }
    }
    // 2. A "(sau đây gọi là …)" definition of this name, the nearest before it.
    let written = fold_key(c.text.trim());
    let law_key = &facts.law_key;
    if let Some((_, _, id)) = doc
        .defined
        .iter()
        .filter(|(p, k, _)| *p < c.start && (*k == written || k == law_key))
        .max_by_key(|(p, _, _)| *p)
    {
        return version_answer(id, reg);
    }
    // 3. The document's own full citation of the work: the nearest earlier, else the first.
    let mine = doc.full.iter().filter(|(_, k, _)| k == wkey);
    let before = mine
        .clone()
        .filter(|(p, _, _)| *p <= c.start)
        .max_by_key(|(p, _, _)| *p);
    if let Some((_, _, id)) = before.or_else(|| mine.min_by_key(|(p, _, _)| *p)) {
        return version_answer(id, reg);
    }
    // An amending law ("Luật sửa đổi, bổ sung một số điều của …") is one instrument, never
    // re-enacted: its one registry entry, unless passed after the document.
    // Its entries are the registry's by that name and the law table's versions of the name;
    // the one passed by the document's date is taken, several are not told apart.
    if law_key.starts_with("luat sua doi") {
        let by_then: Vec<&String> = versions
            .iter()
            .filter(|(id, issued)| match (ctx.date, issued) {
                (Some(d), Some(i)) => *i <= d,
                _ => ctx.year.zip(id_year(id)).is_none_or(|(y, iy)| iy <= y),
            })
            .map(|(id, _)| id)
            .collect();
        return match by_then.as_slice() {
            [one] => version_answer(one, reg),
            _ => Resolution::Unknown,
        };
    }
    // 4. The version in force on the document's date, when the work's list is complete.
    let Some(w) = work else {
        return Resolution::Unknown;
    };
    let in_force = match (ctx.date, ctx.year) {
        // A document that takes effect after its date applies the laws in force then, among
        // those passed by its date (it cannot mean a later one).
        (Some(d), _) => match doc.effective().filter(|x| *x > d) {
            Some(x) if w.complete_until.is_some_and(|u| d <= u) => w
                .versions
                .iter()
                .filter(|v| v.passed <= d && v.effective <= x)
                .max_by_key(|v| v.effective),
            _ => w.in_force_on(d),
        },
        // Only the year: the version in force all that year — or, when the document says
        // it takes effect that year, from the year's start to then (it was signed between).
        (None, Some(y)) => {
            let end = doc
                .effective()
                .filter(|x| x.year == y)
                .or_else(|| Date::new(y, 12, 31));
            let a = Date::new(y, 1, 1).and_then(|d| w.in_force_on(d));
            let b = end.and_then(|d| w.in_force_on(d));
            a.filter(|a| b.is_some_and(|b| b.id == a.id))
        }
        (None, None) => None,
    };
    match in_force {
        Some(v) => version_answer(&v.id, reg),
        // None in force yet: unknown (the list need not hold the work's first version, so a
        // version passed but not yet in force is not taken for the only one).
        None => Resolution::Unknown,
    }
}

/// The first `n` chars of `s` (all of it when shorter): the text before the start of its
/// char number `n` (from 0), as `char_indices().nth(n)` places it, found by counting the
/// bytes that start a char instead of decoding each.
fn first_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut count = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // Every byte but a continuation byte (0b10xx_xxxx) starts a char.
        if (b as i8) >= -0x40 {
            if count == n {
                return s.get(..i).unwrap_or(s);
            }
            count += 1;
        }
    }
    s
}

/// The name a "(sau đây gọi là …)" / "(sau đây viết tắt là …)" phrase right after a
/// citation defines, folded; `after` is the text from the citation's end to the next one.
fn definition(after: &str) -> Option<String> {
    // The first 300 chars, borrowed.
    let head = first_chars(after, 300);
    // The phrase must follow a "(" (below), which only a "(" folds to.
    memchr::memchr(b'(', head.as_bytes())?;
    let f = fold_key(head);
    const PHRASES: &[&str] = &[
        "sau day goi tat la",
        "sau day goi la",
        "sau day viet tat la",
        "sau day duoc goi la",
        "goi tat la",
    ];
    // Each phrase holds "goi" or "viet tat": most texts have neither.
    if !(f.contains("goi") || f.contains("viet tat")) {
        return None;
    }
    let (at, len) = PHRASES
        .iter()
        .filter_map(|p| f.find(p).map(|i| (i, p.len())))
        .min_by_key(|x| x.0)?;
    // The phrase opens right after the citation (its own parenthesis), not a later clause.
    let before = &f[..at];
    if before.len() > 160 || !before.contains('(') {
        return None;
    }
    let rest = &f[at + len..];
    let name: String = rest
        .chars()
        .take_while(|c| !matches!(c, ')' | ';' | '\n'))
        .collect();
    let name = name
        .trim()
        .trim_matches(|c: char| c == '"' || c == '\'' || c == ':' || c.is_whitespace())
        .to_string();
    (!name.is_empty() && name.len() <= 120).then_some(name)
}

/// The amending law a name sits in the title of: "Luật sửa đổi, bổ sung một số điều của
/// Luật Chứng khoán, …, Luật Ngân sách nhà nước, … số 56/2024/QH15" — the text before the
/// name, back to the amending phrase, holds only the list of names, and the amending law's
/// number (or date) follows the list before the clause ends. Returns what is written of it:
/// its number ("56/2024/QH15") and its date, when written.
fn amending_title(
    text: &str,
    c: &Citation,
    words: &[WindowFinder; 1],
) -> Option<(Option<String>, Option<Date>)> {
    const PHRASES: &[&str] = &["sua doi, bo sung mot so dieu cua", "sua doi, bo sung"];
    let (from, _) = title_window(text, c);
    let window = text.get(from..c.start)?;
    // Both phrases start with "sua doi, bo sung" (`AMENDING`): a window where its finder
    // finds nothing has neither phrase in its fold, which is then not made.
    if !words.iter().all(|w| w.in_window(text, from, c.start)) {
        return None;
    }
    let before = fold_key(window);
    let (at, len) = PHRASES
        .iter()
        .find_map(|p| before.rfind(p).map(|i| (i, p.len())))?;
    let mut list = &before[at + len..];
    // "sửa đổi, bổ sung Điều 6 và Phụ lục 4 … của Luật Đầu tư": the list starts after "của".
    let mut skipped = 0;
    if let Some(k) = list.rfind(" cua") {
        if list[k + 4..].is_empty() || list[k + 4..].starts_with(' ') {
            skipped = k;
            list = &list[k + 4..];
        }
    }
    // An elliptical list, "của Luật: Chứng khoán, Kế toán, …": its items are bare names.
    let mut elliptical = false;
    for head in ["luat:", "cac luat:", "luat :", "cac luat :"] {
        if let Some(r) = list.trim_start().strip_prefix(head) {
            list = r;
            elliptical = true;
            break;
        }
    }
    // Only names of laws and their separators lie between the phrase and this name.
    let list_ok = !list.contains([';', '.', ':', '(', ')'])
        && !list.contains("can cu")
        && !list.contains("\n\n")
        && list
            .trim_start()
            .strip_prefix("cac ")
            .unwrap_or(list.trim_start())
            .chars()
            .all(|ch| ch != '/')
        && (list.trim().is_empty()
            || elliptical
            || list.trim_start().starts_with("luat")
            || list.trim_start().starts_with("bo luat")
            || list.trim_start().starts_with("cac luat"));
    if !list_ok {
        return None;
    }
    // Number first: "Luật số 56/2024/QH15 [ngày …] [của Quốc hội] [về] sửa đổi, bổ sung … của
    // Luật A, Luật B": the amending law is the one cited right before the phrase.
    // Only when the list follows the phrase (a few words such as "Điều 6 và" at most) and
    // stays short: "… sửa đổi, bổ sung … theo quy định của Luật X" far after is no title.
    if skipped <= 40 && list.len() <= 400 {
        if let Some(first) = number_first(&before[..at]) {
            return Some(first);
        }
    }
    let to = floor_char(text, (c.end + 700).min(text.len()));
    let after = fold_key(text.get(c.end..to)?);
    // The clause ends at ";" (a preamble item) or a full stop.
    let end = after.find([';', '.']).unwrap_or(after.len()).min(400);
    let tail = after.get(..end).unwrap_or(&after);
    let number = tail.find("so ").and_then(|i| {
        let rest = &tail[i + 3..];
        let n: String = rest
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '/')
            .collect();
        let parts: Vec<&str> = n.split('/').collect();
        (parts.len() == 3 && parts[2].starts_with("qh"))
            .then(|| format!("{}/{}/{}", parts[0], parts[1], parts[2].to_uppercase()))
    });
    let date = tail
        .find("ngay ")
        .and_then(|i| written_date(&tail[i + 5..]));
    // Else the date or year the extractor put beside this name is the amending law's own
    // ("… của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025").
    let date = date.or(if number.is_none() { c.date } else { None });
    let year = c.year.filter(|_| number.is_none() && date.is_none());
    match (number, date, year) {
        (None, None, None) => None,
        (None, None, Some(y)) => Some((None, Date::new(y, 12, 31))),
        (n, d, _) => Some((n, d)),
    }
}

/// A finder of a folded needle in a document's original text
/// ([`normalize::fold_key_finder`]), asked whether windows of the text hold a match
/// ([`amending_title`]'s 700 bytes before each law named without a number). The windows
/// that overlap (a list of laws) are joined, each stretch searched once and its windows
/// answered from its matches.
///
/// [`normalize::fold_key_finder`]: crate::normalize::fold_key_finder
struct WindowFinder {
    finder: Option<&'static regex::Regex>,
    /// The joined windows: byte ranges of the text, in order, apart.
    stretches: Vec<(usize, usize)>,
    /// Each stretch's matches (text offsets), leftmost-first and non-overlapping as
    /// `find_iter` gives them, found on first use.
    spans: Vec<std::cell::OnceCell<Vec<(usize, usize)>>>,
}

/// The finder of what both amending phrases start with, "sua doi, bo sung"
/// ([`amending_title`]).
fn phrase_finders() -> &'static [Option<regex::Regex>; 1] {
    static FINDERS: std::sync::OnceLock<[Option<regex::Regex>; 1]> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| [crate::normalize::fold_key_finder(AMENDING)])
}

/// What both amending phrases of [`amending_title`] start with.
const AMENDING: &str = "sua doi, bo sung";

/// [`amending_title`]'s window before a citation: the 700 bytes before it (to a char
/// boundary).
fn title_window(text: &str, c: &Citation) -> (usize, usize) {
    (floor_char(text, c.start.saturating_sub(700)), c.start)
}

impl WindowFinder {
    /// For the windows of `cits` that may be asked (those of the laws named without a
    /// number).
    fn new(finder: Option<&'static regex::Regex>, text: &str, cits: &[Citation]) -> WindowFinder {
        let windows: Vec<(usize, usize)> = cits
            .iter()
            .filter(|c| c.law.is_some() && c.number.is_none())
            .map(|c| title_window(text, c))
            .collect();
        WindowFinder::of_windows(finder, windows)
    }

    /// For these windows (byte ranges) of the text.
    fn of_windows(
        finder: Option<&'static regex::Regex>,
        mut windows: Vec<(usize, usize)>,
    ) -> WindowFinder {
        windows.sort_unstable();
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        for (a, b) in windows {
            match stretches.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => stretches.push((a, b)),
            }
        }
        let spans = stretches.iter().map(|_| Default::default()).collect();
        WindowFinder {
            finder,
            stretches,
            spans,
        }
    }

    /// Does `text[from..to]` (char boundaries) hold a match of the finder — what
    /// `finder.is_match(&text[from..to])` says (true without a finder)?
    ///
    /// From the matches of a stretch holding the window: a match M inside the window means
    /// the first match found ending after M's start starts at or before it (the search from
    /// any point up to M's start finds a match starting there at the latest), so the first
    /// match ending after `from` starts before `to`. When that match lies inside the
    /// window, the window holds a match; when it crosses an edge, the window itself is
    /// searched; when there is none before `to`, the window holds no match. (The finder has
    /// no anchor, look-around nor empty match.) A window in no stretch is searched.
    fn in_window(&self, text: &str, from: usize, to: usize) -> bool {
        let Some(finder) = self.finder else {
            return true;
        };
        let Some(window) = text.get(from..to) else {
            return false;
        };
        let k = self.stretches.partition_point(|&(a, _)| a <= from);
        let Some(at) = k.checked_sub(1).filter(|&k| self.stretches[k].1 >= to) else {
            return finder.is_match(window);
        };
        let (a, b) = self.stretches[at];
        let spans = self.spans[at].get_or_init(|| {
            text.get(a..b).map_or_else(Vec::new, |h| {
                finder
                    .find_iter(h)
                    .map(|m| (a + m.start(), a + m.end()))
                    .collect()
            })
        });
        let i = spans.partition_point(|&(_, e)| e <= from);
        match spans.get(i) {
            Some(&(s, e)) if s < to => (s >= from && e <= to) || finder.is_match(window),
            _ => false,
        }
    }
}

/// The amending law cited right before an amending phrase, number first (folded text that
/// ends where the phrase starts): "luat so 56/2024/qh15 ngay 29 thang 11 nam 2024 cua quoc hoi
/// ve " → its number and the date written.
fn number_first(pre: &str) -> Option<(Option<String>, Option<Date>)> {
    let mut p = pre.trim_end().trim_end_matches(',').trim_end();
    for w in [" ve viec", " ve", " ban hanh luat", " cua quoc hoi"] {
        if let Some(q) = p.strip_suffix(w) {
            p = q.trim_end().trim_end_matches(',').trim_end();
        }
    }
    let mut date = None;
    if let Some(k) = p.rfind(" ngay ") {
        if let Some(d) = written_date(&p[k + 6..]) {
            let rest = p[k + 6..].trim_end();
            let tail_ok = rest.ends_with(|ch: char| ch.is_ascii_digit());
            if tail_ok && rest.len() <= 24 {
                date = Some(d);
                p = p[..k].trim_end();
            }
        }
    }
    let (head, number) = p.rsplit_once(' ')?;
    let parts: Vec<&str> = number.split('/').collect();
    let ok = parts.len() == 3
        && parts[0].chars().all(|ch| ch.is_ascii_digit())
        && parts[1].len() == 4
        && parts[2].starts_with("qh")
        && head.trim_end().ends_with("luat so");
    ok.then(|| {
        (
            Some(format!(
                "{}/{}/{}",
                parts[0],
                parts[1],
                parts[2].to_uppercase()
            )),
            date,
        )
    })
}

/// "12 thang 3 nam 2025" or "12/3/2025" (folded) at the start of `s`.
fn written_date(s: &str) -> Option<Date> {
    let nums: Vec<u32> = s
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(|w| w.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    let head: String = s.chars().take(30).collect();
    let words_ok = head.contains("thang") && head.contains("nam") || head.contains('/');
    match nums.as_slice() {
        [d, m, y] if words_ok => Date::new(*y as i32, *m as u8, *d as u8),
        _ => None,
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A law named inside an amending law's title means the version that amending law amended:
/// the one whose `amended_by` lists it, else the version passed last before the amending
/// law (from its registry entry or the date written), when the work's list is complete then.
fn amended_base(
    text: &str,
    c: &Citation,
    name: &str,
    reg: &Registry,
    cited_by: Option<Date>,
    words: &[WindowFinder; 1],
    doc: &DocLaws,
) -> Option<String> {
    let work = doc.law(name).work?;
    let (number, date) = amending_title(text, c, words)?;
    if let Some(n) = &number {
        if let Some(v) = work
            .versions
            .iter()
            .find(|v| v.amended_by.iter().any(|a| a == n))
        {
            return Some(v.id.clone());
        }
    }
    let when = date.or_else(|| {
        number
            .as_deref()
            .and_then(|n| reg.get(n))
            .and_then(|i| i.issued)
    });
    let year = number.as_deref().and_then(id_year);
    passed_by(work, when, year, cited_by)
}

/// The latest version of `work` passed by `when` (a date, or a whole year when only the
/// year is known and the answer is the same all year), when the list is complete then.
/// `cited_by` is the citing document's date: an instrument it cites was passed by then, so a
/// year-only answer needs to hold only up to it.
fn passed_by(
    work: &Work,
    when: Option<Date>,
    year: Option<i32>,
    cited_by: Option<Date>,
) -> Option<String> {
    let latest = |d: Date| {
        if work.complete_until.is_none_or(|u| d > u) {
            return None;
        }
        work.versions
            .iter()
            .filter(|v| v.passed <= d)
            .max_by_key(|v| v.passed)
            .map(|v| v.id.clone())
    };
    match (when, year) {
        (Some(d), _) => latest(d),
        (None, Some(y)) => {
            let a = latest(Date::new(y, 1, 1)?)?;
            let end = Date::new(y, 12, 31)?;
            let end = cited_by.filter(|d| d.year == y).map_or(end, |d| d.min(end));
            (latest(end)? == a).then_some(a)
        }
        _ => None,
    }
}

/// A law named inside the title of another cited instrument ("Nghị định số 218/2013/NĐ-CP
/// ngày 26 tháng 12 năm 2013 … hướng dẫn thi hành Luật Thuế thu nhập doanh nghiệp") means
/// the version that instrument could name: the latest passed by its date. The instrument is
/// the nearest citation before the name, joined to it by its title (no ";", no sentence end,
/// no new "Căn cứ"); its date is the one written, its registry entry's, or its year.
/// `work`: the law table's work of the name (none: no answer).
fn named_in_title(
    text: &str,
    cits: &[Citation],
    i: usize,
    out: &[Option<Resolution>],
    work: Option<&Work>,
    reg: &Registry,
    cited_by: Option<Date>,
) -> Option<String> {
    let c = &cits[i];
    let work = work?;
    // The nearest citation before, passing over the laws named before this one in the same
    // list ("… hướng dẫn Luật Thuế giá trị gia tăng, Luật Thuế tiêu thụ đặc biệt và …").
    let (j, p) = cits[..i]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, p)| p.end <= c.start)
        .find(|(_, p)| !(p.law.is_some() && p.number.is_none()))?;
    // A numbered instrument other than a law (a law's title holds no other law's name).
    if p.number.is_none() || p.law.is_some() || matches!(p.kind, Kind::Law | Kind::Code) {
        return None;
    }
    let between = text.get(p.end..c.start)?;
    if between.len() > 600 {
        return None;
    }
    let sentence_end = between
        .char_indices()
        .any(|(k, ch)| ch == '.' && between[k + 1..].starts_with(char::is_whitespace));
    // Only ";" and ":" fold to themselves: looked for before folding.
    if between.contains([';', ':']) || sentence_end {
        return None;
    }
    let f = fold_key(between);
    if f.contains("can cu") {
        return None;
    }
    // The words of an instrument's title ("về …", "quy định chi tiết …", "hướng dẫn thi
    // hành …", "sửa đổi, bổ sung … của …"), not a clause of the citing text ("…, để triển khai").
    const TITLE_WORDS: &[&str] = &[
        "ve ",
        "quy dinh",
        "huong dan",
        "thi hanh",
        "sua doi",
        "bai bo",
    ];
    if !TITLE_WORDS.iter().any(|w| f.contains(w)) && !f.ends_with("cua") {
        return None;
    }
    let issued = match out.get(j) {
        Some(Some(Resolution::Resolved(id))) => reg.get(id).and_then(|e| e.issued),
        _ => None,
    };
    passed_by(work, p.date.or(issued), p.year, cited_by)
}

/// A number written without its symbol ("Nghị định số 200") after the document cited it in
/// full ("Nghị định số 200/2025/NĐ-CP … (sau đây gọi là Nghị định)"): the one full citation of
/// that kind and number the document holds, resolved as it was, else observed by its
/// canonical number. Several different full citations: none is taken.
fn same_document_full(
    cits: &[Citation],
    i: usize,
    out: &[Option<Resolution>],
) -> Option<Resolution> {
    let c = &cits[i];
    let n = c.number.as_deref()?;
    if c.symbol.is_some() || c.law.is_some() {
        return None;
    }
    let full: Vec<usize> = (0..cits.len())
        .filter(|&j| {
            j != i
                && cits[j].kind == c.kind
                && cits[j].number.as_deref() == Some(n)
                && cits[j].symbol.is_some()
                && cits[j].canonical.is_some()
        })
        .collect();
    let first = *full.first()?;
    if full
        .iter()
        .any(|&j| cits[j].canonical != cits[first].canonical)
    {
        return None;
    }
    match out.get(first).cloned().flatten() {
        Some(r @ Resolution::Resolved(_)) => Some(r),
        _ => cits[first].canonical.clone().map(Resolution::Observed),
    }
}

/// Resolve every citation of a document, reading the whole document for the laws it cites
/// by name (`text` is the original the citations' spans point into).
pub fn resolve_document(text: &str, e: &Extraction, reg: &Registry) -> Vec<Resolution> {
    let ctx = Context::of(e);
    let cits = &e.citations;
    let mut doc = DocLaws {
        text,
        clauses: e.effective_clauses.as_deref(),
        ..DocLaws::default()
    };
    let mut out: Vec<Option<Resolution>> = vec![None; cits.len()];
    let words = phrase_finders()
        .each_ref()
        .map(|f| WindowFinder::new(f.as_ref(), text, cits));
    // Pass 1: numbered citations, and laws with a year or date beside their name.
    for (i, c) in cits.iter().enumerate() {
        let r = match (&c.number, &c.symbol, &c.law) {
            (Some(_), Some(_), Some(name)) if number_of_another_work(c, name, reg) => {
                // The name wins over a number the registry knows as another law's ("Luật Ban
                // hành văn bản quy phạm pháp luật số 63/2025/QH15", 63/2025 being Luật Tổ
                // chức Chính phủ): the number is a slip, the name and what else is written
                // decide.
                named(c, name, reg, &ctx, &doc)
            }
            (Some(n), Some(s), _) => numbered(c, n, s, reg, &ctx),
            (None, _, Some(name)) if c.year.is_some() || c.date.is_some() => {
                match amended_base(text, c, name, reg, ctx.date, &words, &doc) {
                    Some(id) => version_answer(&id, reg),
                    None => named(c, name, reg, &ctx, &doc),
                }
            }
            _ => continue,
        };
        if let Some(name) = &c.law {
            let facts = doc.law(name);
            let (wkey, work) = (facts.wkey.clone(), facts.work);
            let id = match &r {
                // The registry entry, when it is of this work.
                Resolution::Resolved(id) | Resolution::Observed(id) => {
                    let same_work = match reg.get(id) {
                        Some(i) => i
                            .law_name
                            .as_deref()
                            .is_some_and(|n| doc.law(n).wkey == wkey),
                        None => true,
                    };
                    same_work.then(|| id.clone())
                }
                // Not in the registry: the number as written, unless the work's complete
                // list says it is not one of its versions.
                Resolution::Unknown if c.number.is_some() => {
                    c.canonical.clone().filter(|id| match work {
                        Some(w) => {
                            w.version(id).is_some()
                                || w.complete_until
                                    .is_none_or(|u| id_year(id).is_none_or(|y| y > u.year))
                        }
                        None => true,
                    })
                }
                _ => None,
            };
            if let Some(id) = id {
                let id = match reg.get(&id) {
                    Some(_) => id,
                    None => c.canonical.clone().unwrap_or(id),
                };
                doc.full.push((c.start, wkey, id.clone()));
                if let Some(d) = definition(text.get(c.end..).unwrap_or("")) {
                    doc.defined.push((c.start, d, id));
                }
                if c.number.is_some() && out[i].is_none() {
                    // A law by number resolves as numbered; an unknown one is observed.
                    if matches!(r, Resolution::Unknown) {
                        out[i] = Some(Resolution::Observed(
                            c.canonical.clone().unwrap_or_default(),
                        ));
                        continue;
                    }
                }
            }
        }
        out[i] = Some(r);
    }
    // Pass 2: laws by bare name.
    for (i, c) in cits.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        out[i] = Some(match &c.law {
            Some(name) if c.number.is_none() && revision_bill(text, c) => revision(name, &ctx, reg),
            Some(name) if c.number.is_none() => {
                match amended_base(text, c, name, reg, ctx.date, &words, &doc).or_else(|| {
                    let work = doc.law(name).work;
                    named_in_title(text, cits, i, &out, work, reg, ctx.date)
                }) {
                    Some(id) => version_answer(&id, reg),
                    None => named(c, name, reg, &ctx, &doc),
                }
            }
            Some(_) => resolve(c, reg, &ctx),
            None => same_document_full(cits, i, &out).unwrap_or_else(|| resolve(c, reg, &ctx)),
        });
    }
    out.into_iter()
        .map(|r| r.unwrap_or(Resolution::Unknown))
        .collect()
}

/// A law cited by name and number whose number the registry holds as a law of another work
/// (both names known works of the law table; amending laws aside).
fn number_of_another_work(c: &Citation, name: &str, reg: &Registry) -> bool {
    let t = Tables::builtin();
    let Some(id) = c.canonical.as_deref() else {
        return false;
    };
    let Some(i) = reg.get(id) else {
        return false;
    };
    let Some(other) = i.law_name.as_deref() else {
        return false;
    };
    let amending = |n: &str| fold_key(n).starts_with("luat sua doi");
    if amending(name) || amending(other) || !matches!(i.kind, Kind::Law | Kind::Code) {
        return false;
    }
    // Only a slip when the named work has a version of its own that year (a neighbouring
    // number); a law renamed by its successor ("Luật Giao thông đường bộ số 35/2024/QH15",
    // Luật Đường bộ) has none, and keeps the number.
    let year = id_year(id);
    match (t.work(name), t.work(other)) {
        (Some(a), Some(b)) => {
            fold_key(&a.name) != fold_key(&b.name)
                && a.versions
                    .iter()
                    .any(|v| v.id != id && Some(v.passed.year) == year)
        }
        _ => false,
    }
}

/// "Luật Thuế thu nhập cá nhân (sửa đổi)": the name of a revision (a bill, or a new law just
/// passed), not of the law in force.
fn revision_bill(text: &str, c: &Citation) -> bool {
    let after = text.get(c.end..).unwrap_or("");
    // The 12 chars after the white space and "*", borrowed.
    let after = after.trim_start_matches(|ch: char| ch.is_whitespace() || ch == '*');
    let after = &after[..after.char_indices().nth(12).map_or(after.len(), |(i, _)| i)];
    fold_key(after).starts_with("(sua doi)")
}

/// A revision named "(sửa đổi)": the newest version passed by the document's date when it is
/// not in force yet (the new law), else unknown (a bill, not passed) — never the law in force.
fn revision(name: &str, ctx: &Context, reg: &Registry) -> Resolution {
    let (Some(w), Some(d)) = (Tables::builtin().work(name), ctx.date) else {
        return Resolution::Unknown;
    };
    if w.complete_until.is_none_or(|u| d > u) {
        return Resolution::Unknown;
    }
    match w
        .versions
        .iter()
        .filter(|v| v.passed <= d)
        .max_by_key(|v| v.passed)
    {
        Some(v) if v.effective > d => version_answer(&v.id, reg),
        _ => Resolution::Unknown,
    }
}

/// Counts of a document's resolution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub resolved: usize,
    pub ambiguous: usize,
    pub unknown: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.resolved + self.ambiguous + self.unknown
    }
    pub fn add(&mut self, o: Summary) {
        self.resolved += o.resolved;
        self.ambiguous += o.ambiguous;
        self.unknown += o.unknown;
    }
}

/// Resolve every citation of a document (see [`resolve_document`]) and fill
/// `citation.instrument`: the entry's summary; for a version the registry lacks, what the
/// document says of it (`"observed": true`); `{"ambiguous": [ids]}`; or null.
pub fn resolve_all(text: &str, e: &mut Extraction, reg: &Registry) -> Summary {
    let rs = resolve_document(text, e, reg);
    fill(e, &rs, reg)
}

/// Fill `citation.instrument` from the resolutions of [`resolve_document`] (see
/// [`resolve_all`]) and count them.
pub fn fill(e: &mut Extraction, rs: &[Resolution], reg: &Registry) -> Summary {
    let mut s = Summary::default();
    let ctx = Context::of(e);
    for (c, r) in e.citations.iter_mut().zip(rs) {
        c.unresolved = matches!(r, Resolution::Unknown).then(|| unresolved(c, reg, &ctx));
        c.instrument = match &r {
            Resolution::Resolved(id) => reg.get(id).map(|i| Resolved::Entry(entry(i))),
            Resolution::Observed(id) => Some(Resolved::Entry(observed(id, c))),
            Resolution::Ambiguous(v) => Some(Resolved::Ambiguous {
                ambiguous: v.clone(),
            }),
            Resolution::Unknown => None,
        };
        match r {
            Resolution::Resolved(_) | Resolution::Observed(_) => s.resolved += 1,
            Resolution::Ambiguous(_) => s.ambiguous += 1,
            Resolution::Unknown => s.unknown += 1,
        }
    }
    s
}

/// Why a citation the resolver left unknown resolved to nothing, by the same evidence the
/// resolver weighs ([`numbered`], [`named`]): no entry of this number-symbol or law name;
/// every entry in conflict with what is written; the one entry of a yearly series without
/// evidence it is that year's; a law whose list of versions is incomplete for the date, or
/// complete but silent on which version.
pub fn unresolved(c: &Citation, reg: &Registry, ctx: &Context) -> Unresolved {
    if let (Some(n), Some(s)) = (&c.number, &c.symbol) {
        // An entry whose number carries another year ("168/2018/NĐ-CP" for "168/2017/NĐ-CP")
        // is another instrument, not one in conflict.
        let all: Vec<&Instrument> = reg
            .by_number_symbol(n, s)
            .into_iter()
            .filter(|i| !(year_in_number(i) && c.year.is_some() && c.year != i.year()))
            .collect();
        return if all.is_empty() {
            Unresolved::NotInRegistry
        } else if all.iter().all(|i| conflicts(c, i, ctx)) {
            Unresolved::Conflict
        } else {
            Unresolved::NoEvidence
        };
    }
    let Some(name) = c.law.as_deref() else {
        return Unresolved::NoNumberSymbol;
    };
    let work = Tables::builtin().work(name);
    if known_versions(name, work, reg).is_empty() {
        return Unresolved::NotInRegistry;
    }
    // A date or year written beside the name that no version of a complete list has.
    let written = c.date.or_else(|| c.year.and_then(|y| Date::new(y, 12, 31)));
    if let (Some(w), Some(d)) = (work, written) {
        if w.complete_until.is_some_and(|u| d <= u) {
            return Unresolved::Conflict;
        }
    }
    // The latest date the document can be on: its own, else the end of its year.
    let when = ctx
        .date
        .or_else(|| ctx.year.and_then(|y| Date::new(y, 12, 31)));
    match (work, when) {
        (Some(w), Some(d)) if w.complete_until.is_none_or(|u| d > u) => {
            Unresolved::SeriesIncomplete
        }
        (None, _) => Unresolved::SeriesIncomplete,
        _ => Unresolved::LawVersionUnknown,
    }
}

/// The summary of a registry entry put on a citation resolved to it.
pub fn entry(i: &Instrument) -> Entry {
    Entry {
        date: i.issued,
        id: i.id.clone(),
        kind: i.kind,
        number: i.number.clone(),
        observed: false,
        status: i.status,
        symbol: i.symbol.clone(),
        title: i.title.clone(),
        year: i.year(),
    }
}

/// The summary of an instrument the registry lacks that the document names in full (a law
/// version "22/2023/QH15", or the full citation a bare number refers to), from its canonical
/// number and the citation.
fn observed(id: &str, c: &Citation) -> Entry {
    Entry {
        date: None,
        id: id.to_string(),
        kind: c.kind,
        number: id.split('/').next().map(str::to_string),
        observed: true,
        status: crate::registry::Status::Unknown,
        symbol: id.rsplit('/').next().map(str::to_string),
        title: c.law.clone().or_else(|| c.title.clone()),
        year: id_year(id),
    }
}

/// The id a resolved citation points to.
pub fn resolved_id(c: &Citation) -> Option<&str> {
    c.instrument.as_ref()?.id()
}

#[cfg(test)]
mod tests {

    /// `first_chars` cuts where `char_indices().nth(n)` places the cut, on short, long,
    /// ASCII and multi-byte texts (random chars of one to four bytes).
    #[test]
    fn first_chars_cuts_as_char_indices() {
        let reference =
            |s: &str, n: usize| -> usize { s.char_indices().nth(n).map_or(s.len(), |(i, _)| i) };
        let alphabet = ['a', ' ', 'đ', 'ộ', '\u{3000}', '😀', '(', '\n'];
        let mut x: u64 = 0x5DEE_CE66_D1CE_4E5B;
        for _ in 0..3000 {
            x = crate::testing::xorshift(x);
            let len = (x % 700) as usize;
            let s: String = (0..len)
                .map(|k| alphabet[((x >> (k % 50)) as usize + k) % alphabet.len()])
                .collect();
            for n in [0, 1, 2, 299, 300, 301, len / 2, len, len + 1] {
                assert_eq!(first_chars(&s, n).len(), reference(&s, n), "{s:?} {n}");
            }
        }
        for (s, n, want) in [
            ("", 3, ""),
            ("abc", 3, "abc"),
            ("abcd", 3, "abc"),
            ("đđđđ", 2, "đđ"),
        ] {
            assert_eq!(first_chars(s, n), want);
        }
    }

    /// `WindowFinder::in_window` answers as the finder searching the window itself, for
    /// every window of a text (char boundaries), whatever windows were joined into stretches:
    /// matches inside, across either edge, several in a stretch, none.
    #[test]
    fn window_finder_answers_as_the_finder_table() {
        let text = "Luật số 56/2024/QH15 sửa đổi, bổ sung một số điều của Luật Chứng khoán, \
                    Luật Kế toán; BỔ  SUNG Luật Ngân sách nhà nước, Sửa đổi,\nbổ\u{00AD}sung \
                    Luật Đầu tư và bo sung.";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let rows: &[&[(usize, usize)]] = &[
            &[],
            &[(0, text.len())],
            &[(0, 40), (30, 90), (150, 200)],
            &[(10, 60), (61, 120), (121, 160)],
        ];
        for finder in phrase_finders().iter().flatten() {
            for windows in rows {
                let windows: Vec<(usize, usize)> = windows
                    .iter()
                    .map(|&(a, b)| (floor_char(text, a), floor_char(text, b)))
                    .collect();
                let wf = WindowFinder::of_windows(Some(finder), windows.clone());
                for (k, &from) in bounds.iter().enumerate() {
                    for &to in bounds[k..].iter().step_by(3) {
                        assert_eq!(
                            wf.in_window(text, from, to),
                            finder.is_match(&text[from..to]),
                            "{windows:?} {from}..{to}"
                        );
                    }
                }
            }
        }
    }

    use super::*;

    /// The finder of "sua doi, bo sung" matches a text where its fold holds the phrase (upper
    /// case, emphasis, line breaks, soft hyphens, decomposed marks) and not where the fold
    /// has another comma, no space after it, or another word.
    #[test]
    fn amending_finder_matches_where_the_fold_holds_the_phrase_table() {
        let rows: &[(&str, bool)] = &[
            ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai", true),
            ("LUẬT SỬA ĐỔI, BỔ SUNG", true),
            ("sửa đổi,\n  **bổ** sung", true),
            ("su\u{301}a đô\u{302}\u{300}i, bổ\u{00AD} sung", true),
            ("sửa đổi,bổ sung", false),
            ("sửa đổi , bổ sung", false),
            ("sửa đổi bổ sung", false),
            ("sửa đổi; bổ sung", false),
            ("sửa đổi\u{FF0C} bổ sung", false),
            ("sửa đổi, bổ xung", false),
        ];
        let finder = phrase_finders()[0].as_ref().expect("the finder is built");
        for &(text, expected) in rows {
            assert_eq!(
                fold_key(text).contains(AMENDING),
                expected,
                "fold of {text:?}"
            );
            assert_eq!(finder.is_match(text), expected, "finder on {text:?}");
        }
    }

    /// Folding windows from the clauses found on the original text gives what folding the
    /// whole text gives, wherever the clauses are, however far their date is.
    #[test]
    fn own_effective_date_read_in_windows_is_the_whole_texts() {
        let whole = |text: &str| effective_date_in(&fold_key(text));
        let clause = "Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2020.\n";
        let quoted = "Luật này có hiệu lực từ ngày\n";
        let filler = |n: usize| "Điều khoản   thi hành, *các* Bộ trưởng.\n".repeat(n);
        let rows: Vec<String> = vec![
            format!("{}{clause}{}", filler(10), filler(10)),
            format!("{clause}{}", filler(3000)),
            format!("{clause}{}{quoted}", filler(3000)),
            format!("{}{clause}{}", filler(1000), filler(500)),
            format!("{}{quoted}{}", filler(2000), filler(400)),
            format!(
                "{}Nghị định này có hiệu lực{}",
                filler(10),
                " ".repeat(70_000)
            ),
            format!("{clause}{}1 tháng 2 năm 2021", " ".repeat(20_000)),
            filler(5000),
            String::new(),
            // The date far after "từ ngày": the window widens until three numbers are read.
            format!(
                "Nghị định này có hiệu lực kể từ ngày / {} 1 2 2020",
                "ký ".repeat(3000)
            ),
            format!(
                "Nghị định này có hiệu lực kể từ ngày {}1/2/2020",
                "a ".repeat(400)
            ),
            format!(
                "Thông tư này có hiệu lực {}",
                "kể từ ngày 1/2/2020 ".repeat(500)
            ),
            format!("{clause}{clause}{}{quoted}{quoted}", filler(20)),
            "NÀY CÓ HIỆU LỰC TỪ NGÀY 01 THÁNG 7 NĂM 2019".to_string(),
            "này có hiệu lực từ ngày 01 tháng 7".to_string(),
            "xnày có hiệu lực\u{a0}từ ngày 1/7/2019 ".to_string(),
        ];
        for (i, text) in rows.iter().enumerate() {
            assert_eq!(own_effective_date(text), whole(text), "row {i}");
            // The clauses the extraction found on its folded view give the same date.
            let e = crate::extract::extract(text);
            let starts = e.effective_clauses.as_deref().expect("looked for");
            assert_eq!(own_effective_date_at(text, starts), whole(text), "row {i}");
        }
        assert_eq!(own_effective_date(&rows[1]), Date::new(2020, 3, 15));
        assert_eq!(own_effective_date(&rows[9]), Date::new(2020, 2, 1));
        assert_eq!(own_effective_date(&rows[13]), Date::new(2019, 7, 1));
        assert_eq!(own_effective_date(&rows[15]), Date::new(2019, 7, 1));
    }

    const REG: &str = r#"
[[instrument]]
id = "28-NQ/TW:bo-chinh-tri:2008-09-22"
kind = "nghi-quyet"
number = "28"
year = 2008
symbol = "NQ/TW"
issuer = "Bộ Chính trị"
issued = "2008-09-22"
title = "về tiếp tục xây dựng các tỉnh, thành phố trực thuộc Trung ương thành khu vực phòng thủ vững chắc trong tình hình mới"
subject = ["khu vực phòng thủ"]

[[instrument]]
id = "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25"
kind = "nghi-quyet"
number = "28"
year = 2013
symbol = "NQ/TW"
issuer = "Ban Chấp hành Trung ương"
issued = "2013-10-25"
title = "về Chiến lược bảo vệ Tổ quốc trong tình hình mới"

[[instrument]]
id = "168/2018/NĐ-CP"
kind = "nghi-dinh"
number = "168"
year = 2018
symbol = "NĐ-CP"
issued = "2018-12-28"

[[instrument]]
id = "43/2009/QH12"
kind = "luat"
number = "43"
year = 2009
symbol = "QH12"
issued = "2009-11-23"
effective = "2010-07-01"
law_name = "Luật Dân quân tự vệ"
status = "expired"
[[instrument.relation]]
type = "replaced-by"
target = "48/2019/QH14"

[[instrument]]
id = "48/2019/QH14"
kind = "luat"
number = "48"
year = 2019
symbol = "QH14"
issued = "2019-11-22"
effective = "2020-07-01"
law_name = "Luật Dân quân tự vệ"
aliases = ["Luật DQTV"]
status = "in-force"

[[instrument]]
id = "47/2019/QH14"
kind = "luat"
number = "47"
year = 2019
symbol = "QH14"
issued = "2019-11-22"
law_name = "Luật Tố tụng hành chính"

[[instrument]]
id = "93/2015/QH13"
kind = "luat"
number = "93"
year = 2015
symbol = "QH13"
issued = "2015-11-25"
law_name = "Luật Tố tụng hành chính"

[[instrument]]
id = "21/CT-TTg:2007"
kind = "chi-thi"
number = "21"
symbol = "CT-TTg"
issued = "2007-08-03"
title = "về việc đẩy mạnh thực hiện chính sách tín dụng đối với học sinh, sinh viên"
"#;

    fn check(text: &str, doc_date: Option<&str>, expected: Resolution) {
        let reg = Registry::from_text("t", REG).unwrap();
        let e = crate::extract(text);
        let c = e
            .citations
            .first()
            .unwrap_or_else(|| panic!("no citation in {text:?}"));
        let date = doc_date.and_then(Date::parse_iso);
        let ctx = Context {
            date,
            year: date.map(|d| d.year),
        };
        assert_eq!(resolve(c, &reg, &ctx), expected, "{text:?}");
    }

    fn r(id: &str) -> Resolution {
        Resolution::Resolved(id.into())
    }

    /// Why an unknown citation resolved to nothing, and the JSON field it gives.
    #[test]
    fn unresolved_reason_table() {
        let reg = Registry::from_text("t", REG).unwrap();
        let rows: Vec<(&str, Option<&str>, Unresolved)> = vec![
            (
                "Nghị định số 168/2017/NĐ-CP",
                None,
                Unresolved::NotInRegistry,
            ),
            // "Nghị quyết số 93/2015/QH13" is no law: the kind conflicts with the only entry.
            ("Nghị quyết số 93/2015/QH13", None, Unresolved::Conflict),
            // A series numbered anew each year, nothing saying it is 2007's.
            (
                "Chỉ thị 21/CT-TTg",
                Some("2025-05-01"),
                Unresolved::NoEvidence,
            ),
            (
                "Quyết định số 123 của UBND tỉnh",
                None,
                Unresolved::NoNumberSymbol,
            ),
            // A law by name, versions known, no date to choose by.
            (
                "theo Luật Dân quân tự vệ",
                None,
                Unresolved::LawVersionUnknown,
            ),
            (
                "theo Luật Không Có Thật",
                Some("2024-01-01"),
                Unresolved::NotInRegistry,
            ),
        ];
        for (text, doc_date, want) in rows {
            let e = crate::extract(text);
            let c = e.citations.first().unwrap_or_else(|| panic!("{text:?}"));
            let date = doc_date.and_then(Date::parse_iso);
            let ctx = Context {
                date,
                year: date.map(|d| d.year),
            };
            assert_eq!(resolve(c, &reg, &ctx), Resolution::Unknown, "{text:?}");
            assert_eq!(unresolved(c, &reg, &ctx), want, "{text:?}");
        }
        // In the JSON beside `"instrument": null`; absent once resolved.
        let mut e = crate::extract("Nghị định số 168/2017/NĐ-CP và Nghị định số 168/2018/NĐ-CP");
        resolve_all("", &mut e, &reg);
        let v = serde_json::to_value(&e.citations).unwrap();
        assert_eq!(v[0]["instrument"], serde_json::Value::Null);
        assert_eq!(v[0]["unresolved"]["reason"], "not-in-registry");
        assert!(v[1].get("unresolved").is_none(), "{}", v[1]);
    }

    #[test]
    fn resolution_table() {
        let both = Resolution::Ambiguous(vec![
            "28-NQ/TW:bo-chinh-tri:2008-09-22".into(),
            "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25".into(),
        ]);
        let rows: Vec<(&str, Option<&str>, Resolution)> = vec![
            ("Nghị định số 168/2018/NĐ-CP", None, r("168/2018/NĐ-CP")),
            ("theo 168/2018/ND-CP", None, r("168/2018/NĐ-CP")),
            // Wrong type word, known symbol.
            ("Quyết định số 168/2018/NĐ-CP", None, r("168/2018/NĐ-CP")),
            ("Nghị định số 168/2017/NĐ-CP", None, Resolution::Unknown),
            (
                "Nghị quyết số 28-NQ/TW ngày 22/9/2008",
                None,
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW về xây dựng tỉnh thành khu vực phòng thủ",
                None,
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW về Chiến lược bảo vệ Tổ quốc trong tình hình mới",
                None,
                r("28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25"),
            ),
            (
                "Nghị quyết số 28-NQ/TW của Bộ Chính trị",
                None,
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW",
                Some("2010-01-01"),
                r("28-NQ/TW:bo-chinh-tri:2008-09-22"),
            ),
            (
                "Nghị quyết số 28-NQ/TW",
                Some("2024-01-01"),
                r("28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25"),
            ),
            ("Nghị quyết số 28-NQ/TW", None, both),
            ("theo Luật DQTV", Some("2024-01-01"), r("48/2019/QH14")),
            (
                "theo Luật Dân quân tự vệ",
                Some("2015-01-01"),
                r("43/2009/QH12"),
            ),
            (
                "theo Luật Dân quân tự vệ năm 2009",
                Some("2024-01-01"),
                r("43/2009/QH12"),
            ),
            // No date, no year: the work, version unknown (never the newest by default).
            ("theo Luật Dân quân tự vệ", None, Resolution::Unknown),
            // Never a version passed after the document.
            (
                "theo Luật Dân quân tự vệ",
                Some("2009-11-01"),
                Resolution::Unknown,
            ),
            // Passed (23/11/2009), not yet in force (01/7/2010): the list need not hold the
            // work's first version, so unknown.
            (
                "theo Luật Dân quân tự vệ",
                Some("2009-12-01"),
                Resolution::Unknown,
            ),
            // Evidence before resolution: a resolution is not the law of the same number.
            ("Nghị quyết số 93/2015/QH13", None, Resolution::Unknown),
            ("Luật số 93/2015/QH13", None, r("93/2015/QH13")),
            // A directive numbered anew each year: a 2025 text does not mean the 2007 one.
            ("Chỉ thị 21/CT-TTg", Some("2025-05-01"), Resolution::Unknown),
            (
                "Chỉ thị 21/CT-TTg ngày 03/8/2007",
                Some("2025-05-01"),
                r("21/CT-TTg:2007"),
            ),
            ("Chỉ thị 21/CT-TTg", Some("2007-10-01"), r("21/CT-TTg:2007")),
            // A date written that is not the entry's.
            // The year is in the number: a different date is the checker's finding.
            (
                "Nghị định số 168/2018/NĐ-CP ngày 01/01/2018",
                None,
                r("168/2018/NĐ-CP"),
            ),
            ("Nghị định số 99/2018/NĐ-CP", None, Resolution::Unknown),
        ];
        for (t, d, e) in rows {
            check(t, d, e);
        }
    }

    /// Resolution of laws by name reading the whole document: (document, the mention to
    /// look at (the last citation), expected).
    #[test]
    fn whole_document_table() {
        let reg = Registry::from_text("t", REG).unwrap();
        let rows: Vec<(&str, Resolution)> = vec![
            // The preamble's full citation decides, whatever the date says.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật Dân quân tự vệ số 43/2009/QH12;\nI. NỘI DUNG\nthực hiện Luật Dân quân tự vệ",
                r("43/2009/QH12"),
            ),
            // A version the registry lacks, named by the document: observed.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật Đấu thầu số 22/2023/QH15 ngày 23 tháng 6 năm 2023;\nI. NỘI DUNG\ntheo Luật Đấu thầu",
                Resolution::Observed("22/2023/QH15".into()),
            ),
            // A "(sau đây gọi là …)" definition.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật Dân quân tự vệ số 43/2009/QH12 (sau đây gọi là Luật DQTV);\nI. NỘI DUNG\ntheo Luật DQTV",
                r("43/2009/QH12"),
            ),
            // number_of_another_law: a number the registry holds as another work's law, the
            // named work having a version of that year, is a slip; the name decides.
            // Regression: "Luật Ban hành văn bản QPPL số 63/2025/QH15" → Luật Tổ chức Chính phủ.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật Dân quân tự vệ số 47/2019/QH14;",
                r("48/2019/QH14"),
            ),
            // No version of the named work that year: the number stands (a law renamed by its
            // successor is cited by the old name with the new number).
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật Dân quân tự vệ số 93/2015/QH13;",
                r("93/2015/QH13"),
            ),
            // A year beside the name wins over the preamble.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật Dân quân tự vệ số 48/2019/QH14;\nI. NỘI DUNG\nLuật Dân quân tự vệ năm 2009",
                r("43/2009/QH12"),
            ),
            // Nothing in the document: the version in force on its date (effective date).
            (
                "Hà Nội, ngày 05 tháng 01 năm 2020\nI. NỘI DUNG\ntheo Luật Dân quân tự vệ",
                r("43/2009/QH12"),
            ),
            (
                "Hà Nội, ngày 05 tháng 7 năm 2020\nI. NỘI DUNG\ntheo Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            // year_and_own_effective_date: no date line, the year from the document's number
            // and its own effective date bound when it was signed. Regression: "Luật Bảo
            // hiểm xã hội" in a circular 05/2025 in force from 22/4/2025 was unknown.
            (
                "Số: 05/2020/TT-BGDĐT\nTHÔNG TƯ\nĐiều 1. theo Luật Dân quân tự vệ\nĐiều 9. Thông tư này có hiệu lực thi hành kể từ ngày 22 tháng 4 năm 2020.",
                r("43/2009/QH12"),
            ),
            (
                "Số: 05/2020/TT-BGDĐT\nTHÔNG TƯ\nĐiều 1. theo Luật Dân quân tự vệ\nĐiều 9. Thông tư này có hiệu lực thi hành kể từ ngày 22 tháng 8 năm 2020.",
                Resolution::Unknown,
            ),
            // No date: the work, version unknown.
            ("I. NỘI DUNG\ntheo Luật Dân quân tự vệ", Resolution::Unknown),
            // A document taking effect after its date applies the laws in force then, among
            // those passed by its date. Regression: a decree of 15/5/2026 in force from
            // 01/7/2026 read "Luật An ninh mạng" as 24/2018.
            (
                "Hà Nội, ngày 15 tháng 5 năm 2020\nĐiều 1. theo Luật Dân quân tự vệ\nĐiều 9. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2020.",
                r("48/2019/QH14"),
            ),
            (
                "Hà Nội, ngày 15 tháng 5 năm 2020\nĐiều 1. theo Luật Dân quân tự vệ\nĐiều 9. Nghị định này có hiệu lực thi hành từ ngày 15 tháng 6 năm 2020.",
                r("43/2009/QH12"),
            ),
            // Never a version passed after the document, whenever it takes effect.
            (
                "Hà Nội, ngày 15 tháng 5 năm 2019\nĐiều 1. theo Luật Dân quân tự vệ\nĐiều 9. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2020.",
                r("43/2009/QH12"),
            ),
            // A year no version has, from the document's year on, with the list complete: not
            // the law's year (a plan's column of years). Regression: "Luật Dầu khí 2026".
            (
                "Hà Nội, ngày 16 tháng 4 năm 2026\n| 24 | Luật Dân quân tự vệ 2026 | Bộ Quốc phòng |",
                r("48/2019/QH14"),
            ),
            // misprinted_year_beside_the_name: the day and month of one version's passing,
            // another year. Regression: "… ngày 19 tháng 2 năm 2015" read as 80/2015's year.
            (
                "Hà Nội, ngày 16 tháng 4 năm 2026\ntheo Luật Dân quân tự vệ ngày 22 tháng 11 năm 2010",
                r("48/2019/QH14"),
            ),
            // A year before the document's that no version has stays unknown.
            (
                "Hà Nội, ngày 16 tháng 4 năm 2026\ntheo Luật Dân quân tự vệ 2015",
                Resolution::Unknown,
            ),
            // "(sửa đổi)": a revision, not the law in force — a bill before a new version is
            // passed. Regression: "Luật Thuế thu nhập cá nhân (sửa đổi)" resolved to 04/2007.
            (
                "Hà Nội, ngày 16 tháng 4 năm 2024\ngóp ý dự án Luật Dân quân tự vệ (sửa đổi)",
                Resolution::Unknown,
            ),
        ];
        for (text, want) in rows {
            let e = crate::extract(text);
            let got = resolve_document(text, &e, &reg);
            assert_eq!(got.last(), Some(&want), "{text:?}");
        }
    }

    /// An amending law cited by name (laws.toml rows of amending laws): the one of that name
    /// the date, year or number beside it names, else the one passed by the document's date;
    /// several, or none yet: unknown. Regression: "Luật sửa đổi … của các Luật về thuế" in a
    /// decree's title and "Luật sửa đổi … Luật Ban hành văn bản quy phạm pháp luật ngày
    /// 18/6/2020" resolved to nothing. (document, expected for its last amending-law mention)
    #[test]
    fn amending_laws_cited_by_name_table() {
        let reg = Registry::from_text("t", REG).unwrap();
        let o = |id: &str| Resolution::Observed(id.into());
        let rows: Vec<(&str, Resolution)> = vec![
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;",
                o("63/2020/QH14"),
            ),
            (
                "Hà Nội, ngày 05 tháng 01 năm 2024\nthực hiện Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
                o("67/2020/QH14"),
            ),
            // Two amending laws of that name passed by 2026: not told apart.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2026\nthực hiện Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
                Resolution::Unknown,
            ),
            // None passed yet.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2019\nthực hiện Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
                Resolution::Unknown,
            ),
            (
                "Hà Nội, ngày 05 tháng 01 năm 2026\nthực hiện Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính năm 2025",
                o("88/2025/QH15"),
            ),
            (
                "Hà Nội, ngày 05 tháng 01 năm 2026\nd) Thông tư số 96/2015/TT-BTC hướng dẫn Nghị định số 12/2015/NĐ-CP ngày 12 tháng 02 năm 2015 của Chính phủ quy định chi tiết thi hành Luật sửa đổi, bổ sung một số điều của các Luật về thuế và sửa đổi bổ sung một số điều của các Nghị định về thuế;",
                o("71/2014/QH13"),
            ),
        ];
        for (text, want) in rows {
            let e = crate::extract(text);
            let rs = resolve_document(text, &e, &reg);
            let at = e
                .citations
                .iter()
                .rposition(|c| {
                    c.law
                        .as_deref()
                        .is_some_and(|l| fold_key(l).starts_with("luat sua doi"))
                })
                .unwrap_or_else(|| panic!("no amending law in {text:?}: {:?}", e.citations));
            assert_eq!(rs[at], want, "{text:?}");
        }
    }

    /// A work whose newest version was known only by number (later_version_undated) is
    /// complete once a row repeating its name dates that version: the version in force on
    /// the document's date. Regression: "Luật Thi hành án dân sự" in 2026 decrees was
    /// "version unknown". (document, expected)
    #[test]
    fn later_versions_dated_table() {
        let reg = Registry::from_text("t", REG).unwrap();
        let o = |id: &str| Resolution::Observed(id.into());
        let rows: Vec<(&str, Resolution)> = vec![
            (
                "Hà Nội, ngày 05 tháng 5 năm 2026\ntheo Luật Thi hành án dân sự",
                o("26/2008/QH12"),
            ),
            // After the list's complete_until (the corpus check): unknown, though 106/2025 is in force.
            (
                "Hà Nội, ngày 05 tháng 7 năm 2026\ntheo Luật Thi hành án dân sự",
                Resolution::Unknown,
            ),
            (
                "Hà Nội, ngày 05 tháng 5 năm 2026\ntheo Luật Giám định tư pháp",
                o("105/2025/QH15"),
            ),
            (
                "Hà Nội, ngày 05 tháng 02 năm 2026\ntheo Luật Bảo vệ bí mật nhà nước",
                o("29/2018/QH14"),
            ),
            (
                "Hà Nội, ngày 05 tháng 3 năm 2026\ntheo Luật Bảo vệ bí mật nhà nước",
                o("117/2025/QH15"),
            ),
            (
                "Hà Nội, ngày 05 tháng 02 năm 2026\ntheo Luật Năng lượng nguyên tử",
                o("94/2025/QH15"),
            ),
            // Replaced by a law of another name (Luật Phục hồi, phá sản): its last version.
            (
                "Hà Nội, ngày 05 tháng 5 năm 2026\ntheo Luật Phá sản",
                o("51/2014/QH13"),
            ),
            // "(sửa đổi)" once the new law is passed, before it is in force: the new law.
            (
                "Hà Nội, ngày 05 tháng 02 năm 2026\ntriển khai Luật An ninh mạng (sửa đổi)",
                o("116/2025/QH15"),
            ),
            // Amended in 2025, not replaced: the 2015 law, complete now past 2025.
            (
                "Hà Nội, ngày 05 tháng 01 năm 2026\ntheo Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
                o("85/2015/QH13"),
            ),
        ];
        for (text, want) in rows {
            let e = crate::extract(text);
            let got = resolve_document(text, &e, &reg);
            assert_eq!(got.last(), Some(&want), "{text:?}");
        }
    }

    /// A law named inside the title of an amending law or of another cited instrument means
    /// the version that instrument could name; a bare number refers back to the document's
    /// own full citation; a defined short name ("sau đây gọi là Nghị định") cites nothing
    /// else. (document, law name or number to look at — its last citation —, expected)
    #[test]
    fn names_inside_other_titles_table() {
        let reg = Registry::from_text("t", REG).unwrap();
        let rows: Vec<(&str, &str, Resolution)> = vec![
            // The amending law's number is in the version's amended_by.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Dân quân tự vệ, Luật Quốc phòng số 98/2025/QH15;",
                "Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            // Number first ("Luật số 56/2024/QH15 sửa đổi, bổ sung … của Luật A, Luật B"):
            // the version that law amended, not the one in force on the document's date.
            (
                "Hà Nội, ngày 05 tháng 02 năm 2026\nCăn cứ Luật Ngân sách nhà nước số 89/2025/QH15;\nCăn cứ Luật số 56/2024/QH15 sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Ngân sách nhà nước, Luật Quản lý thuế;",
                "Luật Ngân sách nhà nước",
                Resolution::Observed("83/2015/QH13".into()),
            ),
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Luật số 98/2025/QH15 ngày 27 tháng 6 năm 2025 của Quốc hội về sửa đổi, bổ sung một số điều của Luật Quốc phòng, Luật Dân quân tự vệ;",
                "Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            // elliptical_amending_list: "… của Luật: Chứng khoán, Ngân sách nhà nước, …" —
            // a bare item means the version amended too.
            (
                "Hà Nội, ngày 05 tháng 02 năm 2026\nCăn cứ Luật Ngân sách nhà nước số 89/2025/QH15;\nCăn cứ Luật số 56/2024/QH15 ngày 29 tháng 11 năm 2024 về sửa đổi, bổ sung một số điều của\nLuật: Chứng khoán, Ngân sách nhà nước, Quản lý thuế;",
                "Luật Ngân sách nhà nước",
                Resolution::Observed("83/2015/QH13".into()),
            ),
            // A number first that is not an amending law's: the clause decides nothing.
            (
                "Hà Nội, ngày 05 tháng 02 năm 2026\nCăn cứ Luật Ngân sách nhà nước số 89/2025/QH15;\nThực hiện Nghị định số 12/2025/NĐ-CP sửa đổi, bổ sung một số điều của Luật Ngân sách nhà nước",
                "Luật Ngân sách nhà nước",
                Resolution::Observed("89/2025/QH15".into()),
            ),
            // The amending law's date: the version passed last before it.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Dân quân tự vệ, Luật Quốc phòng ngày 01 tháng 12 năm 2015;",
                "Luật Dân quân tự vệ",
                r("43/2009/QH12"),
            ),
            // "sửa đổi, bổ sung Điều 6 và Phụ lục … của Luật X ngày …": the date is the
            // amending law's.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Luật sửa đổi, bổ sung Điều 6 và Phụ lục 4 về danh mục của Luật Dân quân tự vệ ngày 22 tháng 11 năm 2016;",
                "Luật Dân quân tự vệ",
                r("43/2009/QH12"),
            ),
            // Inside the title of a 2016 decree: the version passed by then.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Nghị định số 03/2016/NĐ-CP ngày 05 tháng 01 năm 2016 của Chính phủ quy định chi tiết một số điều của Luật Dân quân tự vệ;",
                "Luật Dân quân tự vệ",
                r("43/2009/QH12"),
            ),
            // Later names of the same list inherit the instrument.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Nghị định số 03/2016/NĐ-CP ngày 05 tháng 01 năm 2016 của Chính phủ hướng dẫn Luật Quốc phòng và Luật Dân quân tự vệ;",
                "Luật Dân quân tự vệ",
                r("43/2009/QH12"),
            ),
            // Joined by a clause of the citing text, not by a title: the document's date.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nThực hiện Nghị định số 03/2016/NĐ-CP ngày 05 tháng 01 năm 2016 của Chính phủ, để triển khai Luật Dân quân tự vệ",
                "Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            // A sentence ends between them: the document's own date decides.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nThực hiện Nghị định số 03/2016/NĐ-CP ngày 05 tháng 01 năm 2016 của Chính phủ. Triển khai Luật Dân quân tự vệ",
                "Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Nghị định số 03/2016/NĐ-CP ngày 05 tháng 01 năm 2016 của Chính phủ;\nCăn cứ Luật Dân quân tự vệ;",
                "Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            // A task to amend a law, nothing written after: not an amending law's title.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nNghiên cứu sửa đổi, bổ sung Luật Dân quân tự vệ cho phù hợp",
                "Luật Dân quân tự vệ",
                r("48/2019/QH14"),
            ),
            // A bare number refers back to the document's own full citation.
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ (sau đây gọi là Nghị định);\nĐiều 1. Theo Điều 5 Nghị định, và Nghị định này, theo Nghị định số 168.",
                "168",
                r("168/2018/NĐ-CP"),
            ),
            (
                "Hà Nội, ngày 05 tháng 8 năm 2025\nCăn cứ Nghị định số 200/2025/NĐ-CP ngày 10 tháng 7 năm 2025 của Chính phủ (sau đây gọi là Nghị định);\nĐiều 1. Theo Nghị định số 200.",
                "200",
                Resolution::Observed("200/2025/NĐ-CP".into()),
            ),
        ];
        for (text, which, want) in rows {
            let e = crate::extract(text);
            let rs = resolve_document(text, &e, &reg);
            let at = e
                .citations
                .iter()
                .rposition(|c| {
                    c.law.as_deref().map(fold_key) == Some(fold_key(which))
                        || c.number.as_deref() == Some(which)
                })
                .unwrap_or_else(|| panic!("no {which:?} in {text:?}"));
            assert_eq!(rs[at], want, "{text:?}");
            // "Nghị định này" and a defined "Nghị định" are no citations of their own.
            if which.chars().all(|ch| ch.is_ascii_digit()) {
                assert_eq!(e.citations.len(), 2, "{text:?}: {:?}", e.citations);
            }
        }
    }
}
