#!/usr/bin/env python3
"""Writes a synthetic WordPress export (WXR 1.2) of N published posts, and
the wp-content/uploads folder it refers to, for bench/import.

  gen_wxr.py N OUT   -> OUT/export.xml and OUT/uploads/YYYY/MM/...

The export has what a real one has: the channel's site facts, authors,
categories and tags; posts from the classic editor (bare paragraphs for
wpautop) and from the block editor (Gutenberg comments); [caption],
[gallery], [embed] and [audio] shortcodes; categories and tags on each
post; approved comments; a featured image (_thumbnail_id) per post, its
attachment item after the post as WordPress numbers them; a few pages,
drafts and private posts. Each attachment's file exists under uploads/,
a few bytes long. The same N gives the same export.
"""
import datetime
import os
import random
import sys
from xml.sax.saxutils import escape

SITE = "https://harbour.example"
WORDS = (
    "harbour council ferry night crossing lighthouse keeper storm coast tide "
    "vote budget cannery workers shift island mainland road bridge school "
    "fishing boat quay market winter spring report inquiry mayor clerk "
    "gallery public meeting weather wind rain power cut radio station news"
).split()
AUTHORS = [(f"writer{n}", f"Writer {n}") for n in range(12)]
CATEGORIES = [(f"section-{n}", f"Section {n}") for n in range(20)]
TAGS = [(f"tag-{n}", f"Tag {n}") for n in range(300)]


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


