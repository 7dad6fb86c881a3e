//! Which post announced an article: the server it lives on and its id,
//! read from the `comments` front matter field.

use serde_json::Value;
use url::Url;

/// The announcing post whose replies are the article's comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentSource {
    /// The server's origin, such as `https://server.example`, without a
    /// trailing slash.
    pub server: String,
    /// The post's id on that server.
    pub id: String,
    /// The post's address as the publisher gave it, when they did.
    pub url: Option<String>,
}

/// Why a `comments` field cannot name a post; each reason says what to write.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("“{0}” is not an http(s) address")]
    NotAnAddress(String),
    #[error("“{0}” is not the address of a post (such as https://server.example/@user/123)")]
    NotAPost(String),
    #[error("the table needs `server` (such as https://server.example) and `id`")]
    MissingParts,
    #[error("`id` “{0}” holds characters a post id never has")]
    BadId(String),
    #[error("it is {0}: write the post's address, or a table with `server` and `id`")]
    WrongKind(&'static str),
}

impl CommentSource {
    /// Reads the field's value: a post's address, or `{ server, id }`.
    pub fn from_value(value: &Value) -> Result<Self, SourceError> {
        match value {
            Value::String(address) => Self::from_post_url(address),
            Value::Object(table) => {
                let text = |key: &str| match table.get(key) {
                    Some(Value::String(text)) => Some(text.trim().to_string()),
                    Some(Value::Number(number)) => Some(number.to_string()),
                    _ => None,
                };
                let (Some(server), Some(id)) = (text("server"), text("id")) else {
                    return Err(SourceError::MissingParts);
                };
                let origin = origin_of(&server)?;
                check_id(&id)?;
                Ok(Self {
                    server: origin,
                    id,
                    url: text("url"),
                })
            }
            Value::Number(_) => Err(SourceError::WrongKind("a number")),
            Value::Bool(_) => Err(SourceError::WrongKind("true or false")),
            Value::Array(_) => Err(SourceError::WrongKind("a list")),
            Value::Null => Err(SourceError::WrongKind("empty")),
        }
    }

    /// Mastodon's `/@user/ID` and `/users/user/statuses/ID`, Pleroma's and
    /// Akkoma's `/notice/ID`, GoToSocial's `/@user/statuses/ID`.
    pub fn from_post_url(address: &str) -> Result<Self, SourceError> {
        let address = address.trim();
        let server = origin_of(address)?;
        let not_a_post = || SourceError::NotAPost(address.to_string());
        let url = Url::parse(address).map_err(|_| not_a_post())?;
        let parts: Vec<&str> = url
            .path_segments()
            .map(|segments| segments.filter(|part| !part.is_empty()).collect())
            .unwrap_or_default();
        let id = match parts.as_slice() {
            [user, id] if user.starts_with('@') && user.len() > 1 => *id,
            [user, "statuses", id] if user.starts_with('@') && user.len() > 1 => *id,
            ["users", _, "statuses", id] | ["notice", id] => *id,
            _ => return Err(not_a_post()),
        };
        check_id(id).map_err(|_| not_a_post())?;
        Ok(Self {
            server,
            id: id.to_string(),
            url: Some(address.to_string()),
        })
    }

    /// The server's name as readers know it, such as `server.example`.
    pub fn host(&self) -> &str {
        self.server
            .split_once("://")
            .map_or(self.server.as_str(), |(_, host)| host)
    }

    /// The post's address: the one given, else the one the server's web
    /// interface answers for an id.
    pub fn post_url(&self) -> String {
        self.url
            .clone()
            .unwrap_or_else(|| format!("{}/web/statuses/{}", self.server, self.id))
    }
}

fn origin_of(address: &str) -> Result<String, SourceError> {
    let not_an_address = || SourceError::NotAnAddress(address.to_string());
    let url = Url::parse(address.trim()).map_err(|_| not_an_address())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(not_an_address());
    }
    Ok(url.origin().ascii_serialization())
}

/// Ids are digits on Mastodon, letters and digits elsewhere; anything
/// else would end up in a path or a query unescaped.
fn check_id(id: &str) -> Result<(), SourceError> {
    let fine = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if fine {
        Ok(())
    } else {
        Err(SourceError::BadId(id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parsed(address: &str) -> (String, String) {
        let source = CommentSource::from_post_url(address).unwrap();
        (source.server, source.id)
    }

    #[test]
    fn reads_every_server_kind_of_post_address() {
        let expect = |server: &str, id: &str| (server.to_string(), id.to_string());
        assert_eq!(
            parsed("https://mastodon.example/@ada/109876"),
            expect("https://mastodon.example", "109876")
        );
        assert_eq!(
            parsed("https://mastodon.example/users/ada/statuses/109876"),
            expect("https://mastodon.example", "109876")
        );
        assert_eq!(
            parsed("https://akkoma.example/notice/AbC123xyz"),
            expect("https://akkoma.example", "AbC123xyz")
        );
        assert_eq!(
            parsed("https://gts.example/@ada/statuses/01HXYZ"),
            expect("https://gts.example", "01HXYZ")
        );
        assert_eq!(
            parsed("http://127.0.0.1:3000/@ada/42/"),
            expect("http://127.0.0.1:3000", "42")
        );
    }

    #[test]
    fn refuses_what_is_not_a_post() {
        for bad in [
            "https://mastodon.example/@ada",
            "https://mastodon.example/about",
            "https://mastodon.example/@/12",
            "https://mastodon.example/@ada/12%3Cx",
            "ftp://mastodon.example/@ada/12",
            "javascript:alert(1)",
            "mastodon.example/@ada/12",
        ] {
            assert!(CommentSource::from_post_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_a_table_of_server_and_id() {
        let source =
            CommentSource::from_value(&json!({"server": "https://s.example/", "id": 12})).unwrap();
        assert_eq!(source.server, "https://s.example");
        assert_eq!(source.id, "12");
        assert_eq!(source.host(), "s.example");
        assert_eq!(source.post_url(), "https://s.example/web/statuses/12");
        assert_eq!(
            CommentSource::from_value(&json!({"server": "https://s.example"})),
            Err(SourceError::MissingParts)
        );
        assert!(matches!(
            CommentSource::from_value(&json!({"server": "https://s.example", "id": "1/../2"})),
            Err(SourceError::BadId(_))
        ));
        assert_eq!(
            CommentSource::from_value(&json!([1])),
            Err(SourceError::WrongKind("a list"))
        );
    }
}
