//! The web's own words in Vietnamese and English: page labels, statuses, relation names and
//! error messages, one table per language ([`Words`]) keyed by [`Lang`]. Vietnamese unless the
//! reader asks for English (`?lang=en`, or an `Accept-Language` that prefers `en` to `vi`).
//! Diagnostics' messages are not here: they are shown as the checker words them.
//! One table, so it can be folded into the project's message catalogue as it is.
//! This module must NOT know HTTP beyond reading the two inputs above.

/// The language of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `?lang=` wins; else the `Accept-Language` header's preferred of vi and en; else vi.
    pub fn choose(param: Option<&str>, accept_language: Option<&str>) -> Lang {
        match param.map(str::to_ascii_lowercase).as_deref() {
            Some("en") => return Lang::En,
            Some("vi") => return Lang::Vi,
            _ => {}
        }
        let Some(header) = accept_language else {
            return Lang::Vi;
        };
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_string))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            let lang = match primary {
                "vi" => Lang::Vi,
                "en" => Lang::En,
                _ => continue,
            };
            // Earlier entries win ties (the header's order is the reader's order).
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::Vi, |(_, l)| l)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the web interface, in one language.
#[derive(Debug)]
pub struct Words {
    pub tagline: &'static str,
    pub nav_search: &'static str,
    pub nav_documents: &'static str,
    pub nav_graph: &'static str,
    pub other_language: &'static str,
    pub search_title: &'static str,
    pub search_heading: &'static str,
    pub search_placeholder: &'static str,
    pub any_kind: &'static str,
    pub kind: &'static str,
    pub year: &'static str,
    pub issuer: &'static str,
    pub any_status: &'static str,
    pub status: &'static str,
    pub search_button: &'static str,
    pub found: &'static str,
    pub results: &'static str,
    pub showing: &'static str,
    pub from_index: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub instrument_tag: &'static str,
    pub section: &'static str,
    pub issued_on: &'static str,
    pub plans: &'static str,
    pub documents_title: &'static str,
    pub col_document: &'static str,
    pub col_number: &'static str,
    pub col_date: &'static str,
    pub col_citations: &'static str,
    pub col_outdated: &'static str,
    pub col_malformed: &'static str,
    pub col_unresolved: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_title: &'static str,
    pub filter: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    pub number_prefix: &'static str,
    pub dated: &'static str,
    pub citations: &'static str,
    pub outdated_n: &'static str,
    pub malformed_n: &'static str,
    pub unresolved_n: &'static str,
    pub citation_graph: &'static str,
    pub legend: &'static str,
    pub outline: &'static str,
    pub no_sections: &'static str,
    pub backing: &'static str,
    pub instruments_n: &'static str,
    pub findings: &'static str,
    pub line: &'static str,
    pub fix: &'static str,
    pub stale: &'static str,
    pub gone: &'static str,
    pub not_in_registry: &'static str,
    /// An observed instrument's page: what it is and where its facts come from.
    pub observed_note: &'static str,
    pub dates_cited: &'static str,
    pub titles_cited: &'static str,
    pub conflict: &'static str,
    pub unverified: &'static str,
    pub none: &'static str,
    pub relation: &'static str,
    pub source: &'static str,
    pub relation_graph: &'static str,
    pub facts: &'static str,
    pub id: &'static str,
    pub kind_label: &'static str,
    pub number_symbol: &'static str,
    pub issued: &'static str,
    pub effective: &'static str,
    pub standing: &'static str,
    pub since: &'static str,
    pub law_name: &'static str,
    pub aliases: &'static str,
    pub verified: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub note: &'static str,
    pub sources: &'static str,
    pub timeline: &'static str,
    pub no_timeline: &'static str,
    pub relations: &'static str,
    pub this_one: &'static str,
    pub others_to_it: &'static str,
    pub cited_by: &'static str,
    pub not_cited: &'static str,
    pub graph_title: &'static str,
    pub nodes: &'static str,
    pub edges: &'static str,
    pub truncated: &'static str,
    pub noscript: &'static str,
    pub node_list: &'static str,
    pub plan: &'static str,
    pub back_home: &'static str,
    pub ev_issued: &'static str,
    pub ev_effective: &'static str,
    pub ev_status: &'static str,
    pub ambiguous: &'static str,
    pub unresolved_cite: &'static str,
}

