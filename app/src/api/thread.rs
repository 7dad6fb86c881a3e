//! A status and the conversation around it.

use serde::Deserialize;

use super::lenient::null_default;
use super::request::{Request, json, segment};
use super::{ApiError, Status};

/// `GET /api/v1/statuses/:id`.
pub struct StatusById<'a>(pub &'a str);

impl Request for StatusById<'_> {
    type Answer = Status;
    fn path(&self) -> String {
        format!("/api/v1/statuses/{}", segment(self.0))
    }
    fn read(&self, body: &str) -> Result<Status, ApiError> {
        json(body)
    }
}

/// `GET /api/v1/statuses/:id/context`: what a status replies to, and the
/// replies it got.
pub struct ContextOf<'a>(pub &'a str);

impl Request for ContextOf<'_> {
    type Answer = Context;
    fn path(&self) -> String {
        format!("/api/v1/statuses/{}/context", segment(self.0))
    }
    fn read(&self, body: &str) -> Result<Context, ApiError> {
        json(body)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Context {
    #[serde(default, deserialize_with = "null_default")]
    pub ancestors: Vec<Status>,
    #[serde(default, deserialize_with = "null_default")]
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

    fn status(id: &str) -> String {
        format!(r#"{{"id":"{id}","account":{{"id":"9","username":"ada","acct":"ada"}}}}"#)
    }

    #[test]
    fn a_thread_reads_in_order_around_its_status() {
        let context = ContextOf("7")
            .read(&format!(
                r#"{{"ancestors":[{}],"descendants":[{},{}]}}"#,
                status("1"),
                status("8"),
                status("9")
            ))
            .unwrap();
        let middle = StatusById("7").read(&status("7")).unwrap();
        let ids: Vec<String> = context
            .around(middle)
            .into_iter()
            .map(|status| status.id)
            .collect();
        assert_eq!(ids, ["1", "7", "8", "9"]);
        assert_eq!(ContextOf("7").read("{}").unwrap(), Context::default());
    }

    #[test]
    fn ids_stay_inside_their_segment() {
        assert_eq!(StatusById("12").path(), "/api/v1/statuses/12");
        assert_eq!(
            ContextOf("../x").path(),
            "/api/v1/statuses/%2E%2E%2Fx/context"
        );
    }
}
