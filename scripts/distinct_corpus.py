#!/usr/bin/env python3
"""Distinct articles at any scale, made from the PolNeAR train split.

    scripts/distinct_corpus.py TRAIN_JSONL K OUT_JSONL

Writes K x 840 articles as JSONL (`id`, `text`, `date`, `url`). Round 0 is
the train split as it is; every later round k is a new set of 840 articles
from new outlets, one per train article, deterministically (no random
state: hashes of the round and the word):

- names are replaced: every capitalised word that is not the first word of
  a sentence (Trump, Clinton, Carson, Milwaukee …) becomes a made-up name
  of the same shape, chosen by a hash of (round, word), everywhere in the
  article (sentence-initial and inside quotes too);
- content words are replaced: every word of four letters or more that is
  neither one of the engine's pattern words (the lists in
  crates/core/data/ and crates/dedup/data/: cues, speaker nouns, titles,
  function words, generic words …) nor one of the split's 100 most frequent
  words becomes another content word of the split, chosen by a hash of
  (round, word), capitalisation kept; inside quotation marks only the
  function words (crates/core/data/function_words.txt) and the 100 most
  frequent words are kept (a quote's words are not patterns to the engine,
  and a speech quote made of cue and generic words would otherwise be the
  same quote in every round);
- numbers change: every run of digits gets the round added to it
  (`1,600` -> `1,603`, `2015` -> `2018`);
- each source gets a new URL host per round (`nyt-r3.example`).

A word or name keeps one replacement in the whole round, so a round has the
cross-document structure of the split itself (the same quote carried by
two outlets, an outlet's own furniture, updated versions of one story) and
nothing else: a quote keeps its speaker wherever it is repeated, and no
sentence of one round is a near copy of a sentence of another (they share
only function and pattern words). Quote marks, cues, pronouns, titles and
paragraphs are untouched, so the engine sees articles of the same shape.
Used by scripts/bench-findings.sh (`QC_DISTINCT`) for report CPU per MB and
peak memory from x1 to x100 (docs/performance.md).

(Before, later rounds also swapped one paragraph in three for another
article's and kept every lower-case word: a swapped paragraph kept its
quote under another round's made-up speaker name, and quotes without a
name or number were the same in every round — planted conflicting
attributions and repeated claims that grew with the square of K.)
"""
import collections
import hashlib
import json
import pathlib
import re
import sys

SYLLABLES = ["ka", "lo", "mer", "vin", "tas", "dor", "bel", "ri", "san", "tu",
             "ne", "gar", "fen", "os", "lim", "wa", "zel", "ha", "cor", "pi"]
NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
DIGITS = re.compile(r"\d+")
WORD = re.compile(r"[A-Za-z]+")
ROOT = pathlib.Path(__file__).resolve().parent.parent
PATTERN_LISTS = list((ROOT / "crates/core/data").glob("*.t*")) + [
    ROOT / "crates/dedup/data/findings_rules.txt"]
TOP_WORDS = 100
MIN_LEN = 4


def h(*parts):
    return int.from_bytes(hashlib.blake2b("\x1f".join(map(str, parts)).encode(),
                                          digest_size=8).digest(), "little")


def made_up(word, k):
    """A made-up name of about the length of `word`, fixed for (k, word)."""
    x = h("name", k, word)
    n = max(2, min(4, (len(word) + 1) // 3))
    out = ""
    for _ in range(n):
        out += SYLLABLES[x % len(SYLLABLES)]
        x //= len(SYLLABLES)
    return out.capitalize()


# Quotations: curly, straight and the NYT's doubled apostrophes
# ('''There's …,'' Ms. Smith said).
QUOTED = re.compile(r'“[^”\n]{1,2000}”|"[^"\n]{1,2000}"'
                    r"|''(?:[^'\n]|'(?!'))+''")


def kept_words(docs):
    """Words never replaced: the engine's pattern words and the split's most
    frequent words (function words); and those kept inside quotes."""
    kept = set()
    for path in PATTERN_LISTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                kept.update(w.lower() for w in WORD.findall(line))
    counts = collections.Counter(w.lower() for d in docs for w in WORD.findall(d["text"]))
    top = {w for w, _ in counts.most_common(TOP_WORDS)}
    kept |= top
    in_quotes = top | {w.lower() for line in (ROOT / "crates/core/data/function_words.txt")
                       .read_text(encoding="utf-8").splitlines()
                       if not line.startswith("#") for w in WORD.findall(line)}
    vocab = sorted(w for w, n in counts.items()
                   if n >= 2 and len(w) >= MIN_LEN and w not in kept and w.isalpha())
    return (kept, in_quotes), vocab


def article(d, k, kept, vocab):
    text = d["text"]
    # Every occurrence of a name, sentence-initial ones included.
    names = sorted(set(NAME.findall(text)), key=len, reverse=True)
    made = set()
    if names:
        every = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")

        def rename(m):
            new = made_up(m.group(0), k)
            made.add(new)
            return new
        text = every.sub(rename, text)

    def word(m, kept=kept[0]):
        w = m.group(0)
        low = w.lower()
        if len(w) < MIN_LEN or low in kept or w in made:
            return w
        new = vocab[h("word", k, low) % len(vocab)]
        if w.isupper() and len(w) > 1:
            return new.upper()
        return new.capitalize() if w[0].isupper() else new
    in_quotes = kept[1]
    text = QUOTED.sub(lambda q: WORD.sub(lambda m: word(m, in_quotes), q.group(0)), text)
    text = WORD.sub(word, text)
    text = DIGITS.sub(lambda m: str(int(m.group(0)) + k).zfill(len(m.group(0))), text)
    date = re.search(r"(\d{4}-\d{2}-\d{2})", d["id"])
    doc_id = f"{d['id']}~r{k}"
    source = d["id"].split("_")[0]
    return {"id": doc_id, "text": text,
            "date": date.group(1) if date else None,
            "url": f"https://{source}-r{k}.example/{doc_id}"}


def main():
    src, k_max, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = [json.loads(line) for line in open(src, encoding="utf-8")]
    kept, vocab = kept_words(docs)
    with open(dst, "w", encoding="utf-8") as f:
        for k in range(k_max):
            for d in docs:
                if k == 0:
                    date = re.search(r"(\d{4}-\d{2}-\d{2})", d["id"])
                    row = {"id": d["id"], "text": d["text"],
                           "date": date.group(1) if date else None,
                           "url": f"https://{d['id'].split('_')[0]}.example/{d['id']}"}
                else:
                    row = article(d, k, kept, vocab)
                f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
