//! The text once a suggestion or an emoji has gone in, and where the
//! cursor goes next (in UTF-16 units, for `setSelectionRange`).

use std::ops::Range;

use super::offsets::{byte_offset, utf16_offset};
use super::token::Token;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    /// After the inserted text and the space that follows it.
    pub cursor: u32,
}

/// `text` with `token` replaced by `replacement` (`@ada`, `#tag`,
/// `:blob:`) and a space after it, so that the reader types on.
pub fn replace_token(text: &str, token: &Token, replacement: &str) -> Edited {
    splice(text, token.range.clone(), replacement, false)
}

/// `text` with `insertion` in place of the selection from `start` to
/// `end` (UTF-16 units, either way round). A space goes before it when
/// it would otherwise stick to the word before, as a `:shortcode:` must
/// not, and one after it.
pub fn insert_at(text: &str, start: u32, end: u32, insertion: &str) -> Edited {
    let (start, end) = (byte_offset(text, start), byte_offset(text, end));
    let range = start.min(end)..start.max(end);
    let sticks = text[..range.start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    splice(text, range, insertion, sticks)
}

fn splice(text: &str, range: Range<usize>, insertion: &str, space_before: bool) -> Edited {
    let (head, tail) = (&text[..range.start], &text[range.end..]);
    let mut out = String::with_capacity(text.len() + insertion.len() + 2);
    out.push_str(head);
    if space_before {
        out.push(' ');
    }
    out.push_str(insertion);
    // A space already there is stepped over rather than doubled.
    out.push(' ');
    let cursor = utf16_offset(&out, out.len());
    out.push_str(tail.strip_prefix(' ').unwrap_or(tail));
    Edited { text: out, cursor }
}

#[cfg(test)]
mod tests {
    use super::super::token::token_at;
    use super::*;

    fn replaced(text: &str, cursor: u32, with: &str) -> (String, u32) {
        let token = token_at(text, cursor).expect("a token");
        let edited = replace_token(text, &token, with);
        (edited.text, edited.cursor)
    }

    #[test]
    fn a_suggestion_replaces_the_token_and_a_space_follows() {
        assert_eq!(replaced("@al", 3, "@alan"), ("@alan ".into(), 6));
        assert_eq!(
            replaced("hi @ad", 6, "@ada@example.org"),
            ("hi @ada@example.org ".into(), 20)
        );
        assert_eq!(
            replaced("#se and", 3, "#seaside"),
            ("#seaside and".into(), 9)
        );
        assert_eq!(
            replaced("#se\nnext", 3, "#seaside"),
            ("#seaside \nnext".into(), 9)
        );
        assert_eq!(
            replaced("x :bl", 5, ":blobcat:"),
            ("x :blobcat: ".into(), 12)
        );
    }

    #[test]
    fn the_whole_word_is_replaced_when_the_cursor_is_inside_it() {
        assert_eq!(
            replaced("say @gr hi", 6, "@grace"),
            ("say @grace hi".into(), 11)
        );
        assert_eq!(replaced("@ad, yes", 2, "@ada"), ("@ada , yes".into(), 5));
    }

    #[test]
    fn the_cursor_is_in_utf16_units_after_wide_characters() {
        // "🐘" is two units, "é" one: the new cursor counts them so.
        let (text, cursor) = replaced("🐘é @al", 6, "@alan");
        assert_eq!(text, "🐘é @alan ");
        assert_eq!(cursor, 10);
        assert_eq!(text.encode_utf16().count() as u32, cursor);
    }

    #[test]
    fn an_emoji_goes_in_at_the_cursor_with_room_around_it() {
        let insert = |text: &str, start, end| {
            let edited = insert_at(text, start, end, ":blob:");
            (edited.text, edited.cursor)
        };
        assert_eq!(insert("", 0, 0), (":blob: ".into(), 7));
        assert_eq!(insert("hi", 2, 2), ("hi :blob: ".into(), 10));
        assert_eq!(insert("hi ", 3, 3), ("hi :blob: ".into(), 10));
        assert_eq!(insert("a b", 1, 1), ("a :blob: b".into(), 9));
        // A selection is replaced, whichever way it was made.
        assert_eq!(
            insert("one two three", 4, 7),
            ("one :blob: three".into(), 11)
        );
        assert_eq!(
            insert("one two three", 7, 4),
            ("one :blob: three".into(), 11)
        );
        // Past the end is the end; after an astral character, units count.
        assert_eq!(insert("🐘", 99, 99), ("🐘 :blob: ".into(), 10));
    }
}
