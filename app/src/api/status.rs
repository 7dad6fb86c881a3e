//! Statuses, parsed tolerantly across server dialects.
//!
//! Every field that some server omits or sends as `null` takes its default,
//! IDs are kept as opaque strings even when a server sends numbers, and enum
//! values this client does not know are kept rather than rejected.

use serde::{Deserialize, Deserializer};

use super::account::Account;
use super::custom_emoji::CustomEmoji;
use super::filter::FilterResult;
use super::lenient::{id, null_default, optional_id, skip_unreadable};
use super::media::{MediaMeta, media_meta};
use super::nested;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Status {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub uri: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub created_at: String,
    #[serde(default)]
    pub edited_at: Option<String>,
    pub account: Account,
    #[serde(default, deserialize_with = "null_default")]
    pub content: String,
    #[serde(default, deserialize_with = "null_default")]
    pub spoiler_text: String,
    #[serde(default, deserialize_with = "null_default")]
    pub sensitive: bool,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default, deserialize_with = "optional_id")]
    pub in_reply_to_id: Option<String>,
    #[serde(default, deserialize_with = "optional_id")]
    pub in_reply_to_account_id: Option<String>,
    #[serde(default, deserialize_with = "nested::reblog")]
    pub reblog: Option<Box<Status>>,
    #[serde(default, deserialize_with = "null_default")]
    pub media_attachments: Vec<MediaAttachment>,
    #[serde(default, deserialize_with = "null_default")]
    pub mentions: Vec<Mention>,
    #[serde(default, deserialize_with = "null_default")]
    pub tags: Vec<Tag>,
    #[serde(default, deserialize_with = "null_default")]
    pub emojis: Vec<CustomEmoji>,
    #[serde(default, deserialize_with = "null_default")]
    pub replies_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub reblogs_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub favourites_count: u64,
    #[serde(default)]
    pub poll: Option<Poll>,
    #[serde(default)]
    pub card: Option<Card>,
    /// The reader's filters that matched, as the server found them.
    #[serde(default, deserialize_with = "skip_unreadable")]
    pub filtered: Vec<FilterResult>,
    /// The quoted status, where the server supports quotes and shows it.
    #[serde(default, deserialize_with = "nested::quote")]
    pub quote: Option<Box<Status>>,
    /// What the reader's account has done to the status; absent, and so
    /// false, when nobody is signed in.
    #[serde(default, deserialize_with = "null_default")]
    pub favourited: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub reblogged: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub bookmarked: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub pinned: bool,
    /// The reader muted the status's conversation.
    #[serde(default, deserialize_with = "null_default")]
    pub muted: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Poll {
    #[serde(default, deserialize_with = "optional_id")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub options: Vec<PollOption>,
    #[serde(default, deserialize_with = "null_default")]
    pub votes_count: u64,
    #[serde(default, deserialize_with = "null_default")]
    pub expired: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub multiple: bool,
    /// Whether the reader has voted; absent when nobody is signed in.
    #[serde(default, deserialize_with = "null_default")]
    pub voted: bool,
    /// The indexes the reader chose.
    #[serde(default, deserialize_with = "null_default")]
    pub own_votes: Vec<usize>,
    #[serde(default)]
    pub expires_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PollOption {
    #[serde(default, deserialize_with = "null_default")]
    pub title: String,
    /// Hidden until the poll ends, on some servers.
    #[serde(default)]
    pub votes_count: Option<u64>,
}

impl Poll {
    /// Each option's share of the votes, in whole percent. The counts are
    /// the server's and may be anything: the arithmetic is wide enough for
    /// any of them, and no share is more than the whole.
    pub fn percentages(&self) -> Vec<Option<u64>> {
        let total = u128::from(self.votes_count);
        self.options
            .iter()
            .map(|option| {
                option.votes_count.map(|votes| {
                    let share = (u128::from(votes) * 100 + total / 2)
                        .checked_div(total)
                        .unwrap_or(0);
                    u64::try_from(share.min(100)).unwrap_or(100)
                })
            })
            .collect()
    }
}

/// A link preview.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Card {
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
    #[serde(default, deserialize_with = "null_default")]
    pub title: String,
    #[serde(default, deserialize_with = "null_default")]
    pub description: String,
    #[serde(default)]
    pub image: Option<String>,
}

