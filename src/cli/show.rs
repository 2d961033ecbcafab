//! `cancu show INSTRUMENT [PATHS]`: a registry entry, its relations both ways, and who
//! cites it.

use crate::cli::registry::RegistryArgs;
use crate::cli::Outcome;
use crate::graph::{parse_query, Graph, Target};
use crate::messages as m;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instrument, written any way `cancu cites` reads.
    pub instrument: String,
    #[arg(help = crate::cli::places::paths_help("Where to look for citing documents"))]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub format: crate::cli::output::FormatArgs,
    /// Also use what the documents of the search index in DIR (built by `cancu index`)
    /// taught about themselves: instruments among them, their dates and effects.
    #[arg(long = "index", value_name = "DIR")]
    pub index: Option<PathBuf>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut s_out = String::new();
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
    let entries = crate::graph::registry_entries(&target, &reg);
    let id = match (&target, entries.as_slice()) {
        (_, []) => return show_observed(&args, &reg, &target),
        (_, [one]) => one.clone(),
        // A work: its latest version the registry holds (the others are listed by `cites`).
        (Target::Work { .. }, [.., last]) => {
            crate::cli::output::note(m::tr(
                crate::cli::output::lang(),
                &m::SH_VERSIONS,
                &[&format!("{:?}", args.instrument), &entries.join(", ")],
            ));
            last.clone()
        }
        (_, many) => anyhow::bail!(
            "{}",
            crate::cli::output::tr(
                &crate::messages::E_SEVERAL_ENTRIES,
                &[&format!("{:?}", args.instrument), &many.join(", ")]
            )
        ),
    };
    let ins = reg.get(&id).expect("id from the registry");
    let (docs, errors) = crate::cli::cites::read_docs(&args.paths);
    let g = Graph::build(&docs, &reg);
    let hits = g.cites(&Target::Instrument { id: id.clone() });
    let rels = reg.relations_both_ways(&id);
    let effects = reg.effects_on(&id);
    if args.format.get() == crate::cli::output::Format::Json {
        let v = serde_json::json!({
            "instrument": ins,
            "origin": reg.origin(&id),
            "effects_on": effects,
            "relations": rels.iter().map(|(k, t, d)| serde_json::json!({"type": k, "target": t, "date": d})).collect::<Vec<_>>(),
            "cited_by": hits,
        });
        let _ = writeln!(s_out, "{}", serde_json::to_string_pretty(&v)?);
    } else {
        let lang = crate::cli::output::lang();
        let opt = field(lang);
        write_head(
            &mut s_out,
            lang,
            (&ins.label(), &ins.id),
            ins.kind,
            &ins.title,
            &ins.issuer,
        );
        opt(
            &mut s_out,
            &m::SH_ISSUED,
            ins.issued.map(|d| d.vietnamese()),
        );
        opt(
            &mut s_out,
            &m::SH_EFFECTIVE,
            ins.effective.map(|d| d.vietnamese()),
        );
        opt(
            &mut s_out,
            &m::SH_STATUS,
            Some(format!(
                "{} ({}){}",
                m::status(lang, ins.status),
                ins.status,
                ins.status_date
                    .map(|d| m::tr(lang, &m::SH_SINCE, &[&d.vietnamese()]))
                    .unwrap_or_default()
            )),
        );
        // The status today, derived from its dates and the effects on it.
        if let Some(st) = crate::cli::check::today().and_then(|d| reg.status_at(&id, d)) {
            if st.status != ins.status {
                opt(
                    &mut s_out,
                    &m::SH_STATUS_NOW,
                    Some(format!(
                        "{} ({}){}",
                        m::status(lang, st.status),
                        st.status,
                        st.in_force
                            .filter(|x| *x != id)
                            .map(|x| m::tr(lang, &m::SH_IN_ITS_PLACE, &[&x]))
                            .unwrap_or_default()
                    )),
                );
            }
        }
        opt(
            &mut s_out,
            &m::SH_VERIFIED,
            Some(yes_no(lang, ins.verified).to_string()),
        );
        if !ins.aliases.is_empty() {
            opt(&mut s_out, &m::SH_ALIASES, Some(ins.aliases.join("; ")));
        }
        opt(&mut s_out, &m::SH_NOTE, ins.note.clone());
        opt(&mut s_out, &m::SH_FROM, reg.origin(&id).map(str::to_string));
        for s in &ins.sources {
            opt(
                &mut s_out,
                &m::SH_SOURCE,
                Some(format!(
                    "{} ({}){}",
                    s.reference,
                    s.supports.join(", "),
                    if s.verified {
                        String::new()
                    } else {
                        m::s(lang, &m::SH_UNVERIFIED)
                    }
                )),
            );
        }
        for (k, t, d) in &rels {
            let _ = writeln!(
                s_out,
                "  {:<16} {t}{}",
                m::relation(lang, k.slug()),
                d.map(|d| format!(" ({})", d.vietnamese()))
                    .unwrap_or_default()
            );
        }
        // The timeline: in force from its effective date, then each dated effect on it with
        // the clause that states it.
        if ins.effective.is_some() || !effects.is_empty() {
            let _ = writeln!(s_out, "{}", m::s(lang, &m::SH_TIMELINE));
            if let Some(d) = ins.start() {
                let _ = writeln!(
                    s_out,
                    "    {}  {}{}",
                    d.vietnamese(),
                    m::s(lang, &m::SH_IN_FORCE_FROM),
                    ins.issued
                        .filter(|i| Some(*i) != ins.effective && ins.effective.is_some())
                        .map(|i| m::tr(lang, &m::SH_PASSED, &[&i.vietnamese()]))
                        .unwrap_or_default()
                );
            }
            for e in &effects {
                let what = m::tr(lang, &m::BY, &[&m::effect(lang, e.kind.slug(), e.whole)]);
                let _ = writeln!(
                    s_out,
                    "    {}  {what} {}{}{}",
                    e.date
                        .map(|d| d.vietnamese())
                        .unwrap_or_else(|| "??/??/????".into()),
                    e.by,
                    e.provisions
                        .as_deref()
                        .map(|p| format!(" [{p}]"))
                        .unwrap_or_default(),
                    if e.verified {
                        String::new()
                    } else {
                        m::s(lang, &m::SH_UNVERIFIED)
                    }
                );
                if let Some(src) = &e.source {
                    let _ = writeln!(
                        s_out,
                        "                {}: {src}",
                        m::s(lang, &m::SH_SOURCE)
                    );
                }
            }
        }
        let _ = writeln!(s_out, "{}", m::tr(lang, &m::SH_CITED, &[&hits.len()]));
        write_hits(&mut s_out, &hits, lang);
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}

