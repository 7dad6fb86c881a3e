//! The streaming API (`/api/v1/streaming` over a WebSocket): which URL
//! serves a timeline's stream, and what each message means.
//!
//! A browser cannot set headers on a WebSocket, so the token travels in the
//! query string. It therefore goes only to a streaming host that belongs to
//! the account's own server: that server's host or one of its subdomains,
//! as with `streaming.mastodon.social`. Any other advertised host is
//! ignored in favour of the server's own origin.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;

use super::{ServerAddr, Status, Timeline};

/// What a message on the stream asks of a timeline.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamEvent {
    /// A new post.
    Update(Box<Status>),
    /// A post was edited.
    Edit(Box<Status>),
    /// A post was deleted; its ID.
    Delete(String),
    /// A notification for the signed-in account.
    Notification,
    /// Anything a timeline has no use for: notifications, filters, ...
    Other,
}

impl StreamEvent {
    /// Applies an edit or a deletion to the posts in `statuses`, boosts of
    /// the post included. New posts are left to the caller, which decides
    /// where they wait.
    pub fn apply_to(&self, statuses: &mut Vec<Status>) {
        let concerns = |status: &Status, id: &str| {
            status.id == id || status.reblog.as_ref().is_some_and(|inner| inner.id == id)
        };
        match self {
            Self::Delete(id) => statuses.retain(|status| !concerns(status, id)),
            Self::Edit(edited) => {
                for status in statuses.iter_mut() {
                    if status.id == edited.id {
                        *status = (**edited).clone();
                    } else if let Some(inner) = status.reblog.as_mut()
                        && inner.id == edited.id
                    {
                        **inner = (**edited).clone();
                    }
                }
            }
            Self::Update(_) | Self::Notification | Self::Other => {}
        }
    }
}

/// The stream's name and parameters for `timeline`.
fn stream_query(timeline: &Timeline) -> String {
    let encode = |text: &str| utf8_percent_encode(text, NON_ALPHANUMERIC).to_string();
    match timeline {
        Timeline::Home => "stream=user".into(),
        Timeline::Local => "stream=public:local".into(),
        Timeline::Federated => "stream=public".into(),
        Timeline::Hashtag(tag) => format!("stream=hashtag&tag={}", encode(tag)),
        Timeline::List(id) => format!("stream=list&list={}", encode(id)),
    }
}

/// The WebSocket URL of `timeline`'s stream on `server`, using the
/// streaming host the server advertised when it is the server's own.
pub fn stream_url(
    server: &ServerAddr,
    advertised: Option<&str>,
    timeline: &Timeline,
    token: Option<&str>,
) -> String {
    let secure = !server.is_loopback();
    let base = advertised
        .and_then(|url| own_streaming_base(server, url, secure))
        .unwrap_or_else(|| {
            let scheme = if secure { "wss" } else { "ws" };
            format!("{scheme}://{server}")
        });
    let mut url = format!("{base}/api/v1/streaming?{}", stream_query(timeline));
    if let Some(token) = token {
        url.push_str("&access_token=");
        url.extend(utf8_percent_encode(token, NON_ALPHANUMERIC));
    }
    url
}

/// `advertised` as `scheme://authority`, when its host is `server`'s host
/// or a subdomain of it, and it is encrypted unless on loopback.
fn own_streaming_base(server: &ServerAddr, advertised: &str, secure: bool) -> Option<String> {
    let (scheme, rest) = advertised.trim().split_once("://")?;
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "wss" | "https" => "wss",
        "ws" | "http" if !secure => "ws",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return None;
    }
    let host = ServerAddr::parse(authority).ok()?;
    let own = host.host() == server.host()
        || host
            .host()
            .strip_suffix(server.host())
            .is_some_and(|prefix| prefix.ends_with('.'));
    own.then(|| format!("{scheme}://{host}"))
}

