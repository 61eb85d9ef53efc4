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
