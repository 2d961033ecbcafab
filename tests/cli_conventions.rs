//! The command line as ripgrep and fd users expect it, run as a binary in temporary folders
//! outside the repository (as ripgrep's own harness does): nothing written into the current
//! folder unasked, walking that skips `.git/`, hidden and `.gitignore`d files, one exit-code
//! rule per kind of command, a closed pipe ending quietly, `--format json` and `--quiet` on
//! every command, `--color`, completions and the man page, help texts naming the file
//! types read, and help and parse errors in the user's language.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh folder outside the repository to stand in, and a user data dir beside it.
struct Sandbox {
    _tmp: tempfile::TempDir,
    cwd: PathBuf,
    data: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = tempfile::tempdir().unwrap();
        let cwd = tmp.path().join("cwd");
        let data = tmp.path().join("data");
        std::fs::create_dir_all(&cwd).unwrap();
        Sandbox {
            _tmp: tmp,
            cwd,
            data,
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(common::cancu());
        c.args(args)
            .current_dir(&self.cwd)
            .env("CANCU_DATA", &self.data)
            .env_remove("NO_COLOR")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run cancu")
    }

    /// A folder of plans (absolute path), beside the current folder.
    fn plans(&self, name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.cwd.parent().unwrap().join(name);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn seed() -> String {
    common::read(&common::fixture("ke-hoach-qpdp-2024-xa-xuan-luong.txt"))
}

/// A plan whose one citation is written correctly and is in force.
const CLEAN: &str = "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\nHuấn luyện dân quân năm 2024\n\nCăn cứ Luật Dân quân tự vệ số 48/2019/QH14 ngày 22 tháng 11 năm 2019;\n\nI. MỤC ĐÍCH\n1. Huấn luyện dân quân.\n";

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn report_from_a_fresh_folder_writes_nothing_there() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let o = s.run(&["report", plans.to_str().unwrap()]);
    assert!(code(&o) <= 1, "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("1 kế hoạch, 49 trích dẫn"),
        "{}",
        text(&o.stdout)
    );
    assert_eq!(entries(&s.cwd), Vec::<String>::new(), "{}", text(&o.stderr));
    // The index went to the user data dir, its paths absolute (one index for every folder).
    assert!(
        s.data.join("index/meta.json").is_file(),
        "{}",
        text(&o.stderr)
    );
    let o = s.run(&[
        "search",
        "dan quan tu ve",
        "--format",
        "json",
        "--type",
        "plan",
    ]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let path = v["hits"][0]["path"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(Path::new(&path).is_absolute(), "{v}");
    assert_eq!(entries(&s.cwd), Vec::<String>::new());
}

#[test]
fn an_unusable_data_dir_does_not_break_report() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    // The data dir is a file: the index cannot be made there; the report still comes.
    std::fs::write(&s.data, "not a folder").unwrap();
    let o = s.run(&["report", plans.to_str().unwrap(), "--deny", "error"]);
    assert!(
        text(&o.stderr).contains("cảnh báo: chưa cập nhật chỉ mục tìm kiếm"),
        "{}",
        text(&o.stderr)
    );
    assert!(text(&o.stdout).contains("1 kế hoạch, 49 trích dẫn"));
    assert_ne!(code(&o), 2, "{}", text(&o.stderr));
    assert_eq!(entries(&s.cwd), Vec::<String>::new());
}

#[test]
fn walking_skips_git_hidden_and_gitignored() {
    let s = Sandbox::new();
    let cite = "Căn cứ Nghị định số 168/2018/NĐ-CP ngày 28/12/2018 của Chính phủ;\n";
    let dir = s.plans(
        "walk",
        &[
            ("seen.txt", cite),
            ("sub/seen.md", cite),
            (".git/config.txt", cite),
            (".hidden/plan.txt", cite),
            (".dot.txt", cite),
            ("ignored.txt", cite),
            ("build/out.txt", cite),
            (".gitignore", "ignored.txt\nbuild/\n"),
        ],
    );
    let d = dir.to_str().unwrap();
    // (flags, files read, relative to the folder)
    let rows: &[(&[&str], &[&str])] = &[
        (&[], &["seen.txt", "sub/seen.md"]),
        (
            &["--no-ignore"],
            &["build/out.txt", "ignored.txt", "seen.txt", "sub/seen.md"],
        ),
    ];
    for (flags, want) in rows {
        let mut args = vec!["extract", d, "--format", "json"];
        args.extend_from_slice(flags);
        let o = s.run(&args);
        assert_eq!(code(&o), 0, "{flags:?}: {}", text(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut got: Vec<String> = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                Path::new(d["path"].as_str().unwrap())
                    .strip_prefix(&dir)
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        got.sort();
        assert_eq!(got, *want, "{flags:?}");
    }
    // --hidden reads hidden files and folders too.
    let o = s.run(&["extract", d, "--format", "json", "--hidden"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with(".hidden/plan.txt"))
            && paths.iter().any(|p| p.ends_with(".dot.txt")),
        "{paths:?}"
    );
}

#[test]
fn lookups_exit_1_when_nothing_is_found() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    let o = s.run(&["index", p, "--index", "../idx"]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    // (args, exit code)
    let rows: &[(&[&str], i32)] = &[
        (&["search", "dan quan tu ve", "--index", "../idx"], 0),
        (&["search", "zzqqxxyy", "--index", "../idx"], 1),
        (&["search", "zzqqxxyy", "--index", "../no-such-index"], 2),
        (&["cites", "Luật DQTV", p], 0),
        (&["cites", "Quyết định 999/2099/QĐ-UBND", p], 1),
        (&["cites", "Luật DQTV", p, "../missing.txt"], 2),
        (&["show", "Luật DQTV", p], 0),
        (&["show", "Nghị định 999/2099/NĐ-CP", p], 1),
        (&["basis", &format!("{p}/seed.txt"), "--section", "II.1"], 0),
        (
            &["basis", &format!("{p}/seed.txt"), "--task", "zzqqxxyy wwvv"],
            1,
        ),
        (&["basis", &format!("{p}/seed.txt"), "--section", "IX.9"], 2),
        // A plan of the bundled corpus by its name, without ".txt".
        (
            &[
                "basis",
                "ke-hoach-qpdp-2024-xa-xuan-luong",
                "--section",
                "II.1",
            ],
            0,
        ),
    ];
    for (args, want) in rows {
        let o = s.run(args);
        assert_eq!(code(&o), *want, "{args:?}: {}", text(&o.stderr));
    }
}

#[test]
fn judges_exit_1_on_findings_at_or_above_deny() {
    let s = Sandbox::new();
    let seed = s.plans("seed", &[("seed.txt", &seed())]);
    let clean = s.plans("clean", &[("clean.txt", CLEAN)]);
    let (seed, clean) = (seed.to_str().unwrap(), clean.to_str().unwrap());
    // (args, exit code): the seed has warnings and no errors.
    let rows: &[(&[&str], i32)] = &[
        (&["check", clean], 0),
        (&["check", seed], 1),
        (&["check", seed, "--deny", "error"], 0),
        (&["check", seed, "../missing.txt"], 2),
        (&["report", clean, "--no-index"], 0),
        (&["report", seed, "--no-index"], 1),
        (&["report", seed, "--no-index", "--deny", "error"], 0),
        (&["report", seed, "--no-index", "--deny", "note"], 1),
        (&["report", "../missing.txt", "--no-index"], 2),
    ];
    for (args, want) in rows {
        let o = s.run(args);
        assert_eq!(
            code(&o),
            *want,
            "{args:?}: {}{}",
            text(&o.stdout),
            text(&o.stderr)
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let s = Sandbox::new();
    // Far more output than a pipe holds, so that the reader goes away mid-run.
    let big = seed().repeat(30);
    let plans = s.plans("big", &[("a.txt", &big), ("b.txt", &big)]);
    let p = plans.to_str().unwrap();
    let rows: &[&[&str]] = &[
        &["extract", p, "--format", "ndjson"],
        &["extract", p, "--format", "json"],
        &["extract", p],
        &["check", p, "--format", "short"],
        &["check", p, "--format", "json"],
        &["report", p, "--no-index"],
    ];
    for args in rows {
        let mut child = s
            .command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        // The reader is gone (like `| head -1`).
        let o = child.wait_with_output().unwrap();
        assert_eq!(text(&o.stderr), "", "{args:?}");
        assert!(code(&o) <= 1, "{args:?}: {:?}", o.status);
    }
    // And through a shell, exactly as a user types it.
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' extract '{p}' --format ndjson | head -1",
            common::cancu().display()
        ))
        .current_dir(&s.cwd)
        .env("CANCU_DATA", &s.data)
        .output()
        .unwrap();
    assert_eq!(text(&o.stderr), "");
    assert_eq!(text(&o.stdout).lines().count(), 1);
    assert!(o.status.success());
}

#[test]
fn completions_and_man_page() {
    let s = Sandbox::new();
    // (shell, a line its script must hold)
    let rows = [
        ("bash", "complete -F _cancu"),
        ("zsh", "#compdef cancu"),
        ("fish", "complete -c cancu"),
        ("powershell", "Register-ArgumentCompleter"),
    ];
    for (shell, want) in rows {
        let o = s.run(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", text(&o.stderr));
        let script = text(&o.stdout);
        assert!(script.contains(want), "{shell}: {script}");
        // Every subcommand is completed.
        for sub in ["report", "extract", "check", "search", "completions", "man"] {
            assert!(script.contains(sub), "{shell}: no {sub}");
        }
    }
    let o = s.run(&["man"]);
    assert_eq!(code(&o), 0);
    let page = text(&o.stdout);
    assert!(
        page.contains(".TH cancu 1") && page.contains("\\-\\-quiet"),
        "{page}"
    );
    // The page's text follows the language, as the help does.
    assert!(page.contains("Kiểm tra trích dẫn"), "{page}");
    let en = text(&s.run(&["man", "--lang", "en"]).stdout);
    assert!(en.contains("Check citations") && !en.contains("Kiểm tra trích dẫn"));
    let o = s.run(&["man", "registry", "import"]);
    assert!(text(&o.stdout).contains(".TH cancu-registry-import 1"));
    assert_eq!(code(&s.run(&["man", "no-such-command"])), 2);
    assert_eq!(entries(&s.cwd), Vec::<String>::new());
}

/// Every command that prints data, with `--format json --quiet`: valid JSON on stdout and
/// nothing on stderr.
#[test]
fn every_command_accepts_format_json_and_quiet() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    let seed_txt = format!("{p}/seed.txt");
    let csv = s.cwd.parent().unwrap().join("reg.csv");
    std::fs::write(
        &csv,
        "so_ky_hieu,ngay_ban_hanh,trich_yeu\n1707/QĐ-UBND,15/07/2022,công bố thủ tục hành chính\n",
    )
    .unwrap();
    let out = s.cwd.parent().unwrap().join("imported.json");
    let rows: &[&[&str]] = &[
        &["index", p],
        &["report", p],
        &["extract", p],
        &["check", p],
        &["cites", "Luật DQTV", p],
        &["basis", &seed_txt, "--section", "II.1"],
        &["show", "Luật DQTV", p],
        &["graph", p],
        &["search", "dan quan"],
        &["registry", "check"],
        &[
            "registry",
            "import",
            "csv",
            csv.to_str().unwrap(),
            "--map",
            "so_ky_hieu=number_symbol,ngay_ban_hanh=issued,trich_yeu=title",
            "--issuer",
            "UBND tỉnh Bình Dương",
            "--out",
            out.to_str().unwrap(),
        ],
    ];
    for args in rows {
        for flags in [
            ["--format", "json", "--quiet"],
            ["--quiet", "--format", "json"],
        ] {
            let mut a = args.to_vec();
            a.extend_from_slice(&flags);
            let o = s.run(&a);
            assert!(code(&o) <= 1, "{a:?}: {}", text(&o.stderr));
            assert_eq!(text(&o.stderr), "", "{a:?}: stderr not quiet");
            let v: Result<serde_json::Value, _> = serde_json::from_slice(&o.stdout);
            assert!(v.is_ok(), "{a:?}: not JSON: {}", text(&o.stdout));
        }
    }
    // `--json`, the older spelling, still works where it existed.
    for args in [
        &["report", p, "--no-index", "--json"][..],
        &["cites", "Luật DQTV", p, "--json"],
        &["search", "dan quan", "--json"],
        &["registry", "check", "--json"],
    ] {
        let o = s.run(args);
        assert!(
            serde_json::from_slice::<serde_json::Value>(&o.stdout).is_ok(),
            "{args:?}"
        );
    }
    // serve: its first line, as JSON.
    let mut child = s
        .command(&["serve", "--addr", "127.0.0.1:0", "--format", "json", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert!(
        v["listening"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:"),
        "{v}"
    );
}

#[test]
fn ndjson_is_one_object_a_line() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    assert_eq!(code(&s.run(&["index", p, "-q"])), 0);
    // (args, at least this many lines)
    let rows: &[(&[&str], usize)] = &[
        (&["extract", p, "--format", "ndjson"], 49),
        (&["cites", "Luật DQTV", p, "--format", "ndjson"], 4),
        (&["search", "dan quan tu ve", "--format", "ndjson"], 1),
    ];
    for (args, n) in rows {
        let o = s.run(args);
        let out = text(&o.stdout);
        assert!(out.lines().count() >= *n, "{args:?}: {out}");
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v.is_object(), "{args:?}: {line}");
        }
    }
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    // (flags, NO_COLOR, coloured): stdout is a pipe here, so `auto` does not colour.
    let rows: &[(&[&str], Option<&str>, bool)] = &[
        (&[], None, false),
        (&["--color", "always"], None, true),
        (&["--color", "always"], Some("1"), true),
        (&["--color", "never"], None, false),
        (&["--color", "auto"], Some("1"), false),
    ];
    for (flags, no_color, want) in rows {
        let mut args = vec!["check", p];
        args.extend_from_slice(flags);
        let mut c = s.command(&args);
        if let Some(v) = no_color {
            c.env("NO_COLOR", v);
        }
        let o = c.output().unwrap();
        assert_eq!(
            text(&o.stdout).contains('\x1b'),
            *want,
            "{flags:?} NO_COLOR={no_color:?}"
        );
    }
}

#[test]
fn threads_and_quiet_are_global() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    // -j before or after the subcommand; the index is built with that many writer threads.
    for args in [
        &["-j", "1", "index", p][..],
        &["index", p, "--threads", "2"],
    ] {
        let o = s.run(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", text(&o.stderr));
        assert!(
            text(&o.stderr).contains("thêm"),
            "{args:?}: a summary without -q"
        );
    }
    assert_eq!(code(&s.run(&["-j", "0", "index", p])), 2);
    let o = s.run(&["-q", "index", p]);
    assert_eq!(text(&o.stderr), "");
}

/// `--lang` is one global flag: before or after any subcommand, for every command's text
/// (tables and notes), Vietnamese by default and English from `LANG`; JSON never changes.
#[test]
fn lang_is_global_and_vietnamese_by_default() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    // (arguments, LANG, a text the output must hold, on stdout or stderr)
    let rows: &[(&[&str], Option<&str>, &str)] = &[
        (&["extract", p], None, "trích dẫn)"),
        (&["--lang", "en", "extract", p], None, "citations)"),
        (&["extract", p, "--lang", "en"], None, "citations)"),
        (&["extract", p], Some("en_US.UTF-8"), "citations)"),
        (
            &["extract", p, "--lang", "vi"],
            Some("en_US.UTF-8"),
            "trích dẫn)",
        ),
        (
            &["cites", "NĐ 168/2018", p],
            None,
            "trích dẫn trong 1 văn bản",
        ),
        (
            &["cites", "NĐ 168/2018", p, "--lang", "en"],
            None,
            "citations in 1 documents",
        ),
        (&["show", "Luật Dân quân tự vệ 2019"], None, "tình trạng"),
        (
            &["show", "Luật Dân quân tự vệ 2019", "--lang", "en"],
            None,
            "status",
        ),
        (&["outline", &format!("{p}/seed.txt")], None, "(dòng "),
        (
            &["outline", &format!("{p}/seed.txt"), "--lang", "en"],
            None,
            "(line ",
        ),
        (&["index", p, "--lang", "en"], None, "added"),
        // Failures of the tool too: a file that is not there, a query that is not an
        // instrument, an unknown kind, an unknown rule.
        (
            &["cites", "NĐ 168/2018", "/nonexistent/plan.txt"],
            None,
            "lỗi: /nonexistent/plan.txt: không có tệp hay thư mục này",
        ),
        (
            &[
                "cites",
                "NĐ 168/2018",
                "/nonexistent/plan.txt",
                "--lang",
                "en",
            ],
            None,
            "error: /nonexistent/plan.txt: no such file or directory",
        ),
        (
            &["show", "xyz"],
            None,
            "lỗi: \"xyz\": không đọc được là một văn bản",
        ),
        (
            &["show", "xyz", "--lang", "en"],
            None,
            "error: \"xyz\": not read as an instrument",
        ),
        (
            &["search", "dân quân", "--kind", "sach"],
            None,
            "lỗi: không có loại văn bản \"sach\"",
        ),
        (
            &["check", p, "--select", "C99"],
            Some("en_US.UTF-8"),
            "error: no rule or group \"C99\"",
        ),
        (
            &["check", p, "--select", "C99"],
            None,
            "lỗi: không có quy tắc hay nhóm \"C99\"",
        ),
    ];
    for (args, lang, want) in rows {
        let mut c = s.command(args);
        if let Some(l) = lang {
            c.env("LANG", l);
        }
        let o = c.output().expect("run cancu");
        let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
        assert!(
            all.contains(want),
            "{args:?} {lang:?}: no {want:?} in {all}"
        );
    }
    assert_eq!(code(&s.run(&["--lang", "fr", "extract", p])), 2);
    // JSON keys and slugs are the same in both languages.
    let json = |l: &str| {
        text(
            &s.run(&["extract", p, "--format", "json", "--lang", l])
                .stdout,
        )
    };
    assert_eq!(json("vi"), json("en"));
}

/// Help and clap's parse errors follow the language as every other text does: Vietnamese by
/// default, English with `--lang en` or an English `LANG`; help on stdout with exit 0, a parse
/// error on stderr with exit 2, naming the argument at fault. Regression: clap's texts were
/// English for everyone ("Usage:", "error: unexpected argument").
#[test]
fn help_and_parse_errors_follow_the_language() {
    let s = Sandbox::new();
    // (arguments, LANG, exit code, stdout (else stderr), phrases it holds, phrases it lacks)
    type Row<'a> = (
        &'a [&'a str],
        Option<&'a str>,
        i32,
        bool,
        &'a [&'a str],
        &'a [&'a str],
    );
    let rows: &[Row] = &[
        (
            &["--help"],
            None,
            0,
            true,
            &[
                "Cách dùng: cancu [TÙY_CHỌN] <LỆNH>",
                "Lệnh:",
                "check        Kiểm tra trích dẫn: sai thể thức",
                "Tùy chọn:",
                "-h, --help          In trợ giúp",
            ],
            &[
                "Usage:",
                "Commands:",
                "Options:",
                "Print help",
                "Check citations",
            ],
        ),
        (
            &["--help", "--lang", "en"],
            None,
            0,
            true,
            &[
                "Usage: cancu [OPTIONS] <COMMAND>",
                "Commands:",
                "check        Check citations: malformed",
            ],
            &["Cách dùng", "Kiểm tra trích dẫn"],
        ),
        (
            &["--help"],
            Some("en_US.UTF-8"),
            0,
            true,
            &["Usage: cancu [OPTIONS] <COMMAND>", "Check citations"],
            &["Cách dùng"],
        ),
        (
            &["check", "--help"],
            None,
            0,
            true,
            &[
                "Cách dùng: cancu check [TÙY_CHỌN] [PATHS]...",
                "Tham số:",
                "Các kế hoạch cần kiểm tra",
                "Định dạng kết quả [mặc định: rich]",
                "--deny <DENY>",
                "[mặc định: warning] [giá trị: error, warning, note]",
            ],
            &[
                "Usage:",
                "Arguments:",
                "Options:",
                "[default:",
                "Possible values",
                "Output format",
            ],
        ),
        (
            &["check", "--help", "--lang", "en"],
            None,
            0,
            true,
            &[
                "Usage: cancu check [OPTIONS] [PATHS]...",
                "Arguments:",
                "Output format",
                "[default: rich]",
            ],
            &["Cách dùng", "Định dạng kết quả"],
        ),
        (
            &["check", "--explain"],
            None,
            2,
            false,
            &[
                "lỗi: '--explain <CODE>' cần một giá trị nhưng không có giá trị nào",
                "Xem thêm: '--help'.",
            ],
            &["error:", "a value is required"],
        ),
        (
            &["check", "--explain", "--lang", "en"],
            None,
            2,
            false,
            &[
                "error: a value is required for '--explain <CODE>' but none was supplied",
                "For more information, try '--help'.",
            ],
            &["lỗi"],
        ),
        (
            &["check", "--frmat", "json"],
            None,
            2,
            false,
            &[
                "lỗi: không có tham số '--frmat'",
                "gợi ý: có tham số tương tự: '--format'",
                "Cách dùng: cancu check",
            ],
            &["unexpected argument", "Usage:"],
        ),
        (
            &["check", "--frmat", "json"],
            Some("en_US.UTF-8"),
            2,
            false,
            &[
                "error: unexpected argument '--frmat' found",
                "tip: a similar argument exists: '--format'",
                "Usage: cancu check",
            ],
            &["lỗi"],
        ),
        (
            &["extract", "--format", "xml"],
            None,
            2,
            false,
            &[
                "lỗi: giá trị 'xml' không hợp lệ cho '--format <FORMAT>'",
                "[các giá trị có thể: text, json, ndjson]",
            ],
            &["invalid value"],
        ),
    ];
    for (args, lang, want_code, stdout, want, lacks) in rows {
        let mut c = s.command(args);
        if let Some(l) = lang {
            c.env("LANG", l);
        }
        let o = c.output().expect("run cancu");
        let (out, other) = if *stdout {
            (text(&o.stdout), text(&o.stderr))
        } else {
            (text(&o.stderr), text(&o.stdout))
        };
        assert_eq!(code(&o), *want_code, "{args:?} {lang:?}: {out}");
        assert_eq!(other, "", "{args:?} {lang:?}: the other stream");
        for w in *want {
            assert!(out.contains(w), "{args:?} {lang:?}: no {w:?} in\n{out}");
        }
        for n in *lacks {
            assert!(!out.contains(n), "{args:?} {lang:?}: {n:?} in\n{out}");
        }
    }
}

