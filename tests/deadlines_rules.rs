//! Every deadline rule, with worked examples in the fact sheet's terms.

use cardhelp::engine::case::{Case, FACTS};
use cardhelp::engine::plan::{plan, Deadline, Plan};
use cardhelp::engine::rules::{Anchor, Counting, Kind, Party, Status, Unit, RULES};
use serde_json::{json, Value};

fn plan_of(case: Value) -> Plan {
    plan(&Case::from_json(&case.to_string()).unwrap()).unwrap()
}

/// A day after every date in these examples: the facts they start from are things that
/// already happened, and a case refuses those dated after its `today`.
const LATE_TODAY: &str = "2034-12-31";

fn plan_in(locale: &str, facts: Value) -> Plan {
    plan_of(json!({ "today": LATE_TODAY, "locale": locale, "facts": facts }))
}

fn find(facts: Value, id: &str) -> Option<Deadline> {
    plan_in("en", facts)
        .deadlines
        .into_iter()
        .find(|d| d.id == id)
}

/// The deadline `id` computed from `facts`; fails the test if it is missing.
fn deadline(facts: Value, id: &str) -> Deadline {
    find(facts.clone(), id).unwrap_or_else(|| panic!("no {id} for {facts}"))
}

fn date_of(facts: Value, id: &str) -> String {
    deadline(facts, id).date.to_string()
}

/// A worked example: the deadline `id` computed from `facts` (a JSON object) falls on
/// `date`.
struct Example {
    name: &'static str,
    facts: &'static str,
    id: &'static str,
    date: &'static str,
}

