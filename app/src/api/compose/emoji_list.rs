//! The server's custom emoji as the picker shows them: grouped by
//! category, filtered by what the reader types, and matched against a
//! `:shortcode` being written.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use super::suggest::Suggestion;
use crate::api::lenient::{null_default, skip_unreadable};
use crate::api::request::Get;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PickerEmoji {
    #[serde(default, deserialize_with = "null_default")]
    pub shortcode: String,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
    #[serde(default, deserialize_with = "null_default")]
    pub static_url: String,
    /// Absent on some servers, which then show every emoji.
    #[serde(default)]
    visible_in_picker: Option<bool>,
    #[serde(default)]
    category: Option<String>,
}

impl PickerEmoji {
    fn shown(&self) -> bool {
        self.visible_in_picker != Some(false) && !self.shortcode.is_empty()
    }

    /// The still image, so that the picker does not animate.
    pub fn image(&self) -> &str {
        if self.static_url.is_empty() {
            &self.url
        } else {
            &self.static_url
        }
    }

    pub fn category(&self) -> Option<&str> {
        self.category
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
    }
}

/// Everything `GET /api/v1/custom_emojis` lists; an entry that does not
/// read is left out rather than losing the rest.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct EmojiCatalog {
    #[serde(deserialize_with = "skip_unreadable")]
    pub emojis: Vec<PickerEmoji>,
}

pub fn custom_emojis() -> Get<EmojiCatalog> {
    Get::new("/api/v1/custom_emojis".to_string())
}

/// One heading of the picker: `None` for emoji without a category, which
/// come first.
#[derive(Clone, Debug, PartialEq)]
pub struct EmojiGroup {
    pub category: Option<String>,
    pub emojis: Vec<Arc<PickerEmoji>>,
}

/// The groups the picker shows for `filter` (part of a shortcode, with or
/// without colons, any case), categories in alphabetical order, emoji in
/// each by shortcode.
pub fn picker_groups(catalog: &EmojiCatalog, filter: &str) -> Vec<EmojiGroup> {
    let filter = needle(filter);
    let mut groups: BTreeMap<Option<String>, Vec<Arc<PickerEmoji>>> = BTreeMap::new();
    for emoji in catalog.emojis.iter().filter(|emoji| emoji.shown()) {
        if emoji.shortcode.to_lowercase().contains(&filter) {
            let category = emoji.category().map(str::to_string);
            groups
                .entry(category)
                .or_default()
                .push(Arc::new(emoji.clone()));
        }
    }
    let mut groups: Vec<EmojiGroup> = groups
        .into_iter()
        .map(|(category, mut emojis)| {
            emojis.sort_by_key(|emoji| emoji.shortcode.to_lowercase());
            EmojiGroup { category, emojis }
        })
        .collect();
    // `None` sorts first already; named ones are compared without case.
    groups.sort_by_cached_key(|group| group.category.as_ref().map(|name| name.to_lowercase()));
    groups
}

/// Up to `limit` emoji for a `:query` being typed: those whose shortcode
/// starts with it first, shortest first, then those that contain it.
pub fn emoji_suggestions(catalog: &EmojiCatalog, query: &str, limit: usize) -> Vec<Suggestion> {
    let query = needle(query);
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, usize, String, &PickerEmoji)> = catalog
        .emojis
        .iter()
        .filter(|emoji| emoji.shown())
        .filter_map(|emoji| {
            let code = emoji.shortcode.to_lowercase();
            let at = code.find(&query)?;
            Some((at != 0, code.len(), code, emoji))
        })
        .collect();
    found.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    found
        .into_iter()
        .take(limit)
        .map(|(.., emoji)| Suggestion::Emoji {
            shortcode: emoji.shortcode.clone(),
            image: emoji.image().to_string(),
        })
        .collect()
}

fn needle(typed: &str) -> String {
    typed.trim().trim_matches(':').to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    fn catalog() -> EmojiCatalog {
        custom_emojis()
            .read(
                r#"[
                {"shortcode":"blobcat","url":"https://x/blobcat.gif","static_url":"https://x/blobcat.png","visible_in_picker":true,"category":"Blobs"},
                {"shortcode":"blob","url":"https://x/blob.png","static_url":null,"visible_in_picker":true,"category":"Blobs"},
                {"shortcode":"secret_blob","url":"https://x/s.png","static_url":"https://x/s.png","visible_in_picker":false},
                {"shortcode":"Parrot","url":"https://x/p.png","static_url":"https://x/p.png","category":"animals"},
                {"shortcode":"catblob","url":"https://x/c.png","static_url":"https://x/c.png","category":""},
                {"shortcode":42},
                {"shortcode":"doge","url":"https://x/d.png","static_url":"https://x/d.png","visible_in_picker":null,"category":null}
            ]"#,
            )
            .unwrap()
    }

    fn names(groups: &[EmojiGroup]) -> Vec<(Option<&str>, Vec<&str>)> {
        groups
            .iter()
            .map(|group| {
                let codes = group
                    .emojis
                    .iter()
                    .map(|emoji| emoji.shortcode.as_str())
                    .collect();
                (group.category.as_deref(), codes)
            })
            .collect()
    }

    #[test]
    fn groups_by_category_without_hidden_or_unreadable_ones() {
        let catalog = catalog();
        assert_eq!(catalog.emojis.len(), 6);
        assert_eq!(
            names(&picker_groups(&catalog, "")),
            [
                (None, vec!["catblob", "doge"]),
                (Some("animals"), vec!["Parrot"]),
                (Some("Blobs"), vec!["blob", "blobcat"]),
            ]
        );
    }

    #[test]
    fn filters_by_part_of_the_shortcode() {
        let catalog = catalog();
        assert_eq!(
            names(&picker_groups(&catalog, " :BLOB ")),
            [
                (None, vec!["catblob"]),
                (Some("Blobs"), vec!["blob", "blobcat"])
            ]
        );
        assert_eq!(
            names(&picker_groups(&catalog, "parr")),
            [(Some("animals"), vec!["Parrot"])]
        );
        assert!(picker_groups(&catalog, "nothing").is_empty());
    }

    #[test]
    fn suggests_prefix_matches_first() {
        let catalog = catalog();
        let codes = |query, limit| {
            emoji_suggestions(&catalog, query, limit)
                .into_iter()
                .map(|suggestion| suggestion.replacement())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("blo", 5), [":blob:", ":blobcat:", ":catblob:"]);
        assert_eq!(codes("blo", 2), [":blob:", ":blobcat:"]);
        assert_eq!(codes("pa", 5), [":Parrot:"]);
        assert!(codes("", 5).is_empty());
        assert!(codes("secret", 5).is_empty());
    }

    #[test]
    fn shows_the_still_image() {
        let catalog = catalog();
        let image = |code: &str| {
            let emoji = catalog
                .emojis
                .iter()
                .find(|emoji| emoji.shortcode == code)
                .unwrap();
            emoji.image().to_string()
        };
        assert_eq!(image("blobcat"), "https://x/blobcat.png");
        assert_eq!(image("blob"), "https://x/blob.png");
    }
}
