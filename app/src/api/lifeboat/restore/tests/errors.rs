//! What a refusal, a rate limit, a failing server and an ended session
//! do to a restore.

use super::fake::{Stop, drive};
use super::{NOW, backup, engine, outcome, server};
use crate::api::ApiError;
use crate::api::lifeboat::exchange::Next;
use crate::api::lifeboat::restore::{EntryOutcome, Kind};

#[test]
fn a_refusal_makes_that_entry_impossible_with_the_servers_words() {
    let mut fake = server();
    let carol = fake.id_of("carol@b.example");
    fake.faults.push_back((
        format!("/accounts/{carol}/follow"),
        ApiError::Rejected {
            message: "You are blocked".into(),
        },
    ));
    fake.faults
        .push_back(("/statuses/500/bookmark".into(), ApiError::NotFound));
    let mut restore = engine(&backup());
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);

    assert_eq!(
        outcome(&restore, Kind::Follow, "carol@b.example"),
        EntryOutcome::Impossible {
            why: "You are blocked".into()
        }
    );
    // Not followed, so Mastodon keeps carol out of the list.
    assert_eq!(
        outcome(&restore, Kind::ListMember, "carol@b.example").name(),
        "impossible"
    );
    assert_eq!(
        outcome(&restore, Kind::Bookmark, "https://b.example/@carol/500"),
        EntryOutcome::Impossible {
            why: "not found on b.example".into()
        }
    );
    assert_eq!(
        outcome(&restore, Kind::Follow, "dan@c.example"),
        EntryOutcome::Restored
    );
    assert_eq!(
        outcome(&restore, Kind::Filter, "Spoilers"),
        EntryOutcome::Restored
    );
    assert!(restore.finished());
}

#[test]
fn rate_limits_and_failures_wait_then_retry_the_same_step() {
    let mut fake = server();
    let dan = fake.id_of("dan@c.example");
    fake.faults.push_back((
        format!("/accounts/{dan}/follow"),
        ApiError::RateLimited {
            retry_after_secs: 30,
        },
    ));
    fake.faults.push_back((
        "/api/v1/lists".into(),
        ApiError::ServerFailed { status: 500 },
    ));
    fake.faults.push_back((
        "/api/v2/filters".into(),
        ApiError::Unreachable {
            server: "b.example".into(),
        },
    ));
    let mut restore = engine(&backup());
    let mut now = NOW;
    let mut waits = Vec::new();
    while let Stop::Wait(until) = drive(&mut restore, &mut fake, now) {
        assert!(until > now);
        let sent = fake.log.len();
        assert_eq!(restore.next(until - 1.0), Next::Wait { until_ms: until });
        assert_eq!(fake.log.len(), sent, "nothing goes before the wait is over");
        waits.push(until - now);
        now = until;
    }
    assert_eq!(waits, [30_000.0, 60_000.0, 60_000.0]);
    assert!(restore.finished());
    assert!(fake.following.contains(&dan));
    assert_eq!(fake.lists.len(), 1);
    assert_eq!(fake.filters.len(), 1);
    let follows_of_dan = fake
        .log
        .iter()
        .filter(|ask| ask.path.ends_with(&format!("/{dan}/follow")))
        .count();
    assert_eq!(follows_of_dan, 2, "the refused one and its retry");
    assert!(
        restore.report().iter().all(
            |entry| entry.outcome.name() != "impossible" || entry.subject.contains("a.example")
        )
    );
}

#[test]
fn an_ended_session_stops_until_the_reader_signs_in_again() {
    let mut fake = server();
    fake.faults
        .push_back(("/api/v1/domain_blocks".into(), ApiError::Unauthorized));
    let mut restore = engine(&backup());
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);
    assert!(!restore.finished());
    assert!(restore.halted().is_some());
    assert_eq!(
        outcome(&restore, Kind::DomainBlock, "spam.example").name(),
        "waiting"
    );
    let sent = fake.log.len();
    assert_eq!(restore.next(NOW), Next::Done);
    assert_eq!(fake.log.len(), sent);

    restore.resume();
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);
    assert!(restore.finished());
    assert_eq!(fake.domain_blocks, ["spam.example"]);
}

#[test]
fn a_nearly_spent_rate_window_is_left_to_the_reader_until_it_resets() {
    use crate::api::lifeboat::exchange::RateLimit;
    let mut fake = server();
    let mut restore = engine(&backup());
    let Next::Send(ask) = restore.next(NOW) else {
        panic!("a restore starts by sending");
    };
    let mut answer = fake.answer(&ask).unwrap();
    let reset = NOW + 120_000.0;
    answer.rate = RateLimit {
        limit: Some(300),
        remaining: Some(20),
        reset_ms: Some(reset),
    };
    restore.absorb(Ok(answer.clone()), NOW);
    assert_eq!(restore.next(NOW + 1.0), Next::Wait { until_ms: reset });

    let mut roomy = engine(&backup());
    let Next::Send(_) = roomy.next(NOW) else {
        panic!("a restore starts by sending");
    };
    answer.rate.remaining = Some(21);
    roomy.absorb(Ok(answer), NOW);
    assert!(matches!(roomy.next(NOW + 1.0), Next::Send(_)));
}
