//! What a hostile server sends: script vectors in every field the client
//! renders, in statuses, accounts, search results and the server's own
//! description. Each vector, if it ever runs, sets `window.__pwned` to a
//! label naming where it came from.

use serde_json::{Value, json};

/// The script a payload runs: it names the payload.
fn run(label: &str) -> String {
    format!("window.__pwned='{label}'")
}

/// HTML vectors for fields that hold HTML (content, notes, field values).
pub fn html_vectors(label: &str) -> Vec<String> {
    let run = |kind: &str| run(&format!("{label}:{kind}"));
    vec![
        format!("<script>{}</script><p>after a script</p>", run("script")),
        format!("<img src=x onerror=\"{}\">", run("img")),
        format!("<a href=\"javascript:{}\">a link</a>", run("href")),
        format!("<a href=\" JaVaScRiPt:{}\">another</a>", run("href-case")),
        format!(
            "<a href=\"&#106;avascript:{}\">entity</a>",
            run("href-entity")
        ),
        format!("<a href=\"java&#x09;script:{}\">tab</a>", run("href-tab")),
        format!(
            "<a href=\"data:text/html,<script>{}</script>\">data</a>",
            run("data")
        ),
        format!(
            "<p onclick=\"{}\" onmouseover=\"{}\" style=\"position:fixed;inset:0\">cover</p>",
            run("onclick"),
            run("hover")
        ),
        format!(
            "<iframe srcdoc=\"<script>parent.__pwned='{label}:iframe'</script>\"></iframe><iframe src=\"javascript:{}\"></iframe>",
            run("iframe-src")
        ),
        format!(
            "<object data=\"data:text/html,<script>parent.__pwned='{label}:object'</script>\"></object><embed src=\"javascript:{}\">",
            run("embed")
        ),
        format!(
            "<base href=\"javascript:{}//\"><form action=\"javascript:{}\"><button formaction=\"javascript:{}\">go</button><input autofocus onfocus=\"{}\"></form>",
            run("base"),
            run("form"),
            run("formaction"),
            run("input")
        ),
        format!(
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{}\">",
            run("meta")
        ),
        format!(
            "<svg onload=\"{}\"><script>{}</script><a xlink:href=\"javascript:{}\"><text>svg</text></a><animate onbegin=\"{}\" attributeName=\"x\" dur=\"1s\"/></svg>",
            run("svg-onload"),
            run("svg-script"),
            run("svg-link"),
            run("svg-animate")
        ),
        format!(
            "<style>@import 'javascript:{}'; *{{background:url(\"javascript:{}\")}}</style><span style=\"background:url(javascript:{})\">styled</span>",
            run("style-import"),
            run("style-url"),
            run("style-attr")
        ),
        // Mutation XSS: markup that parses one way and reserializes another.
        format!(
            "<math><mtext><table><mglyph><style><img src=x onerror=\"{}\">",
            run("mxss-math")
        ),
        format!(
            "<noscript><p title=\"</noscript><img src=x onerror={}>\">",
            run("mxss-noscript")
        ),
        format!(
            "<svg></p><style><a id=\"</style><img src=1 onerror={}>\">",
            run("mxss-svg")
        ),
        format!(
            "<form><math><mtext></form><form><mglyph><svg><mtext><style><path id=\"</style><img onerror={} src>\">",
            run("mxss-form")
        ),
        format!(
            "<details open ontoggle=\"{}\"><summary>s</summary></details>",
            run("toggle")
        ),
        format!(
            "<a href=\"https://ok.example/\" autofocus onfocus=\"{}\">focus</a>",
            run("focus")
        ),
        format!(
            "<template><img src=x onerror=\"{}\"></template><video><source onerror=\"{}\"></video><audio src=x onerror=\"{}\"></audio>",
            run("template"),
            run("video"),
            run("audio")
        ),
        format!(
            "<img srcset=\"javascript:{} 1x\" src=x><marquee onstart=\"{}\">m</marquee>",
            run("srcset"),
            run("marquee")
        ),
    ]
}

/// A text field's vector: markup that must show as text.
pub fn text_vector(label: &str) -> String {
    format!(
        "<img src=x onerror=\"{}\"><script>{}</script>",
        run(label),
        run(label)
    )
}

