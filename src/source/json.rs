//! JSON documents with a text field: the gazette texts' `full_text`, else `text` or
//! `content`, at the top level or one object down (`{"document": {"text": …}}`). Offsets
//! are into that field's decoded string, not the JSON bytes (escapes change them).
//!
//! Knows nothing of encodings (it reads decoded text) or citations.

use super::SourceError;

const FIELDS: &[&str] = &["full_text", "text", "content"];

/// The text field of the JSON document `s`.
pub fn text(path: &str, s: &str) -> Result<String, SourceError> {
    // Most documents (a flat object, its text a top-level string) are read in one pass
    // that builds nothing but the text; anything else is read as a `serde_json::Value`.
    if let Some(t) = quick::text(s) {
        return Ok(t);
    }
    through_value(path, s)
}

/// Does `s` hold a byte that a JSON string escapes (`"`, `\\`, a control character)? If
/// not, `"` + `s` + `"` is the string as `serde_json` writes it.
pub fn needs_escape(s: &str) -> bool {
    quick::find_special(s.as_bytes(), 0).is_some()
}

/// The first byte at or after `from` that a JSON string escapes (see [`needs_escape`]).
pub fn escape_at(s: &str, from: usize) -> Option<usize> {
    quick::special(s.as_bytes(), from)
}

/// [`text`] through a `serde_json::Value`: every document, and the judge of [`quick`].
fn through_value(path: &str, s: &str) -> Result<String, SourceError> {
    let mut v: serde_json::Value = serde_json::from_str(s).map_err(|e| SourceError::Corrupt {
        path: path.into(),
        format: "JSON",
        why: super::Broken::Json {
            line: e.line(),
            column: e.column(),
        },
    })?;
    // The text taken out of the parsed value (it is dropped after), not copied.
    let take = |v: &mut serde_json::Value| {
        let f = FIELDS
            .iter()
            .find(|f| v.get(**f).is_some_and(serde_json::Value::is_string))?;
        match v.get_mut(*f).map(serde_json::Value::take) {
            Some(serde_json::Value::String(t)) => Some(t),
            _ => None,
        }
    };
    if let Some(t) = take(&mut v) {
        return Ok(t);
    }
    v.as_object_mut()
        .and_then(|o| o.values_mut().filter(|x| x.is_object()).find_map(take))
        .ok_or_else(|| SourceError::NoTextField { path: path.into() })
}

/// The text of a JSON document read without building its value: the document checked,
/// byte by byte, against JSON's grammar as `serde_json` reads it, and the text field's
/// string unescaped as it is checked. Only the plain case is taken: a top-level object
/// whose keys have no escapes, each of [`FIELDS`] at most once, a top-level string among
/// them, strings without surrogate escapes, numbers without exponents, nesting shallower
/// than `serde_json`'s limit. Anything else gives `None`, and the document is read through
/// its value (which also words every error), so the answer is the same.
mod quick {
    use super::FIELDS;

    /// Deeper than this, the value's reading decides (serde_json stops at 128).
    const MAX_DEPTH: usize = 100;

    pub(super) fn text(s: &str) -> Option<String> {
        read(s)
    }

