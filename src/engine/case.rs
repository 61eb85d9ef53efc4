//! The case: what the cardholder told us, as the CLI and the browser's JS API receive it.
//!
//! The JSON shape is a public contract. Every fact is optional (a deadline appears only
//! when its facts are present); unknown fields, impossible dates and out-of-range numbers
//! are rejected with the path of the offending field, so a typo never silently drops a
//! deadline.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;
use time::{Date, Weekday};

use crate::engine::calendar::cycles::ClosingDay;
use crate::engine::calendar::{BusinessCalendar, IsoDate};
use crate::engine::config::CalendarConfig;
use crate::engine::kb::Answers;
use crate::engine::locale::{Locale, Text};
use crate::engine::topic::Topic;

mod json;

/// A cardholder's situation: the input of [`crate::engine::plan::plan`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Case {
    /// The caller's date. Always supplied: the engine never reads a clock (there is none
    /// on wasm32), so the same case gives the same plan everywhere.
    pub today: IsoDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    pub locale: Locale,
    /// The cardholder's own words; carried for the classifier, unused by deadlines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub facts: Facts,
    /// The issuer's business days, when they differ from the Federal Reserve schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarOverrides>,
    /// Answers to the topic's questions (question id → `yes`/`no`, an option id or a
    /// date). Dates and choices that name a fact fill that fact unless `facts` has it.
    #[serde(skip_serializing_if = "Answers::is_empty")]
    pub answers: Answers,
    /// The host's configuration (see the README's config keys). Checked key by key: a
    /// bad key is reported in the plan's `config_issues` and the valid rest is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<Value>,
}

/// Everything the deadline rules can start from. All optional; absent facts are `null`
/// when serialized. Field names are the contract ids of [`Fact`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Facts {
    pub statement_sent: Option<IsoDate>,
    pub statement_closing: Option<IsoDate>,
    pub statement_mailed: Option<IsoDate>,
    pub transaction_date: Option<IsoDate>,
    pub notice_received: Option<IsoDate>,
    pub cycle_closing_day: Option<ClosingDay>,
    pub due_date: Option<IsoDate>,
    pub payment_method: Option<PaymentMethod>,
    pub refund_request_received: Option<IsoDate>,
    pub fraud_alert_placed: Option<IsoDate>,
    pub extended_alert_placed: Option<IsoDate>,
    pub freeze_requested: Option<IsoDate>,
    pub freeze_request_method: Option<FreezeMethod>,
    pub report_dispute_received: Option<IsoDate>,
    pub report_dispute_info_added: Option<bool>,
    pub cfpb_complaint_sent: Option<IsoDate>,
    pub adverse_action_date: Option<IsoDate>,
    pub terms_notice_received: Option<IsoDate>,
    pub rate_increase_notice_received: Option<IsoDate>,
    pub billing_error_decision_date: Option<IsoDate>,
    pub freeze_placed: Option<IsoDate>,
    pub fraud_alert_report_requested: Option<IsoDate>,
    pub identity_theft_block_requested: Option<IsoDate>,
    pub adverse_action_notice_date: Option<IsoDate>,
    pub adverse_action_reasons_requested: Option<IsoDate>,
    pub application_completed: Option<IsoDate>,
    pub cfpb_company_responded: Option<IsoDate>,
    pub missed_due_date: Option<IsoDate>,
    pub payment_address_changed: Option<IsoDate>,
    pub debit_loss_discovered: Option<IsoDate>,
    pub debit_statement_sent: Option<IsoDate>,
    pub debit_error_notice_received: Option<IsoDate>,
    pub unauthorized_use_reported: Option<IsoDate>,
    pub card_network: Option<CardNetwork>,
    pub terms_notice_sent: Option<IsoDate>,
    pub rate_increase_notice_sent: Option<IsoDate>,
    pub adverse_action_reasons_received: Option<IsoDate>,
    pub autopay_date: Option<IsoDate>,
    pub autopay_from_issuer_account: Option<bool>,
    pub credit_balance_since: Option<IsoDate>,
    pub freeze_lift_requested: Option<IsoDate>,
    pub freeze_lift_method: Option<FreezeMethod>,
    pub active_duty_alert_placed: Option<IsoDate>,
}

