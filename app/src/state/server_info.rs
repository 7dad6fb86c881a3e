//! What each server is, detected once per page load and kept in state.

use std::cell::RefCell;
use std::collections::HashMap;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;

use super::AppState;
use super::session::Session;
use crate::api::{Discovery, ServerAddr, ServerInfo, detect, nodeinfo_url};

type Detection = Shared<LocalBoxFuture<'static, Option<ServerInfo>>>;

thread_local! {
    /// Each server's detection, under way or done: the views that ask at
    /// the same time (the server's about box, the stream's address) share
    /// one set of requests, and a server that answered nothing is not
    /// asked again before the page is loaded again.
    static DETECTIONS: RefCell<HashMap<ServerAddr, Detection>> = RefCell::default();
}

/// A discovery document, or `None` when the server has none to give.
async fn document(server: &ServerAddr, which: Discovery) -> Option<String> {
    Session::signed_out(server.clone()).ask(&which).await.ok()
}

/// The server's info, detected on first use: `/api/v2/instance`, then
/// `/api/v1/instance`, then nodeinfo, which also names the software. Each
/// document is asked for once per page load.
pub async fn server_info(state: AppState, server: &ServerAddr) -> Option<ServerInfo> {
    match state
        .servers
        .with_untracked(|servers| servers.get(server).cloned())
    {
        Some(info) => Some(info),
        None => detected(state, server.clone()).await,
    }
}

/// The detection, whose code (and the parsers of the documents) loads
/// once a view first needs to know the server.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
async fn detected(state: AppState, server: ServerAddr) -> Option<ServerInfo> {
    let detection = DETECTIONS.with_borrow_mut(|detections| {
        detections
            .entry(server.clone())
            .or_insert_with(|| detect_server(server.clone()).boxed_local().shared())
            .clone()
    });
    let info = detection.await;
    if let Some(info) = &info {
        state.servers.update(|servers| {
            servers.insert(server, info.clone());
        });
    }
    info
}

async fn detect_server(server: ServerAddr) -> Option<ServerInfo> {
    let v2 = document(&server, Discovery::InstanceV2).await;
    let v1 = match v2 {
        None => document(&server, Discovery::InstanceV1).await,
        Some(_) => None,
    };
    let nodeinfo = match document(&server, Discovery::NodeinfoLinks)
        .await
        .and_then(|links| nodeinfo_url(&links))
    {
        Some(url) => document(&server, Discovery::Nodeinfo(url)).await,
        None => None,
    };
    detect(v2.as_deref(), v1.as_deref(), nodeinfo.as_deref())
}
