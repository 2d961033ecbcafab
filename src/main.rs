//! The `cancu` binary: parse arguments, run, map the outcome to an exit code
//! (0 clean, 1 findings, 2 errors). Everything else is in the library.

use clap::Parser;

fn main() {
    let cli = cancu::cli::Cli::parse();
    let code = match cancu::cli::run(cli) {
        Ok(outcome) => outcome.code(),
        Err(e) => {
            // A closed pipe (`cancu extract | head`) is not an error worth a message.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                0
            } else {
                eprintln!("error: {e:#}");
                2
            }
        }
    };
    std::process::exit(code);
}
