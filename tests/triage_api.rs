//! The triage module's other entry points: tiles, questions, facts, errors, languages.

use cardhelp::engine::case::Case;
use cardhelp::engine::flow::{questions, AnswerKind};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::topic::Topic;
use cardhelp::engine::triage::{answer_facts, topics, triage, Answers, TriageError, TriageInput};
use serde_json::json;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(q, a)| (q.to_string(), a.to_string()))
        .collect()
}

fn input(topic: Topic, pairs: &[(&str, &str)]) -> TriageInput {
    TriageInput {
        topic,
        answers: answers(pairs),
        days_left: None,
        locale: Locale::En,
        situation: Default::default(),
    }
}

#[test]
fn tiles_come_in_topic_order_in_both_languages() {
    let en = topics(Locale::En).unwrap();
    let es = topics(Locale::Es).unwrap();
    let ids: Vec<Topic> = en.iter().map(|t| t.id).collect();
    assert_eq!(ids, Topic::ALL);
    assert_eq!(en[9].title, "Lost, stolen or not working card");
    assert_eq!(es[9].title, "Tarjeta perdida, robada o que no funciona");
}

#[test]
fn questions_come_with_their_buttons_and_facts() {
    let case =
        Case::from_json(r#"{"today": "2026-03-02", "topic": "payment_issue", "locale": "es"}"#)
            .unwrap();
    let qs = questions(&case).unwrap().questions;
    let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["payment_problem", "payment_method", "due_date"]);
    let method = &qs[1];
    assert_eq!(method.kind, AnswerKind::Choice);
    assert_eq!(method.fills, ["payment_method"]);
    let values: Vec<&str> = method.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(values, ["mail", "online", "phone"]);
    assert_eq!(method.options[0].label, "Por correo");
    assert_eq!(qs[2].kind, AnswerKind::Date);
    assert!(qs[2].options.is_empty());

    let case = Case::from_json(
        r#"{"today": "2026-03-02", "topic": "unauthorized_charge", "locale": "es"}"#,
    )
    .unwrap();
    let card = questions(&case).unwrap().questions;
    assert_eq!(card[0].kind, AnswerKind::YesNo);
    let labels: Vec<&str> = card[0].options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["Sí", "No"]);
    assert!(card[0].fills.is_empty());
}

#[test]
fn answers_become_deadline_engine_facts() {
    let facts = answer_facts(
        Topic::PaymentIssue,
        &answers(&[
            ("payment_problem", "not_posted"),
            ("payment_method", "mail"),
            ("due_date", "2025-08-15"),
            ("statement_mailed", "2025-07-20"),
        ]),
    )
    .unwrap();
    assert_eq!(
        serde_json::Value::Object(facts),
        json!({
            "payment_method": "mail",
            "due_date": "2025-08-15",
            "statement_mailed": "2025-07-20"
        })
    );
}

#[test]
fn a_yes_no_fact_becomes_a_boolean() {
    let facts = answer_facts(
        Topic::CreditReporting,
        &answers(&[
            ("report_dispute_received", "2025-01-06"),
            ("report_dispute_info_added", "no"),
        ]),
    )
    .unwrap();
    assert_eq!(facts["report_dispute_info_added"], json!(false));
    assert_eq!(facts["report_dispute_received"], json!("2025-01-06"));
}

#[test]
fn an_answer_to_a_question_the_topic_does_not_ask_is_an_error() {
    let err = triage(&input(Topic::Hardship, &[("still_have_card", "no")])).unwrap_err();
    assert_eq!(
        err,
        TriageError::UnknownQuestion {
            topic: Topic::Hardship,
            question: "still_have_card".into()
        }
    );
}

