//! The form's own fields: visibility, language, schedule, and the
//! counter. Each reads and writes the one draft.

use leptos::prelude::*;

use super::super::tr;
use crate::api::compose::{ComposeDraft, Language, Limits, default_language, remaining};
use crate::browser::storage;
use crate::i18n::compose::ComposeWords as W;

/// Where the reader's last choice of language is remembered.
const LANGUAGE_KEY: &str = "samizdat.post-language";

#[component]
pub fn VisibilityField(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let choices = [
        ("public", W::Public),
        ("unlisted", W::Unlisted),
        ("private", W::FollowersOnly),
        ("direct", W::Direct),
    ];
    let current =
        move || draft.with(|draft| draft.visibility.clone().unwrap_or_else(|| "public".into()));
    view! {
        <label class="visibility">
            <span>{tr(W::Visibility)}</span>
            <select name="visibility" prop:value=current on:change=move |ev| {
                let value = event_target_value(&ev);
                draft.update(|draft| draft.visibility = Some(value));
            }>
                {choices.into_iter().map(|(value, words)| view! {
                    <option value=value selected=move || current() == value>{tr(words)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The language select: the server's languages; the draft's, else the
/// reader's last choice, else the browser's, chosen.
#[component]
pub fn LanguageField(
    draft: RwSignal<ComposeDraft>,
    known: RwSignal<Vec<Language>>,
) -> impl IntoView {
    // Once the server's list comes, a draft with no language yet takes
    // the default.
    Effect::new(move |_| {
        let known = known.get();
        if known.is_empty() || draft.with_untracked(|draft| draft.language.is_some()) {
            return;
        }
        let last: Option<String> = storage::load(LANGUAGE_KEY);
        let browser = window().navigator().language();
        if let Some(code) = default_language(&known, last.as_deref(), browser.as_deref()) {
            draft.update(|draft| draft.language = Some(code));
        }
    });
    let current = move || draft.with(|draft| draft.language.clone().unwrap_or_default());
    let options = move || {
        let mut known = known.get();
        let chosen = current();
        if !chosen.is_empty() && !known.iter().any(|language| language.code == chosen) {
            known.push(Language {
                code: chosen.clone(),
                name: chosen,
            });
        }
        known
            .into_iter()
            .map(|language| {
                let code = language.code.clone();
                view! { <option value=language.code selected=move || current() == code>{language.name}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="language">
            <span>{tr(W::Language)}</span>
            <select name="language" prop:value=current on:change=move |ev| {
                let value = event_target_value(&ev);
                storage::save(LANGUAGE_KEY, &value);
                draft.update(|draft| draft.language = (!value.is_empty()).then_some(value));
            }>
                <option value="" selected=move || current().is_empty()>{tr(W::DefaultLanguage)}</option>
                {options}
            </select>
        </label>
    }
}

/// `YYYY-MM-DDTHH:MM` in the reader's time zone, as a `datetime-local`
/// input reads and writes.
pub fn local_input_value(date: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The draft's time, in milliseconds since the epoch (`NaN` if odd).
pub fn scheduled_ms(draft: &ComposeDraft) -> Option<f64> {
    draft.scheduled_at.as_deref().map(js_sys::Date::parse)
}

#[component]
pub fn ScheduleField(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let shown = move || {
        draft.with(|draft| {
            draft
                .scheduled_at
                .as_deref()
                .map(|at| local_input_value(&js_sys::Date::new(&at.into())))
                .unwrap_or_default()
        })
    };
    let earliest = move || {
        let soon = js_sys::Date::now() + crate::api::compose::MIN_SCHEDULE_AHEAD_MS;
        local_input_value(&js_sys::Date::new(&soon.into()))
    };
    view! {
        <label class="schedule">
            <span>{tr(W::ScheduleFor)}</span>
            <input type="datetime-local" name="scheduled_at" min=earliest prop:value=shown on:change=move |ev| {
                let value = event_target_value(&ev);
                // Read as local time, sent as ISO 8601 UTC.
                let at = (!value.is_empty())
                    .then(|| js_sys::Date::new(&value.into()))
                    .filter(|date| !date.get_time().is_nan())
                    .map(|date| String::from(date.to_iso_string()));
                draft.update(|draft| draft.scheduled_at = at);
            } />
        </label>
    }
}

/// Characters left, red when over.
#[component]
pub fn Counter(draft: RwSignal<ComposeDraft>, limits: RwSignal<Limits>) -> impl IntoView {
    let left = move || draft.with(|draft| limits.with(|limits| remaining(draft, limits)));
    view! {
        <span class="counter" class:over=move || left() < 0 aria-live="polite"
            aria-label=move || format!("{} {}", left(), tr(W::CharactersLeft)())>
            {left}
        </span>
    }
}
