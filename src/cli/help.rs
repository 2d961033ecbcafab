//! The command line in the user's language, from the one catalogue: `cancu --help`, each
//! command's help, and clap's parse errors, in Vietnamese by default and in English with
//! `--lang en` (or `LC_ALL`/`LANG` saying English, as for every other text).
//!
//! The clap definitions (`src/cli/<command>.rs`) keep their English doc comments, the
//! English help. [`command`] walks the clap tree at run time and, in Vietnamese, puts in
//! each command's `about` and each argument's help from [`crate::messages::help`] (keyed by
//! command path and argument id), with default and possible values written in Vietnamese
//! too; [`parse_args`] finds the language before clap parses ([`lang_before_parse`]: the
//! first `--lang` before `--`, else the environment), renders help with clap's own
//! headings in that language and tells parse errors from the catalogue by their
//! [`ErrorKind`], keeping the offending argument and clap's exit code (2; 0 for `--help`
//! and `--version`). `completions` and `man` are generated from the same translated tree:
//! they follow `--lang` (the man page's section names stay clap_mangen's NAME, SYNOPSIS …).

use crate::messages::{self as m, help::lookup, Lang};
use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// A value a flag's parser refuses, typed so that clap's error is told in the user's
/// language ([`error_text`]); its `Display` is the English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// `--encoding`: not an encoding's name.
    Encoding(String),
    /// `-j`: not a number from 1 to 65535.
    Threads(String),
}

impl BadValue {
    fn text(&self, lang: Lang) -> String {
        match self {
            BadValue::Encoding(s) => {
                let names: Vec<&str> = crate::source::Encoding::ALL
                    .iter()
                    .map(|e| e.name())
                    .collect();
                m::tr(
                    lang,
                    &m::CL_BAD_ENCODING,
                    &[&format!("{s:?}"), &names.join(", ")],
                )
            }
            BadValue::Threads(s) => m::tr(lang, &m::CL_BAD_THREADS, &[&u16::MAX, s]),
        }
    }
}

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for BadValue {}

/// `-j N`: a number of threads from 1 to 65535.
pub fn parse_threads(s: &str) -> Result<u16, BadValue> {
    s.parse::<u16>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| BadValue::Threads(s.to_string()))
}

/// The value of `--NAME VALUE` or `--NAME=VALUE` in `args` (the program's name first), the
/// first one before `--`; None when absent or without a value.
fn flag_value(args: &[OsString], name: &str) -> Option<String> {
    let eq = format!("{name}=");
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            return None;
        }
        if a == name {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = a.strip_prefix(&eq) {
            return Some(v.to_string());
        }
    }
    None
}

/// The language to print in, known before clap parses: `--lang` (first one, before `--`),
/// else `LC_ALL`/`LANG` (`check_config::lang`). A `--lang` clap will refuse (`--lang fr`)
/// falls back to the environment: the refusal is then told in that language.
pub fn lang_before_parse(args: &[OsString]) -> Lang {
    let flag = flag_value(args, "--lang");
    crate::cli::check_config::lang(flag.as_deref())
        .or_else(|_| crate::cli::check_config::lang(None))
        .unwrap_or_default()
}

/// The command line's clap tree with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = crate::cli::Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Vi => translate(cmd, ""),
    }
}

/// A command of the tree at `path` ("" for the tool, "registry import" …) with its about,
/// its arguments' help and its subcommands in Vietnamese.
fn translate(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = lookup(path, "") {
        cmd = cmd.about(about);
    }
    cmd = cmd
        .long_about(lookup(path, "!long"))
        .subcommand_help_heading(m::CL_COMMANDS.vi)
        .subcommand_value_name(m::CL_COMMAND_PLACEHOLDER.vi);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| translate_arg(a, path));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| translate(s, &sub_path));
    }
    cmd
}

