//! The Vietnamese analyzer ("bộ phân tích tiếng Việt"): how text becomes index terms.
//!
//! One tokenizer and a chain of tiny per-token filters, registered by name on every open of
//! the index (the names are stored in the schema, the code is not):
//! - [`EXACT`] (`vi_exact`): words → NFC → `Ð`→`Đ` → modern tone placement → lowercase.
//!   Diacritics are kept: "đường" and "dương" are different terms.
//! - [`FOLDED`] (`vi_folded`): the same, then diacritics removed and `đ`→`d`:
//!   "đường", "dương" and "duong" are one term.
//!
//! Both are defined as chains of filters ([`exact_chain`], [`folded_chain`]); what is
//! registered ([`exact`], [`folded`]) gives the same tokens from one [`Shared`] analysis of
//! a text per thread: a section's body, indexed in two fields in a row, is split into words
//! and normalized once, not twice. That analysis takes an ASCII word's terms as its lowercase
//! and maps a word of Latin letters char by char from a table made by the filters themselves;
//! only other words go through the filters one by one. (An index of an older cancu also had `vi_pairs`, the
//! folded terms of two consecutive words as one term; a phrase is now a phrase query on the
//! folded positions, and such an index is rebuilt: its schema differs.)
//!
//! Words are runs of letters, digits and combining marks, so NFD text ("Nghi\u{323}") is one
//! word, not two; NFC is the first filter. A Vietnamese syllable is one token; a word such as
//! "quốc phòng" is two consecutive positions, so phrase queries work across syllables.
//!
//! Invariant: offsets are set by the tokenizer on the ORIGINAL text and no filter touches
//! them (every filter here is a [`TextMap`], which can only rewrite `token.text`), so
//! highlights point at the original bytes. This module knows nothing of the schema,
//! documents or queries.

use tantivy::tokenizer::{
    AsciiFoldingFilter, RemoveLongFilter, TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter,
    TokenStream, Tokenizer, TokenizerManager,
};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Name of the exact analyzer (diacritics kept).
pub const EXACT: &str = "vi_exact";
/// Name of the folded analyzer (no diacritics, `đ` → `d`).
pub const FOLDED: &str = "vi_folded";

/// Tokens longer than this (in bytes) are dropped: they are not words (base64, runs of dots).
const MAX_TOKEN_BYTES: usize = 64;

/// Register the two analyzers on a tokenizer manager (call on every open: tantivy stores
/// only the names).
pub fn register(manager: &TokenizerManager) {
    manager.register(EXACT, exact());
    manager.register(FOLDED, folded());
}

/// The exact analyzer: [`exact_chain`]'s terms, from the [`Shared`] analysis.
pub fn exact() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Kind::Exact))
}

/// The folded analyzer: [`folded_chain`]'s terms, from the [`Shared`] analysis.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Kind::Folded))
}

/// The exact analyzer as a chain of filters: the definition [`exact`] follows (pinned by
/// `shared_analysis_equals_the_chains`).
pub fn exact_chain() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(NFC)
        .filter(ETH_TO_D_STROKE)
        .filter(MODERN_TONES)
        .filter(LOWERCASE)
        .build()
}

/// The folded analyzer as a chain of filters (what [`folded`] follows).
pub fn folded_chain() -> TextAnalyzer {
    folded_builder().build()
}

/// The folded analyzer's tokenizer and filters, before it is built.
fn folded_builder() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(NFC)
        .filter(ETH_TO_D_STROKE)
        .filter(LOWERCASE)
        .filter(AsciiFoldingFilter)
        .filter(STRIP_MARKS)
}

/// The pair terms of a sequence of terms: each two consecutive terms joined by a space
/// (the task ranking's word pairs, [`crate::graph`]).
pub fn pair_terms(terms: &[String]) -> Vec<String> {
    terms.windows(2).map(|w| pair(&w[0], &w[1])).collect()
}

/// The pair term of two consecutive words ("quoc", "phong" → "quoc phong").
pub fn pair(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + 1 + b.len());
    s.push_str(a);
    s.push(' ');
    s.push_str(b);
    s
}

/// The terms an analyzer makes of `text`, in order (for queries and tests).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The tokens (text, offsets, position) an analyzer makes of `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// Is `c` part of a word: a letter, a digit or a combining mark (NFD tone and vowel marks).
fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Vietnamese letters, without the slow Unicode table look-up: Latin-1 letters
        // (not × ÷), Latin Extended-A/B, combining marks, Latin Extended Additional.
        0xC0..=0xFF => c != '×' && c != '÷',
        0x100..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// Splits text into words: maximal runs of [`is_word_char`]. Offsets are byte offsets into
