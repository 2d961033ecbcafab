//! Writing fixes back into a document in its own format and encoding, so that `--fix` never
//! loses a byte: plain text and Markdown get each replacement spliced in at its ORIGINAL
//! byte offsets (through the [`OffsetMap`](super::OffsetMap)) and spelled in the file's own
//! encoding and normalization form; DOCX gets tracked changes ([`super::docx::revise`]);
//! PDF, HTML and JSON are refused (the reason is said). Every byte outside the fixed spans
//! is unchanged, and the result is read back to prove it decodes to the fixed text.
//!
//! No file I/O: bytes in, bytes out. Knows nothing of citations.

use super::{encoding, Format, SourceFile};

/// One replacement of `[start, end)` of the document's text (text offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// The document's new bytes, which edits went in (indices into the edits given) and which
/// were refused, with the reason.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub applied: Vec<usize>,
    pub refused: Vec<(usize, Refusal)>,
    /// DOCX: the comments written (indices into the comments given) and those that could
    /// not be anchored, with the reason.
    pub commented: Vec<usize>,
    pub refused_comments: Vec<(usize, Refusal)>,
}

/// Why a fix, or a whole file, is not written (names no file: the caller does). Typed, so
/// that the message catalogue words it ([`crate::messages::refusal`]); its `Display` is the
/// English text. Where a library gives the only account, its words are kept as a detail.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Refusal {
    /// A PDF is not edited in place.
    Pdf,
    /// An HTML page is not rewritten.
    Html,
    /// A JSON file is not rewritten.
    Json,
    /// The encoding the file was read in is unknown.
    UnknownEncoding,
    /// No map from the text to the original bytes.
    NoOffsetMap,
    /// The original bytes no longer read as text.
    NotTextNow(encoding::NotText),
    /// The original bytes do not read back as the text, in this encoding.
    NotTheSame(String),
    /// The body text is not NFC: places cannot be found in the DOCX again.
    NotNfc,
    /// The DOCX does not read (the library's words).
    DocxUnreadable(String),
    /// The revised DOCX cannot be made (the library's words).
    CannotMake(String),
    /// The revised DOCX does not read back (the reader's words).
    RevisedUnreadable(String),
    /// The revised DOCX does not read back as the fixed text.
    RevisedNotFixed,
    /// A span that does not map onto the original bytes.
    SpanNotMapped,
    /// A letter the file's encoding cannot hold, and that encoding.
    CannotEncode(char, String),
    /// The replacement does not read back the same in this encoding.
    ReplacementNotTheSame(String),
    /// The fixes together do not read back the same.
    TogetherNotTheSame,
    /// A span outside the text.
    Outside,
    /// It overlaps another fix.
    Overlaps,
    /// It crosses a paragraph.
    CrossesParagraph,
    /// No run of text holds it.
    NoRun,
    /// It is inside a tracked change already.
    InRevision,
    /// A run it touches holds more than text.
    RunNotText,
    /// Part of it is in no run of text.
    PartlyOutsideRuns,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::refusal(crate::messages::Lang::En, self))
    }
}

/// Why a whole file cannot be fixed in place (names no file: the caller does).
pub fn refuses(format: Format) -> Option<Refusal> {
    match format {
        Format::Pdf => Some(Refusal::Pdf),
        Format::Html => Some(Refusal::Html),
        Format::Json => Some(Refusal::Json),
        Format::Text | Format::Markdown | Format::Docx => None,
    }
}

/// Write `edits` (sorted, not overlapping) into `original`, the bytes `doc` was read from.
/// `date` is the revision date of DOCX tracked changes (`2026-12-06T22:00:00Z`).
pub fn write_back(
    original: &[u8],
    doc: &SourceFile,
    edits: &[Edit],
    date: &str,
) -> Result<Written, Refusal> {
    write_back_with_comments(original, doc, edits, &[], date)
}

/// [`write_back`], and for DOCX a Word comment on each span of `comments` (its
/// `replacement` is the comment's text); other formats take no comments.
pub fn write_back_with_comments(
    original: &[u8],
    doc: &SourceFile,
    edits: &[Edit],
    comments: &[Edit],
    date: &str,
) -> Result<Written, Refusal> {
    if let Some(why) = refuses(doc.format) {
        return Err(why);
    }
    if doc.format == Format::Docx {
        return super::docx::revise(original, &doc.text, edits, comments, date);
    }
    plain(original, doc, edits)
}

