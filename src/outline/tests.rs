//! Outline tables: one row per layout of real plans (made-up snippets).

use super::*;

fn paths(text: &str) -> Vec<(String, String)> {
    outline(text)
        .sections
        .iter()
        .map(|s| (s.path.clone(), s.heading.clone()))
        .collect()
}

fn check(text: &str, expected: &[(&str, &str)]) {
    same_sections_read_lazily(text);
    let got = paths(text);
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(p, h)| (p.to_string(), h.to_string()))
        .collect();
    assert_eq!(got, want, "{text:?}");
}

/// `assign_sections` (headings of the cited sections only) gives every citation the
/// section `outline(text).assign` gives, wherever it starts.
fn same_sections_read_lazily(text: &str) {
    let proto = crate::extract::extract("Nghị định số 168/2018/NĐ-CP")
        .citations
        .remove(0);
    let cited = |offsets: &mut dyn Iterator<Item = usize>| -> Vec<Citation> {
        offsets
            .map(|start| Citation {
                start,
                ..proto.clone()
            })
            .collect()
    };
    let all: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    // Every offset; and every other one, so that some sections are cited and some not.
    for step in [1, 2, 7] {
        let mut whole = cited(&mut all.iter().copied().step_by(step));
        let mut lazy = whole.clone();
        outline(text).assign(&mut whole);
        assign_sections(text, &mut lazy);
        let sections = |v: &[Citation]| v.iter().map(|c| c.section.clone()).collect::<Vec<_>>();
        assert_eq!(sections(&lazy), sections(&whole), "{text:?}");
    }
    // Citations only up to some offset: the line table is split only a few lines past the
    // last one (the rest when the first lines cannot tell).
    let whole = outline(text);
    for (n, &last) in all.iter().enumerate() {
        for step in [1, 3] {
            let mut lazy = cited(&mut all[..=n].iter().copied().step_by(step).chain([last]));
            assign_sections(text, &mut lazy);
            for c in &lazy {
                let want = whole.section_at(c.start).map(|s| (&s.path, &s.heading));
                let got = c.section.as_ref().map(|s| (&s.path, &s.heading));
                assert_eq!(
                    got, want,
                    "{text:?}, last citation at {last}, one at {}",
                    c.start
                );
            }
        }
    }
}

#[test]
fn outline_table() {
    check(
        "I. MỤC ĐÍCH\n\n1. Mục đích\n\n- bullet\n\n2. Yêu cầu\n\nII. NHIỆM VỤ\n 1. Tiếp tục\na) điểm a\nb) điểm b\n2. Hai\n",
        &[
            ("I", "MỤC ĐÍCH"),
            ("I.1", "Mục đích"),
            ("I.2", "Yêu cầu"),
            ("II", "NHIỆM VỤ"),
            ("II.1", "Tiếp tục"),
            ("II.1.a", "điểm a"),
            ("II.1.b", "điểm b"),
            ("II.2", "Hai"),
        ],
    );
    // Markdown bold, split bold heading, escaped dot.
    check(
        "**I. MỤC ĐÍCH,\nYÊU CẦU**\n\n**1**. **Mục đích**\n\n**2. **Yêu cầu\n\n## II. NỘI DUNG\n\n1\\. Một\n",
        &[
            ("I", "MỤC ĐÍCH, YÊU CẦU"),
            ("I.1", "Mục đích"),
            ("I.2", "Yêu cầu"),
            ("II", "NỘI DUNG"),
            ("II.1", "Một"),
        ],
    );
    // A wrapped line starting with a number, dates and amounts are not headings.
    check(
        "I. A\n1. Một\nvăn bản số\n5. cái\n25.10.2013 ngày\n2. Hai\n",
        &[("I", "A"), ("I.1", "Một văn bản số"), ("I.2", "Hai")],
    );
    // Sub-items and sub-sub-items.
    check(
        "II. B\n1. Một\n1.1. Một một\n1.1.1. Ba cấp\n1.1.2. Ba cấp hai\n1.2. Một hai\na) x\n",
        &[
            ("II", "B"),
            ("II.1", "Một"),
            ("II.1.1", "Một một"),
            ("II.1.1.1", "Ba cấp"),
            ("II.1.1.2", "Ba cấp hai"),
            ("II.1.2", "Một hai"),
            ("II.1.2.a", "x"),
        ],
    );
    check("", &[]);
    check("III) ?\n\u{0}\n1)", &[]);
}

