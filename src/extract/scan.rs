//! Byte-level scanning helpers over the folded text (ASCII words, white space, years,
//! digits) and small range utilities shared by the parsers. Pure functions, no tables.

use super::*;

/// The start of the first anchor after folded offset `p` (anchors are sorted).
pub(super) fn next_anchor_after(anchors: &[(usize, usize)], p: usize, end: usize) -> usize {
    let i = anchors.partition_point(|x| x.0 <= p);
    anchors.get(i).map(|x| x.0).unwrap_or(end)
}

pub(super) fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Does `r` overlap any range of `sorted` (sorted by start, not overlapping each other)?
pub(super) fn any_overlap(sorted: &[(usize, usize)], r: (usize, usize)) -> bool {
    let i = sorted.partition_point(|x| x.0 < r.1);
    i > 0 && sorted[i - 1].1 > r.0
}

pub(super) fn dedup(v: &mut Vec<Defect>) {
    let mut seen = Vec::new();
    v.retain(|d| {
        if seen.contains(d) {
            false
        } else {
            seen.push(*d);
            true
        }
    });
}

pub(super) fn piece(text: &str, (s, e): (usize, usize)) -> Piece {
    let e = e.max(s).min(text.len());
    let s = s.min(e);
    let t = text.get(s..e).unwrap_or("").trim_end();
    Piece {
        text: t.to_string(),
        start: s,
        end: s + t.len(),
    }
}

pub(super) fn skip_ws(fb: &[u8], mut p: usize) -> usize {
    while p < fb.len() && fb[p].is_ascii_whitespace() {
        p += 1;
    }
    p
}

pub(super) fn skip_ws_punct(fb: &[u8], p: usize, punct: &[u8]) -> usize {
    let mut q = skip_ws(fb, p);
    if q < fb.len() && punct.contains(&fb[q]) {
        q = skip_ws(fb, q + 1);
    }
    q
}

/// A whole word (ASCII, exact case) at p.
pub(super) fn word_at(fb: &[u8], p: usize, w: &[u8]) -> bool {
    fb.get(p..p + w.len()) == Some(w)
        && (p == 0 || !fb[p - 1].is_ascii_alphabetic())
        && fb.get(p + w.len()).is_none_or(|c| !c.is_ascii_alphabetic())
}

/// A whole word, case-insensitive, at p.
pub(super) fn word_at_ci(fb: &[u8], p: usize, w: &[u8]) -> bool {
    fb.get(p..p + w.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(w))
        && fb.get(p + w.len()).is_none_or(|c| !c.is_ascii_alphabetic())
}

/// The first place where `needle` stands as a whole word (ASCII case ignored; no letter
/// before or after it). Candidates are the places of its rarest byte in either case
/// (`memchr2`; "thu vien phap luat" is looked for by its "v", not by every "t"), each
/// compared in full.
///
/// With AVX2 (detected at run time) and a needle of two bytes or more, the candidates are
/// the places where its two rarest bytes both stand, 32 places at once (each byte compared
/// with its 0x20 bit set, as a lower-case letter is: a superset of the places where they
/// match case aside), each then compared in full as here.
pub(super) fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    #[cfg(target_arch = "x86_64")]
    if needle.len() >= 2 && hay.len() >= 64 && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2.
        return unsafe { wide::find_ci(hay, needle) };
    }
    find_ci_narrow(hay, needle)
}

