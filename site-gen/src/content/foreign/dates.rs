//! Dates where other generators find them: in a file's name
//! (`2021-01-10-title.md`), in a dated path (`2014/12/12/title`), and
//! written the ways their front matter allows (`2021-01-10 14:30:00 +0100`).

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::content::date::parse_date;

/// `2021-01-10-title` → 2021-01-10 and `title`, as Jekyll names posts;
/// Zola also takes `2021-01-10_title`.
pub fn split_dated_name(name: &str) -> Option<(Date, &str)> {
    let (prefix, rest) = (name.get(..10)?, name.get(10..)?);
    let rest = rest.strip_prefix(['-', '_'])?;
    let shaped = prefix.bytes().enumerate().all(|(index, byte)| match index {
        4 | 7 => byte == b'-',
        _ => byte.is_ascii_digit(),
    });
    if !shaped || rest.is_empty() {
        return None;
    }
    Some((prefix.parse().ok()?, rest))
}

/// The date a path such as `2014/12/12/title` or `/2014/12/title/` is
/// dated with: year, month and, when there is one, day.
pub fn date_in_path(path: &str) -> Option<Date> {
    let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| part.parse::<i8>().ok())
            .flatten()
    };
    (0..parts.len().saturating_sub(1)).find_map(|index| {
        let year = parts[index];
        if year.len() != 4 || !year.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let month = number(parts[index + 1], 1..=2)?;
        let day = parts
            .get(index + 2)
            .and_then(|part| number(part, 1..=2))
            .unwrap_or(1);
        Date::new(year.parse().ok()?, month, day).ok()
    })
}

/// A date as site-gen reads them, or as Jekyll and Hugo also take them,
/// with a space before the time and an offset such as `+0100`.
pub fn parse_generator_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Some(timestamp) = parse_date(text) {
        return Some(timestamp);
    }
    for format in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(timestamp) = Timestamp::strptime(format, text) {
            return Some(timestamp);
        }
    }
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(datetime) = DateTime::strptime(format, text) {
            return datetime
                .to_zoned_datetime(TimeZone::UTC)
                .ok()
                .map(|zoned| zoned.timestamp());
        }
    }
    None
}

/// Midnight UTC of `date`, as site-gen reads a date without a time.
pub fn midnight(date: Date) -> Timestamp {
    date.to_zoned_datetime(TimeZone::UTC)
        .map(|zoned| zoned.timestamp())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_dated_file_name_gives_its_date_and_the_rest() {
        assert_eq!(
            split_dated_name("2021-01-10-first-light"),
            Some((date("2021-01-10"), "first-light"))
        );
        assert_eq!(
            split_dated_name("2021-01-10_first"),
            Some((date("2021-01-10"), "first"))
        );
        assert_eq!(split_dated_name("2021-02-30-no-such-day"), None);
        assert_eq!(split_dated_name("2021-01-10"), None);
        assert_eq!(split_dated_name("2021-01-10-"), None);
        assert_eq!(split_dated_name("about"), None);
        assert_eq!(split_dated_name("20210110-title"), None);
        assert_eq!(split_dated_name("2021-1-10-title"), None);
    }

    #[test]
    fn a_dated_path_gives_its_date() {
        assert_eq!(date_in_path("2014/12/12/title"), Some(date("2014-12-12")));
        assert_eq!(
            date_in_path("/blog/2019/03/title/"),
            Some(date("2019-03-01"))
        );
        assert_eq!(date_in_path("2019/3/9/a"), Some(date("2019-03-09")));
        assert_eq!(date_in_path("about/team"), None);
        assert_eq!(date_in_path("2019/13/01/a"), None);
        assert_eq!(date_in_path("1999-title/2"), None);
    }

    #[test]
    fn dates_as_jekyll_and_hugo_write_them() {
        let read = |text| parse_generator_date(text).map(|at| at.to_string());
        assert_eq!(
            read("2021-01-10 14:30:00 +0100").as_deref(),
            Some("2021-01-10T13:30:00Z")
        );
        assert_eq!(
            read("2021-01-10 14:30").as_deref(),
            Some("2021-01-10T14:30:00Z")
        );
        assert_eq!(read("2021-01-10").as_deref(), Some("2021-01-10T00:00:00Z"));
        assert_eq!(read("tomorrow"), None);
    }
}
