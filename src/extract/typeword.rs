//! The type-word anchors ("Nghị định", "quyết\n định") found in one pass over the folded
//! text without a regex: the matches of `(?i-u)\b(?:w1|w2|…)\b`, each `wi` a type word of
//! the tables with `\s+` between its words, in the regex's leftmost-first order, but
//! looked for only where a word starts.
//!
//! Word starts come eight bytes at a time (ASCII letters found with bit arithmetic on a
//! `u64`); at each, the next five bytes are looked up in one table per position, whose
//! entries are bit sets of the type words that byte can continue (a letter in either
//! case, white space between words, a non-word byte after the last); only where some
//! type word survives the five lookups is it compared in full. The tables are built from
//! the type words of `corpus/patterns.toml`; when a type word is not made of ASCII
//! letters and digits (which this scan does not handle), [`TypeWordScan::new`] declines
//! and the extractor keeps the regex.

/// How many bytes from a word start the tables look at.
const UNITS: usize = 5;

/// `\w` of an ASCII regex: the bytes a `\b` tells from the others.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'_';
        i += 1;
    }
    t
};

/// `\s` of an ASCII regex.
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// A scanner for the type words of one table.
pub(super) struct TypeWordScan {
    /// Each type word's words, lower case, in the order of the table (the regex's
    /// alternatives, whose first match at a place wins).
    alts: Vec<Vec<Vec<u8>>>,
    /// `unit[j][c]`: the type words (bits, by index) whose `j`-th byte from the start can
    /// be `c`.
    unit: Box<[[u64; 256]; UNITS]>,
}

impl TypeWordScan {
    /// The scanner for `folded` (the tables' type words, folded, words separated by one
    /// space), or None when it cannot stand for the regex: more than 64 type words, an
    /// empty word, a word of other bytes than ASCII letters and digits, or a type word
    /// not starting with a letter.
    pub(super) fn new<'a>(folded: impl IntoIterator<Item = &'a str>) -> Option<TypeWordScan> {
        let alts: Vec<Vec<Vec<u8>>> = folded
            .into_iter()
            .map(|f| {
                f.split(' ')
                    .map(|w| w.as_bytes().to_ascii_lowercase())
                    .collect()
            })
            .collect();
        let simple = |a: &Vec<Vec<u8>>| {
            a.iter()
                .all(|w| !w.is_empty() && w.iter().all(u8::is_ascii_alphanumeric))
                && a[0][0].is_ascii_alphabetic()
        };
        if alts.is_empty() || alts.len() > 64 || !alts.iter().all(simple) {
            return None;
        }
        let mut unit = Box::new([[0u64; 256]; UNITS]);
        for (k, a) in alts.iter().enumerate() {
            // The byte sets a match goes through, from its first byte: letters in either
            // case, white space between words, a non-word byte (or the end) after it.
            // (set, repeated): white space between words runs on (`\s+`).
            let mut sets: Vec<(Vec<u8>, bool)> = Vec::new();
            for (j, w) in a.iter().enumerate() {
                if j > 0 {
                    sets.push(((0..=255u8).filter(|&c| is_space(c)).collect(), true));
                }
                for &c in w {
                    sets.push((vec![c.to_ascii_lowercase(), c.to_ascii_uppercase()], false));
                }
            }
            sets.push(((0..=255u8).filter(|&c| !WORD[c as usize]).collect(), false));
            // The sets a byte at each distance from the start may be in.
            let mut at: Vec<usize> = vec![0];
            for u in unit.iter_mut() {
                for &i in &at {
                    match sets.get(i) {
                        Some((set, _)) => set.iter().for_each(|&c| u[c as usize] |= 1 << k),
                        None => u.iter_mut().for_each(|x| *x |= 1 << k),
                    }
                }
                let mut next: Vec<usize> = Vec::new();
                for &i in &at {
                    let stays = sets.get(i).is_some_and(|&(_, repeated)| repeated);
                    for j in [i + 1, i].into_iter().take(if stays { 2 } else { 1 }) {
                        if !next.contains(&j) {
                            next.push(j);
                        }
                    }
                }
                at = next;
            }
        }
        Some(TypeWordScan { alts, unit })
    }

    /// Every match in `fb`, in order, not overlapping: its (start, end) pushed on `spans`
    /// and the index of its type word on `which`.
    pub(super) fn find_all(&self, fb: &[u8], spans: &mut Vec<(usize, usize)>, which: &mut Vec<u8>) {
        let n = fb.len();
        let mut resume = 0usize;
        let mut starts = [0u32; 64 + 8];
        let mut prev_top = 0u64; // the letter bit of the byte before the block, at bit 7
        let mut base = 0usize;
        while base < n {
            // Word starts of up to 64 bytes, eight at a time, into `starts`.
            let round_end = (base + 64).min(n);
            let mut k = 0usize;
            let mut b = base;
            while b < round_end {
                let block = match fb.get(b..b + 8) {
                    Some(x) => <[u8; 8]>::try_from(x).unwrap_or([b' '; 8]),
                    None => {
                        // The end of the text, padded with spaces (not letters).
                        let mut buf = [b' '; 8];
                        buf[..n - b].copy_from_slice(&fb[b..]);
                        buf
                    }
                };
                let mut st = word_starts(u64::from_le_bytes(block), &mut prev_top);
                // Most blocks hold at most four starts: written without branching.
                for _ in 0..4 {
                    starts[k] = (b + (st.trailing_zeros() as usize >> 3)) as u32;
                    k += (st != 0) as usize;
                    st &= st.wrapping_sub(1);
                }
                while st != 0 {
                    starts[k] = (b + (st.trailing_zeros() as usize >> 3)) as u32;
                    k += 1;
                    st &= st - 1;
                }
                b += 8;
            }
            for &s in &starts[..k] {
                let s = s as usize;
                let bits = self.filter(fb, s);
                if bits == 0 || s < resume || (s > 0 && WORD[fb[s - 1] as usize]) {
                    continue;
                }
                if let Some((e, alt)) = self.verify(fb, s, bits) {
                    spans.push((s, e));
                    which.push(alt as u8);
                    resume = e;
                }
            }
            base = round_end;
        }
    }

    /// The type words the `UNITS` bytes from `s` may start (a space stands for the end).
    #[inline]
    fn filter(&self, fb: &[u8], s: usize) -> u64 {
        let mut pad = [b' '; UNITS];
        let w = match fb.get(s..s + UNITS) {
            Some(w) => w,
            None => {
                let have = fb.len().saturating_sub(s).min(UNITS);
                pad[..have].copy_from_slice(&fb[s..s + have]);
                &pad[..]
            }
        };
        let u = &self.unit;
        u[0][w[0] as usize]
            & u[1][w[1] as usize]
            & u[2][w[2] as usize]
            & u[3][w[3] as usize]
            & u[4][w[4] as usize]
    }

    /// The first of the type words in `bits` (in table order) matching in full at `s`:
    /// its end and index.
    fn verify(&self, fb: &[u8], s: usize, mut bits: u64) -> Option<(usize, usize)> {
        let n = fb.len();
        'alt: while bits != 0 {
            let k = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let mut q = s;
            for (j, w) in self.alts[k].iter().enumerate() {
                if j > 0 {
                    let from = q;
                    while q < n && is_space(fb[q]) {
                        q += 1;
                    }
                    if q == from {
                        continue 'alt;
                    }
                }
                match fb.get(q..q + w.len()) {
                    Some(x) if x.eq_ignore_ascii_case(w) => q += w.len(),
                    _ => continue 'alt,
                }
            }
            if q < n && WORD[fb[q] as usize] {
                continue;
            }
            return Some((q, k));
        }
        None
    }
}

