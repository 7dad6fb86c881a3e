//! The `site-gen` command, run as a publisher or an operator runs it.

use std::path::{Path, PathBuf};

use anyhow::Context;
use e2e::s3_server::CREDENTIALS;

pub struct SiteGen {
    program: PathBuf,
}

impl SiteGen {
    /// `$SAMIZDAT_SITE_GEN`, or the debug build in the repository's target.
    pub fn from_env() -> anyhow::Result<Self> {
        let program = std::env::var_os("SAMIZDAT_SITE_GEN")
            .map(PathBuf::from)
            .unwrap_or_else(|| e2e::repo_root().join("target/debug/site-gen"));
        anyhow::ensure!(
            program.is_file(),
            "{} is missing: build it with `cargo build -p site-gen`, or run scripts/drill",
            program.display()
        );
        Ok(Self { program })
    }

    /// Runs `site-gen ARGS`; its last line of output on success, and
    /// everything it said on failure.
    pub async fn run(&self, args: &[&str]) -> anyhow::Result<String> {
        let output = self.output(args).await?;
        let said = String::from_utf8_lossy(&output.stderr).into_owned();
        anyhow::ensure!(
            output.status.success(),
            "site-gen {} failed: {said}",
            args.join(" ")
        );
        Ok(said.trim().lines().last().unwrap_or_default().to_string())
    }

    /// Runs `site-gen ARGS` expecting a refusal; what it said.
    pub async fn refused(&self, args: &[&str]) -> anyhow::Result<String> {
        let output = self.output(args).await?;
        let said = String::from_utf8_lossy(&output.stderr).into_owned();
        anyhow::ensure!(
            !output.status.success(),
            "site-gen {} should have failed, and said: {said}",
            args.join(" ")
        );
        Ok(said)
    }

    async fn output(&self, args: &[&str]) -> anyhow::Result<std::process::Output> {
        tokio::process::Command::new(&self.program)
            .args(args)
            .envs(CREDENTIALS)
            .output()
            .await
            .with_context(|| format!("cannot run {}", self.program.display()))
    }
}

pub fn text(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}
