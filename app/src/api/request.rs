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

    /// The form to POST; `None` for a GET.
    fn form(&self) -> Option<String> {
        None
    }

    /// Reads a successful answer's body.
    fn read(&self, body: &str) -> Result<Self::Answer, ApiError>;
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
}
