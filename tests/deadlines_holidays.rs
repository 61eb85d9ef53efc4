//! The Federal Reserve holiday schedule, checked against a table written out by hand from
//! the rules (5 USC 6103(a) dates; Sunday → Monday; Saturday not moved; Juneteenth from
//! 2022) and cross-checked with the Fed's K.8 page for 2026–2030.

use cardhelp::engine::calendar::holidays::{self, FEDERAL_RESERVE_HOLIDAYS, FIRST_YEAR, LAST_YEAR};
use cardhelp::engine::calendar::{BusinessCalendar, IsoDate};
use time::{Date, Month, Weekday};

/// Observed Reserve Bank holidays, 2020–2030: the year, then each holiday's month and day
/// in calendar order. Saturday holidays appear on the Saturday itself; Sunday holidays on
/// the Monday after.
const OBSERVED: [&str; 11] = [
    "2020 01-01 01-20 02-17 05-25 07-04 09-07 10-12 11-11 11-26 12-25",
    "2021 01-01 01-18 02-15 05-31 07-05 09-06 10-11 11-11 11-25 12-25",
    "2022 01-01 01-17 02-21 05-30 06-20 07-04 09-05 10-10 11-11 11-24 12-26",
    "2023 01-02 01-16 02-20 05-29 06-19 07-04 09-04 10-09 11-11 11-23 12-25",
    "2024 01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
    "2025 01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25",
    "2026 01-01 01-19 02-16 05-25 06-19 07-04 09-07 10-12 11-11 11-26 12-25",
    "2027 01-01 01-18 02-15 05-31 06-19 07-05 09-06 10-11 11-11 11-25 12-25",
    "2028 01-01 01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-11 11-23 12-25",
    "2029 01-01 01-15 02-19 05-28 06-19 07-04 09-03 10-08 11-12 11-22 12-25",
    "2030 01-01 01-21 02-18 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
];

fn day(s: &str) -> Date {
    IsoDate::parse(s).unwrap().0
}

#[test]
fn observed_holidays_2020_to_2030_match_the_hand_built_table() {
    for row in OBSERVED {
        let (year, expected) = row.split_once(' ').unwrap();
        let year: i32 = year.parse().unwrap();
        let expected: Vec<&str> = expected.split(' ').collect();
        let got: Vec<String> = holidays::observed_in_year(year)
            .iter()
            .map(|(d, _)| format!("{:02}-{:02}", d.month() as u8, d.day()))
            .collect();
        assert_eq!(got, expected, "{year}");
    }
}

#[test]
fn a_saturday_holiday_is_not_moved_to_friday() {
    let cal = BusinessCalendar::federal_reserve();
    // FED-K8 Saturday holidays: the Reserve Banks are open the Friday before.
    for (holiday, friday) in [
        ("2026-07-04", "2026-07-03"),
        ("2027-06-19", "2027-06-18"),
        ("2027-12-25", "2027-12-24"),
        ("2028-01-01", "2027-12-31"),
        ("2028-11-11", "2028-11-10"),
    ] {
        assert!(holidays::observed_on(day(holiday)).is_some(), "{holiday}");
        assert!(cal.is_business_day(day(friday)), "{friday} should be open");
    }
}

#[test]
fn a_sunday_holiday_closes_the_next_monday() {
    let cal = BusinessCalendar::federal_reserve();
    for (sunday, monday) in [("2027-07-04", "2027-07-05"), ("2029-11-11", "2029-11-12")] {
        assert_eq!(day(sunday).weekday(), Weekday::Sunday);
        assert!(
            !cal.is_business_day(day(monday)),
            "{monday} should be closed"
        );
        assert!(cal.is_business_day(day(monday).next_day().unwrap()));
    }
}

#[test]
fn juneteenth_is_a_reserve_bank_holiday_only_from_2022() {
    let cal = BusinessCalendar::federal_reserve();
    // 2021: June 19 was a Saturday and the Reserve Banks stayed open Friday and Monday.
    assert!(cal.is_business_day(day("2021-06-18")));
    assert!(cal.is_business_day(day("2021-06-21")));
    assert!(holidays::observed_on(day("2021-06-19")).is_none());
    // 2022: Sunday June 19, observed Monday June 20.
    assert!(!cal.is_business_day(day("2022-06-20")));
    assert_eq!(
        holidays::observed_on(day("2022-06-20")).map(|h| h.id),
        Some("juneteenth")
    );
}

#[test]
fn inauguration_day_and_christmas_eve_are_business_days() {
    let cal = BusinessCalendar::federal_reserve();
    assert!(cal.is_business_day(day("2021-01-20")));
    assert!(cal.is_business_day(day("2026-12-24")));
    assert!(cal.is_business_day(day("2026-11-27")));
}

#[test]
fn every_year_1990_to_2100_has_the_right_holidays_on_the_right_weekdays() {
    for year in FIRST_YEAR..=LAST_YEAR {
        let observed = holidays::observed_in_year(year);
        assert_eq!(observed.len(), if year >= 2022 { 11 } else { 10 }, "{year}");
        for (date, h) in &observed {
            assert_ne!(date.weekday(), Weekday::Sunday, "{year} {}", h.id);
            assert_eq!(date.month(), h.rule.month(), "{year} {}", h.id);
            let actual = h.date_in(year).unwrap();
            let moved = *date != actual;
            assert_eq!(
                moved,
                actual.weekday() == Weekday::Sunday,
                "{year} {}",
                h.id
            );
        }
        let on = |id: &str| {
            FEDERAL_RESERVE_HOLIDAYS
                .iter()
                .find(|h| h.id == id)
                .and_then(|h| h.date_in(year))
                .unwrap()
        };
        let thanksgiving = on("thanksgiving_day");
        assert_eq!(thanksgiving.weekday(), Weekday::Thursday);
        assert_eq!(thanksgiving.month(), Month::November);
        assert!((22..=28).contains(&thanksgiving.day()));
        for (id, month, days) in [
            ("memorial_day", Month::May, 25..=31),
            ("martin_luther_king_jr_day", Month::January, 15..=21),
            ("washingtons_birthday", Month::February, 15..=21),
            ("labor_day", Month::September, 1..=7),
            ("columbus_day", Month::October, 8..=14),
        ] {
            let d = on(id);
            assert_eq!(
                (d.weekday(), d.month()),
                (Weekday::Monday, month),
                "{year} {id}"
            );
            assert!(days.contains(&d.day()), "{year} {id}");
        }
    }
}
