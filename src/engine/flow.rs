//! The question flow: which of a topic's questions are still worth asking.
//!
//! A question is asked only while its guard in the knowledge base holds, so it comes up
//! only when its answer can change the plan: no "closing date?" once the sent date is
//! known, no freeze-method question without a freeze. Guards read the same [`Reading`]
//! of the case as the plan, so the questions and the advice never see different facts.
//! `cardhelp questions`, the JS API's `questions(case)` and the widget all call this.

use serde::Serialize;

use crate::engine::case::{Case, CaseError, Fact};
use crate::engine::classify::cues;
use crate::engine::config::HostConfig;
use crate::engine::kb::{kb, Question, QuestionKind, NO, YES};
use crate::engine::locale::{Locale, Text};
use crate::engine::plan::{host_config, read, Reading};
use crate::engine::topic::Topic;

/// The questions still to ask, in order, given the answers so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Questions {
    pub questions: Vec<FlowQuestion>,
    /// Nothing is left to ask: the plan is as complete as the questions can make it.
    pub done: bool,
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    YesNo,
    Choice,
    Date,
    DayOfMonth,
}

/// A tappable answer: `id` is the value to send back in `answers`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
}

/// One question, in the case's language (the `cardhelp questions` contract).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FlowQuestion {
    pub id: String,
    pub kind: AnswerKind,
    /// The buttons of yes/no (`yes`, `no`) and choice questions; empty otherwise.
    pub options: Vec<AnswerOption>,
    /// The deadline-engine facts the answer fills.
    pub fills: Vec<String>,
    /// What the cardholder's own words already say, to show pre-selected and editable;
    /// never used as an answer until the cardholder confirms it.
    pub prefilled: Option<String>,
    /// The question.
    pub text: String,
    /// One short line under it: where to find the answer, or why it matters.
    pub help: String,
    /// The answer is the date of something that already happened, so it can't be after
    /// the case's `today` (the widget refuses it on the field; the plan would too).
    #[serde(skip)]
    pub happened: bool,
    /// Already answered (only in [`asked`]; the contract lists unanswered ones).
    #[serde(skip)]
    pub answer: Option<String>,
    /// Where the question sits in the topic's list, a stable position while guards
    /// hide and show the questions around it.
    #[serde(skip)]
    pub position: usize,
}

/// `cardhelp questions`: the questions still to ask for a case. The topic comes from
/// `topic`, or from `text` when no topic was chosen.
pub fn questions(case: &Case) -> Result<Questions, CaseError> {
    let (host, _) = host_config(case);
    let questions: Vec<FlowQuestion> = asked(case, &host)?
        .into_iter()
        .filter(|q| q.answer.is_none())
        .collect();
    Ok(Questions {
        done: questions.is_empty(),
        questions,
    })
}

/// Every question the topic asks in this case, answered or not, in order: what the
/// widget steps through (Back goes to the previous one still asked). A question whose
/// facts were given directly (a share link, the JS API) is not asked again.
pub fn asked(case: &Case, host: &HostConfig) -> Result<Vec<FlowQuestion>, CaseError> {
    let reading = read(case, host)?;
    let Some(topic) = reading.case.topic else {
        return Err(CaseError::new(
            "topic",
            "needed (or a text to read it from) to choose the questions",
        ));
    };
    let kb = kb().map_err(|e| CaseError::new("topic", e.to_string()))?;
    let prefills = case.text.as_deref().map(cues::prefill).unwrap_or_default();
    let known = case.facts.known_ids();
    let given =
        |q: &Question| !q.fact.is_empty() && q.fact.iter().all(|f| known.contains(&f.as_str()));
    let Reading {
        case: read_case,
        situation,
        ..
    } = &reading;
    let positions = kb.guide(topic).questions.iter().map(|p| p.id.as_str());
    Ok(kb
        .questions_asked(topic, &read_case.answers, situation)
        .filter(|q| !given(q))
        .map(|q| {
            let position = positions.clone().position(|id| id == q.id).unwrap_or(0);
            let prefilled = prefills
                .iter()
                .find(|(question, _)| *question == q.id)
                .map(|(_, answer)| answer.to_string())
                .filter(|a| q.accepts(a));
            view(
                q,
                case.locale,
                read_case.answers.get(&q.id).cloned(),
                prefilled,
                position,
            )
        })
        .collect())
}

/// A question as the contract shows it, in one language.
fn view(
    q: &Question,
    locale: Locale,
    answer: Option<String>,
    prefilled: Option<String>,
    position: usize,
) -> FlowQuestion {
    let option = |id: &str, label: &Text| AnswerOption {
        id: id.to_owned(),
        label: label.get(locale).to_owned(),
    };
    let (kind, options) = match &q.kind {
        QuestionKind::YesNo => {
            let labels = kb().map(|kb| kb.yes_no());
            let options = labels.map_or_else(
                |_| Vec::new(),
                |l| vec![option(YES, &l.yes), option(NO, &l.no)],
            );
            (AnswerKind::YesNo, options)
        }
        QuestionKind::Choice(opts) => (
            AnswerKind::Choice,
            opts.iter().map(|o| option(&o.id, &o.label)).collect(),
        ),
        QuestionKind::Date => (AnswerKind::Date, Vec::new()),
        QuestionKind::DayOfMonth => (AnswerKind::DayOfMonth, Vec::new()),
    };
    FlowQuestion {
        id: q.id.clone(),
        kind,
        options,
        fills: q.fact.clone(),
        happened: q
            .fact
            .iter()
            .filter_map(|id| Fact::from_id(id))
            .any(Fact::happened),
        prefilled,
        text: q.prompt.get(locale).to_owned(),
        help: q.help.get(locale).to_owned(),
        answer,
        position,
    }
}

/// Whether `topic` may ask `question` at all (in some situation): the answers a case
/// for this topic may carry.
pub fn may_ask(topic: Topic, question: &str) -> bool {
    kb().is_ok_and(|kb| kb.questions_for(topic).any(|q| q.id == question))
}
