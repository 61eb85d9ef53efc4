//! Triage: from a topic and a few tapped answers to how urgent it is, whom to contact,
//! what to do now and how to escalate.
//!
//! Pure and data-driven: every decision comes from the knowledge base's rules, so this
//! file only knows how to apply rules, never what the rules are.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::engine::kb::Answers;
use crate::engine::kb::{kb, ChannelFit, Kb, KbError, QuestionKind, Urgency, NO, YES};
use crate::engine::locale::{Locale, Text};
use crate::engine::topic::Topic;

/// What the resolver needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriageInput {
    pub topic: Topic,
    #[serde(default)]
    pub answers: Answers,
    /// Days left before the nearest deadline the cardholder must meet (from the deadline
    /// engine); negative once it has passed.
    #[serde(default)]
    pub days_left: Option<i64>,
    #[serde(default)]
    pub locale: Locale,
}

/// The triage shown to the cardholder, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    pub topic: Topic,
    pub urgency: Urgency,
    /// Why it has this urgency (only the reasons for the final level).
    pub urgency_reasons: Vec<String>,
    /// Best fit first.
    pub channels: Vec<ChannelAdvice>,
    /// "Do this now", in order.
    pub steps: Vec<String>,
    pub prepare: Vec<String>,
    pub expectations: Expectations,
    pub escalation: Vec<EscalationStep>,
    /// Deadline rules that apply to this case now (escalation clocks are listed on each
    /// escalation step instead, since they only start when the step is taken).
    pub deadline_ids: Vec<String>,
    pub letter_ids: Vec<String>,
}

/// One way to contact the issuer, and why it suits this case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelAdvice {
    pub id: String,
    pub name: String,
    pub why: String,
    /// The host-config key with the issuer's real contact for this channel, if any.
    pub config_key: Option<String>,
    /// What to show when the host has not configured the contact.
    pub fallback: String,
}

/// What support can and cannot do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expectations {
    pub can: Vec<String>,
    pub cannot: Vec<String>,
}

/// A step to take if support does not solve it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationStep {
    pub id: String,
    pub title: String,
    pub text: String,
    /// Deadline rules that taking this step starts.
    pub deadline_ids: Vec<String>,
}

/// Why a triage could not be produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TriageError {
    /// The knowledge base did not load.
    Kb(KbError),
    /// An answer to a question this topic does not ask.
    UnknownQuestion { topic: Topic, question: String },
    /// An answer the question does not accept.
    InvalidAnswer { question: String, answer: String },
}

impl fmt::Display for TriageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TriageError::Kb(e) => write!(f, "knowledge base: {e}"),
            TriageError::UnknownQuestion { topic, question } => {
                write!(f, "topic '{}' does not ask '{question}'", topic.id())
            }
            TriageError::InvalidAnswer { question, answer } => {
                write!(f, "'{answer}' is not an answer to '{question}'")
            }
        }
    }
}

impl std::error::Error for TriageError {}

impl From<KbError> for TriageError {
    fn from(e: KbError) -> Self {
        TriageError::Kb(e)
    }
}

/// Triages a case with the shipped knowledge base.
pub fn triage(input: &TriageInput) -> Result<Triage, TriageError> {
    resolve(kb()?, input)
}

/// Triages a case with a given knowledge base.
pub fn resolve(kb: &Kb, input: &TriageInput) -> Result<Triage, TriageError> {
    check_answers(kb, input.topic, &input.answers)?;
    let guide = kb.guide(input.topic);
    let answers = &input.answers;
    let l = input.locale;
    let local = |t: &Text| t.get(l).to_owned();
    let rules: Vec<_> = guide
        .rules
        .iter()
        .filter(|r| r.when.iter().all(|c| c.holds(answers)))
        .collect();

    let mut assessments = vec![&guide.urgency];
    assessments.extend(rules.iter().filter_map(|r| r.urgency.as_ref()));
    if let Some(days) = input.days_left {
        let by_days = kb.days_left_rules().iter().filter(|r| r.holds(days));
        assessments.extend(by_days.map(|r| &r.urgency));
    }
    let urgency = assessments
        .iter()
        .map(|a| a.level)
        .max()
        .unwrap_or(guide.urgency.level);
    let urgency_reasons = assessments
        .iter()
        .filter(|a| a.level == urgency)
        .map(|a| local(&a.reason))
        .collect();

    let mut fits: Vec<&ChannelFit> = Vec::new();
    let promoted = rules.iter().flat_map(|r| &r.channels_first);
    let promoted_fits = promoted.filter_map(|id| guide.channels.iter().find(|f| &f.id == id));
    let shown = guide
        .channels
        .iter()
        .filter(|f| f.when.iter().all(|c| c.holds(answers)));
    for fit in promoted_fits.chain(shown) {
        if !fits.iter().any(|f| f.id == fit.id) {
            fits.push(fit);
        }
    }
    let channels = fits
        .into_iter()
        .filter_map(|fit| {
            let channel = kb.channel(&fit.id)?;
            Some(ChannelAdvice {
                id: fit.id.clone(),
                name: local(&channel.name),
                why: local(&fit.why),
                config_key: channel.config_key.clone(),
                fallback: local(&channel.fallback),
            })
        })
        .collect();

    let steps = rules
        .iter()
        .flat_map(|r| &r.steps)
        .chain(&guide.steps)
        .map(local)
        .collect();
    let escalation_ids = rules
        .iter()
        .flat_map(|r| &r.add_escalations)
        .chain(&guide.escalations);
    let escalation = unique(escalation_ids)
        .into_iter()
        .filter_map(|id| {
            let e = kb.escalation(&id)?;
            Some(EscalationStep {
                id,
                title: local(&e.title),
                text: local(&e.text),
                deadline_ids: e.deadlines.clone(),
            })
        })
        .collect();

    Ok(Triage {
        topic: input.topic,
        urgency,
        urgency_reasons,
        channels,
        steps,
        prepare: guide.prepare.iter().map(local).collect(),
        expectations: Expectations {
            can: guide.can.iter().map(local).collect(),
            cannot: guide.cannot.iter().map(local).collect(),
        },
        escalation,
        deadline_ids: unique(
            guide
                .deadlines
                .iter()
                .chain(rules.iter().flat_map(|r| &r.add_deadlines)),
        ),
        letter_ids: unique(
            guide
                .letters
                .iter()
                .chain(rules.iter().flat_map(|r| &r.add_letters)),
        ),
    })
}

