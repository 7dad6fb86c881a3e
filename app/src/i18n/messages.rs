//! Sentences that carry values (a server, an error, a number): the words
//! come from the table in `text`, the values are put in their places here.

use super::{Lang, Text, error_text, text};
use crate::api::{ApiError, ServerAddr, ServerAddrError};

/// Something the client tells the reader that carries a value, kept typed
/// until shown so that it follows the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A view needs an account on this server.
    SignInToSee(ServerAddr),
    /// The client has no page at this address.
    NoPageAt(String),
    /// A server's limit on the length of a post.
    CharactersPerPost(u64),
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
    let say = |key, values: &[(&str, &str)]| fill(text(lang, key), values);
    match message {
        SignInToSee(server) => say(Text::SignInToSee, &[("server", &server.to_string())]),
        NoPageAt(address) => say(Text::NoPageAt, &[("address", address)]),
        CharactersPerPost(max) => say(Text::CharactersPerPost, &[("max", &max.to_string())]),
        BadAddress(error) => address_error_text(lang, error),
        ServerError(error) => error_text(lang, error),
        NoSecureRandom => say(Text::NoSecureRandom, &[]),
        NoSha256 => say(Text::NoSha256, &[]),
        SignInPageRefused => say(Text::SignInPageRefused, &[]),
        SignInNotStartedHere => say(Text::SignInNotStartedHere, &[]),
        SignInDenied(reason) => say(Text::SignInDenied, &[("reason", reason)]),
        SignInMismatch => say(Text::SignInMismatch, &[]),
        SignInFailed(error) => say(Text::SignInFailed, &[("error", &error_text(lang, error))]),
        SignedOut(account) => say(Text::SignedOut, &[("account", account)]),
        SignedOutHereOnly { account, error } => say(
            Text::SignedOutHereOnly,
            &[("account", account), ("error", &error_text(lang, error))],
        ),
    }
}

/// `template` with each `{name}` replaced by its value, in one pass, so
/// that a value (which may come from a server) is never read as a place
/// for another.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        rest = &rest[open..];
        let value = rest.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &rest[1..close])
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                filled.push_str(value);
                rest = &rest[close + 1..];
            }
            None => {
                filled.push('{');
                rest = &rest[1..];
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// What is wrong with a typed server address. English is the error's own
/// wording.
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
        let bad_port = Message::BadAddress(ServerAddrError::BadPort("99999".into()));
        let server = ServerAddr::parse("example.org:8443").unwrap();
        let cases = [
            (
                Lang::En,
                failed.clone(),
                "Signing in failed: The server failed (503). Try again in a moment.",
            ),
            (
                Lang::Fr,
                failed,
                "La connexion a échoué : Le serveur a échoué (503). Réessayez dans un instant.",
            ),
            (
                Lang::En,
                bad_port.clone(),
                "“99999” is not a port number: use a number from 1 to 65535",
            ),
            (
                Lang::Fr,
                bad_port,
                "« 99999 » n’est pas un numéro de port : utilisez un nombre de 1 à 65535",
            ),
            (
                Lang::Fr,
                Message::SignInToSee(server),
                "Connectez-vous à example.org:8443 pour voir ceci.",
            ),
            (
                Lang::En,
                Message::NoPageAt("#/nowhere".into()),
                "This client has no page at #/nowhere.",
            ),
            (
                Lang::Fr,
                Message::CharactersPerPost(500),
                "500 caractères par message",
            ),
        ];
        for (lang, said, expected) in cases {
            assert_eq!(message(lang, &said), expected, "{said:?} in {lang:?}");
        }
    }

    #[test]
    fn a_value_is_never_read_as_a_place_for_another() {
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "two")]),
            "{b} and two"
        );
        assert_eq!(fill("{unknown} {", &[("a", "x")]), "{unknown} {");
        let signed_out = Message::SignedOutHereOnly {
            account: "{error}@x.org".into(),
            error: ApiError::NotFound,
        };
        assert_eq!(
            message(Lang::En, &signed_out),
            "Signed out of {error}@x.org here, but the server could not revoke the token: This server does not have that, or no longer has it."
        );
    }
}
