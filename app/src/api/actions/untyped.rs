//! Any request as one type whose answer is the body's text. Sending is
//! a large piece of code, built once per type of request it sends: going
//! through this one type builds it once, and each typed request then only
//! reads the text.

use super::super::ApiError;
use super::super::request::{Body, Method, Request};

pub struct Untyped {
    method: Method,
    path: String,
    body: Option<Body>,
    key: Option<String>,
}

impl Untyped {
    /// A request built elsewhere than in a typed call (Lifeboat's engines).
    pub fn new(method: Method, path: String, body: Option<Body>) -> Self {
        Self {
            method,
            path,
            body,
            key: None,
        }
    }

    pub fn of<R: Request>(request: &R) -> Self {
        Self {
            method: request.method(),
            path: request.path(),
            body: request.body(),
            key: request.idempotency_key(),
        }
    }
}

impl Request for Untyped {
    type Answer = String;
    fn path(&self) -> String {
        self.path.clone()
    }
    fn method(&self) -> Method {
        self.method
    }
    fn body(&self) -> Option<Body> {
        self.body.clone()
    }
    fn idempotency_key(&self) -> Option<String> {
        self.key.clone()
    }
    fn read(&self, body: &str) -> Result<String, ApiError> {
        Ok(body.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::actions::{block_domain, relationships};

    #[test]
    fn an_untyped_request_goes_where_the_typed_one_would() {
        let typed = block_domain("x.example");
        let untyped = Untyped::of(&typed);
        assert_eq!(
            (untyped.method(), untyped.path(), untyped.body()),
            (typed.method(), typed.path(), typed.body())
        );
        let get = Untyped::of(&relationships(&["1"]));
        assert_eq!(get.method(), Method::Get);
        assert_eq!(get.idempotency_key(), None);
        assert_eq!(get.read("[{\"id\":1}]"), Ok("[{\"id\":1}]".to_string()));
    }
}
