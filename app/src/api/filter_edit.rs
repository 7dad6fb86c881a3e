//! The reader's filters as they edit them (`/api/v2/filters`): a filter's
//! title, where it applies, what it does, when it ends, and its keywords.
//!
//! Keywords go with the filter only when it is created: servers are not
//! consistent about `keywords_attributes` on update, so an edit changes
//! keywords one by one (see `filter_keywords`).

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value, json};

use super::filter::FilterAction;
pub use super::filter_keywords::{
    KeywordChange, KeywordDraft, KeywordRecord, keyword_changes, keyword_request,
};
use super::instance::{ServerInfo, Software};
use super::lenient::{id, null_default, skip_unreadable};
use super::moderation::Listing;
use super::request::{Body, Call, Method, segment};

/// Where a filter applies, as the API names the places.
pub const CONTEXTS: [&str; 5] = ["home", "notifications", "public", "thread", "account"];

/// How long a new filter lasts, in seconds; `None` for ever.
pub const EXPIRIES: [Option<u64>; 7] = [
    None,
    Some(30 * 60),
    Some(3600),
    Some(6 * 3600),
    Some(12 * 3600),
    Some(86_400),
    Some(7 * 86_400),
];

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FilterRecord {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub title: String,
    #[serde(default, deserialize_with = "null_default")]
    pub context: Vec<String>,
    #[serde(default)]
    pub filter_action: FilterAction,
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default, deserialize_with = "skip_unreadable")]
    pub keywords: Vec<KeywordRecord>,
}

/// When a filter ends, as the form sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// Leave the saved expiry as it is (editing only).
    Keep,
    /// In this many seconds; `None` for never.
    In(Option<u64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FilterDraft {
    pub title: String,
    pub context: Vec<String>,
    pub action: FilterAction,
    pub expiry: Expiry,
    pub keywords: Vec<KeywordDraft>,
}

impl Default for FilterDraft {
    fn default() -> Self {
        Self {
            title: String::new(),
            context: vec!["home".into(), "public".into()],
            action: FilterAction::Warn,
            expiry: Expiry::In(None),
            keywords: vec![KeywordDraft {
                whole_word: true,
                ..KeywordDraft::default()
            }],
        }
    }
}

/// Why a filter cannot be saved as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterProblem {
    NoTitle,
    NoContext,
}

impl FilterDraft {
    /// The draft of a saved filter, keeping its expiry unless changed.
    pub fn from_record(record: &FilterRecord) -> Self {
        Self {
            title: record.title.clone(),
            context: record.context.clone(),
            action: record.filter_action.clone(),
            expiry: Expiry::Keep,
            keywords: record
                .keywords
                .iter()
                .map(|saved| KeywordDraft {
                    id: Some(saved.id.clone()),
                    keyword: saved.keyword.clone(),
                    whole_word: saved.whole_word,
                })
                .collect(),
        }
    }

    pub fn problem(&self) -> Option<FilterProblem> {
        if self.title.trim().is_empty() {
            Some(FilterProblem::NoTitle)
        } else if self.context.is_empty() {
            Some(FilterProblem::NoContext)
        } else {
            None
        }
    }

    /// The fields a create and an update share.
    fn fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("title".into(), json!(self.title.trim()));
        fields.insert("context".into(), json!(self.context));
        fields.insert("filter_action".into(), json!(action_name(&self.action)));
        if let Expiry::In(seconds) = self.expiry {
            fields.insert("expires_in".into(), json!(seconds));
        }
        fields
    }

    fn typed_keywords(&self) -> impl Iterator<Item = &KeywordDraft> {
        self.keywords
            .iter()
            .filter(|keyword| !keyword.keyword.trim().is_empty())
    }
}

/// The API's name for `action`; one this client does not know is sent
/// back as the server named it.
pub fn action_name(action: &FilterAction) -> &str {
    match action {
        FilterAction::Warn => "warn",
        FilterAction::Hide => "hide",
        FilterAction::Blur => "blur",
        FilterAction::Other(name) => name,
    }
}

