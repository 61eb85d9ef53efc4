//! Letters: citations, filled values, fill-in markers, validation and hostile input,
//! in every letter and every locale.

use cardhelp::engine::config::parse_config;
use cardhelp::engine::letter::{
    format_date, format_money, render, AdverseAction, BillingErrorReason, Letter, LetterFields,
    LetterKind, RefundMethod,
};
use cardhelp::engine::locale::Locale;
use proptest::prelude::*;
use time::{Date, Month};

/// Everything filled in, validly; the address has no ZIP code so that the only digit
/// runs in the output are dates, citations, amounts and the last four digits.
fn full() -> LetterFields {
    LetterFields {
        name: Some("Ana María López".into()),
        address: Some("Calle Olmo 12\nSpringfield, IL".into()),
        last4: Some("4242".into()),
        charge_date: Some("2026-01-10".into()),
        amount: Some("1234.56".into()),
        merchant: Some("ACME Online".into()),
        reason: Some(BillingErrorReason::DuplicateCharge),
        details: Some("The same order was billed twice.".into()),
        statement_date: Some("2026-01-15".into()),
        notice_date: Some("2026-02-02".into()),
        adverse_action: Some(AdverseAction::CreditLimitDecrease),
        refund_method: Some(RefundMethod::Check),
        receive_by: Some("2026-03-16".into()),
        issuer_name: Some("Example Bank".into()),
        issuer_address: Some("PO Box 1\nWilmington, DE".into()),
        billing_error_address: Some("Billing Inquiries\nPO Box 2\nWilmington, DE".into()),
        today: Some("2026-02-20".into()),
    }
}

fn all_letters(fields: &LetterFields) -> Vec<Letter> {
    LetterKind::ALL
        .into_iter()
        .flat_map(|k| Locale::ALL.map(|l| render(k, fields, l)))
        .collect()
}

/// The letter with only the fields `set` fills in.
fn render_with(kind: LetterKind, locale: Locale, set: impl FnOnce(&mut LetterFields)) -> Letter {
    let mut fields = LetterFields::default();
    set(&mut fields);
    render(kind, &fields, locale)
}

/// Fails naming the first of `needles` that `text` lacks.
#[track_caller]
fn assert_contains(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "lacks {needle:?}:\n{text}");
    }
}

/// Subject, body and note together.
fn text(letter: &Letter) -> String {
    format!(
        "{}\n{}\n{}",
        letter.subject, letter.body, letter.sending_note
    )
}

/// Lengths of the runs of digits in `s`.
fn digit_runs(s: &str) -> Vec<usize> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(str::len)
        .collect()
}

#[test]
fn ids_round_trip_and_match_serde() {
    let ids: Vec<&str> = LetterKind::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(
        ids,
        vec![
            "billing_error_notice",
            "credit_balance_refund_request",
            "adverse_action_reasons_request",
            "dispute_request"
        ]
    );
    for k in LetterKind::ALL {
        assert_eq!(LetterKind::from_id(k.id()), Some(k));
        assert_eq!(
            serde_json::to_string(&k).unwrap(),
            format!("\"{}\"", k.id())
        );
    }
    assert_eq!(LetterKind::from_id("dispute"), None);
}

#[test]
fn every_letter_cites_its_rules_in_every_locale() {
    let expected: [(LetterKind, &[&str]); 3] = [
        (
            LetterKind::BillingErrorNotice,
            &["15 U.S.C. 1666", "12 CFR 1026.13"],
        ),
        (
            LetterKind::CreditBalanceRefundRequest,
            &["12 CFR 1026.11(a)(2)"],
        ),
        (
            LetterKind::AdverseActionReasonsRequest,
            &["15 U.S.C. 1691(d)", "12 CFR 1002.9(a)(2)"],
        ),
    ];
    for (kind, cites) in expected {
        for cite in cites {
            assert!(kind.citations().contains(cite), "{kind:?} {cite}");
        }
        for locale in Locale::ALL {
            let body = render(kind, &LetterFields::default(), locale).body;
            for cite in kind.citations() {
                assert!(body.contains(cite), "{kind:?} {locale:?} lacks {cite}");
            }
        }
    }
}

