//! Small calls on a mock that seeding and the tests share: users,
//! follows, posts.

use super::seed::SeededPost;
use crate::MockServer;
use crate::http::{Body, send, send_any};

/// Makes local users `names` on `server`, each with a token; a name
/// already taken is left as it is.
pub async fn add_dev_users(server: &MockServer, names: &[&str]) -> anyhow::Result<()> {
    for name in names {
        let body = serde_json::json!({ "username": name });
        let url = format!("{}/api/v1/_mock/dev_user", server.origin());
        let answer = send_any("POST", &url, None, Body::Json(&body)).await?;
        anyhow::ensure!(
            answer.status == 200 || answer.status == 422,
            "cannot make {name}: {}",
            answer.status
        );
    }
    Ok(())
}

/// Leaves `token`'s account following nobody. A mock started with
/// `--demo` has its dev users follow each other (ada follows alan and
/// grace), so a fresh server is not an empty one until this has run.
pub async fn unfollow_everyone(server: &MockServer, token: &str) -> anyhow::Result<()> {
    let me = api(
        server,
        "GET",
        "/api/v1/accounts/verify_credentials",
        token,
        Body::Empty,
    )
    .await?;
    let my_id = me["id"].as_str().unwrap_or_default();
    let mut next = Some(format!(
        "{}/api/v1/accounts/{my_id}/following?limit=80",
        server.origin()
    ));
    let mut ids = Vec::new();
    while let Some(url) = next.take() {
        let page = send("GET", &url, Some(token), Body::Empty).await?;
        let accounts = page.json()?;
        let batch = accounts.as_array().cloned().unwrap_or_default();
        ids.extend(
            batch
                .iter()
                .filter_map(|a| a["id"].as_str().map(str::to_string)),
        );
        next = page.next_page().filter(|_| !batch.is_empty());
    }
    for id in ids {
        let path = format!("/api/v1/accounts/{id}/unfollow");
        api(server, "POST", &path, token, Body::Empty).await?;
    }
    Ok(())
}

/// Posts `text` as `author` (a dev user) on `server`.
pub async fn post_as(server: &MockServer, author: &str, text: &str) -> anyhow::Result<SeededPost> {
    let token = format!("{author}_token");
    let body = serde_json::json!({ "status": text, "visibility": "public" });
    let posted = api(
        server,
        "POST",
        "/api/v1/statuses",
        &token,
        Body::Json(&body),
    )
    .await?;
    seeded_post(&posted, author, text)
}

pub(super) fn seeded_post(
    posted: &serde_json::Value,
    author: &str,
    text: &str,
) -> anyhow::Result<SeededPost> {
    let field = |name: &str| {
        posted[name]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("no {name} in {posted}"))
    };
    Ok(SeededPost {
        id: field("id")?,
        uri: field("uri")?,
        author: author.to_string(),
        text: text.to_string(),
    })
}

pub(super) async fn api(
    server: &MockServer,
    method: &str,
    path: &str,
    token: &str,
    body: Body<'_>,
) -> anyhow::Result<serde_json::Value> {
    let url = format!("{}{path}", server.origin());
    send(method, &url, Some(token), body).await?.json()
}
