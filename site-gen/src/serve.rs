//! A static file server on loopback, for previewing a built site and, with
//! `mount`, the client beside it.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use tower_http::services::ServeDir;

/// A folder served under a URL prefix such as `/app`.
#[derive(Clone, Debug)]
pub struct Mount {
    pub prefix: String,
    pub dir: PathBuf,
}

/// The router that serves `site_dir` at `/` and each mount under its prefix.
pub fn router(site_dir: PathBuf, mounts: &[Mount]) -> Router {
    let not_found = site_dir.join("404.html");
    let mut router = Router::new().fallback_service(
        ServeDir::new(&site_dir)
            .append_index_html_on_directories(true)
            .not_found_service(tower_http::services::ServeFile::new(not_found)),
    );
    for mount in mounts {
        let prefix = format!("/{}", mount.prefix.trim_matches('/'));
        router = router.nest_service(
            &prefix,
            ServeDir::new(&mount.dir).append_index_html_on_directories(true),
        );
    }
    router
}

/// Serves until the task is dropped or the process stops.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}
