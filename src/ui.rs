//! Yew components. They render what the engine returns and hold no domain logic.

pub mod app;
pub mod events;
