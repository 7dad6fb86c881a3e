//! Which of a post's links a site may show.

/// Only links a site can show: not `javascript:` or the like.
pub fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}
