//! What may replace a token: accounts and hashtags from the server's
//! search, emoji from its list, each knowing the text it puts in.

use super::token::TokenKind;
use crate::api::SearchResults;
use crate::api::request::{Get, segment};

/// How many suggestions the list shows.
pub const SUGGESTIONS_SHOWN: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub enum Suggestion {
    Account {
        acct: String,
        display_name: String,
        avatar: String,
    },
    Hashtag {
        name: String,
    },
    Emoji {
        shortcode: String,
        image: String,
    },
}

impl Suggestion {
    /// The kind of token it can replace.
    pub fn kind(&self) -> TokenKind {
        match self {
            Self::Account { .. } => TokenKind::Mention,
            Self::Hashtag { .. } => TokenKind::Hashtag,
            Self::Emoji { .. } => TokenKind::Emoji,
        }
    }

    /// The text that replaces the token.
    pub fn replacement(&self) -> String {
        match self {
            Self::Account { acct, .. } => format!("@{acct}"),
            Self::Hashtag { name } => format!("#{name}"),
            Self::Emoji { shortcode, .. } => format!(":{shortcode}:"),
        }
    }
}

/// `GET /api/v2/search` for the accounts or hashtags a token may name;
/// none for emoji, which come from the server's list. Suggestions never
/// make the server look up remote accounts (`resolve=false`): that is
/// slow, and typing should not fetch from other servers.
pub fn suggestion_search(kind: TokenKind, query: &str) -> Option<Get<SearchResults>> {
    let kind = match kind {
        TokenKind::Mention => "accounts",
        TokenKind::Hashtag => "hashtags",
        TokenKind::Emoji => return None,
    };
    Some(Get::new(format!(
        "/api/v2/search?q={}&type={kind}&limit={SUGGESTIONS_SHOWN}&resolve=false",
        segment(query)
    )))
}

/// The suggestions in a search's answer for a token of `kind`.
pub fn from_search(kind: TokenKind, results: SearchResults) -> Vec<Suggestion> {
    match kind {
        TokenKind::Mention => results
            .accounts
            .into_iter()
            .filter(|account| !account.acct.is_empty())
            .map(|account| Suggestion::Account {
                acct: account.acct,
                display_name: account.display_name,
                avatar: account.avatar_static,
            })
            .take(SUGGESTIONS_SHOWN)
            .collect(),
        TokenKind::Hashtag => results
            .hashtags
            .into_iter()
            .filter(|tag| !tag.name.is_empty())
            .map(|tag| Suggestion::Hashtag { name: tag.name })
            .take(SUGGESTIONS_SHOWN)
            .collect(),
        TokenKind::Emoji => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn searches_for_accounts_or_hashtags_only() {
        let search = suggestion_search(TokenKind::Mention, "ada@exa mple").unwrap();
        assert_eq!(
            search.path(),
            "/api/v2/search?q=ada%40exa%20mple&type=accounts&limit=5&resolve=false"
        );
        let search = suggestion_search(TokenKind::Hashtag, "café").unwrap();
        assert_eq!(
            search.path(),
            "/api/v2/search?q=caf%C3%A9&type=hashtags&limit=5&resolve=false"
        );
        assert!(suggestion_search(TokenKind::Emoji, "blob").is_none());
    }

    #[test]
    fn reads_suggestions_from_an_answer() {
        let search = suggestion_search(TokenKind::Mention, "a").unwrap();
        let answer = search
            .read(
                r#"{"accounts":[
                {"id":"1","acct":"ada","display_name":"Ada","avatar_static":"https://x/a.png"},
                {"id":"2","acct":"alan@elsewhere.org","display_name":null},
                {"id":"3","acct":""}
            ],"hashtags":[{"name":"art"},{"name":""}]}"#,
            )
            .unwrap();
        let accounts = from_search(TokenKind::Mention, answer.clone());
        assert_eq!(accounts.len(), 2);
        assert_eq!(accounts[0].replacement(), "@ada");
        assert_eq!(accounts[1].replacement(), "@alan@elsewhere.org");
        assert!(
            matches!(&accounts[1], Suggestion::Account { display_name, .. } if display_name.is_empty())
        );
        let tags = from_search(TokenKind::Hashtag, answer.clone());
        assert_eq!(tags, [Suggestion::Hashtag { name: "art".into() }]);
        assert_eq!(tags[0].replacement(), "#art");
        assert_eq!(
            (accounts[0].kind(), tags[0].kind()),
            (TokenKind::Mention, TokenKind::Hashtag)
        );
        assert!(from_search(TokenKind::Emoji, answer).is_empty());
    }

    #[test]
    fn never_shows_more_than_a_handful() {
        let many = (0..9)
            .map(|n| format!(r#"{{"name":"t{n}"}}"#))
            .collect::<Vec<_>>();
        let body = format!(r#"{{"hashtags":[{}]}}"#, many.join(","));
        let answer: SearchResults = serde_json::from_str(&body).unwrap();
        assert_eq!(
            from_search(TokenKind::Hashtag, answer).len(),
            SUGGESTIONS_SHOWN
        );
    }

    #[test]
    fn an_emoji_is_put_in_between_colons() {
        let emoji = Suggestion::Emoji {
            shortcode: "blobcat".into(),
            image: String::new(),
        };
        assert_eq!(emoji.replacement(), ":blobcat:");
        assert_eq!(emoji.kind(), TokenKind::Emoji);
    }
}
