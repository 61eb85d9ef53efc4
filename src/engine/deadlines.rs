//! The deadline resolver: applies one rule row to the case's facts and returns the date,
//! with everything needed to explain it. No wording here; [`crate::engine::plan`] words it.
//!
//! One generic path serves every row: pick the start date (or the first of its estimate
//! fallbacks whose facts are known), pick the length (base or variant), count in the
//! rule's unit and convention on the case's business calendar, and roll a mailed payment
//! forward to the next mail day only where the row says so.

use time::Date;

use crate::engine::calendar::{add_days, add_months, add_years, BusinessCalendar};
use crate::engine::case::{Fact, Facts};
use crate::engine::locale::Text;
use crate::engine::rules::{Counting, IfUnknown, Rule, Unit, RULES};

/// One rule applied to one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub rule: &'static Rule,
    /// The fact the clock actually started from (a fallback, for an estimate).
    pub start_fact: Fact,
    /// The date counted from: the fact's date, or for a fallback counted from the next
    /// cycle closing, that closing date.
    pub start_date: Date,
    /// The start was moved to the first cycle closing date on or after the fact's date.
    pub from_closing: bool,
    /// The unit actually counted: the rule's, or calendar days for a billing-cycle rule
    /// whose closing day is unknown (counted to its cap).
    pub unit: Unit,
    /// The length used: the rule's, its variant's, or the cap.
    pub length: u32,
    pub date: Date,
    /// The due date before moving it to the next day the issuer gets mail, when it moved.
    pub rolled_from: Option<Date>,
    /// Whether the next-mail-day rule applied (even if the date needed no move).
    pub roll_forward: bool,
    /// Why the date is an estimate, when it is one.
    pub estimate_reason: Option<&'static Text<&'static str>>,
}

/// Where the clock starts: the rule's fact, else the first fallback whose facts are
/// present (with the reason that makes it an estimate).
fn start(
    rule: &'static Rule,
    facts: &Facts,
) -> Option<(Fact, Date, bool, Option<&'static Text<&'static str>>)> {
    if let Some(d) = facts.date(rule.start) {
        return Some((rule.start, d, false, None));
    }
    rule.fallbacks.iter().find_map(|fb| {
        let date = facts.date(fb.fact)?;
        let date = if fb.to_closing {
            facts.cycle_closing_day?.cycle_end(date)?
        } else {
            date
        };
        Some((fb.fact, date, fb.to_closing, Some(&fb.reason)))
    })
}

/// Applies `rule` to `facts`. `None` when a fact the rule needs is missing (or, for dates
/// past the year 9999, when the arithmetic would overflow: never for a valid case).
pub fn resolve(
    rule: &'static Rule,
    facts: &Facts,
    calendar: &BusinessCalendar,
) -> Option<Resolved> {
    if rule.only_if.is_some_and(|c| !c.holds(facts)) || rule.not_if.is_some_and(|c| c.holds(facts))
    {
        return None;
    }
    let (start_fact, start_date, from_closing, mut estimate_reason) = start(rule, facts)?;

    let (mut length, roll_forward) = match &rule.variant {
        None => (rule.length, false),
        Some(v) => match (facts.choice(v.when.fact), &v.if_unknown) {
            (Some(_), _) if v.when.holds(facts) => {
                estimate_reason = estimate_reason.or(v.estimate.as_ref());
                (v.length, v.roll_forward)
            }
            (None, IfUnknown::Variant(reason)) => {
                estimate_reason = estimate_reason.or(Some(reason));
                (v.length, v.roll_forward)
            }
            _ => (rule.length, false),
        },
    };

    let mut unit = rule.unit;
    let counted = match (rule.unit, rule.counting) {
        (Unit::CalendarDays, Counting::BeginningOn) => {
            add_days(start_date, length.checked_sub(1)?)?
        }
        (Unit::CalendarDays, _) => add_days(start_date, length)?,
        (Unit::BusinessDays, Counting::Before) => calendar.sub_business_days(start_date, length)?,
        (Unit::BusinessDays, _) => calendar.add_business_days(start_date, length)?,
        (Unit::Months, _) => add_months(start_date, length)?,
        (Unit::Years, Counting::BeginningOn) => add_years(start_date, length)?.previous_day()?,
        (Unit::Years, _) => add_years(start_date, length)?,
        (Unit::BillingCycles, _) => {
            let cap = rule.cap_days.and_then(|cap| add_days(start_date, cap));
            match (facts.cycle_closing_day, cap) {
                (Some(day), cap) => {
                    let cycle_end = day.end_of_complete_cycles_after(start_date, length)?;
                    cap.map_or(cycle_end, |cap| cycle_end.min(cap))
                }
                (None, Some(cap)) => {
                    let reason = rule.cycle_day_unknown.as_ref()?;
                    estimate_reason = estimate_reason.or(Some(reason));
                    unit = Unit::CalendarDays;
                    length = rule.cap_days?;
                    cap
                }
                (None, None) => return None,
            }
        }
    };

    let date = if roll_forward {
        calendar.mail_day_on_or_after(counted)?
    } else {
        counted
    };
    Some(Resolved {
        rule,
        start_fact,
        start_date,
        from_closing,
        unit,
        length,
        date,
        rolled_from: (date != counted).then_some(counted),
        roll_forward,
        estimate_reason,
    })
}

/// Every rule whose facts are present, sorted by date (ties keep table order).
pub fn resolve_all(facts: &Facts, calendar: &BusinessCalendar) -> Vec<Resolved> {
    let mut all: Vec<Resolved> = RULES
        .iter()
        .filter_map(|r| resolve(r, facts, calendar))
        .collect();
    // A stable insertion sort: a few dozen rows at most, and far less wasm than
    // `sort_by_key`'s general-purpose stable sort.
    for i in 1..all.len() {
        let mut j = i;
        while j > 0 && all[j - 1].date > all[j].date {
            all.swap(j - 1, j);
            j -= 1;
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calendar::IsoDate;
    use time::macros::date;

    #[test]
    fn deadlines_are_sorted_by_date_and_ties_keep_table_order() {
        // Every date fact on one day makes many deadlines share dates.
        let day = Some(IsoDate(date!(2026 - 03 - 02)));
        let facts = Facts {
            statement_sent: day,
            transaction_date: day,
            notice_received: day,
            due_date: day,
            fraud_alert_placed: day,
            freeze_requested: day,
            report_dispute_received: day,
            cfpb_complaint_sent: day,
            adverse_action_date: day,
            terms_notice_received: day,
            ..Facts::default()
        };
        let calendar = BusinessCalendar::federal_reserve();
        let all = resolve_all(&facts, &calendar);
        let mut expected: Vec<Resolved> = RULES
            .iter()
            .filter_map(|r| resolve(r, &facts, &calendar))
            .collect();
        expected.sort_by_key(|r| r.date);
        assert!(all.len() > 5);
        assert_eq!(all, expected);
    }
}
