//! Letters the cardholder sends to the card issuer, pre-filled from what the widget
//! knows, in English or Spanish.
//!
//! These are pure text functions: nothing leaves the device. Whatever the cardholder
//! has not filled in (or filled in wrongly) renders as a clear marker such as
//! `[your full name]`, so a printed letter can be completed by hand and never shows
//! "None" or a silent gap. The wording lives in `letter/templates.rs` as data.

mod choices;
mod input;
mod slots;
mod templates;

pub use choices::{AdverseAction, BillingErrorReason, RefundMethod};
pub use input::{format_date, format_money};

use crate::engine::config::HostConfig;
use crate::engine::locale::Locale;
use serde::{Deserialize, Serialize};
use slots::Slot;
use templates::TEMPLATES;

/// Which letter to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// Fair Credit Billing Act written notice of a billing error.
    BillingErrorNotice,
    /// Written request to refund a credit balance.
    CreditBalanceRefundRequest,
    /// Request for the specific reasons behind an adverse action (ECOA).
    AdverseActionReasonsRequest,
    /// A plain request to look into a charge, for when the billing-error notice's 60 days
    /// have passed: it claims no billing-error rights, and asks for a card-network dispute.
    DisputeRequest,
}

/// Kind ↔ id; ids are a public contract (CLI JSON, JS API).
const KIND_IDS: [(LetterKind, &str); 4] = [
    (LetterKind::BillingErrorNotice, "billing_error_notice"),
    (
        LetterKind::CreditBalanceRefundRequest,
        "credit_balance_refund_request",
    ),
    (
        LetterKind::AdverseActionReasonsRequest,
        "adverse_action_reasons_request",
    ),
    (LetterKind::DisputeRequest, "dispute_request"),
];

impl LetterKind {
    pub const ALL: [LetterKind; 4] = [
        LetterKind::BillingErrorNotice,
        LetterKind::CreditBalanceRefundRequest,
        LetterKind::AdverseActionReasonsRequest,
        LetterKind::DisputeRequest,
    ];

    /// The stable id, e.g. `billing_error_notice`.
    pub fn id(self) -> &'static str {
        KIND_IDS[self as usize].1
    }

    /// The kind with this exact id.
    pub fn from_id(id: &str) -> Option<LetterKind> {
        KIND_IDS.iter().find(|(_, s)| *s == id).map(|(k, _)| *k)
    }

    /// The statutes and regulations the letter cites, as they appear in its text.
    pub fn citations(self) -> &'static [&'static str] {
        TEMPLATES[self as usize].cites
    }
}

/// What the cardholder (and the widget) knows. Every field is optional and is text as
/// typed, because it comes from form inputs; [`render`] validates it. Dates are
/// `YYYY-MM-DD` (the value of an HTML date input). Each letter uses only some fields;
/// the others are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LetterFields {
    /// Cardholder's full name.
    pub name: Option<String>,
    /// Cardholder's mailing address, lines separated by line breaks.
    pub address: Option<String>,
    /// Last four digits of the card number; anything else is refused.
    pub last4: Option<String>,
    /// Date of the disputed charge.
    pub charge_date: Option<String>,
    /// The disputed amount, or the credit balance, e.g. `1,234.56`.
    pub amount: Option<String>,
    /// Merchant name or statement description of the charge.
    pub merchant: Option<String>,
    /// What is wrong with the charge.
    pub reason: Option<BillingErrorReason>,
    /// Free-text explanation of the billing error.
    pub details: Option<String>,
    /// Date of the statement on which the error first appeared.
    pub statement_date: Option<String>,
    /// Date of the creditor's adverse action notice.
    pub notice_date: Option<String>,
    /// What the creditor did.
    pub adverse_action: Option<AdverseAction>,
    /// How the cardholder wants a credit balance refunded.
    pub refund_method: Option<RefundMethod>,
    /// The deadline by which the letter must be received (from the deadline engine).
    pub receive_by: Option<String>,
    /// Card issuer's name (host config `issuer_name`).
    pub issuer_name: Option<String>,
    /// Card issuer's address for general correspondence.
    pub issuer_address: Option<String>,
    /// Card issuer's billing-error address (host config `billing_error_address`).
    pub billing_error_address: Option<String>,
    /// The letter's date.
    pub today: Option<String>,
}

