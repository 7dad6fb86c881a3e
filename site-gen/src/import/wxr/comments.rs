//! A post's approved comments, kept in `comments.json` beside it: who wrote
//! each (the name they gave), when, what (as Markdown), and which comment
//! it answers. Never e-mail or IP addresses: those are the commenters'
//! personal data, which a public archive must not carry.

use jiff::tz::Offset;
use serde::Serialize;

use super::autop::autop;
use super::dates::resolve;
use super::post::Comment;
use crate::import::html::to_markdown;

#[derive(Serialize)]
struct Kept {
    id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<u64>,
    author: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// `pingback` or `trackback`; none for a comment.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    content: String,
}

/// What became of a post's comments.
pub struct Sorted {
    /// `comments.json`'s bytes, when some were approved.
    pub file: Option<Vec<u8>>,
    /// Reasons the others were left out, one entry per comment.
    pub left_out: Vec<&'static str>,
}

pub fn sort(comments: &[Comment], site_offset: Option<Offset>) -> Sorted {
    let mut kept = Vec::new();
    let mut left_out = Vec::new();
    for comment in comments {
        match comment.approved.as_str() {
            "1" | "approve" => {}
            "spam" => {
                left_out.push("spam comments");
                continue;
            }
            "trash" | "post-trashed" => {
                left_out.push("trashed comments");
                continue;
            }
            _ => {
                left_out.push("unapproved comments");
                continue;
            }
        }
        kept.push(Kept {
            id: comment.id,
            parent: comment.parent,
            author: comment.author.trim().to_string(),
            date: resolve(&comment.date, None, site_offset).map(|(at, _)| at.to_string()),
            kind: Some(comment.kind.trim())
                .filter(|kind| !kind.is_empty() && *kind != "comment")
                .map(str::to_string),
            content: to_markdown(&autop(&comment.content)),
        });
    }
    let file = (!kept.is_empty()).then(|| {
        let mut bytes = serde_json::to_vec_pretty(&kept).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    });
    Sorted { file, left_out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::wxr::post::LocalAndGmt;

    #[test]
    fn only_approved_comments_are_kept_and_without_addresses() {
        let comment = |approved: &str, content: &str| Comment {
            id: Some(7),
            parent: Some(5),
            author: "Ada".into(),
            date: LocalAndGmt {
                local: Some("2021-01-11 10:00:00".into()),
                gmt: Some("2021-01-11 09:00:00".into()),
            },
            content: content.into(),
            approved: approved.into(),
            kind: String::new(),
        };
        let sorted = sort(
            &[
                comment("1", "Nice\n\npost"),
                comment("spam", "buy"),
                comment("0", "hm"),
            ],
            None,
        );
        let text = String::from_utf8(sorted.file.unwrap()).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json[0]["author"], "Ada");
        assert_eq!(json[0]["parent"], 5);
        assert_eq!(json[0]["date"], "2021-01-11T09:00:00Z");
        assert_eq!(json[0]["content"], "Nice\n\npost");
        assert_eq!(json.as_array().unwrap().len(), 1);
        assert_eq!(sorted.left_out, ["spam comments", "unapproved comments"]);
    }
}
