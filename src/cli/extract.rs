//! `cancu extract`: citations of each document as a table, JSON or NDJSON.

use crate::cli::Outcome;
use crate::source::{self, SourceFile};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories (walked for .txt and .md); `-` reads stdin. Default: corpus/plans.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table.
    Text,
    /// One JSON object: {"documents": [...]}.
    Json,
    /// One citation per line, with its path.
    Ndjson,
}

/// One extracted document, as printed.
#[derive(Debug, Serialize)]
pub struct DocumentOut {
    pub path: String,
    pub header: crate::model::Header,
    pub citations: Vec<crate::model::Citation>,
}

/// Read the paths given (or the default corpus), reporting each bad file on stderr.
/// Returns the documents read and the number of errors.
pub fn read_inputs(paths: &[PathBuf]) -> (Vec<SourceFile>, usize) {
    let mut docs = Vec::new();
    let mut errors = 0;
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from("corpus/plans")]
    } else {
        paths.to_vec()
    };
    let (stdin, rest): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() == "-");
    if !stdin.is_empty() {
        let mut buf = Vec::new();
        match std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            Ok(_) => match source::from_bytes("<stdin>", buf) {
                Ok(d) => docs.push(d),
                Err(e) => {
                    eprintln!("error: {e}");
                    errors += 1;
                }
            },
            Err(e) => {
                eprintln!("error: <stdin>: {e}");
                errors += 1;
            }
        }
    }
    let (files, errs) = source::expand(&rest);
    for e in errs {
        eprintln!("error: {e}");
        errors += 1;
    }
    for f in files {
        match source::read_file(&f) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("error: {e}");
                errors += 1;
            }
        }
    }
    (docs, errors)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let (docs, errors) = read_inputs(&args.paths);
    let know = crate::cli::check::knowledge(&crate::cli::registry::RegistryArgs {
        registry: Vec::new(),
    });
    let out: Vec<DocumentOut> = docs
        .iter()
        .map(|d| {
            let mut e = crate::extract(&d.text);
            crate::check::fill_findings(&d.text, &mut e, &*know, &Default::default());
            DocumentOut {
                path: d.path.clone(),
                header: e.header,
                citations: e.citations,
            }
        })
        .collect();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, &serde_json::json!({ "documents": out }))?;
            writeln!(w)?;
        }
        Format::Ndjson => {
            for d in &out {
                for c in &d.citations {
                    let mut v = serde_json::to_value(c)?;
                    if let Some(o) = v.as_object_mut() {
                        o.insert("path".into(), d.path.clone().into());
                    }
                    serde_json::to_writer(&mut w, &v)?;
                    writeln!(w)?;
                }
            }
        }
        Format::Text => {
            for d in &out {
                writeln!(w, "{} ({} citations)", d.path, d.citations.len())?;
                for c in &d.citations {
                    let what = c
                        .canonical
                        .clone()
                        .or_else(|| c.law.clone())
                        .unwrap_or_default();
                    let year = c
                        .law
                        .as_ref()
                        .and(c.year)
                        .map(|y| format!(" {y}"))
                        .unwrap_or_default();
                    let date = c
                        .date
                        .map(|d| format!(" ngày {}", d.vietnamese()))
                        .unwrap_or_default();
                    let issuer = c
                        .issuer
                        .as_ref()
                        .map(|i| format!(" của {i}"))
                        .unwrap_or_default();
                    let defects = if c.defects.is_empty() {
                        String::new()
                    } else {
                        let names: Vec<String> = c
                            .defects
                            .iter()
                            .map(|d| {
                                serde_json::to_string(d)
                                    .unwrap_or_default()
                                    .trim_matches('"')
                                    .to_string()
                            })
                            .collect();
                        format!("  [{}]", names.join(", "))
                    };
                    writeln!(
                        w,
                        "  {:>4}:{:<3} {:<18} {what}{year}{date}{issuer}{defects}",
                        c.line,
                        c.column,
                        c.kind.slug()
                    )?;
                }
            }
        }
    }
    w.flush()?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}
