//! Path tests: for every topic, answers in → urgency, channel order and deadlines out.

use cardhelp::engine::kb::Urgency;
use cardhelp::engine::locale::Locale;
use cardhelp::engine::topic::Topic;
use cardhelp::engine::triage::{triage, Answers, Triage, TriageInput};

fn run(topic: Topic, answers: &[(&str, &str)], days_left: Option<i64>) -> Triage {
    let answers: Answers = answers
        .iter()
        .map(|(q, a)| (q.to_string(), a.to_string()))
        .collect();
    triage(&TriageInput {
        topic,
        answers,
        days_left,
        locale: Locale::En,
        situation: Default::default(),
    })
    .unwrap()
}

fn channels(t: &Triage) -> Vec<&str> {
    t.channels.iter().map(|c| c.id.as_str()).collect()
}

fn escalations(t: &Triage) -> Vec<&str> {
    t.escalation.iter().map(|e| e.id.as_str()).collect()
}

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

const BILLING_ERROR: &str = "billing_error_notice billing_error_acknowledgment \
     billing_error_resolution billing_error_pay_or_dispute";

/// One path through a topic's questions and what triage must make of it.
struct Path {
    name: &'static str,
    topic: Topic,
    answers: &'static [(&'static str, &'static str)],
    days_left: Option<i64>,
    urgency: Urgency,
    also: Also,
}

/// What a path checks besides its urgency. Lists of ids are written space-separated, in
/// order: `None` leaves that list unchecked and `Some("")` checks that it is empty.
struct Also {
    /// How many reasons are given for the urgency.
    reasons: Option<usize>,
    channels: Option<&'static str>,
    deadline_ids: Option<&'static str>,
    letter_ids: Option<&'static str>,
    escalations: Option<&'static str>,
}

const NOTHING_ELSE: Also = Also {
    reasons: None,
    channels: None,
    deadline_ids: None,
    letter_ids: None,
    escalations: None,
};