/// A URL field's vector: it must never become a live `href` or `src`.
fn bad_url(label: &str) -> String {
    format!("javascript:{}", run(label))
}

fn bad_data_url(label: &str) -> String {
    format!("data:text/html,<script>{}</script>", run(label))
}

/// Custom emoji with script URLs and a shortcode carrying markup, beside
/// a harmless one served by the hostile server itself.
fn emojis(origin: &str, label: &str) -> Value {
    json!([
        {"shortcode": "evil", "url": bad_url(&format!("{label}:emoji")), "static_url": bad_data_url(&format!("{label}:emoji-static"))},
        {"shortcode": format!("x\"><img src=x onerror=\"{}\">", run(&format!("{label}:shortcode"))), "url": format!("{origin}/media/x.png"), "static_url": ""},
        {"shortcode": "blobcat", "url": format!("{origin}/media/blobcat.png"), "static_url": format!("{origin}/media/blobcat.png")},
    ])
}

/// The display name every hostile account has: markup, shortcodes and a
/// word the test looks for.
pub fn display_name(who: &str) -> String {
    format!(
        "{} :evil: :blobcat: {who}",
        text_vector(&format!("{who}:name"))
    )
}

pub fn account(origin: &str, id: &str, who: &str) -> Value {
    json!({
        "id": id,
        "username": who,
        "acct": who,
        "display_name": display_name(who),
        "url": bad_url(&format!("{who}:url")),
        "avatar": bad_url(&format!("{who}:avatar")),
        "avatar_static": bad_data_url(&format!("{who}:avatar-static")),
        "header": bad_url(&format!("{who}:header")),
        "header_static": bad_data_url(&format!("{who}:header-static")),
        // The harmless text comes first: the unclosed vectors at the end
        // swallow whatever follows them.
        "note": format!("<p>note text</p>{}", html_vectors(&format!("{who}:note")).concat()),
        "fields": [
            {"name": text_vector(&format!("{who}:field-name")), "value": format!("<p>field value</p>{}", html_vectors(&format!("{who}:field")).concat()), "verified_at": "2026-11-01T00:00:00.000Z"},
            {"name": "Site", "value": format!("<a href=\"{}\" rel=\"me\">site</a>", bad_url(&format!("{who}:field-link"))), "verified_at": null},
        ],
        "emojis": emojis(origin, who),
        "followers_count": 1,
        "following_count": 2,
        "statuses_count": 3,
    })
}

/// One status: `content` as given, every other field hostile.
pub fn status(origin: &str, id: &str, content: &str) -> Value {
    let label = format!("status-{id}");
    json!({
        "id": id,
        "uri": bad_url(&format!("{label}:uri")),
        "url": bad_url(&format!("{label}:url")),
        "created_at": "2026-11-29T10:00:00.000Z",
        "content": format!("{content} :evil: :blobcat:"),
        "spoiler_text": "",
        "visibility": "public",
        "account": account(origin, "1", "mallory"),
        "media_attachments": [],
        "mentions": [{"id": "2", "username": "x", "acct": "x", "url": bad_url(&format!("{label}:mention"))}],
        "tags": [{"name": text_vector(&format!("{label}:tag")), "url": bad_url(&format!("{label}:tag-url"))}],
        "emojis": emojis(origin, &label),
        "in_reply_to_id": null,
    })
}

/// Attachments of every type, with hostile alt text and a mix of hostile
/// and harmless URLs: some load, some fall back to `remote_url`, some have
/// no usable URL and must still show their alt text.
fn media(origin: &str) -> Value {
    let safe = |name: &str| format!("{origin}/media/{name}");
    let alt = |kind: &str| format!("{} {kind} alt", text_vector(&format!("alt-{kind}")));
    let size =
        json!({"original": {"width": 640, "height": 360}, "small": {"width": 320, "height": 180}});
    json!([
        {"id": "m1", "type": "image", "url": safe("a.png"), "preview_url": bad_url("image-preview"), "remote_url": bad_url("image-remote"), "description": alt("image"), "meta": size},
        {"id": "m2", "type": "gifv", "url": bad_url("gifv"), "preview_url": bad_data_url("gifv-preview"), "remote_url": safe("b.mp4"), "description": alt("gifv"), "meta": size},
        {"id": "m3", "type": "video", "url": bad_data_url("video"), "preview_url": null, "remote_url": bad_url("video-remote"), "description": alt("video"), "meta": size},
        {"id": "m4", "type": "audio", "url": safe("c.mp3"), "preview_url": bad_url("audio-preview"), "description": alt("audio")},
        {"id": "m5", "type": "unknown", "url": safe("d.bin"), "description": alt("unknown")},
        {"id": "m6", "type": "image", "url": bad_url("image-2"), "remote_url": null, "description": alt("lost")},
    ])
}

