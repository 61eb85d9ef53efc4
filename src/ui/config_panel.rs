//! Mistakes in the host's config, for the site owner: each field and what is wrong with
//! it. The widget keeps working with the valid rest.

use yew::prelude::*;

use crate::engine::config::ConfigIssue;
use crate::engine::locale::Locale;
use crate::ui::text::words;

/// A stateless view: a plain function, like the other views without state of their own.
pub fn config_panel(issues: &[ConfigIssue], locale: Locale) -> Html {
    if issues.is_empty() {
        return html! {};
    }
    let text = words(locale);
    let issues = issues.iter().map(|i| {
        html! { <li><code>{ &i.field }</code>{ ": " }{ &i.message }</li> }
    });
    html! {
        <div class="ch-config-issues ch-noprint">
            <h3>{ text.issues_title }</h3>
            <p>{ text.issues_intro }</p>
            // The messages are for the operator and always in English.
            <ul lang="en">{ for issues }</ul>
        </div>
    }
}
