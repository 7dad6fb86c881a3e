//! WordPress's plain addresses, `/?p=123` and `/?page_id=7`, cannot be
//! files on a static host: every host serves the home page for them. When
//! articles keep their WordPress id (`extra.wordpress_id`, written by
//! `site-gen import`), the home page loads this one small script, which
//! sends such an address on to the article's page. It is a file rather
//! than inline code so that the site works under a strict
//! Content-Security-Policy.

use std::collections::BTreeMap;

use serde_json::Value;

use super::Page;
use super::fingerprint::fingerprinted;
use crate::content::Site;

/// The script, when some article has a WordPress id.
pub fn script(site: &Site) -> Option<Page> {
    let mut paths = BTreeMap::new();
    for article in &site.articles {
        let id = match article.extra.get("wordpress_id") {
            Some(Value::Number(number)) => number.as_u64(),
            Some(Value::String(text)) => text.trim().parse().ok(),
            _ => None,
        };
        if let Some(id) = id {
            paths.insert(id.to_string(), article.path.url().to_string());
        }
    }
    if paths.is_empty() {
        return None;
    }
    let paths = serde_json::to_string(&paths).ok()?;
    let contents = format!(
        "// Sends WordPress's old addresses (?p=ID, ?page_id=ID) on to their article.\n\
         (function () {{\n\
         \x20 var paths = {paths};\n\
         \x20 var query = new URLSearchParams(window.location.search);\n\
         \x20 var id = query.get(\"p\") || query.get(\"page_id\");\n\
         \x20 if (id && Object.prototype.hasOwnProperty.call(paths, id)) {{\n\
         \x20   window.location.replace(paths[id]);\n\
         \x20 }}\n\
         }})();\n"
    );
    Some(Page {
        path: fingerprinted("assets/wordpress-ids", "js", contents.as_bytes()),
        contents,
    })
}
