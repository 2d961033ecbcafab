//! Legacy encodings read and written against an independent encoder: bytes made by glibc's
//! `iconv` (tests/fixtures/source/iconv/README.md says how, and what glibc does) must decode to
//! exactly the UTF-8 text they were made from, re-encode to the same bytes, and take fixes
//! written back (`source::writeback`) byte for byte as iconv spells the fixed text.

mod common;

use cancu::source::{self, encoding, writeback, Encoding};
use std::path::PathBuf;

fn dir() -> PathBuf {
    common::root().join("tests/fixtures/source/iconv")
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The UTF-8 (NFC) text the fixtures were made from.
fn plan() -> String {
    common::read(&common::root().join("corpus/plans/ke-hoach-gdqp-an-2024-huyen-lang-giang.txt"))
}

/// The replacements made before iconv wrote the `fixed` files: (as written, replacement).
const EDITS: &[(&str, &str)] = &[
    ("só 06", "số 06"),
    ("12- CT/TW", "12-CT/TW"),
    ("168/NĐ-CP", "168/2018/NĐ-CP"),
    ("KẾ HOẠCH", "KẾ HOẠCH ĐÃ SỬA"),
];

/// (fixture, the encoding cancu must detect, whether cancu's encoder spells it the same way).
const FILES: &[(&str, Encoding, bool)] = &[
    ("gdqp.tcvn5712-1.txt", Encoding::Tcvn3, true),
    ("gdqp.cp1258.txt", Encoding::Windows1258, true),
    // Tone marks apart: decoded exactly, but cancu writes TCVN3 letters precomposed.
    ("gdqp.tones-apart.tcvn5712-1.txt", Encoding::Tcvn3, false),
];

#[test]
fn iconv_bytes_decode_to_the_exact_text_and_encode_back() {
    let want = plan();
    for &(name, enc, same_spelling) in FILES {
        let original = bytes(name);
        let doc = source::from_bytes(name, original.clone()).unwrap_or_else(|e| panic!("{e}"));
        let detected = doc.encoding.as_ref().expect("an encoding").encoding;
        assert_eq!(detected, enc, "{name}: {:?}", doc.encoding);
        assert!(
            doc.text == want,
            "{name}: decoded text differs from the UTF-8 source"
        );
        let back =
            encoding::encode(&doc.text, enc, false).unwrap_or_else(|c| panic!("{name}: {c:?}"));
        assert_eq!(back == original, same_spelling, "{name}: re-encoded bytes");
        // Every line start maps back to the byte iconv wrote it at.
        let mut line_bytes = original.split(|&b| b == b'\n').scan(0, |at, l| {
            let s = *at;
            *at += l.len() + 1;
            Some(s)
        });
        for (t, _) in
            std::iter::once((0, "")).chain(doc.text.match_indices('\n').map(|(i, s)| (i + 1, s)))
        {
            assert_eq!(
                doc.original(t),
                line_bytes.next(),
                "{name}: line at text offset {t}"
            );
        }
    }
}

#[test]
fn fixes_are_written_back_as_iconv_spells_them() {
    for (name, fixed) in [
        ("gdqp.tcvn5712-1.txt", "gdqp.fixed.tcvn5712-1.txt"),
        ("gdqp.cp1258.txt", "gdqp.fixed.cp1258.txt"),
    ] {
        let original = bytes(name);
        let doc = source::from_bytes(name, original.clone()).unwrap_or_else(|e| panic!("{e}"));
        let mut edits: Vec<writeback::Edit> = EDITS
            .iter()
            .map(|(from, to)| {
                let start = doc
                    .text
                    .find(from)
                    .unwrap_or_else(|| panic!("{name}: {from}"));
                writeback::Edit {
                    start,
                    end: start + from.len(),
                    replacement: to.to_string(),
                }
            })
            .collect();
        edits.sort_by_key(|e| e.start);
        let w = writeback::write_back(&original, &doc, &edits, "2026-12-07T00:00:00Z")
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(w.refused.is_empty(), "{name}: refused {:?}", w.refused);
        assert_eq!(w.applied.len(), EDITS.len(), "{name}");
        assert!(
            w.bytes == bytes(fixed),
            "{name}: written bytes differ from iconv's {fixed}"
        );
    }
}
