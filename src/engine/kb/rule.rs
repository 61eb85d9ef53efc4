//! Urgency levels and the data rules that let answers change a triage.
//!
//! Rules are data, not code, so the help-center team can adjust them by editing JSON and
//! the loader can check every id they mention.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use crate::engine::clock::ClockState;
use crate::engine::locale::{Locale, Text};

/// How soon the cardholder should act. Ordered: a rule can only raise it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    Routine,
    Soon,
    Urgent,
}

/// An urgency level with the reason shown to the cardholder.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub level: Urgency,
    pub reason: Text,
}

/// What a guard can test besides the answers: which facts are known, where each
/// deadline's clock stands, and the host's settings. Built by the plan resolver from the
/// case, so triage, the question flow and the letters read the same situation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Situation {
    /// Ids of the facts the case knows (given, or filled by an answer).
    pub known_facts: Vec<&'static str>,
    /// The state of every deadline the case could date; any other is `unknown`.
    pub clocks: Vec<(&'static str, ClockState)>,
    /// Host settings a guard may test, as `(key, value)`; an unset key is `unknown`.
    pub settings: Vec<(&'static str, &'static str)>,
}

impl Situation {
    /// The state of the clock of deadline `id`.
    pub fn clock(&self, id: &str) -> ClockState {
        self.clocks
            .iter()
            .find(|(d, _)| *d == id)
            .map_or(ClockState::Unknown, |(_, s)| *s)
    }

    fn setting(&self, key: &str) -> &str {
        self.settings
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(UNKNOWN, |(_, v)| v)
    }
}

/// The value of a host setting the host left unset.
pub const UNKNOWN: &str = "unknown";

/// A guard: one thing that must hold about the case. In JSON, one of
/// `{"question": id, "in": [answers]}`, `{"question": id, "answered": bool}`,
/// `{"fact": id, "known": bool}`,
/// `{"deadline": id, "state": [states]}`, `{"setting": key, "in": [values]}` or
/// `{"any": [conditions]}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawCondition")]
pub enum Condition {
    /// The answer to `question` is one of `any_of` (an unanswered question never is).
    Answer {
        question: String,
        any_of: Vec<String>,
    },
    /// The question has (or has not) been answered; skipping it leaves it unanswered.
    Answered { question: String, answered: bool },
    /// The fact is (or is not) known.
    Fact { fact: String, known: bool },
    /// The deadline's clock is in one of `states`.
    Deadline {
        deadline: String,
        states: Vec<ClockState>,
    },
    /// The host setting is one of `any_of` (`unknown` when unset).
    Setting { key: String, any_of: Vec<String> },
    /// At least one of these holds.
    Any(Vec<Condition>),
}

impl Condition {
    /// Whether the case satisfies this condition.
    pub fn holds(&self, answers: &Answers, situation: &Situation) -> bool {
        match self {
            Condition::Answer { question, any_of } => answers
                .get(question)
                .is_some_and(|a| any_of.iter().any(|v| v == a)),
            Condition::Answered { question, answered } => {
                answers.get(question).is_some() == *answered
            }
            Condition::Fact { fact, known } => {
                situation.known_facts.iter().any(|f| f == fact) == *known
            }
            Condition::Deadline { deadline, states } => states.contains(&situation.clock(deadline)),
            Condition::Setting { key, any_of } => {
                let value = situation.setting(key);
                any_of.iter().any(|v| v == value)
            }
            Condition::Any(any) => any.iter().any(|c| c.holds(answers, situation)),
        }
    }
}

/// Whether every condition holds (an empty guard always does).
pub fn all_hold(when: &[Condition], answers: &Answers, situation: &Situation) -> bool {
    when.iter().all(|c| c.holds(answers, situation))
}

/// The JSON shape of a [`Condition`], checked into one of its forms.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    question: Option<String>,
    fact: Option<String>,
    deadline: Option<String>,
    setting: Option<String>,
    any: Option<Vec<Condition>>,
    answered: Option<bool>,
    #[serde(rename = "in")]
    any_of: Option<Vec<String>>,
    known: Option<bool>,
    state: Option<Vec<ClockState>>,
}

