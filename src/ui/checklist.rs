//! A list the cardholder can tick off; what is checked is kept with a saved case.

use yew::prelude::*;

use crate::ui::state::{Action, Dispatch};

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    /// Starts each item's id (`s` for steps, `p` for things to have ready).
    pub prefix: &'static str,
    pub items: Vec<String>,
    /// Every checked id in the case, from any list.
    pub checked: Vec<String>,
    pub dispatch: Dispatch,
}

#[function_component(Checklist)]
pub fn checklist(props: &ChecklistProps) -> Html {
    let items = props.items.iter().enumerate().map(|(i, item)| {
        let id = format!("{}{i}", props.prefix);
        let input_id = format!("ch-{id}");
        let checked = props.checked.contains(&id);
        let dispatch = props.dispatch.clone();
        let onchange =
            Callback::from(move |_: Event| dispatch.dispatch(Action::Toggle(id.clone())));
        html! {
            <li>
                <input type="checkbox" id={input_id.clone()} {checked} {onchange} />
                <label for={input_id}>{ item }</label>
            </li>
        }
    });
    html! { <ul class="ch-checks">{ for items }</ul> }
}
