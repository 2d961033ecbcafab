//! Finds every citation of an instrument in a Vietnamese text.
//!
//! The pipeline, after eyecite: the text is folded once ([`Folded`]: no diacritics, case
//! kept, each byte mapped back to the original); anchors are found in one scan each: type
//! words such as "nghi dinh" at word starts (`typeword`, which finds what a
//! case-insensitive regex of the type words finds), and bare numbers followed by `/` or
//! `-` from their separators (`scan`); a hand-written parser reads the tail of each anchor (number, year, symbol, date, issuer,
//! subject) tolerating what real text does to citations (line breaks, stray spaces, wrong
//! separators, ASCII or lookalike letters, misspelled type words). Raw pieces and the
//! corrected reading are kept side by side ([`Citation::parts`] vs `canonical`).
//!
//! No I/O, no panics on any input, linear time: each anchor's parser looks at a bounded
//! window of text after it.
//!
//! The parser is split by concern: `numsym` (the number-symbol as written), `reading`
//! (what it says, and what follows it), `date`, `law` (laws by name), `issuer`,
//! `header` (the document's own identity), `post` (once all citations are found: the own
//! number and web-page chrome dropped), `scan` (byte helpers), `typeword` (the type-word
//! anchors). Every word list is data in
//! `corpus/patterns.toml`, read into a [`Tables`]; an [`Extractor`] builds its regexes from
//! the tables it is given.

mod date;
mod header;
mod issuer;
mod law;
mod numsym;
mod post;
mod provision;
mod reading;
mod scan;
pub mod tables;
mod typeword;

use crate::model::{Citation, Defect, Header, Kind, Parts, Piece};
use crate::normalize::{clean, fold_key, Folded};
use regex::bytes::Regex;
use std::cell::Cell;
use std::sync::OnceLock;
pub use tables::Tables;

use date::parse_date_after;
use header::body_start;
use numsym::*;
use post::*;
use reading::*;
use scan::*;

/// The result of extracting one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The document's own identity, from its header.
    pub header: Header,
    /// Every citation, in text order.
    pub citations: Vec<Citation>,
    /// Where `fold_key` of the text holds the clause of a document's own effect ("… này có
    /// hiệu lực"), found on the folded view while it was at hand: the byte offsets in the
    /// text of every match of `normalize::fold_key_finder(resolve::CLAUSE)`, in order.
    /// `None` when not looked for (an extraction built by hand): the resolution then looks
    /// on the text itself.
    pub(crate) effective_clauses: Option<Vec<usize>>,
}

/// Extract with the built-in tables ([`Extractor::builtin`]).
pub fn extract(text: &str) -> Extraction {
    Extractor::builtin().extract(text)
}

/// The anchors' spans and type-word indices, in two buffers.
type AnchorBuffers = (Vec<(usize, usize)>, Vec<u8>);

thread_local! {
    /// The anchor buffers of this thread's last extraction.
    static SPARE_ANCHORS: Cell<Option<AnchorBuffers>> = const { Cell::new(None) };
}

/// The largest anchor buffer kept for the next extraction, in bytes.
const KEEP_AT_MOST: usize = 4 << 20;

/// An extractor over a set of tables, with the regexes built from them.
pub struct Extractor<'t> {
    t: &'t Tables,
    re: Regexes,
}

/// The literal-led regexes of an extractor, built from its tables.
struct Regexes {
    /// Any type word ("nghi dinh", "quyet\s+dinh"), case-insensitive, on the folded text.
    type_word: Regex,
    /// The same matches found without the regex (when the type words allow it), each
    /// with the index in `Tables::type_words` of the entry `Tables::type_word` gives for
    /// it (None when none).
    type_scan: Option<(typeword::TypeWordScan, Vec<Option<usize>>)>,
    /// The label of the document's own number ("Số:", "Số hiệu:").
    header_no: Regex,
    /// A provision just before a type word ("khoản 2 Điều 5 của").
    provision: Regex,
    /// For each entry of `Tables::type_words`: whether its proper spelling, folded, is a
    /// generic word ("văn bản"), decided once here rather than at each citation.
    generic: Vec<bool>,
    /// The searchers of the web-page chrome entries.
    chrome: ChromeFinders,
    /// The first bytes and lengths of the law abbreviations.
    abbreviation_shapes: Shapes,
    /// `provision`'s capture read by hand (when the words allow it).
    provision_reader: Option<provision::ProvisionReader>,
}

