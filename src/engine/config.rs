//! Host configuration: what a site operator sets about their card issuer.
//!
//! Operators paste a snippet and describe their issuer in JSON (a `config` attribute, a
//! `<script type="application/json">` child, or a JS property). A typo in one key must
//! not take the whole widget down, so parsing is *partial*: the JSON is read into a
//! [`serde_json::Value`] first and every key is validated on its own. Each problem
//! becomes a [`ConfigIssue`] naming the field (`phones.fraud.number`), and everything
//! that did validate is kept. The keys and rules are documented in `docs-config.md`.
//!
//! Strings are stored verbatim (escaping is the renderer's job); only control
//! characters, over-long values and unsafe link schemes are refused.

mod calendar;
mod channel;
mod link;
mod phone;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod text;
mod time_zone;
mod walk;

pub(crate) use calendar::parse_iso_date;
pub use calendar::CalendarConfig;
pub use channel::{Channel, Reach};
pub(crate) use link::check_web_url;
pub use phone::{Phone, Phones};
/// A JSON value's type in words ("a number"), for "expected X, found Y" messages.
pub(crate) use text::kind as json_kind;

use crate::engine::locale::Locale;
use crate::engine::topic::Topic;
use serde::Serialize;
use serde_json::Value;
use walk::{key, walk_object, KeyTable};

/// Longest accepted config document, in bytes. A help-center config is a few hundred
/// bytes; anything near this is a mistake (or an attack) and is refused up front.
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;
/// Longest issuer name, in characters.
pub const MAX_ISSUER_NAME_CHARS: usize = 100;
/// Longest billing-error address, in characters.
pub const MAX_ADDRESS_CHARS: usize = 500;
/// Most lines in the billing-error address (a US address needs at most five or six).
pub const MAX_ADDRESS_LINES: usize = 8;
/// Most entries read from the `topics` list.
pub const MAX_TOPIC_ENTRIES: usize = 50;
/// Most problems listed one by one; the rest are counted in one last entry, so a config of
/// thousands of unknown keys gives a short list rather than thousands of console lines.
pub const MAX_LISTED_ISSUES: usize = 20;

/// One problem found in the host config. The widget logs these for the operator and
/// carries on with the valid rest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConfigIssue {
    /// Dotted path of the offending field, e.g. `phones.fraud.number`,
    /// `calendar.closed_days[2]`, or `config` for the document as a whole.
    pub field: String,
    /// What is wrong, in English (the audience is the site operator).
    pub message: String,
}

impl ConfigIssue {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigIssue {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Everything an operator can configure. Every field is optional; the default config
/// (no issuer details, English, all topics) is a working widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostConfig {
    pub issuer_name: Option<String>,
    pub phones: Phones,
    /// `https:`, `http:` or `mailto:` link to the issuer's secure messaging.
    pub secure_message_url: Option<String>,
    pub online_account_url: Option<String>,
    pub app_url: Option<String>,
    pub dispute_form_url: Option<String>,
    /// Whether a dispute sent through the issuer's online form counts as the written
    /// billing-error notice (the statement's billing-rights section says). `None`: the
    /// operator did not say, and the plan tells the cardholder where to check.
    pub dispute_form_is_written_notice: Option<bool>,
    /// Multi-line mailing address for billing-error notices (lines separated by `\n`).
    pub billing_error_address: Option<String>,
    pub calendar: CalendarConfig,
    pub default_locale: Locale,
    /// Topics to show, in the operator's order, without duplicates. Never empty.
    pub topics: Vec<Topic>,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            issuer_name: None,
            phones: Phones::default(),
            secure_message_url: None,
            online_account_url: None,
            app_url: None,
            dispute_form_url: None,
            dispute_form_is_written_notice: None,
            billing_error_address: None,
            calendar: CalendarConfig::default(),
            default_locale: Locale::default(),
            topics: Topic::ALL.to_vec(),
        }
    }
}

