//! The triage half of a plan: urgency, whom to contact (with the host's real numbers and
//! links), what to do now, what to have ready, what support can do, how to escalate.

use serde::Serialize;

use crate::engine::config::{Channel, HostConfig, Reach};
use crate::engine::kb::Urgency;
use crate::engine::locale::Locale;
use crate::engine::plan::Deadline;
use crate::engine::rules::{Kind, Party};
use crate::engine::template::fill_with;
use crate::engine::triage::{ChannelAdvice, EscalationStep, Expectations, Triage};

/// What to do, through which door. Present in a plan whenever its topic is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Advice {
    pub urgency: Urgency,
    pub urgency_reasons: Vec<String>,
    /// Best fit first.
    pub channels: Vec<Contact>,
    /// "Do this now", in order.
    pub steps: Vec<String>,
    /// What to have ready.
    pub prepare: Vec<String>,
    /// What support can and cannot do.
    pub expectations: Expectations,
    pub escalation: Vec<EscalationStep>,
    /// Letters that apply (ids of `engine::letter::LetterKind`).
    pub letters: Vec<String>,
    /// Deadline rules this topic cares about, whether or not their facts are known yet.
    pub deadline_ids: Vec<String>,
}

/// A channel with the issuer's actual contact filled in when the host configured it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub why: String,
    /// The configured number, link or address; `None` means show `fallback`.
    pub reach: Option<Reach>,
    /// What to say without a configured contact ("the number on the back of your card").
    pub fallback: String,
}

impl Advice {
    pub(super) fn new(triage: Triage, host: &HostConfig, locale: Locale) -> Advice {
        Advice {
            urgency: triage.urgency,
            urgency_reasons: triage.urgency_reasons,
            channels: triage
                .channels
                .into_iter()
                .map(|c| Contact::new(c, host, locale))
                .collect(),
            steps: triage.steps,
            prepare: triage.prepare,
            expectations: triage.expectations,
            escalation: triage.escalation,
            letters: triage.letter_ids,
            deadline_ids: triage.deadline_ids,
        }
    }
}

impl Advice {
    /// Fills the `{deadline}` and `{deadline.mail_by}` date placeholders of the knowledge
    /// base's texts with the plan's dates, in words. The loader only lets a text use them
    /// behind a guard that the deadline is dated.
    pub(super) fn with_dates(mut self, deadlines: &[Deadline], locale: Locale) -> Advice {
        let fill = |text: &mut String| {
            *text = fill_with(text, |name, out| {
                let (id, mail_by) = match name.strip_suffix(".mail_by") {
                    Some(id) => (id, true),
                    None => (name, false),
                };
                let Some(d) = deadlines.iter().find(|d| d.id == id) else {
                    return false;
                };
                let date = match (mail_by, &d.mail_by) {
                    (false, _) => d.date,
                    (true, Some(m)) => m.date,
                    (true, None) => return false,
                };
                out.push_str(&date.long(locale));
                true
            });
        };
        self.urgency_reasons.iter_mut().for_each(fill);
        self.steps.iter_mut().for_each(fill);
        self.expectations.can.iter_mut().for_each(fill);
        self.expectations.cannot.iter_mut().for_each(fill);
        self.channels.iter_mut().for_each(|c| fill(&mut c.why));
        self
    }
}

impl Contact {
    fn new(advice: ChannelAdvice, host: &HostConfig, locale: Locale) -> Contact {
        let reach = advice
            .config_key
            .as_deref()
            .and_then(Channel::from_id)
            .and_then(|c| c.reach(host, locale));
        Contact {
            id: advice.id,
            name: advice.name,
            why: advice.why,
            reach,
            fallback: advice.fallback,
        }
    }
}

/// Days left before the cardholder's most pressing deadline, for the urgency rules: the
/// nearest one still ahead, or else the one that passed most recently.
pub(super) fn nearest_days_left(deadlines: &[Deadline]) -> Option<i64> {
    let own = deadlines
        .iter()
        .filter(|d| d.party == Party::Cardholder)
        .filter(|d| matches!(d.kind, Kind::ReceiveBy | Kind::SendBy | Kind::ActBy))
        .map(|d| d.days_left);
    let (ahead, passed): (Vec<i64>, Vec<i64>) = own.partition(|&n| n >= 0);
    ahead.into_iter().min().or_else(|| passed.into_iter().max())
}
