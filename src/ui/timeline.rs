//! Every deadline in date order: when, who owes it, how many days are left, the rule
//! it comes from (linked), how it was counted and from what, with estimates, policies
//! and unconfirmed rules marked as such. What a stressed reader needs first (the date,
//! what it means, whether it is an estimate, when to mail) is always shown; how it was
//! counted and the rule's own words are one tap away, in a disclosure the print view
//! opens.

use yew::prelude::*;

use crate::engine::locale::Locale;
use crate::engine::plan::{Citation, Deadline, Plan};
use crate::engine::rules::Status;
use crate::engine::template::fill;
use crate::ui::contacts::site;
use crate::ui::text::{english, words, Words};

/// Each cited law as its own link, named in words ("Regulation Z, section 1026.13(b)(1)"),
/// with the new tab said in its accessible name and the short citation still shown after
/// it, as the statement and the rules table write it.
pub fn cited(text: &Words, locale: Locale, citations: &[Citation]) -> Html {
    // The short citations are the English originals in every language.
    let lang = english(locale);
    let parts = citations.iter().enumerate().map(|(i, c)| {
        let sep = (i > 0).then_some("; ");
        let short = (c.name != c.text)
            .then(|| html! { <>{ " (" }<span {lang}>{ &c.text }</span>{ ")" }</> });
        match c.url.as_deref() {
            Some(url) => html! {
                <>{ sep }<a class="ch-link ch-cite" href={url.to_owned()} data-site={site(url).to_owned()}
                    target="_blank" rel="noopener noreferrer"
                    aria-label={fill(text.new_tab, &[("name", &c.name)])}>{ &c.name }</a>{ short }</>
            },
            None => html! { <>{ sep }{ &c.name }{ short }</> },
        }
    });
    html! { <>{ for parts }</> }
}

/// How a date was counted, from what, why it is an estimate, the mail advice's caveat,
/// and the rule it rests on (linked, with the law's words and when the row was last
/// checked): one tap away, behind a disclosure.
fn counted(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    let checked = fill(text.checked, &[("date", &d.checked.long(plan.locale))]);
    html! {
        <details class="ch-more">
            <summary>{ text.how_counted }</summary>
            <p class="ch-small">{ text.counted }{ &d.counting }</p>
            <p class="ch-small">{ text.started }{ &d.starts }</p>
            if let Some(reason) = &d.estimate_reason {
                <p class="ch-small">{ reason }</p>
            }
            if let Some(m) = &d.mail_by {
                <p class="ch-small">{ &m.note }</p>
            }
            <p class="ch-small">{ text.rule }{ cited(text, plan.locale, &d.citations) }{ ": " }
                <q lang={english(plan.locale)}>{ &d.law_text }</q>
                { " (" }{ checked }{ ")" }</p>
        </details>
    }
}

/// The date in words and the days left.
pub fn when(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    html! {
        <>{ d.date.long(plan.locale) }{ " · " }<span class="ch-days">{ text.days(d.days_left) }</span></>
    }
}

/// Who owes the date and its marks: estimate, policy, not confirmed.
fn marks(text: &Words, d: &Deadline) -> Html {
    let badge = |on: bool, label: &'static str| {
        on.then(|| html! { <>{ " " }<span class="ch-badge">{ label }</span></> })
    };
    html! {
        <p class="ch-small">{ text.who }<strong>{ text.party(d.party) }</strong>
            { badge(d.estimate, text.estimate) }
            { badge(d.status == Status::Policy, text.policy) }
            { badge(d.status == Status::Unverified, text.unverified) }</p>
    }
}

/// The suggested mailing date, when there is one.
fn mail_by(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    let Some(m) = &d.mail_by else {
        return html! {};
    };
    let when = fill(
        text.mail_by,
        &[
            ("date", &m.date.long(plan.locale)),
            ("days", &text.days(m.days_left)),
        ],
    );
    html! { <p class="ch-mail"><strong>{ when }</strong></p> }
}

fn deadline(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    // A data attribute, not a modifier class: see `contacts::link`.
    let passed = (d.days_left < 0).then_some("");
    html! {
        <li class="ch-dl" data-passed={passed}>
            <h4 class="ch-dl-when">{ when(text, plan, d) }</h4>
            <p>{ &d.summary }</p>
            { carried(text, plan, d) }
        </li>
    }
}

/// What a date carries wherever it is shown (the timeline and the urgency box alike): its
/// marks, the mail-by advice, a closed-day warning, and how it was counted, one tap away.
pub fn carried(text: &Words, plan: &Plan, d: &Deadline) -> Html {
    html! {
        <>
            { marks(text, d) }
            { mail_by(text, plan, d) }
            if let Some(warning) = &d.warning {
                <p class="ch-warn">{ warning }</p>
            }
            { counted(text, plan, d) }
        </>
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
            // Each date's own counting says how it was counted; which days are business
            // days is said only where one was counted (elsewhere it only raises a question).
            if plan.counts_business_days() {
                <details class="ch-more">
                    <summary>{ text.conventions_title }</summary>
                    <p class="ch-small">{ text.business_days }{ &days.description }{ " " }
                        { cited(text, plan.locale, &days.citations) }</p>
                </details>
            }
        </>
    }
}
