//! Output plumbing shared by every command, so that each behaves the same way: the global
//! `--quiet`, `--color` and `-j/--threads` settings (set once per process, at the command
//! line's edge), the data formats of commands that had only `--json`, progress bars on
//! stderr (only on a terminal, never with `--quiet`), notes and summaries on stderr (none
//! with `--quiet`), and the exit-code rules: lookups exit 0 when something was found and 1
//! when nothing was; judges exit 1 on findings at or above `--deny`; every command exits 2 on
//! an error.

use crate::cli::Outcome;
use crate::diag::Severity;
use std::io::IsTerminal;
use std::sync::OnceLock;

/// When to colour what is printed (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless the environment sets NO_COLOR.
    #[default]
    Auto,
    Always,
    Never,
}

/// The data formats of the commands that print one document of data (`report`, `basis`,
/// `show`, `registry`, `index`, `serve`); `--json` stays as a hidden alias of `--format json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text.
    #[default]
    Text,
    /// One JSON document.
    Json,
}

/// The formats of commands that print a list (`search`, `cites`): one item per line with
/// `ndjson`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Readable text.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
}

/// `--format text|json` with the hidden `--json` alias; flattened into a command's arguments.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Same as --format json.
    #[arg(long, hide = true)]
    pub json: bool,
}

impl FormatArgs {
    /// The format asked for (`--json` wins, being the older spelling of `--format json`).
    pub fn get(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }
}

/// `--format text|json|ndjson` with the hidden `--json` alias.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct ListFormatArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// Same as --format json.
    #[arg(long, hide = true)]
    pub json: bool,
}

impl ListFormatArgs {
    pub fn get(&self) -> ListFormat {
        if self.json {
            ListFormat::Json
        } else {
            self.format
        }
    }
}

/// The global output settings of this process.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settings {
    pub quiet: bool,
    pub color: ColorChoice,
    /// `-j/--threads`: the cap on worker threads (None: the tool decides).
    pub threads: Option<usize>,
    /// `--lang`, else `LC_ALL`/`LANG`: the language of everything printed for people.
    pub lang: crate::messages::Lang,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

impl Settings {
    /// Set this process's settings once, before any command runs; later calls are ignored.
    pub fn set_for_process(self) {
        let _ = SETTINGS.set(self);
    }

    /// The settings set for this process, else the defaults.
    pub fn current() -> Settings {
        SETTINGS.get().copied().unwrap_or_default()
    }
}

/// `--quiet`: no progress bars, no notes or summaries on stderr.
pub fn quiet() -> bool {
    Settings::current().quiet
}

/// The language of text printed for people (`--lang`, else `LC_ALL`/`LANG`).
pub fn lang() -> crate::messages::Lang {
    Settings::current().lang
}

/// A failure of the tool as printed on stderr: "lỗi: …" ("error: …" under `--lang en`); a
/// file that could not be read is told in that language too.
pub fn error_text(e: &anyhow::Error) -> String {
    crate::messages::tr(lang(), &crate::messages::E_LINE, &[&chain_text(e)])
}

/// An error's chain as `{e:#}` writes it ("context: cause"), each error the catalogue knows
/// (a file, the index, the registry, the server) in the language of `--lang`.
pub fn chain_text(e: &anyhow::Error) -> String {
    let lang = lang();
    e.chain()
        .map(|c| crate::messages::tool_error(lang, c).unwrap_or_else(|| c.to_string()))
        .collect::<Vec<_>>()
        .join(": ")
}

/// Print a failure of the tool on stderr (always, even under `--quiet`).
pub fn error(e: &anyhow::Error) {
    eprintln!("{}", error_text(e));
}

/// Print a file that could not be read on stderr, in the language of `--lang`.
pub fn file_error(e: &crate::source::SourceError) {
    let lang = lang();
    let body = crate::messages::source_error(lang, e);
    eprintln!(
        "{}",
        crate::messages::tr(lang, &crate::messages::E_LINE, &[&body])
    );
}

/// A message in the language of `--lang`, with its holes filled.
pub fn tr(m: &crate::messages::Msg, args: &[&dyn std::fmt::Display]) -> String {
    crate::messages::tr(lang(), m, args)
}

/// `-j/--threads N`, when given.
pub fn threads() -> Option<usize> {
    Settings::current().threads
}

/// Is colour wanted on a stream that is (or is not) a terminal? `--color always|never`
/// decide; `auto` colours a terminal unless NO_COLOR is set to something non-empty.
pub fn color_for(choice: ColorChoice, is_terminal: bool, no_color: Option<&str>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(str::is_empty),
    }
}

/// Colour on stdout?
pub fn color_stdout() -> bool {
    let no_color = std::env::var("NO_COLOR").ok();
    color_for(
        Settings::current().color,
        std::io::stdout().is_terminal(),
        no_color.as_deref(),
    )
}

