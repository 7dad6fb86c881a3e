//! What the results list shows of each article, written a few articles to
//! a file: `d/N` holds the articles numbered `N * GROUP` to `N * GROUP +
//! GROUP - 1`. One file per article made the index a third of the site's
//! files; a handful per file keeps a screen of results a light download.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

use super::script::{page, wrap};
use crate::content::{Article, Name};
use crate::render::Page;

/// Articles per metadata file.
pub const GROUP: usize = 8;
/// The excerpt's text is cut here, at a word: enough for a few passages
/// to choose from, small enough for ten results to stay a light download.
pub const EXCERPT_CHARS: usize = 1000;

#[derive(Serialize)]
struct Metadata<'a> {
    u: &'a str,
    t: &'a str,
    /// `YYYY-MM-DD`, empty for a page without a date.
    d: String,
    l: &'a str,
    g: &'a [Name],
    a: &'a [Name],
    x: &'a str,
}

/// The article's metadata as JSON; `text` is the start of its body's text.
pub fn metadata_json(article: &Article, text: &str) -> String {
    let date = if article.dated {
        article.date.strftime("%Y-%m-%d").to_string()
    } else {
        String::new()
    };
    let metadata = Metadata {
        u: article.path.url(),
        t: &article.title,
        d: date,
        l: &article.lang,
        g: &article.tags,
        a: &article.authors,
        x: excerpt_text(text),
    };
    serde_json::to_string(&metadata).unwrap_or_else(|_| "null".into())
}

fn excerpt_text(text: &str) -> &str {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => text,
        Some((cut, _)) => {
            let at_word = text[..cut].rfind(' ').unwrap_or(cut);
            &text[..at_word]
        }
    }
}

/// Groups filled by the article jobs in any order; a group's file is
/// written by the job that completes it. Jobs run mostly in order, so
/// few groups wait at once.
pub struct Groups {
    articles: usize,
    waiting: Mutex<HashMap<usize, Waiting>>,
}

struct Waiting {
    members: Vec<Option<String>>,
    missing: usize,
}

impl Groups {
    pub fn new(articles: usize) -> Self {
        Self {
            articles,
            waiting: Mutex::new(HashMap::new()),
        }
    }

    /// Files the metadata of the article at `index`; returns its group's
    /// file once every article of the group has been filed.
    pub fn file(&self, index: usize, json: String) -> Option<Page> {
        let number = index / GROUP;
        let first = number * GROUP;
        let size = self.articles.clamp(first + 1, first + GROUP).max(index + 1) - first;
        // A job that panicked fails the build anyway.
        let mut waiting = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
        let group = waiting.entry(number).or_insert_with(|| Waiting {
            members: vec![None; size],
            missing: size,
        });
        let place = index - first;
        if place >= group.members.len() {
            group.missing += place + 1 - group.members.len();
            group.members.resize(place + 1, None);
        }
        let slot = &mut group.members[place];
        if slot.is_none() {
            group.missing -= 1;
        }
        *slot = Some(json);
        if group.missing > 0 {
            return None;
        }
        let members = waiting.remove(&number)?.members;
        drop(waiting);
        let name = format!("d/{number}");
        let mut json = String::from("[");
        for (at, member) in members.iter().flatten().enumerate() {
            if at > 0 {
                json.push(',');
            }
            json.push_str(member);
        }
        json.push(']');
        Some(page(&name, wrap(&name, &json)))
    }
}

#[cfg(test)]
mod tests {
    use super::{GROUP, Groups, excerpt_text};

    #[test]
    fn the_excerpt_is_cut_at_a_word() {
        let text = "word ".repeat(1000);
        let excerpt = excerpt_text(&text);
        assert!(excerpt.len() <= super::EXCERPT_CHARS);
        assert!(excerpt.ends_with("word"));
        assert_eq!(excerpt_text("short text"), "short text");
    }

    #[test]
    fn a_group_is_written_once_all_its_articles_are_filed_in_any_order() {
        let articles = GROUP + 3;
        let groups = Groups::new(articles);
        let mut pages = Vec::new();
        for index in (0..articles).rev() {
            pages.extend(groups.file(index, format!("{index}")));
        }
        let paths: Vec<&str> = pages.iter().map(|page| page.path.as_str()).collect();
        assert_eq!(paths, ["search/d/1.js", "search/d/0.js"]);
        assert_eq!(
            pages[0].contents,
            format!(
                "__samizdatSearch(\"d/1\",[{},{},{}]);\n",
                GROUP,
                GROUP + 1,
                GROUP + 2
            )
        );
        let first: Vec<String> = (0..GROUP).map(|index| index.to_string()).collect();
        assert!(
            pages[1]
                .contents
                .contains(&format!("[{}]", first.join(",")))
        );
    }

    #[test]
    fn filing_an_article_again_replaces_it_and_a_partial_group_waits() {
        let groups = Groups::new(2 * GROUP);
        assert!(groups.file(GROUP, "old".into()).is_none());
        assert!(groups.file(GROUP, "new".into()).is_none());
        let page = (GROUP + 1..2 * GROUP)
            .filter_map(|index| groups.file(index, "x".into()))
            .next_back()
            .unwrap();
        assert!(page.contents.starts_with("__samizdatSearch(\"d/1\",[new,x"));
    }
}