/// Whether `needle` stands at `i` as a whole word, ASCII case aside.
#[inline]
fn word_ci_at(hay: &[u8], i: usize, needle: &[u8]) -> bool {
    hay.get(i..i + needle.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        && (i == 0 || !hay[i - 1].is_ascii_alphabetic())
        && hay
            .get(i + needle.len())
            .is_none_or(|c| !c.is_ascii_alphabetic())
}

/// [`find_ci`] on any processor: the places of the rarest byte (`memchr2`).
fn find_ci_narrow(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let k = rarest_byte(needle);
    let (lower, upper) = (
        needle[k].to_ascii_lowercase(),
        needle[k].to_ascii_uppercase(),
    );
    let mut from = k;
    while let Some(j) = memchr::memchr2(lower, upper, hay.get(from..)?) {
        let i = from + j - k;
        if word_ci_at(hay, i, needle) {
            return Some(i);
        }
        from += j + 1;
    }
    None
}

/// The pair filter of [`find_ci`] with AVX2.
#[cfg(target_arch = "x86_64")]
mod wide {
    use super::{rarest_byte, word_ci_at, RANK};
    use std::arch::x86_64::*;

    /// [`super::find_ci`] for a needle of two bytes or more.
    ///
    /// # Safety
    /// The processor must have AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
        // The two rarest places of the needle, in order.
        let k1 = rarest_byte(needle);
        let mut k2 = if k1 == 0 { 1 } else { 0 };
        for (i, &c) in needle.iter().enumerate() {
            if i != k1 && RANK[c as usize] > RANK[needle[k2] as usize] {
                k2 = i;
            }
        }
        let (a, b) = (k1.min(k2), k1.max(k2));
        let bit = _mm256_set1_epi8(0x20);
        let va = _mm256_set1_epi8((needle[a] | 0x20) as i8);
        let vb = _mm256_set1_epi8((needle[b] | 0x20) as i8);
        let n = hay.len();
        let mut i = 0usize;
        while i + b + 32 <= n {
            // SAFETY: bytes i + a .. i + b + 32 are inside `hay` (a < b).
            let (ha, hb) = unsafe {
                (
                    _mm256_loadu_si256(hay.as_ptr().add(i + a).cast()),
                    _mm256_loadu_si256(hay.as_ptr().add(i + b).cast()),
                )
            };
            let eq = _mm256_and_si256(
                _mm256_cmpeq_epi8(_mm256_or_si256(ha, bit), va),
                _mm256_cmpeq_epi8(_mm256_or_si256(hb, bit), vb),
            );
            let mut m = _mm256_movemask_epi8(eq) as u32;
            while m != 0 {
                let s = i + m.trailing_zeros() as usize;
                m &= m - 1;
                if word_ci_at(hay, s, needle) {
                    return Some(s);
                }
            }
            i += 32;
        }
        // The last places, one by one.
        (i..n).find(|&s| word_ci_at(hay, s, needle))
    }
}

/// ASCII bytes of folded Vietnamese text, most frequent first (letters in either case;
/// measured on the plans of the benchmark corpus). Only a search heuristic: any order
/// finds the same places.
const BY_FREQUENCY: &[u8] = b" nahouitcgedp.*vy,mbrlsqk|201-/x:5;3)46(978_fw%+=[]<>#&?!\"jz^'@~`}{";

/// The rank of each byte in [`BY_FREQUENCY`] (its lower case's), unlisted bytes last.
const RANK: [u8; 256] = {
    let mut t = [BY_FREQUENCY.len() as u8; 256];
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        let c = BY_FREQUENCY[i];
        t[c as usize] = i as u8;
        t[c.to_ascii_uppercase() as usize] = i as u8;
        i += 1;
    }
    t
};

/// The index in `needle` of its least frequent byte (the first of equals), by
/// [`BY_FREQUENCY`]; bytes not listed there (non-ASCII, control bytes) count as rare.
fn rarest_byte(needle: &[u8]) -> usize {
    let mut best = 0;
    for (i, &c) in needle.iter().enumerate() {
        if RANK[c as usize] > RANK[needle[best] as usize] {
            best = i;
        }
    }
    best
}

