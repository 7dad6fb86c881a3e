//! Uploading a file with its progress. `fetch` cannot tell how much of a
//! body has gone, so uploads go through `XMLHttpRequest`, whose `upload`
//! object reports it.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Event, File, FormData, ProgressEvent, XmlHttpRequest};

use crate::api::actions::{FILE_FIELD, UPLOAD_PATH, UploadedMedia, read_media, upload_fields};
use crate::api::{ApiError, Focus, ServerAddr};

/// How long an upload may take: long enough for a video on a slow line.
const TIMEOUT_MS: u32 = 10 * 60 * 1000;

/// An upload under way. Dropping it, as a task does when its view goes,
/// aborts the request and lets go of its callbacks in that order, so the
/// browser never calls a callback that is gone.
struct InFlight {
    xhr: XmlHttpRequest,
    _progress: Closure<dyn Fn(ProgressEvent)>,
    ended: Option<Closure<dyn FnMut(Event)>>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(upload) = self.xhr.upload() {
            upload.set_onprogress(None);
        }
        self.xhr.set_onloadend(None);
        self.xhr.set_ontimeout(None);
        // Aborting a finished request does nothing.
        self.xhr.abort().ok();
        self.ended.take();
    }
}

/// Uploads `file` to `server` as a new attachment, calling `on_progress`
/// with the share sent so far (0 to 1). The answer is the attachment and
/// whether the server is still processing it.
pub async fn upload(
    server: &ServerAddr,
    token: Option<&str>,
    file: &File,
    description: &str,
    focus: Option<Focus>,
    on_progress: impl Fn(f64) + 'static,
) -> Result<(UploadedMedia, bool), ApiError> {
    let unreachable = || ApiError::Unreachable {
        server: server.to_string(),
    };
    let form = FormData::new().map_err(|_| unreachable())?;
    form.append_with_blob_and_filename(FILE_FIELD, file, &file.name())
        .map_err(|_| unreachable())?;
    for (name, value) in upload_fields(description, focus) {
        form.append_with_str(name, &value)
            .map_err(|_| unreachable())?;
    }
    let xhr = XmlHttpRequest::new().map_err(|_| unreachable())?;
    xhr.open_with_async("POST", &server.url(UPLOAD_PATH), true)
        .map_err(|_| unreachable())?;
    xhr.set_request_header("Accept", "application/json")
        .map_err(|_| unreachable())?;
    if let Some(token) = token {
        xhr.set_request_header("Authorization", &format!("Bearer {token}"))
            .map_err(|_| unreachable())?;
    }
    xhr.set_timeout(TIMEOUT_MS);
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() && event.total() > 0.0 {
            on_progress(event.loaded() / event.total());
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let mut in_flight = InFlight {
        xhr: xhr.clone(),
        _progress: progress,
        ended: None,
    };
    // `timeout` comes before `loadend`, so the first event to settle the
    // promise tells a timeout from any other end.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let ended = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            resolve
                .call1(&JsValue::NULL, &JsValue::from_str(&event.type_()))
                .ok();
        });
        xhr.set_onloadend(Some(ended.as_ref().unchecked_ref()));
        xhr.set_ontimeout(Some(ended.as_ref().unchecked_ref()));
        in_flight.ended = Some(ended);
    });
    xhr.send_with_opt_form_data(Some(&form))
        .map_err(|_| unreachable())?;
    let how = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|how| how.as_string())
        .unwrap_or_default();
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    drop(in_flight);
    match (status, how.as_str()) {
        (0, "timeout") => Err(ApiError::Timeout {
            server: server.to_string(),
        }),
        (0, _) => Err(unreachable()),
        (status, _) => read_media(status, &text),
    }
}

/// Resolves after `millis`, on the browser's timer.
pub async fn wait_ms(millis: u32) {
    let millis = i32::try_from(millis).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis)
                .ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}
