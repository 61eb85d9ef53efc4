//! The share-link and saved-copy codec: a case as a short, readable string.
//!
//! A share link carries the case in the page URL's fragment (`#cardhelp=…`), which
//! browsers never send to a server. Only what the plan is computed from travels: the
//! topic, the answers, the facts and the language, never a letter's personal fields. A
//! copy saved on the device uses the same string plus the ids of the checked items.
//!
//! The format is a query string, `v=1&t=<topic>&l=<locale>&a.<question>=<answer>&f.<fact>=<value>&c=<id>.<id>`,
//! percent-encoded. Decoding is strict: a link is opened by anyone, so an unknown key, a
//! topic that does not ask a question, an impossible date or an oversized string is
//! refused as a whole rather than half-applied.

use std::fmt;

use serde_json::{Map, Value};

use crate::engine::calendar::IsoDate;
use crate::engine::case::{Case, Facts, FACTS};
use crate::engine::kb::{kb, Answers};
use crate::engine::locale::Locale;
use crate::engine::topic::Topic;
use crate::engine::triage::answer_facts;

/// What comes before the encoded case in a share link's fragment.
pub const FRAGMENT: &str = "#cardhelp=";

/// Longest encoded case accepted. A real case is under 300 bytes; the cap keeps a
/// hostile link from making the widget parse megabytes.
pub const MAX_ENCODED_BYTES: usize = 2048;

/// Most checked-item ids a saved copy may list.
const MAX_CHECKED: usize = 64;

/// The format version written in `v=`.
const VERSION: &str = "1";

/// What a share link or a saved copy restores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SharedCase {
    pub topic: Option<Topic>,
    pub locale: Locale,
    pub answers: Answers,
    pub facts: Facts,
    /// Ids of the checked steps and items to have ready. Saved copies only: a share link
    /// leaves it empty.
    pub checked: Vec<String>,
}

impl SharedCase {
    /// The case this link or saved copy describes, as of `today`: what the plan is
    /// resolved from.
    pub fn case(&self, today: IsoDate) -> Case {
        Case {
            today,
            topic: self.topic,
            locale: self.locale,
            text: None,
            facts: self.facts.clone(),
            calendar: None,
            answers: self.answers.clone(),
            config: None,
        }
    }
}

/// Why a share link or saved copy could not be read. The UI shows one message for all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareError(String);

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ShareError {}

fn fail<T>(why: impl Into<String>) -> Result<T, ShareError> {
    Err(ShareError(why.into()))
}

/// The case as a string (without the `#cardhelp=` prefix).
pub fn encode(case: &SharedCase) -> String {
    let mut out = format!("v={VERSION}");
    let mut pair = |key: &str, value: &str| {
        out.push('&');
        escape_into(&mut out, key);
        out.push('=');
        escape_into(&mut out, value);
    };
    if let Some(topic) = case.topic {
        pair("t", topic.id());
    }
    pair("l", case.locale.tag());
    for (question, answer) in &case.answers {
        pair(&format!("a.{question}"), answer);
    }
    // Only facts the topic asks for: anything else would make the link unreadable.
    let asked = case.topic.map(asked_facts).unwrap_or_default();
    for info in FACTS.iter().filter(|info| asked.contains(&info.id)) {
        if let Some(text) = case.facts.text(info.fact) {
            pair(&format!("f.{}", info.id), &text);
        }
    }
    if !case.checked.is_empty() {
        pair("c", &case.checked.join("."));
    }
    out
}

/// A share link to `page_url` (any fragment it has is replaced).
pub fn link(page_url: &str, case: &SharedCase) -> String {
    let page = page_url.split('#').next().unwrap_or(page_url);
    let shared = SharedCase {
        checked: Vec::new(),
        ..case.clone()
    };
    format!("{page}{FRAGMENT}{}", encode(&shared))
}

/// The case in a page's fragment (`location.hash`), or `None` when the fragment is not
/// a cardhelp link (a host's own `#section` anchor, or nothing). A link never carries
/// checked items (`c=`): those are the device's own.
pub fn from_fragment(hash: &str) -> Option<Result<SharedCase, ShareError>> {
    hash.strip_prefix(FRAGMENT).map(|s| read(s, false))
}

