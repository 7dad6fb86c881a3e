//! Words of the composer's suggestions and its custom emoji picker.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestWords {
    Suggestions,
    InsertEmoji,
    CustomEmoji,
    FilterEmoji,
    Uncategorized,
    LoadingEmoji,
    NoCustomEmoji,
    NoEmojiMatch,
    EmojiUnavailable,
    TryAgain,
}

impl Words for SuggestWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        use SuggestWords::*;
        match (lang, self) {
            (Lang::En, Suggestions) => "Suggestions",
            (Lang::Fr, Suggestions) => "Suggestions",
            (Lang::En, InsertEmoji) => "Insert a custom emoji",
            (Lang::Fr, InsertEmoji) => "Insérer un émoji personnalisé",
            (Lang::En, CustomEmoji) => "Custom emoji",
            (Lang::Fr, CustomEmoji) => "Émojis personnalisés",
            (Lang::En, FilterEmoji) => "Find an emoji",
            (Lang::Fr, FilterEmoji) => "Chercher un émoji",
            (Lang::En, Uncategorized) => "Custom",
            (Lang::Fr, Uncategorized) => "Personnalisés",
            (Lang::En, LoadingEmoji) => "Loading emoji…",
            (Lang::Fr, LoadingEmoji) => "Chargement des émojis…",
            (Lang::En, NoCustomEmoji) => "This server has no custom emoji.",
            (Lang::Fr, NoCustomEmoji) => "Ce serveur n’a pas d’émojis personnalisés.",
            (Lang::En, NoEmojiMatch) => "No emoji matches.",
            (Lang::Fr, NoEmojiMatch) => "Aucun émoji ne correspond.",
            (Lang::En, EmojiUnavailable) => "The server’s emoji could not be loaded.",
            (Lang::Fr, EmojiUnavailable) => "Les émojis du serveur n’ont pas pu être chargés.",
            (Lang::En, TryAgain) => "Try again",
            (Lang::Fr, TryAgain) => "Réessayer",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_exists_in_both_languages() {
        use SuggestWords::*;
        let all = [
            Suggestions,
            InsertEmoji,
            CustomEmoji,
            FilterEmoji,
            Uncategorized,
            LoadingEmoji,
            NoCustomEmoji,
            NoEmojiMatch,
            EmojiUnavailable,
            TryAgain,
        ];
        for word in all {
            assert!(!word.in_lang(Lang::En).is_empty() && !word.in_lang(Lang::Fr).is_empty());
        }
        assert_ne!(InsertEmoji.in_lang(Lang::En), InsertEmoji.in_lang(Lang::Fr));
    }
}
