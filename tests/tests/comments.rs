//! Comments from a Mastodon-compatible server: `comments refresh` against
//! mastodon-mock, then a build, read as the page a reader gets.

use e2e::comments_site::{
    announce, archive, build, favourite, refresh, reply, section, snapshot_file,
};
use e2e::{MockServer, inject_fault};
use site_gen::comments::CommentsError;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshed_replies_are_built_with_authors_threads_and_counts() -> anyhow::Result<()> {
    let mock = MockServer::start().await?;
    let (post, post_url) = announce(&mock).await?;
    let first = reply(
        &mock,
        "alan_token",
        &post,
        "The ferry matters to night workers.",
    )
    .await?;
    reply(
        &mock,
        "grace_token",
        &first,
        "Agreed, my shift ends at 23:00.",
    )
    .await?;
    reply(
        &mock,
        "katherine_token",
        &post,
        "Good news for the islands.",
    )
    .await?;
    favourite(&mock, "ada_token", &first).await?;
    favourite(&mock, "grace_token", &post).await?;

    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    let report = refresh(&archive, Some("ada_token")).await?;
    let outcome = &report.outcomes[0];
    let refreshed = outcome
        .result
        .as_ref()
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    assert_eq!(refreshed.replies, 3);
    assert!(!refreshed.cut_short && refreshed.changed);
    let stored = std::fs::read_to_string(snapshot_file(&archive))?;
    assert!(
        !stored.contains("ada_token"),
        "the token is never stored: {stored}"
    );

    let page = build(&archive, work.path())?;
    let comments = section(&page);
    assert!(
        comments.contains(&format!(
            "data-server=\"{}\" data-status-id=\"{post}\"",
            mock.origin()
        )),
        "{comments}"
    );
    for author in ["Alan Turing", "Grace Hopper", "Katherine Johnson"] {
        assert!(comments.contains(author), "{author} in {comments}");
    }
    assert!(comments.contains("<span data-total>3</span>"), "{comments}");
    assert!(
        comments.contains("<span data-count=\"favourites\">1 favourites</span></p>\n<ol"),
        "the post's own favourite: {comments}"
    );
    let alan = comments
        .find(&format!("data-comment-id=\"{first}\""))
        .ok_or_else(|| anyhow::anyhow!("no reply {first}"))?;
    let nested = comments[alan..]
        .find("<ol><li class=\"comment\"")
        .map(|at| alan + at);
    let grace = comments.find("Grace Hopper").unwrap_or_default();
    let katherine = comments.find("Katherine Johnson").unwrap_or_default();
    assert!(
        nested.is_some_and(|nested| nested < grace) && grace < katherine,
        "Grace's answer is nested under Alan's, Katherine's after: {comments}"
    );
    assert!(page.contains("<script src=\"../assets/comments."), "{page}");
    assert!(
        comments.contains(&format!(
            "<a data-open-in-client href=\"../app/#/{}/s/{post}\">",
            mock.addr()
        )),
        "the post opens in the client too: {comments}"
    );
    assert!(
        !page.contains("<script>") && !page.contains("<script defer>"),
        "no inline script"
    );

    // The same replies leave the snapshot, and so the build, as they were.
    let again = refresh(&archive, None).await?;
    assert!(
        again.outcomes[0]
            .result
            .as_ref()
            .is_ok_and(|done| !done.changed)
    );
    assert_eq!(std::fs::read_to_string(snapshot_file(&archive))?, stored);
    assert_eq!(
        build(&archive, work.path())?,
        page,
        "builds are byte-identical"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_requires_a_token_says_so_and_keeps_the_snapshot() -> anyhow::Result<()> {
    let mock = MockServer::start().await?;
    let (post, post_url) = announce(&mock).await?;
    reply(&mock, "alan_token", &post, "First!").await?;
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    refresh(&archive, None).await?;
    let kept = std::fs::read(snapshot_file(&archive))?;

    reply(&mock, "grace_token", &post, "Second.").await?;
    for path in [
        format!("/api/v1/statuses/{post}"),
        format!("/api/v1/statuses/{post}/context"),
    ] {
        inject_fault(
            &mock,
            serde_json::json!({
                "match": { "path": path, "methods": ["GET"] },
                "effect": { "type": "status", "status": 401, "body": { "error": "This method requires an authenticated user" } },
                "count": 1,
            }),
        )
        .await?;
    }
    let report = refresh(&archive, None).await?;
    let error = report.outcomes[0]
        .result
        .as_ref()
        .err()
        .ok_or_else(|| anyhow::anyhow!("a 401 is not a refresh"))?;
    assert!(
        matches!(
            error,
            CommentsError::NeedsToken {
                status: 401,
                with_token: false,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains(&mock.origin()), "{error}");
    assert!(
        error.hint().contains("SAMIZDAT_COMMENTS_TOKEN"),
        "{}",
        error.hint()
    );
    assert_eq!(report.failures(), 1);
    assert_eq!(std::fs::read(snapshot_file(&archive))?, kept);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_is_down_leaves_the_snapshot_byte_identical() -> anyhow::Result<()> {
    let mock = MockServer::start().await?;
    let (post, post_url) = announce(&mock).await?;
    reply(&mock, "alan_token", &post, "Still here.").await?;
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    refresh(&archive, None).await?;
    let kept = std::fs::read(snapshot_file(&archive))?;
    let page = build(&archive, work.path())?;

    drop(mock);
    let report = refresh(&archive, None).await?;
    let outcome = &report.outcomes[0];
    assert!(
        matches!(outcome.result, Err(CommentsError::Unreachable { .. })),
        "{:?}",
        outcome.result.as_ref().err()
    );
    assert_eq!(
        outcome.article.to_string_lossy(),
        "content/harbour-ferry.md"
    );
    assert_eq!(std::fs::read(snapshot_file(&archive))?, kept);
    assert_eq!(build(&archive, work.path())?, page);
    assert!(section(&page).contains("Still here."));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_reply_html_is_built_inert() -> anyhow::Result<()> {
    let mock = MockServer::start().await?;
    let (post, post_url) = announce(&mock).await?;
    let origin = mock.origin();
    let hostile = serde_json::json!({
        "ancestors": [],
        "descendants": [{
            "id": "666",
            "url": "javascript:window.__pwned=1",
            "in_reply_to_id": post,
            "created_at": "2026-10-16T08:00:00.000Z",
            "content": "<p>hello<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\"><svg onload=\"window.__pwned=1\"></svg><iframe src=\"https://evil.example\"></iframe><style>*{display:none}</style><a href=\"javascript:window.__pwned=1\">click me</a></p>",
            "sensitive": false,
            "spoiler_text": "",
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
            "account": {
                "acct": "mallory@evil.example",
                "display_name": "<img src=x onerror=window.__pwned=1>Mallory",
                "url": "javascript:window.__pwned=1",
                "avatar": format!("{origin}/x\" onerror=\"window.__pwned=1"),
            },
        }],
    });
    e2e::answer_once(&mock, &format!("/api/v1/statuses/{post}/context"), hostile).await?;
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    let report = refresh(&archive, None).await?;
    assert_eq!(report.failures(), 0);
    let page = build(&archive, work.path())?;
    let comments = section(&page).to_ascii_lowercase();
    assert!(
        comments.contains("click me") && comments.contains("mallory"),
        "{comments}"
    );
    for vector in [
        "<script",
        "<img src=x",
        "<svg",
        "<iframe",
        "<style",
        "javascript:",
        "onerror=\"",
        " onload",
    ] {
        assert!(!comments.contains(vector), "{vector} survives: {comments}");
    }
    assert!(
        comments.contains("&quot; onerror=&quot;window.__pwned=1\""),
        "the avatar's address stays one attribute: {comments}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thread_longer_than_an_unauthenticated_read_is_said_to_be_cut_short() -> anyhow::Result<()>
{
    let mock = MockServer::start().await?;
    let (post, post_url) = announce(&mock).await?;
    let limit = site_gen::comments::UNAUTHENTICATED_LIMIT;
    for n in 0..limit {
        reply(&mock, "alan_token", &post, &format!("Reply {n}")).await?;
    }
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    let report = refresh(&archive, None).await?;
    let done = report.outcomes[0]
        .result
        .as_ref()
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    assert_eq!(done.replies, limit);
    assert!(
        done.cut_short,
        "{limit} replies without a token is a full page"
    );
    let page = build(&archive, work.path())?;
    assert!(section(&page).contains("data-comments-cut-short"), "{page}");

    let report = refresh(&archive, Some("ada_token")).await?;
    let done = report.outcomes[0]
        .result
        .as_ref()
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    assert!(!done.cut_short && done.changed, "a token reads further");
    assert!(!section(&build(&archive, work.path())?).contains("data-comments-cut-short"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_is_sent_to_no_server_it_was_not_named_for() -> anyhow::Result<()> {
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), "https://one.example/@ada/1")?;
    std::fs::write(
        archive.join("content/other.md"),
        "+++\ntitle = \"Other\"\ndate = 2026-10-16\ncomments = { server = \"https://two.example\", id = \"2\" }\n+++\n",
    )?;
    let error = match refresh(&archive, Some("secret")).await {
        Ok(_) => anyhow::bail!("a token for two servers was accepted"),
        Err(error) => error.to_string(),
    };
    assert!(
        error.contains("https://one.example, https://two.example") && error.contains("--token-for"),
        "{error}"
    );
    Ok(())
}
