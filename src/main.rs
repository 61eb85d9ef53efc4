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
    config-schema
                print the host config's JSON Schema (www/cardhelp.config.schema.json)
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
        Some("config-schema") => {
            let schema = cardhelp::engine::config::json_schema();
            println!("{}", to_json(&schema).expect("a JSON value prints"));
            ExitCode::SUCCESS
        }
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
    // A byte-order mark, as some editors on Windows save UTF-8, is not part of the JSON.
    let input = input.strip_prefix(BOM).unwrap_or(&input);
    if let Some(escape) = lone_surrogate(input) {
        eprintln!(
            "cardhelp {command}: case: {}",
            lone_surrogate_message(escape)
        );
        return ExitCode::FAILURE;
    }
    match Case::from_json(input).and_then(|case| answer(&case)) {
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
                let line = if n == 1 {
                    line.strip_prefix(BOM).unwrap_or(&line)
                } else {
                    &line
                };
                if let Some(escape) = lone_surrogate(line) {
                    return Err(lone_surrogate_message(escape));
                }
                serde_json::from_str::<ClassifyRequest>(line)
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

/// The UTF-8 byte-order mark, accepted (and skipped) at the start of the input.
const BOM: char = '\u{FEFF}';

/// The first `\uXXXX` escape in JSON text that is half of a UTF-16 surrogate pair without
/// its other half: JSON text may spell one, but it is not a character, so no string can
/// hold it. (Browsers read one as U+FFFD; here it is refused with a message that says so.)
fn lone_surrogate(json: &str) -> Option<&str> {
    let unit = |i: usize| {
        let hex = json.get(i + 2..i + 6)?;
        json[i..].starts_with("\\u").then_some(())?;
        u16::from_str_radix(hex, 16).ok()
    };
    let bytes = json.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) => {
                if !unit(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) {
                    return json.get(i..i + 6);
                }
                i += 12;
            }
            Some(0xDC00..=0xDFFF) => return json.get(i..i + 6),
            Some(_) => i += 6,
            // Any other escape (`\\`, `\"`, `\n`): its second character is not a backslash.
            None => i += 2,
        }
    }
    None
}

fn lone_surrogate_message(escape: &str) -> String {
    format!("{escape} is half of a UTF-16 surrogate pair without its other half, not a character")
}
