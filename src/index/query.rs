//! Searching the index: a user's query (typed with or without diacritics, without quotes)
//! becomes a [`Plan`]: tiers of term queries, tried best first ([`Match`]):
//! 0. the words in order, with their diacritics as typed (when the query has diacritics:
//!    "đường tuần tra" ranks sections with it above those with "dương tuần tra");
//! 1. the words in order, diacritics ignored, so proximity counts for unaccented queries;
//!    also the query with an abbreviation written the other way ([`crate::index::abbrev`]),
//!    and a cited instrument the query names by number-symbol;
//! 2. every word as typed, anywhere in the section; 3. every word, folded;
//! 4. (with `"..."` or `cites:`) only what the query requires.
//!
//! "In order" is found by an intersection of word pairs: each two consecutive words of the
//! query a two-word phrase query on the folded body's positions, scored by BM25 of that
//! pair's occurrences (an older index held each pair as a term of its own, `body_pairs`:
//! a third copy of every body, the biggest term dictionary, and a third of the indexing
//! work). The top candidates are then checked word for word on the positions (the whole
//! phrase; with diacritics, on the exact body). Every hit of a tier ranks above the next
//! tier's; within a tier, by BM25.
//!
//! Syntax: `"..."` a phrase that must occur (found by its pairs, then checked word for word
//! on the positions); `cites:168/2018/NĐ-CP` a cited instrument that must be cited (a
//! keyword lookup, diacritics and case ignored). Hits are sections, grouped by file (the best
//! section of each file, the others listed). Without a document type, sections and registry
//! instruments are ranked in one pass and [`interleave`]d (short instrument texts would
//! otherwise fill the first screen). Instruments the registry lacks are searched like
//! registry ones: their per-file `observed` documents rank as any other, and the hits are
//! the instruments merged by key over every citing file, status unknown
//! ([`crate::index::observations`]). Snippets are cut from the ORIGINAL text, located from
//! the postings' positions (no re-analysis of the text). Knows nothing of output formats.

use crate::index::analyzer;
use crate::index::{
    abbrev, observations, tantivy_err, Fields, IndexError, QueryError, SearchIndex,
};
use crate::normalize::fold_key;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::postings::Postings;
use tantivy::query::{
    BooleanQuery, BoostQuery, EnableScoring, Occur, PhraseQuery, Query, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::{RemoveLongFilter, TextAnalyzer};
use tantivy::DocSet;
use tantivy::{DocAddress, TantivyDocument, Term};

/// Boost of a section citing an instrument the query names by number-symbol, against the
/// query's words in order (both are alternatives of the [`Match::Phrase`] tier).
pub const CITATION: f32 = 10.0;

/// A search: the query text and its filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    /// Kind slug of the plan's header ("ke-hoach").
    pub kind: Option<String>,
    pub year: Option<u64>,
    /// Words of the issuer ("UBND xã Xuân Lương"), folded.
    pub issuer: Option<String>,
}

/// What a search is restricted to beyond [`SearchRequest`] (kept apart so that request
/// stays as it was).
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    /// Instrument status slug ("in-force", "expired", ...): instruments of another status
    /// are left out; plan sections are kept unless `doc_type` is "instrument".
    pub status: Option<String>,
    /// "section" (plan sections only) or "instrument" (registry instruments only).
    pub doc_type: Option<String>,
}

/// The status slugs `SearchOptions::status` takes: the one vocabulary of the filters
/// ([`crate::model::StatusFilter`]), shared with the web's `?status=`.
pub const STATUSES: [&str; 9] = crate::model::StatusFilter::SLUGS;
/// One hit: the best section of one file, or one registry instrument.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// "section" (a plan's section) or "instrument" (a registry instrument).
    pub doc_type: String,
    /// The file's path; for an instrument, its registry id.
    pub path: String,
    /// Outline path of the best section ("II.3"; "" for the text before the first heading).
    pub section: String,
    pub heading: String,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub year: Option<u64>,
    pub issuer: Option<String>,
    /// How it matched the query's words (its tier: hits of a better tier come first).
    pub matched: Match,
    /// The BM25 score within its tier.
    pub score: f32,
    /// A fragment of the original text around the matches.
    pub snippet: String,
    /// Byte ranges of the matches in `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// Other sections of the same file that matched, best first.
    pub other_sections: Vec<String>,
    /// Instruments: the registry id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// Instruments: the short label ("Luật Dân quân tự vệ 48/2019/QH14").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Instruments: the status slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// An observed instrument (the registry lacks it): what its citations say, merged over
    /// the indexed files ([`crate::index::observations`]). Its `instrument` is its key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<crate::observed::ObservedInstrument>,
}

/// The parts of a query string.
#[derive(Debug, Default, PartialEq)]
pub struct ParsedQuery {
    pub free: String,
    pub phrases: Vec<String>,
    pub cites: Vec<String>,
}

/// Split a query into free words, quoted phrases and `cites:` values.
pub fn parse(query: &str) -> ParsedQuery {
    let mut out = ParsedQuery::default();
    let mut free: Vec<&str> = Vec::new();
    let mut rest = query;
    while let Some(start) = rest.find(['"', '“']) {
        free.push(&rest[..start]);
        let quote = rest[start..].chars().next().map_or(1, char::len_utf8);
        let after = &rest[start + quote..];
        let end = after.find(['"', '”']).unwrap_or(after.len());
        let phrase = after[..end].trim();
        // `cites:"..."` puts the quoted text in the citation.
        let before = free.last_mut().map(|s| s.trim_end()).unwrap_or("");
        if before.ends_with("cites:") {
            let f = free.pop().unwrap_or("");
            free.push(&f[..f.rfind("cites:").unwrap_or(f.len())]);
            out.cites.push(phrase.to_string());
        } else if !phrase.is_empty() {
            out.phrases.push(phrase.to_string());
        }
        let close = after[end..].chars().next().map_or(0, char::len_utf8);
        rest = &after[end + close..];
    }
    free.push(rest);
    let mut words = Vec::new();
    for w in free.iter().flat_map(|s| s.split_whitespace()) {
        match w.strip_prefix("cites:") {
            Some(v) if !v.is_empty() => out.cites.push(v.to_string()),
            Some(_) => {}
            None => words.push(w),
        }
    }
    out.free = words.join(" ");
    out
}

