//! The router: a decoded request → a [`Reply`]. Validates every parameter (query length,
//! filters, paging) before the backend sees it; every failure is an error page (HTML, in the
//! reader's language) or an error object (`{"error", "status"}`, on every path under `/api/`)
//! with the right status, never a panic.
//!
//! Paging, one rule everywhere: `limit` is a whole number from 1 to its maximum
//! ([`MAX_LIMIT`] hits or documents, [`MAX_GRAPH_NODES`] graph nodes) and `offset` one from 0
//! to [`MAX_OFFSET`]; anything else is a 400 that says so (never silently cut). The query is
//! at most [`MAX_QUERY_CHARS`] characters (not bytes: Vietnamese letters take 2–3 bytes).
//! This module must NOT build HTML by hand (that is [`super::pages`]) nor read data.

use super::backend::*;
use super::http::{Refusal, Reply, Req, MAX_URL_BYTES};
use super::pages::{self, DocumentsQuery, Sort};
use super::text::{Lang, Problem};
use crate::model::Kind;
use serde_json::json;

/// The longest issuer filter accepted, in characters.
pub const MAX_ISSUER_CHARS: usize = 200;

/// The methods served, for `Allow`.
pub const ALLOW: &str = "GET, HEAD";

/// An error reply: JSON for the API, a page otherwise.
pub fn error(api: bool, lang: Lang, status: u16, problem: &Problem) -> Reply {
    let message = problem.message(lang);
    let reply = if api {
        Reply::json(status, &json!({ "error": message, "status": status }))
    } else {
        Reply::html(status, pages::error(lang, status, &message))
    };
    if status == 405 {
        reply.with_header("Allow", ALLOW)
    } else {
        reply
    }
}

/// The language of the reply to `req`.
pub fn lang(req: &Req) -> Lang {
    Lang::choose(req.param("lang"), req.header("accept-language"))
}

/// Answer one request.
pub fn route(backend: &dyn Backend, req: &Req) -> Reply {
    let api = req.path.starts_with("/api/") || req.path == "/api";
    let lang = lang(req);
    let refused = |p: Problem, status: u16| error(api, lang, status, &p);
    if let Some(r) = req.refusal {
        let p = match r {
            Refusal::UrlTooLong => Problem::UrlTooLong { max: MAX_URL_BYTES },
            Refusal::PathNotUtf8 => Problem::PathNotUtf8,
            Refusal::ForeignHost => Problem::ForeignHost,
            Refusal::NoHost => Problem::NoHost,
        };
        return refused(p, r.status());
    }
    if req.method != "GET" && req.method != "HEAD" {
        return refused(Problem::Method, 405);
    }
    let path = req.path.as_str();
    let result = match path {
        "/" | "/search" => search(backend, req, lang, false),
        "/api/search" => search(backend, req, lang, true),
        "/documents" => documents(backend, req, lang, false),
        "/api/documents" => documents(backend, req, lang, true),
        "/graph" => graph(backend, req, lang, false),
        "/api/graph" => graph(backend, req, lang, true),
        "/assets/style.css" => Ok(Reply::asset("text/css; charset=utf-8", pages::STYLE)),
        "/assets/graph.js" => Ok(Reply::asset(
            "text/javascript; charset=utf-8",
            pages::GRAPH_JS,
        )),
        "/favicon.ico" => Ok(Reply {
            status: 204,
            content_type: "image/x-icon",
            body: Vec::new(),
            headers: Vec::new(),
        }),
        _ => {
            if let Some(id) = path.strip_prefix("/api/documents/") {
                document(backend, id, lang, true)
            } else if let Some(id) = path.strip_prefix("/documents/") {
                document(backend, id, lang, false)
            } else if let Some(id) = path.strip_prefix("/api/instruments/") {
                instrument(backend, id, lang, true)
            } else if let Some(id) = path.strip_prefix("/instruments/") {
                instrument(backend, id, lang, false)
            } else {
                Err((404, Problem::NoPage(path.to_string())))
            }
        }
    };
    match result {
        Ok(r) if api => r,
        // Pages depend on the reader's language.
        Ok(r) => r
            .with_header("Content-Language", lang.code())
            .with_header("Vary", "Accept-Language"),
        Err((status, problem)) => refused(problem, status),
    }
}

type Routed = Result<Reply, (u16, Problem)>;

fn failed(e: BackendError) -> (u16, Problem) {
    (500, Problem::Internal(e.to_string()))
}

/// A whole number from `min` to `max`, or the problem given.
fn bounded(
    req: &Req,
    name: &str,
    default: usize,
    min: usize,
    max: usize,
    problem: Problem,
) -> Result<usize, (u16, Problem)> {
    match req.param(name) {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err((400, problem)),
        },
    }
}

/// `limit` and `offset` by the one rule of this module.
pub fn paging(req: &Req, default: usize) -> Result<(usize, usize), (u16, Problem)> {
    let limit = bounded(
        req,
        "limit",
        default,
        1,
        MAX_LIMIT,
        Problem::BadLimit {
            name: "limit",
            max: MAX_LIMIT,
        },
    )?;
    let offset = bounded(
        req,
        "offset",
        0,
        0,
        MAX_OFFSET,
        Problem::BadOffset { max: MAX_OFFSET },
    )?;
    Ok((offset, limit))
}

/// The kind, year and issuer filters of a request.
type Filters = (Option<Kind>, Option<i32>, Option<String>);

