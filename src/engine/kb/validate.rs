//! Checks that run once when the knowledge base loads.
//!
//! Serde already rejects unknown keys and missing fields; these checks cover what a
//! schema cannot: references between files, duplicates, empty translations, and data
//! that nothing uses.

use super::fact::{fact_kind, FactKind};
use super::{
    refs, Channel, Condition, DaysLeftRule, Escalation, IdKind, Kb, KbError, Question,
    QuestionKind, Rule, TopicGuide, YesNoLabels, MAX_QUESTIONS,
};
use super::{Block, Line, Pick};
use crate::engine::case::Fact;
use crate::engine::clock::ClockState;
use crate::engine::config::SETTINGS;
use crate::engine::locale::{Locale, Text};
use crate::engine::topic::Topic;

fn text(t: &Text, at: &str) -> Result<(), KbError> {
    for locale in Locale::ALL {
        if t.get(locale).trim().is_empty() {
            return Err(KbError::EmptyText {
                at: at.to_owned(),
                locale,
            });
        }
    }
    Ok(())
}

fn unique<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    kind: IdKind,
    at: &str,
) -> Result<(), KbError> {
    // Lists are short; a linear scan is far less wasm than a HashSet.
    let mut seen = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            return Err(KbError::DuplicateId {
                kind,
                id: id.to_owned(),
                at: at.to_owned(),
            });
        }
        seen.push(id);
    }
    Ok(())
}

fn known(id: &str, exists: bool, kind: IdKind, at: &str) -> Result<(), KbError> {
    if exists {
        Ok(())
    } else {
        Err(KbError::UnknownId {
            kind,
            id: id.to_owned(),
            at: at.to_owned(),
        })
    }
}

fn known_all(
    ids: &[String],
    exists: fn(&str) -> bool,
    kind: IdKind,
    at: &str,
) -> Result<(), KbError> {
    unique(ids.iter().map(String::as_str), kind, at)?;
    for id in ids {
        known(id, exists(id), kind, at)?;
    }
    Ok(())
}

pub(super) fn check_questions(questions: &[Question], yes_no: &YesNoLabels) -> Result<(), KbError> {
    text(&yes_no.yes, "yes_no yes")?;
    text(&yes_no.no, "yes_no no")?;
    unique(
        questions.iter().map(|q| q.id.as_str()),
        IdKind::Question,
        "questions.json",
    )?;
    for q in questions {
        let at = format!("question {}", q.id);
        text(&q.prompt, &format!("{at} prompt"))?;
        text(&q.help, &format!("{at} help"))?;
        if let QuestionKind::Choice(options) = &q.kind {
            if options.len() < 2 {
                return Err(KbError::Invalid {
                    at,
                    problem: "a choice needs at least two options",
                });
            }
            unique(options.iter().map(|o| o.id.as_str()), IdKind::Answer, &at)?;
            for o in options {
                text(&o.label, &format!("{at} option {}", o.id))?;
            }
        }
        check_fact(q, &at)?;
    }
    Ok(())
}

/// A question's fact must exist and take the kind of value the question produces.
fn check_fact(q: &Question, at: &str) -> Result<(), KbError> {
    if q.fact.is_empty() {
        return match q.kind {
            QuestionKind::Date | QuestionKind::DayOfMonth => Err(KbError::Invalid {
                at: at.to_owned(),
                problem: "a date or day-of-month question must name the fact it fills",
            }),
            QuestionKind::YesNo | QuestionKind::Choice(_) => Ok(()),
        };
    }
    unique(q.fact.iter().map(String::as_str), IdKind::Fact, at)?;
    q.fact
        .iter()
        .try_for_each(|fact| check_one_fact(q, fact, at))
}

/// One fact a question fills: it exists and takes what the question produces.
fn check_one_fact(q: &Question, fact: &str, at: &str) -> Result<(), KbError> {
    let Some(kind) = fact_kind(fact) else {
        return Err(KbError::UnknownId {
            kind: IdKind::Fact,
            id: fact.to_owned(),
            at: at.to_owned(),
        });
    };
    let fits = match (&q.kind, kind) {
        (QuestionKind::Date, FactKind::Date)
        | (QuestionKind::YesNo, FactKind::Flag)
        | (QuestionKind::DayOfMonth, FactKind::DayOfMonth) => true,
        (QuestionKind::Choice(options), FactKind::OneOf(allowed)) => {
            options.iter().all(|o| allowed.contains(&o.id.as_str()))
        }
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(KbError::FactMismatch {
            question: q.id.clone(),
            fact: fact.to_owned(),
        })
    }
}