impl Status {
    /// The status whose content is shown: the boosted one for a boost.
    pub fn shown(&self) -> &Status {
        self.reblog.as_deref().unwrap_or(self)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MediaAttachment {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(rename = "type", default)]
    pub kind: MediaKind,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
    #[serde(default)]
    pub preview_url: Option<String>,
    #[serde(default)]
    pub remote_url: Option<String>,
    /// Its size and focal point.
    #[serde(default, deserialize_with = "media_meta")]
    pub meta: MediaMeta,
    /// Alt text.
    #[serde(default)]
    pub description: Option<String>,
    /// Pleroma sends no blurhash for remote media.
    #[serde(default)]
    pub blurhash: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Mention {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub username: String,
    #[serde(default, deserialize_with = "null_default")]
    pub acct: String,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Tag {
    pub name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
}

/// Who may see a status. Servers add their own values, which are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Visibility {
    #[default]
    Public,
    Unlisted,
    Private,
    Direct,
    /// A value of some other dialect: Pleroma's `local` or `list`,
    /// Hometown's or GoToSocial's `mutuals_only`, and any future one.
    Other(String),
}

impl Visibility {
    /// The API's name for it, as requests send it back.
    pub fn name(&self) -> &str {
        match self {
            Self::Public => "public",
            Self::Unlisted => "unlisted",
            Self::Private => "private",
            Self::Direct => "direct",
            Self::Other(name) => name,
        }
    }
}

impl<'de> Deserialize<'de> for Visibility {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Option::<String>::deserialize(deserializer)?.unwrap_or_default();
        Ok(match value.as_str() {
            "public" | "" => Self::Public,
            "unlisted" => Self::Unlisted,
            "private" => Self::Private,
            "direct" => Self::Direct,
            _ => Self::Other(value),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MediaKind {
    Image,
    Gifv,
    Video,
    Audio,
    #[default]
    Unknown,
}

impl<'de> Deserialize<'de> for MediaKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Option::<String>::deserialize(deserializer)?.unwrap_or_default();
        Ok(match value.as_str() {
            "image" => Self::Image,
            "gifv" => Self::Gifv,
            "video" => Self::Video,
            "audio" => Self::Audio,
            _ => Self::Unknown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::media::MediaSize;

    fn parse(json: &str) -> Vec<Status> {
        serde_json::from_str(json).expect("fixture parses")
    }

    #[test]
    fn mastodon_4_statuses_parse_with_boost_media_and_mentions() {
        let statuses = parse(include_str!("fixtures/mastodon-4.3-public.json"));
        assert_eq!(statuses.len(), 2);
        let first = &statuses[0];
        assert_eq!(first.id, "113463521409475712");
        assert_eq!(first.visibility, Visibility::Public);
        assert_eq!(first.account.acct, "ada@example.social");
        assert_eq!(first.media_attachments[0].kind, MediaKind::Image);
        assert_eq!(
            first.media_attachments[0].description.as_deref(),
            Some("A lighthouse at dusk")
        );
        assert_eq!(first.mentions[0].acct, "grace");
        assert_eq!(first.tags[0].name, "lighthouses");
        assert_eq!(first.emojis[0].shortcode, "blobcat");
        assert_eq!(first.edited_at.as_deref(), Some("2026-11-02T18:25:00.000Z"));
        assert_eq!(
            first.media_attachments[0].meta.size,
            Some(MediaSize {
                width: 1600,
                height: 1200
            })
        );
        let site = &first.account.fields[0];
        assert_eq!(site.name, "Site");
        assert!(site.value.starts_with("<a href=\"https://ada.example\""));
        assert_eq!(
            site.verified_at.as_deref(),
            Some("2026-01-01T00:00:00.000+00:00")
        );

        let boost = &statuses[1];
        assert_eq!(boost.content, "");
        assert_eq!(boost.shown().id, "113463000000000001");
        assert_eq!(boost.shown().spoiler_text, "lighthouse spoilers");
        assert!(boost.shown().sensitive);
    }

    #[test]
    fn pleroma_dialect_parses_with_missing_fields_and_its_own_visibility() {
        let statuses = parse(include_str!("fixtures/pleroma-2.7-public.json"));
        let status = &statuses[0];
        assert_eq!(status.id, "AnTnOkMe5QvsKZSMTY");
        assert_eq!(status.visibility, Visibility::Other("local".into()));
        let media = &status.media_attachments[0];
        assert_eq!(media.blurhash, None);
        assert_eq!(media.meta.size, None, "Pleroma sends no meta");
        assert_eq!(media.kind, MediaKind::Video);
        assert_eq!(status.account.display_name, "");
        assert_eq!(status.account.name(), "bea");
        assert_eq!(status.spoiler_text, "");
    }

    #[test]
    fn gotosocial_dialect_parses_mutuals_only_and_null_fields() {
        let statuses = parse(include_str!("fixtures/gotosocial-0.16-public.json"));
        let status = &statuses[0];
        assert_eq!(status.id, "01HZ2K3M4N5P6Q7R8S9T0VWXYZ");
        assert_eq!(status.visibility, Visibility::Other("mutuals_only".into()));
        assert_eq!(status.replies_count, 0);
        assert!(status.tags.is_empty());
        assert_eq!(status.media_attachments[0].kind, MediaKind::Unknown);
    }

    #[test]
    fn quotes_polls_and_cards_in_both_dialects() {
        let wrapped: Status = serde_json::from_str(r#"{"id":"1","account":{"id":"2"},"quote":{"state":"accepted","quoted_status":{"id":"3","account":{"id":"4"},"content":"q"}}}"#).unwrap();
        assert_eq!(wrapped.quote.unwrap().id, "3");
        let pending: Status = serde_json::from_str(
            r#"{"id":"1","account":{"id":"2"},"quote":{"state":"pending","quoted_status":null}}"#,
        )
        .unwrap();
        assert_eq!(pending.quote, None);
        let bare: Status = serde_json::from_str(
            r#"{"id":"1","account":{"id":"2"},"quote":{"id":"5","account":{"id":"6"}}}"#,
        )
        .unwrap();
        assert_eq!(bare.quote.unwrap().id, "5");
        let odd: Status =
            serde_json::from_str(r#"{"id":"1","account":{"id":"2"},"quote":"https://x/1"}"#)
                .unwrap();
        assert_eq!(odd.quote, None);

        let polled: Status = serde_json::from_str(
            r#"{"id":"1","account":{"id":"2"},"poll":{"options":[{"title":"a","votes_count":2},{"title":"b","votes_count":1},{"title":"c","votes_count":null}],"votes_count":3,"expired":true},"card":{"url":"https://x","title":"T","image":null}}"#,
        )
        .unwrap();
        assert_eq!(
            polled.poll.unwrap().percentages(),
            [Some(67), Some(33), None]
        );
        assert_eq!(polled.card.unwrap().title, "T");
    }

    #[test]
    fn numeric_ids_become_strings_and_a_missing_account_is_an_error() {
        let status: Status =
            serde_json::from_str(r#"{"id": 42, "account": {"id": 7}, "in_reply_to_id": 41}"#)
                .unwrap();
        assert_eq!(status.id, "42");
        assert_eq!(status.account.id, "7");
        assert_eq!(status.in_reply_to_id.as_deref(), Some("41"));
        assert!(serde_json::from_str::<Status>(r#"{"id": "1"}"#).is_err());
    }

    #[test]
    fn visibility_keeps_every_dialects_values() {
        let read = |value: &str| -> Visibility {
            serde_json::from_str::<Status>(&format!(
                r#"{{"id":"1","account":{{"id":"2"}},"visibility":{value}}}"#
            ))
            .unwrap()
            .visibility
        };
        assert_eq!(read(r#""list""#), Visibility::Other("list".into()));
        assert_eq!(read(r#""direct""#), Visibility::Direct);
        assert_eq!(read(r#""unlisted""#), Visibility::Unlisted);
        assert_eq!(read("null"), Visibility::Public);
    }

    #[test]
    fn media_falls_back_when_meta_or_url_is_missing() {
        let status: Status = serde_json::from_str(
            r#"{"id":"1","account":{"id":"2"},"media_attachments":[
                {"id":"3","type":"gifv","url":null,"remote_url":"https://r.example/a.mp4","meta":{"small":{"width":320,"height":180}}},
                {"id":"4","type":"audio","meta":{"original":{"duration":9.1}}}
            ]}"#,
        )
        .unwrap();
        let [gifv, audio] = &status.media_attachments[..] else {
            panic!("two attachments");
        };
        assert_eq!(gifv.url, "");
        assert_eq!(gifv.remote_url.as_deref(), Some("https://r.example/a.mp4"));
        assert_eq!(
            gifv.meta.size.map(|size| (size.width, size.height)),
            Some((320, 180))
        );
        assert_eq!(audio.kind, MediaKind::Audio);
        assert_eq!(audio.meta.size, None);
    }
}
