//! The answers a cardholder has given so far.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Question id → answer value, in question-id order. Skipped questions are absent.
///
/// A sorted vector rather than a `BTreeMap`: a topic asks a handful of questions, and each
/// B-tree instantiation costs the wasm build several KB of balancing code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, String)>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where `question` is, or where it would go to keep the order.
    fn find(&self, question: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(q, _)| q.as_str().cmp(question))
    }

    pub fn get(&self, question: &str) -> Option<&String> {
        self.find(question).ok().map(|i| &self.0[i].1)
    }

    /// Sets an answer; returns the one it replaced.
    pub fn insert(&mut self, question: String, answer: String) -> Option<String> {
        match self.find(&question) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, answer)),
            Err(i) => {
                self.0.insert(i, (question, answer));
                None
            }
        }
    }

    /// Clears an answer; returns it.
    pub fn remove(&mut self, question: &str) -> Option<String> {
        self.find(question).ok().map(|i| self.0.remove(i).1)
    }

    /// Keeps only the answers `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &str) -> bool) {
        self.0.retain(|(q, a)| keep(q, a));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.into_iter()
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a String, &'a String),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(q, a)| (q, a))
    }
}

/// Later answers to the same question win, as with repeated map inserts.
impl FromIterator<(String, String)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut answers = Answers::new();
        for (question, answer) in pairs {
            answers.insert(question, answer);
        }
        answers
    }
}

/// Written as a JSON object, the shape the case JSON and the CLI read.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read from a JSON object of strings, as `TriageInput` is.
impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of question ids to answers")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Answers, M::Error> {
                let mut answers = Answers::new();
                while let Some((question, answer)) = map.next_entry()? {
                    answers.insert(question, answer);
                }
                Ok(answers)
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    }

    #[test]
    fn kept_in_question_order_whatever_the_insert_order() {
        let a = answers(&[("b", "1"), ("c", "2"), ("a", "3")]);
        let order: Vec<&str> = a.iter().map(|(q, _)| q.as_str()).collect();
        assert_eq!(order, ["a", "b", "c"]);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"a":"3","b":"1","c":"2"}"#
        );
    }

    #[test]
    fn insert_replaces_and_remove_clears() {
        let mut a = answers(&[("due", "2026-01-01")]);
        assert_eq!(
            a.insert("due".into(), "2026-02-01".into()).as_deref(),
            Some("2026-01-01")
        );
        assert_eq!(a.iter().count(), 1);
        assert_eq!(a.get("due").map(String::as_str), Some("2026-02-01"));
        assert_eq!(a.remove("due").as_deref(), Some("2026-02-01"));
        assert_eq!(a.remove("due"), None);
        assert!(a.is_empty());
    }

    #[test]
    fn read_from_a_json_object_like_a_map() {
        let a: Answers = serde_json::from_str(r#"{"b":"1","a":"2","a":"3"}"#).unwrap();
        assert_eq!(a, answers(&[("a", "3"), ("b", "1")]));
        let err = serde_json::from_str::<Answers>(r#"{"a":1}"#).unwrap_err();
        assert!(err.to_string().contains("expected a string"), "{err}");
        assert!(serde_json::from_str::<Answers>(r#"["a"]"#).is_err());
    }

    #[test]
    fn retain_and_repeated_keys() {
        let mut a = answers(&[("x", "1"), ("y", "2"), ("x", "3")]);
        assert_eq!(a.get("x").map(String::as_str), Some("3"));
        a.retain(|q, _| q != "x");
        assert_eq!(a, answers(&[("y", "2")]));
    }
}
