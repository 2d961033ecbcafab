//! Bounded load test of `cancu serve`: the server in-process on a free loopback port over
//! the bundled corpus, CLIENTS concurrent clients each sending ROUNDS requests for the search
//! page, every request timed; prints p50/p99/max latency and throughput. Stops early (and
//! says so) past a time budget. With `--index DIR` search answers from that index (build it
//! first: `cancu index CORPUS/plans --index DIR`); `--index build` builds one of CORPUS/plans
//! in a temporary folder. With `--keep-alive` each client sends its requests on one HTTP/1.1
//! connection (as browsers do) instead of one connection per request. Before the load, the
//! time of the SECOND request on a kept-alive connection is measured (50 connections, the
//! stylesheet then PATH): the figure a delayed ACK (Nagle) would spoil by ~40 ms.
//! Loopback only; at most CLIENTS × ROUNDS requests and 120 s.
//!
//! cargo bench --bench bench_serve -- [CORPUS] [--clients 100] [--rounds 10] [--path URL]
//!     [--index DIR|build] [--keep-alive]

use cancu::serve::{self, Config};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

const BUDGET: Duration = Duration::from_secs(120);

fn get(addr: SocketAddr, path: &str) -> std::io::Result<(u16, usize)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let req = format!(
        "GET {path} HTTP/1.0\r\nHost: localhost:{}\r\n\r\n",
        addr.port()
    );
    s.write_all(req.as_bytes())?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let status = std::str::from_utf8(&buf[..buf.len().min(16)])
        .ok()
        .and_then(|h| h.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, buf.len()))
}

/// Send a GET for `path` on a kept-alive connection and read its response (by its
/// `Content-Length`); returns the status and whether the server closes the connection.
fn get_kept(
    w: &mut TcpStream,
    r: &mut BufReader<TcpStream>,
    addr: SocketAddr,
    path: &str,
) -> std::io::Result<(u16, bool)> {
    // One write, as browsers send a request: a request written in pieces waits on the
    // client's own Nagle for the server's delayed ACK.
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        addr.port()
    );
    w.write_all(req.as_bytes())?;
    let mut status = 0;
    let mut len = 0usize;
    let mut first = true;
    let mut close = false;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if first {
            status = line
                .split_whitespace()
                .nth(1)
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            first = false;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().unwrap_or(0);
        }
        if lower.starts_with("connection: close") {
            close = true;
        }
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body)?;
    Ok((status, close))
}

