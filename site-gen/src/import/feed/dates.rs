//! Dates as feeds write them, which is often not as their specifications
//! say. feed-rs drops a date it cannot read without a word; the publisher
//! should hear which entry lost its date and what it said instead, so the
//! parser given to feed-rs here remembers every text it could not read.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use jiff::Timestamp;

/// What a feed said for a date.
#[derive(Debug, PartialEq, Eq)]
pub enum DateRead {
    Absent,
    Valid(Timestamp),
    /// The text found, which is no date this parser knows.
    Malformed(String),
}

/// The texts met that were not dates. feed-rs keeps only a date or
/// nothing, so an unreadable text is handed back as a marker instant whose
/// nanoseconds number it here: the year 1 at midnight plus `n` ns is no
/// date a feed gives, and [`DateLog::read`] turns it back into the text.
#[derive(Clone, Default)]
pub struct DateLog(Arc<Mutex<Vec<String>>>);

/// 0001-01-01T00:00:00Z.
const MARKER_SECOND: i64 = -62_135_596_800;

impl DateLog {
    /// The parser feed-rs calls for every date in the feed.
    pub fn parser(&self) -> impl Fn(&str) -> Option<DateTime<Utc>> + Send + Sync + 'static {
        let log = self.0.clone();
        move |text: &str| {
            if let Some(timestamp) = parse_date(text) {
                return to_chrono(timestamp);
            }
            let mut texts = log.lock().unwrap_or_else(PoisonError::into_inner);
            texts.push(text.trim().to_string());
            let number = u32::try_from(texts.len()).ok()?;
            DateTime::from_timestamp(MARKER_SECOND, number)
        }
    }

    pub fn read(&self, value: Option<DateTime<Utc>>) -> DateRead {
        let Some(value) = value else {
            return DateRead::Absent;
        };
        if value.timestamp() == MARKER_SECOND && value.timestamp_subsec_nanos() > 0 {
            let texts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            let index = value.timestamp_subsec_nanos() as usize - 1;
            return DateRead::Malformed(texts.get(index).cloned().unwrap_or_default());
        }
        match Timestamp::new(value.timestamp(), value.timestamp_subsec_nanos() as i32) {
            Ok(timestamp) => DateRead::Valid(timestamp),
            Err(_) => DateRead::Malformed(value.to_rfc3339()),
        }
    }
}

fn to_chrono(timestamp: Timestamp) -> Option<DateTime<Utc>> {
    let (mut second, mut nanos) = (timestamp.as_second(), timestamp.subsec_nanosecond());
    if nanos < 0 {
        second -= 1;
        nanos += 1_000_000_000;
    }
    DateTime::from_timestamp(second, u32::try_from(nanos).ok()?)
}

/// RFC 3339 and RFC 2822 dates, and the common ways feeds bend them: a
/// wrong or long weekday, a long month name, `UTC` or `Z` for the zone, a
/// date and time without a zone (taken as UTC), or a bare date.
pub fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // The forms front matter takes never read as RFC 2822, nor the
    // reverse, so trying them first changes no result.
    if let Some(timestamp) = crate::content::date::parse_date(text) {
        return Some(timestamp);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(text) {
        return Some(zoned.timestamp());
    }
    parse_loose_rfc2822(text)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn parse_loose_rfc2822(text: &str) -> Option<Timestamp> {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    // A weekday adds nothing and is often wrong or spelt out.
    if words
        .first()
        .is_some_and(|word| word.ends_with(',') || word.chars().all(|c| c.is_ascii_alphabetic()))
        && words
            .get(1)
            .is_some_and(|word| word.chars().all(|c| c.is_ascii_digit()))
    {
        words.remove(0);
    }
    for word in &mut words {
        let lower = word.to_ascii_lowercase();
        if let Some(month) = MONTHS.iter().find(|month| lower.starts_with(*month))
            && lower.len() > 3
            && lower.chars().all(|c| c.is_ascii_alphabetic())
        {
            *word = month.to_string();
        }
    }
    if let Some(zone) = words.last_mut()
        && matches!(zone.as_str(), "UTC" | "Z" | "z" | "-0000")
    {
        *zone = "+0000".into();
    }
    if words.len() == 4 {
        // No zone at all: UTC, as feeds without one mostly mean.
        words.push("+0000".into());
    }
    let text = words.join(" ");
    jiff::fmt::rfc2822::parse(&text)
        .ok()
        .map(|zoned| zoned.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn reads_the_specified_forms_and_common_bends() {
        let cases = [
            ("2021-01-10T12:30:00Z", "2021-01-10T12:30:00Z"),
            ("2021-01-10T12:30:00+01:00", "2021-01-10T11:30:00Z"),
            ("Sun, 10 Jan 2021 12:30:00 GMT", "2021-01-10T12:30:00Z"),
            ("Sun, 10 Jan 2021 12:30:00 +0100", "2021-01-10T11:30:00Z"),
            ("Friday, 10 Jan 2021 12:30:00 UTC", "2021-01-10T12:30:00Z"),
            ("10 January 2021 12:30:00 Z", "2021-01-10T12:30:00Z"),
            ("10 Jan 2021 12:30:00", "2021-01-10T12:30:00Z"),
            ("2021-01-10 12:30:00", "2021-01-10T12:30:00Z"),
            ("2021-01-10", "2021-01-10T00:00:00Z"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), Some(at(expected)), "{text}");
        }
    }

    #[test]
    fn what_is_no_date_is_none() {
        for text in ["", "yesterday", "32 Jan 2021 10:00:00 GMT", "2021-13-01"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn the_log_hands_back_the_text_of_a_date_it_could_not_read() {
        let log = DateLog::default();
        let parse = log.parser();
        let good = parse("2021-01-10T12:30:00Z");
        let bad = parse("  sometime in spring ");
        let other = parse("31/02/2021");
        assert_eq!(log.read(good), DateRead::Valid(at("2021-01-10T12:30:00Z")));
        assert_eq!(
            log.read(bad),
            DateRead::Malformed("sometime in spring".into())
        );
        assert_eq!(log.read(other), DateRead::Malformed("31/02/2021".into()));
        assert_eq!(log.read(None), DateRead::Absent);
    }
}
