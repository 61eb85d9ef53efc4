//! The host config's JSON Schema: written from the key tables that read the config, checked
//! in as `www/cardhelp.config.schema.json`, and accepting and refusing the same configs as
//! the widget's own validation.

use cardhelp::engine::config::{json_schema, parse_config};
use serde_json::{json, Value};

const SCHEMA_FILE: &str = "www/cardhelp.config.schema.json";

/// The schema as `cardhelp config-schema` prints it.
fn printed() -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(&json_schema()).unwrap()
    )
}

#[test]
fn the_checked_in_schema_is_the_generated_one() {
    let file = std::fs::read_to_string(SCHEMA_FILE).unwrap();
    assert!(
        file == printed(),
        "{SCHEMA_FILE} is out of date: run `cargo run -- config-schema > {SCHEMA_FILE}`"
    );
}

#[test]
fn the_cli_prints_the_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cardhelp"))
        .arg("config-schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), printed());
}

/// Configs the widget takes without a single problem.
fn valid() -> Vec<Value> {
    let eight_lines = (1..=8).map(|i| format!("line {i}")).collect::<Vec<_>>();
    vec![
        json!({}),
        json!({
            "$schema": "https://cdn.example/cardhelp/cardhelp.config.schema.json",
            "issuer_name": "Example Bank",
            "phones": {
                "card_services": { "number": "+1 800 555 0100", "hours": "24/7", "time_zone": "America/New_York" },
                "fraud": { "number": "(800) 555-0199", "hours": { "en": "Mon–Fri 8am–8pm", "es": "lunes a viernes" } },
                "general": { "number": "800.555.0142", "hours": "Mon–Fri 8am–8pm", "time_zone": "America/Chicago" }
            },
            "secure_message_url": "https://bank.example/messages",
            "online_account_url": "https://bank.example/login",
            "app_url": "https://bank.example/app",
            "dispute_form_url": "https://bank.example/dispute",
            "dispute_form_is_written_notice": true,
            "billing_error_address": "Billing Inquiries\nPO Box 100\nWilmington, DE 19850",
            "calendar": {
                "closed_days": ["2026-11-27", "2026-12-24"],
                "open_weekdays": ["saturday"],
                "open_days": ["2026-10-12"],
                "mail_on_saturday": true
            },
            "default_locale": "en",
            "topics": ["unauthorized_charge", "billing_dispute", "payment_issue"]
        }),
        json!({ "issuer_name": "Example Bank & Co. <Cards> \"Plus\"" }),
        json!({ "issuer_name": "  Example Bank  " }),
        json!({ "issuer_name": "x".repeat(100) }),
        json!({ "issuer_name": null, "app_url": "", "default_locale": "  " }),
        json!({ "phones": { "fraud": { "number": "1-800-555-0100 ext. 12" } } }),
        json!({ "phones": { "fraud": { "number": "+1 800 555 0100 x12" } } }),
        json!({ "phones": { "fraud": { "number": "(800) 555-0100 Extension 123456" } } }),
        json!({ "phones": { "fraud": { "number": "5550100", "hours": {} } } }),
        json!({ "phones": { "general": { "number": "800 555 0100", "time_zone": "America/Argentina/Buenos_Aires" } } }),
        json!({ "phones": { "general": { "number": "800 555 0100", "time_zone": "Etc/GMT+5" } } }),
        json!({ "phones": { "general": { "number": "800 555 0100", "time_zone": "UTC", "hours": null } } }),
        json!({ "phones": { "fraud": null, "general": { "number": " +44 20 7946 0958 " } } }),
        json!({ "dispute_form_url": "https://bank.example/help?x=1#y" }),
        json!({ "dispute_form_url": "HTTP://bank.example:8080" }),
        json!({ "dispute_form_url": "https://[::1]:443/" }),
        json!({ "dispute_form_url": "https://[::1]/a%40b" }),
        json!({ "dispute_form_url": "https://bank.example:65535/" }),
        json!({ "dispute_form_url": "https://bank.example:/" }),
        json!({ "dispute_form_url": "  https://bank.example/dispute  " }),
        json!({ "secure_message_url": "mailto:help@bank.example" }),
        json!({ "billing_error_address": "Billing\r\nPO Box 1" }),
        json!({ "billing_error_address": eight_lines.join("\n") }),
        json!({ "calendar": { "closed_days": ["2028-02-29", ""], "open_weekdays": ["Saturday", "SUNDAY"] } }),
        json!({ "calendar": { "open_days": [], "mail_on_saturday": false } }),
        json!({ "default_locale": "es-MX" }),
        json!({ "default_locale": "EN" }),
        json!({ "topics": ["card_problem", "card_problem"] }),
        json!({ "topics": [" hardship "] }),
    ]
}

