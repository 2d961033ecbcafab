//! Diagnostics as data, and their renderers (after codespan-reporting and rustc).
//!
//! A [`Diagnostic`] is a problem found in a document ("lỗi trích dẫn"): a stable code, a
//! category, a severity, a one-line message, labelled byte spans of the ORIGINAL file (with
//! 1-based line and column, the column counting characters), notes, and at most one
//! suggested replacement. Renderers turn a file's diagnostics into rich text (like rustc),
//! short lines (`path:line:col: severity[CODE]: message`), JSON or SARIF 2.1.0.
//!
//! This module knows nothing of citations, rules or registries; it does no I/O (renderers
//! return strings) and never panics on spans that fall outside the text (they are clamped).

use crate::messages::{self, Lang};
use crate::normalize::LineIndex;
use serde::Serialize;
use std::fmt::Write as _;

/// How serious a finding is. Ordered: `Help < Note < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Help,
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Help => "help",
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The SARIF `level` of this severity.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note | Severity::Help => "note",
        }
    }

    /// Parse "error", "warning", "note", "help".
    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            "help" => Some(Severity::Help),
            _ => None,
        }
    }
}

/// What kind of problem: how a citation is written, whether it hangs together, whether
/// what it cites is still in force, or whether it could be identified at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Shape,
    Consistency,
    Time,
    Unknown,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Shape => "shape",
            Category::Consistency => "consistency",
            Category::Time => "time",
            Category::Unknown => "unknown",
        }
    }
}

/// A labelled span of the original file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Byte range `[start, end)` of the ORIGINAL file.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters) of `start`.
    pub line: usize,
    pub column: usize,
    /// 1-based line and column (in characters) just after the last character.
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    /// The primary label is where the problem is; secondary ones give context.
    pub primary: bool,
}

/// A replacement of one span that fixes the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub message: String,
    /// Whether `--fix` applies it alone (`safe`) or only with `--unsafe-fixes`.
    pub applicability: Applicability,
}

/// How sure a fix is, as ruff and rustc say it: `safe` is a purely typographic repair with
/// one reading (spacing, separators, look-alike letters, "só", "số01"); `unsafe` is
/// anything inferred (a completed symbol, a year or a date from the registry or from
/// elsewhere in the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One finding in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub suggestion: Option<Suggestion>,
}

impl Diagnostic {
    /// The primary label (the first one marked primary, else the first).
    pub fn primary(&self) -> Option<&Label> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
    }

    /// Where to sort it: by primary position, then code.
    pub fn sort_key(&self) -> (usize, usize, &'static str) {
        let p = self.primary();
        (p.map_or(0, |l| l.start), p.map_or(0, |l| l.end), self.code)
    }
}

/// Builds labels for one text: clamps spans to the text and char boundaries and computes
/// lines and columns.
pub struct Locator<'a> {
    text: &'a str,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            lines: LineIndex::new(text),
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// A span clamped into the text and onto char boundaries.
    pub fn clamp(&self, start: usize, end: usize) -> (usize, usize) {
        let mut s = start.min(self.text.len());
        while !self.text.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = end.clamp(s, self.text.len());
        while !self.text.is_char_boundary(e) {
            e += 1;
        }
        (s, e)
    }

    pub fn label(
        &self,
        start: usize,
        end: usize,
        message: impl Into<String>,
        primary: bool,
    ) -> Label {
        let (s, e) = self.clamp(start, end);
        let (line, column) = self.lines.line_col(self.text, s);
        let (end_line, end_column) = self.lines.line_col(self.text, e);
        Label {
            start: s,
            end: e,
            line,
            column,
            end_line,
            end_column,
            message: message.into(),
            primary,
        }
    }

    /// Byte range of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        self.lines.line_range(self.text, line)
    }
}

/// Options of the rich renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct RichOptions {
    /// ANSI colours.
    pub color: bool,
    /// The language of severities and of "note"/"help" (messages come translated).
    pub lang: Lang,
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn sev(&self, sev: Severity, s: &str) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;32",
            Severity::Help => "1;36",
        };
        self.wrap(code, s)
    }
    fn blue(&self, s: &str) -> String {
        self.wrap("1;34", s)
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
}

/// Display width of a piece of a source line: characters, combining marks counting zero,
/// tabs counting four (they are shown as four spaces).
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\t' => 4,
            '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}' => 0,
            _ => 1,
        })
        .sum()
}

