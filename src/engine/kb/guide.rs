//! Everything the KB says about one topic.

use serde::Deserialize;

use super::rule::{Assessment, Condition, Rule};
use crate::engine::locale::Text;

/// The guidance for one topic.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicGuide {
    /// A [`Topic`](crate::engine::topic::Topic) id.
    pub id: String,
    pub title: Text,
    /// One line under the title on the topic tile.
    pub description: Text,
    /// Question ids, in the order asked (0–4).
    #[serde(default)]
    pub questions: Vec<String>,
    /// The urgency before any answer is given.
    pub urgency: Assessment,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Channels in order of fit, best first.
    pub channels: Vec<ChannelFit>,
    /// "Do this now", in order.
    pub steps: Vec<Text>,
    /// What to have ready before contacting the issuer.
    pub prepare: Vec<Text>,
    /// What support can do.
    pub can: Vec<Text>,
    /// What support cannot do, or is not allowed to do.
    pub cannot: Vec<Text>,
    /// Escalation ids, in the order to try them.
    pub escalations: Vec<String>,
    #[serde(default)]
    pub deadlines: Vec<String>,
    #[serde(default)]
    pub letters: Vec<String>,
}

/// A channel as it fits one topic.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelFit {
    pub id: String,
    /// Why this channel suits this topic.
    pub why: Text,
    /// Show the channel only when all of these hold (empty: always).
    #[serde(default)]
    pub when: Vec<Condition>,
}
