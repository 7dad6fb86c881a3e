//! What every request to a server is: where it goes, the form it posts,
//! if any, and how its answer reads. Views name a request; sending it is
//! the browser's business.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::ApiError;

pub trait Request {
    /// What a successful answer reads into.
    type Answer;

    /// The path on the server (`/api/…`), or a full URL the server itself
    /// gave, such as the next page in a `Link` header.
    fn path(&self) -> String;

    /// The HTTP method: a request with a body POSTs unless it says
    /// otherwise, one without GETs.
    fn method(&self) -> Method {
        if self.body().is_some() {
            Method::Post
        } else {
            Method::Get
        }
    }

    /// What the request carries, if anything.
    fn body(&self) -> Option<Body> {
        None
    }

    /// An `Idempotency-Key`, so that a retried post is not posted twice.
    fn idempotency_key(&self) -> Option<String> {
        None
    }

    /// Reads a successful answer's body.
    fn read(&self, body: &str) -> Result<Self::Answer, ApiError>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// A request's body. Servers differ in which they accept: polls only
/// arrive whole as JSON, while some endpoints read only forms.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// `application/x-www-form-urlencoded`, already encoded.
    Form(String),
    Json(serde_json::Value),
}

impl Body {
    pub fn content_type(&self) -> &'static str {
        match self {
            Self::Form(_) => "application/x-www-form-urlencoded",
            Self::Json(_) => "application/json",
        }
    }

    /// The bytes that go on the wire.
    pub fn text(&self) -> String {
        match self {
            Self::Form(form) => form.clone(),
            Self::Json(value) => value.to_string(),
        }
    }
}

/// A GET whose answer is JSON that reads into `T` as it comes.
pub struct Get<T> {
    path: String,
    answer: PhantomData<fn() -> T>,
}

impl<T> Get<T> {
    pub(super) fn new(path: String) -> Self {
        Self {
            path,
            answer: PhantomData,
        }
    }
}

impl<T: DeserializeOwned> Request for Get<T> {
    type Answer = T;
    fn path(&self) -> String {
        self.path.clone()
    }
    fn read(&self, body: &str) -> Result<T, ApiError> {
        json(body)
    }
}

/// Any request whose answer is JSON that reads into `T`: the shape of
/// every call that writes.
pub struct Call<T> {
    method: Method,
    path: String,
    body: Option<Body>,
    key: Option<String>,
    answer: PhantomData<fn() -> T>,
}

impl<T> Call<T> {
    pub(super) fn new(method: Method, path: String) -> Self {
        Self {
            method,
            path,
            body: None,
            key: None,
            answer: PhantomData,
        }
    }

    pub(super) fn with_body(mut self, body: Body) -> Self {
        self.body = Some(body);
        self
    }

    pub(super) fn with_key(mut self, key: Option<String>) -> Self {
        self.key = key;
        self
    }
}

impl<T: DeserializeOwned> Request for Call<T> {
    type Answer = T;
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
    fn read(&self, body: &str) -> Result<T, ApiError> {
        json(body)
    }
}

/// Reads a JSON body into `T`, or says what the server got wrong.
pub fn json<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|error| ApiError::Malformed {
        detail: error.to_string(),
    })
}

/// `value` as one path segment or query value: nothing in it can reach
/// another endpoint.
pub(super) fn segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_does_not_read_is_malformed() {
        assert_eq!(json::<Vec<u8>>("[1,2]"), Ok(vec![1, 2]));
        assert!(matches!(
            json::<Vec<u8>>("{\"error\":1}"),
            Err(ApiError::Malformed { .. })
        ));
        assert_eq!(segment("a/../b?c"), "a%2F%2E%2E%2Fb%3Fc");
    }

    struct Bare(Option<Body>);

    impl Request for Bare {
        type Answer = ();
        fn path(&self) -> String {
            "/x".into()
        }
        fn body(&self) -> Option<Body> {
            self.0.clone()
        }
        fn read(&self, _: &str) -> Result<(), ApiError> {
            Ok(())
        }
    }

    #[test]
    fn a_body_makes_a_post_unless_the_request_says_otherwise() {
        assert_eq!(Bare(None).method(), Method::Get);
        let form = Bare(Some(Body::Form("a=1".into())));
        assert_eq!(form.method(), Method::Post);
        assert_eq!(form.idempotency_key(), None);
        let body = form.body().unwrap();
        assert_eq!(
            (body.content_type(), body.text().as_str()),
            ("application/x-www-form-urlencoded", "a=1")
        );
        let json = Body::Json(serde_json::json!({"poll": {"options": ["a", "b"]}}));
        assert_eq!(json.content_type(), "application/json");
        assert_eq!(json.text(), r#"{"poll":{"options":["a","b"]}}"#);
    }
}
