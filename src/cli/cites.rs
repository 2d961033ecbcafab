//! `cancu cites INSTRUMENT [PATHS] [--index DIR]`: every document and section citing an
//! instrument, however the query and the text write it. With an index, the index picks the
//! files that may cite it (a term lookup on the citation keys) and only those are read and
//! analysed; the answer is the same as scanning, since the same graph analysis decides.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::{parse_query, Graph, Target};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instrument: "Nghị định 168/2018/NĐ-CP", "NĐ 168", "nghi dinh 168 2018",
    /// "Luật DQTV", "28-NQ/TW 2008", or a registry id.
    pub instrument: String,
    /// Files or directories (default: corpus/plans).
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
    /// Use the search index in DIR (built by `cancu index`) to pick the files to read;
    /// without it, or when DIR does not exist, PATHS are scanned.
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
    let reg = args.registry.load()?;
    let Some(target) = parse_query(&args.instrument, &reg) else {
        anyhow::bail!("{:?}: not read as an instrument (try \"Nghị định 168/2018/NĐ-CP\", \"NĐ 168\", \"Luật DQTV\")", args.instrument);
    };
    let (docs, errors) = match args
        .index
        .as_deref()
        .filter(|d| d.join("meta.json").is_file())
    {
        Some(dir) => {
            let index = crate::index::SearchIndex::open(dir)?;
            let mut files = index.plans_with_citation_keys(&target.citation_keys(&reg))?;
            // PATHS given: only the indexed files under them.
            if !args.paths.is_empty() {
                files.retain(|f| args.paths.iter().any(|r| Path::new(f).starts_with(r)));
            }
            let files: Vec<PathBuf> = files.into_iter().map(PathBuf::from).collect();
            if files.is_empty() {
                (Vec::new(), 0)
            } else {
                read_docs(&files)
            }
        }
        None => read_docs(&args.paths),
    };
    let g = Graph::build(&docs, &reg);
    let hits = g.cites(&target);
    let mut docs_hit: Vec<&str> = hits.iter().map(|h| h.path).collect();
    docs_hit.dedup();
    if args.json {
        let v = serde_json::json!({
            "query": args.instrument,
            "target": target,
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
                "{number}{} {} (not in the registry)",
                symbol
                    .as_deref()
                    .map(|s| format!("/{s}"))
                    .unwrap_or_default(),
                year.map(|y| y.to_string()).unwrap_or_default()
            ),
            Target::LawName { name, .. } => format!("{name} (not in the registry)"),
        };
        let _ = writeln!(
            s_out,
            "{what}: {} citations in {} documents",
            hits.len(),
            docs_hit.len()
        );
        for h in &hits {
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
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}
