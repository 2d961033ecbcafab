//! The search index end to end: folding and ranking through a real index, incremental
//! re-indexing, a writer killed mid-run, a concurrent reader and two writers, running the
//! `cancu` binary in temporary directories where processes matter.

mod common;

use cancu::index::{SearchIndex, SearchRequest};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unicode_normalization::UnicodeNormalization;

fn cancu(args: &[&str], cwd: &Path) -> Output {
    Command::new(common::cancu())
        .args(args)
        .current_dir(cwd)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run cancu")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Hits for a query (at most 50), in rank order.
fn hits(index: &SearchIndex, query: &str) -> Vec<cancu::index::Hit> {
    let req = SearchRequest {
        query: query.into(),
        limit: 50,
        ..Default::default()
    };
    index
        .search(&req)
        .unwrap_or_else(|e| panic!("search {query:?}: {e}"))
}

/// Files of hits for a query, in rank order.
fn search(index: &SearchIndex, query: &str) -> Vec<String> {
    hits(index, query).into_iter().map(|h| h.path).collect()
}

/// An index in memory with the given (path, text) files.
fn ram_index(files: &[(&str, &str)]) -> SearchIndex {
    let index = SearchIndex::in_ram().expect("index");
    let mut w = index.writer().expect("writer");
    for (p, t) in files {
        w.add_file(p, t, "h").expect("add");
    }
    w.finish().expect("commit");
    index.reload().expect("reload");
    index
}

#[test]
fn every_vietnamese_letter_is_found_nfc_nfd_and_folded() {
    let letters = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
    // One document per letter, written in NFD, as the word "x<letter>z".
    let docs: Vec<(String, String)> = letters
        .chars()
        .enumerate()
        .map(|(i, c)| (format!("d{i}"), format!("x{c}z").nfd().collect::<String>()))
        .collect();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let index = ram_index(&refs);
    for (i, c) in letters.chars().enumerate() {
        let path = format!("d{i}");
        let upper: String = format!("X{}Z", c.to_uppercase());
        for q in [format!("x{c}z"), upper.nfd().collect::<String>()] {
            let hits = search(&index, &q);
            if c.is_ascii() {
                // An unaccented query is folded: every letter with this base ties.
                assert!(hits.contains(&path), "query {q:?}: {hits:?}");
            } else {
                assert_eq!(hits.first(), Some(&path), "query {q:?}");
            }
        }
        // The folded query finds every letter with the same base.
        let base = cancu::normalize::fold_key(&c.to_string());
        let hits = search(&index, &format!("x{base}z"));
        assert!(hits.contains(&path), "x{base}z should find {c:?}: {hits:?}");
    }
}

#[test]
fn exact_form_ranks_above_folded_form() {
    let index = ram_index(&[
        ("duong-1", "Dương dương dương tự đắc, dương liễu."),
        ("duong-2", "Đường giao thông nông thôn."),
        ("duong-3", "Dương Văn A, dương lịch."),
        ("bao-1", "Bao gồm bao nhiêu bao bì."),
        ("bao-2", "Phòng chống bạo lực gia đình."),
    ]);
    let rows: &[(&str, &[&str])] = &[
        // (query, expected ranking: exact forms first)
        ("đường", &["duong-2", "duong-1", "duong-3"]),
        ("bạo", &["bao-2", "bao-1"]),
    ];
    for (q, expected) in rows {
        let hits = search(&index, q);
        assert_eq!(
            hits.first().map(String::as_str),
            expected.first().copied(),
            "{q}: {hits:?}"
        );
        let mut sorted = hits.clone();
        sorted.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(sorted, want, "{q} finds the folded forms too");
    }
    // Unaccented: both forms.
    let hits = search(&index, "duong");
    assert_eq!(hits.len(), 3, "{hits:?}");
}

#[test]
fn unaccented_words_in_order_rank_first() {
    let index = ram_index(&[
        (
            "scattered",
            "Quốc tế. Phòng họp. Địa chỉ. Phương án quốc phòng địa bàn phương.",
        ),
        ("phrase", "Nhiệm vụ quốc phòng địa phương năm 2024."),
    ]);
    assert_eq!(
        search(&index, "quoc phong dia phuong")
            .first()
            .map(String::as_str),
        Some("phrase")
    );
    // Abbreviations both ways.
    let index = ram_index(&[
        ("long", "Thực hiện nhiệm vụ quốc phòng địa phương."),
        ("short", "Thực hiện nhiệm vụ QPĐP năm 2024."),
    ]);
    let mut hits = search(&index, "QPĐP");
    hits.sort();
    assert_eq!(hits, ["long", "short"]);
    let mut hits = search(&index, "quoc phong dia phuong");
    hits.sort();
    assert_eq!(hits, ["long", "short"]);
}

/// Hits with their tier, in rank order.
fn tiers(index: &SearchIndex, query: &str) -> Vec<(String, &'static str)> {
    hits(index, query)
        .into_iter()
        .map(|h| (h.path, h.matched.as_str()))
        .collect()
}

#[test]
fn tiers_rank_in_order_whatever_the_scores() {
    let index = ram_index(&[
        // The words many times but never in order: a higher bag-of-words score.
        ("scattered", &"Đường về. Tra cứu. Tuần lễ. ".repeat(8)),
        (
            "exact-phrase",
            "Tu sửa đường tuần tra biên giới, dài 12 km trên địa bàn xã.",
        ),
        ("folded-phrase", "Dương tuần tra."),
        ("folded-scattered", "Tra lại; dương lịch; tuần sau."),
        ("pairs-apart", "Kiểm tra lại; tra dân số."),
        ("in-order", "Kiểm tra dân quân."),
        (
            "abbreviated",
            "Triển khai kế hoạch quốc phòng địa phương năm 2024.",
        ),
    ]);
    let rows: &[(&str, &[(&str, &str)])] = &[
        (
            "đường tuần tra",
            &[
                ("exact-phrase", "exact-phrase"),
                ("folded-phrase", "phrase"),
                ("scattered", "exact-words"),
                ("folded-scattered", "words"),
            ],
        ),
        (
            "duong tuan tra",
            &[
                ("exact-phrase", "phrase"),
                ("folded-phrase", "phrase"),
                ("scattered", "words"),
                ("folded-scattered", "words"),
            ],
        ),
        // Both have "kiểm tra" and "tra dân", but only one has them in order.
        (
            "kiem tra dan",
            &[("in-order", "phrase"), ("pairs-apart", "words")],
        ),
        // Quoted, the phrase is checked word for word.
        ("\"kiểm tra dân\"", &[("in-order", "required")]),
        ("\"kiem tra dan\"", &[("in-order", "required")]),
        // An abbreviation inside the query, written out.
        ("ke hoach qpdp", &[("abbreviated", "phrase")]),
        ("kế hoạch QPĐP", &[("abbreviated", "phrase")]),
    ];
    for (q, expected) in rows {
        let got = tiers(&index, q);
        let got: Vec<(&str, &str)> = got.iter().map(|(p, m)| (p.as_str(), *m)).collect();
        // Within a tier, ties may come in either order: compare tiers, then the sets.
        fn tiers_of(v: &[(&str, &str)]) -> Vec<String> {
            v.iter().map(|x| x.1.to_string()).collect()
        }
        assert_eq!(tiers_of(&got), tiers_of(expected), "{q}: {got:?}");
        let mut a = got.clone();
        let mut b = expected.to_vec();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{q}");
    }
}

#[test]
fn citations_are_keywords() {
    let index = ram_index(&[
        (
            "a",
            "Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ.",
        ),
        ("b", "Căn cứ Luật Dân quân tự vệ năm 2019."),
    ]);
    assert_eq!(index.plans_citing("168/2018/NĐ-CP").unwrap(), ["a"]);
    assert_eq!(index.plans_citing("168/2018/nd-cp").unwrap(), ["a"]);
    assert_eq!(index.plans_citing("Luật Dân quân tự vệ").unwrap(), ["b"]);
    assert_eq!(search(&index, "cites:168/2018/ND-CP"), ["a"]);
    assert_eq!(search(&index, "cites:\"luat dan quan tu ve\""), ["b"]);
    let hits = index
        .search(&SearchRequest {
            query: "cites:168/2018/NĐ-CP".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    let h = &hits[0];
    let (a, b) = h.highlights[0];
    assert_eq!(
        &h.snippet[a..b],
        "Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ"
    );
}

/// A temp dir with `n` plan files under `plans/`, each about `kb` KB, numbered.
fn corpus(dir: &Path, n: usize, kb: usize) -> PathBuf {
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    let para = "Thực hiện nhiệm vụ quốc phòng địa phương, xây dựng lực lượng dân quân tự vệ \
                vững mạnh, rộng khắp theo Luật Dân quân tự vệ năm 2019. ";
    for i in 0..n {
        let mut t = format!("KẾ HOẠCH số {i}\nI. MỤC ĐÍCH\n1. Mục đích\nmã riêng kh{i}x\n");
        while t.len() < kb * 1024 {
            t.push_str(para);
        }
        std::fs::write(plans.join(format!("plan-{i:04}.txt")), t).unwrap();
    }
    plans
}

fn summary(o: &Output) -> String {
    assert!(o.status.success(), "cancu failed: {}", stderr(o));
    stderr(o)
}

#[test]
fn incremental_reindex_skips_replaces_and_removes() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path(), 3, 1);
    let first = summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    assert!(
        first.contains("thêm 3, thay 0, bỏ 0, giữ nguyên 0"),
        "{first}"
    );
    let again = summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    assert!(
        again.contains("thêm 0, thay 0, bỏ 0, giữ nguyên 3"),
        "{again}"
    );
    // Re-running changed nothing on disk either: no new commit.
    let meta = std::fs::read_to_string(tmp.path().join("idx/meta.json")).unwrap();
    summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    assert_eq!(
        meta,
        std::fs::read_to_string(tmp.path().join("idx/meta.json")).unwrap()
    );

    std::fs::write(
        tmp.path().join("plans/plan-0001.txt"),
        "KẾ HOẠCH mới\nchữ lạ zyxw\n",
    )
    .unwrap();
    std::fs::remove_file(tmp.path().join("plans/plan-0002.txt")).unwrap();
    let changed = summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    assert!(
        changed.contains("thêm 0, thay 1, bỏ 1, giữ nguyên 1"),
        "{changed}"
    );

    let index = SearchIndex::open(&tmp.path().join("idx")).unwrap();
    let files: Vec<String> = index.indexed_files().unwrap().into_keys().collect();
    assert_eq!(files, ["plans/plan-0000.txt", "plans/plan-0001.txt"]);
    assert_eq!(search(&index, "zyxw"), ["plans/plan-0001.txt"]);
    assert!(
        search(&index, "kh1x").is_empty(),
        "the old text of plan 1 is gone"
    );
    assert!(
        search(&index, "kh2x").is_empty(),
        "the deleted plan 2 is gone"
    );
    // The CLI shows the original text with diacritics.
    let out = cancu(
        &["search", "chu la", "--index", "idx", "--json"],
        tmp.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let snippet = json["hits"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("chữ lạ"), "{snippet}");
}

#[test]
fn two_writers_get_a_clear_error_and_a_reader_sees_the_last_commit() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path(), 2, 1);
    summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    // This process holds the writer with an uncommitted document.
    let index = SearchIndex::open(&tmp.path().join("idx")).unwrap();
    let mut w = index.writer().unwrap();
    w.add_file("uncommitted.txt", "văn bản chưa lưu qwerty", "h")
        .unwrap();

    let second = cancu(&["index", "plans", "--index", "idx"], tmp.path());
    assert_eq!(second.status.code(), Some(2));
    assert!(
        stderr(&second).contains("đang được một tiến trình khác ghi"),
        "{}",
        stderr(&second)
    );
    // A reader in another process works and sees the last commit only.
    let out = cancu(&["search", "kh1x", "--index", "idx", "--json"], tmp.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["hits"][0]["path"], "plans/plan-0001.txt");
    let out = cancu(
        &["search", "qwerty", "--index", "idx", "--json"],
        tmp.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["hits"].as_array().map(Vec::len), Some(0));
    drop(w);
}

