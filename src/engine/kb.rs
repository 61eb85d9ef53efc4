//! The knowledge base: what cardhelp knows about each topic, as data.
//!
//! The data lives in JSON next to this module (`kb/*.json`), embedded at compile time,
//! parsed with unknown keys rejected, and validated once on first use. (The wasm build
//! embeds the same files compiled by the build script `kb/compile.rs` into a compact form, decoded without
//! serde and then validated alike; a test checks both forms give the same KB.) Keeping it as
//! data lets writers edit guidance without touching the resolver, while the validator
//! guarantees that every id the data mentions exists and every text has both languages.
//!
//! The files, and what edits they accept:
//! - `questions.json`: the yes/no button labels and every question (`yes_no`, `date`, or
//!   `{"choice": [options]}`), each with a prompt, a help line and optionally the
//!   deadline-engine `fact` it fills (required for dates).
//! - `channels.json`: how to reach the issuer, with a generic fallback and the host-config
//!   key that holds the real contact.
//! - `escalations.json`: complaints and credit-bureau steps, with the deadline rules each
//!   starts.
//! - `topics.json`: `days_left_rules` (urgency from the nearest deadline, every topic) and
//!   one guide per topic: questions, base urgency, channels in order of fit, steps,
//!   what to prepare, can/cannot, escalations, deadlines, letters, and `rules`.
//!   Guards (`when`: a list of conditions, all must hold) sit on questions, lines,
//!   channels, letters, escalations and rules. A condition tests an answer
//!   (`{"question": id, "in": [answers]}`), whether a fact is known (`{"fact": id,
//!   "known": bool}`), the state of a deadline's clock (`{"deadline": id, "state":
//!   ["unknown"|"open"|"closing"|"mail_by_passed"|"passed"]}`) or a host setting
//!   (`{"setting": key, "in": [values]}`). A rule's effects raise the urgency, move
//!   channels to the front, put steps first, or add escalations, deadlines and letters.
//!
//! Anything defined but unused, or referenced but undefined, fails the load (and the
//! `kb` test suite), so stale data cannot ship.

pub mod answers;
pub mod channel;
pub mod error;
pub mod escalation;
pub mod fact;
pub mod guide;
pub mod question;
pub mod rule;
mod validate;

/// The wasm build reads the KB from a compact form compiled from the same JSON (see
/// the build script `kb/compile.rs`); natively, [`kb`] parses the JSON so a mistake is reported precisely.
#[cfg(any(test, target_arch = "wasm32"))]
mod compact;

use std::sync::OnceLock;

use serde::Deserialize;

pub use answers::Answers;
pub use channel::Channel;
pub use error::{IdKind, KbError};
pub use escalation::Escalation;
pub use guide::{Block, ChannelFit, TopicGuide};
pub use question::{ChoiceOption, Question, QuestionKind, YesNoLabels, NO, YES};
pub use rule::{
    all_hold, Assessment, Condition, DaysLeftRule, Line, Pick, Rule, Situation, Urgency, UNKNOWN,
};

use crate::engine::topic::Topic;

/// Ids the knowledge base may reference, each checked against the table that owns it,
/// so a rule, letter or contact channel renamed there is caught when the data loads.
pub(crate) mod refs {
    use crate::engine::config::Channel;
    use crate::engine::letter::LetterKind;
    use crate::engine::rules;

    /// A deadline rule of the deadline engine.
    pub fn deadline(id: &str) -> bool {
        rules::rule(id).is_some()
    }

    /// A letter the letters module writes.
    pub fn letter(id: &str) -> bool {
        LetterKind::from_id(id).is_some()
    }

    /// A host-config contact key (a phone line, a link or the billing-error address).
    pub fn config_key(id: &str) -> bool {
        Channel::from_id(id).is_some()
    }
}

/// Most questions a topic may list, its blocks' included. Guards keep any one path much
/// shorter (the flow tests check that no path asks more than [`MAX_ASKED`]); the list is
/// long because later stages (the dispute sent, the decision received) have their own.
pub const MAX_QUESTIONS: usize = 20;

/// Most questions one cardholder is asked on any path through a topic's flow: the
/// longest is someone who knows no statement date and comes back at every stage of a
/// dispute (sent, received, decided). A first visit asks four or five.
pub const MAX_ASKED: usize = 13;

/// The raw text of the four KB files. Tests pass altered copies to [`Kb::load`].
#[derive(Clone, Copy, Debug)]
pub struct KbSources<'a> {
    pub topics: &'a str,
    pub questions: &'a str,
    pub channels: &'a str,
    pub escalations: &'a str,
}

/// The data that ships in the binary.
pub const SHIPPED: KbSources<'static> = KbSources {
    topics: include_str!("kb/topics.json"),
    questions: include_str!("kb/questions.json"),
    channels: include_str!("kb/channels.json"),
    escalations: include_str!("kb/escalations.json"),
};

