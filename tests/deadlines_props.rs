//! Properties checked exhaustively over every date 1990–2100 (about 40,000 days): cheap
//! enough to need no random sampling, and it leaves no corner unvisited.

use cardhelp::engine::calendar::cycles::ClosingDay;
use cardhelp::engine::calendar::holidays::{self, FIRST_YEAR, LAST_YEAR};
use cardhelp::engine::calendar::{add_days, add_months, add_years, BusinessCalendar, IsoDate};
use cardhelp::engine::case::{CardNetwork, Facts, FreezeMethod, PaymentMethod};
use cardhelp::engine::deadlines::resolve;
use cardhelp::engine::rules::{Counting, Unit, RULES};
use time::{Date, Month, Weekday};

fn every_day() -> impl Iterator<Item = Date> {
    let first = Date::from_calendar_date(FIRST_YEAR, Month::January, 1).unwrap();
    let last = Date::from_calendar_date(LAST_YEAR, Month::December, 31).unwrap();
    std::iter::successors(Some(first), move |d| d.next_day().filter(|n| *n <= last))
}

/// Closed by the default rules, judged without the calendar under test.
fn closed_by_default(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) || holidays::observed_on(d).is_some()
}

/// Every date fact set to `d`; the choice facts cycle through their values with `i`.
fn facts_on(d: Date, i: usize) -> Facts {
    let day = Some(IsoDate(d));
    Facts {
        statement_sent: day,
        statement_closing: day,
        statement_mailed: day,
        transaction_date: day,
        notice_received: day,
        cycle_closing_day: ClosingDay::new(u8::try_from(i % 31 + 1).unwrap()),
        due_date: day,
        payment_method: [None, Some(PaymentMethod::Mail), Some(PaymentMethod::Online)][i % 3],
        refund_request_received: day,
        fraud_alert_placed: day,
        extended_alert_placed: day,
        freeze_requested: day,
        freeze_request_method: [None, Some(FreezeMethod::Mail), Some(FreezeMethod::Phone)][i % 3],
        report_dispute_received: day,
        report_dispute_info_added: [None, Some(true), Some(false)][i % 3],
        cfpb_complaint_sent: day,
        adverse_action_date: day,
        terms_notice_received: day,
        rate_increase_notice_received: day,
        billing_error_decision_date: day,
        freeze_placed: day,
        fraud_alert_report_requested: day,
        identity_theft_block_requested: day,
        adverse_action_notice_date: day,
        adverse_action_reasons_requested: day,
        application_completed: day,
        cfpb_company_responded: day,
        missed_due_date: day,
        payment_address_changed: day,
        debit_loss_discovered: day,
        debit_statement_sent: day,
        debit_error_notice_received: day,
        unauthorized_use_reported: day,
        card_network: Some(
            [
                CardNetwork::Visa,
                CardNetwork::Amex,
                CardNetwork::Discover,
                CardNetwork::Mastercard,
            ][i % 4],
        ),
        terms_notice_sent: day,
        rate_increase_notice_sent: day,
        adverse_action_reasons_received: day,
        autopay_date: day,
        autopay_from_issuer_account: [None, Some(true), Some(false)][i % 3],
        credit_balance_since: day,
        freeze_lift_requested: day,
        freeze_lift_method: [None, Some(FreezeMethod::Mail), Some(FreezeMethod::Online)][i % 3],
        active_duty_alert_placed: day,
    }
}

#[test]
fn no_deadline_is_before_its_start_and_business_day_results_are_open_days() {
    let cal = BusinessCalendar::federal_reserve();
    for (i, d) in every_day().enumerate() {
        let facts = facts_on(d, i);
        for rule in RULES {
            let Some(r) = resolve(rule, &facts, &cal) else {
                assert!(
                    rule.only_if.is_some() || rule.not_if.is_some(),
                    "{} missing on {d}",
                    rule.id
                );
                continue;
            };
            if rule.counting == Counting::Before {
                assert!(r.date < r.start_date, "{} on {d}: {}", rule.id, r.date);
            } else {
                assert!(r.date >= r.start_date, "{} on {d}: {}", rule.id, r.date);
            }
            // A count of 0 business days is the request day itself (a freeze lifted within
            // the hour), which may be any day; a mailed payment rolls to a mail day, which
            // may be a Saturday.
            if rule.unit == Unit::BusinessDays && r.length > 0 {
                assert!(!closed_by_default(r.date), "{} on {d}: {}", rule.id, r.date);
            }
            if r.roll_forward {
                assert!(cal.receives_mail(r.date), "{} on {d}: {}", rule.id, r.date);
            }
            if rule.unit == Unit::BillingCycles {
                assert!(r.date > r.start_date, "{} on {d}", rule.id);
                assert!(
                    r.date <= add_days(r.start_date, 90).unwrap(),
                    "{} on {d}",
                    rule.id
                );
            }
        }
    }
}