#[test]
fn a_writer_killed_mid_run_leaves_the_last_commit_and_the_next_run_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let plans = corpus(tmp.path(), 40, 2);
    summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    // Many more files, so that the next run takes a while.
    let more = tmp.path().join("plans/more");
    std::fs::create_dir_all(&more).unwrap();
    for i in 0..400 {
        let t = std::fs::read_to_string(plans.join(format!("plan-{:04}.txt", i % 40))).unwrap();
        std::fs::write(
            more.join(format!("m-{i:04}.txt")),
            format!("{t}\nbản sao {i}\n"),
        )
        .unwrap();
    }
    let mut child = Command::new(common::cancu())
        .args(["index", "plans", "--index", "idx"])
        .current_dir(tmp.path())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    // The index opens and holds either the last commit (40) or the finished run (440).
    let index = SearchIndex::open(&tmp.path().join("idx")).unwrap();
    let n = index.indexed_files().unwrap().len();
    assert!(n == 40 || n == 440, "{n} files after the kill");
    assert_eq!(
        search(&index, "kh7x").first().map(String::as_str),
        Some("plans/plan-0007.txt")
    );
    drop(index);

    let next = summary(&cancu(&["index", "plans", "--index", "idx"], tmp.path()));
    assert!(next.contains(" thay 0, bỏ 0"), "{next}");
    let index = SearchIndex::open(&tmp.path().join("idx")).unwrap();
    assert_eq!(index.indexed_files().unwrap().len(), 440);
    assert_eq!(index.count("plan").unwrap(), 440, "no file indexed twice");
}

