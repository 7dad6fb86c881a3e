//! Plain text from a post's HTML, for the titles posts lack.

use crate::import::text::{TITLE_CHARS, first_words};

/// The text of `html`, tags dropped, entities read, blanks folded.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[start + 1..start + end];
        // Paragraphs and line breaks separate words.
        if tag.starts_with("/p") || tag.starts_with("br") || tag.starts_with("/li") {
            text.push(' ');
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    let text = crate::html_text::decode_entities(&text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title from a post's text: its first sentence when short, else its
/// first words up to about sixty characters.
pub fn title_from(text: &str) -> String {
    let sentence_end = text
        .char_indices()
        .find(|&(at, c)| {
            matches!(c, '.' | '!' | '?' | '…')
                && text[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(at, c)| at + c.len_utf8());
    let sentence = sentence_end.map_or(text, |end| &text[..end]);
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence.trim().to_string();
    }
    let title = first_words(text, TITLE_CHARS);
    format!("{}…", title.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_comes_out_of_mastodons_html() {
        let html = "<p>Hello <a href=\"https://a.example/@bob\" class=\"u-url mention\">@<span>bob</span></a> &amp; all&#33;</p><p>Second&#x2F;line</p>";
        assert_eq!(plain_text(html), "Hello @bob & all! Second/line");
        assert_eq!(plain_text("a &bogus b"), "a &bogus b");
    }

    #[test]
    fn titles_are_the_first_sentence_or_cut_on_a_word() {
        assert_eq!(title_from("Short one. Then more."), "Short one.");
        let long = "This sentence goes on and on well past the sixty characters a title may hold";
        let title = title_from(long);
        assert_eq!(
            title,
            "This sentence goes on and on well past the sixty characters…"
        );
        assert!(title.chars().count() <= TITLE_CHARS + 1);
        assert_eq!(title_from("v1.2 is out"), "v1.2 is out");
    }
}
