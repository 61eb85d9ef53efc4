//! The share-link and saved-copy codec: round trips, links that replace the host's
//! anchor and keep its hash route, keys per widget, and strict refusal of anything a
//! hostile or stale link could carry.

use cardhelp::engine::calendar::IsoDate;
use cardhelp::engine::case::{Facts, PaymentMethod};
use cardhelp::engine::config::HostConfig;
use cardhelp::engine::locale::Locale;
use cardhelp::engine::plan::resolve;
use cardhelp::engine::share::{
    decode, encode, from_fragment, link, Found, SharedCase, WidgetId, FRAGMENT,
};
use cardhelp::engine::topic::Topic;

fn sample() -> SharedCase {
    let mut case = SharedCase {
        topic: Some(Topic::UnauthorizedCharge),
        locale: Locale::Es,
        checked: vec!["s0".into(), "p2".into()],
        ..SharedCase::default()
    };
    case.answers.insert("still_have_card".into(), "no".into());
    case.answers
        .insert("statement_sent".into(), "2026-02-10".into());
    case.facts.statement_closing = IsoDate::parse("2026-02-05").ok();
    case
}

#[test]
fn a_case_round_trips() {
    let case = sample();
    let encoded = encode(&case);
    assert_eq!(decode(&encoded), Ok(case));
    assert!(
        encoded.starts_with("v=1&t=unauthorized_charge&l=es&"),
        "{encoded}"
    );
    assert!(encoded.contains("a.statement_sent=2026-02-10"), "{encoded}");
    assert!(
        encoded.contains("f.statement_closing=2026-02-05"),
        "{encoded}"
    );
    assert!(encoded.ends_with("&c=s0.p2"), "{encoded}");
}

#[test]
fn a_case_without_a_topic_round_trips() {
    let case = SharedCase::default();
    assert_eq!(encode(&case), "v=1&l=en");
    assert_eq!(decode("v=1&l=en"), Ok(case));
}

#[test]
fn a_link_replaces_the_page_fragment_and_leaves_out_checked_items() {
    let url = link("https://bank.example/help?x=1#faq", &sample());
    let (page, hash) = url.split_at(url.find('#').unwrap());
    assert_eq!(page, "https://bank.example/help?x=1");
    assert!(hash.starts_with(FRAGMENT));
    let restored = from_fragment(hash).unwrap().unwrap();
    assert_eq!(
        restored,
        SharedCase {
            checked: Vec::new(),
            ..sample()
        }
    );
    assert_eq!(from_fragment("#faq"), None);
    assert_eq!(from_fragment(""), None);
}

#[test]
fn only_unreserved_characters_and_escapes_appear() {
    let encoded = encode(&sample());
    assert!(encoded
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)));
}

#[test]
fn escapes_are_read_back() {
    let case = decode("v=1&t=unauthorized_charge&a.still_have_card=%79%65s").unwrap();
    assert_eq!(
        case.answers.get("still_have_card").map(String::as_str),
        Some("yes")
    );
}

#[test]
fn a_decoded_case_always_plans() {
    let shared = decode(&encode(&sample())).unwrap();
    let case = shared.case(IsoDate::parse("2026-03-02").unwrap());
    let plan = resolve(&case, &HostConfig::default()).unwrap();
    assert_eq!(plan.deadlines[0].id, "billing_error_notice");
    assert_eq!(plan.deadlines[0].date.to_string(), "2026-04-11");
}

#[test]
fn anything_unexpected_is_refused_whole() {
    let long = format!("v=1&t=unauthorized_charge&c={}", "a.".repeat(1100));
    for bad in [
        "",
        "v=2&t=unauthorized_charge",
        "t=unauthorized_charge",
        "v=1&t=fraud",
        "v=1&l=fr",
        "v=1&x=1",
        "v=1&t=unauthorized_charge&a.made_purchase=yes",
        "v=1&t=unauthorized_charge&a.still_have_card=maybe",
        "v=1&t=unauthorized_charge&a.statement_sent=2026-02-30",
        "v=1&t=unauthorized_charge&a.statement_sent=1900-01-01",
        "v=1&a.still_have_card=yes",
        "v=1&f.statment_sent=2026-01-01",
        "v=1&f.statement_sent=2026-13-01",
        "v=1&f.cycle_closing_day=32",
        "v=1&t=unauthorized_charge&a.still_have_card=%ZZ",
        "v=1&t=unauthorized_charge&a.still_have_card=%+5",
        "v=1&t=unauthorized_charge&a.still_have_card=%E2%28",
        "v=1&t=unauthorized_charge&c=S0",
        "v=1&t=unauthorized_charge&c=s0.<b>",
        long.as_str(),
    ] {
        assert!(decode(bad).is_err(), "accepted {bad:?}");
    }
}

