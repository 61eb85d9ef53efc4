//! Calendar event titles: short, and naming who has to act, because a calendar shows a
//! title and nothing else. "Last day for the card company to receive your written
//! dispute…" cut to fit reads as anyone's deadline; "You: dispute must arrive" and
//! "Card company: answer due" don't.

use crate::engine::locale::{Locale, Text};
use crate::engine::rules::text;

/// One deadline's titles: its own event, and (for a deadline with mail-by advice) the
/// event on the last day to mail.
pub(super) struct Titles {
    pub id: &'static str,
    pub due: Text<&'static str>,
    pub mail: Option<Text<&'static str>>,
}

const fn due(id: &'static str, en: &'static str, es: &'static str) -> Titles {
    Titles {
        id,
        due: text(en, es),
        mail: None,
    }
}

const fn mailed(
    id: &'static str,
    due_en: &'static str,
    due_es: &'static str,
    mail_en: &'static str,
    mail_es: &'static str,
) -> Titles {
    Titles {
        id,
        due: text(due_en, due_es),
        mail: Some(text(mail_en, mail_es)),
    }
}

/// A title for every deadline id in `rules::RULES` (a test checks that none is missing,
/// and that every rule with mail-by advice has a mail title).
pub(super) const TITLES: &[Titles] = &[
    mailed(
        "billing_error_notice",
        "You: dispute must arrive",
        "Usted: su reclamo debe llegar",
        "You: last day to mail your dispute",
        "Usted: último día para enviar su reclamo por correo",
    ),
    due(
        "billing_error_acknowledgment",
        "Card company: confirm it got your dispute",
        "Compañía de la tarjeta: confirmar que recibió su reclamo",
    ),
    due(
        "billing_error_resolution",
        "Card company: answer due",
        "Compañía de la tarjeta: vence su respuesta",
    ),
    due(
        "billing_error_pay_or_dispute",
        "You: pay, or write that you still disagree",
        "Usted: pague o avise por escrito que sigue en desacuerdo",
    ),
    mailed(
        "payment_on_time",
        "You: payment must arrive",
        "Usted: su pago debe llegar",
        "You: last day to mail your payment",
        "Usted: último día para enviar su pago por correo",
    ),
    due(
        "statement_grace_21",
        "You: minimum payment received by today is on time",
        "Usted: un pago mínimo recibido hasta hoy está a tiempo",
    ),
    mailed(
        "penalty_rate_existing_balance",
        "You: pay before it is 60 days late",
        "Usted: pague antes de 60 días de atraso",
        "You: last day to mail that payment",
        "Usted: último día para enviar ese pago por correo",
    ),
    due(
        "payment_address_change_protection",
        "Card company: payment-change protection ends",
        "Compañía de la tarjeta: termina la protección por el cambio de pago",
    ),
    due(
        "credit_balance_refund",
        "Card company: refund due",
        "Compañía de la tarjeta: vence su reembolso",
    ),
    due(
        "terms_change_effective",
        "Card company: new terms may start",
        "Compañía de la tarjeta: las nuevas condiciones pueden empezar",
    ),
    due(
        "rate_increase_protected_balance",
        "Card company: old rate kept on this day's balance",
        "Compañía de la tarjeta: el saldo de este día conserva la tasa anterior",
    ),
    due(
        "adverse_action_notice",
        "Card company: notice of its decision due",
        "Compañía de la tarjeta: vence el aviso de su decisión",
    ),
    due(
        "adverse_action_reasons_request",
        "You: ask for the reasons, if the notice had none",
        "Usted: pida las razones, si el aviso no las daba",
    ),
    due(
        "adverse_action_reasons_answer",
        "Card company: reasons due",
        "Compañía de la tarjeta: vencen las razones",
    ),
    due(
        "application_decision",
        "Card company: decision due",
        "Compañía de la tarjeta: vence su decisión",
    ),
    due(
        "fraud_alert_expires",
        "You: fraud alert may end; you can renew it",
        "Usted: la alerta de fraude puede vencer; puede renovarla",
    ),
    due(
        "free_report_after_alert",
        "Credit bureau: free report due",
        "Agencia de crédito: vence su informe gratuito",
    ),
    due(
        "extended_alert_expires",
        "You: extended fraud alert ends",
        "Usted: vence su alerta de fraude extendida",
    ),
    due(
        "freeze_in_place",
        "Credit bureau: freeze in place",
        "Agencia de crédito: congelamiento activo",
    ),
    due(
        "freeze_confirmation",
        "Credit bureau: freeze confirmation due",
        "Agencia de crédito: vence la confirmación del congelamiento",
    ),
    due(
        "identity_theft_block",
        "Credit bureau: block due",
        "Agencia de crédito: vence el bloqueo",
    ),
    due(
        "report_dispute_result",
        "Credit bureau: dispute result due",
        "Agencia de crédito: vence el resultado de su disputa",
    ),
    due(
        "cfpb_company_response",
        "Company: response to your CFPB complaint expected",
        "Empresa: se espera su respuesta a su queja ante la CFPB",
    ),
    due(
        "cfpb_final_response",
        "Company: complaint expected to close",
        "Empresa: se espera el cierre de su queja",
    ),
    due(
        "cfpb_feedback_window",
        "You: last day to give the CFPB feedback",
        "Usted: último día para opinar ante la CFPB",
    ),
    due(
        "network_dispute_window",
        "Card company: chargeback window ends",
        "Compañía de la tarjeta: termina el plazo del contracargo",
    ),
    due(
        "amex_dispute_window",
        "Card company: chargeback window may end",
        "Compañía de la tarjeta: el plazo del contracargo puede terminar",
    ),
    due(
        "discover_dispute_window",
        "Card company: chargeback window may end",
        "Compañía de la tarjeta: el plazo del contracargo puede terminar",
    ),
    due(
        "visa_zero_liability_credit",
        "Card company: temporary credit expected",
        "Compañía de la tarjeta: se espera el crédito provisional",
    ),
    due(
        "debit_card_loss_report",
        "You: report the lost debit card",
        "Usted: reporte la pérdida de la tarjeta de débito",
    ),
    mailed(
        "debit_error_notice",
        "You: error report must reach the bank",
        "Usted: su reporte de error debe llegar al banco",
        "You: last day to mail your error report",
        "Usted: último día para enviar su reporte de error por correo",
    ),
    due(
        "debit_error_investigation",
        "Bank: investigation due",
        "Banco: vence su investigación",
    ),
];

