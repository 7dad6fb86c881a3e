//! One feed entry as an article.

use feed_rs::model::{Entry, Link};
use jiff::Timestamp;
use serde_json::Value;
use sha2::{Digest, Sha256};
use url::Url;

use super::address::{absolute, alias_on_site, slug_for};
use super::dates::{DateLog, DateRead};
use super::enclosure::{append_enclosures, enclosures};
use super::text::{as_html, is_markup, looks_like_html, plain_text, title_from};
use crate::import::html::{to_markdown, to_markdown_with_base};
use crate::import::{Item, Location, Sink};

/// What every entry of one feed shares.
pub struct FeedContext {
    pub label: String,
    /// The site the feed is from: its home page, else where it was fetched.
    pub site: Option<Url>,
    /// Keys of entries whose id is no URI are made unique with it.
    pub key_scope: String,
    pub language: Option<String>,
    pub dates: DateLog,
    /// Given to an entry whose date is missing or unreadable, when no
    /// entry before it had one.
    pub feed_date: Option<Timestamp>,
    /// RSS 0.9x and 1.0 cannot say whether a description is HTML.
    pub untyped_descriptions: bool,
}

pub struct EntryReader<'a> {
    pub context: &'a FeedContext,
    /// The date of the entry before, the first fallback for one without.
    pub previous_date: Option<Timestamp>,
}

impl EntryReader<'_> {
    pub fn item(&mut self, number: usize, entry: Entry, sink: &mut dyn Sink) -> Item {
        let context = self.context;
        let at = Location {
            file: context.label.clone(),
            line: None,
            item: Some(number),
        };
        let link = entry_link(&entry.links);
        let base = content_base(&entry, link.as_ref(), context.site.as_ref());
        let (markup, body_text) = match (&entry.content, &entry.summary) {
            (Some(content), _)
                if content
                    .body
                    .as_deref()
                    .is_some_and(|b| !b.trim().is_empty()) =>
            {
                let kind = content.content_type.to_string();
                (
                    kind.contains("html"),
                    content.body.clone().unwrap_or_default(),
                )
            }
            (_, Some(summary)) => (self.is_html(summary), summary.content.clone()),
            _ => (true, String::new()),
        };
        let summary_is_body = entry.content.as_ref().is_none_or(|c| c.body.is_none());
        let html = as_html(&body_text, markup);
        let mut body = match &base {
            Some(base) => to_markdown_with_base(&html, base),
            None => to_markdown(&html),
        };
        if let Some(src) = entry.content.as_ref().and_then(|c| c.src.as_ref())
            && body.is_empty()
        {
            body = format!("[Read it on the original site]({})", src.href);
        }
        let enclosures = enclosures(&entry, base.as_ref());
        let media = append_enclosures(&mut body, &enclosures);

        let title = entry
            .title
            .as_ref()
            .map(|title| plain_text(&as_html(&title.content, is_markup(title))))
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| title_from(&plain_text(&html)));
        let description = entry
            .summary
            .as_ref()
            .filter(|_| !summary_is_body)
            .map(|summary| plain_text(&as_html(&summary.content, self.is_html(summary))))
            .filter(|text| !text.is_empty());

        let mut extra = serde_json::Map::new();
        let date = self.date(&entry, &at, &mut extra, sink);
        // RSS has no updated date: feed-rs copies the published one, which
        // has had its warning already if it was unreadable.
        let own_updated = entry.updated.filter(|_| entry.updated != entry.published);
        let updated = match context.dates.read(own_updated) {
            DateRead::Valid(updated) if Some(updated) != date => Some(updated),
            DateRead::Malformed(text) => {
                sink.warning(
                    at.clone(),
                    format!("the updated date “{text}” is no date: left out"),
                );
                None
            }
            _ => None,
        };
        if let Some(link) = &link {
            extra.insert("link".into(), Value::String(link.to_string()));
        }
        let key = key(&entry.id, link.as_ref(), &context.key_scope, &title, date);
        let mut tags = Vec::new();
        for category in &entry.categories {
            let tag = category.label.as_deref().unwrap_or(&category.term).trim();
            if !tag.is_empty() && !tags.iter().any(|known: &String| known == tag) {
                tags.push(tag.to_string());
            }
        }
        let authors = entry
            .authors
            .iter()
            // RSS writes `email (Name)`; feed-rs keeps the brackets.
            .filter_map(|person| {
                person.name.as_deref().map(|name| {
                    name.trim()
                        .trim_start_matches('(')
                        .trim_end_matches(')')
                        .trim()
                })
            })
            .filter(|name| !name.is_empty())
            .map(str::to_string)
            .collect();
        let image = enclosures
            .iter()
            .find(|enclosure| enclosure.media_type.starts_with("image/"))
            .map(|enclosure| enclosure.url.to_string());
        Item {
            key,
            slug: slug_for(link.as_ref(), &title),
            aliases: link
                .as_ref()
                .and_then(|link| alias_on_site(link, context.site.as_ref()))
                .into_iter()
                .collect(),
            title,
            date,
            updated,
            description,
            tags,
            authors,
            lang: entry
                .language
                .filter(|lang| Some(lang) != context.language.as_ref()),
            image,
            extra,
            body,
            media,
            at,
            ..Item::default()
        }
    }

    fn is_html(&self, text: &feed_rs::model::Text) -> bool {
        is_markup(text) || (self.context.untyped_descriptions && looks_like_html(&text.content))
    }

    /// Published, else updated; else the date of the entry before, else
    /// the feed's, with a warning that says what was found.
    fn date(
        &mut self,
        entry: &Entry,
        at: &Location,
        extra: &mut serde_json::Map<String, Value>,
        sink: &mut dyn Sink,
    ) -> Option<Timestamp> {
        let dates = &self.context.dates;
        let found = match dates.read(entry.published) {
            DateRead::Absent => dates.read(entry.updated),
            read => read,
        };
        let why = match found {
            DateRead::Valid(date) => {
                self.previous_date = Some(date);
                return Some(date);
            }
            DateRead::Absent => "no date".to_string(),
            DateRead::Malformed(text) => {
                extra.insert("date_in_feed".into(), Value::String(text.clone()));
                format!("the date “{text}”, which is no date")
            }
        };
        let (fallback, whose) = match (self.previous_date, self.context.feed_date) {
            (Some(date), _) => (Some(date), "the entry before it"),
            (None, Some(date)) => (Some(date), "the feed"),
            (None, None) => (None, ""),
        };
        let message = match fallback {
            Some(date) => format!("{why}: dated {date}, the date of {whose}"),
            None => format!("{why}, and nothing before it has a date"),
        };
        sink.warning(at.clone(), message);
        fallback
    }
}

