//! Path tests: for every topic, answers in → urgency, channel order and deadlines out.

use cardhelp::engine::kb::Urgency;
use cardhelp::engine::locale::Locale;
use cardhelp::engine::topic::Topic;
use cardhelp::engine::triage::{triage, Answers, Triage, TriageInput};

fn run_in(
    locale: Locale,
    topic: Topic,
    answers: &[(&str, &str)],
    days_left: Option<i64>,
) -> Triage {
    let answers: Answers = answers
        .iter()
        .map(|(q, a)| (q.to_string(), a.to_string()))
        .collect();
    triage(&TriageInput {
        topic,
        answers,
        days_left,
        locale,
    })
    .unwrap()
}

fn run(topic: Topic, answers: &[(&str, &str)], days_left: Option<i64>) -> Triage {
    run_in(Locale::En, topic, answers, days_left)
}

fn channels(t: &Triage) -> Vec<&str> {
    t.channels.iter().map(|c| c.id.as_str()).collect()
}

fn escalations(t: &Triage) -> Vec<&str> {
    t.escalation.iter().map(|e| e.id.as_str()).collect()
}

const BILLING_ERROR: [&str; 3] = [
    "billing_error_notice",
    "billing_error_acknowledgment",
    "billing_error_resolution",
];

#[test]
fn unauthorized_charge_with_the_card_in_hand_starts_in_the_app() {
    let t = run(
        Topic::UnauthorizedCharge,
        &[("still_have_card", "yes"), ("statement_sent", "2025-03-04")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "mobile_app",
            "fraud_phone",
            "online_account",
            "written_letter"
        ]
    );
    assert_eq!(t.deadline_ids, BILLING_ERROR);
    assert_eq!(t.letter_ids, ["billing_error_notice"]);
    assert_eq!(t.urgency_reasons.len(), 1);
}

#[test]
fn unauthorized_charge_without_the_card_puts_the_fraud_line_first() {
    let t = run(
        Topic::UnauthorizedCharge,
        &[("still_have_card", "no")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "fraud_phone",
            "mobile_app",
            "online_account",
            "written_letter"
        ]
    );
    assert!(t.steps[0].contains("lost or stolen"), "{:?}", t.steps);
    assert_eq!(t.urgency_reasons.len(), 2);
    assert_eq!(t.deadline_ids, BILLING_ERROR);
}

#[test]
fn billing_dispute_for_a_known_purchase_is_soon_and_written() {
    let t = run(
        Topic::BillingDispute,
        &[("made_purchase", "yes"), ("dispute_kind", "duplicate")],
        Some(30),
    );
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(
        channels(&t),
        [
            "dispute_form",
            "written_letter",
            "card_services_phone",
            "secure_message"
        ]
    );
    let mut expected = BILLING_ERROR.to_vec();
    expected.push("network_dispute_window");
    assert_eq!(t.deadline_ids, expected);
    assert_eq!(t.letter_ids, ["billing_error_notice"]);
}

#[test]
fn billing_dispute_for_a_purchase_you_did_not_make_becomes_fraud() {
    let t = run(Topic::BillingDispute, &[("made_purchase", "no")], None);
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "fraud_phone",
            "dispute_form",
            "written_letter",
            "card_services_phone",
            "secure_message"
        ]
    );
}

#[test]
fn fourteen_days_left_is_urgent_and_fifteen_is_not() {
    let at_14 = run(Topic::BillingDispute, &[("made_purchase", "yes")], Some(14));
    assert_eq!(at_14.urgency, Urgency::Urgent);
    assert_eq!(at_14.urgency_reasons.len(), 1);
    assert!(at_14.urgency_reasons[0].contains("14 days"));

    let at_15 = run(Topic::BillingDispute, &[("made_purchase", "yes")], Some(15));
    assert_eq!(at_15.urgency, Urgency::Soon);
    assert!(!at_15.urgency_reasons[0].contains("14 days"));
}

#[test]
fn the_last_day_is_urgent_and_a_passed_deadline_is_not() {
    assert_eq!(
        run(Topic::BillingDispute, &[], Some(0)).urgency,
        Urgency::Urgent
    );
    let passed = run(Topic::FeesInterest, &[], Some(-3));
    assert_eq!(passed.urgency, Urgency::Soon);
    assert!(passed.urgency_reasons[0].contains("has passed"));
}

#[test]
fn a_days_left_deadline_raises_even_a_routine_topic() {
    let t = run(Topic::FeesInterest, &[("fee_kind", "late_fee")], Some(5));
    assert_eq!(t.urgency, Urgency::Urgent);
}

