//! When the client panics, the reader is told and offered a reload. The
//! notice is built with the DOM alone: after a panic, nothing reactive can
//! be trusted to run.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::{Lang, Text, text};

const NOTICE_ID: &str = "crash-notice";

/// Logs every panic to the console, as before, and shows the notice once.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

fn show() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return Some(());
    }
    // The language the page was last in: the app's state may be gone.
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let notice = document.create_element("div").ok()?;
    notice.set_id(NOTICE_ID);
    notice.set_class_name("error crash");
    notice.set_attribute("role", "alert").ok()?;
    let message = document.create_element("p").ok()?;
    message.set_text_content(Some(text(lang, Text::ClientCrashed)));
    let reload = document
        .create_element("button")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    reload.set_attribute("type", "button").ok()?;
    reload.set_text_content(Some(text(lang, Text::Reload)));
    let on_click = Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    reload.set_onclick(Some(on_click.unchecked_ref()));
    notice.append_child(&message).ok()?;
    notice.append_child(&reload).ok()?;
    document.body()?.prepend_with_node_1(&notice).ok()
}
