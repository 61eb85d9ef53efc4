//! `cardhelp plan` as a user runs it: JSON in on stdin, JSON out, one-line errors.

mod common;

use std::process::Output;

use serde_json::{json, Value};

fn run_plan(input: &str) -> Output {
    common::run_cardhelp("plan", input.as_bytes())
}

fn plan_json(case: Value) -> Value {
    let out = run_plan(&case.to_string());
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// The ids of the plan's deadlines, in order.
fn deadline_ids(plan: &Value) -> Vec<&str> {
    plan["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect()
}

/// The billing-dispute example from the README section.
fn example_case() -> Value {
    json!({
        "today": "2026-02-10",
        "topic": "billing_dispute",
        "locale": "en",
        "text": "I was charged twice for the same order",
        "facts": {
            "statement_sent": "2026-01-15",
            "notice_received": "2026-02-03",
            "cycle_closing_day": 10,
            "transaction_date": "2026-01-08"
        }
    })
}

const CONTRACT_FIELDS: [&str; 9] = [
    "id", "date", "party", "citation", "counting", "starts", "estimate", "status", "summary",
];

const ALL_DEADLINE_FIELDS: [&str; 29] = [
    "id",
    "date",
    "party",
    "citation",
    "counting",
    "starts",
    "estimate",
    "status",
    "summary",
    "source_url",
    "citations",
    "unit",
    "length",
    "cap_days",
    "anchor",
    "kind",
    "start_fact",
    "start_date",
    "estimate_reason",
    "as_of",
    "days_left",
    "state",
    "mail_by",
    "non_business_day",
    "rolled_from",
    "warning",
    "law_text",
    "checked",
    "convention",
];

fn is_iso_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        s.len() == 10
            && s.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    })
}

#[test]
fn the_plan_has_the_contract_fields_with_the_contract_values() {
    let plan = plan_json(example_case());
    let top: Vec<&str> = plan
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "today",
        "locale",
        "topic",
        "conventions",
        "disclaimer",
        "deadlines",
    ] {
        assert!(top.contains(&key), "missing {key} in {top:?}");
    }
    assert_eq!(plan["today"], "2026-02-10");
    assert_eq!(plan["locale"], "en");
    assert_eq!(plan["topic"], "billing_dispute");
    assert!(plan["disclaimer"]
        .as_str()
        .unwrap()
        .contains("not legal advice"));
    assert!(plan["conventions"].as_array().unwrap().len() >= 5);
    assert_eq!(plan["business_days"]["issuer_adjusted"], false);
    assert!(plan["business_days"]["source_url"]
        .as_str()
        .unwrap()
        .contains("federalreserve.gov"));

    let deadlines = plan["deadlines"].as_array().unwrap();
    assert_eq!(
        deadline_ids(&plan),
        [
            "billing_error_acknowledgment",
            "billing_error_notice",
            "billing_error_resolution",
            "network_dispute_window"
        ]
    );
    for d in deadlines {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        for field in CONTRACT_FIELDS {
            assert!(keys.contains(&field), "{field} missing from {}", d["id"]);
        }
        assert_eq!(keys.len(), ALL_DEADLINE_FIELDS.len(), "{keys:?}");
        for key in &keys {
            assert!(ALL_DEADLINE_FIELDS.contains(key), "unexpected field {key}");
        }
        assert!(
            is_iso_date(&d["date"]) && is_iso_date(&d["start_date"]) && is_iso_date(&d["as_of"])
        );
        // Provenance: the words of the law and the day the row was checked.
        assert!(
            d["law_text"].as_str().unwrap().split_whitespace().count() >= 4,
            "{}",
            d["id"]
        );
        assert!(is_iso_date(&d["checked"]));
        assert_eq!(d["checked"], d["as_of"]);
        let party = d["party"].as_str().unwrap();
        assert!(["cardholder", "issuer", "bureau", "cfpb", "network"].contains(&party));
        let status = d["status"].as_str().unwrap();
        assert!(["in_force", "policy", "unverified"].contains(&status));
        assert!(d["estimate"].is_boolean());
        assert!(d["days_left"].is_i64());
        for text in ["citation", "counting", "starts", "summary"] {
            assert!(
                !d[text].as_str().unwrap().is_empty(),
                "{text} empty in {}",
                d["id"]
            );
        }
    }
    let notice = &deadlines[1];
    assert_eq!(notice["date"], "2026-03-16");
    assert_eq!(notice["party"], "cardholder");
    assert_eq!(notice["status"], "in_force");
    assert_eq!(notice["estimate"], false);
    assert_eq!(notice["anchor"], "sent");
    assert_eq!(notice["kind"], "receive_by");
    assert_eq!(notice["unit"], "calendar_days");
    assert_eq!(notice["length"], 60);
    assert_eq!(notice["start_fact"], "statement_sent");
    assert_eq!(notice["days_left"], 34);
    assert_eq!(notice["mail_by"]["date"], "2026-03-09");
    assert_eq!(notice["convention"], "day_zero");
    assert!(notice["law_text"]
        .as_str()
        .unwrap()
        .contains("transmitted the first periodic statement"));
    assert_eq!(deadlines[2]["date"], "2026-04-10");
    assert_eq!(deadlines[3]["status"], "policy");
}

