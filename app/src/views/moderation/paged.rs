//! A list the server keeps for the reader, shown a page at a time: the
//! next page is wherever the answer's `Link` header says, and an entry the
//! reader undoes leaves the list at once.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::api::ApiError;
use crate::api::moderation::Listing;
use crate::i18n::Text;
use crate::i18n::moderation::ModerationWords;
use crate::state::session::{Session, session};
use crate::views::error_notice::ErrorNotice;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

pub struct Paged<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    next: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    first: StoredValue<String>,
    session: StoredValue<Session>,
    tasks: StoredValue<ViewTasks>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: DeserializeOwned + Clone + Send + Sync + 'static> Paged<T> {
    /// Starts loading `first`, for the view being built.
    pub fn new(first: Listing<T>) -> Self {
        use crate::api::Request;
        let paged = Self {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            first: StoredValue::new(first.path()),
            session: StoredValue::new(session()),
            tasks: StoredValue::new(ViewTasks::here()),
        };
        paged.reload();
        paged
    }

    /// Loads the list again from its first page.
    pub fn reload(self) {
        self.items.set(Vec::new());
        self.load(self.first.get_value());
    }

    /// Loads the next page, if there is one.
    pub fn load_more(self) {
        if let Some(next) = self.next.get_untracked() {
            self.load(next);
        }
    }

    fn load(self, path: String) {
        let (Some(session), Some(tasks)) =
            (self.session.try_get_value(), self.tasks.try_get_value())
        else {
            return;
        };
        self.loading.set(true);
        self.error.set(None);
        tasks.spawn(async move {
            match session.fetch(&Listing::<T>::at(path)).await {
                Ok(fetched) => {
                    self.items.try_update(|items| items.extend(fetched.body));
                    self.next.try_set(fetched.page.next);
                }
                Err(error) => {
                    self.error.try_set(Some(error));
                }
            }
            self.loading.try_set(false);
        });
    }

    /// Takes the entries `gone` names off the list.
    pub fn forget(self, gone: impl Fn(&T) -> bool) {
        self.items.update(|items| items.retain(|item| !gone(item)));
    }

    pub fn is_empty(self) -> bool {
        self.items.with(Vec::is_empty)
    }

    pub fn has_more(self) -> bool {
        self.next.with(Option::is_some)
    }
}

/// Below the entries: loading, an error, "more", or `empty` when nothing
/// came.
#[component]
pub fn PagedEnd<T: DeserializeOwned + Clone + Send + Sync + 'static>(
    paged: Paged<T>,
    empty: ModerationWords,
) -> impl IntoView {
    let server = paged.session.get_value().server;
    move || {
        if paged.loading.get() {
            view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any()
        } else if let Some(error) = paged.error.get() {
            let retry = Callback::new(move |_| {
                if paged.is_empty() {
                    paged.reload();
                } else {
                    paged.load_more();
                }
            });
            view! { <ErrorNotice error=error retry=retry server=server.clone() /> }.into_any()
        } else if paged.has_more() {
            view! { <button type="button" class="load-more" on:click=move |_| paged.load_more()>{tr(ModerationWords::More)}</button> }.into_any()
        } else if paged.is_empty() {
            view! { <p class="empty">{tr(empty)}</p> }.into_any()
        } else {
            ().into_any()
        }
    }
}

/// What went wrong with the last thing the reader asked, until the next.
#[component]
pub fn Problem(problem: RwSignal<Option<ApiError>>) -> impl IntoView {
    let lang = crate::state::app_state().lang;
    view! {
        <p class="problem" role="alert">
            {move || problem.get().map(|error| crate::i18n::error_text(lang.get(), &error))}
        </p>
    }
}
