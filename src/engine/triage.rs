//! Triage: from a topic and a few tapped answers to how urgent it is, whom to contact,
//! what to do now and how to escalate.
//!
//! Pure and data-driven: every decision comes from the knowledge base's rules, so this
//! file only knows how to apply rules, never what the rules are.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::engine::kb::Answers;
use crate::engine::kb::{all_hold, kb, ChannelFit, Kb, KbError, Line, Pick, Situation, Urgency};
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
    /// Known facts, clock states and host settings, for the guards (the plan fills it).
    #[serde(skip)]
    pub situation: Situation,
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
    let situation = &input.situation;
    let l = input.locale;
    let local = |t: &Text| t.get(l).to_owned();
    let holds = |when: &[_]| all_hold(when, answers, situation);
    let lines = |lines: &[Line]| -> Vec<String> {
        lines
            .iter()
            .filter(|line| holds(&line.when))
            .map(|line| line.text(l).to_owned())
            .collect()
    };
    let picked = |picks: &'_ [Pick]| -> Vec<String> {
        picks
            .iter()
            .filter(|p| holds(&p.when))
            .map(|p| p.id.clone())
            .collect()
    };
    let rules: Vec<_> = guide.rules.iter().filter(|r| holds(&r.when)).collect();

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
    let shown = guide.channels.iter().filter(|f| holds(&f.when));
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

    let mut steps: Vec<String> = rules.iter().flat_map(|r| &r.steps).map(local).collect();
    steps.extend(lines(&guide.steps));
    let own_escalations = picked(&guide.escalations);
    let escalation_ids = rules
        .iter()
        .flat_map(|r| &r.add_escalations)
        .chain(&own_escalations);
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
        steps: unique(steps.iter()),
        prepare: lines(&guide.prepare),
        expectations: Expectations {
            can: lines(&guide.can),
            cannot: lines(&guide.cannot),
        },
        escalation,
        deadline_ids: unique(
            picked(&guide.deadlines)
                .iter()
                .chain(rules.iter().flat_map(|r| &r.add_deadlines)),
        ),
        letter_ids: unique(
            picked(&guide.letters)
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
        let entries = answers
            .get(&question.id)
            .map(|a| question.fact_entries(a))
            .unwrap_or_default();
        for (fact, value) in entries {
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
