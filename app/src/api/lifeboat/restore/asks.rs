//! The request each step sends, built from the API's own requests where
//! the client already has them.

use super::super::super::actions::{self, Follow, Mute, Toggle};
use super::super::super::filter_edit::{Expiry, FilterDraft, KeywordDraft, create_filter, filters};
use super::super::super::list_edit::{ListDraft, RepliesPolicy, create_list};
use super::super::super::moderation::list_members;
use super::super::super::oauth::form;
use super::super::super::request::segment;
use super::super::super::{
    FilterAction, Lists, Method, Request, lookup_account, status_by_id, verify_credentials,
};
use super::super::backup::{BackupFilter, BackupProfile};
use super::super::exchange::{Ask, AskBody, Part};
use super::clock::seconds_left;
use super::plan::{Entry, Work};
use super::steps::key;
use super::{FoundStatus, Restore, Step, bulk};

/// The largest page Mastodon gives of domain blocks and followed tags.
const PAGE: u32 = 200;

pub(super) const CREDENTIALS: &str = "/api/v1/accounts/update_credentials";

pub(super) fn of<R: Request>(request: &R) -> Ask {
    Ask {
        method: request.method(),
        path: request.path(),
        body: request.body().map(AskBody::Plain),
    }
}

fn get(path: String) -> Ask {
    Ask {
        method: Method::Get,
        path,
        body: None,
    }
}

/// A status URI's host (with its port), and its last path segment.
pub(super) fn uri_host_and_id(uri: &str) -> Option<(&str, &str)> {
    let (_, rest) = uri.split_once("://")?;
    let (host, path) = rest.split_once('/')?;
    let id = path.trim_end_matches('/').rsplit('/').next()?;
    (!id.is_empty()).then_some((host, id))
}

impl Restore {
    pub(super) fn ask(&self, step: &Step, now_ms: f64) -> Option<Ask> {
        Some(match step {
            Step::Resolve(address) => self.resolve_ask(address),
            Step::Relationships(ids) => {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                of(&actions::relationships(&ids))
            }
            Step::Bulk { batch, entries } => {
                let entries: Vec<&Entry> = entries
                    .iter()
                    .filter_map(|i| self.entries.get(*i))
                    .collect();
                bulk::ask(self.target.bulk, *batch, &entries)?
            }
            Step::ReadLists => of(&Lists),
            Step::ReadMembers(list) => {
                let plan = self.lists.get(*list)?;
                let first = format!("{}?limit=0", list_members(plan.target_id.as_ref()?).path());
                get(plan.members.next_page(&first)?)
            }
            Step::ReadDomainBlocks => get(self
                .domain_blocks
                .next_page(&format!("/api/v1/domain_blocks?limit={PAGE}"))?),
            Step::ReadTags => get(self
                .followed_tags
                .next_page(&format!("/api/v1/followed_tags?limit={PAGE}"))?),
            Step::ReadFilters => of(&filters()),
            Step::ReadProfile => of(&verify_credentials()),
            Step::FindStatus(uri) => self.find_status_ask(uri),
            Step::Write(index) => self.write_ask(self.entries.get(*index)?, now_ms)?,
        })
    }

    /// A local account by exact lookup; any other through a resolving
    /// search, whose answer is checked against the address.
    fn resolve_ask(&self, address: &str) -> Ask {
        match address.rsplit_once('@') {
            Some((user, _)) if self.target.is_local(address) => {
                of(&lookup_account(user.trim_start_matches('@')))
            }
            _ => get(format!(
                "/api/v2/search?q={}&type=accounts&resolve=true&limit=5",
                segment(&format!("@{}", address.trim_start_matches('@')))
            )),
        }
    }

    fn find_status_ask(&self, uri: &str) -> Ask {
        match uri_host_and_id(uri) {
            Some((_, id)) if self.status_by_id(uri) => of(&status_by_id(id)),
            _ => get(format!(
                "/api/v2/search?q={}&type=statuses&resolve=true&limit=1",
                segment(uri)
            )),
        }
    }

    fn account_id(&self, address: &str) -> Option<&str> {
        match self.accounts.get(&key(address))? {
            super::Found::At(id) => Some(id),
            super::Found::Missing(_) => None,
        }
    }