#[test]
fn an_answer_the_question_does_not_accept_is_an_error() {
    for (question, answer) in [
        ("card_status", "melted"),
        ("unknown_charges", "true"),
        ("statement_sent", "03/04/2025"),
        ("statement_sent", "2025-02-30"),
    ] {
        let err = triage(&input(Topic::CardProblem, &[(question, answer)])).unwrap_err();
        assert_eq!(
            err,
            TriageError::InvalidAnswer {
                question: question.into(),
                answer: answer.into()
            }
        );
    }
    let err = answer_facts(Topic::Hardship, &answers(&[("due_date", "soon")])).unwrap_err();
    assert!(matches!(err, TriageError::InvalidAnswer { .. }));
}

#[test]
fn every_topic_triages_with_no_answers_in_both_languages() {
    for locale in Locale::ALL {
        for topic in Topic::ALL {
            let t = triage(&TriageInput {
                topic,
                answers: Answers::new(),
                days_left: None,
                locale,
                situation: Default::default(),
            })
            .unwrap();
            assert!(!t.urgency_reasons.is_empty(), "{}", topic.id());
            assert!(!t.channels.is_empty(), "{}", topic.id());
            assert!(!t.steps.is_empty(), "{}", topic.id());
            assert!(!t.prepare.is_empty(), "{}", topic.id());
            assert!(!t.expectations.can.is_empty(), "{}", topic.id());
            assert!(!t.expectations.cannot.is_empty(), "{}", topic.id());
            assert!(!t.escalation.is_empty(), "{}", topic.id());
            for c in &t.channels {
                assert!(!c.name.is_empty() && !c.why.is_empty() && !c.fallback.is_empty());
            }
        }
    }
}

#[test]
fn the_same_case_reads_in_spanish() {
    let mut case = input(Topic::BillingDispute, &[("dispute_kind", "quality")]);
    let en = triage(&case).unwrap();
    case.locale = Locale::Es;
    let es = triage(&case).unwrap();
    assert_eq!(en.urgency, es.urgency);
    assert_eq!(en.deadline_ids, es.deadline_ids);
    assert!(en.steps[0].contains("15 USC 1666i"));
    assert!(es.steps[0].contains("15 USC 1666i"));
    assert_ne!(en.steps[0], es.steps[0]);
    assert_eq!(
        es.channels[1].name,
        "Carta a la dirección para errores de facturación"
    );
}

#[test]
fn channels_name_the_host_config_key_or_none() {
    let t = triage(&input(
        Topic::PaymentIssue,
        &[("payment_problem", "not_posted")],
    ))
    .unwrap();
    let key = |id: &str| {
        t.channels
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.config_key.clone())
    };
    assert_eq!(
        key("written_letter"),
        Some(Some("billing_error_address".into()))
    );
    assert_eq!(
        key("card_services_phone"),
        Some(Some("card_services_phone".into()))
    );
    let paid_twice = triage(&input(
        Topic::PaymentIssue,
        &[("payment_problem", "paid_twice")],
    ))
    .unwrap();
    let issuer_letter = paid_twice.channels.iter().find(|c| c.id == "issuer_letter");
    assert_eq!(issuer_letter.map(|c| c.config_key.clone()), Some(None));
    let letter = t
        .channels
        .iter()
        .find(|c| c.id == "written_letter")
        .unwrap();
    assert!(letter
        .fallback
        .contains("different from the payment address"));
}

#[test]
fn the_case_and_the_triage_travel_as_json() {
    let case: TriageInput = serde_json::from_value(json!({
        "topic": "card_problem",
        "answers": {"card_status": "lost"},
        "days_left": 20,
        "locale": "es"
    }))
    .unwrap();
    let out = serde_json::to_value(triage(&case).unwrap()).unwrap();
    assert_eq!(out["topic"], "card_problem");
    assert_eq!(out["urgency"], "urgent");
    assert_eq!(out["channels"][0]["id"], "fraud_phone");
    assert!(out["expectations"]["cannot"].is_array());

    let typo = serde_json::from_value::<TriageInput>(json!({"topic": "hardship", "answer": {}}));
    assert!(typo.is_err());
}
