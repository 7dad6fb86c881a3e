//! The shape of an attachment and its focal point, read from `meta`, so
//! that the page can keep room for it before it loads and crop it around
//! what matters.

use serde::{Deserialize, Deserializer};

use super::lenient::Loose;

/// Pixel width and height, both above zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MediaSize {
    pub width: u32,
    pub height: u32,
}

/// What an attachment's `meta` tells about showing it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MediaMeta {
    pub size: Option<MediaSize>,
    pub focus: Option<Focus>,
}

/// A focal point as Mastodon counts it: `x` from -1 (left) to 1 (right),
/// `y` from -1 (bottom) to 1 (top), the centre at 0,0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Focus {
    pub x: f64,
    pub y: f64,
}

impl Focus {
    /// A focal point, kept within the picture whatever the numbers.
    pub fn new(x: f64, y: f64) -> Self {
        let clamp = |value: f64| {
            if value.is_finite() {
                value.clamp(-1.0, 1.0)
            } else {
                0.0
            }
        };
        Self {
            x: clamp(x),
            y: clamp(y),
        }
    }

    /// The focal point under a click at `(left, top)` pixels on a picture
    /// shown `width` by `height` pixels, rounded to hundredths as Mastodon's
    /// own client does.
    pub fn from_click(left: f64, top: f64, width: f64, height: f64) -> Self {
        if width <= 0.0 || height <= 0.0 {
            return Self::new(0.0, 0.0);
        }
        let hundredths = |value: f64| (value * 100.0).round() / 100.0;
        Self::new(
            hundredths(left / width * 2.0 - 1.0),
            hundredths(1.0 - top / height * 2.0),
        )
    }

    /// Where the point sits on the picture, in percent from the left and
    /// from the top: the CSS `object-position` that keeps it in view, and
    /// where a marker goes.
    pub fn percent(self) -> (f64, f64) {
        ((self.x + 1.0) * 50.0, (1.0 - self.y) * 50.0)
    }

    /// `percent` as CSS lengths with one decimal place: `"75.0%"`.
    pub fn percent_text(self) -> (String, String) {
        let (left, top) = self.percent();
        let text = |percent: f64| format!("{}%", decimal((percent * 10.0).round(), 10));
        (text(left), text(top))
    }

    /// The value of `object-position` for a cropped preview, built from
    /// two numbers so that nothing from the server reaches CSS.
    pub fn object_position(self) -> String {
        let (left, top) = self.percent_text();
        format!("{left} {top}")
    }

    /// The `focus` parameter the API takes: `"x,y"`, to hundredths.
    pub fn param(self) -> String {
        let hundredths = |value: f64| decimal((value * 100.0).round(), 100);
        format!("{},{}", hundredths(self.x), hundredths(self.y))
    }
}

/// `scaled / scale` written with as many decimal places as `scale` has
/// zeros. Integers only: formatting floats would add its own code to the
/// client, for no gain here.
fn decimal(scaled: f64, scale: u32) -> String {
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (
        scaled.unsigned_abs() / u64::from(scale),
        scaled.unsigned_abs() % u64::from(scale),
    );
    let places = scale.ilog10() as usize;
    format!("{sign}{whole}.{part:0places$}")
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    original: Option<Loose<Dimensions>>,
    #[serde(default)]
    small: Option<Loose<Dimensions>>,
    #[serde(default)]
    focus: Option<Loose<RawFocus>>,
}

#[derive(Deserialize)]
struct RawFocus {
    x: Loose<f64>,
    y: Loose<f64>,
}

impl RawFocus {
    fn focus(self) -> Option<Focus> {
        let (x, y) = (self.x.get()?, self.y.get()?);
        (x.is_finite() && y.is_finite()).then(|| Focus::new(x, y))
    }
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

/// The size from `meta.original`, else `meta.small`, and the focal point
/// from `meta.focus`. Pleroma sends no `meta`, audio has no size, and a
/// server may send anything else: all of those, and any size no screen
/// could hold, give `None` rather than an error.
pub fn media_meta<'de, D: Deserializer<'de>>(deserializer: D) -> Result<MediaMeta, D::Error> {
    let Some(meta) = Option::<Loose<Meta>>::deserialize(deserializer)?.and_then(Loose::get) else {
        return Ok(MediaMeta::default());
    };
    let size = |entry: Option<Loose<Dimensions>>| entry?.get()?.size();
    Ok(MediaMeta {
        size: size(meta.original).or_else(|| size(meta.small)),
        focus: meta.focus.and_then(Loose::get).and_then(RawFocus::focus),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(meta: &str) -> Option<MediaSize> {
        media_meta(&mut serde_json::Deserializer::from_str(meta))
            .unwrap()
            .size
    }

    fn focus(meta: &str) -> Option<Focus> {
        media_meta(&mut serde_json::Deserializer::from_str(meta))
            .unwrap()
            .focus
    }

    #[test]
    fn the_focal_point_reads_from_meta_and_odd_ones_are_dropped() {
        let both = r#"{"original":{"width":10,"height":10},"focus":{"x":0.5,"y":-0.25}}"#;
        assert_eq!(focus(both), Some(Focus { x: 0.5, y: -0.25 }));
        assert_eq!(read(both).map(|size| size.width), Some(10));
        assert_eq!(
            focus(r#"{"focus":{"x":3,"y":-7}}"#),
            Some(Focus { x: 1.0, y: -1.0 })
        );
        for odd in [
            "{}",
            r#"{"focus":"0.5,0.5"}"#,
            r#"{"focus":{"x":0.5}}"#,
            r#"{"focus":{"x":"left","y":0}}"#,
            r#"{"focus":null}"#,
        ] {
            assert_eq!(focus(odd), None, "{odd}");
        }
    }

    #[test]
    fn a_click_becomes_mastodons_focus_with_y_up() {
        let centre = Focus::from_click(50.0, 25.0, 100.0, 50.0);
        assert_eq!(centre, Focus { x: 0.0, y: 0.0 });
        assert_eq!(
            Focus::from_click(0.0, 0.0, 200.0, 100.0),
            Focus { x: -1.0, y: 1.0 }
        );
        assert_eq!(
            Focus::from_click(150.0, 75.0, 200.0, 100.0),
            Focus { x: 0.5, y: -0.5 }
        );
        // Rounded to hundredths, and never outside the picture.
        assert_eq!(
            Focus::from_click(1.0, 2.0, 3.0, 3.0),
            Focus { x: -0.33, y: -0.33 }
        );
        assert_eq!(
            Focus::from_click(-40.0, 900.0, 100.0, 100.0),
            Focus { x: -1.0, y: -1.0 }
        );
        assert_eq!(
            Focus::from_click(5.0, 5.0, 0.0, 10.0),
            Focus { x: 0.0, y: 0.0 }
        );
    }

    #[test]
    fn the_focus_places_the_picture_and_goes_back_as_a_parameter() {
        let focus = Focus::new(0.5, -0.25);
        assert_eq!(focus.percent(), (75.0, 62.5));
        assert_eq!(focus.object_position(), "75.0% 62.5%");
        assert_eq!(focus.param(), "0.50,-0.25");
        assert_eq!(Focus::new(f64::NAN, 2.0).param(), "0.00,1.00");
        assert_eq!(Focus::new(-0.05, -1.0).param(), "-0.05,-1.00");
        assert_eq!(
            Focus::new(0.334, 0.996).percent_text(),
            ("66.7%".into(), "0.2%".into())
        );
        // A click on the spot a focus marks gives that focus back.
        let (left, top) = focus.percent();
        assert_eq!(Focus::from_click(left, top, 100.0, 100.0), focus);
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
