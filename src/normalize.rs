//! Normalization of Vietnamese text, always with a way back to the original bytes.
//!
//! Two views are built here and nowhere else:
//! - [`Folded`]: the text with diacritics stripped (`đ`/`Đ`/`Ð` → `d`/`D`, combining marks
//!   dropped so NFD and NFC fold alike), case kept, typographic dashes and spaces made ASCII
//!   and Markdown emphasis (`*`) made a space. Extraction matches on this view; every byte of
//!   it maps back to the byte of the original it came from ([`Folded::span`]).
//! - [`clean`]: the proper Vietnamese spelling of a piece of text: NFC, `Ð` → `Đ`, tone marks
//!   placed the modern way ("uỷ" → "ủy", "hoà" → "hòa"), white space collapsed. Used for fields
//!   reported to users (issuer, title, law name) and for typo checks.
//!
//! Invariant: nothing downstream moves a span; only this module knows how text changed.

use std::cell::Cell;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

thread_local! {
    /// The buffers of the last recycled [`Folded`] of this thread ([`Folded::recycle`]).
    static SPARE: Cell<Option<(String, Vec<u32>)>> = const { Cell::new(None) };
}

/// The folded view of a text with its offset map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// Folded text: mostly ASCII, case kept.
    pub text: String,
    /// For every byte of `text`, the byte offset in the original where its character starts;
    /// one extra entry at the end holds the original's length. Entries after that one are
    /// left from an earlier text (the buffer is reused) and never read.
    map: Vec<u32>,
}

impl Folded {
    /// Fold `original`. Linear in its length; never panics.
    ///
    /// Works on bytes: ASCII is copied as it is ('*' made a space), other chars are folded
    /// through one table looked up by their UTF-8 bytes ([`FoldTables::at`]); a kept char is
    /// copied as its bytes. The text and the map are written by index into buffers sized
    /// for the whole text up front (the folded text is never longer than the original), so
    /// the loop keeps its positions in registers; they are the buffers of the last
    /// [`Folded::recycle`]d view of this thread when there is one: a large document's
    /// buffers are then not fresh memory the kernel has to clear page by page, and the map
    /// is not even cleared (only its first `text.len() + 1` entries are this text's).
    pub fn new(original: &str) -> Folded {
        let (text, mut map) = SPARE.with(|s| s.take()).unwrap_or_default();
        let mut out = text.into_bytes();
        let bytes = original.as_bytes();
        let n = bytes.len();
        out.resize(n, 0);
        if map.len() <= n {
            map.resize(n + 1, 0);
        }
        let len = fold_into(bytes, &mut out, &mut map);
        if let Some(end) = map.get_mut(len) {
            *end = n as u32;
        }
        out.truncate(len);
        debug_assert!(std::str::from_utf8(&out).is_ok(), "folded text not UTF-8");
        // SAFETY: `fold_into` writes, for each char of the `str` in order, nothing, one
        // ASCII byte or the char's own UTF-8 bytes, every write inside `out` (the folded text
        // up to any char is never longer than the original up to it); the block loop's
        // stores past its folded length are overwritten by the next chars' or cut by the
        // `truncate` above. So `out` is whole chars: valid UTF-8, not checked again (a pass
        // over the whole text). The tests compare every folded text with the reference
        // (`fast_fold_matches_reference_*`, `wide_fold_matches_narrow_*`) and check this
        // in debug builds.
        let text = unsafe { String::from_utf8_unchecked(out) };
        Folded { text, map }
    }

    /// Give this view's buffers back for the next [`Folded::new`] on this thread (a
    /// document's extraction folds one text after another). Keeps the larger of the
    /// buffers offered, so a thread holds at most the buffers of its largest document, and
    /// none over 16 MiB in all (text and map: a text of about 3 MB; larger ones are freed as
    /// before).
    pub fn recycle(self) {
        const KEEP_AT_MOST: usize = 16 << 20;
        let bytes = self.map.capacity() * std::mem::size_of::<u32>() + self.text.capacity();
        if bytes > KEEP_AT_MOST {
            return;
        }
        SPARE.with(|s| {
            let keep = match s.take() {
                Some(old) if old.1.capacity() > self.map.capacity() => old,
                _ => (self.text, self.map),
            };
            s.set(Some(keep));
        });
    }

    /// The original byte offset where the folded byte `i` comes from. `i == text.len()`
    /// gives the original's length.
    pub fn orig(&self, i: usize) -> usize {
        self.map
            .get(i.min(self.text.len()))
            .map_or(0, |&o| o as usize)
    }

    /// The original byte range of the folded range `[a, b)`. The end is the start of the next
    /// emitted character, so combining marks after the last letter are included.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.orig(a), self.orig(b.max(a)))
    }

    /// The folded offset of an original offset (the first folded byte at or after it).
    pub fn folded_at(&self, orig: usize) -> usize {
        let map = self.map.get(..=self.text.len()).unwrap_or(&self.map);
        map.partition_point(|&o| (o as usize) < orig)
    }
}

enum Fold {
    Drop,
    Ascii(u8),
    Keep,
}

/// Write the folded byte `b` from original offset `at` at folded position `o`, and move on.
#[inline(always)]
fn put(out: &mut [u8], map: &mut [u32], o: &mut usize, b: u8, at: usize) {
    if let (Some(x), Some(m)) = (out.get_mut(*o), map.get_mut(*o)) {
        *x = b;
        *m = at as u32;
    }
    *o += 1;
}

/// Fold `bytes` (a `str`'s) into `out` (at least as long) with each folded byte's original
/// offset into `map` (as long); returns the folded length. Writes out of range are skipped
/// (none happen: the folded text up to any point is never longer than the original).
///
/// 64 bytes at a time where the processor has AVX-512 ([`wide`]; the last bytes by the
/// narrow loop), else [`fold_into_narrow`]; both give the same bytes and offsets
/// (`wide_fold_matches_narrow_*` tests).
fn fold_into(bytes: &[u8], out: &mut [u8], map: &mut [u32]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= wide::BLOCK && wide::available() {
        let folds = fold_tables();
        // SAFETY: the processor has the features `fold_blocks` needs (just checked).
        let (i, o) = unsafe { wide::fold_blocks(bytes, out, map, folds) };
        let mut a = Cursor { i, o };
        a.words(bytes, bytes.len(), out, map, folds);
        a.tail(bytes, bytes.len(), out, map, folds);
        return a.o;
    }
    fold_into_narrow(bytes, out, map)
}

/// [`fold_into`] on any processor, eight bytes at a time.
///
/// The text is folded as two halves at once (split at a char boundary), each by its own
/// [`Cursor`]: one half's steps wait on the loads and table look-ups of its previous step,
/// so interleaving two independent halves keeps the CPU busy. The second half is folded
/// into place from its own original offset (the folded text is never longer than the
/// original) and moved down after the first half's at the end.
fn fold_into_narrow(bytes: &[u8], out: &mut [u8], map: &mut [u32]) -> usize {
    let folds = fold_tables();
    let n = bytes.len();
    if n < TWO_CURSORS_FROM {
        let mut a = Cursor { i: 0, o: 0 };
        a.words(bytes, n, out, map, folds);
        a.tail(bytes, n, out, map, folds);
        return a.o;
    }
    let mut h = n / 2;
    while bytes.get(h).is_some_and(|&b| b & 0xC0 == 0x80) {
        h += 1;
    }
    let mut a = Cursor { i: 0, o: 0 };
    let mut b = Cursor { i: h, o: h };
    while a.i + 8 <= h && b.i + 8 <= n {
        a.step(bytes, out, map, folds);
        b.step(bytes, out, map, folds);
    }
    a.words(bytes, h, out, map, folds);
    a.tail(bytes, h, out, map, folds);
    b.words(bytes, n, out, map, folds);
    b.tail(bytes, n, out, map, folds);
    let second = h..b.o;
    let len = a.o + second.len();
    if second.end <= out.len() && second.end <= map.len() {
        out.copy_within(second.clone(), a.o);
        map.copy_within(second, a.o);
    }
    len
}

/// [`fold_into`] 64 bytes at a time with AVX-512 (the processors that have it: the
/// machines cancu is measured on). Per block: the '*' made spaces and the Vietnamese
/// letters (two-byte chars led by C3..C6, three-byte chars E1 BA/BB xx) replaced at their
/// lead byte by the ASCII byte they fold to, all at once by vector table look-ups
/// ([`FoldTables::letters`]); the bytes kept (every byte but the continuation bytes of
/// non-ASCII chars, and the lead bytes of chars folding to nothing; the whole of a char
/// kept as it is) packed by one compress and stored, their original offsets packed the
/// same way by four; then the other non-ASCII chars ('…', curly quotes, NFD marks, '×':
/// 3% of the blocks of the benchmark corpus hold one), one by one ([`FoldTables::at`]):
/// the lead byte, now at its packed place, overwritten with the ASCII byte the char folds
/// to, or a kept char's continuation bytes mapped to where it starts. Nothing waits on the
/// previous char's length, which is what bounds the eight-byte loop on Vietnamese.
#[cfg(target_arch = "x86_64")]
mod wide {
    use super::{FoldTables, FOLD_DROP, FOLD_KEEP};
    use std::arch::x86_64::*;
    use std::sync::OnceLock;

    /// The bytes of one block.
    pub(super) const BLOCK: usize = 64;

    /// Whether this processor can run [`fold_blocks`] (checked once).
    pub(super) fn available() -> bool {
        static HAS: OnceLock<bool> = OnceLock::new();
        *HAS.get_or_init(|| {
            is_x86_feature_detected!("avx512f")
                && is_x86_feature_detected!("avx512bw")
                && is_x86_feature_detected!("avx512vbmi")
                && is_x86_feature_detected!("avx512vbmi2")
                && is_x86_feature_detected!("bmi2")
                && is_x86_feature_detected!("popcnt")
        })
    }