    fn read(s: &str) -> Option<String> {
        let mut p = Reader { s, i: 0 };
        // For each field: not seen, seen as a string (its text), seen as something else.
        let mut found: [Option<Option<String>>; 3] = [None, None, None];
        p.ws();
        p.eat(b'{')?;
        p.ws();
        if p.peek()? != b'}' {
            loop {
                p.eat(b'"')?;
                let start = p.i;
                if p.string(None)? {
                    // An escaped key may spell a field: the value decides.
                    return None;
                }
                let key = &s.as_bytes()[start..p.i - 1];
                p.ws();
                p.eat(b':')?;
                p.ws();
                match FIELDS.iter().position(|f| f.as_bytes() == key) {
                    Some(f) => {
                        if found[f].is_some() {
                            // Repeated: the last one counts, as the value keeps it.
                            return None;
                        }
                        found[f] = Some(if p.peek()? == b'"' {
                            p.i += 1;
                            // Unescaped straight into the text handed on: never longer
                            // than the rest of the document (escapes only shorten), plus
                            // the room the wide copy writes ahead ([`AHEAD`]).
                            let mut t = crate::source::spare_string(s.len() - p.i + AHEAD);
                            p.string(Some(&mut t))?;
                            Some(t)
                        } else {
                            p.value(1)?;
                            None
                        });
                    }
                    None => p.value(1)?,
                }
                p.ws();
                match p.next()? {
                    b',' => p.ws(),
                    b'}' => break,
                    _ => return None,
                }
            }
        } else {
            p.i += 1;
        }
        p.ws();
        if p.i != s.len() {
            return None;
        }
        found.into_iter().find_map(Option::flatten)
    }

    /// The first place at or after `i` whose byte is `"`, `\` or a control character, looked
    /// for 8 bytes at a time (as serde_json looks): the runs between a text's escapes are
    /// short, too short for `memchr`'s start-up.
    pub(super) fn special(b: &[u8], mut i: usize) -> Option<usize> {
        const ONES: u64 = u64::MAX / 255;
        while let Some(chunk) = b.get(i..i + 8) {
            let mut x = [0; 8];
            x.copy_from_slice(chunk);
            let x = u64::from_le_bytes(x);
            let control = x.wrapping_sub(ONES * 0x20) & !x;
            let q = x ^ (ONES * u64::from(b'"'));
            let quote = q.wrapping_sub(ONES) & !q;
            let e = x ^ (ONES * u64::from(b'\\'));
            let escape = e.wrapping_sub(ONES) & !e;
            // The lowest flag is exact (a borrow only flags bytes above a true one).
            let hits = (control | quote | escape) & (ONES << 7);
            if hits != 0 {
                return Some(i + hits.trailing_zeros() as usize / 8);
            }
            i += 8;
        }
        let rest = b.get(i..)?;
        let k = rest
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        Some(i + k)
    }

    /// How far past a string's text the wide copy may write: two vectors.
    pub(super) const AHEAD: usize = 64;

