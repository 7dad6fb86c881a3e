//! When a manifest is signed: `--signed-at`, else `SOURCE_DATE_EPOCH`, and
//! the published manifest a build follows (`--previous`).

use anyhow::Context;
use jiff::Timestamp;
use samizdat_manifest::Summary;
use site_gen::mirror::published::read_published;

/// Reads `--signed-at`: an RFC 3339 time, or `now`.
pub fn parse_signed_at(text: &str) -> Result<Timestamp, String> {
    if text == "now" {
        return Ok(Timestamp::now());
    }
    text.parse().map_err(|error| {
        format!("{error}; write an RFC 3339 time such as 2026-05-01T00:00:00Z, or now")
    })
}

/// The signing time: the flag's, else `SOURCE_DATE_EPOCH`'s when set.
pub fn signing_time(flag: Option<Timestamp>) -> anyhow::Result<Option<Timestamp>> {
    if flag.is_some() {
        return Ok(flag);
    }
    let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let seconds: i64 = epoch
        .trim()
        .parse()
        .context("SOURCE_DATE_EPOCH is not a number of seconds")?;
    Timestamp::from_second(seconds)
        .map(Some)
        .context("SOURCE_DATE_EPOCH is out of range")
}

/// The manifest `--previous` names, read before anything is built.
pub fn previous(location: Option<&str>) -> anyhow::Result<Option<Summary>> {
    Ok(location.map(read_published).transpose()?)
}
