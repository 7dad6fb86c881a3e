//! The `site-gen` command: a thin shell over the library.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use site_gen::mirror::deploy::DeployOptions;
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
        /// Sign the manifest with this secret key (from `site-gen keygen`).
        #[arg(long)]
        sign_key: Option<PathBuf>,
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
    /// Creates a publisher key pair: NAME.key (secret) and NAME.pub.
    Keygen {
        #[arg(long, default_value = "samizdat")]
        out: PathBuf,
        /// Encrypt the secret key with the password in SAMIZDAT_KEY_PASSWORD.
        #[arg(long)]
        password: bool,
    },
    /// Writes a manifest (and with a key, its signature) for any folder, such as the client's dist/.
    Manifest {
        dir: PathBuf,
        #[arg(long)]
        sign_key: Option<PathBuf>,
        #[arg(long, default_value_t = 90)]
        valid_days: u32,
    },
    /// Verifies a copy of a site, a folder or a URL, against its signed manifest.
    Verify {
        location: String,
        #[arg(long)]
        key: PathBuf,
        /// Where the highest serial seen per key is kept, against rollback.
        #[arg(long)]
        state: Option<PathBuf>,
        /// For an s3:// location: the S3-compatible endpoint.
        #[arg(long)]
        endpoint: Option<String>,
    },
    /// Mirrors a site.
    Mirror {
        #[command(subcommand)]
        command: MirrorCommand,
    },
    /// Deploys a built site to a folder or an S3-compatible bucket (s3://bucket/prefix),
    /// uploading what the target lacks or holds otherwise and deleting what the site no longer has.
    Deploy {
        dir: PathBuf,
        target: String,
        /// The S3-compatible endpoint, such as http://127.0.0.1:9000.
        #[arg(long)]
        endpoint: Option<String>,
        /// Show what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Refuse to delete more files than this.
        #[arg(long, default_value_t = 256)]
        max_deletes: usize,
        /// Upload every file, even those the target already holds as they are.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum MirrorCommand {
    /// Pulls the site at URL into DIR, downloading only what changed.
    Pull {
        url: String,
        dir: PathBuf,
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        state: Option<PathBuf>,
        /// For an s3:// URL: the S3-compatible endpoint.
        #[arg(long)]
        endpoint: Option<String>,
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

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build {
            archive,
            out,
            strict,
            sign_key,
        } => cmd::build::run(&archive, &out, strict, sign_key.as_deref()),
        Command::Serve {
            archive,
            out,
            port,
            mounts,
            no_watch,
        } => cmd::serve::run(&archive, &out, port, &mounts, !no_watch),
        Command::Check { out } => cmd::check::run(&out),
        Command::New { archive, title } => cmd::new::run(&archive, &title),
        Command::Keygen { out, password } => cmd::mirror::keygen(&out, password),
        Command::Manifest {
            dir,
            sign_key,
            valid_days,
        } => cmd::mirror::manifest(&dir, sign_key.as_deref(), valid_days),
        Command::Verify {
            location,
            key,
            state,
            endpoint,
        } => cmd::mirror::verify(&location, &key, state.as_deref(), endpoint.as_deref()),
        Command::Mirror {
            command:
                MirrorCommand::Pull {
                    url,
                    dir,
                    key,
                    state,
                    endpoint,
                },
        } => cmd::mirror::pull_site(&url, &dir, &key, state.as_deref(), endpoint.as_deref()),
        Command::Deploy {
            dir,
            target,
            endpoint,
            dry_run,
            max_deletes,
            force,
        } => cmd::mirror::deploy_site(
            &dir,
            &target,
            endpoint.as_deref(),
            DeployOptions {
                dry_run,
                max_deletes,
                force,
            },
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
