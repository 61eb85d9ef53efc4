//! The features the linear model reads: stemmed words, word pairs, concept cues, and the
//! same again for the opening words.
//!
//! Features are identified by a hash of their text ([`HASH_BITS`] bits), so the shipped
//! model needs no vocabulary strings, only sorted hashes. People tend to name their problem
//! first ("Unauthorized charges on my card…") and then tell the story, so the first
//! [`HEAD_WORDS`] words get features of their own.

use super::lexicon::Lexicon;
use super::text::{stem, words, Word};
use std::ops::Range;

/// How many opening words count as "the head" of the text.
pub const HEAD_WORDS: usize = 20;

/// One feature occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feature {
    pub hash: u32,
    /// The input words it came from (indices into [`Analysis::words`]).
    pub source: Range<usize>,
}

/// A text broken into words and features.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub words: Vec<Word>,
    pub features: Vec<Feature>,
}

/// Extracts every feature occurrence of `text`.
pub fn analyse(text: &str, lexicon: &Lexicon) -> Analysis {
    let words = words(text);
    let translated = lexicon.translate(&words);
    let stems: Vec<&str> = translated.iter().map(|t| stem(t.folded)).collect();
    let hits = lexicon.concepts(&translated);
    let mut features = Vec::with_capacity(stems.len() * 5);
    for head in [false, true] {
        let n = if head {
            stems.len().min(HEAD_WORDS)
        } else {
            stems.len()
        };
        let prefix = if head { "H_" } else { "" };
        for i in 0..n {
            let source = translated[i].source.clone();
            features.push(Feature {
                hash: hash(Fnv::new().str(prefix).str(stems[i])),
                source: source.clone(),
            });
            if i + 1 < n {
                features.push(Feature {
                    hash: hash(
                        Fnv::new()
                            .str(prefix)
                            .str(stems[i])
                            .str(" ")
                            .str(stems[i + 1]),
                    ),
                    source: source.start..translated[i + 1].source.end,
                });
            }
        }
        for hit in &hits {
            if hit.at.end <= n {
                features.push(Feature {
                    hash: hash(
                        Fnv::new()
                            .str(prefix)
                            .str("@")
                            .str(lexicon.concept_name(hit.concept)),
                    ),
                    source: hit.source.clone(),
                });
            }
        }
    }
    Analysis { words, features }
}

/// A feature's identifier: the top [`HASH_BITS`] bits of the FNV-1a hash of its text.
fn hash(text: Fnv) -> u32 {
    text.finish() >> (32 - HASH_BITS)
}

/// Features are identified by the top `HASH_BITS` bits of their FNV-1a hash. Two features
/// sharing a hash share a weight; at 18 bits and ~3,000 kept features a word the model
/// does not know hits a known hash 1.1% of the time. Each bit less saves ~250 bytes of
/// model, but from 15 bits on the collisions cost cross-validated accuracy.
pub const HASH_BITS: u32 = 18;

/// FNV-1a, 32 bits: tiny, stable across platforms and releases (unlike `std`'s hasher),
/// which the committed model relies on.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u32);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0x811c_9dc5)
    }

    pub fn str(self, s: &str) -> Fnv {
        self.bytes(s.as_bytes())
    }

    pub fn bytes(self, bytes: &[u8]) -> Fnv {
        Fnv(bytes
            .iter()
            .fold(self.0, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193)))
    }

    pub fn finish(self) -> u32 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vector() {
        assert_eq!(Fnv::new().str("a").finish(), 0xe40c_292c);
        assert_eq!(
            Fnv::new().str("foo").finish(),
            Fnv::new().str("f").str("oo").finish()
        );
    }

    #[test]
    fn inflections_and_languages_share_features() {
        let lex = Lexicon::shipped().unwrap();
        let hashes = |t: &str| -> Vec<u32> {
            let mut h: Vec<u32> = analyse(t, &lex).features.iter().map(|f| f.hash).collect();
            h.sort_unstable();
            h
        };
        assert_eq!(hashes("charged twice"), hashes("Charges twice"));
        let english = hashes("fraud");
        let spanish = hashes("fraude");
        assert!(english.iter().any(|h| spanish.contains(h)));
    }

    #[test]
    fn head_features_stop_after_the_opening_words() {
        let lex = Lexicon::shipped().unwrap();
        let text = "word ".repeat(HEAD_WORDS * 3);
        let a = analyse(&text, &lex);
        let words = HEAD_WORDS * 3;
        // Unigrams and bigrams for all words, then again for the head only.
        assert_eq!(
            a.features.len(),
            words + (words - 1) + HEAD_WORDS + (HEAD_WORDS - 1)
        );
    }
}
