//! The extractor's tables, read from data in `corpus/` (compiled in with `include_str!`):
//! type words and symbol codes (`corpus/patterns.toml`), law names and their aliases
//! (`corpus/registry/laws.toml`), issuer spellings (`corpus/registry/issuers.toml`).
//!
//! Tables are plain data; the code that uses them is in `extract`. No I/O at run time.

use crate::model::Kind;
use crate::normalize::fold_key;
use serde::Deserialize;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The pattern file, as compiled in.
pub const PATTERNS_TOML: &str = include_str!("../../corpus/patterns.toml");
/// The law-name table, as compiled in.
pub const LAWS_TOML: &str = include_str!("../../corpus/registry/laws.toml");
/// The issuer table, as compiled in.
pub const ISSUERS_TOML: &str = include_str!("../../corpus/registry/issuers.toml");
/// The three files as JSON, written from them value for value by the build script
/// (`build.rs`): what [`Tables::builtin`] reads, several times faster than the TOML. Empty
/// when the build script could not convert a file; the TOML is then read.
const PATTERNS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/patterns.json"));
const LAWS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/laws.json"));
const ISSUERS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/issuers.json"));

#[derive(Debug, Deserialize)]
pub(crate) struct PatternFile {
    pub type_word: Vec<TypeWordRow>,
    pub symbol_code: Vec<SymbolCodeRow>,
    pub party: PartyRow,
    pub codes: CodesRow,
    pub law_name: LawNameWords,
    pub issuer: IssuerWords,
    pub header: HeaderWords,
    pub provision: ProvisionWords,
    pub citation: CitationWords,
    pub date: DateWords,
    #[serde(default)]
    pub chrome: Vec<ChromeRow>,
    #[serde(default)]
    pub example: Vec<ExampleRow>,
}

/// One `[[chrome]]` recogniser of the pattern file: a web site's text around documents.
#[derive(Debug, Clone, Deserialize)]
pub struct ChromeRow {
    /// The site ("THƯ VIỆN PHÁP LUẬT (thuvienphapluat.vn)").
    pub site: String,
    /// How the recogniser was found.
    pub source: String,
    #[serde(default)]
    pub verified: bool,
    /// Whole lines opening the trailing chrome (to the end of the text).
    #[serde(default)]
    pub tail_from: Vec<String>,
    /// Starts of lines that are chrome wherever they stand.
    #[serde(default)]
    pub lines: Vec<String>,
}

/// Chrome recognisers folded as the extractor's text is (case kept, diacritics dropped).
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    pub tail_from: Vec<String>,
    pub lines: Vec<String>,
}

/// `[law_name]` of the pattern file, as written (see there for what each list is).
#[derive(Debug, Deserialize)]
pub(crate) struct LawNameWords {
    pub stop: Vec<String>,
    pub breaks: Vec<String>,
    pub abbreviations: Vec<(String, String)>,
    pub amending: String,
    pub not_after: Vec<String>,
    pub constitution_tail: String,
}

/// `[issuer]` of the pattern file.
#[derive(Debug, Deserialize)]
pub(crate) struct IssuerWords {
    pub stop: Vec<String>,
    pub pairs: Vec<(String, String)>,
    pub office_holders: Vec<String>,
    pub levels: Vec<String>,
    pub councils: Vec<(String, String)>,
}

/// `[header]` of the pattern file.
#[derive(Debug, Deserialize)]
pub(crate) struct HeaderWords {
    pub number_labels: Vec<String>,
    pub motto_anchors: Vec<String>,
    pub motto_lines: Vec<String>,
    pub continues_with: Vec<String>,
    pub continued_after: Vec<String>,
    pub title_ends: Vec<String>,
    pub body_openers: Vec<String>,
    pub body_openers_citing: Vec<String>,
}

/// `[provision]` of the pattern file.
#[derive(Debug, Deserialize)]
pub(crate) struct ProvisionWords {
    pub words: Vec<String>,
    pub joiners: Vec<String>,
}

/// `[citation]` of the pattern file.
#[derive(Debug, Deserialize)]
pub(crate) struct CitationWords {
    pub form_templates: Vec<String>,
    pub legislature: Vec<(String, Kind)>,
}

/// `[date]` of the pattern file.
#[derive(Debug, Deserialize)]
pub(crate) struct DateWords {
    pub not_places: Vec<String>,
    pub passed: String,
    pub gazette: String,
    pub page_record: String,
    pub page_tail: Vec<String>,
}

