//! Muting an account for a while or for good, with or without its
//! notifications, and unmuting it.

use leptos::prelude::*;

use super::account_acting::Acting;
use super::tr;
use crate::api::actions::{AccountAction, MUTE_DURATIONS, Mute, expected_after, mute, unmute};
use crate::i18n::AccountWords as W;

fn duration_word(seconds: u64) -> W {
    match seconds {
        300 => W::FiveMinutes,
        1800 => W::ThirtyMinutes,
        3600 => W::OneHour,
        21_600 => W::SixHours,
        86_400 => W::OneDay,
        259_200 => W::ThreeDays,
        604_800 => W::SevenDays,
        _ => W::Indefinitely,
    }
}

#[component]
pub fn MuteControls(acting: Acting, account_id: String) -> impl IntoView {
    let id = StoredValue::new(account_id);
    let duration = RwSignal::new(0_u64);
    // Mastodon hides a muted account's notifications unless told otherwise.
    let hide_notifications = RwSignal::new(true);
    let relationship = acting.relationship;
    let mute_now = move || {
        let options = Mute {
            notifications: hide_notifications.get_untracked(),
            duration: Some(duration.get_untracked()).filter(|seconds| *seconds > 0),
        };
        let expected = expected_after(
            &relationship.get_untracked(),
            AccountAction::Mute {
                notifications: options.notifications,
            },
        );
        acting.send(expected, mute(&id.get_value(), &options));
    };
    let unmute_now = move || {
        let expected = expected_after(&relationship.get_untracked(), AccountAction::Unmute);
        acting.send(expected, unmute(&id.get_value()));
    };
    move || {
        if relationship.get().muting {
            view! {
                <button type="button" data-action="unmute"
                    on:click=move |_| unmute_now()>{tr(W::Unmute)}</button>
            }
            .into_any()
        } else {
            view! {
                <span class="mute-controls">
                    <select name="duration" aria-label=tr(W::MuteFor)
                        on:change=move |ev| duration.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {MUTE_DURATIONS.into_iter().map(|seconds| view! {
                            <option value=seconds.to_string() selected=move || duration.get() == seconds>
                                {tr(duration_word(seconds))}
                            </option>
                        }).collect_view()}
                    </select>
                    <label>
                        <input type="checkbox" name="notifications" prop:checked=move || hide_notifications.get()
                            on:change=move |ev| hide_notifications.set(event_target_checked(&ev)) />
                        {tr(W::HideNotifications)}
                    </label>
                    <button type="button" data-action="mute"
                        on:click=move |_| mute_now()>{tr(W::Mute)}</button>
                </span>
            }
            .into_any()
        }
    }
}