/// The starts of the digit runs holding the matches of the bare-number regex
/// `(?-u)[0-9]{1,5}[ \t]{0,2}[/\-][ \t]{0,2}[0-9A-Z]` ("168/2018/NĐ-CP", "12 - CT"), in
/// the order and with the overlaps the regex's leftmost-first search gives, found from the
/// separators (`memchr2`) rather than by running the regex over the whole text.
pub(super) fn bare_number_starts(fb: &[u8]) -> Vec<usize> {
    let inline_space = |c: u8| c == b' ' || c == b'\t';
    let mut out = Vec::new();
    let mut resume = 0; // where the regex's next search starts
    let mut from = 0;
    while let Some(j) = memchr::memchr2(b'/', b'-', &fb[from..]) {
        let s = from + j;
        from = s + 1;
        // Up to two spaces or tabs, then digits, before the separator.
        let mut d_end = s;
        while d_end > 0 && s - d_end < 3 && inline_space(fb[d_end - 1]) {
            d_end -= 1;
        }
        if s - d_end > 2 || d_end == 0 || !fb[d_end - 1].is_ascii_digit() {
            continue;
        }
        let mut run = d_end - 1;
        while run > 0 && fb[run - 1].is_ascii_digit() {
            run -= 1;
        }
        // The regex's match starts at the first of at most five digits, where its
        // search resumed at the earliest.
        let start = run.max(d_end.saturating_sub(5)).max(resume);
        if start >= d_end {
            continue;
        }
        // Up to two spaces or tabs, then a digit or a capital, after it.
        let mut c = s + 1;
        while c < fb.len() && c - s <= 3 && inline_space(fb[c]) {
            c += 1;
        }
        if c - (s + 1) > 2
            || !fb
                .get(c)
                .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        {
            continue;
        }
        resume = c + 1;
        out.push(run);
    }
    out
}

/// Up to `max` words (runs of ASCII letters/digits/&) from p, with their folded ranges.
/// Stops at a newline followed by a blank line only when the next line opens a list
/// item; otherwise line breaks are spaces (PDF text breaks lines anywhere).
pub(super) fn words_after(ft: &str, p: usize, max: usize) -> (Vec<&str>, Vec<(usize, usize)>) {
    let fb = ft.as_bytes();
    // Room for the usual number of words at once (a name runs to a dozen or two).
    let mut words = Vec::with_capacity(max.min(32));
    let mut offs = Vec::with_capacity(max.min(32));
    let mut i = p;
    let limit = (p + 400).min(fb.len());
    while i < limit && words.len() < max {
        // Up to the next word byte; strong punctuation and non-ASCII (quotes etc.) end
        // the run. One table lookup a byte.
        loop {
            match WORDS_CLASS[fb[i] as usize] {
                WORD_BYTE => break,
                STOP_BYTE => return (words, offs),
                _ => {}
            }
            i += 1;
            if i == limit {
                return (words, offs);
            }
        }
        let s = i;
        while i < limit && WORDS_CLASS[fb[i] as usize] == WORD_BYTE {
            i += 1;
        }
        // Word bytes are ASCII letters: the slice starts and ends on char boundaries.
        words.push(ft.get(s..i).unwrap_or(""));
        offs.push((s, i));
    }
    (words, offs)
}

/// `words_after`'s classes of bytes: a word byte, a byte ending the words, or one skipped.
const WORD_BYTE: u8 = 1;
const STOP_BYTE: u8 = 2;
const WORDS_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() || b == b'&' {
            WORD_BYTE
        } else if matches!(b, b';' | b'.' | b':' | b'(' | b')' | b'"' | b'|' | b'/') || b >= 0x80 {
            STOP_BYTE
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Letters and '&' ("GDQP&AN"); digits separate words (footnote marks: "xã hội1").
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'&'
}

pub(super) fn year_at(fb: &[u8], p: usize) -> Option<(i32, usize)> {
    let d = fb.get(p..p + 4)?;
    if !d.iter().all(|c| c.is_ascii_digit()) || fb.get(p + 4).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if p > 0 && fb[p - 1].is_ascii_digit() {
        return None;
    }
    let y: i32 = std::str::from_utf8(d).ok()?.parse().ok()?;
    if (1945..=2100).contains(&y) {
        Some((y, p + 4))
    } else {
        None
    }
}

