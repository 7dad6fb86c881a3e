//! The sign-in and sign-out flows.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppState;
use super::accounts::{self, SignedInAccount};
use super::session::Session;
use crate::api::oauth::{self, AppRegistration, Callback, ExchangeCode, RegisterApp, RevokeToken};
use crate::api::{ApiError, Discovery, ServerAddr, Timeline, verify_credentials};
use crate::browser::{crypto, storage};
use crate::i18n::Message;
use crate::route::Route;

const APPS_KEY: &str = "samizdat.apps";
const PENDING_KEY: &str = "samizdat.pending-sign-in";

/// What the client remembers between sending the visitor to the server
/// and getting them back.
#[derive(Serialize, Deserialize)]
struct PendingSignIn {
    server: ServerAddr,
    state: String,
    verifier: Option<String>,
    redirect_uri: String,
    app: AppRegistration,
    /// Set when this attempt follows a registration the server had lost,
    /// so that a second refusal ends in a message rather than a loop.
    #[serde(default)]
    registered_again: bool,
}

fn app_key(server: &ServerAddr, redirect_uri: &str) -> String {
    format!("{server} {redirect_uri}")
}

fn forget_app(server: &ServerAddr, redirect_uri: &str) {
    let mut apps: BTreeMap<String, AppRegistration> = storage::load(APPS_KEY).unwrap_or_default();
    apps.remove(&app_key(server, redirect_uri));
    storage::save(APPS_KEY, &apps);
}

/// The app registration for this server and this copy of the client,
/// registering one when there is none yet.
async fn registration(
    server: &ServerAddr,
    redirect_uri: &str,
) -> Result<AppRegistration, ApiError> {
    let mut apps: BTreeMap<String, AppRegistration> = storage::load(APPS_KEY).unwrap_or_default();
    let key = app_key(server, redirect_uri);
    if let Some(app) = apps.get(&key) {
        return Ok(app.clone());
    }
    let app = Session::signed_out(server.clone())
        .ask(&RegisterApp { redirect_uri })
        .await?;
    apps.insert(key, app.clone());
    storage::save(APPS_KEY, &apps);
    Ok(app)
}

fn href() -> String {
    window().location().href().unwrap_or_default()
}

/// Sends the visitor to `server` to approve the client. The flow's code
/// loads when a reader first asks to sign in.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn start(server: ServerAddr) -> Result<(), Message> {
    begin(server, false).await
}

async fn begin(server: ServerAddr, registered_again: bool) -> Result<(), Message> {
    let redirect_uri = oauth::redirect_uri(&href());
    let app = registration(&server, &redirect_uri)
        .await
        .map_err(Message::ServerError)?;
    let pkce = Session::signed_out(server.clone())
        .ask(&Discovery::OAuthMetadata)
        .await
        .is_ok_and(|metadata| oauth::supports_pkce(&metadata));
    let state = crypto::random_token(16).ok_or(Message::NoSecureRandom)?;
    let (verifier, challenge) = if pkce {
        let verifier = crypto::random_token(32).ok_or(Message::NoSecureRandom)?;
        let challenge = crypto::pkce_challenge(&verifier)
            .await
            .ok_or(Message::NoSha256)?;
        (Some(verifier), Some(challenge))
    } else {
        (None, None)
    };
    let url = oauth::authorize_url(&server, &app, &redirect_uri, &state, challenge.as_deref());
    storage::save_session(
        PENDING_KEY,
        &PendingSignIn {
            server: server.clone(),
            state,
            verifier,
            redirect_uri,
            app,
            registered_again,
        },
    );
    window()
        .location()
        .assign(&url)
        .map_err(|_| Message::SignInPageRefused)
}

/// Whether the server's redirect loaded this page, to end a sign-in.
pub fn returning() -> bool {
    oauth::parse_callback(&window().location().search().unwrap_or_default()).is_some()
}