    /// Fold whole blocks of `bytes` (a `str`'s) from the start into `out` and `map` (each
    /// at least as long), as [`super::fold_into_narrow`] would; returns the original and
    /// folded positions where it stopped (a char boundary, fewer than [`BLOCK`] bytes
    /// before the end), for the narrow loop to go on from.
    ///
    /// # Safety
    /// The processor must have AVX-512 F, BW, VBMI and VBMI2, BMI2 and POPCNT ([`available`]).
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2,bmi2,popcnt")]
    pub(super) unsafe fn fold_blocks(
        bytes: &[u8],
        out: &mut [u8],
        map: &mut [u32],
        folds: &FoldTables,
    ) -> (usize, usize) {
        let n = bytes.len();
        let (mut i, mut o) = (0usize, 0usize);
        let star = _mm512_set1_epi8(b'*' as i8);
        let space = _mm512_set1_epi8(b' ' as i8);
        let lead_from = _mm512_set1_epi8(0xC0u8 as i8);
        let iota = _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        // Every load and store below is inside the slices: the block is i..i + 64 of
        // `bytes`, the stores are at most 64 bytes or 16 offsets from o or below it.
        let t = |k: usize| {
            // SAFETY: reads 64 of the 384 bytes of `letters` (k <= 320).
            unsafe { _mm512_loadu_si512(folds.letters.as_ptr().add(k).cast()) }
        };
        let (two_a, two_b, two_c, two_d, three_a, three_b) =
            (t(0), t(64), t(128), t(192), t(256), t(320));
        let byte = |b: u8| _mm512_set1_epi8(b as i8);
        // Every load and store below is inside the slices: the block is i..i + 64 of
        // `bytes` (read also from i + 1 and i + 2), the stores are at most 64 bytes or 16
        // offsets from o or below it.
        while i + BLOCK + 2 <= n && o + BLOCK <= out.len() && o + BLOCK <= map.len() {
            // SAFETY: i + 66 <= bytes.len().
            let (v, v1, v2) = unsafe {
                let at = bytes.as_ptr().add(i);
                (
                    _mm512_loadu_si512(at.cast()),
                    _mm512_loadu_si512(at.add(1).cast()),
                    _mm512_loadu_si512(at.add(2).cast()),
                )
            };
            let high = _mm512_movepi8_mask(v);
            let mut w = _mm512_mask_mov_epi8(v, _mm512_cmpeq_epi8_mask(v, star), space);
            // The bytes kept, and the block's length: it ends before a char cut by its end.
            let (keep, len, rare) = if high == 0 {
                (u64::MAX, BLOCK, 0)
            } else {
                let lead = _mm512_cmpge_epu8_mask(v, lead_from);
                let mut len = BLOCK;
                if lead >> 61 != 0 {
                    let q = 63 - lead.leading_zeros() as usize;
                    let b = bytes.get(i + q).copied().unwrap_or(0);
                    let char_len = 2 + usize::from(b >= 0xE0) + usize::from(b >= 0xF0);
                    if q + char_len > BLOCK {
                        len = q;
                    }
                }
                let valid = if len == BLOCK {
                    u64::MAX
                } else {
                    (1u64 << len) - 1
                };
                let keep = !(high & !lead) & valid;
                // The Vietnamese letters, looked up all at once: two-byte chars led by
                // C3..C6 by their index 0..256 in `letters`, three-byte chars E1 BA/BB xx
                // by theirs.
                let t2 = _mm512_sub_epi8(v, byte(0xC3));
                let two = _mm512_cmplt_epu8_mask(t2, byte(4));
                let three = _mm512_cmpeq_epi8_mask(v, byte(0xE1))
                    & _mm512_cmpeq_epi8_mask(_mm512_and_si512(v1, byte(0xFE)), byte(0xBA));
                let six = byte(0x3F);
                let idx2 = _mm512_or_si512(
                    _mm512_and_si512(_mm512_slli_epi16(t2, 6), byte(0x40)),
                    _mm512_and_si512(v1, six),
                );
                let codes2 = _mm512_mask_blend_epi8(
                    _mm512_test_epi8_mask(t2, byte(2)),
                    _mm512_permutex2var_epi8(two_a, idx2, two_b),
                    _mm512_permutex2var_epi8(two_c, idx2, two_d),
                );
                let idx3 = _mm512_or_si512(
                    _mm512_and_si512(_mm512_slli_epi16(v1, 6), byte(0x40)),
                    _mm512_and_si512(v2, six),
                );
                let codes3 = _mm512_permutex2var_epi8(three_a, idx3, three_b);
                let codes = _mm512_mask_blend_epi8(three, codes2, codes3);
                // The letters folding to an ASCII byte take it from the vector; any other
                // (folding to nothing or kept as it is: '×') is read one by one below.
                let odd = _mm512_cmpge_epu8_mask(_mm512_sub_epi8(codes, byte(1)), byte(0x7F));
                let known = (two | three) & keep & !odd;
                w = _mm512_mask_mov_epi8(w, known, codes);
                (keep, len, high & keep & !known)
            };
            // The other non-ASCII chars (rare in Vietnamese: '…', curly quotes, NFD marks):
            // one folding to nothing loses its lead byte, one kept as it is keeps its
            // continuation bytes too.
            let mut keep = keep;
            let mut kept_whole = 0u64;
            let mut leads = rare;
            while leads != 0 {
                let p = leads.trailing_zeros();
                leads &= leads - 1;
                match folds.at(bytes, i + p as usize) {
                    (FOLD_DROP, _) => keep &= !(1u64 << p),
                    (FOLD_KEEP, n) => {
                        // The char is whole in the block (`len`): p + n <= 64.
                        let tail = (u64::MAX >> (64 - n)) << p;
                        keep |= tail;
                        kept_whole |= 1u64 << p;
                    }
                    _ => {}
                }
            }
            // SAFETY: o + 64 <= out.len().
            unsafe {
                _mm512_storeu_si512(
                    out.as_mut_ptr().add(o).cast(),
                    _mm512_maskz_compress_epi8(keep, w),
                );
            }
            let mut at = o;
            for k in 0..4 {
                let m = (keep >> (16 * k)) as u16;
                let from = _mm512_set1_epi32((i + 16 * k) as u32 as i32);
                let offsets = _mm512_maskz_compress_epi32(m, _mm512_add_epi32(iota, from));
                // SAFETY: at <= o + 16 * k, so at + 16 <= o + 64 <= map.len().
                unsafe { _mm512_storeu_si512(map.as_mut_ptr().add(at).cast(), offsets) };
                at += m.count_ones() as usize;
            }
            // Each of those chars at its packed place: the ASCII byte it folds to over its
            // lead byte; a kept char's continuation bytes mapped to where it starts.
            let mut leads = rare & keep;
            while leads != 0 {
                let p = leads.trailing_zeros();
                leads &= leads - 1;
                let packed = o + _bzhi_u64(keep, p).count_ones() as usize;
                if kept_whole & (1u64 << p) != 0 {
                    let n = folds.at(bytes, i + p as usize).1;
                    let start = (i + p as usize) as u32;
                    for m in map.iter_mut().skip(packed + 1).take(n - 1) {
                        *m = start;
                    }
                } else if let Some(x) = out.get_mut(packed) {
                    *x = folds.at(bytes, i + p as usize).0;
                }
            }
            i += len;
            o = at;
        }
        (i, o)
    }
}

/// The length from which [`fold_into`] folds a text as two halves.
const TWO_CURSORS_FROM: usize = 512;

/// A position in the original (`i`) and in the folded text (`o`) of [`fold_into`].
struct Cursor {
    i: usize,
    o: usize,
}

impl Cursor {
    /// [`Cursor::step`] while eight bytes before `end` are left.
    #[inline(always)]
    fn words(
        &mut self,
        bytes: &[u8],
        end: usize,
        out: &mut [u8],
        map: &mut [u32],
        folds: &FoldTables,
    ) {
        while self.i + 8 <= end {
            self.step(bytes, out, map, folds);
        }
    }

    /// Eight bytes from `i` (there must be eight before the end of the cursor's part, a
    /// char boundary): the ASCII bytes before the first '*' or non-ASCII byte are copied
    /// with their offsets by fixed-size writes (all eight written, the position moved past
    /// the run only). Then the byte that stopped the run: '*', or a char folded by
    /// [`FoldTables::at`].
    #[inline(always)]
    fn step(&mut self, bytes: &[u8], out: &mut [u8], map: &mut [u32], folds: &FoldTables) {
        let (i, o) = (self.i, self.o);
        let w8: [u8; 8] = bytes
            .get(i..i + 8)
            .and_then(|w| w.try_into().ok())
            .unwrap_or([0x80; 8]);
        let word = u64::from_le_bytes(w8);
        let k = ascii_run_len(word);
        if let (Some(x), Some(m)) = (out.get_mut(o..o + 8), map.get_mut(o..o + 8)) {
            x.copy_from_slice(&w8);
            let base = i as u32;
            m.copy_from_slice(&std::array::from_fn::<u32, 8, _>(|j| base + j as u32));
        }
        let (mut i, mut o) = (i + k, o + k);
        if k < 8 {
            // The stopping byte, from the word in a register (not read back from memory).
            if (word >> (8 * (k & 7))) as u8 == b'*' {
                put(out, map, &mut o, b' ', i);
                i += 1;
            } else {
                let (code, len) = folds.at(bytes, i);
                if code.wrapping_sub(1) < 0x7F {
                    put(out, map, &mut o, code, i);
                } else if code == FOLD_KEEP {
                    for &b in bytes.get(i..i + len).unwrap_or_default() {
                        put(out, map, &mut o, b, i);
                    }
                }
                i += len;
            }
        }
        self.i = i;
        self.o = o;
    }