#[test]
fn section_paths_of_hits_are_the_outline_paths_cites_prints() {
    let text = std::fs::read_to_string(common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"))
        .expect("seed");
    let index = ram_index(&[("seed.txt", &text)]);
    let reg = cancu::registry::Registry::builtin().unwrap();
    let graph = cancu::graph::Graph::build(&[("seed.txt".into(), text.clone())], &reg);
    for cite in ["168/2018/NĐ-CP", "21/2019/NĐ-CP"] {
        let hits = index
            .search(&SearchRequest {
                query: format!("cites:{cite}"),
                limit: 5,
                ..Default::default()
            })
            .unwrap();
        let mut got: Vec<String> = hits
            .iter()
            .flat_map(|h| std::iter::once(h.section.clone()).chain(h.other_sections.clone()))
            .collect();
        got.sort();
        let target = cancu::graph::parse_query(cite, &reg).unwrap();
        let mut want: Vec<String> = graph
            .cites(&target)
            .iter()
            .map(|h| h.section.map(|s| s.path.clone()).unwrap_or_default())
            .collect();
        want.sort();
        want.dedup();
        assert!(!want.is_empty(), "{cite} is cited in the seed");
        assert_eq!(got, want, "{cite}");
    }
}

/// Run `cancu` with a private user data dir (no imported registry files).
fn cancu_private(args: &[&str], cwd: &Path) -> Output {
    Command::new(common::cancu())
        .args(args)
        .current_dir(cwd)
        .env("CANCU_DATA", cwd.join("data"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run cancu")
}

/// (doc_type, path) of the hits of a CLI search.
fn cli_hits(cwd: &Path, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["search", "--index", "idx", "--json", "--limit", "50"];
    all.extend_from_slice(args);
    let out = cancu_private(&all, cwd);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let s = |k: &str| h[k].as_str().unwrap_or("").to_string();
            (s("doc_type"), s("path"))
        })
        .collect()
}

#[test]
fn instruments_are_indexed_and_filtered_by_status() {
    let tmp = tempfile::tempdir().unwrap();
    let plans = tmp.path().join("corpus/plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::copy(
        common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"),
        plans.join("seed.txt"),
    )
    .unwrap();
    let first = summary(&cancu_private(
        &["index", "corpus/plans", "--index", "idx"],
        tmp.path(),
    ));
    assert!(first.contains("văn bản được lập chỉ mục"), "{first}");
    let again = summary(&cancu_private(
        &["index", "corpus/plans", "--index", "idx"],
        tmp.path(),
    ));
    assert!(again.contains("cơ sở dữ liệu không đổi"), "{again}");

    let seed = ("section".to_string(), "corpus/plans/seed.txt".to_string());
    let ins = |id: &str| ("instrument".to_string(), id.to_string());
    // (extra arguments, hits that must be there, hits that must not)
    type Row<'a> = (Vec<&'a str>, Vec<(String, String)>, Vec<(String, String)>);
    let rows: Vec<Row> = vec![
        (
            vec!["dan quan tu ve"],
            vec![ins("48/2019/QH14"), ins("43/2009/QH12"), seed.clone()],
            vec![],
        ),
        (
            vec!["dan quan tu ve", "--status", "expired"],
            vec![ins("43/2009/QH12"), seed.clone()],
            vec![ins("48/2019/QH14")],
        ),
        (
            vec![
                "dan quan tu ve",
                "--status",
                "expired",
                "--type",
                "instrument",
            ],
            vec![ins("43/2009/QH12")],
            vec![ins("48/2019/QH14"), seed.clone()],
        ),
        (
            vec!["dan quan tu ve", "--type", "plan"],
            vec![seed.clone()],
            vec![ins("48/2019/QH14"), ins("43/2009/QH12")],
        ),
        (
            vec!["Luật DQTV", "--status", "in-force"],
            vec![ins("48/2019/QH14")],
            vec![ins("43/2009/QH12")],
        ),
    ];
    for (args, present, absent) in rows {
        let hits = cli_hits(tmp.path(), &args);
        for p in &present {
            assert!(hits.contains(p), "{args:?} should find {p:?}: {hits:?}");
        }
        for a in &absent {
            assert!(
                !hits.contains(a),
                "{args:?} should not find {a:?}: {hits:?}"
            );
        }
    }

    // A registry file given on the command line changes the registry: re-indexed.
    std::fs::write(
        tmp.path().join("extra.toml"),
        "[[instrument]]\nid = \"99/2030/NĐ-CP\"\nkind = \"nghi-dinh\"\nnumber = \"99\"\nyear = 2030\nsymbol = \"NĐ-CP\"\ntitle = \"Quy định về chữ zyxwv thử nghiệm\"\nstatus = \"not-yet-in-force\"\n",
    )
    .unwrap();
    let third = summary(&cancu_private(
        &[
            "index",
            "corpus/plans",
            "--index",
            "idx",
            "--registry",
            "extra.toml",
        ],
        tmp.path(),
    ));
    assert!(third.contains("văn bản được lập chỉ mục"), "{third}");
    assert_eq!(cli_hits(tmp.path(), &["zyxwv"]), [ins("99/2030/NĐ-CP")]);
}

