//! wasm-bindgen entry points: what the `<card-help>` element (www/cardhelp.js) calls.
//!
//! The JS shim owns the element and its shadow root; Rust owns everything rendered inside.
//! Options arrive as plain JS objects, read key by key; events leave through one JS
//! callback per widget, which the shim turns into DOM events.

mod api;
mod json;
mod to_js;

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use yew::{function_component, html, AppHandle, Callback, Html, Properties};

use crate::engine::calendar::IsoDate;
use crate::engine::config::{parse_config_with, ConfigIssue, HostConfig};
use crate::engine::locale::Locale;
use crate::engine::share::WidgetId;
use crate::engine::topic::Topic;
use crate::ui::app::{App, AppProps};
use crate::ui::events::HostEvent;

/// What a host passes to [`mount`] and [`Widget::update`]; every key is optional.
#[derive(Default)]
struct Options {
    /// A BCP 47 tag (`es`, `en-US`); unknown tags fall back to the config's default.
    locale: Option<String>,
    /// The host config: a JSON string (attribute or script child) or an object
    /// (property); an object that is not plain JSON data is an error to report.
    config: Option<Result<Value, String>>,
    /// A topic id to preselect.
    topic: Option<String>,
    /// `YYYY-MM-DD`; defaults to the device's local date. Tests pin it.
    today: Option<String>,
    /// The operator's debug mode (the `debug` attribute): config problems shown in the widget.
    debug: bool,
}

impl Options {
    /// The keys it knows from a JS object. A key of the wrong type reads as absent, and
    /// anything but an object as no options, so a host's slip never stops the widget.
    fn from_js(options: &JsValue) -> Options {
        if !options.is_object() {
            return Options::default();
        }
        let get = |key: &str| {
            js_sys::Reflect::get(options, &key.into())
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let text = |key: &str| get(key).and_then(|v| v.as_string());
        // The loader copies a config property to plain data before it calls in; what it
        // could not read arrives as `config_error`, the reason in words.
        let config = match text("config_error") {
            Some(problem) => Some(Err(problem)),
            None => get("config").map(|v| json::from_js(&v)),
        };
        Options {
            locale: text("locale"),
            config,
            topic: text("topic"),
            today: text("today"),
            debug: get("debug").and_then(|v| v.as_bool()).unwrap_or(false),
        }
    }
}

/// What a [`Frame`] shows: a widget's app, or nothing while the frame waits for the next.
#[derive(Properties, PartialEq, Default)]
struct FrameProps {
    app: Option<AppProps>,
    /// Which mount this is: a new mount starts a new app, never the last one's state.
    mount: u32,
}

/// The Yew root a widget renders in. Yew keeps the event listeners it registers for a root
/// (and through them the root's data) for as long as the page lives, so a root is never
/// destroyed: a widget that is removed leaves its frame empty and parked in [`PARKED`], and
/// the next widget mounted takes it over. Removing and adding widgets (a single-page app's
/// route changes) then costs no memory; only as many frames are made as widgets are ever
/// on the page at once.
#[function_component(Frame)]
fn frame(props: &FrameProps) -> Html {
    match &props.app {
        Some(app) => html! { <App key={props.mount} ..app.clone() /> },
        None => html! {},
    }
}

/// A frame: its element, its Yew root, and how many widgets it has shown.
struct FrameRoot {
    element: web_sys::Element,
    handle: AppHandle<Frame>,
    mounts: u32,
}

impl FrameRoot {
    /// Shows `app` (a new mount when `mount` is true), or nothing.
    fn show(&mut self, app: Option<AppProps>, mount: bool) {
        self.mounts = self.mounts.wrapping_add(u32::from(mount));
        let mount = self.mounts;
        self.handle.update(FrameProps { app, mount });
    }
}

thread_local! {
    /// Every live widget's event callback, so a panic can be reported to each host element.
    static LIVE: RefCell<Vec<Callback<HostEvent>>> = const { RefCell::new(Vec::new()) };
    /// Frames left by removed widgets, for the next ones mounted.
    static PARKED: RefCell<Vec<FrameRoot>> = const { RefCell::new(Vec::new()) };
}

/// One mounted widget. `destroy()` unmounts it; `update()` applies new options live.
#[wasm_bindgen]
pub struct Widget {
    frame: Option<FrameRoot>,
    widget_id: WidgetId,
    on_event: Callback<HostEvent>,
}

#[wasm_bindgen]
impl Widget {
    /// Applies new options (a changed attribute or property) without losing answers.
    pub fn update(&mut self, options: JsValue) {
        let props = props(options, self.on_event.clone(), self.widget_id.clone());
        // Reported like the problems of the first options (which the app reports once it
        // is ready), each time the host applies options with problems.
        if !props.config_issues.is_empty() {
            self.on_event
                .emit(HostEvent::config_error(&props.config_issues));
        }
        if let Some(frame) = self.frame.as_mut() {
            frame.show(Some(props), false);
        }
    }

