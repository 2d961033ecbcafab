//! Reading at memory speed: the checks that let valid UTF-8 already in NFC, with no sign of
//! a legacy encoding, pass through untouched (no copy, no offset map), and the NFC pass that
//! rewrites only the groups that need it when it is not.
//!
//! ASCII bytes are skipped a run at a time; only non-ASCII characters are looked at. Where
//! the processor has AVX2, the byte passes look at 32 bytes at a time (`wide`), each tested
//! equal to its narrow form. Knows nothing of files, formats or citations.

use super::legacy::{is_ordinary_symbol, tables};
use super::offsets::{Builder, OffsetMap};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The runs of non-ASCII characters of `s`, as byte ranges. ASCII bytes are skipped eight at
/// a time.
fn non_ascii_runs(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip ASCII, a word at a time.
        while let Some(w) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(w.try_into().unwrap_or([0x80; 8]));
            if w & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        while i < b.len() && b[i] < 0x80 {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && b[i] >= 0x80 {
            i += 1;
        }
        // A run of bytes >= 0x80 in valid UTF-8 starts and ends on character boundaries.
        Some((start, i))
    })
}

/// Is `s` certainly NFC? The Unicode quick check, run only over the pieces between ASCII
/// characters and safe starters (each a starter allowed in NFC, which resets the check's
/// state exactly as a fresh start does), in one pass over the bytes. `false` means "maybe
/// not": the caller normalizes.
pub fn is_nfc(s: &str) -> bool {
    #[cfg(target_arch = "x86_64")]
    if wide::usable() {
        // SAFETY: the processor has AVX2 and POPCNT.
        return unsafe { wide::is_nfc(s) };
    }
    is_nfc_narrow(s)
}

/// [`is_nfc`] without vector instructions beyond the compiler's own (32-byte blocks of
/// safe starters skipped by [`safe_run`]).
fn is_nfc_narrow(s: &str) -> bool {
    let bytes = s.as_bytes();
    let quick = |a: usize, b: usize| {
        s.get(a..b)
            .is_some_and(|p| is_nfc_quick(p.chars()) == IsNormalized::Yes)
    };
    // One pass: ASCII and the Latin letters of the safe blocks are starters allowed in NFC
    // (told from their bytes); only the pieces of other characters between them are looked
    // up. `piece`: where the open piece starts.
    let mut piece: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        if piece.is_none() {
            // Skip blocks that hold no lead byte of a character beyond the safe starters,
            // 32 bytes at a time with one test the compiler vectorizes ([`safe_run`]).
            if let Some(end) = safe_run(bytes, i) {
                i = end;
            }
            if i >= bytes.len() {
                break;
            }
        }
        let lead = bytes[i];
        let starter = if lead < 0x80 {
            Some(1)
        } else {
            safe_starter_len(bytes, i)
        };
        match starter {
            Some(len) => {
                if let Some(p) = piece.take() {
                    if !quick(p, i) {
                        return false;
                    }
                }
                i += len;
            }
            None => {
                piece.get_or_insert(i);
                i += utf8_len(lead);
            }
        }
    }
    piece.is_none_or(|p| quick(p, bytes.len()))
}

/// Where the check of [`is_nfc`] goes on after the character at `k`, a lead byte that is
/// not of a safe character by the block test: after it if it is a safe starter, else after
/// the piece of other characters it opens and the safe starter (or ASCII) that ends it, the
/// piece passing the quick check; `None` if the piece is maybe not NFC.
fn after_piece(s: &str, k: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = k;
    while j < b.len() {
        let lead = b[j];
        let starter = if lead < 0x80 {
            Some(1)
        } else {
            safe_starter_len(b, j)
        };
        if let Some(len) = starter {
            let fine = j == k
                || s.get(k..j)
                    .is_some_and(|p| is_nfc_quick(p.chars()) == IsNormalized::Yes);
            return fine.then_some(j + len);
        }
        j += utf8_len(lead);
    }
    s.get(k..)
        .is_some_and(|p| is_nfc_quick(p.chars()) == IsNormalized::Yes)
        .then_some(b.len())
}

