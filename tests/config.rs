//! Host config: parsing, partial acceptance, validation rules and UI helpers.

use cardhelp::engine::config::{parse_config, Channel, ConfigIssue, HostConfig, Phone};
use cardhelp::engine::locale::Locale;
use cardhelp::engine::topic::Topic;
use serde_json::json;
use time::{Date, Month, Weekday};

fn fields(issues: &[ConfigIssue]) -> Vec<&str> {
    issues.iter().map(|i| i.field.as_str()).collect()
}

fn date(y: i32, m: Month, d: u8) -> Date {
    Date::from_calendar_date(y, m, d).unwrap()
}

const FULL: &str = r#"{
  "issuer_name": "Example Bank",
  "phones": {
    "card_services": { "number": "+1 800 555 0100", "hours": "24/7", "time_zone": "America/New_York" },
    "fraud": { "number": "(800) 555-0199", "hours": "Mon–Fri 8am–8pm" },
    "general": { "number": "800.555.0142" }
  },
  "secure_message_url": "mailto:help@bank.example",
  "online_account_url": "https://bank.example/login",
  "app_url": "https://bank.example/app",
  "dispute_form_url": "http://bank.example/dispute?lang=en#form",
  "billing_error_address": "Example Bank\nBilling Inquiries\nPO Box 100\nWilmington, DE 19850",
  "calendar": { "closed_days": ["2026-12-24", "2026-11-27"], "open_weekdays": ["saturday"] },
  "default_locale": "es",
  "topics": ["billing_dispute", "unauthorized_charge"]
}"#;

#[test]
fn a_full_valid_config_has_no_issues() {
    let (c, issues) = parse_config(FULL);
    assert_eq!(issues, vec![]);
    assert_eq!(c.issuer_name.as_deref(), Some("Example Bank"));
    assert_eq!(
        c.phones.card_services,
        Some(Phone {
            number: "+1 800 555 0100".into(),
            hours: Some("24/7".into()),
            hours_es: None,
            time_zone: Some("America/New_York".into()),
        })
    );
    assert_eq!(
        c.phones.fraud.as_ref().unwrap().hours.as_deref(),
        Some("Mon–Fri 8am–8pm")
    );
    assert_eq!(c.phones.general.as_ref().unwrap().time_zone, None);
    assert_eq!(
        c.secure_message_url.as_deref(),
        Some("mailto:help@bank.example")
    );
    assert_eq!(
        c.dispute_form_url.as_deref(),
        Some("http://bank.example/dispute?lang=en#form")
    );
    assert_eq!(
        c.billing_error_address
            .as_deref()
            .map(|a| a.lines().count()),
        Some(4)
    );
    assert_eq!(
        c.calendar.closed_days,
        vec![
            date(2026, Month::November, 27),
            date(2026, Month::December, 24)
        ]
    );
    assert_eq!(c.calendar.open_weekdays, vec![Weekday::Saturday]);
    assert_eq!(c.default_locale, Locale::Es);
    assert_eq!(
        c.topics,
        vec![Topic::BillingDispute, Topic::UnauthorizedCharge]
    );
}

#[test]
fn empty_input_and_empty_object_give_the_default_config() {
    for input in ["", "  ", "{}", "null"] {
        let (c, issues) = parse_config(input);
        assert_eq!(c, HostConfig::default(), "{input:?}");
        assert!(issues.is_empty(), "{input:?}");
    }
    let c = HostConfig::default();
    assert_eq!(c.topics, Topic::ALL.to_vec());
    assert_eq!(c.default_locale, Locale::En);
}

