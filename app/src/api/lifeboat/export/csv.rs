//! Mastodon's own CSV exports, written byte for byte as Mastodon writes
//! them (`Export` in Mastodon 4.x, through Ruby's CSV), so that any
//! server's import page takes them as they are.

use crate::api::lifeboat::{Backup, BackupFollow};

/// One cell as Ruby's CSV sees it: `nil` is an empty cell, but an empty
/// string is written `""`.
enum Cell<'a> {
    Nil,
    Text(&'a str),
    Flag(bool),
}

/// Rows of cells, each row ended by `\n`, quoting only where Ruby does.
struct Sheet(String);

impl Sheet {
    fn new() -> Self {
        Self(String::new())
    }

    fn with_header(names: &[&str]) -> Self {
        let mut sheet = Self::new();
        sheet.row(
            &names
                .iter()
                .map(|name| Cell::Text(name))
                .collect::<Vec<_>>(),
        );
        sheet
    }

    fn row(&mut self, cells: &[Cell]) {
        for (at, cell) in cells.iter().enumerate() {
            if at > 0 {
                self.0.push(',');
            }
            match cell {
                Cell::Nil => {}
                Cell::Flag(flag) => self.0.push_str(if *flag { "true" } else { "false" }),
                Cell::Text(text) => self.text(text),
            }
        }
        self.0.push('\n');
    }

    fn text(&mut self, text: &str) {
        let quoted = text.is_empty() || text.contains([',', '"', '\r', '\n']);
        if !quoted {
            self.0.push_str(text);
            return;
        }
        self.0.push('"');
        self.0.push_str(&text.replace('"', "\"\""));
        self.0.push('"');
    }

    fn into_bytes(self) -> Vec<u8> {
        self.0.into_bytes()
    }
}

pub const FOLLOWING: &str = "following_accounts.csv";
pub const MUTED: &str = "muted_accounts.csv";
pub const BLOCKED: &str = "blocked_accounts.csv";
pub const BLOCKED_DOMAINS: &str = "blocked_domains.csv";
pub const BOOKMARKS: &str = "bookmarks.csv";
pub const LISTS: &str = "lists.csv";

pub const FOLLOWING_HEADER: [&str; 4] = [
    "Account address",
    "Show boosts",
    "Notify on new posts",
    "Languages",
];
pub const MUTED_HEADER: [&str; 2] = ["Account address", "Hide notifications"];

/// `following_accounts.csv`. Requests still waiting on a locked account
/// are included, unlike in Mastodon's own export: the point here is to
/// ask again from the new server.
pub fn following(backup: &Backup) -> Vec<u8> {
    following_of(&backup.follows)
}

/// `following_accounts.csv` for some follows: what a restore has left.
pub fn following_of(follows: &[BackupFollow]) -> Vec<u8> {
    let mut sheet = Sheet::with_header(&FOLLOWING_HEADER);
    for follow in follows {
        let languages = follow
            .languages
            .as_ref()
            .filter(|languages| !languages.is_empty())
            .map(|languages| languages.join(", "));
        sheet.row(&[
            Cell::Text(&follow.address),
            Cell::Flag(follow.reblogs),
            Cell::Flag(follow.notify),
            languages.as_deref().map_or(Cell::Nil, Cell::Text),
        ]);
    }
    sheet.into_bytes()
}

/// `muted_accounts.csv`. The file has no column for a mute's end, as in
/// Mastodon's: the backup itself keeps it.
pub fn muted(backup: &Backup) -> Vec<u8> {
    let mut sheet = Sheet::with_header(&MUTED_HEADER);
    for mute in &backup.mutes {
        sheet.row(&[Cell::Text(&mute.address), Cell::Flag(mute.notifications)]);
    }
    sheet.into_bytes()
}

pub fn blocked(backup: &Backup) -> Vec<u8> {
    single_column(backup.blocks.iter().map(|block| block.address.as_str()))
}

pub fn blocked_domains(backup: &Backup) -> Vec<u8> {
    single_column(backup.domain_blocks.iter().map(String::as_str))
}

pub fn bookmarks(backup: &Backup) -> Vec<u8> {
    single_column(backup.bookmarks.iter().map(String::as_str))
}