/// the text given.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordTokenStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        let Some((start, _)) = rest.char_indices().find(|&(_, c)| is_word_char(c)) else {
            self.pos = self.text.len();
            return false;
        };
        let from = self.pos + start;
        let len = self.text[from..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map(|(i, _)| i)
            .unwrap_or(self.text.len() - from);
        let to = from + len;
        self.pos = to;
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A token filter that rewrites the text of each token and nothing else: offsets and
/// positions cannot be changed by construction. `f(text, out)` writes the new text into
/// `out` and returns true, or returns false to keep the text as it is.
#[derive(Clone, Copy)]
pub struct TextMap {
    f: fn(&str, &mut String) -> bool,
}

impl TextMap {
    pub const fn new(f: fn(&str, &mut String) -> bool) -> TextMap {
        TextMap { f }
    }
}

/// NFC: precomposed letters, so NFD and NFC text give the same terms.
pub const NFC: TextMap = TextMap::new(nfc);
/// `Ð` (U+00D0, Icelandic eth, a common typo) → `Đ`; `ð` → `đ`.
pub const ETH_TO_D_STROKE: TextMap = TextMap::new(eth_to_d_stroke);
/// Old tone placement made modern: "hoà" → "hòa", "uỷ" → "ủy" (one syllable per token).
pub const MODERN_TONES: TextMap = TextMap::new(modern_tones);
/// Lowercase: what tantivy's `LowerCaser` makes (`char::to_lowercase` of every char), but a
/// word with nothing to lowercase (most words of running text) is left as it is instead of
/// being rebuilt char by char.
pub const LOWERCASE: TextMap = TextMap::new(lowercase);
/// Combining marks left after folding (letters with no precomposed form) dropped.
pub const STRIP_MARKS: TextMap = TextMap::new(strip_marks);

fn nfc(text: &str, out: &mut String) -> bool {
    if text.is_ascii()
        || text.chars().all(always_nfc)
        || is_nfc_quick(text.chars()) == IsNormalized::Yes
    {
        return false;
    }
    out.extend(text.nfc());
    true
}

/// Chars below the combining marks (U+0300) and the precomposed Latin letters
/// (U+1E00..U+1EFF, Vietnamese among them): NFC whatever comes before or after them (NFC
/// quick check "yes", combining class 0), without the Unicode table look-ups.
fn always_nfc(c: char) -> bool {
    let cp = c as u32;
    cp < 0x300 || (0x1E00..=0x1EFF).contains(&cp)
}

fn lowercase(text: &str, out: &mut String) -> bool {
    if text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return false;
        }
        out.push_str(text);
        out.make_ascii_lowercase();
        return true;
    }
    if !text.chars().any(changes_in_lowercase) {
        return false;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match crate::normalize::latin_lowercase(c) {
            Some(Some(l)) => out.push(l),
            _ => out.extend(c.to_lowercase()),
        }
    }
    true
}

/// Does `char::to_lowercase` change `c`: looked up in a table for the Latin letters
/// (Vietnamese among them), computed from `char::to_lowercase` itself.
fn changes_in_lowercase(c: char) -> bool {
    match crate::normalize::latin_lowercase(c) {
        Some(l) => l != Some(c),
        None => {
            let mut l = c.to_lowercase();
            !(l.next() == Some(c) && l.next().is_none())
        }
    }
}

fn eth_to_d_stroke(text: &str, out: &mut String) -> bool {
    if text.is_ascii() || !text.contains(['Ð', 'ð']) {
        return false;
    }
    out.extend(text.chars().map(|c| match c {
        'Ð' => 'Đ',
        'ð' => 'đ',
        c => c,
    }));
    true
}

fn modern_tones(text: &str, out: &mut String) -> bool {
    // Only a syllable ending in o/u + a toned a/e/y can be written the old way.
    let mut rev = text.chars().rev();
    let (Some(last), Some(prev)) = (rev.next(), rev.next()) else {
        return false;
    };
    if !matches!(prev, 'o' | 'O' | 'u' | 'U') || !is_toned_aey(last) {
        return false;
    }
    let modern = crate::normalize::modern_tones(text);
    if modern == text {
        return false;
    }
    out.push_str(&modern);
    true
}

