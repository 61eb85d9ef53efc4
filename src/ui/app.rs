//! The widget's root component: holds the state, derives the plan, reports host events,
//! and shows the step the cardholder is on.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::calendar::IsoDate;
use crate::engine::config::{ConfigIssue, HostConfig};
use crate::engine::kb::Urgency;
use crate::engine::locale::Locale;
use crate::engine::plan::resolve;
use crate::engine::share::WidgetId;
use crate::engine::topic::Topic;
use crate::ui::browser;
use crate::ui::config_panel::config_panel;
use crate::ui::confirm::confirm;
use crate::ui::events::{HostEvent, TopicSource};
use crate::ui::plan_view::PlanView;
use crate::ui::question::QuestionStep;
use crate::ui::start::Start;
use crate::ui::state::{Action, Note, PlanRef, State, Step};
use crate::ui::take_away::{failed, TakeAway};
use crate::ui::text::words;

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
    /// The operator's debug mode: shows the config's problems in the widget. Off, they go
    /// only to the console and the `error` event, never in front of a cardholder.
    #[prop_or_default]
    pub debug: bool,
    /// A topic the host preselects (skips the start step).
    #[prop_or_default]
    pub topic: Option<Topic>,
    /// Today's date on the cardholder's device; the engine never reads a clock.
    pub today: IsoDate,
    /// Receives every [`HostEvent`].
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// Whose share links and saved copy are this widget's: its element's `id`.
    #[prop_or_default]
    pub widget_id: WidgetId,
}

/// The state a widget opens with: a share link in the page URL for this widget wins (and
/// leaves the address bar), then the case the cardholder saved on this device, then the
/// host's preselected topic.
fn opening(props: &AppProps) -> State {
    let (locale, topic, today) = (props.locale, props.topic, props.today);
    let (host, widget) = (props.config.clone(), &props.widget_id);
    let start = Rc::new(State {
        locale,
        today: Some(today),
        host,
        ..State::default()
    });
    let link = browser::take_shared_link(widget);
    let saved = browser::saved(widget);
    let state = match (&link, &saved) {
        (Some(Ok(case)), _) => start.reduce(Action::Restore(case.clone(), false)),
        (_, Some(Some(case))) => start.reduce(Action::Restore(case.clone(), true)),
        _ => match topic {
            Some(topic) => start.reduce(Action::Choose(topic)),
            None => start,
        },
    };
    let mut state = (*state).clone();
    if saved == Some(None) {
        // Left in place, a damaged copy would be ignored again on every visit.
        browser::forget(widget);
        state.note = Some(Note::SaveDamaged);
    }
    if matches!(link, Some(Err(_))) {
        state.note = Some(Note::BadLink);
    }
    state
}

/// Scrolls the page just enough that the focused control in the widget sits above the
/// shown note, which sticks to the bottom of the screen and would otherwise cover it.
fn uncover(root: &NodeRef) -> Option<()> {
    let widget = root.cast::<web_sys::Element>()?;
    let note = widget.query_selector(".ch-status").ok()??;
    let window = web_sys::window()?;
    let focused = match widget.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => window.document()?.active_element(),
    }?;
    let covered =
        focused.get_bounding_client_rect().bottom() - note.get_bounding_client_rect().top();
    if widget.contains(Some(&focused)) && covered > 0.0 {
        window.scroll_by_with_x_and_y(0.0, covered + 8.0);
    }
    Some(())
}

/// What the app reacts to after a render, compared with the render before: one effect
/// for all of them keeps the widget small (each effect is its own code in the download).
#[derive(Clone, Copy, PartialEq)]
struct Watched {
    locale: Locale,
    host_locale: Locale,
    host_topic: Option<Topic>,
    step: Step,
    saved: bool,
    /// The shown note, by its `said` count.
    shown: Option<u8>,
}

