//! Bulk imports, as GoToSocial's and Pleroma's API documentation
//! describe their requests.

use super::fake::{Fake, Stop, drive};
use super::{NOW, TARGET, backup, server};
use crate::api::lifeboat::backup::{Backup, BackupMute};
use crate::api::lifeboat::exchange::{Ask, AskBody, Next, Part};
use crate::api::lifeboat::restore::{BulkImport, EntryOutcome, Kind, Options, Restore, Target};
use crate::api::{ApiError, Body, Method};

/// The backup without lists: a bulk import is carried out by the server
/// later, so members cannot be added in the same run.
fn listless() -> Backup {
    let mut backup = backup();
    backup.lists.clear();
    backup.mutes.push(BackupMute {
        address: "carol@b.example".into(),
        expires_at: None,
        notifications: true,
        ..BackupMute::default()
    });
    backup
}

fn restore_onto(bulk: BulkImport) -> (Restore, Fake) {
    let mut restore = Restore::new(&listless(), Target::new(TARGET, bulk), Options::default());
    let mut fake = server();
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);
    (restore, fake)
}

fn first_ask_to(bulk: BulkImport, path: &str) -> Ask {
    let mut restore = Restore::new(&listless(), Target::new(TARGET, bulk), Options::default());
    let mut fake = server();
    loop {
        let Next::Send(ask) = restore.next(NOW) else {
            panic!("no request to {path}");
        };
        if ask.path == path {
            return ask;
        }
        let outcome = fake.answer(&ask);
        restore.absorb(outcome, NOW);
    }
}

#[test]
fn gotosocial_takes_follows_and_blocks_as_mastodon_csvs() {
    let ask = first_ask_to(BulkImport::GoToSocial, "/api/v1/import");
    let csv = "Account address,Show boosts,Notify on new posts,Languages\n\
               carol@b.example,true,false,\n\
               dan@c.example,true,true,\"en, fr\"\n\
               lock@b.example,true,false,\n";
    assert_eq!(
        ask,
        Ask {
            method: Method::Post,
            path: "/api/v1/import".into(),
            body: Some(AskBody::Multipart(vec![
                (
                    "data".into(),
                    Part::File {
                        file_name: "following_accounts.csv".into(),
                        mime: "text/csv".into(),
                        bytes: csv.as_bytes().to_vec(),
                    }
                ),
                ("type".into(), Part::Text("following".into())),
                ("mode".into(), Part::Text("merge".into())),
            ])),
        }
    );

    let (restore, fake) = restore_onto(BulkImport::GoToSocial);
    assert_eq!(fake.imports.len(), 2);
    assert!(fake.imports[1].1.starts_with(
        "data=blocked_accounts.csv (text/csv):\ntroll@c.example\n\ntype=blocks\nmode=merge"
    ));
    let writes = fake.writes();
    let one_by_one =
        |w: &String| w.contains("/accounts/") && (w.ends_with("/follow") || w.ends_with("/block"));
    assert!(!writes.iter().any(one_by_one), "{writes:#?}");
    // GoToSocial imports no mutes: they go one by one.
    assert_eq!(writes.iter().filter(|w| w.ends_with("/mute")).count(), 2);
    let follow = |subject: &str| {
        restore
            .report()
            .into_iter()
            .find(|e| e.kind == Kind::Follow && e.subject == subject)
            .unwrap()
            .outcome
    };
    assert_eq!(follow("carol@b.example"), EntryOutcome::Restored);
    assert_eq!(follow("eve@a.example").name(), "impossible");
}

#[test]
fn pleroma_takes_address_lists_and_the_settings_it_cannot_carry_go_one_by_one() {
    let ask = first_ask_to(BulkImport::Pleroma, "/api/pleroma/follow_import");
    assert_eq!(ask.method, Method::Post);
    assert_eq!(
        ask.body,
        Some(AskBody::Plain(Body::Form(
            "list=carol%40b.example%0Alock%40b.example".into()
        )))
    );

    let (restore, fake) = restore_onto(BulkImport::Pleroma);
    let imports: Vec<(&str, &str)> = fake
        .imports
        .iter()
        .map(|(path, what)| (path.as_str(), what.as_str()))
        .collect();
    assert_eq!(
        imports,
        [
            (
                "/api/pleroma/follow_import",
                "list=carol@b.example\nlock@b.example"
            ),
            ("/api/pleroma/mutes_import", "list=carol@b.example"),
            ("/api/pleroma/blocks_import", "list=troll@c.example"),
        ]
    );
    // dan asked for notifications and languages; mutt's mute ends.
    let dan = fake.id_of("dan@c.example");
    let mutt = fake.id_of("mutt@b.example");
    let writes = fake.writes();
    assert!(writes.contains(&format!("Post /api/v1/accounts/{dan}/follow")));
    assert!(writes.contains(&format!("Post /api/v1/accounts/{mutt}/mute")));
    assert!(restore.finished());
}

#[test]
fn a_refused_bulk_import_falls_back_to_one_by_one() {
    let mut restore = Restore::new(
        &listless(),
        Target::new(TARGET, BulkImport::GoToSocial),
        Options::default(),
    );
    let mut fake = server();
    fake.faults
        .push_back(("/api/v1/import".into(), ApiError::NotFound));
    fake.faults
        .push_back(("/api/v1/import".into(), ApiError::NotFound));
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);
    assert!(fake.imports.is_empty());
    assert!(fake.following.contains(&fake.id_of("carol@b.example")));
    assert!(fake.blocking.contains(&fake.id_of("troll@c.example")));
    assert!(restore.finished());
}