/// How a hit matched the query's free words: the tiers of a search, best first. Every hit
/// of a tier ranks above every hit of the next one; within a tier, hits rank by score.
///
/// "In order" means word for word: the sections are found by the query's word pairs (every
/// two consecutive words next to each other somewhere, a two-word phrase), and each candidate is then checked
/// against the positions, so a section with "a b" in one place and "b c" in another is not
/// a phrase match for "a b c" (it is one of every word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Match {
    /// The words in order, with the diacritics as typed ("đúng cụm từ, đúng dấu"); for one
    /// word, that word as typed.
    ExactPhrase,
    /// The words in order, diacritics ignored; or the query with an abbreviation written
    /// the other way ("QPĐP" ↔ "quốc phòng địa phương"); or an instrument the query
    /// names by its number-symbol, cited in the section.
    Phrase,
    /// Every word with the diacritics as typed, anywhere in the section.
    ExactWords,
    /// Every word, diacritics ignored, anywhere in the section.
    Words,
    /// None of the free words: only what the query requires (a quoted phrase, `cites:`).
    Required,
}

impl Match {
    /// The name in JSON output ("exact-phrase", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Match::ExactPhrase => "exact-phrase",
            Match::Phrase => "phrase",
            Match::ExactWords => "exact-words",
            Match::Words => "words",
            Match::Required => "required",
        }
    }
}

/// A built search: tiers of alternative queries, the quoted phrases every hit must hold,
/// and the words to highlight.
///
/// Each alternative is a plain conjunction: of word pairs (two-word phrases) for a phrase,
/// of terms for a bag of words, which tantivy prunes (block-max WAND keeps only what can
/// still enter the top `k`) instead of scoring every section that holds the words.
pub struct Plan {
    pub tiers: Vec<(Match, Vec<Alternative>)>,
    /// The query's words in the exact and folded bodies: what snippets highlight.
    pub highlight: Box<dyn Query>,
}

/// One alternative of a tier: a conjunction of terms that finds the candidates, and the
/// phrases each candidate must hold word for word (positions): the query's words in order
/// for the phrase tiers, and every quoted phrase. The terms find sections by the phrases'
/// word pairs; the check keeps those where the words really stand in order.
pub struct Alternative {
    pub query: Box<dyn Query>,
    pub verify: Vec<Box<dyn Query>>,
}

/// Builds search plans with the index's analyzers.
pub struct QueryBuilder {
    f: Fields,
    exact: TextAnalyzer,
    folded: TextAnalyzer,
}

impl QueryBuilder {
    pub fn new(f: Fields) -> QueryBuilder {
        QueryBuilder {
            f,
            exact: analyzer::exact(),
            folded: analyzer::folded(),
        }
    }

    /// The plan of a request: the tiers of its free words, each alternative restricted by
    /// what the query requires (quoted phrases, `cites:`) and by the filters.
    pub fn plan(&mut self, req: &SearchRequest) -> Result<Plan, IndexError> {
        self.plan_with(req, Vec::new())
    }