#[test]
fn facts_keep_their_json_types() {
    let case = decode("v=1&t=credit_reporting&f.report_dispute_info_added=false").unwrap();
    assert_eq!(
        case.facts,
        Facts {
            report_dispute_info_added: Some(false),
            ..Facts::default()
        }
    );
    let case = decode("v=1&t=payment_issue&f.payment_method=mail").unwrap();
    assert_eq!(case.facts.payment_method, Some(PaymentMethod::Mail));
}

/// A link is refused as a whole when it gives a key twice, carries checked items (the
/// device's own), names a language other than exactly `en` or `es`, or sets a fact its
/// topic never asks for; a saved copy may carry checked items.
#[test]
fn links_with_doubled_keys_checked_items_region_tags_or_unasked_facts_are_refused() {
    for bad in [
        "v=1&t=unauthorized_charge&t=billing_dispute",
        "v=1&l=en&l=es",
        "v=1&t=unauthorized_charge&a.still_have_card=yes&a.still_have_card=no",
        "v=1&t=unauthorized_charge&a.still_have_card=yes&a.still%5Fhave_card=no",
        "v=1&t=unauthorized_charge&f.statement_sent=2026-01-01&f.statement_sent=2026-01-02",
        "v=1&t=unauthorized_charge&c=s0",
        "v=1&l=es-MX",
        "v=1&l=EN",
        "v=1&l=es_ES",
        "v=1&f.statement_sent=2026-01-01",
        "v=1&t=unauthorized_charge&f.due_date=2026-01-10",
        "v=1&t=account_service&f.due_date=2026-01-01",
    ] {
        let link = format!("{FRAGMENT}{bad}");
        assert!(
            matches!(from_fragment(&link), Some(Err(_))),
            "accepted {bad:?}"
        );
    }
    let saved = decode("v=1&t=unauthorized_charge&l=es&c=s0.p2").unwrap();
    assert_eq!(saved.checked, ["s0", "p2"]);
    assert_eq!(saved.locale, Locale::Es);
}

/// A fact the case holds for another topic (the cardholder went back and switched) is
/// left out of the link rather than making it unreadable.
#[test]
fn facts_of_another_topic_are_left_out_of_a_link() {
    let mut case = sample();
    case.topic = Some(Topic::AccountService);
    case.answers = Default::default();
    let url = link("https://bank.example/help", &case);
    assert!(!url.contains("f."), "{url}");
    assert!(from_fragment(&url[url.find('#').unwrap()..])
        .unwrap()
        .is_ok());
}

/// The sample as a link carries it: without checked items.
fn linked() -> SharedCase {
    SharedCase {
        checked: Vec::new(),
        ..sample()
    }
}

#[test]
fn each_widget_has_its_own_storage_key_and_one_without_an_id_keeps_cardhelp() {
    assert_eq!(WidgetId::default().storage_key(), "cardhelp");
    assert_eq!(WidgetId::new("").storage_key(), "cardhelp");
    assert_eq!(WidgetId::new("  ").storage_key(), "cardhelp");
    assert_eq!(WidgetId::new("first").storage_key(), "cardhelp.first");
    assert_eq!(WidgetId::new("help-2").storage_key(), "cardhelp.help-2");
}

/// Two widgets on one page: each opens only the link its own element made.
#[test]
fn a_link_opens_only_in_the_widget_whose_id_made_it() {
    let (first, second, plain) = (
        WidgetId::new("first"),
        WidgetId::new("second"),
        WidgetId::default(),
    );
    let url = first.link("https://bank.example/help#faq", &sample());
    let hash = &url[url.find('#').unwrap()..];
    assert!(
        hash.starts_with("#cardhelp.first=v=1&t=unauthorized_charge&"),
        "{hash}"
    );
    let found = first.find(hash).unwrap();
    assert_eq!(
        found,
        Found {
            case: Ok(linked()),
            rest: String::new()
        }
    );
    assert_eq!(second.find(hash), None);
    assert_eq!(plain.find(hash), None);
    assert_eq!(from_fragment(hash), None);

    // A widget without an id makes and reads the links it always did.
    let url = plain.link("https://bank.example/help", &sample());
    assert_eq!(url, link("https://bank.example/help", &sample()));
    assert!(url.contains(FRAGMENT), "{url}");
    assert_eq!(first.find(&url[url.find('#').unwrap()..]), None);
}

