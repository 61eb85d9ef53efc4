//! What the cardholder takes away, built from the one plan: the deadlines as calendar
//! events, and the letter fields the plan already knows. Because both read the same
//! [`Plan`] the screen shows, the calendar and the letters cannot disagree with it.

use time::UtcDateTime;

use crate::engine::calendar::{add_days, IsoDate};
use crate::engine::case::Fact;
use crate::engine::config::HostConfig;
use crate::engine::ics::{self, IcsEvent};
use crate::engine::letter::{
    AdverseAction, BillingErrorReason, LetterFields, LetterKind, RefundMethod,
};
use crate::engine::locale::Locale;
use crate::engine::plan::{Deadline, MailAdvice, Plan};
use crate::engine::rules::{Party, Unit};
use crate::engine::topic::Topic;

mod titles;

/// The calendar file's `PRODID`.
pub const PRODUCT_ID: &str = "-//cardhelp//cardhelp deadlines//EN";

/// Reminders, in days before the day the cardholder has to act: the deadline itself, or
/// the last day to mail when the plan gives one (a reminder a day before a receive-by
/// date leaves no time for the mail). Dates other parties owe only get the morning-of
/// reminder every event has.
const OWN_REMINDERS: [u16; 2] = [7, 1];

/// The plan's deadlines that are still ahead, one all-day event each, in the plan's
/// order. A deadline with mail-by advice still ahead also gets an event on the last day
/// to mail, just before its own, which carries the early reminders.
pub fn calendar_events(plan: &Plan) -> Vec<IcsEvent> {
    let mut events = Vec::new();
    for d in plan.deadlines.iter().filter(|d| d.days_left >= 0) {
        let mail = (d.mail_by.as_ref().filter(|m| m.days_left >= 0))
            .and_then(|m| mail_event(d, m, plan.locale));
        let early = if mail.is_some() || d.party != Party::Cardholder {
            Vec::new()
        } else {
            reminders(d.days_left)
        };
        events.extend(mail);
        events.push(event(d, early, plan.locale));
    }
    events
}

/// The `.ics` file for the plan, or `None` when no deadline is still ahead (an empty
/// calendar is not worth offering).
pub fn calendar(plan: &Plan, now: UtcDateTime) -> Option<String> {
    let events = calendar_events(plan);
    (!events.is_empty()).then(|| ics::calendar(&events, PRODUCT_ID, now))
}

/// The [`OWN_REMINDERS`] still ahead of a day `days_left` away: a calendar would fire
/// the others the moment the file is imported, for a date the cardholder knows is close.
fn reminders(days_left: i64) -> Vec<u16> {
    OWN_REMINDERS
        .into_iter()
        .filter(|&n| i64::from(n) <= days_left)
        .collect()
}

fn event(d: &Deadline, alarms: Vec<u16>, locale: Locale) -> IcsEvent {
    let mut description = vec![d.summary.as_str(), &d.starts, &d.counting];
    description.extend(d.estimate_reason.as_deref());
    description.extend(d.warning.as_deref());
    let mail;
    if let Some(m) = d.mail_by.as_ref().filter(|m| m.days_left >= 0) {
        mail = format!("{}: {}", m.date.long(locale), m.note);
        description.push(&mail);
    }
    description.push(&d.citation);
    IcsEvent {
        uid: IcsEvent::uid_for(&d.id, d.date.0),
        date: d.date.0,
        summary: titles::due_title(&d.id, locale)
            .map_or_else(|| headline(&d.summary).to_owned(), str::to_owned),
        description: description.join("\n\n"),
        url: d.source_url.clone(),
        alarms,
    }
}

/// The event on the last day to mail what deadline `d` needs received.
fn mail_event(d: &Deadline, m: &MailAdvice, locale: Locale) -> Option<IcsEvent> {
    let due = format!("{}: {}", d.date.long(locale), d.summary);
    Some(IcsEvent {
        uid: IcsEvent::uid_for(&format!("{}_mail_by", d.id), m.date.0),
        date: m.date.0,
        summary: titles::mail_title(&d.id, locale)?.to_owned(),
        description: [m.note.as_str(), &due, &d.citation].join("\n\n"),
        url: d.source_url.clone(),
        alarms: reminders(m.days_left),
    })
}

