//! HTTP tests of `cancu serve`: every route and the API over a real loopback socket, a
//! hostile plan (HTML in the text and the file name), over-long queries, bad parameters,
//! and a corpus rewritten while the server answers; the same server searching a Tantivy index
//! built by `cancu index` (filters in the query, links anchored at sections), kept serving
//! while `cancu index` rewrites the index in another process.

mod common;

use cancu::serve::{self, Config};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

const SEED: &str = "ke-hoach-qpdp-2024-xa-xuan-luong.txt";
const HOSTILE_NAME: &str = "hostile<script>.txt";
const HOSTILE: &str = "KẾ HOẠCH <script>alert('title')</script>\n\
I. MỤC ĐÍCH <img src=x onerror=alert(2)>\n\
1. Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 \"<script>alert(3)</script>\" của Chính phủ; \
Luật Dân quân tự vệ năm 2019 & các văn bản khác\n\
2. Nội dung </pre><script>alert(4)</script> Nghị định số 999/2099/NĐ-CP\n";

/// A copy of the bundled corpus with the hostile plan added.
fn corpus(dir: &Path) {
    let root = common::root().join("corpus");
    for sub in ["plans", "registry"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for e in std::fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    std::fs::write(dir.join("plans").join(HOSTILE_NAME), HOSTILE).unwrap();
}

struct Server {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    handle: Option<serve::Handle>,
}

/// Run `cancu index PLANS --index DIR` in another process.
fn cancu_index(plans: &Path, dir: &Path) {
    let out = std::process::Command::new(common::cancu())
        .arg("index")
        .arg(plans)
        .arg("--index")
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cancu index: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Server {
    fn start() -> Server {
        Server::start_with(false)
    }

    /// A server whose search answers from an index of its corpus built by `cancu index`.
    fn start_indexed() -> Server {
        Server::start_with(true)
    }

    fn index_dir(&self) -> std::path::PathBuf {
        self.root.join("index")
    }

    fn start_with(indexed: bool) -> Server {
        let dir = tempfile::tempdir().unwrap();
        corpus(dir.path());
        let index = indexed.then(|| {
            let idx = dir.path().join("index");
            cancu_index(&dir.path().join("plans"), &idx);
            idx
        });
        let config = Config {
            addr: "127.0.0.1:0".parse().unwrap(),
            corpus: dir.path().to_path_buf(),
            index,
            workers: 4,
            allow_remote: false,
            plans: Vec::new(),
        };
        let (backend, note) = serve::backend_with_note(&config);
        assert_eq!(note, None, "the index opens");
        let handle = serve::start(&config, backend).unwrap();
        Server {
            root: dir.path().to_path_buf(),
            _dir: dir,
            handle: Some(handle),
        }
    }
    fn addr(&self) -> SocketAddr {
        self.handle.as_ref().unwrap().addr()
    }
    fn get(&self, target: &str) -> Resp {
        request(self.addr(), "GET", target)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.shutdown();
        }
    }
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: String,
    body: String,
}

fn request(addr: SocketAddr, method: &str, target: &str) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.0\r\nHost: localhost:{}\r\n\r\n",
        addr.port()
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Resp {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

fn enc(s: &str) -> String {
    cancu::serve::http::encode_path(s)
}

/// One row: a request target, the status, what the body must and must not contain.
fn check(srv: &Server, target: &str, status: u16, has: &[&str], lacks: &[&str]) -> Resp {
    let r = srv.get(target);
    assert_eq!(
        r.status,
        status,
        "{target}: {}",
        &r.body[..r.body.len().min(500)]
    );
    for h in has {
        assert!(r.body.contains(h), "{target}: body lacks {h:?}");
    }
    for l in lacks {
        assert!(!r.body.contains(l), "{target}: body has {l:?}");
    }
    r
}

#[test]
fn every_page_route() {
    let srv = Server::start();
    let seed = format!("/documents/{SEED}");
    let rows: Vec<(String, u16, Vec<&str>, Vec<&str>)> = vec![
        ("/".into(), 200, vec!["<form", "name=\"q\"", SEED], vec![]),
        (
            "/search".into(),
            200,
            vec!["name=\"kind\"", "name=\"status\""],
            vec![],
        ),
        (
            "/search?q=dan+quan+tu+ve".into(),
            200,
            vec![&seed, "<mark>", "mục "],
            vec![],
        ),
        // Accented and unaccented queries find the same plan.
        (
            "/search?q=d%C3%A2n+qu%C3%A2n+t%E1%BB%B1+v%E1%BB%87".into(),
            200,
            vec![&seed],
            vec![],
        ),
        (
            "/search?q=nghi+dinh+168".into(),
            200,
            vec!["/instruments/168%2F2018%2FN%C4%90-CP"],
            vec![],
        ),
        (
            "/search?q=qu%E1%BB%91c+ph%C3%B2ng&kind=ke-hoach&year=2024".into(),
            200,
            vec![&seed],
            vec![],
        ),
        (
            "/search?q=xyzzy+plugh".into(),
            200,
            vec!["Tìm thấy 0 kết quả"],
            vec![],
        ),
        ("/search?status=outdated".into(), 200, vec![&seed], vec![]),
        (
            "/documents".into(),
            200,
            vec![SEED, "Chưa xác định"],
            vec![],
        ),
        (
            seed.clone(),
            200,
            vec![
                "class=\"cite st-in-force",
                "class=\"cite st-outdated",
                "class=\"cite st-unresolved",
                " malformed\"",
                "href=\"/instruments/48%2F2019%2FQH14\"",
                "id=\"s-II.1\"",
                "Mục lục",
                "Phát hiện",
                "Sửa: <code class=\"fix\">168/2018/NĐ-CP</code>",
            ],
            vec![],
        ),
        (
            "/instruments/48%2F2019%2FQH14".into(),
            200,
            vec![
                "Luật Dân quân tự vệ",
                "Được trích dẫn bởi",
                &seed,
                "Nguồn",
                "Hiệu lực theo thời gian",
            ],
            vec![],
        ),
        // Raw slashes in the id work too.
        (
            "/instruments/48/2019/QH14".into(),
            200,
            vec!["Luật Dân quân tự vệ"],
            vec![],
        ),
        // Relations both ways: 28-NQ/TW of 2013 is superseded by 44-NQ/TW.
        (
            format!(
                "/instruments/{}",
                enc("28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25")
            ),
            200,
            vec!["được thay bằng", "44-NQ/TW"],
            vec![">superseded-by<"],
        ),
        (
            "/graph".into(),
            200,
            vec![
                "id=\"graph\"",
                "/assets/graph.js",
                "data-api=\"/api/graph\"",
            ],
            vec![],
        ),
        (
            format!("/graph?document={SEED}"),
            200,
            vec!["Luật Dân quân tự vệ 48/2019/QH14"],
            vec![],
        ),
        (
            "/graph?instrument=48%2F2019%2FQH14".into(),
            200,
            vec![SEED],
            vec![],
        ),
        (
            "/assets/style.css".into(),
            200,
            vec![".cite.st-outdated"],
            vec![],
        ),
        ("/assets/graph.js".into(), 200, vec!["data-api"], vec![]),
        // Errors are pages.
        (
            "/documents/nope.txt".into(),
            404,
            vec!["404", "nope.txt"],
            vec![],
        ),
        // Cited but not in the registry: an observed instrument, status unknown, whose
        // citing plan's text stays escaped.
        (
            "/instruments/999%2F2099%2FN%C4%90-CP".into(),
            200,
            vec![
                "Nghị định 999/2099/NĐ-CP",
                "chưa rõ hiệu lực",
                "không có trong sổ đăng ký",
            ],
            vec!["<script>alert"],
        ),
        // Neither in the registry nor cited.
        (
            "/instruments/998%2F2099%2FN%C4%90-CP".into(),
            404,
            vec!["404"],
            vec![],
        ),
        ("/no/such/page".into(), 404, vec!["Không tìm thấy"], vec![]),
        ("/graph?document=nope".into(), 404, vec!["404"], vec![]),
        (
            "/graph?document=a&instrument=b".into(),
            400,
            vec!["400"],
            vec![],
        ),
        (
            "/search?q=a&kind=banana".into(),
            400,
            vec!["Không có loại văn bản"],
            vec![],
        ),
        ("/search?q=a&year=abc".into(), 400, vec!["Năm"], vec![]),
        (
            "/search?q=a&status=gone".into(),
            400,
            vec!["Không có tình trạng hiệu lực"],
            vec![],
        ),
        ("/search?q=a&limit=0".into(), 400, vec!["limit"], vec![]),
        // limit outside 1..=100 is refused, never cut silently.
        (
            "/search?q=a&limit=100000".into(),
            400,
            vec!["limit", "100"],
            vec![],
        ),
        ("/%FF".into(), 400, vec!["400"], vec![]),
    ];
    for (target, status, has, lacks) in &rows {
        check(&srv, target, *status, has, lacks);
    }
}

#[test]
fn every_api_route() {
    let srv = Server::start();
    let json = |target: &str, status: u16| -> serde_json::Value {
        let r = srv.get(target);
        assert_eq!(r.status, status, "{target}: {}", r.body);
        assert!(
            r.headers.contains("content-type: application/json"),
            "{target}"
        );
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{target}: {e}"))
    };
    let v = json("/api/search?q=dan+quan+tu+ve&limit=20", 200);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 20);
    assert!(v["total"].as_u64().unwrap() >= hits.len() as u64);
    assert!(hits.iter().any(|h| h["target"]["id"] == SEED), "{v}");
    assert!(hits
        .iter()
        .all(|h| h["url"].as_str().unwrap().starts_with('/')));
    assert!(hits[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["hl"] == true));

    let v = json("/api/documents", 200);
    assert!(v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["id"] == SEED));

    let v = json(&format!("/api/documents/{SEED}"), 200);
    let cites = v["citations"].as_array().unwrap();
    assert!(cites.len() >= 40, "{}", cites.len());
    for st in ["in-force", "outdated", "unresolved"] {
        assert!(cites.iter().any(|c| c["standing"] == st), "no {st}");
    }
    assert!(cites.iter().any(|c| c["malformed"] == true));
    let dqtv = cites.iter().find(|c| c["text"] == "Luật DQTV").unwrap();
    assert_eq!(dqtv["instrument"]["id"], "48/2019/QH14");
    assert!(v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["path"] == "II.1"));
    assert!(!v["findings"].as_array().unwrap().is_empty());

    let v = json("/api/instruments/48%2F2019%2FQH14", 200);
    assert_eq!(v["id"], "48/2019/QH14");
    assert_eq!(v["status"], "in-force");
    assert!(v["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["document"] == SEED));
    assert!(!v["sources"].as_array().unwrap().is_empty());

    let v = json(&format!("/api/graph?document={SEED}"), 200);
    let nodes = v["nodes"].as_array().unwrap();
    assert!(nodes.iter().any(|n| n["id"] == format!("d:{SEED}")));
    assert!(nodes.iter().any(|n| n["id"] == "i:48/2019/QH14"));
    assert!(v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "cites"));
    let v = json("/api/graph", 200);
    assert!(v["nodes"].as_array().unwrap().len() <= 200);
    let v = json("/api/graph?limit=5", 200);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 5);
    assert_eq!(v["truncated"], true);

    for (target, status) in [
        ("/api/documents/nope.txt", 404),
        ("/api/instruments/nope", 404),
        ("/api/search?q=a&kind=banana", 400),
        ("/api/graph?limit=x", 400),
        ("/api/nothing", 404),
    ] {
        let v = json(target, status);
        assert_eq!(v["status"], status, "{target}");
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{target}"
        );
    }
}

