//! The HTTP edge: a small HTTP/1.1 server on `std::net` (GET and HEAD only), URL decoding,
//! and the [`Reply`] a handler returns. A handler that panics becomes a 500; the worker goes on.
//!
//! Why not a server crate: cancu serves a handful of read-only pages on loopback. tiny_http
//! (used before) wrote each response in several small writes without `TCP_NODELAY` (every
//! request after the first on a kept-alive connection waited ~44 ms for a delayed ACK), gave
//! every connection its own thread and never closed idle ones; the async servers (hyper,
//! axum) bring a runtime and dozens of crates. What is needed fits here:
//! - one acceptor thread puts connections in a bounded queue ([`Limits::queue`]); a full
//!   queue is answered 503 at once; `workers` threads take connections from it;
//! - `TCP_NODELAY` on every connection and each response written with one `write_all`;
//! - a connection idle for [`Limits::idle`] is closed, and a request head not complete within
//!   [`Limits::head`] (a slow client) is answered 408 and closed; a kept-alive connection is
//!   closed after its response when other connections wait in the queue;
//! - HEAD answers GET's headers (the same `Content-Length`) with no body;
//! - the Host header must name the bound address (`localhost`, `127.0.0.1` or `[::1]` with
//!   the port) unless remote clients are allowed: a page of another site reaching the
//!   loopback server through DNS rebinding is refused.
//!
//! Requests the edge refuses (URL too long, path not UTF-8, foreign Host) still go to the
//! handler with [`Req::refusal`] set, so the router answers them in its own format (JSON
//! under `/api/`, a page in the reader's language elsewhere).
//! This module must NOT know pages, the backend or the data.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Longest request target (path + query) accepted, in bytes; longer is a 414.
pub const MAX_URL_BYTES: usize = 64 * 1024;
/// Longest request head (request line and headers), in bytes; longer is a 431.
pub const MAX_HEAD_BYTES: usize = MAX_URL_BYTES + 16 * 1024;
/// Most header lines accepted.
const MAX_HEADERS: usize = 100;
/// Largest request body read (and thrown away) to keep a connection; larger closes it.
const MAX_BODY_BYTES: u64 = 64 * 1024;

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

/// Why the edge refused a request before routing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The request target is longer than [`MAX_URL_BYTES`] (414).
    UrlTooLong,
    /// The path is not UTF-8 once decoded (400).
    PathNotUtf8,
    /// The Host header names another server (403; DNS rebinding).
    ForeignHost,
    /// HTTP/1.1 without a Host header (400).
    NoHost,
}

impl Refusal {
    pub fn status(self) -> u16 {
        match self {
            Refusal::UrlTooLong => 414,
            Refusal::PathNotUtf8 | Refusal::NoHost => 400,
            Refusal::ForeignHost => 403,
        }
    }
}

/// A request as the router sees it.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    /// Decoded path (lossily when [`Refusal::PathNotUtf8`]).
    pub path: String,
    /// Decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Header lines, names lowercased.
    pub headers: Vec<(String, String)>,
    /// Set when the edge refused the request: the router answers only the error.
    pub refusal: Option<Refusal>,
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
            headers: Vec::new(),
            refusal: None,
        })
    }

    /// A request the edge refused, with what it knows of the path.
    fn refused(method: &str, target: &str, refusal: Refusal) -> Req {
        let raw_path = target.split('?').next().unwrap_or("");
        let raw_path = &raw_path[..raw_path.len().min(1024)];
        let path = String::from_utf8_lossy(
            &percent_encoding::percent_decode_str(raw_path).collect::<Vec<u8>>(),
        )
        .into_owned();
        Req {
            method: method.to_string(),
            path,
            query: Vec::new(),
            headers: Vec::new(),
            refusal: Some(refusal),
        }
    }

    /// The first value of a query parameter, trimmed; None when absent or empty.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The first value of a header (name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response: status, content type, body and extra headers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Headers beyond the content type, length and security headers ("Allow", "Vary").
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
            headers: Vec::new(),
        }
    }
    pub fn json(status: u16, value: &impl serde::Serialize) -> Reply {
        let body = serde_json::to_vec_pretty(value)
            .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialize: {e}\"}}").into_bytes());
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body,
            headers: Vec::new(),
        }
    }
    pub fn asset(content_type: &'static str, body: &'static str) -> Reply {
        Reply {
            status: 200,
            content_type,
            body: body.as_bytes().to_vec(),
            headers: vec![("Cache-Control", "max-age=300".into())],
        }
    }
    /// The same reply with one more header.
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }
}

/// Time and size limits of connections.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A kept-alive connection with no new request for this long is closed.
    pub idle: Duration,
    /// A request head must arrive completely within this time of its first byte (408).
    pub head: Duration,
    /// Connections waiting for a worker; beyond, new ones are answered 503.
    pub queue: usize,
    /// Requests served on one connection before it is closed.
    pub requests_per_connection: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            idle: Duration::from_secs(5),
            head: Duration::from_secs(10),
            queue: 256,
            requests_per_connection: 1000,
        }
    }
}