#[derive(Deserialize)]
struct Message<'a> {
    #[serde(default)]
    event: String,
    #[serde(default, borrow)]
    payload: Option<&'a serde_json::value::RawValue>,
}

/// The payload's own JSON text. Reading it as text rather than as a
/// `Value` keeps one copy of the status parser in the bundle.
fn payload_text(payload: &serde_json::value::RawValue) -> Option<String> {
    let raw = payload.get();
    if raw.starts_with('"') {
        serde_json::from_str(raw).ok()
    } else {
        Some(raw.to_string())
    }
}

/// Reads one text message from the stream. The payload is itself JSON
/// encoded as a string on Mastodon; some servers send it as an object.
pub fn parse_stream_message(text: &str) -> StreamEvent {
    let Ok(message) = serde_json::from_str::<Message>(text) else {
        return StreamEvent::Other;
    };
    let Some(payload) = message.payload.and_then(payload_text) else {
        return StreamEvent::Other;
    };
    let status = || serde_json::from_str::<Status>(&payload).ok().map(Box::new);
    match message.event.as_str() {
        "update" => status().map_or(StreamEvent::Other, StreamEvent::Update),
        "notification" => StreamEvent::Notification,
        // Mastodon's name, and the underscore mastodon-mock sends.
        "status.update" | "status_update" => status().map_or(StreamEvent::Other, StreamEvent::Edit),
        // The ID alone, as text; some servers send it as a number.
        "delete"
            if !payload.is_empty()
                && payload
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            StreamEvent::Delete(payload)
        }
        _ => StreamEvent::Other,
    }
}

