//! The phases of a backup run, in the order they go, and the first
//! request of each. Later pages always come from the server's `Link`.

use serde::{Deserialize, Serialize};

use super::Collect;
use crate::api::actions::relationships;
use crate::api::moderation::{domain_blocks, followed_tags, list_members};
use crate::api::request::segment;
use crate::api::{Request, statuses_of};

/// How many accounts one `relationships` request asks about.
pub(super) const RELATIONSHIP_BATCH: usize = 40;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Step {
    #[default]
    Profile,
    ProfileImages,
    Following,
    FollowRelationships,
    Followers,
    Lists,
    ListMembers,
    Mutes,
    MuteRelationships,
    Blocks,
    DomainBlocks,
    Bookmarks,
    FollowedTags,
    Filters,
    Posts,
    Media,
    Done,
}

impl Step {
    pub(super) fn after(self) -> Self {
        match self {
            Self::Profile => Self::ProfileImages,
            Self::ProfileImages => Self::Following,
            Self::Following => Self::FollowRelationships,
            Self::FollowRelationships => Self::Followers,
            Self::Followers => Self::Lists,
            Self::Lists => Self::ListMembers,
            Self::ListMembers => Self::Mutes,
            Self::Mutes => Self::MuteRelationships,
            Self::MuteRelationships => Self::Blocks,
            Self::Blocks => Self::DomainBlocks,
            Self::DomainBlocks => Self::Bookmarks,
            Self::Bookmarks => Self::FollowedTags,
            Self::FollowedTags => Self::Filters,
            Self::Filters => Self::Posts,
            Self::Posts => Self::Media,
            Self::Media | Self::Done => Self::Done,
        }
    }

    /// The name the Lifeboat page shows.
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Profile | Self::ProfileImages => "profile",
            Self::Following | Self::FollowRelationships => "follows",
            Self::Followers => "followers",
            Self::Lists | Self::ListMembers => "lists",
            Self::Mutes | Self::MuteRelationships => "mutes",
            Self::Blocks => "blocks",
            Self::DomainBlocks => "domain_blocks",
            Self::Bookmarks => "bookmarks",
            Self::FollowedTags => "followed_tags",
            Self::Filters => "filters",
            Self::Posts => "posts",
            Self::Media => "media",
            Self::Done => "done",
        }
    }

    /// Steps fed from the queue of files rather than by requests.
    pub(super) fn downloads(self) -> bool {
        matches!(self, Self::ProfileImages | Self::Media)
    }

    /// Without these the backup would not be worth its name; any other
    /// kind a server lacks or refuses is left empty.
    pub(super) fn essential(self) -> bool {
        matches!(self, Self::Profile | Self::Following | Self::Posts)
    }
}

impl Collect {
    /// The first request of the current step (or of its next batch);
    /// `None` when the step has nothing (left) to ask.
    pub(super) fn first_path(&self) -> Option<String> {
        let id = self.backup.account.id.as_str();
        let offset = self.scratch.offset;
        let path = match self.step {
            Step::Profile => "/api/v1/accounts/verify_credentials".to_string(),
            Step::Following => format!("/api/v1/accounts/{}/following?limit=80", segment(id)),
            Step::Followers => format!("/api/v1/accounts/{}/followers?limit=80", segment(id)),
            Step::FollowRelationships => relationships_path(&self.scratch.follow_ids, offset)?,
            Step::MuteRelationships => relationships_path(&self.scratch.mute_ids, offset)?,
            Step::Lists => "/api/v1/lists".to_string(),
            // Mastodon gives every member at once for `limit=0`.
            Step::ListMembers => format!(
                "{}?limit=0",
                list_members(self.scratch.list_ids.get(offset)?).path()
            ),
            Step::Mutes => "/api/v1/mutes?limit=80".to_string(),
            Step::Blocks => "/api/v1/blocks?limit=80".to_string(),
            Step::DomainBlocks => format!("{}?limit=200", domain_blocks().path()),
            Step::Bookmarks => "/api/v1/bookmarks?limit=40".to_string(),
            Step::FollowedTags => format!("{}?limit=200", followed_tags().path()),
            Step::Filters => crate::api::filter_edit::filters().path(),
            Step::Posts => format!("{}?limit=40", statuses_of(id).path()),
            Step::ProfileImages | Step::Media | Step::Done => return None,
        };
        Some(path)
    }
}

fn relationships_path(ids: &[String], offset: usize) -> Option<String> {
    let batch: Vec<&str> = ids
        .get(offset..)?
        .iter()
        .take(RELATIONSHIP_BATCH)
        .map(String::as_str)
        .collect();
    (!batch.is_empty()).then(|| relationships(&batch).path())
}
