//! Reads an account's collections through the API, page after page.

use std::collections::BTreeMap;

use crate::MockServer;
use crate::http::{Body, send};

/// Every item of the paged collection at `path` on `server`, following
/// `Link: rel="next"` from page to page.
pub async fn all_pages(
    server: &MockServer,
    token: &str,
    path: &str,
) -> anyhow::Result<Vec<serde_json::Value>> {
    Reader::new(server, token).all(path).await
}

/// A string field, empty when absent.
pub fn text(value: &serde_json::Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_string()
}

pub struct Reader<'a> {
    origin: String,
    addr: String,
    token: &'a str,
}

impl<'a> Reader<'a> {
    pub fn new(server: &MockServer, token: &'a str) -> Self {
        Self {
            origin: server.origin(),
            addr: server.addr(),
            token,
        }
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<serde_json::Value> {
        let url = format!("{}{path}", self.origin);
        send("GET", &url, Some(self.token), Body::Empty)
            .await?
            .json()
    }

    /// Every item of a paged collection, following `Link: rel="next"`.
    pub async fn all(&self, path: &str) -> anyhow::Result<Vec<serde_json::Value>> {
        let mut items = Vec::new();
        let mut next = Some(format!("{}{path}", self.origin));
        let mut pages = 0;
        while let Some(url) = next.take() {
            pages += 1;
            anyhow::ensure!(pages <= 200, "more than 200 pages at {path}: a Link loop?");
            let page = send("GET", &url, Some(self.token), Body::Empty).await?;
            let json = page.json()?;
            let batch = json
                .as_array()
                .ok_or_else(|| anyhow::anyhow!("{url} gave no array: {json}"))?;
            if batch.is_empty() {
                break;
            }
            items.extend(batch.iter().cloned());
            next = page.next_page();
        }
        Ok(items)
    }

    /// Relationships with `accounts`, by account id.
    pub async fn relationships(
        &self,
        accounts: &[serde_json::Value],
    ) -> anyhow::Result<BTreeMap<String, serde_json::Value>> {
        let mut by_id = BTreeMap::new();
        for batch in accounts.chunks(40) {
            let query: Vec<String> = batch
                .iter()
                .map(|a| format!("id[]={}", text(a, "id")))
                .collect();
            let path = format!("/api/v1/accounts/relationships?{}", query.join("&"));
            for relation in self.get(&path).await?.as_array().into_iter().flatten() {
                by_id.insert(text(relation, "id"), relation.clone());
            }
        }
        Ok(by_id)
    }

    /// `user@server`, with this server's address for its own accounts.
    pub fn address(&self, account: &serde_json::Value) -> String {
        let acct = text(account, "acct");
        if acct.contains('@') {
            acct
        } else {
            format!("{acct}@{}", self.addr)
        }
    }
}
