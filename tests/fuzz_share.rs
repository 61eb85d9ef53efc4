//! Hostile share links and saved copies: the decoder never panics, and whatever it accepts
//! round-trips and plans. (Long run: `PROPTEST_CASES=200000 cargo test --release --test fuzz_share`.)

use cardhelp::engine::calendar::IsoDate;
use cardhelp::engine::config::HostConfig;
use cardhelp::engine::plan::resolve;
use cardhelp::engine::share::{decode, encode, from_fragment, WidgetId};
use proptest::prelude::*;

/// Strings shaped like the link format (`v=1&t=...&a.<q>=...&f.<fact>=...`), with hostile
/// keys and values, escapes and separators.
fn link_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("v".to_owned()),
        Just("t".to_owned()),
        Just("l".to_owned()),
        Just("c".to_owned()),
        "a\\.[a-z_]{0,20}",
        "f\\.[a-z_]{0,24}",
        any::<String>(),
    ];
    let value = prop_oneof![
        Just("1".to_owned()),
        Just("unauthorized_charge".to_owned()),
        Just("es".to_owned()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "(%[0-9A-Fa-f]{0,2}|[a-z0-9_.~-]){0,12}",
        any::<String>(),
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #[test]
    fn arbitrary_fragments_never_panic(s in any::<String>(), id in any::<String>()) {
        let _ = from_fragment(&s);
        let _ = decode(&s);
        let widget = WidgetId::new(&id);
        let _ = widget.find(&s);
        let _ = widget.find(&format!("/route?{s}"));
    }

    /// Whatever the decoder accepts encodes back to something it reads the same way, and
    /// always gives a plan (the widget restores it without a second check).
    #[test]
    fn accepted_links_round_trip_and_plan(s in link_like()) {
        if let Ok(shared) = decode(&s) {
            let again = decode(&encode(&shared));
            prop_assert_eq!(again.as_ref(), Ok(&shared));
            let case = shared.case(IsoDate::parse("2026-03-02").unwrap());
            prop_assert!(resolve(&case, &HostConfig::default()).is_ok());
        }
    }
}
