//! `cancu cites INSTRUMENT [PATHS] [--index DIR]`: every document and section citing an
//! instrument, however the query and the text write it. With an index, the index picks the
//! files that may cite it (a term lookup on the citation keys) and only those are read and
//! analysed; the answer is the same as scanning, since the same graph analysis decides.
//! A stale index does not change the answer: every file under PATHS is hashed and compared
//! with the hash the index holds; files changed or added since indexing are read directly
//! (and named in a warning), indexed files that are gone are left out.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::{parse_query, Graph, Target};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instrument: "Nghị định 168/2018/NĐ-CP", "NĐ 168", "nghi dinh 168 2018",
    /// "Luật DQTV", "28-NQ/TW 2008", or a registry id.
    pub instrument: String,
    #[arg(help = crate::cli::places::paths_help("Where to look for citing documents"))]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub format: crate::cli::output::ListFormatArgs,
    /// Use the search index in DIR (built by `cancu index`) to pick the files to read;
    /// files changed or added since indexing are read anyway, with a warning. Without it,
    /// or when DIR does not exist, PATHS are scanned.
    #[arg(long = "index", value_name = "DIR")]
    pub index: Option<PathBuf>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// Read documents as (path, text) pairs; returns them and the number of unreadable files.
pub fn read_docs(paths: &[PathBuf]) -> (Vec<(String, String)>, usize) {
    let (docs, errors) = crate::cli::extract::read_inputs(paths);
    (docs.into_iter().map(|d| (d.path, d.text)).collect(), errors)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut s_out = String::new();
    let reg = args.registry.load_for(&args.paths)?;
    let Some(target) = parse_query(&args.instrument, &reg) else {
        anyhow::bail!("{:?}: not read as an instrument (try \"Nghị định 168/2018/NĐ-CP\", \"NĐ 168\", \"Luật DQTV\")", args.instrument);
    };
    let (docs, errors) = match args
        .index
        .as_deref()
        .filter(|d| d.join("meta.json").is_file())
    {
        Some(dir) => read_with_index(dir, &args.paths, &target.citation_keys(&reg))?,
        None => read_docs(&args.paths),
    };
    let g = Graph::build(&docs, &reg);
    let hits = g.cites(&target);
    let mut docs_hit: Vec<&str> = hits.iter().map(|h| h.path).collect();
    docs_hit.dedup();
    let format = args.format.get();
    if format == crate::cli::output::ListFormat::Ndjson {
        for h in &hits {
            let _ = writeln!(s_out, "{}", serde_json::to_string(h)?);
        }
    } else if format == crate::cli::output::ListFormat::Json {
        let v = serde_json::json!({
            "query": args.instrument,
            "target": target,
            "registry_entries": crate::graph::registry_entries(&target, &reg),
            "documents": docs_hit.len(),
            "citations": hits.len(),
            "hits": hits,
        });
        let _ = writeln!(s_out, "{}", serde_json::to_string_pretty(&v)?);
    } else {
        let what = match &target {
            Target::Instrument { id } => reg
                .get(id)
                .map(|i| format!("{} ({id})", i.label()))
                .unwrap_or(id.clone()),
            Target::Ambiguous { ids } => format!("any of {} (ambiguous query)", ids.join(", ")),
            Target::Loose {
                number,
                symbol,
                year,
                ..
            } => format!(
                "{number}{} {} (as written in the documents)",
                symbol
                    .as_deref()
                    .map(|s| format!("/{s}"))
                    .unwrap_or_default(),
                year.map(|y| y.to_string()).unwrap_or_default()
            ),
            Target::LawName { name, .. } => format!("{name} (not in the law table)"),
            Target::Work { name, year } => match year {
                Some(y) => format!("{name}, the version of {y}"),
                None => format!("{name}, every version"),
            },
        };
        let _ = writeln!(
            s_out,
            "{what}: {} citations in {} documents",
            hits.len(),
            docs_hit.len()
        );
        // Grouped by version (a work) or by instrument (a loose query matching several).
        let mut groups: Vec<Option<&str>> = hits.iter().map(|h| h.group.as_deref()).collect();
        groups.sort();
        groups.dedup();
        let grouped = matches!(target, Target::Work { .. }) || groups.len() > 1;
        if grouped && groups.len() > 1 {
            let _ = writeln!(s_out, "  (several instruments or versions: grouped)");
        }
        for g in &groups {
            let mine: Vec<_> = hits
                .iter()
                .filter(|h| !grouped || h.group.as_deref() == *g)
                .collect();
            if grouped {
                let mut docs: Vec<&str> = mine.iter().map(|h| h.path).collect();
                docs.dedup();
                let _ = writeln!(
                    s_out,
                    "{}: {} citations in {} documents",
                    g.unwrap_or("-"),
                    mine.len(),
                    docs.len()
                );
            }
            for h in mine {
                let sec = h
                    .section
                    .map(|s| format!("{} {}", s.path, s.heading))
                    .unwrap_or_else(|| "(preamble)".into());
                let amb = if h.ambiguous {
                    "  [ambiguous citation]"
                } else {
                    ""
                };
                let _ = writeln!(s_out, "  {}:{}  [{}]  {}{amb}", h.path, h.line, sec, h.text);
            }
            if !grouped {
                break;
            }
        }
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(crate::cli::output::lookup(!hits.is_empty(), errors))
}

/// The documents a scan of `paths` would read that may cite the target, chosen with the
/// index in `dir`: indexed files whose content is unchanged are read only when the index
/// lists them as citing one of `keys`; changed and unindexed files are always read. Warns on
/// stderr when the index is out of date.
fn read_with_index(
    dir: &Path,
    paths: &[PathBuf],
    keys: &[String],
) -> anyhow::Result<(Vec<(String, String)>, usize)> {
    let index = crate::index::SearchIndex::open(dir)?;
    let roots: Vec<PathBuf> = crate::cli::places::inputs_or_default(paths)?;
    // Standard input is not in the index: read as it is.
    let (stdin, roots): (Vec<PathBuf>, Vec<PathBuf>) =
        roots.into_iter().partition(|p| p.as_os_str() == "-");
    let (files, errs) = crate::source::expand(&roots);
    let mut errors = 0;
    for e in errs {
        eprintln!("error: {e}");
        errors += 1;
    }
    let on_disk: Vec<(String, Option<String>)> = files
        .iter()
        .map(|f| {
            let hash = std::fs::read(f)
                .ok()
                .map(|b| crate::index::update::content_hash(&b));
            (f.display().to_string(), hash)
        })
        .collect();
    let indexed: BTreeMap<String, String> = index
        .indexed_files()?
        .into_iter()
        .map(|(p, h)| (lexical(&p), h))
        .collect();
    let candidates: BTreeSet<String> = index
        .plans_with_citation_keys(keys)?
        .iter()
        .map(|p| lexical(p))
        .collect();
    let roots: Vec<String> = roots
        .iter()
        .map(|r| lexical(&r.display().to_string()))
        .collect();
    let t = triage(&on_disk, &indexed, &candidates, &roots);
    if let Some(w) = t.warning(dir) {
        eprintln!("{w}");
    }
    let mut to_read: Vec<PathBuf> = stdin;
    to_read.extend(t.read.iter().map(|&i| files[i].clone()));
    if to_read.is_empty() {
        return Ok((Vec::new(), errors));
    }
    let (docs, more) = read_docs(&to_read);
    Ok((docs, errors + more))
}

/// A path written without "." components ("./corpus/plans/a.txt" → "corpus/plans/a.txt"),
/// so that paths given as the index was built and as the question is asked compare equal.
fn lexical(p: &str) -> String {
    let clean: PathBuf = Path::new(p)
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    clean.display().to_string()
}

/// How the files on disk compare with the index ("chỉ mục cũ"), and which to read.
#[derive(Debug, Default, PartialEq, Eq)]
struct Triage {
    /// Indices into the files on disk to read: candidates of the index, changed, new, unreadable.
    read: Vec<usize>,
    /// Indexed files whose content changed since indexing.
    changed: Vec<String>,
    /// Files not in the index.
    added: Vec<String>,
    /// Indexed files under the roots that are gone.
    removed: Vec<String>,
}

/// Sort the files on disk (path, content hash; None when unreadable) against the index
/// (lexical path → hash), its candidate files (lexical paths) and the roots (lexical).
fn triage(
    on_disk: &[(String, Option<String>)],
    indexed: &BTreeMap<String, String>,
    candidates: &BTreeSet<String>,
    roots: &[String],
) -> Triage {
    let mut t = Triage::default();
    let mut seen = BTreeSet::new();
    for (i, (path, hash)) in on_disk.iter().enumerate() {
        let key = lexical(path);
        match (indexed.get(&key), hash) {
            (Some(old), Some(new)) if old == new => {
                if candidates.contains(&key) {
                    t.read.push(i);
                }
            }
            (Some(_), Some(_)) => {
                t.changed.push(path.clone());
                t.read.push(i);
            }
            (None, Some(_)) => {
                t.added.push(path.clone());
                t.read.push(i);
            }
            // Unreadable: reading it again reports the error as a scan does.
            (_, None) => t.read.push(i),
        }
        seen.insert(key);
    }
    t.removed = indexed
        .keys()
        .filter(|p| !seen.contains(*p))
        .filter(|p| roots.iter().any(|r| Path::new(p).starts_with(r)))
        .cloned()
        .collect();
    t
}

impl Triage {
    /// "warning: index idx is out of date: ..." when it is; None when it is not.
    fn warning(&self, dir: &Path) -> Option<String> {
        let part = |paths: &[String], one: &str, many: &str| -> Option<String> {
            if paths.is_empty() {
                return None;
            }
            let named: Vec<&str> = paths.iter().take(2).map(String::as_str).collect();
            let more = if paths.len() > 2 { ", ..." } else { "" };
            let what = if paths.len() == 1 { one } else { many };
            Some(format!(
                "{} {what} ({}{more})",
                paths.len(),
                named.join(", ")
            ))
        };
        let parts: Vec<String> = [
            part(
                &self.changed,
                "file changed since indexing",
                "files changed since indexing",
            ),
            part(
                &self.added,
                "file not in the index",
                "files not in the index",
            ),
            part(&self.removed, "indexed file gone", "indexed files gone"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "warning: index {} is out of date: {}; changed and unindexed files were read \
             directly, so the answer is complete; run `cancu index` to update the index",
            dir.display(),
            parts.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        on_disk: &[(&str, Option<&str>)],
        indexed: &[(&str, &str)],
        candidates: &[&str],
        expected: (&[usize], &[&str], &[&str], &[&str]),
    ) {
        let disk: Vec<(String, Option<String>)> = on_disk
            .iter()
            .map(|(p, h)| (p.to_string(), h.map(String::from)))
            .collect();
        let indexed: BTreeMap<String, String> = indexed
            .iter()
            .map(|(p, h)| (p.to_string(), h.to_string()))
            .collect();
        let candidates: BTreeSet<String> = candidates.iter().map(|p| p.to_string()).collect();
        let t = triage(&disk, &indexed, &candidates, &["plans".to_string()]);
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let want = Triage {
            read: expected.0.to_vec(),
            changed: strings(expected.1),
            added: strings(expected.2),
            removed: strings(expected.3),
        };
        assert_eq!(t, want, "{on_disk:?} against {indexed:?}");
    }

    #[test]
    fn triage_table() {
        // (on disk, indexed, candidates) → (read, changed, added, removed)
        // Fresh: only the candidates are read.
        check(
            &[("plans/a.txt", Some("1")), ("plans/b.txt", Some("2"))],
            &[("plans/a.txt", "1"), ("plans/b.txt", "2")],
            &["plans/b.txt"],
            (&[1], &[], &[], &[]),
        );
        // Changed (not a candidate), new, gone; "./" written differently.
        check(
            &[
                ("./plans/a.txt", Some("9")),
                ("plans/b.txt", Some("2")),
                ("plans/c.txt", Some("3")),
            ],
            &[
                ("plans/a.txt", "1"),
                ("plans/b.txt", "2"),
                ("plans/d.txt", "4"),
            ],
            &["plans/d.txt"],
            (
                &[0, 2],
                &["./plans/a.txt"],
                &["plans/c.txt"],
                &["plans/d.txt"],
            ),
        );
        // Unreadable: read (the scan reports the error), not counted as changed.
        check(
            &[("plans/a.txt", None)],
            &[("plans/a.txt", "1")],
            &[],
            (&[0], &[], &[], &[]),
        );
        // Indexed files outside the roots are not "gone".
        check(
            &[],
            &[("other/x.txt", "1")],
            &["other/x.txt"],
            (&[], &[], &[], &[]),
        );
    }

    #[test]
    fn warning_names_counts_and_two_paths() {
        let t = Triage {
            read: vec![],
            changed: vec!["a".into(), "b".into(), "c".into()],
            added: vec!["n".into()],
            removed: vec![],
        };
        assert_eq!(
            t.warning(Path::new("idx")).as_deref(),
            Some(
                "warning: index idx is out of date: 3 files changed since indexing (a, b, ...), \
                 1 file not in the index (n); changed and unindexed files were read directly, \
                 so the answer is complete; run `cancu index` to update the index"
            )
        );
        assert_eq!(Triage::default().warning(Path::new("idx")), None);
    }
}
