//! The letter the plan calls for, filled in on the device: a field for each blank the
//! letter has, a live preview with `[markers]` for what is still blank, and copy,
//! print and download. Typed details are never saved or shared.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::config::HostConfig;
use crate::engine::export::{letter_field, letter_fields};
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
    let Some(kind) = props
        .selected
        .filter(|k| props.kinds.contains(k))
        .or_else(|| props.kinds.first().copied())
    else {
        return html! {};
    };
    let fields = letter_fields(plan, kind, &props.typed, &props.config);
    let letter = render(kind, &fields, locale);
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
        let problem = letter.invalid.iter().find(|i| i.field == id);
        let value = letter_field(&fields, id);
        let dispatch = props.dispatch.clone();
        let changed = move |value: String| dispatch.dispatch(Action::Letter(id, value));
        let date_field = id.ends_with("_date");
        let oninput = {
            let changed = changed.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                if !date_field {
                    return changed(input.value());
                }
                // A typed date that doesn't exist (February 30) reads as empty: the letter
                // keeps the last real date, and the field itself says what is wrong. Only
                // date fields: elsewhere `aria-invalid` is the render's alone (the problems
                // the engine reports), so it is never touched here. The field is flagged,
                // not reported: a validity bubble raised mid-typing sends the next keys to
                // other parts of the date in Firefox and WebKit, which then end on a real
                // but wrong date.
                let nonsense = input.validity().bad_input();
                input.set_custom_validity(if nonsense { text.bad_date } else { "" });
                if nonsense {
                    let _ = input.set_attribute("aria-invalid", "true");
                } else {
                    let _ = input.remove_attribute("aria-invalid");
                    changed(input.value());
                }
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
                if let Some(p) = problem {
                    <p id={error_id} class="ch-error">{ &p.message }</p>
                }
            </div>
        }
    });

    let missing: Vec<&str> = letter
        .missing
        .iter()
        .map(|id| field_label(locale, id))
        .collect();

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
        Callback::from(move |_: MouseEvent| {
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
        Callback::from(move |e: MouseEvent| {
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
            <div class="ch-actions">
                <button type="button" class="ch-btn ch-btn-primary" onclick={copy}>{ text.copy_letter }</button>
                { done(text, props.note, Note::LetterCopied) }
                <button type="button" class="ch-btn" onclick={print}>{ text.print_letter }</button>
                <button type="button" class="ch-btn" onclick={download}>{ text.download_letter }</button>
            </div>
        </div>
    }
}
