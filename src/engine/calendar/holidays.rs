//! The Federal Reserve's holiday schedule, computed from its rules rather than copied
//! from a published list, so it is right for every year the widget supports.
//!
//! Source: the legal public holidays of 5 USC 6103(a) and the Federal Reserve's observance
//! practice (Board page K.8, "Holidays Observed by the Federal Reserve System"):
//! - a holiday on a **Sunday** closes every Federal Reserve office on the following Monday;
//! - a holiday on a **Saturday** is **not** moved: the Reserve Banks stay open the Friday
//!   before (only the Board closes). This differs from the federal-employee rule.
//!
//! Juneteenth became a legal holiday on June 17, 2021; the Reserve Banks first closed for
//! it in 2022 (June 19, 2021 was a Saturday, and they stayed open the Friday before).

use time::{Date, Month, Weekday};

use crate::engine::locale::Text;

/// How a holiday's date is found in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayRule {
    /// The same month and day every year (e.g. July 4).
    Fixed { month: Month, day: u8 },
    /// The nth given weekday of a month (e.g. 3rd Monday of January), n from 1.
    Nth {
        month: Month,
        weekday: Weekday,
        n: u8,
    },
    /// The last given weekday of a month (Memorial Day).
    Last { month: Month, weekday: Weekday },
}

/// One legal public holiday and the first year the Reserve Banks closed for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// Stable id, e.g. `independence_day`.
    pub id: &'static str,
    pub name: Text<&'static str>,
    pub rule: HolidayRule,
    /// First year in which the Reserve Banks observed it.
    pub since: i32,
}

/// First year the holiday rules are claimed to be right for (MLK Day, the newest holiday
/// before Juneteenth, dates from 1986).
pub const FIRST_YEAR: i32 = 1990;
/// Last year the holiday rules are claimed to be right for.
pub const LAST_YEAR: i32 = 2100;

/// Where the holiday schedule comes from, for the UI to show next to business-day counts.
pub const SOURCE: &str =
    "5 USC 6103(a); Federal Reserve Board, K.8 Holidays Observed by the Federal Reserve System";
/// Link for [`SOURCE`].
pub const SOURCE_URL: &str = "https://www.federalreserve.gov/aboutthefed/k8.htm";
/// The K.8 page's last update that the rules were cross-checked against.
pub const AS_OF: Date = time::macros::date!(2025 - 12 - 31);

const fn fixed(month: Month, day: u8) -> HolidayRule {
    HolidayRule::Fixed { month, day }
}

const fn nth(n: u8, weekday: Weekday, month: Month) -> HolidayRule {
    HolidayRule::Nth { month, weekday, n }
}

const fn holiday(
    id: &'static str,
    en: &'static str,
    es: &'static str,
    rule: HolidayRule,
) -> Holiday {
    Holiday {
        id,
        name: Text { en, es },
        rule,
        since: FIRST_YEAR,
    }
}

/// The eleven Federal Reserve holidays, in calendar order.
pub const FEDERAL_RESERVE_HOLIDAYS: [Holiday; 11] = [
    holiday(
        "new_years_day",
        "New Year's Day",
        "Año Nuevo",
        fixed(Month::January, 1),
    ),
    holiday(
        "martin_luther_king_jr_day",
        "Martin Luther King Jr. Day",
        "Día de Martin Luther King Jr.",
        nth(3, Weekday::Monday, Month::January),
    ),
    holiday(
        "washingtons_birthday",
        "Washington's Birthday (Presidents Day)",
        "Natalicio de Washington (Día de los Presidentes)",
        nth(3, Weekday::Monday, Month::February),
    ),
    holiday(
        "memorial_day",
        "Memorial Day",
        "Día de los Caídos (Memorial Day)",
        HolidayRule::Last {
            month: Month::May,
            weekday: Weekday::Monday,
        },
    ),
    Holiday {
        since: 2022,
        ..holiday(
            "juneteenth",
            "Juneteenth",
            "Juneteenth (Día de la Independencia Nacional de Juneteenth)",
            fixed(Month::June, 19),
        )
    },
    holiday(
        "independence_day",
        "Independence Day",
        "Día de la Independencia",
        fixed(Month::July, 4),
    ),
    holiday(
        "labor_day",
        "Labor Day",
        "Día del Trabajo",
        nth(1, Weekday::Monday, Month::September),
    ),
    holiday(
        "columbus_day",
        "Columbus Day",
        "Día de Colón (Columbus Day)",
        nth(2, Weekday::Monday, Month::October),
    ),
    holiday(
        "veterans_day",
        "Veterans Day",
        "Día de los Veteranos",
        fixed(Month::November, 11),
    ),
    holiday(
        "thanksgiving_day",
        "Thanksgiving Day",
        "Día de Acción de Gracias",
        nth(4, Weekday::Thursday, Month::November),
    ),
    holiday(
        "christmas_day",
        "Christmas Day",
        "Navidad",
        fixed(Month::December, 25),
    ),
];

impl HolidayRule {
    /// The month the holiday falls in (observance never moves it out of that month).
    pub fn month(self) -> Month {
        match self {
            HolidayRule::Fixed { month, .. }
            | HolidayRule::Nth { month, .. }
            | HolidayRule::Last { month, .. } => month,
        }
    }
}

impl Holiday {
    /// The holiday's own date in `year`, before any observance shift; `None` before
    /// [`Holiday::since`] or outside the `time` crate's range.
    pub fn date_in(&self, year: i32) -> Option<Date> {
        if year < self.since {
            return None;
        }
        match self.rule {
            HolidayRule::Fixed { month, day } => Date::from_calendar_date(year, month, day).ok(),
            HolidayRule::Nth { month, weekday, n } => {
                let first = Date::from_calendar_date(year, month, 1).ok()?;
                let offset = (7 + weekday.number_days_from_monday()
                    - first.weekday().number_days_from_monday())
                    % 7;
                let day = 1 + offset + 7 * (n.saturating_sub(1));
                Date::from_calendar_date(year, month, day).ok()
            }
            HolidayRule::Last { month, weekday } => {
                let last_day = month.length(year);
                let last = Date::from_calendar_date(year, month, last_day).ok()?;
                let back = (7 + last.weekday().number_days_from_monday()
                    - weekday.number_days_from_monday())
                    % 7;
                Date::from_calendar_date(year, month, last_day - back).ok()
            }
        }
    }

    /// The day the Reserve Banks are closed for this holiday in `year`: a Sunday holiday
    /// moves to Monday, a Saturday holiday stays on Saturday (Banks open on Friday).
    pub fn observed_in(&self, year: i32) -> Option<Date> {
        let date = self.date_in(year)?;
        if date.weekday() == Weekday::Sunday {
            date.next_day()
        } else {
            Some(date)
        }
    }
}

/// Every holiday observed in `year`, as (observed date, holiday), in date order.
pub fn observed_in_year(year: i32) -> Vec<(Date, &'static Holiday)> {
    FEDERAL_RESERVE_HOLIDAYS
        .iter()
        .filter_map(|h| h.observed_in(year).map(|d| (d, h)))
        .collect()
}

/// The holiday the Reserve Banks observe on `date`, if any.
pub fn observed_on(date: Date) -> Option<&'static Holiday> {
    // A Sunday holiday moves to Monday, which never leaves its month: no fixed holiday
    // falls on a month's last day. So only that month's holidays need computing.
    FEDERAL_RESERVE_HOLIDAYS
        .iter()
        .filter(|h| h.rule.month() == date.month())
        .find(|h| h.observed_in(date.year()) == Some(date))
}
