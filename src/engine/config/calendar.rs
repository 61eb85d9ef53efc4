//! The issuer's business-day calendar overrides, as plain data.
//!
//! "Business day" under Reg Z is a day the issuer's offices are open for substantially all
//! of its business (12 CFR 1026.2(a)(6)); the Federal Reserve schedule is only the default
//! stand-in. So operators can add closures (`closed_days`), weekend days they are open
//! (`open_weekdays`), Federal Reserve holidays they are open (`open_days`), and say whether
//! they receive mail on Saturdays (`mail_on_saturday`, default true), which decides whether
//! a mailed payment due on a Saturday moves to the next mail day (12 CFR 1026.10(d)). This
//! module only parses and validates them; the business-day calculator interprets them.

use super::walk::{key, walk_object, KeyTable};
use super::{text, ConfigIssue};
use crate::engine::calendar::date::parse_ymd;
use crate::engine::calendar::{sort_dates, BusinessCalendar};
use serde_json::Value;
use time::{Date, Weekday};

/// Most closed days read (a decade of bank holidays is about 110).
pub const MAX_CLOSED_DAYS: usize = 1000;
/// Earliest year accepted in any date the widget reads.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted in any date the widget reads.
pub const MAX_YEAR: i32 = 2200;

/// Operator overrides for the business-day calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarConfig {
    /// Extra days the issuer is closed, sorted, without duplicates.
    pub closed_days: Vec<Date>,
    /// Weekdays the issuer is open although they are normally not business days
    /// (e.g. Saturday), in Monday-first order, without duplicates.
    pub open_weekdays: Vec<Weekday>,
    /// Days the issuer is open although the default rules close them (a Federal Reserve
    /// holiday such as Columbus Day), sorted, without duplicates.
    pub open_days: Vec<Date>,
    /// Whether the issuer receives mail on Saturdays; `None` means the default, yes.
    pub mail_on_saturday: Option<bool>,
}

/// Weekday names as written in the config.
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The schema of a list of dates (`closed_days`, `open_days`).
#[cfg(not(target_arch = "wasm32"))]
fn dates_schema() -> Value {
    super::schema::list(super::schema::date(MIN_YEAR, MAX_YEAR), MAX_CLOSED_DAYS)
}

const FIELDS: KeyTable<CalendarConfig> = &[
    key!(
        "closed_days",
        "Extra days you are closed (YYYY-MM-DD), on top of the Federal Reserve holidays.",
        dates_schema,
        |c, v, f, out| c.closed_days = closed_days(v, f, out),
    ),
    key!(
        "open_weekdays",
        "Weekend days you are open for business, e.g. [\"saturday\"].",
        || {
            let names = WEEKDAYS.map(|(name, _)| name);
            super::schema::list(super::schema::word(&names, true), WEEKDAYS.len())
        },
        |c, v, f, out| c.open_weekdays = open_weekdays(v, f, out),
    ),
    key!(
        "open_days",
        "Federal Reserve holidays you are open for substantially all of your business (YYYY-MM-DD).",
        dates_schema,
        |c, v, f, out| c.open_days = closed_days(v, f, out),
    ),
    key!(
        "mail_on_saturday",
        "Whether you receive mail payments on Saturdays (default true).",
        super::schema::boolean,
        |c, v, f, out| match v {
            Value::Bool(b) => c.mail_on_saturday = Some(*b),
            _ => out.push(ConfigIssue::new(
                f,
                format!("expected true or false, found {}", text::kind(v)),
            )),
        },
    ),
];

impl CalendarConfig {
    /// The operator changed nothing: the default Federal Reserve schedule applies.
    pub fn is_empty(&self) -> bool {
        self.closed_days.is_empty()
            && self.open_weekdays.is_empty()
            && self.open_days.is_empty()
            && self.mail_on_saturday.is_none()
    }

    /// The business-day calendar with these overrides.
    pub fn business_calendar(&self) -> BusinessCalendar {
        BusinessCalendar::with_overrides(
            self.closed_days.iter().copied(),
            self.open_weekdays.iter().copied(),
        )
        .with_open_days(self.open_days.iter().copied())
        .with_mail_on_saturday(self.mail_on_saturday.unwrap_or(true))
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn schema() -> Value {
        super::schema::object(FIELDS)
    }

    pub(super) fn from_value(value: &Value, field: &str, out: &mut Vec<ConfigIssue>) -> Self {
        let mut calendar = CalendarConfig::default();
        walk_object(value, field, &mut calendar, FIELDS, out);
        calendar
    }
}

/// A list of dates (`closed_days`, `open_days`), sorted, without duplicates.
fn closed_days(value: &Value, field: &str, out: &mut Vec<ConfigIssue>) -> Vec<Date> {
    let mut days = Vec::new();
    let what = format!("a real date written YYYY-MM-DD ({MIN_YEAR}–{MAX_YEAR})");
    each_string(value, field, MAX_CLOSED_DAYS, &what, out, &mut |s| {
        let Some(date) = parse_iso_date(s) else {
            return false;
        };
        days.push(date);
        true
    });
    sort_dates(&mut days);
    days
}

fn open_weekdays(value: &Value, field: &str, out: &mut Vec<ConfigIssue>) -> Vec<Weekday> {
    let mut open = Vec::new();
    let what = "a weekday name such as \"saturday\"";
    each_string(value, field, WEEKDAYS.len(), what, out, &mut |s| {
        let Some(&(_, day)) = WEEKDAYS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
        else {
            return false;
        };
        open.push(day);
        true
    });
    // Monday first, without duplicates.
    WEEKDAYS
        .iter()
        .map(|&(_, day)| day)
        .filter(|day| open.contains(day))
        .collect()
}

/// Reads the list at `field` (at most `max` entries) one string at a time, in order:
/// `accept` takes each string and says whether it understood it. An entry that is not a
/// string, or that `accept` refuses ("… is not {what}"), is reported against its own
/// field (`field[2]`). A callback rather than a generic parser, so that the wasm build
/// carries this loop once.
fn each_string(
    value: &Value,
    field: &str,
    max: usize,
    what: &str,
    out: &mut Vec<ConfigIssue>,
    accept: &mut dyn FnMut(&str) -> bool,
) {
    for (i, item) in text::array(value, field, max, out)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let item_field = format!("{field}[{i}]");
        let Some(s) = text::string(item, &item_field, out) else {
            continue;
        };
        if !accept(s) {
            let message = format!("{} is not {what}", text::quote(s));
            out.push(ConfigIssue::new(item_field, message));
        }
    }
}

/// Parses exactly `YYYY-MM-DD` into a real calendar date between [`MIN_YEAR`] and
/// [`MAX_YEAR`]. Stricter than ISO 8601 on purpose: HTML date inputs and hand-written
/// configs both use this one form, and anything else is more likely a typo.
pub(crate) fn parse_iso_date(s: &str) -> Option<Date> {
    parse_ymd(s)
        .ok()
        .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_must_be_real_and_exact() {
        let d = parse_iso_date("2028-02-29").unwrap();
        assert_eq!(
            (d.year(), d.month(), d.day()),
            (2028, time::Month::February, 29)
        );
        for bad in [
            "2027-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-1",
            "26-04-01",
            "2026/04/01",
            "+2026-04-0",
            "1899-12-31",
            "2026-04-01T",
            "२०२६-04-01",
            "",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