/// `a`, `e`, `y` (any case) with a tone mark and no vowel mark.
fn is_toned_aey(c: char) -> bool {
    let mut d = std::iter::once(c).nfd();
    matches!(d.next(), Some('a' | 'e' | 'y' | 'A' | 'E' | 'Y'))
        && matches!(
            d.next(),
            Some('\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
        )
}

fn strip_marks(text: &str, out: &mut String) -> bool {
    if text.is_ascii() || !text.contains(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
        return false;
    }
    out.extend(
        text.chars()
            .filter(|c| !('\u{300}'..='\u{36F}').contains(c)),
    );
    true
}

impl TokenFilter for TextMap {
    type Tokenizer<T: Tokenizer> = TextMapTokenizer<T>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> TextMapTokenizer<T> {
        TextMapTokenizer {
            inner: tokenizer,
            f: self.f,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct TextMapTokenizer<T> {
    inner: T,
    f: fn(&str, &mut String) -> bool,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for TextMapTokenizer<T> {
    type TokenStream<'a> = TextMapStream<'a, T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        TextMapStream {
            tail: self.inner.token_stream(text),
            f: self.f,
            buffer: &mut self.buffer,
        }
    }
}

pub struct TextMapStream<'a, S> {
    tail: S,
    f: fn(&str, &mut String) -> bool,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for TextMapStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.buffer.clear();
        if (self.f)(&self.tail.token().text, self.buffer) {
            std::mem::swap(&mut self.tail.token_mut().text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Which analyzer a [`Shared`] tokenizer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Exact,
    Folded,
}

/// The two analyzers as one: a text's words are found and normalized once, and each
/// analyzer replays its own terms of them. Tantivy indexes a section's body twice in a row
/// (fields `body`, `body_folded`, on one indexing thread): the chains of filters each
/// tokenized, normalized and lowercased the text again. The analysis of the last text seen
/// is kept per thread ([`analysis_of`]); another text is analysed anew, so the terms,
/// offsets and positions are those of [`exact_chain`] and [`folded_chain`] whatever the
/// order of calls (pinned by `shared_analysis_equals_the_chains`).
#[derive(Clone)]
pub struct Shared {
    kind: Kind,
    token: Token,
    /// The chain of filters, for a text too long for [`Word`]'s offsets.
    chain: TextAnalyzer,
}

impl Shared {
    fn new(kind: Kind) -> Shared {
        let chain = match kind {
            Kind::Exact => exact_chain(),
            Kind::Folded => folded_chain(),
        };
        Shared {
            kind,
            token: Token::default(),
            chain,
        }
    }
}

/// Texts of this many bytes or more are analysed by the chains of filters ([`Word`] holds
/// 32-bit offsets; the source layer refuses texts far smaller).
const SHARED_MAX_BYTES: usize = 1 << 30;

/// One word of a text kept by the analyzers: offsets in the text, position (words dropped
/// as too long count), and where its exact term (`start..mid`) and folded term
/// (`fstart..end`) are in [`Analysis::terms`] (one range for both when they are the same, as
/// for an ASCII word). 32 bits each: a long section's words are held per thread.
#[derive(Clone, Copy, Debug)]
struct Word {
    from: u32,
    to: u32,
    position: u32,
    start: u32,
    mid: u32,
    fstart: u32,
    end: u32,
}

impl Word {
    fn exact<'t>(&self, terms: &'t str) -> &'t str {
        terms
            .get(self.start as usize..self.mid as usize)
            .unwrap_or("")
    }
    fn folded<'t>(&self, terms: &'t str) -> &'t str {
        terms
            .get(self.fstart as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// The analysis of one text: its words and their terms, one buffer for all terms.
#[derive(Default)]
struct Analysis {
    text: String,
    words: Vec<Word>,
    terms: String,
}

/// A tokenizer giving its whole input as one token: tantivy's `AsciiFoldingFilter` applied
/// to one word (its folding function is not public).
#[derive(Clone, Default)]
struct Whole {
    token: Token,
}

struct WholeStream<'a> {
    token: &'a mut Token,
    done: bool,
}

impl Tokenizer for Whole {
    type TokenStream<'a> = WholeStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> WholeStream<'a> {
        self.token.reset();
        self.token.text.push_str(text);
        WholeStream {
            token: &mut self.token,
            done: false,
        }
    }
}

impl TokenStream for WholeStream<'_> {
    fn advance(&mut self) -> bool {
        !std::mem::replace(&mut self.done, true)
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Apply a [`TextMap`]'s function to `s` in place (`scratch` is a buffer).
fn apply(f: fn(&str, &mut String) -> bool, s: &mut String, scratch: &mut String) {
    scratch.clear();
    if f(s, scratch) {
        std::mem::swap(s, scratch);
    }
}

impl Analysis {
    /// Analyse `text` into `self` (buffers reused): per word the terms of [`exact_chain`]
    /// (NFC, `Ð`→`Đ`, modern tones, lowercase) and [`folded_chain`] (NFC, `Ð`→`Đ`,
    /// lowercase, ASCII folding, marks stripped), words of [`MAX_TOKEN_BYTES`] or more
    /// dropped as `RemoveLongFilter` drops them. Words are found as [`WordTokenizer`] finds
    /// them ([`next_word`]); an ASCII word's two terms are its lowercase, one range; a word
    /// of Latin letters is mapped a char at a time ([`fast_terms`], the chains' own result
    /// per char); any other word goes through the filters one by one ([`Analysis::slow`]).
    fn analyze(&mut self, text: &str) {
        // A long text's buffers are not kept for the short ones after it.
        if self.words.capacity() > 1 << 16 && text.len() < 1 << 18 {
            *self = Analysis::default();
        }
        self.text.clear();
        self.text.push_str(text);
        self.words.clear();
        self.terms.clear();
        // About one word every six bytes, terms twice the text: grown once, not doubled.
        self.words.reserve(text.len() / 6);
        self.terms.reserve(text.len() * 2);
        let table = char_table();
        let mut slow = Slow::default();
        let mut at = 0;
        let mut position: u32 = 0;
        while let Some((from, to, ascii)) = next_word(text, at) {
            at = to;
            let this = position;
            position = position.wrapping_add(1);
            let word = &text[from..to];
            if word.len() >= MAX_TOKEN_BYTES {
                continue;
            }
            let start = self.terms.len();
            let (mid, fstart) = if ascii {
                self.terms.push_str(word);
                self.terms[start..].make_ascii_lowercase();
                (self.terms.len(), start)
            } else if let Some(fstart) = fast_terms(word, table, &mut self.terms) {
                (fstart, fstart)
            } else {
                self.terms.truncate(start);
                slow.terms(word, &mut self.terms)
            };
            // Below SHARED_MAX_BYTES (the terms: at most 4 bytes of each char's 4).
            self.words.push(Word {
                from: from as u32,
                to: to as u32,
                position: this,
                start: start as u32,
                mid: mid as u32,
                fstart: fstart as u32,
                end: self.terms.len() as u32,
            });
        }
    }
}

/// The next word of `text` at or after byte `at`: its byte range, and whether it is ASCII.
/// The words of [`WordTokenizer`] (maximal runs of [`is_word_char`]), ASCII bytes tested
/// without decoding.
fn next_word(text: &str, mut at: usize) -> Option<(usize, usize, bool)> {
    let b = text.as_bytes();
    let char_at = |i: usize| text.get(i..).and_then(|r| r.chars().next());
    loop {
        let &c = b.get(at)?;
        if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                break;
            }
            at += 1;
        } else {
            let ch = char_at(at)?;
            if is_word_char(ch) {
                break;
            }
            at += ch.len_utf8();
        }
    }
    let from = at;
    let mut ascii = true;
    while let Some(&c) = b.get(at) {
        if c < 0x80 {
            if !c.is_ascii_alphanumeric() {
                break;
            }
            at += 1;
        } else {
            let Some(ch) = char_at(at).filter(|&ch| is_word_char(ch)) else {
                break;
            };
            ascii = false;
            at += ch.len_utf8();
        }
    }
    Some((from, at, ascii))
}

/// What the chains make of one char, when it is always NFC ([`always_nfc`]) and each of its
/// terms is one char: `Ð`→`Đ` then lowercase (the exact term's char), then ASCII folding
/// and marks stripped (the folded term's). None: not in the table (a word holding it goes
/// through the filters).
type CharTerms = Option<(char, char)>;

/// The chars of [`CharTerms`]: below U+0300 and U+1E00..=U+1EFF (Latin Extended Additional).
const TABLE_LOW: u32 = 0x300;
const TABLE_EXT: std::ops::RangeInclusive<u32> = 0x1E00..=0x1EFF;

fn table_index(c: char) -> Option<usize> {
    let cp = c as u32;
    if cp < TABLE_LOW {
        Some(cp as usize)
    } else if TABLE_EXT.contains(&cp) {
        Some((TABLE_LOW + cp - TABLE_EXT.start()) as usize)
    } else {
        None
    }
}

/// The table of [`CharTerms`], made once from the filters themselves: each char through
/// `eth_to_d_stroke` and `lowercase`, then tantivy's ASCII folding and `strip_marks`, as
/// [`Analysis::slow`] does a word. Every filter maps a word char by char (NFC aside, which
/// leaves these chars alone), so a word's terms are its chars' terms put together.
fn char_table() -> &'static [CharTerms] {
    static TABLE: std::sync::OnceLock<Vec<CharTerms>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut slow = Slow::default();
        (0..TABLE_LOW)
            .chain(TABLE_EXT)
            .map(|cp| {
                let c = char::from_u32(cp).filter(|&c| always_nfc(c))?;
                let (lower, fold) = slow.char_terms(c);
                let one = |s: &str| {
                    let mut cs = s.chars();
                    cs.next().filter(|_| cs.next().is_none())
                };
                Some((one(&lower)?, one(&fold)?))
            })
            .collect()
    })
}

