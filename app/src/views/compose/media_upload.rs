//! Each picked file's way to the server: uploaded at once with its
//! progress, then waited on while the server processes it, then described.
//! The draft learns the server's id only when the file is there, and an
//! attachment counts as ready only once processed.

use std::collections::HashMap;

use leptos::prelude::*;
use web_sys::File;

use super::super::in_view::ViewTasks;
use crate::api::ApiError;
use crate::api::Focus;
use crate::api::actions::{MAX_PROCESSING_POLLS, describe, media, processing_delay_ms};
use crate::api::compose::ComposeDraft;
use crate::browser::upload::{upload, wait_ms};
use crate::state::session::Session;
use crate::state::{drafts, media_files};

/// Where a file is on its way, while it is not yet ready.
#[derive(Clone, Debug, PartialEq)]
pub enum Transfer {
    /// The share sent so far, 0 to 1.
    Sending(f64),
    Processing,
    Failed(ApiError),
    /// The server never finished processing it.
    TooLong,
}

/// The transfers of this composer's attachments, by local id. The files
/// themselves are kept beside the draft until the server has them; an
/// attachment with no transfer and no server id lost its file (storage
/// refused it) and must be picked again.
pub type Transfers = RwSignal<HashMap<String, Transfer>>;

/// What one attachment's upload works with.
#[derive(Clone, Copy)]
pub struct Uploads {
    pub draft: RwSignal<ComposeDraft>,
    pub transfers: Transfers,
    /// Why an alt text or focal point was not saved, by local id.
    pub unsaved: RwSignal<HashMap<String, ApiError>>,
}

impl Uploads {
    fn set(self, local_id: &str, transfer: Option<Transfer>) {
        self.transfers.try_update(|transfers| match transfer {
            Some(transfer) => transfers.insert(local_id.to_string(), transfer),
            None => transfers.remove(local_id),
        });
    }

    /// What the reader said about the attachment: alt text and focus.
    fn described(self, local_id: &str) -> Option<(String, Option<Focus>)> {
        self.draft.try_with_untracked(|draft| {
            draft
                .attachments
                .iter()
                .find(|attachment| attachment.local_id == local_id)
                .map(|attachment| {
                    let focus = attachment.focus.map(|(x, y)| Focus::new(x, y));
                    (attachment.description.clone(), focus)
                })
        })?
    }

    fn draft_id(self) -> String {
        self.draft
            .try_with_untracked(|draft| draft.id.clone())
            .unwrap_or_default()
    }

    /// Keeps a file just picked beside the draft, then uploads it: kept
    /// first, so that a reload while it is on its way loses nothing.
    pub fn pick(self, tasks: &ViewTasks, session: Session, local_id: String, file: File) {
        self.set(&local_id, Some(Transfer::Sending(0.0)));
        tasks.spawn(async move {
            // Storage may be full or missing; the upload goes on anyway.
            let _ = media_files::keep(&self.draft_id(), &local_id, &file).await;
            self.run(session, local_id, file).await
        });
    }

    /// Starts uploading `file` for the attachment `local_id`.
    pub fn start(self, tasks: &ViewTasks, session: Session, local_id: String, file: File) {
        self.set(&local_id, Some(Transfer::Sending(0.0)));
        tasks.spawn(async move { self.run(session, local_id, file).await });
    }

    /// Uploads the file kept for `local_id`, as after a reload, showing
    /// it to `found` first; with no file kept, the attachment shows as lost.
    pub fn start_kept(
        self,
        tasks: &ViewTasks,
        session: Session,
        local_id: String,
        found: impl FnOnce(&File) + 'static,
    ) {
        self.set(&local_id, Some(Transfer::Sending(0.0)));
        tasks.spawn(async move {
            match media_files::kept(&self.draft_id(), &local_id).await {
                Some(file) => {
                    found(&file);
                    self.run(session, local_id, file).await
                }
                None => self.set(&local_id, None),
            }
        });
    }

