//! A document's text as HTML, with its citations marked (a link per citation, coloured by
//! standing) and an anchor at each outline section. Spans are byte offsets into the ORIGINAL
//! text: the renderer walks that text once, by byte ranges, and never re-parses what it
//! emits, so a citation is marked exactly where its span says even inside Markdown.
//!
//! Plain text (`.txt` and the rest) is shown as written (`pre`). Markdown (`.md`, often a
//! web page flattened to text) is drawn line by line: headings (`#`), tables (`| a | b |`
//! rows, the `|---|` rule hidden), list items, bold and italic (`**`, `*`), with the markup
//! itself hidden: lone `|`, `#` and `---` lines (left by flattened page tables and rules) and
//! the pipes at the ends of a line are not shown. Every piece of text is escaped.
//! This module must NOT read data or know HTTP.

use super::backend::{CitedView, DocumentView, Standing};
use super::pages::{instrument_url, section_anchor};
use super::text::{self, Lang};
use maud::{Markup, PreEscaped};

/// Is the document Markdown (by its name)?
pub fn is_markdown(id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// A heading or title without its Markdown markup ("**II. NHIỆM VỤ**" → "II. NHIỆM VỤ").
pub fn inline_plain(s: &str) -> String {
    let t: String = s.replace("**", "").replace("__", "");
    let t = t.trim().trim_start_matches('#').trim();
    let t = t.trim_matches(|c: char| c == '|' || c == '*' || c.is_whitespace());
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document's text, citations marked.
pub fn text(lang: Lang, d: &DocumentView) -> Markup {
    let mut e = Emitter::new(lang, d);
    if is_markdown(&d.summary.id) {
        e.out.push_str("<div class=\"text md\">");
        e.markdown();
        e.out.push_str("</div>");
    } else {
        e.out.push_str("<pre class=\"text\">");
        e.range(0, d.text.len(), &[]);
        e.flush_anchors(d.text.len() + 1);
        e.out.push_str("</pre>");
    }
    PreEscaped(e.out)
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Markup inside a line: hidden bytes, some of which switch bold or italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Hide,
    Bold,
    Italic,
}

struct Emitter<'a> {
    lang: Lang,
    d: &'a DocumentView,
    text: &'a str,
    out: String,
    /// Citations in span order (index into `d.citations`), valid spans only.
    cites: Vec<usize>,
    /// Section starts in order, with their paths.
    anchors: Vec<(usize, &'a str)>,
    next_anchor: usize,
    /// Citations whose first piece (with the id) was written.
    opened: Vec<bool>,
    bold: bool,
    italic: bool,
}

impl<'a> Emitter<'a> {
    fn new(lang: Lang, d: &'a DocumentView) -> Emitter<'a> {
        let text = d.text.as_str();
        let ok = |a: usize, b: usize| {
            a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
        };
        let mut cites: Vec<usize> = (0..d.citations.len())
            .filter(|&i| ok(d.citations[i].text_start, d.citations[i].text_end))
            .collect();
        cites.sort_by_key(|&i| (d.citations[i].text_start, d.citations[i].text_end));
        // Overlapping spans: the first keeps its bytes.
        let mut kept: Vec<usize> = Vec::new();
        for i in cites {
            if kept
                .last()
                .is_none_or(|&k| d.citations[k].text_end <= d.citations[i].text_start)
            {
                kept.push(i);
            }
        }
        let mut anchors: Vec<(usize, &str)> = d
            .sections
            .iter()
            .map(|s| (s.text_start, s.path.as_str()))
            .collect();
        anchors.sort_by_key(|a| a.0);
        Emitter {
            lang,
            d,
            text,
            out: String::with_capacity(text.len() * 2),
            cites: kept,
            anchors,
            next_anchor: 0,
            opened: vec![false; d.citations.len()],
            bold: false,
            italic: false,
        }
    }

    /// Anchors of the sections starting before `pos`.
    fn flush_anchors(&mut self, pos: usize) {
        while let Some(&(start, path)) = self.anchors.get(self.next_anchor) {
            if start >= pos {
                break;
            }
            self.out.push_str("<span class=\"anchor\" id=\"");
            escape(&section_anchor(path), &mut self.out);
            self.out.push_str("\"></span>");
            self.next_anchor += 1;
        }
    }

    /// The citation covering byte `pos`, if any.
    fn cite_at(&self, pos: usize) -> Option<usize> {
        let k = self
            .cites
            .partition_point(|&i| self.d.citations[i].text_start <= pos);
        let i = *self.cites.get(k.checked_sub(1)?)?;
        (pos < self.d.citations[i].text_end).then_some(i)
    }

    /// The next citation boundary after `pos` (a start or an end), or `limit`.
    fn next_boundary(&self, pos: usize, limit: usize) -> usize {
        let mut b = limit;
        if let Some(i) = self.cite_at(pos) {
            b = b.min(self.d.citations[i].text_end);
        }
        let k = self
            .cites
            .partition_point(|&i| self.d.citations[i].text_start <= pos);
        if let Some(&i) = self.cites.get(k) {
            b = b.min(self.d.citations[i].text_start);
        }
        if let Some(&(start, _)) = self.anchors.get(self.next_anchor) {
            if start > pos {
                b = b.min(start);
            }
        }
        b.max(pos + 1).min(limit)
    }

    /// Write bytes `a..b` of the text (no markup inside), marking citations.
    fn plain(&mut self, a: usize, b: usize) {
        let mut pos = a;
        while pos < b {
            self.flush_anchors(pos + 1);
            let mut end = self.next_boundary(pos, b);
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            let piece = &self.text[pos..end];
            let open_style = |out: &mut String, bold: bool, italic: bool| {
                if bold {
                    out.push_str("<b>");
                }
                if italic {
                    out.push_str("<i>");
                }
            };
            let close_style = |out: &mut String, bold: bool, italic: bool| {
                if italic {
                    out.push_str("</i>");
                }
                if bold {
                    out.push_str("</b>");
                }
            };
            match self.cite_at(pos) {
                Some(ci) => {
                    let c = &self.d.citations[ci];
                    let first = !self.opened[ci];
                    self.opened[ci] = true;
                    self.open_cite(c, first);
                    open_style(&mut self.out, self.bold, self.italic);
                    escape(piece, &mut self.out);
                    close_style(&mut self.out, self.bold, self.italic);
                    self.out.push_str("</a>");
                }
                None => {
                    open_style(&mut self.out, self.bold, self.italic);
                    escape(piece, &mut self.out);
                    close_style(&mut self.out, self.bold, self.italic);
                }
            }
            pos = end;
        }
    }

    fn open_cite(&mut self, c: &CitedView, first: bool) {
        let w = self.lang.words();
        let class = format!(
            "cite st-{}{}",
            c.standing.slug(),
            if c.malformed { " malformed" } else { "" }
        );
        let finding = self
            .d
            .findings
            .iter()
            .position(|f| f.citation == Some(c.index));
        let href = match (c.instrument.as_ref().or(c.observed.as_ref()), finding) {
            (Some(i), _) => instrument_url(&i.id),
            (None, Some(f)) => format!("#f{f}"),
            (None, None) => format!("#c{}", c.index),
        };
        let mut title = match &c.instrument {
            Some(i) => format!(
                "{} — {}",
                i.label,
                text::standing(self.lang, c.standing.slug())
            ),
            None if c.observed.is_some() => {
                let o = c.observed.as_ref().map(|o| o.label.as_str()).unwrap_or("");
                format!(
                    "{o} — {}; {}",
                    w.not_in_registry,
                    text::status(self.lang, crate::registry::Status::Unknown)
                )
            }
            None if !c.candidates.is_empty() => {
                format!("{} ({})", w.ambiguous, c.candidates.len())
            }
            None => w.unresolved_cite.to_string(),
        };
        if c.malformed {
            title.push_str("; ");
            title.push_str(text::standing(self.lang, Standing::Malformed.slug()));
        }
        self.out.push_str("<a class=\"");
        escape(&class, &mut self.out);
        self.out.push('"');
        if first {
            self.out.push_str(&format!(" id=\"c{}\"", c.index));
        }
        self.out.push_str(" href=\"");
        escape(&href, &mut self.out);
        self.out.push_str("\" title=\"");
        escape(&title, &mut self.out);
        self.out.push_str("\" data-standing=\"");
        self.out.push_str(c.standing.slug());
        self.out.push_str("\">");
    }

    /// Write `a..b` with the marks inside it hidden (and bold/italic switched at them).
    fn range(&mut self, a: usize, b: usize, marks: &[(usize, usize, Mark)]) {
        let mut pos = a;
        for &(ma, mb, m) in marks {
            if ma < pos || mb > b {
                continue;
            }
            self.plain(pos, ma);
            match m {
                Mark::Bold => self.bold = !self.bold,
                Mark::Italic => self.italic = !self.italic,
                Mark::Hide => {}
            }
            pos = mb;
        }
        self.plain(pos, b);
    }

    /// Markdown, line by line.
    fn markdown(&mut self) {
        let text = self.text;
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices('\n') {
            lines.push((start, i));
            start = i + 1;
        }
        if start < text.len() {
            lines.push((start, text.len()));
        }
        let mut blank = true;
        let mut k = 0;
        while k < lines.len() {
            let (ls, le) = lines[k];
            let line = &text[ls..le];
            let t = line.trim();
            if is_table_row(t) {
                // A table: this row and the rows after it.
                let mut rows = Vec::new();
                while k < lines.len() && is_table_row(text[lines[k].0..lines[k].1].trim()) {
                    rows.push(lines[k]);
                    k += 1;
                }
                self.table(&rows);
                blank = false;
                continue;
            }
            k += 1;
            if t.is_empty() {
                // One blank line for a run of them; styles end with the paragraph.
                if !blank {
                    self.out.push('\n');
                }
                blank = true;
                self.bold = false;
                self.italic = false;
                continue;
            }
            if is_chrome(t) {
                self.flush_anchors(le);
                continue;
            }
            let (level, body_start) = heading(line, ls);
            let marks = inline_marks(text, body_start, le);
            let visible = visible_len(body_start, le, &marks, text);
            if visible == 0 {
                // Only markup ("**" alone): switch styles, show nothing.
                self.range(body_start, le, &marks);
                continue;
            }
            if level > 0 {
                self.out.push_str(&format!("<span class=\"h h{level}\">"));
                self.range(body_start, le, &marks);
                self.out.push_str("</span>\n");
                self.bold = false;
                self.italic = false;
            } else {
                self.range(body_start, le, &marks);
                self.out.push('\n');
            }
            blank = false;
        }
        self.flush_anchors(text.len() + 1);
    }

    fn table(&mut self, rows: &[(usize, usize)]) {
        self.out
            .push_str("<div class=\"scroll\"><table class=\"md\">");
        // The first row is a header when the rule follows it.
        let mut header = rows
            .get(1)
            .is_some_and(|&(a, b)| table_rule(self.text[a..b].trim()));
        for &(ls, le) in rows {
            let t = self.text[ls..le].trim();
            if table_rule(t) {
                header = false;
                continue;
            }
            let cell = if header { "th" } else { "td" };
            self.out.push_str("<tr>");
            for (a, b) in cells(self.text, ls, le) {
                self.out.push_str(&format!("<{cell}>"));
                let marks = inline_marks(self.text, a, b);
                self.range(a, b, &marks);
                self.bold = false;
                self.italic = false;
                self.out.push_str(&format!("</{cell}>"));
            }
            self.out.push_str("</tr>");
        }
        self.out.push_str("</table></div>");
    }
}

/// A table row: "| a | b |", or as flattened web pages write them "a | b |", "| a | b",
/// "a | b" (the cells of a page's layout table, one row a line).
fn is_table_row(t: &str) -> bool {
    let pipes = t.matches('|').count();
    t.chars().any(|c| c != '|' && !c.is_whitespace())
        && (t.contains(" | ") || (pipes >= 2 && (t.starts_with('|') || t.ends_with('|'))))
}

/// "|---|:--:|": the rule under a table's header.
fn table_rule(t: &str) -> bool {
    is_table_row(t) && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Lines that are markup only: lone pipes ("|", "| |"), a lone "#", rules ("---", "***").
fn is_chrome(t: &str) -> bool {
    t.chars().all(|c| c == '|' || c.is_whitespace())
        || t.chars().all(|c| c == '#')
        || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '_' | ' ')))
}

/// The heading level of a line ("## Văn bản" → 2) and where its text starts.
fn heading(line: &str, ls: usize) -> (usize, usize) {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
        (hashes, ls + lead + hashes + 1)
    } else {
        (0, ls)
    }
}

