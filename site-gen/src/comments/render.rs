//! A snapshot as static HTML under its article. The live script rebuilds
//! the same structure, so both must change together.

use std::fmt::Write;

use super::snapshot::{Counts, Reply, Snapshot};
use super::source::CommentSource;
use super::thread::{Node, arrange};
use crate::render::markdown::sanitize_comment_html;

/// Deeper replies are listed beside their parent's, so that a long
/// back-and-forth stays readable, and a hostile one stays shallow.
const MAX_DEPTH: usize = 8;

/// The UI strings the section needs, in the article's language.
pub struct Labels<'a> {
    pub comments: &'a str,
    pub total: &'a str,
    pub none: &'a str,
    pub cut_short: &'a str,
    pub replies: &'a str,
    pub boosts: &'a str,
    pub favourites: &'a str,
    pub content_warning: &'a str,
    pub reply_on: &'a str,
    pub reply_elsewhere: &'a str,
    pub reply: &'a str,
    pub open_in_client: &'a str,
}

/// The comments section: the snapshot's replies when there is one, and
/// in any case the ways to reply.
/// `client`, when given, is the Samizdat client's address as the page
/// links it, where the post opens too.
pub fn render_section(
    source: &CommentSource,
    snapshot: Option<&Snapshot>,
    client: Option<&str>,
    labels: &Labels,
) -> String {
    let post_url = snapshot.map_or_else(|| source.post_url(), |s| s.post.url.clone());
    let post_url = if is_web_url(&post_url) {
        post_url
    } else {
        source.post_url()
    };
    let mut html = String::with_capacity(4096);
    let _ = write!(
        html,
        "<section class=\"comments\" data-comments data-server=\"{}\" data-status-id=\"{}\" data-post-url=\"{}\"",
        escape(&source.server),
        escape(&source.id),
        escape(&post_url),
    );
    if let Some(snapshot) = snapshot {
        let _ = write!(
            html,
            " data-fetched-at=\"{}\"",
            escape(&snapshot.fetched_at)
        );
    }
    for (key, text) in [
        ("none", labels.none),
        ("replies", labels.replies),
        ("boosts", labels.boosts),
        ("favourites", labels.favourites),
        ("content-warning", labels.content_warning),
    ] {
        let _ = write!(html, " data-label-{key}=\"{}\"", escape(text));
    }
    let _ = write!(
        html,
        " aria-labelledby=\"comments-title\">\n<h2 id=\"comments-title\">{}</h2>\n",
        escape(labels.comments)
    );
    let replies = snapshot.map_or(&[][..], |s| s.replies.as_slice());
    let _ = write!(
        html,
        "<p class=\"meta\" data-comments-total><span data-total>{}</span> {}",
        replies.len(),
        escape(labels.total)
    );
    if let Some(snapshot) = snapshot {
        html.push_str(" · ");
        counts(&mut html, &snapshot.post.counts, labels);
    }
    html.push_str("</p>\n");
    if snapshot.is_some_and(|s| s.cut_short) {
        let _ = writeln!(
            html,
            "<p class=\"meta\" data-comments-cut-short>{}</p>",
            escape(labels.cut_short)
        );
    }
    html.push_str("<ol class=\"comment-thread\" data-comment-list>");
    list(&mut html, &arrange(replies), 0, labels, true);
    html.push_str("</ol>\n");
    if replies.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"meta\" data-comments-none>{}</p>",
            escape(labels.none)
        );
    }
    let _ = write!(
        html,
        "<p><a data-reply-origin href=\"{}\" rel=\"nofollow ugc noopener\">{} {}</a>",
        escape(&post_url),
        escape(labels.reply_on),
        escape(source.host()),
    );
    if let Some(client) = client {
        let route = format!("#/{}/s/{}", source.host(), source.id);
        let _ = write!(
            html,
            " · <a data-open-in-client href=\"{}{}\">{}</a>",
            escape(client.split('#').next().unwrap_or_default()),
            escape(&route),
            escape(labels.open_in_client)
        );
    }
    let _ = write!(
        html,
        "</p>\n\
         <form data-reply-elsewhere hidden><label>{} <input name=\"server\" type=\"text\" inputmode=\"url\" autocomplete=\"url\" placeholder=\"mastodon.social\" required></label> <button type=\"submit\">{}</button></form>\n\
         </section>",
        escape(labels.reply_elsewhere),
        escape(labels.reply),
    );
    html
}

