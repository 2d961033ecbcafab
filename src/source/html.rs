//! HTML to text (vbpl.vn, Pháp điển pages): a small, honest tag stripper, not an HTML5
//! parser. It drops comments and the contents of `head`, `script`, `style`, `noscript` and
//! `template`; turns block-level tags (`p`, `div`, `br`, `tr`, `li`, headings …) into line
//! breaks and table cells into tabs; decodes character references (numeric, and the HTML 4
//! named set that covers Vietnamese letters in Latin-1 plus common punctuation; unknown
//! names are kept as written). Every output character maps back to its input offset.
//! Malformed markup never fails: an unclosed tag or comment ends the text there. Linear time.
//!
//! Knows nothing of encodings (it reads decoded text) or citations.

use super::offsets::{Builder, Layer};

const SKIP: &[&str] = &["head", "script", "style", "noscript", "template"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "title",
    "body",
    "tbody",
    "thead",
];

/// Strip the markup of `html`; the layer maps output offsets to `html` offsets.
pub fn to_text(html: &str) -> (String, Layer) {
    let bytes = html.as_bytes();
    let lower_find = |from: usize, needle: &str| -> Option<usize> {
        let n = needle.as_bytes();
        bytes[from..]
            .windows(n.len())
            .position(|w| w.eq_ignore_ascii_case(n))
            .map(|p| from + p)
    };
    let mut b = Builder::with_capacity(html.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                if html[i..].starts_with("<!--") {
                    i = html[i + 4..]
                        .find("-->")
                        .map_or(bytes.len(), |p| i + 4 + p + 3);
                    continue;
                }
                let (inner, end) = match html[i..].find('>') {
                    Some(p) => (&html[i + 1..i + p], i + p + 1),
                    None => (&html[i + 1..], bytes.len()),
                };
                let closing = inner.starts_with('/');
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                if !closing && SKIP.contains(&name.as_str()) && !inner.ends_with('/') {
                    let close = format!("</{name}");
                    i = lower_find(end, &close)
                        .map(|p| html[p..].find('>').map_or(bytes.len(), |q| p + q + 1))
                        .unwrap_or(bytes.len());
                    continue;
                }
                if BLOCK.contains(&name.as_str()) {
                    b.push('\n', i);
                } else if name == "td" || name == "th" {
                    b.push(if closing { '\t' } else { ' ' }, i);
                }
                i = end;
            }
            b'&' => {
                let (c, len) = entity(&html[i..]);
                match c {
                    Some(c) => b.push(c, i),
                    None => b.push('&', i),
                }
                i += len;
            }
            _ => {
                let next = html[i..].find(['<', '&']).map_or(bytes.len(), |p| i + p);
                b.push_str(&html[i..next], i);
                i = next;
            }
        }
    }
    b.finish(html.len())
}

/// A character reference at the start of `s`: the character and the bytes it takes.
fn entity(s: &str) -> (Option<char>, usize) {
    let body: String = s[1..]
        .chars()
        .take(12)
        .take_while(|&c| c != ';' && (c.is_ascii_alphanumeric() || c == '#'))
        .collect();
    let has_semi = s[1 + body.len()..].starts_with(';');
    let len = 1 + body.len() + has_semi as usize;
    let c = if let Some(num) = body.strip_prefix('#') {
        let v = if let Some(h) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(h, 16).ok()
        } else {
            num.parse::<u32>().ok()
        };
        v.and_then(char::from_u32)
    } else {
        named(&body)
    };
    match c {
        Some(c) => (Some(c), len),
        None => (None, 1),
    }
}

fn named(name: &str) -> Option<char> {
    const LATIN: &[(&str, char)] = &[
        ("Agrave", 'À'),
        ("Aacute", 'Á'),
        ("Acirc", 'Â'),
        ("Atilde", 'Ã'),
        ("Egrave", 'È'),
        ("Eacute", 'É'),
        ("Ecirc", 'Ê'),
        ("Igrave", 'Ì'),
        ("Iacute", 'Í'),
        ("Ograve", 'Ò'),
        ("Oacute", 'Ó'),
        ("Ocirc", 'Ô'),
        ("Otilde", 'Õ'),
        ("Ugrave", 'Ù'),
        ("Uacute", 'Ú'),
        ("Yacute", 'Ý'),
        ("agrave", 'à'),
        ("aacute", 'á'),
        ("acirc", 'â'),
        ("atilde", 'ã'),
        ("egrave", 'è'),
        ("eacute", 'é'),
        ("ecirc", 'ê'),
        ("igrave", 'ì'),
        ("iacute", 'í'),
        ("ograve", 'ò'),
        ("oacute", 'ó'),
        ("ocirc", 'ô'),
        ("otilde", 'õ'),
        ("ugrave", 'ù'),
        ("uacute", 'ú'),
        ("yacute", 'ý'),
        ("ETH", 'Ð'),
        ("eth", 'ð'),
        ("Dstrok", 'Đ'),
        ("dstrok", 'đ'),
        ("nbsp", '\u{a0}'),
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("ndash", '–'),
        ("mdash", '—'),
        ("hellip", '…'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("laquo", '«'),
        ("raquo", '»'),
        ("bull", '•'),
        ("deg", '°'),
        ("sect", '§'),
        ("middot", '·'),
        ("times", '×'),
        ("shy", '\u{ad}'),
    ];
    LATIN.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::offsets::OffsetMap;

    fn check(rows: &[(&str, &str)]) {
        for (html, want) in rows {
            let (t, _) = to_text(html);
            let got = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(got, *want, "{html}");
        }
    }

    #[test]
    fn strips() {
        check(&[
            (
                "<html><head><title>x</title><script>var a='<p>';</script></head><body><p>Ngh&#7883; &#x111;&#7883;nh s&ocirc;&#769; 12</p></body></html>",
                "Nghị định sô\u{301} 12",
            ),
            ("a<!-- <p>b</p> -->c", "ac"),
            ("<div>Căn cứ</div><div>Luật</div>", "Căn cứ Luật"),
            ("<table><tr><td>Số</td><td>12/QĐ</td></tr></table>", "Số 12/QĐ"),
            ("x &unknown; &amp; y", "x &unknown; & y"),
            ("unclosed <p", "unclosed"),
            ("<script>never closed", ""),
            ("&", "&"),
            ("&#99999999;", "&#99999999;"),
        ]);
    }

    #[test]
    fn maps_back() {
        let html = "<p>Luật &amp; Nghị</p>";
        let (t, layer) = to_text(html);
        let mut m = OffsetMap::default();
        m.push(layer);
        let at = t.find("Nghị").unwrap_or(0);
        assert_eq!(m.original(at), html.find("Nghị").unwrap_or(0));
    }
}