    async fn run(self, session: Session, local_id: String, file: File) {
        let Some(sent) = self.described(&local_id) else {
            return;
        };
        let id = local_id.clone();
        let progress = move |share: f64| self.set(&id, Some(Transfer::Sending(share)));
        let token = session.token.as_deref();
        let answer = upload(&session.server, token, &file, &sent.0, sent.1, progress).await;
        let (uploaded, processing) = match answer {
            Ok(answer) => answer,
            Err(error) => return self.set(&local_id, Some(Transfer::Failed(error))),
        };
        let media_id = uploaded.id.clone();
        self.draft.try_update(|draft| {
            if let Some(attachment) = draft.attachment_mut(&local_id) {
                attachment.media_id = Some(uploaded.id.clone());
                attachment.preview_url = uploaded.preview_url.clone();
                attachment.processing = processing;
            }
        });
        // The server has the bytes now. The copy kept here goes once the
        // draft naming the server's copy is saved, so that a reload in
        // between finds one or the other; a copy left behind goes with
        // the draft.
        let saved = match self.draft.try_get_untracked() {
            Some(draft) => drafts::save(&draft).await.is_ok(),
            None => false,
        };
        if saved {
            let _ = media_files::forget(&self.draft_id(), &local_id).await;
        }
        if processing && !self.wait_processed(&session, &local_id, &media_id).await {
            return;
        }
        self.set(&local_id, None);
        // The reader may have written the alt text while the file was on
        // its way: what was not sent with it is saved now.
        if self.described(&local_id).is_some_and(|now| now != sent) {
            self.save_description(session, local_id).await;
        }
    }

    /// Goes on waiting for an attachment uploaded before a reload that was
    /// still processing then.
    pub fn resume(self, tasks: &ViewTasks, session: Session, local_id: String, media_id: String) {
        self.set(&local_id, Some(Transfer::Processing));
        tasks.spawn(async move {
            if self.wait_processed(&session, &local_id, &media_id).await {
                self.set(&local_id, None);
            }
        });
    }

    /// Asks the server, backing off, until it has processed the file;
    /// false when it failed or took too long, as the transfer then says.
    async fn wait_processed(self, session: &Session, local_id: &str, media_id: &str) -> bool {
        self.set(local_id, Some(Transfer::Processing));
        for attempt in 0..MAX_PROCESSING_POLLS {
            wait_ms(processing_delay_ms(attempt)).await;
            match session.ask(&media(media_id)).await {
                Ok(asked) if asked.processed() => {
                    self.draft.try_update(|draft| {
                        if let Some(attachment) = draft.attachment_mut(local_id) {
                            attachment.processing = false;
                            if asked.preview_url.is_some() {
                                attachment.preview_url = asked.preview_url.clone();
                            }
                        }
                    });
                    return true;
                }
                // A server that has forgotten the file, or the reader,
                // will not remember it by being asked again.
                Err(error @ (ApiError::NotFound | ApiError::Unauthorized)) => {
                    self.set(local_id, Some(Transfer::Failed(error)));
                    return false;
                }
                _ => {}
            }
        }
        self.set(local_id, Some(Transfer::TooLong));
        false
    }

    /// Saves the attachment's alt text and focal point on the server, once
    /// it is there; before, they go with the upload.
    pub async fn save_description(self, session: Session, local_id: String) {
        let media_id = self.draft.try_with_untracked(|draft| {
            draft
                .attachments
                .iter()
                .find(|attachment| attachment.local_id == local_id)
                .and_then(|attachment| attachment.media_id.clone())
        });
        let (Some(Some(media_id)), Some((description, focus))) =
            (media_id, self.described(&local_id))
        else {
            return;
        };
        let answer = session.ask(&describe(&media_id, &description, focus)).await;
        self.unsaved.try_update(|unsaved| match answer {
            Ok(_) => unsaved.remove(&local_id),
            Err(error) => unsaved.insert(local_id, error),
        });
    }
}