    /// The bytes from `i` to `end` one char at a time.
    fn tail(
        &mut self,
        bytes: &[u8],
        end: usize,
        out: &mut [u8],
        map: &mut [u32],
        folds: &FoldTables,
    ) {
        let (mut i, mut o) = (self.i, self.o);
        while let Some(&b) = bytes.get(i).filter(|_| i < end) {
            if b < 0x80 {
                put(out, map, &mut o, if b == b'*' { b' ' } else { b }, i);
                i += 1;
                continue;
            }
            let (code, len) = folds.at(bytes, i);
            match code {
                FOLD_DROP => {}
                // The char's own bytes (valid UTF-8 as it came).
                FOLD_KEEP => {
                    for &b in bytes.get(i..i + len).unwrap_or_default() {
                        put(out, map, &mut o, b, i);
                    }
                }
                a => put(out, map, &mut o, a, i),
            }
            i += len;
        }
        self.i = i;
        self.o = o;
    }
}

/// How many of the eight bytes of `w` (little-endian) come before the first non-ASCII byte
/// or '*': the ASCII run [`Folded::new`] copies as it is. Exact for the first such byte (the
/// zero-byte test's borrows only run above a zero byte).
fn ascii_run_len(w: u64) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let x = w ^ (LO * b'*' as u64);
    let stops = (w & HI) | (x.wrapping_sub(LO) & !x & HI);
    (stops.trailing_zeros() / 8) as usize
}

/// How many of the eight bytes of `w` (little-endian) come before the first byte that is
/// not a printable ASCII char other than '*' (a byte up to the space, '*', or non-ASCII):
/// the run [`clean`] copies as it is. Exact for the first such byte, as
/// [`ascii_run_len`].
fn word_run_len(w: u64) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let x = w ^ (LO * b'*' as u64);
    let low = w.wrapping_sub(LO * 0x21) & !w & HI;
    let stops = (w & HI) | (x.wrapping_sub(LO) & !x & HI) | low;
    (stops.trailing_zeros() / 8) as usize
}

/// What a non-ASCII char folds to, as a byte: [`FOLD_DROP`], [`FOLD_KEEP`] or the ASCII
/// byte it becomes.
const FOLD_DROP: u8 = 0;
const FOLD_KEEP: u8 = 0x80;

/// [`fold_char_with`] as byte codes, looked up by the UTF-8 bytes of the chars Vietnamese
/// text is made of: every two-byte char (U+0080..U+07FF), U+1000..U+1FFF (Latin Extended
/// Additional among them) and U+2000..U+2FFF (punctuation: quotes, dashes, spaces); other
/// chars are decoded and folded one by one.
struct FoldTables {
    /// The codes, indexed as [`FoldTables::fast_at`] says: 0..0x800 by the code point of a
    /// two-byte char, 0x800..0x1800 by that of U+1000..U+1FFF − 0x800, 0x1800..0x2800 by
    /// that of U+2000..U+2FFF − 0x800; [`FOLD_OTHER`] below 0x80 and from 0x2800 (every
    /// other char).
    fast: Box<[u8; FAST_LEN]>,
    /// By the first byte of a char: where its chars start in `fast` (low 16 bits), how far
    /// to shift the low 12 bits of a three-byte char's code point to get the offset there
    /// (bits 16..24: 6 for a two-byte char, whose second byte is then the offset, 0 for a
    /// three-byte char, 12 for the chars outside the tables: offset 0 at [`FAST_OTHER`]),
    /// and the char's length (bits 24..).
    lead: Box<[u32; 256]>,
    latin: &'static [u8],
    /// The codes of the Vietnamese letters for the block loop's vector look-ups
    /// (`wide::fold_blocks`): 0..256 those of U+00C0..U+01BF (the two-byte chars led by
    /// C3..C6), 256..384 those of U+1E80..U+1EFF (the three-byte chars led by E1 BA/BB).
    #[cfg(target_arch = "x86_64")]
    letters: [u8; 384],
}

/// The length of [`FoldTables::fast`] (a power of two: indices are masked, not checked).
const FAST_LEN: usize = 0x4000;
/// Where the chars outside the tables look their code up in [`FoldTables::fast`].
const FAST_OTHER: usize = 0x2800;

/// A code of [`FoldTables::fast`]: the char is not in the tables (ask [`FoldTables::at`]).
const FOLD_OTHER: u8 = 0xFF;

fn fold_code(f: Fold) -> u8 {
    match f {
        Fold::Drop => FOLD_DROP,
        Fold::Keep => FOLD_KEEP,
        Fold::Ascii(a) => a,
    }
}

fn fold_tables() -> &'static FoldTables {
    static T: OnceLock<FoldTables> = OnceLock::new();
    T.get_or_init(|| {
        let latin = latin_table();
        let code =
            |cp: u32| char::from_u32(cp).map_or(FOLD_KEEP, |c| fold_code(fold_char_with(c, latin)));
        let mut fast = Box::new([FOLD_OTHER; FAST_LEN]);
        for (slot, cp) in fast[0x80..0x800].iter_mut().zip(0x80..0x800) {
            *slot = code(cp);
        }
        for (slot, cp) in fast[0x800..FAST_OTHER].iter_mut().zip(0x1000..0x3000) {
            *slot = code(cp);
        }
        let mut lead = Box::new([(12 << 16) | FAST_OTHER as u32; 256]);
        for (b0, e) in lead.iter_mut().enumerate() {
            match b0 {
                0xC0..=0xDF => *e = (2 << 24) | (6 << 16) | (((b0 as u32) & 0x1F) << 6),
                0xE1 => *e = (3 << 24) | 0x800,
                0xE2 => *e = (3 << 24) | 0x1800,
                _ => {}
            }
        }
        #[cfg(target_arch = "x86_64")]
        let letters = std::array::from_fn(|k| {
            let cp = if k < 256 { 0xC0 + k } else { 0x1E80 + k - 256 };
            code(cp as u32)
        });
        FoldTables {
            fast,
            lead,
            latin,
            #[cfg(target_arch = "x86_64")]
            letters,
        }
    })
}

impl FoldTables {
    /// The code of the non-ASCII char at byte `i` of valid UTF-8 `b` by [`FoldTables::fast`]
    /// and its length when it is in the tables; [`FOLD_OTHER`] for other chars (the length
    /// is then not theirs). No branch: two-byte and three-byte chars alternate at random in
    /// Vietnamese.
    #[inline(always)]
    fn fast_at(&self, b: &[u8], i: usize) -> (u8, usize) {
        let (b0, b1, b2) = match b.get(i..i + 3) {
            Some(&[b0, b1, b2]) => (b0 as usize, b1 as usize, b2 as usize),
            _ => {
                let at = |k: usize| b.get(i + k).copied().unwrap_or(0) as usize;
                (at(0), at(1), at(2))
            }
        };
        let e = self.lead[b0 & 0xFF] as usize;
        // The low 12 bits of a three-byte char's code point; a two-byte char's second
        // byte's six after the shift.
        let low = ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        let idx = (e & 0xFFFF) + (low >> ((e >> 16) & 0xFF));
        (self.fast[idx & (FAST_LEN - 1)], e >> 24)
    }

    /// The fold code of the non-ASCII char at byte `i` of valid UTF-8 `b`, and its length.
    #[inline(always)]
    fn at(&self, b: &[u8], i: usize) -> (u8, usize) {
        match self.fast_at(b, i) {
            (FOLD_OTHER, _) => self.other(b, i),
            found => found,
        }
    }

    /// [`FoldTables::at`] of a char outside the tables (rare in Vietnamese text).
    #[cold]
    #[inline(never)]
    fn other(&self, b: &[u8], i: usize) -> (u8, usize) {
        let (c, len) = decode_at(b, i);
        (fold_code(fold_char_with(c, self.latin)), len)
    }
}

/// The char starting at byte `i` of valid UTF-8 `b` (a `str`'s bytes) and its length,
/// decoded from its bytes; never panics (a cut sequence reads as U+FFFD).
fn decode_at(b: &[u8], i: usize) -> (char, usize) {
    let at = |k: usize| (b.get(i + k).copied().unwrap_or(0) & 0x3F) as u32;
    let lead = b[i] as u32;
    let (cp, len) = match lead {
        0xC0..=0xDF => (((lead & 0x1F) << 6) | at(1), 2),
        0xE0..=0xEF => (((lead & 0x0F) << 12) | (at(1) << 6) | at(2), 3),
        _ => (
            ((lead & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3),
            4,
        ),
    };
    (char::from_u32(cp).unwrap_or('\u{FFFD}'), len)
}

/// Fold one non-ASCII char.
#[cfg(test)]
fn fold_char(c: char) -> Fold {
    fold_char_with(c, latin_table())
}

/// Fold one non-ASCII char, with the table of Latin letters ([`latin_table`]).
fn fold_char_with(c: char, table: &[u8]) -> Fold {
    let cp = c as u32;
    match cp {
        // Combining diacritical marks: dropped (NFD text folds like NFC).
        0x0300..=0x036F => Fold::Drop,
        // Zero-width space/joiners, BOM, soft hyphen.
        0x200B..=0x200D | 0xFEFF | 0x00AD => Fold::Drop,
        // Spaces.
        0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => Fold::Ascii(b' '),
        // Dashes and the minus sign.
        0x2010..=0x2015 | 0x2212 => Fold::Ascii(b'-'),
        // Line/paragraph separators.
        0x2028 | 0x2029 => Fold::Ascii(b'\n'),
        0x00C0..=0x024F | 0x1E00..=0x1EFF => match table.get(latin_index(cp)).copied().unwrap_or(0)
        {
            0 => Fold::Keep,
            a => Fold::Ascii(a),
        },
        _ => Fold::Keep,
    }
}

fn latin_index(cp: u32) -> usize {
    if cp <= 0x024F {
        (cp - 0x00C0) as usize
    } else {
        (0x0250 - 0x00C0) as usize + (cp - 0x1E00) as usize
    }
}

/// Is `cp` in the Latin ranges the tables cover (U+00C0..U+024F, U+1E00..U+1EFF)?
fn in_latin_ranges(cp: u32) -> bool {
    (0x00C0..=0x024F).contains(&cp) || (0x1E00..=0x1EFF).contains(&cp)
}

/// `char::to_lowercase` of a Latin letter (U+00C0..U+024F, U+1E00..U+1EFF: Vietnamese
/// among them) from a table computed from it once: `Some(Some(l))` when it is the one char
/// `l`, `Some(None)` when it is several; `None` outside those ranges (ask
/// `char::to_lowercase`). The index's analyzer and the registry's learning share it.
pub fn latin_lowercase(c: char) -> Option<Option<char>> {
    static TABLE: OnceLock<Vec<Option<char>>> = OnceLock::new();
    let cp = c as u32;
    if !in_latin_ranges(cp) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        [(0x00C0u32, 0x024Fu32), (0x1E00, 0x1EFF)]
            .iter()
            .flat_map(|&(lo, hi)| lo..=hi)
            .map(|cp| {
                let mut l = char::from_u32(cp)?.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) => Some(x),
                    _ => None,
                }
            })
            .collect()
    });
    table.get(latin_index(cp)).copied()
}

