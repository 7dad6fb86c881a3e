//! The replies to an announcing post, as kept in the archive: only what a
//! page shows, in a stable order, so that builds stay offline and the
//! same snapshot always renders the same bytes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::CommentsError;

/// Where snapshots live, relative to the archive: hidden, so never
/// published as a file, and beside the build record.
pub const SNAPSHOT_DIR: &str = ".samizdat/comments";

const FORMAT: &str = "samizdat-comments/1";

/// Fields are declared in alphabetical order, so the JSON's keys are sorted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// True when the server gave fewer replies than the thread holds.
    pub cut_short: bool,
    /// When the replies were fetched (RFC 3339); kept unchanged while the
    /// replies are.
    pub fetched_at: String,
    pub format: String,
    pub post: Post,
    pub replies: Vec<Reply>,
    pub server: String,
    pub status_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub favourites: u64,
    pub reblogs: u64,
    pub replies: u64,
}

/// The announcing post itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    pub counts: Counts,
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub acct: String,
    pub avatar: Option<String>,
    pub display_name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub account: Author,
    /// The server's HTML, unsanitized: a build sanitizes it as it renders.
    pub content: String,
    pub counts: Counts,
    pub created_at: String,
    pub id: String,
    pub in_reply_to_id: Option<String>,
    pub sensitive: bool,
    pub spoiler_text: String,
    pub url: Option<String>,
}

impl Snapshot {
    pub fn new(server: &str, status_id: &str, post: Post, mut replies: Vec<Reply>) -> Self {
        replies.sort_by(|a, b| {
            a.created_at
                .cmp(&b.created_at)
                .then_with(|| a.id.len().cmp(&b.id.len()))
                .then_with(|| a.id.cmp(&b.id))
        });
        Self {
            cut_short: false,
            fetched_at: String::new(),
            format: FORMAT.to_string(),
            post,
            replies,
            server: server.to_string(),
            status_id: status_id.to_string(),
        }
    }

    /// Pretty JSON with a final newline, friendly to a diff.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// Whether `other` holds the same replies, whenever it was fetched.
    pub fn same_replies(&self, other: &Snapshot) -> bool {
        Snapshot {
            fetched_at: String::new(),
            ..self.clone()
        } == Snapshot {
            fetched_at: String::new(),
            ..other.clone()
        }
    }
}

/// The snapshot file of the article published at `slug`.
pub fn snapshot_path(archive: &Path, slug: &str) -> PathBuf {
    archive.join(SNAPSHOT_DIR).join(format!("{slug}.json"))
}

/// The snapshot at `path`, or none when there is no file.
pub fn load(path: &Path) -> Result<Option<Snapshot>, CommentsError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(CommentsError::Read {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    let snapshot: Snapshot =
        serde_json::from_slice(&bytes).map_err(|error| CommentsError::Malformed {
            path: path.to_path_buf(),
            reason: error.to_string(),
        })?;
    if snapshot.format != FORMAT {
        return Err(CommentsError::Malformed {
            path: path.to_path_buf(),
            reason: format!("its format is “{}”, not {FORMAT}", snapshot.format),
        });
    }
    Ok(Some(snapshot))
}

/// Writes `snapshot` to `path` whole or not at all.
pub fn save(path: &Path, snapshot: &Snapshot) -> Result<(), CommentsError> {
    let failed = |error| CommentsError::Write {
        path: path.to_path_buf(),
        error,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(failed)?;
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    std::io::Write::write_all(&mut file, &snapshot.to_bytes()).map_err(failed)?;
    file.persist(path).map_err(|error| failed(error.error))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn reply(id: &str, parent: Option<&str>, content: &str) -> Reply {
        Reply {
            account: Author {
                acct: "alan@other.example".into(),
                avatar: Some("https://other.example/a.png".into()),
                display_name: "Alan".into(),
                url: Some("https://other.example/@alan".into()),
            },
            content: content.into(),
            counts: Counts {
                favourites: 2,
                reblogs: 1,
                replies: 0,
            },
            created_at: format!("2026-01-01T00:00:0{}Z", id.len()),
            id: id.into(),
            in_reply_to_id: parent.map(str::to_string),
            sensitive: false,
            spoiler_text: String::new(),
            url: Some(format!("https://other.example/@alan/{id}")),
        }
    }

    pub fn snapshot(replies: Vec<Reply>) -> Snapshot {
        Snapshot::new(
            "https://s.example",
            "1",
            Post {
                counts: Counts {
                    favourites: 5,
                    reblogs: 3,
                    replies: 2,
                },
                url: "https://s.example/@ada/1".into(),
            },
            replies,
        )
    }

    #[test]
    fn round_trips_with_sorted_keys_and_ordered_replies() {
        let later = Reply {
            created_at: "2026-02-01T00:00:00Z".into(),
            ..reply("9", Some("1"), "<p>later</p>")
        };
        let snapshot = snapshot(vec![later, reply("10", Some("1"), "<p>earlier</p>")]);
        assert_eq!(snapshot.replies[0].id, "10", "ordered by time, then id");
        let dir = tempfile::tempdir().unwrap();
        let path = snapshot_path(dir.path(), "news/storm");
        save(&path, &snapshot).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let keys: Vec<&str> = text
            .lines()
            .filter(|line| line.starts_with("  \"") && line.contains("\":"))
            .map(|line| line.trim().split('"').nth(1).unwrap_or_default())
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
        assert_eq!(load(&path).unwrap(), Some(snapshot));
        assert_eq!(load(&dir.path().join("none.json")).unwrap(), None);
    }

    #[test]
    fn a_malformed_snapshot_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, "{\"format\": 3}").unwrap();
        let error = load(&path).unwrap_err().to_string();
        assert!(error.contains("bad.json"), "{error}");
    }
}
