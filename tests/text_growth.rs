//! Long pastes: every text path the widget reads (letter fields, the start box, a config,
//! a share link, a case) refuses or reads an oversized input in time linear in its size,
//! so no paste can freeze the page. The growth itself is measured and printed by
//! `cardhelp-bench`; here each property case has a generous time bound (a case takes
//! microseconds; the bound only trips on super-linear work, which took seconds per
//! keystroke on a 4 KB paste before the letter fields checked the length first).
//! (Long run: `PROPTEST_CASES=200000 cargo test --release --test text_growth`.)

use std::time::{Duration, Instant};

use cardhelp::engine::case::Case;
use cardhelp::engine::classify::classify;
use cardhelp::engine::config::parse_config;
use cardhelp::engine::letter::{render, LetterFields, LetterKind};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::share::{decode, from_fragment};
use proptest::prelude::*;

/// Most time one property case may take, in a debug build on a busy 2-core machine.
const CASE_BOUND: Duration = Duration::from_secs(2);

/// Runs `work` and fails the case if it takes longer than [`CASE_BOUND`].
fn bounded<T>(what: &str, len: usize, work: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let start = Instant::now();
    let out = work();
    let took = start.elapsed();
    prop_assert!(
        took <= CASE_BOUND,
        "{what} of {len} bytes took {took:?} (bound {CASE_BOUND:?})"
    );
    Ok(out)
}

/// Pastes shaped like the slow cases: runs of digit groups (dates, phone numbers, card
/// numbers) separated by single spaces or hyphens, repeated to kilobytes.
fn digit_paste() -> impl Strategy<Value = String> {
    let group = prop_oneof![
        "[0-9]{1,4}",
        Just("4111".to_owned()),
        Just("2026-03-16".to_owned()),
    ];
    let sep = prop_oneof![Just(" "), Just("-"), Just("\n"), Just(", ")];
    (prop::collection::vec((group, sep), 1..64), 1usize..200).prop_map(|(parts, times)| {
        let unit: String = parts.iter().map(|(g, s)| format!("{g}{s}")).collect();
        unit.repeat(times)
    })
}

fn letter_with(text: &str) -> LetterFields {
    LetterFields {
        name: Some(text.to_owned()),
        address: Some(text.to_owned()),
        merchant: Some(text.to_owned()),
        details: Some(text.to_owned()),
        issuer_address: Some(text.to_owned()),
        billing_error_address: Some(text.to_owned()),
        ..LetterFields::default()
    }
}

proptest! {
    #[test]
    fn letter_fields_take_any_paste_in_bounded_time(text in digit_paste()) {
        let fields = letter_with(&text);
        for kind in LetterKind::ALL {
            let letter = bounded("letter", text.len(), || render(kind, &fields, Locale::En))?;
            // However the paste reads, no run of 13 or more digits reaches the letter.
            let longest_run = letter
                .body
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            prop_assert!(longest_run < 13, "{}", letter.body);
        }
    }

    #[test]
    fn other_text_paths_take_any_paste_in_bounded_time(text in digit_paste()) {
        let len = text.len();
        bounded("classify", len, || classify(&text).map(drop))?.unwrap();
        bounded("config", len, || drop(parse_config(&text)))?;
        bounded("config string", len, || {
            drop(parse_config(&serde_json::json!({ "issuer_name": text }).to_string()))
        })?;
        bounded("share link", len, || drop(from_fragment(&format!("#cardhelp=v=1&t={text}"))))?;
        bounded("saved copy", len, || drop(decode(&text)))?;
        bounded("case", len, || {
            drop(Case::from_json(&serde_json::json!({ "today": text, "text": text }).to_string()))
        })?;
    }
}

/// A megabyte pasted into "Details" is refused as too long, and the other fields keep
/// their own state: the paste is never redacted or copied into the letter.
#[test]
fn a_megabyte_paste_is_refused_as_too_long() {
    let paste = "2026-03-16 4111 1111 ".repeat(50_000);
    let fields = LetterFields {
        details: Some(paste),
        ..LetterFields::default()
    };
    let letter = render(LetterKind::BillingErrorNotice, &fields, Locale::En);
    let details = letter.invalid.iter().find(|i| i.field == "details");
    assert!(
        details.is_some_and(|i| i.message.contains("too long")),
        "{:?}",
        letter.invalid
    );
    assert!(letter.body.len() < 10_000);
}

/// Many short lines stop at the line limit rather than reading the whole paste.
#[test]
fn a_paste_of_many_lines_is_refused_as_too_many_lines() {
    let fields = LetterFields {
        address: Some("12\n".repeat(200_000)),
        ..LetterFields::default()
    };
    let letter = render(LetterKind::BillingErrorNotice, &fields, Locale::En);
    let address = letter.invalid.iter().find(|i| i.field == "address");
    assert!(
        address.is_some_and(|i| i.message.contains("too many lines")),
        "{:?}",
        letter.invalid
    );
}
