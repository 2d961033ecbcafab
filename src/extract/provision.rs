//! The provision just before a type word ("khoản 2 Điều 5 của" before "Nghị định"), read
//! by hand on the folded window before the type word: what the regex
//! `(?i-u)((?:(?:WORDS)\s+[0-9a-z]{1,4}\)?[\s,]*(?:va\s+)?)+)(?:JOINERS)?\s*$` captures in
//! its group 1, without its searches (a reverse pass then a backtracking one for every
//! citation; most windows hold no provision word and are answered by a byte-table pass).
//!
//! The regex's leftmost-first semantics, followed literally: the earliest start where a
//! match to the window's end exists; from there, the first way in priority order (greedy
//! repetitions try the longest first, the alternatives in their order) that reaches the
//! end. Pure: no I/O, never panics.

/// The hand reader of the provision regex, built from the folded provision words and
/// joiners of the tables.
#[derive(Debug, Clone)]
pub(super) struct ProvisionReader {
    /// The provision words ("dieu", "khoan", "phu luc"), in the regex's order, in lower
    /// case.
    words: Vec<Vec<u8>>,
    /// The words between the provision and the type word ("cua", "quy dinh tai"), in lower
    /// case.
    joiners: Vec<Vec<u8>>,
}

/// `\s` of the regex without Unicode: space, tab, line feed, vertical tab, form feed,
/// carriage return (not `u8::is_ascii_whitespace`, which leaves out the vertical tab).
fn space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Does `w` hold `lit` (in lower case) at `p`, ASCII letters in either case (a literal
/// under `(?i-u)`)?
fn literal_at(w: &[u8], p: usize, lit: &[u8]) -> bool {
    w.get(p..p + lit.len())
        .is_some_and(|s| s.iter().zip(lit).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

/// How many bytes just before `p` pass `f`.
fn run_back(w: &[u8], p: usize, f: fn(u8) -> bool) -> usize {
    w[..p].iter().rev().take_while(|&&b| f(b)).count()
}

/// How many bytes from `p` pass `f`, at most `max`.
fn run(w: &[u8], p: usize, max: usize, f: impl Fn(u8) -> bool) -> usize {
    w.get(p..)
        .map_or(0, |s| s.iter().take(max).take_while(|&&b| f(b)).count())
}

impl ProvisionReader {
    /// The reader of the regex made of these words and joiners (folded, as the tables hold
    /// them); None when the regex would read them otherwise than as plain ASCII words (an
    /// empty word, a word with a non-ASCII byte): the regex is then used.
    pub(super) fn new(words: &[String], joiners: &[String]) -> Option<ProvisionReader> {
        // Words ending in white space would let the white space before the last unit's
        // number, or the tail's, be cut otherwise than `leftmost_start` reads it.
        let plain = |w: &String| w.is_ascii() && w.bytes().last().is_some_and(|b| !space(b));
        if words.is_empty() || !words.iter().all(plain) || !joiners.iter().all(plain) {
            return None;
        }
        Some(ProvisionReader {
            words: words
                .iter()
                .map(|w| w.to_ascii_lowercase().into_bytes())
                .collect(),
            joiners: joiners
                .iter()
                .map(|w| w.to_ascii_lowercase().into_bytes())
                .collect(),
        })
    }

    /// The byte range of the regex's group 1 in `w` (None when the regex finds no match).
    pub(super) fn find(&self, w: &[u8]) -> Option<(usize, usize)> {
        let s = self.leftmost_start(w)?;
        // `star[q]`: 0 not yet known, 1 no way on, 2 + e the end of the repetition from a
        // unit ending at `q` (on the stack for the windows of the extractor, 80 bytes).
        let mut stack = [0u32; 128];
        let mut heap: Vec<u32> = Vec::new();
        let star: &mut [u32] = match stack.get_mut(..=w.len()) {
            Some(s) => s,
            None => {
                heap.resize(w.len() + 1, 0);
                &mut heap
            }
        };
        let mut found = None;
        self.units(w, s, &mut |q| {
            found = self.star(w, q, star);
            found.is_some()
        });
        found.map(|e| (s, e))
    }

    /// Where the regex's match starts: the leftmost start of a run of units that a tail
    /// ends. Read back from the window's end as the regex's reverse search does: the white
    /// space of the tail, a joiner or not; then, from each place a unit may end, the units
    /// ending there (`va` and white space or not, `[\s,]*`, `)` or not, one to four letters
    /// or digits after white space, a provision word: each part's extent is forced, the
    /// byte before it being none of its own), their starts being places where an earlier
    /// unit may end. Most windows are answered after a few bytes.
    fn leftmost_start(&self, w: &[u8]) -> Option<usize> {
        fn comma(b: u8) -> bool {
            space(b) || b == b','
        }
        // The starts of the units `WORD\s+[0-9a-z]{1,4}\)?` ending at `p`.
        let before_number = |p: usize, out: &mut dyn FnMut(usize)| {
            let p = if p > 0 && w[p - 1] == b')' { p - 1 } else { p };
            let a = p - run_back(w, p, |b: u8| b.is_ascii_alphanumeric());
            let s = a - run_back(w, a, space);
            if (1..=4).contains(&(p - a)) && s < a {
                for word in &self.words {
                    if s >= word.len() && literal_at(w, s - word.len(), word) {
                        out(s - word.len());
                    }
                }
            }
        };
        // The starts of the units ending at `q`: `[\s,]*` or `[\s,]*va\s+` after the number.
        let unit_starts = |q: usize, out: &mut dyn FnMut(usize)| {
            before_number(q - run_back(w, q, comma), out);
            let v = q - run_back(w, q, space);
            if v < q && v >= 2 && literal_at(w, v - 2, b"va") {
                before_number(v - 2 - run_back(w, v - 2, comma), out);
            }
        };
        let mut seen_stack = [false; 128];
        let mut seen_heap: Vec<bool> = Vec::new();
        let seen: &mut [bool] = match seen_stack.get_mut(..=w.len()) {
            Some(s) => s,
            None => {
                seen_heap.resize(w.len() + 1, false);
                &mut seen_heap
            }
        };
        // The places the last unit may end: without a joiner anywhere in the white space
        // closing the window (`va\s+` taking some of it; read back from the window's end,
        // all give the same units); before a joiner ending where that white space starts
        // (its last byte is none).
        let t = w.len() - run_back(w, w.len(), space);
        let mut ends: Vec<usize> = Vec::new();
        let mut start = None;
        let mut reach = |u: usize, ends: &mut Vec<usize>| {
            start = Some(start.map_or(u, |m: usize| m.min(u)));
            if !seen[u] {
                seen[u] = true;
                ends.push(u);
            }
        };
        unit_starts(w.len(), &mut |u| reach(u, &mut ends));
        for j in &self.joiners {
            if t >= j.len() && literal_at(w, t - j.len(), j) {
                unit_starts(t - j.len(), &mut |u| reach(u, &mut ends));
            }
        }
        while let Some(q) = ends.pop() {
            unit_starts(q, &mut |u| reach(u, &mut ends));
        }
        start
    }

    /// The repetition after a unit ended at `q`, greedy: another unit first (the first
    /// way on that succeeds), else its end when the tail matches from there.
    fn star(&self, w: &[u8], q: usize, memo: &mut [u32]) -> Option<usize> {
        match memo[q] {
            0 => {}
            1 => return None,
            e => return Some(e as usize - 2),
        }
        let mut found = None;
        self.units(w, q, &mut |q2| {
            found = self.star(w, q2, memo);
            found.is_some()
        });
        if found.is_none() && self.tail(w, q) {
            found = Some(q);
        }
        memo[q] = found.map_or(1, |e| e as u32 + 2);
        found
    }

    /// `(?:JOINERS)?\s*$` from `q`: white space to the end, after a joiner or not.
    fn tail(&self, w: &[u8], q: usize) -> bool {
        let spaces_to_end = |p: usize| w.get(p..).is_some_and(|r| r.iter().all(|&b| space(b)));
        spaces_to_end(q)
            || self
                .joiners
                .iter()
                .any(|j| literal_at(w, q, j) && spaces_to_end(q + j.len()))
    }

    /// The ends of one unit `(?:WORDS)\s+[0-9a-z]{1,4}\)?[\s,]*(?:va\s+)?` from `p`, in the
    /// regex's order of preference, to `k` until it returns true.
    fn units(&self, w: &[u8], p: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        for word in &self.words {
            if !literal_at(w, p, word) {
                continue;
            }
            let p1 = p + word.len();
            for n in (1..=run(w, p1, usize::MAX, space)).rev() {
                let p2 = p1 + n;
                for m in (1..=run(w, p2, 4, |b| b.is_ascii_alphanumeric())).rev() {
                    let p3 = p2 + m;
                    let paren = w.get(p3) == Some(&b')');
                    for p4 in [p3 + 1, p3].into_iter().skip(usize::from(!paren)) {
                        for c in (0..=run(w, p4, usize::MAX, |b| space(b) || b == b',')).rev() {
                            let p5 = p4 + c;
                            if literal_at(w, p5, b"va") {
                                let after = run(w, p5 + 2, usize::MAX, space);
                                for v in (1..=after).rev() {
                                    if k(p5 + 2 + v) {
                                        return true;
                                    }
                                }
                            }
                            if k(p5) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::bytes::Regex;

    fn words(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// The regex the reader replaces, as `Regexes::new` builds it.
    fn regex(words: &[String], joiners: &[String]) -> Regex {
        let alt = |v: &[String]| {
            v.iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        };
        Regex::new(&format!(
            r"(?i-u)((?:(?:{})\s+[0-9a-z]{{1,4}}\)?[\s,]*(?:va\s+)?)+)(?:{})?\s*$",
            alt(words),
            alt(joiners)
        ))
        .unwrap()
    }

    fn by_regex(re: &Regex, w: &[u8]) -> Option<(usize, usize)> {
        let m = re.captures(w)?;
        let g = m.get(1)?;
        Some((g.start(), g.end()))
    }

    fn tables() -> (Vec<String>, Vec<String>) {
        let t = crate::extract::tables::Tables::builtin();
        (
            t.words.provision_words.clone(),
            t.words.provision_joiners.clone(),
        )
    }

    #[test]
    fn reader_is_the_regex_table() {
        let (w, j) = tables();
        let re = regex(&w, &j);
        let reader = ProvisionReader::new(&w, &j).unwrap();
        let rows: &[(&str, Option<&str>)] = &[
            ("can cu khoan 2 dieu 5 cua ", Some("khoan 2 dieu 5 ")),
            (
                "theo quy dinh tai diem a khoan 1 dieu 3 ",
                Some("diem a khoan 1 dieu 3 "),
            ),
            (
                "dieu 5, dieu 6 va dieu 7 cua ",
                Some("dieu 5, dieu 6 va dieu 7 "),
            ),
            ("khoan 2 dieu 5 quy dinh tai ", Some("khoan 2 dieu 5 ")),
            ("phu luc ii kem theo ", None),
            ("phu luc ii ", Some("phu luc ii ")),
            ("Dieu 12) ,, Va  ", Some("Dieu 12) ,, Va  ")),
            ("muc 12345 ", None),
            ("muc 1234 ", Some("muc 1234 ")),
            ("chuong iv\x0b", Some("chuong iv\x0b")),
            ("khoan 1dieu 2 ", Some("khoan 1dieu 2 ")),
            ("dieu 5 cua luat ", None),
            ("can cu ", None),
            ("", None),
            ("dieu", None),
            ("dieu 5", Some("dieu 5")),
            ("dieu 5 va", None),
            ("dieu 5 vacua ", None),
            ("dieu 5 va cua ", Some("dieu 5 va ")),
            ("xdieu 5 ", Some("dieu 5 ")),
        ];
        for (text, want) in rows {
            let want = want.map(|p| {
                let s = text.find(p).unwrap();
                (s, s + p.len())
            });
            assert_eq!(reader.find(text.as_bytes()), want, "{text:?}");
            assert_eq!(by_regex(&re, text.as_bytes()), want, "{text:?}");
        }
    }

    /// Random windows over the bytes the regex looks at (pieces of the words and joiners,
    /// digits, letters, ")", ",", every white space, non-ASCII bytes): the reader finds
    /// what the regex captures, with the built-in words and with words that overlap.
    #[test]
    fn reader_is_the_regex_on_random_windows() {
        let pieces: &[&[u8]] = &[
            b"dieu",
            b"DIEU",
            b"khoan",
            b"diem",
            b"muc",
            b"chuong",
            b"phu luc",
            b"cua",
            b"tai",
            b"theo",
            b"quy dinh tai",
            b"va",
            b"Va",
            b" ",
            b"  ",
            b"\t",
            b"\n",
            b"\x0b",
            b"\x0c",
            b"\r",
            b"1",
            b"12",
            b"2a",
            b"iv",
            b"x",
            b")",
            b",",
            b", ",
            b"\xc3\xa0",
            b"d",
            b"5 ",
        ];
        let (w, j) = tables();
        let sets = [
            (w, j),
            (
                words(&["dieu", "dieu khoan", "d"]),
                words(&["cua", "cua luat"]),
            ),
            (words(&["muc"]), Vec::new()),
        ];
        for (w, j) in &sets {
            let re = regex(w, j);
            let reader = ProvisionReader::new(w, j).unwrap();
            // The set's own words, twice as likely as the others.
            let own: Vec<&[u8]> = w.iter().chain(j).map(|s| s.as_bytes()).collect();
            let pieces: Vec<&[u8]> = pieces
                .iter()
                .copied()
                .chain(own.clone())
                .chain(own)
                .collect();
            let mut x: u64 = 0x0123_4567_89AB_CDEF;
            let mut found = 0;
            for _ in 0..100_000 {
                x = crate::testing::xorshift(x);
                let n = (x % 14) as usize;
                let mut text: Vec<u8> = Vec::new();
                for _ in 0..n {
                    x = crate::testing::xorshift(x);
                    text.extend_from_slice(pieces[(x % pieces.len() as u64) as usize]);
                }
                let want = by_regex(&re, &text);
                found += usize::from(want.is_some());
                assert_eq!(
                    reader.find(&text),
                    want,
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
            }
            assert!(found > 1000, "only {found} random windows held a provision");
        }
    }

    /// The windows of real texts (the 80 bytes before every place of their folded text):
    /// the reader finds what the regex captures.
    #[test]
    fn reader_is_the_regex_on_real_windows() {
        let (w, j) = tables();
        let re = regex(&w, &j);
        let reader = ProvisionReader::new(&w, &j).unwrap();
        let texts = [
            include_str!("../../tests/fixtures/ke-hoach-qpdp-2024-xa-xuan-luong.txt"),
            "Căn cứ khoản 2 Điều 5, điểm a khoản 1 Điều 7 và Điều 9 của Nghị định số 1; theo quy định tại Phụ lục II Chương IV Mục 3 Thông tư 2",
        ];
        let mut found = 0;
        for text in texts {
            let f = crate::normalize::fold_key(text);
            let b = f.as_bytes();
            for a in 0..=b.len() {
                let lo = a.saturating_sub(80);
                let want = by_regex(&re, &b[lo..a]);
                found += usize::from(want.is_some());
                assert_eq!(reader.find(&b[lo..a]), want, "{:?}", &f[..a]);
            }
        }
        assert!(found > 50, "only {found} real windows held a provision");
    }

    #[test]
    fn words_the_regex_reads_otherwise_keep_the_regex() {
        let rows: &[(&[&str], &[&str], bool)] = &[
            (&["dieu"], &["cua"], true),
            (&["dieu"], &[], true),
            (&[], &["cua"], false),
            (&[""], &["cua"], false),
            (&["dieu"], &[""], false),
            (&["dieu "], &["cua"], false),
            (&["dieu"], &["cua\t"], false),
            (&[" dieu"], &[" cua"], true),
            (&["điều"], &["cua"], false),
        ];
        for (w, j, reads) in rows {
            assert_eq!(
                ProvisionReader::new(&words(w), &words(j)).is_some(),
                *reads,
                "{w:?} {j:?}"
            );
        }
    }
}
