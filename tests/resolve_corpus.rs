//! At least 95% of the citations in the bundled corpus resolve against the built-in
//! registry, and every unresolved one is reported (by `cancu check` as C0401).

mod common;

#[test]
fn bundled_corpus_resolves() {
    let reg = cancu::registry::Registry::bundled()
        .expect("built-in registry and the bundled plans' layer");
    let dir = common::root().join("corpus/plans");
    let mut total = 0;
    let mut resolved = 0;
    let mut unresolved = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        let text = common::read(&p);
        let e = cancu::analyze(&text, &reg);
        for c in &e.citations {
            total += 1;
            if cancu::resolve::resolved_id(c).is_some() {
                resolved += 1;
            } else {
                unresolved.push(format!("{}:{}: {}", p.display(), c.line, c.text));
            }
        }
    }
    let rate = resolved as f64 / total as f64;
    eprintln!(
        "resolved {resolved}/{total} = {rate:.3}; unresolved:\n{}",
        unresolved.join("\n")
    );
    assert!(total >= 170, "the five bundled plans hold 174 citations");
    assert!(rate >= 0.95, "{rate}");
}
