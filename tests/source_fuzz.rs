//! Fuzzing `source::from_bytes` + `cancu::extract` with proptest: arbitrary bytes under
//! every file name a user may give, and the seed plan with random byte mutations. The case
//! counts keep `cargo test` short; `cargo bench --bench source_stress -- SECONDS` runs
//! the same checks for longer.

mod common;

use cancu::source;
use proptest::prelude::*;
use unicode_normalization::{is_nfc_quick, IsNormalized};

const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.json", "a.docx", "a.pdf", "a"];

/// Read and extract; check what must hold for any input.
fn check(name: &str, bytes: Vec<u8>) {
    let len = bytes.len();
    let Ok(doc) = source::from_bytes(name, bytes) else {
        return;
    };
    assert_ne!(
        is_nfc_quick(doc.text.chars()),
        IsNormalized::No,
        "{name}: text not NFC"
    );
    let e = cancu::extract(&doc.text);
    let mut last = 0;
    for c in &e.citations {
        assert!(
            c.start <= c.end && c.end <= doc.text.len(),
            "{name}: span {}..{}",
            c.start,
            c.end
        );
        if let Some(o) = doc.original(c.start) {
            assert!(o <= len, "{name}: original offset {o} past {len}");
            assert!(o >= last, "{name}: original offsets go backwards");
            last = o;
        }
        let _ = doc.locate(c.start);
        let _ = doc.context(c.start, c.end, 40);
    }
}

fn seed() -> Vec<u8> {
    std::fs::read(common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt")).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), n in 0..NAMES.len()) {
        check(NAMES[n], bytes);
    }

    #[test]
    fn vietnamese_like_text(s in "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵđĐêềếệểễôồốộổỗơờớợởỡưừứựửữ0-9/\\- .,;:\n\r\t©¸µ¨øùñÑ]{0,400}") {
        check("a.txt", s.into_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed(muts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..40), n in 0..NAMES.len()) {
        let mut b = seed();
        for (at, byte, op) in muts {
            if b.is_empty() { break; }
            let i = at.index(b.len());
            match op {
                0 => b[i] = byte,
                1 => b.insert(i, byte),
                _ => { b.remove(i); }
            }
        }
        check(NAMES[n], b);
    }
}