#[test]
fn a_late_fee_courtesy_request_is_routine() {
    let t = run(
        Topic::FeesInterest,
        &[("fee_kind", "late_fee"), ("charge_is_error", "no")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
    assert_eq!(
        channels(&t),
        [
            "card_services_phone",
            "online_account",
            "secure_message",
            "written_letter"
        ]
    );
    assert_eq!(t.deadline_ids, BILLING_ERROR);
}

#[test]
fn a_rate_increase_the_cardholder_thinks_is_wrong_adds_the_terms_clock() {
    let t = run(
        Topic::FeesInterest,
        &[
            ("fee_kind", "interest"),
            ("charge_is_error", "yes"),
            ("terms_notice_received", "2025-05-01"),
        ],
        None,
    );
    assert_eq!(t.urgency, Urgency::Soon);
    let mut expected = BILLING_ERROR.to_vec();
    expected.push("terms_change_effective");
    assert_eq!(t.deadline_ids, expected);
}

#[test]
fn a_returned_payment_is_urgent() {
    let t = run(
        Topic::PaymentIssue,
        &[
            ("payment_problem", "returned"),
            ("payment_method", "online"),
        ],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "card_services_phone",
            "online_account",
            "secure_message",
            "written_letter"
        ]
    );
    assert_eq!(
        t.deadline_ids,
        [
            "payment_on_time",
            "statement_grace_21",
            "billing_error_notice",
            "billing_error_acknowledgment",
            "billing_error_resolution"
        ]
    );
}

#[test]
fn paying_twice_adds_the_refund_letter_and_clock() {
    let t = run(
        Topic::PaymentIssue,
        &[("payment_problem", "paid_twice")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(
        channels(&t),
        [
            "card_services_phone",
            "online_account",
            "secure_message",
            "issuer_letter",
            "written_letter"
        ]
    );
    assert_eq!(t.deadline_ids.last().unwrap(), "credit_balance_refund");
    assert_eq!(
        t.letter_ids,
        ["billing_error_notice", "credit_balance_refund_request"]
    );
}

#[test]
fn identity_theft_on_an_existing_card_adds_billing_error_rights() {
    let t = run(
        Topic::IdentityTheft,
        &[("theft_kind", "existing_card")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "fraud_phone",
            "online_account",
            "secure_message",
            "written_letter"
        ]
    );
    let mut expected = vec!["fraud_alert_expires", "freeze_in_place"];
    expected.extend(BILLING_ERROR);
    assert_eq!(t.deadline_ids, expected);
    assert_eq!(t.letter_ids, ["billing_error_notice"]);
    assert_eq!(
        escalations(&t),
        [
            "identity_theft_report",
            "fraud_alert",
            "security_freeze",
            "extended_fraud_alert",
            "credit_report_dispute",
            "cfpb_complaint"
        ]
    );
}

#[test]
fn identity_theft_with_a_new_account_needs_no_billing_letter() {
    let t = run(
        Topic::IdentityTheft,
        &[
            ("theft_kind", "new_account"),
            ("freeze_requested", "2025-06-02"),
            ("freeze_request_method", "mail"),
        ],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        ["fraud_phone", "online_account", "secure_message"]
    );
    assert_eq!(t.deadline_ids, ["fraud_alert_expires", "freeze_in_place"]);
    assert!(t.letter_ids.is_empty());
}

#[test]
fn a_wrong_late_mark_on_a_credit_report_is_routine() {
    let t = run(
        Topic::CreditReporting,
        &[("report_problem", "late_mark")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
    assert_eq!(
        channels(&t),
        ["card_services_phone", "secure_message", "issuer_letter"]
    );
    assert_eq!(t.deadline_ids, ["report_dispute_result"]);
    assert_eq!(
        escalations(&t),
        [
            "credit_report_dispute",
            "issuer_complaint",
            "cfpb_complaint"
        ]
    );
}

#[test]
fn an_account_that_is_not_yours_on_a_report_is_urgent_identity_theft() {
    let t = run(
        Topic::CreditReporting,
        &[("report_problem", "not_mine")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        escalations(&t),
        [
            "fraud_alert",
            "identity_theft_report",
            "security_freeze",
            "credit_report_dispute",
            "issuer_complaint",
            "cfpb_complaint"
        ]
    );
    assert_eq!(t.deadline_ids, ["report_dispute_result"]);
}

#[test]
fn closing_your_own_account_is_routine() {
    let t = run(
        Topic::AccountClosure,
        &[("closure_reason", "close_it")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
    assert_eq!(
        channels(&t),
        [
            "card_services_phone",
            "secure_message",
            "online_account",
            "issuer_letter"
        ]
    );
    assert!(t.deadline_ids.is_empty());
    assert!(t.letter_ids.is_empty());
}

#[test]
fn an_issuer_closure_with_money_owed_brings_two_letters() {
    let t = run(
        Topic::AccountClosure,
        &[
            ("closure_reason", "issuer_closed"),
            ("adverse_action_date", "2025-02-10"),
            ("credit_balance", "yes"),
        ],
        None,
    );
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(
        t.deadline_ids,
        ["adverse_action_notice", "credit_balance_refund"]
    );
    assert_eq!(
        t.letter_ids,
        [
            "adverse_action_reasons_request",
            "credit_balance_refund_request"
        ]
    );
}

#[test]
fn rejecting_a_change_in_terms_adds_the_terms_clock() {
    let t = run(
        Topic::AccountClosure,
        &[("closure_reason", "reject_change")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(t.deadline_ids, ["terms_change_effective"]);
}

#[test]
fn a_limit_cut_over_the_new_limit_is_soon_with_both_reasons() {
    let t = run(
        Topic::CreditLimitApplication,
        &[("limit_event", "limit_cut"), ("over_limit", "yes")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(t.urgency_reasons.len(), 2);
    assert_eq!(
        channels(&t),
        [
            "card_services_phone",
            "online_account",
            "issuer_letter",
            "secure_message"
        ]
    );
    assert_eq!(t.deadline_ids, ["adverse_action_notice"]);
    assert_eq!(t.letter_ids, ["adverse_action_reasons_request"]);
}

#[test]
fn wanting_a_higher_limit_is_routine() {
    let t = run(
        Topic::CreditLimitApplication,
        &[("limit_event", "want_more")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
}

#[test]
fn a_plain_rewards_question_is_routine() {
    let t = run(
        Topic::RewardsPromotions,
        &[("rewards_problem", "missing")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
    assert_eq!(
        channels(&t),
        [
            "online_account",
            "mobile_app",
            "secure_message",
            "card_services_phone"
        ]
    );
    assert!(t.deadline_ids.is_empty());
}

#[test]
fn a_promotional_rate_not_applied_is_a_billing_error() {
    let t = run(
        Topic::RewardsPromotions,
        &[
            ("rewards_problem", "promo_rate"),
            ("statement_sent", "2025-04-15"),
        ],
        None,
    );
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(channels(&t).last(), Some(&"written_letter"));
    assert_eq!(t.deadline_ids, BILLING_ERROR);
    assert_eq!(t.letter_ids, ["billing_error_notice"]);
}

#[test]
fn a_lost_card_is_urgent_with_the_fraud_line_first() {
    let t = run(Topic::CardProblem, &[("card_status", "lost")], None);
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "fraud_phone",
            "mobile_app",
            "card_services_phone",
            "online_account"
        ]
    );
    assert!(t.deadline_ids.is_empty());
    assert!(t.steps[0].starts_with("Lock the card"));
}

#[test]
fn a_stolen_card_with_strange_charges_adds_the_alert_and_the_letter() {
    let t = run(
        Topic::CardProblem,
        &[("card_status", "stolen"), ("unknown_charges", "yes")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        [
            "fraud_phone",
            "mobile_app",
            "card_services_phone",
            "online_account",
            "written_letter"
        ]
    );
    assert_eq!(t.deadline_ids, BILLING_ERROR);
    assert_eq!(
        escalations(&t),
        ["fraud_alert", "issuer_complaint", "cfpb_complaint"]
    );
}

#[test]
fn a_declined_card_goes_to_card_services_first() {
    let t = run(Topic::CardProblem, &[("card_status", "declined")], None);
    assert_eq!(t.urgency, Urgency::Soon);
    assert_eq!(
        channels(&t),
        [
            "card_services_phone",
            "mobile_app",
            "fraud_phone",
            "online_account"
        ]
    );
}

#[test]
fn a_missed_payment_is_urgent() {
    let t = run(
        Topic::Hardship,
        &[("hardship_status", "behind"), ("due_date", "2025-07-01")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Urgent);
    assert_eq!(
        channels(&t),
        ["card_services_phone", "secure_message", "online_account"]
    );
    assert_eq!(t.deadline_ids, ["payment_on_time"]);
}

#[test]
fn paying_but_struggling_is_soon() {
    let t = run(Topic::Hardship, &[("hardship_status", "struggling")], None);
    assert_eq!(t.urgency, Urgency::Soon);
}

#[test]
fn a_service_complaint_goes_in_writing_first() {
    let t = run(
        Topic::AccountService,
        &[("service_need", "complaint")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
    assert_eq!(
        channels(&t),
        [
            "secure_message",
            "online_account",
            "mobile_app",
            "card_services_phone"
        ]
    );
    assert!(t.deadline_ids.is_empty());
}

#[test]
fn an_address_change_is_self_service_first() {
    let t = run(
        Topic::AccountService,
        &[("service_need", "update_info")],
        None,
    );
    assert_eq!(t.urgency, Urgency::Routine);
    assert_eq!(
        channels(&t),
        [
            "online_account",
            "mobile_app",
            "secure_message",
            "card_services_phone"
        ]
    );
}
