#!/usr/bin/env python3
"""Span-boundary errors and per-rule precision on a many-document gold JSONL.

  cargo run --release -p quotecheck-core --example predict -- \
      ../shared/bench/polnear-train.docs.jsonl > /tmp/pred.jsonl
  python3 scripts/span_boundaries.py ../shared/bench/polnear-train.gold.jsonl /tmp/pred.jsonl \
      [--examples N] [--class NAME] [--rules]

Scores with the rule of docs/scoring.md (trimmed spans, one leading
that/whether/if dropped on both sides, a prediction assigned to the gold quote
it overlaps most when at least half of it lies inside, found at IoU >= 0.5, a
mixed prediction's fragment tried when its clause fails) and prints:

* the totals (found, exact, precision/recall/F1 overall, exact and indirect),
  which must agree with `score_bench`;
* every prediction that overlaps a gold quote of the same document with
  different (trimmed) boundaries, grouped by boundary class: which end is
  wrong, and what the extra or missing text begins with (a coordinated verb,
  an adjunct, an appositive, `such as`, a dash, a comma, a mid-sentence
  `X said`, the next sentence, a second quotation, ...);
* with --rules, precision by rule (`reason`), found and exact.
"""
import argparse
import collections
import json
import re

TRIM = set("“”\"‘’'«»„‹› \n\t\r.,;:!?…")
COMPLEMENTISERS = ("that", "whether", "if")
SPEECH = re.compile(
    r"^(,\s*)?(\w[\w.'’-]*\s+){0,4}?(said|says|say|told|added|asked|wrote|noted|argued|explained)\b"
)
ADJUNCT = set(
    """in on at during after before because when while as to for with by from since until
    without despite amid over through under against about into than""".split()
)


def trim_plain(t, s, e):
    e = min(e, len(t))
    s0, e0 = min(s, e), e
    s = s0
    while s < e and (t[s] in TRIM or t[s].isspace()):
        s += 1
    while e > s and (t[e - 1] in TRIM or t[e - 1].isspace()):
        e -= 1
    if s >= e:
        return s0, e0
    return s, e


def trim(t, s, e):
    """`content_chars` of the scorer: trimmed, one leading complementiser dropped."""
    s, e = trim_plain(t, s, e)
    for w in COMPLEMENTISERS:
        n = len(w)
        if t[s : s + n].lower() == w and s + n < e and t[s + n].isspace():
            s2, e2 = trim_plain(t, s + n, e)
            if s2 < e2:
                return s2, e2
    return s, e


def load(path):
    out = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            out[r.get("doc_id", r.get("id"))].append(r)
    return out


def assign(sp, gs):
    best = None
    for i, b in enumerate(gs):
        ov = min(sp[1], b[1]) - max(sp[0], b[0])
        if ov > 0 and (best is None or ov > best[0]):
            best = (ov, i)
    if best and best[0] * 2 >= sp[1] - sp[0]:
        return best[1]
    return None


def first_words(s, n=3):
    return " ".join(re.findall(r"[\w’']+|[^\w\s]", s)[:n]).lower()


def extra_class(seg, side):
    """Class of text a prediction has beyond the gold span (`side`: start/end)."""
    s = seg.strip()
    if not s:
        return "whitespace"
    if side == "start":
        low = s.lower()
        if re.search(r"\b(said|says|say|told|added|according to|wrote)\b", low):
            return "attribution included"
        if s[-1] in "“”\"":
            return "quote mark"
        return "other: " + first_words(s[-20:].split(" ", 1)[-1], 2)
    low = s.lower()
    if s[0] in "“”\"‘’" and len(s) > 3:
        return "second quotation / narration between quotes"
    if SPEECH.match(low):
        return "an `X said` after the content"
    if low.startswith("such as"):
        return "such as"
    if low.startswith((", and", "and ", ", but", "but ", ", or", "or ")):
        return "coordination (, and / and / but)"
    if low.startswith(","):
        rest = low[1:].strip()
        w = rest.split(" ", 1)[0]
        if w in ("a", "an", "the") or (rest[:1].isupper()):
            return "comma + appositive/noun phrase"
        if w.endswith("ing"):
            return "comma + participle"
        if w in ("who", "which", "whose", "where"):
            return "comma + relative clause"
        if w in ADJUNCT:
            return "comma + adjunct"
        return "comma + other"
    if s[0] in "—–-":
        return "dash"
    if s[0] in ".!?":
        return "next sentence"
    if s[0] in "(":
        return "parenthesis"
    w = low.split(" ", 1)[0]
    if w in ADJUNCT:
        return "adjunct (" + w + ")"
    if w in ("who", "which", "that", "whose"):
        return "relative clause"
    return "other"


