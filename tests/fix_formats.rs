//! `cancu check --fix` never loses a byte: the seed plan in every encoding and as a DOCX
//! (part of it in a table) is fixed in its own format; PDF, HTML and JSON are refused.

mod common;

use cancu::check::{self, fix, Options};
use cancu::diag::Applicability;
use cancu::source::{self, encoding, Encoding, Format};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

const SEED: &str = "ke-hoach-qpdp-2024-xa-xuan-luong.txt";

fn seed() -> String {
    common::read(&common::fixture(SEED))
}

fn cancu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(common::cancu())
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `s` with every character `enc` cannot hold lowercased (TCVN3 has no toned capitals:
/// ABC fonts wrote them with lowercase codes), else as a straight quote.
fn spellable(s: &str, enc: Encoding) -> String {
    let ok = |c: char| encoding::encode(&c.to_string(), enc, false).is_ok();
    s.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            if ok(c) {
                c
            } else if ok(lower) {
                lower
            } else {
                '"'
            }
        })
        .collect()
}

/// The library's safe fix of `text`: the lines it touches (0-based) and the fixed text.
fn safe_fix(text: &str) -> (Vec<usize>, String) {
    let ex = cancu::extract(text);
    let reg = cancu::registry::Registry::builtin().unwrap_or_else(|e| panic!("{e}"));
    let know = cancu::knowledge::RegistryKnowledge::new(&reg);
    let diags = check::check(text, &ex, &know, &Options::default());
    let f = fix::apply_up_to(text, &diags, Applicability::Safe);
    let mut lines = Vec::new();
    for s in &f.applied {
        let a = text[..s.start].matches('\n').count();
        let b = text[..s.end].matches('\n').count();
        lines.extend(a..=b);
    }
    (lines, f.text)
}

fn no_safe_fix_left(path: &str) {
    let (_, out, err) = cancu(&["check", "--format", "json", path]);
    let v: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{path}: {e}\n{err}"));
    let safe = v["files"][0]["diagnostics"]
        .as_array()
        .map(|ds| {
            ds.iter()
                .filter(|d| d["suggestion"]["applicability"] == "safe")
                .count()
        })
        .unwrap_or(0);
    assert_eq!(safe, 0, "{path}: safe fixes left:\n{out}");
}

