//! The letter the plan calls for, filled in on the device: a field for each blank the
//! letter has, a live preview with `[markers]` for what is still blank, and copy,
//! print and download. Typed details are never saved or shared.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::config::HostConfig;
use crate::engine::export::{letter_field, letter_fields, set_letter_field};
use crate::engine::letter::{
    render, AdverseAction, BillingErrorReason, LetterFields, LetterKind, RefundMethod,
};
use crate::engine::locale::Locale;
use crate::engine::template::fill;
use crate::ui::browser;
use crate::ui::events::HostEvent;
use crate::ui::state::{Action, Dispatch, Note, PlanRef};
use crate::ui::take_away::{clicked, done, failed};
use crate::ui::text::{field_label, field_rank, words};

#[derive(Properties, PartialEq)]
pub struct LetterFormProps {
    pub plan: PlanRef,
    pub config: Rc<HostConfig>,
    /// The letters the plan calls for, in its order.
    pub kinds: Vec<LetterKind>,
    pub selected: Option<LetterKind>,
    pub typed: LetterFields,
    /// The current note, shown beside the control that raised it.
    pub note: Option<Note>,
    pub dispatch: Dispatch,
    pub on_event: Callback<HostEvent>,
}

/// Fields the plan always fills: the letter's date and its deadline.
const COMPUTED: [&str; 2] = ["today", "receive_by"];

/// The options of a choice field: (id, label).
fn choices(id: &str, locale: Locale) -> Option<Vec<(&'static str, &'static str)>> {
    Some(match id {
        "reason" => BillingErrorReason::ALL
            .iter()
            .map(|c| (c.id(), c.label(locale)))
            .collect(),
        "adverse_action" => AdverseAction::ALL
            .iter()
            .map(|c| (c.id(), c.label(locale)))
            .collect(),
        "refund_method" => RefundMethod::ALL
            .iter()
            .map(|c| (c.id(), c.label(locale)))
            .collect(),
        _ => return None,
    })
}