#[test]
fn malformed_json_gives_defaults_and_one_issue_with_the_parser_message() {
    let (c, issues) = parse_config(r#"{"issuer_name": "Bank",}"#);
    assert_eq!(c, HostConfig::default());
    assert_eq!(fields(&issues), vec!["config"]);
    assert!(
        issues[0].message.contains("line 1"),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_non_object_document_is_one_issue() {
    let (c, issues) = parse_config(r#"["issuer_name"]"#);
    assert_eq!(c, HostConfig::default());
    assert_eq!(fields(&issues), vec!["config"]);
    assert!(issues[0].message.contains("a list"));
}

#[test]
fn oversized_documents_are_refused_before_parsing() {
    let big = format!(r#"{{"issuer_name": "{}"}}"#, "x".repeat(70_000));
    let (c, issues) = parse_config(&big);
    assert_eq!(c, HostConfig::default());
    assert_eq!(fields(&issues), vec!["config"]);
}

#[test]
fn unknown_keys_are_reported_with_a_suggestion_and_the_rest_is_kept() {
    let (c, issues) = parse_config(
        r#"{"issuer_nmae": "Typo Bank", "app_url": "https://bank.example/app",
            "phones": {"fraud": {"number": "8005550199", "hour": "24/7"}}, "colour": "red"}"#,
    );
    assert_eq!(
        fields(&issues),
        vec!["colour", "issuer_nmae", "phones.fraud.hour"]
    );
    assert!(issues[1].message.contains("did you mean \"issuer_name\""));
    assert!(issues[2].message.contains("\"hours\""));
    assert!(issues[0].message.contains("expected one of"));
    assert_eq!(c.issuer_name, None);
    assert_eq!(c.app_url.as_deref(), Some("https://bank.example/app"));
    assert_eq!(c.phones.fraud.unwrap().number, "8005550199");
}

#[test]
fn a_bad_phone_number_drops_only_that_line() {
    let (c, issues) = parse_config(
        r#"{"phones": {
            "fraud": {"number": "1-800-FRAUD", "hours": "24/7"},
            "card_services": {"number": "555 010"},
            "general": {"number": "800 555 0142", "hours": "9–5\nweekdays", "time_zone": "Eastern Time"}}}"#,
    );
    assert_eq!(
        fields(&issues),
        vec![
            "phones.card_services.number",
            "phones.fraud.number",
            "phones.general.hours",
            "phones.general.time_zone"
        ]
    );
    assert!(issues[0].message.contains("7 to 20 digits"));
    assert!(issues[1].message.contains("letters"));
    assert_eq!(c.phones.fraud, None);
    assert_eq!(c.phones.card_services, None);
    let general = c.phones.general.unwrap();
    assert_eq!(
        (general.number.as_str(), general.hours, general.time_zone),
        ("800 555 0142", None, None)
    );
}

#[test]
fn a_phone_without_a_number_is_reported_once() {
    let (c, issues) =
        parse_config(r#"{"phones": {"fraud": {"hours": "24/7"}, "general": {"number": ""}}}"#);
    assert_eq!(
        fields(&issues),
        vec!["phones.fraud.number", "phones.general.number"]
    );
    assert!(issues.iter().all(|i| i.message == "missing phone number"));
    assert_eq!(c.phones, Default::default());

    let (_, issues) = parse_config(r#"{"phones": {"fraud": {"number": 8005550199}}}"#);
    assert_eq!(fields(&issues), vec!["phones.fraud.number"]);
    assert!(issues[0]
        .message
        .contains("expected a string, found a number"));
}

#[test]
fn links_accept_only_web_schemes_and_mailto_for_secure_messages() {
    let (c, issues) = parse_config(
        r#"{"secure_message_url": "javascript:alert(1)",
            "online_account_url": "data:text/html,<script>alert(1)</script>",
            "app_url": "mailto:app@bank.example",
            "dispute_form_url": " https://bank.example/dispute "}"#,
    );
    assert_eq!(
        fields(&issues),
        vec!["app_url", "online_account_url", "secure_message_url"]
    );
    assert_eq!(c.secure_message_url, None);
    assert_eq!(c.online_account_url, None);
    assert_eq!(c.app_url, None);
    assert_eq!(
        c.dispute_form_url.as_deref(),
        Some("https://bank.example/dispute")
    );

    let (_, issues) = parse_config(r#"{"app_url": "https://bank.example/a\tb"}"#);
    assert_eq!(fields(&issues), vec!["app_url"]);
    let (_, issues) = parse_config(r#"{"app_url": "https://bank.example@evil.example/"}"#);
    assert!(issues[0].message.contains("user names"));
}

#[test]
fn wrong_types_are_reported_per_field() {
    let (c, issues) = parse_config(
        r#"{"issuer_name": 5, "phones": [], "calendar": "closed", "default_locale": true,
            "topics": "billing_dispute", "billing_error_address": ["PO Box 1"]}"#,
    );
    assert_eq!(
        fields(&issues),
        vec![
            "billing_error_address",
            "calendar",
            "default_locale",
            "issuer_name",
            "phones",
            "topics"
        ]
    );
    assert!(issues.iter().all(|i| i.message.starts_with("expected ")));
    assert_eq!(c, HostConfig::default());
}

#[test]
fn null_means_not_set() {
    let (c, issues) =
        parse_config(r#"{"issuer_name": null, "phones": {"fraud": null}, "topics": null}"#);
    assert!(issues.is_empty());
    assert_eq!(c, HostConfig::default());
}

#[test]
fn topics_keep_known_ids_in_order_and_never_end_up_empty() {
    let (c, issues) =
        parse_config(r#"{"topics": ["hardship", "fraud", "hardship", 7, "account_service"]}"#);
    assert_eq!(fields(&issues), vec!["topics[1]", "topics[3]"]);
    assert!(issues[0].message.contains("unknown topic id \"fraud\""));
    assert_eq!(c.topics, vec![Topic::Hardship, Topic::AccountService]);

    for none_valid in [r#"{"topics": []}"#, r#"{"topics": ["nope"]}"#] {
        let (c, issues) = parse_config(none_valid);
        assert_eq!(c.topics, Topic::ALL.to_vec());
        assert_eq!(issues.last().unwrap().field, "topics");
    }
}

#[test]
fn calendar_dates_must_be_real_and_weekdays_known() {
    let (c, issues) = parse_config(
        r#"{"calendar": {"closed_days": ["2026-12-24", "2026-02-30", "2026-7-3", "2026-12-24", "2026-01-02"],
                         "open_weekdays": ["Saturday", "caturday", "sunday", "saturday"]}}"#,
    );
    assert_eq!(
        fields(&issues),
        vec![
            "calendar.closed_days[1]",
            "calendar.closed_days[2]",
            "calendar.open_weekdays[1]"
        ]
    );
    assert_eq!(
        c.calendar.closed_days,
        vec![
            date(2026, Month::January, 2),
            date(2026, Month::December, 24)
        ]
    );
    assert_eq!(
        c.calendar.open_weekdays,
        vec![Weekday::Saturday, Weekday::Sunday]
    );
}

#[test]
fn the_calendar_can_open_a_federal_holiday_and_say_whether_saturday_mail_comes() {
    let (c, issues) = parse_config(
        r#"{"calendar": {"open_days": ["2026-10-12", "2026-13-01"], "mail_on_saturday": false}}"#,
    );
    assert_eq!(fields(&issues), vec!["calendar.open_days[1]"]);
    assert_eq!(c.calendar.open_days, vec![date(2026, Month::October, 12)]);
    assert_eq!(c.calendar.mail_on_saturday, Some(false));
    let cal = c.calendar.business_calendar();
    assert!(cal.is_business_day(date(2026, Month::October, 12)));
    assert!(!cal.mail_on_saturday());
    // Not a boolean: reported, and the default (Saturday mail) stays.
    let (c, issues) = parse_config(r#"{"calendar": {"mail_on_saturday": "no"}}"#);
    assert_eq!(fields(&issues), vec!["calendar.mail_on_saturday"]);
    assert!(
        issues[0].message.contains("true or false"),
        "{}",
        issues[0].message
    );
    assert!(c.calendar.business_calendar().mail_on_saturday());
    assert!(HostConfig::default()
        .calendar
        .business_calendar()
        .mail_on_saturday());
}

#[test]
fn locales_accept_region_tags() {
    assert_eq!(
        parse_config(r#"{"default_locale": "es-MX"}"#)
            .0
            .default_locale,
        Locale::Es
    );
    let (c, issues) = parse_config(r#"{"default_locale": "fr"}"#);
    assert_eq!(c.default_locale, Locale::En);
    assert_eq!(fields(&issues), vec!["default_locale"]);
}

#[test]
fn over_long_strings_are_refused() {
    let config = json!({
        "issuer_name": "B".repeat(101),
        "phones": {"fraud": {"number": "8005550199", "hours": "h".repeat(101)}},
        "billing_error_address": "line\n".repeat(9),
        "app_url": format!("https://bank.example/{}", "a".repeat(2048)),
    });
    let (c, issues) = HostConfig::from_value(&config);
    assert_eq!(
        fields(&issues),
        vec![
            "app_url",
            "billing_error_address",
            "issuer_name",
            "phones.fraud.hours"
        ]
    );
    assert!(issues[1].message.contains("too many lines"));
    assert_eq!(c.phones.fraud.unwrap().hours, None);
    let (c, issues) = HostConfig::from_value(&json!({"issuer_name": "B".repeat(100)}));
    assert!(issues.is_empty());
    assert_eq!(c.issuer_name.map(|n| n.len()), Some(100));
}

#[test]
fn hostile_strings_are_stored_verbatim_but_control_characters_are_refused() {
    let name = r#"<script>alert("x")</script> & "Bank""#;
    let address = "Attn: <b>Billing</b>\r\nPO Box 1 & 2\nCity, ST 00000";
    let (c, issues) = HostConfig::from_value(&json!({
        "issuer_name": name,
        "billing_error_address": address,
        "phones": {"general": {"number": "8005550142", "hours": "24/7 <img src=x onerror=alert(1)>"}},
    }));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(c.issuer_name.as_deref(), Some(name));
    assert_eq!(
        c.billing_error_address.as_deref(),
        Some("Attn: <b>Billing</b>\nPO Box 1 & 2\nCity, ST 00000")
    );
    assert_eq!(
        c.phones.general.unwrap().hours.as_deref(),
        Some("24/7 <img src=x onerror=alert(1)>")
    );

    let (c, issues) = HostConfig::from_value(&json!({
        "issuer_name": "Bank\nInjected",
        "billing_error_address": "PO Box 1\u{7}\nCity",
        "phones": {"fraud": {"number": "800 555\u{0} 0199"}},
    }));
    assert_eq!(
        fields(&issues),
        vec![
            "billing_error_address",
            "issuer_name",
            "phones.fraud.number"
        ]
    );
    assert_eq!(
        (c.issuer_name, c.billing_error_address, c.phones.fraud),
        (None, None, None)
    );
}

#[test]
fn issue_messages_quote_huge_keys_briefly() {
    let key = "k".repeat(500);
    let (_, issues) = HostConfig::from_value(&json!({ key: 1 }));
    assert_eq!(issues.len(), 1);
    assert!(issues[0].field.chars().count() <= 41);
    assert!(issues[0].field.ends_with('…'));
}

#[test]
fn tel_href_keeps_a_leading_plus_and_digits_only() {
    let phone = |n: &str| Phone {
        number: n.into(),
        hours: None,
        hours_es: None,
        time_zone: None,
    };
    assert_eq!(phone("+1 (800) 555-0100").tel_href(), "tel:+18005550100");
    assert_eq!(phone("800.555.0100").tel_href(), "tel:8005550100");
    assert_eq!(phone(" +44 20 7946 0958").tel_href(), "tel:+442079460958");
}

#[test]
fn contacts_are_looked_up_by_channel_and_id() {
    let (c, _) = parse_config(FULL);
    assert_eq!(c.contact(Channel::FraudPhone), Some("(800) 555-0199"));
    assert_eq!(
        c.contact_by_id("card_services_phone"),
        Some("+1 800 555 0100")
    );
    assert_eq!(c.contact_by_id("general_phone"), Some("800.555.0142"));
    assert_eq!(
        c.contact_by_id("secure_message_url"),
        Some("mailto:help@bank.example")
    );
    assert_eq!(
        c.contact_by_id("online_account_url"),
        Some("https://bank.example/login")
    );
    assert_eq!(c.contact_by_id("app_url"), Some("https://bank.example/app"));
    assert_eq!(
        c.contact_by_id("dispute_form_url"),
        Some("http://bank.example/dispute?lang=en#form")
    );
    assert!(c
        .contact_by_id("billing_error_address")
        .unwrap()
        .starts_with("Example Bank\n"));
    assert_eq!(c.contact_by_id("fax"), None);

    let empty = HostConfig::default();
    assert!(Channel::ALL.iter().all(|ch| empty.contact(*ch).is_none()));
}

#[test]
fn hours_read_in_the_plans_language_with_the_time_zone_as_people_say_it() {
    let (c, issues) = parse_config(
        r#"{"phones": {
            "general": {"number": "800 555 0142", "time_zone": "America/Chicago",
                "hours": {"en": "Mon–Fri 8am–8pm", "es": "lunes a viernes, de 8 a 20 h"}},
            "fraud": {"number": "800 555 0199", "hours": "24/7", "time_zone": "America/New_York"},
            "card_services": {"number": "800 555 0100", "hours": {"es": "todos los días", "fr": "x"}}}}"#,
    );
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].field, "phones.card_services.hours.fr");
    let hours = |channel: Channel, locale| channel.reach(&c, locale).unwrap().hours.unwrap();
    assert_eq!(
        hours(Channel::GeneralPhone, Locale::En),
        "Mon–Fri 8am–8pm (Central Time)"
    );
    assert_eq!(
        hours(Channel::GeneralPhone, Locale::Es),
        "lunes a viernes, de 8 a 20 h (hora del Centro)"
    );
    assert_eq!(
        hours(Channel::FraudPhone, Locale::Es),
        "24/7 (hora del Este)"
    );
    // Written in one language only: that text, whatever the plan's language.
    assert_eq!(
        hours(Channel::CardServicesPhone, Locale::En),
        "todos los días"
    );
}

/// Thousands of unknown keys give a short list: the first problems, then a count.
#[test]
fn many_problems_are_listed_up_to_a_limit_then_counted() {
    let keys: serde_json::Map<String, serde_json::Value> = (0..1000)
        .map(|i| (format!("unknown_{i}"), json!(1)))
        .collect();
    let (_, issues) = parse_config(&serde_json::Value::Object(keys).to_string());
    assert_eq!(issues.len(), 21);
    assert_eq!(issues[20].field, "config");
    assert_eq!(issues[20].message, "980 more problems not listed");
}

/// Bidi overrides in host text are dropped, so the text shows in the order it is stored;
/// in a link they are refused.
#[test]
fn bidi_overrides_are_inert_in_text_and_refused_in_links() {
    let (config, issues) = parse_config(
        &json!({
            "issuer_name": "Bank \u{202E}elpmaxE",
            "billing_error_address": "PO Box 1\n\u{2067}City\u{2069}",
            "app_url": "https://bank.example/\u{202E}gpj.exe",
        })
        .to_string(),
    );
    assert_eq!(config.issuer_name.as_deref(), Some("Bank elpmaxE"));
    assert_eq!(
        config.billing_error_address.as_deref(),
        Some("PO Box 1\nCity")
    );
    assert_eq!(config.app_url, None);
    assert_eq!(fields(&issues), ["app_url"]);
}

/// A link without a scheme is a relative link: the widget runs on someone else's page, so
/// it would point somewhere on the host's site, or nowhere. Said as such, not as a scheme.
#[test]
fn a_relative_link_is_told_it_must_be_absolute() {
    for relative in [
        "/dispute",
        "bank.example/dispute",
        "www.bank.example",
        "//bank.example/x",
        "https:bank.example",
    ] {
        let (c, issues) = parse_config(&json!({ "dispute_form_url": relative }).to_string());
        assert_eq!(c.dispute_form_url, None, "{relative}");
        assert_eq!(fields(&issues), ["dispute_form_url"], "{relative}");
        assert!(
            issues[0].message.starts_with("must be absolute"),
            "{relative}: {}",
            issues[0].message
        );
    }
    let (_, issues) = parse_config(r#"{"online_account_url": "ftp://bank.example/x"}"#);
    assert_eq!(issues[0].message, "only https: and http: links are allowed");
}

/// "Did you mean" for a key that is a shortened or lengthened form of a known one, not only
/// for a one- or two-letter slip.
#[test]
fn shortened_or_reworded_keys_get_a_suggestion() {
    for (typed, meant) in [
        ("dispute_url", "dispute_form_url"),
        ("Issuer_Name", "issuer_name"),
        ("secure_message", "secure_message_url"),
        ("locale", "default_locale"),
    ] {
        let (_, issues) = parse_config(&json!({ typed: "x" }).to_string());
        assert_eq!(
            issues[0].message,
            format!("unknown key; did you mean \"{meant}\"?"),
            "{typed}"
        );
    }
    let (_, issues) = parse_config(r#"{"phones": {"fraud_phone": {"number": "8005550199"}}}"#);
    assert_eq!(issues[0].field, "phones.fraud_phone");
    assert!(issues[0].message.contains("did you mean \"fraud\""));
    // A word many keys share suggests none of them.
    let (_, issues) = parse_config(r#"{"url": "https://bank.example"}"#);
    assert!(
        issues[0].message.contains("expected one of"),
        "{}",
        issues[0].message
    );
}

/// Numbers with an extension are accepted, shown as written, and dialled with a pause
/// before the extension (a comma, which phone dialers on iOS and Android both honour).
#[test]
fn a_phone_extension_is_shown_as_written_and_dialled_after_a_pause() {
    for (number, href) in [
        ("1-800-555-0100 ext. 12", "tel:18005550100,12"),
        ("+1 800 555 0100 x12", "tel:+18005550100,12"),
        ("(800) 555-0100 Ext 1234", "tel:8005550100,1234"),
        ("800.555.0100 extension 7", "tel:8005550100,7"),
        ("800 555 0100 x 12", "tel:8005550100,12"),
    ] {
        let (c, issues) =
            parse_config(&json!({ "phones": { "fraud": { "number": number } } }).to_string());
        assert_eq!(issues, vec![], "{number}");
        let fraud = c.phones.fraud.unwrap();
        assert_eq!(fraud.number, number);
        assert_eq!(fraud.tel_href(), href);
    }
    for bad in [
        "800 555 0100 ext.",
        "800 555 0100 ext 1234567",
        "800 555 0100 x12 x13",
        "1-800-FLOWERS",
        "ext 12",
    ] {
        let (c, issues) =
            parse_config(&json!({ "phones": { "fraud": { "number": bad } } }).to_string());
        assert!(c.phones.fraud.is_none(), "{bad}");
        assert_eq!(fields(&issues), ["phones.fraud.number"], "{bad}");
    }
}

/// A config file may name its schema, as editors expect (`"$schema": "…"`).
#[test]
fn a_schema_reference_is_accepted_and_ignored() {
    let (c, issues) = parse_config(
        r#"{"$schema": "https://cdn.example/cardhelp/cardhelp.config.schema.json",
            "issuer_name": "Example Bank"}"#,
    );
    assert_eq!(issues, vec![]);
    assert_eq!(c.issuer_name.as_deref(), Some("Example Bank"));
    let (_, issues) = parse_config(r#"{"$schema": 3}"#);
    assert_eq!(fields(&issues), ["$schema"]);
}

/// The general line stands in for a card-services or fraud line the operator did not
/// set, so a plan never says "the number on the back of your card" when the host gave one.
#[test]
fn the_general_line_stands_in_where_no_specific_line_is_set() {
    use cardhelp::engine::case::Case;
    use cardhelp::engine::plan::plan;
    let contacts = |config: serde_json::Value, topic: &str| {
        let case = json!({ "today": "2026-03-02", "topic": topic, "config": config });
        let plan = plan(&Case::from_value(&case).unwrap()).unwrap();
        serde_json::to_value(plan.advice.unwrap().channels).unwrap()
    };
    let find = |channels: &serde_json::Value, id: &str| {
        channels
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap()
    };
    let general = json!({ "phones": { "general": { "number": "800.555.0142", "hours": "24/7" } } });
    let fraud = &find(
        &contacts(general.clone(), "unauthorized_charge"),
        "fraud_phone",
    );
    assert_eq!(fraud["reach"]["value"], "800.555.0142");
    assert_eq!(fraud["reach"]["href"], "tel:8005550142");
    assert_eq!(fraud["reach"]["hours"], "24/7");
    let card = &find(&contacts(general, "account_closure"), "card_services_phone");
    assert_eq!(card["reach"]["value"], "800.555.0142");
    // A specific line, when set, wins.
    let both = json!({ "phones": { "general": { "number": "800.555.0142" },
                                   "fraud": { "number": "800.555.0199" } } });
    let fraud = &find(&contacts(both, "unauthorized_charge"), "fraud_phone");
    assert_eq!(fraud["reach"]["value"], "800.555.0199");
    // Without any line, the fallback words stay.
    let fraud = &find(&contacts(json!({}), "unauthorized_charge"), "fraud_phone");
    assert!(fraud["reach"].is_null());
}
