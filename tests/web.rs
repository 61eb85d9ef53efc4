//! Component tests in headless Chromium (wasm-bindgen-test). Plain `cargo test` skips this file.
//!
//! Each test mounts a widget through the embed layer, exactly as the `<card-help>` element
//! does, with `today` pinned, then taps and types the way a cardholder would.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use cardhelp::embed::Widget;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const CONFIG: &str = r#"{"issuer_name":"Northwind Bank",
    "phones":{"fraud":{"number":"(800) 555-0199","hours":"24/7"}},
    "billing_error_address":"Billing Inquiries\nPO Box 100\nWilmington, DE 19850"}"#;

/// A mounted widget, the element it lives in, and every event it reported.
struct Mounted {
    root: Element,
    /// Taken when the widget is destroyed.
    widget: Option<Widget>,
    events: Rc<RefCell<Vec<(String, String)>>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(widget) = self.widget.take() {
            widget.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    fn widget(&mut self) -> &mut Widget {
        self.widget.as_mut().expect("the widget is mounted")
    }

    /// Names of the events so far, e.g. `cardhelp:plan`.
    fn event_names(&self) -> Vec<String> {
        self.events
            .borrow()
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// The detail (as JSON) of the last event named `name`.
    fn last(&self, name: &str) -> String {
        self.events
            .borrow()
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .unwrap_or_else(|| panic!("no {name} event in {:?}", self.event_names()))
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} is not rendered"))
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    fn all_text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// The button (or link) whose text contains `label`.
    fn button(&self, label: &str) -> HtmlElement {
        let buttons = self.root.query_selector_all("button, a").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .find(|b| b.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("no button \"{label}\""))
    }

    async fn tap(&self, label: &str) {
        self.button(label).click();
        settle().await;
    }

    /// Types `value` into the field, as an `input` event reports it.
    async fn type_into(&self, selector: &str, value: &str) {
        let field = self.get(selector);
        js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
        let event = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap();
        field.dispatch_event(&event).unwrap();
        settle().await;
    }

    fn checked(&self, selector: &str) -> bool {
        self.get(selector)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .checked()
    }
}

/// Mounts a widget with these options (`today` is added when missing).
async fn mount(options: &str) -> Mounted {
    mount_value(js_sys::JSON::parse(options).unwrap()).await
}

/// [`mount`] with the options as a JS value, for what JSON text cannot hold.
async fn mount_value(options: JsValue) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let record = {
        let events = events.clone();
        Closure::<dyn Fn(String, JsValue)>::new(move |name: String, detail: JsValue| {
            let detail = js_sys::JSON::stringify(&detail).map_or(String::new(), String::from);
            events.borrow_mut().push((name, detail));
        })
    };
    if js_sys::Reflect::get(&options, &"today".into())
        .unwrap()
        .is_undefined()
    {
        js_sys::Reflect::set(&options, &"today".into(), &"2026-03-02".into()).unwrap();
    }
    let widget = cardhelp::embed::mount(
        root.clone(),
        options,
        record.into_js_value().unchecked_into(),
    );
    settle().await;
    Mounted {
        root,
        widget: Some(widget),
        events,
    }
}

fn with_config(extra: &str) -> String {
    let config = js_sys::JSON::stringify(&JsValue::from_str(CONFIG)).unwrap();
    format!(r#"{{"config":{}{extra}}}"#, String::from(config))
}

/// Yew renders asynchronously: yield so pending renders and effects land.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn active_text() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Unauthorized charge, card still in hand, statement sent February 10, the charge's date
/// and "already sent a dispute?" skipped: through to the plan.
async fn walk_to_plan(w: &Mounted) {
    w.tap("A charge I didn't make").await;
    w.tap("Yes").await;
    w.type_into("#ch-q-date", "2026-02-10").await;
    w.tap("Continue").await;
    w.tap("Skip").await;
    w.tap("Skip").await;
}

#[wasm_bindgen_test]
async fn the_start_step_offers_the_hosts_topics_in_its_order() {
    let w =
        mount(r#"{"locale":"en","config":{"topics":["identity_theft","unauthorized_charge"]}}"#)
            .await;
    assert_eq!(w.text("#ch-title"), "Get help with your card");
    assert_eq!(w.text("label[for=ch-story]"), "Tell us what happened");
    let tiles = w.root.query_selector_all(".ch-tile strong").unwrap();
    let titles: Vec<String> = (0..tiles.length())
        .map(|i| tiles.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(titles, ["Identity theft", "A charge I didn't make"]);
    assert_eq!(w.event_names(), ["cardhelp:ready"]);
    assert_eq!(
        w.last("cardhelp:ready"),
        format!(
            r#"{{"type":"ready","locale":"en","version":"{}"}}"#,
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(w.find(".ch-config-issues").is_none());
}

#[wasm_bindgen_test]
async fn typed_words_suggest_topics_with_the_words_behind_them() {
    let w = mount(r#"{"locale":"en"}"#).await;
    w.type_into("#ch-story", "someone used my card without asking")
        .await;
    let suggested = w.text(".ch-suggest");
    assert!(suggested.contains("This sounds like:"), "{suggested}");
    assert!(suggested.contains("Because you wrote:"), "{suggested}");
    assert!(suggested.contains("card"), "{suggested}");
    let first = w.get(".ch-suggestions button");
    assert_eq!(first.text_content().unwrap(), "A charge I didn't make");
    assert_eq!(
        w.text(".ch-step .ch-sr"),
        "This sounds like: A charge I didn't make"
    );
    first.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(
        w.last("cardhelp:topic"),
        r#"{"type":"topic","topic":"unauthorized_charge","source":"text"}"#
    );
    assert_eq!(w.text("#ch-q-text"), "Do you still have the card?");
    let events = w.events.borrow();
    assert!(
        events.iter().all(|(_, d)| !d.contains("without asking")),
        "the cardholder's words never leave"
    );
}

#[wasm_bindgen_test]
async fn unclear_words_point_to_the_tiles_instead_of_guessing() {
    let w = mount(r#"{"locale":"en"}"#).await;
    w.type_into("#ch-story", "hello").await;
    assert!(w.find(".ch-suggestions").is_none());
    let unsure =
        "We can't tell yet what this is about. Add a few words, or choose the closest topic below.";
    assert_eq!(w.text(".ch-suggest"), unsure);
    assert_eq!(w.text(".ch-step .ch-sr"), unsure);
    // A clear reading of a topic the host does not offer is no use either.
    let w = mount(r#"{"config":{"topics":["billing_dispute","hardship"]}}"#).await;
    w.type_into("#ch-story", "someone used my card without asking")
        .await;
    assert!(w.find(".ch-suggestions").is_none());
    assert_eq!(w.text(".ch-suggest"), unsure);
    w.type_into("#ch-story", "me").await;
    assert!(w.find(".ch-suggest").is_none(), "too short to read");
}

#[wasm_bindgen_test]
async fn a_tile_leads_to_the_topics_questions_with_focus_on_the_new_heading() {
    let w = mount("{}").await;
    w.tap("A charge I didn't make").await;
    assert_eq!(
        w.last("cardhelp:topic"),
        r#"{"type":"topic","topic":"unauthorized_charge","source":"tile"}"#
    );
    assert_eq!(w.text(".ch-progress"), "Question 1 of 5");
    assert_eq!(w.text("#ch-q-text"), "Do you still have the card?");
    // The heading that takes the focus says where the question is in the list.
    assert_eq!(active_text(), "Do you still have the card? Question 1 of 5");
    let options = w.root.query_selector_all(".ch-options button").unwrap();
    assert_eq!(options.length(), 2);
    w.tap("No").await;
    assert_eq!(w.text(".ch-progress"), "Question 2 of 5");
    assert_eq!(w.get("input[type=date]").id(), "ch-q-date");
    assert_eq!(w.text("label[for=ch-q-date]"), w.text("#ch-q-text"));
}

#[wasm_bindgen_test]
async fn an_impossible_date_is_refused_with_an_error_tied_to_the_field() {
    let w = mount("{}").await;
    w.tap("A charge I didn't make").await;
    w.tap("Yes").await;
    w.type_into("#ch-q-date", "1900-01-01").await;
    w.tap("Continue").await;
    let field = w.get("#ch-q-date");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = field.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id == "ch-q-err"),
        "{described}"
    );
    assert_eq!(
        w.text("#ch-q-err").trim(),
        "Enter a real date between 1990 and 2100."
    );
    assert_eq!(
        w.text(".ch-progress"),
        "Question 2 of 5",
        "it stays on the question"
    );

    // Refused again, said again: the alert's text changes.
    let first = w.text("#ch-q-err");
    w.tap("Continue").await;
    assert_eq!(w.text("#ch-q-err").trim(), first.trim());
    assert_ne!(
        w.text("#ch-q-err"),
        first,
        "the alert changes, so it speaks again"
    );
    assert_eq!(
        w.get("#ch-q-err").get_attribute("role").as_deref(),
        Some("alert")
    );

    w.type_into("#ch-q-date", "2026-02-10").await;
    assert_eq!(w.text("#ch-q-err").trim(), "", "typing clears the error");
    let described = w.get("#ch-q-date").get_attribute("aria-describedby");
    assert_eq!(described.as_deref(), Some("ch-q-help"));
    w.tap("Continue").await;
    // With the sent date known, the closing date is no longer asked.
    assert_eq!(w.text(".ch-progress"), "Question 3 of 4");
    assert_eq!(w.text("#ch-q-text"), "What date was the charge made?");
}

#[wasm_bindgen_test]
async fn back_always_works_and_keeps_the_answers() {
    let w = mount("{}").await;
    w.tap("A charge I didn't make").await;
    w.tap("No").await;
    w.type_into("#ch-q-date", "2026-02-10").await;
    w.tap("Continue").await;
    w.tap("Back").await;
    assert_eq!(
        w.get("#ch-q-date")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "2026-02-10"
    );
    w.tap("Back").await;
    assert_eq!(
        w.button("No").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        w.button("Yes").get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    w.tap("Back").await;
    assert!(w.find("#ch-story").is_some(), "back at the start");
    w.tap("A charge I didn't make").await;
    w.tap("No").await;
    w.tap("Continue").await;
    w.tap("Skip").await;
    w.tap("Skip").await;
    assert!(
        w.all_text().contains("February 10, 2026"),
        "the date is still there"
    );
}

#[wasm_bindgen_test]
async fn the_plan_shows_urgency_channels_and_every_deadline() {
    let w = mount(&with_config("")).await;
    w.tap("A charge I didn't make").await;
    w.tap("No").await;
    w.type_into("#ch-q-date", "2026-02-10").await;
    w.tap("Continue").await;
    w.tap("Skip").await;
    w.tap("Skip").await;

    assert_eq!(w.text(".ch-step-h"), "Your plan");
    assert_eq!(w.text(".ch-urgency-label"), "Act today");
    assert!(w
        .text(".ch-urgency")
        .contains("Cancel it before more charges go through."));
    let call = w.get(".ch-now a.ch-btn");
    assert_eq!(
        call.get_attribute("href").as_deref(),
        Some("tel:8005550199")
    );
    assert_eq!(call.text_content().unwrap(), "Fraud line(800) 555-0199");
    assert!(w.text(".ch-now").contains("Hours: 24/7"));
    // The app is not configured: its fallback words show, with no link.
    let others = w.text(".ch-channels");
    assert!(
        others.contains("Open your card issuer's official app."),
        "{others}"
    );
    assert!(others.contains("PO Box 100"));

    let deadline = w.text(".ch-dl");
    for part in [
        "April 11, 2026",
        "40 days left",
        "Who: You",
        "Mail by April 3, 2026 (32 days left)",
        "This date is a Saturday",
        "How it's counted: 60 calendar days after the start date",
        "Counted from: Statement sent: February 10, 2026",
        "Regulation Z, section 1026.13(b)(1) (12 CFR 1026.13(b)(1)); Fair Credit Billing Act, 15 U.S.C. section 1666(a) (15 USC 1666(a))",
        "transmitted the first periodic statement that reflects the alleged billing error",
        "(checked December 3, 2026)",
    ] {
        assert!(deadline.contains(part), "{part} missing from {deadline}");
    }
    assert_eq!(
        w.get(".ch-dl a").get_attribute("href").as_deref(),
        Some("https://www.ecfr.gov/current/title-12/section-1026.13")
    );
    let law = w.get(".ch-dl a.ch-cite");
    assert_eq!(
        law.get_attribute("aria-label").as_deref(),
        Some("Regulation Z, section 1026.13(b)(1), opens in a new tab")
    );
    assert_eq!(law.get_attribute("target").as_deref(), Some("_blank"));
    assert!(w.text(".ch-disclaimer").contains("not legal advice"));
    // The focused heading says the plan is here; no status note repeats it.
    assert_eq!(w.text(".ch-status").trim(), "");
    assert_eq!(
        w.last("cardhelp:plan"),
        r#"{"type":"plan","topic":"unauthorized_charge","urgency":"urgent","deadline_ids":["billing_error_notice"]}"#
    );
}

#[wasm_bindgen_test]
async fn the_urgency_box_holds_the_next_step_its_door_and_its_date_with_the_counting_one_tap_away()
{
    let w = mount(&with_config("")).await;
    w.tap("A charge I didn't make").await;
    w.tap("No").await;
    w.type_into("#ch-q-date", "2026-02-10").await;
    w.tap("Continue").await;
    w.tap("Skip").await;
    w.tap("Skip").await;

    // A lost card: call first; the notice's date stays beside it, with what it means.
    let next = w.text(".ch-urgency .ch-next");
    for part in [
        "Next: Call the fraud line now.",
        "Where: Fraud line",
        "April 11, 2026 · 40 days left",
        "Last day for the card company to receive your written dispute",
        "Who: You",
        "Mail by April 3, 2026 (32 days left)",
        "This date is a Saturday",
    ] {
        assert!(next.contains(part), "{part} missing from {next}");
    }
    // How it was counted and the law's words are there, behind a closed disclosure.
    let more = w.get(".ch-next details");
    assert!(!more.has_attribute("open"));
    assert_eq!(
        w.text(".ch-next details summary"),
        "How this date is counted"
    );
    for part in [
        "How it's counted: 60 calendar days after the start date",
        "Counted from: Statement sent: February 10, 2026",
        "our advice, not a legal rule",
        "Regulation Z, section 1026.13(b)(1)",
    ] {
        assert!(
            more.text_content().unwrap().contains(part),
            "{part} missing from the disclosure"
        );
    }
    w.tap("Español").await;
    assert!(w
        .text(".ch-urgency .ch-next")
        .contains("Lo siguiente: Llame ya a la línea de fraude."));
    assert!(w
        .text(".ch-urgency .ch-next")
        .contains("Dónde: Línea de fraude"));
    assert_eq!(
        w.get(".ch-next a.ch-cite")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Reglamento Z, sección 1026.13(b)(1), se abre en una pestaña nueva")
    );
}

#[wasm_bindgen_test]
async fn estimates_and_passed_deadlines_are_marked() {
    let w = mount(r#"{"today":"2026-05-01"}"#).await;
    w.tap("A charge I didn't make").await;
    w.tap("Yes").await;
    w.tap("Skip").await;
    w.type_into("#ch-q-date", "2026-02-05").await;
    w.tap("Continue").await;
    w.tap("Skip").await;
    w.tap("Skip").await;
    let deadline = w.text(".ch-dl");
    assert!(deadline.contains("Passed"), "{deadline}");
    assert!(deadline.contains("Estimate"), "{deadline}");
    assert!(deadline.contains("closing date"), "{deadline}");
    assert!(w.find(".ch-dl[data-passed]").is_some());
    assert!(
        !w.all_text().contains("(.ics)"),
        "no calendar file without a date ahead"
    );
}

#[wasm_bindgen_test]
async fn the_letter_is_prefilled_and_marks_what_is_still_blank() {
    let w = mount(&with_config("")).await;
    walk_to_plan(&w).await;
    // One tap away, so the plan stays short on a phone.
    let folded = w.get(".ch-takeaway details");
    assert!(!folded.has_attribute("open"));
    assert_eq!(w.text(".ch-takeaway summary"), "Write your letter");
    assert!(folded.query_selector(".ch-letter").unwrap().is_some());
    let letter = w.text(".ch-letter-text");
    assert!(letter.contains("[your full name]"), "{letter}");
    assert!(letter.contains("Northwind Bank\nBilling Inquiries\nPO Box 100"));
    assert!(letter.contains("statement dated February 10, 2026"));
    assert!(letter.contains("I did not make or authorize this charge."));
    assert!(w.text(".ch-missing").contains("Your full name"));

    w.type_into("#ch-f-name", "Ana Rivera").await;
    assert!(w.text(".ch-letter-text").contains("Ana Rivera"));
    assert!(!w.text(".ch-missing").contains("Your full name"));

    w.type_into("#ch-f-last4", "12345").await;
    let field = w.get("#ch-f-last4");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        field.get_attribute("aria-describedby").as_deref(),
        Some("ch-f-last4-err")
    );
    assert_eq!(
        w.text("#ch-f-last4-err"),
        "Enter only the last 4 digits of your card number."
    );
    assert!(w
        .text(".ch-letter-text")
        .contains("[last 4 digits of your card number]"));
    w.type_into("#ch-f-last4", "4321").await;
    assert!(w.find("#ch-f-last4-err").is_none());
    assert!(w.text(".ch-letter-text").contains("account ending in 4321"));

    let events = w.events.borrow();
    let leaked = events
        .iter()
        .find(|(_, d)| d.contains("Ana") || d.contains("4321"));
    assert_eq!(leaked, None, "events carry ids only");
}

#[wasm_bindgen_test]
async fn switching_language_keeps_the_answers() {
    let w = mount(r#"{"locale":"en"}"#).await;
    w.tap("A charge I didn't make").await;
    w.tap("Yes").await;
    w.tap("Back").await;
    w.tap("Español").await;
    assert_eq!(w.text("#ch-title"), "Ayuda con su tarjeta");
    assert_eq!(w.text("#ch-q-text"), "¿Todavía tiene la tarjeta?");
    assert_eq!(
        w.button("Sí").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        w.get("section").get_attribute("lang").as_deref(),
        Some("es")
    );
    assert_eq!(
        w.last("cardhelp:locale"),
        r#"{"type":"locale","locale":"es"}"#
    );
    w.tap("Sí").await;
    w.type_into("#ch-q-date", "2026-02-10").await;
    w.tap("Continuar").await;
    w.tap("Omitir").await;
    w.tap("Omitir").await;
    assert_eq!(w.text(".ch-step-h"), "Su plan");
    assert!(w.text(".ch-dl").contains("11 de abril de 2026"));
    w.tap("English").await;
    assert!(w.text(".ch-dl").contains("April 11, 2026"));
}

#[wasm_bindgen_test]
async fn the_widget_follows_the_hosts_language_and_topic_later() {
    let mut w = mount(r#"{"locale":"en"}"#).await;
    w.widget()
        .update(js_sys::JSON::parse(r#"{"locale":"es","today":"2026-03-02"}"#).unwrap());
    settle().await;
    assert_eq!(w.text("#ch-title"), "Ayuda con su tarjeta");
    w.widget().update(
        js_sys::JSON::parse(r#"{"locale":"es","topic":"hardship","today":"2026-03-02"}"#).unwrap(),
    );
    settle().await;
    assert_eq!(w.text("#ch-q-text"), "¿Cómo va con sus pagos?");
    assert_eq!(
        w.last("cardhelp:topic"),
        r#"{"type":"topic","topic":"hardship","source":"host"}"#
    );
}

#[wasm_bindgen_test]
async fn a_bad_config_set_later_is_reported_to_the_host() {
    let mut w = mount("{}").await;
    assert!(!w.event_names().contains(&"cardhelp:error".to_string()));
    w.widget()
        .update(js_sys::JSON::parse(r#"{"config":{"phones":42}}"#).unwrap());
    settle().await;
    assert_eq!(
        w.last("cardhelp:error"),
        r#"{"type":"error","code":"config","problems":[{"field":"phones","message":"expected an object, found a number"}]}"#
    );
}

#[wasm_bindgen_test]
async fn a_bad_language_or_date_attribute_is_reported_not_ignored() {
    let w = mount(r#"{"locale":"fr","today":"2026-02-30","debug":true}"#).await;
    let panel = w.text(".ch-config-issues");
    assert!(panel.contains("locale: unknown language 'fr'"), "{panel}");
    assert!(panel.contains("today: "), "{panel}");
    assert_eq!(
        w.text("#ch-title"),
        "Get help with your card",
        "the default language is used"
    );
    let blank = mount(r#"{"locale":" ","today":"","topic":"","debug":true}"#).await;
    assert!(
        blank.find(".ch-config-issues").is_none(),
        "blank means unset"
    );
    assert!(
        blank.find("#ch-story").is_some(),
        "no topic: the start step"
    );
    assert!(!blank.event_names().contains(&"cardhelp:error".to_string()));
}

#[wasm_bindgen_test]
async fn a_preselected_topic_skips_the_start() {
    let w = mount(r#"{"topic":"account_service"}"#).await;
    assert_eq!(w.text("#ch-q-text"), "What do you need?");
    assert!(w.event_names().contains(&"cardhelp:topic".to_string()));
}

#[wasm_bindgen_test]
async fn no_dates_yet_is_said_only_where_date_questions_can_date_something() {
    // Changing an address dates nothing: no dates section, no "answer the date questions".
    let w = mount(r#"{"topic":"account_service"}"#).await;
    w.tap("Update my address, phone or name").await;
    assert_eq!(w.text(".ch-step-h"), "Your plan");
    assert!(!w.all_text().contains("No dates yet"));
    assert!(!w.all_text().contains("Your dates"));
    // A charge not made, with its dates skipped: the dates are still to come.
    let w = mount(r#"{"topic":"unauthorized_charge"}"#).await;
    w.tap("Yes").await;
    for _ in 0..4 {
        if w.text(".ch-step-h") == "Your plan" {
            break;
        }
        w.tap("Skip").await;
    }
    assert!(w.all_text().contains("No dates yet"));
}

#[wasm_bindgen_test]
async fn nothing_is_stored_until_the_cardholder_saves_and_forget_removes_it() {
    storage().clear().unwrap();
    {
        let w = mount("{}").await;
        walk_to_plan(&w).await;
        assert_eq!(
            storage().length().unwrap(),
            0,
            "nothing stored before saving"
        );

        w.tap("Save on this device").await;
        let saved = storage().get_item("cardhelp").unwrap().unwrap();
        assert!(saved.contains("t=unauthorized_charge"), "{saved}");
        assert!(saved.contains("a.statement_sent=2026-02-10"), "{saved}");
        assert_eq!(
            w.last("cardhelp:storage"),
            r#"{"type":"storage","saved":true}"#
        );
        assert!(w.text(".ch-saved").contains("Saved on this device."));

        w.get("#ch-s1").dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
        let saved = storage().get_item("cardhelp").unwrap().unwrap();
        assert!(saved.ends_with("&c=s1"), "checked steps are kept: {saved}");
        w.type_into("#ch-f-name", "Ana Rivera").await;
        let saved = storage().get_item("cardhelp").unwrap().unwrap();
        assert!(!saved.contains("Ana"), "letter details are never stored");
    }
    {
        let w = mount("{}").await;
        assert_eq!(w.text(".ch-step-h"), "Your plan", "the saved case opens");
        assert!(w.checked("#ch-s1"));
        assert!(!w.checked("#ch-s0"));
        assert_eq!(w.text(".ch-status"), "Your saved plan is back.");
        ask(&w, ".ch-saved").await;
        w.tap("Yes, forget it").await;
        assert_eq!(storage().length().unwrap(), 0);
        assert!(w.find("#ch-story").is_some(), "back at the start");
        assert_eq!(
            w.last("cardhelp:storage"),
            r#"{"type":"storage","saved":false}"#
        );
    }
    let w = mount("{}").await;
    assert!(w.find("#ch-story").is_some(), "nothing comes back");
}

#[wasm_bindgen_test]
async fn starting_over_removes_the_saved_copy_of_the_case() {
    storage().clear().unwrap();
    let w = mount("{}").await;
    walk_to_plan(&w).await;
    w.tap("Save on this device").await;
    assert!(storage().get_item("cardhelp").unwrap().is_some());
    ask(&w, ".ch-nav").await;
    w.tap("Yes, start over").await;
    assert_eq!(storage().length().unwrap(), 0);
    assert_eq!(
        w.last("cardhelp:storage"),
        r#"{"type":"storage","saved":false}"#
    );
    walk_to_plan(&w).await;
    assert_eq!(
        storage().length().unwrap(),
        0,
        "nothing stored until saved again"
    );
}

#[wasm_bindgen_test]
async fn a_share_link_opens_the_same_plan_and_a_bad_one_is_reported() {
    storage().clear().unwrap();
    let history = web_sys::window().unwrap().history().unwrap();
    let link = {
        let w = mount("{}").await;
        walk_to_plan(&w).await;
        w.tap("Get a link to this plan").await;
        assert_eq!(w.last("cardhelp:share"), r#"{"type":"share"}"#);
        let link = w
            .get("#ch-link")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value();
        // A link carries its language: switching drops it, to be made again.
        w.tap("Español").await;
        assert!(w.find("#ch-link").is_none(), "the English link went stale");
        link
    };
    let hash = &link[link.find('#').unwrap()..];
    assert!(
        hash.starts_with("#cardhelp=v=1&t=unauthorized_charge"),
        "{hash}"
    );

    history
        .replace_state_with_url(&JsValue::NULL, "", Some(hash))
        .unwrap();
    {
        let w = mount("{}").await;
        assert_eq!(w.text(".ch-step-h"), "Your plan");
        assert!(w.text(".ch-dl").contains("April 11, 2026"));
        assert!(w.event_names().contains(&"cardhelp:plan".to_string()));
    }
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("#cardhelp=v=1&t=nonsense"))
        .unwrap();
    {
        let w = mount("{}").await;
        assert!(w.find("#ch-story").is_some());
        assert_eq!(
            w.text(".ch-status"),
            "This link couldn't be opened. Start here instead."
        );
        assert!(
            w.find(".ch-status[data-shown]").is_some(),
            "sighted cardholders see it too"
        );
        assert_eq!(
            w.last("cardhelp:error"),
            r#"{"type":"error","code":"share"}"#
        );
    }
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("#"))
        .unwrap();
    assert_eq!(
        storage().length().unwrap(),
        0,
        "opening a link stores nothing"
    );
}

/// The `cardhelp:plan` event names exactly the deadlines of the plan on screen, in its
/// order: the plan the engine resolves for the same case.
#[wasm_bindgen_test]
async fn the_plan_events_deadline_ids_are_the_plans_own() {
    storage().clear().unwrap();
    let encoded = "v=1&t=billing_dispute&l=en&a.made_purchase=yes&a.statement_sent=2026-01-15\
        &a.notice_sent=yes&a.notice_received=2026-02-03";
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("#cardhelp={encoded}")))
        .unwrap();
    let w = mount(&with_config("")).await;
    let case = cardhelp::engine::share::decode(encoded).unwrap();
    let today = cardhelp::engine::calendar::IsoDate::parse("2026-03-02").unwrap();
    let config = cardhelp::engine::config::parse_config(CONFIG).0;
    let plan = cardhelp::engine::plan::resolve(&case.case(today), &config).unwrap();
    let ids: Vec<&str> = plan.deadlines.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let detail: serde_json::Value = serde_json::from_str(&w.last("cardhelp:plan")).unwrap();
    assert_eq!(detail["deadline_ids"], serde_json::json!(ids));
    let shown = w.root.query_selector_all(".ch-dl").unwrap().length();
    assert_eq!(shown as usize, ids.len());
    assert!(w
        .text(".ch-dl")
        .contains(&plan.deadlines[0].date.long(plan.locale)));
}

#[wasm_bindgen_test]
async fn config_mistakes_are_listed_for_the_operator_and_the_widget_keeps_working() {
    let w = mount(
        r#"{"config":{"phones":{"fraud":{"number":"1-800-FLOWERS"}},"colour":"red"},"debug":true}"#,
    )
    .await;
    let panel = w.text(".ch-config-issues");
    assert!(
        panel.contains("Setup problems (for the site owner)"),
        "{panel}"
    );
    assert!(panel.contains("phones.fraud.number"), "{panel}");
    assert!(panel.contains("colour"), "{panel}");
    assert!(w
        .last("cardhelp:error")
        .starts_with(r#"{"type":"error","code":"config","problems":[{"field":"colour","#));
    w.tap("A charge I didn't make").await;
    assert_eq!(w.text(".ch-progress"), "Question 1 of 5");
}

#[wasm_bindgen_test]
async fn options_of_the_wrong_type_fall_back_and_a_config_that_is_not_json_is_reported() {
    let options = js_sys::Function::new_no_args(
        "return { locale: 5, topic: null, config: { topics: () => ['hardship'] }, debug: true };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let w = mount_value(options).await;
    assert_eq!(w.get(".ch").get_attribute("lang").as_deref(), Some("en"));
    assert!(w.find("#ch-story").is_some(), "the start step still shows");
    assert!(w.text(".ch-config-issues").contains("not plain JSON data"));
    assert!(w.last("cardhelp:error").contains(
        r#""code":"config","problems":[{"field":"config","message":"not plain JSON data"#
    ));
}

// --- Feedback beside the control, confirmations, the printed date, links and hours in words ---

/// Taps the Start over or Forget this control inside `within`: it opens its question.
async fn ask(w: &Mounted, within: &str) {
    let control = w.get(&format!("{within} .ch-confirm summary"));
    control.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

#[wasm_bindgen_test]
async fn start_over_asks_once_and_tapping_it_again_keeps_the_plan() {
    storage().clear().unwrap();
    let w = mount("{}").await;
    walk_to_plan(&w).await;
    assert!(w.find(".ch-nav .ch-confirm[open]").is_none());
    assert_eq!(w.text(".ch-nav summary"), "Start over");
    ask(&w, ".ch-nav").await;
    assert_eq!(w.text(".ch-step-h"), "Your plan", "nothing cleared yet");
    assert!(w.find(".ch-nav .ch-confirm[open]").is_some());
    assert_eq!(
        w.text(".ch-nav .ch-confirm p"),
        "Clear your answers and this plan?"
    );
    ask(&w, ".ch-nav").await;
    assert!(
        w.find(".ch-nav .ch-confirm[open]").is_none(),
        "closed again"
    );
    assert_eq!(w.text(".ch-step-h"), "Your plan", "and the plan is kept");
    ask(&w, ".ch-nav").await;
    w.tap("Yes, start over").await;
    assert!(w.find("#ch-story").is_some(), "back at the start");
}

#[wasm_bindgen_test]
async fn forget_asks_once_before_removing_the_saved_copy() {
    storage().clear().unwrap();
    let w = mount("{}").await;
    walk_to_plan(&w).await;
    w.tap("Save on this device").await;
    ask(&w, ".ch-saved").await;
    assert_eq!(storage().length().unwrap(), 1, "nothing removed yet");
    assert_eq!(
        w.text(".ch-saved .ch-confirm p"),
        "Remove this plan from this device?"
    );
    w.tap("Yes, forget it").await;
    assert_eq!(storage().length().unwrap(), 0);
    assert!(w.find("#ch-story").is_some());
}

#[wasm_bindgen_test]
async fn a_result_shows_beside_its_control_and_is_heard_again_when_repeated() {
    storage().clear().unwrap();
    let w = mount("{}").await;
    walk_to_plan(&w).await;
    assert!(w.find(".ch-done").is_none());
    w.tap("Get a link to this plan").await;
    let beside = w.get(".ch-actions .ch-done");
    assert_eq!(beside.text_content().unwrap(), "Link ready.");
    assert_eq!(beside.get_attribute("aria-hidden").as_deref(), Some("true"));
    let first = w.text(".ch-status");
    w.tap("Get a link to this plan").await;
    let again = w.text(".ch-status");
    assert_eq!(first.trim(), "Link ready.");
    assert_eq!(again.trim(), "Link ready.");
    assert_ne!(first, again, "the live region changes, so it speaks again");
}

#[wasm_bindgen_test]
async fn the_plan_carries_its_date_and_explains_business_days_only_when_it_counts_them() {
    storage().clear().unwrap();
    let w = mount("{}").await;
    walk_to_plan(&w).await;
    assert_eq!(w.text(".ch-plan .ch-prepared"), "Prepared on March 2, 2026");
    // Sixty calendar days: no business day is counted, so no note about them.
    assert!(!w.all_text().contains("Business days:"));
    assert!(!w.all_text().contains("Federal Reserve"));
}

#[wasm_bindgen_test]
async fn links_read_as_words_and_hours_in_the_plans_language_and_time_zone() {
    storage().clear().unwrap();
    let config = r#"{"config":{"app_url":"https://www.bank.example/app",
        "online_account_url":"https://bank.example/sign-in?x=1",
        "phones":{"fraud":{"number":"(800) 555-0199","time_zone":"America/New_York",
            "hours":{"en":"Every day, 7am–11pm","es":"todos los días, de 7 a 23 h"}}}}}"#;
    let w = mount(config).await;
    walk_to_plan(&w).await;
    let plan = w.text(".ch-plan");
    assert!(plan.contains("Open bank.example"), "{plan}");
    assert!(!plan.contains("https://"), "{plan}");
    assert!(
        plan.contains("Every day, 7am–11pm (Eastern Time)"),
        "{plan}"
    );
    w.tap("Español").await;
    let plan = w.text(".ch-plan");
    assert!(plan.contains("Abrir bank.example"), "{plan}");
    assert!(
        plan.contains("todos los días, de 7 a 23 h (hora del Este)"),
        "{plan}"
    );
}

/// Production mode: without `debug`, a cardholder never sees the setup problems; the host
/// hears each one (path and message) in the `error` event, and turning `debug` on later
/// shows them.
#[wasm_bindgen_test]
async fn setup_problems_show_only_in_debug_mode_and_travel_in_the_error_event() {
    let mut w = mount(r#"{"config":{"app_url":"/app","issuer_nmae":"X"}}"#).await;
    assert!(
        w.find(".ch-config-issues").is_none(),
        "hidden without debug"
    );
    assert_eq!(
        w.last("cardhelp:error"),
        concat!(
            r#"{"type":"error","code":"config","problems":["#,
            r#"{"field":"app_url","message":"must be absolute: start it with https://"},"#,
            r#"{"field":"issuer_nmae","message":"unknown key; did you mean \"issuer_name\"?"}]}"#
        )
    );
    w.widget().update(
        js_sys::JSON::parse(r#"{"config":{"app_url":"/app"},"debug":true,"today":"2026-03-02"}"#)
            .unwrap(),
    );
    settle().await;
    assert!(w
        .text(".ch-config-issues")
        .contains("app_url: must be absolute"));
}

/// The element with the focus, inside the widget or not.
fn focused() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

#[wasm_bindgen_test]
async fn saving_moves_the_focus_to_the_control_that_replaced_the_button() {
    storage().clear().unwrap();
    {
        let w = mount("{}").await;
        walk_to_plan(&w).await;
        let save = w.button("Save on this device");
        save.focus().unwrap();
        save.click();
        settle().await;
        let now = focused().expect("something has the focus");
        assert_eq!(now.text_content().as_deref(), Some("Forget this"));
        assert!(
            now.closest(".ch-saved").unwrap().is_some(),
            "{:?}",
            now.outer_html()
        );
    }
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn tiles_are_named_by_their_title_and_described_by_the_rest() {
    let w = mount(r#"{"config":{"topics":["unauthorized_charge"]}}"#).await;
    let tile = w.get(".ch-tile button");
    assert_eq!(tile.text_content().unwrap(), "A charge I didn't make");
    let about = w.get(&format!(
        "#{}",
        tile.get_attribute("aria-describedby").unwrap()
    ));
    assert_eq!(
        about.text_content().unwrap(),
        "Someone used your card or card number without your OK."
    );
    assert!(
        !tile.contains(Some(&about)),
        "the description is not part of the name"
    );
}

#[wasm_bindgen_test]
async fn a_new_plan_or_a_language_switch_says_nothing_the_heading_does_not() {
    storage().clear().unwrap();
    let w = mount("{}").await;
    walk_to_plan(&w).await;
    assert_eq!(w.text(".ch-status").trim(), "");
    w.tap("Get a link to this plan").await;
    assert_eq!(w.text(".ch-status").trim(), "Link ready.");
    w.tap("Español").await;
    assert_eq!(
        w.text(".ch-status").trim(),
        "",
        "nothing to say again in Spanish"
    );
}

#[wasm_bindgen_test]
async fn english_inside_the_spanish_widget_is_marked_as_english() {
    storage().clear().unwrap();
    let config = r#"{"locale":"es","config":{"phones":{"fraud":{"number":"(800) 555-0199",
        "hours":"24/7"}}}}"#;
    let w = mount(config).await;
    w.tap("Un cargo que no hice").await;
    w.tap("Sí").await;
    w.type_into("#ch-q-date", "2026-02-10").await;
    w.tap("Continuar").await;
    w.tap("Omitir").await;
    w.tap("Omitir").await;
    assert_eq!(w.text(".ch-step-h"), "Su plan");
    let english = |selector: &str| w.get(selector).get_attribute("lang");
    // The law is named in Spanish; its short citation, shown after the name, is English.
    assert_eq!(
        english(".ch-dl a.ch-cite").as_deref(),
        None,
        "the law's name"
    );
    let short = w.get(".ch-dl .ch-more span[lang]");
    assert_eq!(
        short.text_content().as_deref(),
        Some("12 CFR 1026.13(b)(1)")
    );
    assert_eq!(
        short.get_attribute("lang").as_deref(),
        Some("en"),
        "the citation"
    );
    assert_eq!(
        english(".ch-dl q").as_deref(),
        Some("en"),
        "the law's words"
    );
    let plan = w.get(".ch-plan").inner_html();
    assert!(plan.contains(r#"<span lang="en">24/7</span>"#), "{plan}");
    w.tap("English").await;
    assert!(
        w.find(".ch-dl [lang]").is_none(),
        "all English: nothing to mark"
    );
    assert!(!w.get(".ch-plan").inner_html().contains("<span lang="));
}
