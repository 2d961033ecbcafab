//! Property: random edits written back into random files of each encoding leave every byte
//! outside the edited spans identical, and the result decodes to the edited text.

use cancu::source::writeback::{write_back, Edit};
use cancu::source::{encoding, from_bytes_as, Encoding, Format, Options};
use proptest::prelude::*;

/// Characters every encoding covered can hold (TCVN3 has no toned capitals).
const ALPHA: &str = "abcdđeêghiklmnoôơpqrstuưvxyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐNQTCP0123456789     /-.,;";

/// (encoding, NFD)
const ENCODINGS: [(Encoding, bool); 9] = [
    (Encoding::Utf8, false),
    (Encoding::Utf8, true),
    (Encoding::Utf16Le, false),
    (Encoding::Utf16Be, false),
    (Encoding::Windows1258, false),
    (Encoding::Tcvn3, false),
    (Encoding::Vni, false),
    (Encoding::Tcvn3InUtf8, false),
    (Encoding::VniInUtf8, false),
];

fn chars() -> Vec<char> {
    ALPHA.chars().collect()
}

fn piece(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(chars()), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn bytes_outside_the_edited_spans_are_identical(
        which in 0usize..ENCODINGS.len(),
        crlf in any::<bool>(),
        lines in proptest::collection::vec(piece(60), 1..12),
        edits in proptest::collection::vec((0.0f64..1.0, 0usize..8, piece(10)), 0..6),
    ) {
        let (enc, nfd) = ENCODINGS[which];
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        prop_assume!(!text.trim().is_empty());
        let mut original = match enc {
            Encoding::Utf16Le => vec![0xFF, 0xFE],
            Encoding::Utf16Be => vec![0xFE, 0xFF],
            _ => Vec::new(),
        };
        original.extend(encoding::encode(&text, enc, nfd).map_err(|c| TestCaseError::fail(format!("{c:?}")))?);
        let doc = from_bytes_as(
            "p.txt",
            original.clone(),
            Some(Format::Text),
            &Options { encoding: Some(enc), ..Options::default() },
        );
        let Ok(doc) = doc else { return Ok(()); };
        // Edits at char boundaries, sorted, not overlapping.
        let bounds: Vec<usize> = doc
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([doc.text.len()])
            .collect();
        let mut es: Vec<Edit> = edits
            .iter()
            .map(|(at, len, r)| {
                let i = ((at * bounds.len() as f64) as usize).min(bounds.len() - 1);
                let j = (i + len).min(bounds.len() - 1);
                Edit { start: bounds[i], end: bounds[j], replacement: r.clone() }
            })
            .collect();
        es.sort_by_key(|e| (e.start, e.end));
        let mut floor = 0;
        es.retain(|e| {
            let keep = e.start >= floor;
            if keep {
                floor = e.end.max(e.start + 1);
            }
            keep
        });
        let w = write_back(&original, &doc, &es, "").map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Walk the new bytes: the original's between the applied spans, the replacement's
        // spelling inside them.
        let map = doc.map.as_ref().ok_or_else(|| TestCaseError::fail("no map"))?;
        let nfd_file = encoding::writes_nfd(&original, enc);
        let (mut old, mut new) = (0usize, 0usize);
        let mut want = doc.text.clone();
        for &i in w.applied.iter().rev() {
            want.replace_range(es[i].start..es[i].end, &es[i].replacement);
        }
        for &i in &w.applied {
            let e = &es[i];
            let (os, oe) = (map.original(e.start), map.original(e.end));
            let same = &original[old..os];
            prop_assert_eq!(&w.bytes[new..new + same.len()], same);
            new += same.len();
            let spelled = encoding::encode(&e.replacement, enc, nfd_file).unwrap_or_default();
            prop_assert_eq!(&w.bytes[new..new + spelled.len()], &spelled[..]);
            new += spelled.len();
            old = oe;
        }
        prop_assert_eq!(&w.bytes[new..], &original[old..]);
        let back = encoding::decode(&w.bytes, Some(enc)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(back.text, want);
        // Every edit is applied or refused with a reason.
        prop_assert_eq!(w.applied.len() + w.refused.len(), es.len());
    }
}
