//! The catalogue of rules: each with a stable code, a name, a category, a default
//! severity, a one-line summary and a long explanation (`cancu check --explain CODE`).
//! Codes never change meaning; a retired rule keeps its code unused.
//!
//! Only descriptions live here; the checks are in `shape`, `consistency`, `time`, `unknown`.

use crate::diag::{Category, RuleDoc, Severity};

/// One rule's description.
pub type Rule = RuleDoc;

macro_rules! rule {
    ($id:ident, $code:literal, $name:literal, $cat:ident, $sev:ident, $summary:literal, $expl:literal) => {
        pub const $id: Rule = Rule {
            code: $code,
            name: $name,
            category: Category::$cat,
            severity: Severity::$sev,
            summary: $summary,
            explanation: $expl,
        };
    };
}

// ---- Shape: how the citation is written ("thể thức trích dẫn"). ----

rule!(
    MISSING_YEAR,
    "C0101",
    "missing-year",
    Shape,
    Warning,
    "normative instrument's number written without its year",
    "A legal normative document (văn bản quy phạm pháp luật: nghị định, thông tư, quyết định \
of the Prime Minister, nghị quyết of a people's council ...) is numbered number/YEAR/symbol \
(Law 80/2015/QH13 Art. 10, kept by Law 64/2025/QH15): \"168/2018/NĐ-CP\", not \"168 NĐ-CP\" \
or \"168/NĐ-CP\". When the date written beside the citation gives the year, the fix writes \
it into the number; otherwise the year has to be looked up."
);

rule!(
    MISSING_SEPARATOR,
    "C0102",
    "missing-separator",
    Shape,
    Warning,
    "separator missing in the number-symbol",
    "The parts of a number-symbol (số, ký hiệu) are joined by separators: '/' between number, \
year and symbol in state documents (\"21/2019/NĐ-CP\", \"34/KH-UBND\"), '-' between number and \
type in Party documents (\"28-NQ/TW\"). \"21/2019 NĐ-CP\" or \"28 NQ/TW\" leaves one out. The \
fix writes the number-symbol as it should be."
);

rule!(
    WRONG_SEPARATOR,
    "C0103",
    "wrong-separator",
    Shape,
    Warning,
    "wrong separator in the number-symbol",
    "State symbols join the type and issuer codes with '-' (\"NĐ-CP\", not \"NĐ/CP\"); Party \
documents (văn bản của Đảng, Guide 36-HD/VPTW) are written number-TYPE/ISSUER (\"28-NQ/TW\", \
not \"28/NQ/TW\" or \"28/NQ-TW\"). The fix writes the usual form."
);

rule!(
    STRAY_SPACE,
    "C0104",
    "stray-space",
    Shape,
    Warning,
    "space inside the number-symbol",
    "A number-symbol is written without spaces: \"12-CT/TW\", not \"12- CT/TW\"; \
\"02/2020/NĐ-CP\", not \"02/2020 /NĐ-CP\". Spaces break search and copy-paste. A line break \
inside a citation (common in text taken from PDF) is not a defect and is kept by the fix."
);

rule!(
    GLUED_SO,
    "C0105",
    "glued-so",
    Shape,
    Warning,
    "no space after \"số\"",
    "\"số\" (number) is a word of its own: \"Nghị định số 01/2019/NĐ-CP\", not \"số01/2019\". \
The fix inserts the space and changes nothing else."
);

rule!(
    TRUNCATED_SYMBOL,
    "C0106",
    "truncated-symbol",
    Shape,
    Warning,
    "the symbol stops short",
    "The symbol ends with a dangling separator (\"12 ĐA-\"): the issuer code is missing. When \
the same instrument is cited in full elsewhere in the document, or the issuer is written \
beside it (\"của UBND huyện\" gives \"ĐA-UBND\"), the fix completes it; check the completion, \
it is inferred."
);

