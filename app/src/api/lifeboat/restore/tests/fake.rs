//! A small stateful stand-in for the new server, answering each `Ask` as
//! Mastodon would, and keeping every request it was sent.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde_json::{Value, json};

pub use super::wire::{Stop, drive};
use super::wire::{body_json, decode, describe_import, form, ok, query};
use crate::api::ApiError;
use crate::api::Method;
use crate::api::lifeboat::exchange::{Answer, Ask, AskBody, Outcome, Part};

pub struct FakeAccount {
    pub id: String,
    /// `user` here, `user@host` elsewhere, as the server writes `acct`.
    pub acct: String,
    pub locked: bool,
}

#[derive(Default)]
pub struct Fake {
    pub server: String,
    pub accounts: Vec<FakeAccount>,
    pub following: BTreeSet<String>,
    pub requested: BTreeSet<String>,
    pub muting: BTreeMap<String, Value>,
    pub blocking: BTreeSet<String>,
    /// `(id, title, member ids)`.
    pub lists: Vec<(String, String, BTreeSet<String>)>,
    pub domain_blocks: Vec<String>,
    pub tags: BTreeSet<String>,
    pub filters: Vec<Value>,
    /// `(id, uri, bookmarked)`.
    pub statuses: Vec<(String, String, bool)>,
    pub profile: Vec<(String, String)>,
    pub images: Vec<String>,
    /// Bulk imports received: `(path, what they carried)`.
    pub imports: Vec<(String, String)>,
    /// Errors to answer instead, to the next request whose path holds
    /// the text.
    pub faults: VecDeque<(String, ApiError)>,
    /// Domain blocks per page, to make the engine follow `Link`.
    pub page: usize,
    pub log: Vec<Ask>,
}

