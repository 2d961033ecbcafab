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
    pub refused: Vec<(usize, String)>,
    /// DOCX: the comments written (indices into the comments given) and those that could
    /// not be anchored, with the reason.
    pub commented: Vec<usize>,
    pub refused_comments: Vec<(usize, String)>,
}

/// Why a whole file cannot be fixed in place (names no file: the caller does).
pub fn refuses(format: Format) -> Option<&'static str> {
    match format {
        Format::Pdf => Some("a PDF cannot be edited in place (its text is laid out in pages); fix the source document, or see the changes with --fix --dry-run"),
        Format::Html => Some("an HTML page is not rewritten (its markup would have to be edited); see the changes with --fix --dry-run"),
        Format::Json => Some("a JSON file holds the text inside a field and is not rewritten; see the changes with --fix --dry-run"),
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
) -> Result<Written, String> {
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
) -> Result<Written, String> {
    if let Some(why) = refuses(doc.format) {
        return Err(why.into());
    }
    if doc.format == Format::Docx {
        return super::docx::revise(original, &doc.text, edits, comments, date);
    }
    plain(original, doc, edits)
}

/// Splice `edits` into `original` at their mapped offsets, spelled in the file's encoding.
fn plain(original: &[u8], doc: &SourceFile, edits: &[Edit]) -> Result<Written, String> {
    let enc = doc
        .encoding
        .as_ref()
        .map(|d| d.encoding)
        .ok_or("the encoding read is unknown")?;
    let map = doc
        .map
        .as_ref()
        .ok_or("no offset map to the original bytes")?;
    let again = encoding::decode(original, Some(enc)).map_err(|e| format!("{e:?}"))?;
    if again.text != doc.text {
        return Err(format!("the file does not read back the same as {enc}"));
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
            out.refused
                .push((i, "its span does not map onto the original bytes".into()));
            continue;
        }
        match encoding::encode(&e.replacement, enc, nfd) {
            Ok(b) => {
                spans.push((i, os, oe, b));
                floor = oe;
            }
            Err(c) => out.refused.push((
                i,
                format!(
                    "'{c}' (U+{:04X}) cannot be written in {enc}, the file's encoding",
                    c as u32
                ),
            )),
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
                out.refused.push((
                    s.0,
                    format!("the replacement does not read back the same in {enc}"),
                ));
            }
        }
        let (good, bytes) = ok(&kept);
        if good {
            (bytes, kept)
        } else {
            for s in &kept {
                out.refused
                    .push((s.0, "the fixes together do not read back the same".into()));
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
        assert!(
            w.refused[0].1.contains("cannot be written in tcvn3"),
            "{:?}",
            w.refused
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
