//! The share-link and saved-copy codec: round trips, links that replace the host's
//! fragment, and strict refusal of anything a hostile or stale link could carry.

use cardhelp::engine::calendar::IsoDate;
use cardhelp::engine::case::{Facts, PaymentMethod};
use cardhelp::engine::config::HostConfig;
use cardhelp::engine::locale::Locale;
use cardhelp::engine::plan::resolve;
use cardhelp::engine::share::{decode, encode, from_fragment, link, SharedCase, FRAGMENT};
use cardhelp::engine::topic::Topic;

fn sample() -> SharedCase {
    let mut case = SharedCase {
        topic: Some(Topic::UnauthorizedCharge),
        locale: Locale::Es,
        checked: vec!["s0".into(), "p2".into()],
        ..SharedCase::default()
    };
    case.answers.insert("still_have_card".into(), "no".into());
    case.answers
        .insert("statement_sent".into(), "2026-02-10".into());
    case.facts.statement_closing = IsoDate::parse("2026-02-05").ok();
    case
}

#[test]
fn a_case_round_trips() {
    let case = sample();
    let encoded = encode(&case);
    assert_eq!(decode(&encoded), Ok(case));
    assert!(
        encoded.starts_with("v=1&t=unauthorized_charge&l=es&"),
        "{encoded}"
    );
    assert!(encoded.contains("a.statement_sent=2026-02-10"), "{encoded}");
    assert!(
        encoded.contains("f.statement_closing=2026-02-05"),
        "{encoded}"
    );
    assert!(encoded.ends_with("&c=s0.p2"), "{encoded}");
}

#[test]
fn a_case_without_a_topic_round_trips() {
    let case = SharedCase::default();
    assert_eq!(encode(&case), "v=1&l=en");
    assert_eq!(decode("v=1&l=en"), Ok(case));
}

#[test]
fn a_link_replaces_the_page_fragment_and_leaves_out_checked_items() {
    let url = link("https://bank.example/help?x=1#faq", &sample());
    let (page, hash) = url.split_at(url.find('#').unwrap());
    assert_eq!(page, "https://bank.example/help?x=1");
    assert!(hash.starts_with(FRAGMENT));
    let restored = from_fragment(hash).unwrap().unwrap();
    assert_eq!(
        restored,
        SharedCase {
            checked: Vec::new(),
            ..sample()
        }
    );
    assert_eq!(from_fragment("#faq"), None);
    assert_eq!(from_fragment(""), None);
}

#[test]
fn only_unreserved_characters_and_escapes_appear() {
    let encoded = encode(&sample());
    assert!(encoded
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)));
}

#[test]
fn escapes_are_read_back() {
    let case = decode("v=1&t=unauthorized_charge&a.still_have_card=%79%65s").unwrap();
    assert_eq!(
        case.answers.get("still_have_card").map(String::as_str),
        Some("yes")
    );
}

#[test]
fn a_decoded_case_always_plans() {
    let shared = decode(&encode(&sample())).unwrap();
    let case = shared.case(IsoDate::parse("2026-03-02").unwrap());
    let plan = resolve(&case, &HostConfig::default()).unwrap();
    assert_eq!(plan.deadlines[0].id, "billing_error_notice");
    assert_eq!(plan.deadlines[0].date.to_string(), "2026-04-11");
}

#[test]
fn anything_unexpected_is_refused_whole() {
    let long = format!("v=1&t=unauthorized_charge&c={}", "a.".repeat(1100));
    for bad in [
        "",
        "v=2&t=unauthorized_charge",
        "t=unauthorized_charge",
        "v=1&t=fraud",
        "v=1&l=fr",
        "v=1&x=1",
        "v=1&t=unauthorized_charge&a.made_purchase=yes",
        "v=1&t=unauthorized_charge&a.still_have_card=maybe",
        "v=1&t=unauthorized_charge&a.statement_sent=2026-02-30",
        "v=1&t=unauthorized_charge&a.statement_sent=1900-01-01",
        "v=1&a.still_have_card=yes",
        "v=1&f.statment_sent=2026-01-01",
        "v=1&f.statement_sent=2026-13-01",
        "v=1&f.cycle_closing_day=32",
        "v=1&t=unauthorized_charge&a.still_have_card=%ZZ",
        "v=1&t=unauthorized_charge&a.still_have_card=%+5",
        "v=1&t=unauthorized_charge&a.still_have_card=%E2%28",
        "v=1&t=unauthorized_charge&c=S0",
        "v=1&t=unauthorized_charge&c=s0.<b>",
        long.as_str(),
    ] {
        assert!(decode(bad).is_err(), "accepted {bad:?}");
    }
}

#[test]
fn facts_keep_their_json_types() {
    let case = decode("v=1&t=credit_reporting&f.report_dispute_info_added=false").unwrap();
    assert_eq!(
        case.facts,
        Facts {
            report_dispute_info_added: Some(false),
            ..Facts::default()
        }
    );
    let case = decode("v=1&t=payment_issue&f.payment_method=mail").unwrap();
    assert_eq!(case.facts.payment_method, Some(PaymentMethod::Mail));
}

/// A link is refused as a whole when it gives a key twice, carries checked items (the
/// device's own), names a language other than exactly `en` or `es`, or sets a fact its
/// topic never asks for; a saved copy may carry checked items.
#[test]
fn links_with_doubled_keys_checked_items_region_tags_or_unasked_facts_are_refused() {
    for bad in [
        "v=1&t=unauthorized_charge&t=billing_dispute",
        "v=1&l=en&l=es",
        "v=1&t=unauthorized_charge&a.still_have_card=yes&a.still_have_card=no",
        "v=1&t=unauthorized_charge&a.still_have_card=yes&a.still%5Fhave_card=no",
        "v=1&t=unauthorized_charge&f.statement_sent=2026-01-01&f.statement_sent=2026-01-02",
        "v=1&t=unauthorized_charge&c=s0",
        "v=1&l=es-MX",
        "v=1&l=EN",
        "v=1&l=es_ES",
        "v=1&f.statement_sent=2026-01-01",
        "v=1&t=unauthorized_charge&f.due_date=2026-01-10",
        "v=1&t=account_service&f.due_date=2026-01-01",
    ] {
        let link = format!("{FRAGMENT}{bad}");
        assert!(
            matches!(from_fragment(&link), Some(Err(_))),
            "accepted {bad:?}"
        );
    }
    let saved = decode("v=1&t=unauthorized_charge&l=es&c=s0.p2").unwrap();
    assert_eq!(saved.checked, ["s0", "p2"]);
    assert_eq!(saved.locale, Locale::Es);
}

/// A fact the case holds for another topic (the cardholder went back and switched) is
/// left out of the link rather than making it unreadable.
#[test]
fn facts_of_another_topic_are_left_out_of_a_link() {
    let mut case = sample();
    case.topic = Some(Topic::AccountService);
    case.answers = Default::default();
    let url = link("https://bank.example/help", &case);
    assert!(!url.contains("f."), "{url}");
    assert!(from_fragment(&url[url.find('#').unwrap()..])
        .unwrap()
        .is_ok());
}
