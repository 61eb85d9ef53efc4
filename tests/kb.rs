//! The knowledge base loads clean, and broken data is rejected with the specific error.

use cardhelp::engine::kb::{kb, IdKind, Kb, KbError, KbSources, SHIPPED};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::topic::Topic;
use serde_json::{json, Value};

#[derive(Clone, Copy)]
enum File {
    Topics,
    Questions,
    Channels,
    Escalations,
}

/// Loads the shipped KB with one file parsed, edited and re-serialized.
fn load_edited(file: File, edit: impl FnOnce(&mut Value)) -> Result<Kb, KbError> {
    let original = match file {
        File::Topics => SHIPPED.topics,
        File::Questions => SHIPPED.questions,
        File::Channels => SHIPPED.channels,
        File::Escalations => SHIPPED.escalations,
    };
    let mut value: Value = serde_json::from_str(original).unwrap();
    edit(&mut value);
    let edited = value.to_string();
    let mut sources = SHIPPED;
    match file {
        File::Topics => sources.topics = &edited,
        File::Questions => sources.questions = &edited,
        File::Channels => sources.channels = &edited,
        File::Escalations => sources.escalations = &edited,
    }
    Kb::load(sources)
}

/// The shipped topic entry with this id, for editing.
fn topic<'a>(topics: &'a mut Value, id: &str) -> &'a mut Value {
    topics["topics"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["id"] == id)
        .unwrap()
}

fn question<'a>(questions: &'a mut Value, id: &str) -> &'a mut Value {
    questions["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|q| q["id"] == id)
        .unwrap()
}

/// The unknown-id error for this kind and id, found at `at`.
fn unknown_at(kind: IdKind, id: &str, at: &str) -> KbError {
    KbError::UnknownId {
        kind,
        id: id.into(),
        at: at.into(),
    }
}

/// `e` is an unknown-id error for this kind and id, wherever it was found.
fn is_unknown(e: &KbError, kind: IdKind, id: &str) -> bool {
    matches!(e, KbError::UnknownId { kind: k, id: i, .. } if *k == kind && i == id)
}

#[test]
fn shipped_data_loads_clean() {
    let kb = kb().unwrap_or_else(|e| panic!("shipped KB is invalid: {e}"));
    assert_eq!(kb.guides().len(), 12);
    for (guide, t) in kb.guides().iter().zip(Topic::ALL) {
        assert_eq!(guide.id, t.id());
    }
}

/// A broken edit to the shipped data and the specific error it must give.
struct Broken {
    name: &'static str,
    file: File,
    edit: fn(&mut Value),
    expect: fn(&KbError) -> bool,
}