class Export:
    def __init__(self, out, rng):
        self.out, self.rng, self.next_id = out, rng, 1
        self.file = open(os.path.join(out, "export.xml"), "w", encoding="utf-8")

    def new_id(self):
        self.next_id += 1
        return self.next_id

    def write(self, text):
        self.file.write(text)

    def head(self):
        self.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            '<rss version="2.0"\n'
            '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n'
            "\t<title>The Harbour Gazette</title>\n"
            f"\t<link>{SITE}</link>\n"
            "\t<description>News from the harbour</description>\n"
            "\t<pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate>\n"
            "\t<language>en-GB</language>\n"
            "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"\t<wp:base_site_url>{SITE}</wp:base_site_url>\n"
            f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number, (login, name) in enumerate(AUTHORS, 1):
            self.write(
                f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
                f"<wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(login + '@harbour.example')}</wp:author_email>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata('')}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata('')}</wp:author_last_name></wp:author>\n"
            )
        for number, (slug, name) in enumerate(CATEGORIES, 1):
            self.write(
                f"\t<wp:category><wp:term_id>{number}</wp:term_id>"
                f"<wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
                f"<wp:category_parent>{cdata('')}</wp:category_parent>"
                f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
            )
        for number, (slug, name) in enumerate(TAGS, 100):
            self.write(
                f"\t<wp:tag><wp:term_id>{number}</wp:term_id>"
                f"<wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
            )
        self.write("\t<generator>https://wordpress.org/?v=6.4.2</generator>\n")

    def upload(self, year, month, name):
        """The file under uploads/, and its URL on the old site."""
        relative = f"{year}/{month:02d}/{name}"
        path = os.path.join(self.out, "uploads", str(year), f"{month:02d}")
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, name), "wb") as file:
            file.write(b"\xff\xd8\xff\xe0 bench image " + name.encode() + b"\xff\xd9")
        return relative, f"{SITE}/wp-content/uploads/{relative}"

    def item(self, post_id, kind, status, title, slug, when, body, author, extra=""):
        year, month, day, hour = when
        local = f"{year}-{month:02d}-{day:02d} {hour:02d}:15:00"
        gmt = f"{year}-{month:02d}-{day:02d} {hour - 1:02d}:15:00"
        link = f"{SITE}/{year}/{month:02d}/{slug}/" if kind == "post" else f"{SITE}/{slug}/"
        weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][datetime.date(year, month, day).weekday()]
        month_name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        self.write(
            "\t<item>\n"
            f"\t\t<title>{cdata(title)}</title>\n"
            f"\t\t<link>{escape(link)}</link>\n"
            f"\t\t<pubDate>{weekday}, {day:02d} {month_name} {year} {hour - 1:02d}:15:00 +0000</pubDate>\n"
            f"\t\t<dc:creator>{cdata(author)}</dc:creator>\n"
            f'\t\t<guid isPermaLink="false">{SITE}/?p={post_id}</guid>\n'
            "\t\t<description></description>\n"
            f"\t\t<content:encoded>{cdata(body)}</content:encoded>\n"
            f"\t\t<excerpt:encoded>{cdata(sentence(self.rng, 14) if post_id % 4 == 0 else '')}</excerpt:encoded>\n"
            f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
            f"\t\t<wp:post_date>{cdata(local)}</wp:post_date>\n"
            f"\t\t<wp:post_date_gmt>{cdata(gmt if status != 'draft' else '0000-00-00 00:00:00')}</wp:post_date_gmt>\n"
            f"\t\t<wp:post_modified>{cdata(local)}</wp:post_modified>\n"
            f"\t\t<wp:post_modified_gmt>{cdata(gmt)}</wp:post_modified_gmt>\n"
            f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n"
            f"\t\t<wp:ping_status>{cdata('open')}</wp:ping_status>\n"
            f"\t\t<wp:post_name>{cdata(slug if status != 'draft' else '')}</wp:post_name>\n"
            f"\t\t<wp:status>{cdata(status)}</wp:status>\n"
            f"\t\t<wp:post_parent>0</wp:post_parent>\n"
            "\t\t<wp:menu_order>0</wp:menu_order>\n"
            f"\t\t<wp:post_type>{cdata(kind)}</wp:post_type>\n"
            f"\t\t<wp:post_password>{cdata('')}</wp:post_password>\n"
            f"\t\t<wp:is_sticky>{1 if post_id % 997 == 0 else 0}</wp:is_sticky>\n"
            f"{extra}\t</item>\n"
        )

    def attachment(self, attachment_id, parent_id, when, name, author):
        year, month, day, hour = when
        relative, url = self.upload(year, month, name)
        stamp = f"{year}-{month:02d}-{day:02d} {hour:02d}:10:00"
        self.write(
            "\t<item>\n"
            f"\t\t<title>{cdata(name.rsplit('.', 1)[0])}</title>\n"
            f"\t\t<link>{SITE}/?attachment_id={attachment_id}</link>\n"
            f"\t\t<dc:creator>{cdata(author)}</dc:creator>\n"
            f'\t\t<guid isPermaLink="false">{escape(url)}</guid>\n'
            "\t\t<description></description>\n"
            f"\t\t<content:encoded>{cdata('')}</content:encoded>\n"
            f"\t\t<excerpt:encoded>{cdata('A caption')}</excerpt:encoded>\n"
            f"\t\t<wp:post_id>{attachment_id}</wp:post_id>\n"
            f"\t\t<wp:post_date>{cdata(stamp)}</wp:post_date>\n"
            f"\t\t<wp:post_date_gmt>{cdata(stamp)}</wp:post_date_gmt>\n"
            f"\t\t<wp:post_name>{cdata(name.rsplit('.', 1)[0])}</wp:post_name>\n"
            f"\t\t<wp:status>{cdata('inherit')}</wp:status>\n"
            f"\t\t<wp:post_parent>{parent_id}</wp:post_parent>\n"
            f"\t\t<wp:post_type>{cdata('attachment')}</wp:post_type>\n"
            f"\t\t<wp:attachment_url>{cdata(url)}</wp:attachment_url>\n"
            f"\t\t<wp:postmeta><wp:meta_key>{cdata('_wp_attached_file')}</wp:meta_key>"
            f"<wp:meta_value>{cdata(relative)}</wp:meta_value></wp:postmeta>\n"
            "\t</item>\n"
        )
        return url

    def close(self):
        self.write("</channel>\n</rss>\n")
        self.file.close()


def comments(rng, post_id, when):
    year, month, day, hour = when
    text = ""
    for number in range(rng.choice([0, 0, 1, 2, 3])):
        stamp = f"{year}-{month:02d}-{day:02d} {hour:02d}:{30 + number:02d}:00"
        text += (
            "\t\t<wp:comment>\n"
            f"\t\t\t<wp:comment_id>{post_id * 10 + number}</wp:comment_id>\n"
            f"\t\t\t<wp:comment_author>{cdata(f'Reader {rng.randrange(500)}')}</wp:comment_author>\n"
            f"\t\t\t<wp:comment_author_email>{cdata('reader@mail.example')}</wp:comment_author_email>\n"
            f"\t\t\t<wp:comment_author_url>{cdata('')}</wp:comment_author_url>\n"
            f"\t\t\t<wp:comment_author_IP>{cdata('192.0.2.1')}</wp:comment_author_IP>\n"
            f"\t\t\t<wp:comment_date>{cdata(stamp)}</wp:comment_date>\n"
            f"\t\t\t<wp:comment_date_gmt>{cdata(stamp)}</wp:comment_date_gmt>\n"
            f"\t\t\t<wp:comment_content>{cdata(sentence(rng, 20))}</wp:comment_content>\n"
            f"\t\t\t<wp:comment_approved>{cdata('1')}</wp:comment_approved>\n"
            f"\t\t\t<wp:comment_type>{cdata('comment')}</wp:comment_type>\n"
            f"\t\t\t<wp:comment_parent>{post_id * 10 + number - 1 if number else 0}</wp:comment_parent>\n"
            "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n"
            "\t\t</wp:comment>\n"
        )
    return text


