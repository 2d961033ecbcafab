//! The HTML pages, written with maud: every interpolated value is escaped, so text from a
//! plan, a query or the registry (a `<script>` in a plan) shows as text. Pages are complete
//! without JavaScript; the graph page adds `/assets/graph.js` (no inline scripts: the
//! Content-Security-Policy forbids them).
//! This module must NOT read data or know HTTP beyond building links.

use super::backend::*;
use super::http::{encode_path, Req};
use crate::model::{Date, Kind};
use maud::{html, Markup, DOCTYPE};

pub const STYLE: &str = include_str!("assets/style.css");
pub const GRAPH_JS: &str = include_str!("assets/graph.js");

pub fn document_url(id: &str) -> String {
    format!("/documents/{}", encode_path(id))
}

pub fn instrument_url(id: &str) -> String {
    format!("/instruments/{}", encode_path(id))
}

pub fn section_anchor(path: &str) -> String {
    format!("s-{path}")
}

/// Where a hit leads: the instrument, or the document at the section.
pub fn hit_url(h: &Hit) -> String {
    match &h.target {
        Target::Instrument { id } => instrument_url(id),
        Target::Document { id } => match &h.section {
            Some(s) => format!("{}#{}", document_url(id), section_anchor(&s.path)),
            None => document_url(id),
        },
    }
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.vietnamese()).unwrap_or_else(|| "—".into())
}

fn layout(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — cancu" }
                link rel="stylesheet" href="/assets/style.css";
            }
            body {
                header.top {
                    a.brand href="/" { "cancu" }
                    span.tag { "căn cứ pháp lý của kế hoạch" }
                    nav {
                        a href="/search" { "Tìm kiếm" }
                        a href="/documents" { "Văn bản" }
                        a href="/graph" { "Đồ thị" }
                    }
                }
                main { (body) }
            }
        }
    }
    .into_string()
}

pub fn error(status: u16, message: &str) -> String {
    let what = match status {
        400 => "Yêu cầu không hợp lệ",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        _ => "Lỗi máy chủ",
    };
    layout(
        what,
        html! {
            section.error {
                h1 { (status) " — " (what) }
                p.message { (message) }
                p { a href="/" { "Về trang tìm kiếm" } }
            }
        },
    )
}

/// The registry's status in Vietnamese ("superseded" → "đã được thay thế").
pub fn status_vietnamese(status: &str) -> &str {
    match status {
        "in-force" => "còn hiệu lực",
        "partly-expired" => "hết hiệu lực một phần",
        "expired" => "hết hiệu lực",
        "superseded" => "đã được thay thế",
        "replaced" => "bị thay thế",
        "not-yet" | "not-yet-in-force" => "chưa có hiệu lực",
        _ => "chưa rõ hiệu lực",
    }
}

fn status_badge(status: &str) -> Markup {
    let st = match status {
        "in-force" | "partly-expired" => Standing::InForce,
        "expired" | "superseded" | "replaced" | "repealed" => Standing::Outdated,
        _ => Standing::Unknown,
    };
    html! { span class=(format!("badge st-{}", st.slug())) title=(status) { (status_vietnamese(status)) } }
}

fn search_form(q: &SearchQuery) -> Markup {
    html! {
        form.search action="/search" method="get" role="search" {
            input type="search" name="q" value=(q.q) maxlength=(MAX_QUERY_BYTES)
                placeholder="vd. dan quan tu ve, nghị định 168, phòng thủ dân sự" autofocus;
            select name="kind" aria-label="Loại văn bản" {
                option value="" { "mọi loại" }
                @for k in Kind::ALL {
                    option value=(k.slug()) selected[q.kind == Some(k)] { (k.vietnamese()) }
                }
            }
            input type="number" name="year" min="1900" max="2100" placeholder="năm"
                value=[q.year];
            input type="text" name="issuer" placeholder="cơ quan ban hành" value=[q.issuer.as_deref()];
            select name="status" aria-label="Hiệu lực" {
                option value="" { "mọi hiệu lực" }
                @for s in Standing::ALL {
                    option value=(s.slug()) selected[q.status == Some(s)] { (s.vietnamese()) }
                }
            }
            button type="submit" { "Tìm" }
        }
    }
}

fn document_table(docs: &[DocumentSummary]) -> Markup {
    html! {
        table.docs {
            thead { tr { th { "Văn bản" } th { "Số" } th { "Ngày" } th { "Trích dẫn" }
                th { "Hết hiệu lực" } th { "Sai thể thức" } th { "Chưa xác định" } } }
            tbody {
                @for d in docs {
                    tr {
                        td { a href=(document_url(&d.id)) { (d.title) } br; small.id { (d.id) } }
                        td { (d.header.number.as_deref().unwrap_or(""))
                             @if let Some(s) = &d.header.symbol { "/" (s) } }
                        td { (date(d.header.date)) }
                        td.num { (d.citations) }
                        td.num.st-outdated { (d.outdated) }
                        td.num.st-malformed { (d.malformed) }
                        td.num.st-unresolved { (d.unresolved) }
                    }
                }
            }
        }
    }
}

