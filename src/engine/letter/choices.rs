//! The closed choices a cardholder picks from while filling a letter: what went wrong
//! with a charge, how to receive a refund, what the creditor did. Each has a stable
//! id, a short label for the picker and the phrase the letter uses.

use crate::engine::locale::{Locale, Text};
use serde::{Deserialize, Serialize};

/// One row of a choice table.
struct Choice<T> {
    value: T,
    id: &'static str,
    label: Text<&'static str>,
    /// Wording inside the letter; fits the sentence its template puts it in.
    phrase: Text<&'static str>,
}

/// Implements `ALL`, `id`, `from_id`, `label` and `phrase` from a choice table whose
/// rows are in declaration order.
macro_rules! choice_accessors {
    ($ty:ty, $table:ident, $n:literal) => {
        impl $ty {
            pub const ALL: [$ty; $n] = {
                let mut all = [$table[0].value; $n];
                let mut i = 0;
                while i < $n {
                    all[i] = $table[i].value;
                    i += 1;
                }
                all
            };

            /// The stable id (also its JSON form).
            pub fn id(self) -> &'static str {
                $table[self as usize].id
            }

            /// The choice with this exact id.
            pub fn from_id(id: &str) -> Option<Self> {
                $table.iter().find(|c| c.id == id).map(|c| c.value)
            }

            /// A short label for a picker.
            pub fn label(self, locale: Locale) -> &'static str {
                $table[self as usize].label.get(locale)
            }

            /// The wording the letter uses.
            pub fn phrase(self, locale: Locale) -> &'static str {
                $table[self as usize].phrase.get(locale)
            }
        }
    };
}

/// The kinds of billing error the FCBA covers (12 CFR 1026.13(a)), as a cardholder
/// would describe them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillingErrorReason {
    UnauthorizedCharge,
    WrongAmount,
    DuplicateCharge,
    NotReceivedOrNotAsAgreed,
    PaymentNotCredited,
    ComputationError,
    ClarificationRequest,
}

const REASONS: [Choice<BillingErrorReason>; 7] = [
    Choice {
        value: BillingErrorReason::UnauthorizedCharge,
        id: "unauthorized_charge",
        label: Text { en: "I didn't make this charge", es: "Yo no hice este cargo" },
        phrase: Text {
            en: "I did not make or authorize this charge.",
            es: "Yo no hice ni autoricé este cargo.",
        },
    },
    Choice {
        value: BillingErrorReason::WrongAmount,
        id: "wrong_amount",
        label: Text { en: "Wrong amount", es: "Monto equivocado" },
        phrase: Text {
            en: "The amount charged is different from the amount I authorized.",
            es: "El monto cobrado es distinto del monto que autoricé.",
        },
    },
    Choice {
        value: BillingErrorReason::DuplicateCharge,
        id: "duplicate_charge",
        label: Text { en: "Charged twice", es: "Cobro duplicado" },
        phrase: Text {
            en: "I was charged more than once for the same purchase.",
            es: "Se me cobró más de una vez por la misma compra.",
        },
    },
    Choice {
        value: BillingErrorReason::NotReceivedOrNotAsAgreed,
        id: "not_received_or_not_as_agreed",
        label: Text {
            en: "Not received, or not as agreed",
            es: "No lo recibí, o no fue lo acordado",
        },
        phrase: Text {
            en: "I did not receive the goods or services, or they were not delivered as agreed.",
            es: "No recibí los bienes o servicios, o no se entregaron según lo acordado.",
        },
    },
    Choice {
        value: BillingErrorReason::PaymentNotCredited,
        id: "payment_not_credited",
        label: Text {
            en: "Payment or credit not posted",
            es: "Pago o crédito no aplicado",
        },
        phrase: Text {
            en: "A payment or credit was not credited to my account correctly.",
            es: "Un pago o crédito no se aplicó correctamente a mi cuenta.",
        },
    },
    Choice {
        value: BillingErrorReason::ComputationError,
        id: "computation_error",
        label: Text { en: "Calculation error", es: "Error de cálculo" },
        phrase: Text {
            en: "My statement contains a computation or accounting error.",
            es: "Mi estado de cuenta contiene un error de cálculo o contable.",
        },
    },
    Choice {
        value: BillingErrorReason::ClarificationRequest,
        id: "clarification_request",
        label: Text {
            en: "I need an explanation or proof",
            es: "Necesito una explicación o comprobante",
        },
        phrase: Text {
            en: "I do not recognize this charge. Please explain it and send me documentation that supports it.",
            es: "No reconozco este cargo. Les pido que me lo expliquen y me envíen documentación que lo respalde.",
        },
    },
];

