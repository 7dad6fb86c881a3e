//! The languages a server knows, from `/api/v1/instance/languages`.
//! Mastodon answers `[{code, name}]`; some servers (mastodon-mock among
//! them) answer plain codes. Both read the same.

use serde_json::Value;

use super::super::ApiError;
use super::super::request::{Request, json};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// ISO 639 code, as the server sends it back in `language`.
    pub code: String,
    /// The language's name, or its code when the server gives none.
    pub name: String,
}

/// `GET /api/v1/instance/languages`.
pub struct InstanceLanguages;

impl Request for InstanceLanguages {
    type Answer = Vec<Language>;
    fn path(&self) -> String {
        "/api/v1/instance/languages".into()
    }
    fn read(&self, body: &str) -> Result<Vec<Language>, ApiError> {
        let value: Value = json(body)?;
        Ok(read_languages(&value))
    }
}

/// Every readable entry of either shape; odd entries are skipped.
pub fn read_languages(value: &Value) -> Vec<Language> {
    let Some(entries) = value.as_array() else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| {
            let (code, name) = match entry {
                Value::String(code) => (code.as_str(), code.as_str()),
                Value::Object(fields) => {
                    let code = fields.get("code")?.as_str()?;
                    let name = fields.get("name").and_then(Value::as_str).unwrap_or(code);
                    (code, name)
                }
                _ => return None,
            };
            let code = code.trim();
            (!code.is_empty()).then(|| Language {
                code: code.to_string(),
                name: if name.trim().is_empty() { code } else { name }.to_string(),
            })
        })
        .collect()
}

/// The language to offer first: the reader's last choice when the server
/// knows it, else the browser's (`fr-CA` → `fr`), else none.
pub fn default_language(
    known: &[Language],
    last_choice: Option<&str>,
    browser_tag: Option<&str>,
) -> Option<String> {
    let knows = |code: &str| known.iter().any(|language| language.code == code);
    if let Some(last) = last_choice.filter(|code| knows(code)) {
        return Some(last.to_string());
    }
    let primary = browser_tag?.split(['-', '_']).next()?.to_ascii_lowercase();
    knows(&primary).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(languages: &[Language]) -> Vec<&str> {
        languages.iter().map(|l| l.code.as_str()).collect()
    }

    #[test]
    fn both_shapes_read_the_same() {
        let mastodon = InstanceLanguages
            .read(r#"[{"code":"en","name":"English"},{"code":"fr","name":"French"}]"#)
            .unwrap();
        assert_eq!(codes(&mastodon), ["en", "fr"]);
        assert_eq!(mastodon[1].name, "French");
        let plain = InstanceLanguages.read(r#"["en","de"]"#).unwrap();
        assert_eq!(codes(&plain), ["en", "de"]);
        assert_eq!(plain[1].name, "de");
    }

    #[test]
    fn odd_entries_are_skipped() {
        let odd =
            read_languages(&json!([1, null, {"name":"x"}, "", {"code":"es","name":""}, "it"]));
        assert_eq!(codes(&odd), ["es", "it"]);
        assert_eq!(odd[0].name, "es");
        assert!(read_languages(&json!({"en": "English"})).is_empty());
        assert!(InstanceLanguages.read("not json").is_err());
    }

    #[test]
    fn the_last_choice_wins_then_the_browser() {
        let known = read_languages(&json!(["en", "fr", "de"]));
        assert_eq!(
            default_language(&known, Some("de"), Some("fr-CA")).as_deref(),
            Some("de")
        );
        assert_eq!(
            default_language(&known, Some("xx"), Some("fr-CA")).as_deref(),
            Some("fr")
        );
        assert_eq!(
            default_language(&known, None, Some("EN_gb")).as_deref(),
            Some("en")
        );
        assert_eq!(default_language(&known, None, Some("ja")), None);
        assert_eq!(default_language(&[], Some("en"), Some("en")), None);
    }
}
