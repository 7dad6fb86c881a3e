//! The client's words in English and French. The browser's language picks
//! the default; the reader can switch.

mod accounts;
pub mod actions;
pub mod compose;
pub mod lifeboat;
pub mod media;
mod messages;
pub mod moderation;
pub mod offline;
mod suggest;
pub mod worker;

pub use accounts::AccountWords;
pub use messages::{Message, message};
pub use suggest::SuggestWords;

use crate::api::ApiError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language for a BCP 47 tag such as `fr-CA`, English by default.
    pub fn from_tag(tag: &str) -> Self {
        match tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "fr" => Self::Fr,
            _ => Self::En,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::En => Self::Fr,
            Self::Fr => Self::En,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    SkipToContent,
    Lifeboat,
    ServerStoppedAnswering,
    Home,
    Local,
    Federated,
    Notifications,
    Search,
    Accounts,
    SignIn,
    SignOut,
    Dismiss,
    Loading,
    Searching,
    LoadOlder,
    NoPosts,
    End,
    TryAgain,
    NothingHere,
    PickAServer,
    ReadAnyServer,
    Intro,
    Server,
    Open,
    Thread,
    Posts,
    Following,
    Followers,
    Hashtags,
    SearchLabel,
    KeyboardShortcuts,
    NextPost,
    PreviousPost,
    OpenPost,
    ToggleShortcuts,
    Close,
    FederatedTimeline,
    LocalTimeline,
    List,
    SwitchLanguage,
    AttachmentWithoutDescription,
    Edited,
    NewPosts,
    NewPost,
    SignInAgain,
    Mentioned,
    Posted,
    Boosted,
    Followed,
    AskedToFollow,
    Favourited,
    PollEnded,
    EditedPost,
    OtherNotification,
    AndMore,
    Lists,
    UnreadablePosts,
    Filtered,
    SensitiveMedia,
    Unread,
    PostsFound,
    Timelines,
    Verified,
    MediaUnavailable,
    AboutServer,
    // Sentences with `{name}` where a value goes, filled by `message`.
    SignInToSee,
    NoPageAt,
    CharactersPerPost,
    NoSecureRandom,
    NoSha256,
    SignInPageRefused,
    SignInNotStartedHere,
    SignInDenied,
    SignInMismatch,
    SignInFailed,
    SignedOut,
    SignedOutHereOnly,
    ClientCrashed,
    Reload,
}

/// Words the client shows, in each of its languages. Each feature keeps
/// its own enum of words (in its own file beside this one), so features
/// grow without touching each other's lists.
pub trait Words: Copy + Send + Sync + 'static {
    fn in_lang(self, lang: Lang) -> &'static str;
}

impl Words for Text {
    fn in_lang(self, lang: Lang) -> &'static str {
        text(lang, self)
    }
}

