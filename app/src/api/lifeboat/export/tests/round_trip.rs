//! The zip read back, and the files it refuses.

use super::*;

fn zipped(backup: &Backup) -> Vec<u8> {
    let plan = export_files(backup);
    let mut files = plan.files;
    for stored in plan.stored {
        files.push((stored.path, format!("bytes of {}", stored.key).into_bytes()));
    }
    write_zip(files).unwrap()
}

#[test]
fn the_zip_reads_back_into_the_same_backup_and_media() {
    let backup = sample();
    let zip = zipped(&backup);
    assert_eq!(zip, zipped(&backup), "the same backup gives the same bytes");
    let imported = read_backup_file(&zip).unwrap();
    assert_eq!(imported.backup, backup);
    let mut keys: Vec<_> = imported.media.iter().map(|(key, _)| key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["avatar", "media/555"]);
    assert!(
        imported
            .media
            .contains(&("media/555".into(), b"bytes of media/555".to_vec()))
    );
}

#[test]
fn a_bare_backup_json_reads_too() {
    let backup = sample();
    let json = serde_json::to_vec(&backup).unwrap();
    let imported = read_backup_file(&json).unwrap();
    assert_eq!(imported.backup, backup);
    assert!(imported.media.is_empty());
}

#[test]
fn media_missing_from_the_zip_is_no_longer_counted_as_kept() {
    let plan = export_files(&sample());
    let imported = read_backup_file(&write_zip(plan.files).unwrap()).unwrap();
    assert!(imported.media.is_empty());
    assert!(!imported.backup.posts.last().unwrap().media[0].stored);
}

#[test]
fn bad_files_get_errors_a_person_can_act_on() {
    let zip = zipped(&sample());
    let cut = read_backup_file(&zip[..zip.len() - 100]).unwrap_err();
    assert_eq!(cut, ImportError::Zip(ZipError::Damaged));
    assert!(cut.to_string().contains("cut short"));
    assert_eq!(
        read_backup_file(b"GIF89a...").unwrap_err(),
        ImportError::NotABackup
    );
    assert_eq!(read_backup_file(b"").unwrap_err(), ImportError::Empty);
    let newer = read_backup_file(br#"{"format": 99}"#).unwrap_err();
    assert_eq!(
        newer,
        ImportError::NewerFormat {
            found: 99,
            known: 1
        }
    );
    assert!(newer.to_string().contains("newer Samizdat"));
    assert_eq!(
        read_backup_file(br#"{"a": 1}"#).unwrap_err(),
        ImportError::NotABackup
    );
    let unrelated = write_zip(vec![("notes.txt".into(), b"hi".to_vec())]).unwrap();
    assert_eq!(
        read_backup_file(&unrelated).unwrap_err(),
        ImportError::NoBackupInside
    );
    let posts_only = write_zip(
        ["actor.json", "outbox.json"]
            .into_iter()
            .map(|name| (name.to_string(), b"{}".to_vec()))
            .collect(),
    )
    .unwrap();
    assert_eq!(
        read_backup_file(&posts_only).unwrap_err(),
        ImportError::PostsArchiveOnly
    );
}

#[test]
fn a_zip_of_mastodons_csvs_becomes_a_backup() {
    let zip = write_zip(vec![
        (
            "export/following_accounts.csv".into(),
            b"Account address,Show boosts,Notify on new posts,Languages\nbob@b.example,true,false,\n"
                .to_vec(),
        ),
        ("export/lists.csv".into(), b"Friends,bob@b.example\n".to_vec()),
        ("export/blocked_domains.csv".into(), b"spam.example\n".to_vec()),
    ])
    .unwrap();
    let backup = read_backup_file(&zip).unwrap().backup;
    assert_eq!(backup.follows[0].address, "bob@b.example");
    assert_eq!(backup.lists[0].members, ["bob@b.example"]);
    assert_eq!(backup.domain_blocks, ["spam.example"]);
    let broken = write_zip(vec![("muted_accounts.csv".into(), b"nobody\n".to_vec())]).unwrap();
    let error = read_backup_file(&broken).unwrap_err().to_string();
    assert!(error.starts_with("muted_accounts.csv, line 1:"), "{error}");
}

#[test]
fn a_single_csv_picked_by_itself_reads_by_its_name() {
    let csv = b"Account address,Hide notifications\nbob@b.example,false\n";
    let backup = read_csv_file("muted_accounts.csv", csv).unwrap().backup;
    assert_eq!(backup.mutes[0].address, "bob@b.example");
    assert!(!backup.mutes[0].notifications);
    let other = read_csv_file("contacts.csv", csv).unwrap_err();
    assert_eq!(other, ImportError::NotABackup);
}