/// A row: what it shows, the text, the expected (path, heading) pairs.
type Row = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

/// Each layout of the issue, as a row.
#[test]
fn real_layouts_table() {
    let rows: Vec<Row> = vec![
        (
            "number alone on its line, heading on the next (bold open across lines)",
            "**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1.\nMục đích: **Xác định số lượng tài sản.\n\n**2.\nYêu cầu**\n\na)\nXác định cụ thể các nội dung.\n\nb)\nPhát huy tối đa.\n\n**II. PHẠM VI**\n\n**1.\nPhạm vi: **Tổng kiểm kê.\n",
            vec![
                ("I", "MỤC ĐÍCH, YÊU CẦU"),
                ("I.1", "Mục đích"),
                ("I.2", "Yêu cầu"),
                ("I.2.a", "Xác định cụ thể các nội dung"),
                ("I.2.b", "Phát huy tối đa"),
                ("II", "PHẠM VI"),
                ("II.1", "Phạm vi"),
            ],
        ),
        (
            "roman numeral alone, heading on the next line, italic sub-items",
            "I. A\n\n**III.\nNHIỆM VỤ VÀ GIẢI PHÁP ***(chi tiết Phụ lục)*\n\n**1.** Tổng hợp, báo cáo kết quả.\n\n*1.1.\nTrưởng Ban Chỉ đạo*\n\n- Phụ trách chung.\n\n*1.2. Phó Trưởng Ban*\n",
            vec![
                ("I", "A"),
                ("III", "NHIỆM VỤ VÀ GIẢI PHÁP"),
                ("III.1", "Tổng hợp, báo cáo kết quả"),
                ("III.1.1", "Trưởng Ban Chỉ đạo"),
                ("III.1.2", "Phó Trưởng Ban"),
            ],
        ),
        (
            "heading wrapped across lines (lower-case continuation)",
            "I. NỘI DUNG\n\n1. Công tác lập, thẩm định, phê duyệt chương trình,\nkế hoạch khắc phục hậu quả\n\n2. Hai\n",
            vec![
                ("I", "NỘI DUNG"),
                ("I.1", "Công tác lập, thẩm định, phê duyệt chương trình, kế hoạch khắc phục hậu quả"),
                ("I.2", "Hai"),
            ],
        ),
        (
            "points a. and đ), run-in heading cut at the colon",
            "I. A\n1. Mục tiêu cụ thể: đến năm 2030 đạt 100%.\na. Một\nb. Hai\nc) Ba\nd) Bốn\nđ) Năm\ne) Sáu\n",
            vec![
                ("I", "A"),
                ("I.1", "Mục tiêu cụ thể"),
                ("I.1.a", "Một"),
                ("I.1.b", "Hai"),
                ("I.1.c", "Ba"),
                ("I.1.d", "Bốn"),
                ("I.1.đ", "Năm"),
                ("I.1.e", "Sáu"),
            ],
        ),
        (
            "an outline that starts at II.",
            "Căn cứ Luật X;\n\nII. NHIỆM VỤ\n1. Một\nIII. TỔ CHỨC\n1. Hai\n",
            vec![("II", "NHIỆM VỤ"), ("II.1", "Một"), ("III", "TỔ CHỨC"), ("III.1", "Hai")],
        ),
        (
            "numbering that continues across parts",
            "I. A\n1. Một\n2. Hai\nII. B\n3. Ba\n4. Bốn\n",
            vec![("I", "A"), ("I.1", "Một"), ("I.2", "Hai"), ("II", "B"), ("II.3", "Ba"), ("II.4", "Bốn")],
        ),
        (
            "a plan in a decision's annex: the decision's articles and items are not items",
            "QUYẾT ĐỊNH\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n1. Một của quyết định\n2. Hai của quyết định\n\nNơi nhận:\n- Như Điều 3;\n\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN\n*(Ban hành kèm theo Quyết định số 12/QĐ-UBND\nngày 01/01/2025 của UBND tỉnh)*\n\nI. MỤC ĐÍCH\n1. Mục đích\n",
            vec![("I", "MỤC ĐÍCH"), ("I.1", "Mục đích")],
        ),
        (
            "a programme in a decision's Điều 1, annexes only of tables: the parts are items, Điều 2 ends the last",
            "QUYẾT ĐỊNH:\n**Điều 1. **Phê duyệt Chương trình, với những nội dung sau:\n**I. QUAN ĐIỂM**\n1. Một quan điểm.\n**II. NHIỆM VỤ**\n1. Hai nhiệm vụ.\n**Điều 2. **Quyết định này có hiệu lực.\n1. Không phải mục.\n*Nơi nhận:*\n**KT. THỦ TƯỚNG**\n**PHỤ LỤC I**\nDANH MỤC CÁC CHỈ TIÊU\n*(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01 tháng 12 năm 2025)*\n|\n**I.1**\n|\nChỉ tiêu\n",
            vec![("I", "QUAN ĐIỂM"), ("I.1", "Một quan điểm"), ("II", "NHIỆM VỤ"), ("II.1", "Hai nhiệm vụ")],
        ),
        (
            "a decision's clauses are not an outline when the annex holds only tables",
            "QUYẾT ĐỊNH:\nĐiều 1. Công bố danh mục.\n1. Thủ tục một.\n2. Thủ tục hai.\nNơi nhận:\nKT. CHỦ TỊCH\nDANH MỤC THỦ TỤC\n*(Kèm theo Quyết định số 5/QĐ-UBND)*\n|\nTT\n",
            vec![],
        ),
        (
            "numbered rows of tables are not items",
            "I. A\n1. Một\n|\n2.\n|\nCell text\n|\n| 3. | Ba | x |\n2. Hai\n",
            vec![("I", "A"), ("I.1", "Một"), ("I.2", "Hai")],
        ),
        (
            "a repeated part numeral keeps both parts",
            "I. A\n1. Một\nII. HAI\nIII. BA\n1. Một\nIII. BA NỮA\n1. Một nữa\nIV. BỐN\n",
            vec![
                ("I", "A"),
                ("I.1", "Một"),
                ("II", "HAI"),
                ("III", "BA"),
                ("III.1", "Một"),
                ("III#2", "BA NỮA"),
                ("III#2.1", "Một nữa"),
                ("IV", "BỐN"),
            ],
        ),
        (
            "bullets are not items",
            "I. A\n- 1. không phải\n+ 2. không phải\n1. Một\n",
            vec![("I", "A"), ("I.1", "Một")],
        ),
        (
            "the signature block, Nơi nhận and footnotes end the body",
            "I. A\n1. Một[1]\nUBND xã./.\n\nNơi nhận:\n- 1. Sở\n|\n**TM. ỦY BAN NHÂN DÂN**\n\n[1] Nghị định số 1/2020/NĐ-CP.\n",
            vec![("I", "A"), ("I.1", "Một")],
        ),
    ];
    for (what, text, expected) in rows {
        let got = paths(text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(p, h)| (p.to_string(), h.to_string()))
            .collect();
        assert_eq!(got, want, "{what}");
    }
}