/// A loaded, validated knowledge base.
#[derive(Debug)]
pub struct Kb {
    /// One per topic, in [`Topic::ALL`] order (the loader guarantees it).
    guides: Vec<TopicGuide>,
    days_left_rules: Vec<DaysLeftRule>,
    questions: Vec<Question>,
    yes_no: YesNoLabels,
    channels: Vec<Channel>,
    escalations: Vec<Escalation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    days_left_rules: Vec<DaysLeftRule>,
    #[serde(default)]
    blocks: Vec<Block>,
    topics: Vec<TopicGuide>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    yes_no: YesNoLabels,
    questions: Vec<Question>,
}

fn parse<'a, T: Deserialize<'a>>(file: &'static str, text: &'a str) -> Result<T, KbError> {
    serde_json::from_str(text).map_err(|e| KbError::Json {
        file,
        message: e.to_string(),
    })
}

impl Kb {
    /// Parses and validates a knowledge base; the first problem found is the error.
    pub fn load(src: KbSources<'_>) -> Result<Kb, KbError> {
        let topics: TopicsFile = parse("topics.json", src.topics)?;
        let questions: QuestionsFile = parse("questions.json", src.questions)?;
        let channels: Vec<Channel> = parse("channels.json", src.channels)?;
        let escalations: Vec<Escalation> = parse("escalations.json", src.escalations)?;
        Kb::assemble(topics, questions, channels, escalations)
    }

    /// Validates the parsed files and puts the guides in topic order.
    fn assemble(
        topics: TopicsFile,
        questions: QuestionsFile,
        channels: Vec<Channel>,
        escalations: Vec<Escalation>,
    ) -> Result<Kb, KbError> {
        // The wasm build reads data that the build script compiled from the very JSON files the
        // native tests validate in full (and a test proves both paths give the same Kb), so
        // it only orders the guides: re-checking what cannot have changed would add the
        // validator's code to every download.
        let full = cfg!(not(target_arch = "wasm32"));
        if full {
            validate::check_questions(&questions.questions, &questions.yes_no)?;
            validate::check_channels(&channels)?;
            validate::check_escalations(&escalations)?;
        }
        let mut kb = Kb {
            guides: Vec::new(),
            days_left_rules: topics.days_left_rules,
            questions: questions.questions,
            yes_no: questions.yes_no,
            channels,
            escalations,
        };
        kb.guides = validate::order_guides(topics.topics)?;
        validate::include_blocks(&mut kb.guides, &topics.blocks)?;
        if full {
            validate::check_days_left_rules(&kb.days_left_rules)?;
            for (topic, guide) in Topic::ALL.into_iter().zip(&kb.guides) {
                validate::check_guide(&kb, topic, guide)?;
            }
            validate::check_all_used(&kb)?;
        }
        Ok(kb)
    }

    /// The guidance for `topic`.
    pub fn guide(&self, topic: Topic) -> &TopicGuide {
        &self.guides[topic.index()]
    }

    /// All guides, in topic-tile order.
    pub fn guides(&self) -> &[TopicGuide] {
        &self.guides
    }

    /// Urgency rules driven by the days left before a deadline; they apply to every topic.
    pub fn days_left_rules(&self) -> &[DaysLeftRule] {
        &self.days_left_rules
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Every question `topic` may ask, in order, whatever the guards say: the answers a
    /// case may carry.
    pub fn questions_for(&self, topic: Topic) -> impl Iterator<Item = &Question> {
        self.guide(topic)
            .questions
            .iter()
            .filter_map(|pick| self.question(&pick.id))
    }

    /// The questions `topic` asks in this situation, in order: those whose guard holds.
    pub fn questions_asked<'a>(
        &'a self,
        topic: Topic,
        answers: &'a Answers,
        situation: &'a Situation,
    ) -> impl Iterator<Item = &'a Question> {
        self.guide(topic)
            .questions
            .iter()
            .filter(move |pick| all_hold(&pick.when, answers, situation))
            .filter_map(|pick| self.question(&pick.id))
    }

    /// The labels of the yes/no buttons.
    pub fn yes_no(&self) -> &YesNoLabels {
        &self.yes_no
    }

    /// The channel with this id.
    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    /// The escalation step with this id.
    pub fn escalation(&self, id: &str) -> Option<&Escalation> {
        self.escalations.iter().find(|e| e.id == id)
    }
}

/// The shipped knowledge base, loaded and validated on first use.
///
/// A failure is returned (to every caller) rather than panicking, so the widget can
/// show an error state; the `kb` test suite makes sure it never happens in a release.
pub fn kb() -> Result<&'static Kb, KbError> {
    static KB: OnceLock<Result<Kb, KbError>> = OnceLock::new();
    #[cfg(target_arch = "wasm32")]
    let load = compact::load;
    #[cfg(not(target_arch = "wasm32"))]
    let load = || Kb::load(SHIPPED);
    KB.get_or_init(load).as_ref().map_err(Clone::clone)
}