/// Regression: `check --fix -q` printed "fixed N in FILE" on stderr.
#[test]
fn check_fix_is_quiet_under_q() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let f = plans.join("seed.txt");
    let f = f.to_str().unwrap();
    let o = s.run(&["-q", "check", "--fix", f]);
    assert_eq!(text(&o.stderr), "", "{}", text(&o.stdout));
    assert_ne!(
        std::fs::read_to_string(f).unwrap(),
        seed(),
        "the fixes were written"
    );
    let s2 = Sandbox::new();
    let plans = s2.plans("plans", &[("seed.txt", &seed())]);
    let f = plans.join("seed.txt");
    let o = s2.run(&["check", "--fix", f.to_str().unwrap()]);
    assert!(text(&o.stderr).contains("đã sửa "), "{}", text(&o.stderr));
}

#[test]
fn help_names_every_file_type_read() {
    let s = Sandbox::new();
    for cmd in [
        "report", "extract", "check", "cites", "show", "graph", "index",
    ] {
        let o = s.run(&[cmd, "--help"]);
        let help = text(&o.stdout);
        for ext in cancu::source::TEXT_EXTENSIONS {
            assert!(
                help.contains(&format!(".{ext}")),
                "{cmd}: no .{ext} in {help}"
            );
        }
        assert!(!help.contains(".txt and .md"), "{cmd}");
    }
}

