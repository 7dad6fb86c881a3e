//! The composer's words: the form, drafts and the outbox.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComposeWords {
    Compose,
    NewPost,
    WhatsNew,
    ContentWarning,
    Sensitive,
    Visibility,
    Public,
    Unlisted,
    FollowersOnly,
    Direct,
    Language,
    DefaultLanguage,
    ScheduleFor,
    ScheduleTooSoon,
    CharactersLeft,
    Post,
    Save,
    Sending,
    Posted,
    Scheduled,
    SeePost,
    Queued,
    Drafts,
    NoDrafts,
    Restore,
    Discard,
    Outbox,
    WaitingToSend,
    Refused,
    Untitled,
    MediaNotReady,
}

impl Words for ComposeWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        let (en, fr) = both(self);
        match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

fn both(key: ComposeWords) -> (&'static str, &'static str) {
    use ComposeWords::*;
    match key {
        Compose => ("Compose", "Écrire"),
        NewPost => ("New post", "Nouveau message"),
        WhatsNew => ("What’s new?", "Quoi de neuf ?"),
        ContentWarning => ("Content warning", "Avertissement de contenu"),
        Sensitive => ("Mark media as sensitive", "Marquer le média comme sensible"),
        Visibility => ("Visibility", "Visibilité"),
        Public => ("Public", "Public"),
        Unlisted => ("Unlisted", "Non listé"),
        FollowersOnly => ("Followers only", "Abonnés seulement"),
        Direct => ("Direct", "Direct"),
        Language => ("Language", "Langue"),
        DefaultLanguage => ("Account default", "Langue du compte"),
        ScheduleFor => ("Schedule for", "Programmer pour"),
        ScheduleTooSoon => (
            "A scheduled post must be at least 5 minutes ahead.",
            "Un message programmé doit l’être au moins 5 minutes à l’avance.",
        ),
        CharactersLeft => ("characters left", "caractères restants"),
        Post => ("Post", "Publier"),
        Save => ("Save", "Enregistrer"),
        Sending => ("Sending…", "Envoi…"),
        Posted => ("Posted.", "Publié."),
        Scheduled => ("Scheduled.", "Programmé."),
        SeePost => ("See the post", "Voir le message"),
        Queued => (
            "The server cannot be reached: the post waits in the outbox and goes as soon as it can.",
            "Le serveur est injoignable : le message attend dans la boîte d’envoi et partira dès que possible.",
        ),
        Drafts => ("Drafts", "Brouillons"),
        NoDrafts => ("No drafts.", "Aucun brouillon."),
        Restore => ("Restore", "Reprendre"),
        Discard => ("Discard", "Jeter"),
        Outbox => ("Outbox", "Boîte d’envoi"),
        WaitingToSend => ("waiting to be sent", "en attente d’envoi"),
        Refused => ("refused by the server", "refusé par le serveur"),
        Untitled => ("(empty)", "(vide)"),
        MediaNotReady => ("Media still uploading", "Média en cours d’envoi"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_said_in_both_languages() {
        use ComposeWords::*;
        for key in [Compose, Post, Queued, Outbox, Discard, MediaNotReady] {
            let (en, fr) = both(key);
            assert!(!en.is_empty() && !fr.is_empty());
            assert_eq!(key.in_lang(Lang::Fr), fr);
        }
        assert_ne!(Post.in_lang(Lang::En), Post.in_lang(Lang::Fr));
    }
}
