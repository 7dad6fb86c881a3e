//! Statuses, alone and as a timeline page.

use proptest::prelude::*;
use serde_json::Value;

use super::fixtures::{STATUSES, pick};
use super::json::{Mutation, mutation, tree_mutation};
use crate::api::{Posts, Status, Visibility, verdict};

/// What the views rely on in a status the parser accepted.
pub fn check_status(status: &Status) {
    assert!(!status.id.is_empty(), "a status has an ID");
    super::account::check_account(&status.account);
    for id in [&status.in_reply_to_id, &status.in_reply_to_account_id] {
        assert_ne!(
            id.as_deref(),
            Some(""),
            "an ID, when there is one, is not empty"
        );
    }
    if let Visibility::Other(name) = &status.visibility {
        assert!(
            !["", "public", "unlisted", "private", "direct"].contains(&name.as_str()),
            "a known visibility is never kept as another: {name:?}"
        );
    }
    for media in &status.media_attachments {
        assert!(!media.id.is_empty(), "an attachment has an ID");
        if let Some(size) = media.meta.size {
            assert!((1..=100_000).contains(&size.width) && (1..=100_000).contains(&size.height));
        }
        if let Some(focus) = media.meta.focus {
            assert!((-1.0..=1.0).contains(&focus.x) && (-1.0..=1.0).contains(&focus.y));
        }
    }
    for mention in &status.mentions {
        assert!(!mention.id.is_empty(), "a mention has an ID");
    }
    if let Some(poll) = &status.poll {
        assert_ne!(poll.id.as_deref(), Some(""), "a poll's ID is not empty");
        let shares = poll.percentages();
        assert_eq!(shares.len(), poll.options.len());
        for share in shares.into_iter().flatten() {
            assert!(
                share <= 100,
                "a share of the votes is at most 100 %: {share}"
            );
        }
    }
    verdict(status);
    if let Some(boosted) = &status.reblog {
        check_status(boosted);
    }
    if let Some(quoted) = &status.quote {
        check_status(quoted);
        assert_eq!(quoted.quote, None, "a quote's own quote is not read");
    }
}

/// A status read from `text`, checked when the parser accepts it.
pub fn read_status(text: &str) -> Option<Status> {
    let status = serde_json::from_str::<Status>(text).ok()?;
    check_status(&status);
    Some(status)
}

/// A timeline page of `entries`, each one written as it is.
fn page(entries: &[Value]) -> String {
    Value::Array(entries.to_vec()).to_string()
}

proptest! {
    #![proptest_config(super::config())]

    #[test]
    fn fuzz_status(status in pick(&STATUSES), mutation in mutation(6)) {
        read_status(&mutation.apply(&status));
    }

    /// One odd post costs the reader that post, not the page: every other
    /// post reads as it does alone, in its place.
    #[test]
    fn fuzz_timeline_page(
        good in prop::collection::vec(pick(&STATUSES), 0..5),
        odd in pick(&STATUSES),
        at in any::<prop::sample::Index>(),
        mutation in tree_mutation(4),
    ) {
        let mut odd = odd;
        mutation.apply_tree(&mut odd);
        let mut entries = good.clone();
        entries.insert(at.index(good.len() + 1), odd.clone());
        let posts: Posts = serde_json::from_str(&page(&entries)).expect("a list of posts reads");
        let alone: Vec<Option<Status>> = entries
            .iter()
            .map(|entry| read_status(&entry.to_string()))
            .collect();
        let expected: Vec<Status> = alone.iter().flatten().cloned().collect();
        prop_assert_eq!(&posts.statuses, &expected);
        prop_assert_eq!(posts.unreadable, alone.iter().filter(|read| read.is_none()).count());
        prop_assert!(posts.statuses.len() >= good.len(), "the good posts all read");
    }

    /// Whatever counts a server sends, each option's share is a percentage.
    #[test]
    fn fuzz_poll_shares(
        votes in prop::collection::vec(prop::option::of(any::<u64>()), 0..6),
        total in any::<u64>(),
    ) {
        let options: Vec<Value> = votes
            .iter()
            .map(|votes| serde_json::json!({"title": "o", "votes_count": votes}))
            .collect();
        let status = serde_json::json!({
            "id": "1", "account": {"id": "2"},
            "poll": {"id": "3", "options": options, "votes_count": total},
        });
        let status = read_status(&status.to_string()).expect("a poll with any counts reads");
        prop_assert_eq!(status.poll.map(|poll| poll.options.len()), Some(votes.len()));
    }
}

/// Found by `fuzz_timeline_page`: Pleroma's status with `"poll": {"id": ""}`
/// read as a poll whose ID is empty, which a vote would post to
/// `/api/v1/polls//votes`.
#[test]
fn an_empty_optional_id_reads_as_none() {
    let status = read_status(
        r#"{"id":"1","account":{"id":"2"},"in_reply_to_id":"","in_reply_to_account_id":"",
            "poll":{"id":"","options":[]}}"#,
    )
    .expect("the status reads");
    assert_eq!(status.in_reply_to_id, None);
    assert_eq!(status.in_reply_to_account_id, None);
    assert_eq!(status.poll.and_then(|poll| poll.id), None);
}

/// Found by `fuzz_poll_shares`: an option with more than a hundredth of
/// `u64::MAX` votes overflowed the share's arithmetic (a panic in a debug
/// build, a wrapped nonsense share in the client's release build), and an
/// option with more votes than the poll read as more than 100 %.
#[test]
fn poll_shares_stay_percentages_whatever_the_counts() {
    let status = read_status(
        r#"{"id":"1","account":{"id":"2"},"poll":{"votes_count":3,"options":[
            {"title":"a","votes_count":184467440737095517},{"title":"b","votes_count":7}]}}"#,
    )
    .expect("the status reads");
    let poll = status.poll.expect("the poll reads");
    assert_eq!(poll.percentages(), [Some(100), Some(100)]);
    let whole = read_status(
        r#"{"id":"1","account":{"id":"2"},"poll":{"votes_count":18446744073709551615,"options":[
            {"title":"a","votes_count":18446744073709551615},{"title":"b","votes_count":0}]}}"#,
    )
    .expect("the status reads");
    assert_eq!(
        whole.poll.expect("the poll reads").percentages(),
        [Some(100), Some(0)]
    );
}

#[test]
fn every_fixture_reads_unchanged() {
    let unchanged = Mutation {
        edits: Vec::new(),
        text: super::json::TextEdit::Keep,
    };
    for status in STATUSES.iter() {
        assert!(read_status(&unchanged.apply(status)).is_some(), "{status}");
    }
}
