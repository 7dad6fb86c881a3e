//! The Content-Type the static server gives the client's code: wasm
//! compiles while it downloads only when served as `application/wasm`.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The Content-Type of a HEAD of `url`, an `http://` address on loopback.
pub async fn content_type(url: &str) -> anyhow::Result<String> {
    let url = url::Url::parse(url)?;
    let authority = format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or(80)
    );
    let mut stream = tokio::net::TcpStream::connect(&authority).await?;
    let request = format!(
        "HEAD {} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n",
        url.path()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    answer
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_string())
        })
        .ok_or_else(|| anyhow::anyhow!("{url} came with no Content-Type"))
}
