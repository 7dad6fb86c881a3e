//! Text the restore hands out: Mastodon's CSVs for what is left, and a
//! draft announcing the move.

use super::super::backup::Backup;
use super::plan::{Entry, Work};

const FOLLOWING_HEADER: &str = "Account address,Show boosts,Notify on new posts,Languages";

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// Follow entries as Mastodon's `following_accounts.csv`.
pub(super) fn following_csv(entries: &[&Entry]) -> String {
    let mut csv = format!("{FOLLOWING_HEADER}\n");
    for entry in entries {
        let Work::Follow {
            reblogs,
            notify,
            languages,
        } = &entry.work
        else {
            continue;
        };
        let languages = languages.as_deref().unwrap_or_default().join(", ");
        csv.push_str(&format!(
            "{},{reblogs},{notify},{}\n",
            field(entry.subject.trim()),
            field(&languages)
        ));
    }
    csv
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
