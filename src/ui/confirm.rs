//! Asking once before something that can't be undone (Start over, Forget this): the
//! control opens a question in place, and only its "yes" does it; tapping the control
//! again closes the question and keeps everything. A native disclosure, so it needs no
//! state or script of its own and keyboards and screen readers know it.

use yew::prelude::*;

/// `label` opens `[question, yes]`; `on_yes` does the thing.
pub fn confirm(label: &str, [question, yes]: [&str; 2], on_yes: Callback<MouseEvent>) -> Html {
    html! {
        <details class="ch-confirm">
            <summary class="ch-btn ch-btn-quiet">{ label }</summary>
            <p>{ question }</p>
            <button type="button" class="ch-btn ch-btn-primary" onclick={on_yes}>{ yes }</button>
        </details>
    }
}
