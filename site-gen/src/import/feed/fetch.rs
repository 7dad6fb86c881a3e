//! A feed fetched from its site: the one place an import goes on the network.

use std::io::Read;
use std::time::Duration;

use super::super::ImportError;

/// Larger than any feed a site serves; beyond it the body is refused
/// rather than filling memory.
const MAX_FEED_BYTES: u64 = 50 * 1024 * 1024;

const TIMEOUT: Duration = Duration::from_secs(60);
const MAX_REDIRECTS: usize = 10;

/// The feed's bytes and the address they came from after redirects, which
/// relative links are resolved against.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub url: url::Url,
}

pub fn fetch(address: &str) -> Result<Fetched, ImportError> {
    fetch_capped(address, MAX_FEED_BYTES)
}

fn fetch_capped(address: &str, cap: u64) -> Result<Fetched, ImportError> {
    let failed = |reason: String| ImportError::Fetch {
        url: address.to_string(),
        reason,
    };
    let client = reqwest::blocking::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
        .user_agent(concat!("samizdat-site-gen/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|error| failed(error.to_string()))?;
    let response = client
        .get(address)
        .header(
            reqwest::header::ACCEPT,
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8",
        )
        .send()
        .map_err(|error| failed(describe(&error)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(failed(format!("the server answered {status}")));
    }
    if response.content_length().is_some_and(|length| length > cap) {
        return Err(failed(too_large(cap)));
    }
    let url = response.url().clone();
    let mut bytes = Vec::new();
    // One byte more than allowed tells a body at the cap from one beyond it.
    response
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| failed(format!("the connection broke off: {error}")))?;
    if bytes.len() as u64 > cap {
        return Err(failed(too_large(cap)));
    }
    Ok(Fetched { bytes, url })
}

fn too_large(cap: u64) -> String {
    if cap >= 1024 * 1024 {
        format!(
            "the answer is larger than {} MB, more than any feed",
            cap / 1024 / 1024
        )
    } else {
        format!("the answer is larger than {cap} bytes")
    }
}

fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        format!("no answer within {} s", TIMEOUT.as_secs())
    } else if error.is_redirect() {
        format!("more than {MAX_REDIRECTS} redirects")
    } else if error.is_connect() {
        "cannot connect to the server".into()
    } else {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A server that answers once with `body`, with no length given, so
    /// that only reading it can tell its size.
    fn serve_once(body: &'static str) -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}/feed", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let mut request = [0u8; 1024];
                let _ = std::io::Read::read(&mut stream, &mut request);
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n{body}"
                );
            }
        });
        address
    }

    #[test]
    fn a_body_beyond_the_cap_is_refused_and_one_within_it_kept() {
        let error = fetch_capped(&serve_once("0123456789ABCDEF"), 10)
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("larger than"), "{error}");
        let fetched = fetch_capped(&serve_once("0123456789"), 10).unwrap();
        assert_eq!(fetched.bytes, b"0123456789");
    }
}
