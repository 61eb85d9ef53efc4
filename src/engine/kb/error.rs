//! Why the knowledge base failed to load.
//!
//! Every problem in the data has its own variant so tests (and a broken build) can say
//! exactly what is wrong and where, instead of a generic "invalid data".

use std::fmt;

use super::MAX_QUESTIONS;
use crate::engine::locale::Locale;
use crate::engine::topic::Topic;

/// The kind of thing an id names, for error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Topic,
    Question,
    /// An answer value: a choice option id, or `yes`/`no`.
    Answer,
    Channel,
    Escalation,
    Deadline,
    Letter,
    /// A fact in the deadline engine's case JSON.
    Fact,
    /// A key in the host page's configuration.
    ConfigKey,
    /// A shared block of advice.
    Block,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Topic => "topic",
            IdKind::Question => "question",
            IdKind::Answer => "answer",
            IdKind::Channel => "channel",
            IdKind::Escalation => "escalation",
            IdKind::Deadline => "deadline rule",
            IdKind::Letter => "letter",
            IdKind::Fact => "fact",
            IdKind::ConfigKey => "host config key",
            IdKind::Block => "block",
        })
    }
}

/// A problem found while loading the knowledge base. `at` fields name the place in the
/// data, e.g. `topic billing_dispute rule 2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KbError {
    /// A file does not match its schema: bad JSON, an unknown key, a missing field.
    Json { file: &'static str, message: String },
    /// A reference to an id that does not exist (a dangling reference).
    UnknownId {
        kind: IdKind,
        id: String,
        at: String,
    },
    /// The same id defined or listed twice.
    DuplicateId {
        kind: IdKind,
        id: String,
        at: String,
    },
    /// A topic has no entry in `topics.json`.
    MissingTopic { topic: Topic },
    /// A user-facing text is empty (or only spaces) in one language.
    EmptyText { at: String, locale: Locale },
    /// A topic asks more questions than fit on a phone screen.
    TooManyQuestions { topic: Topic, count: usize },
    /// A question fills a fact with the wrong kind of value.
    FactMismatch { question: String, fact: String },
    /// Something defined but never used: dead data that would only cost bytes.
    Unused { kind: IdKind, id: String },
    /// A structural mistake that no id check covers.
    Invalid { at: String, problem: &'static str },
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KbError::Json { file, message } => write!(f, "{file}: {message}"),
            KbError::UnknownId { kind, id, at } => write!(f, "{at}: unknown {kind} '{id}'"),
            KbError::DuplicateId { kind, id, at } => write!(f, "{at}: {kind} '{id}' appears twice"),
            KbError::MissingTopic { topic } => write!(f, "topic '{}' is missing", topic.id()),
            KbError::EmptyText { at, locale } => {
                write!(f, "{at}: empty text in '{}'", locale.tag())
            }
            KbError::TooManyQuestions { topic, count } => {
                write!(
                    f,
                    "topic '{}' has {count} questions (at most {MAX_QUESTIONS})",
                    topic.id()
                )
            }
            KbError::FactMismatch { question, fact } => {
                write!(f, "question '{question}' cannot fill fact '{fact}'")
            }
            KbError::Unused { kind, id } => write!(f, "{kind} '{id}' is never used"),
            KbError::Invalid { at, problem } => write!(f, "{at}: {problem}"),
        }
    }
}

impl std::error::Error for KbError {}