/// Whether the server knows the `blur` action: Mastodon 4.4 and later.
pub fn supports_blur(info: &ServerInfo) -> bool {
    if info.software != Software::Mastodon {
        return false;
    }
    let mut parts = info
        .version
        .split(|c: char| !c.is_ascii_digit())
        .map(|part| part.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (major, minor) >= (4, 4)
}

pub fn filters() -> Listing<FilterRecord> {
    Listing::at("/api/v2/filters".into())
}

/// `POST /api/v2/filters`, keywords included, as JSON: the only shape in
/// which every server reads `keywords_attributes`.
pub fn create_filter(draft: &FilterDraft) -> Call<FilterRecord> {
    let mut fields = draft.fields();
    let keywords: Vec<Value> = draft
        .typed_keywords()
        .map(|keyword| json!({ "keyword": keyword.keyword.trim(), "whole_word": keyword.whole_word }))
        .collect();
    fields.insert("keywords_attributes".into(), Value::Array(keywords));
    Call::new(Method::Post, "/api/v2/filters".into()).with_body(Body::Json(Value::Object(fields)))
}

/// `PUT /api/v2/filters/:id`, without its keywords: see `keyword_changes`.
pub fn update_filter(id: &str, draft: &FilterDraft) -> Call<FilterRecord> {
    Call::new(Method::Put, filter_path(id)).with_body(Body::Json(Value::Object(draft.fields())))
}

pub fn delete_filter(id: &str) -> Call<IgnoredAny> {
    Call::new(Method::Delete, filter_path(id))
}

fn filter_path(id: &str) -> String {
    format!("/api/v2/filters/{}", segment(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    fn draft() -> FilterDraft {
        FilterDraft {
            title: " Spoilers ".into(),
            context: vec!["home".into(), "thread".into()],
            action: FilterAction::Hide,
            expiry: Expiry::In(Some(3600)),
            keywords: vec![
                KeywordDraft {
                    id: None,
                    keyword: "finale".into(),
                    whole_word: true,
                },
                KeywordDraft::default(),
            ],
        }
    }

    #[test]
    fn a_filter_is_created_with_its_keywords_as_json() {
        let request = create_filter(&draft());
        assert_eq!(
            (request.method(), request.path().as_str()),
            (Method::Post, "/api/v2/filters")
        );
        let Some(Body::Json(body)) = request.body() else {
            panic!("a filter is created as JSON");
        };
        assert_eq!(
            body,
            json!({
                "title": "Spoilers", "context": ["home", "thread"], "filter_action": "hide",
                "expires_in": 3600,
                "keywords_attributes": [{ "keyword": "finale", "whole_word": true }],
            })
        );
        let never = FilterDraft {
            expiry: Expiry::In(None),
            ..draft()
        };
        let Some(Body::Json(body)) = create_filter(&never).body() else {
            panic!("a filter is created as JSON");
        };
        assert_eq!(body["expires_in"], Value::Null);
    }

    #[test]
    fn an_update_leaves_keywords_and_a_kept_expiry_out() {
        let kept = FilterDraft {
            expiry: Expiry::Keep,
            ..draft()
        };
        let request = update_filter("9", &kept);
        assert_eq!(
            (request.method(), request.path().as_str()),
            (Method::Put, "/api/v2/filters/9")
        );
        let Some(Body::Json(body)) = request.body() else {
            panic!("a filter is updated as JSON");
        };
        assert_eq!(
            body,
            json!({ "title": "Spoilers", "context": ["home", "thread"], "filter_action": "hide" })
        );
        let deleted = delete_filter("9");
        assert_eq!(
            (deleted.method(), deleted.path().as_str()),
            (Method::Delete, "/api/v2/filters/9")
        );
    }

    #[test]
    fn saved_filters_read_across_dialects() {
        let saved = filters()
            .read(
                r#"[{"id":"9","title":"Spoilers","context":["home"],"filter_action":"blur","expires_at":null,
                     "keywords":[{"id":"3","keyword":"finale","whole_word":true},{"keyword":"no id"}]},
                    {"id":10,"title":null,"context":null}]"#,
            )
            .unwrap();
        assert_eq!(saved.len(), 2);
        assert_eq!(saved[0].filter_action, FilterAction::Blur);
        assert_eq!(saved[0].keywords.len(), 1);
        assert_eq!(saved[1].filter_action, FilterAction::Warn);
        let draft = FilterDraft::from_record(&saved[0]);
        assert_eq!(draft.expiry, Expiry::Keep);
        assert_eq!(draft.keywords[0].id.as_deref(), Some("3"));
        assert_eq!(draft.problem(), None);
        assert_eq!(
            FilterDraft::from_record(&saved[1]).problem(),
            Some(FilterProblem::NoTitle)
        );
        let nowhere = FilterDraft {
            context: Vec::new(),
            ..draft
        };
        assert_eq!(nowhere.problem(), Some(FilterProblem::NoContext));
    }

    #[test]
    fn blur_is_offered_from_mastodon_4_4() {
        let info = |software, version: &str| ServerInfo {
            software,
            version: version.into(),
            title: String::new(),
            description: String::new(),
            rules: Vec::new(),
            limits: Default::default(),
            mastodon_api: None,
            streaming_url: None,
        };
        assert!(supports_blur(&info(Software::Mastodon, "4.4.0")));
        assert!(supports_blur(&info(Software::Mastodon, "5.0.0-beta")));
        assert!(!supports_blur(&info(Software::Mastodon, "4.3.2")));
        assert!(!supports_blur(&info(Software::Akkoma, "4.5")));
        assert!(!supports_blur(&info(Software::Mastodon, "")));
        assert_eq!(action_name(&FilterAction::Other("x".into())), "x");
    }
}
