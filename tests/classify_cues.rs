//! Typed words that already answer a question (issue 13 §4, "What the typed words already
//! say is pre-answered").

use cardhelp::engine::classify::cues::prefill;
use cardhelp::engine::kb::kb;

#[test]
fn the_issue_examples_in_both_languages() {
    for (text, expected) in [
        ("I still have my card", ("still_have_card", "yes")),
        ("Todavía tengo mi tarjeta", ("still_have_card", "yes")),
        ("they charged my card twice", ("dispute_kind", "duplicate")),
        (
            "I was charged twice for the same order",
            ("dispute_kind", "duplicate"),
        ),
        ("Me cobraron dos veces", ("dispute_kind", "duplicate")),
        ("I sent my payment by mail", ("payment_method", "mail")),
        ("Envié el pago por correo", ("payment_method", "mail")),
        ("I lost my card yesterday", ("still_have_card", "no")),
        ("Me robaron la tarjeta", ("still_have_card", "no")),
        ("I paid online on the 3rd", ("payment_method", "online")),
        ("my order never arrived", ("dispute_kind", "not_received")),
        (
            "I haven't received my refund",
            ("dispute_kind", "refund_missing"),
        ),
        (
            "they charged me after I cancelled",
            ("dispute_kind", "cancelled"),
        ),
    ] {
        assert_eq!(prefill(text), [expected], "{text}");
    }
}

#[test]
fn a_negation_turns_a_yes_no_answer_round() {
    for (text, answer) in [
        ("I don't have my card", "no"),
        ("I do not have my card anymore", "no"),
        ("I no longer have my card", "no"),
        ("No tengo mi tarjeta", "no"),
        ("I haven't lost my card", "yes"),
    ] {
        assert_eq!(prefill(text), [("still_have_card", answer)], "{text}");
    }
}

#[test]
fn a_negated_choice_or_words_pointing_both_ways_answer_nothing() {
    for text in [
        "I wasn't charged twice, the amount is wrong",
        "I didn't pay by mail",
        "I lost my card but I still have my card",
        "I paid online and by mail",
        "",
        "there is a charge I don't recognize",
        "a question about my bill",
    ] {
        assert_eq!(prefill(text), [], "{text}");
    }
}

#[test]
fn several_questions_can_be_answered_at_once() {
    assert_eq!(
        prefill("I still have my card but they charged me twice"),
        [("still_have_card", "yes"), ("dispute_kind", "duplicate")]
    );
}

/// Every answer a cue can give is one the knowledge base accepts for that question.
#[test]
fn every_prefilled_answer_is_a_valid_answer() {
    let kb = kb().unwrap();
    let texts = [
        "I still have my card",
        "I don't have my card",
        "charged twice",
        "order never arrived",
        "never got my refund",
        "after I cancelled",
        "by mail",
        "paid online",
        "paid by phone",
    ];
    for text in texts {
        for (question, answer) in prefill(text) {
            let q = kb
                .question(question)
                .unwrap_or_else(|| panic!("{question}"));
            assert!(q.accepts(answer), "{question} = {answer}");
        }
    }
}
