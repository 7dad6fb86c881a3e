//! Putting an account in or out of the reader's lists, from its profile.

use serde::de::IgnoredAny;
use serde_json::json;

use super::super::UserList;
use super::super::request::{Body, Call, Method, segment};
use super::list_of::ListOf;

/// `GET /api/v1/accounts/:id/lists`: the reader's lists that hold it.
pub fn lists_holding(account_id: &str) -> ListOf<UserList> {
    ListOf::at(format!("/api/v1/accounts/{}/lists", segment(account_id)))
}

fn members(list_id: &str) -> String {
    format!("/api/v1/lists/{}/accounts", segment(list_id))
}

/// `POST /api/v1/lists/:id/accounts`.
pub fn add_to_list(list_id: &str, account_id: &str) -> Call<IgnoredAny> {
    Call::new(Method::Post, members(list_id))
        .with_body(Body::Json(json!({ "account_ids": [account_id] })))
}

/// `DELETE /api/v1/lists/:id/accounts`. The IDs go in the query, which
/// every server reads on a DELETE, where a body may be dropped on the way.
pub fn remove_from_list(list_id: &str, account_id: &str) -> Call<IgnoredAny> {
    Call::new(
        Method::Delete,
        format!("{}?account_ids[]={}", members(list_id), segment(account_id)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn members_are_added_as_json_and_removed_by_query() {
        assert_eq!(lists_holding("5").path(), "/api/v1/accounts/5/lists");
        let lists = lists_holding("5")
            .read(r#"[{"id":"3","title":"Crew"},{"title":"no id"}]"#)
            .unwrap();
        assert_eq!(lists[0].title, "Crew");
        let added = add_to_list("3", "5");
        assert_eq!(
            (added.method(), added.path().as_str()),
            (Method::Post, "/api/v1/lists/3/accounts")
        );
        assert_eq!(added.body().unwrap().text(), r#"{"account_ids":["5"]}"#);
        let removed = remove_from_list("3/x", "5&y");
        assert_eq!(removed.method(), Method::Delete);
        assert_eq!(
            removed.path(),
            "/api/v1/lists/3%2Fx/accounts?account_ids[]=5%26y"
        );
        assert!(removed.body().is_none() && removed.read("{}").is_ok());
    }
}
