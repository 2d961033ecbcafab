//! The catalogue of rules: each with a stable code, a name, a category and a default
//! severity. Their summaries and explanations (`cancu check --explain CODE`), in
//! Vietnamese and English, are in the message catalogue ([`crate::messages`]).
//! Codes never change meaning; a retired rule keeps its code unused.
//!
//! Only descriptions live here; the checks are in `shape`, `consistency`, `time`, `unknown`.

use crate::diag::{Category, RuleDoc, Severity};
use crate::messages::{self, Lang};

/// One rule's description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// Whether the text a fix of this rule writes is a citation the extractor reads, and so
    /// is read again before the fix is offered (false for a technical regulation's code,
    /// "QCVN 01:2008/BLĐTBXH", which is no citation).
    pub reads_back: bool,
}

macro_rules! rule {
    ($id:ident, $code:literal, $name:literal, $cat:ident, $sev:ident) => {
        rule!($id, $code, $name, $cat, $sev, true);
    };
    ($id:ident, $code:literal, $name:literal, $cat:ident, $sev:ident, $back:literal) => {
        pub const $id: Rule = Rule {
            code: $code,
            name: $name,
            category: Category::$cat,
            severity: Severity::$sev,
            reads_back: $back,
        };
    };
}

/// Whether fixes of the rule `code` are read again as a citation (an unknown code: yes).
pub fn reads_back(code: &str) -> bool {
    by_code(code).is_none_or(|r| r.reads_back)
}

rule!(MISSING_YEAR, "C0101", "missing-year", Shape, Warning);
rule!(
    MISSING_SEPARATOR,
    "C0102",
    "missing-separator",
    Shape,
    Warning
);
rule!(WRONG_SEPARATOR, "C0103", "wrong-separator", Shape, Warning);
rule!(STRAY_SPACE, "C0104", "stray-space", Shape, Warning);
rule!(GLUED_SO, "C0105", "glued-so", Shape, Warning);
rule!(
    TRUNCATED_SYMBOL,
    "C0106",
    "truncated-symbol",
    Shape,
    Warning
);
rule!(ASCII_SYMBOL, "C0107", "ascii-symbol", Shape, Warning);
rule!(LOOKALIKE, "C0108", "lookalike-letter", Shape, Warning);
rule!(TYPE_WORD_TYPO, "C0109", "type-word-typo", Shape, Warning);
rule!(SO_TYPO, "C0110", "so-typo", Shape, Warning);
rule!(
    ASSEMBLY_TRUNCATED,
    "C0111",
    "assembly-symbol-truncated",
    Shape,
    Warning
);
rule!(MISSING_HYPHEN, "C0112", "missing-hyphen", Shape, Warning);
rule!(TRUNCATED_YEAR, "C0113", "truncated-year", Shape, Warning);
rule!(
    ISSUER_CODE_TYPO,
    "C0114",
    "issuer-code-typo",
    Shape,
    Warning
);
rule!(
    REGULATION_CODE,
    "C0116",
    "technical-regulation-code",
    Shape,
    Warning,
    false
);
rule!(
    ASSEMBLY_TYPE_CODE,
    "C0115",
    "assembly-symbol-type-code",
    Shape,
    Warning
);
rule!(
    YEAR_DATE_MISMATCH,
    "C0201",
    "year-date-mismatch",
    Consistency,
    Warning
);
rule!(
    IMPOSSIBLE_DATE,
    "C0202",
    "impossible-date",
    Consistency,
    Error
);
rule!(
    KIND_SYMBOL_MISMATCH,
    "C0203",
    "kind-symbol-mismatch",
    Consistency,
    Warning
);
rule!(
    KIND_ISSUER_MISMATCH,
    "C0204",
    "kind-issuer-mismatch",
    Consistency,
    Warning
);
rule!(
    CONFLICTING_DATES,
    "C0205",
    "conflicting-dates",
    Consistency,
    Warning
);
rule!(
    REGISTRY_MISSING_YEAR,
    "C0206",
    "registry-missing-year",
    Consistency,
    Warning
);
rule!(
    SUBJECT_MISMATCH,
    "C0207",
    "subject-mismatch",
    Consistency,
    Warning
);
// C0208 ("no-such-instrument") is retired and never reused: no registry source states that
// it holds a series completely, so the rule could only fire through a test's fake.
rule!(
    REGISTRY_DATE_MISMATCH,
    "C0209",
    "registry-date-mismatch",
    Consistency,
    Warning
);
rule!(
    ASSEMBLY_TERM,
    "C0210",
    "assembly-term-mismatch",
    Consistency,
    Warning
);
rule!(
    MALFORMED_DATE,
    "C0211",
    "malformed-date",
    Consistency,
    Warning
);
rule!(
    INCONSISTENT_SYMBOL,
    "C0212",
    "inconsistent-symbol",
    Consistency,
    Warning
);
rule!(
    REPEATED_DATE,
    "C0213",
    "repeated-date",
    Consistency,
    Warning
);
rule!(
    LAW_DATE_MISMATCH,
    "C0214",
    "law-date-mismatch",
    Consistency,
    Warning
);
rule!(
    CITED_BEFORE_ISSUED,
    "C0301",
    "cited-before-issued",
    Time,
    Error
);
rule!(
    NO_LONGER_IN_FORCE,
    "C0302",
    "no-longer-in-force",
    Time,
    Warning
);
rule!(SUPERSEDED, "C0303", "superseded", Time, Warning);
rule!(PARTLY_EXPIRED, "C0304", "partly-expired", Time, Note);
rule!(NOT_YET_IN_FORCE, "C0305", "not-yet-in-force", Time, Note);
rule!(STALE_ANNUAL, "C0306", "stale-annual", Time, Warning);
rule!(ISSUER_ABOLISHED, "C0307", "issuer-abolished", Time, Warning);
rule!(UNRESOLVED, "C0401", "unresolved", Unknown, Note);
rule!(AMBIGUOUS, "C0402", "ambiguous", Unknown, Note);

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
    ASSEMBLY_TRUNCATED,
    MISSING_HYPHEN,
    TRUNCATED_YEAR,
    ISSUER_CODE_TYPO,
    ASSEMBLY_TYPE_CODE,
    REGULATION_CODE,
    YEAR_DATE_MISMATCH,
    IMPOSSIBLE_DATE,
    KIND_SYMBOL_MISMATCH,
    KIND_ISSUER_MISMATCH,
    CONFLICTING_DATES,
    REGISTRY_MISSING_YEAR,
    SUBJECT_MISMATCH,
    REGISTRY_DATE_MISMATCH,
    ASSEMBLY_TERM,
    MALFORMED_DATE,
    INCONSISTENT_SYMBOL,
    REPEATED_DATE,
    LAW_DATE_MISMATCH,
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

