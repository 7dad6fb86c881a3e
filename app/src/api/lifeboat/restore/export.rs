//! Text the restore hands out: Mastodon's CSVs for what is left, and a
//! draft announcing the move.

use super::super::backup::{Backup, BackupFollow};
use super::super::export::csv;
use super::plan::{Entry, Work};

/// Follow entries as Mastodon's `following_accounts.csv`.
pub(super) fn following_csv(entries: &[&Entry]) -> String {
    let follows: Vec<BackupFollow> = entries
        .iter()
        .filter_map(|entry| match &entry.work {
            Work::Follow {
                reblogs,
                notify,
                languages,
            } => Some(BackupFollow {
                address: entry.subject.trim().to_string(),
                reblogs: *reblogs,
                notify: *notify,
                languages: languages.clone(),
                ..BackupFollow::default()
            }),
            _ => None,
        })
        .collect();
    String::from_utf8_lossy(&csv::following_of(&follows)).into_owned()
}

/// One address a line: Mastodon's `blocked_accounts.csv`, and what
/// Pleroma's imports read.
pub(super) fn addresses(entries: &[&Entry]) -> String {
    entries
        .iter()
        .map(|entry| format!("{}\n", entry.subject.trim()))
        .collect()
}

/// A post for the new account saying where it came from, drafted for
/// the reader to edit before posting.
pub fn announcement(backup: &Backup, new_address: &str) -> String {
    let old = backup.account.address.trim();
    let new = new_address.trim().trim_start_matches('@');
    let mut text = if old.is_empty() {
        format!("I have moved to @{new}.")
    } else {
        format!("I have moved: @{old} is now @{new}.")
    };
    text.push_str(
        " My old server is gone, so it could not tell you itself. \
         If you followed me there, please follow me here.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::lifeboat::restore::Kind;

    fn follow(address: &str, languages: Option<Vec<&str>>) -> Entry {
        Entry {
            kind: Kind::Follow,
            subject: address.into(),
            work: Work::Follow {
                reblogs: false,
                notify: true,
                languages: languages.map(|l| l.into_iter().map(String::from).collect()),
            },
            done: None,
        }
    }

    #[test]
    fn following_reads_as_mastodons_csv() {
        let entries = [
            follow("ada@a.example", Some(vec!["en", "fr"])),
            follow("odd\"name@b.example", Some(vec!["de"])),
            follow(" cy@c.example ", None),
        ];
        let refs: Vec<&Entry> = entries.iter().collect();
        assert_eq!(
            following_csv(&refs),
            "Account address,Show boosts,Notify on new posts,Languages\n\
             ada@a.example,false,true,\"en, fr\"\n\
             \"odd\"\"name@b.example\",false,true,de\n\
             cy@c.example,false,true,\n"
        );
        assert_eq!(addresses(&refs[2..]), "cy@c.example\n");
    }
}