/// The worked examples that check only a date; rules with more to check have tests of
/// their own below.
const EXAMPLES: &[Example] = &[
    // Billing errors (Reg Z 1026.13)
    // Notice Mar 11 just after a Mar 10 close: cycles end Apr 10, May 10, Jun 10,
    // but 90 days after receipt is Jun 9.
    Example {
        name: "resolution_is_capped_at_90_days_after_receipt",
        facts: r#"{"notice_received": "2026-03-11", "cycle_closing_day": 10}"#,
        id: "billing_error_resolution",
        date: "2026-06-09",
    },
    // Closing day 31, notice Jan 31 (a closing day): cycles end Feb 28 and Mar 31.
    Example {
        name: "resolution_cycles_close_on_the_last_day_of_short_months",
        facts: r#"{"notice_received": "2026-01-31", "cycle_closing_day": 31}"#,
        id: "billing_error_resolution",
        date: "2026-03-31",
    },
    Example {
        name: "after_a_no_error_decision_dated_2026_05_04_you_have_until_2026_05_14",
        facts: r#"{"billing_error_decision_date": "2026-05-04"}"#,
        id: "billing_error_pay_or_dispute",
        date: "2026-05-14",
    },
    // Payments (Reg Z 1026.5, 1026.10)
    Example {
        name: "a_mailed_payment_due_sunday_july_4_2027_rolls_past_the_observed_monday",
        facts: r#"{"due_date": "2027-07-04", "payment_method": "mail"}"#,
        id: "payment_on_time",
        date: "2027-07-06",
    },
    Example {
        name: "a_payment_due_2026_03_15_must_arrive_by_2026_05_14_to_avoid_a_penalty_rate",
        facts: r#"{"missed_due_date": "2026-03-15"}"#,
        id: "penalty_rate_existing_balance",
        date: "2026-05-14",
    },
    Example {
        name: "a_payment_address_change_on_2026_01_01_protects_payments_through_2026_03_02",
        facts: r#"{"payment_address_changed": "2026-01-01"}"#,
        id: "payment_address_change_protection",
        date: "2026-03-02",
    },
    // Nov 18, 2026 + 7 business days, skipping the weekend and Thanksgiving (Nov 26).
    Example {
        name: "a_refund_request_received_wednesday_before_thanksgiving_is_due_in_7_business_days",
        facts: r#"{"refund_request_received": "2026-11-18"}"#,
        id: "credit_balance_refund",
        date: "2026-11-30",
    },
    // Changes in terms, adverse action (Reg Z 1026.9, Reg B 1002.9)
    Example {
        name: "a_rate_increase_notice_sent_2026_08_01_protects_the_balance_owed_on_2026_08_15",
        facts: r#"{"rate_increase_notice_sent": "2026-08-01"}"#,
        id: "rate_increase_protected_balance",
        date: "2026-08-15",
    },
    Example {
        name: "a_limit_cut_on_2026_06_15_must_be_explained_by_2026_07_15",
        facts: r#"{"adverse_action_date": "2026-06-15"}"#,
        id: "adverse_action_notice",
        date: "2026-07-15",
    },
    Example {
        name: "reasons_can_be_requested_60_days_after_the_notice",
        facts: r#"{"adverse_action_notice_date": "2026-06-20"}"#,
        id: "adverse_action_reasons_request",
        date: "2026-08-19",
    },
    Example {
        name: "reasons_are_due_30_days_after_the_card_company_gets_the_request",
        facts: r#"{"adverse_action_reasons_received": "2026-07-01"}"#,
        id: "adverse_action_reasons_answer",
        date: "2026-07-31",
    },
    Example {
        name: "a_completed_application_received_2026_09_10_needs_a_decision_by_2026_10_10",
        facts: r#"{"application_completed": "2026-09-10"}"#,
        id: "application_decision",
        date: "2026-10-10",
    },
    // Credit reports and identity theft (FCRA)
    // "A period of not less than 1 year, beginning on the date of such request": the day
    // placed is day 1, the period ends the day before the anniversary; the anniversary of
    // Feb 29 in a common year is Mar 1.
    Example {
        name: "a_fraud_alert_placed_on_leap_day_2024_lasts_through_2025_02_28",
        facts: r#"{"fraud_alert_placed": "2024-02-29"}"#,
        id: "fraud_alert_expires",
        date: "2025-02-28",
    },
    Example {
        name: "an_active_duty_alert_placed_2026_03_10_lasts_through_2027_03_09",
        facts: r#"{"active_duty_alert_placed": "2026-03-10"}"#,
        id: "active_duty_alert_expires",
        date: "2027-03-09",
    },
    Example {
        name: "an_active_duty_alert_placed_on_leap_day_2028_lasts_through_2029_02_28",
        facts: r#"{"active_duty_alert_placed": "2028-02-29"}"#,
        id: "active_duty_alert_expires",
        date: "2029-02-28",
    },
    // Credit balances (Reg Z 1026.11(a)(3)): calendar months, clamped to the month's end.
    Example {
        name: "a_credit_balance_since_2026_03_15_is_six_months_old_on_2026_09_15",
        facts: r#"{"credit_balance_since": "2026-03-15"}"#,
        id: "credit_balance_six_months",
        date: "2026-09-15",
    },
    Example {
        name: "a_credit_balance_since_aug_31_2026_is_six_months_old_on_feb_28_2027",
        facts: r#"{"credit_balance_since": "2026-08-31"}"#,
        id: "credit_balance_six_months",
        date: "2027-02-28",
    },
    Example {
        name: "a_credit_balance_since_aug_31_2027_is_six_months_old_on_leap_day_2028",
        facts: r#"{"credit_balance_since": "2027-08-31"}"#,
        id: "credit_balance_six_months",
        date: "2028-02-29",
    },
    Example {
        name: "a_fraud_alert_placed_2026_03_10_lasts_through_2027_03_09",
        facts: r#"{"fraud_alert_placed": "2026-03-10"}"#,
        id: "fraud_alert_expires",
        date: "2027-03-09",
    },
    Example {
        name: "a_fraud_alert_placed_2027_03_01_lasts_through_leap_day_2028",
        facts: r#"{"fraud_alert_placed": "2027-03-01"}"#,
        id: "fraud_alert_expires",
        date: "2028-02-29",
    },
    Example {
        name: "a_fraud_alert_placed_on_new_years_eve_lasts_through_the_next_dec_30",
        facts: r#"{"fraud_alert_placed": "2026-12-31"}"#,
        id: "fraud_alert_expires",
        date: "2027-12-30",
    },
    Example {
        name: "an_extended_alert_lasts_through_the_last_day_of_seven_years",
        facts: r#"{"extended_alert_placed": "2026-03-10"}"#,
        id: "extended_alert_expires",
        date: "2033-03-09",
    },
    Example {
        name: "an_extended_alert_placed_on_leap_day_2024_lasts_through_2031_02_28",
        facts: r#"{"extended_alert_placed": "2024-02-29"}"#,
        id: "extended_alert_expires",
        date: "2031-02-28",
    },
    Example {
        name: "a_free_report_after_an_alert_is_due_in_3_business_days_skipping_mlk_day",
        facts: r#"{"fraud_alert_report_requested": "2026-01-16"}"#,
        id: "free_report_after_alert",
        date: "2026-01-22",
    },
    Example {
        name: "a_freeze_placed_before_christmas_is_confirmed_within_5_business_days",
        facts: r#"{"freeze_placed": "2026-12-18"}"#,
        id: "freeze_confirmation",
        date: "2026-12-28",
    },
    Example {
        name: "an_identity_theft_block_is_due_in_4_business_days_skipping_memorial_day",
        facts: r#"{"identity_theft_block_requested": "2026-05-21"}"#,
        id: "identity_theft_block",
        date: "2026-05-28",
    },
    // Debit cards, for contrast (Reg E)
    Example {
        name: "a_debit_statement_sent_2026_01_15_gives_an_error_notice_deadline_of_2026_03_16",
        facts: r#"{"debit_statement_sent": "2026-01-15"}"#,
        id: "debit_error_notice",
        date: "2026-03-16",
    },
    // 10 business days, skipping Veterans Day (Wednesday Nov 11).
    Example {
        name: "a_debit_error_report_received_2026_11_02_is_investigated_by_2026_11_17",
        facts: r#"{"debit_error_notice_received": "2026-11-02"}"#,
        id: "debit_error_investigation",
        date: "2026-11-17",
    },
];

#[test]
fn every_worked_example_lands_on_its_date() {
    for e in EXAMPLES {
        let facts: Value = serde_json::from_str(e.facts).unwrap();
        assert_eq!(date_of(facts, e.id), e.date, "{}", e.name);
    }
}

// --- Billing errors (Reg Z 1026.13) ---

#[test]
fn a_statement_sent_2026_01_15_gives_a_notice_deadline_of_2026_03_16() {
    let p = plan_of(json!({ "today": "2026-01-20", "facts": { "statement_sent": "2026-01-15" } }));
    let d = p.deadlines[0].clone();
    assert_eq!(d.id, "billing_error_notice");
    assert_eq!(d.date.to_string(), "2026-03-16");
    assert_eq!(d.party, Party::Cardholder);
    assert_eq!(d.kind, Kind::ReceiveBy);
    assert!(!d.estimate);
    assert_eq!(d.days_left, 55);
    assert_eq!(d.starts, "Statement sent: January 15, 2026");
    assert!(d.citation.contains("1026.13(b)(1)"));
    // A receive-by notice gets a "mail by" date a week earlier, labelled as advice.
    let mail = d.mail_by.unwrap();
    assert_eq!(mail.date.to_string(), "2026-03-09");
    assert!(mail.note.contains("not a legal rule"));
}

