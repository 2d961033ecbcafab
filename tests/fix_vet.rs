//! A fix is checked before it is offered: regression rows named after what broke, and the
//! applicability of each kind of fix.

use cancu::check::fix::{applicability, refusal};
use cancu::diag::{Applicability, Suggestion};

fn sugg(text: &str, written: &str, replacement: &str) -> Suggestion {
    let start = text
        .find(written)
        .unwrap_or_else(|| panic!("{written:?} not in {text:?}"));
    Suggestion {
        start,
        end: start + written.len(),
        replacement: replacement.into(),
        message: String::new(),
        applicability: Applicability::Unsafe,
    }
}

/// (what broke, text, code, written span, replacement, reason expected in the refusal)
const REFUSED: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "cyrillic_np_cp_became_ndcp_cp",
        "Căn cứ Nghị định số 40/2026/NĐ-СР ngày 12/01/2026 của Chính phủ;",
        "C0106",
        "40/2026/NĐ-",
        "40/2026/NĐ-CP",
        "glued",
    ),
    (
        "cyrillic_letters_in_the_replacement",
        "Căn cứ Nghị định số 40/2026/NĐ-СР ngày 12/01/2026 của Chính phủ;",
        "C0108",
        "40/2026/NĐ-СР",
        "40/2026/NĐ-СP",
        "another script",
    ),
    (
        "page_break_dropped_the_year_of_07_2017_tt",
        "Căn cứ Thông tư số 07/2017/TT-\n\n-- 3 --\n\nBLĐTBXH ngày 10/3/2017 của Bộ Lao động;",
        "C0106",
        "07/2017/TT-",
        "07/TT-BLĐTBXH",
        "2017",
    ),
    (
        "year_1992_invented_for_12_tt_lb",
        "Căn cứ Thông tư liên bộ số 12/TT-LB ngày 05/3/1992 của liên Bộ;",
        "C0101",
        "12/TT-LB",
        "12/1992/TT-LB",
        "before 2009",
    ),
    (
        "party_number_14612_cv_vptw_rewritten",
        "Căn cứ Công văn số 14612-CV/VPTW ngày 5/1/2024 của Văn phòng Trung ương;",
        "C0103",
        "14612-CV/VPTW",
        "14612/CV-VPTW",
        "Party documents such as",
    ),
    (
        "number_changed_by_a_fix",
        "Căn cứ Nghị định số 168 NĐ-CP ngày 28/12/2018 của Chính phủ;",
        "C0102",
        "168 NĐ-CP",
        "186/NĐ-CP",
        "168",
    ),
];

#[test]
fn unsound_fixes_are_refused_with_the_reason() {
    for (name, text, code, written, repl, why) in REFUSED {
        let s = sugg(text, written, repl);
        let got = refusal(text, code, &s);
        assert!(
            got.as_deref().is_some_and(|g| g.contains(why)),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn sound_fixes_pass() {
    let rows = [
        (
            "Căn cứ Nghị định số 168 NĐ-CP ngày 28/12/2018 của Chính phủ;",
            "C0101",
            "168 NĐ-CP",
            "168/2018/NĐ-CP",
        ),
        (
            "Nghị quyết số 28 NQ/TW ngày 22/9/2008 của Bộ Chính trị",
            "C0102",
            "28 NQ/TW",
            "28-NQ/TW",
        ),
        (
            "Nghị Định số01/2019/NĐ/CP ngày 01/01/2019 quy định",
            "C0103",
            "01/2019/NĐ/CP",
            "01/2019/NĐ-CP",
        ),
        (
            "theo Nghị định số 21/2019/ND-\nCP ngày 22/2/2019",
            "C0107",
            "21/2019/ND-\nCP",
            "21/2019/NĐ-\nCP",
        ),
    ];
    for (text, code, written, repl) in rows {
        let s = sugg(text, written, repl);
        assert_eq!(refusal(text, code, &s), None, "{written}");
    }
}

#[test]
fn only_typographic_fixes_are_safe() {
    let rows = [
        ("C0102", "28 NQ/TW", "28-NQ/TW", Applicability::Safe),
        (
            "C0104",
            "02/2020 /NĐ-CP",
            "02/2020/NĐ-CP",
            Applicability::Safe,
        ),
        ("C0107", "ND-CP", "NĐ-CP", Applicability::Safe),
        ("C0108", "NĐ-СР", "NĐ-CP", Applicability::Safe),
        ("C0108", "QÐ-UBND", "QĐ-UBND", Applicability::Safe),
        ("C0110", "só", "số", Applicability::Safe),
        ("C0105", "số", "số ", Applicability::Safe),
        ("C0109", "Nghi định", "Nghị định", Applicability::Safe),
        // Inferred: a year, a completed symbol, a date, whatever rule offers them.
        (
            "C0101",
            "168 NĐ-CP",
            "168/2018/NĐ-CP",
            Applicability::Unsafe,
        ),
        ("C0102", "12 ĐA-", "12/ĐA-UBND", Applicability::Unsafe),
        (
            "C0106",
            "07/2017/TT-",
            "07/2017/TT-BLĐTBXH",
            Applicability::Unsafe,
        ),
        (
            "C0206",
            "62/QĐ-TTg",
            "62/2011/QĐ-TTg",
            Applicability::Unsafe,
        ),
        ("C0209", "19/6/2015", "09/09/2015", Applicability::Unsafe),
        ("C0103", "28/NQ/TW", "28-NQ/TW", Applicability::Safe),
    ];
    for (code, w, r, want) in rows {
        assert_eq!(applicability(code, w, r), want, "{code} {w} → {r}");
    }
}