pub(super) fn check_channels(channels: &[Channel]) -> Result<(), KbError> {
    unique(
        channels.iter().map(|c| c.id.as_str()),
        IdKind::Channel,
        "channels.json",
    )?;
    for c in channels {
        let at = format!("channel {}", c.id);
        text(&c.name, &format!("{at} name"))?;
        text(&c.fallback, &format!("{at} fallback"))?;
        if let Some(key) = &c.config_key {
            known(key, refs::config_key(key), IdKind::ConfigKey, &at)?;
        }
    }
    Ok(())
}

pub(super) fn check_escalations(escalations: &[Escalation]) -> Result<(), KbError> {
    unique(
        escalations.iter().map(|e| e.id.as_str()),
        IdKind::Escalation,
        "escalations.json",
    )?;
    for e in escalations {
        let at = format!("escalation {}", e.id);
        text(&e.title, &format!("{at} title"))?;
        text(&e.text, &format!("{at} text"))?;
        known_all(&e.deadlines, refs::deadline, IdKind::Deadline, &at)?;
    }
    Ok(())
}

pub(super) fn check_days_left_rules(rules: &[DaysLeftRule]) -> Result<(), KbError> {
    for (i, r) in rules.iter().enumerate() {
        let at = format!("days_left_rules {i}");
        let problem = match (r.min, r.max) {
            (None, None) => Some("a days-left rule needs a min or a max"),
            (Some(min), Some(max)) if min > max => Some("min is greater than max"),
            _ => None,
        };
        if let Some(problem) = problem {
            return Err(KbError::Invalid { at, problem });
        }
        text(&r.urgency.reason, &at)?;
    }
    Ok(())
}

/// Puts the guides in [`Topic::ALL`] order, requiring each topic exactly once.
pub(super) fn order_guides(guides: Vec<TopicGuide>) -> Result<Vec<TopicGuide>, KbError> {
    let mut slots: [Option<TopicGuide>; 12] = Default::default();
    for guide in guides {
        let Some(topic) = Topic::from_id(&guide.id) else {
            return Err(KbError::UnknownId {
                kind: IdKind::Topic,
                id: guide.id,
                at: "topics.json".to_owned(),
            });
        };
        let slot = &mut slots[topic.index()];
        if slot.is_some() {
            return Err(KbError::DuplicateId {
                kind: IdKind::Topic,
                id: guide.id,
                at: "topics.json".to_owned(),
            });
        }
        *slot = Some(guide);
    }
    Topic::ALL
        .into_iter()
        .zip(slots)
        .map(|(topic, slot)| slot.ok_or(KbError::MissingTopic { topic }))
        .collect()
}

/// Expands every topic's blocks into the topic. A block named but not defined, defined
/// twice, or never used is an error.
pub(super) fn include_blocks(guides: &mut [TopicGuide], blocks: &[Block]) -> Result<(), KbError> {
    unique(
        blocks.iter().map(|b| b.id.as_str()),
        IdKind::Block,
        "blocks",
    )?;
    for b in blocks {
        if !guides.iter().any(|g| g.blocks.iter().any(|p| p.id == b.id)) {
            return Err(KbError::Unused {
                kind: IdKind::Block,
                id: b.id.clone(),
            });
        }
    }
    for g in guides.iter_mut() {
        for pick in std::mem::take(&mut g.blocks) {
            let Some(block) = blocks.iter().find(|b| b.id == pick.id) else {
                return Err(KbError::UnknownId {
                    kind: IdKind::Block,
                    id: pick.id,
                    at: format!("topic {}", g.id),
                });
            };
            g.include(block, &pick.when);
        }
    }
    Ok(())
}

