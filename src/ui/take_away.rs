//! Taking the plan along: the deadlines as a calendar file, a printable copy, a share
//! link, and keeping the case on this device (only when the cardholder asks).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::config::HostConfig;
use crate::engine::export;
use crate::engine::letter::{LetterFields, LetterKind};
use crate::engine::share::{SharedCase, WidgetId};
use crate::ui::browser;
use crate::ui::confirm::confirm;
use crate::ui::events::HostEvent;
use crate::ui::letter_form::LetterForm;
use crate::ui::state::{Action, Dispatch, Note, PlanRef};
use crate::ui::text::{words, Words};

#[derive(Properties, PartialEq)]
pub struct TakeAwayProps {
    pub plan: PlanRef,
    pub config: Rc<HostConfig>,
    /// The case as a share link or saved copy carries it.
    pub shared: SharedCase,
    /// Whose links and saved copy these are.
    pub widget_id: WidgetId,
    pub letter: LetterFields,
    pub letter_kind: Option<LetterKind>,
    pub saved: bool,
    pub link: Option<String>,
    /// The current note, shown beside the control that raised it.
    pub note: Option<Note>,
    pub dispatch: Dispatch,
    pub on_event: Callback<HostEvent>,
}

/// The element a click came from, to find the widget it belongs to.
pub fn clicked(e: &MouseEvent) -> Option<web_sys::Element> {
    e.target_dyn_into::<web_sys::Element>()
}

/// Reports a browser refusal: to the host as an error, to the cardholder in words.
pub fn failed(dispatch: &Dispatch, on_event: &Callback<HostEvent>, code: &str, note: Note) {
    dispatch.dispatch(Action::Note(note));
    on_event.emit(HostEvent::error(code));
}

/// The note `which` as visible text beside the control that raised it, while it is the
/// current note. Hidden from assistive technology, which hears it from the status region.
pub fn done(text: &Words, note: Option<Note>, which: Note) -> Html {
    if note == Some(which) {
        html! { <p class="ch-done" aria-hidden="true">{ text.notes[which as usize] }</p> }
    } else {
        html! {}
    }
}

#[function_component(TakeAway)]
pub fn take_away(props: &TakeAwayProps) -> Html {
    let plan = &props.plan;
    let text = words(plan.locale);
    let (dispatch, on_event) = (props.dispatch.clone(), props.on_event.clone());

    let events = export::calendar_events(plan).len();
    let calendar = (events > 0).then(|| {
        let (plan, dispatch, on_event) = (plan.clone(), dispatch.clone(), on_event.clone());
        let onclick = Callback::from(move |e: MouseEvent| {
            let file = export::calendar(&plan, browser::now());
            let done = file.zip(clicked(&e)).is_some_and(|(ics, at)| {
                browser::download(
                    &at,
                    "cardhelp-deadlines.ics",
                    "text/calendar;charset=utf-8",
                    &ics,
                )
            });
            if done {
                dispatch.dispatch(Action::Note(Note::Downloaded));
                on_event.emit(HostEvent::Calendar { deadlines: events });
            } else {
                failed(&dispatch, &on_event, "download", Note::Failed);
            }
        });
        html! { <button type="button" class="ch-btn" {onclick}>{ text.calendar }</button> }
    });
    let print = {
        let (dispatch, on_event) = (dispatch.clone(), on_event.clone());
        let lang = plan.locale.tag();
        Callback::from(move |e: MouseEvent| {
            let at = clicked(&e);
            if at.is_some_and(|at| browser::print(&at, ".ch-plan", text.plan_title, lang)) {
                on_event.emit(HostEvent::Print);
            } else {
                failed(&dispatch, &on_event, "print", Note::Failed);
            }
        })
    };
    let share = {
        let (shared, dispatch, on_event) =
            (props.shared.clone(), dispatch.clone(), on_event.clone());
        let widget = props.widget_id.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(page) = browser::page_url() else {
                return;
            };
            let link = widget.link(&page, &shared);
            dispatch.dispatch(Action::Link(link));
            on_event.emit(HostEvent::Share);
        })
    };
    let copy_link = props.link.clone().map(|link| {
        let (dispatch, on_event) = (dispatch.clone(), on_event.clone());
        Callback::from(move |_: MouseEvent| {
            let (dispatch, on_event) = (dispatch.clone(), on_event.clone());
            browser::copy(link.clone(), move |ok| {
                if ok {
                    dispatch.dispatch(Action::Note(Note::LinkCopied));
                } else {
                    failed(&dispatch, &on_event, "clipboard", Note::CopyFailed);
                }
            });
        })
    });
    let save = {
        let (shared, dispatch, on_event) =
            (props.shared.clone(), dispatch.clone(), on_event.clone());
        let widget = props.widget_id.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::save(&widget, &shared) {
                dispatch.dispatch(Action::Saved);
                on_event.emit(HostEvent::Storage { saved: true });
            } else {
                failed(&dispatch, &on_event, "storage", Note::SaveFailed);
            }
        })
    };
    let forget = {
        let (dispatch, on_event) = (dispatch.clone(), on_event.clone());
        let widget = props.widget_id.clone();
        Callback::from(move |_| {
            browser::forget(&widget);
            dispatch.dispatch(Action::Forget);
            on_event.emit(HostEvent::Storage { saved: false });
        })
    };
    let kinds: Vec<LetterKind> = plan
        .advice
        .iter()
        .flat_map(|a| a.letters.iter())
        .filter_map(|id| LetterKind::from_id(id))
        .collect();

    html! {
        <div class="ch-takeaway" part="takeaway">
            <h3>{ text.takeaway_title }</h3>
            <div class="ch-actions">
                { calendar }
                { done(text, props.note, Note::Downloaded) }
                <button type="button" class="ch-btn" onclick={print}>{ text.print_plan }</button>
                <button type="button" class="ch-btn" onclick={share}>{ text.share }</button>
                { done(text, props.note, Note::LinkReady) }
            </div>
            if let Some(link) = &props.link {
                <label class="ch-label" for="ch-link">{ text.share_label }</label>
                <input id="ch-link" class="ch-input" readonly=true value={link.clone()} />
                <button type="button" class="ch-btn" onclick={copy_link}>{ text.copy_link }</button>
                { done(text, props.note, Note::LinkCopied) }
            }
            <p class="ch-help">{ text.share_note }</p>
            if props.saved {
                <div class="ch-saved">{ text.saved }
                    { confirm(text.forget, text.confirm_forget, forget) }</div>
            } else {
                <button type="button" class="ch-btn" onclick={save}>{ text.save }</button>
                <p class="ch-help">{ text.save_note }</p>
            }
            // Folded away so the plan stays short on a phone; opened with one tap (its
            // fields keep what was typed while closed).
            if !kinds.is_empty() {
                <details class="ch-more">
                    <summary>{ text.letter_open }</summary>
                    <LetterForm plan={plan.clone()} config={props.config.clone()} {kinds}
                        selected={props.letter_kind} typed={props.letter.clone()} note={props.note}
                        dispatch={dispatch.clone()} on_event={on_event.clone()} />
                </details>
            }
        </div>
    }
}