    /// [`QueryBuilder::plan`] with further clauses every hit must match (`filters`).
    fn plan_with(
        &mut self,
        req: &SearchRequest,
        mut filters: Vec<Box<dyn Query>>,
    ) -> Result<Plan, IndexError> {
        let f = self.f;
        let parsed = parse(&req.query);
        let mut highlight: Vec<Term> = Vec::new();
        // What every hit must hold, as clauses of every alternative.
        let mut required: Vec<Box<dyn Query>> = Vec::new();
        let mut verify: Vec<Box<dyn Query>> = Vec::new();
        if !parsed.cites.is_empty() {
            // Plan documents hold citations too, but have no text to show.
            required.push(term(f.doc_type, "section"));
        }
        for c in &parsed.cites {
            required.push(term(f.cites_folded, &fold_key(c)));
        }
        for p in &parsed.phrases {
            let ex = analyzer::terms(&mut self.exact, p);
            let (fo, at) = words_at(&mut self.folded, p);
            if fo.is_empty() {
                return Err(IndexError::Query(QueryError::NoWords(p.clone())));
            }
            let accented = ex != fo;
            // Found by its folded pairs; the exact words are left to the check on the
            // positions (an intersection with common words only slows the search).
            let pairs = self.adjacent(&fo, &at);
            if pairs.is_empty() {
                required.extend(fo.iter().map(|t| term(f.body_folded, t)));
            } else {
                required.extend(pairs);
            }
            if accented && fo.len() == 1 {
                required.extend(ex.iter().map(|t| term(f.body, t)));
            }
            if fo.len() > 1 {
                let field = if accented { f.body } else { f.body_folded };
                let words = if accented { &ex } else { &fo };
                verify.extend(phrase_at(field, words, &at));
            }
            highlight.extend(ex.iter().map(|t| Term::from_field_text(f.body, t)));
            highlight.extend(fo.iter().map(|t| Term::from_field_text(f.body_folded, t)));
        }
        if let Some(k) = &req.kind {
            filters.push(keyword_filter(f.kind, k));
        }
        if let Some(y) = req.year {
            filters.push(Box::new(TermQuery::new(
                Term::from_field_u64(f.year, y),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(i) = &req.issuer {
            let terms = analyzer::terms(&mut self.folded, i);
            let q = phrase(f.issuer_folded, &terms, 0)
                .ok_or_else(|| IndexError::Query(QueryError::NoIssuerWords(i.clone())))?;
            filters.push(filter(q));
        }
        let mut tiers = self.free_tiers(&parsed.free, &mut highlight);
        if tiers.is_empty() && required.is_empty() {
            return Err(IndexError::Query(QueryError::Nothing(req.query.clone())));
        }
        if !required.is_empty() {
            // With a phrase or a citation required, the free words only rank: sections
            // without them come last.
            tiers.push((Match::Required, vec![(Vec::new(), None)]));
        }
        let tiers = tiers
            .into_iter()
            .map(|(m, alternatives)| {
                let alternatives = alternatives
                    .into_iter()
                    .map(|(mut clauses, own)| {
                        clauses.extend(required.iter().map(|q| q.box_clone()));
                        clauses.extend(filters.iter().map(|q| q.box_clone()));
                        let mut checks: Vec<Box<dyn Query>> =
                            verify.iter().map(|q| q.box_clone()).collect();
                        checks.extend(own);
                        Alternative {
                            query: conjunction(clauses),
                            verify: checks,
                        }
                    })
                    .collect();
                (m, alternatives)
            })
            .collect();
        let highlight = Box::new(BooleanQuery::new(
            highlight
                .into_iter()
                .map(|t| {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>,
                    )
                })
                .collect(),
        ));
        Ok(Plan { tiers, highlight })
    }

    /// The tiers of the free words, each a list of alternatives, each a list of clauses
    /// (none when there are no words). A query with diacritics has the exact tiers too.
    fn free_tiers(&mut self, text: &str, highlight: &mut Vec<Term>) -> Vec<(Match, Vec<Draft>)> {
        let f = self.f;
        let ex = analyzer::terms(&mut self.exact, text);
        let (fo, at) = words_at(&mut self.folded, text);
        if fo.is_empty() {
            return Vec::new();
        }
        let accented = ex != fo;
        let variants = abbrev::variants(abbrev::table(), text);
        let words = |field: Field, terms: &[String]| -> Vec<Box<dyn Query>> {
            terms.iter().map(|t| term(field, t)).collect()
        };
        // The words in order: found by their pairs, checked on the positions.
        let in_order = |qb: &Self, field: Field, terms: &[String], at: &[usize]| {
            let pairs = qb.adjacent(terms, at);
            let check = if terms.len() > 1 {
                phrase_at(field, terms, at)
            } else {
                None
            };
            (pairs, check)
        };
        let (fo_pairs, fo_check) = in_order(self, f.body_folded, &fo, &at);
        let mut phrase_alts = vec![(fo_pairs.iter().map(|q| q.box_clone()).collect(), fo_check)];
        for v in &variants {
            let at: Vec<usize> = (0..v.len()).collect();
            phrase_alts.push(in_order(self, f.body_folded, v, &at));
        }
        // No two words consecutive (a word too long to index between each): no phrase.
        phrase_alts.retain(|(a, _): &(Clauses, _)| !a.is_empty());
        for w in text.split_whitespace() {
            if looks_like_citation(w) {
                let q = term(f.cites_folded, &fold_key(w));
                phrase_alts.push((vec![Box::new(BoostQuery::new(q, CITATION))], None));
            }
        }
        let mut tiers = Vec::new();
        if accented && (fo.len() == 1 || !fo_pairs.is_empty()) {
            let mut exact_phrase = if fo.len() > 1 { fo_pairs } else { Vec::new() };
            exact_phrase.extend(words(f.body, &ex));
            let check = if fo.len() > 1 && ex.len() == at.len() {
                phrase_at(f.body, &ex, &at)
            } else {
                None
            };
            tiers.push((Match::ExactPhrase, vec![(exact_phrase, check)]));
        }
        tiers.push((Match::Phrase, phrase_alts));
        if fo.len() > 1 {
            if accented {
                tiers.push((Match::ExactWords, vec![(words(f.body, &ex), None)]));
            }
            let mut bags = vec![(words(f.body_folded, &fo), None)];
            bags.extend(
                variants
                    .iter()
                    .filter(|v| v.len() > 1)
                    .map(|v| (words(f.body_folded, v), None)),
            );
            tiers.push((Match::Words, bags));
        }
        if accented {
            highlight.extend(ex.iter().map(|t| Term::from_field_text(f.body, t)));
        }
        for v in std::iter::once(&fo).chain(&variants) {
            highlight.extend(v.iter().map(|t| Term::from_field_text(f.body_folded, t)));
        }
        tiers
    }

    /// Clauses matching `terms` next to each other: the pairs of consecutive words (each a
    /// two-word phrase on the folded positions, scored as tantivy scores a phrase: BM25 of
    /// the pair's occurrences, the idf of its two words), or the one word. `at` are the
    /// words' positions: a word the analyzer dropped between two (one too long to index)
    /// breaks their pair, as it does on the index's positions. Empty when no two words are
    /// consecutive.
    fn adjacent(&self, terms: &[String], at: &[usize]) -> Vec<Box<dyn Query>> {
        if let [t] = terms {
            return vec![term(self.f.body_folded, t)];
        }
        terms
            .windows(2)
            .zip(at.windows(2))
            .filter(|(_, p)| p[1] == p[0] + 1)
            .map(|(w, _)| {
                Box::new(PhraseQuery::new(vec![
                    Term::from_field_text(self.f.body_folded, &w[0]),
                    Term::from_field_text(self.f.body_folded, &w[1]),
                ])) as Box<dyn Query>
            })
            .collect()
    }
}

/// The terms an analyzer makes of `text` and their positions.
fn words_at(an: &mut TextAnalyzer, text: &str) -> (Vec<String>, Vec<usize>) {
    analyzer::tokens(an, text)
        .into_iter()
        .map(|t| (t.text, t.position))
        .unzip()
}

/// A phrase of `terms` at positions `at` (relative to the first), so a word the analyzer
/// dropped keeps its place. None when there are no terms.
fn phrase_at(field: Field, terms: &[String], at: &[usize]) -> Option<Box<dyn Query>> {
    let first = *at.first()?;
    if terms.len() < 2 || terms.len() != at.len() {
        return phrase(field, terms, 0);
    }
    Some(Box::new(PhraseQuery::new_with_offset(
        terms
            .iter()
            .zip(at)
            .map(|(t, &p)| (p.saturating_sub(first), Term::from_field_text(field, t)))
            .collect(),
    )))
}

/// Clauses that must all match: one alternative of a tier, before it becomes a query.
type Clauses = Vec<Box<dyn Query>>;

/// An alternative before the query's requirements and filters join it: its clauses, and the
/// phrase its candidates must hold word for word, if any.
type Draft = (Clauses, Option<Box<dyn Query>>);

/// One query of clauses that must all match: a single clause as it is (a term query is
/// pruned by tantivy's single-term block-max WAND; wrapped in a boolean query it would be
/// scored throughout), several as a flat conjunction (pruned when all are term queries
/// with frequencies).
fn conjunction(mut clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if clauses.len() == 1 {
        if let Some(q) = clauses.pop() {
            return q;
        }
    }
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|q| (Occur::Must, q)).collect(),
    ))
}

/// Characters (bytes) a snippet holds at most, as tantivy's `SnippetGenerator` counts them.
const SNIPPET_CHARS: usize = 200;

/// Words longer than this (in bytes) are not indexed: the analyzers' `RemoveLongFilter`
/// limit (pinned by `snippet_token_limit_is_the_analyzers`).
const MAX_TOKEN_BYTES: usize = 64;