/// Completes a sign-in when the page was loaded by the server's redirect.
/// Returns the route to show, or `None` when this load is no sign-in.
/// Its code loads only for that page load.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn finish(state: AppState) -> Option<Route> {
    let search = window().location().search().unwrap_or_default();
    let callback = oauth::parse_callback(&search)?;
    let pending: Option<PendingSignIn> = storage::load_session(PENDING_KEY);
    storage::remove_session(PENDING_KEY);
    // The query has done its job: keep it out of the address bar and history.
    let clean = oauth::redirect_uri(&href());
    let _ = window().history().and_then(|history| {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean))
    });
    let Some(pending) = pending else {
        state.notice.set(Some(Message::SignInNotStartedHere));
        return None;
    };
    let (code, returned_state) = match callback {
        Callback::Code { code, state } => (code, state),
        Callback::Denied { error, .. } => {
            state.notice.set(Some(Message::SignInDenied(error)));
            return None;
        }
    };
    if returned_state != pending.state {
        state.notice.set(Some(Message::SignInMismatch));
        return None;
    }
    let server = pending.server.clone();
    match complete(&server, &pending, &code).await {
        Ok(account) => {
            let key = account.key();
            state.accounts.update(|accounts| {
                accounts.retain(|known| known.key() != key);
                accounts.push(account);
                accounts::save(accounts);
            });
            accounts::save_active(Some(&key));
            state.active.set(Some(key));
            Some(Route::Timeline {
                server,
                timeline: Timeline::Home,
            })
        }
        Err(error) => {
            // The server no longer knows this client (its registration was
            // deleted or its database restored): register again and ask
            // the reader once more.
            if matches!(&error, ApiError::Rejected { message } if message.contains("invalid_client"))
                || matches!(error, ApiError::Unauthorized)
            {
                forget_app(&server, &pending.redirect_uri);
                if !pending.registered_again && begin(server, true).await.is_ok() {
                    return None;
                }
            }
            state.notice.set(Some(Message::SignInFailed(error)));
            None
        }
    }
}

async fn complete(
    server: &ServerAddr,
    pending: &PendingSignIn,
    code: &str,
) -> Result<SignedInAccount, ApiError> {
    let exchange = ExchangeCode {
        app: &pending.app,
        redirect_uri: &pending.redirect_uri,
        code,
        code_verifier: pending.verifier.as_deref(),
    };
    let token = Session::signed_out(server.clone()).ask(&exchange).await?;
    let signed_in = Session {
        server: server.clone(),
        token: Some(token.access_token.clone()),
    };
    let me = signed_in.ask(&verify_credentials()).await?;
    Ok(SignedInAccount {
        server: server.clone(),
        id: me.id,
        username: me.username,
        display_name: me.display_name,
        avatar: me.avatar_static,
        token: token.access_token,
        app: pending.app.clone(),
    })
}

/// Revokes the account's token on its server and forgets the account.
/// The account is forgotten even when the server cannot be reached.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn sign_out(state: AppState, key: String) {
    let Some(account) = state.accounts.with_untracked(|accounts| {
        accounts
            .iter()
            .find(|account| account.key() == key)
            .cloned()
    }) else {
        return;
    };
    let revoke = RevokeToken {
        app: &account.app,
        token: &account.token,
    };
    let revoked = Session::signed_out(account.server.clone())
        .ask(&revoke)
        .await;
    state.accounts.update(|accounts| {
        accounts.retain(|known| known.key() != key);
        accounts::save(accounts);
    });
    let next = state
        .accounts
        .with_untracked(|accounts| accounts.first().map(SignedInAccount::key));
    accounts::save_active(next.as_deref());
    state.active.set(next);
    state.notice.set(Some(match revoked {
        Ok(_) => Message::SignedOut(key),
        Err(error) => Message::SignedOutHereOnly {
            account: key,
            error,
        },
    }));
}

/// Makes another signed-in account the active one.
pub fn switch_to(state: AppState, key: String) {
    accounts::save_active(Some(&key));
    state.active.set(Some(key));
}
