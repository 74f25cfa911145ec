#!/usr/bin/env python3
"""Draw a reproducible sample of pronoun-resolved quotes for reading by hand.

  cargo run --release -p quotecheck-core --example predict -- \
      ../shared/bench/polnear-train.docs.jsonl > /tmp/pred.jsonl
  python3 scripts/pronoun_sample.py ../shared/bench/polnear-train.gold.jsonl \
      /tmp/pred.jsonl --seed 4242 [--n 50] [--before OLD_PRED.jsonl]

The population: gold quotes whose mention is `he` or `she` (any case) and
for which a prediction has the same mention span (so the engine found the
pronoun; the question is only whom it names). It is sorted by document and
offset, then `random.Random(seed).sample` draws N of them, so a seed names
the same quotes on every run as long as the population is the same (with
`--before`, the population is that of the first file, so both files show
the same quotes). For each: the document, the text from three sentences
before the mention up to the end of the quote's sentence, the pronoun, and
the speaker and role the engine shows (and those of `--before`). PolNeAR has
no coreference, so the reader judges whether the name is the person meant.
"""
import argparse
import json
import random
import re

PRONOUNS = {"he", "she"}


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def index_preds(path):
    """(doc, mention_start, mention_end) -> first prediction with that mention."""
    by_mention = {}
    for p in load_jsonl(path):
        if p.get("mention_start") is None:
            continue
        key = (p["doc_id"], p["mention_start"], p["mention_end"])
        by_mention.setdefault(key, []).append(p)
    return by_mention


def pick(preds, gold_quote):
    """The prediction with the gold mention that overlaps the gold quote most."""
    gs, ge = gold_quote["start"], gold_quote["end"]

    def overlap(p):
        return max(0, min(ge, p["char_end"]) - max(gs, p["char_start"]))

    return max(preds, key=overlap)


def context(text, mention_start, quote_end, sentences=3):
    """Text from `sentences` sentence starts before the mention to the end of the quote's sentence."""
    start = mention_start
    for _ in range(sentences + 1):
        m = None
        for m in re.finditer(r"[.!?][”\"’]?\s+|\n+", text[:start]):
            pass
        if m is None:
            start = 0
            break
        start = m.start()
    end = quote_end
    m = re.search(r"[.!?][”\"’]?(\s|$)|\n", text[end:])
    end = end + (m.end() if m else len(text) - end)
    return " ".join(text[start:end].split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--before", help="an older prediction file to show side by side")
    args = ap.parse_args()

    gold_docs = load_jsonl(args.gold)
    now = index_preds(args.pred)
    before = index_preds(args.before) if args.before else None
    population_index = before if before is not None else now

    population = []
    for doc in gold_docs:
        for q in doc["quotes"]:
            if q.get("mention", "").strip().lower() not in PRONOUNS:
                continue
            key = (doc["id"], q["mention_start"], q["mention_end"])
            if key in population_index:
                population.append((doc, q, key))
    population.sort(key=lambda t: (t[0]["id"], t[1]["start"], t[1]["mention_start"]))
    sample = random.Random(args.seed).sample(population, min(args.n, len(population)))
    print(f"population {len(population)}, seed {args.seed}, sample {len(sample)}\n")
    for i, (doc, q, key) in enumerate(sample, 1):
        text = doc["text"]
        print(f"[{i}] {doc['id']} @{q['mention_start']} mention {q['mention']!r}")
        print("    " + context(text, q["mention_start"], q["end"]))
        p = pick(now[key], q) if key in now else None
        shown = f"{p['speaker']!r} role {p['speaker_role']!r}" if p else "(no prediction)"
        if before is not None:
            b = pick(before[key], q)
            old = f"{b['speaker']!r} role {b['speaker_role']!r}"
            mark = "" if p and (b["speaker"], b["speaker_role"]) == (p["speaker"], p["speaker_role"]) else "  CHANGED"
            print(f"    before: {old}\n    now:    {shown}{mark}\n")
        else:
            print(f"    speaker: {shown}\n")


if __name__ == "__main__":
    main()