/// The parser's word lists from `corpus/patterns.toml`, folded (lower case, no
/// diacritics) as the parser compares them.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Lower-case words ending a law's name (heuristic).
    pub law_stop: Vec<String>,
    /// The same, as spelled (lower case, diacritics kept): "vì" ends a name, "vi rút" not.
    pub law_stop_proper: Vec<String>,
    /// Capitalised first syllables of type words that start another citation.
    pub law_breaks: Vec<String>,
    /// Upper-case abbreviations allowed inside a law's name: (folded short, long as written).
    pub law_abbreviations: Vec<(String, String)>,
    /// Folded words opening an amending law's name ("sua doi").
    pub amending: Vec<String>,
    /// Folded words before "Luật" that make it no law ("phap").
    pub law_not_after: Vec<String>,
    /// Folded words of the constitution's full name after "Hiến pháp".
    pub constitution_tail: String,
    pub issuer_stop: Vec<String>,
    pub issuer_pairs: Vec<(String, String)>,
    /// Office holders, each as its folded words.
    pub office_holders: Vec<Vec<String>>,
    /// Administrative levels, folded ("thanh pho").
    pub levels: Vec<String>,
    /// (folded full name, abbreviation): "uy ban nhan dan" → "UBND".
    pub councils: Vec<(String, String)>,
    pub number_labels: Vec<String>,
    pub motto_anchors: Vec<String>,
    pub motto_lines: Vec<String>,
    pub continues_with: Vec<String>,
    pub continued_after: Vec<String>,
    pub title_ends: Vec<String>,
    pub body_openers: Vec<String>,
    pub body_openers_citing: Vec<String>,
    pub provision_words: Vec<String>,
    pub provision_joiners: Vec<String>,
    pub form_templates: Vec<String>,
    /// Codes numbered per legislature ("QH" → law).
    pub legislature: Vec<(String, Kind)>,
    /// Folded words showing a citation before "ngày" (a trailing space kept: "so ").
    pub not_places: Vec<String>,
    /// Folded phrase before a law's passing date in its signature block ("thong qua").
    pub passed: String,
    /// Folded gazette running head before its date ("cong bao/so").
    pub gazette: String,
    /// Folded label of a web page's record of the issue date ("ngay ban hanh").
    pub page_record: String,
    /// Folded phrases opening a web page's trailing notice (the signature block ends there).
    pub page_tail: Vec<String>,
}

fn folded_all(v: &[String]) -> Vec<String> {
    v.iter().map(|w| fold_key(w)).collect()
}