pub static VI: Words = Words {
    tagline: "căn cứ pháp lý của kế hoạch",
    nav_search: "Tìm kiếm",
    nav_documents: "Văn bản",
    nav_graph: "Đồ thị",
    other_language: "English",
    search_title: "Tìm kiếm",
    search_heading: "Tìm trong kế hoạch và văn bản căn cứ",
    search_placeholder: "vd. dan quan tu ve, nghị định 168, phòng thủ dân sự",
    any_kind: "mọi loại",
    kind: "Loại văn bản",
    year: "năm",
    issuer: "cơ quan ban hành",
    any_status: "mọi hiệu lực",
    status: "Hiệu lực",
    search_button: "Tìm",
    found: "Tìm thấy",
    results: "kết quả",
    showing: "hiển thị",
    from_index: "từ chỉ mục tìm kiếm",
    previous: "← Trang trước",
    next: "Trang sau →",
    instrument_tag: "văn bản căn cứ",
    section: "mục",
    issued_on: "ban hành",
    plans: "Các kế hoạch",
    documents_title: "Văn bản",
    col_document: "Văn bản",
    col_number: "Số",
    col_date: "Ngày",
    col_citations: "Trích dẫn",
    col_outdated: "Hết hiệu lực",
    col_malformed: "Sai thể thức",
    col_unresolved: "Chưa xác định",
    sort_newest: "mới nhất trước",
    sort_oldest: "cũ nhất trước",
    sort_title: "theo tên",
    filter: "Lọc",
    page: "Trang",
    of: "trên",
    number_prefix: "Số",
    dated: "ngày",
    citations: "trích dẫn",
    outdated_n: "hết hiệu lực",
    malformed_n: "sai thể thức",
    unresolved_n: "chưa xác định",
    citation_graph: "Đồ thị trích dẫn",
    legend: "Chú giải",
    outline: "Mục lục",
    no_sections: "Không nhận ra các mục.",
    backing: "Căn cứ",
    instruments_n: "văn bản",
    findings: "Phát hiện",
    line: "dòng",
    fix: "Sửa",
    stale: "Tệp đã thay đổi sau khi lập chỉ mục: kết quả tìm kiếm có thể đã cũ.",
    gone: "Tệp không còn trên đĩa (đã xoá hoặc đổi tên sau khi lập chỉ mục).",
    not_in_registry: "không có trong sổ đăng ký",
    observed_note: "Văn bản không có trong sổ đăng ký: các thông tin dưới đây lấy từ những trích dẫn văn bản này, tình trạng hiệu lực chưa rõ.",
    dates_cited: "Ngày ban hành theo các trích dẫn",
    titles_cited: "Trích yếu theo các trích dẫn",
    conflict: "các trích dẫn ghi ngày khác nhau",
    unverified: "chưa kiểm chứng",
    none: "Không có.",
    relation: "Quan hệ",
    source: "Nguồn",
    relation_graph: "Đồ thị quan hệ",
    facts: "Thông tin",
    id: "Mã",
    kind_label: "Loại",
    number_symbol: "Số, ký hiệu",
    issued: "Ngày ban hành",
    effective: "Ngày có hiệu lực",
    standing: "Tình trạng",
    since: "từ",
    law_name: "Tên luật",
    aliases: "Tên gọi khác",
    verified: "Đã kiểm chứng",
    yes: "có",
    no: "chưa",
    note: "Ghi chú",
    sources: "Nguồn",
    timeline: "Hiệu lực theo thời gian",
    no_timeline: "Không có mốc thời gian.",
    relations: "Quan hệ với văn bản khác",
    this_one: "Văn bản này …",
    others_to_it: "… và văn bản khác đối với nó",
    cited_by: "Được trích dẫn bởi",
    not_cited: "Chưa kế hoạch nào trích dẫn.",
    graph_title: "Đồ thị trích dẫn",
    nodes: "nút",
    edges: "cạnh",
    truncated: "đã cắt bớt",
    noscript: "Bật JavaScript để xem đồ thị tương tác; danh sách bên dưới có đủ các nút và cạnh.",
    node_list: "Danh sách nút và cạnh",
    plan: "kế hoạch",
    back_home: "Về trang tìm kiếm",
    ev_issued: "ban hành",
    ev_effective: "có hiệu lực",
    ev_status: "tình trạng",
    ambiguous: "chưa xác định: nhiều văn bản trùng số ký hiệu",
    unresolved_cite: "chưa xác định được văn bản",
};

