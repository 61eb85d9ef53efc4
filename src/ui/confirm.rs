//! A button for something that can't be undone (Start over, Forget this): the first tap
//! asks, in place, and only "yes" does it. The focus follows: to "no" (the safe answer)
//! when asking, back to the button when the cardholder keeps things as they are.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    /// The button's label.
    pub label: &'static str,
    /// The question, yes and no.
    pub ask: [&'static str; 3],
    pub on_yes: Callback<()>,
}

#[function_component(Confirm)]
pub fn confirm(props: &ConfirmProps) -> Html {
    let asking = use_state_eq(|| false);
    // Not on first render: nothing was asked yet, and focusing would scroll the page.
    let first = use_mut_ref(|| true);
    let (button, no) = (use_node_ref(), use_node_ref());
    {
        let (button, no) = (button.clone(), no.clone());
        use_effect_with(*asking, move |asking| {
            if !first.replace(false) {
                let target = if *asking { no } else { button };
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let set = |to: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(to))
    };
    let [question, yes, keep] = props.ask;
    let on_yes = props.on_yes.clone();
    html! {
        <div class="ch-confirm">
            if *asking {
                <p role="alert">{ question }</p>
                <button type="button" class="ch-btn ch-btn-primary"
                    onclick={move |_| on_yes.emit(())}>{ yes }</button>
                <button ref={no} type="button" class="ch-btn" onclick={set(false)}>{ keep }</button>
            } else {
                <button ref={button} type="button" class="ch-btn ch-btn-quiet" onclick={set(true)}>
                    { props.label }</button>
            }
        </div>
    }
}
