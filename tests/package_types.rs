//! The npm package's TypeScript types (`package/cardhelp.d.ts`) against the engine itself.
//!
//! The types are written by hand, next to the README's contract tables; these tests make
//! them fail to drift: every id union equals the engine's table, every field the engine's
//! JSON output contains is declared (and every declared field is seen), every fact is
//! typed, and every typed case and host-config key is one the engine accepts. The package test (`scripts/e2e/package.test.mjs`) adds
//! the browser half: real outputs and event details compiled against the types by `tsc`.

use std::collections::{BTreeMap, BTreeSet};

use cardhelp::engine::case::{Case, FACTS};
use cardhelp::engine::classify::classify;
use cardhelp::engine::config::parse_config;
use cardhelp::engine::flow::questions;
use cardhelp::engine::letter::LetterKind;
use cardhelp::engine::plan::plan;
use cardhelp::engine::rules::RULES;
use cardhelp::engine::topic::Topic;
use serde_json::{json, Value};

const TYPES: &str = include_str!("../package/cardhelp.d.ts");

/// One interface's fields: name → optional (`name?:`).
type Fields = BTreeMap<String, bool>;

/// `src` without `/* … */` and `// …` comments (the file has no `//` inside strings).
fn strip_comments(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("unclosed comment") + start + 2;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields of `interface name { … }`, read at the body's top level only.
fn interface(name: &str) -> Fields {
    let src = strip_comments(TYPES);
    let head = format!("interface {name} ");
    let at = src
        .find(&head)
        .unwrap_or_else(|| panic!("cardhelp.d.ts has no interface {name}"));
    let open = at + src[at..].find('{').unwrap();
    let (mut depth, mut body, mut fields) = (0, String::new(), Fields::new());
    let mut previous = ' ';
    for c in src[open..].chars() {
        match c {
            '{' | '(' | '<' => depth += 1,
            // `=>` of a function type closes nothing.
            '>' if previous == '=' => {}
            '}' | ')' | '>' => depth -= 1,
            _ => {}
        }
        previous = c;
        if depth == 0 {
            break;
        }
        // Members are separated by `;` or a line break at the body's own level.
        if depth == 1 && (c == ';' || c == '\n') {
            member(&body, &mut fields);
            body.clear();
        } else if depth == 1 && c != '{' {
            body.push(c);
        } else if depth > 1 {
            body.push(' ');
        }
    }
    member(&body, &mut fields);
    fields
}

/// Adds `name:` or `name?:` (quoted or not, `readonly` or not) to `fields`; methods and
/// blank lines are not fields.
fn member(text: &str, fields: &mut Fields) {
    let text = text.trim().trim_start_matches("readonly ").trim();
    // A quoted name (`'cardhelp:ready'`) may hold a colon of its own.
    let from = match text.strip_prefix('\'') {
        Some(rest) => rest.find('\'').map_or(0, |i| i + 2),
        None => 0,
    };
    let Some(colon) = text[from..].find(':').map(|i| i + from) else {
        return;
    };
    let (name, optional) = match text[..colon].trim().strip_suffix('?') {
        Some(name) => (name, true),
        None => (text[..colon].trim(), false),
    };
    let name = name.trim_matches('\'');
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_:".contains(c))
    {
        fields.insert(name.to_string(), optional);
    }
}

/// The string literals of `type name = 'a' | 'b' …;`.
fn union(name: &str) -> BTreeSet<String> {
    let src = strip_comments(TYPES);
    let head = format!("type {name} =");
    let at = src
        .find(&head)
        .unwrap_or_else(|| panic!("cardhelp.d.ts has no type {name}"));
    let body = &src[at + head.len()..];
    let body = &body[..body.find(';').unwrap()];
    body.split('\'')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

fn set<'a>(ids: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    ids.into_iter().map(String::from).collect()
}

#[test]
fn id_unions_equal_the_engine_tables() {
    assert_eq!(union("TopicId"), set(Topic::ALL.map(Topic::id)));
    assert_eq!(union("DeadlineId"), set(RULES.iter().map(|r| r.id)));
    assert_eq!(union("LetterId"), set(LetterKind::ALL.map(LetterKind::id)));
    // Channels are knowledge-base data: their ids are the table's.
    let channels: Value =
        serde_json::from_str(include_str!("../src/engine/kb/channels.json")).unwrap();
    let channel_ids = channels
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap());
    assert_eq!(union("ChannelId"), set(channel_ids));
    let facts: BTreeSet<String> = interface("Facts").into_keys().collect();
    assert_eq!(facts, set(FACTS.iter().map(|f| f.id)));
}

