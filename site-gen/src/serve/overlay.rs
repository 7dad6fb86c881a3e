//! Pages newer than the output folder's copy, served in its place: an edit
//! is shown as soon as its own page is rendered, while the build that
//! brings the rest of the site up to date runs. Once that build is in
//! place, the pages it covers are forgotten and the folder serves again.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{Method, Response, header};
use axum::middleware::Next;

/// Pages by their path in the output, each with the edit that made it.
#[derive(Default)]
pub struct Overlay {
    pages: Mutex<HashMap<String, (u64, Bytes)>>,
}

impl Overlay {
    /// Serves `contents` at `path` (relative to the output) from now on;
    /// `edit` numbers the change it shows.
    pub fn put(&self, path: &str, contents: impl Into<Bytes>, edit: u64) {
        self.lock().insert(
            path.trim_start_matches('/').to_string(),
            (edit, contents.into()),
        );
    }

    /// Forgets the pages of edits up to `edit`, which a finished build
    /// has written into the output.
    pub fn settle(&self, edit: u64) {
        self.lock().retain(|_, (made_by, _)| *made_by > edit);
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, path: &str) -> Option<Bytes> {
        self.lock().get(path).map(|(_, bytes)| bytes.clone())
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, (u64, Bytes)>> {
        self.pages.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Answers a request for a page the overlay holds; hands every other
    /// request on.
    pub async fn serve(&self, request: Request, next: Next) -> Response<Body> {
        if request.method() == Method::GET || request.method() == Method::HEAD {
            let path = output_path(request.uri().path());
            if let Some(bytes) = path.and_then(|path| self.get(&path)) {
                let kind = content_type(request.uri().path());
                return Response::builder()
                    .header(header::CONTENT_TYPE, kind)
                    .header(header::CACHE_CONTROL, "no-store")
                    .body(Body::from(bytes))
                    .unwrap_or_default();
            }
        }
        next.run(request).await
    }
}

/// The file a URL path names in the output: a folder's `index.html`.
fn output_path(url_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .ok()?;
    let relative = decoded.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    Some(if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    })
}

fn content_type(url_path: &str) -> &'static str {
    let name = url_path.rsplit('/').next().unwrap_or_default();
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        None | Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{Overlay, output_path};

    #[test]
    fn folders_are_their_index_and_names_are_decoded() {
        assert_eq!(output_path("/").unwrap(), "index.html");
        assert_eq!(output_path("/storm/").unwrap(), "storm/index.html");
        assert_eq!(output_path("/%C3%A9t%C3%A9/").unwrap(), "été/index.html");
        assert_eq!(output_path("/search/d/3.js").unwrap(), "search/d/3.js");
        assert_eq!(output_path("/a/../../etc/passwd"), None);
    }

    #[test]
    fn a_finished_build_settles_only_the_edits_it_covers() {
        let overlay = Overlay::default();
        overlay.put("storm/index.html", "one", 1);
        overlay.put("/tide/index.html", "two", 2);
        assert_eq!(overlay.get("tide/index.html").unwrap(), "two");
        overlay.settle(1);
        assert!(overlay.get("storm/index.html").is_none());
        assert_eq!(overlay.len(), 1);
        overlay.settle(2);
        assert!(overlay.is_empty());
    }
}
