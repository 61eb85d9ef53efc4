//! Events the widget reports to its host page.
//!
//! The embed layer turns each into a DOM `CustomEvent` named `cardhelp:<name>` that bubbles
//! out of the shadow root. Details carry ids only: never the cardholder's words, the dates
//! they typed, amounts, names or account digits, so a host's analytics cannot collect them.

use serde::Serialize;

use crate::engine::config::ConfigIssue;
use crate::engine::kb::Urgency;
use crate::engine::locale::Locale;
use crate::engine::topic::Topic;

/// How the cardholder arrived at a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicSource {
    /// Tapped a topic tile.
    Tile,
    /// Accepted the suggestion the free-text triage made.
    Text,
    /// The host preselected it (the `topic` attribute) or a share link restored it.
    Host,
}

/// Something the host may want to know happened. Serialized as the event's `detail`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HostEvent {
    /// The widget rendered and accepts input; `version` is the package's (Cargo.toml's), so a
    /// host's monitoring can tell which release a page runs.
    Ready {
        locale: Locale,
        version: &'static str,
    },
    /// A topic was chosen.
    Topic { topic: Topic, source: TopicSource },
    /// The plan is on screen.
    Plan {
        topic: Topic,
        urgency: Urgency,
        deadline_ids: Vec<String>,
    },
    /// A letter was copied, printed or downloaded (`action`: `copy`, `print`, `download`).
    Letter { letter: String, action: String },
    /// The deadlines were downloaded as an `.ics` file.
    Calendar { deadlines: usize },
    /// The print view was opened.
    Print,
    /// A share link was created.
    Share,
    /// The case was saved on this device, or forgotten.
    Storage { saved: bool },
    /// The language changed.
    Locale { locale: Locale },
    /// Something went wrong; `code` is stable: `config` (the host config has mistakes),
    /// `panic`, `storage` (saving refused), `clipboard`, `download`, `print`, `share` (a
    /// share link in the URL could not be read) or `plan` (no plan for these answers).
    /// With `config`, `problems` lists each mistake (`{field, message}`) so operators can
    /// send them to their monitoring: the config is the operator's, never the cardholder's.
    Error {
        code: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        problems: Vec<ConfigIssue>,
    },
}

impl HostEvent {
    /// An `error` event with this code and no problems list.
    pub fn error(code: &str) -> HostEvent {
        HostEvent::Error {
            code: code.into(),
            problems: Vec::new(),
        }
    }

    /// The `error` event for a config with these mistakes.
    pub fn config_error(problems: &[ConfigIssue]) -> HostEvent {
        HostEvent::Error {
            code: "config".into(),
            problems: problems.to_vec(),
        }
    }

    /// The DOM event name, e.g. `cardhelp:plan`.
    pub fn dom_name(&self) -> &'static str {
        match self {
            HostEvent::Ready { .. } => "cardhelp:ready",
            HostEvent::Topic { .. } => "cardhelp:topic",
            HostEvent::Plan { .. } => "cardhelp:plan",
            HostEvent::Letter { .. } => "cardhelp:letter",
            HostEvent::Calendar { .. } => "cardhelp:calendar",
            HostEvent::Print => "cardhelp:print",
            HostEvent::Share => "cardhelp:share",
            HostEvent::Storage { .. } => "cardhelp:storage",
            HostEvent::Locale { .. } => "cardhelp:locale",
            HostEvent::Error { .. } => "cardhelp:error",
        }
    }
}
