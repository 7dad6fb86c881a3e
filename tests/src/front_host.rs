//! A host in front of another server, as a CDN or a static host sits in
//! front of a bucket: it forwards every connection to the server behind
//! it until it is stopped, and then nothing answers on its port, while
//! the server behind keeps running.

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct FrontHost {
    pub port: u16,
    task: JoinHandle<()>,
    stopped: watch::Sender<bool>,
}

impl FrontHost {
    /// Forwards connections on a free loopback port to `127.0.0.1:behind`.
    pub async fn start(behind: u16) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let (stopped, watch_stop) = watch::channel(false);
        let task = tokio::spawn(async move {
            while let Ok((mut incoming, _)) = listener.accept().await {
                let mut stop = watch_stop.clone();
                tokio::spawn(async move {
                    let Ok(mut outgoing) = TcpStream::connect(("127.0.0.1", behind)).await else {
                        return;
                    };
                    // Browsers keep connections open: a stopped host must
                    // close those too, not only refuse new ones.
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut incoming, &mut outgoing) => {}
                        _ = stop.wait_for(|stopped| *stopped) => {}
                    }
                });
            }
        });
        Ok(Self {
            port,
            task,
            stopped,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops answering: the listener and every forwarded connection close.
    pub fn stop(&self) {
        self.task.abort();
        let _ = self.stopped.send(true);
    }
}

impl Drop for FrontHost {
    fn drop(&mut self) {
        self.stop();
    }
}
