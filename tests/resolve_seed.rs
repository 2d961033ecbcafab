//! Resolution and sections on the seed plan: the bars.

mod common;

use cancu::graph::Graph;
use cancu::registry::Registry;
use cancu::resolve::resolved_id;

fn seed_graph() -> Graph {
    let text =
        common::read(&common::root().join("corpus/plans/ke-hoach-qpdp-2024-xa-xuan-luong.txt"));
    let reg = Registry::builtin().unwrap();
    Graph::build(&[("seed".into(), text)], &reg)
}

/// (line, text contains, expected id, expected section)
fn check(rows: &[(usize, &str, &str, &str)]) {
    let g = seed_graph();
    let d = &g.documents[0];
    for &(line, text, id, section) in rows {
        let c = d
            .citations
            .iter()
            .find(|c| c.line == line && c.text.contains(text))
            .unwrap_or_else(|| panic!("no citation {text:?} on line {line}"));
        assert_eq!(
            resolved_id(c),
            Some(id),
            "line {line} {text:?}: {:?}",
            c.instrument
        );
        let want = (!section.is_empty()).then_some(section);
        assert_eq!(
            c.section.as_ref().map(|s| s.path.as_str()),
            want,
            "line {line}"
        );
    }
}

#[test]
fn seed_bars() {
    check(&[
        (71, "Luật", "48/2019/QH14", "II.1"),
        (54, "28", "28-NQ/TW:bo-chinh-tri:2008-09-22", "II.1"),
        (
            58,
            "28",
            "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25",
            "II.1",
        ),
        (68, "28", "28-NQ/TW:bo-chinh-tri:2008-09-22", "II.1"),
        (
            168,
            "28",
            "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25",
            "III.1",
        ),
        (6, "168", "168/2018/NĐ-CP", ""),
    ]);
}

#[test]
fn sections_of_cited_lines() {
    let g = seed_graph();
    let d = &g.documents[0];
    let rows = [
        (54, "II.1"),
        (58, "II.1"),
        (71, "II.1"),
        (382, "IV.1"),
        (402, "IV.2"),
        (445, "IV.6"),
    ];
    for (line, path) in rows {
        let c = d
            .citations
            .iter()
            .find(|c| c.line == line)
            .unwrap_or_else(|| panic!("line {line}"));
        assert_eq!(
            c.section.as_ref().map(|s| s.path.as_str()),
            Some(path),
            "line {line}"
        );
    }
}

#[test]
fn section_headings() {
    let g = seed_graph();
    let o = &g.documents[0].outline;
    let rows = [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NHIỆM VỤ"),
        (
            "II.7",
            "Thực hiện tốt chức năng quản lý đất quốc phòng theo đúng Pháp luật",
        ),
        ("IV.1", "Ban CHQS xã"),
        ("IV.4", "Tài chính - Kế toán"),
    ];
    for (p, h) in rows {
        assert_eq!(o.find(p).map(|s| s.heading.as_str()), Some(h), "{p}");
    }
}

#[test]
fn basis_of_item_ii_1() {
    let g = seed_graph();
    let reg = Registry::builtin().unwrap();
    let (_, list) = g.basis(&g.documents[0], Some("II.1"), None, &reg);
    let ids: Vec<&str> = list.iter().map(|b| b.id.as_str()).collect();
    for want in [
        "28-NQ/TW:bo-chinh-tri:2008-09-22",
        "28-NQ/TW:ban-chap-hanh-trung-uong:2013-10-25",
        "12-CT/TW:bo-chinh-tri:2007-05-03",
        "64-KL/TW:bo-chinh-tri:2019-10-30",
        "48/2019/QH14",
        "30/2013/QH13",
        "78/2015/QH13",
        "98/2015/QH13",
        "21/2019/NĐ-CP",
    ] {
        assert!(ids.contains(&want), "{want} not in {ids:?}");
    }
    // Nothing from other items.
    assert!(!ids.contains(&"02/2020/NĐ-CP"), "{ids:?}");
}

#[test]
fn bundled_corpus_resolves() {
    let reg = Registry::builtin().unwrap();
    let dir = common::root().join("corpus/plans");
    let mut docs = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        docs.push((p.display().to_string(), common::read(&p)));
    }
    let g = Graph::build(&docs, &reg);
    let mut total = cancu::resolve::Summary::default();
    // Unresolved although the registry holds an entry with that number-symbol or law name:
    // the resolver's fault. Unresolved with no such entry: missing data.
    let mut resolver_misses = Vec::new();
    let mut missing_data = 0;
    for d in &g.documents {
        total.add(d.summary);
        for c in d.citations.iter().filter(|c| resolved_id(c).is_none()) {
            let known = match (&c.number, &c.symbol, &c.law) {
                (Some(n), Some(s), _) => !reg.by_number_symbol(n, s).is_empty(),
                (_, _, Some(l)) => !reg.by_name(l).is_empty(),
                _ => false,
            };
            eprintln!(
                "unresolved: {}:{} {} (in registry: {known}) {:?}",
                d.path, c.line, c.text, c.instrument
            );
            if known {
                resolver_misses.push(format!("{}:{} {}", d.path, c.line, c.text));
            } else {
                missing_data += 1;
            }
        }
    }
    let rate = total.resolved as f64 / total.total() as f64;
    let rate_known = total.resolved as f64 / (total.total() - missing_data) as f64;
    eprintln!(
        "resolved {}/{} ({:.1}%); {missing_data} cite instruments not yet in the registry; {:.1}% of the rest",
        total.resolved,
        total.total(),
        rate * 100.0,
        rate_known * 100.0
    );
    assert!(rate_known >= 0.95, "{resolver_misses:#?}");
    assert!(missing_data > 0 || rate >= 0.95, "{total:?}");
}
