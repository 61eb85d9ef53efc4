//! Turning what the cardholder typed into letter text: cleaning, validating and
//! formatting. Letters are plain text, so nothing is escaped here; instead every value
//! is made inert as *text*: line breaks in one-line fields collapse to spaces, control
//! and bidi-override characters go, and anything that looks like a full card number
//! is removed, so a letter never carries more than the last four digits.

use crate::engine::config::parse_iso_date;
use crate::engine::locale::{Locale, Text};
use crate::engine::template::fill;
use time::Date;

/// Why a value typed into a field cannot go into the letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Problem {
    Last4,
    Money,
    Date,
    TooLong(usize),
    TooManyLines(usize),
}

impl Problem {
    /// The message shown next to the field.
    pub(super) fn message(self, locale: Locale) -> String {
        const LAST4: Text<&str> = Text {
            en: "Enter only the last 4 digits of your card number.",
            es: "Escriba solo los últimos 4 dígitos de su número de tarjeta.",
        };
        const MONEY: Text<&str> = Text {
            en: "Enter a dollar amount, such as 1,234.56.",
            es: "Escriba un monto en dólares, como 1,234.56.",
        };
        const DATE: Text<&str> = Text {
            en: "Enter a real date (YYYY-MM-DD).",
            es: "Escriba una fecha válida (AAAA-MM-DD).",
        };
        const TOO_LONG: Text<&str> = Text {
            en: "This is too long (at most {n} characters).",
            es: "Es demasiado largo (máximo {n} caracteres).",
        };
        const TOO_MANY_LINES: Text<&str> = Text {
            en: "This has too many lines (at most {n}).",
            es: "Tiene demasiadas líneas (máximo {n}).",
        };
        match self {
            Problem::Last4 => LAST4.get(locale).to_owned(),
            Problem::Money => MONEY.get(locale).to_owned(),
            Problem::Date => DATE.get(locale).to_owned(),
            Problem::TooLong(n) => fill(TOO_LONG.get(locale), &[("n", &n.to_string())]),
            Problem::TooManyLines(n) => fill(TOO_MANY_LINES.get(locale), &[("n", &n.to_string())]),
        }
    }
}

/// What replaces a card number found in free text.
const CARD_NUMBER_REMOVED: Text<&str> = Text {
    en: "[card number removed]",
    es: "[número de tarjeta eliminado]",
};

/// A one-line field: whitespace and control runs (line breaks included) become single
/// spaces. Blank gives `Ok(None)`.
pub(super) fn line(
    value: Option<&str>,
    max_chars: usize,
    locale: Locale,
) -> Result<Option<String>, Problem> {
    let Some(cleaned) = value.map(collapse).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    // Checked before the redaction too: a long paste is refused after one linear pass.
    let too_long = |s: &str| s.chars().count() > max_chars;
    if too_long(&cleaned) {
        return Err(Problem::TooLong(max_chars));
    }
    let cleaned = redact_card_numbers(&cleaned, CARD_NUMBER_REMOVED.get(locale));
    if too_long(&cleaned) {
        return Err(Problem::TooLong(max_chars));
    }
    Ok(Some(cleaned))
}

/// A multi-line field such as an address: each line cleaned like [`line`], blank
/// lines dropped, lines joined with `\n`.
pub(super) fn block(
    value: Option<&str>,
    max_chars: usize,
    max_lines: usize,
    locale: Locale,
) -> Result<Option<String>, Problem> {
    let Some(value) = value else {
        return Ok(None);
    };
    let mut lines = Vec::new();
    let mut chars = 0;
    // Stops at the first line past either limit, so a paste of many lines costs no more
    // than the lines the field can hold.
    for raw in value.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        if let Some(l) = line(Some(raw), max_chars, locale)? {
            chars += l.chars().count() + usize::from(!lines.is_empty());
            lines.push(l);
        }
        if lines.len() > max_lines {
            return Err(Problem::TooManyLines(max_lines));
        }
        if chars > max_chars {
            return Err(Problem::TooLong(max_chars));
        }
    }
    Ok(Some(lines.join("\n")).filter(|s| !s.is_empty()))
}

