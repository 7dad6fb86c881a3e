//! A static file server on loopback, for previewing a built site and, with
//! mounts, the client beside it. With live reload, each HTML page loads
//! `/__site-gen/reload.js`, told the build's version it was served from;
//! the script waits on `/__site-gen/version?after=N`, which answers as soon
//! as a rebuild makes the version newer than N (a long poll: one request
//! that the server holds, no timer in the page), and reloads the page.
//! The script is a file, not inline, so a strict CSP can allow it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderValue, Response, Uri, header};
use axum::routing::get;
use tokio::sync::watch;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

mod overlay;

pub use overlay::Overlay;

/// A folder served under a URL prefix such as `/app`.
#[derive(Clone, Debug)]
pub struct Mount {
    pub prefix: String,
    pub dir: PathBuf,
}

/// The build's version, bumped after each successful rebuild, and the
/// pages an edit made before the rebuild that covers it is in place.
pub struct LiveReload {
    version: watch::Sender<u64>,
    pub overlay: Overlay,
}

impl Default for LiveReload {
    fn default() -> Self {
        Self {
            version: watch::Sender::new(0),
            overlay: Overlay::default(),
        }
    }
}

impl LiveReload {
    pub fn bump(&self) {
        self.version.send_modify(|version| *version += 1);
    }

    pub fn version(&self) -> u64 {
        *self.version.borrow()
    }

    /// The version once it is newer than `after`, or the current one when
    /// `patience` runs out first.
    async fn newer_than(&self, after: u64, patience: Duration) -> u64 {
        let mut changes = self.version.subscribe();
        let _ = tokio::time::timeout(patience, changes.wait_for(|&now| now > after)).await;
        self.version()
    }
}

const VERSION_PATH: &str = "/__site-gen/version";
const SCRIPT_PATH: &str = "/__site-gen/reload.js";

/// How long a version request waits for a rebuild before answering with
/// the same version; the page then asks again.
const LONG_POLL: Duration = Duration::from_secs(25);

/// Waits for a version newer than the page's (from its own URL's `v`)
/// and reloads; after a failed request (the server restarting), it waits
/// a second before asking again.
const RELOAD_SCRIPT: &str = "(async()=>{const seen=new URL(document.currentScript.src).searchParams.get('v');\
for(;;){try{const r=await fetch('/__site-gen/version?after='+seen,{cache:'no-store'});\
if((await r.text()).trim()!==seen){location.reload();return}}\
catch(_){await new Promise(done=>setTimeout(done,1000))}}})();\n";

/// The version a page has, from `?after=N`.
fn after(uri: &Uri) -> Option<u64> {
    uri.query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("after="))?
        .parse()
        .ok()
}

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
        let waiting = live.clone();
        let editing = live.clone();
        router = router
            .route(
                VERSION_PATH,
                get(move |uri: Uri| async move {
                    let version = match after(&uri) {
                        Some(after) => waiting.newer_than(after, LONG_POLL).await,
                        None => waiting.version(),
                    };
                    ([(header::CACHE_CONTROL, "no-store")], version.to_string())
                }),
            )
            .route(
                SCRIPT_PATH,
                get(|| async {
                    (
                        [
                            (header::CONTENT_TYPE, "text/javascript"),
                            (header::CACHE_CONTROL, "no-store"),
                        ],
                        RELOAD_SCRIPT,
                    )
                }),
            )
            .layer(axum::middleware::from_fn(move |request, next| {
                let editing = editing.clone();
                async move { editing.overlay.serve(request, next).await }
            }))
            .layer(axum::middleware::map_response(move |response| {
                inject_reload_script(response, live.version())
            }));
    }
    // Everything served is public, and a reader's client on another
    // mirror checks this one's signed manifest before offering it.
    router.layer(SetResponseHeaderLayer::if_not_present(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    ))
}

async fn inject_reload_script(response: Response<Body>, version: u64) -> Response<Body> {
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
    let tag = format!("<script src=\"{SCRIPT_PATH}?v={version}\"></script>");
    match html.rfind("</body>") {
        Some(end) => html.insert_str(end, &tag),
        None => html.push_str(&tag),
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
