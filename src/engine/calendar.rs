//! Business days and the date arithmetic every deadline rule uses.
//!
//! Counting conventions (not law where the text is silent; [`crate::engine::rules::CONVENTIONS`]
//! states them for people, and each rule row says which one its law's words call for):
//! - "N days after" the event: the event day is day 0, the date is the event plus N days.
//! - "A period of N days beginning on" the event (15 USC 1681i(a)(1)): the event day is
//!   day 1, so the period's last day is the event plus N − 1 days. A period of years
//!   ends the day before the anniversary.
//! - "N business days after" is the Nth business day after the event (the event day
//!   itself never counts, even when it is a business day); "N business days before" is
//!   the Nth business day before it.
//! - An anniversary keeps the month and day; the anniversary of February 29 in a common
//!   year is March 1 (the day after February 28, the way a year is counted from a date).
//! - "N months after" keeps the day of the month, clamped to the end of a shorter month
//!   (August 31 + 6 months = February 28).
//! - Nothing rolls forward off a weekend or holiday unless a rule says so.
//!
//! A business day defaults to Monday–Friday except the Federal Reserve holidays (see
//! [`holidays`]). Reg Z's business day is a day the creditor's offices are open for
//! substantially all of its business (12 CFR 1026.2(a)(6)); Reg E and the FCRA likewise
//! leave it to each institution. So an issuer's config may add closed days, open weekend
//! days, or open days on a Federal Reserve holiday, and say whether it takes mail on
//! Saturdays.

pub mod cycles;
pub mod date;
pub mod holidays;

use time::{Date, Duration, Month, Weekday};

pub use date::IsoDate;
pub use holidays::Holiday;

/// Which days an institution is open for business.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BusinessCalendar {
    /// Sorted, without duplicates (a set, kept as a vector: far less wasm than a BTreeSet).
    closed_days: Vec<Date>,
    /// Days open although the default rules close them (a Federal Reserve holiday the
    /// issuer works). Sorted, without duplicates; a closed day listed here stays closed.
    open_days: Vec<Date>,
    /// One bit per weekday, Monday = bit 0.
    open_weekdays: u8,
    /// The issuer receives no mail on Saturdays (the default assumes it does: whether it
    /// does is the issuer's fact, and assuming it doesn't would move a due date later).
    no_saturday_mail: bool,
}

/// Why a day is not a business day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closure {
    /// A Saturday or Sunday the institution does not open.
    Weekend(Weekday),
    /// A Federal Reserve holiday (observed date).
    Holiday(&'static Holiday),
    /// A day the issuer's own config lists as closed.
    IssuerClosed,
}

impl BusinessCalendar {
    /// The default: Monday–Friday, closed on Federal Reserve holidays.
    pub fn federal_reserve() -> Self {
        Self::default()
    }

    /// The default calendar adjusted by an issuer's config: extra `closed_days`, and
    /// weekend days it is open (e.g. Saturday). A holiday stays closed even on an open
    /// weekday, and a listed closed day is closed whatever its weekday.
    pub fn with_overrides(
        closed_days: impl IntoIterator<Item = Date>,
        open_weekdays: impl IntoIterator<Item = Weekday>,
    ) -> Self {
        let mut closed_days: Vec<Date> = closed_days.into_iter().collect();
        sort_dates(&mut closed_days);
        BusinessCalendar {
            closed_days,
            open_weekdays: open_weekdays
                .into_iter()
                .fold(0, |bits, w| bits | 1 << w.number_days_from_monday()),
            ..Self::default()
        }
    }

    /// This calendar with `days` open even if they are Federal Reserve holidays or
    /// weekend days (a listed closed day stays closed).
    pub fn with_open_days(mut self, days: impl IntoIterator<Item = Date>) -> Self {
        self.open_days = days.into_iter().collect();
        sort_dates(&mut self.open_days);
        self
    }

    /// This calendar with the issuer taking mail on Saturdays (`true`, the default) or not.
    pub fn with_mail_on_saturday(mut self, mail_on_saturday: bool) -> Self {
        self.no_saturday_mail = !mail_on_saturday;
        self
    }

    /// Whether the issuer is assumed to receive mail on Saturdays.
    pub fn mail_on_saturday(&self) -> bool {
        !self.no_saturday_mail
    }

    /// Why `date` is closed, or `None` for a business day.
    pub fn closure(&self, date: Date) -> Option<Closure> {
        if self.closed_days.binary_search(&date).is_ok() {
            return Some(Closure::IssuerClosed);
        }
        if self.open_days.binary_search(&date).is_ok() {
            return None;
        }
        if let Some(h) = holidays::observed_on(date) {
            return Some(Closure::Holiday(h));
        }
        let weekday = date.weekday();
        let weekend = matches!(weekday, Weekday::Saturday | Weekday::Sunday);
        if weekend && self.open_weekdays & 1 << weekday.number_days_from_monday() == 0 {
            return Some(Closure::Weekend(weekday));
        }
        None
    }

