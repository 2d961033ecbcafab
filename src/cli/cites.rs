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
use crate::messages as m;
use std::collections::{BTreeMap, BTreeSet};
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

/// One document's hits, rendered in the worker for the format asked.
#[derive(Default)]
struct DocHits {
    path: String,
    hits: usize,
    /// ndjson lines, JSON values or text lines (one per hit, per the format).
    lines: Vec<String>,
    values: Vec<serde_json::Value>,
    /// For text: each hit's group (the version or instrument it resolved to) and path.
    groups: Vec<(Option<String>, String)>,
    /// What the hits say of instruments the registry lacks (merged over every document).
    observed: Vec<crate::observed::Observation>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let reg = args
        .registry
        .load_with_index(&args.paths, args.index.as_deref())?;
    let Some(target) = parse_query(&args.instrument, &reg) else {
        anyhow::bail!(
            "{}",
            crate::cli::output::tr(
                &crate::messages::E_NOT_INSTRUMENT,
                &[&format!("{:?}", args.instrument)]
            )
        );
    };
    // With an index, only the files it picks are read (none: nothing, not the default corpus).
    let (paths, mut errors, nothing_to_read) = match args
        .index
        .as_deref()
        .filter(|d| d.join("meta.json").is_file())
    {
        Some(dir) => {
            let (paths, errors) = pick_with_index(dir, &args.paths, &target.citation_keys(&reg))?;
            let none = paths.is_empty();
            (paths, errors, none)
        }
        None => (args.paths.clone(), 0, false),
    };
    let format = args.format.get();
    use crate::cli::output::ListFormat;
    // Each document is read and analysed on its own, on all cores: its hits do not depend
    // on the other documents.
    let per_doc = |d: crate::source::SourceFile| -> anyhow::Result<DocHits> {
        let g = Graph::build(&[(d.path, d.text)], &reg);
        let hits = g.cites(&target);
        let mut out = DocHits {
            path: g
                .documents
                .first()
                .map(|d| d.path.clone())
                .unwrap_or_default(),
            hits: hits.len(),
            observed: observations(&hits),
            ..Default::default()
        };
        for h in &hits {
            match format {
                ListFormat::Ndjson => out.lines.push(serde_json::to_string(h)?),
                ListFormat::Json => out.values.push(serde_json::to_value(h)?),
                ListFormat::Text => {
                    let lang = crate::cli::output::lang();
                    let sec = h
                        .section
                        .map(|s| format!("{} {}", s.path, s.heading))
                        .unwrap_or_else(|| m::s(lang, &m::PREAMBLE));
                    let amb = if h.ambiguous {
                        format!("  [{}]", m::s(lang, &m::AMBIGUOUS_CITATION))
                    } else {
                        String::new()
                    };
                    out.lines.push(format!(
                        "  {}:{}  [{}]  {}{amb}",
                        h.path, h.line, sec, h.text
                    ));
                    out.groups.push((h.group.clone(), h.path.to_string()));
                }
            }
        }
        Ok(out)
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let (mut hits, mut docs_hit) = (0usize, 0usize);
    let mut last_hit: Option<String> = None;
    let mut lines: Vec<String> = Vec::new();
    let mut text_hits: Vec<(Option<String>, String, String)> = Vec::new();
    let mut values: Vec<serde_json::Value> = Vec::new();
    let mut observed: Vec<crate::observed::Observation> = Vec::new();
    if !nothing_to_read {
        errors += crate::cli::extract::map_inputs(
            &paths,
            &crate::source::Options::default(),
            "files read",
            per_doc,
            |d| {
                let mut d = d?;
                observed.append(&mut d.observed);
                if d.hits > 0 {
                    hits += d.hits;
                    if last_hit.as_deref() != Some(d.path.as_str()) {
                        docs_hit += 1;
                    }
                    last_hit = Some(d.path);
                }
                if format == ListFormat::Ndjson {
                    // Streamed: each document's hits as soon as they are known.
                    for l in &d.lines {
                        writeln!(w, "{l}")?;
                    }
                    w.flush()?;
                } else {
                    if format == ListFormat::Text {
                        text_hits.extend(
                            d.groups
                                .into_iter()
                                .zip(d.lines)
                                .map(|((g, p), l)| (g, p, l)),
                        );
                    } else {
                        lines.extend(d.lines);
                    }
                    values.extend(d.values);
                }
                Ok(())
            },
        )?;
    }
    if format == ListFormat::Json {
        let v = serde_json::json!({
            "query": args.instrument,
            "target": target,
            "registry_entries": crate::graph::registry_entries(&target, &reg),
            "documents": docs_hit,
            "citations": hits,
            "observed": crate::observed::merge(observed),
            "hits": values,
        });
        writeln!(w, "{}", serde_json::to_string_pretty(&v)?)?;
    } else if format == ListFormat::Text {
        let lang = crate::cli::output::lang();
        let what = match &target {
            Target::Instrument { id } => reg
                .get(id)
                .map(|i| format!("{} ({id})", i.label()))
                .unwrap_or(id.clone()),
            Target::Ambiguous { ids } => m::tr(lang, &m::CI_AMBIGUOUS_QUERY, &[&ids.join(", ")]),
            Target::Loose {
                number,
                symbol,
                year,
                ..
            } => m::tr(
                lang,
                &m::CI_LOOSE,
                &[&format!(
                    "{number}{} {}",
                    symbol
                        .as_deref()
                        .map(|s| format!("/{s}"))
                        .unwrap_or_default(),
                    year.map(|y| y.to_string()).unwrap_or_default()
                )],
            ),
            Target::LawName { name, .. } => m::tr(lang, &m::CI_LAW_NAME, &[name]),
            Target::Work { name, year } => match year {
                Some(y) => m::tr(lang, &m::CI_WORK_YEAR, &[name, y]),
                None => m::tr(lang, &m::CI_WORK_ALL, &[name]),
            },
        };
        writeln!(
            w,
            "{}",
            m::tr(lang, &m::CI_TOTAL, &[&what, &hits, &docs_hit])
        )?;
        write_observed(&mut w, crate::observed::merge(observed), lang)?;
        // Grouped by version (a work) or by instrument (a loose query matching several).
        let mut groups: Vec<Option<&str>> =
            text_hits.iter().map(|(g, _, _)| g.as_deref()).collect();
        groups.sort();
        groups.dedup();
        let grouped = matches!(target, Target::Work { .. }) || groups.len() > 1;
        if grouped && groups.len() > 1 {
            writeln!(w, "{}", m::s(lang, &m::CI_GROUPED))?;
        }
        for g in &groups {
            let mine: Vec<_> = text_hits
                .iter()
                .filter(|(x, _, _)| !grouped || x.as_deref() == *g)
                .collect();
            if grouped {
                let mut docs: Vec<&str> = mine.iter().map(|(_, p, _)| p.as_str()).collect();
                docs.dedup();
                writeln!(
                    w,
                    "{}",
                    m::tr(
                        lang,
                        &m::CI_TOTAL,
                        &[&g.unwrap_or("-"), &mine.len(), &docs.len()]
                    )
                )?;
            }
            for (_, _, l) in mine {
                writeln!(w, "{l}")?;
            }
            if !grouped {
                break;
            }
        }
    }
    w.flush()?;
    Ok(crate::cli::output::lookup(hits > 0, errors))
}

/// What the hits say of the instruments the registry lacks.
fn observations(hits: &[crate::graph::Hit<'_>]) -> Vec<crate::observed::Observation> {
    hits.iter()
        .filter_map(|h| crate::observed::observe(h.citation, h.path))
        .collect()
}

/// One line per observed instrument the hits name: not in the registry, status unknown.
fn write_observed(
    w: &mut impl std::io::Write,
    observed: Vec<crate::observed::ObservedInstrument>,
    lang: m::Lang,
) -> std::io::Result<()> {
    for o in observed {
        let dates: Vec<String> = o.dates.iter().map(|d| d.date.vietnamese()).collect();
        let dates = if dates.is_empty() {
            String::new()
        } else if o.conflict {
            m::tr(lang, &m::DATES_CONFLICT, &[&dates.join(" / ")])
        } else {
            format!("; {}", dates.join(""))
        };
        let title = o
            .title
            .as_ref()
            .map(|t| format!("; {t}"))
            .unwrap_or_default();
        writeln!(
            w,
            "{}",
            m::tr(
                lang,
                &m::CI_OBSERVED,
                &[
                    &o.label(),
                    &o.id,
                    &title,
                    &dates,
                    &o.citations,
                    &o.documents.len()
                ]
            )
        )?;
    }
    Ok(())
}

/// The files a scan of `paths` would read that may cite the target, chosen with the
/// index in `dir`: indexed files whose content is unchanged are read only when the index
/// lists them as citing one of `keys`; changed and unindexed files are always read. Warns on
/// stderr when the index is out of date. Returns the files to read (empty: none) and the
/// number of errors met.
fn pick_with_index(
    dir: &Path,
    paths: &[PathBuf],
    keys: &[String],
) -> anyhow::Result<(Vec<PathBuf>, usize)> {
    let index = crate::index::SearchIndex::open(dir)?;
    let roots: Vec<PathBuf> = crate::cli::places::inputs_or_default(paths)?;
    // Standard input is not in the index: read as it is.
    let (stdin, roots): (Vec<PathBuf>, Vec<PathBuf>) =
        roots.into_iter().partition(|p| p.as_os_str() == "-");
    let (files, errs) = crate::source::expand(&roots);
    let mut errors = 0;
    for e in errs {
        crate::cli::output::file_error(&e);
        errors += 1;
    }
    let limit = crate::source::DEFAULT_MAX_BYTES;
    let on_disk: Vec<(String, Option<String>)> = files
        .iter()
        .map(|f| {
            let hash = crate::source::read_bytes(f, limit)
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
    if let Some(w) = t.warning(dir, crate::cli::output::lang()) {
        eprintln!("{w}");
    }
    let mut to_read: Vec<PathBuf> = stdin;
    to_read.extend(t.read.iter().map(|&i| files[i].clone()));
    Ok((to_read, errors))
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
    /// "cảnh báo: chỉ mục idx đã cũ: ..." ("warning: index idx is out of date: ...") when it
    /// is; None when it is not.
    fn warning(&self, dir: &Path, lang: m::Lang) -> Option<String> {
        let part = |paths: &[String], one: &m::Msg, many: &m::Msg| -> Option<String> {
            if paths.is_empty() {
                return None;
            }
            let named: Vec<&str> = paths.iter().take(2).map(String::as_str).collect();
            let more = if paths.len() > 2 { ", ..." } else { "" };
            let what = if paths.len() == 1 { one } else { many };
            Some(m::tr(
                lang,
                what,
                &[&paths.len(), &format!("{}{more}", named.join(", "))],
            ))
        };
        let parts: Vec<String> = [
            part(
                &self.changed,
                &m::CI_STALE_CHANGED_ONE,
                &m::CI_STALE_CHANGED_MANY,
            ),
            part(&self.added, &m::CI_STALE_ADDED_ONE, &m::CI_STALE_ADDED_MANY),
            part(&self.removed, &m::CI_STALE_GONE_ONE, &m::CI_STALE_GONE_MANY),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            return None;
        }
        Some(m::tr(
            lang,
            &m::CI_STALE,
            &[&m::SEV_WARNING.get(lang), &dir.display(), &parts.join(", ")],
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
            t.warning(Path::new("idx"), m::Lang::En).as_deref(),
            Some(
                "warning: index idx is out of date: 3 files changed since indexing (a, b, ...), \
                 1 file not in the index (n); changed and unindexed files were read directly, \
                 so the answer is complete; run `cancu index` to update the index"
            )
        );
        assert_eq!(
            t.warning(Path::new("idx"), m::Lang::Vi).as_deref(),
            Some(
                "cảnh báo: chỉ mục idx đã cũ: 3 tệp đã sửa từ khi lập chỉ mục (a, b, ...), \
                 1 tệp chưa có trong chỉ mục (n); các tệp đã sửa hoặc chưa có trong chỉ mục được \
                 đọc trực tiếp nên câu trả lời vẫn đầy đủ; chạy `cancu index` để cập nhật chỉ mục"
            )
        );
        assert_eq!(
            Triage::default().warning(Path::new("idx"), m::Lang::Vi),
            None
        );
    }
}
