//! The allowlist: which elements, attributes and URLs status HTML may keep.

/// What becomes of an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementAction {
    /// The element stays, with only its allowed attributes.
    Keep,
    /// The element goes, its children stay.
    Unwrap,
    /// The element goes with everything inside it.
    Drop,
}

/// Elements that carry the formatting Mastodon-compatible servers send.
const KEPT: &[&str] = &[
    "p",
    "br",
    "span",
    "a",
    "del",
    "s",
    "pre",
    "code",
    "blockquote",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ul",
    "ol",
    "li",
    "ruby",
    "rt",
    "rp",
    "sub",
    "sup",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Elements whose content is code, media or chrome rather than text.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "link",
    "meta",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "option",
    "title",
    "head",
    "xmp",
    "plaintext",
    "portal",
    "canvas",
    "audio",
    "video",
    "source",
    "track",
    "img",
    "picture",
];

/// Classes with meaning in status HTML: microformats and Mastodon's own.
const KEPT_CLASSES: &[&str] = &[
    "h-card",
    "u-url",
    "mention",
    "hashtag",
    "invisible",
    "ellipsis",
    "quote-inline",
];

/// URL schemes a link may use.
const LINK_SCHEMES: &[&str] = &[
    "http", "https", "mailto", "xmpp", "gemini", "gopher", "ipfs", "ipns", "dat", "dweb", "magnet",
];

/// The rel every kept link gets, whatever the server sent.
pub const LINK_REL: &str = "noopener nofollow ugc";

pub fn element_action(tag: &str) -> ElementAction {
    let tag = tag.to_ascii_lowercase();
    if KEPT.contains(&tag.as_str()) {
        ElementAction::Keep
    } else if DROPPED.contains(&tag.as_str()) {
        ElementAction::Drop
    } else {
        ElementAction::Unwrap
    }
}

/// The value an attribute keeps on a kept element, or `None` to remove it.
pub fn allowed_attribute(tag: &str, name: &str, value: &str) -> Option<String> {
    let (tag, name) = (tag.to_ascii_lowercase(), name.to_ascii_lowercase());
    match (tag.as_str(), name.as_str()) {
        ("a", "href") => safe_link(value).map(str::to_string),
        (_, "class") => {
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|class| KEPT_CLASSES.contains(class))
                .collect();
            (!kept.is_empty()).then(|| kept.join(" "))
        }
        ("ol", "start") | ("li", "value") => {
            value.trim().parse::<i64>().ok().map(|n| n.to_string())
        }
        ("ol", "reversed") => Some(String::new()),
        (_, "lang") => value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
            .then(|| value.to_string()),
        _ => None,
    }
}

/// The link target if its scheme is on the allowlist. Relative links are
/// refused: in a status they would resolve against the client, not the server.
pub fn safe_link(href: &str) -> Option<&str> {
    let href = href.trim();
    let (scheme, rest) = href.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    let plain = scheme
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.');
    // `https:path` without `//` is relative to a page of the same scheme:
    // browsers read it as a link into the client itself.
    let absolute = !matches!(scheme.as_str(), "http" | "https") || rest.starts_with("//");
    (plain && absolute && LINK_SCHEMES.contains(&scheme.as_str())).then_some(href)
}

/// The URL if it is http(s): what an image, a video or a sound may load.
/// `safe_link`'s other schemes make sense for a link, not for a `src`.
pub fn http_url(url: &str) -> Option<&str> {
    let url = safe_link(url)?;
    let scheme = url.split_once(':')?.0;
    (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")).then_some(url)
}

/// Escapes text for use between tags or inside a double-quoted attribute.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_formatting_and_drops_active_content() {
        assert_eq!(element_action("P"), ElementAction::Keep);
        assert_eq!(element_action("a"), ElementAction::Keep);
        for tag in [
            "script", "iframe", "object", "embed", "base", "svg", "style", "form", "img",
        ] {
            assert_eq!(element_action(tag), ElementAction::Drop, "{tag}");
        }
        assert_eq!(element_action("div"), ElementAction::Unwrap);
        assert_eq!(element_action("marquee"), ElementAction::Unwrap);
    }

    #[test]
    fn links_keep_only_safe_schemes() {
        assert_eq!(safe_link(" https://x.org/a "), Some("https://x.org/a"));
        assert_eq!(safe_link("MAILTO:a@b.org"), Some("MAILTO:a@b.org"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "/relative",
            "//x.org",
            "java\tscript:x",
            "https:",
            "https:/relative",
            "HTTP:relative",
            "https:\\\\x.org",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn media_loads_only_over_http() {
        assert_eq!(
            http_url(" HTTPS://x.org/a.png"),
            Some("HTTPS://x.org/a.png")
        );
        assert_eq!(http_url("http://x.org/a.mp4"), Some("http://x.org/a.mp4"));
        for bad in [
            "magnet:?xt=x",
            "mailto:a@b",
            "data:image/png,x",
            "javascript:x",
            "",
            "x.png",
        ] {
            assert_eq!(http_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn attributes_are_allowlisted_per_element() {
        assert_eq!(
            allowed_attribute("a", "href", "https://x.org"),
            Some("https://x.org".into())
        );
        assert_eq!(allowed_attribute("a", "href", "javascript:x"), None);
        assert_eq!(allowed_attribute("a", "onclick", "x()"), None);
        assert_eq!(allowed_attribute("p", "style", "color:red"), None);
        assert_eq!(
            allowed_attribute("span", "class", "h-card evil mention"),
            Some("h-card mention".into())
        );
        assert_eq!(allowed_attribute("span", "class", "evil"), None);
        assert_eq!(allowed_attribute("ol", "start", "3"), Some("3".into()));
        assert_eq!(allowed_attribute("ol", "start", "3;x"), None);
        assert_eq!(allowed_attribute("p", "lang", "fr\" onload=\"x"), None);
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        let mut out = String::new();
        escape(r#"<a href="x">&'"#, &mut out);
        assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
