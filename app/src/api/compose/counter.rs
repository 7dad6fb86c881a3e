//! How long a post is in the server's eyes, so the count a writer sees
//! agrees with what the server will accept. Mastodon counts grapheme
//! clusters of the content warning plus the text, with every link
//! weighing a fixed amount and a remote mention only its local part.

use unicode_segmentation::UnicodeSegmentation;

/// What a link weighs when the server does not say.
pub const DEFAULT_URL_WEIGHT: usize = 23;

/// The length of a post with content warning `spoiler` and text `text`,
/// where each link weighs `url_weight`.
pub fn weigh(spoiler: &str, text: &str, url_weight: usize) -> usize {
    spoiler.graphemes(true).count() + weigh_text(text, url_weight)
}

fn weigh_text(text: &str, url_weight: usize) -> usize {
    let mut total = 0;
    let mut rest = text;
    let mut previous: Option<char> = None;
    while !rest.is_empty() {
        if let Some(len) = url_at(rest, previous) {
            total += url_weight;
            previous = rest[..len].chars().next_back();
            rest = &rest[len..];
        } else if let Some((counted, len)) = mention_at(rest, previous) {
            total += counted;
            previous = rest[..len].chars().next_back();
            rest = &rest[len..];
        } else {
            // One grapheme at a time, so that a link or mention can only
            // start on a cluster boundary.
            let cluster = rest.graphemes(true).next().unwrap_or(rest);
            total += 1;
            previous = cluster.chars().next_back();
            rest = &rest[cluster.len()..];
        }
    }
    total
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte length of the `http(s)://` link starting `text`, if one does.
fn url_at(text: &str, previous: Option<char>) -> Option<usize> {
    // A link glued to a word, or an address's domain, is not a link.
    if previous.is_some_and(|c| is_word(c) || matches!(c, '@' | '/' | '.' | '-')) {
        return None;
    }
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return None;
    };
    let after = &text[scheme..];
    let host_len = after
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .unwrap_or(after.len());
    let host = after[..host_len].trim_end_matches('.');
    let (name, tld) = host.rsplit_once('.')?;
    if name.is_empty() || tld.is_empty() || !tld.chars().all(char::is_alphabetic) {
        return None;
    }
    let end = scheme + host.len();
    Some(end + tail_len(&text[end..]))
}

/// The port, path, query and fragment after a link's host: up to the
/// next space, leaving off trailing punctuation and any closing
/// parenthesis without an opening one inside the link.
fn tail_len(tail: &str) -> usize {
    if !tail.starts_with([':', '/', '?', '#']) {
        return 0;
    }
    let mut len = tail.find(char::is_whitespace).unwrap_or(tail.len());
    loop {
        let Some(last) = tail[..len].chars().next_back() else {
            return 0;
        };
        let unbalanced =
            last == ')' && tail[..len].matches('(').count() < tail[..len].matches(')').count();
        if unbalanced || matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"') {
            len -= last.len_utf8();
        } else {
            return len;
        }
    }
}

/// A mention starting `text`: what it counts for and its byte length.
/// `@user@domain` counts as `@user`.
fn mention_at(text: &str, previous: Option<char>) -> Option<(usize, usize)> {
    if previous.is_some_and(|c| is_word(c) || matches!(c, '=' | '/')) {
        return None;
    }
    let after = text.strip_prefix('@')?;
    let user_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(after.len());
    if user_len == 0 {
        return None;
    }
    let local = 1 + user_len;
    let Some(domain) = after[user_len..].strip_prefix('@') else {
        return Some((local, local));
    };
    let domain_len = domain
        .find(|c: char| !(is_word(c) || c == '.' || c == '-'))
        .unwrap_or(domain.len());
    // The domain ends on a word character, as Mastodon's pattern asks.
    let domain = domain[..domain_len].trim_end_matches(['.', '-']);
    if domain.chars().count() < 2 {
        return Some((local, local));
    }
    Some((local, local + 1 + domain.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str) -> usize {
        weigh("", text, DEFAULT_URL_WEIGHT)
    }

    #[test]
    fn plain_text_counts_grapheme_clusters() {
        assert_eq!(count("hello"), 5);
        assert_eq!(count("café"), 4);
        assert_eq!(count("e\u{301}"), 1);
        // A family joined with zero-width joiners, and a flag.
        assert_eq!(count("👩\u{200d}👩\u{200d}👧\u{200d}👦"), 1);
        assert_eq!(count("🇫🇷!"), 2);
        assert_eq!(count(""), 0);
    }

    #[test]
    fn every_link_weighs_the_same() {
        let long = "https://example.com/a/very/long/path/that/goes/on?and=on#forever";
        assert_eq!(count(long), 23);
        assert_eq!(count("http://x.co"), 23);
        assert_eq!(count(&format!("see {long} now")), 4 + 23 + 4);
        assert_eq!(weigh("", "go https://a.example", 10), 3 + 10);
        assert_eq!(
            count("https://a.example and https://b.example"),
            23 + 5 + 23
        );
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_a_link() {
        assert_eq!(count("https://example.com."), 24);
        assert_eq!(count("(https://example.com/wiki/Foo_(bar))"), 1 + 23 + 1);
        assert_eq!(count("https://example.com/path?"), 24);
    }

    #[test]
    fn what_only_looks_like_a_link_counts_in_full() {
        assert_eq!(count("https://localhost"), 17);
        assert_eq!(count("example.com"), 11);
        assert_eq!(count("xhttps://example.com"), 20);
        assert_eq!(count("ftp://example.com"), 17);
    }

    #[test]
    fn a_remote_mention_counts_as_its_local_part() {
        assert_eq!(count("@alice@mastodon.example"), 6);
        assert_eq!(count("hi @alice@mastodon.example!"), 3 + 6 + 1);
        assert_eq!(count("@bob"), 4);
        assert_eq!(count("mail@alice@example.com"), 22);
        assert_eq!(count("@alice@mastodon.example."), 7);
    }

    #[test]
    fn the_content_warning_counts_too() {
        assert_eq!(weigh("spoilers", "text", 23), 12);
        assert_eq!(weigh("🏳\u{fe0f}\u{200d}🌈", "https://example.com", 23), 24);
    }
}
