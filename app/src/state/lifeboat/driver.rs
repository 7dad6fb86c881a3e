//! Drives a Lifeboat engine: does what it asks, one step at a time, and
//! saves it as it goes. Passing troubles (a 429, a 5xx, a dropped
//! connection) are retried here; when the server stays silent the run
//! stops before the step, so the engine tries it again next time.

use std::time::Duration;

use serde::Serialize;
use wasm_bindgen::JsValue;

use super::store;
use crate::api::ApiError;
use crate::api::actions::Untyped;
use crate::api::lifeboat::exchange::{Answer, Ask, AskBody, Next, Outcome, Part};
use crate::browser::http;
use crate::state::session::Session;

/// What every engine offers the driver.
pub trait Engine: Serialize {
    fn next(&mut self, now_ms: f64) -> Next;
    fn absorb(&mut self, outcome: Outcome<Answer>, now_ms: f64);
    /// What came of a `Next::Download`: the file's MIME type, or why not.
    fn absorb_download(&mut self, outcome: Result<Option<String>, String>, now_ms: f64);
    /// Whether the engine is saved before each request goes out, so that
    /// a reload that loses an answer checks rather than sends again.
    fn saved_before_sending(&self) -> bool {
        false
    }
}

/// Why a run stopped.
#[derive(Debug, PartialEq)]
pub enum Stopped {
    Done,
    /// Only waiting work is left, until then (ms since the epoch).
    WaitingUntil(f64),
    /// The server stopped answering.
    Unreachable(ApiError),
}

/// A wait longer than this ends the run; it resumes on a later visit.
const LONGEST_WAIT_MS: f64 = 5.0 * 60.0 * 1000.0;
/// The engine is saved at least this often (ms), and when it stops.
const SAVE_EVERY_MS: f64 = 2000.0;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub async fn sleep_ms(ms: f64) {
    timer(Duration::from_millis(ms.max(0.0) as u64)).await;
}

async fn timer(duration: Duration) {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    leptos::prelude::set_timeout(
        move || {
            let _ = done.send(());
        },
        duration,
    );
    let _ = wait.await;
}

/// Runs `engine` against `session` until it is done, waits long, or its
/// server goes silent. `files` is the account under whose key downloads
/// and stored parts live; the engine is saved under `kind/{account}`.
pub async fn drive<E: Engine>(
    engine: &mut E,
    session: &Session,
    files: &str,
    (kind, account): (&str, &str),
    progress: &dyn Fn(&E),
) -> Stopped {
    let mut saved_at = now_ms();
    let stopped = loop {
        match engine.next(now_ms()) {
            Next::Done => break Stopped::Done,
            Next::Wait { until_ms } => {
                let wait = until_ms - now_ms();
                if wait > LONGEST_WAIT_MS {
                    break Stopped::WaitingUntil(until_ms);
                }
                sleep_ms(wait).await;
            }
            Next::Download { url, key } => {
                let outcome = match http::download(&url).await {
                    Ok((blob, mime)) => match store::put_file(files, &key, &blob).await {
                        Ok(()) => Ok(mime),
                        Err(error) => Err(error.to_string()),
                    },
                    Err(error) => Err(error),
                };
                engine.absorb_download(outcome, now_ms());
            }
            Next::Send(ask) => {
                if engine.saved_before_sending() {
                    let _ = store::save(kind, account, engine).await;
                }
                match perform(session, files, &ask).await {
                    Err(error) if gone_silent(&error) => break Stopped::Unreachable(error),
                    outcome => engine.absorb(outcome, now_ms()),
                }
            }
        }
        progress(engine);
        if now_ms() - saved_at >= SAVE_EVERY_MS {
            saved_at = now_ms();
            // A save that fails costs only the steps since the last one.
            let _ = store::save(kind, account, engine).await;
        }
    };
    let _ = store::save(kind, account, engine).await;
    progress(engine);
    stopped
}

/// Errors that say the server is not there, rather than that it refused.
fn gone_silent(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Unreachable { .. } | ApiError::Timeout { .. } | ApiError::ServerFailed { .. }
    )
}

/// How many times a passing trouble is tried again.
const ATTEMPTS: u32 = 4;

/// Sends `ask`, retrying rate limits (as long as the server asks, up to
/// the longest wait) and failures that may pass (with growing pauses).
async fn perform(session: &Session, files: &str, ask: &Ask) -> Outcome<Answer> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = send_once(session, files, ask).await;
        let pause_ms = match &result {
            Err(ApiError::RateLimited { retry_after_secs }) => *retry_after_secs as f64 * 1000.0,
            Err(error) if gone_silent(error) => 1000.0 * f64::from(1u32 << attempt),
            _ => return result,
        };
        if attempt >= ATTEMPTS || pause_ms > LONGEST_WAIT_MS {
            return result;
        }
        sleep_ms(pause_ms).await;
    }
}

async fn send_once(session: &Session, files: &str, ask: &Ask) -> Outcome<Answer> {
    let fetched = match &ask.body {
        Some(AskBody::Multipart(parts)) => {
            let form = form_data(files, parts).await?;
            http::send_form(
                &session.server,
                session.token.as_deref(),
                ask.method,
                &ask.path,
                form,
            )
            .await?
        }
        body => {
            let plain = match body {
                Some(AskBody::Plain(plain)) => Some(plain.clone()),
                _ => None,
            };
            session
                .fetch(&Untyped::new(ask.method, ask.path.clone(), plain))
                .await?
        }
    };
    Ok(Answer {
        body: fetched.body,
        next_page: fetched.page.next,
        rate: fetched.rate,
    })
}

async fn form_data(files: &str, parts: &[(String, Part)]) -> Result<web_sys::FormData, ApiError> {
    let refused = |what: &str| ApiError::Malformed {
        detail: format!("the browser could not build the form ({what})"),
    };
    let form = web_sys::FormData::new().map_err(|_| refused("no FormData"))?;
    for (name, part) in parts {
        let added = match part {
            Part::Text(text) => form.append_with_str(name, text),
            Part::File {
                file_name,
                mime,
                bytes,
            } => {
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(mime);
                let chunks = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
                let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&chunks, &options)
                    .map_err(|_| refused(file_name))?;
                form.append_with_blob_and_filename(name, &blob, file_name)
            }
            Part::Stored { key, file_name } => match store::file(files, key).await {
                Some(blob) => form.append_with_blob_and_filename(name, &blob, file_name),
                None => Err(JsValue::NULL),
            },
        };
        added.map_err(|_| refused(name))?;
    }
    Ok(form)
}
