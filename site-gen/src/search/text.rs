//! The plain text of an article's rendered HTML, for its excerpt, and
//! its words, for the index.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::fold::MAX_WORD_CHARS;

/// The text of `html` with its tags dropped and its entities decoded,
/// runs of white space made one space; reading stops once the text has
/// `enough` bytes, as an excerpt needs no more.
pub fn plain_text(html: &str, enough: usize) -> String {
    let mut text = String::with_capacity(enough.min(html.len()) + 64);
    let mut rest = html;
    while let Some(start) = rest.bytes().position(|byte| byte == b'<' || byte == b'&') {
        let room = enough.saturating_sub(text.len());
        if start > room {
            // Text takes at most as many bytes as its source: what lies
            // past `room` of this run would not be read.
            break;
        }
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
        rest = if text.len() >= enough { "" } else { rest };
    }
    let room = enough.saturating_sub(text.len());
    push_text(&mut text, &rest[..rest.floor_char_boundary(room)]);
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text
}

/// Appends `part` with each run of white space as one space. A single
/// space between words, the common case, stays where it is, so most text
/// is copied in long runs.
fn push_text(text: &mut String, part: &str) {
    let bytes = part.as_bytes();
    // Most runs of text are ASCII with single spaces and no other white
    // space: checked without a branch a byte, and copied whole.
    let unusual = bytes.iter().fold(false, |unusual, &byte| {
        unusual | !(b' '..0x80).contains(&byte)
    });
    let leads = bytes.first() == Some(&b' ') && (text.is_empty() || text.ends_with(' '));
    if !unusual && !leads && !part.contains("  ") {
        text.push_str(part);
        return;
    }
    let (mut from, mut at) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        let width = if byte == b' ' {
            let after_space = match at.checked_sub(1) {
                Some(before) if before >= from => bytes[before] == b' ',
                _ => text.is_empty() || text.ends_with(' '),
            };
            if !after_space {
                at += 1;
                continue;
            }
            1
        } else if byte.is_ascii() {
            // ASCII is told apart by its byte; only other text is decoded.
            if !(byte.is_ascii_whitespace() || byte == 0x0b) {
                at += 1;
                continue;
            }
            1
        } else {
            let c = part[at..].chars().next().unwrap_or_default();
            if !c.is_whitespace() {
                at += c.len_utf8().max(1);
                continue;
            }
            c.len_utf8()
        };
        text.push_str(&part[from..at]);
        if !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        at += width;
        from = at;
    }
    text.push_str(&part[from..]);
}

/// The classes of ASCII bytes in a word: lower-case letters and digits,
/// which a word keeps as they are, and upper-case letters, which it
/// lowers; 0 for every other byte.
const LOWER_OR_DIGIT: u8 = 1;
const UPPER: u8 = 2;
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            LOWER_OR_DIGIT
        } else if b.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        byte += 1;
    }
    table
};

/// Calls `found` with each word of `text`, HTML when `html` says so: runs
/// of letters and digits (combining accents included), in lower case and
/// composed (NFC), accents kept for the stemmer. One pass, no copy of the
/// text: the build reads every word of every article.
pub fn each_word(text: &str, html: bool, mut found: impl FnMut(&str)) {
    let mut word = Word::default();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric() {
            let start = at;
            // One table load a byte, and the classes met or-ed together.
            let mut classes = 0;
            for &next in &bytes[start..] {
                let class = ASCII_CLASS[usize::from(next)];
                if class == 0 {
                    break;
                }
                classes |= class;
                at += 1;
            }
            let upper = classes & UPPER != 0;
            let run = &text[start..at];
            // Most words are plain ASCII between spaces or punctuation:
            // those are handed on without being copied.
            let ends = bytes
                .get(at)
                .is_none_or(|&next| next.is_ascii() && next != b'<' && next != b'&');
            if word.text.is_empty() && ends && !upper {
                if run.len() <= MAX_WORD_CHARS {
                    found(run);
                }
            } else {
                word.text
                    .extend(run.chars().map(|c| c.to_ascii_lowercase()));
            }
        } else if html && byte == b'<' {
            let end = text[at..].find('>').map_or(bytes.len(), |end| at + end + 1);
            if !is_inline(&text[at..end]) {
                word.end(&mut found);
            }
            at = end;
        } else if html && byte == b'&' {
            let (decoded, used) = entity(&text[at..]);
            decoded.chars().for_each(|c| word.push(c, &mut found));
            at += used;
        } else if byte.is_ascii() {
            if !word.text.is_empty() {
                word.end(&mut found);
            }
            at += 1;
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            word.push(c, &mut found);
            at += c.len_utf8();
        }
    }
    word.end(&mut found);
}

#[derive(Default)]
struct Word {
    text: String,
    non_ascii: bool,
}

impl Word {
    fn push(&mut self, c: char, found: &mut impl FnMut(&str)) {
        if c.is_alphanumeric() || is_combining_mark(c) {
            self.text.extend(c.to_lowercase());
            self.non_ascii |= !c.is_ascii();
        } else {
            self.end(found);
        }
    }

    #[inline]
    fn end(&mut self, found: &mut impl FnMut(&str)) {
        if self.text.is_empty() {
            return;
        }
        if self.non_ascii && is_nfc_quick(self.text.chars()) != IsNormalized::Yes {
            self.text = self.text.nfc().collect();
        }
        let short =
            self.text.len() <= MAX_WORD_CHARS || self.text.chars().count() <= MAX_WORD_CHARS;
        let marks_only = self.non_ascii && self.text.chars().all(is_combining_mark);
        if short && !marks_only {
            found(&self.text);
        }
        self.text.clear();
        self.non_ascii = false;
    }
}