def body(rng, index, featured, gallery_ids):
    """Classic-editor text (blank lines for wpautop) or block-editor HTML."""
    paragraphs = [sentence(rng, 50) + f' See <a href="{SITE}/{2010 + index % 14}/01/report-{index}/">the report</a>.'
                  for _ in range(4)]
    caption = (f'[caption id="attachment_{featured[0]}" align="aligncenter" width="640"]'
               f'<img class="size-large wp-image-{featured[0]}" src="{featured[1]}" alt="{sentence(rng, 4)}" width="640" height="480" /> '
               f"{sentence(rng, 6)}[/caption]")
    extras = [caption]
    if gallery_ids:
        extras.append(f'[gallery ids="{",".join(map(str, gallery_ids))}" columns="2"]')
    if index % 7 == 0:
        extras.append("[embed]https://video.example/watch?v=bench" + str(index) + "[/embed]")
    if index % 11 == 0:
        extras.append(f'[audio mp3="{SITE}/wp-content/uploads/audio/show-{index}.mp3"][/audio]')
    if index % 2 == 0:
        return "\n\n".join(paragraphs[:2] + extras + paragraphs[2:])
    blocks = [f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->" for text in paragraphs[:2]]
    blocks += [f"<!-- wp:shortcode -->\n{extra}\n<!-- /wp:shortcode -->" for extra in extras]
    blocks += [f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->" for text in paragraphs[2:]]
    return "\n\n".join(blocks)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261202)
    export = Export(out, rng)
    export.head()
    drafts, privates, pages = count // 200, count // 500, 10
    for index in range(count + drafts + privates):
        status = "publish"
        if index >= count:
            status = "draft" if index < count + drafts else "private"
        post_id = export.new_id()
        when = (2010 + index % 14, 1 + index % 12, 1 + index % 28, 8 + index % 12)
        author = rng.choice(AUTHORS)[0]
        featured_id = export.new_id()
        featured_url = f"{SITE}/wp-content/uploads/{when[0]}/{when[1]:02d}/photo-{index}.jpg"
        gallery_ids = [export.new_id(), export.new_id()] if index % 5 == 0 else []
        title = f"Post {index}: {sentence(rng, 5)[:-1]}"
        slug = f"post-{index}-" + "-".join(title.split()[2:5]).lower()
        terms = "".join(
            f'\t\t<category domain="category" nicename="{slug_}">{cdata(name)}</category>\n'
            for slug_, name in rng.sample(CATEGORIES, 2)
        ) + "".join(
            f'\t\t<category domain="post_tag" nicename="{slug_}">{cdata(name)}</category>\n'
            for slug_, name in rng.sample(TAGS, 3)
        )
        meta = (f"\t\t<wp:postmeta><wp:meta_key>{cdata('_thumbnail_id')}</wp:meta_key>"
                f"<wp:meta_value>{cdata(str(featured_id))}</wp:meta_value></wp:postmeta>\n")
        text = body(rng, index, (featured_id, featured_url), gallery_ids)
        export.item(post_id, "post", status, title, slug, when, text, author,
                    terms + meta + comments(rng, post_id, when))
        export.attachment(featured_id, post_id, when, f"photo-{index}.jpg", author)
        for number, attachment_id in enumerate(gallery_ids):
            export.attachment(attachment_id, post_id, when, f"gallery-{index}-{number}.jpg", author)
    for number in range(pages):
        page_id = export.new_id()
        export.item(page_id, "page", "publish", f"Page {number}", f"page-{number}",
                    (2015, 1 + number, 1, 10), "\n\n".join(sentence(rng, 40) for _ in range(3)),
                    AUTHORS[0][0])
    export.close()


if __name__ == "__main__":
    main()
