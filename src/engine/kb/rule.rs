//! Urgency levels and the data rules that let answers change a triage.
//!
//! Rules are data, not code, so the help-center team can adjust them by editing JSON and
//! the loader can check every id they mention.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use crate::engine::locale::Text;

/// How soon the cardholder should act. Ordered: a rule can only raise it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    Routine,
    Soon,
    Urgent,
}

/// An urgency level with the reason shown to the cardholder.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub level: Urgency,
    pub reason: Text,
}

/// "The answer to `question` is one of `any_of`."
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    #[serde(rename = "in")]
    pub any_of: Vec<String>,
}

impl Condition {
    /// Whether the answers satisfy this condition. An unanswered question never does.
    pub fn holds(&self, answers: &Answers) -> bool {
        answers
            .get(&self.question)
            .is_some_and(|a| self.any_of.iter().any(|v| v == a))
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
