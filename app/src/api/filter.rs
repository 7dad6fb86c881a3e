//! The reader's own content filters, as the server applies them: each
//! status says which filters matched it (`filtered`), and the client hides
//! it, folds it behind a warning, or blurs its media, as each filter asks.

use serde::{Deserialize, Deserializer};

use super::Status;
use super::lenient::null_default;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FilterResult {
    pub filter: Filter,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Filter {
    #[serde(default, deserialize_with = "null_default")]
    pub title: String,
    #[serde(default)]
    pub filter_action: FilterAction,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FilterAction {
    /// Mastodon's default, and what an older server that names no action
    /// means.
    #[default]
    Warn,
    Hide,
    /// Mastodon 4.4: the post shows, its media stay hidden until asked.
    Blur,
    Other(String),
}

impl<'de> Deserialize<'de> for FilterAction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let action: Option<String> = Option::deserialize(deserializer)?;
        Ok(match action.as_deref() {
            None | Some("warn") => Self::Warn,
            Some("hide") => Self::Hide,
            Some("blur") => Self::Blur,
            Some(other) => Self::Other(other.to_string()),
        })
    }
}

/// What the reader's filters make of a status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Show,
    /// Shown with its media hidden until revealed.
    BlurMedia,
    /// Folded behind the titles of the filters that matched.
    Warn(Vec<String>),
    Hide,
}

/// The strictest action among the filters that matched `status` or the
/// status it boosts. An action this client does not know warns, so that a
/// filter never shows less than its owner asked for.
pub fn verdict(status: &Status) -> Verdict {
    let results = status
        .filtered
        .iter()
        .chain(status.reblog.iter().flat_map(|inner| inner.filtered.iter()));
    let mut warn = Vec::new();
    let mut blur = false;
    for result in results {
        match result.filter.filter_action {
            FilterAction::Hide => return Verdict::Hide,
            FilterAction::Blur => blur = true,
            FilterAction::Warn | FilterAction::Other(_) => {
                if !warn.contains(&result.filter.title) {
                    warn.push(result.filter.title.clone());
                }
            }
        }
    }
    if !warn.is_empty() {
        Verdict::Warn(warn)
    } else if blur {
        Verdict::BlurMedia
    } else {
        Verdict::Show
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(filtered: &str, boosted_filtered: Option<&str>) -> Status {
        let reblog = boosted_filtered.map_or("null".to_string(), |inner| {
            format!(r#"{{"id":"2","account":{{"id":"1"}},"filtered":{inner}}}"#)
        });
        let json = format!(
            r#"{{"id":"1","account":{{"id":"1"}},"filtered":{filtered},"reblog":{reblog}}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    fn matched(title: &str, action: &str) -> String {
        format!(
            r#"{{"filter":{{"id":"9","title":"{title}","context":["home"],"filter_action":{action}}},"keyword_matches":["x"],"status_matches":null}}"#
        )
    }

    #[test]
    fn no_match_shows_the_status() {
        assert_eq!(verdict(&status("[]", None)), Verdict::Show);
        assert_eq!(verdict(&status("null", None)), Verdict::Show);
        assert_eq!(
            verdict(&serde_json::from_str(r#"{"id":"1","account":{"id":"1"}}"#).unwrap()),
            Verdict::Show
        );
    }

    #[test]
    fn the_strictest_action_wins() {
        let warn = matched("Spoilers", r#""warn""#);
        let hide = matched("Gore", r#""hide""#);
        let blur = matched("Pictures", r#""blur""#);
        assert_eq!(
            verdict(&status(&format!("[{warn},{blur}]"), None)),
            Verdict::Warn(vec!["Spoilers".into()])
        );
        assert_eq!(
            verdict(&status(&format!("[{warn},{hide}]"), None)),
            Verdict::Hide
        );
        assert_eq!(
            verdict(&status(&format!("[{blur}]"), None)),
            Verdict::BlurMedia
        );
    }

    #[test]
    fn a_boosted_status_brings_its_own_matches() {
        let hide = matched("Gore", r#""hide""#);
        assert_eq!(
            verdict(&status("[]", Some(&format!("[{hide}]")))),
            Verdict::Hide
        );
    }

    #[test]
    fn unknown_or_missing_actions_warn() {
        let future = matched("Later", r#""mute_forever""#);
        let old = r#"{"filter":{"title":"Old"}}"#;
        assert_eq!(
            verdict(&status(&format!("[{future},{old}]"), None)),
            Verdict::Warn(vec!["Later".into(), "Old".into()])
        );
    }

    #[test]
    fn unreadable_matches_are_skipped_not_fatal() {
        assert_eq!(
            verdict(&status(r#"[{"nofilter":true}, 3]"#, None)),
            Verdict::Show
        );
    }
}
