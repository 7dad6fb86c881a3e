#!/usr/bin/env python3
"""Writes a synthetic archive of N articles for the build benchmarks.

Half the articles have YAML front matter, half TOML; each has about 700
words in several paragraphs with headings, emphasis, a list and a link,
three tags out of 200 and one or two authors out of 40. The same seed
gives the same archive.

Above 100,000 articles, paragraphs are drawn from a pool made once rather
than word by word: the articles keep their size and shape, and a million of
them are written in minutes instead of an hour.
"""
import os
import random
import sys

WORDS = (
    "harbour council ferry night crossing lighthouse keeper storm coast tide "
    "vote budget cannery workers shift island mainland road bridge school "
    "fishing boat quay market winter spring report inquiry mayor clerk "
    "gallery public meeting weather wind rain power cut radio station news "
    "letter editor reader volunteer archive mirror printing press paper"
).split()


def fresh_paragraph(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


paragraph = fresh_paragraph
POOL_ABOVE = 100_000


def pooled(rng):
    """A paragraph maker that picks among 1,000 made beforehand per length."""
    pools = {}

    def make(rng, words):
        pool = pools.get(words)
        if pool is None:
            pool = pools[words] = [fresh_paragraph(rng, words) for _ in range(1000)]
        return pool[rng.randrange(len(pool))]

    return make


def article(rng, index):
    tags = rng.sample([f"tag{n}" for n in range(200)], 3)
    authors = rng.sample([f"Author {n}" for n in range(40)], rng.choice([1, 2]))
    year = 2010 + index % 16
    date = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    title = f"Article {index}: {paragraph(rng, 6)[:-1]}"
    body = []
    for section in range(5):
        body.append(f"## Section {section + 1}\n")
        body.append(paragraph(rng, 60) + " *" + rng.choice(WORDS) + "* **" + rng.choice(WORDS) + "**.\n")
        body.append(paragraph(rng, 60) + f" See [the report](https://example.org/{index}/{section}).\n")
        body.append("- " + paragraph(rng, 6) + "\n- " + paragraph(rng, 6) + "\n")
    if index % 2 == 0:
        front = "---\n" + f'title: "{title}"\ndate: {date}\ntags: [{", ".join(tags)}]\nauthors: [{", ".join(authors)}]\ndescription: "{paragraph(rng, 12)}"\n' + "---\n"
    else:
        quoted = lambda items: ", ".join(f'"{item}"' for item in items)
        front = "+++\n" + f'title = "{title}"\ndate = {date}\ntags = [{quoted(tags)}]\nauthors = [{quoted(authors)}]\ndescription = "{paragraph(rng, 12)}"\n' + "+++\n"
    return front + "\n" + "\n".join(body)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    content = os.path.join(out, "content", "posts")
    os.makedirs(content, exist_ok=True)
    rng = random.Random(20261129)
    if count > POOL_ABOVE:
        global paragraph
        paragraph = pooled(rng)
    for index in range(count):
        with open(os.path.join(content, f"article-{index:06d}.md"), "w") as file:
            file.write(article(rng, index))
    with open(os.path.join(out, "site.toml"), "w") as file:
        # The newest article is from 2025: keep its signed manifest valid.
        file.write('title = "Bench"\nbase_url = "https://bench.example/"\npaginate = 10\nmanifest_valid_days = 36500\n')


if __name__ == "__main__":
    main()
