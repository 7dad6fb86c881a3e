//! What a backup of one account holds. The shape is stored in the
//! browser and written whole into the export (`samizdat-backup.json`),
//! so that another browser can read it back: fields are only ever added,
//! each with a default, so older backups still read.

use serde::{Deserialize, Serialize};

/// The version of this shape, written into every backup.
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Backup {
    pub format: u32,
    pub account: BackupAccount,
    pub profile: BackupProfile,
    pub follows: Vec<BackupFollow>,
    /// Kept for the record and to tell them where the account went:
    /// followers cannot be moved without the old server.
    pub followers: Vec<KnownAccount>,
    pub lists: Vec<BackupList>,
    pub mutes: Vec<BackupMute>,
    pub blocks: Vec<KnownAccount>,
    pub domain_blocks: Vec<String>,
    /// Status URIs, newest first.
    pub bookmarks: Vec<String>,
    /// Hashtag names, without `#`.
    pub followed_tags: Vec<String>,
    pub filters: Vec<BackupFilter>,
    /// The account's own posts, newest first.
    pub posts: Vec<BackupPost>,
    /// When the last complete backup ended (RFC 3339), if one has.
    pub completed_at: Option<String>,
}

/// Whose backup this is, on which server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupAccount {
    /// `host[:port]`, as the client names servers.
    pub server: String,
    /// The account's id on that server.
    pub id: String,
    pub username: String,
    /// `username@server`.
    pub address: String,
    /// The profile page, also the ActivityPub actor's usual URL.
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupProfile {
    pub display_name: String,
    /// The bio as the account wrote it (plain text), when the server
    /// gives the source, else its HTML.
    pub note: String,
    /// Name and value pairs, values as written (plain text) where the
    /// server gives the source.
    pub fields: Vec<(String, String)>,
    pub avatar_url: String,
    pub header_url: String,
    pub locked: bool,
    pub bot: bool,
}

/// Another account, by address (`user@server`) and profile URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KnownAccount {
    pub address: String,
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupFollow {
    pub address: String,
    pub url: String,
    /// "Show boosts".
    pub reblogs: bool,
    /// "Notify on new posts".
    pub notify: bool,
    /// Only posts in these languages; `None` for all.
    pub languages: Option<Vec<String>>,
    /// The follow was still a request waiting for a locked account.
    pub requested: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupList {
    pub title: String,
    /// `followed`, `list` or `none`, as Mastodon names it.
    pub replies_policy: String,
    pub exclusive: bool,
    /// Member addresses.
    pub members: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupMute {
    pub address: String,
    pub url: String,
    /// When the mute ends (RFC 3339); `None` for never.
    pub expires_at: Option<String>,
    /// "Hide notifications" from the account too.
    pub notifications: bool,
}

/// A filter as `/api/v2/filters` gives it, less the server's ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupFilter {
    pub title: String,
    pub context: Vec<String>,
    /// `warn`, `hide` or `blur`.
    pub filter_action: String,
    pub expires_at: Option<String>,
    pub keywords: Vec<BackupFilterKeyword>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupFilterKeyword {
    pub keyword: String,
    pub whole_word: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupPost {
    pub id: String,
    pub uri: String,
    pub url: Option<String>,
    pub created_at: String,
    pub edited_at: Option<String>,
    /// The post's HTML, as the server renders it.
    pub content: String,
    /// The content warning, empty for none.
    pub spoiler_text: String,
    pub sensitive: bool,
    /// `public`, `unlisted`, `private` or `direct`.
    pub visibility: String,
    pub language: Option<String>,
    pub in_reply_to_id: Option<String>,
    /// The URI of the post replied to, where the backup knows it.
    pub in_reply_to_uri: Option<String>,
    /// The URI of the boosted post, for a boost.
    pub reblog_of: Option<String>,
    /// Addresses of the accounts mentioned.
    pub mentions: Vec<String>,
    /// Hashtag names, without `#`.
    pub tags: Vec<String>,
    pub media: Vec<BackupMedia>,
    /// The poll's options, for a poll.
    pub poll_options: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupMedia {
    pub id: String,
    /// `image`, `video`, `gifv`, `audio` or `unknown`.
    pub kind: String,
    pub url: String,
    /// The MIME type, where known (from the stored file).
    pub media_type: Option<String>,
    /// Alt text.
    pub description: Option<String>,
    pub blurhash: Option<String>,
    /// The file's bytes are kept beside the backup.
    pub stored: bool,
}

impl Backup {
    pub fn new(account: BackupAccount) -> Self {
        Self {
            format: FORMAT,
            account,
            ..Self::default()
        }
    }
}

/// `user@server` for an account's `acct` as `server` gives it: local
/// accounts come without a server.
pub fn full_address(acct: &str, server: &str) -> String {
    let acct = acct.trim_start_matches('@');
    if acct.contains('@') {
        acct.to_string()
    } else {
        format!("{acct}@{server}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_accounts_get_their_server() {
        assert_eq!(full_address("ada", "a.example"), "ada@a.example");
        assert_eq!(full_address("@ada@b.example", "a.example"), "ada@b.example");
    }

    #[test]
    fn an_older_backup_with_fewer_fields_still_reads() {
        let backup: Backup =
            serde_json::from_str(r#"{"format":1,"follows":[{"address":"ada@a.example"}]}"#)
                .unwrap();
        assert_eq!(backup.follows[0].address, "ada@a.example");
        assert!(backup.follows[0].languages.is_none() && backup.posts.is_empty());
    }
}