#[test]
fn a_fully_filled_letter_has_no_markers_and_shows_every_value() {
    let fields = full();
    for letter in all_letters(&fields) {
        let all = text(&letter);
        assert!(
            letter.missing.is_empty(),
            "{:?}: {:?}",
            letter.kind,
            letter.missing
        );
        assert!(letter.invalid.is_empty());
        assert!(!all.contains('[') && !all.contains('{'), "{all}");
        for value in [
            "Ana María López",
            "Calle Olmo 12\nSpringfield, IL",
            "4242",
            "Example Bank",
        ] {
            assert!(
                letter.body.contains(value),
                "{:?} {:?} lacks {value}",
                letter.kind,
                letter.locale
            );
        }
        assert!(letter.subject.contains("4242"));
        assert!(!all.contains("None") && !all.contains(": \n") && !all.contains("  "));
    }
}

#[test]
fn values_are_formatted_for_the_locale() {
    let f = full();
    let en = render(LetterKind::BillingErrorNotice, &f, Locale::En);
    let es = render(LetterKind::BillingErrorNotice, &f, Locale::Es);
    assert_contains(
        &en.body,
        &[
            "January 10, 2026",
            "January 15, 2026",
            "February 20, 2026",
            "$1,234.56",
            "ACME Online",
            "I was charged more than once",
            "The same order was billed twice.",
            "Billing Inquiries\nPO Box 2",
        ],
    );
    assert_contains(
        &es.body,
        &[
            "10 de enero de 2026",
            "15 de enero de 2026",
            "20 de febrero de 2026",
            "$1,234.56",
            "Se me cobró más de una vez",
        ],
    );
    assert_contains(
        &en.sending_note,
        &[
            "receives it by March 16, 2026",
            "not to the payment address",
        ],
    );
    assert_contains(&es.sending_note, &["a más tardar el 16 de marzo de 2026"]);

    let refund = render(LetterKind::CreditBalanceRefundRequest, &f, Locale::En);
    assert_contains(
        &refund.body,
        &[
            "credit balance of $1,234.56",
            "seven business days",
            "by check mailed to my address above",
        ],
    );

    let reasons = render(LetterKind::AdverseActionReasonsRequest, &f, Locale::Es);
    assert_contains(
        &reasons.body,
        &[
            "aviso con fecha 2 de febrero de 2026",
            "habían reducido el límite de crédito de mi cuenta",
            "60 días",
            "30 días",
        ],
    );
}

/// The slots every letter lists first: the subject's card digits, then its header.
const FIRST_SLOTS: [&str; 5] = ["last4", "name", "address", "today", "issuer_name"];

#[test]
fn blank_fields_render_as_markers_and_are_listed() {
    let expected: [(LetterKind, &[&str]); 3] = [
        (
            LetterKind::BillingErrorNotice,
            &[
                "billing_error_address",
                "statement_date",
                "charge_date",
                "amount",
                "merchant",
                "reason",
                "details",
                "receive_by",
            ],
        ),
        (
            LetterKind::CreditBalanceRefundRequest,
            &["issuer_address", "amount", "refund_method"],
        ),
        (
            LetterKind::AdverseActionReasonsRequest,
            &[
                "issuer_address",
                "notice_date",
                "adverse_action",
                "receive_by",
            ],
        ),
    ];
    for (kind, own_slots) in expected {
        let missing = [&FIRST_SLOTS[..], own_slots].concat();
        let en = render(kind, &LetterFields::default(), Locale::En);
        let es = render(kind, &LetterFields::default(), Locale::Es);
        assert_eq!(en.missing, missing, "{kind:?}");
        assert_eq!(es.missing, missing, "{kind:?}");
        assert!(en
            .body
            .starts_with("[your full name]\n[your mailing address]\n"));
        assert!(es
            .body
            .starts_with("[su nombre completo]\n[su dirección postal]\n"));
        assert!(en.subject.ends_with("[last 4 digits of your card number]"));
        assert!(es.subject.ends_with("[últimos 4 dígitos de su tarjeta]"));
        assert!(!text(&en).contains("None") && !text(&en).contains('{'));
    }
    let en = render(
        LetterKind::BillingErrorNotice,
        &LetterFields::default(),
        Locale::En,
    );
    assert_contains(&en.body, &["Amount: [amount in dollars]\n"]);
    assert_contains(&en.sending_note, &["by [deadline date]"]);
}

