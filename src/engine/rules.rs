//! The deadline rules, as one table. Adding a rule means adding a row to [`RULES`], not
//! writing code: the resolver ([`crate::engine::deadlines`]) reads only these fields.
//!
//! Every row carries its citation, an official link, a status and the date it was last
//! checked against the fact sheet, because card rules change without notice (network
//! rules, CFPB practice) and a stale number stated as law would hurt the reader.

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
    Years,
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
    /// Move a date that is not a business day to the next business day.
    pub roll_forward: bool,
    pub if_unknown: IfUnknown,
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
    /// The fact whose date is day 0.
    pub start: Fact,
    /// A stand-in for `start` that makes the result an estimate.
    pub fallback: Option<Fallback>,
    /// The rule applies only when this holds.
    pub only_if: Option<Condition>,
    pub length: u32,
    pub unit: Unit,
    /// For billing cycles: no later than this many calendar days after the start.
    pub cap_days: Option<u32>,
    pub variant: Option<Variant>,
    pub anchor: Anchor,
    pub kind: Kind,
    pub mail_by: MailBy,
    pub citation: &'static str,
    pub source_url: Option<&'static str>,
    pub summary: Text<&'static str>,
    pub status: Status,
    /// When the rule was last checked against the fact sheet.
    pub as_of: Date,
}

/// The day the rules table was last reconciled with the fact sheet.
const CHECKED: Date = date!(2026 - 11 - 24);

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

/// The statement closing date stands in for the date the statement was sent. Closing
/// comes first, so counting from it gives an earlier, safer date.
const FROM_CLOSING_DATE: Fallback = Fallback {
    fact: Fact::StatementClosing,
    reason: text(
        "You gave the statement's closing date, not the date it was sent. Statements usually go out a few days after closing, so the real deadline is probably a little later. This earlier date is the safe one to use.",
        "Usted dio la fecha de cierre del estado de cuenta, no la fecha en que se envió. Suele enviarse unos días después del cierre, así que el plazo real probablemente es un poco más tarde. Esta fecha más temprana es la segura.",
    ),
};

/// Defaults for the optional columns, so each row lists only what it uses.
const ROW: Rule = Rule {
    id: "",
    party: Party::Cardholder,
    start: Fact::StatementSent,
    fallback: None,
    only_if: None,
    length: 0,
    unit: Unit::CalendarDays,
    cap_days: None,
    variant: None,
    anchor: Anchor::Event,
    kind: Kind::ActBy,
    mail_by: MailBy::Never,
    citation: "",
    source_url: None,
    summary: text("", ""),
    status: Status::InForce,
    as_of: CHECKED,
};