fn kind_year_issuer(req: &Req) -> Result<Filters, (u16, Problem)> {
    let kind = match req.param("kind") {
        None => None,
        Some(k) => Some(Kind::from_slug(k).ok_or((400, Problem::UnknownKind(k.into())))?),
    };
    let year = match req.param("year") {
        None => None,
        Some(y) => match y.parse::<i32>() {
            Ok(y) if (1900..=2100).contains(&y) => Some(y),
            _ => return Err((400, Problem::BadYear(y.into()))),
        },
    };
    let issuer = match req.param("issuer") {
        Some(i) if i.chars().count() > MAX_ISSUER_CHARS => {
            return Err((
                400,
                Problem::IssuerTooLong {
                    max: MAX_ISSUER_CHARS,
                },
            ))
        }
        other => other.map(str::to_string),
    };
    Ok((kind, year, issuer))
}

/// Read and validate the search parameters.
pub fn search_query(req: &Req) -> Result<SearchQuery, (u16, Problem)> {
    let q = req.param("q").unwrap_or("").to_string();
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err((
            400,
            Problem::QueryTooLong {
                chars,
                max: MAX_QUERY_CHARS,
            },
        ));
    }
    let (kind, year, issuer) = kind_year_issuer(req)?;
    let status = match req.param("status") {
        None => None,
        Some(s) => Some(
            crate::model::StatusFilter::from_slug(s)
                .ok_or((400, Problem::UnknownStatus(s.into())))?,
        ),
    };
    let (offset, limit) = paging(req, DEFAULT_LIMIT)?;
    Ok(SearchQuery {
        q,
        kind,
        year,
        issuer,
        status,
        offset,
        limit,
    })
}

fn search(backend: &dyn Backend, req: &Req, lang: Lang, api: bool) -> Routed {
    let q = search_query(req)?;
    let empty = q.q.is_empty()
        && q.kind.is_none()
        && q.year.is_none()
        && q.issuer.is_none()
        && q.status.is_none();
    if api {
        let results = backend.search(&q).map_err(failed)?;
        let hits: Vec<serde_json::Value> = results
            .hits
            .iter()
            .map(|h| {
                let mut v = serde_json::to_value(h).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("url".into(), pages::hit_url(h).into());
                }
                v
            })
            .collect();
        return Ok(Reply::json(
            200,
            &json!({
                "query": q,
                "total": results.total,
                "offset": results.offset,
                "limit": q.limit,
                "engine": results.engine,
                "hits": hits,
            }),
        ));
    }
    if empty {
        let docs = backend.documents().map_err(failed)?;
        let dq = DocumentsQuery {
            limit: DEFAULT_LIMIT,
            ..DocumentsQuery::default()
        };
        return Ok(Reply::html(200, pages::search(lang, &q, None, &docs, &dq)));
    }
    let results = backend.search(&q).map_err(failed)?;
    Ok(Reply::html(
        200,
        pages::search(lang, &q, Some(&results), &[], &DocumentsQuery::default()),
    ))
}

/// Read and validate the document list's parameters.
pub fn documents_query(req: &Req) -> Result<DocumentsQuery, (u16, Problem)> {
    let (kind, year, issuer) = kind_year_issuer(req)?;
    let sort = match req.param("sort") {
        None => Sort::default(),
        Some(s) => Sort::from_slug(s).ok_or((400, Problem::UnknownSort(s.into())))?,
    };
    let (offset, limit) = paging(req, 50)?;
    Ok(DocumentsQuery {
        kind,
        year,
        issuer,
        sort,
        offset,
        limit,
    })
}

fn documents(backend: &dyn Backend, req: &Req, lang: Lang, api: bool) -> Routed {
    let dq = documents_query(req)?;
    let docs = backend.documents().map_err(failed)?;
    let (total, page) = pages::select_documents(&docs, &dq);
    if api {
        return Ok(Reply::json(
            200,
            &json!({ "total": total, "offset": dq.offset, "limit": dq.limit, "documents": page }),
        ));
    }
    Ok(Reply::html(200, pages::documents(lang, &docs, &dq)))
}

fn document(backend: &dyn Backend, id: &str, lang: Lang, api: bool) -> Routed {
    match backend.document(id).map_err(failed)? {
        None => Err((404, Problem::NoDocument(id.into()))),
        Some(d) if api => Ok(Reply::json(200, &d)),
        Some(d) => Ok(Reply::html(200, pages::document(lang, &d))),
    }
}

fn instrument(backend: &dyn Backend, id: &str, lang: Lang, api: bool) -> Routed {
    match backend.instrument(id).map_err(failed)? {
        None => Err((404, Problem::NoInstrument(id.into()))),
        Some(i) if api => Ok(Reply::json(200, &i)),
        Some(i) => Ok(Reply::html(200, pages::instrument(lang, &i))),
    }
}

/// The graph's center from `?document=ID` or `?instrument=ID` (neither: everything).
pub fn center(req: &Req) -> Result<Center, (u16, Problem)> {
    match (req.param("document"), req.param("instrument")) {
        (Some(_), Some(_)) => Err((400, Problem::BothCenters)),
        (Some(d), None) => Ok(Center::Document(d.to_string())),
        (None, Some(i)) => Ok(Center::Instrument(i.to_string())),
        (None, None) => Ok(Center::All),
    }
}

fn graph(backend: &dyn Backend, req: &Req, lang: Lang, api: bool) -> Routed {
    let center = center(req)?;
    let limit = bounded(
        req,
        "limit",
        MAX_GRAPH_NODES,
        1,
        MAX_GRAPH_NODES,
        Problem::BadLimit {
            name: "limit",
            max: MAX_GRAPH_NODES,
        },
    )?;
    match backend.graph(&center, limit).map_err(failed)? {
        None => Err((404, Problem::NoCenter)),
        Some(g) if api => Ok(Reply::json(200, &g)),
        Some(g) => Ok(Reply::html(200, pages::graph(lang, &g, req))),
    }
}
