//! Character encodings: detect which one a file is in (with a confidence), decode it to
//! Unicode NFC, and keep an [`OffsetMap`] from the decoded text back to the original bytes.
//!
//! Covered: UTF-8 (BOM or not), UTF-16 LE/BE, Windows-1258, TCVN3 and VNI as raw 8-bit bytes
//! (form a) and as UTF-8 text that holds their bytes read as Windows-1252/Latin-1 (form b).
//! Detection scores the share of valid Vietnamese syllables in a sample decoded by each
//! candidate ([`legacy::score`]). Knows nothing of file formats or citations.

use super::legacy::{self, tables};
use super::offsets::{Builder, Layer, OffsetMap};
use unicode_normalization::UnicodeNormalization;

/// A character encoding ("bảng mã").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, is dropped).
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Windows-1258, the Windows Vietnamese code page (tones as combining marks).
    Windows1258,
    /// TCVN3 / ABC (TCVN 5712:1993) raw bytes — form (a).
    Tcvn3,
    /// VNI Windows raw bytes — form (a).
    Vni,
    /// UTF-8 text holding TCVN3 bytes read as Windows-1252 ("Uû ban nh©n d©n") — form (b).
    Tcvn3InUtf8,
    /// UTF-8 text holding VNI bytes read as Windows-1252 ("chaøo") — form (b).
    VniInUtf8,
}

impl Encoding {
    pub const ALL: [Encoding; 8] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1258,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Tcvn3InUtf8,
        Encoding::VniInUtf8,
    ];

    /// The name used by `--encoding` and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Tcvn3InUtf8 => "tcvn3-in-utf8",
            Encoding::VniInUtf8 => "vni-in-utf8",
        }
    }

    /// Parse a name given by a user (case-insensitive, a few aliases).
    pub fn parse(s: &str) -> Option<Encoding> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Some(match s.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-16le" | "utf16le" | "utf-16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "windows-1258" | "cp1258" => Encoding::Windows1258,
            "tcvn3" | "abc" | "tcvn" | "tcvn-5712" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "tcvn3-in-utf8" | "tcvn3-utf8" => Encoding::Tcvn3InUtf8,
            "vni-in-utf8" | "vni-utf8" => Encoding::VniInUtf8,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which encoding was used, how sure the detection was (0–1) and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detected {
    pub encoding: Encoding,
    pub confidence: f32,
    pub how: How,
}

/// Why an encoding was chosen: typed, with what was measured. People read it in their
/// language (`messages::detected_how`); JSON holds its English words (its `Display`), the
/// text scripts have read since `how` was a string.
#[derive(Debug, Clone, PartialEq)]
pub enum How {
    /// `--encoding` named it.
    Given,
    /// A UTF-16 byte-order mark.
    Bom,
    /// UTF-16 without a byte-order mark: NUL bytes in every other position.
    Utf16Pattern,
    /// Valid UTF-8 (after a byte-order mark when `bom`), and what it holds.
    Utf8 { bom: bool, holds: Utf8Holds },
    /// Not valid UTF-8: the share of valid syllables each candidate decoding gave (0–1),
    /// best first.
    NotUtf8(Vec<(Encoding, f64)>),
}

/// What valid UTF-8 text was found to hold; shares are of valid syllables (0–1).
#[derive(Debug, Clone, PartialEq)]
pub enum Utf8Holds {
    /// No non-ASCII letter.
    NoLetters,
    /// Vietnamese letters beyond Windows-1252: plain Unicode, never a legacy encoding.
    BeyondWindows1252,
    /// Only ASCII words (no syllable to score).
    AsciiOnly,
    /// Vietnamese letters, with this share of valid syllables.
    Vietnamese(f64),
    /// Unicode text with this share of valid syllables (re-decoding did no better).
    Syllables(f64),
    /// TCVN3 or VNI bytes read as Windows-1252 (form b, `legacy` is [`Encoding::Tcvn3InUtf8`]
    /// or [`Encoding::VniInUtf8`]): the shares after and before re-decoding.
    Garbled {
        legacy: Encoding,
        after: f64,
        before: f64,
    },
}

impl How {
    /// [`super::fast::plainly_unicode`]'s answer as a `How` (its two reasons, by their words).
    fn plain(why: &str, bom: bool) -> How {
        let holds = if why == "valid UTF-8, no non-ASCII letters" {
            Utf8Holds::NoLetters
        } else {
            Utf8Holds::BeyondWindows1252
        };
        How::Utf8 { bom, holds }
    }
}

/// A share (0–1) as a whole percentage.
fn percent(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

impl std::fmt::Display for How {
    /// The English words, as they were when `how` was a string.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            How::Given => f.write_str("given by --encoding"),
            How::Bom => f.write_str("byte-order mark"),
            How::Utf16Pattern => {
                f.write_str("NUL bytes in every other position, no byte-order mark")
            }
            How::Utf8 { bom, holds } => {
                if *bom {
                    f.write_str("byte-order mark; ")?;
                }
                match holds {
                    Utf8Holds::NoLetters => f.write_str("valid UTF-8, no non-ASCII letters"),
                    Utf8Holds::BeyondWindows1252 => f.write_str(
                        "valid UTF-8 with Vietnamese letters beyond Windows-1252 (no legacy encoding)",
                    ),
                    Utf8Holds::AsciiOnly => f.write_str("ASCII only"),
                    Utf8Holds::Vietnamese(s) => write!(
                        f,
                        "valid UTF-8 with Vietnamese letters ({}% valid syllables)",
                        percent(*s)
                    ),
                    Utf8Holds::Syllables(s) => {
                        write!(f, "valid UTF-8 ({}% valid syllables)", percent(*s))
                    }
                    Utf8Holds::Garbled {
                        legacy,
                        after,
                        before,
                    } => write!(
                        f,
                        "UTF-8 holding {} letters read as Windows-1252: {}% valid syllables after re-decoding, {}% before",
                        legacy_name(*legacy),
                        percent(*after),
                        percent(*before)
                    ),
                }
            }
            How::NotUtf8(scores) => write!(
                f,
                "not valid UTF-8; valid syllables: {}",
                scores_text(scores)
            ),
        }
    }
}

