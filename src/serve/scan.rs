//! A [`Backend`] that reads the corpus folder directly: plan texts (`corpus/plans`) through
//! the extractor, instruments from the registry TOML files (`corpus/registry/*.toml`),
//! citations matched to instruments by number, symbol and year, or by law name, and a folded
//! substring search over the plans' sections and the registry.
//!
//! The corpus is re-read when any of its files changes (size or mtime, checked per request),
//! so the server keeps answering, with the last good snapshot, while files are rewritten.
//! This module must NOT know HTTP or HTML.

use super::backend::*;
use crate::model::{Citation, Date, Kind, SectionRef};
use crate::normalize::{fold_key, Folded};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Reads `root/plans` and `root/registry` (the layout of `corpus/`).
pub struct ScanBackend {
    root: PathBuf,
    cache: Mutex<Option<(Fingerprint, Arc<Snapshot>)>>,
}

type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

impl ScanBackend {
    pub fn new(root: impl Into<PathBuf>) -> ScanBackend {
        ScanBackend {
            root: root.into(),
            cache: Mutex::new(None),
        }
    }

    fn files(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let (plans, _) = crate::source::expand(&[self.root.join("plans")]);
        let plans = plans
            .into_iter()
            .filter(|p| p.file_name().is_none_or(|n| n != "README.md"))
            .collect();
        let mut reg: Vec<PathBuf> = std::fs::read_dir(self.root.join("registry"))
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect()
            })
            .unwrap_or_default();
        reg.sort();
        (plans, reg)
    }

    /// The current snapshot, rebuilt when a file changed. A rebuild that fails keeps the
    /// previous snapshot when there is one.
    fn snapshot(&self) -> Result<Arc<Snapshot>, BackendError> {
        let (plans, reg) = self.files();
        let fp: Fingerprint = plans
            .iter()
            .chain(reg.iter())
            .map(|p| {
                let m = std::fs::metadata(p).ok();
                (
                    p.clone(),
                    m.as_ref().map_or(0, |m| m.len()),
                    m.and_then(|m| m.modified().ok()),
                )
            })
            .collect();
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((old, snap)) = cache.as_ref() {
            if *old == fp {
                return Ok(snap.clone());
            }
        }
        match Snapshot::build(&self.root, &plans, &reg) {
            Ok(s) => {
                let s = Arc::new(s);
                *cache = Some((fp, s.clone()));
                Ok(s)
            }
            Err(e) => match cache.as_ref() {
                Some((_, snap)) => Ok(snap.clone()),
                None => Err(e),
            },
        }
    }
}

impl Backend for ScanBackend {
    fn search(&self, q: &SearchQuery) -> Result<SearchResults, BackendError> {
        Ok(self.snapshot()?.search(q))
    }
    fn documents(&self) -> Result<Vec<DocumentSummary>, BackendError> {
        let s = self.snapshot()?;
        Ok(s.docs.iter().map(|d| s.summary(d)).collect())
    }
    fn document(&self, id: &str) -> Result<Option<DocumentView>, BackendError> {
        let s = self.snapshot()?;
        Ok(s.doc_index(id).map(|i| s.document_view(i)))
    }
    fn instrument(&self, id: &str) -> Result<Option<InstrumentView>, BackendError> {
        let s = self.snapshot()?;
        Ok(s.inst_index(id).map(|i| s.instrument_view(i)))
    }
    fn graph(&self, center: &Center, max_nodes: usize) -> Result<Option<GraphView>, BackendError> {
        Ok(self.snapshot()?.graph(center, max_nodes))
    }
}

// ---------------------------------------------------------------- registry (as read here)

