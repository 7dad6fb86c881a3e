//! A reply starts from its parent: it mentions the people in the
//! conversation, keeps the parent's content warning, and reaches no wider
//! an audience than the parent did.

use super::super::status::Status;
use super::draft::ComposeDraft;

impl ComposeDraft {
    /// A draft replying to `status` (the boosted post, for a boost),
    /// written by `my_acct` (`user@server`), who is not mentioned.
    pub fn reply_to(status: &Status, my_acct: &str) -> Self {
        let status = status.shown();
        let my_domain = my_acct.split_once('@').map_or("", |(_, domain)| domain);
        let mut mentioned: Vec<String> = Vec::new();
        let people = std::iter::once(status.account.acct.as_str())
            .chain(status.mentions.iter().map(|mention| mention.acct.as_str()));
        for acct in people {
            let acct = acct.trim_start_matches('@');
            if acct.is_empty() || same_account(acct, my_acct, my_domain) {
                continue;
            }
            if !mentioned
                .iter()
                .any(|known| known.eq_ignore_ascii_case(acct))
            {
                mentioned.push(acct.to_string());
            }
        }
        let text = mentioned
            .iter()
            .map(|acct| format!("@{acct} "))
            .collect::<String>();
        Self {
            account: my_acct.to_string(),
            text,
            spoiler_text: status.spoiler_text.clone(),
            sensitive: status.sensitive,
            visibility: Some(status.visibility.name().to_string()),
            language: status.language.clone(),
            in_reply_to_id: Some(status.id.clone()),
            ..Self::default()
        }
    }

    /// A draft quoting `status`, for servers that take quotes.
    pub fn quoting(status: &Status, my_acct: &str) -> Self {
        Self {
            account: my_acct.to_string(),
            quoted_status_id: Some(status.shown().id.clone()),
            ..Self::default()
        }
    }
}

/// Whether `acct`, as the reader's server writes it (bare for its own
/// accounts), names the reader.
fn same_account(acct: &str, my_acct: &str, my_domain: &str) -> bool {
    let full = if acct.contains('@') {
        acct.to_string()
    } else {
        format!("{acct}@{my_domain}")
    };
    full.eq_ignore_ascii_case(my_acct)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(json: serde_json::Value) -> Status {
        serde_json::from_value(json).unwrap()
    }

    fn parent() -> Status {
        status(serde_json::json!({
            "id": "42",
            "account": {"id": "1", "username": "grace", "acct": "grace@navy.example"},
            "spoiler_text": "compilers",
            "sensitive": true,
            "visibility": "private",
            "language": "fr",
            "mentions": [
                {"id": "2", "username": "ada", "acct": "ada"},
                {"id": "3", "username": "alan", "acct": "alan@bletchley.example"},
                {"id": "4", "username": "Grace", "acct": "Grace@navy.example"}
            ]
        }))
    }

    #[test]
    fn a_reply_mentions_everyone_but_the_reader_and_keeps_the_cw() {
        let draft = ComposeDraft::reply_to(&parent(), "ada@local.example");
        assert_eq!(draft.text, "@grace@navy.example @alan@bletchley.example ");
        assert_eq!(draft.in_reply_to_id.as_deref(), Some("42"));
        assert_eq!(draft.spoiler_text, "compilers");
        assert!(draft.sensitive);
        assert_eq!(draft.visibility.as_deref(), Some("private"));
        assert_eq!(draft.language.as_deref(), Some("fr"));
        assert_eq!(draft.account, "ada@local.example");
        assert_eq!(draft.editing, None);
    }

    #[test]
    fn replying_to_oneself_mentions_only_the_others() {
        let mine = status(serde_json::json!({
            "id": "7",
            "account": {"id": "2", "username": "ada", "acct": "ada"},
            "visibility": "direct",
            "mentions": [{"id": "5", "username": "katherine", "acct": "katherine"}]
        }));
        let draft = ComposeDraft::reply_to(&mine, "ada@local.example");
        assert_eq!(draft.text, "@katherine ");
        assert_eq!(draft.visibility.as_deref(), Some("direct"));
        assert_eq!(draft.spoiler_text, "");
    }

    #[test]
    fn a_reply_to_a_boost_answers_the_boosted_post() {
        let mut boost = status(serde_json::json!({
            "id": "99",
            "account": {"id": "9", "username": "katherine", "acct": "katherine"},
            "visibility": "public"
        }));
        boost.reblog = Some(Box::new(parent()));
        let draft = ComposeDraft::reply_to(&boost, "alan@bletchley.example");
        assert_eq!(draft.in_reply_to_id.as_deref(), Some("42"));
        assert!(!draft.text.contains("katherine"), "{}", draft.text);
        assert!(!draft.text.contains("alan"), "{}", draft.text);
        assert_eq!(draft.text, "@grace@navy.example @ada ");
        let quote = ComposeDraft::quoting(&boost, "alan@bletchley.example");
        assert_eq!(quote.quoted_status_id.as_deref(), Some("42"));
        assert_eq!(quote.in_reply_to_id, None);
    }
}