/// Reads an encoded saved copy, checking every part of it.
pub fn decode(encoded: &str) -> Result<SharedCase, ShareError> {
    read(encoded, true)
}

/// Reads an encoded case; `c=` only where `checked` allows it. A key given twice, a
/// language other than exactly `en` or `es`, or a fact the topic never asks for refuses
/// the whole string: no reading of it is guessed.
fn read(encoded: &str, checked: bool) -> Result<SharedCase, ShareError> {
    if encoded.len() > MAX_ENCODED_BYTES {
        return fail("too long");
    }
    let mut pairs = encoded.split('&');
    if pairs.next() != Some("v=1") {
        return fail("unknown version");
    }
    let mut case = SharedCase::default();
    let mut facts = Map::new();
    let mut keys = Vec::new();
    for pair in pairs {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (unescape(key)?, unescape(value)?);
        if keys.contains(&key) {
            return fail(format!("{key} given twice"));
        }
        if let Some(question) = key.strip_prefix("a.") {
            case.answers.insert(question.to_owned(), value);
        } else if let Some(fact) = key.strip_prefix("f.") {
            facts.insert(fact.to_owned(), fact_value(value));
        } else {
            match key.as_str() {
                "t" => case.topic = Some(Topic::from_id(&value).ok_or(ShareError(value))?),
                "l" => {
                    case.locale = Locale::ALL
                        .into_iter()
                        .find(|l| l.tag() == value)
                        .ok_or(ShareError(value))?;
                }
                "c" if checked => case.checked = checked_ids(&value)?,
                _ => return fail(format!("unknown key {key}")),
            }
        }
        keys.push(key);
    }
    let asked = case.topic.map(asked_facts).unwrap_or_default();
    if let Some(fact) = facts.keys().find(|f| !asked.contains(&f.as_str())) {
        return fail(format!("the topic does not ask for {fact}"));
    }
    case.facts = Facts::from_map(&facts).or_else(|e| fail(e.to_string()))?;
    if case.answers.is_empty() {
        return Ok(case);
    }
    let Some(topic) = case.topic else {
        return fail("answers without a topic");
    };
    // The answers must belong to the topic, and the facts they fill must be real dates
    // in range: exactly what the resolver will check, so a decoded case always plans.
    let answered = answer_facts(topic, &case.answers).or_else(|e| fail(e.to_string()))?;
    case.facts
        .clone()
        .fill_missing(&answered)
        .or_else(|e| fail(e.to_string()))?;
    Ok(case)
}

/// The facts `topic`'s questions fill, as the knowledge base defines them.
fn asked_facts(topic: Topic) -> Vec<&'static str> {
    kb().map_or_else(
        |_| Vec::new(),
        |kb| {
            kb.questions_for(topic)
                .flat_map(|q| q.fact.iter().map(String::as_str))
                .collect()
        },
    )
}

/// A fact's value as the case JSON types it: booleans and day numbers are not strings.
fn fact_value(text: String) -> Value {
    match text.as_str() {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => match text.parse::<u64>() {
            Ok(n) => Value::from(n),
            Err(_) => Value::String(text),
        },
    }
}

/// `s0.p2` → `["s0", "p2"]`; each id short and made of `[a-z0-9_-]`.
fn checked_ids(list: &str) -> Result<Vec<String>, ShareError> {
    let ids: Vec<String> = list
        .split('.')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let well_formed = |id: &String| {
        id.len() <= 32
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
    };
    if ids.len() > MAX_CHECKED || !ids.iter().all(well_formed) {
        return fail("bad checked list");
    }
    Ok(ids)
}

/// Percent-encodes everything but the RFC 3986 unreserved characters.
fn escape_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Reverses [`escape_into`]; a malformed escape or invalid UTF-8 is an error.
fn unescape(s: &str) -> Result<String, ShareError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .ok_or_else(|| ShareError(s.into()))?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| ShareError(s.into()))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ShareError(s.into()))
}
