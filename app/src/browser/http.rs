//! Requests to a server, turning every failure into an `ApiError`. A token
//! only ever goes to the server it belongs to.

use std::time::Duration;

use gloo_net::http::{Request as HttpRequest, RequestBuilder, Response};
use leptos::prelude::set_timeout;
use web_sys::{AbortController, AbortSignal};

use crate::api::lifeboat::exchange::RateLimit;
use crate::api::{
    ApiError, Body, Method, Page, Request, ServerAddr, error_from_response, parse_link_header,
};

/// A parsed response body, with the pagination links and the rate-limit
/// headers that came with it.
pub struct Fetched<T> {
    pub body: T,
    pub page: Page,
    pub rate: RateLimit,
}

/// How long a request may take before it counts as timed out.
const TIMEOUT: Duration = Duration::from_secs(20);

/// The absolute URL for `path_or_url` on `server`. A full URL (from a
/// `Link` header) is only followed when it points at the same server.
fn resolve(server: &ServerAddr, path_or_url: &str) -> Result<String, ApiError> {
    if path_or_url.starts_with('/') {
        Ok(server.url(path_or_url))
    } else if server.owns_url(path_or_url) {
        Ok(path_or_url.to_string())
    } else {
        Err(ApiError::Malformed {
            detail: format!("a link points away from {server}"),
        })
    }
}

fn with_token(builder: RequestBuilder, token: Option<&str>) -> RequestBuilder {
    let builder = builder.header("Accept", "application/json");
    match token {
        Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
        None => builder,
    }
}

/// A request's way out: it is aborted when its time is up, and when
/// whoever awaits it stops waiting, as a task does when its view goes.
struct InFlight {
    controller: Option<AbortController>,
}

impl InFlight {
    fn start() -> Self {
        let controller = AbortController::new().ok();
        if let Some(controller) = controller.clone() {
            // The timer is left to fire even when the request has ended:
            // aborting a finished request does nothing, and a cleared
            // timeout would never free its callback.
            set_timeout(move || controller.abort(), TIMEOUT);
        }
        Self { controller }
    }

