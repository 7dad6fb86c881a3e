//! Who is asking which server: given to every view of a server through
//! context, so that a view names the request it wants and nothing more.

use leptos::prelude::*;

use super::AppState;
use crate::api::{ApiError, Request, ServerAddr};
use crate::browser::http::{self, Fetched};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub server: ServerAddr,
    /// The account's token on `server`, when the reader has one there.
    pub token: Option<String>,
}

impl Session {
    /// The session for `server`: the active account's when it lives
    /// there, else any account's there, else none.
    pub fn for_server(state: AppState, server: ServerAddr) -> Self {
        let token = state.token_for(&server);
        Self { server, token }
    }

    /// A session with no account, as signing in starts.
    pub fn signed_out(server: ServerAddr) -> Self {
        Self {
            server,
            token: None,
        }
    }

    pub fn signed_in(&self) -> bool {
        self.token.is_some()
    }

    /// Sends `request`, keeping the pagination links of its answer.
    pub async fn fetch<R: Request>(&self, request: &R) -> Result<Fetched<R::Answer>, ApiError> {
        http::send(&self.server, self.token.as_deref(), request).await
    }

    /// Sends `request` for its answer alone.
    pub async fn ask<R: Request>(&self, request: &R) -> Result<R::Answer, ApiError> {
        self.fetch(request).await.map(|fetched| fetched.body)
    }
}

/// Makes `session` the one the views built from here on use.
pub fn provide_session(session: Session) {
    provide_context(session);
}

/// The session of the server whose view is being built.
pub fn session() -> Session {
    expect_context::<Session>()
}