#[test]
fn a_closing_date_instead_of_the_sent_date_gives_an_estimate_and_says_why() {
    let d = deadline(
        json!({ "statement_closing": "2026-01-12" }),
        "billing_error_notice",
    );
    assert_eq!(d.date.to_string(), "2026-03-13");
    assert!(d.estimate);
    assert_eq!(d.start_fact.id(), "statement_closing");
    assert!(d.estimate_reason.unwrap().contains("closing date"));
    // With both, the sent date wins and the result is exact.
    let both = json!({ "statement_closing": "2026-01-12", "statement_sent": "2026-01-15" });
    let d = deadline(both, "billing_error_notice");
    assert_eq!(
        (d.date.to_string(), d.estimate),
        ("2026-03-16".to_string(), false)
    );
    assert_eq!(d.estimate_reason, None);
}

#[test]
fn a_notice_deadline_on_a_saturday_does_not_move_but_warns() {
    // Jan 6 + 60 days = Saturday March 7, 2026.
    let d = deadline(
        json!({ "statement_sent": "2026-01-06" }),
        "billing_error_notice",
    );
    assert_eq!(d.date.to_string(), "2026-03-07");
    assert!(d.non_business_day);
    assert_eq!(d.rolled_from, None);
    let warning = d.warning.unwrap();
    assert!(warning.contains("Saturday"), "{warning}");
    assert!(warning.contains("March 6, 2026"), "{warning}");
}

#[test]
fn a_notice_received_2026_02_03_must_be_acknowledged_by_2026_03_05() {
    let d = deadline(
        json!({ "notice_received": "2026-02-03" }),
        "billing_error_acknowledgment",
    );
    assert_eq!(d.date.to_string(), "2026-03-05");
    assert_eq!(d.party, Party::Issuer);
}

#[test]
fn resolution_is_the_end_of_the_second_full_cycle_after_receipt() {
    // Closing day 10, notice Feb 3: cycle in progress ends Feb 10; then Mar 10, Apr 10.
    let facts = json!({ "notice_received": "2026-02-03", "cycle_closing_day": 10 });
    let d = deadline(facts, "billing_error_resolution");
    assert_eq!(d.date.to_string(), "2026-04-10");
    assert_eq!((d.length, d.cap_days), (2, Some(90)));
    assert!(
        d.counting.contains("2nd complete billing cycle"),
        "{}",
        d.counting
    );
}

#[test]
fn without_the_closing_day_resolution_is_the_90_day_limit_marked_as_an_estimate() {
    let facts = json!({ "notice_received": "2026-02-03" });
    let d = deadline(facts.clone(), "billing_error_resolution");
    assert_eq!(d.date.to_string(), "2026-05-04");
    assert!(d.estimate);
    assert_eq!((d.unit, d.length), (Unit::CalendarDays, 90));
    let reason = d.estimate_reason.unwrap();
    assert!(reason.contains("may have to answer earlier"), "{reason}");
    assert!(d.counting.contains("90 calendar days"), "{}", d.counting);
    assert!(find(facts, "billing_error_acknowledgment").is_some());
    // With the closing day, the cycle rule and no estimate.
    let d = deadline(
        json!({ "notice_received": "2026-02-03", "cycle_closing_day": 10 }),
        "billing_error_resolution",
    );
    assert_eq!(
        (d.date.to_string(), d.estimate),
        ("2026-04-10".into(), false)
    );
}

// --- Payments (Reg Z 1026.5, 1026.10) ---

#[test]
fn a_mailed_payment_due_on_saturday_july_4_2026_is_on_time_monday_july_6() {
    let facts = json!({ "due_date": "2026-07-04", "payment_method": "mail" });
    let d = deadline(facts, "payment_on_time");
    assert_eq!(d.date.to_string(), "2026-07-06");
    assert_eq!(
        d.rolled_from.map(|r| r.to_string()),
        Some("2026-07-04".into())
    );
    assert_eq!(d.warning, None);
    assert!(d.mail_by.is_some());
}

#[test]
fn an_online_payment_due_on_a_holiday_is_still_due_that_day() {
    let facts = json!({ "due_date": "2026-07-04", "payment_method": "online" });
    let d = deadline(facts, "payment_on_time");
    assert_eq!(d.date.to_string(), "2026-07-04");
    assert_eq!(d.rolled_from, None);
    assert!(d.non_business_day);
    assert!(d.warning.unwrap().contains("Independence Day"));
    assert!(d.mail_by.is_none(), "no mail advice for online payments");
}

#[test]
fn a_payment_due_on_a_business_day_never_moves() {
    let facts = json!({ "due_date": "2026-03-10", "payment_method": "mail" });
    let d = deadline(facts, "payment_on_time");
    assert_eq!(
        (d.date.to_string(), d.rolled_from),
        ("2026-03-10".to_string(), None)
    );
}

