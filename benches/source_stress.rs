//! Stress and fuzz run for `source` (issue 6): `cargo bench --bench source_stress -- [SECONDS]`.
//!
//! 1. Large inputs: reads a 50 MB file in UTF-8, UTF-16, TCVN3 and VNI and prints the time
//!    and the peak memory (VmHWM) against the file size.
//! 2. Fuzz: for SECONDS (default 60), runs `source::from_bytes` + `cancu::extract` on random
//!    bytes and on the seed plan with random mutations, under every file name; a panic is a
//!    finding (printed with the input's seed so it can be replayed).

use cancu::source;
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn large(seed: &str) {
    let target = 50 * 1024 * 1024;
    let text = seed.repeat(target / seed.len() + 1);
    let t = source::legacy::tables();
    let tcvn: Vec<u8> = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else {
                (0xA0..=0xFFu8)
                    .find(|&b| t.tcvn3[b as usize] == c)
                    .unwrap_or(b'?')
            }
        })
        .collect();
    let mut utf16 = vec![0xFF, 0xFE];
    text.encode_utf16()
        .for_each(|u| utf16.extend(u.to_le_bytes()));
    for (name, bytes) in [
        ("utf-8", text.clone().into_bytes()),
        ("tcvn3", tcvn),
        ("utf-16le", utf16),
    ] {
        let n = bytes.len();
        let before = peak_rss_mb();
        let t0 = Instant::now();
        let doc = source::from_bytes_as("big.txt", bytes, None, &source::Options::default());
        let dt = t0.elapsed();
        match doc {
            Ok(d) => println!(
                "read {name:>9}: {:>6.1} MB in {:>6.2} s ({:>6.1} MB/s), text {:.1} MB, map {} checkpoints, peak RSS {:.0} MB (before {:.0} MB)",
                n as f64 / 1e6,
                dt.as_secs_f64(),
                n as f64 / 1e6 / dt.as_secs_f64(),
                d.text.len() as f64 / 1e6,
                d.map.as_ref().map_or(0, |m| m.checkpoints()),
                peak_rss_mb(),
                before
            ),
            Err(e) => println!("read {name}: {e}"),
        }
    }
}

/// The program's arguments without the `--bench` that `cargo bench` appends.
fn cli_args() -> impl Iterator<Item = String> {
    std::env::args().filter(|a| a != "--bench")
}

fn main() {
    let secs: u64 = cli_args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed = std::fs::read_to_string("tests/fixtures/ke-hoach-qpdp-2024-xa-xuan-luong.txt")
        .unwrap_or_else(|_| "Căn cứ Nghị định số 12/2024/NĐ-CP ngày 01/02/2024\n".repeat(100));
    if cli_args().nth(2).as_deref() != Some("--no-large") {
        large(&seed);
    }
    let names = ["a.txt", "a.md", "a.html", "a.json", "a.docx", "a.pdf", "a"];
    let docx_pdf: Vec<Vec<u8>> = ["tests/fixtures/source/seed.pdf"]
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    std::panic::set_hook(Box::new(|_| {}));
    let end = Instant::now() + Duration::from_secs(secs);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut runs, mut bytes_in, mut ok, mut findings) = (0u64, 0u64, 0u64, 0u64);
    while Instant::now() < end {
        let case = rng.0;
        let mut b: Vec<u8> = match rng.below(3) {
            0 => (0..rng.below(4096)).map(|_| rng.next() as u8).collect(),
            1 => seed.as_bytes().to_vec(),
            _ => docx_pdf.first().cloned().unwrap_or_default(),
        };
        for _ in 0..rng.below(64) {
            if b.is_empty() {
                break;
            }
            let i = rng.below(b.len());
            match rng.below(3) {
                0 => b[i] = rng.next() as u8,
                1 => b.insert(i, rng.next() as u8),
                _ => {
                    b.remove(i);
                }
            }
        }
        let name = names[rng.below(names.len())];
        bytes_in += b.len() as u64;
        let r = std::panic::catch_unwind(|| {
            if let Ok(d) = source::from_bytes(name, b) {
                let e = cancu::extract(&d.text);
                for c in &e.citations {
                    let _ = d.original(c.start);
                    let _ = d.locate(c.start);
                }
                true
            } else {
                false
            }
        });
        runs += 1;
        match r {
            Ok(true) => ok += 1,
            Ok(false) => {}
            Err(_) => {
                findings += 1;
                eprintln!("FINDING: panic on case state {case:#x} ({name})");
            }
        }
    }
    println!(
        "fuzz: {runs} inputs ({:.1} MB) in {secs} s, {ok} read as documents, {findings} panics",
        bytes_in as f64 / 1e6
    );
    if findings > 0 {
        std::process::exit(1);
    }
}
