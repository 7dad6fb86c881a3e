//! The documents a server describes itself with. They are read as text:
//! each is optional, and `instance` and `oauth` parse every dialect's.

use super::ApiError;
use super::request::Request;

pub enum Discovery {
    /// `/api/v2/instance`, on Mastodon 4 and those that follow it.
    InstanceV2,
    /// `/api/v1/instance`, on older servers.
    InstanceV1,
    /// `/.well-known/nodeinfo`: where the nodeinfo documents are.
    NodeinfoLinks,
    /// A nodeinfo document, at the URL the links named.
    Nodeinfo(String),
    /// `/.well-known/oauth-authorization-server` (RFC 8414).
    OAuthMetadata,
}

impl Request for Discovery {
    type Answer = String;
    fn path(&self) -> String {
        match self {
            Self::InstanceV2 => "/api/v2/instance".into(),
            Self::InstanceV1 => "/api/v1/instance".into(),
            Self::NodeinfoLinks => "/.well-known/nodeinfo".into(),
            Self::Nodeinfo(url) => url.clone(),
            Self::OAuthMetadata => "/.well-known/oauth-authorization-server".into(),
        }
    }
    fn read(&self, body: &str) -> Result<String, ApiError> {
        Ok(body.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_where_the_specifications_put_them() {
        assert_eq!(Discovery::InstanceV2.path(), "/api/v2/instance");
        assert_eq!(Discovery::NodeinfoLinks.path(), "/.well-known/nodeinfo");
        let at = "https://x.org/nodeinfo/2.1".to_string();
        assert_eq!(Discovery::Nodeinfo(at.clone()).path(), at);
        assert_eq!(
            Discovery::OAuthMetadata.read("<html>"),
            Ok("<html>".to_string())
        );
    }
}
