//! A restore done by hand, straight through the API, without the client.

use super::state::AccountState;
use crate::MockServer;
use crate::http::{Body, send};

/// Recreates `state` on `server` through its API, as a restore would: to
/// show an expected state is one the mock can hold, or to put part of it
/// there beforehand, for a restore to find it already present.
/// The mock resolves only bare usernames (see `lookup`).
pub async fn recreate_state(
    server: &MockServer,
    token: &str,
    state: &AccountState,
) -> anyhow::Result<()> {
    let call = |method: &'static str, path: String, body: serde_json::Value| async move {
        let url = format!("{}{path}", server.origin());
        send(method, &url, Some(token), Body::Json(&body))
            .await?
            .json()
    };
    let id_of = |address: String| async move {
        let user = address.split('@').next().unwrap_or_default().to_string();
        let found = call(
            "GET",
            format!("/api/v1/accounts/lookup?acct={user}"),
            serde_json::json!({}),
        )
        .await?;
        anyhow::Ok(found["id"].as_str().unwrap_or_default().to_string())
    };
    for (address, follow) in &state.follows {
        let id = id_of(address.clone()).await?;
        let body = serde_json::json!({ "reblogs": follow.reblogs, "notify": follow.notify });
        call("POST", format!("/api/v1/accounts/{id}/follow"), body).await?;
    }
    for (title, list) in &state.lists {
        let body = serde_json::json!({ "title": title, "replies_policy": list.replies_policy, "exclusive": list.exclusive });
        let made = call("POST", "/api/v1/lists".into(), body).await?;
        let mut ids = Vec::new();
        for member in &list.members {
            ids.push(id_of(member.clone()).await?);
        }
        let list_id = made["id"].as_str().unwrap_or_default();
        call(
            "POST",
            format!("/api/v1/lists/{list_id}/accounts"),
            serde_json::json!({ "account_ids": ids }),
        )
        .await?;
    }
    for (address, mute) in &state.mutes {
        let id = id_of(address.clone()).await?;
        let duration = if mute.ends { 3600 } else { 0 };
        let body =
            serde_json::json!({ "duration": duration, "notifications": mute.hides_notifications });
        call("POST", format!("/api/v1/accounts/{id}/mute"), body).await?;
    }
    for address in &state.blocks {
        let id = id_of(address.clone()).await?;
        call(
            "POST",
            format!("/api/v1/accounts/{id}/block"),
            serde_json::json!({}),
        )
        .await?;
    }
    for domain in &state.domain_blocks {
        let url = format!("{}/api/v1/domain_blocks", server.origin());
        send("POST", &url, Some(token), Body::Form(&[("domain", domain)])).await?;
    }
    for uri in &state.bookmarks {
        let id = uri.rsplit('/').next().unwrap_or_default();
        call(
            "POST",
            format!("/api/v1/statuses/{id}/bookmark"),
            serde_json::json!({}),
        )
        .await?;
    }
    for tag in &state.followed_tags {
        call(
            "POST",
            format!("/api/v1/tags/{tag}/follow"),
            serde_json::json!({}),
        )
        .await?;
    }
    for (title, filter) in &state.filters {
        let keywords: Vec<_> = filter
            .keywords
            .iter()
            .map(|(keyword, whole_word)| serde_json::json!({ "keyword": keyword, "whole_word": whole_word }))
            .collect();
        let body = serde_json::json!({
            "title": title, "context": filter.context, "filter_action": filter.action,
            "keywords_attributes": keywords,
        });
        call("POST", "/api/v2/filters".into(), body).await?;
    }
    let profile = &state.profile;
    let locked = profile.locked.to_string();
    let bot = profile.bot.to_string();
    let mut form: Vec<(String, String)> = vec![
        ("display_name".into(), profile.display_name.clone()),
        ("note".into(), profile.note.clone()),
        ("locked".into(), locked),
        ("bot".into(), bot),
    ];
    for (index, (name, value)) in profile.fields.iter().enumerate() {
        form.push((format!("fields_attributes[{index}][name]"), name.clone()));
        form.push((format!("fields_attributes[{index}][value]"), value.clone()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let url = format!("{}/api/v1/accounts/update_credentials", server.origin());
    send("PATCH", &url, Some(token), Body::Form(&pairs)).await?;
    Ok(())
}