    /// [`special`], 32 bytes at a time where the processor has AVX2 and the bytes are many.
    #[inline]
    pub(super) fn find_special(b: &[u8], i: usize) -> Option<usize> {
        // Short strings (most of those written out) are not worth the wide start-up.
        #[cfg(target_arch = "x86_64")]
        if b.len() >= i + 64 && std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2.
            return unsafe { wide::find_special(b, i) };
        }
        special(b, i)
    }

    fn hex4(h: &[u8]) -> Option<u32> {
        let mut n = 0;
        for &c in h.get(..4)? {
            n = n * 16 + char::from(c).to_digit(16)?;
        }
        Some(n)
    }

    pub(super) struct Reader<'a> {
        pub(super) s: &'a str,
        pub(super) i: usize,
    }

    impl Reader<'_> {
        fn peek(&self) -> Option<u8> {
            self.s.as_bytes().get(self.i).copied()
        }

        fn next(&mut self) -> Option<u8> {
            let c = self.peek()?;
            self.i += 1;
            Some(c)
        }

        fn eat(&mut self, c: u8) -> Option<()> {
            (self.next()? == c).then_some(())
        }

        /// JSON's whitespace, as serde_json skips it.
        fn ws(&mut self) {
            while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
                self.i += 1;
            }
        }

        /// The rest of a string whose opening quote was read, checked (no control
        /// character, only JSON's escapes, no surrogate escape) and unescaped into `out`
        /// if given (which must then have [`AHEAD`] bytes of room past the rest of the
        /// document, as the wide copy writes ahead). Whether it held an escape.
        fn string(&mut self, out: Option<&mut String>) -> Option<bool> {
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2.
                return unsafe { self.string_wide(out) };
            }
            self.string_narrow(out)
        }

        /// [`Reader::string`] 8 bytes at a time ([`special`]).
        pub(super) fn string_narrow(&mut self, mut out: Option<&mut String>) -> Option<bool> {
            let b = self.s.as_bytes();
            let mut escaped = false;
            loop {
                let stop = special(b, self.i)?;
                if let Some(o) = out.as_deref_mut() {
                    o.push_str(self.s.get(self.i..stop)?);
                }
                self.i = stop + 1;
                match b[stop] {
                    b'"' => return Some(escaped),
                    b'\\' => escaped = true,
                    // A control character: the value's reading words the error.
                    _ => return None,
                }
                let c = self.unescape()?;
                if let Some(o) = out.as_deref_mut() {
                    o.push(c);
                }
            }
        }

        /// The character of the escape whose backslash was read.
        #[inline]
        fn unescape(&mut self) -> Option<char> {
            Some(match self.next()? {
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                c @ (b'"' | b'\\' | b'/') => char::from(c),
                b'u' => {
                    let c = char::from_u32(hex4(self.s.as_bytes().get(self.i..self.i + 4)?)?)?;
                    self.i += 4;
                    c
                }
                _ => return None,
            })
        }

        /// Any JSON value, checked and skipped; `depth`: the arrays and objects around it.
        fn value(&mut self, depth: usize) -> Option<()> {
            match self.next()? {
                b'"' => self.string(None).map(|_| ()),
                b'{' => {
                    if depth >= MAX_DEPTH {
                        return None;
                    }
                    self.ws();
                    if self.peek()? == b'}' {
                        self.i += 1;
                        return Some(());
                    }
                    loop {
                        self.eat(b'"')?;
                        self.string(None)?;
                        self.ws();
                        self.eat(b':')?;
                        self.ws();
                        self.value(depth + 1)?;
                        self.ws();
                        match self.next()? {
                            b',' => self.ws(),
                            b'}' => return Some(()),
                            _ => return None,
                        }
                    }
                }
                b'[' => {
                    if depth >= MAX_DEPTH {
                        return None;
                    }
                    self.ws();
                    if self.peek()? == b']' {
                        self.i += 1;
                        return Some(());
                    }
                    loop {
                        self.value(depth + 1)?;
                        self.ws();
                        match self.next()? {
                            b',' => self.ws(),
                            b']' => return Some(()),
                            _ => return None,
                        }
                    }
                }
                b't' => self.word(b"rue"),
                b'f' => self.word(b"alse"),
                b'n' => self.word(b"ull"),
                c @ (b'-' | b'0'..=b'9') => self.number(c),
                _ => None,
            }
        }

        fn word(&mut self, rest: &[u8]) -> Option<()> {
            if self.s.as_bytes()[self.i..].starts_with(rest) {
                self.i += rest.len();
                Some(())
            } else {
                None
            }
        }

        /// A number whose first byte `first` was read: `-`, then `0` or up to 18 digits
        /// not starting with 0, then maybe a fraction of up to 30 digits; no exponent (its
        /// range is the value's reading to judge).
        fn number(&mut self, first: u8) -> Option<()> {
            let lead = if first == b'-' { self.next()? } else { first };
            let digits = |p: &mut Self| {
                let n = p.s.as_bytes()[p.i..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                p.i += n;
                n
            };
            match lead {
                b'0' => {}
                b'1'..=b'9' => {
                    if digits(self) > 17 {
                        return None;
                    }
                }
                _ => return None,
            }
            if self.peek() == Some(b'.') {
                self.i += 1;
                if !(1..=30).contains(&digits(self)) {
                    return None;
                }
            }
            match self.peek() {
                Some(b'e' | b'E') => None,
                // "01", "1.2.3": the value's reading words the error.
                Some(b'0'..=b'9' | b'.') => None,
                _ => Some(()),
            }
        }
    }

    /// The wide (AVX2) readings of strings: 32 bytes looked at, and copied, at a time.
    #[cfg(target_arch = "x86_64")]
    pub(super) mod wide {
        use super::{special, Reader, AHEAD};
        use std::arch::x86_64::*;

        /// The byte each escape of one byte stands for (`n` a line feed …), 0 for others.
        const ONE_BYTE: [u8; 256] = {
            let mut t = [0u8; 256];
            t[b'n' as usize] = b'\n';
            t[b't' as usize] = b'\t';
            t[b'r' as usize] = b'\r';
            t[b'b' as usize] = 8;
            t[b'f' as usize] = 12;
            t[b'"' as usize] = b'"';
            t[b'\\' as usize] = b'\\';
            t[b'/' as usize] = b'/';
            t
        };

        /// The bytes of `x` that are `"`, `\\` or a control character, as bits.
        #[target_feature(enable = "avx2")]
        fn special_mask(x: __m256i) -> u32 {
            let quote = _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'"' as i8));
            let escape = _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'\\' as i8));
            let control = _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8(0x1F)), x);
            _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(quote, escape), control)) as u32
        }

        /// [`special`]: whole blocks of 32 bytes, then the last bytes one by one.
        #[target_feature(enable = "avx2")]
        pub(in crate::source::json) fn find_special(b: &[u8], mut i: usize) -> Option<usize> {
            while i + 32 <= b.len() {
                // SAFETY: bytes i .. i + 32 are inside `b`.
                let x = unsafe { _mm256_loadu_si256(b.as_ptr().add(i).cast()) };
                let m = special_mask(x);
                if m != 0 {
                    return Some(i + m.trailing_zeros() as usize);
                }
                i += 32;
            }
            special(b, i)
        }

        impl Reader<'_> {
            /// [`Reader::string`] with AVX2.
            #[target_feature(enable = "avx2")]
            pub(in crate::source::json) fn string_wide(
                &mut self,
                out: Option<&mut String>,
            ) -> Option<bool> {
                let Some(out) = out else {
                    let b = self.s.as_bytes();
                    let mut escaped = false;
                    loop {
                        let stop = find_special(b, self.i)?;
                        self.i = stop + 1;
                        match b[stop] {
                            b'"' => return Some(escaped),
                            b'\\' => escaped = true,
                            _ => return None,
                        }
                        self.unescape()?;
                    }
                };
                let len = out.len();
                // SAFETY: `copy` leaves whole pieces of `self.s` cut before ASCII bytes and
                // whole characters in the text; when it fails, the text is cut back to
                // what it was.
                let v = unsafe { out.as_mut_vec() };
                let r = self.copy(v);
                if r.is_none() {
                    v.truncate(len);
                }
                r
            }

            /// The rest of the string unescaped onto the end of `v`: each block of 32 bytes
            /// stored whole at the end, then the length set to just before its first
            /// special byte (the bytes stored past it are written over next).
            #[target_feature(enable = "avx2")]
            fn copy(&mut self, v: &mut Vec<u8>) -> Option<bool> {
                let b = self.s.as_bytes();
                // The unescaped rest is never longer than the rest of the document (an
                // escape is longer than its character): with this room, every block
                // stored falls inside the capacity, as the bytes written never outnumber
                // the bytes read.
                v.reserve(b.len().saturating_sub(self.i) + AHEAD);
                let mut escaped = false;
                loop {
                    let base = v.as_mut_ptr();
                    // The text of the bytes before `self.i` ends at `w`.
                    let mut w = v.len();
                    // Blocks of 32 bytes read one after another, each stored whole; its first
                    // special byte, when it starts an escape of one byte (a line break `\n`,
                    // every 40 bytes or so of a text), written as that byte and the bytes after
                    // it stored again one place back, without a branch; a block with a second
                    // special byte read again from there, anything else ends the blocks.
                    while self.i + 66 <= b.len() {
                        let i = self.i;
                        // SAFETY: the block read is inside `b`; the block written is inside
                        // `v`'s capacity (see above).
                        let m = unsafe {
                            let x = _mm256_loadu_si256(b.as_ptr().add(i).cast());
                            _mm256_storeu_si256(base.add(w).cast(), x);
                            special_mask(x)
                        };
                        if m == 0 {
                            self.i += 32;
                            w += 32;
                            continue;
                        }
                        let p = m.trailing_zeros() as usize;
                        let one = ONE_BYTE[usize::from(b[i + p + 1])];
                        if (b[i + p] != b'\\') | (one == 0) {
                            self.i += p;
                            w += p;
                            break;
                        }
                        escaped = true;
                        // SAFETY: bytes i + p + 2 .. i + p + 34 are inside `b` (p < 32); the
                        // 33 bytes written from w + p are inside the capacity, as the text
                        // written never outruns the bytes read by more than AHEAD.
                        unsafe {
                            *base.add(w + p) = one;
                            let y = _mm256_loadu_si256(b.as_ptr().add(i + p + 2).cast());
                            _mm256_storeu_si256(base.add(w + p + 1).cast(), y);
                        }
                        if p + 2 < 32 && m >> (p + 2) != 0 {
                            // Another special byte in the block: read again after the escape.
                            self.i = i + p + 2;
                            w += p + 1;
                            continue;
                        }
                        // The block's bytes after the escape are stored: on to the next block
                        // (one byte later when the escape ended in it).
                        let next = (i + 32).max(i + p + 2);
                        w += p + 1 + (next - (i + p + 2));
                        self.i = next;
                    }
                    // SAFETY: the `w` bytes before it were written (the text before, then the
                    // blocks and escapes read), all inside the capacity.
                    unsafe { v.set_len(w) };
                    // At a special byte, or among the last bytes: looked at one by one.
                    let stop = special(b, self.i)?;
                    v.extend_from_slice(&b[self.i..stop]);
                    self.i = stop;
                    // A special byte.
                    let c = b[self.i];
                    self.i += 1;
                    match c {
                        b'"' => return Some(escaped),
                        b'\\' => escaped = true,
                        // A control character: the value's reading words the error.
                        _ => return None,
                    }
                    match ONE_BYTE[usize::from(*b.get(self.i)?)] {
                        0 => {
                            let c = self.unescape()?;
                            v.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                        }
                        byte => {
                            self.i += 1;
                            v.push(byte);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        for (json, want) in [
            (
                r#"{"so_hieu":"1","full_text":"Luật số 58"}"#,
                Some("Luật số 58"),
            ),
            (r#"{"text":"a","content":"b"}"#, Some("a")),
            (r#"{"content":"b"}"#, Some("b")),
            (r#"{"doc":{"text":"inner"}}"#, Some("inner")),
            (r#"{"title":"no text"}"#, None),
            (r#"[1,2"#, None),
            (r#"{"text":5,"content":"b"}"#, Some("b")),
            (r#"{"a":{"x":1},"b":{"content":"c"}}"#, Some("c")),
            (r#"{"full_text":{"text":"deep"}}"#, Some("deep")),
            (r#"["text"]"#, None),
        ] {
            assert_eq!(text("x.json", json).ok().as_deref(), want, "{json}");
        }
    }

    /// The quick reading gives the text the value gives, or steps aside (`None`): never
    /// another text, never a text where the value finds an error.
    #[test]
    fn quick_reading_is_the_values() {
        let deep = format!(
            "{{\"x\":{}1{},\"text\":\"t\"}}",
            "[".repeat(150),
            "]".repeat(150)
        );
        // (document, does the quick reading take it?)
        let rows: &[(&str, bool)] = &[
            (r#"{"so_hieu":"1","full_text":"Luật số 58"}"#, true),
            (
                r#"  {"full_text" : "a\nb\t\"c\"\\d\/e\b\f\u00e9\u0000\u1EA1"} "#,
                true,
            ),
            (
                r#"{"a":[1,-2,0.5,-0.0,true,false,null,{"b":[]},{}],"text":"x","c":"\u0041"}"#,
                true,
            ),
            (r#"{"text":5,"content":"b"}"#, true),
            (r#"{"content":"c","text":"t","full_text":"f"}"#, true),
            (r#"{"full_text":"","text":"t"}"#, true),
            (r#"{"t\u0065xt":"escaped key"}"#, false),
            (r#"{"text":"a","text":"b"}"#, false),
            (r#"{"text":"a","text":5}"#, false),
            (r#"{"doc":{"text":"inner"}}"#, false),
            (r#"{"full_text":{"text":"deep"}}"#, false),
            (r#"{"title":"no text"}"#, false),
            (r#"{}"#, false),
            (r#"["text"]"#, false),
            (r#"{"text":"\ud83d\ude00"}"#, false),
            (r#"{"text":"\ud83d"}"#, false),
            (r#"{"text":"\udc00x"}"#, false),
            (r#"{"text":"a\x"}"#, false),
            (r#"{"text":"a\u00g1"}"#, false),
            ("{\"text\":\"a\tb\"}", false),
            (r#"{"text":"a","n":1e5}"#, false),
            (r#"{"text":"a","n":01}"#, false),
            (r#"{"text":"a","n":1.}"#, false),
            (r#"{"text":"a","n":-}"#, false),
            (r#"{"text":"a","n":12345678901234567890123}"#, false),
            (r#"{"text":"a","n":[1,]}"#, false),
            (r#"{"text":"a",}"#, false),
            (r#"{"text":"a"} x"#, false),
            (r#"{"text":"a","b":tru}"#, false),
            (r#"{"text":"a","b":nulll}"#, false),
            (r#"{"text":"a""#, false),
            (r#"{"text":"a"#, false),
            ("\u{feff}{\"text\":\"a\"}", false),
            (&deep, false),
        ];
        for (json, takes) in rows {
            let quick = quick::text(json);
            assert_eq!(quick.is_some(), *takes, "{json}");
            if let Some(t) = quick {
                assert_eq!(through_value("x.json", json).ok(), Some(t), "{json}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]

        /// A document changed at random is read quickly as its value reads it, or left to
        /// the value.
        #[test]
        fn quick_reading_of_changed_documents(
            muts in proptest::collection::vec((0usize..10_000, 0usize..24, 0u8..3), 1..6)
        ) {
            const SEED: &str = r#"{"so_hieu":"1/2020","n":[1,-2.5,0,true,false,null,{}],"o":{"text":"i","k":[]},"full_text":"L\u1EA1i \"a\"\nb\\c","text":"t"}"#;
            const PIECES: [&str; 24] = ["\"", "{", "}", "[", "]", ",", ":", "\\", "u", "0", "1",
                "e", ".", "-", "t", "n", " ", "\n", "\t", "é", "text", "full_text", "\\u00", "\\ud8"];
            let mut doc: Vec<char> = SEED.chars().collect();
            for (at, piece, op) in muts {
                let at = at % (doc.len() + 1);
                let piece: Vec<char> = PIECES[piece].chars().collect();
                match op {
                    0 => { doc.splice(at..at, piece); }
                    1 if at < doc.len() => { doc.remove(at); }
                    _ => { let end = (at + piece.len()).min(doc.len()); doc.splice(at..end, piece); }
                }
            }
            let doc: String = doc.into_iter().collect();
            if let Some(t) = quick::text(&doc) {
                proptest::prop_assert_eq!(through_value("x.json", &doc).ok(), Some(t), "{}", doc);
            }
        }
    }

    /// A string needs escaping exactly when serde_json writes it otherwise than between
    /// quotes: every ASCII character and a few others, at every place of a string longer
    /// than the 8 bytes looked at together.
    #[test]
    fn needs_escape_is_what_serde_json_escapes() {
        let mut rows: Vec<String> = vec!["".into(), "é Luật \u{7f}".into(), "\u{1F600}".into()];
        for c in (0..128u8)
            .map(char::from)
            .chain(['é', '\u{2028}', '\u{feff}'])
        {
            for at in 0..19 {
                let mut s: String = "abcdefghijklmnopqr".into();
                s.insert(at, c);
                rows.push(s);
            }
        }
        for s in rows {
            let plain = serde_json::to_string(&s).ok() == Some(format!("\"{s}\""));
            assert_eq!(needs_escape(&s), !plain, "{s:?}");
        }
    }

    /// The wide (AVX2) reading of strings reads as the narrow one does: the same answer,
    /// the same place after the string and the same text, on random strings of escapes,
    /// quotes, control characters, Vietnamese letters and plain runs, around the 32-byte
    /// blocks; and the wide search for special bytes finds what the narrow one finds.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn wide_strings_read_as_narrow_ones() {
        if !std::arch::is_x86_feature_detected!("avx2") {
            eprintln!("no AVX2: the wide reading is not used here");
            return;
        }
        const PIECES: [&str; 16] = [
            "a",
            "Nghị định ",
            "\\n",
            "\\\"",
            "\\\\",
            "\\u1EA1",
            "\\u00",
            "\\x",
            "\"",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            "ư",
            "\\/",
            "0123456789abcdefghijklmnopqrstuvwxyz",
            "\\ud83d",
        ];
        // Escapes at every place of the blocks, alone and two together, then random ones.
        let plain = "0123456789abcdefghijklmnopqrstuvwxyz".repeat(4);
        let mut docs: Vec<String> = Vec::new();
        for at in 0..70 {
            for (second, escape) in [(0, "\\n"), (1, "\\\\"), (3, "\\u00e9"), (40, "\\\"")] {
                let mut d = plain.clone();
                d.insert_str(at + second, escape);
                d.insert_str(at, "\\n");
                docs.push(d);
            }
        }
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            x = crate::testing::xorshift(x);
            let mut doc = String::new();
            for k in 0..(x % 24) {
                let r = crate::testing::xorshift(x.rotate_left(k as u32 * 5 + 1));
                doc.push_str(PIECES[(r % 16) as usize]);
            }
            docs.push(doc);
        }
        for doc in docs {
            for tail in ["\"", "\"}", "", "\"  , \"b\":1}"] {
                let doc = format!("{doc}{tail}");
                for out in [false, true] {
                    let read = |wide: bool| {
                        let mut r = quick::Reader { s: &doc, i: 0 };
                        let mut t = String::with_capacity(doc.len() + quick::AHEAD);
                        let o = out.then_some(&mut t);
                        let got = if wide {
                            // SAFETY: the processor has AVX2 (asked above).
                            unsafe { r.string_wide(o) }
                        } else {
                            r.string_narrow(o)
                        };
                        (got, got.map(|_| r.i), got.map(|_| t))
                    };
                    assert_eq!(read(true), read(false), "{doc:?} {out}");
                }
                for i in 0..=doc.len() {
                    // SAFETY: the processor has AVX2.
                    let wide = unsafe { quick::wide::find_special(doc.as_bytes(), i) };
                    assert_eq!(wide, quick::special(doc.as_bytes(), i), "{doc:?} {i}");
                }
            }
        }
    }

    /// Documents as serde_json writes them, with any text, are read quickly as the value
    /// reads them.
    #[test]
    fn quick_reading_takes_what_serde_json_writes() {
        let texts = [
            "",
            "Căn cứ Luật số 58/2014/QH13;\n\t\"trích\" \\ / \u{1}\u{7f}\u{1F600}",
            "a\r\nb",
        ];
        for t in texts {
            let doc = serde_json::json!({"so_hieu": "1/2020/NĐ-CP", "nam": 2020, "x": [1.5, null],
                "full_text": t});
            for json in [
                serde_json::to_string(&doc),
                serde_json::to_string_pretty(&doc),
            ] {
                let json = json.unwrap_or_default();
                assert_eq!(quick::text(&json).as_deref(), Some(t), "{json}");
            }
        }
    }
}