/// "TCVN3" or "VNI": the legacy encoding a form (b) text holds.
pub fn legacy_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Tcvn3 | Encoding::Tcvn3InUtf8 => "TCVN3",
        Encoding::Vni | Encoding::VniInUtf8 => "VNI",
        other => other.name(),
    }
}

/// "tcvn3 97%, vni 40%, …": each candidate with its share of valid syllables.
pub fn scores_text(scores: &[(Encoding, f64)]) -> String {
    scores
        .iter()
        .map(|(e, s)| format!("{e} {}%", percent(*s)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl serde::Serialize for How {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Text decoded to NFC, its map back to the original bytes, and any warning.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub map: OffsetMap,
    pub detected: Detected,
    pub warnings: Vec<super::Warning>,
}

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotText {
    /// A NUL byte at this offset (and no UTF-16 pattern).
    Nul(usize),
    /// Too many control characters (share in per cent).
    Controls(u32),
}

const SAMPLE: usize = 256 * 1024;

fn utf16_guess(bytes: &[u8]) -> Option<Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 4 {
        return None;
    }
    let even = bytes[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let half = n / 2;
    if odd * 10 >= half * 3 && even * 20 < half {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= half * 3 && odd * 20 < half {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Is this a binary file (an image renamed .txt)? Looks at the first 64 KiB.
pub fn binary_check(bytes: &[u8]) -> Result<(), NotText> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // TCVN3 puts capitals at 0x01-0x17, so controls are counted, not refused one by one:
    // with AVX2 in the pass that looks for NUL bytes.
    #[cfg(target_arch = "x86_64")]
    let (controls, nul) = if super::fast::wide::usable() {
        // SAFETY: the processor has AVX2 and POPCNT.
        unsafe { super::fast::wide::controls(head) }
    } else {
        narrow_controls(head)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let (controls, nul) = narrow_controls(head);
    if nul {
        if let Some(i) = memchr::memchr(0, head) {
            return Err(NotText::Nul(i));
        }
    }
    let share = controls * 100 / head.len().max(1);
    if share > 10 {
        return Err(NotText::Controls(share as u32));
    }
    Ok(())
}

/// The controls [`binary_check`] counts in `head`, and whether it holds a NUL byte.
fn narrow_controls(head: &[u8]) -> (usize, bool) {
    (
        super::fast::count_bytes(head, super::fast::is_control),
        memchr::memchr(0, head).is_some(),
    )
}

/// [`decode`] taking the bytes: valid UTF-8 (no byte-order mark) that is plainly Unicode
/// and already NFC becomes the text as it is, with no copy and no offset map, after one
/// validation pass and a quick NFC check ([`super::fast`]).
pub fn decode_vec(bytes: Vec<u8>, forced: Option<Encoding>) -> Result<Decoded, NotText> {
    let may_be_plain = matches!(forced, None | Some(Encoding::Utf8))
        && !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && (forced.is_some()
            || !(bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])));
    if may_be_plain && (forced.is_some() || utf16_guess(&bytes).is_none()) {
        if forced.is_none() {
            binary_check(&bytes)?;
        }
        // One validation pass: the bytes become the text, or go to the full decoding.
        // simdutf8 validates Vietnamese text (few ASCII runs long enough for the standard
        // library's fast path) about ten times faster than `String::from_utf8`.
        if simdutf8::basic::from_utf8(&bytes).is_err() {
            return decode(&bytes, forced);
        }
        // SAFETY: `bytes` was validated as UTF-8 just above and is not changed since.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        let s = text.as_str();
        let why = if forced.is_some() {
            Some(How::Given)
        } else {
            super::fast::plainly_unicode(sample(s)).map(|why| How::plain(why, false))
        };
        let Some(why) = why else {
            return decode(text.as_bytes(), forced);
        };
        // Plainly Unicode: NFC already (the text as it is), else composed here, as
        // `decode` would after validating, detecting and copying the same bytes again (its
        // UTF-8 step over valid bytes without a BOM records no offset change).
        let mut map = OffsetMap::default();
        let text = nfc(text, &mut map);
        return Ok(Decoded {
            text,
            map,
            detected: Detected {
                encoding: Encoding::Utf8,
                confidence: 1.0,
                how: why,
            },
            warnings: Vec::new(),
        });
    }
    decode(&bytes, forced)
}

/// Decode `bytes`, detecting the encoding unless `forced` is given.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<Decoded, NotText> {
    let (enc, bom, confidence, how) = if let Some(e) = forced {
        let bom = bom_len(bytes, e);
        (e, bom, 1.0, How::Given)
    } else if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        detect_utf8(&bytes[3..], 3)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, 2, 1.0, How::Bom)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, 2, 1.0, How::Bom)
    } else if let Some(e) = utf16_guess(bytes) {
        (e, 0, 0.8, How::Utf16Pattern)
    } else {
        binary_check(bytes)?;
        if std::str::from_utf8(bytes).is_ok() {
            detect_utf8(bytes, 0)
        } else {
            detect_8bit(bytes)
        }
    };
    let mut warnings = Vec::new();
    let body = &bytes[bom.min(bytes.len())..];
    let mut map = OffsetMap::default();
    let text = match enc {
        Encoding::Utf8 | Encoding::Tcvn3InUtf8 | Encoding::VniInUtf8 => {
            let (t, layer, bad) = decode_utf8(body, bom);
            if let Some((first, count)) = bad {
                warnings.push(super::Warning::BadUtf8 { first, count });
            }
            map.push(layer);
            match enc {
                Encoding::Tcvn3InUtf8 => pass(&t, &mut map, tcvn3_from_latin),
                Encoding::VniInUtf8 => pass(&t, &mut map, vni_letters),
                _ => t,
            }
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let (t, layer, bad) = decode_utf16(body, bom, enc == Encoding::Utf16Le);
            if bad > 0 {
                warnings.push(super::Warning::BadUtf16(bad));
            }
            map.push(layer);
            t
        }
        Encoding::Windows1258 => single(body, bom, &tables().cp1258, &mut map),
        Encoding::Tcvn3 => single(body, bom, &tables().tcvn3, &mut map),
        Encoding::Vni => {
            let t = single(body, bom, &tables().cp1252, &mut map);
            pass(&t, &mut map, vni_letters)
        }
    };
    let text = nfc(text, &mut map);
    Ok(Decoded {
        text,
        map,
        detected: Detected {
            encoding: enc,
            confidence,
            how,
        },
        warnings,
    })
}

