//! The named slots a letter template can use: for each, the fill-in marker shown when
//! it is blank and how its value is read from [`LetterFields`]. Slot ids are the field
//! ids reported in [`Letter::missing`](super::Letter) and `invalid`.

use super::input::{self, Problem};
use super::LetterFields;
use crate::engine::locale::{Locale, Text};

/// Longest one-line values, in characters.
const NAME_CHARS: usize = 100;
const MERCHANT_CHARS: usize = 100;
/// Longest multi-line values, in characters and lines.
const DETAILS_CHARS: usize = 1000;
const DETAILS_LINES: usize = 12;
const ADDRESS_CHARS: usize = 500;
const ADDRESS_LINES: usize = 8;

type Read = fn(&LetterFields, Locale) -> Result<Option<String>, Problem>;

pub(super) struct Slot {
    pub(super) id: &'static str,
    pub(super) marker: Text<&'static str>,
    pub(super) read: Read,
}

pub(super) static SLOTS: [Slot; 17] = [
    Slot {
        id: "name",
        marker: Text {
            en: "[your full name]",
            es: "[su nombre completo]",
        },
        read: |f, l| input::line(f.name.as_deref(), NAME_CHARS, l),
    },
    Slot {
        id: "address",
        marker: Text {
            en: "[your mailing address]",
            es: "[su dirección postal]",
        },
        read: |f, l| input::block(f.address.as_deref(), ADDRESS_CHARS, ADDRESS_LINES, l),
    },
    Slot {
        id: "last4",
        marker: Text {
            en: "[last 4 digits of your card number]",
            es: "[últimos 4 dígitos de su tarjeta]",
        },
        read: |f, _| input::last4(f.last4.as_deref()),
    },
    Slot {
        id: "charge_date",
        marker: Text {
            en: "[date of the charge]",
            es: "[fecha del cargo]",
        },
        read: |f, l| input::date(f.charge_date.as_deref(), l),
    },
    Slot {
        id: "amount",
        marker: Text {
            en: "[amount in dollars]",
            es: "[monto en dólares]",
        },
        read: |f, _| input::money(f.amount.as_deref()),
    },
    Slot {
        id: "merchant",
        marker: Text {
            en: "[merchant name or description on the statement]",
            es: "[nombre del comercio o descripción en el estado de cuenta]",
        },
        read: |f, l| input::line(f.merchant.as_deref(), MERCHANT_CHARS, l),
    },
    Slot {
        id: "reason",
        marker: Text {
            en: "[what is wrong with the charge]",
            es: "[qué está mal con el cargo]",
        },
        read: |f, l| Ok(f.reason.map(|r| r.phrase(l).to_owned())),
    },
    Slot {
        id: "details",
        marker: Text {
            en: "[briefly explain why you believe this is an error]",
            es: "[explique brevemente por qué cree que es un error]",
        },
        read: |f, l| input::block(f.details.as_deref(), DETAILS_CHARS, DETAILS_LINES, l),
    },
    Slot {
        id: "statement_date",
        marker: Text {
            en: "[date of the statement]",
            es: "[fecha del estado de cuenta]",
        },
        read: |f, l| input::date(f.statement_date.as_deref(), l),
    },
    Slot {
        id: "notice_date",
        marker: Text {
            en: "[date of the notice]",
            es: "[fecha del aviso]",
        },
        read: |f, l| input::date(f.notice_date.as_deref(), l),
    },
    Slot {
        id: "adverse_action",
        marker: Text {
            en: "[what the creditor did]",
            es: "[lo que hizo el acreedor]",
        },
        read: |f, l| Ok(f.adverse_action.map(|a| a.phrase(l).to_owned())),
    },
    Slot {
        id: "refund_method",
        marker: Text {
            en: "[how you want to receive the refund]",
            es: "[cómo desea recibir el reembolso]",
        },
        read: |f, l| Ok(f.refund_method.map(|m| m.phrase(l).to_owned())),
    },
    Slot {
        id: "receive_by",
        marker: Text {
            en: "[deadline date]",
            es: "[fecha límite]",
        },
        read: |f, l| input::date(f.receive_by.as_deref(), l),
    },
    Slot {
        id: "issuer_name",
        marker: Text {
            en: "[name of your card issuer]",
            es: "[nombre del emisor de su tarjeta]",
        },
        read: |f, l| input::line(f.issuer_name.as_deref(), NAME_CHARS, l),
    },
    Slot {
        id: "issuer_address",
        marker: Text {
            en: "[card issuer's mailing address for letters]",
            es: "[dirección postal del emisor para correspondencia]",
        },
        read: |f, l| input::block(f.issuer_address.as_deref(), ADDRESS_CHARS, ADDRESS_LINES, l),
    },
    Slot {
        id: "billing_error_address",
        marker: Text {
            en: "[billing-error address shown on your statement]",
            es: "[dirección para errores de facturación que aparece en su estado de cuenta]",
        },
        read: |f, l| {
            input::block(
                f.billing_error_address.as_deref(),
                ADDRESS_CHARS,
                ADDRESS_LINES,
                l,
            )
        },
    },
    Slot {
        id: "today",
        marker: Text {
            en: "[today's date]",
            es: "[fecha de hoy]",
        },
        read: |f, l| input::date(f.today.as_deref(), l),
    },
];

/// The slot called `id`, if there is one.
pub(super) fn find(id: &str) -> Option<&'static Slot> {
    SLOTS.iter().find(|s| s.id == id)
}

/// The most characters a free-text field takes, for the input's `maxlength`; `None` for
/// fields with a format of their own (dates, the last four digits, amounts, choices).
pub(super) fn max_chars(id: &str) -> Option<usize> {
    match id {
        "name" | "issuer_name" => Some(NAME_CHARS),
        "merchant" => Some(MERCHANT_CHARS),
        "details" => Some(DETAILS_CHARS),
        "address" | "issuer_address" | "billing_error_address" => Some(ADDRESS_CHARS),
        _ => None,
    }
}
