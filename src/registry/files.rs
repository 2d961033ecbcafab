//! Where registry files live on a user's machine: the user data dir and the imported files
//! under it (written by `cancu registry import`), and the registry files of a folder. The
//! only place that reads the environment for the registry; callers decide what to load.

use std::path::{Path, PathBuf};

/// The user data dir: $CANCU_DATA, else $XDG_DATA_HOME/cancu, else ~/.local/share/cancu.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CANCU_DATA") {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = std::env::var_os("XDG_DATA_HOME") {
        return Some(PathBuf::from(p).join("cancu"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/cancu"))
}

/// The imported registry files of the user data dir (`registry/imported/*.{toml,json}`),
/// sorted.
pub fn imported_files() -> Vec<PathBuf> {
    data_dir()
        .map(|d| registry_files_in(&d.join("registry").join("imported")))
        .unwrap_or_default()
}

/// The `.toml` and `.json` files of a folder, sorted (none when it cannot be read).
pub fn registry_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    matches!(
                        p.extension().and_then(|x| x.to_str()),
                        Some("toml") | Some("json")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Is `path` a document of the bundled corpus (a `corpus/plans` folder beside
/// `corpus/registry/fictional.toml`), whose invented local documents the fictional registry
/// layer describes? A bare name that is not a file is looked up in `corpus/plans`.
pub fn is_bundled_corpus(path: &Path) -> bool {
    let p = if path.exists() {
        path.to_path_buf()
    } else {
        Path::new("corpus/plans").join(path)
    };
    let Ok(abs) = std::fs::canonicalize(&p) else {
        return false;
    };
    abs.ancestors().any(|a| {
        a.file_name().is_some_and(|n| n == "plans")
            && a.parent().is_some_and(|c| {
                c.file_name().is_some_and(|n| n == "corpus")
                    && c.join("registry").join("fictional.toml").is_file()
            })
    })
}
