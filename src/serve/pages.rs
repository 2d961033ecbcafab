//! The HTML pages, written with maud: every interpolated value is escaped, so text from a
//! plan, a query or the registry (a `<script>` in a plan) shows as text. Pages are complete
//! without JavaScript; the graph page adds `/assets/graph.js` (no inline scripts: the
//! Content-Security-Policy forbids them). Every fixed word comes from [`super::text`] in the
//! page's [`Lang`]; a document's text is drawn by [`super::render`].
//! This module must NOT read data or know HTTP beyond building links.

use super::backend::*;
use super::http::{encode_path, Req};
use super::render;
use super::text::{self, Lang, Words};
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

/// A query string from pairs, empty values left out; `lang=en` kept when the page is English.
fn query_string(lang: Lang, pairs: &[(&str, String)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            out.append_pair(k, v);
        }
    }
    if lang == Lang::En {
        out.append_pair("lang", "en");
    }
    out.finish()
}

fn layout(lang: Lang, title: &str, body: Markup) -> String {
    let w = lang.words();
    let other = match lang {
        Lang::Vi => "?lang=en",
        Lang::En => "?lang=vi",
    };
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — cancu" }
                link rel="stylesheet" href="/assets/style.css";
            }
            body {
                header.top {
                    a.brand href="/" { "cancu" }
                    span.tagline { (w.tagline) }
                    nav {
                        a href="/search" { (w.nav_search) }
                        a href="/documents" { (w.nav_documents) }
                        a href="/graph" { (w.nav_graph) }
                        a.lang href=(other) hreflang=(match lang { Lang::Vi => "en", Lang::En => "vi" }) { (w.other_language) }
                    }
                }
                main { (body) }
            }
        }
    }
    .into_string()
}

pub fn error(lang: Lang, status: u16, message: &str) -> String {
    let what = text::error_title(lang, status);
    let w = lang.words();
    layout(
        lang,
        what,
        html! {
            section.error {
                h1 { (status) " — " (what) }
                p.message { (message) }
                p { a href="/" { (w.back_home) } }
            }
        },
    )
}

/// The class of a registry status: in force, not in force, or unknown.
fn status_class(status: crate::registry::Status) -> Standing {
    use crate::registry::Status::*;
    match status {
        InForce | PartlyExpired => Standing::InForce,
        Expired | Superseded => Standing::Outdated,
        NotYetInForce | Unknown => Standing::Unknown,
    }
}

fn status_badge(lang: Lang, status: crate::registry::Status) -> Markup {
    let st = status_class(status);
    html! { span class=(format!("badge st-{}", st.slug())) title=(status.slug()) { (text::status(lang, status)) } }
}

/// What tells an instrument apart from another with the same number: issuer and date.
fn instrument_facts(lang: Lang, i: &InstrumentRef) -> Markup {
    let w = lang.words();
    html! {
        span.facts {
            (status_badge(lang, i.status))
            @if let Some(iss) = &i.issuer { " · " (iss) }
            @if let Some(d) = i.issued { " · " (w.issued_on) " " (d.vietnamese()) }
        }
    }
}

fn search_form(lang: Lang, q: &SearchQuery) -> Markup {
    let w = lang.words();
    html! {
        form.search action="/search" method="get" role="search" {
            input type="search" name="q" value=(q.q) maxlength=(MAX_QUERY_CHARS)
                aria-label=(w.search_title) placeholder=(w.search_placeholder) autofocus;
            select name="kind" aria-label=(w.kind) {
                option value="" { (w.any_kind) }
                @for k in Kind::ALL {
                    option value=(k.slug()) selected[q.kind == Some(k)] { (k.vietnamese()) }
                }
            }
            input type="number" name="year" min="1900" max="2100" placeholder=(w.year)
                aria-label=(w.year) value=[q.year];
            input type="text" name="issuer" placeholder=(w.issuer) aria-label=(w.issuer)
                value=[q.issuer.as_deref()];
            select name="status" aria-label=(w.status) {
                option value="" { (w.any_status) }
                @for s in crate::model::StatusFilter::ALL {
                    option value=(s.slug()) selected[q.status == Some(s)] { (text::status_filter(lang, s)) }
                }
            }
            @if lang == Lang::En { input type="hidden" name="lang" value="en"; }
            button type="submit" { (w.search_button) }
        }
    }
}