/// Splice `edits` into `original` at their mapped offsets, spelled in the file's encoding.
fn plain(original: &[u8], doc: &SourceFile, edits: &[Edit]) -> Result<Written, Refusal> {
    let enc = doc
        .encoding
        .as_ref()
        .map(|d| d.encoding)
        .ok_or(Refusal::UnknownEncoding)?;
    let map = doc.map.as_ref().ok_or(Refusal::NoOffsetMap)?;
    let again = encoding::decode(original, Some(enc)).map_err(Refusal::NotTextNow)?;
    if again.text != doc.text {
        return Err(Refusal::NotTheSame(enc.to_string()));
    }
    let nfd = encoding::writes_nfd(original, enc);
    let mut out = Written::default();
    // (index, original start, original end, bytes)
    let mut spans: Vec<(usize, usize, usize, Vec<u8>)> = Vec::new();
    let mut floor = 0;
    for (i, e) in edits.iter().enumerate() {
        let (os, oe) = (map.original(e.start), map.original(e.end));
        if e.start > e.end || e.end > doc.text.len() || os > oe || oe > original.len() || os < floor
        {
            out.refused.push((i, Refusal::SpanNotMapped));
            continue;
        }
        match encoding::encode(&e.replacement, enc, nfd) {
            Ok(b) => {
                spans.push((i, os, oe, b));
                floor = oe;
            }
            Err(c) => out
                .refused
                .push((i, Refusal::CannotEncode(c, enc.to_string()))),
        }
    }
    // Read the result back; when it is not the fixed text, keep only the edits that read
    // back right one by one.
    let ok = |spans: &[(usize, usize, usize, Vec<u8>)]| {
        let bytes = splice(original, spans);
        let mut want = doc.text.clone();
        for (i, ..) in spans.iter().rev() {
            let e = &edits[*i];
            want.replace_range(e.start..e.end, &e.replacement);
        }
        let good = encoding::decode(&bytes, Some(enc)).is_ok_and(|d| d.text == want);
        (good, bytes)
    };
    let (good, bytes) = ok(&spans);
    let (bytes, spans) = if good {
        (bytes, spans)
    } else {
        let mut kept = Vec::new();
        for s in spans {
            if ok(std::slice::from_ref(&s)).0 {
                kept.push(s);
            } else {
                out.refused
                    .push((s.0, Refusal::ReplacementNotTheSame(enc.to_string())));
            }
        }
        let (good, bytes) = ok(&kept);
        if good {
            (bytes, kept)
        } else {
            for s in &kept {
                out.refused.push((s.0, Refusal::TogetherNotTheSame));
            }
            (original.to_vec(), Vec::new())
        }
    };
    out.applied = spans.iter().map(|s| s.0).collect();
    out.refused.sort();
    out.bytes = bytes;
    Ok(out)
}

fn splice(original: &[u8], spans: &[(usize, usize, usize, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(original.len() + 64);
    let mut at = 0;
    for (_, s, e, b) in spans {
        out.extend_from_slice(&original[at..*s]);
        out.extend_from_slice(b);
        at = *e;
    }
    out.extend_from_slice(&original[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{from_bytes_as, Encoding, Options};

    fn fix(bytes: &[u8], enc: Encoding, find: &str, repl: &str) -> Written {
        let doc = from_bytes_as(
            "x.txt",
            bytes.to_vec(),
            Some(Format::Text),
            &Options {
                encoding: Some(enc),
                ..Options::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let start = doc.text.find(find).unwrap_or_else(|| panic!("{find}"));
        let edits = [Edit {
            start,
            end: start + find.len(),
            replacement: repl.into(),
        }];
        write_back(bytes, &doc, &edits, "").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn replacements_are_spelled_in_the_files_encoding() {
        let text = "Căn cứ Nghị định số 168 NĐ-CP;\r\nHết.";
        let want = "Căn cứ Nghị định số 168/2018/NĐ-CP;\r\nHết.";
        for enc in [
            Encoding::Utf8,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1258,
            Encoding::Tcvn3,
            Encoding::Vni,
            Encoding::Tcvn3InUtf8,
            Encoding::VniInUtf8,
        ] {
            for nfd in [false, true] {
                let Ok(bytes) = encoding::encode(text, enc, nfd) else {
                    panic!("{enc}: the sample cannot be spelled")
                };
                let w = fix(&bytes, enc, "168 NĐ-CP", "168/2018/NĐ-CP");
                assert_eq!(w.applied, vec![0], "{enc} {nfd}: {:?}", w.refused);
                let back =
                    encoding::decode(&w.bytes, Some(enc)).unwrap_or_else(|e| panic!("{e:?}"));
                assert_eq!(back.text, want, "{enc}");
                // The bytes before the span are the original's.
                let cut = encoding::encode("Căn cứ Nghị định số ", enc, nfd).unwrap_or_default();
                assert_eq!(w.bytes[..cut.len()], bytes[..cut.len()], "{enc}");
                if matches!(enc, Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be) {
                    assert_eq!(encoding::writes_nfd(&w.bytes, enc), nfd, "{enc}");
                }
            }
        }
    }

    #[test]
    fn a_letter_the_encoding_cannot_hold_is_refused_with_the_reason() {
        // TCVN3 has no Cyrillic: "Ж" cannot be written.
        let bytes = encoding::encode("Số 12 NĐ-CP; x", Encoding::Tcvn3, false).unwrap_or_default();
        let w = fix(&bytes, Encoding::Tcvn3, "x", "Ж");
        assert!(w.applied.is_empty());
        assert_eq!(
            w.refused,
            vec![(0, Refusal::CannotEncode('Ж', "tcvn3".into()))]
        );
        assert_eq!(
            w.refused[0].1.to_string(),
            "'Ж' (U+0416) cannot be written in tcvn3, the file's encoding"
        );
        assert_eq!(w.bytes, bytes);
    }

    #[test]
    fn pdf_html_json_are_refused() {
        for f in [Format::Pdf, Format::Html, Format::Json] {
            assert!(refuses(f).is_some());
        }
        assert!(refuses(Format::Text).is_none());
    }
}