/// The name of one fact, as rules refer to it. Serializes to its contract id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fact {
    StatementSent,
    StatementClosing,
    StatementMailed,
    TransactionDate,
    NoticeReceived,
    CycleClosingDay,
    DueDate,
    PaymentMethod,
    RefundRequestReceived,
    FraudAlertPlaced,
    ExtendedAlertPlaced,
    FreezeRequested,
    FreezeRequestMethod,
    ReportDisputeReceived,
    ReportDisputeInfoAdded,
    CfpbComplaintSent,
    AdverseActionDate,
    TermsNoticeReceived,
    RateIncreaseNoticeReceived,
    BillingErrorDecisionDate,
    FreezePlaced,
    FraudAlertReportRequested,
    IdentityTheftBlockRequested,
    AdverseActionNoticeDate,
    AdverseActionReasonsRequested,
    ApplicationCompleted,
    CfpbCompanyResponded,
    MissedDueDate,
    PaymentAddressChanged,
    DebitLossDiscovered,
    DebitStatementSent,
    DebitErrorNoticeReceived,
    UnauthorizedUseReported,
    CardNetwork,
    TermsNoticeSent,
    RateIncreaseNoticeSent,
    AdverseActionReasonsReceived,
    AutopayDate,
    AutopayFromIssuerAccount,
    CreditBalanceSince,
    FreezeLiftRequested,
    FreezeLiftMethod,
    ActiveDutyAlertPlaced,
}

/// A fact's contract id and how it is named to the cardholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactInfo {
    pub fact: Fact,
    /// The JSON field name in `facts` (a public contract).
    pub id: &'static str,
    /// As shown before a date: "Statement sent: January 15, 2026".
    pub label: Text<&'static str>,
    /// A date of something that has already happened (a statement sent, a letter
    /// received), so it can't be after the case's `today`. Due dates and scheduled
    /// payments may lie ahead; other kinds of fact are not dates.
    pub past: bool,
}

/// A fact that is not the date of something that already happened.
const fn info(fact: Fact, id: &'static str, en: &'static str, es: &'static str) -> FactInfo {
    FactInfo {
        fact,
        id,
        label: Text { en, es },
        past: false,
    }
}

/// The date of something that has already happened.
const fn happened(fact: Fact, id: &'static str, en: &'static str, es: &'static str) -> FactInfo {
    FactInfo {
        past: true,
        ..info(fact, id, en, es)
    }
}

