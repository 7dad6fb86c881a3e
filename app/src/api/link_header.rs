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

/// Reads the `next` and `prev` links from a `Link` header value.
/// Entries it cannot read are skipped rather than failing the whole page.
pub fn parse_link_header(value: &str) -> Page {
    let mut page = Page::default();
    for entry in split_entries(value) {
        let Some((target, params)) = parse_entry(entry) else {
            continue;
        };
        for rel in params {
            match rel.as_str() {
                "next" if page.next.is_none() => page.next = Some(target.to_string()),
                "prev" | "previous" if page.prev.is_none() => page.prev = Some(target.to_string()),
                _ => {}
            }
        }
    }
    page
}

/// Splits on the commas between entries, not those inside `<…>` or quotes.
fn split_entries(value: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let (mut in_angle, mut in_quote, mut start) = (false, false, 0);
    for (i, c) in value.char_indices() {
        match c {
            '<' if !in_quote => in_angle = true,
            '>' if !in_quote => in_angle = false,
            '"' if !in_angle => in_quote = !in_quote,
            ',' if !in_angle && !in_quote => {
                entries.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    entries.push(&value[start..]);
    entries
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
    fn garbage_yields_an_empty_page() {
        assert_eq!(parse_link_header(""), Page::default());
        assert_eq!(parse_link_header("not a link; rel=next"), Page::default());
        assert_eq!(
            parse_link_header("<unterminated; rel=next"),
            Page::default()
        );
    }
}
