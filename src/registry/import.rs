//! Importers that grow the registry from sources users can get: the Ministry of Justice's
//! Code of Law bundle ("Bộ pháp điển điện tử", HTML pages whose source notes name each
//! codified article's instrument, its dates and the instruments that amended it), and a CSV
//! register of documents with a column mapping (validity labels "Văn bản đang có hiệu lực",
//! "hết hiệu lực", "còn hiệu lực một phần").
//!
//! Pure functions over texts: reading directories, tarballs and files, and writing the
//! result, are the caller's job. Number-symbols are read with the citation extractor, never
//! with a second parser. Imported facts are marked unverified and name their source.

use super::{issuer_slug, Instrument, RegistryFile, Relation, RelationType, Source, Status};
use crate::model::{Citation, Date, Kind};
use crate::normalize::{clean, fold_key};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Read a number-symbol ("168/2018/NĐ-CP", "3637/UBND-VX", "QÐ" with U+00D0) with the
/// extractor, optionally with the type word written before it.
pub fn read_number_symbol(type_word: Option<&str>, ns: &str) -> Option<Citation> {
    // Stray quote marks of the source (Pháp điển's "''42/2022/TT-BCT") are not part of it.
    const QUOTES: [char; 8] = ['\'', '"', '‘', '’', '“', '”', '`', '´'];
    let ns = ns
        .trim()
        .trim_matches(QUOTES)
        .trim_end_matches([',', ';', '.', ')'])
        .trim_matches(QUOTES);
    let text = match type_word {
        Some(t) => format!("{t} số {ns}"),
        None => ns.to_string(),
    };
    let e = crate::extract(&text);
    let mut c = e
        .citations
        .into_iter()
        .find(|c| c.number.is_some() && c.symbol.is_some())?;
    // Keep the separators as written when the letters are the same ("21-LCT/HĐNN8", an old
    // law number the extractor would read as "21/LCT-HĐNN8").
    let written = clean(ns);
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    if let Some(can) = &c.canonical {
        if can != &written && letters(can) == letters(&written) && !written.contains(' ') {
            c.canonical = Some(written);
        }
    }
    Some(c)
}

/// The id of an instrument: the official number-symbol when its number carries the year,
/// else "<number-symbol>:<issuer slug>:<issue date>". None when neither can be formed.
pub fn make_id(c: &Citation, issuer: Option<&str>, issued: Option<Date>) -> Option<String> {
    let canonical = c.canonical.clone()?;
    let number_has_year = canonical
        .split('/')
        .nth(1)
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    if number_has_year {
        return Some(canonical);
    }
    let date = issued?;
    let slug = issuer.map(issuer_slug).filter(|s| !s.is_empty())?;
    Some(format!("{canonical}:{slug}:{date}"))
}

/// A bare entry for the instrument `c` cites, every fact unknown and unverified.
pub(super) fn instrument_from(c: &Citation, id: String) -> Instrument {
    Instrument {
        id,
        kind: c.kind,
        number: c.number.clone(),
        year: c.year,
        symbol: c.symbol.clone(),
        issuer: None,
        issued: None,
        effective: None,
        title: None,
        law_name: None,
        status: Status::Unknown,
        status_date: None,
        annual: false,
        subject: vec![],
        aliases: vec![],
        note: None,
        verified: false,
        relations: vec![],
        sources: vec![],
    }
}

fn vn_date(s: &str) -> Option<Date> {
    Date::parse_loose(s)
}

/// Decode the few HTML entities the bundle uses and drop tags.
pub fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

const TYPE_WORDS: &str = "Bộ luật|Luật|Pháp lệnh|Nghị quyết liên tịch|Nghị quyết|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị|Sắc lệnh|Lệnh";

