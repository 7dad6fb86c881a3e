//! What can go wrong when talking to a server, in words a person can act on.

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error("Could not reach {server}: check your connection, or whether the server is up.")]
    Unreachable { server: String },
    #[error("{server} did not answer in time. Try again in a moment.")]
    Timeout { server: String },
    #[error("Your session on this server has ended: sign in again.")]
    Unauthorized,
    #[error("This server does not have that, or no longer has it.")]
    NotFound,
    #[error("The server refused the request: {message}")]
    Rejected { message: String },
    #[error("The server asks us to slow down. Retrying in {retry_after_secs} s.")]
    RateLimited { retry_after_secs: u64 },
    #[error("The server failed ({status}). Try again in a moment.")]
    ServerFailed { status: u16 },
    #[error("The server sent something this client cannot read ({detail}).")]
    Malformed { detail: String },
    #[error("The server answered {status}: {message}")]
    Other { status: u16, message: String },
}

impl ApiError {
    /// Whether trying the same request again later may succeed.
    #[cfg(test)]
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Unreachable { .. }
                | Self::Timeout { .. }
                | Self::RateLimited { .. }
                | Self::ServerFailed { .. }
                | Self::Malformed { .. }
        )
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: String,
}

/// How long to wait when a 429 names no time of its own.
const DEFAULT_RETRY_AFTER_SECS: u64 = 30;

/// Turns a non-success response into an error. `retry_after_secs` is what
/// the response's rate-limit headers ask for, when it names a time.
pub fn error_from_response(status: u16, body: &str, retry_after_secs: Option<u64>) -> ApiError {
    let message = serde_json::from_str::<ErrorBody>(body)
        .map(|body| body.error)
        .unwrap_or_else(|_| format!("HTTP {status}"));
    match status {
        401 => ApiError::Unauthorized,
        404 | 410 => ApiError::NotFound,
        422 | 400 | 403 => ApiError::Rejected { message },
        429 => ApiError::RateLimited {
            retry_after_secs: retry_after_secs.unwrap_or(DEFAULT_RETRY_AFTER_SECS),
        },
        500..=599 => ApiError::ServerFailed { status },
        _ => ApiError::Other { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_statuses_to_errors_with_the_servers_message() {
        assert_eq!(error_from_response(401, "", None), ApiError::Unauthorized);
        assert_eq!(error_from_response(404, "{}", None), ApiError::NotFound);
        assert_eq!(
            error_from_response(
                422,
                r#"{"error":"Validation failed: Text can't be blank"}"#,
                None
            ),
            ApiError::Rejected {
                message: "Validation failed: Text can't be blank".into()
            }
        );
        assert_eq!(
            error_from_response(503, "<html>", None),
            ApiError::ServerFailed { status: 503 }
        );
        assert_eq!(
            error_from_response(418, "teapot", None),
            ApiError::Other {
                status: 418,
                message: "HTTP 418".into()
            }
        );
    }

    #[test]
    fn rate_limits_wait_as_asked_or_a_default() {
        assert_eq!(
            error_from_response(429, "", Some(7)),
            ApiError::RateLimited {
                retry_after_secs: 7
            }
        );
        assert_eq!(
            error_from_response(429, "", None),
            ApiError::RateLimited {
                retry_after_secs: DEFAULT_RETRY_AFTER_SECS
            }
        );
        assert!(error_from_response(429, "", None).is_retryable());
        assert!(!ApiError::Unauthorized.is_retryable());
    }
}
