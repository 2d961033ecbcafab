//! On the real documents of ../shared: no fix (safe or unsafe) produces text the extractor
//! flags or cannot read. Every fix applied leaves its citation readable with no new defect,
//! and checking the fixed text again offers no safe fix. Skips without ../shared.

mod common;

use cancu::check::{self, fix, Options};
use cancu::diag::Applicability;

#[test]
fn no_fix_on_real_documents_makes_a_citation_worse() {
    let Some(shared) = common::shared("no_fix_on_real_documents_makes_a_citation_worse") else {
        if std::env::var("CANCU_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
            panic!("../shared is required (CANCU_REQUIRE_SHARED=1)");
        }
        return;
    };
    let dir = shared.join("data/admin-docs-2025/docs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    assert!(!files.is_empty(), "{}: no documents", dir.display());
    let reg = cancu::registry::Registry::builtin().unwrap_or_else(|e| panic!("{e}"));
    let know = cancu::knowledge::RegistryKnowledge::new(&reg);
    let (mut offered, mut safe, mut refused, mut docs) = (0, 0, 0, 0);
    let mut bad = Vec::new();
    for f in &files {
        let Ok(doc) = cancu::source::read_file(f) else {
            continue;
        };
        docs += 1;
        let text = &doc.text;
        let ex = cancu::extract(text);
        let diags = check::check(text, &ex, &know, &Options::default());
        refused += diags
            .iter()
            .filter(|d| d.notes.iter().any(|n| n.starts_with("no fix offered")))
            .count();
        let fixed = fix::apply_up_to(text, &diags, Applicability::Unsafe);
        offered += fixed.applied.len();
        safe += fixed
            .applied
            .iter()
            .filter(|s| s.applicability == Applicability::Safe)
            .count();
        if fixed.applied.is_empty() {
            continue;
        }
        let after = cancu::extract(&fixed.text);
        // Each replacement, found at its new place, lies in one citation with no defect
        // the original citation did not have.
        let mut shift: isize = 0;
        for s in &fixed.applied {
            let ns = (s.start as isize + shift) as usize;
            let ne = ns + s.replacement.len();
            shift += s.replacement.len() as isize - (s.end - s.start) as isize;
            let old: Vec<_> = ex
                .citations
                .iter()
                .filter(|c| c.start < s.end.max(s.start + 1) && c.end > s.start)
                .collect();
            let new: Vec<_> = after
                .citations
                .iter()
                .filter(|c| c.start < ne.max(ns + 1) && c.end > ns)
                .collect();
            let worse = match (old.first(), new.as_slice()) {
                (Some(o), [n]) => n.defects.iter().any(|d| !o.defects.contains(d)),
                // A self-citation whose date now agrees with the header is read as the
                // document's own identity, not a citation: not worse.
                (Some(o), []) if o.number.is_some() && after.header.number == o.number => false,
                (Some(_), _) => true,
                (None, _) => false,
            };
            if worse {
                bad.push(format!(
                    "{}: {:?} → {:?}",
                    f.display(),
                    &text[s.start..s.end],
                    s.replacement
                ));
            }
        }
        let again = check::check(&fixed.text, &after, &know, &Options::default());
        if let Some(d) = again.iter().find(|d| {
            d.suggestion
                .as_ref()
                .is_some_and(|s| s.applicability == Applicability::Safe)
        }) {
            bad.push(format!(
                "{}: a safe fix is left after fixing: {} {}",
                f.display(),
                d.code,
                d.message
            ));
        }
    }
    eprintln!(
        "{docs} documents: {offered} fixes applied ({safe} safe), {refused} refused before being offered, {} made worse",
        bad.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
