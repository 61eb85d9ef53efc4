//! The question flow and the advice around the clocks, as a cardholder meets them.
//!
//! Each case below is a situation from a walk through the widget: answers in, then the
//! questions still asked, the deadlines dated, and what the plan says and must not say.
//! The last tests walk every topic's flow with every kind of answer and check that every
//! deadline a topic lists can be reached, and that no path asks too much.

use std::collections::BTreeSet;

use cardhelp::engine::case::Case;
use cardhelp::engine::flow::{questions, AnswerKind};
use cardhelp::engine::kb::{kb, MAX_ASKED};
use cardhelp::engine::plan::{plan, Plan};
use cardhelp::engine::topic::Topic;
use serde_json::{json, Value};

/// A case for `topic` on `today` with these answers (and any extra top-level keys).
fn case(today: &str, topic: &str, answers: Value, extra: Value) -> Case {
    let mut c = json!({"today": today, "topic": topic, "answers": answers});
    if let (Some(c), Some(extra)) = (c.as_object_mut(), extra.as_object()) {
        c.extend(extra.clone());
    }
    Case::from_value(&c).unwrap_or_else(|e| panic!("bad case: {e}"))
}

fn asked(c: &Case) -> Vec<String> {
    questions(c)
        .unwrap()
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect()
}

/// Every sentence the plan tells the cardholder about what to do and what to expect.
fn told(p: &Plan) -> String {
    let a = p.advice.as_ref().expect("advice");
    [
        a.urgency_reasons.clone(),
        a.steps.clone(),
        a.expectations.can.clone(),
        a.expectations.cannot.clone(),
        a.channels.iter().map(|c| c.why.clone()).collect(),
    ]
    .concat()
    .join("\n")
}

fn letters(p: &Plan) -> Vec<&str> {
    let a = p.advice.as_ref().unwrap();
    a.letters.iter().map(String::as_str).collect()
}

fn deadline_ids(p: &Plan) -> Vec<&str> {
    p.deadlines.iter().map(|d| d.id.as_str()).collect()
}

/// The phrases that tell a cardholder they may hold back the disputed amount.
const WITHHOLDING: [&str; 2] = ["don't have to pay", "make you pay"];

