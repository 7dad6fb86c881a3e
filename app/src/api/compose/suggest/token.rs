//! The token being typed at the cursor: `@user`, `@user@domain`, `#tag`
//! or `:shortcode`, found as Mastodon finds them in a posted status, so
//! that what is suggested is what the server will link.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::offsets::byte_offset;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Mention,
    Hashtag,
    Emoji,
}

impl TokenKind {
    /// Characters needed after the sigil before suggestions are worth
    /// asking for: a single letter after `:` is too often a smiley.
    fn shortest_query(self) -> usize {
        match self {
            Self::Mention | Self::Hashtag => 1,
            Self::Emoji => 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// What follows the sigil: `ada@example.org`, `tag`, `shortco`.
    pub query: String,
    /// Bytes of the whole token in the text, sigil included.
    pub range: Range<usize>,
}

impl Token {
    pub fn worth_asking(&self) -> bool {
        self.query.chars().count() >= self.kind.shortest_query()
    }
}

/// The token around the cursor (`cursor` in UTF-16 units, as the browser
/// gives `selectionStart`), if the cursor is in or at the end of one.
/// The token runs to the end of its word, so that a suggestion picked
/// with the cursor mid-word replaces all of it.
pub fn token_at(text: &str, cursor: u32) -> Option<Token> {
    let cursor = byte_offset(text, cursor);
    let start = text[..cursor]
        .grapheme_indices(true)
        .rev()
        .take_while(|(_, grapheme)| in_mention(grapheme))
        .last()
        .map_or(cursor, |(start, _)| start);
    let before = text[..start].chars().next_back();
    let (kind, sigil_at, fits): (_, _, fn(&str) -> bool) = match before {
        _ if text[start..cursor].starts_with('@') => (TokenKind::Mention, start, in_mention),
        Some('#') => (TokenKind::Hashtag, start - 1, in_hashtag),
        Some(':') => (TokenKind::Emoji, start - 1, in_shortcode),
        _ => return None,
    };
    if !opens_token(text[..sigil_at].chars().next_back()) {
        return None;
    }
    let word_end = text[cursor..]
        .grapheme_indices(true)
        .take_while(|(_, grapheme)| fits(grapheme))
        .last()
        .map_or(cursor, |(at, grapheme)| cursor + at + grapheme.len());
    // A sentence's full stop or a dash after a name is not part of it.
    let end = sigil_at
        + 1
        + text[sigil_at + 1..word_end]
            .trim_end_matches(['.', '-'])
            .len();
    let query = &text[sigil_at + 1..end];
    let readable = match kind {
        TokenKind::Mention => is_address(query),
        TokenKind::Hashtag => query.graphemes(true).all(in_hashtag),
        TokenKind::Emoji => query.graphemes(true).all(in_shortcode),
    };
    (readable && !query.is_empty() && cursor <= end).then(|| Token {
        kind,
        query: query.to_string(),
        range: sigil_at..end,
    })
}

/// Whether a sigil after `previous` starts a token: not inside a word,
/// a path (`/@user`) or another token, as Mastodon reads statuses.
fn opens_token(previous: Option<char>) -> bool {
    previous.is_none_or(|c| {
        !(c.is_alphanumeric() || matches!(c, '_' | '/' | ')' | '@' | '#' | ':' | '.' | '-'))
    })
}

fn starts_with(grapheme: &str, test: impl Fn(char) -> bool) -> bool {
    grapheme.chars().next().is_some_and(test)
}

/// Anything that can appear in `@user@domain`, combining marks included.
fn in_mention(grapheme: &str) -> bool {
    starts_with(grapheme, |c| {
        c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@')
    })
}

/// Hashtags are letters, digits and `_` of any script.
fn in_hashtag(grapheme: &str) -> bool {
    starts_with(grapheme, |c| c.is_alphanumeric() || c == '_')
}

/// Shortcodes are ASCII letters, digits and `_`.
fn in_shortcode(grapheme: &str) -> bool {
    grapheme
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `user` or `user@domain` (the domain perhaps half typed).
fn is_address(query: &str) -> bool {
    let (user, domain) = query.split_once('@').unwrap_or((query, ""));
    !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token with the cursor where `|` is.
    fn at(marked: &str) -> Option<(TokenKind, String, String)> {
        let (before, after) = marked.split_once('|').expect("a cursor");
        let text = format!("{before}{after}");
        let cursor = before.encode_utf16().count() as u32;
        token_at(&text, cursor)
            .map(|token| (token.kind, token.query, text[token.range].to_string()))
    }

    fn found(kind: TokenKind, query: &str, whole: &str) -> Option<(TokenKind, String, String)> {
        Some((kind, query.to_string(), whole.to_string()))
    }

    #[test]
    fn finds_mentions_local_and_remote() {
        use TokenKind::Mention;
        assert_eq!(at("@al|"), found(Mention, "al", "@al"));
        assert_eq!(at("hi @ada|"), found(Mention, "ada", "@ada"));
        assert_eq!(at("hi @ada@exa|"), found(Mention, "ada@exa", "@ada@exa"));
        assert_eq!(
            at("(@ada@example.org|)"),
            found(Mention, "ada@example.org", "@ada@example.org")
        );
        assert_eq!(at("cc @ada@|"), found(Mention, "ada@", "@ada@"));
        assert_eq!(at("line\n@gr|"), found(Mention, "gr", "@gr"));
    }

    #[test]
    fn a_token_runs_to_the_end_of_its_word() {
        assert_eq!(at("@ad|a and"), found(TokenKind::Mention, "ada", "@ada"));
        assert_eq!(
            at("#se|aside now"),
            found(TokenKind::Hashtag, "seaside", "#seaside")
        );
        assert_eq!(at(":bl|ob: x"), found(TokenKind::Emoji, "blob", ":blob"));
    }

    #[test]
    fn finds_hashtags_in_any_script() {
        use TokenKind::Hashtag;
        assert_eq!(at("#t|"), found(Hashtag, "t", "#t"));
        assert_eq!(at("so #café|"), found(Hashtag, "café", "#café"));
        // "é" as "e" and a combining accent: one grapheme, kept whole.
        assert_eq!(
            at("#cafe\u{301}|"),
            found(Hashtag, "cafe\u{301}", "#cafe\u{301}")
        );
        assert_eq!(at("#日本語|"), found(Hashtag, "日本語", "#日本語"));
        assert_eq!(
            at("#snake_case|"),
            found(Hashtag, "snake_case", "#snake_case")
        );
    }

    #[test]
    fn finds_shortcodes() {
        use TokenKind::Emoji;
        assert_eq!(at(":bl|"), found(Emoji, "bl", ":bl"));
        assert_eq!(
            at("nice :party_parrot|"),
            found(Emoji, "party_parrot", ":party_parrot")
        );
    }

    #[test]
    fn ignores_what_is_not_a_token() {
        assert_eq!(at("|"), None);
        assert_eq!(at("plain words|"), None);
        assert_eq!(at("@|"), None);
        assert_eq!(at("#|"), None);
        assert_eq!(at("mail ada@example.org|"), None);
        assert_eq!(at("https://example.org/@ada|"), None);
        assert_eq!(at("https://example.org/tags#top|"), None);
        assert_eq!(at("time 10:30|"), None);
        assert_eq!(at("https:|"), None);
        assert_eq!(at("::x|"), None);
        assert_eq!(at("@@ada|"), None);
        assert_eq!(at("#a-b|"), None);
        assert_eq!(at(":émoji|"), None);
        assert_eq!(at("@ada et|"), None);
        assert_eq!(at("@ada |"), None);
        assert_eq!(at("|@ada"), None);
    }

    #[test]
    fn a_full_stop_after_a_name_ends_it() {
        assert_eq!(at("thanks @ada.|"), None);
        assert_eq!(
            at("thanks @ad|a."),
            found(TokenKind::Mention, "ada", "@ada")
        );
        assert_eq!(
            at("@jo.doe|"),
            found(TokenKind::Mention, "jo.doe", "@jo.doe")
        );
    }

    #[test]
    fn counts_the_cursor_in_utf16_units() {
        // The elephant is two UTF-16 units and four bytes before the token.
        let text = "🐘 @al";
        let token = token_at(text, 6).expect("a mention");
        assert_eq!(&text[token.range.clone()], "@al");
        assert_eq!(token.range, 5..8);
        // A family emoji (one grapheme, eight units) right before a sigil.
        let text = "👩‍👩‍👧#tag";
        let cursor = text.encode_utf16().count() as u32;
        assert_eq!(
            token_at(text, cursor).map(|token| token.query),
            Some("tag".into())
        );
    }

    #[test]
    fn asks_only_once_enough_is_typed() {
        let ask = |marked: &str| {
            let (before, after) = marked.split_once('|').unwrap();
            let text = format!("{before}{after}");
            token_at(&text, before.encode_utf16().count() as u32)
                .is_some_and(|token| token.worth_asking())
        };
        assert!(ask("@a|") && ask("#a|") && ask(":ab|"));
        assert!(!ask(":a|"));
    }
}