/// One row of `an_index_of_another_schema_is_rebuilt_by_cancu_index`: an index of
/// `schema` in a fresh folder, searched (refused, "rebuild"), indexed (rebuilt in place),
/// searched again.
fn rebuilt_by_cancu_index(name: &str, schema: tantivy::schema::Schema) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("idx");
    std::fs::create_dir_all(&dir).unwrap();
    {
        let field = |n: &str| schema.get_field(n).unwrap();
        let (key, path, doc_type, body) = (
            field("key"),
            field("path"),
            field("doc_type"),
            field("body_folded"),
        );
        let old = tantivy::Index::create_in_dir(&dir, schema.clone()).unwrap();
        cancu::index::analyzer::register(old.tokenizers());
        old.tokenizers()
            .register("vi_pairs", cancu::index::analyzer::folded());
        let mut w: tantivy::IndexWriter = old.writer(15_000_000).unwrap();
        w.add_document(
            tantivy::doc!(key => "a", path => "a", doc_type => "section", body => "quoc phong"),
        )
        .unwrap();
        w.commit().unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let files = file_names;
    // The old index's segment files: gone once the rebuilt index commits.
    let old_segments: Vec<String> = files(&dir)
        .into_iter()
        .filter(|f| !f.starts_with('.') && f != "meta.json" && f != "notes.txt")
        .collect();
    assert!(!old_segments.is_empty(), "{name}");
    let plans = common::root().join("corpus/plans");
    let plans = plans.to_str().unwrap();
    let search = |cwd: &Path| cancu(&["search", "quoc phong", "--index", "idx"], cwd);
    let before = search(tmp.path());
    assert!(!before.status.success(), "{name}");
    assert!(
        stderr(&before).contains("lược đồ khác") && stderr(&before).contains("cancu index"),
        "{name}: {}",
        stderr(&before)
    );
    let out = cancu(&["index", plans, "--index", "idx"], tmp.path());
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    assert!(
        stderr(&out).contains("lập lại chỉ mục"),
        "{name}: {}",
        stderr(&out)
    );
    let after = search(tmp.path());
    assert!(after.status.success(), "{}", stderr(&after));
    assert!(String::from_utf8_lossy(&after.stdout).contains("ke-hoach-qpdp-2024"));
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "mine"
    );
    let now = files(&dir);
    for f in &old_segments {
        assert!(
            !now.contains(f),
            "{name}: old segment file {f} left: {now:?}"
        );
    }
    // Run again: nothing to rebuild.
    let again = cancu(&["index", plans, "--index", "idx"], tmp.path());
    assert!(again.status.success(), "{name}");
    assert!(
        !stderr(&again).contains("lập lại chỉ mục"),
        "{name}: {}",
        stderr(&again)
    );
}