#[test]
fn billing_error_resolution_is_within_receipt_and_receipt_plus_90_for_every_closing_day() {
    let cal = BusinessCalendar::federal_reserve();
    let rule = RULES
        .iter()
        .find(|r| r.id == "billing_error_resolution")
        .unwrap();
    for d in every_day().step_by(3) {
        for closing in 1..=31 {
            let facts = Facts {
                notice_received: Some(IsoDate(d)),
                cycle_closing_day: ClosingDay::new(closing),
                ..Facts::default()
            };
            let r = resolve(rule, &facts, &cal).unwrap();
            assert!(
                r.date > d && r.date <= add_days(d, 90).unwrap(),
                "{d} day {closing}"
            );
        }
    }
}

#[test]
fn business_day_counts_land_on_the_nth_open_day_after_the_start() {
    let cal = BusinessCalendar::federal_reserve();
    for d in every_day() {
        assert_eq!(cal.add_business_days(d, 0), Some(d));
        for n in [1, 3, 5, 7, 10] {
            let end = cal.add_business_days(d, n).unwrap();
            assert!(!closed_by_default(end), "{d} + {n}");
            let open_between = std::iter::successors(d.next_day(), |x| x.next_day())
                .take_while(|x| *x <= end)
                .filter(|x| !closed_by_default(*x))
                .count();
            assert_eq!(open_between, n as usize, "{d} + {n} = {end}");
        }
    }
}

#[test]
fn adding_zero_is_identity_and_anniversaries_keep_month_and_day() {
    for d in every_day() {
        assert_eq!(add_days(d, 0), Some(d));
        assert_eq!(add_years(d, 0), Some(d));
        assert_eq!(add_months(d, 0), Some(d));
        for n in [1, 7] {
            let later = add_years(d, n).unwrap();
            let leap_day = d.month() == Month::February && d.day() == 29;
            if leap_day && later.month() == Month::March {
                // The anniversary of February 29 in a common year is March 1.
                assert_eq!((later.year(), later.day()), (d.year() + n as i32, 1));
            } else {
                assert_eq!(
                    (later.year(), later.month(), later.day()),
                    (d.year() + n as i32, d.month(), d.day()),
                    "{d} + {n}y"
                );
            }
        }
    }
}

#[test]
fn months_keep_the_day_or_end_a_shorter_month_and_never_skip_one() {
    for d in every_day().step_by(3) {
        for n in [1, 6, 12] {
            let later = add_months(d, n).unwrap();
            let months = |x: Date| x.year() * 12 + i32::from(x.month() as u8);
            assert_eq!(months(later) - months(d), n as i32, "{d} + {n}m");
            let month_end = later.next_day().unwrap().day() == 1;
            assert!(
                later.day() == d.day() || (later.day() < d.day() && month_end),
                "{d} + {n}m = {later}"
            );
        }
    }
}

#[test]
fn issuer_overrides_are_respected_by_every_business_day_count() {
    // Closed every 13th day, open on Saturdays.
    let closed: Vec<Date> = every_day().step_by(13).collect();
    let cal = BusinessCalendar::with_overrides(closed.iter().copied(), [Weekday::Saturday]);
    for d in every_day().step_by(5) {
        let end = cal.add_business_days(d, 3).unwrap();
        assert!(
            closed.binary_search(&end).is_err(),
            "{d}: {end} is a closed day"
        );
        assert_ne!(end.weekday(), Weekday::Sunday);
        assert!(holidays::observed_on(end).is_none());
    }
}

#[test]
fn the_notice_estimated_from_a_transaction_counts_from_the_next_closing_and_never_after_it() {
    let cal = BusinessCalendar::federal_reserve();
    let rule = RULES
        .iter()
        .find(|r| r.id == "billing_error_notice")
        .unwrap();
    for d in every_day().step_by(7) {
        let bare = Facts {
            transaction_date: Some(IsoDate(d)),
            ..Facts::default()
        };
        let from_tx = resolve(rule, &bare, &cal).unwrap();
        assert_eq!((from_tx.start_date, from_tx.from_closing), (d, false));
        for closing in 1..=31 {
            let day = ClosingDay::new(closing).unwrap();
            let facts = Facts {
                cycle_closing_day: Some(day),
                ..bare.clone()
            };
            let r = resolve(rule, &facts, &cal).unwrap();
            // The first closing on or after the transaction: a closing date, within a
            // month, so the estimate lies between the bare one and the real deadline of
            // any statement sent on or after that closing.
            assert!(
                r.from_closing && r.estimate_reason.is_some(),
                "{d} day {closing}"
            );
            assert_eq!(
                day.cycle_end(r.start_date),
                Some(r.start_date),
                "{d} day {closing}"
            );
            assert!(r.start_date >= d && r.start_date <= add_days(d, 31).unwrap());
            assert_eq!(r.date, add_days(r.start_date, 60).unwrap());
            assert!(r.date >= from_tx.date);
        }
    }
}
