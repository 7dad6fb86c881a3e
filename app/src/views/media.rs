//! A status's attachments. Each keeps its alt text whatever its type, and
//! shows it on request; keeps room for its shape before it loads so the
//! page does not jump; is cropped around its focal point; and stays on the
//! page as its alt text when it has nothing that can be loaded.

use leptos::prelude::*;

use crate::api::{MediaAttachment, MediaKind};
use crate::i18n::media::MediaWords;
use crate::i18n::{Lang, Text, Words, text};
use crate::sanitize::policy::http_url;

pub fn media_view(media: &[MediaAttachment], sensitive: bool, lang: Lang) -> impl IntoView + use<> {
    if media.is_empty() {
        return ().into_any();
    }
    let items = media
        .iter()
        .map(|item| item_view(item, lang))
        .collect_view();
    let list = view! { <ul class="media">{items}</ul> };
    if sensitive {
        view! { <details class="sensitive"><summary>{text(lang, Text::SensitiveMedia)}</summary>{list}</details> }.into_any()
    } else {
        list.into_any()
    }
}

fn item_view(item: &MediaAttachment, lang: Lang) -> AnyView {
    let label = item
        .description
        .as_deref()
        .map(str::trim)
        .filter(|alt| !alt.is_empty())
        .unwrap_or_else(|| text(lang, Text::AttachmentWithoutDescription))
        .to_string();
    let visual = matches!(
        item.kind,
        MediaKind::Image | MediaKind::Gifv | MediaKind::Video
    );
    let size = item.meta.size.filter(|_| visual);
    let (width, height) = size.map(|size| (size.width, size.height)).unzip();
    // Built from two numbers, so nothing from the server reaches CSS.
    // `width` and `height` reserve the shape while media loads; a broken
    // image that shows its alt text drops them and keeps only this. Set
    // through the CSSOM (`style:`), which the page's Content-Security-Policy
    // allows, where a `style` attribute would be refused.
    let ratio = size.map(|size| format!("{} / {}", size.width, size.height));
    // Where a cropped picture keeps its subject: from two clamped numbers.
    let focus = item.meta.focus.filter(|_| visual);
    let position = focus.map(|focus| focus.object_position());
    let focus_param = focus.map(|focus| focus.param());
    let described = item
        .description
        .as_deref()
        .map(str::trim)
        .filter(|alt| !alt.is_empty())
        .map(|alt| {
            view! {
                <details class="media-alt">
                    <summary>{MediaWords::AltTextShort.in_lang(lang)}</summary>
                    <p>{alt.to_string()}</p>
                </details>
            }
        });
    let url = http_url(&item.url)
        .or_else(|| item.remote_url.as_deref().and_then(http_url))
        .map(str::to_string);
    let Some(url) = url else {
        return view! {
            <li class="media-missing" style:aspect-ratio=ratio>
                <span class="media-missing-why">{text(lang, Text::MediaUnavailable)}": "</span>
                <span class="alt">{label}</span>
            </li>
        }
        .into_any();
    };
    let preview = item
        .preview_url
        .as_deref()
        .and_then(http_url)
        .map(str::to_string);
    match item.kind {
        MediaKind::Image => {
            let src = preview.unwrap_or_else(|| url.clone());
            view! {
                <li><a href=url target="_blank" rel="noopener nofollow ugc">
                    <img src=src alt=label width=width height=height style:aspect-ratio=ratio.clone() style:object-position=position.clone() data-focus=focus_param loading="lazy" />
                </a>{described}</li>
            }
            .into_any()
        }
        MediaKind::Gifv | MediaKind::Video => {
            let gifv = item.kind == MediaKind::Gifv;
            view! {
                <li><video controls=true preload="none" muted=gifv loop=gifv poster=preview src=url aria-label=label width=width height=height style:aspect-ratio=ratio.clone() style:object-position=position.clone() data-focus=focus_param></video>{described}</li>
            }
            .into_any()
        }
        MediaKind::Audio => view! {
            <li><audio controls=true preload="none" src=url aria-label=label></audio>{described}</li>
        }
        .into_any(),
        MediaKind::Unknown => view! {
            <li><a href=url target="_blank" rel="noopener nofollow ugc">{label}</a></li>
        }
        .into_any(),
    }
}
