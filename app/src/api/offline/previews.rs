//! The preview images a kept answer shows, wherever its posts sit in it
//! (a timeline, a thread's context, a notification, a boost), so that
//! they can be kept with it: the exact URL each `<img>` or poster uses.

use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::api::lenient::null_default;
use crate::sanitize::policy::http_url;

#[derive(Deserialize)]
struct Attachment {
    #[serde(rename = "type", default, deserialize_with = "null_default")]
    kind: String,
    #[serde(default, deserialize_with = "null_default")]
    url: String,
    #[serde(default)]
    preview_url: Option<String>,
}

impl Attachment {
    /// What the page shows for it: the preview, or an image itself.
    fn shown(&self) -> Option<&str> {
        self.preview_url.as_deref().and_then(http_url).or_else(|| {
            (self.kind == "image")
                .then(|| http_url(&self.url))
                .flatten()
        })
    }
}

/// Walks any JSON value, taking the attachments of every post in it.
struct Walk<'a>(&'a mut Vec<String>);

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Walk(&mut *self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "media_attachments" {
                // An attachment of an odd shape costs its own preview only.
                let attachments: Vec<Option<IgnoredOr<Attachment>>> = map.next_value()?;
                for attachment in attachments.into_iter().flatten() {
                    if let IgnoredOr::Read(attachment) = attachment
                        && let Some(url) = attachment.shown()
                        && !self.0.iter().any(|known| known == url)
                    {
                        self.0.push(url.to_string());
                    }
                }
            } else {
                map.next_value_seed(Walk(&mut *self.0))?;
            }
        }
        Ok(())
    }
}

/// A value of the expected shape, or one that is skipped.
enum IgnoredOr<T> {
    Read(T),
    Ignored,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IgnoredOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <&serde_json::value::RawValue>::deserialize(deserializer)?;
        Ok(serde_json::from_str(raw.get()).map_or(Self::Ignored, Self::Read))
    }
}

/// Every preview image in `json`, each once, in the order they appear.
pub fn preview_urls(json: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut reader = serde_json::Deserializer::from_str(json);
    // A document that does not read gives the previews found before.
    let _ = Walk(&mut urls).deserialize(&mut reader);
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_are_found_in_posts_boosts_threads_and_notifications() {
        let json = r#"{
            "ancestors": [{"id":"1","media_attachments":[
                {"id":"a","type":"image","url":"https://m.example/a.png","preview_url":"https://m.example/a-small.png"}
            ]}],
            "descendants": [{"id":"2","reblog":{"id":"3","media_attachments":[
                {"id":"b","type":"image","url":"https://m.example/b.png","preview_url":null},
                {"id":"c","type":"video","url":"https://m.example/c.mp4","preview_url":"https://m.example/c.jpg"},
                {"id":"d","type":"audio","url":"https://m.example/d.mp3"},
                {"id":"e","type":"image","url":"javascript:alert(1)"},
                "odd",
                null
            ]}}],
            "notification_groups": [{"status":{"media_attachments":[
                {"id":"a2","type":"image","url":"https://m.example/a.png","preview_url":"https://m.example/a-small.png"}
            ]}}]
        }"#;
        assert_eq!(
            preview_urls(json),
            [
                "https://m.example/a-small.png",
                "https://m.example/b.png",
                "https://m.example/c.jpg"
            ]
        );
        assert!(preview_urls("[]").is_empty());
        assert!(preview_urls("not json").is_empty());
    }
}
