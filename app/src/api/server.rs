//! Server addresses as they appear in routes: `host[:port]`.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

/// A server the client talks to, as `host[:port]`, with no scheme or path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServerAddr {
    host: String,
    port: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerAddrError {
    #[error("enter a server name, such as mastodon.social")]
    Empty,
    #[error(
        "“{0}” is not a server name: use letters, digits, dots and hyphens, such as mastodon.social"
    )]
    BadHost(String),
    #[error("“{0}” is not a port number: use a number from 1 to 65535")]
    BadPort(String),
}

impl ServerAddr {
    /// Parses the strict form used in routes: `host`, `host:port` or `[v6]:port`.
    pub fn parse(text: &str) -> Result<Self, ServerAddrError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ServerAddrError::Empty);
        }
        let (host, port) = split_host_port(text)?;
        let host = host.to_ascii_lowercase();
        if !is_valid_host(&host) {
            return Err(ServerAddrError::BadHost(text.to_string()));
        }
        Ok(Self { host, port })
    }

    /// Parses what a person types: also accepts a scheme, a trailing slash,
    /// or a handle such as `@user@example.social`.
    pub fn parse_user_input(text: &str) -> Result<Self, ServerAddrError> {
        let mut rest = text.trim();
        for scheme in ["https://", "http://"] {
            // `get`, not indexing: the text is a person's and may cut a
            // character where the scheme would end.
            if rest
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
            {
                rest = &rest[scheme.len()..];
            }
        }
        let rest = rest.split('/').next().unwrap_or_default();
        let rest = match rest.rsplit_once('@') {
            Some((_, server)) if !server.starts_with('[') => server,
            _ => rest,
        };
        Self::parse(rest)
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    #[cfg(test)]
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// Loopback servers are reached over plain http, every other over https.
    pub fn is_loopback(&self) -> bool {
        if self.host == "localhost" {
            return true;
        }
        let bare = self.host.trim_start_matches('[').trim_end_matches(']');
        match bare.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback(),
            Err(_) => false,
        }
    }

    /// The origin, such as `https://mastodon.social` or `http://127.0.0.1:3000`.
    pub fn origin(&self) -> String {
        let scheme = if self.is_loopback() { "http" } else { "https" };
        format!("{scheme}://{self}")
    }

    /// An absolute URL on this server for `path`, which starts with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Whether `url` points at this server: tokens are only ever sent there.
    pub fn owns_url(&self, url: &str) -> bool {
        let origin = self.origin();
        url.strip_prefix(&origin)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
    }
}

impl fmt::Display for ServerAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.port {
            Some(port) => write!(f, "{}:{port}", self.host),
            None => f.write_str(&self.host),
        }
    }
}

/// Stored as the text routes use, `host[:port]`, as accounts saved before
/// this type existed already are.
impl serde::Serialize for ServerAddr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ServerAddr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn split_host_port(text: &str) -> Result<(&str, Option<u16>), ServerAddrError> {
    let (host, port) = if text.starts_with('[') {
        match text.find(']') {
            Some(end) => {
                let rest = &text[end + 1..];
                let port = match rest.strip_prefix(':') {
                    Some(port) => Some(port),
                    None if rest.is_empty() => None,
                    None => return Err(ServerAddrError::BadHost(text.to_string())),
                };
                (&text[..=end], port)
            }
            None => return Err(ServerAddrError::BadHost(text.to_string())),
        }
    } else {
        match text.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    let port = match port {
        None => None,
        Some(port) => match port.parse::<u16>() {
            Ok(0) | Err(_) => return Err(ServerAddrError::BadPort(port.to_string())),
            Ok(port) => Some(port),
        },
    };
    Ok((host, port))
}

fn is_valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<Ipv6Addr>().is_ok();
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_host_and_port() {
        let addr = ServerAddr::parse("Mastodon.Social").unwrap();
        assert_eq!(addr.host(), "mastodon.social");
        assert_eq!(addr.port(), None);
        assert_eq!(addr.origin(), "https://mastodon.social");

        let addr = ServerAddr::parse("127.0.0.1:3000").unwrap();
        assert_eq!(addr.port(), Some(3000));
        assert_eq!(addr.origin(), "http://127.0.0.1:3000");
        assert_eq!(addr.to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn loopback_uses_http_and_the_rest_https() {
        for loopback in ["localhost:8080", "127.0.0.1", "127.4.5.6:1", "[::1]:3000"] {
            let addr = ServerAddr::parse(loopback).unwrap();
            assert!(addr.origin().starts_with("http://"), "{loopback}");
        }
        for remote in ["10.0.0.1", "example.org:8443", "[2001:db8::1]"] {
            let addr = ServerAddr::parse(remote).unwrap();
            assert!(addr.origin().starts_with("https://"), "{remote}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_host() {
        for bad in [
            "",
            "exa mple.org",
            "a/b",
            "-x.org",
            "x..org",
            "[::1",
            "user@x.org",
        ] {
            assert!(
                ServerAddr::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
        assert_eq!(
            ServerAddr::parse("x.org:99999"),
            Err(ServerAddrError::BadPort("99999".into()))
        );
        assert_eq!(
            ServerAddr::parse("x.org:0"),
            Err(ServerAddrError::BadPort("0".into()))
        );
    }

    #[test]
    fn user_input_may_carry_a_scheme_path_or_handle() {
        for input in [
            "https://mastodon.social/",
            "HTTP://mastodon.social/about",
            "@alice@mastodon.social",
            " mastodon.social ",
        ] {
            assert_eq!(
                ServerAddr::parse_user_input(input).unwrap().host(),
                "mastodon.social",
                "{input}"
            );
        }
    }

    #[test]
    fn stored_as_the_text_of_its_route() {
        for text in ["127.0.0.1:3000", "mastodon.social", "[::1]:8080"] {
            let addr = ServerAddr::parse(text).unwrap();
            let json = serde_json::to_string(&addr).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<ServerAddr>(&json).unwrap(), addr);
        }
        assert!(serde_json::from_str::<ServerAddr>("\"not a host\"").is_err());
    }

    #[test]
    fn owns_only_urls_on_its_own_origin() {
        let addr = ServerAddr::parse("example.social").unwrap();
        assert!(addr.owns_url("https://example.social/api/v1/timelines/public?max_id=3"));
        assert!(addr.owns_url("https://example.social"));
        assert!(!addr.owns_url("https://example.social.evil.org/api"));
        assert!(!addr.owns_url("http://example.social/api"));
        assert!(!addr.owns_url("https://example.social@evil.org/"));
    }
}