fn connect(addr: SocketAddr) -> std::io::Result<(TcpStream, BufReader<TcpStream>)> {
    let s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    s.set_nodelay(true)?;
    let r = BufReader::new(s.try_clone()?);
    Ok((s, r))
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The program's arguments without the `--bench` that `cargo bench` appends.
fn cli_args() -> impl Iterator<Item = String> {
    std::env::args().filter(|a| a != "--bench")
}

fn main() {
    let mut corpus = std::path::PathBuf::from("corpus");
    let mut clients = 100usize;
    let mut rounds = 10usize;
    let mut path = "/search?q=dan+quan+tu+ve".to_string();
    let mut index: Option<String> = None;
    let mut keep_alive = false;
    let mut args = cli_args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => clients = args.next().and_then(|v| v.parse().ok()).unwrap_or(clients),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(rounds),
            "--path" => path = args.next().unwrap_or(path),
            "--index" => index = args.next(),
            "--keep-alive" => keep_alive = true,
            _ => corpus = a.into(),
        }
    }
    let mut built: Option<std::path::PathBuf> = None;
    let index = match index.as_deref() {
        None => None,
        Some("build") => {
            let dir =
                std::env::temp_dir().join(format!("cancu-bench-index-{}", std::process::id()));
            built = Some(dir.clone());
            let t = Instant::now();
            let idx = cancu::index::SearchIndex::open_or_create(&dir).expect("create index");
            let stats = idx
                .update(&[corpus.join("plans")], &mut |_| {})
                .expect("index the plans");
            println!(
                "index of {}: {} files in {:.2} s",
                corpus.join("plans").display(),
                stats.added,
                t.elapsed().as_secs_f64()
            );
            Some(dir)
        }
        Some(dir) => Some(std::path::PathBuf::from(dir)),
    };
    let config = Config {
        addr: "127.0.0.1:0".parse().expect("address"),
        corpus: corpus.clone(),
        index,
        workers: serve::WORKERS,
        allow_remote: false,
        plans: Vec::new(),
    };
    let (backend, note) = serve::backend_with_note(&config);
    if let Some(note) = &note {
        eprintln!("note: --index: {note}");
    }
    let engine = if config.index.is_some() && note.is_none() {
        "index"
    } else {
        "scan"
    };
    println!("search answered by: {engine}");
    let handle = match serve::start(&config, backend) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let addr = handle.addr();
    // Warm up: the first request builds the snapshot.
    let t = Instant::now();
    let (status, bytes) = get(addr, &path).expect("warm-up request");
    println!(
        "warm-up {path}: HTTP {status}, {bytes} bytes, {:.1} ms (snapshot of {})",
        t.elapsed().as_secs_f64() * 1e3,
        corpus.display()
    );
    // The second request on a kept-alive connection.
    let mut second = Vec::new();
    for _ in 0..50 {
        let Ok((mut w, mut r)) = connect(addr) else {
            continue;
        };
        if get_kept(&mut w, &mut r, addr, "/assets/style.css").ok() != Some((200, false)) {
            continue;
        }
        let t = Instant::now();
        if get_kept(&mut w, &mut r, addr, &path).is_ok_and(|(s, _)| s == 200) {
            second.push(t.elapsed());
        }
    }
    second.sort();
    println!(
        "second request on a kept-alive connection ({path}, {} connections): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        second.len(),
        pct(&second, 0.50).as_secs_f64() * 1e3,
        pct(&second, 0.99).as_secs_f64() * 1e3,
        second.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut lat = Vec::with_capacity(rounds);
                let mut errors = 0usize;
                let mut conn = None;
                for _ in 0..rounds {
                    if start.elapsed() > BUDGET {
                        break;
                    }
                    let t = Instant::now();
                    let ok = if keep_alive {
                        if conn.is_none() {
                            conn = connect(addr).ok();
                        }
                        match conn.as_mut() {
                            Some((w, r)) => match get_kept(w, r, addr, &path) {
                                Ok((200, close)) => {
                                    if close {
                                        conn = None;
                                    }
                                    true
                                }
                                _ => {
                                    conn = None;
                                    false
                                }
                            },
                            None => false,
                        }
                    } else {
                        matches!(get(addr, &path), Ok((200, _)))
                    };
                    if ok {
                        lat.push(t.elapsed());
                    } else {
                        errors += 1;
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut lat = Vec::new();
    let mut errors = 0;
    for t in threads {
        let (l, e) = t.join().expect("client thread");
        lat.extend(l);
        errors += e;
    }
    let wall = start.elapsed();
    handle.shutdown();
    if let Some(dir) = built {
        let _ = std::fs::remove_dir_all(dir);
    }
    lat.sort();
    let n = lat.len();
    println!(
        "{clients} concurrent clients x {rounds} requests of {path} on {} workers{}: {n} ok, {errors} failed{}",
        serve::WORKERS,
        if keep_alive { ", kept-alive connections" } else { ", a connection per request" },
        if wall > BUDGET { " (time budget hit)" } else { "" }
    );
    println!(
        "latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {:.0} requests/s over {:.2} s",
        pct(&lat, 0.50).as_secs_f64() * 1e3,
        pct(&lat, 0.90).as_secs_f64() * 1e3,
        pct(&lat, 0.99).as_secs_f64() * 1e3,
        lat.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        n as f64 / wall.as_secs_f64(),
        wall.as_secs_f64()
    );
    if errors > 0 {
        std::process::exit(1);
    }
}
