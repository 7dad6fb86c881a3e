//! Search across accounts, hashtags and statuses (`/api/v2/search`).

use serde::Deserialize;

use super::lenient::null_default;
use super::request::{Get, segment};
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

/// `GET /api/v2/search`. Only a signed-in search may ask the server to
/// look up remote accounts and posts (`resolve`).
pub fn search(query: &str, signed_in: bool) -> Get<SearchResults> {
    Get::new(format!(
        "/api/v2/search?q={}&resolve={signed_in}&limit=20",
        segment(query.trim())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn reads_results_and_builds_the_path() {
        let search = search(" café & co ", false);
        let results = search.read(r#"{"accounts":[{"id":"1","acct":"ada"}],"statuses":[],"hashtags":[{"name":"sea","url":"https://x/tags/sea","history":[]}]}"#).unwrap();
        assert_eq!(results.accounts[0].acct, "ada");
        assert_eq!(results.hashtags[0].name, "sea");
        assert_eq!(
            search.path(),
            "/api/v2/search?q=caf%C3%A9%20%26%20co&resolve=false&limit=20"
        );
        assert_eq!(
            serde_json::from_str::<SearchResults>(r#"{"accounts":null}"#).unwrap(),
            SearchResults::default()
        );
    }
}
