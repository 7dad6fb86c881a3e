#!/usr/bin/env python3
"""Writes a synthetic RSS 2.0 feed of N items, for bench/import.

  gen_feed.py N OUT   -> OUT/feed.xml

Each item has a title, a link on the feed's site, a permalink guid, an
RFC 822 date, an author, two categories, a summary, HTML content with
relative links, and every fourth an enclosure. The same N gives the same
feed.
"""
import datetime
import os
import random
import sys
from email.utils import format_datetime

SITE = "https://gazette.example"
WORDS = (
    "harbour council ferry night crossing lighthouse keeper storm coast tide "
    "vote budget cannery workers shift island mainland road bridge school"
).split()


def sentence(rng, count):
    text = " ".join(rng.choice(WORDS) for _ in range(count))
    return text[0].upper() + text[1:] + "."


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261202)
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    with open(os.path.join(out, "feed.xml"), "w", encoding="utf-8") as feed:
        feed.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"<title>The Harbour Gazette</title>\n<link>{SITE}/</link>\n"
            "<description>News from the harbour</description>\n<language>en</language>\n"
        )
        for index in range(count):
            when = start - datetime.timedelta(hours=6 * index)
            slug = f"item-{index}-" + "-".join(rng.choice(WORDS) for _ in range(3))
            link = f"{SITE}/{when:%Y/%m}/{slug}/"
            paragraphs = "".join(
                f'<p>{sentence(rng, 40)} See <a href="../../notes/{index}-{n}/">the notes</a>'
                f' and <img src="/media/{index}-{n}.jpg" alt="{sentence(rng, 3)}"></p>'
                for n in range(3)
            )
            enclosure = (
                f'<enclosure url="{SITE}/audio/{index}.mp3" length="4096" type="audio/mpeg"/>\n'
                if index % 4 == 0 else ""
            )
            feed.write(
                "<item>\n"
                f"<title>Item {index}: {sentence(rng, 5)[:-1]}</title>\n"
                f"<link>{link}</link>\n"
                f'<guid isPermaLink="true">{link}</guid>\n'
                f"<pubDate>{format_datetime(when)}</pubDate>\n"
                f"<dc:creator>Writer {index % 12}</dc:creator>\n"
                f"<category>Section {index % 20}</category><category>Tag {index % 300}</category>\n"
                f"<description>{sentence(rng, 15)}</description>\n"
                f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>\n"
                f"{enclosure}</item>\n"
            )
        feed.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