#[test]
fn missing_facts_give_no_deadline() {
    let none = plan_json(json!({ "today": "2026-02-10" }));
    assert_eq!(none["deadlines"], json!([]));
    assert!(none.get("topic").is_none(), "no topic given, none echoed");
    // A notice date without the closing day gives the acknowledgment, and the resolution
    // only as the 90-day limit, marked as an estimate (issue 14's corrected contract).
    let partial =
        plan_json(json!({ "today": "2026-02-10", "facts": { "notice_received": "2026-02-03" } }));
    assert_eq!(
        deadline_ids(&partial),
        ["billing_error_acknowledgment", "billing_error_resolution"]
    );
    let resolution = &partial["deadlines"][1];
    assert_eq!(resolution["date"], "2026-05-04");
    assert_eq!(resolution["estimate"], true);
    assert_eq!(resolution["unit"], "calendar_days");
    assert_eq!(resolution["length"], 90);
    // Modifiers without a start date give nothing.
    let modifiers = plan_json(json!({ "today": "2026-02-10", "facts": {
        "cycle_closing_day": 10, "autopay_from_issuer_account": true, "freeze_lift_method": "mail" } }));
    assert_eq!(modifiers["deadlines"], json!([]));
}

#[test]
fn text_without_a_topic_is_accepted() {
    let plan = plan_json(
        json!({ "today": "2026-02-10", "locale": "es", "text": "Me cobraron dos veces" }),
    );
    assert_eq!(plan["locale"], "es");
    assert!(plan["disclaimer"]
        .as_str()
        .unwrap()
        .contains("no asesoría legal"));
}

