//! What a server is: its software, version, name, rules and limits, read
//! from `/api/v2/instance`, `/api/v1/instance` or nodeinfo, whichever it
//! has. Features come from `api_versions` and nodeinfo where a server
//! offers them; version strings are a last resort, as they vary widely.

use serde::Deserialize;
use serde_json::Value;

use super::compose::Limits;
use super::lenient::null_default;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Software {
    Mastodon,
    Pleroma,
    Akkoma,
    GoToSocial,
    Pixelfed,
    Iceshrimp,
    Sharkey,
    Other(String),
}

impl Software {
    pub fn name(&self) -> &str {
        match self {
            Self::Mastodon => "Mastodon",
            Self::Pleroma => "Pleroma",
            Self::Akkoma => "Akkoma",
            Self::GoToSocial => "GoToSocial",
            Self::Pixelfed => "Pixelfed",
            Self::Iceshrimp => "Iceshrimp",
            Self::Sharkey => "Sharkey",
            Self::Other(name) => name,
        }
    }

    fn from_name(name: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "mastodon" | "hometown" | "glitch" | "glitch-soc" => Self::Mastodon,
            "pleroma" => Self::Pleroma,
            "akkoma" => Self::Akkoma,
            "gotosocial" => Self::GoToSocial,
            "pixelfed" => Self::Pixelfed,
            "sharkey" => Self::Sharkey,
            _ if lower.starts_with("iceshrimp") => Self::Iceshrimp,
            _ => Self::Other(name.to_string()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Rule {
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default, deserialize_with = "null_default")]
    pub hint: String,
}

/// What the client knows of a server once detected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerInfo {
    pub software: Software,
    /// The software's own version, as far as it can be told.
    pub version: String,
    pub title: String,
    pub description: String,
    pub rules: Vec<Rule>,
    /// What a post may hold.
    pub limits: Limits,
    /// The Mastodon API level from `api_versions`, where the server says.
    pub mastodon_api: Option<u32>,
    pub streaming_url: Option<String>,
}

impl ServerInfo {
    /// Grouped notifications (`/api/v2/notifications`) came with API level 2.
    pub fn has_grouped_notifications(&self) -> bool {
        self.mastodon_api.is_some_and(|level| level >= 2)
    }

    /// Quote posts (`quoted_status_id`) came with Mastodon 4.5, whose API
    /// level is 4 or more.
    pub fn accepts_quotes(&self) -> bool {
        self.software == Software::Mastodon && self.mastodon_api.is_some_and(|level| level >= 4)
    }
}

#[derive(Deserialize, Default)]
struct InstanceDoc {
    #[serde(default, deserialize_with = "null_default")]
    title: String,
    #[serde(default, deserialize_with = "null_default")]
    version: String,
    #[serde(default, deserialize_with = "null_default")]
    description: String,
    #[serde(default, deserialize_with = "null_default")]
    short_description: String,
    #[serde(default, deserialize_with = "null_default")]
    source_url: String,
    #[serde(default, deserialize_with = "null_default")]
    rules: Vec<Rule>,
    #[serde(default)]
    configuration: Option<Configuration>,
    #[serde(default)]
    api_versions: Option<ApiVersions>,
    #[serde(default)]
    urls: Option<Urls>,
}

#[derive(Deserialize, Default)]
struct Configuration {
    #[serde(default)]
    urls: Option<Urls>,
}

#[derive(Deserialize, Default)]
struct Urls {
    #[serde(default)]
    streaming: Option<String>,
    #[serde(default)]
    streaming_api: Option<String>,
}

#[derive(Deserialize, Default)]
struct ApiVersions {
    #[serde(default)]
    mastodon: Option<u32>,
}

#[derive(Deserialize)]
struct NodeInfo {
    software: NodeSoftware,
}

#[derive(Deserialize)]
struct NodeSoftware {
    name: String,
    #[serde(default, deserialize_with = "null_default")]
    version: String,
}

/// The nodeinfo document's URL from `/.well-known/nodeinfo`, newest schema first.
pub fn nodeinfo_url(well_known: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Links {
        links: Vec<Link>,
    }
    #[derive(Deserialize)]
    struct Link {
        rel: String,
        href: String,
    }
    let mut links = serde_json::from_str::<Links>(well_known).ok()?.links;
    links.retain(|link| {
        link.rel
            .starts_with("http://nodeinfo.diaspora.software/ns/schema/")
    });
    links.sort_by(|a, b| b.rel.cmp(&a.rel));
    links.into_iter().next().map(|link| link.href)
}

/// `2.7.2 (compatible; Akkoma 3.9.2)` → (`Akkoma`, `3.9.2`).
fn compatible_software(version: &str) -> Option<(Software, String)> {
    let inner = version
        .split_once("(compatible;")?
        .1
        .trim()
        .trim_end_matches(')')
        .trim();
    let (name, own_version) = inner.split_once([' ', '/']).unwrap_or((inner, ""));
    Some((Software::from_name(name), own_version.trim().to_string()))
}

