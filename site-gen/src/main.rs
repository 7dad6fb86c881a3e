//! The `site-gen` command: a thin shell over the library.

mod cmd;

// Builds allocate and free millions of small strings from many threads:
// mimalloc does that faster than the system's allocator, and gives memory
// back between a build's steps.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use site_gen::import::{Format, ImportOptions};
use site_gen::mirror::deploy::DeployOptions;
use site_gen::mirror::manifest::Naming;
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
    ///
    /// The site's manifest (samizdat-manifest.json) follows the last one
    /// published, so that its serial moves on with every change of content:
    /// it follows whichever has the highest serial of --previous, the
    /// output folder's own manifest, and ARCHIVE/.samizdat/published.json,
    /// the record a signed build keeps in the archive (commit it with the
    /// archive, so a build in a fresh folder, as in CI, moves the serial on
    /// too). The same input builds byte-identical output, and leaves the
    /// record as it was.
    ///
    /// The manifest expires manifest_valid_days (site.toml, 90 by default)
    /// after it is made: at the archive's newest date, or at --signed-at
    /// (else SOURCE_DATE_EPOCH) when that is later. To renew the expiry of
    /// an unchanged site, build again with `--signed-at now`.
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
        /// When the manifest is signed, an RFC 3339 time or `now`; a later
        /// time than the last manifest's renews its expiry. Default:
        /// SOURCE_DATE_EPOCH when set, else the archive's newest date.
        #[arg(long, value_name = "TIME", value_parser = cmd::signing::parse_signed_at)]
        signed_at: Option<jiff::Timestamp>,
        /// The published manifest to follow: its path, or an http(s) URL
        /// of the manifest or of the site's root.
        #[arg(long, value_name = "URL|FILE")]
        previous: Option<String>,
        /// Let the site's name (site_id in site.toml, else its title as a
        /// slug) differ from the one of the manifest it follows: readers
        /// start a fresh serial track for the new name.
        #[arg(long)]
        rename_site: bool,
        /// Render only what changed since the last incremental build into
        /// OUT, by a cache kept beside it (.OUT.cache); the output is the
        /// same as a full build's.
        #[arg(long)]
        incremental: bool,
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
    ///
    /// It follows the folder's own manifest, or --previous when that has
    /// a higher serial. On a built site, `--signed-at now` signs the same
    /// files again with a fresh expiry, without building.
    ///
    /// A key that signs several sites (a news site and the client) names
    /// each, so readers keep their serials apart: --site, else the name of
    /// the manifest it follows.
    Manifest {
        dir: PathBuf,
        #[arg(long)]
        sign_key: Option<PathBuf>,
        #[arg(long, default_value_t = 90)]
        valid_days: u32,
        /// The creation time, an RFC 3339 time or `now`. Default:
        /// SOURCE_DATE_EPOCH when set, else the clock, and an unchanged
        /// folder keeps its manifest.
        #[arg(long, value_name = "TIME", value_parser = cmd::signing::parse_signed_at)]
        signed_at: Option<jiff::Timestamp>,
        /// The published manifest to follow: its path, or an http(s) URL
        /// of the manifest or of the site's root.
        #[arg(long, value_name = "URL|FILE")]
        previous: Option<String>,
        /// Which of the publisher's sites this is: lower-case letters,
        /// digits and hyphens, such as samizdat-client.
        #[arg(long, value_name = "NAME", value_parser = parse_site_name)]
        site: Option<String>,
        /// Let --site differ from the name of the manifest it follows:
        /// readers start a fresh serial track for the new name.
        #[arg(long)]
        rename_site: bool,
    },
    /// Verifies a copy of a site, a folder or a URL, against its signed manifest.
    Verify {
        location: String,
        #[arg(long)]
        key: PathBuf,
        /// Where the last manifest accepted per key (serial and hash) is
        /// kept, against rollback; a missing or empty file is no state.
        #[arg(long)]
        state: Option<PathBuf>,
        /// For an s3:// location: the S3-compatible endpoint.
        #[arg(long)]
        endpoint: Option<String>,
    },
    /// Turns a WordPress export, a feed or a Mastodon archive into an archive.
    ///
    /// Each article is written as Markdown with front matter in a folder
    /// of its own, its media beside it. Importing again into the same
    /// archive updates what the source changed, adds what is new, and
    /// keeps every article you have edited since (the report names them).
    Import {
        /// [FORMAT] SOURCE. FORMAT is wordpress, feed or mastodon, guessed
        /// from SOURCE when left out. SOURCE is the export file, the
        /// Mastodon archive (zip, tar.gz or unpacked folder), or a feed's
        /// https:// URL.
        #[arg(value_name = "[FORMAT] SOURCE", num_args = 1..=2, required = true)]
        args: Vec<String>,
        /// The archive to write, created if needed.
        #[arg(short, long, value_name = "ARCHIVE")]
        out: PathBuf,
        /// WordPress: the wp-content/uploads folder, whose files are
        /// copied into the archive rather than linked.
        #[arg(long, value_name = "DIR")]
        uploads: Option<PathBuf>,
        /// Mastodon: leave boosts out, rather than import them as links.
        #[arg(long)]
        skip_boosts: bool,
        /// Mastodon: import followers-only and direct posts too. They
        /// would be published like the rest: check them first.
        #[arg(long)]
        include_private: bool,
    },
    /// Keeps the replies to the posts that announced articles.
    Comments {
        #[command(subcommand)]
        command: CommentsCommand,
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
enum CommentsCommand {
    /// Fetches the replies to each article's announcing post (front matter
    /// `comments`) and keeps them in ARCHIVE/.samizdat/comments/, which
    /// builds render, offline.
    ///
    /// A snapshot changes only when the replies did. A server that cannot
    /// be reached, fails or refuses leaves the article's last snapshot as
    /// it was; the command then exits non-zero, once every other article
    /// has been refreshed. Without a token a server gives at most 60
    /// replies, and the report says when a thread was cut short.
    Refresh {
        archive: PathBuf,
        /// The environment variable holding an access token, sent as a
        /// bearer token (never written anywhere).
        #[arg(long, value_name = "NAME", default_value = "SAMIZDAT_COMMENTS_TOKEN")]
        token_env: String,
        /// The server the token belongs to, such as https://server.example;
        /// needed when the articles' comments come from several servers.
        #[arg(long, value_name = "URL")]
        token_for: Vec<String>,
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

/// `[FORMAT] SOURCE`: the format when two are given.
fn import_args(args: &[String]) -> anyhow::Result<(Option<Format>, &str)> {
    match args {
        [source] => Ok((None, source)),
        [format, source] => {
            let format = match format.as_str() {
                "wordpress" | "wxr" => Format::Wxr,
                "feed" | "rss" | "atom" | "jsonfeed" => Format::Feed,
                "mastodon" => Format::Mastodon,
                other => anyhow::bail!(
                    "“{other}” is not a format site-gen imports: use wordpress, feed or mastodon"
                ),
            };
            Ok((Some(format), source))
        }
        _ => anyhow::bail!("give the source to import, and before it its format if you like"),
    }
}

fn parse_site_name(text: &str) -> Result<String, String> {
    if site_gen::config::is_site_name(text) {
        return Ok(text.to_string());
    }
    Err("use lower-case letters, digits and single hyphens, such as samizdat-client".into())
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
    small_pages_only();
    let result = match Cli::parse().command {
        Command::Build {
            archive,
            out,
            strict,
            sign_key,
            signed_at,
            previous,
            rename_site,
            incremental,
        } => cmd::build::run(
            &archive,
            &out,
            cmd::build::Flags {
                strict,
                incremental,
            },
            sign_key.as_deref(),
            signed_at,
            previous.as_deref(),
            rename_site,
        ),
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
            signed_at,
            previous,
            site,
            rename_site,
        } => cmd::mirror::manifest(
            &dir,
            sign_key.as_deref(),
            valid_days,
            signed_at,
            previous.as_deref(),
            Naming {
                site: site.as_deref(),
                rename: rename_site,
            },
        ),
        Command::Import {
            args,
            out,
            uploads,
            skip_boosts,
            include_private,
        } => import_args(&args).and_then(|(format, source)| {
            cmd::import::run(
                format,
                source,
                &out,
                &ImportOptions {
                    uploads,
                    skip_boosts,
                    include_private,
                },
            )
        }),
        Command::Verify {
            location,
            key,
            state,
            endpoint,
        } => cmd::mirror::verify(&location, &key, state.as_deref(), endpoint.as_deref()),
        Command::Comments {
            command:
                CommentsCommand::Refresh {
                    archive,
                    token_env,
                    token_for,
                },
        } => cmd::comments::refresh_all(&archive, &token_env, &token_for),
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

/// mimalloc asks the kernel for transparent huge pages, each zeroed whole
/// (2 MiB) when first touched, and again after the allocator gives it
/// back: on the 10,000-article build that zeroing took 6% to 18% of the
/// CPU time, and the pages' unused parts a third of the peak memory.
#[cfg(target_os = "linux")]
fn small_pages_only() {
    // Without it the build is only slower: nothing to report.
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

#[cfg(not(target_os = "linux"))]
fn small_pages_only() {}
