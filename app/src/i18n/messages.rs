//! Sentences that carry values (a server, an error, a number), put
//! together in the reader's language.

use super::Lang;
use crate::api::{ApiError, ServerAddr, ServerAddrError};

/// Something the client tells the reader about signing in or out, kept
/// typed until shown so that it follows the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// What the reader typed is not a server's address.
    BadAddress(ServerAddrError),
    /// The server answered with an error before signing in could begin.
    ServerError(ApiError),
    NoSecureRandom,
    NoSha256,
    SignInPageRefused,
    SignInNotStartedHere,
    /// The server declined, with its own reason.
    SignInDenied(String),
    SignInMismatch,
    SignInFailed(ApiError),
    /// Signed out of the account `user@server`.
    SignedOut(String),
    /// Signed out here, but the server kept the token alive.
    SignedOutHereOnly {
        account: String,
        error: ApiError,
    },
}

/// `message` in `lang`.
pub fn message(lang: Lang, message: &Message) -> String {
    use Message::*;
    match (lang, message) {
        (_, BadAddress(error)) => address_error_text(lang, error),
        (_, ServerError(error)) => error_text(lang, error),
        (Lang::En, NoSecureRandom) => "this browser has no secure random numbers".into(),
        (Lang::Fr, NoSecureRandom) => "ce navigateur ne fournit pas de nombres aléatoires sûrs".into(),
        (Lang::En, NoSha256) => "this browser cannot compute SHA-256".into(),
        (Lang::Fr, NoSha256) => "ce navigateur ne sait pas calculer SHA-256".into(),
        (Lang::En, SignInPageRefused) => {
            "the browser refused to open the server's sign-in page".into()
        }
        (Lang::Fr, SignInPageRefused) => {
            "le navigateur a refusé d’ouvrir la page de connexion du serveur".into()
        }
        (Lang::En, SignInNotStartedHere) => {
            "This sign-in was not started here, or it expired: start it again.".into()
        }
        (Lang::Fr, SignInNotStartedHere) => {
            "Cette connexion n’a pas été commencée ici, ou elle a expiré : recommencez-la.".into()
        }
        (Lang::En, SignInDenied(reason)) => format!("The server did not sign you in ({reason})."),
        (Lang::Fr, SignInDenied(reason)) => {
            format!("Le serveur ne vous a pas connecté ({reason}).")
        }
        (Lang::En, SignInMismatch) => {
            "The sign-in answer did not match the request, so it was refused. Start again.".into()
        }
        (Lang::Fr, SignInMismatch) => {
            "La réponse du serveur ne correspondait pas à la demande : elle a été refusée. Recommencez.".into()
        }
        (Lang::En, SignInFailed(error)) => format!("Signing in failed: {error}"),
        (Lang::Fr, SignInFailed(error)) => {
            format!("La connexion a échoué : {}", error_text(lang, error))
        }
        (Lang::En, SignedOut(account)) => format!("Signed out of {account}."),
        (Lang::Fr, SignedOut(account)) => format!("Déconnecté de {account}."),
        (Lang::En, SignedOutHereOnly { account, error }) => format!(
            "Signed out of {account} here, but the server could not revoke the token: {error}"
        ),
        (Lang::Fr, SignedOutHereOnly { account, error }) => format!(
            "Déconnecté de {account} ici, mais le serveur n’a pas pu révoquer le jeton : {}",
            error_text(lang, error)
        ),
    }
}

/// Asks the reader to sign in to `server` for a view that needs an account.
pub fn sign_in_to_see(lang: Lang, server: &ServerAddr) -> String {
    match lang {
        Lang::En => format!("Sign in to {server} to see this."),
        Lang::Fr => format!("Connectez-vous à {server} pour voir ceci."),
    }
}

/// Says that the client has no page at the address `fragment`.
pub fn no_page_at(lang: Lang, fragment: &str) -> String {
    match lang {
        Lang::En => format!("This client has no page at {fragment}."),
        Lang::Fr => format!("Ce client n’a pas de page à l’adresse {fragment}."),
    }
}

/// A server's limit on the length of a post.
pub fn characters_per_post(lang: Lang, max: u64) -> String {
    match lang {
        Lang::En => format!("{max} characters per post"),
        Lang::Fr => format!("{max} caractères par message"),
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

fn address_error_text(lang: Lang, error: &ServerAddrError) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Fr => match error {
            ServerAddrError::Empty => {
                "saisissez le nom d’un serveur, par exemple mastodon.social".into()
            }
            ServerAddrError::BadHost(text) => format!(
                "« {text} » n’est pas un nom de serveur : utilisez des lettres, des chiffres, des points et des tirets, par exemple mastodon.social"
            ),
            ServerAddrError::BadPort(text) => {
                format!("« {text} » n’est pas un numéro de port : utilisez un nombre de 1 à 65535")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_their_values_in_either_language() {
        let failed = Message::SignInFailed(ApiError::ServerFailed { status: 503 });
        assert_eq!(
            message(Lang::En, &failed),
            "Signing in failed: The server failed (503). Try again in a moment."
        );
        assert_eq!(
            message(Lang::Fr, &failed),
            "La connexion a échoué : Le serveur a échoué (503). Réessayez dans un instant."
        );
        let bad_port = Message::BadAddress(ServerAddrError::BadPort("99999".into()));
        assert_eq!(
            message(Lang::En, &bad_port),
            "“99999” is not a port number: use a number from 1 to 65535"
        );
        assert_eq!(
            message(Lang::Fr, &bad_port),
            "« 99999 » n’est pas un numéro de port : utilisez un nombre de 1 à 65535"
        );
        let server = ServerAddr::parse("example.org:8443").unwrap();
        assert_eq!(
            sign_in_to_see(Lang::Fr, &server),
            "Connectez-vous à example.org:8443 pour voir ceci."
        );
        assert_eq!(
            no_page_at(Lang::En, "#/nowhere"),
            "This client has no page at #/nowhere."
        );
        assert_eq!(
            characters_per_post(Lang::Fr, 500),
            "500 caractères par message"
        );
    }
}
