//! Business days and the date arithmetic every deadline rule uses.
//!
//! Counting conventions (not law; the regulations give no general counting rule, so these
//! are the common readings, and [`crate::engine::rules::CONVENTIONS`] states them for people):
//! - The event day is day 0. "N days after" is the event plus N calendar days.
//! - "N business days after" is the Nth business day after the event (the event day
//!   itself never counts, even when it is a business day).
//! - "N years after" keeps the month and day; February 29 becomes February 28.
//! - Nothing rolls forward off a weekend or holiday unless a rule says so.
//!
//! A business day defaults to Monday–Friday except the Federal Reserve holidays (see
//! [`holidays`]). Reg Z, Reg E and the FCRA leave "business day" to each institution, so an
//! issuer's config may add closed days or open weekend days.

pub mod cycles;
pub mod date;
pub mod holidays;

use time::{Date, Duration, Weekday};

pub use date::IsoDate;
pub use holidays::Holiday;

/// Which days an institution is open for business.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BusinessCalendar {
    /// Sorted, without duplicates (a set, kept as a vector: far less wasm than a BTreeSet).
    closed_days: Vec<Date>,
    /// One bit per weekday, Monday = bit 0.
    open_weekdays: u8,
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
        }
    }

    /// Why `date` is closed, or `None` for a business day.
    pub fn closure(&self, date: Date) -> Option<Closure> {
        if self.closed_days.binary_search(&date).is_ok() {
            return Some(Closure::IssuerClosed);
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

/// `start` plus `n` years, same month and day; February 29 becomes February 28 in a
/// common year (so a 1-year alert never outlasts the calendar year it was promised for).
pub fn add_years(start: Date, n: u32) -> Option<Date> {
    let year = start.year().checked_add(i32::try_from(n).ok()?)?;
    let day = start.day().min(start.month().length(year));
    Date::from_calendar_date(year, start.month(), day).ok()
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
    fn years_keep_month_and_day_and_leap_days_fall_back() {
        assert_eq!(
            add_years(date!(2026 - 03 - 10), 1),
            Some(date!(2027 - 03 - 10))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 1),
            Some(date!(2025 - 02 - 28))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 4),
            Some(date!(2028 - 02 - 29))
        );
        assert_eq!(
            add_years(date!(2024 - 02 - 29), 7),
            Some(date!(2031 - 02 - 28))
        );
    }
}
