//! The one resolver: answers fill facts, triage joins the deadlines, the host config fills
//! in real contacts, and bad answers are rejected by field.

use cardhelp::engine::case::Case;
use cardhelp::engine::plan::plan;

fn plan_json(case: &str) -> serde_json::Value {
    let case = Case::from_json(case).expect("valid case");
    serde_json::to_value(plan(&case).expect("plan")).unwrap()
}

fn deadline<'a>(plan: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
    plan["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
}

/// The date of the billing-error notice deadline in the plan for `case`.
fn notice_date(case: &str) -> serde_json::Value {
    deadline(&plan_json(case), "billing_error_notice").unwrap()["date"].clone()
}

#[test]
fn a_statement_date_answer_fills_the_fact_and_gives_the_notice_deadline() {
    let date = notice_date(
        r#"{"today":"2026-01-20","topic":"billing_dispute",
            "answers":{"statement_sent":"2026-01-15"}}"#,
    );
    assert_eq!(date, "2026-03-16");
}

#[test]
fn an_explicit_fact_wins_over_an_answer() {
    let date = notice_date(
        r#"{"today":"2026-01-20","topic":"billing_dispute",
            "answers":{"statement_sent":"2026-01-15"},
            "facts":{"statement_sent":"2026-01-10"}}"#,
    );
    assert_eq!(date, "2026-03-11");
}

#[test]
fn a_lost_card_with_a_charge_is_urgent_and_the_configured_fraud_line_is_dialled() {
    let p = plan_json(
        r#"{"today":"2026-11-24","topic":"unauthorized_charge",
            "answers":{"still_have_card":"no"},
            "config":{"phones":{"fraud":{"number":"+1 800 555 0199","hours":"24/7"}}}}"#,
    );
    assert_eq!(p["urgency"], "urgent");
    assert_eq!(p["channels"][0]["id"], "fraud_phone");
    assert_eq!(p["channels"][0]["reach"]["href"], "tel:+18005550199");
    assert!(p.get("config_issues").is_none());
}