#[test]
fn seed_in_every_encoding_is_fixed_in_its_own_encoding() {
    let s = seed();
    let crlf = s.replace("\r\n", "\n").replace('\n', "\r\n");
    // (name, text spelled, encoding, NFD, BOM)
    let rows: &[(&str, &str, Encoding, bool, &[u8])] = &[
        ("utf-8", &s, Encoding::Utf8, false, b""),
        (
            "utf-8 bom crlf",
            &crlf,
            Encoding::Utf8,
            false,
            b"\xEF\xBB\xBF",
        ),
        ("utf-8 nfd", &s, Encoding::Utf8, true, b""),
        ("utf-16le", &s, Encoding::Utf16Le, false, b"\xFF\xFE"),
        (
            "utf-16be crlf",
            &crlf,
            Encoding::Utf16Be,
            false,
            b"\xFE\xFF",
        ),
        ("windows-1258", &s, Encoding::Windows1258, false, b""),
        ("tcvn3", &s, Encoding::Tcvn3, false, b""),
        ("vni", &s, Encoding::Vni, false, b""),
        ("tcvn3-in-utf8", &s, Encoding::Tcvn3InUtf8, false, b""),
        ("vni-in-utf8", &s, Encoding::VniInUtf8, false, b""),
    ];
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, text, enc, nfd, bom) in rows {
        let text = spellable(text, *enc);
        let mut original = bom.to_vec();
        original.extend(
            encoding::encode(&text, *enc, *nfd).unwrap_or_else(|c| panic!("{name}: {c:?}")),
        );
        let p = dir.path().join(format!("{}.txt", name.replace(' ', "-")));
        std::fs::write(&p, &original).unwrap_or_else(|e| panic!("{e}"));
        let ps = p.to_str().unwrap_or_default();
        let before = source::read_file(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            before.encoding.as_ref().map(|d| d.encoding),
            Some(*enc),
            "{name}: detected"
        );
        let (lines, want) = safe_fix(&before.text);
        let (_, _, err) = cancu(&["check", "--fix", ps]);
        assert!(err.contains("đã sửa "), "{name}: {err}");
        eprintln!(
            "{name}: {} ({} refused)",
            err.lines().find(|l| l.starts_with("đã sửa ")).unwrap_or(""),
            err.matches("không áp dụng được sửa").count()
        );
        // The backup is the original bytes.
        let backup = std::fs::read(format!("{ps}.cancu-bak")).unwrap_or_else(|e| panic!("{e}"));
        assert!(backup == original, "{name}: the backup is not the original");
        // The fixed file reads in its own encoding as the library's fix.
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{e}"));
        let after = source::read_file(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            after.encoding.as_ref().map(|d| d.encoding),
            Some(*enc),
            "{name}: detected after"
        );
        assert!(after.warnings.is_empty(), "{name}: {:?}", after.warnings);
        // Every replacement of the seed can be spelled in every encoding.
        assert!(!err.contains("không áp dụng được sửa"), "{name}: {err}");
        assert_eq!(after.text, want, "{name}");
        // Same lines and line endings; only lines holding a fixed citation changed.
        assert_eq!(
            after.text.matches('\n').count(),
            before.text.matches('\n').count(),
            "{name}: lines"
        );
        assert_eq!(
            after.text.matches("\r\n").count(),
            before.text.matches("\r\n").count(),
            "{name}: line endings"
        );
        for (i, (a, b)) in before
            .text
            .split('\n')
            .zip(after.text.split('\n'))
            .enumerate()
        {
            assert!(
                a == b || lines.contains(&i),
                "{name}: line {} changed: {a:?} → {b:?}",
                i + 1
            );
        }
        assert!(bytes.starts_with(bom), "{name}: BOM");
        assert_eq!(encoding::writes_nfd(&bytes, *enc), *nfd, "{name}: form");
        no_safe_fix_left(ps);
        // Then the inferred fixes: still the file's encoding and lines; the first backup
        // is still the original.
        let (_, _, err) = cancu(&["check", "--fix", "--unsafe-fixes", ps]);
        assert!(err.contains("đã sửa "), "{name}: {err}");
        let last = source::read_file(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            last.encoding.as_ref().map(|d| d.encoding),
            Some(*enc),
            "{name}"
        );
        assert_eq!(
            last.text.matches('\n').count(),
            before.text.matches('\n').count(),
            "{name}: lines after --unsafe-fixes"
        );
        assert!(
            last.text.contains("62/2011/QĐ-TTg"),
            "{name}: a registry year"
        );
        assert!(std::fs::read(format!("{ps}.cancu-bak")).unwrap_or_default() == original);
    }
}

#[test]
fn a_file_changed_on_disk_since_it_was_read_is_not_written() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path().join("plan.txt");
    let original = seed().into_bytes();
    std::fs::write(&p, &original).unwrap_or_else(|e| panic!("{e}"));
    let mut changed = original.clone();
    changed.extend(b"\nmore");
    // The library's atomic replace refuses when the bytes on disk are not those read.
    let e = cancu::cli::check::replace_atomically(&p, &changed, b"new")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.contains("plan.txt: tệp đã thay đổi trên đĩa từ khi được đọc"),
        "{e}"
    );
    assert_eq!(std::fs::read(&p).unwrap_or_default(), original);
    assert!(!dir.path().join("plan.txt.cancu-bak").exists());
    // Otherwise: backup first, then the new bytes with the same permissions.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640))
            .unwrap_or_else(|e| panic!("{e}"));
        let b = cancu::cli::check::replace_atomically(&p, &original, b"new")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&b).unwrap_or_default(), original);
        assert_eq!(std::fs::read(&p).unwrap_or_default(), b"new");
        let mode = std::fs::metadata(&p).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o640));
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(left.len(), 2, "no temporary file left: {left:?}");
        // Through a symbolic link: the file it points to is replaced, the link stays.
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&p, &link).unwrap_or_else(|e| panic!("{e}"));
        cancu::cli::check::replace_atomically(&link, b"new", b"newer")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        assert_eq!(std::fs::read(&p).unwrap_or_default(), b"newer");
        assert_eq!(
            std::fs::read(dir.path().join("link.txt.cancu-bak")).unwrap_or_default(),
            b"new"
        );
    }
}