/// The body ends before the signature and footnotes; the last item's text stops there.
#[test]
fn body_end_and_footnotes() {
    let t = "Căn cứ Luật Dân quân tự vệ;\nThực hiện Kế hoạch số 5/KH-UBND;\nUBND xã xây dựng kế hoạch.\nI. A\n1. Một tỉnh1 và[2] và³\nII. B\nHết./.\n\nNơi nhận:\n- Như trên;\n|\nKT. CHỦ TỊCH\n\n1 Xã A, xã B.\n2 Nghị định 2.\n3 Ghi chú ba\n";
    let o = outline(t);
    let nr = t.find("Nơi nhận").unwrap();
    assert_eq!(o.body_end, nr);
    assert_eq!(o.sections.last().unwrap().end, nr);
    assert!(o.section_at(nr + 3).is_none());
    let labels: Vec<&str> = o.footnotes.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"]);
    for f in &o.footnotes {
        assert_eq!(o.callers(f), ["I.1"], "note {}", f.label);
    }
    let n2 = t.find("2 Nghị").unwrap();
    assert_eq!(o.footnote_at(n2 + 3).map(|f| f.label.as_str()), Some("2"));
    // The opening basis: everything before the first item (here one range).
    let basis: Vec<&str> = o.basis.iter().map(|&(a, b)| t[a..b].trim()).collect();
    assert_eq!(
        basis,
        ["Căn cứ Luật Dân quân tự vệ;\nThực hiện Kế hoạch số 5/KH-UBND;\nUBND xã xây dựng kế hoạch."]
    );
}