/// Not in the registry: the instruments observed from the citations of the documents under
/// PATHS (status unknown), or "not found" (exit 1, as grep does).
fn show_observed(
    args: &Args,
    reg: &crate::registry::Registry,
    target: &Target,
) -> anyhow::Result<Outcome> {
    let (docs, errors) = crate::cli::cites::read_docs(&args.paths);
    let g = Graph::build(&docs, reg);
    let found = g.observed_matching(target);
    if found.is_empty() {
        crate::cli::output::note(m::tr(
            crate::cli::output::lang(),
            &m::NOT_IN_REGISTRY_Q,
            &[&format!("{:?}", args.instrument)],
        ));
        return Ok(Outcome::NotFound);
    }
    let mut s_out = String::new();
    if args.format.get() == crate::cli::output::Format::Json {
        let v: Vec<serde_json::Value> = found
            .iter()
            .map(|o| {
                let hits: Vec<_> = g
                    .cites(target)
                    .into_iter()
                    .filter(|h| h.observed.as_deref() == Some(o.id.as_str()))
                    .collect();
                serde_json::json!({"instrument": o, "origin": "observed", "cited_by": hits})
            })
            .collect();
        let v = if v.len() == 1 {
            v[0].clone()
        } else {
            serde_json::Value::Array(v)
        };
        let _ = writeln!(s_out, "{}", serde_json::to_string_pretty(&v)?);
    } else {
        let lang = crate::cli::output::lang();
        for o in &found {
            let opt = field(lang);
            write_head(
                &mut s_out,
                lang,
                (&o.label(), &o.id),
                o.kind,
                &o.title,
                &o.issuer,
            );
            let dates: Vec<String> = o
                .dates
                .iter()
                .map(|d| {
                    m::tr(
                        lang,
                        &m::SH_CITATIONS,
                        &[&d.date.vietnamese(), &d.citations],
                    )
                })
                .collect();
            opt(
                &mut s_out,
                &m::SH_ISSUED,
                (!dates.is_empty()).then(|| {
                    let conflict = if o.conflict {
                        m::s(lang, &m::SH_CONFLICT)
                    } else {
                        String::new()
                    };
                    format!("{}{conflict}", dates.join("; "))
                }),
            );
            opt(
                &mut s_out,
                &m::SH_STATUS,
                Some(format!(
                    "{} ({})",
                    m::s(lang, &m::SH_OBSERVED_STATUS),
                    o.status
                )),
            );
            opt(
                &mut s_out,
                &m::SH_FROM,
                Some(m::s(lang, &m::SH_OBSERVED_FROM)),
            );
            let hits: Vec<_> = g
                .cites(target)
                .into_iter()
                .filter(|h| h.observed.as_deref() == Some(o.id.as_str()))
                .collect();
            let _ = writeln!(
                s_out,
                "{}",
                m::tr(lang, &m::SH_CITED_IN, &[&hits.len(), &o.documents.len()])
            );
            write_hits(&mut s_out, &hits, lang);
        }
    }
    std::io::stdout().lock().write_all(s_out.as_bytes())?;
    Ok(if errors > 0 {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}

/// A printer of one labelled field ("  tình trạng       còn hiệu lực"), when it has a value.
fn field(lang: m::Lang) -> impl Fn(&mut String, &m::Msg, Option<String>) {
    move |s_out: &mut String, k: &m::Msg, v: Option<String>| {
        if let Some(v) = v {
            let _ = writeln!(s_out, "  {:<16} {v}", k.get(lang));
        }
    }
}

/// The first lines of an instrument's page: its label and id, kind, title and issuer.
fn write_head(
    s_out: &mut String,
    lang: m::Lang,
    (label, id): (&str, &str),
    kind: crate::model::Kind,
    title: &Option<String>,
    issuer: &Option<String>,
) {
    let _ = writeln!(s_out, "{label}  [{id}]");
    let opt = field(lang);
    opt(s_out, &m::SH_KIND, Some(kind.vietnamese().to_string()));
    opt(s_out, &m::SH_TITLE, title.clone());
    opt(s_out, &m::SH_ISSUER, issuer.clone());
}

/// "có"/"không" ("yes"/"no").
fn yes_no(lang: m::Lang, b: bool) -> &'static str {
    match (lang, b) {
        (m::Lang::Vi, true) => "có",
        (m::Lang::Vi, false) => "không",
        (m::Lang::En, true) => "yes",
        (m::Lang::En, false) => "no",
    }
}

/// One line per citing place: "path:line [section] text".
fn write_hits(out: &mut String, hits: &[crate::graph::Hit<'_>], lang: m::Lang) {
    let preamble = m::s(lang, &m::PREAMBLE);
    for h in hits {
        let sec = h.section.map(|s| s.path.as_str()).unwrap_or(&preamble);
        let _ = writeln!(out, "    {}:{} [{sec}] {}", h.path, h.line, h.text);
    }
}
