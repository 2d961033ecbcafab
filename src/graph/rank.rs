//! Which items of a plan a task typed by a user is about ("kiện toàn tổ chức bộ máy làm
//! công tác dân số"): BM25 over each item's heading and own text, tokenized with the same
//! Vietnamese analyzer as `search` ([`crate::index::analyzer::folded`]: words, so
//! punctuation and word order do not matter; folded, so diacritics are optional).
//!
//! Score of an item = BM25(heading) + BM25(text) + ½ × BM25(word pairs of the text): the
//! heading's words count twice (they are in the text too), words in the query's order a
//! little more. An item's text is its whole subtree (a task written as points a), b), c)
//! under "1. Sở Tài chính" is found at the item); a part ("II. NHIỆM VỤ") counts only its
//! own text, or it would hold every task under it; a point's heading is its first sentence,
//! so it gets no heading bonus. Abbreviations are expanded both ways as `search` does
//! ([`crate::index::abbrev::variants`]).
//!
//! Items and their points: a point ("a)") is one duty of its item ("1. Sở Tài chính"); when
//! the item scores within a tenth of its point, the item goes just before it (a near tie is
//! the item's task, and the item's basis holds the point's); a point that alone matches
//! clearly better stays first. A sub-item ("1.1.") is a topic whose points are its tasks:
//! a point close behind that holds more of the query's words than the sub-item's own
//! heading and text goes first.
//!
//! Done in-process over the outline rather than with an in-memory tantivy index: a plan has
//! tens to a few hundred items, counting their terms is instant, and the field weights are
//! one line here where tantivy would need a schema, a writer, a reader and a boosted
//! query per field for the same BM25. Pure, no I/O.

use crate::index::analyzer::{folded, pair_terms, terms};
use crate::outline::Outline;
use serde::Serialize;
use std::collections::HashMap;

/// One item ranked for a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub path: String,
    pub line: usize,
    pub score: f32,
}

const K1: f32 = 1.2;
/// Length normalisation: lower than the usual 0.75, so an item is not pushed below its own
/// points because its text holds theirs.
const B: f32 = 0.5;
const HEADING_WEIGHT: f32 = 1.0;
const PAIR_WEIGHT: f32 = 0.5;
/// How close an item's score must come to its point's for the item to go first.
const PARENT_SHARE: f32 = 0.9;
/// Outline levels ([`crate::outline::Section::level`]).
const PART: u8 = 1;
const SUB: u8 = 3;
const POINT: u8 = 5;

/// One field of every item: term counts and lengths.
struct Field {
    counts: Vec<HashMap<String, u32>>,
    lens: Vec<f32>,
    avg: f32,
    df: HashMap<String, u32>,
}

impl Field {
    fn new(docs: Vec<Vec<String>>) -> Field {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut counts = Vec::with_capacity(docs.len());
        let mut lens = Vec::with_capacity(docs.len());
        for d in docs {
            let mut c: HashMap<String, u32> = HashMap::new();
            lens.push(d.len() as f32);
            for t in d {
                *c.entry(t).or_default() += 1;
            }
            for t in c.keys() {
                *df.entry(t.clone()).or_default() += 1;
            }
            counts.push(c);
        }
        let avg = if lens.is_empty() {
            1.0
        } else {
            (lens.iter().sum::<f32>() / lens.len() as f32).max(1.0)
        };
        Field {
            counts,
            lens,
            avg,
            df,
        }
    }

    fn score(&self, i: usize, query: &[String]) -> f32 {
        let n = self.counts.len() as f32;
        let mut s = 0.0;
        for t in query {
            let Some(&tf) = self.counts[i].get(t) else {
                continue;
            };
            let df = self.df.get(t).copied().unwrap_or(0) as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let tf = tf as f32;
            let norm = K1 * (1.0 - B + B * self.lens[i] / self.avg);
            s += idf * tf * (K1 + 1.0) / (tf + norm);
        }
        s
    }
}