/// The last four digits of the card: exactly four ASCII digits and nothing else, so a
/// full card number typed here is refused rather than cut.
pub(super) fn last4(value: Option<&str>) -> Result<Option<String>, Problem> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(s.to_owned())),
        Some(_) => Err(Problem::Last4),
    }
}

/// A date typed as `YYYY-MM-DD`, formatted for the letter.
pub(super) fn date(value: Option<&str>, locale: Locale) -> Result<Option<String>, Problem> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse_iso_date(s)
            .map(|d| Some(format_date(d, locale)))
            .ok_or(Problem::Date),
    }
}

/// A dollar amount, formatted as `$1,234.56`.
pub(super) fn money(value: Option<&str>) -> Result<Option<String>, Problem> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse_cents(s)
            .map(|c| Some(format_money(c)))
            .ok_or(Problem::Money),
    }
}

const MONTHS: [Text<&str>; 12] = [
    Text {
        en: "January",
        es: "enero",
    },
    Text {
        en: "February",
        es: "febrero",
    },
    Text {
        en: "March",
        es: "marzo",
    },
    Text {
        en: "April",
        es: "abril",
    },
    Text {
        en: "May",
        es: "mayo",
    },
    Text {
        en: "June",
        es: "junio",
    },
    Text {
        en: "July",
        es: "julio",
    },
    Text {
        en: "August",
        es: "agosto",
    },
    Text {
        en: "September",
        es: "septiembre",
    },
    Text {
        en: "October",
        es: "octubre",
    },
    Text {
        en: "November",
        es: "noviembre",
    },
    Text {
        en: "December",
        es: "diciembre",
    },
];

const DATE_PATTERN: Text<&str> = Text {
    en: "{month} {day}, {year}",
    es: "{day} de {month} de {year}",
};

/// A date the way people write it: "March 16, 2026" / "16 de marzo de 2026".
pub fn format_date(date: Date, locale: Locale) -> String {
    let month = MONTHS[usize::from(u8::from(date.month())) - 1].get(locale);
    fill(
        DATE_PATTERN.get(locale),
        &[
            ("month", month),
            ("day", &date.day().to_string()),
            ("year", &date.year().to_string()),
        ],
    )
}

/// Cents as "$1,234.56". US dollar format in both languages: the amounts are in US
/// dollars and match the statement.
pub fn format_money(cents: u64) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("${grouped}.{:02}", cents % 100)
}

/// Most whole-dollar digits accepted (under a trillion dollars; keeps `u64` safe).
const MAX_DOLLAR_DIGITS: usize = 12;

/// Parses a positive amount into cents. Accepts an optional `$`, thousands separators
/// and one or two decimals, with either `.` or `,` as the decimal mark when it is
/// unambiguous: `1,234.56`, `1234.5`, `$12`, `12,50` and `1.234,56` all work;
/// `1,234` is one thousand two hundred thirty-four.
pub(super) fn parse_cents(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s
        .strip_prefix("US$")
        .or_else(|| s.strip_prefix('$'))
        .unwrap_or(s)
        .trim_start();
    let (whole, fraction, group_mark) = match s.rfind(['.', ',']) {
        Some(i) if (2..=3).contains(&(s.len() - i)) => {
            let mark = if s.as_bytes()[i] == b'.' { ',' } else { '.' };
            (&s[..i], &s[i + 1..], mark)
        }
        _ => (
            s,
            "",
            if s.bytes().any(|b| b == b'.') {
                '.'
            } else {
                ','
            },
        ),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split(group_mark).collect();
    let well_grouped = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !well_grouped
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || digits.len() > MAX_DOLLAR_DIGITS
        || (digits.is_empty() && fraction.is_empty())
    {
        return None;
    }
    let dollars: u64 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    let cents: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    Some(dollars * 100 + cents).filter(|c| *c > 0)
}

/// Whitespace and control runs become one space; bidi overrides (which can make text
/// display in a different order than it reads) are dropped; ends are trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            gap = !out.is_empty();
        } else if !is_bidi_control(c) {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    out
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Replaces card numbers (13–19 digits passing the Luhn check, possibly grouped with
/// single spaces or hyphens) with `replacement`. Order and tracking numbers rarely pass
/// both tests, and a false positive only costs a re-type.
fn redact_card_numbers(s: &str, replacement: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Digit groups of one run: "4111 1111-1111 1111 2026" → five groups.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            groups.push((start, j));
            let separated = j + 1 < chars.len()
                && (chars[j] == ' ' || chars[j] == '-')
                && chars[j + 1].is_ascii_digit();
            if !separated {
                break;
            }
            j += 1;
        }
        out.push_str(&redact_groups(&chars, &groups, replacement));
        i = j;
    }
    out
}

