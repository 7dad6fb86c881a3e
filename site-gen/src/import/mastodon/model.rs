//! The parts of ActivityPub that Mastodon's archive writes, as typed
//! structs. Reading is lenient: unknown fields are ignored, a field that
//! may be one value or a list is read either way, and an activity of an
//! odd shape fails alone, so the importer can skip it with a warning.

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny};
use serde_json::value::RawValue;

pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// `outbox.json`: its items are kept raw until each is read on its own.
#[derive(Deserialize)]
pub struct Outbox<'a> {
    #[serde(rename = "orderedItems", borrow, default)]
    pub ordered_items: Vec<&'a RawValue>,
}

/// `actor.json`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Actor {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(rename = "preferredUsername")]
    pub preferred_username: Option<String>,
    pub summary: Option<String>,
    #[serde(deserialize_with = "link")]
    pub url: Option<String>,
}

#[derive(Deserialize)]
pub struct Activity {
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub published: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub to: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub cc: Vec<String>,
    pub object: Option<ObjectRef>,
}

/// What an activity is about: a bare id (a boost, or a deleted post), or
/// the post itself.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum ObjectRef {
    Id(String),
    Object(Box<Note>),
    Other(IgnoredAny),
}

/// A post: a `Note`, or a `Question` for a poll.
#[derive(Deserialize)]
pub struct Note {
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    /// The content warning.
    pub summary: Option<String>,
    #[serde(rename = "inReplyTo", default, deserialize_with = "link")]
    pub in_reply_to: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    #[serde(default, deserialize_with = "link")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub to: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub cc: Vec<String>,
    #[serde(default)]
    pub sensitive: Option<bool>,
    pub content: Option<String>,
    #[serde(rename = "contentMap", default)]
    pub content_map: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub attachment: Vec<Attachment>,
    #[serde(default, deserialize_with = "lenient_list")]
    pub tag: Vec<Tag>,
    #[serde(rename = "oneOf", default, deserialize_with = "lenient_list")]
    pub one_of: Vec<PollOption>,
    #[serde(rename = "anyOf", default, deserialize_with = "lenient_list")]
    pub any_of: Vec<PollOption>,
    #[serde(rename = "endTime")]
    pub end_time: Option<String>,
    pub closed: Option<ClosedAt>,
}

#[derive(Deserialize)]
pub struct Attachment {
    #[serde(rename = "mediaType")]
    pub media_type: Option<String>,
    #[serde(default, deserialize_with = "link")]
    pub url: Option<String>,
    /// The alt text.
    pub name: Option<String>,
}

#[derive(Deserialize)]
pub struct Tag {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
}

#[derive(Deserialize)]
pub struct PollOption {
    pub name: Option<String>,
    pub replies: Option<Count>,
}

#[derive(Deserialize)]
pub struct Count {
    #[serde(rename = "totalItems")]
    pub total_items: Option<u64>,
}

/// `closed` is a date in Mastodon, a flag elsewhere.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum ClosedAt {
    Date(String),
    Flag(bool),
    Other(IgnoredAny),
}

/// Who may read a post, from its addressing, as Mastodon decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Unlisted,
    Followers,
    Direct,
}

impl Visibility {
    pub fn of(to: &[String], cc: &[String]) -> Self {
        let public = |list: &[String]| {
            list.iter()
                .any(|a| a == PUBLIC || a == "as:Public" || a == "Public")
        };
        if public(to) {
            Visibility::Public
        } else if public(cc) {
            Visibility::Unlisted
        } else if to.iter().any(|a| a.ends_with("/followers")) {
            Visibility::Followers
        } else {
            Visibility::Direct
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Unlisted => "unlisted",
            Visibility::Followers => "followers",
            Visibility::Direct => "direct",
        }
    }

    /// How the report counts a post left out for it.
    pub fn skipped_reason(self) -> &'static str {
        match self {
            Visibility::Followers => "followers-only posts",
            _ => "direct messages",
        }
    }
}

/// A string, or a list of values of which the strings are kept.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape {
        One(String),
        Many(Vec<StringOrOther>),
        Other(IgnoredAny),
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum StringOrOther {
        Text(String),
        Other(IgnoredAny),
    }
    Ok(match Shape::deserialize(deserializer)? {
        Shape::One(one) => vec![one],
        Shape::Many(many) => many
            .into_iter()
            .filter_map(|item| match item {
                StringOrOther::Text(text) => Some(text),
                StringOrOther::Other(_) => None,
            })
            .collect(),
        Shape::Other(_) => Vec::new(),
    })
}

/// A URL given as a string, a `Link` object with an `href`, or a list
/// of either (the first is kept).
fn link<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape {
        Text(String),
        Link { href: String },
        Many(Vec<Shape>),
        Other(IgnoredAny),
    }
    fn first(shape: Shape) -> Option<String> {
        match shape {
            Shape::Text(text) | Shape::Link { href: text } => Some(text),
            Shape::Many(many) => many.into_iter().find_map(first),
            Shape::Other(_) => None,
        }
    }
    Ok(first(Shape::deserialize(deserializer)?))
}

/// One item or a list; items of another shape are dropped.
fn lenient_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Item<T> {
        Good(T),
        Other(IgnoredAny),
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape<T> {
        Many(Vec<Item<T>>),
        One(T),
        Other(IgnoredAny),
    }
    Ok(match Shape::<T>::deserialize(deserializer)? {
        Shape::Many(many) => many
            .into_iter()
            .filter_map(|item| match item {
                Item::Good(good) => Some(good),
                Item::Other(_) => None,
            })
            .collect(),
        Shape::One(one) => vec![one],
        Shape::Other(_) => Vec::new(),
    })
}