/// The (first byte, length) pairs of a word list: a word of another shape is none of
/// them, told without comparing it to each.
struct Shapes {
    /// `lengths[c]`: bit `n` (`n` up to 31; 31 for longer) set when a word starting with
    /// byte `c` has `n` bytes.
    lengths: Box<[u32; 256]>,
}

impl Shapes {
    fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Shapes {
        let mut lengths = Box::new([0u32; 256]);
        for w in words {
            if let Some(&c) = w.as_bytes().first() {
                lengths[c as usize] |= 1 << w.len().min(31);
            }
        }
        Shapes { lengths }
    }

    /// Whether some word of the list may be `x` in lower case (`x`'s first byte lowered,
    /// its length): false only when none is.
    fn may_be(&self, x: &str) -> bool {
        match x.as_bytes().first() {
            Some(&c) => self.lengths[c.to_ascii_lowercase() as usize] & (1 << x.len().min(31)) != 0,
            None => true,
        }
    }
}

/// `words` as regex alternatives, each escaped.
fn alternatives(words: &[String]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

impl Regexes {
    fn new(t: &Tables) -> Result<Regexes, regex::Error> {
        let alts: Vec<String> = t
            .type_words
            .iter()
            .map(|(f, _, _)| {
                f.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        let w = &t.words;
        let type_scan = typeword::TypeWordScan::new(
            t.type_words.iter().map(|(f, _, _)| f.as_str()),
        )
        .map(|scan| {
            // The entry `Tables::type_word` finds for each alternative's key.
            let entry = t
                .type_words
                .iter()
                .map(|(f, _, _)| {
                    let key = f.to_ascii_lowercase();
                    t.type_words.iter().position(|(g, _, _)| *g == key)
                })
                .collect();
            (scan, entry)
        });
        Ok(Regexes {
            chrome: ChromeFinders::new(&t.chrome),
            abbreviation_shapes: Shapes::new(
                t.words.law_abbreviations.iter().map(|(s, _)| s.as_str()),
            ),
            generic: t
                .type_words
                .iter()
                .map(|(_, _, proper)| t.generic_words.contains(&fold_key(proper)))
                .collect(),
            type_scan,
            provision_reader: provision::ProvisionReader::new(
                &w.provision_words,
                &w.provision_joiners,
            ),
            type_word: Regex::new(&format!(r"(?i-u)\b(?:{})\b", alts.join("|")))?,
            header_no: Regex::new(&format!(
                r"(?im-u)^[ \t|>#_*]*((?:[A-Za-z]+[ \t_*\-]+){{0,3}}?)(?:{})[ \t*]*(:?)[ \t|*]*(?:\r?\n[ \t|]*){{0,3}}",
                alternatives(&w.number_labels)
            ))?,
            provision: Regex::new(&format!(
                r"(?i-u)((?:(?:{})\s+[0-9a-z]{{1,4}}\)?[\s,]*(?:va\s+)?)+)(?:{})?\s*$",
                alternatives(&w.provision_words),
                alternatives(&w.provision_joiners)
            ))?,
        })
    }
}

impl<'t> Extractor<'t> {
    /// An extractor over `t`. Builds its regexes (a few milliseconds): build one and reuse
    /// it. Fails only when the tables make an invalid regex.
    pub fn try_new(t: &'t Tables) -> Result<Extractor<'t>, String> {
        let re = Regexes::new(t).map_err(|e| format!("corpus/patterns.toml: {e}"))?;
        Ok(Extractor { t, re })
    }

    /// An extractor over `t` (tables whose patterns were checked: the built-in ones, or
    /// any that [`Extractor::try_new`] accepted).
    ///
    /// # Panics
    /// When the tables make an invalid regex; use [`Extractor::try_new`] for tables read
    /// at run time.
    pub fn new(t: &'t Tables) -> Extractor<'t> {
        Extractor::try_new(t).expect("the pattern tables build valid regexes")
    }
}

impl Extractor<'static> {
    /// The extractor over the built-in tables ([`Tables::builtin`]), built once. This and
    /// `Tables::builtin` are the only global state of the extractor: immutable, built on
    /// first use, behind a `OnceLock` so the free function [`extract`] costs no rebuild.
    pub fn builtin() -> &'static Extractor<'static> {
        static BUILTIN: OnceLock<Extractor<'static>> = OnceLock::new();
        BUILTIN.get_or_init(|| Extractor::new(Tables::builtin()))
    }
}

impl<'t> Extractor<'t> {
    /// Extract the header and every citation of `text`.
    pub fn extract(&self, text: &str) -> Extraction {
        let f = Folded::new(text);
        let fb = f.text.as_bytes();
        let re = &self.re;
        let ctx = Ctx { text, f: &f, fb };

        let body_start = body_start(fb, &self.t.words);
        let (header, header_ns) = self.header(&ctx, body_start);

        // Type-word anchors, with the table entry of each when the scan found them.
        // In the buffers of this thread's last extraction: not fresh memory the kernel
        // clears page by page.
        let (mut anchors, mut which) = SPARE_ANCHORS.with(|s| s.take()).unwrap_or_default();
        anchors.clear();
        which.clear();
        match &re.type_scan {
            Some((scan, _)) => scan.find_all(fb, &mut anchors, &mut which),
            None => anchors.extend(re.type_word.find_iter(fb).map(|m| (m.start(), m.end()))),
        }

        // Room for the citations at once (about one for six anchors in the plans): a
        // citation is a large value, moved at each growth.
        let mut out: Vec<Citation> = Vec::with_capacity(anchors.len() / 4 + 8);
        let mut consumed = 0usize; // folded offset up to which text is taken
        let mut taken: Vec<(usize, usize)> = Vec::new(); // folded ranges of number-symbols

        let mut tw_folded = String::new();
        for (idx, &(a, b)) in anchors.iter().enumerate() {
            if a < consumed {
                continue;
            }
            let next_anchor = anchors.get(idx + 1).map(|x| x.0).unwrap_or(fb.len());
            // The entry `Tables::type_word` finds for the type word.
            let entry = if let Some((_, entry)) = &re.type_scan {
                entry[which[idx] as usize]
            } else {
                ascii_key_into(&f.text[a..b], &mut tw_folded);
                self.t
                    .type_words
                    .iter()
                    .position(|(f, _, _)| *f == tw_folded)
            };
            let Some(j) = entry else {
                continue;
            };
            let (_, kind, proper) = &self.t.type_words[j];
            let tw = (*kind, proper.as_str(), re.generic[j]);
            let found = self.after_type_word(&ctx, a, b, tw, next_anchor, &anchors);
            for (c, ns) in found {
                if let Some(ns) = ns {
                    if header_ns.is_some_and(|h: (usize, usize)| overlaps(h, ns)) {
                        continue;
                    }
                    taken.push(ns);
                }
                consumed = consumed.max(f.folded_at(c.end));
                out.push(c);
            }
        }

        // Bare number-symbols ("theo 168/2018/NĐ-CP"). Both range lists stay sorted (anchors
        // are visited in text order), so overlap checks are binary searches: linear time.
        taken.sort_unstable();
        let mut bare_taken: Vec<(usize, usize)> = Vec::new();
        // The match may start inside a longer number ("2019" of "12/2019/..."): each is
        // taken from the number's real start; numbers glued to letters or slashes skipped.
        for p in bare_number_starts(fb) {
            if p > 0 && (fb[p - 1].is_ascii_alphabetic() || matches!(fb[p - 1], b'/' | b'.' | b'-'))
            {
                continue;
            }
            if any_overlap(&taken, (p, p + 1)) || any_overlap(&bare_taken, (p, p + 1)) {
                continue;
            }
            // "Mẫu số 01/TB-ĐKT", "mẫu 05/BC": a form template, not an instrument.
            if ends_with_template(&fb[p.saturating_sub(12)..p], &self.t.words.form_templates) {
                continue;
            }
            let Some(ns) = parse_numsym(fb, p, true) else {
                continue;
            };
            if any_overlap(&taken, (ns.start, ns.end))
                || any_overlap(&bare_taken, (ns.start, ns.end))
            {
                continue;
            }
            if header_ns.is_some_and(|h| overlaps(h, (ns.start, ns.end))) {
                continue;
            }
            let r = self.read(&ctx, &ns);
            let Some(kind) = r.kind_from_symbol else {
                continue;
            };
            let strong = r.known
                && !r.defects.contains(&Defect::TruncatedSymbol)
                && (r.year.is_some() || ns.groups.len() >= 2 || kind == Kind::Law);
            if !strong || ns.num_sep.is_none() {
                continue;
            }
            // Own number repeated before the body (web-page chrome, header tables).
            if ns.start < body_start
                && header.number.as_deref() == Some(r.number.as_str())
                && header.symbol == r.symbol
            {
                continue;
            }
            let c = self.build(&ctx, kind, None, None, &ns, r, None);
            bare_taken.push((ns.start, ns.end));
            out.push(c);
        }

        drop_chrome(&mut out, &f, &self.t.chrome, &re.chrome);
        // Stable as `sort_by_key`, but sorting (key, index) pairs and then moving each
        // citation once: a citation is a large value.
        out.sort_by_cached_key(|c| (c.start, c.end));
        assign_lines(&mut out, text);
        drop_own_number(&mut out, &header);
        drop_own_title(&mut out, &header, text);
        complete_truncated(&mut out, &self.t.words);
        let effective_clauses = crate::resolve::clause_finder_folded()
            .map(|re| re.find_iter(fb).map(|m| f.orig(m.start())).collect());
        f.recycle();
        if anchors.capacity() * std::mem::size_of::<(usize, usize)>() <= KEEP_AT_MOST {
            SPARE_ANCHORS.with(|s| s.set(Some((anchors, which))));
        }
        Extraction {
            header,
            citations: out,
            effective_clauses,
        }
    }

    /// Everything cited after one type word (its kind, proper spelling and whether it is
    /// generic): a number-symbol (and list items sharing the type word), or a law by name.
    fn after_type_word(
        &self,
        ctx: &Ctx,
        a: usize,
        b: usize,
        (kind, proper, generic): (Kind, &str, bool),
        next_anchor: usize,
        anchors: &[(usize, usize)],
    ) -> Vec<(Citation, Option<(usize, usize)>)> {
        let fb = ctx.fb;
        // Most type words start no citation ("theo quy định", "Kế hoạch này"): only a number,
        // "số" before one, or a law's name can follow. Rejected before any allocation.
        if !kind.is_named_law() {
            let p0 = skip_ws(fb, b);
            if !fb
                .get(p0)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, b's' | b'S'))
            {
                return Vec::new();
            }
        }
        let mut res = Vec::new();

        // "số" (or "só", glued "số01"), optional colon.
        let mut p = skip_ws(fb, b);
        let mut so_at = None;
        let mut glued = false;
        if word_at(fb, p, b"so") || word_at(fb, p, b"So") || word_at(fb, p, b"SO") {
            let after = p + 2;
            let boundary = fb.get(after).is_none_or(|c| !c.is_ascii_alphabetic());
            if boundary {
                glued = fb.get(after).is_some_and(|c| c.is_ascii_digit());
                so_at = Some((p, after));
                p = after;
                let q = skip_ws(fb, p);
                if fb.get(q) == Some(&b':') {
                    p = q + 1;
                }
                p = skip_ws(fb, p);
            }
        }
        // The pieces of the type word and "số" as written, and the defects of their
        // writing: built only once a citation is found (most type words start none).
        let head = || {
            let mut defects = Vec::new();
            let tw_piece = piece(ctx.text, ctx.f.span(a, b));
            if !same_spelling(&tw_piece.text, proper) {
                defects.push(Defect::TypeWordTypo);
            }
            let so_piece = so_at.map(|(p, after)| {
                let sp = piece(ctx.text, ctx.f.span(p, after));
                if !same_spelling(&sp.text, "số") {
                    defects.push(Defect::SoTypo);
                }
                if glued {
                    defects.push(Defect::Glued);
                }
                sp
            });
            let parts = Parts {
                type_word: Some(tw_piece),
                so_word: so_piece,
                ..Parts::default()
            };
            (parts, defects)
        };

        // The provision before the type word ("khoản 2 Điều 5 ..."), read only once a
        // citation is found (most type words start none).
        if let Some(ns) = parse_numsym(fb, p, false) {
            // A bare number with a type word but no symbol needs "số" ("Quyết định số 12").
            if !(ns.groups.is_empty() && so_at.is_none() && ns.year.is_none()) {
                let (parts_base, defects) = head();
                let r = self.read(ctx, &ns);
                let mut r = r;
                r.defects.extend(defects.iter().copied());
                let ck = choose_kind(kind, r.kind_from_symbol, generic);
                let mut c = self.build(
                    ctx,
                    ck,
                    Some(a),
                    Some(parts_base),
                    &ns,
                    r,
                    Some(next_anchor),
                );
                c.provision = self.provision_before(ctx, a);
                if kind.is_named_law() {
                    // "Luật ... số 41/2024/QH15" handled below; "Luật số 80/2015/QH13" here,
                    // named only by an amending title written after its number.
                    c.law = law::amending_title_after(ctx.text.get(c.end..).unwrap_or(""));
                    // The title ends with its list of laws ("… của Luật Quy hoạch, Luật Đầu
                    // tư và Luật Đấu thầu"), whatever follows it (a running head, ")", "và
                    // Nghị định …"): the list read law by law.
                    if let Some(name) = c.law.as_mut().filter(|n| !n.contains(':')) {
                        let from = ctx.f.folded_at(c.end);
                        let list = anchors[anchors.partition_point(|x| x.0 < from)..]
                            .iter()
                            .take(2)
                            .filter(|&&(ia, _)| {
                                let gap = &fb[from..ia];
                                find_ci(gap, b"cua").is_some()
                                    && !gap.contains(&b';')
                                    && gap.len() < 200
                            })
                            .find_map(|&(ia, _)| self.inner_law_list(ctx, ia, anchors));
                        if let (Some((list, _)), Some(k)) = (list, name.find(" của ")) {
                            *name = format!("{} {list}", &name[..k + " của".len()]);
                        }
                    }
                    // "… của Luật: Chứng khoán, Kế toán, …": the items spelled out.
                    if let Some(name) = c.law.as_mut().filter(|n| n.contains(':')) {
                        let from = ctx.f.folded_at(c.end);
                        let items = anchors[anchors.partition_point(|x| x.0 < from)..]
                            .iter()
                            .take(3)
                            .map(|&(ia, ib)| self.elliptical_laws(ctx, ia, ib))
                            .find(|v| !v.is_empty())
                            .unwrap_or_default();
                        let items: Vec<(String, String)> = items
                            .into_iter()
                            .filter_map(|c| Some((c.law?, c.text)))
                            .collect();
                        *name = law::spell_out_elliptical(name, &items);
                    }
                }
                let mut end_f = ctx.f.folded_at(c.end);
                res.push((c, Some((ns.start, ns.end))));
                // List items sharing the type word.
                while let Some((ns2, _sep_at)) = list_item(fb, end_f) {
                    let r2 = self.read(ctx, &ns2);
                    if r2.symbol.is_none() {
                        break;
                    }
                    let k2 = choose_kind(kind, r2.kind_from_symbol, generic);
                    let na = next_anchor_after(anchors, ns2.end, fb.len());
                    let c2 = self.build(ctx, k2, None, None, &ns2, r2, Some(na));
                    end_f = ctx.f.folded_at(c2.end);
                    res.push((c2, Some((ns2.start, ns2.end))));
                }
                return res;
            }
        }

        if kind.is_named_law() {
            if let Some((mut c, amended)) = self.named_law(ctx, a, b, kind, next_anchor, anchors) {
                c.defects.extend(head().1);
                c.provision = self.provision_before(ctx, a);
                res.push((c, None));
                res.extend(amended.into_iter().map(|c| (c, None)));
            } else if kind == Kind::Law {
                res.extend(
                    self.elliptical_laws(ctx, a, b)
                        .into_iter()
                        .map(|c| (c, None)),
                );
            }
        }
        res
    }
}

/// Whether `before` (the folded bytes before a bare number) ends with one of `templates`
/// (case aside, after white space and one ":"), at a word start. ASCII is read in place;
/// anything else as a lossy string, as it always was.
fn ends_with_template(before: &[u8], templates: &[String]) -> bool {
    if !before.is_ascii() {
        let before = String::from_utf8_lossy(before).to_ascii_lowercase();
        let before = before.trim_end();
        let before = before.strip_suffix(':').unwrap_or(before);
        return templates.iter().any(|w| {
            before
                .strip_suffix(w.as_str())
                .is_some_and(|r| r.is_empty() || !r.ends_with(|c: char| c.is_ascii_alphabetic()))
        });
    }
    // `char::is_whitespace` on ASCII.
    let mut t = before;
    while let [rest @ .., b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '] = t {
        t = rest;
    }
    if let [rest @ .., b':'] = t {
        t = rest;
    }
    templates.iter().any(|w| {
        let w = w.as_bytes();
        t.len() >= w.len() && {
            let (r, tail) = t.split_at(t.len() - w.len());
            tail.iter()
                .zip(w)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
                && r.last().is_none_or(|c| !c.is_ascii_alphabetic())
        }
    })
}

/// [`fold_key`] of `s` into `key` (its buffer reused from one type word to the next): a
/// type word matched on the folded view is ASCII, lowercased and its white space collapsed
/// here as `fold_key` does; anything else goes through `fold_key`.
fn ascii_key_into(s: &str, key: &mut String) {
    key.clear();
    if !s.is_ascii() {
        key.push_str(&fold_key(s));
        return;
    }
    for w in s.split(|c: char| c.is_whitespace() || c == '*') {
        if !w.is_empty() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
    }
}

struct Ctx<'a> {
    text: &'a str,
    f: &'a Folded,
    fb: &'a [u8],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    /// "kind canonical" (or "kind law name") for each citation.
    fn summary(text: &str) -> Vec<String> {
        extract(text)
            .citations
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    c.kind,
                    c.canonical.clone().or(c.law.clone()).unwrap_or_default()
                )
            })
            .collect()
    }

    /// The form-template test on bytes is the lossy-string one it replaced, on every
    /// ASCII byte around the templates (white space of every kind, ":", case, letters
    /// before) and on non-ASCII windows.
    #[test]
    fn ends_with_template_is_the_string_test() {
        let reference = |before: &[u8], templates: &[String]| {
            let before = String::from_utf8_lossy(before).to_ascii_lowercase();
            let before = before.trim_end();
            let before = before.strip_suffix(':').unwrap_or(before);
            templates.iter().any(|w| {
                before.strip_suffix(w.as_str()).is_some_and(|r| {
                    r.is_empty() || !r.ends_with(|c: char| c.is_ascii_alphabetic())
                })
            })
        };
        let templates: Vec<String> = vec!["mau so".into(), "mau".into(), "X".into()];
        let pieces: &[&[u8]] = &[
            b"mau",
            b"MAU",
            b"Mau so",
            b" so",
            b"xmau",
            b"x",
            b"X",
            b":",
            b"::",
            b"1",
            b"-",
            b"\xc3\xa0",
            b"\xe1\xba\xa1",
            b"\xc2\x85",
            b"\xc2\xa0",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x = crate::testing::xorshift(x);
            x
        };
        for _ in 0..20_000 {
            let mut w: Vec<u8> = Vec::new();
            for _ in 0..next() % 5 {
                w.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
            }
            for _ in 0..next() % 3 {
                w.push((next() % 128) as u8);
            }
            let w = &w[w.len().saturating_sub(12)..];
            assert_eq!(
                ends_with_template(w, &templates),
                reference(w, &templates),
                "{w:?}"
            );
        }
        for c in 0u8..128 {
            let w = [b'm', b'a', b'u', c];
            assert_eq!(
                ends_with_template(&w, &templates),
                reference(&w, &templates),
                "{c}"
            );
        }
    }

    /// The generic flag decided once per type word is the one the citation's type word
    /// gave, `fold_key` of its proper spelling looked up among the generic words; and
    /// the entry found by position is the one `Tables::type_word` finds.
    #[test]
    fn generic_flags_are_the_lookup() {
        let t = Tables::builtin();
        let x = Extractor::builtin();
        assert_eq!(x.re.generic.len(), t.type_words.len());
        assert!(x.re.generic.iter().any(|&g| g), "some type word is generic");
        for (j, (f, _, p)) in t.type_words.iter().enumerate() {
            assert_eq!(
                x.re.generic[j],
                t.generic_words.contains(&fold_key(p)),
                "{p}"
            );
            let i = t.type_words.iter().position(|(g, _, _)| g == f);
            let (k2, p2) = t.type_word(f).expect("own entry");
            let (_, k3, p3) = &t.type_words[i.expect("own entry")];
            assert_eq!((k2, p2), (*k3, p3.as_str()), "{f}");
        }
    }

    /// A word the shapes rule out is no word of the list in lower case: on the built-in
    /// law abbreviations and on random words (every case, lengths around 31).
    #[test]
    fn shapes_rule_out_only_other_words() {
        let abbr: Vec<&str> = Tables::builtin()
            .words
            .law_abbreviations
            .iter()
            .map(|(s, _)| s.as_str())
            .collect();
        let mut list = abbr.clone();
        let long = "a".repeat(40);
        list.extend(["", "x", long.as_str(), "Ab"]);
        let shapes = Shapes::new(list.iter().copied());
        let is_lower_of = |s: &str, w: &str| {
            s.len() == w.len()
                && s.bytes()
                    .zip(w.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        };
        let mut words: Vec<String> = list.iter().map(|w| w.to_ascii_uppercase()).collect();
        words.extend(list.iter().map(|w| w.to_string()));
        let mut x: u64 = 0xDEAD_BEEF_CAFE_F00D;
        for _ in 0..20_000 {
            x = crate::testing::xorshift(x);
            let n = (x % 45) as usize;
            let w: String = (0..n)
                .map(|i| {
                    let b = b"aAbBdDqQtTvVxX&"[((x >> (i % 60)) % 15) as usize];
                    b as char
                })
                .collect();
            words.push(w);
        }
        let mut ruled_out = 0;
        for w in &words {
            let is_one = list.iter().any(|s| is_lower_of(s, w));
            if !shapes.may_be(w) {
                assert!(!is_one, "{w:?}");
                ruled_out += 1;
            }
        }
        assert!(ruled_out > 1000, "{ruled_out}");
    }

    /// The type word's key, built in a reused buffer, is `fold_key`'s on every kind of text.
    #[test]
    fn type_word_key_is_fold_key() {
        let mut key = String::from("left over");
        for s in [
            "",
            "Nghi dinh",
            "NGHI\t\n  DINH",
            "quyet\x0B\x0Cdinh\r",
            "*Thong* tu",
            "  ke hoach  ",
            "nghị định",
            "Nghi\u{a0}dinh",
            "chi\u{2003}thi",
        ] {
            ascii_key_into(s, &mut key);
            assert_eq!(key, fold_key(s), "{s:?}");
        }
    }

    #[test]
    fn pattern_file_examples() {
        let mut failures = Vec::new();
        for ex in &Tables::builtin().examples {
            let got = summary(&ex.text);
            if got != ex.expect {
                failures.push(format!(
                    "{:?}\n  expected {:?}\n  got      {:?}",
                    ex.text, ex.expect, got
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn check(text: &str, f: impl Fn(&Citation) -> bool) {
        let e = extract(text);
        assert_eq!(e.citations.len(), 1, "{text:?}: {:#?}", e.citations);
        assert!(f(&e.citations[0]), "{text:?}: {:#?}", e.citations[0]);
    }

    #[test]
    fn defects_table() {
        use Defect::*;
        let rows: &[(&str, &[Defect])] = &[
            ("Nghị định số 168/2018/NĐ-CP", &[]),
            (
                "Nghị định số 168 NĐ-CP ngày 28/12/2018",
                &[MissingSeparator, MissingYear],
            ),
            ("Nghị định số 21/2019 NĐ-CP", &[MissingSeparator]),
            ("Nghị định số 01/2019/NĐ/CP", &[WrongSeparator]),
            ("Nghị quyết số 28/NQ/TW ngày 25/10/2013", &[WrongSeparator]),
            ("Chỉ thị số 12- CT/TW", &[StraySpace]),
            ("Chỉ thị số 12-\n\nCT/TW", &[]),
            ("Nghị định số01/2019/NĐ-CP", &[Glued]),
            ("Nghi định số 02/2019/NĐ-CP", &[TypeWordTypo]),
            ("Nghị định só 74/2015/NĐ-CP", &[SoTypo]),
            ("Nghị định số 168/2018/ND-CP", &[AsciiSymbol]),
            ("Quyết định số 12/QÐ-UBND", &[Lookalike]),
            ("Quyết Định số 12/QĐ-UBND", &[]),
            ("Nghị định số 21/2019/NĐ-CP ngày 31/02/2019", &[InvalidDate]),
        ];
        for (text, want) in rows {
            check(text, |c| {
                let mut got = c.defects.clone();
                got.sort_by_key(|d| format!("{d:?}"));
                let mut w = want.to_vec();
                w.sort_by_key(|d| format!("{d:?}"));
                got == w
            });
        }
    }

    #[test]
    fn fields() {
        let e = extract("Thực hiện Chỉ thị số 26-CT/HU ngày 29/01/2024 của Huyện uỷ Yên Thế về lãnh đạo thực hiện nhiệm vụ; tiếp");
        let c = &e.citations[0];
        assert_eq!(c.kind, Kind::Directive);
        assert_eq!(c.number.as_deref(), Some("26"));
        assert_eq!(c.year, Some(2024));
        assert_eq!(c.symbol.as_deref(), Some("CT/HU"));
        assert_eq!(c.date, Date::new(2024, 1, 29));
        assert_eq!(c.issuer.as_deref(), Some("Huyện ủy Yên Thế"));
        assert_eq!(c.title.as_deref(), Some("lãnh đạo thực hiện nhiệm vụ"));
        let text = "x\n khoản 2 Điều 5 Nghị định số 168/2018/NĐ-CP";
        let c = &extract(text).citations[0];
        assert_eq!(c.provision.as_deref(), Some("khoản 2 Điều 5"));
        assert_eq!(&text[c.start..c.end], "Nghị định số 168/2018/NĐ-CP");
        assert_eq!((c.line, c.column), (2, 17));
    }

    #[test]
    fn header_is_not_a_citation() {
        let text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nSố: 15/KH-UBND\nTân Hòa, ngày 10 tháng 01 năm 2025\n\nKẾ HOẠCH\nHuấn luyện dân quân năm 2025\n\nCăn cứ Kế hoạch số 34/KH-UBND ngày 31/01/2024 của UBND huyện;\n";
        let e = extract(text);
        assert_eq!(e.header.number.as_deref(), Some("15"));
        assert_eq!(e.header.symbol.as_deref(), Some("KH-UBND"));
        assert_eq!(e.header.kind, Some(Kind::Plan));
        assert_eq!(e.header.date, Date::new(2025, 1, 10));
        assert_eq!(
            e.header.title.as_deref(),
            Some("Kế hoạch huấn luyện dân quân năm 2025")
        );
        assert_eq!(e.citations.len(), 1);
        assert_eq!(e.citations[0].number.as_deref(), Some("34"));
    }

    #[test]
    fn truncated_symbol_completed_from_issuer() {
        let e = extract("đề án số 12 ĐA- của UBND huyện về nâng cao");
        let c = &e.citations[0];
        assert_eq!(c.symbol.as_deref(), Some("ĐA-UBND"));
        assert!(c.parts.symbol_inferred);
        assert!(c.defects.contains(&Defect::TruncatedSymbol));
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_line = "số ".repeat(10_000);
        let digits = "1/".repeat(5_000);
        let inputs = [
            "",
            "Nghị định",
            "Nghị định số",
            "số 12/",
            "12/2019/",
            "Luật",
            "Luật ",
            "của",
            "Nghị định số 1/",
            "\u{301}\u{301}",
            "Ð",
            "Luật sửa đổi, bổ sung một số điều của",
            "Luật sửa đổi, bổ sung một số điều của Luật",
            long_line.as_str(),
            digits.as_str(),
            "Nghị quyết số 28-NQ/TW ngày 31/",
            "ngày 99 tháng 99 năm 9999",
            "Quyết định số 12/QĐ-",
        ];
        for i in inputs {
            let _ = extract(i);
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::normalize::LineIndex;

    /// A small deterministic generator (xorshift), so the test needs no dependency and
    /// every failure is reproducible from its seed.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[(self.next() % xs.len() as u64) as usize]
        }
    }

    const TOKENS: &[&str] = &[
        "Nghị định",
        "Nghi định",
        "số",
        "só",
        " ",
        "  ",
        "\n",
        "\n\n",
        "/",
        "-",
        "NĐ",
        "ND",
        "CP",
        "QĐ",
        "TTg",
        "NQ",
        "TW",
        "2018",
        "168",
        "01",
        "ngày",
        "tháng",
        "năm",
        "28/12/2018",
        "của",
        "Chính phủ",
        "Luật",
        "DQTV",
        "Quốc phòng",
        "về",
        ";",
        ",",
        ".",
        "Ð",
        "\u{301}",
        "Bộ luật",
        "Hiến pháp",
        "khoản 2",
        "Điều 5",
        "**",
        "|",
        "sửa đổi, bổ sung",
        "ĐA-",
        "(",
        "x",
        "Quyết",
        "định",
        "Kết luân",
        "12- CT/TW",
        "và",
        "UBND",
        "huyện",
        "\u{FEFF}",
        "é",
    ];

    /// Every span lies on char boundaries inside the text, pieces lie inside their
    /// citation, and lines/columns agree with the span.
    #[test]
    fn spans_are_valid_on_random_token_soup() {
        for seed in 1..=400u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1);
            let n = (rng.next() % 80) as usize;
            let text: String = (0..n).map(|_| rng.pick(TOKENS)).collect();
            let e = extract(&text);
            let lines = LineIndex::new(&text);
            for c in &e.citations {
                assert!(
                    c.start <= c.end && c.end <= text.len(),
                    "seed {seed}: {c:?}"
                );
                assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                assert_eq!(lines.line_col(&text, c.start), (c.line, c.column));
                for p in [&c.parts.type_word, &c.parts.number_symbol, &c.parts.date]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        p.start >= c.start && p.end <= c.end,
                        "seed {seed}: {p:?} in {c:?}"
                    );
                    assert_eq!(&text[p.start..p.end], p.text);
                }
            }
        }
    }

    /// Arbitrary bytes (lossily decoded) never panic.
    #[test]
    fn random_bytes_never_panic() {
        for seed in 1..=200u64 {
            let mut rng = Rng(seed.wrapping_mul(0x2545F4914F6CDD1D) | 1);
            let n = (rng.next() % 2000) as usize;
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            let _ = extract(&String::from_utf8_lossy(&bytes));
        }
    }
}