/// A note or summary on stderr ("note: ...", "N files indexed ..."), unless `--quiet`.
/// Errors and warnings are not notes: they are always printed.
pub fn note(msg: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("{msg}");
    }
}

/// A progress bar on stderr for `len` items of `what` ("files", "pages"), drawn only when
/// stderr is a terminal and `--quiet` is not given; hidden (every call a no-op) otherwise.
/// `len` 0: a spinner counting items of unknown number.
pub fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    if quiet() || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let (bar, template) = if len == 0 {
        (
            indicatif::ProgressBar::new_spinner(),
            format!("{{spinner}} {{pos}} {what}  {{elapsed}}  {{wide_msg}}"),
        )
    } else {
        (
            indicatif::ProgressBar::new(len),
            format!("{{bar:40}} {{pos}}/{{len}} {what}  {{elapsed}}  {{wide_msg}}"),
        )
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// The exit rule of lookups (`search`, `cites`, `basis`, `show`), as grep's: 2 when there
/// was an error, else 0 when something was found and 1 when nothing was.
pub fn lookup(found: bool, errors: usize) -> Outcome {
    if errors > 0 {
        Outcome::Errors
    } else if found {
        Outcome::Clean
    } else {
        Outcome::NotFound
    }
}

/// The exit rule of judges (`check`, `report`): 2 when there was an error, else 1 when a
/// finding is at or above `deny`, else 0.
pub fn judge(errors: usize, worst: Option<Severity>, deny: Severity) -> Outcome {
    if errors > 0 {
        Outcome::Errors
    } else if worst.is_some_and(|w| w >= deny) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// The severity `--deny LEVEL` names.
pub fn deny_severity(d: crate::cli::check::Deny) -> Severity {
    use crate::cli::check::Deny;
    match d {
        Deny::Error => Severity::Error,
        Deny::Warning => Severity::Warning,
        Deny::Note => Severity::Note,
    }
}

/// Is this error (or what caused it) a closed pipe? Then the command ends quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            // serde_json wraps the io error of a writer without naming it as the source.
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// Writes `{"KEY": [ITEM, …]}` one item at a time, byte for byte as serde_json's pretty
/// printer writes `json!({"KEY": items})` whole (item keys sorted, as a `json!` value holds
/// them), so a list of documents streams instead of waiting for the last one. Items are
/// rendered anywhere with [`pretty_item`]; `push` and `finish` write them in order.
pub struct PrettyList {
    key: &'static str,
    items: usize,
}

/// One item of a [`PrettyList`], rendered (on any thread) at its depth in the list.
pub fn pretty_item(item: &impl serde::Serialize) -> serde_json::Result<Vec<u8>> {
    pretty_value(serde_json::to_value(item)?)
}

/// [`pretty_item`] of a value already built (taken, so that the caller can drop what it was
/// built from first: memory holds the value or the bytes, not the document three times).
pub fn pretty_value(v: serde_json::Value) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    pretty_at(&mut out, &v, 4)?;
    Ok(out)
}

/// Append `v` pretty-printed as it reads `depth` spaces in (the first line indented too).
pub fn pretty_at(
    out: &mut Vec<u8>,
    v: &impl serde::Serialize,
    depth: usize,
) -> serde_json::Result<()> {
    let pad = vec![b' '; depth];
    out.extend_from_slice(&pad);
    serde_json::to_writer_pretty(Indent(out, &pad), v)
}

/// Indents every line after the first by a pad, as it is written. JSON strings never hold a
/// raw newline: every line break is the printer's own.
struct Indent<'a, 'b>(&'a mut Vec<u8>, &'b [u8]);

impl std::io::Write for Indent<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut parts = buf.split(|&b| b == b'\n');
        if let Some(first) = parts.next() {
            self.0.extend_from_slice(first);
        }
        for p in parts {
            self.0.push(b'\n');
            self.0.extend_from_slice(self.1);
            self.0.extend_from_slice(p);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl PrettyList {
    pub fn new(key: &'static str) -> PrettyList {
        PrettyList { key, items: 0 }
    }

    /// Write one item rendered by [`pretty_item`] (the opening of the list before the first).
    pub fn push(&mut self, w: &mut impl std::io::Write, item: &[u8]) -> std::io::Result<()> {
        if self.items == 0 {
            write!(w, "{{\n  \"{}\": [\n", self.key)?;
        } else {
            w.write_all(b",\n")?;
        }
        self.items += 1;
        w.write_all(item)
    }

    /// Close the list and the document (with a final newline).
    pub fn finish(self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        self.finish_with(w, &[])
    }

    /// Close the list, write the document's other keys after it (each must sort after the
    /// list's key, as serde_json orders them), then close the document. Writes what
    /// `json!({KEY: items, k: v, …})` pretty-printed would.
    pub fn finish_with(
        self,
        w: &mut impl std::io::Write,
        rest: &[(&str, serde_json::Value)],
    ) -> std::io::Result<()> {
        if self.items == 0 {
            write!(w, "{{\n  \"{}\": []", self.key)?;
        } else {
            write!(w, "\n  ]")?;
        }
        for (k, v) in rest {
            let mut out = Vec::new();
            pretty_at(&mut out, v, 2).map_err(std::io::Error::other)?;
            // `pretty_at` indents the first line too; the value follows its key.
            let k = serde_json::to_string(k).map_err(std::io::Error::other)?;
            write!(w, ",\n  {k}: ")?;
            w.write_all(&out[2..])?;
        }
        writeln!(w, "\n}}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_list_writes_what_the_whole_document_would() {
        let rows: [Vec<serde_json::Value>; 3] = [
            vec![],
            vec![serde_json::json!({"b": 1, "a": [], "c": {"x": "line\nbreak"}})],
            vec![
                serde_json::json!({"z": [1, 2], "y": {}}),
                serde_json::json!("text"),
                serde_json::json!([{"k": null}]),
            ],
        ];
        for items in rows {
            let mut want = serde_json::to_vec_pretty(&serde_json::json!({ "documents": items }))
                .unwrap_or_default();
            want.push(b'\n');
            let mut got = Vec::new();
            let mut list = PrettyList::new("documents");
            for i in &items {
                let r = pretty_item(i).unwrap_or_default();
                list.push(&mut got, &r).unwrap_or_default();
            }
            list.finish(&mut got).unwrap_or_default();
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "{items:?}"
            );
            // With keys after the list, as `check --format json` ends.
            let mut want = serde_json::to_vec_pretty(&serde_json::json!({
                "files": items,
                "summary": {"note": 2, "warning": 1},
                "version": 1,
                "z": {},
            }))
            .unwrap_or_default();
            want.push(b'\n');
            let mut got = Vec::new();
            let mut list = PrettyList::new("files");
            for i in &items {
                let r = pretty_item(i).unwrap_or_default();
                list.push(&mut got, &r).unwrap_or_default();
            }
            let rest = [
                ("summary", serde_json::json!({"note": 2, "warning": 1})),
                ("version", serde_json::json!(1)),
                ("z", serde_json::json!({})),
            ];
            list.finish_with(&mut got, &rest).unwrap_or_default();
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "{items:?}"
            );
        }
    }

    #[test]
    fn color_rules() {
        // (choice, terminal, NO_COLOR) → colour
        let rows = [
            (ColorChoice::Auto, true, None, true),
            (ColorChoice::Auto, false, None, false),
            (ColorChoice::Auto, true, Some("1"), false),
            (ColorChoice::Auto, true, Some(""), true),
            (ColorChoice::Always, false, Some("1"), true),
            (ColorChoice::Never, true, None, false),
        ];
        for (choice, tty, no_color, want) in rows {
            assert_eq!(
                color_for(choice, tty, no_color),
                want,
                "{choice:?} {tty} {no_color:?}"
            );
        }
    }

    #[test]
    fn exit_rules() {
        use Severity::*;
        // lookups: (found, errors) → code
        for (found, errors, code) in [(true, 0, 0), (false, 0, 1), (true, 1, 2), (false, 3, 2)] {
            assert_eq!(lookup(found, errors).code(), code, "{found} {errors}");
        }
        // judges: (errors, worst, deny) → code
        let rows = [
            (0, None, Warning, 0),
            (0, Some(Note), Warning, 0),
            (0, Some(Warning), Warning, 1),
            (0, Some(Error), Warning, 1),
            (0, Some(Warning), Error, 0),
            (0, Some(Note), Note, 1),
            (1, None, Warning, 2),
            (1, Some(Error), Error, 2),
        ];
        for (errors, worst, deny, code) in rows {
            assert_eq!(
                judge(errors, worst, deny).code(),
                code,
                "{errors} {worst:?} {deny:?}"
            );
        }
    }

    #[test]
    fn broken_pipe_is_found_under_context() {
        use anyhow::Context;
        let e: anyhow::Result<()> =
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe)).context("writing stdout");
        assert!(is_broken_pipe(&e.unwrap_err()));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
        // serde_json writing into a closed pipe.
        let mut closed = Closed;
        let e = serde_json::to_writer(&mut closed, &[1, 2]).unwrap_err();
        assert!(is_broken_pipe(&anyhow::Error::from(e)));
    }

    /// A writer whose reader has gone.
    struct Closed;

    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