/// The words for `key` in `lang`.
pub fn text(lang: Lang, key: Text) -> &'static str {
    use Text::*;
    match (lang, key) {
        (Lang::En, SkipToContent) => "Skip to content",
        (Lang::Fr, SkipToContent) => "Aller au contenu",
        (Lang::En, Lifeboat) => "Lifeboat",
        (Lang::Fr, Lifeboat) => "Canot de sauvetage",
        (Lang::En, ServerStoppedAnswering) => "The server of this account has stopped answering:",
        (Lang::Fr, ServerStoppedAnswering) => "Le serveur de ce compte ne répond plus :",
        (Lang::En, Home) => "Home",
        (Lang::Fr, Home) => "Accueil",
        (Lang::En, Local) => "Local",
        (Lang::Fr, Local) => "Local",
        (Lang::En, Federated) => "Federated",
        (Lang::Fr, Federated) => "Fédéré",
        (Lang::En, Notifications) => "Notifications",
        (Lang::Fr, Notifications) => "Notifications",
        (Lang::En, Search) => "Search",
        (Lang::Fr, Search) => "Rechercher",
        (Lang::En, Accounts) => "Accounts",
        (Lang::Fr, Accounts) => "Comptes",
        (Lang::En, SignIn) => "Sign in",
        (Lang::Fr, SignIn) => "Se connecter",
        (Lang::En, SignOut) => "Sign out",
        (Lang::Fr, SignOut) => "Se déconnecter",
        (Lang::En, Dismiss) => "Dismiss",
        (Lang::Fr, Dismiss) => "Fermer",
        (Lang::En, Loading) => "Loading…",
        (Lang::Fr, Loading) => "Chargement…",
        (Lang::En, Searching) => "Searching…",
        (Lang::Fr, Searching) => "Recherche…",
        (Lang::En, LoadOlder) => "Load older posts",
        (Lang::Fr, LoadOlder) => "Messages plus anciens",
        (Lang::En, NoPosts) => "No posts here yet.",
        (Lang::Fr, NoPosts) => "Aucun message ici pour l’instant.",
        (Lang::En, End) => "You have reached the end.",
        (Lang::Fr, End) => "Vous êtes arrivé au bout.",
        (Lang::En, TryAgain) => "Try again",
        (Lang::Fr, TryAgain) => "Réessayer",
        (Lang::En, NothingHere) => "Nothing here",
        (Lang::Fr, NothingHere) => "Rien ici",
        (Lang::En, PickAServer) => "Pick a server",
        (Lang::Fr, PickAServer) => "Choisir un serveur",
        (Lang::En, ReadAnyServer) => "Read any server",
        (Lang::Fr, ReadAnyServer) => "Lire n’importe quel serveur",
        (Lang::En, Intro) => {
            "Samizdat reads any server that speaks the Mastodon API: Mastodon, Pleroma, Akkoma, GoToSocial and more. If one goes dark, pick another."
        }
        (Lang::Fr, Intro) => {
            "Samizdat lit tout serveur qui parle l’API de Mastodon : Mastodon, Pleroma, Akkoma, GoToSocial et d’autres. Si l’un s’éteint, choisissez-en un autre."
        }
        (Lang::En, Server) => "Server",
        (Lang::Fr, Server) => "Serveur",
        (Lang::En, Open) => "Open",
        (Lang::Fr, Open) => "Ouvrir",
        (Lang::En, Thread) => "Thread",
        (Lang::Fr, Thread) => "Fil",
        (Lang::En, Posts) => "Posts",
        (Lang::Fr, Posts) => "Messages",
        (Lang::En, Following) => "Following",
        (Lang::Fr, Following) => "Abonnements",
        (Lang::En, Followers) => "Followers",
        (Lang::Fr, Followers) => "Abonnés",
        (Lang::En, Hashtags) => "Hashtags",
        (Lang::Fr, Hashtags) => "Mots-clés",
        (Lang::En, SearchLabel) => "Search accounts, hashtags and posts",
        (Lang::Fr, SearchLabel) => "Chercher des comptes, des mots-clés et des messages",
        (Lang::En, KeyboardShortcuts) => "Keyboard shortcuts",
        (Lang::Fr, KeyboardShortcuts) => "Raccourcis clavier",
        (Lang::En, NextPost) => "Next post",
        (Lang::Fr, NextPost) => "Message suivant",
        (Lang::En, PreviousPost) => "Previous post",
        (Lang::Fr, PreviousPost) => "Message précédent",
        (Lang::En, OpenPost) => "Open the post",
        (Lang::Fr, OpenPost) => "Ouvrir le message",
        (Lang::En, ToggleShortcuts) => "Show or hide this list",
        (Lang::Fr, ToggleShortcuts) => "Afficher ou masquer cette liste",
        (Lang::En, Close) => "Close",
        (Lang::Fr, Close) => "Fermer",
        (Lang::En, FederatedTimeline) => "Federated timeline",
        (Lang::Fr, FederatedTimeline) => "Fil fédéré",
        (Lang::En, LocalTimeline) => "Local timeline",
        (Lang::Fr, LocalTimeline) => "Fil local",
        (Lang::En, List) => "List",
        (Lang::En, UnreadablePosts) => "post(s) left out: this client could not read them.",
        (Lang::Fr, UnreadablePosts) => "message(s) omis : ce client n’a pas pu les lire.",
        (Lang::En, Unread) => "unread",
        (Lang::Fr, Unread) => "non lues",
        (Lang::En, SensitiveMedia) => "Sensitive media",
        (Lang::Fr, SensitiveMedia) => "Média sensible",
        (Lang::En, Filtered) => "Filtered by",
        (Lang::Fr, Filtered) => "Filtré par",
        (Lang::En, Lists) => "Lists",
        (Lang::Fr, Lists) => "Listes",
        (Lang::Fr, List) => "Liste",
        (Lang::En, SwitchLanguage) => "Français",
        (Lang::Fr, SwitchLanguage) => "English",
        (Lang::En, AttachmentWithoutDescription) => "Attachment without a description",
        (Lang::Fr, AttachmentWithoutDescription) => "Pièce jointe sans description",
        (Lang::En, Edited) => "edited",
        (Lang::Fr, Edited) => "modifié",
        (Lang::En, NewPosts) => "new posts",
        (Lang::Fr, NewPosts) => "nouveaux messages",
        (Lang::En, SignInAgain) => "Sign in again",
        (Lang::Fr, SignInAgain) => "Se reconnecter",
        (Lang::En, Mentioned) => "mentioned you",
        (Lang::Fr, Mentioned) => "vous a mentionné",
        (Lang::En, Posted) => "posted",
        (Lang::Fr, Posted) => "a publié",
        (Lang::En, Boosted) => "boosted your post",
        (Lang::Fr, Boosted) => "a partagé votre message",
        (Lang::En, Followed) => "followed you",
        (Lang::Fr, Followed) => "vous suit",
        (Lang::En, AskedToFollow) => "asked to follow you",
        (Lang::Fr, AskedToFollow) => "demande à vous suivre",
        (Lang::En, Favourited) => "favourited your post",
        (Lang::Fr, Favourited) => "a aimé votre message",
        (Lang::En, PollEnded) => "a poll has ended",
        (Lang::Fr, PollEnded) => "un sondage est terminé",
        (Lang::En, EditedPost) => "edited a post",
        (Lang::Fr, EditedPost) => "a modifié un message",
        (Lang::En, OtherNotification) => "sent a notification",
        (Lang::Fr, OtherNotification) => "a envoyé une notification",
        (Lang::En, AndMore) => "more",
        (Lang::Fr, AndMore) => "autres",
        (Lang::En, NewPost) => "new post",
        (Lang::Fr, NewPost) => "nouveau message",
        (Lang::En, PostsFound) => "Posts found",
        (Lang::Fr, PostsFound) => "Messages trouvés",
        (Lang::En, Timelines) => "Timelines",
        (Lang::Fr, Timelines) => "Fils",
        (Lang::En, Verified) => "Verified link",
        (Lang::Fr, Verified) => "Lien vérifié",
        (Lang::En, MediaUnavailable) => "Media that cannot be shown",
        (Lang::Fr, MediaUnavailable) => "Média impossible à afficher",
        (Lang::En, AboutServer) => "About this server",
        (Lang::Fr, AboutServer) => "À propos de ce serveur",
        (Lang::En, SignInToSee) => "Sign in to {server} to see this.",
        (Lang::Fr, SignInToSee) => "Connectez-vous à {server} pour voir ceci.",
        (Lang::En, NoPageAt) => "This client has no page at {address}.",
        (Lang::Fr, NoPageAt) => "Ce client n’a pas de page à l’adresse {address}.",
        (Lang::En, CharactersPerPost) => "{max} characters per post",
        (Lang::Fr, CharactersPerPost) => "{max} caractères par message",
        (Lang::En, NoSecureRandom) => "this browser has no secure random numbers",
        (Lang::Fr, NoSecureRandom) => "ce navigateur ne fournit pas de nombres aléatoires sûrs",
        (Lang::En, NoSha256) => "this browser cannot compute SHA-256",
        (Lang::Fr, NoSha256) => "ce navigateur ne sait pas calculer SHA-256",
        (Lang::En, SignInPageRefused) => "the browser refused to open the server's sign-in page",
        (Lang::Fr, SignInPageRefused) => {
            "le navigateur a refusé d’ouvrir la page de connexion du serveur"
        }
        (Lang::En, SignInNotStartedHere) => {
            "This sign-in was not started here, or it expired: start it again."
        }
        (Lang::Fr, SignInNotStartedHere) => {
            "Cette connexion n’a pas été commencée ici, ou elle a expiré : recommencez-la."
        }
        (Lang::En, SignInDenied) => "The server did not sign you in ({reason}).",
        (Lang::Fr, SignInDenied) => "Le serveur ne vous a pas connecté ({reason}).",
        (Lang::En, SignInMismatch) => {
            "The sign-in answer did not match the request, so it was refused. Start again."
        }
        (Lang::Fr, SignInMismatch) => {
            "La réponse du serveur ne correspondait pas à la demande : elle a été refusée. Recommencez."
        }
        (Lang::En, SignInFailed) => "Signing in failed: {error}",
        (Lang::Fr, SignInFailed) => "La connexion a échoué : {error}",
        (Lang::En, SignedOut) => "Signed out of {account}.",
        (Lang::Fr, SignedOut) => "Déconnecté de {account}.",
        (Lang::En, SignedOutHereOnly) => {
            "Signed out of {account} here, but the server could not revoke the token: {error}"
        }
        (Lang::Fr, SignedOutHereOnly) => {
            "Déconnecté de {account} ici, mais le serveur n’a pas pu révoquer le jeton : {error}"
        }
        (Lang::En, ClientCrashed) => "Something went wrong. Reload the page to go on.",
        (Lang::Fr, ClientCrashed) => "Une erreur est survenue. Rechargez la page pour continuer.",
        (Lang::En, Reload) => "Reload",
        (Lang::Fr, Reload) => "Recharger",
    }
}

