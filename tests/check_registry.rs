//! The registry-driven rules on the seed, through the real registry (`Registry::bundled`,
//! the compiled-in instruments with the bundled plans' fictional layer) and the real adapter
//! (`knowledge::RegistryKnowledge`). No fake `Knowledge`: every finding asserted here is one
//! that `cancu check` can give a user. (C0208 "no such instrument", which only a fake could
//! produce — no registry source states that a series is complete — was retired; its code is
//! never reused.)

mod common;

use cancu::check::{self, Options};
use cancu::knowledge::RegistryKnowledge;
use cancu::registry::Registry;
use cancu::Date;

/// (line, code, message | notes) of every registry-driven finding (C0206 and above:
/// registry consistency, time, unknown) of `text`.
fn findings(text: &str, as_of: Option<Date>) -> Vec<(usize, &'static str, String)> {
    let reg = Registry::bundled().expect("bundled registry");
    let know = RegistryKnowledge::new(&reg);
    let ex = cancu::extract(text);
    check::check(
        text,
        &ex,
        &know,
        &Options {
            as_of,
            lang: cancu::messages::Lang::En,
        },
    )
    .into_iter()
    .filter(|d| d.code >= "C0206")
    .map(|d| {
        let line = d.primary().map_or(0, |l| l.line);
        (
            line,
            d.code,
            format!("{} | {}", d.message, d.notes.join(" | ")),
        )
    })
    .collect()
}

fn seed() -> String {
    common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"))
}

