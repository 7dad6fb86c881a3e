//! Search across accounts, hashtags and statuses (`/api/v2/search`).

use serde::Deserialize;

use super::lenient::null_default;
use super::request::{Request, json, segment};
use super::{Account, ApiError, Status, Tag};

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
pub struct Search<'a> {
    pub query: &'a str,
    pub signed_in: bool,
}

impl Request for Search<'_> {
    type Answer = SearchResults;
    fn path(&self) -> String {
        format!(
            "/api/v2/search?q={}&resolve={}&limit=20",
            segment(self.query.trim()),
            self.signed_in
        )
    }
    fn read(&self, body: &str) -> Result<SearchResults, ApiError> {
        json(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_results_and_builds_the_path() {
        let search = Search {
            query: " café & co ",
            signed_in: false,
        };
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
