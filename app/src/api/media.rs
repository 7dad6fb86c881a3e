//! The shape of an attachment, read from `meta` so that the page can keep
//! room for it before it loads.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Pixel width and height, both above zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MediaSize {
    pub width: u32,
    pub height: u32,
}

/// `meta.original`, else `meta.small`. Pleroma sends no `meta`, audio has
/// no size, and some servers send floats or strings: all of those, and any
/// size no screen could hold, give `None` rather than an error.
pub fn media_size<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<MediaSize>, D::Error> {
    let meta = Value::deserialize(deserializer)?;
    Ok(["original", "small"]
        .iter()
        .find_map(|key| size_of(meta.get(key)?)))
}

fn size_of(entry: &Value) -> Option<MediaSize> {
    let dimension = |key: &str| {
        let value = entry.get(key)?;
        let number = value
            .as_f64()
            .or_else(|| value.as_str()?.trim().parse::<f64>().ok())?;
        (1.0..=100_000.0)
            .contains(&number)
            .then(|| number.round() as u32)
    };
    Some(MediaSize {
        width: dimension("width")?,
        height: dimension("height")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(meta: &str) -> Option<MediaSize> {
        media_size(&mut serde_json::Deserializer::from_str(meta)).unwrap()
    }

    #[test]
    fn sizes_come_from_original_then_small_and_odd_values_give_none() {
        let both =
            r#"{"original":{"width":1600,"height":1200},"small":{"width":640,"height":480}}"#;
        assert_eq!(
            read(both),
            Some(MediaSize {
                width: 1600,
                height: 1200
            })
        );
        let small = r#"{"original":{"duration":3.5},"small":{"width":640.4,"height":"360"}}"#;
        assert_eq!(
            read(small),
            Some(MediaSize {
                width: 640,
                height: 360
            })
        );
        for odd in [
            "null",
            "{}",
            "[]",
            "3",
            r#"{"original":{"width":0,"height":10}}"#,
            r#"{"original":{"width":-5,"height":10}}"#,
            r#"{"original":{"width":1e300,"height":10}}"#,
            r#"{"original":{"width":"wide","height":10}}"#,
            r#"{"original":{"width":10}}"#,
        ] {
            assert_eq!(read(odd), None, "{odd}");
        }
    }
}
