//! WordPress exports (WXR 1.0 to 1.2) as archives.
//!
//! The file is read twice, one item at a time, never whole. The first
//! pass checks that the file is whole and well-formed before anything is
//! written, and keeps what posts need from elsewhere in the file: the
//! site's facts, the authors' display names, the site's UTC offset, and a
//! small map of the attachments, which WordPress lists anywhere (often
//! after the posts whose featured images they are). The second pass turns
//! each published post and page into an article.

mod autop;
mod comments;
mod content;
mod convert;
mod dates;
mod media;
mod permalinks;
mod post;
mod reader;
mod shortcodes;
mod stream;
mod text;

use std::path::PathBuf;

use convert::{Converter, Export};
use media::Attachment;
use post::Post;
use reader::{Node, Ns, WxrReader};

use super::{ImportError, ImportOptions, Importer, Location, Sink, Source};

pub fn open(source: &Source, options: &ImportOptions) -> Result<Box<dyn Importer>, ImportError> {
    let path = match source {
        Source::Path(path) => path.clone(),
        Source::Url(url) => {
            return Err(ImportError::Fetch {
                url: url.clone(),
                reason: "a WordPress export is read from a file (Tools → Export in WordPress)"
                    .into(),
            });
        }
    };
    if let Some(uploads) = options.uploads.as_ref().filter(|dir| !dir.is_dir()) {
        return Err(ImportError::Read {
            path: uploads.clone(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "--uploads must be the folder wp-content/uploads holds",
            ),
        });
    }
    Ok(Box::new(WxrImporter {
        path,
        uploads: options.uploads.clone(),
    }))
}

struct WxrImporter {
    path: PathBuf,
    uploads: Option<PathBuf>,
}

impl Importer for WxrImporter {
    fn import(&mut self, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let total = std::fs::metadata(&self.path)
            .map(|meta| meta.len())
            .unwrap_or_default()
            .max(1);
        let export = self.survey(sink, total)?;
        sink.site(export.site.clone());
        let mut converter = Converter::new(&export);
        let mut reader = WxrReader::open(&self.path)?;
        let mut number = 0;
        while let Some(node) = reader.next_node()? {
            if !node.is(Ns::Rss, "item") {
                continue;
            }
            number += 1;
            let at = Location {
                file: export.label.clone(),
                line: Some(node.line),
                item: Some(number),
            };
            converter.convert(Post::from_node(&node), at, sink)?;
            sink.progress(total + reader.position().min(total), 2 * total);
        }
        sink.progress(2 * total, 2 * total);
        Ok(())
    }
}

impl WxrImporter {
    /// The first pass: what posts need from the rest of the file.
    fn survey(&self, sink: &mut dyn Sink, total: u64) -> Result<Export, ImportError> {
        let mut export = Export {
            label: self.path.display().to_string(),
            uploads: self.uploads.clone(),
            ..Export::default()
        };
        let mut reader = WxrReader::open(&self.path)?;
        while let Some(node) = reader.next_node()? {
            match (node.ns, node.name.as_str()) {
                (Ns::Rss, "item") => {
                    survey_item(&node, &mut export);
                    sink.progress(reader.position().min(total), 2 * total);
                }
                (Ns::Rss, "title") => export.site.title = Some(text::plain_text(&node.text)),
                (Ns::Rss, "description") => {
                    export.site.description = Some(text::plain_text(&node.text));
                }
                (Ns::Rss, "language") => export.site.language = Some(node.text.trim().to_string()),
                (Ns::Rss, "link") => export.site.base_url = Some(node.text.trim().to_string()),
                (Ns::Wp, "base_site_url") => export.base_site_url = node.text.trim().to_string(),
                (Ns::Wp, "base_blog_url") => export.base_url = node.text.trim().to_string(),
                (Ns::Wp, "author") => author(&node, &mut export),
                _ => {}
            }
        }
        if export.base_url.is_empty() {
            export.base_url = export.site.base_url.clone().unwrap_or_default();
        }
        if export.base_site_url.is_empty() {
            export.base_site_url = export.base_url.clone();
        }
        Ok(export)
    }
}

fn survey_item(node: &Node, export: &mut Export) {
    let post = Post::from_node(node);
    if export.site_offset.is_none() {
        export.site_offset = dates::offset_shown(&post.date);
    }
    if post.post_type != "attachment" {
        return;
    }
    let (Some(id), Some(url)) = (post.id, post.attachment_url.clone().or(post.guid.clone())) else {
        return;
    };
    let alt = post.meta("_wp_attachment_image_alt").unwrap_or_default();
    export.attachments.add(
        id,
        post.parent,
        Attachment {
            url,
            alt: alt.to_string(),
            caption: post.excerpt.trim().to_string(),
        },
    );
}

/// A `<wp:author>`: its login and the name it shows.
fn author(node: &Node, export: &mut Export) {
    let Some(login) = node.text_of(Ns::Wp, "author_login") else {
        return;
    };
    let name = node
        .text_of(Ns::Wp, "author_display_name")
        .map(str::to_string)
        .or_else(|| {
            let first = node
                .text_of(Ns::Wp, "author_first_name")
                .unwrap_or_default();
            let last = node.text_of(Ns::Wp, "author_last_name").unwrap_or_default();
            Some(format!("{first} {last}").trim().to_string()).filter(|name| !name.is_empty())
        })
        .unwrap_or_else(|| login.to_string());
    export.authors.insert(login.to_string(), name);
}
