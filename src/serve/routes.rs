//! The router: a decoded request → a [`Reply`]. Validates every parameter (query length,
//! filters, limits) before the backend sees it; every failure is an error page (HTML) or an
//! error object (JSON under `/api/`) with the right status, never a panic.
//! This module must NOT build HTML by hand (that is [`super::pages`]) nor read data.

use super::backend::*;
use super::http::{Reply, Req};
use super::pages;
use crate::model::Kind;
use serde_json::json;

/// The longest issuer filter accepted, in bytes.
pub const MAX_ISSUER_BYTES: usize = 200;

/// An error reply: JSON for the API, a page otherwise.
pub fn error(api: bool, status: u16, message: &str) -> Reply {
    if api {
        Reply::json(status, &json!({ "error": message, "status": status }))
    } else {
        Reply::html(status, pages::error(status, message))
    }
}

/// Answer one request.
pub fn route(backend: &dyn Backend, req: &Req) -> Reply {
    let api = req.path.starts_with("/api/") || req.path == "/api";
    if req.method != "GET" && req.method != "HEAD" {
        return error(api, 405, "only GET and HEAD are served");
    }
    let path = req.path.as_str();
    let result = match path {
        "/" | "/search" => search(backend, req, false),
        "/api/search" => search(backend, req, true),
        "/documents" => documents(backend, false),
        "/api/documents" => documents(backend, true),
        "/graph" => graph(backend, req, false),
        "/api/graph" => graph(backend, req, true),
        "/assets/style.css" => Ok(Reply::asset("text/css; charset=utf-8", pages::STYLE)),
        "/assets/graph.js" => Ok(Reply::asset(
            "text/javascript; charset=utf-8",
            pages::GRAPH_JS,
        )),
        "/favicon.ico" => Ok(Reply {
            status: 204,
            content_type: "image/x-icon",
            body: Vec::new(),
        }),
        _ => {
            if let Some(id) = path.strip_prefix("/api/documents/") {
                document(backend, id, true)
            } else if let Some(id) = path.strip_prefix("/documents/") {
                document(backend, id, false)
            } else if let Some(id) = path.strip_prefix("/api/instruments/") {
                instrument(backend, id, true)
            } else if let Some(id) = path.strip_prefix("/instruments/") {
                instrument(backend, id, false)
            } else {
                Err((404, format!("no page at {path}")))
            }
        }
    };
    match result {
        Ok(r) => r,
        Err((status, message)) => error(api, status, &message),
    }
}

type Routed = Result<Reply, (u16, String)>;

fn failed(e: BackendError) -> (u16, String) {
    (500, e.to_string())
}

/// Read and validate the search parameters.
pub fn search_query(req: &Req) -> Result<SearchQuery, (u16, String)> {
    let q = req.param("q").unwrap_or("").to_string();
    if q.len() > MAX_QUERY_BYTES {
        return Err((
            400,
            format!(
                "the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted",
                q.len()
            ),
        ));
    }
    let kind = match req.param("kind") {
        None => None,
        Some(k) => Some(Kind::from_slug(k).ok_or((400, format!("unknown kind {k:?}")))?),
    };
    let year = match req.param("year") {
        None => None,
        Some(y) => match y.parse::<i32>() {
            Ok(y) if (1900..=2100).contains(&y) => Some(y),
            _ => return Err((400, format!("year must be a year like 2024, not {y:?}"))),
        },
    };
    let issuer = match req.param("issuer") {
        Some(i) if i.len() > MAX_ISSUER_BYTES => {
            return Err((
                400,
                format!("the issuer filter is longer than {MAX_ISSUER_BYTES} bytes"),
            ))
        }
        other => other.map(str::to_string),
    };
    let status = match req.param("status") {
        None => None,
        Some(s) => Some(Standing::from_slug(s).ok_or((400, format!("unknown status {s:?}")))?),
    };
    let limit = match req.param("limit") {
        None => DEFAULT_LIMIT,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if n >= 1 => n.min(MAX_LIMIT),
            _ => return Err((400, format!("limit must be a number from 1 to {MAX_LIMIT}"))),
        },
    };
    Ok(SearchQuery {
        q,
        kind,
        year,
        issuer,
        status,
        limit,
    })
}

fn search(backend: &dyn Backend, req: &Req, api: bool) -> Routed {
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
            &json!({ "query": q, "total": results.total, "engine": results.engine, "hits": hits }),
        ));
    }
    if empty {
        let docs = backend.documents().map_err(failed)?;
        return Ok(Reply::html(200, pages::search(&q, None, &docs)));
    }
    let results = backend.search(&q).map_err(failed)?;
    Ok(Reply::html(200, pages::search(&q, Some(&results), &[])))
}

fn documents(backend: &dyn Backend, api: bool) -> Routed {
    let docs = backend.documents().map_err(failed)?;
    if api {
        return Ok(Reply::json(200, &json!({ "documents": docs })));
    }
    Ok(Reply::html(200, pages::documents(&docs)))
}

fn document(backend: &dyn Backend, id: &str, api: bool) -> Routed {
    match backend.document(id).map_err(failed)? {
        None => Err((404, format!("no document {id:?}"))),
        Some(d) if api => Ok(Reply::json(200, &d)),
        Some(d) => Ok(Reply::html(200, pages::document(&d))),
    }
}

fn instrument(backend: &dyn Backend, id: &str, api: bool) -> Routed {
    match backend.instrument(id).map_err(failed)? {
        None => Err((404, format!("no instrument {id:?} in the registry"))),
        Some(i) if api => Ok(Reply::json(200, &i)),
        Some(i) => Ok(Reply::html(200, pages::instrument(&i))),
    }
}

/// The graph's center from `?document=ID` or `?instrument=ID` (neither: everything).
pub fn center(req: &Req) -> Result<Center, (u16, String)> {
    match (req.param("document"), req.param("instrument")) {
        (Some(_), Some(_)) => Err((400, "give a document or an instrument, not both".into())),
        (Some(d), None) => Ok(Center::Document(d.to_string())),
        (None, Some(i)) => Ok(Center::Instrument(i.to_string())),
        (None, None) => Ok(Center::All),
    }
}

fn graph(backend: &dyn Backend, req: &Req, api: bool) -> Routed {
    let center = center(req)?;
    let limit = match req.param("limit") {
        None => MAX_GRAPH_NODES,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if n >= 1 => n.min(MAX_GRAPH_NODES),
            _ => {
                return Err((
                    400,
                    format!("limit must be a number from 1 to {MAX_GRAPH_NODES}"),
                ))
            }
        },
    };
    match backend.graph(&center, limit).map_err(failed)? {
        None => Err((404, "no such document or instrument".into())),
        Some(g) if api => Ok(Reply::json(200, &g)),
        Some(g) => Ok(Reply::html(200, pages::graph(&g, req))),
    }
}
