//! The few browser services the widget uses: the page URL, storage the cardholder opted
//! into, the clipboard, file downloads and printing. Every call tolerates a browser that
//! refuses (private mode, a sandboxed frame, no clipboard): it reports failure instead of
//! throwing, so a refusal never takes the widget down.

use time::UtcDateTime;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlIFrameElement, Node, Url};

use crate::engine::share::{self, ShareError, SharedCase, WidgetId};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The case a share link carries for `widget` in the page's URL fragment. Once read, it
/// leaves the address bar (the host's own route and history state stay): a reload then
/// opens the saved copy, with what was ticked since, not the link again.
pub fn take_shared_link(widget: &WidgetId) -> Option<Result<SharedCase, ShareError>> {
    let window = web_sys::window()?;
    let location = window.location();
    let found = widget.find(&location.hash().ok()?)?;
    if let (Ok(href), Ok(history)) = (location.href(), window.history()) {
        let page = href.split('#').next().unwrap_or(&href);
        let url = match found.rest.as_str() {
            "" => page.to_owned(),
            rest => format!("{page}#{rest}"),
        };
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
    Some(found.case)
}

/// The page's address, to build a share link on.
pub fn page_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The case `widget` saved on this device (its value is a [`share::encode`]d case with
/// checked items): `None` when nothing is saved, `Some(None)` when what is saved cannot be
/// read (damaged, or a case without a topic, which was never saved as such). Reading
/// writes nothing.
pub fn saved(widget: &WidgetId) -> Option<Option<SharedCase>> {
    let value = storage()?.get_item(&widget.storage_key()).ok()??;
    Some(
        share::decode(&value)
            .ok()
            .filter(|case| case.topic.is_some()),
    )
}

/// Keeps the case on this device. Only called after the cardholder chose to save.
pub fn save(widget: &WidgetId, case: &SharedCase) -> bool {
    let key = widget.storage_key();
    storage().is_some_and(|s| s.set_item(&key, &share::encode(case)).is_ok())
}

/// Whether `widget`'s saved copy is still on this device: another tab, or a script of the
/// page, may have removed it since.
pub fn still_saved(widget: &WidgetId) -> bool {
    let key = widget.storage_key();
    storage().is_some_and(|s| s.get_item(&key).ok().flatten().is_some())
}

/// Listens for another tab removing `widget`'s saved copy (a `storage` event, which only
/// other documents receive) until dropped.
pub struct ForgottenElsewhere(Closure<dyn Fn(JsValue)>);

impl ForgottenElsewhere {
    pub fn new(widget: &WidgetId, forgotten: impl Fn() + 'static) -> Option<ForgottenElsewhere> {
        let key = widget.storage_key();
        let closure = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let get = |key: &str| js_sys::Reflect::get(&event, &key.into()).ok();
            let ours = get("key").and_then(|k| k.as_string()).as_deref() == Some(key.as_str());
            // `key` is null when the other tab cleared the whole storage.
            let cleared = get("key").is_some_and(|k| k.is_null());
            if (ours || cleared) && get("newValue").is_some_and(|v| v.is_null()) {
                forgotten();
            }
        });
        web_sys::window()?
            .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(ForgottenElsewhere(closure))
    }
}

impl Drop for ForgottenElsewhere {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let callback = self.0.as_ref().unchecked_ref();
            let _ = window.remove_event_listener_with_callback("storage", callback);
        }
    }
}

/// Removes everything `widget` stored on this device.
pub fn forget(widget: &WidgetId) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&widget.storage_key());
    }
}

/// The current time, for the calendar file's `DTSTAMP`.
pub fn now() -> UtcDateTime {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    UtcDateTime::from_unix_timestamp(seconds).unwrap_or(UtcDateTime::UNIX_EPOCH)
}

/// Copies `text`, then calls `done` with whether it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return done(false);
    };
    // Absent outside secure contexts; calling into `undefined` would throw.
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The widget's `<section>` around `inside` (an element that was clicked).
fn widget_of(inside: &Element) -> Option<Element> {
    inside.closest(".ch").ok().flatten()
}

/// Where to attach helper elements: the widget's shadow root, or the body in a page
/// without one. Never inside the tree Yew renders.
fn helper_parent(widget: &Element) -> Option<Node> {
    let root = widget.get_root_node();
    if root.is_instance_of::<web_sys::ShadowRoot>() {
        Some(root)
    } else {
        document()?.body().map(Into::into)
    }
}

/// Offers `content` as a file download named `file_name`.
pub fn download(inside: &Element, file_name: &str, mime: &str, content: &str) -> bool {
    try_download(inside, file_name, mime, content).is_some()
}

fn try_download(inside: &Element, file_name: &str, mime: &str, content: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let link: HtmlAnchorElement = document()?.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let parent = helper_parent(&widget_of(inside)?)?;
    parent.append_child(&link).ok()?;
    link.click();
    link.remove();
    // Give the browser time to read the file before its URL goes.
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_secs(30)).await;
        let _ = Url::revoke_object_url(&url);
    });
    Some(())
}

