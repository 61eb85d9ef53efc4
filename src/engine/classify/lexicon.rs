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
use std::borrow::Borrow;
use std::fmt;
use std::ops::Range;

/// The glossary as shipped: `english = spanish | spanish ...`, one entry per line
/// (`glossary.txt`, compacted by the build script).
pub const GLOSSARY: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.txt"));
/// The concept cues as shipped: `concept = phrase | phrase ...`, one entry per line
/// (`concepts.txt`, compacted by the build script).
pub const CONCEPTS: &str = include_str!(concat!(env!("OUT_DIR"), "/concepts.txt"));

/// A word after glossary translation, remembering which input words it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translated<'a> {
    pub folded: &'a str,
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

/// A lookup table kept as `(key, value)` pairs sorted by key. The lexicon is built once and
/// then only read, and its tables hold a few hundred entries, so binary search is as quick
/// as hashing here and costs the download far less code than a hash map. The tables hold
/// indices into vectors of values, so that only a few key/value types are compiled.
#[derive(Debug)]
struct Sorted<K, V>(Vec<(K, V)>);

impl<K, V> Default for Sorted<K, V> {
    fn default() -> Self {
        Sorted(Vec::new())
    }
}

impl<K: Ord, V> Sorted<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// The value for `key`, inserted as `V::default()` if absent.
    fn entry(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }
}

/// Phrases keyed by their words, looked up by slices of the text's words without building
/// a key: the table is indexed by the FNV hash of the words, and each longer candidate
/// extends the shorter one's hash. The stored words settle the rare hash collision.
#[derive(Debug)]
struct PhraseTable<V> {
    /// Phrase hash → the phrases with that hash and the index of their value.
    map: Sorted<u32, Vec<(Vec<String>, usize)>>,
    values: Vec<V>,
    /// The longest phrase starting with each word, keyed by the word's hash (a collision
    /// only costs a few lookups that find nothing): most words start no phrase, and the
    /// other positions cost one lookup here instead of one per possible phrase length.
    longest_from: Sorted<u32, usize>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            map: Sorted::default(),
            values: Vec::new(),
            longest_from: Sorted::default(),
        }
    }
}

/// The phrase hash after one more word (a NUL keeps "late fee" apart from "latefee").
fn extend(hash: Fnv, word: &str) -> Fnv {
    hash.str(word).bytes(&[0])
}

fn phrase_hash<S: AsRef<str>>(words: &[S]) -> u32 {
    words
        .iter()
        .fold(Fnv::new(), |h, w| extend(h, w.as_ref()))
        .finish()
}

impl<V> PhraseTable<V> {
    fn insert(&mut self, key: Vec<String>, value: V) -> Option<V> {
        let longest = self.longest_from.entry(phrase_hash(&key[..1]));
        *longest = (*longest).max(key.len());
        let bucket = self.map.entry(phrase_hash(&key));
        match bucket.iter().find(|(k, _)| *k == key) {
            Some(&(_, i)) => Some(std::mem::replace(&mut self.values[i], value)),
            None => {
                bucket.push((key, self.values.len()));
                self.values.push(value);
                None
            }
        }
    }

    fn get<S: AsRef<str>>(&self, words: &[S], hash: u32) -> Option<&V> {
        self.map.get(&hash)?.iter().find_map(|(k, i)| {
            let same = k.len() == words.len() && k.iter().zip(words).all(|(a, b)| a == b.as_ref());
            same.then(|| &self.values[*i])
        })
    }

    /// Phrases that could start at `words[0]`, longest first, as `(length, value)`.
    fn starting<'s: 'w, 'w, S: AsRef<str>>(
        &'s self,
        words: &'w [S],
    ) -> impl Iterator<Item = (usize, &'s V)> + 'w {
        let longest = match words.first() {
            Some(_) => self
                .longest_from
                .get(&phrase_hash(&words[..1]))
                .map_or(0, |&n| n.min(words.len())),
            None => 0,
        };
        let mut hash = Fnv::new();
        let hashes: Vec<u32> = words[..longest]
            .iter()
            .map(|w| {
                hash = extend(hash, w.as_ref());
                hash.finish()
            })
            .collect();
        (1..=longest)
            .rev()
            .filter_map(move |n| self.get(&words[..n], hashes[n - 1]).map(|v| (n, v)))
    }
}