/// The plan's items ranked for `query`, best first; items no word of the query matches are
/// left out (an empty list is "no match"). Ties keep the text's order.
pub fn rank(outline: &Outline, text: &str, query: &str) -> Vec<Ranked> {
    let mut analyzer = folded();
    let mut q = terms(&mut analyzer, query);
    let mut q_pairs = pair_terms(&q);
    // Abbreviations both ways, as `search` expands them ("DQTV" ~ "dân quân tự vệ").
    for v in crate::index::abbrev::variants(crate::index::abbrev::table(), query) {
        q_pairs.extend(pair_terms(&v));
        q.extend(v);
    }
    q.sort();
    q.dedup();
    q_pairs.sort();
    q_pairs.dedup();
    if q.is_empty() || outline.sections.is_empty() {
        return Vec::new();
    }
    let mut headings = Vec::new();
    let mut bodies = Vec::new();
    let mut pairs = Vec::new();
    // How many of the query's words an item's own text (heading and text up to its first
    // sub-item) holds, and its whole text.
    let mut cover: HashMap<&str, (usize, usize)> = HashMap::new();
    let covered = |t: &[String]| q.iter().filter(|w| t.contains(w)).count();
    for s in &outline.sections {
        // A point's heading is its own first sentence, already in its text: not counted
        // twice.
        headings.push(if s.level >= POINT {
            Vec::new()
        } else {
            terms(&mut analyzer, &s.heading)
        });
        let end = if s.level == PART {
            s.end
        } else {
            outline.range(&s.path, text.len()).map_or(s.end, |r| r.1)
        };
        let t = terms(&mut analyzer, text.get(s.start..end).unwrap_or(""));
        let own = if end == s.end {
            covered(&t)
        } else {
            covered(&terms(
                &mut analyzer,
                text.get(s.start..s.end).unwrap_or(""),
            ))
        };
        cover.insert(s.path.as_str(), (own, covered(&t)));
        pairs.push(pair_terms(&t));
        bodies.push(t);
    }
    let headings = Field::new(headings);
    let bodies = Field::new(bodies);
    let pairs = Field::new(pairs);
    let mut out: Vec<Ranked> = outline
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| Ranked {
            path: s.path.clone(),
            line: s.line,
            score: HEADING_WEIGHT * headings.score(i, &q)
                + bodies.score(i, &q)
                + PAIR_WEIGHT * pairs.score(i, &q_pairs),
        })
        .filter(|r| r.score > 0.0)
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    parents_before_points(outline, &mut out);
    words_in_sub_item(outline, &cover, &mut out);
    out
}

/// How close a sub-item's score must come to its item's for the sub-item to go first.
const CHILD_SHARE: f32 = 0.5;

/// A sub-item ("1.1.", "1.1.1.") is a topic and its points are its tasks ("I.2.1. Thu ngân
/// sách" holds "b) Đánh giá nguyên nhân tăng, giảm thu"), while an item "1." with points is
/// usually one agency's or level's duties, kept together by [`parents_before_points`].
/// The sub-item's text holds its points': when a point (or deeper item) close behind it
/// ([`CHILD_SHARE`]) holds more of the query's words than the sub-item's own heading and
/// text, the words are the point's and it goes first. `cover`: path → (query words in the
/// own text, in the whole text).
fn words_in_sub_item(outline: &Outline, cover: &HashMap<&str, (usize, usize)>, out: &mut [Ranked]) {
    let level = |path: &str| outline.find(path).map_or(0, |s| s.level);
    let own = |p: &str| cover.get(p).map_or(0, |c| c.0);
    let whole = |p: &str| cover.get(p).map_or(0, |c| c.1);
    for i in 0..out.len() {
        // Each move puts a deeper item at `i`: at most one per level.
        while let Some(j) = (i + 1..out.len()).find(|&j| {
            level(&out[i].path) >= SUB
                && crate::outline::is_within(&out[j].path, &out[i].path)
                && out[j].path != out[i].path
                && out[j].score >= CHILD_SHARE * out[i].score
                && whole(&out[j].path) > own(&out[i].path)
        }) {
            out[i..=j].rotate_right(1);
        }
    }
}

