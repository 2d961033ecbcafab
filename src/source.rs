//! Reading documents from disk or stdin into [`SourceFile`]s: the only module that knows
//! file formats and encodings. A bad file is an error value naming the file; it never stops
//! a run over other files.

use std::path::{Path, PathBuf};

/// A document read into memory: its path and its text (UTF-8, as in the file, so spans
/// are byte offsets into the original).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: cannot read: {err}")]
    Io { path: String, err: std::io::Error },
    #[error("{path}: not valid UTF-8 text (byte {offset}); is it a binary file?")]
    NotText { path: String, offset: usize },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}: no such file or directory")]
    Missing { path: String },
}

/// File extensions read when walking directories.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Read one file as text.
pub fn read_file(path: &Path) -> Result<SourceFile, SourceError> {
    let p = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|err| {
        if err.kind() == std::io::ErrorKind::NotFound {
            SourceError::Missing { path: p.clone() }
        } else {
            SourceError::Io {
                path: p.clone(),
                err,
            }
        }
    })?;
    from_bytes(&p, bytes)
}

/// Decode bytes read from `path` (UTF-8 with or without BOM).
pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    let text = String::from_utf8(bytes).map_err(|e| SourceError::NotText {
        path: path.into(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(SourceFile {
        path: path.into(),
        text,
    })
}

/// Expand paths: files as given, directories walked for text files (symlink loops are
/// reported, not followed forever). Errors are returned beside the paths found.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SourceError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
                        if TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
                            files.push(e.path().to_path_buf());
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        let path = err
                            .path()
                            .map(|x| x.display().to_string())
                            .unwrap_or_else(|| p.display().to_string());
                        errors.push(SourceError::Io {
                            path,
                            err: std::io::Error::other(err.to_string()),
                        });
                    }
                }
            }
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(SourceError::Missing {
                path: p.display().to_string(),
            });
        }
    }
    (files, errors)
}
