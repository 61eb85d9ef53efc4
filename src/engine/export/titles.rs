//! Calendar event titles: short, and naming who has to act, because a calendar shows a
//! title and nothing else. "Last day for the card company to receive your written
//! dispute…" cut to fit reads as anyone's deadline; "You: dispute must arrive" and
//! "Card company: answer due" don't.

use crate::engine::locale::{Locale, Text};
use crate::engine::rules::text;

/// Each deadline's own event title, by deadline id: every id in `rules::RULES` (a test
/// checks that none is missing).
const DUE: &[(&str, Text<&str>)] = &[
    (
        "billing_error_notice",
        text("You: dispute must arrive", "Usted: su reclamo debe llegar"),
    ),
    (
        "billing_error_acknowledgment",
        text(
            "Card company: confirm it got your dispute",
            "Compañía de la tarjeta: confirmar que recibió su reclamo",
        ),
    ),
    (
        "billing_error_resolution",
        text(
            "Card company: answer due",
            "Compañía de la tarjeta: vence su respuesta",
        ),
    ),
    (
        "billing_error_pay_or_dispute",
        text(
            "You: pay, or write that you still disagree",
            "Usted: pague o avise por escrito que sigue en desacuerdo",
        ),
    ),
    (
        "payment_on_time",
        text("You: payment must arrive", "Usted: su pago debe llegar"),
    ),
    (
        "statement_grace_21",
        text(
            "You: minimum payment received by today is on time",
            "Usted: un pago mínimo recibido hasta hoy está a tiempo",
        ),
    ),
    (
        "penalty_rate_existing_balance",
        text(
            "You: pay before it is 60 days late",
            "Usted: pague antes de 60 días de atraso",
        ),
    ),
    (
        "payment_address_change_protection",
        text(
            "Card company: payment-change protection ends",
            "Compañía de la tarjeta: termina la protección por el cambio de pago",
        ),
    ),
    (
        "credit_balance_refund",
        text(
            "Card company: refund due",
            "Compañía de la tarjeta: vence su reembolso",
        ),
    ),
    (
        "terms_change_effective",
        text(
            "Card company: new terms may start",
            "Compañía de la tarjeta: las nuevas condiciones pueden empezar",
        ),
    ),
    (
        "rate_increase_protected_balance",
        text(
            "Card company: old rate kept on this day's balance",
            "Compañía de la tarjeta: el saldo de este día conserva la tasa anterior",
        ),
    ),
    (
        "adverse_action_notice",
        text(
            "Card company: notice of its decision due",
            "Compañía de la tarjeta: vence el aviso de su decisión",
        ),
    ),
    (
        "adverse_action_reasons_request",
        text(
            "You: ask for the reasons, if the notice had none",
            "Usted: pida las razones, si el aviso no las daba",
        ),
    ),
    (
        "adverse_action_reasons_answer",
        text(
            "Card company: reasons due",
            "Compañía de la tarjeta: vencen las razones",
        ),
    ),
    (
        "application_decision",
        text(
            "Card company: decision due",
            "Compañía de la tarjeta: vence su decisión",
        ),
    ),
    (
        "fraud_alert_expires",
        text(
            "You: fraud alert may end; you can renew it",
            "Usted: la alerta de fraude puede vencer; puede renovarla",
        ),
    ),
    (
        "free_report_after_alert",
        text(
            "Credit bureau: free report due",
            "Agencia de crédito: vence su informe gratuito",
        ),
    ),
    (
        "extended_alert_expires",
        text(
            "You: extended fraud alert ends",
            "Usted: vence su alerta de fraude extendida",
        ),
    ),
    (
        "freeze_in_place",
        text(
            "Credit bureau: freeze in place",
            "Agencia de crédito: congelamiento activo",
        ),
    ),
    (
        "freeze_confirmation",
        text(
            "Credit bureau: freeze confirmation due",
            "Agencia de crédito: vence la confirmación del congelamiento",
        ),
    ),
    (
        "identity_theft_block",
        text(
            "Credit bureau: block due",
            "Agencia de crédito: vence el bloqueo",
        ),
    ),
    (
        "report_dispute_result",
        text(
            "Credit bureau: dispute result due",
            "Agencia de crédito: vence el resultado de su disputa",
        ),
    ),
    (
        "cfpb_company_response",
        text(
            "Company: response to your CFPB complaint expected",
            "Empresa: se espera su respuesta a su queja ante la CFPB",
        ),
    ),
    (
        "cfpb_final_response",
        text(
            "Company: complaint expected to close",
            "Empresa: se espera el cierre de su queja",
        ),
    ),
    (
        "cfpb_feedback_window",
        text(
            "You: last day to give the CFPB feedback",
            "Usted: último día para opinar ante la CFPB",
        ),
    ),
    (
        "network_dispute_window",
        text(
            "Card company: chargeback window ends",
            "Compañía de la tarjeta: termina el plazo del contracargo",
        ),
    ),
    (
        "amex_dispute_window",
        text(
            "Card company: chargeback window may end",
            "Compañía de la tarjeta: el plazo del contracargo puede terminar",
        ),
    ),
    (
        "discover_dispute_window",
        text(
            "Card company: chargeback window may end",
            "Compañía de la tarjeta: el plazo del contracargo puede terminar",
        ),
    ),
    (
        "visa_zero_liability_credit",
        text(
            "Card company: temporary credit expected",
            "Compañía de la tarjeta: se espera el crédito provisional",
        ),
    ),
    (
        "debit_card_loss_report",
        text(
            "You: report the lost debit card",
            "Usted: reporte la pérdida de la tarjeta de débito",
        ),
    ),
    (
        "debit_error_notice",
        text(
            "You: error report must reach the bank",
            "Usted: su reporte de error debe llegar al banco",
        ),
    ),
    (
        "debit_error_investigation",
        text("Bank: investigation due", "Banco: vence su investigación"),
    ),
    (
        "autopay_dispute_notice",
        text(
            "You: dispute must arrive before autopay",
            "Usted: su reclamo debe llegar antes del pago automático",
        ),
    ),
    (
        "credit_balance_six_months",
        text(
            "Card company: try to refund your credit balance",
            "Compañía de la tarjeta: intentar reembolsar su saldo a favor",
        ),
    ),
    (
        "freeze_lift",
        text(
            "Credit bureau: lift your freeze",
            "Agencia de crédito: quitar su congelamiento",
        ),
    ),
    (
        "active_duty_alert_expires",
        text(
            "Credit bureau: active duty alert may end",
            "Agencia de crédito: la alerta de servicio activo puede terminar",
        ),
    ),
];

