//! The HTTP edge: the listener and its worker threads (tiny_http), URL decoding, and the
//! [`Reply`] a handler returns. A handler that panics becomes a 500 page; the worker goes on.
//! This module must NOT know pages, the backend or the data.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

/// Longest request target (path + query) accepted, in bytes; longer is a 414.
pub const MAX_URL_BYTES: usize = 64 * 1024;

/// Everything but the unreserved characters is encoded (so '/' and ':' in ids are too).
const PATH_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encode an id for one path segment or query value.
pub fn encode_path(s: &str) -> String {
    utf8_percent_encode(s, PATH_SET).to_string()
}

/// Decode a percent-encoded path; None when it is not UTF-8.
pub fn decode_path(s: &str) -> Option<String> {
    percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// A request as the router sees it.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    /// Decoded path.
    pub path: String,
    /// Decoded query pairs, in order.
    pub query: Vec<(String, String)>,
}

impl Req {
    /// Parse a method and a raw request target ("/search?q=a%20b").
    pub fn parse(method: &str, target: &str) -> Option<Req> {
        let (raw_path, raw_query) = match target.split_once('?') {
            Some((p, q)) => (p, q),
            None => (target, ""),
        };
        let path = decode_path(raw_path)?;
        let query = form_urlencoded::parse(raw_query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Some(Req {
            method: method.to_string(),
            path,
            query,
        })
    }

    /// The first value of a query parameter, trimmed; None when absent or empty.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// A response: status, content type and body.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
        }
    }
    pub fn json(status: u16, value: &impl serde::Serialize) -> Reply {
        let body = serde_json::to_vec_pretty(value)
            .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialize: {e}\"}}").into_bytes());
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body,
        }
    }
    pub fn asset(content_type: &'static str, body: &'static str) -> Reply {
        Reply {
            status: 200,
            content_type,
            body: body.as_bytes().to_vec(),
        }
    }
}

/// A running server: its address and its workers.
pub struct Handle {
    addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
}

impl Handle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stop accepting, let the workers finish their request, and wait for them.
    pub fn shutdown(self) {
        for _ in &self.workers {
            self.server.unblock();
        }
        for w in self.workers {
            let _ = w.join();
        }
    }

    /// Serve until the process ends.
    pub fn wait(self) {
        for w in self.workers {
            let _ = w.join();
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: SocketAddr, message: String },
}

/// Bind `addr` and answer each request with `handler` on `workers` threads.
pub fn start<H>(addr: SocketAddr, workers: usize, handler: H) -> Result<Handle, StartError>
where
    H: Fn(&Req) -> Reply + Send + Sync + 'static,
{
    let server = tiny_http::Server::http(addr).map_err(|e| StartError::Bind {
        addr,
        message: e.to_string(),
    })?;
    let bound = server.server_addr().to_ip().unwrap_or(addr);
    let server = Arc::new(server);
    let handler = Arc::new(handler);
    let workers = (0..workers.max(1))
        .map(|_| {
            let server = server.clone();
            let handler = handler.clone();
            std::thread::spawn(move || {
                // recv() fails only when unblocked (shutdown) or the listener died.
                while let Ok(req) = server.recv() {
                    serve_one(req, &*handler);
                }
            })
        })
        .collect();
    Ok(Handle {
        addr: bound,
        server,
        workers,
    })
}

fn serve_one(req: tiny_http::Request, handler: &(dyn Fn(&Req) -> Reply + Send + Sync)) {
    let method = req.method().as_str().to_string();
    let url = req.url().to_string();
    let reply = if url.len() > MAX_URL_BYTES {
        Reply::html(414, "<h1>414</h1><p>URL too long</p>".into())
    } else {
        match Req::parse(&method, &url) {
            None => Reply::html(
                400,
                "<h1>400</h1><p>Bad request: the URL is not UTF-8</p>".into(),
            ),
            Some(r) => {
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(&r))) {
                    Ok(reply) => reply,
                    Err(_) => Reply::html(500, "<h1>500</h1><p>Internal error</p>".into()),
                }
            }
        }
    };
    let head = method == "HEAD";
    let mut resp = tiny_http::Response::from_data(if head { Vec::new() } else { reply.body })
        .with_status_code(reply.status);
    let headers: [(&str, &str); 5] = [
        ("Content-Type", reply.content_type),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'",
        ),
    ];
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    // A client that went away is not our problem.
    let _ = req.respond(resp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_paths() {
        for id in [
            "168/2018/NĐ-CP",
            "28-NQ/TW:bo-chinh-tri:2008-09-22",
            "ke-hoach-qpdp-2024-xa-xuan-luong.txt",
            "a b?c#d&e",
        ] {
            let enc = encode_path(id);
            assert!(
                !enc.contains('/') && !enc.contains('?') && !enc.contains('#'),
                "{enc}"
            );
            assert_eq!(decode_path(&enc).as_deref(), Some(id));
        }
    }

    #[test]
    fn request_parsing() {
        let r = Req::parse("GET", "/search?q=d%C3%A2n+qu%C3%A2n&kind=&year=2024").unwrap();
        assert_eq!(r.path, "/search");
        assert_eq!(r.param("q"), Some("dân quân"));
        assert_eq!(r.param("kind"), None);
        assert_eq!(r.param("year"), Some("2024"));
        assert!(Req::parse("GET", "/%FF").is_none());
    }
}
