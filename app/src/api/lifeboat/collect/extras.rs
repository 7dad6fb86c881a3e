//! The smaller kinds: blocked domains, bookmarks, followed hashtags and
//! filters. Each returns how many entries its page held.

use crate::api::filter_edit::{FilterRecord, action_name, filters};
use crate::api::lifeboat::{Backup, BackupFilter, BackupFilterKeyword};
use crate::api::moderation::{Listing, domain_blocks, followed_tags};
use crate::api::{ApiError, Request, Status};

fn push_new(into: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for item in items {
        if !item.is_empty() && !into.contains(&item) {
            into.push(item);
        }
    }
}

pub(super) fn absorb_domains(backup: &mut Backup, body: &str) -> Result<usize, ApiError> {
    let page = domain_blocks().read(body)?;
    let count = page.len();
    push_new(&mut backup.domain_blocks, page);
    Ok(count)
}

/// Bookmarks are kept by URI, which another server can look up.
pub(super) fn absorb_bookmarks(backup: &mut Backup, body: &str) -> Result<usize, ApiError> {
    let page = Listing::<Status>::at(String::new()).read(body)?;
    let count = page.len();
    let uris = page.into_iter().map(|status| match status.uri.is_empty() {
        true => status.url.unwrap_or_default(),
        false => status.uri,
    });
    push_new(&mut backup.bookmarks, uris);
    Ok(count)
}

pub(super) fn absorb_tags(backup: &mut Backup, body: &str) -> Result<usize, ApiError> {
    let page = followed_tags().read(body)?;
    let count = page.len();
    push_new(
        &mut backup.followed_tags,
        page.into_iter().map(|tag| tag.name),
    );
    Ok(count)
}

pub(super) fn absorb_filters(backup: &mut Backup, body: &str) -> Result<usize, ApiError> {
    let page = filters().read(body)?;
    let count = page.len();
    backup.filters.extend(page.into_iter().map(backup_filter));
    Ok(count)
}

fn backup_filter(record: FilterRecord) -> BackupFilter {
    BackupFilter {
        filter_action: action_name(&record.filter_action).to_string(),
        title: record.title,
        context: record.context,
        expires_at: record.expires_at,
        keywords: record
            .keywords
            .into_iter()
            .map(|keyword| BackupFilterKeyword {
                keyword: keyword.keyword,
                whole_word: keyword.whole_word,
            })
            .collect(),
    }
}