pub fn search(
    q: &SearchQuery,
    results: Option<&SearchResults>,
    docs: &[DocumentSummary],
) -> String {
    let title = if q.q.is_empty() {
        "Tìm kiếm".to_string()
    } else {
        format!("Tìm: {}", q.q)
    };
    layout(
        &title,
        html! {
            h1 { "Tìm trong kế hoạch và văn bản căn cứ" }
            (search_form(q))
            @if let Some(r) = results {
                p.count { "Tìm thấy " (r.total) " kết quả"
                    @if r.total > r.hits.len() { " (hiển thị " (r.hits.len()) ")" }
                    @if r.engine == Engine::Index { " " small.engine { "(từ chỉ mục tìm kiếm)" } } }
                ol.hits data-engine=(match r.engine { Engine::Index => "index", Engine::Scan => "scan" }) {
                    @for h in &r.hits {
                        li.hit {
                            a.title href=(hit_url(h)) { (h.title) }
                            @match &h.target {
                                Target::Instrument { .. } => { " " span.tag { "văn bản căn cứ" } }
                                Target::Document { .. } => {
                                    @if let Some(s) = &h.section {
                                        " " span.section { "mục " (s.path) " — " (s.heading) }
                                    }
                                }
                            }
                            p.snippet {
                                @for f in &h.snippet {
                                    @if f.hl { mark { (f.text) } } @else { (f.text) }
                                }
                            }
                        }
                    }
                }
            } @else {
                h2 { "Các kế hoạch" }
                (document_table(docs))
            }
        },
    )
}

pub fn documents(docs: &[DocumentSummary]) -> String {
    layout(
        "Văn bản",
        html! {
            h1 { "Các kế hoạch" }
            (document_table(docs))
        },
    )
}

/// A piece of the document text as rendered.
enum Piece<'a> {
    Text(&'a str),
    Anchor(&'a str),
    Cite(&'a CitedView, &'a str),
}

fn pieces(d: &DocumentView) -> Vec<Piece<'_>> {
    let text = d.text.as_str();
    let mut marks: Vec<(usize, usize, u8, usize)> = Vec::new(); // (start, end, order, index)
    for (i, s) in d.sections.iter().enumerate() {
        marks.push((s.start, s.start, 0, i));
    }
    for (i, c) in d.citations.iter().enumerate() {
        marks.push((c.start, c.end, 1, i));
    }
    marks.sort();
    let mut out = Vec::new();
    let mut pos = 0;
    for (start, end, order, i) in marks {
        let ok = start >= pos
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !ok {
            continue;
        }
        if start > pos {
            out.push(Piece::Text(&text[pos..start]));
        }
        match order {
            0 => out.push(Piece::Anchor(&d.sections[i].path)),
            _ => out.push(Piece::Cite(&d.citations[i], &text[start..end])),
        }
        pos = end;
    }
    if pos < text.len() {
        out.push(Piece::Text(&text[pos..]));
    }
    out
}

fn cite_title(c: &CitedView) -> String {
    let mut t = match &c.instrument {
        Some(i) => format!("{} — {}", i.label, c.standing.vietnamese()),
        None if !c.candidates.is_empty() => {
            format!(
                "chưa xác định: {} văn bản trùng số ký hiệu",
                c.candidates.len()
            )
        }
        None => "chưa xác định được văn bản".to_string(),
    };
    if c.malformed {
        t.push_str("; sai thể thức");
    }
    t
}

