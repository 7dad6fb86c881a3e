#!/usr/bin/env python3
"""Writes a synthetic Mastodon archive ("Request your archive") of N
posts, as a zip, for bench/import.

  gen_mastodon.py N OUT   -> OUT/archive.zip

Laid out as Mastodon writes it: outbox.json (an OrderedCollection of
Create activities of Note and Question, and Announce activities for
boosts), actor.json (the account, with avatar and header), likes.json,
bookmarks.json, and media_attachments/files/NNN/NNN/NNN/original/NAME
with the files the posts attach. Posts carry hashtags, content warnings
(summary + sensitive), alt text on media, polls, replies threading under
the author's own earlier posts, and each visibility through to/cc
(public, unlisted, followers-only, direct). Media URLs take both forms
found in real archives: with a leading `/` and without. The same N gives
the same archive.
"""
import json
import os
import random
import sys
import zipfile

HOST = "https://social.example"
ACTOR = f"{HOST}/users/alice"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
FOLLOWERS = f"{ACTOR}/followers"
WORDS = (
    "harbour council ferry night crossing lighthouse keeper storm coast tide "
    "vote budget cannery workers shift island mainland road bridge school "
    "fishing boat quay market winter spring report inquiry mayor clerk"
).split()
TAGS = [f"tag{n}" for n in range(150)]
CONTEXT = [
    "https://www.w3.org/ns/activitystreams",
    {
        "ostatus": "http://ostatus.org#",
        "atomUri": "ostatus:atomUri",
        "inReplyToAtomUri": "ostatus:inReplyToAtomUri",
        "conversation": "ostatus:conversation",
        "sensitive": "as:sensitive",
        "toot": "http://joinmastodon.org/ns#",
        "votersCount": "toot:votersCount",
        "blurhash": "toot:blurhash",
        "focalPoint": {"@container": "@list", "@id": "toot:focalPoint"},
        "Hashtag": "as:Hashtag",
    },
]


