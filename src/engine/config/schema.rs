//! The host config's JSON Schema, built from the same key tables that read the config.
//!
//! Each table entry ([`Key`]) names its value's schema beside its reader, made here from the
//! constants the reader checks against (`MAX_ISSUER_NAME_CHARS`, the topic ids, the weekday
//! names), so the schema editors and CMSs check a config with cannot drift from the widget's
//! own rules: `tests/config_schema.rs` runs a table of configs through both. Patterns are
//! written for ECMAScript and Rust regexes alike (no flags, no lookaround).
//!
//! The widget trims every string and reads a blank one as "not set", so patterns allow
//! spaces around a value and an empty one wherever the widget does.
//!
//! Native only: the browser build reads configs, it never describes them.

use super::walk::KeyTable;
use serde_json::{json, Map, Value};

/// What Rust's `char::is_whitespace` trims: Unicode's White_Space characters.
const SPACE: &str =
    r"[\u0009-\u000d \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
/// Control characters (`char::is_control`), without the brackets.
const CONTROL: &str = r"\u0000-\u001f\u007f-\u009f";

/// `^body$` with spaces allowed around it; blank too, unless `required`.
fn trimmed(body: &str, required: bool) -> String {
    let optional = if required { "" } else { "?" };
    format!("^{SPACE}*(?:{body}){optional}{SPACE}*$")
}

/// `word` in any letter case: `ab` → `[aA][bB]` (patterns carry no flags).
pub(super) fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
            } else {
                regex_escape(c)
            }
        })
        .collect()
}

