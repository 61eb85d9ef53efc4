//! The classifier as the widget uses it.

use cardhelp::engine::classify::model::ModelError;
use cardhelp::engine::classify::text::{is_stop_word, words};
use cardhelp::engine::classify::{classify, Classifier, MAX_REASONS, MODEL_BYTES};
use cardhelp::engine::topic::Topic;

#[test]
fn everyday_complaints_land_on_their_topic_in_both_languages() {
    for (text, topic) in [
        (
            "someone charged $400 at a store I've never been to",
            Topic::UnauthorizedCharge,
        ),
        ("lost my card", Topic::CardProblem),
        ("my limit was lowered", Topic::CreditLimitApplication),
        ("me cobraron dos veces", Topic::BillingDispute),
        ("me cobraron un cargo por mora", Topic::FeesInterest),
    ] {
        let c = classify(text).unwrap();
        assert_eq!(c.top(), topic, "{text}: {:?}", c.topics);
    }
}

#[test]
fn scores_are_probabilities_of_all_twelve_topics_best_first() {
    let c = classify("wrong late payment on my credit report").unwrap();
    assert_eq!(c.topics.len(), 12);
    let sum: f32 = c.topics.iter().map(|t| t.score).sum();
    assert!((sum - 1.0).abs() < 1e-4);
    assert!(c.topics.windows(2).all(|w| w[0].score >= w[1].score));
    let mut seen: Vec<Topic> = c.topics.iter().map(|t| t.topic).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 12);
}

#[test]
fn reasons_quote_the_input_words_that_drove_the_answer() {
    let c = classify("I was hit with a LATE FEE again").unwrap();
    assert_eq!(c.top(), Topic::FeesInterest);
    assert!(c.reasons.len() <= MAX_REASONS);
    assert!(
        c.reasons.iter().any(|r| r == "fee" || r == "late"),
        "{:?}",
        c.reasons
    );
    for r in &c.reasons {
        assert!(
            "i was hit with a late fee again".contains(r.as_str()),
            "{r}"
        );
    }
}

#[test]
fn says_it_is_unsure_when_the_text_says_nothing() {
    for text in [
        "",
        "   \n\t",
        "hello",
        "🙂🙂🙂",
        "مرحبا بالعالم",
        "\u{0}\u{7}\u{1b}[31m",
    ] {
        let c = classify(text).unwrap();
        assert_eq!(c.topics.len(), 12, "{text:?}");
        assert!(!c.confident, "{text:?}");
    }
    assert!(
        classify("someone used my card for purchases i did not make, fraud")
            .unwrap()
            .confident
    );
}

#[test]
fn huge_input_gives_a_valid_answer() {
    let text = "my payment did not post ".repeat(50_000);
    assert!(text.len() > 1_000_000);
    let c = classify(&text).unwrap();
    assert_eq!(c.topics.len(), 12);
    assert!(c.topics.iter().all(|t| t.score.is_finite()));
}

#[test]
fn a_corrupted_model_is_an_error_not_a_panic() {
    let mut bytes = MODEL_BYTES.to_vec();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    assert_eq!(Classifier::new(&bytes).unwrap_err(), ModelError::Checksum);
    assert_eq!(
        Classifier::new(&MODEL_BYTES[..MODEL_BYTES.len() / 3]).unwrap_err(),
        ModelError::Checksum
    );
    assert_eq!(Classifier::new(b"").unwrap_err(), ModelError::BadMagic);
    assert!(Classifier::new(MODEL_BYTES).is_ok());
}

#[test]
fn results_serialize_with_topic_ids() {
    let json = serde_json::to_value(classify("points never posted").unwrap()).unwrap();
    assert!(Topic::from_id(json["topics"][0]["topic"].as_str().unwrap()).is_some());
    assert!(json["confident"].is_boolean());
}

/// Issue 13 §4: a function word ("my", "a", "about"… "mi", "una", "sobre") is never shown
/// as a word that drove the answer.
#[test]
fn reasons_never_quote_stop_words() {
    for text in [
        "my card",
        "a question about my bill",
        "lost my card",
        "fraud on my card",
        "There's a charge on my card I didn't make",
        "I was hit with a late fee again",
        "mi tarjeta",
        "una pregunta sobre mi factura",
        "me cobraron dos veces por la misma compra",
    ] {
        let c = classify(text).unwrap();
        for r in &c.reasons {
            let folded = words(r);
            assert!(
                folded.iter().all(|w| !is_stop_word(&w.folded)),
                "{text}: {r:?} in {:?}",
                c.reasons
            );
        }
    }
}

/// Issue 13 §4: words that only name the card, the bill or the account, or ask a
/// question, do not tell the topics apart. The answer must say it is not sure (the widget
/// then shows the tiles): a bill question read confidently as "account service" would
/// hide a billing-error clock that may be running.
#[test]
fn vague_words_alone_are_not_a_confident_answer() {
    for text in [
        "my card",
        "my credit card",
        "a question about my bill",
        "I have a question about my bill",
        "I have a question about my account",
        "help with my card",
        "fraud",
        "fraud!!",
        "mi tarjeta",
        "una pregunta sobre mi factura",
        "tengo una pregunta sobre mi factura",
        "ayuda con mi cuenta",
        "fraude",
    ] {
        let c = classify(text).unwrap();
        assert!(!c.confident, "{text}: {:?}", &c.topics[..2]);
    }
}

/// The other side of the rule above: a word that says what happened, next to the card it
/// happened to, is enough.
#[test]
fn a_specific_word_with_the_card_it_concerns_is_confident() {
    for (text, topic) in [
        ("lost my card", Topic::CardProblem),
        ("my card was stolen", Topic::CardProblem),
        (
            "There's a charge on my card I didn't make",
            Topic::UnauthorizedCharge,
        ),
        ("perdí mi tarjeta", Topic::CardProblem),
    ] {
        let c = classify(text).unwrap();
        assert!(
            c.confident && c.top() == topic,
            "{text}: {:?}",
            &c.topics[..2]
        );
    }
}