impl TryFrom<RawCondition> for Condition {
    type Error = &'static str;

    fn try_from(r: RawCondition) -> Result<Self, Self::Error> {
        let RawCondition {
            question,
            fact,
            deadline,
            setting,
            any,
            answered,
            any_of,
            known,
            state,
        } = r;
        if let (Some(question), Some(answered), None, None, None, None, None, None, None) = (
            &question, answered, &fact, &deadline, &setting, &any, &any_of, known, &state,
        ) {
            return Ok(Condition::Answered {
                question: question.clone(),
                answered,
            });
        }
        if answered.is_some() {
            return Err(CONDITION_FORMS);
        }
        Ok(
            match (question, fact, deadline, setting, any, any_of, known, state) {
                (Some(question), None, None, None, None, Some(any_of), None, None) => {
                    Condition::Answer { question, any_of }
                }
                (None, Some(fact), None, None, None, None, Some(known), None) => {
                    Condition::Fact { fact, known }
                }
                (None, None, Some(deadline), None, None, None, None, Some(states)) => {
                    Condition::Deadline { deadline, states }
                }
                (None, None, None, Some(key), None, Some(any_of), None, None) => {
                    Condition::Setting { key, any_of }
                }
                (None, None, None, None, Some(any), None, None, None) => Condition::Any(any),
                _ => return Err(CONDITION_FORMS),
            },
        )
    }
}

const CONDITION_FORMS: &str = "a condition is {question, in}, {question, answered}, {fact, known}, {deadline, state}, {setting, in} or {any}";

/// A text shown only when its guard holds: `{"en", "es", "when"?}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub en: String,
    pub es: String,
    #[serde(default)]
    pub when: Vec<Condition>,
}

impl Line {
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Es => &self.es,
        }
    }
}

/// An id (question, letter, escalation) used only when its guard holds: a plain
/// `"id"`, or `{"id", "when"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "RawPick")]
pub struct Pick {
    pub id: String,
    pub when: Vec<Condition>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawPick {
    Id(String),
    Guarded(GuardedId),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuardedId {
    id: String,
    when: Vec<Condition>,
}

impl From<RawPick> for Pick {
    fn from(raw: RawPick) -> Self {
        match raw {
            RawPick::Id(id) => Pick {
                id,
                when: Vec::new(),
            },
            RawPick::Guarded(GuardedId { id, when }) => Pick { id, when },
        }
    }
}

/// What a topic's answers can change. Applies when every condition in `when` holds.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub when: Vec<Condition>,
    /// Raises the urgency (never lowers it) and adds this reason.
    #[serde(default)]
    pub urgency: Option<Assessment>,
    /// Channels moved to the front, in this order. Shown even if their own `when` fails.
    #[serde(default)]
    pub channels_first: Vec<String>,
    /// Steps put before the topic's own steps: what the answers make most pressing.
    #[serde(default)]
    pub steps: Vec<Text>,
    /// Escalations put before the topic's own.
    #[serde(default)]
    pub add_escalations: Vec<String>,
    #[serde(default)]
    pub add_deadlines: Vec<String>,
    #[serde(default)]
    pub add_letters: Vec<String>,
}

impl Rule {
    /// Whether the rule changes anything at all; a rule that doesn't is a data mistake.
    pub fn has_effect(&self) -> bool {
        self.urgency.is_some()
            || !self.channels_first.is_empty()
            || !self.steps.is_empty()
            || !self.add_escalations.is_empty()
            || !self.add_deadlines.is_empty()
            || !self.add_letters.is_empty()
    }
}

/// Urgency from the days left before the nearest deadline the cardholder must meet
/// (computed by the deadline engine). Applies to every topic.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysLeftRule {
    /// Inclusive bounds; a missing bound is open.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    pub urgency: Assessment,
}

impl DaysLeftRule {
    /// Whether `days_left` falls within the bounds.
    pub fn holds(&self, days_left: i64) -> bool {
        self.min.is_none_or(|m| days_left >= m) && self.max.is_none_or(|m| days_left <= m)
    }
}
