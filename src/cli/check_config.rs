//! The edges of `cancu check` besides running it: the `cancu.toml` found in the checked
//! folder or its parents (`[check] select, ignore, as-of`), the language (`--lang`, else
//! `LANG`), and the ecosystem check: findings as a baseline of (file, line, code, cited
//! text) rows, compared with a committed baseline to print what a change adds and removes.

use crate::check::rules::{self, Selection};
use crate::cli::output::tr;
use crate::diag::Diagnostic;
use crate::messages::{self, Lang};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

/// The `[check]` table of a `cancu.toml`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default, rename = "as-of")]
    pub as_of: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct ConfigFile {
    #[serde(default)]
    check: CheckConfig,
}

/// The nearest `cancu.toml` from the first checked path (its folder, then the parents;
/// from the current folder when no path is given), read and parsed.
pub fn find_config(paths: &[PathBuf]) -> anyhow::Result<Option<(PathBuf, CheckConfig)>> {
    let start = match paths.first() {
        Some(p) if p.as_os_str() != "-" => {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            if p.is_dir() {
                p
            } else {
                p.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        }
        _ => std::env::current_dir().unwrap_or_default(),
    };
    let mut dir = Some(start.as_path());
    while let Some(d) = dir {
        let f = d.join("cancu.toml");
        if f.is_file() {
            let text = std::fs::read_to_string(&f)
                .with_context(|| tr(&messages::E_CANNOT_READ, &[&f.display()]))?;
            let cfg: ConfigFile = toml::from_str(&text)
                .with_context(|| tr(&messages::E_NOT_CONFIG, &[&f.display()]))?;
            return Ok(Some((f, cfg.check)));
        }
        dir = d.parent();
    }
    Ok(None)
}

/// The selection from the flags, else the config; unknown selectors are errors.
pub fn selection(
    select: &[String],
    ignore: &[String],
    cfg: Option<&CheckConfig>,
) -> anyhow::Result<Selection> {
    let mut sel = Selection {
        select: if select.is_empty() {
            cfg.map(|c| c.select.clone()).unwrap_or_default()
        } else {
            select.to_vec()
        },
        ignore: cfg.map(|c| c.ignore.clone()).unwrap_or_default(),
    };
    sel.ignore.extend(ignore.iter().cloned());
    for s in sel.select.iter().chain(&sel.ignore) {
        if !rules::known_selector(s) {
            bail!(
                "{}",
                tr(&messages::E_NO_RULE_OR_GROUP, &[&format!("{s:?}")])
            );
        }
    }
    Ok(sel)
}

/// The language: `--lang`, else `LANG`/`LC_ALL` (English only when they say English).
pub fn lang(flag: Option<&str>) -> anyhow::Result<Lang> {
    let env = std::env::var("LC_ALL")
        .ok()
        .filter(|v| !v.is_empty())
        .or_else(|| std::env::var("LANG").ok());
    let from_env = Lang::from_env(env.as_deref());
    if let Some(f) = flag {
        return Lang::parse(f)
            .with_context(|| messages::tr(from_env, &messages::E_LANG, &[&format!("{f:?}")]));
    }
    Ok(from_env)
}

/// One finding as the baseline keeps it: file, line, code, and the cited text (the primary
/// span's text, white space collapsed), tab-separated.
pub fn baseline_rows(path: &str, text: &str, diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.code != rules::UNRESOLVED.code)
        .map(|d| {
            let (line, cited) = d.primary().map_or((0, String::new()), |l| {
                let t = text.get(l.start..l.end).unwrap_or("");
                (l.line, t.split_whitespace().collect::<Vec<_>>().join(" "))
            });
            format!("{path}\t{line}\t{}\t{cited}", d.code)
        })
        .collect()
}

/// What a change adds to and removes from a baseline (multisets of rows, in order).
pub fn compare(old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
    let mut left: Vec<&String> = old.iter().collect();
    let mut added = Vec::new();
    for r in new {
        match left.iter().position(|x| *x == r) {
            Some(i) => {
                left.remove(i);
            }
            None => added.push(r.clone()),
        }
    }
    (added, left.into_iter().cloned().collect())
}

/// Read a baseline file (rows; '#' lines are comments).
pub fn read_baseline(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| tr(&messages::E_BASELINE, &[&path.display()]))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_is_a_multiset_difference() {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rows = [
            (
                v(&["a", "b", "b"]),
                v(&["b", "c"]),
                v(&["c"]),
                v(&["a", "b"]),
            ),
            (v(&[]), v(&["a"]), v(&["a"]), v(&[])),
            (v(&["a"]), v(&["a"]), v(&[]), v(&[])),
        ];
        for (old, new, add, rem) in rows {
            assert_eq!(compare(&old, &new), (add, rem));
        }
    }

    #[test]
    fn config_tables() {
        let rows = [
            (
                "[check]\nselect = [\"shape\"]\nignore = [\"C0104\"]\nas-of = \"2025-07-01\"\n",
                true,
            ),
            ("[check]\nselekt = [\"shape\"]\n", false),
            ("", true),
        ];
        for (text, ok) in rows {
            assert_eq!(toml::from_str::<ConfigFile>(text).is_ok(), ok, "{text}");
        }
        let cfg = CheckConfig {
            select: vec!["time".into()],
            ignore: vec!["C0305".into()],
            as_of: None,
        };
        let s = selection(&[], &["C0303".into()], Some(&cfg)).unwrap();
        assert!(s.allows("C0301") && !s.allows("C0305") && !s.allows("C0303"));
        assert!(!s.allows("C0101"));
        assert!(selection(&["shap".into()], &[], None).is_err());
    }
}
