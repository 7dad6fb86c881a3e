//! The `site-gen` command: a thin shell over the library.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use site_gen::serve::Mount;

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
    /// Builds ARCHIVE, serves it on 127.0.0.1, and rebuilds and reloads on change.
    Serve {
        archive: PathBuf,
        #[arg(short, long, default_value = "target/site-gen-serve")]
        out: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Also serve a folder under a prefix, as PREFIX=DIR (such as /app=dist).
        #[arg(long = "mount", value_parser = parse_mount)]
        mounts: Vec<Mount>,
        /// Serve without watching for changes.
        #[arg(long)]
        no_watch: bool,
    },
    /// Checks that every internal link in a built site resolves.
    Check { out: PathBuf },
    /// Scaffolds a draft article in ARCHIVE.
    New { archive: PathBuf, title: String },
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

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build {
            archive,
            out,
            strict,
        } => cmd::build::run(&archive, &out, strict),
        Command::Serve {
            archive,
            out,
            port,
            mounts,
            no_watch,
        } => cmd::serve::run(&archive, &out, port, &mounts, !no_watch),
        Command::Check { out } => cmd::check::run(&out),
        Command::New { archive, title } => cmd::new::run(&archive, &title),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