/// The terms of a word of table chars ([`char_table`]) whose tone cannot be in the old
/// place: its exact term then its folded term appended to `terms`, and where the folded
/// one starts. None (`terms` to be cut back by the caller) when a char is not in the table
/// or the word may be written the old way ([`modern_tones`]).
fn fast_terms(word: &str, table: &[CharTerms], terms: &mut String) -> Option<usize> {
    let mut rev = word.chars().rev();
    if let (Some(last), Some(prev)) = (rev.next(), rev.next()) {
        if matches!(prev, 'o' | 'O' | 'u' | 'U') && is_toned_aey(last) {
            return None;
        }
    }
    for c in word.chars() {
        let (lower, _) = (*table.get(table_index(c)?)?)?;
        terms.push(lower);
    }
    let fstart = terms.len();
    for c in word.chars() {
        let (_, fold) = (*table.get(table_index(c)?)?)?;
        terms.push(fold);
    }
    Some(fstart)
}

/// The filters applied one by one to a word, with their buffers.
#[derive(Default)]
struct Slow {
    base: String,
    lower: String,
    toned: String,
    scratch: String,
    fold: Option<AsciiFoldingFilterWrapper<Whole>>,
}

type AsciiFoldingFilterWrapper<T> = <AsciiFoldingFilter as TokenFilter>::Tokenizer<T>;

