//! What a server lets a post hold, read from its instance document.
//! Mastodon and GoToSocial put limits under `configuration`; Pleroma and
//! Akkoma answer `/api/v1/instance` with `max_toot_chars`, `poll_limits`
//! and `upload_limit`. Each limit is read on its own, so one odd field
//! leaves the others standing.

use serde_json::Value;

use super::counter::DEFAULT_URL_WEIGHT;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    pub max_characters: Option<u64>,
    pub characters_reserved_per_url: Option<u64>,
    pub max_media_attachments: Option<u64>,
    /// The longest media description.
    pub description_limit: Option<u64>,
    pub image_size_limit: Option<u64>,
    pub video_size_limit: Option<u64>,
    pub poll: PollLimits,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PollLimits {
    pub max_options: Option<u64>,
    pub max_characters_per_option: Option<u64>,
    /// Seconds.
    pub min_expiration: Option<u64>,
    /// Seconds.
    pub max_expiration: Option<u64>,
}

fn number(value: &Value, path: &[&str]) -> Option<u64> {
    path.iter()
        .try_fold(value, |value, key| value.get(key))
        .and_then(Value::as_u64)
}

impl Limits {
    /// Limits from an instance document (v2 or v1); `None` fields where
    /// the server does not say.
    pub fn from_instance(doc: &Value) -> Self {
        let read =
            |modern: &[&str], legacy: &[&str]| number(doc, modern).or_else(|| number(doc, legacy));
        Self {
            max_characters: read(
                &["configuration", "statuses", "max_characters"],
                &["max_toot_chars"],
            ),
            characters_reserved_per_url: number(
                doc,
                &["configuration", "statuses", "characters_reserved_per_url"],
            ),
            max_media_attachments: number(
                doc,
                &["configuration", "statuses", "max_media_attachments"],
            ),
            description_limit: read(
                &["configuration", "media_attachments", "description_limit"],
                &["description_limit"],
            ),
            image_size_limit: read(
                &["configuration", "media_attachments", "image_size_limit"],
                &["upload_limit"],
            ),
            video_size_limit: read(
                &["configuration", "media_attachments", "video_size_limit"],
                &["upload_limit"],
            ),
            poll: PollLimits {
                max_options: read(
                    &["configuration", "polls", "max_options"],
                    &["poll_limits", "max_options"],
                ),
                max_characters_per_option: read(
                    &["configuration", "polls", "max_characters_per_option"],
                    &["poll_limits", "max_option_chars"],
                ),
                min_expiration: read(
                    &["configuration", "polls", "min_expiration"],
                    &["poll_limits", "min_expiration"],
                ),
                max_expiration: read(
                    &["configuration", "polls", "max_expiration"],
                    &["poll_limits", "max_expiration"],
                ),
            },
        }
    }

    /// What a link weighs in a post's length on this server.
    pub fn url_weight(&self) -> usize {
        self.characters_reserved_per_url
            .and_then(|weight| usize::try_from(weight).ok())
            .unwrap_or(DEFAULT_URL_WEIGHT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(text: &str) -> Limits {
        Limits::from_instance(&serde_json::from_str(text).unwrap())
    }

    #[test]
    fn mastodon_and_gotosocial_say_it_under_configuration() {
        let mastodon = limits(include_str!("../fixtures/mastodon-4.3-instance-v2.json"));
        assert_eq!(mastodon.max_characters, Some(500));
        assert_eq!(mastodon.url_weight(), 23);
        assert_eq!(mastodon.max_media_attachments, Some(4));
        assert_eq!(mastodon.description_limit, Some(1500));
        assert_eq!(mastodon.video_size_limit, Some(103809024));
        assert_eq!(mastodon.poll.max_options, Some(4));
        assert_eq!(mastodon.poll.min_expiration, Some(300));
        let gts = limits(include_str!("../fixtures/gotosocial-0.16-instance-v2.json"));
        assert_eq!(gts.url_weight(), 25);
        assert_eq!(gts.max_media_attachments, Some(6));
        assert_eq!(gts.image_size_limit, Some(41943040));
        assert_eq!(gts.video_size_limit, None);
    }

    #[test]
    fn akkoma_says_it_in_its_own_words() {
        let akkoma = limits(include_str!("../fixtures/akkoma-3.9-instance-v1.json"));
        assert_eq!(akkoma.max_characters, Some(5000));
        assert_eq!(akkoma.url_weight(), DEFAULT_URL_WEIGHT);
        assert_eq!(akkoma.poll.max_options, Some(20));
        assert_eq!(akkoma.poll.max_characters_per_option, Some(200));
        assert_eq!(akkoma.image_size_limit, Some(16000000));
    }

    #[test]
    fn an_odd_field_leaves_the_others_standing() {
        let odd = limits(
            r#"{"configuration":{"statuses":{"max_characters":"lots","characters_reserved_per_url":null,"max_media_attachments":2}}}"#,
        );
        assert_eq!(odd.max_characters, None);
        assert_eq!(odd.url_weight(), DEFAULT_URL_WEIGHT);
        assert_eq!(odd.max_media_attachments, Some(2));
        assert_eq!(limits("[]"), Limits::default());
    }
}