/// An argument's help in Vietnamese, its default and possible values (with their help)
/// written after it in Vietnamese instead of clap's "[default: …]" and "Possible values".
fn translate_arg(a: Arg, path: &str) -> Arg {
    let id = a.get_id().to_string();
    let Some(vi) = lookup(path, &id) else {
        return a;
    };
    let mut help = vi.replace("{0}", &crate::cli::places::extensions());
    if a.get_action().takes_values() && !a.is_hide_default_value_set() {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help.push(' ');
            help.push_str(&m::tr(Lang::Vi, &m::CL_DEFAULT, &[&defaults.join(" ")]));
        }
    }
    let values: Vec<PossibleValue> = if a.get_action().takes_values() {
        a.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    } else {
        Vec::new()
    };
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        if values.iter().any(|v| v.get_help().is_some()) {
            for v in &values {
                let name = v.get_name();
                match lookup(path, &format!("{id}={name}")) {
                    Some(t) => help.push_str(&format!("\n- {name}: {t}")),
                    None => help.push_str(&format!("\n- {name}")),
                }
            }
        } else {
            let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
            help.push(' ');
            help.push_str(&m::tr(Lang::Vi, &m::CL_VALUES, &[&names.join(", ")]));
        }
    }
    let takes_values = a.get_action().takes_values();
    let a = a.help(help).long_help(None::<&str>);
    if takes_values {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    }
}

/// clap's own words in its help (headings, the help and version flags, the usage's
/// placeholders) in `lang`; the rest of the help is already in `lang`.
fn clap_words(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let v = |msg: &m::Msg| msg.vi;
    let en = |msg: &m::Msg| msg.en;
    let mut out = text.to_string();
    // The longer texts first: "Print help" is the start of two of them.
    for msg in [
        m::CL_HELP_LONG,
        m::CL_HELP_SHORT,
        m::CL_HELP_SUBCOMMAND,
        m::CL_HELP,
        m::CL_VERSION,
        m::CL_USAGE,
        m::CL_ARGUMENTS,
        m::CL_OPTIONS,
        m::CL_OPTIONS_PLACEHOLDER,
    ] {
        out = out.replace(en(&msg), v(&msg));
    }
    out
}

/// Why parsing stopped: help or version asked for (exit 0, stdout), or an error (exit 2,
/// stderr), with the text to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub text: String,
    pub code: i32,
    pub to_stdout: bool,
}

impl Stop {
    /// Print the text where it belongs.
    pub fn print(&self) {
        use std::io::Write;
        if self.to_stdout {
            let _ = std::io::stdout().lock().write_all(self.text.as_bytes());
        } else {
            let _ = std::io::stderr().lock().write_all(self.text.as_bytes());
        }
    }
}

/// Parse `args` (the program's name first) with the help and errors in the user's language.
pub fn parse_args(args: Vec<OsString>) -> Result<crate::cli::Cli, Stop> {
    let lang = lang_before_parse(&args);
    let color = colour_help(&args);
    let stop = |e: clap::Error| to_stop(lang, color, &e);
    let mut matches = command(lang).try_get_matches_from(args).map_err(stop)?;
    crate::cli::Cli::from_arg_matches_mut(&mut matches).map_err(stop)
}

/// Whether the help goes to a terminal in colour: `--color` (seen before parsing), else
/// a terminal without NO_COLOR.
fn colour_help(args: &[OsString]) -> bool {
    use clap::ValueEnum;
    use std::io::IsTerminal;
    let choice = flag_value(args, "--color")
        .and_then(|v| crate::cli::output::ColorChoice::from_str(&v, true).ok())
        .unwrap_or_default();
    crate::cli::output::color_for(
        choice,
        std::io::stdout().is_terminal(),
        std::env::var("NO_COLOR").ok().as_deref(),
    )
}