/// Within one run of digit groups, replaces the longest card-number-shaped span that
/// starts at each group, left to right; everything else is copied.
fn redact_groups(chars: &[char], groups: &[(usize, usize)], replacement: &str) -> String {
    let mut out = String::new();
    let mut copied_to = groups[0].0;
    let mut a = 0;
    while a < groups.len() {
        match card_span(chars, &groups[a..]) {
            Some(n) => {
                out.extend(&chars[copied_to..groups[a].0]);
                out.push_str(replacement);
                copied_to = groups[a + n - 1].1;
                a += n;
            }
            None => a += 1,
        }
    }
    out.extend(&chars[copied_to..groups[groups.len() - 1].1]);
    out
}

/// Most digits in a card number.
const CARD_DIGITS: usize = 19;

/// How many of `groups`, from the first, make the longest card number (13–19 digits that
/// pass the Luhn check). Every group holds a digit, so the window never spans more than
/// 19 groups: the scan is linear in the text, however long the run of digits.
fn card_span(chars: &[char], groups: &[(usize, usize)]) -> Option<usize> {
    let mut digits = Vec::with_capacity(CARD_DIGITS);
    let mut longest = None;
    for (n, &(start, end)) in groups.iter().enumerate() {
        if digits.len() + (end - start) > CARD_DIGITS {
            break;
        }
        digits.extend(chars[start..end].iter().map(|c| *c as u8 - b'0'));
        if digits.len() >= 13 && luhn_valid(&digits) {
            longest = Some(n + 1);
        }
    }
    longest
}

fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_in_common_forms() {
        for (input, cents) in [
            ("1,234.56", 123_456),
            ("$1,234.56", 123_456),
            ("US$ 12", 1200),
            ("1234.5", 123_450),
            ("12,50", 1250),
            ("1.234,56", 123_456),
            ("1,234", 123_400),
            (".99", 99),
            ("1,000,000", 100_000_000),
        ] {
            assert_eq!(parse_cents(input), Some(cents), "{input}");
        }
        for bad in [
            "",
            "0",
            "0.00",
            "-5",
            "12.345.6",
            "1,23.45",
            "12.",
            "abc",
            "1 234",
            "$",
            "1e3",
            "9999999999999",
        ] {
            assert_eq!(parse_cents(bad), None, "{bad}");
        }
    }

    #[test]
    fn money_formats_with_grouping() {
        assert_eq!(format_money(5), "$0.05");
        assert_eq!(format_money(123_456), "$1,234.56");
        assert_eq!(format_money(100_000_000), "$1,000,000.00");
        assert_eq!(format_money(99_900), "$999.00");
    }

    #[test]
    fn card_numbers_are_redacted_but_other_numbers_kept() {
        let r = |s: &str| redact_card_numbers(s, "[X]");
        assert_eq!(r("card 4111 1111 1111 1111 stolen"), "card [X] stolen");
        assert_eq!(r("4111-1111-1111-1111 2026"), "[X] 2026");
        assert_eq!(r("order 2026 4111111111111111"), "order 2026 [X]");
        assert_eq!(r("378282246310005"), "[X]");
        assert_eq!(r("order 1234567890123"), "order 1234567890123");
        assert_eq!(
            r("call 800 555 0100 on 2026-03-16"),
            "call 800 555 0100 on 2026-03-16"
        );
        assert_eq!(r("12 - 34"), "12 - 34");
    }

    #[test]
    fn collapse_makes_one_clean_line() {
        assert_eq!(
            collapse("  Acme\r\nStore\t\u{0}Inc \u{202E}evil "),
            "Acme Store Inc evil"
        );
    }
}
