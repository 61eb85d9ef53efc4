//! Mistakes in the host's config, for the site owner: each field and what is wrong with
//! it. The widget keeps working with the valid rest.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::config::ConfigIssue;
use crate::engine::locale::Locale;
use crate::ui::text::words;

#[derive(Properties, PartialEq)]
pub struct ConfigPanelProps {
    pub issues: Rc<Vec<ConfigIssue>>,
    pub locale: Locale,
}

#[function_component(ConfigPanel)]
pub fn config_panel(props: &ConfigPanelProps) -> Html {
    if props.issues.is_empty() {
        return html! {};
    }
    let text = words(props.locale);
    let issues = props.issues.iter().map(|i| {
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
