//! RFC 8288 `Link` headers, which Mastodon uses to page through timelines.

/// Where the next and previous pages of a list are, as the server gave them.
/// IDs inside these URLs are opaque: only the server knows their order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// Older items.
    pub next: Option<String>,
    /// Newer items.
    pub prev: Option<String>,
}

/// How much of a header is read. Mastodon's are a few hundred bytes; of a
/// header of megabytes, only the entries that end within the first 16 KiB
/// are read, so that a hostile server cannot make the client scan or hold
/// more than that.
const MOST_READ: usize = 16 * 1024;

/// Reads the `next` and `prev` links from a `Link` header value.
/// Entries it cannot read are skipped rather than failing the whole page,
/// and so are links that are not http(s): the client follows only those.
pub fn parse_link_header(value: &str) -> Page {
    let mut page = Page::default();
    for entry in entries(value) {
        let Some((target, params)) = parse_entry(entry) else {
            continue;
        };
        if !is_http_url(target) {
            continue;
        }
        for rel in params {
            match rel.as_str() {
                "next" if page.next.is_none() => page.next = Some(target.to_string()),
                "prev" | "previous" if page.prev.is_none() => page.prev = Some(target.to_string()),
                _ => {}
            }
        }
        if page.next.is_some() && page.prev.is_some() {
            break;
        }
    }
    page
}

/// An absolute http(s) URL with nothing in it that a URL cannot hold.
fn is_http_url(target: &str) -> bool {
    let lower = |n: usize| target.get(..n).map(str::to_ascii_lowercase);
    (lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://"))
        && !target.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The entries within the first `MOST_READ` bytes, one at a time: the
/// last one only if the header ends there too.
fn entries(value: &str) -> impl Iterator<Item = &str> {
    let mut end = MOST_READ.min(value.len());
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    let whole = end == value.len();
    let mut rest = Some(&value[..end]);
    std::iter::from_fn(move || {
        let text = rest?;
        match entry_end(text) {
            Some(comma) => {
                rest = Some(&text[comma + 1..]);
                Some(&text[..comma])
            }
            None => {
                rest = None;
                whole.then_some(text)
            }
        }
    })
}

/// Where the first entry ends: at a comma, not one inside `<…>` or quotes.
fn entry_end(text: &str) -> Option<usize> {
    let (mut in_angle, mut in_quote) = (false, false);
    for (i, c) in text.char_indices() {
        match c {
            '<' if !in_quote => in_angle = true,
            '>' if !in_quote => in_angle = false,
            '"' if !in_angle => in_quote = !in_quote,
            ',' if !in_angle && !in_quote => return Some(i),
            _ => {}
        }
    }
    None
}

/// Returns the target and the lower-cased relation types of one entry.
fn parse_entry(entry: &str) -> Option<(&str, Vec<String>)> {
    let entry = entry.trim();
    let rest = entry.strip_prefix('<')?;
    let end = rest.find('>')?;
    let target = rest[..end].trim();
    let mut rels = Vec::new();
    for param in rest[end + 1..].split(';') {
        let Some((name, value)) = param.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("rel") {
            let value = value.trim().trim_matches('"');
            rels.extend(value.split_ascii_whitespace().map(str::to_ascii_lowercase));
        }
    }
    Some((target, rels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_mastodon_pagination() {
        let header = r#"<https://example.social/api/v1/timelines/home?max_id=109>; rel="next", <https://example.social/api/v1/timelines/home?min_id=120>; rel="prev""#;
        let page = parse_link_header(header);
        assert_eq!(
            page.next.as_deref(),
            Some("https://example.social/api/v1/timelines/home?max_id=109")
        );
        assert_eq!(
            page.prev.as_deref(),
            Some("https://example.social/api/v1/timelines/home?min_id=120")
        );
    }

    #[test]
    fn tolerates_odd_spacing_unquoted_rels_and_commas_in_urls() {
        let header = "  <https://x.org/a?tags=a,b>;rel=next ,<https://x.org/b>; title=\"x, y\"; rel=\"prev other\"";
        let page = parse_link_header(header);
        assert_eq!(page.next.as_deref(), Some("https://x.org/a?tags=a,b"));
        assert_eq!(page.prev.as_deref(), Some("https://x.org/b"));
    }

    #[test]
    fn only_http_links_are_read() {
        let header = "<javascript:alert(1)>; rel=next, </api/v1/x>; rel=next, <data:,x>; rel=prev, \
                      <https://x.org/a b>; rel=prev, <HTTPS://x.org/n>; rel=next, <http://x.org/p>; rel=prev";
        let page = parse_link_header(header);
        assert_eq!(page.next.as_deref(), Some("HTTPS://x.org/n"));
        assert_eq!(page.prev.as_deref(), Some("http://x.org/p"));
    }

    #[test]
    fn garbage_yields_an_empty_page() {
        assert_eq!(parse_link_header(""), Page::default());
        assert_eq!(parse_link_header("not a link; rel=next"), Page::default());
        assert_eq!(
            parse_link_header("<unterminated; rel=next"),
            Page::default()
        );
    }
}
