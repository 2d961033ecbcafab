//! What an instrument says about itself: its identity (kind, number, issuer, issue date,
//! title) from its header, its effective date from its effect article, and its effects on
//! other instruments ("thay thế", "bãi bỏ", "sửa đổi, bổ sung", "hết hiệu lực", "đính chính",
//! "ngưng hiệu lực") with the clause that states each. The clause patterns and word lists are
//! data (`corpus/registry/effects.toml`); citations are read with the extractor.
//!
//! Pure: a text in, a [`Learned`] out; no I/O, no panics. `cancu registry import texts` turns
//! each result into a registry entry ([`Learned::to_instrument`]).

use super::import::make_id;
use super::{Instrument, Relation, RelationSource, RelationType, Scope, Source, Status};
use crate::model::{Citation, Date, Kind};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::sync::OnceLock;

/// The pattern file compiled into the binary.
pub const EFFECTS_TOML: &str = include_str!("../../corpus/registry/effects.toml");

/// An effect of one instrument on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EffectType {
    Replaces,
    Repeals,
    Amends,
    Expires,
    Corrects,
    Suspends,
}

impl EffectType {
    pub fn slug(self) -> &'static str {
        match self {
            EffectType::Replaces => "replaces",
            EffectType::Repeals => "repeals",
            EffectType::Amends => "amends",
            EffectType::Expires => "expires",
            EffectType::Corrects => "corrects",
            EffectType::Suspends => "suspends",
        }
    }

    pub fn from_slug(s: &str) -> Option<EffectType> {
        Some(match s {
            "replaces" => EffectType::Replaces,
            "repeals" => EffectType::Repeals,
            "amends" => EffectType::Amends,
            "expires" => EffectType::Expires,
            "corrects" => EffectType::Corrects,
            "suspends" => EffectType::Suspends,
            _ => return None,
        })
    }

    /// The registry relation recorded on the affecting instrument.
    pub fn relation(self) -> RelationType {
        match self {
            EffectType::Replaces => RelationType::Replaces,
            EffectType::Repeals => RelationType::Repeals,
            EffectType::Amends => RelationType::Amends,
            EffectType::Expires => RelationType::Expires,
            EffectType::Corrects => RelationType::Corrects,
            EffectType::Suspends => RelationType::Suspends,
        }
    }
}

/// One effect read from a clause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effect {
    #[serde(rename = "type")]
    pub kind: EffectType,
    /// The affected instrument's number-symbol, official form ("26/2016/TT-BLĐTBXH").
    pub target: String,
    /// Provisions as written ("khoản 4 Điều 8"); None for the whole instrument.
    pub provisions: Option<String>,
    /// When the effect takes hold.
    pub date: Option<Date>,
    /// 1-based line of the clause.
    pub line: usize,
    /// The clause, joined over its lines.
    pub clause: String,
    pub confidence: f32,
}

/// What a text says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Learned {
    pub kind: Option<Kind>,
    /// The header's citation of itself (number, symbol, canonical).
    #[serde(skip)]
    pub citation: Option<Citation>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<Date>,
    pub effective: Option<Date>,
    /// 1-based line of the clause giving the effective date.
    pub effective_line: Option<usize>,
    pub title: Option<String>,
    pub effects: Vec<Effect>,
    /// The issuing body's line of the header as written ("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"),
    /// for the ids of local documents when the header's issuer was not read.
    pub issuer_line: Option<String>,
    /// What the text states about relations between OTHER instruments: never its effects.
    pub facts: Vec<Fact>,
}

/// A statement about two other instruments: `by` has `kind` on `target` ("Nghị định số X đã
/// được sửa đổi, bổ sung bởi Nghị định số Y": Y amends X), as the text stating it says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The effect, from the affecting side.
    #[serde(rename = "type")]
    pub kind: EffectType,
    /// The affected instrument's number-symbol (X).
    pub target: String,
    /// The affecting instrument's number-symbol (Y).
    pub by: String,
    pub provisions: Option<String>,
    /// The date stated (a list's date column), if any.
    pub date: Option<Date>,
    /// 1-based line of the statement.
    pub line: usize,
    pub text: String,
    pub confidence: f32,
}

#[derive(Debug, Deserialize)]
struct PatternFile {
    header: HeaderPatterns,
    effective: EffectivePatterns,
    clause: ClausePatterns,
    effect: Vec<EffectPattern>,
    facts: FactPatterns,
}

#[derive(Debug, Deserialize)]
struct FactPatterns {
    passive: String,
    verbs: Vec<(String, String)>,
    reach: usize,
    row_number: String,
    row_reach: usize,
    row_date: String,
    row_date_reach: usize,
    list_gap: String,
    x_provisions: Vec<String>,
    confidence: f32,
}

#[derive(Debug, Deserialize)]
struct HeaderPatterns {
    issued: String,
    running_head: Vec<String>,
    lines: usize,
}

#[derive(Debug, Deserialize)]
struct EffectivePatterns {
    #[serde(rename = "self")]
    own: String,
    dates: Vec<String>,
    on_signing: Vec<String>,
    after_days: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ClausePatterns {
    item: String,
    not_effect_starts: Vec<String>,
    not_effect_contains: Vec<String>,
    not_before_trigger: Vec<String>,
    self_word: String,
    self_subjects: Vec<String>,
    self_reach: usize,
    amend_objects: Vec<String>,
    provision_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct EffectPattern {
    #[serde(rename = "type")]
    kind: String,
    triggers: Vec<String>,
    subject: String,
    confidence: f32,
}

/// The compiled patterns.
pub struct Patterns {
    issued: Regex,
    /// The running heads' patterns as one alternation (a line matches it when it matches
    /// one of them); None when there are none.
    running_head: Option<Regex>,
    header_lines: usize,
    own_effective: Regex,
    dates: Vec<Regex>,
    on_signing: Vec<Regex>,
    after_days: Vec<Regex>,
    item: Regex,
    not_starts: Vec<String>,
    not_before: Vec<String>,
    self_word: String,
    /// "nghị định này", "thông tư này", …
    self_names: Vec<String>,
    self_reach: usize,
    amend_objects: Vec<String>,
    provision_words: Vec<String>,
    /// (type, trigger, subject before?, confidence), longest trigger first.
    triggers: Vec<(EffectType, String, bool, f32)>,
    /// Each trigger's searcher (vectorized `memmem`, built once), in `triggers`' order.
    trigger_finders: Vec<memchr::memmem::Finder<'static>>,
    /// A searcher for each phrase of `not_effect_contains` (a clause holding one states no
    /// effect).
    not_contains_finders: Vec<memchr::memmem::Finder<'static>>,
    /// The first word of every trigger (up to its first white space), as one regex: a
    /// clause whose lowered text holds none of them holds no trigger (see [`effects`]).
    /// None when a trigger starts with white space or is empty (no such shortcut then).
    trigger_heads: Option<Regex>,
    fact_passive: Regex,
    /// (folded verb, effect), longest first.
    fact_verbs: Vec<(String, EffectType)>,
    fact_reach: usize,
    row_number: Regex,
    row_reach: usize,
    row_date: Regex,
    row_date_reach: usize,
    list_gap: Regex,
    x_provisions: Vec<String>,
    fact_confidence: f32,
}

impl Patterns {
    /// The patterns compiled into the binary.
    pub fn builtin() -> &'static Patterns {
        static P: OnceLock<Patterns> = OnceLock::new();
        P.get_or_init(|| {
            Patterns::from_toml(EFFECTS_TOML)
                .expect("the compiled-in corpus/registry/effects.toml parses (checked by tests)")
        })
    }

    /// Compile a pattern file.
    pub fn from_toml(text: &str) -> Result<Patterns, String> {
        let p: PatternFile =
            toml::from_str(text).map_err(|e| format!("corpus/registry/effects.toml: {e}"))?;
        let re = |s: &str| Regex::new(s).map_err(|e| format!("effects.toml: {s:?}: {e}"));
        let res = |v: &[String]| v.iter().map(|s| re(s)).collect::<Result<Vec<_>, _>>();
        let mut triggers = Vec::new();
        for e in &p.effect {
            let kind = EffectType::from_slug(&e.kind)
                .ok_or_else(|| format!("effects.toml: unknown effect type {:?}", e.kind))?;
            for t in &e.triggers {
                triggers.push((kind, t.clone(), e.subject == "before", e.confidence));
            }
        }
        triggers.sort_by_key(|t| std::cmp::Reverse(t.1.len()));
        let heads: Option<Vec<String>> = triggers
            .iter()
            .map(|t| {
                let head = t.1.split(char::is_whitespace).next().unwrap_or("");
                (!head.is_empty()).then(|| regex::escape(head))
            })
            .collect();
        let trigger_heads = match heads {
            Some(h) if !h.is_empty() => Some(re(&h.join("|"))?),
            _ => None,
        };
        let mut fact_verbs = Vec::new();
        for (w, t) in &p.facts.verbs {
            let kind = EffectType::from_slug(t)
                .ok_or_else(|| format!("effects.toml: unknown effect type {t:?}"))?;
            fact_verbs.push((w.clone(), kind));
        }
        fact_verbs.sort_by_key(|v| std::cmp::Reverse(v.0.len()));
        Ok(Patterns {
            fact_passive: re(&p.facts.passive)?,
            fact_verbs,
            fact_reach: p.facts.reach,
            row_number: re(&p.facts.row_number)?,
            row_reach: p.facts.row_reach,
            row_date: re(&p.facts.row_date)?,
            row_date_reach: p.facts.row_date_reach,
            list_gap: re(&p.facts.list_gap)?,
            x_provisions: p.facts.x_provisions,
            fact_confidence: p.facts.confidence,
            issued: re(&p.header.issued)?,
            running_head: match p.header.running_head.as_slice() {
                [] => None,
                v => {
                    // Each checked alone first, so an error names its own pattern.
                    res(v)?;
                    let alt: Vec<String> = v.iter().map(|r| format!("(?:{r})")).collect();
                    Some(re(&alt.join("|"))?)
                }
            },
            header_lines: p.header.lines,
            own_effective: re(&p.effective.own)?,
            dates: res(&p.effective.dates)?,
            on_signing: res(&p.effective.on_signing)?,
            after_days: res(&p.effective.after_days)?,
            item: re(&p.clause.item)?,
            not_starts: p.clause.not_effect_starts,
            not_before: p.clause.not_before_trigger,
            self_names: p
                .clause
                .self_subjects
                .iter()
                .map(|k| format!("{k} {}", p.clause.self_word))
                .collect(),
            self_reach: p.clause.self_reach,
            self_word: p.clause.self_word,
            amend_objects: p.clause.amend_objects,
            provision_words: p.clause.provision_words,
            trigger_finders: finders(triggers.iter().map(|t| t.1.as_str())),
            not_contains_finders: finders(p.clause.not_effect_contains.iter().map(String::as_str)),
            triggers,
            trigger_heads,
        })
    }
}

/// A searcher for each needle (owned, so the patterns keep them).
fn finders<'a>(needles: impl Iterator<Item = &'a str>) -> Vec<memchr::memmem::Finder<'static>> {
    needles
        .map(|n| memchr::memmem::Finder::new(n.as_bytes()).into_owned())
        .collect()
}

