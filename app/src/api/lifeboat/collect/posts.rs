//! The account's own posts: each status as the backup keeps it, paged
//! newest first; on later runs paging stops at the newest post the last
//! complete backup already holds, and the older ones are kept from it.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Collect, Download};
use crate::api::lifeboat::{Backup, BackupMedia, BackupPost, full_address};
use crate::api::moderation::Listing;
use crate::api::{ApiError, MediaAttachment, MediaKind, Request, Status};

/// The posts of the last good backup, while this run needs them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct Previous {
    posts: Vec<BackupPost>,
    /// Only a complete backup holds every older post.
    complete: bool,
    /// Where in `posts` the new pages met the old ones.
    reached: Option<usize>,
}

impl Previous {
    pub(super) fn from_backup(backup: Option<Backup>) -> Self {
        backup.map_or_else(Self::default, |backup| Self {
            complete: backup.completed_at.is_some(),
            posts: backup.posts,
            reached: None,
        })
    }

    /// Appends the older posts kept from the last backup, from the one
    /// the new pages reached: those newer than it that the pages did not
    /// show were deleted since.
    pub(super) fn finish(&mut self, posts: &mut Vec<BackupPost>) {
        let previous = std::mem::take(&mut self.posts);
        let Some(reached) = self.reached.take() else {
            return;
        };
        let seen: HashSet<String> = posts.iter().map(|post| post.id.clone()).collect();
        posts.extend(
            previous
                .into_iter()
                .skip(reached)
                .filter(|post| !seen.contains(&post.id)),
        );
    }

    /// The media of the last backup by id, whether stored or not.
    fn media(&self) -> HashMap<&str, &BackupMedia> {
        self.posts
            .iter()
            .flat_map(|post| &post.media)
            .map(|media| (media.id.as_str(), media))
            .collect()
    }
}

impl Collect {
    /// Reads a page of posts: how many it held, and whether it reached
    /// the last complete backup.
    pub(super) fn absorb_posts(&mut self, body: &str) -> Result<(usize, bool), ApiError> {
        let page = Listing::<Status>::at(String::new()).read(body)?;
        let server = self.backup.account.server.clone();
        let count = page.len();
        let known = self.previous.media();
        let seen: HashSet<&str> = self.backup.posts.iter().map(|p| p.id.as_str()).collect();
        let mut fresh = Vec::new();
        for status in page
            .into_iter()
            .filter(|status| !seen.contains(status.id.as_str()))
        {
            let mut post = backup_post(status, &server);
            for media in &mut post.media {
                if let Some(kept) = known.get(media.id.as_str()).filter(|kept| kept.stored) {
                    media.stored = true;
                    media.media_type = kept.media_type.clone();
                }
            }
            fresh.push(post);
        }
        if self.previous.complete && self.previous.reached.is_none() {
            self.previous.reached = fresh
                .iter()
                .find_map(|post| self.previous.posts.iter().position(|old| old.id == post.id));
        }
        self.backup.posts.extend(fresh);
        Ok((count, self.previous.reached.is_some()))
    }
}

pub(super) fn backup_post(status: Status, server: &str) -> BackupPost {
    let own_media = status.reblog.is_none();
    BackupPost {
        reblog_of: status.reblog.as_ref().map(|boosted| boosted.uri.clone()),
        mentions: status
            .mentions
            .iter()
            .map(|mention| full_address(&mention.acct, server))
            .collect(),
        tags: status.tags.iter().map(|tag| tag.name.clone()).collect(),
        media: match own_media {
            true => status.media_attachments.iter().map(backup_media).collect(),
            false => Vec::new(),
        },
        poll_options: status
            .poll
            .iter()
            .flat_map(|poll| &poll.options)
            .map(|option| option.title.clone())
            .collect(),
        id: status.id,
        uri: status.uri,
        url: status.url,
        created_at: status.created_at,
        edited_at: status.edited_at,
        content: status.content,
        spoiler_text: status.spoiler_text,
        sensitive: status.sensitive,
        visibility: status.visibility.name().to_string(),
        language: status.language,
        in_reply_to_id: status.in_reply_to_id,
        in_reply_to_uri: None,
    }
}

fn backup_media(media: &MediaAttachment) -> BackupMedia {
    let url = match media.url.is_empty() {
        true => media.remote_url.clone().unwrap_or_default(),
        false => media.url.clone(),
    };
    BackupMedia {
        id: media.id.clone(),
        kind: kind_name(&media.kind).to_string(),
        url,
        media_type: None,
        description: media.description.clone(),
        blurhash: media.blurhash.clone(),
        stored: false,
    }
}

fn kind_name(kind: &MediaKind) -> &'static str {
    match kind {
        MediaKind::Image => "image",
        MediaKind::Gifv => "gifv",
        MediaKind::Video => "video",
        MediaKind::Audio => "audio",
        MediaKind::Unknown => "unknown",
    }
}

/// Replies to the account's own posts name the post replied to by URI,
/// which outlives the server's ids.
pub(super) fn link_replies(posts: &mut [BackupPost]) {
    let uris: HashMap<String, String> = posts
        .iter()
        .map(|post| (post.id.clone(), post.uri.clone()))
        .collect();
    for post in posts.iter_mut() {
        if let Some(uri) = post.in_reply_to_id.as_ref().and_then(|id| uris.get(id)) {
            post.in_reply_to_uri = Some(uri.clone());
        }
    }
}

pub(super) const MEDIA_KEY_PREFIX: &str = "media/";

/// Every file not yet stored, newest post first.
pub(super) fn media_downloads(posts: &[BackupPost]) -> Vec<Download> {
    posts
        .iter()
        .flat_map(|post| &post.media)
        .filter(|media| !media.stored && !media.url.is_empty())
        .map(|media| Download {
            url: media.url.clone(),
            key: format!("{MEDIA_KEY_PREFIX}{}", media.id),
        })
        .collect()
}

/// Notes a file as kept, with its type where the download said.
pub(super) fn mark_stored(posts: &mut [BackupPost], key: &str, mime: Option<String>) {
    let Some(id) = key.strip_prefix(MEDIA_KEY_PREFIX) else {
        return;
    };
    for media in posts.iter_mut().flat_map(|post| &mut post.media) {
        if media.id == id {
            media.stored = true;
            media.media_type = mime.clone().or(media.media_type.take());
        }
    }
}
