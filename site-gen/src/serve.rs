//! A static file server on loopback, for previewing a built site and, with
//! mounts, the client beside it. With live reload, HTML pages poll for the
//! build's version and reload when a rebuild changes it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderValue, Response, header};
use axum::routing::get;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// A folder served under a URL prefix such as `/app`.
#[derive(Clone, Debug)]
pub struct Mount {
    pub prefix: String,
    pub dir: PathBuf,
}

/// The build's version, bumped after each successful rebuild.
#[derive(Default)]
pub struct LiveReload {
    version: AtomicU64,
}

impl LiveReload {
    pub fn bump(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }
}

const VERSION_PATH: &str = "/__site-gen/version";

/// Polls the version once a second and reloads the page when it changes.
const RELOAD_SCRIPT: &str = "<script>(()=>{let seen=null;setInterval(async()=>{try{const r=await fetch('/__site-gen/version',{cache:'no-store'});const v=await r.text();if(seen!==null&&v!==seen)location.reload();seen=v}catch(_){}},1000)})()</script>";

/// The largest page that gets the live-reload script.
const MAX_INJECTED_PAGE: usize = 32 * 1024 * 1024;

/// The router that serves `site_dir` at `/` and each mount under its prefix.
pub fn router(site_dir: PathBuf, mounts: &[Mount], live: Option<Arc<LiveReload>>) -> Router {
    let not_found = ServeFile::new(site_dir.join("404.html"));
    let site = ServeDir::new(&site_dir)
        .append_index_html_on_directories(true)
        .not_found_service(not_found);
    let mut router = Router::new().fallback_service(site);
    for mount in mounts {
        let prefix = format!("/{}", mount.prefix.trim_matches('/'));
        router = router.nest_service(
            &prefix,
            ServeDir::new(&mount.dir).append_index_html_on_directories(true),
        );
    }
    if let Some(live) = live {
        router = router
            .route(
                VERSION_PATH,
                get(move || async move { live.version.load(Ordering::SeqCst).to_string() }),
            )
            .layer(axum::middleware::map_response(inject_reload_script));
    }
    // Everything served is public, and a reader's client on another
    // mirror checks this one's signed manifest before offering it.
    router.layer(SetResponseHeaderLayer::if_not_present(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    ))
}

async fn inject_reload_script(response: Response<Body>) -> Response<Body> {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_INJECTED_PAGE).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let mut html = String::from_utf8_lossy(&bytes).into_owned();
    match html.rfind("</body>") {
        Some(end) => html.insert_str(end, RELOAD_SCRIPT),
        None => html.push_str(RELOAD_SCRIPT),
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(html))
}

/// Serves until the task is dropped or the process stops.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}
