//! Accounts, and the profile table whose odd rows are skipped.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::fixtures::{ACCOUNTS, pick};
use super::json::{mutation, tree_mutation};
use crate::api::Account;

/// What the views rely on in an account the parser accepted.
pub fn check_account(account: &Account) {
    assert!(!account.id.is_empty(), "an account has an ID");
    let name = account.name();
    assert!(name == account.display_name || name == account.username);
}

proptest! {
    #![proptest_config(super::config())]

    #[test]
    fn fuzz_account(account in pick(&ACCOUNTS), mutation in mutation(6)) {
        if let Ok(account) = serde_json::from_str::<Account>(&mutation.apply(&account)) {
            check_account(&account);
        }
    }

    /// A profile row that does not read is skipped; the account and its
    /// other rows stay.
    #[test]
    fn fuzz_profile_fields(
        names in prop::collection::vec(".{0,12}", 0..5),
        odd_at in any::<prop::sample::Index>(),
        mutation in tree_mutation(3),
    ) {
        let rows: Vec<Value> = names
            .iter()
            .map(|name| json!({"name": name, "value": "<p>v</p>", "verified_at": null}))
            .collect();
        let mut odd = json!({"name": "odd", "value": "x"});
        mutation.apply_tree(&mut odd);
        let mut fields = rows.clone();
        fields.insert(odd_at.index(rows.len() + 1), odd.clone());
        let account: Account =
            serde_json::from_str(&json!({"id": "1", "fields": fields}).to_string())
                .expect("an account with an odd profile row reads");
        let alone: Account =
            serde_json::from_str(&json!({"id": "1", "fields": [odd]}).to_string())
                .expect("an account with one odd profile row reads");
        prop_assert_eq!(account.fields.len(), names.len() + alone.fields.len());
        let read: Vec<&str> = account.fields.iter().map(|field| field.name.as_str()).collect();
        for name in &names {
            prop_assert!(read.contains(&name.as_str()), "{:?} kept", name);
        }
    }
}