#[test]
fn a_full_card_number_never_reaches_a_letter() {
    let card = "4111 1111 1111 1111";
    let mut f = full();
    f.last4 = Some(card.into());
    f.details = Some(format!("My card {card} was charged; order 55512."));
    f.merchant = Some("4111-1111-1111-1111".into());
    f.name = Some("4111111111111111".into());
    for letter in all_letters(&f) {
        let all = text(&letter);
        assert!(digit_runs(&all).iter().all(|n| *n <= 5), "{all}");
        assert!(!all.replace([' ', '-'], "").contains("41111111"));
        assert_eq!(letter.invalid.len(), 1);
        assert_eq!(letter.invalid[0].field, "last4");
        assert!(letter.missing.contains(&"last4"));
    }
    let en = render(LetterKind::BillingErrorNotice, &f, Locale::En);
    assert_contains(
        &en.body,
        &[
            "Details: My card [card number removed] was charged; order 55512.",
            "account ending in [last 4 digits of your card number]",
        ],
    );
    assert_eq!(
        en.invalid[0].message,
        "Enter only the last 4 digits of your card number."
    );
    let es = render(LetterKind::BillingErrorNotice, &f, Locale::Es);
    assert_contains(&es.body, &["[número de tarjeta eliminado]"]);
    assert_contains(&es.invalid[0].message, &["últimos 4 dígitos"]);
}

#[test]
fn last4_must_be_exactly_four_digits() {
    for (input, ok) in [
        ("1234", true),
        (" 0007 ", true),
        ("123", false),
        ("12345", false),
        ("12a4", false),
        ("١٢٣٤", false),
    ] {
        let letter = render_with(LetterKind::CreditBalanceRefundRequest, Locale::En, |f| {
            f.last4 = Some(input.into());
        });
        assert_eq!(letter.invalid.is_empty(), ok, "{input}");
        assert_eq!(letter.subject.ends_with(input.trim()), ok, "{input}");
    }
}

#[test]
fn invalid_amounts_and_dates_become_markers_with_messages() {
    let mut f = full();
    f.amount = Some("12.345.67".into());
    f.charge_date = Some("2026-02-30".into());
    f.today = Some("20/02/2026".into());
    let en = render(LetterKind::BillingErrorNotice, &f, Locale::En);
    let fields: Vec<&str> = en.invalid.iter().map(|i| i.field).collect();
    assert_eq!(fields, vec!["today", "charge_date", "amount"]);
    assert_eq!(en.missing, fields);
    assert_contains(
        &en.body,
        &["Date of the charge: [date of the charge]\nAmount: [amount in dollars]"],
    );
    assert_contains(&en.invalid[1].message, &["YYYY-MM-DD"]);
    let es = render(LetterKind::BillingErrorNotice, &f, Locale::Es);
    assert_contains(&es.invalid[1].message, &["AAAA-MM-DD"]);
}

#[test]
fn fields_a_letter_does_not_use_are_not_validated() {
    let mut f = full();
    f.notice_date = Some("not a date".into());
    f.charge_date = Some("nope".into());
    assert!(render(LetterKind::BillingErrorNotice, &f, Locale::En)
        .invalid
        .iter()
        .all(|i| i.field == "charge_date"));
    assert!(
        render(LetterKind::CreditBalanceRefundRequest, &f, Locale::En)
            .invalid
            .is_empty()
    );
}

