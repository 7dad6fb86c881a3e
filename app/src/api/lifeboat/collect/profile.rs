//! The account's profile, from `verify_credentials`: its text as the
//! account wrote it where the server gives the source, and its images.

use serde::Deserialize;

use super::Download;
use crate::api::account::ProfileField;
use crate::api::lenient::Loose;
use crate::api::lifeboat::{Backup, full_address};
use crate::api::{Account, ApiError, Request, verify_credentials};

pub(super) const AVATAR_KEY: &str = "avatar";
pub(super) const HEADER_KEY: &str = "header";

/// What Mastodon, Pleroma and GoToSocial give the account about itself
/// only: the bio and fields as typed, before rendering to HTML.
#[derive(Deserialize)]
struct Credentials {
    #[serde(default)]
    source: Option<Loose<Source>>,
}

#[derive(Deserialize)]
struct Source {
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    fields: Option<Loose<Vec<Loose<ProfileField>>>>,
}

/// Fills the account and profile; returns the images to keep.
pub(super) fn absorb(backup: &mut Backup, body: &str) -> Result<Vec<Download>, ApiError> {
    let account: Account = verify_credentials().read(body)?;
    let source = serde_json::from_str::<Credentials>(body)
        .ok()
        .and_then(|credentials| credentials.source)
        .and_then(Loose::get);
    let server = backup.account.server.clone();
    let who = &mut backup.account;
    who.id = account.id.clone();
    who.username = account.username.clone();
    who.address = full_address(&account.username, &server);
    who.url = account.url.clone();

    let (note, fields) = match source {
        Some(Source { note, fields }) => (note, fields.and_then(Loose::get)),
        None => (None, None),
    };
    let note = note.unwrap_or_else(|| account.note.clone());
    let fields = match fields {
        Some(fields) => fields.into_iter().filter_map(Loose::get).collect(),
        None => account.fields.clone(),
    };
    let profile = &mut backup.profile;
    profile.display_name = account.display_name.clone();
    profile.note = note;
    profile.fields = fields
        .into_iter()
        .map(|field| (field.name, field.value))
        .collect();
    profile.avatar_url = account.avatar.clone();
    profile.header_url = account.header.clone();
    profile.locked = account.locked;
    profile.bot = account.bot;

    Ok(
        [(AVATAR_KEY, &account.avatar), (HEADER_KEY, &account.header)]
            .into_iter()
            .filter(|(_, url)| !is_default_image(url))
            .map(|(key, url)| Download {
                url: url.clone(),
                key: key.to_string(),
            })
            .collect(),
    )
}

/// The server's stand-in for an account that set no image: Mastodon's
/// `missing.png`, or the identicons mastodon-mock draws. Restoring one
/// would upload a picture the account never chose.
pub(super) fn is_default_image(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    path.is_empty()
        || path.ends_with("/original/missing.png")
        || path.contains("/avatars/generated/")
        || path.contains("/headers/generated/")
}
