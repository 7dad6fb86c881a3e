//! A published post or page of the export as an [`Item`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use jiff::tz::Offset;
use serde_json::Value;

use super::comments;
use super::content::to_article_markdown;
use super::dates::{Reading, resolve};
use super::media::{Attachments, COMMENTS_FILE, PostMedia};
use super::permalinks::{alias, percent_decode};
use super::post::Post;
use super::shortcodes::Context;
use super::text::plain_text;
use crate::import::{ImportError, Item, ItemKind, Location, Media, MediaSource, Sink, SiteInfo};

/// What the whole export says, read before its posts.
#[derive(Default)]
pub struct Export {
    pub label: String,
    pub site: SiteInfo,
    /// The blog's address, which permalinks start with.
    pub base_url: String,
    /// The WordPress install's address, for keys of items without a GUID.
    pub base_site_url: String,
    /// Display names by login.
    pub authors: HashMap<String, String>,
    pub attachments: Attachments,
    /// Local time less GMT, as the items show it.
    pub site_offset: Option<Offset>,
    pub uploads: Option<PathBuf>,
}

pub struct Converter<'a> {
    export: &'a Export,
    warned_shortcodes: BTreeSet<String>,
    warned_offset: bool,
}

/// Why a post or page is left out, by its status; `None` when published.
fn skip_reason(post: &Post) -> Option<&'static str> {
    let reason = match post.status.as_str() {
        "publish" => None,
        "draft" | "auto-draft" => Some("drafts"),
        "pending" => Some("posts pending review"),
        "private" => Some("private posts"),
        "trash" => Some("trashed posts"),
        "future" => Some("scheduled posts"),
        _ => Some("posts of another status"),
    };
    reason.or(post.has_password.then_some("password-protected posts"))
}

impl<'a> Converter<'a> {
    pub fn new(export: &'a Export) -> Self {
        Self {
            export,
            warned_shortcodes: BTreeSet::new(),
            warned_offset: false,
        }
    }

    pub fn convert(
        &mut self,
        post: Post,
        at: Location,
        sink: &mut dyn Sink,
    ) -> Result<(), ImportError> {
        let kind = match post.post_type.as_str() {
            "post" => ItemKind::Post,
            "page" => ItemKind::Page,
            // Attachments are the media posts use, read beforehand.
            "attachment" => return Ok(()),
            other => {
                sink.skipped(&match other {
                    "nav_menu_item" => "menu items".to_string(),
                    "revision" => "revisions".to_string(),
                    other => format!("{other} items"),
                });
                return Ok(());
            }
        };
        if let Some(reason) = skip_reason(&post) {
            sink.skipped(reason);
            return Ok(());
        }
        let export = self.export;
        let mut media = PostMedia::new(export.uploads.as_deref());
        let mut unknown = BTreeSet::new();
        let context = Context {
            attachments: &export.attachments,
            post_id: post.id,
        };
        let body = to_article_markdown(&post.content, &context, &mut media, &mut unknown);
        for name in unknown {
            if self.warned_shortcodes.insert(name.clone()) {
                sink.warning(
                    at.clone(),
                    format!("the shortcode [{name}] is not one site-gen knows: left as text here and wherever else it is used"),
                );
            }
        }
        let image = match post.meta("_thumbnail_id").and_then(|id| id.parse().ok()) {
            Some(id) => match export.attachments.get(id) {
                Some(attachment) => Some(media.resolve(&attachment.url)),
                None => {
                    sink.warning(at.clone(), format!("the featured image is attachment {id}, which the export does not hold: no image"));
                    None
                }
            },
            None => None,
        };
        let date = self.date(&post, &at, sink);
        let updated = resolve(&post.modified, None, export.site_offset)
            .map(|(updated, _)| updated)
            .filter(|updated| date.is_none_or(|date| *updated > date));
        let sorted = comments::sort(&post.comments, export.site_offset);
        for reason in sorted.left_out {
            sink.skipped(reason);
        }
        let mut media = media.media;
        if let Some(file) = sorted.file {
            media.push(Media {
                name: COMMENTS_FILE.into(),
                source: MediaSource::Bytes(file),
            });
        }
        let (tags, categories, others) = terms(&post);
        let mut extra = serde_json::Map::new();
        if let Some(id) = post.id {
            extra.insert("wordpress_id".into(), id.into());
        }
        if post.sticky {
            extra.insert("sticky".into(), true.into());
        }
        if !others.is_empty() {
            extra.insert(
                "wordpress_terms".into(),
                serde_json::to_value(others).unwrap_or(Value::Null),
            );
        }
        let key = post.guid.clone().unwrap_or_else(|| {
            format!(
                "wxr:{}:{}",
                export.base_site_url,
                post.id.unwrap_or_default()
            )
        });
        let item = Item {
            key,
            kind,
            title: plain_text(&post.title),
            slug: percent_decode(&post.name),
            date: if kind == ItemKind::Page { None } else { date },
            updated: if kind == ItemKind::Page {
                updated.or(date)
            } else {
                updated
            },
            description: Some(plain_text(&post.excerpt)).filter(|text| !text.is_empty()),
            tags,
            categories,
            authors: post
                .creator
                .iter()
                .map(|login| export.authors.get(login).unwrap_or(login).clone())
                .collect(),
            lang: None,
            aliases: post
                .link
                .as_deref()
                .and_then(|link| alias(link, &export.base_url))
                .into_iter()
                .collect(),
            image,
            extra,
            body,
            media,
            at,
        };
        sink.item(item)
    }

    fn date(&mut self, post: &Post, at: &Location, sink: &mut dyn Sink) -> Option<jiff::Timestamp> {
        let (date, reading) = resolve(
            &post.date,
            post.pub_date.as_deref(),
            self.export.site_offset,
        )?;
        match reading {
            Reading::SiteOffset if !self.warned_offset => {
                self.warned_offset = true;
                let offset = self.export.site_offset.map(|o| o.to_string()).unwrap_or_default();
                sink.warning(at.clone(), format!("this and other items have no GMT date: their local dates were read at the site's offset {offset}, which other items' dates show (check them if the site changed zones)"));
            }
            Reading::AssumedUtc => sink.warning(
                at.clone(),
                "no GMT date, no valid pubDate, and no item showing the site's zone: the local date was taken as UTC (correct `date` if it is off)".into(),
            ),
            _ => {}
        }
        Some(date)
    }
}

/// Tags, categories, and other taxonomies' terms by taxonomy.
fn terms(post: &Post) -> (Vec<String>, Vec<String>, BTreeMap<String, Vec<String>>) {
    let (mut tags, mut categories, mut others) = (Vec::new(), Vec::new(), BTreeMap::new());
    for term in &post.terms {
        let list: &mut Vec<String> = match term.domain.as_str() {
            "category" => &mut categories,
            "post_tag" | "tag" => &mut tags,
            other => others.entry(other.to_string()).or_default(),
        };
        // WXR 1.0 lists each category twice, with and without its domain.
        if !list.contains(&term.name) {
            list.push(term.name.clone());
        }
    }
    (tags, categories, others)
}
