//! Build script: a faster form of the largest data files compiled into the binary.
//!
//! The TOML files under `corpus/` stay the only source of the data. This script reads the
//! built-in registry (`corpus/registry/instruments.toml`) and the extractor's tables
//! (`corpus/patterns.toml`, `corpus/registry/laws.toml`, `corpus/registry/issuers.toml`) and
//! writes each, value for value, as JSON into `OUT_DIR`: the program reads that JSON at
//! startup (several times faster than parsing the TOML, and with no document tree built
//! first). Nothing else changes: a user's own registry and table files are read as TOML as
//! before. A file this script cannot turn into JSON (a TOML error, a TOML date-time or a
//! float JSON cannot hold) is written empty, and the program then reads the compiled-in
//! TOML, reporting its errors as it always has.

use std::path::Path;

/// (source under the package root, name of the JSON written into OUT_DIR).
const FILES: [(&str, &str); 4] = [
    ("corpus/registry/instruments.toml", "instruments.json"),
    ("corpus/patterns.toml", "patterns.json"),
    ("corpus/registry/laws.toml", "laws.json"),
    ("corpus/registry/issuers.toml", "issuers.json"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for (source, name) in FILES {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(source)
            .unwrap_or_else(|e| panic!("{source}: cannot read: {e}"));
        let json = as_json(&text).unwrap_or_default();
        let path = Path::new(&out).join(name);
        std::fs::write(&path, json)
            .unwrap_or_else(|e| panic!("{}: cannot write: {e}", path.display()));
    }
}

/// The TOML document as JSON, or None when it does not parse or holds a value JSON would
/// not give back the same (a date-time, a float that is not finite).
fn as_json(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    fn plain(v: &toml::Value) -> bool {
        match v {
            toml::Value::Datetime(_) => false,
            toml::Value::Float(f) => f.is_finite(),
            toml::Value::Array(a) => a.iter().all(plain),
            toml::Value::Table(t) => t.values().all(plain),
            toml::Value::String(_) | toml::Value::Integer(_) | toml::Value::Boolean(_) => true,
        }
    }
    if !table.values().all(plain) {
        return None;
    }
    serde_json::to_string(&table).ok()
}