/// Regression: `cancu index D --index D/idx` walked into its own index and read `meta.json`
/// as a document. An index folder inside the walked folder is never read.
#[test]
fn index_inside_the_indexed_folder_is_not_read() {
    let sb = Sandbox::new();
    let dir = sb.plans("plans", &[("a.txt", CLEAN)]);
    let idx = dir.join("idx");
    let (d, i) = (dir.to_str().unwrap(), idx.to_str().unwrap());
    for (round, want) in [(1, "thêm 1"), (2, "giữ nguyên 1")] {
        let o = sb.run(&["index", d, "--index", i]);
        let err = text(&o.stderr);
        assert_eq!(code(&o), 0, "round {round}: {err}");
        assert!(err.contains(want), "round {round}: {err}");
        assert!(!err.contains("meta.json"), "round {round}: {err}");
    }
}

/// Failures of the tool (not of one file among others) are told in Vietnamese by default
/// and in English with `--lang en`, naming the file, folder or address at fault, with a
/// non-zero exit and no panic: the index, the registry, a query, the server, a date.
/// Regression: these were English whatever `--lang` said ("lỗi: no index at …").
#[test]
fn tool_failures_are_told_in_both_languages() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed())]);
    let p = plans.to_str().unwrap();
    let seed_file = plans.join("seed.txt");
    let under_file = seed_file.join("idx");
    let nope = s.cwd.parent().unwrap().join("nope");
    let idx = s.cwd.parent().unwrap().join("idx");
    let bad_toml = s.cwd.parent().unwrap().join("bad.toml");
    std::fs::write(&bad_toml, "this is = not [toml").unwrap();
    let missing = s.cwd.parent().unwrap().join("missing.toml");
    assert_eq!(
        code(&s.run(&["index", p, "--index", idx.to_str().unwrap()])),
        0
    );
    let seed_path = seed_file.display().to_string();
    let (nope, under_file, idx, bad_toml, missing) = (
        nope.display().to_string(),
        under_file.display().to_string(),
        idx.display().to_string(),
        bad_toml.display().to_string(),
        missing.display().to_string(),
    );
    // (arguments, the Vietnamese line, the English line)
    let rows: Vec<(Vec<&str>, String, String)> = vec![
        (
            vec!["search", "dân quân", "--index", &nope],
            format!("lỗi: không có chỉ mục ở {nope}; chạy `cancu index` trước"),
            format!("error: no index at {nope}; run `cancu index` first"),
        ),
        (
            vec!["index", p, "--index", &under_file],
            format!("lỗi: chỉ mục {under_file}: có phần của đường dẫn không phải thư mục"),
            format!("error: index {under_file}: not a directory"),
        ),
        (
            vec!["index", p, "--index", &seed_path],
            format!("lỗi: chỉ mục {seed_path}: đã có một tệp mang tên này"),
            format!("error: index {seed_path}: a file of that name exists"),
        ),
        (
            vec!["search", "\"...\"", "--index", &idx],
            "lỗi: câu tìm kiếm không dùng được: không có từ nào trong \"...\"".into(),
            "error: bad query: no words in \"...\"".into(),
        ),
        (
            vec!["extract", p, "--registry", &bad_toml],
            format!("lỗi: {bad_toml}: sai cú pháp: TOML parse error at line 1, column 6"),
            format!("error: {bad_toml}: TOML parse error at line 1, column 6"),
        ),
        (
            vec!["extract", p, "--registry", &missing],
            format!("lỗi: {missing}: không đọc được: không có tệp hay thư mục này"),
            format!("error: {missing}: cannot read: no such file or directory"),
        ),
        (
            vec!["check", p, "--baseline", &missing],
            format!("lỗi: {missing}: không đọc được tệp mốc (baseline): không có tệp hay thư mục này"),
            format!("error: {missing}: cannot read the baseline: no such file or directory"),
        ),
        (
            vec!["check", p, "--as-of", "2025-13-45"],
            "lỗi: --as-of \"2025-13-45\": không phải ngày (viết 2025-07-01, 01/07/2025 hay today)".into(),
            "error: --as-of \"2025-13-45\": not a date (write 2025-07-01, 01/07/2025 or today)".into(),
        ),
        (
            vec!["serve", "--addr", "8.8.8.8:80"],
            "lỗi: 8.8.8.8:80 không phải địa chỉ trong máy (loopback); thêm --allow-remote để phục vụ các máy khác".into(),
            "error: 8.8.8.8:80 is not a loopback address; pass --allow-remote to serve other machines".into(),
        ),
    ];
    for (args, vi, en) in &rows {
        for (lang, want) in [(None, vi), (Some("en"), en)] {
            let mut a = args.clone();
            if let Some(l) = lang {
                a.extend(["--lang", l]);
            }
            let o = s.run(&a);
            let err = text(&o.stderr);
            assert!(!err.contains("panicked"), "{a:?}: {err}");
            assert!(
                err.lines().any(|l| l == want.as_str()),
                "{a:?}: no line {want:?} in\n{err}"
            );
            assert_eq!(code(&o), 2, "{a:?}: {err}");
        }
    }
}

