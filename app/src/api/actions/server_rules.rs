//! A server's rules with their IDs, which a report cites: from
//! `/api/v1/instance/rules`, else the `rules` of the instance document.

use serde::Deserialize;

use super::super::ApiError;
use super::super::lenient::{id, null_default, skip_unreadable};
use super::super::request::{Request, json};
use super::list_of::ListOf;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ServerRule {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default, deserialize_with = "null_default")]
    pub hint: String,
}

/// `GET /api/v1/instance/rules`.
pub fn server_rules() -> ListOf<ServerRule> {
    ListOf::at("/api/v1/instance/rules".into())
}

/// `GET /api/v2/instance`, for servers that list rules only there.
pub struct RulesInInstance;

#[derive(Deserialize)]
struct InstanceRules {
    #[serde(default, deserialize_with = "skip_unreadable")]
    rules: Vec<ServerRule>,
}

impl Request for RulesInInstance {
    type Answer = Vec<ServerRule>;
    fn path(&self) -> String {
        "/api/v2/instance".into()
    }
    fn read(&self, body: &str) -> Result<Vec<ServerRule>, ApiError> {
        json::<InstanceRules>(body).map(|instance| instance.rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_keep_their_ids_from_either_place() {
        let rules = server_rules()
            .read(r#"[{"id":"1","text":"Be kind","hint":""},{"id":2,"text":"No spam"},{"text":"no id"}]"#)
            .unwrap();
        let ids: Vec<&str> = rules.iter().map(|rule| rule.id.as_str()).collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(rules[1].text, "No spam");
        assert_eq!(server_rules().path(), "/api/v1/instance/rules");

        let instance = r#"{"title":"x","rules":[{"id":"7","text":"Tag media","hint":"CW"}]}"#;
        let rules = RulesInInstance.read(instance).unwrap();
        assert_eq!((rules[0].id.as_str(), rules[0].hint.as_str()), ("7", "CW"));
        assert_eq!(RulesInInstance.read(r#"{"rules":null}"#), Ok(vec![]));
    }
}
