//! Property tests: the config parser never panics and always keeps the valid rest.

use cardhelp::engine::config::{parse_config, HostConfig};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Arbitrary JSON, biased towards the config's own key names so that the validators
/// (not just the unknown-key path) see hostile values.
fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("issuer_name".to_owned()),
        Just("phones".to_owned()),
        Just("fraud".to_owned()),
        Just("number".to_owned()),
        Just("hours".to_owned()),
        Just("time_zone".to_owned()),
        Just("app_url".to_owned()),
        Just("secure_message_url".to_owned()),
        Just("billing_error_address".to_owned()),
        Just("calendar".to_owned()),
        Just("closed_days".to_owned()),
        Just("open_weekdays".to_owned()),
        Just("default_locale".to_owned()),
        Just("topics".to_owned()),
        any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        "[0-9 +().a-z-]{0,25}".prop_map(Value::from),
        "(https?|mailto|javascript):[ -~]{0,30}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let (_, issues) = parse_config(&s);
        prop_assert!(issues.iter().all(|i| !i.field.is_empty() && !i.message.is_empty()));
    }

    #[test]
    fn arbitrary_json_never_panics_and_topics_are_never_empty(v in arb_json()) {
        let (config, _) = HostConfig::from_value(&v);
        prop_assert!(!config.topics.is_empty());
    }

    #[test]
    fn garbage_next_to_a_valid_config_leaves_the_valid_part_intact(
        junk_key in "[a-z_]{1,12}", junk in arb_json()
    ) {
        let valid = json!({
            "issuer_name": "Example Bank",
            "phones": {"fraud": {"number": "+1 800 555 0199"}},
            "app_url": "https://bank.example/app",
        });
        let (expected, _) = HostConfig::from_value(&valid);
        let mut mixed = valid.clone();
        if !["issuer_name", "phones", "app_url"].contains(&junk_key.as_str()) {
            mixed[junk_key.as_str()] = junk;
        }
        let (config, _) = HostConfig::from_value(&mixed);
        prop_assert_eq!(config.issuer_name, expected.issuer_name);
        prop_assert_eq!(config.phones.fraud, expected.phones.fraud);
        prop_assert_eq!(config.app_url, expected.app_url);
    }
}
