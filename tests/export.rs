//! Calendar events and letter fields built from the one plan.

use cardhelp::engine::case::Case;
use cardhelp::engine::config::{parse_config, HostConfig};
use cardhelp::engine::export::{
    calendar, calendar_events, letter_field, letter_fields, set_letter_field, PRODUCT_ID,
};
use cardhelp::engine::ics::IcsEvent;
use cardhelp::engine::letter::{render, BillingErrorReason, LetterFields, LetterKind};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::plan::{resolve, Plan};
use time::macros::{date, datetime};

fn host() -> HostConfig {
    let (config, issues) = parse_config(
        r#"{"issuer_name":"Northwind Bank",
            "billing_error_address":"Billing Inquiries\nPO Box 100\nWilmington, DE 19850"}"#,
    );
    assert!(issues.is_empty(), "{issues:?}");
    config
}

fn plan(case: &str) -> Plan {
    resolve(&Case::from_json(case).expect("case"), &host()).expect("plan")
}

/// An unauthorized charge on the statement sent February 10, 2026, seen on March 2.
fn unauthorized() -> Plan {
    plan(
        r#"{"today":"2026-03-02","topic":"unauthorized_charge",
            "answers":{"still_have_card":"yes","statement_sent":"2026-02-10"}}"#,
    )
}

/// The events for `p` whose UID starts with `id` followed by `-` (the deadline's own).
fn own_event(events: &[IcsEvent], id: &str) -> IcsEvent {
    let prefix = format!("{id}-");
    events
        .iter()
        .find(|e| e.uid.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no event for {id}: {events:?}"))
        .clone()
}

#[test]
fn each_deadline_still_ahead_is_one_event_on_its_date() {
    let p = plan(
        r#"{"today":"2026-03-02","topic":"billing_dispute","facts":{"notice_received":"2026-02-20","cycle_closing_day":10},
            "answers":{"statement_sent":"2026-02-10","transaction_date":"2025-06-01"}}"#,
    );
    let ahead: Vec<_> = p.deadlines.iter().filter(|d| d.days_left >= 0).collect();
    let passed = p.deadlines.len() - ahead.len();
    assert!(ahead.len() >= 3, "{:?}", p.deadlines);
    assert!(
        passed >= 1,
        "the 2025 transaction's network window has passed"
    );
    let events = calendar_events(&p);
    for deadline in &ahead {
        let event = own_event(&events, &deadline.id);
        assert_eq!(event.date, deadline.date.0);
        assert_eq!(event.url, deadline.source_url);
        assert!(event.description.contains(&deadline.summary));
        assert!(event.description.contains(&deadline.citation));
        assert!(event.description.contains(&deadline.counting));
    }
    let mailed = ahead.iter().filter(|d| d.mail_by.is_some()).count();
    assert_eq!(events.len(), ahead.len() + mailed);
}

#[test]
fn titles_are_short_and_say_who_acts() {
    let p = plan(
        r#"{"today":"2026-03-02","topic":"billing_dispute","facts":{"notice_received":"2026-02-20","cycle_closing_day":10},
            "answers":{"statement_sent":"2026-02-10"}}"#,
    );
    let events = calendar_events(&p);
    let title = |id: &str| own_event(&events, id).summary;
    assert_eq!(title("billing_error_notice"), "You: dispute must arrive");
    assert_eq!(
        title("billing_error_resolution"),
        "Card company: answer due"
    );
    assert_eq!(
        title("billing_error_notice_mail_by"),
        "You: last day to mail your dispute"
    );
    for event in &events {
        let (who, _) = event.summary.split_once(": ").expect(&event.summary);
        assert!(["You", "Card company"].contains(&who), "{}", event.summary);
        assert!(event.summary.chars().count() <= 72, "{}", event.summary);
    }
}

#[test]
fn the_mail_by_day_is_its_own_event_and_carries_the_early_reminders() {
    let p = unauthorized();
    let events = calendar_events(&p);
    let mail = own_event(&events, "billing_error_notice_mail_by");
    let notice = own_event(&events, "billing_error_notice");
    assert_eq!(notice.date, date!(2026 - 04 - 11));
    assert_eq!(mail.date, date!(2026 - 04 - 03));
    // A week and a day before the last day to mail (and that morning, as every event):
    // reminders that still leave time to put it in the mail.
    assert_eq!(mail.alarms, vec![7, 1]);
    assert!(mail.description.starts_with("Mailing it?"));
    assert!(mail
        .description
        .contains("April 11, 2026: Last day for the card company to receive"));
    // The deadline itself only reminds on the day: earlier ones would fall after the
    // last day to mail.
    assert_eq!(notice.alarms, Vec::<u16>::new());
    assert!(notice.description.contains("April 3, 2026: Mailing it?"));
}