pub static EN: Words = Words {
    tagline: "the legal basis of plans",
    nav_search: "Search",
    nav_documents: "Documents",
    nav_graph: "Graph",
    other_language: "Tiếng Việt",
    search_title: "Search",
    search_heading: "Search plans and the instruments they cite",
    search_placeholder: "e.g. dan quan tu ve, nghị định 168",
    any_kind: "any kind",
    kind: "Kind",
    year: "year",
    issuer: "issuer",
    any_status: "any status",
    status: "Status",
    search_button: "Search",
    found: "Found",
    results: "results",
    showing: "showing",
    from_index: "from the search index",
    previous: "← Previous page",
    next: "Next page →",
    instrument_tag: "instrument",
    section: "section",
    issued_on: "issued",
    plans: "Plans",
    documents_title: "Documents",
    col_document: "Document",
    col_number: "Number",
    col_date: "Date",
    col_citations: "Citations",
    col_outdated: "Not in force",
    col_malformed: "Malformed",
    col_unresolved: "Unresolved",
    sort_newest: "newest first",
    sort_oldest: "oldest first",
    sort_title: "by title",
    filter: "Filter",
    page: "Page",
    of: "of",
    number_prefix: "No.",
    dated: "dated",
    citations: "citations",
    outdated_n: "not in force",
    malformed_n: "malformed",
    unresolved_n: "unresolved",
    citation_graph: "Citation graph",
    legend: "Legend",
    outline: "Outline",
    no_sections: "No sections recognized.",
    backing: "Basis",
    instruments_n: "instruments",
    findings: "Findings",
    line: "line",
    fix: "Fix",
    stale: "The file changed after it was indexed: search results may be out of date.",
    gone: "The file is no longer on disk (deleted or renamed after indexing).",
    not_in_registry: "not in the registry",
    observed_note:
        "Not in the registry: what follows is what the citations of it say; its status is unknown.",
    dates_cited: "Dates of issue the citations give",
    titles_cited: "Titles the citations give",
    conflict: "the citations disagree",
    unverified: "unverified",
    none: "None.",
    relation: "Relation",
    source: "Source",
    relation_graph: "Relation graph",
    facts: "Facts",
    id: "Id",
    kind_label: "Kind",
    number_symbol: "Number, symbol",
    issued: "Issued",
    effective: "In force from",
    standing: "Status",
    since: "since",
    law_name: "Law name",
    aliases: "Also called",
    verified: "Verified",
    yes: "yes",
    no: "no",
    note: "Note",
    sources: "Sources",
    timeline: "Force over time",
    no_timeline: "No dates known.",
    relations: "Relations to other instruments",
    this_one: "This instrument …",
    others_to_it: "… and others towards it",
    cited_by: "Cited by",
    not_cited: "No plan cites it.",
    graph_title: "Citation graph",
    nodes: "nodes",
    edges: "edges",
    truncated: "truncated",
    noscript:
        "Turn on JavaScript for the interactive graph; the list below holds every node and edge.",
    node_list: "Nodes and edges",
    plan: "plan",
    back_home: "Back to search",
    ev_issued: "issued",
    ev_effective: "in force",
    ev_status: "status",
    ambiguous: "unresolved: several instruments share this number",
    unresolved_cite: "instrument not identified",
};

/// A registry status in words (the catalogue's one vocabulary, [`crate::messages::status`]).
pub fn status(lang: Lang, st: crate::registry::Status) -> &'static str {
    let lang = match lang {
        Lang::Vi => crate::messages::Lang::Vi,
        Lang::En => crate::messages::Lang::En,
    };
    crate::messages::status(lang, st)
}

/// A status filter in words (the catalogue's, [`crate::messages::status_filter`]).
pub fn status_filter(lang: Lang, f: crate::model::StatusFilter) -> &'static str {
    let lang = match lang {
        Lang::Vi => crate::messages::Lang::Vi,
        Lang::En => crate::messages::Lang::En,
    };
    crate::messages::status_filter(lang, f)
}