/// A rule's summary in `lang`.
pub fn summary(r: &Rule, lang: Lang) -> &'static str {
    messages::rule_text(r.code).map_or("", |t| t.summary.get(lang))
}

/// The `--explain` page of a rule: what, why, an example, and how safe its fix is.
pub fn explain(r: &Rule, lang: Lang) -> String {
    let Some(t) = messages::rule_text(r.code) else {
        return format!("{} ({})\n", r.code, r.name);
    };
    let sev = messages::severity(lang, r.severity);
    // The rules on a citation's status say which contexts they leave alone.
    let moot = if STATUS_RULES.contains(&r.code) {
        format!("\n\n{}", messages::s(lang, &messages::X_STATUS_MOOT))
    } else {
        String::new()
    };
    format!(
        "{} ({}, {})\n\n{}\n\n{}{}\n\n{}\n",
        r.code,
        r.name,
        messages::tr(lang, &messages::X_DEFAULT, &[&sev, &r.category.as_str()]),
        t.summary.get(lang),
        t.explanation.get(lang),
        moot,
        messages::tr(lang, &messages::X_FIX, &[&t.fix.text(lang)])
    )
}

/// The rules on a citation's status, silent where it does not matter
/// ([`super::context::moot`]).
const STATUS_RULES: &[&str] = &["C0302", "C0303", "C0304", "C0305", "C0306", "C0307"];

/// Every rule as SARIF needs it, in `lang`.
pub fn docs(lang: Lang) -> Vec<RuleDoc> {
    ALL.iter()
        .map(|r| {
            let t = messages::rule_text(r.code);
            RuleDoc {
                code: r.code,
                name: r.name,
                summary: t.map_or("", |t| t.summary.get(lang)),
                explanation: t.map_or("", |t| t.explanation.get(lang)),
                severity: r.severity,
                category: r.category,
            }
        })
        .collect()
}

/// Which rules run, as in ruff: `select` (empty: all) minus `ignore`. Each entry is a code
/// ("C0205"), a code prefix ("C01"), a group (shape, consistency, time, unknown), a rule's
/// name ("conflicting-dates") or "ALL".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// Whether a selector names a rule.
pub fn selects(selector: &str, r: &Rule) -> bool {
    let s = selector.trim();
    s.eq_ignore_ascii_case("all")
        || (s.len() >= 2 && r.code.len() >= s.len() && r.code[..s.len()].eq_ignore_ascii_case(s))
        || s.eq_ignore_ascii_case(r.category.as_str())
        || s.eq_ignore_ascii_case(r.name)
}

/// Whether a selector names any rule (to reject typos).
pub fn known_selector(selector: &str) -> bool {
    ALL.iter().any(|r| selects(selector, r))
}

impl Selection {
    /// Whether the rule of `code` runs.
    pub fn allows(&self, code: &str) -> bool {
        let Some(r) = by_code(code) else {
            return true;
        };
        (self.select.is_empty() || self.select.iter().any(|s| selects(s, r)))
            && !self.ignore.iter().any(|s| selects(s, r))
    }
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
            assert!(!summary(r, Lang::Vi).is_empty(), "{}", r.code);
            assert!(explain(r, Lang::En).len() > 80, "{}", r.code);
        }
        assert_eq!(by_code("c0101").map(|r| r.name), Some("missing-year"));
        assert!(by_code("C9999").is_none());
    }

    #[test]
    fn selection_by_code_prefix_group_and_name() {
        let sel = |select: &[&str], ignore: &[&str]| Selection {
            select: select.iter().map(|s| s.to_string()).collect(),
            ignore: ignore.iter().map(|s| s.to_string()).collect(),
        };
        // (selection, code, runs)
        let rows = [
            (sel(&[], &[]), "C0205", true),
            (sel(&["shape"], &[]), "C0205", false),
            (sel(&["shape"], &[]), "C0104", true),
            (sel(&["C02"], &["C0205"]), "C0201", true),
            (sel(&["C02"], &["C0205"]), "C0205", false),
            (sel(&["ALL"], &["time"]), "C0305", false),
            (sel(&[], &["conflicting-dates"]), "C0205", false),
            (sel(&["c0104"], &[]), "C0104", true),
            (sel(&["C"], &[]), "C0104", false),
        ];
        for (s, code, want) in rows {
            assert_eq!(s.allows(code), want, "{s:?} {code}");
        }
        assert!(known_selector("time") && known_selector("C03") && !known_selector("C9"));
    }
}
