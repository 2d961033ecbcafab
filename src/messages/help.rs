//! The command line's help in Vietnamese: each command's `about` and each argument's help,
//! keyed by the command's path ("", "check", "registry import csv") and the argument's id
//! (the clap field name: "max_size"). The English help is the doc comment on the clap
//! definitions (`src/cli/<command>.rs`), written once there; `cli::help` walks the clap
//! tree at run time and puts these texts in place under `--lang vi` (the default).
//!
//! Keys: `""` is the command's `about`, `"!long"` its long `about` (when the English has
//! one), an argument's id its help, and `"id=value"` the help of one of its possible values.
//! The path `"*"` holds a text shared by every command whose argument of that id has the
//! same English help (the shared `--registry`, `--json`, `--encoding` ...); a command's own
//! entry wins. `{0}` in a text is the list of file types read (`cli::places::extensions`).
//! `cli::help`'s tests fail when a command, an argument or a described value has no entry
//! here, or when an entry names none.

/// One Vietnamese help text: the command path, the key (see the module doc) and the text.
#[derive(Debug, Clone, Copy)]
pub struct HelpText {
    pub path: &'static str,
    pub key: &'static str,
    pub vi: &'static str,
}

macro_rules! help_texts {
    ($($path:literal, $key:literal => $vi:literal;)*) => {
        /// Every Vietnamese help text.
        pub const HELP_VI: &[HelpText] = &[$(HelpText { path: $path, key: $key, vi: $vi }),*];
    };
}

/// The Vietnamese text for `key` of the command at `path`: its own, else the shared one.
pub fn lookup(path: &str, key: &str) -> Option<&'static str> {
    let find = |p: &str| HELP_VI.iter().find(|h| h.path == p && h.key == key);
    find(path).or_else(|| find("*")).map(|h| h.vi)
}

