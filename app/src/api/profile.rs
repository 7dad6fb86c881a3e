//! What a profile shows: an account found by its address, and its posts.

use super::request::{Get, segment};
use super::{Account, Status};

/// `GET /api/v1/accounts/lookup`: an account by its `user[@server]`.
pub fn lookup_account(acct: &str) -> Get<Account> {
    Get::new(format!("/api/v1/accounts/lookup?acct={}", segment(acct)))
}

/// `GET /api/v1/accounts/:id/statuses`: an account's latest posts.
pub fn statuses_of(id: &str) -> Get<Vec<Status>> {
    Get::new(format!("/api/v1/accounts/{}/statuses", segment(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn profile_requests_escape_what_they_are_given() {
        assert_eq!(
            lookup_account("ada@x.org").path(),
            "/api/v1/accounts/lookup?acct=ada%40x%2Eorg"
        );
        assert_eq!(
            lookup_account("a&limit=1").path(),
            "/api/v1/accounts/lookup?acct=a%26limit%3D1"
        );
        assert_eq!(statuses_of("7/x").path(), "/api/v1/accounts/7%2Fx/statuses");
        assert!(statuses_of("7").read(r#"{"error":"x"}"#).is_err());
        assert_eq!(statuses_of("7").read("[]"), Ok(vec![]));
    }
}