/// Lower-case each character whose lower case has the same UTF-8 length, so that byte
/// offsets into the result are offsets into the input.
///
/// The ASCII letters are lowered over the whole copy at once (runs of ASCII are stepped
/// over eight bytes at a time); then each non-ASCII char whose lower case differs is
/// written over itself (the same length), the chars below U+2000 looked up in
/// [`lower_table`]. A text that is mostly lower case already costs a copy and one scan.
fn lower(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    if s.is_ascii() {
        return out;
    }
    let table = lower_table();
    let bytes = s.as_bytes();
    let byte = |k: usize| u32::from(bytes.get(k).copied().unwrap_or(0) & 0x3F);
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < bytes.len() {
        if let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            if u64::from_ne_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        // `i` is a char boundary: only whole chars are stepped over.
        let (cp, n) = match b {
            0x00..=0x7F => {
                i += 1;
                continue;
            }
            0xC0..=0xDF => ((u32::from(b & 0x1F) << 6) | byte(i + 1), 2),
            0xE0..=0xEF => (
                (u32::from(b & 0x0F) << 12) | (byte(i + 1) << 6) | byte(i + 2),
                3,
            ),
            _ => (u32::MAX, 4),
        };
        let x = match table.get(cp as usize) {
            Some(&x) => x,
            None => {
                let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                lower_char(c)
            }
        };
        if x as u32 != cp {
            // The same length (`lower_char`'s rule): written over the char.
            out.replace_range(i..i + n, x.encode_utf8(&mut buf));
        }
        i += n;
    }
    out
}

/// [`lower_char`] of every char below U+2000 (Latin, Greek, Cyrillic, …), computed once.
fn lower_table() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x2000u32)
            .map(|cp| char::from_u32(cp).map_or('\0', lower_char))
            .collect()
    })
}

/// [`lower`]'s rule for one char: its lower case when that is one char of the same UTF-8
/// length, else the char itself. Latin letters (U+00C0..U+024F, U+1E00..U+1EFF: Vietnamese
/// among them) are looked up in a table computed once from the rule, not in the Unicode
/// case tables.
fn lower_char(c: char) -> char {
    let one = |x: char| if x.len_utf8() == c.len_utf8() { x } else { c };
    match crate::normalize::latin_lowercase(c) {
        Some(Some(x)) => one(x),
        Some(None) => c,
        None => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => one(x),
                _ => c,
            }
        }
    }
}

/// `low` (a slice of [`lower`]'s output) with each run of white space as one space, and for
/// each byte of the result the byte of `low` it comes from (one more entry: the end).
fn squash_mapped(low: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(low.len());
    let mut map = Vec::with_capacity(low.len() + 1);
    let mut prev_space = false;
    for (i, c) in low.char_indices() {
        if c.is_whitespace() {
            if prev_space {
                continue;
            }
            prev_space = true;
            out.push(' ');
            map.push(i);
            continue;
        }
        prev_space = false;
        out.push(c);
        map.extend(i..i + c.len_utf8());
    }
    map.push(low.len());
    (out, map)
}

/// `s` (already lowered) with each run of white space as one space: [`squash_mapped`]'s
/// text without the offset map. `s` itself when it is squashed already, else written into
/// `buf` (reused from clause to clause), a word at a time.
fn squash_lowered<'a>(s: &'a str, buf: &'a mut String) -> &'a str {
    if is_squashed(s) {
        return s;
    }
    buf.clear();
    let mut words = s.split(char::is_whitespace);
    buf.push_str(words.next().unwrap_or(""));
    // Each further piece follows a white space char: one space for a run of them.
    let mut spaced = false;
    for w in words {
        if !spaced {
            buf.push(' ');
            spaced = true;
        }
        if !w.is_empty() {
            buf.push_str(w);
            spaced = false;
        }
    }
    buf
}

/// Is `s` its own [`squash_lowered`]: no white space but single ASCII spaces? Read a byte
/// at a time; a non-ASCII char is decoded only when its first byte can start white space
/// (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
fn is_squashed(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut prev_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        let space = match b {
            b' ' => true,
            b'\t'..=b'\r' => return false,
            0xC2 | 0xE2 | 0xE3 | 0xE1 if b != 0xE1 || bytes.get(i + 1) == Some(&0x9A) => {
                if s.get(i..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_whitespace)
                {
                    return false;
                }
                false
            }
            _ => false,
        };
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    true
}

/// A date from `d`, `m`, `y` groups.
fn date_of(c: &regex::Captures) -> Option<Date> {
    Date::new(
        c.name("y")?.as_str().parse().ok()?,
        c.name("m")?.as_str().parse().ok()?,
        c.name("d")?.as_str().parse().ok()?,
    )
}

/// `d` plus `n` days.
pub fn add_days(d: Date, n: u32) -> Date {
    let mut d = d;
    for _ in 0..n {
        d = if d.day < crate::model::days_in_month(d.year, d.month) {
            Date {
                day: d.day + 1,
                ..d
            }
        } else if d.month < 12 {
            Date {
                month: d.month + 1,
                day: 1,
                ..d
            }
        } else {
            Date {
                year: d.year + 1,
                month: 1,
                day: 1,
            }
        };
    }
    d
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Article,
    Number,
    Letter,
    Dash,
    None,
}

/// A clause: a byte range of the text, its first line and how it starts.
#[derive(Debug)]
struct Clause {
    start: usize,
    end: usize,
    line: usize,
    marker: Marker,
    /// Where the text after the marker starts.
    body: usize,
    /// Inside quoted text (the new wording an amendment writes in), never an effect.
    quoted: bool,
}

/// Split the text into clauses: a new clause at each article heading or item, or after a
/// line ending a sentence when the next starts with a capital. Running heads are skipped.
/// `low` is [`lower`] of `text` (the same byte offsets).
fn clauses(text: &str, low: &str, p: &Patterns) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let mut off = 0;
    let mut prev_end_sentence = true;
    let mut in_quote = false;
    // The item pattern's groups, read from one set of capture locations reused line after
    // line (no allocation per line).
    let group = |name: &str| p.item.capture_names().position(|n| n == Some(name));
    let groups = [
        (group("article"), Marker::Article),
        (group("num"), Marker::Number),
        (group("letter"), Marker::Letter),
        (group("dash"), Marker::Dash),
    ];
    let mut locs = p.item.capture_locations();
    for (i, line) in text.split('\n').enumerate() {
        let start = off;
        off += line.len() + 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // `lower` maps each char to one of the same length: the line's bytes in `low`.
        let l = &low[start..start + line.len()];
        if p.running_head.as_ref().is_some_and(|r| r.is_match(l)) {
            continue;
        }
        let m = p.item.captures_read(&mut locs, l);
        let marker = match m {
            Some(_) => groups
                .iter()
                .find(|(g, _)| g.is_some_and(|g| locs.get(g).is_some()))
                .map_or(Marker::None, |(_, k)| *k),
            None => Marker::None,
        };
        let opens_quote = t.starts_with(['“', '"', '‟']);
        // New wording quoted over several lines ("“Điều 1. Phạm vi …").
        let unbalanced = || t.matches(['“', '‟']).count() > t.matches('”').count();
        let starts_quote = opens_quote && (prev_end_sentence || unbalanced());
        let first_upper = t.chars().next().is_some_and(|c| c.is_uppercase());
        let new = marker != Marker::None
            || (prev_end_sentence && first_upper)
            || starts_quote
            || out.is_empty();
        let end = start + line.len();
        let quoted = in_quote || starts_quote;
        if starts_quote {
            in_quote = true;
        }
        let closes = t
            .trim_end_matches(['.', ';', ',', '/', ' '])
            .ends_with(['”', '"']);
        if in_quote && closes {
            in_quote = false;
        }
        if new {
            let body = m
                .map(|g| start + g.end())
                .unwrap_or(start + (line.len() - line.trim_start().len()));
            out.push(Clause {
                start,
                end,
                line: i + 1,
                marker,
                body,
                quoted,
            });
        } else if let Some(c) = out.last_mut() {
            c.end = end;
        }
        prev_end_sentence = t.ends_with(['.', ';', ':']);
    }
    out
}

/// The clause's text with line breaks as spaces (same byte offsets).
fn flat(text: &str, a: usize, b: usize) -> String {
    text[a..b].replace(['\n', '\r'], " ")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The citations of a number-symbol form inside `a..b`, as (start, end, canonical).
fn cites_in(cites: &[(usize, usize, String)], a: usize, b: usize) -> Vec<&(usize, usize, String)> {
    cites.iter().filter(|c| c.0 >= a && c.1 <= b).collect()
}

struct Doc<'a> {
    text: &'a str,
    /// [`lower`] of `text` (the same byte offsets).
    low: &'a str,
    p: &'a Patterns,
    cites: Vec<(usize, usize, String)>,
    effective: Option<Date>,
    /// Targets the title amends (fallback target of an amending article).
    title_amends: Vec<String>,
    title_amending: bool,
    own: Option<String>,
}

