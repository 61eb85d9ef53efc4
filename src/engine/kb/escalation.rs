//! What to do when first-line support does not solve it.

use serde::Deserialize;

use crate::engine::locale::Text;

/// One escalation step: a complaint, a credit-bureau action or a report.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// Deadline rules that taking this step starts (e.g. the CFPB's response clocks).
    #[serde(default)]
    pub deadlines: Vec<String>,
}