#[test]
fn seed_registry_findings() {
    let got = findings(&seed(), None);
    let has = |line: usize, code: &str, words: &[&str]| {
        got.iter()
            .any(|(l, c, m)| *l == line && *c == code && words.iter().all(|w| m.contains(w)))
    };
    let rows: &[(usize, &str, &[&str])] = &[
        // 28-NQ/TW of 2013, superseded by 44-NQ/TW of 24/11/2023, as of the plan's date.
        (58, "C0303", &["28-NQ/TW of 25/10/2013", "44-NQ/TW"]),
        (168, "C0303", &["44-NQ/TW"]),
        // The 2022 directive beside the 2024 one.
        (91, "C0306", &["14-CT/HU", "26-CT/HU"]),
        // 01/2019/NĐ-CP is the decree on forest rangers.
        (81, "C0207", &["01/2019/NĐ-CP", "Kiểm lâm"]),
        // 62/QĐ-TTg is the normative 62/2011/QĐ-TTg.
        (297, "C0206", &["62/2011/QĐ-TTg"]),
        (415, "C0206", &["62/2011/QĐ-TTg"]),
        // 02/2020/NĐ-CP is in no registry: reported as unresolved, never guessed, never
        // called non-existent (the registry cannot know that).
        (382, "C0401", &["02/2020/NĐ-CP"]),
        (402, "C0401", &["02/2020/NĐ-CP"]),
    ];
    let missing: Vec<String> = rows
        .iter()
        .filter(|(l, c, w)| !has(*l, c, w))
        .map(|r| format!("{r:?}"))
        .collect();
    assert!(missing.is_empty(), "missing {missing:#?}\nin {got:#?}");
    // One defect, one diagnostic: one time finding on the 2022 directive.
    let at91: Vec<_> = got
        .iter()
        .filter(|(l, c, _)| *l == 91 && c.starts_with("C03"))
        .collect();
    assert_eq!(at91.len(), 1, "{at91:#?}");
    // The 2008 resolution (line 54, and line 68 by its subject) is not outdated, and
    // 168/2018/NĐ-CP's subject matches.
    let wrong: Vec<_> = got
        .iter()
        .filter(|(l, c, _)| {
            (matches!(*l, 54 | 68) && c.starts_with("C03")) || (*l == 6 && *c == "C0207")
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn registry_fix_writes_the_year() {
    let reg = Registry::bundled().expect("bundled registry");
    let know = RegistryKnowledge::new(&reg);
    let text = "Căn cứ Quyết định số 62/QĐ-TTg của Thủ tướng Chính phủ;";
    let ex = cancu::extract(text);
    let diags = check::check(text, &ex, &know, &Options::default());
    let fixed = check::fix::apply(text, &diags);
    assert_eq!(
        fixed.text,
        "Căn cứ Quyết định số 62/2011/QĐ-TTg của Thủ tướng Chính phủ;"
    );
}

/// dev (registry5): the time rules fired where a citation's status does not matter — an
/// amender in an amending chain (Nghị định 133/2026/NĐ-CP ×5), a certificate issued under
/// the former law (Nghị quyết 21/2026/NQ-CP), a consolidated text known by its footnote
/// (12/VBHN-BTC), a clause repealing texts. The same instruments as a current basis are
/// still flagged. (tail after a 2026 decree's header, time findings expected)
#[test]
fn status_does_not_matter_in_context() {
    let head = "CHÍNH PHỦ\nSố: 133/2026/NĐ-CP\nHà Nội, ngày 06 tháng 4 năm 2026\n\nNGHỊ ĐỊNH\nQuy định xử phạt\n\n";
    let rows = [
        (
            "amending_chain_names_an_expired_amender",
            "Căn cứ Luật Xử lý vi phạm hành chính số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14, Luật số 11/2022/QH15 và Luật số 88/2025/QH15;",
            0,
        ),
        (
            "the_expired_law_as_current_basis",
            "Căn cứ Luật Thanh tra số 11/2022/QH15;",
            1,
        ),
        (
            "a_certificate_issued_under_the_former_law",
            "a) Chứng chỉ hành nghề đã được cấp theo quy định tại Luật Khám bệnh, chữa bệnh số 40/2009/QH12, sau đây gọi tắt là giấy phép hành nghề;",
            0,
        ),
        (
            "the_former_law_as_current_basis",
            "Căn cứ Luật Khám bệnh, chữa bệnh số 40/2009/QH12;",
            1,
        ),
        (
            "a_clause_repealing_texts",
            "2. Luật Thanh tra số 11/2022/QH15 hết hiệu lực kể từ ngày Luật này có hiệu lực.",
            0,
        ),
    ];
    for (name, tail, want) in rows {
        let text = format!("{head}{tail}\n");
        let got: Vec<_> = findings(&text, None)
            .into_iter()
            .filter(|f| f.1.starts_with("C03") && f.1 != "C0301")
            .collect();
        assert_eq!(got.len(), want, "{name}: {got:?}");
    }
    // A consolidated text by its first footnote (Ordinance 01/2012/UBTVQH13): the
    // original's basis is not a current claim.
    let vbhn = "THÔNG TƯ1\nQuy định lộ trình sắp xếp lại thị trường\n\n1 Văn bản này được hợp nhất từ 03 Thông tư sau:\n\nCăn cứ Luật Thanh tra số 11/2022/QH15;\n";
    let got: Vec<_> = findings(vbhn, Some(Date::new(2026, 4, 22).unwrap()))
        .into_iter()
        .filter(|f| f.1.starts_with("C03"))
        .collect();
    assert!(got.is_empty(), "consolidated text: {got:?}");
    // The control: the same text without the footnote is flagged.
    let plain = vbhn.replace("1 Văn bản này được hợp nhất từ 03 Thông tư sau:\n", "");
    let got = findings(&plain, Some(Date::new(2026, 4, 22).unwrap()))
        .into_iter()
        .filter(|f| f.1.starts_with("C03"))
        .count();
    assert_eq!(got, 1, "the same text, not consolidated");
}

/// dev: Nghị định 145/2020/NĐ-CP (14/12/2020) rests on the Labour Code in force 01/01/2021;
/// its gazette text is cut before its effect clause, and the registry records it in force
/// from 01/02/2021: an implementing act in force with the law, no note. The same text under
/// a number the registry does not hold keeps the note.
#[test]
fn the_registry_knows_when_the_document_itself_takes_effect() {
    let text = |no: &str| {
        format!("CHÍNH PHỦ\nSố: {no}/2020/NĐ-CP\nHà Nội, ngày 14 tháng 12 năm 2020\n\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều của Bộ luật Lao động\n\nCăn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;\n")
    };
    for (no, want) in [("145", 0), ("146", 1)] {
        let got = findings(&text(no), None)
            .into_iter()
            .filter(|f| f.1 == "C0305")
            .count();
        assert_eq!(got, want, "{no}/2020/NĐ-CP");
    }
}

/// dev3: a decree that details a law and takes effect the day the law does got a C0305
/// note ("not yet in force" at the decree's date of signing); its own effect clause says it
/// rests on the law in force (Law 80/2015/QH13, Art. 11(2)).
#[test]
fn an_act_in_force_with_the_law_it_details_gets_no_note() {
    let head = "CHÍNH PHỦ\nSố: 25/2025/NĐ-CP\nHà Nội, ngày 21 tháng 02 năm 2025\n\nNGHỊ ĐỊNH\nQuy định chức năng\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025;\n\nĐiều 1. Phạm vi\n";
    let rows = [
        (
            "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2025.",
            0,
        ),
        ("Nghị định này có hiệu lực kể từ ngày 01/3/2025.", 0),
        // In force before the law: the note stays.
        (
            "Nghị định này có hiệu lực thi hành từ ngày 25 tháng 02 năm 2025.",
            1,
        ),
        // A cited instrument's effect clause is not the document's own.
        (
            "Luật Tổ chức Chính phủ có hiệu lực thi hành từ ngày 01 tháng 3 năm 2025.",
            1,
        ),
        ("", 1),
    ];
    for (tail, want) in rows {
        let text = format!("{head}{tail}\n");
        let got = findings(&text, None)
            .into_iter()
            .filter(|f| f.1 == "C0305")
            .count();
        assert_eq!(got, want, "{tail}");
    }
}

/// Review 5: C0205's reference is the registry's issue date even when it is written less
/// often than another date; the others are flagged with it as the fix.
#[test]
fn the_registry_date_wins_over_the_majority() {
    let text = "Căn cứ Quyết định số 62/2011/QĐ-TTg ngày 09/11/2011 của Thủ tướng Chính phủ;\nCăn cứ Quyết định số 62/2011/QĐ-TTg ngày 19/11/2011 của Thủ tướng Chính phủ;\nCăn cứ Quyết định số 62/2011/QĐ-TTg ngày 19/11/2011 của Thủ tướng Chính phủ;\n";
    let reg = Registry::bundled().expect("bundled registry");
    let know = RegistryKnowledge::new(&reg);
    let ex = cancu::extract(text);
    let opts = Options {
        as_of: None,
        lang: cancu::messages::Lang::En,
    };
    let got: Vec<(usize, String)> = check::check(text, &ex, &know, &opts)
        .into_iter()
        .filter(|d| d.code == "C0205")
        .map(|d| {
            let fix = d
                .suggestion
                .as_ref()
                .map(|s| s.replacement.clone())
                .unwrap_or_default();
            (d.primary().map_or(0, |l| l.line), fix)
        })
        .collect();
    let lines: Vec<usize> = got.iter().map(|g| g.0).collect();
    assert_eq!(lines, [2, 3], "{got:?}");
    assert!(got.iter().all(|g| g.1 == "09/11/2011"), "{got:?}");
}

/// Review 5: a document's own effect clause quoted from another text (an amending act's
/// clause in quotation marks) is not the document's own.
#[test]
fn a_quoted_effect_clause_is_not_the_documents_own() {
    let text = "CHÍNH PHỦ\nSố: 25/2025/NĐ-CP\nHà Nội, ngày 21 tháng 02 năm 2025\n\nNGHỊ ĐỊNH\nQuy định chức năng\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18 tháng 02 năm 2025;\n\nĐiều 1. Phạm vi\nSửa đổi như sau: “Luật này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2025.”\n";
    let got = findings(text, None)
        .into_iter()
        .filter(|f| f.1 == "C0305")
        .count();
    assert_eq!(got, 1);
}

/// C0214: the date of a law cited by name, without a number, compared with the passing
/// dates of that law's versions (dates review, invented in the shape of the defects judges
/// found in 2025 documents). Rows: (line after a 2025 plan's header, C0214 expected, the
/// line with the fixes applied).
#[test]
fn the_wrong_date_of_a_law_cited_by_name() {
    let head = "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC\nSố: 120/KH-UBND\nBình Phước, ngày 05 tháng 11 năm 2025\n\nKẾ HOẠCH\n\n";
    let rows: &[(&str, bool, &str)] = &[
        // The year of the one version passed on 14 June (36/2005/QH11).
        (
            "Căn cứ Luật Thương mại ngày 14/6/2025;",
            true,
            "Căn cứ Luật Thương mại ngày 14/6/2005;",
        ),
        // 64/2025/QH15 was passed on 19/02/2025; the year is a slip.
        (
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 2 năm 2015;",
            true,
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 2 năm 2025;",
        ),
        // Verified version by version (the work's second row is not flagged verified as a
        // whole): 76/2015/QH13 was passed on 19/6/2015.
        (
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2016;",
            true,
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
        ),
        // No version that day and month, none that year: flagged without a fix.
        (
            "Căn cứ Luật Đất đai ngày 10/3/2020;",
            true,
            "Căn cứ Luật Đất đai ngày 10/3/2020;",
        ),
        // Silent: a version's passing date, its effective date, its promulgation (within
        // 15 days of passing).
        ("Căn cứ Luật Thương mại ngày 14/6/2005;", false, ""),
        ("Căn cứ Luật Đất đai ngày 18/01/2024;", false, ""),
        ("Căn cứ Luật Đất đai ngày 01/8/2024;", false, ""),
        ("Căn cứ Luật Đất đai ngày 29 tháng 01 năm 2024;", false, ""),
        // Silent: the date of the amending law named in the same citation.
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
            false,
            "",
        ),
        // Verified from public sources: 35/2024/QH15 was passed on 27/6/2024, the only
        // version listed; the year is a slip.
        (
            "Căn cứ Luật Đường bộ ngày 27 tháng 6 năm 2023;",
            true,
            "Căn cứ Luật Đường bộ ngày 27 tháng 6 năm 2024;",
        ),
        // Silent: a law the registry does not know; a law whose versions are not all
        // verified (16/2003/QH11 and 135/2025/QH15 of Luật Xây dựng are not).
        ("Căn cứ Luật Hòa giải ở nơi không có ngày 10/3/2020;", false, ""),
        ("Căn cứ Luật Xây dựng ngày 10/3/2020;", false, ""),
        // Silent: before the first version listed, a version the list does not hold may be
        // meant (Luật Thương mại of 1997 is not listed).
        ("Căn cứ Luật Thương mại ngày 10/5/1997;", false, ""),
        // Silent: a law cited with its number is C0209's.
        ("Căn cứ Luật Thương mại số 36/2005/QH11 ngày 14/6/2005;", false, ""),
    ];
    let reg = Registry::bundled().expect("bundled registry");
    let know = RegistryKnowledge::new(&reg);
    let mut bad = Vec::new();
    for (line, flagged, want) in rows {
        let text = format!("{head}{line}\n");
        let ex = cancu::extract(&text);
        let diags = check::check(&text, &ex, &know, &Options::default());
        let got = diags.iter().any(|d| d.code == "C0214");
        if got != *flagged {
            bad.push(format!("{line}: C0214 {got}, want {flagged}: {diags:#?}"));
            continue;
        }
        if *flagged {
            let fixed = check::fix::apply(&text, &diags).text;
            if fixed != format!("{head}{want}\n") {
                bad.push(format!("{line}: fixed to {fixed:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