#[test]
fn every_typed_case_and_config_key_is_accepted() {
    // The engine refuses an unknown case field by name; a typed one gets past that check.
    for field in interface("Case").keys() {
        let mut case = json!({"today": "2026-03-02"});
        case[field] = json!(null);
        if let Err(e) = Case::from_value(&case) {
            assert!(
                !e.to_string().ends_with("unknown field"),
                "Case.{field}: {e}"
            );
        }
    }
    // Each interface, and a config with one of its keys set to null (which means "not set").
    type WithKey = fn(&str) -> Value;
    let config_keys: [(&str, WithKey); 4] = [
        ("HostConfig", |key| json!({ key: null })),
        ("Phones", |key| json!({"phones": { key: null }})),
        ("PhoneLine", |key| {
            // A line needs its number: each other key is added to one.
            let mut line = json!({"number": "800 555 0199"});
            line[key] = line.get(key).cloned().unwrap_or(json!(null));
            json!({ "phones": { "fraud": line } })
        }),
        ("CalendarInput", |key| json!({"calendar": { key: null }})),
    ];
    for (name, config) in config_keys {
        for key in interface(name).keys() {
            let (_, issues) = parse_config(&config(key).to_string());
            assert!(issues.is_empty(), "{name}.{key}: {issues:?}");
        }
    }
    // And the check can fail: a key the engine does not know is reported.
    let (_, issues) = parse_config(r#"{"issuer": "x"}"#);
    assert_eq!(issues.len(), 1);
}

/// Which interface describes the objects under each field of an interface.
const NESTED: &[(&str, &str, &str)] = &[
    ("Plan", "business_days", "BusinessDays"),
    ("Plan", "deadlines", "Deadline"),
    ("Plan", "classification", "Classification"),
    ("Plan", "channels", "Channel"),
    ("Plan", "expectations", "Expectations"),
    ("Plan", "escalation", "EscalationStep"),
    ("Plan", "config_issues", "ConfigIssue"),
    ("Plan", "next", "Next"),
    ("BusinessDays", "citations", "Citation"),
    ("Deadline", "citations", "Citation"),
    ("Deadline", "mail_by", "MailBy"),
    ("Channel", "reach", "Reach"),
    ("Classification", "topics", "TopicScore"),
    ("Questions", "questions", "Question"),
    ("Question", "options", "AnswerOption"),
];

/// Checks `value` (an object, or an array of them) against interface `name`: no field
/// the interface lacks, every required field present. Records the fields seen.
fn check(value: &Value, name: &str, path: &str, seen: &mut BTreeMap<String, BTreeSet<String>>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(item, name, &format!("{path}[{i}]"), seen);
            }
        }
        Value::Object(map) => {
            let fields = interface(name);
            for (key, child) in map {
                assert!(
                    fields.contains_key(key),
                    "{path}.{key}: the engine prints it, interface {name} lacks it"
                );
                seen.entry(name.into()).or_default().insert(key.clone());
                if let Some((_, _, inner)) = NESTED
                    .iter()
                    .find(|(outer, f, _)| *outer == name && f == key)
                {
                    check(child, inner, &format!("{path}.{key}"), seen);
                }
            }
            for (field, optional) in &fields {
                assert!(
                    *optional || map.contains_key(field),
                    "{path}: {name}.{field} is required in the types but missing from the output"
                );
            }
        }
        Value::Null => {}
        other => panic!("{path}: expected {name}, got {other}"),
    }
}

/// A host config with every kind of contact, and one mistake.
fn config() -> Value {
    json!({
        "issuer_name": "Example Bank",
        "phones": {
            "card_services": {"number": "+1 800 555 0100", "hours": "24/7", "time_zone": "America/New_York"},
            "fraud": {"number": "(800) 555-0199"},
            "general": {"number": "800.555.0142"}
        },
        "secure_message_url": "https://bank.example/messages",
        "online_account_url": "https://bank.example/login",
        "app_url": "https://bank.example/app",
        "dispute_form_url": "https://bank.example/dispute",
        "billing_error_address": "PO Box 100\nWilmington, DE 19850",
        "phone": "a key the widget does not know"
    })
}

