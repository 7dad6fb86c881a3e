//! Serves built folders on loopback, through site-gen's own server, with
//! the headers each folder's `_headers` asks for, as a static host that
//! reads that file would.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use site_gen::serve::{Mount, router, serve};

use crate::host_headers::HostHeaders;

pub struct StaticServer {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

/// Each served folder's `_headers`, under the prefix it is served at,
/// the longest prefix first so that a mount wins over the root.
type Served = Arc<Vec<(String, HostHeaders)>>;

impl StaticServer {
    /// Serves `site_dir` at `/` and each `(prefix, dir)` under its prefix.
    pub async fn start(site_dir: PathBuf, mounts: &[(&str, PathBuf)]) -> anyhow::Result<Self> {
        let mut served = vec![(String::new(), HostHeaders::read(&site_dir)?)];
        for (prefix, dir) in mounts {
            let prefix = format!("/{}", prefix.trim_matches('/'));
            served.push((prefix, HostHeaders::read(dir)?));
        }
        served.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        let mounts: Vec<Mount> = mounts
            .iter()
            .map(|(prefix, dir)| Mount {
                prefix: prefix.to_string(),
                dir: dir.clone(),
            })
            .collect();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let app = router(site_dir, &mounts, None).layer(middleware::from_fn_with_state(
            Arc::new(served),
            host_headers,
        ));
        let task = tokio::spawn(async move {
            let _ = serve(listener, app).await;
        });
        Ok(Self { port, task })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// Adds to each answer the headers its folder's `_headers` gives its path.
async fn host_headers(State(served): State<Served>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let folder = served.iter().find_map(|(prefix, headers)| {
        let rest = path.strip_prefix(prefix.as_str())?;
        (rest.is_empty() || rest.starts_with('/')).then_some((rest, headers))
    });
    if let Some((rest, headers)) = folder {
        let rest = if rest.is_empty() { "/" } else { rest };
        for (name, value) in headers.for_path(rest) {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    response
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
