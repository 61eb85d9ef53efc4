//! The widget's state as plain data, and every way it can change.
//!
//! Only what the cardholder did lives here: the topic, the answers, checked items, the
//! letter fields typed. The plan, the questions and the letters are derived from it
//! by the engine on each render, so they can never go stale.

use std::ops::Deref;
use std::rc::Rc;

use yew::{Reducible, UseReducerDispatcher};

use crate::engine::calendar::IsoDate;
use crate::engine::case::{Case, Facts};
use crate::engine::config::HostConfig;
use crate::engine::flow::{asked, may_ask, FlowQuestion};
use crate::engine::kb::Answers;
use crate::engine::letter::{LetterFields, LetterKind};
use crate::engine::locale::Locale;
use crate::engine::plan::Plan;
use crate::engine::share::SharedCase;
use crate::engine::topic::Topic;

/// Where the cardholder is in the flow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Step {
    #[default]
    Start,
    /// The topic's question at this position in its list (a stable place while guards
    /// hide or show the questions around it).
    Question(usize),
    Plan,
}

/// What the polite live region says; worded by `text::Words::notes`, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    LinkCopied,
    CopyFailed,
    LinkReady,
    Saved,
    SaveFailed,
    Forgotten,
    BadLink,
    Downloaded,
    Restored,
    /// The browser refused a download or a print.
    Failed,
    LetterCopied,
    /// The copy saved on this device could not be read; it was removed.
    SaveDamaged,
}

