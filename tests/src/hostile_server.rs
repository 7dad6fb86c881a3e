//! A hostile server: it answers the Mastodon API with statuses whose HTML
//! carries every script vector we know, as a compromised server could.

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use serde_json::{Value, json};

/// Each payload sets `window.__pwned` if it ever runs.
pub const PAYLOADS: &[&str] = &[
    r#"<script>window.__pwned = 'script'</script><p>after a script</p>"#,
    r#"<img src=x onerror="window.__pwned = 'img'">"#,
    r#"<a href="javascript:window.__pwned = 'href'">a link</a>"#,
    r#"<a href=" JaVaScRiPt:window.__pwned = 'href2'">another</a>"#,
    r#"<p onclick="window.__pwned = 'onclick'" onmouseover="window.__pwned = 'hover'" style="position:fixed;inset:0">cover</p>"#,
    r#"<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>"#,
    r#"<object data="data:text/html,<script>parent.__pwned='object'</script>"></object><embed src="x">"#,
    r#"<base href="https://evil.example/"><form action="javascript:window.__pwned='form'"><button>go</button></form>"#,
    r#"<svg><script>window.__pwned = 'svg'</script><a xlink:href="javascript:window.__pwned='svg-link'">x</a></svg>"#,
    r#"<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">"#,
    r#"<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>">"#,
    r#"<details open ontoggle="window.__pwned='toggle'"><summary>s</summary></details>"#,
    r#"<a href="https://ok.example/" autofocus onfocus="window.__pwned='focus'">focus</a>"#,
    r#"<template><img src=x onerror="window.__pwned='template'"></template><video><source onerror="window.__pwned='video'"></video>"#,
];

fn status(index: usize, content: &str) -> Value {
    json!({
        "id": format!("{}", 1000 - index),
        "created_at": "2026-11-29T10:00:00.000Z",
        "content": content,
        "spoiler_text": if index == 3 { "<img src=x onerror=\"window.__pwned='cw'\">" } else { "" },
        "visibility": "public",
        "url": "javascript:window.__pwned='url'",
        "account": {
            "id": "1",
            "username": "mallory",
            "acct": "mallory",
            "display_name": "<img src=x onerror=\"window.__pwned='name'\">Mallory",
            "avatar_static": "javascript:window.__pwned='avatar'",
            "note": "<script>window.__pwned='note'</script>",
        },
        "media_attachments": [{"id": "9", "type": "image", "url": "javascript:window.__pwned='media'", "description": "<b onclick=x>alt</b>"}],
        "mentions": [{"id": "2", "username": "x", "acct": "x", "url": "javascript:window.__pwned='mention'"}],
        "tags": [],
        "emojis": [],
    })
}

async fn timeline() -> impl IntoResponse {
    let statuses: Vec<Value> = PAYLOADS
        .iter()
        .enumerate()
        .map(|(index, payload)| status(index, payload))
        .collect();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        Value::Array(statuses).to_string(),
    )
}

pub struct HostileServer {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl HostileServer {
    pub async fn start() -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let app = Router::new().route("/api/v1/timelines/public", get(timeline));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self { port, task })
    }

    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for HostileServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