impl Doc<'_> {
    /// Is the trigger at `at` (byte in `lower`) preceded by a word that makes it a statement
    /// rather than an act?
    fn negated(&self, l: &str, at: usize) -> bool {
        let before = l[..at].trim_end();
        self.p.not_before.iter().any(|w| {
            before.ends_with(w.as_str())
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    /// Provisions written between `a` and `b` (a target's start), when they start with a
    /// provision word.
    fn provisions(&self, a: usize, b: usize) -> Option<String> {
        if b <= a {
            return None;
        }
        let s = squash(&self.text[a..b]);
        let s = s
            .trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace())
            .to_string();
        let mut t = s.as_str();
        for prefix in [
            "thi hành ",
            "đối với ",
            "các quy định tại ",
            "quy định tại ",
        ] {
            if lower(t).starts_with(prefix) {
                t = &t[prefix.len()..];
            }
        }
        for suffix in [
            " của",
            " tại",
            " trong",
            " quy định tại",
            " ban hành kèm theo",
            " được quy định tại",
        ] {
            loop {
                let lt = lower(t);
                if lt.ends_with(suffix) {
                    t = t[..t.len() - suffix.len()].trim_end_matches([',', ' ']);
                } else {
                    break;
                }
            }
        }
        let lt = lower(t);
        self.p
            .provision_words
            .iter()
            .any(|w| lt.starts_with(w.as_str()))
            .then(|| t.to_string())
            .filter(|s| !s.is_empty())
    }

    /// The date an effect stated in `a..b` takes hold: a date written after the trigger
    /// ("kể từ ngày 01 tháng 7 năm 2026"), else this text's effective date.
    fn effect_date(&self, l: &str, from: usize) -> Option<Date> {
        if self.p.own_effective.is_match(l) {
            return self.effective;
        }
        let tail = &l[from.min(l.len())..];
        if tail.contains(&format!("{} có hiệu lực", self.p.self_word)) {
            return self.effective;
        }
        self.p
            .dates
            .iter()
            .find_map(|r| r.captures(tail).and_then(|c| date_of(&c)))
            .or(self.effective)
    }
}

/// The number of a gazette file's slug ("thong-bao-so-02-2023-tb-lpqt-39022" → Thông báo
/// 02/2023/TB-LPQT), for texts whose header holds none.
pub fn number_from_slug(slug: &str) -> Option<(Kind, Citation)> {
    let (kind_slug, rest) = slug.split_once("-so-")?;
    let kind = Kind::from_slug(kind_slug)?;
    let mut parts: Vec<&str> = rest.split('-').collect();
    // The crawler's trailing item id.
    if parts.len() > 3
        && parts
            .last()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        parts.pop();
    }
    let (n, y) = (parts.first()?, parts.get(1)?);
    if !n.bytes().all(|b| b.is_ascii_digit()) || y.len() != 4 || parts.len() < 3 {
        return None;
    }
    let symbol = parts[2..].join("-").to_uppercase();
    let c =
        super::import::read_number_symbol(Some(kind.vietnamese()), &format!("{n}/{y}/{symbol}"))?;
    Some((kind, c))
}

/// Read an instrument's text.
pub fn learn(text: &str) -> Learned {
    learn_with(text, Patterns::builtin())
}

/// Read an instrument's text with the given patterns.
pub fn learn_with(text: &str, p: &Patterns) -> Learned {
    learn_extracted(text, &crate::extract(text), p)
}

/// [`learn_with`] on a text already extracted (`e`, what [`crate::extract`] gives for
/// `text`; the citations' `section` and `instrument` are not read): the indexer's one
/// extraction of a document serves its learning too.
pub fn learn_extracted(text: &str, e: &crate::Extraction, p: &Patterns) -> Learned {
    learn_extracted_as(text, e, p, false)
}

/// [`learn_extracted`]; `for_entries`: only what [`learned_entries`] keeps, which is
/// nothing of a text without an id of its own ([`Learned::own_id`], known from its header)
/// nor of one without an effect or an effective date. Such a text's clauses are not read
/// (no id), or its facts about other instruments not looked for (nothing learned).
fn learn_extracted_as(
    text: &str,
    e: &crate::Extraction,
    p: &Patterns,
    for_entries: bool,
) -> Learned {
    let h = &e.header;
    let mut out = Learned {
        kind: h.kind,
        issuer: h.issuer.clone(),
        title: h.title.clone(),
        ..Learned::default()
    };
    if let (Some(n), Some(s)) = (&h.number, &h.symbol) {
        let tw = h.kind.map(|k| k.vietnamese());
        // The number as written ("175/NQ-CP" has no year), else rebuilt from its parts.
        let written = h
            .number_span
            .and_then(|sp| text.get(sp.start..sp.end))
            .map(str::to_string);
        let rebuilt = match h.year {
            Some(y) if !s.contains(&y.to_string()) => format!("{n}/{y}/{s}"),
            _ => format!("{n}/{s}"),
        };
        let c = written
            .and_then(|w| super::import::read_number_symbol(tw, &w))
            .or_else(|| super::import::read_number_symbol(tw, &rebuilt));
        if let Some(c) = c {
            out.number = c.canonical.clone();
            out.citation = Some(c);
        }
    }
    // The issue date: the place-and-date line of the header.
    // Only the header's lines are read: the text is not split further.
    let header = || text.split('\n').take(p.header_lines);
    out.issuer_line = header()
        .map(|l| l.trim().trim_matches(['*', '|', '#', ' ']))
        .take_while(|l| !lower(l).starts_with("số"))
        .find(|l| {
            let ll = lower(l);
            l.split_whitespace().count() >= 2
                && l.chars().any(|c| c.is_alphabetic())
                && !l.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
                && !["cộng hòa", "cộng hoà", "độc lập", "công báo", "văn bản"]
                    .iter()
                    .any(|w| ll.starts_with(w))
        })
        .map(str::to_string);
    for line in header() {
        if let Some(c) = p.issued.captures(&lower(line)) {
            if let Some(d) = date_of(&c) {
                out.issued = Some(d);
                break;
            }
        }
    }
    if for_entries && out.own_id().is_none() {
        return out;
    }
    let cites: Vec<(usize, usize, String)> = e
        .citations
        .iter()
        .filter_map(|c| {
            let can = c.canonical.clone()?;
            (can.contains('/') && c.number.is_some() && c.symbol.is_some())
                .then_some((c.start, c.end, can))
        })
        .collect();
    let low = lower(text);
    let cl = clauses(text, &low, p);
    // The body: from the first article, else after the last "Căn cứ".
    let first_article = cl.iter().position(|c| c.marker == Marker::Article);
    let body_from = first_article.unwrap_or_else(|| {
        cl.iter()
            .rposition(|c| low[c.body..c.end].starts_with("căn cứ"))
            .map(|i| i + 1)
            .unwrap_or(0)
    });
    // The effective date.
    let mut buf = String::new();
    for c in &cl[body_from.min(cl.len())..] {
        // The clause lowered and squashed (line breaks are white space).
        let l = squash_lowered(&low[c.start..c.end], &mut buf);
        let Some(m) = p.own_effective.find(l) else {
            continue;
        };
        let tail = &l[m.start()..];
        let date = p
            .dates
            .iter()
            .filter_map(|r| {
                r.captures(tail)
                    .map(|c| (c.get(0).map_or(0, |g| g.start()), c))
            })
            .min_by_key(|(s, _)| *s)
            .and_then(|(_, c)| date_of(&c));
        let after = p
            .after_days
            .iter()
            .find_map(|r| r.captures(tail))
            .and_then(|c| c.name("n")?.as_str().parse::<u32>().ok());
        let signing = p.on_signing.iter().any(|r| r.is_match(tail));
        let eff = match (after, date, signing) {
            (Some(n), _, _) => out.issued.map(|d| add_days(d, n)),
            (None, Some(d), _) => Some(d),
            (None, None, true) => out.issued,
            _ => None,
        };
        if eff.is_some() {
            out.effective = eff;
            out.effective_line = Some(c.line);
            break;
        }
    }
    // The title's amended instruments.
    let title_l = out.title.as_deref().map(lower).unwrap_or_default();
    let title_amending = {
        let t = title_l
            .strip_prefix(&lower(h.kind.map(|k| k.vietnamese()).unwrap_or("")))
            .unwrap_or(&title_l)
            .trim_start();
        t.starts_with("sửa đổi") || t.starts_with("bổ sung") || t.starts_with("quy định sửa đổi")
    };
    let mut title_amends = Vec::new();
    if title_amending {
        if let Some(t) = &out.title {
            for c in crate::extract(t).citations {
                if let Some(can) = c.canonical.filter(|x| x.contains('/')) {
                    let before = lower(&t[..c.start.min(t.len())]);
                    let last_act = ["sửa đổi", "bổ sung", "bãi bỏ", "thay thế"]
                        .iter()
                        .filter_map(|w| before.rfind(w).map(|i| (i, *w)))
                        .max_by_key(|x| x.0)
                        .map(|x| x.1);
                    if matches!(last_act, Some("sửa đổi") | Some("bổ sung"))
                        && !title_amends.contains(&can)
                    {
                        title_amends.push(can);
                    }
                }
            }
        }
    }
    let doc = Doc {
        text,
        low: &low,
        p,
        cites,
        effective: out.effective,
        title_amends,
        title_amending,
        own: out.number.clone(),
    };
    // A consolidated text ("văn bản hợp nhất") restates the effects of the texts it
    // consolidates: facts about those, never effects of its own.
    if out.kind != Some(Kind::Consolidated) {
        out.effects = effects(&doc, &cl[body_from.min(cl.len())..]);
    }
    if !(for_entries && out.effects.is_empty() && out.effective.is_none()) {
        out.facts = facts(&doc);
    }
    out
}