pub fn document(d: &DocumentView) -> String {
    let s = &d.summary;
    let first_finding = |ci: usize| d.findings.iter().position(|f| f.citation == Some(ci));
    layout(
        &s.title,
        html! {
            article.document {
                header.dochead {
                    h1 { (s.title) }
                    p.meta {
                        @if let Some(n) = &s.header.number { "Số " (n) @if let Some(sym) = &s.header.symbol { "/" (sym) } " · " }
                        @if let Some(i) = &s.header.issuer { (i) " · " }
                        @if let Some(d) = s.header.date { "ngày " (d.vietnamese()) " · " }
                        small.id { (s.id) }
                    }
                    p.counts {
                        (s.citations) " trích dẫn: "
                        span.st-outdated { (s.outdated) " hết hiệu lực" } ", "
                        span.st-malformed { (s.malformed) " sai thể thức" } ", "
                        span.st-unresolved { (s.unresolved) " chưa xác định" }
                        " · " a href=(format!("/graph?document={}", encode_path(&s.id))) { "Đồ thị trích dẫn" }
                        " · " a href=(format!("/api/documents/{}", encode_path(&s.id))) { "JSON" }
                    }
                    p.legend {
                        "Chú giải: "
                        @for st in [Standing::InForce, Standing::Outdated, Standing::Unknown, Standing::Unresolved] {
                            span class=(format!("cite st-{}", st.slug())) { (st.vietnamese()) } " "
                        }
                        span.cite.malformed { "sai thể thức" }
                    }
                }
                div.columns {
                    nav.toc aria-label="Mục lục" {
                        h2 { "Mục lục" }
                        @if d.sections.is_empty() { p { "Không nhận ra các mục." } }
                        ul {
                            @for sec in &d.sections {
                                li class=(format!("depth-{}", sec.depth)) {
                                    a href=(format!("#{}", section_anchor(&sec.path))) {
                                        b { (sec.path) } " " (sec.heading)
                                    }
                                    @if !sec.instruments.is_empty() || sec.unresolved > 0 {
                                        details.backing {
                                            summary { "Căn cứ: " (sec.instruments.len()) " văn bản"
                                                @if sec.unresolved > 0 { ", " (sec.unresolved) " chưa xác định" } }
                                            ul {
                                                @for i in &sec.instruments {
                                                    li { a href=(instrument_url(&i.id)) { (i.label) } " " (status_badge(&i.status)) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    pre.text {
                        @for p in pieces(d) {
                            @match p {
                                Piece::Text(t) => (t),
                                Piece::Anchor(path) => span.anchor id=(section_anchor(path)) {},
                                Piece::Cite(c, t) => {
                                    @let class = format!("cite st-{}{}", c.standing.slug(), if c.malformed { " malformed" } else { "" });
                                    @let href = match (&c.instrument, first_finding(c.index)) {
                                        (Some(i), _) => instrument_url(&i.id),
                                        (None, Some(f)) => format!("#f{f}"),
                                        (None, None) => format!("#c{}", c.index),
                                    };
                                    a class=(class) id=(format!("c{}", c.index)) href=(href)
                                        title=(cite_title(c)) data-standing=(c.standing.slug()) { (t) }
                                }
                            }
                        }
                    }
                    aside.findings {
                        h2 { "Phát hiện (" (d.findings.len()) ")" }
                        ol {
                            @for (k, f) in d.findings.iter().enumerate() {
                                li id=(format!("f{k}")) class=(format!("sev-{}", f.severity)) {
                                    @if let Some(ci) = f.citation { a href=(format!("#c{ci}")) { "dòng " (f.line) } }
                                    @else { "dòng " (f.line) }
                                    " " code { (f.code) } br;
                                    (f.message)
                                    @for n in &f.notes { br; small.note { (n) } }
                                    @if let Some(s) = &f.suggestion { br; "Sửa: " code.fix { (s) } }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn inst_link(id: &str, other: Option<&InstrumentRef>) -> Markup {
    html! {
        @match other {
            Some(o) => { a href=(instrument_url(&o.id)) { (o.label) } " " (status_badge(&o.status)) }
            None => { (id) " " small { "(không có trong sổ đăng ký)" } }
        }
    }
}

fn relations_table(rels: &[RelationView]) -> Markup {
    html! {
        @if rels.is_empty() { p { "Không có." } } @else {
            table.relations {
                thead { tr { th { "Quan hệ" } th { "Văn bản" } th { "Ngày" } th { "Nguồn" } } }
                tbody {
                    @for r in rels {
                        tr {
                            td { (r.kind) }
                            td { (inst_link(&r.other_id, r.other.as_ref())) }
                            td { (date(r.date)) }
                            td { (r.source.as_deref().unwrap_or("")) @if !r.verified { " " span.unverified { "chưa kiểm chứng" } } }
                        }
                    }
                }
            }
        }
    }
}

pub fn instrument(i: &InstrumentView) -> String {
    let s = &i.summary;
    layout(
        &s.label,
        html! {
            article.instrument {
                h1 { (s.label) " " (status_badge(&s.status)) }
                @if let Some(t) = &s.title { p.title { (t) } }
                p {
                    a href=(format!("/graph?instrument={}", encode_path(&s.id))) { "Đồ thị quan hệ" }
                    " · " a href=(format!("/api/instruments/{}", encode_path(&s.id))) { "JSON" }
                }
                section.facts {
                    h2 { "Thông tin" }
                    dl {
                        dt { "Mã" } dd { code { (s.id) } }
                        dt { "Loại" } dd { (s.kind.vietnamese()) }
                        dt { "Số, ký hiệu" } dd { (i.number.as_deref().unwrap_or("—")) " " (i.symbol.as_deref().unwrap_or("")) }
                        dt { "Năm" } dd { @if let Some(y) = i.year { (y) } @else { "—" } }
                        dt { "Cơ quan ban hành" } dd { (i.issuer.as_deref().unwrap_or("—")) }
                        dt { "Ngày ban hành" } dd { (date(i.issued)) }
                        dt { "Ngày có hiệu lực" } dd { (date(i.effective)) }
                        dt { "Tình trạng" } dd { (status_vietnamese(&s.status)) " (" code { (s.status) } ")" @if let Some(d) = i.status_date { " từ " (d.vietnamese()) } }
                        @if let Some(n) = &i.law_name { dt { "Tên luật" } dd { (n) } }
                        @if !i.aliases.is_empty() { dt { "Tên gọi khác" } dd { (i.aliases.join("; ")) } }
                        dt { "Đã kiểm chứng" } dd { @if i.verified { "có" } @else { span.unverified { "chưa" } } }
                        @if let Some(n) = &i.note { dt { "Ghi chú" } dd { (n) } }
                    }
                    h3 { "Nguồn" }
                    ul.sources {
                        @for src in &i.sources {
                            li { (src.reference) " — " small { (src.supports.join(", ")) }
                                @if !src.verified { " " span.unverified { "chưa kiểm chứng" } } }
                        }
                    }
                }
                section.timeline {
                    h2 { "Hiệu lực theo thời gian" }
                    @if i.timeline.is_empty() { p { "Không có mốc thời gian." } }
                    ol {
                        @for e in &i.timeline {
                            li { b { (date(e.date)) } " " (e.what)
                                @if let Some(o) = &e.other { " " a href=(instrument_url(&o.id)) { (o.label) } } }
                        }
                    }
                }
                section.relations {
                    h2 { "Quan hệ với văn bản khác" }
                    h3 { "Văn bản này …" }
                    (relations_table(&i.relations_out))
                    h3 { "… và văn bản khác đối với nó" }
                    (relations_table(&i.relations_in))
                }
                section.citedby {
                    h2 { "Được trích dẫn bởi (" (i.cited_by.len()) ")" }
                    @if i.cited_by.is_empty() { p { "Chưa kế hoạch nào trích dẫn." } }
                    ul {
                        @for c in &i.cited_by {
                            li {
                                a href=(format!("{}#c{}", document_url(&c.document), c.citation)) { (c.title) }
                                @if let Some(sec) = &c.section { " — mục " (sec.path) " " small { (sec.heading) } }
                                " — dòng " (c.line) ": " q { (c.text) }
                            }
                        }
                    }
                }
            }
        },
    )
}

pub fn graph(g: &GraphView, req: &Req) -> String {
    let api = {
        let mut u = "/api/graph".to_string();
        let mut sep = '?';
        for k in ["document", "instrument", "limit"] {
            if let Some(v) = req.param(k) {
                u.push_str(&format!("{sep}{k}={}", encode_path(v)));
                sep = '&';
            }
        }
        u
    };
    let label = |id: &str| {
        g.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.label.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let title = match &g.center {
        Center::All => "Đồ thị trích dẫn".to_string(),
        Center::Document(id) => format!("Đồ thị: {}", label(&format!("d:{id}"))),
        Center::Instrument(id) => format!("Đồ thị: {}", label(&format!("i:{id}"))),
    };
    layout(
        &title,
        html! {
            h1 { (title) }
            p { (g.nodes.len()) " nút, " (g.edges.len()) " cạnh"
                @if g.truncated { " (đã cắt bớt)" }
                " · " a href=(api) { "JSON" } }
            div #graph data-api=(api) {
                noscript { p { "Bật JavaScript để xem đồ thị tương tác; danh sách bên dưới có đủ các nút và cạnh." } }
            }
            p.legend {
                span.cite.st-document { "kế hoạch" } " "
                @for st in [Standing::InForce, Standing::Outdated, Standing::Unknown] {
                    span class=(format!("cite st-{}", st.slug())) { (st.vietnamese()) } " "
                }
            }
            details.edges {
                summary { "Danh sách nút và cạnh" }
                ul {
                    @for e in &g.edges {
                        li { (label(&e.source)) " — " i { (e.kind) }
                            @if !e.sections.is_empty() { " (mục " (e.sections.join(", ")) ")" }
                            " → " (label(&e.target)) }
                    }
                }
                ul {
                    @for n in &g.nodes { li { a href=(n.url) { (n.label) } " " small { (n.status) } } }
                }
            }
            script src="/assets/graph.js" {}
        },
    )
}