fn bom_len(bytes: &[u8], e: Encoding) -> usize {
    match e {
        Encoding::Utf8 | Encoding::Tcvn3InUtf8 | Encoding::VniInUtf8
            if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) =>
        {
            3
        }
        Encoding::Utf16Le if bytes.starts_with(&[0xFF, 0xFE]) => 2,
        Encoding::Utf16Be if bytes.starts_with(&[0xFE, 0xFF]) => 2,
        _ => 0,
    }
}

/// The first `SAMPLE` bytes of `s`, cut at a character boundary.
fn sample(s: &str) -> &str {
    let mut end = s.len().min(SAMPLE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Valid UTF-8: plain Unicode, or form (b) of TCVN3/VNI?
fn detect_utf8(body: &[u8], bom: usize) -> (Encoding, usize, f32, How) {
    let s = match std::str::from_utf8(&body[..body.len().min(SAMPLE + 4)]) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or(""),
    };
    let s = sample(s);
    let how = |holds| How::Utf8 {
        bom: bom > 0,
        holds,
    };
    // Plain Unicode for certain: no syllable scoring.
    if let Some(why) = super::fast::plainly_unicode(s) {
        return (Encoding::Utf8, bom, 1.0, How::plain(why, bom > 0));
    }
    let Some(plain) = legacy::score(s) else {
        return (Encoding::Utf8, bom, 1.0, how(Utf8Holds::AsciiOnly));
    };
    // Form (b) holds only Windows-1252/Latin-1 characters: any letter beyond them (ă ơ ư ạ …)
    // means real Unicode Vietnamese, which must never be re-decoded.
    let t = tables();
    let beyond = s
        .chars()
        .filter(|c| !c.is_ascii() && !t.cp1252_back.contains_key(c) && c.is_alphabetic())
        .count();
    let latin = s.chars().filter(|c| !c.is_ascii()).count();
    if beyond * 100 > latin {
        return (
            Encoding::Utf8,
            bom,
            plain.max(0.5) as f32,
            how(Utf8Holds::Vietnamese(plain)),
        );
    }
    let mut best = (Encoding::Utf8, plain);
    for (e, f) in [
        (Encoding::Tcvn3InUtf8, tcvn3_from_latin as PassFn),
        (Encoding::VniInUtf8, vni_letters as PassFn),
    ] {
        let mut m = OffsetMap::default();
        let d = pass(s, &mut m, f);
        if let Some(sc) = legacy::score(&d) {
            if sc > best.1 + 0.2 {
                best = (e, sc);
            }
        }
    }
    let holds = if best.0 == Encoding::Utf8 {
        Utf8Holds::Syllables(plain)
    } else {
        Utf8Holds::Garbled {
            legacy: best.0,
            after: best.1,
            before: plain,
        }
    };
    (best.0, bom, best.1 as f32, how(holds))
}

/// Not UTF-8: which 8-bit encoding (or broken UTF-8) reads most like Vietnamese?
fn detect_8bit(bytes: &[u8]) -> (Encoding, usize, f32, How) {
    let head = &bytes[..bytes.len().min(SAMPLE)];
    let mut scores = Vec::new();
    for e in [
        Encoding::Utf8,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Windows1258,
    ] {
        let d = match decode(head, Some(e)) {
            Ok(d) => d.text,
            Err(_) => continue,
        };
        scores.push((e, legacy::score(&d).unwrap_or(0.0)));
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (e, s) = scores.first().copied().unwrap_or((Encoding::Utf8, 0.0));
    let second = scores.get(1).map(|x| x.1).unwrap_or(0.0);
    let confidence = (s * (0.5 + (s - second).min(0.5))).clamp(0.0, 1.0) as f32;
    (e, 0, confidence, How::NotUtf8(scores))
}

type PassFn = fn(&str, &mut Builder);

/// Run one character-level step over `text`, recording it in `map`.
fn pass(text: &str, map: &mut OffsetMap, f: PassFn) -> String {
    let mut b = Builder::with_capacity(text.len() + text.len() / 4);
    f(text, &mut b);
    let (t, layer) = b.finish(text.len());
    map.push(layer);
    t
}

fn decode_utf8(body: &[u8], bom: usize) -> (String, Layer, Option<(usize, usize)>) {
    if let Ok(s) = std::str::from_utf8(body) {
        let mut b = Builder::default();
        b.push_str(s, bom);
        let (t, l) = b.finish(bom + body.len());
        return (t, l, None);
    }
    let mut b = Builder::with_capacity(body.len());
    let mut at = bom;
    let mut first = None;
    let mut count = 0;
    for chunk in body.utf8_chunks() {
        b.push_str(chunk.valid(), at);
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(at);
            count += 1;
            b.push('\u{FFFD}', at);
            at += chunk.invalid().len();
        }
    }
    let (t, l) = b.finish(bom + body.len());
    (t, l, first.map(|f| (f, count)))
}

fn decode_utf16(body: &[u8], bom: usize, le: bool) -> (String, Layer, usize) {
    let mut b = Builder::with_capacity(body.len());
    let units = body.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut at = bom;
    let mut bad = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                b.push(c, at);
                at += c.len_utf16() * 2;
            }
            Err(_) => {
                bad += 1;
                b.push('\u{FFFD}', at);
                at += 2;
            }
        }
    }
    if body.len() % 2 == 1 {
        bad += 1;
        b.push('\u{FFFD}', at);
    }
    let (t, l) = b.finish(bom + body.len());
    (t, l, bad)
}