impl LetterFields {
    /// Fills the issuer's name and billing-error address from the host config where
    /// the cardholder has not given their own.
    pub fn with_host(mut self, host: &HostConfig) -> Self {
        if self.issuer_name.is_none() {
            self.issuer_name.clone_from(&host.issuer_name);
        }
        if self.billing_error_address.is_none() {
            self.billing_error_address
                .clone_from(&host.billing_error_address);
        }
        self
    }
}

/// A field whose value could not be used; the letter shows its marker instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldIssue {
    /// The field id, e.g. `last4`.
    pub field: &'static str,
    /// What to fix, in the letter's language.
    pub message: String,
}

/// A rendered letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub kind: LetterKind,
    pub locale: Locale,
    /// One line, for an e-mail subject or a file name.
    pub subject: String,
    /// The letter, plain text with `\n` line breaks.
    pub body: String,
    /// How and when to send it; for the cardholder, not part of the letter.
    pub sending_note: String,
    /// Ids of the fields shown as fill-in markers (blank or invalid), in order of
    /// first appearance.
    pub missing: Vec<&'static str>,
    /// Fields that were filled in but could not be used, and why.
    pub invalid: Vec<FieldIssue>,
}

/// The most characters the field `id` takes, for its input's `maxlength`, so a huge
/// paste is cut by the browser before it reaches the letter; `None` for formatted fields.
pub fn max_chars(id: &str) -> Option<usize> {
    slots::max_chars(id)
}

/// Renders one letter. Never fails: unusable input becomes a marker plus an entry in
/// [`Letter::invalid`].
pub fn render(kind: LetterKind, fields: &LetterFields, locale: Locale) -> Letter {
    let template = &TEMPLATES[kind as usize];
    let mut filler = Filler {
        fields,
        locale,
        values: Vec::new(),
        missing: Vec::new(),
        invalid: Vec::new(),
    };
    let subject = filler.fill(template.subject.get(locale));
    let body = filler.fill(template.body.get(locale));
    let sending_note = filler.fill(template.note.get(locale));
    Letter {
        kind,
        locale,
        subject,
        body,
        sending_note,
        missing: filler.missing,
        invalid: filler.invalid,
    }
}

/// Substitutes `{slot}`s, reading each slot once and recording what was missing or
/// invalid. Only slots a template uses are read, so an unused bad field is no issue.
struct Filler<'a> {
    fields: &'a LetterFields,
    locale: Locale,
    values: Vec<(&'static str, Option<String>)>,
    missing: Vec<&'static str>,
    invalid: Vec<FieldIssue>,
}

impl Filler<'_> {
    fn fill(&mut self, template: &str) -> String {
        crate::engine::template::fill_with(template, |name, out| match slots::find(name) {
            Some(slot) => {
                self.write_slot(slot, out);
                true
            }
            None => false,
        })
    }

    fn write_slot(&mut self, slot: &'static Slot, out: &mut String) {
        match self.value(slot) {
            Some(value) => out.push_str(&value),
            None => {
                out.push_str(slot.marker.get(self.locale));
                if !self.missing.contains(&slot.id) {
                    self.missing.push(slot.id);
                }
            }
        }
    }

    fn value(&mut self, slot: &'static Slot) -> Option<String> {
        if let Some((_, v)) = self.values.iter().find(|(id, _)| *id == slot.id) {
            return v.clone();
        }
        let value = (slot.read)(self.fields, self.locale).unwrap_or_else(|problem| {
            self.invalid.push(FieldIssue {
                field: slot.id,
                message: problem.message(self.locale),
            });
            None
        });
        self.values.push((slot.id, value.clone()));
        value
    }
}
