//! Benchmark: extraction throughput (normalization included) on one core.
//!
//! `cargo bench --bench bench_extract -- [PATHS ...] [--min-mb N]`
//! Reads .txt/.md files and the `full_text` of .json files under PATHS (default: the bundled
//! corpus), repeats them until at least N MB (default 200) have been processed, and prints
//! MB/s for cancu's extractor beside a naive citation regex over the same text (the
//! "grep" baseline), both in-process on one thread; then the stress cases in-process, and
//! the whole `cancu extract --format json` and `cancu check --format json` commands on one
//! line of "Nghị định số 168/2018/NĐ-CP " repeated to 1 MB and 10 MB (the `cancu` binary
//! beside this one; peak memory through `/usr/bin/time` when it is there). `--stress-only`
//! runs only the stress parts. `--raw-tantivy DIR INDEX` is the baseline of the
//! whole-command `cancu index` benchmark: raw tantivy indexing the same files (.txt/.md, and
//! the `full_text` of .json) one document per file, with a stored text field and a folded one
//! (lowercased, ASCII-folded: "Nghị định" → "nghi dinh"), then committing.

use std::path::PathBuf;
use std::time::Instant;

fn collect(p: &PathBuf, out: &mut Vec<String>) {
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
        return;
    }
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    let Ok(raw) = std::fs::read_to_string(p) else {
        return;
    };
    match ext {
        "txt" | "md" => out.push(raw),
        "json" => {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) {
                if let Some(t) = v["full_text"].as_str() {
                    out.push(t.to_string());
                }
            }
        }
        _ => {}
    }
}

/// The program's arguments without the `--bench` that `cargo bench` appends.
fn cli_args() -> impl Iterator<Item = String> {
    std::env::args().filter(|a| a != "--bench")
}