/// An older cancu's schema: its own fields, no word pairs.
fn schema_without_word_pairs() -> tantivy::schema::Schema {
    use tantivy::schema::{STRING, TEXT};
    let mut b = tantivy::schema::Schema::builder();
    b.add_text_field("key", STRING);
    b.add_text_field("path", STRING);
    b.add_text_field("doc_type", STRING);
    b.add_text_field("body_folded", TEXT);
    b.add_text_field("cites_folded", STRING);
    b.build()
}

/// The schema before the fifth session: today's fields, `hash` stored only (not fast), and
/// `body_pairs` (the folded terms of each two consecutive words, analyzer `vi_pairs`) after
/// `body_folded`.
fn schema_with_word_pairs() -> tantivy::schema::Schema {
    use tantivy::schema::{IndexRecordOption, TextFieldIndexing, TextOptions, STORED};
    let (now, _) = cancu::index::schema();
    let mut b = tantivy::schema::Schema::builder();
    for (_, entry) in now.fields() {
        if entry.name() == "hash" {
            b.add_text_field("hash", STORED);
        } else {
            b.add_field(entry.clone());
        }
        if entry.name() == "body_folded" {
            b.add_text_field(
                "body_pairs",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer("vi_pairs")
                        .set_index_option(IndexRecordOption::WithFreqs),
                ),
            );
        }
    }
    b.build()
}

