//! Search across accounts, hashtags and statuses (`/api/v2/search`).

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;

use super::lenient::null_default;
use super::{Account, Status, Tag};

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SearchResults {
    #[serde(default, deserialize_with = "null_default")]
    pub accounts: Vec<Account>,
    #[serde(default, deserialize_with = "null_default")]
    pub statuses: Vec<Status>,
    #[serde(default, deserialize_with = "null_default")]
    pub hashtags: Vec<Tag>,
}

/// The search path; only a signed-in search may ask the server to look
/// up remote accounts and posts (`resolve`).
pub fn search_path(query: &str, signed_in: bool) -> String {
    format!(
        "/api/v2/search?q={}&resolve={signed_in}&limit=20",
        utf8_percent_encode(query.trim(), NON_ALPHANUMERIC)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_results_and_builds_the_path() {
        let results: SearchResults = serde_json::from_str(r#"{"accounts":[{"id":"1","acct":"ada"}],"statuses":[],"hashtags":[{"name":"sea","url":"https://x/tags/sea","history":[]}]}"#).unwrap();
        assert_eq!(results.accounts[0].acct, "ada");
        assert_eq!(results.hashtags[0].name, "sea");
        assert_eq!(
            search_path(" café & co ", false),
            "/api/v2/search?q=caf%C3%A9%20%26%20co&resolve=false&limit=20"
        );
        assert_eq!(
            serde_json::from_str::<SearchResults>(r#"{"accounts":null}"#).unwrap(),
            SearchResults::default()
        );
    }
}