const PATHS: &[Path] = &[
    Path {
        name: "unauthorized_charge_with_the_card_in_hand_starts_in_the_app",
        topic: Topic::UnauthorizedCharge,
        answers: &[("still_have_card", "yes"), ("statement_sent", "2025-03-04")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            reasons: Some(1),
            channels: Some("mobile_app fraud_phone online_account written_letter"),
            deadline_ids: Some(BILLING_ERROR),
            letter_ids: Some("billing_error_notice"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "unauthorized_charge_without_the_card_puts_the_fraud_line_first",
        topic: Topic::UnauthorizedCharge,
        answers: &[("still_have_card", "no")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            reasons: Some(2),
            channels: Some("fraud_phone mobile_app online_account written_letter"),
            deadline_ids: Some(BILLING_ERROR),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "billing_dispute_for_a_known_purchase_is_soon_and_written",
        topic: Topic::BillingDispute,
        answers: &[("made_purchase", "yes"), ("dispute_kind", "duplicate")],
        days_left: Some(30),
        urgency: Urgency::Soon,
        also: Also {
            channels: Some("dispute_form written_letter card_services_phone secure_message"),
            deadline_ids: Some(
                "network_dispute_window billing_error_notice billing_error_acknowledgment \
                 billing_error_resolution billing_error_pay_or_dispute",
            ),
            letter_ids: Some("billing_error_notice"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "billing_dispute_for_a_purchase_you_did_not_make_becomes_fraud",
        topic: Topic::BillingDispute,
        answers: &[("made_purchase", "no")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some(
                "fraud_phone dispute_form written_letter card_services_phone secure_message",
            ),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_days_left_deadline_raises_even_a_routine_topic",
        topic: Topic::FeesInterest,
        answers: &[("fee_kind", "late_fee")],
        days_left: Some(5),
        urgency: Urgency::Urgent,
        also: NOTHING_ELSE,
    },
    Path {
        name: "a_late_fee_courtesy_request_is_routine",
        topic: Topic::FeesInterest,
        answers: &[("fee_kind", "late_fee"), ("charge_is_error", "no")],
        days_left: None,
        urgency: Urgency::Routine,
        also: Also {
            channels: Some("card_services_phone online_account secure_message"),
            deadline_ids: Some("payment_on_time"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_rate_increase_the_cardholder_thinks_is_wrong_adds_the_terms_clock",
        topic: Topic::FeesInterest,
        answers: &[
            ("fee_kind", "interest"),
            ("charge_is_error", "yes"),
            ("rate_notice_sent", "2025-05-01"),
        ],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            deadline_ids: Some(
                "billing_error_notice billing_error_acknowledgment billing_error_resolution \
                 billing_error_pay_or_dispute terms_change_effective \
                 rate_increase_protected_balance",
            ),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_returned_payment_is_urgent_and_no_billing_error",
        topic: Topic::PaymentIssue,
        answers: &[
            ("payment_problem", "returned"),
            ("payment_method", "online"),
        ],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some("card_services_phone online_account secure_message"),
            deadline_ids: Some("payment_on_time statement_grace_21"),
            letter_ids: Some(""),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "paying_twice_adds_the_refund_letter",
        topic: Topic::PaymentIssue,
        answers: &[("payment_problem", "paid_twice")],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            channels: Some("card_services_phone online_account secure_message issuer_letter"),
            letter_ids: Some("credit_balance_refund_request"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "identity_theft_on_a_card_of_this_company_adds_billing_error_rights",
        topic: Topic::IdentityTheft,
        answers: &[
            ("theft_kind", "existing_card"),
            ("account_holder", "this_company"),
        ],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some("fraud_phone online_account secure_message written_letter"),
            deadline_ids: Some(
                "fraud_alert_expires freeze_in_place billing_error_notice \
                 billing_error_acknowledgment billing_error_resolution \
                 billing_error_pay_or_dispute",
            ),
            letter_ids: Some("billing_error_notice"),
            escalations: Some(
                "extended_fraud_alert credit_report_dispute issuer_complaint cfpb_complaint",
            ),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "identity_theft_with_a_new_account_needs_no_billing_letter",
        topic: Topic::IdentityTheft,
        answers: &[
            ("theft_kind", "new_account"),
            ("freeze_requested", "2025-06-02"),
            ("freeze_request_method", "mail"),
        ],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some("fraud_phone online_account secure_message"),
            deadline_ids: Some("fraud_alert_expires freeze_in_place"),
            letter_ids: Some(""),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_wrong_late_mark_on_a_credit_report_is_routine",
        topic: Topic::CreditReporting,
        answers: &[("report_problem", "late_mark")],
        days_left: None,
        urgency: Urgency::Routine,
        also: Also {
            channels: Some("card_services_phone secure_message issuer_letter"),
            deadline_ids: Some("report_dispute_result"),
            escalations: Some("credit_report_dispute issuer_complaint cfpb_complaint"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "an_account_that_is_not_yours_on_a_report_is_urgent_identity_theft",
        topic: Topic::CreditReporting,
        answers: &[("report_problem", "not_mine")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            deadline_ids: Some("report_dispute_result"),
            escalations: Some(
                "extended_fraud_alert credit_report_dispute issuer_complaint cfpb_complaint",
            ),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "closing_your_own_account_is_routine",
        topic: Topic::AccountClosure,
        answers: &[("closure_reason", "close_it")],
        days_left: None,
        urgency: Urgency::Routine,
        also: Also {
            channels: Some("card_services_phone secure_message online_account issuer_letter"),
            deadline_ids: Some(""),
            letter_ids: Some(""),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "an_issuer_closure_with_money_owed_brings_two_letters",
        topic: Topic::AccountClosure,
        answers: &[
            ("closure_reason", "issuer_closed"),
            ("adverse_action_date", "2025-02-10"),
            ("notice_gave_reasons", "no"),
            ("credit_balance", "yes"),
        ],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            deadline_ids: Some(
                "adverse_action_notice adverse_action_reasons_request \
                 adverse_action_reasons_answer credit_balance_refund credit_balance_six_months",
            ),
            letter_ids: Some("adverse_action_reasons_request credit_balance_refund_request"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "rejecting_a_change_in_terms_adds_the_terms_clock",
        topic: Topic::AccountClosure,
        answers: &[("closure_reason", "reject_change")],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            deadline_ids: Some("terms_change_effective"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_limit_cut_over_the_new_limit_is_soon_with_both_reasons",
        topic: Topic::CreditLimitApplication,
        answers: &[
            ("limit_event", "limit_cut"),
            ("notice_gave_reasons", "no"),
            ("over_limit", "yes"),
        ],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            reasons: Some(2),
            channels: Some("card_services_phone online_account issuer_letter secure_message"),
            deadline_ids: Some(
                "adverse_action_notice adverse_action_reasons_request adverse_action_reasons_answer",
            ),
            letter_ids: Some("adverse_action_reasons_request"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "wanting_a_higher_limit_is_routine",
        topic: Topic::CreditLimitApplication,
        answers: &[("limit_event", "want_more")],
        days_left: None,
        urgency: Urgency::Routine,
        also: NOTHING_ELSE,
    },
    Path {
        name: "a_plain_rewards_question_is_routine",
        topic: Topic::RewardsPromotions,
        answers: &[("rewards_problem", "missing")],
        days_left: None,
        urgency: Urgency::Routine,
        also: Also {
            channels: Some("online_account mobile_app secure_message card_services_phone"),
            deadline_ids: Some(""),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_promotional_rate_not_applied_is_a_billing_error",
        topic: Topic::RewardsPromotions,
        answers: &[
            ("rewards_problem", "promo_rate"),
            ("statement_sent", "2025-04-15"),
        ],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            deadline_ids: Some(BILLING_ERROR),
            letter_ids: Some("billing_error_notice"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_lost_card_is_urgent_with_the_fraud_line_first",
        topic: Topic::CardProblem,
        answers: &[("card_status", "lost")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some("fraud_phone mobile_app card_services_phone online_account"),
            deadline_ids: Some(""),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_stolen_card_with_strange_charges_adds_the_billing_error_letter",
        topic: Topic::CardProblem,
        answers: &[("card_status", "stolen"), ("unknown_charges", "yes")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some(
                "fraud_phone mobile_app card_services_phone online_account written_letter",
            ),
            deadline_ids: Some(BILLING_ERROR),
            letter_ids: Some("billing_error_notice"),
            escalations: Some("issuer_complaint cfpb_complaint"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_declined_card_goes_to_card_services_first",
        topic: Topic::CardProblem,
        answers: &[("card_status", "declined")],
        days_left: None,
        urgency: Urgency::Soon,
        also: Also {
            channels: Some("card_services_phone mobile_app fraud_phone online_account"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "a_missed_payment_is_urgent",
        topic: Topic::Hardship,
        answers: &[("hardship_status", "behind"), ("due_date", "2025-07-01")],
        days_left: None,
        urgency: Urgency::Urgent,
        also: Also {
            channels: Some("card_services_phone secure_message online_account"),
            deadline_ids: Some("payment_on_time"),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "paying_but_struggling_is_soon",
        topic: Topic::Hardship,
        answers: &[("hardship_status", "struggling")],
        days_left: None,
        urgency: Urgency::Soon,
        also: NOTHING_ELSE,
    },
    Path {
        name: "a_service_complaint_goes_in_writing_first",
        topic: Topic::AccountService,
        answers: &[("service_need", "complaint")],
        days_left: None,
        urgency: Urgency::Routine,
        also: Also {
            channels: Some("secure_message online_account mobile_app card_services_phone"),
            deadline_ids: Some(""),
            ..NOTHING_ELSE
        },
    },
    Path {
        name: "an_address_change_is_self_service_first",
        topic: Topic::AccountService,
        answers: &[("service_need", "update_info")],
        days_left: None,
        urgency: Urgency::Routine,
        also: Also {
            channels: Some("online_account mobile_app secure_message card_services_phone"),
            ..NOTHING_ELSE
        },
    },
];

/// Fails naming the path and the part when `want` (space-separated ids) is given and
/// differs from `got`.
#[track_caller]
fn check_ids(path: &str, part: &str, got: Vec<&str>, want: Option<&str>) {
    if let Some(want) = want {
        let want: Vec<&str> = want.split_whitespace().collect();
        assert_eq!(got, want, "{path}: {part}");
    }
}

#[test]
fn every_path_gives_its_urgency_channels_deadlines_letters_and_escalations() {
    for p in PATHS {
        let t = run(p.topic, p.answers, p.days_left);
        assert_eq!(t.urgency, p.urgency, "{}: urgency", p.name);
        if let Some(n) = p.also.reasons {
            assert_eq!(
                t.urgency_reasons.len(),
                n,
                "{}: urgency reasons {:?}",
                p.name,
                t.urgency_reasons
            );
        }
        check_ids(p.name, "channels", channels(&t), p.also.channels);
        check_ids(
            p.name,
            "deadline ids",
            ids(&t.deadline_ids),
            p.also.deadline_ids,
        );
        check_ids(p.name, "letter ids", ids(&t.letter_ids), p.also.letter_ids);
        check_ids(p.name, "escalations", escalations(&t), p.also.escalations);
    }
}

#[test]
fn unauthorized_charge_without_the_card_starts_with_the_lost_or_stolen_step() {
    let t = run(
        Topic::UnauthorizedCharge,
        &[("still_have_card", "no")],
        None,
    );
    assert!(t.steps[0].contains("lost or stolen"), "{:?}", t.steps);
}

#[test]
fn a_lost_card_starts_by_locking_the_card() {
    let t = run(Topic::CardProblem, &[("card_status", "lost")], None);
    assert!(t.steps[0].starts_with("Lock the card"));
}

#[test]
fn paying_twice_adds_the_refund_clocks_last() {
    let t = run(
        Topic::PaymentIssue,
        &[("payment_problem", "paid_twice")],
        None,
    );
    let last: Vec<&str> = t
        .deadline_ids
        .iter()
        .rev()
        .take(2)
        .map(String::as_str)
        .collect();
    assert_eq!(last, ["credit_balance_six_months", "credit_balance_refund"]);
}

#[test]
fn a_promotional_rate_not_applied_ends_with_the_written_letter() {
    let t = run(
        Topic::RewardsPromotions,
        &[
            ("rewards_problem", "promo_rate"),
            ("statement_sent", "2025-04-15"),
        ],
        None,
    );
    assert_eq!(channels(&t).last(), Some(&"written_letter"));
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
