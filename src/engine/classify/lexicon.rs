//! Hand-written domain knowledge the classifier builds on: a Spanish→English glossary and
//! a lexicon of concept cues.
//!
//! All training narratives are in English, so Spanish text would otherwise meet a model
//! that never saw its words. The glossary rewrites common Spanish card vocabulary into the
//! English words the model knows ("no reconozco el cargo" → "not recognize the charge").
//! Concept cues ("fraud", "late fee", "cargo por mora", "credit report") add one shared
//! feature per idea, so a short phrase and a long narrative that express it differently
//! still meet. The model learns how much each concept says about each topic.

use super::features::Fnv;
use super::text::{is_stop_word, stem, Word};
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// The glossary as shipped: `english = spanish | spanish ...`, one entry per line.
pub const GLOSSARY: &str = include_str!("glossary.txt");
/// The concept cues as shipped: `concept = phrase | phrase ...`, one entry per line.
pub const CONCEPTS: &str = include_str!("concepts.txt");

/// A word after glossary translation, remembering which input words it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translated {
    pub folded: String,
    /// Indices into the input words.
    pub source: Range<usize>,
}

/// A concept cue found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConceptHit {
    pub concept: usize,
    /// Indices into the translated words; used to tell cues in the opening words apart.
    pub at: Range<usize>,
    /// Indices into the input words.
    pub source: Range<usize>,
}

/// A malformed glossary or concept line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

/// Phrases keyed by their words, looked up by slices of the text's words.
#[derive(Debug)]
struct PhraseTable<V> {
    map: HashMap<Vec<String>, V, BuildHasherDefault<Fnv>>,
    /// Longest phrase starting with each first word: most words start none, so most
    /// positions cost one lookup here instead of one per possible phrase length.
    longest_from: HashMap<String, usize, BuildHasherDefault<Fnv>>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            map: HashMap::default(),
            longest_from: HashMap::default(),
        }
    }
}

impl<V> PhraseTable<V> {
    fn insert(&mut self, key: Vec<String>, value: V) -> Option<V> {
        let longest = self.longest_from.entry(key[0].clone()).or_default();
        *longest = (*longest).max(key.len());
        self.map.insert(key, value)
    }

    /// Phrases that could start at `words[0]`, longest first, as `(length, value)`.
    fn starting<'a>(&'a self, words: &'a [String]) -> impl Iterator<Item = (usize, &'a V)> + 'a {
        let longest = words
            .first()
            .and_then(|w| self.longest_from.get(w))
            .map_or(0, |&n| n.min(words.len()));
        (1..=longest)
            .rev()
            .filter_map(move |n| self.map.get(&words[..n]).map(|v| (n, v)))
    }
}

/// The parsed glossary and concept cues.
#[derive(Debug)]
pub struct Lexicon {
    glossary: PhraseTable<Vec<String>>,
    concepts: PhraseTable<Vec<usize>>,
    names: Vec<String>,
}

impl Lexicon {
    /// Parses the shipped glossary and concepts.
    pub fn shipped() -> Result<Lexicon, LexiconError> {
        Lexicon::parse(GLOSSARY, CONCEPTS)
    }

    /// Parses glossary and concept text. A Spanish phrase may have only one translation.
    pub fn parse(glossary: &str, concepts: &str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon {
            glossary: PhraseTable::default(),
            concepts: PhraseTable::default(),
            names: Vec::new(),
        };
        for (line, head, phrases) in entries(glossary, "glossary.txt")? {
            let english: Vec<String> = fold_words(head);
            for phrase in phrases {
                let key = fold_words(phrase);
                let error = |message: String| LexiconError {
                    file: "glossary.txt",
                    line,
                    message,
                };
                if key.is_empty() {
                    return Err(error("empty phrase".into()));
                }
                if lexicon.glossary.insert(key, english.clone()).is_some() {
                    return Err(error(format!("'{}' is translated twice", phrase.trim())));
                }
            }
        }
        for (line, head, phrases) in entries(concepts, "concepts.txt")? {
            let id = match lexicon.names.iter().position(|n| n == head) {
                Some(id) => id,
                None => {
                    lexicon.names.push(head.to_string());
                    lexicon.names.len() - 1
                }
            };
            for phrase in phrases {
                // Concept phrases are matched after translation, so they share its rules.
                let translated = lexicon.translate(&super::text::words(phrase));
                let key = cue_words(&translated).0;
                if key.is_empty() {
                    return Err(LexiconError {
                        file: "concepts.txt",
                        line,
                        message: format!("'{}' has no content words", phrase.trim()),
                    });
                }
                let mut ids = lexicon.concepts.map.get(&key).cloned().unwrap_or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
                lexicon.concepts.insert(key, ids);
            }
        }
        Ok(lexicon)
    }

