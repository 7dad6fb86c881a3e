//! A hostile server: it answers the Mastodon API as a compromised server
//! could, with script vectors in every field the client renders (see
//! `hostile_data`), on every endpoint the timeline, profile, thread and
//! search views and the server's description ask for.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use serde_json::Value;

use crate::hostile_data as data;

fn json(body: Value) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        body.to_string(),
    )
}

/// The server's own origin, which its harmless media URLs point at.
type Origin = State<String>;

fn routes() -> Router<String> {
    Router::new()
        .route(
            "/api/v1/timelines/public",
            get(|State(o): Origin| async move { json(data::timeline(&o)) }),
        )
        .route(
            "/api/v1/accounts/lookup",
            get(|State(o): Origin| async move { json(data::account(&o, "1", "mallory")) }),
        )
        .route(
            "/api/v1/accounts/{id}/statuses",
            get(|State(o): Origin| async move { json(data::timeline(&o)) }),
        )
        .route(
            "/api/v1/statuses/{id}",
            get(|State(o): Origin| async move { json(data::rich_status(&o)) }),
        )
        .route(
            "/api/v1/statuses/{id}/context",
            get(|State(o): Origin| async move { json(data::context(&o)) }),
        )
        .route(
            "/api/v2/search",
            get(|State(o): Origin| async move { json(data::search(&o)) }),
        )
        .route("/api/v2/instance", get(|| async { json(data::instance()) }))
        .route("/api/v1/instance", get(|| async { json(data::instance()) }))
        .route(
            "/.well-known/nodeinfo",
            get(|State(o): Origin| async move { json(data::nodeinfo_links(&o)) }),
        )
        .route("/nodeinfo/2.0", get(|| async { json(data::nodeinfo()) }))
        // Harmless media: nothing to show, but nothing that hangs either.
        .route(
            "/media/{name}",
            get(|| async {
                (
                    StatusCode::NOT_FOUND,
                    [(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")],
                )
            }),
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
        let app = routes().with_state(format!("http://127.0.0.1:{port}"));
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