/// Which Host headers are accepted.
#[derive(Debug, Clone)]
pub enum HostPolicy {
    /// Only the loopback names with the bound port.
    Loopback { port: u16 },
    /// Any (the server was started with `--allow-remote`).
    Any,
}

impl HostPolicy {
    /// Is `host` (a Host header's value) one of ours?
    pub fn accepts(&self, host: &str) -> bool {
        let port = match self {
            HostPolicy::Any => return true,
            HostPolicy::Loopback { port } => *port,
        };
        let host = host.trim().to_ascii_lowercase();
        let (name, p) = match host.rsplit_once(':') {
            // "[::1]" alone has colons inside the brackets.
            Some((n, p)) if !p.contains(']') => (n.to_string(), p.parse::<u16>().ok()),
            _ => (host.clone(), Some(80)),
        };
        let name = name.strip_suffix('.').unwrap_or(&name);
        p == Some(port) && matches!(name, "localhost" | "127.0.0.1" | "[::1]")
    }
}

/// The queue of accepted connections waiting for a worker.
struct Queue {
    items: Mutex<(VecDeque<TcpStream>, bool)>,
    ready: Condvar,
}

impl Queue {
    /// The next connection; None once shut down.
    fn pop(&self) -> Option<TcpStream> {
        let mut g = self.items.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if g.1 {
                return None;
            }
            if let Some(s) = g.0.pop_front() {
                return Some(s);
            }
            g = self.ready.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    }
    fn waiting(&self) -> bool {
        let g = self.items.lock().unwrap_or_else(|e| e.into_inner());
        !g.0.is_empty() || g.1
    }
}

/// A running server: its address, acceptor and workers.
pub struct Handle {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    queue: Arc<Queue>,
    acceptor: Option<JoinHandle<()>>,
    workers: Vec<JoinHandle<()>>,
}

