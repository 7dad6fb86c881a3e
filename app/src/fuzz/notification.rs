//! Notifications, grouped (v2) and one by one (v1).

use proptest::prelude::*;
use serde_json::{Value, json};

use super::fixtures::NOTIFICATIONS_V2;
use super::json::{mutation, tree_mutation};
use crate::api::{ApiError, NotificationGroup, Notifications, Request};

/// The grouped fixture as the v1 list an older server sends.
fn single_list() -> Value {
    let groups = NOTIFICATIONS_V2["notification_groups"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let find = |list: &str, id: &Value| {
        NOTIFICATIONS_V2[list]
            .as_array()
            .and_then(|items| items.iter().find(|item| &item["id"] == id).cloned())
            .unwrap_or(Value::Null)
    };
    Value::Array(
        groups
            .iter()
            .map(|group| {
                json!({
                    "id": group["most_recent_notification_id"],
                    "type": group["type"],
                    "created_at": group["latest_page_notification_at"],
                    "account": find("accounts", &group["sample_account_ids"][0]),
                    "status": find("statuses", &group["status_id"]),
                })
            })
            .collect(),
    )
}

fn check(groups: &[NotificationGroup], grouped: bool) {
    for group in groups {
        assert!(
            group.count >= 1,
            "a group stands for one notification or more"
        );
        for account in &group.accounts {
            super::account::check_account(account);
        }
        if let Some(status) = &group.status {
            super::status::check_status(status);
        }
        if !grouped {
            assert!(!group.key.is_empty(), "a notification has an ID");
            assert_eq!((group.count, group.accounts.len()), (1, 1));
        }
    }
}

proptest! {
    #![proptest_config(super::config())]

    #[test]
    fn fuzz_notifications(grouped in any::<bool>(), mutation in mutation(6)) {
        let fixture = if grouped { NOTIFICATIONS_V2.clone() } else { single_list() };
        match (Notifications { grouped }).read(&mutation.apply(&fixture)) {
            Ok(groups) => check(&groups, grouped),
            Err(ApiError::Malformed { detail }) => prop_assert!(!detail.is_empty()),
            Err(other) => prop_assert!(false, "not a typed refusal: {:?}", other),
        }
    }

    /// One odd account, status or group costs the reader that one, not
    /// the page.
    #[test]
    fn fuzz_notifications_keep_the_good_ones(
        grouped in any::<bool>(),
        list in prop::sample::select(vec!["accounts", "statuses", "notification_groups"]),
        at in any::<prop::sample::Index>(),
        mutation in tree_mutation(4),
    ) {
        let mut fixture = if grouped { NOTIFICATIONS_V2.clone() } else { single_list() };
        let items = if grouped { fixture[list].as_array_mut() } else { fixture.as_array_mut() };
        let items = items.expect("the fixture's lists are lists");
        let at = at.index(items.len());
        mutation.apply_tree(&mut items[at]);
        let groups = (Notifications { grouped })
            .read(&fixture.to_string())
            .expect("a page with one odd item reads");
        check(&groups, grouped);
        let lost = usize::from(!grouped || list == "notification_groups");
        prop_assert!(groups.len() + lost >= 2, "{} groups left", groups.len());
    }
}

/// Found by `fuzz_notifications_keep_the_good_ones`: one account with a
/// negative count, or one status without an account, failed the whole
/// page of notifications.
#[test]
fn one_odd_item_costs_only_itself() {
    let mut fixture = NOTIFICATIONS_V2.clone();
    fixture["accounts"][0]["followers_count"] = json!(-1);
    fixture["statuses"][0]["account"] = Value::Null;
    let groups = (Notifications { grouped: true })
        .read(&fixture.to_string())
        .expect("the page reads");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].status, None, "the odd status is skipped");
    let mut single = single_list();
    single[0]["account"] = json!("nobody");
    let groups = (Notifications { grouped: false })
        .read(&single.to_string())
        .expect("the page reads");
    assert_eq!(groups.len(), 1);
}

#[test]
fn both_fixtures_read_unchanged() {
    for grouped in [true, false] {
        let fixture = if grouped {
            NOTIFICATIONS_V2.clone()
        } else {
            single_list()
        };
        let groups = (Notifications { grouped })
            .read(&fixture.to_string())
            .expect("the fixture reads");
        assert_eq!(groups.len(), 2);
        assert!(groups.iter().all(|group| !group.accounts.is_empty()));
        check(&groups, grouped);
    }
}