/// `serve` on a port another program holds: told in both languages, exit 2, no wait.
#[test]
fn serve_on_a_taken_port_is_told_in_both_languages() {
    let s = Sandbox::new();
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = held.local_addr().unwrap().to_string();
    let rows = [
        (
            None,
            format!("lỗi: không mở được {addr} để phục vụ: địa chỉ này đang được dùng"),
        ),
        (
            Some("en"),
            format!("error: cannot listen on {addr}: the address is in use"),
        ),
    ];
    for (lang, want) in rows {
        let mut args = vec!["serve", "--addr", &addr];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let mut child = s
            .command(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run cancu");
        // Never wait on a server that did start: it is stopped and the row fails.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let status = loop {
            if let Some(st) = child.try_wait().expect("wait") {
                break Some(st);
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        let status = status.unwrap_or_else(|| panic!("{lang:?}: serve started on a taken port"));
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains(&want), "{lang:?}: no {want:?} in\n{err}");
        assert_eq!(status.code(), Some(2), "{err}");
    }
    drop(held);
}

/// `check --fix` on a PDF says why it leaves the file alone, in Vietnamese by default and
/// in English with `--lang en`, naming the file; the file is not touched and the run fails.
#[test]
fn fix_refusals_are_told_in_both_languages() {
    let s = Sandbox::new();
    let pdf = s.cwd.parent().unwrap().join("seed.pdf");
    let bytes = std::fs::read(common::root().join("tests/fixtures/source/seed.pdf")).unwrap();
    std::fs::write(&pdf, &bytes).unwrap();
    let p = pdf.display().to_string();
    let rows = [
        (
            None,
            format!("lỗi: {p}: --fix không ghi tệp pdf: không sửa trực tiếp được tệp PDF (chữ được dàn theo trang); hãy sửa văn bản gốc, hoặc xem các thay đổi bằng --fix --dry-run; tệp được giữ nguyên"),
        ),
        (
            Some("en"),
            format!("error: {p}: --fix does not write pdf files: a PDF cannot be edited in place (its text is laid out in pages); fix the source document, or see the changes with --fix --dry-run; the file is left as it was"),
        ),
    ];
    for (lang, want) in rows {
        let mut args = vec!["check", "--fix", &p];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let o = s.run(&args);
        let err = text(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            err.lines().any(|l| l == want),
            "{lang:?}: no line {want:?} in\n{err}"
        );
        assert_ne!(code(&o), 0, "{err}");
        assert_eq!(std::fs::read(&pdf).unwrap(), bytes, "the PDF was changed");
    }
}

/// `serve --index DIR` on a folder without an index still serves (scanning the corpus) and
/// says why once, in Vietnamese by default and in English with `--lang en`.
#[test]
fn serve_without_its_index_says_why_in_both_languages() {
    let s = Sandbox::new();
    let nope = s.cwd.parent().unwrap().join("nope");
    let n = nope.display().to_string();
    let rows = [
        (
            None,
            format!("lưu ý: --index: không có chỉ mục ở {n}; chạy `cancu index` trước; tìm trực tiếp trong thư mục"),
        ),
        (
            Some("en"),
            format!("note: --index: no index at {n}; run `cancu index` first; searching the corpus folder"),
        ),
    ];
    for (lang, want) in rows {
        let mut args = vec!["serve", "--addr", "127.0.0.1:0", "--index", &n];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let mut child = s
            .command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run cancu");
        // The first line of stdout comes once it listens (or stdout closes if it failed).
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let _ = child.kill();
        let _ = child.wait();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(
            first.contains("127.0.0.1"),
            "{lang:?}: did not serve: {first}\n{err}"
        );
        assert!(
            err.lines().any(|l| l.starts_with(&want)),
            "{lang:?}: no {want:?} in\n{err}"
        );
    }
}

/// Regression: `report` printed every unreadable file once more from its index pass (which
/// reads the same files), English under Vietnamese before; now the index pass only counts
/// them and says so once, in the user's language.
#[test]
fn report_does_not_repeat_file_errors_from_its_index_pass() {
    let s = Sandbox::new();
    let plans = s.plans("plans", &[("seed.txt", &seed()), ("empty.txt", "")]);
    let p = plans.to_str().unwrap();
    let idx = s.cwd.parent().unwrap().join("idx");
    let lines = |args: &[&str]| {
        let o = s.run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        let err = text(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
        let told: Vec<String> = err
            .lines()
            .filter(|l| l.contains("empty.txt"))
            .map(String::from)
            .collect();
        (told, err)
    };
    let (without, _) = lines(&["report", p, "--no-index"]);
    let (with, err) = lines(&["report", p, "--index", idx.to_str().unwrap()]);
    assert!(!without.is_empty());
    assert!(without
        .iter()
        .all(|l| l.contains("lỗi: ") && l.contains(": tệp rỗng")));
    assert_eq!(with, without, "{err}");
    assert!(
        err.contains("lưu ý: có tệp không lập chỉ mục được (xem ở trên)"),
        "{err}"
    );
}

/// Regression: `report` told every unreadable file, and every reading warning and note, twice
/// (its learning pass and its report pass both read the files, and both printed); each is
/// told once now, and the exit code still says a file could not be read.
#[test]
fn report_tells_each_file_once() {
    let s = Sandbox::new();
    let plans = s.plans(
        "plans",
        &[
            ("seed.txt", &seed()),
            ("empty.txt", ""),
            ("utf16.txt", "abc\u{0}def"),
        ],
    );
    let p = plans.to_str().unwrap();
    let o = s.run(&["report", p, "--no-index"]);
    assert_eq!(code(&o), 2);
    let err = text(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    for (name, at_least) in [("empty.txt", 1), ("utf16.txt", 1)] {
        let told: Vec<&str> = err.lines().filter(|l| l.contains(name)).collect();
        assert!(told.len() >= at_least, "{name}: {err}");
        let mut unique = told.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), told.len(), "{name} told twice:\n{err}");
    }
}
