//! One attachment in the composer: its preview, where its upload is, its
//! alt text, its focal point (a click on the picture), and buttons to move
//! or remove it.

use leptos::html::Img;
use leptos::prelude::*;

use super::super::in_view::ViewTasks;
use super::super::tr;
use super::media_limits::DEFAULT_DESCRIPTION_LIMIT;
use super::media_upload::{Transfer, Uploads};
use crate::api::Focus;
use crate::i18n::media::MediaWords;
use crate::i18n::{Lang, Text, error_text};
use crate::sanitize::policy::http_url;
use crate::state::{app_state, session::session};

#[component]
pub fn AttachmentItem(
    uploads: Uploads,
    local_id: String,
    /// The picked file itself, while this page still has it.
    local_preview: Option<String>,
    first: Signal<bool>,
    last: Signal<bool>,
    description_limit: Signal<Option<u64>>,
    remove: Callback<String>,
    /// Uploads the file again, from this page or from storage.
    retry: Callback<String>,
) -> impl IntoView {
    let lang = app_state().lang;
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let id = StoredValue::new(local_id.clone());
    let draft = uploads.draft;
    let attachment = Memo::new(move |_| {
        draft.with(|draft| {
            draft
                .attachments
                .iter()
                .find(|attachment| attachment.local_id == id.get_value())
                .cloned()
                .unwrap_or_default()
        })
    });
    // Left unfinished before a reload: still processing on the server, or
    // not yet sent; not when this page is still working on it.
    let waited_on = uploads
        .transfers
        .with_untracked(|transfers| transfers.contains_key(&local_id));
    // The kept file, shown while it is not yet on the server after a reload.
    let kept_preview = RwSignal::new(None::<String>);
    on_cleanup(move || {
        if let Some(Some(url)) = kept_preview.try_get_untracked() {
            web_sys::Url::revoke_object_url(&url).ok();
        }
    });
    let show_kept = move |file: &web_sys::File| {
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(file)
            && kept_preview.try_set(Some(url.clone())).is_some()
        {
            // The item went before the file was read.
            web_sys::Url::revoke_object_url(&url).ok();
        }
    };
    let left = attachment.get_untracked();
    if !waited_on && !left.local_id.is_empty() {
        let (tasks, session) = (tasks.get_value(), session.get_value());
        match left.media_id {
            Some(media_id) if left.processing => {
                uploads.resume(&tasks, session, local_id.clone(), media_id);
            }
            // Not yet on the server: its file, kept beside the draft, is
            // sent again.
            None => uploads.start_kept(&tasks, session, local_id.clone(), show_kept),
            Some(_) => {}
        }
    }
    let transfer = move || {
        uploads
            .transfers
            .with(|transfers| transfers.get(&id.get_value()).cloned())
    };
    let save = move || {
        let uploads = uploads;
        tasks
            .get_value()
            .spawn(uploads.save_description(session.get_value(), id.get_value()));
    };
    let is_image = move || attachment.with(|attachment| attachment.mime.starts_with("image/"));
    let src = move || {
        local_preview
            .clone()
            .or_else(|| kept_preview.get())
            .or_else(|| {
                attachment.with(|attachment| {
                    attachment
                        .preview_url
                        .as_deref()
                        .and_then(http_url)
                        .map(str::to_string)
                })
            })
    };
    let image: NodeRef<Img> = NodeRef::new();
    let pick_focus = move |ev: leptos::ev::MouseEvent| {
        // A button pressed from the keyboard has no point on the picture.
        if ev.detail() == 0 {
            return;
        }
        let Some(image) = image.get() else {
            return;
        };
        let rect = image.get_bounding_client_rect();
        let focus = Focus::from_click(
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
            rect.width(),
            rect.height(),
        );
        draft.update(|draft| {
            if let Some(attachment) = draft.attachment_mut(&id.get_value()) {
                attachment.focus = Some((focus.x, focus.y));
            }
        });
        save();
    };
    let focus =
        move || attachment.with(|attachment| attachment.focus.map(|(x, y)| Focus::new(x, y)));
    let marker = move || {
        focus().map(|focus| {
            let (left, top) = focus.percent_text();
            view! { <span class="focal-marker" aria-hidden="true" style:left=left style:top=top></span> }
        })
    };
    let preview = move || {
        match (is_image(), src()) {
        (true, Some(src)) => view! {
            <button type="button" class="focal-picker" aria-label=tr(MediaWords::FocalPoint) on:click=pick_focus>
                <img node_ref=image src=src alt=move || attachment.with(|attachment| attachment.description.clone()) />
                {marker}
            </button>
        }
        .into_any(),
        _ => view! { <span class="file-name">{move || attachment.with(|attachment| attachment.file_name.clone())}</span> }.into_any(),
    }
    };
    let limit = move || description_limit.get().unwrap_or(DEFAULT_DESCRIPTION_LIMIT);
    let used = move || attachment.with(|attachment| attachment.description.chars().count());
    let over = move || used() as u64 > limit();
    let state = move || match transfer() {
        Some(Transfer::Sending(_)) => "sending",
        Some(Transfer::Processing) => "processing",
        Some(Transfer::Failed(_) | Transfer::TooLong) => "failed",
        None if attachment.with(|attachment| attachment.ready()) => "ready",
        None => "lost",
    };
    view! {
        <li class="attachment" data-local-id=local_id data-state=state data-media-id=move || attachment.with(|attachment| attachment.media_id.clone())>
            <div class="attachment-preview">{preview}</div>
            {move || transfer_view(transfer(), state(), lang.get())}
            <label class="alt-text">
                <span>{tr(MediaWords::AltText)}</span>
                <textarea name="description" rows="2"
                    maxlength=move || limit().to_string()
                    prop:value=move || attachment.with(|attachment| attachment.description.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.update(|draft| {
                            if let Some(attachment) = draft.attachment_mut(&id.get_value()) {
                                attachment.description = text;
                            }
                        });
                    }
                    on:change=move |_| save()
                ></textarea>
            </label>
            <span class="alt-count" class:over=over>{move || format!("{} / {}", used(), limit())}</span>
            {move || uploads.unsaved.with(|unsaved| unsaved.get(&id.get_value()).cloned()).map(|error| view! {
                <p class="error" role="alert">{tr(MediaWords::AltTextNotSaved)}" "{error_text(lang.get(), &error)}</p>
            })}
            {move || is_image().then(|| view! {
                <p class="focal-help">
                    {tr(MediaWords::FocalPointHelp)}
                    {move || focus().map(|focus| view! { " "<span class="focal-value">{tr(MediaWords::FocalPoint)}": "{focus.param()}</span> })}
                </p>
            })}
            <div class="attachment-actions">
                <button type="button" data-move="earlier" aria-label=tr(MediaWords::MoveEarlier) title=tr(MediaWords::MoveEarlier)
                    disabled=move || first.get()
                    on:click=move |_| draft.update(|draft| draft.move_attachment(&id.get_value(), -1))>"↑"</button>
                <button type="button" data-move="later" aria-label=tr(MediaWords::MoveLater) title=tr(MediaWords::MoveLater)
                    disabled=move || last.get()
                    on:click=move |_| draft.update(|draft| draft.move_attachment(&id.get_value(), 1))>"↓"</button>
                {move || matches!(transfer(), Some(Transfer::Failed(_))).then(|| view! {
                    <button type="button" class="retry-upload" on:click=move |_| retry.run(id.get_value())>{tr(Text::TryAgain)}</button>
                })}
                <button type="button" class="remove" on:click=move |_| remove.run(id.get_value())>{tr(MediaWords::Remove)}</button>
            </div>
        </li>
    }
}