    pub fn is_business_day(&self, date: Date) -> bool {
        self.closure(date).is_none()
    }

    /// The `n`th business day after `start` (`start` itself is day 0 and never counts);
    /// `n == 0` gives `start` unchanged. `None` only past the year 9999.
    pub fn add_business_days(&self, start: Date, n: u32) -> Option<Date> {
        let mut date = start;
        for _ in 0..n {
            date = self.on_or_after(date.next_day()?)?;
        }
        Some(date)
    }

    /// The `n`th business day before `end` (`end` itself never counts): "at least 3
    /// business days before" a date. `None` only before the year -9999.
    pub fn sub_business_days(&self, end: Date, n: u32) -> Option<Date> {
        let mut date = end;
        for _ in 0..n {
            date = self.on_or_before(date.previous_day()?)?;
        }
        Some(date)
    }

    /// Whether the issuer receives mail on `date`: not on a Sunday or a Federal Reserve
    /// holiday (no mail delivery, whatever the issuer's hours), not on a day it is closed,
    /// and on a Saturday only if it takes Saturday mail (12 CFR 1026.10(d)).
    pub fn receives_mail(&self, date: Date) -> bool {
        match date.weekday() {
            Weekday::Sunday => false,
            _ if holidays::observed_on(date).is_some() => false,
            Weekday::Saturday => {
                self.mail_on_saturday() && self.closed_days.binary_search(&date).is_err()
            }
            _ => self.is_business_day(date),
        }
    }

    /// `date` if the issuer receives mail that day, else the next day it does.
    pub fn mail_day_on_or_after(&self, date: Date) -> Option<Date> {
        let mut d = date;
        while !self.receives_mail(d) {
            d = d.next_day()?;
        }
        Some(d)
    }

    /// `date` if it is a business day, else the next one.
    pub fn on_or_after(&self, date: Date) -> Option<Date> {
        let mut d = date;
        while !self.is_business_day(d) {
            d = d.next_day()?;
        }
        Some(d)
    }

    /// `date` if it is a business day, else the last one before it.
    pub fn on_or_before(&self, date: Date) -> Option<Date> {
        let mut d = date;
        while !self.is_business_day(d) {
            d = d.previous_day()?;
        }
        Some(d)
    }
}

/// Sorts `days` and removes duplicates.
pub(crate) fn sort_dates(days: &mut Vec<Date>) {
    crate::engine::order::sort_by_key(days, |d| *d);
    days.dedup();
}

/// `start` plus `n` calendar days.
pub fn add_days(start: Date, n: u32) -> Option<Date> {
    start.checked_add(Duration::days(i64::from(n)))
}

/// `start` minus `n` calendar days.
pub fn sub_days(start: Date, n: u32) -> Option<Date> {
    start.checked_sub(Duration::days(i64::from(n)))
}

/// The `n`th anniversary of `start`: same month and day; the anniversary of February 29
/// in a common year is March 1 (the day after February 28, as a year counted from a
/// date runs out). A period of years beginning on `start` ends the day before.
pub fn add_years(start: Date, n: u32) -> Option<Date> {
    let year = start.year().checked_add(i32::try_from(n).ok()?)?;
    match Date::from_calendar_date(year, start.month(), start.day()) {
        Ok(date) => Some(date),
        // Only February 29 can be missing.
        Err(_) => Date::from_calendar_date(year, Month::March, 1).ok(),
    }
}