#[function_component(LetterForm)]
pub fn letter_form(props: &LetterFormProps) -> Html {
    let plan = &props.plan;
    let locale = plan.locale;
    let text = words(locale);
    // Date fields holding a date that doesn't exist (February 30): the letter shows them
    // blank, whatever real date the field held before, until they hold a real one.
    let unreal = use_state_eq(Vec::<&'static str>::new);
    // The problems Copy, Print and Download last warned about: pressed again with the
    // same problems, they go ahead.
    let warned = use_state_eq(Vec::<&'static str>::new);
    let Some(kind) = props
        .selected
        .filter(|k| props.kinds.contains(k))
        .or_else(|| props.kinds.first().copied())
    else {
        return html! {};
    };
    let fields = letter_fields(plan, kind, &props.typed, &props.config);
    let mut shown = fields.clone();
    for id in unreal.iter() {
        set_letter_field(&mut shown, id, String::new());
    }
    let letter = render(kind, &shown, locale);
    let mut asked = render(kind, &LetterFields::default(), locale).missing;
    crate::engine::order::sort_by_key(&mut asked, |id| field_rank(id));

    let tabs = props.kinds.iter().map(|&k| {
            let dispatch = props.dispatch.clone();
            html! {
                <button type="button" class="ch-option" aria-pressed={(k == kind).to_string()}
                    onclick={move |_| dispatch.dispatch(Action::PickLetter(k))}>{ text.letter(k) }</button>
            }
        });

    let inputs = asked.iter().filter(|id| !COMPUTED.contains(id)).map(|&id| {
        let input_id = format!("ch-f-{id}");
        let error_id = format!("{input_id}-err");
        let problem = if unreal.contains(&id) {
            Some(text.bad_date)
        } else {
            letter
                .invalid
                .iter()
                .find(|i| i.field == id)
                .map(|i| i.message.as_str())
        };
        // What the field holds; blank for a date that doesn't exist, as the field itself then
        // reads: Yew writes a value that differs from the field's, and would put the last
        // real date back under the cardholder's fingers.
        let value = letter_field(&shown, id);
        let dispatch = props.dispatch.clone();
        let changed = move |value: String| dispatch.dispatch(Action::Letter(id, value));
        let date_field = id.ends_with("_date");
        let oninput = {
            let (changed, unreal) = (changed.clone(), unreal.clone());
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                if !date_field {
                    return changed(input.value());
                }
                // A typed date that doesn't exist reads as empty. The field's value is
                // left alone (setting it would wipe what is being typed); the form marks
                // the field and the browser's validity carries the same words, never
                // reported: a bubble raised mid-typing sends the next keys to other parts
                // of the date in Firefox and WebKit, which then end on a real but wrong date.
                let mut now: Vec<_> = unreal.iter().copied().filter(|f| *f != id).collect();
                let nonsense = input.validity().bad_input();
                input.set_custom_validity(if nonsense { text.bad_date } else { "" });
                if nonsense {
                    now.push(id);
                } else {
                    changed(input.value());
                }
                unreal.set(now);
            })
        };
        let maxlength = crate::engine::letter::max_chars(id).map(|n| n.to_string());
        let described = problem.map(|_| error_id.clone());
        let invalid = problem.map(|_| "true");
        let control = if let Some(options) = choices(id, locale) {
            let onchange = Callback::from(move |e: Event| {
                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                changed(select.value());
            });
            html! {
                <select id={input_id.clone()} class="ch-input" {onchange}>
                    <option value="" selected={value.is_empty()}>{ text.choose }</option>
                    { for options.into_iter().map(|(v, label)| html! {
                        <option value={v} selected={v == value}>{ label }</option>
                    }) }
                </select>
            }
        } else if matches!(
            id,
            "address" | "details" | "issuer_address" | "billing_error_address"
        ) {
            html! {
                <textarea id={input_id.clone()} class="ch-input" rows="3" {value} {maxlength}
                    autocomplete={(id == "address").then_some("street-address")}
                    aria-describedby={described} aria-invalid={invalid} {oninput} />
            }
        } else {
            let kind = if date_field { "date" } else { "text" };
            let mode = match id {
                "last4" => Some("numeric"),
                "amount" => Some("decimal"),
                _ => None,
            };
            html! {
                <input id={input_id.clone()} class="ch-input" type={kind} {value}
                    inputmode={mode} {maxlength}
                    autocomplete={(id == "name").then_some("name")}
                    aria-describedby={described} aria-invalid={invalid} {oninput} />
            }
        };
        html! {
            <div class="ch-field">
                <label class="ch-label" for={input_id}>{ field_label(locale, id) }</label>
                { control }
                if let Some(message) = problem {
                    <p id={error_id} class="ch-error">{ message }</p>
                }
            </div>
        }
    });

    let missing: Vec<&str> = letter
        .missing
        .iter()
        .map(|id| field_label(locale, id))
        .collect();

    // Copy, Print and Download say first when a field can't be used (the letter leaves it
    // blank); pressed again, they go ahead.
    let mut problems: Vec<&'static str> = letter.invalid.iter().map(|i| i.field).collect();
    problems.extend(unreal.iter().copied());
    crate::engine::order::sort_by_key(&mut problems, |id| field_rank(id));
    let warning = (!problems.is_empty() && *warned == problems).then(|| {
        let list: Vec<&str> = problems.iter().map(|id| field_label(locale, id)).collect();
        fill(text.letter_check, &[("list", &list.join(", "))])
    });
    let go = {
        let warned = warned.clone();
        move || {
            let ready = problems.is_empty() || *warned == problems;
            warned.set(problems.clone());
            ready
        }
    };
    let on_event = props.on_event.clone();
    let report = move |action: &'static str| {
        on_event.emit(HostEvent::Letter {
            letter: kind.id().into(),
            action: action.into(),
        })
    };
    let copy = {
        let (body, dispatch, on_event, report) = (
            letter.body.clone(),
            props.dispatch.clone(),
            props.on_event.clone(),
            report.clone(),
        );
        let go = go.clone();
        Callback::from(move |_: MouseEvent| {
            if !go() {
                return;
            }
            let (dispatch, on_event, report) = (dispatch.clone(), on_event.clone(), report.clone());
            browser::copy(body.clone(), move |ok| {
                if ok {
                    dispatch.dispatch(Action::Note(Note::LetterCopied));
                    report("copy");
                } else {
                    failed(&dispatch, &on_event, "clipboard", Note::CopyFailed);
                }
            });
        })
    };
    let print = {
        let (dispatch, on_event, report) = (
            props.dispatch.clone(),
            props.on_event.clone(),
            report.clone(),
        );
        let title = letter.subject.clone();
        let go = go.clone();
        Callback::from(move |e: MouseEvent| {
            if !go() {
                return;
            }
            let at = clicked(&e);
            if at.is_some_and(|at| browser::print(&at, ".ch-letter-text", &title, locale.tag())) {
                report("print");
            } else {
                failed(&dispatch, &on_event, "print", Note::Failed);
            }
        })
    };
    let download = {
        let (dispatch, on_event) = (props.dispatch.clone(), props.on_event.clone());
        let body = letter.body.clone();
        Callback::from(move |e: MouseEvent| {
            if !go() {
                return;
            }
            let name = format!("{}.txt", kind.id());
            let at = clicked(&e);
            if at.is_some_and(|at| browser::download(&at, &name, "text/plain;charset=utf-8", &body))
            {
                report("download");
            } else {
                failed(&dispatch, &on_event, "download", Note::Failed);
            }
        })
    };

    html! {
        <div class="ch-letter" part="letter">
            // Every child here is one node whatever is shown (an `if`, never an `Option`): a
            // child that comes and goes would shift the fields' place in the list, and Yew
            // would re-create every field under the cardholder's fingers (see `start`).
            <h3>{ text.letter_title }</h3>
            if props.kinds.len() > 1 {
                <div class="ch-options" role="group" aria-label={text.letter_title}>{ for tabs }</div>
            }
            <h4>{ text.letter(kind) }</h4>
            <p class="ch-help">{ text.letter_intro }</p>
            <div class="ch-fields">{ for inputs }</div>
            <p>{ &letter.sending_note }</p>
            if !missing.is_empty() {
                <p class="ch-missing">{ fill(text.missing, &[("list", &missing.join(", "))]) }</p>
            }
            <h4>{ text.preview }</h4>
            <pre class="ch-letter-text">{ &letter.body }</pre>
            <p class="ch-error" role="alert">{ warning.unwrap_or_default() }</p>
            <div class="ch-actions">
                <button type="button" class="ch-btn ch-btn-primary" onclick={copy}>{ text.copy_letter }</button>
                { done(text, props.note, Note::LetterCopied) }
                <button type="button" class="ch-btn" onclick={print}>{ text.print_letter }</button>
                <button type="button" class="ch-btn" onclick={download}>{ text.download_letter }</button>
            </div>
        </div>
    }
}
