//! The state of a deadline's clock on the case's `today`: what the advice around a date
//! must follow. A step that says "you don't have to pay the disputed amount" is true only
//! while the written-notice window is open; once it has closed, saying so would lead a
//! cardholder into late fees. The knowledge base tests these states in its guards.

use serde::{Deserialize, Serialize};

include!("clock/ids.rs");

/// Days left at or under which a clock is `closing` (and the plan urgent).
pub const CLOSING_DAYS: i64 = 14;

/// Where a clock stands. Exactly one state holds; the order below is the precedence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// The facts that start it are not known (or the rule does not apply to this case).
    Unknown,
    /// More than [`CLOSING_DAYS`] days left.
    Open,
    /// [`CLOSING_DAYS`] days or fewer left, and mailing still arrives in time.
    Closing,
    /// The date is ahead, but the suggested mail-by date has passed: a letter sent by
    /// ordinary mail today may arrive too late.
    MailByPassed,
    /// The date has passed (and nothing the case knows met it in time).
    Passed,
    /// What the deadline asks for is done, in time: the fact in [`MET_BY`] is on or
    /// before the date (the card company got the written dispute by day 60).
    Met,
}

/// For a deadline the cardholder meets by doing something, the fact that records it.
/// Once that fact is known and on time, the clock is [`ClockState::Met`], and the advice
/// moves on to the next stage (waiting for the card company's answer).
pub const MET_BY: [(&str, &str); 2] = [
    ("billing_error_notice", "notice_received"),
    (
        "adverse_action_reasons_request",
        "adverse_action_reasons_requested",
    ),
];

impl ClockState {
    pub const ALL: [ClockState; 6] = [
        ClockState::Unknown,
        ClockState::Open,
        ClockState::Closing,
        ClockState::MailByPassed,
        ClockState::Passed,
        ClockState::Met,
    ];

    /// The state of a clock with `days_left` until its date and, when mailing is a way to
    /// meet it, `mail_by_days_left` until the suggested mailing date.
    pub fn of(days_left: i64, mail_by_days_left: Option<i64>) -> ClockState {
        if days_left < 0 {
            ClockState::Passed
        } else if mail_by_days_left.is_some_and(|m| m < 0) {
            ClockState::MailByPassed
        } else if days_left <= CLOSING_DAYS {
            ClockState::Closing
        } else {
            ClockState::Open
        }
    }

    /// The contract id (`mail_by_passed`).
    pub fn id(self) -> &'static str {
        CLOCK_STATE_IDS[self as usize]
    }

    pub fn from_id(id: &str) -> Option<ClockState> {
        ClockState::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_date_wins_over_a_passed_mail_by_date() {
        assert_eq!(ClockState::of(-1, Some(-8)), ClockState::Passed);
        assert_eq!(ClockState::of(0, Some(-7)), ClockState::MailByPassed);
        assert_eq!(ClockState::of(4, Some(-3)), ClockState::MailByPassed);
    }

    #[test]
    fn closing_starts_at_the_urgency_threshold() {
        assert_eq!(ClockState::of(CLOSING_DAYS + 1, Some(8)), ClockState::Open);
        assert_eq!(ClockState::of(CLOSING_DAYS, Some(7)), ClockState::Closing);
        assert_eq!(ClockState::of(0, None), ClockState::Closing);
    }

    #[test]
    fn ids_round_trip() {
        for s in ClockState::ALL {
            assert_eq!(ClockState::from_id(s.id()), Some(s));
        }
    }
}