/// `start` plus `n` calendar months, keeping the day of the month, clamped to the end of
/// a shorter month (August 31 + 6 months = February 28 or 29).
pub fn add_months(start: Date, n: u32) -> Option<Date> {
    let index = i64::from(start.month() as u8 - 1) + i64::from(n);
    let year = start.year().checked_add(i32::try_from(index / 12).ok()?)?;
    let month = Month::try_from(u8::try_from(index % 12 + 1).ok()?).ok()?;
    let day = start.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn adding_zero_is_identity_for_every_counting_unit() {
        let cal = BusinessCalendar::federal_reserve();
        let sat = date!(2026 - 07 - 04);
        assert_eq!(add_days(sat, 0), Some(sat));
        assert_eq!(add_years(sat, 0), Some(sat));
        assert_eq!(cal.add_business_days(sat, 0), Some(sat));
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let cal = BusinessCalendar::federal_reserve();
        // Wednesday Dec 23, 2026 + 2 business days: Thu 24, (Fri 25 Christmas), Mon 28.
        assert_eq!(
            cal.add_business_days(date!(2026 - 12 - 23), 2),
            Some(date!(2026 - 12 - 28))
        );
        // A Saturday start counts Monday as business day 1.
        assert_eq!(
            cal.add_business_days(date!(2026 - 01 - 10), 1),
            Some(date!(2026 - 01 - 12))
        );
    }

    #[test]
    fn issuer_overrides_close_days_and_open_saturdays() {
        let cal = BusinessCalendar::with_overrides([date!(2026 - 11 - 27)], [Weekday::Saturday]);
        assert_eq!(
            cal.closure(date!(2026 - 11 - 27)),
            Some(Closure::IssuerClosed)
        );
        assert!(cal.is_business_day(date!(2026 - 11 - 28)));
        assert_eq!(
            cal.closure(date!(2026 - 11 - 29)),
            Some(Closure::Weekend(Weekday::Sunday))
        );
        // Saturday July 4, 2026 is still a holiday for a bank open on Saturdays.
        assert!(matches!(
            cal.closure(date!(2026 - 07 - 04)),
            Some(Closure::Holiday(h)) if h.id == "independence_day"
        ));
        // Wed Nov 25 + 2: Thanksgiving Thu 26 and the closed Fri 27 are skipped,
        // then the open Saturday 28 and Monday 30.
        assert_eq!(
            cal.add_business_days(date!(2026 - 11 - 25), 2),
            Some(date!(2026 - 11 - 30))
        );
    }

    #[test]
    fn dates_sort_and_lose_duplicates() {
        let mut days = vec![
            date!(2026 - 12 - 24),
            date!(2026 - 01 - 02),
            date!(2026 - 12 - 24),
            date!(2025 - 07 - 03),
            date!(2026 - 01 - 02),
        ];
        sort_dates(&mut days);
        assert_eq!(
            days,
            [
                date!(2025 - 07 - 03),
                date!(2026 - 01 - 02),
                date!(2026 - 12 - 24)
            ]
        );
    }

    #[test]
    fn anniversaries_keep_month_and_day_and_leap_days_move_to_march_1() {
        assert_eq!(
            add_years(date!(2026 - 03 - 10), 1),
            Some(date!(2027 - 03 - 10))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 1),
            Some(date!(2025 - 03 - 01))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 4),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 7),
            Some(date!(2031 - 03 - 01))
        );
    }

    #[test]
    fn months_keep_the_day_clamped_to_the_end_of_a_shorter_month() {
        assert_eq!(
            add_months(date!(2026 - 08 - 31), 6),
            Some(date!(2027 - 02 - 28))
        );
        assert_eq!(
            add_months(date!(2027 - 08 - 31), 6),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            add_months(date!(2026 - 03 - 15), 6),
            Some(date!(2026 - 09 - 15))
        );
        assert_eq!(
            add_months(date!(2026 - 12 - 31), 14),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            add_months(date!(2026 - 05 - 31), 0),
            Some(date!(2026 - 05 - 31))
        );
    }

    #[test]
    fn business_days_before_a_date_skip_weekends_and_holidays() {
        let cal = BusinessCalendar::federal_reserve();
        // Tuesday Jan 20, 2026 - 3: Fri 16, Thu 15, Wed 14 (MLK Day, Mon 19, is skipped).
        assert_eq!(
            cal.sub_business_days(date!(2026 - 01 - 20), 3),
            Some(date!(2026 - 01 - 14))
        );
        assert_eq!(
            cal.sub_business_days(date!(2026 - 01 - 20), 0),
            Some(date!(2026 - 01 - 20))
        );
    }

    #[test]
    fn an_issuer_may_open_on_a_federal_reserve_holiday() {
        // Columbus Day, Monday Oct 12, 2026.
        let columbus = date!(2026 - 10 - 12);
        assert!(!BusinessCalendar::federal_reserve().is_business_day(columbus));
        let cal = BusinessCalendar::federal_reserve().with_open_days([columbus]);
        assert!(cal.is_business_day(columbus));
        assert_eq!(
            cal.add_business_days(date!(2026 - 10 - 09), 1),
            Some(columbus)
        );
        // Open for business, but no mail is delivered on a federal holiday.
        assert!(!cal.receives_mail(columbus));
        // A day listed both closed and open stays closed.
        let both = BusinessCalendar::with_overrides([columbus], []).with_open_days([columbus]);
        assert_eq!(both.closure(columbus), Some(Closure::IssuerClosed));
    }

    #[test]
    fn saturday_mail_is_assumed_unless_the_issuer_takes_none() {
        let sat = date!(2026 - 03 - 07);
        let cal = BusinessCalendar::federal_reserve();
        assert!(cal.receives_mail(sat) && !cal.is_business_day(sat));
        assert!(!cal.receives_mail(date!(2026 - 03 - 08)));
        assert_eq!(cal.mail_day_on_or_after(sat), Some(sat));
        let no_saturday = cal.with_mail_on_saturday(false);
        assert_eq!(
            no_saturday.mail_day_on_or_after(sat),
            Some(date!(2026 - 03 - 09))
        );
        // Saturday July 4, 2026 is a holiday: no mail whatever the issuer says.
        assert!(!BusinessCalendar::federal_reserve().receives_mail(date!(2026 - 07 - 04)));
    }
}
