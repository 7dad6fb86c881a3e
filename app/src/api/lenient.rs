//! Deserializers that accept the variations servers send.

use serde::{Deserialize, Deserializer, de};

/// `null` becomes the type's default, as a missing field does.
pub fn null_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawId {
    Text(String),
    Number(u64),
}

impl From<RawId> for String {
    fn from(raw: RawId) -> Self {
        match raw {
            RawId::Text(text) => text,
            RawId::Number(number) => number.to_string(),
        }
    }
}

/// An opaque ID, sent as a string by most servers and as a number by some.
pub fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let id = String::from(RawId::deserialize(deserializer)?);
    if id.is_empty() {
        return Err(de::Error::custom("an ID is empty"));
    }
    Ok(id)
}

pub fn optional_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<RawId>::deserialize(deserializer)?.map(String::from))
}

/// A value of the expected shape, or anything else, which is ignored.
/// Serde's untagged buffering rather than `serde_json::Value`: the same
/// tolerance for a fraction of the client's size.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Loose<T> {
    Is(T),
    Not(de::IgnoredAny),
}

impl<T> Loose<T> {
    pub fn get(self) -> Option<T> {
        match self {
            Self::Is(value) => Some(value),
            Self::Not(_) => None,
        }
    }
}

/// A list whose unreadable items are skipped, so that one odd entry (a
/// profile field with a number for a value, say) does not lose the account
/// or status around it. `null` or a non-list is empty.
pub fn skip_unreadable<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Loose<Vec<Loose<T>>>>::deserialize(deserializer)?
        .and_then(Loose::get)
        .unwrap_or_default()
        .into_iter()
        .filter_map(Loose::get)
        .collect())
}
