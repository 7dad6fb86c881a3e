//! A small archive whose one article takes its comments from a post on a
//! mastodon-mock, and the steps the comments tests share.

use std::path::{Path, PathBuf};

use site_gen::comments::{RefreshOptions, RefreshReport};

use crate::{MockServer, post_json, post_status};

/// The slug of the article with comments.
pub const SLUG: &str = "harbour-ferry";

/// Posts the announcement as ada; its id and its address on the mock.
pub async fn announce(mock: &MockServer) -> anyhow::Result<(String, String)> {
    let id = post_status(
        mock,
        "ada_token",
        &serde_json::json!({ "status": "New article: the harbour ferry stays" }),
    )
    .await?;
    let url = format!("{}/@ada/{id}", mock.origin());
    Ok((id, url))
}

/// Posts `text` as `token`'s account in reply to `parent`; its id.
pub async fn reply(
    mock: &MockServer,
    token: &str,
    parent: &str,
    text: &str,
) -> anyhow::Result<String> {
    post_status(
        mock,
        token,
        &serde_json::json!({ "status": text, "in_reply_to_id": parent }),
    )
    .await
}

/// Favourites `id` as `token`'s account.
pub async fn favourite(mock: &MockServer, token: &str, id: &str) -> anyhow::Result<()> {
    post_json(
        &format!("{}/api/v1/statuses/{id}/favourite", mock.origin()),
        Some(token),
        &serde_json::json!({}),
    )
    .await?;
    Ok(())
}

/// Writes an archive in `dir` whose article names the post at `post_url`.
pub fn archive(dir: &Path, post_url: &str) -> anyhow::Result<PathBuf> {
    let root = dir.join("archive");
    std::fs::create_dir_all(root.join("content"))?;
    std::fs::write(
        root.join("site.toml"),
        "title = \"Harbour News\"\nlanguage = \"en\"\ncomments_client = \"app/\"\n",
    )?;
    std::fs::write(
        root.join("content").join(format!("{SLUG}.md")),
        format!(
            "+++\ntitle = \"The harbour ferry stays\"\ndate = 2026-10-15\ncomments = \"{post_url}\"\n+++\nThe last ferry keeps running.\n"
        ),
    )?;
    Ok(root)
}

/// Refreshes the archive's comments off the async runtime, as the
/// command does, with `token` when given.
pub async fn refresh(archive: &Path, token: Option<&str>) -> anyhow::Result<RefreshReport> {
    let archive = archive.to_path_buf();
    let token = token.map(str::to_string);
    let report = tokio::task::spawn_blocking(move || {
        site_gen::comments::refresh(
            &archive,
            &RefreshOptions {
                token,
                token_for: Vec::new(),
                now: jiff::Timestamp::now(),
            },
        )
    })
    .await??;
    Ok(report)
}

/// The article's snapshot file.
pub fn snapshot_file(archive: &Path) -> PathBuf {
    site_gen::comments::snapshot_path(archive, SLUG)
}

/// Builds the archive into `dir/site`; the article's page.
pub fn build(archive: &Path, dir: &Path) -> anyhow::Result<String> {
    let out = dir.join("site");
    site_gen::build(archive, &out, true).map_err(|problems| anyhow::anyhow!("{problems}"))?;
    Ok(std::fs::read_to_string(out.join(SLUG).join("index.html"))?)
}

/// The page's comments section.
pub fn section(page: &str) -> &str {
    let start = page
        .find("<section class=\"comments\"")
        .unwrap_or(page.len());
    let end = page[start..]
        .find("</section>")
        .map_or(page.len(), |end| start + end + "</section>".len());
    &page[start..end]
}