#[test]
fn any_id_makes_a_link_that_reads_back() {
    for id in ["a b", "é", "x=y&z", "cardhelp", "1", "a.b", "#?/"] {
        let widget = WidgetId::new(id);
        for page in [
            "https://bank.example/help",
            "https://bank.example/app#/cards/help?tab=2",
        ] {
            let url = widget.link(page, &sample());
            let hash = &url[url.find('#').unwrap()..];
            assert_eq!(
                widget.find(hash).map(|f| f.case),
                Some(Ok(linked())),
                "{id} {url}"
            );
            assert_eq!(WidgetId::new("a").find(hash), None, "{id} {url}");
            assert_eq!(from_fragment(hash), None, "{id} {url}");
        }
    }
}

/// A site routed by its fragment (`#/cards/help`) keeps its route: the case follows it as
/// one query parameter, and reading it gives back the route without it.
#[test]
fn a_link_keeps_the_hosts_hash_route() {
    let plain = WidgetId::default();
    for (page, route, kept) in [
        (
            "https://bank.example/app#/cards/help",
            "#/cards/help?cardhelp=",
            "/cards/help",
        ),
        (
            "https://bank.example/app#/cards/help?tab=2",
            "#/cards/help?tab=2&cardhelp=",
            "/cards/help?tab=2",
        ),
        (
            "https://bank.example/app#/cards/help?",
            "#/cards/help?cardhelp=",
            "/cards/help",
        ),
        (
            "https://bank.example/app#!/help",
            "#!/help?cardhelp=",
            "!/help",
        ),
    ] {
        let url = plain.link(page, &sample());
        let hash = &url[url.find('#').unwrap()..];
        assert!(
            hash.starts_with(&format!("{route}v%3D1%26t%3Dunauthorized_charge%26")),
            "{url}"
        );
        // One parameter to the router: its own separators are escaped.
        let param = &hash[route.len()..];
        assert!(!param.contains(['&', '=', '?', '#']), "{param}");
        let found = plain.find(hash).unwrap();
        assert_eq!(
            found,
            Found {
                case: Ok(linked()),
                rest: kept.to_owned()
            },
            "{url}"
        );
        // A link made again from the opened page carries the case once.
        assert_eq!(plain.link(&url, &sample()), url);
    }
}

/// Two widgets' cases in one route: each reads its own and leaves the other's in place.
#[test]
fn each_widget_takes_only_its_own_part_of_a_route() {
    let (first, second) = (WidgetId::new("first"), WidgetId::new("second"));
    let url = first.link("https://bank.example/app#/help?tab=2", &sample());
    let url = second.link(&url, &sample());
    let hash = &url[url.find('#').unwrap()..];
    let found = first.find(hash).unwrap();
    assert_eq!(found.case, Ok(linked()));
    assert!(
        found.rest.starts_with("/help?tab=2&cardhelp.second=v%3D1"),
        "{}",
        found.rest
    );
    let found = second.find(&found.rest).unwrap();
    assert_eq!(
        found,
        Found {
            case: Ok(linked()),
            rest: "/help?tab=2".to_owned()
        }
    );
}

/// A damaged case in a route is refused whole, and still taken out of the route.
#[test]
fn a_damaged_case_in_a_route_is_refused_and_taken_out() {
    let plain = WidgetId::default();
    for bad in [
        "v%3D1%26t%3Dnonsense",
        "%ZZ",
        "v%3D2%26t%3Dunauthorized_charge",
        &"%41".repeat(7000),
    ] {
        let found = plain.find(&format!("#/help?cardhelp={bad}&tab=2")).unwrap();
        assert!(found.case.is_err(), "accepted {bad:?}");
        assert_eq!(found.rest, "/help?tab=2");
    }
    assert_eq!(plain.find("#/help?tab=2"), None);
    assert_eq!(plain.find("#/help?xcardhelp=v%3D1"), None);
    // Another page's anchor is no case, and a link replaces it.
    assert_eq!(plain.find("#faq?cardhelp"), None);
}
