//! Notifications, grouped as Mastodon 4.3's v2 API groups them; the v1
//! list of older servers and other dialects reads into the same shape.

use std::collections::HashMap;

use serde::{Deserialize, Deserializer};

use super::lenient::{Loose, id, null_default, optional_id, skip_unreadable};
use super::request::Request;
use super::{Account, ApiError, Status};

/// `GET /api/v2/notifications` where the server groups them, else
/// `GET /api/v1/notifications`, read into the same groups.
pub struct Notifications {
    pub grouped: bool,
}

impl Request for Notifications {
    type Answer = Vec<NotificationGroup>;
    fn path(&self) -> String {
        let version = if self.grouped { 2 } else { 1 };
        format!("/api/v{version}/notifications")
    }
    fn read(&self, body: &str) -> Result<Vec<NotificationGroup>, ApiError> {
        let groups = if self.grouped {
            parse_grouped(body)
        } else {
            parse_single(body)
        };
        groups.map_err(|error| ApiError::Malformed {
            detail: error.to_string(),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotificationKind {
    Mention,
    Status,
    Reblog,
    Follow,
    FollowRequest,
    Favourite,
    Poll,
    Update,
    /// Reactions, moderation notices and whatever a server adds.
    Other(String),
}

impl<'de> Deserialize<'de> for NotificationKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Option::<String>::deserialize(deserializer)?.unwrap_or_default();
        Ok(match value.as_str() {
            "mention" => Self::Mention,
            "status" => Self::Status,
            "reblog" => Self::Reblog,
            "follow" => Self::Follow,
            "follow_request" => Self::FollowRequest,
            "favourite" => Self::Favourite,
            "poll" => Self::Poll,
            "update" => Self::Update,
            _ => Self::Other(value),
        })
    }
}

/// One line of the notifications view: one or more accounts that did the
/// same thing, to the same status where there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct NotificationGroup {
    pub key: String,
    pub kind: NotificationKind,
    pub accounts: Vec<Account>,
    pub status: Option<Status>,
    pub count: u64,
}

/// Each list skips what it cannot read, so that one odd account, status
/// or group costs the reader that one and not the whole page.
#[derive(Deserialize)]
struct Grouped {
    #[serde(default, deserialize_with = "skip_unreadable")]
    accounts: Vec<Account>,
    #[serde(default, deserialize_with = "skip_unreadable")]
    statuses: Vec<Status>,
    #[serde(default, deserialize_with = "skip_unreadable")]
    notification_groups: Vec<RawGroup>,
}

#[derive(Deserialize)]
struct RawGroup {
    group_key: String,
    #[serde(rename = "type")]
    kind: NotificationKind,
    #[serde(default, deserialize_with = "null_default")]
    notifications_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    sample_account_ids: Vec<String>,
    #[serde(default, deserialize_with = "optional_id")]
    status_id: Option<String>,
}

#[derive(Deserialize)]
struct Single {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(rename = "type")]
    kind: NotificationKind,
    account: Account,
    #[serde(default)]
    status: Option<Status>,
}

/// Reads `GET /api/v2/notifications`.
fn parse_grouped(json: &str) -> Result<Vec<NotificationGroup>, serde_json::Error> {
    let grouped: Grouped = serde_json::from_str(json)?;
    let accounts: HashMap<&str, &Account> = grouped
        .accounts
        .iter()
        .map(|account| (account.id.as_str(), account))
        .collect();
    let statuses: HashMap<&str, &Status> = grouped
        .statuses
        .iter()
        .map(|status| (status.id.as_str(), status))
        .collect();
    Ok(grouped
        .notification_groups
        .into_iter()
        .map(|group| NotificationGroup {
            accounts: group
                .sample_account_ids
                .iter()
                .filter_map(|id| accounts.get(id.as_str()).map(|account| (*account).clone()))
                .collect(),
            status: group
                .status_id
                .as_deref()
                .and_then(|id| statuses.get(id).map(|status| (*status).clone())),
            count: group.notifications_count.max(1),
            key: group.group_key,
            kind: group.kind,
        })
        .collect())
}

/// Reads `GET /api/v1/notifications`: each notification is its own group.
fn parse_single(json: &str) -> Result<Vec<NotificationGroup>, serde_json::Error> {
    let list: Vec<Loose<Single>> = serde_json::from_str(json)?;
    Ok(list
        .into_iter()
        .filter_map(Loose::get)
        .map(|single| NotificationGroup {
            key: single.id,
            kind: single.kind,
            accounts: vec![single.account],
            status: single.status,
            count: 1,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_version_has_its_path_and_its_reading() {
        let grouped = Notifications { grouped: true };
        let single = Notifications { grouped: false };
        assert_eq!(grouped.path(), "/api/v2/notifications");
        assert_eq!(single.path(), "/api/v1/notifications");
        assert_eq!(grouped.read(r#"{"notification_groups":[]}"#), Ok(vec![]));
        assert!(matches!(
            single.read(r#"{"notification_groups":[]}"#),
            Err(ApiError::Malformed { .. })
        ));
    }

    #[test]
    fn grouped_notifications_join_their_accounts_and_status() {
        let groups =
            parse_grouped(include_str!("fixtures/mastodon-4.3-notifications-v2.json")).unwrap();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].kind, NotificationKind::Favourite);
        assert_eq!(groups[0].count, 5);
        assert_eq!(
            groups[0]
                .accounts
                .iter()
                .map(|account| account.acct.as_str())
                .collect::<Vec<_>>(),
            ["grace", "lin@other.example"]
        );
        assert_eq!(groups[0].status.as_ref().unwrap().id, "113463521409475712");
        assert_eq!(
            groups[1].kind,
            NotificationKind::Other("admin.report".into())
        );
        assert!(groups[1].status.is_none());
    }

    #[test]
    fn v1_notifications_read_into_the_same_shape() {
        let json = r#"[{"id":"7","type":"pleroma:emoji_reaction","created_at":"2026-11-03T08:00:00.000Z","account":{"id":"9","username":"bea","acct":"bea"},"status":null},
                       {"id":"6","type":"mention","account":{"id":"9","username":"bea","acct":"bea"},"status":{"id":"5","account":{"id":"9"},"content":"<p>hi</p>"}}]"#;
        let groups = parse_single(json).unwrap();
        assert_eq!(
            groups[0].kind,
            NotificationKind::Other("pleroma:emoji_reaction".into())
        );
        assert_eq!(groups[1].kind, NotificationKind::Mention);
        assert_eq!(groups[1].status.as_ref().unwrap().content, "<p>hi</p>");
        assert_eq!(groups[1].count, 1);
    }
}