/// A share from 0 to 1 in thousandths, in integers: formatting floats
/// would add its own code to the client.
fn permille(share: f64) -> String {
    ((share.clamp(0.0, 1.0) * 1000.0).round() as u32).to_string()
}

/// Where the upload is, in words, or a bar while it is being sent.
fn transfer_view(transfer: Option<Transfer>, state: &str, lang: Lang) -> Option<AnyView> {
    use crate::i18n::Words;
    let say = |word: MediaWords| word.in_lang(lang);
    Some(match transfer {
        Some(Transfer::Sending(share)) => view! {
            <progress class="upload-progress" max="1000" value=permille(share) aria-label=say(MediaWords::UploadProgress)></progress>
        }
        .into_any(),
        Some(Transfer::Processing) => view! { <p class="media-status" role="status">{say(MediaWords::Processing)}</p> }.into_any(),
        Some(Transfer::Failed(error)) => view! {
            <p class="error" role="alert">{say(MediaWords::UploadFailed)}" "{error_text(lang, &error)}</p>
        }
        .into_any(),
        Some(Transfer::TooLong) => view! { <p class="error" role="alert">{say(MediaWords::ProcessingTooLong)}</p> }.into_any(),
        None if state == "lost" => view! { <p class="error" role="alert">{say(MediaWords::NotUploaded)}</p> }.into_any(),
        None => return None,
    })
}