def missing_class(t, pe, ge):
    """Class of where a prediction stops early (text between pred end and gold end)."""
    seg = t[pe:ge]
    s = seg.lstrip(" ”\"’")
    low = s.lower()
    if re.match(r"^[.!?]", s) or "\n" in seg[:3]:
        return "stops at sentence end (gold continues)"
    if SPEECH.match(low):
        return "stops at a mid-sentence `X said`"
    if s[:1] in "—–" or s.startswith("- "):
        return "stops at a dash"
    if s.startswith(";"):
        return "stops at a semicolon"
    if s.startswith(":"):
        return "stops at a colon"
    if s.startswith(","):
        rest = low[1:].strip()
        w = rest.split(" ", 1)[0]
        if w in ("and", "but", "or"):
            return "stops at , and/but"
        if w in ("which", "who", "where", "whose"):
            return "stops at , relative"
        if w.endswith("ing"):
            return "stops at , participle"
        if w == "according":
            return "stops at , according to"
        return "stops at a comma"
    if s[:1] in "“”\"":
        return "stops at a quote mark"
    w = low.split(" ", 1)[0]
    if w in ("and", "but", "or"):
        return "stops at and/but"
    return "stops elsewhere: " + first_words(s, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--class", dest="cls", default=None, help="print examples of this class only")
    ap.add_argument("--rules", action="store_true")
    ap.add_argument("--kind", default=None, help="only predictions of this kind")
    a = ap.parse_args()
    golds = {}
    for line in open(a.gold, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            golds[g["id"]] = g
    preds = load(a.pred)
    tot = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    by_rule = collections.defaultdict(collections.Counter)
    classes = collections.Counter()
    examples = collections.defaultdict(list)
    for gid, g in golds.items():
        t = g["text"]
        gq = [q for q in g["quotes"] if not q.get("optional")]
        gs = [trim(t, q["start"], q["end"]) for q in gq]
        assigned = collections.defaultdict(list)
        unassigned = []
        ps = preds.get(gid, [])
        for p in ps:
            sp = trim(t, p["char_start"], p["char_end"])
            i = assign(sp, gs)
            if i is None and p.get("fragment_start") is not None and p["kind"] == "mixed":
                fp_ = trim(t, p["fragment_start"], p["fragment_end"])
                i = assign(fp_, gs)
                if i is not None:
                    sp = fp_
            p["_sp"] = sp
            if i is None:
                unassigned.append(p)
            else:
                assigned[i].append(p)
        found = set()
        exact = set()
        for i, lst in assigned.items():
            cover = set()
            for p in lst:
                cover.update(range(*p["_sp"]))
            gold = set(range(*gs[i]))
            if len(cover & gold) / max(1, len(cover | gold)) >= 0.5:
                found.add(i)
                if any(p["_sp"] == gs[i] for p in lst):
                    exact.add(i)
        for i, q in enumerate(gq):
            k = q["kind"]
            by_kind[k]["gold"] += 1
            if i in found:
                by_kind[k]["tp"] += 1
        tot["gold"] += len(gq)
        tot["found"] += len(found)
        tot["exact"] += len(exact)
        tot["pred"] += len(ps)
        for p in ps:
            r = by_rule[p["reason"]]
            r["pred"] += 1
            by_kind[p["kind"]]["pred"] += 1
        for p in unassigned:
            by_rule[p["reason"]]["fp"] += 1
            by_kind[p["kind"]]["fp"] += 1
        for i, lst in assigned.items():
            for p in lst:
                r = by_rule[p["reason"]]
                if i in found:
                    r["found"] += 1
                    if p["_sp"] == gs[i]:
                        r["exact"] += 1
                else:
                    r["fp"] += 1
                    by_kind[p["kind"]]["fp"] += 1
        # boundary classes: predictions overlapping a gold span, not exact
        for p in ps:
            if a.kind and p["kind"] != a.kind:
                continue
            sp = p["_sp"]
            ovs = [(min(sp[1], b[1]) - max(sp[0], b[0]), j) for j, b in enumerate(gs)]
            ovs = [o for o in ovs if o[0] > 0]
            if not ovs:
                continue
            _, j = max(ovs)
            b = gs[j]
            if sp == b:
                continue
            status = "found" if j in found else "missed"
            several = sum(1 for o in ovs if o[0] > 0) > 1
            labels = []
            if several and sp[0] <= min(gs[o[1]][0] for o in ovs) and p["kind"] == "direct":
                labels.append("covers several gold quotes (merged)")
            else:
                if sp[1] > b[1]:
                    labels.append("end too late: " + extra_class(t[b[1] : sp[1]], "end"))
                elif sp[1] < b[1]:
                    labels.append("end too early: " + missing_class(t, sp[1], b[1]))
                if sp[0] < b[0]:
                    labels.append("start too early: " + extra_class(t[sp[0] : b[0]], "start"))
                elif sp[0] > b[0]:
                    labels.append("start too late: " + first_words(t[b[0] : sp[0]], 3))
            for lab in labels:
                key = f"{p['kind']:8} {lab}"
                if lab.startswith("start too late"):
                    key = f"{p['kind']:8} start too late"
                classes[(key, status)] += 1
                classes[(key, "all")] += 1
                if a.examples and (a.cls is None or a.cls in key):
                    ex = examples[key]
                    if len(ex) < a.examples:
                        ex.append(
                            f"    [{p['reason']}] gold: {t[b[0]:b[1]]!r}\n"
                            f"        pred: {t[sp[0]:sp[1]]!r}"
                        )
    gold = tot["gold"]

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        return p, r, 2 * p * r / (p + r) if p + r else 0

    fp_all = sum(c["fp"] for c in by_rule.values())
    p, r, f = prf(tot["found"], fp_all, gold - tot["found"])
    print(f"overall: found {tot['found']}/{gold}, predictions {tot['pred']}, fp {fp_all}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    # as the scorer: found but not exact counts as a miss and a false positive
    p, r, f = prf(tot["exact"], fp_all + tot["found"] - tot["exact"], gold - tot["exact"])
    print(f"exact:   {tot['exact']}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    for k in ("direct", "mixed", "indirect"):
        c = by_kind[k]
        p, r, f = prf(c["tp"], c["fp"], c["gold"] - c["tp"])
        print(f"{k:8} tp {c['tp']} fp {c['fp']} fn {c['gold'] - c['tp']}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    print("\nboundary classes (predictions overlapping a gold quote, boundaries differ)")
    print(f"{'class':70} {'all':>6} {'found':>6} {'missed':>6}")
    keys = sorted({k for k, _ in classes}, key=lambda k: -classes[(k, "all")])
    for k in keys:
        print(f"{k:70} {classes[(k, 'all')]:6d} {classes[(k, 'found')]:6d} {classes[(k, 'missed')]:6d}")
        for e in examples.get(k, []):
            print(e)
    if a.rules:
        print(f"\n{'rule':26} {'pred':>6} {'found':>6} {'fp':>6} {'exact':>6} {'prec':>6}")
        for rule, c in sorted(by_rule.items(), key=lambda kv: -kv[1]["pred"]):
            prec = c["found"] / c["pred"] if c["pred"] else 0
            print(f"{rule:26} {c['pred']:6d} {c['found']:6d} {c['fp']:6d} {c['exact']:6d} {prec:6.3f}")


if __name__ == "__main__":
    main()
