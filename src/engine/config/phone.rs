//! Issuer phone numbers: how they are written, checked and dialled.
//!
//! Numbers are shown as the operator wrote them (`+1 (800) 555-0100`) and dialled via
//! a `tel:` link built from the digits alone. Vanity letters (`1-800-FLOWERS`) are
//! refused: the widget cannot show both forms, a screen reader reads letters as a
//! word, and keypad mapping is ambiguous when a vanity word runs past the real number.

use super::walk::{key, walk_object, KeyTable};
use super::{text, ConfigIssue};
use crate::engine::locale::Locale;
use serde_json::Value;

/// Fewest digits in a phone number: a 7-digit local number.
pub const MIN_PHONE_DIGITS: usize = 7;
/// Most digits in a phone number: E.164's 15 plus room for an international access code.
pub const MAX_PHONE_DIGITS: usize = 20;
/// Longest phone number as written, in characters.
pub const MAX_PHONE_CHARS: usize = 32;
/// Longest opening-hours text, in characters.
pub const MAX_HOURS_CHARS: usize = 100;
/// Longest time-zone name, in characters (the longest IANA name is about 30).
pub const MAX_TIME_ZONE_CHARS: usize = 64;

/// One issuer phone line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// The number as the operator wrote it, for display.
    pub number: String,
    /// Free text such as `24/7` or `Mon–Fri 8am–8pm`: the config's `hours` string, or
    /// its `en` text when the host wrote the hours in each language.
    pub hours: Option<String>,
    /// The hours' `es` text, when the host wrote the hours in each language.
    pub hours_es: Option<String>,
    /// IANA time-zone name the hours are given in, e.g. `America/New_York`.
    pub time_zone: Option<String>,
}

/// The three phone lines an operator can set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phones {
    pub card_services: Option<Phone>,
    pub fraud: Option<Phone>,
    pub general: Option<Phone>,
}

const LINES: KeyTable<Phones> = &[
    key!(
        "card_services",
        "Your credit-card services line.",
        Phone::schema,
        |p, v, f, out| p.card_services = Phone::from_value(v, f, out),
    ),
    key!(
        "fraud",
        "Your fraud line, for lost or stolen cards and charges the cardholder didn't make.",
        Phone::schema,
        |p, v, f, out| p.fraud = Phone::from_value(v, f, out),
    ),
    key!(
        "general",
        "Your general line; it stands in for a card-services or fraud line left unset.",
        Phone::schema,
        |p, v, f, out| p.general = Phone::from_value(v, f, out),
    ),
];

impl Phones {
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn schema() -> Value {
        super::schema::object(LINES)
    }

    pub(super) fn from_value(value: &Value, field: &str, out: &mut Vec<ConfigIssue>) -> Phones {
        let mut phones = Phones::default();
        walk_object(value, field, &mut phones, LINES, out);
        phones
    }
}

/// A phone object as read so far; it becomes a [`Phone`] only if it has a number.
#[derive(Default)]
struct Draft {
    number: Option<String>,
    hours: Option<String>,
    hours_es: Option<String>,
    time_zone: Option<String>,
}

const FIELDS: KeyTable<Draft> = &[
    key!(
        "number",
        "The number as it should be shown, e.g. \"+1 (800) 555-0100\", optionally with an extension (\"ext. 12\", \"x12\"). Required for the line to appear.",
        || {
            let (min, max) = (MIN_PHONE_DIGITS, MAX_PHONE_DIGITS);
            super::schema::phone(min, max, MAX_EXTENSION_DIGITS, MAX_PHONE_CHARS)
        },
        |d, v, f, out| {
            d.number = text::string(v, f, out)
                .and_then(|s| text::accept(s.to_owned(), f, number_problem(s), out));
        },
    ),
    key!(
        "hours",
        "When the line is staffed, e.g. \"24/7\"; or {\"en\": …, \"es\": …} to show them in the plan's language.",
        || {
            let by_language = super::schema::object(HOURS_BY_LANGUAGE);
            serde_json::json!({ "anyOf": [super::schema::line(MAX_HOURS_CHARS), by_language] })
        },
        |d, v, f, out| {
            if v.is_object() {
                walk_object(v, f, d, HOURS_BY_LANGUAGE, out);
            } else {
                d.hours = text::single_line(v, f, MAX_HOURS_CHARS, out);
            }
        },
    ),
    key!(
        "time_zone",
        "The IANA time zone the hours are in, e.g. \"America/New_York\".",
        || super::schema::time_zone(MAX_TIME_ZONE_CHARS),
        |d, v, f, out| {
            d.time_zone = text::string(v, f, out)
                .and_then(|s| text::accept(s.to_owned(), f, time_zone_problem(s), out));
        },
    ),
];

/// `hours` written in each language: `{"en": "Every day, 7am–11pm", "es": "Todos los días, de 7 a 23 h"}`.
const HOURS_BY_LANGUAGE: KeyTable<Draft> = &[
    key!(
        "en",
        "The hours in English.",
        || super::schema::line(MAX_HOURS_CHARS),
        |d, v, f, out| d.hours = text::single_line(v, f, MAX_HOURS_CHARS, out),
    ),
    key!(
        "es",
        "The hours in Spanish.",
        || super::schema::line(MAX_HOURS_CHARS),
        |d, v, f, out| d.hours_es = text::single_line(v, f, MAX_HOURS_CHARS, out),
    ),
];

impl Phone {
    /// A phone object: its number is required, and cannot be `null`.
    #[cfg(not(target_arch = "wasm32"))]
    fn schema() -> Value {
        let mut schema = super::schema::object(FIELDS);
        let number = &mut schema["properties"]["number"];
        number["type"] = "string".into();
        schema["required"] = serde_json::json!(["number"]);
        schema
    }