/// Moves the focus to the first element in the widget matching `selector`.
fn focus(root: &NodeRef, selector: &str) {
    let found = root
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector(selector).ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(found) = found {
        let _ = found.focus();
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| opening(props));
    let widget = &props.widget_id;
    let root = use_node_ref();
    // The `said` count of the shown note the cardholder moved the focus away from.
    let dismissed = use_state_eq(|| None::<u8>);
    let on_event = props.on_event.clone();
    let dispatch = state.dispatcher();
    let locale = state.locale;
    let text = words(locale);

    {
        // The questions asked depend on the day and the host's settings, as the plan does.
        let dispatch = dispatch.clone();
        use_effect_with((props.today, props.config.clone()), move |(today, host)| {
            dispatch.dispatch(Action::Context(*today, host.clone()));
        });
    }
    let plan = use_memo(
        (
            state.step == Step::Plan,
            state.case(props.today),
            props.config.clone(),
        ),
        |(show, case, config)| show.then(|| resolve(case, config).map(Rc::new)),
    );

    let shown = state.note.is_some_and(Note::shown) && *dismissed != Some(state.said);
    {
        let watched = Watched {
            locale,
            host_locale: props.locale,
            host_topic: props.topic,
            step: state.step,
            saved: state.saved,
            shown: shown.then_some(state.said),
        };
        let before = use_mut_ref(|| None::<Watched>);
        let (on_event, dispatch, root) = (on_event.clone(), dispatch.clone(), root.clone());
        let (issues, topic) = (props.config_issues.clone(), state.topic);
        let bad_link = state.note == Some(Note::BadLink);
        let bad_save = state.note == Some(Note::SaveDamaged);
        use_effect_with(watched, move |now| {
            let Some(before) = before.replace(Some(*now)) else {
                // The first render: the widget is ready, and says what it opened with.
                on_event.emit(HostEvent::Ready {
                    locale: now.locale,
                    version: env!("CARGO_PKG_VERSION"),
                });
                if !issues.is_empty() {
                    on_event.emit(HostEvent::config_error(&issues));
                }
                let errors = [(bad_link, "share"), (bad_save, "storage")];
                for (_, code) in errors.iter().filter(|(happened, _)| *happened) {
                    on_event.emit(HostEvent::error(code));
                }
                if let Some(topic) = topic {
                    let source = TopicSource::Host;
                    on_event.emit(HostEvent::Topic { topic, source });
                }
                return;
            };
            if now.locale != before.locale {
                on_event.emit(HostEvent::Locale { locale: now.locale });
            }
            // The host changed its attributes: follow them.
            if now.host_locale != before.host_locale {
                dispatch.dispatch(Action::Locale(now.host_locale));
            }
            if let Some(topic) = now
                .host_topic
                .filter(|_| now.host_topic != before.host_topic)
            {
                dispatch.dispatch(Action::Choose(topic));
                let source = TopicSource::Host;
                on_event.emit(HostEvent::Topic { topic, source });
            }
            // Each new step takes focus to its heading, so keyboard and screen-reader users
            // land on what changed (never on first render: that would scroll the host page).
            if now.step != before.step {
                focus(&root, ".ch-step-h");
            } else if now.saved && !before.saved {
                // Saving replaced its button: the focus goes to what replaced it (Forget
                // this), not to the top of the page.
                focus(&root, ".ch-saved summary");
            }
            // A shown note sticks to the bottom of the screen: the control that raised it
            // (it has the focus) is kept clear of it. Once the focus moves on, the note goes.
            if now.shown.is_some() && now.shown != before.shown {
                uncover(&root);
            }
        });
    }
    {
        let on_event = on_event.clone();
        let plan = plan.clone();
        let topic = state.topic;
        use_effect_with(
            (state.step == Step::Plan, topic, state.topic_answers()),
            move |(shown, _, _)| match (*shown, topic, plan.as_ref()) {
                (true, Some(topic), Some(Ok(plan))) => on_event.emit(HostEvent::Plan {
                    topic,
                    urgency: plan.advice.as_ref().map_or(Urgency::Routine, |a| a.urgency),
                    deadline_ids: plan.deadlines.iter().map(|d| d.id.clone()).collect(),
                }),
                (true, _, Some(Err(_))) => on_event.emit(HostEvent::error("plan")),
                _ => {}
            },
        );
    }
    {
        // Once the cardholder chose to save, later changes (checked items, answers) are
        // kept too. Nothing is written before that choice.
        // Checked before each write: a copy forgotten elsewhere stays forgotten.
        let saved = state.saved.then(|| state.shared());
        let forgotten = {
            let (dispatch, on_event) = (dispatch.clone(), on_event.clone());
            move || {
                dispatch.dispatch(Action::Note(Note::Forgotten));
                on_event.emit(HostEvent::Storage { saved: false });
            }
        };
        let listening = saved.is_some();
        use_effect_with(saved, {
            let (forgotten, dispatch, on_event) =
                (forgotten.clone(), dispatch.clone(), on_event.clone());
            let widget = widget.clone();
            move |saved| {
                if let Some(case) = saved.as_ref().filter(|c| c.topic.is_some()) {
                    if !browser::still_saved(&widget) {
                        forgotten();
                    } else if !browser::save(&widget, case) {
                        failed(&dispatch, &on_event, "storage", Note::SaveFailed);
                    }
                }
            }
        });
        let widget = widget.clone();
        use_effect_with(listening, move |listening| {
            let listener = listening
                .then(|| browser::ForgottenElsewhere::new(&widget, forgotten))
                .flatten();
            move || drop(listener)
        });
    }

    let switch = Locale::ALL.iter().map(|&l| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" class="ch-lang-btn" lang={l.tag()}
                aria-pressed={(locale == l).to_string()}
                onclick={move |_| dispatch.dispatch(Action::Locale(l))}>
                { words(l).endonym }
            </button>
        }
    });

    let body = match state.step {
        Step::Start => html! {
            <Start {locale} topics={props.config.topics.clone()} story={state.story.clone()}
                dispatch={dispatch.clone()} on_event={on_event.clone()} />
        },
        Step::Question(position) => {
            let list = state.asked();
            // The guards may have hidden this question since (the day or the host's
            // settings changed): show the next one still asked.
            match list.iter().position(|q| q.position >= position) {
                Some(index) => {
                    let q = list[index].clone();
                    let (key, answer) = (q.id.clone(), state.answers.get(&q.id).cloned());
                    html! {
                        <QuestionStep {key} {locale} {answer} question={q} {index}
                            total={list.len()} today={props.today} dispatch={dispatch.clone()} />
                    }
                }
                None => html! {
                    <div class="ch-step" part="step">
                        <button type="button" class="ch-btn ch-btn-primary"
                            onclick={let d = dispatch.clone(); move |_| d.dispatch(Action::Continue)}>
                            { text.next }</button>
                    </div>
                },
            }
        }
        Step::Plan => match plan.as_ref() {
            Some(Ok(plan)) => {
                let plan = PlanRef(plan.clone());
                html! {
                    <>
                        <PlanView plan={plan.clone()} checked={state.checked.clone()}
                            dispatch={dispatch.clone()} />
                        <TakeAway {plan} config={props.config.clone()} shared={state.shared()}
                            widget_id={widget.clone()}
                            letter={state.letter.clone()} letter_kind={state.letter_kind}
                            saved={state.saved} link={state.link.clone()} note={state.note}
                            dispatch={dispatch.clone()} on_event={on_event.clone()} />
                    </>
                }
            }
            _ => html! {
                <div class="ch-step" part="step">
                    <h3 class="ch-step-h" tabindex="-1">{ text.plan_title }</h3>
                    <p class="ch-error" role="alert">{ text.plan_error }</p>
                </div>
            },
        },
    };
    let nav = match state.step {
        Step::Start => html! {},
        step => {
            let back = dispatch.clone();
            let over = dispatch.clone();
            let (saved, on_event, widget) = (state.saved, on_event.clone(), widget.clone());
            html! {
                <div class="ch-nav ch-noprint" part="nav">
                    <button type="button" class="ch-btn ch-btn-quiet"
                        onclick={move |_| back.dispatch(Action::Back)}>{ text.back }</button>
                    if step == Step::Plan {
                        { confirm(text.start_over, text.confirm_start_over, Callback::from(move |_| {
                            if saved {
                                browser::forget(&widget);
                                on_event.emit(HostEvent::Storage { saved: false });
                            }
                            over.dispatch(Action::StartOver);
                        })) }
                    }
                </div>
            }
        }
    };

    // A step's heading taking the focus is the widget moving it, not the cardholder.
    let onfocusin = {
        let (dismissed, said) = (dismissed.clone(), state.said);
        Callback::from(move |e: FocusEvent| {
            let moved = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|t| !t.matches(".ch-step-h").unwrap_or(false));
            if moved {
                dismissed.set(Some(said));
            }
        })
    };

    html! {
        <section class="ch" lang={locale.tag()} aria-labelledby="ch-title" ref={root} {onfocusin}>
            <div class="ch-bar" part="header">
                <h2 id="ch-title" class="ch-title" part="title">{ text.title }</h2>
                <div class="ch-lang" role="group" aria-label={text.language}>{ for switch }</div>
            </div>
            if props.debug {
                { config_panel(&props.config_issues, locale) }
            }
            { body }
            { nav }
            // Everyone hears a note; sighted cardholders also see the ones `Note::shown` picks,
            // until the focus moves on.
            <p class="ch-status ch-noprint" role="status" data-shown={shown.then_some("")}>
                { state.note.map_or("", |n| text.notes[n as usize]) }
                // A note raised again must be heard again: alternate a trailing no-break
                // space so the region's text changes each time.
                { if state.said % 2 == 1 { "\u{a0}" } else { "" } }</p>
        </section>
    }
}
