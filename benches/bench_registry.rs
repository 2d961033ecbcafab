//! Benchmark: load a registry of 5,000 synthetic entries (TOML and JSON) and time parsing +
//! indexing. Run: `cargo bench --bench bench_registry -- [N | FILE.json]`.

use cancu::model::{Date, Kind};
use cancu::registry::{Instrument, Registry, RegistryFile, Relation, RelationType, Source, Status};
use std::time::Instant;

fn synthetic(n: usize) -> RegistryFile {
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        let year = 1990 + (i % 35) as i32;
        let id = format!("{}/{year}/NĐ-CP", i + 1);
        let mut relations = vec![];
        if i > 0 {
            relations.push(Relation {
                kind: RelationType::AmendedBy,
                target: format!("{}/{}/NĐ-CP", i, 1990 + ((i - 1) % 35)),
                date: Date::new(year, 1, 1),
                verified: false,
                source: Some("synthetic".into()),
                scope: None,
                provisions: None,
                confidence: None,
            });
        }
        v.push(Instrument {
            id,
            kind: Kind::Decree,
            number: Some((i + 1).to_string()),
            year: Some(year),
            symbol: Some("NĐ-CP".into()),
            issuer: Some("Chính phủ".into()),
            issued: Date::new(year, 1 + (i % 12) as u8, 1 + (i % 28) as u8),
            effective: Date::new(year, 1 + (i % 12) as u8, 1 + (i % 28) as u8),
            title: Some(format!("quy định chi tiết một số điều của Luật số {i} về quản lý nhà nước trong lĩnh vực thử nghiệm")),
            law_name: None,
            status: Status::InForce,
            status_date: None,
            annual: false,
            subject: vec!["thử nghiệm".into()],
            aliases: vec![format!("Nghị định {}", i + 1)],
            note: Some("synthetic entry for the load benchmark".into()),
            verified: false,
            relations,
            sources: vec![Source {
                reference: "synthetic".into(),
                supports: vec!["number".into(), "issued".into()],
                verified: false,
            }],
        });
    }
    RegistryFile { instruments: v }
}

fn time<F: FnMut() -> usize>(label: &str, bytes: usize, mut f: F) {
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        n = f();
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "{label:<28} {n} entries, {:.1} MB: best of 5 {best:.1} ms",
        bytes as f64 / 1e6
    );
}

/// The program's arguments without the `--bench` that `cargo bench` appends.
fn cli_args() -> impl Iterator<Item = String> {
    std::env::args().filter(|a| a != "--bench")
}

fn main() {
    // `bench_registry FILE.json`: time the built-in registry plus a real imported file
    // (e.g. the Bộ pháp điển import written by `cancu registry import phap-dien`).
    if let Some(path) = cli_args()
        .nth(1)
        .filter(|a| a.ends_with(".json") || a.ends_with(".toml"))
    {
        let text = std::fs::read_to_string(&path).expect("read the registry file");
        time("built-in + imported file", text.len(), || {
            let mut r = Registry::builtin().expect("builtin");
            r.add_text(&path, &text).expect("load");
            r.len()
        });
        return;
    }
    let n: usize = cli_args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5000);
    let file = synthetic(n);
    let toml = file.to_toml().expect("toml");
    let json = file.to_json().expect("json");
    time("load TOML + index", toml.len(), || {
        Registry::from_text("bench", &toml).expect("load").len()
    });
    time("load JSON + index", json.len(), || {
        Registry::from_text("bench", &json).expect("load").len()
    });
    time("built-in + JSON", json.len(), || {
        let mut r = Registry::builtin().expect("builtin");
        r.add_text("bench", &json).expect("load");
        r.len()
    });
}
