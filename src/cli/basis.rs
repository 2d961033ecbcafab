//! `cancu basis DOCUMENT [--section II.1 | --task WORDS]`: the instruments backing a section
//! or task of a plan, with their status.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::Graph;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan: a file path, or the name of a plan of the bundled corpus (corpus/plans).
    pub document: PathBuf,
    /// An outline path ("II.1", "IV.2.a").
    #[arg(long, conflicts_with = "task")]
    pub section: Option<String>,
    /// Words of a task ("quản lý đất quốc phòng"); diacritics optional.
    #[arg(long)]
    pub task: Option<String>,
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut s_out = String::new();
    let reg = args
        .registry
        .load_for(std::slice::from_ref(&args.document))?;
    // A plan named without its folder: look in the corpus.
    let document = if !args.document.exists()
        && args.document.components().count() == 1
        && std::path::Path::new("corpus/plans")
            .join(&args.document)
            .is_file()
    {
        std::path::Path::new("corpus/plans").join(&args.document)
    } else {
        args.document.clone()
    };
    let (docs, errors) = crate::cli::cites::read_docs(std::slice::from_ref(&document));
    if docs.is_empty() {
        anyhow::bail!("{}: nothing read", args.document.display());
    }
    let g = Graph::build(&docs[..1], &reg);
    let doc = &g.documents[0];
    if let Some(s) = &args.section {
        if doc.outline.find(s.trim_end_matches('.')).is_none() {
            let known: Vec<&str> = doc
                .outline
                .sections
                .iter()
                .map(|s| s.path.as_str())
                .collect();
            anyhow::bail!(
                "{}: no section {s:?} (sections: {})",
                doc.path,
                known.join(", ")
            );
        }
    }
    let (paths, list) = g.basis(doc, args.section.as_deref(), args.task.as_deref(), &reg);
    // A part of the plan that cites nothing itself rests on the plan's general basis: the
    // instruments of its "Căn cứ ..." preamble, shown as inherited.
    let inherited = if list.is_empty() && !paths.is_empty() {
        g.preamble_basis(doc, &reg)
    } else {
        Vec::new()
    };
    if args.json {
        let v = serde_json::json!({
            "document": doc.path,
            "date": doc.date,
            "sections": paths,
            "instruments": list,
            "inherited_from_preamble": inherited,
        });
        let _ = writeln!(s_out, "{}", serde_json::to_string_pretty(&v)?);
    } else {
        let heading = |p: &str| {
            doc.outline
                .find(p)
                .map(|s| format!("{p} {}", s.heading))
                .unwrap_or_else(|| p.to_string())
        };
        if args.task.is_some() && paths.is_empty() {
            let _ = writeln!(s_out, "{}: no section matches the task", doc.path);
        }
        for p in &paths {
            let _ = writeln!(s_out, "{}", heading(p));
        }
        if list.is_empty() && !paths.is_empty() {
            let _ = writeln!(
                s_out,
                "  (no instrument cited there; the plan's general basis, from its preamble:)"
            );
        }
        print_backings(&mut s_out, &list);
        print_backings(&mut s_out, &inherited);
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}

/// One line per instrument: label, status at the plan's date, sections, lines.
fn print_backings(s_out: &mut String, list: &[crate::graph::Backing]) {
    for b in list {
        let st = match (&b.status_at_document_date, &b.status) {
            (Some(s), _) => {
                let then = s
                    .in_force
                    .as_ref()
                    .filter(|x| **x != b.id)
                    .map(|x| format!(" → {x}"))
                    .unwrap_or_default();
                format!("{} at the plan's date{then}", s.status)
            }
            (None, Some(s)) => s.clone(),
            (None, None) => "not in the registry".into(),
        };
        let _ = writeln!(
            s_out,
            "  {:<40} {}  [{}]  lines {}",
            b.label,
            st,
            b.sections.join(", "),
            b.lines
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
    }
}
