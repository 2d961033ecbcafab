//! The data model shared by every stage: instrument kinds, dates, spans and citations.
//!
//! A [`Citation`] is one place in a document where a specific instrument is cited
//! ("trích dẫn văn bản"). It keeps the text as written beside the normalized reading
//! (kind, number, year, symbol, date, issuer), and byte spans into the ORIGINAL file.
//! Nothing here does I/O.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of an instrument ("loại văn bản"), serialized as the folded slug of its
/// Vietnamese type name (`Kind::Decree` is "nghi-dinh").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Law — "Luật".
    #[serde(rename = "luat")]
    Law,
    /// Code — "Bộ luật".
    #[serde(rename = "bo-luat")]
    Code,
    /// Constitution — "Hiến pháp".
    #[serde(rename = "hien-phap")]
    Constitution,
    /// Ordinance — "Pháp lệnh".
    #[serde(rename = "phap-lenh")]
    Ordinance,
    /// Resolution — "Nghị quyết".
    #[serde(rename = "nghi-quyet")]
    Resolution,
    /// Joint resolution — "Nghị quyết liên tịch".
    #[serde(rename = "nghi-quyet-lien-tich")]
    JointResolution,
    /// Decree — "Nghị định".
    #[serde(rename = "nghi-dinh")]
    Decree,
    /// Decision — "Quyết định".
    #[serde(rename = "quyet-dinh")]
    Decision,
    /// Directive — "Chỉ thị".
    #[serde(rename = "chi-thi")]
    Directive,
    /// Circular — "Thông tư".
    #[serde(rename = "thong-tu")]
    Circular,
    /// Joint circular — "Thông tư liên tịch".
    #[serde(rename = "thong-tu-lien-tich")]
    JointCircular,
    /// Conclusion (Party) — "Kết luận".
    #[serde(rename = "ket-luan")]
    Conclusion,
    /// Plan — "Kế hoạch".
    #[serde(rename = "ke-hoach")]
    Plan,
    /// Scheme — "Đề án".
    #[serde(rename = "de-an")]
    Scheme,
    /// Programme — "Chương trình".
    #[serde(rename = "chuong-trinh")]
    Programme,
    /// Guidance — "Hướng dẫn".
    #[serde(rename = "huong-dan")]
    Guidance,
    /// Notice — "Thông báo".
    #[serde(rename = "thong-bao")]
    Notice,
    /// Official letter — "Công văn".
    #[serde(rename = "cong-van")]
    OfficialLetter,
    /// Official telegram — "Công điện".
    #[serde(rename = "cong-dien")]
    Telegram,
    /// Regulation — "Quy định".
    #[serde(rename = "quy-dinh")]
    Regulation,
    /// Rules — "Quy chế".
    #[serde(rename = "quy-che")]
    Rules,
    /// Consolidated text — "Văn bản hợp nhất".
    #[serde(rename = "van-ban-hop-nhat")]
    Consolidated,
    /// Report — "Báo cáo".
    #[serde(rename = "bao-cao")]
    Report,
    /// Submission — "Tờ trình".
    #[serde(rename = "to-trinh")]
    Submission,
    /// Option / contingency plan — "Phương án".
    #[serde(rename = "phuong-an")]
    Option,
    /// Party instruction — "Thông tri".
    #[serde(rename = "thong-tri")]
    Instruction,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 26] = [
        Kind::Law,
        Kind::Code,
        Kind::Constitution,
        Kind::Ordinance,
        Kind::Resolution,
        Kind::JointResolution,
        Kind::Decree,
        Kind::Decision,
        Kind::Directive,
        Kind::Circular,
        Kind::JointCircular,
        Kind::Conclusion,
        Kind::Plan,
        Kind::Scheme,
        Kind::Programme,
        Kind::Guidance,
        Kind::Notice,
        Kind::OfficialLetter,
        Kind::Telegram,
        Kind::Regulation,
        Kind::Rules,
        Kind::Consolidated,
        Kind::Report,
        Kind::Submission,
        Kind::Option,
        Kind::Instruction,
    ];

    /// The folded slug ("nghi-dinh").
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Law => "luat",
            Kind::Code => "bo-luat",
            Kind::Constitution => "hien-phap",
            Kind::Ordinance => "phap-lenh",
            Kind::Resolution => "nghi-quyet",
            Kind::JointResolution => "nghi-quyet-lien-tich",
            Kind::Decree => "nghi-dinh",
            Kind::Decision => "quyet-dinh",
            Kind::Directive => "chi-thi",
            Kind::Circular => "thong-tu",
            Kind::JointCircular => "thong-tu-lien-tich",
            Kind::Conclusion => "ket-luan",
            Kind::Plan => "ke-hoach",
            Kind::Scheme => "de-an",
            Kind::Programme => "chuong-trinh",
            Kind::Guidance => "huong-dan",
            Kind::Notice => "thong-bao",
            Kind::OfficialLetter => "cong-van",
            Kind::Telegram => "cong-dien",
            Kind::Regulation => "quy-dinh",
            Kind::Rules => "quy-che",
            Kind::Consolidated => "van-ban-hop-nhat",
            Kind::Report => "bao-cao",
            Kind::Submission => "to-trinh",
            Kind::Option => "phuong-an",
            Kind::Instruction => "thong-tri",
        }
    }

    /// The Vietnamese type name, properly spelled ("Nghị định").
    pub fn vietnamese(self) -> &'static str {
        match self {
            Kind::Law => "Luật",
            Kind::Code => "Bộ luật",
            Kind::Constitution => "Hiến pháp",
            Kind::Ordinance => "Pháp lệnh",
            Kind::Resolution => "Nghị quyết",
            Kind::JointResolution => "Nghị quyết liên tịch",
            Kind::Decree => "Nghị định",
            Kind::Decision => "Quyết định",
            Kind::Directive => "Chỉ thị",
            Kind::Circular => "Thông tư",
            Kind::JointCircular => "Thông tư liên tịch",
            Kind::Conclusion => "Kết luận",
            Kind::Plan => "Kế hoạch",
            Kind::Scheme => "Đề án",
            Kind::Programme => "Chương trình",
            Kind::Guidance => "Hướng dẫn",
            Kind::Notice => "Thông báo",
            Kind::OfficialLetter => "Công văn",
            Kind::Telegram => "Công điện",
            Kind::Regulation => "Quy định",
            Kind::Rules => "Quy chế",
            Kind::Consolidated => "Văn bản hợp nhất",
            Kind::Report => "Báo cáo",
            Kind::Submission => "Tờ trình",
            Kind::Option => "Phương án",
            Kind::Instruction => "Thông tri",
        }
    }

    /// Parse a slug ("nghi-dinh").
    pub fn from_slug(s: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.slug() == s)
    }

    /// Laws, codes, the constitution and ordinances: cited by name, numbered per legislature.
    pub fn is_named_law(self) -> bool {
        matches!(
            self,
            Kind::Law | Kind::Code | Kind::Constitution | Kind::Ordinance
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// A calendar date ("ngày ... tháng ... năm ..."). Only valid dates are built by
/// [`Date::new`]; an impossible written date (31/02) is kept as text by the extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date when it exists in the Gregorian calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parse "2018-12-28".
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Parse a user-typed date: ISO "2024-01-31" or Vietnamese "31/01/2024".
    pub fn parse_loose(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse_iso(s) {
            return Some(d);
        }
        let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
        if parts.len() == 3 {
            let d = parts[0].parse().ok()?;
            let m = parts[1].parse().ok()?;
            let y = parts[2].parse().ok()?;
            return Date::new(y, m, d);
        }
        None
    }

    /// Days since 0000-03-01 (for ordering and differences).
    pub fn ordinal(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + self.day as i64 - 1
    }

    /// "28/12/2018", the way Vietnamese documents write it.
    pub fn vietnamese(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}

/// A byte range `[start, end)` of the ORIGINAL file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One piece of a citation as written: its text (from the original) and its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Piece {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What the extractor saw wrong in how a citation is written. The checker turns these
/// into diagnostics; the extractor only records them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Defect {
    /// "168 NĐ-CP": a normative number written without its year.
    MissingYear,
    /// "21/2019 NĐ-CP", "28 NQ/TW": a separator is missing.
    MissingSeparator,
    /// "NĐ/CP", "28/NQ/TW": the wrong separator.
    WrongSeparator,
    /// "12- CT/TW", "02/2020 /NĐ-CP": spaces inside the number-symbol.
    StraySpace,
    /// "số01": no space after "số".
    Glued,
    /// "12 ĐA-": the symbol stops short.
    TruncatedSymbol,
    /// "ND-CP": ASCII D for Đ in the symbol.
    AsciiSymbol,
    /// "QÐ-UBND": U+00D0 (Ð) or another lookalike for Đ.
    Lookalike,
    /// "Nghi định", "Kết luân", "Đè án": a misspelled type word.
    TypeWordTypo,
    /// "só": a misspelled "số".
    SoTypo,
    /// "ngày 31/02/2019": a date that does not exist.
    InvalidDate,
}

/// Where the citation stands in the plan's outline ("II.1"), filled by `outline`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRef {
    /// The outline path: "II.1", "IV.2.a".
    pub path: String,
    /// The heading text of the innermost item.
    pub heading: String,
}

