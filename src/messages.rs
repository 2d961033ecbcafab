//! The message catalogue: every user-facing text of the commands (diagnostic messages,
//! labels, notes, rule summaries and `--explain` pages, severities, summaries, the readable
//! output of the lookups, statuses and relations),
//! in Vietnamese (the default) and English, in ONE place that the CLI and the web both use.
//!
//! A message is a [`Msg`]: a Vietnamese and an English template with numbered holes
//! (`{0}`, `{1}` ...) filled by [`tr`]. Rules' texts are [`RuleText`]s, looked up by code
//! with [`rule_text`]. Tests check that every message and every rule has both languages,
//! with the same holes. No I/O; [`Lang::from_env`] only reads a value it is given.

use std::fmt::Display;

pub mod help;

/// The language of user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese, the default: the users are Vietnamese officers.
    #[default]
    Vi,
    En,
}

impl Lang {
    /// "vi", "en", "en_US.UTF-8", "vi-VN" ...; None for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("vi") {
            Some(Lang::Vi)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the value of `LANG` (or `LC_ALL`): English only when it says English,
    /// Vietnamese otherwise ("C", "POSIX" and unset included).
    pub fn from_env(value: Option<&str>) -> Lang {
        match value.and_then(Lang::parse) {
            Some(Lang::En) => Lang::En,
            _ => Lang::Vi,
        }
    }
}

