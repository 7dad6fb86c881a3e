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

/// An ID as a server sends it: a string, or a number on some servers.
/// A visitor rather than an untagged enum, which would buffer the value.
struct RawId(String);

impl<'de> Deserialize<'de> for RawId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = RawId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an ID, as a string or a number")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawId, E> {
                Ok(RawId(text.to_string()))
            }
            fn visit_u64<E: de::Error>(self, number: u64) -> Result<RawId, E> {
                Ok(RawId(number.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl From<RawId> for String {
    fn from(raw: RawId) -> Self {
        raw.0
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

/// An ID that may be absent. An empty one names nothing, and would make a
/// request to `/api/v1/polls//votes` or a link to a thread of no status:
/// it is read as absent.
pub fn optional_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<RawId>::deserialize(deserializer)?
        .map(String::from)
        .filter(|id| !id.is_empty()))
}

/// A value of the expected shape, or anything else, which is ignored.
/// The value is read again from its own JSON text: serde's untagged
/// buffering or `serde_json::Value` would each build another copy of the
/// parser for `T` into the client.
pub struct Loose<T>(Option<T>);

impl<'de, T: de::DeserializeOwned> Deserialize<'de> for Loose<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        Ok(Self(serde_json::from_str(raw.get()).ok()))
    }
}

impl<T> Loose<T> {
    pub fn get(self) -> Option<T> {
        self.0
    }
}

/// A list whose unreadable items are skipped, so that one odd entry (a
/// profile field with a number for a value, say) does not lose the account
/// or status around it. `null` or a non-list is empty.
pub fn skip_unreadable<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: de::DeserializeOwned,
{
    Ok(Option::<Loose<Vec<Loose<T>>>>::deserialize(deserializer)?
        .and_then(Loose::get)
        .unwrap_or_default()
        .into_iter()
        .filter_map(Loose::get)
        .collect())
}
