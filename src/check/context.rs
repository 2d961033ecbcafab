//! Where a citation's status does not matter, so the time rules (C0302, C0303, C0305,
//! C0306, C0307) say nothing: an instrument named as the amender of another ("… được sửa
//! đổi, bổ sung bởi Luật số …, Luật số … và Luật số …"), a clause about texts that end
//! ("… hết hiệu lực kể từ ngày …", "Bãi bỏ Quyết định số …"), a historical or transitional
//! mention ("đã được cấp theo quy định tại Luật … số 40/2009/QH12", an article "Điều khoản
//! chuyển tiếp"), and whole documents whose citations are records, not claims (a
//! consolidated text, a catalogue of texts and their status).
//!
//! The phrases are data (`[status_context]` of `corpus/check.toml`, with the clause phrases
//! of `[time] passing`), matched on the folded words of the text. One pass over the
//! document builds the ranges where status is moot; each citation is then looked up by
//! binary search: linear in the text, no loop over pairs.
//!
//! No I/O; never panics.

use crate::model::{Citation, Kind};
use crate::normalize::Folded;
use std::collections::HashMap;
use std::sync::OnceLock;

const CHECK_TOML: &str = include_str!("../../corpus/check.toml");

/// The phrases of `corpus/check.toml` this module reads.
#[derive(Debug, serde::Deserialize)]
struct Data {
    status_context: StatusContext,
    time: Passing,
}

#[derive(Debug, serde::Deserialize)]
struct Passing {
    passing: Vec<String>,
}

/// Folded phrases, by how far each reaches (see `corpus/check.toml`).
#[derive(Debug, serde::Deserialize)]
struct StatusContext {
    /// From the phrase's end to the clause's end, while the instruments named are of one
    /// kind: the amenders listed after "được sửa đổi, bổ sung bởi".
    amender: Vec<String>,
    /// The whole clause (with `[time] passing`).
    clause: Vec<String>,
    /// From the phrase to the next article's heading ("Điều N").
    article: Vec<String>,
    /// The whole document, when found in its first [`HEAD`] bytes.
    document: Vec<String>,
    #[allow(dead_code)]
    verified: bool,
}

/// How far a phrase makes status moot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Amender,
    Clause,
    Article,
    Document,
}

/// The phrases as word lists, indexed by their first word.
struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, Reach)>>,
}

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let data: Data =
            toml::from_str(CHECK_TOML).expect("corpus/check.toml parses (checked by tests)");
        let sc = &data.status_context;
        let lists = [
            (&sc.amender, Reach::Amender),
            (&sc.clause, Reach::Clause),
            (&data.time.passing, Reach::Clause),
            (&sc.article, Reach::Article),
            (&sc.document, Reach::Document),
        ];
        let mut by_first: HashMap<String, Vec<(Vec<String>, Reach)>> = HashMap::new();
        for (list, reach) in lists {
            for p in list {
                let words: Vec<String> = p.split_whitespace().map(str::to_string).collect();
                if let Some(first) = words.first() {
                    by_first
                        .entry(first.clone())
                        .or_default()
                        .push((words, reach));
                }
            }
        }
        Phrases { by_first }
    })
}

/// How far into a document its title and the consolidation footnote are looked for.
const HEAD: usize = 3000;

/// A word of the folded text: its folded byte range, and whether it is the first on its
/// line (nothing but white space or Markdown '#' before it).
struct Word {
    start: usize,
    end: usize,
    first_on_line: bool,
}

/// A range of the original text where status is moot; `one_kind`: only while the
/// instruments named in it are of the kind of the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    start: usize,
    end: usize,
    one_kind: bool,
}

/// Where a clause ends in the folded text at byte `i`: ';', '|' (a table cell), '.' before
/// white space or the end, a blank line.
fn clause_break(b: &[u8], i: usize) -> bool {
    match b[i] {
        b';' | b'|' => true,
        b'.' => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
        b'\n' => {
            let mut j = i + 1;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\r') {
                j += 1;
            }
            b.get(j) == Some(&b'\n')
        }
        _ => false,
    }
}

/// Whether the word at `k` opens an article's heading: "Điều" first on its line, then its
/// number.
fn article_heading(f: &[u8], lower: &str, words: &[Word], k: usize) -> bool {
    let w = &words[k];
    w.first_on_line
        && &lower[w.start..w.end] == "dieu"
        && words
            .get(k + 1)
            .is_some_and(|n| f[n.start..n.end].iter().all(|c| c.is_ascii_digit()))
}