#[derive(Debug, Default, Deserialize)]
struct RegistryFile {
    #[serde(default)]
    instrument: Vec<Inst>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Inst {
    id: String,
    kind: String,
    number: Option<String>,
    year: Option<i32>,
    symbol: Option<String>,
    issuer: Option<String>,
    issued: Option<String>,
    effective: Option<String>,
    title: Option<String>,
    law_name: Option<String>,
    status: String,
    status_date: Option<String>,
    aliases: Vec<String>,
    note: Option<String>,
    verified: bool,
    relation: Vec<Rel>,
    source: Vec<Src>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Rel {
    #[serde(rename = "type")]
    kind: String,
    target: String,
    date: Option<String>,
    verified: bool,
    source: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Src {
    #[serde(rename = "ref")]
    reference: String,
    supports: Vec<String>,
    verified: bool,
}

fn date(s: &Option<String>) -> Option<Date> {
    s.as_deref().and_then(Date::parse_iso)
}

impl Inst {
    fn kind(&self) -> Kind {
        Kind::from_slug(&self.kind).unwrap_or(Kind::Decision)
    }
    fn label(&self) -> String {
        let kind = self.kind();
        if let Some(name) = &self.law_name {
            return match self.year {
                Some(y) => format!("{name} {y}"),
                None => name.clone(),
            };
        }
        match (&self.number, &self.symbol) {
            (Some(n), Some(s)) => {
                // Party documents join with '-' ("28-NQ/TW"); state ones with '/', the year
                // inside when the number carries it ("168/2018/NĐ-CP", "34/KH-UBND").
                let ns = if s.contains('/') {
                    format!("{n}-{s}")
                } else if self.id.starts_with(&format!("{n}/")) {
                    self.id.split(':').next().unwrap_or(&self.id).to_string()
                } else {
                    format!("{n}/{s}")
                };
                format!("{} {ns}", kind.vietnamese())
            }
            _ => format!("{} {}", kind.vietnamese(), self.id),
        }
    }
    fn standing(&self, at: Option<Date>) -> Standing {
        match self.status.as_str() {
            "in-force" | "partly-expired" => Standing::InForce,
            "expired" | "superseded" | "replaced" | "repealed" => {
                match (date(&self.status_date), at) {
                    (Some(d), Some(at)) if d > at => Standing::InForce,
                    _ => Standing::Outdated,
                }
            }
            _ => Standing::Unknown,
        }
    }
    fn reference(&self) -> InstrumentRef {
        InstrumentRef {
            id: self.id.clone(),
            label: self.label(),
            kind: self.kind(),
            status: self.status.clone(),
            title: self.title.clone(),
        }
    }
}

/// Upper-case, no spaces, Ð → Đ: the key symbols are compared on.
fn symbol_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == 'Ð' { 'Đ' } else { c })
        .flat_map(char::to_uppercase)
        .collect::<String>()
        .replace('-', "/")
}

fn number_key(n: &str) -> String {
    let t = n.trim_start_matches('0');
    if t.is_empty() {
        "0".into()
    } else {
        t.to_string()
    }
}

// ---------------------------------------------------------------- documents

struct Section {
    path: String,
    heading: String,
    start: usize,
    depth: usize,
}

struct Doc {
    id: String,
    text: String,
    title: String,
    header: crate::model::Header,
    /// The date citations are judged at: the header's, else the latest date cited.
    as_of: Option<Date>,
    citations: Vec<Citation>,
    /// Per citation: the instrument index, or the candidates when ambiguous.
    resolved: Vec<Resolution>,
    sections: Vec<Section>,
    /// Search units: the text before the first section, then each section.
    units: Vec<Unit>,
}

struct Unit {
    start: usize,
    end: usize,
    section: Option<usize>,
    hay: Haystack,
}

fn units(text: &str, sections: &[Section]) -> Vec<Unit> {
    let mut bounds: Vec<(usize, Option<usize>)> = vec![(0, None)];
    bounds.extend(sections.iter().enumerate().map(|(i, s)| (s.start, Some(i))));
    let mut out = Vec::new();
    for (k, &(start, section)) in bounds.iter().enumerate() {
        let end = bounds.get(k + 1).map_or(text.len(), |b| b.0);
        if end > start && text.is_char_boundary(start) && text.is_char_boundary(end) {
            out.push(Unit {
                start,
                end,
                section,
                hay: Haystack::new(&text[start..end]),
            });
        }
    }
    out
}

#[derive(Clone)]
enum Resolution {
    One(usize),
    Many(Vec<usize>),
    None,
}

struct Snapshot {
    docs: Vec<Doc>,
    insts: Vec<Inst>,
    by_id: HashMap<String, usize>,
    /// Per instrument: the text searched (label, title, aliases), prepared.
    inst_hay: Vec<(String, Haystack)>,
    /// Instrument index → (doc, citation) pairs citing it.
    cited: HashMap<usize, Vec<(usize, usize)>>,
}

/// A small outline reader for when no outline module is at hand: "I." parts, "1." items,
/// "a)" points, each at the start of a line.
fn outline(text: &str) -> Vec<Section> {
    let mut out = Vec::new();
    let (mut part, mut item, mut point) = (String::new(), String::new(), String::new());
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim();
        let lead = line.len() - line.trim_start().len();
        let (label, rest) = match t.find(['.', ')']) {
            Some(i) if i > 0 && i <= 5 => (&t[..i], t[i + 1..].trim()),
            _ => continue,
        };
        let close = t.as_bytes()[label.len()];
        if rest.is_empty()
            || rest.starts_with(['/', '-'])
            || rest.chars().next().is_some_and(char::is_numeric)
        {
            continue;
        }
        let depth =
            if close == b'.' && !label.is_empty() && label.chars().all(|c| "IVXL".contains(c)) {
                part = label.to_string();
                item.clear();
                point.clear();
                1
            } else if close == b'.' && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit())
            {
                item = label.to_string();
                point.clear();
                2
            } else if close == b')'
                && label.chars().count() == 1
                && label.chars().all(|c| c.is_lowercase())
            {
                point = label.to_string();
                3
            } else {
                continue;
            };
        let path = [&part, &item, &point]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(".");
        let mut heading: String = crate::normalize::clean(t);
        if heading.chars().count() > 100 {
            heading = heading.chars().take(100).collect::<String>() + "…";
        }
        out.push(Section {
            path,
            heading,
            start: start + lead,
            depth,
        });
    }
    out
}

