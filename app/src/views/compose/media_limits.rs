//! The server's limits on media and polls, for the parts of the composer
//! that hold to them. Empty until the server's description arrives, and
//! when the server does not say: each part then takes Mastodon's defaults.

use leptos::prelude::*;

use super::super::in_view::ViewTasks;
use crate::api::compose::Limits;
use crate::state::server_info::server_info;
use crate::state::{app_state, session::session};

/// Mastodon's limits, for a server that does not state its own.
pub const DEFAULT_MAX_MEDIA: u64 = 4;
pub const DEFAULT_DESCRIPTION_LIMIT: u64 = 1500;
pub const DEFAULT_MAX_OPTIONS: u64 = 4;
pub const DEFAULT_OPTION_CHARACTERS: u64 = 50;
/// Seconds.
pub const DEFAULT_MIN_EXPIRATION: u64 = 300;
pub const DEFAULT_MAX_EXPIRATION: u64 = 2_629_746;

/// The limits of the view's server, filled in once known.
pub fn server_limits() -> ReadSignal<Limits> {
    let (limits, set_limits) = signal(Limits::default());
    let server = session().server;
    let state = app_state();
    ViewTasks::here().spawn(async move {
        if let Some(info) = server_info(state, &server).await {
            set_limits.try_set(info.limits);
        }
    });
    limits
}