/// One citation of an instrument in a document ("trích dẫn").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The instrument's kind: from the type word, else from the symbol.
    pub kind: Kind,
    /// The sequence number as written ("02"), without year or symbol.
    pub number: Option<String>,
    /// From the number, else from the date written beside the citation, else null.
    pub year: Option<i32>,
    /// The symbol as it should be written ("NĐ-CP", "NQ/TW", "QH14").
    pub symbol: Option<String>,
    /// The whole number-symbol as it should be written ("168/2018/NĐ-CP", "28-NQ/TW").
    pub canonical: Option<String>,
    /// The issue date written beside the citation.
    pub date: Option<Date>,
    /// A date written beside the citation that does not exist ("31/02/2019").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_date: Option<String>,
    /// The issuer when written ("của Chính phủ"), in its normal spelling.
    pub issuer: Option<String>,
    /// For a law/code cited by name: its full name, abbreviations expanded ("Luật Dân quân tự vệ").
    pub law: Option<String>,
    /// The subject when written ("về công tác quốc phòng ...").
    pub title: Option<String>,
    /// "khoản 2 Điều 5" when a provision is cited.
    pub provision: Option<String>,
    /// The citation as written, whitespace collapsed.
    pub text: String,
    /// Byte offsets into the original file.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters) of the first character.
    pub line: usize,
    pub column: usize,
    /// The item of the plan's outline that holds it.
    pub section: Option<SectionRef>,
    /// The pieces as written, for checks and fixes.
    pub parts: Parts,
    /// Shape problems seen by the extractor.
    pub defects: Vec<Defect>,
    /// What it resolved to, filled by `resolve`: null when unresolved.
    #[serde(default)]
    pub instrument: Option<Resolved>,
    /// Why it resolved to nothing, filled by `resolve` when it did not (JSON
    /// `"unresolved": {"reason": "not-in-registry"}`; absent when it resolved, was ambiguous
    /// or no resolution was made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<Unresolved>,
    /// The checker's diagnostics on it (filled when asked: `extract --findings`).
    #[serde(default, skip_deserializing)]
    pub findings: Vec<crate::diag::Diagnostic>,
}