#[test]
fn a_statement_mailed_2026_02_02_protects_payments_through_2026_02_23() {
    let facts = json!({ "statement_mailed": "2026-02-02" });
    assert_eq!(date_of(facts, "statement_grace_21"), "2026-02-23");
    // Only the mailing date starts it: a closing date is no stand-in here (it would call the
    // sent date missing when the cardholder gave it), and the sent date alone doesn't either.
    for facts in [
        json!({ "statement_closing": "2026-01-28" }),
        json!({ "statement_sent": "2026-02-02", "statement_closing": "2026-01-28" }),
    ] {
        assert!(find(facts, "statement_grace_21").is_none());
    }
}

/// The mailed-payment deadline for `due`, on the case's `calendar` (JSON or null).
fn mailed_payment(due: &str, calendar: Value) -> Deadline {
    let p = plan_of(json!({ "today": "2026-01-01", "calendar": calendar,
        "facts": { "due_date": due, "payment_method": "mail" } }));
    p.deadlines
        .into_iter()
        .find(|d| d.id == "payment_on_time")
        .unwrap()
}

#[test]
fn a_mailed_payment_due_on_a_plain_saturday_stays_due_saturday_but_says_it_may_be_monday() {
    // 1026.10(d): the rule moves a due date only if the issuer takes no mail that day;
    // whether it takes Saturday mail is its fact, so by default Saturday does not move.
    let d = mailed_payment("2026-03-07", Value::Null);
    assert_eq!(
        (d.date.to_string(), d.rolled_from),
        ("2026-03-07".into(), None)
    );
    let note = d.warning.unwrap();
    assert!(note.contains("no mail on Saturdays"), "{note}");
    assert!(note.contains("March 9, 2026"), "{note}");
    // An issuer that takes no Saturday mail: Monday, and no Saturday note.
    let d = mailed_payment("2026-03-07", json!({ "mail_on_saturday": false }));
    assert_eq!(d.date.to_string(), "2026-03-09");
    assert_eq!(
        d.rolled_from.map(|r| r.to_string()),
        Some("2026-03-07".into())
    );
    assert_eq!(d.warning, None);
    // The Spanish note.
    let p = plan_of(json!({ "today": "2026-01-01", "locale": "es",
        "facts": { "due_date": "2026-03-07", "payment_method": "mail" } }));
    let note = p.deadlines[0].warning.clone().unwrap();
    assert!(note.contains("9 de marzo de 2026"), "{note}");
}

#[test]
fn a_mailed_payment_due_on_a_sunday_or_a_holiday_rolls_to_the_next_mail_day() {
    // Sunday March 8, 2026 -> Monday March 9, with or without Saturday mail.
    for calendar in [Value::Null, json!({ "mail_on_saturday": false })] {
        let d = mailed_payment("2026-03-08", calendar);
        assert_eq!(d.date.to_string(), "2026-03-09");
    }
    // Columbus Day, Monday Oct 12, 2026 -> Tuesday; no mail is delivered on a federal
    // holiday even when the issuer's offices open that day.
    for calendar in [Value::Null, json!({ "open_days": ["2026-10-12"] })] {
        let d = mailed_payment("2026-10-12", calendar);
        assert_eq!(d.date.to_string(), "2026-10-13");
    }
    // Christmas, Friday Dec 25, 2026: the next mail day is Saturday Dec 26 by default
    // (with the note that it may be Monday), Monday Dec 28 without Saturday mail.
    let d = mailed_payment("2026-12-25", Value::Null);
    assert_eq!(d.date.to_string(), "2026-12-26");
    assert!(d.warning.unwrap().contains("December 28, 2026"));
    let d = mailed_payment("2026-12-25", json!({ "mail_on_saturday": false }));
    assert_eq!(d.date.to_string(), "2026-12-28");
    assert!(
        d.counting.contains("next day it gets mail"),
        "{}",
        d.counting
    );
}

#[test]
fn the_host_config_can_say_the_issuer_takes_no_saturday_mail_or_opens_on_a_holiday() {
    let case = |config: Value, facts: Value| {
        plan_of(json!({ "today": "2026-12-31", "config": { "calendar": config }, "facts": facts }))
    };
    let p = case(
        json!({ "mail_on_saturday": false }),
        json!({ "due_date": "2026-03-07", "payment_method": "mail" }),
    );
    assert_eq!(p.deadlines[0].date.to_string(), "2026-03-09");
    assert!(p.business_days.issuer_adjusted);
    // Friday Oct 9 + 3 business days: Tue 13, Wed 14, Thu 15 by default; the issuer open
    // on Columbus Day (Mon 12) counts it: Mon 12, Tue 13, Wed 14.
    let report = json!({ "fraud_alert_report_requested": "2026-10-09" });
    assert_eq!(
        case(json!({}), report.clone()).deadlines[0]
            .date
            .to_string(),
        "2026-10-15"
    );
    let p = case(json!({ "open_days": ["2026-10-12"] }), report);
    assert_eq!(p.deadlines[0].date.to_string(), "2026-10-14");
    assert!(p.config_issues.is_empty(), "{:?}", p.config_issues);
}

#[test]
fn a_mailed_payment_the_issuer_gets_on_saturday_is_not_rolled_past_a_saturday_holiday() {
    // Saturday July 4, 2026 is Independence Day: no mail, so Monday July 6 either way.
    for calendar in [Value::Null, json!({ "mail_on_saturday": true })] {
        let d = mailed_payment("2026-07-04", calendar);
        assert_eq!(d.date.to_string(), "2026-07-06");
        assert_eq!(d.warning, None);
    }
}

