//! Requests to a server, turning every failure into an `ApiError`.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

use crate::api::{ApiError, Page, ServerAddr, error_from_response, parse_link_header};

/// A parsed response body, with the pagination links that came with it.
pub struct Fetched<T> {
    pub body: T,
    pub page: Page,
}

/// GETs `path_or_url` on `server`. A full URL (from a `Link` header) is only
/// followed when it points at the same server.
pub async fn get_json<T: DeserializeOwned>(
    server: &ServerAddr,
    path_or_url: &str,
) -> Result<Fetched<T>, ApiError> {
    let url = if path_or_url.starts_with('/') {
        server.url(path_or_url)
    } else if server.owns_url(path_or_url) {
        path_or_url.to_string()
    } else {
        return Err(ApiError::Malformed {
            detail: format!("a link points away from {server}"),
        });
    };
    let response = Request::get(&url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Unreachable {
            server: server.to_string(),
        })?;
    read_json(server, response).await
}

async fn read_json<T: DeserializeOwned>(
    server: &ServerAddr,
    response: Response,
) -> Result<Fetched<T>, ApiError> {
    let status = response.status();
    let headers = response.headers();
    let page = headers
        .get("link")
        .map(|value| parse_link_header(&value))
        .unwrap_or_default();
    let retry_after = headers
        .get("retry-after")
        .and_then(|value| value.trim().parse::<u64>().ok());
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
