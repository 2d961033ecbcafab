//! The `cancu` binary: parse arguments, run, map the outcome to an exit code (see
//! `cancu::cli::output`: 0 clean or found, 1 findings or nothing found, 2 errors). Everything
//! else is in the library.

/// mimalloc rather than glibc's allocator: with the index writer's threads, glibc's arenas
/// fragment and the peak memory of `cancu index` grows past the corpus (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Help and parse errors in the user's language (`cancu::cli::help`).
    let cli = cancu::cli::parse();
    let code = match cancu::cli::run(cli) {
        Ok(outcome) => outcome.code(),
        // A closed pipe (`cancu extract … | head -1`) ends quietly, as ripgrep does.
        Err(e) if cancu::cli::output::is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("{}", cancu::cli::output::error_text(&e));
            2
        }
    };
    std::process::exit(code);
}