    /// The concept's name, e.g. `fraud`.
    pub fn concept_name(&self, concept: usize) -> &str {
        &self.names[concept]
    }

    /// Rewrites glossary phrases (longest match first) into English words.
    pub fn translate(&self, words: &[Word]) -> Vec<Translated> {
        let folded: Vec<String> = words.iter().map(|w| w.folded.clone()).collect();
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < folded.len() {
            match self.glossary.starting(&folded[i..]).next() {
                Some((n, english)) => {
                    out.extend(english.iter().map(|w| Translated {
                        folded: w.clone(),
                        source: i..i + n,
                    }));
                    i += n;
                }
                None => {
                    out.push(Translated {
                        folded: folded[i].clone(),
                        source: i..i + 1,
                    });
                    i += 1;
                }
            }
        }
        out
    }

    /// Every concept cue in the translated words (overlapping cues all count).
    pub fn concepts(&self, translated: &[Translated]) -> Vec<ConceptHit> {
        let (cue, positions) = cue_words(translated);
        let mut hits = Vec::new();
        for start in 0..cue.len() {
            for (n, ids) in self.concepts.starting(&cue[start..]) {
                let (first, last) = (positions[start], positions[start + n - 1]);
                let source = translated[first].source.start..translated[last].source.end;
                hits.extend(ids.iter().map(|&concept| ConceptHit {
                    concept,
                    at: first..last + 1,
                    source: source.clone(),
                }));
            }
        }
        hits
    }
}

/// Stemmed content words of `translated`, with their positions in it.
fn cue_words(translated: &[Translated]) -> (Vec<String>, Vec<usize>) {
    translated
        .iter()
        .enumerate()
        .filter(|(_, t)| !is_stop_word(&t.folded))
        .map(|(i, t)| (stem(&t.folded).to_string(), i))
        .unzip()
}

fn fold_words(phrase: &str) -> Vec<String> {
    super::text::words(phrase)
        .into_iter()
        .map(|w| w.folded)
        .collect()
}

type Entry<'a> = (usize, &'a str, Vec<&'a str>);

/// `head = a | b | c` lines, skipping blanks and `#` comments.
fn entries<'a>(text: &'a str, file: &'static str) -> Result<Vec<Entry<'a>>, LexiconError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((head, rest)) = line.split_once('=') else {
            return Err(LexiconError {
                file,
                line: i + 1,
                message: "expected 'name = phrase | phrase'".into(),
            });
        };
        out.push((i + 1, head.trim(), rest.split('|').collect()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::classify::text::words;

    fn lexicon() -> Lexicon {
        Lexicon::shipped().expect("shipped lexicon parses")
    }

    fn translated(text: &str) -> Vec<String> {
        lexicon()
            .translate(&words(text))
            .into_iter()
            .map(|t| t.folded)
            .collect()
    }

    fn concepts(text: &str) -> Vec<String> {
        let lex = lexicon();
        let mut names: Vec<String> = lex
            .concepts(&lex.translate(&words(text)))
            .into_iter()
            .map(|h| lex.concept_name(h.concept).to_string())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn spanish_card_vocabulary_becomes_english() {
        assert_eq!(
            translated("No reconozco este cargo en mi tarjeta de crédito"),
            [
                "not",
                "recognize",
                "este",
                "charge",
                "en",
                "mi",
                "credit",
                "card"
            ]
        );
    }

    #[test]
    fn the_same_idea_in_both_languages_gives_the_same_concept() {
        assert!(concepts("I didn't authorize this").contains(&"unauthorized".to_string()));
        assert!(concepts("yo no autoricé esto").contains(&"unauthorized".to_string()));
        assert!(concepts("they charged a late fee").contains(&"fee".to_string()));
        assert!(concepts("me cobraron cargo por mora").contains(&"fee".to_string()));
    }

    #[test]
    fn concept_hits_point_back_to_the_input_words() {
        let lex = lexicon();
        let w = words("my card was stolen");
        let hits = lex.concepts(&lex.translate(&w));
        let stolen = hits
            .iter()
            .find(|h| lex.concept_name(h.concept) == "stolen")
            .expect("stolen cue");
        assert_eq!(stolen.source, 3..4);
    }

    #[test]
    fn a_spanish_phrase_translated_twice_is_rejected() {
        let err = Lexicon::parse("pay = pago\npayment = pago\n", "").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("twice"), "{err}");
        assert!(Lexicon::parse("no equals sign", "").is_err());
    }
}
