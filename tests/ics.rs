//! Calendar export: structure, escaping, folding and hostile input, checked by
//! reading the output back with a small RFC 5545 reader.

use cardhelp::engine::ics::{calendar, IcsEvent};
use proptest::prelude::*;
use reader::{props, unfold, values};
use time::{Date, Month, Time, UtcDateTime};

const PRODID: &str = "-//cardhelp//cardhelp 0.1//EN";

fn date(y: i32, m: Month, d: u8) -> Date {
    Date::from_calendar_date(y, m, d).unwrap()
}

fn now() -> UtcDateTime {
    UtcDateTime::new(
        date(2026, Month::January, 20),
        Time::from_hms(14, 5, 9).unwrap(),
    )
}

fn event(summary: &str) -> IcsEvent {
    let day = date(2026, Month::March, 16);
    IcsEvent {
        uid: IcsEvent::uid_for("billing_error_notice", day),
        date: day,
        summary: summary.to_owned(),
        description: "Your written notice must be received by this date.".to_owned(),
        url: Some("https://bank.example/dispute".to_owned()),
        alarms: vec![7, 1],
    }
}

#[test]
fn one_event_is_written_exactly() {
    let ics = calendar(&[event("Billing error notice due")], PRODID, now());
    let expected = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//cardhelp//cardhelp 0.1//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:billing_error_notice-20260316@cardhelp",
        "DTSTAMP:20260120T140509Z",
        "DTSTART;VALUE=DATE:20260316",
        "DTEND;VALUE=DATE:20260317",
        "SUMMARY:Billing error notice due",
        "DESCRIPTION:Your written notice must be received by this date.",
        "URL:https://bank.example/dispute",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Billing error notice due",
        "TRIGGER:-P6DT15H",
        "END:VALARM",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Billing error notice due",
        "TRIGGER:-PT15H",
        "END:VALARM",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Billing error notice due",
        "TRIGGER:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n");
    assert_eq!(ics, expected);
}

#[test]
fn an_empty_event_list_gives_an_empty_calendar() {
    let ics = calendar(&[], PRODID, now());
    assert_eq!(
        unfold(&ics),
        vec![
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//cardhelp//cardhelp 0.1//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "END:VCALENDAR"
        ]
    );
}

#[test]
fn dtend_is_the_next_day_across_month_and_year_ends() {
    for (day, next) in [
        (date(2026, Month::December, 31), "20270101"),
        (date(2028, Month::February, 28), "20280229"),
        (date(2027, Month::February, 28), "20270301"),
    ] {
        let mut e = event("x");
        e.date = day;
        let ics = calendar(&[e], PRODID, now());
        assert_eq!(values(&ics, "DTEND"), vec![next]);
        let date_params: Vec<String> = props(&ics)
            .into_iter()
            .filter(|p| p.name.starts_with("DT") && p.name != "DTSTAMP")
            .map(|p| p.params)
            .collect();
        assert_eq!(date_params, vec!["VALUE=DATE", "VALUE=DATE"]);
    }
}

#[test]
fn text_special_characters_round_trip() {
    let summary = r"Pay; then call, \ or write";
    let description = "Line one\nLine two\r\nLine three, with; punctuation\\n (literal)";
    let mut e = event(summary);
    e.description = description.to_owned();
    let ics = calendar(&[e], PRODID, now());
    assert_eq!(values(&ics, "SUMMARY"), vec![summary]);
    assert_eq!(
        values(&ics, "DESCRIPTION")[0],
        "Line one\nLine two\nLine three, with; punctuation\\n (literal)"
    );
    assert!(ics.contains(r"SUMMARY:Pay\; then call\, \\ or write"));
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_characters() {
    // Shift multibyte characters across every alignment with the fold boundary.
    for pad in 0..6 {
        for filler in ["é", "€", "😀", "👩‍👩‍👧", "ñá"] {
            let summary = format!("{}{}", "a".repeat(pad), filler.repeat(60));
            let ics = calendar(&[event(&summary)], PRODID, now());
            // `unfold` asserts every physical line is at most 75 octets.
            assert_eq!(values(&ics, "SUMMARY"), vec![summary.clone()]);
            assert!(ics.split("\r\n").filter(|l| l.starts_with(' ')).count() >= 2);
        }
    }
}

#[test]
fn folds_never_split_an_escape() {
    let summary = ",".repeat(200);
    let ics = calendar(&[event(&summary)], PRODID, now());
    for physical in ics.split("\r\n") {
        let body = physical.strip_prefix(' ').unwrap_or(physical);
        assert!(
            !body.starts_with(',') || physical.starts_with("SUMMARY"),
            "{physical:?}"
        );
    }
    assert_eq!(values(&ics, "SUMMARY"), vec![summary]);
}

#[test]
fn injected_line_breaks_stay_inside_one_property() {
    let hostile = "X\r\nBEGIN:VEVENT\r\nUID:evil\nEND:VCALENDAR\rATTACH:http://evil.example";
    let mut e = event(hostile);
    e.description = "<script>alert(1)</script>\u{0}\u{7}\u{1b}[31m".to_owned();
    e.uid = "a\r\nEND:VEVENT@x".to_owned();
    let ics = calendar(&[e], PRODID, now());
    let names: Vec<String> = props(&ics).into_iter().map(|p| p.name).collect();
    assert_eq!(names.iter().filter(|n| *n == "BEGIN").count(), 5);
    assert!(!names.contains(&"ATTACH".to_owned()));
    assert_eq!(
        values(&ics, "SUMMARY"),
        vec!["X\nBEGIN:VEVENT\nUID:evil\nEND:VCALENDAR\nATTACH:http://evil.example"]
    );
    assert_eq!(
        values(&ics, "DESCRIPTION")[0],
        "<script>alert(1)</script>[31m"
    );
    assert_eq!(values(&ics, "UID"), vec!["a\nEND:VEVENT@x"]);
    assert_eq!(ics.matches("\r\n").count(), ics.matches('\n').count());
}

#[test]
fn only_web_links_are_written() {
    for (url, written) in [
        ("javascript:alert(1)", false),
        ("https://bank.example/a b", false),
        ("https://bank.example/\r\nX:1", false),
        ("http://bank.example/help", true),
    ] {
        let mut e = event("x");
        e.url = Some(url.to_owned());
        let urls = values(&calendar(&[e], PRODID, now()), "URL");
        assert_eq!(urls.len(), usize::from(written), "{url}");
    }
    let mut e = event("x");
    e.url = None;
    assert!(values(&calendar(&[e], PRODID, now()), "URL").is_empty());
}

#[test]
fn uids_are_stable_and_unique_within_a_file() {
    let day = date(2026, Month::March, 16);
    assert_eq!(
        IcsEvent::uid_for("fcba 60/day", day),
        "fcba-60-day-20260316@cardhelp"
    );
    let mut blank = event("x");
    blank.uid = " ".to_owned();
    let mut plain = event("x");
    plain.uid = "plain".to_owned();
    let events = [
        event("a"),
        event("b"),
        event("c"),
        blank,
        plain.clone(),
        plain,
    ];
    let ics = calendar(&events, PRODID, now());
    assert_eq!(
        values(&ics, "UID"),
        vec![
            "billing_error_notice-20260316@cardhelp",
            "billing_error_notice-20260316-2@cardhelp",
            "billing_error_notice-20260316-3@cardhelp",
            "deadline-20260316@cardhelp",
            "plain",
            "plain-2",
        ]
    );
    assert_eq!(
        ics,
        calendar(&events, PRODID, now()),
        "output is deterministic"
    );
}

#[test]
fn every_event_gets_a_morning_of_reminder() {
    let mut e = event("x");
    e.alarms = vec![0, 0];
    assert_eq!(
        values(&calendar(&[e], PRODID, now()), "TRIGGER"),
        vec!["PT9H"]
    );
}

// Property tests: any text survives export and import unchanged (apart from the
// control characters the writer must drop), and the physical format always holds.

/// What an import should give back for `s`: line breaks as `\n`, tabs as spaces,
/// other control characters gone.
fn expected(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-z;,\\\\\r\n\t é€😀]{0,200}",]
}