/// ASCII base letter of every Latin letter in U+00C0..U+024F and U+1E00..U+1EFF (0 = keep).
fn latin_table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let n = (0x0250 - 0x00C0) + (0x1F00 - 0x1E00);
        let mut t = vec![0u8; n];
        let ranges = [(0x00C0u32, 0x024Fu32), (0x1E00, 0x1EFF)];
        for (lo, hi) in ranges {
            for cp in lo..=hi {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                let base = match c {
                    'đ' | 'ð' => Some('d'),
                    'Đ' | 'Ð' => Some('D'),
                    _ => {
                        let mut first = None;
                        unicode_normalization::char::decompose_canonical(c, |d| {
                            if first.is_none() {
                                first = Some(d);
                            }
                        });
                        first.filter(|b| b.is_ascii_alphabetic())
                    }
                };
                if let Some(b) = base {
                    t[latin_index(cp)] = b as u8;
                }
            }
        }
        t
    })
}

/// Fold a short string for comparisons (lowercase, no diacritics, `đ` → `d`, white space
/// collapsed to single spaces, trimmed).
///
/// One pass over the bytes: an ASCII byte, and the ASCII byte a table char folds to
/// ([`FoldTables::at`], no decoding), go through one table, [`KEY_OF_ASCII`]; any other
/// char is decoded, and lowercased with the Unicode table.
pub fn fold_key(s: &str) -> String {
    let folds = fold_tables();
    let b = s.as_bytes();
    // Built as a `String` char by char (ASCII bytes pushed as chars): no UTF-8 check at the
    // end.
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let a = if x < 0x80 {
            i += 1;
            x
        } else {
            let (code, len) = folds.at(b, i);
            let at = i;
            i += len;
            match code {
                FOLD_DROP => continue,
                FOLD_KEEP => {
                    let c = decode_at(b, at).0;
                    if c.is_whitespace() {
                        space = true;
                        continue;
                    }
                    if space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = false;
                    out.extend(c.to_lowercase());
                    continue;
                }
                a => a,
            }
        };
        let k = KEY_OF_ASCII[usize::from(a & 0x7F)];
        if k == b' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(char::from(k));
    }
    out
}

/// The chars [`fold_key`] makes of the char `c` inside a word, given to `f` one by one:
/// none for a char folding to nothing or white space, one or several otherwise (the keys
/// of the registry's symbols are read this way, char by char, without a folded string).
pub fn fold_key_char(c: char, mut f: impl FnMut(char)) {
    let a = if c.is_ascii() {
        c as u8
    } else {
        let mut buf = [0u8; 4];
        match fold_tables().at(c.encode_utf8(&mut buf).as_bytes(), 0).0 {
            FOLD_DROP => return,
            FOLD_KEEP => {
                if !c.is_whitespace() {
                    c.to_lowercase().for_each(f);
                }
                return;
            }
            a => a,
        }
    };
    let k = KEY_OF_ASCII[usize::from(a & 0x7F)];
    if k != b' ' {
        f(char::from(k));
    }
}

/// What [`fold_key`] makes of an ASCII byte: a space for white space and '*' (Markdown
/// emphasis), the byte lowercased otherwise.
const KEY_OF_ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_whitespace() || b == 0x0B || b == b'*' {
            b' '
        } else {
            b.to_ascii_lowercase()
        };
        c += 1;
    }
    t
};

/// [`fold_key`]'s first step for one char, shared with [`key_of`]: `*` (Markdown
/// emphasis) is a space, a Latin letter its ASCII base, a mark nothing (`None`).
fn key_step(c: char, table: &[u8]) -> Option<char> {
    if c.is_ascii() {
        return Some(if c == '*' { ' ' } else { c });
    }
    match fold_char_with(c, table) {
        Fold::Drop => None,
        Fold::Ascii(a) => Some(a as char),
        Fold::Keep => Some(c),
    }
}

/// What [`fold_key`] makes of one char inside a word: nothing, a space (a word break), one
/// char, or several.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyOf {
    Drop,
    Space,
    Char(char),
    Chars(String),
}

/// [`fold_key`] of the char `c` between two letters, by the same steps.
fn key_of(c: char, table: &[u8]) -> KeyOf {
    let Some(c) = key_step(c, table) else {
        return KeyOf::Drop;
    };
    if c.is_whitespace() {
        return KeyOf::Space;
    }
    if c.is_ascii() {
        return KeyOf::Char(c.to_ascii_lowercase());
    }
    let mut low = c.to_lowercase();
    match (low.next(), low.len()) {
        (Some(l), 0) => KeyOf::Char(l),
        (Some(l), _) => KeyOf::Chars(std::iter::once(l).chain(low).collect()),
        (None, _) => KeyOf::Drop,
    }
}

/// The chars below U+10000 that can enter a finder of a folded key of lower-case ASCII
/// words ([`fold_key_finder`], [`fold_key_finder_folded`]), in order: those whose
/// [`key_of`] is nothing, a space, an ASCII char or several chars (a char keyed to one
/// non-ASCII char is in no class of such a needle), each with its key and whether the folded
/// view keeps it as it is. One scan of the plane, made on first use for every finder (each
/// finder used to scan it again).
fn finder_chars() -> &'static [(char, KeyOf, bool)] {
    static CHARS: OnceLock<Vec<(char, KeyOf, bool)>> = OnceLock::new();
    // Where those chars are: ASCII, Latin-1 and Latin Extended, the combining marks, the
    // Ogham space, Latin Extended Additional, general punctuation to the minus sign (spaces,
    // joiners, dashes, separators, the Kelvin sign), the ideographic space, the BOM. Every
    // other char of the plane keys to one non-ASCII char (`to_lowercase` over the whole
    // plane was most of the cost); `finder_chars_are_the_plane_scan` holds the list against
    // a scan of the whole plane.
    const RANGES: [(u32, u32); 6] = [
        (0, 0x370),
        (0x1680, 0x1681),
        (0x1E00, 0x1F00),
        (0x2000, 0x2213),
        (0x3000, 0x3001),
        (0xFEFF, 0xFF00),
    ];
    CHARS.get_or_init(|| {
        let table = latin_table();
        RANGES
            .into_iter()
            .flat_map(|(lo, hi)| lo..hi)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let key = key_of(c, table);
                if matches!(&key, KeyOf::Char(k) if !k.is_ascii()) {
                    return None;
                }
                let kept = matches!(fold_char_with(c, table), Fold::Keep);
                Some((c, key, kept))
            })
            .collect()
    })
}

/// A regex over an ORIGINAL text that matches wherever `fold_key` of the text can contain
/// `needle` (a folded key: lower case, words separated by single spaces), without folding
/// the text: each letter of the needle is the class of every char that folds to it, white
/// space the class of every char that folds to a space, with the chars folding to nothing
/// allowed between them. A text it does not match has no `needle` in its `fold_key`. Built
/// from the folding itself, char by char (below U+10000; the chars above fold to themselves,
/// non-ASCII and not white space). An ASCII punctuation mark of the needle ("sua doi, bo
/// sung") is the class of the chars folding to it, as a letter is. `None` when the needle is
/// not plain lower-case ASCII words (letters and punctuation) or some char folds to several
/// chars one of which is in the needle.
pub fn fold_key_finder(needle: &str) -> Option<regex::Regex> {
    let plain = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_punctuation())
    };
    if !needle.split(' ').all(plain) {
        return None;
    }
    let mut drop = String::new();
    let mut space = String::new();
    let mut classes: std::collections::BTreeMap<char, String> = Default::default();
    let esc = |c: char| regex::escape(c.encode_utf8(&mut [0; 4]));
    for &(c, ref key, _) in finder_chars() {
        match key {
            KeyOf::Drop => drop.push_str(&esc(c)),
            KeyOf::Space => space.push_str(&esc(c)),
            KeyOf::Char(k) if needle.contains(*k) => {
                classes.entry(*k).or_default().push_str(&esc(c));
            }
            KeyOf::Chars(k) if k.chars().any(|k| needle.contains(k)) => return None,
            _ => {}
        }
    }
    let drops = format!("[{drop}]*");
    let words: Vec<String> = needle
        .split(' ')
        .map(|w| {
            w.chars()
                .map(|k| format!("[{}]", classes.get(&k).map_or("", String::as_str)))
                .collect::<Vec<_>>()
                .join(&drops)
        })
        .collect();
    let gap = format!("{drops}(?:[{space}]{drops})+");
    regex::Regex::new(&words.join(&gap)).ok()
}

