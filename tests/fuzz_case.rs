//! Hostile input never breaks the engine: the case JSON, dates, answers and the resolver.
//!
//! CI runs the default number of cases per property. The long run documented in the README
//! sets `PROPTEST_CASES`, e.g. `PROPTEST_CASES=200000 cargo test --release --test fuzz_case`.

use cardhelp::engine::calendar::IsoDate;
use cardhelp::engine::case::Case;
use cardhelp::engine::plan::plan;
use cardhelp::engine::topic::Topic;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Fact names the engine knows, plus a few it does not.
const FIELDS: &[&str] = &[
    "statement_sent",
    "statement_closing",
    "transaction_date",
    "notice_received",
    "cycle_closing_day",
    "due_date",
    "payment_method",
    "statement_mailed",
    "refund_request_received",
    "fraud_alert_placed",
    "freeze_requested",
    "freeze_request_method",
    "report_dispute_received",
    "report_dispute_info_added",
    "cfpb_complaint_sent",
    "adverse_action_date",
    "terms_notice_received",
    "card_network",
    "statement",
    "",
];

/// Strings a cardholder, a browser or an attacker might put where a date goes.
fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        (1985i32..2105, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9/ .T:+-]{0,14}",
        any::<String>(),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        date_like().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        prop::sample::select(vec![
            "mail",
            "online",
            "phone",
            "visa",
            "amex",
            "\u{202e}mail"
        ])
        .prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
    ]
}

fn facts() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(prop::sample::select(FIELDS.to_vec()), value(), 0..8)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

fn case() -> impl Strategy<Value = Value> {
    let topic = prop_oneof![
        prop::sample::select(Topic::ALL.to_vec()).prop_map(|t| Value::from(t.id())),
        any::<String>().prop_map(Value::from),
        Just(Value::Null),
    ];
    let text = prop_oneof![
        any::<String>(),
        Just("<script>alert(1)</script>\u{0}\u{7}\u{202e}🙂".to_owned()),
        Just("x".repeat(200_000)),
    ];
    (date_like(), topic, facts(), text, any::<bool>()).prop_map(
        |(today, topic, facts, text, es)| {
            let mut case = Map::new();
            case.insert("today".into(), Value::from(today));
            case.insert("topic".into(), topic);
            case.insert("facts".into(), facts);
            case.insert("text".into(), Value::from(text));
            case.insert("locale".into(), Value::from(if es { "es" } else { "en" }));
            Value::Object(case)
        },
    )
}

proptest! {
    /// Any text at all is either a case or a one-line error naming a field.
    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        if let Err(e) = Case::from_json(&input) {
            prop_assert!(!e.field.is_empty());
            prop_assert!(!e.to_string().contains('\n'));
        }
    }

    /// Case-shaped JSON with hostile values: accepted cases plan without panicking, every
    /// deadline lies on or after its start, and rejected ones name the field. A case can
    /// parse and still be refused by the plan (a statement "sent" after `today`).
    #[test]
    fn case_shaped_json_plans_or_names_the_field(case in case()) {
        match Case::from_json(&case.to_string()).and_then(|parsed| plan(&parsed)) {
            Ok(p) => {
                for d in &p.deadlines {
                    prop_assert!(d.date >= d.start_date, "{} before its start", d.id);
                }
            }
            Err(e) => {
                prop_assert!(!e.field.is_empty());
                prop_assert!(!e.to_string().contains('\n'), "{e}");
            }
        }
    }

    /// The date parser accepts exactly the real dates it prints back.
    #[test]
    fn dates_round_trip_or_are_rejected(s in date_like()) {
        if let Ok(d) = IsoDate::parse(&s) {
            prop_assert_eq!(d.to_string(), s);
        }
    }

    /// Answers with arbitrary ids and values are rejected by name or accepted, never a panic.
    #[test]
    fn arbitrary_answers_never_panic(
        topic in prop::sample::select(Topic::ALL.to_vec()),
        answers in prop::collection::btree_map("[a-z_]{0,24}", any::<String>(), 0..5),
    ) {
        let case = json!({ "today": "2026-11-24", "topic": topic.id(), "answers": answers });
        let parsed = Case::from_json(&case.to_string());
        if let Ok(parsed) = parsed {
            if let Err(e) = plan(&parsed) {
                prop_assert!(e.field.starts_with("answers"), "{e}");
            }
        }
    }
}
