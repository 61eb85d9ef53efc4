//! A list the cardholder can tick off; what is checked is kept with a saved case.

use yew::prelude::*;

use crate::ui::state::{Action, Dispatch};

/// A stateless view, so a plain function rather than a component: each component type
/// costs the widget's download its own copy of Yew's component machinery.
///
/// `prefix` starts each item's id (`s` for steps, `p` for things to have ready);
/// `checked` holds every checked id in the case, from any list.
pub fn checklist(prefix: &str, items: &[String], checked: &[String], dispatch: &Dispatch) -> Html {
    let items = items.iter().enumerate().map(|(i, item)| {
        let id = format!("{prefix}{i}");
        let input_id = format!("ch-{id}");
        let checked = checked.contains(&id);
        let dispatch = dispatch.clone();
        let onchange =
            Callback::from(move |_: Event| dispatch.dispatch(Action::Toggle(id.clone())));
        html! {
            // The print view copies the markup, where a box's checked state (a property)
            // would be lost: the attribute carries it.
            <li data-checked={checked.then_some("")}>
                <input type="checkbox" id={input_id.clone()} {checked} {onchange} />
                <label for={input_id}>{ item }</label>
            </li>
        }
    });
    html! { <ul class="ch-checks">{ for items }</ul> }
}
