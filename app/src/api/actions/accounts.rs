//! What the reader's account does about another account or a domain.

use serde::de::IgnoredAny;
use serde_json::{Map, Value, json};

use super::super::oauth::form;
use super::super::request::{Body, Call, Method, segment};
use super::relationship::Relationship;

fn on_account(id: &str, action: &str) -> Call<Relationship> {
    Call::new(
        Method::Post,
        format!("/api/v1/accounts/{}/{action}", segment(id)),
    )
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Follow {
    /// `None` keeps what the server has or defaults to.
    pub reblogs: Option<bool>,
    pub notify: Option<bool>,
    /// Only posts in these languages; empty for all.
    pub languages: Vec<String>,
}

pub fn follow(id: &str, options: &Follow) -> Call<Relationship> {
    let mut body = Map::new();
    if let Some(reblogs) = options.reblogs {
        body.insert("reblogs".into(), json!(reblogs));
    }
    if let Some(notify) = options.notify {
        body.insert("notify".into(), json!(notify));
    }
    if !options.languages.is_empty() {
        body.insert("languages".into(), json!(options.languages));
    }
    on_account(id, "follow").with_body(Body::Json(Value::Object(body)))
}

pub fn unfollow(id: &str) -> Call<Relationship> {
    on_account(id, "unfollow")
}

/// `GET /api/v1/accounts/relationships?id[]=…`.
pub fn relationships(ids: &[&str]) -> Call<Vec<Relationship>> {
    let query = ids
        .iter()
        .map(|id| format!("id[]={}", segment(id)))
        .collect::<Vec<_>>()
        .join("&");
    Call::new(
        Method::Get,
        format!("/api/v1/accounts/relationships?{query}"),
    )
}

pub fn authorize_follow_request(id: &str) -> Call<Relationship> {
    Call::new(
        Method::Post,
        format!("/api/v1/follow_requests/{}/authorize", segment(id)),
    )
}

pub fn reject_follow_request(id: &str) -> Call<Relationship> {
    Call::new(
        Method::Post,
        format!("/api/v1/follow_requests/{}/reject", segment(id)),
    )
}

/// The reader's private note on an account.
pub fn note(id: &str, comment: &str) -> Call<Relationship> {
    on_account(id, "note").with_body(Body::Json(json!({ "comment": comment })))
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mute {
    /// Also hide their notifications.
    pub notifications: bool,
    /// Seconds; `None` for ever.
    pub duration: Option<u64>,
}

pub fn mute(id: &str, options: &Mute) -> Call<Relationship> {
    on_account(id, "mute").with_body(Body::Json(json!({
        "notifications": options.notifications,
        "duration": options.duration.unwrap_or(0),
    })))
}

pub fn unmute(id: &str) -> Call<Relationship> {
    on_account(id, "unmute")
}

pub fn block(id: &str) -> Call<Relationship> {
    on_account(id, "block")
}

pub fn unblock(id: &str) -> Call<Relationship> {
    on_account(id, "unblock")
}

/// Domain blocks go as a form: some servers read nothing else there.
fn domain_block(method: Method, domain: &str) -> Call<IgnoredAny> {
    Call::new(method, "/api/v1/domain_blocks".into())
        .with_body(Body::Form(form(&[("domain", domain)])))
}

pub fn block_domain(domain: &str) -> Call<IgnoredAny> {
    domain_block(Method::Post, domain)
}

pub fn unblock_domain(domain: &str) -> Call<IgnoredAny> {
    domain_block(Method::Delete, domain)
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub account_id: String,
    /// `spam`, `violation` (with rules), `legal` or `other`.
    pub category: String,
    pub rule_ids: Vec<String>,
    pub status_ids: Vec<String>,
    pub comment: String,
    /// Also send the report to the account's own server.
    pub forward: bool,
}

/// `POST /api/v1/reports`; the answer is only acknowledged.
pub fn report(report: &Report) -> Call<IgnoredAny> {
    Call::new(Method::Post, "/api/v1/reports".into()).with_body(Body::Json(json!({
        "account_id": report.account_id,
        "category": report.category,
        "rule_ids": report.rule_ids,
        "status_ids": report.status_ids,
        "comment": report.comment,
        "forward": report.forward,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    const RELATIONSHIP: &str = r#"{"id":"5","following":true,"showing_reblogs":false}"#;

    #[test]
    fn account_actions_post_to_their_paths() {
        let cases = [
            (unfollow("5"), "/api/v1/accounts/5/unfollow"),
            (unmute("5"), "/api/v1/accounts/5/unmute"),
            (block("5"), "/api/v1/accounts/5/block"),
            (unblock("5"), "/api/v1/accounts/5/unblock"),
            (
                authorize_follow_request("5"),
                "/api/v1/follow_requests/5/authorize",
            ),
            (
                reject_follow_request("5"),
                "/api/v1/follow_requests/5/reject",
            ),
        ];
        for (request, path) in cases {
            assert_eq!(
                (request.method(), request.path().as_str()),
                (Method::Post, path)
            );
            assert!(request.body().is_none());
        }
        let followed = follow(
            "5",
            &Follow {
                reblogs: Some(false),
                languages: vec!["fr".into()],
                ..Follow::default()
            },
        );
        assert_eq!(followed.path(), "/api/v1/accounts/5/follow");
        assert_eq!(
            followed.body().unwrap().text(),
            r#"{"languages":["fr"],"reblogs":false}"#
        );
        let relationship = followed.read(RELATIONSHIP).unwrap();
        assert!(relationship.following && !relationship.showing_reblogs);
        let muted = mute(
            "5",
            &Mute {
                notifications: true,
                duration: Some(3600),
            },
        );
        assert_eq!(
            muted.body().unwrap().text(),
            r#"{"duration":3600,"notifications":true}"#
        );
        assert_eq!(
            note("5", "hi").body().unwrap().text(),
            r#"{"comment":"hi"}"#
        );
    }

    #[test]
    fn relationships_ask_for_every_id() {
        let request = relationships(&["1", "2&x"]);
        assert_eq!(request.method(), Method::Get);
        assert_eq!(
            request.path(),
            "/api/v1/accounts/relationships?id[]=1&id[]=2%26x"
        );
        assert_eq!(
            request.read(&format!("[{RELATIONSHIP}]")).unwrap()[0].id,
            "5"
        );
    }

    #[test]
    fn domain_blocks_are_forms_and_reports_json() {
        let blocked = block_domain("spam.example");
        let unblocked = unblock_domain("spam.example");
        assert_eq!(
            (blocked.method(), unblocked.method()),
            (Method::Post, Method::Delete)
        );
        assert_eq!(blocked.path(), "/api/v1/domain_blocks");
        assert_eq!(
            blocked.body(),
            Some(Body::Form("domain=spam.example".into()))
        );
        assert!(blocked.read("{}").is_ok());
        let request = report(&Report {
            account_id: "5".into(),
            category: "violation".into(),
            rule_ids: vec!["2".into()],
            status_ids: vec!["9".into()],
            comment: "rude".into(),
            forward: true,
        });
        assert_eq!(request.path(), "/api/v1/reports");
        let Some(Body::Json(body)) = request.body() else {
            panic!("a report is JSON");
        };
        assert_eq!(body["rule_ids"], json!(["2"]));
        assert_eq!(body["forward"], true);
        assert_eq!(body["category"], "violation");
    }
}
