//! Files for the host rather than the reader: `robots.txt`, and the
//! `_headers` and `_redirects` that Netlify- and Cloudflare Pages-style
//! hosts read.

use super::Page;
use crate::content::Site;

/// Every host file of the site.
pub fn pages(site: &Site) -> [Page; 3] {
    [
        ("robots.txt", robots(site.config.base_url.as_deref())),
        ("_headers", headers()),
        ("_redirects", redirects(site)),
    ]
    .map(|(path, contents)| Page {
        path: path.into(),
        contents,
    })
}

/// Fingerprinted assets are cached for ever, the rest briefly.
fn headers() -> String {
    let long = crate::mirror::cache_control(crate::mirror::FileKind::Fingerprinted);
    let short = crate::mirror::cache_control(crate::mirror::FileKind::Changing);
    let manifest = crate::reserved::MANIFEST_PATH;
    format!(
        "/assets/*\n  Cache-Control: {long}\n/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n/*.html\n  Cache-Control: {short}\n/{manifest}\n  Cache-Control: {short}\n"
    )
}

/// Each alias moves permanently to its article. These hosts serve the
/// site at their root, so paths start at `/`.
fn redirects(site: &Site) -> String {
    let mut lines = String::new();
    for article in &site.articles {
        for alias in &article.aliases {
            lines.push_str(&format!("/{} /{} 301\n", alias.url(), article.path.url()));
        }
    }
    lines
}

fn robots(base_url: Option<&str>) -> String {
    let sitemap = base_url
        .map(|base| format!("Sitemap: {base}/sitemap.xml\n"))
        .unwrap_or_default();
    format!("User-agent: *\nAllow: /\n{sitemap}")
}