/// Every fact, in contract order.
pub const FACTS: [FactInfo; 43] = [
    happened(
        Fact::StatementSent,
        "statement_sent",
        "Statement sent",
        "Envío del estado de cuenta",
    ),
    happened(
        Fact::StatementClosing,
        "statement_closing",
        "Statement closing date",
        "Cierre del estado de cuenta",
    ),
    happened(
        Fact::StatementMailed,
        "statement_mailed",
        "Statement mailed or delivered",
        "Envío o entrega del estado de cuenta",
    ),
    happened(
        Fact::TransactionDate,
        "transaction_date",
        "Transaction date",
        "Fecha de la transacción",
    ),
    happened(
        Fact::NoticeReceived,
        "notice_received",
        "Card company got your dispute letter",
        "La compañía recibió su carta de reclamo",
    ),
    info(
        Fact::CycleClosingDay,
        "cycle_closing_day",
        "Billing cycle closing day",
        "Día de cierre del ciclo de facturación",
    ),
    info(
        Fact::DueDate,
        "due_date",
        "Payment due date",
        "Vencimiento del pago",
    ),
    info(
        Fact::PaymentMethod,
        "payment_method",
        "How you pay",
        "Cómo paga",
    ),
    happened(
        Fact::RefundRequestReceived,
        "refund_request_received",
        "Card company got your written refund request",
        "La compañía recibió su solicitud de reembolso por escrito",
    ),
    happened(
        Fact::FraudAlertPlaced,
        "fraud_alert_placed",
        "Fraud alert placed",
        "Alerta de fraude colocada",
    ),
    happened(
        Fact::ExtendedAlertPlaced,
        "extended_alert_placed",
        "Extended fraud alert placed",
        "Alerta de fraude extendida colocada",
    ),
    happened(
        Fact::FreezeRequested,
        "freeze_requested",
        "Credit bureau got your freeze request",
        "La agencia de crédito recibió su solicitud de congelamiento",
    ),
    info(
        Fact::FreezeRequestMethod,
        "freeze_request_method",
        "How you asked for the freeze",
        "Cómo pidió el congelamiento",
    ),
    happened(
        Fact::ReportDisputeReceived,
        "report_dispute_received",
        "Credit bureau got your dispute",
        "La agencia de crédito recibió su disputa",
    ),
    info(
        Fact::ReportDisputeInfoAdded,
        "report_dispute_info_added",
        "You sent more information during the dispute",
        "Envió más información durante la disputa",
    ),
    happened(
        Fact::CfpbComplaintSent,
        "cfpb_complaint_sent",
        "CFPB sent your complaint to the company",
        "La CFPB envió su queja a la empresa",
    ),
    happened(
        Fact::AdverseActionDate,
        "adverse_action_date",
        "Credit limit cut or account closed",
        "Reducción del límite o cierre de la cuenta",
    ),
    happened(
        Fact::TermsNoticeReceived,
        "terms_notice_received",
        "You got a change-in-terms notice",
        "Recibió un aviso de cambio de condiciones",
    ),
    happened(
        Fact::RateIncreaseNoticeReceived,
        "rate_increase_notice_received",
        "You got a rate or fee increase notice",
        "Recibió un aviso de aumento de tasa o cargos",
    ),
    happened(
        Fact::BillingErrorDecisionDate,
        "billing_error_decision_date",
        "Date of the card company's decision letter",
        "Fecha de la carta de decisión de la compañía",
    ),
    happened(
        Fact::FreezePlaced,
        "freeze_placed",
        "Freeze placed",
        "Congelamiento activado",
    ),
    happened(
        Fact::FraudAlertReportRequested,
        "fraud_alert_report_requested",
        "You asked for your free report after a fraud alert",
        "Pidió su informe gratis tras la alerta de fraude",
    ),
    happened(
        Fact::IdentityTheftBlockRequested,
        "identity_theft_block_requested",
        "Credit bureau got your identity theft block request",
        "La agencia de crédito recibió su solicitud de bloqueo por robo de identidad",
    ),
    happened(
        Fact::AdverseActionNoticeDate,
        "adverse_action_notice_date",
        "Date of the adverse action notice",
        "Fecha del aviso de acción adversa",
    ),
    happened(
        Fact::AdverseActionReasonsRequested,
        "adverse_action_reasons_requested",
        "You asked for the reasons",
        "Pidió las razones",
    ),
    happened(
        Fact::ApplicationCompleted,
        "application_completed",
        "Card company got your completed application",
        "La compañía recibió su solicitud completa",
    ),
    happened(
        Fact::CfpbCompanyResponded,
        "cfpb_company_responded",
        "Company answered your CFPB complaint",
        "La empresa respondió a su queja ante la CFPB",
    ),
    happened(
        Fact::MissedDueDate,
        "missed_due_date",
        "Due date of the missed payment",
        "Vencimiento del pago atrasado",
    ),
    info(
        Fact::PaymentAddressChanged,
        "payment_address_changed",
        "Payment address or method changed",
        "Cambió la dirección o forma de pago",
    ),
    happened(
        Fact::DebitLossDiscovered,
        "debit_loss_discovered",
        "You learned your debit card was lost or stolen",
        "Supo de la pérdida o robo de su tarjeta de débito",
    ),
    happened(
        Fact::DebitStatementSent,
        "debit_statement_sent",
        "Bank statement sent",
        "Envío del estado de cuenta bancario",
    ),
    happened(
        Fact::DebitErrorNoticeReceived,
        "debit_error_notice_received",
        "Bank got your error report",
        "El banco recibió su reporte de error",
    ),
    happened(
        Fact::UnauthorizedUseReported,
        "unauthorized_use_reported",
        "You reported the unauthorized use to the card company",
        "Reportó el uso no autorizado a la compañía de la tarjeta",
    ),
    info(
        Fact::CardNetwork,
        "card_network",
        "Card network",
        "Red de la tarjeta",
    ),
    happened(
        Fact::TermsNoticeSent,
        "terms_notice_sent",
        "Change-in-terms notice sent",
        "Envío del aviso de cambio de condiciones",
    ),
    happened(
        Fact::RateIncreaseNoticeSent,
        "rate_increase_notice_sent",
        "Rate or fee increase notice sent",
        "Envío del aviso de aumento de tasa o cargos",
    ),
    happened(
        Fact::AdverseActionReasonsReceived,
        "adverse_action_reasons_received",
        "Card company got your request for the reasons",
        "La compañía recibió su solicitud de las razones",
    ),
    info(
        Fact::AutopayDate,
        "autopay_date",
        "Scheduled automatic payment",
        "Pago automático programado",
    ),
    info(
        Fact::AutopayFromIssuerAccount,
        "autopay_from_issuer_account",
        "Autopay from an account at the same bank",
        "Pago automático desde una cuenta en el mismo banco",
    ),
    happened(
        Fact::CreditBalanceSince,
        "credit_balance_since",
        "Credit balance on the account since",
        "Saldo a favor en la cuenta desde",
    ),
    happened(
        Fact::FreezeLiftRequested,
        "freeze_lift_requested",
        "You asked to lift the freeze",
        "Pidió quitar el congelamiento",
    ),
    info(
        Fact::FreezeLiftMethod,
        "freeze_lift_method",
        "How you asked to lift the freeze",
        "Cómo pidió quitar el congelamiento",
    ),
    happened(
        Fact::ActiveDutyAlertPlaced,
        "active_duty_alert_placed",
        "Active duty alert placed",
        "Alerta de servicio activo colocada",
    ),
];

