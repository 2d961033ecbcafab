//! Outlines of real KH-UBND plans (Markdown, `**I. MỤC ĐÍCH**` headings).

mod common;

use cancu::outline::outline;

fn check(file: &str, expected: &[(&str, &str)]) {
    let Some(shared) = common::shared("outline_shared") else {
        return;
    };
    let text = common::read(&shared.join("data/admin-docs-2025/docs").join(file));
    let o = outline(&text);
    for (path, heading) in expected {
        let s = o.find(path).unwrap_or_else(|| {
            panic!(
                "{file}: no {path} in {:?}",
                o.sections.iter().map(|s| &s.path).collect::<Vec<_>>()
            )
        });
        assert!(
            s.heading.starts_with(heading),
            "{file} {path}: {:?}",
            s.heading
        );
    }
}

#[test]
fn kh_ubnd_plans() {
    check(
        "09daab284f92e2dd.md",
        &[
            ("I", "MỤC ĐÍCH, YÊU CẦU"),
            ("I.1", "Mục đích"),
            ("I.2", "Yêu cầu"),
            ("II.3", "100%"),
            ("III.9", "Tổ chức"),
            ("IV.6", "Giao Sở Tư pháp"),
        ],
    );
    check(
        "2f6f80b9918e52de.md",
        &[
            ("I.1", "Mục đích"),
            ("I.1.c", "Triển khai"),
            ("I.2.a", "Bảo đảm"),
            ("II.4", "Tổ chức kiểm tra"),
            ("IV.3", "Thủ trưởng"),
        ],
    );
}
