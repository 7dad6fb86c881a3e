//! The dates an article's front matter may hold; importers and other
//! generators' folders read dates the same way before their own forms.

use jiff::Timestamp;

/// RFC 3339, or a date and time without a zone (taken as UTC), or a bare
/// date.
pub fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<Timestamp>() {
        return Some(timestamp);
    }
    if let Ok(datetime) = text.parse::<jiff::civil::DateTime>() {
        return datetime
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|zoned| zoned.timestamp());
    }
    None
}