pub(super) fn check_guide(kb: &Kb, topic: Topic, g: &TopicGuide) -> Result<(), KbError> {
    let at = format!("topic {}", g.id);
    text(&g.title, &format!("{at} title"))?;
    text(&g.description, &format!("{at} description"))?;
    if g.questions.len() > MAX_QUESTIONS {
        return Err(KbError::TooManyQuestions {
            topic,
            count: g.questions.len(),
        });
    }
    unique(
        g.questions.iter().map(|p| p.id.as_str()),
        IdKind::Question,
        &at,
    )?;
    for (i, pick) in g.questions.iter().enumerate() {
        let q_at = format!("{at} question {}", pick.id);
        known(
            &pick.id,
            kb.question(&pick.id).is_some(),
            IdKind::Question,
            &q_at,
        )?;
        for c in &pick.when {
            check_condition(kb, g, c, &q_at)?;
            // A question's guard may only look back: at answers to earlier questions.
            let earlier = |q: &str| g.questions[..i].iter().any(|p| p.id == q);
            if !answers_tested(c).into_iter().all(earlier) {
                return Err(KbError::Invalid {
                    at: q_at,
                    problem: "a question's guard tests a question asked after it",
                });
            }
        }
    }
    text(&g.urgency.reason, &format!("{at} urgency"))?;
    for (i, rule) in g.rules.iter().enumerate() {
        check_rule(kb, g, rule, &format!("{at} rule {i}"))?;
    }
    if g.channels.is_empty() {
        return Err(KbError::Invalid {
            at,
            problem: "a topic needs at least one channel",
        });
    }
    // A channel may be listed more than once only with guards, each wording its fit for
    // one situation (the dispute form, with and without the host saying it counts).
    unique(
        g.channels
            .iter()
            .filter(|c| c.when.is_empty())
            .map(|c| c.id.as_str()),
        IdKind::Channel,
        &at,
    )?;
    for fit in &g.channels {
        let fit_at = format!("{at} channel {}", fit.id);
        known(
            &fit.id,
            kb.channel(&fit.id).is_some(),
            IdKind::Channel,
            &fit_at,
        )?;
        text(&fit.why, &fit_at)?;
        for c in &fit.when {
            check_condition(kb, g, c, &fit_at)?;
        }
    }
    for (key, list) in [
        ("steps", &g.steps),
        ("prepare", &g.prepare),
        ("can", &g.can),
        ("cannot", &g.cannot),
    ] {
        check_lines(kb, g, list, &format!("{at} {key}"))?;
    }
    if g.escalations.is_empty() {
        return Err(KbError::Invalid {
            at,
            problem: "a topic needs at least one escalation",
        });
    }
    let ids = |picks: &[Pick]| picks.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    check_escalation_ids(kb, &ids(&g.escalations), &at)?;
    known_all(&ids(&g.deadlines), refs::deadline, IdKind::Deadline, &at)?;
    known_all(&ids(&g.letters), refs::letter, IdKind::Letter, &at)?;
    for pick in g.escalations.iter().chain(&g.letters).chain(&g.deadlines) {
        for c in &pick.when {
            check_condition(kb, g, c, &format!("{at} {}", pick.id))?;
        }
    }
    Ok(())
}

/// A guarded list: not empty, every text in both languages, every guard valid, and every
/// `{deadline}` or `{deadline.mail_by}` date placeholder backed by a guard that the
/// deadline is dated (so a text never shows a date the plan doesn't have).
fn check_lines(kb: &Kb, g: &TopicGuide, lines: &[Line], at: &str) -> Result<(), KbError> {
    if lines.is_empty() {
        return Err(KbError::Invalid {
            at: at.to_owned(),
            problem: "a topic needs every list: steps, prepare, can and cannot",
        });
    }
    for (i, line) in lines.iter().enumerate() {
        let at = format!("{at} {i}");
        text(
            &Text {
                en: line.en.clone(),
                es: line.es.clone(),
            },
            &at,
        )?;
        for c in &line.when {
            check_condition(kb, g, c, &at)?;
        }
        for locale in Locale::ALL {
            for name in placeholders(line.text(locale)) {
                let id = name.strip_suffix(".mail_by").unwrap_or(name);
                known(id, refs::deadline(id), IdKind::Deadline, &at)?;
                let dated = line.when.iter().any(|c| {
                    matches!(c, Condition::Deadline { deadline, states }
                        if deadline == id && !states.contains(&ClockState::Unknown))
                });
                if !dated {
                    return Err(KbError::Invalid {
                        at,
                        problem: "a date placeholder needs a guard that its deadline is dated",
                    });
                }
            }
        }
    }
    Ok(())
}