/// A snippet: a fragment of the original text and the byte ranges of the matches in it.
type Fragment = (String, Vec<(usize, usize)>);

/// Snippets as tantivy's `SnippetGenerator` makes them (the same fragment, the same
/// highlights), without running the analyzer over the text: which words match is read from
/// the postings' positions of the query's terms in the hit, so the text is only split into
/// words (to find the fragments' bounds) up to the fragment of the last match.
///
/// The generator's algorithm: split the text into words; cut it greedily into fragments of
/// at most `SNIPPET_CHARS` bytes (a fragment starts at a word and ends at the last word
/// whose end fits); score a fragment by the sum of `1 / (1 + doc_freq)` of the query terms
/// at its words; the best fragment is the first of the highest score. A word's position in
/// the index is its ordinal among the words of the text, dropped long words included (the
/// word tokenizer numbers them before `RemoveLongFilter` drops them), and the section's
/// `body` and `body_folded` are its stored `text`, so the positions map back to the words.
struct Snippets {
    /// Per field, in the order tried: the query's terms in it found in the index, with
    /// their snippet scores. Fields without such terms are left out (no highlight).
    fields: Vec<(Field, Vec<(Term, f32)>)>,
    /// The word tokenizer without the filters that rewrite words.
    words: TextAnalyzer,
}

impl Snippets {
    fn new(
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        fields: &[Field],
    ) -> tantivy::Result<Snippets> {
        let mut out = Vec::new();
        for &field in fields {
            let mut terms: std::collections::BTreeSet<&Term> = std::collections::BTreeSet::new();
            query.query_terms(&mut |t, _| {
                if t.field() == field {
                    terms.insert(t);
                }
            });
            let mut scored = Vec::new();
            for t in terms {
                if t.value().as_str().is_none() {
                    continue;
                }
                let df = searcher.doc_freq(t)?;
                if df > 0 {
                    scored.push((t.clone(), 1.0 / (1.0 + df as f32)));
                }
            }
            if !scored.is_empty() {
                out.push((field, scored));
            }
        }
        Ok(Snippets {
            fields: out,
            words: Self::word_splitter(),
        })
    }

    /// The analyzers' word tokenizer and long-word filter, without the filters that only
    /// rewrite words.
    fn word_splitter() -> TextAnalyzer {
        TextAnalyzer::builder(analyzer::WordTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .build()
    }

    /// The snippet of the first field with a match in this document: the fragment and the
    /// highlights' byte ranges in it. None when no term of the query is in the document.
    fn best(
        &self,
        searcher: &tantivy::Searcher,
        addr: DocAddress,
        text: &str,
    ) -> tantivy::Result<Option<Fragment>> {
        let segment = searcher.segment_reader(addr.segment_ord);
        let mut positions = Vec::new();
        let mut matched: Vec<(u32, f32)> = Vec::new();
        for (field, terms) in &self.fields {
            let inverted = segment.inverted_index(*field)?;
            matched.clear();
            for (t, score) in terms {
                let Some(mut p) =
                    inverted.read_postings(t, IndexRecordOption::WithFreqsAndPositions)?
                else {
                    continue;
                };
                // Fresh postings stand on their first document; one after this document
                // means the term is not in it (and `seek` must never go backwards).
                if p.doc() <= addr.doc_id && p.seek(addr.doc_id) == addr.doc_id {
                    p.positions(&mut positions);
                    matched.extend(positions.iter().map(|&pos| (pos, *score)));
                }
            }
            if matched.is_empty() {
                continue;
            }
            matched.sort_by_key(|m| m.0);
            return Ok(Some(self.fragment(text, &matched)));
        }
        Ok(None)
    }

    /// The best fragment of `text` given the scored positions of the matching words.
    fn fragment(&self, text: &str, matched: &[(u32, f32)]) -> Fragment {
        #[derive(Default)]
        struct Candidate {
            score: f32,
            start: usize,
            stop: usize,
            highlighted: Vec<(usize, usize)>,
        }
        let last = matched.last().map_or(0, |m| m.0);
        let mut words = self.words.clone();
        let mut stream = words.token_stream(text);
        let mut best: Option<Candidate> = None;
        let mut fragment = Candidate::default();
        let mut next = matched.iter().peekable();
        let keep = |c: Candidate, best: &mut Option<Candidate>| {
            if c.score > 0.0 && best.as_ref().is_none_or(|b| c.score > b.score) {
                *best = Some(c);
            }
        };
        while let Some(tok) = stream.next() {
            if tok.offset_to - fragment.start > SNIPPET_CHARS {
                let done = std::mem::replace(
                    &mut fragment,
                    Candidate {
                        start: tok.offset_from,
                        stop: tok.offset_from,
                        ..Candidate::default()
                    },
                );
                keep(done, &mut best);
                if tok.position as u64 > last as u64 {
                    break;
                }
            }
            fragment.stop = tok.offset_to;
            let pos = tok.position as u64;
            while next.peek().is_some_and(|m| (m.0 as u64) < pos) {
                next.next();
            }
            if let Some(&&(p, score)) = next.peek() {
                if p as u64 == pos {
                    fragment.score += score;
                    fragment.highlighted.push((tok.offset_from, tok.offset_to));
                }
            }
        }
        keep(fragment, &mut best);
        match best {
            Some(c) => (
                text[c.start..c.stop].to_string(),
                c.highlighted
                    .iter()
                    .map(|&(a, b)| (a - c.start, b - c.start))
                    .collect(),
            ),
            None => (String::new(), Vec::new()),
        }
    }
}

/// Bytes of context on each side of a citation in a snippet.
const CONTEXT: usize = 80;

/// A snippet when no word of the query matched: the first citation of one of `cites` in the
/// text, highlighted, else the start of the text.
fn fallback_snippet(text: &str, cites: &[String]) -> (String, Vec<(usize, usize)>) {
    let wanted: Vec<String> = cites.iter().map(|c| fold_key(c)).collect();
    let found = if wanted.is_empty() {
        None
    } else {
        crate::extract(text).citations.into_iter().find(|c| {
            [c.canonical.as_deref(), c.law.as_deref()]
                .into_iter()
                .flatten()
                .any(|v| wanted.contains(&fold_key(v)))
        })
    };
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match found {
        Some(c) => {
            // Cut at white space, not inside a word.
            let mut a = floor(c.start.saturating_sub(CONTEXT));
            if a > 0 {
                a += text[a..c.start]
                    .char_indices()
                    .find(|(_, ch)| ch.is_whitespace())
                    .map_or(0, |(i, ch)| i + ch.len_utf8());
            }
            let mut b = floor((c.end + CONTEXT).min(text.len()));
            if b < text.len() {
                b = c.end
                    + text[c.end..b]
                        .rfind(char::is_whitespace)
                        .unwrap_or(b - c.end);
            }
            (text[a..b].to_string(), vec![(c.start - a, c.end - a)])
        }
        None => (
            text[..floor(text.len().min(2 * CONTEXT))].to_string(),
            Vec::new(),
        ),
    }
}

/// "168/2018/NĐ-CP", "28-NQ/TW": digits and a '/' or '-'.
fn looks_like_citation(w: &str) -> bool {
    w.contains(['/', '-'])
        && w.chars().any(|c| c.is_ascii_digit())
        && w.chars().any(char::is_alphabetic)
}

/// A keyword that only filters: a term query boosted by zero, so it adds nothing to the
/// score yet stays a term query (the field keeps frequencies), and a conjunction holding it
/// is still pruned by tantivy, where [`filter`] would make tantivy score every match.
fn keyword_filter(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(BoostQuery::new(term(field, text), 0.0))
}

/// A clause that only filters: it adds nothing to the score.
fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(tantivy::query::ConstScoreQuery::new(q, 0.0))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn bag(field: Field, terms: &[String]) -> Option<Box<dyn Query>> {
    match terms {
        [] => None,
        [t] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, t),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(BooleanQuery::new_multiterms_query(
            terms
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        ))),
    }
}