    fn write_ask(&self, entry: &Entry, now_ms: f64) -> Option<Ask> {
        let subject = entry.subject.trim();
        Some(match &entry.work {
            Work::Follow {
                reblogs,
                notify,
                languages,
            } => of(&actions::follow(
                self.account_id(subject)?,
                &Follow {
                    reblogs: Some(*reblogs),
                    notify: Some(*notify),
                    languages: languages.clone().unwrap_or_default(),
                },
            )),
            Work::ListMember { list } => {
                let list_id = self.lists.get(*list)?.target_id.as_ref()?;
                of(&actions::add_to_list(list_id, self.account_id(subject)?))
            }
            Work::Mute {
                expires_at,
                notifications,
            } => of(&actions::mute(
                self.account_id(subject)?,
                &Mute {
                    notifications: *notifications,
                    duration: seconds_left(expires_at.as_deref(), now_ms)?,
                },
            )),
            Work::List { list } => {
                let plan = self.lists.get(*list)?;
                of(&create_list(&ListDraft {
                    title: plan.title.clone(),
                    replies_policy: RepliesPolicy::from_name(&plan.replies_policy)
                        .unwrap_or_default(),
                    exclusive: plan.exclusive,
                }))
            }
            Work::Plain => self.plain_write(entry)?,
            Work::Filter(filter) => of(&create_filter(&filter_draft(filter, now_ms)?)),
            Work::ProfileText(profile) => profile_ask(profile),
            Work::Image => Ask {
                method: Method::Patch,
                path: CREDENTIALS.into(),
                body: Some(AskBody::Multipart(vec![(
                    subject.to_string(),
                    Part::Stored {
                        key: subject.to_string(),
                        file_name: subject.to_string(),
                    },
                )])),
            },
        })
    }

    fn plain_write(&self, entry: &Entry) -> Option<Ask> {
        let subject = entry.subject.trim();
        Some(match entry.kind {
            super::Kind::Block => of(&actions::block(self.account_id(subject)?)),
            super::Kind::DomainBlock => of(&actions::block_domain(subject)),
            super::Kind::Tag => of(&super::super::super::moderation::follow_tag(
                subject.trim_start_matches('#'),
            )),
            super::Kind::Bookmark => match self.statuses.get(&entry.subject)? {
                FoundStatus::At { id, .. } => of(&actions::bookmark(id, Toggle::Do)),
                FoundStatus::NotById | FoundStatus::Missing(_) => return None,
            },
            _ => return None,
        })
    }
}

fn filter_draft(filter: &BackupFilter, now_ms: f64) -> Option<FilterDraft> {
    let action = match filter.filter_action.as_str() {
        "" | "warn" => FilterAction::Warn,
        "hide" => FilterAction::Hide,
        "blur" => FilterAction::Blur,
        other => FilterAction::Other(other.to_string()),
    };
    Some(FilterDraft {
        title: filter.title.clone(),
        context: filter.context.clone(),
        action,
        expiry: Expiry::In(seconds_left(filter.expires_at.as_deref(), now_ms)?),
        keywords: filter
            .keywords
            .iter()
            .map(|keyword| KeywordDraft {
                id: None,
                keyword: keyword.keyword.clone(),
                whole_word: keyword.whole_word,
            })
            .collect(),
    })
}

/// The profile's text, as a form: some servers read nothing else there.
fn profile_ask(profile: &BackupProfile) -> Ask {
    let flag = |on: bool| if on { "true" } else { "false" }.to_string();
    let mut fields: Vec<(String, String)> = vec![
        ("display_name".into(), profile.display_name.clone()),
        ("note".into(), profile.note.clone()),
        ("locked".into(), flag(profile.locked)),
        ("bot".into(), flag(profile.bot)),
    ];
    for (index, (name, value)) in profile.fields.iter().enumerate() {
        fields.push((format!("fields_attributes[{index}][name]"), name.clone()));
        fields.push((format!("fields_attributes[{index}][value]"), value.clone()));
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    Ask {
        method: Method::Patch,
        path: CREDENTIALS.into(),
        body: Some(AskBody::Plain(super::super::super::Body::Form(form(
            &pairs,
        )))),
    }
}