help_texts! {
    // ---- The tool and its global flags. ----
    "", "" => "Trích xuất, tra cứu và kiểm tra các văn bản được viện dẫn trong kế hoạch và văn bản hành chính";
    "", "hidden" => "Đọc cả tệp và thư mục ẩn (mặc định bỏ qua, như ripgrep)";
    "", "no_ignore" => "Không theo các tệp .gitignore và .ignore (mặc định bỏ qua các tệp chúng liệt kê)";
    "", "follow" => "Đi theo liên kết tượng trưng (symbolic link) khi duyệt thư mục (mặc định không đi theo)";
    "", "quiet" => "Không in thanh tiến trình, lưu ý hay tóm tắt ra stderr (lỗi và cảnh báo vẫn được in)";
    "", "color" => "Khi nào tô màu kết quả: auto (trên màn hình dòng lệnh, trừ khi đặt NO_COLOR), always (luôn luôn), never (không bao giờ)";
    "", "color=auto" => "trên màn hình dòng lệnh, trừ khi môi trường đặt NO_COLOR";
    "", "threads" => "Số luồng xử lý tối đa: số luồng ghi chỉ mục tìm kiếm (`index`, `report`) và số văn bản được đọc, phân tích cùng lúc (mọi lệnh). Mặc định: mọi lõi, tối đa 8";
    "", "lang" => "Ngôn ngữ của văn bản in ra: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo LC_ALL/LANG, tiếng Việt trừ khi chúng ghi tiếng Anh";

    // ---- Arguments shared by several commands (same English help everywhere). ----
    "*", "format" => "Định dạng kết quả";
    "*", "format=text" => "văn bản dễ đọc";
    "*", "format=json" => "một tài liệu JSON";
    "*", "format=ndjson" => "mỗi dòng một đối tượng JSON";
    "*", "json" => "Như --format json";
    "*", "encoding" => "Bảng mã của các tệp văn bản, thay cho việc tự nhận diện: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, tcvn3-in-utf8, vni-in-utf8";
    "*", "max_size" => "Từ chối các tệp đầu vào lớn hơn số megabyte này";
    "*", "registry" => "Các tệp cơ sở dữ liệu văn bản bổ sung (TOML hoặc JSON), nạp sau cơ sở dữ liệu có sẵn và các tệp đã nhập trong thư mục dữ liệu người dùng ($CANCU_DATA hoặc ~/.local/share/cancu, trong registry/imported/). Khi trùng mã, tệp nạp trước được giữ";
    "*", "out" => "Nơi ghi kết quả (.json hoặc .toml). Không bao giờ ghi vào corpus/";

    // ---- report ----
    "report", "" => "Lệnh chính: các trích dẫn của từng kế hoạch, bao nhiêu trích dẫn tra được trong cơ sở dữ liệu văn bản, và những gì cần xem lại (sai thể thức, không thống nhất, hết hiệu lực hoặc đã bị thay thế, chưa tra được), kèm số liệu tổng hợp";
    "report", "paths" => "Các kế hoạch cần báo cáo: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "report", "as_of" => "Xét hiệu lực tại ngày này (2025-07-01, 01/07/2025 hoặc `today`). Mặc định: ngày của chính từng văn bản";
    "report", "deny" => "Thoát với mã 1 khi có phát hiện ở mức này trở lên (như `cancu check`)";
    "report", "index" => "Thư mục chỉ mục tìm kiếm (được lập hoặc cập nhật phần thay đổi trước khi báo cáo). Mặc định: index/ trong kho mã cancu, nếu không thì trong thư mục dữ liệu người dùng ($CANCU_DATA, nếu không thì ~/.local/share/cancu); không bao giờ tự ý dùng thư mục hiện tại";
    "report", "no_index" => "Không lập hay cập nhật chỉ mục tìm kiếm";

    // ---- extract ----
    "extract", "" => "Trích xuất mọi văn bản được viện dẫn trong các kế hoạch";
    "extract", "paths" => "Các kế hoạch cần đọc: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "extract", "format=text" => "bảng dễ đọc";
    "extract", "format=json" => "một đối tượng JSON: {\"documents\": [...]}";
    "extract", "format=ndjson" => "mỗi dòng một trích dẫn, kèm đường dẫn tệp";
    "extract", "findings" => "Chạy cả bộ kiểm tra và gắn các phát hiện vào từng trích dẫn (`findings`; JSON và NDJSON). Không có cờ này thì không kiểm tra gì và `findings` để trống";

    // ---- serve ----
    "serve", "" => "Chạy giao diện web: tìm kiếm, kế hoạch, văn bản được viện dẫn, đồ thị trích dẫn, API JSON";
    "serve", "paths" => "Các kế hoạch cần phục vụ (tệp, hoặc thư mục được duyệt để tìm văn bản); mặc định: plans/ trong thư mục bộ văn bản. Có --index thì phục vụ các văn bản của chỉ mục";
    "serve", "index" => "Thư mục chỉ mục tìm kiếm (do `cancu index` lập): tìm kiếm dùng chỉ mục này (nhận các lần ghi mới trong khi `cancu index` chạy); không có chỉ mục, hoặc không mở được, thì tìm trực tiếp trong thư mục bộ văn bản";
    "serve", "corpus" => "Thư mục bộ văn bản: dùng plans/ trong đó khi không nêu PATH";
    "serve", "addr" => "Địa chỉ để phục vụ; cổng 0 thì tự chọn một cổng còn trống";
    "serve", "allow_remote" => "Cho phép địa chỉ mà máy khác truy cập được (các trang không có đăng nhập) và mọi tiêu đề Host (không có cờ này chỉ trả lời localhost, 127.0.0.1 và [::1] kèm cổng)";
    "serve", "workers" => "Số luồng trả lời yêu cầu";

    // ---- check ----
    "check", "" => "Kiểm tra trích dẫn: sai thể thức, không thống nhất, hết hiệu lực hoặc đã bị thay thế, kèm cách sửa";
    "check", "paths" => "Các kế hoạch cần kiểm tra: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "check", "format=rich" => "như rustc: dòng văn bản gốc, dấu ^ dưới chỗ sai, cách sửa";
    "check", "format=short" => "mỗi phát hiện một dòng: đường_dẫn:dòng:cột: mức[MÃ]: thông báo";
    "check", "format=json" => "một đối tượng JSON: {\"files\": [{\"path\", \"diagnostics\"}], \"summary\"}";
    "check", "format=sarif" => "SARIF 2.1.0, cho các công cụ rà soát mã";
    "check", "deny" => "Thoát với mã 1 khi có phát hiện ở mức này trở lên";
    "check", "as_of" => "Xét hiệu lực tại ngày này (2025-07-01, 01/07/2025 hoặc `today`). Mặc định: ngày của chính văn bản, nếu không có thì năm của văn bản";
    "check", "explain" => "In giải thích của một quy tắc (C0101 ...; `list` liệt kê các quy tắc) rồi thoát";
    "check", "fix" => "Ghi các chỗ sửa an toàn vào tệp, giữ nguyên định dạng và bảng mã của tệp (bản sao lưu: TỆP.cancu-bak; .docx: dưới dạng thay đổi được theo dõi (tracked changes); PDF, HTML, JSON: từ chối)";
    "check", "unsafe_fixes" => "Cùng --fix: áp dụng cả các chỗ sửa cần kiểm tra (giá trị suy ra): ký hiệu được bổ sung, năm và ngày lấy từ cơ sở dữ liệu văn bản hoặc từ chỗ khác trong văn bản";
    "check", "dry_run" => "Cùng --fix: in các thay đổi dưới dạng unified diff, không ghi gì";
    "check", "comments" => "Cùng --fix, với tệp .docx: thêm nhận xét (comment) của Word (thông báo và các lưu ý) tại mỗi phát hiện không được sửa";
    "check", "select" => "Chỉ chạy các quy tắc này: mã (C0205), tiền tố (C02), nhóm (shape, consistency, time, unknown) hoặc tên, cách nhau bằng dấu phẩy. Mặc định: `[check] select` trong cancu.toml, nếu không có thì tất cả";
    "check", "ignore" => "Không chạy các quy tắc này (thêm vào `[check] ignore` trong cancu.toml)";
    "check", "show_notes" => "Liệt kê từng trích dẫn chưa tra được (C0401) thay vì một dòng cho mỗi văn bản";
    "check", "baseline" => "So sánh các phát hiện với tệp mốc (baseline) này (tệp, dòng, mã, đoạn trích dẫn) và in những gì thay đổi thêm (+) và bớt (-); thoát với mã 1 khi có khác biệt";
    "check", "update_baseline" => "Cùng --baseline: ghi các phát hiện làm tệp mốc mới";
    "check", "index" => "Dùng thêm những gì các văn bản trong chỉ mục tìm kiếm ở DIR (do `cancu index` lập) cho biết về chính chúng: văn bản nào có trong đó, ngày và tác động của chúng";

    // ---- registry ----
    "registry", "" => "Kiểm tra cơ sở dữ liệu văn bản hoặc nhập nguồn vào đó";
    "registry check", "" => "Kiểm tra các tệp cơ sở dữ liệu văn bản: lược đồ, mã trùng, quan hệ trỏ tới văn bản không có, quan hệ hai chiều, thứ tự các ngày. Không nêu FILES: cơ sở dữ liệu có sẵn và các tệp đã nhập";
    "registry check", "!long" => "Kiểm tra các tệp cơ sở dữ liệu văn bản: lược đồ, mã trùng, quan hệ trỏ tới văn bản không có, quan hệ hai chiều, thứ tự các ngày. Không nêu FILES: cơ sở dữ liệu có sẵn và các tệp đã nhập.\n\nCũng liệt kê các chỗ mâu thuẫn giữa các nguồn (cơ sở dữ liệu có sẵn và các tệp): một văn bản có hai ngày ban hành, hai ngày có hiệu lực hay hai tình trạng, kèm cả hai nguồn, giá trị được chọn, và các ngày chỉ khác nhau do đảo ngày với tháng. Thứ tự ưu tiên: thông tin đã kiểm chứng của cơ sở dữ liệu có sẵn, rồi nội dung của chính văn bản, rồi thông tin chưa kiểm chứng của cơ sở dữ liệu có sẵn, rồi dữ liệu nhập từ Bộ pháp điển, rồi sổ đăng ký CSV, rồi các tệp khác.";
    "registry check", "files" => "Các tệp cơ sở dữ liệu văn bản cần kiểm tra (TOML hoặc JSON)";
    "registry check", "index" => "Đối chiếu thêm những gì các văn bản trong chỉ mục tìm kiếm ở DIR cho biết về chính chúng (learned.json của `cancu index`) với các nguồn khác";
    "registry import", "" => "Nhập một nguồn vào một tệp cơ sở dữ liệu văn bản";
    "registry import phap-dien", "" => "Bộ HTML của Bộ pháp điển (Bộ Tư pháp): thư mục các trang đề mục hoặc tệp .tar.gz";
    "registry import phap-dien", "input" => "Thư mục các trang đề mục hoặc tệp .tar.gz";
    "registry import texts", "" => "Toàn văn văn bản (JSON công báo có `full_text`, .txt, .md, .docx, .pdf, .html; thư mục được duyệt): mỗi văn bản một mục, với số, ký hiệu lấy từ phần đầu văn bản, ngày có hiệu lực và tác động của văn bản đến các văn bản khác (thay thế, bãi bỏ, sửa đổi, bổ sung, hết hiệu lực, đính chính, ngưng hiệu lực), mỗi tác động kèm điều khoản quy định nó. Chưa kiểm chứng";
    "registry import texts", "paths" => "Các tệp văn bản hoặc thư mục cần đọc";
    "registry import csv", "" => "Sổ đăng ký văn bản dạng CSV, kèm cách ánh xạ cột";
    "registry import csv", "input" => "Tệp CSV cần nhập";
    "registry import csv", "map" => "Các cặp CỘT=TRƯỜNG; trường: number_symbol (số, ký hiệu), issued (ngày ban hành), effective (ngày có hiệu lực), title (trích yếu), status (tình trạng), issuer (cơ quan ban hành), kind (loại văn bản)";
    "registry import csv", "issuer" => "Cơ quan ban hành của các dòng không có cột cơ quan ban hành (\"UBND tỉnh Bình Dương\")";

    // ---- cites ----
    "cites", "" => "Mọi văn bản và mục có trích dẫn một văn bản";
    "cites", "instrument" => "Văn bản được trích dẫn: \"Nghị định 168/2018/NĐ-CP\", \"NĐ 168\", \"nghi dinh 168 2018\", \"Luật DQTV\", \"28-NQ/TW 2008\", hoặc mã trong cơ sở dữ liệu văn bản";
    "cites", "paths" => "Nơi tìm các văn bản có trích dẫn: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "cites", "index" => "Dùng chỉ mục tìm kiếm ở DIR (do `cancu index` lập) để chọn các tệp cần đọc; các tệp đã sửa hoặc mới thêm từ khi lập chỉ mục vẫn được đọc, kèm cảnh báo. Không dùng chỉ mục, hoặc DIR không tồn tại, thì đọc các PATHS";

    // ---- basis ----
    "basis", "" => "Các văn bản làm căn cứ cho một mục hoặc một nhiệm vụ của kế hoạch";
    "basis", "document" => "Kế hoạch: đường dẫn tệp, hoặc tên một kế hoạch trong bộ văn bản kèm theo (corpus/plans), có hoặc không có phần mở rộng";
    "basis", "section" => "Đường dẫn của một mục trong bố cục (\"II.1\", \"IV.2.a\", \"IV#2.1\"), như `cancu outline` in ra";
    "basis", "task" => "Các từ của một nhiệm vụ (\"quản lý đất quốc phòng\"): dấu không bắt buộc, không kể dấu câu và thứ tự từ; các mục của kế hoạch được xếp hạng và căn cứ của mục khớp nhất được hiển thị";

    // ---- outline ----
    "outline", "" => "Bố cục của kế hoạch: đường dẫn, tiêu đề, dòng của từng mục và các văn bản mục đó viện dẫn";
    "outline", "document" => "Kế hoạch: đường dẫn tệp, hoặc tên một kế hoạch trong bộ văn bản kèm theo (corpus/plans), có hoặc không có \".txt\"";

    // ---- show ----
    "show", "" => "Một văn bản trong cơ sở dữ liệu văn bản, các quan hệ của nó và những văn bản viện dẫn nó";
    "show", "instrument" => "Văn bản cần xem, viết theo bất kỳ cách nào `cancu cites` đọc được";
    "show", "paths" => "Nơi tìm các văn bản có trích dẫn: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "show", "index" => "Dùng thêm những gì các văn bản trong chỉ mục tìm kiếm ở DIR (do `cancu index` lập) cho biết về chính chúng: văn bản nào có trong đó, ngày và tác động của chúng";

    // ---- graph ----
    "graph", "" => "Đồ thị trích dẫn dưới dạng JSON, DOT hoặc GraphML";
    "graph", "paths" => "Các kế hoạch cần lập đồ thị: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "graph", "format" => "Định dạng của đồ thị";

    // ---- index ----
    "index", "" => "Lập hoặc cập nhật chỉ mục tìm kiếm các văn bản kế hoạch (chỉ đọc lại phần thay đổi)";
    "index", "paths" => "Các kế hoạch cần lập chỉ mục: tệp, hoặc thư mục được duyệt để đọc các tệp {0} (bỏ qua tệp ẩn và tệp trong .gitignore); `-` đọc từ đầu vào chuẩn (stdin). Mặc định: bộ văn bản kèm theo (corpus/plans)";
    "index", "index" => "Thư mục chỉ mục (được tạo nếu chưa có). Mặc định: index/ trong kho mã cancu, nếu không thì trong thư mục dữ liệu người dùng ($CANCU_DATA, nếu không thì ~/.local/share/cancu), khi đó đường dẫn được lưu dạng tuyệt đối; không bao giờ tự ý dùng thư mục hiện tại";

    // ---- search ----
    "search", "" => "Tìm trong chỉ mục (dấu không bắt buộc, chữ viết tắt được mở rộng)";
    "search", "query" => "Nội dung cần tìm; dấu không bắt buộc. `\"...\"` cho một cụm từ phải có, `cites:168/2018/NĐ-CP` cho các kế hoạch viện dẫn một văn bản";
    "search", "index" => "Thư mục chỉ mục. Mặc định: index/ trong kho mã cancu, nếu không thì trong thư mục dữ liệu người dùng ($CANCU_DATA, nếu không thì ~/.local/share/cancu), nơi `cancu index` đặt chỉ mục";
    "search", "paths" => "Tìm trực tiếp trong các tệp hoặc thư mục này thay vì trong chỉ mục: một chỉ mục tạm trong bộ nhớ của chúng và của cơ sở dữ liệu văn bản, lập bằng chính mã mà `cancu index` dùng, nên thứ hạng, bộ lọc và đoạn trích giống như của một chỉ mục trên cùng các tệp đó";
    "search", "limit" => "Số tệp được hiển thị";
    "search", "kind" => "Chỉ các văn bản thuộc loại này (mã loại: ke-hoach, quyet-dinh, ...)";
    "search", "year" => "Chỉ các văn bản của năm này";
    "search", "issuer" => "Chỉ các văn bản có tên cơ quan ban hành chứa các từ này (\"UBND xã Xuân Lương\"; dấu không bắt buộc)";
    "search", "status" => "Chỉ các văn bản ở tình trạng này (các mục của kế hoạch vẫn được giữ, trừ khi dùng `--type instrument`), theo cùng bộ từ với `?status=` của giao diện web: in-force (còn hiệu lực, toàn bộ hay một phần), partly-expired (hết hiệu lực một phần), expired (hết hiệu lực), superseded (đã bị thay thế), not-yet-in-force (chưa có hiệu lực), outdated (hết hiệu lực hoặc đã bị thay thế), unknown (chưa rõ hiệu lực); unresolved (chưa tra được) và malformed (sai thể thức) là của trích dẫn, không văn bản nào có";
    "search", "doc_type" => "Chỉ các mục của kế hoạch, hoặc chỉ các văn bản trong cơ sở dữ liệu văn bản";

    // ---- completions, man ----
    "completions", "" => "In tập lệnh tự hoàn thành cho shell (bash, zsh, fish, powershell, elvish)";
    "completions", "shell" => "Shell cần tập lệnh";
    "man", "" => "In trang hướng dẫn sử dụng (man, định dạng roff; `cancu man | man -l -`) của cả công cụ hoặc của một lệnh con";
    "man", "subcommand" => "Một lệnh con (\"check\", \"registry import\") thay vì cả công cụ";
}
