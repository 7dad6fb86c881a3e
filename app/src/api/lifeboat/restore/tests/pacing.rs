//! The daily follow cap: what is over it waits, with its time, and the
//! rest of the restore goes on meanwhile.

use super::fake::{Fake, Stop, drive};
use super::{NOW, TARGET, follow, outcome};
use crate::api::lifeboat::backup::{Backup, BackupList, BackupMute};
use crate::api::lifeboat::exchange::Next;
use crate::api::lifeboat::restore::{BulkImport, EntryOutcome, Kind, Options, Restore, Target};

const DAY: f64 = 86_400_000.0;
const TICK: f64 = 1000.0;

fn user(index: usize) -> String {
    format!("u{index}@{TARGET}")
}

/// 401 follows, a list holding the first and the last, a mute and a
/// domain block.
fn crowd() -> (Backup, Fake) {
    let mut fake = Fake::new(TARGET);
    let mut backup = Backup::default();
    for index in 0..401 {
        fake.account(&user(index), false);
        backup.follows.push(follow(&user(index)));
    }
    fake.account(&format!("mutt@{TARGET}"), false);
    backup.lists = vec![BackupList {
        title: "Crowd".into(),
        members: vec![user(0), user(400)],
        ..BackupList::default()
    }];
    backup.mutes = vec![BackupMute {
        address: format!("mutt@{TARGET}"),
        ..BackupMute::default()
    }];
    backup.domain_blocks = vec!["spam.example".into()];
    (backup, fake)
}

/// Drives with a clock that moves on a second per request; hands back
/// when the first follow went, and where the run stopped.
fn drive_ticking(restore: &mut Restore, fake: &mut Fake, start: f64) -> (Option<f64>, Stop) {
    let mut now = start;
    let mut first_follow = None;
    loop {
        match restore.next(now) {
            Next::Send(ask) => {
                if ask.path.ends_with("/follow") && first_follow.is_none() {
                    first_follow = Some(now);
                }
                let outcome = fake.answer(&ask);
                restore.absorb(outcome, now);
                now += TICK;
            }
            Next::Wait { until_ms } => return (first_follow, Stop::Wait(until_ms)),
            _ => return (first_follow, Stop::Done),
        }
    }
}

#[test]
fn the_follow_over_the_cap_waits_a_day_from_the_first_and_the_rest_goes_on() {
    let (backup, mut fake) = crowd();
    let mut restore = Restore::new(
        &backup,
        Target::new(TARGET, BulkImport::None),
        Options::default(),
    );
    let preview = restore.preview();
    assert_eq!((preview.follows_now, preview.follows_later), (400, 1));

    let (first, stop) = drive_ticking(&mut restore, &mut fake, NOW);
    let until = first.unwrap() + DAY;
    assert_eq!(stop, Stop::Wait(until));
    assert_eq!(restore.waiting_until(), Some(until));
    assert_eq!(fake.following.len(), 400);
    assert!(!fake.following.contains(&fake.id_of(&user(400))));
    assert_eq!(
        outcome(&restore, Kind::Follow, &user(400)),
        EntryOutcome::Waiting {
            until_ms: Some(until),
            why: "daily follow limit on the new server".into()
        }
    );
    let waiting_member = outcome(&restore, Kind::ListMember, &user(400));
    assert!(
        matches!(waiting_member, EntryOutcome::Waiting { until_ms: Some(t), .. } if t == until)
    );
    assert_eq!(
        outcome(&restore, Kind::ListMember, &user(0)),
        EntryOutcome::Restored
    );
    assert_eq!(
        outcome(&restore, Kind::Mute, &format!("mutt@{TARGET}")),
        EntryOutcome::Restored
    );
    assert_eq!(
        outcome(&restore, Kind::DomainBlock, "spam.example"),
        EntryOutcome::Restored
    );
    assert!(!restore.finished());
    assert_eq!(
        restore.follows_csv_left().as_deref(),
        Some(
            "Account address,Show boosts,Notify on new posts,Languages\nu400@b.example,true,false,\n"
        )
    );

    // Still a second early: nothing goes.
    let requests = fake.log.len();
    assert_eq!(restore.next(until - 1.0), Next::Wait { until_ms: until });
    assert_eq!(fake.log.len(), requests);

    // A later visit, after a reload.
    let mut later: Restore =
        serde_json::from_str(&serde_json::to_string(&restore).unwrap()).unwrap();
    assert_eq!(drive(&mut later, &mut fake, until), Stop::Done);
    assert!(later.finished() && later.follows_csv_left().is_none());
    assert!(fake.following.contains(&fake.id_of(&user(400))));
    assert_eq!(fake.lists[0].2.len(), 2);
    // The crowd's profile is as empty as the new account's: already there.
    assert!(later.report().iter().all(|entry| match entry.kind {
        Kind::Profile => entry.outcome == EntryOutcome::Present,
        _ => entry.outcome == EntryOutcome::Restored,
    }));
}

#[test]
fn the_cap_counts_a_rolling_day() {
    let mut fake = Fake::new(TARGET);
    let mut backup = Backup::default();
    for index in 0..4 {
        fake.account(&user(index), false);
        backup.follows.push(follow(&user(index)));
    }
    let target = Target {
        follow_cap_per_day: 2,
        ..Target::new(TARGET, BulkImport::None)
    };
    let mut restore = Restore::new(&backup, target, Options::default());
    // Resolving and reading take the clock to the first follow.
    let (first, stop) = drive_ticking(&mut restore, &mut fake, NOW);
    let first = first.unwrap();
    assert_eq!(stop, Stop::Wait(first + DAY));
    assert_eq!(fake.following.len(), 2);

    // A day after the first, one slot is free; the second follow went a
    // second after the first, so its slot frees a second later.
    let stop = drive(&mut restore, &mut fake, first + DAY);
    assert_eq!(stop, Stop::Wait(first + TICK + DAY));
    assert_eq!(fake.following.len(), 3);
    assert_eq!(
        drive(&mut restore, &mut fake, first + TICK + DAY),
        Stop::Done
    );
    assert_eq!(fake.following.len(), 4);
}