/// How long ago, briefly: `now`, `5 min`, `3 h`, `2 d` (`2 j` in French);
/// `None` past a week, when a date says more.
pub fn relative_time(lang: Lang, seconds_ago: f64) -> Option<String> {
    let seconds = seconds_ago.max(0.0) as u64;
    Some(match seconds {
        0..60 => match lang {
            Lang::En => "now".into(),
            Lang::Fr => "maintenant".into(),
        },
        60..3600 => format!("{} min", seconds / 60),
        3600..86_400 => format!("{} h", seconds / 3600),
        86_400..604_800 => match lang {
            Lang::En => format!("{} d", seconds / 86_400),
            Lang::Fr => format!("{} j", seconds / 86_400),
        },
        _ => return None,
    })
}

/// An error in words the reader can act on, in their language.
pub fn error_text(lang: Lang, error: &ApiError) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Fr => match error {
            ApiError::Unreachable { server } => format!(
                "Impossible de joindre {server} : vérifiez votre connexion, ou si le serveur est en ligne."
            ),
            ApiError::Timeout { server } => {
                format!("{server} n’a pas répondu à temps. Réessayez dans un instant.")
            }
            ApiError::Unauthorized => {
                "Votre session sur ce serveur a pris fin : reconnectez-vous.".into()
            }
            ApiError::NotFound => "Ce serveur n’a pas, ou n’a plus, cette page.".into(),
            ApiError::Rejected { message } => format!("Le serveur a refusé la demande : {message}"),
            ApiError::RateLimited { retry_after_secs } => {
                format!("Le serveur demande de ralentir. Nouvel essai dans {retry_after_secs} s.")
            }
            ApiError::ServerFailed { status } => {
                format!("Le serveur a échoué ({status}). Réessayez dans un instant.")
            }
            ApiError::Malformed { detail } => {
                format!("Le serveur a envoyé une réponse illisible ({detail}).")
            }
            ApiError::Other { status, message } => {
                format!("Le serveur a répondu {status} : {message}")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_tags_and_french_errors() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("de-DE"), Lang::En);
        assert_eq!(text(Lang::Fr, Text::SignIn), "Se connecter");
        assert_eq!(
            error_text(Lang::Fr, &ApiError::ServerFailed { status: 503 }),
            "Le serveur a échoué (503). Réessayez dans un instant."
        );
        assert_eq!(
            error_text(Lang::En, &ApiError::NotFound),
            ApiError::NotFound.to_string()
        );
    }
}