fn main() {
    let mut paths = Vec::new();
    let mut min_mb = 200.0f64;
    let mut args = cli_args().skip(1);
    while let Some(a) = args.next() {
        if a == "--raw-tantivy" {
            let (Some(dir), Some(index)) = (args.next(), args.next()) else {
                eprintln!("--raw-tantivy DIR INDEX");
                std::process::exit(2);
            };
            match raw_tantivy(&PathBuf::from(dir), &PathBuf::from(index)) {
                Ok(n) => println!("raw tantivy: {n} documents"),
                Err(e) => {
                    eprintln!("raw tantivy: {e}");
                    std::process::exit(2);
                }
            }
            return;
        } else if a == "--stress-only" {
            stress();
            whole_command_stress();
            return;
        } else if a == "--min-mb" {
            min_mb = args.next().and_then(|x| x.parse().ok()).unwrap_or(min_mb);
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("corpus/plans"));
    }
    let mut docs = Vec::new();
    for p in &paths {
        collect(p, &mut docs);
    }
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    if bytes == 0 {
        eprintln!("no documents found under {paths:?}");
        std::process::exit(2);
    }
    let reps = ((min_mb * 1e6) / bytes as f64).ceil().max(1.0) as usize;
    println!(
        "corpus: {} documents, {:.1} MB, repeated {reps} times ({:.0} MB)",
        docs.len(),
        bytes as f64 / 1e6,
        (bytes * reps) as f64 / 1e6
    );

    let t = Instant::now();
    let mut folded = 0usize;
    for _ in 0..reps {
        for d in &docs {
            folded += cancu::normalize::Folded::new(d).text.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "normalize (fold) only:  {:>6.1} MB/s  ({} folded bytes per pass)",
        (bytes * reps) as f64 / 1e6 / secs,
        folded / reps
    );

    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..reps {
        for d in &docs {
            n += cancu::extract(d).citations.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "cancu extract:        {:>8.1} MB/s  ({} citations per pass)",
        (bytes * reps) as f64 / 1e6 / secs,
        n / reps
    );

    stress();
    whole_command_stress();

    let re = regex::Regex::new(r"\d+/(?:\d{4}/)?[A-ZĐ]+[-/][A-ZĐa-z0-9]+").unwrap();
    let t = Instant::now();
    let mut m = 0usize;
    for _ in 0..reps {
        for d in &docs {
            m += re.find_iter(d).count();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "naive regex (baseline): {:>6.1} MB/s  ({} matches per pass)",
        (bytes * reps) as f64 / 1e6 / secs,
        m / reps
    );
}

/// Adversarial inputs at 1 MB and 10 MB: the time per MB must stay flat (linear time).
fn stress() {
    let seed = include_str!("../tests/fixtures/ke-hoach-qpdp-2024-xa-xuan-luong.txt");
    let one_line: String = seed.replace('\n', " ");
    let cases: [(&str, String); 6] = [
        ("seed text on one line (no newline)", one_line),
        ("\"Nghị định số \" repeated", "Nghị định số ".to_string()),
        ("\"1/\" repeated", "1/".to_string()),
        ("\"Luật \" repeated", "Luật ".to_string()),
        (
            "truncated and full symbols mixed",
            "Đề án số 12 ĐA- của UBND huyện, Đề án số 12/ĐA-UBND; ".to_string(),
        ),
        (
            "list items \", 01/2019/NĐ-CP\"",
            ", 01/2019/NĐ-CP".to_string(),
        ),
    ];
    println!("stress (linear time: MB/s at 1 MB and at 10 MB):");
    for (name, unit) in cases {
        let mut rates = Vec::new();
        for mb in [1usize, 10] {
            let text = unit.repeat((mb * 1_000_000) / unit.len().max(1) + 1);
            let t = Instant::now();
            let n = cancu::extract(&text).citations.len();
            let secs = t.elapsed().as_secs_f64();
            rates.push((text.len() as f64 / 1e6 / secs, n));
        }
        println!(
            "  {name:<40} {:>7.1} MB/s ({} citations) | {:>7.1} MB/s ({} citations)",
            rates[0].0, rates[0].1, rates[1].0, rates[1].1
        );
    }
}

/// The whole command on a citation-dense file at 1 MB and 10 MB: time and peak memory of
/// `cancu extract --format json` and `cancu check --format json` as a user runs them (linear
/// time means the 10 MB run takes about 10 times the 1 MB one).
fn whole_command_stress() {
    // Cargo builds the package's binary for its benches and says where.
    let Some(cancu) = option_env!("CARGO_BIN_EXE_cancu")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_file())
    else {
        println!(
            "whole command: no cancu binary (run through `cargo bench --bench bench_extract`)"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("cancu-stress-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        println!("whole command: cannot create {}", dir.display());
        return;
    }
    let time = std::path::Path::new("/usr/bin/time");
    println!("whole command, one line of \"Nghị định số 168/2018/NĐ-CP \" repeated:");
    let unit = "Nghị định số 168/2018/NĐ-CP ";
    for mb in [1usize, 10] {
        let text = unit.repeat((mb * 1_000_000) / unit.len() + 1);
        let file = dir.join(format!("dense-{mb}mb.txt"));
        if std::fs::write(&file, &text).is_err() {
            println!("  cannot write {}", file.display());
            continue;
        }
        for cmd in ["extract", "check"] {
            let mut c = if time.is_file() {
                let mut c = std::process::Command::new(time);
                c.args(["-f", "%M"]).arg(&cancu);
                c
            } else {
                std::process::Command::new(&cancu)
            };
            c.args(["-q", cmd, "--format", "json"])
                .arg(&file)
                .stdout(std::process::Stdio::null());
            let t = Instant::now();
            let out = c.output();
            let secs = t.elapsed().as_secs_f64();
            let peak = out
                .as_ref()
                .ok()
                .and_then(|o| {
                    String::from_utf8_lossy(&o.stderr)
                        .lines()
                        .last()
                        .and_then(|l| l.trim().parse::<f64>().ok())
                })
                .map(|kb| format!("{:.0} MB peak", kb / 1024.0))
                .unwrap_or_else(|| "peak memory not measured".into());
            let code = out.map(|o| o.status.code().unwrap_or(-1)).unwrap_or(-1);
            println!(
                "  {cmd:<8} {mb:>3} MB: {secs:>7.2} s ({:.2} MB/s), {peak}, exit {code}",
                text.len() as f64 / 1e6 / secs
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Raw tantivy over the files under `dir`: one document per file (path, stored text, folded
/// text), into a new index at `index`, committed. Returns the number of documents.
fn raw_tantivy(dir: &PathBuf, index: &PathBuf) -> Result<usize, Box<dyn std::error::Error>> {
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    use tantivy::schema::{STORED, STRING, TEXT};
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
    let mut sb = Schema::builder();
    let path = sb.add_text_field("path", STRING | STORED);
    let text = sb.add_text_field("text", TEXT | STORED);
    let folded = sb.add_text_field(
        "folded",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("folded")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    std::fs::create_dir_all(index)?;
    let idx = tantivy::Index::create_in_dir(index, sb.build())?;
    idx.tokenizers().register(
        "folded",
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
    let mut w: tantivy::IndexWriter = idx.writer(cancu::index::WRITER_MEMORY)?;
    let mut files = Vec::new();
    walk(dir, &mut files);
    let mut n = 0;
    for f in files {
        let mut docs = Vec::new();
        collect(&f, &mut docs);
        for t in docs {
            let mut d = tantivy::TantivyDocument::new();
            d.add_text(path, f.display().to_string());
            d.add_text(text, &t);
            d.add_text(folded, &t);
            w.add_document(d)?;
            n += 1;
        }
    }
    w.commit()?;
    w.wait_merging_threads()?;
    Ok(n)
}

/// Every file under `p`, sorted.
fn walk(p: &PathBuf, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
    } else {
        out.push(p.clone());
    }
}
