//! Whom to contact: the best channel as one big button, then the others. A channel
//! the host did not configure shows the engine's fallback ("the number on the back of
//! your card") instead of a link.

use yew::prelude::*;

use crate::engine::config::Reach;
use crate::engine::plan::{Contact, Plan};
use crate::engine::template::fill;
use crate::ui::text::{words, Words};

/// A link to a contact: phone and mail links open in place, web links in a new tab. `big`
/// makes it the primary button. (Each branch spells its class out: a class computed at run
/// time goes through Yew's class-list parser, code the widget otherwise never needs.)
fn link(href: &str, big: bool, body: Html) -> Html {
    let web = href.starts_with("http");
    let href = href.to_owned();
    let target = web.then_some("_blank");
    let rel = web.then_some("noopener noreferrer");
    if big {
        html! { <a class="ch-btn ch-btn-primary ch-btn-big" {href} {target} {rel}>{ body }</a> }
    } else {
        html! { <a class="ch-link" {href} {target} {rel}>{ body }</a> }
    }
}

/// The hours as the host wrote them, marked with their language when it is not the plan's.
fn hours(text: &Words, contact: &Contact) -> Html {
    match contact.reach.as_ref() {
        Some(Reach {
            hours: Some(h),
            hours_lang,
            ..
        }) => html! {
            <p class="ch-help">{ text.hours }<span lang={hours_lang.map(|l| l.tag())}>{ h }</span></p>
        },
        _ => html! {},
    }
}

/// The site a web link goes to, as people say it: `https://www.bank.example/x?y` gives
/// `bank.example`. Link text and printed copies name it instead of spelling out the address.
pub fn site(href: &str) -> &str {
    // Char patterns only: a string pattern ("://") would link the two-way string search,
    // 2 KB of wasm for this one call.
    let rest = href.split_once(':').map_or(href, |(_, rest)| rest);
    let rest = rest.trim_start_matches('/');
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// The configured number, link or address, or the fallback words. A web link reads as
/// words ("Open bank.example"), not as its address.
fn reach(text: &Words, contact: &Contact) -> Html {
    match &contact.reach {
        Some(r) => match &r.href {
            Some(href) if href.starts_with("http") => {
                let words = fill(text.open_site, &[("site", site(href))]);
                link(href, false, html! { { words } })
            }
            Some(href) => {
                let shown = r.value.strip_prefix("mailto:").unwrap_or(&r.value);
                link(href, false, html! { { shown } })
            }
            None => html! { <span class="ch-address">{ &r.value }</span> },
        },
        None => html! { { &contact.fallback } },
    }
}

/// The contacts view; stateless, so a plain function.
pub fn contacts(plan: &Plan) -> Html {
    let text = words(plan.locale);
    let Some(channels) = plan.advice.as_ref().map(|a| &a.channels) else {
        return html! {};
    };
    let Some((best, others)) = channels.split_first() else {
        return html! {};
    };
    let now = match best
        .reach
        .as_ref()
        .and_then(|r| r.href.as_deref().map(|h| (r, h)))
    {
        Some((r, href)) => {
            let phone = href
                .starts_with("tel:")
                .then(|| html! { <span>{ &r.value }</span> });
            link(
                href,
                true,
                html! {
                    <><strong>{ &best.name }</strong>{ phone }</>
                },
            )
        }
        None => html! {
            <p class="ch-now-name"><strong>{ &best.name }</strong><br />{ reach(text, best) }</p>
        },
    };
    let more = !others.is_empty();
    let others = others.iter().map(|c| {
        html! {
            <li>
                <strong>{ &c.name }</strong>
                <p>{ reach(text, c) }</p>
                { hours(text, c) }
                <p class="ch-help">{ &c.why }</p>
            </li>
        }
    });
    html! {
        <>
            <h3>{ text.do_now }</h3>
            <div class="ch-now" part="contact">
                { now }
                { hours(text, best) }
                <p class="ch-help">{ &best.why }</p>
            </div>
            if more {
                <h3>{ text.other_channels }</h3>
                <ul class="ch-channels">{ for others }</ul>
            }
        </>
    }
}
