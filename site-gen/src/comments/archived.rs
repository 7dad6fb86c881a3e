//! Comments kept from a blog's past, as `site-gen import` writes them in
//! `comments.json` beside a WordPress post: rendered as a thread like a
//! server's replies, but with no server to refresh them from.

use std::path::Path;

use serde::Deserialize;

use super::CommentsError;
use super::render::{Labels, escape, list};
use super::snapshot::{Author, Counts, Reply};
use super::thread::arrange;

/// The name of the file beside an article.
pub const ARCHIVED_FILE: &str = "comments.json";

#[derive(Deserialize)]
struct Archived {
    id: Option<u64>,
    parent: Option<u64>,
    #[serde(default)]
    author: String,
    date: Option<String>,
    /// Markdown.
    #[serde(default)]
    content: String,
}

/// The comments in `path`, their Markdown turned into HTML by `to_html`,
/// as replies the thread renderer takes.
pub fn load_archived(
    path: &Path,
    to_html: impl Fn(&str) -> String,
) -> Result<Vec<Reply>, CommentsError> {
    let bytes = std::fs::read(path).map_err(|error| CommentsError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let comments: Vec<Archived> =
        serde_json::from_slice(&bytes).map_err(|error| CommentsError::Malformed {
            path: path.to_path_buf(),
            reason: format!("not a list of comments: {error}"),
        })?;
    Ok(comments
        .into_iter()
        .enumerate()
        .map(|(index, comment)| Reply {
            account: Author {
                display_name: comment.author,
                ..Author::default()
            },
            content: to_html(&comment.content),
            counts: Counts::default(),
            created_at: comment.date.unwrap_or_default(),
            // Without an id, a comment answers nothing and nothing answers it.
            id: comment
                .id
                .map_or_else(|| format!("archived-{index}"), |id| id.to_string()),
            in_reply_to_id: comment
                .parent
                .filter(|&parent| parent != 0)
                .map(|p| p.to_string()),
            sensitive: false,
            spoiler_text: String::new(),
            url: None,
        })
        .collect())
}

/// The section for comments kept in the archive, in the order they were
/// written, threaded.
pub fn render_archived(comments: &[Reply], labels: &Labels) -> String {
    let mut html = format!(
        "<section class=\"comments\" data-comments-archived aria-labelledby=\"comments-title\">\n<h2 id=\"comments-title\">{}</h2>\n<ol class=\"comment-thread\" data-comment-list>",
        escape(labels.comments)
    );
    list(&mut html, &arrange(comments), 0, labels, false);
    html.push_str("</ol>\n</section>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archived_comments_render_threaded_without_counts_or_script_vectors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ARCHIVED_FILE);
        std::fs::write(
            &path,
            r#"[{"id": 4, "author": "Marin <b>", "date": "2021-01-11T07:00:00Z", "content": "Lovely"},
               {"id": 5, "parent": 4, "author": "Ada", "content": "Thanks"}]"#,
        )
        .unwrap();
        let comments = load_archived(&path, |markdown| {
            format!("<p>{markdown}<script>x</script></p>")
        })
        .unwrap();
        let labels = crate::comments::render::tests::labels();
        let html = render_archived(&comments, &labels);
        assert!(
            html.contains("<span class=\"display-name\">Marin &lt;b&gt;</span>"),
            "{html}"
        );
        assert!(
            html.contains("<ol><li class=\"comment\" data-comment-id=\"5\""),
            "{html}"
        );
        assert!(
            !html.contains("data-count") && !html.contains("<script"),
            "{html}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_list_of_comments_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(ARCHIVED_FILE);
        std::fs::write(&path, "{}").unwrap();
        let error = load_archived(&path, str::to_string)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("comments.json") && error.contains("not a list"),
            "{error}"
        );
    }
}