proptest! {
    #[test]
    fn text_round_trips_through_export_and_import(
        summary in text(), description in text(), uid in text(), prodid in text(),
        day in 0u16..3000, alarms in prop::collection::vec(any::<u16>(), 0..4),
    ) {
        let date = Date::from_calendar_date(2026, Month::January, 1).unwrap()
            + time::Duration::days(i64::from(day));
        let event = IcsEvent { uid, date, summary: summary.clone(), description: description.clone(), url: None, alarms };
        let ics = calendar(&[event], &prodid, UtcDateTime::UNIX_EPOCH);
        prop_assert_eq!(values(&ics, "SUMMARY"), vec![expected(&summary)]);
        prop_assert_eq!(&values(&ics, "DESCRIPTION")[0], &expected(&description));
        prop_assert_eq!(values(&ics, "PRODID"), vec![expected(&prodid)]);
        prop_assert_eq!(values(&ics, "BEGIN").len(), values(&ics, "END").len());
    }
}

/// A minimal iCalendar reader for the tests: checks the physical form (CRLF, 75-octet
/// lines, no stray control characters), unfolds, splits properties and unescapes TEXT.
mod reader {
    /// One content line: `NAME;PARAMS:VALUE`.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Prop {
        pub name: String,
        pub params: String,
        pub value: String,
    }

    /// Unfolds `ics` into content lines, asserting the physical rules on the way.
    pub fn unfold(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"), "must end with CRLF");
        let mut lines: Vec<String> = Vec::new();
        for physical in ics[..ics.len() - 2].split("\r\n") {
            assert!(physical.len() <= 75, "line over 75 octets: {physical:?}");
            assert!(
                !physical.chars().any(char::is_control),
                "raw control character in {physical:?}"
            );
            match physical.strip_prefix(' ') {
                Some(continuation) => lines
                    .last_mut()
                    .expect("fold at start")
                    .push_str(continuation),
                None => lines.push(physical.to_owned()),
            }
        }
        lines
    }

    /// Splits content lines into properties (no quoted parameters are ever written).
    pub fn props(ics: &str) -> Vec<Prop> {
        unfold(ics)
            .into_iter()
            .map(|line| {
                let (head, value) = line.split_once(':').expect("no colon");
                let (name, params) = head.split_once(';').unwrap_or((head, ""));
                Prop {
                    name: name.to_owned(),
                    params: params.to_owned(),
                    value: value.to_owned(),
                }
            })
            .collect()
    }

    /// Reverses TEXT escaping; panics on an escape RFC 5545 does not define.
    pub fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(e @ ('\\' | ';' | ',')) => out.push(e),
                    other => panic!("bad escape \\{other:?} in {value:?}"),
                }
            } else {
                assert!(c != ';' && c != ',', "unescaped {c:?} in {value:?}");
                out.push(c);
            }
        }
        out
    }

    /// The unescaped values of every property called `name`, in order.
    pub fn values(ics: &str, name: &str) -> Vec<String> {
        props(ics)
            .into_iter()
            .filter(|p| p.name == name)
            .map(|p| unescape(&p.value))
            .collect()
    }
}