rule!(
    ASCII_SYMBOL,
    "C0107",
    "ascii-symbol",
    Shape,
    Warning,
    "ASCII 'D' written for 'Đ' in the symbol",
    "Symbols are Vietnamese abbreviations: NĐ (nghị định), QĐ (quyết định), HĐND (hội đồng \
nhân dân), ĐA (đề án). \"ND-CP\" or \"QD-TTg\" (file-name style) is not how they are written in \
a document. The fix restores 'Đ'."
);

rule!(
    LOOKALIKE,
    "C0108",
    "lookalike-letter",
    Shape,
    Warning,
    "a lookalike letter in the symbol",
    "'Ð' (U+00D0, Latin capital eth, from some keyboards and fonts) looks like 'Đ' (U+0110) but \
is another letter: \"QÐ-UBND\" is not found by a search for \"QĐ-UBND\". The fix writes U+0110."
);

rule!(
    TYPE_WORD_TYPO,
    "C0109",
    "type-word-typo",
    Shape,
    Warning,
    "misspelled type of instrument",
    "The type of instrument (loại văn bản) is misspelled: \"Nghi định\" for \"Nghị định\", \
\"Kết luân\" for \"Kết luận\", \"Đè án\" for \"Đề án\". The fix writes the proper spelling and \
keeps the original's capitals (\"Quyết Định\" is capitalised, not misspelled, and is accepted)."
);

rule!(
    SO_TYPO,
    "C0110",
    "so-typo",
    Shape,
    Warning,
    "misspelled \"số\"",
    "\"só\" is written for \"số\" (number) before the number of the instrument (\"Nghị định só \
74/2015/NĐ-CP\"). The fix writes \"số\", keeping the original's capitals."
);

// ---- Consistency: whether the citation hangs together. ----

rule!(
    YEAR_DATE_MISMATCH,
    "C0201",
    "year-date-mismatch",
    Consistency,
    Warning,
    "the year in the number differs from the year of the date beside it",
    "A normative document's number carries the year it was issued (\"168/2018/NĐ-CP\" was \
issued in 2018), so the date written beside it (\"ngày 28/12/2018\") must fall in that year. \
One of the two is wrong; the registry or the original document tells which."
);

rule!(
    IMPOSSIBLE_DATE,
    "C0202",
    "impossible-date",
    Consistency,
    Error,
    "the date does not exist",
    "The date written beside the citation does not exist in the calendar (\"ngày 31/02/2019\", \
\"29/02/2023\"). The instrument's real issue date (ngày ban hành) must be looked up."
);

rule!(
    KIND_SYMBOL_MISMATCH,
    "C0203",
    "kind-symbol-mismatch",
    Consistency,
    Warning,
    "the type word does not match the symbol",
    "The type of instrument written before the number and the type code in the symbol must \
agree (Decree 30/2020/NĐ-CP, Appendix III): \"Nghị định\" goes with NĐ, \"Quyết định\" with QĐ, \
\"Nghị quyết\" with NQ, \"Chỉ thị\" with CT, \"Kế hoạch\" with KH. \"Nghị định ... QĐ-TTg\" cites \
a decision as a decree: one of them is wrong."
);

rule!(
    KIND_ISSUER_MISMATCH,
    "C0204",
    "kind-issuer-mismatch",
    Consistency,
    Warning,
    "this issuer does not issue this type of instrument",
    "Each authority issues its own types (Law 80/2015/QH13 Art. 4): the Government (Chính phủ) \
issues decrees (nghị định); the Prime Minister (Thủ tướng Chính phủ) issues decisions (quyết \
định) and directives (chỉ thị), not decrees; people's councils (HĐND) issue resolutions (nghị \
quyết); people's committees (UBND) issue decisions, plans and directives, not resolutions; \
ministers issue circulars (thông tư). A \"Nghị quyết ... của UBND\" or \"Nghị định ... của Thủ \
tướng\" names the wrong type or the wrong issuer."
);

rule!(
    CONFLICTING_DATES,
    "C0205",
    "conflicting-dates",
    Consistency,
    Warning,
    "the same instrument is cited with different dates",
    "The document cites the same number-symbol with two different issue dates. For numbers that \
carry their year (\"21/2019/NĐ-CP\") one date is wrong. Party and administrative numbers repeat \
across years and terms (28-NQ/TW of 2008 and of 2013 are different resolutions), so for them \
only dates within the same year are compared."
);