#[test]
fn hostile_plan_text_is_escaped() {
    let srv = Server::start();
    let doc = format!("/documents/{}", enc(HOSTILE_NAME));
    let pages = [
        doc.clone(),
        "/".into(),
        "/documents".into(),
        "/search?q=script+alert".into(),
        "/search?q=%3Cscript%3Ealert(9)%3C/script%3E".into(),
        format!("/graph?document={}", enc(HOSTILE_NAME)),
        "/instruments/168%2F2018%2FN%C4%90-CP".into(),
    ];
    for p in &pages {
        let r = check(
            &srv,
            p,
            200,
            &[],
            &["<script>alert", "<img src=x", "</pre><script>"],
        );
        // The only script element on any page is the graph's own, from /assets/.
        let scripts = r.body.matches("<script").count();
        let ours = r.body.matches("<script src=\"/assets/graph.js\">").count();
        assert_eq!(scripts, ours, "{p}");
        assert!(r.headers.contains("content-security-policy"), "{p}");
    }
    let r = check(
        &srv,
        &doc,
        200,
        &[
            "&lt;script&gt;alert(3)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(2)&gt;",
            "&amp; các",
        ],
        &[],
    );
    // The citation next to the hostile text is still marked and linked.
    assert!(r
        .body
        .contains("href=\"/instruments/168%2F2018%2FN%C4%90-CP\""));
    // An unknown instrument is unresolved, not guessed.
    assert!(r.body.contains("class=\"cite st-unresolved"));
    let r = check(
        &srv,
        "/search?q=script+alert",
        200,
        &["&lt;script&gt;"],
        &[],
    );
    assert!(r.body.contains(&enc(HOSTILE_NAME)));
    // JSON carries the text as data.
    let r = srv.get(&format!("/api/documents/{}", enc(HOSTILE_NAME)));
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["text"], HOSTILE);
}

