//! Times as the restore needs them: RFC 3339 stamps from the backup read
//! into milliseconds since the epoch, to compare with the browser's clock.

pub(super) const DAY_MS: f64 = 86_400_000.0;

/// `2026-12-02T10:00:00Z`, `2026-12-02T10:00:00.123+01:00`, … as ms since
/// the epoch; `None` for anything else.
pub(super) fn epoch_ms(stamp: &str) -> Option<f64> {
    let stamp = stamp.trim();
    let (date, rest) = stamp.split_once(['T', 't', ' '])?;
    let mut date_parts = date.splitn(3, '-');
    let year: i64 = date_parts.next()?.parse().ok()?;
    let month: i64 = date_parts.next()?.parse().ok()?;
    let day: i64 = date_parts.next()?.parse().ok()?;
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let mut clock_parts = clock.splitn(3, ':');
    let hour: i64 = clock_parts.next()?.parse().ok()?;
    let minute: i64 = clock_parts.next()?.parse().ok()?;
    let seconds: f64 = clock_parts.next().unwrap_or("0").parse().ok()?;
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0.0..61.0).contains(&seconds);
    if !valid {
        return None;
    }
    let offset_minutes = zone_offset_minutes(zone)?;
    let days = days_from_civil(year, month, day);
    let minutes = days * 1440 + hour * 60 + minute - offset_minutes;
    Some(minutes as f64 * 60_000.0 + seconds * 1000.0)
}

fn zone_offset_minutes(zone: &str) -> Option<i64> {
    if zone.is_empty() || zone.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let (sign, rest) = zone.split_at(1);
    let sign = if sign == "-" { -1 } else { 1 };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    Some(sign * (hours.parse::<i64>().ok()? * 60 + minutes.parse::<i64>().ok()?))
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Whole seconds left until `stamp`: `Some(None)` for no end, `None` when
/// it has passed (or cannot be read, which ends nothing early: it counts
/// as no end).
pub(super) fn seconds_left(stamp: Option<&str>, now_ms: f64) -> Option<Option<u64>> {
    let Some(ends) = stamp.and_then(epoch_ms) else {
        return Some(None);
    };
    let left = ((ends - now_ms) / 1000.0).floor();
    (left >= 1.0).then_some(Some(left as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_read_with_their_zones() {
        assert_eq!(epoch_ms("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(epoch_ms("2000-03-01T00:00:00Z"), Some(951_868_800_000.0));
        assert_eq!(
            epoch_ms("2026-12-02T10:00:00.5+01:00"),
            Some(1_796_202_000_500.0)
        );
        assert_eq!(
            epoch_ms("2026-12-02T09:00:00.5Z"),
            Some(1_796_202_000_500.0)
        );
        assert_eq!(epoch_ms("2026-13-02T09:00:00Z"), None);
        assert_eq!(epoch_ms("yesterday"), None);
    }

    #[test]
    fn what_is_left_of_a_duration() {
        let now = epoch_ms("2026-12-02T09:00:00Z").unwrap();
        assert_eq!(
            seconds_left(Some("2026-12-02T10:00:00Z"), now),
            Some(Some(3600))
        );
        assert_eq!(seconds_left(Some("2026-12-02T08:00:00Z"), now), None);
        assert_eq!(seconds_left(None, now), Some(None));
        assert_eq!(seconds_left(Some("garbled"), now), Some(None));
    }
}
