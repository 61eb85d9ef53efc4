//! The deadline rules, as one table. Adding a rule means adding a row to [`RULES`], not
//! writing code: the resolver ([`crate::engine::deadlines`]) reads only these fields.
//!
//! Every row carries its citation, an official link, the operative words of the law it
//! rests on (`law_text`), which day of the period its event is (`counting`, as those words
//! say), a status and the date it was last checked against the fact sheet, because card
//! rules change without notice (network rules, CFPB practice) and a stale number stated as
//! law would hurt the reader. Stand-ins for a start date the cardholder doesn't know are
//! data too (`fallbacks`, in order), each with the reason its estimate errs the way it does.

use serde::{Deserialize, Serialize};
use time::macros::date;
use time::Date;

use crate::engine::case::{Fact, Facts};
use crate::engine::locale::Text;

/// Who owes the deadline. For process and network rules (not law), the body whose
/// process sets the clock: the CFPB's complaint process, or a card network's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Cardholder,
    Issuer,
    Bureau,
    Cfpb,
    Network,
}

/// How much weight a rule carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Law or regulation in force, read in primary text or a verbatim copy of it.
    InForce,
    /// A company, network or agency practice; not law.
    Policy,
    /// Not confirmed in the sources reviewed, or sources conflict. Shown, never as settled.
    Unverified,
}

/// What a rule counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    CalendarDays,
    BusinessDays,
    /// Complete billing cycles after the one containing the start (needs
    /// `cycle_closing_day`), optionally capped by [`Rule::cap_days`].
    BillingCycles,
    /// Calendar months, the day of the month clamped to a shorter month's end.
    Months,
    Years,
}

/// How the law's words place the date relative to the event: which day is counted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// "N days after" the event: the event is day 0, the date is the event plus N.
    DayZero,
    /// "A period of N days (years) beginning on" the event: the event is day 1, the date
    /// is the period's last day (for years, the day before the anniversary).
    BeginningOn,
    /// "At least N business days before" the event: counted back, the event not counted.
    Before,
}

/// What kind of event starts the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// Someone received something (the issuer got your letter).
    Received,
    /// Something was sent (the statement went out), whenever it arrived.
    Sent,
    /// Something happened (a transaction, a due date, an alert placed).
    Event,
}

/// What the date means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// It must arrive by this date; mailing it that day is late.
    ReceiveBy,
    /// Sending it by this date is enough (postmark counts).
    SendBy,
    /// The party must act by this date.
    ActBy,
    /// A protection or a window lasts through this date.
    Ends,
    /// The earliest date something may happen.
    NotBefore,
}

/// A fact having one of some values, e.g. `card_network` is `amex`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    pub fact: Fact,
    pub any_of: &'static [&'static str],
}

impl Condition {
    /// Whether the case's facts satisfy this condition (an absent fact never does).
    pub fn holds(&self, facts: &Facts) -> bool {
        facts
            .choice(self.fact)
            .is_some_and(|v| self.any_of.contains(&v))
    }
}

/// A different length when a fact has a given value (3 business days for a mailed freeze
/// request instead of 1; the next-business-day rule for a mailed payment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub when: Condition,
    pub length: u32,
    /// Move a due date on which the issuer gets no mail to the next day it does.
    pub roll_forward: bool,
    pub if_unknown: IfUnknown,
    /// Why the variant's date is an estimate even when the fact is known (a mailed
    /// request counted from the day it was sent, while the law counts from receipt).
    pub estimate: Option<Text<&'static str>>,
}

/// What to do when the fact that selects a [`Variant`] is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IfUnknown {
    /// Use the rule's base length; no estimate.
    Base,
    /// Use the variant and mark the result an estimate, for this reason.
    Variant(Text<&'static str>),
}

/// A fact that can stand in for a missing start fact, making the result an estimate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    pub fact: Fact,
    /// Count from the first cycle closing date on or after the fact's date; the
    /// fallback applies only when `cycle_closing_day` is known.
    pub to_closing: bool,
    /// What the estimate was counted from, and which way it errs.
    pub reason: Text<&'static str>,
}

/// Whether a "mail by" date is offered for a receive-by deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailBy {
    Never,
    Always,
    /// Unless the condition holds (a payment made online or by phone).
    Unless(Condition),
}

/// One deadline rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The deadline id in the plan (a public contract).
    pub id: &'static str,
    pub party: Party,
    /// The fact whose date starts the clock.
    pub start: Fact,
    /// Stand-ins for `start`, tried in order; each makes the result an estimate.
    pub fallbacks: &'static [Fallback],
    /// The rule applies only when this holds.
    pub only_if: Option<Condition>,
    /// The rule does not apply when this holds (another row covers that case).
    pub not_if: Option<Condition>,
    pub length: u32,
    pub unit: Unit,
    /// Which day of the period the start date is, as the law's words say.
    pub counting: Counting,
    /// For billing cycles: no later than this many calendar days after the start.
    pub cap_days: Option<u32>,
    /// For billing cycles without `cycle_closing_day`: count the cap instead and mark
    /// the result an estimate for this reason. Without it, no date is given.
    pub cycle_day_unknown: Option<Text<&'static str>>,
    pub variant: Option<Variant>,
    pub anchor: Anchor,
    pub kind: Kind,
    pub mail_by: MailBy,
    pub citation: &'static str,
    /// The operative words of the law (or the policy) the row rests on, as written there,
    /// with elisions marked: what a reader checks the date against.
    pub law_text: &'static str,
    pub source_url: Option<&'static str>,
    pub summary: Text<&'static str>,
    pub status: Status,
    /// When the row was last checked against the fact sheet's sources.
    pub checked: Date,
}

/// The day every row was last reconciled with the fact sheet (the legal review of the
/// rules table).
const REVIEWED: Date = date!(2026 - 12 - 03);

/// What [`ROW`] leaves in `checked`: a row that still has it was never checked.
const NOT_CHECKED: Date = Date::MIN;

const ECFR_1026_5: &str = "https://www.ecfr.gov/current/title-12/section-1026.5";
const ECFR_1026_9: &str = "https://www.ecfr.gov/current/title-12/section-1026.9";
const ECFR_1026_10: &str = "https://www.ecfr.gov/current/title-12/section-1026.10";
const ECFR_1026_11: &str = "https://www.ecfr.gov/current/title-12/section-1026.11";
const ECFR_1026_13: &str = "https://www.ecfr.gov/current/title-12/section-1026.13";
const ECFR_1002_9: &str = "https://www.ecfr.gov/current/title-12/section-1002.9";
const ECFR_1005_6: &str = "https://www.ecfr.gov/current/title-12/section-1005.6";
const ECFR_1005_11: &str = "https://www.ecfr.gov/current/title-12/section-1005.11";
const USC_1666: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1666";
const USC_1666A: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1666a";
const USC_1666C: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1666c";
const USC_1666I_1: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1666i-1";
const USC_1681C_1: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1681c-1";
const USC_1681C_2: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1681c-2";
const USC_1681I: &str =
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1681i";
const CFPB_PROCESS: &str = "https://www.consumerfinance.gov/complaint/process/";
const VISA_ZERO_LIABILITY: &str =
    "http://usa.visa.com/personal/card-benefits/credit-card/zero-liability.jsp";