/// [`fold_key_finder`] for the FOLDED view ([`Folded::text`]) of a text: a bytes regex
/// over the folded text matching wherever `fold_key` of the original holds `needle`. The
/// folded view is already `fold_key`'s first step char by char (chars folding to nothing
/// are gone, `*` is a space): what is left is case (ASCII letters either way, and any kept
/// char that lowercases to a letter of the needle) and white space (ASCII, and the kept
/// chars that are white space). Built from the folding itself, char by char like
/// [`fold_key_finder`]; `None` in the same cases. A match starts on the folded byte of the
/// needle's first letter, so `Folded::orig` of its start is where the original finder's
/// match starts.
pub fn fold_key_finder_folded(needle: &str) -> Option<regex::bytes::Regex> {
    let plain = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    if !needle.split(' ').all(plain) {
        return None;
    }
    let bytes_of = |c: char| -> String {
        c.encode_utf8(&mut [0; 4])
            .bytes()
            .map(|b| format!(r"\x{b:02X}"))
            .collect()
    };
    let mut space: Vec<String> = vec![r"[\t\n\x0B\x0C\r ]".to_string()];
    let mut classes: std::collections::BTreeMap<char, Vec<String>> = needle
        .chars()
        .filter(|k| *k != ' ')
        .map(|k| (k, vec![format!("[{k}{}]", k.to_ascii_uppercase())]))
        .collect();
    // The non-ASCII chars the folded view keeps as they are (below U+10000; the chars above
    // are kept, lowercase to non-ASCII chars and are not white space).
    for &(c, ref key, kept) in finder_chars() {
        if !kept || c.is_ascii() {
            continue;
        }
        match key {
            KeyOf::Space => space.push(bytes_of(c)),
            KeyOf::Char(k) if classes.contains_key(k) => {
                if let Some(v) = classes.get_mut(k) {
                    v.push(bytes_of(c));
                }
            }
            KeyOf::Chars(k) if k.chars().any(|k| classes.contains_key(&k)) => return None,
            _ => {}
        }
    }
    let words: Vec<String> = needle
        .split(' ')
        .map(|w| {
            w.chars()
                .map(|k| {
                    format!(
                        "(?:{})",
                        classes.get(&k).map_or(String::new(), |v| v.join("|"))
                    )
                })
                .collect::<String>()
        })
        .collect();
    let gap = format!("(?:{})+", space.join("|"));
    regex::bytes::Regex::new(&format!("(?-u){}", words.join(&gap))).ok()
}

/// The proper spelling of a piece of original text: NFC, `Ð`/`ð` → `Đ`/`đ`, modern tone
/// placement, Markdown emphasis removed, white space collapsed and trimmed.
///
/// One pass over the bytes collapses the text: ASCII bytes and the two-byte chars
/// U+00B0..U+02FF (most Vietnamese letters) are copied as they are without decoding, any
/// other char is decoded and mapped. The same pass notes whether the result may not be NFC
/// (a char from U+0300 up outside U+1E00..U+1EFF: only then is the quick check run) and
/// reads the old-style pairs ([`old_style_pair`]) where an "o"/"u" is followed by a
/// non-ASCII char.
pub fn clean(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut space = false;
    // The result may not be NFC / has an old-style pair (`old_style_possible`).
    let (mut check_nfc, mut check_pairs) = (false, false);
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // Eight bytes at a time: the printable ASCII bytes before the first white space,
        // control byte, '*' or non-ASCII byte are copied as a slice.
        if let Some(w) = b.get(i..i + 8) {
            let k = word_run_len(u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
            if k > 0 {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push_str(s.get(i..i + k).unwrap_or_default());
                i += k;
                continue;
            }
        }
        if x < 0x80 {
            i += 1;
            if matches!(x, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'*') {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(char::from(x));
            continue;
        }
        // Two-byte chars from U+00B0 to U+02FF that are not 'Ð'/'ð' (C3 90, C3 B0): NFC,
        // kept, not white space.
        let y = b.get(i + 1).copied().unwrap_or(0);
        if (x == 0xC2 && y >= 0xB0) || (0xC3..0xCC).contains(&x) && !(x == 0xC3 && y & 0xDF == 0x90)
        {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if let Some(&v1 @ (b'o' | b'O' | b'u' | b'U')) = out.as_bytes().last() {
                let c = decode_at(b, i).0;
                check_pairs |= old_style_pair(char::from(v1), c).is_some();
            }
            out.push_str(s.get(i..i + 2).unwrap_or_default());
            i += 2;
            continue;
        }
        let (c, len) = decode_at(b, i);
        i += len;
        let c = match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => ' ',
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        let cp = c as u32;
        check_nfc |= cp >= 0x300 && !(0x1E00..=0x1EFF).contains(&cp);
        if let Some(&v1 @ (b'o' | b'O' | b'u' | b'U')) = out.as_bytes().last() {
            check_pairs |= old_style_pair(char::from(v1), c).is_some();
        }
        out.push(c);
    }
    let collapsed = out;
    // The common case, NFC with no old-style tone placement, keeps the string as it is.
    if check_nfc {
        if !old_style_possible(&collapsed) {
            return collapsed;
        }
        return modern_tones(&collapsed);
    }
    if !check_pairs {
        return collapsed;
    }
    // Every char is below U+0300 or in U+1E00..U+1EFF: NFC starters (the quick check says
    // yes), so `modern_tones` would take its NFC path.
    modern_tones_nfc_owned(collapsed)
}

/// False when `modern_tones` cannot change `s`: it is NFC (quick check) and no "o"/"u" is
/// followed by a toned "a"/"e"/"y". Reads without allocating.
fn old_style_possible(s: &str) -> bool {
    if unicode_normalization::is_nfc_quick(s.chars()) != unicode_normalization::IsNormalized::Yes {
        return true;
    }
    let mut prev = ' ';
    for c in s.chars() {
        if matches!(prev, 'o' | 'O' | 'u' | 'U') && old_style_pair(prev, c).is_some() {
            return true;
        }
        prev = c;
    }
    false
}

/// NFC with tone marks placed the modern way on "oa", "oe", "uy" at the end of a syllable
/// ("hoà" → "hòa", "uỷ" → "ủy", but "quý" and "hoàn" untouched).
pub fn modern_tones(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return modern_tones_nfc(s);
    }
    modern_tones_nfd(s)
}

/// [`modern_tones`] of NFC text without decomposing: an old-style syllable end "o" + toned
/// "a"/"e", or "u" + toned "y" (not after "q"), becomes the toned "o"/"u" and the bare
/// vowel. Copies the text once; no other allocation.
fn modern_tones_nfc(s: &str) -> String {
    match rewrite_old_style(s) {
        Some(out) => out,
        None => s.to_string(),
    }
}

/// [`modern_tones_nfc`] of an owned string: kept as it is when nothing changes.
fn modern_tones_nfc_owned(s: String) -> String {
    rewrite_old_style(&s).unwrap_or(s)
}

/// The old-style syllable ends of NFC `s` rewritten ([`modern_tones_nfc`]), or `None` when
/// there is none. Looks only where an ASCII "o"/"u" is followed by a non-ASCII char (an
/// ASCII char has no tone mark); the text between rewrites is copied as slices.
fn rewrite_old_style(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        i += 1;
        if !matches!(x, b'o' | b'O' | b'u' | b'U') || b.get(i).is_none_or(|&y| y < 0x80) {
            continue;
        }
        // The previous char (the rewrite's output before it is a bare vowel, never "q").
        if i >= 2 && b[i - 2] | 0x20 == b'q' {
            continue;
        }
        let (v2, len2) = decode_at(b, i);
        let Some((toned_v1, bare_v2)) = old_style_pair(char::from(x), v2) else {
            continue;
        };
        // The pair must end the syllable.
        let rest = s.get(i + len2..).unwrap_or_default();
        if rest
            .chars()
            .next()
            .is_some_and(|a| a.is_alphabetic() || is_mark(a))
        {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 4));
        o.push_str(s.get(copied..i - 1).unwrap_or_default());
        o.push(toned_v1);
        o.push(bare_v2);
        i += len2;
        copied = i;
    }
    let mut o = out?;
    o.push_str(s.get(copied..).unwrap_or_default());
    Some(o)
}

/// "o" + toned "a"/"e" or "u" + toned "y" (tone mark only, any case): the pair with the
/// tone moved onto the first vowel. For "o"/"O"/"u"/"U" and the Latin letters (U+00C0..
/// U+024F, U+1E00..U+1EFF) from a table computed once by [`old_style_pair_by_nfd`]; no
/// char below U+00C0 has a canonical decomposition (nor a tone mark).
fn old_style_pair(v1: char, v2: char) -> Option<(char, char)> {
    static TABLE: OnceLock<Vec<Option<(char, char)>>> = OnceLock::new();
    const LATIN: usize = (0x0250 - 0x00C0) + (0x1F00 - 0x1E00);
    let cp = v2 as u32;
    if cp < 0xC0 {
        return None;
    }
    let row = match v1 {
        'o' => 0,
        'O' => 1,
        'u' => 2,
        'U' => 3,
        _ => return old_style_pair_by_nfd(v1, v2),
    };
    if !in_latin_ranges(cp) {
        return old_style_pair_by_nfd(v1, v2);
    }
    let table = TABLE.get_or_init(|| {
        let latin = || {
            (0x00C0u32..0x0250)
                .chain(0x1E00..0x1F00)
                .map(|cp| char::from_u32(cp).unwrap_or('\0'))
        };
        ['o', 'O', 'u', 'U']
            .iter()
            .flat_map(|&v1| latin().map(move |v2| old_style_pair_by_nfd(v1, v2)))
            .collect()
    });
    table.get(row * LATIN + latin_index(cp)).copied().flatten()
}

/// [`old_style_pair`] by decomposing `v2`.
fn old_style_pair_by_nfd(v1: char, v2: char) -> Option<(char, char)> {
    let mut d = std::iter::once(v2).nfd();
    let (base, tone) = (d.next()?, d.next()?);
    if d.next().is_some()
        || !matches!(
            tone,
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'
        )
    {
        return None;
    }
    let ok = match v1 {
        'o' | 'O' => matches!(base, 'a' | 'e' | 'A' | 'E'),
        _ => matches!(base, 'y' | 'Y'),
    };
    if !ok {
        return None;
    }
    Some((unicode_normalization::char::compose(v1, tone)?, base))
}

