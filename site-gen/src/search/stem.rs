//! Stemming in the article's language, so `keepers` finds `keeper` and
//! `élections` finds `élection`.

use rust_stemmers::{Algorithm, Stemmer};

use super::fold::strip_accents;
use crate::render::language::primary_language;

/// The stemmer of one language, or none for a language Snowball lacks.
pub struct LanguageStemmer(Option<Stemmer>);

impl LanguageStemmer {
    pub fn new(lang: &str) -> Self {
        Self(algorithm(&primary_language(lang)).map(Stemmer::create))
    }

    /// The folded stem of a word in lower case with its accents: the
    /// stemmer reads the accents (French suffixes have them), then they go.
    pub fn folded_stem(&self, lower_word: &str) -> String {
        match &self.0 {
            Some(stemmer) => strip_accents(&stemmer.stem(lower_word)),
            None => strip_accents(lower_word),
        }
    }
}

fn algorithm(primary: &str) -> Option<Algorithm> {
    Some(match primary {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "nl" => Algorithm::Dutch,
        "sv" => Algorithm::Swedish,
        "da" => Algorithm::Danish,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "fi" => Algorithm::Finnish,
        "ru" => Algorithm::Russian,
        "ro" => Algorithm::Romanian,
        "hu" => Algorithm::Hungarian,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::LanguageStemmer;

    #[test]
    fn english_and_french_words_meet_their_stems() {
        let en = LanguageStemmer::new("en-GB");
        assert_eq!(en.folded_stem("keepers"), en.folded_stem("keeper"));
        assert_eq!(en.folded_stem("elections"), en.folded_stem("election"));
        let fr = LanguageStemmer::new("fr");
        assert_eq!(fr.folded_stem("élections"), fr.folded_stem("élection"));
        assert_eq!(fr.folded_stem("gardiens"), fr.folded_stem("gardien"));
        assert!(!fr.folded_stem("élection").contains('é'));
    }

    #[test]
    fn other_languages_are_only_folded() {
        let none = LanguageStemmer::new("tlh");
        assert_eq!(none.folded_stem("keepers"), "keepers");
        assert_eq!(none.folded_stem("élan"), "elan");
    }
}