/// An instance document, kept whole as well, for the limits read from it.
fn read_instance(text: &str) -> Option<(Value, InstanceDoc)> {
    let raw = serde_json::from_str::<Value>(text).ok()?;
    let doc = InstanceDoc::deserialize(&raw).ok()?;
    Some((raw, doc))
}

/// Works out what a server is from whichever documents it served.
/// Returns `None` when none of them can be read.
pub fn detect(v2: Option<&str>, v1: Option<&str>, nodeinfo: Option<&str>) -> Option<ServerInfo> {
    let v2 = v2.and_then(read_instance);
    let v1 = v1.and_then(read_instance);
    let node = nodeinfo.and_then(|text| serde_json::from_str::<NodeInfo>(text).ok());
    if v2.is_none() && v1.is_none() && node.is_none() {
        return None;
    }
    let (raw, doc) = v2.or(v1).unwrap_or_default();
    let (software, version) = match (&node, compatible_software(&doc.version)) {
        (Some(node), _) => (
            Software::from_name(&node.software.name),
            node.software.version.clone(),
        ),
        (None, Some(found)) => found,
        (None, None) if doc.source_url.to_ascii_lowercase().contains("gotosocial") => {
            (Software::GoToSocial, doc.version.clone())
        }
        (None, None) => (Software::Mastodon, doc.version.clone()),
    };
    let streaming_url = doc
        .configuration
        .as_ref()
        .and_then(|configuration| configuration.urls.as_ref())
        .or(doc.urls.as_ref())
        .and_then(|urls| {
            urls.streaming
                .clone()
                .or_else(|| urls.streaming_api.clone())
        });
    let description = if doc.description.is_empty() {
        doc.short_description
    } else {
        doc.description
    };
    Some(ServerInfo {
        software,
        version,
        title: doc.title,
        description,
        rules: doc.rules,
        limits: Limits::from_instance(&raw),
        mastodon_api: doc.api_versions.and_then(|versions| versions.mastodon),
        streaming_url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mastodon_4_3_from_v2_with_api_versions() {
        let info = detect(
            Some(include_str!("fixtures/mastodon-4.3-instance-v2.json")),
            None,
            None,
        )
        .unwrap();
        assert_eq!(info.software, Software::Mastodon);
        assert_eq!(info.version, "4.3.2");
        assert_eq!(info.title, "Example Social");
        assert_eq!(info.limits.max_characters, Some(500));
        assert_eq!(info.rules[0].text, "No incitement to violence.");
        assert!(info.has_grouped_notifications());
        assert!(!info.accepts_quotes(), "API level 2 predates quotes");
        let newer = ServerInfo {
            mastodon_api: Some(4),
            ..info.clone()
        };
        assert!(newer.accepts_quotes());
        assert_eq!(
            info.streaming_url.as_deref(),
            Some("wss://streaming.example.social")
        );
    }

    #[test]
    fn akkoma_from_v1_compatible_version() {
        let info = detect(
            None,
            Some(include_str!("fixtures/akkoma-3.9-instance-v1.json")),
            None,
        )
        .unwrap();
        assert_eq!(info.software, Software::Akkoma);
        assert_eq!(info.version, "3.9.2");
        assert_eq!(info.limits.max_characters, Some(5000));
        assert!(!info.has_grouped_notifications());
        assert!(!info.accepts_quotes());
        assert_eq!(info.description, "A small Akkoma server");
    }

    #[test]
    fn gotosocial_from_nodeinfo_over_its_version_string() {
        let v2 = include_str!("fixtures/gotosocial-0.16-instance-v2.json");
        let node = r#"{"version":"2.0","software":{"name":"gotosocial","version":"0.16.0+git-f1cbf6f"},"protocols":["activitypub"]}"#;
        let info = detect(Some(v2), None, Some(node)).unwrap();
        assert_eq!(info.software, Software::GoToSocial);
        assert_eq!(info.version, "0.16.0+git-f1cbf6f");
        let without_nodeinfo = detect(Some(v2), None, None).unwrap();
        assert_eq!(
            without_nodeinfo.software,
            Software::GoToSocial,
            "told by its source_url"
        );
    }

    #[test]
    fn other_compatible_servers_and_garbage() {
        let pixelfed = r#"{"uri":"pixel.example","title":"Pixels","version":"3.5.3 (compatible; Pixelfed 0.12.3)"}"#;
        let info = detect(None, Some(pixelfed), None).unwrap();
        assert_eq!(
            (info.software, info.version.as_str()),
            (Software::Pixelfed, "0.12.3")
        );
        let iceshrimp = r#"{"title":"Ice","version":"4.2.0 (compatible; Iceshrimp.NET/2024.1)"}"#;
        assert_eq!(
            detect(None, Some(iceshrimp), None).unwrap().software,
            Software::Iceshrimp
        );
        assert_eq!(detect(Some("<html>"), Some("not json"), None), None);
        let well_known = r#"{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"https://x/nodeinfo/2.0"},{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.1","href":"https://x/nodeinfo/2.1"}]}"#;
        assert_eq!(
            nodeinfo_url(well_known).as_deref(),
            Some("https://x/nodeinfo/2.1")
        );
    }
}
