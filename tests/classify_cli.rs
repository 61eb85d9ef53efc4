//! `cardhelp classify` as a user runs it: JSON lines in, JSON lines out.

mod common;

use std::process::Output;

fn run(input: &str) -> Output {
    common::run_cardhelp("classify", input.as_bytes())
}

#[test]
fn answers_each_line_in_order_with_all_twelve_topics() {
    let out = run(
        "{\"text\": \"lost my card\"}\n{\"text\": \"me cobraron dos veces\"}\n{\"text\": \"\"}\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["topics"][0]["topic"], "card_problem");
    assert_eq!(lines[1]["topics"][0]["topic"], "billing_dispute");
    for line in &lines {
        let topics = line["topics"].as_array().unwrap();
        assert_eq!(topics.len(), 12);
        let scores: Vec<f64> = topics
            .iter()
            .map(|t| t["score"].as_f64().unwrap())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]));
        assert!(line["reasons"].is_array());
    }
    assert_eq!(lines[2]["confident"], false);
}

#[test]
fn a_bad_line_is_reported_by_number_without_a_panic() {
    let out = run("{\"text\": \"late fee\"}\nnot json\n{\"text\": \"x\"}\n");
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    assert!(!run("{\"txt\": \"a\"}\n").status.success());
}

/// A byte-order mark before the first line is skipped; a lone surrogate is named.
#[test]
fn a_byte_order_mark_is_accepted_and_a_lone_surrogate_named() {
    let out = run("\u{FEFF}{\"text\": \"lost card\"}\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run("{\"text\": \"lost card\"}\n{\"text\": \"\\udc00\"}\n");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("cardhelp classify: line 2: \\udc00 is half of a UTF-16 surrogate pair"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
