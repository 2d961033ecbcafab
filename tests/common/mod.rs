//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the clone (or `$CANCU_SHARED`), or None with a message saying the
/// test is skipped: a user's clone has no `../shared`.
pub fn shared(test: &str) -> Option<PathBuf> {
    let p = std::env::var_os("CANCU_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("..").join("shared"));
    if p.join("data").is_dir() {
        Some(p)
    } else {
        skip(
            test,
            &format!(
                "{} not found (set CANCU_SHARED to the shared data folder to run it)",
                p.display()
            ),
        );
        None
    }
}

/// Is a skip a failure here? CI sets `CANCU_REQUIRE_SHARED=1`, so that a test which would
/// skip for lack of `../shared`, a browser or LibreOffice fails instead of passing silently.
pub fn skips_fail() -> bool {
    std::env::var("CANCU_REQUIRE_SHARED").is_ok_and(|v| v == "1")
}

/// Say that `test` is skipped and why; under `CANCU_REQUIRE_SHARED=1` fail instead.
pub fn skip(test: &str, why: &str) {
    if skips_fail() {
        panic!("{test} cannot run: {why} (CANCU_REQUIRE_SHARED=1 forbids skipping)");
    }
    eprintln!("SKIP {test}: {why}");
}

/// The `cancu` binary built for this test run.
pub fn cancu() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cancu"))
}

/// The standard output of `cancu check ARGS FILES` run in `dir`, which must end as a check
/// does (0: nothing found, 1: findings); anything else, or a panic, fails the test.
pub fn check_output(args: &[&str], files: &[String], dir: &Path) -> String {
    let out = std::process::Command::new(cancu())
        .arg("check")
        .args(args)
        .args(files)
        .current_dir(dir)
        .output()
        .expect("run cancu");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)) && !stderr.contains("panicked"),
        "cancu check failed: {:?}\n{stderr}",
        out.status
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A DOCX body for `text`: each line a paragraph made by `para`, lines 20–60 in a
/// two-column table (row by row), as the seed-as-DOCX tests lay it out.
pub fn docx_body_with_table(text: &str, para: impl Fn(&str) -> String) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut body = String::new();
    let mut i = 0;
    while i < lines.len() {
        if (20..60).contains(&i) {
            body.push_str("<w:tbl>");
            while i < 60 && i < lines.len() {
                body.push_str("<w:tr>");
                for line in &lines[i..(i + 2).min(lines.len())] {
                    body.push_str(&format!("<w:tc>{}</w:tc>", para(line)));
                }
                body.push_str("</w:tr>");
                i += 2;
            }
            body.push_str("</w:tbl>");
        } else {
            body.push_str(&para(lines[i]));
            i += 1;
        }
    }
    body
}

/// `GET target` from a server at `addr` (HTTP/1.0, the connection closed after the reply):
/// the status and the body.
pub fn http_get(addr: std::net::SocketAddr, target: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("{addr}: {e}"));
    s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap_or_else(|e| panic!("{e}"));
    write!(
        s,
        "GET {target} HTTP/1.0\r\nHost: localhost:{}\r\n\r\n",
        addr.port()
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap_or_else(|e| panic!("{e}"));
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}