#[test]
fn without_config_channels_fall_back_to_generic_guidance() {
    let p = plan_json(r#"{"today":"2026-11-24","topic":"card_problem"}"#);
    for channel in p["channels"].as_array().unwrap() {
        assert!(channel["reach"].is_null());
        assert!(!channel["fallback"].as_str().unwrap().is_empty());
    }
}

#[test]
fn nearing_the_notice_deadline_makes_a_dispute_urgent() {
    // Sent 2026-01-15: the notice must arrive by 2026-03-16.
    let case = |today: &str| {
        format!(
            r#"{{"today":"{today}","topic":"billing_dispute","facts":{{"statement_sent":"2026-01-15"}}}}"#
        )
    };
    assert_eq!(plan_json(&case("2026-03-02"))["urgency"], "urgent"); // 14 days left
    assert_ne!(plan_json(&case("2026-03-01"))["urgency"], "urgent"); // 15 days left
}

#[test]
fn a_bad_config_key_is_reported_and_the_rest_is_used() {
    let p = plan_json(
        r#"{"today":"2026-11-24","topic":"card_problem",
            "config":{"app_url":"javascript:alert(1)","dispute_form_url":"https://bank.example/d"}}"#,
    );
    assert_eq!(p["config_issues"][0]["field"], "app_url");
    let app = p["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "mobile_app");
    assert!(app.is_none_or(|c| c["reach"].is_null()));
}

#[test]
fn answers_are_checked_against_the_topic() {
    for (case, field) in [
        (
            r#"{"today":"2026-11-24","topic":"rewards_promotions","answers":{"still_have_card":"no"}}"#,
            "answers.still_have_card",
        ),
        (
            r#"{"today":"2026-11-24","topic":"unauthorized_charge","answers":{"still_have_card":"maybe"}}"#,
            "answers.still_have_card",
        ),
        (
            r#"{"today":"2026-11-24","answers":{"still_have_card":"no"}}"#,
            "answers",
        ),
    ] {
        let err = plan(&Case::from_json(case).unwrap()).unwrap_err();
        assert_eq!(err.field, field, "{case}");
    }
}

#[test]
fn without_a_topic_the_plan_has_deadlines_only() {
    let p = plan_json(r#"{"today":"2026-11-24","facts":{"due_date":"2026-12-01"}}"#);
    assert!(p.get("urgency").is_none() && p.get("channels").is_none());
    assert!(deadline(&p, "payment_on_time").is_some());
}

#[test]
fn free_text_without_a_topic_is_classified_and_the_plan_follows_it() {
    let p = plan_json(
        r#"{"today":"2026-11-24","text":"someone charged $400 at a store I have never been to"}"#,
    );
    assert_eq!(p["topic"], "unauthorized_charge");
    assert_eq!(
        p["classification"]["topics"][0]["topic"],
        "unauthorized_charge"
    );
    assert_eq!(p["urgency"], "urgent");
}

#[test]
fn a_chosen_topic_wins_over_the_text() {
    let p = plan_json(
        r#"{"today":"2026-11-24","topic":"rewards_promotions","text":"someone stole my card"}"#,
    );
    assert_eq!(p["topic"], "rewards_promotions");
    assert!(p.get("classification").is_none());
}

/// The days-left reasons speak of "your deadline", whatever it is: here the only deadline is
/// paying on time, which a written notice has nothing to do with.
#[test]
fn a_passed_payment_deadline_is_not_called_a_written_notice() {
    let plan = plan_json(
        r#"{"today":"2026-11-24","topic":"payment_issue",
            "answers":{"payment_method":"mail","due_date":"2026-11-20"}}"#,
    );
    let ids: Vec<&str> = plan["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["payment_on_time"]);
    let reasons = plan["urgency_reasons"].to_string();
    assert!(
        reasons.contains("Your deadline in this plan has passed"),
        "{reasons}"
    );
    assert!(!reasons.contains("written"), "{reasons}");
}

/// The step `next` points at, its door and its date, from the plan for `case`.
fn next(case: &str) -> (String, serde_json::Value, serde_json::Value, bool) {
    let p = plan_json(case);
    let n = &p["next"];
    let step = p["steps"][n["step"].as_u64().unwrap() as usize]
        .as_str()
        .unwrap()
        .to_string();
    let channels = p["channels"].as_array().unwrap();
    assert!(
        n["channel"].is_null() || channels.iter().any(|c| c["id"] == n["channel"]),
        "the door is one of the plan's channels"
    );
    assert!(
        n["deadline"].is_null() || deadline(&p, n["deadline"].as_str().unwrap()).is_some(),
        "the date is one of the plan's deadlines"
    );
    let dated = n["dated_step"].as_bool().unwrap();
    (step, n["channel"].clone(), n["deadline"].clone(), dated)
}

#[test]
fn next_for_a_billing_dispute_is_the_written_notice_through_the_billing_error_address() {
    let (step, door, date, dated) = next(
        r#"{"today":"2026-03-02","topic":"billing_dispute",
            "answers":{"made_purchase":"yes","dispute_kind":"duplicate",
                       "statement_sent":"2026-02-10","notice_sent":"no"}}"#,
    );
    assert!(step.starts_with("Send a written billing-error notice so it arrives by April 11, 2026: mail it by April 3, 2026"), "{step}");
    // Not the best channel (the online form, which may not count as written notice).
    assert_eq!(door, "written_letter");
    assert_eq!(date, "billing_error_notice");
    assert!(dated);
}

#[test]
fn next_keeps_the_notice_when_only_express_delivery_is_left() {
    let (step, door, date, _) = next(
        r#"{"today":"2026-03-02","topic":"billing_dispute",
            "answers":{"made_purchase":"yes","statement_sent":"2026-01-05"}}"#,
    );
    assert!(
        step.starts_with("Your written notice must arrive by March 6, 2026"),
        "{step}"
    );
    assert_eq!(door, "written_letter");
    assert_eq!(date, "billing_error_notice");
}

