//! Checks a built site's internal links: every relative `href` and `src`
//! must name a file in the output, and none may start with `/`, which would
//! break the site when it is served from a sub-path.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page holding the link, relative to the output root.
    pub page: String,
    pub link: String,
    pub why: &'static str,
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.page, self.link, self.why)
    }
}

/// Checks every HTML file below `out_dir`.
pub fn check_links(out_dir: &Path) -> std::io::Result<(usize, Vec<BrokenLink>)> {
    let mut pages = Vec::new();
    collect_html(out_dir, out_dir, &mut pages)?;
    pages.sort();
    let mut broken = Vec::new();
    let mut links = 0;
    for page in &pages {
        let html = std::fs::read_to_string(out_dir.join(page)).unwrap_or_default();
        for link in link_targets(&html) {
            links += 1;
            if let Some(why) = problem_with(out_dir, page, &link) {
                broken.push(BrokenLink {
                    page: page.clone(),
                    link,
                    why,
                });
            }
        }
    }
    Ok((links, broken))
}

fn collect_html(root: &Path, dir: &Path, pages: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_html(root, &path, pages)?;
        } else if path.extension().is_some_and(|ext| ext == "html") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            pages.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// The values of `href` and `src` attributes in `html`.
pub fn link_targets(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    let lower = html.to_ascii_lowercase();
    for name in ["href", "src"] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(name) {
            let start = from + found;
            from = start + name.len();
            let preceded = lower[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
            let rest = lower[from..].trim_start();
            if !preceded || !rest.starts_with('=') {
                continue;
            }
            let value_start = html.len() - rest.len() + 1;
            let value = html[value_start..].trim_start();
            let offset = html.len() - value.len();
            let (value, end) = match value.chars().next() {
                Some(quote @ ('"' | '\'')) => match value[1..].find(quote) {
                    Some(end) => (&value[1..=end], offset + end + 2),
                    None => continue,
                },
                _ => {
                    let end = value
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(value.len());
                    (&value[..end], offset + end)
                }
            };
            links.push(decode_entities(value));
            from = end.max(from);
        }
    }
    links
}

fn decode_entities(value: &str) -> String {
    value
        .replace("&#x2f;", "/")
        .replace("&#47;", "/")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

fn problem_with(out_dir: &Path, page: &str, link: &str) -> Option<&'static str> {
    let target = link.split(['#', '?']).next().unwrap_or_default();
    if target.is_empty() || has_scheme(link) || link.starts_with("//") {
        return None;
    }
    if target.starts_with('/') {
        return Some(
            "starts with `/`, which breaks when the site is served from a sub-path; use a relative link",
        );
    }
    let mut path: PathBuf = Path::new(page)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if !path.pop() {
                    return Some("climbs above the site's root");
                }
            }
            part => path.push(percent_decode(part)),
        }
    }
    let full = out_dir.join(&path);
    let exists = if target.ends_with('/') || full.is_dir() {
        full.join("index.html").is_file()
    } else {
        full.is_file()
    };
    (!exists).then_some("names no file in the output")
}

fn has_scheme(link: &str) -> bool {
    link.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && !scheme.contains('/')
    })
}

fn percent_decode(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%'
            && let Some(byte) = part
                .get(index + 1..index + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            index += 3;
            continue;
        }
        out.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_and_bare_attributes() {
        let html =
            r#"<a href="a/">x</a><img alt=x src='b.png'><link rel=x href=c.css><p data-href="no">"#;
        let mut links = link_targets(html);
        links.sort();
        assert_eq!(links, ["a/", "b.png", "c.css"]);
    }

    #[test]
    fn resolves_links_against_the_page() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("a/b/index.html"), "").unwrap();
        std::fs::write(dir.path().join("a/x.png"), "").unwrap();
        let check = |page: &str, link: &str| problem_with(dir.path(), page, link);
        assert_eq!(check("a/index.html", "b/"), None);
        assert_eq!(check("a/b/index.html", "../x.png#top"), None);
        assert_eq!(check("a/b/index.html", "https://elsewhere.example/"), None);
        assert_eq!(check("a/b/index.html", "mailto:x@y.org"), None);
        assert_eq!(check("index.html", "#main"), None);
        assert!(check("index.html", "/a/b/").unwrap().contains("sub-path"));
        assert!(
            check("index.html", "../../etc/passwd")
                .unwrap()
                .contains("above")
        );
        assert!(check("a/index.html", "c/").unwrap().contains("no file"));
    }
}
