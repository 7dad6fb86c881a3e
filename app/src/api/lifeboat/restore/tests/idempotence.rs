//! Running twice creates nothing twice, and neither does a reload
//! anywhere in the middle, even one that loses an answer.

use std::collections::BTreeMap;

use serde_json::json;

use super::fake::{Fake, Stop, drive};
use super::{NOW, backup, engine, server};
use crate::api::Method;
use crate::api::lifeboat::exchange::{Ask, Next};
use crate::api::lifeboat::restore::{EntryOutcome, Options, Restore};

fn write_of(ask: &Ask) -> Option<String> {
    (ask.method != Method::Get).then(|| format!("{:?} {} {:?}", ask.method, ask.path, ask.body))
}

/// Every write the fake received, with how many times.
fn writes(fake: &Fake) -> BTreeMap<String, usize> {
    let mut counted = BTreeMap::new();
    for write in fake.log.iter().filter_map(write_of) {
        *counted.entry(write).or_insert(0) += 1;
    }
    counted
}

/// What the new server holds, to compare runs.
fn holdings(fake: &Fake) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {:?} {:?}",
        fake.following,
        fake.requested,
        fake.lists,
        fake.muting,
        fake.blocking,
        fake.domain_blocks,
        fake.tags,
        fake.filters.len(),
        fake.statuses,
        fake.profile
    )
}

fn without_profile() -> Options {
    Options {
        profile: false,
        ..Options::default()
    }
}

#[test]
fn a_server_that_already_has_everything_is_written_nothing() {
    let mut fake = server();
    let id = |fake: &Fake, address: &str| fake.id_of(address);
    let (carol, dan) = (id(&fake, "carol@b.example"), id(&fake, "dan@c.example"));
    fake.following = [carol.clone(), dan.clone()].into();
    fake.requested = [id(&fake, "lock@b.example")].into();
    fake.lists = vec![("L9".into(), "friends".into(), [carol, dan].into())];
    fake.muting = [(id(&fake, "mutt@b.example"), json!({}))].into();
    fake.blocking = [id(&fake, "troll@c.example")].into();
    fake.domain_blocks = vec!["spam.example".into()];
    fake.tags = ["Rust".into()].into();
    fake.filters = vec![json!({"id": "F9", "title": "Spoilers", "keywords": []})];
    for status in &mut fake.statuses {
        status.2 = true;
    }
    let mut restore = Restore::new(
        &backup(),
        super::engine(&backup()).target().clone(),
        without_profile(),
    );
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);

    assert_eq!(writes(&fake), BTreeMap::new());
    for entry in restore.report() {
        let expected = match entry.subject.as_str() {
            "eve@a.example" | "https://a.example/@eve/1" => "impossible",
            "lock@b.example" => "waiting",
            _ => "present",
        };
        assert_eq!(entry.outcome.name(), expected, "{entry:?}");
    }
}

#[test]
fn a_second_run_creates_nothing_twice() {
    let mut fake = server();
    drive(&mut engine(&backup()), &mut fake, NOW);
    let first = holdings(&fake);
    let before = fake.log.len();
    let mut again = engine(&backup());
    drive(&mut again, &mut fake, NOW);
    assert_eq!(holdings(&fake), first);
    let second: Vec<String> = fake.log[before..].iter().filter_map(write_of).collect();
    assert_eq!(second, Vec::<String>::new());
    let restored: Vec<_> = again
        .report()
        .into_iter()
        .filter(|entry| entry.outcome == EntryOutcome::Restored)
        .collect();
    assert_eq!(restored, []);
}

/// Runs `steps` steps of a fresh restore, then hands over the engine and
/// the fake.
fn run_for(steps: usize) -> (Restore, Fake) {
    let mut fake = server();
    let mut restore = engine(&backup());
    for _ in 0..steps {
        let Next::Send(ask) = restore.next(NOW) else {
            panic!("the restore ended before step {steps}");
        };
        let outcome = fake.answer(&ask);
        restore.absorb(outcome, NOW);
    }
    (restore, fake)
}

fn reload(restore: &Restore) -> Restore {
    serde_json::from_str(&serde_json::to_string(restore).unwrap()).unwrap()
}

fn uninterrupted() -> (Fake, usize) {
    let mut fake = server();
    drive(&mut engine(&backup()), &mut fake, NOW);
    let steps = fake.log.len();
    (fake, steps)
}

#[test]
fn a_reload_after_any_step_goes_on_with_the_same_requests() {
    let (whole, steps) = uninterrupted();
    for cut in 0..steps {
        let (restore, mut fake) = run_for(cut);
        let mut reloaded = reload(&restore);
        assert_eq!(reloaded, restore);
        assert_eq!(drive(&mut reloaded, &mut fake, NOW), Stop::Done);
        assert_eq!(fake.log, whole.log, "reloaded after step {cut}");
    }
}

#[test]
fn a_reload_that_loses_an_answer_repeats_only_what_is_harmless_to_repeat() {
    let (whole, steps) = uninterrupted();
    for cut in 0..steps {
        let (mut restore, mut fake) = run_for(cut);
        let Next::Send(lost) = restore.next(NOW) else {
            panic!("nothing to send at step {cut}");
        };
        // Saved with the step out; the server does it; the answer is lost.
        let saved = serde_json::to_string(&restore).unwrap();
        let _ = fake.answer(&lost);
        let mut reloaded: Restore = serde_json::from_str(&saved).unwrap();
        assert_eq!(drive(&mut reloaded, &mut fake, NOW), Stop::Done);

        assert_eq!(
            holdings(&fake),
            holdings(&whole),
            "answer lost at step {cut}"
        );
        for (write, count) in writes(&fake) {
            let creates = write.starts_with("Post /api/v1/lists ")
                || write.starts_with("Post /api/v2/filters ");
            let allowed = if Some(&write) == write_of(&lost).as_ref() && !creates {
                2
            } else {
                1
            };
            assert!(count <= allowed, "{write} sent {count} times, cut {cut}");
        }
        assert!(reloaded.finished());
    }
}