#[test]
fn pdf_html_json_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = format!(
        "<html><body><p>{}</p></body></html>",
        seed().replace('&', "&amp;")
    );
    let json = serde_json::json!({ "text": seed() }).to_string();
    let pdf = std::fs::read(common::root().join("tests/fixtures/source/seed.pdf"))
        .unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes) in [
        ("plan.html", html.into_bytes()),
        ("plan.json", json.into_bytes()),
        ("plan.pdf", pdf),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let ps = p.to_str().unwrap_or_default();
        let (code, _, err) = cancu(&["check", "--fix", ps]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(&format!("{ps}: --fix không ghi tệp")),
            "{name}: {err}"
        );
        assert_eq!(std::fs::read(&p).unwrap_or_default(), bytes, "{name}");
        assert!(!Path::new(&format!("{ps}.cancu-bak")).exists(), "{name}");
        // The dry run shows the changes of every format.
        let (code, out, err) = cancu(&["check", "--fix", "--dry-run", ps]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(
            out.contains(&format!("--- a/{ps}")) && out.contains("\n+"),
            "{name}: {out}"
        );
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph whose text is cut into runs of at most 23 bytes, alternating bold and plain,
/// so citations span several runs.
fn para(s: &str) -> String {
    let mut runs = String::new();
    let mut cur = String::new();
    let mut bold = false;
    let mut flush = |cur: &mut String, bold: &mut bool| {
        if !cur.is_empty() {
            let rpr = if *bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
            runs.push_str(&format!(
                "<w:r w:rsidR=\"00AB12CD\">{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                xml_escape(cur)
            ));
            cur.clear();
            *bold = !*bold;
        }
    };
    for c in s.chars() {
        cur.push(c);
        if cur.len() >= 23 {
            flush(&mut cur, &mut bold);
        }
    }
    flush(&mut cur, &mut bold);
    format!("<w:p>{runs}</w:p>")
}

/// The seed as a DOCX: lines 20–60 in a two-column table, a header, styles and relations.
fn seed_docx() -> Vec<u8> {
    let body = common::docx_body_with_table(&seed(), para);
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let members = [
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string()),
        ("word/document.xml", doc),
        ("word/header1.xml", format!("<w:hdr {w}>{}</w:hdr>", para("Kèm theo Quyết định số 999/QĐ-UBND"))),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in members {
            z.start_file(name, o).unwrap_or_else(|e| panic!("{e}"));
            z.write_all(data.as_bytes())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        z.finish().unwrap_or_else(|e| panic!("{e}"));
    }
    buf.into_inner()
}

/// Each member's name, compression method and raw (compressed) bytes.
fn raw_members(bytes: &[u8]) -> Vec<(String, String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index_raw(i).unwrap_or_else(|e| panic!("{e}"));
            let mut raw = Vec::new();
            f.read_to_end(&mut raw).unwrap_or_else(|e| panic!("{e}"));
            (
                f.name().map(|n| n.to_string()).unwrap_or_default(),
                format!("{:?} {}", f.compression(), f.crc32()),
                raw,
            )
        })
        .collect()
}

fn member(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|e| panic!("{e}"))
        .read_to_string(&mut s)
        .unwrap_or_else(|e| panic!("{e}"));
    s
}

#[test]
fn docx_gets_tracked_changes_and_every_other_member_unchanged() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path().join("plan.docx");
    let original = seed_docx();
    std::fs::write(&p, &original).unwrap_or_else(|e| panic!("{e}"));
    let ps = p.to_str().unwrap_or_default();
    let before = source::read_file(&p).unwrap_or_else(|e| panic!("{e}"));
    let (_, want) = safe_fix(&before.text);
    let (_, _, err) = cancu(&["check", "--fix", ps]);
    assert!(err.contains("đã sửa "), "{err}");
    assert!(!err.contains("không áp dụng được sửa"), "{err}");
    assert!(std::fs::read(format!("{ps}.cancu-bak")).unwrap_or_default() == original);
    let fixed = std::fs::read(&p).unwrap_or_default();
    // Every member but the document part is byte for byte the original's, in order.
    let (a, b) = (raw_members(&original), raw_members(&fixed));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.0, y.0);
        if x.0 != "word/document.xml" {
            assert!(x == y, "{} changed", x.0);
        }
    }
    let xml = member(&fixed, "word/document.xml");
    assert!(xml.contains("<w:del w:id=") && xml.contains("<w:delText xml:space=\"preserve\">"));
    assert!(xml.contains("<w:ins w:id=") && xml.contains("w:author=\"cancu\""));
    // Run formatting is kept on the revisions ("28 NQ/TW" spans a bold run).
    assert!(xml.contains("<w:ins") && xml.contains("<w:r><w:rPr><w:b/></w:rPr><w:t"));
    // cancu reads the changes as accepted, and says so.
    let after = source::read_file(&p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(after.text, want);
    assert!(after
        .warnings
        .iter()
        .any(|w| w.to_string().contains("tracked changes read as accepted")));
    no_safe_fix_left(ps);
    libreoffice_opens(&p, &want);
}