/// The statements `doc` makes about relations between other instruments (see [`Fact`]):
/// a passive phrase ("đã được sửa đổi, bổ sung bởi", "được thay thế bởi", "bị bãi bỏ tại")
/// right before the citation of the affecting instrument Y (and the Ys listed after it),
/// about the citation just before the phrase, or — in a table row starting with the phrase —
/// about the row's first citation, with the row's date column.
fn facts(doc: &Doc) -> Vec<Fact> {
    let (p, text, cites) = (doc.p, doc.text, &doc.cites);
    let mut out: Vec<Fact> = Vec::new();
    // The line breaks, found once when a fact needs its line.
    let breaks = OnceCell::new();
    let line_of = |at: usize| {
        let breaks: &Vec<usize> =
            breaks.get_or_init(|| memchr::memchr_iter(b'\n', text.as_bytes()).collect());
        breaks.partition_point(|&b| b < at) + 1
    };
    let mut j = 1;
    while j < cites.len() {
        let (prev, y) = (&cites[j - 1], &cites[j]);
        let Some(gap) = text.get(prev.1..y.0) else {
            j += 1;
            continue;
        };
        let Some(m) = p.fact_passive.captures(gap) else {
            j += 1;
            continue;
        };
        let whole = m.get(0).map_or(0..0, |g| g.range());
        let at = prev.1 + whole.start;
        let verb = squash(&crate::normalize::fold_key(&m["verb"]).to_lowercase());
        let Some(kind) = p
            .fact_verbs
            .iter()
            .find(|(w, _)| verb == *w)
            .map(|(_, k)| *k)
        else {
            j += 1;
            continue;
        };
        // The Ys: this citation and those listed right after it.
        let mut ys = vec![j];
        while let Some(next) = cites.get(ys[ys.len() - 1] + 1) {
            let last = &cites[ys[ys.len() - 1]];
            match text.get(last.1..next.0) {
                Some(g) if p.list_gap.is_match(g) => ys.push(ys[ys.len() - 1] + 1),
                _ => break,
            }
        }
        // X: the row's first citation when the phrase starts a line, else the one before.
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let starts_line = text[line_start..at].trim().is_empty();
        let row = starts_line
            .then(|| {
                let from = at.saturating_sub(p.row_reach);
                let from = (from..=at)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(at);
                p.row_number
                    .find_iter(&text[from..line_start])
                    .last()
                    .map(|r| from + r.end())
            })
            .flatten();
        let x = match row {
            Some(row_end) => cites.iter().find(|c| c.0 >= row_end && c.1 <= at),
            None => {
                let before = &gap[..whole.start];
                // One sentence: no ";", no "." or ":" followed by a capital or a number.
                let ends_sentence = before.match_indices(['.', ':']).any(|(i, _)| {
                    before[i + 1..]
                        .trim_start()
                        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                });
                (before.len() <= p.fact_reach && !before.contains(';') && !ends_sentence)
                    .then_some(prev)
            }
        };
        let last_y = &cites[ys[ys.len() - 1]];
        let date = row.and_then(|_| {
            let to = (last_y.1 + p.row_date_reach).min(text.len());
            let to = (last_y.1..=to).rev().find(|&i| text.is_char_boundary(i))?;
            let tail = &text[last_y.1..to];
            // Not past the next row.
            let tail = match p.row_number.find(tail) {
                Some(r) => &tail[..r.start()],
                None => tail,
            };
            p.row_date.captures(tail).and_then(|c| date_of(&c))
        });
        if let Some(x) = x {
            // A provision word with its number or letter ("Điều 5", "điểm a", "Phụ lục 4").
            let is_provision = |s: &str| {
                let l = lower(s.trim());
                p.x_provisions.iter().any(|w| {
                    l.strip_prefix(w.as_str()).is_some_and(|r| {
                        let t = r.trim_start();
                        let tok: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
                        r.starts_with(char::is_whitespace)
                            && (tok.starts_with(|c: char| c.is_ascii_digit())
                                || tok.chars().count() == 1
                                || tok.chars().all(|c| "ivxlc".contains(c)) && !tok.is_empty())
                    })
                })
            };
            // The provisions of X: between the verb and "bởi" ("bị bãi bỏ khoản 2 Điều 3
            // bởi"), a line of the row holding them, or written right before X ("điểm a
            // khoản 3 Điều 5 Nghị định số …").
            let provisions = m
                .name("p1")
                .map(|g| squash(g.as_str()))
                .filter(|s| is_provision(s))
                .or_else(|| {
                    row.and_then(|_| {
                        text.get(x.1..line_start)?
                            .lines()
                            .find(|l| is_provision(l))
                            .map(squash)
                    })
                })
                .or_else(|| {
                    let from = x.0.saturating_sub(120);
                    let from = (from..=x.0).find(|&i| text.is_char_boundary(i))?;
                    let tail = &text[from..x.0];
                    let tail = &tail[tail.rfind([';', '.', '\n', ':']).map_or(0, |i| i + 1)..];
                    let lt = lower(tail);
                    let i = p
                        .x_provisions
                        .iter()
                        .flat_map(|w| lt.match_indices(w.as_str()).map(|(i, _)| i))
                        .filter(|&i| lt[..i].chars().next_back().is_none_or(char::is_whitespace))
                        .filter(|&i| is_provision(&tail[i..]))
                        .min()?;
                    let s = squash(&tail[i..]);
                    let s = s.trim_end_matches([',', ' ']);
                    let s = s.strip_suffix(" của").unwrap_or(s);
                    (!s.is_empty()).then(|| s.to_string())
                });
            let clause = squash(&text[x.0.min(at)..last_y.1]);
            for &yi in &ys {
                let by = &cites[yi].2;
                let own = doc.own.as_deref();
                if *by == x.2 || Some(by.as_str()) == own || Some(x.2.as_str()) == own {
                    continue;
                }
                let f = Fact {
                    kind,
                    target: x.2.clone(),
                    by: by.clone(),
                    provisions: provisions.clone(),
                    date,
                    line: line_of(at),
                    text: clause.chars().take(400).collect(),
                    confidence: p.fact_confidence,
                };
                if !out
                    .iter()
                    .any(|o| (o.kind, &o.target, &o.by) == (f.kind, &f.target, &f.by))
                {
                    out.push(f);
                }
            }
        }
        j = ys[ys.len() - 1] + 1;
    }
    out
}

/// A lead-in ("bãi bỏ các quy định sau:") whose items are effects.
#[derive(Clone)]
struct LeadIn {
    kind: EffectType,
    confidence: f32,
    date: Option<Date>,
    /// Set by an article heading (items of any level) or by a numbered item (lettered items).
    level: Marker,
    text: String,
}