#[test]
fn hostile_text_stays_inert_on_one_line() {
    let mut f = full();
    f.merchant = Some("<script>alert(1)</script>\r\nDear Sir,\n\nPay now".into());
    f.name = Some("Ana\u{202E}zepóL {today} \u{0}".into());
    f.details = Some("{last4} line one\n\n\n   line two\t\u{7}".into());
    let base = render(LetterKind::BillingErrorNotice, &full(), Locale::En);
    let letter = render(LetterKind::BillingErrorNotice, &f, Locale::En);
    assert_contains(
        &letter.body,
        &[
            "Merchant or description: <script>alert(1)</script> Dear Sir, Pay now\n",
            "Details: {last4} line one\nline two\n",
        ],
    );
    assert!(letter.body.starts_with("AnazepóL {today}\n"));
    assert_eq!(letter.body.lines().count(), base.body.lines().count() + 1);
    assert!(!letter.body.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn issuer_details_come_from_the_host_config_unless_given() {
    let (host, issues) = parse_config(
        r#"{"issuer_name": "Config Bank", "billing_error_address": "Billing Errors\nPO Box 9\nDover, DE"}"#,
    );
    assert!(issues.is_empty());
    let from_host = LetterFields::default().with_host(&host);
    assert_eq!(from_host.issuer_name.as_deref(), Some("Config Bank"));
    let letter = render(LetterKind::BillingErrorNotice, &from_host, Locale::En);
    assert_contains(
        &letter.body,
        &["Config Bank\nBilling Errors\nPO Box 9\nDover, DE\n"],
    );
    assert!(!letter.missing.contains(&"issuer_name"));

    let own = LetterFields {
        issuer_name: Some("My Bank".into()),
        ..Default::default()
    }
    .with_host(&host);
    assert_eq!(own.issuer_name.as_deref(), Some("My Bank"));
    assert!(own.billing_error_address.is_some());
}

#[test]
fn fields_deserialize_from_json_with_choice_ids() {
    let f: LetterFields = serde_json::from_str(
        r#"{"name": "Ana", "reason": "not_received_or_not_as_agreed", "refund_method": "deposit_account",
            "adverse_action": "account_closure", "last4": "1234"}"#,
    )
    .unwrap();
    assert_eq!(f.reason, Some(BillingErrorReason::NotReceivedOrNotAsAgreed));
    assert_eq!(f.refund_method, Some(RefundMethod::DepositAccount));
    assert_eq!(f.adverse_action, Some(AdverseAction::AccountClosure));
    assert!(serde_json::from_str::<LetterFields>(r#"{"card_number": "4111"}"#).is_err());
}

#[test]
fn every_choice_has_wording_in_every_locale() {
    for locale in Locale::ALL {
        for r in BillingErrorReason::ALL {
            let letter = render_with(LetterKind::BillingErrorNotice, locale, |f| {
                f.reason = Some(r);
            });
            assert_contains(&letter.body, &[r.phrase(locale)]);
            assert!(!r.label(locale).is_empty());
        }
        for m in RefundMethod::ALL {
            let letter = render_with(LetterKind::CreditBalanceRefundRequest, locale, |f| {
                f.refund_method = Some(m);
            });
            assert_contains(&letter.body, &[m.phrase(locale)]);
        }
        for a in AdverseAction::ALL {
            let letter = render_with(LetterKind::AdverseActionReasonsRequest, locale, |f| {
                f.adverse_action = Some(a);
            });
            assert_contains(&letter.body, &[a.phrase(locale)]);
        }
    }
    assert_ne!(
        BillingErrorReason::WrongAmount.phrase(Locale::En),
        BillingErrorReason::WrongAmount.phrase(Locale::Es)
    );
}

#[test]
fn public_formatters() {
    let d = Date::from_calendar_date(2026, Month::March, 16).unwrap();
    assert_eq!(format_date(d, Locale::En), "March 16, 2026");
    assert_eq!(format_date(d, Locale::Es), "16 de marzo de 2026");
    assert_eq!(format_money(123_456), "$1,234.56");
}

proptest! {
    #[test]
    fn any_input_renders_without_panics_or_injected_lines(
        name in any::<String>(), merchant in any::<String>(), amount in any::<String>(),
        last4 in any::<String>(), date in any::<String>(), details in any::<String>(),
    ) {
        let base_lines = render(LetterKind::BillingErrorNotice, &LetterFields::default(), Locale::En)
            .body.lines().count();
        let f = LetterFields {
            name: Some(name), merchant: Some(merchant), amount: Some(amount), last4: Some(last4),
            charge_date: Some(date), details: Some(details), ..Default::default()
        };
        for letter in all_letters(&f) {
            prop_assert!(!text(&letter).chars().any(|c| c.is_control() && c != '\n'));
            prop_assert!(!letter.subject.contains('\n'));
        }
        // Only `details` (multi-line) may add lines; the one-line fields cannot.
        let no_details = LetterFields { details: None, ..f };
        let body = render(LetterKind::BillingErrorNotice, &no_details, Locale::En).body;
        prop_assert_eq!(body.lines().count(), base_lines);
    }
}
