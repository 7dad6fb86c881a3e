//! How the reader's account stands towards another.

use serde::{Deserialize, Deserializer};

use super::super::lenient::{Loose, id, null_default};

/// Every flag defaults to false where a server leaves it out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Relationship {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub following: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub showing_reblogs: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub notifying: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub followed_by: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub blocking: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub blocked_by: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub muting: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub muting_notifications: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub requested: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub domain_blocking: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub note: String,
    /// The languages the reader sees from a followed account; `None` for
    /// all, and wherever a server sends something else.
    #[serde(default, deserialize_with = "languages")]
    pub languages: Option<Vec<String>>,
}

fn languages<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<String>>, D::Error> {
    Ok(Option::<Loose<Vec<String>>>::deserialize(deserializer)?.and_then(Loose::get))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_null_flags_read_as_false() {
        let relationship: Relationship = serde_json::from_str(
            r#"{"id":12,"following":true,"notifying":null,"requested":false,"note":"met at a conf"}"#,
        )
        .unwrap();
        assert_eq!(relationship.id, "12");
        assert!(relationship.following && !relationship.notifying && !relationship.blocking);
        assert_eq!(relationship.note, "met at a conf");
        assert!(serde_json::from_str::<Relationship>(r#"{"following":true}"#).is_err());
    }

    #[test]
    fn languages_are_read_where_given_and_all_otherwise() {
        let read = |json: &str| {
            serde_json::from_str::<Relationship>(json)
                .unwrap()
                .languages
        };
        assert_eq!(
            read(r#"{"id":"1","languages":["de","fr"]}"#),
            Some(vec!["de".to_string(), "fr".to_string()])
        );
        assert_eq!(read(r#"{"id":"1","languages":null}"#), None);
        assert_eq!(read(r#"{"id":"1","languages":"de"}"#), None);
        assert_eq!(read(r#"{"id":"1"}"#), None);
    }
}