/// The opening basis: what is cited before the first item, except the proposer's
/// submission, a decision's ruling and "Nơi nhận", and the annex note (the plan's own
/// identity). Rows: (text, snippets in the basis, snippets not in it).
#[test]
fn opening_basis_table() {
    let rows: &[(&str, &[&str], &[&str])] = &[
        // A plain plan: title, "Căn cứ", an introduction; not the proposer.
        (
            "KẾ HOẠCH\nThực hiện Nghị quyết 57-NQ/TW\n\n*Căn cứ Luật A;*\n\nNgày 1/4/2025, Chính phủ ban hành Nghị quyết 71/NQ-CP.\n\nTheo đề nghị của Sở X tại Tờ trình số 9/TTr-SX, UBND ban hành Kế hoạch:\n\nI. MỤC ĐÍCH\n1. Một 5/KH-UBND\n",
            &["57-NQ/TW", "Luật A", "71/NQ-CP"],
            &["9/TTr-SX", "5/KH-UBND"],
        ),
        // "Căn" and "cứ" on two lines; "Xét Tờ trình" is a proposal.
        (
            "*Căn\ncứ Quyết định số 213/QĐ-TTg;*\n\n*Xét Tờ trình số 4/TTr-UBND; Báo cáo thẩm tra số 5/BC-KTNS.*\n\nI. A\n1. B\n",
            &["213/QĐ-TTg"],
            &["4/TTr-UBND", "5/BC-KTNS"],
        ),
        // A plan annexed to a decision: the decision's basis counts, its articles (what it
        // replaces), "Nơi nhận" and the annex note do not; the annex title does.
        (
            "QUYẾT ĐỊNH\n\n*Căn cứ Nghị định số 66/2021/NĐ-CP;*\n\n*Theo đề nghị của Sở Y tế.*\n\n**QUYẾT ĐỊNH:**\n\n**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch.\n\n**Điều 2.** Thay thế Quyết định số 3089/QĐ-UBND.\n\n|\nNơi nhận:\n- Như Điều 2;\n|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n|\n\n**KẾ HOẠCH**\n\nTHỰC HIỆN ĐỀ ÁN THEO QUYẾT ĐỊNH 553/QĐ-TTg\n\n*(Ban hành kèm theo Quyết định số 2853/QĐ-UBND)*\n\n**I. MỤC TIÊU**\n\n1. Chung\n",
            &["66/2021/NĐ-CP", "553/QĐ-TTg"],
            &["3089/QĐ-UBND", "Như Điều 2", "2853/QĐ-UBND"],
        ),
        // A scheme inside a decision's Điều 1: the ruling before the first item is not basis.
        (
            "*Căn cứ Luật Dữ liệu;*\n\n**QUYẾT ĐỊNH:**\n\n**Điều 1.** Phê duyệt Đề án (thay Quyết định 7/QĐ-TTg) sau đây:\n\n**I. QUAN ĐIỂM**\n\n1. Một\n",
            &["Luật Dữ liệu"],
            &["7/QĐ-TTg"],
        ),
    ];
    for (text, inside, outside) in rows {
        let o = outline(text);
        for s in *inside {
            let at = text.find(s).unwrap();
            assert!(
                o.in_basis(at),
                "{s:?} should be in the basis of {text:?}: {:?}",
                o.basis
            );
        }
        for s in *outside {
            let at = text.find(s).unwrap();
            assert!(
                !o.in_basis(at),
                "{s:?} should not be in the basis of {text:?}: {:?}",
                o.basis
            );
        }
    }
}

/// A digit glued to a word is a call only when the footnote list has that number, and
/// never in units ("m2") or codes ("H5N1").
#[test]
fn glued_calls_table() {
    let rows = [
        ("I. A\n1. Một tỉnh1 x\nKT. CHỦ TỊCH\n1 Ghi chú\n", 1),
        ("I. A\n1. Diện tích 20 m2 x\nKT. CHỦ TỊCH\n2 Ghi chú\n", 0),
        ("I. A\n1. Cúm H5N1 x\nKT. CHỦ TỊCH\n1 Ghi chú\n", 0),
        ("I. A\n1. Một tỉnh7 x\nKT. CHỦ TỊCH\n1 Ghi chú\n", 0),
    ];
    for (t, calls) in rows {
        let o = outline(t);
        let n: usize = o.footnotes.iter().map(|f| f.calls.len()).sum();
        assert_eq!(n, calls, "{t:?}");
    }
}