#[test]
fn once_the_sixty_days_have_passed_nobody_is_told_they_may_withhold_payment() {
    // Statement sent October 1; on December 3 the window closed November 30.
    let c = case(
        "2026-12-03",
        "billing_dispute",
        json!({"made_purchase": "yes", "dispute_kind": "wrong_amount", "statement_sent": "2026-10-01", "notice_sent": "no"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let notice = p
        .deadlines
        .iter()
        .find(|d| d.id == "billing_error_notice")
        .unwrap();
    assert_eq!(notice.date.to_string(), "2026-11-30");
    let text = told(&p);
    for phrase in WITHHOLDING {
        assert!(!text.contains(phrase), "says {phrase:?}:\n{text}");
    }
    assert!(
        text.contains("Keep paying at least your minimum payment"),
        "{text}"
    );
    assert!(text.contains("look into the charge anyway"), "{text}");
    assert!(text.contains("chargeback"), "{text}");
    assert_eq!(
        letters(&p),
        ["dispute_request"],
        "no FCBA notice for a passed date"
    );
}

#[test]
fn while_the_window_is_open_the_protection_is_promised_only_for_a_notice_that_arrives_in_time() {
    let c = case(
        "2026-10-20",
        "billing_dispute",
        json!({"made_purchase": "yes", "statement_sent": "2026-10-01"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let text = told(&p);
    assert!(
        text.contains("Once your written notice arrives in time"),
        "{text}"
    );
    assert!(text.contains("arrives by November 30, 2026"), "{text}");
    assert!(text.contains("mail it by November 23, 2026"), "{text}");
    assert!(text.contains("pay your bill as usual, including the amount you're disputing"));
    assert_eq!(letters(&p), ["billing_error_notice"]);
}

#[test]
fn with_the_mail_by_date_passed_the_plan_says_so_and_gives_what_still_works() {
    // 60 days end November 30; on November 26 four days are left and mailing is late.
    let answers = json!({"made_purchase": "yes", "statement_sent": "2026-10-01"});
    let unknown = plan(&case(
        "2026-11-26",
        "billing_dispute",
        answers.clone(),
        json!({}),
    ))
    .unwrap();
    let notice = unknown
        .deadlines
        .iter()
        .find(|d| d.id == "billing_error_notice")
        .unwrap();
    assert_eq!(notice.days_left, 4);
    let text = told(&unknown);
    assert!(
        text.contains("ordinary mail may now arrive too late"),
        "{text}"
    );
    assert!(text.contains("overnight"), "{text}");
    assert!(
        text.contains("Check the billing-rights section of your statement"),
        "{text}"
    );

    let form_counts = json!({"config": {"dispute_form_is_written_notice": true}});
    let text = told(
        &plan(&case(
            "2026-11-26",
            "billing_dispute",
            answers.clone(),
            form_counts,
        ))
        .unwrap(),
    );
    assert!(
        text.contains("accepts its online dispute form as the written notice"),
        "{text}"
    );
    assert!(!text.contains("Check the billing-rights section"), "{text}");

    let form_does_not = json!({"config": {"dispute_form_is_written_notice": false}});
    let text = told(
        &plan(&case(
            "2026-11-26",
            "billing_dispute",
            answers,
            form_does_not,
        ))
        .unwrap(),
    );
    assert!(!text.contains("online dispute form"), "{text}");
    assert!(text.contains("overnight"), "{text}");
}

#[test]
fn a_notice_received_in_time_moves_the_plan_to_the_card_companys_clocks() {
    let c = case(
        "2026-11-10",
        "unauthorized_charge",
        json!({"still_have_card": "yes", "statement_sent": "2026-10-01", "notice_sent": "yes", "notice_received": "2026-10-20"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let ids = deadline_ids(&p);
    assert!(ids.contains(&"billing_error_acknowledgment"), "{ids:?}");
    assert!(ids.contains(&"billing_error_resolution"), "{ids:?}");
    assert_eq!(asked(&c), ["transaction_date", "decision_made"]);

    let c = case(
        "2026-11-10",
        "unauthorized_charge",
        json!({"still_have_card": "yes", "statement_sent": "2026-10-01", "notice_sent": "yes",
               "notice_received": "2026-10-20", "decision_made": "no"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let text = told(&p);
    assert!(text.contains("got your notice in time"), "{text}");
    assert!(
        text.contains("you don't have to pay the disputed amount"),
        "{text}"
    );
    assert!(
        letters(&p).is_empty(),
        "the notice is already sent: {:?}",
        letters(&p)
    );
}

#[test]
fn after_the_decision_the_cardholder_learns_the_pay_or_dispute_date() {
    let c = case(
        "2026-12-01",
        "billing_dispute",
        json!({"made_purchase": "yes", "statement_sent": "2026-10-01", "notice_sent": "yes",
               "notice_received": "2026-10-20", "decision_made": "yes",
               "billing_error_decision_date": "2026-11-28"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    assert!(deadline_ids(&p).contains(&"billing_error_pay_or_dispute"));
    let text = told(&p);
    assert!(
        text.contains("If you still disagree with their decision"),
        "{text}"
    );
    for phrase in WITHHOLDING {
        assert!(
            !text.contains(phrase),
            "says {phrase:?} after a decision:\n{text}"
        );
    }
}

#[test]
fn a_poor_quality_complaint_is_not_a_billing_error_so_no_withholding_is_promised() {
    // Even with a written dispute received in time, quality of accepted goods is not a
    // billing error (comment 13(a)(3)-1.ii): only the claims-and-defenses route applies.
    let c = case(
        "2026-11-10",
        "billing_dispute",
        json!({"made_purchase": "yes", "dispute_kind": "quality", "statement_sent": "2026-10-01",
               "notice_sent": "yes", "notice_received": "2026-10-20", "decision_made": "no"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let text = told(&p);
    for phrase in WITHHOLDING {
        assert!(!text.contains(phrase), "says {phrase:?}:\n{text}");
    }
    assert!(text.contains("15 USC 1666i"), "{text}");
}

#[test]
fn a_late_notice_gets_no_promise_about_how_a_decision_may_be_reported() {
    let c = case(
        "2026-12-20",
        "billing_dispute",
        json!({"made_purchase": "yes", "statement_sent": "2026-10-01", "notice_sent": "yes",
               "notice_received": "2026-12-05", "decision_made": "yes",
               "billing_error_decision_date": "2026-12-15"}),
        json!({}),
    );
    let text = told(&plan(&c).unwrap());
    assert!(
        !text.contains("If you still disagree with their decision"),
        "{text}"
    );
    assert!(
        text.contains("didn't arrive by November 30, 2026"),
        "{text}"
    );
}

#[test]
fn a_closure_for_inactivity_or_late_payments_owes_no_reasons() {
    for why in ["inactive", "behind"] {
        let c = case(
            "2026-11-10",
            "account_closure",
            json!({"closure_reason": "issuer_closed", "closure_why": why, "notice_gave_reasons": "no"}),
            json!({}),
        );
        let p = plan(&c).unwrap();
        let a = p.advice.as_ref().unwrap();
        assert!(
            !a.deadline_ids
                .iter()
                .any(|d| d.starts_with("adverse_action")),
            "{why}: {:?}",
            a.deadline_ids
        );
        assert!(
            a.steps.iter().all(|s| !s.starts_with("Ask in writing")),
            "{why}: {:?}",
            a.steps
        );
        assert!(
            a.steps.iter().any(|s| s.contains("1002.2(c)(2)(ii)")),
            "{why}"
        );
    }
}

#[test]
fn a_question_is_asked_only_when_its_answer_can_change_the_plan() {
    // The sent date is known: no closing date.
    let c = case(
        "2026-11-10",
        "unauthorized_charge",
        json!({"statement_sent": "2026-10-01"}),
        json!({}),
    );
    assert!(!asked(&c).contains(&"statement_closing".to_owned()));
    // No unrecognized charges: no statement questions at all.
    let c = case(
        "2026-11-10",
        "card_problem",
        json!({"card_status": "lost", "unknown_charges": "no"}),
        json!({}),
    );
    assert_eq!(asked(&c), Vec::<String>::new());
    // No freeze: no "when" or "how".
    let c = case(
        "2026-11-10",
        "identity_theft",
        json!({"theft_kind": "exposed", "protection_done": "none"}),
        json!({}),
    );
    let q = asked(&c);
    assert!(
        !q.contains(&"freeze_requested".to_owned())
            && !q.contains(&"freeze_request_method".to_owned()),
        "{q:?}"
    );
    // Closing an account: no rate-notice question.
    let c = case(
        "2026-11-10",
        "account_closure",
        json!({"closure_reason": "close_it"}),
        json!({}),
    );
    assert_eq!(asked(&c), ["credit_balance"]);
    // A late fee is a payment question first.
    let c = case(
        "2026-11-10",
        "fees_interest",
        json!({"fee_kind": "late_fee"}),
        json!({}),
    );
    assert_eq!(asked(&c), ["payment_method", "due_date", "charge_is_error"]);
}

#[test]
fn a_mailed_late_fee_payment_shows_the_mail_rule() {
    let c = case(
        "2026-11-10",
        "fees_interest",
        json!({"fee_kind": "late_fee", "payment_method": "mail", "due_date": "2026-11-01"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let on_time = p
        .deadlines
        .iter()
        .find(|d| d.id == "payment_on_time")
        .unwrap();
    // November 1, 2026 is a Sunday: a mailed payment arriving Monday is on time.
    assert_eq!(on_time.date.to_string(), "2026-11-02");
    assert!(!deadline_ids(&p).contains(&"terms_change_effective"));
}

#[test]
fn identity_theft_at_another_company_does_not_send_the_cardholder_to_this_issuers_line() {
    let c = case(
        "2026-11-10",
        "identity_theft",
        json!({"theft_kind": "new_account", "account_holder": "other_company"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let a = p.advice.as_ref().unwrap();
    assert_eq!(a.channels[0].id, "other_company");
    assert!(
        a.steps[0].contains("fraud department of the company"),
        "{:?}",
        a.steps
    );
    assert!(a
        .steps
        .iter()
        .any(|s| s.starts_with("Protect your credit first")));
    let unique: BTreeSet<&String> = a.steps.iter().collect();
    assert_eq!(unique.len(), a.steps.len(), "no step twice: {:?}", a.steps);
    assert!(a
        .escalation
        .iter()
        .all(|e| e.id != "fraud_alert" && e.id != "security_freeze"));
}

#[test]
fn the_letters_get_what_the_answers_already_said() {
    use cardhelp::engine::config::HostConfig;
    use cardhelp::engine::export::letter_fields;
    use cardhelp::engine::letter::{render, LetterFields, LetterKind};
    let c = case(
        "2026-10-20",
        "billing_dispute",
        json!({"made_purchase": "yes", "dispute_kind": "duplicate", "statement_sent": "2026-10-01"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    let fields = letter_fields(
        &p,
        LetterKind::BillingErrorNotice,
        &LetterFields::default(),
        &HostConfig::default(),
    );
    let letter = render(LetterKind::BillingErrorNotice, &fields, p.locale);
    assert!(
        letter
            .body
            .contains("I was charged more than once for the same purchase."),
        "{}",
        letter.body
    );
    assert!(
        letter.body.contains("statement dated October 1, 2026"),
        "{}",
        letter.body
    );

    let c = case(
        "2026-10-20",
        "credit_limit_application",
        json!({"limit_event": "limit_cut", "notice_gave_reasons": "no", "adverse_action_notice_date": "2026-10-05"}),
        json!({}),
    );
    let p = plan(&c).unwrap();
    assert_eq!(letters(&p), ["adverse_action_reasons_request"]);
    let fields = letter_fields(
        &p,
        LetterKind::AdverseActionReasonsRequest,
        &LetterFields::default(),
        &HostConfig::default(),
    );
    assert_eq!(fields.notice_date.as_deref(), Some("2026-10-05"));
    assert!(fields.receive_by.is_some());
    let letter = render(LetterKind::AdverseActionReasonsRequest, &fields, p.locale);
    assert!(
        !letter.missing.contains(&"adverse_action"),
        "{:?}",
        letter.missing
    );
}

/// A small deterministic generator, so the walks are the same on every run.
struct Walk(u64);

impl Walk {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Walks a topic's flow once, answering at random (a skip is one of the choices), and
/// returns the questions asked and the plan's deadline ids.
fn walk(topic: Topic, rng: &mut Walk) -> (usize, Vec<String>) {
    let today = "2026-11-10";
    // Dates a cardholder might give: long ago, recently, and (for a due date) ahead.
    let dates = ["2026-08-20", "2026-10-01", "2026-10-25", "2026-11-20"];
    let mut answers = serde_json::Map::new();
    let mut skipped: Vec<String> = Vec::new();
    let mut count = 0;
    loop {
        let c = case(today, topic.id(), Value::Object(answers.clone()), json!({}));
        let next = questions(&c)
            .unwrap()
            .questions
            .into_iter()
            .find(|q| !skipped.contains(&q.id));
        let Some(q) = next else {
            let ids = plan(&c)
                .unwrap()
                .deadlines
                .into_iter()
                .map(|d| d.id)
                .collect();
            return (count, ids);
        };
        count += 1;
        let mut choices: Vec<String> = match q.kind {
            AnswerKind::YesNo | AnswerKind::Choice => {
                q.options.iter().map(|o| o.id.clone()).collect()
            }
            AnswerKind::Date if q.id == "due_date" => dates.iter().map(|d| d.to_string()).collect(),
            AnswerKind::Date => dates[..3].iter().map(|d| d.to_string()).collect(),
            AnswerKind::DayOfMonth => vec!["5".into(), "28".into()],
        };
        choices.push(String::new());
        let pick = choices.swap_remove(rng.below(choices.len()));
        if pick.is_empty() {
            skipped.push(q.id);
        } else {
            answers.insert(q.id, Value::String(pick));
        }
    }
}

#[test]
fn every_deadline_a_topic_lists_is_reachable_and_no_path_asks_too_much() {
    let kb = kb().unwrap();
    let mut rng = Walk(7);
    for topic in Topic::ALL {
        let guide = kb.guide(topic);
        let listed: BTreeSet<&str> = guide
            .deadlines
            .iter()
            .map(|p| p.id.as_str())
            .chain(
                guide
                    .rules
                    .iter()
                    .flat_map(|r| r.add_deadlines.iter().map(String::as_str)),
            )
            .collect();
        let mut reached = BTreeSet::new();
        let mut longest = 0;
        for _ in 0..1500 {
            let (count, ids) = walk(topic, &mut rng);
            longest = longest.max(count);
            reached.extend(ids);
        }
        for id in &listed {
            assert!(reached.contains(*id), "{}: {id} is never dated", topic.id());
        }
        assert!(
            longest <= MAX_ASKED,
            "{}: a path asks {longest} questions",
            topic.id()
        );
        println!(
            "{:>26}: longest path {longest} questions, {} deadlines reached",
            topic.id(),
            reached.len()
        );
    }
}
