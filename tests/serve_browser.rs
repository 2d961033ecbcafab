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
        // A Vietnamese reader's browser (headless Chromium asks for en-US by default, and
        // the server answers in English to a browser that asks for it).
        "--lang=vi",
        "--accept-lang=vi-VN,vi",
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

/// The page Chromium runs to measure the served pages: each is fetched, shown in a 390 px
/// wide frame with the served stylesheet, and measured on its computed styles — the page's
/// horizontal overflow, and the contrast of every element holding text against the
/// background it is drawn on (WCAG 2 relative luminance). Prints one line per page.
const HARNESS: &str = r#"<!doctype html><html><head><meta charset="utf-8"></head><body>
<pre id="out">PENDING</pre>
<script>
const BASE = "__BASE__";
const PAGES = __PAGES__;
function rgba(s) {
  const m = s.match(/rgba?\(([^)]+)\)/);
  if (!m) return { r: 0, g: 0, b: 0, a: 0 };
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function over(top, under) {
  const a = top.a;
  return { r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1 };
}
function lum(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el, w) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(w.getComputedStyle(e).backgroundColor);
    if (c.a > 0) layers.push(c);
    if (c.a >= 1) break;
  }
  let bg = { r: 255, g: 255, b: 255, a: 1 };
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
}
async function check(url) {
  const html = await (await fetch(BASE + url)).text();
  const f = document.createElement("iframe");
  f.style.width = "390px"; f.style.height = "800px"; f.style.border = "0";
  const loaded = new Promise(r => f.onload = r);
  f.srcdoc = html.replace("<head>", '<head><base href="' + BASE + '/">');
  document.body.appendChild(f);
  await loaded;
  const d = f.contentDocument, w = f.contentWindow;
  const overflow = d.documentElement.scrollWidth - d.documentElement.clientWidth;
  const low = [];
  let checked = 0, badges = 0;
  for (const el of d.body.querySelectorAll("*")) {
    if (el.closest("script,style,noscript,option,select,svg")) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const cs = w.getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden") continue;
    const bg = background(el, w);
    const fg = over(rgba(cs.color), bg);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    checked++;
    if (el.classList.contains("badge")) badges++;
    if (ratio < 4.5) low.push(el.tagName + "." + el.className + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + " " + ratio.toFixed(2) + " " + cs.color + " on " + JSON.stringify(bg));
  }
  f.remove();
  return "PAGE " + url + " overflow=" + overflow + " checked=" + checked + " badges=" + badges + " low=" + low.length + (low.length ? " " + low.slice(0, 5).join(" | ") : "");
}
(async () => {
  const lines = [];
  for (const u of PAGES) {
    try { lines.push(await check(u)); } catch (e) { lines.push("PAGE " + u + " ERROR " + e); }
  }
  document.getElementById("out").textContent = lines.join("\n") + "\nDONE";
})();
</script></body></html>"#;

#[test]
fn statuses_are_readable_and_phones_do_not_scroll_sideways() {
    if !Path::new(CHROMIUM).exists() {
        common::skip(
            "statuses_are_readable_and_phones_do_not_scroll_sideways",
            &format!("{CHROMIUM} not found (apt-get install chromium; .ci/install does it in CI)"),
        );
        return;
    }
    let profile = tempfile::tempdir().expect("profile dir");
    let index_dir = tempfile::tempdir().expect("index dir");
    index(index_dir.path());
    let (_server, base) = serve(index_dir.path());
    let pages = [
        "/".to_string(),
        "/search?q=dan+quan+tu+ve".into(),
        "/documents".into(),
        format!("/documents/{SEED}"),
        "/instruments/43%2F2009%2FQH12".into(),
        "/instruments/48%2F2019%2FQH14".into(),
        "/instruments/28-NQ%2FTW%3Aban-chap-hanh-trung-uong%3A2013-10-25".into(),
        "/nope".into(),
    ];
    let list = format!(
        "[{}]",
        pages
            .iter()
            .map(|p| format!("{p:?}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let harness = profile.path().join("harness.html");
    std::fs::write(
        &harness,
        HARNESS
            .replace("__BASE__", &base)
            .replace("__PAGES__", &list),
    )
    .expect("write harness");
    let dom = chromium(
        profile.path(),
        &[
            "--dump-dom",
            "--virtual-time-budget=30000",
            "--disable-web-security",
            "--allow-file-access-from-files",
        ],
        &format!("file://{}", harness.display()),
    );
    assert!(dom.contains("DONE"), "the harness did not finish: {dom}");
    let lines: Vec<&str> = dom
        .lines()
        .filter_map(|l| l.find("PAGE /").map(|i| &l[i..]))
        .collect();
    assert_eq!(lines.len(), pages.len(), "{dom}");
    for line in &lines {
        assert!(!line.contains(" ERROR "), "{line}");
        assert!(
            line.contains(" overflow=0 "),
            "horizontal overflow at 390 px: {line}"
        );
        assert!(line.contains(" low=0"), "text under 4.5:1 contrast: {line}");
        let checked: usize = line
            .split(" checked=")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(checked >= 5, "nothing measured: {line}");
    }
    // The expired law's page has its "hết hiệu lực" badge among the elements measured.
    let expired = lines.iter().find(|l| l.contains("43%2F2009")).unwrap();
    assert!(!expired.contains(" badges=0 "), "{expired}");
}
