//! Signing in: dynamic app registration, the authorization-code flow with
//! PKCE (S256), and the token exchange, all from the browser. The redirect
//! URI is the page's own address, so every mirror of the client signs in
//! from wherever it is served.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde::{Deserialize, Serialize};

use super::request::{Body, Request, json};
use super::{ApiError, ServerAddr};

/// The scopes the client asks for.
pub const SCOPES: &str = "read write follow push";
pub const CLIENT_NAME: &str = "Samizdat";
pub const CLIENT_WEBSITE: &str = "https://samizdat.invalid/";

/// What `POST /api/v1/apps` returns; cached per server and redirect URI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppRegistration {
    pub client_id: String,
    pub client_secret: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub scope: Option<String>,
}

/// Whether the server's OAuth metadata advertises PKCE with S256.
pub fn supports_pkce(metadata: &str) -> bool {
    #[derive(Deserialize)]
    struct Metadata {
        #[serde(default)]
        code_challenge_methods_supported: Vec<String>,
    }
    serde_json::from_str::<Metadata>(metadata).is_ok_and(|metadata| {
        metadata
            .code_challenge_methods_supported
            .iter()
            .any(|method| method == "S256")
    })
}

/// The page's address without its query and fragment: where the server
/// sends the visitor back to.
pub fn redirect_uri(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// All but RFC 3986's unreserved characters are escaped.
const FORM_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn encode(value: &str) -> String {
    utf8_percent_encode(value, FORM_VALUE).to_string()
}

/// A form body (`application/x-www-form-urlencoded`).
pub fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `POST /api/v1/apps`: registers this copy of the client.
pub struct RegisterApp<'a> {
    pub redirect_uri: &'a str,
}

impl Request for RegisterApp<'_> {
    type Answer = AppRegistration;
    fn path(&self) -> String {
        "/api/v1/apps".into()
    }
    fn body(&self) -> Option<Body> {
        Some(Body::Form(form(&[
            ("client_name", CLIENT_NAME),
            ("redirect_uris", self.redirect_uri),
            ("scopes", SCOPES),
            ("website", CLIENT_WEBSITE),
        ])))
    }
    fn read(&self, body: &str) -> Result<AppRegistration, ApiError> {
        json(body)
    }
}

/// Where to send the visitor to approve the client.
pub fn authorize_url(
    server: &ServerAddr,
    app: &AppRegistration,
    redirect_uri: &str,
    state: &str,
    code_challenge: Option<&str>,
) -> String {
    let mut fields = vec![
        ("response_type", "code"),
        ("client_id", app.client_id.as_str()),
        ("redirect_uri", redirect_uri),
        ("scope", SCOPES),
        ("state", state),
    ];
    if let Some(challenge) = code_challenge {
        fields.push(("code_challenge", challenge));
        fields.push(("code_challenge_method", "S256"));
    }
    server.url(&format!("/oauth/authorize?{}", form(&fields)))
}

/// `POST /oauth/token`: the code the server sent back, for a token.
pub struct ExchangeCode<'a> {
    pub app: &'a AppRegistration,
    pub redirect_uri: &'a str,
    pub code: &'a str,
    pub code_verifier: Option<&'a str>,
}

impl Request for ExchangeCode<'_> {
    type Answer = TokenResponse;
    fn path(&self) -> String {
        "/oauth/token".into()
    }
    fn body(&self) -> Option<Body> {
        let mut fields = vec![
            ("grant_type", "authorization_code"),
            ("client_id", self.app.client_id.as_str()),
            ("client_secret", self.app.client_secret.as_str()),
            ("redirect_uri", self.redirect_uri),
            ("code", self.code),
            ("scope", SCOPES),
        ];
        if let Some(verifier) = self.code_verifier {
            fields.push(("code_verifier", verifier));
        }
        Some(Body::Form(form(&fields)))
    }
    fn read(&self, body: &str) -> Result<TokenResponse, ApiError> {
        json(body)
    }
}

/// `POST /oauth/revoke`: the token is no longer good for anything.
pub struct RevokeToken<'a> {
    pub app: &'a AppRegistration,
    pub token: &'a str,
}

impl Request for RevokeToken<'_> {
    type Answer = ();
    fn path(&self) -> String {
        "/oauth/revoke".into()
    }
    fn body(&self) -> Option<Body> {
        Some(Body::Form(form(&[
            ("client_id", &self.app.client_id),
            ("client_secret", &self.app.client_secret),
            ("token", self.token),
        ])))
    }
    fn read(&self, body: &str) -> Result<(), ApiError> {
        json::<serde::de::IgnoredAny>(body).map(|_| ())
    }
}

/// What the server put in the query when it sent the visitor back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Callback {
    Code { code: String, state: String },
    Denied { error: String, state: String },
}