#[test]
fn autopay_from_the_issuer_bank_needs_the_dispute_3_business_days_before_the_payment() {
    // 1026.13(d)(1). Tuesday Jan 20, 2026 counted back: Fri 16, Thu 15, Wed 14 (Monday
    // Jan 19 is Martin Luther King Jr. Day). The payment date may lie ahead.
    let facts = json!({ "autopay_date": "2026-01-20", "autopay_from_issuer_account": true });
    let p = plan_of(json!({ "today": "2026-01-05", "facts": facts }));
    let d = &p.deadlines[0];
    assert_eq!(d.id, "autopay_dispute_notice");
    assert_eq!(d.date.to_string(), "2026-01-14");
    assert_eq!(
        (d.kind, d.party, d.convention),
        (Kind::ReceiveBy, Party::Cardholder, Counting::Before)
    );
    assert_eq!(d.days_left, 9);
    assert_eq!(d.mail_by.as_ref().unwrap().date.to_string(), "2026-01-07");
    assert!(
        d.counting.contains("3 business days before"),
        "{}",
        d.counting
    );
    // Not from an account at the issuer, or unknown: no such clock.
    for flag in [json!(false), Value::Null] {
        let facts = json!({ "autopay_date": "2026-01-20", "autopay_from_issuer_account": flag });
        assert!(find(facts, "autopay_dispute_notice").is_none());
    }
}

#[test]
fn a_freeze_lift_asked_online_is_due_the_same_day_and_by_mail_is_an_early_estimate() {
    // 1681c-1(i)(3)(C): 1 hour online or by phone; 3 business days after receiving a letter.
    let online = json!({ "freeze_lift_requested": "2026-07-02", "freeze_lift_method": "online" });
    let d = deadline(online, "freeze_lift");
    assert_eq!(
        (d.date.to_string(), d.length, d.estimate),
        ("2026-07-02".into(), 0, false)
    );
    assert!(d.counting.contains("same day"), "{}", d.counting);
    // Thu July 2 + 3 business days: Fri 3, (Sat 4 holiday, Sun 5), Mon 6, Tue 7. Counted
    // from the day it was mailed, so the bureau's real date is later.
    let mail = json!({ "freeze_lift_requested": "2026-07-02", "freeze_lift_method": "mail" });
    let d = deadline(mail, "freeze_lift");
    assert_eq!(
        (d.date.to_string(), d.length, d.estimate),
        ("2026-07-07".into(), 3, true)
    );
    assert!(d.estimate_reason.unwrap().contains("gets your letter"));
    let unknown = deadline(
        json!({ "freeze_lift_requested": "2026-07-02" }),
        "freeze_lift",
    );
    assert_eq!(
        (unknown.date.to_string(), unknown.estimate),
        ("2026-07-07".into(), true)
    );
}

#[test]
fn the_60_day_notice_can_be_estimated_from_the_transaction_date() {
    // With the closing day: counted from the first closing on or after the transaction
    // (Jan 8 -> Jan 10), so Mar 11; the real statement goes out later.
    let d = deadline(
        json!({ "transaction_date": "2026-01-08", "cycle_closing_day": 10 }),
        "billing_error_notice",
    );
    assert_eq!(d.date.to_string(), "2026-03-11");
    assert!(d.estimate);
    assert_eq!(
        (d.start_fact.id(), d.start_date.to_string()),
        ("transaction_date", "2026-01-10".into())
    );
    assert_eq!(
        d.starts,
        "First closing date on or after the transaction: January 10, 2026"
    );
    assert!(d
        .estimate_reason
        .unwrap()
        .contains("first closing on or after"));
    // A closing day of 31 in February closes on the month's last day: Feb 28 + 60.
    let d = deadline(
        json!({ "transaction_date": "2026-02-15", "cycle_closing_day": 31 }),
        "billing_error_notice",
    );
    assert_eq!(
        (d.start_date.to_string(), d.date.to_string()),
        ("2026-02-28".into(), "2026-04-29".into())
    );
    // A transaction on the closing day itself belongs to that cycle.
    let d = deadline(
        json!({ "transaction_date": "2026-01-10", "cycle_closing_day": 10 }),
        "billing_error_notice",
    );
    assert_eq!(d.date.to_string(), "2026-03-11");
    // Without the closing day: from the transaction date itself, the earliest estimate.
    let d = deadline(
        json!({ "transaction_date": "2026-01-08" }),
        "billing_error_notice",
    );
    assert_eq!(
        (d.date.to_string(), d.estimate),
        ("2026-03-09".into(), true)
    );
    assert_eq!(d.starts, "Transaction date: January 8, 2026");
    assert!(d
        .estimate_reason
        .unwrap()
        .contains("only the transaction date"));
    // A closing date, when known, comes before the transaction date in the list.
    let d = deadline(
        json!({ "transaction_date": "2026-01-08", "statement_closing": "2026-01-10",
                "cycle_closing_day": 10 }),
        "billing_error_notice",
    );
    assert_eq!(d.start_fact.id(), "statement_closing");
    // Spanish.
    let p = plan_in(
        "es",
        json!({ "transaction_date": "2026-01-08", "cycle_closing_day": 10 }),
    );
    let d = p
        .deadlines
        .iter()
        .find(|d| d.id == "billing_error_notice")
        .unwrap();
    assert!(d.starts.starts_with("Primer cierre"), "{}", d.starts);
}