/// The issue date, issuer and title of a note's own instrument: the LAST "ngày D/M/Y của
/// ISSUER" before ", có hiệu lực" (a title naming another instrument, "Sửa đổi … Nghị định số
/// 123/2016/NĐ-CP ngày 01/9/2016 của Chính phủ …", holds earlier dates that are not its own).
fn issued_parts(rest: &str) -> (Option<Date>, Option<String>, Option<String>) {
    let Some(eff_at) = rest.find("có hiệu lực") else {
        return (None, None, None);
    };
    let head = rest[..eff_at].trim_end().trim_end_matches(',');
    let Some(m) = note_regexes().issued.captures_iter(head).last() else {
        return (None, None, None);
    };
    let whole = m.get(0).map(|x| (x.start(), x.end())).unwrap_or((0, 0));
    let issued = vn_date(&m[1]);
    let issuer = issuer_name(&head[whole.1..]);
    let t = clean(head[..whole.0].trim_matches([' ', ',', '.']));
    let t = t.trim_end_matches('.').trim().to_string();
    (issued, issuer, (!t.is_empty()).then_some(t))
}

/// An issuer as a body's name: titles of office dropped ("Bộ trưởng Bộ Công Thương" → "Bộ
/// Công Thương"), the spelling of `corpus/registry/issuers.toml` when it knows the body,
/// nothing when what is left is not a name (digits, a sentence).
pub fn issuer_name(s: &str) -> Option<String> {
    let mut t = clean(s.trim().trim_end_matches(['.', ',', ';', ' ']));
    for title in [
        "Bộ trưởng ",
        "Chủ tịch ",
        "Thống đốc ",
        "Tổng Thanh tra ",
        "Chánh án ",
        "Viện trưởng ",
        "Tổng Kiểm toán ",
    ] {
        if let Some(rest) = t.strip_prefix(title) {
            if title == "Thống đốc " && !rest.starts_with("Ngân hàng") {
                continue;
            }
            if title == "Chủ tịch " && rest == "nước" {
                continue;
            }
            t = rest.to_string();
        }
    }
    let tables = crate::extract::tables::Tables::builtin();
    let key = crate::extract::tables::word_key(&t);
    if let Some((name, len, local)) = tables.issuer_prefix(&key) {
        if len == key.len() && !local {
            return Some(name.to_string());
        }
    }
    // Joint issuers are long ("Bộ Tư pháp, Bộ Tài chính, … và Ngân hàng Nhà nước Việt Nam");
    // words of a title are not a name.
    let lt = format!(" {} ", t.to_lowercase());
    let ok = !t.is_empty()
        && t.chars().count() <= 200
        && !t.chars().any(|c| c.is_ascii_digit())
        && ![
            " ngày ",
            " quy định ",
            " hướng dẫn ",
            " phê duyệt ",
            " về ",
            " ban hành ",
        ]
        .iter()
        .any(|w| lt.contains(w));
    ok.then_some(t)
}

struct NoteRegexes {
    head: Regex,
    issued: Regex,
    effective: Regex,
    amender: Regex,
    item: Regex,
    article: Regex,
}

fn note_regexes() -> &'static NoteRegexes {
    static R: OnceLock<NoteRegexes> = OnceLock::new();
    R.get_or_init(|| NoteRegexes {
        head: Regex::new(&format!(
            r"^[\s(]*(?:(?:Điều|Khoản|Điểm|Mục|Chương|Phụ lục)\s+[0-9A-Za-zđ.]+[,\s]*)*\s*(?P<type>{TYPE_WORDS})\s+(?:số\s+)?(?P<ns>[^\s,()]+)(?P<rest>.*)$"
        ))
        .expect("head regex"),
        issued: Regex::new(r"ngày\s+(\d{1,2}/\d{1,2}/\d{4})\s+của\s+").expect("issued regex"),
        effective: Regex::new(r"có hiệu lực(?: thi hành)? kể từ ngày\s+(\d{1,2}/\d{1,2}/\d{4})")
            .expect("effective regex"),
        amender: Regex::new(&format!(
            r"(?P<type>{TYPE_WORDS})\s+(?:số\s+)?(?P<ns>[^\s,();]+)(?:[^;]*?có hiệu lực(?: thi hành)? kể từ ngày\s+(?P<eff>\d{{1,2}}/\d{{1,2}}/\d{{4}}))?"
        ))
        .expect("amender regex"),
        item: Regex::new(r"ItemID=(\d+)").expect("item regex"),
        article: Regex::new(r"^[\s(]*((?:Điều|Khoản|Điểm)\s+[0-9A-Za-zđ.]+)").expect("article regex"),
    })
}