/// The top-level keys and how each one is read. Unknown keys are reported from this
/// table too, and the JSON Schema is written from it, so adding a key here is all it
/// takes to support it.
const KEYS: KeyTable<HostConfig> = &[
    key!(
        "issuer_name",
        "Your name as cardholders know it; used in the text and as the addressee of letters.",
        || schema::line(MAX_ISSUER_NAME_CHARS),
        |c, v, f, out| c.issuer_name = text::single_line(v, f, MAX_ISSUER_NAME_CHARS, out),
    ),
    key!(
        "phones",
        "Up to three phone lines; the general line stands in for a card-services or fraud line left unset.",
        Phones::schema,
        |c, v, f, out| c.phones = Phones::from_value(v, f, out),
    ),
    key!(
        "secure_message_url",
        "Where cardholders send you a secure message: an https:, http: or mailto: link.",
        || schema::link(true, link::MAX_URL_CHARS),
        |c, v, f, out| {
            c.secure_message_url = link::parse(v, f, link::Schemes::WebOrMailto, out);
        },
    ),
    key!(
        "online_account_url",
        "Online banking sign-in: an absolute https: or http: link.",
        || schema::link(false, link::MAX_URL_CHARS),
        |c, v, f, out| c.online_account_url = link::parse(v, f, link::Schemes::Web, out),
    ),
    key!(
        "app_url",
        "Your mobile app (store page or universal link): an absolute https: or http: link.",
        || schema::link(false, link::MAX_URL_CHARS),
        |c, v, f, out| c.app_url = link::parse(v, f, link::Schemes::Web, out),
    ),
    key!(
        "dispute_form_url",
        "Your online dispute form: an absolute https: or http: link.",
        || schema::link(false, link::MAX_URL_CHARS),
        |c, v, f, out| c.dispute_form_url = link::parse(v, f, link::Schemes::Web, out),
    ),
    key!(
        "dispute_form_is_written_notice",
        "Whether a dispute sent through your online form counts as the written billing-error notice (your statement's billing-rights section says). Leave unset if not known.",
        schema::boolean,
        |c, v, f, out| match v {
            Value::Bool(b) => c.dispute_form_is_written_notice = Some(*b),
            _ => out.push(ConfigIssue::new(
                f,
                format!("expected true or false, found {}", text::kind(v)),
            )),
        },
    ),
    key!(
        "billing_error_address",
        "The mailing address for billing-error notices (not the payment address), one line per \\n, without your name.",
        || schema::lines(MAX_ADDRESS_CHARS, MAX_ADDRESS_LINES),
        |c, v, f, out| {
            c.billing_error_address =
                text::multi_line(v, f, MAX_ADDRESS_CHARS, MAX_ADDRESS_LINES, out);
        },
    ),
    key!(
        "calendar",
        "Your business-day calendar: closures, open weekend days and holidays, Saturday mail.",
        CalendarConfig::schema,
        |c, v, f, out| c.calendar = CalendarConfig::from_value(v, f, out),
    ),
    key!(
        "default_locale",
        "Language shown first: en or es (region tags such as es-MX are accepted).",
        || schema::language(&Locale::ALL.map(Locale::tag)),
        |c, v, f, out| {
            if let Some(tag) = text::string(v, f, out) {
                match Locale::from_tag(tag) {
                    Some(locale) => c.default_locale = locale,
                    None => out.push(ConfigIssue::new(
                        f,
                        "unsupported locale; use \"en\" or \"es\"",
                    )),
                }
            }
        },
    ),
    key!(
        "topics",
        "Which problem topics to offer, in this order (default: all).",
        || schema::topics(&Topic::ALL.map(Topic::id), MAX_TOPIC_ENTRIES),
        |c, v, f, out| {
            if let Some(topics) = parse_topics(v, f, out) {
                c.topics = topics;
            }
        },
    ),
    key!(
        "$schema",
        "The JSON Schema this config follows, for editors; the widget ignores it.",
        schema::string,
        |_, v, f, out| {
            text::string(v, f, out);
        },
    ),
];

/// The host config's JSON Schema (draft 2020-12), written from the key tables: what
/// `cardhelp config-schema` prints and `www/cardhelp.config.schema.json` holds.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> Value {
    let mut root = schema::object(KEYS);
    let head = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "cardhelp host config",
        "description": "What a site operator sets about their card issuer for the <card-help> widget. Every key is optional; null or a blank string means not set. The widget reports each problem on its field and uses the valid rest.",
    });
    let mut out = head.as_object().cloned().unwrap_or_default();
    out.append(root.as_object_mut().expect("an object schema"));
    Value::Object(out)
}