/// Reads a `location.search` such as `?code=…&state=…`.
pub fn parse_callback(search: &str) -> Option<Callback> {
    let mut code = None;
    let mut state = None;
    let mut error = None;
    for pair in search.trim_start_matches('?').split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode_str(&value.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned();
        match name {
            "code" => code = Some(value),
            "state" => state = Some(value),
            "error" => error = Some(value),
            _ => {}
        }
    }
    let state = state?;
    match (code, error) {
        (Some(code), None) => Some(Callback::Code { code, state }),
        (_, Some(error)) => Some(Callback::Denied { error, state }),
        (None, None) => None,
    }
}

/// Unpadded base64url (RFC 4648 §5), as PKCE and OAuth state use.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        let symbols = chunk.len() + 1;
        for index in 0..symbols {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * index) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_7636_example() {
        // RFC 7636 appendix B: SHA-256 of the example verifier.
        let digest = [
            19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120,
            173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
        ];
        assert_eq!(
            base64url(&digest),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
    }

    #[test]
    fn the_redirect_uri_is_the_page_without_query_or_fragment() {
        assert_eq!(
            redirect_uri("https://mirror.example/x/y/?code=1#/s/public"),
            "https://mirror.example/x/y/"
        );
        assert_eq!(
            redirect_uri("http://127.0.0.1:8080/app/#/a/b"),
            "http://127.0.0.1:8080/app/"
        );
        assert_eq!(
            redirect_uri("http://127.0.0.1:8080/app/index.html"),
            "http://127.0.0.1:8080/app/index.html"
        );
    }

    #[test]
    fn authorize_url_carries_pkce_and_state() {
        let server = ServerAddr::parse("example.social").unwrap();
        let app = AppRegistration {
            client_id: "id&1".into(),
            client_secret: "s".into(),
        };
        let url = authorize_url(&server, &app, "https://m.example/app/", "st8", Some("CHAL"));
        assert!(
            url.starts_with(
                "https://example.social/oauth/authorize?response_type=code&client_id=id%261&"
            ),
            "{url}"
        );
        assert!(
            url.contains("redirect_uri=https%3A%2F%2Fm.example%2Fapp%2F"),
            "{url}"
        );
        assert!(
            url.contains("state=st8")
                && url.contains("code_challenge=CHAL&code_challenge_method=S256"),
            "{url}"
        );
        assert!(!authorize_url(&server, &app, "r", "s", None).contains("code_challenge"));
        let exchange = ExchangeCode {
            app: &app,
            redirect_uri: "r",
            code: "c0de",
            code_verifier: Some("v"),
        };
        let body = exchange.body().unwrap().text();
        assert!(
            body.contains("code=c0de") && body.ends_with("code_verifier=v"),
            "{body}"
        );
    }

    #[test]
    fn oauth_requests_post_their_forms() {
        let app = AppRegistration {
            client_id: "id".into(),
            client_secret: "s&t".into(),
        };
        let register = RegisterApp {
            redirect_uri: "https://m.example/app/",
        };
        assert_eq!(register.path(), "/api/v1/apps");
        assert_eq!(
            register.body().unwrap().text(),
            "client_name=Samizdat&redirect_uris=https%3A%2F%2Fm.example%2Fapp%2F&scopes=read%20write%20follow%20push&website=https%3A%2F%2Fsamizdat.invalid%2F"
        );
        let revoke = RevokeToken {
            app: &app,
            token: "tok",
        };
        assert_eq!(revoke.path(), "/oauth/revoke");
        assert_eq!(
            revoke.body().unwrap().text(),
            "client_id=id&client_secret=s%26t&token=tok"
        );
        assert_eq!(revoke.read("{}"), Ok(()));
        assert!(revoke.read("<html>").is_err());
    }

    #[test]
    fn callbacks_are_read_and_need_a_state() {
        assert_eq!(
            parse_callback("?code=abc&state=s%2B1"),
            Some(Callback::Code {
                code: "abc".into(),
                state: "s+1".into()
            })
        );
        assert_eq!(
            parse_callback("?error=access_denied&state=s"),
            Some(Callback::Denied {
                error: "access_denied".into(),
                state: "s".into()
            })
        );
        assert_eq!(parse_callback("?code=abc"), None);
        assert_eq!(parse_callback(""), None);
    }

    #[test]
    fn pkce_is_used_only_when_advertised() {
        assert!(supports_pkce(
            r#"{"code_challenge_methods_supported":["S256"]}"#
        ));
        assert!(!supports_pkce(
            r#"{"code_challenge_methods_supported":["plain"]}"#
        ));
        assert!(!supports_pkce("<html>"));
    }
}