/// The ranges of `text` (original bytes) where status is moot, sorted by start.
fn ranges(text: &str) -> Vec<Range> {
    let folded = Folded::new(text);
    let f = folded.text.as_bytes();
    // Words are runs of ASCII letters and digits, so lowercasing keeps every offset.
    let lower = folded.text.to_ascii_lowercase();
    let word = |w: &Word| &lower[w.start..w.end];
    let p = phrases();
    // The words of the folded text, and where each clause ends (index of its first word
    // after the break).
    let mut words: Vec<Word> = Vec::new();
    let mut breaks: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut line_blank = true;
    while i < f.len() {
        if f[i].is_ascii_alphanumeric() {
            let s = i;
            while i < f.len() && f[i].is_ascii_alphanumeric() {
                i += 1;
            }
            words.push(Word {
                start: s,
                end: i,
                first_on_line: line_blank,
            });
            line_blank = false;
            continue;
        }
        match f[i] {
            b'\n' => line_blank = true,
            b' ' | b'\t' | b'\r' | b'#' => {}
            _ => line_blank = false,
        }
        if clause_break(f, i) && breaks.last() != Some(&words.len()) {
            breaks.push(words.len());
        }
        i += 1;
    }
    let mut out: Vec<Range> = Vec::new();
    let mut article_from: Option<usize> = None;
    let mut clause = 0; // index into `breaks` of the current clause's end
    let mut clause_start = 0; // folded start of the current clause
    for k in 0..words.len() {
        while clause < breaks.len() && breaks[clause] <= k {
            clause_start = words[breaks[clause]].start;
            clause += 1;
        }
        // The clause's end: the break after its last word, else the text's end.
        let clause_end = match breaks.get(clause) {
            Some(&w) if w > 0 => words[w - 1].end,
            _ => f.len(),
        };
        if article_heading(f, &lower, &words, k) {
            if let Some(a) = article_from.take() {
                out.push(orig(&folded, a, words[k].start, false));
            }
        }
        let Some(cands) = p.by_first.get(word(&words[k])) else {
            continue;
        };
        for (phrase, reach) in cands {
            let hit = words.len() >= k + phrase.len()
                && phrase
                    .iter()
                    .zip(&words[k..])
                    .all(|(a, b)| a == word(b))
                // A phrase does not cross a clause's end.
                && breaks
                    .get(clause)
                    .is_none_or(|&b| b >= k + phrase.len());
            if !hit {
                continue;
            }
            let last = words[k + phrase.len() - 1].end;
            match reach {
                Reach::Amender => out.push(orig(&folded, last, clause_end, true)),
                Reach::Clause => out.push(orig(&folded, clause_start, clause_end, false)),
                Reach::Article => {
                    article_from.get_or_insert(words[k].start);
                }
                Reach::Document if words[k].start < HEAD => {
                    return vec![Range {
                        start: 0,
                        end: text.len(),
                        one_kind: false,
                    }];
                }
                Reach::Document => {}
            }
        }
    }
    if let Some(a) = article_from {
        out.push(orig(&folded, a, f.len(), false));
    }
    disjoint(out)
}

/// The ranges made disjoint, sorted by start. Plain ranges overlapping are merged; a
/// one-kind range (from an amender phrase to its clause's end) keeps only what no plain
/// range holds, and a plain range starting inside a one-kind one cuts it there (the part
/// after is then judged: the conservative side).
fn disjoint(mut rs: Vec<Range>) -> Vec<Range> {
    rs.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end), r.one_kind));
    let mut out: Vec<Range> = Vec::with_capacity(rs.len());
    for r in rs {
        let Some(l) = out.last_mut() else {
            out.push(r);
            continue;
        };
        if r.start >= l.end {
            out.push(r);
        } else if !l.one_kind && !r.one_kind {
            l.end = l.end.max(r.end);
        } else if !r.one_kind {
            // A plain range starting inside a one-kind one.
            l.end = r.start;
            out.push(r);
        } else if r.end > l.end {
            // A one-kind range reaching past the last one: the rest of it.
            let start = l.end;
            out.push(Range { start, ..r });
        }
    }
    out.retain(|r| r.start < r.end);
    out
}

fn orig(folded: &Folded, a: usize, b: usize, one_kind: bool) -> Range {
    let (start, end) = folded.span(a, b);
    Range {
        start,
        end,
        one_kind,
    }
}

