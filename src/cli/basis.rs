//! `cancu basis DOCUMENT [--section II.1 | --task WORDS]`: the instruments backing a section
//! or task of a plan, with their status, and always, apart, the plan's own basis (the
//! instruments of its opening "Căn cứ … / Thực hiện …" paragraphs).

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::{Backing, Graph};
use crate::messages as m;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// How many ranked items `--task` prints.
const SHOWN: usize = 5;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan: a file path, or the name of a plan of the bundled corpus (corpus/plans),
    /// with or without its extension.
    pub document: PathBuf,
    /// An outline path ("II.1", "IV.2.a", "IV#2.1"), as `cancu outline` prints them.
    #[arg(long, conflicts_with = "task")]
    pub section: Option<String>,
    /// Words of a task ("quản lý đất quốc phòng"): diacritics optional, punctuation and
    /// word order free; the plan's items are ranked and the best one's basis is shown.
    #[arg(long)]
    pub task: Option<String>,
    #[command(flatten)]
    pub format: crate::cli::output::FormatArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// A plan given by path, or by name in the bundled corpus ("ke-hoach-qpdp-2024-xa-xuan-luong",
/// with or without ".txt").
pub fn plan_path(document: &Path) -> PathBuf {
    if document.exists() {
        return document.to_path_buf();
    }
    crate::cli::places::bundled_plan(document).unwrap_or_else(|| document.to_path_buf())
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut s_out = String::new();
    let document = plan_path(&args.document);
    let reg = args.registry.load_for(std::slice::from_ref(&document))?;
    let (docs, errors) = crate::cli::cites::read_docs(std::slice::from_ref(&document));
    if docs.is_empty() {
        anyhow::bail!(
            "{}",
            crate::cli::output::tr(
                &crate::messages::E_NOTHING_READ,
                &[&args.document.display()]
            )
        );
    }
    let g = Graph::build(&docs[..1], &reg);
    let doc = &g.documents[0];
    if let Some(s) = &args.section {
        if doc.outline.find(s).is_none() {
            let known: Vec<&str> = doc
                .outline
                .sections
                .iter()
                .map(|s| s.path.as_str())
                .collect();
            anyhow::bail!(
                "{}",
                crate::cli::output::tr(
                    &crate::messages::E_NO_SECTION,
                    &[&doc.path, &format!("{s:?}"), &known.join(", ")]
                )
            );
        }
    }
    let ranked = args
        .task
        .as_deref()
        .map(|t| doc.rank_task(t))
        .unwrap_or_default();
    let (paths, list) = match (&args.section, &args.task) {
        (Some(s), _) => g.basis(doc, Some(s), None, &reg),
        (None, Some(_)) => match ranked.first() {
            Some(best) => g.basis(doc, Some(&best.path), None, &reg),
            None => (vec![], vec![]),
        },
        (None, None) => g.basis(doc, None, None, &reg),
    };
    let plan_basis = g.plan_basis(doc, &reg);
    let heading = |p: &str| doc.outline.find(p).map(|s| (s.line, s.heading.clone()));
    if args.format.get() == crate::cli::output::Format::Json {
        let sections: Vec<serde_json::Value> = if args.task.is_some() {
            ranked
                .iter()
                .take(SHOWN)
                .map(|r| {
                    serde_json::json!({
                        "path": r.path,
                        "line": r.line,
                        "score": (r.score * 1000.0).round() / 1000.0,
                        "heading": heading(&r.path).map(|h| h.1),
                    })
                })
                .collect()
        } else {
            paths
                .iter()
                .map(|p| {
                    let h = heading(p);
                    serde_json::json!({
                        "path": p,
                        "line": h.as_ref().map(|h| h.0),
                        "heading": h.map(|h| h.1),
                    })
                })
                .collect()
        };
        let v = serde_json::json!({
            "document": doc.path,
            "date": doc.date,
            "sections": sections,
            "instruments": list,
            "plan_basis": plan_basis,
        });
        let _ = writeln!(s_out, "{}", serde_json::to_string_pretty(&v)?);
    } else {
        let lang = crate::cli::output::lang();
        if args.task.is_some() {
            if ranked.is_empty() {
                let _ = writeln!(s_out, "{}", m::tr(lang, &m::BA_NO_MATCH, &[&doc.path]));
            }
            for r in ranked.iter().take(SHOWN) {
                let h = heading(&r.path).map(|h| h.1).unwrap_or_default();
                let _ = writeln!(
                    s_out,
                    "{}",
                    m::tr(
                        lang,
                        &m::BA_RANKED,
                        &[&format!("{:>7.3}", r.score), &r.path, &h, &r.line]
                    )
                );
            }
        }
        for p in &paths {
            let h = heading(p).map(|h| h.1).unwrap_or_default();
            let _ = writeln!(s_out, "{}", m::tr(lang, &m::BA_BASIS_OF, &[p, &h]));
            if list.is_empty() {
                let _ = writeln!(s_out, "{}", m::s(lang, &m::BA_NONE_OWN));
            }
        }
        print_backings(&mut s_out, &list);
        let _ = writeln!(s_out, "{}", m::s(lang, &m::BA_PLAN_BASIS));
        if plan_basis.is_empty() {
            let _ = writeln!(s_out, "{}", m::s(lang, &m::BA_NONE));
        }
        print_backings(&mut s_out, &plan_basis);
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    // Found: the item asked for (by path or by task words) exists; for the whole plan,
    // something backs it.
    let found = if args.section.is_some() || args.task.is_some() {
        !paths.is_empty()
    } else {
        !list.is_empty() || !plan_basis.is_empty()
    };
    Ok(crate::cli::output::lookup(found, errors))
}

/// One line per instrument: label, status at the plan's date, sections, lines, footnotes.
pub fn print_backings(s_out: &mut String, list: &[Backing]) {
    let lang = crate::cli::output::lang();
    for b in list {
        let st = match (&b.status_at_document_date, &b.status) {
            (Some(s), _) => {
                let then = s
                    .in_force
                    .as_ref()
                    .filter(|x| **x != b.id)
                    .map(|x| format!(" → {x}"))
                    .unwrap_or_default();
                m::tr(lang, &m::BA_AT_DATE, &[&m::status(lang, s.status), &then])
            }
            (None, Some(s)) => crate::registry::Status::from_slug(s)
                .map(|st| m::status(lang, st).to_string())
                .unwrap_or_else(|| s.clone()),
            (None, None) => m::s(lang, &m::BA_NOT_IN_REGISTRY),
        };
        let notes = if b.footnotes.is_empty() {
            String::new()
        } else {
            format!(
                "  {}",
                m::tr(lang, &m::FOOTNOTES, &[&b.footnotes.join(", ")])
            )
        };
        let sections = if b.sections.is_empty() {
            String::new()
        } else {
            format!("  [{}]", b.sections.join(", "))
        };
        let _ = writeln!(
            s_out,
            "  {:<40} {}{sections}  {}{notes}",
            b.label,
            st,
            m::tr(
                lang,
                &m::BA_LINES,
                &[&b.lines
                    .iter()
                    .map(|l| l.to_string())
                    .collect::<Vec<_>>()
                    .join(",")]
            )
        );
    }
}