#[test]
fn once_the_60_days_have_passed_next_is_the_network_dispute_not_the_notice() {
    let (step, door, date, dated) = next(
        r#"{"today":"2026-03-02","topic":"billing_dispute",
            "answers":{"made_purchase":"yes","dispute_kind":"wrong_amount",
                       "statement_sent":"2025-12-15","notice_sent":"no",
                       "transaction_date":"2025-12-01"}}"#,
    );
    assert!(
        step.starts_with("Ask for a card-network dispute before March 31, 2026"),
        "{step}"
    );
    assert_eq!(date, "network_dispute_window");
    assert_eq!(door, "dispute_form");
    assert!(dated);
}

#[test]
fn a_date_no_step_names_goes_with_the_first_step_and_the_best_channel() {
    let (step, door, date, dated) = next(
        r#"{"today":"2026-03-02","topic":"payment_issue",
            "answers":{"payment_problem":"not_posted","payment_method":"mail","due_date":"2026-03-10"}}"#,
    );
    assert!(step.starts_with("Check your bank account"), "{step}");
    assert_eq!(door, "card_services_phone");
    assert_eq!(date, "payment_on_time");
    assert!(!dated, "the step does not name the date");
}

#[test]
fn without_a_date_ahead_next_is_the_first_step_and_the_best_channel() {
    let (step, door, date, dated) =
        next(r#"{"today":"2026-03-02","topic":"account_service","locale":"es"}"#);
    assert!(step.starts_with("Inicie sesión"), "{step}");
    assert_eq!(door, "online_account");
    assert!(date.is_null());
    assert!(!dated);
}

#[test]
fn every_deadline_cites_each_law_by_name_with_its_own_link() {
    let p = plan_json(
        r#"{"today":"2026-03-02","topic":"billing_dispute","locale":"es",
            "answers":{"statement_sent":"2026-02-10"}}"#,
    );
    let c = &deadline(&p, "billing_error_notice").unwrap()["citations"];
    assert_eq!(c[0]["text"], "12 CFR 1026.13(b)(1)");
    assert_eq!(c[0]["name"], "Reglamento Z, sección 1026.13(b)(1)");
    assert_eq!(c[1]["text"], "15 USC 1666(a)");
    assert_eq!(
        c[1]["name"],
        "Ley de Facturación Imparcial de Crédito, 15 U.S.C., sección 1666(a)"
    );
    assert!(c[1]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://uscode.house.gov/"));
    assert_eq!(p["business_days"]["citations"].as_array().unwrap().len(), 2);
}

#[test]
fn a_lost_card_acts_first_on_the_card_and_keeps_the_notice_date_beside_it() {
    let (step, door, date, dated) = next(
        r#"{"today":"2026-03-02","topic":"unauthorized_charge",
            "answers":{"still_have_card":"no","statement_sent":"2026-02-10","notice_sent":"no"}}"#,
    );
    assert!(step.starts_with("Call the fraud line now"), "{step}");
    assert_eq!(door, "fraud_phone");
    assert_eq!(date, "billing_error_notice");
    assert!(
        !dated,
        "the date is shown with what it means, not as the step's"
    );
    // Two weeks before the date, the notice itself is what is urgent.
    let (step, door, _, dated) = next(
        r#"{"today":"2026-03-30","topic":"unauthorized_charge",
            "answers":{"still_have_card":"no","statement_sent":"2026-02-10","notice_sent":"no"}}"#,
    );
    assert!(
        step.starts_with("Send a written billing-error notice so it arrives by April 11, 2026"),
        "{step}"
    );
    assert_eq!(door, "written_letter");
    assert!(dated);
}