#[test]
fn long_queries_are_refused() {
    let srv = Server::start();
    let ten_kb = "a".repeat(10 * 1024);
    for (target, status) in [
        (format!("/search?q={ten_kb}"), 400),
        (format!("/api/search?q={ten_kb}"), 400),
        (format!("/search?q={}", "a".repeat(512)), 200),
        (format!("/search?q={}", "a".repeat(513)), 400),
        (format!("/search?q=a&issuer={}", "b".repeat(300)), 400),
        // Past the URL limit the server answers 414 before parsing.
        (format!("/search?q={}", "a".repeat(70 * 1024)), 414),
    ] {
        let r = srv.get(&target);
        assert_eq!(r.status, status, "{} bytes", target.len());
    }
    // A 10 KB query of Vietnamese text (multi-byte) too, on the page: a message, not a panic.
    let raw = "dân quân tự vệ ".repeat(500);
    assert!(raw.len() >= 10 * 1024);
    let q = enc(&raw);
    let r = srv.get(&format!("/search?q={q}"));
    assert_eq!(r.status, 400);
    assert!(r.body.contains("512 ký tự"), "{}", r.body);
    // The server is still up.
    assert_eq!(srv.get("/").status, 200);
}

#[test]
fn methods_and_head() {
    let srv = Server::start();
    assert_eq!(request(srv.addr(), "POST", "/search").status, 405);
    assert_eq!(request(srv.addr(), "DELETE", "/api/documents").status, 405);
    let r = request(srv.addr(), "HEAD", "/");
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
}

#[test]
fn serves_while_the_corpus_is_rewritten() {
    let srv = Server::start();
    // The first snapshot is built from a sound corpus.
    assert_eq!(srv.get("/").status, 200);
    let new_plan = srv.root.join("plans").join("ke-hoach-moi.txt");
    let registry = srv.root.join("registry").join("instruments.toml");
    let original = std::fs::read_to_string(&registry).unwrap();
    let addr = srv.addr();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 5 {
                    let r = request(addr, "GET", "/search?q=dan+quan+tu+ve");
                    assert_eq!(r.status, 200, "{}", r.body);
                    n += 1;
                }
                n
            })
        })
        .collect();
    for i in 0..20 {
        std::fs::write(
            &new_plan,
            format!("KẾ HOẠCH số {i}\nI. NHIỆM VỤ\n1. Căn cứ Luật Dân quân tự vệ năm 2019 về từ khoá zqxwv{i}\n"),
        )
        .unwrap();
        // A half-written registry keeps the last good snapshot.
        let half = (0..=original.len() / 2)
            .rev()
            .find(|&i| original.is_char_boundary(i))
            .unwrap_or(0);
        std::fs::write(&registry, &original[..half]).unwrap();
        std::thread::sleep(Duration::from_millis(5));
        std::fs::write(&registry, &original).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for r in readers {
        assert!(r.join().unwrap() >= 5);
    }
    // The last version of the new plan is served.
    check(&srv, "/search?q=zqxwv19", 200, &["ke-hoach-moi.txt"], &[]);
    check(
        &srv,
        "/documents/ke-hoach-moi.txt",
        200,
        &["zqxwv19"],
        &["zqxwv18"],
    );
    std::fs::remove_file(&new_plan).unwrap();
    check(&srv, "/documents/ke-hoach-moi.txt", 404, &[], &[]);
}