/// The first sentence of a summary, for an event title.
fn headline(summary: &str) -> &str {
    let end = summary
        .match_indices('.')
        .map(|(i, _)| i)
        .find(|&i| summary[i + 1..].starts_with(' '));
    end.map_or(summary.trim_end_matches('.'), |i| &summary[..i])
}

/// The fields of `kind` that the plan knows, under whatever the cardholder typed (a
/// typed value, even an emptied one, wins): the letter's date, the billing-error
/// notice's statement date, charge date and receive-by date, the adverse-action
/// notice's date and reply deadline, the reason for an unauthorized charge, and the
/// issuer's name and billing-error address from the host config.
pub fn letter_fields(
    plan: &Plan,
    kind: LetterKind,
    typed: &LetterFields,
    host: &HostConfig,
) -> LetterFields {
    let deadline = |id: &str| plan.deadlines.iter().find(|d| d.id == id);
    let mut f = typed.clone();
    f.today = f.today.or_else(|| Some(plan.today.to_string()));
    let (due, started) = match kind {
        LetterKind::BillingErrorNotice | LetterKind::DisputeRequest => {
            // The network windows count from the transaction date itself (the notice's
            // estimate may count from the cycle closing after it).
            let charged = plan
                .deadlines
                .iter()
                .find(|d| d.start_fact == Fact::TransactionDate && d.party == Party::Network);
            f.charge_date = f
                .charge_date
                .or_else(|| charged.map(|d| d.start_date.to_string()));
            let by_topic = (plan.topic == Some(Topic::UnauthorizedCharge))
                .then_some(BillingErrorReason::UnauthorizedCharge);
            f.reason = f.reason.or(answered(plan, &ANSWERED_REASONS)).or(by_topic);
            let notice = deadline("billing_error_notice");
            match kind {
                LetterKind::BillingErrorNotice => (notice, &mut f.statement_date),
                _ => {
                    // No receive-by date: the 60 days have passed. Only the statement.
                    let sent = notice.filter(|d| d.start_fact == Fact::StatementSent);
                    f.statement_date = f
                        .statement_date
                        .or_else(|| sent.map(|d| d.start_date.to_string()));
                    (None, &mut f.statement_date)
                }
            }
        }
        LetterKind::AdverseActionReasonsRequest => {
            f.adverse_action = f.adverse_action.or(answered(plan, &ANSWERED_ACTIONS));
            (
                deadline("adverse_action_reasons_request"),
                &mut f.notice_date,
            )
        }
        LetterKind::CreditBalanceRefundRequest => (None, &mut f.notice_date),
    };
    match due {
        // A notice date estimated from the transaction: the letter's statement date is
        // not known, so it is left to the cardholder; the (early) estimate stands.
        Some(d) if d.start_fact == Fact::TransactionDate => {
            f.receive_by = f.receive_by.or_else(|| match started {
                Some(start) => receive_by(d, start),
                None => Some(d.date.to_string()),
            });
        }
        Some(d) => {
            let start = started.get_or_insert_with(|| d.start_date.to_string());
            f.receive_by = f.receive_by.or_else(|| receive_by(d, start));
        }
        None => {}
    }
    f.with_host(host)
}

/// The value `table` gives for the first of its `(question, answer)` pairs the plan's
/// answers contain.
fn answered<T: Copy>(plan: &Plan, table: &[(&str, &str, T)]) -> Option<T> {
    table
        .iter()
        .find(|(q, a, _)| plan.answers.get(q).is_some_and(|given| given == a))
        .map(|(_, _, value)| *value)
}

