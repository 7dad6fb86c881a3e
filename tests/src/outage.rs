//! A server's outage on loopback: a TCP relay in front of a server, which
//! can be cut (every connection dropped, the port refusing) and restored
//! on the same port, while the server behind it keeps its state.

use std::net::SocketAddr;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub struct Relay {
    pub port: u16,
    target: SocketAddr,
    accepting: Option<JoinHandle<()>>,
}

impl Relay {
    /// Relays a free loopback port to `target_port`.
    pub async fn start(target_port: u16) -> anyhow::Result<Self> {
        let mut relay = Self {
            port: crate::free_port(),
            target: SocketAddr::from(([127, 0, 0, 1], target_port)),
            accepting: None,
        };
        relay.restore().await?;
        Ok(relay)
    }

    /// The relayed server as client routes name it.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Cuts the relay: open connections drop and new ones are refused.
    pub fn cut(&mut self) {
        if let Some(accepting) = self.accepting.take() {
            accepting.abort();
        }
    }

    /// Relays again, on the same port.
    pub async fn restore(&mut self) -> anyhow::Result<()> {
        self.cut();
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await?;
        let target = self.target;
        self.accepting = Some(tokio::spawn(async move {
            // Each connection's task is aborted with this one's set.
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut inbound, _)) = listener.accept().await {
                connections.spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        }));
        Ok(())
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.cut();
    }
}
