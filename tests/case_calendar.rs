//! A case's `calendar` and the host config's `calendar` describe the same issuer: the
//! case's adds to the config's instead of replacing it. Closed days, open days and open
//! weekdays are joined; `mail_on_saturday` given in the case wins over the config's.

use cardhelp::engine::case::Case;
use cardhelp::engine::plan::plan;

/// The date of the `payment_on_time` deadline for a payment mailed for `due`, under this
/// host `config` calendar and case `calendar` (JSON, or `null`).
fn payment_date(due: &str, config: &str, calendar: &str) -> String {
    let json = format!(
        r#"{{"today":"2026-03-02","facts":{{"due_date":"{due}","payment_method":"mail"}},
            "config":{{"calendar":{config}}},"calendar":{calendar}}}"#
    );
    let plan = plan(&Case::from_json(&json).unwrap()).unwrap();
    let deadline = plan
        .deadlines
        .iter()
        .find(|d| d.id == "payment_on_time")
        .unwrap();
    deadline.date.to_string()
}

#[test]
fn the_cases_closed_days_join_the_configs() {
    let config = r#"{"closed_days":["2026-03-16"]}"#;
    // Monday March 16 closed by the config, Tuesday 17 by the case: Wednesday.
    let case = r#"{"closed_days":["2026-03-17"]}"#;
    assert_eq!(payment_date("2026-03-16", config, "null"), "2026-03-17");
    assert_eq!(payment_date("2026-03-16", config, case), "2026-03-18");
    assert_eq!(payment_date("2026-03-16", "{}", case), "2026-03-16");
}

#[test]
fn the_configs_saturday_mail_stays_unless_the_case_says_otherwise() {
    let config = r#"{"mail_on_saturday":false}"#;
    // Due Saturday March 21: with no mail on Saturdays, Monday 23.
    assert_eq!(payment_date("2026-03-21", config, "null"), "2026-03-23");
    let other = r#"{"closed_days":["2026-12-24"]}"#;
    assert_eq!(payment_date("2026-03-21", config, other), "2026-03-23");
    let saturdays = r#"{"mail_on_saturday":true}"#;
    assert_eq!(payment_date("2026-03-21", config, saturdays), "2026-03-21");
    assert_eq!(
        payment_date("2026-03-21", "{}", r#"{"mail_on_saturday":false}"#),
        "2026-03-23"
    );
}

/// The date of the `freeze_in_place` deadline (business days) for a freeze requested by
/// mail on Friday October 9, 2026, under this config calendar and case calendar.
fn freeze_date(config: &str, calendar: &str) -> String {
    let json = format!(
        r#"{{"today":"2026-10-09","facts":{{"freeze_requested":"2026-10-09","freeze_request_method":"mail"}},
            "config":{{"calendar":{config}}},"calendar":{calendar}}}"#
    );
    let plan = plan(&Case::from_json(&json).unwrap()).unwrap();
    plan.deadlines[0].date.to_string()
}

#[test]
fn open_days_and_open_weekdays_join_too() {
    // Three business days after Friday October 9: Columbus Day (Monday 12) open in the
    // config, Tuesday 13 closed in the case: Monday, Wednesday, Thursday.
    let open_columbus = r#"{"open_days":["2026-10-12"]}"#;
    let closed_tuesday = r#"{"closed_days":["2026-10-13"]}"#;
    assert_eq!(freeze_date(open_columbus, "null"), "2026-10-14");
    assert_eq!(freeze_date(open_columbus, closed_tuesday), "2026-10-15");
    assert_eq!(freeze_date("{}", closed_tuesday), "2026-10-16");
    // The case opens Columbus Day, the config closes Tuesday: the same days.
    assert_eq!(freeze_date(closed_tuesday, open_columbus), "2026-10-15");
    // Open on Saturdays in the config, and a Friday closed in the case: Saturday.
    let config = r#"{"open_weekdays":["saturday"]}"#;
    let case = r#"{"closed_days":["2026-03-20"]}"#;
    assert_eq!(payment_date("2026-03-20", config, case), "2026-03-21");
}
