//! Threads: an article whose `extra.in_reply_to` names another article's
//! `extra.uri` is shown as a reply to it, and the article it answers
//! lists its replies. Imported posts carry both fields; any archive may.
//! A reply to something outside the site links to where that was.

use std::collections::HashMap;

use serde::Serialize;

use crate::content::Article;

pub struct Threads {
    /// The article each reply answers, by the reply's index.
    parent: HashMap<usize, usize>,
    /// Replies by the index of the article they answer, oldest first.
    replies: HashMap<usize, Vec<usize>>,
}

#[derive(Serialize)]
pub struct ThreadLink<'a> {
    pub title: &'a str,
    /// Relative to the site root.
    pub url: &'a str,
}

/// What an article's page shows of its thread.
#[derive(Serialize)]
pub struct ThreadView<'a> {
    pub parent: Option<ThreadLink<'a>>,
    /// The address of what it answers, when that is not in the site.
    pub elsewhere: Option<&'a str>,
    pub replies: Vec<ThreadLink<'a>>,
}

fn field<'a>(article: &'a Article, name: &str) -> Option<&'a str> {
    article
        .extra
        .get(name)
        .and_then(|value| value.as_str())
        .filter(|text| !text.is_empty())
}

impl Threads {
    /// `articles` newest first, as the site keeps them.
    pub fn new(articles: &[Article]) -> Self {
        let by_uri: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .filter_map(|(index, article)| Some((field(article, "uri")?, index)))
            .collect();
        let mut parent = HashMap::new();
        let mut replies: HashMap<usize, Vec<usize>> = HashMap::new();
        for (index, article) in articles.iter().enumerate().rev() {
            let Some(&answered) = field(article, "in_reply_to").and_then(|uri| by_uri.get(uri))
            else {
                continue;
            };
            if answered != index {
                parent.insert(index, answered);
                replies.entry(answered).or_default().push(index);
            }
        }
        Self { parent, replies }
    }

    pub fn view<'a>(&self, articles: &'a [Article], index: usize) -> ThreadView<'a> {
        let link = |other: usize| ThreadLink {
            title: &articles[other].title,
            url: articles[other].path.url(),
        };
        let parent = self.parent.get(&index).map(|&other| link(other));
        let elsewhere = match parent {
            Some(_) => None,
            None => field(&articles[index], "in_reply_to")
                .filter(|url| url.starts_with("https://") || url.starts_with("http://")),
        };
        ThreadView {
            parent,
            elsewhere,
            replies: self
                .replies
                .get(&index)
                .map(|list| list.iter().map(|&other| link(other)).collect())
                .unwrap_or_default(),
        }
    }
}
