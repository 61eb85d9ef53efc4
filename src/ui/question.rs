//! One of the topic's questions: tap an answer, or type a date, or skip.

use yew::prelude::*;

use crate::engine::calendar::IsoDate;
use crate::engine::locale::Locale;
use crate::engine::template::fill;
use crate::engine::triage::{AnswerKind, QuestionView};
use crate::ui::state::{Action, Dispatch};
use crate::ui::text::words;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub locale: Locale,
    pub question: QuestionView,
    pub index: usize,
    pub total: usize,
    /// The answer already given, if the cardholder came back to this question.
    pub answer: Option<String>,
    pub dispatch: Dispatch,
}

#[function_component(QuestionStep)]
pub fn question_step(props: &QuestionProps) -> Html {
    let text = words(props.locale);
    let q = &props.question;
    let bad_date = use_state_eq(|| false);
    let input = use_node_ref();
    {
        // The date field is left uncontrolled: re-rendering a controlled value would wipe
        // what the cardholder is typing whenever the field holds a date that is not real
        // yet (its value is then empty). It starts from the earlier answer, if any.
        let (input, answer) = (input.clone(), props.answer.clone());
        use_effect_with((), move |_| {
            if let (Some(field), Some(answer)) = (input.cast::<web_sys::HtmlInputElement>(), answer)
            {
                field.set_value(&answer);
            }
        });
    }
    let answer = |value: Option<String>| {
        let (dispatch, id) = (props.dispatch.clone(), q.id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Answer(id.clone(), value.clone()))
        })
    };
    let skip = answer(None);
    let progress = fill(
        text.progress,
        &[
            ("n", &(props.index + 1).to_string()),
            ("total", &props.total.to_string()),
        ],
    );

    let body = if q.kind == AnswerKind::Date {
        let onsubmit = {
            let (input, bad_date) = (input.clone(), bad_date.clone());
            let (dispatch, id) = (props.dispatch.clone(), q.id.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Some(field) = input.cast::<web_sys::HtmlInputElement>() else {
                    return;
                };
                let value = field.value();
                // A typed date that does not exist (February 30) leaves the value empty
                // and flags the input; an empty, unflagged field means "skip".
                let typed_nonsense = field.validity().bad_input();
                if value.is_empty() && !typed_nonsense {
                    dispatch.dispatch(Action::Answer(id.clone(), None));
                } else if !typed_nonsense && IsoDate::parse(&value).is_ok() {
                    dispatch.dispatch(Action::Answer(id.clone(), Some(value)));
                } else {
                    bad_date.set(true);
                    let _ = field.focus();
                }
            })
        };
        let oninput = {
            let bad_date = bad_date.clone();
            Callback::from(move |_: InputEvent| bad_date.set(false))
        };
        let described = if *bad_date {
            "ch-q-help ch-q-err"
        } else {
            "ch-q-help"
        };
        html! {
            <form class="ch-date" {onsubmit} novalidate=true>
                <input ref={input} type="date" id="ch-q-date" class="ch-input"
                    min="1990-01-01" max="2100-12-31"
                    aria-describedby={described} aria-invalid={bad_date.to_string()} {oninput} />
                if *bad_date {
                    <p id="ch-q-err" class="ch-error">{ text.bad_date }</p>
                }
                <button type="submit" class="ch-btn ch-btn-primary">{ text.next }</button>
            </form>
        }
    } else {
        let options = q.options.iter().map(|o| {
            let pick = answer(Some(o.id.clone()));
            let pressed = props.answer.as_deref() == Some(o.id.as_str());
            html! {
                <button type="button" class="ch-option" aria-pressed={pressed.to_string()}
                    onclick={pick}>{ &o.label }</button>
            }
        });
        html! {
            <div class="ch-options" role="group" aria-labelledby="ch-q" aria-describedby="ch-q-help">
                { for options }
            </div>
        }
    };
    let heading = if q.kind == AnswerKind::Date {
        html! { <label for="ch-q-date">{ &q.prompt }</label> }
    } else {
        html! { { &q.prompt } }
    };

    html! {
        <div class="ch-step">
            <p class="ch-progress">{ progress }</p>
            <h3 id="ch-q" class="ch-step-h" tabindex="-1">{ heading }</h3>
            <p id="ch-q-help" class="ch-help">{ &q.help }</p>
            { body }
            <button type="button" class="ch-btn ch-btn-quiet" onclick={skip}>{ text.skip }</button>
        </div>
    }
}
