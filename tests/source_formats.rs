//! The seed plan read from every format and encoding a user may hand in yields the same
//! citations as the UTF-8 text file (bars of issue 6).

mod common;

use cancu::source::{self, legacy, Encoding, Format, Location, Options};
use std::io::Write;
use unicode_normalization::UnicodeNormalization;

fn seed() -> String {
    common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"))
}

/// kind + number + symbol of each citation, in order.
fn keys(text: &str) -> Vec<String> {
    cancu::extract(text)
        .citations
        .iter()
        .map(|c| {
            format!(
                "{} {} {}",
                c.kind.slug(),
                c.number.clone().unwrap_or_default(),
                c.symbol.clone().unwrap_or_default()
            )
        })
        .collect()
}

/// Share of the expected citations found (as a multiset).
fn recall(expected: &[String], got: &[String]) -> f64 {
    let mut left = got.to_vec();
    let mut hit = 0;
    for e in expected {
        if let Some(i) = left.iter().position(|g| g == e) {
            left.swap_remove(i);
            hit += 1;
        }
    }
    hit as f64 / expected.len().max(1) as f64
}

fn check(name: &str, path: &str, bytes: Vec<u8>, want_enc: Option<Encoding>) -> source::SourceFile {
    let expected = keys(&seed());
    assert!(expected.len() > 40, "seed has {} citations", expected.len());
    let doc = source::from_bytes(path, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Some(enc) = want_enc {
        let d = doc
            .encoding
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no encoding"));
        assert_eq!(d.encoding, enc, "{name}: {}", d.how);
        assert!(
            d.confidence >= 0.6,
            "{name}: confidence {} ({})",
            d.confidence,
            d.how
        );
    }
    let got = keys(&doc.text);
    let r = recall(&expected, &got);
    assert!(
        r >= 0.95,
        "{name}: {:.0}% of the seed's citations\nmissing: {:?}",
        r * 100.0,
        expected
            .iter()
            .filter(|e| !got.contains(e))
            .collect::<Vec<_>>()
    );
    doc
}

/// The seed as TCVN3 bytes, the way ABC fonts wrote it: toned capitals in lowercase codes.
fn to_tcvn3(s: &str) -> Vec<u8> {
    let t = legacy::tables();
    let byte = |c: char| {
        (0..=255u8).find(|&b| {
            t.tcvn3[b as usize] == c && !(b < 0x20 || (0x80..0xA0).contains(&b))
                || (c.is_ascii() && b == c as u8)
        })
    };
    s.nfc()
        .map(|c| {
            byte(c)
                .or_else(|| c.to_lowercase().next().and_then(byte))
                .unwrap_or(b'?')
        })
        .collect()
}

/// The seed as VNI bytes.
fn to_vni(s: &str) -> Vec<u8> {
    let t = legacy::tables();
    let mut out = Vec::new();
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some((&a, _)) = t.vni_single.iter().find(|(_, &l)| l == c) {
            out.push(t.cp1252_back[&a]);
        } else if let Some((&(a, b), _)) = t.vni_pairs.iter().find(|(_, &l)| l == c) {
            out.push(t.cp1252_back[&a]);
            out.push(t.cp1252_back[&b]);
        } else {
            out.push(b'?');
        }
    }
    out
}

