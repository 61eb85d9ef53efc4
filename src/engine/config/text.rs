//! Reading plain values (strings, lists) out of the config JSON, with the checks that
//! every string gets: right type, no control characters, bounded length.

use super::ConfigIssue;
use serde_json::Value;

/// Longest key or value quoted back in an issue message; keeps messages readable
/// when the offending input is huge.
const QUOTE_CHARS: usize = 40;

/// A JSON type's name, for "expected X, found Y" messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The first [`QUOTE_CHARS`] characters of `s`, marked with `…` if cut.
pub(super) fn clip(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// `s` clipped and quoted with control characters escaped, for issue messages.
pub(super) fn quote(s: &str) -> String {
    format!("{:?}", clip(s))
}

/// The trimmed string in `value`, or an issue if it is not a string.
/// An empty or all-blank string means "not set" and gives `None` without an issue.
pub(super) fn string<'a>(
    value: &'a Value,
    field: &str,
    out: &mut Vec<ConfigIssue>,
) -> Option<&'a str> {
    match value {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()),
        other => {
            out.push(ConfigIssue::new(
                field,
                format!("expected a string, found {}", kind(other)),
            ));
            None
        }
    }
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
/// make text display in another order than it reads (`\u{202E}` shows "moc.knab" as
/// "bank.com"), and their effect runs on past the value into the widget's own words.
pub(super) fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` without [`is_bidi_override`] characters: host text is shown in the order it is
/// stored, inert, whatever direction marks it carries.
fn inert(s: &str) -> String {
    s.chars().filter(|&c| !is_bidi_override(c)).collect()
}

/// A one-line string: no control characters at all (newlines included), at most
/// `max_chars` characters; bidi overrides are dropped.
pub(super) fn single_line(
    value: &Value,
    field: &str,
    max_chars: usize,
    out: &mut Vec<ConfigIssue>,
) -> Option<String> {
    let s = &inert(string(value, field, out)?);
    let problem = if s.chars().any(char::is_control) {
        Some("control characters (including line breaks) are not allowed".to_owned())
    } else {
        too_long(s, max_chars)
    };
    accept(s.to_owned(), field, problem, out)
}

/// A multi-line string such as a mailing address: `\r\n` is normalised to `\n`, every
/// other control character is refused, and both characters and lines are capped.
pub(super) fn multi_line(
    value: &Value,
    field: &str,
    max_chars: usize,
    max_lines: usize,
    out: &mut Vec<ConfigIssue>,
) -> Option<String> {
    // A CRLF line break counts as one break; a lone CR stays, and is refused below.
    let raw = &inert(string(value, field, out)?);
    let mut s = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if !(c == '\r' && chars.peek() == Some(&'\n')) {
            s.push(c);
        }
    }
    let problem = if s.chars().any(|c| c.is_control() && c != '\n') {
        Some("control characters other than line breaks are not allowed".to_owned())
    } else if s.lines().count() > max_lines {
        Some(format!("too many lines (at most {max_lines})"))
    } else {
        too_long(&s, max_chars)
    };
    accept(s, field, problem, out)
}

/// The list in `value`, or an issue if it is not one. Lists longer than `max` are
/// reported and cut to their first `max` entries.
pub(super) fn array<'a>(
    value: &'a Value,
    field: &str,
    max: usize,
    out: &mut Vec<ConfigIssue>,
) -> Option<&'a [Value]> {
    let Some(items) = value.as_array() else {
        out.push(ConfigIssue::new(
            field,
            format!("expected a list, found {}", kind(value)),
        ));
        return None;
    };
    if items.len() > max {
        out.push(ConfigIssue::new(
            field,
            format!("too many entries (at most {max}); the rest are ignored"),
        ));
    }
    Some(&items[..items.len().min(max)])
}

/// `Some(message)` when `s` is longer than `max_chars` characters.
pub(super) fn too_long(s: &str, max_chars: usize) -> Option<String> {
    (s.chars().count() > max_chars).then(|| format!("too long (at most {max_chars} characters)"))
}

/// Keeps `value` unless there is a problem, which is recorded against `field`.
pub(super) fn accept(
    value: String,
    field: &str,
    problem: Option<String>,
    out: &mut Vec<ConfigIssue>,
) -> Option<String> {
    match problem {
        None => Some(value),
        Some(message) => {
            out.push(ConfigIssue::new(field, message));
            None
        }
    }
}