#[test]
fn every_estimate_of_the_60_day_notice_is_never_later_than_the_real_deadline() {
    // The statement closes on or after the transaction (on the closing day) and is sent
    // after it closes: whatever the cardholder knows, the estimate is no later.
    for (closing_day, tx, closing, sent) in [
        (10, "2026-01-08", "2026-01-10", "2026-01-13"),
        (31, "2026-02-15", "2026-02-28", "2026-03-03"),
        (5, "2026-12-06", "2027-01-05", "2027-01-06"),
    ] {
        let real = date_of(json!({ "statement_sent": sent }), "billing_error_notice");
        for facts in [
            json!({ "statement_closing": closing }),
            json!({ "transaction_date": tx, "cycle_closing_day": closing_day }),
            json!({ "transaction_date": tx }),
        ] {
            let d = deadline(facts.clone(), "billing_error_notice");
            assert!(
                d.estimate && d.date.to_string() <= real,
                "{facts}: {} > {real}",
                d.date
            );
        }
    }
}

#[test]
fn a_decision_letter_gives_a_receive_by_date_for_the_further_dispute_with_mail_advice() {
    // 1666a(b): the creditor must *receive* the further written notice in time.
    let d = deadline(
        json!({ "billing_error_decision_date": "2026-05-04" }),
        "billing_error_pay_or_dispute",
    );
    assert_eq!(d.kind, Kind::ReceiveBy);
    assert_eq!(d.mail_by.unwrap().date.to_string(), "2026-05-07");
    assert!(d.counting.contains("must arrive"), "{}", d.counting);
}

#[test]
fn dates_of_things_that_already_happened_cannot_be_in_the_future() {
    let err = |case: Value| plan(&Case::from_json(&case.to_string()).unwrap()).unwrap_err();
    let e = err(json!({ "today": "2026-12-03", "facts": { "statement_sent": "2026-12-20" } }));
    assert_eq!(e.field, "facts.statement_sent");
    assert!(
        e.message.contains("after today (2026-12-03)"),
        "{}",
        e.message
    );
    // Every past-event fact is checked; due dates and scheduled payments may lie ahead.
    for info in FACTS.iter().filter(|i| i.past) {
        let e = err(json!({ "today": "2026-12-03", "facts": { info.id: "2026-12-04" } }));
        assert_eq!(e.field, format!("facts.{}", info.id));
    }
    for id in ["due_date", "autopay_date", "payment_address_changed"] {
        let p = plan_of(json!({ "today": "2026-12-03", "facts": { id: "2027-01-04" } }));
        assert!(p.deadlines.iter().all(|d| d.days_left > 0), "{id}");
    }
    // Today itself is fine.
    let p = plan_of(json!({ "today": "2026-12-03", "facts": { "statement_sent": "2026-12-03" } }));
    assert_eq!(p.deadlines[0].date.to_string(), "2027-02-01");
    // A date answered to a question is refused on that answer.
    let e = err(
        json!({ "today": "2026-12-03", "topic": "unauthorized_charge",
        "answers": { "statement_sent": "2026-12-20" } }),
    );
    assert_eq!(e.field, "answers.statement_sent");
    assert!(e.message.contains("already happened"), "{}", e.message);
}

// --- Changes in terms, adverse action (Reg Z 1026.9, Reg B 1002.9) ---

#[test]
fn a_terms_notice_sent_2026_08_01_cannot_take_effect_before_2026_09_15() {
    // 1026.9(c)(2)(i): notice provided at least 45 days before the effective date.
    let d = deadline(
        json!({ "terms_notice_sent": "2026-08-01" }),
        "terms_change_effective",
    );
    assert_eq!(d.date.to_string(), "2026-09-15");
    assert_eq!(d.kind, Kind::NotBefore);
    assert!(!d.estimate);
    assert_eq!(d.start_fact.id(), "terms_notice_sent");
}

#[test]
fn a_terms_or_rate_notice_known_only_by_its_arrival_gives_an_estimate_that_may_be_early() {
    for (fact, sent, id, date) in [
        (
            "terms_notice_received",
            "terms_notice_sent",
            "terms_change_effective",
            "2026-09-15",
        ),
        (
            "rate_increase_notice_received",
            "rate_increase_notice_sent",
            "rate_increase_protected_balance",
            "2026-08-15",
        ),
    ] {
        let d = deadline(json!({ fact: "2026-08-01" }), id);
        assert_eq!(d.date.to_string(), date, "{id}");
        assert!(d.estimate, "{id}");
        assert_eq!(d.start_fact.id(), fact);
        assert!(
            d.estimate_reason
                .unwrap()
                .contains("may be a few days earlier"),
            "{id}"
        );
        // The sent date wins: counted from July 29, three days earlier, exactly.
        let both = json!({ fact: "2026-08-01", sent: "2026-07-29" });
        let d = deadline(both, id);
        assert!(!d.estimate, "{id}");
        assert!(d.date.to_string().as_str() < date, "{id}");
    }
}

#[test]
fn the_reasons_answer_counts_from_receipt_and_a_sent_date_is_an_early_estimate() {
    // 1002.9(a)(2)(ii): "within 30 days after receiving the request".
    let d = deadline(
        json!({ "adverse_action_reasons_requested": "2026-07-01" }),
        "adverse_action_reasons_answer",
    );
    assert_eq!(d.date.to_string(), "2026-07-31");
    assert!(d.estimate);
    assert!(d.estimate_reason.unwrap().contains("a few days later"));
    let d = deadline(
        json!({ "adverse_action_reasons_requested": "2026-07-01",
                "adverse_action_reasons_received": "2026-07-06" }),
        "adverse_action_reasons_answer",
    );
    assert_eq!(
        (d.date.to_string(), d.estimate),
        ("2026-08-05".into(), false)
    );
    assert_eq!(d.anchor, Anchor::Received);
}

