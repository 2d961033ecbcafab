//! Search benchmark: quality (MRR of unaccented phrases, exact-form share for colliding
//! words), query latency and indexing throughput, each beside SQLite FTS5
//! (`unicode61 remove_diacritics 2`) or raw tantivy measured in the same run.
//!
//! ```text
//! cargo bench --features bench --bench bench_search -- \
//!     --docs ../shared/data/admin-docs-2025/docs [--mb 500] [--seed 7] [--only indexing]
//! ```
//! `--only indexing` runs only the parts timing document building and indexing throughput.
//! `--only latency` builds only the large index and times only cancu's query sets (the
//! median of `--repeat N` passes; `--sets term,folded` picks sets); with `--keep DIR` that
//! index is kept in DIR and reused by the next run (delete DIR afterwards). `--rounds N`
//! repeats the indexing runs N times in rotating order and reports medians.
//! Real documents stay in ../shared; nothing derived from them is written outside a
//! temporary directory, which is removed at the end.

use anyhow::{Context, Result};
use cancu::index::{analyzer, update, SearchIndex, SearchRequest};
use cancu::normalize::fold_key;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Args {
    docs: PathBuf,
    mb: usize,
    seed: u64,
    phrases: usize,
    /// Run only the indexing-throughput part (`--only indexing`).
    only_indexing: bool,
    /// Build only the large index and time only cancu's query sets (`--only latency`).
    only_latency: bool,
    /// With `--only latency`: keep the large index in this directory and reuse it on the
    /// next run (iterating on query code without re-indexing; delete it afterwards).
    keep: Option<PathBuf>,
    /// With `--only latency`: timed passes over each query set (the median is reported).
    repeat: usize,
    /// With `--only latency`: the query sets to time ("term,folded"; all when empty).
    sets: Vec<String>,
    /// Indexing rounds (each mode once per round, in rotating order; medians reported).
    rounds: usize,
}

fn args() -> Result<Args> {
    let mut a = Args {
        docs: PathBuf::from("../shared/data/admin-docs-2025/docs"),
        mb: 64,
        seed: 7,
        phrases: 50,
        only_indexing: false,
        only_latency: false,
        keep: None,
        repeat: 3,
        sets: Vec::new(),
        rounds: 1,
    };
    let mut it = cli_args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().with_context(|| format!("{k} needs a value"))?;
        match k.as_str() {
            "--docs" => a.docs = v.into(),
            "--mb" => a.mb = v.parse()?,
            "--seed" => a.seed = v.parse()?,
            "--phrases" => a.phrases = v.parse()?,
            "--only" if v == "indexing" => a.only_indexing = true,
            "--only" if v == "latency" => a.only_latency = true,
            "--keep" => a.keep = Some(v.into()),
            "--repeat" => a.repeat = v.parse()?,
            "--rounds" => a.rounds = v.parse()?,
            "--sets" => a.sets = v.split(',').map(str::to_string).collect(),
            _ => anyhow::bail!(
                "unknown flag {k} (--docs DIR, --mb N, --seed N, --phrases N, \
                 --only indexing|latency, --keep DIR, --repeat N, --sets a,b, --rounds N)"
            ),
        }
    }
    Ok(a)
}

/// A file for `Writer::add_files`: the text copied (as `cancu index` owns the text it read)
/// and hashed.
fn file_text(path: String, text: &str) -> update::FileText {
    update::FileText {
        path,
        text: text.to_string(),
        hash: update::content_hash(text.as_bytes()),
    }
}

/// Bytes of the files directly in `dir` (an index directory).
fn dir_size(dir: &Path) -> Result<u64> {
    Ok(std::fs::read_dir(dir)?
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum())
}

/// splitmix64: a small seeded generator, so the phrases are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Doc {
    path: String,
    text: String,
    /// Folded terms with their byte ranges in `text`.
    tokens: Vec<(String, usize, usize)>,
}

fn load(dir: &Path) -> Result<Vec<Doc>> {
    let (files, errs) = cancu::source::expand(&[dir.to_path_buf()]);
    anyhow::ensure!(
        errs.is_empty() && !files.is_empty(),
        "no documents in {}",
        dir.display()
    );
    let mut folded = analyzer::folded();
    let mut docs = Vec::new();
    for f in files {
        let src = cancu::source::read_file(&f)?;
        let tokens = analyzer::tokens(&mut folded, &src.text)
            .into_iter()
            .map(|t| (t.text, t.offset_from, t.offset_to))
            .collect();
        docs.push(Doc {
            path: src.path,
            text: src.text,
            tokens,
        });
    }
    Ok(docs)
}

