//! The `site-gen` command: a thin shell over the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use site_gen::serve::{Mount, router, serve};

#[derive(Parser)]
#[command(
    name = "site-gen",
    version,
    about = "Turns an archive of articles into a static news site that works from any host"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds ARCHIVE into a static site.
    Build {
        archive: PathBuf,
        /// The output folder, replaced only when the build succeeds.
        #[arg(short, long, default_value = "public")]
        out: PathBuf,
        /// Treat warnings, such as unknown front matter fields, as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Builds ARCHIVE, then serves it on 127.0.0.1.
    Serve {
        archive: PathBuf,
        #[arg(short, long, default_value = "target/site-gen-serve")]
        out: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Also serve a folder under a prefix, as PREFIX=DIR (such as /app=dist).
        #[arg(long = "mount", value_parser = parse_mount)]
        mounts: Vec<Mount>,
    },
}

fn parse_mount(text: &str) -> Result<Mount, String> {
    let (prefix, dir) = text
        .split_once('=')
        .ok_or("write it as PREFIX=DIR, such as /app=dist")?;
    Ok(Mount {
        prefix: prefix.to_string(),
        dir: PathBuf::from(dir),
    })
}

fn build(archive: &std::path::Path, out: &std::path::Path, strict: bool) -> anyhow::Result<()> {
    match site_gen::build(archive, out, strict) {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("warning: {warning}");
            }
            eprintln!(
                "built {} articles into {} files in {}",
                report.articles,
                report.files,
                out.display()
            );
            Ok(())
        }
        Err(problems) => bail!("{problems}"),
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Build {
            archive,
            out,
            strict,
        } => build(&archive, &out, strict),
        Command::Serve {
            archive,
            out,
            port,
            mounts,
        } => {
            build(&archive, &out, false)?;
            let runtime =
                tokio::runtime::Runtime::new().context("cannot start the server's runtime")?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
                    .await
                    .with_context(|| {
                        format!("cannot listen on 127.0.0.1:{port}: pick another with --port")
                    })?;
                eprintln!("serving {} at http://127.0.0.1:{port}/", out.display());
                for mount in &mounts {
                    eprintln!(
                        "serving {} at http://127.0.0.1:{port}/{}/",
                        mount.dir.display(),
                        mount.prefix.trim_matches('/')
                    );
                }
                serve(listener, router(out, &mounts))
                    .await
                    .context("the server stopped")
            })
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