def words(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


def stamp(index):
    day = index // 8
    return f"{2019 + day // 336:04d}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T{8 + index % 8:02d}:{index % 60:02d}:00Z"


def addressing(kind, mentioned):
    if kind == "public":
        return [PUBLIC], [FOLLOWERS]
    if kind == "unlisted":
        return [FOLLOWERS], [PUBLIC]
    if kind == "private":
        return [FOLLOWERS], [mentioned] if mentioned else []
    return [mentioned], []


def note(rng, index, status_id, zipped, own_ids):
    published = stamp(index)
    tags = rng.sample(TAGS, rng.choice([0, 1, 2, 3]))
    text = words(rng, rng.randrange(8, 60))
    links = " ".join(
        f'<a href="{HOST}/tags/{tag}" class="mention hashtag" rel="tag">#<span>{tag}</span></a>' for tag in tags
    )
    content = f"<p>{text}</p><p>{links}</p>" if tags else f"<p>{text}</p>"
    kind = "public"
    if index % 10 == 7:
        kind = "unlisted"
    elif index % 50 == 13:
        kind = "private"
    elif index % 100 == 31:
        kind = "direct"
    mentioned = f"{HOST}/users/bob" if kind in ("private", "direct") else None
    to, cc = addressing(kind, mentioned)
    reply_to = None
    if index % 6 == 5 and own_ids:
        reply_to = f"{ACTOR}/statuses/{rng.choice(own_ids[-20:])}"
    elif index % 23 == 0:
        reply_to = f"https://other.example/users/carol/statuses/{100000 + index}"
    warning = words(rng, 3).capitalize() if index % 9 == 4 else None
    attachments = []
    for number in range(2 if index % 4 == 0 else 0):
        a, b, c = 100 + index // 1000, index // 10 % 1000, index % 1000 * 10 + number
        name = f"{status_id:x}{number}.jpg"
        path = f"media_attachments/files/{a:03d}/{b:03d}/{c:03d}/original/{name}"
        zipped.append((path, b"\xff\xd8\xff\xe0 bench media " + name.encode() + b"\xff\xd9"))
        attachments.append({
            "type": "Document",
            "mediaType": "image/jpeg",
            # Real archives hold both forms.
            "url": "/" + path if index % 3 else path,
            "name": words(rng, 5) if number == 0 else None,
            "blurhash": "UBL_:rOpGG-;~qRjWBay",
            "focalPoint": [0.0, 0.0],
            "width": 640,
            "height": 480,
        })
    object_ = {
        "id": f"{ACTOR}/statuses/{status_id}",
        "type": "Note",
        "summary": warning,
        "inReplyTo": reply_to,
        "published": published,
        "url": f"{HOST}/@alice/{status_id}",
        "attributedTo": ACTOR,
        "to": to,
        "cc": cc,
        "sensitive": warning is not None or index % 31 == 0,
        "atomUri": f"{ACTOR}/statuses/{status_id}",
        "inReplyToAtomUri": reply_to,
        "conversation": f"tag:social.example,{published[:10]}:objectId={status_id}:objectType=Conversation",
        "content": content,
        "contentMap": {"en": content},
        "attachment": attachments,
        "tag": [{"type": "Hashtag", "href": f"{HOST}/tags/{tag}", "name": f"#{tag}"} for tag in tags],
        "replies": {
            "id": f"{ACTOR}/statuses/{status_id}/replies",
            "type": "Collection",
            "first": {"type": "CollectionPage", "next": f"{ACTOR}/statuses/{status_id}/replies?only_other_accounts=true&page=true",
                      "partOf": f"{ACTOR}/statuses/{status_id}/replies", "items": []},
        },
    }
    if mentioned:
        object_["tag"].append({"type": "Mention", "href": mentioned, "name": "@bob"})
    if index % 40 == 19:
        object_["type"] = "Question"
        object_["endTime"] = published[:8] + "28T23:00:00Z"
        object_["closed"] = object_["endTime"]
        object_["votersCount"] = rng.randrange(50)
        object_["oneOf"] = [
            {"type": "Note", "name": words(rng, 2), "replies": {"type": "Collection", "totalItems": rng.randrange(30)}}
            for _ in range(rng.choice([2, 3, 4]))
        ]
    return {
        "id": f"{ACTOR}/statuses/{status_id}/activity",
        "type": "Create",
        "actor": ACTOR,
        "published": published,
        "to": to,
        "cc": cc,
        "object": object_,
    }


def boost(index, status_id):
    return {
        "id": f"{ACTOR}/statuses/{status_id}/activity",
        "type": "Announce",
        "actor": ACTOR,
        "published": stamp(index),
        "to": [PUBLIC],
        "cc": [f"https://other.example/users/carol", FOLLOWERS],
        "object": f"https://other.example/users/carol/statuses/{200000 + index}",
    }


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261202)
    zipped, items, own_ids = [], [], []
    boosts = count // 10
    for index in range(count + boosts):
        status_id = 105000000000000000 + index * 1000
        if index % 11 == 10 and boosts:
            boosts -= 1
            items.append(boost(index, status_id))
            continue
        items.append(note(rng, index, status_id, zipped, own_ids))
        own_ids.append(status_id)
    outbox = {
        "@context": CONTEXT,
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }
    actor = {
        "@context": CONTEXT,
        "id": ACTOR,
        "type": "Person",
        "following": f"{ACTOR}/following",
        "followers": FOLLOWERS,
        "inbox": f"{ACTOR}/inbox",
        "outbox": "outbox.json",
        "preferredUsername": "alice",
        "name": "Alice Harbour",
        "summary": "<p>Notes from the harbour.</p>",
        "url": f"{HOST}/@alice",
        "published": "2019-01-01T00:00:00Z",
        "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
        "image": {"type": "Image", "mediaType": "image/jpeg", "url": "header.jpg"},
        "likes": "likes.json",
        "bookmarks": "bookmarks.json",
    }
    with zipfile.ZipFile(os.path.join(out, "archive.zip"), "w") as archive:
        def put(name, data, compress=zipfile.ZIP_DEFLATED):
            # A fixed time in each entry keeps the archive the same byte for byte.
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compress
            archive.writestr(info, data)

        put("outbox.json", json.dumps(outbox, ensure_ascii=False))
        put("actor.json", json.dumps(actor, ensure_ascii=False))
        for name in ("likes.json", "bookmarks.json"):
            put(name, json.dumps({"@context": CONTEXT, "id": name, "type": "OrderedCollection", "orderedItems": []}))
        put("avatar.png", b"\x89PNG bench avatar", zipfile.ZIP_STORED)
        put("header.jpg", b"\xff\xd8\xff\xe0 bench header\xff\xd9", zipfile.ZIP_STORED)
        for path, data in zipped:
            put(path, data, zipfile.ZIP_STORED)

if __name__ == "__main__":
    main()
