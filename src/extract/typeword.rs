//! The type-word anchors ("Nghị định", "quyết\n định") found in one pass over the folded
//! text without a regex: the matches of `(?i-u)\b(?:w1|w2|…)\b`, each `wi` a type word of
//! the tables with `\s+` between its words, in the regex's leftmost-first order, but
//! looked for only where a word starts.
//!
//! Word starts come eight bytes at a time (ASCII letters found with bit arithmetic on a
//! `u64`); at each, the next eight bytes are looked up in one table per position, whose
//! entries are bit sets of the type words that byte can continue (a letter in either
//! case, white space between words, a non-word byte after the last); only where some
//! type word survives the eight lookups is it compared in full. With AVX2 (detected at
//! run time), word starts and a coarse form of the first five lookups are done for 32
//! places at once (`wide`), and only the places that pass go through the exact lookups
//! and the compare. The tables are built from
//! the type words of `corpus/patterns.toml`; when a type word is not made of ASCII
//! letters and digits (which this scan does not handle), [`TypeWordScan::new`] declines
//! and the extractor keeps the regex.

/// How many bytes from a word start the tables look at.
const UNITS: usize = 8;

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
    /// The coarse filter of 32 bytes at once, when the processor has AVX2.
    #[cfg(target_arch = "x86_64")]
    wide: Option<wide::Nibbles>,
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
        Some(TypeWordScan {
            #[cfg(target_arch = "x86_64")]
            wide: wide::Nibbles::new(&alts, &unit),
            alts,
            unit,
        })
    }

    /// Every match in `fb`, in order, not overlapping: its (start, end) pushed on `spans`
    /// and the index of its type word on `which`.
    pub(super) fn find_all(&self, fb: &[u8], spans: &mut Vec<(usize, usize)>, which: &mut Vec<u8>) {
        #[cfg(target_arch = "x86_64")]
        if let Some(w) = &self.wide {
            // SAFETY: `wide` is only built when the processor has AVX2.
            unsafe { w.find_all(self, fb, spans, which) };
            return;
        }
        self.find_all_narrow(fb, spans, which);
    }

    /// [`TypeWordScan::find_all`] eight bytes at a time, on any processor.
    fn find_all_narrow(&self, fb: &[u8], spans: &mut Vec<(usize, usize)>, which: &mut Vec<u8>) {
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

    /// The match at `s`, if `s` starts a word and is at or after `resume` (the end of the
    /// last match): pushed, and `resume` moved to its end. Inlined into the AVX2 loop
    /// that calls it for every place passing its filter.
    #[inline(always)]
    fn try_at(
        &self,
        fb: &[u8],
        s: usize,
        resume: &mut usize,
        spans: &mut Vec<(usize, usize)>,
        which: &mut Vec<u8>,
    ) {
        if s < *resume || !fb[s].is_ascii_alphabetic() || (s > 0 && WORD[fb[s - 1] as usize]) {
            return;
        }
        let bits = self.filter(fb, s);
        if bits == 0 {
            return;
        }
        if let Some((e, alt)) = self.verify(fb, s, bits) {
            spans.push((s, e));
            which.push(alt as u8);
            *resume = e;
        }
    }

    /// The type words the `UNITS` bytes from `s` may start (a space stands for the end).
    #[inline(always)]
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
        let mut bits = u64::MAX;
        for (u, &c) in self.unit.iter().zip(w) {
            bits &= u[c as usize];
        }
        bits
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

/// The coarse filter of [`TypeWordScan`] on 32 bytes at once with AVX2: at each of the
/// first `WIDE` bytes from a place, a byte's class is looked up by its two nibbles (`pshufb`),
/// as in Hyperscan's "shufti". Each of the eight class bits stands for a group of type
/// words; a bit is set for the bytes whose high nibble and low nibble are both among those
/// of the bytes the group allows there. That is a superset of the bytes allowed: a place
/// passes when some group's bit survives the `WIDE` bytes, and a passing place is then
/// checked by the exact filter and the full compare, as on any processor.
#[cfg(target_arch = "x86_64")]
mod wide {
    use super::{TypeWordScan, UNITS};

    /// How many bytes from a place the coarse filter looks at (the first of the `UNITS`).
    const WIDE: usize = 5;
    use std::arch::x86_64::*;

    /// How many bytes after a place the filter reads (the last lane's last unit).
    const AHEAD: usize = 32 + WIDE - 1;

    /// The nibble tables of the coarse filter.
    pub(super) struct Nibbles {
        /// `low[j][l]`: the groups whose allowed bytes at unit `j` have low nibble `l`.
        low: [[u8; 16]; WIDE],
        /// `high[j][h]`: the same for the high nibble.
        high: [[u8; 16]; WIDE],
    }

    impl Nibbles {
        /// The tables for the type words `alts` with the exact tables `unit`, or None when
        /// the processor has no AVX2.
        pub(super) fn new(alts: &[Vec<Vec<u8>>], unit: &[[u64; 256]; UNITS]) -> Option<Nibbles> {
            if !std::arch::is_x86_feature_detected!("avx2") {
                return None;
            }
            // The nibbles of the bytes a set of type words (bits) allows at each unit.
            let hull = |words: u64| -> [(u16, u16); WIDE] {
                let mut h = [(0u16, 0u16); WIDE];
                for (j, u) in unit.iter().take(WIDE).enumerate() {
                    for (c, &bits) in u.iter().enumerate() {
                        if bits & words != 0 {
                            h[j].0 |= 1 << (c & 15);
                            h[j].1 |= 1 << (c >> 4);
                        }
                    }
                }
                h
            };
            // How many bytes a hull lets through, summed over the units.
            let size = |h: &[(u16, u16); WIDE]| -> u32 {
                h.iter()
                    .map(|&(l, hi)| l.count_ones() * hi.count_ones())
                    .sum()
            };
            // Groups: the type words by their first letter, then the two groups whose
            // union grows the least merged until there are eight at most.
            let mut groups: Vec<(u8, u64)> = Vec::new();
            for (k, a) in alts.iter().enumerate() {
                let first = a[0][0].to_ascii_lowercase();
                match groups.iter_mut().find(|g| g.0 == first) {
                    Some(g) => g.1 |= 1 << k,
                    None => groups.push((first, 1 << k)),
                }
            }
            let mut groups: Vec<u64> = groups.into_iter().map(|g| g.1).collect();
            while groups.len() > 8 {
                let mut best = (u32::MAX, 0, 1);
                for i in 0..groups.len() {
                    for j in i + 1..groups.len() {
                        let grow = size(&hull(groups[i] | groups[j]))
                            - size(&hull(groups[i])).max(size(&hull(groups[j])));
                        if grow < best.0 {
                            best = (grow, i, j);
                        }
                    }
                }
                let merged = groups.remove(best.2);
                groups[best.1] |= merged;
            }
            let mut t = Nibbles {
                low: [[0; 16]; WIDE],
                high: [[0; 16]; WIDE],
            };
            for (g, &words) in groups.iter().enumerate() {
                for (j, &(l, h)) in hull(words).iter().enumerate() {
                    for x in 0..16 {
                        if l & (1 << x) != 0 {
                            t.low[j][x] |= 1 << g;
                        }
                        if h & (1 << x) != 0 {
                            t.high[j][x] |= 1 << g;
                        }
                    }
                }
            }
            Some(t)
        }

        /// [`TypeWordScan::find_all`]: the places of 32 bytes at a time through the coarse
        /// filter, then each passing place as the narrow scan checks it; the first byte and
        /// the last `AHEAD` bytes place by place.
        ///
        /// # Safety
        /// The processor must have AVX2.
        #[target_feature(enable = "avx2")]
        pub(super) unsafe fn find_all(
            &self,
            scan: &TypeWordScan,
            fb: &[u8],
            spans: &mut Vec<(usize, usize)>,
            which: &mut Vec<u8>,
        ) {
            let n = fb.len();
            let mut resume = 0usize;
            let mut p = 0usize;
            if n > AHEAD {
                scan.try_at(fb, 0, &mut resume, spans, which);
                p = 1;
                let (low, high) = (self.tables(&self.low), self.tables(&self.high));
                while p + AHEAD <= n {
                    // SAFETY: bytes p - 1 .. p + AHEAD are inside `fb` (p >= 1).
                    let mut m = unsafe { passing(fb.as_ptr().add(p), &low, &high) };
                    while m != 0 {
                        let s = p + m.trailing_zeros() as usize;
                        m &= m - 1;
                        scan.try_at(fb, s, &mut resume, spans, which);
                    }
                    p += 32;
                }
            }
            for s in p..n {
                scan.try_at(fb, s, &mut resume, spans, which);
            }
        }

        /// The tables of each unit in both halves of a vector.
        #[target_feature(enable = "avx2")]
        fn tables(&self, t: &[[u8; 16]; WIDE]) -> [__m256i; WIDE] {
            t.map(|x| {
                // SAFETY: reads the 16 bytes of `x`.
                let v = unsafe { _mm_loadu_si128(x.as_ptr().cast()) };
                _mm256_broadcastsi128_si256(v)
            })
        }
    }

    /// The places among the 32 from `at` that start a run of ASCII letters and pass the
    /// coarse filter, as bits (the first place in the low bit).
    ///
    /// # Safety
    /// The bytes from `at - 1` to `at + AHEAD` must be readable.
    #[target_feature(enable = "avx2")]
    unsafe fn passing(at: *const u8, low: &[__m256i; WIDE], high: &[__m256i; WIDE]) -> u32 {
        let letters = |v: __m256i| {
            let d = _mm256_sub_epi8(
                _mm256_or_si256(v, _mm256_set1_epi8(0x20)),
                _mm256_set1_epi8(0x61),
            );
            _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(25)), d)
        };
        // SAFETY: inside the bytes the caller vouches for.
        let (before, here) = unsafe {
            (
                _mm256_loadu_si256(at.sub(1).cast()),
                _mm256_loadu_si256(at.cast()),
            )
        };
        let mut acc = _mm256_andnot_si256(letters(before), letters(here));
        let nibble = _mm256_set1_epi8(0x0F);
        for j in 0..WIDE {
            // SAFETY: as above (j + 32 <= AHEAD).
            let v = unsafe { _mm256_loadu_si256(at.add(j).cast()) };
            let lo = _mm256_shuffle_epi8(low[j], _mm256_and_si256(v, nibble));
            let hi =
                _mm256_shuffle_epi8(high[j], _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
            acc = _mm256_and_si256(acc, _mm256_and_si256(lo, hi));
        }
        !(_mm256_movemask_epi8(_mm256_cmpeq_epi8(acc, _mm256_setzero_si256())) as u32)
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
            x = crate::testing::xorshift(x);
            for _ in 0..(x % 40) {
                x = crate::testing::xorshift(x);
                hay.extend_from_slice(tokens[(x % tokens.len() as u64) as usize]);
            }
            let (got, want) = both(&words, &hay);
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(&hay));
        }
    }

    /// On long texts (where AVX2, when there, filters 32 bytes at once) built from the
    /// pieces of the built-in type words, the scan, the eight-bytes scan and the regex
    /// agree: every place of a vector, both ends of the text, every kind of white space.
    #[test]
    fn scan_is_the_regex_on_long_soup() {
        let table = crate::extract::Tables::builtin();
        let words: Vec<&str> = table
            .type_words
            .iter()
            .map(|(f, _, _)| f.as_str())
            .collect();
        let scan = TypeWordScan::new(words.iter().copied()).expect("simple words");
        let re = regex(&words);
        let mut tokens: Vec<Vec<u8>> = Vec::new();
        for w in &words {
            for piece in w.split(' ') {
                tokens.push(piece.as_bytes().to_vec());
                tokens.push(piece.to_ascii_uppercase().into_bytes());
                tokens.push(piece.as_bytes()[..piece.len() / 2].to_vec());
            }
        }
        for t in [
            &b" "[..],
            b"  ",
            b"\n",
            b"\t",
            b"\r",
            b"\x0B",
            b"\x0C",
            b"_",
            b"1",
            b"x",
            b"*",
            b",",
            b"\xc4\x91",
            b"\xe2\x80\x9c",
            b"\xff",
            b"@",
            b"[",
            b"`",
            b"{",
        ] {
            for _ in 0..4 {
                tokens.push(t.to_vec());
            }
        }
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            x = crate::testing::xorshift(x);
            x
        };
        for round in 0..1500 {
            let len = next() % 400;
            let mut hay = Vec::new();
            for _ in 0..len {
                hay.extend_from_slice(&tokens[(next() % tokens.len() as u64) as usize]);
            }
            let (mut spans, mut which) = (Vec::new(), Vec::new());
            scan.find_all(&hay, &mut spans, &mut which);
            let (mut spans8, mut which8) = (Vec::new(), Vec::new());
            scan.find_all_narrow(&hay, &mut spans8, &mut which8);
            let want: Spans = re.find_iter(&hay).map(|m| (m.start(), m.end())).collect();
            let text = String::from_utf8_lossy(&hay);
            assert_eq!(spans, want, "round {round}: {text:?}");
            assert_eq!(
                (&spans8, &which8),
                (&spans, &which),
                "round {round}: {text:?}"
            );
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
