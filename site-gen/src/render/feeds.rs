//! Feeds: Atom, RSS 2.0 and JSON Feed 1.1.
//!
//! Feed readers want absolute URLs, which only `base_url` can give. Without it, feeds use links relative to the feed
//! itself, which readers resolve against the URL they fetched it from.

use minijinja::context;
use serde_json::json;

use super::Page;
use super::renderer::Renderer;
use super::templates;
use super::view::article_view;
use crate::content::{PagePath, Site};
use crate::problem::Problem;

/// How many of the newest articles a feed carries.
const FEED_ITEMS: usize = 20;
/// The Atom feed's file, in the folder of the list it follows.
pub const ATOM: &str = "atom.xml";

/// Which articles some feed carries: the newest of the site and of each
/// taxonomy term that has feeds.
pub fn articles_in_feeds(site: &Site) -> Vec<bool> {
    let mut needed = vec![false; site.articles.len()];
    // The home page's feed, like its list, leaves pages out.
    site.articles
        .iter()
        .zip(needed.iter_mut())
        .filter(|(article, _)| !article.page)
        .take(FEED_ITEMS)
        .for_each(|(_, slot)| *slot = true);
    for taxonomy in site
        .taxonomies
        .iter()
        .filter(|taxonomy| taxonomy.kind.has_feeds())
    {
        for term in &taxonomy.terms {
            for &index in term.articles.iter().take(FEED_ITEMS) {
                needed[index] = true;
            }
        }
    }
    needed
}

/// The URL of `target` (relative to the site root) as seen from the page
/// at `from`.
pub fn link(base_url: Option<&str>, from: &PagePath, target: &str) -> String {
    match base_url {
        Some(base) => format!("{base}/{target}"),
        None => format!("{}{target}", from.to_root()),
    }
}

fn rfc2822(timestamp: jiff::Timestamp) -> String {
    timestamp
        .strftime("%a, %d %b %Y %H:%M:%S +0000")
        .to_string()
}

/// What the feeds of `list` are made from besides the site's settings
/// (in the salt): each article they carry, its body as its source's hash.
pub fn inputs(
    renderer: &Renderer,
    list: &PagePath,
    title: &str,
    articles: &[usize],
) -> Option<minijinja::Value> {
    let site = renderer.site;
    // A body that cannot be read leaves the job without a fingerprint: it
    // is rendered, and reports the problem.
    let items: Option<Vec<minijinja::Value>> = articles
        .iter()
        .take(FEED_ITEMS)
        .map(|&index| {
            let article = &site.articles[index];
            Some(context! {
                article => article_view(article),
                date => article.date.to_string(),
                updated => article.updated.map(|updated| updated.to_string()),
                description => &article.description,
                body => renderer.body_source_hash(index).ok()?,
            })
        })
        .collect();
    Some(context! { list => list.url(), title => title, items => items? })
}

pub fn render(
    renderer: &Renderer,
    list: &PagePath,
    title: &str,
    articles: &[usize],
) -> Result<Vec<Page>, Problem> {
    let site = renderer.site;
    let config = &site.config;
    let base_url = config.base_url.as_deref();
    let newest: Vec<usize> = articles.iter().copied().take(FEED_ITEMS).collect();
    let updated = newest
        .iter()
        .map(|&index| {
            site.articles[index]
                .updated
                .unwrap_or(site.articles[index].date)
        })
        .max()
        .unwrap_or_default();
    let contents = newest
        .iter()
        .map(|&index| renderer.body(index))
        .collect::<Result<Vec<_>, Problem>>()?;
    let mut pages = Vec::new();

    for template in [ATOM, "rss.xml"] {
        let path = list.file(template);
        let items: Vec<minijinja::Value> = newest
            .iter()
            .zip(&contents)
            .map(|(&index, content)| {
                let article = &site.articles[index];
                context! {
                    title => &article.title,
                    url => link(base_url, list, article.path.url()),
                    date_iso => article.date.to_string(),
                    date_rfc2822 => rfc2822(article.date),
                    updated_iso => article.updated.unwrap_or(article.date).to_string(),
                    authors => &article.authors,
                    tags => &article.tags,
                    lang => &article.lang,
                    description => &article.description,
                    content => content.clone(),
                }
            })
            .collect();
        let context = context! {
            site => renderer.settings(),
            title => title,
            self_url => link(base_url, list, &path),
            home_url => link(base_url, list, list.url()),
            updated_iso => updated.to_string(),
            updated_rfc2822 => rfc2822(updated),
            items => items,
        };
        pages.extend(renderer.page(path, template, context, &templates::source(template))?);
    }

    let path = list.file("feed.json");
    let items: Vec<serde_json::Value> = newest
        .iter()
        .zip(&contents)
        .map(|(&index, content)| {
            let article = &site.articles[index];
            let url = link(base_url, list, article.path.url());
            let mut item = json!({
                "id": url,
                "url": url,
                "title": article.title,
                "content_html": content.as_str().unwrap_or_default(),
                "summary": article.description,
                "date_published": article.date.to_string(),
                "date_modified": article.updated.map(|updated| updated.to_string()),
                "authors": article.authors.iter().map(|name| json!({ "name": name })).collect::<Vec<_>>(),
                "tags": article.tags,
                "language": article.lang,
            });
            // JSON Feed leaves out what is unknown rather than sending null.
            if let Some(fields) = item.as_object_mut() {
                fields.retain(|_, value| !value.is_null());
            }
            item
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": link(base_url, list, list.url()),
        "feed_url": link(base_url, list, &path),
        "description": config.description,
        "language": config.language,
        "items": items,
    });
    let contents = serde_json::to_string_pretty(&feed).unwrap_or_default();
    pages.push(Page { path, contents });
    Ok(pages)
}
