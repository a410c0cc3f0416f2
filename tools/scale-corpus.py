#!/usr/bin/env python3
"""Writes a synthetic content folder of N entries (default 10,000) for measuring the build at scale.

    python3 tools/scale-corpus.py /tmp/scale/content 10000
    dotnet run -c Release --project src/Chronology.Cli -- build --content /tmp/scale/content --output /tmp/scale/_site --timings

The text is random words, never real content: it exists only to be built. Sources are one per ten entries,
organisations 50, tags 30; each entry has two citations with page locators and no quotes.
"""
import os
import random
import sys

target = sys.argv[1] if len(sys.argv) > 1 else "/tmp/scale/content"
entries = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
sources, organisations = max(1, entries // 10), 50
random.seed(1)
words = "police health mental service review network programme trust patient officer model spread evidence report".split()

for folder in ("entries", "sources", "organisations"):
    os.makedirs(os.path.join(target, folder), exist_ok=False)
with open(os.path.join(target, "site.yml"), "w") as f:
    f.write("title: Scale test\ndescription: Synthetic content for measuring the build.\n")
for o in range(organisations):
    with open(os.path.join(target, "organisations", f"org-{o}.yml"), "w") as f:
        f.write(f"name: Organisation {o}\ndescription: Synthetic organisation {o}.\n")
for s in range(sources):
    with open(os.path.join(target, "sources", f"src-{s}.yml"), "w") as f:
        f.write(f"title: Source {s}\npublisher: Publisher {s % 20}\ntype: report\ndate: {2000 + s % 24}\n"
                f"noUrlReason: Synthetic.\norganisations: [org-{s % organisations}]\n")
for e in range(entries):
    year, month = 2000 + e % 24, 1 + e % 12
    body = " ".join(random.choice(words) for _ in range(80))
    cites = "".join(f"  - source: src-{(e * 7 + k) % sources}\n    locator: page {1 + k}\n" for k in range(2))
    with open(os.path.join(target, "entries", f"{year}-{month:02d}-entry-{e}.md"), "w") as f:
        f.write(f"---\ndate: {year}-{month:02d}\ntitle: Entry {e} about {random.choice(words)}\n"
                f"organisations: [org-{e % organisations}]\ntags: [tag-{e % 30}]\ncitations:\n{cites}---\n{body}\n")