impl Fact {
    fn info(self) -> &'static FactInfo {
        // FACTS lists the variants in declaration order; a test checks it.
        &FACTS[self as usize]
    }

    /// The contract id, e.g. `statement_sent`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The fact with contract id `id`.
    pub fn from_id(id: &str) -> Option<Fact> {
        FACTS
            .iter()
            .find(|info| info.id == id)
            .map(|info| info.fact)
    }

    /// Whether the fact is the date of something that already happened (so it can't be
    /// after the case's `today`).
    pub fn happened(self) -> bool {
        self.info().past
    }

    /// How the fact is named to the cardholder.
    pub fn label(self, locale: Locale) -> &'static str {
        self.info().label.get(locale)
    }
}

/// Writes the date facts' accessors from one list of `Fact` variant => field, so reading
/// and recording a date fact can never name different fields.
macro_rules! date_facts {
    ($($fact:ident => $field:ident,)*) => {
        impl Facts {
            /// The date recorded for `fact`, if it is a date fact and present.
            pub fn date(&self, fact: Fact) -> Option<Date> {
                match fact {
                    $(Fact::$fact => self.$field.map(|d| d.0),)*
                    _ => None,
                }
            }

            /// Where a date fact is recorded; `None` for the other kinds of fact.
            fn date_slot(&mut self, fact: Fact) -> Option<&mut Option<IsoDate>> {
                match fact {
                    $(Fact::$fact => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

date_facts! {
    StatementSent => statement_sent,
    StatementClosing => statement_closing,
    StatementMailed => statement_mailed,
    TransactionDate => transaction_date,
    NoticeReceived => notice_received,
    DueDate => due_date,
    RefundRequestReceived => refund_request_received,
    FraudAlertPlaced => fraud_alert_placed,
    ExtendedAlertPlaced => extended_alert_placed,
    FreezeRequested => freeze_requested,
    ReportDisputeReceived => report_dispute_received,
    CfpbComplaintSent => cfpb_complaint_sent,
    AdverseActionDate => adverse_action_date,
    TermsNoticeReceived => terms_notice_received,
    RateIncreaseNoticeReceived => rate_increase_notice_received,
    BillingErrorDecisionDate => billing_error_decision_date,
    FreezePlaced => freeze_placed,
    FraudAlertReportRequested => fraud_alert_report_requested,
    IdentityTheftBlockRequested => identity_theft_block_requested,
    AdverseActionNoticeDate => adverse_action_notice_date,
    AdverseActionReasonsRequested => adverse_action_reasons_requested,
    ApplicationCompleted => application_completed,
    CfpbCompanyResponded => cfpb_company_responded,
    MissedDueDate => missed_due_date,
    PaymentAddressChanged => payment_address_changed,
    DebitLossDiscovered => debit_loss_discovered,
    DebitStatementSent => debit_statement_sent,
    DebitErrorNoticeReceived => debit_error_notice_received,
    UnauthorizedUseReported => unauthorized_use_reported,
    TermsNoticeSent => terms_notice_sent,
    RateIncreaseNoticeSent => rate_increase_notice_sent,
    AdverseActionReasonsReceived => adverse_action_reasons_received,
    AutopayDate => autopay_date,
    CreditBalanceSince => credit_balance_since,
    FreezeLiftRequested => freeze_lift_requested,
    ActiveDutyAlertPlaced => active_duty_alert_placed,
}

impl Facts {
    /// The contract value of a choice fact (`"mail"`, `"amex"`, `"true"`), if present.
    pub fn choice(&self, fact: Fact) -> Option<&'static str> {
        match fact {
            Fact::PaymentMethod => self.payment_method.map(PaymentMethod::id),
            Fact::FreezeRequestMethod => self.freeze_request_method.map(FreezeMethod::id),
            Fact::CardNetwork => self.card_network.map(CardNetwork::id),
            Fact::FreezeLiftMethod => self.freeze_lift_method.map(FreezeMethod::id),
            Fact::ReportDisputeInfoAdded => self.report_dispute_info_added.map(flag),
            Fact::AutopayFromIssuerAccount => self.autopay_from_issuer_account.map(flag),
            _ => None,
        }
    }
}

impl Facts {
    /// The ids of the facts this case knows, for the knowledge base's guards.
    pub fn known_ids(&self) -> Vec<&'static str> {
        FACTS
            .iter()
            .filter(|info| self.text(info.fact).is_some())
            .map(|info| info.id)
            .collect()
    }
}

/// A yes/no fact as a choice value.
fn flag(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// How a payment is sent. Only mail payments get the next-business-day rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentMethod {
    Mail,
    Online,
    Phone,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 3] = [
        PaymentMethod::Mail,
        PaymentMethod::Online,
        PaymentMethod::Phone,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PaymentMethod::Mail => "mail",
            PaymentMethod::Online => "online",
            PaymentMethod::Phone => "phone",
        }
    }
}

/// How a security freeze (or its lifting) was requested: faster online or by phone than
/// by mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreezeMethod {
    Online,
    Phone,
    Mail,
}

impl FreezeMethod {
    pub const ALL: [FreezeMethod; 3] = [
        FreezeMethod::Online,
        FreezeMethod::Phone,
        FreezeMethod::Mail,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FreezeMethod::Online => "online",
            FreezeMethod::Phone => "phone",
            FreezeMethod::Mail => "mail",
        }
    }
}

