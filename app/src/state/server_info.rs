//! What each server is, detected once per session and kept in state.

use leptos::prelude::*;

use super::AppState;
use crate::api::{ServerAddr, ServerInfo, detect, nodeinfo_url};
use crate::browser::http::get_text;

/// The server's info, detected on first use: `/api/v2/instance`, then
/// `/api/v1/instance`, then nodeinfo, which also names the software.
pub async fn server_info(state: AppState, server: &ServerAddr) -> Option<ServerInfo> {
    if let Some(info) = state
        .servers
        .with_untracked(|servers| servers.get(server).cloned())
    {
        return Some(info);
    }
    let v2 = get_text(server, "/api/v2/instance").await;
    let v1 = if v2.is_none() {
        get_text(server, "/api/v1/instance").await
    } else {
        None
    };
    let nodeinfo = match get_text(server, "/.well-known/nodeinfo")
        .await
        .and_then(|links| nodeinfo_url(&links))
    {
        Some(url) => get_text(server, &url).await,
        None => None,
    };
    let info = detect(v2.as_deref(), v1.as_deref(), nodeinfo.as_deref())?;
    state.servers.update(|servers| {
        servers.insert(server.clone(), info.clone());
    });
    Some(info)
}