impl Slow {
    /// Append the exact then the folded term of `word` to `terms`; where the exact one
    /// ends and the folded one starts.
    fn terms(&mut self, word: &str, terms: &mut String) -> (usize, usize) {
        let (lower, fold) = self.word_terms(word);
        terms.push_str(lower);
        let mid = terms.len();
        terms.push_str(fold);
        (mid, mid)
    }

    /// The exact and folded terms of one char (for [`char_table`]).
    fn char_terms(&mut self, c: char) -> (String, String) {
        let mut buf = [0; 4];
        let (lower, fold) = self.word_terms(c.encode_utf8(&mut buf));
        (lower.to_string(), fold.to_string())
    }

    /// The exact and folded terms of a word, by the filters of [`exact_chain`] and
    /// [`folded_chain`].
    fn word_terms(&mut self, word: &str) -> (&str, &str) {
        let Slow {
            base,
            lower,
            toned,
            scratch,
            fold,
        } = self;
        base.clear();
        base.push_str(word);
        apply(nfc, base, scratch);
        apply(eth_to_d_stroke, base, scratch);
        lower.clear();
        lower.push_str(base);
        apply(lowercase, lower, scratch);
        // Exact: modern tones, then lowercase (the same as `lower` when the tones did not
        // move).
        toned.clear();
        if modern_tones(base, toned) {
            apply(lowercase, toned, scratch);
        } else {
            toned.push_str(lower);
        }
        // Folded: lowercase, ASCII folding, marks stripped.
        if !lower.is_ascii() {
            let fold = fold.get_or_insert_with(|| AsciiFoldingFilter.transform(Whole::default()));
            let mut s = fold.token_stream(lower);
            if s.advance() {
                std::mem::swap(scratch, &mut s.token_mut().text);
                std::mem::swap(lower, scratch);
            }
        }
        apply(strip_marks, lower, scratch);
        (toned.as_str(), lower.as_str())
    }
}

