//! DOCX (Word) to text: unzips the package (`zip`) and reads `word/document.xml` with a
//! streaming XML reader (`quick-xml`). Body paragraphs (`w:p`) come in reading order, table
//! cells included (each cell's paragraphs in row order); tabs and breaks become whitespace;
//! deleted revisions (`w:del`) and field codes (`w:instrText`) are skipped. Headers and
//! footers (`word/header*.xml`, `word/footer*.xml`) are read the same way and kept apart in
//! [`Aside`]s. Each paragraph's start is recorded as [`Location::Paragraph`] (from 1).
//!
//! Why not a DOCX crate: the maintained ones (docx-rs) are writers first and pull far more
//! than the two parsers needed to read body text. Knows nothing of citations.

use super::writeback::Refusal;
use super::{Aside, Broken, Format, Location, Over, SourceError, SourceFile, Warning};
use quick_xml::events::Event;
use std::io::Read;

/// Largest XML part read (a bound against zip bombs).
const MAX_PART: u64 = 256 * 1024 * 1024;

fn corrupt(path: &str, why: Broken) -> SourceError {
    SourceError::Corrupt {
        path: path.into(),
        format: "DOCX",
        why,
    }
}

/// The first bytes of an OLE2 compound file: a Word 97-2003 document (.doc).
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Why `name` of the package did not read.
fn bad_part(path: &str, name: &str, e: zip::result::ZipError) -> SourceError {
    corrupt(
        path,
        match e {
            zip::result::ZipError::FileNotFound => Broken::NoPart(name.into()),
            e => Broken::BadPart {
                part: name.into(),
                detail: e.to_string(),
            },
        },
    )
}

/// Read a DOCX held in `bytes`.
pub fn read(path: &str, bytes: &[u8]) -> Result<SourceFile, SourceError> {
    read_limited(path, bytes, MAX_PART)
}

/// Read a DOCX held in `bytes`, refusing it when a part decompresses to more than `limit`
/// bytes (a zip bomb): an error naming the part, never a silently cut text.
pub fn read_limited(path: &str, bytes: &[u8], limit: u64) -> Result<SourceFile, SourceError> {
    let limit = limit.min(MAX_PART);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        corrupt(
            path,
            if bytes.starts_with(OLE_MAGIC) {
                Broken::LegacyDoc
            } else {
                Broken::NotZip
            },
        )
    })?;
    let part = |zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str| {
        let f = zip.by_name(name).map_err(|e| bad_part(path, name, e))?;
        let mut s = Vec::new();
        f.take(limit.saturating_add(1))
            .read_to_end(&mut s)
            .map_err(|e| bad_part(path, name, e.into()))?;
        if s.len() as u64 > limit {
            return Err(SourceError::OverLimit {
                path: path.into(),
                what: Over::Part(name.into()),
                limit,
            });
        }
        String::from_utf8(s).map_err(|e| {
            corrupt(
                path,
                Broken::PartNotUtf8 {
                    part: name.into(),
                    offset: e.utf8_error().valid_up_to(),
                },
            )
        })
    };
    let bad_xml = |name: &str, e: &dyn std::fmt::Display| {
        corrupt(
            path,
            Broken::BadXml {
                part: name.into(),
                detail: e.to_string(),
            },
        )
    };
    let xml = part(&mut zip, "word/document.xml")?;
    let w = walk(&xml).map_err(|e| bad_xml("word/document.xml", &e))?;
    let mut warnings = Vec::new();
    if w.insertions + w.deletions > 0 {
        warnings.push(Warning::TrackedChanges {
            insertions: w.insertions,
            deletions: w.deletions,
        });
    }
    let (text, paras) = (w.text, w.starts);
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
        match part(&mut zip, &name).and_then(|x| paragraphs(&x).map_err(|e| bad_xml(&name, &e))) {
            Ok((t, _)) if !t.trim().is_empty() => asides.push(Aside {
                kind,
                part: name,
                text: t.trim().to_string(),
            }),
            Ok(_) => {}
            Err(SourceError::Corrupt { why, .. }) => warnings.push(Warning::Aside(why)),
            Err(SourceError::OverLimit { what, limit, .. }) => {
                warnings.push(Warning::AsideOver(what, limit))
            }
            Err(e) => warnings.push(Warning::Aside(Broken::BadPart {
                part: name,
                detail: e.to_string(),
            })),
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
    walk(xml).map(|w| (w.text, w.starts))
}

