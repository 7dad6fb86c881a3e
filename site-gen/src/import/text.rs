//! Text helpers every importer needs, so that all formats escape and
//! shorten text the same way.

/// Text as it may stand inside HTML, attribute values included.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// How long a title made from an article's text may be, in characters.
pub const TITLE_CHARS: usize = 60;

/// The first whole words of `text` that fit in `max_chars`, joined by
/// single spaces; its first `max_chars` characters when not even one word
/// fits.
pub fn first_words(text: &str, max_chars: usize) -> String {
    let mut words = String::new();
    for word in text.split_whitespace() {
        if words.chars().count() + word.chars().count() + 1 > max_chars {
            break;
        }
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(word);
    }
    if words.is_empty() {
        words = text.chars().take(max_chars).collect();
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_stop_before_the_word_that_would_not_fit() {
        assert_eq!(first_words("one two  three", 8), "one two");
        assert_eq!(first_words("one two", 60), "one two");
        assert_eq!(first_words("Pneumonoultramicroscopic", 6), "Pneumo");
    }

    #[test]
    fn html_escaping_covers_attribute_quotes() {
        assert_eq!(
            escape_html(r#"<a title="x">&"#),
            "&lt;a title=&quot;x&quot;&gt;&amp;"
        );
    }
}
