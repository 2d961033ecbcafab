//! Which items of a plan a task typed by a user is about ("kiện toàn tổ chức bộ máy làm
//! công tác dân số"): BM25 over each item's heading and text, tokenized with the same
//! Vietnamese analyzer as `search` ([`crate::index::analyzer::folded`]: words, so
//! punctuation and word order do not matter; folded, so diacritics are optional).
//!
//! Score of an item = BM25(heading) + BM25(text) + BM25(syllable pairs of the text): the
//! heading's words count twice (they are in the text too), and two syllables in the query's
//! order count again, because a Vietnamese word is mostly two syllables ("quốc phòng",
//! "dữ liệu") and one syllable alone ("dữ", "quốc") matches much noise. A point's heading
//! counts like any other ("b) Chi thường xuyên", "a) Nhóm ứng dụng, nền tảng số…"). An
//! item's heading is also read with its abbreviations written out ("Thu NSNN" is "thu ngân
//! sách nhà nước"), and the query both ways, as `search` does
//! ([`crate::index::abbrev::variants`], table in `corpus/registry/abbreviations.toml`).
//!
//! Items and their sub-items: an item's text is its whole subtree (a task written as points
//! a), b), c) under "1. Sở Tài chính" is found at the item) — but the most specific item
//! that holds the query wins. When one of an item's direct sub-items or points holds (all
//! but [`SPREAD`] of) the query's words the item holds, the words are that child's: the
//! item scores no more than just below its best descendant ([`BELOW`]), and no less than
//! its own heading and text alone. The item keeps its whole score when the words are
//! spread over several children, or when its own heading or text holds words no child has
//! ("Ủy ban nhân dân xã, phường" for "xã phường vận động nhận trợ cấp"). A part ("II.
//! NHIỆM VỤ") counts only its own text, or it would hold every task under it.
//!
//! Done in-process over the outline rather than with an in-memory tantivy index: a plan has
//! tens to a few hundred items, counting their terms is instant, and the field weights are
//! one line here where tantivy would need a schema, a writer, a reader and a boosted
//! query per field for the same BM25. Pure, no I/O.

