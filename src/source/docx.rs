//! DOCX (Word) to text: unzips the package (`zip`) and reads `word/document.xml` with a
//! streaming XML reader (`quick-xml`). Body paragraphs (`w:p`) come in reading order, table
//! cells included (each cell's paragraphs in row order); tabs and breaks become whitespace;
//! deleted revisions (`w:del`) and field codes (`w:instrText`) are skipped. Headers and
//! footers (`word/header*.xml`, `word/footer*.xml`) are read the same way and kept apart in
//! [`Aside`]s. Each paragraph's start is recorded as [`Location::Paragraph`] (from 1).
//!
//! Why not a DOCX crate: the maintained ones (docx-rs) are writers first and pull far more
//! than the two parsers needed to read body text. Knows nothing of citations.

use super::{Aside, Format, Location, SourceError, SourceFile};
use quick_xml::events::Event;
use std::io::Read;

/// Largest XML part read (a bound against zip bombs).
const MAX_PART: u64 = 256 * 1024 * 1024;

fn corrupt(path: &str, why: impl std::fmt::Display) -> SourceError {
    SourceError::Corrupt {
        path: path.into(),
        format: "DOCX",
        why: why.to_string(),
    }
}

/// Read a DOCX held in `bytes`.
pub fn read(path: &str, bytes: &[u8]) -> Result<SourceFile, SourceError> {
    read_limited(path, bytes, MAX_PART)
}

/// Read a DOCX held in `bytes`, refusing it when a part decompresses to more than `limit`
/// bytes (a zip bomb): an error naming the part, never a silently cut text.
pub fn read_limited(path: &str, bytes: &[u8], limit: u64) -> Result<SourceFile, SourceError> {
    let limit = limit.min(MAX_PART);
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(path, e))?;
    let part = |zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str| {
        let f = zip
            .by_name(name)
            .map_err(|e| corrupt(path, format!("{name}: {e}")))?;
        let mut s = Vec::new();
        f.take(limit.saturating_add(1))
            .read_to_end(&mut s)
            .map_err(|e| corrupt(path, format!("{name}: {e}")))?;
        if s.len() as u64 > limit {
            return Err(SourceError::OverLimit {
                path: path.into(),
                what: format!("{name} decompresses to more than {limit} bytes (a zip bomb?)"),
                limit,
            });
        }
        String::from_utf8(s).map_err(|e| corrupt(path, format!("{name}: {e}")))
    };
    let xml = part(&mut zip, "word/document.xml")?;
    let (text, paras) =
        paragraphs(&xml).map_err(|e| corrupt(path, format!("word/document.xml: {e}")))?;
    let mut warnings = Vec::new();
    let mut names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| {
            (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml")
        })
        .collect();
    names.sort();
    let mut asides = Vec::new();
    for name in names {
        let kind = if name.starts_with("word/header") {
            "header"
        } else {
            "footer"
        };
        match part(&mut zip, &name)
            .and_then(|x| paragraphs(&x).map_err(|e| corrupt(path, format!("{name}: {e}"))))
        {
            Ok((t, _)) if !t.trim().is_empty() => asides.push(Aside {
                kind,
                part: name,
                text: t.trim().to_string(),
            }),
            Ok(_) => {}
            Err(e) => warnings.push(e.to_string()),
        }
    }
    let text: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
    // NFC may shorten paragraphs: recompute starts on the composed text by counting breaks.
    let locations = starts(&text, paras.len());
    Ok(SourceFile {
        path: path.into(),
        text,
        format: Format::Docx,
        encoding: None,
        warnings,
        map: None,
        locations,
        asides,
    })
}

/// Paragraph starts: paragraphs are separated by exactly one '\n' (none inside them).
fn starts(text: &str, n: usize) -> Vec<(usize, Location)> {
    let mut v = Vec::with_capacity(n);
    let mut at = 0;
    for (i, line) in text.split('\n').enumerate().take(n) {
        v.push((at, Location::Paragraph(i as u32 + 1)));
        at += line.len() + 1;
    }
    v
}

/// The text of the paragraphs of a WordprocessingML part, one per line, and their count.
fn paragraphs(xml: &str) -> Result<(String, Vec<usize>), quick_xml::Error> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut text = String::with_capacity(xml.len() / 4);
    let mut starts = Vec::new();
    let mut in_text = false;
    let mut skip = 0usize; // inside w:del / w:instrText
    let mut para_open = false;
    loop {
        match r.read_event()? {
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => {
                    if para_open {
                        text.push('\n');
                    }
                    para_open = true;
                    starts.push(text.len());
                }
                "w:t" => in_text = true,
                "w:del" | "w:instrText" | "w:delText" => skip += 1,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:tab" => text.push('\t'),
                "w:br" | "w:cr" => text.push(' '),
                "w:p" => {
                    if para_open {
                        text.push('\n');
                    }
                    para_open = true;
                    starts.push(text.len());
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:del" | "w:instrText" | "w:delText" => skip = skip.saturating_sub(1),
                "w:tc" => text.push('\t'),
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => {
                let s = t.xml10_content();
                text.extend(s.chars().map(|c| if c == '\n' { ' ' } else { c }));
            }
            Event::GeneralRef(g) if in_text && skip == 0 => {
                let c = match &*g {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => g.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = c {
                    text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((text, starts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paragraphs_and_cells() {
        let xml = r#"<w:document><w:body>
<w:p><w:r><w:t>Căn cứ Nghị định số 12/2024/NĐ-CP;</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Số</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">34/KH-UBND &amp; x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:del><w:delText>bỏ</w:delText></w:del><w:t>Hết</w:t></w:r></w:p>
</w:body></w:document>"#;
        let (t, starts) = paragraphs(xml).unwrap_or_default();
        assert_eq!(starts.len(), 4);
        assert_eq!(
            t,
            "Căn cứ Nghị định số 12/2024/NĐ-CP;\nSố\t\n34/KH-UBND & x\t\nHết"
        );
    }

    #[test]
    fn bad_zip_is_an_error() {
        let e = read("x.docx", b"PK\x03\x04garbage")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("x.docx: not a readable DOCX file")));
    }
}
