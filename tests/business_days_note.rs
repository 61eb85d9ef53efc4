//! The plan says what a business day is (Federal Reserve holidays) only when a deadline on
//! it was counted in business days or moved to the next one.

use cardhelp::engine::case::Case;
use cardhelp::engine::plan::{plan, Plan};

fn resolve(case: &str) -> Plan {
    plan(&Case::from_json(case).expect("case")).expect("plan")
}

#[test]
fn a_plan_counted_in_calendar_days_has_no_business_day_note() {
    let p = resolve(
        r#"{"today":"2026-03-02","topic":"unauthorized_charge","answers":{"statement_sent":"2026-02-10"}}"#,
    );
    assert!(!p.deadlines.is_empty());
    assert!(!p.counts_business_days(), "{:?}", p.deadlines);
}

#[test]
fn a_business_day_count_brings_the_note() {
    // A freeze requested online must be in place 1 business day later.
    let p = resolve(
        r#"{"today":"2026-03-02","topic":"identity_theft","facts":{"freeze_requested":"2026-02-27","freeze_request_method":"online"}}"#,
    );
    assert!(p.deadlines.iter().any(|d| d.id == "freeze_in_place"));
    assert!(p.counts_business_days());
}

#[test]
fn a_date_moved_to_the_next_business_day_brings_the_note() {
    // A mailed payment due on Sunday, March 1, 2026 is on time on Monday.
    let p = resolve(
        r#"{"today":"2026-02-20","topic":"payment_issue","answers":{"due_date":"2026-03-01","payment_method":"mail"}}"#,
    );
    let due = p
        .deadlines
        .iter()
        .find(|d| d.id == "payment_on_time")
        .expect("payment_on_time");
    assert!(due.rolled_from.is_some(), "{due:?}");
    assert!(p.counts_business_days());
}
