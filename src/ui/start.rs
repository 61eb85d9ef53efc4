//! The first step: a box to say what happened, with live topic suggestions as the
//! cardholder types, and the topic tiles for those who would rather tap. When the words
//! are not enough to tell, it says so and points to the tiles instead of guessing.

use yew::prelude::*;

use crate::engine::classify::classify;
use crate::engine::locale::Locale;
use crate::engine::template::fill;
use crate::engine::topic::Topic;
use crate::engine::triage::topics;
use crate::ui::events::{HostEvent, TopicSource};
use crate::ui::state::{Action, Dispatch};
use crate::ui::text::words;

/// Fewest characters before suggestions show: a letter or two says nothing yet.
const MIN_STORY_CHARS: usize = 4;

/// Suggestions after the first need at least this probability to be worth a button.
const MIN_ALSO_SCORE: f32 = 0.1;

/// Most suggestions shown.
const MAX_SUGGESTIONS: usize = 3;

/// Most of the words behind the first suggestion that are shown: the strongest few say
/// why; the rest are mostly small words.
const MAX_REASONS: usize = 3;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub locale: Locale,
    /// The topics the host offers, in its order.
    pub topics: Vec<Topic>,
    pub story: String,
    pub dispatch: Dispatch,
    pub on_event: Callback<HostEvent>,
}

#[function_component(Start)]
pub fn start(props: &StartProps) -> Html {
    let text = words(props.locale);
    let tiles = topics(props.locale).unwrap_or_default();
    let choose = |topic: Topic, source: TopicSource| {
        let (dispatch, on_event) = (props.dispatch.clone(), props.on_event.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Choose(topic));
            on_event.emit(HostEvent::Topic { topic, source });
        })
    };
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Story(area.value()));
        })
    };
    let story = props.story.trim();
    let reading = use_memo(story.to_owned(), |story| {
        (story.chars().count() >= MIN_STORY_CHARS)
            .then(|| classify(story).ok())
            .flatten()
    });
    let suggestions = reading.as_ref().as_ref().map(|reading| {
        let offered: Vec<Topic> = reading
            .topics
            .iter()
            .enumerate()
            .filter(|(i, s)| *i == 0 || s.score >= MIN_ALSO_SCORE)
            .map(|(_, s)| s.topic)
            .filter(|t| props.topics.contains(t))
            .take(MAX_SUGGESTIONS)
            .collect();
        // The first topic must be one the host offers, or the reading is no use here.
        let usable = reading.confident && offered.first() == Some(&reading.top());
        if !usable {
            return (html! { <p class="ch-suggest">{ text.not_sure }</p> }, text.not_sure.to_owned());
        }
        let buttons = offered.iter().filter_map(|topic| {
            let tile = tiles.iter().find(|t| t.id == *topic)?;
            Some(html! {
                <li><button type="button" class="ch-option" onclick={choose(*topic, TopicSource::Text)}>
                    { &tile.title }</button></li>
            })
        });
        let shown_reasons = &reading.reasons[..reading.reasons.len().min(MAX_REASONS)];
        let because = fill(text.because, &[("words", &shown_reasons.join(", "))]);
        let first = tiles.iter().find(|t| Some(&t.id) == offered.first());
        let summary = format!("{} {}", text.suggested, first.map_or("", |t| t.title.as_str()));
        let shown = html! {
            <div class="ch-suggest">
                <p><strong>{ text.suggested }</strong></p>
                <ul class="ch-suggestions">{ for buttons }</ul>
                <p class="ch-help">{ because }</p>
            </div>
        };
        (shown, summary)
    });
    let (suggestions, summary) = suggestions.unzip();
    // Always one node, even when there is nothing to suggest: Yew pairs unkeyed children
    // from the end of the list, so a child that comes and goes would shift the textarea's
    // place and re-create it mid-word (dropping the focus and closing a phone's keyboard).
    let suggestions = suggestions.unwrap_or_default();
    let tile_list = props.topics.iter().filter_map(|topic| {
        let tile = tiles.iter().find(|t| t.id == *topic)?;
        // The button is named by the title alone and described by the rest: one short name
        // to hear in a list of topics, and a name that is all of its visible text. The whole
        // tile still takes the tap (see the stylesheet).
        let about = format!("ch-t-{}", topic.id());
        Some(html! {
            <li class="ch-tile">
                <button type="button" onclick={choose(*topic, TopicSource::Tile)}
                    aria-describedby={about.clone()}><strong>{ &tile.title }</strong></button>
                <span id={about}>{ &tile.description }</span>
            </li>
        })
    });
    html! {
        <div class="ch-step" part="step">
            <h3 class="ch-step-h" tabindex="-1"><label for="ch-story">{ text.story_label }</label></h3>
            <p id="ch-story-hint" class="ch-help">{ text.story_hint }</p>
            <textarea id="ch-story" class="ch-input" rows="3" aria-describedby="ch-story-hint"
                value={props.story.clone()} {oninput} />
            { suggestions }
            // Always present, so screen readers hear when the reading changes (it changes
            // with the top topic, not with every keystroke).
            <p class="ch-sr" aria-live="polite">{ summary.unwrap_or_default() }</p>
            <h3>{ text.tiles_title }</h3>
            <ul class="ch-tiles">{ for tile_list }</ul>
        </div>
    }
}
