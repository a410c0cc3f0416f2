#!/usr/bin/env python3
"""Quick pre-check for transcribers: every quoted field in a content file must occur, after whitespace,
quote-mark and dash folding, in the archived snapshot text. The build's quote verifier is the authority
(it is a little more lenient: it also joins words hyphenated across lines); this is a stricter first pass.

usage: tools/quotecheck.py SNAPSHOT.txt FILE.yml|FILE.md [...]
"""
import re, sys, unicodedata, yaml

QUOTE_KEYS = {"text", "quote", "description", "cause", "affected", "mitigations", "owners", "outcomes",
              "owner", "categoryText"}

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    s = re.sub(r"(?<=[A-Za-z])-\s*(?=[A-Za-z])", "", s)
    return re.sub(r"\s+", " ", s).strip()

def load(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".md"):
        raw = raw.split("---")[1]
    return yaml.safe_load(raw)

def walk(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v, key)
    elif isinstance(node, str) and key in QUOTE_KEYS:
        yield key, node

snapshot = norm(open(sys.argv[1], encoding="utf-8").read())
bad = 0
for path in sys.argv[2:]:
    for key, value in walk(load(path)):
        if norm(value) not in snapshot:
            bad += 1
            print(f"{path}: {key}: NOT FOUND: {value[:100]}")
print("all quotes found" if bad == 0 else f"{bad} quote(s) not found")
sys.exit(1 if bad else 0)