    fn signal(&self) -> Option<AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }

    fn timed_out(&self) -> bool {
        self.signal().is_some_and(|signal| signal.aborted())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        // Too late to matter for a finished request; for one still
        // running, this is what stops it.
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// What goes on the wire: a body the API names, or a multipart form,
/// whose boundary the browser writes into the content type itself.
enum Wire {
    None,
    Plain(Body),
    Multipart(web_sys::FormData),
}

/// Sends a request under `in_flight`, which the caller keeps until the
/// body is read: dropping it stops the request.
async fn send_raw(
    server: &ServerAddr,
    in_flight: &InFlight,
    builder: RequestBuilder,
    body: Wire,
) -> Result<Response, ApiError> {
    let builder = builder.abort_signal(in_flight.signal().as_ref());
    let request = match body {
        Wire::Plain(body) => builder
            .header("Content-Type", body.content_type())
            .body(body.text()),
        Wire::Multipart(form) => builder.body(form),
        Wire::None => builder.build(),
    };
    let result = match request {
        Ok(request) => request.send().await,
        Err(_) => {
            return Err(ApiError::Malformed {
                detail: "the request could not be built".into(),
            });
        }
    };
    let timed_out = in_flight.timed_out();
    result.map_err(|_| {
        if timed_out {
            ApiError::Timeout {
                server: server.to_string(),
            }
        } else {
            ApiError::Unreachable {
                server: server.to_string(),
            }
        }
    })
}

/// Sends `request` to `server`, with the account's token when given.
pub async fn send<R: Request>(
    server: &ServerAddr,
    token: Option<&str>,
    request: &R,
) -> Result<Fetched<R::Answer>, ApiError> {
    let url = resolve(server, &request.path())?;
    let outgoing = Outgoing {
        method: request.method(),
        key: request.idempotency_key(),
        body: request.body(),
    };
    let (text, page, rate) = exchange(server, token, &url, outgoing).await?;
    Ok(Fetched {
        body: request.read(&text)?,
        page,
        rate,
    })
}

/// What a request sends, apart from where.
struct Outgoing {
    method: Method,
    key: Option<String>,
    body: Option<Body>,
}

/// A request's answer as text, whatever it reads into: one copy of this
/// code serves every request. A GET's answer is kept for reading offline,
/// and stands in when the server cannot be reached; an error the server
/// itself gave (a 4xx, a 5xx) is its answer, and is shown.
async fn exchange(
    server: &ServerAddr,
    token: Option<&str>,
    url: &str,
    outgoing: Outgoing,
) -> Result<(String, Page, RateLimit), ApiError> {
    let method = outgoing.method;
    let in_flight = InFlight::start();
    let response = match early_answer(server, token, method, url).await {
        Some(answer) => answer,
        None => {
            let mut builder = builder_for(method, url);
            if let Some(key) = &outgoing.key {
                builder = builder.header("Idempotency-Key", key);
            }
            let body = outgoing.body.map_or(Wire::None, Wire::Plain);
            send_raw(server, &in_flight, with_token(builder, token), body).await
        }
    };
    let answer = match response {
        Ok(response) => read_body(server, response).await,
        Err(error) => Err(error),
    };
    if method != Method::Get {
        return answer;
    }
    match answer {
        Ok(answer) => {
            crate::browser::offline::keep(server, token, url, &answer.0);
            Ok(answer)
        }
        Err(error @ (ApiError::Unreachable { .. } | ApiError::Timeout { .. })) => {
            match crate::browser::offline::recall(server, token, url).await {
                Some(kept) => Ok((kept, Page::default(), RateLimit::default())),
                None => Err(error),
            }
        }
        Err(error) => Err(error),
    }
}

fn builder_for(method: Method, url: &str) -> RequestBuilder {
    match method {
        Method::Get => HttpRequest::get(url),
        Method::Post => HttpRequest::post(url),
        Method::Put => HttpRequest::put(url),
        Method::Patch => HttpRequest::patch(url),
        Method::Delete => HttpRequest::delete(url),
    }
}

/// Sends a multipart form (profile images, bulk-import files) to `path`
/// on `server`, giving the answer's text.
pub async fn send_form(
    server: &ServerAddr,
    token: Option<&str>,
    method: Method,
    path: &str,
    form: web_sys::FormData,
) -> Result<Fetched<String>, ApiError> {
    let url = resolve(server, path)?;
    let in_flight = InFlight::start();
    let builder = with_token(builder_for(method, &url), token);
    let response = send_raw(server, &in_flight, builder, Wire::Multipart(form)).await?;
    let (body, page, rate) = read_body(server, response).await?;
    Ok(Fetched { body, page, rate })
}

/// A file from any host, without credentials: media kept in a backup.
/// Gives its bytes and MIME type.
pub async fn download(url: &str) -> Result<(web_sys::Blob, Option<String>), String> {
    let in_flight = InFlight::start();
    let response = HttpRequest::get(url)
        .abort_signal(in_flight.signal().as_ref())
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let mime = response.headers().get("content-type");
    let bytes = response.binary().await.map_err(|error| error.to_string())?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    if let Some(mime) = &mime {
        options.set_type(mime);
    }
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not keep the file".to_string())?;
    Ok((blob, mime))
}

/// The answer the page asked for early, when it is this request's: a
/// public timeline's first page, read without an account.
async fn early_answer(
    server: &ServerAddr,
    token: Option<&str>,
    method: Method,
    url: &str,
) -> Option<Result<Response, ApiError>> {
    if token.is_some() || method != Method::Get {
        return None;
    }
    let answer = super::first_page::take(url).await?;
    Some(answer.map_err(|_| ApiError::Unreachable {
        server: server.to_string(),
    }))
}

/// Seconds to wait, from `Retry-After` (seconds) or `X-RateLimit-Reset`
/// (a time), whichever the server sent.
fn retry_after_secs(response: &Response) -> Option<u64> {
    let headers = response.headers();
    if let Some(seconds) = headers
        .get("retry-after")
        .and_then(|value| value.trim().parse::<u64>().ok())
    {
        return Some(seconds);
    }
    let reset = headers.get("x-ratelimit-reset")?;
    let at = js_sys::Date::parse(&reset);
    if at.is_nan() {
        return None;
    }
    let wait = ((at - js_sys::Date::now()) / 1000.0).ceil();
    Some(if wait > 0.0 { wait as u64 } else { 1 })
}

/// The `X-RateLimit-*` headers, where the server sent them.
fn rate_limit(response: &Response) -> RateLimit {
    let headers = response.headers();
    let number = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.trim().parse().ok())
    };
    let reset_ms = headers
        .get("x-ratelimit-reset")
        .map(|value| js_sys::Date::parse(&value))
        .filter(|at| !at.is_nan());
    RateLimit {
        limit: number("x-ratelimit-limit"),
        remaining: number("x-ratelimit-remaining"),
        reset_ms,
    }
}

/// A successful answer's text, pagination links and rate limits, or the
/// error a failed one stands for.
async fn read_body(
    server: &ServerAddr,
    response: Response,
) -> Result<(String, Page, RateLimit), ApiError> {
    let status = response.status();
    let rate = rate_limit(&response);
    let page = response
        .headers()
        .get("link")
        .map(|value| parse_link_header(&value))
        .unwrap_or_default();
    let retry_after = retry_after_secs(&response);
    let text = response.text().await.map_err(|_| ApiError::Unreachable {
        server: server.to_string(),
    })?;
    if !(200..300).contains(&status) {
        return Err(error_from_response(status, &text, retry_after));
    }
    Ok((text, page, rate))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::*;

    #[wasm_bindgen_test]
    fn a_request_no_one_awaits_is_aborted() {
        let in_flight = InFlight::start();
        let signal = in_flight.signal().expect("browsers have AbortController");
        assert!(!signal.aborted() && !in_flight.timed_out());
        drop(in_flight);
        assert!(signal.aborted());
    }
}