rule!(
    REGISTRY_MISSING_YEAR,
    "C0206",
    "registry-missing-year",
    Consistency,
    Warning,
    "the registry knows this instrument's number with its year",
    "The citation is well formed as an administrative number (\"62/QĐ-TTg\"), but the instrument \
it resolves to is a normative document numbered with its year (\"62/2011/QĐ-TTg\"). The fix \
writes the registry's number."
);

rule!(
    SUBJECT_MISMATCH,
    "C0207",
    "subject-mismatch",
    Consistency,
    Warning,
    "the subject cited does not match the registry's title for this number",
    "The subject written with the citation (\"về ...\", trích yếu) shares almost nothing with the \
registry's title for the instrument with that number: the number, or the subject, is wrong \
(e.g. \"Nghị định 01/2019/NĐ-CP ... động viên quốc phòng\": 01/2019/NĐ-CP is the decree on \
forest rangers, Kiểm lâm). When the registry knows an instrument on the cited subject it is \
named in a note; nothing is replaced automatically."
);

rule!(
    NO_SUCH_INSTRUMENT,
    "C0208",
    "no-such-instrument",
    Consistency,
    Warning,
    "the registry knows no instrument with this number",
    "The registry holds the series this number belongs to and has no instrument with it (\"Nghị \
định 02/2020/NĐ-CP ... phối hợp của Dân quân tự vệ\": the decree on militia coordination is \
133/2015/NĐ-CP). The citation must be checked against the original document."
);

rule!(
    REGISTRY_DATE_MISMATCH,
    "C0209",
    "registry-date-mismatch",
    Consistency,
    Warning,
    "the date written differs from the registry's issue date",
    "The date written beside a citation (\"ngày ban hành\") should be the instrument's issue \
date. When the registry knows the instrument by its number and holds another issue date \
(\"Nghị định số 74/2015/NĐ-CP ngày 19/6/2015\": the decree on phòng không nhân dân was issued \
on 09/9/2015), either the date or the number is wrong. The fix writes the registry's date; \
check the original before accepting it when the registry's source is not verified."
);

// ---- Time: whether what is cited holds at the date. ----

rule!(
    CITED_BEFORE_ISSUED,
    "C0301",
    "cited-before-issued",
    Time,
    Error,
    "cited instrument is dated after the citing document",
    "A document can only rest on (căn cứ) instruments issued before it. The cited date (or year) \
is later than the citing document's own date: one of the dates is wrong."
);

rule!(
    NO_LONGER_IN_FORCE,
    "C0302",
    "no-longer-in-force",
    Time,
    Warning,
    "cited instrument has expired or been replaced",
    "As of the date checked (the document's own date unless --as-of is given), the instrument is \
no longer in force (hết hiệu lực) or has been replaced (bị thay thế). The chain of replacements \
is followed to the instrument in force, which should be cited instead."
);

rule!(
    SUPERSEDED,
    "C0303",
    "superseded",
    Time,
    Warning,
    "cited instrument has been superseded by a newer one on the same subject",
    "A newer instrument on the same subject has taken the cited one's place (for Party documents, \
a new resolution of a later term, e.g. Nghị quyết 44-NQ/TW of 24/11/2023 on the strategy to \
defend the Fatherland after 28-NQ/TW of 25/10/2013), even where no formal replacement clause is \
known. Cite the newer one, or both if the older is still meant."
);

rule!(
    PARTLY_EXPIRED,
    "C0304",
    "partly-expired",
    Time,
    Note,
    "cited instrument is partly expired",
    "Part of the instrument has expired (hết hiệu lực một phần) as of the date checked; check \
that the provisions relied on are still in force and cite the amending instrument too."
);

rule!(
    NOT_YET_IN_FORCE,
    "C0305",
    "not-yet-in-force",
    Time,
    Warning,
    "cited instrument was not yet in force at the date checked",
    "The instrument's effective date (ngày có hiệu lực) is after the date checked. A plan may \
prepare for it, but cannot yet rest on it."
);

