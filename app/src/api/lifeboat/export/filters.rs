//! The filters, twice: as `/api/v2/filters` gives them (`filters.json`,
//! what API clients know), and as Mastodon's own export page writes them
//! (`custom_filters.json`, from Settings → Import and export).

use serde_json::{Value, json};

use crate::api::lifeboat::Backup;

pub const API_FILE: &str = "filters.json";
pub const MASTODON_FILE: &str = "custom_filters.json";

/// Mastodon's v2 filters, less the ids that belonged to the old server.
pub fn api_filters(backup: &Backup) -> Value {
    let filters: Vec<Value> = backup
        .filters
        .iter()
        .map(|filter| {
            json!({
                "title": filter.title,
                "context": filter.context,
                "filter_action": filter.filter_action,
                "expires_at": filter.expires_at,
                "keywords": filter.keywords,
                "statuses": [],
            })
        })
        .collect();
    Value::Array(filters)
}

/// `Export#to_custom_filters_json`: its own names (`expire_at`,
/// `action`, `keywords_attributes`), filters ordered by title, and
/// times as Ruby prints them.
pub fn mastodon_filters(backup: &Backup) -> Value {
    let mut filters: Vec<_> = backup.filters.iter().collect();
    filters.sort_by(|a, b| a.title.cmp(&b.title));
    let filters: Vec<Value> = filters
        .into_iter()
        .map(|filter| {
            json!({
                "title": filter.title,
                "expire_at": filter.expires_at.as_deref().map(ruby_time),
                "context": filter.context,
                "action": filter.filter_action,
                "keywords_attributes": filter.keywords,
                "statuses": [],
            })
        })
        .collect();
    json!({ "custom_filters": filters })
}

/// `2026-01-02T03:04:05.000Z` as Ruby writes a UTC time
/// (`2026-01-02 03:04:05 UTC`); anything else is kept as it is.
fn ruby_time(time: &str) -> String {
    let Some((date, clock)) = time.strip_suffix('Z').and_then(|t| t.split_once('T')) else {
        return time.to_string();
    };
    let seconds = clock.split('.').next().unwrap_or(clock);
    let plausible = date.len() == 10 && seconds.len() == 8;
    if plausible {
        format!("{date} {seconds} UTC")
    } else {
        time.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::lifeboat::{BackupFilter, BackupFilterKeyword};

    fn filter(title: &str, expires_at: Option<&str>) -> BackupFilter {
        BackupFilter {
            title: title.into(),
            context: vec!["home".into(), "public".into()],
            filter_action: "hide".into(),
            expires_at: expires_at.map(str::to_string),
            keywords: vec![BackupFilterKeyword {
                keyword: "finale".into(),
                whole_word: true,
            }],
        }
    }

    fn sample() -> Backup {
        Backup {
            filters: vec![
                filter("Spoilers", Some("2026-03-04T05:06:07.000Z")),
                filter("Ads", None),
            ],
            ..Backup::default()
        }
    }

    #[test]
    fn api_filters_keep_the_v2_names() {
        let filters = api_filters(&sample());
        assert_eq!(filters[0]["title"], "Spoilers");
        assert_eq!(filters[0]["filter_action"], "hide");
        assert_eq!(filters[0]["expires_at"], "2026-03-04T05:06:07.000Z");
        assert_eq!(filters[0]["keywords"][0]["keyword"], "finale");
        assert_eq!(filters[0]["keywords"][0]["whole_word"], true);
        assert!(filters[1]["expires_at"].is_null());
    }

    #[test]
    fn mastodons_own_file_uses_its_names_order_and_times() {
        let file = mastodon_filters(&sample());
        let filters = &file["custom_filters"];
        assert_eq!(filters[0]["title"], "Ads");
        assert!(filters[0]["expire_at"].is_null());
        assert_eq!(filters[1]["expire_at"], "2026-03-04 05:06:07 UTC");
        assert_eq!(filters[1]["action"], "hide");
        assert_eq!(filters[1]["context"][1], "public");
        assert_eq!(filters[1]["keywords_attributes"][0]["whole_word"], true);
        assert_eq!(
            ruby_time("2026-03-04T05:06:07+02:00"),
            "2026-03-04T05:06:07+02:00"
        );
    }
}