/// The end of the run of 32-byte blocks of safe starters ([`block_is_safe`]) from the char
/// boundary `i`, stepped on to the next char boundary; `None` if the first block is not one.
fn safe_run(bytes: &[u8], mut i: usize) -> Option<usize> {
    let from = i;
    while let (Some(block), Some(next)) = (bytes.get(i..i + 32), bytes.get(i + 1..i + 33)) {
        if !block_is_safe(block, next) {
            break;
        }
        i += 32;
        // A character cut by the block's end is a safe one: step over its continuation
        // bytes to the next character.
        while bytes.get(i).is_some_and(|&x| (0x80..0xC0).contains(&x)) {
            i += 1;
        }
    }
    (i > from).then_some(i)
}

/// Does `block` hold only bytes of safe characters, ASCII and U+0080–U+02FF (lead bytes
/// below CC, continuation bytes) and Latin Extended Additional (E1 B8–BB)? `next` is
/// `block` one byte later (the byte after each lead). Branch-free, so it vectorizes.
fn block_is_safe(block: &[u8], next: &[u8]) -> bool {
    block.iter().zip(next).fold(true, |ok, (&x, &y)| {
        ok & ((x < 0xCC) | ((x == 0xE1) & ((y & 0xFC) == 0xB8)))
    })
}

/// The length of the character at byte `i` when it is a safe starter (a starter allowed in
/// NFC, like ASCII: U+00A0–U+02FF, U+1E00–U+1EFF and U+2002–U+206F), from its UTF-8 bytes
/// alone: U+00A0–U+02FF are C2 A0–CB BF, U+1E00–U+1EFF are E1 B8 80–E1 BB BF, U+2002–U+206F
/// are E2 80 82–E2 81 AF (general punctuation: “ ” … – but not U+2000/U+2001, which NFC
/// replaces).
fn safe_starter_len(b: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match (b[i], at(1)) {
        (0xC2, x) if x >= 0xA0 => Some(2),
        (0xC3..=0xCB, _) => Some(2),
        (0xE1, 0xB8..=0xBB) => Some(3),
        (0xE2, 0x80) if at(2) >= 0x82 => Some(3),
        (0xE2, 0x81) if (0x80..=0xAF).contains(&at(2)) => Some(3),
        _ => None,
    }
}

/// The length of the UTF-8 character whose first byte is `lead` (1 for a continuation byte,
/// which valid UTF-8 never starts a character with).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// Characters that are starters (combining class 0) allowed in NFC (quick check Yes), like
/// ASCII: Latin-1 Supplement to the Spacing Modifier Letters, and Latin Extended Additional
/// (every precomposed Vietnamese letter). Checked for every one of them by a test; the
/// reading itself tells them from their bytes ([`safe_starter_len`]); [`nfc`] from the char
/// (no table lookup).
fn is_safe_starter(c: char) -> bool {
    matches!(c as u32, 0xA0..=0x2FF | 0x1E00..=0x1EFF | 0x2002..=0x206F)
}

/// Does valid UTF-8 text look like plain Unicode, with no sign of a legacy encoding read as
/// Windows-1252 (form b of TCVN3/VNI)? Looks at `sample` (the head of the file). `Some(why)`
/// when it certainly is plain Unicode; `None` when it may hold legacy letters and the full
/// detection must decide. The rules are those of the full detection, taken before any
/// scoring: no non-ASCII letter or stray symbol at all (ASCII only), or more than 1 in 100
/// non-ASCII characters a letter beyond Windows-1252 (ă ơ ư đ ạ …), which form (b) never holds.
pub fn plainly_unicode(sample: &str) -> Option<&'static str> {
    let high = cp1252_high();
    // Every non-ASCII character, counted from its first byte: once the letters beyond
    // Windows-1252 pass 1 in 100 of them (and something odd was seen), the rest cannot
    // change the answer, so the scan stops there.
    let latin = lead_bytes(sample.as_bytes());
    let (mut beyond, mut odd) = (0usize, 0usize);
    'runs: for (a, b) in non_ascii_runs(sample) {
        for c in sample[a..b].chars() {
            let alpha = is_letter(c);
            if alpha || !(c.is_whitespace() || is_ordinary_symbol(c)) {
                odd += 1;
            }
            if alpha && c as u32 >= 0x100 && high.binary_search(&c).is_err() {
                beyond += 1;
            }
            if odd > 0 && beyond * 100 > latin {
                break 'runs;
            }
        }
    }
    if odd == 0 {
        Some("valid UTF-8, no non-ASCII letters")
    } else if beyond * 100 > latin {
        Some("valid UTF-8 with Vietnamese letters beyond Windows-1252 (no legacy encoding)")
    } else {
        None
    }
}

