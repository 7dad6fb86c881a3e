//! Mastodon's "Request your archive" export (zip, or tar.gz from older
//! servers, or its unpacked folder), and the Lifeboat export that uses
//! the same layout: each public or unlisted post of `outbox.json`
//! becomes an article, with its media, content warning, poll and the
//! post it replies to; boosts become short posts that link to what they
//! boost. The site built from it is a microblog: a page per post, the
//! index, tags and feeds.

mod container;
mod link;
mod media;
mod model;
mod poll;
mod post;
mod text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use container::{Container, Limits};
use model::{Activity, Actor, ObjectRef, Outbox, Visibility};

use super::{ImportError, ImportOptions, Importer, Location, Sink, SiteInfo, Source};

pub fn open(source: &Source, options: &ImportOptions) -> Result<Box<dyn Importer>, ImportError> {
    let path = match source {
        Source::Path(path) => path,
        Source::Url(url) => {
            return Err(ImportError::Fetch {
                url: url.clone(),
                reason: "a Mastodon archive is read from a file, not fetched".into(),
            });
        }
    };
    // A bare outbox.json is read with the folder it is in.
    let (root, outbox_name) = if path.is_file() && has_extension(path, "json") {
        let folder = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        (
            if folder.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                folder
            },
            name,
        )
    } else {
        (path.clone(), None)
    };
    let container = Container::open(&root, Limits::default())?;
    Ok(Box::new(MastodonImporter {
        container,
        outbox_name,
        options: options.clone(),
    }))
}

struct MastodonImporter {
    container: Container,
    outbox_name: Option<String>,
    options: ImportOptions,
}