fn phrase(field: Field, terms: &[String], slop: u32) -> Option<Box<dyn Query>> {
    match terms {
        [] => None,
        [_] => bag(field, terms),
        _ => Some(Box::new(PhraseQuery::new_with_offset_and_slop(
            terms
                .iter()
                .enumerate()
                .map(|(i, t)| (i, Term::from_field_text(field, t)))
                .collect(),
            slop,
        ))),
    }
}

impl SearchIndex {
    /// Search: the best `limit` files, each with its best section and a snippet.
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>, IndexError> {
        self.search_with(req, &SearchOptions::default())
    }

    /// [`SearchIndex::search`] restricted by instrument status and document type. A limit
    /// above [`MAX_LIMIT`] is taken as [`MAX_LIMIT`].
    pub fn search_with(
        &self,
        req: &SearchRequest,
        opts: &SearchOptions,
    ) -> Result<Vec<Hit>, IndexError> {
        let clamped;
        let req = if req.limit > MAX_LIMIT {
            clamped = SearchRequest {
                limit: MAX_LIMIT,
                ..req.clone()
            };
            &clamped
        } else {
            req
        };
        if opts.doc_type.is_none() {
            return self.search_interleaved(req, opts);
        }
        let plan = self.request_plan(req, opts)?;
        self.run(&plan, req.limit, &parse(&req.query).cites)
    }

    /// The search plan of a request and its options.
    fn request_plan(&self, req: &SearchRequest, opts: &SearchOptions) -> Result<Plan, IndexError> {
        let f = self.fields;
        let mut filters: Vec<Box<dyn Query>> = Vec::new();
        match opts.doc_type.as_deref() {
            None => {}
            Some("section") => filters.push(keyword_filter(f.doc_type, "section")),
            // Registry instruments and observed ones alike.
            Some("instrument") => filters.push(filter(Box::new(BooleanQuery::new(vec![
                (Occur::Should, term(f.doc_type, "instrument")),
                (Occur::Should, term(f.doc_type, observations::DOC_TYPE)),
            ])))),
            Some(t) => return Err(IndexError::Query(QueryError::UnknownType(t.into()))),
        }
        if let Some(st) = &opts.status {
            let Some(st) = crate::model::StatusFilter::from_slug(st) else {
                return Err(IndexError::Query(QueryError::UnknownStatus(
                    st.clone(),
                    STATUSES.join(", "),
                )));
            };
            // Instruments of a status it keeps, or anything that is not an instrument.
            let mut keep = vec![(Occur::Should, term(f.doc_type, "section"))];
            for s in st.statuses() {
                keep.push((Occur::Should, term(f.status, s.slug())));
            }
            let keep: Box<dyn Query> = Box::new(BooleanQuery::new(keep));
            filters.push(filter(keep));
        }
        QueryBuilder::new(f).plan_with(req, filters)
    }

    /// Run a search plan. `cites` are the instruments the query looks up, shown in snippets
    /// when no word matched.
    fn run(&self, plan: &Plan, limit: usize, cites: &[String]) -> Result<Vec<Hit>, IndexError> {
        let searcher = self.reader.searcher();
        let (found, _) = self.candidates(&searcher, plan, candidates_for(limit))?;
        let snippets = self.snippets(&searcher, plan)?;
        self.hits(&searcher, &snippets, &found, limit, cites)
    }

    /// The snippet maker of a plan: from the exact body when the query has exact terms,
    /// else the folded one.
    fn snippets(&self, searcher: &tantivy::Searcher, plan: &Plan) -> Result<Snippets, IndexError> {
        let f = self.fields;
        Snippets::new(searcher, &*plan.highlight, &[f.body, f.body_folded])
            .map_err(|e| tantivy_err(&self.dir, e))
    }