/// Ids in first-seen order, without repeats.
fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

/// Every answer must belong to a question the topic asks and be a value it accepts.
fn check_answers(kb: &Kb, topic: Topic, answers: &Answers) -> Result<(), TriageError> {
    for (id, answer) in answers {
        let question = kb
            .questions_for(topic)
            .find(|q| &q.id == id)
            .ok_or_else(|| TriageError::UnknownQuestion {
                topic,
                question: id.clone(),
            })?;
        if !question.accepts(answer) {
            return Err(TriageError::InvalidAnswer {
                question: id.clone(),
                answer: answer.clone(),
            });
        }
    }
    Ok(())
}

/// The deadline-engine facts that the answers fill, ready to merge into the case JSON:
/// dates and choices as strings, yes/no as booleans. Answers without a fact are left out.
pub fn answer_facts(topic: Topic, answers: &Answers) -> Result<Map<String, Value>, TriageError> {
    let kb = kb()?;
    check_answers(kb, topic, answers)?;
    let mut facts = Map::new();
    for question in kb.questions_for(topic) {
        let entry = answers
            .get(&question.id)
            .and_then(|a| question.fact_entry(a));
        if let Some((fact, value)) = entry {
            facts.insert(fact.to_owned(), value);
        }
    }
    Ok(facts)
}

/// A topic tile for the start screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicTile {
    pub id: Topic,
    pub title: String,
    pub description: String,
}

/// Every topic's tile, in tile order.
pub fn topics(locale: Locale) -> Result<Vec<TopicTile>, KbError> {
    let kb = kb()?;
    Ok(Topic::ALL
        .into_iter()
        .map(|topic| {
            let guide = kb.guide(topic);
            TopicTile {
                id: topic,
                title: guide.title.get(locale).to_owned(),
                description: guide.description.get(locale).to_owned(),
            }
        })
        .collect())
}

/// How a question is answered on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    YesNo,
    Choice,
    Date,
}

/// A tappable answer: `id` is the value to send back in [`Answers`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
}

/// A question as the UI shows it, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub kind: AnswerKind,
    pub prompt: String,
    pub help: String,
    /// The buttons for yes/no and choice questions; empty for dates.
    pub options: Vec<AnswerOption>,
    /// The deadline-engine fact the answer fills, if any.
    pub fact: Option<String>,
}

/// The questions for `topic`, in the order to ask them.
pub fn questions(topic: Topic, locale: Locale) -> Result<Vec<QuestionView>, KbError> {
    let kb = kb()?;
    let option = |id: &str, label: &Text| AnswerOption {
        id: id.to_owned(),
        label: label.get(locale).to_owned(),
    };
    Ok(kb
        .questions_for(topic)
        .map(|q| {
            let (kind, options) = match &q.kind {
                QuestionKind::YesNo => (
                    AnswerKind::YesNo,
                    vec![option(YES, &kb.yes_no().yes), option(NO, &kb.yes_no().no)],
                ),
                QuestionKind::Choice(opts) => (
                    AnswerKind::Choice,
                    opts.iter().map(|o| option(&o.id, &o.label)).collect(),
                ),
                QuestionKind::Date => (AnswerKind::Date, Vec::new()),
            };
            QuestionView {
                id: q.id.clone(),
                kind,
                prompt: q.prompt.get(locale).to_owned(),
                help: q.help.get(locale).to_owned(),
                options,
                fact: q.fact.clone(),
            }
        })
        .collect())
}
