//! One button of a status's action bar.

use leptos::prelude::*;

use super::tr;
use crate::i18n::actions::ActionWords;

/// What a button does when clicked.
pub type Click = Box<dyn Fn()>;

/// One button of the bar. Every button is built by the one function
/// below, which keeps the client small.
pub struct ActionButton {
    /// The `data-action` that tests and other tools rely on.
    pub action: &'static str,
    pub icon: &'static str,
    pub label: ActionWords,
    /// For a toggle, whether it is on: `aria-pressed`.
    pub pressed: Option<RwSignal<bool>>,
    pub count: Option<RwSignal<u64>>,
    pub disabled: Signal<bool>,
    pub click: Click,
}

impl ActionButton {
    pub fn new(action: &'static str, icon: &'static str, label: ActionWords, click: Click) -> Self {
        Self {
            action,
            icon,
            label,
            pressed: None,
            count: None,
            disabled: Signal::stored(false),
            click,
        }
    }

    pub fn view(self) -> AnyView {
        let Self {
            action,
            icon,
            label,
            pressed,
            count,
            disabled,
            click,
        } = self;
        view! {
            <button type="button" data-action=action title=tr(label) aria-pressed=pressed.map(|on| move || on.get().to_string())
                disabled=move || disabled.get() on:click=move |_| click()>
                <span aria-hidden="true">{icon}</span><span class="label">{tr(label)}</span>
                {count.map(|count| view! { <span class="count">{move || count.get()}</span> })}
            </button>
        }
        .into_any()
    }
}
