//! `cardhelp`: the engine on the command line. Same JSON contract as the browser's JS API.

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use cardhelp::engine::case::{Case, CaseError};
use cardhelp::engine::classify;
use cardhelp::engine::flow::questions;
use cardhelp::engine::plan::plan;
use serde::Deserialize;

const HELP: &str = "\
cardhelp — credit-card help triage and deadlines, offline

USAGE:
    cardhelp <COMMAND>

COMMANDS:
    plan        read a case as JSON on stdin, print the plan as JSON
    questions   read a case as JSON on stdin, print the questions still to ask as JSON
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
        Some("plan") => run_case("plan", |case| plan(case).map(|p| to_json(&p))),
        Some("questions") => run_case("questions", |case| questions(case).map(|q| to_json(&q))),
        Some("classify") => classify_lines(),
        Some(other) => {
            eprintln!("cardhelp: unknown command '{other}' (try 'cardhelp --help')");
            ExitCode::from(2)
        }
    }
}

/// `cardhelp plan` and `cardhelp questions`: a case as JSON on stdin, the answer as JSON
/// on stdout. Any bad input exits with status 1 and one line on stderr naming the field.
fn run_case(
    command: &str,
    answer: impl Fn(&Case) -> Result<serde_json::Result<String>, CaseError>,
) -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cardhelp {command}: cannot read stdin: {e}");
        return ExitCode::FAILURE;
    }
    match Case::from_json(&input).and_then(|case| answer(&case)) {
        Ok(Ok(json)) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Ok(Err(e)) => {
            eprintln!("cardhelp {command}: cannot write the result: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("cardhelp {command}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    serde_json::to_string_pretty(value)
}

/// One input line of `cardhelp classify`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassifyRequest {
    text: String,
}

/// `cardhelp classify`: JSON lines `{"text": ...}` in, one classification per line out,
/// in order. A bad line stops with an error naming it.
fn classify_lines() -> ExitCode {
    let classifier = match classify::shipped() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cardhelp classify: {e}");
            return ExitCode::FAILURE;
        }
    };
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, line) in stdin.lines().enumerate() {
        let n = i + 1;
        let result = line
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|line| {
                serde_json::from_str::<ClassifyRequest>(&line)
                    .map_err(|e| format!("expected {{\"text\": \"...\"}}: {e}"))
            })
            .and_then(|req| {
                serde_json::to_string(&classifier.classify(&req.text))
                    .map_err(|e| format!("cannot encode result: {e}"))
            })
            .and_then(|json| writeln!(stdout, "{json}").map_err(|e| format!("cannot write: {e}")));
        if let Err(e) = result {
            let _ = stdout.flush();
            eprintln!("cardhelp classify: line {n}: {e}");
            return ExitCode::FAILURE;
        }
    }
    match stdout.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cardhelp classify: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}
