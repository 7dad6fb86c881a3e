//! A GET whose answer is a list read entry by entry: one entry a server
//! sends in an odd shape is skipped rather than losing the whole page.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::super::ApiError;
use super::super::lenient::Loose;
use super::super::request::{Request, json};

pub struct ListOf<T> {
    path: String,
    entry: PhantomData<fn() -> T>,
}

impl<T> ListOf<T> {
    /// `path` is on the server, or a full URL from a `Link` header.
    pub(super) fn at(path: String) -> Self {
        Self {
            path,
            entry: PhantomData,
        }
    }
}

impl<T: DeserializeOwned> Request for ListOf<T> {
    type Answer = Vec<T>;
    fn path(&self) -> String {
        self.path.clone()
    }
    fn read(&self, body: &str) -> Result<Vec<T>, ApiError> {
        let entries: Vec<Loose<T>> = json(body)?;
        Ok(entries.into_iter().filter_map(Loose::get).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_entries_are_skipped_and_a_non_list_fails() {
        let numbers = ListOf::<u8>::at("/x".into());
        assert_eq!(numbers.read(r#"[1, "two", 3, null]"#), Ok(vec![1, 3]));
        assert!(numbers.read(r#"{"error":"no"}"#).is_err());
        assert_eq!(numbers.path(), "/x");
    }
}
