//! Every deadline in date order: when, who owes it, how many days are left, the rule
//! it comes from (linked), how it was counted and from what, with estimates, policies
//! and unconfirmed rules marked as such.

use yew::prelude::*;

use crate::engine::plan::{Deadline, Plan};
use crate::engine::rules::Status;
use crate::engine::template::fill;
use crate::ui::contacts::site;
use crate::ui::text::{english, words, Words};

/// The rule's citation (linked), the words of the law it rests on, and when the row was
/// last checked.
fn source(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    // Citations and the law's words are the English originals in every language.
    let lang = english(plan.locale);
    let cited = match d.source_url.as_deref() {
        Some(url) => html! {
            <a class="ch-link" href={url.to_owned()} data-site={site(url).to_owned()}
                target="_blank" rel="noopener noreferrer" {lang}>{ &d.citation }</a>
        },
        None => html! { <span {lang}>{ &d.citation }</span> },
    };
    let checked = fill(text.checked, &[("date", &d.checked.long(plan.locale))]);
    html! {
        <p class="ch-small">{ text.rule }{ cited }{ ": " }<q {lang}>{ &d.law_text }</q>
            { " (" }{ checked }{ ")" }</p>
    }
}

fn deadline(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    let badge = |on: bool, label: &'static str| {
        on.then(|| html! { <>{ " " }<span class="ch-badge">{ label }</span></> })
    };
    let mail = d.mail_by.as_ref().map(|m| {
        let when = fill(
            text.mail_by,
            &[
                ("date", &m.date.long(plan.locale)),
                ("days", &text.days(m.days_left)),
            ],
        );
        html! { <p class="ch-mail"><strong>{ when }</strong>{ " " }{ &m.note }</p> }
    });
    // A data attribute, not a modifier class: see `contacts::link`.
    let passed = (d.days_left < 0).then_some("");
    html! {
        <li class="ch-dl" data-passed={passed}>
            <h4 class="ch-dl-when">{ d.date.long(plan.locale) }{ " · " }
                <span class="ch-days">{ text.days(d.days_left) }</span></h4>
            <p>{ &d.summary }</p>
            <p class="ch-small">{ text.who }<strong>{ text.party(d.party) }</strong>
                { badge(d.estimate, text.estimate) }
                { badge(d.status == Status::Policy, text.policy) }
                { badge(d.status == Status::Unverified, text.unverified) }</p>
            if let Some(reason) = &d.estimate_reason {
                <p class="ch-small">{ reason }</p>
            }
            { mail }
            if let Some(warning) = &d.warning {
                <p class="ch-warn">{ warning }</p>
            }
            <p class="ch-small">{ text.counted }{ &d.counting }</p>
            <p class="ch-small">{ text.started }{ &d.starts }</p>
            { source(text, plan, d) }
        </li>
    }
}

/// The timeline view; stateless, so a plain function. A topic with no deadline to date
/// (changing an address) shows no dates section at all: "answer the date questions" would
/// point to questions it never asks.
pub fn timeline(plan: &Plan) -> Html {
    let text = words(plan.locale);
    let days = &plan.business_days;
    let datable = plan
        .advice
        .as_ref()
        .is_none_or(|a| !a.deadline_ids.is_empty());
    if plan.deadlines.is_empty() && !datable {
        return html! {};
    }
    html! {
        <>
            <h3>{ text.deadlines_title }</h3>
            if plan.deadlines.is_empty() {
                <p>{ text.no_deadlines }</p>
            } else {
                <ol class="ch-timeline" part="deadlines">{ for plan.deadlines.iter().map(|d| deadline(text, plan, d)) }</ol>
            }
            if plan.counts_business_days() {
                <p class="ch-small">{ text.business_days }{ &days.description }{ " " }
                    <a class="ch-link" href={days.source_url.clone()}
                        data-site={site(&days.source_url).to_owned()} target="_blank"
                        rel="noopener noreferrer" lang={english(plan.locale)}>{ &days.source }</a></p>
            }
        </>
    }
}
