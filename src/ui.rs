//! Yew components. They render what the engine returns and hold no domain logic.
//!
//! One component per file; `state` holds the widget's data and its changes, `text` every
//! word of UI chrome, and `browser` the few browser services the widget uses.

pub mod app;
mod browser;
mod checklist;
mod config_panel;
mod confirm;
mod contacts;
pub mod events;
mod letter_form;
mod plan_view;
mod question;
mod start;
mod state;
mod take_away;
mod text;
mod timeline;
