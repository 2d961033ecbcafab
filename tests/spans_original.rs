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

/// The texts the spans of one file's outputs cut out of its bytes (NFC, CRLF as LF), by
/// output: SARIF regions; `extract --findings --format json` citations, their parts, the
/// header's number, the findings' labels and suggestions; `/api/documents/{id}` citations,
/// findings and sections (`api`: a server over the file's folder).
fn cut(
    path: &std::path::Path,
    v: &Variant,
    api: std::net::SocketAddr,
) -> Vec<(&'static str, Vec<String>)> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let piece = |start: u64, end: u64| -> String {
        let (s, e) = (start as usize, end as usize);
        assert!(s <= e && e <= bytes.len(), "{}: span {s}..{e}", v.name);
        (v.decode)(&bytes[s..e])
            .nfc()
            .collect::<String>()
            .replace("\r\n", "\n")
    };
    let span = |x: &serde_json::Value| -> String {
        piece(
            x["start"].as_u64().unwrap_or(0),
            x["end"].as_u64().unwrap_or(0),
        )
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
    let ex = run(&["extract", "--findings", "--format", "json", p]);
    let doc = &ex["documents"][0];
    let citations = doc["citations"]
        .as_array()
        .unwrap_or_else(|| panic!("{ex}"));
    let spans: Vec<String> = citations.iter().map(span).collect();
    let mut parts = Vec::new();
    let mut labels = Vec::new();
    for c in citations {
        for (_, part) in c["parts"].as_object().into_iter().flatten() {
            if part.is_object() {
                let got = span(part);
                // A part cuts its own text out of the original.
                let want: String = part["text"].as_str().unwrap_or("").nfc().collect();
                assert_eq!(got, want.replace("\r\n", "\n"), "{}: part {part}", v.name);
                parts.push(got);
            }
        }
        for f in c["findings"].as_array().into_iter().flatten() {
            for l in f["labels"].as_array().into_iter().flatten() {
                labels.push(span(l));
            }
            if f["suggestion"].is_object() {
                labels.push(span(&f["suggestion"]));
            }
        }
    }
    let header = &doc["header"]["number_span"];
    let header = vec![if header.is_object() {
        span(header)
    } else {
        String::new()
    }];
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let (status, body) = common::http_get(api, &format!("/api/documents/{name}"));
    assert_eq!(status, 200, "{}: {body}", v.name);
    let view: serde_json::Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}"));
    let api_text = view["text"].as_str().unwrap_or("");
    let mut api_cites = Vec::new();
    for c in view["citations"].as_array().into_iter().flatten() {
        let got = span(c);
        // `text_start`/`text_end` cut the same citation out of the API's `text`.
        let (ts, te) = (c["text_start"].as_u64(), c["text_end"].as_u64());
        let in_text = api_text
            .get(ts.unwrap_or(0) as usize..te.unwrap_or(0) as usize)
            .unwrap_or("")
            .replace("\r\n", "\n");
        assert_eq!(got, in_text, "{}: API citation {c}", v.name);
        api_cites.push(got);
    }
    let api_findings = view["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(span)
        .collect();
    let api_sections = view["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            // The first characters of the item's line, read from its original offset.
            let at = s["start"].as_u64().unwrap_or(0);
            let line = piece(at, (at + 64).min(bytes.len() as u64));
            line.trim_start().chars().take(3).collect::<String>()
        })
        .collect();
    vec![
        ("SARIF regions", regions),
        ("extract spans", spans),
        ("extract parts", parts),
        ("extract findings", labels),
        ("header number", header),
        ("API citations", api_cites),
        ("API findings", api_findings),
        ("API sections", api_sections),
    ]
}

#[test]
fn spans_cut_the_citation_out_of_the_original_bytes_in_every_encoding() {
    let seed = common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<(std::path::PathBuf, &Variant)> = VARIANTS
        .iter()
        .map(|v| {
            let p = dir
                .path()
                .join(format!("seed-{}.txt", v.name.replace(' ', "-")));
            std::fs::write(&p, (v.encode)(&seed)).unwrap_or_else(|e| panic!("{e}"));
            (p, v)
        })
        .collect();
    let config = cancu::serve::Config {
        addr: "127.0.0.1:0".parse().unwrap_or_else(|e| panic!("{e}")),
        corpus: common::root().join("corpus"),
        plans: vec![dir.path().to_path_buf()],
        index: None,
        workers: 2,
        allow_remote: false,
    };
    let handle = cancu::serve::start(&config, cancu::serve::backend(&config))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut want: Option<Vec<(&str, Vec<String>)>> = None;
    for (p, v) in &files {
        let got = cut(p, v, handle.addr());
        let n = |what: &str| got.iter().find(|g| g.0 == what).map_or(0, |g| g.1.len());
        assert!(
            n("SARIF regions") > 20 && n("extract spans") > 40 && n("extract parts") > 80,
            "{}: {got:?}",
            v.name
        );
        assert!(
            n("extract findings") > 20 && n("API citations") > 40,
            "{}",
            v.name
        );
        assert!(
            n("API findings") > 10 && n("API sections") > 5,
            "{}",
            v.name
        );
        match &want {
            None => want = Some(got),
            Some(w) => {
                for (g, w) in got.iter().zip(w) {
                    assert_eq!(g.1, w.1, "{}: {}", v.name, g.0);
                }
            }
        }
    }
    handle.shutdown();
}