fn regex_escape(c: char) -> String {
    if r"\^$.|?*+()[]{}/-".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

/// One of `words`, in any letter case, spaces around allowed.
fn one_of(words: &[&str], required: bool) -> String {
    let alternatives: Vec<String> = words.iter().map(|w| any_case(w)).collect();
    trimmed(&alternatives.join("|"), required)
}

/// One line of text: no control characters once the ends are trimmed.
pub(super) fn line(max_chars: usize) -> Value {
    json!({
        "type": "string",
        "maxLength": max_chars,
        "pattern": format!("^{SPACE}*[^{CONTROL}]*{SPACE}*$"),
    })
}

/// Lines of text separated by `\n` (or `\r\n`), no other control character.
pub(super) fn lines(max_chars: usize, max_lines: usize) -> Value {
    let text = format!("[^{CONTROL}]*");
    json!({
        "type": "string",
        "maxLength": max_chars,
        "pattern": format!(r"^{SPACE}*{text}(?:\r?\n{text}){{0,{}}}{SPACE}*$", max_lines - 1),
    })
}

pub(super) fn boolean() -> Value {
    json!({ "type": "boolean" })
}

/// Any string (the `$schema` reference).
pub(super) fn string() -> Value {
    json!({ "type": "string" })
}

/// A link with one of `schemes` (`https`, `http`, `mailto`), by the rules of `link.rs`.
pub(super) fn link(mailto: bool, max_chars: usize) -> Value {
    // Characters a link may hold: no space, control, bidi override or `" < > \ ^ ` { | }`.
    let free = r#"\u0009-\u000d \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"<>\\^`{|}"#;
    let any = format!("[^{free}]");
    let in_authority = format!("[^{free}/?#@]");
    let host_char = format!("[^{free}/?#@:]");
    let port =
        "0*(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    // The port is what follows the last colon, unless a `]` (an IPv6 host) comes after it.
    let authority = format!(
        "(?:{host_char}+|{in_authority}*:{host_char}*\\]{host_char}*|{in_authority}+:(?:{port})?)"
    );
    let web = format!(
        "{}{}?://{authority}(?:[/?#]{any}*)?",
        any_case("http"),
        any_case("s")
    );
    let body = if mailto {
        format!("{web}|{}:{any}*@{any}*", any_case("mailto"))
    } else {
        web
    };
    json!({
        "type": "string",
        "maxLength": max_chars,
        "pattern": trimmed(&body, false),
        // `%40` is an `@` to some readers of a link.
        "not": { "type": "string",
                 "pattern": format!("^{SPACE}*{}{}?://[^/?#]*%40", any_case("http"), any_case("s")) },
    })
}

/// A phone number by the rules of `phone.rs`, with an optional extension.
pub(super) fn phone(
    min_digits: usize,
    max_digits: usize,
    max_extension: usize,
    max_chars: usize,
) -> Value {
    let sep = r"[ ().\-]";
    let mark = format!(
        "(?:{}(?:{}|\\.)?|{})",
        any_case("ext"),
        any_case("ension"),
        any_case("x")
    );
    let body = format!(
        r"\+?{sep}*(?:[0-9]{sep}*){{{min_digits},{max_digits}}}(?:{mark}{SPACE}*[0-9]{{1,{max_extension}}})?"
    );
    json!({ "type": "string", "maxLength": max_chars, "pattern": trimmed(&body, true) })
}

/// An IANA time-zone name's shape: up to three `/`-separated parts.
pub(super) fn time_zone(max_chars: usize) -> Value {
    let part = "[A-Za-z][A-Za-z0-9_+\\-]*";
    json!({
        "type": "string",
        "maxLength": max_chars,
        "pattern": trimmed(&format!("{part}(?:/{part}){{0,2}}"), false),
    })
}

/// A real date `YYYY-MM-DD` from `min_year` to `max_year` (1900–2200: the pattern is written
/// for those centuries), or a blank entry, which the widget skips.
pub(super) fn date(min_year: i32, max_year: i32) -> Value {
    assert_eq!(
        (min_year, max_year),
        (1900, 2200),
        "update the year pattern"
    );
    json!({
        "anyOf": [
            { "type": "string", "format": "date",
              "pattern": "^(?:19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$" },
            { "type": "string", "pattern": format!("^{SPACE}*$") },
        ]
    })
}

/// One of `words` (offered to editors as is, accepted in any letter case with spaces around).
pub(super) fn word(words: &[&str], blank_ok: bool) -> Value {
    json!({
        "anyOf": [
            { "enum": words },
            { "type": "string", "pattern": one_of(words, !blank_ok) },
        ]
    })
}

/// A list of `items`, at most `max`.
pub(super) fn list(items: Value, max: usize) -> Value {
    json!({ "type": "array", "items": items, "maxItems": max })
}

/// A language tag whose first part is one of `tags` (`es-MX` reads as `es`).
pub(super) fn language(tags: &[&str]) -> Value {
    let primary: Vec<String> = tags.iter().map(|t| any_case(t)).collect();
    json!({
        "anyOf": [
            { "enum": tags },
            { "type": "string",
              "pattern": trimmed(&format!(r"(?:{})(?:[\-_][\s\S]*)?", primary.join("|")), false) },
        ]
    })
}

/// The topic list: known ids, and at least one that is not blank.
pub(super) fn topics(ids: &[&str], max: usize) -> Value {
    let mut schema = list(word(ids, true), max);
    schema["contains"] = json!({ "type": "string", "pattern": one_of(ids, true) });
    schema
}

/// An object with exactly the keys of `table`, each described and allowed to be `null`.
pub(super) fn object<T>(table: KeyTable<T>) -> Value {
    let mut properties = Map::new();
    for key in table {
        let mut schema = (key.schema)();
        // `null` means "not set" for every key.
        schema = match schema.get("type").cloned() {
            Some(Value::String(t)) => {
                schema["type"] = json!([t, "null"]);
                schema
            }
            _ => json!({ "anyOf": [schema, { "type": "null" }] }),
        };
        schema["description"] = key.doc.into();
        properties.insert(key.name.to_owned(), schema);
    }
    json!({ "type": "object", "properties": properties, "additionalProperties": false })
}