/// [`modern_tones`] by decomposing: the reference for any input (NFD, mixed, stray marks).
fn modern_tones_nfd(s: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let nfd: Vec<char> = s.nfd().collect();
    let mut out: Vec<char> = Vec::with_capacity(nfd.len());
    let mut i = 0;
    while i < nfd.len() {
        // Look for V1 V2 TONE end-of-syllable, V1V2 in {oa, oe, uy}, not after 'q'.
        if i + 2 < nfd.len() {
            let (v1, v2, t) = (nfd[i], nfd[i + 1], nfd[i + 2]);
            {
                let pair = (v1.to_ascii_lowercase(), v2.to_ascii_lowercase());
                let ok_pair = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
                let after = nfd.get(i + 3).copied();
                let ends = after.is_none_or(|a| !a.is_alphabetic() && !is_mark(a));
                let prev_q = out
                    .last()
                    .is_some_and(|p: &char| p.eq_ignore_ascii_case(&'q'));
                if ok_pair && TONES.contains(&t) && ends && !prev_q {
                    out.push(v1);
                    out.push(t);
                    out.push(v2);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(nfd[i]);
        i += 1;
    }
    out.into_iter().nfc().collect()
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// 1-based line and column (in characters) of a byte offset, with a precomputed index of
/// line starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        // `match_indices` on a char finds it with memchr: much faster than a byte loop.
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// (line, column), both 1-based; the column counts characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line, col + 1)
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte range of a 1-based line (without its newline).
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self
            .starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(text.len());
        let mut end = self.starts.get(line).map(|e| e - 1).unwrap_or(text.len());
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fold(input: &str, expected: &str) {
        assert_eq!(Folded::new(input).text, expected, "fold({input:?})");
    }

    #[test]
    fn folding_table() {
        let rows = [
            ("Nghị định", "Nghi dinh"),
            ("NĐ-CP", "ND-CP"),
            ("QÐ-UBND", "QD-UBND"),
            ("Quyết Định", "Quyet Dinh"),
            ("Đè án", "De an"),
            ("ủy uỷ", "uy uy"),
            ("**Số:** 12", "  So:   12"),
            ("12–CT/TW", "12-CT/TW"),
            ("Ưu đãi ơn", "Uu dai on"),
        ];
        for (i, e) in rows {
            check_fold(i, e);
        }
        // NFD folds like NFC.
        let nfd: String = "Nghị định số 168/2018/NĐ-CP".nfd().collect();
        check_fold(&nfd, "Nghi dinh so 168/2018/ND-CP");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_ascii() {
        let lower = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in lower.chars() {
            for form in [c.to_string(), c.to_uppercase().collect::<String>()] {
                let nfd: String = form.nfd().collect();
                for s in [&form, &nfd] {
                    let f = Folded::new(s).text;
                    assert_eq!(f.len(), 1, "{s:?} folded to {f:?}");
                    assert!(f.is_ascii());
                }
            }
        }
    }

    #[test]
    fn spans_map_back_to_original() {
        let orig = "Căn cứ Nghị định số 168/2018/NĐ-CP;";
        let f = Folded::new(orig);
        let a = f.text.find("Nghi dinh").unwrap();
        let b = f.text.find(';').unwrap();
        let (s, e) = f.span(a, b);
        assert_eq!(&orig[s..e], "Nghị định số 168/2018/NĐ-CP");
        let nfd: String = orig.nfd().collect();
        let f = Folded::new(&nfd);
        let (s, e) = f.span(f.text.find("Nghi").unwrap(), f.text.find(';').unwrap());
        assert_eq!(
            nfd[s..e].nfc().collect::<String>(),
            "Nghị định số 168/2018/NĐ-CP"
        );
    }

    #[test]
    fn clean_table() {
        let rows = [
            ("Huyện uỷ  Yên Thế", "Huyện ủy Yên Thế"),
            ("hoà bình", "hòa bình"),
            ("khoá X", "khóa X"),
            ("quý", "quý"),
            ("hoàn thành", "hoàn thành"),
            ("QÐ-UBND", "QĐ-UBND"),
            ("Bộ\n\nChính trị", "Bộ Chính trị"),
            ("thuỷ lợi", "thủy lợi"),
        ];
        for (i, e) in rows {
            assert_eq!(clean(i), e, "clean({i:?})");
        }
        let nfd: String = "Huyện uỷ".nfd().collect();
        assert_eq!(clean(&nfd), "Huyện ủy");
    }

    /// `n` strings of 0–6 characters drawn from `alphabet` by a xorshift from `seed`
    /// (deterministic, so a failure names its input).
    fn random_words(alphabet: &[char], seed: u64, n: usize) -> impl Iterator<Item = String> + '_ {
        let mut x = seed;
        (0..n).map(move |_| {
            x = crate::testing::xorshift(x);
            (0..x % 7)
                .map(|k| alphabet[((x >> (k * 6 + 3)) % alphabet.len() as u64) as usize])
                .collect()
        })
    }

    /// The NFC fast path of `modern_tones` gives what the decomposing reference gives, on
    /// random NFC strings over the letters that matter (o/u/q, toned and bare a/e/y, marks
    /// that block the rewrite, separators).
    #[test]
    fn modern_tones_nfc_matches_reference() {
        let alphabet: Vec<char> = "oOuUqQaeyàáảãạèéẻẽẹỳýỷỹỵÀÉỲâấậêếôốơớăằưhn .-\n"
            .chars()
            .collect();
        let mut rewritten = 0;
        for w in random_words(&alphabet, 0x2545_F491_4F6C_DD1D, 50_000) {
            let fast = modern_tones_nfc(&w);
            assert_eq!(fast, modern_tones_nfd(&w), "{w:?}");
            rewritten += usize::from(fast != w);
        }
        assert!(rewritten > 500, "only {rewritten} strings were rewritten");
    }

    /// `clean` as it was written first, char by char with the quick check over the whole
    /// collapsed text: the one-pass `clean` is compared with it.
    fn clean_reference(s: &str) -> String {
        let mut collapsed = String::with_capacity(s.len());
        let mut space = false;
        for c in s.chars() {
            let c = match c {
                'Ð' => 'Đ',
                'ð' => 'đ',
                '*' => ' ',
                '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => ' ',
                '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}' => continue,
                c => c,
            };
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !collapsed.is_empty() {
                collapsed.push(' ');
            }
            space = false;
            collapsed.push(c);
        }
        if collapsed.is_ascii() {
            return collapsed;
        }
        if unicode_normalization::is_nfc_quick(collapsed.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            return modern_tones_nfc_reference(&collapsed);
        }
        modern_tones_nfd(&collapsed)
    }

    /// `modern_tones_nfc` as it was first written: char by char, every pair decomposed.
    fn modern_tones_nfc_reference(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut prev: Option<char> = None;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let moved = match (c, chars.peek().copied()) {
                (v1 @ ('o' | 'O' | 'u' | 'U'), Some(v2))
                    if !prev.is_some_and(|p| p.eq_ignore_ascii_case(&'q')) =>
                {
                    old_style_pair_by_nfd(v1, v2).filter(|_| {
                        let mut after = chars.clone();
                        after.next();
                        after
                            .peek()
                            .is_none_or(|&a| !a.is_alphabetic() && !is_mark(a))
                    })
                }
                _ => None,
            };
            match moved {
                Some((toned_v1, bare_v2)) => {
                    out.push(toned_v1);
                    out.push(bare_v2);
                    chars.next();
                    prev = Some(bare_v2);
                }
                None => {
                    out.push(c);
                    prev = Some(c);
                }
            }
        }
        out
    }

    /// The table of `old_style_pair` says what decomposing says, for every char after
    /// "o"/"O"/"u"/"U" (and after other letters, which take the decomposing path).
    #[test]
    fn old_style_pair_table_matches_nfd() {
        let mut pairs = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for v1 in ['o', 'O', 'u', 'U', 'a', 'q', 'Ư'] {
                let got = old_style_pair(v1, c);
                assert_eq!(got, old_style_pair_by_nfd(v1, c), "{v1:?} {c:?}");
                pairs += usize::from(got.is_some());
            }
        }
        assert!(pairs > 40, "{pairs}");
    }

    /// The slice-copying `modern_tones_nfc` equals the char-by-char one on random NFC
    /// texts over the letters that matter, short and long, and on every char after "o"/"u"
    /// and around a pair.
    #[test]
    fn modern_tones_nfc_matches_char_by_char_reference() {
        let alphabet: Vec<char> = "oOuUqQaeyàáảãạèéẻẽẹỳýỷỹỵÀÉỲâấậêếôốơớăằưhn .-\n中😀"
            .chars()
            .collect();
        let words: Vec<String> = random_words(&alphabet, 0x0BAD_C0DE_F00D_1234, 50_000).collect();
        for w in &words {
            assert_eq!(modern_tones_nfc(w), modern_tones_nfc_reference(w), "{w:?}");
        }
        for chunk in words.chunks(30) {
            let t = chunk.join(" ");
            assert_eq!(
                modern_tones_nfc(&t),
                modern_tones_nfc_reference(&t),
                "{t:?}"
            );
        }
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let t = format!("o{c} u{c}y hoà{c} quỷ{c}uỷ {c}oè");
            if unicode_normalization::is_nfc_quick(t.chars())
                == unicode_normalization::IsNormalized::Yes
            {
                assert_eq!(
                    modern_tones_nfc(&t),
                    modern_tones_nfc_reference(&t),
                    "{t:?}"
                );
            }
        }
    }

    /// The chars `clean` copies without the quick check (below U+0300, and U+1E00..U+1EFF)
    /// are NFC starters: a text made only of them is NFC by the quick check.
    #[test]
    fn clean_unchecked_chars_are_nfc_starters() {
        for c in (0x80..0x300u32)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    /// Every char, alone, after "o"/"u", between words and after white space, cleans as
    /// the reference cleans it.
    #[test]
    fn clean_matches_reference_on_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("o{c}a u{c} {c}"),
                format!("hoa{c}n U{c}y*{c}\t{c}"),
            ] {
                assert_eq!(clean(&s), clean_reference(&s), "{s:?}");
            }
        }
    }

    /// Random mixtures of ASCII (capitals, control bytes, '*', white space), Vietnamese in
    /// NFC and NFD with old-style tones, Ð/ð, odd spaces and zero-width chars, CJK: `clean`
    /// and `fold_key` equal their references, also on long texts where the eight-byte runs
    /// meet every kind of char.
    #[test]
    fn clean_and_fold_key_match_references_on_mixtures() {
        let alphabet: Vec<char> = "aoquyAOUQYZ09 *\t\r\n\x01\x1f\x7f-./ĐđÐðàáạảỷýỳoàuỷôơưÔƯ\
                                   \u{301}\u{323}\u{85}\u{a0}\u{ad}\u{200b}\u{feff}\u{2003}\u{2028}\
                                   \u{3000}\u{1680}中😀ǅİ"
            .chars()
            .collect();
        let words: Vec<String> = random_words(&alphabet, 0x0DDB_1A5E_5BAD_5EED, 40_000).collect();
        for w in &words {
            assert_eq!(clean(w), clean_reference(w), "{w:?}");
            assert_eq!(fold_key(w), fold_key_reference(w), "{w:?}");
        }
        for chunk in words.chunks(25) {
            for t in [chunk.concat(), chunk.join(" ")] {
                assert_eq!(clean(&t), clean_reference(&t), "{t:?}");
                assert_eq!(fold_key(&t), fold_key_reference(&t), "{t:?}");
            }
        }
    }

    /// `clean`'s shortcut (no tone work when none is possible) changes nothing: on random
    /// strings it equals collapsing and then `modern_tones`.
    #[test]
    fn clean_shortcut_matches_modern_tones() {
        let alphabet: Vec<char> = "oOuUqaeyàáảạèéỳýỹÀÉỲâấêếôơưhn .\u{301}\u{323}"
            .chars()
            .collect();
        for w in random_words(&alphabet, 0x1234_5678_9ABC_DEF1, 50_000) {
            let collapsed: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(clean(&w), modern_tones(&collapsed), "{w:?}");
        }
    }

    /// Folding one char at a time, the plainest way: the reference `Folded::new` (ASCII fast
    /// path, table of Latin letters) and `fold_key` (ASCII shortcut) are compared with.
    fn fold_reference(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut map = Vec::new();
        for (i, c) in original.char_indices() {
            let folded = if c == '*' {
                Some(' ')
            } else if c.is_ascii() {
                Some(c)
            } else {
                match fold_char(c) {
                    Fold::Drop => None,
                    Fold::Ascii(a) => Some(a as char),
                    Fold::Keep => Some(c),
                }
            };
            if let Some(f) = folded {
                text.push(f);
                map.extend(std::iter::repeat_n(i, f.len_utf8()));
            }
        }
        map.push(original.len());
        (text, map)
    }

    /// `Folded::new` equals the reference: same text, and the same original offset for every
    /// folded byte and the end.
    fn assert_same_fold(s: &str) {
        let f = Folded::new(s);
        let (text, map) = fold_reference(s);
        assert_eq!(f.text, text, "text of {s:?}");
        let got: Vec<usize> = (0..=f.text.len()).map(|i| f.orig(i)).collect();
        assert_eq!(got, map, "map of {s:?}");
    }

    /// `key_of` says what `fold_key` makes of every char between two letters.
    #[test]
    fn key_of_every_char_is_fold_keys() {
        let table = latin_table();
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            let got = fold_key(&format!("a{c}b"));
            let want = match key_of(c, table) {
                KeyOf::Drop => "ab".to_string(),
                KeyOf::Space => "a b".to_string(),
                KeyOf::Char(k) => format!("a{k}b"),
                KeyOf::Chars(k) => format!("a{k}b"),
            };
            assert_eq!(got, want, "{c:?}");
            if c as u32 >= 0x10000 {
                assert!(matches!(key_of(c, table), KeyOf::Char(k) if !k.is_ascii()));
            }
        }
    }

    /// `fold_key_char` of every char is `fold_key` of the char alone.
    #[test]
    fn fold_key_char_is_fold_key_of_the_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut got = String::new();
            fold_key_char(c, |k| got.push(k));
            assert_eq!(got, fold_key(&c.to_string()), "{c:?}");
        }
    }

    /// The finders' list of chars is every char of the plane whose key can enter a finder
    /// of ASCII words, with its key and whether the folded view keeps it, and only those.
    #[test]
    fn finder_chars_are_the_plane_scan() {
        let table = latin_table();
        let mut listed = finder_chars().iter();
        for c in (0..0x10000u32).filter_map(char::from_u32) {
            let key = key_of(c, table);
            if matches!(&key, KeyOf::Char(k) if !k.is_ascii()) {
                continue;
            }
            let kept = matches!(fold_char_with(c, table), Fold::Keep);
            assert_eq!(listed.next(), Some(&(c, key, kept)), "{c:?}");
        }
        assert_eq!(listed.next(), None);
    }

    /// The finder matches exactly where the folded text holds the needle, on texts with
    /// diacritics, capitals, NFD marks, odd spaces, emphasis and near misses.
    #[test]
    fn fold_key_finder_table() {
        let f = fold_key_finder("nay co hieu luc").expect("finder");
        let rows = [
            ("Nghị định này có hiệu lực thi hành", true),
            ("NGHỊ ĐỊNH NÀY CÓ HIỆU LỰC", true),
            ("này\n  có *hiệu*\u{a0}lực", true),
            ("nay co hieu luc", true),
            ("này có hie\u{0323}\u{0302}u lu\u{031b}\u{0323}c", true),
            ("này có hiệu\u{200b} lực", true),
            ("này\u{ad} có hiệu lực", true),
            ("nàycó hiệu lực", false),
            ("này có hiệu lục", true),
            ("này có hiệu quả", false),
            ("nay co hieu-luc", false),
            ("", false),
        ];
        for (text, want) in rows {
            assert_eq!(f.is_match(text), want, "{text:?}");
            assert_eq!(fold_key(text).contains("nay co hieu luc"), want, "{text:?}");
        }
        // The finder of "bo sung" (the amending titles' phrases, `resolve::amending_title`).
        let f = fold_key_finder("bo sung").expect("finder");
        let rows = [
            ("Luật sửa đổi, bổ sung một số điều của Luật", true),
            ("SỬA ĐỔI, BỔ SUNG", true),
            ("bổ\n*sung*", true),
            ("bô\u{300}̉ sung", true),
            ("bổsung", false),
            ("bổ xung", false),
            ("", false),
        ];
        for (text, want) in rows {
            assert_eq!(f.is_match(text), want, "{text:?}");
            assert_eq!(fold_key(text).contains("bo sung"), want, "{text:?}");
        }
        assert!(fold_key_finder("Nay").is_none());
        assert!(fold_key_finder("nay  co").is_none());
        assert!(fold_key_finder_folded("Nay").is_none());
        assert!(fold_key_finder_folded("nay  co").is_none());
    }

    /// The starts of `fold_key_finder` on the original and of `fold_key_finder_folded` on
    /// the folded view, taken back to the original.
    fn finder_starts(text: &str) -> (Vec<usize>, Vec<usize>) {
        static FINDERS: OnceLock<(regex::Regex, regex::bytes::Regex)> = OnceLock::new();
        let (on_original, on_folded) = FINDERS.get_or_init(|| {
            (
                fold_key_finder("nay co hieu luc").expect("finder"),
                fold_key_finder_folded("nay co hieu luc").expect("finder"),
            )
        });
        let f = Folded::new(text);
        let a = on_original.find_iter(text).map(|m| m.start()).collect();
        let b = on_folded
            .find_iter(f.text.as_bytes())
            .map(|m| f.orig(m.start()))
            .collect();
        (a, b)
    }

    #[test]
    fn folded_finder_finds_what_the_original_finder_finds() {
        let rows: &[(&str, &[usize])] = &[
            ("Nghị định này có hiệu lực thi hành", &[15]),
            ("NGHỊ ĐỊNH NÀY CÓ HIỆU LỰC", &[15]),
            ("này\n  có *hiệu*\u{a0}lực", &[0]),
            ("nay co hieu luc; nay co hieu luc", &[0, 17]),
            ("này có hie\u{0323}\u{0302}u lu\u{031b}\u{0323}c", &[0]),
            ("này có hiệu\u{200b} lực", &[0]),
            ("na\u{ad}y có hiệu lực", &[0]),
            ("\u{301}này có hiệu lực", &[2]),
            ("này\u{85}có\u{1680}hiệu\u{2028}lực", &[0]),
            ("nnày có hiệu lực", &[1]),
            ("nàycó hiệu lực", &[]),
            ("này có hiệu quả", &[]),
            ("nay co hieu-luc", &[]),
            ("", &[]),
        ];
        for (text, want) in rows {
            let (a, b) = finder_starts(text);
            assert_eq!(&a, want, "{text:?}");
            assert_eq!(b, a, "{text:?}");
        }
        // Every char between two words of the clause, and in place of one of its letters.
        for c in (0..0x11000u32).filter_map(char::from_u32) {
            for text in [
                format!("này{c}có hiệu lực"),
                format!("này có{c}{c} hiệu lực x"),
                format!("này có hi{c}u lực"),
                format!("{c}ay có hiệu lực"),
            ] {
                let (a, b) = finder_starts(&text);
                assert_eq!(b, a, "{:?}", text);
            }
        }
    }

    /// Every char (each alone, between ASCII letters and after a '*') folds as the reference
    /// folds it: covers every char the corpus can hold.
    #[test]
    fn fast_fold_matches_reference_on_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_same_fold(&c.to_string());
            let mixed = format!("a{c}b*{c} Ư{c}");
            assert_same_fold(&mixed);
            assert_eq!(fold_key(&mixed), fold_key_reference(&mixed), "{c:?}");
        }
    }

    /// Edge cases and random mixtures of ASCII runs, '*', Vietnamese (NFC and NFD), Ð/ð,
    /// combining marks, zero-width chars, odd spaces, CJK and 4-byte chars.
    #[test]
    fn fast_fold_matches_reference_on_mixtures() {
        let nfd: String = "Nghị định số 168/2018/NĐ-CP".nfd().collect();
        let rows = [
            "",
            "*",
            "**Số:** 12",
            "QÐ-UBND Ðinh ðường",
            "a\u{301}\u{323}\u{300}",
            "\u{301}leading mark",
            "zero\u{200B}width\u{200C}\u{200D}\u{FEFF}soft\u{AD}hyphen",
            "12\u{2013}CT/TW\u{a0}x\u{3000}y\u{2028}z",
            "中文 😀 𝔸 ký tự",
            nfd.as_str(),
        ];
        for r in rows {
            assert_same_fold(r);
            assert_eq!(fold_key(r), fold_key_reference(r), "{r:?}");
        }
        let alphabet: Vec<char> =
            "aZ09 */-\nđĐÐðịỆươ\u{301}\u{323}\u{200B}\u{FEFF}\u{a0}\u{2014}中😀ǅ"
                .chars()
                .collect();
        for w in random_words(&alphabet, 0x9E37_79B9_7F4A_7C15, 50_000) {
            assert_same_fold(&w);
            assert_eq!(fold_key(&w), fold_key_reference(&w), "{w:?}");
        }
    }

    /// The chars of the long random texts: ASCII letters, digits, '*' and separators,
    /// Vietnamese letters, an NFD mark, zero-width and no-break spaces, a dash, a quote, CJK
    /// and an emoji (every kind of char `Folded::new` treats apart).
    const MIXTURE: &str = "abcdefgh XYZ 0123456789 */-\nđĐịươ\u{301}\u{200B}\u{a0}\u{2014}“中😀";

    /// Long texts of random words, so that ASCII runs of every length meet '*', marks and
    /// multi-byte chars at every place of the eight-byte blocks `Folded::new` copies.
    #[test]
    fn fast_fold_matches_reference_on_long_mixtures() {
        let alphabet: Vec<char> = MIXTURE.chars().collect();
        let words: Vec<String> = random_words(&alphabet, 0x2545_F491_4F6C_DD1D, 20_000).collect();
        for chunk in words.chunks(40) {
            assert_same_fold(&chunk.concat());
            assert_same_fold(&chunk.join("  "));
        }
    }

    /// The folded text and offsets of `s` by [`fold_into`] (64-byte blocks where the
    /// processor has AVX-512) and by [`fold_into_narrow`].
    fn fold_both(s: &str) -> [(Vec<u8>, Vec<u32>); 2] {
        let run = |f: fn(&[u8], &mut [u8], &mut [u32]) -> usize| {
            let (mut out, mut map) = (vec![0; s.len()], vec![0; s.len() + 1]);
            let len = f(s.as_bytes(), &mut out, &mut map);
            out.truncate(len);
            map.truncate(len);
            (out, map)
        };
        [run(fold_into), run(fold_into_narrow)]
    }

    /// The block loop folds as the narrow loop: every char below U+3100 and a sample above
    /// (2-, 3- and 4-byte chars; those folding to nothing, to ASCII, kept) at every place
    /// around the end of the first block and inside the second, after ASCII or after a
    /// Vietnamese letter.
    #[test]
    fn wide_fold_matches_narrow_at_every_block_place() {
        #[cfg(target_arch = "x86_64")]
        if !wide::available() {
            eprintln!("no AVX-512: fold_into is the narrow loop here");
        }
        let tail = " Nghị *định* \u{201c}số\u{201d} 12/2020/NĐ-CP hoà ủy x".repeat(2);
        let chars = (0x80..0x3100u32)
            .chain((0x3100..0x11_0000).step_by(89))
            .filter_map(char::from_u32);
        for c in chars {
            for t in 58..68 {
                for lead in ["x", "ị"] {
                    let pad = lead.repeat(t / lead.len());
                    let s = format!("{pad}{c}{tail}");
                    let [wide, narrow] = fold_both(&s);
                    assert_eq!(wide, narrow, "{s:?}");
                }
            }
        }
    }

    /// Random texts of 64 bytes to a few thousand over every kind of char (ASCII runs,
    /// '*', Vietnamese NFC and NFD, zero-width, curly quotes, CJK, emoji): the block loop,
    /// the narrow loop and the reference agree.
    #[test]
    fn wide_fold_matches_narrow_on_random_texts() {
        let alphabet: Vec<char> =
            format!("{MIXTURE}ạảấầẩẫậắằẳẵặẹếềệỉọốồộớờởợụứừựỳỵỷỹũŨĩăÂÝƠ×÷°”…ǅ€")
                .chars()
                .collect();
        let mut x = 0x51AB_0DD5_EED5_F00Du64;
        for _ in 0..3000 {
            x = crate::testing::xorshift(x);
            let len = 64 + (x % 2500) as usize;
            let mut s = String::new();
            while s.len() < len {
                x = crate::testing::xorshift(x);
                // Long ASCII runs now and then: whole blocks without a non-ASCII char.
                if x.is_multiple_of(17) {
                    s.push_str(&"Quyet dinh so 12 ".repeat((x >> 8) as usize % 9));
                }
                s.push(alphabet[(x >> 20) as usize % alphabet.len()]);
            }
            let [wide, narrow] = fold_both(&s);
            assert_eq!(wide, narrow, "{s:?}");
            assert_same_fold(&s);
        }
    }

    /// Texts folded as two halves: the middle falls before, on and inside every kind of
    /// char (ASCII, '*', Vietnamese, NFD marks, zero-width, kept 2/3/4-byte chars) and at
    /// both parities of the length; long random texts too.
    #[test]
    fn fast_fold_matches_reference_across_the_split() {
        let prefix = "Nghị định *số* 12/2020/NĐ-CP ngày 1 tháng 2 \u{201c}Luật\u{201d}\n".repeat(6);
        assert!(prefix.len() * 2 > TWO_CURSORS_FROM);
        for c in "a*\nđĐÐịỆươ\u{301}\u{323}\u{200B}\u{FEFF}\u{a0}\u{2014}\u{201c}中😀ǅ€".chars()
        {
            let run = c.to_string().repeat(3);
            for t in 0..=run.len() + 1 {
                for parity in 0..2 {
                    // The middle at `prefix.len() + t`: the rest padded with ASCII.
                    let n = 2 * (prefix.len() + t) + parity;
                    let pad = "x y*"
                        .repeat(n)
                        .chars()
                        .take(n - prefix.len() - run.len())
                        .collect::<String>();
                    let s = format!("{prefix}{run}{pad}");
                    assert_eq!(s.len(), n);
                    assert_same_fold(&s);
                }
            }
        }
        let alphabet: Vec<char> = MIXTURE.chars().collect();
        let words: Vec<String> = random_words(&alphabet, 0x5DEE_CE66_D1CE_5EED, 20_000).collect();
        for chunk in words.chunks(300) {
            assert_same_fold(&chunk.concat());
            assert_same_fold(&chunk.join(" "));
        }
    }

    /// `fold_key` the plain way: the reference folding, then lowercasing and collapsing.
    fn fold_key_reference(s: &str) -> String {
        let (text, _) = fold_reference(s);
        let mut out = String::new();
        for w in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
        out
    }

    /// On the real documents (`../shared/data` beside the clone or `$CANCU_SHARED`), every
    /// file folds as the reference folds it. Skips with a message when the data is absent,
    /// fails then under `CANCU_REQUIRE_SHARED=1`.
    #[test]
    fn fast_fold_matches_reference_on_the_corpus() {
        let root = std::env::var_os("CANCU_SHARED")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        let data = root.join("data");
        if !data.is_dir() {
            let why = format!("{} not found (set CANCU_SHARED)", data.display());
            assert!(
                std::env::var("CANCU_REQUIRE_SHARED").map_or(true, |v| v != "1"),
                "fast_fold_matches_reference_on_the_corpus cannot run: {why}"
            );
            eprintln!("SKIP fast_fold_matches_reference_on_the_corpus: {why}");
            return;
        }
        let mut stack = vec![data];
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(s) = std::fs::read_to_string(&p) {
                    assert_same_fold(&s);
                    files += 1;
                }
            }
        }
        assert!(files > 100, "only {files} text files read");
    }

    #[test]
    fn fold_keys() {
        let rows = [
            ("  Luật   Dân quân\n tự vệ ", "luat dan quan tu ve"),
            ("  Nghi   DINH\n\t so ", "nghi dinh so"),
            ("**Luat** DQTV*", "luat dqtv"),
            ("\x0b\x0c a\rb", "a b"),
            ("", ""),
            ("168/2018/ND-CP", "168/2018/nd-cp"),
            // Eight-byte runs stop at control bytes (kept), '*' and white space.
            (
                "ABCDEFGH\x01IJ*KLMNOPQRS\x7fTUVWXYZ@[`{",
                "abcdefgh\x01ij klmnopqrs\x7ftuvwxyz@[`{",
            ),
            (
                "NGHỊ ĐỊNH SỐ 01/2020/NĐ-CP NGÀY",
                "nghi dinh so 01/2020/nd-cp ngay",
            ),
        ];
        for (input, expected) in rows {
            assert_eq!(fold_key(input), expected, "{input:?}");
        }
        // The ASCII fast path agrees with the general path (a non-ASCII char appended
        // and removed again takes the general path).
        for (input, _) in rows {
            let general = fold_key(&format!("{input}\u{200B}"));
            assert_eq!(fold_key(input), general, "{input:?}");
        }
    }

    #[test]
    fn line_index() {
        let t = "ab\ncđe\n\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.line_col(t, 0), (1, 1));
        assert_eq!(li.line_col(t, 3), (2, 1));
        assert_eq!(li.line_col(t, t.find('e').unwrap()), (2, 3));
        assert_eq!(li.line_col(t, t.len()), (4, 2));
        assert_eq!(li.line_range(t, 2), (3, 7));
    }
}