pub(super) fn digits_at(fb: &[u8], p: usize, max: usize) -> Option<(u32, usize)> {
    let mut e = p;
    while e < fb.len() && fb[e].is_ascii_digit() && e - p < max {
        e += 1;
    }
    if e == p || fb.get(e).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let v = std::str::from_utf8(&fb[p..e]).ok()?.parse().ok()?;
    Some((v, e))
}

#[cfg(test)]
mod tests {
    use super::{bare_number_starts, find_ci, words_after};

    /// `words_after` with its byte table is the loop it replaced, on random soups of
    /// letters, '&', digits, white space, stops and non-ASCII text, every start and limit.
    #[test]
    fn words_after_is_the_byte_loop() {
        fn reference(ft: &str, p: usize, max: usize) -> (Vec<&str>, Vec<(usize, usize)>) {
            let is_word_byte = |b: u8| b.is_ascii_alphabetic() || b == b'&';
            let fb = ft.as_bytes();
            let (mut words, mut offs) = (Vec::new(), Vec::new());
            let mut i = p;
            let limit = (p + 400).min(fb.len());
            while i < limit && words.len() < max {
                while i < limit && !is_word_byte(fb[i]) {
                    if matches!(fb[i], b';' | b'.' | b':' | b'(' | b')' | b'"' | b'|' | b'/') {
                        return (words, offs);
                    }
                    if fb[i] >= 0x80 {
                        return (words, offs);
                    }
                    i += 1;
                }
                let s = i;
                while i < limit && is_word_byte(fb[i]) {
                    i += 1;
                }
                if i > s {
                    words.push(ft.get(s..i).unwrap_or(""));
                    offs.push((s, i));
                }
            }
            (words, offs)
        }
        let pieces = [
            "uy", "ban", "Nhan", "DAN", "&", "1", "23", " ", "  ", "\n", "\t", "-", ",", ";", ".",
            ":", "(", ")", "\"", "|", "/", "\u{201c}", "\u{111}", "_", "x",
        ];
        let mut x: u64 = 0x0F1E_2D3C_4B5A_6978;
        for _ in 0..3000 {
            x = crate::testing::xorshift(x);
            let mut t = String::new();
            for _ in 0..x % 60 {
                x = crate::testing::xorshift(x);
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            for _ in 0..(t.len() / 40).max(1) {
                x = crate::testing::xorshift(x);
                let p = (x as usize % (t.len() + 1)).min(t.len());
                let max = (x >> 20) as usize % 30;
                assert_eq!(
                    words_after(&t, p, max),
                    reference(&t, p, max),
                    "{t:?} {p} {max}"
                );
            }
        }
        let long = "ab ".repeat(300);
        for p in [0, 1, 2, 3, 500, 899, 900] {
            assert_eq!(
                words_after(&long, p, 1000),
                reference(&long, p, 1000),
                "{p}"
            );
        }
    }

    /// `find_ci` finds what comparing every window finds, on a table of haystacks and on
    /// every needle cut from them.
    /// The bare-number starts are the digit runs of the regex's matches, on a table of
    /// texts and on random soups of digits, separators, spaces and letters.
    #[test]
    fn bare_number_starts_are_the_regex_matches() {
        let re =
            regex::bytes::Regex::new(r"(?-u)[0-9]{1,5}[ \t]{0,2}[/\-][ \t]{0,2}[0-9A-Z]").unwrap();
        let reference = |fb: &[u8]| -> Vec<usize> {
            re.find_iter(fb)
                .map(|m| {
                    let mut p = m.start();
                    while p > 0 && fb[p - 1].is_ascii_digit() {
                        p -= 1;
                    }
                    p
                })
                .collect()
        };
        let rows: &[&[u8]] = &[
            b"",
            b"168/2018/ND-CP",
            b"123456/7 1234567-A 12  /  B 12   /B 12/   B 1/-2 1-/2",
            b"12/3456/7 1/2-3 /5 -5 5- 5/ 5/a 5/Z 5\t/\t9",
            b"x12/AB 1.2/3 ab-12-CD 99999/1 100000/1",
        ];
        for fb in rows {
            assert_eq!(
                bare_number_starts(fb),
                reference(fb),
                "{:?}",
                String::from_utf8_lossy(fb)
            );
        }
        let tokens: &[&[u8]] = &[
            b"1", b"23", b"456789", b"/", b"-", b" ", b"  ", b"\t", b"A", b"a", b"\n", b"QH",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5000 {
            let mut fb = Vec::new();
            x = crate::testing::xorshift(x);
            for _ in 0..(x % 30) {
                x = crate::testing::xorshift(x);
                fb.extend_from_slice(tokens[(x % tokens.len() as u64) as usize]);
            }
            assert_eq!(
                bare_number_starts(&fb),
                reference(&fb),
                "{:?}",
                String::from_utf8_lossy(&fb)
            );
        }
    }

    /// `find_ci`'s reference: the first window equal to `needle` in any ASCII case with no
    /// ASCII letter on either side.
    fn window_search(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).enumerate().find_map(|(i, w)| {
            (w.eq_ignore_ascii_case(needle)
                && (i == 0 || !hay[i - 1].is_ascii_alphabetic())
                && hay
                    .get(i + needle.len())
                    .is_none_or(|c| !c.is_ascii_alphabetic()))
            .then_some(i)
        })
    }

    /// On long random texts (where AVX2, when there, filters 32 places at once) of the
    /// needles' pieces in every case, letters around them and other bytes, `find_ci` finds
    /// the first whole-word place that comparing every window finds, and so does the
    /// search on any processor.
    #[test]
    fn find_ci_is_the_window_search_on_long_texts() {
        let reference = window_search;
        let needles: [&[u8]; 7] = [
            b"ngay",
            b"cua",
            b"thu vien phap luat",
            b"ma so thue:",
            b"ab",
            b"@`",
            b"x:",
        ];
        let pieces: [&[u8]; 16] = [
            b"ngay",
            b"NGAY",
            b"Ngay",
            b"ng",
            b"ay",
            b"cua",
            b"CUA",
            b"thu vien",
            b"PHAP LUAT",
            b"ma so thue",
            b":",
            b" ",
            b"x",
            b"\xc4\x91",
            b"@`",
            b"Ab",
        ];
        let mut x: u64 = 0xA076_1D64_78BD_642F;
        for round in 0..3000 {
            x = crate::testing::xorshift(x);
            let mut hay = Vec::new();
            for _ in 0..x % 120 {
                x = crate::testing::xorshift(x);
                hay.extend_from_slice(pieces[(x % pieces.len() as u64) as usize]);
            }
            for needle in needles {
                let want = reference(&hay, needle);
                assert_eq!(find_ci(&hay, needle), want, "round {round}");
                assert_eq!(super::find_ci_narrow(&hay, needle), want, "round {round}");
            }
        }
    }

    #[test]
    fn find_ci_is_the_window_by_window_search() {
        let reference = window_search;
        let hays: [&[u8]; 6] = [
            b"Ngay 12 thang 3, NGAY 5; xngay ngayx ngay",
            b"cua Uy ban nhan dan tinh; CUA; Cua",
            b"ngay",
            b"",
            b"1/2 - ngay-thang 2020 | ngay\n",
            "ngày ng\u{e0}y NGAYngay ngay".as_bytes(),
        ];
        for hay in hays {
            for needle in [
                &b"ngay"[..],
                b"cua",
                b"NGAY",
                b"1",
                b"-",
                b"ng",
                b"y",
                b"thang 2020",
            ] {
                assert_eq!(
                    find_ci(hay, needle),
                    reference(hay, needle),
                    "{hay:?} {needle:?}"
                );
            }
            for a in 0..hay.len() {
                for b in a + 1..(a + 6).min(hay.len()) {
                    let needle = &hay[a..b];
                    assert_eq!(find_ci(hay, needle), reference(hay, needle));
                }
            }
        }
        assert_eq!(find_ci(b"abc", b""), None);
    }
}