    /// The best `n` documents of a plan, best first (tier by tier, by score within a tier),
    /// each with its path, section and type read from the fast fields (no stored document
    /// is read). The flag is true when fewer than `n` documents matched: every match is in
    /// the list.
    fn candidates(
        &self,
        searcher: &tantivy::Searcher,
        plan: &Plan,
        n: usize,
    ) -> Result<(Vec<Candidate>, bool), IndexError> {
        let err = |e| tantivy_err(&self.dir, e);
        let mut ranked: Vec<(Match, f32, DocAddress)> = Vec::new();
        let mut seen: HashSet<DocAddress> = HashSet::new();
        for (matched, alternatives) in &plan.tiers {
            if ranked.len() >= n {
                break;
            }
            // Documents of the tiers above can come again: ask for enough to fill `n`
            // with new ones.
            let k = n - ranked.len() + seen.len();
            let mut tier: Vec<(f32, DocAddress)> = Vec::new();
            for alt in alternatives {
                let weights: Vec<Box<dyn Weight>> = alt
                    .verify
                    .iter()
                    .map(|q| q.weight(EnableScoring::disabled_from_searcher(searcher)))
                    .collect::<tantivy::Result<_>>()
                    .map_err(err)?;
                let top = top_verified(searcher, &*alt.query, k, &alt.verify, &weights);
                tier.extend(top.map_err(err)?);
            }
            tier.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for (score, addr) in tier {
                if ranked.len() >= n {
                    break;
                }
                if seen.insert(addr) {
                    ranked.push((*matched, score, addr));
                }
            }
        }
        // Fewer than `n`: every alternative gave fewer than it was asked for, so all.
        let all = ranked.len() < n;
        type Columns = (
            Option<StrColumn>,
            Option<StrColumn>,
            Option<StrColumn>,
            Option<StrColumn>,
        );
        let mut columns: BTreeMap<u32, Columns> = BTreeMap::new();
        let mut out = Vec::with_capacity(ranked.len());
        for (matched, score, addr) in ranked {
            let (p, s, st, ob) = columns.entry(addr.segment_ord).or_insert_with(|| {
                let ff = searcher.segment_reader(addr.segment_ord).fast_fields();
                (
                    ff.str("path").ok().flatten(),
                    ff.str("section").ok().flatten(),
                    ff.str("status").ok().flatten(),
                    ff.str("observed").ok().flatten(),
                )
            });
            // Only instruments have a status (its value is not needed here).
            let has = |c: &Option<StrColumn>| {
                c.as_ref()
                    .is_some_and(|c| c.ords().first(addr.doc_id).is_some())
            };
            let get = |c: &Option<StrColumn>| {
                let c = c.as_ref()?;
                let ord = c.ords().first(addr.doc_id)?;
                let mut out = String::new();
                c.ord_to_str(ord, &mut out).ok()?;
                Some(out)
            };
            // Only instruments have a status; only sections have an outline path ("" for
            // the preamble); plan documents have neither.
            let section = get(s);
            let key = get(ob);
            let kind = match (&key, has(st), &section) {
                (Some(_), _, _) => Found::Observed,
                (None, true, _) => Found::Instrument,
                (None, false, Some(_)) => Found::Section,
                (None, false, None) => Found::Plan,
            };
            out.push(Candidate {
                matched,
                score,
                addr,
                path: key.or_else(|| get(p)).unwrap_or_default(),
                section: section.unwrap_or_default(),
                kind,
            });
        }
        Ok((out, all))
    }

    /// Hits of ranked candidates: grouped by file (the best section of each, the others
    /// listed), at most `limit`, with stored fields and snippets read for those only.
    fn hits(
        &self,
        searcher: &tantivy::Searcher,
        snippets: &Snippets,
        found: &[Candidate],
        limit: usize,
        cites: &[String],
    ) -> Result<Vec<Hit>, IndexError> {
        let f = self.fields;
        let err = |e| tantivy_err(&self.dir, e);
        let mut hits: Vec<Hit> = Vec::new();
        let mut by_path: BTreeMap<String, usize> = BTreeMap::new();
        let mut merger = observations::Merger::new(self, searcher);
        for c in found {
            // An observed document stands for the instrument merged over every file (one
            // hit, ranked as its best document); none when the registry holds it.
            // A full page shows no further instrument (nor reads its family).
            if c.kind == Found::Observed && hits.len() >= limit {
                continue;
            }
            let observed = match c.kind {
                Found::Observed => match merger.instrument(&c.path)? {
                    Some(o) => Some(o),
                    None => continue,
                },
                _ => None,
            };
            if let Some(o) = &observed {
                if by_path.contains_key(&o.id) || hits.len() >= limit {
                    continue;
                }
            }
            if let Some(&i) = by_path.get(c.path.as_str()) {
                let h: &mut Hit = &mut hits[i];
                h.other_sections.push(c.section.clone());
                continue;
            }
            if hits.len() >= limit {
                continue;
            }
            let (score, addr, path, section) = (c.score, c.addr, c.path.clone(), c.section.clone());
            let matched = c.matched;
            let d: TantivyDocument = searcher.doc(addr).map_err(err)?;
            let s = |field: Field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(String::from)
            };
            let text = s(f.text).unwrap_or_default();
            let (snippet, highlights) = match snippets.best(searcher, addr, &text).map_err(err)? {
                Some(sn) => sn,
                None => fallback_snippet(&text, cites),
            };
            if let Some(o) = observed {
                // Like a registry instrument, from the merged facts.
                by_path.insert(o.id.clone(), hits.len());
                hits.push(Hit {
                    doc_type: "instrument".to_string(),
                    instrument: Some(o.id.clone()),
                    label: Some(o.label()),
                    status: Some(o.status.to_string()),
                    path: o.id.clone(),
                    section,
                    heading: String::new(),
                    title: o.title.clone(),
                    kind: Some(o.kind.slug().to_string()),
                    year: o.year.and_then(|y| u64::try_from(y).ok()),
                    issuer: o.issuer.clone(),
                    matched,
                    score,
                    snippet,
                    highlights,
                    other_sections: Vec::new(),
                    observed: Some(o),
                });
                continue;
            }
            by_path.insert(c.path.clone(), hits.len());
            let doc_type = s(f.doc_type).unwrap_or_default();
            let is_instrument = doc_type == "instrument";
            hits.push(Hit {
                doc_type,
                instrument: is_instrument.then(|| path.clone()),
                label: s(f.label),
                status: s(f.status),
                path,
                section,
                heading: s(f.heading).unwrap_or_default(),
                title: s(f.title),
                kind: s(f.kind),
                year: d.get_first(f.year).and_then(|v| v.as_u64()),
                issuer: s(f.issuer),
                matched,
                score,
                snippet,
                highlights,
                other_sections: Vec::new(),
                observed: None,
            });
        }
        Ok(hits)
    }

    /// How many hits a request has in all (files with a matching section, and instruments),
    /// counted up to [`MAX_LIMIT`] from the fast fields only (no snippet; the stored
    /// documents of observed instruments' families only): the `total` a paged search
    /// reports.
    pub fn count_hits(&self, req: &SearchRequest) -> Result<usize, IndexError> {
        let plan = self.request_plan(req, &SearchOptions::default())?;
        let searcher = self.reader.searcher();
        let (found, _) = self.candidates(&searcher, &plan, MAX_LIMIT)?;
        let files: BTreeSet<&str> = found
            .iter()
            .filter(|c| c.kind == Found::Section)
            .map(|c| c.path.as_str())
            .collect();
        let instruments = found.iter().filter(|c| c.kind == Found::Instrument).count();
        // Observed instruments: the merged ones (stored documents of their families are
        // read), without those the registry holds.
        let mut merger = observations::Merger::new(self, &searcher);
        let mut observed: BTreeSet<String> = BTreeSet::new();
        for c in found.iter().filter(|c| c.kind == Found::Observed) {
            if let Some(o) = merger.instrument(&c.path)? {
                observed.insert(o.id);
            }
        }
        Ok(files.len() + instruments + observed.len())
    }

    /// The stored text of the best `n` sections for a request, best first, not grouped by
    /// file (for measuring what ranks first).
    pub fn top_texts(&self, req: &SearchRequest, n: usize) -> Result<Vec<String>, IndexError> {
        let n = n.min(MAX_LIMIT);
        let plan = QueryBuilder::new(self.fields).plan(req)?;
        let searcher = self.reader.searcher();
        let err = |e| tantivy_err(&self.dir, e);
        let (found, _) = self.candidates(&searcher, &plan, n)?;
        let mut out = Vec::new();
        for c in found {
            let d: TantivyDocument = searcher.doc(c.addr).map_err(err)?;
            let t = d.get_first(self.fields.text).and_then(|v| v.as_str());
            out.push(t.unwrap_or("").to_string());
        }
        Ok(out)
    }

    /// The files whose plans cite an instrument ("168/2018/NĐ-CP", "Luật Dân quân tự vệ"):
    /// a term lookup on the plan documents' citation keywords.
    pub fn plans_citing(&self, cite: &str) -> Result<Vec<String>, IndexError> {
        let f = self.fields;
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.doc_type, "plan")),
            (Occur::Must, term(f.cites_folded, &fold_key(cite))),
        ]);
        self.plan_paths(&q)
    }
}

