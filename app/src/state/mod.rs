//! App-wide state, shared through Leptos context: the host's config and
//! the signed-in accounts.

pub mod accounts;
pub mod drafts;
pub mod handoff;
pub mod lifeboat;
pub mod media_files;
pub mod outbox;
pub mod server_info;
pub mod session;
pub mod sign_in;

use std::collections::HashMap;

use leptos::prelude::*;
use serde::Deserialize;

use crate::api::{ServerAddr, ServerInfo, Timeline};
pub use accounts::SignedInAccount;

/// What the host of this copy of the client may set in `config.json` beside
/// `index.html`. Every field is optional and the file itself may be absent.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct HostConfig {
    #[serde(default)]
    pub default_server: Option<String>,
}

impl HostConfig {
    pub fn default_server(&self) -> Option<ServerAddr> {
        self.default_server
            .as_deref()
            .and_then(|text| ServerAddr::parse(text).ok())
    }
}

/// Loads `config.json`, quietly falling back to defaults when it is missing
/// or unreadable: the client must work from any bare static host.
pub async fn load_host_config() -> HostConfig {
    let Ok(response) = gloo_net::http::Request::get("config.json").send().await else {
        return HostConfig::default();
    };
    if !response.ok() {
        return HostConfig::default();
    }
    response.json().await.unwrap_or_default()
}

/// A timeline as the reader left it.
#[derive(Clone, Debug, Default)]
pub struct TimelineMemory {
    pub statuses: Vec<crate::api::Status>,
    pub older_page: Option<String>,
    pub newer_page: Option<String>,
    pub scroll_y: f64,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub host_config: RwSignal<HostConfig>,
    pub accounts: RwSignal<Vec<SignedInAccount>>,
    /// The key of the account in use.
    pub active: RwSignal<Option<String>>,
    /// A message about signing in or out, shown until dismissed.
    pub notice: RwSignal<Option<crate::i18n::Message>>,
    /// Timelines the reader has left, to find them as they were on return.
    pub timelines: StoredValue<HashMap<(ServerAddr, Timeline), TimelineMemory>>,
    /// The language of the client's own words.
    pub lang: RwSignal<crate::i18n::Lang>,
    /// Detected servers.
    pub servers: RwSignal<HashMap<ServerAddr, ServerInfo>>,
    /// Notifications for the active account since the reader last looked.
    pub unread_notifications: RwSignal<u32>,
    /// Whether the first screen of posts has been painted.
    pub painted: RwSignal<bool>,
    /// Each account's backups, by account key.
    pub lifeboat: RwSignal<HashMap<String, lifeboat::AccountLifeboat>>,
}

impl AppState {
    /// The account in use, if any.
    pub fn active_account(&self) -> Option<SignedInAccount> {
        let active = self.active.get();
        self.accounts.with(|accounts| {
            accounts
                .iter()
                .find(|account| Some(account.key()) == active)
                .cloned()
        })
    }

    /// The token to use on `server`: the active account's when it is on
    /// that server, else any account's there.
    pub fn token_for(&self, server: &ServerAddr) -> Option<String> {
        let active = self.active.get_untracked();
        self.accounts.with_untracked(|accounts| {
            accounts
                .iter()
                .find(|account| &account.server == server && Some(account.key()) == active)
                .or_else(|| accounts.iter().find(|account| &account.server == server))
                .map(|account| account.token.clone())
        })
    }
}

const LANG_KEY: &str = "samizdat.lang";

/// The reader's choice, else the browser's language.
fn initial_lang() -> crate::i18n::Lang {
    crate::browser::storage::load(LANG_KEY)
        .or_else(|| {
            window()
                .navigator()
                .language()
                .map(|tag| crate::i18n::Lang::from_tag(&tag))
        })
        .unwrap_or_default()
}

fn set_document_lang(lang: crate::i18n::Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

impl AppState {
    pub fn set_lang(&self, lang: crate::i18n::Lang) {
        crate::browser::storage::save(LANG_KEY, &lang);
        set_document_lang(lang);
        self.lang.set(lang);
    }
}

pub fn provide_app_state() -> AppState {
    let state = AppState {
        host_config: RwSignal::new(HostConfig::default()),
        accounts: RwSignal::new(accounts::load()),
        active: RwSignal::new(accounts::load_active()),
        notice: RwSignal::new(None),
        servers: RwSignal::new(HashMap::new()),
        lang: RwSignal::new(initial_lang()),
        timelines: StoredValue::new(HashMap::new()),
        unread_notifications: RwSignal::new(0),
        painted: RwSignal::new(false),
        lifeboat: RwSignal::new(HashMap::new()),
    };
    set_document_lang(state.lang.get_untracked());
    provide_context(state);
    state
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}
