//! One of the topic's questions: tap an answer, type a date or a day of the month, or skip.

use yew::prelude::*;

use crate::engine::calendar::IsoDate;
use crate::engine::flow::{AnswerKind, FlowQuestion};
use crate::engine::locale::Locale;
use crate::engine::template::fill;
use crate::ui::state::{Action, Dispatch};
use crate::ui::text::{words, Words};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub locale: Locale,
    pub question: FlowQuestion,
    pub index: usize,
    pub total: usize,
    /// The answer already given, if the cardholder came back to this question.
    pub answer: Option<String>,
    /// Dates of things that already happened can't be after it.
    pub today: IsoDate,
    pub dispatch: Dispatch,
}

/// What is wrong with a typed answer, in the cardholder's words; `None` when it can be used.
fn problem(q: &FlowQuestion, value: &str, today: IsoDate, text: &Words) -> Option<&'static str> {
    match q.kind {
        AnswerKind::Date => match IsoDate::parse(value) {
            Err(_) => Some(text.bad_date),
            Ok(date) if q.happened && date > today => Some(text.future_date),
            Ok(_) => None,
        },
        AnswerKind::DayOfMonth => {
            let day: Option<u8> = value.trim().parse().ok();
            (!day.is_some_and(|d| (1..=31).contains(&d))).then_some(text.bad_day)
        }
        AnswerKind::YesNo | AnswerKind::Choice => None,
    }
}

#[function_component(QuestionStep)]
pub fn question_step(props: &QuestionProps) -> Html {
    let text = words(props.locale);
    let q = &props.question;
    // The problem with the typed answer, and how many times it was refused: the same
    // problem refused again is said again.
    let error = use_state_eq(|| (None::<&'static str>, 0u8));
    let input = use_node_ref();
    {
        // The field is left uncontrolled: re-rendering a controlled value would wipe what
        // the cardholder is typing whenever the field holds a date that is not real yet
        // (its value is then empty). It starts from the earlier answer, if any.
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
    let typed = matches!(q.kind, AnswerKind::Date | AnswerKind::DayOfMonth);

    let body = if typed {
        let onsubmit = {
            let (input, error) = (input.clone(), error.clone());
            let (dispatch, q, today) = (props.dispatch.clone(), q.clone(), props.today);
            let id = q.id.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Some(field) = input.cast::<web_sys::HtmlInputElement>() else {
                    return;
                };
                let value = field.value();
                // A typed date that does not exist (February 30) leaves the value empty
                // and flags the input; an empty, unflagged field means "skip".
                let typed_nonsense = field.validity().bad_input();
                let found = if typed_nonsense {
                    Some(text.bad_date)
                } else if value.is_empty() {
                    None
                } else {
                    problem(&q, &value, today, text)
                };
                match found {
                    None if value.is_empty() => dispatch.dispatch(Action::Answer(id.clone(), None)),
                    None => {
                        dispatch.dispatch(Action::Answer(id.clone(), Some(value.trim().to_owned())))
                    }
                    Some(message) => {
                        error.set((Some(message), error.1.wrapping_add(1)));
                        let _ = field.focus();
                    }
                }
            })
        };
        let oninput = {
            let error = error.clone();
            Callback::from(move |_: InputEvent| error.set((None, error.1)))
        };
        let (message, refused) = *error;
        let described = if message.is_some() {
            "ch-q-help ch-q-err"
        } else {
            "ch-q-help"
        };
        let field = if q.kind == AnswerKind::Date {
            html! {
                <input ref={input} type="date" id="ch-q-date" class="ch-input"
                    min="1990-01-01" max="2100-12-31"
                    aria-describedby={described} aria-invalid={message.is_some().to_string()} {oninput} />
            }
        } else {
            html! {
                <input ref={input} type="text" inputmode="numeric" pattern="[0-9]*" maxlength="2"
                    autocomplete="off" id="ch-q-day" class="ch-input ch-input-short"
                    aria-describedby={described} aria-invalid={message.is_some().to_string()} {oninput} />
            }
        };
        html! {
            <form class="ch-date" {onsubmit} novalidate=true>
                { field }
                // Always there, so screen readers hear each refusal though the focus stays
                // in the field (a trailing no-break space makes a repeat a change).
                <p id="ch-q-err" class="ch-error" role="alert">{ message.unwrap_or_default() }
                    { if refused % 2 == 1 { "\u{a0}" } else { "" } }</p>
                <button type="submit" class="ch-btn ch-btn-primary">{ text.next }</button>
            </form>
        }
    } else {
        // What the cardholder's words already said is shown chosen, to confirm or change.
        let chosen = props.answer.as_deref().or(q.prefilled.as_deref());
        let options = q.options.iter().map(|o| {
            let pick = answer(Some(o.id.clone()));
            let pressed = chosen == Some(o.id.as_str());
            html! {
                <button type="button" class="ch-option" aria-pressed={pressed.to_string()}
                    onclick={pick}>{ &o.label }</button>
            }
        });
        html! {
            <>
                if props.answer.is_none() && q.prefilled.is_some() {
                    <p class="ch-help ch-prefilled">{ text.prefilled }</p>
                }
                <div class="ch-options" role="group" aria-labelledby="ch-q-text" aria-describedby="ch-q-help">
                    { for options }
                </div>
            </>
        }
    };
    let field_id = if q.kind == AnswerKind::Date {
        "ch-q-date"
    } else {
        "ch-q-day"
    };
    let heading = if typed {
        html! { <label id="ch-q-text" for={field_id}>{ &q.text }</label> }
    } else {
        html! { <span id="ch-q-text">{ &q.text }</span> }
    };

    html! {
        <div class="ch-step" part="step">
            // The progress is part of the heading, so it is heard when the heading takes
            // the focus; the field and the answers are named by the question alone.
            <h3 id="ch-q" class="ch-step-h" tabindex="-1">{ heading }{ " " }
                <span class="ch-progress">{ progress }</span></h3>
            <p id="ch-q-help" class="ch-help">{ &q.help }</p>
            { body }
            <button type="button" class="ch-btn ch-btn-quiet" onclick={skip}>{ text.skip }</button>
        </div>
    }
}
