//! The triage half of a plan: urgency, whom to contact (with the host's real numbers and
//! links), what to do now, what to have ready, what support can do, how to escalate.

use serde::Serialize;

use crate::engine::clock::ClockState;
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
    /// The one thing to do next, its door and its date: what the top of the plan shows
    /// first, on a phone's first screen. `None` only for a plan without steps.
    pub next: Option<Next>,
}

/// The one thing to do next, named by ids into the same plan, so every renderer shows
/// the same step, door and date without choosing them itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Next {
    /// Index into `steps`.
    pub step: usize,
    /// The door: the id of one of the plan's `channels` (`None` when it has none).
    pub channel: Option<String>,
    /// The date that goes with it: the id of one of the plan's `deadlines`, or `None`
    /// when no date is ahead.
    pub deadline: Option<String>,
    /// The step's own words name that deadline's date. Otherwise the date is simply the
    /// next one in the plan, and a renderer shows what it means (its `summary`).
    pub dated_step: bool,
}

/// The door that meets a deadline, where it is not the plan's best channel: a written
/// billing-error notice goes to the billing-error address, whatever the fastest way to
/// start a dispute is.
const DOORS: [(&str, &str); 2] = [
    ("billing_error_notice", "written_letter"),
    ("autopay_dispute_notice", "written_letter"),
];

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
            next: None,
        }
    }
}

impl Advice {
    /// Fills the `{deadline}` and `{deadline.mail_by}` date placeholders of the knowledge
    /// base's texts with the plan's dates, in words. The loader only lets a text use them
    /// behind a guard that the deadline is dated.
    /// Then picks [`Advice::next`] from the steps as written, which still say which
    /// dates they name.
    pub(super) fn with_dates(mut self, deadlines: &[Deadline], locale: Locale) -> Advice {
        let names: Vec<Vec<String>> = self.steps.iter().map(|s| named(s)).collect();
        self.next = self.pick_next(deadlines, &names);
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

impl Advice {
    /// The date that matters most, then the first step naming it and its door. Dates the
    /// cardholder must meet come first, then any date still ahead (an answer due, a
    /// network's limit); within each, one a step names wins, then the earliest. Without a
    /// step naming it (or when something else makes the plan urgent), the first step and
    /// the best channel go with the date.
    fn pick_next(&self, deadlines: &[Deadline], names: &[Vec<String>]) -> Option<Next> {
        if self.steps.is_empty() {
            return None;
        }
        let step_naming = |id: &str| names.iter().position(|n| n.iter().any(|n| n == id));
        let tier = |d: &Deadline| {
            let own = d.party == Party::Cardholder
                && matches!(d.kind, Kind::ReceiveBy | Kind::SendBy | Kind::ActBy);
            let named = step_naming(&d.id).is_some();
            (!own, !named)
        };
        // Sorted by date already: `min_by_key` keeps the earliest of a tier.
        let date = deadlines
            .iter()
            .filter(|d| d.days_left >= 0 && d.state != ClockState::Met)
            .min_by_key(|d| tier(d));
        // An urgent plan whose date is still far off (a lost card, 40 days before a
        // written notice is due) is urgent for another reason: its first step, through
        // the best door, comes first, and the date stays beside it.
        let urgent_elsewhere =
            self.urgency == Urgency::Urgent && date.is_some_and(|d| d.state == ClockState::Open);
        let step = date
            .filter(|_| !urgent_elsewhere)
            .and_then(|d| step_naming(&d.id));
        let best = self.channels.first().map(|c| c.id.clone());
        let door = date
            .filter(|_| step.is_some())
            .and_then(|d| DOORS.iter().find(|(id, _)| *id == d.id))
            .and_then(|(_, door)| self.channels.iter().find(|c| c.id == *door))
            .map(|c| c.id.clone());
        Some(Next {
            step: step.unwrap_or(0),
            channel: door.or(best),
            deadline: date.map(|d| d.id.clone()),
            dated_step: step.is_some(),
        })
    }
}

/// The deadline ids a text names with `{id}` or `{id.mail_by}`.
fn named(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    fill_with(text, |name, _| {
        ids.push(name.strip_suffix(".mail_by").unwrap_or(name).to_string());
        false
    });
    ids
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kb::kb;
    use crate::engine::rules::rule;

    #[test]
    fn every_door_names_a_rule_and_a_channel() {
        let kb = kb().unwrap();
        for (deadline, door) in DOORS {
            assert!(rule(deadline).is_some(), "{deadline}");
            assert!(kb.channel(door).is_some(), "{door}");
        }
    }

    #[test]
    fn named_reads_dates_and_mail_by_dates() {
        assert_eq!(
            named("by {billing_error_notice}: mail it by {billing_error_notice.mail_by}"),
            ["billing_error_notice", "billing_error_notice"]
        );
        assert!(named("no dates").is_empty());
    }
}
