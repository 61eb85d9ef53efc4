//! cardhelp: a credit-card help widget that runs entirely in the browser.
//!
//! The crate has three layers, and only the outer two know about the web:
//! - [`engine`]: pure Rust (no web dependencies). Knowledge base, triage, free-text
//!   classifier, business-day calendar, deadline rules, letters and calendar export.
//!   It compiles natively and is tested with plain `cargo test`.
//! - `ui` (wasm32 only): Yew components that render what the engine returns.
//! - `embed` (wasm32 only): the wasm-bindgen entry points a host page calls.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The widget's allocator. Talc instead of Rust's default wasm allocator (dlmalloc):
/// a few KB less code to download, and the widget's many small, short-lived allocations
/// (virtual DOM nodes, strings) are what it is built for.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
