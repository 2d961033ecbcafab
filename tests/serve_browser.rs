//! End to end in headless Chromium (Debian's `chromium`): the `cancu serve` binary on a free
//! loopback port with the bundled corpus and a search index of its plans built by
//! `cancu index`; search "dan quan tu ve" (answered by the index), open the seed plan from the
//! hits at the section that matched, see its citations marked with their statuses, follow a citation to its instrument
//! page, take a screenshot; the graph page draws with its script. Skips with a message when
//! /usr/bin/chromium is absent (a user's `cargo test` still passes).

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const SEED: &str = "ke-hoach-qpdp-2024-xa-xuan-luong.txt";

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Build an index of the bundled plans in `index` with `cancu index`.
fn index(index: &Path) {
    let out = Command::new(common::cancu())
        .arg("index")
        .arg(common::root().join("corpus").join("plans"))
        .arg("--index")
        .arg(index)
        .output()
        .expect("run cancu index");
    assert!(
        out.status.success(),
        "cancu index: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Start `cancu serve --index INDEX` on port 0 and read the address it prints.
fn serve(index: &Path) -> (Serve, String) {
    let mut child = Command::new(common::cancu())
        .args(["serve", "--addr", "127.0.0.1:0", "--corpus"])
        .arg(common::root().join("corpus"))
        .arg("--index")
        .arg(index)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start cancu serve");
    let out = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(out)
        .read_line(&mut line)
        .expect("read address");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    (Serve(child), url)
}

/// Run Chromium headless with `extra` flags on `url`; returns stdout. Killed after 90 s.
fn chromium(profile: &Path, extra: &[&str], url: &str) -> String {
    let mut cmd = Command::new(CHROMIUM);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        "--window-size=1400,1000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait chromium").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish on {url} within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("reader")
}

/// The first `href="..."` value in `dom` that starts with `prefix`, HTML entities undone.
fn href(dom: &str, prefix: &str) -> Option<String> {
    let needle = format!("href=\"{prefix}");
    let i = dom.find(&needle)? + "href=\"".len();
    let end = dom[i..].find('"')? + i;
    Some(dom[i..end].replace("&amp;", "&"))
}

/// The element whose opening tag contains `marker`, as text up to its closing `</a>`.
fn anchor_with<'a>(dom: &'a str, marker: &str) -> Option<&'a str> {
    let i = dom.find(marker)?;
    let start = dom[..i].rfind("<a ")?;
    let end = dom[i..].find("</a>")? + i + 4;
    Some(&dom[start..end])
}

#[test]
fn browse_search_document_instrument_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        common::skip(
            "browse_search_document_instrument_in_chromium",
            &format!("{CHROMIUM} not found (apt-get install chromium; .ci/install does it in CI)"),
        );
        return;
    }
    let profile = tempfile::tempdir().expect("profile dir");
    let index_dir = tempfile::tempdir().expect("index dir");
    index(index_dir.path());
    let (_server, base) = serve(index_dir.path());
    let dump = |url: &str| chromium(profile.path(), &["--dump-dom"], url);

    // 1. The search page has its form: a GET form on /search with a query box.
    let dom = dump(&format!("{base}/"));
    assert!(dom.contains("action=\"/search\""), "{dom}");
    assert!(dom.contains("name=\"q\""));

    // 2. Searching "dan quan tu ve" (what the form submits) lists the seed plan, from the
    //    index, with a highlighted snippet and a link to the section that matched.
    let dom = dump(&format!("{base}/search?q=dan+quan+tu+ve"));
    assert!(
        dom.contains("data-engine=\"index\""),
        "not answered by the index: {dom}"
    );
    assert!(dom.contains("<mark>"), "no highlighted snippet");
    let plan = href(&dom, &format!("/documents/{SEED}")).expect("seed plan among the hits");
    let (_, section) = plan
        .split_once("#s-")
        .unwrap_or_else(|| panic!("{plan}: not anchored at a section"));

    // 3. The plan opens (at that section) with its citations marked by status.
    let dom = dump(&format!("{base}{plan}"));
    assert!(
        dom.contains(&format!("id=\"s-{section}\"")),
        "no anchor for section {section}"
    );
    for class in [
        "cite st-in-force",
        "cite st-outdated",
        "cite st-unresolved",
        "malformed",
    ] {
        assert!(
            dom.contains(&format!("class=\"{class}")) || dom.contains(&format!(" {class}\"")),
            "no citation marked {class}"
        );
    }
    let dqtv = anchor_with(&dom, ">Luật DQTV</a>").expect("Luật DQTV marked as a citation");
    assert!(dqtv.contains("st-in-force"), "{dqtv}");
    let outdated = anchor_with(&dom, "data-standing=\"outdated\"").expect("an outdated citation");
    assert!(outdated.contains("/instruments/"), "{outdated}");
    assert!(dom.contains("Phát hiện"), "findings aside");
    assert!(dom.contains("id=\"s-II.1\""), "outline anchors");

    // 4. Following the Luật DQTV citation leads to its instrument page.
    let link = href(dqtv, "/instruments/").expect("citation link");
    let url = format!("{base}{link}");
    let dom = dump(&url);
    assert!(dom.contains("Luật Dân quân tự vệ"), "{dom}");
    assert!(dom.contains("48"));
    assert!(dom.contains("Được trích dẫn bởi"));
    assert!(
        dom.contains(&format!("/documents/{SEED}#c")),
        "cited-by links back"
    );

    // 5. A screenshot of the instrument page.
    let shot = profile.path().join("instrument.png");
    chromium(
        profile.path(),
        &[&format!("--screenshot={}", shot.display())],
        &url,
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        png.len() > 10_000,
        "screenshot too small: {} bytes",
        png.len()
    );
    if let Some(dir) = std::env::var_os("CANCU_SCREENSHOTS").map(PathBuf::from) {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::copy(&shot, dir.join("instrument.png"));
    }

    // 6. The graph page draws its nodes with the script (virtual time lets fetch finish).
    let dom = chromium(
        profile.path(),
        &["--dump-dom", "--virtual-time-budget=15000"],
        &format!("{base}/graph?document={SEED}"),
    );
    assert!(dom.contains("data-drawn=\""), "graph not drawn: {dom}");
    assert!(dom.matches("<circle").count() >= 10, "few nodes drawn");
}