/// The first two non-empty lines, as a title for a document whose header gave none.
fn first_lines(text: &str) -> Option<String> {
    let t: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2)
        .collect();
    let mut t = crate::normalize::clean(&t.join(" "));
    if t.is_empty() {
        return None;
    }
    if t.chars().count() > 140 {
        t = t.chars().take(140).collect::<String>() + "…";
    }
    Some(t)
}

fn section_at(sections: &[Section], offset: usize) -> Option<&Section> {
    let i = sections.partition_point(|s| s.start <= offset);
    if i == 0 {
        None
    } else {
        sections.get(i - 1)
    }
}

impl Snapshot {
    fn build(root: &Path, plans: &[PathBuf], reg: &[PathBuf]) -> Result<Snapshot, BackendError> {
        let mut insts = Vec::new();
        for p in reg {
            let text = std::fs::read_to_string(p).map_err(|e| BackendError::Read {
                path: p.display().to_string(),
                message: e.to_string(),
            })?;
            let file: RegistryFile = toml::from_str(&text).map_err(|e| BackendError::Registry {
                path: p.display().to_string(),
                message: e.to_string(),
            })?;
            insts.extend(file.instrument.into_iter().filter(|i| !i.id.is_empty()));
        }
        let mut by_id = HashMap::new();
        for (i, inst) in insts.iter().enumerate() {
            by_id.entry(inst.id.clone()).or_insert(i);
        }
        let plans_dir = root.join("plans");
        let mut docs = Vec::new();
        for p in plans {
            // A file that vanished or is being rewritten is skipped, not fatal.
            let Ok(src) = crate::source::read_file(p) else {
                continue;
            };
            let id = p
                .strip_prefix(&plans_dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            let ex = crate::extract(&src.text);
            let sections = outline(&src.text);
            let mut citations = ex.citations;
            for c in &mut citations {
                if c.section.is_none() {
                    c.section = section_at(&sections, c.start).map(|s| SectionRef {
                        path: s.path.clone(),
                        heading: s.heading.clone(),
                    });
                }
            }
            let title = ex
                .header
                .title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .or_else(|| first_lines(&src.text))
                .unwrap_or_else(|| id.clone());
            let header = ex.header;
            // Undated header: a plan is written after everything it cites.
            let as_of = header
                .date
                .or_else(|| citations.iter().filter_map(|c| c.date).max());
            let units = units(&src.text, &sections);
            docs.push(Doc {
                id,
                units,
                text: src.text,
                title,
                header,
                as_of,
                citations,
                resolved: Vec::new(),
                sections,
            });
        }
        let inst_hay = insts
            .iter()
            .map(|inst| {
                let mut text = format!(
                    "{} — {}",
                    inst.label(),
                    inst.title.clone().unwrap_or_default()
                );
                for a in &inst.aliases {
                    text.push_str(" · ");
                    text.push_str(a);
                }
                let hay = Haystack::new(&text);
                (text, hay)
            })
            .collect();
        let mut snap = Snapshot {
            docs,
            insts,
            by_id,
            inst_hay,
            cited: HashMap::new(),
        };
        snap.resolve_all();
        Ok(snap)
    }

    fn resolve_all(&mut self) {
        let mut by_ns: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut by_law: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, inst) in self.insts.iter().enumerate() {
            if let (Some(n), Some(s)) = (&inst.number, &inst.symbol) {
                by_ns
                    .entry((number_key(n), symbol_key(s)))
                    .or_default()
                    .push(i);
            }
            if let Some(name) = &inst.law_name {
                by_law.entry(fold_key(name)).or_default().push(i);
            }
            for a in &inst.aliases {
                by_law.entry(fold_key(a)).or_default().push(i);
            }
        }
        for di in 0..self.docs.len() {
            let doc_date = self.docs[di].as_of;
            let mut resolved = Vec::new();
            for c in &self.docs[di].citations {
                resolved.push(self.resolve(c, doc_date, &by_ns, &by_law));
            }
            for (ci, r) in resolved.iter().enumerate() {
                if let Resolution::One(ii) = r {
                    self.cited.entry(*ii).or_default().push((di, ci));
                }
            }
            self.docs[di].resolved = resolved;
        }
    }