/// A phrase of 4–6 syllables from one document, found in no other, diacritics stripped.
struct Phrase {
    doc: usize,
    original: String,
    query: String,
}

fn pick_phrases(docs: &[Doc], n: usize, rng: &mut Rng) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut tries = 0;
    while out.len() < n && tries < 100_000 {
        tries += 1;
        let d = rng.below(docs.len());
        let toks = &docs[d].tokens;
        let k = 4 + rng.below(3);
        if toks.len() < k + 1 {
            continue;
        }
        let i = rng.below(toks.len() - k);
        let w = &toks[i..i + k];
        let original = &docs[d].text[w[0].1..w[k - 1].2];
        let words_only = w
            .iter()
            .all(|t| t.0.chars().all(|c| c.is_ascii_alphabetic()));
        if !words_only
            || original.contains(['\n', '|', '*', '#'])
            || fold_key(original) == original.to_lowercase()
        {
            continue;
        }
        let terms: Vec<&str> = w.iter().map(|t| t.0.as_str()).collect();
        let in_docs = docs
            .iter()
            .filter(|doc| {
                doc.tokens
                    .windows(k)
                    .any(|x| x.iter().zip(&terms).all(|(a, b)| a.0 == *b))
            })
            .count();
        if in_docs != 1 || !seen.insert(terms.join(" ")) {
            continue;
        }
        out.push(Phrase {
            doc: d,
            original: original.split_whitespace().collect::<Vec<_>>().join(" "),
            query: terms.join(" "),
        });
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Time each query twice (the first pass warms caches); p50/p99 in ms of the second.
fn latency(queries: &[String], mut run: impl FnMut(&str)) -> (f64, f64) {
    for q in queries {
        run(q);
    }
    let mut t: Vec<f64> = queries
        .iter()
        .map(|q| {
            let s = Instant::now();
            run(q);
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(|a, b| a.total_cmp(b));
    (percentile(&t, 0.5), percentile(&t, 0.99))
}

/// CPU seconds (user + system, all threads) used by this process so far, from
/// /proc/self/stat (clock ticks of 1/100 s).
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the ")" closing the command name: utime and stime are 14 and 15.
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let t = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(t / 100.0)
        })
        .unwrap_or(f64::NAN)
}

fn vm_hwm_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Does `text` hold `word` (exact form, any case) as a whole word?
fn has_exact(text: &str, word: &str, exact: &mut tantivy::tokenizer::TextAnalyzer) -> bool {
    let w = analyzer::terms(exact, word);
    analyzer::terms(exact, text)
        .iter()
        .any(|t| Some(t) == w.first())
}

fn fts_open(docs: &[Doc]) -> Result<rusqlite::Connection> {
    let db = rusqlite::Connection::open_in_memory()?;
    db.execute_batch(
        "CREATE VIRTUAL TABLE fts USING fts5(path UNINDEXED, body, \
         tokenize = 'unicode61 remove_diacritics 2');",
    )?;
    let tx = db.unchecked_transaction()?;
    {
        let mut ins = tx.prepare("INSERT INTO fts(path, body) VALUES (?1, ?2)")?;
        for d in docs {
            // The same sections as the tantivy index.
            for s in cancu::index::update::sections(&d.text) {
                ins.execute((&d.path, &d.text[s.start..s.end]))?;
            }
        }
    }
    tx.commit()?;
    Ok(db)
}