/// The prefilter never skips a line that opens a marker (regression guard for the
/// fast path that skips stripping): every line of this table that `marker` reads as a
/// marker passes `may_open_marker`, and each expectation holds.
#[test]
fn may_open_marker_table() {
    let rows = [
        ("I. MỤC ĐÍCH", true),
        ("  **II.** NHIỆM VỤ", true),
        ("## III. NỘI DUNG", true),
        ("> | 1. Một", true),
        ("1\\. Một", true),
        ("**1**. **Mục đích**", true),
        ("_a)_ điểm", true),
        ("đ) điểm đ", true),
        ("a. điểm", true),
        ("- bullet", false),
        ("Căn cứ Luật", false),
        ("   ", false),
        ("", false),
        ("*** ", false),
        ("b) x", true),
        ("f) not a point letter", false),
    ];
    for (line, expected) in rows {
        let opens = marker(&strip_line(line)).is_some();
        assert_eq!(may_open_marker(line), expected, "{line:?}");
        assert!(!opens || may_open_marker(line), "{line:?} opens a marker");
    }
}

/// Random lines over the characters that matter: the prefilter is never stricter than
/// the stripping it lets lines skip, and nothing panics.
#[test]
fn may_open_marker_never_hides_a_marker() {
    let alphabet: Vec<char> = "IVXL19ađfM *_\\#>|.) \t[]¹\n".chars().collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut markers = 0;
    for _ in 0..20_000 {
        let mut line = String::new();
        x = crate::testing::xorshift(x);
        for k in 0..(x % 9) {
            line.push(alphabet[((x >> (k * 5)) % alphabet.len() as u64) as usize]);
        }
        let _ = outline(&line);
        if marker(&strip_line(&line)).is_some() {
            markers += 1;
            assert!(may_open_marker(&line), "{line:?}");
        }
    }
    assert!(markers > 100, "only {markers} random lines were markers");
}

#[test]
fn section_at_offsets() {
    let t = "Căn cứ\nI. A\n1. Một\ntext\n";
    let o = outline(t);
    assert!(o.section_at(0).is_none());
    assert_eq!(o.section_at(t.find("text").unwrap()).unwrap().path, "I.1");
    assert_eq!(
        o.range("I", t.len()),
        Some((t.find("I.").unwrap(), t.len()))
    );
    assert!(is_within("IV.1.a", "IV.1"));
    assert!(!is_within("IV.10", "IV.1"));
    assert!(!is_within("IV#2.1", "IV"));
}

/// The lines that end the body, as the cheap first-character filter must still let
/// through (emphasis, table marks, upper case, NFD), and lines that do not.
#[test]
fn ends_body_table() {
    let rows = [
        ("Nơi nhận:", true),
        ("**Nơi nhận:**", true),
        ("| *Nơi nhận:*", true),
        ("NƠI NHẬN:", true),
        ("No\u{31b}i nhận:", true),
        ("TM. ỦY BAN NHÂN DÂN", true),
        ("**KT. CHỦ TỊCH**", true),
        ("TL. CHỦ TỊCH", true),
        ("TUQ. CHỦ TỊCH", true),
        ("Q. CHỦ TỊCH", true),
        ("[1] Nghị định số 1/2020/NĐ-CP", true),
        ("¹ Ghi chú", true),
        ("Nội dung", false),
        ("Thực hiện Kế hoạch", false),
        ("KT. Chủ tịch ký", false),
        ("[2] Ghi chú hai", false),
        ("Quản lý", false),
    ];
    for (line, want) in rows {
        assert_eq!(ends_body(line), want, "{line:?}");
    }
}

