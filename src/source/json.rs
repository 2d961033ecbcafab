//! JSON documents with a text field: the gazette texts' `full_text`, else `text` or
//! `content`, at the top level or one object down (`{"document": {"text": …}}`). Offsets
//! are into that field's decoded string, not the JSON bytes (escapes change them).
//!
//! Knows nothing of encodings (it reads decoded text) or citations.

use super::SourceError;

const FIELDS: &[&str] = &["full_text", "text", "content"];

/// The text field of the JSON document `s`.
pub fn text(path: &str, s: &str) -> Result<String, SourceError> {
    let v: serde_json::Value = serde_json::from_str(s).map_err(|e| SourceError::Corrupt {
        path: path.into(),
        format: "JSON",
        why: super::Broken::Json {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let find = |v: &serde_json::Value| {
        FIELDS
            .iter()
            .find_map(|f| v.get(f).and_then(|x| x.as_str()).map(str::to_string))
    };
    find(&v)
        .or_else(|| {
            v.as_object()
                .and_then(|o| o.values().filter(|x| x.is_object()).find_map(find))
        })
        .ok_or_else(|| SourceError::NoTextField { path: path.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        for (json, want) in [
            (
                r#"{"so_hieu":"1","full_text":"Luật số 58"}"#,
                Some("Luật số 58"),
            ),
            (r#"{"text":"a","content":"b"}"#, Some("a")),
            (r#"{"content":"b"}"#, Some("b")),
            (r#"{"doc":{"text":"inner"}}"#, Some("inner")),
            (r#"{"title":"no text"}"#, None),
            (r#"[1,2"#, None),
        ] {
            assert_eq!(text("x.json", json).ok().as_deref(), want, "{json}");
        }
    }
}