/// The host settings the knowledge base's guards may test, with the values each takes
/// (`unknown` when the operator left it unset).
pub const SETTINGS: [(&str, &[&str]); 1] = [(
    "dispute_form_is_written_notice",
    &["yes", "no", crate::engine::kb::UNKNOWN],
)];

impl HostConfig {
    /// The values of [`SETTINGS`] for this host, for the guards.
    pub fn settings(&self) -> Vec<(&'static str, &'static str)> {
        let yes_no = |b: Option<bool>| match b {
            Some(true) => "yes",
            Some(false) => "no",
            None => crate::engine::kb::UNKNOWN,
        };
        vec![(SETTINGS[0].0, yes_no(self.dispute_form_is_written_notice))]
    }

    /// Reads an already-parsed JSON value (the JS-property path hands one over).
    /// Never fails: problems are returned next to the config built from the valid rest.
    pub fn from_value(value: &Value) -> (HostConfig, Vec<ConfigIssue>) {
        let mut config = HostConfig::default();
        let mut issues = Vec::new();
        if value.is_object() {
            walk_object(value, "", &mut config, KEYS, &mut issues);
        } else if !value.is_null() {
            issues.push(ConfigIssue::new(
                "config",
                format!("expected a JSON object, found {}", text::kind(value)),
            ));
        }
        if issues.len() > MAX_LISTED_ISSUES {
            let more = issues.len() - MAX_LISTED_ISSUES;
            issues.truncate(MAX_LISTED_ISSUES);
            issues.push(ConfigIssue::new(
                "config",
                format!("{more} more problems not listed"),
            ));
        }
        (config, issues)
    }

    /// The configured value for a contact channel (a phone's display number, a link,
    /// or the billing-error address), if the operator set one.
    pub fn contact(&self, channel: Channel) -> Option<&str> {
        channel.lookup(self)
    }

    /// [`HostConfig::contact`] by channel id, e.g. `fraud_phone`; unknown ids give `None`.
    pub fn contact_by_id(&self, id: &str) -> Option<&str> {
        Channel::from_id(id).and_then(|c| self.contact(c))
    }
}

/// Parses the host config from JSON text.
///
/// Malformed JSON gives the default config and one issue on `config` carrying the
/// parser's message; otherwise see [`HostConfig::from_value`].
pub fn parse_config(json: &str) -> (HostConfig, Vec<ConfigIssue>) {
    parse_config_with(json, |text| {
        serde_json::from_str(text).map_err(|e| e.to_string())
    })
}

/// [`parse_config`] with the JSON parser handed in: the browser build passes the browser's
/// own `JSON.parse`, which keeps a second JSON parser (and its float tables) out of the wasm.
pub fn parse_config_with(
    json: &str,
    parse: impl FnOnce(&str) -> Result<Value, String>,
) -> (HostConfig, Vec<ConfigIssue>) {
    if json.len() > MAX_CONFIG_BYTES {
        return (
            HostConfig::default(),
            vec![ConfigIssue::new(
                "config",
                format!("config is larger than {MAX_CONFIG_BYTES} bytes"),
            )],
        );
    }
    if json.trim().is_empty() {
        return (HostConfig::default(), Vec::new());
    }
    match parse(json) {
        Ok(value) => HostConfig::from_value(&value),
        Err(e) => (
            HostConfig::default(),
            vec![ConfigIssue::new("config", format!("invalid JSON: {e}"))],
        ),
    }
}

/// Reads `topics`: known ids in the given order, duplicates dropped. A list that ends up
/// empty would hide the whole widget, so it is reported and the default (all) is kept.
fn parse_topics(value: &Value, field: &str, out: &mut Vec<ConfigIssue>) -> Option<Vec<Topic>> {
    let items = text::array(value, field, MAX_TOPIC_ENTRIES, out)?;
    let mut topics = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let item_field = format!("{field}[{i}]");
        let Some(id) = text::string(item, &item_field, out) else {
            continue;
        };
        match Topic::from_id(id) {
            Some(t) if !topics.contains(&t) => topics.push(t),
            Some(_) => {}
            None => out.push(ConfigIssue::new(
                item_field,
                format!("unknown topic id {}", text::quote(id)),
            )),
        }
    }
    if topics.is_empty() {
        out.push(ConfigIssue::new(
            field,
            "no valid topic ids; showing all topics",
        ));
        return None;
    }
    Some(topics)
}
