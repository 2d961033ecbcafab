//! `cancu search`: hits as a readable list (matches highlighted) or JSON. A hit whose file
//! changed (or is gone) since it was indexed is marked stale: its content hash on disk is
//! compared with the one the index holds (one read per hit file, at most `--limit`).

use crate::cli::Outcome;
use crate::index::query::STATUSES;
use crate::index::{Hit, SearchIndex, SearchOptions, SearchRequest};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for; diacritics optional. `"..."` for a phrase that must occur,
    /// `cites:168/2018/NĐ-CP` for plans citing an instrument.
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Index directory. Default: index/ inside the cancu repository, else under the user
    /// data dir ($CANCU_DATA, else ~/.local/share/cancu), where `cancu index` puts it.
    #[arg(long = "index", value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Search these files or folders directly instead of an index: an in-memory index of
    /// them and of the registry, built by the code `cancu index` uses, so ranking, filters
    /// and snippets are those of an index over the same files.
    #[arg(long = "path", value_name = "PATH", conflicts_with = "index")]
    pub paths: Vec<PathBuf>,
    /// With --path: the registry's instruments searched beside the files.
    #[command(flatten)]
    pub registry: crate::cli::registry::RegistryArgs,
    /// Number of files shown.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only plans of this kind (slug: ke-hoach, quyet-dinh, ...).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only plans of this year.
    #[arg(long)]
    pub year: Option<u64>,
    /// Only plans whose issuer has these words ("UBND xã Xuân Lương"; diacritics optional).
    #[arg(long)]
    pub issuer: Option<String>,
    /// Only instruments of this status (plan sections are kept unless `--type instrument`):
    /// the web's `?status=` vocabulary. in-force (wholly or in part), partly-expired,
    /// expired, superseded, not-yet-in-force, outdated (expired or superseded), unknown;
    /// unresolved and malformed name citations, so no instrument has them.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(STATUSES))]
    pub status: Option<String>,
    /// Only plan sections or only registry instruments.
    #[arg(long = "type", value_parser = ["plan", "instrument"])]
    pub doc_type: Option<String>,
    /// Output format: text, JSON ({"hits": [...]}) or one hit per line.
    #[command(flatten)]
    pub format: crate::cli::output::ListFormatArgs,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if let Some(k) = &args.kind {
        if crate::model::Kind::from_slug(k).is_none() {
            let slugs: Vec<&str> = crate::model::Kind::ALL.iter().map(|k| k.slug()).collect();
            anyhow::bail!(
                "{}",
                crate::cli::output::tr(
                    &crate::messages::E_UNKNOWN_KIND,
                    &[&format!("{k:?}"), &slugs.join(", ")]
                )
            );
        }
    }
    let scanned = !args.paths.is_empty();
    let index = if scanned {
        memory_index(&args.paths, &args.registry)?
    } else {
        SearchIndex::open(&crate::cli::places::index_dir(args.index.as_deref())?)?
    };
    let req = SearchRequest {
        query: args.query.join(" "),
        limit: args.limit.max(1),
        kind: args.kind,
        year: args.year,
        issuer: args.issuer,
    };
    let opts = SearchOptions {
        status: args.status,
        doc_type: args.doc_type.map(|t| {
            if t == "plan" {
                "section".to_string()
            } else {
                t
            }
        }),
    };
    let hits = index.search_with(&req, &opts)?;
    // Files read just now are never stale.
    let stale: Vec<Option<String>> = hits
        .iter()
        .map(|h| if scanned { None } else { staleness(&index, h) })
        .collect();
    let stdout = std::io::stdout();
    let tty = crate::cli::output::color_stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let format = args.format.get();
    if format != crate::cli::output::ListFormat::Text {
        let mut values = Vec::with_capacity(hits.len());
        for (h, st) in hits.iter().zip(&stale) {
            let mut v = serde_json::to_value(h)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("stale".into(), st.is_some().into());
            }
            values.push(v);
        }
        if format == crate::cli::output::ListFormat::Ndjson {
            for v in &values {
                serde_json::to_writer(&mut w, v)?;
                writeln!(w)?;
            }
        } else {
            serde_json::to_writer_pretty(&mut w, &serde_json::json!({ "hits": values }))?;
            writeln!(w)?;
        }
    } else {
        for (h, st) in hits.iter().zip(&stale) {
            write_hit(&mut w, h, st.as_deref(), tty)?;
        }
        if hits.is_empty() {
            crate::cli::output::note(crate::messages::s(
                crate::cli::output::lang(),
                &crate::messages::NO_HITS,
            ));
        }
    }
    w.flush()?;
    let n = stale.iter().filter(|s| s.is_some()).count();
    if n > 0 {
        crate::cli::output::note(crate::messages::tr(
            crate::cli::output::lang(),
            &crate::messages::SE_STALE_NOTE,
            &[&n],
        ));
    }
    Ok(crate::cli::output::lookup(!hits.is_empty(), 0))
}

