use super::*;
use crate::import::wxr::media::{Attachment, Attachments};

fn expand_with(
    text: &str,
    attachments: &Attachments,
    post_id: Option<u64>,
) -> (String, Vec<String>) {
    let mut unknown = BTreeSet::new();
    let context = Context {
        attachments,
        post_id,
    };
    let html = expand(text, &context, &mut unknown);
    (html, unknown.into_iter().collect())
}

fn expand_alone(text: &str) -> String {
    expand_with(text, &Attachments::default(), None).0
}

fn cats() -> Attachments {
    let mut attachments = Attachments::default();
    for (id, name, caption) in [(11, "a.jpg", ""), (12, "b.jpg", "Bee")] {
        attachments.add(
            id,
            Some(5),
            Attachment {
                url: format!("https://ex.org/wp-content/uploads/2021/01/{name}"),
                caption: caption.into(),
                alt: format!("alt {name}"),
            },
        );
    }
    attachments
}

#[test]
fn caption_becomes_a_figure() {
    assert_eq!(
        expand_alone(
            "[caption id=\"attachment_9\" align=\"alignnone\" width=\"300\"]<img src=\"x.jpg\" alt=\"X\" /> A lighthouse[/caption]"
        ),
        "<figure><img src=\"x.jpg\" alt=\"X\" /><figcaption><em>A lighthouse</em></figcaption></figure>"
    );
    assert_eq!(
        expand_alone(
            "[caption caption=\"Old style\"]<a href=\"big.jpg\"><img src=\"x.jpg\"></a>[/caption]"
        ),
        "<figure><a href=\"big.jpg\"><img src=\"x.jpg\"></a><figcaption><em>Old style</em></figcaption></figure>"
    );
}

#[test]
fn gallery_shows_the_listed_or_attached_images() {
    let attachments = cats();
    let (listed, _) = expand_with("[gallery ids=\"12\"]", &attachments, None);
    assert_eq!(
        listed,
        "<figure><img src=\"https://ex.org/wp-content/uploads/2021/01/b.jpg\" alt=\"alt b.jpg\"><figcaption><em>Bee</em></figcaption></figure>"
    );
    let (attached, _) = expand_with("[gallery columns=\"2\"]", &attachments, Some(5));
    assert!(attached.starts_with("<p><img src=\"https://ex.org/wp-content/uploads/2021/01/a.jpg\" alt=\"alt a.jpg\"></p><figure>"), "{attached}");
    let (none, _) = expand_with("[gallery]", &attachments, Some(6));
    assert_eq!(none, "");
}

#[test]
fn embed_becomes_a_link() {
    assert_eq!(
        expand_alone("[embed width=\"500\"]https://video.example/v/1[/embed]"),
        "<p><a href=\"https://video.example/v/1\">https://video.example/v/1</a></p>"
    );
}

#[test]
fn audio_and_video_become_links_to_their_files() {
    assert_eq!(
        expand_alone("[audio mp3=\"https://ex.org/wp-content/uploads/2021/01/song.mp3\"][/audio]"),
        "<p><a href=\"https://ex.org/wp-content/uploads/2021/01/song.mp3\">song.mp3</a></p>"
    );
    assert_eq!(
        expand_alone("[video width=\"640\" src='https://ex.org/clip.mp4?x=1' /]"),
        "<p><a href=\"https://ex.org/clip.mp4?x=1\">clip.mp4</a></p>"
    );
}

#[test]
fn unknown_shortcodes_stay_as_text_and_are_named() {
    let (html, unknown) = expand_with(
        "Before [contact-form-7 id=\"1\"] and [box]inside[/box], [1] and [[caption]].",
        &Attachments::default(),
        None,
    );
    assert_eq!(
        html,
        "Before [contact-form-7 id=\"1\"] and [box]inside[/box], [1] and [caption]."
    );
    assert_eq!(unknown, ["box", "contact-form-7"]);
}
