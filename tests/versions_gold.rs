//! Measured on real documents (`../shared/data`) against gold made blind by annotators
//! (tests/fixtures/gold): which version of a law each by-name mention means, and which
//! documents cite each of 8 instruments, whatever form the question is typed in. The
//! thresholds are pinned at what the tool achieves, so a regression fails.
//!
//! Skips without `../shared` (fails under `CANCU_REQUIRE_SHARED=1`).

mod common;

use cancu::graph::{parse_query, Graph};
use cancu::normalize::fold_key;
use cancu::registry::Registry;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Read a real document's text (the extractor's view: `full_text` of a gazette JSON).
fn text_of(data: &Path, rel: &str) -> String {
    let p = data.join(rel);
    cancu::source::read_file(&p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .text
}

/// (mentions right, mentions, mean per document) of one gold part.
fn law_versions(data: &Path, part: &str, reg: &Registry) -> (usize, usize, f64) {
    let dir = common::fixture(&format!("gold/laws/{part}"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut ok, mut total, mut per_doc) = (0usize, 0usize, Vec::new());
    for f in files {
        let g: serde_json::Value = serde_json::from_str(&common::read(&f)).unwrap();
        let rel = g["file"].as_str().unwrap();
        let text = text_of(data, rel);
        let e = cancu::analyze(&text, reg);
        // The line a mention is counted on (the gold's convention): where its word "Luật"
        // starts — for an item of an elliptical list ("của Luật: Chứng khoán, Kế toán"), which
        // has no type word of its own, the list's "Luật".
        let on_line = |c: &cancu::model::Citation, line: u64| {
            if c.line as u64 == line {
                return true;
            }
            if c.parts.type_word.is_some() || c.law.is_none() {
                return false;
            }
            let from = text.floor_char_boundary(c.start.saturating_sub(600));
            text[from..c.start].rfind("Luật").is_some_and(|i| {
                let at = from + i;
                text[..at].matches('\n').count() as u64 + 1 == line
            })
        };
        let (mut dok, mut dtotal) = (0usize, 0usize);
        for law in g["laws"].as_array().unwrap() {
            let name = fold_key(law["name"].as_str().unwrap());
            let default = law["default"].as_str().unwrap();
            let exceptions: BTreeMap<u64, &str> = law["exceptions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| (x["line"].as_u64().unwrap(), x["means"].as_str().unwrap()))
                .collect();
            for line in law["mention_lines"].as_array().unwrap() {
                let line = line.as_u64().unwrap();
                let want = exceptions.get(&line).copied().unwrap_or(default);
                // The citation of that name on the line; else the one whose name is the
                // longest part of it (an amending law's title holds the base law's name).
                let exact = e.citations.iter().find(|c| {
                    on_line(c, line) && c.law.as_deref().map(fold_key) == Some(name.clone())
                });
                let within = || {
                    e.citations
                        .iter()
                        .filter(|c| c.line as u64 == line)
                        .filter_map(|c| Some((c, fold_key(c.law.as_deref()?))))
                        .filter(|(_, l)| name.contains(l.as_str()))
                        .min_by_key(|(_, l)| std::cmp::Reverse(l.len()))
                        .map(|(c, _)| c)
                };
                // Else one naming the same work another way ("Bộ luật Hàng hải" for "Bộ luật
                // Hàng hải Việt Nam").
                let same_work = || {
                    let wk = cancu::resolve::work_key(law["name"].as_str().unwrap());
                    e.citations.iter().find(|c| {
                        c.line as u64 == line
                            && c.law.as_deref().map(cancu::resolve::work_key) == Some(wk.clone())
                    })
                };
                let got = exact
                    .or_else(within)
                    .or_else(same_work)
                    .and_then(|c| cancu::resolve::resolved_id(c).map(str::to_string));
                let right = if want == "unknown" {
                    got.is_none()
                } else {
                    got.as_deref() == Some(want)
                };
                // Misses are printed on the parts one may look at (never a blind part's).
                if !right && part.starts_with("dev") {
                    let form = exact
                        .or_else(within)
                        .or_else(same_work)
                        .map_or("(no citation of that name)", |c| c.text.as_str());
                    eprintln!(
                        "  miss {part} {rel}:{line} {form:?} want {want} got {}",
                        got.as_deref().unwrap_or("none")
                    );
                }
                dtotal += 1;
                dok += usize::from(right);
            }
        }
        ok += dok;
        total += dtotal;
        if dtotal > 0 {
            per_doc.push(dok as f64 / dtotal as f64);
        }
    }
    let mean = per_doc.iter().sum::<f64>() / per_doc.len().max(1) as f64;
    (ok, total, mean)
}

#[test]
fn laws_by_name_resolve_to_the_version_meant() {
    let Some(shared) = common::shared("laws_by_name_resolve_to_the_version_meant") else {
        return;
    };
    let data = shared.join("data");
    let reg = Registry::builtin().unwrap();
    // (part, pinned share of mentions right, pinned mean per document)
    // dev2: made blind after the first tuning (scored fresh before any tuning on it: 0.943
    // of mentions, 0.931 per document), then tuned on with dev.
    // dev4: 18 documents annotated blind in the fourth session, scored fresh before any tuning
    // on it (0.965 of mentions, 0.939 per document), then tuned on with dev and dev2.
    let rows = [
        ("dev", 0.99, 0.99),
        ("dev2", 0.99, 0.99),
        ("dev4", 0.99, 0.99),
        // blind, blind2: scored once at the end of the fourth session, never looked into:
        // unchanged (0.920 / 0.881; 0.972 / 0.972).
        ("blind", 0.91, 0.87),
        // blind2: 16 more blind-split documents annotated blind on 2026-12-07 after the day's
        // resolver work; scored once on merged main (0.972 of mentions, 0.972 per document).
        ("blind2", 0.97, 0.97),
        // blind3: 16 more blind-split documents annotated blind in the fourth session while
        // the resolver work went on elsewhere; scored once on merged main (0.982 of mentions,
        // 0.972 per document), never looked into.
        ("blind3", 0.97, 0.96),
    ];
    for (part, min_mentions, min_docs) in rows {
        let (ok, total, mean) = law_versions(&data, part, &reg);
        let share = ok as f64 / total.max(1) as f64;
        eprintln!(
            "law versions {part}: {ok}/{total} mentions = {share:.3}; per document {mean:.3}"
        );
        assert!(total > 0, "{part}: no gold mentions");
        assert!(share >= min_mentions, "{part}: {share:.3} < {min_mentions}");
        assert!(
            mean >= min_docs,
            "{part}: per document {mean:.3} < {min_docs}"
        );
        // With a larger registry (the Bộ pháp điển import), when one is named: measured.
        if let Some(p) = std::env::var_os("CANCU_GOLD_EXTRA_REGISTRY") {
            let mut r = Registry::builtin().unwrap();
            r.load_file(Path::new(&p)).unwrap();
            let (ok, total, mean) = law_versions(&data, part, &r);
            eprintln!(
                "law versions {part} with {}: {ok}/{total} = {:.3}; per document {mean:.3}",
                Path::new(&p).display(),
                ok as f64 / total.max(1) as f64
            );
        }
    }
}

/// The query forms asked for each gold instrument.
const FORMS: &[(&str, &[&str])] = &[
    (
        "luat-ngan-sach-nha-nuoc",
        &[
            "Luật Ngân sách nhà nước",
            "Luật NSNN",
            "luat ngan sach nha nuoc",
        ],
    ),
    (
        "luat-dat-dai-2024",
        &["Luật Đất đai 2024", "luat dat dai 2024", "31/2024/QH15"],
    ),
    (
        "luat-to-chuc-chinh-quyen-dia-phuong-2025",
        &[
            "Luật Tổ chức chính quyền địa phương 2025",
            "72/2025/QH15",
            "luat to chuc chinh quyen dia phuong 2025",
        ],
    ),
    (
        "nghi-dinh-63-2010-nd-cp",
        &[
            "Nghị định 63/2010",
            "NĐ 63/2010",
            "nghi dinh so 63/2010/ND-CP",
            "63/2010/NĐ-CP",
        ],
    ),
    (
        "nghi-dinh-118-2025-nd-cp",
        &[
            "NĐ 118/2025",
            "Nghị định số 118/2025/NĐ-CP",
            "nghi dinh 118/2025",
        ],
    ),
    (
        "thong-tu-02-2017-tt-vpcp",
        &[
            "Thông tư 02/2017/TT-VPCP",
            "TT 02/2017/TT-VPCP",
            "thong tu so 02/2017/TT-VPCP",
        ],
    ),
    (
        "luat-giao-dich-dien-tu-2023",
        &[
            "Luật Giao dịch điện tử 2023",
            "20/2023/QH15",
            "luat giao dich dien tu 2023",
        ],
    ),
    (
        "nghi-quyet-57-nq-tw",
        &[
            "Nghị quyết 57-NQ/TW",
            "NQ57",
            "Nghị quyết 57-NQ/TW 2024",
            "nghi quyet so 57-NQ/TW",
        ],
    ),
];

#[test]
fn cites_finds_the_documents_in_every_written_form() {
    let Some(shared) = common::shared("cites_finds_the_documents_in_every_written_form") else {
        return;
    };
    let data = shared.join("data");
    let gold: serde_json::Value =
        serde_json::from_str(&common::read(&common::fixture("gold/cites.json"))).unwrap();
    let mut wanted: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut all: BTreeSet<String> = BTreeSet::new();
    for i in gold["instruments"].as_array().unwrap() {
        let docs = i["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["file"].as_str().unwrap().to_string())
            .collect();
        wanted.insert(i["id"].as_str().unwrap(), docs);
    }
    for sub in ["admin-docs-2025/docs", "gazette-texts/docs"] {
        let (files, _) = cancu::source::expand(&[data.join(sub)]);
        for f in files {
            let rel = f.strip_prefix(&data).unwrap().display().to_string();
            all.insert(rel);
        }
    }
    let docs: Vec<(String, String)> = all
        .iter()
        .map(|rel| (rel.clone(), text_of(&data, rel)))
        .collect();
    let reg = Registry::builtin().unwrap();
    let g = Graph::build(&docs, &reg);
    // The index's view: the documents whose citation keys meet the query's keys.
    let keys_of: BTreeMap<&str, BTreeSet<String>> = g
        .documents
        .iter()
        .map(|d| {
            (
                d.path.as_str(),
                cancu::index::update::cite_keys(&d.citations),
            )
        })
        .collect();
    // With a larger registry loaded after the built-in one: the Bộ pháp điển bundle of
    // `../shared/data/phap-dien`, imported as a user would (`cancu registry import
    // phap-dien`), or the file CANCU_GOLD_EXTRA_REGISTRY names. No answer may lose a
    // document, and every form keeps the same recall and precision floors.
    let import_dir = tempfile::tempdir().unwrap();
    let extra_file = match std::env::var_os("CANCU_GOLD_EXTRA_REGISTRY") {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let out = import_dir.path().join("phap-dien.toml");
            let status = std::process::Command::new(common::cancu())
                .args(["-q", "registry", "import", "phap-dien"])
                .arg(data.join("phap-dien"))
                .arg("--out")
                .arg(&out)
                .status()
                .unwrap();
            assert!(status.success(), "the Bộ pháp điển import failed");
            out
        }
    };
    let extra = {
        let mut r = Registry::builtin().unwrap();
        let n = r.load_file(&extra_file).unwrap();
        assert!(n > 1000, "the import gave only {n} instruments");
        let g2 = Graph::build(&docs, &r);
        (r, g2)
    };
    // Pinned: the worst recall and precision over every form of every instrument.
    let (min_recall, min_precision) = (0.94, 0.94);
    for (id, forms) in FORMS {
        let want = &wanted[id];
        for q in *forms {
            let target = parse_query(q, &reg).unwrap_or_else(|| panic!("{q:?} not read"));
            let got: BTreeSet<String> = g
                .cites(&target)
                .iter()
                .map(|h| h.path.to_string())
                .collect();
            let keys: BTreeSet<String> = target.citation_keys(&reg).into_iter().collect();
            let by_index: BTreeSet<String> = got
                .iter()
                .filter(|p| !keys_of[p.as_str()].is_disjoint(&keys))
                .cloned()
                .collect();
            assert_eq!(by_index, got, "{q:?}: the index would miss documents");
            let tp = got.intersection(want).count();
            let recall = tp as f64 / want.len().max(1) as f64;
            let precision = tp as f64 / got.len().max(1) as f64;
            eprintln!(
                "cites {id:<42} {q:<45} recall {recall:.3} ({tp}/{}) precision {precision:.3} ({tp}/{})",
                want.len(),
                got.len()
            );
            assert!(recall >= min_recall, "{q:?}: recall {recall:.3}");
            assert!(
                precision >= min_precision,
                "{q:?}: precision {precision:.3}"
            );
            {
                let (r2, g2) = &extra;
                let t2 = parse_query(q, r2).unwrap_or_else(|| panic!("{q:?} not read"));
                let got2: BTreeSet<String> =
                    g2.cites(&t2).iter().map(|h| h.path.to_string()).collect();
                let tp2 = got2.intersection(want).count();
                eprintln!(
                    "cites+import {id:<42} {q:<45} recall {:.3} ({tp2}/{}) precision {:.3} ({tp2}/{})",
                    tp2 as f64 / want.len().max(1) as f64,
                    want.len(),
                    tp2 as f64 / got2.len().max(1) as f64,
                    got2.len()
                );
                let lost: Vec<&String> = got.difference(&got2).collect();
                assert!(lost.is_empty(), "{q:?}: the larger registry loses {lost:?}");
                let recall2 = tp2 as f64 / want.len().max(1) as f64;
                let precision2 = tp2 as f64 / got2.len().max(1) as f64;
                assert!(
                    recall2 >= min_recall,
                    "{q:?} with the import: recall {recall2:.3}"
                );
                assert!(
                    precision2 >= min_precision,
                    "{q:?} with the import: precision {precision2:.3}"
                );
            }
        }
    }
}

/// The law table's works and versions carry their evidence as data: every version a source
/// and a verified flag (per version, or for the whole list in rows written before per-version
/// sources), passed ≤ effective, oldest first by effective date, each version in one work
/// only (a row repeating a work's name is the same work); a `complete_until` rests on a `complete_until_basis` whose latest passing date is
/// the newest version's and whose corpus check reaches `complete_until`.
#[test]
fn law_table_versions_carry_their_evidence() {
    let text =
        common::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/registry/laws.toml"));
    let t: toml::Value = toml::from_str(&text).unwrap();
    let mut owner: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    let mut works = 0;
    for law in t["law"].as_array().unwrap() {
        let name = law["name"].as_str().unwrap();
        let Some(versions) = law.get("versions").and_then(|v| v.as_array()) else {
            assert!(
                law.get("complete_until").is_none(),
                "{name}: complete without versions"
            );
            continue;
        };
        works += 1;
        let whole = law.get("versions_source").is_some() && law.get("versions_verified").is_some();
        let mut latest = String::new();
        for v in versions {
            let id = v["id"].as_str().unwrap();
            let passed = v["passed"].as_str().unwrap();
            let effective = v["effective"].as_str().unwrap();
            assert!(passed <= effective, "{name} {id}: passed after in force");
            assert!(
                (v.get("source").is_some() && v.get("verified").is_some()) || whole,
                "{name} {id}: no source"
            );
            // A row repeating a work's name (appended to extend it) may list its versions again.
            let me = (name.to_string(), passed.to_string(), effective.to_string());
            if let Some(other) = owner.insert(id.to_string(), me.clone()) {
                assert_eq!(
                    other.0, name,
                    "{id} is a version of both {} and {name}",
                    other.0
                );
                assert_eq!(other, me, "{id}: its dates differ between rows of {name}");
            }
            latest = latest.max(passed.to_string());
        }
        if let Some(until) = law.get("complete_until") {
            let until = until
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| until.to_string());
            let basis = law
                .get("complete_until_basis")
                .unwrap_or_else(|| panic!("{name}: complete_until without its basis"));
            assert_eq!(
                basis["latest_passed"].as_str(),
                Some(latest.as_str()),
                "{name}"
            );
            let checked = basis["corpus_checked_to"].as_str().unwrap();
            assert!(
                checked >= until.as_str(),
                "{name}: complete to {until}, checked to {checked}"
            );
            assert!(basis.get("numbers_cited_not_versions").is_some(), "{name}");
            assert!(basis.get("unexplained_later_numbers").is_some(), "{name}");
        }
    }
    assert!(works >= 150, "{works} works with versions");
}