impl Handle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stop accepting, let the workers finish the request in hand, and wait for them.
    pub fn shutdown(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the acceptor blocked in accept().
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(a) = self.acceptor.take() {
            let _ = a.join();
        }
        {
            let mut g = self.queue.items.lock().unwrap_or_else(|e| e.into_inner());
            g.1 = true;
            g.0.clear();
        }
        self.queue.ready.notify_all();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }

    /// Serve until the process ends.
    pub fn wait(mut self) {
        if let Some(a) = self.acceptor.take() {
            let _ = a.join();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {message}")]
    Bind {
        addr: SocketAddr,
        /// What kind of failure it was (told in words by the message catalogue).
        kind: std::io::ErrorKind,
        message: String,
    },
}

type Handler = dyn Fn(&Req) -> Reply + Send + Sync;

/// Bind `addr` and answer each request with `handler` on `workers` threads.
pub fn start<H>(
    addr: SocketAddr,
    workers: usize,
    hosts: Option<HostPolicy>,
    limits: Limits,
    handler: H,
) -> Result<Handle, StartError>
where
    H: Fn(&Req) -> Reply + Send + Sync + 'static,
{
    let listener = TcpListener::bind(addr).map_err(|e| StartError::Bind {
        addr,
        kind: e.kind(),
        message: e.to_string(),
    })?;
    let bound = listener.local_addr().unwrap_or(addr);
    let hosts = hosts.unwrap_or(HostPolicy::Loopback { port: bound.port() });
    let stop = Arc::new(AtomicBool::new(false));
    let queue = Arc::new(Queue {
        items: Mutex::new((VecDeque::new(), false)),
        ready: Condvar::new(),
    });
    let acceptor = {
        let (stop, queue) = (stop.clone(), queue.clone());
        std::thread::spawn(move || accept_loop(listener, &stop, &queue, limits))
    };
    let handler: Arc<Handler> = Arc::new(handler);
    let workers = (0..workers.max(1))
        .map(|_| {
            let (queue, handler, hosts) = (queue.clone(), handler.clone(), hosts.clone());
            std::thread::spawn(move || {
                while let Some(conn) = queue.pop() {
                    serve_connection(conn, &*handler, &hosts, &limits, &queue);
                }
            })
        })
        .collect();
    Ok(Handle {
        addr: bound,
        stop,
        queue,
        acceptor: Some(acceptor),
        workers,
    })
}

fn accept_loop(listener: TcpListener, stop: &AtomicBool, queue: &Queue, limits: Limits) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(conn) = conn else {
            // Out of descriptors and the like: breathe, then go on.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        let _ = conn.set_nodelay(true);
        let mut g = queue.items.lock().unwrap_or_else(|e| e.into_inner());
        if g.0.len() >= limits.queue {
            drop(g);
            let mut conn = conn;
            let _ = conn.set_write_timeout(Some(Duration::from_secs(1)));
            let body = b"503 Service Unavailable: too many connections\n";
            let _ = write!(
                conn,
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = conn.write_all(body);
            continue;
        }
        g.0.push_back(conn);
        drop(g);
        queue.ready.notify_one();
    }
}

/// A request head as read from the connection.
struct Head {
    method: String,
    target: String,
    version: (u8, u8),
    headers: Vec<(String, String)>,
}

/// Why a head could not be read.
enum HeadError {
    /// The connection closed or idled before any byte of a request.
    Closed,
    /// Too slow (408), too large (431/414) or not HTTP (400): answer and close.
    Answer(u16, &'static str),
}

fn read_line(
    r: &mut BufReader<TcpStream>,
    buf: &mut Vec<u8>,
    budget: &mut usize,
) -> Result<bool, std::io::Error> {
    buf.clear();
    let n = r.by_ref().take(*budget as u64 + 1).read_until(b'\n', buf)?;
    *budget = budget.saturating_sub(n);
    Ok(n > 0)
}

fn read_head(r: &mut BufReader<TcpStream>, limits: &Limits) -> Result<Head, HeadError> {
    let timed_out = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        )
    };
    let stream = r.get_ref();
    let _ = stream.set_read_timeout(Some(limits.idle));
    // Wait (up to `idle`) for the first byte of the next request.
    match r.fill_buf() {
        Ok([]) => return Err(HeadError::Closed),
        Ok(_) => {}
        Err(_) => return Err(HeadError::Closed),
    }
    let started = Instant::now();
    let slow = HeadError::Answer(408, "request head not received in time");
    let mut budget = MAX_HEAD_BYTES;
    let mut line = Vec::new();
    // Blank lines before a request line are allowed (RFC 9112 §2.2).
    loop {
        let left = limits.head.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(slow);
        }
        let _ = r.get_ref().set_read_timeout(Some(left));
        match read_line(r, &mut line, &mut budget) {
            Ok(false) => return Err(HeadError::Closed),
            Ok(true) => {}
            Err(e) if timed_out(&e) => return Err(slow),
            Err(_) => return Err(HeadError::Closed),
        }
        if !line.ends_with(b"\n") {
            return Err(HeadError::Answer(414, "request line too long"));
        }
        if !line.iter().all(|b| b.is_ascii_whitespace()) {
            break;
        }
    }
    let request_line = String::from_utf8_lossy(&line).trim_end().to_string();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Answer(400, "malformed request line"));
    };
    let version = match version {
        "HTTP/1.1" => (1, 1),
        "HTTP/1.0" => (1, 0),
        _ => return Err(HeadError::Answer(505, "HTTP/1.0 or HTTP/1.1 only")),
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(HeadError::Answer(400, "malformed method"));
    }
    let mut headers = Vec::new();
    loop {
        let left = limits.head.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(slow);
        }
        let _ = r.get_ref().set_read_timeout(Some(left));
        match read_line(r, &mut line, &mut budget) {
            Ok(false) => return Err(HeadError::Closed),
            Ok(true) => {}
            Err(e) if timed_out(&e) => return Err(slow),
            Err(_) => return Err(HeadError::Closed),
        }
        if !line.ends_with(b"\n") {
            return Err(HeadError::Answer(431, "request head too large"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if headers.len() >= MAX_HEADERS {
            return Err(HeadError::Answer(431, "too many header lines"));
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(HeadError::Answer(400, "malformed header line"));
        };
        if name.is_empty() || name.ends_with(char::is_whitespace) {
            return Err(HeadError::Answer(400, "malformed header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        version,
        headers,
    })
}

fn serve_connection(
    conn: TcpStream,
    handler: &Handler,
    hosts: &HostPolicy,
    limits: &Limits,
    queue: &Queue,
) {
    let Ok(write_half) = conn.try_clone() else {
        return;
    };
    let mut out = write_half;
    let _ = out.set_write_timeout(Some(limits.head));
    let mut reader = BufReader::with_capacity(16 * 1024, conn);
    for served in 1.. {
        let head = match read_head(&mut reader, limits) {
            Ok(h) => h,
            Err(HeadError::Closed) => break,
            Err(HeadError::Answer(status, message)) => {
                let reply = Reply {
                    status,
                    content_type: "text/plain; charset=utf-8",
                    body: format!("{status} {message}\n").into_bytes(),
                    headers: Vec::new(),
                };
                let _ = out.write_all(&response(&reply, false, false));
                break;
            }
        };
        let header = |name: &str| {
            head.headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let connection = header("connection").unwrap_or("").to_ascii_lowercase();
        let mut keep = match head.version {
            (1, 1) => !connection.split(',').any(|t| t.trim() == "close"),
            _ => connection.split(',').any(|t| t.trim() == "keep-alive"),
        };
        // A body (none is expected): read it away when small, else close after answering.
        let chunked = header("transfer-encoding").is_some();
        let length: u64 = match header("content-length").map(|v| v.trim().parse::<u64>()) {
            None => 0,
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                keep = false;
                0
            }
        };
        if chunked || length > MAX_BODY_BYTES {
            keep = false;
        } else if length > 0 {
            let _ = reader.get_ref().set_read_timeout(Some(limits.head));
            let mut sink = Vec::new();
            if reader
                .by_ref()
                .take(length)
                .read_to_end(&mut sink)
                .map_or(true, |n| n as u64 != length)
            {
                keep = false;
            }
        }
        let reply = answer(&head, handler, hosts);
        if served >= limits.requests_per_connection || queue.waiting() {
            keep = false;
        }
        let head_only = head.method == "HEAD";
        if out.write_all(&response(&reply, head_only, keep)).is_err() || !keep {
            break;
        }
    }
    let _ = out.flush();
    let _ = out.shutdown(Shutdown::Write);
    // Let the client read the last response before the socket goes (no RST on unread data).
    let _ = reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(200)));
    let mut rest = [0u8; 1024];
    let mut drained = 0;
    while let Ok(n) = reader.get_mut().read(&mut rest) {
        drained += n;
        if n == 0 || drained > 64 * 1024 {
            break;
        }
    }
}

/// The handler's reply to a request head (or the refusal it answers with).
fn answer(head: &Head, handler: &Handler, hosts: &HostPolicy) -> Reply {
    let host = head
        .headers
        .iter()
        .find(|(k, _)| k == "host")
        .map(|(_, v)| v.as_str());
    let refusal = if head.target.len() > MAX_URL_BYTES {
        Some(Refusal::UrlTooLong)
    } else {
        match host {
            None if head.version == (1, 1) => Some(Refusal::NoHost),
            Some(h) if !hosts.accepts(h) => Some(Refusal::ForeignHost),
            _ => None,
        }
    };
    let mut req = match refusal {
        Some(r) => Req::refused(&head.method, &head.target, r),
        None => Req::parse(&head.method, &head.target)
            .unwrap_or_else(|| Req::refused(&head.method, &head.target, Refusal::PathNotUtf8)),
    };
    req.headers = head.headers.clone();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(&req))) {
        Ok(reply) => reply,
        Err(_) => Reply {
            status: 500,
            content_type: "text/plain; charset=utf-8",
            body: b"500 Internal Server Error\n".to_vec(),
            headers: Vec::new(),
        },
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// The bytes of a response: one buffer, written with one call.
fn response(reply: &Reply, head_only: bool, keep: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(512 + reply.body.len());
    let _ = write!(
        out,
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        reply.body.len()
    );
    let fixed: [(&str, &str); 4] = [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'",
        ),
    ];
    for (k, v) in fixed {
        let _ = write!(out, "{k}: {v}\r\n");
    }
    for (k, v) in &reply.headers {
        // Header values come from code, but never let a line break through.
        if !v.contains(['\r', '\n']) {
            let _ = write!(out, "{k}: {v}\r\n");
        }
    }
    out.extend_from_slice(if keep {
        b"Connection: keep-alive\r\n\r\n".as_slice()
    } else {
        b"Connection: close\r\n\r\n".as_slice()
    });
    if !head_only {
        out.extend_from_slice(&reply.body);
    }
    out
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

    #[test]
    fn host_policy_table() {
        let p = HostPolicy::Loopback { port: 8080 };
        for (host, ok) in [
            ("localhost:8080", true),
            ("127.0.0.1:8080", true),
            ("[::1]:8080", true),
            ("LOCALHOST:8080", true),
            ("localhost.:8080", true),
            ("localhost", false),
            ("localhost:8081", false),
            ("evil.example:8080", false),
            ("127.0.0.1.evil.example:8080", false),
            ("[::1]", false),
            ("", false),
        ] {
            assert_eq!(p.accepts(host), ok, "{host:?}");
        }
        let p80 = HostPolicy::Loopback { port: 80 };
        assert!(p80.accepts("localhost"));
        assert!(p80.accepts("[::1]"));
        assert!(HostPolicy::Any.accepts("evil.example"));
    }

    #[test]
    fn head_has_get_length_and_no_body() {
        let reply = Reply::html(200, "<p>xin chào</p>".into());
        let get = response(&reply, false, true);
        let head = response(&reply, true, true);
        let text = String::from_utf8(head.clone()).unwrap();
        assert!(text.contains(&format!("Content-Length: {}\r\n", reply.body.len())));
        assert!(text.ends_with("\r\n\r\n"));
        assert_eq!(get.len(), head.len() + reply.body.len());
    }
}
