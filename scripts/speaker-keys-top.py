#!/usr/bin/env python3
"""Keys per person for the most-quoted people of a `quotecheck report` run.

Usage: scripts/speaker-keys-top.py OUT_DIR [N]

Reads OUT_DIR/speakers.csv, takes the N (default 20) person keys with the
most quotes whose name has a given name, and lists for each every key of the
run that may be the same person: the same surname (last slug token) with the
same first given name, an initial of it, or no given name (`trump`,
`<doc>/trump`, `donald-j-trump`, `mr-trump`). A person has "one key" when
that list holds only their own key.
"""
import csv
import sys


def tokens(key):
    return key.split("/")[-1].split("-")


def main():
    out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rows = list(csv.DictReader(open(f"{out}/speakers.csv", encoding="utf-8")))
    people = [r for r in rows if r["speaker_type"] == "person" and len(tokens(r["speaker_key"])) >= 2
              and "/" not in r["speaker_key"]]
    people.sort(key=lambda r: -int(r["quote_count"]))
    titles = {"mr", "mrs", "ms", "dr", "sen", "gov", "rep", "president", "senator", "governor", "s"}
    one = 0
    for p in people[:n]:
        t = tokens(p["speaker_key"])
        given, surname = t[0], t[-1]
        same = []
        for r in rows:
            u = [w for w in tokens(r["speaker_key"]) if w not in titles]
            if not u or u[-1] != surname:
                continue
            g = u[0] if len(u) > 1 else ""
            if g == "" or g == given or (len(g) == 1 and given.startswith(g)):
                same.append((r["speaker_key"], int(r["quote_count"])))
        same.sort(key=lambda x: -x[1])
        one += len(same) == 1
        extra = ", ".join(f"{k} {c}" for k, c in same[1:6]) + (" …" if len(same) > 6 else "")
        print(f"{p['speaker_key']}\t{p['quote_count']}\t{len(same)} keys\t{extra}")
    print(f"{one} of {min(n, len(people))} people have one key")


main()