/// Counts of a Pháp điển import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhapDienStats {
    pub pages: usize,
    pub notes: usize,
    /// Notes whose instrument could not be read.
    pub unread: usize,
    pub instruments: usize,
    /// Entries known only as the amending instrument in a note.
    pub stubs: usize,
    pub relations: usize,
}

/// Builds registry entries from the source notes of Bộ pháp điển đề mục pages.
#[derive(Debug, Default)]
pub struct PhapDien {
    entries: BTreeMap<String, Instrument>,
    /// Ids seen as the instrument of a note (not only as amenders).
    sourced: std::collections::HashSet<String>,
    repealed_parts: std::collections::HashSet<String>,
    stats: PhapDienStats,
}

impl PhapDien {
    pub fn new() -> PhapDien {
        PhapDien::default()
    }

    /// Read one đề mục HTML page.
    pub fn add_html(&mut self, html: &str) {
        self.stats.pages += 1;
        let open = "<p class='pGhiChu'>";
        let mut rest = html;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len()..];
            let end = after.find("</p>").unwrap_or(after.len());
            let raw = &after[..end];
            let item = note_regexes()
                .item
                .captures(raw)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string());
            let note = strip_html(raw);
            self.add_note(&note, item.as_deref());
            rest = &after[end..];
        }
    }

    /// Read one source note ("(Điều 1 Nghị định số 51/2005/NĐ-CP Về ... ngày 11/04/2005 của
    /// Chính phủ, có hiệu lực thi hành kể từ ngày 03/05/2005, có nội dung được sửa đổi bởi
    /// ...)"), with the vbpl.vn ItemID of its first link when known.
    pub fn add_note(&mut self, note: &str, item_id: Option<&str>) {
        self.stats.notes += 1;
        let re = note_regexes();
        let note = clean(note);
        let (own, relations) = match note.find(" bởi ") {
            Some(b) => {
                // The relation phrase starts at ", có nội dung" before "bởi".
                let start = note[..b].rfind(", có nội dung").unwrap_or(b);
                (&note[..start], Some((&note[start..b], &note[b + 5..])))
            }
            None => (note.as_str(), None),
        };
        let Some(h) = re.head.captures(own) else {
            self.stats.unread += 1;
            return;
        };
        let type_word = &h["type"];
        // The codified article the note is about ("Điều 3").
        let article = note_regexes().article.captures(own).map(|m| clean(&m[1]));
        let Some(c) = read_number_symbol(Some(type_word), &h["ns"]) else {
            self.stats.unread += 1;
            return;
        };
        let rest = h.name("rest").map(|m| m.as_str()).unwrap_or("");
        let (issued, issuer, title) = issued_parts(rest);
        let effective = re.effective.captures(rest).and_then(|m| vn_date(&m[1]));
        let Some(id) = make_id(&c, issuer.as_deref(), issued).or_else(|| {
            // A short note of an instrument whose long note was read before.
            let canonical = c.canonical.clone()?;
            self.entries
                .keys()
                .find(|k| k.split(':').next() == Some(canonical.as_str()))
                .cloned()
        }) else {
            self.stats.unread += 1;
            return;
        };
        let kind = c.kind;
        let e = self
            .entries
            .entry(id.clone())
            .or_insert_with(|| instrument_from(&c, id.clone()));
        self.sourced.insert(id.clone());
        e.kind = kind;
        if e.issued.is_none() {
            e.issued = issued;
        }
        if e.year.is_none() {
            e.year = issued.map(|d| d.year);
        }
        if e.effective.is_none() {
            e.effective = effective;
        }
        if e.issuer.is_none() {
            e.issuer = issuer;
        }
        if e.title.is_none() {
            if let Some(t) = title {
                if kind.is_named_law() {
                    let lw = fold_key(kind.vietnamese());
                    e.law_name = Some(if fold_key(&t).starts_with(&lw) {
                        t.clone()
                    } else {
                        format!("{} {}", kind.vietnamese(), t)
                    });
                }
                e.title = Some(t);
            }
        }
        if let Some(item) = item_id {
            let r = format!("Bộ pháp điển điện tử (phapdien.moj.gov.vn), source note linked to vbpl.vn ItemID={item}");
            if !e.sources.iter().any(|s| s.reference == r) {
                e.sources.push(Source {
                    reference: r,
                    supports: vec![
                        "number".into(),
                        "issued".into(),
                        "effective".into(),
                        "title".into(),
                        "issuer".into(),
                    ],
                    verified: false,
                });
            }
        }
        if let Some((phrase, targets)) = relations {
            let p = fold_key(phrase);
            let repeal =
                p.contains("bai bo") || p.contains("huy bo") || p.contains("ngung hieu luc");
            if repeal {
                self.repealed_parts.insert(id.clone());
            }
            for seg in targets.split(';') {
                let Some(m) = re.amender.captures(seg) else {
                    continue;
                };
                let Some(tc) = read_number_symbol(Some(&m["type"]), &m["ns"]) else {
                    continue;
                };
                let Some(tid) = make_id(&tc, None, None) else {
                    continue;
                };
                if tid == id {
                    continue;
                }
                let teff = m.name("eff").and_then(|x| vn_date(x.as_str()));
                let src = format!(
                    "Bộ pháp điển điện tử: note \"{}\"",
                    phrase.trim_start_matches(", ").trim()
                );
                // The same vocabulary as the effects learned from texts.
                let (by, on) = if repeal && !(p.contains("sua doi") || p.contains("bo sung")) {
                    if p.contains("ngung hieu luc") {
                        (RelationType::SuspendedBy, RelationType::Suspends)
                    } else {
                        (RelationType::RepealedBy, RelationType::Repeals)
                    }
                } else if p.contains("dinh chinh") {
                    (RelationType::CorrectedBy, RelationType::Corrects)
                } else {
                    (RelationType::AmendedBy, RelationType::Amends)
                };
                self.relate(&id, by, &tid, teff, &src, article.as_deref());
                let t = self
                    .entries
                    .entry(tid.clone())
                    .or_insert_with(|| instrument_from(&tc, tid.clone()));
                if t.effective.is_none() {
                    t.effective = teff;
                }
                self.relate(&tid, on, &id, teff, &src, article.as_deref());
            }
        }
    }

    fn relate(
        &mut self,
        from: &str,
        kind: RelationType,
        to: &str,
        date: Option<Date>,
        src: &str,
        article: Option<&str>,
    ) {
        if let Some(e) = self.entries.get_mut(from) {
            if !e.relations.iter().any(|r| r.kind == kind && r.target == to) {
                // A note is about one codified article: the effect is on provisions.
                e.relations.push(Relation {
                    kind,
                    target: to.to_string(),
                    date,
                    verified: false,
                    source: Some(src.into()),
                    scope: article.map(|_| super::Scope::Provisions),
                    provisions: article.map(str::to_string),
                    confidence: None,
                });
                self.stats.relations += 1;
            }
        }
    }

    /// The registry entries read, with their statuses set: in force (at the snapshot) when
    /// codified, partly expired when a note says part was repealed, unknown for entries
    /// known only as amenders.
    pub fn finish(mut self) -> (RegistryFile, PhapDienStats) {
        let mut out = Vec::with_capacity(self.entries.len());
        for (id, mut e) in std::mem::take(&mut self.entries) {
            if self.sourced.contains(&id) {
                e.status = if self.repealed_parts.contains(&id) {
                    Status::PartlyExpired
                } else {
                    Status::InForce
                };
                e.note = Some("Imported from Bộ pháp điển điện tử: codified there (status as of the bundle's snapshot, whose date is not stated; latest notes 2023). UNVERIFIED.".into());
            } else {
                self.stats.stubs += 1;
                e.note = Some("Known only as the amending instrument named in a Bộ pháp điển source note. UNVERIFIED.".into());
                e.sources.push(Source {
                    reference: "Bộ pháp điển điện tử (phapdien.moj.gov.vn), amendment note".into(),
                    supports: vec!["number".into(), "effective".into()],
                    verified: false,
                });
            }
            out.push(e);
        }
        self.stats.instruments = out.len();
        (RegistryFile { instruments: out }, self.stats)
    }
}

