//! The first step: a box to say what happened, and the topic tiles for those who would
//! rather tap.

use yew::prelude::*;

use crate::engine::locale::Locale;
use crate::engine::topic::Topic;
use crate::engine::triage::topics;
use crate::ui::events::{HostEvent, TopicSource};
use crate::ui::state::{Action, Dispatch};
use crate::ui::text::words;

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
    let tile_list = props.topics.iter().filter_map(|topic| {
        let tile = tiles.iter().find(|t| t.id == *topic)?;
        Some(html! {
            <li>
                <button type="button" class="ch-tile" onclick={choose(*topic, TopicSource::Tile)}>
                    <strong>{ &tile.title }</strong>{ " " }
                    <span>{ &tile.description }</span>
                </button>
            </li>
        })
    });
    html! {
        <div class="ch-step">
            <h3 class="ch-step-h" tabindex="-1"><label for="ch-story">{ text.story_label }</label></h3>
            <p id="ch-story-hint" class="ch-help">{ text.story_hint }</p>
            <textarea id="ch-story" class="ch-input" rows="3" aria-describedby="ch-story-hint"
                value={props.story.clone()} {oninput} />
            <h3>{ text.tiles_title }</h3>
            <ul class="ch-tiles">{ for tile_list }</ul>
        </div>
    }
}