/// The titles of deadline `id`, if the table has them.
pub(super) fn titles(id: &str) -> Option<&'static Titles> {
    TITLES.iter().find(|t| t.id == id)
}

/// The deadline's own event title in `locale`.
pub(super) fn due_title(id: &str, locale: Locale) -> Option<&'static str> {
    titles(id).map(|t| t.due.get(locale))
}

/// The mail-by event title in `locale`.
pub(super) fn mail_title(id: &str, locale: Locale) -> Option<&'static str> {
    titles(id)
        .and_then(|t| t.mail.as_ref())
        .map(|m| m.get(locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::{MailBy, RULES};

    #[test]
    fn every_rule_has_short_titles_and_every_mailed_rule_a_mail_title() {
        for rule in RULES {
            let t = titles(rule.id).unwrap_or_else(|| panic!("no calendar title for {}", rule.id));
            assert_eq!(
                t.mail.is_some(),
                rule.mail_by != MailBy::Never,
                "{}",
                rule.id
            );
            for text in [Some(&t.due), t.mail.as_ref()].into_iter().flatten() {
                for locale in Locale::ALL {
                    let title = text.get(locale);
                    // "Who: what", short enough to read in a calendar's month view.
                    let (who, what) = title.split_once(": ").expect(title);
                    assert!(!who.is_empty() && !what.is_empty(), "{title}");
                    assert!(title.chars().count() <= 72, "{title}");
                }
            }
        }
        for t in TITLES {
            assert!(RULES.iter().any(|r| r.id == t.id), "no rule {}", t.id);
        }
    }
}
