//! A small HTTP/1.1 client for talking to mastodon-mock on loopback with
//! the bodies Mastodon's API takes (JSON, form, multipart) and the headers
//! it answers with (`Link`). The harness's JSON helpers go through it too.

use anyhow::Context;

/// What a request carries.
pub enum Body<'a> {
    Empty,
    Json(&'a serde_json::Value),
    /// Pairs sent `application/x-www-form-urlencoded`.
    Form(&'a [(&'a str, &'a str)]),
    /// One file under `field`, multipart.
    File {
        field: &'a str,
        name: &'a str,
        mime: &'a str,
        bytes: &'a [u8],
    },
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> anyhow::Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
            .with_context(|| format!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The `rel="next"` target of the `Link` header, if any.
    pub fn next_page(&self) -> Option<String> {
        self.header("link")?.split(',').find_map(|part| {
            let (target, params) = part.split_once(';')?;
            params
                .split(';')
                .any(|param| param.trim().replace(' ', "") == "rel=\"next\"")
                .then(|| {
                    target
                        .trim()
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_string()
                })
        })
    }
}

/// Sends one request and fails unless the answer is a 2xx.
pub async fn send(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Body<'_>,
) -> anyhow::Result<Response> {
    let response = send_any(method, url, token, body).await?;
    anyhow::ensure!(
        (200..300).contains(&response.status),
        "{method} {url} answered {}: {}",
        response.status,
        String::from_utf8_lossy(&response.body)
    );
    Ok(response)
}

/// Sends one request and returns whatever the server answered.
pub async fn send_any(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Body<'_>,
) -> anyhow::Result<Response> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| anyhow::anyhow!("only http:// URLs: {url}"))?;
    let (authority, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(a, p)| (a, format!("/{p}")));
    let (content_type, payload) = encode(body);
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nAccept: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        payload.len()
    );
    if let Some(content_type) = content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    if let Some(token) = token {
        head.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = tokio::net::TcpStream::connect(authority).await?;
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&payload).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    parse_response(&raw).with_context(|| format!("{method} {url}"))
}

const BOUNDARY: &str = "lifeboat-e2e-boundary-7d3f";

fn encode(body: Body<'_>) -> (Option<String>, Vec<u8>) {
    match body {
        Body::Empty => (None, Vec::new()),
        Body::Json(value) => (
            Some("application/json".into()),
            value.to_string().into_bytes(),
        ),
        Body::Form(pairs) => {
            let encoded = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs.iter())
                .finish();
            (
                Some("application/x-www-form-urlencoded".into()),
                encoded.into_bytes(),
            )
        }
        Body::File {
            field,
            name,
            mime,
            bytes,
        } => {
            let mut payload = format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {mime}\r\n\r\n"
            )
            .into_bytes();
            payload.extend_from_slice(bytes);
            payload.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
            (
                Some(format!("multipart/form-data; boundary={BOUNDARY}")),
                payload,
            )
        }
    }
}

fn parse_response(raw: &[u8]) -> anyhow::Result<Response> {
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(|| anyhow::anyhow!("no end of headers"))?;
    let head = std::str::from_utf8(&raw[..split])?;
    let body = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("no status line in {head}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(key, value)| {
        key.eq_ignore_ascii_case("transfer-encoding") && value.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|window| window == b"\r\n")
            .ok_or_else(|| anyhow::anyhow!("a chunk without its size line"))?;
        let size_text = std::str::from_utf8(&rest[..line_end])?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        let chunk = rest
            .get(..size)
            .ok_or_else(|| anyhow::anyhow!("a chunk cut short"))?;
        body.extend_from_slice(chunk);
        rest = rest.get(size + 2..).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined_and_link_headers_read() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nLink: <http://h/a?max_id=3>; rel=\"next\", <http://h/a?min_id=9>; rel=\"prev\"\r\n\r\n3\r\n[1,\r\n2\r\n2]\r\n0\r\n\r\n";
        let response = parse_response(raw).unwrap();
        assert_eq!(response.json().unwrap(), serde_json::json!([1, 2]));
        assert_eq!(response.next_page().as_deref(), Some("http://h/a?max_id=3"));
    }
}