    fn resolve(
        &self,
        c: &Citation,
        doc_date: Option<Date>,
        by_ns: &HashMap<(String, String), Vec<usize>>,
        by_law: &HashMap<String, Vec<usize>>,
    ) -> Resolution {
        let mut cands: Vec<usize> = match (&c.number, &c.symbol, &c.law) {
            (Some(n), Some(s), _) => by_ns
                .get(&(number_key(n), symbol_key(s)))
                .cloned()
                .unwrap_or_default(),
            (_, _, Some(law)) => by_law.get(&fold_key(law)).cloned().unwrap_or_default(),
            _ => Vec::new(),
        };
        cands.sort();
        cands.dedup();
        if cands.len() > 1 {
            if let Some(y) = c.year {
                let same: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&i| self.insts[i].year == Some(y))
                    .collect();
                if !same.is_empty() {
                    cands = same;
                }
            }
        }
        if cands.len() > 1 {
            if let Some(d) = c.date {
                let same: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&i| date(&self.insts[i].issued) == Some(d))
                    .collect();
                if !same.is_empty() {
                    cands = same;
                }
            }
        }
        // A law cited by name: the version in force at the citing document's date.
        if cands.len() > 1 && c.law.is_some() && c.number.is_none() {
            let at = doc_date;
            let best = cands
                .iter()
                .copied()
                .filter(|&i| match (date(&self.insts[i].issued), at) {
                    (Some(d), Some(at)) => d <= at,
                    _ => true,
                })
                .max_by_key(|&i| date(&self.insts[i].issued));
            if let Some(b) = best {
                cands = vec![b];
            }
        }
        match cands.len() {
            0 => Resolution::None,
            1 => Resolution::One(cands[0]),
            _ => Resolution::Many(cands),
        }
    }

    fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    fn inst_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn standing_of(&self, d: &Doc, ci: usize) -> Standing {
        match &d.resolved[ci] {
            Resolution::One(i) => self.insts[*i].standing(d.as_of),
            _ => Standing::Unresolved,
        }
    }

    fn summary(&self, d: &Doc) -> DocumentSummary {
        let mut s = DocumentSummary {
            id: d.id.clone(),
            title: d.title.clone(),
            header: d.header.clone(),
            citations: d.citations.len(),
            outdated: 0,
            malformed: 0,
            unresolved: 0,
        };
        for (ci, c) in d.citations.iter().enumerate() {
            match self.standing_of(d, ci) {
                Standing::Outdated => s.outdated += 1,
                Standing::Unresolved => s.unresolved += 1,
                _ => {}
            }
            if !c.defects.is_empty() {
                s.malformed += 1;
            }
        }
        s
    }

    fn document_view(&self, di: usize) -> DocumentView {
        let d = &self.docs[di];
        let mut citations = Vec::new();
        let mut findings = Vec::new();
        for (ci, c) in d.citations.iter().enumerate() {
            let standing = self.standing_of(d, ci);
            let (instrument, candidates) = match &d.resolved[ci] {
                Resolution::One(i) => (Some(self.insts[*i].reference()), Vec::new()),
                Resolution::Many(v) => {
                    (None, v.iter().map(|&i| self.insts[i].reference()).collect())
                }
                Resolution::None => (None, Vec::new()),
            };
            let finding = |code: &str,
                           category: &str,
                           severity: &str,
                           message: String,
                           suggestion: Option<String>| Finding {
                citation: Some(ci),
                code: code.into(),
                category: category.into(),
                severity: severity.into(),
                message,
                suggestion,
                start: c.start,
                end: c.end,
                line: c.line,
                column: c.column,
            };
            for defect in &c.defects {
                let (code, msg) = defect_message(*defect);
                findings.push(finding(
                    code,
                    "shape",
                    "warning",
                    msg.into(),
                    c.canonical.clone(),
                ));
            }
            match (&d.resolved[ci], standing) {
                (Resolution::One(i), Standing::Outdated) => {
                    let inst = &self.insts[*i];
                    let next = inst
                        .relation
                        .iter()
                        .find(|r| matches!(r.kind.as_str(), "replaced-by" | "superseded-by"))
                        .map(|r| {
                            self.inst_index(&r.target)
                                .map(|j| self.insts[j].label())
                                .unwrap_or_else(|| r.target.clone())
                        });
                    let when = date(&inst.status_date)
                        .map(|d| format!(" từ ngày {}", d.vietnamese()))
                        .unwrap_or_default();
                    findings.push(finding(
                        "time/outdated",
                        "time",
                        "warning",
                        format!(
                            "{} không còn hiệu lực{when} ({})",
                            inst.label(),
                            inst.status
                        ),
                        next.map(|n| format!("căn cứ {n}")),
                    ));
                }
                (Resolution::Many(v), _) => findings.push(finding(
                    "unknown/ambiguous",
                    "unknown",
                    "note",
                    format!(
                        "không xác định được văn bản: {} văn bản trùng số ký hiệu",
                        v.len()
                    ),
                    None,
                )),
                (Resolution::None, _) => findings.push(finding(
                    "unknown/unresolved",
                    "unknown",
                    "note",
                    "không tìm thấy văn bản trong sổ đăng ký".into(),
                    None,
                )),
                _ => {}
            }
            citations.push(CitedView {
                index: ci,
                text: c.text.clone(),
                kind: c.kind,
                canonical: c.canonical.clone(),
                start: c.start,
                end: c.end,
                line: c.line,
                column: c.column,
                section: c.section.clone(),
                standing,
                malformed: !c.defects.is_empty(),
                instrument,
                candidates,
            });
        }
        let sections = d
            .sections
            .iter()
            .map(|s| {
                let mut seen = HashSet::new();
                let mut instruments = Vec::new();
                let mut unresolved = 0;
                for (ci, c) in d.citations.iter().enumerate() {
                    if c.section.as_ref().map(|x| x.path.as_str()) != Some(s.path.as_str()) {
                        continue;
                    }
                    match &d.resolved[ci] {
                        Resolution::One(i) => {
                            if seen.insert(*i) {
                                instruments.push(self.insts[*i].reference());
                            }
                        }
                        _ => unresolved += 1,
                    }
                }
                SectionView {
                    path: s.path.clone(),
                    heading: s.heading.clone(),
                    start: s.start,
                    depth: s.depth,
                    instruments,
                    unresolved,
                }
            })
            .collect();
        DocumentView {
            summary: self.summary(d),
            text: d.text.clone(),
            citations,
            findings,
            sections,
        }
    }

    fn relation_view(&self, kind: &str, other_id: &str, r: &Rel) -> RelationView {
        RelationView {
            kind: kind.to_string(),
            other_id: other_id.to_string(),
            other: self.inst_index(other_id).map(|j| self.insts[j].reference()),
            date: date(&r.date),
            verified: r.verified,
            source: r.source.clone(),
        }
    }

    fn instrument_view(&self, ii: usize) -> InstrumentView {
        let inst = &self.insts[ii];
        let relations_out: Vec<RelationView> = inst
            .relation
            .iter()
            .map(|r| self.relation_view(&r.kind, &r.target, r))
            .collect();
        let mut relations_in = Vec::new();
        for other in &self.insts {
            for r in other.relation.iter().filter(|r| r.target == inst.id) {
                relations_in.push(self.relation_view(&r.kind, &other.id, r));
            }
        }
        let mut timeline = Vec::new();
        if let Some(d) = date(&inst.issued) {
            timeline.push(Event {
                date: Some(d),
                what: "ban hành".into(),
                other: None,
            });
        }
        if let Some(d) = date(&inst.effective) {
            timeline.push(Event {
                date: Some(d),
                what: "có hiệu lực".into(),
                other: None,
            });
        }
        for r in &relations_out {
            let what = match r.kind.as_str() {
                "replaced-by" => "bị thay thế bởi",
                "superseded-by" => "được thay bằng",
                "amended-by" => "được sửa đổi, bổ sung bởi",
                "guided-by" => "được hướng dẫn bởi",
                _ => continue,
            };
            let when = r.date.or_else(|| {
                r.other
                    .as_ref()
                    .and_then(|o| self.inst_index(&o.id))
                    .and_then(|j| date(&self.insts[j].effective).or(date(&self.insts[j].issued)))
            });
            timeline.push(Event {
                date: when,
                what: what.into(),
                other: r.other.clone(),
            });
        }
        if inst.status != "in-force" && inst.status != "unknown" {
            timeline.push(Event {
                date: date(&inst.status_date),
                what: format!(
                    "trạng thái: {}",
                    super::pages::status_vietnamese(&inst.status)
                ),
                other: None,
            });
        }
        timeline.sort_by_key(|e| e.date.map(|d| d.ordinal()).unwrap_or(i64::MAX));
        let mut cited_by = Vec::new();
        for &(di, ci) in self.cited.get(&ii).map(|v| v.as_slice()).unwrap_or(&[]) {
            let d = &self.docs[di];
            let c = &d.citations[ci];
            cited_by.push(CitedBy {
                document: d.id.clone(),
                title: d.title.clone(),
                citation: ci,
                section: c.section.clone(),
                text: c.text.clone(),
                line: c.line,
            });
        }
        InstrumentView {
            summary: inst.reference(),
            number: inst.number.clone(),
            year: inst.year,
            symbol: inst.symbol.clone(),
            issuer: inst.issuer.clone(),
            issued: date(&inst.issued),
            effective: date(&inst.effective),
            law_name: inst.law_name.clone(),
            status_date: date(&inst.status_date),
            aliases: inst.aliases.clone(),
            note: inst.note.clone(),
            verified: inst.verified,
            sources: inst
                .source
                .iter()
                .map(|s| SourceView {
                    reference: s.reference.clone(),
                    supports: s.supports.clone(),
                    verified: s.verified,
                })
                .collect(),
            timeline,
            relations_out,
            relations_in,
            cited_by,
        }
    }

    // ------------------------------------------------------------ search

    fn search(&self, q: &SearchQuery) -> SearchResults {
        let words: Vec<String> = fold_key(&q.q)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(32)
            .map(str::to_string)
            .collect();
        let phrase = words.join(" ");
        let issuer = q.issuer.as_deref().map(fold_key).filter(|s| !s.is_empty());
        let mut hits = Vec::new();
        for d in &self.docs {
            if q.kind.is_some_and(|k| d.header.kind != Some(k)) {
                continue;
            }
            let year = d.header.year.or(d.as_of.map(|x| x.year));
            if q.year.is_some_and(|y| year != Some(y)) {
                continue;
            }
            if let Some(iss) = &issuer {
                let have = d.header.issuer.as_deref().map(fold_key).unwrap_or_default();
                if !have.contains(iss.as_str()) {
                    continue;
                }
            }
            if let Some(st) = q.status {
                let any = (0..d.citations.len()).any(|ci| {
                    if st == Standing::Malformed {
                        !d.citations[ci].defects.is_empty()
                    } else {
                        self.standing_of(d, ci) == st
                    }
                });
                if !any {
                    continue;
                }
            }
            if words.is_empty() {
                hits.push(Hit {
                    target: Target::Document { id: d.id.clone() },
                    title: d.title.clone(),
                    section: None,
                    snippet: Vec::new(),
                    score: 0.0,
                });
                continue;
            }
            for u in &d.units {
                let unit = &d.text[u.start..u.end];
                if let Some((score, snippet)) = match_unit(unit, &u.hay, &words, &phrase) {
                    hits.push(Hit {
                        target: Target::Document { id: d.id.clone() },
                        title: d.title.clone(),
                        section: u.section.map(|i| SectionRef {
                            path: d.sections[i].path.clone(),
                            heading: d.sections[i].heading.clone(),
                        }),
                        snippet,
                        score,
                    });
                }
            }
        }
        for (ii, inst) in self.insts.iter().enumerate() {
            if q.kind.is_some_and(|k| inst.kind() != k)
                || q.year.is_some_and(|y| inst.year != Some(y))
            {
                continue;
            }
            if let Some(iss) = &issuer {
                let have = inst.issuer.as_deref().map(fold_key).unwrap_or_default();
                if !have.contains(iss.as_str()) {
                    continue;
                }
            }
            if let Some(st) = q.status {
                if inst.standing(None) != st {
                    continue;
                }
            }
            if words.is_empty() {
                continue;
            }
            let (text, hay) = &self.inst_hay[ii];
            if let Some((score, snippet)) = match_unit(text, hay, &words, &phrase) {
                let label = inst.label();
                hits.push(Hit {
                    target: Target::Instrument {
                        id: inst.id.clone(),
                    },
                    title: label,
                    section: None,
                    snippet,
                    score: score + 0.5,
                });
            }
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        let total = hits.len();
        hits.truncate(q.limit.min(MAX_LIMIT));
        SearchResults { total, hits }
    }

    // ------------------------------------------------------------ graph

    fn graph(&self, center: &Center, max_nodes: usize) -> Option<GraphView> {
        let max_nodes = max_nodes.clamp(1, MAX_GRAPH_NODES);
        // Adjacency over node keys: documents 'd', instruments 'i'.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        enum N {
            D(usize),
            I(usize),
        }
        let mut adj: HashMap<N, Vec<N>> = HashMap::new();
        let mut edges: BTreeMap<(N, N, String), Vec<String>> = BTreeMap::new();
        for (di, d) in self.docs.iter().enumerate() {
            for (ci, r) in d.resolved.iter().enumerate() {
                if let Resolution::One(ii) = r {
                    let e = edges
                        .entry((N::D(di), N::I(*ii), "cites".into()))
                        .or_default();
                    if let Some(s) = &d.citations[ci].section {
                        if !e.contains(&s.path) {
                            e.push(s.path.clone());
                        }
                    }
                }
            }
        }
        for (ii, inst) in self.insts.iter().enumerate() {
            for r in &inst.relation {
                // Both directions are stored; draw each pair once, from the active side.
                if !matches!(
                    r.kind.as_str(),
                    "replaces" | "amends" | "guides" | "supersedes" | "based-on"
                ) {
                    continue;
                }
                if let Some(j) = self.inst_index(&r.target) {
                    edges
                        .entry((N::I(ii), N::I(j), r.kind.clone()))
                        .or_default();
                }
            }
        }
        for (a, b, _) in edges.keys() {
            adj.entry(*a).or_default().push(*b);
            adj.entry(*b).or_default().push(*a);
        }
        let start: Vec<N> = match center {
            Center::All => {
                let mut v: Vec<N> = (0..self.docs.len()).map(N::D).collect();
                v.extend(
                    (0..self.insts.len())
                        .filter(|i| self.cited.contains_key(i))
                        .map(N::I),
                );
                v
            }
            Center::Document(id) => vec![N::D(self.doc_index(id)?)],
            Center::Instrument(id) => vec![N::I(self.inst_index(id)?)],
        };
        // Breadth first from the center, two steps out, up to the limit.
        let mut keep: Vec<N> = Vec::new();
        let mut seen: HashSet<N> = HashSet::new();
        let mut queue: VecDeque<(N, usize)> = VecDeque::new();
        for n in start {
            if seen.insert(n) {
                queue.push_back((n, 0));
            }
        }
        let mut truncated = false;
        while let Some((n, depth)) = queue.pop_front() {
            if keep.len() >= max_nodes {
                truncated = true;
                break;
            }
            keep.push(n);
            if depth >= 2 {
                continue;
            }
            let mut next = adj.get(&n).cloned().unwrap_or_default();
            next.sort();
            for m in next {
                if seen.insert(m) {
                    queue.push_back((m, depth + 1));
                }
            }
        }
        let kept: HashSet<N> = keep.iter().copied().collect();
        let key = |n: N| match n {
            N::D(i) => format!("d:{}", self.docs[i].id),
            N::I(i) => format!("i:{}", self.insts[i].id),
        };
        let nodes = keep
            .iter()
            .map(|&n| match n {
                N::D(i) => Node {
                    id: key(n),
                    kind: "document".into(),
                    label: self.docs[i].title.clone(),
                    status: "document".into(),
                    url: format!("/documents/{}", super::http::encode_path(&self.docs[i].id)),
                },
                N::I(i) => Node {
                    id: key(n),
                    kind: "instrument".into(),
                    label: self.insts[i].label(),
                    status: self.insts[i].standing(None).slug().into(),
                    url: format!(
                        "/instruments/{}",
                        super::http::encode_path(&self.insts[i].id)
                    ),
                },
            })
            .collect();
        let edges = edges
            .into_iter()
            .filter(|((a, b, _), _)| kept.contains(a) && kept.contains(b))
            .map(|((a, b, kind), sections)| Edge {
                source: key(a),
                target: key(b),
                kind,
                sections,
            })
            .collect();
        Some(GraphView {
            center: center.clone(),
            nodes,
            edges,
            truncated,
        })
    }
}

