//! Calendar dates as they cross the contract: `YYYY-MM-DD` strings, checked strictly.
//!
//! The `time` crate does the civil-date arithmetic; this type only adds the wire format,
//! the supported range and the wording people see ("January 15, 2026").

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use super::holidays::{FIRST_YEAR, LAST_YEAR};
use crate::engine::locale::Locale;

/// A civil date from the case or in the plan, written `YYYY-MM-DD`.
///
/// Dates read from a case must lie in 1990–2100, the years the holiday rules are checked
/// for. Computed dates (a 7-year alert placed in 2100) may lie beyond.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub Date);

const MONTHS: [(Month, &str, &str); 12] = [
    (Month::January, "January", "enero"),
    (Month::February, "February", "febrero"),
    (Month::March, "March", "marzo"),
    (Month::April, "April", "abril"),
    (Month::May, "May", "mayo"),
    (Month::June, "June", "junio"),
    (Month::July, "July", "julio"),
    (Month::August, "August", "agosto"),
    (Month::September, "September", "septiembre"),
    (Month::October, "October", "octubre"),
    (Month::November, "November", "noviembre"),
    (Month::December, "December", "diciembre"),
];

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not exactly four ASCII digits, a dash, two digits, a dash, two digits.
    Shape,
    /// The right shape, but no such day (2026-02-30, 2026-13-01).
    NotReal,
}

/// Reads exactly `YYYY-MM-DD` into a real calendar date, with no limit on the year: the
/// one date parser of the engine. Each caller applies the years it supports.
pub fn parse_ymd(s: &str) -> Result<Date, DateProblem> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateProblem::Shape);
    }
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u16, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0, 4), number(5, 7), number(8, 10)) else {
        return Err(DateProblem::Shape);
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok());
    month
        .and_then(|m| Date::from_calendar_date(i32::from(year), m, u8::try_from(day).ok()?).ok())
        .ok_or(DateProblem::NotReal)
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` and checks that the date exists and lies in 1990–2100.
    /// The error is a short phrase meant to follow the field name.
    pub fn parse(s: &str) -> Result<IsoDate, String> {
        let date = match parse_ymd(s) {
            Ok(date) => date,
            Err(DateProblem::Shape) => {
                return Err(format!("\"{s}\" is not a date in YYYY-MM-DD form"))
            }
            Err(DateProblem::NotReal) => return Err(format!("{s} is not a real date")),
        };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            return Err(format!(
                "{s} is outside the supported years {FIRST_YEAR}-{LAST_YEAR}"
            ));
        }
        Ok(IsoDate(date))
    }

    /// The date as people read it: "January 15, 2026" or "15 de enero de 2026".
    pub fn long(self, locale: Locale) -> String {
        let d = self.0;
        let (_, en, es) = MONTHS[usize::from(d.month() as u8 - 1)];
        match locale {
            Locale::En => format!("{en} {}, {}", d.day(), d.year()),
            Locale::Es => format!("{} de {es} de {}", d.day(), d.year()),
        }
    }
}

impl From<Date> for IsoDate {
    fn from(d: Date) -> Self {
        IsoDate(d)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = IsoDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY-MM-DD\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IsoDate, E> {
                IsoDate::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_real_dates_in_range() {
        assert_eq!(
            IsoDate::parse("2026-01-15"),
            Ok(IsoDate(date!(2026 - 01 - 15)))
        );
        assert_eq!(
            IsoDate::parse("2024-02-29"),
            Ok(IsoDate(date!(2024 - 02 - 29)))
        );
        assert_eq!(
            IsoDate::parse("1990-01-01"),
            Ok(IsoDate(date!(1990 - 01 - 01)))
        );
        assert_eq!(
            IsoDate::parse("2100-12-31"),
            Ok(IsoDate(date!(2100 - 12 - 31)))
        );
    }

    #[test]
    fn rejects_impossible_malformed_and_out_of_range_dates() {
        assert_eq!(
            IsoDate::parse("2026-02-30"),
            Err("2026-02-30 is not a real date".to_string())
        );
        assert!(IsoDate::parse("2026-13-01").is_err());
        assert!(IsoDate::parse("2026-00-10").is_err());
        assert!(IsoDate::parse("2025-02-29").is_err());
        assert!(IsoDate::parse("2026-1-15").is_err());
        assert!(IsoDate::parse("01/15/2026").is_err());
        assert!(IsoDate::parse("2026-01-15T00:00").is_err());
        assert!(IsoDate::parse("２０２６-01-15").is_err());
        assert!(IsoDate::parse("1989-12-31")
            .unwrap_err()
            .contains("1990-2100"));
        assert!(IsoDate::parse("2101-01-01").is_err());
    }

    #[test]
    fn round_trips_through_json() {
        let d: IsoDate = serde_json::from_str("\"2027-07-05\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2027-07-05\"");
    }

    #[test]
    fn long_form_reads_naturally_in_each_locale() {
        let d = IsoDate(date!(2026 - 01 - 15));
        assert_eq!(d.long(Locale::En), "January 15, 2026");
        assert_eq!(d.long(Locale::Es), "15 de enero de 2026");
    }
}