/// How many bytes of `bytes` are C0 or above.
fn lead_bytes(bytes: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if wide::usable() {
        // SAFETY: the processor has AVX2 and POPCNT.
        return unsafe { wide::leads(bytes) };
    }
    count_bytes(bytes, |b| b >= 0xC0)
}

/// How many bytes of `bytes` satisfy `f` (a branch-free test): counted 255 bytes at a time
/// in byte-wide sums, which the compiler vectorizes (a count in `usize`s widens every byte).
pub fn count_bytes(bytes: &[u8], f: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|c| c.iter().fold(0u8, |n, &b| n + u8::from(f(b))) as usize)
        .sum()
}

/// `char::is_alphabetic`, answered without a table lookup for the Latin letters Vietnamese
/// uses (Latin-1 Supplement to Latin Extended-B but × and ÷, and Latin Extended Additional).
fn is_letter(c: char) -> bool {
    match c as u32 {
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// The Windows-1252 characters above U+00FF (Œ Š Ÿ ƒ ˆ – ’ € …), sorted: from the table, so
/// the test of "beyond Windows-1252" is a binary search in about 30 characters.
fn cp1252_high() -> &'static [char] {
    static H: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    H.get_or_init(|| {
        let mut v: Vec<char> = tables()
            .cp1252_back
            .keys()
            .copied()
            .filter(|&c| c as u32 >= 0x100)
            .collect();
        v.sort_unstable();
        v
    })
}

/// Compose to NFC, one base character with its combining marks at a time, so each composed
/// letter maps back to where its base started. Text that passes the quick check is returned
/// as it is (no copy, no map); otherwise runs of single starters that are already NFC are
/// copied whole and only the groups holding marks (or characters NFC replaces) are
/// normalized, each output character mapped to its group's start. A group is bounded at 64
/// bytes, so 10,000 stacked marks stay linear.
pub fn nfc(text: String, map: &mut OffsetMap) -> String {
    #[cfg(target_arch = "x86_64")]
    if wide::usable() {
        // The safe characters skipped up to the next other one: after a miss, the next
        // character is tried.
        // SAFETY: the processor has AVX2 and POPCNT.
        let skip = |b: &[u8], i: usize| Some(unsafe { wide::next_unsafe(b, i) }).filter(|&e| e > i);
        return nfc_with(text, map, skip, 1);
    }
    nfc_with(text, map, safe_run, 32)
}

/// [`nfc`], skipping safe starters with `skip` (from a char boundary, the boundary at the
/// end of a run of safe starters, if any), tried again `miss` bytes after a miss.
fn nfc_with(
    text: String,
    map: &mut OffsetMap,
    skip: impl Fn(&[u8], usize) -> Option<usize>,
    miss: usize,
) -> String {
    if is_nfc(&text) {
        return text;
    }
    let mut b = Builder::with_capacity(text.len());
    // Start of the text copied unchanged but not yet written.
    let mut plain = 0;
    let mut start = 0;
    let mut group_len = 0; // characters in the current group
    let flush = |b: &mut Builder, plain: &mut usize, start: usize, end: usize, n: usize| {
        let g = &text[start..end];
        let trivial = n == 1
            && g.chars().next().is_some_and(|c| {
                c.is_ascii()
                    || is_safe_starter(c)
                    || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            });
        if trivial {
            return;
        }
        if *plain < start {
            b.push_str(&text[*plain..start], *plain);
        }
        for c in g.nfc() {
            b.push(c, start);
        }
        *plain = end;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    // Where safe starters are looked for next (after a miss, `miss` bytes on).
    let mut retry = 0;
    while let Some(c) = text.get(i..).and_then(|t| t.chars().next()) {
        if i >= retry {
            if let Some(end) = skip(bytes, i) {
                // Each safe starter is a group of its own, already NFC (`flush` leaves
                // it): the group before them ends, the last of them may take marks.
                if group_len > 0 {
                    flush(&mut b, &mut plain, start, i, group_len);
                }
                start = (i..end)
                    .rev()
                    .find(|&k| text.is_char_boundary(k))
                    .unwrap_or(i);
                group_len = 1;
                i = end;
                continue;
            }
            retry = i + miss;
        }
        let starter = c.is_ascii() || is_safe_starter(c) || canonical_combining_class(c) == 0;
        if starter && group_len > 0 {
            flush(&mut b, &mut plain, start, i, group_len);
            group_len = 0;
        }
        if group_len == 0 {
            start = i;
        }
        group_len += 1;
        let end = i + c.len_utf8();
        if end - start > 64 {
            flush(&mut b, &mut plain, start, end, group_len);
            group_len = 0;
        }
        i = end;
    }
    if group_len > 0 {
        flush(&mut b, &mut plain, start, text.len(), group_len);
    }
    if plain < text.len() {
        b.push_str(&text[plain..], plain);
    }
    let (t, l) = b.finish(text.len());
    map.push(l);
    t
}

/// The checks 32 bytes at a time with AVX2 (asked of the processor at run time; the
/// narrow forms above are used without it). Each is tested against its narrow form.
#[cfg(target_arch = "x86_64")]
pub(crate) mod wide {
    use std::arch::x86_64::*;

    /// Does the processor have what these need (AVX2, POPCNT)? Asked once, then cached.
    pub(crate) fn usable() -> bool {
        std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("popcnt")
    }

    /// The 32 bytes at `p`.
    ///
    /// # Safety
    /// They must be readable.
    #[target_feature(enable = "avx2")]
    unsafe fn load(p: *const u8) -> __m256i {
        // SAFETY: the caller vouches for the bytes.
        unsafe { _mm256_loadu_si256(p.cast()) }
    }

    /// [`super::is_nfc`]: blocks of 32 bytes whose lead bytes are all of safe characters
    /// (as [`super::block_is_safe`] tells them: below CC, or E1 B8–BB) skipped with one
    /// test; each other lead byte checked with the piece it opens ([`super::after_piece`]).
    /// Every character skipped is a starter allowed in NFC, where the quick check starts
    /// afresh, so the answer is the narrow one's.
    #[target_feature(enable = "avx2,popcnt")]
    pub(crate) fn is_nfc(s: &str) -> bool {
        let b = s.as_bytes();
        let mut i = 0;
        while i + 33 <= b.len() {
            let m = unsafe_leads(b, i);
            if m == 0 {
                i += 32;
                continue;
            }
            // A lead byte (CC and above are never continuation bytes).
            match super::after_piece(s, i + m.trailing_zeros() as usize) {
                Some(next) => i = next,
                None => return false,
            }
        }
        // The last bytes from the next character (those before it are of a safe one).
        while b.get(i).is_some_and(|&x| (0x80..0xC0).contains(&x)) {
            i += 1;
        }
        s.get(i..).is_some_and(super::is_nfc_narrow)
    }

    /// The lead bytes among the 32 from `i` that are not of safe characters as
    /// [`super::block_is_safe`] tells them (below CC, or E1 B8–BB), as bits; `i + 33` must
    /// be at most `b.len()` (else none).
    #[target_feature(enable = "avx2")]
    fn unsafe_leads(b: &[u8], i: usize) -> u32 {
        if i + 33 > b.len() {
            return 0;
        }
        // SAFETY: bytes i .. i + 33 are inside `b`.
        let (x, y) = unsafe { (load(b.as_ptr().add(i)), load(b.as_ptr().add(i + 1))) };
        let high = _mm256_cmpeq_epi8(_mm256_max_epu8(x, _mm256_set1_epi8(0xCCu8 as i8)), x);
        let latin = _mm256_and_si256(
            _mm256_cmpeq_epi8(x, _mm256_set1_epi8(0xE1u8 as i8)),
            _mm256_cmpeq_epi8(
                _mm256_and_si256(y, _mm256_set1_epi8(0xFCu8 as i8)),
                _mm256_set1_epi8(0xB8u8 as i8),
            ),
        );
        _mm256_movemask_epi8(_mm256_andnot_si256(latin, high)) as u32
    }

    /// From the char boundary `i`: the first lead byte of a character other than the safe
    /// ones of the block test, else (fewer than 33 bytes left) the first char boundary
    /// where the blocks ended. Every character before it is a safe starter.
    #[target_feature(enable = "avx2")]
    pub(crate) fn next_unsafe(b: &[u8], mut i: usize) -> usize {
        while i + 33 <= b.len() {
            let m = unsafe_leads(b, i);
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 32;
        }
        while b.get(i).is_some_and(|&x| (0x80..0xC0).contains(&x)) {
            i += 1;
        }
        i
    }

    /// How many of the bytes satisfy `test` (a byte-wise comparison giving all ones or
    /// zeros per byte) and whether any is NUL: whole blocks here, the last bytes by `last`.
    #[target_feature(enable = "avx2,popcnt")]
    fn count_with(
        bytes: &[u8],
        test: impl Fn(__m256i) -> __m256i,
        last: impl Fn(u8) -> bool,
    ) -> (usize, bool) {
        let (mut n, mut nul) = (0usize, _mm256_setzero_si256());
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            // SAFETY: a block of 32 bytes.
            let x = unsafe { load(block.as_ptr()) };
            n += (_mm256_movemask_epi8(test(x)) as u32).count_ones() as usize;
            nul = _mm256_or_si256(nul, _mm256_cmpeq_epi8(x, _mm256_setzero_si256()));
        }
        let rest = blocks.remainder();
        n += rest.iter().filter(|&&b| last(b)).count();
        (n, _mm256_movemask_epi8(nul) != 0 || rest.contains(&0))
    }

    /// The bytes of `head` counted as controls by [`crate::source::encoding::binary_check`]
    /// (below 20 but tab, line feed, carriage return, form feed and 1A), and whether it
    /// holds a NUL byte: in one pass.
    #[target_feature(enable = "avx2,popcnt")]
    pub(crate) fn controls(head: &[u8]) -> (usize, bool) {
        count_with(
            head,
            |x| {
                let low = _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8(0x1F)), x);
                let allowed = [b'\t', b'\n', b'\r', 0x0c, 0x1a]
                    .map(|c| _mm256_cmpeq_epi8(x, _mm256_set1_epi8(c as i8)))
                    .into_iter()
                    .fold(_mm256_setzero_si256(), |a, e| _mm256_or_si256(a, e));
                _mm256_andnot_si256(allowed, low)
            },
            super::is_control,
        )
    }

    /// How many bytes of `bytes` are C0 or above (the first bytes of characters beyond
    /// U+007F but U+0080–U+00BF … all non-ASCII characters' lead bytes).
    #[target_feature(enable = "avx2,popcnt")]
    pub(crate) fn leads(bytes: &[u8]) -> usize {
        count_with(
            bytes,
            |x| _mm256_cmpeq_epi8(_mm256_max_epu8(x, _mm256_set1_epi8(0xC0u8 as i8)), x),
            |b| b >= 0xC0,
        )
        .0
    }
}