/// Every deadline rule, in the order the plan lists deadlines that fall on the same day.
pub const RULES: &[Rule] = &[
    // --- Billing errors: Fair Credit Billing Act, Reg Z 1026.13 ---
    Rule {
        id: "billing_error_notice",
        party: Party::Cardholder,
        start: Fact::StatementSent,
        fallback: Some(FROM_CLOSING_DATE),
        length: 60,
        anchor: Anchor::Sent,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "12 CFR 1026.13(b)(1); 15 USC 1666(a)",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "Last day for the card company to receive your written dispute at its billing-error address (not the payment address). Count from the first statement that shows the charge. A phone call does not protect your rights under the Fair Credit Billing Act.",
            "Último día para que la compañía de su tarjeta reciba su reclamo por escrito en la dirección para errores de facturación (no la de pagos). Cuente desde el primer estado de cuenta que muestra el cargo. Una llamada no protege sus derechos bajo la ley Fair Credit Billing Act.",
        ),
        ..ROW
    },
    Rule {
        id: "billing_error_acknowledgment",
        party: Party::Issuer,
        start: Fact::NoticeReceived,
        length: 30,
        anchor: Anchor::Received,
        citation: "12 CFR 1026.13(c)(1); 15 USC 1666(a)(A)",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "The card company must confirm in writing that it got your dispute, unless it resolves it before then.",
            "La compañía debe confirmarle por escrito que recibió su reclamo, a menos que lo resuelva antes.",
        ),
        ..ROW
    },
    Rule {
        id: "billing_error_resolution",
        party: Party::Issuer,
        start: Fact::NoticeReceived,
        length: 2,
        unit: Unit::BillingCycles,
        cap_days: Some(90),
        anchor: Anchor::Received,
        citation: "12 CFR 1026.13(c)(2) and comment 13(c)(2)-1; 15 USC 1666(a)(B)",
        source_url: Some(ECFR_1026_13),
        summary: text(
            "The card company must fix the error or explain in writing why it finds none. Until then you don't have to pay the disputed amount, and it can't be reported as late.",
            "La compañía debe corregir el error o explicarle por escrito por qué no encuentra ninguno. Mientras tanto, usted no tiene que pagar el monto en disputa y no pueden reportarlo como atrasado.",
        ),
        ..ROW
    },
    Rule {
        id: "billing_error_pay_or_dispute",
        party: Party::Cardholder,
        start: Fact::BillingErrorDecisionDate,
        length: 10,
        anchor: Anchor::Sent,
        citation: "12 CFR 1026.13(g)(3)-(4); 15 USC 1666a",
        source_url: Some(USC_1666A),
        summary: text(
            "After the card company decides you owe the amount, it can't report it as late before this date (later, if your usual grace period is longer). If you still disagree, tell them in writing by then: they must then report it as disputed and tell you who they reported it to.",
            "Después de que la compañía decide que usted debe el monto, no puede reportarlo como atrasado antes de esta fecha (o más tarde, si su período de gracia habitual es más largo). Si sigue en desacuerdo, avíseles por escrito antes de esa fecha: deberán reportarlo como disputado y decirle a quién lo reportaron.",
        ),
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
        }),
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Unless(Condition {
            fact: Fact::PaymentMethod,
            any_of: &["online", "phone"],
        }),
        citation: "12 CFR 1026.10(b)(2)(ii), (d); 15 USC 1637(o)(2)",
        source_url: Some(ECFR_1026_10),
        summary: text(
            "Your payment is on time if it arrives by the cut-off on this date. The cut-off can't be earlier than 5 p.m. where the company takes payments.",
            "Su pago llega a tiempo si lo reciben antes de la hora límite de esta fecha. La hora límite no puede ser antes de las 5 p. m. en el lugar donde la compañía recibe los pagos.",
        ),
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
        source_url: Some(ECFR_1026_5),
        summary: text(
            "A minimum payment received by this date can't be treated as late: no late fee, no penalty rate, no late report, no loss of rewards. Statements must go out at least 21 days before the due date.",
            "Un pago mínimo recibido a más tardar en esta fecha no puede tratarse como atrasado: sin cargo por atraso, sin tasa de penalización, sin reporte de atraso y sin perder recompensas. El estado de cuenta debe enviarse al menos 21 días antes del vencimiento.",
        ),
        ..ROW
    },
    Rule {
        id: "penalty_rate_existing_balance",
        party: Party::Cardholder,
        start: Fact::MissedDueDate,
        length: 60,
        kind: Kind::ReceiveBy,
        mail_by: MailBy::Always,
        citation: "15 USC 1666i-1(b)(4); 12 CFR 1026.9(c)(2)(iv)(B)",
        source_url: Some(USC_1666I_1),
        summary: text(
            "A penalty rate can reach the balance you already owe only if a minimum payment is more than 60 days late. A payment that arrives by this date prevents that and keeps your right to reject changes in terms.",
            "Una tasa de penalización solo puede aplicarse al saldo que ya debe si un pago mínimo tiene más de 60 días de atraso. Un pago que llegue a más tardar en esta fecha lo evita y conserva su derecho a rechazar cambios en las condiciones.",
        ),
        ..ROW
    },
    Rule {
        id: "payment_address_change_protection",
        party: Party::Issuer,
        start: Fact::PaymentAddressChanged,
        length: 60,
        kind: Kind::Ends,
        citation: "15 USC 1666c(c)",
        source_url: Some(USC_1666C),
        summary: text(
            "If the card company changed where or how you pay, it can't charge a late fee or interest when that change delays crediting a payment you make by this date.",
            "Si la compañía cambió dónde o cómo se paga, no puede cobrarle cargo por atraso ni intereses si ese cambio retrasa la acreditación de un pago que usted haga a más tardar en esta fecha.",
        ),
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
        source_url: Some(ECFR_1026_11),
        summary: text(
            "After your written request, the card company must refund your credit balance (over $1) by this date.",
            "Tras su solicitud por escrito, la compañía debe reembolsarle su saldo a favor (de más de $1) a más tardar en esta fecha.",
        ),
        ..ROW
    },
    // --- Changes in terms: Reg Z 1026.9, CARD Act ---
    Rule {
        id: "terms_change_effective",
        party: Party::Issuer,
        start: Fact::TermsNoticeReceived,
        length: 45,
        anchor: Anchor::Received,
        kind: Kind::NotBefore,
        citation: "12 CFR 1026.9(c)(2)(i); 15 USC 1637(i)",
        source_url: Some(ECFR_1026_9),
        summary: text(
            "The earliest date a rate increase or other big change in your terms can take effect. You may be able to reject the change before then; the notice says how.",
            "La fecha más temprana en que un aumento de tasa u otro cambio importante en sus condiciones puede entrar en vigor. Es posible que pueda rechazar el cambio antes; el aviso explica cómo.",
        ),
        ..ROW
    },
    Rule {
        id: "rate_increase_protected_balance",
        party: Party::Issuer,
        start: Fact::RateIncreaseNoticeReceived,
        length: 14,
        anchor: Anchor::Received,
        kind: Kind::Ends,
        citation: "15 USC 1666i-1(a), (d)",
        source_url: Some(USC_1666I_1),
        summary: text(
            "What you owe at the end of this day keeps the old rate and fees. The increase can apply only to charges made after it.",
            "Lo que deba al final de este día conserva la tasa y los cargos anteriores. El aumento solo puede aplicarse a cargos hechos después.",
        ),
        ..ROW
    },
    // --- Adverse action and applications: ECOA, Reg B 1002.9 ---
    Rule {
        id: "adverse_action_notice",
        party: Party::Issuer,
        start: Fact::AdverseActionDate,
        length: 30,
        citation: "12 CFR 1002.9(a)(1)(iii); 15 USC 1691(d)",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "After cutting your limit or closing your account, the card company must send you a notice by this date, with the reasons or how to ask for them.",
            "Después de reducir su límite o cerrar su cuenta, la compañía debe enviarle un aviso a más tardar en esta fecha, con las razones o con la forma de pedirlas.",
        ),
        ..ROW
    },
    Rule {
        id: "adverse_action_reasons_request",
        party: Party::Cardholder,
        start: Fact::AdverseActionNoticeDate,
        length: 60,
        anchor: Anchor::Sent,
        citation: "12 CFR 1002.9(a)(2)(ii)",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "If the notice didn't list the reasons, ask for them by this date. The card company then has 30 days to answer.",
            "Si el aviso no incluía las razones, pídalas a más tardar en esta fecha. La compañía tiene entonces 30 días para responder.",
        ),
        ..ROW
    },
    Rule {
        id: "adverse_action_reasons_answer",
        party: Party::Issuer,
        start: Fact::AdverseActionReasonsRequested,
        length: 30,
        anchor: Anchor::Sent,
        citation: "12 CFR 1002.9(a)(2)(ii)",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "The card company must give you the specific reasons for its decision by this date.",
            "La compañía debe darle las razones específicas de su decisión a más tardar en esta fecha.",
        ),
        ..ROW
    },
    Rule {
        id: "application_decision",
        party: Party::Issuer,
        start: Fact::ApplicationCompleted,
        length: 30,
        anchor: Anchor::Received,
        citation: "12 CFR 1002.9(a)(1)(i); 15 USC 1691(d)(1)",
        source_url: Some(ECFR_1002_9),
        summary: text(
            "The card company must tell you its decision on your completed application (for example, a credit limit increase) by this date.",
            "La compañía debe comunicarle su decisión sobre su solicitud completa (por ejemplo, un aumento del límite de crédito) a más tardar en esta fecha.",
        ),
        ..ROW
    },
    // --- Credit reports and identity theft: FCRA ---
    Rule {
        id: "fraud_alert_expires",
        party: Party::Bureau,
        start: Fact::FraudAlertPlaced,
        length: 1,
        unit: Unit::Years,
        kind: Kind::Ends,
        citation: "15 USC 1681c-1(a)(1)",
        source_url: Some(USC_1681C_1),
        summary: text(
            "Your initial fraud alert lasts at least until this date. You can renew it then, for free.",
            "Su alerta de fraude inicial dura por lo menos hasta esta fecha. Puede renovarla entonces, gratis.",
        ),
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
        source_url: Some(USC_1681C_1),
        summary: text(
            "After a fraud alert, the credit bureau must give you a free copy of your credit report by this date.",
            "Después de una alerta de fraude, la agencia de crédito debe darle una copia gratis de su informe de crédito a más tardar en esta fecha.",
        ),
        ..ROW
    },
    Rule {
        id: "extended_alert_expires",
        party: Party::Bureau,
        start: Fact::ExtendedAlertPlaced,
        length: 7,
        unit: Unit::Years,
        kind: Kind::Ends,
        citation: "15 USC 1681c-1(b)",
        source_url: Some(USC_1681C_1),
        summary: text(
            "Your extended fraud alert lasts until this date. It also keeps you off prescreened credit offers for 5 years and gives you 2 free credit reports in the first 12 months.",
            "Su alerta de fraude extendida dura hasta esta fecha. Además, lo excluye de las ofertas de crédito preseleccionadas por 5 años y le da 2 informes de crédito gratis en los primeros 12 meses.",
        ),
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
        }),
        anchor: Anchor::Received,
        citation: "15 USC 1681c-1(i)(2)(A)",
        source_url: Some(USC_1681C_1),
        summary: text(
            "The credit bureau must have your security freeze in place by this date: 1 business day after an online or phone request, 3 after a mailed one. Freezes are free.",
            "La agencia de crédito debe tener activo el congelamiento de su crédito a más tardar en esta fecha: 1 día hábil después de una solicitud por internet o teléfono, 3 si fue por correo. El congelamiento es gratis.",
        ),
        ..ROW
    },
    Rule {
        id: "freeze_confirmation",
        party: Party::Bureau,
        start: Fact::FreezePlaced,
        length: 5,
        unit: Unit::BusinessDays,
        citation: "15 USC 1681c-1(i)(2)(B)",
        source_url: Some(USC_1681C_1),
        summary: text(
            "The credit bureau must send you a confirmation of your freeze, with how to lift it, by this date.",
            "La agencia de crédito debe enviarle la confirmación del congelamiento, con la forma de quitarlo, a más tardar en esta fecha.",
        ),
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
        source_url: Some(USC_1681C_2),
        summary: text(
            "The credit bureau must block the identity theft items from your report by this date, once it has your ID, an identity theft report, the list of items and your statement.",
            "La agencia de crédito debe bloquear en su informe los datos del robo de identidad a más tardar en esta fecha, una vez que tenga su identificación, un reporte de robo de identidad, la lista de datos y su declaración.",
        ),
        ..ROW
    },
    Rule {
        id: "report_dispute_result",
        party: Party::Bureau,
        start: Fact::ReportDisputeReceived,
        length: 30,
        variant: Some(Variant {
            when: Condition {
                fact: Fact::ReportDisputeInfoAdded,
                any_of: &["true"],
            },
            length: 45,
            roll_forward: false,
            if_unknown: IfUnknown::Base,
        }),
        anchor: Anchor::Received,
        citation: "15 USC 1681i(a)(1)",
        source_url: Some(USC_1681I),
        summary: text(
            "The credit bureau must finish looking into your dispute by this date (45 days instead of 30 if you sent more information during the first 30). It then has 5 business days to send you the results.",
            "La agencia de crédito debe terminar de investigar su disputa a más tardar en esta fecha (45 días en vez de 30 si usted envió más información durante los primeros 30). Luego tiene 5 días hábiles para enviarle los resultados.",
        ),
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
        source_url: Some(CFPB_PROCESS),
        status: Status::Policy,
        summary: text(
            "The company is expected to respond to your CFPB complaint by this date.",
            "Se espera que la empresa responda a su queja ante la CFPB a más tardar en esta fecha.",
        ),
        ..ROW
    },
    Rule {
        id: "cfpb_final_response",
        party: Party::Cfpb,
        start: Fact::CfpbComplaintSent,
        length: 60,
        anchor: Anchor::Sent,
        citation: "CFPB complaint process (12 USC 5534 requires timely responses)",
        source_url: Some(CFPB_PROCESS),
        status: Status::Policy,
        summary: text(
            "The company is expected to close your complaint by this date, unless it is one of the most complicated ones.",
            "Se espera que la empresa cierre su queja a más tardar en esta fecha, salvo en los casos más complicados.",
        ),
        ..ROW
    },
    Rule {
        id: "cfpb_feedback_window",
        party: Party::Cardholder,
        start: Fact::CfpbCompanyResponded,
        length: 60,
        citation: "CFPB complaint process",
        source_url: Some(CFPB_PROCESS),
        status: Status::Policy,
        summary: text(
            "You can tell the CFPB what you think of the company's response until this date.",
            "Puede decirle a la CFPB qué le pareció la respuesta de la empresa hasta esta fecha.",
        ),
        ..ROW
    },
    // --- Card networks: private rules, not law ---
    Rule {
        id: "network_dispute_window",
        party: Party::Network,
        start: Fact::TransactionDate,
        length: 120,
        citation: "Visa Core Rules; Mastercard Chargeback Guide (private network rules)",
        status: Status::Policy,
        summary: text(
            "Visa and Mastercard let your card company file a dispute (chargeback) up to 120 days after the transaction; for goods not delivered, the days can run from the expected delivery date. Your card company's own cut-off may be earlier, so ask soon.",
            "Visa y Mastercard permiten a su compañía presentar una disputa (contracargo) hasta 120 días después de la transacción; si no le entregaron lo comprado, los días pueden contar desde la fecha de entrega prevista. El límite de su compañía puede ser antes, así que pregunte pronto.",
        ),
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
            "Debit cards only: your bank must get your error report, by phone or in writing, by this date. Unauthorized transfers you report later may not be covered at all.",
            "Solo tarjetas de débito: su banco debe recibir su reporte de error, por teléfono o por escrito, a más tardar en esta fecha. Las transferencias no autorizadas que reporte después pueden quedar sin cubrir.",
        ),
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
pub const CONVENTIONS: [Convention; 8] = [
    Convention {
        id: "day_zero",
        text: text(
            "The day something happens is day 0. “60 days after” means 60 calendar days after that day.",
            "El día en que ocurre algo es el día 0. “60 días después” significa 60 días calendario después de ese día.",
        ),
    },
    Convention {
        id: "business_days",
        text: text(
            "“5 business days” means the 5th business day after that day. Business days are Monday to Friday except Federal Reserve holidays, unless your card company counts differently. A Saturday holiday is not moved to Friday; a Sunday holiday closes the next Monday.",
            "“5 días hábiles” significa el 5.º día hábil después de ese día. Los días hábiles son de lunes a viernes, salvo los feriados de la Reserva Federal, a menos que su compañía los cuente de otra forma. Un feriado en sábado no pasa al viernes; uno en domingo cierra el lunes siguiente.",
        ),
    },
    Convention {
        id: "years",
        text: text(
            "Years keep the same month and day. February 29 becomes February 28.",
            "Los años conservan el mismo mes y día. El 29 de febrero pasa a ser el 28 de febrero.",
        ),
    },
    Convention {
        id: "no_roll_forward",
        text: text(
            "A deadline on a weekend or holiday does not move. The one exception: a mailed payment due on a day the company gets no mail is on time if it arrives the next business day.",
            "Un plazo que cae en fin de semana o feriado no se mueve. La única excepción: un pago por correo que vence un día en que la compañía no recibe correo llega a tiempo si llega el siguiente día hábil.",
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
            "The card company must resolve a billing error by the end of the second full billing cycle after your letter arrives, and never more than 90 days after it arrives. A cycle closes on your closing day, or on the last day of a shorter month.",
            "La compañía debe resolver un error de facturación antes del cierre del segundo ciclo completo después de que llegue su carta, y nunca más de 90 días después de que llegue. Un ciclo cierra en su día de cierre, o el último día de un mes más corto.",
        ),
    },
    Convention {
        id: "estimates",
        text: text(
            "If you give a statement's closing date instead of the date it was sent, we count from the closing date and mark the result as an estimate.",
            "Si nos da la fecha de cierre del estado de cuenta en lugar de la fecha de envío, contamos desde la fecha de cierre y marcamos el resultado como estimado.",
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
        as_of: CHECKED,
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
        as_of: CHECKED,
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
        as_of: CHECKED,
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
            if let Some(url) = r.source_url {
                assert!(url.starts_with("http"), "{}", r.id);
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