/// The files under `paths` and the registry in an index in memory, built as `cancu index`
/// builds one on disk (unreadable files are named on stderr and left out).
fn memory_index(
    paths: &[PathBuf],
    registry: &crate::cli::registry::RegistryArgs,
) -> anyhow::Result<SearchIndex> {
    let reg = registry.load_for(paths)?;
    let index = SearchIndex::in_ram()?;
    let mut w = index.writer()?;
    let (docs, _errors) = crate::cli::extract::read_inputs(paths);
    for d in &docs {
        w.add_file(&d.path, &d.text, "")?;
    }
    w.replace_registry(&reg, "")?;
    w.finish()?;
    index.reload()?;
    Ok(index)
}

/// Why a plan hit is stale, None when it is not: its file on disk no longer has the
/// content hash the index holds ("changed since indexing"), or cannot be read from here
/// ("file gone"). Instruments are never stale here (the registry is checked when indexing).
fn staleness(index: &SearchIndex, h: &Hit) -> Option<String> {
    use crate::messages as m;
    let lang = crate::cli::output::lang();
    let changed = || m::s(lang, &m::SE_CHANGED);
    if h.doc_type == "instrument" {
        return None;
    }
    let Ok(Some(indexed)) = index.indexed_hash(&h.path) else {
        return Some(changed());
    };
    match std::fs::read(&h.path) {
        Ok(bytes) => (crate::index::update::content_hash(&bytes) != indexed).then(changed),
        Err(_) => Some(m::s(lang, &m::SE_GONE)),
    }
}

fn write_hit(w: &mut impl Write, h: &Hit, stale: Option<&str>, tty: bool) -> std::io::Result<()> {
    use crate::messages as m;
    let lang = crate::cli::output::lang();
    if h.doc_type == "instrument" {
        let status = h
            .status
            .as_deref()
            .and_then(crate::registry::Status::from_slug)
            .unwrap_or_default();
        writeln!(
            w,
            "{}",
            m::tr(
                lang,
                &m::SE_INSTRUMENT,
                &[
                    &if h.observed.is_some() {
                        m::s(lang, &m::SE_TAG_OBSERVED)
                    } else {
                        m::s(lang, &m::SE_TAG_INSTRUMENT)
                    },
                    &h.label.as_deref().unwrap_or(&h.path),
                    &m::status(lang, status),
                    &h.matched.as_str(),
                    &format!("{:.2}", h.score)
                ]
            )
        )?;
        if h.label.as_deref() != Some(h.path.as_str()) {
            writeln!(w, "{}", m::tr(lang, &m::SE_ID, &[&h.path]))?;
        }
        if let Some(t) = &h.title {
            writeln!(w, "  {t}")?;
        }
        if let Some(o) = &h.observed {
            // What the citations say: the dates (the majority first; a conflict kept) and
            // how many documents cite it.
            let dates: Vec<String> = o
                .dates
                .iter()
                .map(|d| format!("{} ({}×)", d.date, d.citations))
                .collect();
            if !dates.is_empty() {
                let conflict = if o.conflict {
                    "  [ngày không thống nhất]"
                } else {
                    ""
                };
                writeln!(w, "  ngày {}{conflict}", dates.join(", "))?;
            }
            writeln!(
                w,
                "  {} trích dẫn trong {} văn bản",
                o.citations,
                o.documents.len()
            )?;
        }
        return writeln!(w);
    }
    let section = if h.section.is_empty() {
        String::new()
    } else {
        format!(" § {}", h.section)
    };
    let mark = stale
        .map(|why| m::tr(lang, &m::SE_STALE, &[&why]))
        .unwrap_or_default();
    writeln!(
        w,
        "{}",
        m::tr(
            lang,
            &m::SE_PLAN,
            &[
                &h.path,
                &section,
                &h.matched.as_str(),
                &format!("{:.2}", h.score),
                &mark
            ]
        )
    )?;
    if let Some(t) = &h.title {
        writeln!(w, "  {t}")?;
    }
    writeln!(w, "  {}", highlighted(&h.snippet, &h.highlights, tty))?;
    if !h.other_sections.is_empty() {
        let mut others: Vec<&str> = h.other_sections.iter().map(String::as_str).collect();
        others.dedup();
        writeln!(w, "{}", m::tr(lang, &m::SE_ALSO_IN, &[&others.join(", ")]))?;
    }
    writeln!(w)
}

/// The snippet on one line with its matches marked (bold on a terminal, «» otherwise).
fn highlighted(snippet: &str, ranges: &[(usize, usize)], tty: bool) -> String {
    let (open, close) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    // Words of one match separated only by spaces are marked as one.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in ranges {
        match merged.last_mut() {
            Some(last)
                if snippet
                    .get(last.1..a)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace)) =>
            {
                last.1 = b
            }
            _ => merged.push((a, b)),
        }
    }
    let mut out = String::with_capacity(snippet.len() + 16);
    let mut at = 0;
    for &(a, b) in &merged {
        let (Some(before), Some(hit)) = (snippet.get(at..a), snippet.get(a..b)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(hit);
        out.push_str(close);
        at = b;
    }
    out.push_str(snippet.get(at..).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
