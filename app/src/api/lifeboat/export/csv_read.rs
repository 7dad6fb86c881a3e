//! Reading back Mastodon's CSV exports (ours or a server's), the way
//! Mastodon's import page reads them: header rows are optional, and
//! missing columns take Mastodon's defaults.

use thiserror::Error;

use super::csv::{BLOCKED, BLOCKED_DOMAINS, BOOKMARKS, FOLLOWING, LISTS, MUTED};
use crate::api::lifeboat::{Backup, BackupFollow, BackupList, BackupMute, KnownAccount};

/// What is wrong in which file, and where.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{file}, line {line}: {problem}")]
pub struct CsvError {
    pub file: String,
    pub line: usize,
    pub problem: CsvProblem,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum CsvProblem {
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("a quoted field is never closed")]
    UnclosedQuote,
    #[error("text follows a closing quote; quotes inside a field must be doubled")]
    TextAfterQuote,
    #[error("\"{0}\" is not an account address (expected user@server)")]
    NotAnAddress(String),
    #[error("\"{0}\" should be true or false")]
    NotAFlag(String),
    #[error("a value is missing")]
    Empty,
}

/// The first cells of the header rows Mastodon writes or accepts.
const HEADER_STARTS: [&str; 4] = ["Account address", "#domain", "#uri", "List name"];

/// Adds what a Mastodon CSV holds to `backup`. Returns `Ok(false)` for a
/// file that is not one of Mastodon's CSVs, so that callers can pass any
/// file of an archive.
pub fn read_into(file: &str, bytes: &[u8], backup: &mut Backup) -> Result<bool, CsvError> {
    if !is_mastodon_csv(file) {
        return Ok(false);
    }
    let base = file.rsplit('/').next().unwrap_or(file);
    let fail = |line, problem| CsvError {
        file: base.to_string(),
        line,
        problem,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| fail(1, CsvProblem::NotText))?;
    let rows = parse(text).map_err(|(line, problem)| fail(line, problem))?;
    let rows = rows.into_iter().enumerate().filter(|(at, (_, cells))| {
        !(*at == 0
            && cells
                .first()
                .is_some_and(|c| HEADER_STARTS.contains(&c.as_str())))
    });
    for (_, (line, cells)) in rows {
        add_row(base, &cells, backup).map_err(|problem| fail(line, problem))?;
    }
    Ok(true)
}

/// Whether a file (by its path) is one of Mastodon's CSV exports.
pub fn is_mastodon_csv(file: &str) -> bool {
    let base = file.rsplit('/').next().unwrap_or(file);
    [FOLLOWING, MUTED, BLOCKED, BLOCKED_DOMAINS, BOOKMARKS, LISTS].contains(&base)
}

fn add_row(file: &str, cells: &[String], backup: &mut Backup) -> Result<(), CsvProblem> {
    let cell = |at: usize| cells.get(at).map(|c| c.trim()).unwrap_or("");
    match file {
        FOLLOWING => backup.follows.push(BackupFollow {
            address: address(cell(0))?,
            reblogs: flag(cell(1), true)?,
            notify: flag(cell(2), false)?,
            languages: languages(cell(3)),
            ..BackupFollow::default()
        }),
        MUTED => backup.mutes.push(BackupMute {
            address: address(cell(0))?,
            notifications: flag(cell(1), true)?,
            ..BackupMute::default()
        }),
        BLOCKED => backup.blocks.push(KnownAccount {
            address: address(cell(0))?,
            url: String::new(),
        }),
        BLOCKED_DOMAINS => backup.domain_blocks.push(required(cell(0))?),
        BOOKMARKS => backup.bookmarks.push(required(cell(0))?),
        LISTS => {
            let title = cells.first().map(String::as_str).unwrap_or("");
            let member = address(cell(1))?;
            match backup.lists.iter_mut().find(|list| list.title == title) {
                Some(list) => list.members.push(member),
                None => backup.lists.push(BackupList {
                    title: title.to_string(),
                    replies_policy: "list".into(),
                    members: vec![member],
                    ..BackupList::default()
                }),
            }
        }
        _ => {}
    }
    Ok(())
}

fn required(value: &str) -> Result<String, CsvProblem> {
    if value.is_empty() {
        Err(CsvProblem::Empty)
    } else {
        Ok(value.to_string())
    }
}

fn address(value: &str) -> Result<String, CsvProblem> {
    let bare = value.trim_start_matches('@');
    match bare.split_once('@') {
        Some((user, server)) if !user.is_empty() && !server.is_empty() && !server.contains('@') => {
            Ok(bare.to_string())
        }
        _ if value.is_empty() => Err(CsvProblem::Empty),
        _ => Err(CsvProblem::NotAnAddress(value.to_string())),
    }
}

