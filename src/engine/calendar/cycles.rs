//! Billing cycles, for clocks measured in cycles rather than days.
//!
//! Reg Z gives an issuer "two complete billing cycles" to resolve a billing error (comment
//! 13(c)(2)-1: actual cycles, not a length of time). A cycle ends on the account's closing
//! day each month; in a month too short for that day (the 31st in April, the 30th in
//! February) it ends on the month's last day. The closing day itself belongs to the cycle
//! it closes.

use time::{Date, Month};

/// The day of the month a billing cycle closes, 1–31.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClosingDay(u8);

impl ClosingDay {
    /// `None` unless `day` is 1–31.
    pub fn new(day: u8) -> Option<ClosingDay> {
        (1..=31).contains(&day).then_some(ClosingDay(day))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// The cycle's closing date in the given month, clamped to the month's end.
    pub fn in_month(self, year: i32, month: Month) -> Option<Date> {
        let day = self.0.min(month.length(year));
        Date::from_calendar_date(year, month, day).ok()
    }

    /// The closing date that ends the cycle containing `date`.
    pub fn cycle_end(self, date: Date) -> Option<Date> {
        let this_month = self.in_month(date.year(), date.month())?;
        if this_month >= date {
            Some(this_month)
        } else {
            self.next_after(this_month)
        }
    }

    /// The closing date of the cycle after the one that closes on `closing`.
    fn next_after(self, closing: Date) -> Option<Date> {
        let (year, month) = match closing.month() {
            Month::December => (closing.year().checked_add(1)?, Month::January),
            m => (closing.year(), m.next()),
        };
        self.in_month(year, month)
    }

    /// The last day of the `n`th complete cycle after the cycle containing `date`.
    pub fn end_of_complete_cycles_after(self, date: Date, n: u32) -> Option<Date> {
        let mut end = self.cycle_end(date)?;
        for _ in 0..n {
            end = self.next_after(end)?;
        }
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn day(d: u8) -> ClosingDay {
        ClosingDay::new(d).unwrap()
    }

    #[test]
    fn only_days_1_to_31_are_closing_days() {
        assert_eq!(ClosingDay::new(0), None);
        assert_eq!(ClosingDay::new(32), None);
        assert_eq!(ClosingDay::new(31).map(ClosingDay::get), Some(31));
    }

    #[test]
    fn closing_day_clamps_to_month_end() {
        assert_eq!(
            day(31).in_month(2026, Month::April),
            Some(date!(2026 - 04 - 30))
        );
        assert_eq!(
            day(30).in_month(2026, Month::February),
            Some(date!(2026 - 02 - 28))
        );
        assert_eq!(
            day(30).in_month(2028, Month::February),
            Some(date!(2028 - 02 - 29))
        );
    }

    #[test]
    fn a_notice_received_mid_cycle_gets_the_rest_of_it_plus_two_more() {
        // Cycle closes on the 10th; notice arrives March 20: the cycle in progress ends
        // April 10, then the complete cycles end May 10 and June 10.
        assert_eq!(
            day(10).end_of_complete_cycles_after(date!(2026 - 03 - 20), 2),
            Some(date!(2026 - 06 - 10))
        );
    }

    #[test]
    fn the_closing_day_belongs_to_the_cycle_it_closes() {
        assert_eq!(
            day(10).cycle_end(date!(2026 - 03 - 10)),
            Some(date!(2026 - 03 - 10))
        );
        assert_eq!(
            day(10).cycle_end(date!(2026 - 03 - 11)),
            Some(date!(2026 - 04 - 10))
        );
        assert_eq!(
            day(5).end_of_complete_cycles_after(date!(2026 - 12 - 06), 2),
            Some(date!(2027 - 03 - 05))
        );
    }
}
