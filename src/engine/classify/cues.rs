//! Words that already answer a question ("I still have my card", "charged twice").
//! Placeholder until the cue table lands: no prefills.

/// `(question id, answer id)` pairs the text states.
pub fn prefill(_text: &str) -> Vec<(&'static str, &'static str)> {
    Vec::new()
}