rule!(
    STALE_ANNUAL,
    "C0306",
    "stale-annual",
    Time,
    Warning,
    "an earlier year's instrument is cited where this year's exists",
    "Recurring instruments (the annual directive or plan of a Party committee or people's \
committee, \"... năm 2022\") are replaced each year by the next. The document cites an earlier \
year's one while the same issuer's instrument for the document's year exists (the seed cites \
the district's 14-CT/HU of 2022 beside its 26-CT/HU of 2024)."
);

rule!(
    ISSUER_ABOLISHED,
    "C0307",
    "issuer-abolished",
    Time,
    Warning,
    "the issuer no longer exists at the date checked",
    "From 01/7/2025 the district level of administration ended (Resolution 203/2025/QH15): the \
district people's committee (UBND huyện), council (HĐND huyện) and Party committee (Huyện ủy, \
symbol code HU) no longer issue documents, and the legal status of their documents still cited \
must be checked case by case. A document dated after that day cannot have been issued by them."
);

// ---- Unknown: what the registry cannot tell. ----

rule!(
    UNRESOLVED,
    "C0401",
    "unresolved",
    Unknown,
    Note,
    "the registry cannot resolve this citation",
    "No instrument in the registry matches this citation, so nothing could be checked about its \
status or subject. It is reported so that it is never silently passed; nothing is guessed. Add \
the instrument to the registry (corpus/) with its source to have it checked."
);

rule!(
    AMBIGUOUS,
    "C0402",
    "ambiguous",
    Unknown,
    Note,
    "several instruments match this citation",
    "Party and administrative numbers repeat across years, terms and issuers; without a date, \
issuer or subject that tells them apart the citation matches several instruments. Write the \
date (\"ngày 25/10/2013\") to make it unambiguous."
);

/// Every rule, by code.
pub const ALL: &[Rule] = &[
    MISSING_YEAR,
    MISSING_SEPARATOR,
    WRONG_SEPARATOR,
    STRAY_SPACE,
    GLUED_SO,
    TRUNCATED_SYMBOL,
    ASCII_SYMBOL,
    LOOKALIKE,
    TYPE_WORD_TYPO,
    SO_TYPO,
    YEAR_DATE_MISMATCH,
    IMPOSSIBLE_DATE,
    KIND_SYMBOL_MISMATCH,
    KIND_ISSUER_MISMATCH,
    CONFLICTING_DATES,
    REGISTRY_MISSING_YEAR,
    SUBJECT_MISMATCH,
    NO_SUCH_INSTRUMENT,
    REGISTRY_DATE_MISMATCH,
    CITED_BEFORE_ISSUED,
    NO_LONGER_IN_FORCE,
    SUPERSEDED,
    PARTLY_EXPIRED,
    NOT_YET_IN_FORCE,
    STALE_ANNUAL,
    ISSUER_ABOLISHED,
    UNRESOLVED,
    AMBIGUOUS,
];

/// A rule by code ("C0101", case-insensitive).
pub fn by_code(code: &str) -> Option<&'static Rule> {
    ALL.iter()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
}

/// The `--explain` text of a rule.
pub fn explain(r: &Rule) -> String {
    format!(
        "{} ({}, {} by default, {})\n\n{}\n\n{}\n",
        r.code,
        r.name,
        r.severity.as_str(),
        r.category.as_str(),
        r.summary,
        r.explanation
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_match_their_category() {
        for (i, r) in ALL.iter().enumerate() {
            assert!(
                ALL[i + 1..]
                    .iter()
                    .all(|o| o.code != r.code && o.name != r.name),
                "{}",
                r.code
            );
            let prefix = match r.category {
                Category::Shape => "C01",
                Category::Consistency => "C02",
                Category::Time => "C03",
                Category::Unknown => "C04",
            };
            assert!(r.code.starts_with(prefix), "{}", r.code);
            assert!(
                !r.summary.is_empty() && r.explanation.len() > 80,
                "{}",
                r.code
            );
        }
        assert_eq!(by_code("c0101").map(|r| r.name), Some("missing-year"));
        assert!(by_code("C9999").is_none());
    }
}