/// The questions whose answers a condition tests.
fn answers_tested(c: &Condition) -> Vec<&str> {
    match c {
        Condition::Answer { question, .. } | Condition::Answered { question, .. } => {
            vec![question.as_str()]
        }
        Condition::Any(any) => any.iter().flat_map(answers_tested).collect(),
        Condition::Fact { .. } | Condition::Deadline { .. } | Condition::Setting { .. } => {
            Vec::new()
        }
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

fn check_escalation_ids(kb: &Kb, ids: &[String], at: &str) -> Result<(), KbError> {
    unique(ids.iter().map(String::as_str), IdKind::Escalation, at)?;
    for id in ids {
        known(id, kb.escalation(id).is_some(), IdKind::Escalation, at)?;
    }
    Ok(())
}

fn check_rule(kb: &Kb, g: &TopicGuide, rule: &Rule, at: &str) -> Result<(), KbError> {
    if rule.when.is_empty() {
        return Err(KbError::Invalid {
            at: at.to_owned(),
            problem: "a rule needs at least one condition (use the topic's own fields instead)",
        });
    }
    if !rule.has_effect() {
        return Err(KbError::Invalid {
            at: at.to_owned(),
            problem: "a rule changes nothing",
        });
    }
    for c in &rule.when {
        check_condition(kb, g, c, at)?;
    }
    if let Some(urgency) = &rule.urgency {
        text(&urgency.reason, &format!("{at} urgency"))?;
    }
    unique(
        rule.channels_first.iter().map(String::as_str),
        IdKind::Channel,
        at,
    )?;
    for id in &rule.channels_first {
        known(id, kb.channel(id).is_some(), IdKind::Channel, at)?;
        if !g.channels.iter().any(|fit| &fit.id == id) {
            return Err(KbError::Invalid {
                at: at.to_owned(),
                problem: "channels_first names a channel the topic does not list",
            });
        }
    }
    for (i, step) in rule.steps.iter().enumerate() {
        text(step, &format!("{at} step {i}"))?;
    }
    check_escalation_ids(kb, &rule.add_escalations, at)?;
    known_all(&rule.add_deadlines, refs::deadline, IdKind::Deadline, at)?;
    known_all(&rule.add_letters, refs::letter, IdKind::Letter, at)?;
    Ok(())
}

/// A condition may only test a question the topic asks, with values that question can
/// take; a fact, deadline or host setting that exists, with states or values it can have.
fn check_condition(kb: &Kb, g: &TopicGuide, c: &Condition, at: &str) -> Result<(), KbError> {
    let invalid = |problem| KbError::Invalid {
        at: at.to_owned(),
        problem,
    };
    let (question_id, any_of) = match c {
        Condition::Answer { question, any_of } => (question, any_of),
        Condition::Answered { question, .. } => {
            if !g.questions.iter().any(|p| &p.id == question) {
                return Err(invalid(
                    "a condition tests a question this topic does not ask",
                ));
            }
            return Ok(());
        }
        Condition::Fact { fact, .. } => {
            return known(fact, Fact::from_id(fact).is_some(), IdKind::Fact, at);
        }
        Condition::Deadline { deadline, states } => {
            known(deadline, refs::deadline(deadline), IdKind::Deadline, at)?;
            if states.is_empty() {
                return Err(invalid("a deadline condition needs at least one state"));
            }
            return unique(states.iter().map(|s| s.id()), IdKind::Answer, at);
        }
        Condition::Any(any) => {
            if any.len() < 2 {
                return Err(invalid("`any` needs at least two conditions"));
            }
            for c in any {
                check_condition(kb, g, c, at)?;
            }
            return Ok(());
        }
        Condition::Setting { key, any_of } => {
            let Some((_, values)) = SETTINGS.iter().find(|(k, _)| k == key) else {
                return Err(KbError::UnknownId {
                    kind: IdKind::ConfigKey,
                    id: key.clone(),
                    at: at.to_owned(),
                });
            };
            if any_of.is_empty() {
                return Err(invalid("a setting condition needs at least one value"));
            }
            unique(any_of.iter().map(String::as_str), IdKind::Answer, at)?;
            for v in any_of {
                known(v, values.contains(&v.as_str()), IdKind::Answer, at)?;
            }
            return Ok(());
        }
    };
    let Some(question) = kb.question(question_id) else {
        return Err(KbError::UnknownId {
            kind: IdKind::Question,
            id: question_id.clone(),
            at: at.to_owned(),
        });
    };
    if !g.questions.iter().any(|p| &p.id == question_id) {
        return Err(invalid(
            "a condition tests a question this topic does not ask",
        ));
    }
    if matches!(question.kind, QuestionKind::Date | QuestionKind::DayOfMonth) {
        return Err(invalid("a condition cannot test a date answer"));
    }
    if any_of.is_empty() {
        return Err(invalid("a condition needs at least one answer"));
    }
    let values = question.condition_values();
    unique(any_of.iter().map(String::as_str), IdKind::Answer, at)?;
    for v in any_of {
        known(v, values.contains(&v.as_str()), IdKind::Answer, at)?;
    }
    Ok(())
}

/// Every question, channel and escalation must be used by some topic.
pub(super) fn check_all_used(kb: &Kb) -> Result<(), KbError> {
    let guides = kb.guides();
    for q in &kb.questions {
        if !guides
            .iter()
            .any(|g| g.questions.iter().any(|p| p.id == q.id))
        {
            return Err(KbError::Unused {
                kind: IdKind::Question,
                id: q.id.clone(),
            });
        }
    }
    for c in &kb.channels {
        if !guides
            .iter()
            .any(|g| g.channels.iter().any(|f| f.id == c.id))
        {
            return Err(KbError::Unused {
                kind: IdKind::Channel,
                id: c.id.clone(),
            });
        }
    }
    for e in &kb.escalations {
        let used = guides.iter().any(|g| {
            g.escalations.iter().any(|p| p.id == e.id)
                || g.rules.iter().any(|r| r.add_escalations.contains(&e.id))
        });
        if !used {
            return Err(KbError::Unused {
                kind: IdKind::Escalation,
                id: e.id.clone(),
            });
        }
    }
    Ok(())
}
