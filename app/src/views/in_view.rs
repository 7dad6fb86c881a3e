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

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen_test::*;

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Resolves after `millis`, on the browser's timer.
    async fn sleep(millis: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Spawns a task that waits `millis`, then says it got to its end.
    fn spawn_waiting(tasks: &ViewTasks, millis: i32) -> Rc<Cell<bool>> {
        let ended = Rc::new(Cell::new(false));
        let flag = Rc::clone(&ended);
        tasks.spawn(async move {
            sleep(millis).await;
            flag.set(true);
        });
        ended
    }

    #[wasm_bindgen_test]
    async fn a_task_ends_with_its_view_and_none_starts_after() {
        // Mounting is what starts Leptos's executor in the browser.
        leptos::mount::mount_to_body(|| ());
        let view = Owner::new();
        let tasks = view.with(ViewTasks::here);
        let cut_short = spawn_waiting(&tasks, 30);
        sleep(5).await;
        view.cleanup();
        let started_late = spawn_waiting(&tasks, 0);
        sleep(60).await;
        assert!(!cut_short.get(), "the task went on after its view");
        assert!(!started_late.get(), "a task started after its view");

        // While the view lives, its tasks run to the end.
        let view = Owner::new();
        let finished = spawn_waiting(&view.with(ViewTasks::here), 5);
        sleep(30).await;
        assert!(finished.get());
    }
}
