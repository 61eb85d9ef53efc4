//! Shared by the tests that run the `cardhelp` binary as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `cardhelp <subcommand>` with `input` on stdin and returns what it printed.
pub fn run_cardhelp(subcommand: &str, input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cardhelp"))
        .arg(subcommand)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the cardhelp binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin accepts the input");
    child.wait_with_output().expect("cardhelp finishes")
}