/// `lists.csv`: one row per member; an empty list leaves no row, as in
/// Mastodon's.
pub fn lists(backup: &Backup) -> Vec<u8> {
    let mut sheet = Sheet::new();
    for list in &backup.lists {
        for member in &list.members {
            sheet.row(&[Cell::Text(&list.title), Cell::Text(member)]);
        }
    }
    sheet.into_bytes()
}

fn single_column<'a>(values: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut sheet = Sheet::new();
    for value in values {
        sheet.row(&[Cell::Text(value)]);
    }
    sheet.into_bytes()
}

/// Every CSV, by file name.
pub fn all(backup: &Backup) -> Vec<(String, Vec<u8>)> {
    [
        (FOLLOWING, following(backup)),
        (MUTED, muted(backup)),
        (BLOCKED, blocked(backup)),
        (BLOCKED_DOMAINS, blocked_domains(backup)),
        (BOOKMARKS, bookmarks(backup)),
        (LISTS, lists(backup)),
    ]
    .into_iter()
    .map(|(name, bytes)| (name.to_string(), bytes))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::lifeboat::{BackupFollow, BackupList, BackupMute, KnownAccount};

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    fn follow(address: &str, languages: Option<&[&str]>) -> BackupFollow {
        BackupFollow {
            address: address.into(),
            reblogs: true,
            languages: languages.map(|l| l.iter().map(|s| s.to_string()).collect()),
            ..BackupFollow::default()
        }
    }

    #[test]
    fn follows_have_mastodons_header_and_languages_joined_with_comma_space() {
        let mut backup = Backup {
            follows: vec![
                follow("ada@a.example", Some(&["en", "fr"])),
                follow("bob@b.example", None),
                follow("cy@c.example", Some(&["de"])),
            ],
            ..Backup::default()
        };
        backup.follows[1].notify = true;
        backup.follows[1].reblogs = false;
        assert_eq!(
            text(following(&backup)),
            "Account address,Show boosts,Notify on new posts,Languages\n\
             ada@a.example,true,false,\"en, fr\"\n\
             bob@b.example,false,true,\n\
             cy@c.example,true,false,de\n"
        );
    }

    #[test]
    fn mutes_have_their_header_and_notification_flag() {
        let backup = Backup {
            mutes: vec![BackupMute {
                address: "ada@a.example".into(),
                notifications: true,
                ..BackupMute::default()
            }],
            ..Backup::default()
        };
        assert_eq!(
            text(muted(&backup)),
            "Account address,Hide notifications\nada@a.example,true\n"
        );
    }

    #[test]
    fn single_column_files_have_no_header() {
        let backup = Backup {
            blocks: vec![KnownAccount {
                address: "troll@x.example".into(),
                url: String::new(),
            }],
            domain_blocks: vec!["spam.example".into(), "worse.example".into()],
            bookmarks: vec!["https://a.example/users/ada/statuses/1".into()],
            ..Backup::default()
        };
        assert_eq!(text(blocked(&backup)), "troll@x.example\n");
        assert_eq!(
            text(blocked_domains(&backup)),
            "spam.example\nworse.example\n"
        );
        assert_eq!(
            text(bookmarks(&backup)),
            "https://a.example/users/ada/statuses/1\n"
        );
        assert_eq!(text(blocked(&Backup::default())), "");
    }

    #[test]
    fn list_titles_are_quoted_only_where_ruby_would() {
        let mut backup = Backup::default();
        let list = |title: &str, members: &[&str]| BackupList {
            title: title.into(),
            members: members.iter().map(|m| m.to_string()).collect(),
            ..BackupList::default()
        };
        backup.lists = vec![
            list("Friends", &["ada@a.example", "bob@b.example"]),
            list("Art, music", &["cy@c.example"]),
            list("The \"good\" ones", &["dee@d.example"]),
            list("Two\nlines", &["eve@e.example"]),
            list("", &["fay@f.example"]),
            list("Nobody", &[]),
        ];
        assert_eq!(
            text(lists(&backup)),
            "Friends,ada@a.example\n\
             Friends,bob@b.example\n\
             \"Art, music\",cy@c.example\n\
             \"The \"\"good\"\" ones\",dee@d.example\n\
             \"Two\nlines\",eve@e.example\n\
             \"\",fay@f.example\n"
        );
    }
}