fn effects(doc: &Doc, cl: &[Clause]) -> Vec<Effect> {
    let p = doc.p;
    let mut out: Vec<Effect> = Vec::new();
    let mut article_amends: Option<Vec<String>> = None;
    let mut lead: Option<LeadIn> = None;
    for c in cl {
        if c.quoted {
            continue;
        }
        match c.marker {
            Marker::Article => {
                lead = None;
                article_amends = None;
            }
            Marker::Number if lead.as_ref().is_some_and(|x| x.level != Marker::Article) => {
                lead = None;
            }
            _ => {}
        }
        // Without a lead-in, a clause does something only through a trigger in its text;
        // a trigger's first word is in the clause's lowered text, squashed or not.
        if lead.is_none()
            && p.trigger_heads
                .as_ref()
                .is_some_and(|r| !r.is_match(&doc.low[c.start..c.end]))
        {
            continue;
        }
        // The clause lowered with its white space squashed (line breaks included), and
        // for each of its bytes the byte of the clause it comes from.
        let (l, map) = squash_mapped(&doc.low[c.start..c.end]);
        let o = |i: usize| c.start + map[i.min(map.len() - 1)];
        // Where each trigger occurs first (searched once here, in `triggers`' order): a
        // clause without a lead-in nor any trigger does nothing.
        let firsts: Vec<Option<usize>> = p
            .trigger_finders
            .iter()
            .map(|f| f.find(l.as_bytes()))
            .collect();
        if lead.is_none() && firsts.iter().all(Option::is_none) {
            continue;
        }
        let body_at = map.partition_point(|&m| m < c.body - c.start).min(l.len());
        let body_l = l[body_at..].trim_start();
        let body_at = l.len() - body_l.len();
        if p.not_starts.iter().any(|w| body_l.starts_with(w.as_str())) {
            continue;
        }
        if p.not_contains_finders
            .iter()
            .any(|f| f.find(l.as_bytes()).is_some())
        {
            continue;
        }
        // The clause's citations and its text are made when an effect or a lead-in needs
        // them (most clauses with a trigger word state no effect).
        let cites_cell = OnceCell::new();
        let cites = || -> &Vec<&(usize, usize, String)> {
            cites_cell.get_or_init(|| {
                cites_in(&doc.cites, c.start, c.end)
                    .into_iter()
                    .filter(|x| Some(&x.2) != doc.own.as_ref())
                    .collect()
            })
        };
        let clause_cell = OnceCell::new();
        let clause = || -> String {
            clause_cell
                .get_or_init(|| squash(&doc.text[c.start..c.end]))
                .clone()
        };
        // Items under a lead-in.
        if let Some(li) = &lead {
            if matches!(c.marker, Marker::Letter | Marker::Dash)
                || (li.level == Marker::Article && c.marker == Marker::Number)
            {
                if let Some(t) = cites().first() {
                    let provisions = doc.provisions(c.body, t.0);
                    out.push(Effect {
                        kind: li.kind,
                        target: t.2.clone(),
                        provisions,
                        date: li.date,
                        line: c.line,
                        clause: format!("{} {}", li.text, clause()),
                        confidence: li.confidence - 0.1,
                    });
                    continue;
                }
            }
        }
        // Triggers in this clause.
        // "Nghị định này … thay thế …": the text names itself shortly before the act, in the
        // same sentence.
        let self_before = |at: usize| {
            // The last name before `at` decides; one starting more than `self_reach` bytes
            // before is too far, so only those bytes are searched.
            let w = at.saturating_sub(p.self_reach);
            let w = (0..=w).rev().find(|&i| l.is_char_boundary(i)).unwrap_or(0);
            p.self_names.iter().any(|n| {
                l[w..at].rfind(n.as_str()).is_some_and(|i| {
                    let i = w + i;
                    let between = &l[i + n.len()..at];
                    at - i <= p.self_reach && !between.contains(['.', ';', ':'])
                })
            })
        };
        let mut claimed: Vec<(usize, usize)> = Vec::new();
        let triggers = p.triggers.iter().zip(&p.trigger_finders).zip(&firsts);
        for (((kind, trig, before, conf), finder), first) in triggers {
            // Each occurrence of the trigger, left to right, none overlapping the last.
            let mut next = *first;
            while let Some(at) = next {
                let from = at + trig.len();
                next = finder.find(&l.as_bytes()[from..]).map(|i| from + i);
                if claimed.iter().any(|&(a, b)| at < b && at + trig.len() > a) {
                    continue;
                }
                // Whole words only.
                if l[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|x| x.is_alphanumeric())
                    || l[at + trig.len()..]
                        .chars()
                        .next()
                        .is_some_and(|x| x.is_alphanumeric())
                {
                    continue;
                }
                claimed.push((at, at + trig.len()));
                if doc.negated(&l, at) {
                    continue;
                }
                let starts = at == body_at
                    || l[body_at..at].trim().is_empty()
                    || l[body_at..at]
                        .trim()
                        .trim_end_matches(',')
                        .starts_with("kể từ ngày");
                let mut kind = *kind;
                if kind == EffectType::Replaces {
                    let next = l[at + trig.len()..].trim_start_matches([':', ' ']);
                    if p.amend_objects.iter().any(|w| next.starts_with(w.as_str())) {
                        kind = EffectType::Amends;
                    }
                }
                // The instruction ends where the new wording starts ("… như sau:", ": “").
                let instr_end = ["như sau", ": “", ":“", ": ‟", ":‟", ": \""]
                    .iter()
                    .filter_map(|w| l[at..].find(w).map(|i| at + i))
                    .min()
                    .unwrap_or(l.len());
                let after_cites: Vec<&&(usize, usize, String)> = cites()
                    .iter()
                    .filter(|x| x.0 >= o(at + trig.len()) && x.0 < o(instr_end))
                    .collect();
                if kind == EffectType::Amends {
                    // Only in an amending context, and only when the clause starts with it.
                    if !starts {
                        continue;
                    }
                    let in_context = c.marker == Marker::Article
                        || article_amends.is_some()
                        || doc.title_amending;
                    if !in_context {
                        continue;
                    }
                    let targets: Vec<String> = match after_cites.first() {
                        Some(t) => vec![t.2.clone()],
                        None => article_amends
                            .clone()
                            .filter(|v| !v.is_empty())
                            .unwrap_or_else(|| doc.title_amends.clone()),
                    };
                    if c.marker == Marker::Article {
                        article_amends = Some(targets.clone());
                    }
                    // "Thay thế cụm từ …": the phrase is the provision.
                    let pstart = at + trig.len()
                        - if trig.ends_with("cụm từ") {
                            "cụm từ".len()
                        } else {
                            0
                        };
                    let provisions = after_cites
                        .first()
                        .and_then(|t| doc.provisions(o(pstart), t.0))
                        .or_else(|| {
                            let s = squash(&doc.text[c.start + map[pstart]..c.end]);
                            let s = s.split(':').next().unwrap_or("");
                            let s = s.trim_end_matches(['.', ' ']);
                            let s = s.strip_suffix(" như sau").unwrap_or(s);
                            let s = s.strip_suffix(" thành").unwrap_or(s);
                            doc.provisions_text(s)
                        });
                    let conf = if after_cites.is_empty() {
                        conf - 0.1
                    } else {
                        *conf
                    };
                    for t in targets {
                        out.push(Effect {
                            kind,
                            target: t,
                            provisions: provisions.clone(),
                            date: doc.effect_date(&l, at),
                            line: c.line,
                            clause: clause(),
                            confidence: conf,
                        });
                    }
                    break;
                }
                if *before {
                    // "Thông tư số … hết hiệu lực": the subject opens the clause.
                    let head = l[body_at..at].trim_start();
                    let head = head
                        .strip_prefix("kể từ ngày")
                        .and_then(|h| h.split_once(',').map(|x| x.1.trim_start()))
                        .unwrap_or(head);
                    let dated = l[at..].contains(&format!("{} có hiệu lực", p.self_word))
                        || p.dates.iter().any(|r| r.is_match(&l[at..]));
                    if !dated {
                        continue;
                    }
                    let before_cites: Vec<&&(usize, usize, String)> =
                        cites().iter().filter(|x| x.1 <= o(at)).collect();
                    if before_cites.is_empty() {
                        if l.trim_end().ends_with(':') {
                            lead = Some(LeadIn {
                                kind,
                                confidence: *conf,
                                date: doc.effect_date(&l, at),
                                level: c.marker,
                                text: clause(),
                            });
                        }
                        continue;
                    }
                    // The subject opens the clause (after "Kể từ ngày …,"), or provisions do.
                    let head_at = o(at - head.len());
                    let opens = before_cites.first().is_some_and(|x| {
                        doc.text[head_at.min(x.0)..x.0].trim().is_empty()
                            || doc.provisions(head_at, x.0).is_some()
                    });
                    if !opens {
                        continue;
                    }
                    let first = before_cites[0];
                    let provisions = doc.provisions(o(body_at), first.0);
                    let date = doc.effect_date(&l, at);
                    out.push(Effect {
                        kind,
                        target: first.2.clone(),
                        provisions: provisions.clone(),
                        date,
                        line: c.line,
                        clause: clause(),
                        confidence: *conf,
                    });
                    // "Thông tư số A … và Thông tư số B … hết hiệu lực".
                    for x in before_cites.iter().skip(1) {
                        // The clause's lowered text up to X, line breaks as spaces.
                        let pre = flat(doc.low, c.start, x.0);
                        let pre = pre.trim_end();
                        if !(pre.ends_with(" và") || pre.ends_with(',') || pre.ends_with(';')) {
                            break;
                        }
                        out.push(Effect {
                            kind,
                            target: x.2.clone(),
                            provisions: None,
                            date,
                            line: c.line,
                            clause: clause(),
                            confidence: *conf - 0.1,
                        });
                    }
                    continue;
                }
                // Subject after the trigger: this text acts ("Bãi bỏ …", "Nghị định này …
                // thay thế …", "Kể từ ngày …, bãi bỏ …").
                if !(starts || self_before(at)) {
                    continue;
                }
                if after_cites.is_empty() {
                    if l.trim_end().ends_with(':') {
                        lead = Some(LeadIn {
                            kind,
                            confidence: *conf,
                            date: doc.effect_date(&l, at),
                            level: c.marker,
                            text: clause(),
                        });
                    }
                    continue;
                }
                let t = after_cites[0];
                let provisions = doc.provisions(o(at + trig.len()), t.0);
                let date = doc.effect_date(&l, at);
                out.push(Effect {
                    kind,
                    target: t.2.clone(),
                    provisions,
                    date,
                    line: c.line,
                    clause: clause(),
                    confidence: *conf,
                });
                // "thay thế Thông tư số A và Thông tư số B".
                let mut last_end = t.1;
                for x in after_cites.iter().skip(1) {
                    let g = squash(&doc.low[last_end..x.0]);
                    let joined = g.ends_with(" và")
                        || g == "và"
                        || g.ends_with(',')
                        || g.ends_with(';')
                        || g.trim().is_empty();
                    if !joined {
                        break;
                    }
                    let provisions = None;
                    out.push(Effect {
                        kind,
                        target: x.2.clone(),
                        provisions,
                        date,
                        line: c.line,
                        clause: clause(),
                        confidence: *conf - 0.1,
                    });
                    last_end = x.1;
                }
                if c.marker == Marker::Article && kind == EffectType::Repeals {
                    lead = None;
                }
            }
        }
    }
    out
}

impl Doc<'_> {
    /// Provisions as written in `s` when it starts with a provision word.
    fn provisions_text(&self, s: &str) -> Option<String> {
        let ls = lower(s);
        self.p
            .provision_words
            .iter()
            .any(|w| ls.starts_with(w.as_str()))
            .then(|| s.to_string())
            .filter(|s| !s.is_empty())
    }
}

impl Learned {
    /// The registry id of the text itself, from its header (number-symbol, issuer, issue
    /// date): None when it names no number-symbol of its own, or a local one without the
    /// issuer and date that tell it from the same number of another province.
    fn own_id(&self) -> Option<String> {
        let c = self.citation.as_ref()?;
        if is_local(c) {
            // The same number repeats in every province: the id carries issuer and date.
            let slug = super::issuer_slug(self.issuer.as_deref().or(self.issuer_line.as_deref())?);
            Some(format!(
                "{}:{slug}:{}",
                c.canonical.as_deref()?,
                self.issued?
            ))
        } else {
            make_id(c, self.issuer.as_deref(), self.issued)
        }
    }

    /// The registry entry of the text at `path`: its identity, dates and effects as
    /// relations (unverified, each with its clause). None when the text names no
    /// number-symbol of its own.
    pub fn to_instrument(&self, path: &str) -> Option<Instrument> {
        let c = self.citation.as_ref()?;
        let id = self.own_id()?;
        let relations = self
            .effects
            .iter()
            .map(|e| {
                clause_relation(
                    e.kind.relation(),
                    e.target.clone(),
                    e.date,
                    (path, e.line, &e.clause),
                    e.provisions.clone(),
                    e.confidence,
                )
            })
            .collect();
        let mut supports: Vec<String> = vec!["number".into(), "kind".into()];
        for (f, has) in [
            ("issuer", self.issuer.is_some()),
            ("issued", self.issued.is_some()),
            ("effective", self.effective.is_some()),
            ("title", self.title.is_some()),
        ] {
            if has {
                supports.push(f.into());
            }
        }
        Some(Instrument {
            id,
            kind: self.kind.unwrap_or(c.kind),
            number: c.number.clone(),
            year: c.year.or(self.issued.map(|d| d.year)),
            symbol: c.symbol.clone(),
            issuer: self.issuer.clone(),
            issued: self.issued,
            effective: self.effective,
            title: self.title.clone(),
            law_name: None,
            status: Status::Unknown,
            status_date: None,
            annual: false,
            subject: vec![],
            aliases: vec![],
            note: Some(
                "Learned from its own text (header, effect article, effect clauses). UNVERIFIED."
                    .into(),
            ),
            verified: false,
            relations,
            sources: vec![Source {
                reference: format!("{OWN_TEXT}{path}"),
                supports,
                verified: false,
            }],
        })
    }
}

/// The registry entries one document teaches: when it is an instrument with effects or an
/// effective date of its own (plans and letters, which state neither, are left to the
/// registry), its own entry, then the facts it states about other instruments
/// ([`Learned::fact_entries`]). What `cancu report` and `cancu index` both call on every
/// document they read; [`layer`] makes the registry layer of what a set of documents
/// taught. No I/O.
pub fn learn_document(path: &str, text: &str) -> Vec<Instrument> {
    learned_entries(path, learn(text))
}