/// Is `b` a control byte that [`crate::source::encoding::binary_check`] counts (below 20
/// but tab, line feed, carriage return, form feed and 1A, which TCVN3 and text use)?
pub fn is_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) & (b != 0x1a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count_bytes` counts what `filter().count()` counts, at every length around its
    /// 255-byte chunks and on every byte value.
    #[test]
    fn count_bytes_counts_as_filter_does() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let bytes: Vec<u8> = (0..70_000)
            .map(|_| {
                x = crate::testing::xorshift(x);
                (x >> 24) as u8
            })
            .collect();
        let tests: [fn(u8) -> bool; 3] = [|b| b >= 0xC0, |b| b < 0x20 && b != b'\n', |_| true];
        for n in [0, 1, 254, 255, 256, 509, 510, 511, 1000, 65_536, 70_000] {
            for f in tests {
                let want = bytes[..n].iter().filter(|&&b| f(b)).count();
                assert_eq!(count_bytes(&bytes[..n], f), want, "{n}");
            }
        }
    }

    /// The per-character composition this pass replaced: every group's characters pushed
    /// one by one at the group's start.
    fn reference(text: &str) -> (String, OffsetMap) {
        let mut map = OffsetMap::default();
        let mut b = Builder::with_capacity(text.len());
        let mut start = 0;
        let mut buf = String::new();
        let flush = |b: &mut Builder, start: usize, s: &str| {
            for c in s.nfc() {
                b.push(c, start);
            }
        };
        for (i, c) in text.char_indices() {
            if canonical_combining_class(c) == 0 && !buf.is_empty() {
                flush(&mut b, start, &buf);
                buf.clear();
            }
            if buf.is_empty() {
                start = i;
            }
            buf.push(c);
            if buf.len() > 64 {
                flush(&mut b, start, &buf);
                buf.clear();
            }
        }
        flush(&mut b, start, &buf);
        let (t, l) = b.finish(text.len());
        map.push(l);
        (t, map)
    }

    /// `text` composed by [`nfc`] (the wide skipping where the processor has it) and by
    /// the narrow skipping of 32-byte blocks, each with its map.
    fn both_nfc(text: &str) -> [(String, OffsetMap); 2] {
        let mut maps = [OffsetMap::default(), OffsetMap::default()];
        let a = nfc(text.to_string(), &mut maps[0]);
        let b = nfc_with(text.to_string(), &mut maps[1], safe_run, 32);
        let [ma, mb] = maps;
        [(a, ma), (b, mb)]
    }

    #[test]
    fn nfc_matches_the_per_character_pass() {
        let nfd: String = "Nghị định số 12/2024/NĐ-CP".nfd().collect();
        let marks = format!("a{}b", "\u{301}".repeat(100));
        let rows = [
            nfd.as_str(),
            "Nghị định",
            "x\u{301} y",
            "\u{301}lead mark",
            "Ω ohm sign \u{2126}",
            marks.as_str(),
            "mixed Nghi\u{323} định, Ủy ban",
            "",
        ];
        for text in rows {
            let (want, want_map) = reference(text);
            for (got, map) in both_nfc(text) {
                assert_eq!(got, want, "{text:?}");
                for t in 0..=got.len() {
                    assert_eq!(map.original(t), want_map.original(t), "{text:?} at {t}");
                }
            }
        }
    }

    /// Long texts (blocks of safe starters skipped whole, marks right after them, marks cut
    /// by a block's end) compose and map as the per-character pass does.
    #[test]
    fn nfc_over_safe_blocks_matches_the_per_character_pass() {
        let alphabet: Vec<char> =
            "a Z\n9ăđịỆươé\u{a0}\u{85}\u{301}\u{323}\u{340}\u{2126}\u{1e9b}가😀"
                .chars()
                .collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..3_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Runs of safe letters (up to 80 bytes) between random characters.
            let mut w = String::new();
            for k in 0..(seed >> 59) {
                let r = seed.rotate_left(11 * k as u32 + 5);
                let run = (r % 40) as usize;
                w.push_str(
                    &"Nghị định số 12/2024/NĐ-CP của Chính phủ; "[..]
                        .chars()
                        .take(run)
                        .collect::<String>(),
                );
                w.push(alphabet[((r >> 8) % alphabet.len() as u64) as usize]);
                if r & 1 == 0 {
                    w.push('\u{301}');
                }
            }
            let (want, want_map) = reference(&w);
            for (got, map) in both_nfc(&w) {
                assert_eq!(got, want, "{w:?}");
                for t in 0..=got.len() {
                    assert_eq!(map.original(t), want_map.original(t), "{w:?} at {t}");
                }
            }
        }
    }

    #[test]
    fn safe_starters_are_starters_allowed_in_nfc() {
        for c in ('\u{A0}'..='\u{2FF}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{2002}'..='\u{206F}')
        {
            assert!(is_safe_starter(c));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    /// A block the vectorized test passes holds only starters allowed in NFC: every char,
    /// at every place in a block of ASCII and Vietnamese letters.
    #[test]
    fn safe_blocks_hold_only_safe_starters() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for pad in [0, 29, 31] {
                let s = format!("{}{c}ệ{}", "a".repeat(pad), "a".repeat(40));
                let b = s.as_bytes();
                if block_is_safe(&b[..32], &b[1..33]) {
                    assert_eq!(canonical_combining_class(c), 0, "{c:?}");
                    assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
                }
            }
        }
        // Vietnamese letters and ASCII pass it.
        let s = "Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ";
        assert!(block_is_safe(&s.as_bytes()[..32], &s.as_bytes()[1..33]));
    }

    #[test]
    fn safe_starters_told_from_their_bytes() {
        for c in ('\u{80}'..='\u{3000}').chain(['\u{10000}', '\u{1F600}']) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let want = is_safe_starter(c).then_some(c.len_utf8());
            assert_eq!(safe_starter_len(bytes, 0), want, "{c:?}");
            assert_eq!(utf8_len(bytes[0]), c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn letters_as_the_standard_library_says() {
        for c in ('\u{80}'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    /// The one-pass check says what the Unicode quick check over the whole text says, on
    /// random mixtures of ASCII, safe starters, combining marks and other blocks.
    #[test]
    fn is_nfc_matches_the_whole_quick_check() {
        let alphabet: Vec<char> =
            "a Z\n9ăđịỆươé\u{a0}\u{2c6}\u{301}\u{323}\u{340}\u{344}\u{2126}\u{212b}\u{1e9b}\u{1f71}\u{3099}가中😀\u{1d15e}ǅ"
                .chars()
                .collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut seen = [0usize; 2];
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Up to 127 characters: long enough for the 32-byte blocks.
            let n = (seed >> 57) as usize;
            let mut w = String::new();
            for k in 0..n {
                let r = seed.rotate_left(7 * k as u32 + 3);
                w.push(alphabet[(r % alphabet.len() as u64) as usize]);
            }
            let want = is_nfc_quick(w.chars()) == IsNormalized::Yes;
            assert_eq!(is_nfc(&w), want, "{w:?}");
            seen[usize::from(want)] += 1;
        }
        // Both answers were met many times.
        assert!(seen.iter().all(|&n| n > 100), "{seen:?}");
    }

    /// The wide (AVX2) checks say what the narrow ones say: `is_nfc` what the whole quick
    /// check says, on random mixtures of ASCII runs (whole blocks), safe starters, marks,
    /// punctuation, C1 controls and other blocks; the counts of control and lead bytes
    /// what `count_bytes` counts, at every length around the 32-byte blocks.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn wide_checks_say_what_narrow_ones_say() {
        if !wide::usable() {
            eprintln!("no AVX2: the wide checks are not used here");
            return;
        }
        let alphabet: Vec<&str> = vec![
            "a",
            " ",
            "\n",
            "Nghị định số 12/2024/NĐ-CP của Chính phủ",
            "0123456789abcdefghijklmnopqrstuvwxyz",
            "ă",
            "đ",
            "ị",
            "Ệ",
            "ư",
            "é",
            "\u{a0}",
            "\u{85}",
            "\u{2c6}",
            "\u{301}",
            "\u{323}",
            "\u{340}",
            "\u{344}",
            "\u{2126}",
            "\u{212b}",
            "\u{1e9b}",
            "\u{1f71}",
            "\u{3099}",
            "가",
            "中",
            "😀",
            "\u{1d15e}",
            "“",
            "”",
            "–",
            "\u{2000}",
            "\u{2001}",
            "\u{2002}",
            "\u{206f}",
            "\u{2070}",
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut seen = [0usize; 2];
        for _ in 0..30_000 {
            x = crate::testing::xorshift(x);
            let mut w = String::new();
            for k in 0..(x >> 58) {
                let r = crate::testing::xorshift(x.rotate_left(k as u32 * 3 + 1));
                w.push_str(alphabet[(r % alphabet.len() as u64) as usize]);
            }
            let want = is_nfc_quick(w.chars()) == IsNormalized::Yes;
            // SAFETY: the processor has AVX2 and POPCNT (asked above).
            assert_eq!(unsafe { wide::is_nfc(&w) }, want, "{w:?}");
            assert_eq!(is_nfc_narrow(&w), want, "{w:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 1000), "{seen:?}");
        let bytes: Vec<u8> = (0..3000)
            .map(|_| {
                x = crate::testing::xorshift(x);
                // Many controls, NULs and high bytes.
                [
                    (x >> 24) as u8,
                    (x >> 32) as u8 & 0x1F,
                    0xC0 | (x >> 40) as u8,
                ][(x % 3) as usize]
            })
            .collect();
        for n in (0..100).chain([255, 256, 257, 1000, 2999, 3000]) {
            for from in [0, 1, 7, 31] {
                let b = &bytes[from.min(n)..n];
                // SAFETY: as above.
                let (controls, nul) = unsafe { wide::controls(b) };
                assert_eq!(controls, count_bytes(b, is_control), "{n} {from}");
                assert_eq!(nul, b.contains(&0), "{n} {from}");
                // SAFETY: as above.
                let leads = unsafe { wide::leads(b) };
                assert_eq!(leads, count_bytes(b, |c| c >= 0xC0), "{n} {from}");
            }
        }
    }

    #[test]
    fn quick_checks() {
        // (text, certainly NFC)
        let nfd: String = "Ủy ban".nfd().collect();
        for (s, want) in [
            ("plain ASCII", true),
            ("Ủy ban nhân dân", true),
            (nfd.as_str(), false),
            ("a\u{2126}", false),
            ("", true),
        ] {
            assert_eq!(is_nfc(s), want, "{s:?}");
        }
        // (sample, plain Unicode for certain)
        for (s, want) in [
            ("UBND 2024", true),
            ("Ủy ban nhân dân", true),
            ("“quoted” – dash\u{a0}", true),
            ("Uû ban nh©n d©n", false),
            ("Xin chaøo caùc baïn", false),
        ] {
            assert_eq!(plainly_unicode(s).is_some(), want, "{s:?}");
        }
        // The scan that stops early says what the whole scan says, and why.
        let whole = |sample: &str| {
            let high = cp1252_high();
            let (mut latin, mut beyond, mut odd) = (0usize, 0usize, 0usize);
            for c in sample.chars().filter(|c| !c.is_ascii()) {
                latin += 1;
                let alpha = c.is_alphabetic();
                if alpha || !(c.is_whitespace() || is_ordinary_symbol(c)) {
                    odd += 1;
                }
                if alpha && c as u32 >= 0x100 && high.binary_search(&c).is_err() {
                    beyond += 1;
                }
            }
            if odd == 0 {
                Some("valid UTF-8, no non-ASCII letters")
            } else if beyond * 100 > latin {
                Some("valid UTF-8 with Vietnamese letters beyond Windows-1252 (no legacy encoding)")
            } else {
                None
            }
        };
        let mixed = format!("{}Ủy ban", "é ".repeat(150));
        let late = format!("{}ư", "é".repeat(99));
        let later = format!("{}ư", "é".repeat(100));
        for s in [
            "",
            "UBND",
            "Ủy ban nhân dân",
            "“q” –",
            "Uû ban nh©n d©n",
            "ư“",
            "“ư",
            mixed.as_str(),
            late.as_str(),
            later.as_str(),
            "Xin chaøo caùc baïn ơ",
        ] {
            assert_eq!(plainly_unicode(s), whole(s), "{s:?}");
        }
    }
}