impl Citation {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The one status vocabulary of the filters: `cancu search --status` and the web's
/// `?status=` take the same slugs with the same meaning. On an instrument it reads the
/// registry's status; on a citation, the status of what it cites at the document's date
/// (`None`: it resolved to nothing). `malformed` is the citation's own shape, not a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    /// In force, wholly or in part — "còn hiệu lực".
    InForce,
    /// Provisions repealed or expired, the rest in force — "hết hiệu lực một phần".
    PartlyExpired,
    /// Expired or replaced as a whole — "hết hiệu lực".
    Expired,
    /// Superseded by a later instrument on the same subject — "đã bị thay thế".
    Superseded,
    /// Passed, not yet in force — "chưa có hiệu lực".
    NotYetInForce,
    /// No longer in force: expired or superseded.
    Outdated,
    /// Known to the registry, status unknown — "chưa rõ hiệu lực".
    Unknown,
    /// Citations that resolved to nothing (no instrument has it).
    Unresolved,
    /// Citations written wrong (no instrument has it).
    Malformed,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 9] = [
        StatusFilter::InForce,
        StatusFilter::PartlyExpired,
        StatusFilter::Expired,
        StatusFilter::Superseded,
        StatusFilter::NotYetInForce,
        StatusFilter::Outdated,
        StatusFilter::Unknown,
        StatusFilter::Unresolved,
        StatusFilter::Malformed,
    ];

    /// Every slug accepted, for `--help` and error messages.
    pub const SLUGS: [&'static str; 9] = [
        "in-force",
        "partly-expired",
        "expired",
        "superseded",
        "not-yet-in-force",
        "outdated",
        "unknown",
        "unresolved",
        "malformed",
    ];

    pub fn slug(self) -> &'static str {
        match self {
            StatusFilter::InForce => "in-force",
            StatusFilter::PartlyExpired => "partly-expired",
            StatusFilter::Expired => "expired",
            StatusFilter::Superseded => "superseded",
            StatusFilter::NotYetInForce => "not-yet-in-force",
            StatusFilter::Outdated => "outdated",
            StatusFilter::Unknown => "unknown",
            StatusFilter::Unresolved => "unresolved",
            StatusFilter::Malformed => "malformed",
        }
    }

    /// The filter a slug names. Both former vocabularies are in this one with the meaning
    /// they had (the web's in-force, outdated, unresolved, malformed; the command line's
    /// expired, superseded, partly-expired, not-yet-in-force), so every old link and
    /// command line still works; in-force counts partly expired instruments on both now,
    /// and the web's unknown no longer counts those not yet in force (their own slug).
    pub fn from_slug(s: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|f| f.slug() == s)
    }

    /// Does it keep this registry status (`None`: a citation that resolved to nothing)?
    pub fn keeps(self, status: Option<crate::registry::Status>) -> bool {
        match (self, status) {
            (StatusFilter::Unresolved, None) => true,
            (_, None) | (StatusFilter::Unresolved | StatusFilter::Malformed, _) => false,
            (f, Some(s)) => f.statuses().contains(&s),
        }
    }

    /// The registry statuses it keeps (none for `unresolved` and `malformed`).
    pub fn statuses(self) -> &'static [crate::registry::Status] {
        use crate::registry::Status as S;
        match self {
            StatusFilter::InForce => &[S::InForce, S::PartlyExpired],
            StatusFilter::PartlyExpired => &[S::PartlyExpired],
            StatusFilter::Expired => &[S::Expired],
            StatusFilter::Superseded => &[S::Superseded],
            StatusFilter::NotYetInForce => &[S::NotYetInForce],
            StatusFilter::Outdated => &[S::Expired, S::Superseded],
            StatusFilter::Unknown => &[S::Unknown],
            StatusFilter::Unresolved | StatusFilter::Malformed => &[],
        }
    }
}