/// Shorthand for a static bilingual text in tables.
pub(crate) const fn text(en: &'static str, es: &'static str) -> Text<&'static str> {
    Text { en, es }
}

/// Where the 60-day billing-error clock can start from when the sent date is unknown,
/// in order. Each comes before the real start (the statement goes out after it
/// closes, and it closes after the transaction), so each estimate errs early.
const STATEMENT_FALLBACKS: [Fallback; 3] = [
    Fallback {
        fact: Fact::StatementClosing,
        to_closing: false,
        reason: text(
            "You gave the statement's closing date, not the date it was sent. Statements usually go out a few days after closing, so the real deadline is probably a little later. This earlier date is the safe one to use.",
            "Usted dio la fecha de cierre del estado de cuenta, no la fecha en que se envió. Suele enviarse unos días después del cierre, así que el plazo real probablemente es un poco más tarde. Esta fecha más temprana es la segura.",
        ),
    },
    Fallback {
        fact: Fact::TransactionDate,
        to_closing: true,
        reason: text(
            "You gave the transaction date and closing day, so we counted from the first closing on or after the transaction. The statement showing the charge is sent after that closing (or a later one), so the real deadline is later. This earlier date is the safe one.",
            "Usted dio la fecha de la transacción y el día de cierre, así que contamos desde el primer cierre en esa fecha o después. El estado de cuenta que muestra el cargo se envía después de ese cierre (o de uno posterior), así que el plazo real es más tarde. Esta fecha más temprana es la segura.",
        ),
    },
    Fallback {
        fact: Fact::TransactionDate,
        to_closing: false,
        reason: text(
            "You gave only the transaction date, so we counted from it. The statement showing the charge closes and is sent later, so the real deadline is later, often by weeks. This earlier date is the safe one.",
            "Usted solo dio la fecha de la transacción, así que contamos desde ella. El estado de cuenta que muestra el cargo cierra y se envía después, así que el plazo real es más tarde, a menudo por semanas. Esta fecha más temprana es la segura.",
        ),
    },
];

/// Defaults for the optional columns, so each row lists only what it uses. `law_text`
/// and `checked` have no real default: a test fails for a row that keeps these.
const ROW: Rule = Rule {
    id: "",
    party: Party::Cardholder,
    start: Fact::StatementSent,
    fallbacks: &[],
    only_if: None,
    not_if: None,
    length: 0,
    unit: Unit::CalendarDays,
    counting: Counting::DayZero,
    cap_days: None,
    cycle_day_unknown: None,
    variant: None,
    anchor: Anchor::Event,
    kind: Kind::ActBy,
    mail_by: MailBy::Never,
    citation: "",
    law_text: "",
    source_url: None,
    summary: text("", ""),
    status: Status::InForce,
    checked: NOT_CHECKED,
};