/// The richest status: media of each type, a poll, a card, a quote and a
/// content warning, all hostile.
pub fn rich_status(origin: &str) -> Value {
    let mut status = status(origin, "500", &html_vectors("rich").concat());
    status["spoiler_text"] = json!(format!("{} warning", text_vector("cw")));
    status["sensitive"] = json!(true);
    status["media_attachments"] = media(origin);
    status["poll"] = json!({
        "id": "p1",
        "options": [
            {"title": format!("{} first option", text_vector("poll-1")), "votes_count": 2},
            {"title": format!("{} second option", text_vector("poll-2")), "votes_count": 1},
        ],
        "votes_count": 3,
        "expired": false,
    });
    status["card"] = json!({
        "url": format!("{origin}/article"),
        "title": format!("{} card title", text_vector("card-title")),
        "description": format!("{} card description", text_vector("card-description")),
        "image": bad_url("card-image"),
        "html": html_vectors("card-html").concat(),
        "embed_url": bad_url("card-embed"),
        "type": "video",
    });
    let mut quoted = self::status(origin, "501", &html_vectors("quoted").concat());
    quoted["account"] = account(origin, "3", "quoted");
    status["quote"] = json!({"state": "accepted", "quoted_status": quoted});
    status
}

/// A boost by an account whose display name is hostile.
pub fn boost(origin: &str) -> Value {
    let mut boost = status(origin, "600", "");
    boost["account"] = account(origin, "4", "booster");
    boost["reblog"] = status(origin, "601", "<p>boosted text</p>");
    boost
}

/// A card whose own URL is a script: the card must go, the post stay.
fn bad_card_status(origin: &str) -> Value {
    let mut status = status(origin, "700", "<p>a post with a bad card</p>");
    status["card"] = json!({"url": bad_url("card-url"), "title": "bad card", "image": bad_data_url("card-image-2")});
    status
}

/// The timeline: one status per HTML vector, then the boost, the rich
/// status and the bad card.
pub fn timeline(origin: &str) -> Value {
    let mut statuses: Vec<Value> = html_vectors("timeline")
        .iter()
        .enumerate()
        .map(|(index, vector)| status(origin, &(1000 - index).to_string(), vector))
        .collect();
    statuses.push(boost(origin));
    statuses.push(rich_status(origin));
    statuses.push(bad_card_status(origin));
    Value::Array(statuses)
}

pub fn context(origin: &str) -> Value {
    json!({
        "ancestors": [status(origin, "400", &html_vectors("ancestor").concat())],
        "descendants": [boost(origin), bad_card_status(origin)],
    })
}

pub fn search(origin: &str) -> Value {
    json!({
        "accounts": [account(origin, "1", "mallory"), account(origin, "4", "booster")],
        "statuses": [rich_status(origin), boost(origin)],
        "hashtags": [{"name": text_vector("hashtag"), "url": bad_url("hashtag-url"), "history": []}],
    })
}

pub fn instance() -> Value {
    json!({
        "title": format!("{} server title", text_vector("instance-title")),
        "version": "4.3.0",
        "description": html_vectors("instance").concat(),
        "short_description": text_vector("instance-short"),
        "source_url": bad_url("source"),
        "rules": [{"id": "1", "text": format!("{} rule text", text_vector("rule")), "hint": text_vector("hint")}],
        "configuration": {"statuses": {"max_characters": 500}},
    })
}

pub fn nodeinfo_links(origin: &str) -> Value {
    json!({"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": format!("{origin}/nodeinfo/2.0")}]})
}

pub fn nodeinfo() -> Value {
    json!({"version": "2.0", "software": {"name": text_vector("software"), "version": text_vector("software-version")}})
}