impl SearchIndex {
    /// The files holding a citation with any of these resolution keys ("n:168",
    /// "l:Luat Dan quan tu ve"; see [`crate::graph::Target::citation_keys`]), sorted.
    pub fn plans_with_citation_keys(&self, keys: &[String]) -> Result<Vec<String>, IndexError> {
        let f = self.fields;
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let any: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|k| (Occur::Should, term(f.cite_keys, k)))
            .collect();
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(f.doc_type, "plan")),
            (
                Occur::Must,
                Box::new(BooleanQuery::new(any)) as Box<dyn Query>,
            ),
        ]);
        self.plan_paths(&q)
    }

    /// The paths of the plan documents a query matches, sorted and without repeats.
    fn plan_paths(&self, q: &dyn Query) -> Result<Vec<String>, IndexError> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let err = |e| tantivy_err(&self.dir, e);
        let mut out = Vec::new();
        for a in searcher.search(q, &DocSetCollector).map_err(err)? {
            let d: TantivyDocument = searcher.doc(a).map_err(err)?;
            if let Some(p) = d.get_first(f.path).and_then(|v| v.as_str()) {
                out.push(p.to_string());
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

/// One hit in this many may be a registry instrument (the first may be one): instruments
/// are short (label, title, aliases), so BM25 ranks them above plan sections for the same
/// words, and would otherwise fill the first screen.
pub const INSTRUMENT_EVERY: usize = 3;

/// How many instruments a page of `limit` hits can show when `section_files` files have
/// matching sections: their share under [`INSTRUMENT_EVERY`], or every place the sections
/// leave empty.
pub fn instrument_room(limit: usize, section_files: usize) -> usize {
    limit
        .div_ceil(INSTRUMENT_EVERY)
        .max(limit.saturating_sub(section_files.min(limit)))
}

/// Plan sections and instruments in one list of at most `limit` hits, each list already in
/// rank order: at every position the better-scored of the next section and the next
/// instrument, except that the first k hits hold at most ⌈k / INSTRUMENT_EVERY⌉
/// instruments while sections remain; once they run out, instruments fill the rest.
pub fn interleave(sections: Vec<Hit>, instruments: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let mut out = Vec::with_capacity(limit);
    let mut s = sections.into_iter().peekable();
    let mut i = instruments.into_iter().peekable();
    let mut taken = 0;
    while out.len() < limit {
        let quota = (out.len() + 1).div_ceil(INSTRUMENT_EVERY);
        let take_instrument = match (s.peek(), i.peek()) {
            (None, None) => break,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => taken < quota && ranks_above(b, a),
        };
        if take_instrument {
            out.extend(i.next());
            taken += 1;
        } else {
            out.extend(s.next());
        }
    }
    out
}

/// Does `a` rank above `b`: a better tier, or the same tier and a higher score.
pub fn ranks_above(a: &Hit, b: &Hit) -> bool {
    a.matched < b.matched || (a.matched == b.matched && a.score > b.score)
}

/// The best `k` documents of `q` (score, address) that every `verify` phrase holds. The top
/// `k` is fetched and each candidate checked; when some fail and more documents match, one
/// search of `q` with the phrases as filters gives the answer (exact, not pruned) instead of
/// fetching ever larger tops.
fn top_verified(
    searcher: &tantivy::Searcher,
    q: &dyn Query,
    k: usize,
    verify: &[Box<dyn Query>],
    weights: &[Box<dyn Weight>],
) -> tantivy::Result<Vec<(f32, DocAddress)>> {
    let k = k.max(1);
    let top = searcher.search(q, &TopDocs::with_limit(k).order_by_score())?;
    if verify.is_empty() {
        return Ok(top);
    }
    let exhausted = top.len() < k;
    let kept = holding(searcher, top, weights)?;
    if kept.len() >= k || exhausted {
        return Ok(kept);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, q.box_clone())];
    clauses.extend(verify.iter().map(|v| (Occur::Must, filter(v.box_clone()))));
    searcher.search(
        &BooleanQuery::new(clauses),
        &TopDocs::with_limit(k).order_by_score(),
    )
}

/// The documents of `top` that every weight matches, in the same order: per segment, one
/// scorer per weight, asked about each document in ascending order with `seek_danger`
/// (which checks that document without looking for the next match).
fn holding(
    searcher: &tantivy::Searcher,
    top: Vec<(f32, DocAddress)>,
    weights: &[Box<dyn Weight>],
) -> tantivy::Result<Vec<(f32, DocAddress)>> {
    use tantivy::query::Scorer;
    use tantivy::SeekDangerResult::Found;
    let mut order: Vec<usize> = (0..top.len()).collect();
    order.sort_by_key(|&i| top[i].1);
    let mut ok = vec![false; top.len()];
    let mut i = 0;
    while i < order.len() {
        let segment = top[order[i]].1.segment_ord;
        let reader = searcher.segment_reader(segment);
        let first = top[order[i]].1.doc_id;
        let mut scorers: Vec<Box<dyn Scorer>> = Vec::with_capacity(weights.len());
        let mut all = true;
        for w in weights {
            let (found, scorer) = w.scorer_danger(reader, first, 1.0)?;
            all &= found == Found;
            scorers.push(scorer);
        }
        ok[order[i]] = all;
        i += 1;
        while i < order.len() && top[order[i]].1.segment_ord == segment {
            let doc = top[order[i]].1.doc_id;
            // Each scorer sees strictly increasing targets (documents are unique); one that
            // is skipped for a document (`all` stops early) just sees a larger target next.
            ok[order[i]] = scorers.iter_mut().all(|s| s.seek_danger(doc) == Found);
            i += 1;
        }
    }
    Ok(top
        .into_iter()
        .zip(ok)
        .filter(|(_, keep)| *keep)
        .map(|(t, _)| t)
        .collect())
}

/// Candidates fetched for `limit` hits: files have several matching sections, so more
/// than `limit` documents are needed to fill `limit` files.
fn candidates_for(limit: usize) -> usize {
    limit.saturating_mul(4).max(limit.saturating_add(16))
}

/// The most hits one search returns.
pub const MAX_LIMIT: usize = 10_000;

/// What a candidate document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Section,
    Instrument,
    /// A file's document of an observed instrument (its `path` the key): merged with the
    /// other files' when it becomes a hit.
    Observed,
    /// A plan document: citations as keywords, no text. Never a hit of a mixed search.
    Plan,
}

