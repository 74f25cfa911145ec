#!/usr/bin/env python3
"""Distinct articles at any scale, made from the PolNeAR train split.

    scripts/distinct_corpus.py TRAIN_JSONL K OUT_JSONL

Writes K x 840 articles as JSONL (`id`, `text`, `date`, `url`). Round 0 is
the train split as it is; every later round k makes one new article per
train article, deterministically (no random state: hashes of the round
and the text):

- paragraphs are recombined: each paragraph after the first is, one time
  in three, replaced by the paragraph at the same position of another
  article of the split (so rounds share some paragraphs, as wire copy
  does, but no article is a copy);
- names are replaced: every capitalised word that is not the first word of
  a sentence (Trump, Clinton, Carson, Milwaukee …) becomes a made-up name
  of the same shape, chosen by a hash of (round, word), so a person keeps
  one name inside a round and gets another in the next;
- numbers change: every run of digits gets the round added to it
  (`1,600` -> `1,603`, `2015` -> `2018`).

Quotes stay quotes, speakers stay speakers and sentences stay sentences:
the engine and the dedup stage see articles of the same shape, with new
names, numbers and paragraph mixes, and with the cross-document overlap of
a real news corpus rather than of exact copies. Used by
scripts/bench-findings.sh (`distinct` mode) for report CPU per MB and peak
memory from x1 to x100 (docs/performance.md).
"""
import hashlib
import json
import re
import sys

SYLLABLES = ["ka", "lo", "mer", "vin", "tas", "dor", "bel", "ri", "san", "tu",
             "ne", "gar", "fen", "os", "lim", "wa", "zel", "ha", "cor", "pi"]
NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")
DIGITS = re.compile(r"\d+")


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


def article(docs, paras, i, k):
    d = docs[i]
    mine = paras[i]
    out = []
    for p, para in enumerate(mine):
        if p > 0 and h("para", k, i, p) % 3 == 0:
            j = h("other", k, i, p) % len(docs)
            if len(paras[j]) > p:
                para = paras[j][p]
        out.append(para)
    text = "\n\n".join(out)
    # Every occurrence of a name, sentence-initial ones included.
    names = sorted(set(NAME.findall(text)), key=len, reverse=True)
    if names:
        every = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
        text = every.sub(lambda m: made_up(m.group(0), k), text)
    text = DIGITS.sub(lambda m: str(int(m.group(0)) + k).zfill(len(m.group(0))), text)
    date = re.search(r"(\d{4}-\d{2}-\d{2})", d["id"])
    doc_id = f"{d['id']}~r{k}"
    return {"id": doc_id, "text": text,
            "date": date.group(1) if date else None,
            "url": f"https://outlet{h('host', k, i) % 50}.example/{doc_id}"}


def main():
    src, k_max, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = [json.loads(line) for line in open(src, encoding="utf-8")]
    paras = [d["text"].split("\n\n") for d in docs]
    with open(dst, "w", encoding="utf-8") as f:
        for k in range(k_max):
            for i, d in enumerate(docs):
                if k == 0:
                    date = re.search(r"(\d{4}-\d{2}-\d{2})", d["id"])
                    row = {"id": d["id"], "text": d["text"],
                           "date": date.group(1) if date else None,
                           "url": f"https://{d['id'].split('_')[0]}.example/{d['id']}"}
                else:
                    row = article(docs, paras, i, k)
                f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
