//! Markdown to HTML: CommonMark with the extensions publishers expect,
//! heading ids, optional French typography, and raw HTML sanitized unless
//! the publisher trusts it.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

use super::html_depth::nests_too_deep;
use super::language::primary_language;
use crate::config::SiteConfig;
use crate::content::markdown::options;
use crate::content::slugify;

use super::sanitize::SANITIZER;
pub use super::sanitize::{sanitize_comment_html, sanitize_html, sanitize_html_with_base};

/// Renders an article body for `lang`.
pub fn markdown_to_html(markdown: &str, config: &SiteConfig, lang: &str) -> String {
    let french = config.french_typography && primary_language(lang) == "fr";
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    assign_heading_ids(&mut events);
    if french {
        for event in &mut events {
            if let Event::Text(text) = event {
                *text = CowStr::from(french_spacing(text));
            }
        }
    }
    let mut has_raw_html = events
        .iter()
        .any(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)));
    if has_raw_html && !config.trust_html && nests_too_deep(&events) {
        // The sanitizer's parser would take minutes over it: the raw HTML
        // is shown as the text it is instead.
        for event in &mut events {
            if let Event::Html(html) | Event::InlineHtml(html) = event {
                *event = Event::Text(std::mem::replace(html, CowStr::Borrowed("")));
            }
        }
        has_raw_html = false;
    }
    if !config.trust_html {
        // A heading's `{key=value}` block becomes an attribute as written,
        // `onclick` as much as `lang`: only its id and classes are kept.
        for event in &mut events {
            if let Event::Start(Tag::Heading { attrs, .. }) = event {
                attrs.clear();
            }
        }
    }
    if !config.trust_html && !has_raw_html {
        // Without raw HTML, Markdown can only smuggle script in a link.
        for event in &mut events {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event
                && !is_safe_url(dest_url)
            {
                *dest_url = CowStr::Borrowed("#");
            }
        }
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if config.trust_html || !has_raw_html {
        out
    } else {
        SANITIZER.clean(&out).to_string()
    }
}

/// Relative URLs and those with a scheme that cannot run script.
fn is_safe_url(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return true;
    };
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    let scheme = scheme.trim().to_ascii_lowercase();
    [
        "http", "https", "mailto", "tel", "ftp", "gemini", "ipfs", "ipns", "xmpp", "magnet",
    ]
    .contains(&scheme.as_str())
}

/// Gives every heading without an explicit `{#id}` one made from its text,
/// unique within the article.
fn assign_heading_ids(events: &mut [Event]) {
    let mut taken: HashSet<String> = HashSet::new();
    for event in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            taken.insert(id.to_string());
        }
    }
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading {
            id: None, level, ..
        }) = &events[index]
        {
            let level: HeadingLevel = *level;
            let mut text = String::new();
            for event in &events[index + 1..] {
                match event {
                    Event::End(TagEnd::Heading(end)) if *end == level => break,
                    Event::Text(part) | Event::Code(part) => text.push_str(part),
                    _ => {}
                }
            }
            let base = match slugify(&text) {
                slug if slug.is_empty() => "section".to_string(),
                slug => slug,
            };
            let mut id = base.clone();
            let mut n = 1;
            while !taken.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[index] {
                *slot = Some(CowStr::from(id));
            }
        }
        index += 1;
    }
}

const NBSP: char = '\u{a0}';
const NARROW_NBSP: char = '\u{202f}';

/// French spacing: a narrow no-break space before ; ! ?, a no-break space
/// before : and inside « ». Only an ordinary space is replaced: none is
/// added before ; : ! ? where the author wrote none, as in URLs and times.
pub fn french_spacing(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let space_before = match c {
            ';' | '!' | '?' => Some(NARROW_NBSP),
            ':' | '»' => Some(NBSP),
            _ => None,
        };
        if let Some(space) = space_before {
            if out.ends_with(' ') {
                out.pop();
                out.push(space);
            } else if c == '»' && index > 0 && !chars[index - 1].is_whitespace() {
                out.push(space);
            }
            out.push(c);
            continue;
        }
        if c == ' ' && out.ends_with('«') {
            out.push(NBSP);
            continue;
        }
        out.push(c);
        if c == '«'
            && chars
                .get(index + 1)
                .is_some_and(|next| !next.is_whitespace())
        {
            out.push(NBSP);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> String {
        markdown_to_html(markdown, &SiteConfig::default(), "en")
    }

    #[test]
    fn renders_extensions() {
        let html = render("| a |\n|---|\n| b |\n\n~~x~~ \"q\"[^1]\n\n- [x] done\n\n[^1]: n\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>x</del>"), "{html}");
        assert!(html.contains("“q”"), "{html}");
        assert!(html.contains("footnote"), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
    }

    #[test]
    fn raw_html_is_sanitized_unless_trusted() {
        let source =
            "<script>alert(1)</script>\n\nHi <b onclick=x>there</b> <a href=\"javascript:x\">l</a>";
        let clean = render(source);
        assert!(!clean.contains("<script"), "{clean}");
        assert!(!clean.contains("onclick"), "{clean}");
        assert!(!clean.contains("javascript:"), "{clean}");
        assert!(clean.contains("<b>there</b>"), "{clean}");
        let trusted = SiteConfig {
            trust_html: true,
            ..SiteConfig::default()
        };
        assert!(markdown_to_html(source, &trusted, "en").contains("<script>"));
    }

    #[test]
    fn markdown_links_cannot_carry_script() {
        for link in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "![x](data:text/html,x)",
            "[x](vbscript:x)",
        ] {
            let html = render(link);
            assert!(
                html.contains("href=\"#\"") || html.contains("src=\"#\""),
                "{link} gave {html}"
            );
        }
        for link in [
            "[x](../a/)",
            "[x](https://x.org/a:b)",
            "[x](mailto:a@b.org)",
            "[x](a/b?c=d:e)",
        ] {
            assert!(!render(link).contains("\"#\""), "{link} was refused");
        }
    }

    #[test]
    fn headings_get_unique_ids() {
        let html = render("# Le Phare\n\n## Le phare\n\n## Custom {#mine}\n\n## `code` title\n");
        assert!(html.contains("<h1 id=\"le-phare\">"), "{html}");
        assert!(html.contains("<h2 id=\"le-phare-2\">"), "{html}");
        assert!(html.contains("<h2 id=\"mine\">"), "{html}");
        assert!(html.contains("<h2 id=\"code-title\">"), "{html}");
    }

    #[test]
    fn french_typography_only_for_french_when_enabled() {
        assert_eq!(
            french_spacing("Quoi ? Oui ! « Bien » : fini ; voilà"),
            "Quoi\u{202f}? Oui\u{202f}! «\u{a0}Bien\u{a0}»\u{a0}: fini\u{202f}; voilà"
        );
        assert_eq!(french_spacing("«Bien»"), "«\u{a0}Bien\u{a0}»");
        assert_eq!(
            french_spacing("https://x.org/?a=1 à 10:30"),
            "https://x.org/?a=1 à 10:30"
        );
        let config = SiteConfig {
            french_typography: true,
            ..SiteConfig::default()
        };
        assert!(markdown_to_html("Quoi ?", &config, "fr").contains('\u{202f}'));
        assert!(!markdown_to_html("Quoi ?", &config, "en").contains('\u{202f}'));
        assert!(
            !markdown_to_html("`a ?`", &config, "fr").contains('\u{202f}'),
            "code is left alone"
        );
    }
}