/// How the document list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first (undated last).
    #[default]
    DateDesc,
    DateAsc,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::DateDesc, Sort::DateAsc, Sort::Title];
    pub fn slug(self) -> &'static str {
        match self {
            Sort::DateDesc => "-date",
            Sort::DateAsc => "date",
            Sort::Title => "title",
        }
    }
    pub fn from_slug(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.slug() == s)
    }
    fn label(self, w: &Words) -> &'static str {
        match self {
            Sort::DateDesc => w.sort_newest,
            Sort::DateAsc => w.sort_oldest,
            Sort::Title => w.sort_title,
        }
    }
}

/// The document list's filters, order and page.
#[derive(Debug, Clone, Default)]
pub struct DocumentsQuery {
    pub kind: Option<Kind>,
    pub year: Option<i32>,
    /// Words of the issuer, diacritics optional.
    pub issuer: Option<String>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

/// The documents a list query selects: how many in all, and this page of them.
pub fn select_documents<'a>(
    docs: &'a [DocumentSummary],
    q: &DocumentsQuery,
) -> (usize, Vec<&'a DocumentSummary>) {
    let issuer = q
        .issuer
        .as_deref()
        .map(crate::normalize::fold_key)
        .filter(|s| !s.is_empty());
    let mut sel: Vec<&DocumentSummary> = docs
        .iter()
        .filter(|d| q.kind.is_none_or(|k| d.header.kind == Some(k)))
        .filter(|d| {
            q.year.is_none_or(|y| {
                d.header.date.map(|x| x.year) == Some(y) || d.header.year == Some(y)
            })
        })
        .filter(|d| {
            issuer.as_ref().is_none_or(|want| {
                d.header
                    .issuer
                    .as_deref()
                    .map(crate::normalize::fold_key)
                    .is_some_and(|have| have.contains(want.as_str()))
            })
        })
        .collect();
    let day = |d: &DocumentSummary| d.header.date.map(|x| x.ordinal());
    match q.sort {
        Sort::DateDesc => sel.sort_by(|a, b| {
            (day(b).is_some(), day(b))
                .cmp(&(day(a).is_some(), day(a)))
                .then(a.title.cmp(&b.title))
        }),
        Sort::DateAsc => sel.sort_by(|a, b| {
            (day(a).is_none(), day(a))
                .cmp(&(day(b).is_none(), day(b)))
                .then(a.title.cmp(&b.title))
        }),
        Sort::Title => sel.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id))),
    }
    let total = sel.len();
    let page = sel.into_iter().skip(q.offset).take(q.limit).collect();
    (total, page)
}

fn number(h: &crate::model::Header) -> String {
    match (&h.number, &h.symbol) {
        (Some(n), Some(s)) => format!("{n}/{s}"),
        (Some(n), None) => n.clone(),
        (None, Some(s)) => s.clone(),
        (None, None) => String::new(),
    }
}

fn file_state(lang: Lang, f: FileState) -> Markup {
    let w = lang.words();
    html! {
        @match f {
            FileState::Fresh => {},
            FileState::Stale => { span.filestate.stale title=(w.stale) { "⚠ " (w.stale) } },
            FileState::Gone => { span.filestate.gone title=(w.gone) { "✕ " (w.gone) } },
        }
    }
}