thread_local! {
    /// The analysis of the last text analysed on this thread.
    static LAST: std::cell::RefCell<std::rc::Rc<Analysis>> =
        std::cell::RefCell::new(std::rc::Rc::new(Analysis::default()));
}

/// The analysis of `text`: the last one of this thread when it was of the same text (its
/// other fields), else made anew (in the last one's buffers when no stream holds it).
fn analysis_of(text: &str) -> std::rc::Rc<Analysis> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.text != text {
            match std::rc::Rc::get_mut(&mut last) {
                Some(a) => a.analyze(text),
                None => {
                    let mut a = Analysis::default();
                    a.analyze(text);
                    *last = std::rc::Rc::new(a);
                }
            }
        }
        last.clone()
    })
}

pub enum SharedStream<'a> {
    Replay(Replay<'a>),
    Chain(tantivy::tokenizer::BoxTokenStream<'a>),
}

pub struct Replay<'a> {
    analysis: std::rc::Rc<Analysis>,
    kind: Kind,
    next: usize,
    token: &'a mut Token,
}

impl Tokenizer for Shared {
    type TokenStream<'a> = SharedStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SharedStream<'a> {
        if text.len() >= SHARED_MAX_BYTES {
            return SharedStream::Chain(self.chain.token_stream(text));
        }
        self.token.reset();
        SharedStream::Replay(Replay {
            analysis: analysis_of(text),
            kind: self.kind,
            next: 0,
            token: &mut self.token,
        })
    }
}

impl TokenStream for SharedStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            SharedStream::Replay(r) => r.advance(),
            SharedStream::Chain(c) => c.advance(),
        }
    }

    fn token(&self) -> &Token {
        match self {
            SharedStream::Replay(r) => r.token,
            SharedStream::Chain(c) => c.token(),
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            SharedStream::Replay(r) => r.token,
            SharedStream::Chain(c) => c.token_mut(),
        }
    }
}