/// A run (`w:r`) of a part: where it is in the XML and what text it gave.
#[derive(Debug, Clone, Default)]
struct Run {
    /// `<w:r` .. `</w:r>` in the XML.
    xml: (usize, usize),
    /// Its `<w:rPr>...</w:rPr>`, if any.
    rpr: Option<(usize, usize)>,
    /// Its text in the part's text.
    text: (usize, usize),
    /// Only properties and `w:t` inside (no tab, break, field, drawing ...).
    simple: bool,
    /// Inside a revision already (`w:ins`, `w:del`, moves) or a deleted/field context.
    in_revision: bool,
}

/// What reading a part gives: text, paragraph starts, runs, and tracked changes met.
#[derive(Debug, Default)]
struct Walked {
    text: String,
    starts: Vec<usize>,
    runs: Vec<Run>,
    insertions: usize,
    deletions: usize,
}

/// Read a WordprocessingML part: tracked changes are read as accepted (`w:ins` kept,
/// `w:del`/`w:moveFrom` skipped), field codes skipped.
fn walk(xml: &str) -> Result<Walked, quick_xml::Error> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut w = Walked {
        text: String::with_capacity(xml.len() / 4),
        ..Walked::default()
    };
    let text = &mut w.text;
    let mut in_text = false;
    let mut skip = 0usize; // inside w:del / w:instrText / w:moveFrom
    let mut revision = 0usize; // inside w:ins / w:moveTo
    let mut para_open = false;
    let mut run: Option<Run> = None;
    let mut rpr_start: Option<usize> = None;
    let mut rpr_depth = 0usize;
    let mut pos = 0usize;
    loop {
        let ev = r.read_event()?;
        let before = pos;
        pos = r.buffer_position() as usize;
        match ev {
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => {
                    if para_open {
                        text.push('\n');
                    }
                    para_open = true;
                    w.starts.push(text.len());
                }
                "w:r" => {
                    run = Some(Run {
                        xml: (before, before),
                        text: (text.len(), text.len()),
                        simple: true,
                        in_revision: skip > 0 || revision > 0,
                        ..Run::default()
                    })
                }
                "w:rPr" if run.is_some() => {
                    rpr_depth += 1;
                    if rpr_depth == 1 {
                        rpr_start = Some(before);
                    }
                }
                // A formatting revision: the run is left alone.
                "w:rPrChange" => {
                    if let Some(run) = run.as_mut() {
                        run.in_revision = true;
                    }
                }
                "w:t" => in_text = true,
                "w:del" | "w:moveFrom" => {
                    w.deletions += 1;
                    skip += 1
                }
                "w:instrText" | "w:delText" => skip += 1,
                "w:ins" | "w:moveTo" => {
                    w.insertions += 1;
                    revision += 1
                }
                _ => {
                    if rpr_start.is_none() {
                        if let Some(run) = run.as_mut() {
                            run.simple = false;
                        }
                    }
                }
            },
            Event::Empty(e) => {
                match e.name().as_ref() {
                    "w:tab" => text.push('\t'),
                    "w:br" | "w:cr" => text.push(' '),
                    "w:p" => {
                        if para_open {
                            text.push('\n');
                        }
                        para_open = true;
                        w.starts.push(text.len());
                    }
                    _ => {}
                }
                let harmless = matches!(
                    e.name().as_ref(),
                    "w:t" | "w:rPr" | "w:lastRenderedPageBreak"
                );
                if rpr_start.is_none() && !harmless {
                    if let Some(run) = run.as_mut() {
                        run.simple = false;
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:del" | "w:instrText" | "w:delText" | "w:moveFrom" => {
                    skip = skip.saturating_sub(1)
                }
                "w:ins" | "w:moveTo" => revision = revision.saturating_sub(1),
                "w:tc" => text.push('\t'),
                "w:rPr" if run.is_some() => {
                    rpr_depth = rpr_depth.saturating_sub(1);
                    if rpr_depth == 0 {
                        if let (Some(s), Some(run)) = (rpr_start.take(), run.as_mut()) {
                            run.rpr = Some((s, pos));
                        }
                    }
                }
                "w:r" => {
                    rpr_depth = 0;
                    rpr_start = None;
                    if let Some(mut done) = run.take() {
                        done.xml.1 = pos;
                        done.text.1 = text.len();
                        w.runs.push(done);
                    }
                }
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
    Ok(w)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Write `edits` (text offsets of the document's body text, sorted, not overlapping) into
/// the DOCX `bytes` as tracked changes: in `word/document.xml` each replaced piece becomes a
/// `w:del` (its text as `w:delText`) followed by a `w:ins` of the new text, author "cancu",
/// dated `date`, each run keeping its `w:rPr`; a fix may span several runs. Every other
/// member of the package is copied raw, byte for byte. An edit is refused (with the reason)
/// when it touches a run holding more than text (a tab, a field, a drawing) or one inside a
/// revision already, or crosses a paragraph.
///
/// Each of `comments` becomes a Word comment (author "cancu") anchored on the runs holding
/// its span: `word/comments.xml` is created or extended, and the relationship and content
/// type it needs are added; those parts change only when there are comments.
pub fn revise(
    bytes: &[u8],
    text: &str,
    edits: &[super::writeback::Edit],
    comments: &[super::writeback::Edit],
    date: &str,
) -> Result<super::writeback::Written, Refusal> {
    use super::writeback::Written;
    use std::io::Write;
    let unreadable = |e: &dyn std::fmt::Display| Refusal::DocxUnreadable(e.to_string());
    let cannot_make = |e: &dyn std::fmt::Display| Refusal::CannotMake(e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let xml = {
        let f = zip
            .by_name("word/document.xml")
            .map_err(|e| unreadable(&format!("word/document.xml: {e}")))?;
        let mut s = String::new();
        f.take(MAX_PART)
            .read_to_string(&mut s)
            .map_err(|e| unreadable(&format!("word/document.xml: {e}")))?;
        s
    };
    let w = walk(&xml).map_err(|e| unreadable(&format!("word/document.xml: {e}")))?;
    if w.text != text {
        return Err(Refusal::NotNfc);
    }
    let mut out = Written::default();
    // Each edit trimmed to what changes, with the runs it touches.
    let mut taken: Vec<(usize, usize, usize, String)> = Vec::new(); // (edit, start, end, new)
    let mut floor = 0;
    for (i, e) in edits.iter().enumerate() {
        let Some(old) = text.get(e.start..e.end) else {
            out.refused.push((i, Refusal::Outside));
            continue;
        };
        let pre: usize = old
            .chars()
            .zip(e.replacement.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let suf: usize = old[pre..]
            .chars()
            .rev()
            .zip(e.replacement[pre..].chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let (s, en) = (e.start + pre, e.end - suf);
        let new = e.replacement[pre..e.replacement.len() - suf].to_string();
        if s < floor {
            out.refused.push((i, Refusal::Overlaps));
            continue;
        }
        if text[s..en].contains('\n') {
            out.refused.push((i, Refusal::CrossesParagraph));
            continue;
        }
        let touched: Vec<&Run> = w
            .runs
            .iter()
            .filter(|r| {
                (r.text.0 < en && r.text.1 > s) || (s == en && r.text.0 < s && r.text.1 >= s)
            })
            .collect();
        let covered: usize = touched
            .iter()
            .map(|r| r.text.1.min(en).saturating_sub(r.text.0.max(s)))
            .sum();
        let why = if touched.is_empty() {
            Some(Refusal::NoRun)
        } else if touched.iter().any(|r| r.in_revision) {
            Some(Refusal::InRevision)
        } else if touched.iter().any(|r| !r.simple) {
            Some(Refusal::RunNotText)
        } else if covered != en - s {
            Some(Refusal::PartlyOutsideRuns)
        } else {
            None
        };
        if let Some(why) = why {
            out.refused.push((i, why));
            continue;
        }
        floor = en;
        taken.push((i, s, en, new));
    }
    let mut read_part = |name: &str| -> Option<String> {
        let f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.take(MAX_PART).read_to_string(&mut s).ok()?;
        Some(s)
    };
    let old_comments = read_part("word/comments.xml");
    let rels = read_part("word/_rels/document.xml.rels");
    let types = read_part("[Content_Types].xml");
    // Revision and comment ids after the largest one in the parts.
    let id_re = regex::Regex::new(r#"w:id="(\d+)""#).map_err(|e| cannot_make(&e))?;
    let mut next_id = id_re
        .captures_iter(&xml)
        .chain(id_re.captures_iter(old_comments.as_deref().unwrap_or("")))
        .filter_map(|c| c[1].parse::<u64>().ok())
        .max()
        .map_or(1, |m| m + 1);
    // Comment anchors: (XML position, rank, markup); ends before starts at one position.
    let mut marks: Vec<(usize, u8, String)> = Vec::new();
    let mut bodies = String::new();
    for (i, c) in comments.iter().enumerate() {
        let first = w
            .runs
            .iter()
            .find(|r| r.text.1 > c.start && r.text.0 < c.end.max(c.start + 1));
        let last = w
            .runs
            .iter()
            .rev()
            .find(|r| r.text.0 < c.end.max(c.start + 1) && r.text.1 > c.start);
        let (Some(first), Some(last)) = (first, last) else {
            out.refused_comments.push((i, Refusal::NoRun));
            continue;
        };
        let id = next_id;
        next_id += 1;
        marks.push((
            first.xml.0,
            1,
            format!("<w:commentRangeStart w:id=\"{id}\"/>"),
        ));
        marks.push((
            last.xml.1,
            0,
            format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ),
        ));
        let paras: String = c
            .replacement
            .lines()
            .map(|l| {
                format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                    escape(l)
                )
            })
            .collect();
        bodies.push_str(&format!(
            "<w:comment w:id=\"{id}\" w:author=\"cancu\" w:date=\"{date}\" w:initials=\"CC\">{paras}</w:comment>"
        ));
        out.commented.push(i);
    }
    let attrs = |id: &mut u64| {
        let a = format!(" w:id=\"{id}\" w:author=\"cancu\" w:date=\"{date}\"");
        *id += 1;
        a
    };
    let mut new_xml = String::with_capacity(xml.len() + taken.len() * 400);
    let mut at = 0;
    let mut replaced: Vec<(usize, usize)> = Vec::new();
    for r in &w.runs {
        let mine: Vec<&(usize, usize, usize, String)> = taken
            .iter()
            .filter(|(_, s, e, _)| {
                (r.text.0 < *e && r.text.1 > *s) || (*s == *e && r.text.0 < *s && r.text.1 >= *s)
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let rpr = r.rpr.map_or("", |(a, b)| &xml[a..b]);
        let keep = |t: &str| {
            if t.is_empty() {
                String::new()
            } else {
                format!(
                    "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    escape(t)
                )
            }
        };
        let mut piece = String::new();
        let mut cur = r.text.0;
        for (_, s, e, new) in mine {
            let (ds, de) = ((*s).max(r.text.0), (*e).min(r.text.1));
            piece.push_str(&keep(&text[cur..ds]));
            if de > ds {
                piece.push_str(&format!(
                    "<w:del{}><w:r>{rpr}<w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                    attrs(&mut next_id),
                    escape(&text[ds..de])
                ));
            }
            // The new text goes after the first run's deleted part.
            if *s >= r.text.0 && (*s < r.text.1 || *s == *e) && !new.is_empty() {
                piece.push_str(&format!(
                    "<w:ins{}><w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
                    attrs(&mut next_id),
                    escape(new)
                ));
            }
            cur = de.max(cur);
        }
        piece.push_str(&keep(&text[cur..r.text.1]));
        marks.push((r.xml.0, 2, piece));
        replaced.push(r.xml);
    }
    marks.sort_by_key(|m| (m.0, m.1));
    for (pos, rank, markup) in marks {
        new_xml.push_str(&xml[at..pos]);
        new_xml.push_str(&markup);
        at = pos;
        if rank == 2 {
            // A run rewritten: skip its old markup.
            at = replaced.iter().find(|r| r.0 == pos).map_or(pos, |r| r.1);
        }
    }
    new_xml.push_str(&xml[at..]);
    // The parts comments need, changed only when there are comments.
    let mut changed: Vec<(&str, String)> = vec![("word/document.xml", new_xml)];
    if !out.commented.is_empty() {
        const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let comments_xml = match &old_comments {
            Some(c) if c.contains("</w:comments>") => c.replacen("</w:comments>", &format!("{bodies}</w:comments>"), 1),
            _ => format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W}\">{bodies}</w:comments>"),
        };
        changed.push(("word/comments.xml", comments_xml));
        const REL: &str =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
        let rel = format!(
            "<Relationship Id=\"rIdCancuComments\" Type=\"{REL}\" Target=\"comments.xml\"/>"
        );
        match &rels {
            Some(r) if r.contains(REL) => {}
            Some(r) => changed.push(("word/_rels/document.xml.rels", r.replacen("</Relationships>", &format!("{rel}</Relationships>"), 1))),
            None => changed.push(("word/_rels/document.xml.rels", format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"))),
        }
        if let Some(t) = &types {
            if !t.contains("/word/comments.xml") {
                changed.push(("[Content_Types].xml", t.replacen("</Types>", "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>", 1)));
            }
        }
    }
    // The package: every member copied raw but the parts changed; new parts at the end.
    let mut buf = std::io::Cursor::new(Vec::with_capacity(bytes.len() + 4096));
    {
        let mut zw = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut written: Vec<&str> = Vec::new();
        for i in 0..zip.len() {
            let f = zip.by_index_raw(i).map_err(|e| cannot_make(&e))?;
            let name = f.name().map(|n| n.to_string()).unwrap_or_default();
            if let Some((n, data)) = changed.iter().find(|(n, _)| *n == name) {
                let mut o = opts;
                if let Some(t) = f.last_modified() {
                    o = o.last_modified_time(t);
                }
                drop(f);
                zw.start_file(*n, o).map_err(|e| cannot_make(&e))?;
                zw.write_all(data.as_bytes()).map_err(|e| cannot_make(&e))?;
                written.push(n);
            } else {
                zw.raw_copy_file(f).map_err(|e| cannot_make(&e))?;
            }
        }
        for (n, data) in changed.iter().filter(|(n, _)| !written.contains(n)) {
            zw.start_file(*n, opts).map_err(|e| cannot_make(&e))?;
            zw.write_all(data.as_bytes()).map_err(|e| cannot_make(&e))?;
        }
        zw.finish().map_err(|e| cannot_make(&e))?;
    }
    out.bytes = buf.into_inner();
    out.applied = taken.iter().map(|t| t.0).collect();
    out.refused.sort();
    // Read back: accepting the changes must give the fixed text.
    let back = read("", &out.bytes).map_err(|e| Refusal::RevisedUnreadable(e.to_string()))?;
    let mut want = text.to_string();
    for (_, s, e, new) in taken.iter().rev() {
        want.replace_range(*s..*e, new);
    }
    if back.text != want {
        return Err(Refusal::RevisedNotFixed);
    }
    Ok(out)
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

    fn package(body: &str) -> Vec<u8> {
        use std::io::Write;
        let doc = format!("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default();
        for (n, d) in [
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", &doc),
        ] {
            let _ = z.start_file(n, o);
            let _ = z.write_all(d.as_bytes());
        }
        let _ = z.finish();
        buf.into_inner()
    }

    fn document_xml(bytes: &[u8]) -> String {
        let mut z =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut s = String::new();
        let _ = z
            .by_name("word/document.xml")
            .map(|mut f| f.read_to_string(&mut s));
        s
    }

    #[test]
    fn revisions_keep_run_formatting_and_span_runs() {
        use crate::source::writeback::Edit;
        // (body, find, replacement, applied, markup expected)
        let rows: &[(&str, &str, &str, bool, &[&str])] = &[
            (
                "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>số 28/NQ/</w:t></w:r><w:r><w:t>TW &amp; x</w:t></w:r></w:p>",
                "28/NQ/TW",
                "28-NQ/TW",
                true,
                &["<w:del w:id=\"1\" w:author=\"cancu\" w:date=\"D\"><w:r><w:rPr><w:i/></w:rPr><w:delText xml:space=\"preserve\">/</w:delText>",
                  "<w:ins w:id=\"2\" w:author=\"cancu\" w:date=\"D\"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">-</w:t>",
                  "&amp; x"],
            ),
            (
                // Across runs: the old text deleted in both, the new inserted once.
                "<w:p><w:r><w:t>Nghi đ</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ịnh số 5</w:t></w:r></w:p>",
                "Nghi định",
                "NGHỊ ĐỊNH",
                true,
                &["<w:delText xml:space=\"preserve\">ghi đ</w:delText>",
                  "<w:delText xml:space=\"preserve\">ịnh</w:delText>",
                  "<w:t xml:space=\"preserve\">GHỊ ĐỊNH</w:t>"],
            ),
            (
                "<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"9\" w:author=\"x\"><w:rPr/></w:rPrChange></w:rPr><w:t>số 28 NQ/TW</w:t></w:r></w:p>",
                "28 NQ/TW",
                "28-NQ/TW",
                false,
                &[],
            ),
            (
                "<w:p><w:r><w:t>số 28</w:t><w:tab/><w:t>NQ/TW</w:t></w:r></w:p>",
                "28\tNQ/TW",
                "28-NQ/TW",
                false,
                &[],
            ),
        ];
        for (body, find, repl, applied, want) in rows {
            let bytes = package(body);
            let doc = read("x.docx", &bytes).unwrap_or_else(|e| panic!("{e}"));
            let start = doc
                .text
                .find(find)
                .unwrap_or_else(|| panic!("{find} in {:?}", doc.text));
            let edits = [Edit {
                start,
                end: start + find.len(),
                replacement: (*repl).into(),
            }];
            let w = revise(&bytes, &doc.text, &edits, &[], "D").unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(!w.applied.is_empty(), *applied, "{find}: {:?}", w.refused);
            let xml = document_xml(&w.bytes);
            for m in *want {
                assert!(xml.contains(m), "{find}: {m} not in {xml}");
            }
            if *applied {
                let back = read("x.docx", &w.bytes).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(back.text, doc.text.replace(find, repl));
                assert!(matches!(back.warnings[0], Warning::TrackedChanges { .. }));
            } else {
                assert!(w.bytes.is_empty() || xml == document_xml(&bytes));
            }
        }
    }

    #[test]
    fn bad_zip_is_an_error() {
        let e = read("x.docx", b"PK\x03\x04garbage")
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.starts_with("x.docx: not a readable DOCX file")));
    }
}
