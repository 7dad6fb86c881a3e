//! Who the account follows (with the settings of each follow), who
//! follows it, its lists and their members, and whom it muted or blocked.

use super::step::RELATIONSHIP_BATCH;
use super::{Collect, Flow};
use crate::api::actions::Relationship;
use crate::api::lifeboat::{BackupFollow, BackupList, BackupMute, KnownAccount, full_address};
use crate::api::moderation::{ListedAccount, Listing, MuteEnd};
use crate::api::{Account, ApiError, Lists, Request};

fn accounts(body: &str) -> Result<Vec<Account>, ApiError> {
    Listing::<Account>::at(String::new()).read(body)
}

fn known(account: &Account, server: &str) -> KnownAccount {
    KnownAccount {
        address: full_address(&account.acct, server),
        url: account.url.clone(),
    }
}

/// Followers or blocks: the accounts on a page, by address.
pub(super) fn absorb_known(
    into: &mut Vec<KnownAccount>,
    body: &str,
    server: &str,
) -> Result<usize, ApiError> {
    let page = accounts(body)?;
    for account in &page {
        let account = known(account, server);
        if !into.contains(&account) {
            into.push(account);
        }
    }
    Ok(page.len())
}

impl Collect {
    pub(super) fn absorb_following(&mut self, body: &str, server: &str) -> Result<usize, ApiError> {
        let page = accounts(body)?;
        for account in &page {
            if self.scratch.follow_ids.contains(&account.id) {
                continue;
            }
            let KnownAccount { address, url } = known(account, server);
            self.scratch.follow_ids.push(account.id.clone());
            // Mastodon's defaults, kept where relationships do not answer.
            self.backup.follows.push(BackupFollow {
                address,
                url,
                reblogs: true,
                ..BackupFollow::default()
            });
        }
        Ok(page.len())
    }

    pub(super) fn absorb_follow_relationships(&mut self, body: &str) -> Result<Flow, ApiError> {
        for relationship in relationships(body)? {
            let found = self
                .scratch
                .follow_ids
                .iter()
                .position(|id| *id == relationship.id);
            if let Some(follow) = found.and_then(|index| self.backup.follows.get_mut(index)) {
                follow.reblogs = relationship.showing_reblogs;
                follow.notify = relationship.notifying;
                follow.languages = relationship.languages;
                follow.requested = relationship.requested;
            }
        }
        self.scratch.offset += RELATIONSHIP_BATCH;
        Ok(Flow::Again)
    }

    pub(super) fn absorb_lists(&mut self, body: &str) -> Result<usize, ApiError> {
        let lists = Lists.read(body)?;
        for list in &lists {
            if self.scratch.list_ids.contains(&list.id) {
                continue;
            }
            self.scratch.list_ids.push(list.id.clone());
            self.backup.lists.push(BackupList {
                title: list.title.clone(),
                replies_policy: list.replies_policy.name().to_string(),
                exclusive: list.exclusive,
                members: Vec::new(),
            });
        }
        Ok(lists.len())
    }

    pub(super) fn absorb_members(
        &mut self,
        body: &str,
        next_page: Option<String>,
        server: &str,
    ) -> Result<Flow, ApiError> {
        let page = Listing::<ListedAccount>::at(String::new()).read(body)?;
        if let Some(list) = self.backup.lists.get_mut(self.scratch.offset) {
            for member in &page {
                let address = full_address(&member.acct, server);
                if !list.members.contains(&address) {
                    list.members.push(address);
                }
            }
        }
        Ok(match next_page {
            Some(next) if !page.is_empty() => Flow::Page(next),
            _ => {
                self.scratch.offset += 1;
                Flow::Again
            }
        })
    }

    pub(super) fn absorb_mutes(&mut self, body: &str, server: &str) -> Result<usize, ApiError> {
        let page = accounts(body)?;
        // The same page again, for when each mute ends where the server says.
        let ends = Listing::<ListedAccount>::at(String::new()).read(body)?;
        for account in &page {
            if self.scratch.mute_ids.contains(&account.id) {
                continue;
            }
            let end = ends
                .iter()
                .find(|listed| listed.id == account.id)
                .and_then(|listed| listed.mute_expires_at.clone());
            let KnownAccount { address, url } = known(account, server);
            self.scratch.mute_ids.push(account.id.clone());
            self.scratch.mute_ends_known.push(end.is_some());
            self.backup.mutes.push(BackupMute {
                address,
                url,
                expires_at: end.flatten(),
                // Mastodon's default for a mute, kept where relationships
                // do not answer.
                notifications: true,
            });
        }
        Ok(page.len())
    }

    pub(super) fn absorb_mute_relationships(&mut self, body: &str) -> Result<Flow, ApiError> {
        let ends = Listing::<MuteEnd>::at(String::new()).read(body)?;
        for relationship in relationships(body)? {
            let Some(index) = self
                .scratch
                .mute_ids
                .iter()
                .position(|id| *id == relationship.id)
            else {
                continue;
            };
            let end_known = self
                .scratch
                .mute_ends_known
                .get(index)
                .copied()
                .unwrap_or(true);
            let Some(mute) = self.backup.mutes.get_mut(index) else {
                continue;
            };
            mute.notifications = relationship.muting_notifications;
            if !end_known {
                let end = ends.iter().find(|end| end.id == relationship.id);
                mute.expires_at = end.and_then(|end| end.muting_expires_at.clone()).flatten();
            }
        }
        self.scratch.offset += RELATIONSHIP_BATCH;
        Ok(Flow::Again)
    }
}

fn relationships(body: &str) -> Result<Vec<Relationship>, ApiError> {
    Listing::<Relationship>::at(String::new()).read(body)
}