/// A ranked document, known from the fast fields.
#[derive(Clone)]
struct Candidate {
    matched: Match,
    score: f32,
    addr: DocAddress,
    path: String,
    section: String,
    kind: Found,
}

impl SearchIndex {
    /// A search of both plan sections and instruments, [`interleave`]d. One search ranks
    /// both (each alternative stays a term query or a conjunction that tantivy prunes); the
    /// candidates are split by type. Only when they hold sections of fewer than `limit` files, and more
    /// documents match, is each type searched alone. Either way the hits are the
    /// best-scored of each type (a type filter adds nothing to a score).
    fn search_interleaved(
        &self,
        req: &SearchRequest,
        opts: &SearchOptions,
    ) -> Result<Vec<Hit>, IndexError> {
        let limit = req.limit;
        let cites = parse(&req.query).cites;
        let plan = self.request_plan(req, opts)?;
        let searcher = self.reader.searcher();
        let n = candidates_for(limit).saturating_add(limit);
        let (found, all) = self.candidates(&searcher, &plan, n)?;
        let of = |k: &[Found]| -> Vec<Candidate> {
            found
                .iter()
                .filter(|c| k.contains(&c.kind))
                .cloned()
                .collect()
        };
        let sections = of(&[Found::Section]);
        let files: BTreeSet<&str> = sections.iter().map(|c| c.path.as_str()).collect();
        // With `limit` files among the candidates, an instrument ranked below them all can
        // never be shown (it takes a place only by outscoring the next section).
        if all || files.len() >= limit {
            let room = instrument_room(limit, files.len());
            let snippets = self.snippets(&searcher, &plan)?;
            let s = self.hits(&searcher, &snippets, &sections, limit, &cites)?;
            let instruments = of(&[Found::Instrument, Found::Observed]);
            let i = self.hits(&searcher, &snippets, &instruments, room, &cites)?;
            return Ok(interleave(s, i, limit));
        }
        let only = |t: &str| SearchOptions {
            doc_type: Some(t.to_string()),
            ..opts.clone()
        };
        let sections = self.search_with(req, &only("section"))?;
        let instruments = self.search_with(
            &SearchRequest {
                limit: instrument_room(limit, sections.len()),
                ..req.clone()
            },
            &only("instrument"),
        )?;
        Ok(interleave(sections, instruments, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snippets split words as the analyzers do, dropping the words they do not index.
    #[test]
    fn snippet_token_limit_is_the_analyzers() {
        let kept = "a".repeat(MAX_TOKEN_BYTES - 1);
        let dropped = "b".repeat(MAX_TOKEN_BYTES);
        let text = format!("{kept} {dropped} c");
        for mut an in [analyzer::exact(), analyzer::folded()] {
            assert_eq!(analyzer::terms(&mut an, &text), [kept.as_str(), "c"]);
        }
        let sn = Snippets {
            fields: Vec::new(),
            words: Snippets::word_splitter(),
        };
        let mut words = sn.words.clone();
        let toks = analyzer::tokens(&mut words, &text);
        let got: Vec<(&str, usize)> = toks.iter().map(|t| (t.text.as_str(), t.position)).collect();
        // Positions count the dropped word, as the index's do.
        assert_eq!(got, [(kept.as_str(), 0), ("c", 2)]);
    }

    #[test]
    fn parse_table() {
        let rows: &[(&str, &str, &[&str], &[&str])] = &[
            ("quoc phong", "quoc phong", &[], &[]),
            ("\"dân quân\" tự vệ", "tự vệ", &["dân quân"], &[]),
            (
                "cites:168/2018/NĐ-CP kế hoạch",
                "kế hoạch",
                &[],
                &["168/2018/NĐ-CP"],
            ),
            (
                "cites:\"Luật Dân quân tự vệ\"",
                "",
                &[],
                &["Luật Dân quân tự vệ"],
            ),
            ("“phòng thủ dân sự”", "", &["phòng thủ dân sự"], &[]),
            ("\"unclosed", "", &["unclosed"], &[]),
        ];
        for (q, free, phrases, cites) in rows {
            let p = parse(q);
            assert_eq!(p.free, *free, "free of {q:?}");
            assert_eq!(p.phrases, *phrases, "phrases of {q:?}");
            assert_eq!(p.cites, *cites, "cites of {q:?}");
        }
    }
}
