//! outbox.json, actor.json and filters.json against Mastodon's shapes.

use super::*;

#[test]
fn the_outbox_addresses_each_post_as_mastodon_does() {
    let plan = export_files(&sample());
    let outbox = file(&plan, "outbox.json");
    assert_eq!(outbox["type"], "OrderedCollection");
    assert_eq!(outbox["totalItems"], 6);
    let items = outbox["orderedItems"].as_array().unwrap();
    let by_id = |id: &str| {
        items
            .iter()
            .find(|item| {
                item["published"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("2026-01-0{id}"))
            })
            .unwrap()
    };
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let followers = "https://a.example/users/ada/followers";
    let bob = "https://b.example/users/bob";
    let public_post = by_id("1");
    assert_eq!(public_post["type"], "Create");
    assert_eq!(strings(&public_post["to"]), [public]);
    assert_eq!(strings(&public_post["cc"]), [followers, bob]);
    assert_eq!(strings(&by_id("2")["to"]), [followers]);
    assert_eq!(strings(&by_id("2")["cc"]), [public, bob]);
    assert_eq!(strings(&by_id("6")["to"]), [followers]);
    assert_eq!(strings(&by_id("6")["cc"]), [bob]);
    assert_eq!(strings(&by_id("3")["to"]), [bob]);
    assert!(by_id("3")["cc"].as_array().unwrap().is_empty());
    // Oldest first, as in Mastodon's archive.
    assert_eq!(
        items[0]["object"]["id"],
        "https://a.example/users/ada/statuses/1"
    );
}

#[test]
fn notes_carry_warning_language_tags_and_archived_media() {
    let plan = export_files(&sample());
    let outbox = file(&plan, "outbox.json");
    let items = outbox["orderedItems"].as_array().unwrap();
    let note = &items[0]["object"];
    assert_eq!(note["type"], "Note");
    assert_eq!(note["summary"], "spoilers");
    assert_eq!(note["sensitive"], true);
    assert_eq!(note["contentMap"]["en"], "<p>post 1</p>");
    assert_eq!(note["attributedTo"], "https://a.example/users/ada");
    assert_eq!(note["tag"][0]["name"], "@bob@b.example");
    assert_eq!(note["tag"][1]["href"], "https://a.example/tags/rust");
    assert!(items[1]["object"]["summary"].is_null());
    assert!(items[1]["object"].get("contentMap").is_none());

    let kept = &note["attachment"][0];
    assert_eq!(kept["type"], "Document");
    assert_eq!(kept["mediaType"], "image/jpeg");
    assert_eq!(kept["name"], "A cat");
    let path = kept["url"].as_str().unwrap();
    assert!(path.starts_with("/media_attachments/files/000/000/555/original/"));
    let wanted = StoredFile {
        path: path.trim_start_matches('/').into(),
        key: "media/555".into(),
    };
    assert!(plan.stored.contains(&wanted));
    // A file the backup never got keeps its old address.
    assert_eq!(
        note["attachment"][1]["url"],
        "https://files.a.example/m/lost.png"
    );
    assert!(!plan.stored.iter().any(|s| s.key == "media/556"));
}

#[test]
fn boosts_are_announces_and_polls_are_questions() {
    let plan = export_files(&sample());
    let outbox = file(&plan, "outbox.json");
    let items = outbox["orderedItems"].as_array().unwrap();
    let boost = items
        .iter()
        .find(|item| item["type"] == "Announce")
        .unwrap();
    assert_eq!(boost["object"], "https://b.example/users/bob/statuses/9");
    assert_eq!(
        boost["id"],
        "https://a.example/users/ada/statuses/4/activity"
    );
    let poll = &items.last().unwrap()["object"];
    assert_eq!(poll["type"], "Question");
    assert_eq!(poll["oneOf"][1]["name"], "no");
}

#[test]
fn the_actor_points_at_the_archived_avatar() {
    let plan = export_files(&sample());
    let actor = file(&plan, "actor.json");
    assert_eq!(actor["type"], "Service");
    assert_eq!(actor["preferredUsername"], "ada");
    assert_eq!(actor["summary"], "<p>Counts &amp; computes</p>");
    assert_eq!(actor["attachment"][0]["type"], "PropertyValue");
    assert_eq!(actor["attachment"][0]["value"], "https://ada.example");
    assert_eq!(actor["icon"]["url"], "avatar.png");
    assert!(
        actor.get("image").is_none(),
        "Mastodon's stand-in is left out"
    );
    let avatar = StoredFile {
        path: "avatar.png".into(),
        key: "avatar".into(),
    };
    assert!(plan.stored.contains(&avatar));
    assert_eq!(
        strings(&file(&plan, "bookmarks.json")["orderedItems"]).len(),
        1
    );
}

#[test]
fn filters_are_written_in_both_of_mastodons_shapes() {
    let plan = export_files(&sample());
    assert_eq!(file(&plan, "filters.json")[0]["filter_action"], "warn");
    let own = file(&plan, "custom_filters.json");
    assert_eq!(own["custom_filters"][0]["action"], "warn");
    assert_eq!(
        own["custom_filters"][0]["keywords_attributes"][0]["keyword"],
        "finale"
    );
}