/// heading_cut_at_line_break: a heading whose line ends on a word it cannot end on ("của",
/// "về") goes on to the next line even when that line starts with a capital; a heading
/// ending on a noun stops at its line. Rows: (text, path, heading).
#[test]
fn heading_goes_on_after_a_connective_table() {
    let rows = [
        (
            "II. NỘI DUNG\n1. Xây dựng Quyết định của\nThủ tướng Chính phủ ban hành Chương trình quốc gia\n\n- Cơ quan chủ trì: Bộ Công an.\n",
            "II.1",
            "Xây dựng Quyết định của Thủ tướng Chính phủ ban hành Chương trình quốc gia",
        ),
        (
            "II. NỘI DUNG\n1. Tuyên truyền về\nBảo vệ dữ liệu cá nhân\n2. Tập huấn\n",
            "II.1",
            "Tuyên truyền về Bảo vệ dữ liệu cá nhân",
        ),
        (
            "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nThẩm định dự toán.\n2. Sở Y tế\n",
            "I.1",
            "Sở Tài chính",
        ),
    ];
    for (text, path, heading) in rows {
        let o = outline(text);
        assert_eq!(
            o.find(path).map(|s| s.heading.as_str()),
            Some(heading),
            "{text}"
        );
    }
}

/// `split_lines` cuts as `split_inclusive('\n')` with the line ends trimmed did.
#[test]
fn split_lines_table() {
    let reference = |text: &str| -> Vec<(usize, String)> {
        let mut v = Vec::new();
        let mut off = 0;
        for l in text.split_inclusive('\n') {
            v.push((off, l.trim_end_matches(['\n', '\r']).to_string()));
            off += l.len();
        }
        v
    };
    let rows: &[(&str, &[(usize, &str)])] = &[
        ("", &[]),
        ("a", &[(0, "a")]),
        ("a\n", &[(0, "a")]),
        ("a\nb", &[(0, "a"), (2, "b")]),
        ("a\r\nb\r", &[(0, "a"), (3, "b")]),
        ("\n\n", &[(0, ""), (1, "")]),
        ("x\r\r\n\ry\n", &[(0, "x"), (4, "\ry")]),
        ("Điều 1.\r\nKhoản", &[(0, "Điều 1."), (12, "Khoản")]),
    ];
    for (text, want) in rows {
        let got: Vec<(usize, String)> = split_lines(text)
            .into_iter()
            .map(|(o, l)| (o, l.to_string()))
            .collect();
        let want: Vec<(usize, String)> = want.iter().map(|(o, l)| (*o, l.to_string())).collect();
        assert_eq!(got, want, "{text:?}");
        assert_eq!(got, reference(text), "{text:?}");
    }
    // Texts longer than the 64-byte blocks the line ends are read by: line ends on a
    // block's first and last byte, "\r\n" across a block edge, lines longer than a block.
    let long = [
        format!("{}\n{}\n", "a".repeat(63), "b".repeat(63)),
        format!("{}\r\n{}", "đ".repeat(31), "c".repeat(70)),
        format!("{}\n\n{}\r\r\n\n", "x".repeat(200), "Điều 1. ".repeat(9)),
        "1.\n".repeat(100),
    ];
    for text in &long {
        let got: Vec<(usize, String)> = split_lines(text)
            .into_iter()
            .map(|(o, l)| (o, l.to_string()))
            .collect();
        assert_eq!(got, reference(text), "{text:?}");
    }
}

/// `line_start_before` finds only leading marks, emphasis and white space (ASCII or not)
/// before a char exactly where reading the line forward does (up to its first kept char;
/// any other char stops it), at every char of every line.
#[test]
fn line_start_before_agrees_with_reading_the_line_table() {
    let texts = [
        "(a)\n  (b)\n**(c)** x (d)\n\u{a0}(e)\r\n> | (f)\nđ (g)\n\u{3000}*_(h\n(",
        "x(\n\n(\r\r\n\t#\\(i) (j\u{2003}(k\n ",
        "",
    ];
    for text in texts {
        for (start, raw) in split_lines(text) {
            let first = raw
                .char_indices()
                .find(|&(_, c)| !is_emphasis(c) && !is_lead(c))
                .map(|(i, _)| i);
            for (i, _) in raw.char_indices() {
                let expected = first.is_none_or(|f| i <= f).then_some(start);
                assert_eq!(
                    line_start_before(text, start + i),
                    expected,
                    "{text:?} at {}",
                    start + i
                );
            }
        }
    }
}