impl Replay<'_> {
    fn advance(&mut self) -> bool {
        let a = &*self.analysis;
        let Some(w) = a.words.get(self.next) else {
            return false;
        };
        self.next += 1;
        let t = &mut *self.token;
        t.text.clear();
        t.position_length = 1;
        t.text.push_str(match self.kind {
            Kind::Exact => w.exact(&a.terms),
            Kind::Folded => w.folded(&a.terms),
        });
        t.offset_from = w.from as usize;
        t.offset_to = w.to as usize;
        t.position = w.position as usize;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese letter (lowercase; uppercase is derived), with its folded form.
    const LETTERS: &str =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

    fn check(analyzer: &mut TextAnalyzer, input: &str, expected: &[&str]) {
        assert_eq!(terms(analyzer, input), expected, "terms of {input:?}");
    }

    #[test]
    fn folding_table_every_letter_nfc_and_nfd() {
        let (mut ex, mut fo) = (exact(), folded());
        for c in LETTERS.chars() {
            let base = match c {
                'đ' => 'd',
                c => std::iter::once(c).nfd().next().unwrap_or(c),
            };
            assert!(base.is_ascii_lowercase(), "{c:?}");
            let upper: String = c.to_uppercase().collect();
            for form in [c.to_string(), upper] {
                let nfd: String = form.nfd().collect();
                for s in [form.as_str(), nfd.as_str()] {
                    check(&mut fo, s, &[&base.to_string()]);
                    check(&mut ex, s, &[&c.to_string()]);
                }
            }
        }
    }

    #[test]
    fn exact_and_folded_table() {
        let rows: &[(&str, &[&str], &[&str])] = &[
            ("Đường", &["đường"], &["duong"]),
            ("dương", &["dương"], &["duong"]),
            ("QÐ-UBND", &["qđ", "ubnd"], &["qd", "ubnd"]),
            ("hoà bình", &["hòa", "bình"], &["hoa", "binh"]),
            ("Uỷ ban", &["ủy", "ban"], &["uy", "ban"]),
            ("thuỷ lợi", &["thủy", "lợi"], &["thuy", "loi"]),
            ("quý", &["quý"], &["quy"]),
            (
                "**Quốc phòng** địa phương",
                &["quốc", "phòng", "địa", "phương"],
                &["quoc", "phong", "dia", "phuong"],
            ),
            (
                "168/2018/NĐ-CP",
                &["168", "2018", "nđ", "cp"],
                &["168", "2018", "nd", "cp"],
            ),
        ];
        let (mut ex, mut fo) = (exact(), folded());
        for (input, e, f) in rows {
            check(&mut ex, input, e);
            check(&mut fo, input, f);
            let nfd: String = input.nfd().collect();
            check(&mut ex, &nfd, e);
            check(&mut fo, &nfd, f);
        }
    }

    /// `LOWERCASE` gives what tantivy's `LowerCaser` gives, for every char up to U+3000 (alone,
    /// after an ASCII letter, in a word with a lowercase letter) and for mixed words.
    #[test]
    fn lowercase_equals_tantivys_lower_caser() {
        let run = |an: &mut TextAnalyzer, s: &str| terms(an, s);
        let mut ours = TextAnalyzer::builder(WordTokenizer::default())
            .filter(LOWERCASE)
            .build();
        let mut theirs = TextAnalyzer::builder(WordTokenizer::default())
            .filter(tantivy::tokenizer::LowerCaser)
            .build();
        let mut words: Vec<String> = (0..0x3000u32)
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    format!("{c}"),
                    format!("A{c}"),
                    format!("ư{c}ờ"),
                    format!("{c}Đ"),
                ]
            })
            .collect();
        words.extend(
            [
                "ĐƯỜNG",
                "Quốc Phòng",
                "NGHỊ ĐỊNH",
                "İstanbul",
                "ǅemal",
                "QÐ",
                "ΣΑΣ",
                "hòa",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(run(&mut ours, w), run(&mut theirs, w), "{w:?}");
        }
    }

    /// What `always_nfc` skips is NFC: quick check "yes" and combining class 0 for each char.
    #[test]
    fn always_nfc_chars_are_nfc() {
        for c in (0..0x2000u32)
            .filter_map(char::from_u32)
            .filter(|&c| always_nfc(c))
        {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            let s: String = std::iter::once(c).nfc().collect();
            assert_eq!(s, c.to_string(), "{c:?}");
        }
    }

    #[test]
    fn pair_terms_table() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Quốc phòng địa phương",
                &["quoc phong", "phong dia", "dia phuong"],
            ),
            ("quốc", &[]),
            ("", &[]),
            (
                "Nghị định 168/2018/NĐ-CP",
                &["nghi dinh", "dinh 168", "168 2018", "2018 nd", "nd cp"],
            ),
            ("phòng. Địa", &["phong dia"]),
        ];
        for (input, expected) in rows {
            let words = terms(&mut folded(), input);
            assert_eq!(pair_terms(&words), *expected, "pair_terms of {input:?}");
        }
    }

    /// The shared analyzers give the tokens (terms, offsets, positions) of the chains of
    /// filters they stand for, on every kind of word, on the bundled plans, and whatever the
    /// order in which texts and analyzers are asked (the per-thread analysis is reused only
    /// for the same text).
    #[test]
    fn shared_analysis_equals_the_chains() {
        let long = "x".repeat(MAX_TOKEN_BYTES);
        let almost = "y".repeat(MAX_TOKEN_BYTES - 1);
        let mut texts: Vec<String> = [
            "",
            "   \n\t",
            "Quốc phòng địa phương",
            "QÐ-UBND ngày 12/3/2024 của Uỷ ban nhân dân; HOÀ BÌNH, Thuỷ lợi, khoẻ, QUÝ",
            "Nghị định 168/2018/NĐ-CP; Luật Dân quân tự vệ số 48/2019/QH14",
            "İstanbul ǅemal ΣΑΣ ß ẞ Æsir œuvre ﬁn ① ²³ 한국어 中文 naïve",
            "a.b,c;d:e!f?g(h)i[j]k{l}m\"n'o–p—q…r",
        ]
        .map(String::from)
        .to_vec();
        texts.push(format!("dân {long} quân tự {almost} vệ {long}"));
        texts.push(LETTERS.to_string());
        texts.push(LETTERS.to_uppercase());
        let nfd: Vec<String> = texts.iter().map(|t| t.nfd().collect()).collect();
        texts.extend(nfd);
        let plans = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/plans");
        let mut files: Vec<_> = std::fs::read_dir(&plans)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
        assert!(texts.len() > 20, "bundled plans read from {plans:?}");
        let same = |a: &Token, b: &Token| {
            (
                &a.text,
                a.offset_from,
                a.offset_to,
                a.position,
                a.position_length,
            ) == (
                &b.text,
                b.offset_from,
                b.offset_to,
                b.position,
                b.position_length,
            )
        };
        let mut chains = [exact_chain(), folded_chain()];
        let mut shared = [exact(), folded()];
        // Each text through the two analyzers in a row (as tantivy indexes a body), then
        // in another order with texts interleaved.
        for text in &texts {
            for k in 0..2 {
                let (want, got) = (tokens(&mut chains[k], text), tokens(&mut shared[k], text));
                assert_eq!(want.len(), got.len(), "{k}: {text:?}");
                for (w, g) in want.iter().zip(&got) {
                    assert!(same(w, g), "{k}: {w:?} != {g:?} in {text:?}");
                }
            }
        }
        for (i, text) in texts.iter().enumerate().rev() {
            let other = &texts[(i * 7 + 3) % texts.len()];
            for k in [1, 0] {
                for t in [text, other] {
                    let (want, got) = (tokens(&mut chains[k], t), tokens(&mut shared[k], t));
                    assert!(
                        want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| same(w, g)),
                        "{k}: {t:?}"
                    );
                }
            }
        }
        // A text of many words, whose buffers are not kept for the short one after it.
        let long = "Hoà bình, ".repeat(33_000);
        for k in 0..2 {
            for t in [long.as_str(), "Uỷ ban, hoà bình"] {
                let (want, got) = (tokens(&mut chains[k], t), tokens(&mut shared[k], t));
                assert!(
                    want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| same(w, g)),
                    "{k}: {}",
                    t.chars().take(20).collect::<String>()
                );
            }
        }
        // Two streams alive at once, of different texts.
        let (mut a, mut b) = (exact(), folded());
        let mut sa = a.token_stream("Hoà bình");
        let mut sb = b.token_stream("Đường tuần tra");
        let mut got = Vec::new();
        while sa.advance() | sb.advance() {
            got.push((sa.token().text.clone(), sb.token().text.clone()));
        }
        assert_eq!(
            got,
            [
                ("hòa".to_string(), "duong".to_string()),
                ("bình".to_string(), "tuan".to_string()),
                ("bình".to_string(), "tra".to_string()),
            ]
        );
    }

    /// The per-char table and the ASCII path give the chains' tokens for every char up to
    /// U+2000 and of Latin Extended Additional, alone and in words (after an ASCII letter,
    /// between Vietnamese letters, after `o`/`u` where the old tone placement is moved,
    /// with a combining mark), in upper and lower case.
    #[test]
    fn shared_analysis_equals_the_chains_for_every_char() {
        let mut words: Vec<String> = (0..0x2000u32)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    format!("{c}"),
                    format!("A{c}"),
                    format!("ư{c}ờ"),
                    format!("{c}Đ"),
                    format!("o{c}"),
                    format!("U{c}"),
                    format!("{c}\u{301}"),
                    format!("ð{c}Ð"),
                ]
            })
            .collect();
        words.extend(["hoà", "HOÀ", "thuỷ", "khoẻ", "Uỷ", "quý", "ĐƯỜNG"].map(String::from));
        for chunk in words.chunks(512) {
            let text = chunk.join(" ");
            for (mut chain, mut shared) in [(exact_chain(), exact()), (folded_chain(), folded())] {
                let (want, got) = (tokens(&mut chain, &text), tokens(&mut shared, &text));
                assert_eq!(want.len(), got.len());
                for (w, g) in want.iter().zip(&got) {
                    assert_eq!(
                        (&w.text, w.offset_from, w.offset_to, w.position),
                        (&g.text, g.offset_from, g.offset_to, g.position),
                        "{:?}",
                        &text[w.offset_from..w.offset_to]
                    );
                }
            }
        }
    }

    #[test]
    fn word_chars_match_unicode_in_the_fast_ranges() {
        for cp in (0..0x250).chain(0x300..0x370).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let unicode = c.is_alphanumeric() || (0x300..0x370).contains(&cp);
            assert_eq!(is_word_char(c), unicode, "U+{cp:04X} {c:?}");
        }
    }

    #[test]
    fn offsets_point_into_the_original_nfd_text() {
        let text: String = "Căn cứ Nghị định".nfd().collect();
        for mut a in [exact(), folded()] {
            let toks = tokens(&mut a, &text);
            let originals: Vec<String> = toks
                .iter()
                .map(|t| text[t.offset_from..t.offset_to].nfc().collect())
                .collect();
            assert_eq!(originals, ["Căn", "cứ", "Nghị", "định"]);
            let positions: Vec<usize> = toks.iter().map(|t| t.position).collect();
            assert_eq!(positions, [0, 1, 2, 3]);
        }
    }
}
