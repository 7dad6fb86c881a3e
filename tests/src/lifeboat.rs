//! The harness for Lifeboat's end-to-end tests: seeding an account on one
//! mastodon-mock, reading back what a restore should recreate, carrying a
//! backup across mocks that do not federate, and checking the export
//! against Mastodon's formats.

mod archive;
mod backup_state;
mod by_hand;
mod mock_calls;
mod png;
mod reader;
mod rewrite;
mod seed;
mod state;

pub use crate::http::{Body, Response, send, send_any};
pub use archive::{check_mastodon_csvs, unzip};
pub use backup_state::state_of_backup;
pub use by_hand::recreate_state;
pub use mock_calls::{add_dev_users, post_as, unfollow_everyone};
pub use png::one_pixel;
pub use reader::all_pages;
pub use rewrite::{
    ExpectedOnB, Rewrite, expected_on_b, mirror_bookmarks, rewrite_backup_for, rewrite_backup_with,
    unreported_impossible,
};
pub use seed::{EXTRA_USERS, Seeded, SeededFollow, SeededPost, seed_account};
pub use state::{
    AccountState, FilterState, FollowState, ListState, MuteState, ProfileState, account_state,
    differences,
};