/// The card's network, whose private dispute rules differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardNetwork {
    Visa,
    Mastercard,
    Amex,
    Discover,
}

impl CardNetwork {
    pub const ALL: [CardNetwork; 4] = [
        CardNetwork::Visa,
        CardNetwork::Mastercard,
        CardNetwork::Amex,
        CardNetwork::Discover,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CardNetwork::Visa => "visa",
            CardNetwork::Mastercard => "mastercard",
            CardNetwork::Amex => "amex",
            CardNetwork::Discover => "discover",
        }
    }
}

/// An issuer's business days where they differ from the Federal Reserve's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CalendarOverrides {
    /// Extra days the issuer is closed (e.g. the day after Thanksgiving).
    pub closed_days: Vec<IsoDate>,
    /// Weekend days the issuer is open, e.g. `["saturday"]`.
    pub open_weekdays: Vec<WeekdayName>,
    /// Federal Reserve holidays (or other closed days) the issuer is open for business.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_days: Vec<IsoDate>,
    /// Whether the issuer receives mail on Saturdays; absent means yes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_on_saturday: Option<bool>,
}

/// A day of the week, spelled out in lower case in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekdayName {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl WeekdayName {
    pub const ALL: [WeekdayName; 7] = [
        WeekdayName::Monday,
        WeekdayName::Tuesday,
        WeekdayName::Wednesday,
        WeekdayName::Thursday,
        WeekdayName::Friday,
        WeekdayName::Saturday,
        WeekdayName::Sunday,
    ];

    /// The JSON spelling, e.g. `saturday`.
    pub fn id(self) -> &'static str {
        const IDS: [&str; 7] = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        IDS[self as usize]
    }
}

impl From<WeekdayName> for Weekday {
    fn from(w: WeekdayName) -> Weekday {
        match w {
            WeekdayName::Monday => Weekday::Monday,
            WeekdayName::Tuesday => Weekday::Tuesday,
            WeekdayName::Wednesday => Weekday::Wednesday,
            WeekdayName::Thursday => Weekday::Thursday,
            WeekdayName::Friday => Weekday::Friday,
            WeekdayName::Saturday => Weekday::Saturday,
            WeekdayName::Sunday => Weekday::Sunday,
        }
    }
}

