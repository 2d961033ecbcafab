//! `cancu registry check|import`: check registry files; import the Bộ pháp điển bundle or a
//! CSV register into a registry file written where the user says (never into the repo).
//! Also the registry options shared by every command that resolves ([`RegistryArgs`]).

use crate::cli::Outcome;
use crate::registry::check::{check_registry, check_text, Severity};
use crate::registry::import::{import_csv, parse_map, PhapDien};
use crate::registry::learn::{learn, number_from_slug};
use crate::registry::{Registry, RegistryFile, BUILTIN, BUILTIN_ORIGIN};
use anyhow::{bail, Context as _};
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};

/// Registry files to load beside the built-in one.
#[derive(Debug, Clone, clap::Args)]
pub struct RegistryArgs {
    /// Extra registry files (TOML or JSON), loaded after the built-in registry and the
    /// imported files of the user data dir ($CANCU_DATA or ~/.local/share/cancu, under
    /// registry/imported/). Earlier files win on duplicate ids.
    #[arg(long = "registry", value_name = "FILE")]
    pub registry: Vec<PathBuf>,
}

pub use crate::registry::files::{data_dir, imported_files};

impl RegistryArgs {
    /// Built-in registry, then imported files, then `--registry` files.
    pub fn load(&self) -> anyhow::Result<Registry> {
        self.load_for(&[])
    }

    /// As [`RegistryArgs::load_for`], with what the documents read teach about themselves
    /// (those that are instruments: identity, effective date, effects) as a layer after the
    /// built-in registry and before imported and `--registry` files: verified built-in facts
    /// first, then the instrument's own text, then the imports.
    pub fn load_with_learned(
        &self,
        paths: &[PathBuf],
        learned: Vec<crate::registry::Instrument>,
    ) -> anyhow::Result<Registry> {
        self.load_layers(paths, learned)
    }

    /// As [`RegistryArgs::load_for`], with what the documents of the search index in `index`
    /// taught about themselves (its `learned.json`, written by `cancu index`) as the layer of
    /// the instruments' own texts. No index, or one without that file: [`RegistryArgs::load_for`].
    pub fn load_with_index(
        &self,
        paths: &[PathBuf],
        index: Option<&Path>,
    ) -> anyhow::Result<Registry> {
        let learned = index
            .map(crate::registry::learned::layer_of_index)
            .unwrap_or_default();
        self.load_layers(paths, learned)
    }

    /// As [`RegistryArgs::load`], with the fictional layer of the bundled plans when a
    /// document read is one of them (`corpus/plans`; no paths means that folder).
    pub fn load_for(&self, paths: &[PathBuf]) -> anyhow::Result<Registry> {
        self.load_layers(paths, Vec::new())
    }

