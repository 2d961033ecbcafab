//! Where things live, for every command: the default input (the bundled corpus), the default
//! search index (the repository's `index/` when run inside the repository the tool was built
//! from, else the user data dir — never the current folder unasked), and the help text that
//! lists the file types read ([`crate::source::TEXT_EXTENSIONS`], written once).

use std::path::{Path, PathBuf};

/// The repository this binary was built from (its `Cargo.toml` folder), when it still exists.
pub fn repository() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.join("Cargo.toml")
        .is_file()
        .then(|| root.to_path_buf())
}

/// Is the current folder inside the repository the tool was built from?
pub fn in_repository() -> bool {
    let (Some(repo), Ok(cwd)) = (repository(), std::env::current_dir()) else {
        return false;
    };
    match (repo.canonicalize(), cwd.canonicalize()) {
        (Ok(repo), Ok(cwd)) => cwd.starts_with(repo),
        _ => false,
    }
}

/// The plans read when no PATH is given: `corpus/plans` of the current folder when there is
/// one (a checkout of the project), else the bundled corpus of the installed tool (the
/// repository it was built from). None when neither exists.
pub fn default_plans() -> Option<PathBuf> {
    let here = PathBuf::from("corpus/plans");
    if here.is_dir() {
        return Some(here);
    }
    repository()
        .map(|r| r.join("corpus/plans"))
        .filter(|p| p.is_dir())
}

/// `serve --corpus`: the folder given when it exists; the default `corpus` of a folder
/// that has none is the bundled corpus of the installed tool.
pub fn corpus_dir(given: PathBuf) -> PathBuf {
    if given.exists() || given != Path::new("corpus") {
        return given;
    }
    repository()
        .map(|r| r.join("corpus"))
        .filter(|p| p.is_dir())
        .unwrap_or(given)
}

/// The paths given, or the default plans; an error naming what to pass when there are none.
pub fn inputs_or_default(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths.to_vec());
    }
    default_plans().map(|p| vec![p]).ok_or_else(|| {
        anyhow::anyhow!(
            "{}",
            crate::cli::output::tr(&crate::messages::E_NO_INPUT, &[])
        )
    })
}

/// Where the search index lives unless `--index DIR` says: `index/` when the current folder
/// is inside the repository the tool was built from (as `cancu index` always did there),
/// else `index/` under the user data dir ($CANCU_DATA, else the platform's data dir).
pub fn default_index() -> anyhow::Result<PathBuf> {
    if in_repository() {
        return Ok(PathBuf::from(crate::index::DEFAULT_DIR));
    }
    crate::registry::files::data_dir()
        .map(|d| d.join(crate::index::DEFAULT_DIR))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{}",
                crate::cli::output::tr(&crate::messages::E_NO_DATA_DIR, &[])
            )
        })
}

/// `--index DIR` when given, else [`default_index`].
pub fn index_dir(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    match given {
        Some(d) => Ok(d.to_path_buf()),
        None => default_index(),
    }
}

/// Roots as an index in the user data dir stores them: absolute, so that one index serves
/// every folder it is asked from (`-` and unresolvable paths are kept as given).
pub fn absolute_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .map(|r| {
            if r.as_os_str() == "-" {
                r.clone()
            } else {
                std::path::absolute(r).unwrap_or_else(|_| r.clone())
            }
        })
        .collect()
}

/// The file types read when walking folders, for help texts: ".txt, .md, .html, ...".
pub fn extensions() -> String {
    crate::source::TEXT_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The help of a PATHS argument: what it is, the file types walked for, the default.
pub fn paths_help(what: &str) -> String {
    format!(
        "{what}: files, or folders walked for {} (hidden and .gitignored files skipped); \
         `-` reads stdin. Default: the bundled corpus (corpus/plans)",
        extensions()
    )
}

/// A plan of the bundled corpus named without its folder, with or without its extension
/// (`ke-hoach-qpdp-2024-xa-xuan-luong` or `….txt`); None when there is no such plan.
pub fn bundled_plan(name: &Path) -> Option<PathBuf> {
    if name.components().count() != 1 {
        return None;
    }
    let dir = default_plans()?;
    let exact = dir.join(name);
    if exact.is_file() {
        return Some(exact);
    }
    crate::source::TEXT_EXTENSIONS.iter().find_map(|ext| {
        let mut file = name.as_os_str().to_owned();
        file.push(".");
        file.push(ext);
        let p = dir.join(file);
        p.is_file().then_some(p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_extension() {
        let h = paths_help("Plans");
        for ext in crate::source::TEXT_EXTENSIONS {
            assert!(h.contains(&format!(".{ext}")), "{ext}: {h}");
        }
    }

    #[test]
    fn absolute_roots_keep_stdin() {
        let out = absolute_roots(&[PathBuf::from("-"), PathBuf::from("a/b")]);
        assert_eq!(out[0], PathBuf::from("-"));
        assert!(out[1].is_absolute() && out[1].ends_with("a/b"), "{out:?}");
    }
}
