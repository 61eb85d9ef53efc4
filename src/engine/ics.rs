//! Calendar export: deadlines as an RFC 5545 `.ics` file the cardholder can import.
//!
//! Every deadline becomes an all-day event with reminders, so the file works in any
//! calendar app without time-zone data. Text comes partly from the cardholder and the
//! host page, so it is escaped as iCalendar TEXT and stripped of control characters:
//! a summary like `X\r\nBEGIN:VEVENT` must stay inside its own property. The engine
//! has no clock (`SystemTime::now` panics on wasm), so the caller passes `DTSTAMP`.

use crate::engine::config::check_web_url;
use time::{Date, UtcDateTime};

/// RFC 5545 §3.1: lines longer than 75 octets (excluding the CRLF) must be folded.
const MAX_LINE_OCTETS: usize = 75;

/// Hour of the day reminders fire. A trigger of `-P7D` on an all-day event would go
/// off at midnight, so every reminder is moved to this hour (as calendar apps do for
/// their own all-day alerts).
const REMINDER_HOUR: u8 = 9;

/// One deadline as a calendar event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    /// Globally unique, stable id; see [`IcsEvent::uid_for`].
    pub uid: String,
    /// The deadline day (an all-day event).
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// A link for the event; only `https:`/`http:` links are written.
    pub url: Option<String>,
    /// Reminders, in days before the deadline. A morning-of reminder is always added.
    pub alarms: Vec<u16>,
}

impl IcsEvent {
    /// A stable UID such as `billing_error_notice-20260316@cardhelp`: the same deadline
    /// re-exported replaces the old event instead of duplicating it. Characters other
    /// than ASCII letters, digits, `-`, `_` and `.` in the id become `-`.
    pub fn uid_for(deadline_id: &str, date: Date) -> String {
        let id: String = deadline_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("{id}-{}@cardhelp", basic_date(date))
    }
}

/// Writes a complete `VCALENDAR` with one `VEVENT` per event.
///
/// `product_id` is the `PRODID` text (e.g. `-//cardhelp//cardhelp 0.1//EN`) and
/// `now_stamp` the export time, written as every event's `DTSTAMP`. An empty event
/// list gives a calendar with no events; RFC 5545 wants at least one component, so
/// callers should not offer an export with nothing in it.
pub fn calendar(events: &[IcsEvent], product_id: &str, now_stamp: UtcDateTime) -> String {
    let mut ics = Lines::default();
    ics.raw("BEGIN", "VCALENDAR");
    ics.raw("VERSION", "2.0");
    ics.text("PRODID", product_id);
    ics.raw("CALSCALE", "GREGORIAN");
    ics.raw("METHOD", "PUBLISH");
    let stamp = basic_date_time(now_stamp);
    let mut uids: Vec<String> = Vec::with_capacity(events.len());
    for event in events {
        let uid = unique_uid(event, &uids);
        write_event(&mut ics, event, &uid, &stamp);
        uids.push(uid);
    }
    ics.raw("END", "VCALENDAR");
    ics.out
}

fn write_event(ics: &mut Lines, event: &IcsEvent, uid: &str, stamp: &str) {
    ics.raw("BEGIN", "VEVENT");
    ics.text("UID", uid);
    ics.raw("DTSTAMP", stamp);
    ics.raw("DTSTART;VALUE=DATE", &basic_date(event.date));
    if let Some(next) = event.date.next_day() {
        ics.raw("DTEND;VALUE=DATE", &basic_date(next));
    }
    ics.text("SUMMARY", &event.summary);
    ics.text("DESCRIPTION", &event.description);
    if let Some(url) = event.url.as_deref().filter(|u| check_web_url(u)) {
        ics.raw("URL", url);
    }
    // A reminder, not a meeting: don't show the cardholder as busy all day.
    ics.raw("TRANSP", "TRANSPARENT");
    for trigger in triggers(&event.alarms) {
        ics.raw("BEGIN", "VALARM");
        ics.raw("ACTION", "DISPLAY");
        ics.text("DESCRIPTION", &event.summary);
        ics.raw("TRIGGER", &trigger);
        ics.raw("END", "VALARM");
    }
    ics.raw("END", "VEVENT");
}

/// The event's UID, made unique within this file: a repeated UID would make calendar
/// apps merge two deadlines into one. Repeats get `-2`, `-3`… before the `@`.
fn unique_uid(event: &IcsEvent, taken: &[String]) -> String {
    let base = if event.uid.trim().is_empty() {
        IcsEvent::uid_for("deadline", event.date)
    } else {
        event.uid.clone()
    };
    let (local, domain) = base.rsplit_once('@').unwrap_or((&base, ""));
    let at = if base.contains('@') { "@" } else { "" };
    let mut candidate = base.clone();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{local}-{n}{at}{domain}");
    }
    candidate
}

/// `TRIGGER` values: one per distinct day count, earliest first, each at
/// [`REMINDER_HOUR`]; then the morning-of reminder.
fn triggers(days_before: &[u16]) -> Vec<String> {
    let mut days: Vec<u16> = days_before.iter().copied().filter(|d| *d > 0).collect();
    crate::engine::order::sort_by_key(&mut days, |d| std::cmp::Reverse(*d));
    days.dedup();
    let to_midnight_plus_hour = 24 - REMINDER_HOUR;
    let mut out: Vec<String> = days
        .into_iter()
        .map(|d| match d - 1 {
            0 => format!("-PT{to_midnight_plus_hour}H"),
            whole => format!("-P{whole}DT{to_midnight_plus_hour}H"),
        })
        .collect();
    out.push(format!("PT{REMINDER_HOUR}H"));
    out
}

/// `20260316`, the iCalendar DATE form.
fn basic_date(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// `20260316T141500Z`, the iCalendar UTC DATE-TIME form.
fn basic_date_time(t: UtcDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Escapes iCalendar TEXT (RFC 5545 §3.3.11). Any line break (`\r\n`, `\n`, `\r`)
/// becomes `\n`, a tab becomes a space, and other control characters are dropped:
/// they are not allowed in TEXT and are the raw material of property injection.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The output under construction: content lines, folded, CRLF-terminated.
#[derive(Default)]
struct Lines {
    out: String,
}

impl Lines {
    /// A property whose value is TEXT, escaped here.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    /// A property whose value is already in iCalendar form (dates, URIs, keywords).
    fn raw(&mut self, name: &str, value: &str) {
        self.fold(&format!("{name}:{value}"));
    }

    /// Appends one content line folded at [`MAX_LINE_OCTETS`] octets. Breaks fall
    /// only between characters, and never inside an escape such as `\,` (unfolding
    /// would rejoin it, but some importers unescape line by line).
    fn fold(&mut self, line: &str) {
        let mut width = 0;
        let mut rest = line;
        while let Some(first) = rest.chars().next() {
            let mut unit = first.len_utf8();
            if first == '\\' {
                unit += rest[1..].chars().next().map_or(0, char::len_utf8);
            }
            if width + unit > MAX_LINE_OCTETS {
                self.out.push_str("\r\n ");
                width = 1;
            }
            self.out.push_str(&rest[..unit]);
            width += unit;
            rest = &rest[unit..];
        }
        self.out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_fire_in_the_morning() {
        assert_eq!(
            triggers(&[1, 7, 0, 7, 30]),
            vec!["-P29DT15H", "-P6DT15H", "-PT15H", "PT9H"]
        );
        assert_eq!(triggers(&[]), vec!["PT9H"]);
    }

    #[test]
    fn escaping_covers_the_special_characters() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\th\u{0}i"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng hi"
        );
    }
}