fn defect_message(d: crate::model::Defect) -> (&'static str, &'static str) {
    use crate::model::Defect::*;
    match d {
        MissingYear => ("shape/missing-year", "số hiệu thiếu năm ban hành"),
        MissingSeparator => (
            "shape/missing-separator",
            "thiếu dấu phân cách trong số, ký hiệu",
        ),
        WrongSeparator => (
            "shape/wrong-separator",
            "sai dấu phân cách trong số, ký hiệu",
        ),
        StraySpace => ("shape/stray-space", "thừa dấu cách trong số, ký hiệu"),
        Glued => ("shape/glued", "thiếu dấu cách sau chữ “số”"),
        TruncatedSymbol => ("shape/truncated-symbol", "ký hiệu bị cắt cụt"),
        AsciiSymbol => ("shape/ascii-symbol", "ký hiệu viết “D” thay cho “Đ”"),
        Lookalike => ("shape/lookalike", "chữ “Ð” (U+00D0) thay cho “Đ”"),
        TypeWordTypo => ("shape/type-word-typo", "tên loại văn bản viết sai chính tả"),
        SoTypo => ("shape/so-typo", "chữ “số” viết sai"),
        InvalidDate => ("shape/invalid-date", "ngày tháng không tồn tại"),
        OldIssuerCode => (
            "shape/old-issuer-code",
            "ký hiệu cơ quan ban hành theo cách viết cũ",
        ),
    }
}

