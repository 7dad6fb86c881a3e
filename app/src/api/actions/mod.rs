//! Requests that change something on the server: posting, interacting
//! with posts, and what one account does about another.

mod accounts;
mod follow_requests;
mod interact;
mod list_members;
mod list_of;
mod media;
mod post;
mod relationship;
mod scheduled;
mod server_rules;
mod standing;
mod untyped;

pub use accounts::{
    Follow, Mute, Report, authorize_follow_request, block, block_domain, follow, mute, note,
    reject_follow_request, relationships, report, unblock, unblock_domain, unfollow, unmute,
};
pub use follow_requests::follow_requests;
pub use interact::{Toggle, bookmark, favourite, mute_conversation, pin, reblog, unreblog, vote};
pub use list_members::{add_to_list, lists_holding, remove_from_list};
pub use media::{
    FILE_FIELD, MAX_PROCESSING_POLLS, UPLOAD_PATH, UploadedMedia, describe, media,
    processing_delay_ms, read_media, upload_fields,
};
pub use post::{
    Deleted, Draft, PollDraft, StatusEdit, StatusSource, delete, edit, history, post, source,
};
pub use relationship::Relationship;
pub use scheduled::{
    ScheduledParams, ScheduledStatus, cancel_scheduled, far_enough_ahead, reschedule,
    scheduled_statuses,
};
pub use server_rules::{RulesInInstance, ServerRule, server_rules};
pub use standing::{
    AccountAction, MUTE_DURATIONS, Standing, expected_after, remote_domain, standing,
};
pub use untyped::Untyped;
