//! Where each stored file goes inside the archive, named the way
//! Mastodon's archive names them, so that tools reading Mastodon's
//! archives find them.

use crate::api::lifeboat::BackupMedia;

/// MIME types and the file extensions they are written with.
const TYPES: [(&str, &str); 16] = [
    ("image/jpeg", "jpg"),
    ("image/png", "png"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/avif", "avif"),
    ("image/heic", "heic"),
    ("video/mp4", "mp4"),
    ("video/webm", "webm"),
    ("video/quicktime", "mov"),
    ("audio/mpeg", "mp3"),
    ("audio/ogg", "ogg"),
    ("audio/wav", "wav"),
    ("audio/mp4", "m4a"),
    ("audio/flac", "flac"),
    ("audio/aac", "aac"),
    ("image/jpeg", "jpeg"),
];

/// `media_attachments/files/<id in threes>/original/<name>.<ext>`, as
/// Mastodon lays out its files (a numeric id split in groups of three
/// digits); ids of other servers are kept whole.
pub fn media_path(media: &BackupMedia) -> String {
    let name = url_stem(&media.url).unwrap_or_else(|| safe_name(&media.id));
    format!(
        "media_attachments/files/{}/original/{name}.{}",
        id_folders(&media.id),
        extension(media.media_type.as_deref(), &media.url)
    )
}

/// `avatar.<ext>` or `header.<ext>`, as in Mastodon's archive.
pub fn profile_image_path(stem: &str, url: &str) -> String {
    format!("{stem}.{}", extension(None, url))
}

/// The MIME type of a file, from what the backup knows or the name.
pub fn media_type(known: Option<&str>, url_or_path: &str) -> Option<String> {
    if let Some(known) = known.filter(|known| !known.is_empty()) {
        return Some(known.to_string());
    }
    let extension = url_extension(url_or_path)?;
    TYPES
        .iter()
        .find(|(_, ext)| *ext == extension)
        .map(|(mime, _)| mime.to_string())
}

fn extension(media_type: Option<&str>, url: &str) -> String {
    let known = media_type.and_then(|media_type| {
        let bare = media_type.split(';').next().unwrap_or("").trim();
        TYPES
            .iter()
            .find(|(mime, _)| *mime == bare)
            .map(|(_, ext)| *ext)
    });
    known
        .map(str::to_string)
        .or_else(|| url_extension(url))
        .unwrap_or_else(|| "bin".to_string())
}

/// The last path segment of a URL, less query and fragment.
fn last_segment(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.rsplit('/').next().unwrap_or("")
}

fn url_extension(url: &str) -> Option<String> {
    let (_, extension) = last_segment(url).rsplit_once('.')?;
    let plausible =
        (1..=5).contains(&extension.len()) && extension.chars().all(|c| c.is_ascii_alphanumeric());
    plausible.then(|| extension.to_ascii_lowercase())
}

/// The file's name in its URL, when it is a plain one.
fn url_stem(url: &str) -> Option<String> {
    let segment = last_segment(url);
    let stem = segment.rsplit_once('.').map_or(segment, |(stem, _)| stem);
    let plain = !stem.is_empty()
        && stem.len() <= 100
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    plain.then(|| stem.to_string())
}

fn safe_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() {
        "unknown".into()
    } else {
        name
    }
}

fn id_folders(id: &str) -> String {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit()) {
        return safe_name(id);
    }
    let width = id.len().max(9).div_ceil(3) * 3;
    let padded = format!("{id:0>width$}");
    padded
        .as_bytes()
        .chunks(3)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(id: &str, url: &str, media_type: Option<&str>) -> BackupMedia {
        BackupMedia {
            id: id.into(),
            url: url.into(),
            media_type: media_type.map(str::to_string),
            ..BackupMedia::default()
        }
    }

    #[test]
    fn numeric_ids_are_split_in_threes_like_mastodons_files() {
        let path = media_path(&media(
            "109348293485",
            "https://files.example/media_attachments/files/109/348/293/485/original/abc123.PNG",
            None,
        ));
        assert_eq!(
            path,
            "media_attachments/files/109/348/293/485/original/abc123.png"
        );
        let short = media_path(&media("42", "https://a.example/m/x", Some("image/jpeg")));
        assert_eq!(short, "media_attachments/files/000/000/042/original/x.jpg");
    }

    #[test]
    fn odd_names_and_ids_are_made_safe() {
        let path = media_path(&media("01H/../x", "https://a.example/f?name=a b", None));
        assert_eq!(path, "media_attachments/files/01H____x/original/f.bin");
        let path = media_path(&media(
            "7",
            "https://a.example/%2e%2e.webm",
            Some("video/webm"),
        ));
        assert_eq!(path, "media_attachments/files/000/000/007/original/7.webm");
    }

    #[test]
    fn types_come_from_the_backup_or_the_name() {
        assert_eq!(
            media_type(Some("image/avif"), "x.png").as_deref(),
            Some("image/avif")
        );
        assert_eq!(
            media_type(None, "avatar.jpeg").as_deref(),
            Some("image/jpeg")
        );
        assert_eq!(media_type(None, "avatar"), None);
        assert_eq!(
            profile_image_path("avatar", "https://a.example/a/b.GIF?1"),
            "avatar.gif"
        );
    }
}