    /// Unmounts the app and frees its state and this handle; the element can be mounted
    /// again later.
    pub fn destroy(mut self) {
        if let Some(mut frame) = self.frame.take() {
            frame.show(None, false);
            frame.element.remove();
            PARKED.with(|parked| parked.borrow_mut().push(frame));
        }
        LIVE.with(|live| live.borrow_mut().retain(|cb| *cb != self.on_event));
    }
}

/// Mounts a widget into `root` (an element inside the host's shadow root). Its saved copy
/// and share links are keyed by the `id` the shadow root's host element has now (see
/// [`WidgetId`]).
///
/// `on_event(name, detail)` receives every [`HostEvent`]; detail is a plain object.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue, on_event: js_sys::Function) -> Widget {
    install_panic_reporter();
    let on_event = Callback::from(move |event: HostEvent| {
        let detail = to_js::to_js(&event).unwrap_or(JsValue::NULL);
        // A host listener that throws must not take the widget down.
        let _ = on_event.call2(&JsValue::NULL, &event.dom_name().into(), &detail);
    });
    LIVE.with(|live| live.borrow_mut().push(on_event.clone()));
    let host = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .map(|shadow| shadow.host().id());
    let widget_id = WidgetId::new(&host.unwrap_or_default());
    let props = props(options, on_event.clone(), widget_id.clone());
    let mut frame = PARKED
        .with(|parked| parked.borrow_mut().pop())
        .unwrap_or_else(|| {
            let element = root
                .owner_document()
                .and_then(|document| document.create_element("div").ok())
                .expect_throw("cardhelp: no document to render in");
            let handle = yew::Renderer::<Frame>::with_root(element.clone()).render();
            FrameRoot {
                element,
                handle,
                mounts: 0,
            }
        });
    frame.show(Some(props), true);
    let _ = root.append_child(&frame.element);
    Widget {
        frame: Some(frame),
        widget_id,
        on_event,
    }
}

/// Turns the host's options into props. Never fails: a bad config becomes issues the
/// widget shows, and bad values fall back to defaults.
fn props(options: JsValue, on_event: Callback<HostEvent>, widget_id: WidgetId) -> AppProps {
    let options = Options::from_js(&options);
    let (config, config_issues) = match options.config {
        None | Some(Ok(Value::Null)) => (HostConfig::default(), Vec::new()),
        Some(Ok(Value::String(json))) if json.trim().is_empty() => {
            (HostConfig::default(), Vec::new())
        }
        Some(Ok(Value::String(json))) => parse_config_with(&json, browser_json),
        Some(Ok(value)) => HostConfig::from_value(&value),
        Some(Err(problem)) => (
            HostConfig::default(),
            vec![ConfigIssue::new(
                "config",
                format!("not plain JSON data ({problem})"),
            )],
        ),
    };
    let mut config_issues = config_issues;
    let topic = given(&options.topic).and_then(|id| {
        let topic = Topic::from_id(id);
        if topic.is_none() {
            let problem = format!("unknown topic id '{id}'");
            config_issues.push(ConfigIssue::new("topic", problem));
        }
        topic
    });
    let locale = given(&options.locale).and_then(|tag| {
        let locale = Locale::from_tag(tag);
        if locale.is_none() {
            config_issues.push(ConfigIssue::new(
                "locale",
                format!("unknown language '{tag}', expected en or es"),
            ));
        }
        locale
    });
    let today = given(&options.today).and_then(|s| {
        let today = IsoDate::parse(s);
        if let Err(problem) = &today {
            config_issues.push(ConfigIssue::new("today", problem.clone()));
        }
        today.ok()
    });
    for issue in &config_issues {
        web_sys::console::error_1(
            &format!("cardhelp config: {}: {}", issue.field, issue.message).into(),
        );
    }
    let locale = locale.unwrap_or(config.default_locale);
    let today = today.unwrap_or_else(device_today);
    AppProps {
        locale,
        config: Rc::new(config),
        config_issues: Rc::new(config_issues),
        topic,
        today,
        debug: options.debug,
        on_event,
        widget_id,
    }
}

