//! On-device free-text triage: "what went wrong?" in, the 12 topics ranked out.
//!
//! A linear model over stemmed words, word pairs and hand-written concept cues (see
//! [`lexicon`]), trained on public CFPB complaint narratives plus short phrases written for
//! cardhelp, in English and Spanish. The model file is embedded in the binary and parsed
//! once, on first use. Training and evaluation live here too but only build natively.

pub mod coder;
pub mod cues;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod dataset;
#[cfg(not(target_arch = "wasm32"))]
pub mod metrics;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::engine::topic::Topic;
use lexicon::Lexicon;
use model::{Model, ModelError};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The committed model, produced by `cardhelp-train`.
pub const MODEL_BYTES: &[u8] = include_bytes!("classify/model.bin");

/// Below this top probability the widget should offer topic tiles instead of guessing.
/// Chosen on the training's tuning split, where answers at or above it are right far more
/// often than the rest, and checked on the cross-validated narratives and the held-out
/// phrases (`cardhelp-eval` prints the tables behind this).
pub const CONFIDENT_AT: f32 = 0.5;

/// A confident answer also needs this many input words pointing at it, at least one of
/// which says what went wrong. One known word ("hello", "fraud") is too little to skip the
/// topic tiles, however peaked the scores; so are words that only name the card, the bill
/// or the account ("my card", "a question about my bill": [`text::is_vague_word`]), which
/// the model would otherwise read confidently as whichever topic uses them most. Function
/// words ([`text::is_stop_word`]) are never evidence.
pub const MIN_EVIDENCE_WORDS: usize = 2;

/// How many input words [`Classification::reasons`] lists at most.
pub const MAX_REASONS: usize = 5;

/// One topic and how likely it is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicScore {
    pub topic: Topic,
    /// Probability in 0..=1; the twelve scores sum to 1.
    #[serde(serialize_with = "four_places")]
    pub score: f32,
}

/// Scores leave the engine with four decimals: more is noise, and an `f32` widened to a
/// JS number would otherwise print differently from the CLI's JSON (0.95202 vs 0.952019989).
fn four_places<S: serde::Serializer>(score: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*score) * 1e4).round() / 1e4)
}

/// The classifier's answer for one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// All twelve topics, most likely first.
    pub topics: Vec<TopicScore>,
    /// Input words that pushed hardest towards the first topic, most influential first;
    /// never a function word such as "my" or "una".
    pub reasons: Vec<String>,
    /// False when the text says too little to pick a topic: show the tiles instead.
    pub confident: bool,
}

impl Classification {
    /// The most likely topic.
    pub fn top(&self) -> Topic {
        self.topics[0].topic
    }
}

/// A loaded model with the lexicon it was trained with.
#[derive(Debug)]
pub struct Classifier {
    lexicon: Lexicon,
    model: Model,
}

impl Classifier {
    /// Validates `model_bytes` against the shipped lexicon.
    pub fn new(model_bytes: &[u8]) -> Result<Classifier, ModelError> {
        let lexicon = Lexicon::shipped().map_err(|e| ModelError::Lexicon(e.to_string()))?;
        let fingerprint = Model::fingerprint(lexicon::GLOSSARY, lexicon::CONCEPTS);
        let model = Model::decode(model_bytes, fingerprint)?;
        Ok(Classifier { lexicon, model })
    }

    /// Wraps an in-memory model (used by training and evaluation).
    pub fn from_parts(lexicon: Lexicon, model: Model) -> Classifier {
        Classifier { lexicon, model }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Ranks the topics for `text`. Any string is fine: empty, huge (only the start is
    /// read), emoji, right-to-left scripts.
    pub fn classify(&self, text: &str) -> Classification {
        let analysis = features::analyse(text, &self.lexicon);
        let scored = self.model.score(&analysis.features);
        let probabilities = self.model.probabilities(&scored.scores);
        let mut topics: Vec<TopicScore> = Topic::ALL
            .iter()
            .map(|&topic| TopicScore {
                topic,
                score: probabilities[topic.index()],
            })
            .collect();
        // Stable sort: ties keep tile order, so the output is deterministic.
        crate::engine::order::sort_by_key(&mut topics, |t| std::cmp::Reverse(t.score));
        let top = topics[0];

        // Credit each input word with its share of the features it produced.
        let mut credit = vec![0.0f32; analysis.words.len()];
        for (feature, contribution) in analysis.features.iter().zip(&scored.contributions) {
            let share = contribution[top.topic.index()] / feature.source.len().max(1) as f32;
            for c in &mut credit[feature.source.clone()] {
                *c += share;
            }
        }
        // Evidence: the content words with positive credit, and whether each says what
        // went wrong (is not vague).
        let mut by_word: Vec<(String, f32, bool)> = Vec::new();
        let content = analysis
            .words
            .iter()
            .zip(credit)
            .filter(|(w, c)| *c > 0.0 && !text::is_stop_word(&w.folded));
        for (word, c) in content {
            let shown = text::lowercase_latin(&text[word.span.clone()]);
            match by_word.iter_mut().find(|(w, ..)| *w == shown) {
                Some((_, total, _)) => *total += c,
                None => by_word.push((shown, c, !text::is_vague_word(&word.folded))),
            }
        }
        crate::engine::order::sort_by_key(&mut by_word, |w| std::cmp::Reverse(w.1));
        let evidence = by_word.len();
        let specific = by_word.iter().any(|w| w.2);
        let reasons = by_word
            .into_iter()
            .take(MAX_REASONS)
            .map(|(w, ..)| w)
            .collect();

        Classification {
            topics,
            reasons,
            confident: evidence >= MIN_EVIDENCE_WORDS && specific && top.score >= CONFIDENT_AT,
        }
    }
}

/// The shipped classifier, parsed and validated on first use.
pub fn shipped() -> Result<&'static Classifier, ModelError> {
    static SHIPPED: OnceLock<Result<Classifier, ModelError>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| Classifier::new(MODEL_BYTES))
        .as_ref()
        .map_err(Clone::clone)
}

/// Classifies `text` with the shipped model.
pub fn classify(text: &str) -> Result<Classification, ModelError> {
    Ok(shipped()?.classify(text))
}
