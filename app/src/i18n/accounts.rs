//! Words for acting on accounts: following, muting, blocking, reporting,
//! lists and follow requests.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountWords {
    ActionsOnAccount,
    Relationship,
    Mutual,
    FollowsYou,
    Requested,
    Blocked,
    BlocksYou,
    Muted,
    ServerBlocked,
    Follow,
    Unfollow,
    CancelRequest,
    ShowBoosts,
    NotifyMe,
    PrivateNote,
    SaveNote,
    NoteSaved,
    Mute,
    Unmute,
    MuteFor,
    Indefinitely,
    FiveMinutes,
    ThirtyMinutes,
    OneHour,
    SixHours,
    OneDay,
    ThreeDays,
    SevenDays,
    HideNotifications,
    Block,
    Unblock,
    BlockServer,
    UnblockServer,
    ConfirmBlock,
    ConfirmBlockServer,
    Confirm,
    Cancel,
    Report,
    ReportAccount,
    Why,
    Spam,
    Legal,
    Violation,
    Other,
    RulesBroken,
    PostsToInclude,
    Comment,
    ForwardReport,
    SendReport,
    ReportSent,
    InYourLists,
    NoListsYet,
    FollowRequests,
    Accept,
    Reject,
    NoFollowRequests,
    More,
    Sending,
}

impl Words for AccountWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        let (en, fr) = pair(self);
        match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

/// The English and French for `word`, side by side so neither is forgotten.
fn pair(word: AccountWords) -> (&'static str, &'static str) {
    use AccountWords::*;
    match word {
        ActionsOnAccount => ("Actions on this account", "Actions sur ce compte"),
        Relationship => ("Your relationship", "Votre relation"),
        Mutual => ("You follow each other", "Vous vous suivez mutuellement"),
        FollowsYou => ("Follows you", "Vous suit"),
        Requested => ("Follow request sent", "Demande d’abonnement envoyée"),
        Blocked => ("Blocked", "Bloqué"),
        BlocksYou => ("Blocks you", "Vous bloque"),
        Muted => ("Muted", "Masqué"),
        ServerBlocked => ("Server blocked", "Serveur bloqué"),
        Follow => ("Follow", "Suivre"),
        Unfollow => ("Unfollow", "Ne plus suivre"),
        CancelRequest => ("Cancel request", "Annuler la demande"),
        ShowBoosts => ("Show boosts", "Afficher les partages"),
        NotifyMe => ("Notify me of new posts", "M’avertir des nouveaux messages"),
        PrivateNote => ("Private note", "Note privée"),
        SaveNote => ("Save note", "Enregistrer la note"),
        NoteSaved => ("Note saved.", "Note enregistrée."),
        Mute => ("Mute", "Masquer"),
        Unmute => ("Unmute", "Ne plus masquer"),
        MuteFor => ("Mute for", "Masquer pendant"),
        Indefinitely => ("Indefinitely", "Sans limite"),
        FiveMinutes => ("5 minutes", "5 minutes"),
        ThirtyMinutes => ("30 minutes", "30 minutes"),
        OneHour => ("1 hour", "1 heure"),
        SixHours => ("6 hours", "6 heures"),
        OneDay => ("1 day", "1 jour"),
        ThreeDays => ("3 days", "3 jours"),
        SevenDays => ("7 days", "7 jours"),
        HideNotifications => ("Hide their notifications", "Masquer ses notifications"),
        Block => ("Block", "Bloquer"),
        Unblock => ("Unblock", "Débloquer"),
        BlockServer => ("Block their server", "Bloquer son serveur"),
        UnblockServer => ("Unblock their server", "Débloquer son serveur"),
        ConfirmBlock => (
            "Block this account? You will stop following each other.",
            "Bloquer ce compte ? Vous cesserez de vous suivre.",
        ),
        ConfirmBlockServer => (
            "Block this whole server? You will no longer see anything from it, and your followers there will be removed.",
            "Bloquer tout ce serveur ? Vous n’en verrez plus rien, et vos abonnés qui s’y trouvent seront retirés.",
        ),
        Confirm => ("Confirm", "Confirmer"),
        Cancel => ("Cancel", "Annuler"),
        Report => ("Report", "Signaler"),
        ReportAccount => ("Report this account", "Signaler ce compte"),
        Why => ("What is wrong?", "Quel est le problème ?"),
        Spam => ("Spam", "Spam"),
        Legal => ("It is illegal", "C’est illégal"),
        Violation => (
            "It breaks the server’s rules",
            "Cela enfreint les règles du serveur",
        ),
        Other => ("Something else", "Autre chose"),
        RulesBroken => ("Rules broken", "Règles enfreintes"),
        PostsToInclude => ("Posts to include", "Messages à joindre"),
        Comment => (
            "Comment for the moderators",
            "Commentaire pour la modération",
        ),
        ForwardReport => (
            "Also send the report to their server",
            "Transmettre aussi le signalement à son serveur",
        ),
        SendReport => ("Send report", "Envoyer le signalement"),
        ReportSent => (
            "Report sent. The moderators will look at it.",
            "Signalement envoyé. La modération va l’examiner.",
        ),
        InYourLists => ("In your lists", "Dans vos listes"),
        NoListsYet => ("You have no lists yet.", "Vous n’avez encore aucune liste."),
        FollowRequests => ("Follow requests", "Demandes d’abonnement"),
        Accept => ("Accept", "Accepter"),
        Reject => ("Reject", "Refuser"),
        NoFollowRequests => (
            "No one is waiting to follow you.",
            "Personne n’attend pour vous suivre.",
        ),
        More => ("More", "Plus"),
        Sending => ("Sending…", "Envoi…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_words_differ_by_language_where_they_should() {
        assert_eq!(AccountWords::Follow.in_lang(Lang::En), "Follow");
        assert_eq!(AccountWords::Follow.in_lang(Lang::Fr), "Suivre");
        assert_eq!(AccountWords::Spam.in_lang(Lang::Fr), "Spam");
    }
}