/// Glossary entries written `prefix*`: any word starting with the prefix.
#[derive(Debug, Default)]
struct PrefixTable {
    /// Prefix → index of its English words.
    map: Sorted<String, usize>,
    english: Vec<Vec<String>>,
    /// The first [`PrefixTable::HEAD`] bytes of every prefix, with the longest prefix
    /// that starts so: most words start none, so most words cost one lookup here.
    heads: Sorted<String, usize>,
}

impl PrefixTable {
    /// Shortest prefix allowed, in bytes: shorter ones would catch too many words.
    const HEAD: usize = 3;

    fn insert(&mut self, prefix: String, value: Vec<String>) -> Option<Vec<String>> {
        let longest = self.heads.entry(prefix[..Self::HEAD].to_string());
        *longest = (*longest).max(prefix.len());
        match self.map.get(prefix.as_str()) {
            Some(&i) => Some(std::mem::replace(&mut self.english[i], value)),
            None => {
                *self.map.entry(prefix) = self.english.len();
                self.english.push(value);
                None
            }
        }
    }

    /// The entry with the longest prefix of `word`.
    fn lookup(&self, word: &str) -> Option<&Vec<String>> {
        if word.len() < Self::HEAD || !word.is_char_boundary(Self::HEAD) {
            return None;
        }
        let longest = *self.heads.get(&word[..Self::HEAD])?;
        (Self::HEAD..=longest.min(word.len()))
            .rev()
            .filter(|&n| word.is_char_boundary(n))
            .find_map(|n| self.map.get(&word[..n]))
            .map(|&i| &self.english[i])
    }
}

/// The parsed glossary and concept cues.
#[derive(Debug)]
pub struct Lexicon {
    glossary: PhraseTable<Vec<String>>,
    prefixes: PrefixTable,
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
            prefixes: PrefixTable::default(),
            concepts: PhraseTable::default(),
            names: Vec::new(),
        };
        for (line, head, phrases) in entries(glossary, "glossary.txt")? {
            let english: Vec<String> = fold_words(head);
            for phrase in phrases {
                let error = |message: String| LexiconError {
                    file: "glossary.txt",
                    line,
                    message,
                };
                let twice = || error(format!("'{}' is translated twice", phrase.trim()));
                if let Some(prefix) = phrase.trim().strip_suffix('*') {
                    let key = fold_words(prefix);
                    match &key[..] {
                        [word] if word.len() >= PrefixTable::HEAD => {
                            if lexicon
                                .prefixes
                                .insert(word.clone(), english.clone())
                                .is_some()
                            {
                                return Err(twice());
                            }
                        }
                        _ => {
                            return Err(error(format!(
                                "'{}': a prefix is one word of at least {} letters",
                                phrase.trim(),
                                PrefixTable::HEAD
                            )))
                        }
                    }
                    continue;
                }
                let key = fold_words(phrase);
                if key.is_empty() {
                    return Err(error("empty phrase".into()));
                }
                if lexicon.glossary.insert(key, english.clone()).is_some() {
                    return Err(twice());
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
                let words = super::text::words(phrase);
                let translated = lexicon.translate(&words);
                let key: Vec<String> = cue_words(&translated)
                    .0
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                if key.is_empty() {
                    return Err(LexiconError {
                        file: "concepts.txt",
                        line,
                        message: format!("'{}' has no content words", phrase.trim()),
                    });
                }
                let mut ids = lexicon
                    .concepts
                    .get(&key, phrase_hash(&key))
                    .cloned()
                    .unwrap_or_default();
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

    /// Rewrites glossary phrases (longest match first, then the longest matching prefix)
    /// into English words.
    pub fn translate<'a>(&'a self, words: &'a [Word]) -> Vec<Translated<'a>> {
        let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < folded.len() {
            let found = self
                .glossary
                .starting(&folded[i..])
                .next()
                .or_else(|| self.prefixes.lookup(folded[i]).map(|e| (1, e)));
            match found {
                Some((n, english)) => {
                    out.extend(english.iter().map(|w| Translated {
                        folded: w,
                        source: i..i + n,
                    }));
                    i += n;
                }
                None => {
                    out.push(Translated {
                        folded: folded[i],
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
fn cue_words<'a>(translated: &[Translated<'a>]) -> (Vec<&'a str>, Vec<usize>) {
    translated
        .iter()
        .enumerate()
        .filter(|(_, t)| !is_stop_word(t.folded))
        .map(|(i, t)| (stem(t.folded), i))
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
            .map(|t| t.folded.to_string())
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
