//! What the documents of a search index taught about themselves, kept beside the index as
//! `learned.json`: for every indexed file, the content hash it was read at and the registry
//! entry it taught ([`super::learn::learn_document`]: its identity, effective date and
//! effects; none for a plan). `cancu index` updates it with the index (a file re-indexed is
//! learned again, a removed one forgotten); the commands given `--index DIR` load it as the
//! registry layer of the documents' own texts ([`LearnedStore::layer`]), after the built-in
//! registry and before the imported files, exactly as `cancu report` learns from the
//! documents it reads. A store missing or unreadable is empty: the files it lacks are
//! re-indexed (and learned) by the next `cancu index`. Reading and writing the file are the
//! only I/O here.

use super::Instrument;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The file name inside the index directory.
pub const FILE: &str = "learned.json";

/// The layout version; another version is read as an empty store.
const VERSION: u32 = 1;

/// What one indexed file taught.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedFile {
    /// The content hash the file was read at (the index's hash of it).
    pub hash: String,
    /// Its own entry, when it is an instrument, and the facts it states about others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Instrument>,
}

/// Path → what the file taught.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LearnedStore {
    version: u32,
    files: BTreeMap<String, LearnedFile>,
}

impl LearnedStore {
    /// The store of the index in `dir`; empty when there is none, or it cannot be read or is
    /// of another layout version.
    pub fn load(dir: &Path) -> LearnedStore {
        std::fs::read(dir.join(FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<LearnedStore>(&b).ok())
            .filter(|s| s.version == VERSION)
            .unwrap_or_default()
    }

    /// Write the store into `dir` (a temporary file renamed over the old one).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let mut s = self.clone();
        s.version = VERSION;
        let bytes = serde_json::to_vec(&s).map_err(std::io::Error::other)?;
        let tmp = dir.join(format!("{FILE}.tmp"));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, dir.join(FILE))
    }

    /// Whether `path` was learned at content hash `hash`.
    pub fn knows(&self, path: &str, hash: &str) -> bool {
        self.files.get(path).is_some_and(|f| f.hash == hash)
    }

    /// Record what `path`, read at `hash`, taught.
    pub fn set(&mut self, path: &str, hash: &str, instruments: Vec<Instrument>) {
        self.files.insert(
            path.to_string(),
            LearnedFile {
                hash: hash.to_string(),
                instruments,
            },
        );
    }

    /// Forget `path`.
    pub fn remove(&mut self, path: &str) {
        self.files.remove(path);
    }

    /// Keep only the files in `paths`.
    pub fn retain(&mut self, paths: &BTreeSet<String>) {
        self.files.retain(|p, _| paths.contains(p));
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The registry layer: every file's own entry (in path order), the instruments known
    /// only as targets, statuses settled ([`super::learn::layer`]).
    pub fn layer(&self) -> Vec<Instrument> {
        super::learn::layer(self.files.values().flat_map(|f| f.instruments.clone()))
    }
}

/// The layer learned by the index in `dir` (empty when it holds no store).
pub fn layer_of_index(dir: &Path) -> Vec<Instrument> {
    LearnedStore::load(dir).layer()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECREE: &str = "CHÍNH PHỦ\nSố: 50/2026/NĐ-CP\nHà Nội, ngày 13 tháng 5 năm 2026\nNGHỊ ĐỊNH\nQuy định về hồ sơ\nĐiều 1. Hiệu lực\n1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026 và thay thế Nghị định số 15/2018/NĐ-CP.\n";
    const PLAN: &str = "UBND XÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 02 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện Nghị định số 15/2018/NĐ-CP.\n";

    #[test]
    fn store_table() {
        let learn = |p: &str, t: &str| crate::registry::learn::learn_document(p, t);
        let mut s = LearnedStore::default();
        s.set("d.txt", "h1", learn("d.txt", DECREE));
        s.set("p.txt", "h2", learn("p.txt", PLAN));
        // (path, hash, known)
        for (p, h, want) in [
            ("d.txt", "h1", true),
            ("d.txt", "h9", false),
            ("p.txt", "h2", true),
            ("q.txt", "h2", false),
        ] {
            assert_eq!(s.knows(p, h), want, "{p} {h}");
        }
        let ids = |s: &LearnedStore| -> Vec<(String, crate::registry::Status)> {
            s.layer().into_iter().map(|i| (i.id, i.status)).collect()
        };
        use crate::registry::Status;
        assert_eq!(
            ids(&s),
            vec![
                ("50/2026/NĐ-CP".to_string(), Status::InForce),
                ("15/2018/NĐ-CP".to_string(), Status::Expired)
            ]
        );
        // Saved and loaded, the same; a removed file teaches nothing any more.
        let dir = std::env::temp_dir().join(format!("cancu-learned-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        s.save(&dir).unwrap();
        assert_eq!(LearnedStore::load(&dir), {
            let mut t = s.clone();
            t.version = VERSION;
            t
        });
        s.remove("d.txt");
        assert_eq!(ids(&s), vec![]);
        s.retain(&BTreeSet::new());
        assert!(s.is_empty());
        // A store of another layout, or garbage, is empty.
        std::fs::write(dir.join(FILE), "{\"version\": 99, \"files\": {}}").unwrap();
        assert!(LearnedStore::load(&dir).is_empty());
        std::fs::write(dir.join(FILE), "not json").unwrap();
        assert!(LearnedStore::load(&dir).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