/// Windows-1258 spelling: vowel marks composed, tone marks as combining characters.
fn tones_apart(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfc() {
        let d: Vec<char> = std::iter::once(c).nfd().collect();
        let (tone, base): (Vec<char>, Vec<char>) = d
            .into_iter()
            .partition(|m| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'));
        out.extend(base.into_iter().collect::<String>().nfc());
        out.extend(tone);
    }
    out
}

/// Form (b): the bytes read as Windows-1252 and saved again as UTF-8.
fn as_cp1252_utf8(bytes: &[u8]) -> Vec<u8> {
    let t = legacy::tables();
    bytes
        .iter()
        .map(|&b| t.cp1252[b as usize])
        .collect::<String>()
        .into_bytes()
}

#[test]
fn seed_in_every_encoding_yields_the_same_citations() {
    let s = seed();
    let mut utf16le = vec![0xFF, 0xFE];
    s.encode_utf16()
        .for_each(|u| utf16le.extend(u.to_le_bytes()));
    let mut utf16be = vec![0xFE, 0xFF];
    s.encode_utf16()
        .for_each(|u| utf16be.extend(u.to_be_bytes()));
    let crlf_bom = [&[0xEF, 0xBB, 0xBF][..], s.replace('\n', "\r\n").as_bytes()].concat();
    let rows: Vec<(&str, Vec<u8>, Encoding)> = vec![
        ("utf-8", s.clone().into_bytes(), Encoding::Utf8),
        (
            "nfd",
            s.nfd().collect::<String>().into_bytes(),
            Encoding::Utf8,
        ),
        ("Ð for Đ", s.replace('Đ', "Ð").into_bytes(), Encoding::Utf8),
        ("utf-16le", utf16le, Encoding::Utf16Le),
        ("utf-16be", utf16be, Encoding::Utf16Be),
        ("crlf + bom", crlf_bom, Encoding::Utf8),
        ("tcvn3 (a)", to_tcvn3(&s), Encoding::Tcvn3),
        (
            "tcvn3 (b)",
            as_cp1252_utf8(&to_tcvn3(&s)),
            Encoding::Tcvn3InUtf8,
        ),
        ("vni (a)", to_vni(&s), Encoding::Vni),
        ("vni (b)", as_cp1252_utf8(&to_vni(&s)), Encoding::VniInUtf8),
        (
            "windows-1258",
            encoding_rs::WINDOWS_1258
                .encode(&tones_apart(&s))
                .0
                .into_owned(),
            Encoding::Windows1258,
        ),
    ];
    for (name, bytes, enc) in rows {
        check(name, "seed.txt", bytes, Some(enc));
    }
}

#[test]
fn spans_point_into_the_original_bytes() {
    // UTF-16: the citation's span, mapped back, covers the same text in the original file.
    let s = seed();
    let mut bytes = vec![0xFF, 0xFE];
    s.encode_utf16().for_each(|u| bytes.extend(u.to_le_bytes()));
    let doc = source::from_bytes("seed.txt", bytes.clone()).unwrap_or_else(|e| panic!("{e}"));
    let c = &cancu::extract(&doc.text).citations[1];
    let (a, b) = (
        doc.original(c.start).unwrap_or(0),
        doc.original(c.end).unwrap_or(0),
    );
    let units: Vec<u16> = bytes[a..b]
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&String::from_utf16_lossy(&units)), words(&c.text));
    // TCVN3 (a): one byte per letter.
    let t = to_tcvn3(&s);
    let doc = source::from_bytes("seed.txt", t.clone()).unwrap_or_else(|e| panic!("{e}"));
    let c = &cancu::extract(&doc.text).citations[1];
    let (a, b) = (
        doc.original(c.start).unwrap_or(0),
        doc.original(c.end).unwrap_or(0),
    );
    assert_eq!(
        b - a,
        doc.text[c.start..c.end].chars().count(),
        "{}",
        c.text
    );
}