const BROKEN: &[Broken] = &[
    Broken {
        name: "an_unknown_key_in_a_topic_is_a_schema_error",
        file: File::Topics,
        edit: |v| topic(v, "hardship")["colour"] = json!("red"),
        expect: |e| matches!(e, KbError::Json { file: "topics.json", message } if message.contains("unknown field `colour`")),
    },
    Broken {
        name: "an_unknown_key_in_a_channel_is_a_schema_error",
        file: File::Channels,
        edit: |v| v[0]["hours"] = json!("24/7"),
        expect: |e| matches!(e, KbError::Json { file: "channels.json", message } if message.contains("unknown field `hours`")),
    },
    Broken {
        name: "an_unknown_key_in_a_text_is_a_schema_error",
        file: File::Escalations,
        edit: |v| v[0]["title"]["fr"] = json!("Plainte"),
        expect: |e| matches!(e, KbError::Json { file: "escalations.json", message } if message.contains("unknown field `fr`")),
    },
    Broken {
        name: "a_missing_spanish_text_is_a_schema_error",
        file: File::Questions,
        edit: |v| {
            question(v, "due_date")["prompt"]
                .as_object_mut()
                .unwrap()
                .remove("es");
        },
        expect: |e| matches!(e, KbError::Json { file: "questions.json", message } if message.contains("missing field `es`")),
    },
    Broken {
        name: "an_empty_spanish_text_is_named_with_its_place",
        file: File::Topics,
        edit: |v| topic(v, "card_problem")["cannot"][1]["es"] = json!("  "),
        expect: |e| {
            *e == KbError::EmptyText {
                at: "topic card_problem cannot 1".into(),
                locale: Locale::Es,
            }
        },
    },
    Broken {
        name: "a_duplicate_topic_is_rejected",
        file: File::Topics,
        edit: |v| {
            let copy = topic(v, "hardship").clone();
            v["topics"].as_array_mut().unwrap().push(copy);
        },
        expect: |e| matches!(e, KbError::DuplicateId { kind: IdKind::Topic, id, .. } if id == "hardship"),
    },
    Broken {
        name: "a_missing_topic_is_rejected",
        file: File::Topics,
        edit: |v| {
            v["topics"]
                .as_array_mut()
                .unwrap()
                .retain(|t| t["id"] != "rewards_promotions");
        },
        expect: |e| {
            *e == KbError::MissingTopic {
                topic: Topic::RewardsPromotions,
            }
        },
    },
    Broken {
        name: "an_unknown_topic_id_is_rejected",
        file: File::Topics,
        edit: |v| topic(v, "hardship")["id"] = json!("debt"),
        expect: |e| is_unknown(e, IdKind::Topic, "debt"),
    },
    Broken {
        name: "a_topic_asking_an_unknown_question_is_a_dangling_reference",
        file: File::Topics,
        edit: |v| topic(v, "hardship")["questions"] = json!(["hardship_status", "income"]),
        expect: |e| *e == unknown_at(IdKind::Question, "income", "topic hardship question income"),
    },
    Broken {
        name: "an_unknown_channel_is_a_dangling_reference",
        file: File::Topics,
        edit: |v| topic(v, "hardship")["channels"][0]["id"] = json!("branch_visit"),
        expect: |e| is_unknown(e, IdKind::Channel, "branch_visit"),
    },
    Broken {
        name: "an_unknown_escalation_is_a_dangling_reference",
        file: File::Topics,
        edit: |v| topic(v, "hardship")["escalations"] = json!(["issuer_complaint", "lawsuit"]),
        expect: |e| is_unknown(e, IdKind::Escalation, "lawsuit"),
    },
    Broken {
        name: "an_unknown_deadline_is_a_dangling_reference",
        file: File::Escalations,
        edit: |v| v[1]["deadlines"] = json!(["cfpb_company_response", "cfpb_forever"]),
        expect: |e| is_unknown(e, IdKind::Deadline, "cfpb_forever"),
    },
    Broken {
        name: "an_unknown_letter_in_a_rule_is_a_dangling_reference",
        file: File::Topics,
        edit: |v| {
            topic(v, "account_closure")["rules"][2]["add_letters"] = json!(["thank_you_note"])
        },
        expect: |e| {
            *e == unknown_at(
                IdKind::Letter,
                "thank_you_note",
                "topic account_closure rule 2",
            )
        },
    },
    Broken {
        name: "an_unknown_fact_is_a_dangling_reference",
        file: File::Questions,
        edit: |v| question(v, "due_date")["fact"] = json!("due_day"),
        expect: |e| is_unknown(e, IdKind::Fact, "due_day"),
    },
    Broken {
        name: "an_unknown_host_config_key_is_a_dangling_reference",
        file: File::Channels,
        edit: |v| v[0]["config_key"] = json!("phone_number"),
        expect: |e| is_unknown(e, IdKind::ConfigKey, "phone_number"),
    },
    Broken {
        name: "a_condition_on_an_answer_the_question_cannot_take_is_rejected",
        file: File::Topics,
        edit: |v| {
            topic(v, "card_problem")["rules"][0]["when"][0]["in"] = json!(["lost", "misplaced"])
        },
        expect: |e| *e == unknown_at(IdKind::Answer, "misplaced", "topic card_problem rule 0"),
    },
    Broken {
        name: "a_condition_on_a_question_the_topic_does_not_ask_is_rejected",
        file: File::Topics,
        edit: |v| {
            topic(v, "hardship")["rules"][0]["when"][0] =
                json!({"question": "still_have_card", "in": ["no"]});
        },
        expect: |e| matches!(e, KbError::Invalid { at, problem } if at == "topic hardship rule 0" && problem.contains("does not ask")),
    },
    Broken {
        name: "a_condition_on_a_date_is_rejected",
        file: File::Topics,
        edit: |v| {
            topic(v, "hardship")["rules"][0]["when"][0] =
                json!({"question": "due_date", "in": ["2025-01-01"]});
        },
        expect: |e| matches!(e, KbError::Invalid { problem, .. } if problem.contains("date")),
    },
    Broken {
        name: "promoting_a_channel_the_topic_does_not_list_is_rejected",
        file: File::Topics,
        edit: |v| topic(v, "hardship")["rules"][0]["channels_first"] = json!(["fraud_phone"]),
        expect: |e| matches!(e, KbError::Invalid { problem, .. } if problem.contains("channels_first")),
    },
    Broken {
        name: "a_rule_that_changes_nothing_is_rejected",
        file: File::Topics,
        edit: |v| {
            let rule = &mut topic(v, "hardship")["rules"][0];
            let when = rule["when"].clone();
            *rule = json!({ "when": when });
        },
        expect: |e| {
            *e == KbError::Invalid {
                at: "topic hardship rule 0".into(),
                problem: "a rule changes nothing",
            }
        },
    },
    Broken {
        name: "a_duplicate_question_id_is_rejected",
        file: File::Questions,
        edit: |v| question(v, "over_limit")["id"] = json!("due_date"),
        expect: |e| matches!(e, KbError::DuplicateId { kind: IdKind::Question, id, .. } if id == "due_date"),
    },
    Broken {
        name: "more_questions_than_a_topic_may_list_is_rejected",
        file: File::Topics,
        edit: |v| {
            // 13 of its own and from the billing-error block, then 10 more: 23.
            let extra = [
                "fee_kind",
                "charge_is_error",
                "payment_problem",
                "payment_method",
                "due_date",
                "statement_mailed",
                "card_status",
                "unknown_charges",
                "theft_kind",
                "protection_done",
            ];
            let questions = topic(v, "billing_dispute")["questions"]
                .as_array_mut()
                .unwrap();
            questions.extend(extra.map(|q| json!(q)));
        },
        expect: |e| {
            *e == KbError::TooManyQuestions {
                topic: Topic::BillingDispute,
                count: 23,
            }
        },
    },
    Broken {
        name: "a_question_filling_a_fact_of_another_kind_is_rejected",
        file: File::Questions,
        edit: |v| question(v, "over_limit")["fact"] = json!("due_date"),
        expect: |e| {
            *e == KbError::FactMismatch {
                question: "over_limit".into(),
                fact: "due_date".into(),
            }
        },
    },
    Broken {
        name: "a_choice_with_a_value_the_fact_does_not_take_is_rejected",
        file: File::Questions,
        edit: |v| {
            question(v, "payment_method")["kind"]["choice"][0]["id"] = json!("carrier_pigeon")
        },
        expect: |e| matches!(e, KbError::FactMismatch { fact, .. } if fact == "payment_method"),
    },
    Broken {
        name: "a_date_question_must_name_its_fact",
        file: File::Questions,
        edit: |v| {
            question(v, "due_date")
                .as_object_mut()
                .unwrap()
                .remove("fact");
        },
        expect: |e| matches!(e, KbError::Invalid { at, .. } if at == "question due_date"),
    },
    Broken {
        name: "an_unused_question_is_dead_data",
        file: File::Questions,
        edit: |v| {
            let mut extra = question(v, "over_limit").clone();
            extra["id"] = json!("has_pet");
            v["questions"].as_array_mut().unwrap().push(extra);
        },
        expect: |e| {
            *e == KbError::Unused {
                kind: IdKind::Question,
                id: "has_pet".into(),
            }
        },
    },
    Broken {
        name: "a_days_left_rule_with_crossed_bounds_is_rejected",
        file: File::Topics,
        edit: |v| v["days_left_rules"][0]["min"] = json!(20),
        expect: |e| matches!(e, KbError::Invalid { at, .. } if at == "days_left_rules 0"),
    },
];

#[test]
fn every_broken_edit_is_rejected_with_its_specific_error() {
    for b in BROKEN {
        let err = load_edited(b.file, b.edit)
            .err()
            .unwrap_or_else(|| panic!("{}: the edited KB loaded", b.name));
        assert!((b.expect)(&err), "{}: {err:?}", b.name);
    }
}

#[test]
fn errors_read_as_sentences() {
    let err = KbError::UnknownId {
        kind: IdKind::Channel,
        id: "fax".into(),
        at: "topic hardship".into(),
    };
    assert_eq!(err.to_string(), "topic hardship: unknown channel 'fax'");
}

#[test]
fn malformed_json_is_a_schema_error() {
    let broken = KbSources {
        topics: "{",
        ..SHIPPED
    };
    assert!(matches!(
        Kb::load(broken),
        Err(KbError::Json {
            file: "topics.json",
            ..
        })
    ));
}