fn flag(value: &str, default: bool) -> Result<bool, CsvProblem> {
    match value.to_ascii_lowercase().as_str() {
        "" => Ok(default),
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(CsvProblem::NotAFlag(value.to_string())),
    }
}

fn languages(value: &str) -> Option<Vec<String>> {
    let languages: Vec<String> = value
        .split(',')
        .map(str::trim)
        .filter(|language| !language.is_empty())
        .map(str::to_string)
        .collect();
    (!languages.is_empty()).then_some(languages)
}

/// A row's cells, with the line it starts on.
type Row = (usize, Vec<String>);

/// Rows of the text; blank lines are skipped.
fn parse(text: &str) -> Result<Vec<Row>, (usize, CsvProblem)> {
    let mut rows = Vec::new();
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        loop {
            match chars.next() {
                None => break,
                Some('"') if cell.is_empty() => {
                    loop {
                        match chars.next() {
                            None => return Err((start, CsvProblem::UnclosedQuote)),
                            Some('"') if chars.peek() == Some(&'"') => {
                                chars.next();
                                cell.push('"');
                            }
                            Some('"') => break,
                            Some(c) => {
                                line += usize::from(c == '\n');
                                cell.push(c);
                            }
                        }
                    }
                    if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                        return Err((line, CsvProblem::TextAfterQuote));
                    }
                }
                Some(',') => cells.push(std::mem::take(&mut cell)),
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some('\n') => {
                    line += 1;
                    break;
                }
                Some(c) => cell.push(c),
            }
        }
        cells.push(cell);
        if !(cells.len() == 1 && cells.first().is_some_and(|c| c.trim().is_empty())) {
            rows.push((start, cells));
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::super::csv;
    use super::*;

    fn read(file: &str, text: &str) -> Result<Backup, CsvError> {
        let mut backup = Backup::default();
        read_into(file, text.as_bytes(), &mut backup)?;
        Ok(backup)
    }

    #[test]
    fn follows_read_with_or_without_the_header() {
        let with = read(
            FOLLOWING,
            "Account address,Show boosts,Notify on new posts,Languages\r\n\
             ada@a.example,false,true,\"en, fr\"\r\n",
        )
        .unwrap();
        let follow = &with.follows[0];
        assert_eq!(follow.address, "ada@a.example");
        assert!(!follow.reblogs && follow.notify);
        assert_eq!(follow.languages, Some(vec!["en".into(), "fr".into()]));

        let without = read(FOLLOWING, "@bob@b.example\n\ncy@c.example\n").unwrap();
        let addresses: Vec<_> = without.follows.iter().map(|f| &f.address).collect();
        assert_eq!(addresses, ["bob@b.example", "cy@c.example"]);
        assert!(without.follows[0].reblogs && without.follows[0].languages.is_none());
    }

    #[test]
    fn what_we_write_reads_back() {
        let backup = Backup {
            lists: vec![BackupList {
                title: "Art, \"music\"\nand more".into(),
                replies_policy: "list".into(),
                members: vec!["ada@a.example".into(), "bob@b.example".into()],
                ..BackupList::default()
            }],
            mutes: vec![BackupMute {
                address: "cy@c.example".into(),
                notifications: false,
                ..BackupMute::default()
            }],
            ..Backup::default()
        };
        let mut back = Backup::default();
        for (name, bytes) in csv::all(&backup) {
            assert!(read_into(&name, &bytes, &mut back).unwrap());
        }
        assert_eq!(back.lists, backup.lists);
        assert_eq!(back.mutes, backup.mutes);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let error = read(
            MUTED,
            "Account address,Hide notifications\nada@a.example,maybe\n",
        );
        assert_eq!(
            error.unwrap_err().to_string(),
            "muted_accounts.csv, line 2: \"maybe\" should be true or false"
        );
        let error = read(BLOCKED, "ada@a.example\nnobody\n").unwrap_err();
        assert_eq!(
            (error.line, error.problem),
            (2, CsvProblem::NotAnAddress("nobody".into()))
        );
        let error = read(LISTS, "Friends,ada@a.example\n\"Open,bob@b.example\n").unwrap_err();
        assert_eq!((error.line, error.problem), (2, CsvProblem::UnclosedQuote));
    }

    #[test]
    fn other_files_are_left_alone() {
        let mut backup = Backup::default();
        assert!(!read_into("outbox.json", b"{}", &mut backup).unwrap());
        assert_eq!(backup, Backup::default());
    }
}