impl Importer for MastodonImporter {
    fn import(&mut self, sink: &mut dyn Sink) -> Result<(), ImportError> {
        for name in std::mem::take(&mut self.container.refused) {
            sink.warning(
                self.location(&name, None),
                "an entry whose name points outside the archive was ignored".into(),
            );
        }
        let outbox_name = match self.outbox_name.clone() {
            Some(name) => name,
            None => self.find("outbox.json").ok_or_else(|| ImportError::Malformed {
                at: self.container.label("outbox.json"),
                message: "the archive has no outbox.json: give the archive Mastodon sent, or its unpacked folder".into(),
            })?,
        };
        let actor = match self.find("actor.json") {
            Some(name) => {
                let bytes = self.container.read(&name)?;
                serde_json::from_slice::<Actor>(&bytes).unwrap_or_else(|error| {
                    sink.warning(
                        self.location(&name, Some(error.line())),
                        format!(
                            "actor.json was not read ({error}): the site's title is left to you"
                        ),
                    );
                    Actor::default()
                })
            }
            None => Actor::default(),
        };
        let bytes = self.container.read(&outbox_name)?;
        let outbox: Outbox = serde_json::from_slice(&bytes).map_err(|error| {
            ImportError::Malformed {
                at: format!("{}:{}", self.container.label(&outbox_name), error.line()),
                message: format!("outbox.json is not an ActivityStreams collection ({error}): download the archive again"),
            }
        })?;
        let media = media::MediaIndex::new(self.container.names());
        let author = actor
            .name
            .clone()
            .filter(|name| !name.trim().is_empty())
            .or_else(|| actor.preferred_username.clone());
        let server = actor.id.as_deref().and_then(server_of);
        let mut archive = post::Archive {
            media: media::MediaSources {
                container: &mut self.container,
                index: &media,
                server,
            },
            author: author.clone(),
        };
        let total = outbox.ordered_items.len() as u64;
        let mut languages: BTreeMap<String, usize> = BTreeMap::new();
        for (index, raw) in outbox.ordered_items.iter().enumerate() {
            sink.progress(index as u64, total);
            let at = Location {
                file: outbox_name.clone(),
                line: None,
                item: Some(index + 1),
            };
            let activity: Activity = match serde_json::from_str(raw.get()) {
                Ok(activity) => activity,
                Err(error) => {
                    sink.warning(
                        at,
                        format!("an activity of an unknown shape was left out: {error}"),
                    );
                    sink.skipped("unreadable activities");
                    continue;
                }
            };
            let options = &self.options;
            let item = match (activity.kind.as_str(), &activity.object) {
                ("Create", Some(ObjectRef::Object(note)))
                    if matches!(note.kind.as_str(), "Note" | "Question") =>
                {
                    let (to, cc) = if note.to.is_empty() && note.cc.is_empty() {
                        (&activity.to, &activity.cc)
                    } else {
                        (&note.to, &note.cc)
                    };
                    let visibility = Visibility::of(to, cc);
                    if !visible(visibility, options, sink) {
                        continue;
                    }
                    let published = note.published.as_deref().or(activity.published.as_deref());
                    if note.id.as_deref().is_none_or(str::is_empty) {
                        sink.warning(at, "a post without an id was left out".into());
                        sink.skipped("posts without an id");
                        continue;
                    }
                    post::note_item(note, published, visibility, &at, &mut archive, sink)?
                }
                ("Create", _) => {
                    sink.skipped("posts of other kinds");
                    continue;
                }
                ("Announce", object) => {
                    let boosted = match object {
                        Some(ObjectRef::Id(id)) => Some(id.as_str()),
                        Some(ObjectRef::Object(note)) => note.id.as_deref(),
                        _ => None,
                    };
                    let visibility = Visibility::of(&activity.to, &activity.cc);
                    if options.skip_boosts {
                        sink.skipped("boosts");
                        continue;
                    }
                    let Some(boosted) = boosted.filter(|uri| link::is_web(uri)) else {
                        sink.warning(
                            at,
                            "a boost without the address of the boosted post was left out".into(),
                        );
                        sink.skipped("boosts without an address");
                        continue;
                    };
                    if !visible(visibility, options, sink) {
                        continue;
                    }
                    post::boost_item(
                        activity.id.as_deref(),
                        boosted,
                        activity.published.as_deref(),
                        visibility,
                        &at,
                        author.as_ref(),
                    )
                }
                _ => {
                    sink.skipped("other activities");
                    continue;
                }
            };
            if item.date.is_none() {
                sink.warning(
                    at,
                    "a post without a readable `published` date was left out".into(),
                );
                sink.skipped("posts without a date");
                continue;
            }
            if let Some(lang) = &item.lang {
                *languages.entry(lang.clone()).or_default() += 1;
            }
            sink.item(item)?;
        }
        sink.progress(total, total);
        sink.site(SiteInfo {
            title: author,
            description: actor.summary.as_deref().map(text::plain_text),
            language: languages
                .into_iter()
                .max_by_key(|(_, count)| *count)
                .map(|(lang, _)| lang),
            // The profile's address is the old server's, not where the
            // site will be: canonical links must not point there.
            base_url: None,
        });
        Ok(())
    }
}

impl MastodonImporter {
    /// The entry named `file`, at the top or in the archive's one folder.
    fn find(&self, file: &str) -> Option<String> {
        let suffix = format!("/{file}");
        self.container
            .names()
            .filter(|name| *name == file || name.ends_with(&suffix))
            .min_by_key(|name| name.len())
            .map(str::to_string)
    }

    fn location(&self, name: &str, line: Option<usize>) -> Location {
        Location {
            file: self.container.label(name),
            line,
            item: None,
        }
    }
}

/// Whether a post of this visibility is imported; counts it if not.
fn visible(visibility: Visibility, options: &ImportOptions, sink: &mut dyn Sink) -> bool {
    let private = matches!(visibility, Visibility::Followers | Visibility::Direct);
    if private && !options.include_private {
        sink.skipped(visibility.skipped_reason());
        return false;
    }
    true
}

/// `https://host` of an actor's id.
fn server_of(id: &str) -> Option<String> {
    let (scheme, rest) = id.split_once("://")?;
    let host = rest.split('/').next().filter(|host| !host.is_empty())?;
    matches!(scheme, "https" | "http").then(|| format!("{scheme}://{host}"))
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(extension))
}
