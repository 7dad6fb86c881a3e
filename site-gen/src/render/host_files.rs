//! Files for the host and for programs rather than the reader:
//! `robots.txt`, the `_headers` and `_redirects` that Netlify- and
//! Cloudflare Pages-style hosts read, and `mirrors.json`, the publisher's
//! mirrors, which the signed manifest lists like any file.

use super::Page;
use crate::content::Site;

/// Every host file of the site; `mirrors.json` when it has mirrors.
pub fn pages(site: &Site) -> Vec<Page> {
    let mut pages = vec![
        ("robots.txt", robots(site.config.base_url.as_deref())),
        ("_headers", headers()),
        ("_redirects", redirects(site)),
    ];
    if !site.config.mirrors.is_empty() {
        pages.push(("mirrors.json", mirrors(&site.config.mirrors)));
    }
    pages
        .into_iter()
        .map(|(path, contents)| Page {
            path: path.into(),
            contents,
        })
        .collect()
}

/// A JSON array of the mirrors' URLs, as `site.toml` lists them.
fn mirrors(urls: &[String]) -> String {
    let mut json = serde_json::to_string_pretty(urls).unwrap_or_default();
    json.push('\n');
    json
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
