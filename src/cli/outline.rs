//! `cancu outline DOCUMENT [--format text|json]`: a plan's table of contents — every item's path
//! ("II.1.c"), heading, line, and the instruments it cites in its own text or through the
//! footnotes it calls.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::Graph;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan: a file path, or the name of a plan of the bundled corpus (corpus/plans),
    /// with or without ".txt".
    pub document: PathBuf,
    #[command(flatten)]
    pub format: crate::cli::output::FormatArgs,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

/// An instrument as the outline lists it.
#[derive(Serialize)]
struct Cited<'a> {
    id: &'a str,
    label: &'a str,
    resolved: bool,
    via_footnote: bool,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    footnotes: &'a [String],
    lines: &'a [usize],
}

#[derive(Serialize)]
struct Item<'a> {
    path: &'a str,
    heading: &'a str,
    line: usize,
    instruments: Vec<Cited<'a>>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let reg = args.registry.load()?;
    let document = crate::cli::basis::plan_path(&args.document);
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
    let per_section = g.section_instruments(doc, &reg);
    let mut s_out = String::new();
    if args.format.get() == crate::cli::output::Format::Json {
        let sections: Vec<Item> = doc
            .outline
            .sections
            .iter()
            .zip(&per_section)
            .map(|(s, list)| Item {
                path: &s.path,
                heading: &s.heading,
                line: s.line,
                instruments: list
                    .iter()
                    .map(|b| Cited {
                        id: &b.id,
                        label: &b.label,
                        resolved: b.resolved,
                        via_footnote: b.via_footnote,
                        footnotes: &b.footnotes,
                        lines: &b.lines,
                    })
                    .collect(),
            })
            .collect();
        let v = serde_json::json!({
            "document": doc.path,
            "date": doc.date,
            "sections": sections,
            "plan_basis": g.plan_basis(doc, &reg),
            "footnotes": doc.outline.footnotes.iter().map(|f| serde_json::json!({
                "label": f.label,
                "line": f.line,
                "called_from": doc.outline.callers(f),
            })).collect::<Vec<_>>(),
        });
        let _ = writeln!(s_out, "{}", serde_json::to_string_pretty(&v)?);
    } else {
        use crate::messages as m;
        let lang = crate::cli::output::lang();
        if doc.outline.sections.is_empty() {
            let _ = writeln!(s_out, "{}", m::tr(lang, &m::OU_NONE, &[&doc.path]));
        }
        for (s, list) in doc.outline.sections.iter().zip(&per_section) {
            let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)).min(4));
            let item = m::tr(lang, &m::OU_ITEM, &[&s.path, &s.heading, &s.line]);
            let _ = writeln!(s_out, "{indent}{item}");
            for b in list {
                let via = if b.via_footnote {
                    format!(
                        "  ({})",
                        m::tr(lang, &m::FOOTNOTES, &[&b.footnotes.join(", ")])
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(s_out, "{indent}    → {}{via}", b.label);
            }
        }
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    // A lookup: 1 when the plan has no outline item at all.
    Ok(crate::cli::output::lookup(
        !doc.outline.sections.is_empty(),
        errors,
    ))
}
