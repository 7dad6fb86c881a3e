//! Links from the site's root (`/images/storm.jpg`, `/posts/tide/`), as
//! other generators' content has them, made relative to the article's
//! page, so the site still works from a sub-path or a mirror's folder.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::content::markdown::options;

/// `markdown` with every root link of its Markdown links, images and
/// raw HTML made relative to the page at `slug`.
pub fn relative_to_page(markdown: &str, slug: &str) -> String {
    let depth = slug.split('/').filter(|part| !part.is_empty()).count();
    let up = "../".repeat(depth);
    let up = if up.is_empty() { "./" } else { up.as_str() };
    let mut starts: Vec<usize> = Vec::new();
    let parser = Parser::new_ext(markdown, options());
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if is_root_link(&dest_url)
                    && let Some(at) = destination_in(markdown, range, &dest_url)
                {
                    starts.push(at);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                starts.extend(root_links_in_html(markdown, range));
            }
            _ => {}
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = String::with_capacity(markdown.len() + starts.len() * up.len());
    let mut from = 0;
    for at in starts {
        out.push_str(&markdown[from..at]);
        out.push_str(up);
        // The leading `/` is dropped.
        from = at + 1;
    }
    out.push_str(&markdown[from..]);
    out
}

fn is_root_link(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

/// Where `url` starts in the link written at `range`, after its `](`.
fn destination_in(markdown: &str, range: Range<usize>, url: &str) -> Option<usize> {
    let written = markdown.get(range.clone())?;
    let open = written.rfind("](")? + 2;
    let after = &written[open..];
    let offset = after.find(url)?;
    after[..offset]
        .chars()
        .all(|c| c.is_whitespace() || c == '<')
        .then_some(range.start + open + offset)
}

/// The starts of root links in `href="/…"` and `src="/…"` attributes.
fn root_links_in_html(markdown: &str, range: Range<usize>) -> Vec<usize> {
    let Some(html) = markdown.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\"", "href='", "src='"] {
        let mut from = 0;
        while let Some(at) = html[from..].find(attribute) {
            let value = from + at + attribute.len();
            if is_root_link(&html[value..]) {
                found.push(range.start + value);
            }
            from = value;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_links_become_relative_to_the_page() {
        let markdown = "See [the tide](/posts/tide/) and ![storm](/images/storm.jpg \"Storm\").\n\n<img src=\"/images/a.png\"> [away](https://a.example/x) [near](b/) [net](//cdn.example/x)\n\n`[code](/not/a/link)`\n";
        assert_eq!(
            relative_to_page(markdown, "posts/first"),
            "See [the tide](../../posts/tide/) and ![storm](../../images/storm.jpg \"Storm\").\n\n<img src=\"../../images/a.png\"> [away](https://a.example/x) [near](b/) [net](//cdn.example/x)\n\n`[code](/not/a/link)`\n"
        );
        assert_eq!(relative_to_page("[home](/)", ""), "[home](./)");
    }
}