/// One message in both languages, with holes `{0}`, `{1}` ...
#[derive(Debug, Clone, Copy)]
pub struct Msg {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Msg {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// The message in `lang` with its holes filled (a hole without an argument stays as is).
pub fn tr(lang: Lang, m: &Msg, args: &[&dyn Display]) -> String {
    let t = m.get(lang);
    let mut out = String::with_capacity(t.len() + 16);
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let close = after.find('}');
        let n = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (n, close) {
            (Some(n), Some(c)) if n < args.len() => {
                out.push_str(&args[n].to_string());
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A message without holes, in `lang`.
pub fn s(lang: Lang, m: &Msg) -> String {
    m.get(lang).to_string()
}

macro_rules! messages {
    ($($id:ident = $vi:literal, $en:literal;)*) => {
        $(pub const $id: Msg = Msg { vi: $vi, en: $en };)*
        /// Every message, by name (for the completeness test).
        pub const ALL: &[(&str, Msg)] = &[$((stringify!($id), $id)),*];
    };
}

messages! {
    // ---- Severities and summaries. ----
    SEV_ERROR = "lỗi", "error";
    SEV_WARNING = "cảnh báo", "warning";
    SEV_NOTE = "lưu ý", "note";
    SEV_HELP = "gợi ý", "help";
    NOTE_WORD = "lưu ý", "note";
    SUMMARY = "{0} lỗi, {1} cảnh báo, {2} lưu ý, {3} gợi ý trong {4} tệp",
        "{0} errors, {1} warnings, {2} notes, {3} helps in {4} files";
    UNRESOLVED_SUMMARY = "{0} trích dẫn chưa tra được trong cơ sở dữ liệu văn bản (--show-notes để liệt kê): {1}",
        "{0} citations not found in the registry (--show-notes lists them): {1}";
    NO_REGISTRY = "không có cơ sở dữ liệu văn bản: bỏ qua các quy tắc dựa vào nó (C0206-C0209, C0302-C0305, C04xx)",
        "no instrument registry: the registry-driven rules (C0206-C0209, C0302-C0305, C04xx) are skipped";
    AS_OF_LATEST = "{0}: phần đầu văn bản không ghi ngày hay năm; xét tại ngày {1}, ngày muộn nhất được viện dẫn (chọn ngày khác bằng --as-of)",
        "{0}: no date or year in its header; judged as of {1}, the latest date it cites (use --as-of to choose)";
    ALSO = "cùng chỗ này: {0} ({1})", "also {0} ({1})";
    WRITE = "viết \"{0}\"", "write \"{0}\"";

    // ---- Shape. ----
    M_MISSING_YEAR = "số hiệu thiếu năm ban hành: \"{0}\"", "number written without its year: \"{0}\"";
    M_TRUNCATED = "ký hiệu bị thiếu phần cuối: \"{0}\"", "the symbol stops short: \"{0}\"";
    M_MISSING_SEP = "thiếu dấu phân cách trong số, ký hiệu: \"{0}\"", "separator missing in the number-symbol: \"{0}\"";
    M_WRONG_SEP = "sai dấu phân cách trong số, ký hiệu: \"{0}\"", "wrong separator in the number-symbol: \"{0}\"";
    M_STRAY_SPACE = "có khoảng trắng thừa trong số, ký hiệu: \"{0}\"", "space inside the number-symbol: \"{0}\"";
    M_ASCII = "viết chữ \"D\" thay cho \"Đ\" trong ký hiệu: \"{0}\"", "ASCII 'D' written for 'Đ' in the symbol: \"{0}\"";
    M_LOOKALIKE = "ký hiệu có chữ trông giống nhưng là chữ khác: \"{0}\"", "a lookalike letter in the symbol: \"{0}\"";
    D_TRUNCATED = "ký hiệu bị thiếu phần cuối", "the symbol stops short";
    D_MISSING_YEAR = "số hiệu thiếu năm ban hành", "the year is missing from the number";
    D_WRONG_SEP = "sai dấu phân cách", "a separator is wrong";
    D_MISSING_SEP = "thiếu dấu phân cách", "a separator is missing";
    D_STRAY_SPACE = "có khoảng trắng thừa", "there are spaces inside it";
    D_ASCII = "viết \"D\" thay cho \"Đ\"", "ASCII 'D' is written for 'Đ'";
    D_LOOKALIKE = "chữ \"Ð\" (U+00D0) thay cho \"Đ\" (U+0110)", "'Ð' (U+00D0) is written for 'Đ' (U+0110)";
    N_YEAR_UNKNOWN = "không ghi năm và không có ngày ban hành kèm theo để biết năm; cần tra cứu",
        "the year is not written and no date beside the citation gives it; look it up";
    N_INFERRED = "phần bị thiếu được suy ra (từ lần viện dẫn khác trong văn bản này hoặc từ cơ quan ban hành): cần kiểm tra lại",
        "the missing part is inferred (from another citation of it in this document, or from its issuer): check it";
    M_TYPE_TYPO = "sai chính tả tên loại văn bản: \"{0}\" thay cho \"{1}\"", "misspelled type of instrument: \"{0}\" for \"{1}\"";
    M_SO_TYPO = "viết \"{0}\" thay cho \"số\"", "\"{0}\" written for \"số\"";
    M_GLUED = "thiếu khoảng trắng sau \"số\": \"{0}\"", "no space after \"số\": \"{0}\"";
    N_GLUED_TOO = "và thiếu khoảng trắng sau đó ({0})", "also no space after it ({0})";
    M_LOOKALIKE_SCRIPT = "ký hiệu \"{0}\" có chữ của bảng chữ cái khác ({1}): viết \"{2}\"",
        "the symbol \"{0}\" has letters of another script ({1}): write \"{2}\"";
    M_O_FOR_Q = "ký hiệu Quốc hội viết chữ \"O\" thay cho \"Q\": \"{0}\"", "Latin 'O' written for 'Q' in the National Assembly symbol: \"{0}\"";
    M_ASSEMBLY_TRUNCATED = "ký hiệu Quốc hội bị cắt cụt: \"{0}\" (khóa Quốc hội có hai chữ số)",
        "truncated National Assembly symbol: \"{0}\" (the term has two digits)";
    N_TERM_OF_YEAR = "năm {0} thuộc Quốc hội khóa {1}", "{0} falls in the term of the {1}th National Assembly";
    M_MISSING_HYPHEN = "thiếu dấu gạch nối trong ký hiệu: \"{0}\"", "hyphen missing inside the symbol: \"{0}\"";
    M_TRUNCATED_YEAR = "năm trong số hiệu bị thiếu chữ số: \"{0}\"", "truncated year in the number: \"{0}\"";
    N_YEAR_FROM_DATE = "năm lấy từ ngày ban hành ghi kèm ({0})", "the year comes from the date written beside it ({0})";

    // ---- Consistency. ----
    M_YEAR_DATE = "{0} ghi ngày {1}, khác năm trong số hiệu", "{0} is dated {1}, in another year";
    L_NUMBER_SAYS = "số hiệu ghi năm {0}", "the number says {0}";
    L_DATE_SAYS = "ngày ghi năm {0}", "the date says {0}";
    M_IMPOSSIBLE = "ngày \"{0}\" không tồn tại", "the date \"{0}\" does not exist";
    L_NO_SUCH_DAY = "không có ngày này", "no such day";
    M_MALFORMED_DATE = "ngày tháng viết sai: \"{0}\"", "malformed date: \"{0}\"";
    L_MONTH_WORD = "viết \"tháng\"", "write \"tháng\"";
    L_YEAR_DIGITS = "năm có {0} chữ số", "a year of {0} digits";
    L_YEAR_WORD = "viết \"năm\"", "write \"năm\"";
    L_NO_MONTH = "thiếu tháng", "the month is missing";
    N_YEAR_ELSEWHERE = "văn bản ghi cùng ngày, tháng này với năm {0} ở chỗ khác", "the document gives this day and month the year {0} elsewhere";
    M_REPEATED_DATE = "ngày viết hai lần liền nhau: \"{0}\"", "the date is written twice in a row: \"{0}\"";
    L_REPEATED_DATE = "bỏ ngày viết lặp", "remove the repeated date";
    M_LAW_DATE = "{0} ghi ngày {1}: không có văn bản nào mang tên này được thông qua ngày đó", "{0} is dated {1}: nothing of this name was passed on that day";
    L_LAW_PASSED = "{0} được thông qua ngày {1}", "{0} was passed on {1}";
    N_LAW_VERSIONS = "các luật mang tên này trong cơ sở dữ liệu: {0}", "the laws of this name the registry knows: {0}";
    M_KIND_SYMBOL = "viện dẫn là \"{0}\" nhưng ký hiệu {1} là của \"{2}\"",
        "cited as a \"{0}\" but the symbol {1} is that of a \"{2}\"";
    L_CODE_IS = "{0} là \"{1}\"", "{0} is \"{1}\"";
    M_KIND_ISSUER = "\"{0}\" của {1}", "a \"{0}\" of {1}";
    L_ISSUED_BY = "cơ quan ban hành", "issued by";
    L_ISSUER_CODE = "mã cơ quan ban hành", "issuer code";
    N_UBND_RESOLUTION = "Ủy ban nhân dân ban hành quyết định, không ban hành nghị quyết; nghị quyết do Hội đồng nhân dân ban hành",
        "people's committees (UBND) issue decisions, not resolutions; resolutions come from the people's council (HĐND)";
    N_TTG_DECREE = "nghị định do Chính phủ ban hành, không phải Thủ tướng Chính phủ (Thủ tướng ban hành quyết định)",
        "decrees are issued by the Government (Chính phủ), not the Prime Minister, who issues decisions";
    N_LOCAL_DECREE = "nghị định chỉ do Chính phủ ban hành", "decrees are issued by the Government (Chính phủ) only";
    M_CONFLICT = "{0} ghi ngày {1} ở đây nhưng ghi ngày {2} ở {3} chỗ khác trong văn bản (dòng {4})",
        "{0} is dated {1} here but {2} in {3} other places of this document (line {4})";
    M_CONFLICT_TWO = "{0} ghi ngày {1} ở đây nhưng ngày {2} ở dòng {3}", "{0} is dated {1} here but {2} on line {3}";
    L_HERE = "{0} ở đây", "{0} here";
    M_ISSUER_TYPO = "mã cơ quan ban hành trong \"{0}\" viết sai: \"{1}\" khác một chữ so với mã \"{2}\"", "the issuer code in \"{0}\" is misspelled: \"{1}\" is one letter off \"{2}\"";
    N_ISSUER_TYPO = "mã cơ quan \"{0}\" có lẽ là \"{1}\" ({2})", "the issuer code \"{0}\" is probably \"{1}\" ({2})";
    M_ASSEMBLY_TYPE_CODE = "số, ký hiệu \"{0}\" của Quốc hội, Ủy ban Thường vụ Quốc hội không có mã loại văn bản: viết \"{1}\"", "the National Assembly's or its Standing Committee's number-symbol \"{0}\" takes no type code: write \"{1}\"";
    M_SYMBOL_CONFLICT = "{0} ở đây nhưng {1} ở dòng {2}: cùng số và năm, khác mã cơ quan", "{0} here but {1} on line {2}: same number and year, another issuer code";
    N_SYMBOL_MAJORITY = "văn bản ghi {0} ở {1} chỗ", "the document writes {0} in {1} places";
    M_REGULATION_CODE = "ký hiệu quy chuẩn kỹ thuật \"{0}\" viết sai: viết \"{1}\"", "the technical regulation's code \"{0}\" is miswritten: write \"{1}\"";
    M_GLUED_DAY = "thiếu khoảng trắng sau \"ngày\": \"{0}\"", "no space after \"ngày\": \"{0}\"";
    N_CONFLICT_REGISTRY = "cơ sở dữ liệu ghi ngày ban hành {0}", "the registry's issue date is {0}";
    N_CONFLICT_UNDECIDED = "không rõ ngày nào đúng: cần đối chiếu bản gốc", "which date is right cannot be told: check the original";
    N_CONFLICT_YEAR = "số hiệu mang năm {0}: ngày {1} mới khớp", "the number carries {0}: only {1} agrees with it";
    M_REG_MISSING_YEAR = "\"{0}\" là văn bản quy phạm {1}: số hiệu có năm ban hành", "\"{0}\" is the normative {1}: its number carries the year";
    M_SUBJECT = "trích yếu không khớp với {0}", "the subject cited does not match {0}";
    L_THIS_SUBJECT = "trích yếu này", "this subject";
    L_IS_ABOUT = "{0} là văn bản về {1}", "{0} is about {1}";
    N_REG_TITLE = "tên văn bản {0} trong cơ sở dữ liệu: \"{1}\"", "the registry's title of {0}: \"{1}\"";
    N_ON_SUBJECT = "văn bản trong cơ sở dữ liệu về nội dung này: {0}", "the registry's instrument on this subject: {0}";
    M_REG_DATE = "{0} ghi ngày {1} ở đây; cơ sở dữ liệu ghi ngày {2}", "{0} is dated {1} here; the registry has {2}";
    L_REGISTRY_SAYS = "theo cơ sở dữ liệu: {0}", "the registry: {0}";
    M_ASSEMBLY_TERM = "{0}: Quốc hội khóa {1} ({2}) không thể ban hành văn bản năm {3}",
        "{0}: the {1}th National Assembly ({2}) cannot have issued it in {3}";

    // ---- Time. ----
    M_CITED_BEFORE = "{0} ({1}) có ngày sau ngày của văn bản này ({2})", "{0} ({1}) is later than this document ({2})";
    L_AFTER_DOC = "sau ngày của văn bản này", "after this document's date";
    M_OWN_DATE = "văn bản tự dẫn số hiệu của mình ({0}) với ngày {1}, nhưng phần đầu văn bản ghi ngày {2}",
        "this document cites its own number ({0}) dated {1}, but its header says {2}";
    M_NOT_YET = "{0} có hiệu lực từ ngày {1}, sau ngày {2}: văn bản chưa có hiệu lực", "{0} takes effect on {1}, after {2}: not yet in force";
    L_NOT_YET = "chưa có hiệu lực", "not yet in force";
    M_PARTLY = "{0} đã hết hiệu lực một phần{1} (tại ngày {2})", "{0} is partly expired{1} (as of {2})";
    L_PARTLY = "hết hiệu lực một phần", "partly expired";
    M_EXPIRED = "{0} đã hết hiệu lực{1} (tại ngày {2})", "{0} is no longer in force{1} (as of {2})";
    M_REPLACED = "{0} đã bị thay thế{1} (tại ngày {2})", "{0} has been replaced{1} (as of {2})";
    L_EXPIRED = "hết hiệu lực", "no longer in force";
    L_REPLACED = "đã bị thay thế", "replaced";
    M_SUPERSEDED = "{0} đã bị thay thế bởi văn bản mới cùng nội dung{1} (tại ngày {2})", "{0} has been superseded{1} (as of {2})";
    L_SUPERSEDED = "đã có văn bản mới thay thế", "superseded";
    ON_DATE = " từ ngày {0}", " on {0}";
    OF_DATE = "{0} ngày {1}", "{0} of {1}";
    DATE_SUFFIX = " ngày {0}", " of {0}";
    N_REPLACED_BY = "bị thay thế bởi {0}", "replaced by {0}";
    N_SUPERSEDED_BY = "được thay bằng {0}", "superseded by {0}";
    N_PARTLY_BY = "hết hiệu lực một phần do {0}", "partly ended by {0}";
    N_ENDED_BY = "hết hiệu lực do {0}", "ended by {0}";
    N_UNVERIFIED = "nguồn của thông tin này trong cơ sở dữ liệu chưa được kiểm chứng", "the registry's source for this is not verified";
    N_CHAIN = "chuỗi thay thế: {0} → {1}", "chain of replacements: {0} → {1}";
    N_CITE_INSTEAD = "văn bản còn hiệu lực tại ngày {0}: {1}{2}; nên viện dẫn văn bản này", "in force as of {0}: {1}{2}; cite it instead";
    N_CHAIN_ENDS = "{0} cũng không còn hiệu lực; chuỗi thay thế dừng ở đây", "{0} is not in force either; the chain ends there";
    M_STALE_DOC = "{0} là {1} năm {2}; văn bản này cũng viện dẫn {3}{4}", "{0} is the {2} {1}; this document also cites {3}{4}";
    L_OF_YEAR = "năm {0}", "of {0}";
    OF_YEAR_SUFFIX = " năm {0}", " of {0}";
    N_CITE_NEWER = "nên viện dẫn {0}{1}, trừ khi văn bản năm {2} là đúng ý", "cite {0}{1} instead, unless the {2} one is meant";
    M_STALE_SERIES = "{0} là văn bản năm {1} của một loạt văn bản hằng năm; đã có {2} năm {3}", "{0} is the {1} instrument of a yearly series; {2} is of {3}";
    N_CITE_NEWER_SERIES = "nên viện dẫn {0}, trừ khi văn bản năm {1} là đúng ý", "cite {0} instead, unless the {1} one is meant";
    M_ISSUER_AFTER = "{0} có ngày sau {1}, khi {2} không còn tồn tại", "{0} is dated after {1}, when {2} no longer existed";
    L_ISSUER_GONE_THEN = "cơ quan ban hành đã không còn", "issuer no longer existed";
    M_ISSUER_GONE = "{0}, cơ quan ban hành {1}, không còn tồn tại tại ngày {2}", "{0}, the issuer of {1}, no longer exists as of {2}";
    L_ISSUER_GONE = "cơ quan ban hành không còn", "issuer no longer exists";
    N_CEASED = "{0} chấm dứt hoạt động từ ngày {1} (tổ chức chính quyền địa phương hai cấp; nguồn trong corpus/registry/issuers.toml); hiệu lực của văn bản do cơ quan này ban hành cần xem xét từng trường hợp",
        "{0} ceased on {1} (the reform of the two-tier local government; sources in corpus/registry/issuers.toml); whether its documents still apply is to be checked case by case";

    // ---- Unknown. ----
    M_UNRESOLVED = "chưa tra được {0} trong cơ sở dữ liệu", "{0} is not in the registry";
    L_UNRESOLVED = "chưa tra được", "unresolved";
    N_REGISTRY_HAS = "cơ sở dữ liệu có về nội dung này: {0}; cần đối chiếu bản gốc", "the registry has on this subject: {0}; check the original";
    M_AMBIGUOUS = "{0} khớp với {1} văn bản", "{0} matches {1} instruments";
    L_WHICH = "văn bản nào?", "which one?";
    N_CANDIDATES = "các văn bản có thể: {0}", "candidates: {0}";

    // ---- Report. ----
    R_PLAN = "  {0} trích dẫn, tra được {1} ({2}%); phát hiện: {3} thể thức, {4} thống nhất, {5} hiệu lực ({6} lỗi, {7} cảnh báo, {8} lưu ý)",
        "  {0} citations, {1} resolved ({2}%); findings: {3} shape, {4} consistency, {5} time ({6} errors, {7} warnings, {8} notes)";
    R_UNRESOLVED = "    chưa tra được {0}", "    unresolved {0}";
    R_TOTAL = "{0} kế hoạch, {1} trích dẫn, tra được {2} ({3}%); {4} thể thức, {5} thống nhất, {6} hiệu lực.",
        "{0} plans, {1} citations, {2} resolved ({3}%); {4} shape, {5} consistency, {6} time findings.";
    R_HINT = "Chi tiết và cách sửa: cancu check ĐƯỜNG_DẪN; văn bản nào viện dẫn: cancu cites \"Luật DQTV\"; tìm kiếm: cancu search \"dan quan tu ve\".",
        "Details with fixes: cancu check PATH; who cites what: cancu cites \"Luật DQTV\"; search: cancu search \"dan quan tu ve\".";

    // ---- Explain pages. ----
    X_DEFAULT = "mặc định: {0}, nhóm {1}", "{0} by default, {1}";
    X_FIX = "Sửa tự động: {0}", "Fix: {0}";
    X_STATUS_MOOT = "Không xét khi hiệu lực của văn bản được viện dẫn không quan trọng ở chỗ đó (cụm từ trong corpus/check.toml): văn bản được nêu là văn bản sửa đổi trong chuỗi \"… được sửa đổi, bổ sung bởi Luật số …, Luật số … và Luật số …\" (phần sửa đổi đã nhập vào văn bản được sửa đổi); câu nêu văn bản hết hiệu lực, bị bãi bỏ hoặc bị thay thế; viện dẫn lịch sử hoặc chuyển tiếp (\"đã được cấp theo quy định tại Luật … số 40/2009/QH12\", \"trước đây\", điều \"Điều khoản chuyển tiếp\"); cả văn bản hợp nhất (giữ nguyên phần căn cứ của văn bản gốc) và văn bản công bố kết quả hệ thống hóa hoặc danh mục văn bản. Căn cứ của một kế hoạch vào văn bản đã bị thay thế vẫn bị báo.", "Not reported where the cited instrument's status does not matter (phrases in corpus/check.toml): an amender named in a chain \"… được sửa đổi, bổ sung bởi Luật số …, Luật số … và Luật số …\" (its amendments live on in the amended text); a clause stating that texts end, are repealed or replaced; a historical or transitional mention (\"đã được cấp theo quy định tại Luật … số 40/2009/QH12\", \"trước đây\", an article \"Điều khoản chuyển tiếp\"); a whole consolidated text (it keeps the original texts' legal bases) and a decision publishing the result of systematising legal documents or a list of texts. A plan resting on a replaced instrument as its current basis is still reported.";
    X_NO_RULE = "không có quy tắc {0} (`cancu check --explain list` liệt kê các quy tắc)", "no rule {0} (`cancu check --explain list` lists them)";

    // ---- The readable output of the lookups (extract, cites, search, basis, outline, show). ----
    EX_DOCUMENT = "{0} ({1} trích dẫn)", "{0} ({1} citations)";
    EX_OF_DATE = "{0} ngày {1}", "{0} of {1}";
    EX_AMBIGUOUS = "nhiều văn bản trùng số (chưa xác định)", "ambiguous";
    EX_UNRESOLVED = "chưa tra được", "unresolved";
    PREAMBLE = "(phần căn cứ)", "(preamble)";
    AMBIGUOUS_CITATION = "trích dẫn chưa xác định được văn bản", "ambiguous citation";
    CI_AMBIGUOUS_QUERY = "một trong {0} (câu hỏi khớp nhiều văn bản)", "any of {0} (ambiguous query)";
    CI_LOOSE = "{0} (như viết trong các văn bản)", "{0} (as written in the documents)";
    CI_LAW_NAME = "{0} (không có trong bảng luật)", "{0} (not in the law table)";
    CI_WORK_YEAR = "{0}, phiên bản năm {1}", "{0}, the version of {1}";
    CI_WORK_ALL = "{0}, mọi phiên bản", "{0}, every version";
    CI_TOTAL = "{0}: {1} trích dẫn trong {2} văn bản", "{0}: {1} citations in {2} documents";
    CI_GROUPED = "  (nhiều văn bản hoặc phiên bản: liệt kê theo từng nhóm)", "  (several instruments or versions: grouped)";
    CI_OBSERVED = "  văn bản ghi nhận từ trích dẫn {0} [{1}]: không có trong cơ sở dữ liệu, chưa rõ hiệu lực{2}{3}; {4} trích dẫn trong {5} văn bản",
        "  observed {0} [{1}]: not in the registry, status unknown{2}{3}; {4} citations in {5} documents";
    DATES_CONFLICT = "; các ngày ghi khác nhau: {0}", "; dates conflict: {0}";
    SE_INSTRUMENT = "[{0}] {1}  ({2}; {3}, điểm {4})", "[{0}] {1}  ({2}; {3}, score {4})";
    SE_TAG_INSTRUMENT = "văn bản", "instrument";
    SE_TAG_OBSERVED = "văn bản, ghi nhận từ trích dẫn", "instrument, observed";
    SE_PLAN = "[kế hoạch] {0}{1}  ({2}, điểm {3}){4}", "[plan] {0}{1}  ({2}, score {3}){4}";
    SE_ID = "  mã {0}", "  id {0}";
    SE_ALSO_IN = "  cũng có ở mục {0}", "  also in § {0}";
    SE_STALE = "  [chỉ mục cũ: {0}]", "  [stale: {0}]";
    SE_CHANGED = "tệp đã sửa sau khi lập chỉ mục", "changed since indexing";
    SE_GONE = "không còn tệp", "file gone";
    BA_NO_MATCH = "{0}: không mục nào khớp với nhiệm vụ", "{0}: no section matches the task";
    BA_RANKED = "{0}  {1}  {2}  (dòng {3})", "{0}  {1}  {2}  (line {3})";
    BA_BASIS_OF = "Căn cứ của mục {0} {1}:", "The basis of section {0} {1}:";
    BA_NONE_OWN = "  (mục này không trích dẫn văn bản nào; xem căn cứ chung của kế hoạch)", "  (this section cites nothing; see the plan's basis)";
    BA_PLAN_BASIS = "Căn cứ chung của kế hoạch:", "The plan's basis:";
    BA_NONE = "  (không có)", "  (none)";
    BA_AT_DATE = "{0} vào ngày của kế hoạch{1}", "{0} at the plan's date{1}";
    BA_NOT_IN_REGISTRY = "không có trong cơ sở dữ liệu", "not in the registry";
    BA_LINES = "dòng {0}", "lines {0}";
    FOOTNOTES = "chú thích {0}", "footnotes {0}";
    OU_NONE = "{0}: không tìm thấy mục nào", "{0}: no outline found";
    OU_ITEM = "{0} {1}  (dòng {2})", "{0} {1}  (line {2})";
    SH_KIND = "loại", "kind";
    SH_TITLE = "trích yếu", "title";
    SH_ISSUER = "cơ quan ban hành", "issuer";
    SH_ISSUED = "ngày ban hành", "issued";
    SH_EFFECTIVE = "ngày hiệu lực", "effective";
    SH_STATUS = "tình trạng", "status";
    SH_STATUS_NOW = "hiện nay", "status now";
    SH_VERIFIED = "đã kiểm chứng", "verified";
    SH_ALIASES = "tên gọi khác", "aliases";
    SH_NOTE = "ghi chú", "note";
    SH_FROM = "dữ liệu từ", "from";
    SH_SOURCE = "nguồn", "source";
    SH_SINCE = " từ ngày {0}", " since {0}";
    SH_IN_ITS_PLACE = ", văn bản thay thế: {0}", ", in its place {0}";
    SH_UNVERIFIED = " (chưa kiểm chứng)", " unverified";
    SH_TIMELINE = "  diễn biến hiệu lực", "  timeline";
    SH_IN_FORCE_FROM = "có hiệu lực", "in force";
    SH_PASSED = "; thông qua/ban hành ngày {0}, trước đó chưa có hiệu lực", "; passed {0}, not yet in force before";
    SH_CITED = "  được trích dẫn {0} lần", "  cited {0} times";
    SH_CITED_IN = "  được trích dẫn {0} lần trong {1} văn bản", "  cited {0} times in {1} documents";
    SH_CITATIONS = "{0} ({1} trích dẫn)", "{0} ({1} citations)";
    SH_CONFLICT = "  [mâu thuẫn]", "  [conflict]";
    SH_OBSERVED_STATUS = "chưa rõ hiệu lực: không có trong cơ sở dữ liệu, chỉ biết qua trích dẫn", "status unknown: not in the registry, known only from citations";
    SH_OBSERVED_FROM = "ghi nhận từ trích dẫn", "observed";
    NOT_IN_REGISTRY_Q = "{0}: không có trong cơ sở dữ liệu", "{0}: not in the registry";
    BY = "{0} bởi", "{0} by";
    IX_REGISTRY = "cơ sở dữ liệu: {0} văn bản được lập chỉ mục", "registry: {0} instruments indexed";
    IX_REGISTRY_SAME = "cơ sở dữ liệu không đổi", "registry unchanged";
    READ_AS = "{0}: đọc theo bảng mã {1} (độ tin cậy {2}%: {3})", "{0}: read as {1} (confidence {2}%: {3})";
    CI_STALE = "{0}: chỉ mục {1} đã cũ: {2}; các tệp đã sửa hoặc chưa có trong chỉ mục được đọc trực tiếp nên câu trả lời vẫn đầy đủ; chạy `cancu index` để cập nhật chỉ mục",
        "{0}: index {1} is out of date: {2}; changed and unindexed files were read directly, so the answer is complete; run `cancu index` to update the index";
    CI_STALE_CHANGED_ONE = "{0} tệp đã sửa từ khi lập chỉ mục ({1})", "{0} file changed since indexing ({1})";
    CI_STALE_CHANGED_MANY = "{0} tệp đã sửa từ khi lập chỉ mục ({1})", "{0} files changed since indexing ({1})";
    CI_STALE_ADDED_ONE = "{0} tệp chưa có trong chỉ mục ({1})", "{0} file not in the index ({1})";
    CI_STALE_ADDED_MANY = "{0} tệp chưa có trong chỉ mục ({1})", "{0} files not in the index ({1})";
    CI_STALE_GONE_ONE = "{0} tệp đã lập chỉ mục không còn ({1})", "{0} indexed file gone ({1})";
    CI_STALE_GONE_MANY = "{0} tệp đã lập chỉ mục không còn ({1})", "{0} indexed files gone ({1})";
    NO_HITS = "không tìm thấy kết quả nào", "no hits";
    SE_STALE_NOTE = "lưu ý: {0} tệp trong số này đã sửa hoặc không còn từ khi lập chỉ mục (đánh dấu [chỉ mục cũ]); chạy `cancu index` để cập nhật chỉ mục",
        "note: {0} of these files changed or are gone since they were indexed (marked [stale]); run `cancu index` to update the index";
    SH_VERSIONS = "{0}: các phiên bản trong cơ sở dữ liệu: {1}; hiển thị phiên bản mới nhất", "{0}: versions in the registry: {1}; showing the latest";
    SERVE_NO_INDEX = "{0}; tìm trực tiếp trong thư mục {1}", "{0}; searching the corpus folder {1} directly instead";
    RI_CSV = "{0}: {1} dòng, {2} văn bản, {3} dòng trùng, {4} dòng không đọc được{5}", "{0}: {1} rows, {2} instruments, {3} duplicate rows, {4} unread{5}";
    RI_PHAP_DIEN = "{0}: {1} trang, {2} ghi chú nguồn ({3} không đọc được), {4} văn bản ({5} chỉ biết qua văn bản sửa đổi chúng), {6} quan hệ",
        "{0}: {1} pages, {2} source notes ({3} unread), {4} instruments ({5} known only as amenders), {6} relations";
    RI_TEXTS = "{0}: đọc {1} văn bản, {2} văn bản trong cơ sở dữ liệu ({3} chỉ biết qua văn bản khác tác động đến chúng), {4} tác động, {5} thông tin về văn bản khác, {6} văn bản không có số hiệu riêng{7}, {8} không đọc được",
        "{0}: {1} texts read, {2} instruments ({3} known only as targets), {4} effects, {5} facts about other instruments, {6} without a number of their own{7}, {8} unreadable";
    IX_SOME_ERRORS = "lưu ý: có tệp không lập chỉ mục được (xem ở trên)", "note: some files could not be indexed (see above)";
    IX_REBUILD = "lưu ý: {0} do phiên bản cancu khác lập (lược đồ khác); lập lại chỉ mục", "note: {0} was built by another cancu version (another schema); rebuilding it";
    IX_DONE = "{0}: thêm {1}, thay {2}, bỏ {3}, giữ nguyên {4} ({5} MB được lập chỉ mục trong {6} giây); {7}",
        "{0}: {1} added, {2} replaced, {3} removed, {4} unchanged ({5} MB indexed in {6} s); {7}";
    FIXED = "đã sửa {0} chỗ trong {1}{2} (bản sao lưu {3})", "fixed {0} in {1}{2} (backup {3})";
    FIX_COMMENTS = ", thêm {0} nhận xét", ", {0} comment(s) added";
    FIX_NOT_APPLIED = "{0}:{1}:{2}: không áp dụng được sửa \"{3}\": {4}", "{0}:{1}:{2}: fix \"{3}\" not applied: {4}";
    FIX_COMMENT_NOT_ADDED = "{0}: không thêm được nhận xét {1}: {2}", "{0}: comment {1} not added: {2}";
    FIX_UNSAFE_WAITING = "{0}: {1} sửa cần kiểm tra chưa được áp dụng (giá trị suy ra: kiểm tra rồi dùng --unsafe-fixes)", "{0}: {1} unsafe fix(es) not applied (inferred: check them, then use --unsafe-fixes)";
    FIX_NO_STDIN = "--fix không ghi được vào <stdin> (dùng --fix --dry-run)", "--fix cannot write to <stdin> (use --fix --dry-run)";
    FIX_REFUSED_FORMAT = "{0}: --fix không ghi tệp {1}: {2}; tệp được giữ nguyên", "{0}: --fix does not write {1} files: {2}; the file is left as it was";
    // Why a fix, or a whole file, is not written (`check --fix`).
    F_PDF = "không sửa trực tiếp được tệp PDF (chữ được dàn theo trang); hãy sửa văn bản gốc, hoặc xem các thay đổi bằng --fix --dry-run",
        "a PDF cannot be edited in place (its text is laid out in pages); fix the source document, or see the changes with --fix --dry-run";
    F_HTML = "trang HTML không được ghi lại (phải sửa cả mã đánh dấu); xem các thay đổi bằng --fix --dry-run",
        "an HTML page is not rewritten (its markup would have to be edited); see the changes with --fix --dry-run";
    F_JSON = "tệp JSON chứa văn bản trong một trường nên không được ghi lại; xem các thay đổi bằng --fix --dry-run",
        "a JSON file holds the text inside a field and is not rewritten; see the changes with --fix --dry-run";
    F_UNKNOWN_ENCODING = "không rõ bảng mã đã dùng để đọc tệp", "the encoding read is unknown";
    F_NO_OFFSET_MAP = "không có bảng đối chiếu vị trí về các byte gốc", "no offset map to the original bytes";
    F_NOT_TEXT_NOW = "tệp không còn đọc được như văn bản: {0}", "the file no longer reads as text: {0}";
    F_NOT_THE_SAME = "tệp không đọc lại được y như cũ theo bảng mã {0}", "the file does not read back the same as {0}";
    F_NOT_NFC = "văn bản không ở dạng Unicode dựng sẵn (NFC): không tìm lại được vị trí các chỗ sửa",
        "the body text is not in composed Unicode (NFC): its places cannot be found again";
    F_DOCX_UNREADABLE = "không đọc được tệp DOCX ({0})", "the DOCX does not read ({0})";
    F_CANNOT_MAKE = "không tạo được tệp DOCX đã sửa ({0})", "the revised DOCX cannot be made ({0})";
    F_REVISED_UNREADABLE = "tệp đã sửa không đọc lại được ({0})", "the revised document does not read back ({0})";
    F_REVISED_NOT_FIXED = "tệp đã sửa không đọc lại ra đúng văn bản đã sửa", "the revised document does not read back as the fixed text";
    F_SPAN_NOT_MAPPED = "vị trí chỗ sửa không ứng với các byte gốc", "its span does not map onto the original bytes";
    F_CANNOT_ENCODE = "không viết được '{0}' ({1}) trong bảng mã {2} của tệp", "'{0}' ({1}) cannot be written in {2}, the file's encoding";
    F_REPLACEMENT_NOT_THE_SAME = "chỗ thay không đọc lại được y như cũ theo bảng mã {0}", "the replacement does not read back the same in {0}";
    F_TOGETHER = "các chỗ sửa gộp lại không đọc lại được y như cũ", "the fixes together do not read back the same";
    F_OUTSIDE = "vị trí chỗ sửa nằm ngoài văn bản", "its span is outside the text";
    F_OVERLAPS = "chỗ sửa chồng lên một chỗ sửa khác", "it overlaps another fix";
    F_CROSSES_PARAGRAPH = "chỗ sửa vắt qua hai đoạn", "it crosses a paragraph";
    F_NO_RUN = "không có đoạn chữ (run) nào chứa nó", "no run of text holds it";
    F_IN_REVISION = "nó đã nằm trong một thay đổi được theo dõi (tracked change)", "it is inside a tracked change already";
    F_RUN_NOT_TEXT = "nó chạm tới một đoạn chữ (run) chứa cả thứ khác ngoài chữ (tab, ngắt dòng, trường hay hình vẽ)",
        "a run it touches holds more than text (a tab, break, field or drawing)";
    F_PARTLY_OUTSIDE_RUNS = "một phần của nó không nằm trong đoạn chữ (run) nào", "part of it is not in a run of text";
    // Problems met that did not stop the reading (warnings).
    W_BAD_UTF8_ONE = "UTF-8 không hợp lệ ở byte {0} ({1} chuỗi byte hỏng); đã thay bằng U+FFFD",
        "invalid UTF-8 at byte {0} ({1} bad sequence); decoded with U+FFFD in their place";
    W_BAD_UTF8_MANY = "UTF-8 không hợp lệ ở byte {0} ({1} chuỗi byte hỏng); đã thay bằng U+FFFD",
        "invalid UTF-8 at byte {0} ({1} bad sequences); decoded with U+FFFD in their place";
    W_BAD_UTF16 = "{0} đơn vị mã UTF-16 không hợp lệ; đã thay bằng U+FFFD", "{0} invalid UTF-16 code unit(s); decoded with U+FFFD";
    W_TRACKED_CHANGES = "các thay đổi được theo dõi (tracked changes) được đọc như đã chấp nhận (giữ {0} chỗ chèn, bỏ {1} chỗ xóa); hãy chấp nhận hoặc từ chối chúng trong Word",
        "tracked changes read as accepted ({0} insertion(s) kept, {1} deletion(s) skipped); accept or reject them in Word";
    W_ASIDE = "bỏ qua một đầu trang hay chân trang: {0}", "a header or footer left out: {0}";
    W_ASIDE_OVER = "bỏ qua một đầu trang hay chân trang: {0}, vượt quá giới hạn kích thước {1} byte",
        "a header or footer left out: {0}, over the size limit of {1} bytes";
    BASELINE_WRITTEN = "{0}: {1} phát hiện", "{0}: {1} findings";
    BASELINE_DIFF = "{0} thêm, {1} bớt, {2} không đổi{3}", "{0} added, {1} removed, {2} unchanged{3}";

    // ---- Failures of the tool (errors, not findings); every one names the file. ----
    E_LINE = "lỗi: {0}", "error: {0}";
    W_LINE = "cảnh báo: {0}", "warning: {0}";
    E_IO = "{0}: không đọc được: {1}", "{0}: cannot read: {1}";
    E_BINARY = "{0}: không phải văn bản: {1}; có phải tệp nhị phân (ảnh hay tệp nén bị đổi tên)?",
        "{0}: not text: {1}; is it a binary file (an image or archive renamed)?";
    E_NOT_UTF8 = "{0}: không phải văn bản UTF-8 hợp lệ (byte {1}); có phải tệp nhị phân?",
        "{0}: not valid UTF-8 text (byte {1}); is it a binary file?";
    E_EMPTY = "{0}: tệp rỗng", "{0}: empty file";
    E_MISSING = "{0}: không có tệp hay thư mục này", "{0}: no such file or directory";
    E_TOO_LARGE = "{0}: {1} byte, vượt quá giới hạn kích thước {2} byte (nâng giới hạn bằng --max-size)",
        "{0}: {1} bytes, over the size limit of {2} bytes (raise it with --max-size)";
    E_OVER_LIMIT = "{0}: {1}, vượt quá giới hạn kích thước {2} byte: từ chối, không cắt bớt (nâng giới hạn bằng --max-size)",
        "{0}: {1}, over the size limit of {2} bytes: refused, not truncated (raise it with --max-size)";
    E_CORRUPT = "{0}: không đọc được tệp {1}: {2}", "{0}: not a readable {1} file: {2}";
    // Why a file did not read (the reasons inside the errors above).
    R_DENIED = "không có quyền đọc", "permission denied";
    R_NOT_FOUND = "không có tệp hay thư mục này", "no such file or directory";
    R_EXISTS = "đã có một tệp mang tên này", "a file of that name exists";
    R_NOT_DIR = "có phần của đường dẫn không phải thư mục", "not a directory";
    R_READ_ONLY = "hệ thống tệp chỉ cho đọc", "read-only file system";
    R_NO_SPACE = "hết chỗ trên đĩa", "no space left on the device";
    R_ADDR_IN_USE = "địa chỉ này đang được dùng (một chương trình khác, có thể là một cancu serve khác, đang chạy ở cổng này; chọn cổng khác bằng --addr)",
        "the address is in use (another program, maybe another cancu serve, listens on this port; choose another with --addr)";
    R_IS_DIR = "đây là thư mục, không phải tệp", "is a directory";
    R_NUL = "tệp có byte NUL ở vị trí {0}", "NUL byte at offset {0}";
    R_CONTROLS = "{0}% là ký tự điều khiển", "{0}% control characters";
    R_OVER_READ = "đã đọc hơn {0} byte (dữ liệu không có điểm dừng?)", "more than {0} bytes read (an endless input?)";
    R_OVER_PART = "phần {0} giải nén ra hơn {1} byte (bom nén?)", "{0} decompresses to more than {1} bytes (a zip bomb?)";
    R_OVER_TEXT = "{0} byte chữ sau khi giải nén", "{0} bytes of text once decompressed";
    R_NOT_ZIP = "không phải gói ZIP (tệp .docx là một gói ZIP)", "not a ZIP package (a .docx is one)";
    R_LEGACY_DOC = "đây là tệp Word 97-2003 (.doc) mang tên khác: mở bằng Word rồi lưu lại dưới dạng .docx",
        "a Word 97-2003 document (.doc) under another name: open it in Word and save it as .docx";
    R_NO_PART = "thiếu phần {0}", "the part {0} is missing";
    R_BAD_PART = "không giải nén được phần {0} ({1})", "the part {0} does not decompress ({1})";
    R_PART_NOT_UTF8 = "phần {0} không phải UTF-8 (byte {1})", "the part {0} is not UTF-8 (byte {1})";
    R_BAD_XML = "phần {0} có XML sai cấu trúc ({1})", "the part {0} is not well-formed XML ({1})";
    R_PDF = "bộ đọc PDF dừng lại ({0})", "the PDF parser stopped ({0})";
    R_PDF_CRASHED = "bộ đọc PDF gặp lỗi với tệp này", "the PDF parser failed on this file";
    R_NO_PAGES = "không có trang nào", "no pages";
    R_JSON = "sai cú pháp JSON ở dòng {0}, cột {1}", "JSON syntax error at line {0}, column {1}";
    E_NO_TEXT_LAYER = "{0}: PDF không có lớp chữ ({1} trang, không có chữ): bản quét? Hãy nhận dạng chữ (OCR) trước (cancu không làm OCR)",
        "{0}: PDF has no text layer ({1} page(s), no text): a scanned image? OCR it first (cancu does no OCR)";
    E_NO_TEXT_FIELD = "{0}: JSON không có trường văn bản (đã tìm \"full_text\", \"text\", \"content\")",
        "{0}: JSON has no text field (looked for \"full_text\", \"text\", \"content\")";
    E_LOOP = "{0}: liên kết dẫn ngược về thư mục {1} ở trên nó (vòng lặp): không đi theo lần nữa",
        "{0}: the link leads back to {1}, a folder above it (a loop): not followed again";
    E_NOT_INSTRUMENT = "{0}: không đọc được là một văn bản (thử \"Nghị định 168/2018/NĐ-CP\", \"NĐ 168\", \"Luật DQTV\")",
        "{0}: not read as an instrument (try \"Nghị định 168/2018/NĐ-CP\", \"NĐ 168\", \"Luật DQTV\")";
    E_SEVERAL_ENTRIES = "{0} ứng với nhiều văn bản: {1}", "{0} fits several entries: {1}";
    E_UNKNOWN_KIND = "không có loại văn bản {0}; chọn một trong: {1}", "unknown kind {0}; one of: {1}";
    E_NOTHING_READ = "{0}: không đọc được gì", "{0}: nothing read";
    E_NO_SECTION = "{0}: không có mục {1} (các mục: {2})", "{0}: no section {1} (sections: {2})";
    E_NO_SUBCOMMAND = "`{1}` không có lệnh con {0} (`{1} --help` liệt kê các lệnh con)",
        "no subcommand {0} in `{1}` (`{1} --help` lists them)";
    E_NO_RULE_OR_GROUP = "không có quy tắc hay nhóm {0} (mã như C0205 hay C02; nhóm shape, consistency, time, unknown; `cancu check --explain list`)",
        "no rule or group {0} (codes such as C0205 or C02, groups shape, consistency, time, unknown; `cancu check --explain list`)";
    E_LANG = "--lang {0}: chọn vi hoặc en", "--lang {0}: write vi or en";
    E_CANNOT_READ = "{0}: không đọc được", "{0}: cannot read";
    E_NOT_CONFIG = "{0}: không phải tệp cancu.toml", "{0}: not a cancu.toml";
    E_BASELINE = "{0}: không đọc được tệp mốc (baseline)", "{0}: cannot read the baseline";
    E_CANNOT_WRITE_BASELINE = "{0}: không ghi được tệp mốc (baseline)", "{0}: cannot write the baseline";
    E_CHANGED_ON_DISK = "{0}: tệp đã thay đổi trên đĩa từ khi được đọc; không ghi gì",
        "{0}: changed on disk since it was read; nothing written";
    E_NOT_FIXED = "{0}: không sửa: {1}; tệp được giữ nguyên", "{0}: not fixed: {1}; the file is left as it was";
    E_FIXED_NOT_READ_BACK = "{0}: tệp đã sửa không đọc lại được", "{0}: the fixed file does not read back";
    E_CANNOT_WRITE_BACKUP = "{0}: không ghi được bản sao lưu", "{0}: cannot write the backup";
    E_CANNOT_WRITE_FIXED = "{0}: không ghi được tệp đã sửa", "{0}: cannot write the fixed file";
    E_CANNOT_REPLACE = "{0}: không thay được tệp bằng tệp đã sửa", "{0}: cannot replace it with the fixed file";
    E_NO_CLOCK = "không đọc được ngày hôm nay từ đồng hồ hệ thống", "cannot read today's date from the system clock";
    E_NO_DATA_DIR = "không có thư mục dữ liệu người dùng cho chỉ mục tìm kiếm (đặt CANCU_DATA hay HOME, hoặc dùng --index DIR)",
        "no user data directory for the search index (set CANCU_DATA or HOME, or pass --index DIR)";
    E_INTO_CORPUS = "{0}: không ghi cơ sở dữ liệu nhập vào corpus/ (dữ liệu được biên soạn); chọn một đường dẫn ngoài kho mã, ví dụ {1}",
        "{0}: will not write an imported registry into corpus/ (the curated data); choose a path outside the repository, e.g. {1}";
    E_REGISTRY = "cơ sở dữ liệu văn bản: {0}", "registry: {0}";
    E_AS_OF = "--as-of {0}: không phải ngày (viết 2025-07-01, 01/07/2025 hay today)",
        "--as-of {0}: not a date (write 2025-07-01, 01/07/2025 or today)";
    E_NO_INPUT = "không có PATH và không tìm thấy bộ văn bản kèm theo (corpus/plans của thư mục hiện tại hay của kho mã dựng nên cancu): hãy chỉ ra các tệp hay thư mục cần đọc, ví dụ `cancu report ~/ke-hoach/`",
        "no PATH given and no bundled corpus found (corpus/plans of the current folder or of the repository cancu was built from): pass the files or folders to read, e.g. `cancu report ~/ke-hoach/`";
    E_INDEX_NOT_UPDATED = "chưa cập nhật chỉ mục tìm kiếm: {0}", "search index not updated: {0}";
    W_INDEX_NOT_UPDATED = "chưa cập nhật chỉ mục tìm kiếm: {0} (--no-index bỏ qua việc này, --index DIR đặt chỉ mục nơi khác)",
        "search index not updated: {0} (--no-index skips it, --index DIR puts it elsewhere)";
    E_INDEX_BUSY = "chỉ mục {0} đang được một tiến trình khác ghi; hãy chờ tiến trình đó xong",
        "index {0} is being written by another process; wait for it to finish";
    E_INDEX_MISSING = "không có chỉ mục ở {0}; chạy `cancu index` trước", "no index at {0}; run `cancu index` first";
    E_INDEX_SCHEMA = "chỉ mục {0} do phiên bản cancu khác lập (lược đồ khác); chạy `cancu index` để lập lại",
        "index {0} was built with another schema (another cancu version); run `cancu index` to rebuild it";
    E_INDEX_NOT_OURS = "{0} chứa một chỉ mục tìm kiếm không phải của cancu (các trường khác); chọn thư mục --index khác",
        "{0} holds a search index that is not cancu's (other fields); choose another --index directory";
    E_INDEX = "chỉ mục {0}: {1}", "index {0}: {1}";
    E_BAD_QUERY = "câu tìm kiếm không dùng được: {0}", "bad query: {0}";
    Q_NO_WORDS = "không có từ nào trong \"{0}\"", "no words in \"{0}\"";
    Q_NO_ISSUER_WORDS = "không có từ nào trong tên cơ quan ban hành \"{0}\"", "no words in issuer \"{0}\"";
    Q_NOTHING = "không có gì để tìm trong \"{0}\"", "nothing to search for in \"{0}\"";
    Q_UNKNOWN_TYPE = "không có loại tài liệu \"{0}\" (section hoặc instrument)", "unknown document type \"{0}\" (section or instrument)";
    Q_UNKNOWN_STATUS = "không có tình trạng \"{0}\" (một trong: {1})", "unknown status \"{0}\" (one of {1})";
    E_REGISTRY_SYNTAX = "{0}: sai cú pháp: {1}", "{0}: {1}";
    E_REGISTRY_WRITE = "không ghi được cơ sở dữ liệu văn bản: {0}", "cannot write registry: {0}";
    E_CANNOT_LISTEN = "không mở được {0} để phục vụ: {1}", "cannot listen on {0}: {1}";
    E_NOT_LOOPBACK = "{0} không phải địa chỉ trong máy (loopback); thêm --allow-remote để phục vụ các máy khác",
        "{0} is not a loopback address; pass --allow-remote to serve other machines";
    E_ALREADY_READ = "{0}: {1} đã được đọc từ một tệp khác; bỏ qua", "{0}: {1} already read from another file; skipped";

    // ---- The command line's own words (clap's headings and parse errors; `cli::help`). ----
    // The help texts of the commands and their arguments are in `messages::help`.
    CL_USAGE = "Cách dùng:", "Usage:";
    CL_ARGUMENTS = "Tham số:", "Arguments:";
    CL_OPTIONS = "Tùy chọn:", "Options:";
    CL_COMMANDS = "Lệnh", "Commands";
    CL_OPTIONS_PLACEHOLDER = "[TÙY_CHỌN]", "[OPTIONS]";
    CL_COMMAND_PLACEHOLDER = "LỆNH", "COMMAND";
    CL_HELP_LONG = "In trợ giúp (bản tóm tắt: '-h')", "Print help (see a summary with '-h')";
    CL_HELP_SHORT = "In trợ giúp (đầy đủ hơn: '--help')", "Print help (see more with '--help')";
    CL_HELP = "In trợ giúp", "Print help";
    CL_VERSION = "In số phiên bản", "Print version";
    CL_HELP_SUBCOMMAND = "In trợ giúp này, hoặc trợ giúp của các lệnh con đã nêu",
        "Print this message or the help of the given subcommand(s)";
    CL_DEFAULT = "[mặc định: {0}]", "[default: {0}]";
    CL_VALUES = "[giá trị: {0}]", "[possible values: {0}]";
    CL_UNKNOWN_ARGUMENT = "không có tham số '{0}'", "unexpected argument '{0}' found";
    CL_MISSING_VALUE = "'{0}' cần một giá trị nhưng không có giá trị nào", "a value is required for '{0}' but none was supplied";
    CL_INVALID_VALUE = "giá trị '{0}' không hợp lệ cho '{1}'", "invalid value '{0}' for '{1}'";
    CL_INVALID_VALUE_WHY = "giá trị '{0}' không hợp lệ cho '{1}': {2}", "invalid value '{0}' for '{1}': {2}";
    CL_POSSIBLE_VALUES = "[các giá trị có thể: {0}]", "[possible values: {0}]";
    CL_UNKNOWN_SUBCOMMAND = "không có lệnh '{0}'", "unrecognized subcommand '{0}'";
    CL_MISSING_SUBCOMMAND = "'{0}' cần một lệnh con nhưng không có lệnh con nào", "'{0}' requires a subcommand but one was not provided";
    CL_SUBCOMMANDS = "[các lệnh con: {0}]", "[subcommands: {0}]";
    CL_MISSING_REQUIRED = "thiếu các tham số bắt buộc sau:", "the following required arguments were not provided:";
    CL_TOO_MANY_VALUES = "giá trị '{0}' thừa cho '{1}'; không cần thêm giá trị nào", "unexpected value '{0}' for '{1}' found; no more were expected";
    CL_TOO_FEW_VALUES = "'{1}' cần {0} giá trị; chỉ có {2}", "{0} values required by '{1}'; only {2} provided";
    CL_WRONG_NUMBER = "'{1}' cần {0} giá trị nhưng có {2}", "{0} values required for '{1}' but {2} provided";
    CL_USED_TWICE = "tham số '{0}' không được dùng nhiều lần", "the argument '{0}' cannot be used multiple times";
    CL_CONFLICT = "tham số '{0}' không dùng cùng với {1}", "the argument '{0}' cannot be used with {1}";
    CL_CONFLICT_OTHERS = "một hay nhiều tham số khác đã nêu", "one or more of the other specified arguments";
    CL_NO_EQUALS = "cần dấu bằng khi gán giá trị cho '{0}' (viết {0}=GIÁ_TRỊ)", "equal sign is needed when assigning values to '{0}' (write {0}=VALUE)";
    CL_INVALID_UTF8 = "có tham số không phải UTF-8 hợp lệ", "invalid UTF-8 was detected in one or more arguments";
    CL_SIMILAR_ARGUMENT = "gợi ý: có tham số tương tự: {0}", "tip: a similar argument exists: {0}";
    CL_SIMILAR_SUBCOMMAND = "gợi ý: có lệnh con tương tự: {0}", "tip: a similar subcommand exists: {0}";
    CL_SIMILAR_VALUE = "gợi ý: có giá trị tương tự: {0}", "tip: a similar value exists: {0}";
    CL_AS_VALUE = "gợi ý: để dùng '{0}' làm giá trị, viết '-- {0}'", "tip: to pass '{0}' as a value, use '-- {0}'";
    CL_TIP = "gợi ý: {0}", "tip: {0}";
    CL_BAD_ENCODING = "không có bảng mã {0}; chọn một trong: {1}", "unknown encoding {0}; one of: {1}";
    CL_BAD_THREADS = "{1} không phải số nguyên từ 1 đến {0}", "{1} is not in 1..={0}";
    CL_TRY_HELP = "Xem thêm: '{0}'.", "For more information, try '{0}'.";

    // ---- How the encoding of a file was found (`source::encoding::How`; reading notes). ----
    HOW_GIVEN = "do --encoding chỉ định", "given by --encoding";
    HOW_BOM = "có dấu thứ tự byte (BOM)", "byte-order mark";
    HOW_BOM_THEN = "có dấu thứ tự byte (BOM); {0}", "byte-order mark; {0}";
    HOW_UTF16_PATTERN = "cứ cách một vị trí lại có byte NUL, không có dấu thứ tự byte (BOM)",
        "NUL bytes in every other position, no byte-order mark";
    HOW_NO_LETTERS = "UTF-8 hợp lệ, không có chữ nào ngoài ASCII", "valid UTF-8, no non-ASCII letters";
    HOW_BEYOND_1252 = "UTF-8 hợp lệ, có chữ tiếng Việt ngoài bảng Windows-1252 (không phải bảng mã cũ)",
        "valid UTF-8 with Vietnamese letters beyond Windows-1252 (no legacy encoding)";
    HOW_ASCII = "chỉ có ký tự ASCII", "ASCII only";
    HOW_VIETNAMESE = "UTF-8 hợp lệ, có chữ tiếng Việt ({0}% âm tiết hợp lệ)", "valid UTF-8 with Vietnamese letters ({0}% valid syllables)";
    HOW_UTF8 = "UTF-8 hợp lệ ({0}% âm tiết hợp lệ)", "valid UTF-8 ({0}% valid syllables)";
    HOW_GARBLED = "UTF-8 chứa chữ {0} bị đọc theo Windows-1252: {1}% âm tiết hợp lệ sau khi giải mã lại, {2}% trước đó",
        "UTF-8 holding {0} letters read as Windows-1252: {1}% valid syllables after re-decoding, {2}% before";
    HOW_NOT_UTF8 = "không phải UTF-8 hợp lệ; tỷ lệ âm tiết hợp lệ: {0}", "not valid UTF-8; valid syllables: {0}";
}

/// A file that could not be read, in `lang`, naming the file. The English text is the
/// error's `Display`.
pub fn source_error(lang: Lang, e: &crate::source::SourceError) -> String {
    use crate::source::SourceError as E;
    match e {
        E::Io { path, err } => tr(lang, &E_IO, &[path, &io_reason(lang, err)]),
        E::Binary { path, why } => tr(lang, &E_BINARY, &[path, &not_text(lang, why)]),
        E::NotText { path, offset } => tr(lang, &E_NOT_UTF8, &[path, offset]),
        E::Empty { path } => tr(lang, &E_EMPTY, &[path]),
        E::Missing { path } => tr(lang, &E_MISSING, &[path]),
        E::TooLarge { path, size, limit } => tr(lang, &E_TOO_LARGE, &[path, size, limit]),
        E::OverLimit { path, what, limit } => tr(
            lang,
            &E_OVER_LIMIT,
            &[path, &over(lang, what, *limit), limit],
        ),
        E::Corrupt { path, format, why } => {
            tr(lang, &E_CORRUPT, &[path, format, &broken(lang, why)])
        }
        E::NoTextLayer { path, pages } => tr(lang, &E_NO_TEXT_LAYER, &[path, pages]),
        E::NoTextField { path } => tr(lang, &E_NO_TEXT_FIELD, &[path]),
        E::Loop { path, ancestor } => tr(lang, &E_LOOP, &[path, ancestor]),
    }
}

/// A failure of the tool in `lang` when it is one the catalogue words (a file, the index,
/// the registry, the server); None for others, told in their own words. The CLI tells each
/// error of a chain with it.
pub fn tool_error(lang: Lang, e: &(dyn std::error::Error + 'static)) -> Option<String> {
    if let Some(e) = e.downcast_ref::<crate::source::SourceError>() {
        return Some(source_error(lang, e));
    }
    if let Some(e) = e.downcast_ref::<crate::registry::RegistryError>() {
        use crate::registry::RegistryError as R;
        return Some(match e {
            R::Parse { origin, message } => tr(lang, &E_REGISTRY_SYNTAX, &[origin, message]),
            R::Io { path, err } => tr(lang, &E_IO, &[path, &io_reason(lang, err)]),
            R::Write(why) => tr(lang, &E_REGISTRY_WRITE, &[why]),
        });
    }
    if let Some(s) = index_tool_error(lang, e).or_else(|| serve_tool_error(lang, e)) {
        return Some(s);
    }
    // A bare I/O failure under a context naming its file ("FILE: cause").
    e.downcast_ref::<std::io::Error>()
        .map(|e| io_reason(lang, e))
}

/// [`tool_error`] for a failure of the search index.
#[cfg(feature = "index")]
fn index_tool_error(lang: Lang, e: &(dyn std::error::Error + 'static)) -> Option<String> {
    e.downcast_ref::<crate::index::IndexError>()
        .map(|e| index_error(lang, e))
}

#[cfg(not(feature = "index"))]
fn index_tool_error(_: Lang, _: &(dyn std::error::Error + 'static)) -> Option<String> {
    None
}

/// [`tool_error`] for a server that does not start.
#[cfg(feature = "serve")]
fn serve_tool_error(lang: Lang, e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let start = |e: &crate::serve::http::StartError| match e {
        crate::serve::http::StartError::Bind {
            addr,
            kind,
            message,
        } => {
            let why = match kind {
                std::io::ErrorKind::AddrInUse => s(lang, &R_ADDR_IN_USE),
                std::io::ErrorKind::PermissionDenied => s(lang, &R_DENIED),
                _ => message.clone(),
            };
            tr(lang, &E_CANNOT_LISTEN, &[addr, &why])
        }
    };
    if let Some(e) = e.downcast_ref::<crate::serve::ServeError>() {
        return Some(match e {
            crate::serve::ServeError::Start(e) => start(e),
            crate::serve::ServeError::NotLoopback { addr } => tr(lang, &E_NOT_LOOPBACK, &[addr]),
        });
    }
    e.downcast_ref::<crate::serve::http::StartError>()
        .map(start)
}

#[cfg(not(feature = "serve"))]
fn serve_tool_error(_: Lang, _: &(dyn std::error::Error + 'static)) -> Option<String> {
    None
}

/// A failure of the search index in `lang`, naming its folder.
#[cfg(feature = "index")]
pub fn index_error(lang: Lang, e: &crate::index::IndexError) -> String {
    use crate::index::IndexError as I;
    match e {
        I::Busy { dir } => tr(lang, &E_INDEX_BUSY, &[&dir.display()]),
        I::Missing { dir } => tr(lang, &E_INDEX_MISSING, &[&dir.display()]),
        I::SchemaMismatch { dir } => tr(lang, &E_INDEX_SCHEMA, &[&dir.display()]),
        I::NotOurs { dir } => tr(lang, &E_INDEX_NOT_OURS, &[&dir.display()]),
        I::Io { dir, err } => tr(lang, &E_INDEX, &[&dir.display(), &io_reason(lang, err)]),
        I::Tantivy { dir, err } => tr(lang, &E_INDEX, &[&dir.display(), err]),
        I::Query(why) => tr(lang, &E_BAD_QUERY, &[&query_error(lang, why)]),
    }
}

/// Why a query cannot be run, in `lang`.
#[cfg(feature = "index")]
pub fn query_error(lang: Lang, e: &crate::index::QueryError) -> String {
    use crate::index::QueryError as Q;
    match e {
        Q::NoWords(p) => tr(lang, &Q_NO_WORDS, &[p]),
        Q::NoIssuerWords(i) => tr(lang, &Q_NO_ISSUER_WORDS, &[i]),
        Q::Nothing(q) => tr(lang, &Q_NOTHING, &[q]),
        Q::UnknownType(t) => tr(lang, &Q_UNKNOWN_TYPE, &[t]),
        Q::UnknownStatus(st, known) => tr(lang, &Q_UNKNOWN_STATUS, &[st, known]),
    }
}

/// An I/O failure in words: the common kinds from the catalogue, the system's own words
/// for the rest.
fn io_reason(lang: Lang, err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::PermissionDenied => s(lang, &R_DENIED),
        K::IsADirectory => s(lang, &R_IS_DIR),
        K::NotFound => s(lang, &R_NOT_FOUND),
        K::NotADirectory => s(lang, &R_NOT_DIR),
        K::AlreadyExists => s(lang, &R_EXISTS),
        K::ReadOnlyFilesystem => s(lang, &R_READ_ONLY),
        K::StorageFull => s(lang, &R_NO_SPACE),
        _ => err.to_string(),
    }
}

/// Why a fix, or a whole file, is not written (`check --fix`), in `lang`.
pub fn refusal(lang: Lang, why: &crate::source::writeback::Refusal) -> String {
    use crate::source::writeback::Refusal as R;
    match why {
        R::Pdf => s(lang, &F_PDF),
        R::Html => s(lang, &F_HTML),
        R::Json => s(lang, &F_JSON),
        R::UnknownEncoding => s(lang, &F_UNKNOWN_ENCODING),
        R::NoOffsetMap => s(lang, &F_NO_OFFSET_MAP),
        R::NotTextNow(n) => tr(lang, &F_NOT_TEXT_NOW, &[&not_text(lang, n)]),
        R::NotTheSame(enc) => tr(lang, &F_NOT_THE_SAME, &[enc]),
        R::NotNfc => s(lang, &F_NOT_NFC),
        R::DocxUnreadable(d) => tr(lang, &F_DOCX_UNREADABLE, &[d]),
        R::CannotMake(d) => tr(lang, &F_CANNOT_MAKE, &[d]),
        R::RevisedUnreadable(d) => tr(lang, &F_REVISED_UNREADABLE, &[d]),
        R::RevisedNotFixed => s(lang, &F_REVISED_NOT_FIXED),
        R::SpanNotMapped => s(lang, &F_SPAN_NOT_MAPPED),
        R::CannotEncode(c, enc) => tr(
            lang,
            &F_CANNOT_ENCODE,
            &[c, &format!("U+{:04X}", *c as u32), enc],
        ),
        R::ReplacementNotTheSame(enc) => tr(lang, &F_REPLACEMENT_NOT_THE_SAME, &[enc]),
        R::TogetherNotTheSame => s(lang, &F_TOGETHER),
        R::Outside => s(lang, &F_OUTSIDE),
        R::Overlaps => s(lang, &F_OVERLAPS),
        R::CrossesParagraph => s(lang, &F_CROSSES_PARAGRAPH),
        R::NoRun => s(lang, &F_NO_RUN),
        R::InRevision => s(lang, &F_IN_REVISION),
        R::RunNotText => s(lang, &F_RUN_NOT_TEXT),
        R::PartlyOutsideRuns => s(lang, &F_PARTLY_OUTSIDE_RUNS),
    }
}

/// A problem met that did not stop the reading, in `lang` (the caller names the file).
pub fn warning(lang: Lang, w: &crate::source::Warning) -> String {
    use crate::source::Warning as W;
    match w {
        W::BadUtf8 { first, count: 1 } => tr(lang, &W_BAD_UTF8_ONE, &[first, &1]),
        W::BadUtf8 { first, count } => tr(lang, &W_BAD_UTF8_MANY, &[first, count]),
        W::BadUtf16(n) => tr(lang, &W_BAD_UTF16, &[n]),
        W::TrackedChanges {
            insertions,
            deletions,
        } => tr(lang, &W_TRACKED_CHANGES, &[insertions, deletions]),
        W::Aside(why) => tr(lang, &W_ASIDE, &[&broken(lang, why)]),
        W::AsideOver(what, limit) => tr(lang, &W_ASIDE_OVER, &[&over(lang, what, *limit), limit]),
    }
}

/// Why a file's encoding was chosen (the reading note of `extract`), in `lang`. The English
/// text is the reason's `Display`, which JSON output keeps.
pub fn detected_how(lang: Lang, how: &crate::source::encoding::How) -> String {
    use crate::source::encoding::{legacy_name, scores_text, How, Utf8Holds as U};
    let pc = |share: &f64| format!("{:.0}", share * 100.0);
    match how {
        How::Given => s(lang, &HOW_GIVEN),
        How::Bom => s(lang, &HOW_BOM),
        How::Utf16Pattern => s(lang, &HOW_UTF16_PATTERN),
        How::NotUtf8(scores) => tr(lang, &HOW_NOT_UTF8, &[&scores_text(scores)]),
        How::Utf8 { bom, holds } => {
            let what = match holds {
                U::NoLetters => s(lang, &HOW_NO_LETTERS),
                U::BeyondWindows1252 => s(lang, &HOW_BEYOND_1252),
                U::AsciiOnly => s(lang, &HOW_ASCII),
                U::Vietnamese(v) => tr(lang, &HOW_VIETNAMESE, &[&pc(v)]),
                U::Syllables(v) => tr(lang, &HOW_UTF8, &[&pc(v)]),
                U::Garbled {
                    legacy,
                    after,
                    before,
                } => tr(
                    lang,
                    &HOW_GARBLED,
                    &[&legacy_name(*legacy), &pc(after), &pc(before)],
                ),
            };
            if *bom {
                tr(lang, &HOW_BOM_THEN, &[&what])
            } else {
                what
            }
        }
    }
}

/// Why bytes are not text, in words.
fn not_text(lang: Lang, why: &crate::source::encoding::NotText) -> String {
    use crate::source::encoding::NotText as N;
    match why {
        N::Nul(at) => tr(lang, &R_NUL, &[at]),
        N::Controls(share) => tr(lang, &R_CONTROLS, &[share]),
    }
}

/// What went over the size limit `limit`, in words.
fn over(lang: Lang, what: &crate::source::Over, limit: u64) -> String {
    use crate::source::Over as O;
    match what {
        O::Read => tr(lang, &R_OVER_READ, &[&limit]),
        O::Part(part) => tr(lang, &R_OVER_PART, &[part, &limit]),
        O::Text(bytes) => tr(lang, &R_OVER_TEXT, &[bytes]),
    }
}

/// Why a DOCX, PDF or JSON file does not read, in words.
fn broken(lang: Lang, why: &crate::source::Broken) -> String {
    use crate::source::Broken as B;
    match why {
        B::NotZip => s(lang, &R_NOT_ZIP),
        B::LegacyDoc => s(lang, &R_LEGACY_DOC),
        B::NoPart(part) => tr(lang, &R_NO_PART, &[part]),
        B::BadPart { part, detail } => tr(lang, &R_BAD_PART, &[part, detail]),
        B::PartNotUtf8 { part, offset } => tr(lang, &R_PART_NOT_UTF8, &[part, offset]),
        B::BadXml { part, detail } => tr(lang, &R_BAD_XML, &[part, detail]),
        B::Pdf(detail) => tr(lang, &R_PDF, &[detail]),
        B::PdfCrashed => s(lang, &R_PDF_CRASHED),
        B::NoPages => s(lang, &R_NO_PAGES),
        B::Json { line, column } => tr(lang, &R_JSON, &[line, column]),
    }
}

/// How safe a rule's fix is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixSafety {
    /// No fix is offered.
    None,
    /// One reading exists: the fix only rewrites what is written.
    Safe,
    /// The fix writes an inferred or looked-up value: review it.
    Review,
}

impl FixSafety {
    pub fn text(self, lang: Lang) -> &'static str {
        let m = match self {
            FixSafety::None => Msg {
                vi: "không có (cần tra cứu bản gốc)",
                en: "none (look the original up)",
            },
            FixSafety::Safe => Msg {
                vi: "an toàn: chỉ viết lại đúng phần viết sai, chỉ có một cách đọc",
                en: "safe: rewrites only the miswritten piece, which has one reading",
            },
            FixSafety::Review => Msg {
                vi: "cần kiểm tra: giá trị được suy ra hoặc lấy từ cơ sở dữ liệu",
                en: "review it: the value is inferred or taken from the registry",
            },
        };
        m.get(lang)
    }
}

/// A rule's texts: summary, explanation (what, why, example) and fix safety.
#[derive(Debug, Clone, Copy)]
pub struct RuleText {
    pub code: &'static str,
    pub summary: Msg,
    pub explanation: Msg,
    pub fix: FixSafety,
}

macro_rules! rule_texts {
    ($($code:literal, $fix:ident, $svi:literal, $sen:literal, $xvi:literal, $xen:literal;)*) => {
        /// Every rule's texts.
        pub const RULE_TEXTS: &[RuleText] = &[$(RuleText {
            code: $code,
            summary: Msg { vi: $svi, en: $sen },
            explanation: Msg { vi: $xvi, en: $xen },
            fix: FixSafety::$fix,
        }),*];
    };
}

rule_texts! {
    "C0101", Review,
    "số hiệu thiếu năm ban hành",
    "normative instrument's number written without its year",
    "Văn bản quy phạm pháp luật (nghị định, thông tư, quyết định của Thủ tướng, nghị quyết của Hội đồng nhân dân ...) được đánh số theo dạng số/năm/ký hiệu (Luật 80/2015/QH13, Điều 10): \"168/2018/NĐ-CP\", không viết \"168 NĐ-CP\" hay \"168/NĐ-CP\". Văn bản trước năm 2009, văn bản của Đảng và văn bản hành chính không mang năm trong số hiệu và không bị báo. Khi ngày ban hành ghi kèm cho biết năm, bản sửa viết năm vào số hiệu; nếu không thì cần tra cứu.",
    "A legal normative document (nghị định, thông tư, quyết định of the Prime Minister, nghị quyết of a people's council ...) is numbered number/YEAR/symbol (Law 80/2015/QH13 Art. 10): \"168/2018/NĐ-CP\", not \"168 NĐ-CP\" or \"168/NĐ-CP\". Documents before 2009, Party documents and administrative documents carry no year and are not flagged. When the date written beside the citation gives the year, the fix writes it into the number; otherwise the year has to be looked up.";
    "C0102", Safe,
    "thiếu dấu phân cách trong số, ký hiệu",
    "separator missing in the number-symbol",
    "Các phần của số, ký hiệu được nối bằng dấu phân cách: \"/\" giữa số, năm và ký hiệu trong văn bản nhà nước (\"21/2019/NĐ-CP\", \"34/KH-UBND\"), \"-\" giữa số và loại văn bản trong văn bản của Đảng (\"28-NQ/TW\"). \"21/2019 NĐ-CP\" hay \"28 NQ/TW\" thiếu một dấu. Bản sửa viết lại số, ký hiệu đúng thể thức.",
    "The parts of a number-symbol (số, ký hiệu) are joined by separators: '/' between number, year and symbol in state documents (\"21/2019/NĐ-CP\", \"34/KH-UBND\"), '-' between number and type in Party documents (\"28-NQ/TW\"). \"21/2019 NĐ-CP\" or \"28 NQ/TW\" leaves one out. The fix writes the number-symbol as it should be.";
    "C0103", Safe,
    "sai dấu phân cách trong số, ký hiệu",
    "wrong separator in the number-symbol",
    "Ký hiệu văn bản nhà nước nối mã loại văn bản và mã cơ quan bằng \"-\" (\"NĐ-CP\", không viết \"NĐ/CP\"); văn bản của Đảng (Hướng dẫn 36-HD/VPTW) viết số-LOẠI/CƠ QUAN (\"28-NQ/TW\", \"14612-CV/VPTW\"), không viết \"28/NQ/TW\". Cách đánh số cũ (\"87-CT\" năm 1985) đúng với thời của nó và không bị báo. Số văn bản của doanh nghiệp, hợp tác xã (\"công văn số 1025-CVHQ ... của Công ty TNHH ...\") được giữ như khi ban hành. Nghị định 30/2020/NĐ-CP (Điều 2) áp dụng cho cơ quan, tổ chức nhà nước và doanh nghiệp nhà nước; việc miễn cho mọi công ty (kể cả doanh nghiệp nhà nước) là lựa chọn thận trọng của công cụ, không phải quy định của pháp luật. Bản sửa viết dạng thông dụng.",
    "State symbols join the type and issuer codes with '-' (\"NĐ-CP\", not \"NĐ/CP\"); Party documents (Guide 36-HD/VPTW) are written number-TYPE/ISSUER (\"28-NQ/TW\", \"14612-CV/VPTW\"), not \"28/NQ/TW\". Older numbering (\"87-CT\" of 1985) is right for its era and is not flagged. A company's or co-operative's own number (\"công văn số 1025-CVHQ ... của Công ty TNHH ...\") is quoted as issued. Decree 30/2020/NĐ-CP (Art. 2) applies to state agencies and organisations and to state-owned enterprises; exempting every company (state-owned ones included) is the tool's conservative choice, not the law's. The fix writes the usual form.";
    "C0104", Safe,
    "có khoảng trắng thừa trong số, ký hiệu",
    "space inside the number-symbol",
    "Số, ký hiệu viết liền, không có khoảng trắng: \"12-CT/TW\", không viết \"12- CT/TW\"; \"02/2020/NĐ-CP\", không viết \"02/2020 /NĐ-CP\". Khoảng trắng làm hỏng việc tìm kiếm và sao chép. Xuống dòng giữa trích dẫn (thường gặp trong văn bản lấy từ PDF) không phải lỗi và được giữ nguyên; dấu in đậm, in nghiêng của Markdown (\"số** 203**/2025/QH15\") không phải khoảng trắng và được giữ nguyên.",
    "A number-symbol is written without spaces: \"12-CT/TW\", not \"12- CT/TW\"; \"02/2020/NĐ-CP\", not \"02/2020 /NĐ-CP\". Spaces break search and copy-paste. A line break inside a citation (common in text taken from PDF) is not a defect and is kept by the fix; Markdown bold or italic markers (\"số** 203**/2025/QH15\") are not spaces and are kept too.";
    "C0105", Safe,
    "thiếu khoảng trắng sau \"số\"",
    "no space after \"số\"",
    "\"số\" là một từ riêng: \"Nghị định số 01/2019/NĐ-CP\", không viết \"số01/2019\". Bản sửa chỉ thêm khoảng trắng.",
    "\"số\" (number) is a word of its own: \"Nghị định số 01/2019/NĐ-CP\", not \"số01/2019\". The fix inserts the space and changes nothing else.";
    "C0106", Review,
    "ký hiệu bị thiếu phần cuối",
    "the symbol stops short",
    "Ký hiệu kết thúc bằng dấu phân cách (\"12 ĐA-\"): thiếu mã cơ quan ban hành. Khi cùng văn bản được viện dẫn đầy đủ ở chỗ khác, hoặc cơ quan ban hành được ghi kèm (\"của UBND huyện\" cho \"ĐA-UBND\"), bản sửa bổ sung phần thiếu; cần kiểm tra vì đây là suy luận.",
    "The symbol ends with a dangling separator (\"12 ĐA-\"): the issuer code is missing. When the same instrument is cited in full elsewhere in the document, or the issuer is written beside it (\"của UBND huyện\" gives \"ĐA-UBND\"), the fix completes it; check the completion, it is inferred.";
    "C0107", Safe,
    "viết chữ \"D\" thay cho \"Đ\" trong ký hiệu",
    "ASCII 'D' written for 'Đ' in the symbol",
    "Ký hiệu là chữ viết tắt tiếng Việt: NĐ (nghị định), QĐ (quyết định), HĐND (hội đồng nhân dân). \"ND-CP\" hay \"QD-TTg\" (kiểu tên tệp) không phải cách viết trong văn bản tiếng Việt. Đoạn văn tiếng Anh (bản dịch) viết \"ND-CP\" là bình thường và không bị báo. Bản sửa viết lại \"Đ\".",
    "Symbols are Vietnamese abbreviations: NĐ (nghị định), QĐ (quyết định), HĐND (hội đồng nhân dân). \"ND-CP\" or \"QD-TTg\" (file-name style) is not how they are written in a Vietnamese document. English passages (translations) write \"ND-CP\" normally and are not flagged. The fix restores 'Đ'.";
    "C0108", Safe,
    "ký hiệu có chữ trông giống nhưng là chữ khác",
    "a lookalike letter in the symbol",
    "Chữ \"Ð\" (U+00D0, chữ eth) trông giống \"Đ\" (U+0110) nhưng là chữ khác; chữ Kirin \"С\", \"Р\", \"О\" trông giống chữ Latinh \"C\", \"P\", \"O\"; \"OH14\" viết chữ \"O\" thay cho \"Q\" của \"QH14\". Tìm \"QĐ-UBND\" sẽ không thấy \"QÐ-UBND\". Bản sửa viết đúng chữ.",
    "'Ð' (U+00D0, Latin capital eth) looks like 'Đ' (U+0110) but is another letter; Cyrillic \"С\", \"Р\", \"О\" look like Latin \"C\", \"P\", \"O\"; \"OH14\" writes 'O' for the 'Q' of \"QH14\". A search for \"QĐ-UBND\" does not find \"QÐ-UBND\". The fix writes the right letter.";
    "C0109", Safe,
    "sai chính tả tên loại văn bản",
    "misspelled type of instrument",
    "Tên loại văn bản viết sai chính tả: \"Nghi định\" thay cho \"Nghị định\", \"Kết luân\" thay cho \"Kết luận\", \"Đè án\" thay cho \"Đề án\". Bản sửa viết đúng chính tả và giữ cách viết hoa của bản gốc (\"Quyết Định\" viết hoa, không sai chính tả).",
    "The type of instrument (loại văn bản) is misspelled: \"Nghi định\" for \"Nghị định\", \"Kết luân\" for \"Kết luận\", \"Đè án\" for \"Đề án\". The fix writes the proper spelling and keeps the original's capitals (\"Quyết Định\" is capitalised, not misspelled).";
    "C0110", Safe,
    "viết sai chữ \"số\"",
    "misspelled \"số\"",
    "Viết \"só\" thay cho \"số\" trước số của văn bản (\"Nghị định só 74/2015/NĐ-CP\"). Bản sửa viết \"số\", giữ cách viết hoa.",
    "\"só\" is written for \"số\" (number) before the number of the instrument (\"Nghị định só 74/2015/NĐ-CP\"). The fix writes \"số\", keeping the original's capitals.";
    "C0111", Review,
    "ký hiệu Quốc hội bị cắt cụt",
    "truncated National Assembly symbol",
    "Luật và nghị quyết của Quốc hội mang ký hiệu QH và khóa Quốc hội có hai chữ số (\"83/2015/QH13\"). \"QH1\" là ký hiệu bị cắt. Khi năm trong số hiệu chỉ thuộc một khóa (QH11 2002–2007, QH12 2007–2011, QH13 2011–2016, QH14 2016–2021, QH15 2021–2026, QH16 từ 2026), bản sửa viết khóa đó; năm chuyển khóa thì cần tra cứu.",
    "Laws and resolutions of the National Assembly carry the symbol QH with a two-digit term (\"83/2015/QH13\"). \"QH1\" is cut short. When the year in the number falls in one term only (QH11 2002–2007, QH12 2007–2011, QH13 2011–2016, QH14 2016–2021, QH15 2021–2026, QH16 from 2026), the fix writes that term; a year of two terms has to be looked up.";
    "C0112", Safe,
    "thiếu dấu gạch nối trong ký hiệu",
    "hyphen missing inside the symbol",
    "Mã loại văn bản và mã cơ quan ban hành được nối bằng \"-\": \"15/CT-TTg\", không viết \"15/CTTg\"; \"12/QĐ-UBND\", không viết \"12/QĐUBND\". Bản sửa chỉ thêm dấu gạch nối giữa hai mã đã biết.",
    "The type code and the issuer code are joined by '-': \"15/CT-TTg\", not \"15/CTTg\"; \"12/QĐ-UBND\", not \"12/QĐUBND\". The fix only inserts the hyphen between the two known codes.";
    "C0113", Review,
    "năm trong số hiệu bị thiếu chữ số",
    "truncated year in the number",
    "Năm trong số hiệu có bốn chữ số: \"15/2023/QĐ-UBND\", không viết \"15/202 /QĐ-UBND\". Khi ngày ban hành ghi kèm cho biết năm và năm đó bắt đầu bằng các chữ số đã viết, bản sửa viết năm đầy đủ.",
    "The year in a number has four digits: \"15/2023/QĐ-UBND\", not \"15/202 /QĐ-UBND\". When the date written beside it gives a year that begins with the digits written, the fix writes the full year.";
    "C0114", Review,
    "mã cơ quan ban hành trong ký hiệu viết sai",
    "misspelled issuer code in the symbol",
    "Mã cơ quan ban hành trong ký hiệu là chữ viết tắt do chính cơ quan đặt (Nghị định 30/2020/NĐ-CP, Phụ lục I) và được dùng ổn định (thực tiễn quan sát trong kho văn bản): \"BLĐTBXH\" (Bộ Lao động - Thương binh và Xã hội), không viết \"BLĐTXH\". Mã không có trong danh mục nhưng chỉ khác một chữ so với đúng một mã đã biết (từ năm chữ trở lên) bị báo. Chữ đầu cho biết cấp cơ quan theo thực tiễn (B Bộ, S Sở, P Phòng): \"SKHCN\" là Sở, không phải \"BKHCN\" viết sai; chữ cuối của mã cơ quan Đảng cho biết cấp ủy (TW, TU, HU): \"BTCTU\" là Ban Tổ chức Tỉnh ủy, không phải \"BTCTW\" viết sai, và quy tắc chỉ xét ký hiệu có năm của văn bản nhà nước; mã đứng sau mã cơ quan là mã đơn vị (\"QĐ-BNN-KHCN\") và không bị xét. Bộ viết thiếu chữ \"B\" (\"TT-LĐTBXH\") chỉ bị báo với văn bản từ năm 2009. Bản sửa viết mã đã biết; cần kiểm tra vì đây là suy luận.",
    "The issuer code in a symbol is an abbreviation the body sets for itself (Decree 30/2020/NĐ-CP, Appendix I) and keeps (observed practice in the corpus): \"BLĐTBXH\" (Ministry of Labour, Invalids and Social Affairs), not \"BLĐTXH\". A code that is not in the list but one letter away from exactly one known code (of five letters or more) is flagged. In observed practice the first letter names the level of the body (B Bộ, S Sở, P Phòng): \"SKHCN\" is a department (Sở), not \"BKHCN\" misspelled; a Party body's code ends with its committee's level (TW, TU, HU): \"BTCTU\" is a province's Ban Tổ chức, not \"BTCTW\" misspelled, and only year-numbered state symbols are read; codes after the issuer's name a unit (\"QĐ-BNN-KHCN\") and are not checked. A ministry's code without its \"B\" (\"TT-LĐTBXH\") is flagged only for instruments from 2009 on. The fix writes the known code; check it, it is inferred.";
    "C0115", Review,
    "ký hiệu của Quốc hội, Ủy ban Thường vụ Quốc hội có mã loại văn bản",
    "a type code in a National Assembly symbol",
    "Từ Luật Ban hành văn bản quy phạm pháp luật 80/2015/QH13 (có hiệu lực từ 01/7/2016, Điều 8), số, ký hiệu của luật, nghị quyết của Quốc hội, pháp lệnh, nghị quyết của Ủy ban Thường vụ Quốc hội gồm số thứ tự, năm ban hành, tên viết tắt của cơ quan và số khóa: \"76/2025/UBTVQH15\", \"203/2025/QH15\", không viết \"76/2025/NQ-UBTVQH15\". Nghị quyết trước đó (\"1206/2016/NQ-UBTVQH13\") và nghị quyết không mang năm (\"1656/NQ-UBTVQH15\") đúng như đã viết. Bản sửa bỏ mã loại.",
    "Since the Law on Promulgation of Legal Documents 80/2015/QH13 (in force 01/7/2016, Art. 8), the number-symbol of a law or resolution of the National Assembly, and of an ordinance or resolution of its Standing Committee, is number/year/body-and-term: \"76/2025/UBTVQH15\", \"203/2025/QH15\", not \"76/2025/NQ-UBTVQH15\". Earlier resolutions (\"1206/2016/NQ-UBTVQH13\") and resolutions numbered without a year (\"1656/NQ-UBTVQH15\") are right as written. The fix drops the type code.";
    "C0116", Safe,
    "ký hiệu quy chuẩn kỹ thuật quốc gia viết sai",
    "miswritten code of a national technical regulation",
    "Quy chuẩn kỹ thuật quốc gia mang ký hiệu \"QCVN số hiệu:năm ban hành/tên viết tắt của bộ\" (Luật Tiêu chuẩn và Quy chuẩn kỹ thuật 68/2006/QH11 và văn bản hướng dẫn): \"QCVN 01:2008/BLĐTBXH\", không viết \"QCVN 01 - 2008/BLĐTBXH\" hay \"QCVN: 02/2019/BLĐTBXH\". Khoảng trắng thừa quanh dấu \":\" (\"QCVN 06: 2020/BGTVT\", \"QCVN 19 : 2016/BCT\") cũng bị báo. Dấu gạch nối đánh số phần của một bộ quy chuẩn (\"QCVN 01-99:2012/BNNPTNT\") là đúng. Chỉ xét khi mã sau năm là mã cơ quan đã biết và không có \"-\" theo sau (\"QCVN 03/2019/TT-BYT\" là số của một thông tư, không phải mã quy chuẩn). Bản sửa viết dấu \":\" giữa số hiệu và năm.",
    "A national technical regulation is coded \"QCVN number:year/ministry\" (Law on Standards and Technical Regulations 68/2006/QH11 and its guidance): \"QCVN 01:2008/BLĐTBXH\", not \"QCVN 01 - 2008/BLĐTBXH\" or \"QCVN: 02/2019/BLĐTBXH\". A stray space around the ':' (\"QCVN 06: 2020/BGTVT\", \"QCVN 19 : 2016/BCT\") is flagged too. A hyphen numbering a part of a series (\"QCVN 01-99:2012/BNNPTNT\") is right. Only read when the code after the year is a known issuer code not followed by '-' (\"QCVN 03/2019/TT-BYT\" is a circular's number, not a regulation's code). The fix writes ':' between the number and the year.";
    "C0201", None,
    "năm trong số hiệu khác năm của ngày ban hành ghi kèm",
    "the year in the number differs from the year of the date beside it",
    "Số hiệu văn bản quy phạm mang năm ban hành (\"168/2018/NĐ-CP\" ban hành năm 2018), nên ngày ghi kèm (\"ngày 28/12/2018\") phải thuộc năm đó. Một trong hai bị viết sai; khi văn bản ghi cùng văn bản đó với ngày khác ở chỗ khác, ngày đó được nêu.",
    "A normative document's number carries the year it was issued (\"168/2018/NĐ-CP\" was issued in 2018), so the date written beside it (\"ngày 28/12/2018\") must fall in that year. One of the two is wrong; when the document gives another date for it elsewhere, that date is named.";
    "C0202", None,
    "ngày tháng không tồn tại",
    "the date does not exist",
    "Ngày ghi không có trong lịch (\"ngày 31/02/2019\", \"29/02/2023\"). Cần tra cứu ngày ban hành thật của văn bản.",
    "The date does not exist in the calendar (\"ngày 31/02/2019\", \"29/02/2023\"). The instrument's real issue date (ngày ban hành) must be looked up.";
    "C0203", None,
    "tên loại văn bản không khớp với ký hiệu",
    "the type word does not match the symbol",
    "Tên loại văn bản viết trước số và mã loại trong ký hiệu phải khớp nhau (Nghị định 30/2020/NĐ-CP, Phụ lục III): \"Nghị định\" đi với NĐ, \"Quyết định\" với QĐ, \"Nghị quyết\" với NQ, \"Chỉ thị\" với CT, \"Kế hoạch\" với KH. \"Nghị định ... QĐ-TTg\" viện dẫn một quyết định như một nghị định: một trong hai bị sai. Trong ký hiệu văn bản của Đảng (\"297/TT-TW\", \"07-TT/TC\"), TT là Thông tri (Hướng dẫn 36-HD/VPTW): Đảng không ban hành thông tư. Trước năm 1993, \"-CT\" sau số (\"Quyết định số 87-CT\" năm 1985) chỉ Chủ tịch Hội đồng Bộ trưởng, không phải chỉ thị.",
    "The type of instrument written before the number and the type code in the symbol must agree (Decree 30/2020/NĐ-CP, Appendix III): \"Nghị định\" goes with NĐ, \"Quyết định\" with QĐ, \"Nghị quyết\" with NQ, \"Chỉ thị\" with CT, \"Kế hoạch\" with KH. \"Nghị định ... QĐ-TTg\" cites a decision as a decree: one of them is wrong. In a Party symbol (\"297/TT-TW\", \"07-TT/TC\") TT is a Thông tri (Guide 36-HD/VPTW): the Party issues no Thông tư. Before 1993 a bare \"-CT\" (\"Quyết định số 87-CT\" of 1985) named the Chairman of the Council of Ministers, not a Chỉ thị.";
    "C0204", None,
    "cơ quan này không ban hành loại văn bản này",
    "this issuer does not issue this type of instrument",
    "Mỗi cơ quan ban hành loại văn bản của mình (Luật 80/2015/QH13, Điều 4): Chính phủ ban hành nghị định; Thủ tướng Chính phủ ban hành quyết định, chỉ thị; Hội đồng nhân dân ban hành nghị quyết; Ủy ban nhân dân ban hành quyết định, kế hoạch, chỉ thị, không ban hành nghị quyết. \"Nghị quyết ... của UBND\" hay \"Nghị định ... của Thủ tướng\" ghi sai loại hoặc sai cơ quan.",
    "Each authority issues its own types (Law 80/2015/QH13 Art. 4): the Government issues decrees (nghị định); the Prime Minister issues decisions and directives, not decrees; people's councils (HĐND) issue resolutions; people's committees (UBND) issue decisions, plans and directives, not resolutions. A \"Nghị quyết ... của UBND\" or \"Nghị định ... của Thủ tướng\" names the wrong type or the wrong issuer.";
    "C0205", Review,
    "cùng một văn bản được ghi với ngày ban hành khác nhau",
    "the same instrument is cited with different dates",
    "Văn bản viện dẫn cùng một số, ký hiệu với hai ngày ban hành khác nhau. Ngày chuẩn là ngày trong cơ sở dữ liệu nếu có, nếu không là ngày được ghi nhiều nhất (ngang nhau thì ngày khớp với năm trong số hiệu); chỉ chỗ ghi khác ngày chuẩn bị báo, với ngày chuẩn làm bản sửa, viết theo kiểu của chỗ đó (\"ngày 28 tháng 5 năm 2022\"). Khi không biết ngày nào đúng, mọi chỗ đều bị báo, không có bản sửa. Ngày mở đầu câu ở dòng mới (\"Ngày 28 tháng 11 năm 2025, tại ...\" sau tiêu đề) không phải ngày của văn bản được viện dẫn. Số của văn bản Đảng và văn bản hành chính lặp lại qua các năm, các khóa (28-NQ/TW năm 2008 và năm 2013 là hai nghị quyết khác nhau), nên chỉ so các ngày trong cùng một năm. Trích dẫn trong ngoặc kép (lời văn bản khác) không được so.",
    "The document cites the same number-symbol with two different issue dates. The reference is the registry's date when it knows it, else the date written most often (among equals, the one of the number's year); only the mentions that differ from it are flagged, with it as the fix, written in the mention's own style (\"ngày 28 tháng 5 năm 2022\"). When nothing tells which date is right, every mention is flagged, without a fix. A date that opens a sentence on a new line (\"Ngày 28 tháng 11 năm 2025, tại ...\" after a title) is not the cited instrument's date. Party and administrative numbers repeat across years and terms (28-NQ/TW of 2008 and of 2013 are different resolutions), so for them only dates within the same year are compared. Quoted text (another document's words) is not compared.";
    "C0206", Review,
    "cơ sở dữ liệu ghi số hiệu văn bản này có năm ban hành",
    "the registry knows this instrument's number with its year",
    "Trích dẫn đúng thể thức văn bản hành chính (\"62/QĐ-TTg\") nhưng văn bản được tra ra là văn bản quy phạm có năm trong số hiệu (\"62/2011/QĐ-TTg\"). Bản sửa viết số hiệu theo cơ sở dữ liệu.",
    "The citation is well formed as an administrative number (\"62/QĐ-TTg\"), but the instrument it resolves to is a normative document numbered with its year (\"62/2011/QĐ-TTg\"). The fix writes the registry's number.";
    "C0207", None,
    "trích yếu không khớp với tên văn bản có số hiệu này",
    "the subject cited does not match the registry's title for this number",
    "Trích yếu ghi kèm trích dẫn (\"về ...\") gần như không trùng với tên văn bản có số hiệu đó trong cơ sở dữ liệu: số hiệu hoặc trích yếu bị sai (ví dụ \"Nghị định 01/2019/NĐ-CP ... động viên quốc phòng\": 01/2019/NĐ-CP là nghị định về Kiểm lâm). Luật được viện dẫn bằng tên thì tên chính là nội dung, không so. Văn bản cùng nội dung trong cơ sở dữ liệu được nêu trong lưu ý; không tự thay thế.",
    "The subject written with the citation (\"về ...\", trích yếu) shares almost nothing with the registry's title for the instrument with that number: the number, or the subject, is wrong (e.g. \"Nghị định 01/2019/NĐ-CP ... động viên quốc phòng\": 01/2019/NĐ-CP is the decree on forest rangers). A law cited by its name has its subject in the name and is not compared. When the registry knows an instrument on the cited subject it is named in a note; nothing is replaced automatically.";
    "C0209", Review,
    "ngày ban hành ghi khác với ngày trong cơ sở dữ liệu",
    "the date written differs from the registry's issue date",
    "Ngày ghi kèm trích dẫn phải là ngày ban hành của văn bản. Khi cơ sở dữ liệu biết văn bản theo số hiệu và ghi ngày ban hành khác (\"Nghị định số 74/2015/NĐ-CP ngày 19/6/2015\": nghị định về phòng không nhân dân ban hành ngày 09/9/2015), ngày hoặc số hiệu bị sai. Bản sửa viết ngày theo cơ sở dữ liệu; cần đối chiếu bản gốc khi nguồn chưa được kiểm chứng.",
    "The date written beside a citation should be the instrument's issue date. When the registry knows the instrument by its number and holds another issue date (\"Nghị định số 74/2015/NĐ-CP ngày 19/6/2015\": the decree on phòng không nhân dân was issued on 09/9/2015), either the date or the number is wrong. The fix writes the registry's date; check the original before accepting it when the registry's source is not verified.";
    "C0210", None,
    "khóa Quốc hội trong ký hiệu không khớp với năm",
    "the National Assembly term in the symbol cannot match the year",
    "Mỗi khóa Quốc hội họp trong một nhiệm kỳ: QH11 2002–2007, QH12 2007–2011, QH13 2011–2016, QH14 2016–2021, QH15 2021–2026, QH16 từ 2026. \"số 30/2018/QH12\" không thể đúng: năm 2018 thuộc Quốc hội khóa XIV. Năm hoặc khóa bị viết sai; cần tra cứu.",
    "Each National Assembly sits for one term: QH11 2002–2007, QH12 2007–2011, QH13 2011–2016, QH14 2016–2021, QH15 2021–2026, QH16 from 2026. \"số 30/2018/QH12\" cannot be right: 2018 falls in the 14th term. The year or the term is miswritten; look it up.";
    "C0211", Safe,
    "ngày tháng viết sai",
    "malformed date",
    "Ngày tháng viết sai thể thức (Nghị định 30/2020/NĐ-CP, Phụ lục I: \"ngày ... tháng ... năm ...\"): \"ngày 31 năm 12 năm 2020\" (viết \"năm\" thay cho \"tháng\"), \"ngày 15 tháng 9 tháng 2022\" (viết \"tháng\" thay cho \"năm\"), \"ngày ngày 01/4/2025\" (\"ngày\" viết hai lần), \"ngày 21/11 /2025\", \"01/ 4/2025\" (khoảng trắng trong ngày viết bằng số), \"ngày 15 tháng 2022\" (thiếu tháng), năm có năm chữ số (\"năm 20225\"). Chữ số viết liền sau \"ngày\" (\"ngày14/5/2013\") cũng là sai thể thức; bản sửa thêm khoảng trắng. Khi chỉ có một cách đọc, bản sửa viết lại đúng phần viết sai: \"tháng\" hoặc \"năm\" ở đúng vị trí, bỏ chữ \"ngày\" thừa, bỏ khoảng trắng, thêm khoảng trắng sau \"tháng\", \"năm\" viết liền số (\"tháng12\"), thêm \"ngày\" trước ngày viết ngay sau số hiệu (\"Nghị định số 25/2022/NĐ-CP 12 tháng 4 năm 2022\"); năm có năm chữ số được sửa khi văn bản ghi cùng ngày, tháng đó ở chỗ khác với đúng một năm có được bằng cách bỏ một chữ số (\"ngày 20/11/20225\" và \"ngày 20/11/2025\"); thiếu tháng thì cần tra cứu. \"ngày ngày\" không có chữ số theo sau (\"ngày ngày\" là \"hằng ngày\") không bị báo.",
    "The date is malformed (Decree 30/2020/NĐ-CP, Appendix I: \"ngày ... tháng ... năm ...\"): \"ngày 31 năm 12 năm 2020\" (\"năm\" written for \"tháng\"), \"ngày 15 tháng 9 tháng 2022\" (\"tháng\" written for \"năm\"), \"ngày ngày 01/4/2025\" (\"ngày\" written twice), \"ngày 21/11 /2025\", \"01/ 4/2025\" (white space inside a date in digits), \"ngày 15 tháng 2022\" (the month missing), a year of five digits (\"năm 20225\"). Digits glued to \"ngày\" (\"ngày14/5/2013\") are malformed too; the fix adds the space. When there is one reading, the fix rewrites only the miswritten piece: \"tháng\" or \"năm\" in its place, the extra \"ngày\" removed, the spaces removed, a space after \"tháng\" or \"năm\" glued to its number (\"tháng12\"), \"ngày\" before a date written right after a number (\"Nghị định số 25/2022/NĐ-CP 12 tháng 4 năm 2022\"); a five-digit year is fixed when the document gives the same day and month, elsewhere, exactly one year made by dropping one of its digits (\"ngày 20/11/20225\" and \"ngày 20/11/2025\"); a missing month has to be looked up. \"ngày ngày\" not followed by digits (\"day after day\") is not flagged.";
    "C0212", Review,
    "cùng số và năm nhưng ký hiệu khác nhau trong một văn bản",
    "the same number and year cited with different symbols",
    "Số, năm và loại của văn bản quy phạm là duy nhất với mỗi cơ quan, nên văn bản ghi \"64/2008/QĐ-LĐTBXH\" ở một chỗ và \"64/2008/QĐ-BLĐTBXH\" ở chỗ khác (mã cơ quan chỉ khác một chữ hoặc viết tắt ngắn hơn: \"QĐ-UB\" và \"QĐ-UBND\") đã viết sai một trong hai. Cách viết là mã đã biết (khi cách kia không phải và không phải dạng viết tắt của nó) làm chuẩn, dù xuất hiện ít hơn; nếu không, cách viết xuất hiện nhiều hơn làm chuẩn và là bản sửa; khi hai cách ngang nhau, mọi chỗ đều bị báo, không có bản sửa. Hai mã đều có trong danh mục (\"TT-BTC\", \"TT-BCT\") là hai văn bản khác nhau, hai cơ quan khác cấp (\"QĐ-PGDĐT\", \"QĐ-SGDĐT\") cũng vậy; chỗ ghi ngày khác nhau cũng không được so.",
    "A normative instrument's number, year and type are unique for its issuer, so a document that writes \"64/2008/QĐ-LĐTBXH\" in one place and \"64/2008/QĐ-BLĐTBXH\" in others (issuer codes one letter apart, or one a shorter form: \"QĐ-UB\" and \"QĐ-UBND\") has one of them wrong. A known code is the reference when the other spelling is not one (nor its shorter form), however rarely it is written; otherwise the spelling written most often is the reference and the fix; when neither is, every mention is flagged, without a fix. Two known codes (\"TT-BTC\", \"TT-BCT\") are two instruments, and so are two bodies of two levels (\"QĐ-PGDĐT\", \"QĐ-SGDĐT\"); mentions with different dates are not compared.";
    "C0213", Safe,
    "ngày viết hai lần liền nhau",
    "the same date written twice in a row",
    "Một ngày được viết hai lần liền nhau sau trích dẫn (\"Quyết định số 55/2014/QĐ-UBND ngày 31/12/2014 ngày 31/12/2014\"), thường do sao chép: văn bản chỉ có một ngày ban hành. Bản sửa bỏ lần viết thứ hai. Hai ngày khác nhau viết liền nhau không thuộc quy tắc này.",
    "One date is written twice in a row after a citation (\"Quyết định số 55/2014/QĐ-UBND ngày 31/12/2014 ngày 31/12/2014\"), usually a copy-paste slip: an instrument has one issue date. The fix removes the second one. Two different dates in a row are not this rule's business.";
    "C0214", Review,
    "ngày ghi kèm tên luật không phải ngày thông qua luật nào mang tên đó",
    "the date beside a law's name is the passing date of no law of that name",
    "Luật, bộ luật, pháp lệnh được viện dẫn bằng tên, không có số hiệu (\"Luật Thương mại ngày 14/6/2025\"), ghi kèm ngày thông qua. Khi cơ sở dữ liệu biết đầy đủ và đã kiểm chứng các lần ban hành của luật mang tên đó, ngày ghi không phải ngày thông qua, ngày có hiệu lực hay ngày công bố (trong 15 ngày sau khi thông qua) của lần nào, cũng không phải ngày của luật sửa đổi luật đó, thì ngày bị viết sai (Luật Thương mại số 36/2005/QH11 được thông qua ngày 14/6/2005). Bản sửa chỉ được đưa ra khi có một cách đọc: đúng một lần ban hành có cùng ngày và tháng (năm viết sai), hoặc đúng một lần ban hành trong năm ghi; cần kiểm tra. Luật mà cơ sở dữ liệu không biết, hoặc biết chưa đầy đủ hay chưa kiểm chứng, không bị báo; trích dẫn trong tên một luật sửa đổi (\"Luật sửa đổi, bổ sung ... Luật ... ngày ...\") cũng vậy. Luật có số hiệu thì ngày được so với cơ sở dữ liệu theo C0209.",
    "A law, code or ordinance cited by its name, without a number (\"Luật Thương mại ngày 14/6/2025\"), is dated by the day it was passed. When the registry knows every version of the work of that name, verified, and the date is no version's passing date, effective date or promulgation date (within 15 days of passing), nor the date of a law amending it, the date is miswritten (Luật Thương mại 36/2005/QH11 was passed on 14/6/2005). A fix is offered only when it has one reading: exactly one version passed on that day and month (the year miswritten), or exactly one version passed in the year written; review it. A law the registry does not know, or knows incompletely or unverified, is not flagged, nor a mention inside an amending law's title (\"Luật sửa đổi, bổ sung ... Luật ... ngày ...\"). A law cited with its number has its date compared with the registry by C0209.";
    "C0301", None,
    "văn bản được viện dẫn có ngày sau ngày của văn bản này",
    "cited instrument is dated after the citing document",
    "Văn bản chỉ có thể căn cứ vào văn bản ban hành trước nó. Quy tắc chỉ báo khi cả hai ngày đều chắc chắn: ngày của văn bản này ở phần đầu và ngày viết kèm trích dẫn. Một trong hai ngày bị sai; khi văn bản tự dẫn số hiệu của mình với ngày khác ngày ở phần đầu, ngày ở phần đầu được nêu.",
    "A document can only rest on (căn cứ) instruments issued before it. The rule speaks only when both dates are certain: this document's own date in its header and the date written with the citation. One of the dates is wrong; when a document cites its own number with another date than its header's, the header's date is named.";
    "C0302", None,
    "văn bản được viện dẫn đã hết hiệu lực hoặc đã bị thay thế",
    "cited instrument has expired or been replaced",
    "Tại ngày xét (ngày của văn bản này, trừ khi có --as-of), văn bản được viện dẫn đã hết hiệu lực hoặc đã bị thay thế. Chuỗi thay thế được lần theo đến văn bản còn hiệu lực, là văn bản nên viện dẫn. Chỉ xét khi văn bản có ngày và trích dẫn được xác định bằng số hiệu hoặc ngày.",
    "As of the date checked (the document's own date unless --as-of is given), the instrument is no longer in force (hết hiệu lực) or has been replaced (bị thay thế). The chain of replacements is followed to the instrument in force, which should be cited instead. Only judged when the document has a date and the citation is identified by its number or date.";
    "C0303", None,
    "văn bản được viện dẫn đã bị thay thế bởi văn bản mới cùng nội dung",
    "cited instrument has been superseded by a newer one on the same subject",
    "Một văn bản mới cùng nội dung đã thay chỗ văn bản được viện dẫn (với văn bản của Đảng: nghị quyết của khóa sau, ví dụ Nghị quyết 44-NQ/TW ngày 24/11/2023 về Chiến lược bảo vệ Tổ quốc thay Nghị quyết 28-NQ/TW ngày 25/10/2013), dù không có điều khoản thay thế. Nên viện dẫn văn bản mới, hoặc cả hai nếu vẫn dùng văn bản cũ.",
    "A newer instrument on the same subject has taken the cited one's place (for Party documents, a new resolution of a later term, e.g. Nghị quyết 44-NQ/TW of 24/11/2023 on the strategy to defend the Fatherland after 28-NQ/TW of 25/10/2013), even where no formal replacement clause is known. Cite the newer one, or both if the older is still meant.";
    "C0304", None,
    "văn bản được viện dẫn đã hết hiệu lực một phần",
    "cited instrument is partly expired",
    "Một phần văn bản đã hết hiệu lực tại ngày xét; cần kiểm tra các quy định được dựa vào còn hiệu lực không và viện dẫn cả văn bản sửa đổi.",
    "Part of the instrument has expired (hết hiệu lực một phần) as of the date checked; check that the provisions relied on are still in force and cite the amending instrument too.";
    "C0305", None,
    "văn bản được viện dẫn chưa có hiệu lực tại ngày xét",
    "cited instrument was not yet in force at the date checked",
    "Ngày có hiệu lực của văn bản sau ngày xét. Một văn bản có thể chuẩn bị thi hành luật đã được thông qua nhưng chưa có hiệu lực (việc này thường gặp và đúng), nên đây chỉ là lưu ý. Văn bản tự ghi có hiệu lực cùng ngày hoặc sau ngày luật có hiệu lực (\"Nghị định này có hiệu lực thi hành từ ngày ...\"; văn bản quy định chi tiết có hiệu lực cùng thời điểm với điều khoản được quy định chi tiết, Luật 80/2015/QH13, Điều 11; với văn bản ban hành từ 01/4/2025: Luật 64/2025/QH15) thì không có lưu ý.",
    "The instrument's effective date (ngày có hiệu lực) is after the date checked. A document may prepare for a law passed but not yet in force (common and proper), so this is a note only. A document that says it takes effect on or after the day the law does (\"Nghị định này có hiệu lực thi hành từ ngày ...\"; an implementing act takes effect with the provisions it details, Law 80/2015/QH13, Art. 11; for instruments issued from 01/4/2025: Law 64/2025/QH15) gets no note.";
    "C0306", None,
    "viện dẫn văn bản của năm trước trong khi đã có văn bản của năm nay",
    "an earlier year's instrument is cited where this year's exists",
    "Văn bản hằng năm (chỉ thị, kế hoạch năm của cấp ủy, ủy ban \"... năm 2022\") được thay bằng văn bản năm sau. Văn bản này viện dẫn văn bản của năm trước trong khi văn bản cùng loại, cùng cơ quan của năm nay đã có (ví dụ mẫu viện dẫn 14-CT/HU năm 2022 bên cạnh 26-CT/HU năm 2024).",
    "Recurring instruments (the annual directive or plan of a Party committee or people's committee, \"... năm 2022\") are replaced each year by the next. The document cites an earlier year's one while the same issuer's instrument for the document's year exists (the seed cites the district's 14-CT/HU of 2022 beside its 26-CT/HU of 2024).";
    "C0307", None,
    "cơ quan ban hành không còn tồn tại tại ngày xét",
    "the issuer no longer exists at the date checked",
    "Từ ngày 01/7/2025 không còn cấp huyện (Nghị quyết 203/2025/QH15): Ủy ban nhân dân, Hội đồng nhân dân huyện và Huyện ủy (mã HU) không còn ban hành văn bản; hiệu lực của văn bản do các cơ quan này ban hành cần xem xét từng trường hợp. Văn bản có ngày sau thời điểm đó không thể do các cơ quan này ban hành.",
    "From 01/7/2025 the district level of administration ended (Resolution 203/2025/QH15): the district people's committee (UBND huyện), council (HĐND huyện) and Party committee (Huyện ủy, symbol code HU) no longer issue documents, and the legal status of their documents still cited must be checked case by case. A document dated after that day cannot have been issued by them.";
    "C0401", None,
    "chưa tra được văn bản này trong cơ sở dữ liệu",
    "the registry cannot resolve this citation",
    "Không có văn bản nào trong cơ sở dữ liệu khớp với trích dẫn, nên không kiểm tra được hiệu lực hay nội dung. Mặc định các trích dẫn này được tóm tắt thành một dòng cho mỗi văn bản (--show-notes hoặc --deny note để liệt kê); không đoán gì. Thêm văn bản vào cơ sở dữ liệu (corpus/) kèm nguồn để được kiểm tra.",
    "No instrument in the registry matches this citation, so nothing could be checked about its status or subject. By default they are summarised in one line per document (--show-notes or --deny note lists them); nothing is guessed. Add the instrument to the registry (corpus/) with its source to have it checked.";
    "C0402", None,
    "nhiều văn bản khớp với trích dẫn này",
    "several instruments match this citation",
    "Số của văn bản Đảng và văn bản hành chính lặp lại qua các năm, các khóa và các cơ quan; không có ngày, cơ quan hay trích yếu để phân biệt thì trích dẫn khớp với nhiều văn bản. Ghi ngày ban hành (\"ngày 25/10/2013\") để rõ văn bản nào.",
    "Party and administrative numbers repeat across years, terms and issuers; without a date, issuer or subject that tells them apart the citation matches several instruments. Write the date (\"ngày 25/10/2013\") to make it unambiguous.";
}

/// A rule's texts by code.
pub fn rule_text(code: &str) -> Option<&'static RuleText> {
    RULE_TEXTS.iter().find(|r| r.code == code)
}

/// A severity's name in `lang`.
pub fn severity(lang: Lang, sev: crate::diag::Severity) -> &'static str {
    use crate::diag::Severity::*;
    match sev {
        Error => SEV_ERROR.get(lang),
        Warning => SEV_WARNING.get(lang),
        Note => SEV_NOTE.get(lang),
        Help => SEV_HELP.get(lang),
    }
}

/// An instrument's status in words: the one vocabulary of statuses, used by the CLI and
/// the web alike (the exact legal terms: "còn hiệu lực", "đã bị thay thế", "chưa có hiệu
/// lực", "hết hiệu lực").
pub fn status(lang: Lang, st: crate::registry::Status) -> &'static str {
    use crate::registry::Status::*;
    match (lang, st) {
        (Lang::Vi, InForce) => "còn hiệu lực",
        (Lang::Vi, PartlyExpired) => "hết hiệu lực một phần",
        (Lang::Vi, Expired) => "hết hiệu lực",
        (Lang::Vi, Superseded) => "đã bị thay thế",
        (Lang::Vi, NotYetInForce) => "chưa có hiệu lực",
        (Lang::Vi, Unknown) => "chưa rõ hiệu lực",
        (Lang::En, InForce) => "in force",
        (Lang::En, PartlyExpired) => "partly expired",
        (Lang::En, Expired) => "expired",
        (Lang::En, Superseded) => "superseded",
        (Lang::En, NotYetInForce) => "not yet in force",
        (Lang::En, Unknown) => "status unknown",
    }
}

/// A status filter (`search --status`, the web's `?status=`) in words: the registry's
/// statuses in their one vocabulary, and the filters that are not a status.
pub fn status_filter(lang: Lang, f: crate::model::StatusFilter) -> &'static str {
    use crate::model::StatusFilter as F;
    use crate::registry::Status as S;
    match (lang, f) {
        (_, F::InForce) => status(lang, S::InForce),
        (_, F::PartlyExpired) => status(lang, S::PartlyExpired),
        (_, F::Expired) => status(lang, S::Expired),
        (_, F::Superseded) => status(lang, S::Superseded),
        (_, F::NotYetInForce) => status(lang, S::NotYetInForce),
        (_, F::Unknown) => status(lang, S::Unknown),
        (Lang::Vi, F::Outdated) => "hết hiệu lực / bị thay thế",
        (Lang::Vi, F::Unresolved) => "chưa xác định",
        (Lang::Vi, F::Malformed) => "sai thể thức",
        (Lang::En, F::Outdated) => "expired / replaced",
        (Lang::En, F::Unresolved) => "unresolved",
        (Lang::En, F::Malformed) => "malformed",
    }
}

/// A relation slug ("replaced-by") in words, as read from the instrument's side: one
/// vocabulary for the CLI and the web.
pub fn relation(lang: Lang, slug: &str) -> &'static str {
    match (lang, slug) {
        (Lang::Vi, "replaces") => "thay thế",
        (Lang::Vi, "replaced-by") => "bị thay thế bởi",
        (Lang::Vi, "amends") => "sửa đổi, bổ sung",
        (Lang::Vi, "amended-by") => "được sửa đổi, bổ sung bởi",
        (Lang::Vi, "supersedes") => "thay cho",
        (Lang::Vi, "superseded-by") => "được thay bằng",
        (Lang::Vi, "guides") => "hướng dẫn",
        (Lang::Vi, "guided-by") => "được hướng dẫn bởi",
        (Lang::Vi, "based-on") => "căn cứ vào",
        (Lang::Vi, "cites") => "trích dẫn",
        (Lang::Vi, _) => "liên quan",
        (Lang::En, "replaces") => "replaces",
        (Lang::En, "replaced-by") => "replaced by",
        (Lang::En, "amends") => "amends",
        (Lang::En, "amended-by") => "amended by",
        (Lang::En, "supersedes") => "supersedes",
        (Lang::En, "superseded-by") => "superseded by",
        (Lang::En, "guides") => "guides",
        (Lang::En, "guided-by") => "guided by",
        (Lang::En, "based-on") => "based on",
        (Lang::En, "cites") => "cites",
        (Lang::En, _) => "related",
    }
}

/// What a dated effect did to an instrument, in words ("đã bị thay thế"), for the timeline
/// of `cancu show`; `whole` is false when it touched only some provisions.
pub fn effect(lang: Lang, slug: &str, whole: bool) -> &'static str {
    match (lang, slug, whole) {
        (Lang::Vi, "replaces", true) => "đã bị thay thế",
        (Lang::Vi, "repeals", true) => "bị bãi bỏ",
        (Lang::Vi, "repeals", false) => "bị bãi bỏ một phần",
        (Lang::Vi, "expires", true) => "hết hiệu lực",
        (Lang::Vi, "expires", false) => "hết hiệu lực một phần",
        (Lang::Vi, "amends", _) | (Lang::Vi, "replaces", false) => "được sửa đổi, bổ sung",
        (Lang::Vi, "corrects", _) => "được đính chính",
        (Lang::Vi, "suspends", _) => "bị ngưng hiệu lực",
        (Lang::Vi, _, _) => "chịu tác động",
        (Lang::En, "replaces", true) => "replaced",
        (Lang::En, "repeals", true) => "repealed",
        (Lang::En, "repeals", false) => "partly repealed",
        (Lang::En, "expires", true) => "expired",
        (Lang::En, "expires", false) => "partly expired",
        (Lang::En, "amends", _) | (Lang::En, "replaces", false) => "amended",
        (Lang::En, "corrects", _) => "corrected",
        (Lang::En, "suspends", _) => "suspended",
        (Lang::En, _, _) => "affected",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holes(s: &str) -> Vec<String> {
        let mut h: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
            .filter(|n| n.parse::<usize>().is_ok())
            .collect();
        h.sort();
        h.dedup();
        h
    }

    /// Every kind of file error, and every reason inside one, in both languages: the
    /// Vietnamese text by default, the English one (the error's `Display`) with `--lang en`;
    /// each names the file.
    #[test]
    fn source_errors_in_both_languages() {
        use crate::source::encoding::NotText;
        use crate::source::{Broken as B, Over, SourceError as E};
        let p = || "a/b.docx".to_string();
        let corrupt = |format, why| E::Corrupt {
            path: p(),
            format,
            why,
        };
        let part = || "word/document.xml".to_string();
        let rows: Vec<(E, &str, &str)> = vec![
            (
                E::Io {
                    path: p(),
                    err: std::io::Error::other("boom"),
                },
                "a/b.docx: không đọc được: boom",
                "a/b.docx: cannot read: boom",
            ),
            (
                E::Io {
                    path: p(),
                    err: std::io::ErrorKind::PermissionDenied.into(),
                },
                "a/b.docx: không đọc được: không có quyền đọc",
                "a/b.docx: cannot read: permission denied",
            ),
            (
                E::Io {
                    path: p(),
                    err: std::io::ErrorKind::IsADirectory.into(),
                },
                "a/b.docx: không đọc được: đây là thư mục, không phải tệp",
                "a/b.docx: cannot read: is a directory",
            ),
            (
                E::Binary {
                    path: p(),
                    why: NotText::Nul(8),
                },
                "a/b.docx: không phải văn bản: tệp có byte NUL ở vị trí 8; có phải tệp nhị phân (ảnh hay tệp nén bị đổi tên)?",
                "a/b.docx: not text: NUL byte at offset 8; is it a binary file (an image or archive renamed)?",
            ),
            (
                E::Binary {
                    path: p(),
                    why: NotText::Controls(40),
                },
                "a/b.docx: không phải văn bản: 40% là ký tự điều khiển; có phải tệp nhị phân (ảnh hay tệp nén bị đổi tên)?",
                "a/b.docx: not text: 40% control characters; is it a binary file (an image or archive renamed)?",
            ),
            (
                E::NotText {
                    path: p(),
                    offset: 3,
                },
                "a/b.docx: không phải văn bản UTF-8 hợp lệ (byte 3); có phải tệp nhị phân?",
                "a/b.docx: not valid UTF-8 text (byte 3); is it a binary file?",
            ),
            (E::Empty { path: p() }, "a/b.docx: tệp rỗng", "a/b.docx: empty file"),
            (
                E::Missing { path: p() },
                "a/b.docx: không có tệp hay thư mục này",
                "a/b.docx: no such file or directory",
            ),
            (
                E::TooLarge {
                    path: p(),
                    size: 10,
                    limit: 5,
                },
                "a/b.docx: 10 byte, vượt quá giới hạn kích thước 5 byte (nâng giới hạn bằng --max-size)",
                "a/b.docx: 10 bytes, over the size limit of 5 bytes (raise it with --max-size)",
            ),
            (
                E::OverLimit {
                    path: p(),
                    what: Over::Read,
                    limit: 5,
                },
                "a/b.docx: đã đọc hơn 5 byte (dữ liệu không có điểm dừng?), vượt quá giới hạn kích thước 5 byte: từ chối, không cắt bớt (nâng giới hạn bằng --max-size)",
                "a/b.docx: more than 5 bytes read (an endless input?), over the size limit of 5 bytes: refused, not truncated (raise it with --max-size)",
            ),
            (
                E::OverLimit {
                    path: p(),
                    what: Over::Part(part()),
                    limit: 5,
                },
                "a/b.docx: phần word/document.xml giải nén ra hơn 5 byte (bom nén?), vượt quá giới hạn kích thước 5 byte: từ chối, không cắt bớt (nâng giới hạn bằng --max-size)",
                "a/b.docx: word/document.xml decompresses to more than 5 bytes (a zip bomb?), over the size limit of 5 bytes: refused, not truncated (raise it with --max-size)",
            ),
            (
                E::OverLimit {
                    path: p(),
                    what: Over::Text(9),
                    limit: 5,
                },
                "a/b.docx: 9 byte chữ sau khi giải nén, vượt quá giới hạn kích thước 5 byte: từ chối, không cắt bớt (nâng giới hạn bằng --max-size)",
                "a/b.docx: 9 bytes of text once decompressed, over the size limit of 5 bytes: refused, not truncated (raise it with --max-size)",
            ),
            (
                corrupt("DOCX", B::NotZip),
                "a/b.docx: không đọc được tệp DOCX: không phải gói ZIP (tệp .docx là một gói ZIP)",
                "a/b.docx: not a readable DOCX file: not a ZIP package (a .docx is one)",
            ),
            (
                corrupt("DOCX", B::LegacyDoc),
                "a/b.docx: không đọc được tệp DOCX: đây là tệp Word 97-2003 (.doc) mang tên khác: mở bằng Word rồi lưu lại dưới dạng .docx",
                "a/b.docx: not a readable DOCX file: a Word 97-2003 document (.doc) under another name: open it in Word and save it as .docx",
            ),
            (
                corrupt("DOCX", B::NoPart(part())),
                "a/b.docx: không đọc được tệp DOCX: thiếu phần word/document.xml",
                "a/b.docx: not a readable DOCX file: the part word/document.xml is missing",
            ),
            (
                corrupt(
                    "DOCX",
                    B::BadPart {
                        part: part(),
                        detail: "bad".into(),
                    },
                ),
                "a/b.docx: không đọc được tệp DOCX: không giải nén được phần word/document.xml (bad)",
                "a/b.docx: not a readable DOCX file: the part word/document.xml does not decompress (bad)",
            ),
            (
                corrupt(
                    "DOCX",
                    B::PartNotUtf8 {
                        part: part(),
                        offset: 7,
                    },
                ),
                "a/b.docx: không đọc được tệp DOCX: phần word/document.xml không phải UTF-8 (byte 7)",
                "a/b.docx: not a readable DOCX file: the part word/document.xml is not UTF-8 (byte 7)",
            ),
            (
                corrupt(
                    "DOCX",
                    B::BadXml {
                        part: part(),
                        detail: "x".into(),
                    },
                ),
                "a/b.docx: không đọc được tệp DOCX: phần word/document.xml có XML sai cấu trúc (x)",
                "a/b.docx: not a readable DOCX file: the part word/document.xml is not well-formed XML (x)",
            ),
            (
                corrupt("PDF", B::Pdf("x".into())),
                "a/b.docx: không đọc được tệp PDF: bộ đọc PDF dừng lại (x)",
                "a/b.docx: not a readable PDF file: the PDF parser stopped (x)",
            ),
            (
                corrupt("PDF", B::PdfCrashed),
                "a/b.docx: không đọc được tệp PDF: bộ đọc PDF gặp lỗi với tệp này",
                "a/b.docx: not a readable PDF file: the PDF parser failed on this file",
            ),
            (
                corrupt("PDF", B::NoPages),
                "a/b.docx: không đọc được tệp PDF: không có trang nào",
                "a/b.docx: not a readable PDF file: no pages",
            ),
            (
                corrupt("JSON", B::Json { line: 1, column: 9 }),
                "a/b.docx: không đọc được tệp JSON: sai cú pháp JSON ở dòng 1, cột 9",
                "a/b.docx: not a readable JSON file: JSON syntax error at line 1, column 9",
            ),
            (
                E::NoTextLayer {
                    path: p(),
                    pages: 2,
                },
                "a/b.docx: PDF không có lớp chữ (2 trang, không có chữ): bản quét? Hãy nhận dạng chữ (OCR) trước (cancu không làm OCR)",
                "a/b.docx: PDF has no text layer (2 page(s), no text): a scanned image? OCR it first (cancu does no OCR)",
            ),
            (
                E::Loop {
                    path: p(),
                    ancestor: "a".into(),
                },
                "a/b.docx: liên kết dẫn ngược về thư mục a ở trên nó (vòng lặp): không đi theo lần nữa",
                "a/b.docx: the link leads back to a, a folder above it (a loop): not followed again",
            ),
            (
                E::NoTextField { path: p() },
                "a/b.docx: JSON không có trường văn bản (đã tìm \"full_text\", \"text\", \"content\")",
                "a/b.docx: JSON has no text field (looked for \"full_text\", \"text\", \"content\")",
            ),
        ];
        for (e, vi, en) in rows {
            assert_eq!(source_error(Lang::Vi, &e), vi, "{e:?}");
            assert_eq!(source_error(Lang::En, &e), en, "{e:?}");
            assert_eq!(e.to_string(), en, "{e:?}");
            assert_eq!(e.path(), "a/b.docx");
        }
    }

    /// Failures of the index, the registry and the server, and a bare I/O failure under a
    /// file's name, in both languages; errors the catalogue does not know are left alone.
    #[cfg(feature = "serve")]
    #[test]
    fn tool_errors_in_both_languages() {
        use crate::index::{IndexError as I, QueryError as Q};
        let dir = || std::path::PathBuf::from("idx");
        let q = |e| Box::new(I::Query(e)) as Box<dyn std::error::Error>;
        let rows: Vec<(Box<dyn std::error::Error>, &str, &str)> = vec![
            (
                Box::new(I::Busy { dir: dir() }),
                "chỉ mục idx đang được một tiến trình khác ghi; hãy chờ tiến trình đó xong",
                "index idx is being written by another process; wait for it to finish",
            ),
            (
                Box::new(I::Missing { dir: dir() }),
                "không có chỉ mục ở idx; chạy `cancu index` trước",
                "no index at idx; run `cancu index` first",
            ),
            (
                Box::new(I::SchemaMismatch { dir: dir() }),
                "chỉ mục idx do phiên bản cancu khác lập (lược đồ khác); chạy `cancu index` để lập lại",
                "index idx was built with another schema (another cancu version); run `cancu index` to rebuild it",
            ),
            (
                Box::new(I::NotOurs { dir: dir() }),
                "idx chứa một chỉ mục tìm kiếm không phải của cancu (các trường khác); chọn thư mục --index khác",
                "idx holds a search index that is not cancu's (other fields); choose another --index directory",
            ),
            (
                Box::new(I::Io {
                    dir: dir(),
                    err: std::io::ErrorKind::NotADirectory.into(),
                }),
                "chỉ mục idx: có phần của đường dẫn không phải thư mục",
                "index idx: not a directory",
            ),
            (
                Box::new(I::Io {
                    dir: dir(),
                    err: std::io::ErrorKind::AlreadyExists.into(),
                }),
                "chỉ mục idx: đã có một tệp mang tên này",
                "index idx: a file of that name exists",
            ),
            (
                q(Q::NoWords("...".into())),
                "câu tìm kiếm không dùng được: không có từ nào trong \"...\"",
                "bad query: no words in \"...\"",
            ),
            (
                q(Q::NoIssuerWords("-".into())),
                "câu tìm kiếm không dùng được: không có từ nào trong tên cơ quan ban hành \"-\"",
                "bad query: no words in issuer \"-\"",
            ),
            (
                q(Q::Nothing("".into())),
                "câu tìm kiếm không dùng được: không có gì để tìm trong \"\"",
                "bad query: nothing to search for in \"\"",
            ),
            (
                q(Q::UnknownType("x".into())),
                "câu tìm kiếm không dùng được: không có loại tài liệu \"x\" (section hoặc instrument)",
                "bad query: unknown document type \"x\" (section or instrument)",
            ),
            (
                q(Q::UnknownStatus("x".into(), "a, b".into())),
                "câu tìm kiếm không dùng được: không có tình trạng \"x\" (một trong: a, b)",
                "bad query: unknown status \"x\" (one of a, b)",
            ),
            (
                Box::new(crate::registry::RegistryError::Io {
                    path: "r.toml".into(),
                    err: std::io::ErrorKind::NotFound.into(),
                }),
                "r.toml: không đọc được: không có tệp hay thư mục này",
                "r.toml: cannot read: no such file or directory",
            ),
            (
                Box::new(crate::registry::RegistryError::Parse {
                    origin: "r.toml".into(),
                    message: "TOML parse error".into(),
                }),
                "r.toml: sai cú pháp: TOML parse error",
                "r.toml: TOML parse error",
            ),
            (
                Box::new(crate::registry::RegistryError::Write("x".into())),
                "không ghi được cơ sở dữ liệu văn bản: x",
                "cannot write registry: x",
            ),
            (
                Box::new(crate::serve::ServeError::NotLoopback {
                    addr: ([8, 8, 8, 8], 80).into(),
                }),
                "8.8.8.8:80 không phải địa chỉ trong máy (loopback); thêm --allow-remote để phục vụ các máy khác",
                "8.8.8.8:80 is not a loopback address; pass --allow-remote to serve other machines",
            ),
            (
                Box::new(crate::serve::ServeError::Start(
                    crate::serve::http::StartError::Bind {
                        addr: ([127, 0, 0, 1], 8080).into(),
                        kind: std::io::ErrorKind::AddrInUse,
                        message: "Address in use".into(),
                    },
                )),
                "không mở được 127.0.0.1:8080 để phục vụ: địa chỉ này đang được dùng (một chương trình khác, có thể là một cancu serve khác, đang chạy ở cổng này; chọn cổng khác bằng --addr)",
                "cannot listen on 127.0.0.1:8080: the address is in use (another program, maybe another cancu serve, listens on this port; choose another with --addr)",
            ),
            (
                Box::new(std::io::Error::from(std::io::ErrorKind::PermissionDenied)),
                "không có quyền đọc",
                "permission denied",
            ),
        ];
        for (e, vi, en) in rows {
            assert_eq!(
                tool_error(Lang::Vi, e.as_ref()).as_deref(),
                Some(vi),
                "{e:?}"
            );
            assert_eq!(
                tool_error(Lang::En, e.as_ref()).as_deref(),
                Some(en),
                "{e:?}"
            );
        }
        // The English text of an index failure is its Display.
        let e = I::Query(Q::NoWords("x".into()));
        assert_eq!(index_error(Lang::En, &e), e.to_string());
        let other: Box<dyn std::error::Error> = "something else".into();
        assert_eq!(tool_error(Lang::Vi, other.as_ref()), None);
    }

    /// Why `check --fix` leaves a fix or a file alone, in both languages.
    #[test]
    fn refusals_in_both_languages() {
        use crate::source::encoding::NotText;
        use crate::source::writeback::Refusal as R;
        let rows = [
            (
                R::Pdf,
                "không sửa trực tiếp được tệp PDF (chữ được dàn theo trang); hãy sửa văn bản gốc, hoặc xem các thay đổi bằng --fix --dry-run",
                "a PDF cannot be edited in place (its text is laid out in pages); fix the source document, or see the changes with --fix --dry-run",
            ),
            (
                R::CannotEncode('Ж', "tcvn3".into()),
                "không viết được 'Ж' (U+0416) trong bảng mã tcvn3 của tệp",
                "'Ж' (U+0416) cannot be written in tcvn3, the file's encoding",
            ),
            (
                R::NotTextNow(NotText::Nul(3)),
                "tệp không còn đọc được như văn bản: tệp có byte NUL ở vị trí 3",
                "the file no longer reads as text: NUL byte at offset 3",
            ),
            (
                R::CrossesParagraph,
                "chỗ sửa vắt qua hai đoạn",
                "it crosses a paragraph",
            ),
            (
                R::InRevision,
                "nó đã nằm trong một thay đổi được theo dõi (tracked change)",
                "it is inside a tracked change already",
            ),
        ];
        for (r, vi, en) in rows {
            assert_eq!(refusal(Lang::Vi, &r), vi);
            assert_eq!(refusal(Lang::En, &r), en);
            assert_eq!(r.to_string(), en);
        }
        // Every refusal has its own words in each language.
        let all = [
            R::Pdf,
            R::Html,
            R::Json,
            R::UnknownEncoding,
            R::NoOffsetMap,
            R::NotTextNow(NotText::Controls(9)),
            R::NotTheSame("vni".into()),
            R::NotNfc,
            R::DocxUnreadable("d".into()),
            R::CannotMake("d".into()),
            R::RevisedUnreadable("d".into()),
            R::RevisedNotFixed,
            R::SpanNotMapped,
            R::CannotEncode('x', "vni".into()),
            R::ReplacementNotTheSame("vni".into()),
            R::TogetherNotTheSame,
            R::Outside,
            R::Overlaps,
            R::CrossesParagraph,
            R::NoRun,
            R::InRevision,
            R::RunNotText,
            R::PartlyOutsideRuns,
        ];
        for lang in [Lang::Vi, Lang::En] {
            let mut texts: Vec<String> = all.iter().map(|r| refusal(lang, r)).collect();
            texts.sort();
            texts.dedup();
            assert_eq!(texts.len(), all.len(), "{lang:?}: {texts:?}");
        }
    }

    /// What reading noticed without stopping, in both languages.
    #[test]
    fn warnings_in_both_languages() {
        use crate::source::{Broken, Over, Warning as W};
        let rows = [
            (
                W::BadUtf8 { first: 7, count: 1 },
                "UTF-8 không hợp lệ ở byte 7 (1 chuỗi byte hỏng); đã thay bằng U+FFFD",
                "invalid UTF-8 at byte 7 (1 bad sequence); decoded with U+FFFD in their place",
            ),
            (
                W::BadUtf8 { first: 7, count: 3 },
                "UTF-8 không hợp lệ ở byte 7 (3 chuỗi byte hỏng); đã thay bằng U+FFFD",
                "invalid UTF-8 at byte 7 (3 bad sequences); decoded with U+FFFD in their place",
            ),
            (
                W::BadUtf16(2),
                "2 đơn vị mã UTF-16 không hợp lệ; đã thay bằng U+FFFD",
                "2 invalid UTF-16 code unit(s); decoded with U+FFFD",
            ),
            (
                W::TrackedChanges {
                    insertions: 1,
                    deletions: 2,
                },
                "các thay đổi được theo dõi (tracked changes) được đọc như đã chấp nhận (giữ 1 chỗ chèn, bỏ 2 chỗ xóa); hãy chấp nhận hoặc từ chối chúng trong Word",
                "tracked changes read as accepted (1 insertion(s) kept, 2 deletion(s) skipped); accept or reject them in Word",
            ),
            (
                W::Aside(Broken::NoPart("word/header1.xml".into())),
                "bỏ qua một đầu trang hay chân trang: thiếu phần word/header1.xml",
                "a header or footer left out: the part word/header1.xml is missing",
            ),
            (
                W::AsideOver(Over::Part("word/footer1.xml".into()), 9),
                "bỏ qua một đầu trang hay chân trang: phần word/footer1.xml giải nén ra hơn 9 byte (bom nén?), vượt quá giới hạn kích thước 9 byte",
                "a header or footer left out: word/footer1.xml decompresses to more than 9 bytes (a zip bomb?), over the size limit of 9 bytes",
            ),
        ];
        for (w, vi, en) in rows {
            assert_eq!(warning(Lang::Vi, &w), vi);
            assert_eq!(warning(Lang::En, &w), en);
            assert_eq!(w.to_string(), en);
        }
    }

    /// Why an encoding was chosen, in both languages; the English text is the reason's
    /// `Display`, which JSON keeps.
    #[test]
    fn encoding_reasons_in_both_languages() {
        use crate::source::encoding::{How, Utf8Holds as U};
        use crate::source::Encoding as E;
        let utf8 = |bom, holds| How::Utf8 { bom, holds };
        let rows = [
            (How::Given, "do --encoding chỉ định", "given by --encoding"),
            (How::Bom, "có dấu thứ tự byte (BOM)", "byte-order mark"),
            (
                How::Utf16Pattern,
                "cứ cách một vị trí lại có byte NUL, không có dấu thứ tự byte (BOM)",
                "NUL bytes in every other position, no byte-order mark",
            ),
            (
                utf8(false, U::NoLetters),
                "UTF-8 hợp lệ, không có chữ nào ngoài ASCII",
                "valid UTF-8, no non-ASCII letters",
            ),
            (
                utf8(true, U::BeyondWindows1252),
                "có dấu thứ tự byte (BOM); UTF-8 hợp lệ, có chữ tiếng Việt ngoài bảng Windows-1252 (không phải bảng mã cũ)",
                "byte-order mark; valid UTF-8 with Vietnamese letters beyond Windows-1252 (no legacy encoding)",
            ),
            (utf8(false, U::AsciiOnly), "chỉ có ký tự ASCII", "ASCII only"),
            (
                utf8(false, U::Vietnamese(0.934)),
                "UTF-8 hợp lệ, có chữ tiếng Việt (93% âm tiết hợp lệ)",
                "valid UTF-8 with Vietnamese letters (93% valid syllables)",
            ),
            (
                utf8(false, U::Syllables(0.5)),
                "UTF-8 hợp lệ (50% âm tiết hợp lệ)",
                "valid UTF-8 (50% valid syllables)",
            ),
            (
                utf8(
                    false,
                    U::Garbled {
                        legacy: E::VniInUtf8,
                        after: 0.96,
                        before: 0.2,
                    },
                ),
                "UTF-8 chứa chữ VNI bị đọc theo Windows-1252: 96% âm tiết hợp lệ sau khi giải mã lại, 20% trước đó",
                "UTF-8 holding VNI letters read as Windows-1252: 96% valid syllables after re-decoding, 20% before",
            ),
            (
                How::NotUtf8(vec![(E::Tcvn3, 0.97), (E::Vni, 0.4)]),
                "không phải UTF-8 hợp lệ; tỷ lệ âm tiết hợp lệ: tcvn3 97%, vni 40%",
                "not valid UTF-8; valid syllables: tcvn3 97%, vni 40%",
            ),
        ];
        for (how, vi, en) in rows {
            assert_eq!(detected_how(Lang::Vi, &how), vi);
            assert_eq!(detected_how(Lang::En, &how), en);
            assert_eq!(how.to_string(), en);
            assert_eq!(
                serde_json::to_string(&how).unwrap(),
                format!("{en:?}"),
                "JSON keeps the English words"
            );
        }
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_holes() {
        for (name, m) in ALL {
            assert!(!m.vi.trim().is_empty() && !m.en.trim().is_empty(), "{name}");
            assert_eq!(holes(m.vi), holes(m.en), "{name}");
        }
    }

    #[test]
    fn every_rule_has_both_languages() {
        for r in crate::check::rules::ALL {
            let t = rule_text(r.code).unwrap_or_else(|| panic!("{} has no texts", r.code));
            for m in [t.summary, t.explanation] {
                assert!(!m.vi.is_empty() && !m.en.is_empty(), "{}", r.code);
                assert_ne!(m.vi, m.en, "{} is not translated", r.code);
            }
            assert!(t.explanation.vi.len() > 80, "{}", r.code);
        }
        for t in RULE_TEXTS {
            assert!(crate::check::rules::by_code(t.code).is_some(), "{}", t.code);
        }
    }

    #[test]
    fn filling_holes() {
        let rows = [
            (
                Lang::Vi,
                M_UNRESOLVED,
                "chưa tra được 28-NQ/TW trong cơ sở dữ liệu",
            ),
            (Lang::En, M_UNRESOLVED, "28-NQ/TW is not in the registry"),
        ];
        for (l, m, want) in rows {
            assert_eq!(tr(l, &m, &[&"28-NQ/TW"]), want);
        }
        // A hole without an argument stays; braces that are not holes stay.
        let m = Msg {
            vi: "{0} {1} {x}",
            en: "",
        };
        assert_eq!(tr(Lang::Vi, &m, &[&1]), "1 {1} {x}");
        let rows = [
            (Some("en_US.UTF-8"), Lang::En),
            (Some("vi_VN.UTF-8"), Lang::Vi),
            (Some("C"), Lang::Vi),
            (None, Lang::Vi),
        ];
        for (v, want) in rows {
            assert_eq!(Lang::from_env(v), want, "{v:?}");
        }
    }
}