#[test]
fn reminders_already_in_the_past_are_left_out() {
    // The notice is due April 11, to be mailed by April 3. On March 30 the week-before
    // reminder of the mail-by day has passed; once the mail-by day has passed there is no
    // mail event, and the notice reminds a day before (delivery by hand or overnight).
    for (today, mail_alarms, notice_alarms) in [
        ("2026-03-30", Some(vec![1]), vec![]),
        ("2026-04-06", None, vec![1]),
        ("2026-04-11", None, vec![]),
    ] {
        let p = plan(&format!(
            r#"{{"today":"{today}","topic":"unauthorized_charge","answers":{{"statement_sent":"2026-02-10"}}}}"#
        ));
        let events = calendar_events(&p);
        let mail = events
            .iter()
            .find(|e| e.uid.starts_with("billing_error_notice_mail_by-"));
        assert_eq!(mail.map(|m| m.alarms.clone()), mail_alarms, "{today}");
        let notice = own_event(&events, "billing_error_notice");
        assert_eq!(notice.alarms, notice_alarms, "{today}");
    }
}

#[test]
fn other_parties_deadlines_only_remind_on_the_day() {
    let p = plan(
        r#"{"today":"2026-03-02","topic":"billing_dispute","facts":{"notice_received":"2026-02-20"}}"#,
    );
    // The acknowledgment, and the resolution's 90-day limit (no closing day given).
    let events = calendar_events(&p);
    assert_eq!(events.len(), 2);
    for e in events {
        assert_eq!(e.alarms, Vec::<u16>::new());
    }
}

#[test]
fn the_calendar_file_is_offered_only_with_a_deadline_ahead() {
    let stamp = datetime!(2026-03-02 15:04:05 UTC).into();
    let ics = calendar(&unauthorized(), stamp).unwrap();
    assert!(ics.contains(&format!("PRODID:{PRODUCT_ID}")));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260411\r\n"));
    let passed = plan(
        r#"{"today":"2026-06-01","topic":"unauthorized_charge","answers":{"statement_sent":"2026-02-10"}}"#,
    );
    assert_eq!(calendar(&passed, stamp), None);
    let none = plan(r#"{"today":"2026-03-02","topic":"account_service"}"#);
    assert_eq!(calendar(&none, stamp), None);
}

#[test]
fn spanish_plans_give_spanish_events() {
    let p = plan(
        r#"{"today":"2026-03-02","topic":"unauthorized_charge","locale":"es","answers":{"statement_sent":"2026-02-10"}}"#,
    );
    let events = calendar_events(&p);
    let notice = own_event(&events, "billing_error_notice");
    assert_eq!(notice.summary, "Usted: su reclamo debe llegar");
    assert!(notice
        .description
        .contains("3 de abril de 2026: ¿Lo envía por correo?"));
    let mail = own_event(&events, "billing_error_notice_mail_by");
    assert_eq!(
        mail.summary,
        "Usted: último día para enviar su reclamo por correo"
    );
}

#[test]
fn the_billing_error_notice_is_prefilled_from_the_plan_and_the_host() {
    let p = unauthorized();
    let f = letter_fields(
        &p,
        LetterKind::BillingErrorNotice,
        &LetterFields::default(),
        &host(),
    );
    assert_eq!(f.today.as_deref(), Some("2026-03-02"));
    assert_eq!(f.statement_date.as_deref(), Some("2026-02-10"));
    assert_eq!(f.receive_by.as_deref(), Some("2026-04-11"));
    assert_eq!(f.reason, Some(BillingErrorReason::UnauthorizedCharge));
    assert_eq!(f.issuer_name.as_deref(), Some("Northwind Bank"));
    let letter = render(LetterKind::BillingErrorNotice, &f, p.locale);
    assert!(letter.body.contains("statement dated February 10, 2026"));
    assert!(letter.body.contains("PO Box 100"));
    assert_eq!(
        letter.missing,
        vec![
            "last4",
            "name",
            "address",
            "charge_date",
            "amount",
            "merchant",
            "details"
        ]
    );
}

/// The billing-error notice's fields for the unauthorized-charge plan, under `typed`.
fn notice_fields(typed: &LetterFields) -> LetterFields {
    letter_fields(
        &unauthorized(),
        LetterKind::BillingErrorNotice,
        typed,
        &host(),
    )
}

#[test]
fn what_the_cardholder_typed_wins_even_when_emptied() {
    let mut typed = LetterFields::default();
    set_letter_field(&mut typed, "statement_date", "2026-02-11".into());
    set_letter_field(&mut typed, "issuer_name", String::new());
    set_letter_field(&mut typed, "reason", "duplicate_charge".into());
    let f = notice_fields(&typed);
    assert_eq!(f.statement_date.as_deref(), Some("2026-02-11"));
    assert_eq!(
        f.receive_by.as_deref(),
        Some("2026-04-12"),
        "the 60 days count from the statement date typed"
    );
    assert_eq!(f.issuer_name.as_deref(), Some(""));
    assert_eq!(f.reason, Some(BillingErrorReason::DuplicateCharge));
    let letter = render(LetterKind::BillingErrorNotice, &f, Locale::En);
    assert!(letter.missing.contains(&"issuer_name"));
}

#[test]
fn a_typed_statement_date_that_is_not_a_date_leaves_the_receive_by_date_to_fill_in() {
    let mut typed = LetterFields::default();
    set_letter_field(&mut typed, "statement_date", "last month".into());
    let f = notice_fields(&typed);
    assert_eq!(f.receive_by, None);
    let letter = render(LetterKind::BillingErrorNotice, &f, Locale::En);
    assert!(
        letter.missing.contains(&"receive_by"),
        "{:?}",
        letter.missing
    );
    // Cleared, the plan's own date still stands.
    set_letter_field(&mut typed, "statement_date", String::new());
    let f = notice_fields(&typed);
    assert_eq!(f.receive_by.as_deref(), Some("2026-04-11"));
}

#[test]
fn a_charge_date_from_the_plan_fills_the_notice() {
    let p = plan(
        r#"{"today":"2026-03-02","topic":"billing_dispute",
            "answers":{"statement_sent":"2026-02-10","transaction_date":"2026-01-28"}}"#,
    );
    let f = letter_fields(
        &p,
        LetterKind::BillingErrorNotice,
        &LetterFields::default(),
        &host(),
    );
    assert_eq!(f.charge_date.as_deref(), Some("2026-01-28"));
    assert_eq!(
        f.reason, None,
        "only an unauthorized charge implies the reason"
    );
}