/// Prints the widget's element matching `selector` on its own, styled by the widget's
/// stylesheet: it is copied into a same-origin frame (the widget lives in a shadow root
/// inside someone else's page, so printing the page would print theirs), and printed
/// there. The frame gets the rules the shadow root already loaded as a constructed
/// stylesheet, so printing makes no request and needs no inline `<style>` (strict CSPs).
/// Its document is built node by node, never from an HTML string, so printing also works
/// on pages that require Trusted Types (`require-trusted-types-for 'script'`).
pub fn print(inside: &Element, selector: &str, title: &str, lang: &str) -> bool {
    try_print(inside, selector, title, lang).is_some()
}

fn try_print(inside: &Element, selector: &str, title: &str, lang: &str) -> Option<()> {
    let widget = widget_of(inside)?;
    let content = widget.query_selector(selector).ok()??;
    let parent = helper_parent(&widget)?;
    let css = parent
        .dyn_ref::<web_sys::ShadowRoot>()
        .map(loaded_css)
        .unwrap_or_default();
    let doc = document()?;
    if let Some(old) = doc.query_selector(".ch-print-frame").ok().flatten() {
        old.remove();
    }
    if let Some(shadow) = parent.dyn_ref::<web_sys::ShadowRoot>() {
        if let Some(old) = shadow.query_selector(".ch-print-frame").ok().flatten() {
            old.remove();
        }
    }
    let frame: HtmlIFrameElement = doc.create_element("iframe").ok()?.dyn_into().ok()?;
    frame.set_class_name("ch-print-frame");
    frame.set_title(title);
    frame.set_attribute("aria-hidden", "true").ok()?;
    frame.set_attribute("tabindex", "-1").ok()?;
    // No scripts, forms, popups or navigation in the copy: only what printing needs (the
    // widget reaches into the same-origin document to style and print it; print is a modal).
    frame
        .set_attribute("sandbox", "allow-same-origin allow-modals")
        .ok()?;
    parent.append_child(&frame).ok()?;
    // The frame's first document (about:blank, same origin) exists as soon as it is attached.
    let window = frame.content_window()?;
    let copy = frame.content_document()?;
    copy.document_element()?.set_attribute("lang", lang).ok()?;
    copy.set_title(title);
    let body = copy.body()?;
    body.set_class_name("ch-print");
    let wrapper = copy.create_element("div").ok()?;
    wrapper.set_class_name("ch");
    // Nodes of the frame's document belong to the frame's realm, where `instanceof` against
    // this window's `Element` is false: the casts are unchecked (an imported element is one).
    let imported: Element = copy
        .import_node_with_deep(&content, true)
        .ok()?
        .unchecked_into();
    // Print shows everything: every disclosure opens in the copy (the screen keeps its own).
    let disclosures = imported.query_selector_all("details").ok()?;
    for i in 0..disclosures.length() {
        if let Some(d) = disclosures.item(i) {
            d.unchecked_into::<Element>()
                .set_attribute("open", "")
                .ok()?;
        }
    }
    wrapper.append_child(&imported).ok()?;
    body.append_child(&wrapper).ok()?;
    // Unstyled is still worth printing where constructed stylesheets are missing.
    let _ = adopt_css(&window, &css);
    window.print().ok()
}

/// The text of every rule in the shadow root's loaded stylesheets.
fn loaded_css(shadow: &web_sys::ShadowRoot) -> String {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let mut css = String::new();
    let sheets = get(shadow, "styleSheets").map(|s| js_sys::Array::from(&s));
    for sheet in sheets.iter().flat_map(|s| s.iter()) {
        // Reading rules can throw for a cross-origin sheet without CORS: skip it.
        let rules = get(&sheet, "cssRules").filter(|r| !r.is_null() && !r.is_undefined());
        for rule in rules
            .map(|r| js_sys::Array::from(&r))
            .iter()
            .flat_map(|r| r.iter())
        {
            if let Some(text) = get(&rule, "cssText").and_then(|t| t.as_string()) {
                css.push_str(&text);
                css.push('\n');
            }
        }
    }
    css
}

/// Gives the frame's document a stylesheet built from `css` in the frame's own realm.
fn adopt_css(window: &web_sys::Window, css: &str) -> Option<()> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let constructor: js_sys::Function = get(window, "CSSStyleSheet")?.dyn_into().ok()?;
    let sheet = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let replace: js_sys::Function = get(&sheet, "replaceSync")?.dyn_into().ok()?;
    replace.call1(&sheet, &css.into()).ok()?;
    let document = get(window, "document")?;
    js_sys::Reflect::set(
        &document,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )
    .ok()?;
    Some(())
}