/// A field of a CSV register that a column can map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvField {
    NumberSymbol,
    Issued,
    Effective,
    Title,
    Status,
    Issuer,
    Kind,
}

impl CsvField {
    pub fn parse(s: &str) -> Option<CsvField> {
        Some(match s.trim() {
            "number_symbol" => CsvField::NumberSymbol,
            "issued" => CsvField::Issued,
            "effective" => CsvField::Effective,
            "title" => CsvField::Title,
            "status" => CsvField::Status,
            "issuer" => CsvField::Issuer,
            "kind" => CsvField::Kind,
            _ => return None,
        })
    }
}

/// Parse a `--map` value: "so_ky_hieu=number_symbol,ngay_ban_hanh=issued,...".
pub fn parse_map(s: &str) -> Result<Vec<(String, CsvField)>, String> {
    let mut out = Vec::new();
    for part in s.split(',').filter(|p| !p.trim().is_empty()) {
        let (col, field) = part
            .split_once('=')
            .ok_or_else(|| format!("{part:?}: expected COLUMN=FIELD"))?;
        let f = CsvField::parse(field).ok_or_else(|| {
            format!("{field:?}: unknown field (number_symbol, issued, effective, title, status, issuer, kind)")
        })?;
        out.push((col.trim().to_string(), f));
    }
    if !out.iter().any(|(_, f)| *f == CsvField::NumberSymbol) {
        return Err("the map needs a column for number_symbol".into());
    }
    Ok(out)
}

