//! Engine benchmark: how long the resolver takes for realistic cases, natively, and how
//! each text input and parser grows with the size of what is pasted into it.
//!
//! Prints throughput and the mean time per call against the budgets (plan ≤ 1 ms, classify
//! a 200-word text ≤ 0.2 ms), then every text path at 1 KB, 10 KB, 100 KB and 1 MB with the
//! growth per tenfold step (about 10× is linear; an oversized input refused up front stays
//! near 1×). Numbers, not assertions: timings belong in a report, not in a unit test.
//! Run: `cargo run --release --bin cardhelp-bench`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cardhelp::engine::case::Case;
use cardhelp::engine::classify;
use cardhelp::engine::config::parse_config;
use cardhelp::engine::letter::{render, LetterFields, LetterKind};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::plan::plan;
use cardhelp::engine::share;

/// Cases that exercise the heavy paths: many facts, answers, a host config, Spanish.
const CASES: &[&str] = &[
    r#"{"today":"2026-02-10","topic":"billing_dispute","locale":"en","facts":{"statement_sent":"2026-01-15","notice_received":"2026-02-03","cycle_closing_day":10,"transaction_date":"2026-01-02"}}"#,
    r#"{"today":"2026-11-24","topic":"unauthorized_charge","locale":"es","answers":{"still_have_card":"no"},"facts":{"statement_closing":"2026-11-05"},"config":{"issuer_name":"Northwind","phones":{"fraud":{"number":"+1 800 555 0199","hours":"24/7"}},"calendar":{"closed_days":["2026-11-27"]}}}"#,
    r#"{"today":"2026-03-01","topic":"identity_theft","facts":{"fraud_alert_placed":"2024-02-29","extended_alert_placed":"2026-02-01","freeze_requested":"2026-02-27","freeze_request_method":"mail","report_dispute_received":"2026-02-20","report_dispute_info_added":true,"cfpb_complaint_sent":"2026-02-25"}}"#,
    r#"{"today":"2026-07-01","topic":"payment_issue","facts":{"due_date":"2026-07-04","payment_method":"mail","statement_mailed":"2026-06-10"}}"#,
];

/// A cardholder's long complaint, written for this benchmark; its first 200 words are timed.
const LONG_TEXT: &str = "I am writing because there are three charges on my credit card statement \
that I do not recognize and did not authorize. The first one appeared on the statement that \
closed last month, a purchase of four hundred dollars at an electronics store in a city I \
have never visited. Two smaller charges followed at online merchants I have never heard of. \
I still have my card with me and I have never shared the number with anyone, so I believe the \
number was stolen in a data breach. I called the customer service line right away and the \
representative said they would open a fraud claim, but a week later nothing has changed and \
the charges are still on my account. Now I have been charged interest on the balance and a \
late fee because I refused to pay for purchases I never made. I want the charges removed, \
the interest and the late fee reversed, and a new card with a different number. I am also \
worried that this will show up on my credit report as a late payment, which would hurt my \
score when I apply for a mortgage next year. Please tell me what my rights are and what I \
should do next to protect my account.";

fn main() {
    let cases: Vec<Case> = CASES
        .iter()
        .map(|json| Case::from_json(json).expect("benchmark cases are valid"))
        .collect();
    let (calls, elapsed) = repeat(Duration::from_secs(2), || {
        for case in &cases {
            black_box(plan(black_box(case)).ok());
        }
        cases.len()
    });
    report("plan (resolve a parsed case)", calls, elapsed, 1.0);

    let (calls, elapsed) = repeat(Duration::from_secs(1), || {
        for json in CASES {
            black_box(Case::from_json(black_box(json)).ok());
        }
        CASES.len()
    });
    report("case JSON parse", calls, elapsed, 1.0);

    let text = LONG_TEXT
        .split_whitespace()
        .take(200)
        .collect::<Vec<_>>()
        .join(" ");
    let classifier = classify::shipped().expect("the shipped model loads");
    let (calls, elapsed) = repeat(Duration::from_secs(2), || {
        black_box(classifier.classify(black_box(&text)));
        1
    });
    report("classify (a 200-word text)", calls, elapsed, 0.2);

    growth();
}