/// A source line as shown: tabs as four spaces, no line break.
fn shown(s: &str) -> String {
    s.replace('\t', "    ")
        .trim_end_matches(['\r', '\n'])
        .to_string()
}

/// Render diagnostics like rustc: header, ` --> path:line:col`, the source lines with
/// carets under each label, notes and the suggested fix.
pub fn render_rich(path: &str, text: &str, diags: &[Diagnostic], opts: RichOptions) -> String {
    let p = Paint { on: opts.color };
    let loc = Locator::new(text);
    let mut out = String::new();
    for d in diags {
        let sev = messages::severity(opts.lang, d.severity);
        let _ = writeln!(
            out,
            "{}{}",
            p.sev(d.severity, &format!("{sev}[{}]", d.code)),
            p.bold(&format!(": {}", d.message))
        );
        let Some(primary) = d.primary() else {
            let _ = writeln!(out, "  {} {path}", p.blue("-->"));
            notes(&mut out, &p, d, 1, opts.lang);
            out.push('\n');
            continue;
        };
        // Lines to show: every line any label touches.
        let mut lines: Vec<usize> = Vec::new();
        for l in &d.labels {
            let last = if l.end_line > l.line && l.end_column == 1 {
                l.end_line - 1
            } else {
                l.end_line
            };
            for n in l.line..=last.max(l.line) {
                if !lines.contains(&n) {
                    lines.push(n);
                }
            }
        }
        lines.sort_unstable();
        let gutter = lines.last().map_or(1, |n| n.to_string().len());
        let pad = " ".repeat(gutter);
        let _ = writeln!(
            out,
            "{pad}{} {path}:{}:{}",
            p.blue("-->"),
            primary.line,
            primary.column
        );
        let _ = writeln!(out, "{pad} {}", p.blue("|"));
        let mut prev: Option<usize> = None;
        for &n in &lines {
            if let Some(pn) = prev {
                if n > pn + 1 {
                    let _ = writeln!(out, "{}", p.blue("..."));
                }
            }
            prev = Some(n);
            let (ls, le) = loc.line_range(n);
            let src = &text[ls..le];
            let _ = writeln!(
                out,
                "{} {} {}",
                p.blue(&format!("{n:>gutter$}")),
                p.blue("|"),
                shown(src)
            );
            // One caret line per label touching this line (primary first).
            let mut labels: Vec<&Label> = d
                .labels
                .iter()
                .filter(|l| l.start <= le && l.end >= ls && (l.start < le || l.start == ls))
                .filter(|l| !(l.end == ls && l.start < ls))
                .collect();
            labels.sort_by_key(|l| !l.primary);
            for l in labels {
                let a = l.start.max(ls);
                let b = l.end.min(le);
                let before = width(&text[ls..a]);
                let len = width(&text[a..b]).max(1);
                let mark = if l.primary { "^" } else { "-" };
                let is_last_line = l.end <= le;
                let msg = if is_last_line && !l.message.is_empty() {
                    format!(" {}", l.message)
                } else {
                    String::new()
                };
                let carets = format!("{}{msg}", mark.repeat(len));
                let carets = if l.primary {
                    p.sev(d.severity, &carets)
                } else {
                    p.blue(&carets)
                };
                let _ = writeln!(
                    out,
                    "{pad} {} {}{}",
                    p.blue("|"),
                    " ".repeat(before),
                    carets
                );
            }
        }
        let _ = writeln!(out, "{pad} {}", p.blue("|"));
        notes(&mut out, &p, d, gutter, opts.lang);
        out.push('\n');
    }
    out
}

fn notes(out: &mut String, p: &Paint, d: &Diagnostic, gutter: usize, lang: Lang) {
    let pad = " ".repeat(gutter);
    let note = messages::NOTE_WORD.get(lang);
    for n in &d.notes {
        let _ = writeln!(out, "{pad} {} {}: {n}", p.blue("="), p.bold(note));
    }
    if let Some(s) = &d.suggestion {
        let help = messages::severity(lang, Severity::Help);
        let _ = writeln!(out, "{}: {}", p.sev(Severity::Help, help), s.message);
    }
}