fn document_table(lang: Lang, docs: &[&DocumentSummary]) -> Markup {
    let w = lang.words();
    html! {
        div.scroll {
            table.docs {
                thead { tr { th { (w.col_document) } th { (w.col_number) } th { (w.col_date) } th { (w.col_citations) }
                    th { (w.col_outdated) } th { (w.col_malformed) } th { (w.col_unresolved) } } }
                tbody {
                    @for d in docs {
                        tr {
                            td { a href=(document_url(&d.id)) { (d.title) } br; small.id { (d.id) }
                                 (file_state(lang, d.file)) }
                            td { (number(&d.header)) }
                            td.nowrap { (date(d.header.date)) }
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
}

/// "Trang 2 trên 5" with previous and next links built by `link(offset)`.
fn pager(
    lang: Lang,
    offset: usize,
    limit: usize,
    total: usize,
    link: &dyn Fn(usize) -> String,
) -> Markup {
    let w = lang.words();
    let pages = total.div_ceil(limit.max(1)).max(1);
    let page = offset / limit.max(1) + 1;
    html! {
        @if total > limit || offset > 0 {
            nav.pager aria-label=(w.page) {
                @if offset > 0 {
                    a rel="prev" href=(link(offset.saturating_sub(limit))) { (w.previous) }
                }
                " " span { (w.page) " " (page) " " (w.of) " " (pages) } " "
                @if offset + limit < total && offset + limit <= MAX_OFFSET {
                    a rel="next" href=(link(offset + limit)) { (w.next) }
                }
            }
        }
    }
}

fn search_link(lang: Lang, q: &SearchQuery, offset: usize) -> String {
    let pairs = [
        ("q", q.q.clone()),
        (
            "kind",
            q.kind.map(|k| k.slug().to_string()).unwrap_or_default(),
        ),
        ("year", q.year.map(|y| y.to_string()).unwrap_or_default()),
        ("issuer", q.issuer.clone().unwrap_or_default()),
        (
            "status",
            q.status.map(|s| s.slug().to_string()).unwrap_or_default(),
        ),
        (
            "offset",
            if offset > 0 {
                offset.to_string()
            } else {
                String::new()
            },
        ),
        (
            "limit",
            if q.limit != DEFAULT_LIMIT {
                q.limit.to_string()
            } else {
                String::new()
            },
        ),
    ];
    format!("/search?{}", query_string(lang, &pairs))
}

fn documents_link(lang: Lang, q: &DocumentsQuery, offset: usize) -> String {
    let pairs = [
        (
            "kind",
            q.kind.map(|k| k.slug().to_string()).unwrap_or_default(),
        ),
        ("year", q.year.map(|y| y.to_string()).unwrap_or_default()),
        ("issuer", q.issuer.clone().unwrap_or_default()),
        (
            "sort",
            if q.sort != Sort::default() {
                q.sort.slug().to_string()
            } else {
                String::new()
            },
        ),
        (
            "offset",
            if offset > 0 {
                offset.to_string()
            } else {
                String::new()
            },
        ),
        ("limit", q.limit.to_string()),
    ];
    format!("/documents?{}", query_string(lang, &pairs))
}

pub fn search(
    lang: Lang,
    q: &SearchQuery,
    results: Option<&SearchResults>,
    docs: &[DocumentSummary],
    dq: &DocumentsQuery,
) -> String {
    let w = lang.words();
    let title = if q.q.is_empty() {
        w.search_title.to_string()
    } else {
        format!("{}: {}", w.search_title, q.q)
    };
    layout(
        lang,
        &title,
        html! {
            h1 { (w.search_heading) }
            (search_form(lang, q))
            @if let Some(r) = results {
                p.count { (w.found) " " (r.total) " " (w.results)
                    @if r.total > r.hits.len() {
                        " (" (w.showing) " " (r.offset + usize::from(!r.hits.is_empty())) "–" (r.offset + r.hits.len()) ")"
                    }
                    @if r.engine == Engine::Index { " " small.engine { "(" (w.from_index) ")" } } }
                ol.hits start=(r.offset + 1) data-engine=(match r.engine { Engine::Index => "index", Engine::Scan => "scan" }) {
                    @for h in &r.hits {
                        li.hit {
                            a.title href=(hit_url(h)) { (h.title) }
                            @match &h.target {
                                Target::Instrument { .. } => {
                                    " " span.tag { (w.instrument_tag) }
                                    @if let Some(i) = &h.instrument { br; (instrument_facts(lang, i)) }
                                }
                                Target::Document { .. } => {
                                    @if let Some(s) = &h.section {
                                        " " span.section { (w.section) " " (s.path) " — " (s.heading) }
                                    }
                                    " " (file_state(lang, h.file))
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
                (pager(lang, r.offset, q.limit, r.total, &|o| search_link(lang, q, o)))
            } @else {
                h2 { (w.plans) }
                @let (total, page) = select_documents(docs, dq);
                (document_table(lang, &page))
                @if total > page.len() {
                    p { a href=(documents_link(lang, &DocumentsQuery { limit: 50, ..DocumentsQuery::default() }, 0)) { (w.nav_documents) " (" (total) ") →" } }
                }
            }
        },
    )
}

fn documents_form(lang: Lang, q: &DocumentsQuery) -> Markup {
    let w = lang.words();
    html! {
        form.search action="/documents" method="get" {
            select name="kind" aria-label=(w.kind) {
                option value="" { (w.any_kind) }
                @for k in Kind::ALL {
                    option value=(k.slug()) selected[q.kind == Some(k)] { (k.vietnamese()) }
                }
            }
            input type="number" name="year" min="1900" max="2100" placeholder=(w.year)
                aria-label=(w.year) value=[q.year];
            input type="text" name="issuer" placeholder=(w.issuer) aria-label=(w.issuer)
                value=[q.issuer.as_deref()];
            select name="sort" aria-label="sort" {
                @for s in Sort::ALL {
                    option value=(s.slug()) selected[q.sort == s] { (s.label(w)) }
                }
            }
            @if lang == Lang::En { input type="hidden" name="lang" value="en"; }
            button type="submit" { (w.filter) }
        }
    }
}

pub fn documents(lang: Lang, docs: &[DocumentSummary], q: &DocumentsQuery) -> String {
    let w = lang.words();
    let (total, page) = select_documents(docs, q);
    layout(
        lang,
        w.documents_title,
        html! {
            h1 { (w.documents_title) " (" (total) ")" }
            (documents_form(lang, q))
            (document_table(lang, &page))
            (pager(lang, q.offset, q.limit, total, &|o| documents_link(lang, q, o)))
        },
    )
}

pub fn document(lang: Lang, d: &DocumentView) -> String {
    let w = lang.words();
    let s = &d.summary;
    layout(
        lang,
        &s.title,
        html! {
            article.document {
                header.dochead {
                    h1 { (s.title) }
                    (file_state(lang, s.file))
                    p.meta {
                        @if !number(&s.header).is_empty() { (w.number_prefix) " " (number(&s.header)) " · " }
                        @if let Some(i) = &s.header.issuer { (i) " · " }
                        @if let Some(d) = s.header.date { (w.dated) " " (d.vietnamese()) " · " }
                        small.id { (s.id) }
                    }
                    p.counts {
                        (s.citations) " " (w.citations) ": "
                        span.st-outdated { (s.outdated) " " (w.outdated_n) } ", "
                        span.st-malformed { (s.malformed) " " (w.malformed_n) } ", "
                        span.st-unresolved { (s.unresolved) " " (w.unresolved_n) }
                        " · " a href=(format!("/graph?document={}", encode_path(&s.id))) { (w.citation_graph) }
                        " · " a href=(format!("/api/documents/{}", encode_path(&s.id))) { "JSON" }
                    }
                    p.legend {
                        (w.legend) ": "
                        @for st in [Standing::InForce, Standing::Outdated, Standing::Unknown, Standing::Unresolved] {
                            span class=(format!("cite st-{}", st.slug())) { (text::standing(lang, st.slug())) } " "
                        }
                        span.cite.malformed { (text::standing(lang, "malformed")) }
                    }
                }
                div.columns {
                    nav.toc aria-label=(w.outline) {
                        h2 { (w.outline) }
                        @if d.sections.is_empty() { p { (w.no_sections) } }
                        ul {
                            @for sec in &d.sections {
                                li class=(format!("depth-{}", sec.depth)) {
                                    a href=(format!("#{}", section_anchor(&sec.path))) {
                                        b { (sec.path) } " " (render::inline_plain(&sec.heading)) }
                                    @if !sec.instruments.is_empty() || sec.unresolved > 0 {
                                        details.backing {
                                            summary { (w.backing) ": " (sec.instruments.len()) " " (w.instruments_n)
                                                @if sec.unresolved > 0 { ", " (sec.unresolved) " " (w.unresolved_n) } }
                                            ul {
                                                @for i in &sec.instruments {
                                                    li { a href=(instrument_url(&i.id)) { (i.label) } " " (status_badge(lang, i.status)) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    (render::text(lang, d))
                    aside.findings {
                        h2 { (w.findings) " (" (d.findings.len()) ")" }
                        ol {
                            @for (k, f) in d.findings.iter().enumerate() {
                                li id=(format!("f{k}")) class=(format!("sev-{}", f.severity)) {
                                    @if let Some(ci) = f.citation { a href=(format!("#c{ci}")) { (w.line) " " (f.line) } }
                                    @else { (w.line) " " (f.line) }
                                    " " code { (f.code) } br;
                                    (f.message)
                                    @for n in &f.notes { br; small.note { (n) } }
                                    @if let Some(s) = &f.suggestion { br; (w.fix) ": " code.fix { (s) } }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn inst_link(lang: Lang, id: &str, other: Option<&InstrumentRef>) -> Markup {
    let w = lang.words();
    html! {
        @match other {
            Some(o) => { a href=(instrument_url(&o.id)) { (o.label) } " " (instrument_facts(lang, o)) }
            None => { (id) " " small { "(" (w.not_in_registry) ")" } }
        }
    }
}

fn relations_table(lang: Lang, rels: &[RelationView]) -> Markup {
    let w = lang.words();
    html! {
        @if rels.is_empty() { p { (w.none) } } @else {
            div.scroll {
                table.relations {
                    thead { tr { th { (w.relation) } th { (w.col_document) } th { (w.col_date) } th { (w.source) } } }
                    tbody {
                        @for r in rels {
                            tr {
                                td { (text::relation(lang, r.kind.slug())) }
                                td { (inst_link(lang, &r.other_id, r.other.as_ref())) }
                                td.nowrap { (date(r.date)) }
                                td { (r.source.as_deref().unwrap_or("")) @if !r.verified { " " span.unverified { (w.unverified) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// An event of the timeline in words: `what` is "issued", "effective", "status:SLUG" or a
/// relation slug.
fn event_words(lang: Lang, what: &str) -> String {
    let w = lang.words();
    match what {
        "issued" => w.ev_issued.to_string(),
        "effective" => w.ev_effective.to_string(),
        other => match other.strip_prefix("status:") {
            Some(slug) => format!(
                "{}: {}",
                w.ev_status,
                text::status(lang, super::backend::status_from_slug(slug))
            ),
            None => text::relation(lang, other).to_string(),
        },
    }
}

pub fn instrument(lang: Lang, i: &InstrumentView) -> String {
    let w = lang.words();
    let s = &i.summary;
    layout(
        lang,
        &s.label,
        html! {
            article.instrument {
                h1 { (s.label) " " (status_badge(lang, s.status)) }
                @if let Some(t) = &s.title { p.title { (t) } }
                @if let Some(o) = &i.observed {
                    section.observed {
                        p.note { (w.observed_note) }
                        h2 { (w.dates_cited)
                            @if o.conflict { " " span.unverified { "(" (w.conflict) ")" } } }
                        @if o.dates.is_empty() { p { "—" } }
                        ul.dates {
                            @for d in &o.dates { li { (d.date.vietnamese()) " — " (d.citations) " " (w.citations) } }
                        }
                        h2 { (w.titles_cited) }
                        @if o.titles.is_empty() { p { "—" } }
                        ul.titles { @for t in &o.titles { li { (t) } } }
                        p { (o.citations) " " (w.citations) " · " (o.documents) " " (w.instruments_n) }
                    }
                }
                p {
                    a href=(format!("/graph?instrument={}", encode_path(&s.id))) { (w.relation_graph) }
                    " · " a href=(format!("/api/instruments/{}", encode_path(&s.id))) { "JSON" }
                }
                section.facts {
                    h2 { (w.facts) }
                    dl {
                        dt { (w.id) } dd { code { (s.id) } }
                        dt { (w.kind_label) } dd { (s.kind.vietnamese()) }
                        dt { (w.number_symbol) } dd { (i.number.as_deref().unwrap_or("—")) " " (i.symbol.as_deref().unwrap_or("")) }
                        dt { (w.year) } dd { @if let Some(y) = i.year { (y) } @else { "—" } }
                        dt { (w.issuer) } dd { (i.issuer.as_deref().unwrap_or("—")) }
                        dt { (w.issued) } dd { (date(i.issued)) }
                        dt { (w.effective) } dd { (date(i.effective)) }
                        dt { (w.standing) } dd { (text::status(lang, s.status)) @if let Some(d) = i.status_date { " " (w.since) " " (d.vietnamese()) } }
                        @if let Some(n) = &i.law_name { dt { (w.law_name) } dd { (n) } }
                        @if !i.aliases.is_empty() { dt { (w.aliases) } dd { (i.aliases.join("; ")) } }
                        dt { (w.verified) } dd { @if i.verified { (w.yes) } @else { span.unverified { (w.no) } } }
                        @if let Some(n) = &i.note { dt { (w.note) } dd { (n) } }
                    }
                    h3 { (w.sources) }
                    ul.sources {
                        @for src in &i.sources {
                            li { (src.reference) " — " small { (src.supports.join(", ")) }
                                @if !src.verified { " " span.unverified { (w.unverified) } } }
                        }
                    }
                }
                section.timeline {
                    h2 { (w.timeline) }
                    @if i.timeline.is_empty() { p { (w.no_timeline) } }
                    ol {
                        @for e in &i.timeline {
                            li { b { (date(e.date)) } " " (event_words(lang, &e.what))
                                @if let Some(o) = &e.other { " " a href=(instrument_url(&o.id)) { (o.label) } } }
                        }
                    }
                }
                section.relations {
                    h2 { (w.relations) }
                    h3 { (w.this_one) }
                    (relations_table(lang, &i.relations_out))
                    h3 { (w.others_to_it) }
                    (relations_table(lang, &i.relations_in))
                }
                section.citedby {
                    h2 { (w.cited_by) " (" (i.cited_by.len()) ")" }
                    @if i.cited_by.is_empty() { p { (w.not_cited) } }
                    ul {
                        @for c in &i.cited_by {
                            li {
                                a href=(format!("{}#c{}", document_url(&c.document), c.citation)) { (c.title) }
                                @if let Some(sec) = &c.section { " — " (w.section) " " (sec.path) " " small { (render::inline_plain(&sec.heading)) } }
                                " — " (w.line) " " (c.line) ": " q { (c.text) }
                            }
                        }
                    }
                }
            }
        },
    )
}

pub fn graph(lang: Lang, g: &GraphView, req: &Req) -> String {
    let w = lang.words();
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
        Center::All => w.graph_title.to_string(),
        Center::Document(id) => format!("{}: {}", w.nav_graph, label(&format!("d:{id}"))),
        Center::Instrument(id) => format!("{}: {}", w.nav_graph, label(&format!("i:{id}"))),
    };
    layout(
        lang,
        &title,
        html! {
            h1 { (title) }
            p { (g.nodes.len()) " " (w.nodes) ", " (g.edges.len()) " " (w.edges)
                @if g.truncated { " (" (w.truncated) ")" }
                " · " a href=(api) { "JSON" } }
            div #graph data-api=(api) {
                noscript { p { (w.noscript) } }
            }
            p.legend {
                span.cite.st-document { (w.plan) } " "
                @for st in [Standing::InForce, Standing::Outdated, Standing::Unknown] {
                    span class=(format!("cite st-{}", st.slug())) { (text::standing(lang, st.slug())) } " "
                }
            }
            details.edges {
                summary { (w.node_list) }
                ul {
                    @for e in &g.edges {
                        li { (label(&e.source)) " — " i { (text::relation(lang, &e.kind)) }
                            @if !e.sections.is_empty() { " (" (w.section) " " (e.sections.join(", ")) ")" }
                            " → " (label(&e.target)) }
                    }
                }
                ul {
                    @for n in &g.nodes { li { a href=(n.url) { (n.label) } " " small { (text::standing(lang, &n.status)) } } }
                }
            }
            script src="/assets/graph.js" {}
        },
    )
}
