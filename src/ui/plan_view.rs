//! The plan: how urgent it is and why, with the one thing to do next, its door and its
//! date (so a phone's first screen holds them), whom to contact, the steps, every
//! deadline, what to have ready, what support can do, and how to escalate. Printed on
//! its own as the plan's print view.

use yew::prelude::*;

use crate::engine::kb::Urgency;
use crate::engine::plan::{Advice, Plan};
use crate::engine::template::fill;
use crate::ui::checklist::checklist;
use crate::ui::contacts::contacts;
use crate::ui::state::{Dispatch, PlanRef};
use crate::ui::text::{words, Words};
use crate::ui::timeline::{carried, timeline, when};

#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub plan: PlanRef,
    pub checked: Vec<String>,
    pub dispatch: Dispatch,
}

fn list(items: &[String]) -> Html {
    html! { <ul>{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ul> }
}

/// The engine's [`Advice::next`]: the step, the door it goes through, and its date with
/// what makes the date trustworthy (who owes it, estimate marks, the mail-by date, a
/// closed day it falls on), how it was counted one tap away. When the step's words do not name the date, the date's own
/// summary says what it is.
fn next(text: &Words, plan: &Plan, a: &Advice) -> Html {
    let Some(n) = &a.next else {
        return html! {};
    };
    let step = a.steps.get(n.step).map(String::as_str).unwrap_or_default();
    let door = n
        .channel
        .as_ref()
        .and_then(|id| a.channels.iter().find(|c| &c.id == id));
    let date = n
        .deadline
        .as_ref()
        .and_then(|id| plan.deadlines.iter().find(|d| &d.id == id));
    html! {
        <div class="ch-next">
            <p><strong>{ text.next_label }</strong>{ " " }{ step }</p>
            if let Some(door) = door {
                <p><strong>{ text.door }</strong>{ " " }{ &door.name }</p>
            }
            if let Some(d) = date {
                <p class="ch-next-date"><strong>{ when(text, plan, d) }</strong></p>
                if !n.dated_step {
                    <p>{ &d.summary }</p>
                }
                { carried(text, plan, d) }
            }
        </div>
    }
}

#[function_component(PlanView)]
pub fn plan_view(props: &PlanProps) -> Html {
    let plan = &props.plan;
    let text = words(plan.locale);
    let advice = plan.advice.as_ref().map(|a| {
        // A data attribute, not a modifier class: see `contacts::link`.
        let level = match a.urgency {
            Urgency::Urgent => "urgent",
            Urgency::Soon => "soon",
            Urgency::Routine => "routine",
        };
        let escalation = a.escalation.iter().map(|e| {
            html! { <li><strong>{ &e.title }</strong><p>{ &e.text }</p></li> }
        });
        let checklist =
            |prefix, items: &[String]| checklist(prefix, items, &props.checked, &props.dispatch);
        (
            html! {
                <>
                    <div class="ch-urgency" part="urgency" data-urgency={level}>
                        <p class="ch-urgency-label">{ text.urgency(a.urgency) }</p>
                        { list(&a.urgency_reasons) }
                        { next(text, plan, a) }
                    </div>
                    { contacts(plan) }
                    <h3>{ text.steps_title }</h3>
                    { checklist("s", &a.steps) }
                </>
            },
            html! {
                <>
                    <h3>{ text.prepare_title }</h3>
                    { checklist("p", &a.prepare) }
                    <h3>{ text.expect_title }</h3>
                    <h4>{ text.can }</h4>
                    { list(&a.expectations.can) }
                    <h4>{ text.cannot }</h4>
                    { list(&a.expectations.cannot) }
                    <h3>{ text.escalate_title }</h3>
                    <ol class="ch-escalate">{ for escalation }</ol>
                </>
            },
        )
    });
    let (first, rest) = advice.unwrap_or_default();
    html! {
        <div class="ch-step ch-plan" part="step plan">
            <h3 class="ch-step-h" tabindex="-1">{ text.plan_title }</h3>
            // For the printed copy (the screen hides it): a plan is only right as of its day.
            <p class="ch-prepared">{ fill(text.prepared, &[("date", &plan.today.long(plan.locale))]) }</p>
            { first }
            { timeline(plan) }
            { rest }
            <p class="ch-disclaimer" part="disclaimer">{ &plan.disclaimer }</p>
        </div>
    }
}
