//! Accounts, as statuses, notifications and profiles carry them, parsed
//! tolerantly across server dialects.

use serde::Deserialize;

use super::custom_emoji::CustomEmoji;
use super::lenient::{id, null_default, skip_unreadable};
use super::request::Get;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Account {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub username: String,
    /// `user` for a local account, `user@server` for a remote one.
    #[serde(default, deserialize_with = "null_default")]
    pub acct: String,
    #[serde(default, deserialize_with = "null_default")]
    pub display_name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
    #[serde(default, deserialize_with = "null_default")]
    pub avatar: String,
    #[serde(default, deserialize_with = "null_default")]
    pub avatar_static: String,
    #[serde(default, deserialize_with = "null_default")]
    pub header: String,
    #[serde(default, deserialize_with = "null_default")]
    pub note: String,
    #[serde(default, deserialize_with = "null_default")]
    pub bot: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub locked: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub followers_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub following_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub statuses_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub emojis: Vec<CustomEmoji>,
    /// The profile's name-and-value table.
    #[serde(default, deserialize_with = "skip_unreadable")]
    pub fields: Vec<ProfileField>,
}

/// One row of a profile's table. The same shape on Mastodon, Pleroma and
/// GoToSocial; `value` is HTML, `name` is text.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ProfileField {
    #[serde(default, deserialize_with = "null_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub value: String,
    /// When the server last saw a link back from the page in `value`.
    #[serde(default)]
    pub verified_at: Option<String>,
}

impl Account {
    /// The name to show: the display name, or the username when it is blank.
    pub fn name(&self) -> &str {
        if self.display_name.trim().is_empty() {
            &self.username
        } else {
            &self.display_name
        }
    }
}

/// `GET /api/v1/accounts/verify_credentials`: whose token this is.
pub fn verify_credentials() -> Get<Account> {
    Get::new("/api/v1/accounts/verify_credentials".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn verify_credentials_reads_the_account() {
        let me = verify_credentials()
            .read(r#"{"id":"3","username":"ada"}"#)
            .unwrap();
        assert_eq!((me.id.as_str(), me.name()), ("3", "ada"));
        assert!(verify_credentials().read(r#"{"error":"x"}"#).is_err());
    }

    #[test]
    fn profile_fields_are_read_tolerantly() {
        let account: Account = serde_json::from_str(
            r#"{"id":"1","fields":[
                {"name":"Pronouns","value":"she/her","verified_at":null},
                {"name":null,"value":"<a href=\"https://x.org\">x.org</a>","verified_at":"2026-01-01T00:00:00Z"},
                {"name":"Odd","value":42},
                "not a field",
                {}
            ]}"#,
        )
        .unwrap();
        let names: Vec<&str> = account.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Pronouns", "", ""], "unreadable rows are skipped");
        assert_eq!(account.fields[0].verified_at, None);
        assert_eq!(
            account.fields[1].verified_at.as_deref(),
            Some("2026-01-01T00:00:00Z")
        );
        for missing in [
            r#"{"id":"1"}"#,
            r#"{"id":"1","fields":null}"#,
            r#"{"id":"1","fields":{}}"#,
        ] {
            let account: Account = serde_json::from_str(missing).unwrap();
            assert!(account.fields.is_empty(), "{missing}");
        }
    }
}