fn single(body: &[u8], bom: usize, table: &[char; 256], map: &mut OffsetMap) -> String {
    let mut b = Builder::with_capacity(body.len() * 2);
    for (i, &byte) in body.iter().enumerate() {
        b.push(table[byte as usize], bom + i);
    }
    let (t, l) = b.finish(bom + body.len());
    map.push(l);
    t
}

/// Form (b) of TCVN3: each Windows-1252/Latin-1 character is the byte it was read from.
fn tcvn3_from_latin(text: &str, b: &mut Builder) {
    let t = tables();
    for (i, c) in text.char_indices() {
        let out = if c.is_ascii() {
            c
        } else {
            match t.cp1252_back.get(&c) {
                Some(&byte) => t.tcvn3[byte as usize],
                None => c,
            }
        };
        b.push(out, i);
    }
}

/// VNI letters: a base letter and a diacritic byte (as Windows-1252 characters) become one
/// Vietnamese letter; single-byte letters (ñ = đ, ô = ơ, ö = ư …) likewise.
fn vni_letters(text: &str, b: &mut Builder) {
    let t = tables();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(&(_, n)) = it.peek() {
            if let Some(&l) = t.vni_pairs.get(&(c, n)) {
                b.push(l, i);
                it.next();
                continue;
            }
        }
        b.push(t.vni_single.get(&c).copied().unwrap_or(c), i);
    }
}