/// Runs a bad case and returns its single stderr line, after checking the exit status.
fn rejected(input: &str) -> String {
    let out = run_plan(input);
    let code = out.status.code();
    assert!(
        matches!(code, Some(c) if c != 0 && c != 101),
        "exit {code:?} for {input}"
    );
    assert!(out.stdout.is_empty(), "no plan on error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    stderr.trim_end().to_string()
}

/// Runs a bad case and checks that its one-line error mentions each of `parts`.
#[track_caller]
fn assert_rejected_mentioning(input: &str, parts: &[&str]) {
    let msg = rejected(input);
    for part in parts {
        assert!(msg.contains(part), "{part:?} missing from {msg}");
    }
}

fn with_facts(facts: Value) -> String {
    json!({ "today": "2026-02-10", "facts": facts }).to_string()
}

#[test]
fn an_impossible_date_is_rejected_naming_the_field() {
    let msg = rejected(&with_facts(json!({ "statement_sent": "2026-02-30" })));
    assert_eq!(
        msg,
        "cardhelp plan: facts.statement_sent: 2026-02-30 is not a real date"
    );
}

#[test]
fn a_malformed_date_is_rejected_naming_the_field() {
    assert_rejected_mentioning(
        &with_facts(json!({ "due_date": "03/07/2026" })),
        &["facts.due_date", "YYYY-MM-DD"],
    );
}

#[test]
fn dates_outside_1990_to_2100_are_rejected_naming_the_field() {
    assert_rejected_mentioning(
        &with_facts(json!({ "transaction_date": "1989-12-31" })),
        &["facts.transaction_date", "1990-2100"],
    );
    assert_rejected_mentioning(
        &json!({ "today": "2101-01-01" }).to_string(),
        &["today", "1990-2100"],
    );
    let closed = json!({ "closed_days": ["2026-01-02", "1900-01-01"] });
    assert_rejected_mentioning(
        &json!({ "today": "2026-01-01", "calendar": closed }).to_string(),
        &["calendar.closed_days[1]"],
    );
}

#[test]
fn closing_days_0_and_32_are_rejected_naming_the_field() {
    for day in [0, 32, -1, 300] {
        assert_rejected_mentioning(
            &with_facts(json!({ "cycle_closing_day": day })),
            &["facts.cycle_closing_day", "1-31"],
        );
    }
}

#[test]
fn unknown_fields_are_rejected_naming_the_field() {
    let msg = rejected(&with_facts(json!({ "statment_sent": "2026-01-15" })));
    assert_eq!(msg, "cardhelp plan: facts.statment_sent: unknown field");
    let msg = rejected(&json!({ "today": "2026-02-10", "urgent": true }).to_string());
    assert_eq!(msg, "cardhelp plan: urgent: unknown field");
    let msg =
        rejected(&json!({ "today": "2026-02-10", "calendar": { "holidays": [] } }).to_string());
    assert_eq!(msg, "cardhelp plan: calendar.holidays: unknown field");
}

#[test]
fn wrong_types_and_values_are_rejected_naming_the_field() {
    for (input, field) in [
        (
            with_facts(json!({ "statement_sent": 20260115 })),
            "facts.statement_sent",
        ),
        (
            with_facts(json!({ "cycle_closing_day": "10" })),
            "facts.cycle_closing_day",
        ),
        (
            with_facts(json!({ "cycle_closing_day": 10.5 })),
            "facts.cycle_closing_day",
        ),
        (
            with_facts(json!({ "payment_method": "fax" })),
            "facts.payment_method",
        ),
        (
            with_facts(json!({ "report_dispute_info_added": "yes" })),
            "facts.report_dispute_info_added",
        ),
        (
            with_facts(json!({ "freeze_request_method": true })),
            "facts.freeze_request_method",
        ),
        (
            r#"{"today":"2026-02-10","topic":"fraud"}"#.to_string(),
            "topic",
        ),
        (
            r#"{"today":"2026-02-10","locale":"fr"}"#.to_string(),
            "locale",
        ),
        (r#"{"today":"2026-02-10","facts":[]}"#.to_string(), "facts"),
    ] {
        let msg = rejected(&input);
        assert!(
            msg.starts_with(&format!("cardhelp plan: {field}: ")),
            "{msg}"
        );
    }
}

#[test]
fn broken_or_missing_input_is_rejected_without_a_panic() {
    assert_rejected_mentioning("", &["case: not valid JSON"]);
    assert_rejected_mentioning("{\"today\":", &["case: not valid JSON"]);
    assert!(rejected("[]").starts_with("cardhelp plan: case: "));
    assert_rejected_mentioning("{}", &["today: missing"]);
    assert_rejected_mentioning("{\"today\":\"2026-02-10\"} trailing", &["not valid JSON"]);
}

#[test]
fn input_that_is_not_utf8_is_rejected_without_a_panic() {
    let out = common::run_cardhelp("plan", &[b'{', 0xff, b'}']);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("UTF-8"), "{stderr}");
}

#[test]
fn a_past_event_dated_after_today_is_rejected_naming_the_field() {
    assert_eq!(
        rejected(&with_facts(json!({ "statement_sent": "2026-02-20" }))),
        "cardhelp plan: facts.statement_sent: 2026-02-20 is after today (2026-02-10); \
         this is the date of something that already happened"
    );
    let answered = json!({ "today": "2026-02-10", "topic": "billing_dispute",
        "answers": { "transaction_date": "2026-03-01" } });
    assert_rejected_mentioning(
        &answered.to_string(),
        &["answers.transaction_date", "after today"],
    );
    // A due date ahead is what due dates are.
    let plan = plan_json(json!({ "today": "2026-02-10", "facts": { "due_date": "2026-03-01" } }));
    assert_eq!(deadline_ids(&plan), ["payment_on_time"]);
}

#[test]
fn the_calendar_takes_open_days_and_mail_on_saturday_and_checks_them() {
    let case = json!({ "today": "2026-03-01",
        "calendar": { "mail_on_saturday": false, "open_days": ["2026-10-12"] },
        "facts": { "due_date": "2026-03-07", "payment_method": "mail" } });
    let plan = plan_json(case);
    assert_eq!(plan["deadlines"][0]["date"], "2026-03-09");
    assert_eq!(plan["deadlines"][0]["rolled_from"], "2026-03-07");
    assert_eq!(plan["business_days"]["issuer_adjusted"], true);
    assert_eq!(
        rejected(
            &json!({ "today": "2026-03-01", "calendar": { "mail_on_saturday": "no" } }).to_string()
        ),
        "cardhelp plan: calendar.mail_on_saturday: expected true or false, found a string"
    );
    assert_rejected_mentioning(
        &json!({ "today": "2026-03-01", "calendar": { "open_days": ["2026-02-30"] } }).to_string(),
        &["calendar.open_days[0]", "not a real date"],
    );
}

#[test]
fn the_new_clocks_are_printed_with_their_law_and_convention() {
    let plan = plan_json(json!({ "today": "2026-03-20", "facts": {
        "autopay_date": "2026-04-03", "autopay_from_issuer_account": true,
        "credit_balance_since": "2025-08-31",
        "freeze_lift_requested": "2026-03-19", "freeze_lift_method": "phone",
        "active_duty_alert_placed": "2026-03-10" } }));
    let by_id = |id: &str| {
        plan["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
            .clone()
    };
    // Friday Apr 3 counted back 3 business days: Thu Apr 2, Wed Apr 1, Tue Mar 31.
    let autopay = by_id("autopay_dispute_notice");
    assert_eq!(
        (autopay["date"].as_str(), autopay["convention"].as_str()),
        (Some("2026-03-31"), Some("before"))
    );
    let refund = by_id("credit_balance_six_months");
    assert_eq!(
        (refund["date"].as_str(), refund["unit"].as_str()),
        (Some("2026-02-28"), Some("months"))
    );
    assert_eq!(by_id("freeze_lift")["date"], "2026-03-19");
    let alert = by_id("active_duty_alert_expires");
    assert_eq!(
        (alert["date"].as_str(), alert["convention"].as_str()),
        (Some("2027-03-09"), Some("beginning_on"))
    );
    assert!(alert["law_text"]
        .as_str()
        .unwrap()
        .contains("not less than 12 months"));
}

/// A UTF-8 byte-order mark before the JSON (as some editors save it) is skipped.
#[test]
fn a_byte_order_mark_is_accepted() {
    let out = run_plan(&format!("\u{FEFF}{}", example_case()));
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Half a surrogate pair spelled as a JSON escape is named in the message, not reported as
/// an unexpected end of a hex escape.
#[test]
fn a_lone_surrogate_gets_a_clear_message() {
    for (text, escape) in [
        (r"\ud800", r"\ud800"),
        (r"ok \uDC00", r"\uDC00"),
        (r"\ud83d\u0041", r"\ud83d"),
    ] {
        let out = run_plan(&format!(r#"{{"today":"2026-02-10","text":"{text}"}}"#));
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.trim_end(),
            format!(
                "cardhelp plan: case: {escape} is half of a UTF-16 surrogate pair without its \
                 other half, not a character"
            )
        );
    }
    // A whole pair and an escaped backslash before a `u` are text like any other.
    let out = run_plan(r#"{"today":"2026-02-10","text":"\ud83d\ude00 \\ud800"}"#);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
