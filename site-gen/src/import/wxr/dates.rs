//! Dates as WordPress stores them: each twice, in the site's zone and in
//! GMT, with the GMT one all zeros when WordPress did not know it (drafts,
//! and some old exports). The export does not name the site's zone; its
//! offset shows wherever an item has both.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::Offset;

use super::post::LocalAndGmt;

/// How a date was read when its GMT time was missing.
#[derive(Debug, PartialEq, Eq)]
pub enum Reading {
    Exact,
    /// The local time, at the offset other items show.
    SiteOffset,
    /// The feed's `pubDate`.
    PubDate,
    /// The local time taken as UTC: nothing told the zone.
    AssumedUtc,
}

/// `YYYY-MM-DD HH:MM:SS`, unless it is the zeros WordPress writes for none.
pub fn parse_wordpress(text: Option<&str>) -> Option<DateTime> {
    let text = text?.trim();
    if text.starts_with("0000") {
        return None;
    }
    DateTime::strptime("%Y-%m-%d %H:%M:%S", text).ok()
}

/// The site's offset as an item shows it: its local time less its GMT time,
/// to the quarter hour every zone's offset is a multiple of.
pub fn offset_shown(date: &LocalAndGmt) -> Option<Offset> {
    let local = parse_wordpress(date.local.as_deref())?;
    let gmt = parse_wordpress(date.gmt.as_deref())?;
    let seconds = local.duration_since(gmt).as_secs();
    let quarter = 15 * 60;
    let rounded = (seconds + quarter / 2).div_euclid(quarter) * quarter;
    Offset::from_seconds(i32::try_from(rounded).ok()?).ok()
}

/// When `date` happened: its GMT time; else its local time at the site's
/// offset; else `pub_date`; else its local time as UTC.
pub fn resolve(
    date: &LocalAndGmt,
    pub_date: Option<&str>,
    site_offset: Option<Offset>,
) -> Option<(Timestamp, Reading)> {
    if let Some(gmt) = parse_wordpress(date.gmt.as_deref()) {
        return Offset::UTC
            .to_timestamp(gmt)
            .ok()
            .map(|at| (at, Reading::Exact));
    }
    let local = parse_wordpress(date.local.as_deref());
    if let (Some(local), Some(offset)) = (local, site_offset)
        && let Ok(at) = offset.to_timestamp(local)
    {
        return Some((at, Reading::SiteOffset));
    }
    if let Some(at) = pub_date.and_then(parse_pub_date) {
        return Some((at, Reading::PubDate));
    }
    local
        .and_then(|local| Offset::UTC.to_timestamp(local).ok())
        .map(|at| (at, Reading::AssumedUtc))
}

/// RSS's RFC 2822 date; WordPress writes `-0001` years for none, which fail.
fn parse_pub_date(text: &str) -> Option<Timestamp> {
    jiff::fmt::rfc2822::parse(text.trim())
        .ok()
        .map(|zoned| zoned.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(local: &str, gmt: &str) -> LocalAndGmt {
        LocalAndGmt {
            local: Some(local.into()),
            gmt: Some(gmt.into()),
        }
    }

    #[test]
    fn gmt_is_preferred() {
        let (at, how) = resolve(
            &date("2021-01-10 10:30:00", "2021-01-10 09:30:00"),
            None,
            None,
        )
        .unwrap();
        assert_eq!(at.to_string(), "2021-01-10T09:30:00Z");
        assert_eq!(how, Reading::Exact);
    }

    #[test]
    fn without_gmt_the_site_offset_then_pub_date_then_utc() {
        let draft = date("2021-01-10 10:30:00", "0000-00-00 00:00:00");
        let offset = offset_shown(&date("2020-06-01 14:00:00", "2020-06-01 12:00:00"));
        assert_eq!(offset, Some(Offset::constant(2)));
        let (at, how) = resolve(&draft, None, offset).unwrap();
        assert_eq!(
            (at.to_string().as_str(), how),
            ("2021-01-10T08:30:00Z", Reading::SiteOffset)
        );
        let (at, how) = resolve(&draft, Some("Sun, 10 Jan 2021 09:30:00 +0000"), None).unwrap();
        assert_eq!(
            (at.to_string().as_str(), how),
            ("2021-01-10T09:30:00Z", Reading::PubDate)
        );
        let (at, how) = resolve(&draft, Some("Mon, 30 Nov -0001 00:00:00 +0000"), None).unwrap();
        assert_eq!(
            (at.to_string().as_str(), how),
            ("2021-01-10T10:30:00Z", Reading::AssumedUtc)
        );
        assert!(
            resolve(
                &date("0000-00-00 00:00:00", "0000-00-00 00:00:00"),
                None,
                None
            )
            .is_none()
        );
    }
}