/// For each citation (same order), whether its status does not matter where it stands.
pub fn moot(text: &str, citations: &[Citation]) -> Vec<bool> {
    let rs = ranges(text);
    // The kind of the first instrument named in each one-kind range.
    let mut first_kind: Vec<Option<Kind>> = vec![None; rs.len()];
    let mut order: Vec<usize> = (0..citations.len()).collect();
    order.sort_by_key(|&i| citations[i].start);
    let mut out = vec![false; citations.len()];
    for i in order {
        let c = &citations[i];
        let n = rs.partition_point(|r| r.start <= c.start);
        let Some(j) = n.checked_sub(1) else { continue };
        let r = rs[j];
        if c.start >= r.end {
            continue;
        }
        out[i] = !r.one_kind || *first_kind[j].get_or_insert(c.kind) == c.kind;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    /// (what broke, text, the cited number, whether its status is moot)
    const ROWS: &[(&str, &str, &str, bool)] = &[
        (
            "amending_chain_names_an_expired_amender",
            "Căn cứ Luật Xử lý vi phạm hành chính số 15/2012/QH13 được sửa đổi, \nbổ sung bởi Luật số 67/2020/QH14, Luật số 11/2022/QH15 và Luật số 88/2025/QH15;",
            "11/2022/QH15",
            true,
        ),
        (
            "amending_chain_last_of_the_list",
            "Căn cứ Luật Điện lực số 61/2024/QH15 được sửa đổi, bổ sung bởi Luật số 94/2025/QH15, Luật số 116/2025/QH15 và Luật số 135/2025/QH15;",
            "135/2025/QH15",
            true,
        ),
        (
            "amending_chain_the_amended_law_is_still_judged",
            "Căn cứ Luật Xử lý vi phạm hành chính số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14;",
            "15/2012/QH13",
            false,
        ),
        (
            "amending_chain_ends_at_the_semicolon",
            "Luật số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14; Nghị định số 118/2021/NĐ-CP được áp dụng.",
            "118/2021/NĐ-CP",
            false,
        ),
        (
            "amending_chain_ends_at_another_kind",
            "theo quy định tại Luật số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14 và Luật số 88/2025/QH15 và Nghị định số 118/2021/NĐ-CP của Chính phủ.",
            "118/2021/NĐ-CP",
            false,
        ),
        (
            "amended_by_decree_with_some_articles",
            "Căn cứ Nghị định số 08/2022/NĐ-CP được sửa đổi, bổ sung một số điều theo Nghị định số 05/2025/NĐ-CP;",
            "05/2025/NĐ-CP",
            true,
        ),
        (
            "a_list_of_texts_that_end",
            "2. Thông tư số 05/2017/TT-BKHĐT ngày 30/11/2017 hết hiệu lực kể từ ngày Thông tư này có hiệu lực.",
            "05/2017/TT-BKHĐT",
            true,
        ),
        (
            "a_repeal",
            "Bãi bỏ Quyết định số 3149/QĐ-UBND ngày 12/10/2020 của Ủy ban nhân dân tỉnh.",
            "3149/QĐ-UBND",
            true,
        ),
        (
            "a_certificate_issued_under_the_old_law",
            "chứng chỉ hành nghề đã được cấp theo quy định tại Luật Khám bệnh, chữa bệnh số 40/2009/QH12, sau đây gọi tắt là giấy phép;",
            "40/2009/QH12",
            true,
        ),
        (
            "a_transitional_article",
            "Điều 20. Điều khoản chuyển tiếp\n\nHồ sơ đã nộp được giải quyết theo Nghị định số 03/2016/NĐ-CP.\n\nĐiều 21. Hiệu lực thi hành\nThực hiện theo Nghị định số 72/2020/NĐ-CP.",
            "03/2016/NĐ-CP",
            true,
        ),
        (
            "the_article_after_the_transitional_one_is_judged",
            "Điều 20. Điều khoản chuyển tiếp\n\nHồ sơ đã nộp được giải quyết theo Nghị định số 03/2016/NĐ-CP.\n\nĐiều 21. Hiệu lực thi hành\nThực hiện theo Nghị định số 72/2020/NĐ-CP.",
            "72/2020/NĐ-CP",
            false,
        ),
        (
            "a_consolidated_text_by_its_footnote",
            "THÔNG TƯ1\nQuy định lộ trình\n\n1 Văn bản này được hợp nhất từ 03 Thông tư sau:\n\nCăn cứ Nghị định số 87/2017/NĐ-CP ngày 26 tháng 7 năm 2017 của Chính phủ;",
            "87/2017/NĐ-CP",
            true,
        ),
        (
            "a_catalogue_of_texts_and_their_status",
            "QUYẾT ĐỊNH\nVề việc công bố kết quả hệ thống hóa văn bản quy phạm pháp luật kỳ 2019 - 2023\n\nThông tư 05/2017/TT-BKHĐT ngày 30/11/2017",
            "05/2017/TT-BKHĐT",
            true,
        ),
        (
            "a_plan_basis_on_a_replaced_decree_is_judged",
            "Căn cứ Nghị định số 03/2016/NĐ-CP ngày 05/01/2016 của Chính phủ quy định chi tiết một số điều của Luật Dân quân tự vệ;",
            "03/2016/NĐ-CP",
            false,
        ),
        (
            "a_plan_applying_a_replaced_law_is_judged",
            "- Vũ khí, trang bị được quản lý đúng quy định; thực hiện theo\nLuật Dân quân tự vệ số 43/2009/QH12 và quy chế quản lý vũ khí của đơn vị.",
            "43/2009/QH12",
            false,
        ),
        // The rows of the former `genre::passing_mention`, which this module replaced.
        (
            "a_law_ending_when_this_code_takes_effect_is_moot",
            "Bộ luật Lao động số 10/2012/QH13 hết hiệu lực kể từ ngày Bộ luật này có hiệu lực.",
            "10/2012/QH13",
            true,
        ),
        (
            "a_basis_before_a_repeal_in_the_next_clause_is_judged",
            "Căn cứ Bộ luật Lao động số 10/2012/QH13; Nghị định này bãi bỏ Nghị định 05/2015/NĐ-CP.",
            "10/2012/QH13",
            false,
        ),
        (
            "a_transitional_mention_is_moot",
            "Người lao động đã tham gia bảo hiểm theo Luật số 58/2014/QH13 trước ngày Luật này có hiệu lực",
            "58/2014/QH13",
            true,
        ),
        (
            "a_plain_basis_is_judged",
            "Căn cứ Luật Bảo hiểm xã hội số 58/2014/QH13;",
            "58/2014/QH13",
            false,
        ),
    ];

    #[test]
    fn status_moot_in_context() {
        for (name, text, number, want) in ROWS {
            let ex = extract(text);
            let i = ex
                .citations
                .iter()
                .position(|c| c.canonical.as_deref() == Some(*number))
                .unwrap_or_else(|| panic!("{name}: {number} is extracted"));
            assert_eq!(moot(text, &ex.citations)[i], *want, "{name}");
        }
    }

    #[test]
    fn a_catalogue_phrase_in_a_plans_body_does_not_make_it_moot() {
        let mut text = String::from("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n\n");
        text.push_str(&"Nội dung công tác chung của đơn vị trong năm. \n".repeat(80));
        text.push_str("Công bố kết quả hệ thống hóa văn bản theo Nghị định số 03/2016/NĐ-CP ngày 05/01/2016.\n");
        text.push_str("Thực hiện theo Nghị định số 72/2020/NĐ-CP ngày 30/6/2020.\n");
        let ex = extract(&text);
        let m = moot(&text, &ex.citations);
        let i = ex
            .citations
            .iter()
            .position(|c| c.canonical.as_deref() == Some("72/2020/NĐ-CP"))
            .expect("72/2020/NĐ-CP is extracted");
        assert!(!m[i]);
    }

    #[test]
    fn ranges_made_disjoint() {
        let r = |start, end, one_kind| Range {
            start,
            end,
            one_kind,
        };
        // (what broke, ranges, disjoint ranges)
        let rows = [
            (
                "two_phrases_in_one_clause",
                vec![r(0, 10, false), r(0, 10, false)],
                vec![r(0, 10, false)],
            ),
            (
                "an_amender_list_inside_a_moot_clause",
                vec![r(5, 10, true), r(0, 10, false)],
                vec![r(0, 10, false)],
            ),
            (
                "two_amender_phrases_in_one_clause",
                vec![r(2, 10, true), r(6, 10, true)],
                vec![r(2, 10, true)],
            ),
            (
                "a_transitional_article_from_inside_an_amender_list",
                vec![r(2, 10, true), r(6, 40, false)],
                vec![r(2, 6, true), r(6, 40, false)],
            ),
            (
                "separate_clauses",
                vec![r(20, 30, false), r(0, 10, true)],
                vec![r(0, 10, true), r(20, 30, false)],
            ),
        ];
        for (name, input, want) in rows {
            assert_eq!(disjoint(input), want, "{name}");
        }
    }

    #[test]
    fn the_phrases_load() {
        let p = phrases();
        assert!(p.by_first.contains_key("sua"));
        assert!(p.by_first.contains_key("het"));
    }
}