    fn load_layers(
        &self,
        paths: &[PathBuf],
        learned: Vec<crate::registry::Instrument>,
    ) -> anyhow::Result<Registry> {
        let bundled = if paths.is_empty() {
            crate::registry::files::is_bundled_corpus(Path::new("corpus/plans"))
        } else {
            paths
                .iter()
                .any(|p| crate::registry::files::is_bundled_corpus(p))
        };
        let mut r = if bundled {
            Registry::bundled()?
        } else {
            Registry::builtin()?
        };
        if !learned.is_empty() {
            r.add("the documents read (their own texts)", learned);
        }
        for p in imported_files().iter().chain(self.registry.iter()) {
            r.load_file(p)?;
        }
        Ok(r)
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Check registry files: schema, duplicate ids, dangling relations, relations both
    /// ways, dates in order. Without FILES: the built-in registry and the imported files.
    ///
    /// Also lists the conflicts between sources (the built-in registry and the files): an
    /// instrument given two issue dates, two effective dates or two statuses, with both
    /// sources, the value that wins, and dates that differ by a day/month swap. Precedence:
    /// verified built-in facts, then the instrument's own text, then unverified built-in
    /// facts, then the Bộ pháp điển import, then CSV registers, then other files.
    Check {
        files: Vec<PathBuf>,
        /// Also compare what the documents of the search index in DIR taught about themselves
        /// (`cancu index`'s learned.json) with the other sources.
        #[arg(long = "index", value_name = "DIR")]
        index: Option<PathBuf>,
        #[command(flatten)]
        format: crate::cli::output::FormatArgs,
    },
    /// Import a source into a registry file.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum ImportSource {
    /// The Ministry of Justice's Bộ pháp điển HTML bundle: a directory of đề mục pages or
    /// the .tar.gz.
    PhapDien {
        input: PathBuf,
        /// Where to write (.json or .toml). Never inside corpus/.
        #[arg(long)]
        out: PathBuf,
        /// The counts of the import: text on stderr, or JSON on stdout.
        #[command(flatten)]
        format: crate::cli::output::FormatArgs,
    },
    /// Instrument texts (gazette JSON with `full_text`, .txt, .md, .docx, .pdf, .html;
    /// folders walked): one entry per text, with its identity from its header, its
    /// effective date and its effects on other instruments (replaces, repeals, amends,
    /// expires, corrects, suspends), each with the clause that states it. Unverified.
    Texts {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write (.json or .toml). Never inside corpus/.
        #[arg(long)]
        out: PathBuf,
        /// The counts of the import: text on stderr, or JSON on stdout.
        #[command(flatten)]
        format: crate::cli::output::FormatArgs,
    },
    /// A CSV register with a column mapping.
    Csv {
        input: PathBuf,
        /// COLUMN=FIELD pairs; fields: number_symbol, issued, effective, title, status, issuer, kind.
        #[arg(long)]
        map: String,
        /// The issuer of rows without an issuer column ("UBND tỉnh Bình Dương").
        #[arg(long)]
        issuer: Option<String>,
        /// Where to write (.json or .toml). Never inside corpus/.
        #[arg(long)]
        out: PathBuf,
        /// The counts of the import: text on stderr, or JSON on stdout.
        #[command(flatten)]
        format: crate::cli::output::FormatArgs,
    },
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match args.command {
        Sub::Check {
            files,
            index,
            format,
        } => check(
            files,
            index.as_deref(),
            format.get() == crate::cli::output::Format::Json,
        ),
        Sub::Import { source } => match source {
            ImportSource::PhapDien { input, out, format } => {
                import_phap_dien(&input, &out, format.get())
            }
            ImportSource::Texts { paths, out, format } => import_texts(&paths, &out, format.get()),
            ImportSource::Csv {
                input,
                map,
                issuer,
                out,
                format,
            } => {
                let map = parse_map(&map).map_err(anyhow::Error::msg)?;
                let text = std::fs::read_to_string(&input)
                    .with_context(|| format!("{}", input.display()))?;
                let (file, stats) = import_csv(
                    &text,
                    &map,
                    issuer.as_deref(),
                    &format!("CSV register {}", input.display()),
                )
                .map_err(|e| anyhow::anyhow!("{}: {e}", input.display()))?;
                write_out(&file, &out)?;
                if format.get() == crate::cli::output::Format::Json {
                    print_json(&serde_json::json!({
                        "out": out.display().to_string(),
                        "rows": stats.rows,
                        "instruments": stats.instruments,
                        "duplicates": stats.duplicates,
                        "unread": stats.unread,
                    }))?;
                }
                crate::cli::output::note(crate::cli::output::tr(
                    &crate::messages::RI_CSV,
                    &[
                        &out.display(),
                        &stats.rows,
                        &stats.instruments,
                        &stats.duplicates,
                        &stats.unread.len(),
                        &if stats.unread.is_empty() {
                            String::new()
                        } else {
                            format!(
                                " ({})",
                                stats
                                    .unread
                                    .iter()
                                    .take(10)
                                    .cloned()
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        },
                    ],
                ));
                Ok(Outcome::Clean)
            }
        },
    }
}

fn check(files: Vec<PathBuf>, index: Option<&Path>, json: bool) -> anyhow::Result<Outcome> {
    let mut s_out = String::new();
    let mut problems = Vec::new();
    let mut reg = Registry::new();
    let files: Vec<PathBuf> = if files.is_empty() {
        problems.extend(
            check_text(BUILTIN_ORIGIN, BUILTIN)
                .into_iter()
                .map(|p| (BUILTIN_ORIGIN.to_string(), p)),
        );
        reg.add_text(BUILTIN_ORIGIN, BUILTIN)?;
        imported_files()
    } else {
        files
    };
    for f in &files {
        let origin = f.display().to_string();
        let text = std::fs::read_to_string(f).with_context(|| origin.clone())?;
        problems.extend(
            check_text(&origin, &text)
                .into_iter()
                .map(|p| (origin.clone(), p)),
        );
        if let Err(e) = reg.add_text(&origin, &text) {
            crate::cli::output::error(&anyhow::Error::new(e));
        }
    }
    problems.extend(check_registry(&reg).into_iter().map(|p| {
        let o = reg.origin(&p.id).unwrap_or("").to_string();
        (o, p)
    }));
    // Conflicts between sources: the files against each other and the built-in registry.
    let mut layers: Vec<(String, Vec<crate::registry::Instrument>)> = Vec::new();
    if !files.iter().any(|f| f.as_os_str() == BUILTIN_ORIGIN) {
        layers.push((
            BUILTIN_ORIGIN.to_string(),
            RegistryFile::parse(BUILTIN_ORIGIN, BUILTIN)?.instruments,
        ));
    }
    for f in &files {
        let origin = f.display().to_string();
        if let Ok(file) = std::fs::read_to_string(f)
            .map_err(anyhow::Error::from)
            .and_then(|t| Ok(RegistryFile::parse(&origin, &t)?))
        {
            layers.push((origin, file.instruments));
        }
    }
    if let Some(dir) = index {
        // The documents' own texts come right after the built-in registry, as they load.
        let learned = crate::registry::learned::layer_of_index(dir);
        let at = usize::from(!layers.is_empty());
        layers.insert(
            at,
            (
                format!(
                    "{} (learned by the index)",
                    dir.join(crate::registry::learned::FILE).display()
                ),
                learned,
            ),
        );
    }
    let refs: Vec<(&str, &[crate::registry::Instrument])> = layers
        .iter()
        .map(|(o, e)| (o.as_str(), e.as_slice()))
        .collect();
    let conflicts = crate::registry::conflicts::conflicts(&refs);
    let errors = problems
        .iter()
        .filter(|(_, p)| p.severity == Severity::Error)
        .count();
    if json {
        let v: Vec<serde_json::Value> = problems
            .iter()
            .map(|(o, p)| {
                let mut v = serde_json::to_value(p).unwrap_or_default();
                if let Some(m) = v.as_object_mut() {
                    m.insert("file".into(), o.clone().into());
                }
                v
            })
            .collect();
        let _ = writeln!(
            s_out,
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"instruments": reg.len(), "problems": v, "conflicts": conflicts})
            )?
        );
    } else {
        for (o, p) in &problems {
            let sev = if p.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let _ = writeln!(s_out, "{o}: {sev}[{}] {}: {}", p.code, p.id, p.message);
        }
        for c in &conflicts {
            let code = if c.day_month_swap {
                "day-month-swap"
            } else {
                "conflict"
            };
            let o = &c.claims[c.winner].origin;
            let _ = writeln!(s_out, "{o}: warning[{code}] {}: {}", c.id, c.message());
        }
        let _ = writeln!(
            s_out,
            "{} instruments, {} errors, {} warnings, {} conflicts between sources",
            reg.len(),
            errors,
            problems.len() - errors,
            conflicts.len()
        );
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn write_out(file: &RegistryFile, out: &Path) -> anyhow::Result<()> {
    let abs = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    if abs.components().any(|c| c.as_os_str() == "corpus") {
        let example = data_dir()
            .map(|d| {
                d.join("registry/imported/import.json")
                    .display()
                    .to_string()
            })
            .unwrap_or_else(|| "~/.local/share/cancu/registry/imported/import.json".into());
        bail!(
            "{}",
            crate::cli::output::tr(&crate::messages::E_INTO_CORPUS, &[&out.display(), &example])
        );
    }
    let text = if out.extension().and_then(|x| x.to_str()) == Some("toml") {
        file.to_toml()?
    } else {
        file.to_json()?
    };
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    std::fs::write(out, text).with_context(|| out.display().to_string())?;
    Ok(())
}

/// One JSON document on stdout (`--format json`).
fn print_json(v: &serde_json::Value) -> anyhow::Result<()> {
    std::io::stdout()
        .lock()
        .write_all(format!("{v:#}\n").as_bytes())?;
    Ok(())
}

fn import_phap_dien(
    input: &Path,
    out: &Path,
    format: crate::cli::output::Format,
) -> anyhow::Result<Outcome> {
    let mut p = PhapDien::new();
    let bar = crate::cli::output::progress(0, "pages read");
    let read_tar = |path: &Path, p: &mut PhapDien| -> anyhow::Result<()> {
        let f = std::fs::File::open(path).with_context(|| path.display().to_string())?;
        let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(f));
        for entry in ar.entries().with_context(|| path.display().to_string())? {
            let mut entry = entry?;
            let name = entry.path()?.display().to_string();
            if !name.ends_with(".html") {
                continue;
            }
            let mut buf = Vec::new();
            entry.read_to_end(&mut buf)?;
            bar.inc(1);
            p.add_html(&String::from_utf8_lossy(&buf));
        }
        Ok(())
    };
    if input.is_dir() {
        let mut tars = Vec::new();
        let mut htmls = Vec::new();
        for e in walkdir::WalkDir::new(input).sort_by_file_name() {
            let e = e?;
            let name = e.path().display().to_string();
            if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
                tars.push(e.path().to_path_buf());
            } else if name.ends_with(".html") && e.file_type().is_file() {
                htmls.push(e.path().to_path_buf());
            }
        }
        if tars.is_empty() {
            for h in htmls {
                let bytes = std::fs::read(&h).with_context(|| h.display().to_string())?;
                bar.inc(1);
                p.add_html(&String::from_utf8_lossy(&bytes));
            }
        } else {
            // The bundle; loose .html files beside it are samples of the same pages.
            for t in tars {
                read_tar(&t, &mut p)?;
            }
        }
    } else {
        read_tar(input, &mut p)?;
    }
    bar.finish_and_clear();
    let (file, stats) = p.finish();
    write_out(&file, out)?;
    if format == crate::cli::output::Format::Json {
        print_json(&serde_json::json!({
            "out": out.display().to_string(),
            "pages": stats.pages,
            "notes": stats.notes,
            "unread": stats.unread,
            "instruments": stats.instruments,
            "stubs": stats.stubs,
            "relations": stats.relations,
        }))?;
    }
    crate::cli::output::note(crate::cli::output::tr(
        &crate::messages::RI_PHAP_DIEN,
        &[
            &out.display(),
            &stats.pages,
            &stats.notes,
            &stats.unread,
            &stats.instruments,
            &stats.stubs,
            &stats.relations,
        ],
    ));
    Ok(Outcome::Clean)
}