/// Configs the widget reports at least one problem in.
fn invalid() -> Vec<Value> {
    let nine_lines = (1..=9).map(|i| format!("line {i}")).collect::<Vec<_>>();
    let many_topics = vec!["card_problem"; 51];
    let every_day = vec!["monday"; 8];
    vec![
        json!([]),
        json!({ "issuer_nmae": "Example Bank" }),
        json!({ "issuer_name": 5 }),
        json!({ "issuer_name": "Example\nBank" }),
        json!({ "issuer_name": "x".repeat(101) }),
        json!({ "$schema": 3 }),
        json!({ "phones": 42 }),
        json!({ "phones": { "fax": { "number": "800 555 0100" } } }),
        json!({ "phones": { "fraud": { "number": "1-800-FLOWERS" } } }),
        json!({ "phones": { "fraud": { "number": "555010" } } }),
        json!({ "phones": { "fraud": { "number": "+1 800 555 0100 0000 0000 01" } } }),
        json!({ "phones": { "fraud": { "number": "1+800 555 0100" } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100 ext." } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100 ext 1234567" } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100 #12" } } }),
        json!({ "phones": { "fraud": { "hours": "24/7" } } }),
        json!({ "phones": { "fraud": { "number": null } } }),
        json!({ "phones": { "fraud": { "number": "  " } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100", "hours": { "fr": "24/7" } } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100", "hours": { "en": 5 } } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100", "hours": "24/7\n" , "hour": 1 } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100", "time_zone": "New York" } } }),
        json!({ "phones": { "fraud": { "number": "800 555 0100", "time_zone": "a/b/c/d" } } }),
        json!({ "dispute_form_url": "/dispute" }),
        json!({ "dispute_form_url": "bank.example/dispute" }),
        json!({ "dispute_form_url": "javascript:alert(1)" }),
        json!({ "dispute_form_url": "https://bank.example@evil.example/" }),
        json!({ "dispute_form_url": "https://bank.example%40evil.example/" }),
        json!({ "dispute_form_url": "https://bank.example:65536/" }),
        json!({ "dispute_form_url": "https://bank.example:80x/" }),
        json!({ "dispute_form_url": "https://" }),
        json!({ "dispute_form_url": "https://:443/x" }),
        json!({ "dispute_form_url": "https://bank.example/a b" }),
        json!({ "dispute_form_url": "https://bank.example/<x>" }),
        json!({ "dispute_form_url": "https://bank.example/\u{202E}lmth.exe" }),
        json!({ "dispute_form_url": format!("https://bank.example/{}", "a".repeat(2040)) }),
        json!({ "online_account_url": "mailto:help@bank.example" }),
        json!({ "secure_message_url": "mailto:nobody" }),
        json!({ "dispute_form_is_written_notice": "yes" }),
        json!({ "billing_error_address": nine_lines.join("\n") }),
        json!({ "billing_error_address": "PO Box 1\tWilmington" }),
        json!({ "calendar": { "closed_days": ["2027-02-29"] } }),
        json!({ "calendar": { "closed_days": ["1899-12-31"] } }),
        json!({ "calendar": { "closed_days": ["2026-4-1"] } }),
        json!({ "calendar": { "closed_days": [null] } }),
        json!({ "calendar": { "closed_days": "2026-01-01" } }),
        json!({ "calendar": { "open_weekdays": ["funday"] } }),
        json!({ "calendar": { "open_weekdays": every_day } }),
        json!({ "calendar": { "mail_on_saturday": "no" } }),
        json!({ "calendar": { "closed": [] } }),
        json!({ "default_locale": "fr" }),
        json!({ "default_locale": 5 }),
        json!({ "topics": ["nope"] }),
        json!({ "topics": [] }),
        json!({ "topics": [""] }),
        json!({ "topics": "card_problem" }),
        json!({ "topics": many_topics }),
    ]
}

fn problems(config: &Value) -> Vec<String> {
    let (_, issues) = parse_config(&config.to_string());
    issues
        .iter()
        .map(|i| format!("{}: {}", i.field, i.message))
        .collect()
}

#[test]
fn schema_and_widget_accept_and_refuse_the_same_configs() {
    let schema = jsonschema::options()
        .should_validate_formats(true)
        .build(&json_schema())
        .expect("the schema compiles");
    for config in valid() {
        assert_eq!(problems(&config), Vec::<String>::new(), "widget: {config}");
        let errors: Vec<String> = schema
            .iter_errors(&config)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "schema refuses {config}: {errors:?}");
    }
    for config in invalid() {
        assert!(!problems(&config).is_empty(), "widget accepts {config}");
        assert!(!schema.is_valid(&config), "schema accepts {config}");
    }
}

/// Every key of every object is described, for editors that show descriptions.
#[test]
fn every_key_is_described() {
    fn walk(schema: &Value, path: &str) {
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (key, value) in properties {
                let description = value.get("description").and_then(Value::as_str);
                assert!(description.is_some_and(|d| !d.is_empty()), "{path}{key}");
                walk(value, &format!("{path}{key}."));
            }
        }
        for nested in ["anyOf", "items"] {
            match schema.get(nested) {
                Some(Value::Array(all)) => all.iter().for_each(|s| walk(s, path)),
                Some(one) => walk(one, path),
                None => {}
            }
        }
    }
    walk(&json_schema(), "");
}
