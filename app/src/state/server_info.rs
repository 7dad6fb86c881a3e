//! What each server is, detected once per session and kept in state.

use leptos::prelude::*;

use super::AppState;
use super::session::Session;
use crate::api::{Discovery, ServerAddr, ServerInfo, detect, nodeinfo_url};

/// A discovery document, or `None` when the server has none to give.
async fn document(server: &ServerAddr, which: Discovery) -> Option<String> {
    Session::signed_out(server.clone()).ask(&which).await.ok()
}

/// The server's info, detected on first use: `/api/v2/instance`, then
/// `/api/v1/instance`, then nodeinfo, which also names the software.
pub async fn server_info(state: AppState, server: &ServerAddr) -> Option<ServerInfo> {
    if let Some(info) = state
        .servers
        .with_untracked(|servers| servers.get(server).cloned())
    {
        return Some(info);
    }
    let v2 = document(server, Discovery::InstanceV2).await;
    let v1 = if v2.is_none() {
        document(server, Discovery::InstanceV1).await
    } else {
        None
    };
    let nodeinfo = match document(server, Discovery::NodeinfoLinks)
        .await
        .and_then(|links| nodeinfo_url(&links))
    {
        Some(url) => document(server, Discovery::Nodeinfo(url)).await,
        None => None,
    };
    let info = detect(v2.as_deref(), v1.as_deref(), nodeinfo.as_deref())?;
    state.servers.update(|servers| {
        servers.insert(server.clone(), info.clone());
    });
    Some(info)
}
