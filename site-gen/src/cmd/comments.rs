use std::path::Path;

use anyhow::bail;
use site_gen::comments::{RefreshOptions, refresh};

/// Refreshes every article's comments and reports each; fails when some
/// could not be refreshed, after refreshing all the others.
pub fn refresh_all(archive: &Path, token_env: &str, token_for: &[String]) -> anyhow::Result<()> {
    let token = std::env::var(token_env)
        .ok()
        .map(|token| token.trim().to_string())
        .filter(|token| !token.is_empty());
    let report = refresh(
        archive,
        &RefreshOptions {
            token,
            token_for: token_for.to_vec(),
            now: jiff::Timestamp::now(),
        },
    )
    .map_err(|error| match error.hint() {
        "" => anyhow::anyhow!("{error}"),
        hint => anyhow::anyhow!("{error} ({hint})"),
    })?;
    if report.outcomes.is_empty() {
        eprintln!("no article names a post with `comments`: nothing to refresh");
        return Ok(());
    }
    for outcome in &report.outcomes {
        let article = outcome.article.display();
        match &outcome.result {
            Ok(done) => {
                let state = if done.changed {
                    format!("saved in {}", outcome.snapshot.display())
                } else {
                    "unchanged".to_string()
                };
                println!(
                    "{article}: {} {} from {} ({state})",
                    done.replies,
                    if done.replies == 1 {
                        "reply"
                    } else {
                        "replies"
                    },
                    outcome.server
                );
                if done.cut_short {
                    println!(
                        "{article}: {} gave only the first {} replies: the thread has more; with a token (--token-env) it gives more",
                        outcome.server, done.replies
                    );
                }
            }
            Err(error) => {
                let hint = error.hint();
                eprintln!(
                    "{article}: not refreshed, its last snapshot is kept: {error}{}",
                    if hint.is_empty() {
                        String::new()
                    } else {
                        format!(" ({hint})")
                    }
                );
            }
        }
    }
    let failures = report.failures();
    if failures > 0 {
        bail!(
            "{failures} of {} articles could not be refreshed",
            report.outcomes.len()
        );
    }
    Ok(())
}