impl Serialize for StatusFilter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

impl fmt::Display for StatusFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Why a citation resolved to nothing (`citation.unresolved`). Several fitting entries are
/// not here: that is [`Resolved::Ambiguous`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Unresolved {
    /// The registry holds no instrument with this number and symbol, or no law of this name.
    /// It does not say that none exists.
    NotInRegistry,
    /// A law by name whose list of versions is not known complete for the document's date:
    /// the version meant may be one the list lacks.
    SeriesIncomplete,
    /// A law by name with its versions known, but nothing (a date, a year, a definition, the
    /// document's own full citation, the version in force on a known date) says which.
    LawVersionUnknown,
    /// The kind, year, date or subject written disagrees with every entry of this number
    /// and symbol (the evidence rule: never a guess).
    Conflict,
    /// The one entry of this number and symbol is of a series numbered anew each year, and
    /// nothing written (year, date, subject, the document's year) says it is that one.
    NoEvidence,
    /// Neither a whole number-symbol nor a law name ("Quyết định số 123", "Nghị quyết của
    /// HĐND tỉnh"): nothing to look up.
    NoNumberSymbol,
}

impl Unresolved {
    /// The JSON slug ("not-in-registry").
    pub fn slug(self) -> &'static str {
        match self {
            Unresolved::NotInRegistry => "not-in-registry",
            Unresolved::SeriesIncomplete => "series-incomplete",
            Unresolved::LawVersionUnknown => "law-version-unknown",
            Unresolved::Conflict => "conflict",
            Unresolved::NoEvidence => "no-evidence",
            Unresolved::NoNumberSymbol => "no-number-symbol",
        }
    }
}