choice_accessors!(BillingErrorReason, REASONS, 7);

/// How the cardholder wants a credit balance refunded. Deliberately no field for bank
/// details: account numbers never go into a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundMethod {
    Check,
    DepositAccount,
}

const REFUND_METHODS: [Choice<RefundMethod>; 2] = [
    Choice {
        value: RefundMethod::Check,
        id: "check",
        label: Text { en: "Check by mail", es: "Cheque por correo" },
        phrase: Text {
            en: "by check mailed to my address above",
            es: "mediante un cheque por correo a mi dirección indicada arriba",
        },
    },
    Choice {
        value: RefundMethod::DepositAccount,
        id: "deposit_account",
        label: Text { en: "Deposit to my bank account", es: "Depósito en mi cuenta bancaria" },
        phrase: Text {
            en: "by deposit to my bank account. Please contact me to confirm the account details, which I have not included in this letter",
            es: "mediante un depósito en mi cuenta bancaria. Por favor, comuníquense conmigo para confirmar los datos de la cuenta, que no incluyo en esta carta",
        },
    },
];

choice_accessors!(RefundMethod, REFUND_METHODS, 2);

/// What the creditor did that counts as adverse action under Regulation B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdverseAction {
    CreditLimitDecrease,
    AccountClosure,
    ApplicationDenied,
    LimitIncreaseDenied,
}

const ADVERSE_ACTIONS: [Choice<AdverseAction>; 4] = [
    Choice {
        value: AdverseAction::CreditLimitDecrease,
        id: "credit_limit_decrease",
        label: Text {
            en: "Lowered my credit limit",
            es: "Redujo mi límite de crédito",
        },
        phrase: Text {
            en: "reduced the credit limit on my account",
            es: "reducido el límite de crédito de mi cuenta",
        },
    },
    Choice {
        value: AdverseAction::AccountClosure,
        id: "account_closure",
        label: Text {
            en: "Closed my account",
            es: "Cerró mi cuenta",
        },
        phrase: Text {
            en: "closed my account",
            es: "cerrado mi cuenta",
        },
    },
    Choice {
        value: AdverseAction::ApplicationDenied,
        id: "application_denied",
        label: Text {
            en: "Denied my application",
            es: "Negó mi solicitud",
        },
        phrase: Text {
            en: "denied my application for credit",
            es: "negado mi solicitud de crédito",
        },
    },
    Choice {
        value: AdverseAction::LimitIncreaseDenied,
        id: "limit_increase_denied",
        label: Text {
            en: "Denied a credit limit increase",
            es: "Negó un aumento de límite",
        },
        phrase: Text {
            en: "denied my request for a higher credit limit",
            es: "negado mi solicitud de aumento del límite de crédito",
        },
    },
];

choice_accessors!(AdverseAction, ADVERSE_ACTIONS, 4);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_in_declaration_order_and_ids_match_serde() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + Serialize>(
            all: &[T],
            id: fn(T) -> &'static str,
            from_id: fn(&str) -> Option<T>,
            index: fn(T) -> usize,
        ) {
            for (i, v) in all.iter().enumerate() {
                assert_eq!(index(*v), i);
                assert_eq!(from_id(id(*v)), Some(*v));
                assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{}\"", id(*v)));
            }
        }
        check(
            &BillingErrorReason::ALL,
            BillingErrorReason::id,
            BillingErrorReason::from_id,
            |v| v as usize,
        );
        check(
            &RefundMethod::ALL,
            RefundMethod::id,
            RefundMethod::from_id,
            |v| v as usize,
        );
        check(
            &AdverseAction::ALL,
            AdverseAction::id,
            AdverseAction::from_id,
            |v| v as usize,
        );
        assert_eq!(RefundMethod::from_id("cash"), None);
    }
}
