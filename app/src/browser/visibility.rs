//! Runs an action whenever an element comes near the viewport, through an
//! `IntersectionObserver`, which costs nothing while the page scrolls.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

pub struct WhenVisible {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl WhenVisible {
    /// Watches `element`, counting it visible once it is within
    /// `margin_px` of the viewport, so that what it loads arrives before
    /// the reader gets there.
    pub fn watch(
        element: &Element,
        margin_px: u32,
        mut on_visible: impl FnMut() + 'static,
    ) -> Option<Self> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if visible {
                on_visible();
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(&format!("0px 0px {margin_px}px 0px"));
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(element);
        Some(Self {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for WhenVisible {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
