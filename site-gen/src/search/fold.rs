//! Folding and tokenizing: the same on both sides, so that what the build
//! indexes and what the reader types meet. `search.js` mirrors `fold` and
//! `words`; a change here must be made there too.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Longer runs of letters are not words a reader types (hashes, URLs).
pub const MAX_WORD_CHARS: usize = 40;

/// Lower case without accents: `Élection` becomes `election`.
pub fn fold(text: &str) -> String {
    strip_accents(&text.to_lowercase())
}

/// Drops the accents of text already in lower case; ligatures that have
/// no decomposition are spelled out, as readers type them.
pub fn strip_accents(lower: &str) -> String {
    if lower.is_ascii() {
        return lower.to_string();
    }
    let mut folded = String::with_capacity(lower.len());
    for c in lower.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            _ => folded.push(c),
        }
    }
    folded
}

/// `text` in lower case, composed (NFC), ready for [`words`]: with its
/// accents, which some stemmers (French) need.
pub fn lower(text: &str) -> String {
    let lower = text.to_lowercase();
    if is_nfc_quick(lower.chars()) == IsNormalized::Yes {
        lower
    } else {
        lower.nfc().collect()
    }
}

/// The words of text from [`lower`]: runs of letters and digits;
/// apostrophes and hyphens separate words, so `l’élection` gives `l` and
/// `élection`.
pub fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && word.chars().count() <= MAX_WORD_CHARS)
}

#[cfg(test)]
mod tests {
    use super::{fold, lower, words};

    fn lower_words(text: &str) -> Vec<String> {
        words(&lower(text)).map(str::to_string).collect()
    }

    #[test]
    fn case_and_accents_fold_away() {
        assert_eq!(fold("Élection"), "election");
        assert_eq!(fold("L’ÉTÉ À NOËL"), "l’ete a noel");
        assert_eq!(fold("cœur"), "coeur");
        // Decomposed input folds the same as composed.
        assert_eq!(fold("e\u{301}lection"), fold("élection"));
    }

    #[test]
    fn words_split_on_punctuation_and_keep_accents() {
        let words = lower_words("L’élection, 23 h 40: «vote»!");
        assert_eq!(words, ["l", "élection", "23", "h", "40", "vote"]);
        let decomposed = lower_words("e\u{301}te\u{301}");
        assert_eq!(decomposed, ["été"]);
        let long = "a".repeat(41);
        assert!(lower_words(&long).is_empty());
    }
}