fn to_stop(lang: Lang, color: bool, e: &clap::Error) -> Stop {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let styled = e.render();
            let mut text = if color {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            if !text.ends_with('\n') {
                text.push('\n');
            }
            Stop {
                text: clap_words(lang, &text),
                code: e.exit_code(),
                to_stdout: !e.use_stderr(),
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Stop {
            text: clap_words(lang, &format!("{}\n", e.render().to_string().trim_end())),
            code: e.exit_code(),
            to_stdout: !e.use_stderr(),
        },
        _ => Stop {
            text: error_text(lang, e),
            code: e.exit_code(),
            to_stdout: false,
        },
    }
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(quoted(v)),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<isize> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// "'a', 'b'".
fn quoted(v: &[String]) -> String {
    v.iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A parse error in `lang`, from the catalogue by its kind: the message with the argument
/// and value at fault, the values or subcommands there are, a tip, the usage and where to
/// read more, laid out as clap lays them out. A kind the catalogue does not word is told
/// in clap's words.
pub fn error_text(lang: Lang, e: &clap::Error) -> String {
    use ContextKind as C;
    let tr = |msg: &m::Msg, args: &[&dyn std::fmt::Display]| m::tr(lang, msg, args);
    let arg = string(e, C::InvalidArg);
    let value = string(e, C::InvalidValue);
    let mut body = match (e.kind(), arg, value) {
        (ErrorKind::UnknownArgument, Some(a), _) => Some(tr(&m::CL_UNKNOWN_ARGUMENT, &[&a])),
        (ErrorKind::InvalidValue, Some(a), Some(v)) if v.is_empty() => {
            Some(tr(&m::CL_MISSING_VALUE, &[&a]))
        }
        (ErrorKind::InvalidValue, Some(a), Some(v)) => Some(tr(&m::CL_INVALID_VALUE, &[&v, &a])),
        (ErrorKind::ValueValidation, Some(a), Some(v)) => {
            Some(match std::error::Error::source(e) {
                Some(why) => {
                    let why = match why.downcast_ref::<BadValue>() {
                        Some(bad) => bad.text(lang),
                        None => why.to_string(),
                    };
                    tr(&m::CL_INVALID_VALUE_WHY, &[&v, &a, &why])
                }
                None => tr(&m::CL_INVALID_VALUE, &[&v, &a]),
            })
        }
        (ErrorKind::TooManyValues, Some(a), Some(v)) => Some(tr(&m::CL_TOO_MANY_VALUES, &[&v, &a])),
        (ErrorKind::TooFewValues, Some(a), _) => {
            match (number(e, C::MinValues), number(e, C::ActualNumValues)) {
                (Some(min), Some(got)) => Some(tr(&m::CL_TOO_FEW_VALUES, &[&min, &a, &got])),
                _ => None,
            }
        }
        (ErrorKind::WrongNumberOfValues, Some(a), _) => {
            match (
                number(e, C::ExpectedNumValues),
                number(e, C::ActualNumValues),
            ) {
                (Some(want), Some(got)) => Some(tr(&m::CL_WRONG_NUMBER, &[&want, &a, &got])),
                _ => None,
            }
        }
        (ErrorKind::NoEquals, Some(a), _) => Some(tr(&m::CL_NO_EQUALS, &[&a])),
        (ErrorKind::ArgumentConflict, Some(a), _) => {
            let prior = strings(e, C::PriorArg);
            Some(if prior.first() == Some(&a) {
                tr(&m::CL_USED_TWICE, &[&a])
            } else if prior.is_empty() {
                tr(&m::CL_CONFLICT, &[&a, &m::CL_CONFLICT_OTHERS.get(lang)])
            } else {
                tr(&m::CL_CONFLICT, &[&a, &quoted(&prior)])
            })
        }
        (ErrorKind::InvalidSubcommand, _, _) => {
            string(e, C::InvalidSubcommand).map(|s| tr(&m::CL_UNKNOWN_SUBCOMMAND, &[&s]))
        }
        (ErrorKind::MissingSubcommand, _, _) => {
            string(e, C::InvalidSubcommand).map(|s| tr(&m::CL_MISSING_SUBCOMMAND, &[&s]))
        }
        (ErrorKind::MissingRequiredArgument, _, _) => {
            let missing = strings(e, C::InvalidArg);
            (!missing.is_empty()).then(|| {
                let mut t = m::s(lang, &m::CL_MISSING_REQUIRED);
                for a in missing {
                    t.push_str(&format!("\n  {a}"));
                }
                t
            })
        }
        (ErrorKind::InvalidUtf8, _, _) => Some(m::s(lang, &m::CL_INVALID_UTF8)),
        _ => None,
    }
    .unwrap_or_else(|| clap_message(e));
    let valid = strings(e, C::ValidValue);
    if !valid.is_empty() {
        body.push_str("\n  ");
        body.push_str(&tr(&m::CL_POSSIBLE_VALUES, &[&valid.join(", ")]));
    }
    let subs = strings(e, C::ValidSubcommand);
    if !subs.is_empty() {
        body.push_str("\n  ");
        body.push_str(&tr(&m::CL_SUBCOMMANDS, &[&subs.join(", ")]));
    }
    let mut tips = Vec::new();
    for (kind, msg) in [
        (C::SuggestedSubcommand, &m::CL_SIMILAR_SUBCOMMAND),
        (C::SuggestedArg, &m::CL_SIMILAR_ARGUMENT),
        (C::SuggestedValue, &m::CL_SIMILAR_VALUE),
    ] {
        let s = strings(e, kind);
        if !s.is_empty() {
            tips.push(tr(msg, &[&quoted(&s)]));
        }
    }
    if let Some(ContextValue::StyledStrs(v)) = e.get(C::Suggested) {
        for s in v {
            let s = s.to_string();
            // clap's one tip for an argument that looks like a flag: "to pass '-x' as a
            // value, use '-- -x'".
            let as_value = s
                .strip_prefix("to pass '")
                .and_then(|r| r.split_once("' as a value"))
                .map(|(a, _)| a.to_string());
            tips.push(match as_value {
                Some(a) => tr(&m::CL_AS_VALUE, &[&a]),
                None => tr(&m::CL_TIP, &[&s]),
            });
        }
    }
    let mut out = tr(&m::E_LINE, &[&body]);
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out.push_str("\n  ");
            out.push_str(&t);
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(C::Usage) {
        out.push_str("\n\n");
        out.push_str(&clap_words(lang, &usage.to_string()));
    }
    out.push_str("\n\n");
    out.push_str(&tr(&m::CL_TRY_HELP, &[&"--help"]));
    out.push('\n');
    out
}

/// clap's own message for an error the catalogue does not word: its first paragraph
/// without "error: ".
fn clap_message(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.split("\n\n").next().unwrap_or("").trim_end();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn args(a: &[&str]) -> Vec<OsString> {
        std::iter::once("cancu")
            .chain(a.iter().copied())
            .map(OsString::from)
            .collect()
    }

    /// Every command, argument and described value of the English tree, with its path:
    /// (path, key, English text).
    fn english() -> Vec<(String, String, String)> {
        fn walk(c: &Command, path: &str, out: &mut Vec<(String, String, String)>) {
            let text = |s: Option<&clap::builder::StyledStr>| s.map(|s| s.to_string());
            if let Some(about) = text(c.get_about()) {
                out.push((path.into(), String::new(), about));
            }
            if let Some(long) = text(c.get_long_about()) {
                out.push((path.into(), "!long".into(), long));
            }
            for a in c.get_arguments() {
                let id = a.get_id().to_string();
                if let Some(h) = text(a.get_help()).or_else(|| text(a.get_long_help())) {
                    out.push((path.into(), id.clone(), h));
                }
                if a.get_action().takes_values() {
                    for v in a.get_possible_values() {
                        if let Some(h) = text(v.get_help()) {
                            out.push((path.into(), format!("{id}={}", v.get_name()), h));
                        }
                    }
                }
            }
            for s in c.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                walk(s, &p, out);
            }
        }
        let mut out = Vec::new();
        walk(&command(Lang::En), "", &mut out);
        out
    }

    /// A command, an argument or a value with help in English and none in Vietnamese fails
    /// here: a new flag cannot be added untranslated. A text shared by every command ("*")
    /// must stand for one English text; an entry naming nothing is stale.
    #[test]
    fn every_command_and_argument_has_its_vietnamese_help() {
        let en = english();
        assert!(en.len() > 100, "{}", en.len());
        let mut missing = Vec::new();
        let mut shared: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for (path, key, text) in &en {
            let own = m::help::HELP_VI
                .iter()
                .any(|h| h.path == path && h.key == key);
            match lookup(path, key) {
                None => missing.push(format!("{path:?} {key:?}: {text}")),
                Some(_) if !own => shared
                    .entry(key.clone())
                    .or_default()
                    .push((path.clone(), text.clone())),
                Some(_) => {}
            }
        }
        assert!(
            missing.is_empty(),
            "no Vietnamese help:\n{}",
            missing.join("\n")
        );
        for (key, uses) in &shared {
            let first = &uses[0].1;
            for (path, text) in uses {
                assert_eq!(
                    text, first,
                    "the shared Vietnamese of {key:?} stands for two English texts ({path:?}: give {path:?} its own entry)"
                );
            }
        }
        // Every entry names a command, argument or value of the tree.
        let tree = command(Lang::En);
        for h in m::help::HELP_VI {
            let found = if h.path == "*" {
                shared.contains_key(h.key)
            } else {
                let mut c = Some(&tree);
                for part in h.path.split(' ').filter(|p| !p.is_empty()) {
                    c = c.and_then(|c| c.find_subcommand(part));
                }
                let (id, value) = h.key.split_once('=').unwrap_or((h.key, ""));
                c.is_some_and(|c| {
                    matches!(h.key, "" | "!long")
                        || c.get_arguments().any(|a| {
                            a.get_id() == id
                                && (value.is_empty()
                                    || a.get_possible_values()
                                        .iter()
                                        .any(|v| v.get_name() == value))
                        })
                })
            };
            assert!(found, "stale entry {:?} {:?}", h.path, h.key);
            assert!(!h.vi.trim().is_empty(), "{:?} {:?}", h.path, h.key);
        }
    }

    /// Each Vietnamese text differs from the English it stands for (nothing left in
    /// English), and the file types read are written in full where the English has them.
    #[test]
    fn vietnamese_help_is_translated() {
        for (path, key, text) in english() {
            let vi = lookup(&path, &key)
                .unwrap_or_default()
                .replace("{0}", &crate::cli::places::extensions());
            assert_ne!(vi, text, "{path:?} {key:?} is not translated");
            if text.contains(".docx") {
                assert!(vi.contains(".docx"), "{path:?} {key:?}: {vi}");
            }
        }
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let rows: [(&[&str], Option<Lang>); 7] = [
            (&["--lang", "en", "check"], Some(Lang::En)),
            (&["check", "--lang=en", "--help"], Some(Lang::En)),
            (&["check", "--lang", "vi"], Some(Lang::Vi)),
            (&["--lang", "en_US.UTF-8", "check"], Some(Lang::En)),
            // After `--` it is a value, not the flag.
            (&["search", "--", "--lang", "en"], None),
            (&["check", "--lang"], None),
            (&["check"], None),
        ];
        let env = crate::cli::check_config::lang(None).unwrap();
        for (a, want) in rows {
            assert_eq!(lang_before_parse(&args(a)), want.unwrap_or(env), "{a:?}");
        }
    }

    /// Help and parse errors in both languages: key phrases, exit code and stream.
    #[test]
    fn help_and_errors_in_both_languages() {
        let stop = |a: &[&str]| parse_args(args(a)).expect_err("stops");
        // (arguments, exit code, to stdout, phrases it must hold, phrases it must not)
        type Row<'a> = (&'a [&'a str], i32, bool, &'a [&'a str], &'a [&'a str]);
        let rows: Vec<Row> = vec![
            (
                &["--help", "--lang", "vi"],
                0,
                true,
                &[
                    "Cách dùng: cancu [TÙY_CHỌN] <LỆNH>",
                    "Lệnh:",
                    "Tùy chọn:",
                    "Kiểm tra trích dẫn",
                    "In trợ giúp",
                    "Ngôn ngữ của văn bản in ra",
                ],
                &[
                    "Usage:",
                    "Options:",
                    "Commands:",
                    "Print help",
                    "Check citations",
                ],
            ),
            (
                &["--lang", "en", "--help"],
                0,
                true,
                &[
                    "Usage: cancu [OPTIONS] <COMMAND>",
                    "Commands:",
                    "Options:",
                    "Check citations: malformed",
                    "Print help",
                ],
                &["Cách dùng", "Kiểm tra trích dẫn"],
            ),
            (
                &["check", "--help", "--lang", "vi"],
                0,
                true,
                &[
                    "Cách dùng: cancu check [TÙY_CHỌN] [PATHS]...",
                    "Tham số:",
                    "Các kế hoạch cần kiểm tra: tệp, hoặc thư mục",
                    ".docx",
                    "Định dạng kết quả [mặc định: rich]",
                    "- short: mỗi phát hiện một dòng",
                    "[mặc định: warning] [giá trị: error, warning, note]",
                    "Ghi các chỗ sửa an toàn vào tệp",
                ],
                &[
                    "Usage:",
                    "Arguments:",
                    "Options:",
                    "[default:",
                    "Possible values",
                    "Output format",
                ],
            ),
            (
                &["check", "--help", "--lang", "en"],
                0,
                true,
                &[
                    "Usage: cancu check [OPTIONS] [PATHS]...",
                    "Arguments:",
                    "Output format",
                    "[default: rich]",
                    "Write the safe replacements",
                ],
                &["Cách dùng", "Định dạng"],
            ),
            (
                &["check", "--explain", "--lang", "vi"],
                2,
                false,
                &[
                    "lỗi: '--explain <CODE>' cần một giá trị nhưng không có giá trị nào",
                    "Xem thêm: '--help'.",
                ],
                &["error:", "Usage:"],
            ),
            (
                &["check", "--explain", "--lang", "en"],
                2,
                false,
                &[
                    "error: a value is required for '--explain <CODE>' but none was supplied",
                    "For more information, try '--help'.",
                ],
                &["lỗi"],
            ),
            (
                &["--lang", "vi", "check", "--bogus"],
                2,
                false,
                &[
                    "lỗi: không có tham số '--bogus'",
                    "gợi ý: để dùng '--bogus' làm giá trị, viết '-- --bogus'",
                ],
                &["unexpected argument"],
            ),
            (
                &["--lang", "en", "check", "--bogus"],
                2,
                false,
                &[
                    "error: unexpected argument '--bogus' found",
                    "tip: to pass '--bogus' as a value, use '-- --bogus'",
                ],
                &["lỗi"],
            ),
            (
                &["check", "--format", "xml", "--lang", "vi"],
                2,
                false,
                &[
                    "lỗi: giá trị 'xml' không hợp lệ cho '--format <FORMAT>'",
                    "[các giá trị có thể: rich, short, json, sarif]",
                ],
                &["invalid value"],
            ),
            (
                &["check", "--fromat", "json", "--lang", "vi"],
                2,
                false,
                &[
                    "lỗi: không có tham số '--fromat'",
                    "gợi ý: có tham số tương tự: '--format'",
                ],
                &["similar"],
            ),
            (
                &["chek", "--lang", "vi"],
                2,
                false,
                &[
                    "lỗi: không có lệnh 'chek'",
                    "gợi ý: có lệnh con tương tự: 'check'",
                ],
                &["unrecognized"],
            ),
            (
                &["--lang", "en", "chek"],
                2,
                false,
                &[
                    "error: unrecognized subcommand 'chek'",
                    "tip: a similar subcommand exists: 'check'",
                ],
                &["lỗi"],
            ),
            (
                &["check", "-j", "0", "--lang", "vi"],
                2,
                false,
                &["lỗi: giá trị '0' không hợp lệ cho '--threads <N>': 0 không phải số nguyên từ 1 đến 65535"],
                &["invalid value"],
            ),
            (
                &["check", "-j", "x", "--lang", "en"],
                2,
                false,
                &["error: invalid value 'x' for '--threads <N>': x is not in 1..=65535"],
                &["lỗi"],
            ),
            (
                &["extract", "--encoding", "klingon", "--lang", "vi"],
                2,
                false,
                &["lỗi: giá trị 'klingon' không hợp lệ cho '--encoding <ENCODING>': không có bảng mã \"klingon\"; chọn một trong: utf-8, utf-16le"],
                &["unknown encoding"],
            ),
            (
                &["extract", "--encoding", "klingon", "--lang", "en"],
                2,
                false,
                &["error: invalid value 'klingon' for '--encoding <ENCODING>': unknown encoding \"klingon\"; one of: utf-8, utf-16le"],
                &["lỗi"],
            ),
            (
                &["--lang", "vi", "--lang", "en", "check"],
                2,
                false,
                &["lỗi: tham số '--lang <vi|en>' không được dùng nhiều lần"],
                &["cannot be used"],
            ),
            (
                &["registry", "import", "csv", "a.csv", "--lang", "vi"],
                2,
                false,
                &["lỗi: thiếu các tham số bắt buộc sau:", "--map"],
                &["required arguments"],
            ),
            (&["--version"], 0, true, &["cancu "], &["lỗi", "error"]),
        ];
        for (a, code, to_stdout, want, not) in rows {
            let s = stop(a);
            assert_eq!(
                (s.code, s.to_stdout),
                (code, to_stdout),
                "{a:?}: {}",
                s.text
            );
            for w in want {
                assert!(s.text.contains(w), "{a:?}: no {w:?} in\n{}", s.text);
            }
            for n in not {
                assert!(!s.text.contains(n), "{a:?}: {n:?} in\n{}", s.text);
            }
        }
        // A command line that parses is the same in both languages.
        for lang in ["vi", "en"] {
            let cli = parse_args(args(&["check", "--format", "json", "--lang", lang])).unwrap();
            assert_eq!(cli.global.lang.as_deref(), Some(lang));
            assert!(matches!(cli.command, crate::cli::Command::Check(_)));
        }
    }
}
