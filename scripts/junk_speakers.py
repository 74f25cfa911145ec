#!/usr/bin/env python3
"""Count junk speaker names in engine predictions, by class.

  cargo run --release -p quotecheck-core --example predict -- \
      ../shared/bench/polnear-train.docs.jsonl > /tmp/pred.jsonl
  python3 scripts/junk_speakers.py /tmp/pred.jsonl [--list CLASS]

A check written apart from the engine's own lists (so it also catches what
they miss): a speaker name (the `speaker` column, not the mention) is junk
when it is
- `number`: a number or percentage alone (`63 percent`, `18%`, `43`);
- `time`: a time word (`when`, `Friday`, `later`);
- `caps`: a heading in capitals (`FULL TEXT`, `ABSTRACT`), or an acronym
  (all capitals) shown for a `he`/`she` mention;
- `pronoun`: a pronoun or a pronoun with a contracted verb (`his`, `I'm`);
- `word`: one word that is an English adverb, preposition, conjunction,
  participle or adjective, not a name (`Perhaps`, `Along`, `Walking`,
  `Southern`): a capitalised `-ly`/`-ing`/`-ern` word that is not a name
  of the short exception list, or a word of a list;
- `clause`: three or more words with a finite reporting verb inside
  (`ISIL, Trump hewed`, `Trump Addresses Munich Attack`).
Prints the count of quotes and of distinct names per class.
"""
import argparse
import collections
import json
import re

TIME = set("""when while today yesterday tomorrow now then later earlier monday tuesday wednesday
thursday friday saturday sunday morning evening night week month year""".split())
PRONOUNS = set("""he she it they we i you him her them us me his its their our my your who""".split())
WORDS = set("""along amid after before among despite during following given having instead
meanwhile perhaps similarly likewise soon throughout unlike whatever overall also still yet
though although so wait look got known revealed partial initial subsequent democratic
independent american""".split())
NAME_ENDINGS = ("ly", "ing", "ern")
NAMES_OK = set("""kelly reilly daly beverly emily billy sally holly molly lilly bly ely pelly
schlafly sterling king ewing fleming browning manning channing irving deming beijing
reading""".split())
VERBS = set("""said says say told tells added adds asked asks argued argues claimed claims
wrote writes noted notes stated hewed compares compared addresses addressed blasts
slams warns warned fires closes accused""".split())
HEADINGS = {"full text", "abstract", "transcript", "video", "photo", "watch"}


def junk_class(name, mention):
    words = name.split()
    bare = [w.strip(".,;:!?\"“”'’()") for w in words]
    low = [w.lower().replace("’", "'") for w in bare]
    if not words:
        return None
    if all(re.fullmatch(r"[\d.,%-]+", w) and re.search(r"\d", w) or w in ("percent", "per", "cent")
           for w in low) and re.search(r"\d", name):
        return "number"
    if all(w in TIME for w in low):
        return "time"
    if " ".join(low) in HEADINGS:
        return "caps"
    letters = [c for c in name if c.isalpha()]
    if (len(letters) > 1 and all(c.isupper() for c in letters)
            and mention.strip().lower() in ("he", "she")):
        return "caps"
    if len(low) == 1:
        w = low[0]
        base = w.split("'")[0]
        if w in PRONOUNS or ("'" in w and base in PRONOUNS | {"that", "there"}):
            return "pronoun"
        capital = bare[0][:1].isupper()
        if w in WORDS or (capital and w.endswith(NAME_ENDINGS) and w not in NAMES_OK
                          and len(w) > 4):
            return "word"
    if len(low) >= 3 and any(w in VERBS for w in low[1:]):
        return "clause"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred")
    ap.add_argument("--list", help="print the names of one class")
    args = ap.parse_args()
    quotes = collections.Counter()
    names = collections.defaultdict(collections.Counter)
    empty_with_reason = collections.Counter()
    with open(args.pred, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            if not p["speaker"]:
                m = re.search(r"; no speaker: (.*)$", p.get("reason", ""))
                if m:
                    empty_with_reason[m.group(1)] += 1
                continue
            c = junk_class(p["speaker"], p.get("mention", ""))
            if c:
                quotes[c] += 1
                names[c][p["speaker"]] += 1
    total_q = sum(quotes.values())
    total_n = sum(len(v) for v in names.values())
    print(f"junk speakers: {total_q} quotes, {total_n} distinct names")
    for c in ("number", "time", "caps", "pronoun", "word", "clause"):
        print(f"  {c:8} {quotes[c]:5} quotes {len(names[c]):5} names")
    print("empty speaker with a reason: " + ", ".join(
        f"{k} {v}" for k, v in empty_with_reason.most_common()) if empty_with_reason else
          "empty speaker with a reason: none")
    if args.list:
        for n, k in names[args.list].most_common():
            print(f"  {k:4} {n}")


if __name__ == "__main__":
    main()
