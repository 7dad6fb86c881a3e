//! A click anywhere on a status's body opens its thread, as long as it
//! was not meant for a link or a control inside, and did not end a text
//! selection.

use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

use crate::browser::location::navigate;
use crate::route::Route;

/// What a click may be meant for instead of the status itself.
const CONTROLS: &str = "a, button, input, select, textarea, label, summary, form, video, audio, \
                        img, [role=button], .media, .status-actions, .edit-history";

/// Whether the reader has just selected some text, which a click ends.
fn selecting() -> bool {
    web_sys::window()
        .and_then(|window| window.get_selection().ok().flatten())
        .is_some_and(|selection| !selection.is_collapsed())
}

/// Opens `route` when `event` is a plain click on the status's body.
pub fn open_on_click(event: &MouseEvent, route: &Route) {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if event.default_prevented() || event.button() != 0 || modified {
        return;
    }
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return;
    };
    if target.closest(CONTROLS).ok().flatten().is_some() || selecting() {
        return;
    }
    navigate(route);
}
