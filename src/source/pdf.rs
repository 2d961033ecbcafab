//! PDF to text with `lopdf` (a maintained pure-Rust PDF parser that decodes fonts'
//! ToUnicode maps, so Vietnamese set in embedded TrueType fonts comes out as Unicode).
//! Pages come in order, each page's start recorded as [`Location::Page`] (from 1). Lines are
//! joined the way a reader would: a word hyphenated at a line end ("phòng-\nthủ" is not
//! Vietnamese, but "quốc-\ngia" in Latin words is) is re-joined when the next line starts
//! with a lowercase letter; other line breaks are kept (the extractor reads citations across
//! them). A PDF whose pages hold no text is a scan: [`SourceError::NoTextLayer`].
//!
//! lopdf returns errors for malformed files, but a damaged file may still reach a panic deep
//! in a parser: the call is wrapped in `catch_unwind` so one bad file never stops a run.
//! Knows nothing of citations.

use super::{Broken, Format, Location, SourceError, SourceFile};

fn corrupt(path: &str, why: Broken) -> SourceError {
    SourceError::Corrupt {
        path: path.into(),
        format: "PDF",
        why,
    }
}

/// Read a PDF held in `bytes`.
pub fn read(path: &str, bytes: &[u8]) -> Result<SourceFile, SourceError> {
    let pages = std::panic::catch_unwind(|| -> Result<Vec<String>, String> {
        let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        let mut out = Vec::with_capacity(numbers.len());
        for n in numbers {
            out.push(doc.extract_text(&[n]).unwrap_or_default());
        }
        Ok(out)
    })
    .map_err(|_| corrupt(path, Broken::PdfCrashed))?
    .map_err(|e| corrupt(path, Broken::Pdf(e)))?;
    if pages.is_empty() {
        return Err(corrupt(path, Broken::NoPages));
    }
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(SourceError::NoTextLayer {
            path: path.into(),
            pages: pages.len(),
        });
    }
    let mut text = String::new();
    let mut locations = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        locations.push((text.len(), Location::Page(i as u32 + 1)));
        let page: String =
            unicode_normalization::UnicodeNormalization::nfc(page.as_str()).collect();
        join_lines(&page, &mut text);
    }
    Ok(SourceFile {
        path: path.into(),
        text,
        format: Format::Pdf,
        encoding: None,
        warnings: Vec::new(),
        map: None,
        locations,
        asides: Vec::new(),
    })
}

/// Append `page` to `out`, re-joining words hyphenated across a line end.
fn join_lines(page: &str, out: &mut String) {
    let mut lines = page.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_end();
        let next_lower = lines
            .peek()
            .and_then(|n| n.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        let before_hyphen = line
            .strip_suffix('-')
            .and_then(|l| l.chars().last())
            .is_some_and(char::is_lowercase);
        if before_hyphen && next_lower {
            out.push_str(&line[..line.len() - 1]);
            if let Some(n) = lines.next() {
                // the joined line continues on this one
                let n = n.trim_start();
                out.push_str(n.trim_end());
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hyphenated_words_only() {
        for (page, want) in [
            ("Nghị định số 12-\nCT/TW", "Nghị định số 12-\nCT/TW\n"),
            ("hyphen-\nated word", "hyphenated word\n"),
            ("Số 12/\n2024/NĐ-CP", "Số 12/\n2024/NĐ-CP\n"),
        ] {
            let mut out = String::new();
            join_lines(page, &mut out);
            assert_eq!(out, want, "{page:?}");
        }
    }

    #[test]
    fn corrupt_pdf_is_an_error() {
        let e = read("x.pdf", b"%PDF-1.4\ngarbage")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("x.pdf: not a readable PDF file")),);
    }
}
