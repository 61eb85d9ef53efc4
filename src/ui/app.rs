//! The widget's root component.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::calendar::IsoDate;
use crate::engine::config::{ConfigIssue, HostConfig};
use crate::engine::locale::Locale;
use crate::engine::topic::Topic;
use crate::ui::events::HostEvent;

/// What the host (through the embed layer) gives a widget. Changing a prop updates the
/// running widget without losing the cardholder's answers.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The language the host asks for; the cardholder can still switch at any time.
    #[prop_or_default]
    pub locale: Locale,
    /// The issuer's details (phone lines, links, calendar, topics to show).
    #[prop_or_default]
    pub config: Rc<HostConfig>,
    /// Problems found in the host's config, for the operator-facing error panel.
    #[prop_or_default]
    pub config_issues: Rc<Vec<ConfigIssue>>,
    /// A topic the host preselects (skips the start step).
    #[prop_or_default]
    pub topic: Option<Topic>,
    /// Today's date on the cardholder's device; the engine never reads a clock.
    pub today: IsoDate,
    /// Receives every [`HostEvent`].
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
}

/// Shell texts, per locale, in one table.
struct ShellText {
    title: &'static str,
    prompt: &'static str,
    disclaimer: &'static str,
    language: &'static str,
    /// The language's own name, shown on its switch button.
    endonym: &'static str,
}

const SHELL: [(Locale, ShellText); 2] = [
    (
        Locale::En,
        ShellText {
            title: "Get help with your card",
            prompt: "Tell us what happened",
            disclaimer: "This is general information, not legal advice.",
            language: "Language",
            endonym: "English",
        },
    ),
    (
        Locale::Es,
        ShellText {
            title: "Ayuda con su tarjeta",
            prompt: "Cuéntenos qué pasó",
            disclaimer: "Esta es información general, no asesoría legal.",
            language: "Idioma",
            endonym: "Español",
        },
    ),
];

fn shell(locale: Locale) -> &'static ShellText {
    &SHELL
        .iter()
        .find(|(l, _)| *l == locale)
        .unwrap_or(&SHELL[0])
        .1
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let locale = use_state_eq(|| props.locale);
    let text = shell(*locale);
    let switch = Locale::ALL.iter().map(|&l| {
        let onclick = {
            let locale = locale.clone();
            Callback::from(move |_| locale.set(l))
        };
        html! {
            <button type="button" class="ch-lang-btn" lang={l.tag()}
                aria-pressed={(*locale == l).to_string()} {onclick}>
                { shell(l).endonym }
            </button>
        }
    });
    html! {
        <section class="ch" lang={locale.tag()} aria-labelledby="ch-title">
            <div class="ch-bar">
                <h2 id="ch-title" class="ch-title">{ text.title }</h2>
                <div class="ch-lang" role="group" aria-label={text.language}>{ for switch }</div>
            </div>
            <label class="ch-label" for="ch-story">{ text.prompt }</label>
            <textarea id="ch-story" class="ch-story" rows="3" />
            <p class="ch-disclaimer">{ text.disclaimer }</p>
        </section>
    }
}