/// An option's text, unless blank: a blank attribute is an unset one.
fn given(option: &Option<String>) -> Option<&str> {
    option.as_deref().filter(|s| !s.trim().is_empty())
}

/// JSON text read by the browser's `JSON.parse`, as the engine's JSON data.
fn browser_json(text: &str) -> Result<Value, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default()
    })?;
    json::from_js(&value)
}

/// Today's date in the device's time zone: a deadline is a calendar date where the
/// cardholder lives, not in UTC.
fn device_today() -> IsoDate {
    let now = js_sys::Date::new_0();
    let date = time::Month::try_from(now.get_month() as u8 + 1)
        .ok()
        .and_then(|month| {
            time::Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8)
                .ok()
        })
        .unwrap_or(time::macros::date!(2026 - 01 - 01));
    IsoDate(date)
}

/// Reports a panic to every live widget's host as an `error` event. The release build
/// aborts on panic, so the JS shim (which receives the event) draws the fallback. Installed
/// through Yew, before the first render: Yew replaces any hook set with `std::panic::set_hook`
/// by its own when it renders an app.
fn install_panic_reporter() {
    thread_local!(static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        report_panic();
    }));
}

/// Sends an `error` event with code `panic` to every live widget's host element.
fn report_panic() {
    let live = LIVE.with(|live| live.try_borrow().map(|l| l.clone()).unwrap_or_default());
    for on_event in live {
        on_event.emit(HostEvent::error("panic"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// A JS callback that counts `cardhelp:error` events with code `panic` in `counter[0]`.
    fn panic_counter() -> (js_sys::Function, js_sys::Array) {
        let counter = js_sys::Array::of1(&0.into());
        let f = js_sys::Function::new_with_args(
            "counter",
            "return (name, detail) => { if (name === 'cardhelp:error' && detail.code === 'panic') counter[0] += 1; };",
        );
        let callback = f.call1(&JsValue::NULL, &counter).unwrap().into();
        (callback, counter)
    }

    #[wasm_bindgen_test]
    fn a_panic_reaches_every_live_widget_and_no_destroyed_one() {
        let document = web_sys::window().unwrap().document().unwrap();
        let mut widgets = Vec::new();
        let mut counters = Vec::new();
        for _ in 0..2 {
            let root = document.create_element("div").unwrap();
            document.body().unwrap().append_child(&root).unwrap();
            let (callback, counter) = panic_counter();
            widgets.push(mount(root, JsValue::UNDEFINED, callback));
            counters.push(counter);
        }
        report_panic();
        let count = |c: &js_sys::Array| c.get(0).as_f64().unwrap();
        assert_eq!(counters.iter().map(count).collect::<Vec<_>>(), [1.0, 1.0]);

        widgets.remove(0).destroy();
        report_panic();
        assert_eq!(counters.iter().map(count).collect::<Vec<_>>(), [1.0, 2.0]);
        widgets.remove(0).destroy();
    }

    /// A real panic, after Yew has rendered an app (and so after it would have installed
    /// its own hook): every live widget hears it, and the caller sees the wasm trap.
    #[wasm_bindgen_test]
    fn a_real_panic_after_a_render_is_reported() {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let (callback, counter) = panic_counter();
        let widget = mount(root, JsValue::UNDEFINED, callback);

        let panics = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            let claimed: usize = std::hint::black_box(usize::MAX);
            let _ = Vec::<u64>::with_capacity(claimed); // "capacity overflow"
        });
        let trapped = js_sys::Function::new_with_args(
            "f",
            "try { f(); return false; } catch (e) { return e instanceof WebAssembly.RuntimeError; }",
        )
        .call1(&JsValue::NULL, panics.as_ref())
        .unwrap();
        assert_eq!(trapped, JsValue::TRUE);
        assert_eq!(counter.get(0).as_f64(), Some(1.0));
        widget.destroy();
    }
}