#[test]
fn refuses_a_non_loopback_address_without_the_flag() {
    let out = std::process::Command::new(common::cancu())
        .args(["serve", "--addr", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--allow-remote"), "{err}");
}

/// The `#s-...` anchor of a hit's url, and the document page it leads to.
fn anchor_of(url: &str) -> Option<(&str, &str)> {
    url.split_once("#s-")
}

#[test]
fn index_backed_search() {
    let srv = Server::start_indexed();
    let seed_at = format!("/documents/{SEED}#s-");
    // (target, must contain, must not contain)
    let rows: Vec<(String, Vec<&str>, Vec<&str>)> = vec![
        (
            "/search?q=dan+quan+tu+ve".into(),
            vec![
                &seed_at,
                "<mark>",
                "mục ",
                "từ chỉ mục tìm kiếm",
                "data-engine=\"index\"",
            ],
            vec![],
        ),
        // Accented: the same plan.
        (
            "/search?q=d%C3%A2n+qu%C3%A2n+t%E1%BB%B1+v%E1%BB%87".into(),
            vec![&seed_at, "data-engine=\"index\""],
            vec![],
        ),
        // Abbreviations expanded: QPĐP finds "quốc phòng địa phương".
        (
            "/search?q=QP%C4%90P&year=2025".into(),
            vec!["ke-hoach-dqtv-2025-xa-tan-hoa.txt"],
            vec![],
        ),
        // Filters are in the query: the seed is a plan of 2024.
        (
            "/search?q=quoc+phong&kind=ke-hoach&year=2024".into(),
            vec![&seed_at],
            vec!["xa-tan-hoa"],
        ),
        (
            "/search?q=dan+quan+tu+ve&year=2025".into(),
            vec!["ke-hoach-dqtv-2025-xa-tan-hoa.txt"],
            vec![SEED],
        ),
        (
            "/search?q=dan+quan+tu+ve&kind=quyet-dinh".into(),
            vec!["Tìm thấy 0 kết quả"],
            vec![SEED],
        ),
        (
            "/search?q=dan+quan+tu+ve&issuer=xyzzy".into(),
            vec!["Tìm thấy 0 kết quả"],
            vec![SEED],
        ),
        // Punctuation only: nothing to search, no error.
        (
            "/search?q=%2C%3B".into(),
            vec!["Tìm thấy 0 kết quả"],
            vec![],
        ),
        // A status needs the registry: the scan answers.
        (
            "/search?q=dan+quan&status=outdated".into(),
            vec![SEED, "data-engine=\"scan\""],
            vec![],
        ),
        // Hostile text found through the index is escaped.
        (
            "/search?q=script+alert".into(),
            vec!["&lt;script&gt;", "data-engine=\"index\""],
            vec!["<script>alert"],
        ),
    ];
    for (target, has, lacks) in &rows {
        check(&srv, target, 200, has, lacks);
    }
    let ten_kb = enc(&"dân quân tự vệ ".repeat(700));
    check(
        &srv,
        &format!("/search?q={ten_kb}"),
        400,
        &["512 ký tự"],
        &[],
    );

    // The API: hits from the index, each link anchored at a section the page has.
    let r = srv.get("/api/search?q=dan+quan+tu+ve&limit=20");
    assert_eq!(r.status, 200, "{}", r.body);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["engine"], "index");
    let hits = v["hits"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["target"]["id"] == SEED), "{v}");
    // Each hit says how the index matched it; "dan quan tu ve" is in order in every plan.
    assert_eq!(hits[0]["matched"], "phrase", "{v}");
    assert!(
        hits.iter().all(
            |h| ["exact-phrase", "phrase", "exact-words", "words", "required"]
                .contains(&h["matched"].as_str().unwrap_or(""))
        ),
        "{v}"
    );
    let mut anchored = 0;
    for h in hits {
        let url = h["url"].as_str().unwrap();
        assert!(
            h["snippet"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["hl"] == true),
            "{h}"
        );
        if let Some((page, section)) = anchor_of(url) {
            assert_eq!(h["section"]["path"], section, "{h}");
            let doc = srv.get(page);
            assert_eq!(doc.status, 200, "{page}");
            assert!(
                doc.body.contains(&format!("id=\"s-{section}\"")),
                "{url}: no anchor on the page"
            );
            anchored += 1;
        }
    }
    assert!(anchored > 0, "{v}");
}

#[test]
fn a_missing_index_falls_back_to_the_scan() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let config = Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        corpus: dir.path().to_path_buf(),
        index: Some(dir.path().join("no-index")),
        workers: 2,
        allow_remote: false,
        plans: Vec::new(),
    };
    let (backend, note) = serve::backend_with_note(&config);
    let note = note.expect("a note says the index is not used");
    assert!(
        note.contains("no-index") && note.contains("directly"),
        "{note}"
    );
    let q = serve::backend::SearchQuery {
        q: "dan quan tu ve".into(),
        limit: 5,
        ..Default::default()
    };
    let r = backend.search(&q).unwrap();
    assert_eq!(r.engine, serve::backend::Engine::Scan);
    assert!(!r.hits.is_empty());
    // The binary says so once on stderr and serves.
    let mut child = std::process::Command::new(common::cancu())
        .args(["serve", "--addr", "127.0.0.1:0", "--corpus"])
        .arg(dir.path())
        .arg("--index")
        .arg(dir.path().join("no-index"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let addr: SocketAddr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .parse()
        .unwrap();
    let r = request(addr, "GET", "/search?q=dan+quan+tu+ve");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("data-engine=\"scan\""));
    child.kill().unwrap();
    child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(err.matches("không có chỉ mục ở").count(), 1, "{err}");
}

