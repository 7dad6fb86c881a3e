//! The shape of an attachment, read from `meta` so that the page can keep
//! room for it before it loads.

use serde::{Deserialize, Deserializer};

use super::lenient::Loose;

/// Pixel width and height, both above zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MediaSize {
    pub width: u32,
    pub height: u32,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    original: Option<Loose<Dimensions>>,
    #[serde(default)]
    small: Option<Loose<Dimensions>>,
}

#[derive(Deserialize)]
struct Dimensions {
    #[serde(default)]
    width: Option<Loose<f64>>,
    #[serde(default)]
    height: Option<Loose<f64>>,
}

impl Dimensions {
    fn size(self) -> Option<MediaSize> {
        let pixels = |value: Option<Loose<f64>>| {
            let number = value?.get()?;
            (1.0..=100_000.0)
                .contains(&number)
                .then(|| number.round() as u32)
        };
        Some(MediaSize {
            width: pixels(self.width)?,
            height: pixels(self.height)?,
        })
    }
}

/// `meta.original`, else `meta.small`. Pleroma sends no `meta`, audio has
/// no size, and a server may send anything else: all of those, and any
/// size no screen could hold, give `None` rather than an error.
pub fn media_size<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<MediaSize>, D::Error> {
    let Some(meta) = Option::<Loose<Meta>>::deserialize(deserializer)?.and_then(Loose::get) else {
        return Ok(None);
    };
    let size = |entry: Option<Loose<Dimensions>>| entry?.get()?.size();
    Ok(size(meta.original).or_else(|| size(meta.small)))
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
        let small = r#"{"original":{"duration":3.5},"small":{"width":640.4,"height":360}}"#;
        assert_eq!(
            read(small),
            Some(MediaSize {
                width: 640,
                height: 360
            })
        );
        let odd_original = r#"{"original":"1600x1200","small":{"width":64,"height":48}}"#;
        assert_eq!(
            read(odd_original),
            Some(MediaSize {
                width: 64,
                height: 48
            })
        );
        for odd in [
            "null",
            "{}",
            "[]",
            "3",
            r#""meta""#,
            r#"{"original":{"width":0,"height":10}}"#,
            r#"{"original":{"width":-5,"height":10}}"#,
            r#"{"original":{"width":1e300,"height":10}}"#,
            r#"{"original":{"width":"wide","height":10}}"#,
            r#"{"original":{"width":10}}"#,
            r#"{"original":{"width":[1],"height":{}}}"#,
        ] {
            assert_eq!(read(odd), None, "{odd}");
        }
    }
}