impl Words {
    fn from_file(p: &PatternFile) -> Words {
        Words {
            law_stop: folded_all(&p.law_name.stop),
            law_stop_proper: p
                .law_name
                .stop
                .iter()
                .map(|w| crate::normalize::clean(w).to_lowercase())
                .collect(),
            law_breaks: folded_all(&p.law_name.breaks),
            law_abbreviations: p
                .law_name
                .abbreviations
                .iter()
                .map(|(s, l)| (word_key(s).replace(' ', ""), l.clone()))
                .collect(),
            amending: fold_key(&p.law_name.amending)
                .split(' ')
                .map(str::to_string)
                .collect(),
            law_not_after: folded_all(&p.law_name.not_after),
            constitution_tail: word_key(&p.law_name.constitution_tail),
            issuer_stop: folded_all(&p.issuer.stop),
            issuer_pairs: p
                .issuer
                .pairs
                .iter()
                .map(|(a, b)| (fold_key(a), fold_key(b)))
                .collect(),
            office_holders: p
                .issuer
                .office_holders
                .iter()
                .map(|o| fold_key(o).split(' ').map(str::to_string).collect())
                .collect(),
            levels: folded_all(&p.issuer.levels),
            councils: p
                .issuer
                .councils
                .iter()
                .map(|(long, short)| (fold_key(long), short.clone()))
                .collect(),
            number_labels: folded_all(&p.header.number_labels),
            motto_anchors: folded_all(&p.header.motto_anchors),
            motto_lines: folded_all(&p.header.motto_lines),
            continues_with: folded_all(&p.header.continues_with),
            continued_after: folded_all(&p.header.continued_after),
            title_ends: folded_all(&p.header.title_ends),
            body_openers: folded_all(&p.header.body_openers),
            body_openers_citing: folded_all(&p.header.body_openers_citing),
            provision_words: folded_all(&p.provision.words),
            provision_joiners: folded_all(&p.provision.joiners),
            form_templates: folded_all(&p.citation.form_templates),
            legislature: p.citation.legislature.clone(),
            not_places: p
                .date
                .not_places
                .iter()
                .map(|w| {
                    let mut f = fold_key(w);
                    if w.ends_with(' ') {
                        f.push(' ');
                    }
                    f
                })
                .collect(),
            passed: fold_key(&p.date.passed),
            gazette: fold_key(&p.date.gazette),
            page_record: fold_key(&p.date.page_record),
            page_tail: folded_all(&p.date.page_tail),
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct TypeWordRow {
    pub kind: Kind,
    pub folded: Vec<String>,
    pub proper: String,
    /// A generic word ("văn bản"): the symbol's kind wins when it has one.
    #[serde(default)]
    pub generic: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SymbolCodeRow {
    pub code: String,
    pub kind: Kind,
    #[serde(default)]
    pub normative: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PartyRow {
    pub issuers: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CodesRow {
    pub issuers: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<(String, String)>,
}

/// One example of the pattern file: `text` must extract to `expect`.
#[derive(Debug, Clone, Deserialize)]
pub struct ExampleRow {
    pub text: String,
    pub expect: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct LawFile {
    #[serde(default)]
    law: Vec<LawRow>,
}

#[derive(Debug, Clone, Deserialize)]
struct LawRow {
    name: String,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    aliases: Vec<String>,
    /// Every version of the work, oldest first (see [`Work`]).
    #[serde(default)]
    versions: Vec<Version>,
    #[serde(default)]
    complete_until: Option<crate::model::Date>,
    #[serde(default)]
    versions_source: Option<String>,
    #[serde(default)]
    versions_verified: bool,
}

/// The law table's rows with a repeated name folded into its first row: a later row of the
/// same name (appended to the file) adds its aliases and the versions the first lacks, and its
/// `complete_until`, when set, replaces the first row's (the later row checked the list to
/// that date); its source joins the first's.
fn merge_repeated(rows: Vec<LawRow>) -> Vec<LawRow> {
    let mut out: Vec<LawRow> = Vec::with_capacity(rows.len());
    let mut at: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for row in rows {
        let key = fold_key(&row.name);
        let Some(&i) = at.get(&key) else {
            at.insert(key, out.len());
            out.push(row);
            continue;
        };
        let first = &mut out[i];
        for a in row.aliases {
            if !first.aliases.contains(&a) {
                first.aliases.push(a);
            }
        }
        for v in row.versions {
            if first.version_ids().all(|id| id != v.id) {
                first.versions.push(v);
            }
        }
        if row.complete_until.is_some() {
            first.complete_until = row.complete_until;
        }
        if let Some(s) = row.versions_source {
            first.versions_source = Some(match first.versions_source.take() {
                Some(f) => format!("{f}; {s}"),
                None => s,
            });
            first.versions_verified = first.versions_verified && row.versions_verified;
        }
        if first.kind.is_none() {
            first.kind = row.kind;
        }
    }
    out
}

impl LawRow {
    fn version_ids(&self) -> impl Iterator<Item = &str> {
        self.versions.iter().map(|v| v.id.as_str())
    }
}

/// One version of a work: a law passed under the work's name ("83/2015/QH13").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Version {
    /// The registry id ("83/2015/QH13").
    pub id: String,
    /// Passing date — "ngày thông qua".
    pub passed: crate::model::Date,
    /// Effective date — "ngày có hiệu lực".
    pub effective: crate::model::Date,
    /// Laws that amended this version ("59/2020/QH14"), where known.
    #[serde(default)]
    pub amended_by: Vec<String>,
    /// Whether this version's dates were seen in its `source` (the row's own flag).
    #[serde(default)]
    pub verified: bool,
}

/// A law, code or ordinance as a work: one name ("Luật Ngân sách nhà nước") and its
/// versions, each a separate law (01/2002/QH11, 83/2015/QH13, 89/2025/QH15). `versions`
/// holds every version passed up to `complete_until` (the date the list was checked against
/// its source); after that date a newer version may exist that the table does not know.
#[derive(Debug, Clone)]
pub struct Work {
    pub name: String,
    pub kind: Kind,
    pub versions: Vec<Version>,
    pub complete_until: Option<crate::model::Date>,
    pub source: Option<String>,
    pub verified: bool,
}

impl Work {
    /// The version in force on `d` by effective date, when the list is known complete up to
    /// `d`; `None` when no version was in force yet or the list may miss one.
    pub fn in_force_on(&self, d: crate::model::Date) -> Option<&Version> {
        if self.complete_until.is_none_or(|c| d > c) {
            return None;
        }
        self.versions
            .iter()
            .filter(|v| v.effective <= d)
            .max_by_key(|v| v.effective)
    }

    /// The version with this id.
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }
}

#[derive(Debug, Deserialize)]
struct IssuerFile {
    #[serde(default)]
    issuer: Vec<IssuerRow>,
}

#[derive(Debug, Deserialize)]
struct IssuerRow {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    ceased: Option<crate::model::Date>,
    #[serde(default)]
    source: Option<String>,
}

/// A body that stopped issuing documents on a date ("UBND huyện" after 01/7/2025).
#[derive(Debug, Clone)]
pub struct Ceased {
    /// Its name as in the table ("UBND huyện", "Huyện ủy").
    pub name: String,
    pub date: crate::model::Date,
    /// Where the fact comes from.
    pub source: Option<String>,
}

/// A symbol code as it should be spelled, with what it tells.
#[derive(Debug, Clone)]
pub struct Code {
    pub spelled: String,
    pub kind: Option<Kind>,
    pub normative: bool,
    pub party_issuer: bool,
    pub issuer: bool,
}

/// A law name the extractor recognises after "Luật"/"Bộ luật"/"Hiến pháp"/"Pháp lệnh".
#[derive(Debug, Clone)]
pub struct LawName {
    /// Folded words after the type word ("dan quan tu ve" for "Luật Dân quân tự vệ").
    pub tail: String,
    pub kind: Kind,
    /// The canonical full name ("Luật Dân quân tự vệ").
    pub name: String,
    /// The tail as spelled (lowercase, diacritics kept), to tell one-word names apart
    /// ("Luật Giá" is not "luật gia").
    pub proper_tail: String,
}

/// All tables, ready for matching.
#[derive(Debug)]
pub struct Tables {
    /// (folded type word, kind, proper lowercase spelling), longest first.
    pub type_words: Vec<(String, Kind, String)>,
    /// Folded type words that are generic ("van ban").
    pub generic_words: Vec<String>,
    /// Codes by exact spelling and by folded lowercase form.
    pub codes_exact: HashMap<String, Code>,
    pub codes_folded: HashMap<String, Code>,
    /// Law names, longest tail first.
    pub laws: Vec<LawName>,
    /// The most words a law's tail has (the window read after "Luật").
    pub max_law_words: usize,
    /// Indices into `laws` by the tail's first word, longest first.
    pub laws_by_first: HashMap<String, Vec<usize>>,
    /// Works by the fold of their canonical name and of each alias.
    pub works: HashMap<String, std::sync::Arc<Work>>,
    /// Issuers: (word key, canonical name, local body that takes a place name), longest
    /// key first.
    pub issuers: Vec<(String, String, bool)>,
    /// Bodies that ceased: by word key of each name and alias (longest first), and by the
    /// Party symbol code they issue under ("HU").
    pub ceased: Vec<(String, Ceased)>,
    pub ceased_codes: HashMap<String, Ceased>,
    /// The parser's word lists.
    pub words: Words,
    /// Web-page chrome recognisers, all sites together.
    pub chrome: Chrome,
    pub examples: Vec<ExampleRow>,
}

impl Tables {
    /// The tables compiled into the binary.
    pub fn builtin() -> &'static Tables {
        static T: OnceLock<Tables> = OnceLock::new();
        T.get_or_init(|| match builtin_files() {
            Some((p, l, i)) => Tables::from_files(p, l, i),
            None => Tables::from_toml(PATTERNS_TOML, LAWS_TOML, ISSUERS_TOML)
                .expect("the compiled-in corpus tables parse (checked by tests)"),
        })
    }

    /// Build tables from the three TOML texts.
    pub fn from_toml(patterns: &str, laws: &str, issuers: &str) -> Result<Tables, String> {
        let p: PatternFile =
            toml::from_str(patterns).map_err(|e| format!("corpus/patterns.toml: {e}"))?;
        let l: LawFile =
            toml::from_str(laws).map_err(|e| format!("corpus/registry/laws.toml: {e}"))?;
        let i: IssuerFile =
            toml::from_str(issuers).map_err(|e| format!("corpus/registry/issuers.toml: {e}"))?;
        Ok(Tables::from_files(p, l, i))
    }

    /// Build tables from the three files read.
    fn from_files(p: PatternFile, l: LawFile, i: IssuerFile) -> Tables {
        let mut type_words = Vec::new();
        let mut generic_words = Vec::new();
        for row in &p.type_word {
            for f in &row.folded {
                type_words.push((f.clone(), row.kind, row.proper.clone()));
                if row.generic {
                    generic_words.push(f.clone());
                }
            }
        }
        type_words.sort_by_key(|x| std::cmp::Reverse(x.0.len()));

        let mut codes_exact: HashMap<String, Code> = HashMap::new();
        let add = |map: &mut HashMap<String, Code>, spelled: &str, f: &dyn Fn(&mut Code)| {
            let e = map.entry(spelled.to_string()).or_insert_with(|| Code {
                spelled: spelled.to_string(),
                kind: None,
                normative: false,
                party_issuer: false,
                issuer: false,
            });
            f(e);
        };
        for row in &p.symbol_code {
            add(&mut codes_exact, &row.code, &|c| {
                c.kind = Some(row.kind);
                c.normative = row.normative;
            });
        }
        for code in &p.party.issuers {
            add(&mut codes_exact, code, &|c| c.party_issuer = true);
        }
        for code in &p.codes.issuers {
            add(&mut codes_exact, code, &|c| c.issuer = true);
        }
        // Aliases: exact spellings read as another code.
        for (from, to) in &p.codes.aliases {
            if let Some(target) = codes_exact.get(to).cloned() {
                codes_exact.insert(from.clone(), target);
            }
        }
        let mut codes_folded: HashMap<String, Code> = HashMap::new();
        for (spelled, code) in &codes_exact {
            let key = fold_key(spelled);
            // Prefer the spelling with Đ ("NĐ" over a hypothetical "ND"), and the real
            // code over an alias.
            let better = match codes_folded.get(&key) {
                None => true,
                Some(old) => {
                    spelled == &code.spelled
                        && (code.spelled.contains('Đ') && !old.spelled.contains('Đ'))
                }
            };
            if better {
                codes_folded.insert(key, code.clone());
            }
        }
        // "TƯ" folds to "tu" like the provincial "TU"; the exact table keeps them apart, and
        // the folded table must answer "TU".
        if let Some(tu) = codes_exact.get("TU").cloned() {
            codes_folded.insert("tu".into(), tu);
        }

        let mut laws = Vec::new();
        let named: Vec<(String, Kind)> = type_words
            .iter()
            .filter(|(_, k, _)| k.is_named_law())
            .map(|(f, k, _)| (f.clone(), *k))
            .collect();
        for row in &l.law {
            let kind = row.kind.unwrap_or(Kind::Law);
            // A name ending in a parenthesis ("… ở người (HIV/AIDS)") is also cited without it.
            let bare: Vec<String> = std::iter::once(&row.name)
                .chain(row.aliases.iter())
                .filter_map(|n| {
                    let t = n.trim_end();
                    let open = t.rfind('(')?;
                    (t.ends_with(')') && open > 0).then(|| t[..open].trim_end().to_string())
                })
                .collect();
            for name in std::iter::once(&row.name)
                .chain(row.aliases.iter())
                .chain(bare.iter())
            {
                let key = word_key(name);
                let tail = strip_type_word(&key, &named);
                if let Some((tail, k)) = tail {
                    let proper_tail = crate::normalize::clean(name)
                        .to_lowercase()
                        .split(' ')
                        .skip(if k == Kind::Code { 2 } else { 1 })
                        .collect::<Vec<_>>()
                        .join(" ");
                    laws.push(LawName {
                        tail,
                        kind: if k == Kind::Law { kind } else { k },
                        name: row.name.clone(),
                        proper_tail,
                    });
                }
            }
        }
        let mut works: HashMap<String, std::sync::Arc<Work>> = HashMap::new();
        for mut row in merge_repeated(l.law) {
            let mut versions = std::mem::take(&mut row.versions);
            versions.sort_by_key(|v| v.effective);
            let w = std::sync::Arc::new(Work {
                name: row.name.clone(),
                kind: row.kind.unwrap_or(Kind::Law),
                versions,
                complete_until: row.complete_until,
                source: row.versions_source.take(),
                verified: row.versions_verified,
            });
            for n in std::iter::once(&row.name).chain(row.aliases.iter()) {
                works.entry(fold_key(n)).or_insert_with(|| w.clone());
            }
        }
        laws.sort_by_key(|l| std::cmp::Reverse(l.tail.len()));
        laws.dedup_by(|a, b| a.tail == b.tail && a.kind == b.kind);
        let mut laws_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, l) in laws.iter().enumerate() {
            let first = l.tail.split(' ').next().unwrap_or("").to_string();
            laws_by_first.entry(first).or_default().push(i);
        }

        let mut issuers = Vec::new();
        let mut ceased = Vec::new();
        let mut ceased_codes = HashMap::new();
        for row in &i.issuer {
            if let Some(date) = row.ceased {
                let c = Ceased {
                    name: row.name.clone(),
                    date,
                    source: row.source.clone(),
                };
                for n in std::iter::once(&row.name).chain(row.aliases.iter()) {
                    ceased.push((word_key(n), c.clone()));
                }
                for code in &row.codes {
                    // Bare Party codes only ("HU", "QU"): "KH-UBND" names no level.
                    if !code.contains(['-', '/']) && code != "UBND" && code != "HĐND" {
                        ceased_codes
                            .entry(code.clone())
                            .or_insert_with(|| c.clone());
                    }
                }
            }
            let local = !matches!(
                row.level.as_deref(),
                Some("central") | Some("party-central") | None
            );
            for n in std::iter::once(&row.name).chain(row.aliases.iter()) {
                issuers.push((word_key(n), row.name.clone(), local));
            }
        }
        issuers.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        ceased.sort_by_key(|x| std::cmp::Reverse(x.0.len()));

        Tables {
            type_words,
            generic_words,
            codes_exact,
            codes_folded,
            max_law_words: laws
                .iter()
                .map(|l| l.tail.split(' ').count())
                .max()
                .unwrap_or(0),
            laws,
            laws_by_first,
            works,
            issuers,
            ceased,
            ceased_codes,
            words: Words::from_file(&p),
            chrome: Chrome {
                tail_from: p
                    .chrome
                    .iter()
                    .flat_map(|c| &c.tail_from)
                    .map(|m| crate::normalize::Folded::new(m).text.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect(),
                lines: p
                    .chrome
                    .iter()
                    .flat_map(|c| &c.lines)
                    .map(|m| crate::normalize::Folded::new(m).text.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect(),
            },
            examples: p.example,
        }
    }

    /// The work a law name (canonical or alias, any spelling) names.
    ///
    /// The resolution asks for the same few names again and again (each law cited, its
    /// amending law): the keys (`fold_key`, a pure function of the name) of the last
    /// names asked on this thread are kept, most recent first, so a name asked again is
    /// not folded again.
    pub fn work(&self, name: &str) -> Option<&Work> {
        let mut kept = WORK_KEYS.with(|k| k.take()).unwrap_or_default();
        let found = match kept.iter().position(|(n, _)| n == name) {
            Some(i) => {
                let entry = kept.remove(i);
                kept.insert(0, entry);
                self.works.get(&kept[0].1)
            }
            None => {
                let (mut n, mut k) = if kept.len() >= WORK_KEYS_KEPT {
                    kept.pop().unwrap_or_default()
                } else {
                    Default::default()
                };
                n.clear();
                n.push_str(name);
                k.clear();
                k.push_str(&fold_key(name));
                kept.insert(0, (n, k));
                self.works.get(&kept[0].1)
            }
        };
        WORK_KEYS.with(|k| k.set(Some(kept)));
        found.map(|w| w.as_ref())
    }

    /// Whether some law name's tail starts with the word `first` (folded, lower case):
    /// [`Tables::laws_starting`] of a text starting with `first` yields nothing otherwise.
    pub fn has_laws_starting(&self, first: &str) -> bool {
        self.laws_by_first.contains_key(first)
    }

    /// Law names whose tail starts with the first word of `joined` (folded, lower case),
    /// longest first.
    pub fn laws_starting(&self, joined: &str) -> impl Iterator<Item = &LawName> {
        let first = joined.split(' ').next().unwrap_or("");
        self.laws_by_first
            .get(first)
            .into_iter()
            .flatten()
            .map(move |&i| &self.laws[i])
    }

    /// The body an issuer phrase names, when the table records that it ceased ("UBND
    /// huyện Yên Thế" → UBND huyện, 2025-07-01).
    pub fn ceased_issuer(&self, issuer: &str) -> Option<&Ceased> {
        let key = word_key(issuer);
        self.ceased
            .iter()
            .find(|(k, _)| {
                !k.is_empty()
                    && key.starts_with(k.as_str())
                    && key[k.len()..].chars().next().is_none_or(|c| c == ' ')
            })
            .map(|(_, c)| c)
    }

    /// The ceased body issuing under a Party symbol code ("HU").
    pub fn ceased_code(&self, code: &str) -> Option<&Ceased> {
        self.ceased_codes.get(code)
    }

    /// Look up a symbol group as written (cleaned): exact first, then folded.
    pub fn code(&self, written: &str) -> Option<&Code> {
        self.codes_exact
            .get(written)
            .or_else(|| self.codes_folded.get(&fold_key(written)))
    }

    /// The kind of a folded type word ("nghi dinh").
    pub fn type_word(&self, folded: &str) -> Option<(Kind, &str)> {
        self.type_words
            .iter()
            .find(|(f, _, _)| f == folded)
            .map(|(_, k, p)| (*k, p.as_str()))
    }

    /// The canonical issuer for an issuer phrase given as folded words: (name, length of
    /// the key matched, local body), longest match first.
    pub fn issuer_prefix(&self, words: &str) -> Option<(&str, usize, bool)> {
        self.issuers
            .iter()
            .find(|(k, _, _)| {
                !k.is_empty()
                    && words.starts_with(k.as_str())
                    && words[k.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|(k, n, l)| (n.as_str(), k.len(), *l))
    }
}

/// The three compiled-in files from their JSON form, None when the build script left one
/// empty (or it does not read).
fn builtin_files() -> Option<(PatternFile, LawFile, IssuerFile)> {
    Some((
        serde_json::from_str(PATTERNS_JSON).ok()?,
        serde_json::from_str(LAWS_JSON).ok()?,
        serde_json::from_str(ISSUERS_JSON).ok()?,
    ))
}

thread_local! {
    /// The last law names [`Tables::work`] was asked on this thread, with their keys.
    static WORK_KEYS: Cell<Option<Vec<(String, String)>>> = const { Cell::new(None) };
}

/// How many names [`Tables::work`] keeps the keys of.
const WORK_KEYS_KEPT: usize = 4;

/// Folded words only (letters and '&'; digits and punctuation separate words, as the
/// extractor's word scanner does): "Luật Phòng, chống tham nhũng" → "luat phong chong tham nhung".
pub fn word_key(s: &str) -> String {
    let f = fold_key(s);
    let mut out = String::with_capacity(f.len());
    for w in f.split(|c: char| !(c.is_ascii_alphabetic() || c == '&')) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Split a folded law name into its type word and tail: "luat dan quan tu ve" →
/// ("dan quan tu ve", Law).
/// `named` are the type words of laws cited by name (folded, longest first), from the
/// pattern file's `[[type_word]]` rows.
fn strip_type_word(key: &str, named: &[(String, Kind)]) -> Option<(String, Kind)> {
    named.iter().find_map(|(prefix, kind)| {
        let rest = key.strip_prefix(prefix.as_str())?;
        (rest.is_empty() || rest.starts_with(' ')).then(|| (rest.trim().to_string(), *kind))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The build script's JSON forms of the three files are there (startup reads them, not
    /// the TOML) and read as exactly what the TOML reads as, field for field.
    #[test]
    fn builtin_json_is_the_toml() {
        let (p, l, i) = builtin_files().expect("the JSON forms");
        let tp: PatternFile = toml::from_str(PATTERNS_TOML).expect("patterns");
        let tl: LawFile = toml::from_str(LAWS_TOML).expect("laws");
        let ti: IssuerFile = toml::from_str(ISSUERS_TOML).expect("issuers");
        assert!(tl.law.len() > 100 && ti.issuer.len() > 20 && tp.type_word.len() > 10);
        assert_eq!(format!("{p:?}"), format!("{tp:?}"));
        assert_eq!(format!("{l:?}"), format!("{tl:?}"));
        assert_eq!(format!("{i:?}"), format!("{ti:?}"));
    }

    #[test]
    fn builtin_tables_parse() {
        let t = Tables::builtin();
        assert!(t.type_words.len() >= 25);
        assert_eq!(t.code("ND").unwrap().spelled, "NĐ");
        assert_eq!(t.code("NĐ").unwrap().kind, Some(Kind::Decree));
        assert_eq!(t.code("QÐ").map(|c| c.spelled.as_str()), Some("QĐ"));
        assert_eq!(t.code("BTN&MT").unwrap().spelled, "BTNMT");
        assert_eq!(t.code("TƯ").unwrap().spelled, "TW");
        assert_eq!(t.code("TU").unwrap().spelled, "TU");
        assert!(t.laws.iter().any(|l| l.tail == "dqtv"));
    }

    /// `work` with its kept keys answers as the table keyed by `fold_key` does, whatever
    /// the order of the names asked (repeats, more names than are kept, unknown names,
    /// names equal but for case or marks).
    #[test]
    fn work_with_kept_keys_is_the_folded_lookup() {
        let t = Tables::builtin();
        let names = [
            "Luật Quốc phòng",
            "Luật QP",
            "LUẬT QUỐC PHÒNG",
            "Luật Dân quân tự vệ",
            "Luật DQTV",
            "Luật Giáo dục quốc phòng và an ninh",
            "Luật Quoc phong",
            "Luật không có",
            "",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..2000 {
            x = crate::testing::xorshift(x);
            let name = names[(x % names.len() as u64) as usize];
            let want = t
                .works
                .get(&fold_key(name))
                .map(|w| w.as_ref() as *const Work);
            let got = t.work(name).map(|w| w as *const Work);
            assert_eq!(got, want, "{name:?}");
        }
        assert!(t.work("Luật QP").is_some());
    }
}

#[cfg(test)]
mod instance_tests {
    use super::*;
    use crate::extract::Extractor;

    /// The extractor reads the tables it is given, regexes included: a type word and a
    /// symbol code added or removed in a pattern file change what it finds.
    #[test]
    fn extractor_uses_the_tables_it_is_given() {
        let patterns = PATTERNS_TOML.replace("code = \"QCPH\"", "code = \"QCXX\"")
            + "\n[[type_word]]\nkind = \"quy-che\"\nfolded = [\"quy uoc\"]\nproper = \"quy ước\"\n";
        let t = Tables::from_toml(&patterns, LAWS_TOML, ISSUERS_TOML).expect("tables");
        let custom = Extractor::try_new(&t).expect("regexes");
        let text = "theo 49/QCPH-UBND-UBMT-HCTĐ; Quy ước số 12/QUC-UBND ngày 01/02/2025";
        let got = |e: &Extractor| -> Vec<String> {
            e.extract(text)
                .citations
                .iter()
                .map(|c| format!("{} {}", c.kind, c.text))
                .collect()
        };
        assert_eq!(
            got(&custom),
            ["quy-che Quy ước số 12/QUC-UBND ngày 01/02/2025"]
        );
        assert_eq!(
            got(Extractor::builtin()),
            ["quy-che 49/QCPH-UBND-UBMT-HCTĐ"]
        );
    }

    /// A row repeating a name adds to the first row of that name: (law table, name, version
    /// ids, complete_until). Regression: appended rows were ignored, the first row won.
    #[test]
    fn repeated_law_rows_merge_table() {
        let one = "[[law]]\nname = \"Luật A\"\naliases = [\"Luật AA\"]\n[[law.versions]]\nid = \"1/2010/QH12\"\npassed = \"2010-01-01\"\neffective = \"2010-07-01\"\n";
        let two = "[[law]]\nname = \"Luật A\"\naliases = [\"Luật AB\"]\ncomplete_until = \"2026-01-01\"\n[[law.versions]]\nid = \"2/2020/QH14\"\npassed = \"2020-01-01\"\neffective = \"2020-07-01\"\n[[law.versions]]\nid = \"1/2010/QH12\"\npassed = \"2010-01-01\"\neffective = \"2010-07-01\"\n";
        let rows: Vec<(String, &str, Vec<&str>, Option<&str>)> = vec![
            (one.to_string(), "Luật AA", vec!["1/2010/QH12"], None),
            (
                format!("{one}{two}"),
                "Luật AB",
                vec!["1/2010/QH12", "2/2020/QH14"],
                Some("2026-01-01"),
            ),
            (
                format!("{two}{one}"),
                "Luật A",
                vec!["1/2010/QH12", "2/2020/QH14"],
                Some("2026-01-01"),
            ),
        ];
        for (laws, name, ids, until) in rows {
            let t = Tables::from_toml(PATTERNS_TOML, &laws, ISSUERS_TOML).expect("tables");
            let w = t.work(name).unwrap_or_else(|| panic!("{name} in {laws}"));
            let got: Vec<&str> = w.versions.iter().map(|v| v.id.as_str()).collect();
            assert_eq!(got, ids, "{laws}");
            assert_eq!(
                w.complete_until.map(|d| d.to_string()),
                until.map(str::to_string),
                "{laws}"
            );
        }
    }

    /// A pattern file without a word list is refused with the file named.
    #[test]
    fn missing_word_list_is_an_error() {
        let i = PATTERNS_TOML.find("[law_name]").expect("section");
        let err = Tables::from_toml(&PATTERNS_TOML[..i], LAWS_TOML, ISSUERS_TOML).unwrap_err();
        assert!(err.contains("corpus/patterns.toml"), "{err}");
    }
}