/// The cells of a table row line: byte ranges between its pipes, trimmed.
fn cells(text: &str, ls: usize, le: usize) -> Vec<(usize, usize)> {
    let line = &text[ls..le];
    let lead = line.len() - line.trim_start().len();
    let inner_start = ls + lead + usize::from(line.trim_start().starts_with('|'));
    let inner_end = ls + line.trim_end().len() - usize::from(line.trim_end().ends_with('|'));
    let mut out = Vec::new();
    let mut a = inner_start;
    for (i, _) in text[inner_start..inner_end].match_indices('|') {
        out.push(trim(text, a, inner_start + i));
        a = inner_start + i + 1;
    }
    out.push(trim(text, a, inner_end));
    out
}

fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    (a + lead, (b - tail).max(a + lead))
}

/// The markup inside `a..b` of a line: `**`/`__` (bold), a `*` at a word's edge (italic),
/// a list marker, a quote marker, and the pipes at the line's ends.
fn inline_marks(text: &str, a: usize, b: usize) -> Vec<(usize, usize, Mark)> {
    let line = &text[a..b];
    let bytes = line.as_bytes();
    let mut marks = Vec::new();
    let lead = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    let mut i = lead;
    // Pipes and quote markers at the start, list markers ("- ", "* ", "+ ").
    while i < end && (bytes[i] == b'|' || bytes[i] == b'>') {
        let mut j = i + 1;
        while j < end && bytes[j] == b' ' {
            j += 1;
        }
        marks.push((a + i, a + j, Mark::Hide));
        i = j;
    }
    if i + 1 < end && matches!(bytes[i], b'-' | b'*' | b'+') && bytes[i + 1] == b' ' {
        marks.push((a + i, a + i + 1, Mark::Hide));
        i += 1;
    }
    let mut tail = end;
    while tail > i && bytes[tail - 1] == b'|' {
        tail -= 1;
    }
    let space = |k: usize| k >= bytes.len() || bytes[k].is_ascii_whitespace();
    while i < tail {
        let c = bytes[i];
        // A run of three or more ("______", "-------", "***"): a rule, hidden.
        let run = bytes[i..tail].iter().take_while(|&&b| b == c).count();
        if matches!(c, b'_' | b'-' | b'*' | b'=') && run >= 3 {
            marks.push((a + i, a + i + run, Mark::Hide));
            i += run;
            continue;
        }
        if (c == b'*' || c == b'_') && i + 1 < tail && bytes[i + 1] == c {
            marks.push((a + i, a + i + 2, Mark::Bold));
            i += 2;
            continue;
        }
        if c == b'*' {
            let before = i == 0 || space(i - 1);
            let after = space(i + 1) || i + 1 >= tail;
            // At a word's edge only ("*V/v*", not "5 * 3").
            if before != after {
                marks.push((a + i, a + i + 1, Mark::Italic));
            }
        }
        if c == b'\\' && i + 1 < tail && bytes[i + 1].is_ascii_punctuation() {
            marks.push((a + i, a + i + 1, Mark::Hide));
            i += 2;
            continue;
        }
        i += 1;
    }
    if tail < end {
        marks.push((a + tail, a + end, Mark::Hide));
    }
    marks
}

