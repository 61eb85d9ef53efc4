//! Ways to reach the card issuer.
//!
//! The KB never holds an issuer's numbers or links: those come from the host page's
//! config under `config_key`. The fallback keeps the advice correct without one.

use serde::Deserialize;

use crate::engine::locale::Text;

/// A support channel.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: String,
    pub name: Text,
    /// How to reach it when the host has not configured it, e.g. "call the number on the
    /// back of your card".
    pub fallback: Text,
    /// The host-config key with the real contact. `None` for a channel whose address
    /// depends on the case (a letter goes to the address on the notice received).
    #[serde(default)]
    pub config_key: Option<String>,
}
