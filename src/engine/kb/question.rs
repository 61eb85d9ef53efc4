//! Tap-first questions that sharpen a topic, and how their answers become facts.
//!
//! Every answer travels as a string so the UI, the CLI and the JS API share one shape:
//! `yes`/`no` for yes/no questions, an option id for choices, `YYYY-MM-DD` for dates.

use crate::engine::calendar::IsoDate;
use serde::Deserialize;
use serde_json::Value;

use crate::engine::locale::Text;

/// The answer value for "yes".
pub const YES: &str = "yes";
/// The answer value for "no".
pub const NO: &str = "no";

/// One question, shared by every topic that lists it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: Text,
    /// One short line under the prompt: where to find the answer, or why it matters.
    pub help: Text,
    /// The deadline-engine facts this answer fills (required for dates). In JSON a fact
    /// id or a list: one notice can start two clocks, as a rate increase's does.
    #[serde(default, deserialize_with = "one_or_more")]
    pub fact: Vec<String>,
}

/// A fact id, or a list of them.
fn one_or_more<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMore {
        One(String),
        More(Vec<String>),
    }
    Ok(match OneOrMore::deserialize(d)? {
        OneOrMore::One(id) => vec![id],
        OneOrMore::More(ids) => ids,
    })
}

/// How the question is answered.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Choice(Vec<ChoiceOption>),
    Date,
    /// A day of the month, `1`–`31` (the day a billing cycle closes).
    DayOfMonth,
}

/// One tappable option of a choice question.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The answer value; for a question that fills a fact, also the fact's value.
    pub id: String,
    pub label: Text,
}

/// The labels of the two yes/no buttons, kept with the questions so they are translated
/// in the same place.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YesNoLabels {
    pub yes: Text,
    pub no: Text,
}

impl Question {
    /// Whether `answer` is a value this question accepts.
    pub fn accepts(&self, answer: &str) -> bool {
        match &self.kind {
            QuestionKind::YesNo => answer == YES || answer == NO,
            QuestionKind::Choice(options) => options.iter().any(|o| o.id == answer),
            QuestionKind::Date => is_iso_date(answer),
            QuestionKind::DayOfMonth => day_of_month(answer).is_some(),
        }
    }

    /// The values a rule condition may test. Dates have none: date-driven urgency comes
    /// from the deadline engine's days-left figure, not from comparing raw dates here.
    pub fn condition_values(&self) -> Vec<&str> {
        match &self.kind {
            QuestionKind::YesNo => vec![YES, NO],
            QuestionKind::Choice(options) => options.iter().map(|o| o.id.as_str()).collect(),
            QuestionKind::Date | QuestionKind::DayOfMonth => Vec::new(),
        }
    }

    /// The `(fact, value)` pairs this answer fills in the deadline engine's case JSON:
    /// a date or option id as a string, a yes/no as a boolean. Empty if the question
    /// fills no fact or the answer is not valid.
    pub fn fact_entries(&self, answer: &str) -> Vec<(&str, Value)> {
        match self.value(answer) {
            Some(value) => self
                .fact
                .iter()
                .map(|f| (f.as_str(), value.clone()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// An answer as a fact's value, if the question accepts it.
    fn value(&self, answer: &str) -> Option<Value> {
        if !self.accepts(answer) {
            return None;
        }
        let value = match self.kind {
            QuestionKind::YesNo => Value::Bool(answer == YES),
            QuestionKind::DayOfMonth => Value::from(day_of_month(answer)?),
            QuestionKind::Choice(_) | QuestionKind::Date => Value::String(answer.to_owned()),
        };
        Some(value)
    }
}

/// A day-of-month answer: `1`–`31`, digits only.
fn day_of_month(s: &str) -> Option<u8> {
    let ok = !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A date answer must be a date the deadline engine accepts as a fact.
fn is_iso_date(s: &str) -> bool {
    IsoDate::parse(s).is_ok()
}
