//! Work a view starts must end with it. A task dropped when its view goes
//! takes the requests it awaits with it (a request whose future is dropped
//! is aborted), and it never touches the view's signals again.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use crate::state::session::{Session, session};

/// The tasks of the view being built.
#[derive(Clone)]
pub struct ViewTasks {
    owner: Owner,
    gone: Arc<AtomicBool>,
}

impl ViewTasks {
    /// For the view whose body is running now.
    pub fn here() -> Self {
        let gone = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&gone);
        on_cleanup(move || flag.store(true, Ordering::Relaxed));
        Self {
            owner: Owner::current().unwrap_or_default(),
            gone,
        }
    }

    /// Runs `task` for as long as the view lives; a timer or a click that
    /// comes after the view has gone starts nothing.
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        if self.gone.load(Ordering::Relaxed) {
            return;
        }
        self.owner
            .with(|| leptos::task::spawn_local_scoped_with_cancellation(task));
    }
}

type Fetch<T> = Box<dyn Fn() -> Pin<Box<dyn Future<Output = T>>>>;

/// What a view shows once it has loaded: `None` while loading. Loaded
/// again on request, the latest answer wins.
pub struct Loaded<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    fetch: StoredValue<Fetch<T>, LocalStorage>,
    latest: StoredValue<u32>,
    tasks: StoredValue<ViewTasks>,
}

impl<T: 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loaded<T> {}

/// Starts loading what `fetch` brings from the view's server, for the
/// view being built.
pub fn load<T: 'static, F: Future<Output = T> + 'static>(
    fetch: impl Fn(Session) -> F + 'static,
) -> Loaded<T> {
    let session = session();
    let fetch: Fetch<T> = Box::new(move || Box::pin(fetch(session.clone())));
    let loaded = Loaded {
        value: RwSignal::new_local(None),
        fetch: StoredValue::new_local(fetch),
        latest: StoredValue::new(0),
        tasks: StoredValue::new(ViewTasks::here()),
    };
    loaded.reload();
    loaded
}

impl<T: 'static> Loaded<T> {
    pub fn reload(self) {
        let (Some(task), Some(tasks)) = (
            self.fetch.try_with_value(|fetch| fetch()),
            self.tasks.try_get_value(),
        ) else {
            return;
        };
        let Some(mine) = self.latest.try_update_value(|latest| {
            *latest += 1;
            *latest
        }) else {
            return;
        };
        let (value, latest) = (self.value, self.latest);
        value.try_set(None);
        tasks.spawn(async move {
            let answer = task.await;
            if latest.try_get_value() == Some(mine) {
                value.try_set(Some(answer));
            }
        });
    }

    pub fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.value.get()
    }
}