/// Cases for every topic, with enough facts to date many deadlines; and one told in words.
fn cases() -> Vec<Value> {
    let facts = json!({
        "statement_sent": "2026-02-10", "notice_received": "2026-02-20", "cycle_closing_day": 5,
        "transaction_date": "2026-01-28", "due_date": "2026-03-07", "payment_method": "mail",
        "card_network": "visa", "unauthorized_use_reported": "2026-02-25",
        "fraud_alert_placed": "2026-02-01", "freeze_requested": "2026-02-26",
        "adverse_action_date": "2026-02-03", "terms_notice_sent": "2026-02-15"
    });
    let mut cases: Vec<Value> = Topic::ALL
        .iter()
        .flat_map(|t| {
            ["en", "es"].map(|locale| {
                json!({"today": "2026-03-02", "topic": t.id(), "locale": locale,
                       "facts": facts, "config": config()})
            })
        })
        .collect();
    cases.push(json!({"today": "2026-03-02", "text": "someone used my card for a charge I did not make, I still have my card"}));
    cases
}

#[test]
fn every_field_the_engine_prints_is_typed_and_every_typed_field_is_printed() {
    let mut seen = BTreeMap::new();
    for (i, value) in cases().iter().enumerate() {
        let case = Case::from_value(value).unwrap();
        let plan = serde_json::to_value(plan(&case).unwrap()).unwrap();
        check(&plan, "Plan", &format!("plan #{i}"), &mut seen);
        let asked = serde_json::to_value(questions(&case).unwrap()).unwrap();
        check(&asked, "Questions", &format!("questions #{i}"), &mut seen);
    }
    let words = serde_json::to_value(classify("I was charged twice").unwrap()).unwrap();
    check(&words, "Classification", "classify", &mut seen);

    // A declared field the engine never prints is stale too.
    let outputs = NESTED
        .iter()
        .flat_map(|(outer, _, inner)| [*outer, *inner])
        .collect::<BTreeSet<_>>();
    for name in outputs {
        let declared: BTreeSet<String> = interface(name).into_keys().collect();
        let printed = seen.get(name).cloned().unwrap_or_default();
        assert_eq!(declared, printed, "interface {name}: declared vs printed");
    }
}

#[test]
fn the_reader_finds_fields_and_optional_marks() {
    let fields = interface("MailBy");
    assert_eq!(
        fields.into_iter().collect::<Vec<_>>(),
        [
            ("date".to_string(), false),
            ("days_left".to_string(), false),
            ("note".to_string(), false)
        ]
    );
    assert_eq!(interface("Plan").get("topic"), Some(&true));
    assert_eq!(union("Locale"), set(["en", "es"]));
}

/// The other direction: every key the host config's JSON Schema names (written from the
/// engine's own key tables; `tests/config_schema.rs` keeps the file equal to them) is typed,
/// so a new config key cannot reach the widget without reaching the package's types.
#[test]
fn every_config_key_the_engine_reads_is_typed() {
    let schema: Value =
        serde_json::from_str(include_str!("../www/cardhelp.config.schema.json")).unwrap();
    let keys = |object: &Value| -> BTreeSet<String> {
        object["properties"]
            .as_object()
            .expect("an object schema")
            .keys()
            .filter(|k| !k.starts_with('$'))
            .cloned()
            .collect()
    };
    let typed = |name: &str| -> BTreeSet<String> { interface(name).into_keys().collect() };
    let top = &schema;
    let phones = &top["properties"]["phones"];
    let line = &phones["properties"]["fraud"];
    let calendar = &top["properties"]["calendar"];
    for (name, object) in [
        ("HostConfig", top),
        ("Phones", phones),
        ("PhoneLine", line),
        ("CalendarInput", calendar),
    ] {
        let missing: Vec<_> = keys(object).difference(&typed(name)).cloned().collect();
        assert!(missing.is_empty(), "{name} lacks {missing:?}");
    }
}
