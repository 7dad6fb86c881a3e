//! A status and the conversation around it.

use serde::Deserialize;

use super::Status;
use super::request::{Get, segment};

/// `GET /api/v1/statuses/:id`.
pub fn status_by_id(id: &str) -> Get<Status> {
    Get::new(format!("/api/v1/statuses/{}", segment(id)))
}

/// `GET /api/v1/statuses/:id/context`: what a status replies to, and the
/// replies it got.
pub fn context_of(id: &str) -> Get<Context> {
    Get::new(format!("/api/v1/statuses/{}/context", segment(id)))
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Context {
    pub ancestors: Vec<Status>,
    pub descendants: Vec<Status>,
}

impl Context {
    /// The whole thread, in reading order, with `status` in its place.
    pub fn around(self, status: Status) -> Vec<Status> {
        let mut thread = self.ancestors;
        thread.push(status);
        thread.extend(self.descendants);
        thread
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    fn status(id: &str) -> String {
        format!(r#"{{"id":"{id}","account":{{"id":"9","username":"ada","acct":"ada"}}}}"#)
    }

    #[test]
    fn a_thread_reads_in_order_around_its_status() {
        let context = context_of("7")
            .read(&format!(
                r#"{{"ancestors":[{}],"descendants":[{},{}]}}"#,
                status("1"),
                status("8"),
                status("9")
            ))
            .unwrap();
        let middle = status_by_id("7").read(&status("7")).unwrap();
        let ids: Vec<String> = context
            .around(middle)
            .into_iter()
            .map(|status| status.id)
            .collect();
        assert_eq!(ids, ["1", "7", "8", "9"]);
        assert_eq!(context_of("7").read("{}").unwrap(), Context::default());
    }

    #[test]
    fn ids_stay_inside_their_segment() {
        assert_eq!(status_by_id("12").path(), "/api/v1/statuses/12");
        assert_eq!(
            context_of("../x").path(),
            "/api/v1/statuses/%2E%2E%2Fx/context"
        );
    }
}