impl Case {
    /// Parses a case from JSON, naming the offending field on any error (see
    /// [`Case::from_value`]).
    pub fn from_json(json: &str) -> Result<Case, CaseError> {
        let value: Value = serde_json::from_str(json)
            .map_err(|e| CaseError::new("case", format!("not valid JSON ({e})")))?;
        Case::from_value(&value)
    }

    /// Checks what the type system cannot: every date lies in the supported years, and
    /// no date of something that already happened lies after `today` (a statement "sent"
    /// next week is a typo, and counting from it would give a deadline that is too late).
    pub fn validate(&self) -> Result<(), CaseError> {
        let in_range = |field: String, d: IsoDate| {
            IsoDate::parse(&d.to_string())
                .map(drop)
                .map_err(|message| CaseError { field, message })
        };
        in_range("today".to_string(), self.today)?;
        for info in &FACTS {
            if let Some(d) = self.facts.date(info.fact) {
                let field = format!("facts.{}", info.id);
                in_range(field.clone(), IsoDate(d))?;
                if info.past {
                    not_after_today(&field, IsoDate(d), self.today)?;
                }
            }
        }
        if let Some(c) = &self.calendar {
            for (name, days) in [("closed_days", &c.closed_days), ("open_days", &c.open_days)] {
                for (i, d) in days.iter().enumerate() {
                    in_range(format!("calendar.{name}[{i}]"), *d)?;
                }
            }
        }
        Ok(())
    }

    /// The business-day calendar this case's deadlines are counted on: the host config's
    /// `calendar` with the case's own on top. Both describe the same issuer, so one never
    /// hides the other: closed days, open days and open weekdays are joined (a day closed
    /// in either stays closed), and `mail_on_saturday`, when the case gives it, wins.
    pub fn business_calendar(&self, host: &CalendarConfig) -> BusinessCalendar {
        let Some(case) = &self.calendar else {
            return host.business_calendar();
        };
        // Joined lists, left unsorted: `business_calendar` reads them as sets.
        let mut both = host.clone();
        both.closed_days
            .extend(case.closed_days.iter().map(|d| d.0));
        both.open_days.extend(case.open_days.iter().map(|d| d.0));
        both.open_weekdays
            .extend(case.open_weekdays.iter().map(|&w| Weekday::from(w)));
        both.mail_on_saturday = case.mail_on_saturday.or(host.mail_on_saturday);
        both.business_calendar()
    }
}

/// Refuses `date` at `field` when it lies after `today`: the date of something that has
/// already happened.
fn not_after_today(field: &str, date: IsoDate, today: IsoDate) -> Result<(), CaseError> {
    if date > today {
        return Err(CaseError::new(
            field,
            format!(
                "{date} is after today ({today}); this is the date of something that already happened"
            ),
        ));
    }
    Ok(())
}

/// Why a case was rejected: the field's path and a one-line reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseError {
    /// Dotted path of the field, e.g. `facts.statement_sent`; `case` for the whole input.
    pub field: String,
    pub message: String,
}

