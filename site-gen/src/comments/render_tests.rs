use super::*;
use crate::comments::snapshot::tests::{reply, snapshot};

pub fn labels() -> Labels<'static> {
    Labels {
        comments: "Comments",
        total: "replies on the fediverse",
        none: "No replies yet.",
        cut_short: "Only some replies.",
        replies: "replies",
        boosts: "boosts",
        favourites: "favourites",
        content_warning: "Content warning",
        reply_on: "Reply on",
        reply_elsewhere: "Reply from your own server",
        reply: "Reply",
        open_in_client: "Open in Samizdat",
    }
}

fn source() -> CommentSource {
    CommentSource::from_post_url("https://s.example/@ada/1").unwrap()
}

/// The HTML's tags and attributes, lower-cased, for asserting what is absent.
fn lowered(html: &str) -> String {
    html.to_ascii_lowercase()
}

#[test]
fn renders_authors_threads_and_counts() {
    let mut second = reply("2", Some("1"), "<p>Second <strong>reply</strong></p>");
    second.spoiler_text = "spoilers".into();
    let html = render_section(
        &source(),
        Some(&snapshot(vec![
            reply("1", Some("1"), "<p>First</p>"),
            second,
            reply("3", Some("x"), "<p>Third</p>"),
        ])),
        Some("../app/"),
        &labels(),
    );
    assert!(html.starts_with("<section class=\"comments\" data-comments data-server=\"https://s.example\" data-status-id=\"1\""), "{html}");
    assert!(html.contains("<span data-total>3</span>"), "{html}");
    assert!(
        html.contains("<span data-count=\"reblogs\">3 boosts</span>"),
        "the post's counts: {html}"
    );
    assert!(
        html.contains("<span data-count=\"favourites\">2 favourites</span>"),
        "a reply's counts: {html}"
    );
    assert!(html.contains(
        "<span class=\"display-name\">Alan</span> <span class=\"acct\">@alan@other.example</span>"
    ));
    assert!(html.contains("<img class=\"avatar\" src=\"https://other.example/a.png\" alt=\"\" width=\"40\" height=\"40\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"));
    assert!(
        html.contains("<time datetime=\"2026-01-01T00:00:01Z\">2026-01-01 00:00 UTC</time>"),
        "{html}"
    );
    assert!(html.contains("<details class=\"content-warning\"><summary>spoilers</summary>"));
    let first = html.find("data-comment-id=\"1\"").unwrap();
    let nested = html
        .find("<ol><li class=\"comment\" data-comment-id=\"2\"")
        .unwrap();
    let third = html.find("data-comment-id=\"3\"").unwrap();
    assert!(
        first < nested && nested < third,
        "reply 2 is nested under 1: {html}"
    );
    assert!(html.contains("<a data-reply-origin href=\"https://s.example/@ada/1\" rel=\"nofollow ugc noopener\">Reply on s.example</a>"));
    assert!(
        html.contains("<form data-reply-elsewhere hidden>")
            && html.contains("<input name=\"server\"")
    );
    assert!(!html.contains("data-comments-none"));
}

#[test]
fn without_a_snapshot_only_the_ways_to_reply_are_shown() {
    let html = render_section(&source(), None, None, &labels());
    assert!(html.contains("<span data-total>0</span>"));
    assert!(html.contains("data-comments-none>No replies yet."));
    assert!(html.contains("href=\"https://s.example/@ada/1\""));
}

#[test]
fn says_when_replies_were_cut_short() {
    let mut cut = snapshot(vec![reply("1", None, "")]);
    cut.cut_short = true;
    let html = render_section(&source(), Some(&cut), None, &labels());
    assert!(html.contains("<p class=\"meta\" data-comments-cut-short>Only some replies.</p>"));
}

#[test]
fn hostile_replies_leave_nothing_that_runs() {
    let payloads = [
        "<script>window.__pwned=1</script>",
        "<p onclick=\"window.__pwned=1\">click</p>",
        "<a href=\"javascript:window.__pwned=1\">link</a>",
        "<a href=\"JaVaScRiPt:window.__pwned=1\">link</a>",
        "<a href=\"data:text/html,<script>1</script>\">data</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<svg onload=\"window.__pwned=1\"><circle/></svg>",
        "<img src=x onerror=\"window.__pwned=1\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>",
        "<form action=\"https://evil.example\"><input name=q></form>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<p id=\"main\">shadowing the page's anchor</p>",
        "<a href=\"/relative\">relative</a>",
    ];
    let mut hostile = reply("1", None, &payloads.join("\n"));
    hostile.account.display_name = "<img src=x onerror=window.__pwned=1>".into();
    hostile.account.acct = "\"><script>window.__pwned=1</script>".into();
    hostile.account.avatar = Some("javascript:window.__pwned=1".into());
    hostile.account.url = Some("javascript:window.__pwned=1".into());
    hostile.url = Some("data:text/html,x".into());
    hostile.created_at = "\"><script>1</script>".into();
    hostile.spoiler_text = "<b onmouseover=window.__pwned=1>cw</b>".into();
    let html = render_section(&source(), Some(&snapshot(vec![hostile])), None, &labels());
    let lower = lowered(&html);
    for vector in [
        "<script",
        "<iframe",
        "<style",
        "<svg",
        "<img src=x",
        "<img",
        "<form action",
        "<object",
        "<math",
        "javascript:",
        "data:",
        " onload",
        " onerror=\"",
        " onclick",
        " onmouseover=\"",
        "id=\"main\"",
        "href=\"/relative\"",
    ] {
        assert!(!lower.contains(vector), "{vector} survives in {html}");
    }
    assert!(
        html.contains("&lt;img src=x onerror=window.__pwned=1&gt;"),
        "the display name is text: {html}"
    );
    assert!(
        html.contains("&lt;b onmouseover=window.__pwned=1&gt;cw&lt;/b&gt;"),
        "the warning is text"
    );
    assert!(html.contains(">link</a>"), "a link's text stays: {html}");
    assert!(
        !html.contains("<a class=\"author\""),
        "no link to a javascript: address"
    );
}

#[test]
fn links_in_replies_are_the_readers_not_the_publishers() {
    let html = render_section(
        &source(),
        Some(&snapshot(vec![reply(
            "1",
            None,
            "<p><a href=\"https://x.example/\" rel=\"me\" target=\"_top\">x</a></p>",
        )])),
        None,
        &labels(),
    );
    assert!(
        html.contains("<a href=\"https://x.example/\" rel=\"nofollow ugc noopener\">x</a>"),
        "{html}"
    );
}

#[test]
fn deep_threads_stop_nesting() {
    let replies: Vec<_> = (0..40)
        .map(|n| {
            reply(
                &format!("r{n:02}"),
                (n > 0).then(|| format!("r{:02}", n - 1)).as_deref(),
                "",
            )
        })
        .collect();
    let html = render_section(&source(), Some(&snapshot(replies)), None, &labels());
    assert_eq!(html.matches("<ol>").count(), MAX_DEPTH - 1);
    assert_eq!(html.matches("data-comment-id=").count(), 40);
}