/// How many non-blank bytes of `a..b` are shown once the marks are hidden.
fn visible_len(a: usize, b: usize, marks: &[(usize, usize, Mark)], text: &str) -> usize {
    let mut n = 0;
    let mut pos = a;
    for &(ma, mb, _) in marks {
        if ma >= pos {
            n += text[pos..ma].trim().len();
            pos = mb;
        }
    }
    n + text[pos.min(b)..b].trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Header, Kind};
    use crate::serve::backend::{DocumentSummary, FileState, SectionView};

    fn doc(id: &str, text: &str, cites: &[(&str, Standing)]) -> DocumentView {
        let citations = cites
            .iter()
            .enumerate()
            .map(|(k, (needle, st))| {
                let start = text.find(needle).expect("needle in text");
                CitedView {
                    index: k,
                    text: needle.to_string(),
                    kind: Kind::Law,
                    canonical: None,
                    start,
                    end: start + needle.len(),
                    text_start: start,
                    text_end: start + needle.len(),
                    line: 1,
                    column: 1,
                    section: None,
                    standing: *st,
                    malformed: false,
                    instrument: None,
                    candidates: Vec::new(),
                    observed: None,
                }
            })
            .collect();
        DocumentView {
            summary: DocumentSummary {
                id: id.into(),
                title: "t".into(),
                file: FileState::Fresh,
                header: Header::default(),
                citations: 0,
                outdated: 0,
                malformed: 0,
                unresolved: 0,
            },
            text: text.into(),
            citations,
            findings: Vec::new(),
            sections: vec![SectionView {
                path: "I".into(),
                heading: "I. A".into(),
                start: 0,
                text_start: 0,
                depth: 1,
                instruments: Vec::new(),
                unresolved: 0,
            }],
        }
    }

    /// The text a reader sees: tags removed, entities undone.
    fn shown(html: &str) -> String {
        let mut out = String::new();
        let mut tag = false;
        for c in html.chars() {
            match c {
                '<' => tag = true,
                '>' => tag = false,
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
    }

    #[test]
    fn markdown_render_table() {
        // (text, citation, must be shown, must not be shown)
        let rows: [(&str, &str, &[&str], &[&str]); 8] = [
            (
                "**Căn cứ Luật Dân quân tự vệ 2019;**\n",
                "Luật Dân quân tự vệ 2019",
                &["Căn cứ Luật Dân quân tự vệ 2019;"],
                &["**"],
            ),
            (
                "|\n|\n**\nTHƯ VIỆN PHÁP LUẬT**\n| |\n#\nSố: 5/CT\n",
                "5/CT",
                &["THƯ VIỆN PHÁP LUẬT", "Số: 5/CT"],
                &["|", "**", "#"],
            ),
            (
                "| Tên | Số |\n|---|---|\n| Nghị định | 168/2018/NĐ-CP |\n",
                "168/2018/NĐ-CP",
                &["Nghị định", "168/2018/NĐ-CP", "Tên"],
                &["|", "---"],
            ),
            (
                "## Văn bản liên quan\n- Luật 48/2019/QH14\n",
                "48/2019/QH14",
                &["Văn bản liên quan", "Luật 48/2019/QH14"],
                &["##", "- "],
            ),
            (
                "*V/v hướng dẫn <script>*\n",
                "hướng dẫn",
                &["V/v hướng dẫn <script>"],
                &["*"],
            ),
            // Rows without the leading pipe (flattened web pages).
            (
                "QUỐC HỘI | CỘNG HÒA XÃ HỘI |\nSố: 25/2025/NĐ-CP | Hà Nội |\n",
                "25/2025/NĐ-CP",
                &["QUỐC HỘI", "Số: 25/2025/NĐ-CP", "Hà Nội"],
                &["|"],
            ),
            // Flattened layout rows, rules written with underscores.
            (
                "CHÍNH PHỦ__________ Số: 17/2025/NĐ-CP | CỘNG HÒA______\n| Sinh | Thanh Hóa | 1931\n",
                "17/2025/NĐ-CP",
                &["CHÍNH PHỦ", "Số: 17/2025/NĐ-CP", "CỘNG HÒA", "Thanh Hóa", "1931"],
                &["|", "__"],
            ),
            // A citation across a bold boundary is still one marked citation.
            (
                "Căn cứ **Luật** Dân quân\n",
                "Luật** Dân",
                &["Căn cứ Luật Dân quân"],
                &["**"],
            ),
        ];
        for (text, cite, has, lacks) in rows {
            let d = doc("x.md", text, &[(cite, Standing::InForce)]);
            let html = super::text(Lang::Vi, &d).into_string();
            let seen = shown(&html);
            for h in has {
                assert!(seen.contains(h), "{text:?}: {seen:?} lacks {h:?}");
            }
            for l in lacks {
                assert!(!seen.contains(l), "{text:?}: {seen:?} has {l:?}");
            }
            assert!(
                html.contains("id=\"c0\""),
                "{text:?}: citation not marked: {html}"
            );
            assert_eq!(html.matches("id=\"c0\"").count(), 1, "{html}");
            assert!(html.contains("id=\"s-I\""), "{html}");
            assert!(!html.contains("<script>"), "{html}");
        }
    }

    #[test]
    fn plain_text_is_shown_as_written() {
        let text = "I. A\n**not markdown** | kept\n1. Luật DQTV\n";
        let d = doc("plan.txt", text, &[("Luật DQTV", Standing::Outdated)]);
        let html = super::text(Lang::Vi, &d).into_string();
        assert_eq!(shown(&html), text);
        assert!(html.contains("class=\"cite st-outdated\""));
    }

    #[test]
    fn inline_plain_table() {
        for (raw, plain) in [
            ("**II. NHIỆM VỤ**", "II. NHIỆM VỤ"),
            ("## Văn bản  liên quan", "Văn bản liên quan"),
            ("| |", ""),
            ("1. Tổ chức", "1. Tổ chức"),
        ] {
            assert_eq!(inline_plain(raw), plain, "{raw:?}");
        }
    }
}
