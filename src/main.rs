//! The `pmdb` binary: parse the command line, run, turn errors into exit codes.

fn main() -> std::process::ExitCode {
    pmdb::cli::main()
}