/// `nodes` as list items; `with_counts` for replies a server counted.
pub(super) fn list(
    html: &mut String,
    nodes: &[Node],
    depth: usize,
    labels: &Labels,
    with_counts: bool,
) {
    for node in nodes {
        item(html, node, depth, labels, with_counts);
    }
}

fn item(html: &mut String, node: &Node, depth: usize, labels: &Labels, with_counts: bool) {
    let reply = node.reply;
    let _ = write!(
        html,
        "<li class=\"comment\" data-comment-id=\"{}\"><article>",
        escape(&reply.id)
    );
    author(html, reply);
    if reply.spoiler_text.trim().is_empty() && !reply.sensitive {
        let _ = write!(
            html,
            "<div class=\"content\">{}</div>",
            sanitize_comment_html(&reply.content)
        );
    } else {
        let summary = match reply.spoiler_text.trim() {
            "" => labels.content_warning,
            text => text,
        };
        let _ = write!(
            html,
            "<details class=\"content-warning\"><summary>{}</summary><div class=\"content\">{}</div></details>",
            escape(summary),
            sanitize_comment_html(&reply.content)
        );
    }
    if with_counts {
        html.push_str("<p class=\"counts\">");
        counts(html, &reply.counts, labels);
        html.push_str("</p>");
    }
    html.push_str("</article>");
    if depth + 1 < MAX_DEPTH && !node.children.is_empty() {
        html.push_str("<ol>");
        list(html, &node.children, depth + 1, labels, with_counts);
        html.push_str("</ol></li>");
    } else {
        html.push_str("</li>");
        list(html, &node.children, depth, labels, with_counts);
    }
}

fn author(html: &mut String, reply: &Reply) {
    let account = &reply.account;
    html.push_str("<header>");
    if let Some(avatar) = account.avatar.as_deref().filter(|url| is_web_url(url)) {
        let _ = write!(
            html,
            "<img class=\"avatar\" src=\"{}\" alt=\"\" width=\"40\" height=\"40\" loading=\"lazy\" referrerpolicy=\"no-referrer\"> ",
            escape(avatar)
        );
    }
    let name = match account.display_name.trim() {
        "" => account.acct.as_str(),
        name => name,
    };
    let mut label = format!("<span class=\"display-name\">{}</span>", escape(name));
    if !account.acct.is_empty() {
        let _ = write!(
            label,
            " <span class=\"acct\">@{}</span>",
            escape(&account.acct)
        );
    }
    link(html, account.url.as_deref(), "author", &label);
    html.push_str(" · ");
    let shown = jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%.f%:z", &reply.created_at)
        .or_else(|_| reply.created_at.parse::<jiff::Timestamp>())
        .map(|at| at.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| reply.created_at.clone());
    let time = format!(
        "<time datetime=\"{}\">{}</time>",
        escape(&reply.created_at),
        escape(&shown)
    );
    link(html, reply.url.as_deref(), "permalink", &time);
    html.push_str("</header>");
}

/// `inner` as a link to `url` when it is an http(s) address, else alone.
fn link(html: &mut String, url: Option<&str>, class: &str, inner: &str) {
    match url.filter(|url| is_web_url(url)) {
        Some(url) => {
            let _ = write!(
                html,
                "<a class=\"{class}\" href=\"{}\" rel=\"nofollow ugc noopener\">{inner}</a>",
                escape(url)
            );
        }
        None => html.push_str(inner),
    }
}

fn counts(html: &mut String, counts: &Counts, labels: &Labels) {
    let _ = write!(
        html,
        "<span data-count=\"replies\">{} {}</span> · <span data-count=\"reblogs\">{} {}</span> · <span data-count=\"favourites\">{} {}</span>",
        counts.replies,
        escape(labels.replies),
        counts.reblogs,
        escape(labels.boosts),
        counts.favourites,
        escape(labels.favourites)
    );
}

fn is_web_url(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|url| matches!(url.scheme(), "http" | "https"))
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "render_tests.rs"]
pub(super) mod tests;