/// A standing slug ("outdated") in words.
pub fn standing(lang: Lang, slug: &str) -> &'static str {
    match (lang, slug) {
        (Lang::Vi, "in-force") => "còn hiệu lực",
        (Lang::Vi, "outdated") => "hết hiệu lực / bị thay thế",
        (Lang::Vi, "unknown") => "chưa rõ hiệu lực",
        (Lang::Vi, "unresolved") => "chưa xác định",
        (Lang::Vi, "malformed") => "sai thể thức",
        (Lang::Vi, "document") => "kế hoạch",
        (Lang::En, "in-force") => "in force",
        (Lang::En, "outdated") => "expired / replaced",
        (Lang::En, "unknown") => "status unknown",
        (Lang::En, "unresolved") => "unresolved",
        (Lang::En, "malformed") => "malformed",
        (Lang::En, "document") => "plan",
        (Lang::Vi, _) => "khác",
        (Lang::En, _) => "other",
    }
}

/// A relation slug ("replaced-by") as read from the instrument's side (the catalogue's one
/// vocabulary, [`crate::messages::relation`]).
pub fn relation(lang: Lang, slug: &str) -> &'static str {
    let lang = match lang {
        Lang::Vi => crate::messages::Lang::Vi,
        Lang::En => crate::messages::Lang::En,
    };
    crate::messages::relation(lang, slug)
}

/// The title of an error page.
pub fn error_title(lang: Lang, status: u16) -> &'static str {
    match (lang, status) {
        (Lang::Vi, 400) => "Yêu cầu không hợp lệ",
        (Lang::Vi, 403) => "Không được phép",
        (Lang::Vi, 404) => "Không tìm thấy",
        (Lang::Vi, 405) => "Phương thức không được hỗ trợ",
        (Lang::Vi, 414) => "Địa chỉ quá dài",
        (Lang::Vi, _) => "Lỗi máy chủ",
        (Lang::En, 400) => "Bad request",
        (Lang::En, 403) => "Forbidden",
        (Lang::En, 404) => "Not found",
        (Lang::En, 405) => "Method not allowed",
        (Lang::En, 414) => "URL too long",
        (Lang::En, _) => "Server error",
    }
}