/// Every deadline rule, in the order the plan lists deadlines that fall on the same day.
pub const RULES: &[Rule] = &[
    // --- Billing errors: Fair Credit Billing Act, Reg Z 1026.13 ---
    Rule {
        id: "billing_error_notice",
        party: Party::Cardholder,
        start: Fact::StatementSent,
        fallbacks: &STATEMENT_FALLBACKS,
        length: 60,
        anchor: Anchor::Sent,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "12 CFR 1026.13(b)(1); 15 USC 1666(a)",
        law_text: "received by a creditor … no later than 60 days after the creditor transmitted the first periodic statement that reflects the alleged billing error",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "Last day for the card company to receive your written dispute at its billing-error address (not the payment address). Count from the first statement that shows the charge. A phone call does not protect your rights under the Fair Credit Billing Act.",
            "Último día para que la compañía de su tarjeta reciba su reclamo por escrito en la dirección para errores de facturación (no la de pagos). Cuente desde el primer estado de cuenta que muestra el cargo. Una llamada no protege sus derechos bajo la ley Fair Credit Billing Act.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "autopay_dispute_notice",
        party: Party::Cardholder,
        start: Fact::AutopayDate,
        only_if: Some(Condition {
            fact: Fact::AutopayFromIssuerAccount,
            any_of: &["true"],
        }),
        length: 3,
        unit: Unit::BusinessDays,
        counting: Counting::Before,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "12 CFR 1026.13(d)(1); Reg Z model billing-rights notice",
        law_text: "at least 3 business days before an automated payment is scheduled",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "You pay this card automatically from an account at the same bank: your written dispute must reach it by this date, 3 business days before the payment, or the disputed amount may be taken in that payment.",
            "Usted paga esta tarjeta con pago automático desde una cuenta en el mismo banco: su reclamo por escrito debe llegarle a más tardar en esta fecha, 3 días hábiles antes del pago, o el monto en disputa puede cobrarse en ese pago.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "billing_error_acknowledgment",
        party: Party::Issuer,
        start: Fact::NoticeReceived,
        length: 30,
        anchor: Anchor::Received,
        citation: "12 CFR 1026.13(c)(1); 15 USC 1666(a)(A)",
        law_text: "not later than thirty days after the receipt of the notice, send a written acknowledgment thereof",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "The card company must confirm in writing that it got your dispute, unless it resolves it before then.",
            "La compañía debe confirmarle por escrito que recibió su reclamo, a menos que lo resuelva antes.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "billing_error_resolution",
        party: Party::Issuer,
        start: Fact::NoticeReceived,
        length: 2,
        unit: Unit::BillingCycles,
        cap_days: Some(90),
        cycle_day_unknown: Some(text(
            "You didn't give your billing cycle's closing day, so we show the 90-day limit. The card company may have to answer earlier: by the end of the second complete billing cycle after your letter arrived, if that comes first.",
            "No nos dio el día de cierre de su ciclo de facturación, así que mostramos el límite de 90 días. Es posible que la compañía deba responder antes: al cierre del segundo ciclo de facturación completo después de que llegó su carta, si eso ocurre primero.",
        )),
        anchor: Anchor::Received,
        citation: "12 CFR 1026.13(c)(2) and comment 13(c)(2)-1; 15 USC 1666(a)(B)",
        law_text: "not later than two complete billing cycles of the creditor (in no event later than ninety days) after the receipt of the notice",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "The card company must fix the error or explain in writing why it finds none. If your dispute arrived in time, until then you don't have to pay the disputed amount, and it can't be reported as late.",
            "La compañía debe corregir el error o explicarle por escrito por qué no encuentra ninguno. Si su reclamo llegó a tiempo, mientras tanto usted no tiene que pagar el monto en disputa y no pueden reportarlo como atrasado.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "billing_error_pay_or_dispute",
        party: Party::Cardholder,
        start: Fact::BillingErrorDecisionDate,
        length: 10,
        anchor: Anchor::Sent,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "12 CFR 1026.13(g)(3)-(4); 15 USC 1666a",
        law_text: "receives a further written notice from an obligor that any portion of the billing error is still in dispute within the time allowed for payment",
        source_url: Some(USC_1666A),
        summary: text(
            "After the card company decides you owe the amount, it can't report it as late before this date (later, if your usual grace period is longer). If you still disagree, your written notice must reach them by then: they must then report the amount as disputed and tell you who they reported it to.",
            "Después de que la compañía decide que usted debe el monto, no puede reportarlo como atrasado antes de esta fecha (o más tarde, si su período de gracia habitual es más largo). Si sigue en desacuerdo, su aviso por escrito debe llegarles a más tardar en esa fecha: deberán reportar el monto como disputado y decirle a quién lo reportaron.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    // --- Payments and statements: Reg Z 1026.5, 1026.10; CARD Act ---
    Rule {
        id: "payment_on_time",
        party: Party::Cardholder,
        start: Fact::DueDate,
        length: 0,
        variant: Some(Variant {
            when: Condition {
                fact: Fact::PaymentMethod,
                any_of: &["mail"],
            },
            length: 0,
            roll_forward: true,
            if_unknown: IfUnknown::Base,
            estimate: None,
        }),
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Unless(Condition {
            fact: Fact::PaymentMethod,
            any_of: &["online", "phone"],
        }),
        citation: "12 CFR 1026.10(b)(2)(ii), (d); 15 USC 1637(o)(2)",
        law_text: "no earlier than 5 p.m. on the payment due date at the location specified by the creditor; … may not treat a payment received by mail the next business day as late for any purpose",
        source_url: Some(ECFR_1026_10),
        summary: text(
            "Your payment is on time if it arrives by the cut-off on this date. The cut-off can't be earlier than 5 p.m. on the due date at the place your card company names for receiving payments.",
            "Su pago llega a tiempo si lo reciben antes de la hora límite de esta fecha. La hora límite no puede ser antes de las 5 p. m. del día de vencimiento en el lugar que su compañía indica para recibir pagos.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "statement_grace_21",
        party: Party::Issuer,
        start: Fact::StatementMailed,
        length: 21,
        anchor: Anchor::Sent,
        kind: Kind::Ends,
        citation: "12 CFR 1026.5(b)(2)(ii)(A); 15 USC 1666b",
        law_text: "may not treat as late for any purpose a required minimum periodic payment received … within 21 days after mailing or delivery of the periodic statement",
        source_url: Some(ECFR_1026_5),
        summary: text(
            "A minimum payment received by this date can't be treated as late: no late fee, no penalty rate, no late report, no loss of rewards. Statements must go out at least 21 days before the due date.",
            "Un pago mínimo recibido a más tardar en esta fecha no puede tratarse como atrasado: sin cargo por atraso, sin tasa de penalización, sin reporte de atraso y sin perder recompensas. El estado de cuenta debe enviarse al menos 21 días antes del vencimiento.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "penalty_rate_existing_balance",
        party: Party::Cardholder,
        start: Fact::MissedDueDate,
        length: 60,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "15 USC 1666i-1(b)(4); 12 CFR 1026.55(b)(4); 12 CFR 1026.9(c)(2)(iv)(B)",
        law_text: "the minimum payment has not been received within 60 days after the due date for such payment",
        source_url: Some(USC_1666I_1),
        summary: text(
            "A penalty rate can reach the balance you already owe only if a minimum payment is more than 60 days late. A payment that arrives by this date prevents that and keeps your right to reject changes in terms.",
            "Una tasa de penalización solo puede aplicarse al saldo que ya debe si un pago mínimo tiene más de 60 días de atraso. Un pago que llegue a más tardar en esta fecha lo evita y conserva su derecho a rechazar cambios en las condiciones.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "payment_address_change_protection",
        party: Party::Issuer,
        start: Fact::PaymentAddressChanged,
        length: 60,
        kind: Kind::Ends,
        citation: "15 USC 1666c(c)",
        law_text: "a cardholder payment made during the 60-day period following the date on which such change took effect",
        source_url: Some(USC_1666C),
        summary: text(
            "If the card company changed where or how you pay, it can't charge a late fee or interest when that change delays crediting a payment you make by this date.",
            "Si la compañía cambió dónde o cómo se paga, no puede cobrarle cargo por atraso ni intereses si ese cambio retrasa la acreditación de un pago que usted haga a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "credit_balance_refund",
        party: Party::Issuer,
        start: Fact::RefundRequestReceived,
        length: 7,
        unit: Unit::BusinessDays,
        anchor: Anchor::Received,
        citation: "12 CFR 1026.11(a)(2)",
        law_text: "refund any part of the remaining credit balance within seven business days from receipt of a written request from the consumer",
        source_url: Some(ECFR_1026_11),
        summary: text(
            "After your written request, the card company must refund your credit balance (over $1) by this date.",
            "Tras su solicitud por escrito, la compañía debe reembolsarle su saldo a favor (de más de $1) a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "credit_balance_six_months",
        party: Party::Issuer,
        start: Fact::CreditBalanceSince,
        length: 6,
        unit: Unit::Months,
        kind: Kind::NotBefore,
        citation: "12 CFR 1026.11(a)(3); 15 USC 1666d",
        law_text: "make a good faith effort to refund … any part of the credit balance remaining in the account for more than six months",
        source_url: Some(ECFR_1026_11),
        summary: text(
            "A credit balance over $1 still on your account after this date has been there more than six months: the card company must then make a good-faith effort to refund it. If you ask in writing, it has 7 business days.",
            "Un saldo a favor de más de $1 que siga en su cuenta después de esta fecha lleva más de seis meses: la compañía debe entonces hacer un esfuerzo de buena fe para reembolsárselo. Si lo pide por escrito, tiene 7 días hábiles.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    // --- Changes in terms: Reg Z 1026.9, CARD Act ---
    Rule {
        id: "terms_change_effective",
        party: Party::Issuer,
        start: Fact::TermsNoticeSent,
        fallbacks: &[Fallback {
            fact: Fact::TermsNoticeReceived,
            to_closing: false,
            reason: text(
                "You gave the day you got the notice, not the day it was sent. The 45 days count from when it was sent, so the real earliest date may be a few days earlier. The notice itself states the date the change takes effect.",
                "Usted dio el día en que recibió el aviso, no el día en que se envió. Los 45 días cuentan desde el envío, así que la fecha más temprana real puede ser unos días antes. El propio aviso indica la fecha en que entra en vigor el cambio.",
            ),
        }],
        length: 45,
        anchor: Anchor::Sent,
        kind: Kind::NotBefore,
        citation: "12 CFR 1026.9(c)(2)(i); 15 USC 1637(i)",
        law_text: "provide a written notice of the change at least 45 days prior to the effective date of the change",
        source_url: Some(ECFR_1026_9),
        summary: text(
            "The earliest date a rate increase or other significant change in your terms can take effect. For most changes other than a new interest rate, the notice must tell you how to reject the change before then; if you reject it, the card company may close the account to new use.",
            "La fecha más temprana en que un aumento de tasa u otro cambio importante en sus condiciones puede entrar en vigor. Para la mayoría de los cambios que no son de tasa de interés, el aviso debe explicarle cómo rechazar el cambio antes de esa fecha; si lo rechaza, la compañía puede cerrar la cuenta para nuevos usos.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "rate_increase_protected_balance",
        party: Party::Issuer,
        start: Fact::RateIncreaseNoticeSent,
        fallbacks: &[Fallback {
            fact: Fact::RateIncreaseNoticeReceived,
            to_closing: false,
            reason: text(
                "You gave the day you got the notice, not the day it was sent. The 14 days count from when the card company provided it, so the real date may be a few days earlier: charges you make in the last days before this date may get the new rate.",
                "Usted dio el día en que recibió el aviso, no el día en que se envió. Los 14 días cuentan desde que la compañía lo entregó, así que la fecha real puede ser unos días antes: los cargos de los últimos días antes de esta fecha pueden recibir la nueva tasa.",
            ),
        }],
        length: 14,
        anchor: Anchor::Sent,
        kind: Kind::Ends,
        citation: "15 USC 1666i-1(a), (d)",
        law_text: "the amount owed on a credit card account at the end of the 14th day after the date on which the creditor provides notice of an increase",
        source_url: Some(USC_1666I_1),
        summary: text(
            "What you owe at the end of this day keeps the old rate and fees, unless a minimum payment becomes more than 60 days late. The increase can apply to charges made after it.",
            "Lo que deba al final de este día conserva la tasa y los cargos anteriores, salvo que un pago mínimo llegue a tener más de 60 días de atraso. El aumento puede aplicarse a los cargos hechos después.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    // --- Adverse action and applications: ECOA, Reg B 1002.9 ---
    Rule {
        id: "adverse_action_notice",
        party: Party::Issuer,
        start: Fact::AdverseActionDate,
        length: 30,
        citation: "12 CFR 1002.9(a)(1)(iii); 12 CFR 1002.2(c); 15 USC 1691(d)",
        law_text: "within 30 days after taking adverse action on an existing account",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "If the card company cut your limit or closed your account for a reason other than inactivity, default or late payments on it, it must send you a notice by this date, with the reasons or how to ask for them.",
            "Si la compañía redujo su límite o cerró su cuenta por una razón que no sea la inactividad, el incumplimiento o los pagos atrasados en esa cuenta, debe enviarle un aviso a más tardar en esta fecha, con las razones o con la forma de pedirlas.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "adverse_action_reasons_request",
        party: Party::Cardholder,
        start: Fact::AdverseActionNoticeDate,
        length: 60,
        anchor: Anchor::Sent,
        citation: "12 CFR 1002.9(a)(2)(ii)",
        law_text: "if the applicant makes the request within 60 days of the creditor's notification",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "If the notice didn't give the reasons, only how to ask for them, ask by this date. The card company then has 30 days from getting your request to answer.",
            "Si el aviso no daba las razones, sino solo cómo pedirlas, pídalas a más tardar en esta fecha. La compañía tiene entonces 30 días desde que recibe su solicitud para responder.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "adverse_action_reasons_answer",
        party: Party::Issuer,
        start: Fact::AdverseActionReasonsReceived,
        fallbacks: &[Fallback {
            fact: Fact::AdverseActionReasonsRequested,
            to_closing: false,
            reason: text(
                "You gave the day you sent your request, not the day the card company got it. Its 30 days start when it gets the request, so the real date is probably a few days later.",
                "Usted dio el día en que envió su solicitud, no el día en que la compañía la recibió. Sus 30 días empiezan cuando la recibe, así que la fecha real probablemente es unos días más tarde.",
            ),
        }],
        length: 30,
        anchor: Anchor::Received,
        citation: "12 CFR 1002.9(a)(2)(ii); 15 USC 1691(d)(2)(B)",
        law_text: "within 30 days after receiving the request",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "The card company must give you the specific reasons for its decision by this date.",
            "La compañía debe darle las razones específicas de su decisión a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "application_decision",
        party: Party::Issuer,
        start: Fact::ApplicationCompleted,
        length: 30,
        anchor: Anchor::Received,
        citation: "12 CFR 1002.9(a)(1)(i); 15 USC 1691(d)(1)",
        law_text: "within 30 days after receiving a completed application",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "The card company must tell you its decision on your completed application (for example, a credit limit increase) by this date.",
            "La compañía debe comunicarle su decisión sobre su solicitud completa (por ejemplo, un aumento del límite de crédito) a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    // --- Credit reports and identity theft: FCRA ---
    Rule {
        id: "fraud_alert_expires",
        party: Party::Bureau,
        start: Fact::FraudAlertPlaced,
        length: 1,
        unit: Unit::Years,
        counting: Counting::BeginningOn,
        kind: Kind::Ends,
        citation: "15 USC 1681c-1(a)(1)",
        law_text: "include a fraud alert in the file of that consumer … for a period of not less than 1 year, beginning on the date of such request",
        source_url: Some(USC_1681C_1),
        summary: text(
            "Your initial fraud alert stays on your credit file at least through this date. When it ends, you may ask for a new one if you still suspect fraud; someone acting for you may ask too.",
            "Su alerta de fraude inicial permanece en su expediente de crédito por lo menos hasta esta fecha, inclusive. Cuando termine, puede pedir una nueva si todavía sospecha un fraude; también puede pedirla alguien que actúe en su nombre.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "free_report_after_alert",
        party: Party::Bureau,
        start: Fact::FraudAlertReportRequested,
        length: 3,
        unit: Unit::BusinessDays,
        anchor: Anchor::Received,
        citation: "15 USC 1681c-1(a)(2)(B)",
        law_text: "not later than 3 business days after the date on which the request is received",
        source_url: Some(USC_1681C_1),
        summary: text(
            "After a fraud alert, the credit bureau must give you a free copy of your credit report by this date.",
            "Después de una alerta de fraude, la agencia de crédito debe darle una copia gratis de su informe de crédito a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "extended_alert_expires",
        party: Party::Bureau,
        start: Fact::ExtendedAlertPlaced,
        length: 7,
        unit: Unit::Years,
        counting: Counting::BeginningOn,
        kind: Kind::Ends,
        citation: "15 USC 1681c-1(b)(1)",
        law_text: "during the 7-year period beginning on the date of such request",
        source_url: Some(USC_1681C_1),
        summary: text(
            "Your extended fraud alert stays on your credit file through this date. It also keeps you off prescreened credit offers for 5 years and gives you 2 free credit reports in the first 12 months.",
            "Su alerta de fraude extendida permanece en su expediente de crédito hasta esta fecha, inclusive. Además, lo excluye de las ofertas de crédito preseleccionadas por 5 años y le da 2 informes de crédito gratis en los primeros 12 meses.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "active_duty_alert_expires",
        party: Party::Bureau,
        start: Fact::ActiveDutyAlertPlaced,
        length: 1,
        unit: Unit::Years,
        counting: Counting::BeginningOn,
        kind: Kind::Ends,
        citation: "15 USC 1681c-1(c)",
        law_text: "include an active duty alert in the file of that active duty military consumer, during a period of not less than 12 months … beginning on the date of the request",
        source_url: Some(USC_1681C_1),
        summary: text(
            "Your active duty alert stays on your credit file at least through this date and keeps you off prescreened credit offers for 2 years. You may ask for a new one while on active duty away from your usual station.",
            "Su alerta de servicio activo permanece en su expediente de crédito por lo menos hasta esta fecha, inclusive, y lo excluye de las ofertas de crédito preseleccionadas por 2 años. Puede pedir una nueva mientras esté en servicio activo fuera de su destino habitual.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "freeze_in_place",
        party: Party::Bureau,
        start: Fact::FreezeRequested,
        length: 1,
        unit: Unit::BusinessDays,
        variant: Some(Variant {
            when: Condition {
                fact: Fact::FreezeRequestMethod,
                any_of: &["mail"],
            },
            length: 3,
            roll_forward: false,
            if_unknown: IfUnknown::Variant(text(
                "You didn't say how you asked for the freeze, so we used the longest time: 3 business days, for a request by mail.",
                "No nos dijo cómo pidió el congelamiento, así que usamos el plazo más largo: 3 días hábiles, para una solicitud por correo.",
            )),
            // A mailed request is often known only by the day it was sent.
            estimate: Some(text(
                "The bureau's 3 business days start when it gets your letter. If the date you gave is the day you mailed it, the real date is a few days later.",
                "Los 3 días hábiles de la agencia empiezan cuando recibe su carta. Si la fecha que dio es el día en que la envió, la fecha real es unos días más tarde.",
            )),
        }),
        anchor: Anchor::Received,
        citation: "15 USC 1681c-1(i)(2)(A)",
        law_text: "not later than … 1 business day after receiving the request … by toll-free telephone or secure electronic means; or … 3 business days after receiving the request … by mail",
        source_url: Some(USC_1681C_1),
        summary: text(
            "The credit bureau must have your security freeze in place by this date: 1 business day after it gets an online or phone request, 3 after it gets a mailed one. Freezes are free.",
            "La agencia de crédito debe tener activo el congelamiento de su crédito a más tardar en esta fecha: 1 día hábil después de recibir una solicitud por internet o teléfono, 3 si la recibe por correo. El congelamiento es gratis.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "freeze_confirmation",
        party: Party::Bureau,
        start: Fact::FreezePlaced,
        length: 5,
        unit: Unit::BusinessDays,
        citation: "15 USC 1681c-1(i)(2)(B)",
        law_text: "not later than 5 business days after placing a security freeze",
        source_url: Some(USC_1681C_1),
        summary: text(
            "The credit bureau must send you a confirmation of your freeze, with how to lift it, by this date.",
            "La agencia de crédito debe enviarle la confirmación del congelamiento, con la forma de quitarlo, a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "freeze_lift",
        party: Party::Bureau,
        start: Fact::FreezeLiftRequested,
        length: 0,
        unit: Unit::BusinessDays,
        variant: Some(Variant {
            when: Condition {
                fact: Fact::FreezeLiftMethod,
                any_of: &["mail"],
            },
            length: 3,
            roll_forward: false,
            if_unknown: IfUnknown::Variant(text(
                "You didn't say how you asked, so we used mail's 3 business days from the day you asked. The bureau counts from when it gets a letter, so the real date can be a few days later.",
                "No nos dijo cómo lo pidió, así que usamos los 3 días hábiles del correo desde el día en que lo pidió. La agencia cuenta desde que recibe la carta, así que la fecha real puede ser unos días más tarde.",
            )),
            estimate: Some(text(
                "Counted from the day you mailed your request. The bureau's 3 business days start when it gets your letter, so the real date is a few days later.",
                "Contado desde el día en que envió su solicitud por correo. Los 3 días hábiles de la agencia empiezan cuando recibe su carta, así que la fecha real es unos días más tarde.",
            )),
        }),
        anchor: Anchor::Received,
        citation: "15 USC 1681c-1(i)(3)(C)",
        law_text: "not later than … 1 hour after receiving the request for removal … by toll-free telephone or secure electronic means; or … 3 business days after receiving the request for removal … by mail",
        source_url: Some(USC_1681C_1),
        summary: text(
            "The credit bureau must lift your freeze within 1 hour of an online or phone request, or 3 business days after it gets a mailed one. Lifting it is free.",
            "La agencia de crédito debe quitar su congelamiento dentro de 1 hora si lo pide por internet o teléfono, o 3 días hábiles después de recibir su solicitud por correo. Quitarlo es gratis.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "identity_theft_block",
        party: Party::Bureau,
        start: Fact::IdentityTheftBlockRequested,
        length: 4,
        unit: Unit::BusinessDays,
        anchor: Anchor::Received,
        citation: "15 USC 1681c-2(a)",
        law_text: "not later than 4 business days after the date of receipt",
        source_url: Some(USC_1681C_2),
        summary: text(
            "The credit bureau must block the identity theft items from your report by this date, once it has your ID, an identity theft report, the list of items and your statement.",
            "La agencia de crédito debe bloquear en su informe los datos del robo de identidad a más tardar en esta fecha, una vez que tenga su identificación, un reporte de robo de identidad, la lista de datos y su declaración.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "report_dispute_result",
        party: Party::Bureau,
        start: Fact::ReportDisputeReceived,
        length: 30,
        counting: Counting::BeginningOn,
        variant: Some(Variant {
            when: Condition {
                fact: Fact::ReportDisputeInfoAdded,
                any_of: &["true"],
            },
            length: 45,
            roll_forward: false,
            if_unknown: IfUnknown::Base,
            estimate: None,
        }),
        anchor: Anchor::Received,
        citation: "15 USC 1681i(a)(1)",
        law_text: "before the end of the 30-day period beginning on the date on which the agency receives the notice of the dispute",
        source_url: Some(USC_1681I),
        summary: text(
            "The credit bureau must finish looking into your dispute by this date (45 days instead of 30 if you sent more information during the first 30). It then has 5 business days to send you the results.",
            "La agencia de crédito debe terminar de investigar su disputa a más tardar en esta fecha (45 días en vez de 30 si usted envió más información durante los primeros 30). Luego tiene 5 días hábiles para enviarle los resultados.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    // --- CFPB complaints: agency process, not law ---
    Rule {
        id: "cfpb_company_response",
        party: Party::Cfpb,
        start: Fact::CfpbComplaintSent,
        length: 15,
        anchor: Anchor::Sent,
        citation: "CFPB complaint process (12 USC 5534 requires timely responses)",
        law_text: "companies … respond … within 15 days",
        source_url: Some(CFPB_PROCESS),
        status: Status::Policy,
        summary: text(
            "The company is expected to respond to your CFPB complaint by this date.",
            "Se espera que la empresa responda a su queja ante la CFPB a más tardar en esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "cfpb_final_response",
        party: Party::Cfpb,
        start: Fact::CfpbComplaintSent,
        length: 60,
        anchor: Anchor::Sent,
        citation: "CFPB complaint process (12 USC 5534 requires timely responses)",
        law_text: "expected to close all but the most complicated complaints within 60 days",
        source_url: Some(CFPB_PROCESS),
        status: Status::Policy,
        summary: text(
            "The company is expected to close your complaint by this date, unless it is one of the most complicated ones.",
            "Se espera que la empresa cierre su queja a más tardar en esta fecha, salvo en los casos más complicados.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "cfpb_feedback_window",
        party: Party::Cardholder,
        start: Fact::CfpbCompanyResponded,
        length: 60,
        citation: "CFPB complaint process",
        law_text: "60 days to give feedback on the company's response",
        source_url: Some(CFPB_PROCESS),
        status: Status::Policy,
        summary: text(
            "You can tell the CFPB what you think of the company's response until this date.",
            "Puede decirle a la CFPB qué le pareció la respuesta de la empresa hasta esta fecha.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    // --- Card networks: private rules, not law ---
    Rule {
        id: "network_dispute_window",
        party: Party::Network,
        start: Fact::TransactionDate,
        not_if: Some(Condition {
            fact: Fact::CardNetwork,
            any_of: &["amex", "discover"],
        }),
        length: 120,
        citation: "Visa Core Rules; Mastercard Chargeback Guide (private network rules)",
        law_text: "120 calendar days from the Transaction Processing Date",
        status: Status::Policy,
        summary: text(
            "Visa and Mastercard let your card company file a dispute (chargeback) up to 120 days after the transaction; for goods not delivered, the days can run from the expected delivery date. Your card company's own cut-off may be earlier, so ask soon.",
            "Visa y Mastercard permiten a su compañía presentar una disputa (contracargo) hasta 120 días después de la transacción; si no le entregaron lo comprado, los días pueden contar desde la fecha de entrega prevista. El límite de su compañía puede ser antes, así que pregunte pronto.",
        ),
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "amex_dispute_window",
        party: Party::Network,
        start: Fact::TransactionDate,
        only_if: Some(Condition {
            fact: Fact::CardNetwork,
            any_of: &["amex"],
        }),
        length: 90,
        citation: "American Express network rules (private; not confirmed)",
        status: Status::Unverified,
        summary: text(
            "American Express's dispute window is often given as 120 days after the transaction, but one source says 90 days for disputes that aren't fraud. We show the earlier date.",
            "El plazo de disputa de American Express suele citarse como 120 días después de la transacción, pero una fuente indica 90 días para disputas que no son por fraude. Mostramos la fecha más temprana.",
        ),
        law_text: "not found in the sources reviewed: secondary sources give 120 days, one 90 days for disputes that are not fraud",
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "discover_dispute_window",
        party: Party::Network,
        start: Fact::TransactionDate,
        only_if: Some(Condition {
            fact: Fact::CardNetwork,
            any_of: &["discover"],
        }),
        length: 120,
        citation: "Discover network rules (private; not confirmed)",
        status: Status::Unverified,
        summary: text(
            "Discover's dispute window is reported as 120 days after the transaction, with exceptions decided case by case.",
            "Se informa que el plazo de disputa de Discover es de 120 días después de la transacción, con excepciones según el caso.",
        ),
        law_text: "not found in the sources reviewed: secondary sources give 120 days, with exceptions case by case",
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "visa_zero_liability_credit",
        party: Party::Network,
        start: Fact::UnauthorizedUseReported,
        only_if: Some(Condition {
            fact: Fact::CardNetwork,
            any_of: &["visa"],
        }),
        length: 5,
        unit: Unit::BusinessDays,
        citation: "Visa Zero Liability policy",
        source_url: Some(VISA_ZERO_LIABILITY),
        status: Status::Policy,
        summary: text(
            "Visa's Zero Liability policy asks your card company to give you a temporary credit for unauthorized charges by this date. By law, your share of charges made before you reported is at most $50.",
            "La política de Responsabilidad Cero de Visa pide a su compañía que le dé un crédito temporal por los cargos no autorizados a más tardar en esta fecha. Por ley, lo máximo que usted paga por cargos hechos antes de reportarlo es $50.",
        ),
        law_text: "provisional credit … within five business days of notification",
        checked: REVIEWED,
        ..ROW
    },
    // --- Debit cards, for contrast: Reg E 1005.6, 1005.11 ---
    Rule {
        id: "debit_card_loss_report",
        party: Party::Cardholder,
        start: Fact::DebitLossDiscovered,
        length: 2,
        unit: Unit::BusinessDays,
        kind: Kind::SendBy,
        citation: "12 CFR 1005.6(b)(1)-(2); 15 USC 1693g",
        source_url: Some(ECFR_1005_6),
        summary: text(
            "Debit cards only: report the loss or theft to your bank by this date to keep your share of unauthorized charges at $50 or less. After that it can reach $500. Calling is fastest; a letter counts when mailed.",
            "Solo tarjetas de débito: reporte la pérdida o el robo a su banco a más tardar en esta fecha para que su parte de los cargos no autorizados no pase de $50. Después puede llegar a $500. Llamar es lo más rápido; una carta cuenta desde que la envía.",
        ),
        law_text: "if the consumer notifies the financial institution within two business days after learning of the loss or theft",
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "debit_error_notice",
        party: Party::Cardholder,
        start: Fact::DebitStatementSent,
        length: 60,
        anchor: Anchor::Sent,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "12 CFR 1005.11(b)(1); 12 CFR 1005.6(b)(3)",
        source_url: Some(ECFR_1005_11),
        summary: text(
            "Debit cards only: your bank must get your error report, by phone or in writing, by this date. If you report unauthorized transfers later, you can be held responsible for the ones made after this date and before you report, if reporting on time would have stopped them.",
            "Solo tarjetas de débito: su banco debe recibir su reporte de error, por teléfono o por escrito, a más tardar en esta fecha. Si reporta transferencias no autorizadas después, usted puede responder por las hechas después de esta fecha y antes de su reporte, si reportarlas a tiempo las habría evitado.",
        ),
        law_text: "no later than 60 days after the institution sends the periodic statement … on which the alleged error is first reflected",
        checked: REVIEWED,
        ..ROW
    },
    Rule {
        id: "debit_error_investigation",
        party: Party::Issuer,
        start: Fact::DebitErrorNoticeReceived,
        length: 10,
        unit: Unit::BusinessDays,
        anchor: Anchor::Received,
        citation: "12 CFR 1005.11(c)(1)-(3)",
        source_url: Some(ECFR_1005_11),
        summary: text(
            "Debit cards only: your bank must finish its investigation by this date, or give you a provisional credit and take up to 45 days (90 for debit card purchases, foreign transfers and new accounts).",
            "Solo tarjetas de débito: su banco debe terminar su investigación a más tardar en esta fecha, o darle un crédito provisional y tomar hasta 45 días (90 para compras con tarjeta de débito, transferencias en el extranjero y cuentas nuevas).",
        ),
        law_text: "within 10 business days of receiving a notice of error",
        checked: REVIEWED,
        ..ROW
    },
];

/// Look up a rule by its deadline id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// A counting convention the engine follows, for the UI, print view and README.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Convention {
    pub id: &'static str,
    pub text: Text<&'static str>,
}

/// Transit time allowed for "mail by" dates. Product advice, not law: First-Class mail
/// usually takes 1–5 days, and a week leaves room for a weekend and a slow sort.
pub const MAIL_TRANSIT_DAYS: u32 = 7;

/// The counting conventions, in the order the plan shows them.
pub const CONVENTIONS: [Convention; 9] = [
    Convention {
        id: "day_zero",
        text: text(
            "The day something happens is day 0. “60 days after” means 60 calendar days after that day.",
            "El día en que ocurre algo es el día 0. “60 días después” significa 60 días calendario después de ese día.",
        ),
    },
    Convention {
        id: "period_beginning_on",
        text: text(
            "A period “beginning on” a day counts that day as day 1: 30 days beginning March 1 end March 30. A period of years ends the day before the anniversary (for February 29, March 1 in other years).",
            "Un período que “comienza” un día cuenta ese día como el día 1: 30 días que comienzan el 1 de marzo terminan el 30 de marzo. Un período de años termina el día antes del aniversario (para el 29 de febrero, el 1 de marzo en los demás años).",
        ),
    },
    Convention {
        id: "business_days",
        text: text(
            "“5 business days” means the 5th business day after that day (“3 business days before” counts back). A business day is one your card company is open for substantially all its business; unless its schedule is set, we use Monday to Friday except Federal Reserve holidays (a Saturday holiday stays on Saturday; a Sunday one closes Monday).",
            "“5 días hábiles” significa el 5.º día hábil después de ese día (“3 días hábiles antes” cuenta hacia atrás). Un día hábil es uno en que su compañía abre para casi todas sus funciones; si no se indicó su calendario, usamos de lunes a viernes salvo los feriados de la Reserva Federal (un feriado en sábado queda en sábado; uno en domingo cierra el lunes).",
        ),
    },
    Convention {
        id: "months",
        text: text(
            "Months keep the day of the month, or end on the last day of a shorter month.",
            "Los meses conservan el día del mes, o terminan el último día de un mes más corto.",
        ),
    },
    Convention {
        id: "no_roll_forward",
        text: text(
            "A deadline on a weekend or holiday does not move. The one exception: a mailed payment due on a day the card company gets no mail is on time if it arrives the next day it does.",
            "Un plazo que cae en fin de semana o feriado no se mueve. La única excepción: un pago por correo que vence un día en que la compañía no recibe correo llega a tiempo si llega el siguiente día en que sí lo recibe.",
        ),
    },
    Convention {
        id: "received_or_sent",
        text: text(
            "“Received by” means they must have it by that date; mailing it that day is too late. Some clocks start when something was sent, not when you got it.",
            "“Recibido a más tardar” significa que deben tenerlo en esa fecha; enviarlo ese día es demasiado tarde. Algunos plazos empiezan cuando algo se envió, no cuando usted lo recibió.",
        ),
    },
    Convention {
        id: "billing_cycles",
        text: text(
            "The card company must resolve a billing error by the end of the second full billing cycle after your letter arrives, and never more than 90 days after it arrives. A cycle closes on your closing day, or on the last day of a shorter month. Without your closing day we show the 90-day limit, marked as an estimate.",
            "La compañía debe resolver un error de facturación antes del cierre del segundo ciclo completo después de que llegue su carta, y nunca más de 90 días después de que llegue. Un ciclo cierra en su día de cierre, o el último día de un mes más corto. Sin su día de cierre mostramos el límite de 90 días, marcado como estimado.",
        ),
    },
    Convention {
        id: "estimates",
        text: text(
            "If you don't know the date a clock starts from, we count from the closest date you know and mark the result as an estimate, saying from what. For your own deadlines, an estimate is never later than the real date.",
            "Si no sabe la fecha desde la que corre un plazo, contamos desde la fecha más cercana que sabe y marcamos el resultado como estimado, indicando desde qué. Para sus propios plazos, un estimado nunca es posterior a la fecha real.",
        ),
    },
    Convention {
        id: "mail_by",
        text: text(
            "“Mail by” dates allow 7 days for the mail. That is our advice, not a legal rule.",
            "Las fechas para “enviar por correo” dejan 7 días para el correo. Es un consejo nuestro, no una regla legal.",
        ),
    },
];

/// A dollar figure the widget may show next to a deadline, with the same provenance as
/// a rule. Unsettled figures stay here as dated, flagged data, never as settled law.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    pub id: &'static str,
    pub dollars: u32,
    pub citation: &'static str,
    pub source_url: Option<&'static str>,
    pub status: Status,
    pub as_of: Date,
    pub note: Text<&'static str>,
}

const LATE_FEE_NOTE: Text<&'static str> = text(
    "Sources disagree on whether $30/$41 (before 2024) or $32/$43 (2024 rule) applies now. The 2024 rule's $8 cap was vacated on April 15, 2025. Your card agreement shows the fee you can be charged.",
    "Las fuentes no coinciden en si hoy aplica $30/$41 (antes de 2024) o $32/$43 (regla de 2024). El tope de $8 de la regla de 2024 fue anulado el 15 de abril de 2025. Su contrato de tarjeta indica el cargo que le pueden cobrar.",
);

/// Dollar limits that go with the deadlines.
pub const AMOUNTS: [Amount; 5] = [
    Amount {
        id: "unauthorized_use_cap",
        dollars: 50,
        citation: "12 CFR 1026.12(b)(1)(ii); 15 USC 1643",
        source_url: Some("https://www.ecfr.gov/current/title-12/section-1026.12"),
        status: Status::InForce,
        as_of: REVIEWED,
        note: text(
            "The most you can owe for unauthorized credit card charges made before you reported them. Nothing for charges after.",
            "Lo máximo que puede deber por cargos no autorizados con tarjeta de crédito hechos antes de reportarlos. Nada por cargos posteriores.",
        ),
    },
    Amount {
        id: "billing_error_forfeit_cap",
        dollars: 50,
        citation: "15 USC 1666(e)",
        source_url: Some(USC_1666),
        status: Status::InForce,
        as_of: REVIEWED,
        note: text(
            "A card company that breaks the billing-error rules loses its right to collect the disputed amount, up to $50.",
            "Una compañía que no cumple las reglas de errores de facturación pierde el derecho a cobrar el monto en disputa, hasta $50.",
        ),
    },
    Amount {
        id: "debit_late_report_cap",
        dollars: 500,
        citation: "12 CFR 1005.6(b)(2)",
        source_url: Some(ECFR_1005_6),
        status: Status::InForce,
        as_of: REVIEWED,
        note: text(
            "Debit cards: the most you can owe when you report a lost or stolen card after 2 business days (but within 60 days of the statement).",
            "Tarjetas de débito: lo máximo que puede deber si reporta la tarjeta perdida o robada después de 2 días hábiles (pero dentro de los 60 días del estado de cuenta).",
        ),
    },
    Amount {
        id: "late_fee_safe_harbor_first",
        dollars: 30,
        citation: "12 CFR 1026.52(b)(1)(ii)",
        source_url: Some("https://www.ecfr.gov/current/title-12/section-1026.52"),
        status: Status::Unverified,
        as_of: date!(2025 - 04 - 15),
        note: LATE_FEE_NOTE,
    },
    Amount {
        id: "late_fee_safe_harbor_repeat",
        dollars: 41,
        citation: "12 CFR 1026.52(b)(1)(ii)",
        source_url: Some("https://www.ecfr.gov/current/title-12/section-1026.52"),
        status: Status::Unverified,
        as_of: date!(2025 - 04 - 15),
        note: LATE_FEE_NOTE,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_snake_case_and_rows_are_complete() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate id {}", r.id);
            assert!(
                r.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                r.id
            );
            assert!(!r.citation.is_empty(), "{} has no citation", r.id);
            assert!(
                !r.summary.en.is_empty() && !r.summary.es.is_empty(),
                "{}",
                r.id
            );
            assert_eq!(
                r.cap_days.is_some(),
                r.unit == Unit::BillingCycles,
                "{}: only cycle rules are capped",
                r.id
            );
            assert!(
                r.cycle_day_unknown.is_none() || r.unit == Unit::BillingCycles,
                "{}",
                r.id
            );
            if let Some(url) = r.source_url {
                assert!(url.starts_with("http"), "{}", r.id);
            }
        }
    }

    #[test]
    fn every_rule_states_the_words_of_its_law_and_when_it_was_checked() {
        for r in RULES {
            assert!(
                r.law_text.split_whitespace().count() >= 4,
                "{} has no operative phrase",
                r.id
            );
            assert_ne!(r.checked, NOT_CHECKED, "{} was never checked", r.id);
        }
        // ROW's defaults are what the check catches.
        assert!(ROW.law_text.is_empty());
        assert_eq!(ROW.checked, NOT_CHECKED);
    }

    #[test]
    fn a_period_beginning_on_the_event_is_used_where_the_law_says_so() {
        for r in RULES {
            // A period that begins on the event lasts at least that day.
            if r.counting == Counting::BeginningOn {
                assert!(r.length > 0, "{}", r.id);
                assert!(r.variant.as_ref().is_none_or(|v| v.length > 0), "{}", r.id);
            }
            assert_eq!(
                r.counting == Counting::BeginningOn,
                r.law_text.contains("beginning on"),
                "{}",
                r.id
            );
        }
    }

    #[test]
    fn estimates_always_say_why() {
        for r in RULES {
            for f in r.fallbacks {
                assert!(
                    !f.reason.en.is_empty() && !f.reason.es.is_empty(),
                    "{}",
                    r.id
                );
                assert_ne!(f.fact, r.start, "{}", r.id);
            }
        }
    }

    #[test]
    fn only_law_in_force_may_lack_a_status_caveat_and_networks_never_claim_law() {
        for r in RULES {
            if r.party == Party::Network {
                assert_ne!(r.status, Status::InForce, "{}", r.id);
            }
            if r.party == Party::Cfpb {
                assert_eq!(r.status, Status::Policy, "{}", r.id);
            }
        }
    }

    #[test]
    fn unsettled_late_fee_amounts_are_flagged_unverified() {
        for a in AMOUNTS.iter().filter(|a| a.id.starts_with("late_fee")) {
            assert_eq!(a.status, Status::Unverified);
            assert!(a.note.en.contains("vacated"));
        }
    }

    #[test]
    fn mail_by_convention_matches_the_transit_constant() {
        let mail = CONVENTIONS.iter().find(|c| c.id == "mail_by").unwrap();
        assert!(mail.text.en.contains(&format!("{MAIL_TRANSIT_DAYS} days")));
        assert!(mail.text.es.contains(&format!("{MAIL_TRANSIT_DAYS} días")));
    }
}