/// A paste that was the worst case for the letter fields: dates and card-number-like digit
/// groups separated by single spaces.
const PASTE: &str = "2026-03-16 4111 1111 1111 ";

/// The sizes every text path is timed at.
const SIZES: [usize; 4] = [1 << 10, 10 << 10, 100 << 10, 1 << 20];

/// Renders the billing-error letter from `fields`.
fn letter(fields: LetterFields) {
    black_box(render(LetterKind::BillingErrorNotice, &fields, Locale::En));
}

/// Times each text input and parser at each of [`SIZES`] and prints the growth.
fn growth() {
    type Path = (&'static str, fn(&str));
    let paths: [Path; 9] = [
        ("letter: details (multi-line)", |t| {
            letter(LetterFields {
                details: Some(t.to_owned()),
                ..LetterFields::default()
            })
        }),
        ("letter: name (one line)", |t| {
            letter(LetterFields {
                name: Some(t.to_owned()),
                ..LetterFields::default()
            })
        }),
        ("letter: amount", |t| {
            letter(LetterFields {
                amount: Some(t.to_owned()),
                ..LetterFields::default()
            })
        }),
        ("classify", |t| {
            black_box(classify::classify(t).ok());
        }),
        ("config: a long string value", |t| {
            black_box(parse_config(
                &serde_json::json!({ "issuer_name": t }).to_string(),
            ));
        }),
        ("config: many unknown keys", |t| {
            let keys = (0..t.len() / 16).map(|i| format!("\"unknown_{i:06}\":1"));
            black_box(parse_config(&format!(
                "{{{}}}",
                keys.collect::<Vec<_>>().join(",")
            )));
        }),
        ("config: raw text", |t| {
            black_box(parse_config(t));
        }),
        ("share link", |t| {
            black_box(share::from_fragment(&format!("#cardhelp=v=1&t={t}")));
        }),
        ("case JSON", |t| {
            let json = serde_json::json!({ "today": "2026-03-02", "text": t }).to_string();
            black_box(Case::from_json(&json).ok());
        }),
    ];
    println!();
    println!(
        "{:32} {:>10} {:>10} {:>10} {:>10}   growth per 10x",
        "text path (ms per call)", "1 KB", "10 KB", "100 KB", "1 MB"
    );
    for (name, path) in paths {
        let times: Vec<f64> = SIZES
            .iter()
            .map(|&size| {
                let text = PASTE.repeat(size / PASTE.len() + 1)[..size].to_owned();
                let (calls, elapsed) = repeat(Duration::from_millis(200), || {
                    path(black_box(&text));
                    1
                });
                elapsed.as_secs_f64() * 1e3 / calls as f64
            })
            .collect();
        let steps: Vec<String> = times
            .windows(2)
            .map(|w| format!("{:.1}x", w[1] / w[0]))
            .collect();
        println!(
            "{name:32} {:>10.4} {:>10.4} {:>10.4} {:>10.4}   {}",
            times[0],
            times[1],
            times[2],
            times[3],
            steps.join(" ")
        );
    }
}

/// Runs `work` until `budget` has elapsed; returns how many calls it reported and the time.
fn repeat(budget: Duration, mut work: impl FnMut() -> usize) -> (usize, Duration) {
    let start = Instant::now();
    let mut calls = 0;
    while start.elapsed() < budget {
        calls += work();
    }
    (calls, start.elapsed())
}

fn report(name: &str, calls: usize, elapsed: Duration, budget_ms: f64) {
    let per_call_ms = elapsed.as_secs_f64() * 1e3 / calls as f64;
    let verdict = if per_call_ms <= budget_ms {
        "within"
    } else {
        "OVER"
    };
    println!(
        "{name:32} {:>10.0} calls/s  {per_call_ms:>8.4} ms/call  (budget {budget_ms} ms: {verdict})",
        calls as f64 / elapsed.as_secs_f64()
    );
}
