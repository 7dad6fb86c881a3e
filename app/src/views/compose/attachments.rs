//! The draft's media: picked files upload at once, each with its
//! progress, alt text, focal point, and a place in the order.

use std::collections::HashMap;

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use super::super::in_view::ViewTasks;
use super::super::tr;
use super::media_item::AttachmentItem;
use super::media_limits::{DEFAULT_MAX_MEDIA, server_limits};
use super::media_upload::{Transfer, Uploads};
use crate::api::compose::{AttachmentDraft, ComposeDraft};
use crate::browser::crypto::random_token;
use crate::i18n::media::MediaWords;
use crate::state::media_files;
use crate::state::session::session;

/// What the file picker offers; the server has the last word on types.
const ACCEPT: &str = "image/*,video/*,audio/*";

/// The draft's media: upload, progress, alt text, focal point, order.
#[component]
pub fn Attachments(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let limits = server_limits();
    let uploads = Uploads {
        draft,
        transfers: RwSignal::new(HashMap::new()),
        unsaved: RwSignal::new(HashMap::new()),
    };
    // Local previews of files not yet on the server, by local id.
    let previews = RwSignal::new(HashMap::<String, String>::new());
    // The files picked on this page, so that a failed upload can be tried
    // again without reading them back from storage.
    let picked = StoredValue::new_local(HashMap::<String, web_sys::File>::new());
    on_cleanup(move || {
        previews.with_untracked(|previews| {
            for url in previews.values() {
                web_sys::Url::revoke_object_url(url).ok();
            }
        });
    });
    let max = move || {
        limits
            .get()
            .max_media_attachments
            .unwrap_or(DEFAULT_MAX_MEDIA)
    };
    let count = move || draft.with(|draft| draft.attachments.len());
    let has_poll = move || draft.with(|draft| draft.poll.is_some());
    let full = move || count() as u64 >= max();
    let pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else {
            return;
        };
        let room = max().saturating_sub(count() as u64);
        let room = u32::try_from(room).unwrap_or(u32::MAX);
        for index in 0..files.length().min(room) {
            let Some(file) = files.get(index) else {
                continue;
            };
            let local_id = format!(
                "{}-{index}-{}",
                js_sys::Date::now() as u64,
                random_token(6).unwrap_or_default()
            );
            if let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) {
                previews.update(|previews| {
                    previews.insert(local_id.clone(), url);
                });
            }
            // Sending before it shows, so it never shows as lost.
            uploads.transfers.update(|transfers| {
                transfers.insert(local_id.clone(), Transfer::Sending(0.0));
            });
            draft.update(|draft| {
                draft.attachments.push(AttachmentDraft {
                    local_id: local_id.clone(),
                    file_name: file.name(),
                    mime: file.type_(),
                    ..AttachmentDraft::default()
                });
            });
            picked.update_value(|picked| {
                picked.insert(local_id.clone(), file.clone());
            });
            let tasks = tasks.get_value();
            uploads.pick(&tasks, session.get_value(), local_id, file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    let remove = Callback::new(move |local_id: String| {
        draft.update(|draft| {
            draft
                .attachments
                .retain(|attachment| attachment.local_id != local_id)
        });
        uploads.transfers.update(|transfers| {
            transfers.remove(&local_id);
        });
        picked.update_value(|picked| {
            picked.remove(&local_id);
        });
        let draft_id = draft.with_untracked(|draft| draft.id.clone());
        let forgotten = local_id.clone();
        tasks.get_value().spawn(async move {
            let _ = media_files::forget(&draft_id, &forgotten).await;
        });
        previews.update(|previews| {
            if let Some(url) = previews.remove(&local_id) {
                web_sys::Url::revoke_object_url(&url).ok();
            }
        });
    });
    let retry = Callback::new(move |local_id: String| {
        match picked.with_value(|picked| picked.get(&local_id).cloned()) {
            Some(file) => uploads.start(&tasks.get_value(), session.get_value(), local_id, file),
            // Picked before a reload: its file is kept beside the draft.
            // Its item shows it already.
            None => uploads.start_kept(&tasks.get_value(), session.get_value(), local_id, |_| {}),
        }
    });
    // Keyed by local id, so that typing in the draft or moving a file
    // keeps each attachment's fields, and their focus, where they are.
    let ids = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .attachments
                .iter()
                .map(|attachment| attachment.local_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let description_limit = Signal::derive(move || limits.get().description_limit);
    let item = move |local_id: String| {
        let preview = previews.with_untracked(|previews| previews.get(&local_id).cloned());
        let (first_id, last_id) = (local_id.clone(), local_id.clone());
        let first = Signal::derive(move || ids.with(|ids| ids.first() == Some(&first_id)));
        let last = Signal::derive(move || ids.with(|ids| ids.last() == Some(&last_id)));
        view! {
            <AttachmentItem
                uploads=uploads
                local_id=local_id
                local_preview=preview
                first=first
                last=last
                description_limit=description_limit
                remove=remove
                retry=retry
            />
        }
    };
    view! {
        <fieldset class="attachments">
            <legend>{tr(MediaWords::Attachments)}</legend>
            <label class="media-pick">
                <span>{tr(MediaWords::AddMedia)}</span>
                <input type="file" multiple=true accept=ACCEPT
                    disabled=move || has_poll() || full()
                    on:change=pick />
            </label>
            {move || has_poll().then(|| view! { <p class="media-note">{tr(MediaWords::NoMediaWithPoll)}</p> })}
            {move || (!has_poll() && full()).then(|| view! { <p class="media-note">{tr(MediaWords::MediaLimitReached)}</p> })}
            <ol class="attachment-list" aria-label=tr(MediaWords::Attachments)>
                <For each=move || ids.get() key=|local_id| local_id.clone() children=item />
            </ol>
        </fieldset>
    }
}
