//! JSON documents with a text field: the gazette texts' `full_text`, else `text` or
//! `content`, at the top level or one object down (`{"document": {"text": …}}`). Offsets
//! are into that field's decoded string, not the JSON bytes (escapes change them).
//!
//! Knows nothing of encodings (it reads decoded text) or citations.

use super::SourceError;

const FIELDS: &[&str] = &["full_text", "text", "content"];

/// The text field of the JSON document `s`.
pub fn text(path: &str, s: &str) -> Result<String, SourceError> {
    let mut v: serde_json::Value = serde_json::from_str(s).map_err(|e| SourceError::Corrupt {
        path: path.into(),
        format: "JSON",
        why: super::Broken::Json {
            line: e.line(),
            column: e.column(),
        },
    })?;
    // The text taken out of the parsed value (it is dropped after), not copied.
    let take = |v: &mut serde_json::Value| {
        let f = FIELDS
            .iter()
            .find(|f| v.get(**f).is_some_and(serde_json::Value::is_string))?;
        match v.get_mut(*f).map(serde_json::Value::take) {
            Some(serde_json::Value::String(t)) => Some(t),
            _ => None,
        }
    };
    if let Some(t) = take(&mut v) {
        return Ok(t);
    }
    v.as_object_mut()
        .and_then(|o| o.values_mut().filter(|x| x.is_object()).find_map(take))
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
            (r#"{"text":5,"content":"b"}"#, Some("b")),
            (r#"{"a":{"x":1},"b":{"content":"c"}}"#, Some("c")),
            (r#"{"full_text":{"text":"deep"}}"#, Some("deep")),
            (r#"["text"]"#, None),
        ] {
            assert_eq!(text("x.json", json).ok().as_deref(), want, "{json}");
        }
    }
}
