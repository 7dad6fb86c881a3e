//! An article's comments section: the replies to its announcing post, from
//! the snapshot kept in the archive, or the comments a WordPress import
//! kept beside it.

use minijinja::Value;

use super::markdown::markdown_to_html;
use super::renderer::Renderer;
use super::ui_text;
use crate::comments::{
    ARCHIVED_FILE, CommentsError, Labels, load, load_archived, render_archived, render_section,
    snapshot_path,
};
use crate::content::Article;
use crate::problem::Problem;

/// What an article page shows of its comments.
pub struct CommentsView {
    /// The section, as safe HTML.
    pub html: Option<Value>,
    /// The replies come from a server, which the live script asks again.
    pub live: bool,
}

impl Renderer<'_> {
    pub fn comments_section(&self, article: &Article) -> Result<CommentsView, Problem> {
        let t = ui_text::for_language(&article.lang);
        let labels = Labels {
            comments: t["comments"],
            total: t["comments_total"],
            none: t["comments_none"],
            cut_short: t["comments_cut_short"],
            replies: t["comment_replies"],
            boosts: t["comment_boosts"],
            favourites: t["comment_favourites"],
            content_warning: t["content_warning"],
            reply_on: t["reply_on"],
            reply_elsewhere: t["reply_elsewhere"],
            reply: t["reply"],
            open_in_client: t["open_in_client"],
        };
        let problem = |error: CommentsError| {
            let message = error.to_string();
            let message = message
                .strip_prefix(&format!("{}/", self.archive_root.display()))
                .unwrap_or(&message)
                .to_string();
            Problem::new(&*article.source, None, message, error.hint())
        };
        if let Some(source) = &article.comments {
            let snapshot =
                load(&snapshot_path(&self.archive_root, article.slug())).map_err(problem)?;
            let client = self.site.config.comments_client.as_deref().map(|client| {
                if client.contains("://") {
                    client.to_string()
                } else {
                    format!("{}{client}", article.path.to_root())
                }
            });
            let html = render_section(source, snapshot.as_ref(), client.as_deref(), &labels);
            return Ok(CommentsView {
                html: Some(Value::from_safe_string(html)),
                live: true,
            });
        }
        let archived = article
            .bundle_assets
            .iter()
            .find(|asset| asset.file_name().is_some_and(|name| name == ARCHIVED_FILE));
        let html = match archived {
            Some(file) if self.reads_archived_comments => {
                let comments = load_archived(&self.archive_root.join(file), |markdown| {
                    markdown_to_html(markdown, &self.site.config, &article.lang)
                })
                .map_err(problem)?;
                (!comments.is_empty())
                    .then(|| Value::from_safe_string(render_archived(&comments, &labels)))
            }
            _ => None,
        };
        Ok(CommentsView { html, live: false })
    }
}
