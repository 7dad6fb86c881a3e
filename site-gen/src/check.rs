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
    let mut pages = html_pages(out_dir)?;
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

/// Every HTML file below `root`, relative to it, with `/` separators.
fn html_pages(root: &Path) -> std::io::Result<Vec<String>> {
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(root).follow_links(true) {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type().is_dir() && path.extension().is_some_and(|ext| ext == "html") {
            let relative = path.strip_prefix(root).unwrap_or(path);
            pages.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(pages)
}

/// The values of `href` and `src` attributes in `html`, in document order.
/// The HTML tokenizer reads them as a browser does, so text that only
/// looks like a link, in a comment or a script, is not taken for one.
pub fn link_targets(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    crate::html_tags::each_start_tag(html, false, |tag| {
        links.extend(
            tag.attrs
                .iter()
                .filter(|attr| matches!(&*attr.name.local, "href" | "src"))
                .map(|attr| attr.value.to_string()),
        );
    });
    links
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
        assert_eq!(link_targets(html), ["a/", "b.png", "c.css"]);
        assert_eq!(link_targets("<a href=\"a&amp;b&#x2f;c\">"), ["a&b/c"]);
    }

    #[test]
    fn text_that_only_looks_like_a_link_is_not_one() {
        let html = concat!(
            "<!-- <a href=\"commented/\"> -->",
            "<script>var a = '<a href=\"scripted/\">';</script>",
            "<style>p::after { content: '<img src=x.png>' }</style>",
            "<title><a href=t/></title>",
            "<p>href=\"prose/\"</p>",
            "<a href=\"real/\">after</a>",
        );
        assert_eq!(link_targets(html), ["real/"]);
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
