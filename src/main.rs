//! `cardhelp`: the engine on the command line. Same JSON contract as the browser's JS API.

use std::process::ExitCode;

const HELP: &str = "\
cardhelp — credit-card help triage and deadlines, offline

USAGE:
    cardhelp <COMMAND>

COMMANDS:
    plan        read a case as JSON on stdin, print the plan as JSON
    classify    read JSON lines {\"text\": ...} on stdin, print ranked topics per line
    help        print this help (also -h, --help)
    version     print the version (also -V, --version)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "-h" | "--help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("version" | "-V" | "--version") => {
            println!("cardhelp {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("cardhelp: unknown command '{other}' (try 'cardhelp --help')");
            ExitCode::from(2)
        }
    }
}