/// [`learn_document`] on a text already extracted (`e`, as [`learn_extracted`] takes it):
/// the same entries, without extracting the text a second time.
pub fn learn_document_extracted(path: &str, text: &str, e: &crate::Extraction) -> Vec<Instrument> {
    learned_entries(path, learn_extracted_as(text, e, Patterns::builtin(), true))
}

/// The entries of what one document taught ([`learn_document`]).
fn learned_entries(path: &str, l: Learned) -> Vec<Instrument> {
    if l.effects.is_empty() && l.effective.is_none() {
        return Vec::new();
    }
    let Some(own) = l.to_instrument(path) else {
        return Vec::new();
    };
    let facts = l.fact_entries(&own.id, path);
    std::iter::once(own).chain(facts).collect()
}

/// The registry layer of the entries documents taught ([`learn_document`], in reading
/// order): one entry per id — an instrument's own text first (the first read wins), the
/// facts other texts state about it merged into it as relations —, the instruments known
/// only as targets, statuses settled.
pub fn layer(entries: impl IntoIterator<Item = Instrument>) -> Vec<Instrument> {
    let (own, facts): (Vec<Instrument>, Vec<Instrument>) = entries
        .into_iter()
        .partition(|i| i.sources.iter().any(|s| s.reference.starts_with(OWN_TEXT)));
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<Instrument> = Vec::new();
    for ins in own.into_iter().chain(facts) {
        match at.get(&ins.id) {
            Some(&i) => {
                let e = &mut out[i];
                for r in ins.relations {
                    if !e
                        .relations
                        .iter()
                        .any(|x| x.kind == r.kind && x.target == r.target)
                    {
                        e.relations.push(r);
                    }
                }
                for s in ins.sources {
                    if !e.sources.contains(&s) {
                        e.sources.push(s);
                    }
                }
            }
            None => {
                at.insert(ins.id.clone(), out.len());
                out.push(ins);
            }
        }
    }
    let mut seen: std::collections::HashSet<String> = at.into_keys().collect();
    let stubs = target_stubs(&out, &mut seen);
    out.extend(stubs);
    settle_statuses(&mut out);
    out
}

/// The registry entries a set of texts teaches about themselves: [`learn_document`] on
/// each, then [`layer`]. `(path, text)` pairs; no I/O.
pub fn learn_documents(docs: &[(&str, &str)]) -> Vec<Instrument> {
    layer(
        docs.iter()
            .flat_map(|(path, text)| learn_document(path, text)),
    )
}

/// How the source of an entry learned from its own text begins.
pub const OWN_TEXT: &str = "its own text: ";

/// How the source of a fact another text states begins.
pub const STATED_IN: &str = "stated in the text of ";

impl Learned {
    /// The facts this text (`own`, at `path`) states about other instruments, as entries of
    /// the affected instruments: each with the inverse relation ("amended-by Y") whose source
    /// is the statement, at the fact's lower confidence, unverified. Instruments whose number
    /// carries no year (local documents) are left out.
    pub fn fact_entries(&self, own: &str, path: &str) -> Vec<Instrument> {
        let mut out: Vec<Instrument> = Vec::new();
        for f in &self.facts {
            let Some(by) = super::import::read_number_symbol(None, &f.by)
                .filter(|c| !is_local(c))
                .and_then(|c| make_id(&c, None, None))
            else {
                continue;
            };
            let Some(mut x) = target_stub(&f.target, own, path) else {
                continue;
            };
            let Some(kind) = f.kind.relation().inverse() else {
                continue;
            };
            let rel = clause_relation(
                kind,
                by,
                f.date,
                (path, f.line, &f.text),
                f.provisions.clone(),
                f.confidence,
            );
            match out.iter_mut().find(|e| e.id == x.id) {
                Some(e) => e.relations.push(rel),
                None => {
                    x.note = Some(format!(
                        "Facts stated about it in the text of {own} (a list or a reference to another text), not by an effect of that text. UNVERIFIED."
                    ));
                    x.sources = vec![Source {
                        reference: format!("{STATED_IN}{own}: {path}"),
                        supports: vec!["number".into(), "relation".into()],
                        verified: false,
                    }];
                    x.relations = vec![rel];
                    out.push(x);
                }
            }
        }
        out
    }
}

/// The instruments known only as targets of the effects `entries` state, one per id not yet
/// in `seen` (a text read wins over a target stub).
pub fn target_stubs(
    entries: &[Instrument],
    seen: &mut std::collections::HashSet<String>,
) -> Vec<Instrument> {
    let mut stubs = Vec::new();
    for ins in entries {
        let path = ins
            .sources
            .first()
            .map(|s| {
                let r = s.reference.as_str();
                r.strip_prefix(OWN_TEXT)
                    .or_else(|| r.split_once(": ").map(|x| x.1))
                    .unwrap_or(r)
                    .to_string()
            })
            .unwrap_or_default();
        for r in &ins.relations {
            if let Some(st) = target_stub(&r.target, &ins.id, &path) {
                if seen.insert(st.id.clone()) {
                    stubs.push(st);
                }
            }
        }
    }
    stubs
}

/// A document of a provincial or local body (people's committee, people's council), whose
/// number repeats in every province.
fn is_local(c: &Citation) -> bool {
    let k = super::symbol_key(c.symbol.as_deref().unwrap_or(""));
    k.contains("UBND") || k.contains("HDND")
}

/// Set each entry's recorded status from what the texts read say (legislation.gov.uk style):
/// expired from the date of a whole replacement, repeal or expiry stated by another text,
/// partly expired from a partial one, else in force from its own effective date (or, known
/// only as a target, from the date it was amended). `status_at` still decides each date.
pub fn settle_statuses(entries: &mut [Instrument]) {
    let reg = {
        let mut r = super::Registry::new();
        r.add("learned", entries.to_vec());
        r
    };
    for ins in entries.iter_mut() {
        let effects = reg.effects_on(&ins.id);
        let first = |whole: bool, kinds: &[RelationType]| {
            effects
                .iter()
                .filter(|e| e.whole == whole && kinds.contains(&e.kind))
                .filter_map(|e| e.date)
                .min()
        };
        let ending = [
            RelationType::Replaces,
            RelationType::Repeals,
            RelationType::Expires,
        ];
        let (status, date) = if let Some(d) = first(true, &ending) {
            (Status::Expired, Some(d))
        } else if let Some(d) = first(false, &ending[1..]) {
            (Status::PartlyExpired, Some(d))
        } else if ins.effective.is_some() {
            (Status::InForce, ins.effective)
        } else if let Some(d) =
            first(true, &[RelationType::Amends]).or(first(false, &[RelationType::Amends]))
        {
            (Status::InForce, Some(d))
        } else {
            continue;
        };
        ins.status = status;
        ins.status_date = date;
    }
}

/// An entry for an instrument known only as the target of effects learned from other texts
/// (`by`: the affecting instrument's id, `path`: its text), so that citations of it resolve
/// and its status follows from those effects. None when its number carries no year (the id
/// would need an issuer and a date the clause does not give).
pub fn target_stub(target: &str, by: &str, path: &str) -> Option<Instrument> {
    let c = super::import::read_number_symbol(None, target)?;
    // A provincial or local number names no province: no entry that every province's
    // "27/2009/QĐ-UBND" would resolve to.
    if is_local(&c) {
        return None;
    }
    let id = make_id(&c, None, None)?;
    let mut ins = super::import::instrument_from(&c, id);
    ins.note = Some(format!(
        "Known only as the target of effects stated in the text of {by}; its status follows from them. UNVERIFIED."
    ));
    ins.sources = vec![Source {
        reference: format!("the text of {by}: {path}"),
        supports: vec!["number".into()],
        verified: false,
    }];
    Some(ins)
}

