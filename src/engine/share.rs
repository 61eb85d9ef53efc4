//! The share-link and saved-copy codec: a case as a short, readable string.
//!
//! A share link carries the case in the page URL's fragment (`#cardhelp=…`, named after
//! the widget's element: see [`WidgetId`]), which browsers never send to a server. Only
//! what the plan is computed from travels: the topic, the answers, the facts and the
//! language, never a letter's personal fields. A copy saved on the device uses the same
//! string plus the ids of the checked items.
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

/// What comes before the encoded case in the fragment of a share link made by a widget
/// without an `id` (see [`WidgetId`]).
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

/// A share link to `page_url` for a widget without an `id` (see [`WidgetId::link`]).
pub fn link(page_url: &str, case: &SharedCase) -> String {
    WidgetId::default().link(page_url, case)
}

/// The case in a page's fragment (`location.hash`) for a widget without an `id`, or
/// `None` when the fragment holds none (see [`WidgetId::find`]). A link never carries
/// checked items (`c=`): those are the device's own.
pub fn from_fragment(hash: &str) -> Option<Result<SharedCase, ShareError>> {
    WidgetId::default().find(hash).map(|found| found.case)
}

/// Which `<card-help>` on the page a saved copy or share link belongs to: the element's
/// `id`, so two widgets on one page never open each other's link or saved copy. A widget
/// without an id keeps the names it always had.
///
/// | | no `id` | `id="first"` |
/// |---|---|---|
/// | storage key | `cardhelp` | `cardhelp.first` |
/// | fragment | `#cardhelp=v=1&…` | `#cardhelp.first=v=1&…` |
/// | after a hash route | `#/help?cardhelp=v%3D1%26…` | `#/help?cardhelp.first=v%3D1%26…` |
///
/// A host's hash route (a fragment starting with `/` or `!`, as hash routers write them)
/// is kept: the case follows it as one query parameter, escaped once more so the router
/// sees a single parameter. Any other fragment (an anchor) is replaced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetId(Option<String>);

/// A widget's case found in a fragment, and the fragment without it.
#[derive(Debug, PartialEq)]
pub struct Found {
    pub case: Result<SharedCase, ShareError>,
    /// What the address bar keeps once the case is read: the host's own route and
    /// parameters (without the `#`), or nothing.
    pub rest: String,
}

impl WidgetId {
    /// The widget of the element with this `id`; a blank id is no id.
    pub fn new(element_id: &str) -> WidgetId {
        WidgetId(Some(element_id.to_owned()).filter(|id| !id.trim().is_empty()))
    }

    /// The `localStorage` key of this widget's saved copy.
    pub fn storage_key(&self) -> String {
        match &self.0 {
            Some(id) => format!("cardhelp.{id}"),
            None => "cardhelp".to_owned(),
        }
    }

    /// The name of its case in a fragment, with the `=` that follows it.
    fn marker(&self) -> String {
        let Some(id) = &self.0 else {
            return FRAGMENT[1..].to_owned();
        };
        let mut marker = String::from("cardhelp.");
        escape_into(&mut marker, id);
        marker.push('=');
        marker
    }

    /// A share link to `page_url` carrying `case` without its checked items.
    pub fn link(&self, page_url: &str, case: &SharedCase) -> String {
        let (page, fragment) = page_url.split_once('#').unwrap_or((page_url, ""));
        let encoded = encode(&SharedCase {
            checked: Vec::new(),
            ..case.clone()
        });
        let marker = self.marker();
        if !matches!(fragment.as_bytes().first(), Some(b'/' | b'!')) {
            return format!("{page}#{marker}{encoded}");
        }
        // A link opened before may still be in the route: this widget's case goes once.
        let route = self.find(fragment).map_or(fragment.to_owned(), |f| f.rest);
        let separator = if !route.contains('?') {
            "?"
        } else if route.ends_with('?') {
            ""
        } else {
            "&"
        };
        let mut out = format!("{page}#{route}{separator}{marker}");
        escape_into(&mut out, &encoded);
        out
    }

    /// This widget's case in a fragment (with or without its `#`): the whole fragment
    /// (`cardhelp=v=1&…`), or one parameter of a route's query (`/help?cardhelp=v%3D1…`).
    /// `None` when neither holds it: another widget's case, or a host's own fragment.
    pub fn find(&self, fragment: &str) -> Option<Found> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let marker = self.marker();
        if let Some(encoded) = fragment.strip_prefix(&marker) {
            let case = read(encoded, false);
            let rest = String::new();
            return Some(Found { case, rest });
        }
        // Each parameter of the route's query, until this widget's.
        let mut start = fragment.find('?')? + 1;
        let (end, escaped) = loop {
            let end = fragment[start..]
                .find('&')
                .map_or(fragment.len(), |e| start + e);
            if let Some(escaped) = fragment[start..end].strip_prefix(&marker) {
                break (end, escaped);
            }
            if end == fragment.len() {
                return None;
            }
            start = end + 1;
        };
        // Escaped twice, each byte takes at most three.
        let case = if escaped.len() > 3 * MAX_ENCODED_BYTES {
            fail("too long")
        } else {
            unescape(escaped).and_then(|encoded| read(&encoded, false))
        };
        // The parameter goes with one separator: the one after it, or the one before it
        // when it is the last.
        let rest = match fragment.get(end + 1..) {
            Some(after) => format!("{}{after}", &fragment[..start]),
            None => fragment[..start - 1].to_owned(),
        };
        Some(Found { case, rest })
    }
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
