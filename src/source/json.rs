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
    quick::special(s.as_bytes(), 0).is_some()
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

    thread_local! {
        /// Where this thread unescapes a text before it is copied out at its size: memory
        /// used again, not grown for every document (fresh memory is cleared by the kernel
        /// page by page).
        static SCRATCH: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }

    pub(super) fn text(s: &str) -> Option<String> {
        let mut scratch = SCRATCH.take();
        let t = read(s, &mut scratch);
        if scratch.capacity() <= 8 << 20 {
            scratch.clear();
            SCRATCH.set(scratch);
        }
        t
    }

    fn read(s: &str, scratch: &mut String) -> Option<String> {
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
                            scratch.clear();
                            p.string(Some(scratch))?;
                            let mut t = crate::source::spare_string(scratch.len());
                            t.push_str(scratch);
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

    fn hex4(h: &[u8]) -> Option<u32> {
        let mut n = 0;
        for &c in h.get(..4)? {
            n = n * 16 + char::from(c).to_digit(16)?;
        }
        Some(n)
    }

    struct Reader<'a> {
        s: &'a str,
        i: usize,
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
        /// if given. Whether it held an escape.
        fn string(&mut self, mut out: Option<&mut String>) -> Option<bool> {
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
                let c = match self.next()? {
                    b'n' => '\n',
                    b't' => '\t',
                    b'r' => '\r',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    c @ (b'"' | b'\\' | b'/') => char::from(c),
                    b'u' => {
                        let c = char::from_u32(hex4(b.get(self.i..self.i + 4)?)?)?;
                        self.i += 4;
                        c
                    }
                    _ => return None,
                };
                if let Some(o) = out.as_deref_mut() {
                    o.push(c);
                }
            }
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