/// Why a request was refused: the messages of error pages and API errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    QueryTooLong {
        chars: usize,
        max: usize,
    },
    IssuerTooLong {
        max: usize,
    },
    UnknownKind(String),
    BadYear(String),
    UnknownStatus(String),
    UnknownSort(String),
    /// `limit` outside 1..=max or not a number.
    BadLimit {
        name: &'static str,
        max: usize,
    },
    BadOffset {
        max: usize,
    },
    BothCenters,
    NoPage(String),
    NoDocument(String),
    NoInstrument(String),
    NoCenter,
    Method,
    UrlTooLong {
        max: usize,
    },
    PathNotUtf8,
    ForeignHost,
    NoHost,
    /// A failure of the tool (the message is the error's own).
    Internal(String),
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        match (lang, self) {
            (Lang::Vi, QueryTooLong { chars, max }) => format!("Câu tìm kiếm dài {chars} ký tự; chỉ nhận tối đa {max} ký tự."),
            (Lang::En, QueryTooLong { chars, max }) => format!("The query is {chars} characters long; at most {max} characters are accepted."),
            (Lang::Vi, IssuerTooLong { max }) => format!("Tên cơ quan ban hành dài quá {max} ký tự."),
            (Lang::En, IssuerTooLong { max }) => format!("The issuer filter is longer than {max} characters."),
            (Lang::Vi, UnknownKind(k)) => format!("Không có loại văn bản {k:?}."),
            (Lang::En, UnknownKind(k)) => format!("Unknown kind {k:?}."),
            (Lang::Vi, BadYear(y)) => format!("Năm phải là một năm như 2024, không phải {y:?}."),
            (Lang::En, BadYear(y)) => format!("year must be a year like 2024, not {y:?}."),
            (Lang::Vi, UnknownStatus(s)) => format!("Không có tình trạng hiệu lực {s:?}."),
            (Lang::En, UnknownStatus(s)) => format!("Unknown status {s:?}."),
            (Lang::Vi, UnknownSort(s)) => format!("Không sắp xếp được theo {s:?} (date, -date hoặc title)."),
            (Lang::En, UnknownSort(s)) => format!("Unknown sort {s:?} (date, -date or title)."),
            (Lang::Vi, BadLimit { name, max }) => format!("{name} phải là một số từ 1 đến {max}."),
            (Lang::En, BadLimit { name, max }) => format!("{name} must be a number from 1 to {max}."),
            (Lang::Vi, BadOffset { max }) => format!("offset phải là một số từ 0 đến {max}."),
            (Lang::En, BadOffset { max }) => format!("offset must be a number from 0 to {max}."),
            (Lang::Vi, BothCenters) => "Chỉ chọn một văn bản hoặc một văn bản căn cứ, không chọn cả hai.".into(),
            (Lang::En, BothCenters) => "Give a document or an instrument, not both.".into(),
            (Lang::Vi, NoPage(p)) => format!("Không có trang {p}."),
            (Lang::En, NoPage(p)) => format!("No page at {p}."),
            (Lang::Vi, NoDocument(d)) => format!("Không có văn bản {d:?}."),
            (Lang::En, NoDocument(d)) => format!("No document {d:?}."),
            (Lang::Vi, NoInstrument(i)) => format!("Sổ đăng ký không có văn bản {i:?}."),
            (Lang::En, NoInstrument(i)) => format!("No instrument {i:?} in the registry."),
            (Lang::Vi, NoCenter) => "Không có văn bản hoặc văn bản căn cứ này.".into(),
            (Lang::En, NoCenter) => "No such document or instrument.".into(),
            (Lang::Vi, Method) => "Chỉ phục vụ GET và HEAD.".into(),
            (Lang::En, Method) => "Only GET and HEAD are served.".into(),
            (Lang::Vi, UrlTooLong { max }) => format!("Địa chỉ dài quá {max} byte."),
            (Lang::En, UrlTooLong { max }) => format!("The URL is longer than {max} bytes."),
            (Lang::Vi, PathNotUtf8) => "Đường dẫn không phải UTF-8.".into(),
            (Lang::En, PathNotUtf8) => "The path is not UTF-8.".into(),
            (Lang::Vi, ForeignHost) => "Tên máy (Host) không phải của máy chủ này; dùng localhost, 127.0.0.1 hoặc [::1] với đúng cổng.".into(),
            (Lang::En, ForeignHost) => "The Host header names another server; use localhost, 127.0.0.1 or [::1] with the port.".into(),
            (Lang::Vi, NoHost) => "Yêu cầu HTTP/1.1 thiếu dòng Host.".into(),
            (Lang::En, NoHost) => "An HTTP/1.1 request needs a Host header.".into(),
            (_, Internal(m)) => m.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_choice_table() {
        let rows = [
            (None, None, Lang::Vi),
            (Some("en"), None, Lang::En),
            (Some("EN"), Some("vi"), Lang::En),
            (Some("vi"), Some("en-US"), Lang::Vi),
            (Some("fr"), None, Lang::Vi),
            (None, Some("en-US,en;q=0.9"), Lang::En),
            (None, Some("vi-VN,vi;q=0.9,en;q=0.8"), Lang::Vi),
            (None, Some("en;q=0.5,vi;q=0.8"), Lang::Vi),
            (None, Some("fr-FR,fr;q=0.9"), Lang::Vi),
            (None, Some("fr,en;q=0.7"), Lang::En),
            (None, Some("en;q=0"), Lang::Vi),
        ];
        for (param, header, expected) in rows {
            assert_eq!(
                Lang::choose(param, header),
                expected,
                "{param:?} {header:?}"
            );
        }
    }

    #[test]
    fn legal_terms_are_exact() {
        for (slug, vi) in [
            ("in-force", "còn hiệu lực"),
            ("expired", "hết hiệu lực"),
            ("partly-expired", "hết hiệu lực một phần"),
            ("not-yet-in-force", "chưa có hiệu lực"),
            ("superseded", "đã bị thay thế"),
        ] {
            let st = crate::serve::backend::status_from_slug(slug);
            assert_eq!(st.slug(), slug);
            assert_eq!(status(Lang::Vi, st), vi);
        }
        for (slug, vi) in [
            ("replaces", "thay thế"),
            ("replaced-by", "bị thay thế bởi"),
            ("amends", "sửa đổi, bổ sung"),
            ("guided-by", "được hướng dẫn bởi"),
        ] {
            assert_eq!(relation(Lang::Vi, slug), vi);
        }
    }
}