/// The title of the event on the last day to mail, for every rule with mail-by advice.
const MAIL: &[(&str, Text<&str>)] = &[
    (
        "billing_error_notice",
        text(
            "You: last day to mail your dispute",
            "Usted: último día para enviar su reclamo por correo",
        ),
    ),
    (
        "payment_on_time",
        text(
            "You: last day to mail your payment",
            "Usted: último día para enviar su pago por correo",
        ),
    ),
    (
        "penalty_rate_existing_balance",
        text(
            "You: last day to mail that payment",
            "Usted: último día para enviar ese pago por correo",
        ),
    ),
    (
        "autopay_dispute_notice",
        text(
            "You: last day to mail your dispute before autopay",
            "Usted: último día para enviar su reclamo antes del pago automático",
        ),
    ),
    (
        "billing_error_pay_or_dispute",
        text(
            "You: last day to mail that you still disagree",
            "Usted: último día para enviar que sigue en desacuerdo",
        ),
    ),
    (
        "debit_error_notice",
        text(
            "You: last day to mail your error report",
            "Usted: último día para enviar su reporte de error por correo",
        ),
    ),
];

fn find(
    table: &'static [(&str, Text<&'static str>)],
    id: &str,
    locale: Locale,
) -> Option<&'static str> {
    table
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| t.get(locale))
}

/// The deadline's own event title in `locale`.
pub(super) fn due_title(id: &str, locale: Locale) -> Option<&'static str> {
    find(DUE, id, locale)
}

/// The mail-by event title in `locale`.
pub(super) fn mail_title(id: &str, locale: Locale) -> Option<&'static str> {
    find(MAIL, id, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::{MailBy, RULES};

    #[test]
    fn every_rule_has_short_titles_and_every_mailed_rule_a_mail_title() {
        for rule in RULES {
            let mailed = rule.mail_by != MailBy::Never;
            for locale in Locale::ALL {
                let due = due_title(rule.id, locale);
                let due = due.unwrap_or_else(|| panic!("no calendar title for {}", rule.id));
                let mail = mail_title(rule.id, locale);
                assert_eq!(mail.is_some(), mailed, "{}", rule.id);
                for title in [Some(due), mail].into_iter().flatten() {
                    // "Who: what", short enough to read in a calendar's month view.
                    let (who, what) = title.split_once(": ").expect(title);
                    assert!(!who.is_empty() && !what.is_empty(), "{title}");
                    assert!(title.chars().count() <= 72, "{title}");
                }
            }
        }
        for (id, _) in DUE.iter().chain(MAIL) {
            assert!(RULES.iter().any(|r| r.id == *id), "no rule {id}");
        }
    }
}