// --- Credit reports and identity theft (FCRA) ---

#[test]
fn a_freeze_requested_online_before_a_saturday_holiday_is_due_friday() {
    // Thursday July 2, 2026: the Reserve Banks are open Friday July 3.
    let online = json!({ "freeze_requested": "2026-07-02", "freeze_request_method": "online" });
    let d = deadline(online, "freeze_in_place");
    assert_eq!(
        (d.date.to_string(), d.length, d.estimate),
        ("2026-07-03".to_string(), 1, false)
    );
    let phone = json!({ "freeze_requested": "2027-07-02", "freeze_request_method": "phone" });
    assert_eq!(date_of(phone, "freeze_in_place"), "2027-07-06");
}

#[test]
fn a_freeze_requested_by_mail_takes_3_business_days() {
    // The bureau counts from receipt; a date given for a mailed request may be the day
    // it was sent, so the result is marked as an estimate that may be early.
    let mail = json!({ "freeze_requested": "2026-07-02", "freeze_request_method": "mail" });
    let d = deadline(mail, "freeze_in_place");
    assert_eq!(
        (d.date.to_string(), d.length, d.estimate),
        ("2026-07-07".to_string(), 3, true)
    );
    assert!(d.estimate_reason.unwrap().contains("gets your letter"));
}

#[test]
fn a_freeze_without_a_method_assumes_mail_and_is_an_estimate() {
    let d = deadline(
        json!({ "freeze_requested": "2026-07-02" }),
        "freeze_in_place",
    );
    assert_eq!(
        (d.date.to_string(), d.estimate),
        ("2026-07-07".to_string(), true)
    );
    assert!(d.estimate_reason.unwrap().contains("3 business days"));
}

#[test]
fn a_report_dispute_ends_the_30_day_period_beginning_on_receipt_or_the_45_day_one() {
    // 15 USC 1681i(a)(1): "the 30-day period beginning on the date on which the agency
    // receives the notice": April 1 is day 1, so day 30 is April 30 (not May 1).
    let facts = json!({ "report_dispute_received": "2026-04-01" });
    let d = deadline(facts, "report_dispute_result");
    assert_eq!(d.date.to_string(), "2026-04-30");
    assert_eq!(d.convention, Counting::BeginningOn);
    assert!(
        d.counting.contains("30-day period beginning on"),
        "{}",
        d.counting
    );
    assert!(
        d.law_text.contains("beginning on the date"),
        "{}",
        d.law_text
    );
    let facts =
        json!({ "report_dispute_received": "2026-04-01", "report_dispute_info_added": false });
    assert_eq!(date_of(facts, "report_dispute_result"), "2026-04-30");
    let facts =
        json!({ "report_dispute_received": "2026-04-01", "report_dispute_info_added": true });
    let d = deadline(facts, "report_dispute_result");
    assert_eq!(
        (d.date.to_string(), d.length),
        ("2026-05-15".to_string(), 45)
    );
    // Received on Feb 1 of a leap year: Feb 1 + 29 = Mar 1.
    let facts = json!({ "report_dispute_received": "2028-02-01" });
    assert_eq!(date_of(facts, "report_dispute_result"), "2028-03-01");
}

// --- CFPB complaints and card networks (not law) ---

#[test]
fn a_cfpb_complaint_sent_2026_05_01_expects_answers_by_05_16_and_06_30() {
    let facts = json!({ "cfpb_complaint_sent": "2026-05-01" });
    let first = deadline(facts.clone(), "cfpb_company_response");
    let last = deadline(facts, "cfpb_final_response");
    assert_eq!(first.date.to_string(), "2026-05-16");
    assert_eq!(last.date.to_string(), "2026-06-30");
    for d in [first, last] {
        assert_eq!((d.party, d.status), (Party::Cfpb, Status::Policy));
        assert!(d.summary.contains("not a law"), "{}", d.summary);
    }
    let facts = json!({ "cfpb_company_responded": "2026-06-01" });
    assert_eq!(date_of(facts, "cfpb_feedback_window"), "2026-07-31");
}

#[test]
fn a_purchase_on_2026_01_10_has_a_network_window_until_2026_05_10_as_policy() {
    let d = deadline(
        json!({ "transaction_date": "2026-01-10" }),
        "network_dispute_window",
    );
    assert_eq!(d.date.to_string(), "2026-05-10");
    assert_eq!((d.party, d.status), (Party::Network, Status::Policy));
    assert!(d.summary.contains("not a law"));
    assert_eq!(d.source_url, None);
}

#[test]
fn amex_and_discover_windows_appear_only_for_those_cards_and_are_unverified() {
    let plain = json!({ "transaction_date": "2026-01-10" });
    assert!(find(plain.clone(), "amex_dispute_window").is_none());
    assert!(find(plain, "discover_dispute_window").is_none());
    let amex = deadline(
        json!({ "transaction_date": "2026-01-10", "card_network": "amex" }),
        "amex_dispute_window",
    );
    assert_eq!(amex.date.to_string(), "2026-04-10");
    let discover = deadline(
        json!({ "transaction_date": "2026-01-10", "card_network": "discover" }),
        "discover_dispute_window",
    );
    assert_eq!(discover.date.to_string(), "2026-05-10");
    for d in [amex, discover] {
        assert_eq!(d.status, Status::Unverified);
        assert!(d.summary.contains("could not confirm"), "{}", d.summary);
    }
}