/// A validity label of a register ("Văn bản đang có hiệu lực") as a status.
pub fn status_label(s: &str) -> Status {
    let f = fold_key(s);
    if f.is_empty() {
        Status::Unknown
    } else if f.contains("mot phan") {
        Status::PartlyExpired
    } else if f.contains("chua co hieu luc") {
        Status::NotYetInForce
    } else if f.contains("het hieu luc") {
        Status::Expired
    } else if f.contains("hieu luc") {
        Status::InForce
    } else {
        Status::Unknown
    }
}

/// Counts of a CSV import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvStats {
    pub rows: usize,
    pub instruments: usize,
    /// Rows repeating an id already read.
    pub duplicates: usize,
    /// Rows whose number-symbol could not be read, with the value.
    pub unread: Vec<String>,
}

/// Import a CSV register. `issuer` is used for rows without an issuer column (a province's
/// register), `source` names the file in each entry's source.
pub fn import_csv(
    text: &str,
    map: &[(String, CsvField)],
    issuer: Option<&str>,
    source: &str,
) -> Result<(RegistryFile, CsvStats), String> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
    let mut cols: Vec<(usize, CsvField)> = Vec::new();
    for (name, f) in map {
        let i = headers
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| {
                format!(
                    "no column {name:?} (columns: {})",
                    headers.iter().collect::<Vec<_>>().join(", ")
                )
            })?;
        cols.push((i, *f));
    }
    let mut stats = CsvStats::default();
    let mut out: Vec<Instrument> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| e.to_string())?;
        stats.rows += 1;
        let get = |f: CsvField| {
            cols.iter()
                .find(|(_, x)| *x == f)
                .and_then(|(i, _)| rec.get(*i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(ns) = get(CsvField::NumberSymbol) else {
            stats.unread.push(String::new());
            continue;
        };
        let Some(c) = read_number_symbol(None, ns) else {
            stats.unread.push(ns.to_string());
            continue;
        };
        let issued = get(CsvField::Issued).and_then(vn_date);
        let row_issuer = get(CsvField::Issuer).map(clean).or(issuer.map(clean));
        let Some(id) = make_id(&c, row_issuer.as_deref(), issued) else {
            stats.unread.push(ns.to_string());
            continue;
        };
        if !seen.insert(id.clone()) {
            stats.duplicates += 1;
            continue;
        }
        let mut e = instrument_from(&c, id);
        if let Some(k) =
            get(CsvField::Kind).and_then(|k| Kind::from_slug(&fold_key(k).replace(' ', "-")))
        {
            e.kind = k;
        }
        e.issued = issued;
        if e.year.is_none() {
            e.year = issued.map(|d| d.year);
        }
        e.effective = get(CsvField::Effective).and_then(vn_date);
        e.title = get(CsvField::Title).map(clean);
        e.issuer = row_issuer;
        e.status = get(CsvField::Status).map(status_label).unwrap_or_default();
        e.note = Some(format!("Imported from the register {source}. UNVERIFIED."));
        e.sources.push(Source {
            reference: source.to_string(),
            supports: map
                .iter()
                .map(|(_, f)| format!("{f:?}").to_lowercase())
                .collect(),
            verified: false,
        });
        out.push(e);
    }
    stats.instruments = out.len();
    Ok((RegistryFile { instruments: out }, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_symbols_table() {
        let rows = [
            ("168/2018/NĐ-CP", Some("168/2018/NĐ-CP")),
            ("1707/QÐ-UBND", Some("1707/QĐ-UBND")),
            ("3507/KH-UBND", Some("3507/KH-UBND")),
            ("3637/UBND-VX", Some("3637/UBND-VX")),
            ("hello", None),
        ];
        for (i, o) in rows {
            let got = read_number_symbol(None, i).and_then(|c| c.canonical);
            assert_eq!(got.as_deref(), o, "{i}");
        }
    }

    #[test]
    fn status_labels_table() {
        let rows = [
            ("Văn bản đang có hiệu lực", Status::InForce),
            ("Văn bản hết hiệu lực", Status::Expired),
            ("Văn bản còn hiệu lực một phần", Status::PartlyExpired),
            ("Chưa có hiệu lực", Status::NotYetInForce),
            ("", Status::Unknown),
        ];
        for (i, o) in rows {
            assert_eq!(status_label(i), o, "{i}");
        }
    }

    #[test]
    fn phap_dien_notes() {
        let mut p = PhapDien::new();
        p.add_note("(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2021)", Some("142850"));
        p.add_note("(Điều 3 Luật số 57/2020/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021, có nội dung bị bãi bỏ bởi Điều 2 Luật số 48/2024/QH15 có hiệu lực thi hành kể từ ngày 01/07/2025)", Some("142850"));
        p.add_note("(Điều 1 Luật số 21-LCT/HDNN8 Bảo vệ sức khoẻ nhân dân ngày 30/06/1989 của Quốc hội, có hiệu lực thi hành kể từ ngày 11/07/1989)", Some("2315"));
        let (f, stats) = p.finish();
        assert_eq!(stats.unread, 0);
        let get = |id: &str| {
            f.instruments
                .iter()
                .find(|i| i.id == id)
                .unwrap_or_else(|| {
                    panic!(
                        "{id} not in {:?}",
                        f.instruments.iter().map(|i| &i.id).collect::<Vec<_>>()
                    )
                })
        };
        let t = get("57/2020/QH14");
        assert_eq!(t.law_name.as_deref(), Some("Luật Thanh niên"));
        assert_eq!(t.issued, Date::new(2020, 6, 16));
        assert_eq!(t.effective, Date::new(2021, 1, 1));
        assert_eq!(t.issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(t.status, Status::PartlyExpired);
        assert_eq!(t.relations[0].kind, RelationType::RepealedBy);
        let a = get("48/2024/QH15");
        assert_eq!(a.relations[0].kind, RelationType::Repeals);
        let old = get("21-LCT/HDNN8:quoc-hoi:1989-06-30");
        assert_eq!(
            old.law_name.as_deref(),
            Some("Luật Bảo vệ sức khỏe nhân dân")
        );
    }

    /// Regressions: a date taken from the title of the instrument a note names (101/2020/NĐ-CP
    /// "issued" 2016-09-01), stray quotes in ids (`''42/2022/TT-BCT`), issuers that are titles.
    #[test]
    fn phap_dien_notes_do_not_invent_facts() {
        let mut p = PhapDien::new();
        p.add_note("(Điều 2 Nghị định số 101/2020/NĐ-CP Sửa đổi, bổ sung một số điều của Nghị định số 123/2016/NĐ-CP ngày 01/9/2016 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ ngày 28/08/2020 của Chính phủ, có hiệu lực thi hành kể từ ngày 15/11/2020 )", Some("143812"));
        p.add_note("(Điều 1 Thông tư số ''42/2022/TT-BCT Thông tư số 42/2022/TT-BCT về Kiểm tra hoạt động điện lực và sử dụng điện, giải quyết tranh chấp hợp đồng mua bán điện. ngày 30/12/2022 của Bộ Công Thương., có hiệu lực thi hành kể từ ngày 16/02/2023)", Some("158686"));
        p.add_note(
            "(Điều 2 Thông tư số ''42/2022/TT-BCT, có hiệu lực thi hành kể từ ngày 16/02/2023)",
            Some("158686"),
        );
        p.add_note("(Điều 13 Thông tư số 49/2018/TT-BGTVT Sửa đổi, bổ sung một số điều của Thông tư số 35/2012/TT-BGTVT ngày 6 tháng 9 năm 2012 của Bộ trưởng Bộ Giao thông vận tải quy định về lắp đặt báo hiệu ngày 11/09/2018 của Bộ trưởng Bộ Giao thông vận tải, có hiệu lực thi hành kể từ ngày 01/01/2019)", None);
        p.add_note("(Điều 3 Luật số 57/2020/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021, có nội dung bị bãi bỏ bởi Điều 2 Luật số 48/2024/QH15 có hiệu lực thi hành kể từ ngày 01/07/2025)", None);
        let (f, stats) = p.finish();
        let get = |id: &str| f.instruments.iter().find(|i| i.id == id);
        let ids: Vec<&str> = f.instruments.iter().map(|i| i.id.as_str()).collect();
        assert!(ids.iter().all(|i| !i.contains('\'')), "{ids:?}");
        assert_eq!(
            issuer_name("Bộ Tư pháp, Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội và Ngân hàng Nhà nước Việt Nam").as_deref(),
            Some("Bộ Tư pháp, Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội và Ngân hàng Nhà nước Việt Nam")
        );
        assert_eq!(
            issuer_name("Chính phủ quy định chi tiết thi hành Luật thuế sử dụng đất nông nghiệp"),
            None
        );
        let rows = [
            ("101/2020/NĐ-CP", Date::new(2020, 8, 28), Some("Chính phủ")),
            (
                "42/2022/TT-BCT",
                Date::new(2022, 12, 30),
                Some("Bộ Công Thương"),
            ),
            (
                "49/2018/TT-BGTVT",
                Date::new(2018, 9, 11),
                Some("Bộ Giao thông vận tải"),
            ),
        ];
        for (id, issued, issuer) in rows {
            let e = get(id).unwrap_or_else(|| panic!("{id} not in {ids:?}"));
            assert_eq!(e.issued, issued, "{id}");
            assert_eq!(e.issuer.as_deref(), issuer, "{id}");
        }
        assert_eq!(stats.unread, 0);
        // Relations typed in the effects' vocabulary, on the codified article.
        let r = &get("57/2020/QH14").unwrap().relations[0];
        assert_eq!(r.kind, RelationType::RepealedBy);
        assert_eq!(r.provisions.as_deref(), Some("Điều 3"));
        let r = &get("48/2024/QH15").unwrap().relations[0];
        assert_eq!(r.kind, RelationType::Repeals);
    }

    #[test]
    fn csv_register() {
        let csv = ",so_ky_hieu,ngay_ban_hanh,trich_yeu,hieu_luc\n0,1707/QÐ-UBND,15/07/2022,công bố thủ tục,Văn bản đang có hiệu lực\n1,1707/QĐ-UBND,15/07/2022,công bố thủ tục,Văn bản đang có hiệu lực\n2,80/KH-UBND,01/02/2020,kế hoạch,Văn bản hết hiệu lực\n";
        let map = parse_map(
            "so_ky_hieu=number_symbol,ngay_ban_hanh=issued,trich_yeu=title,hieu_luc=status",
        )
        .unwrap();
        let (f, s) = import_csv(csv, &map, Some("UBND tỉnh Bình Dương"), "test.csv").unwrap();
        assert_eq!(s.rows, 3);
        assert_eq!(s.duplicates, 1);
        assert_eq!(
            f.instruments[0].id,
            "1707/QĐ-UBND:ubnd-tinh-binh-duong:2022-07-15"
        );
        assert_eq!(f.instruments[0].kind, Kind::Decision);
        assert_eq!(f.instruments[1].status, Status::Expired);
        assert!(parse_map("a=b").is_err());
    }
}
