//! wasm-bindgen entry points: what the `<card-help>` element (www/cardhelp.js) calls.
//!
//! The JS shim owns the element and its shadow root; Rust owns everything rendered inside.

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::engine::locale::Locale;
use crate::ui::app::{App, AppProps};

/// One mounted widget. Dropping it from JS (`destroy()`) unmounts the Yew app.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the app and frees its state; the element can be reused by a new `mount`.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Mounts a widget into `root` (an element inside the host's shadow root).
///
/// `locale` is a BCP 47 tag such as `es` or `en-US`; unknown or empty tags fall back to English.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, locale: Option<String>) -> Widget {
    let locale = locale
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_default();
    let handle = yew::Renderer::<App>::with_root_and_props(root, AppProps { locale }).render();
    Widget {
        handle: Some(handle),
    }
}