/// Seconds to wait before reconnecting after `failures` failed attempts in
/// a row: 5 s, doubling, at most five minutes.
pub fn reconnect_delay_secs(failures: u32) -> u64 {
    5u64.saturating_mul(1u64 << failures.min(6)).min(300)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(text: &str) -> ServerAddr {
        ServerAddr::parse(text).unwrap()
    }

    #[test]
    fn each_timeline_has_its_stream() {
        let social = server("example.social");
        let url = |timeline: Timeline| stream_url(&social, None, &timeline, None);
        assert_eq!(
            url(Timeline::Home),
            "wss://example.social/api/v1/streaming?stream=user"
        );
        assert_eq!(
            url(Timeline::Local),
            "wss://example.social/api/v1/streaming?stream=public:local"
        );
        assert_eq!(
            url(Timeline::Federated),
            "wss://example.social/api/v1/streaming?stream=public"
        );
        assert_eq!(
            url(Timeline::Hashtag("café&x".into())),
            "wss://example.social/api/v1/streaming?stream=hashtag&tag=caf%C3%A9%26x"
        );
        assert_eq!(
            url(Timeline::List("42".into())),
            "wss://example.social/api/v1/streaming?stream=list&list=42"
        );
    }

    #[test]
    fn the_token_goes_only_to_the_servers_own_streaming_host() {
        let social = server("example.social");
        let with =
            |advertised: &str| stream_url(&social, Some(advertised), &Timeline::Home, Some("t+1"));
        assert_eq!(
            with("wss://streaming.example.social"),
            "wss://streaming.example.social/api/v1/streaming?stream=user&access_token=t%2B1"
        );
        assert_eq!(
            with("https://example.social/"),
            "wss://example.social/api/v1/streaming?stream=user&access_token=t%2B1"
        );
        let fallback = "wss://example.social/api/v1/streaming?stream=user&access_token=t%2B1";
        for foreign in [
            "wss://evil.example",
            "wss://notexample.social",
            "wss://example.social.evil.example",
            "wss://example.social@evil.example",
            "ws://example.social",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(with(foreign), fallback, "{foreign}");
        }
    }

    #[test]
    fn loopback_servers_stream_over_plain_websockets() {
        let local = server("127.0.0.1:3000");
        assert_eq!(
            stream_url(&local, Some("ws://127.0.0.1:3000"), &Timeline::Local, None),
            "ws://127.0.0.1:3000/api/v1/streaming?stream=public:local"
        );
        assert_eq!(
            stream_url(&local, None, &Timeline::Local, None),
            "ws://127.0.0.1:3000/api/v1/streaming?stream=public:local"
        );
    }

    #[test]
    fn messages_carry_new_edited_and_deleted_posts() {
        let status = r#"{"id":"7","created_at":"2024-01-01T00:00:00Z","content":"<p>hi</p>","account":{"id":"1","username":"ada","acct":"ada"}}"#;
        let wrapped = serde_json::json!({"stream":["user"],"event":"update","payload":status});
        match parse_stream_message(&wrapped.to_string()) {
            StreamEvent::Update(status) => assert_eq!(status.id, "7"),
            other => panic!("expected an update, got {other:?}"),
        }
        let object = format!(r#"{{"event":"status.update","payload":{status}}}"#);
        match parse_stream_message(&object) {
            StreamEvent::Edit(status) => assert_eq!(status.id, "7"),
            other => panic!("expected an edit, got {other:?}"),
        }
        let underscored = serde_json::json!({"event":"status_update","payload":status});
        match parse_stream_message(&underscored.to_string()) {
            StreamEvent::Edit(status) => assert_eq!(status.id, "7"),
            other => panic!("expected an edit, got {other:?}"),
        }
        assert_eq!(
            parse_stream_message(r#"{"stream":["public"],"event":"delete","payload":"109"}"#),
            StreamEvent::Delete("109".into())
        );
        assert_eq!(
            parse_stream_message(r#"{"event":"delete","payload":109}"#),
            StreamEvent::Delete("109".into())
        );
    }

    fn post(id: &str, content: &str) -> Status {
        let json = serde_json::json!({
            "id": id, "content": content,
            "account": {"id": "1", "username": "ada", "acct": "ada"}
        });
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn edits_and_deletions_reach_posts_and_their_boosts() {
        let mut boost = post("b1", "");
        boost.reblog = Some(Box::new(post("2", "old")));
        let mut shown = vec![post("1", "old"), boost, post("3", "old")];
        StreamEvent::Edit(Box::new(post("2", "new"))).apply_to(&mut shown);
        assert_eq!(shown[1].reblog.as_ref().unwrap().content, "new");
        assert_eq!(shown[0].content, "old");
        StreamEvent::Edit(Box::new(post("3", "new"))).apply_to(&mut shown);
        assert_eq!(shown[2].content, "new");
        StreamEvent::Delete("2".into()).apply_to(&mut shown);
        let ids: Vec<&str> = shown.iter().map(|status| status.id.as_str()).collect();
        assert_eq!(ids, ["1", "3"]);
        StreamEvent::Update(Box::new(post("4", "x"))).apply_to(&mut shown);
        assert_eq!(shown.len(), 2);
    }

    #[test]
    fn notifications_are_told_apart() {
        assert_eq!(
            parse_stream_message(
                r#"{"stream":["user"],"event":"notification","payload":"{\"id\":\"5\"}"}"#
            ),
            StreamEvent::Notification
        );
    }

    #[test]
    fn anything_else_on_the_stream_is_ignored() {
        for text in [
            "",
            "not json",
            r#"{"event":"update","payload":"{broken"}"#,
            r#"{"event":"update"}"#,
            r#"{"event":"delete","payload":""}"#,
            r#"{"event":"filters_changed"}"#,
        ] {
            assert_eq!(parse_stream_message(text), StreamEvent::Other, "{text}");
        }
    }

    #[test]
    fn reconnecting_backs_off_to_five_minutes() {
        let delays: Vec<u64> = (0..9).map(reconnect_delay_secs).collect();
        assert_eq!(delays, [5, 10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(reconnect_delay_secs(u32::MAX), 300);
    }
}
