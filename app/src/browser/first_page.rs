//! The first page of a public timeline, asked for by the page's inline
//! script while the code was still loading (see app/release.html), so that
//! the reader's first post does not wait for the wasm to compile.

use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the page's script leaves `{ url, response }`.
const GLOBAL: &str = "samizdatFirstPage";

/// The early answer for `url`, taken at most once. `None` when the page
/// asked for nothing, or for another URL; `Some(Err)` when the early
/// request failed, which the caller treats as its own request failing.
pub async fn take(url: &str) -> Option<Result<Response, JsValue>> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(GLOBAL);
    let early = js_sys::Reflect::get(&window, &key).ok()?;
    if early.is_undefined() || early.is_null() {
        return None;
    }
    let asked = js_sys::Reflect::get(&early, &JsValue::from_str("url")).ok()?;
    if asked.as_string().as_deref() != Some(url) {
        return None;
    }
    // Once only: a reload of the timeline asks the server afresh.
    js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key).ok()?;
    let response = js_sys::Reflect::get(&early, &JsValue::from_str("response")).ok()?;
    let promise = response.dyn_into::<js_sys::Promise>().ok()?;
    Some(
        JsFuture::from(promise)
            .await
            .and_then(|answer| answer.dyn_into::<web_sys::Response>())
            .map(Response::from),
    )
}
