//! The facts of the deadline engine's case JSON that a question's answer can fill.
//!
//! The names are the deadline engine's contract. Knowing each fact's value kind lets the
//! loader reject a question that would feed it the wrong type (a yes/no into a date).

/// The values a fact takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// An ISO date, `YYYY-MM-DD`.
    Date,
    /// `true` or `false`.
    Flag,
    /// Exactly one of these strings.
    OneOf(&'static [&'static str]),
    /// A day of the month, 1–31.
    DayOfMonth,
}

/// Every fact the deadline engine reads, with its value kind.
pub const FACTS: &[(&str, FactKind)] = &[
    ("statement_sent", FactKind::Date),
    ("statement_closing", FactKind::Date),
    ("transaction_date", FactKind::Date),
    ("notice_received", FactKind::Date),
    ("cycle_closing_day", FactKind::DayOfMonth),
    ("due_date", FactKind::Date),
    (
        "payment_method",
        FactKind::OneOf(&["mail", "online", "phone"]),
    ),
    ("statement_mailed", FactKind::Date),
    ("refund_request_received", FactKind::Date),
    ("terms_notice_sent", FactKind::Date),
    ("rate_increase_notice_sent", FactKind::Date),
    ("rate_increase_notice_received", FactKind::Date),
    ("adverse_action_reasons_received", FactKind::Date),
    ("autopay_date", FactKind::Date),
    ("autopay_from_issuer_account", FactKind::Flag),
    ("credit_balance_since", FactKind::Date),
    ("freeze_lift_requested", FactKind::Date),
    (
        "freeze_lift_method",
        FactKind::OneOf(&["online", "phone", "mail"]),
    ),
    ("active_duty_alert_placed", FactKind::Date),
    ("fraud_alert_placed", FactKind::Date),
    ("extended_alert_placed", FactKind::Date),
    ("freeze_requested", FactKind::Date),
    (
        "freeze_request_method",
        FactKind::OneOf(&["online", "phone", "mail"]),
    ),
    ("report_dispute_received", FactKind::Date),
    ("report_dispute_info_added", FactKind::Flag),
    ("cfpb_complaint_sent", FactKind::Date),
    ("adverse_action_date", FactKind::Date),
    ("terms_notice_received", FactKind::Date),
    ("billing_error_decision_date", FactKind::Date),
    (
        "card_network",
        FactKind::OneOf(&["visa", "mastercard", "amex", "discover"]),
    ),
    ("adverse_action_notice_date", FactKind::Date),
    ("adverse_action_reasons_requested", FactKind::Date),
    ("application_completed", FactKind::Date),
];

/// The kind of the fact called `name`, if the deadline engine knows it.
pub fn fact_kind(name: &str) -> Option<FactKind> {
    FACTS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}