/// What a citation resolved to (`citation.instrument`; unresolved is `None`, JSON null).
/// JSON: an entry's summary (`{"id", "kind", "number", "year", "symbol", "date", "title",
/// "status"}`, with `"observed": true` for a version the document names that the registry
/// lacks), or `{"ambiguous": [ids]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Resolved {
    /// Several registry entries fit; the candidates' ids.
    Ambiguous { ambiguous: Vec<String> },
    /// One registry entry, or an observed version.
    Entry(Entry),
}

/// The summary of the instrument a citation resolved to. Fields in alphabetical order, as
/// the JSON prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Its issue date.
    pub date: Option<Date>,
    /// The registry id ("168/2018/NĐ-CP", "28-NQ/TW:bo-chinh-tri:2008-09-22"); for an
    /// observed version, its canonical number.
    pub id: String,
    pub kind: Kind,
    pub number: Option<String>,
    /// A version of a law the document names ("22/2023/QH15") that the registry does not
    /// hold: what the document says of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub observed: bool,
    /// Its status as the registry records it (`unknown` for an observed version).
    pub status: crate::registry::Status,
    pub symbol: Option<String>,
    pub title: Option<String>,
    pub year: Option<i32>,
}

impl Resolved {
    /// The id of the one instrument it resolved to (an entry or an observed version).
    pub fn id(&self) -> Option<&str> {
        match self {
            Resolved::Entry(e) => Some(&e.id),
            Resolved::Ambiguous { .. } => None,
        }
    }

    /// The candidates of an ambiguous resolution (empty otherwise).
    pub fn candidates(&self) -> &[String] {
        match self {
            Resolved::Ambiguous { ambiguous } => ambiguous,
            Resolved::Entry(_) => &[],
        }
    }

    /// The entry it resolved to, when one.
    pub fn entry(&self) -> Option<&Entry> {
        match self {
            Resolved::Entry(e) => Some(e),
            Resolved::Ambiguous { .. } => None,
        }
    }
}

/// The pieces of a citation as written in the original.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    /// "Nghị định", "Quyết Định", "Nghi định".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_word: Option<Piece>,
    /// "số", "só", "số01" glued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub so_word: Option<Piece>,
    /// "168 NĐ-CP", "28/NQ/TW": the number and symbol as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_symbol: Option<Piece>,
    /// "ngày 28/12/2018".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Piece>,
    /// "của Chính phủ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Piece>,
    /// "về ...".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Piece>,
    /// The symbol completed from context (a truncated "ĐA-" read as "ĐA-UBND").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub symbol_inferred: bool,
}

/// The document's own identity, from its header ("Số: 141/KH-UBND").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub kind: Option<Kind>,
    pub number: Option<String>,
    pub year: Option<i32>,
    pub symbol: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub title: Option<String>,
    /// Span of the "Số: ..." number in the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_span: Option<Span>,
}

#[cfg(test)]
mod tests {
    use crate::registry::Status as S;

