//! Who asks to follow the reader: `GET /api/v1/follow_requests`, paged by
//! the `Link` header where the server sends one.

use super::super::Account;
use super::list_of::ListOf;

/// The first page, or the page at `next` as the server's `Link` gave it.
pub fn follow_requests(next: Option<&str>) -> ListOf<Account> {
    ListOf::at(next.map_or_else(|| "/api/v1/follow_requests".into(), str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn follow_requests_start_at_the_first_page_and_follow_links() {
        assert_eq!(follow_requests(None).path(), "/api/v1/follow_requests");
        let next = "https://x.example/api/v1/follow_requests?max_id=9";
        assert_eq!(follow_requests(Some(next)).path(), next);
        let accounts = follow_requests(None)
            .read(r#"[{"id":"4","acct":"kim@y.example"},{"acct":"no id"}]"#)
            .unwrap();
        assert_eq!(accounts.len(), 1);
        assert_eq!(accounts[0].acct, "kim@y.example");
    }
}