#[test]
fn a_notice_date_estimated_from_the_transaction_keeps_the_letters_dates_apart() {
    // Only the transaction date and the closing day: the plan counts the 60 days from the
    // next closing (Jan 31), but the letter's charge date is the transaction's, and its
    // statement date is left for the cardholder rather than filled with either.
    let p = plan(
        r#"{"today":"2026-03-02","topic":"billing_dispute",
            "facts":{"transaction_date":"2026-01-28","cycle_closing_day":31}}"#,
    );
    let f = letter_fields(
        &p,
        LetterKind::BillingErrorNotice,
        &LetterFields::default(),
        &host(),
    );
    assert_eq!(f.charge_date.as_deref(), Some("2026-01-28"));
    assert_eq!(f.statement_date, None);
    assert_eq!(f.receive_by.as_deref(), Some("2026-04-01"));
    // The same with the transaction date alone.
    let p = plan(
        r#"{"today":"2026-03-02","topic":"billing_dispute","facts":{"transaction_date":"2026-01-28"}}"#,
    );
    let f = letter_fields(
        &p,
        LetterKind::BillingErrorNotice,
        &LetterFields::default(),
        &host(),
    );
    assert_eq!(f.charge_date.as_deref(), Some("2026-01-28"));
    assert_eq!(f.statement_date, None);
    assert_eq!(f.receive_by.as_deref(), Some("2026-03-29"));
}

#[test]
fn the_adverse_action_request_gets_its_notice_date_and_reply_deadline() {
    let p = plan(
        r#"{"today":"2026-03-02","topic":"credit_limit_application","facts":{"adverse_action_notice_date":"2026-02-20"}}"#,
    );
    let f = letter_fields(
        &p,
        LetterKind::AdverseActionReasonsRequest,
        &LetterFields::default(),
        &host(),
    );
    assert_eq!(f.notice_date.as_deref(), Some("2026-02-20"));
    let due = p
        .deadlines
        .iter()
        .find(|d| d.id == "adverse_action_reasons_request")
        .unwrap();
    assert_eq!(f.receive_by, Some(due.date.to_string()));
    let refund = letter_fields(
        &p,
        LetterKind::CreditBalanceRefundRequest,
        &LetterFields::default(),
        &host(),
    );
    assert_eq!((refund.notice_date, refund.receive_by), (None, None));
}

#[test]
fn every_field_a_letter_asks_for_can_be_set_and_read_back() {
    for kind in LetterKind::ALL {
        let blank = render(kind, &LetterFields::default(), Locale::En);
        for id in blank.missing {
            let value = match id {
                "reason" => "wrong_amount",
                "adverse_action" => "account_closure",
                "refund_method" => "check",
                "today" | "receive_by" => continue,
                "last4" => "1234",
                "amount" => "12.50",
                _ if id.ends_with("_date") => "2026-01-05",
                _ => "Acme Store",
            };
            let mut fields = LetterFields::default();
            set_letter_field(&mut fields, id, value.into());
            assert_eq!(letter_field(&fields, id), value, "{}: {id}", kind.id());
            let filled = render(kind, &fields, Locale::En);
            assert!(!filled.missing.contains(&id), "{}: {id}", kind.id());
        }
    }
    let mut fields = LetterFields::default();
    set_letter_field(&mut fields, "reason", "not_a_reason".into());
    set_letter_field(&mut fields, "nickname", "x".into());
    assert_eq!(fields, LetterFields::default());
    assert_eq!(letter_field(&fields, "nickname"), "");
}