#[test]
fn serves_while_cancu_index_runs() {
    let srv = Server::start_indexed();
    let addr = srv.addr();
    let plans = srv.root.join("plans");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 5 {
                    let r = request(addr, "GET", "/api/search?q=dan+quan+tu+ve");
                    assert_eq!(r.status, 200, "{}", r.body);
                    assert!(r.body.contains(SEED), "{}", r.body);
                    n += 1;
                }
                n
            })
        })
        .collect();
    let plan = plans.join(SEED);
    let original = std::fs::read_to_string(&plan).unwrap();
    for i in 0..4 {
        // A phrase added to a plan (a new part before the signature block: text after
        // "Nơi nhận" is in no section), and a new plan: both found after the indexer's commit.
        assert!(original.contains("Nơi nhận"));
        std::fs::write(
            &plan,
            original.replacen(
                "Nơi nhận",
                &format!("V. BỔ SUNG\n1. Tổ chức diễn tập zqxwv{i} tại thôn Đồng\n\nNơi nhận"),
                1,
            ),
        )
        .unwrap();
        std::fs::write(
            plans.join("ke-hoach-moi.txt"),
            format!("KẾ HOẠCH số {i}\nI. NHIỆM VỤ\nb) Dân quân tự vệ plughy{i}\n"),
        )
        .unwrap();
        cancu_index(&plans, &srv.index_dir());
        let r = srv.get(&format!(
            "/api/search?q=t%E1%BB%95+ch%E1%BB%A9c+di%E1%BB%85n+t%E1%BA%ADp+zqxwv{i}"
        ));
        assert_eq!(r.status, 200, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["engine"], "index");
        let hits = v["hits"].as_array().unwrap();
        assert_eq!(hits.len(), 1, "zqxwv{i}: {v}");
        assert_eq!(hits[0]["target"]["id"], SEED);
        assert_eq!(hits[0]["section"]["path"], "V.1");
        if i > 0 {
            // The phrase of the last run is gone from the index.
            let prev = srv.get(&format!("/api/search?q=zqxwv{}", i - 1));
            let v: serde_json::Value = serde_json::from_str(&prev.body).unwrap();
            assert_eq!(v["hits"].as_array().map(Vec::len), Some(0), "{v}");
        }
        // The hit links to its section's anchor, and the document page has that anchor
        // (the index's sections are the outline's).
        let r = srv.get(&format!("/api/search?q=plughy{i}"));
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let hit = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["target"]["id"] == "ke-hoach-moi.txt")
            .unwrap_or_else(|| panic!("plughy{i}: {v}"))
            .clone();
        assert_eq!(hit["section"]["path"], "I", "{hit}");
        let url = hit["url"].as_str().unwrap();
        let (page, anchor) = url.split_once('#').expect("an anchored link");
        assert_eq!(page, "/documents/ke-hoach-moi.txt");
        check(&srv, page, 200, &[&format!("id=\"{anchor}\"")], &[]);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for r in readers {
        assert!(r.join().unwrap() >= 5);
    }
    // A plan removed from the corpus leaves the index at the next run.
    std::fs::remove_file(plans.join("ke-hoach-moi.txt")).unwrap();
    cancu_index(&plans, &srv.index_dir());
    check(&srv, "/search?q=plughy3", 200, &["Tìm thấy 0 kết quả"], &[]);
}

/// A raw exchange on one connection: send `raw`, read until the peer closes or `wait`.
fn exchange(addr: SocketAddr, raw: &str, wait: Duration) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(wait)).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = s.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Read one response (head and `Content-Length` body) from a kept-alive connection.
fn read_response(r: &mut std::io::BufReader<TcpStream>, head_only: bool) -> (String, String) {
    use std::io::BufRead;
    let mut head = String::new();
    loop {
        let mut line = String::new();
        assert!(r.read_line(&mut line).unwrap() > 0, "connection closed");
        head.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let len: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap())
        })
        .expect("content-length");
    let mut body = vec![0u8; if head_only { 0 } else { len }];
    r.read_exact(&mut body).unwrap();
    (head, String::from_utf8(body).unwrap())
}

