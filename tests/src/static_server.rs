//! Serves built folders on loopback, through site-gen's own server.

use std::path::PathBuf;

use site_gen::serve::{Mount, router, serve};

pub struct StaticServer {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl StaticServer {
    /// Serves `site_dir` at `/` and each `(prefix, dir)` under its prefix.
    pub async fn start(site_dir: PathBuf, mounts: &[(&str, PathBuf)]) -> anyhow::Result<Self> {
        let mounts: Vec<Mount> = mounts
            .iter()
            .map(|(prefix, dir)| Mount {
                prefix: prefix.to_string(),
                dir: dir.clone(),
            })
            .collect();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let app = router(site_dir, &mounts, None);
        let task = tokio::spawn(async move {
            let _ = serve(listener, app).await;
        });
        Ok(Self { port, task })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