#[test]
fn forced_encoding_overrides_detection() {
    let doc = source::from_bytes_as(
        "x.txt",
        "chaøo".as_bytes().to_vec(),
        None,
        &Options {
            encoding: Some(Encoding::Utf8),
            ..Options::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.text, "chaøo");
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn para(s: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_escape(s)
    )
}

/// The seed as a DOCX: lines 20–60 in a two-column table (row by row), a header and a
/// footer holding a citation that must not reach the body.
fn seed_docx() -> Vec<u8> {
    let body = common::docx_body_with_table(&seed(), para);
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let hdr = format!(
        "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{}</w:hdr>",
        para("Kèm theo Quyết định số 999/QĐ-UBND")
    );
    let ftr = format!(
        "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{}</w:ftr>",
        para("Trang 1")
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in [
            ("[Content_Types].xml", "<Types/>".to_string()),
            ("word/document.xml", doc),
            ("word/header1.xml", hdr),
            ("word/footer1.xml", ftr),
        ] {
            z.start_file(name, o).unwrap_or_else(|e| panic!("{e}"));
            z.write_all(data.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        z.finish().unwrap_or_else(|e| panic!("{e}"));
    }
    buf.into_inner()
}

#[test]
fn seed_as_docx_with_a_table_yields_the_same_citations() {
    let doc = check("docx", "seed.docx", seed_docx(), None);
    assert_eq!(doc.format, Format::Docx);
    assert!(
        !doc.text.contains("999/QĐ-UBND"),
        "header leaked into the body"
    );
    assert!(doc
        .asides
        .iter()
        .any(|a| a.kind == "header" && a.text.contains("999/QĐ-UBND")));
    assert!(doc.asides.iter().any(|a| a.kind == "footer"));
    // A citation inside the table points at its paragraph, with the text around it.
    let e = cancu::extract(&doc.text);
    let c = e
        .citations
        .iter()
        .find(|c| c.number.as_deref() == Some("21"))
        .unwrap_or_else(|| panic!("Nghị định 21/2019 not found"));
    let line = seed()
        .lines()
        .position(|l| l.contains("Nghị định số 21/2019"))
        .unwrap_or(0);
    assert_eq!(
        doc.locate(c.start),
        Some(Location::Paragraph(line as u32 + 1)),
        "{}",
        c.text
    );
    assert!(doc.context(c.start, c.end, 40).contains("Nghị định"));
}

#[test]
fn seed_as_pdf_yields_the_same_citations_with_pages() {
    let bytes = std::fs::read(common::root().join("tests/fixtures/source/seed.pdf"))
        .unwrap_or_else(|e| panic!("{e}"));
    let doc = check("pdf", "seed.pdf", bytes, None);
    assert_eq!(doc.format, Format::Pdf);
    let pages: Vec<Location> = doc.locations.iter().map(|l| l.1).collect();
    assert!(pages.len() >= 3, "{pages:?}");
    let e = cancu::extract(&doc.text);
    let last = e.citations.last().map(|c| doc.locate(c.start));
    assert!(
        matches!(last, Some(Some(Location::Page(n))) if n >= 2),
        "{last:?}"
    );
}

#[test]
fn scanned_pdf_says_it_has_no_text_layer() {
    let bytes = std::fs::read(common::root().join("tests/fixtures/source/scanned.pdf"))
        .unwrap_or_else(|e| panic!("{e}"));
    let e = source::from_bytes("scan.pdf", bytes)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("scan.pdf") && e.contains("no text layer"), "{e}");
}

#[test]
fn html_and_json_yield_the_same_citations() {
    let s = seed();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Kế hoạch</title><style>p{{}}</style></head><body>{}</body></html>",
        s.lines()
            .map(|l| format!("<p>{}</p>", xml_escape(l).replace('Đ', "&#272;").replace('ố', "&#7889;")))
            .collect::<String>()
    );
    let doc = check(
        "html",
        "seed.html",
        html.clone().into_bytes(),
        Some(Encoding::Utf8),
    );
    // spans map into the HTML bytes
    let c = &cancu::extract(&doc.text).citations[0];
    let a = doc.original(c.start).unwrap_or(0);
    assert!(
        html[a..].starts_with(&c.text[..c.text.find(' ').unwrap_or(1)]),
        "{}",
        &html[a..a + 40]
    );
    let json = serde_json::json!({"so_hieu": "x", "full_text": s}).to_string();
    check("json", "seed.json", json.into_bytes(), Some(Encoding::Utf8));
}

#[test]
fn real_utf8_files_are_never_misdetected() {
    let Some(shared) = common::shared("real_utf8_files_are_never_misdetected") else {
        return;
    };
    let mut n = 0;
    for e in walkdir::WalkDir::new(shared.join("data"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if n >= 150 {
            break;
        }
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if !matches!(ext, "txt" | "json" | "html" | "md")
            || e.metadata().map_or(0, |m| m.len()) > 4 << 20
        {
            continue;
        }
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        if std::str::from_utf8(&bytes).is_err() {
            continue;
        }
        if let Ok(d) = source::encoding::decode(&bytes, None) {
            assert_eq!(
                d.detected.encoding,
                Encoding::Utf8,
                "{}: {}",
                p.display(),
                d.detected.how
            );
            n += 1;
        }
    }
    assert!(n > 10, "only {n} files checked");
}

#[test]
fn cli_reports_the_detected_encoding_and_takes_encoding_flag() {
    let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = d.path().join("tcvn3.txt");
    std::fs::write(&p, to_tcvn3(&seed())).unwrap_or_else(|e| panic!("{e}"));
    let run = |extra: &[&str]| {
        let o = std::process::Command::new(common::cancu())
            .arg("extract")
            .args(extra)
            .arg(&p)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let rows: &[(&[&str], Option<i32>, &str, &str)] = &[
        (
            &[],
            Some(0),
            "(49 trích dẫn)",
            "đọc theo bảng mã tcvn3 (độ tin cậy",
        ),
        (
            &["--encoding", "tcvn3"],
            Some(0),
            "(49 trích dẫn)",
            "(độ tin cậy 100%: do --encoding chỉ định)",
        ),
        (
            &["--encoding", "tcvn3", "--lang", "en"],
            Some(0),
            "(49 citations)",
            "read as tcvn3 (confidence 100%: given by --encoding)",
        ),
        (
            &["--format", "json"],
            Some(0),
            "\"encoding\": \"tcvn3\"",
            "",
        ),
        // JSON keeps the reason's English words, whatever the language.
        (
            &["--format", "json", "--encoding", "tcvn3"],
            Some(0),
            "\"how\": \"given by --encoding\"",
            "",
        ),
        (
            &["--encoding", "klingon"],
            Some(2),
            "",
            "không có bảng mã \"klingon\"; chọn một trong: utf-8,",
        ),
        (
            &["--encoding", "klingon", "--lang", "en"],
            Some(2),
            "",
            "unknown encoding \"klingon\"; one of: utf-8,",
        ),
    ];
    for (args, code, out, err) in rows {
        let (c, o, e) = run(args);
        assert_eq!(c, *code, "{args:?}: {e}");
        assert!(o.contains(out), "{args:?}: stdout {o}");
        assert!(e.contains(err), "{args:?}: stderr {e}");
    }
}