/// The gazette file's own number (`so_hieu`, a slug such as "thong-bao-so-02-2023-tb-lpqt-39022"),
/// for texts whose header was not extracted.
fn gazette_slug(path: &Path) -> Option<String> {
    if path.extension().and_then(|x| x.to_str()) != Some("json") {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    v.get("so_hieu")
        .or_else(|| v.get("slug"))
        .and_then(|x| x.as_str())
        .map(str::to_string)
}

fn import_texts(
    paths: &[PathBuf],
    out: &Path,
    format: crate::cli::output::Format,
) -> anyhow::Result<Outcome> {
    let (files, errors) = crate::source::expand(paths);
    let bar = crate::cli::output::progress(files.len() as u64, "texts read");
    let mut entries: Vec<crate::registry::Instrument> = Vec::new();
    // What the texts state about other instruments (never their effects).
    let mut facts: Vec<crate::registry::Instrument> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let (mut read, mut unnamed, mut effects, mut failed) = (0, Vec::new(), 0, errors.len());
    for e in &errors {
        crate::cli::output::file_error(e);
    }
    for f in &files {
        bar.inc(1);
        let doc = match crate::source::read_file(f) {
            Ok(d) => d,
            Err(e) => {
                bar.suspend(|| crate::cli::output::file_error(&e));
                failed += 1;
                continue;
            }
        };
        read += 1;
        let mut l = learn(&doc.text);
        if l.citation.is_none() {
            if let Some((kind, c)) = gazette_slug(f).as_deref().and_then(number_from_slug) {
                l.kind = Some(kind);
                l.number = c.canonical.clone();
                l.citation = Some(c);
            }
        }
        let path = f.display().to_string();
        match l.to_instrument(&path) {
            Some(ins) if seen.insert(ins.id.clone()) => {
                effects += ins.relations.len();
                facts.extend(l.fact_entries(&ins.id, &path));
                entries.push(ins);
            }
            Some(ins) => eprintln!(
                "{}",
                crate::cli::output::tr(
                    &crate::messages::W_LINE,
                    &[&crate::cli::output::tr(
                        &crate::messages::E_ALREADY_READ,
                        &[&path, &ins.id]
                    )]
                )
            ),
            None => unnamed.push(path),
        }
    }
    // The facts merged into the entries they are about, the instruments known only as
    // targets after the texts (a text read wins), statuses settled.
    let texts = entries.len();
    let n_facts: usize = facts.iter().map(|f| f.relations.len()).sum();
    let entries = crate::registry::learn::layer(entries.into_iter().chain(facts));
    let n_stubs = entries.len() - texts;
    let file = RegistryFile {
        instruments: entries,
    };
    bar.finish_and_clear();
    write_out(&file, out)?;
    if format == crate::cli::output::Format::Json {
        println!(
            "{}",
            serde_json::json!({
                "out": out.display().to_string(),
                "texts_read": read,
                "instruments": texts,
                "targets_only": n_stubs,
                "effects": effects,
                "facts_about_others": n_facts,
                "without_number": unnamed,
                "unreadable": failed,
            })
        );
    } else {
        crate::cli::output::note(crate::cli::output::tr(
            &crate::messages::RI_TEXTS,
            &[
                &out.display(),
                &read,
                &texts,
                &n_stubs,
                &effects,
                &n_facts,
                &unnamed.len(),
                &if unnamed.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({})",
                        unnamed
                            .iter()
                            .take(5)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
                &failed,
            ],
        ));
    }
    Ok(if failed > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}
