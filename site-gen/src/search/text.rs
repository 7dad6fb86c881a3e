//! The plain text of an article's rendered HTML, for its words and its
//! excerpt.

/// Tags inside a word (`<em>`, links) join their text to the next; the
/// others (paragraphs, cells, line breaks) separate it.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "u", "var",
];

/// The text of `html` with its tags dropped and its entities decoded,
/// runs of white space made one space.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        push_text(&mut text, &rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |end| end + 1);
            if !is_inline(&rest[..end]) {
                push_text(&mut text, " ");
            }
            rest = &rest[end..];
        } else {
            let (decoded, used) = entity(rest);
            push_text(&mut text, &decoded);
            rest = &rest[used..];
        }
    }
    push_text(&mut text, rest);
    text.trim_end().to_string()
}

fn push_text(text: &mut String, part: &str) {
    for c in part.chars() {
        if c.is_whitespace() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        } else {
            text.push(c);
        }
    }
}

fn is_inline(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    INLINE.contains(&name.to_ascii_lowercase().as_str())
}

/// The character an entity at the start of `text` stands for, and how many
/// bytes it takes; an `&` that starts no entity stands for itself.
fn entity(text: &str) -> (String, usize) {
    let Some(end) = text.find(';').filter(|&end| end <= 10) else {
        return ("&".into(), 1);
    };
    let name = &text[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn tags_go_and_entities_are_decoded() {
        let html = "<h2>Storm &amp; tide</h2>\n<p>Keep <em>wa</em>ter &#8217;n&#x2019; <a href=\"x\">radio</a>.</p><ul><li>one</li><li>two</li></ul>";
        assert_eq!(
            plain_text(html),
            "Storm & tide Keep water ’n’ radio. one two"
        );
        assert_eq!(plain_text("AT&T &bogus; x"), "AT&T &bogus; x");
    }
}