/// The bytes of `x` (eight text bytes, the first in the low byte) that start a run of
/// ASCII letters, as the high bit of each such byte; `prev_top` carries the letter bit of
/// the last byte from one block to the next.
#[inline]
fn word_starts(x: u64, prev_top: &mut u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Lower case, high bits cleared: a letter is then a byte in 0x61..=0x7A.
    let t = (x | 0x2020_2020_2020_2020) & !HIGH;
    let ge_a = t.wrapping_add(0x1F1F_1F1F_1F1F_1F1F); // high bit set when t >= 0x61
    let gt_z = t.wrapping_add(0x0505_0505_0505_0505); // high bit set when t >= 0x7B
    let letters = ge_a & !gt_z & !x & HIGH;
    let starts = letters & !((letters << 8) | *prev_top);
    *prev_top = letters >> 56;
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::bytes::Regex;

    /// The regex the scan stands for, built as the extractor built it.
    fn regex(words: &[&str]) -> Regex {
        let alts: Vec<String> = words
            .iter()
            .map(|f| {
                f.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        Regex::new(&format!(r"(?i-u)\b(?:{})\b", alts.join("|"))).unwrap()
    }

    /// Spans of matches.
    type Spans = Vec<(usize, usize)>;

    /// What the scan finds (checking the type word it names) and what the regex finds.
    fn both(words: &[&str], hay: &[u8]) -> (Spans, Spans) {
        let scan = TypeWordScan::new(words.iter().copied()).expect("simple words");
        let (mut spans, mut which) = (Vec::new(), Vec::new());
        scan.find_all(hay, &mut spans, &mut which);
        let got: Vec<(usize, usize)> = spans
            .into_iter()
            .zip(which)
            .map(|((s, e), k)| {
                let k = k as usize;
                // The index names the type word matched.
                let key: Vec<String> = hay[s..e]
                    .split(|&c| is_space(c))
                    .filter(|w| !w.is_empty())
                    .map(|w| String::from_utf8_lossy(w).to_ascii_lowercase())
                    .collect();
                assert_eq!(key.join(" "), words[k], "{hay:?}");
                (s, e)
            })
            .collect();
        let want = regex(words)
            .find_iter(hay)
            .map(|m| (m.start(), m.end()))
            .collect();
        (got, want)
    }

    /// The scan finds what the regex finds, on a table of texts (boundaries, case, white
    /// space of every kind, the end of the text, longer words first, non-ASCII bytes).
    #[test]
    fn scan_is_the_regex_table() {
        let words = [
            "nghi quyet lien tich",
            "nghi quyet",
            "nghi dinh",
            "thong bao ket luan",
            "thong bao",
            "chuong trinh",
            "de an",
            "luat",
            "bo luat",
            "k2 ab",
        ];
        let hays: &[&[u8]] = &[
            b"",
            b"luat",
            b"Luat",
            b"xluat luatx luat_ _luat 1luat luat1 (luat) luat.",
            b"Nghi quyet lien tich so 1; NGHI  QUYET\n\nLIEN\ttich; nghi quyet lien",
            b"nghi\x0Bdinh nghi\x0Cdinh nghi\rdinh nghi*dinh nghidinh",
            b"thong bao ket luanx thong bao ket luan thong bao",
            b"de an de  an dean de\nan de",
            b"bo luat Bo Luat bo  luat boluat",
            b"k2 ab K2\tAB k2ab",
            "Nghi \u{111}inh \u{201c}luat\u{201d} nghi dinh\u{a0}".as_bytes(),
            b"chuong trinh  chuong trinh",
            b"l",
            b"lu",
            b"de a",
            b"de an",
        ];
        for hay in hays {
            let (got, want) = both(&words, hay);
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(hay));
        }
    }

    /// On random soups of the words' pieces, the scan and the regex agree.
    #[test]
    fn scan_is_the_regex_on_token_soup() {
        let words = [
            "nghi quyet",
            "nghi dinh",
            "quyet dinh",
            "ke hoach phoi hop",
            "ke hoach",
            "de an",
            "luat",
            "bo luat",
        ];
        let tokens: &[&[u8]] = &[
            b"nghi",
            b"NGHI",
            b"Quyet",
            b"dinh",
            b"ke",
            b"hoach",
            b"phoi",
            b"hop",
            b"de",
            b"an",
            b"luat",
            b"Luat",
            b"bo",
            b" ",
            b"  ",
            b"\n",
            b"\t",
            b"_",
            b"1",
            b"x",
            b"*",
            b",",
            b"\xc4\x91",
            b"\xe2\x80\x9c",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut hay = Vec::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                hay.extend_from_slice(tokens[(x % tokens.len() as u64) as usize]);
            }
            let (got, want) = both(&words, &hay);
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(&hay));
        }
    }

    /// Type words the scan cannot stand for are declined (the regex is kept).
    #[test]
    fn declines_what_it_cannot_scan() {
        assert!(TypeWordScan::new(["nghi dinh"]).is_some());
        assert!(TypeWordScan::new(Vec::<&str>::new()).is_none());
        assert!(TypeWordScan::new(["nghi  dinh"]).is_none());
        assert!(TypeWordScan::new(["nghi-dinh"]).is_none());
        assert!(TypeWordScan::new(["1 dinh"]).is_none());
        assert!(TypeWordScan::new(["ngh\u{ec}"]).is_none());
    }

    /// The word starts of a block are the letters after a byte that is not a letter,
    /// across blocks too.
    #[test]
    fn word_starts_table() {
        let rows: &[(&[u8; 8], u64, u8)] = &[
            (b"ab cd ef", 0, 0b0100_1001),
            (b"ab cd ef", 0x80, 0b0100_1000),
            (b"1a_b\xc3\xa0c@", 0, 0b0100_1010),
            (b"        ", 0x80, 0),
            (b"ZzAa[`{@", 0, 0b0000_0001),
        ];
        for &(block, prev, want) in rows {
            let mut p = prev;
            let got = word_starts(u64::from_le_bytes(*block), &mut p);
            let bits: u8 = (0..8).fold(0, |acc, i| acc | (((got >> (8 * i + 7)) & 1) as u8) << i);
            assert_eq!(bits, want, "{:?}", String::from_utf8_lossy(block));
        }
    }
}
