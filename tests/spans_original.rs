//! Every span in `check --format sarif|json` and `extract --format json` is a byte range of
//! the ORIGINAL file, whatever its encoding or normalization form: the seed written as UTF-16
//! (with a byte-order mark), NFD and UTF-8 with BOM and CRLF gives, cut out of its own bytes
//! and decoded, the same texts as the UTF-8 seed (regression: SARIF regions pointed into the
//! decoded text, 30 of 31 wrong in UTF-16, 31 of 31 in NFD).

mod common;

use std::process::Command;
use unicode_normalization::UnicodeNormalization;

/// How one variant is written and read back.
struct Variant {
    name: &'static str,
    encode: fn(&str) -> Vec<u8>,
    decode: fn(&[u8]) -> String,
}

fn utf16le(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

fn from_utf16le(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "utf-8",
        encode: |s| s.as_bytes().to_vec(),
        decode: lossy,
    },
    Variant {
        name: "utf-16le with BOM",
        encode: utf16le,
        decode: from_utf16le,
    },
    Variant {
        name: "nfd",
        encode: |s| s.nfd().collect::<String>().into_bytes(),
        decode: lossy,
    },
    Variant {
        name: "utf-8 with BOM and CRLF",
        encode: |s| {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend(s.replace('\n', "\r\n").into_bytes());
            b
        },
        decode: lossy,
    },
];

fn run(args: &[&str]) -> serde_json::Value {
    let out = Command::new(common::cancu())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// The texts the spans of one file's outputs cut out of its bytes, NFC.
fn cut(path: &std::path::Path, v: &Variant) -> (Vec<String>, Vec<String>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let piece = |start: u64, end: u64| -> String {
        let (s, e) = (start as usize, end as usize);
        assert!(s <= e && e <= bytes.len(), "{}: span {s}..{e}", v.name);
        (v.decode)(&bytes[s..e])
            .nfc()
            .collect::<String>()
            .replace("\r\n", "\n")
    };
    let p = path.to_str().unwrap_or_default();
    let sarif = run(&["check", "--format", "sarif", p]);
    let mut regions = Vec::new();
    for r in sarif["runs"][0]["results"].as_array().into_iter().flatten() {
        for l in r["locations"].as_array().into_iter().flatten() {
            let reg = &l["physicalLocation"]["region"];
            let (o, n) = (reg["byteOffset"].as_u64(), reg["byteLength"].as_u64());
            let (o, n) = (o.unwrap_or(0), n.unwrap_or(0));
            regions.push(piece(o, o + n));
        }
    }
    let ex = run(&["extract", "--format", "json", p]);
    let spans = ex["documents"][0]["citations"]
        .as_array()
        .unwrap_or_else(|| panic!("{ex}"))
        .iter()
        .map(|c| {
            piece(
                c["start"].as_u64().unwrap_or(0),
                c["end"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (regions, spans)
}

#[test]
fn spans_cut_the_citation_out_of_the_original_bytes_in_every_encoding() {
    let seed = common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut want: Option<(Vec<String>, Vec<String>)> = None;
    for v in VARIANTS {
        let p = dir
            .path()
            .join(format!("seed-{}.txt", v.name.replace(' ', "-")));
        std::fs::write(&p, (v.encode)(&seed)).unwrap_or_else(|e| panic!("{e}"));
        let got = cut(&p, v);
        assert!(got.0.len() > 20 && got.1.len() > 40, "{}: {got:?}", v.name);
        match &want {
            None => want = Some(got),
            Some(w) => {
                assert_eq!(got.0, w.0, "{}: SARIF regions", v.name);
                assert_eq!(got.1, w.1, "{}: extract spans", v.name);
            }
        }
    }
}