/// The entry's page on its site: the alternate link, else the first.
fn entry_link(links: &[Link]) -> Option<Url> {
    links
        .iter()
        .find(|link| {
            link.rel.as_deref().is_none_or(|rel| rel == "alternate") && link.media_type.is_none()
        })
        .or_else(|| {
            links
                .first()
                .filter(|link| link.rel.as_deref() != Some("enclosure"))
        })
        .and_then(|link| absolute(&link.href, None))
}

/// What relative links in the entry's content are relative to: its
/// `xml:base`, else its own page, else the site.
fn content_base(entry: &Entry, link: Option<&Url>, site: Option<&Url>) -> Option<Url> {
    let around = link.or(site);
    entry
        .base
        .as_deref()
        .and_then(|base| absolute(base, around))
        .or_else(|| {
            entry
                .content
                .as_ref()
                .and_then(|content| content.src.as_ref())
                .and_then(|src| absolute(&src.href, around))
        })
        .or_else(|| around.cloned())
}

/// The entry's id where it is a URI; an id that is not (a number, a
/// word) made unique by the feed's scope; else the link; else a hash of
/// the title and date, stable from one import to the next.
fn key(id: &str, link: Option<&Url>, scope: &str, title: &str, date: Option<Timestamp>) -> String {
    let id = id.trim();
    if !id.is_empty() {
        return if id.contains(':') {
            id.to_string()
        } else {
            format!("feed:{scope}:{id}")
        };
    }
    if let Some(link) = link {
        return link.to_string();
    }
    let date = date.map(|date| date.to_string()).unwrap_or_default();
    let digest = Sha256::digest(format!("{title}\n{date}").as_bytes());
    let hex: String = digest[..12]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("feed:{scope}:{hex}")
}