    /// One vocabulary for `search --status` and the web's `?status=`: every slug round-trips,
    /// the old spellings still parse, and each keeps the statuses it names.
    #[test]
    fn status_filter_table() {
        for f in StatusFilter::ALL {
            assert_eq!(StatusFilter::from_slug(f.slug()), Some(f));
        }
        assert_eq!(
            StatusFilter::SLUGS.to_vec(),
            StatusFilter::ALL.map(|f| f.slug()).to_vec()
        );
        let rows: Vec<(&str, Option<S>, bool)> = vec![
            ("in-force", Some(S::InForce), true),
            ("in-force", Some(S::PartlyExpired), true),
            ("in-force", Some(S::Expired), false),
            ("partly-expired", Some(S::InForce), false),
            ("expired", Some(S::Expired), true),
            ("expired", Some(S::Superseded), false),
            ("superseded", Some(S::Superseded), true),
            ("outdated", Some(S::Expired), true),
            ("outdated", Some(S::Superseded), true),
            ("outdated", Some(S::InForce), false),
            ("not-yet-in-force", Some(S::NotYetInForce), true),
            ("unknown", Some(S::Unknown), true),
            ("unknown", None, false),
            ("unresolved", None, true),
            ("unresolved", Some(S::Unknown), false),
            ("malformed", Some(S::InForce), false),
            ("malformed", None, false),
        ];
        for (slug, status, kept) in rows {
            let f = StatusFilter::from_slug(slug).unwrap_or_else(|| panic!("{slug}"));
            assert_eq!(f.keeps(status), kept, "{slug} {status:?}");
        }
        assert_eq!(StatusFilter::from_slug("gone"), None);
    }

    use super::*;

    #[test]
    fn kind_slugs_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_slug(k.slug()), Some(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.slug()));
        }
    }

    /// `citation.instrument` keeps its JSON: (value, JSON, id, candidates).
    #[test]
    fn resolved_json_table() {
        let entry = Entry {
            date: Date::new(2018, 12, 28),
            id: "168/2018/NĐ-CP".into(),
            kind: Kind::Decree,
            number: Some("168".into()),
            observed: false,
            status: crate::registry::Status::InForce,
            symbol: Some("NĐ-CP".into()),
            title: Some("về công tác quốc phòng".into()),
            year: Some(2018),
        };
        let observed = Entry {
            date: None,
            id: "22/2023/QH15".into(),
            kind: Kind::Law,
            number: Some("22".into()),
            observed: true,
            status: crate::registry::Status::Unknown,
            symbol: Some("QH15".into()),
            title: Some("Luật Đấu thầu".into()),
            year: Some(2023),
        };
        let rows = [
            (
                Resolved::Entry(entry),
                r#"{"date":"2018-12-28","id":"168/2018/NĐ-CP","kind":"nghi-dinh","number":"168","status":"in-force","symbol":"NĐ-CP","title":"về công tác quốc phòng","year":2018}"#,
                Some("168/2018/NĐ-CP"),
                0,
            ),
            (
                Resolved::Entry(observed),
                r#"{"date":null,"id":"22/2023/QH15","kind":"luat","number":"22","observed":true,"status":"unknown","symbol":"QH15","title":"Luật Đấu thầu","year":2023}"#,
                Some("22/2023/QH15"),
                0,
            ),
            (
                Resolved::Ambiguous {
                    ambiguous: vec![
                        "28-NQ/TW:a:2008-09-22".into(),
                        "28-NQ/TW:b:2013-10-25".into(),
                    ],
                },
                r#"{"ambiguous":["28-NQ/TW:a:2008-09-22","28-NQ/TW:b:2013-10-25"]}"#,
                None,
                2,
            ),
        ];
        for (value, json, id, candidates) in rows {
            assert_eq!(serde_json::to_string(&value).unwrap_or_default(), json);
            let back: Resolved = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back, value);
            assert_eq!(value.id(), id);
            assert_eq!(value.candidates().len(), candidates);
        }
    }

    #[test]
    fn dates() {
        let table = [
            ((2019, 2, 29), false),
            ((2020, 2, 29), true),
            ((2019, 2, 31), false),
            ((2018, 12, 28), true),
            ((2018, 13, 1), false),
            ((2018, 4, 31), false),
        ];
        for ((y, m, d), ok) in table {
            assert_eq!(Date::new(y, m, d).is_some(), ok, "{y}-{m}-{d}");
        }
        let d = Date::new(2018, 12, 28).unwrap();
        assert_eq!(d.to_string(), "2018-12-28");
        assert_eq!(Date::parse_iso("2018-12-28"), Some(d));
        assert_eq!(Date::parse_loose("28/12/2018"), Some(d));
        assert!(Date::new(2019, 1, 1).unwrap().ordinal() - d.ordinal() == 4);
    }
}