/// An index left by another cancu version (another schema, one per row): searching it says
/// to rebuild, `cancu index` rebuilds it in place (the old segment files collected, nothing
/// else in the directory touched), and another application's tantivy index is left alone.
#[test]
fn an_index_of_another_schema_is_rebuilt_by_cancu_index() {
    type Row = (&'static str, fn() -> tantivy::schema::Schema);
    let rows: &[Row] = &[
        ("no word pairs", schema_without_word_pairs),
        ("word pairs as terms (body_pairs)", schema_with_word_pairs),
    ];
    for (name, schema) in rows {
        rebuilt_by_cancu_index(name, schema());
    }
    let tmp = tempfile::tempdir().unwrap();
    let plans = common::root().join("corpus/plans");
    let plans = plans.to_str().unwrap();
    let files = file_names;
    // Another application's tantivy index is never rebuilt (nor touched).
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    {
        let mut b = tantivy::schema::Schema::builder();
        let title = b.add_text_field("title", tantivy::schema::TEXT);
        let other = tantivy::Index::create_in_dir(&foreign, b.build()).unwrap();
        let mut w: tantivy::IndexWriter = other.writer(15_000_000).unwrap();
        w.add_document(tantivy::doc!(title => "x")).unwrap();
        w.commit().unwrap();
    }
    let before = files(&foreign);
    let out = cancu(&["index", plans, "--index", "foreign"], tmp.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("không phải của cancu"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files(&foreign), before);
}

/// Any query gives hits or a clear "bad query" error, never a panic: hostile rows, then
/// seeded random mixes of words, quotes, `cites:`, abbreviations and punctuation, with and
/// without filters.
#[test]
fn any_query_gives_hits_or_a_query_error() {
    use cancu::index::{IndexError, SearchOptions};
    let index = SearchIndex::in_ram().expect("index");
    let plans = common::root().join("corpus/plans");
    index
        .update_with_registry(&[plans], None, &mut |_| {})
        .expect("update");
    let long = "quốc phòng ".repeat(300);
    let mut queries: Vec<String> = [
        "",
        " ",
        "\"",
        "\"\"",
        "\" \"",
        "“”",
        "cites:",
        "cites:\"\"",
        "cites:\"",
        "!!!",
        "a\"b",
        "\"quốc phòng",
        "quốc\"phòng\"",
        "QPĐP QPĐP QPĐP",
        "dqtv dan quan tu ve dqtv",
        "168/2018/NĐ-CP/",
        "//--",
        "\u{301}\u{301}",
        "🙂 quốc",
        "x\u{0}y",
        "a b a b a b a b",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    queries.push(long);
    let pieces = [
        "quốc",
        "phòng",
        "dan",
        "quân",
        "\"",
        "cites:",
        "168/2018/NĐ-CP",
        "QPĐP",
        "DQTV",
        "Luật",
        "-",
        "/",
        "“",
        "”",
        "Nghi\u{323}",
        "đường",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    for _ in 0..300 {
        let words = 1 + next(8);
        let q: Vec<&str> = (0..words).map(|_| pieces[next(pieces.len())]).collect();
        let sep = if next(2) == 0 { " " } else { "" };
        queries.push(q.join(sep));
    }
    for (i, q) in queries.iter().enumerate() {
        let req = SearchRequest {
            query: q.clone(),
            limit: 1 + i % 12,
            year: (i % 5 == 0).then_some(2024),
            kind: (i % 7 == 0).then(|| "ke-hoach".to_string()),
            issuer: (i % 11 == 0).then(|| "xã".to_string()),
        };
        let opts = SearchOptions {
            status: (i % 3 == 0).then(|| "in-force".to_string()),
            doc_type: match i % 4 {
                0 => Some("section".to_string()),
                1 => Some("instrument".to_string()),
                _ => None,
            },
        };
        match index.search_with(&req, &opts) {
            Ok(hits) => assert!(hits.len() <= req.limit, "{q:?}"),
            Err(IndexError::Query(_)) => {}
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
}

/// A quoted phrase whose word pairs many sections hold, but only one holds word for word:
/// the candidates that fail the check are replaced by the search with the phrase as a filter
/// (`top_verified`), so the one section is found whatever the number of near misses.
#[test]
fn a_quoted_phrase_is_found_among_many_near_misses() {
    let near: Vec<String> = (0..120).map(|i| format!("near-{i:03}")).collect();
    let mut files: Vec<(&str, &str)> = near
        .iter()
        .map(|p| (p.as_str(), "Kiểm tra lại; tra dân số."))
        .collect();
    files.push(("exact", "Kiểm tra dân quân."));
    let index = ram_index(&files);
    for q in [
        "\"kiểm tra dân\"",
        "\"kiem tra dan\"",
        "quân \"kiểm tra dân\"",
    ] {
        assert_eq!(search(&index, q), ["exact"], "{q}");
        // A small limit: the first candidates are mostly near misses.
        for limit in [1, 2, 5] {
            let req = SearchRequest {
                query: q.into(),
                limit,
                ..Default::default()
            };
            let hits = index.search(&req).expect("search");
            let paths: Vec<&str> = hits.iter().map(|h| h.path.as_str()).collect();
            assert_eq!(paths, ["exact"], "{q} limit {limit}");
        }
    }
    // Unquoted: the one section in order first, the near misses after it (every word).
    let hits = tiers(&index, "kiem tra dan");
    assert_eq!(hits.len(), 50, "limit 50");
    assert_eq!(hits[0], ("exact".to_string(), "phrase"));
    assert!(hits[1..].iter().all(|(_, m)| *m == "words"), "{hits:?}");
}

/// A word too long to index keeps its place: pairs are not made across it (the index has
/// none), and a quoted phrase around it is checked with the gap.
#[test]
fn a_word_too_long_to_index_keeps_its_place_in_a_phrase() {
    let long = "x".repeat(70);
    let gap = format!("Kiểm {long} tra dân quân.");
    let joined = "Kiểm tra dân quân.".to_string();
    let index = ram_index(&[("gap", &gap), ("joined", &joined)]);
    let mut hits = search(&index, &format!("\"kiểm {long} tra\""));
    hits.sort();
    // The phrase query puts one word between "kiểm" and "tra": only the text with the gap.
    assert_eq!(hits, ["gap"]);
    // Unquoted, "tra dân" is the only pair and both texts hold it; in order (the long word
    // keeping its place) is only the text with the gap, the other has every word.
    let got = tiers(&index, &format!("kiem {long} tra dan"));
    let got: Vec<(&str, &str)> = got.iter().map(|(p, m)| (p.as_str(), *m)).collect();
    assert_eq!(got, [("gap", "phrase"), ("joined", "words")]);
}

/// A limit far beyond any index is taken as `MAX_LIMIT` (it used to overflow).
#[test]
fn a_huge_limit_is_clamped() {
    let index = ram_index(&[("a", "Kiểm tra dân quân.")]);
    for limit in [
        usize::MAX,
        usize::MAX / 4,
        cancu::index::query::MAX_LIMIT + 1,
    ] {
        let req = SearchRequest {
            query: "kiem tra".into(),
            limit,
            ..Default::default()
        };
        assert_eq!(index.search(&req).expect("search").len(), 1);
        let opts = cancu::index::SearchOptions {
            doc_type: Some("section".into()),
            ..Default::default()
        };
        assert_eq!(index.search_with(&req, &opts).expect("search").len(), 1);
    }
}

/// `--kind`, `--year` and `--issuer` keep only sections of plans with that header, alone and
/// with a quoted phrase or a `cites:` lookup, on the bundled plans.
#[test]
fn kind_year_and_issuer_filter_sections() {
    use cancu::index::SearchOptions;
    let index = SearchIndex::in_ram().expect("index");
    let plans = common::root().join("corpus/plans");
    index
        .update_with_registry(&[plans], None, &mut |_| {})
        .expect("update");
    let sections = SearchOptions {
        doc_type: Some("section".into()),
        ..Default::default()
    };
    let fold = cancu::normalize::fold_key;
    // (query, kind, year, issuer, the files expected, all of them)
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<u64>,
        Option<&'a str>,
        &'a [&'a str],
    );
    let rows: &[Row] = &[
        (
            "dan quan",
            None,
            Some(2025),
            None,
            // The 2026 recruitment plan is dated 03/11/2025: its year is 2025.
            &[
                "ke-hoach-dqtv-2025-xa-tan-hoa.txt",
                "ke-hoach-phong-thu-dan-su-2025-xa-dong-son.txt",
                "ke-hoach-tuyen-quan-2026-xa-an-binh.txt",
            ],
        ),
        (
            "dan quan",
            None,
            None,
            Some("Tân Hòa"),
            &["ke-hoach-dqtv-2025-xa-tan-hoa.txt"],
        ),
        (
            "dan quan",
            None,
            None,
            Some("tan hoa"),
            &["ke-hoach-dqtv-2025-xa-tan-hoa.txt"],
        ),
        ("dan quan", None, Some(2024), Some("Tân Hòa"), &[]),
        ("dan quan", None, None, Some("Hòa Tân"), &[]),
        (
            "\"dân quân tự vệ\"",
            None,
            Some(2024),
            None,
            &[
                "ke-hoach-gdqp-an-2024-huyen-lang-giang.txt",
                "ke-hoach-qpdp-2024-xa-xuan-luong.txt",
            ],
        ),
        (
            "cites:168/2018/NĐ-CP",
            None,
            Some(2025),
            None,
            &["ke-hoach-phong-thu-dan-su-2025-xa-dong-son.txt"],
        ),
        ("dan quan", Some("quyet-dinh"), None, None, &[]),
    ];
    for (q, kind, year, issuer, expected) in rows {
        let req = SearchRequest {
            query: q.to_string(),
            limit: 50,
            kind: kind.map(String::from),
            year: *year,
            issuer: issuer.map(String::from),
        };
        let hits = index.search_with(&req, &sections).expect("search");
        for h in &hits {
            if let Some(y) = year {
                assert_eq!(h.year, Some(*y), "{q}: {}", h.path);
            }
            if let Some(k) = kind {
                assert_eq!(h.kind.as_deref(), Some(*k), "{q}: {}", h.path);
            }
            if let Some(i) = issuer {
                let have = fold(h.issuer.as_deref().unwrap_or(""));
                assert!(have.contains(&fold(i)), "{q}: {} has {have}", h.path);
            }
        }
        let mut files: Vec<&str> = hits
            .iter()
            .map(|h| h.path.rsplit('/').next().unwrap_or(""))
            .collect();
        files.sort();
        assert_eq!(files, *expected, "{q} {kind:?} {year:?} {issuer:?}");
    }
    // Every plan is a "Kế hoạch": the kind filter keeps them all.
    let all = SearchRequest {
        query: "dan quan".into(),
        limit: 50,
        ..Default::default()
    };
    let n = index.search_with(&all, &sections).expect("search").len();
    let kept = SearchRequest {
        kind: Some("ke-hoach".into()),
        ..all
    };
    assert_eq!(
        index.search_with(&kept, &sections).expect("search").len(),
        n
    );
}

/// The names of the entries of a folder, sorted (an index folder's files before and after a
/// rebuild).
fn file_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
