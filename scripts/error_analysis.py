#!/usr/bin/env python3
"""Categorise attribution errors on a many-document gold JSONL.

  cargo run --release -p quotecheck -- quotes --format jsonl ../shared/bench/polnear-train.docs.jsonl > /tmp/pred.jsonl
  python3 scripts/error_analysis.py ../shared/bench/polnear-train.gold.jsonl /tmp/pred.jsonl

Uses the matching rule of docs/scoring.md (trimmed spans; a prediction is
assigned to the gold quote it overlaps most when at least half of it lies
inside; a gold quote is found when its assigned predictions reach IoU >= 0.5;
predictions that are unassigned or assigned to a gold quote that is not found
are false positives). Prints miss and false-positive categories with counts.
"""
import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from learn_lexicons import cue_words  # noqa: E402

TRIM = set("“”\"‘’'«»„‹› \n\t.,;:!?…")
AUX = set("""has have had is was were are also would will did does do could can may might should not
just still now then later first often recently quickly even once reportedly previously repeatedly again
been be never already publicly privately 's ’s to the a an""".split())


def trim(t, s, e):
    while s < e and t[s] in TRIM:
        s += 1
    while e > s and t[e - 1] in TRIM:
        e -= 1
    return s, e


def lexicon_words(root):
    data = root / "crates/core/data"
    return cue_words(data / "cues.tsv") | cue_words(data / "cues_learned.tsv") | {"according"}


def main(gold_path, pred_path):
    root = Path(__file__).resolve().parent.parent
    lex = lexicon_words(root)
    golds = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            golds[g["id"]] = g
    preds = collections.defaultdict(list)
    for line in open(pred_path, encoding="utf-8"):
        if line.strip():
            p = json.loads(line)
            preds[p["doc_id"]].append(p)
    miss = collections.Counter()
    fps = collections.Counter()
    for gid, g in golds.items():
        t = g["text"]
        gs = [trim(t, q["start"], q["end"]) for q in g["quotes"]]
        assigned = collections.defaultdict(list)
        for p in preds.get(gid, []):
            sp = trim(t, p["char_start"], p["char_end"])
            cands = [(min(sp[1], b[1]) - max(sp[0], b[0]), i) for i, b in enumerate(gs)]
            cands = [c for c in cands if c[0] > 0]
            if cands:
                ov, i = max(cands)
                if ov * 2 >= sp[1] - sp[0]:
                    assigned[i].append((sp, p))
                    continue
            fps[f"{p['kind']}: no gold quote ({p['reason'].split(':')[-1]})"] += 1
        for i, q in enumerate(g["quotes"]):
            a = assigned.get(i, [])
            cover = set()
            for s, _ in a:
                cover.update(range(*s))
            gold = set(range(*gs[i]))
            found = bool(a) and len(cover & gold) / max(1, len(cover | gold)) >= 0.5
            if found:
                continue
            for _, p in a:
                fps[f"{p['kind']}: poor span match"] += 1
            overlap = any(min(p["char_end"], gs[i][1]) - max(p["char_start"], gs[i][0]) > 0 for p in preds.get(gid, []))
            if overlap:
                ps = [trim(t, p["char_start"], p["char_end"]) for p in preds.get(gid, [])]
                best = max(ps, key=lambda s: min(s[1], gs[i][1]) - max(s[0], gs[i][0]))
                if best[0] <= gs[i][0] and best[1] >= gs[i][1]:
                    why = "prediction too long"
                elif best[0] >= gs[i][0] and best[1] <= gs[i][1]:
                    why = "prediction too short"
                else:
                    why = "prediction shifted"
            else:
                cue = [w for w in re.findall(r"[a-z’']+|:", (q.get("cue") or "").lower()) if w not in AUX]
                if not cue:
                    why = "no prediction, no cue annotated"
                elif cue[0] in lex:
                    why = "no prediction, cue word known"
                else:
                    why = "no prediction, cue word not in lexicon"
            miss[f"{q['kind']}: {why}"] += 1
    print("misses")
    for k, n in sorted(miss.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        print(f"  {n:6d}  {k}")
    print("false positives")
    for k, n in sorted(fps.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        print(f"  {n:6d}  {k}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
