//! What an entry's address on the old site tells: the slug it had, the
//! path that should keep working, and the base its relative links meant.

use url::Url;

use crate::content::slugify;

/// The last part of the link's path, when it reads as a slug someone
/// chose (`my-first-post`, `my-first-post.html`) rather than a number or
/// a script's name.
pub fn slug_from_link(link: &Url) -> Option<String> {
    let last = link.path_segments()?.rev().find(|part| !part.is_empty())?;
    let stem = [".html", ".htm", ".php", ".aspx", ".asp"]
        .iter()
        .find_map(|extension| last.strip_suffix(extension))
        .unwrap_or(last);
    let looks_chosen = !stem.is_empty()
        && stem.len() <= 120
        && stem != "index"
        && stem.chars().any(|c| c.is_ascii_alphabetic())
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    looks_chosen.then(|| stem.to_string())
}

/// The link's path, as an alias, when the link is on the site the feed
/// comes from: that old address then redirects to the imported article.
pub fn alias_on_site(link: &Url, site: Option<&Url>) -> Option<String> {
    let site = site?;
    if link.host_str() != site.host_str() || link.query().is_some() {
        return None;
    }
    let path = link.path().trim_matches('/');
    // A path with escapes would be a different address once unescaped.
    (!path.is_empty() && !path.contains('%')).then(|| path.to_string())
}

/// The slug for an entry: from its link when that reads as one, else from
/// its title (the writer falls back further when both are empty).
pub fn slug_for(link: Option<&Url>, title: &str) -> String {
    link.and_then(slug_from_link)
        .unwrap_or_else(|| slugify(title))
}

/// `text` as an absolute URL, resolved against `base` if it is relative.
pub fn absolute(text: &str, base: Option<&Url>) -> Option<Url> {
    let text = text.trim();
    match Url::parse(text) {
        Ok(url) => Some(url),
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(text).ok(),
        Err(_) => None,
    }
}

/// A file name for media at `url`: the last part of its path, with only
/// the characters any file system takes.
pub fn media_name(url: &Url, number: usize) -> String {
    let last = url
        .path_segments()
        .and_then(|mut parts| parts.next_back())
        .unwrap_or_default();
    let name: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_start_matches(['.', '-']);
    if name.is_empty() || name == "index.md" {
        format!("enclosure-{number}")
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn a_chosen_slug_is_taken_from_the_link_and_a_number_is_not() {
        let cases = [
            (
                "https://old.example/2021/01/hello-world/",
                Some("hello-world"),
            ),
            (
                "https://old.example/posts/night_watch.html",
                Some("night_watch"),
            ),
            ("https://old.example/?p=123", None),
            ("https://old.example/2021/01/10/", None),
            ("https://old.example/index.php", None),
            ("https://old.example/Hello%20World", None),
        ];
        for (link, expected) in cases {
            assert_eq!(slug_from_link(&url(link)).as_deref(), expected, "{link}");
        }
        assert_eq!(
            slug_for(Some(&url("https://old.example/?p=1")), "A Title!"),
            "a-title"
        );
    }

    #[test]
    fn an_alias_only_for_a_link_on_the_feeds_own_site() {
        let site = url("https://old.example/blog/");
        assert_eq!(
            alias_on_site(&url("https://old.example/2021/01/hello/"), Some(&site)).as_deref(),
            Some("2021/01/hello")
        );
        assert_eq!(
            alias_on_site(&url("https://elsewhere.example/hello/"), Some(&site)),
            None
        );
        assert_eq!(
            alias_on_site(&url("https://old.example/?p=12"), Some(&site)),
            None
        );
        assert_eq!(
            alias_on_site(&url("https://old.example/hello/"), None),
            None
        );
    }

    #[test]
    fn media_names_are_plain_file_names() {
        assert_eq!(
            media_name(&url("https://cdn.example/a/b/episode%201.mp3?x=1"), 1),
            "episode-201.mp3"
        );
        assert_eq!(media_name(&url("https://cdn.example/"), 2), "enclosure-2");
        assert_eq!(media_name(&url("https://cdn.example/.hidden"), 3), "hidden");
    }
}