#[test]
fn kept_alive_connections_answer_every_request() {
    let srv = Server::start();
    let port = srv.addr().port();
    let conn = TcpStream::connect(srv.addr()).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut w = conn.try_clone().unwrap();
    let mut r = std::io::BufReader::new(conn);
    for target in [
        "/",
        "/assets/style.css",
        "/api/search?q=dan+quan",
        "/documents",
    ] {
        write!(w, "GET {target} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").unwrap();
        let (head, body) = read_response(&mut r, false);
        assert!(head.starts_with("HTTP/1.1 200"), "{target}: {head}");
        assert!(
            head.to_ascii_lowercase().contains("connection: keep-alive"),
            "{head}"
        );
        assert!(!body.is_empty(), "{target}");
    }
    // HEAD on the same connection: GET's length, no body (the next response follows at once).
    let (_, get_body) = {
        write!(
            w,
            "GET /documents HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
        )
        .unwrap();
        read_response(&mut r, false)
    };
    write!(
        w,
        "HEAD /documents HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .unwrap();
    let (head, _) = read_response(&mut r, true);
    let len = format!("content-length: {}\r\n", get_body.len());
    assert!(head.to_ascii_lowercase().contains(&len), "{head} vs {len}");
    write!(
        w,
        "GET /favicon.ico HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let (head, _) = read_response(&mut r, false);
    assert!(head.starts_with("HTTP/1.1 204"), "{head}");
    assert!(head.to_ascii_lowercase().contains("connection: close"));
}

#[test]
fn idle_and_slow_connections_are_closed() {
    use cancu::serve::http::{self, Limits, Reply};
    let limits = Limits {
        idle: Duration::from_millis(300),
        head: Duration::from_millis(600),
        ..Limits::default()
    };
    let h = http::start("127.0.0.1:0".parse().unwrap(), 2, None, limits, |_| {
        Reply::html(200, "ok".into())
    })
    .unwrap();
    let addr = h.addr();
    // Idle: connected, nothing sent: closed without a reply.
    let started = std::time::Instant::now();
    let got = exchange(addr, "", Duration::from_secs(20));
    assert_eq!(got, "");
    assert!(started.elapsed() < Duration::from_secs(20), "not closed");
    // Slow: a head begun and never finished: 408, then closed.
    let got = exchange(addr, "GET / HTTP/1.1\r\nHost: loc", Duration::from_secs(20));
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    // The workers are free again.
    let got = exchange(
        addr,
        &format!(
            "GET / HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
            addr.port()
        ),
        Duration::from_secs(20),
    );
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    h.shutdown();
}

#[test]
fn host_header_is_checked_against_the_bound_address() {
    let srv = Server::start();
    let port = srv.addr().port();
    // (Host line, status, JSON under /api/)
    let rows = [
        (format!("Host: localhost:{port}\r\n"), 200),
        (format!("Host: 127.0.0.1:{port}\r\n"), 200),
        (format!("Host: [::1]:{port}\r\n"), 200),
        (format!("Host: evil.example:{port}\r\n"), 403),
        (format!("Host: localhost:{}\r\n", port.wrapping_add(1)), 403),
        ("Host: localhost\r\n".to_string(), 403),
        (String::new(), 400),
    ];
    for (host, status) in rows {
        for (target, json) in [("/", false), ("/api/documents", true)] {
            let got = exchange(
                srv.addr(),
                &format!("GET {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
                Duration::from_secs(30),
            );
            assert!(
                got.starts_with(&format!("HTTP/1.1 {status}")),
                "{host:?} {target}: {}",
                &got[..got.len().min(300)]
            );
            if status != 200 && json {
                assert!(
                    got.contains("application/json") && got.contains("\"error\""),
                    "{got}"
                );
            }
        }
    }
}

#[test]
fn errors_methods_and_limits_follow_one_rule() {
    let srv = Server::start();
    // 405 names what is allowed.
    let r = request(srv.addr(), "POST", "/search");
    assert_eq!(r.status, 405);
    assert!(r.headers.contains("allow: get, head"), "{}", r.headers);
    let r = request(srv.addr(), "PUT", "/api/search");
    assert_eq!(r.status, 405);
    assert!(r.headers.contains("application/json"));
    // Every /api/ failure is JSON, bad UTF-8 in the path included.
    for (target, status) in [
        ("/api/documents/%FF%FE", 400),
        ("/api/search?q=a&limit=0", 400),
        ("/api/search?q=a&limit=101", 400),
        ("/api/search?q=a&limit=x", 400),
        ("/api/search?q=a&offset=-1", 400),
        ("/api/documents?limit=101", 400),
        ("/api/graph?limit=201", 400),
        ("/api/nope", 404),
    ] {
        let r = srv.get(target);
        assert_eq!(r.status, status, "{target}: {}", r.body);
        assert!(r.headers.contains("application/json"), "{target}");
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["status"], status);
        if target.contains("limit=") {
            let e = v["error"].as_str().unwrap();
            assert!(
                e.contains("1") && (e.contains("100") || e.contains("200")),
                "{e}"
            );
        }
    }
    let r = srv.get("/documents/%FF");
    assert_eq!(r.status, 400);
    assert!(r.headers.contains("text/html"));
    for target in ["/api/search?q=a&limit=1", "/api/search?q=a&limit=100"] {
        assert_eq!(srv.get(target).status, 200, "{target}");
    }
    // The query limit is in characters: 200 Vietnamese characters (over 512 bytes) pass,
    // 513 characters do not; the box says the same.
    let q200: String = "ệệệệ ".repeat(40);
    assert_eq!(q200.chars().count(), 200);
    assert!(q200.len() > 512);
    assert_eq!(srv.get(&format!("/search?q={}", enc(&q200))).status, 200);
    let q513: String = "đ".repeat(513);
    let r = srv.get(&format!("/api/search?q={}", enc(&q513)));
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("513") && r.body.contains("512"),
        "{}",
        r.body
    );
    assert!(srv.get("/").body.contains("maxlength=\"512\""));
}

#[test]
fn search_says_what_it_found() {
    for srv in [Server::start(), Server::start_indexed()] {
        let v: serde_json::Value =
            serde_json::from_str(&srv.get("/api/search?q=dan+quan+tu+ve&limit=100").body).unwrap();
        let engine = v["engine"].clone();
        let hits = v["hits"].as_array().unwrap();
        let pos = |id: &str| {
            hits.iter()
                .position(|h| h["target"]["id"] == id)
                .unwrap_or_else(|| panic!("{engine}: {id} not among the hits"))
        };
        // A version in force above the expired one, which is still there.
        assert!(pos("48/2019/QH14") < pos("43/2009/QH12"), "{engine}: {v}");
        for h in hits.iter().filter(|h| h["target"]["type"] == "instrument") {
            let i = &h["instrument"];
            assert!(
                i["status"].as_str().is_some_and(|s| !s.is_empty()),
                "{engine}: {h}"
            );
        }
        let i43 = &hits[pos("43/2009/QH12")]["instrument"];
        assert_eq!(i43["status"], "expired", "{engine}");
        assert_eq!(i43["issuer"], "Quốc hội", "{engine}");
        assert_eq!(i43["issued"], "2009-11-23", "{engine}");
        // The true total, and offset pages through it: pages of 3 are the list of 100 cut.
        let total = v["total"].as_u64().unwrap() as usize;
        assert_eq!(total, hits.len(), "{engine}");
        let mut paged = Vec::new();
        for offset in (0..total).step_by(3) {
            let p: serde_json::Value = serde_json::from_str(
                &srv.get(&format!(
                    "/api/search?q=dan+quan+tu+ve&limit=3&offset={offset}"
                ))
                .body,
            )
            .unwrap();
            assert_eq!(p["total"].as_u64().unwrap() as usize, total, "{engine}");
            assert_eq!(p["offset"].as_u64().unwrap() as usize, offset);
            paged.extend(
                p["hits"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h["url"].clone()),
            );
        }
        let all: Vec<_> = hits.iter().map(|h| h["url"].clone()).collect();
        assert_eq!(paged, all, "{engine}");
        // The page: status badges on instrument hits, next and previous links.
        let page = srv.get("/search?q=dan+quan+tu+ve&limit=3&offset=3").body;
        assert!(
            page.contains("rel=\"next\"") && page.contains("rel=\"prev\""),
            "{engine}"
        );
        assert!(
            page.contains(&format!("Tìm thấy {total} kết quả")),
            "{engine}"
        );
        let first = srv.get("/search?q=dan+quan+tu+ve").body;
        assert!(first.contains("class=\"badge st-in-force\""), "{engine}");
        assert!(first.contains("hết hiệu lực"), "{engine}");
    }
}

#[test]
fn vietnamese_unless_english_is_asked_for() {
    let srv = Server::start();
    let id = enc("28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25");
    // (target, Accept-Language, must have, must not have)
    let rows: [(String, &str, &[&str], &[&str]); 6] = [
        (
            format!("/instruments/{id}"),
            "",
            &["được thay bằng", "đã bị thay thế", "lang=\"vi\""],
            &["superseded by", ">superseded<"],
        ),
        (
            format!("/instruments/{id}?lang=en"),
            "",
            &["superseded by", "lang=\"en\""],
            &["được thay bằng"],
        ),
        (
            format!("/instruments/{id}"),
            "en-US,en;q=0.9",
            &["superseded by"],
            &["được thay bằng"],
        ),
        (
            format!("/instruments/{id}"),
            "vi-VN,en;q=0.5",
            &["được thay bằng"],
            &["superseded by"],
        ),
        (
            "/nope".into(),
            "",
            &["Không tìm thấy", "Không có trang"],
            &["Not found", "no page"],
        ),
        (
            "/nope?lang=en".into(),
            "",
            &["Not found"],
            &["Không tìm thấy"],
        ),
    ];
    for (target, accept, has, lacks) in rows {
        let extra = if accept.is_empty() {
            String::new()
        } else {
            format!("Accept-Language: {accept}\r\n")
        };
        let got = exchange(
            srv.addr(),
            &format!(
                "GET {target} HTTP/1.1\r\nHost: localhost:{}\r\n{extra}Connection: close\r\n\r\n",
                srv.addr().port()
            ),
            Duration::from_secs(30),
        );
        for h in has {
            assert!(got.contains(h), "{target} {accept:?} lacks {h:?}");
        }
        for l in lacks {
            assert!(!got.contains(l), "{target} {accept:?} has {l:?}");
        }
    }
    // The seed's relation names and statuses on the page are Vietnamese.
    let page = srv.get("/instruments/43%2F2009%2FQH12").body;
    assert!(
        page.contains("hết hiệu lực") && page.contains("bị thay thế bởi"),
        "{page}"
    );
}

#[test]
fn documents_are_listed_by_page_filter_and_date() {
    let srv = Server::start();
    let get = |t: &str| -> serde_json::Value { serde_json::from_str(&srv.get(t).body).unwrap() };
    let all = get("/api/documents?limit=100");
    let total = all["total"].as_u64().unwrap() as usize;
    assert!(total >= 5);
    let docs = all["documents"].as_array().unwrap();
    // Newest first by default.
    let dates: Vec<&str> = docs
        .iter()
        .filter_map(|d| d["header"]["date"].as_str())
        .collect();
    assert!(dates.len() >= 3, "{all}");
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let p = get("/api/documents?limit=2&offset=2");
    assert_eq!(p["documents"].as_array().unwrap().len(), 2);
    assert_eq!(p["documents"][0]["id"], docs[2]["id"]);
    let y = get("/api/documents?year=2024");
    assert!(y["documents"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["header"]["date"]
            .as_str()
            .is_some_and(|s| s.starts_with("2024"))
            || d["header"]["year"] == 2024));
    assert!((y["total"].as_u64().unwrap() as usize) < total);
    let page = srv.get("/documents?limit=2").body;
    assert!(page.contains("rel=\"next\""));
    assert_eq!(srv.get("/documents?sort=banana").status, 400);
}

#[test]
fn one_document_one_hit_marked_stale_or_gone() {
    let srv = Server::start_indexed();
    // The same plans indexed again by a relative path: the index holds both forms.
    let out = std::process::Command::new(common::cancu())
        .current_dir(&srv.root)
        .args(["index", "plans", "--index", "index"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits = |srv: &Server| -> Vec<serde_json::Value> {
        let v: serde_json::Value =
            serde_json::from_str(&srv.get("/api/search?q=dan+quan+tu+ve&limit=100").body).unwrap();
        assert_eq!(v["engine"], "index");
        v["hits"].as_array().unwrap().clone()
    };
    let found = hits(&srv);
    let docs: Vec<&str> = found
        .iter()
        .filter(|h| h["target"]["type"] == "document")
        .map(|h| h["target"]["id"].as_str().unwrap())
        .collect();
    let mut unique = docs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(docs.len(), unique.len(), "a document twice: {docs:?}");
    assert!(docs.contains(&SEED));
    assert!(
        found.iter().all(|h| h.get("file").is_none()),
        "fresh files are not marked"
    );
    // One plan changed, one deleted since indexing: marked as `cancu search` marks them.
    let plans = srv.root.join("plans");
    let changed = "ke-hoach-dqtv-2025-xa-tan-hoa.txt";
    let mut text = std::fs::read_to_string(plans.join(changed)).unwrap();
    text.push_str("\nThêm một dòng sau khi lập chỉ mục.\n");
    std::fs::write(plans.join(changed), text).unwrap();
    std::fs::remove_file(plans.join(SEED)).unwrap();
    let found = hits(&srv);
    let state = |id: &str| {
        found
            .iter()
            .find(|h| h["target"]["id"] == id)
            .unwrap_or_else(|| panic!("{id} not among the hits"))["file"]
            .clone()
    };
    assert_eq!(state(changed), "stale");
    assert_eq!(state(SEED), "gone");
    let page = srv.get("/search?q=dan+quan+tu+ve&limit=100").body;
    assert!(
        page.contains("class=\"filestate stale\"") && page.contains("class=\"filestate gone\"")
    );
}

/// One search engine: the same searches with and without an index name the same documents
/// and instruments, with the same totals, and every hit's page answers.
#[test]
fn the_same_hits_with_and_without_an_index() {
    let scan = Server::start();
    let indexed = Server::start_indexed();
    for q in [
        "dan quan tu ve",
        "nghị định 168",
        "phòng thủ dân sự",
        "quoc phong",
        "\"dân quân tự vệ\"",
        "tuyển quân",
        "giáo dục quốc phòng",
        "cites:48/2019/QH14",
    ] {
        let ask = |srv: &Server| -> (u64, Vec<String>, String) {
            let v: serde_json::Value =
                serde_json::from_str(&srv.get(&format!("/api/search?q={}&limit=100", enc(q))).body)
                    .unwrap();
            let mut ids: Vec<String> = v["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| format!("{}:{}", h["target"]["type"], h["target"]["id"]))
                .collect();
            ids.sort();
            (v["total"].as_u64().unwrap(), ids, v["engine"].to_string())
        };
        let (t1, a, e1) = ask(&scan);
        let (t2, b, e2) = ask(&indexed);
        assert_eq!((e1.as_str(), e2.as_str()), ("\"scan\"", "\"index\""));
        assert_eq!(a, b, "{q}");
        assert_eq!(t1, t2, "{q}");
        assert!(!a.is_empty(), "{q}: no hits");
        let v: serde_json::Value = serde_json::from_str(
            &indexed
                .get(&format!("/api/search?q={}&limit=100", enc(q)))
                .body,
        )
        .unwrap();
        for h in v["hits"].as_array().unwrap() {
            let url = h["url"].as_str().unwrap();
            let page = url.split('#').next().unwrap();
            assert_eq!(indexed.get(page).status, 200, "{q}: {url}");
        }
    }
}

/// `cancu serve --index I` over an index of another folder: the documents served are the
/// index's, and every hit has its page.
#[test]
fn an_index_of_another_folder_serves_its_own_documents() {
    let srv = Server::start();
    let other = srv.root.join("elsewhere");
    std::fs::create_dir_all(&other).unwrap();
    let name = "ke-hoach-khac.txt";
    std::fs::copy(srv.root.join("plans").join(SEED), other.join(name)).unwrap();
    let idx = srv.root.join("idx-elsewhere");
    cancu_index(&other, &idx);
    let config = Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        corpus: srv.root.clone(),
        index: Some(idx),
        workers: 2,
        allow_remote: false,
        plans: Vec::new(),
    };
    let (backend, note) = serve::backend_with_note(&config);
    assert_eq!(note, None);
    let handle = serve::start(&config, backend).unwrap();
    let addr = handle.addr();
    let v: serde_json::Value =
        serde_json::from_str(&request(addr, "GET", "/api/documents").body).unwrap();
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [name]);
    let v: serde_json::Value =
        serde_json::from_str(&request(addr, "GET", "/api/search?q=dan+quan+tu+ve&limit=100").body)
            .unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["target"]["id"] == name), "{v}");
    for h in hits {
        let url = h["url"].as_str().unwrap();
        let r = request(addr, "GET", url.split('#').next().unwrap());
        assert_eq!(r.status, 200, "{url}");
    }
    let page = request(addr, "GET", &format!("/documents/{name}")).body;
    assert!(
        page.contains("class=\"cite st-in-force"),
        "citations marked"
    );
    handle.shutdown();
}

/// `cancu serve PATH`: without an index, the files under PATH are the documents served.
#[test]
fn serves_the_paths_given() {
    let srv = Server::start();
    let other = srv.root.join("other-plans");
    std::fs::create_dir_all(other.join("sub")).unwrap();
    std::fs::copy(
        srv.root.join("plans").join(SEED),
        other.join("sub").join("a.txt"),
    )
    .unwrap();
    let config = Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        corpus: srv.root.clone(),
        index: None,
        workers: 2,
        allow_remote: false,
        plans: vec![other],
    };
    let (backend, _) = serve::backend_with_note(&config);
    let handle = serve::start(&config, backend).unwrap();
    let addr = handle.addr();
    let v: serde_json::Value =
        serde_json::from_str(&request(addr, "GET", "/api/documents").body).unwrap();
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["documents"][0]["id"], "sub/a.txt");
    let v: serde_json::Value =
        serde_json::from_str(&request(addr, "GET", "/api/search?q=dan+quan+tu+ve").body).unwrap();
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["target"]["id"] == "sub/a.txt"),
        "{v}"
    );
    assert_eq!(request(addr, "GET", "/documents/sub%2Fa.txt").status, 200);
    handle.shutdown();
}