/// A relation learned from a clause of a text (`(path, line, text)`): unverified, whole or
/// of the provisions written, with the confidence of the pattern that found it.
fn clause_relation(
    kind: RelationType,
    target: String,
    date: Option<Date>,
    (path, line, text): (&str, usize, &str),
    provisions: Option<String>,
    confidence: f32,
) -> Relation {
    Relation {
        kind,
        target,
        date,
        verified: false,
        source: Some(RelationSource::Clause {
            path: path.to_string(),
            line,
            text: text.to_string(),
        }),
        scope: Some(if provisions.is_some() {
            Scope::Provisions
        } else {
            Scope::Whole
        }),
        provisions,
        confidence: Some(confidence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lower`'s ASCII shortcuts and Latin table change nothing: every char below U+3000 (alone and among
    /// ASCII and Vietnamese letters) lowers as the char-by-char rule lowers it.
    #[test]
    fn lower_ascii_shortcut_matches_per_char_rule() {
        let rule = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                        _ => c,
                    }
                })
                .collect()
        };
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            // The last row: runs of eight ASCII bytes and more before and after the char.
            for s in [
                c.to_string(),
                format!("Ab{c}Đ İ Z"),
                format!("QUYẾT ĐỊNH SỐ 12/QĐ-UBND{c}ABCDEFGHIJ{c}Ư"),
            ] {
                assert_eq!(lower(&s), rule(&s), "{s:?}");
            }
        }
        assert_eq!(
            lower("QUYẾT ĐỊNH Số 12/QĐ-UBND"),
            "quyết định số 12/qđ-ubnd"
        );
    }

    /// `squash_lowered` borrows a text only when squashing would not change it: every char
    /// below U+3001 (the white space among them), alone, doubled and among letters.
    #[test]
    fn squash_lowered_borrows_only_what_is_squashed() {
        let squashed = |s: &str| -> String {
            let mut out = String::new();
            let mut prev_space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    if !prev_space {
                        out.push(' ');
                    }
                    prev_space = true;
                } else {
                    prev_space = false;
                    out.push(c);
                }
            }
            out
        };
        let mut buf = String::new();
        for c in (0..0x3001u32).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("{c}{c}"),
                format!("  {c}\n\t{c}x  "),
                format!("ệ {c}ầ"),
                format!("a {c} b"),
            ] {
                let want = squashed(&s);
                // One buffer for all rows, as the effective-date scan reuses it.
                assert_eq!(squash_lowered(&s, &mut buf), want, "{s:?}");
                assert_eq!(is_squashed(&s), want == s, "{s:?}");
            }
        }
        for (s, want) in [
            ("hiệu lực thi hành", true),
            ("hiệu  lực", false),
            ("hiệu\nlực", false),
            ("hiệu\u{a0}lực", false),
            ("hiệu\u{3000}lực", false),
            ("“hiệu lực” – kể từ", true),
            (" a ", true),
            ("", true),
        ] {
            assert_eq!(is_squashed(s), want, "{s:?}");
        }
    }

    fn doc(body: &str) -> String {
        format!(
            "BỘ TÀI CHÍNH\nSố: 50/2026/TT-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 13 tháng 5 năm 2026\nTHÔNG TƯ\nQuy định về hồ sơ thuế\nCăn cứ Nghị định số 68/2026/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 141/2026/NĐ-CP;\nBộ trưởng Bộ Tài chính ban hành Thông tư.\n{body}"
        )
    }

    fn pairs(l: &Learned) -> Vec<(EffectType, String, Option<String>)> {
        l.effects
            .iter()
            .map(|e| (e.kind, e.target.clone(), e.provisions.clone()))
            .collect()
    }

    #[test]
    fn patterns_parse() {
        assert!(Patterns::from_toml(EFFECTS_TOML).is_ok());
        assert!(Patterns::from_toml("x = 1").is_err());
    }

    #[test]
    fn identity_from_the_header() {
        let l = learn(&doc(
            "Điều 1. Phạm vi\nĐiều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.",
        ));
        assert_eq!(l.number.as_deref(), Some("50/2026/TT-BTC"));
        assert_eq!(l.kind, Some(Kind::Circular));
        assert_eq!(l.issued, Date::new(2026, 5, 13));
        assert_eq!(l.effective, Date::new(2026, 7, 1));
        assert!(l.effects.is_empty(), "{:?}", l.effects);
    }

    #[test]
    fn effective_dates_table() {
        let rows = [
            (
                "Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 9 năm 2024.",
                Date::new(2024, 9, 15),
            ),
            (
                "Thông tư này có hiệu lực thi hành từ ngày 01/7/2026.",
                Date::new(2026, 7, 1),
            ),
            (
                "Thông tư này có hiệu lực thi hành kể từ ngày ký ban hành.",
                Date::new(2026, 5, 13),
            ),
            (
                "Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký.",
                Date::new(2026, 6, 27),
            ),
            ("Thông tư này có hiệu lực kể từ ngày công bố.", None),
        ];
        for (clause, want) in rows {
            let l = learn(&doc(&format!("Điều 1. Hiệu lực\n{clause}")));
            assert_eq!(l.effective, want, "{clause}");
        }
    }

    #[test]
    fn effect_clauses_table() {
        type Row<'a> = (&'a str, Vec<(EffectType, &'a str, Option<&'a str>)>);
        let rows: Vec<Row> = vec![
            (
                "1. Thông tư này có hiệu lực thi hành kể từ ngày 13 tháng 10 năm 2025 và thay thế Thông tư số 43/2016/TT-BCA ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Công an.",
                vec![(EffectType::Replaces, "43/2016/TT-BCA", None)],
            ),
            (
                "2. Bãi bỏ khoản 4 Điều 2 Thông tư số 57/2019/TT-BCA ngày 11 tháng 11 năm 2019 của Bộ trưởng Bộ Công an.",
                vec![(EffectType::Repeals, "57/2019/TT-BCA", Some("khoản 4 Điều 2"))],
            ),
            (
                "2. Thông tư số 20/2023/TT-BLĐTBXH ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.",
                vec![(EffectType::Expires, "20/2023/TT-BLĐTBXH", None)],
            ),
            (
                "2. Nghị định số 06/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 08/2021/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
                vec![(EffectType::Expires, "06/2024/NĐ-CP", None)],
            ),
            (
                "1. Kể từ ngày Thông tư này có hiệu lực thi hành, bãi bỏ các quy định sau:\na) Khoản 3 Điều 3 Thông tư số 26/2016/TT-BLĐTBXH;\nb) Thông tư số 31/2016/TT-BLĐTBXH.",
                vec![
                    (EffectType::Repeals, "26/2016/TT-BLĐTBXH", Some("Khoản 3 Điều 3")),
                    (EffectType::Repeals, "31/2016/TT-BLĐTBXH", None),
                ],
            ),
            (
                "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 26/2016/TT-BLĐTBXH như sau:\n1. Sửa đổi khoản 3 Điều 8 như sau:\n“3. Nội dung mới.”",
                vec![
                    (EffectType::Amends, "26/2016/TT-BLĐTBXH", Some("một số điều")),
                    (EffectType::Amends, "26/2016/TT-BLĐTBXH", Some("khoản 3 Điều 8")),
                ],
            ),
            // The new wording quoted after "như sau:" names other instruments: not targets.
            (
                "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 26/2016/TT-BLĐTBXH như sau:\nb) Sửa đổi, bổ sung khoản 2 như sau: “2. Thời gian nghỉ hè theo quy định tại Nghị định số 84/2020/NĐ-CP.”\n“Điều 5. Thông tư số 09/2019/TT-BKHĐT hết hiệu lực kể từ ngày Thông tư này có hiệu lực.”",
                vec![
                    (EffectType::Amends, "26/2016/TT-BLĐTBXH", Some("một số điều")),
                    (EffectType::Amends, "26/2016/TT-BLĐTBXH", Some("khoản 2")),
                ],
            ),
            (
                "Điều 1. Thay thế cụm từ “người quản lý” tại Thông tư số 27/2016/TT-BLĐTBXH bằng cụm từ “Kiểm soát viên”.",
                vec![(EffectType::Amends, "27/2016/TT-BLĐTBXH", Some("cụm từ “người quản lý”"))],
            ),
            (
                "1. Đính chính khoản 2 Điều 5 Nghị định số 12/2026/NĐ-CP như sau:",
                vec![(EffectType::Corrects, "12/2026/NĐ-CP", Some("khoản 2 Điều 5"))],
            ),
            (
                "1. Ngưng hiệu lực thi hành khoản 1 Điều 3 Thông tư số 09/2021/TT-BKHĐT kể từ ngày 01 tháng 8 năm 2026.",
                vec![(EffectType::Suspends, "09/2021/TT-BKHĐT", Some("khoản 1 Điều 3"))],
            ),
        ];
        for (body, want) in rows {
            let l = learn(&doc(&format!("Điều 9. Điều khoản\n{body}")));
            let want: Vec<(EffectType, String, Option<String>)> = want
                .into_iter()
                .map(|(k, t, p)| (k, t.to_string(), p.map(str::to_string)))
                .collect();
            assert_eq!(pairs(&l), want, "{body}");
        }
    }

    #[test]
    fn hard_negatives_table() {
        let rows = [
            // Preamble: relations between other instruments.
            "Căn cứ Luật Giáo dục số 43/2019/QH14 được sửa đổi, bổ sung bởi Luật số 123/2025/QH15;",
            // Dynamic reference.
            "3. Trường hợp các văn bản quy phạm pháp luật được dẫn chiếu trong Nghị định này được thay thế, sửa đổi, bổ sung thì thực hiện theo văn bản đã thay thế, sửa đổi, bổ sung đó.",
            // A reference to an amended text.
            "b) Cán bộ quy định tại Nghị định số 159/2020/NĐ-CP đã được sửa đổi, bổ sung tại Nghị định số 69/2023/NĐ-CP.",
            // A task to be carried out later, in a programme.
            "b) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP của Chính phủ để bổ sung Trung tâm dữ liệu quốc gia.",
            // Continues in force.
            "2. Thông tư số 10/2020/TT-BLĐTBXH tiếp tục có hiệu lực thi hành.",
            // A proposal.
            "Rà soát, đề xuất sửa đổi Thông tư số 01/2022/TT-BLĐTBXH.",
            // Not about an instrument.
            "4. Bãi bỏ thủ tục kê khai trực tiếp tại trụ sở.",
            // A web page's legend of colours (admin documents copied from law portals).
            "X ** CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN ** Các nội dung của VB này được VB khác thay đổi, hướng dẫn sẽ được làm nổi bật bằng các màu sắc: : Sửa đổi, thêm mới, thay thế, bãi bỏ theo Luật số 72/2025/QH15 và Nghị định số 136/2025/NĐ-CP",
            // The self-reference is in another sentence.
            "3. Thông tư này quy định về hồ sơ. Các đơn vị thay thế Thông tư số 18/2026/TT-BTC trong hồ sơ của mình.",
        ];
        for body in rows {
            let l = learn(&doc(&format!(
                "Điều 1. Quy định chung\n{body}\nĐiều 2. Hiệu lực\nThông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026."
            )));
            assert!(l.effects.is_empty(), "{body}: {:?}", l.effects);
        }
    }

    /// (type, target, by, provisions, date) of a fact.
    type FactRow = (EffectType, String, String, Option<String>, Option<Date>);

    /// Statements about relations between OTHER instruments become facts about them, never
    /// effects of the text stating them.
    #[test]
    fn facts_about_other_instruments_table() {
        type Row<'a> = (
            &'a str,
            Vec<(EffectType, &'a str, &'a str, Option<&'a str>, Option<Date>)>,
        );
        let am = EffectType::Amends;
        let rows: Vec<Row> = vec![
            (
                "Căn cứ Luật Giáo dục số 43/2019/QH14 được sửa đổi, bổ sung bởi Luật số 123/2025/QH15;",
                vec![(am, "43/2019/QH14", "123/2025/QH15", None, None)],
            ),
            (
                "Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15 được sửa đổi, bổ sung bởi Luật số 73/2025/QH15, Luật số 84/2025/QH15 và Luật số 113/2025/QH15;",
                vec![
                    (am, "41/2024/QH15", "73/2025/QH15", None, None),
                    (am, "41/2024/QH15", "84/2025/QH15", None, None),
                    (am, "41/2024/QH15", "113/2025/QH15", None, None),
                ],
            ),
            (
                "b) Cán bộ quy định tại Nghị định số 159/2020/NĐ-CP đã được sửa đổi, bổ sung tại Nghị định số 69/2023/NĐ-CP.",
                vec![(am, "159/2020/NĐ-CP", "69/2023/NĐ-CP", None, None)],
            ),
            // Provisions of X written before it: a part only.
            (
                "theo điểm a, điểm b khoản 3 Điều 5 Nghị định số 51/2016/NĐ-CP đã được sửa đổi, bổ sung tại khoản 2 Điều 1 Nghị định số 21/2024/NĐ-CP;",
                vec![(
                    am,
                    "51/2016/NĐ-CP",
                    "21/2024/NĐ-CP",
                    Some("điểm a, điểm b khoản 3 Điều 5"),
                    None,
                )],
            ),
            (
                "3. Khoản 2 Điều 4 Thông tư số 12/2019/TT-BTC đã bị bãi bỏ bởi Thông tư số 30/2021/TT-BTC.",
                vec![(
                    EffectType::Repeals,
                    "12/2019/TT-BTC",
                    "30/2021/TT-BTC",
                    Some("Khoản 2 Điều 4"),
                    None,
                )],
            ),
            // A published list of expired documents: the row's first citation, its date column.
            (
                "STT\nVăn bản hết hiệu lực\nLý do hết hiệu lực\nNgày hết\nhiệu lực\n1\nThông tư số 36/2017/TT-BLĐTBXH ngày 29/12/2017\ncủa Bộ trưởng Bộ Lao động - Thương binh và Xã hội\nban hành Danh mục ngành, nghề học nặng nhọc\nĐược thay thế bởi Thông tư số 05/2023/TT-BLĐTBXH ngày 15/6/2023 của Bộ trưởng Bộ\nLao động - Thương binh và Xã hội ban hành Danh mục\n30/7/2023\n2\nThông tư số 44/2015/TT-BLĐTBXH ngày 22/10/2015\nhướng dẫn thực hiện một số điều của Nghị định số\n63/2015/NĐ-CP ngày 22 tháng 7 năm 2015 của Chính phủ\nĐược bãi bỏ bởi Nghị định số 97/2022/NĐ-CP\nngày 29/11/2022 quy định chính sách\n15/01/2023\n",
                vec![
                    (
                        EffectType::Replaces,
                        "36/2017/TT-BLĐTBXH",
                        "05/2023/TT-BLĐTBXH",
                        None,
                        Date::new(2023, 7, 30),
                    ),
                    (
                        EffectType::Repeals,
                        "44/2015/TT-BLĐTBXH",
                        "97/2022/NĐ-CP",
                        None,
                        Date::new(2023, 1, 15),
                    ),
                ],
            ),
            // Hard negatives: no statement about two instruments.
            (
                "3. Trường hợp các văn bản quy phạm pháp luật được dẫn chiếu trong Thông tư này được thay thế, sửa đổi, bổ sung thì thực hiện theo văn bản đã thay thế, sửa đổi, bổ sung đó.",
                vec![],
            ),
            (
                "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
                vec![],
            ),
            (
                "2. Thông tư số 10/2020/TT-BLĐTBXH tiếp tục có hiệu lực thi hành.",
                vec![],
            ),
            (
                "Nghị định số 27/2023/NĐ-CP và các văn bản sửa đổi bổ sung (nếu có).",
                vec![],
            ),
            // A ";" ends the statement: the item before is not about it.
            (
                "Căn cứ Luật Đầu tư số 61/2020/QH14; Luật Doanh nghiệp số 59/2020/QH14 được sửa đổi bởi Luật số 03/2022/QH15;",
                vec![(am, "59/2020/QH14", "03/2022/QH15", None, None)],
            ),
        ];
        for (body, want) in rows {
            let l = learn(&doc(&format!(
                "Điều 1. Quy định chung\n{body}\nĐiều 2. Hiệu lực\nThông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026."
            )));
            assert!(l.effects.is_empty(), "{body}: effects {:?}", l.effects);
            // The preamble of `doc` states one: 141/2026/NĐ-CP amends 68/2026/NĐ-CP.
            let mut got: Vec<FactRow> = l
                .facts
                .iter()
                .map(|f| {
                    (
                        f.kind,
                        f.target.clone(),
                        f.by.clone(),
                        f.provisions.clone(),
                        f.date,
                    )
                })
                .collect();
            assert_eq!(
                got.first().map(|f| (f.1.as_str(), f.2.as_str())),
                Some(("68/2026/NĐ-CP", "141/2026/NĐ-CP")),
                "{body}"
            );
            got.remove(0);
            let want: Vec<FactRow> = want
                .into_iter()
                .map(|(k, t, b, p, d)| (k, t.into(), b.into(), p.map(str::to_string), d))
                .collect();
            assert_eq!(got, want, "{body}");
        }
    }

    /// The facts become entries of the instruments they are about, with the statement as
    /// source: a list's "replaced by … 30/7/2023" makes it expired from then; an effect of
    /// the text itself is never among them.
    #[test]
    fn facts_become_entries_of_the_other_instruments() {
        let text = doc("Điều 1. Công bố danh mục\n1\nThông tư số 36/2017/TT-BLĐTBXH ngày 29/12/2017\nĐược thay thế bởi Thông tư số 05/2023/TT-BLĐTBXH ngày 15/6/2023\n30/7/2023\nĐiều 2. Hiệu lực\nThông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.");
        let got = learn_documents(&[("ds.json", text.as_str())]);
        let x = got.iter().find(|i| i.id == "36/2017/TT-BLĐTBXH").unwrap();
        assert_eq!(x.relations.len(), 1);
        let r = &x.relations[0];
        assert_eq!(
            (r.kind, r.target.as_str(), r.date, r.confidence),
            (
                RelationType::ReplacedBy,
                "05/2023/TT-BLĐTBXH",
                Date::new(2023, 7, 30),
                Some(0.6)
            )
        );
        assert!(
            x.sources[0].reference.starts_with(STATED_IN),
            "{:?}",
            x.sources
        );
        assert_eq!(
            (x.status, x.status_date),
            (Status::Expired, Date::new(2023, 7, 30))
        );
        let own = got.iter().find(|i| i.id == "50/2026/TT-BTC").unwrap();
        assert!(own.relations.is_empty(), "{:?}", own.relations);
        let reg = {
            let mut r = crate::registry::Registry::new();
            r.add("t", got.clone());
            r
        };
        assert!(crate::registry::check::check_registry(&reg)
            .iter()
            .all(|p| p.severity != crate::registry::check::Severity::Error));
    }

    #[test]
    fn statuses_settled_from_the_texts_read() {
        // 81/2025 replaces 43/2016 and repeals a provision of 57/2019; 06/2024 amends 26/2016.
        let a = learn(&doc(
            "Điều 2. Hiệu lực\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Thông tư số 43/2016/TT-BCA.\n2. Bãi bỏ khoản 4 Điều 2 Thông tư số 57/2019/TT-BCA.",
        ));
        let mut entries = vec![a.to_instrument("a.json").unwrap()];
        for r in entries[0].relations.clone() {
            entries.push(target_stub(&r.target, "50/2026/TT-BTC", "a.json").unwrap());
        }
        settle_statuses(&mut entries);
        let st = |id: &str| {
            let e = entries.iter().find(|e| e.id == id).unwrap();
            (e.status, e.status_date)
        };
        let d = Date::new(2026, 7, 1);
        assert_eq!(st("50/2026/TT-BTC"), (Status::InForce, d));
        assert_eq!(st("43/2016/TT-BCA"), (Status::Expired, d));
        assert_eq!(st("57/2019/TT-BCA"), (Status::PartlyExpired, d));
    }

    #[test]
    fn documents_that_are_instruments_teach_the_registry() {
        let decree = doc(
            "Điều 2. Hiệu lực\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Thông tư số 43/2016/TT-BCA.",
        );
        let plan = "UBND XÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện Thông tư số 43/2016/TT-BCA.\n";
        let got = learn_documents(&[("tt.json", decree.as_str()), ("plan.txt", plan)]);
        let ids: Vec<(&str, Status)> = got.iter().map(|i| (i.id.as_str(), i.status)).collect();
        assert_eq!(
            ids,
            vec![
                ("50/2026/TT-BTC", Status::InForce),
                // The fact its preamble states (141/2026 amends 68/2026): no status from it.
                ("68/2026/NĐ-CP", Status::Unknown),
                ("43/2016/TT-BCA", Status::Expired),
                ("141/2026/NĐ-CP", Status::Unknown),
            ]
        );
    }

    /// Regression: a province's decision replacing "27/2009/QĐ-UBND" must not make every
    /// province's 27/2009/QĐ-UBND expired; its own id carries its issuer and date.
    #[test]
    fn local_documents_carry_their_issuer() {
        let text = "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\nSố: 100/2025/QĐ-UBND\nHòa Bình, ngày 10 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBan hành quy định\nĐiều 1. Hiệu lực\n1. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 11 năm 2025.\n2. Quyết định này thay thế Quyết định số 27/2009/QĐ-UBND ngày 26 tháng 8 năm 2009 của Ủy ban nhân dân tỉnh.\n";
        let got = learn_documents(&[("qd.md", text)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].id.starts_with("100/2025/QĐ-UBND:"), "{}", got[0].id);
        assert!(got[0].id.ends_with(":2025-11-10"), "{}", got[0].id);
        assert_eq!(got[0].relations[0].target, "27/2009/QĐ-UBND");
        assert!(target_stub("27/2009/QĐ-UBND", "x", "y").is_none());
    }

    #[test]
    fn add_days_table() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        for (a, n, b) in [
            (d(2026, 5, 13), 45, d(2026, 6, 27)),
            (d(2024, 12, 31), 1, d(2025, 1, 1)),
            (d(2024, 2, 28), 1, d(2024, 2, 29)),
        ] {
            assert_eq!(add_days(a, n), b);
        }
    }

    #[test]
    fn entry_carries_effects_with_their_clause() {
        let l = learn(&doc(
            "Điều 2. Hiệu lực\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Thông tư số 18/2026/TT-BTC.",
        ));
        let ins = l.to_instrument("x.json").unwrap();
        assert_eq!(ins.id, "50/2026/TT-BTC");
        assert_eq!(ins.relations.len(), 1);
        let r = &ins.relations[0];
        assert_eq!(r.kind, RelationType::Replaces);
        assert_eq!(r.date, Date::new(2026, 7, 1));
        assert!(
            matches!(&r.source, Some(RelationSource::Clause { line: 11, .. })),
            "{r:?}"
        );
    }
}