#[test]
fn visa_zero_liability_credit_skips_new_years_day_and_is_visa_only() {
    let visa = json!({ "unauthorized_use_reported": "2026-12-30", "card_network": "visa" });
    let d = deadline(visa, "visa_zero_liability_credit");
    assert_eq!(
        (d.date.to_string(), d.status),
        ("2027-01-07".to_string(), Status::Policy)
    );
    let mc = json!({ "unauthorized_use_reported": "2026-12-30", "card_network": "mastercard" });
    assert!(find(mc, "visa_zero_liability_credit").is_none());
}

// --- Debit cards, for contrast (Reg E) ---

#[test]
fn a_lost_debit_card_noticed_friday_before_columbus_day_must_be_reported_by_wednesday() {
    let d = deadline(
        json!({ "debit_loss_discovered": "2026-10-09" }),
        "debit_card_loss_report",
    );
    assert_eq!(d.date.to_string(), "2026-10-14");
    assert_eq!(d.kind, Kind::SendBy);
    assert!(d.mail_by.is_none());
}

// --- The plan as a whole ---

#[test]
fn an_issuer_closed_day_or_open_saturday_changes_business_day_counts() {
    let case = json!({
        "today": "2026-12-01",
        "facts": { "refund_request_received": "2026-11-18" },
        "calendar": { "closed_days": ["2026-11-27"], "open_weekdays": ["saturday"] }
    });
    let p = plan_of(case);
    // Thu 19, Fri 20, Sat 21, Mon 23, Tue 24, Wed 25, (Thu 26 and Fri 27 closed), Sat 28.
    assert_eq!(p.deadlines[0].date.to_string(), "2026-11-28");
}

#[test]
fn spanish_cases_get_spanish_wording() {
    let p = plan_in(
        "es",
        json!({ "statement_sent": "2026-01-15", "transaction_date": "2026-01-10" }),
    );
    let notice = p
        .deadlines
        .iter()
        .find(|d| d.id == "billing_error_notice")
        .unwrap();
    assert_eq!(
        notice.starts,
        "Envío del estado de cuenta: 15 de enero de 2026"
    );
    assert!(
        notice.counting.contains("días calendario"),
        "{}",
        notice.counting
    );
    assert!(notice.summary.contains("por escrito"));
    let network = p
        .deadlines
        .iter()
        .find(|d| d.id == "network_dispute_window")
        .unwrap();
    assert!(
        network.summary.contains("no una ley"),
        "{}",
        network.summary
    );
    assert!(p.disclaimer.contains("no asesoría legal"));
}

/// One date for every date fact, and one value for every choice fact.
fn all_facts(network: &str) -> Value {
    let mut facts = serde_json::Map::new();
    for r in RULES {
        facts.insert(r.start.id().to_string(), json!("2026-03-02"));
    }
    facts.insert("statement_closing".into(), json!("2026-02-27"));
    facts.insert("cycle_closing_day".into(), json!(25));
    facts.insert("payment_method".into(), json!("mail"));
    facts.insert("freeze_request_method".into(), json!("phone"));
    facts.insert("report_dispute_info_added".into(), json!(false));
    facts.insert("card_network".into(), json!(network));
    facts.insert("autopay_from_issuer_account".into(), json!(true));
    facts.insert("freeze_lift_method".into(), json!("online"));
    Value::Object(facts)
}

#[test]
fn every_rule_fires_when_its_facts_are_present_and_deadlines_are_sorted() {
    // Each network's own rows; the Visa/Mastercard window is not shown for Amex or
    // Discover, whose own rows apply.
    let network_rows: [(&str, &[&str]); 4] = [
        ("amex", &["amex_dispute_window"]),
        ("discover", &["discover_dispute_window"]),
        (
            "visa",
            &["visa_zero_liability_credit", "network_dispute_window"],
        ),
        ("mastercard", &["network_dispute_window"]),
    ];
    let network_only = [
        "amex_dispute_window",
        "discover_dispute_window",
        "visa_zero_liability_credit",
        "network_dispute_window",
    ];
    for (network, own) in network_rows {
        let p = plan_in("en", all_facts(network));
        let ids: Vec<&str> = p.deadlines.iter().map(|d| d.id.as_str()).collect();
        for r in RULES {
            let expected = !network_only.contains(&r.id) || own.contains(&r.id);
            assert_eq!(ids.contains(&r.id), expected, "{network}: {}", r.id);
        }
        assert!(p.deadlines.windows(2).all(|w| w[0].date <= w[1].date));
    }
}

#[test]
fn rules_not_in_force_say_so_in_every_language() {
    for locale in ["en", "es"] {
        for d in plan_in(locale, all_facts("amex")).deadlines {
            let caveat = match (d.status, locale) {
                (Status::InForce, _) => continue,
                (Status::Policy, "en") => "not a law",
                (Status::Policy, _) => "no una ley",
                (Status::Unverified, "en") => "could not confirm",
                (Status::Unverified, _) => "No pudimos confirmar",
            };
            assert!(
                d.summary.contains(caveat),
                "{locale} {}: {}",
                d.id,
                d.summary
            );
        }
    }
}

#[test]
fn no_facts_means_no_deadlines() {
    assert!(plan_in("en", json!({})).deadlines.is_empty());
    // Modifiers alone start no clock.
    let modifiers = json!({ "cycle_closing_day": 10, "payment_method": "mail",
        "freeze_request_method": "mail", "report_dispute_info_added": true, "card_network": "visa" });
    assert!(plan_in("en", modifiers).deadlines.is_empty());
}