impl Fake {
    /// The account's profile as `verify_credentials` shows it, from the
    /// last form written to `update_credentials`.
    fn credentials(&self) -> Value {
        let value = |name: &str| {
            self.profile
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        let text = |name: &str| value(name).unwrap_or_default();
        let fields: Vec<Value> = (0..)
            .map_while(|index| {
                let name = value(&format!("fields_attributes[{index}][name]"))?;
                let field = value(&format!("fields_attributes[{index}][value]"));
                Some(json!({"name": name, "value": field.unwrap_or_default()}))
            })
            .collect();
        json!({
            "id": "1", "acct": "me",
            "display_name": text("display_name"),
            "locked": text("locked") == "true",
            "bot": text("bot") == "true",
            "source": {"note": text("note"), "fields": fields},
        })
    }

    pub fn new(server: &str) -> Self {
        Self {
            server: server.into(),
            page: usize::MAX,
            ..Self::default()
        }
    }

    /// Adds an account, local when `address` is on this server.
    pub fn account(&mut self, address: &str, locked: bool) -> String {
        let id = (self.accounts.len() + 100).to_string();
        let acct = match address.split_once('@') {
            Some((user, host)) if host == self.server => user.to_string(),
            _ => address.to_string(),
        };
        self.accounts.push(FakeAccount {
            id: id.clone(),
            acct,
            locked,
        });
        id
    }

    pub fn id_of(&self, address: &str) -> String {
        self.accounts
            .iter()
            .find(|a| self.address(a) == address)
            .map(|a| a.id.clone())
            .unwrap()
    }

    fn address(&self, account: &FakeAccount) -> String {
        if account.acct.contains('@') {
            account.acct.clone()
        } else {
            format!("{}@{}", account.acct, self.server)
        }
    }

    fn account_json(&self, account: &FakeAccount) -> Value {
        let username = account.acct.split('@').next().unwrap_or_default();
        json!({"id": account.id, "username": username, "acct": account.acct, "locked": account.locked})
    }

    fn relationship(&self, id: &str) -> Value {
        json!({
            "id": id,
            "following": self.following.contains(id),
            "requested": self.requested.contains(id),
            "muting": self.muting.contains_key(id),
            "blocking": self.blocking.contains(id),
        })
    }

    fn status_json(&self, (id, uri, bookmarked): &(String, String, bool)) -> Value {
        json!({"id": id, "uri": uri, "bookmarked": bookmarked, "account": {"id": "1"}})
    }

    /// The writes received, as `METHOD path`.
    pub fn writes(&self) -> Vec<String> {
        self.log
            .iter()
            .filter(|ask| ask.method != Method::Get)
            .map(|ask| format!("{:?} {}", ask.method, ask.path))
            .collect()
    }

    pub fn answer(&mut self, ask: &Ask) -> Outcome<Answer> {
        self.log.push(ask.clone());
        let fault = self
            .faults
            .iter()
            .position(|(path, _)| ask.path.contains(path));
        if let Some((_, error)) = fault.and_then(|at| self.faults.remove(at)) {
            return Err(error);
        }
        let path = ask.path.split('?').next().unwrap_or_default().to_string();
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match (ask.method, parts.as_slice()) {
            (Method::Get, ["api", "v1", "accounts", "lookup"]) => {
                let acct = query(&ask.path, "acct").concat();
                let found = self.accounts.iter().find(|a| a.acct == acct);
                found.map_or(Err(ApiError::NotFound), |a| ok(self.account_json(a)))
            }
            (Method::Get, ["api", "v2", "search"]) => self.search(&ask.path),
            (Method::Get, ["api", "v1", "accounts", "relationships"]) => {
                let ids = query(&ask.path, "id[]");
                ok(Value::Array(
                    ids.iter().map(|id| self.relationship(id)).collect(),
                ))
            }
            (Method::Post, ["api", "v1", "accounts", id, action]) => {
                self.on_account(id, action, ask)
            }
            (Method::Get, ["api", "v1", "lists"]) => ok(Value::Array(
                self.lists
                    .iter()
                    .map(|(id, title, _)| json!({"id": id, "title": title}))
                    .collect(),
            )),
            (Method::Post, ["api", "v1", "lists"]) => {
                let id = format!("L{}", self.lists.len() + 1);
                let title = body_json(ask)["title"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                self.lists
                    .push((id.clone(), title.clone(), BTreeSet::new()));
                ok(json!({"id": id, "title": title}))
            }
            (Method::Get, ["api", "v1", "lists", id, "accounts"]) => {
                let list = self.lists.iter().find(|(lid, _, _)| lid == id);
                let Some((_, _, members)) = list else {
                    return Err(ApiError::NotFound);
                };
                let members: Vec<Value> = members.iter().map(|m| json!({"id": m})).collect();
                ok(Value::Array(members))
            }
            (Method::Post, ["api", "v1", "lists", id, "accounts"]) => {
                let wanted = body_json(ask)["account_ids"].clone();
                let ids: Vec<String> = wanted
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect();
                // Mastodon's rule: only accounts followed go into lists.
                if ids.iter().any(|id| !self.following.contains(id)) {
                    return Err(ApiError::Rejected {
                        message: "Record not found".into(),
                    });
                }
                let list = self.lists.iter_mut().find(|(lid, _, _)| lid == id);
                let Some((_, _, members)) = list else {
                    return Err(ApiError::NotFound);
                };
                members.extend(ids);
                ok(json!({}))
            }
            (Method::Get, ["api", "v1", "domain_blocks"]) => self.domain_block_page(&ask.path),
            (Method::Post, ["api", "v1", "domain_blocks"]) => {
                let domain = form(ask).into_iter().find(|(k, _)| k == "domain");
                let Some((_, domain)) = domain else {
                    return Err(ApiError::Rejected {
                        message: "domain is missing".into(),
                    });
                };
                if !self.domain_blocks.contains(&domain) {
                    self.domain_blocks.push(domain);
                }
                ok(json!({}))
            }
            (Method::Get, ["api", "v1", "statuses", id]) => {
                let status = self.statuses.iter().find(|(sid, _, _)| sid == id);
                status.map_or(Err(ApiError::NotFound), |s| ok(self.status_json(s)))
            }
            (Method::Post, ["api", "v1", "statuses", id, "bookmark"]) => {
                let status = self.statuses.iter_mut().find(|(sid, _, _)| sid == id);
                let Some(status) = status else {
                    return Err(ApiError::NotFound);
                };
                status.2 = true;
                let status = status.clone();
                ok(self.status_json(&status))
            }
            (Method::Get, ["api", "v1", "followed_tags"]) => ok(Value::Array(
                self.tags
                    .iter()
                    .map(|t| json!({"name": t, "following": true}))
                    .collect(),
            )),
            (Method::Post, ["api", "v1", "tags", name, "follow"]) => {
                self.tags.insert(decode(name));
                ok(json!({"name": decode(name), "following": true}))
            }
            (Method::Get, ["api", "v2", "filters"]) => ok(Value::Array(self.filters.clone())),
            (Method::Post, ["api", "v2", "filters"]) => {
                let mut filter = body_json(ask);
                filter["id"] = json!(format!("F{}", self.filters.len() + 1));
                filter["keywords"] = filter["keywords_attributes"].clone();
                self.filters.push(filter.clone());
                ok(filter)
            }
            (Method::Get, ["api", "v1", "accounts", "verify_credentials"]) => {
                ok(self.credentials())
            }
            (Method::Patch, ["api", "v1", "accounts", "update_credentials"]) => {
                match &ask.body {
                    Some(AskBody::Multipart(parts)) => {
                        for (name, part) in parts {
                            if let Part::Stored { key, .. } = part {
                                self.images.push(format!("{name}={key}"));
                            }
                        }
                    }
                    _ => self.profile = form(ask),
                }
                ok(json!({"id": "1", "acct": "me"}))
            }
            (Method::Post, ["api", "v1", "import"] | ["api", "pleroma", _]) => {
                self.imports.push((path.clone(), describe_import(ask)));
                ok(json!({}))
            }
            _ => Err(ApiError::NotFound),
        }
    }

    fn search(&self, path: &str) -> Outcome<Answer> {
        let q = query(path, "q").concat();
        if query(path, "type").concat() == "statuses" {
            let found: Vec<Value> = self
                .statuses
                .iter()
                .filter(|(_, uri, _)| *uri == q)
                .map(|s| self.status_json(s))
                .collect();
            return ok(json!({"accounts": [], "statuses": found, "hashtags": []}));
        }
        // Like a real search, it offers look-alikes: every account of the
        // same username, wherever it lives.
        let wanted = q.trim_start_matches('@');
        let user = wanted.split('@').next().unwrap_or_default();
        let found: Vec<Value> = self
            .accounts
            .iter()
            .filter(|a| a.acct.split('@').next() == Some(user))
            .map(|a| self.account_json(a))
            .collect();
        ok(json!({"accounts": found, "statuses": [], "hashtags": []}))
    }

    fn on_account(&mut self, id: &str, action: &str, ask: &Ask) -> Outcome<Answer> {
        let Some(account) = self.accounts.iter().find(|a| a.id == id) else {
            return Err(ApiError::NotFound);
        };
        let locked = account.locked;
        match action {
            "follow" if locked => _ = self.requested.insert(id.into()),
            "follow" => _ = self.following.insert(id.into()),
            "mute" => _ = self.muting.insert(id.into(), body_json(ask)),
            "block" => {
                self.following.remove(id);
                self.blocking.insert(id.into());
            }
            _ => return Err(ApiError::NotFound),
        }
        ok(self.relationship(id))
    }

    fn domain_block_page(&self, path: &str) -> Outcome<Answer> {
        let from: usize = query(path, "from").concat().parse().unwrap_or(0);
        let end = from.saturating_add(self.page).min(self.domain_blocks.len());
        let page = self.domain_blocks.get(from..end).unwrap_or_default();
        let next_page = (end < self.domain_blocks.len())
            .then(|| format!("https://{}/api/v1/domain_blocks?from={end}", self.server));
        Ok(Answer {
            body: json!(page).to_string(),
            next_page,
            rate: Default::default(),
        })
    }
}
