//! Plain text from WordPress's fields that hold HTML: titles keep the
//! entities WordPress's filters wrote (`&amp;`, `&#8217;`), excerpts tags.

/// `html` without tags, its entities read, on one line.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub use crate::html_text::decode_entities;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_tags_go() {
        assert_eq!(
            plain_text("Rock &amp; roll&#8217;s <em>best</em>&hellip; &unknown; &#x263A;"),
            "Rock & roll’s best … &unknown; ☺"
        );
    }
}
