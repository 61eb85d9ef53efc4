//! Issuer phone numbers: how they are written, checked and dialled.
//!
//! Numbers are shown as the operator wrote them (`+1 (800) 555-0100`) and dialled via
//! a `tel:` link built from the digits alone. Vanity letters (`1-800-FLOWERS`) are
//! refused: the widget cannot show both forms, a screen reader reads letters as a
//! word, and keypad mapping is ambiguous when a vanity word runs past the real number.

use super::walk::{walk_object, KeyTable};
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
    ("card_services", |p, v, f, out| {
        p.card_services = Phone::from_value(v, f, out)
    }),
    ("fraud", |p, v, f, out| {
        p.fraud = Phone::from_value(v, f, out)
    }),
    ("general", |p, v, f, out| {
        p.general = Phone::from_value(v, f, out)
    }),
];

impl Phones {
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
    ("number", |d, v, f, out| {
        d.number = text::string(v, f, out)
            .and_then(|s| text::accept(s.to_owned(), f, number_problem(s), out));
    }),
    ("hours", |d, v, f, out| {
        if v.is_object() {
            walk_object(v, f, d, HOURS_BY_LANGUAGE, out);
        } else {
            d.hours = text::single_line(v, f, MAX_HOURS_CHARS, out);
        }
    }),
    ("time_zone", |d, v, f, out| {
        d.time_zone = text::string(v, f, out)
            .and_then(|s| text::accept(s.to_owned(), f, time_zone_problem(s), out));
    }),
];

/// `hours` written in each language: `{"en": "Every day, 7am–11pm", "es": "Todos los días, de 7 a 23 h"}`.
const HOURS_BY_LANGUAGE: KeyTable<Draft> = &[
    ("en", |d, v, f, out| {
        d.hours = text::single_line(v, f, MAX_HOURS_CHARS, out);
    }),
    ("es", |d, v, f, out| {
        d.hours_es = text::single_line(v, f, MAX_HOURS_CHARS, out);
    }),
];

impl Phone {
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

    /// The `tel:` link for this number: a leading `+` if written, then the digits only.
    pub fn tel_href(&self) -> String {
        let plus = if self.number.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        let digits: String = self.number.chars().filter(char::is_ascii_digit).collect();
        format!("tel:{plus}{digits}")
    }
}

/// Why `s` is not an acceptable phone number, if it is not.
fn number_problem(s: &str) -> Option<String> {
    if s.chars().count() > MAX_PHONE_CHARS {
        return text::too_long(s, MAX_PHONE_CHARS);
    }
    if s.chars().any(|c| c.is_alphabetic()) {
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
        ] {
            assert_eq!(number_problem(ok), None, "{ok}");
        }
        for bad in [
            "555010",
            "1-800-FLOWERS",
            "800 555 0100 x12",
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
