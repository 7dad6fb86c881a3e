use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};
use site_gen::serve::{LiveReload, Mount, router, serve};

use super::build::{Flags, Signing, build_once};

/// Waits this long after a change for more, so that one save that touches
/// several files rebuilds once; short, as it adds to every reload.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// Serve's builds keep a cache beside the output and render only what a
/// change affects.
const FLAGS: Flags = Flags {
    strict: false,
    incremental: true,
};

pub fn run(
    archive: &Path,
    out: &Path,
    port: u16,
    mounts: &[Mount],
    watch: bool,
) -> anyhow::Result<()> {
    build_once(archive, out, FLAGS, Signing::default())?;
    let live = watch.then(|| Arc::new(LiveReload::default()));
    // The watcher lives as long as the server.
    let _watcher = match &live {
        Some(live) => Some(watch_and_rebuild(
            archive.to_path_buf(),
            out.to_path_buf(),
            live.clone(),
        )?),
        None => None,
    };
    let runtime = tokio::runtime::Runtime::new().context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .with_context(|| {
                format!("cannot listen on 127.0.0.1:{port}: pick another with --port")
            })?;
        eprintln!("serving {} at http://127.0.0.1:{port}/", out.display());
        for mount in mounts {
            eprintln!(
                "serving {} at http://127.0.0.1:{port}/{}/",
                mount.dir.display(),
                mount.prefix.trim_matches('/')
            );
        }
        if live.is_some() {
            eprintln!("watching {} for changes", archive.display());
        }
        serve(listener, router(out.to_path_buf(), mounts, live))
            .await
            .context("the server stopped")
    })
}

fn watch_and_rebuild(
    archive: PathBuf,
    out: PathBuf,
    live: Arc<LiveReload>,
) -> anyhow::Result<notify::RecommendedWatcher> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher =
        notify::recommended_watcher(sender).context("cannot watch the archive for changes")?;
    watcher
        .watch(&archive, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch {}", archive.display()))?;
    let out_abs = std::fs::canonicalize(&out).unwrap_or(out.clone());
    let archive_abs = std::fs::canonicalize(&archive).unwrap_or(archive.clone());
    std::thread::spawn(move || {
        let relevant = |event: &notify::Result<notify::Event>| match event {
            // Reading files is an event too; the build itself reads them all.
            Ok(event) if matches!(event.kind, EventKind::Access(_) | EventKind::Other) => false,
            Ok(event) => event.paths.iter().any(|path| {
                let inside = path.strip_prefix(&archive_abs).unwrap_or(path);
                !path.starts_with(&out_abs) && !is_hidden(inside)
            }),
            Err(_) => false,
        };
        while let Ok(event) = receiver.recv() {
            if !relevant(&event) {
                continue;
            }
            while receiver.recv_timeout(DEBOUNCE).is_ok() {}
            match build_once(&archive, &out, FLAGS, Signing::default()) {
                Ok(_) => live.bump(),
                Err(error) => eprintln!("error: {error:#}"),
            }
        }
    });
    Ok(watcher)
}

/// Editors' swap and backup files, and VCS folders, by their path inside
/// the archive; but not the comment snapshots `comments refresh` keeps,
/// which change their articles' pages.
fn is_hidden(path: &Path) -> bool {
    if path.starts_with(site_gen::comments::SNAPSHOT_DIR) {
        return false;
    }
    path.components()
        .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
        || path.to_string_lossy().ends_with('~')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_snapshots_rebuild_and_other_hidden_files_do_not() {
        assert!(!is_hidden(Path::new(".samizdat/comments/storm.json")));
        assert!(!is_hidden(Path::new("content/storm.md")));
        assert!(is_hidden(Path::new(".samizdat/imported.json")));
        assert!(is_hidden(Path::new(".git/HEAD")));
        assert!(is_hidden(Path::new("content/.storm.md.swp")));
        assert!(is_hidden(Path::new("content/storm.md~")));
    }
}
