//! Requests to a server, turning every failure into an `ApiError`. A token
//! only ever goes to the server it belongs to.

use std::time::Duration;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::set_timeout_with_handle;
use serde::de::DeserializeOwned;

use crate::api::{ApiError, Page, ServerAddr, error_from_response, parse_link_header};

/// A parsed response body, with the pagination links that came with it.
pub struct Fetched<T> {
    pub body: T,
    pub page: Page,
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

/// Sends a request, aborting it after `TIMEOUT`.
async fn send(
    server: &ServerAddr,
    builder: RequestBuilder,
    body: Option<String>,
) -> Result<Response, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let builder = builder.abort_signal(
        controller
            .as_ref()
            .map(|controller| controller.signal())
            .as_ref(),
    );
    let abort = controller.clone();
    let timer = set_timeout_with_handle(
        move || {
            if let Some(controller) = abort {
                controller.abort();
            }
        },
        TIMEOUT,
    )
    .ok();
    let request = match body {
        Some(body) => builder
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body),
        None => builder.build(),
    };
    let result = match request {
        Ok(request) => request.send().await,
        Err(_) => {
            return Err(ApiError::Malformed {
                detail: "the request could not be built".into(),
            });
        }
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    let timed_out = controller.is_some_and(|controller| controller.signal().aborted());
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

/// GETs `path_or_url` on `server`, with the account's token when given.
pub async fn get_json<T: DeserializeOwned>(
    server: &ServerAddr,
    path_or_url: &str,
    token: Option<&str>,
) -> Result<Fetched<T>, ApiError> {
    let url = resolve(server, path_or_url)?;
    let response = send(server, with_token(Request::get(&url), token), None).await?;
    read_json(server, response).await
}

/// POSTs a form to `path` on `server`.
pub async fn post_form<T: DeserializeOwned>(
    server: &ServerAddr,
    path: &str,
    form: String,
    token: Option<&str>,
) -> Result<T, ApiError> {
    let url = resolve(server, path)?;
    let response = send(server, with_token(Request::post(&url), token), Some(form)).await?;
    read_json(server, response)
        .await
        .map(|fetched| fetched.body)
}

/// GETs a document as text, or `None` on any failure: for optional
/// discovery documents such as nodeinfo.
pub async fn get_text(server: &ServerAddr, path_or_url: &str) -> Option<String> {
    let url = resolve(server, path_or_url).ok()?;
    let response = send(server, with_token(Request::get(&url), None), None)
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
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

async fn read_json<T: DeserializeOwned>(
    server: &ServerAddr,
    response: Response,
) -> Result<Fetched<T>, ApiError> {
    let status = response.status();
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
    let body = serde_json::from_str(&text).map_err(|error| ApiError::Malformed {
        detail: error.to_string(),
    })?;
    Ok(Fetched { body, page })
}