/// A point ("a)", "b)") is one duty of its item ("1. Sở Tài chính", "2. Cấp xã"): when the
/// item's text matches the task nearly as well as the point's ([`PARENT_SHARE`] of its
/// score), the item is the task asked about, and it goes just before its point (its basis
/// holds the point's). A point that alone matches clearly better stays first.
fn parents_before_points(outline: &Outline, out: &mut Vec<Ranked>) {
    let level = |path: &str| outline.find(path).map_or(0, |s| s.level);
    let mut i = 0;
    while i < out.len() {
        if level(&out[i].path) < POINT {
            i += 1;
            continue;
        }
        let parent = out[i].path.rsplit_once('.').map(|(p, _)| p.to_string());
        let found = parent.and_then(|p| out.iter().position(|r| r.path == p));
        match found {
            Some(j) if j > i && out[j].score >= PARENT_SHARE * out[i].score => {
                let item = out.remove(j);
                out.insert(i, item);
                i += 2;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::outline;

    const PLAN: &str = "I. MỤC ĐÍCH\n1. Mục đích\nNâng cao nhận thức.\nII. NHIỆM VỤ\n1. Củng cố, kiện toàn tổ chức bộ máy làm công tác dân số\nRà soát, sắp xếp đội ngũ.\n2. Quản lý đất quốc phòng\nPhối hợp quản lý chặt chẽ.\n3. Truyền thông\nTuyên truyền về dân số và phát triển.\n";

    /// (query, expected best path); None: no match.
    #[test]
    fn rank_table() {
        let o = outline(PLAN);
        let rows = [
            ("kiện toàn tổ chức bộ máy làm công tác dân số", Some("II.1")),
            ("Củng cố, kiện toàn", Some("II.1")),
            ("kien toan bo may", Some("II.1")),
            ("bộ máy tổ chức kiện toàn", Some("II.1")),
            ("quan ly dat quoc phong", Some("II.2")),
            ("tuyên truyền dân số", Some("II.3")),
            ("nâng cao nhận thức", Some("I.1")),
            ("xyz qwerty", None),
            ("", None),
        ];
        for (q, want) in rows {
            let r = rank(&o, PLAN, q);
            assert_eq!(r.first().map(|x| x.path.as_str()), want, "{q}: {r:?}");
        }
    }

    /// Items and their points: an item scoring nearly as well as its point (within
    /// [`PARENT_SHARE`]) goes just before it; a point that alone matches clearly better
    /// stays first. Rows: (ranking by score, order after).
    #[test]
    fn items_before_points_table() {
        let plan = "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\na) Thẩm định dự toán.\nb) Bố trí vốn.\n2. Sở Y tế\na) Cấp thuốc.\n";
        let o = outline(plan);
        type Row<'a> = (&'a [(&'a str, f32)], &'a [&'a str]);
        let rows: [Row; 4] = [
            (
                &[("I.1.a", 10.0), ("I.2", 9.5), ("I.1", 9.4)],
                &["I.1", "I.1.a", "I.2"],
            ),
            (
                &[("I.1.a", 10.0), ("I.2", 9.5), ("I.1", 8.0)],
                &["I.1.a", "I.2", "I.1"],
            ),
            (&[("I.1", 10.0), ("I.1.a", 9.9)], &["I.1", "I.1.a"]),
            (
                &[("I.2.a", 5.0), ("I.1.a", 4.9), ("I.2", 4.8), ("I.1", 4.7)],
                &["I.2", "I.2.a", "I.1", "I.1.a"],
            ),
        ];
        for (ranked, want) in rows {
            let mut out: Vec<Ranked> = ranked
                .iter()
                .map(|&(p, score)| Ranked {
                    path: p.to_string(),
                    line: 0,
                    score,
                })
                .collect();
            parents_before_points(&o, &mut out);
            let got: Vec<&str> = out.iter().map(|r| r.path.as_str()).collect();
            assert_eq!(got, want, "{ranked:?}");
        }
    }

    /// A sub-item and its points: a point close behind that holds more query words than
    /// the sub-item's own heading and text goes first; an item "1." keeps its points behind. Rows: (ranking by score, (path, own words, whole words), order after).
    #[test]
    fn points_of_sub_items_table() {
        let plan = "I. TÌNH HÌNH
1. Ngân sách
1.1. Thu ngân sách
a) Tình hình thu.
b) Nguyên nhân giảm thu.
2. Sở Tài chính
a) Thẩm định dự toán.
";
        let o = outline(plan);
        type Row<'a> = (
            &'a [(&'a str, f32)],
            &'a [(&'a str, usize, usize)],
            &'a [&'a str],
        );
        let rows: [Row; 5] = [
            // The point holds all three words, the sub-item's heading one.
            (
                &[("I.1.1", 10.0), ("I.1", 9.0), ("I.1.1.b", 8.0)],
                &[("I.1.1", 1, 3), ("I.1", 0, 3), ("I.1.1.b", 3, 3)],
                &["I.1.1.b", "I.1.1", "I.1"],
            ),
            // Other points hold words this one lacks; it still holds more than the heading.
            (
                &[("I.1.1", 10.0), ("I.1.1.b", 8.0)],
                &[("I.1.1", 1, 3), ("I.1.1.b", 2, 2)],
                &["I.1.1.b", "I.1.1"],
            ),
            // The sub-item's own heading holds as many words: it stays first.
            (
                &[("I.1.1", 10.0), ("I.1.1.b", 8.0)],
                &[("I.1.1", 2, 2), ("I.1.1.b", 2, 2)],
                &["I.1.1", "I.1.1.b"],
            ),
            // The point is far behind.
            (
                &[("I.1.1", 10.0), ("I.1.1.b", 4.0)],
                &[("I.1.1", 0, 2), ("I.1.1.b", 2, 2)],
                &["I.1.1", "I.1.1.b"],
            ),
            // An item "2." with points: its duties stay together under it.
            (
                &[("I.2", 10.0), ("I.2.a", 9.0)],
                &[("I.2", 0, 2), ("I.2.a", 2, 2)],
                &["I.2", "I.2.a"],
            ),
        ];
        for (ranked, cover, want) in rows {
            let mut out: Vec<Ranked> = ranked
                .iter()
                .map(|&(p, score)| Ranked {
                    path: p.to_string(),
                    line: 0,
                    score,
                })
                .collect();
            let cover: HashMap<&str, (usize, usize)> =
                cover.iter().map(|&(p, a, b)| (p, (a, b))).collect();
            words_in_sub_item(&o, &cover, &mut out);
            let got: Vec<&str> = out.iter().map(|r| r.path.as_str()).collect();
            assert_eq!(got, want, "{ranked:?}");
        }
    }

    /// Abbreviations of the table are expanded ("Sở KHCN" finds "Sở Khoa học và Công
    /// nghệ").
    #[test]
    fn abbreviations_table() {
        let plan = "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nBố trí kinh phí.\n2. Sở Khoa học và Công nghệ\nChủ trì, theo dõi, đôn đốc.\n3. Sở Công Thương\nHỗ trợ doanh nghiệp nhỏ và vừa.\n";
        let o = outline(plan);
        for (q, want) in [("nhiệm vụ Sở KHCN", "I.2"), ("ho tro DNNVV", "I.3")] {
            let r = rank(&o, plan, q);
            assert_eq!(r.first().map(|x| x.path.as_str()), Some(want), "{q}: {r:?}");
        }
    }
}
