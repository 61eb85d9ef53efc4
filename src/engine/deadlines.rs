//! The deadline resolver: applies one rule row to the case's facts and returns the date,
//! with everything needed to explain it. No wording here; [`crate::engine::plan`] words it.
//!
//! One generic path serves every row: pick the start date (or its estimate fallback),
//! pick the length (base or variant), count in the rule's unit on the case's business
//! calendar, and roll forward only where the row says so.

use time::Date;

use crate::engine::calendar::{add_days, add_years, BusinessCalendar};
use crate::engine::case::{Fact, Facts};
use crate::engine::locale::Text;
use crate::engine::rules::{IfUnknown, Rule, Unit, RULES};

/// One rule applied to one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub rule: &'static Rule,
    /// The fact the clock actually started from (the fallback, for an estimate).
    pub start_fact: Fact,
    pub start_date: Date,
    /// The length used: the rule's, or its variant's.
    pub length: u32,
    pub date: Date,
    /// The date before moving it to the next business day, when it moved.
    pub rolled_from: Option<Date>,
    /// Whether the next-business-day rule applied (even if the date needed no move).
    pub roll_forward: bool,
    /// Why the date is an estimate, when it is one.
    pub estimate_reason: Option<&'static Text<&'static str>>,
}

/// Applies `rule` to `facts`. `None` when a fact the rule needs is missing (or, for dates
/// past the year 9999, when the arithmetic would overflow: never for a valid case).
pub fn resolve(
    rule: &'static Rule,
    facts: &Facts,
    calendar: &BusinessCalendar,
) -> Option<Resolved> {
    if rule.only_if.is_some_and(|c| !c.holds(facts)) {
        return None;
    }
    let (start_fact, start_date, mut estimate_reason) = match facts.date(rule.start) {
        Some(d) => (rule.start, d, None),
        None => {
            let fb = rule.fallback.as_ref()?;
            (fb.fact, facts.date(fb.fact)?, Some(&fb.reason))
        }
    };

    let (length, roll_forward) = match &rule.variant {
        None => (rule.length, false),
        Some(v) => match (facts.choice(v.when.fact), &v.if_unknown) {
            (Some(_), _) if v.when.holds(facts) => (v.length, v.roll_forward),
            (None, IfUnknown::Variant(reason)) => {
                estimate_reason = estimate_reason.or(Some(reason));
                (v.length, v.roll_forward)
            }
            _ => (rule.length, false),
        },
    };

    let counted = match rule.unit {
        Unit::CalendarDays => add_days(start_date, length)?,
        Unit::BusinessDays => calendar.add_business_days(start_date, length)?,
        Unit::Years => add_years(start_date, length)?,
        Unit::BillingCycles => {
            let cycle_end = facts
                .cycle_closing_day?
                .end_of_complete_cycles_after(start_date, length)?;
            match rule.cap_days {
                Some(cap) => cycle_end.min(add_days(start_date, cap)?),
                None => cycle_end,
            }
        }
    };

    let date = if roll_forward {
        calendar.on_or_after(counted)?
    } else {
        counted
    };
    Some(Resolved {
        rule,
        start_fact,
        start_date,
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