impl CaseError {
    pub(crate) fn new(field: &str, message: impl Into<String>) -> CaseError {
        CaseError {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for CaseError {}

/// Each of these is written as its `id()`, the spelling the case reader accepts
/// ([`json`]), so reading and writing a case can never disagree on a name.
macro_rules! serialize_as_id {
    ($($kind:ty),*) => {$(
        impl Serialize for $kind {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }
    )*};
}

serialize_as_id!(Fact, PaymentMethod, FreezeMethod, CardNetwork, WeekdayName);

impl Serialize for ClosingDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Case::from_json(json).unwrap_err().to_string()
    }

    #[test]
    fn a_minimal_case_needs_only_today() {
        let case = Case::from_json(r#"{"today":"2026-03-01"}"#).unwrap();
        assert_eq!(case.locale, Locale::En);
        assert_eq!(case.facts, Facts::default());
        assert_eq!(case.topic, None);
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            err(r#"{"today":"2026-03-01","facts":{"statement_sent":"2026-02-30"}}"#),
            "facts.statement_sent: 2026-02-30 is not a real date"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","facts":{"statment_sent":"2026-02-03"}}"#),
            "facts.statment_sent: unknown field"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","mood":1}"#),
            "mood: unknown field"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","facts":{"cycle_closing_day":32}}"#),
            "facts.cycle_closing_day: 32 is not a day of the month (use 1-31)"
        );
        assert!(err(r#"{"facts":{}}"#).starts_with("today: missing"));
        assert_eq!(err("[]"), "case: expected an object");
        assert_eq!(
            err(r#"{"today":"2026-03-01","facts":["2026-01-15"]}"#),
            "facts: expected an object"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","calendar":{"closed_days":["2026-01-02","2026-02-30"]}}"#),
            "calendar.closed_days[1]: 2026-02-30 is not a real date"
        );
        assert!(err("{").starts_with("case: not valid JSON"));
        assert_eq!(
            err(r#"{"today":"2026-03-01","calendar":{"open_weekdays":["caturday"]}}"#),
            "calendar.open_weekdays[0]: unknown value \"caturday\", expected one of \
             monday, tuesday, wednesday, thursday, friday, saturday, sunday"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","facts":{"due_date":20260301}}"#),
            "facts.due_date: expected a date as \"YYYY-MM-DD\", found a number"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","facts":{"payment_method":"pigeon"}}"#),
            "facts.payment_method: unknown value \"pigeon\", expected one of mail, online, phone"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","topic":"fraud"}"#)
                .split(',')
                .next(),
            Some("topic: unknown value \"fraud\"")
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","answers":{"q":1}}"#),
            "answers.q: expected a string, found a number"
        );
        assert_eq!(
            err(r#"{"today":"2026-03-01","calendar":{"closed_days":"2026-01-02"}}"#),
            "calendar.closed_days: expected a list, found a string"
        );
    }

    #[test]
    fn a_case_round_trips_through_its_own_json() {
        let json = r#"{"today":"2026-03-01","topic":"billing_dispute","locale":"es",
            "text":"cobro doble","facts":{"statement_sent":"2026-02-03","cycle_closing_day":31,
            "payment_method":"mail","report_dispute_info_added":true,"card_network":"amex"},
            "calendar":{"closed_days":["2026-11-27"],"open_weekdays":["saturday"]}}"#;
        let case = Case::from_json(json).unwrap();
        let again = Case::from_json(&serde_json::to_string(&case).unwrap()).unwrap();
        assert_eq!(again, case);
        assert_eq!(case.facts.choice(Fact::CardNetwork), Some("amex"));
        assert_eq!(
            case.facts.choice(Fact::ReportDisputeInfoAdded),
            Some("true")
        );
        assert_eq!(
            case.facts.date(Fact::StatementSent),
            Some(time::macros::date!(2026 - 02 - 03))
        );
        assert!(!case
            .business_calendar(&CalendarConfig::default())
            .is_business_day(time::macros::date!(2026 - 11 - 27)));
    }

    #[test]
    fn the_facts_table_matches_the_enum_and_the_json_fields() {
        let all_null = serde_json::to_value(Facts::default()).unwrap();
        let fields = all_null.as_object().unwrap();
        assert_eq!(fields.len(), FACTS.len());
        for (i, info) in FACTS.iter().enumerate() {
            assert_eq!(info.fact as usize, i, "{} out of order", info.id);
            assert_eq!(serde_json::to_value(info.fact).unwrap(), info.id);
            assert_eq!(Fact::from_id(info.id), Some(info.fact));
            // Recording the fact fills the JSON field of the same name, and only that one.
            let samples = [
                serde_json::json!("2026-01-15"),
                serde_json::json!(10),
                serde_json::json!(true),
                serde_json::json!("mail"),
                serde_json::json!("visa"),
            ];
            let mut facts = Facts::default();
            let sample = samples
                .iter()
                .find(|v| facts.set(info.fact, v).is_ok())
                .unwrap_or_else(|| panic!("no sample fits {}", info.id));
            let json = serde_json::to_value(&facts).unwrap();
            let set: Vec<&String> = json
                .as_object()
                .unwrap()
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k)
                .collect();
            assert_eq!(set, [info.id], "{}", info.id);
            assert_eq!(&json[info.id], sample);
            assert!(facts.text(info.fact).is_some());
            assert!(
                fields.contains_key(info.id),
                "{} is not a Facts field",
                info.id
            );
            assert!(!info.label.en.is_empty() && !info.label.es.is_empty());
        }
    }
}