/// An FTS5 MATCH expression: every word quoted (AND), or one quoted phrase.
fn fts_expr(q: &str, phrase: bool) -> String {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if phrase {
        format!("\"{}\"", words.join(" "))
    } else {
        words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn fts_paths(db: &rusqlite::Connection, expr: &str, n: usize) -> Result<Vec<String>> {
    let mut st = db.prepare_cached(
        "SELECT path, snippet(fts, 1, '[', ']', '…', 12) FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = st.query_map((expr, n as i64), |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn fts_texts(db: &rusqlite::Connection, expr: &str, n: usize) -> Result<Vec<String>> {
    let mut st =
        db.prepare_cached("SELECT body FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2")?;
    let rows = st.query_map((expr, n as i64), |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Reciprocal rank of `want` among the distinct paths of `ranked`.
fn rr(ranked: &[String], want: &str) -> f64 {
    let mut seen: Vec<&str> = Vec::new();
    for p in ranked {
        if !seen.contains(&p.as_str()) {
            seen.push(p);
        }
        if p == want {
            return 1.0 / seen.len() as f64;
        }
    }
    0.0
}

/// The query sets timed: single words, three-word spans quoted as phrases, the unaccented
/// MRR phrases, and `cites:` lookups of canonical citations (raw forms kept for FTS5).
struct QuerySets {
    term: Vec<String>,
    phrase: Vec<String>,
    quoted: Vec<String>,
    folded: Vec<String>,
    cites: Vec<String>,
    cites_syntax: Vec<String>,
}

fn query_sets(docs: &[Doc], phrases: &[Phrase], seed: u64) -> QuerySets {
    let mut term = Vec::new();
    let mut phrase = Vec::new();
    let mut cites = Vec::new();
    let mut rng = Rng(seed ^ 0xABCD);
    while term.len() < 200 {
        let d = &docs[rng.below(docs.len())];
        if d.tokens.len() < 4 {
            continue;
        }
        let i = rng.below(d.tokens.len() - 3);
        let word = &d.text[d.tokens[i].1..d.tokens[i].2];
        if word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
            term.push(word.to_string());
            let span = &d.text[d.tokens[i].1..d.tokens[i + 2].2];
            if !span.contains('\n') {
                phrase.push(span.to_string());
            }
        }
    }
    for d in docs {
        for c in cancu::extract(&d.text).citations {
            if let Some(x) = c.canonical {
                if cites.len() < 200 && !cites.contains(&x) {
                    cites.push(x);
                }
            }
        }
    }
    let folded_q: Vec<String> = phrases.iter().map(|p| p.query.clone()).collect();
    let quoted: Vec<String> = phrase.iter().map(|p| format!("\"{p}\"")).collect();
    let cites_syntax: Vec<String> = cites.iter().map(|c| format!("cites:{c}")).collect();
    QuerySets {
        term,
        phrase,
        quoted,
        folded: folded_q,
        cites,
        cites_syntax,
    }
}

/// The program's arguments without the `--bench` that `cargo bench` appends.
fn cli_args() -> impl Iterator<Item = String> {
    std::env::args().filter(|a| a != "--bench")
}

fn main() -> Result<()> {
    let a = args()?;
    let tmp = std::env::temp_dir().join(format!("cancu-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = bench(&a, &tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn bench(a: &Args, tmp: &Path) -> Result<()> {
    let docs = load(&a.docs)?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "documents: {} ({:.1} MB) from {}",
        docs.len(),
        bytes as f64 / 1e6,
        a.docs.display()
    );

    let t = Instant::now();
    let cites: usize = docs
        .iter()
        .map(|d| cancu::extract(&d.text).citations.len())
        .sum();
    let e = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let parts: usize = docs
        .iter()
        .map(|d| cancu::index::update::sections(&d.text).len())
        .sum();
    let s = t.elapsed().as_secs_f64();
    println!(
        "extraction alone: {:.1} MB/s ({cites} citations); section split alone: {:.1} MB/s ({parts} sections)",
        bytes as f64 / 1e6 / e,
        bytes as f64 / 1e6 / s
    );
    // The two analyzers over every text (what tantivy runs per body field).
    let t = Instant::now();
    let mut exact = cancu::index::analyzer::exact();
    let mut folded = cancu::index::analyzer::folded();
    let mut tokens = 0usize;
    for d in &docs {
        for an in [&mut exact, &mut folded] {
            let mut stream = an.token_stream(&d.text);
            while stream.advance() {
                tokens += 1;
            }
        }
    }
    println!(
        "exact + folded analyzers alone: {:.1} MB/s ({tokens} tokens)",
        bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
    // The content hash, and the byte-by-byte FNV-1a 128 it replaced.
    let fnv1a_128 = |bytes: &[u8]| {
        let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
        for &b in bytes {
            h ^= b as u128;
            h = h.wrapping_mul(0x0000000001000000000000000000013B);
        }
        format!("{h:032x}")
    };
    let t = Instant::now();
    let hashes: usize = docs
        .iter()
        .map(|d| update::content_hash(d.text.as_bytes()).len())
        .sum();
    let h = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let old: usize = docs
        .iter()
        .map(|d| fnv1a_128(d.text.as_bytes()).len())
        .sum();
    let o = t.elapsed().as_secs_f64();
    println!(
        "content hash alone: {:.0} MB/s (byte-wise FNV-1a 128 before: {:.0} MB/s; {} files)",
        bytes as f64 / 1e6 / h,
        bytes as f64 / 1e6 / o,
        (hashes + old) / 64
    );
    if a.only_latency {
        let phrases = pick_phrases(&docs, a.phrases, &mut Rng(a.seed));
        let qs = query_sets(&docs, &phrases, a.seed);
        return large_latency(a, &docs, bytes, tmp, &qs);
    }
    let (_, f) = cancu::index::schema();
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .map(|d| {
            update::documents(
                &f,
                &d.path,
                &d.text,
                &update::content_hash(d.text.as_bytes()),
            )
            .len()
        })
        .sum();
    println!(
        "documents built (hash, extraction, sections, no tantivy): {:.1} MB/s ({n} tantivy documents)",
        bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
    if a.only_indexing {
        return throughput(a, &docs, bytes, tmp, &[]);
    }
    // The index of the real documents, on disk, with the cancu pipeline.
    let t = Instant::now();
    let index = SearchIndex::open_or_create(&tmp.join("real"))?;
    let w = index.writer()?;
    w.add_files(docs.iter().map(|d| file_text(d.path.clone(), &d.text)))?;
    w.finish()?;
    index.reload()?;
    println!("cancu index of them: {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let db = fts_open(&docs)?;
    println!(
        "FTS5 index of them (in memory): {:.2} s",
        t.elapsed().as_secs_f64()
    );

    // 1. MRR of unaccented distinctive phrases.
    let mut rng = Rng(a.seed);
    let phrases = pick_phrases(&docs, a.phrases, &mut rng);
    let req = |q: &str, limit| SearchRequest {
        query: q.to_string(),
        limit,
        ..Default::default()
    };
    let (mut ours, mut fts) = (0.0, 0.0);
    let mut misses = Vec::new();
    for p in &phrases {
        let want = &docs[p.doc].path;
        let hits: Vec<String> = index
            .search(&req(&p.query, 10))?
            .into_iter()
            .map(|h| h.path)
            .collect();
        let r = rr(&hits, want);
        ours += r;
        if r < 1.0 {
            misses.push(format!("  rank {:.2}: {:?} ← {:?}", r, p.query, p.original));
        }
        fts += rr(&fts_paths(&db, &fts_expr(&p.query, false), 100)?, want);
    }
    let n = phrases.len().max(1) as f64;
    println!(
        "\nMRR of {} unaccented 4–6-syllable phrases (seed {}), no quotes: cancu {:.3}, FTS5 {:.3}",
        phrases.len(),
        a.seed,
        ours / n,
        fts / n
    );
    for m in &misses {
        println!("{m}");
    }

    // 2. Exact-form share in the top 10 for words whose folded form collides.
    let mut exact = analyzer::exact();
    println!(
        "\nexact-form share of the top 10 sections (cancu | FTS5), sections holding the word:"
    );
    let (mut sum_o, mut sum_f, mut k) = (0.0, 0.0, 0.0);
    for word in ["bạo", "đường", "dương", "bảo"] {
        let holding = docs
            .iter()
            .flat_map(|d| {
                cancu::index::update::sections(&d.text)
                    .into_iter()
                    .map(move |s| &d.text[s.start..s.end])
            })
            .filter(|t| has_exact(t, word, &mut exact))
            .count();
        let share = |texts: &[String], ex: &mut tantivy::tokenizer::TextAnalyzer| {
            let hit = texts.iter().filter(|t| has_exact(t, word, ex)).count();
            hit as f64 / texts.len().max(1) as f64
        };
        let o = share(&index.top_texts(&req(word, 10), 10)?, &mut exact);
        let f = share(&fts_texts(&db, &fts_expr(word, true), 10)?, &mut exact);
        println!("  {word:<6} {o:.2} | {f:.2}   ({holding} sections hold it)");
        sum_o += o;
        sum_f += f;
        k += 1.0;
    }
    println!("  mean   {:.2} | {:.2}", sum_o / k, sum_f / k);

    // 3. Query latency on this index.
    let qs = query_sets(&docs, &phrases, a.seed);
    let (term_q, phrase_q, folded_q, cites_q) = (&qs.term, &qs.phrase, &qs.folded, &qs.cites);
    let quoted = &qs.quoted;
    let cites_syntax = &qs.cites_syntax;
    println!("\nquery latency, in process, 10 hits with snippets (p50 / p99 ms): cancu | FTS5");
    let sets: [(&str, &Vec<String>, &Vec<String>, bool); 4] = [
        ("term", term_q, term_q, true),
        ("phrase", quoted, phrase_q, true),
        ("folded", folded_q, folded_q, false),
        ("cites", cites_syntax, cites_q, true),
    ];
    for (name, ours_q, fts_q, fts_phrase) in sets {
        let (p50, p99) = latency(ours_q, |q| {
            let _ = index.search(&req(q, 10));
        });
        let (f50, f99) = latency(fts_q, |q| {
            let _ = fts_paths(&db, &fts_expr(q, fts_phrase), 10);
        });
        println!(
            "  {name:<7} ({} queries) {p50:.3} / {p99:.3} | {f50:.3} / {f99:.3}",
            ours_q.len()
        );
    }
    let (p50, p99) = latency(cites_q, |q| {
        let _ = index.plans_citing(q);
    });
    println!("  plans_citing (term lookup) {p50:.3} / {p99:.3}");
    drop(db);
    drop(index);
    println!("peak memory so far (VmHWM): {:.0} MB", vm_hwm_mb());

    let sets: Vec<(&str, Vec<String>)> = sets
        .iter()
        .map(|(name, q, _, _)| (*name, (*q).clone()))
        .collect();
    throughput(a, &docs, bytes, tmp, &sets)
}

/// `--only latency`: cancu's query sets on the texts repeated to --mb MB, `--repeat` timed
/// passes each (p50 / p99 of every pass, and their medians). With `--keep DIR` the index is
/// built there once and reused.
fn large_latency(a: &Args, docs: &[Doc], bytes: usize, tmp: &Path, qs: &QuerySets) -> Result<()> {
    let reps = (a.mb * 1_000_000).div_ceil(bytes.max(1));
    let dir = a.keep.clone().unwrap_or_else(|| tmp.join("cancu"));
    let reuse = dir.join("meta.json").is_file();
    let index = SearchIndex::open_or_create(&dir)?;
    if !reuse {
        let t = Instant::now();
        let w = index.writer()?;
        let copies =
            (0..reps).flat_map(|r| docs.iter().map(move |d| (format!("{r}/{}", d.path), d)));
        w.add_files(copies.map(|(path, d)| file_text(path, &d.text)))?;
        w.finish()?;
        index.reload()?;
        println!(
            "indexed {reps} copies ({:.0} MB) in {:.1} s",
            (reps * bytes) as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }
    let size = dir_size(&dir)?;
    println!(
        "index {} ({:.0} MB on disk, {} sections); query latency, 10 hits with snippets (p50 / p99 ms):",
        dir.display(),
        size as f64 / 1e6,
        index.count("section")?
    );
    let sets = [
        ("term", &qs.term),
        ("phrase", &qs.quoted),
        ("folded", &qs.folded),
        ("cites", &qs.cites_syntax),
    ];
    for (name, queries) in sets {
        if !a.sets.is_empty() && !a.sets.iter().any(|s| s == name) {
            continue;
        }
        let mut p50s = Vec::new();
        let mut p99s = Vec::new();
        let mut passes = Vec::new();
        for _ in 0..a.repeat.max(1) {
            let (p50, p99) = latency(queries, |q| {
                let _ = index.search(&SearchRequest {
                    query: q.to_string(),
                    limit: 10,
                    ..Default::default()
                });
            });
            passes.push(format!("{p50:.2}/{p99:.2}"));
            p50s.push(p50);
            p99s.push(p99);
        }
        p50s.sort_by(|a, b| a.total_cmp(b));
        p99s.sort_by(|a, b| a.total_cmp(b));
        println!(
            "  {name:<7} ({} queries) median {:.3} / {:.3}   passes {}",
            queries.len(),
            percentile(&p50s, 0.5),
            percentile(&p99s, 0.5),
            passes.join(" ")
        );
    }
    Ok(())
}

/// Indexing throughput on the texts repeated to --mb MB: cancu vs raw tantivy, then the
/// query latency of `sets` on the large index.
///
/// Fairness: both runs open their writer with `SearchIndex::writer`, so they have the same
/// memory budget (`WRITER_MEMORY`) and the same number of tantivy indexing threads (tantivy's
/// default for the machine), the same schema and analyzers, and both commit once and wait for
/// merges. The raw run adds one document per file holding the text in `text`, `body` and
/// `body_folded` (what a section holds) and nothing else: no hash, extraction or outline.
fn throughput(
    a: &Args,
    docs: &[Doc],
    bytes: usize,
    tmp: &Path,
    sets: &[(&str, Vec<String>)],
) -> Result<()> {
    let req = |q: &str, limit| SearchRequest {
        query: q.to_string(),
        limit,
        ..Default::default()
    };
    let reps = (a.mb * 1_000_000).div_ceil(bytes.max(1));
    let total = (reps * bytes) as f64 / 1e6;
    println!(
        "\nindexing {reps} copies of the documents ({total:.0} MB), writer memory {} MB:",
        cancu::index::WRITER_MEMORY >> 20
    );
    // `SameDocs`: the same plan and section documents as cancu's (the same schema, outline
    // and text fields: `update::documents_without_extraction`), no extraction, built on the
    // calling thread as a plain tantivy program would: the bar's baseline. `Raw`: one
    // document per file with the body fields only (no outline either), for reference.
    #[derive(PartialEq, Clone, Copy)]
    enum Mode {
        Cancu,
        SameDocs,
        Raw,
    }
    let mut timed_queries = false;
    let mut run = |name: &str, mode: Mode| -> Result<(f64, f64)> {
        let raw = mode != Mode::Cancu || timed_queries;
        let dir = tmp.join(name);
        let index = SearchIndex::open_or_create(&dir)?;
        let t = Instant::now();
        let cpu = cpu_s();
        let mut w = index.writer()?;
        let copies =
            (0..reps).flat_map(|r| docs.iter().map(move |d| (format!("{r}/{}", d.path), d)));
        let (_, f) = cancu::index::schema();
        match mode {
            Mode::Raw => {
                for (path, d) in copies {
                    w.add_raw(&path, &d.text)?;
                }
            }
            Mode::SameDocs => {
                for (path, d) in copies {
                    let hash = update::content_hash(d.text.as_bytes());
                    for doc in update::documents_without_extraction(&f, &path, &d.text, &hash) {
                        w.add_document(doc)?;
                    }
                }
            }
            Mode::Cancu => {
                // What `cancu index` does: hash on this thread (it reads files there), build
                // the documents on the pipeline's thread (`Writer::add_files`).
                w.add_files(copies.map(|(path, d)| file_text(path, &d.text)))?;
            }
        }
        w.finish()?;
        let s = t.elapsed().as_secs_f64();
        let cpu = cpu_s() - cpu;
        if !raw {
            timed_queries = true;
            index.reload()?;
            println!("  query latency on this index (p50 / p99 ms):");
            for (name, queries) in sets {
                let (p50, p99) = latency(queries, |q| {
                    let _ = index.search(&req(q, 10));
                });
                println!("    {name:<7} {p50:.3} / {p99:.3}");
            }
        }
        let size = dir_size(&dir)?;
        println!(
            "  {name:<12} {:.1} MB/s ({s:.1} s, {cpu:.1} CPU s), index {:.0} MB, VmHWM {:.0} MB",
            total / s,
            size as f64 / 1e6,
            vm_hwm_mb()
        );
        std::fs::remove_dir_all(&dir)?;
        Ok((total / s, cpu))
    };
    // Rounds in rotating order (the machine's load drifts; no mode always runs first),
    // medians reported.
    let modes = [
        ("cancu", Mode::Cancu),
        ("same-docs", Mode::SameDocs),
        ("raw-1-doc", Mode::Raw),
    ];
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new(); modes.len()];
    for round in 0..a.rounds.max(1) {
        for k in 0..modes.len() {
            let m = (k + round) % modes.len();
            runs[m].push(run(modes[m].0, modes[m].1)?);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mut med = Vec::new();
    for (m, (name, _)) in modes.iter().enumerate() {
        let mbs = median(&mut runs[m].iter().map(|r| r.0).collect());
        let cpu = median(&mut runs[m].iter().map(|r| r.1).collect());
        println!(
            "  median of {} round(s): {name:<12} {mbs:.1} MB/s, {cpu:.1} CPU s",
            runs[m].len()
        );
        med.push((mbs, cpu));
    }
    let (ours, same, raw) = (med[0].0, med[1].0, med[2].0);
    println!(
        "  overhead of cancu over raw tantivy with the same documents, no extraction: {:.0}% (CPU {:.0}%)",
        (same / ours - 1.0) * 100.0,
        (med[0].1 / med[1].1 - 1.0) * 100.0
    );
    println!(
        "  (over raw tantivy with one document per file and no outline: {:.0}%, CPU {:.0}%)",
        (raw / ours - 1.0) * 100.0,
        (med[0].1 / med[2].1 - 1.0) * 100.0
    );
    Ok(())
}