/// LibreOffice opens the fixed DOCX, keeps cancu's revisions as revisions (its own DOCX
/// export still holds them) and accepting them gives the fixed text.
fn libreoffice_opens(p: &Path, want: &str) {
    let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"]
        .into_iter()
        .find(|s| Path::new(s).exists());
    let Some(soffice) = soffice else {
        if std::env::var("CANCU_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
            panic!("soffice (libreoffice-writer-nogui) is required (CANCU_REQUIRE_SHARED=1)");
        }
        eprintln!("SKIP libreoffice_opens: soffice not installed (apt-get install libreoffice-writer-nogui)");
        return;
    };
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        out.path().display()
    );
    for to in ["txt:Text (encoded):UTF8", "docx:MS Word 2007 XML"] {
        let st = Command::new(soffice)
            .args([&profile, "--headless", "--convert-to", to, "--outdir"])
            .arg(out.path())
            .arg(p)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            st.status.success(),
            "soffice {to}: {}",
            String::from_utf8_lossy(&st.stderr)
        );
    }
    // The text shows the document with its changes marked: the inserted text is there.
    let txt = std::fs::read_to_string(out.path().join("plan.txt")).unwrap_or_default();
    assert!(txt.contains("Kết luận") || txt.contains("luậ"), "{txt}");
    // LibreOffice's own DOCX keeps the revisions; accepting them gives the fixed text.
    let lo = std::fs::read(out.path().join("plan.docx")).unwrap_or_default();
    let xml = member(&lo, "word/document.xml");
    assert!(xml.contains("w:ins") && xml.contains("w:del") && xml.contains("cancu"));
    let back = source::read_file(&out.path().join("plan.docx")).unwrap_or_else(|e| panic!("{e}"));
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&back.text), words(want));
}

#[test]
fn dry_run_diff_of_the_seed_is_the_snapshot() {
    let (code, out, _) = cancu(&[
        "check",
        "--fix",
        "--dry-run",
        &format!("tests/fixtures/{SEED}"),
    ]);
    assert_eq!(code, 1);
    let want = common::read(&common::root().join("tests/snapshots/seed.fix.diff"));
    assert_eq!(out, want);
    assert!(
        !out.contains("168/2018/NĐ-CP"),
        "an inferred year is not a safe fix"
    );
    let _ = Format::Text;
}

#[test]
fn docx_comments_mark_each_finding_without_a_safe_fix() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = dir.path().join("plan.docx");
    let original = seed_docx();
    std::fs::write(&p, &original).unwrap_or_else(|e| panic!("{e}"));
    let ps = p.to_str().unwrap_or_default();
    let before = source::read_file(&p).unwrap_or_else(|e| panic!("{e}"));
    // The findings as the command shows them (unresolved citations folded into one line).
    let (_, json, _) = cancu(&["check", "--format", "json", ps]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let want = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("{v}"))
        .iter()
        .filter(|d| d["suggestion"].is_null() || d["suggestion"]["applicability"] == "unsafe")
        .count();
    assert!(want > 0);
    let (_, _, err) = cancu(&["check", "--fix", "--comments", ps]);
    assert!(
        err.contains(&format!(", thêm {want} nhận xét")),
        "{want}: {err}"
    );
    let fixed = std::fs::read(&p).unwrap_or_default();
    let comments = member(&fixed, "word/comments.xml");
    assert_eq!(comments.matches("<w:comment ").count(), want);
    assert!(comments.contains("w:author=\"cancu\"") && comments.contains("C0101 warning:"));
    let xml = member(&fixed, "word/document.xml");
    assert_eq!(xml.matches("<w:commentRangeStart ").count(), want);
    assert_eq!(xml.matches("<w:commentReference ").count(), want);
    assert!(member(&fixed, "[Content_Types].xml").contains("/word/comments.xml"));
    assert!(member(&fixed, "word/_rels/document.xml.rels").contains("comments.xml"));
    // Parts comments do not need are unchanged, byte for byte.
    let b = raw_members(&fixed);
    for x in raw_members(&original) {
        if !matches!(x.0.as_str(), "word/document.xml" | "[Content_Types].xml") {
            assert!(b.contains(&x), "{} changed", x.0);
        }
    }
    // The text read is the fixed text: comments add none.
    let (_, fixed_text) = safe_fix(&before.text);
    let after = source::read_file(&p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(after.text, fixed_text);
    libreoffice_opens(&p, &fixed_text);
}
