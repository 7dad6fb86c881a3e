//! Words for what a reader does to a status: its action bar, its poll and
//! its edit history.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionWords {
    Actions,
    Reply,
    Favourite,
    Boost,
    BoostAudience,
    BoostPublic,
    BoostUnlisted,
    BoostFollowers,
    Bookmark,
    Pin,
    Quote,
    Edit,
    Delete,
    Redraft,
    MuteConversation,
    Share,
    LinkCopied,
    OpenOriginal,
    ConfirmDelete,
    ConfirmRedraft,
    Cancel,
    Vote,
    Voted,
    Votes,
    PollClosed,
    History,
    NoHistory,
    Version,
}

impl Words for ActionWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        use ActionWords::*;
        match (lang, self) {
            (Lang::En, Actions) => "Post actions",
            (Lang::Fr, Actions) => "Actions sur le message",
            (Lang::En, Reply) => "Reply",
            (Lang::Fr, Reply) => "Répondre",
            (Lang::En, Favourite) => "Favourite",
            (Lang::Fr, Favourite) => "Aimer",
            (Lang::En, Boost) => "Boost",
            (Lang::Fr, Boost) => "Partager",
            (Lang::En, BoostAudience) => "Boost to…",
            (Lang::Fr, BoostAudience) => "Partager avec…",
            (Lang::En, BoostPublic) => "Boost publicly",
            (Lang::Fr, BoostPublic) => "Partager publiquement",
            (Lang::En, BoostUnlisted) => "Boost quietly (unlisted)",
            (Lang::Fr, BoostUnlisted) => "Partager discrètement (non listé)",
            (Lang::En, BoostFollowers) => "Boost to followers only",
            (Lang::Fr, BoostFollowers) => "Partager avec les abonnés seulement",
            (Lang::En, Bookmark) => "Bookmark",
            (Lang::Fr, Bookmark) => "Marque-page",
            (Lang::En, Pin) => "Pin to profile",
            (Lang::Fr, Pin) => "Épingler au profil",
            (Lang::En, Quote) => "Quote",
            (Lang::Fr, Quote) => "Citer",
            (Lang::En, Edit) => "Edit",
            (Lang::Fr, Edit) => "Modifier",
            (Lang::En, Delete) => "Delete",
            (Lang::Fr, Delete) => "Supprimer",
            (Lang::En, Redraft) => "Delete and redraft",
            (Lang::Fr, Redraft) => "Supprimer et réécrire",
            (Lang::En, MuteConversation) => "Mute conversation",
            (Lang::Fr, MuteConversation) => "Masquer la conversation",
            (Lang::En, Share) => "Share link",
            (Lang::Fr, Share) => "Partager le lien",
            (Lang::En, LinkCopied) => "Link copied",
            (Lang::Fr, LinkCopied) => "Lien copié",
            (Lang::En, OpenOriginal) => "Open original",
            (Lang::Fr, OpenOriginal) => "Ouvrir l’original",
            (Lang::En, ConfirmDelete) => "Delete this post for good?",
            (Lang::Fr, ConfirmDelete) => "Supprimer ce message pour de bon ?",
            (Lang::En, ConfirmRedraft) => {
                "Delete this post and write it again? Its boosts and favourites are lost."
            }
            (Lang::Fr, ConfirmRedraft) => {
                "Supprimer ce message et le réécrire ? Ses partages et favoris seront perdus."
            }
            (Lang::En, Cancel) => "Cancel",
            (Lang::Fr, Cancel) => "Annuler",
            (Lang::En, Vote) => "Vote",
            (Lang::Fr, Vote) => "Voter",
            (Lang::En, Voted) => "You voted",
            (Lang::Fr, Voted) => "Vous avez voté",
            (Lang::En, Votes) => "votes",
            (Lang::Fr, Votes) => "votes",
            (Lang::En, PollClosed) => "Poll closed",
            (Lang::Fr, PollClosed) => "Sondage terminé",
            (Lang::En, History) => "Edit history",
            (Lang::Fr, History) => "Historique des modifications",
            (Lang::En, NoHistory) => "No earlier versions",
            (Lang::Fr, NoHistory) => "Aucune version antérieure",
            (Lang::En, Version) => "Version of",
            (Lang::Fr, Version) => "Version du",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_differ_by_language() {
        assert_eq!(ActionWords::Reply.in_lang(Lang::En), "Reply");
        assert_eq!(ActionWords::Reply.in_lang(Lang::Fr), "Répondre");
        assert_ne!(
            ActionWords::Delete.in_lang(Lang::En),
            ActionWords::Delete.in_lang(Lang::Fr)
        );
    }
}