/// One line per diagnostic: `path:line:col: severity[CODE]: message`.
pub fn render_short(path: &str, diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diags {
        let (line, col) = d.primary().map_or((1, 1), |l| (l.line, l.column));
        let _ = writeln!(
            out,
            "{path}:{line}:{col}: {}[{}]: {}",
            messages::severity(lang, d.severity),
            d.code,
            d.message
        );
    }
    out
}

/// One file's diagnostics, as JSON.
#[derive(Debug, Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

/// `{"files": [{"path", "diagnostics": [...]}], "summary": {...}}`, pretty-printed.
pub fn render_json(files: &[FileReport]) -> String {
    let mut counts = std::collections::BTreeMap::new();
    for f in files {
        for d in f.diagnostics {
            *counts.entry(d.severity.as_str()).or_insert(0usize) += 1;
        }
    }
    let v = serde_json::json!({
        "version": 1,
        "files": files,
        "summary": counts,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// What SARIF needs to know about a rule.
#[derive(Debug, Clone)]
pub struct RuleDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
    pub severity: Severity,
    pub category: Category,
}

/// A SARIF 2.1.0 log: one run, the tool's rules with their explanations, one result per
/// diagnostic with its regions (columns in Unicode code points) and fixes.
pub fn render_sarif(tool_version: &str, rules: &[RuleDoc], files: &[FileReport]) -> String {
    use serde_json::{json, Value};
    let rule_index = |code: &str| rules.iter().position(|r| r.code == code);
    let region = |l: &Label| {
        json!({
            "startLine": l.line,
            "startColumn": l.column,
            "endLine": l.end_line,
            "endColumn": l.end_column,
            "byteOffset": l.start,
            "byteLength": l.end - l.start,
        })
    };
    let mut results: Vec<Value> = Vec::new();
    let mut artifacts: Vec<Value> = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        artifacts.push(json!({"location": {"uri": uri(f.path)}}));
        for d in f.diagnostics {
            let mut r = json!({
                "ruleId": d.code,
                "level": d.severity.sarif_level(),
                "message": {"text": d.message},
                "properties": {"category": d.category.as_str(), "severity": d.severity.as_str()},
            });
            if let Some(i) = rule_index(d.code) {
                r["ruleIndex"] = json!(i);
            }
            let locs: Vec<Value> = d
                .labels
                .iter()
                .filter(|l| l.primary)
                .map(|l| {
                    json!({
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(f.path), "index": fi},
                            "region": region(l),
                        },
                        "message": {"text": l.message},
                    })
                })
                .collect();
            r["locations"] = json!(locs);
            let related: Vec<Value> = d
                .labels
                .iter()
                .filter(|l| !l.primary)
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i,
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(f.path), "index": fi},
                            "region": region(l),
                        },
                        "message": {"text": l.message},
                    })
                })
                .collect();
            if !related.is_empty() {
                r["relatedLocations"] = json!(related);
            }
            if !d.notes.is_empty() {
                r["message"]["text"] = json!(format!("{}\n{}", d.message, d.notes.join("\n")));
            }
            if let Some(s) = &d.suggestion {
                // The deleted region's lines and columns come from the primary label when it
                // covers the same span, else from the byte range alone.
                let del = d
                    .labels
                    .iter()
                    .find(|l| l.start == s.start && l.end == s.end)
                    .map(region)
                    .unwrap_or_else(
                        || json!({"byteOffset": s.start, "byteLength": s.end - s.start}),
                    );
                r["fixes"] = json!([{
                    "description": {"text": s.message},
                    "properties": {"applicability": s.applicability.as_str()},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri(f.path), "index": fi},
                        "replacements": [{
                            "deletedRegion": del,
                            "insertedContent": {"text": s.replacement},
                        }],
                    }],
                }]);
            }
            results.push(r);
        }
    }
    let rules_json: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "help": {"text": r.explanation},
                "defaultConfiguration": {"level": r.severity.sarif_level()},
                "properties": {"category": r.category.as_str(), "severity": r.severity.as_str()},
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cancu",
                "version": tool_version,
                "informationUri": "https://github.com/cancu/cancu",
                "rules": rules_json,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// A relative path as a URI reference (forward slashes, spaces and '%' escaped).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(text: &str, needle: &str, fix: &str) -> Diagnostic {
        let loc = Locator::new(text);
        let s = text.find(needle).unwrap();
        let e = s + needle.len();
        Diagnostic {
            code: "C0101",
            category: Category::Shape,
            severity: Severity::Warning,
            message: "number written without its year".into(),
            labels: vec![loc.label(s, e, format!("write \"{fix}\""), true)],
            notes: vec![],
            suggestion: Some(Suggestion {
                start: s,
                end: e,
                replacement: fix.into(),
                message: format!("write \"{fix}\""),
                applicability: Applicability::Safe,
            }),
        }
    }

    /// The caret line under the source line of a rich rendering.
    fn caret_line(out: &str) -> String {
        out.lines()
            .find(|l| l.contains('^'))
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn carets_line_up_under_multibyte_characters() {
        // (text, needle): the carets must start under the needle's first character.
        let rows = [
            ("Căn cứ Nghị định số 168 NĐ-CP ngày", "168 NĐ-CP"),
            ("Đè án số 12/ĐA-UBND", "Đè án"),
            ("x\tNghị định số 168 NĐ-CP", "168 NĐ-CP"),
            // NFD: combining marks take no column.
            ("Ca\u{306}n cu\u{31b}\u{301} 168 NĐ-CP", "168 NĐ-CP"),
        ];
        for (text, needle) in rows {
            let d = diag(text, needle, "x");
            let out = render_rich("f.txt", text, &[d], RichOptions::default());
            let src = out.lines().find(|l| l.starts_with("1 |")).unwrap();
            let carets = caret_line(&out);
            let src_chars: Vec<char> = src
                .chars()
                .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
                .collect();
            let at = carets.find('^').unwrap();
            let n = carets.chars().filter(|&c| c == '^').count();
            let under: String = src_chars[at..at + n].iter().collect();
            assert_eq!(under, needle.replace('\u{306}', ""), "{out}");
        }
    }

    #[test]
    fn rich_and_short_layout() {
        let text = "Căn cứ\nNghị định số 168 NĐ-CP ngày 28/12/2018\n";
        let d = diag(text, "168 NĐ-CP", "168/2018/NĐ-CP");
        let rich = render_rich(
            "a.txt",
            text,
            std::slice::from_ref(&d),
            RichOptions {
                color: false,
                lang: Lang::En,
            },
        );
        let want = "warning[C0101]: number written without its year\n --> a.txt:2:14\n  |\n2 | Nghị định số 168 NĐ-CP ngày 28/12/2018\n  |              ^^^^^^^^^ write \"168/2018/NĐ-CP\"\n  |\nhelp: write \"168/2018/NĐ-CP\"\n\n";
        assert_eq!(rich, want);
        assert_eq!(
            render_short("a.txt", std::slice::from_ref(&d), Lang::En),
            "a.txt:2:14: warning[C0101]: number written without its year\n"
        );
        assert_eq!(
            render_short("a.txt", &[d], Lang::Vi),
            "a.txt:2:14: cảnh báo[C0101]: number written without its year\n"
        );
    }

    #[test]
    fn spans_outside_the_text_are_clamped() {
        let loc = Locator::new("ađb");
        let l = loc.label(2, 99, "", true);
        assert_eq!((l.start, l.end), (1, 4));
        let l = loc.label(99, 3, "", true);
        assert_eq!((l.start, l.end), (4, 4));
    }

    #[test]
    fn sarif_has_rules_regions_and_fixes() {
        let text = "Nghị định số 168 NĐ-CP";
        let d = diag(text, "168 NĐ-CP", "168/2018/NĐ-CP");
        let rules = [RuleDoc {
            code: "C0101",
            name: "missing-year",
            summary: "s",
            explanation: "e",
            severity: Severity::Warning,
            category: Category::Shape,
        }];
        let s = render_sarif(
            "0.1.0",
            &rules,
            &[FileReport {
                path: "a b.txt",
                diagnostics: &[d],
            }],
        );
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let run = &v["runs"][0];
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "C0101");
        let r = &run["results"][0];
        assert_eq!(r["ruleIndex"], 0);
        let reg = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (reg["startLine"].as_u64(), reg["startColumn"].as_u64()),
            (Some(1), Some(14))
        );
        assert_eq!(reg["endColumn"].as_u64(), Some(23));
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "a%20b.txt"
        );
        assert_eq!(
            r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "168/2018/NĐ-CP"
        );
    }
}
