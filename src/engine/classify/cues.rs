//! Answers the typed words already give: "I still have my card" answers "Do you still have
//! the card?", "charged twice" answers "What went wrong?" with "charged twice", "by mail"
//! answers "How did you pay?".
//!
//! The question flow shows such an answer as pre-filled and editable; this module only
//! finds it. A cue is a phrase of `CUES`, matched on the same folded, stemmed content
//! words as the classifier's concept cues, so "charged me twice", "Charges twice" and
//! "me cobraron dos veces" are found alike; every way of saying "not" is one word there, so
//! "never received" is also "haven't received". A negation ("don't", "never", "no") within
//! `NEGATION_REACH` words before a cue turns a yes/no answer round ("I don't have my
//! card" → no) and cancels a choice ("I wasn't charged twice" answers nothing). Words that
//! point two ways for one question answer nothing: a wrong pre-filled answer costs more
//! than an empty one.

use super::text::{is_stop_word, stem, words};

/// Phrases that give one answer to one question (ids as in the knowledge base's
/// `questions.json`). English and Spanish; written as people type them, folded when matched.
struct Cue {
    question: &'static str,
    answer: &'static str,
    phrases: &'static [&'static str],
}

/// The cue table. A yes/no question lists the phrases of one side only where the other
/// side is their negation. A negation inside a phrase is part of it ("never received my
/// refund"); one before it negates it.
const CUES: &[Cue] = &[
    Cue {
        question: "still_have_card",
        answer: "yes",
        phrases: &[
            "have my card",
            "card is still with me",
            "card is in my wallet",
            "card in my possession",
            "tengo mi tarjeta",
            "tengo la tarjeta",
            "sigo teniendo la tarjeta",
            "tarjeta la tengo",
        ],
    },
    Cue {
        question: "still_have_card",
        answer: "no",
        phrases: &[
            "lost my card",
            "card was lost",
            "card is lost",
            "card was stolen",
            "stole my card",
            "stolen card",
            "card is missing",
            "perdi mi tarjeta",
            "perdi la tarjeta",
            "robaron mi tarjeta",
            "robaron la tarjeta",
            "tarjeta robada",
            "tarjeta perdida",
        ],
    },
    Cue {
        question: "dispute_kind",
        answer: "duplicate",
        phrases: &[
            "charged twice",
            "charged me twice",
            "charged two times",
            "charged my card twice",
            "charged my account twice",
            "billed twice",
            "billed me twice",
            "double charged",
            "charged double",
            "duplicate charge",
            "same charge twice",
            "cobraron dos veces",
            "cobro dos veces",
            "cargo duplicado",
            "cargo doble",
            "cobro doble",
        ],
    },
    Cue {
        question: "dispute_kind",
        answer: "not_received",
        phrases: &[
            "never received the item",
            "never received my order",
            "never received the order",
            "never got the item",
            "never got my order",
            "never got what i paid for",
            "item never arrived",
            "order never arrived",
            "package never arrived",
            "nunca recibi el producto",
            "nunca recibi mi pedido",
            "nunca llego el pedido",
            "nunca llego el paquete",
        ],
    },
    Cue {
        question: "dispute_kind",
        answer: "refund_missing",
        phrases: &[
            "never received my refund",
            "never received a refund",
            "never got my refund",
            "never got a refund",
            "refund never",
            "no refund",
            "waiting for my refund",
            "waiting for a refund",
            "no recibi el reembolso",
            "no recibi mi reembolso",
            "nunca me reembolsaron",
            "reembolso nunca",
        ],
    },
    Cue {
        question: "dispute_kind",
        answer: "cancelled",
        phrases: &[
            "after i cancelled",
            "after i canceled",
            "after cancelling",
            "after canceling",
            "despues de cancelar",
        ],
    },
    Cue {
        question: "payment_method",
        answer: "mail",
        phrases: &[
            "by mail",
            "mailed a check",
            "mailed my payment",
            "mailed the payment",
            "check in the mail",
            "pago por correo",
            "pague por correo",
            "por correo postal",
            "envie un cheque",
            "mande un cheque",
        ],
    },
    Cue {
        question: "payment_method",
        answer: "online",
        phrases: &[
            "paid online",
            "payment online",
            "paid in the app",
            "paid through the app",
            "pague en linea",
            "pague por internet",
            "pague en la aplicacion",
        ],
    },
    Cue {
        question: "payment_method",
        answer: "phone",
        phrases: &[
            "paid by phone",
            "paid over the phone",
            "payment by phone",
            "pague por telefono",
        ],
    },
];

/// How many content words before a cue a negation still reaches ("not have my card",
/// "no longer have my card").
const NEGATION_REACH: usize = 2;

/// The folded, stemmed content words of `text`: what cues are matched on.
fn content_words(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .filter(|w| !is_stop_word(&w.folded))
        .map(|w| stem(&w.folded).to_string())
        .collect()
}

/// The `(question, answer)` pairs that `text` already answers, in `CUES` order, at most
/// one answer per question.
pub fn prefill(text: &str) -> Vec<(&'static str, &'static str)> {
    let typed = content_words(text);
    let mut found: Vec<(&'static str, Option<&'static str>)> = Vec::new();
    for cue in CUES {
        for phrase in cue.phrases {
            let phrase = content_words(phrase);
            let starts = (0..typed.len()).filter(|&i| typed[i..].starts_with(&phrase));
            for start in starts {
                let negated = typed[start.saturating_sub(NEGATION_REACH)..start]
                    .iter()
                    .any(|w| w == "not");
                let answer = match (negated, cue.answer) {
                    (false, answer) => answer,
                    (true, "yes") => "no",
                    (true, "no") => "yes",
                    (true, _) => continue,
                };
                match found.iter_mut().find(|(q, _)| *q == cue.question) {
                    None => found.push((cue.question, Some(answer))),
                    // Two different answers: the words point both ways.
                    Some((_, given)) if *given != Some(answer) => *given = None,
                    Some(_) => {}
                }
            }
        }
    }
    found
        .into_iter()
        .filter_map(|(question, answer)| Some((question, answer?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One content word ("card" in "card is with me") would answer for any text naming it.
    #[test]
    fn every_cue_phrase_has_two_content_words() {
        for cue in CUES {
            for phrase in cue.phrases {
                assert!(content_words(phrase).len() >= 2, "{phrase}");
            }
        }
    }
}