/// Compose to NFC (see [`super::fast::nfc`]: only the groups that need it).
fn nfc(text: String, map: &mut OffsetMap) -> String {
    super::fast::nfc(text, map)
}

/// Spell `s` in `enc`, the way a fix is written back into a file of that encoding: composed
/// (NFC) unless `nfd` (a file that writes its marks apart); Windows-1258 always writes tone
/// marks apart, as its letters need. The error is the first character `enc` cannot hold.
pub fn encode(s: &str, enc: Encoding, nfd: bool) -> Result<Vec<u8>, char> {
    let e = legacy::encoders();
    let text: String = if nfd {
        s.nfd().collect()
    } else {
        s.nfc().collect()
    };
    let mut out = Vec::with_capacity(text.len() * 2);
    match enc {
        Encoding::Utf8 => out.extend_from_slice(text.as_bytes()),
        Encoding::Utf16Le => text
            .encode_utf16()
            .for_each(|u| out.extend(u.to_le_bytes())),
        Encoding::Utf16Be => text
            .encode_utf16()
            .for_each(|u| out.extend(u.to_be_bytes())),
        Encoding::Windows1258 => {
            for c in s.nfc() {
                if let Some(&b) = e.cp1258.get(&c) {
                    out.push(b);
                    continue;
                }
                // The letter with its vowel marks composed, then its tone mark apart.
                let tone = |m: &char| {
                    matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
                };
                let d: Vec<char> = std::iter::once(c).nfd().collect();
                let base: String = d
                    .iter()
                    .filter(|m| !tone(m))
                    .collect::<String>()
                    .nfc()
                    .collect();
                let mut done = false;
                let bytes: Option<Vec<u8>> = base
                    .chars()
                    .chain(d.iter().copied().filter(tone))
                    .map(|m| e.cp1258.get(&m).copied())
                    .collect();
                if let Some(b) = bytes {
                    out.extend(b);
                    done = true;
                }
                if !done {
                    return Err(c);
                }
            }
        }
        Encoding::Tcvn3 | Encoding::Tcvn3InUtf8 => {
            let bytes: Vec<u8> = s
                .nfc()
                .map(|c| e.tcvn3.get(&c).copied().ok_or(c))
                .collect::<Result<_, _>>()?;
            latin_or_raw(enc == Encoding::Tcvn3InUtf8, &bytes, &mut out);
        }
        Encoding::Vni | Encoding::VniInUtf8 => {
            let mut bytes = Vec::new();
            for c in s.nfc() {
                if c.is_ascii() {
                    bytes.push(c as u8);
                } else {
                    bytes.extend(e.vni.get(&c).ok_or(c)?);
                }
            }
            latin_or_raw(enc == Encoding::VniInUtf8, &bytes, &mut out);
        }
    }
    Ok(out)
}