/// What went wrong, as the answers already said it: `(question, answer, reason)`.
const ANSWERED_REASONS: [(&str, &str, BillingErrorReason); 7] = [
    (
        "made_purchase",
        "no",
        BillingErrorReason::UnauthorizedCharge,
    ),
    (
        "dispute_kind",
        "duplicate",
        BillingErrorReason::DuplicateCharge,
    ),
    (
        "dispute_kind",
        "wrong_amount",
        BillingErrorReason::WrongAmount,
    ),
    (
        "dispute_kind",
        "not_received",
        BillingErrorReason::NotReceivedOrNotAsAgreed,
    ),
    (
        "dispute_kind",
        "refund_missing",
        BillingErrorReason::PaymentNotCredited,
    ),
    (
        "payment_problem",
        "not_posted",
        BillingErrorReason::PaymentNotCredited,
    ),
    (
        "unknown_charges",
        "yes",
        BillingErrorReason::UnauthorizedCharge,
    ),
];

/// What the card company did, as the answers already said it.
const ANSWERED_ACTIONS: [(&str, &str, AdverseAction); 2] = [
    (
        "limit_event",
        "limit_cut",
        AdverseAction::CreditLimitDecrease,
    ),
    (
        "closure_reason",
        "issuer_closed",
        AdverseAction::AccountClosure,
    ),
];

/// The receive-by date for a letter whose start date (the statement's or notice's) is
/// `start`: the plan's date when the cardholder kept its start (or cleared it); counted
/// again from a date they typed instead, so the mailing advice never contradicts the
/// letter. `None` (the letter then says to fill it in) for text that isn't a date, or a
/// count that could have moved to a business day.
fn receive_by(d: &Deadline, start: &str) -> Option<String> {
    let Ok(typed) = IsoDate::parse(start) else {
        return start.trim().is_empty().then(|| d.date.to_string());
    };
    if typed == d.start_date {
        return Some(d.date.to_string());
    }
    if d.unit != Unit::CalendarDays || d.rolled_from.is_some() {
        return None;
    }
    add_days(typed.0, d.length).map(|date| IsoDate(date).to_string())
}

/// Sets one letter field from a form control, by its slot id (`name`, `reason`…). A
/// choice takes its option id; an unknown id or option leaves the fields unchanged.
pub fn set_letter_field(fields: &mut LetterFields, id: &str, value: String) {
    let text = match id {
        "reason" => {
            fields.reason = BillingErrorReason::from_id(&value);
            return;
        }
        "adverse_action" => {
            fields.adverse_action = AdverseAction::from_id(&value);
            return;
        }
        "refund_method" => {
            fields.refund_method = RefundMethod::from_id(&value);
            return;
        }
        "name" => &mut fields.name,
        "address" => &mut fields.address,
        "last4" => &mut fields.last4,
        "charge_date" => &mut fields.charge_date,
        "amount" => &mut fields.amount,
        "merchant" => &mut fields.merchant,
        "details" => &mut fields.details,
        "statement_date" => &mut fields.statement_date,
        "notice_date" => &mut fields.notice_date,
        "issuer_name" => &mut fields.issuer_name,
        "issuer_address" => &mut fields.issuer_address,
        "billing_error_address" => &mut fields.billing_error_address,
        _ => return,
    };
    *text = Some(value);
}

/// A letter field's current value as a form control shows it (a choice as its option id).
pub fn letter_field(fields: &LetterFields, id: &str) -> String {
    let text = match id {
        "reason" => fields.reason.map(BillingErrorReason::id),
        "adverse_action" => fields.adverse_action.map(AdverseAction::id),
        "refund_method" => fields.refund_method.map(RefundMethod::id),
        "name" => fields.name.as_deref(),
        "address" => fields.address.as_deref(),
        "last4" => fields.last4.as_deref(),
        "charge_date" => fields.charge_date.as_deref(),
        "amount" => fields.amount.as_deref(),
        "merchant" => fields.merchant.as_deref(),
        "details" => fields.details.as_deref(),
        "statement_date" => fields.statement_date.as_deref(),
        "notice_date" => fields.notice_date.as_deref(),
        "issuer_name" => fields.issuer_name.as_deref(),
        "issuer_address" => fields.issuer_address.as_deref(),
        "billing_error_address" => fields.billing_error_address.as_deref(),
        _ => None,
    };
    text.unwrap_or_default().to_owned()
}
