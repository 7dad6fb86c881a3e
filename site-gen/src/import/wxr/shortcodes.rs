//! WordPress shortcodes (`[caption]`, `[gallery]`, `[embed]`, `[audio]`,
//! `[video]`) as the HTML they stand for. Others are left as text, their
//! names collected so that each is reported once.

use std::collections::BTreeSet;

use super::media::Attachments;
use crate::import::text::escape_html;

/// What a shortcode needs to know besides itself.
pub struct Context<'a> {
    pub attachments: &'a Attachments,
    /// The post, whose attachments a `[gallery]` without `ids` shows.
    pub post_id: Option<u64>,
}

/// `text` with every known shortcode replaced; unknown names go to `unknown`.
pub fn expand(text: &str, context: &Context, unknown: &mut BTreeSet<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // `[[name]]` is how WordPress writes a shortcode's own text.
        if let Some(inner) = rest.strip_prefix("[[")
            && let Some(end) = inner.find("]]")
        {
            out.push('[');
            out.push_str(&inner[..end]);
            out.push(']');
            rest = &inner[end + 2..];
            continue;
        }
        match parse(rest) {
            Some(code) => {
                let html = match code.name.as_str() {
                    "caption" | "wp_caption" => Some(caption(&code)),
                    "gallery" => Some(gallery(&code, context)),
                    "embed" => Some(link_paragraph(code.content.unwrap_or_default().trim())),
                    "audio" | "video" => Some(media_link(&code)),
                    _ => None,
                };
                match html {
                    Some(html) => out.push_str(&html),
                    None => {
                        unknown.insert(code.name.clone());
                        out.push_str(&rest[..code.length]);
                    }
                }
                rest = &rest[code.length..];
            }
            None => {
                out.push('[');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

struct Shortcode<'a> {
    name: String,
    attributes: Vec<(String, String)>,
    content: Option<&'a str>,
    /// Bytes of the source it takes, closing tag included.
    length: usize,
}

impl Shortcode<'_> {
    fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.trim().is_empty())
    }
}

/// The shortcode at the start of `text`, which starts with `[`.
fn parse(text: &str) -> Option<Shortcode<'_>> {
    let name: String = text[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after_name = 1 + name.len();
    if !matches!(
        text.as_bytes().get(after_name),
        Some(b' ' | b']' | b'/' | b'\t' | b'\n')
    ) {
        return None;
    }
    let close = text.find(']')?;
    let inside = &text[after_name..close];
    let self_closing = inside.trim_end().ends_with('/');
    let attributes = attributes(inside.trim_end().trim_end_matches('/'));
    let open_end = close + 1;
    let closing_tag = format!("[/{name}]");
    let (content, length) = match text[open_end..].find(&closing_tag) {
        Some(end) if !self_closing => (
            Some(&text[open_end..open_end + end]),
            open_end + end + closing_tag.len(),
        ),
        _ => (None, open_end),
    };
    Some(Shortcode {
        name: name.to_ascii_lowercase(),
        attributes,
        content,
        length,
    })
}

/// `key="value" key='value' key=value value…`; bare values get their position as key.
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_end);
        let after = after.trim_start();
        let (key, value, remaining) = if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let (value, remaining) = match value.chars().next() {
                Some(quote @ ('"' | '\'' | '\u{201d}' | '\u{2033}')) => {
                    let body = &value[quote.len_utf8()..];
                    let end = body.find(quote).unwrap_or(body.len());
                    (
                        &body[..end],
                        body.get(end + quote.len_utf8()..).unwrap_or(""),
                    )
                }
                _ => {
                    let end = value.find(char::is_whitespace).unwrap_or(value.len());
                    value.split_at(end)
                }
            };
            (key.to_ascii_lowercase(), value.to_string(), remaining)
        } else {
            let trimmed = key.trim_matches(['"', '\'']);
            (found.len().to_string(), trimmed.to_string(), after)
        };
        found.push((key, value));
        rest = remaining.trim_start();
    }
    found
}

/// `[caption]<img …> The caption[/caption]`, or the caption in an attribute.
fn caption(code: &Shortcode) -> String {
    let content = code.content.unwrap_or_default().trim();
    let split = content
        .rfind("</a>")
        .map(|at| at + 4)
        .or_else(|| {
            content
                .find("<img")
                .and_then(|at| content[at..].find('>').map(|end| at + end + 1))
        })
        .unwrap_or(0);
    let (image, text) = content.split_at(split);
    let text = code.attribute("caption").unwrap_or(text).trim();
    if text.is_empty() {
        return format!("<figure>{}</figure>", image.trim());
    }
    format!(
        "<figure>{}<figcaption><em>{text}</em></figcaption></figure>",
        image.trim()
    )
}

/// `[gallery ids="1,2"]`, or the post's attached images when it names none.
fn gallery(code: &Shortcode, context: &Context) -> String {
    let listed: Vec<u64> = code
        .attribute("ids")
        .or_else(|| code.attribute("include"))
        .map(|ids| {
            ids.split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let ids = if listed.is_empty() {
        context
            .post_id
            .map(|post| context.attachments.children_of(post))
            .unwrap_or_default()
    } else {
        listed
    };
    let mut html = String::new();
    for attachment in ids.iter().filter_map(|id| context.attachments.get(*id)) {
        let image = format!(
            "<img src=\"{}\" alt=\"{}\">",
            escape_html(&attachment.url),
            escape_html(&attachment.alt)
        );
        if attachment.caption.is_empty() {
            html.push_str(&format!("<p>{image}</p>"));
        } else {
            html.push_str(&format!(
                "<figure>{image}<figcaption><em>{}</em></figcaption></figure>",
                escape_html(&attachment.caption)
            ));
        }
    }
    html
}

/// A paragraph holding a link to `url`, its text the URL itself.
pub fn link_paragraph(url: &str) -> String {
    if url.is_empty() {
        return String::new();
    }
    let url = escape_html(url);
    format!("<p><a href=\"{url}\">{url}</a></p>")
}

/// `[audio mp3="…"]`, `[video src="…"]`: a link to the file, named by it.
fn media_link(code: &Shortcode) -> String {
    const SOURCES: &[&str] = &[
        "src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac", "mp4", "m4v", "webm", "ogv",
        "wmv", "flv", "mov",
    ];
    let url = SOURCES
        .iter()
        .find_map(|key| code.attribute(key))
        .or(code.content.map(str::trim))
        .unwrap_or_default();
    if url.is_empty() {
        return String::new();
    }
    let name = url
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').next())
        .filter(|name| !name.is_empty())
        .unwrap_or(url);
    format!(
        "<p><a href=\"{}\">{}</a></p>",
        escape_html(url),
        escape_html(name)
    )
}

#[cfg(test)]
#[path = "shortcodes_tests.rs"]
mod tests;