/// Form (b) writes each legacy byte as its Windows-1252 character in UTF-8; form (a) raw.
fn latin_or_raw(latin: bool, bytes: &[u8], out: &mut Vec<u8>) {
    if latin {
        let t = tables();
        let s: String = bytes.iter().map(|&b| t.cp1252[b as usize]).collect();
        out.extend_from_slice(s.as_bytes());
    } else {
        out.extend_from_slice(bytes);
    }
}

/// Does a Unicode file (UTF-8/16) write its marks apart (NFD), so that a fix must too?
pub fn writes_nfd(bytes: &[u8], enc: Encoding) -> bool {
    let text = match enc {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = enc == Encoding::Utf16Le;
            let units = bytes.chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{FFFD}'))
                .collect()
        }
        _ => return false,
    };
    !unicode_normalization::is_nfc(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn check(rows: &[(&[u8], Encoding, &str)]) {
        for (bytes, enc, want) in rows {
            let d = decode(bytes, None).unwrap_or_else(|e| panic!("{bytes:?}: {e:?}"));
            assert_eq!(d.detected.encoding, *enc, "{bytes:?}: {}", d.detected.how);
            assert_eq!(d.text, *want, "{bytes:?}");
        }
    }

    /// The reason of each way of detecting, typed: the fast path's two reasons (named by
    /// `fast::plainly_unicode` in words) become their variants, whichever path reads them.
    #[test]
    fn reasons_are_typed() {
        let how = |bytes: &[u8], forced| decode_vec(bytes.to_vec(), forced).unwrap().detected.how;
        let slow = |bytes: &[u8]| decode(bytes, None).unwrap().detected.how;
        let plain = |bom, holds| How::Utf8 { bom, holds };
        let rows: Vec<(How, How)> = vec![
            (how(b"abc def", None), plain(false, Utf8Holds::NoLetters)),
            (slow(b"abc def"), plain(false, Utf8Holds::NoLetters)),
            (
                how("Ủy ban nhân dân".as_bytes(), None),
                plain(false, Utf8Holds::BeyondWindows1252),
            ),
            (
                slow("\u{FEFF}Ủy ban nhân dân".as_bytes()),
                plain(true, Utf8Holds::BeyondWindows1252),
            ),
            (how(b"abc", Some(Encoding::Utf8)), How::Given),
            (slow(&[0xFF, 0xFE, b'a', 0]), How::Bom),
        ];
        for (got, want) in rows {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn detects() {
        check(&[
            (
                "Ủy ban nhân dân".as_bytes(),
                Encoding::Utf8,
                "Ủy ban nhân dân",
            ),
            ("\u{feff}Kế hoạch".as_bytes(), Encoding::Utf8, "Kế hoạch"),
            (
                "Uû ban nh©n d©n x· Xu©n L\u{AD}¬ng".as_bytes(),
                Encoding::Tcvn3InUtf8,
                "Uỷ ban nhân dân xã Xuân Lương",
            ),
            (
                "Xin chaøo caùc baïn, Ñieàu 5 cuûa Nghò ñònh".as_bytes(),
                Encoding::VniInUtf8,
                "Xin chào các bạn, Điều 5 của Nghị định",
            ),
            (
                b"Uy\xfb ban nh\xa9n d\xa9n",
                Encoding::Tcvn3,
                "Uyỷ ban nhân dân",
            ),
            (
                b"Xin cha\xf8o ca\xf9c ba\xefn, \xd1ie\xe0u",
                Encoding::Vni,
                "Xin chào các bạn, Điều",
            ),
            ("NĐ-CP 2024".as_bytes(), Encoding::Utf8, "NĐ-CP 2024"),
        ]);
    }

    #[test]
    fn utf16_maps_offsets_to_original_bytes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Số 12".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "Số 12");
        assert_eq!(d.detected.encoding, Encoding::Utf16Le);
        // "1" is text byte 5 (S, ố = 3 bytes, space) and original byte 2 + 3*2 = 8
        assert_eq!(d.map.original(5), 8);
        assert_eq!(d.map.original(d.text.len()), bytes.len());
    }

    #[test]
    fn nfd_composes_and_maps() {
        let nfd: String = "Nghị định".nfd().collect();
        let d = decode(nfd.as_bytes(), None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "Nghị định");
        let sp = d.text.find(' ').unwrap_or(0);
        assert_eq!(d.map.original(sp), nfd.find(' ').unwrap_or(0));
    }

    /// `decode_vec` (the reading's fast path) reads every input as `decode` does: the same
    /// text, detection, warnings and original offset of every text offset; NFC and NFD
    /// Unicode (composed there without a second validation), legacy forms, BOMs, UTF-16,
    /// invalid UTF-8, with and without `--encoding utf-8`.
    #[test]
    fn decode_vec_reads_as_decode_does() {
        let nfd: String = "Căn cứ Nghị định số 168/2018/NĐ-CP, Điều 5 của Luật"
            .nfd()
            .collect();
        let mixed = format!("Ủy ban nhân dân {nfd} “x” – ỹ\u{301}a\u{323}\u{302}");
        let rows: Vec<Vec<u8>> = vec![
            "Ủy ban nhân dân".into(),
            "ASCII only 12/2024/ND-CP".into(),
            nfd.clone().into_bytes(),
            mixed.clone().into_bytes(),
            mixed.repeat(3000).into_bytes(),
            format!("\u{feff}{nfd}").into_bytes(),
            "Uû ban nh©n d©n x· Xu©n L\u{AD}¬ng".into(),
            "Xin chaøo caùc baïn, Ñieàu 5 cuûa Nghò ñònh".into(),
            b"Uy\xfb ban nh\xa9n d\xa9n".to_vec(),
            [&b"Ngh\xe1\xbb\x8b \xc3"[..], nfd.as_bytes()].concat(),
            [0xFF, 0xFE, b'a', 0, b'b', 0].to_vec(),
            b"a\0b".to_vec(),
        ];
        for bytes in rows {
            for forced in [None, Some(Encoding::Utf8)] {
                let a = decode(&bytes, forced);
                let b = decode_vec(bytes.clone(), forced);
                let (a, b) = match (a, b) {
                    (Ok(a), Ok(b)) => (a, b),
                    (a, b) => {
                        assert_eq!(a.err(), b.err(), "{bytes:?}");
                        continue;
                    }
                };
                assert_eq!(a.text, b.text, "{bytes:?}");
                assert_eq!(a.detected, b.detected, "{bytes:?}");
                assert_eq!(a.warnings, b.warnings, "{bytes:?}");
                for t in 0..=a.text.len() + 1 {
                    assert_eq!(a.map.original(t), b.map.original(t), "{bytes:?} at {t}");
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_in_the_middle_is_decoded_lossily_with_its_offset() {
        let mut b = "Nghị định số 12/2024/NĐ-CP của Chính phủ "
            .repeat(5)
            .into_bytes();
        let at = "Nghị định số 12/2024/NĐ-CP".len();
        b.insert(at, 0xC3); // a lead byte with no continuation
        let d = decode(&b, None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.detected.encoding, Encoding::Utf8, "{}", d.detected.how);
        assert_eq!(
            d.warnings,
            vec![crate::source::Warning::BadUtf8 {
                first: at,
                count: 1
            }]
        );
        assert_eq!(d.map.original(d.text.find(" của").unwrap_or(0)), at + 1);
    }
}