impl Note {
    /// Whether sighted cardholders see the note too (everyone hears it through the status
    /// region): failures, and what happened to the whole case, which nothing else on the
    /// screen shows. The other notes confirm something already visible.
    pub fn shown(self) -> bool {
        matches!(
            self,
            Note::CopyFailed
                | Note::SaveFailed
                | Note::Forgotten
                | Note::BadLink
                | Note::Failed
                | Note::SaveDamaged
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub locale: Locale,
    pub step: Step,
    pub topic: Option<Topic>,
    /// Every answer given, for any topic; a topic reads only its own questions' answers,
    /// so going back and switching topics loses nothing.
    pub answers: Answers,
    /// Facts a share link or saved copy carried beyond the answers.
    pub facts: Facts,
    /// What the cardholder typed in the start box.
    pub story: String,
    /// Checked steps (`s0`…) and items to have ready (`p0`…).
    pub checked: Vec<String>,
    /// The letter fields typed: never saved, never shared.
    pub letter: LetterFields,
    /// The letter being filled, when the plan offers several.
    pub letter_kind: Option<LetterKind>,
    /// The cardholder chose to keep this case on the device.
    pub saved: bool,
    /// The share link made for the current case.
    pub link: Option<String>,
    pub note: Option<Note>,
    /// The day and the host's config the questions are chosen for: which questions a
    /// case asks depends on its dated clocks and the host's settings, as the plan does.
    pub today: Option<IsoDate>,
    pub host: Rc<HostConfig>,
    /// How many notes the cardholder's own actions have raised: the same note raised
    /// again (a second "Link copied.") must still be heard, so the status region changes
    /// with it (see `app`).
    pub said: u8,
}

pub enum Action {
    Locale(Locale),
    Story(String),
    /// Chose a topic: go to its first question, or its plan when it asks none.
    Choose(Topic),
    /// Answered (or with `None`, skipped) the current question, then move on.
    Answer(String, Option<String>),
    /// Move on from the current question without answering anything.
    Continue,
    Back,
    StartOver,
    /// Check or uncheck an item.
    Toggle(String),
    /// A letter field changed (slot id, value).
    Letter(&'static str, String),
    PickLetter(LetterKind),
    Saved,
    /// Forget the case: nothing is kept, on screen or on the device.
    Forget,
    /// A share link or saved copy; `true` when it came from the device's storage.
    Restore(SharedCase, bool),
    Link(String),
    Note(Note),
    /// The day and the host's config changed (or were first given).
    Context(IsoDate, Rc<HostConfig>),
}

pub type Dispatch = UseReducerDispatcher<State>;

/// The plan the app derived, as the views receive it. Two are equal when they are the
/// same derivation: the app derives a new plan only when the case changes, so comparing
/// the pointer is exact, and spares comparing every deadline on each render.
#[derive(Clone)]
pub struct PlanRef(pub Rc<Plan>);

impl PartialEq for PlanRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for PlanRef {
    type Target = Plan;

    fn deref(&self) -> &Plan {
        &self.0
    }
}

impl State {
    /// The answers the current topic asks for.
    pub fn topic_answers(&self) -> Answers {
        let Some(topic) = self.topic else {
            return Answers::new();
        };
        let mut answers = self.answers.clone();
        answers.retain(|q, _| may_ask(topic, q));
        answers
    }

    /// The questions the case asks now, answered or not, in order (see `flow::asked`).
    pub fn asked(&self) -> Vec<FlowQuestion> {
        match (self.topic, self.today) {
            (Some(_), Some(today)) => {
                // The cardholder's own words pre-answer some questions ("charged twice").
                let case = Case {
                    text: Some(self.story.clone()).filter(|s| !s.trim().is_empty()),
                    ..self.case(today)
                };
                asked(&case, &self.host).unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }

    /// The case the plan is resolved from.
    pub fn case(&self, today: IsoDate) -> Case {
        self.shared().case(today)
    }

    /// What a share link or saved copy carries (`checked` only for a saved copy).
    pub fn shared(&self) -> SharedCase {
        SharedCase {
            topic: self.topic,
            locale: self.locale,
            answers: self.topic_answers(),
            facts: self.facts.clone(),
            checked: self.checked.clone(),
        }
    }

    /// The first question still asked after `position`, or the plan.
    fn after_question(&self, position: usize) -> Step {
        let next = self.asked().into_iter().find(|q| q.position > position);
        next.map_or(Step::Plan, |q| Step::Question(q.position))
    }

    /// The last question still asked before `position` (all of them: `usize::MAX`).
    fn before(&self, position: usize) -> Step {
        let previous = self.asked().into_iter().rfind(|q| q.position < position);
        previous.map_or(Step::Start, |q| Step::Question(q.position))
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Locale(locale) if locale != s.locale => {
                s.locale = locale;
                // A link made before carries the old language, and what was said of it goes.
                s.link = None;
                // Only a note the screen shows stays (now in the new language): one said
                // only to screen readers would be said again, about nothing new.
                s.note = s.note.filter(|n| n.shown());
            }
            Action::Story(story) => s.story = story,
            Action::Choose(topic) => {
                s.note = None;
                if s.topic != Some(topic) {
                    s.checked.clear();
                    s.letter_kind = None;
                }
                s.topic = Some(topic);
                s.link = None;
                s.step = match s.asked().first() {
                    Some(q) => Step::Question(q.position),
                    None => Step::Plan,
                };
            }
            Action::Answer(question, answer) => {
                let Step::Question(index) = s.step else {
                    return self;
                };
                s.note = None;
                let changed = match answer {
                    Some(a) => s.answers.insert(question, a.clone()).as_ref() != Some(&a),
                    None => s.answers.remove(&question).is_some(),
                };
                if changed {
                    s.checked.clear();
                    s.link = None;
                }
                s.step = s.after_question(index);
            }
            Action::Continue => {
                if let Step::Question(position) = s.step {
                    s.step = s.after_question(position);
                }
            }
            Action::Back => {
                s.note = None;
                s.step = match s.step {
                    Step::Question(position) => s.before(position),
                    Step::Plan => s.before(usize::MAX),
                    Step::Start => Step::Start,
                };
            }
            // The case is discarded, with any copy of it on the device (the caller removes
            // that): nothing is stored again until the cardholder saves the next one.
            Action::StartOver => {
                s = State {
                    locale: s.locale,
                    today: s.today,
                    host: s.host.clone(),
                    ..State::default()
                }
            }
            Action::Toggle(id) => {
                if let Some(i) = s.checked.iter().position(|c| *c == id) {
                    s.checked.remove(i);
                } else {
                    s.checked.push(id);
                }
            }
            Action::Letter(field, value) => {
                crate::engine::export::set_letter_field(&mut s.letter, field, value);
            }
            Action::PickLetter(kind) => s.letter_kind = Some(kind),
            Action::Saved => {
                s.saved = true;
                s.note = Some(Note::Saved);
            }
            Action::Forget => {
                s = State {
                    locale: s.locale,
                    note: Some(Note::Forgotten),
                    said: s.said.wrapping_add(1),
                    today: s.today,
                    host: s.host.clone(),
                    ..State::default()
                }
            }
            Action::Context(today, host) => {
                s.today = Some(today);
                s.host = host;
            }
            Action::Restore(case, saved) => {
                s.topic = case.topic;
                s.locale = case.locale;
                s.answers = case.answers;
                s.facts = case.facts;
                s.checked = case.checked;
                s.saved = saved;
                s.step = if s.topic.is_some() {
                    Step::Plan
                } else {
                    Step::Start
                };
                s.note = saved.then_some(Note::Restored);
            }
            Action::Link(link) => {
                s.link = Some(link);
                s.note = Some(Note::LinkReady);
                s.said = s.said.wrapping_add(1);
            }
            Action::Note(note) => {
                // A save that failed (the storage is full, or refused), or a copy forgotten
                // in another tab, is no save: the screen stops saying "Saved" and offers
                // the button again.
                s.saved &= !matches!(note, Note::SaveFailed | Note::Forgotten);
                s.note = Some(note);
                s.said = s.said.wrapping_add(1);
            }
            Action::Locale(_) => return self,
        }
        // A new plan says nothing more: its heading takes the focus and says it.
        Rc::new(s)
    }
}
