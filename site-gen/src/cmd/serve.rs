use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};
use site_gen::preview::Preview;
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
    let preview = Arc::new(Preview::new(&archive));
    // Loaded before the first edit can come, so it is shown at once.
    preview.reload();
    let rebuild = rebuild_on_request(archive, out, live.clone(), preview.clone());
    std::thread::spawn(move || {
        // Reading files is an event too; the build itself reads them all.
        let changed = |event: notify::Result<notify::Event>| match event {
            Ok(event) if matches!(event.kind, EventKind::Access(_) | EventKind::Other) => vec![],
            Ok(event) => (event.paths.into_iter())
                .filter(|path| !path.starts_with(&out_abs))
                .filter_map(|path| {
                    let inside = path.strip_prefix(&archive_abs).unwrap_or(&path);
                    (!is_hidden(inside)).then(|| inside.to_path_buf())
                })
                .collect(),
            Err(_) => vec![],
        };
        let mut edit = 0;
        while let Ok(event) = receiver.recv() {
            let mut paths = changed(event);
            if paths.is_empty() {
                continue;
            }
            while let Ok(event) = receiver.recv_timeout(DEBOUNCE) {
                paths.extend(changed(event));
            }
            edit += 1;
            if show_at_once(&preview, &live, &paths, edit) {
                live.bump();
            }
            if rebuild.send(edit).is_err() {
                break;
            }
        }
    });
    Ok(watcher)
}

/// Puts the edited articles' own pages in the overlay; whether any was.
fn show_at_once(preview: &Preview, live: &LiveReload, paths: &[PathBuf], edit: u64) -> bool {
    let mut shown = false;
    for path in paths {
        for page in preview.pages_of(path).into_iter().flatten() {
            live.overlay.put(&page.path, page.contents, edit);
            shown = true;
        }
    }
    shown
}

/// The thread that rebuilds the site after edits, one build for all the
/// edits that came while the last one ran; it takes the number of the
/// latest edit, and bumps the version once the build is in place.
fn rebuild_on_request(
    archive: PathBuf,
    out: PathBuf,
    live: Arc<LiveReload>,
    preview: Arc<Preview>,
) -> mpsc::Sender<u64> {
    let (sender, requests) = mpsc::channel::<u64>();
    std::thread::spawn(move || {
        while let Ok(mut edit) = requests.recv() {
            while let Ok(later) = requests.try_recv() {
                edit = edit.max(later);
            }
            match build_once(&archive, &out, FLAGS, Signing::default()) {
                Ok(_) => {
                    live.overlay.settle(edit);
                    live.bump();
                    preview.reload();
                }
                Err(error) => eprintln!("error: {error:#}"),
            }
        }
    });
    sender
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