/// Random plans of lines that matter to the outline (parts, items, points, annex notes
/// and their titles, a decision's articles, table cells, signatures, footnotes, wrapped
/// headings, blank lines): `assign_sections` with citations up to some line gives each
/// the section of the whole outline, wherever the line table was cut.
#[test]
fn sections_read_up_to_the_last_citation_are_those_of_the_whole_outline() {
    let pool = [
        "I. MỤC ĐÍCH",
        "II. NHIỆM VỤ",
        "II. NHIỆM VỤ KHÁC",
        "III. TỔ CHỨC",
        "1. Mục đích",
        "2. Yêu cầu",
        "3. **Nội dung",
        "chính**",
        "1.1. Một",
        "a) điểm a",
        "b) điểm b",
        "- gạch đầu dòng",
        "",
        "",
        "KẾ HOẠCH",
        "THỰC HIỆN CHƯƠNG TRÌNH",
        "(Ban hành kèm theo Quyết định số 12/QĐ-UBND",
        "ngày 1/2/2024)",
        "(Kèm theo Quyết định số 5/QĐ-UBND)",
        "**Điều 1.** Phê duyệt Chương trình",
        "**Điều 2.** Hiệu lực",
        "|",
        "| 1. | Cell |",
        "văn bản số 5 của",
        "TM. ỦY BAN NHÂN DÂN",
        "Nơi nhận:",
        "[1] Ghi chú",
        "Căn cứ Luật số 1/2020/QH14;",
    ];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..300 {
        x = crate::testing::xorshift(x);
        let n = 5 + (x % 40) as usize;
        let mut text = String::new();
        for _ in 0..n {
            x = crate::testing::xorshift(x);
            text.push_str(pool[(x % pool.len() as u64) as usize]);
            text.push_str(if x & (1 << 40) != 0 { "\r\n" } else { "\n" });
        }
        let whole = outline(&text);
        let proto = crate::extract::extract("Nghị định số 168/2018/NĐ-CP")
            .citations
            .remove(0);
        let starts: Vec<usize> = split_lines(&text).iter().map(|l| l.0 + 1).collect();
        for k in 0..starts.len() {
            let mut cits: Vec<Citation> = starts[..=k]
                .iter()
                .map(|&start| Citation {
                    start,
                    ..proto.clone()
                })
                .collect();
            assign_sections(&text, &mut cits);
            for c in &cits {
                let want = whole.section_at(c.start).map(|s| (&s.path, &s.heading));
                let got = c.section.as_ref().map(|s| (&s.path, &s.heading));
                assert_eq!(
                    got, want,
                    "{text:?}, citations to line {k}, one at {}",
                    c.start
                );
            }
        }
    }
}

/// `annex_note_in` on the first lines of a text answers as `annex_note` on all of them,
/// or says it cannot tell.
#[test]
fn annex_note_on_first_lines_is_that_of_all_lines_or_none() {
    let texts = [
        "KẾ HOẠCH\nA\n(Ban hành kèm theo Quyết định số 1/QĐ-UBND\nngày 2)\n1. Một\n2. Hai\n",
        "x\n(Kèm theo Quyết định 5)\nKẾ HOẠCH\nB\n(Kèm theo Quyết định 5\n\n\n\n)\n1. A\n",
        "1. Một\n(kèm theo QĐ số 3)\n",
        "",
    ];
    for text in texts {
        let lines = split_lines(text);
        let all = annex_note(text, &lines);
        for k in 0..=lines.len() {
            let first = annex_note_in(text, &lines[..k], k == lines.len());
            assert!(first.is_none_or(|a| a == all), "{text:?} on {k} lines");
            if k == lines.len() {
                assert_eq!(first, Some(all), "{text:?}");
            }
        }
    }
}

/// `path_of` writes what joining the parts as strings gave, for every kind of marker.
#[test]
fn path_of_is_the_joined_parts() {
    let parts = [None, Some("IV"), Some("IV#2"), Some("XXXIX")];
    let nums = [None, Some(1), Some(12), Some(99)];
    let letters = [None, Some('a'), Some('đ'), Some('?')];
    for part in parts {
        for a in nums {
            for b in nums {
                for c in nums {
                    for letter in letters {
                        let ns = [a, b, c];
                        let mut rest: Vec<String> =
                            ns.iter().flatten().map(|n| n.to_string()).collect();
                        rest.extend(letter.map(String::from));
                        assert_eq!(
                            path_of(part, &ns, letter),
                            join(part.map(String::from), &rest),
                            "{part:?} {ns:?} {letter:?}"
                        );
                    }
                }
            }
        }
    }
}