    /// The hours in `locale`, or in the other language when the host gave only that,
    /// with the language they are written in (a plain `hours` string counts as English).
    pub fn hours_in(&self, locale: Locale) -> Option<(&str, Locale)> {
        let (first, then) = match locale {
            Locale::En => (&self.hours, &self.hours_es),
            Locale::Es => (&self.hours_es, &self.hours),
        };
        let other = match locale {
            Locale::En => Locale::Es,
            Locale::Es => Locale::En,
        };
        (first.as_deref().map(|h| (h, locale))).or(then.as_deref().map(|h| (h, other)))
    }

    /// Reads one phone object. Without a valid number the line is dropped (hours alone
    /// are useless), but a bad `hours` or `time_zone` only drops that part.
    fn from_value(value: &Value, field: &str, out: &mut Vec<ConfigIssue>) -> Option<Phone> {
        let mut draft = Draft::default();
        walk_object(value, field, &mut draft, FIELDS, out);
        if !value.is_object() {
            return None;
        }
        let number_field = format!("{field}.number");
        match draft.number {
            Some(number) => Some(Phone {
                number,
                hours: draft.hours,
                hours_es: draft.hours_es,
                time_zone: draft.time_zone,
            }),
            None => {
                if !out.iter().any(|i| i.field == number_field) {
                    out.push(ConfigIssue::new(number_field, "missing phone number"));
                }
                None
            }
        }
    }

    /// The `tel:` link for this number: a leading `+` if written, then the digits only, and
    /// an extension after a comma, the pause that phone dialers (iOS, Android) wait out
    /// before dialling the rest (`tel:+18005550100,12`).
    pub fn tel_href(&self) -> String {
        let (number, extension) = split_extension(&self.number);
        let plus = if number.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let pause = extension.map_or(String::new(), |e| format!(",{}", digits(e)));
        format!("tel:{plus}{}{pause}", digits(number))
    }
}

/// Words that may introduce an extension, longest first, in lower case.
const EXTENSION_MARKS: [&str; 4] = ["extension", "ext.", "ext", "x"];
/// Most digits in an extension.
pub const MAX_EXTENSION_DIGITS: usize = 6;

/// `1-800-555-0100 ext. 12` → (`1-800-555-0100 `, `Some(" 12")`): the number, and what
/// follows an extension mark (the first letter and the mark it starts), if there is one.
fn split_extension(s: &str) -> (&str, Option<&str>) {
    let Some(at) = s.find(|c: char| c.is_alphabetic()) else {
        return (s, None);
    };
    let tail = &s[at..];
    let mark = EXTENSION_MARKS.iter().find(|m| {
        tail.get(..m.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(m))
    });
    match mark {
        Some(m) => (&s[..at], Some(&tail[m.len()..])),
        None => (s, None),
    }
}

/// Why `s` is not an acceptable phone number, if it is not.
fn number_problem(s: &str) -> Option<String> {
    if s.chars().count() > MAX_PHONE_CHARS {
        return text::too_long(s, MAX_PHONE_CHARS);
    }
    let (s, extension) = split_extension(s);
    // Letters after the mark (`1-800-XYZ-4567`) are a vanity number, told so below.
    if let Some(e) = extension.filter(|e| !e.contains(char::is_alphabetic)) {
        let e = e.trim();
        if e.is_empty() || e.len() > MAX_EXTENSION_DIGITS || !e.bytes().all(|b| b.is_ascii_digit())
        {
            return Some(format!(
                "write an extension as \"ext. 12\" or \"x12\" (1 to {MAX_EXTENSION_DIGITS} digits) after the number"
            ));
        }
    }
    if s.chars()
        .chain(extension.unwrap_or("").chars())
        .any(char::is_alphabetic)
    {
        return Some("letters are not allowed; write vanity numbers as digits".to_owned());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-' | '.')))
    {
        return Some(format!(
            "character {c:?} is not allowed; use digits, spaces and + ( ) - ."
        ));
    }
    if s.rfind('+').is_some_and(|i| i > 0) {
        return Some("\"+\" is only allowed at the start".to_owned());
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits) {
        return Some(format!(
            "must have {MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS} digits, found {digits}"
        ));
    }
    None
}

/// Why `s` does not look like an IANA time-zone name (`UTC`, `America/New_York`,
/// `America/Argentina/Buenos_Aires`, `Etc/GMT+5`). The shape is checked, not the tz
/// database itself, which the widget does not ship.
fn time_zone_problem(s: &str) -> Option<String> {
    if s.chars().count() > MAX_TIME_ZONE_CHARS {
        return text::too_long(s, MAX_TIME_ZONE_CHARS);
    }
    let well_formed = s.split('/').count() <= 3
        && s.split('/').all(|part| {
            part.starts_with(|c: char| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        });
    (!well_formed).then(|| "not an IANA time-zone name such as \"America/New_York\"".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_rules() {
        for ok in [
            "+1 800 555 0100",
            "(800) 555-0100",
            "800.555.0100",
            "5550100",
            "800 555 0100 x12",
        ] {
            assert_eq!(number_problem(ok), None, "{ok}");
        }
        for bad in [
            "555010",
            "1-800-FLOWERS",
            "800 555 0100 x",
            "1+800",
            "+1 800 555 0100 0000 0000 01",
        ] {
            assert!(number_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn time_zone_shapes() {
        for ok in [
            "UTC",
            "America/New_York",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
            "America/Port-au-Prince",
        ] {
            assert_eq!(time_zone_problem(ok), None, "{ok}");
        }
        for bad in [
            "America/",
            "/UTC",
            "New York",
            "a/b/c/d",
            "America/New_York<",
            "1A/B",
        ] {
            assert!(time_zone_problem(bad).is_some(), "{bad}");
        }
    }
}