use crate::index::abbrev::{table, variants};
use crate::index::analyzer::{folded, pair_terms, terms};
use crate::outline::{is_within, Outline};
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
const PAIR_WEIGHT: f32 = 1.0;
/// The share of an item's matched query weight (by rarity) that may be missing from its
/// best child for the child to count as holding the query.
const SPREAD: f32 = 0.15;
/// An item whose query one child holds scores at most this share of its best descendant.
const BELOW: f32 = 0.98;
/// Outline levels ([`crate::outline::Section::level`]).
const PART: u8 = 1;

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

    /// How rare a term is among the items.
    fn idf(&self, t: &str) -> f32 {
        let n = self.counts.len() as f32;
        let df = self.df.get(t).copied().unwrap_or(0) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn score(&self, i: usize, query: &[String]) -> f32 {
        let mut s = 0.0;
        for t in query {
            let Some(&tf) = self.counts[i].get(t) else {
                continue;
            };
            let idf = self.idf(t);
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
    for v in variants(table(), query) {
        q_pairs.extend(pair_terms(&v));
        q.extend(v);
    }
    q.sort();
    q.dedup();
    q_pairs.sort();
    q_pairs.dedup();
    let secs = &outline.sections;
    if q.is_empty() || secs.is_empty() {
        return Vec::new();
    }
    let (mut headings, mut wholes, mut owns) = (Vec::new(), Vec::new(), Vec::new());
    for s in secs {
        let mut h = terms(&mut analyzer, &s.heading);
        for v in variants(table(), &s.heading) {
            for t in v {
                if !h.contains(&t) {
                    h.push(t);
                }
            }
        }
        headings.push(h);
        let end = if s.level == PART {
            s.end
        } else {
            outline.range(&s.path, text.len()).map_or(s.end, |r| r.1)
        };
        wholes.push(terms(&mut analyzer, text.get(s.start..end).unwrap_or("")));
        owns.push(terms(&mut analyzer, text.get(s.start..s.end).unwrap_or("")));
    }
    let heading = Field::new(headings);
    let whole_pairs = Field::new(wholes.iter().map(|t| pair_terms(t)).collect());
    let own_pairs = Field::new(owns.iter().map(|t| pair_terms(t)).collect());
    let whole = Field::new(wholes);
    let own = Field::new(owns);
    let h = |i: usize| HEADING_WEIGHT * heading.score(i, &q);
    let mut scores: Vec<f32> = (0..secs.len())
        .map(|i| h(i) + whole.score(i, &q) + PAIR_WEIGHT * whole_pairs.score(i, &q_pairs))
        .collect();
    // The query's weight an item holds in its heading or whole text: the rarity (idf) of
    // each distinct query word it has.
    let held = |i: usize| -> f32 {
        q.iter()
            .filter(|t| whole.counts[i].contains_key(*t) || heading.counts[i].contains_key(*t))
            .map(|t| whole.idf(t))
            .sum()
    };
    // Deepest first: an item's children are settled before it.
    for i in (0..secs.len()).rev() {
        let s = &secs[i];
        if s.level == PART {
            continue;
        }
        let below: Vec<usize> = (i + 1..secs.len())
            .take_while(|&k| is_within(&secs[k].path, &s.path))
            .collect();
        let best_child = below
            .iter()
            .filter(|&&k| secs[k].path.rsplit_once('.').map(|(p, _)| p) == Some(&s.path))
            .map(|&k| held(k))
            .fold(0.0, f32::max);
        let mine = held(i);
        if below.is_empty() || mine - best_child >= SPREAD * mine {
            continue;
        }
        let alone = h(i) + own.score(i, &q) + PAIR_WEIGHT * own_pairs.score(i, &q_pairs);
        let top = below.iter().map(|&k| scores[k]).fold(0.0, f32::max);
        scores[i] = scores[i].min(BELOW * top).max(alone);
    }
    let mut out: Vec<Ranked> = secs
        .iter()
        .zip(scores)
        .map(|(s, score)| Ranked {
            path: s.path.clone(),
            line: s.line,
            score,
        })
        .filter(|r| r.score > 0.0)
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
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

    const NESTED: &str = "I. TÌNH HÌNH NĂM 2025\n1. Ngân sách\na) Thu ngân sách nhà nước\nThu đạt 90% dự toán.\nb) Chi thường xuyên\nChi vượt dự toán do chế độ nghỉ hưu sớm.\nII. NHIỆM VỤ\n1. Ủy ban nhân dân xã, phường\na) Tuyên truyền, vận động người hưởng trợ cấp mở tài khoản.\nb) Thường xuyên cập nhật dữ liệu đối tượng bảo trợ xã hội.\n2. Thu NSNN\nChống thất thu thuế, nợ đọng thuế.\n3. Phát triển các ứng dụng, nền tảng số\na) Nhóm ứng dụng, nền tảng số quy mô quốc gia\nHệ thống quản lý văn bản, trợ lý ảo.\nb) Nhóm ứng dụng của bộ, ngành\nPhần mềm dùng chung của bộ, ngành.\n";

    /// Items and their points, and what broke on real plans (2026-12-07, gold dev2/dev3):
    /// rows (query, the first two paths).
    #[test]
    fn most_specific_item_table() {
        let o = outline(NESTED);
        let rows = [
            // One point holds the words: the point first, its item right behind.
            ("cập nhật dữ liệu bảo trợ xã hội", ["II.1.b", "II.1"]),
            // The item's own heading holds words no point has: the item first.
            (
                "ủy ban nhân dân xã phường vận động trợ cấp",
                ["II.1", "II.1.a"],
            ),
            // The words spread over two points: the item first.
            (
                "ung dung nen tang so quoc gia va cua bo nganh",
                ["II.3", "II.3.a"],
            ),
            // point_heading_ignored: a point's title counted for nothing, and its item
            // (whose text holds the point's) came first.
            ("nền tảng số quốc gia", ["II.3.a", "II.3"]),
            ("chi thường xuyên", ["I.1.b", "I.1"]),
            // abbreviated_heading: "Thu NSNN" did not match "thu ngân sách nhà nước".
            (
                "giải pháp thu ngân sách nhà nước chống thất thu",
                ["II.2", "I.1.a"],
            ),
        ];
        for (q, want) in rows {
            let r = rank(&o, NESTED, q);
            let got: Vec<&str> = r.iter().take(2).map(|x| x.path.as_str()).collect();
            assert_eq!(got, want, "{q}: {r:?}");
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
