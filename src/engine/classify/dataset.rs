//! Training and evaluation data: the CFPB narratives (not shipped with cardhelp) and the
//! phrase sets written for cardhelp (committed next to this file).

use crate::engine::locale::Locale;
use crate::engine::topic::Topic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where the narratives are, relative to the repository root.
pub const DEFAULT_NARRATIVES: &str = "../shared/data/cfpb/credit-card-narratives.csv";
/// Environment variable that overrides [`DEFAULT_NARRATIVES`] (a `--data` flag wins over it).
pub const NARRATIVES_ENV: &str = "CARDHELP_NARRATIVES";
/// Short phrases used for training.
pub const TRAIN_PHRASES: &str = include_str!("phrases-train.tsv");
/// Held-out short phrases, never used in training.
pub const EVAL_PHRASES: &str = include_str!("phrases-eval.tsv");

/// A labelled text. Texts that are word-for-word identical share a `group`, so a split
/// can keep them on one side.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub text: String,
    pub topic: Topic,
    pub group: usize,
}

/// A phrase from a phrase set.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub topic: Topic,
    pub locale: Locale,
}

/// The narratives file to read: `--data PATH` if given, else `$CARDHELP_NARRATIVES`, else
/// [`DEFAULT_NARRATIVES`] under the repository root.
pub fn narratives_path(flag: Option<&str>) -> PathBuf {
    match flag
        .map(str::to_string)
        .or_else(|| std::env::var(NARRATIVES_ENV).ok())
    {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_NARRATIVES),
    }
}

/// Reads the narratives CSV (columns `topic` and `narrative`, others ignored).
pub fn load_narratives(path: &Path) -> Result<Vec<Example>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no '{name}' column", path.display()))
    };
    let (topic_col, text_col) = (column("topic")?, column("narrative")?);
    let mut groups: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        let id = &record[topic_col];
        let topic = Topic::from_id(id)
            .ok_or_else(|| format!("{} row {}: unknown topic '{id}'", path.display(), i + 2))?;
        let text = record[text_col].to_string();
        let next = groups.len();
        let group = *groups.entry(text.clone()).or_insert(next);
        out.push(Example { text, topic, group });
    }
    Ok(out)
}

/// Parses a phrase set: `topic<TAB>lang<TAB>text` lines, `#` comments.
pub fn parse_phrases(tsv: &str) -> Result<Vec<Phrase>, String> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [topic, lang, text] = fields[..] else {
            return Err(format!("line {}: expected topic, lang, text", i + 1));
        };
        out.push(Phrase {
            text: text.to_string(),
            topic: Topic::from_id(topic)
                .ok_or_else(|| format!("line {}: unknown topic '{topic}'", i + 1))?,
            locale: Locale::from_tag(lang)
                .ok_or_else(|| format!("line {}: unknown language '{lang}'", i + 1))?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::classify::text::{stem, words};

    #[test]
    fn phrase_sets_parse_and_cover_every_topic_in_both_languages() {
        for set in [TRAIN_PHRASES, EVAL_PHRASES] {
            let phrases = parse_phrases(set).unwrap();
            for topic in Topic::ALL {
                for locale in Locale::ALL {
                    assert!(
                        phrases
                            .iter()
                            .any(|p| p.topic == topic && p.locale == locale),
                        "{topic:?} {locale:?}"
                    );
                }
            }
        }
    }

    /// The held-out set stays held out: no training phrase copies or nearly copies an
    /// evaluation phrase (60% or more of their distinct stemmed words shared, Jaccard).
    #[test]
    fn evaluation_phrases_are_not_training_phrases() {
        let stems = |s: &str| -> Vec<String> {
            let mut v: Vec<String> = words(s)
                .iter()
                .map(|w| stem(&w.folded).to_string())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let train: Vec<(String, Vec<String>)> = parse_phrases(TRAIN_PHRASES)
            .unwrap()
            .into_iter()
            .map(|p| {
                let s = stems(&p.text);
                (p.text, s)
            })
            .collect();
        let eval = parse_phrases(EVAL_PHRASES).unwrap();
        assert!(eval.len() >= 150);
        assert!(eval.iter().filter(|p| p.locale == Locale::Es).count() >= 40);
        for p in eval {
            let e = stems(&p.text);
            for (text, t) in &train {
                let shared = t.iter().filter(|w| e.binary_search(w).is_ok()).count();
                let union = t.len() + e.len() - shared;
                assert!(
                    shared == 0 || (shared as f64) < 0.6 * union as f64,
                    "training phrase {text:?} nearly repeats held-out {:?}",
                    p.text
                );
            }
        }
    }

    #[test]
    fn malformed_phrase_lines_name_the_line() {
        assert!(parse_phrases("# c\nfraud\ten\tx")
            .unwrap_err()
            .contains("line 2"));
        assert!(parse_phrases("hardship\tfr\tx")
            .unwrap_err()
            .contains("language"));
        assert!(parse_phrases("hardship\ten").is_err());
    }
}