/// A text prepared for folded matching: the folded view, lowercased with white space
/// squeezed, and the map from squeezed bytes back to folded bytes. Built once per snapshot.
struct Haystack {
    folded: Folded,
    squeezed: String,
    map: Vec<usize>,
}

impl Haystack {
    fn new(unit: &str) -> Haystack {
        let folded = Folded::new(unit);
        let mut low = folded.text.clone();
        low.make_ascii_lowercase();
        let mut squeezed = String::with_capacity(low.len());
        let mut map = Vec::with_capacity(low.len() + 1);
        let mut space = false;
        for (i, ch) in low.char_indices() {
            if ch.is_whitespace() {
                if !space {
                    squeezed.push(' ');
                    map.push(i);
                }
                space = true;
                continue;
            }
            space = false;
            for _ in 0..ch.len_utf8() {
                map.push(i);
            }
            squeezed.push(ch);
        }
        map.push(low.len());
        Haystack {
            folded,
            squeezed,
            map,
        }
    }
}

/// [`match_unit`] on a text not prepared beforehand.
#[cfg(test)]
fn match_text(unit: &str, words: &[String], phrase: &str) -> Option<(f32, Vec<Fragment>)> {
    match_unit(unit, &Haystack::new(unit), words, phrase)
}

/// Match the folded query words against a unit of original text: every word must occur
/// (on word boundaries); the whole phrase scores more. Returns the score and a snippet of
/// the original with the matches highlighted.
fn match_unit(
    unit: &str,
    hay: &Haystack,
    words: &[String],
    phrase: &str,
) -> Option<(f32, Vec<Fragment>)> {
    let (folded, squeezed, map) = (&hay.folded, &hay.squeezed, &hay.map);
    let boundary = |s: &str, a: usize, b: usize| {
        let before = s[..a]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = s[b..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    };
    let find_all = |needle: &str| -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        if needle.is_empty() {
            return v;
        }
        let mut from = 0;
        while let Some(i) = squeezed[from..].find(needle) {
            let a = from + i;
            let b = a + needle.len();
            if boundary(squeezed, a, b) {
                v.push((a, b));
            }
            from = a + needle.len().max(1);
            if v.len() > 200 {
                break;
            }
        }
        v
    };
    let mut score = 0.0f32;
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for w in words {
        let found = find_all(w);
        if found.is_empty() {
            return None;
        }
        score += 1.0 + (found.len() as f32).ln_1p();
        marks.extend(found);
    }
    let phrases = if words.len() > 1 {
        find_all(phrase)
    } else {
        Vec::new()
    };
    score += 5.0 * phrases.len().min(5) as f32;
    // Map squeezed → folded → original.
    let to_orig = |a: usize, b: usize| folded.span(map[a], map[b]);
    let anchor = phrases.first().or(marks.first()).copied().unwrap_or((0, 0));
    let (oa, _) = to_orig(anchor.0, anchor.1);
    let mut ws = oa.saturating_sub(80);
    while !unit.is_char_boundary(ws) {
        ws -= 1;
    }
    let mut we = (oa + 200).min(unit.len());
    while !unit.is_char_boundary(we) {
        we += 1;
    }
    // End the window at a word's end, start it at a word's start.
    while we < unit.len() && !unit[we..].starts_with(char::is_whitespace) && we < oa + 240 {
        we += unit[we..].chars().next().map_or(1, char::len_utf8);
    }
    while ws > 0 && ws < oa && !unit[ws..].starts_with(char::is_whitespace) {
        ws += unit[ws..].chars().next().map_or(1, char::len_utf8);
    }
    let mut spans: Vec<(usize, usize)> = marks
        .iter()
        .map(|&(a, b)| to_orig(a, b))
        .filter(|&(a, b)| a >= ws && b <= we && a < b)
        .collect();
    spans.sort();
    // Adjacent matches separated by white space only read as one highlight.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a >= last.1 && unit[last.1..a].trim().is_empty() => {
                last.1 = last.1.max(b)
            }
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let spans = merged;
    let mut frags = Vec::new();
    let mut pos = ws;
    let mut push = |text: &str, hl: bool| {
        if !text.is_empty() && text.trim().is_empty() {
            frags.push(Fragment {
                text: " ".into(),
                hl,
            });
            return;
        }
        let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let t = if text.starts_with(char::is_whitespace) && !t.is_empty() {
            format!(" {t}")
        } else {
            t
        };
        let t = if text.ends_with(char::is_whitespace) && !t.trim().is_empty() {
            format!("{t} ")
        } else {
            t
        };
        if !t.is_empty() {
            frags.push(Fragment { text: t, hl });
        }
    };
    if ws > 0 {
        push("… ", false);
    }
    for (a, b) in spans {
        if a < pos {
            continue;
        }
        push(&unit[pos..a], false);
        push(&unit[a..b], true);
        pos = b;
    }
    push(&unit[pos..we], false);
    if we < unit.len() {
        push(" …", false);
    }
    Some((score, frags))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_outline(text: &str, expected: &[(&str, usize)]) {
        let got: Vec<(String, usize)> = outline(text)
            .into_iter()
            .map(|s| (s.path, s.depth))
            .collect();
        let want: Vec<(String, usize)> =
            expected.iter().map(|(p, d)| (p.to_string(), *d)).collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn outline_table() {
        check_outline(
            "I. MỤC ĐÍCH\n1. Mục đích\na) một\nII. NHIỆM VỤ\n 1. Tiếp tục\n",
            &[("I", 1), ("I.1", 2), ("I.1.a", 3), ("II", 1), ("II.1", 2)],
        );
        // A year at the start of a line is not an item; neither is a date.
        check_outline("2024. Tập trung\n12/3/2024 ngày\n", &[]);
    }

    fn check_match(unit: &str, q: &str, expected_hl: Option<&[&str]>) {
        let words: Vec<String> = fold_key(q).split(' ').map(str::to_string).collect();
        let got = match_text(unit, &words, &words.join(" "));
        match expected_hl {
            None => assert!(got.is_none(), "{unit:?} {q:?}"),
            Some(hl) => {
                let (_, frags) = got.unwrap_or_else(|| panic!("no match {unit:?} {q:?}"));
                let got: Vec<&str> = frags
                    .iter()
                    .filter(|f| f.hl)
                    .map(|f| f.text.as_str())
                    .collect();
                assert_eq!(got, hl, "{unit:?} {q:?}");
            }
        }
    }

    #[test]
    fn folded_match_table() {
        check_match(
            "Luật Dân quân tự vệ năm 2019",
            "dan quan tu ve",
            Some(&["Dân quân tự vệ"]),
        );
        check_match("Luật Dân quân\n\n tự vệ", "dân quân", Some(&["Dân quân"]));
        check_match("đường, dương", "duong", Some(&["đường", "dương"]));
        // Words match on boundaries only.
        check_match("đảng viên", "dan", None);
        check_match("abc", "xyz", None);
    }
}