fn is_inline(tag: &str) -> bool {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    // Called for every tag of every article: no allocation, no search.
    let mut lower = [0u8; 6];
    let mut length = 0;
    for byte in name.bytes().take_while(u8::is_ascii_alphanumeric) {
        if length == lower.len() {
            return false;
        }
        lower[length] = byte.to_ascii_lowercase();
        length += 1;
    }
    // Tags inside a word (`<em>`, links) join their text to the next; the
    // others (paragraphs, cells, line breaks) separate it. A `match`
    // compares by length first, where a list would call `memcmp` for each.
    matches!(
        &lower[..length],
        b"a" | b"abbr"
            | b"b"
            | b"cite"
            | b"code"
            | b"del"
            | b"em"
            | b"i"
            | b"ins"
            | b"kbd"
            | b"mark"
            | b"q"
            | b"s"
            | b"samp"
            | b"small"
            | b"span"
            | b"strong"
            | b"sub"
            | b"sup"
            | b"u"
            | b"var"
    )
}

/// The character an entity at the start of `text` stands for, and how many
/// bytes it takes; an `&` that starts no entity stands for itself.
fn entity(text: &str) -> (String, usize) {
    let Some(end) = text.find(';').filter(|&end| end <= 10) else {
        return ("&".into(), 1);
    };
    let name = &text[1..end];
    let decoded = crate::html_text::entity(name);
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".into(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::{each_word, is_inline, plain_text};

    #[test]
    fn inline_tags_are_told_from_the_others() {
        for tag in [
            "<a href=\"x\">",
            "</A>",
            "<em>",
            "<STRONG class=\"x\">",
            "<sup>",
            "<var/>",
            "<q>",
        ] {
            assert!(is_inline(tag), "{tag}");
        }
        for tag in [
            "<p>",
            "</li>",
            "<pre>",
            "<abbrx>",
            "<section>",
            "<strongest>",
            "<br/>",
            "<>",
            "</>",
        ] {
            assert!(!is_inline(tag), "{tag}");
        }
    }

    fn words(text: &str, html: bool) -> Vec<String> {
        let mut words = Vec::new();
        each_word(text, html, |word| words.push(word.to_string()));
        words
    }

    #[test]
    fn words_are_read_in_one_pass_from_html_or_text() {
        assert_eq!(
            words(
                "<p>L’<em>Élec</em>tion, 23&nbsp;h <a href=\"x\">Vote</a>s</p><p>AT&amp;T</p>",
                true
            ),
            ["l", "élection", "23", "h", "votes", "at", "t"]
        );
        assert_eq!(words("a<b & c", false), ["a", "b", "c"]);
        assert_eq!(words("e\u{301}te\u{301} ÉTÉ", false), ["été", "été"]);
        assert!(words(&"a".repeat(41), false).is_empty());
    }

    #[test]
    fn tags_go_and_entities_are_decoded() {
        let html = "<h2>Storm &amp; tide</h2>\n<p>Keep <em>wa</em>ter &#8217;n&#x2019; <a href=\"x\">radio</a>.</p><ul><li>one</li><li>two</li></ul>";
        assert_eq!(
            plain_text(html, 1000),
            "Storm & tide Keep water ’n’ radio. one two"
        );
        assert_eq!(plain_text("AT&T &bogus; x", 1000), "AT&T &bogus; x");
        assert_eq!(plain_text(html, 5), "Storm");
        assert_eq!(plain_text(html, 7), "Storm &");
        // `enough` counts bytes, and a letter is never cut.
        assert_eq!(plain_text("<p>été à la mer</p>", 5), "été");
        assert_eq!(plain_text("<p>été à la mer</p>", 2), "é");
        assert_eq!(
            plain_text("a\u{b}b\u{a0}c\u{2003} d\t\r\n e é", 1000),
            "a b c d e é"
        );
    }

    /// Each run of white space, whatever it is made of, becomes one space,
    /// and none starts the text: checked against every short mix.
    #[test]
    fn white_space_collapses_the_same_in_every_mix() {
        let alphabet = ['a', ' ', '\n', '\u{a0}', 'é', '\u{b}'];
        let mut part = Vec::new();
        for mut n in 0..alphabet.len().pow(6) {
            part.clear();
            while n > 0 {
                part.push(alphabet[n % alphabet.len()]);
                n /= alphabet.len();
            }
            let part: String = part.iter().collect();
            let mut expected = String::new();
            for c in part.chars() {
                if !c.is_whitespace() {
                    expected.push(c);
                } else if !expected.is_empty() && !expected.ends_with(' ') {
                    expected.push(' ');
                }
            }
            let mut text = String::new();
            super::push_text(&mut text, &part);
            assert_eq!(text, expected, "{part:?}");
            // And after text that ends in a space, or does not.
            for before in ["x", "x "] {
                let mut text = before.to_string();
                super::push_text(&mut text, &part);
                let trimmed = expected.trim_start_matches(' ');
                let joined = if before.ends_with(' ') || !part.starts_with(char::is_whitespace) {
                    format!("{before}{trimmed}")
                } else {
                    format!("{before} {trimmed}")
                };
                assert_eq!(text, joined, "{before:?} then {part:?}");
            }
        }
    }
}
