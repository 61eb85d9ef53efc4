//! Everything the KB says about one topic.

use serde::Deserialize;

use super::rule::{Assessment, Condition, Line, Pick, Rule};
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
    /// Question ids, in the order asked; a guarded one is asked only while its guard
    /// holds, so a question comes up only when its answer can change the plan.
    #[serde(default)]
    pub questions: Vec<Pick>,
    /// The urgency before any answer is given.
    pub urgency: Assessment,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Channels in order of fit, best first.
    pub channels: Vec<ChannelFit>,
    /// "Do this now", in order. Each line may be guarded, so what is said follows the
    /// case (a claim about withholding payment only while the notice window is open).
    pub steps: Vec<Line>,
    /// What to have ready before contacting the issuer.
    pub prepare: Vec<Line>,
    /// What support can do.
    pub can: Vec<Line>,
    /// What support cannot do, or is not allowed to do.
    pub cannot: Vec<Line>,
    /// Escalation ids, in the order to try them.
    pub escalations: Vec<Pick>,
    /// Deadline rules this topic cares about, dated once their facts are known.
    #[serde(default)]
    pub deadlines: Vec<Pick>,
    #[serde(default)]
    pub letters: Vec<Pick>,
    /// Shared blocks of advice this topic includes (ids of `blocks`, possibly guarded).
    /// The loader appends each block's questions, lines, letters, escalations and
    /// deadlines to the topic's own, behind the block's guard, and empties this list.
    #[serde(default)]
    pub blocks: Vec<Pick>,
}

/// Advice several topics share, written once: the billing-error notice and its stages
/// belong to every topic where a charge may be a billing error.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub id: String,
    #[serde(default)]
    pub questions: Vec<Pick>,
    #[serde(default)]
    pub steps: Vec<Line>,
    #[serde(default)]
    pub prepare: Vec<Line>,
    #[serde(default)]
    pub can: Vec<Line>,
    #[serde(default)]
    pub cannot: Vec<Line>,
    #[serde(default)]
    pub escalations: Vec<Pick>,
    #[serde(default)]
    pub deadlines: Vec<Pick>,
    #[serde(default)]
    pub letters: Vec<Pick>,
}

impl TopicGuide {
    /// Appends `block` behind the guard `when`.
    pub(super) fn include(&mut self, block: &Block, when: &[Condition]) {
        let guarded = |when_own: &[Condition]| [when, when_own].concat();
        let lines = |own: &mut Vec<Line>, added: &[Line]| {
            own.extend(added.iter().map(|l| Line {
                when: guarded(&l.when),
                ..l.clone()
            }));
        };
        let picks = |own: &mut Vec<Pick>, added: &[Pick]| {
            own.extend(added.iter().map(|p| Pick {
                id: p.id.clone(),
                when: guarded(&p.when),
            }));
        };
        picks(&mut self.questions, &block.questions);
        lines(&mut self.steps, &block.steps);
        lines(&mut self.prepare, &block.prepare);
        lines(&mut self.can, &block.can);
        lines(&mut self.cannot, &block.cannot);
        picks(&mut self.escalations, &block.escalations);
        picks(&mut self.letters, &block.letters);
        picks(&mut self.deadlines, &block.deadlines);
    }
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
