//! Custom emoji: `:shortcode:` in text becomes the server's image, when
//! the status or account lists that shortcode with a safe URL.

use super::policy::{escape, http_url};
use crate::api::CustomEmoji;

/// Escapes `text` into `out`, with known `:shortcode:`s as images.
pub fn emojify(text: &str, emojis: &[CustomEmoji], out: &mut String) {
    if emojis.is_empty() {
        escape(text, out);
        return;
    }
    let mut rest = text;
    while let Some(start) = rest.find(':') {
        let after = &rest[start + 1..];
        let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        let found = match end {
            Some(end) if end > 0 && after[end..].starts_with(':') => {
                let code = &after[..end];
                emojis
                    .iter()
                    .find(|emoji| emoji.shortcode == code)
                    .and_then(|emoji| {
                        let url = if emoji.static_url.is_empty() {
                            &emoji.url
                        } else {
                            &emoji.static_url
                        };
                        // An image: it loads over http(s) only, as media does.
                        http_url(url).map(|url| (code, url.to_string(), end))
                    })
            }
            _ => None,
        };
        match found {
            Some((code, url, end)) => {
                escape(&rest[..start], out);
                out.push_str("<img class=\"emoji\" src=\"");
                escape(&url, out);
                out.push_str("\" alt=\":");
                escape(code, out);
                out.push_str(":\" title=\":");
                escape(code, out);
                out.push_str(":\" draggable=\"false\">");
                rest = &after[end + 1..];
            }
            None => {
                escape(&rest[..=start], out);
                rest = after;
            }
        }
    }
    escape(rest, out);
}

/// A display name as safe HTML, with its custom emoji.
pub fn name_html(name: &str, emojis: &[CustomEmoji]) -> String {
    let mut out = String::with_capacity(name.len());
    emojify(name, emojis, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emoji(code: &str, url: &str) -> CustomEmoji {
        CustomEmoji {
            shortcode: code.into(),
            url: url.into(),
            static_url: String::new(),
        }
    }

    #[test]
    fn known_shortcodes_become_images_and_the_rest_stays_text() {
        let emojis = [
            emoji("blobcat", "https://x.org/blobcat.png"),
            emoji("evil", "javascript:alert(1)"),
            // Found by fuzzing: a link's schemes are not an image's.
            emoji("magnet", "magnet:?xt=urn:btih:x"),
        ];
        assert_eq!(
            name_html("Ada :blobcat: 10:30 :nope: :evil: :magnet: <b>", &emojis),
            "Ada <img class=\"emoji\" src=\"https://x.org/blobcat.png\" alt=\":blobcat:\" title=\":blobcat:\" draggable=\"false\"> 10:30 :nope: :evil: :magnet: &lt;b&gt;"
        );
        assert_eq!(name_html("a:b", &[]), "a:b");
        assert_eq!(name_html("::blobcat::", &emojis).matches("<img").count(), 1);
    }
}
