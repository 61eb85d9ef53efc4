//! Component tests in headless Chromium (wasm-bindgen-test). Plain `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document for one widget.
fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yew renders asynchronously: yield once so pending renders land before asserting.
async fn settle() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is not rendered"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_widget_language() {
    let root = fresh_root();
    let options = js_sys::JSON::parse(r#"{"locale":"en-US","today":"2026-11-24"}"#).unwrap();
    let mut widget =
        cardhelp::embed::mount(root.clone(), options, js_sys::Function::new_no_args(""));
    settle().await;
    assert_eq!(text_of(&root, "#ch-title"), "Get help with your card");

    let spanish: web_sys::HtmlElement = root
        .query_selector("button[lang=es]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    spanish.click();
    settle().await;
    assert_eq!(text_of(&root, "#ch-title"), "Ayuda con su tarjeta");
    assert_eq!(
        spanish.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let section = root.query_selector("section").unwrap().unwrap();
    assert_eq!(section.get_attribute("lang").as_deref(), Some("es"));

    widget.destroy();
    settle().await;
    assert!(root.query_selector("section").unwrap().is_none());
}
