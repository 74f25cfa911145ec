#!/usr/bin/env python3
"""Generate the planted findings corpus from the PolNeAR train split.

    scripts/planted_corpus.py OUT_DIR [BENCH_DIR]

Reads BENCH_DIR/polnear-train.docs.jsonl (default ../shared/bench) and
scans each article's text for direct quotes with an explicit named cue
(`“…,” Graham said`, `“…,” said Graham`, `Graham said: “…”`: a regular
expression over quotation marks, `SCAN` below). The first 24 articles with
such a quote (8 to 60 words) go to OUT_DIR/base.jsonl (with a `date` and a
`url`), the first 12 other articles become HTML pages with site furniture
(header, newsletter prompt, tip line, footer) under OUT_DIR/pages/. Planted
articles are derived from the scanned quotes and from sentences of the base
articles (OUT_DIR/planted.jsonl, dated later), with the answer key
OUT_DIR/key.json: one entry per planted finding, `{doc, kind, change,
source, quote}`, the planted articles that must give no finding
(`not_findings`: a faithful partial quote), and the furniture sentences
that must not appear in any finding.

Nothing here runs quotecheck: the corpus does not change when the
attribution engine does (the test then checks that the engine finds the
scanned quotes and the planted findings).

The corpus is never stored in the repository (PolNeAR's licence): it is
generated at test time (tests/cli_findings.rs) or by hand for docs/findings.md.
"""

import html
import json
import os
import re
import sys

BASE_COUNT = 24
HTML_COUNT = 12
TOWNS = ["Ashby", "Bexley", "Carrow", "Dunmore", "Elstead", "Farleigh", "Glenroy", "Harwick",
         "Ilford", "Jarrow", "Kelso", "Ludlow", "Marden", "Newport", "Oakham", "Penrith",
         "Quorn", "Ripon", "Selby", "Thame", "Usk", "Ventnor"]
FURNITURE = [
    "Sign up for our Morning Briefing newsletter to get the day's top political stories in your inbox.",
    "Have a tip for our reporters? Contact the politics desk securely at tips@example.org.",
    "Comments on this story are moderated; read our community guidelines before posting.",
]


def date_of(doc_id, fallback):
    m = re.search(r"(\d{4}-\d{2}-\d{2})", doc_id)
    return m.group(1) if m else fallback


def page(doc, date, url):
    paras = [p.strip() for p in doc["text"].split("\n") if p.strip()]
    title = html.escape(paras[0]) if paras else "Article"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    furn = "\n".join(f"<p>{html.escape(f)}</p>" for f in FURNITURE)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="{url}"></head>
<body><header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<article><h1>{title}</h1>
<p class="byline">By Staff Reporter</p>
{body}
{furn}
</article>
<footer><p>Copyright 2016 Example News Group. All rights reserved.</p></footer>
</body></html>
"""


def words(s):
    return s.split()


# A direct quote with an explicit named cue next to it. NAME: one to three
# capitalised words; an optional appositive between name and cue.
NAME = r"((?:[A-Z][\w’'.-]+ ){0,2}[A-Z][\w’'-]+)"
APPOSITIVE = r"(?:, [^,“”\"\n]{3,60},)?"
CUE = r"(?:said|says|added|explained|wrote|continued|argued|insisted|stated|noted|declared)"
QUOTE = "[“\"]([^“”\"\n]+?)"
SCAN = [  # (pattern, group of the quote, group of the speaker)
    (re.compile(QUOTE + "[,?!][”\"] " + NAME + APPOSITIVE + " " + CUE + r"\b"), 1, 2),
    (re.compile(QUOTE + "[,?!][”\"] " + CUE + " " + NAME + r"\b"), 1, 2),
    (re.compile(NAME + APPOSITIVE + " " + CUE + "[,:]? " + QUOTE + "[”\"]"), 2, 1),
]
# Capitalised words that are no name (sentence openers, pronouns).
NOT_NAME = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "The", "But", "And",
            "In", "On", "As", "A", "An", "When", "If", "So", "Then", "Later", "Asked"}


def scanned_quotes(doc):
    """The direct quotes of `doc` with a named cue, in text order."""
    found = []
    for pattern, qg, sg in SCAN:
        for m in pattern.finditer(doc["text"]):
            quote, speaker = m.group(qg), m.group(sg)
            if any(w in NOT_NAME for w in speaker.split()) or not 8 <= len(words(quote)) <= 60:
                continue
            found.append({"doc_id": doc["id"], "char_start": m.start(qg), "quote": quote,
                          "speaker": speaker})
    return sorted(found, key=lambda q: q["char_start"])


def main():
    out = sys.argv[1]
    bench = sys.argv[2] if len(sys.argv) > 2 else os.path.join("..", "shared", "bench")
    with open(os.path.join(bench, "polnear-train.docs.jsonl"), encoding="utf-8") as f:
        every = [json.loads(line) for line in f]
    direct, base = [], []
    for d in every:
        if len(base) == BASE_COUNT:
            break
        found = scanned_quotes(d)
        if found:
            base.append(d)
            direct.extend(found)
    base_ids = {d["id"] for d in base}
    pages = [d for d in every if d["id"] not in base_ids][:HTML_COUNT]
    docs = base + pages
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    base_path = os.path.join(out, "base.jsonl")
    with open(base_path, "w", encoding="utf-8") as f:
        for d in base:
            date = date_of(d["id"], "2016-01-01")
            url = f"https://{d['id'].split('_')[0]}.example/{d['id']}"
            f.write(json.dumps({"id": d["id"], "text": d["text"], "date": date, "url": url}) + "\n")
    for i, d in enumerate(pages):
        date = date_of(d["id"], "2016-01-01")
        url = f"https://site{i % 6}.example/{d['id']}"
        with open(os.path.join(out, "pages", f"{d['id']}.html"), "w", encoding="utf-8") as f:
            f.write(page(d, date, url))
    used = set()

    def pick(pred):
        for q in direct:
            key = (q["doc_id"], q["char_start"])
            if key not in used and q["doc_id"] not in {u[0] for u in used} and pred(q):
                used.add(key)
                return q
        return None

    planted, key = [], []
    written = {}  # planted article -> the quote or sentence planted in it

    def article(n, speaker, quote_text, extra=""):
        doc_id = f"planted/{n:02d}"
        written[doc_id] = quote_text
        town = TOWNS[n % len(TOWNS)]
        text = (
            f"Campaign notebook from {town}.\n\n"
            f"{speaker} spoke to supporters at a rally in {town} on the eve of the vote.\n\n"
            f"\u201c{quote_text},\u201d {speaker} said.\n\n"
            f"{extra}"
            f"The crowd in {town} left quietly after the speech."
        )
        planted.append({"id": doc_id, "text": text, "date": "2017-06-01",
                        "url": f"https://planted.example/{n:02d}"})
        return doc_id

    n = 0
    # Negation dropped from a whole quote, and from a partial quote.
    for partial in (False, True):
        q = pick(lambda q: re.search(r"\b(not|never)\b", q["quote"]) is not None)
        if q:
            n += 1
            text = q["quote"].rstrip(".,!? ")
            if partial:
                ws = words(text)
                i = next(i for i, w in enumerate(ws) if re.fullmatch(r"(not|never)[,.]?", w))
                ws = ws[max(0, i - 4): i + 5]
                text = " ".join(ws)
            text = re.sub(r"\b(not|never) ", "", text, count=1)
            key.append({"doc": article(n, q["speaker"], text), "kind": "misquote",
                        "change": "negation", "source": q["doc_id"]})
    # A number changed (by value), twice.
    for _ in range(2):
        q = pick(lambda q: re.search(r"\b\d{2,}\b", q["quote"]) is not None)
        if q:
            n += 1
            text = re.sub(r"\b(\d{2,})\b", lambda m: str(int(m.group(1)) + 7), q["quote"].rstrip(".,!? "), count=1)
            key.append({"doc": article(n, q["speaker"], text), "kind": "misquote",
                        "change": "number", "source": q["doc_id"]})
    # A word changed, three times.
    for _ in range(3):
        q = pick(lambda q: len(words(q["quote"])) >= 10 and not re.search(r"\b(not|never|no)\b|\d", q["quote"]))
        if q:
            n += 1
            ws = words(q["quote"].rstrip(".,!? "))
            i = max(range(2, len(ws) - 1), key=lambda i: (len(ws[i].strip(",.;:")), -i))
            ws[i] = "remarkable"
            key.append({"doc": article(n, q["speaker"], " ".join(ws)), "kind": "misquote",
                        "change": "words", "source": q["doc_id"]})
    # The same words attributed to someone else, three times.
    for other in ("Harriet Quinlan", "Desmond Okoro", "Marguerite Vale"):
        q = pick(lambda q: len(words(q["quote"])) >= 8 and other.split()[-1] not in q["speaker"])
        if q:
            n += 1
            key.append({"doc": article(n, other, q["quote"].rstrip(".,!? ")), "kind": "conflicting_attribution",
                        "change": "", "source": q["doc_id"]})
    silent = []
    # A partial quote that starts just after a "not": the cut drops it.
    def after_not(q):
        ws = words(q["quote"])
        for i, w in enumerate(ws):
            tail = ws[i + 1:i + 9]
            if w in ("not", "never") and len(tail) == 8 and not any(
                    re.search(r"[\"“”.!?]", t) for t in tail[:-1]):
                return " ".join(tail).rstrip(".,!?;: ”\"")
        return None
    q = pick(lambda q: after_not(q) is not None)
    if q:
        n += 1
        text = after_not(q)
        key.append({"doc": article(n, q["speaker"], text), "kind": "misquote",
                    "change": "negation", "source": q["doc_id"]})
    # A faithful partial quote: no finding (docs/findings.md), listed apart.
    q = pick(lambda q: len(words(q["quote"])) >= 14 and not re.search(r"\d|\b(not|never|no)\b", q["quote"]))
    if q:
        n += 1
        ws = words(q["quote"])
        text = " ".join(ws[3:11]).rstrip(".,!?;: ")
        silent.append({"doc": article(n, q["speaker"], text), "kind": "misquote",
                       "change": "shortened", "source": q["doc_id"]})
    # Sentences (not quotes) with a number or a negation changed, and one
    # repeated as it is.
    sentence_docs = [d for d in base if d["id"] not in {k["source"] for k in key}]
    for want in ("number", "negation", "number", ""):
        for d in list(sentence_docs):
            sents = re.split(r"(?<=[.!?])\s+", d["text"])
            # A sentence of narration: no quotation, no speech cue (that
            # would make it a quote), not cut at an abbreviation (`Sen.`).
            cands = [s for s in sents if 14 <= len(words(s)) <= 45 and "\u201c" not in s and '"' not in s
                     and "\n" not in s.strip() and not re.search(r"\b([A-Z]|[A-Z][a-z]{1,2})\.$", s.strip())
                     and not re.search(r"\b(said|says|told)\b", s)]
            if want == "number":
                cands = [s for s in cands if re.search(r"\b\d{2,}\b", s) and not re.search(r"\b(19|20)\d\d\b", s)]
            elif want == "negation":
                cands = [s for s in cands if re.search(r"\b(is|was|are|were|will|did|does|has|have) not\b", s)]
            if not cands:
                continue
            s = cands[0]
            if want == "number":
                s2 = re.sub(r"\b(\d{2,})\b", lambda m: str(int(m.group(1)) * 3), s, count=1)
            elif want == "negation":
                s2 = re.sub(r"\b(is|was|are|were|will|did|does|has|have) not\b", r"\1", s, count=1)
            else:
                s2 = s
            n += 1
            doc_id = f"planted/{n:02d}"
            planted.append({"id": doc_id, "date": "2017-06-01", "url": f"https://planted.example/{n:02d}",
                            "text": f"Briefing from {TOWNS[n % len(TOWNS)]}.\n\nOfficials in {TOWNS[n % len(TOWNS)]} briefed reporters on the matter.\n\n{s2}\n\nFurther details from {TOWNS[n % len(TOWNS)]} were expected later."})
            written[doc_id] = s2
            kind = "altered_claim" if want else "repeated_claim"
            key.append({"doc": doc_id, "kind": kind, "change": want, "source": d["id"]})
            sentence_docs.remove(d)
            break
    # Two republished copies (one with numbers re-spelled by value).
    for d in [d for d in base if d["id"] not in {k["source"] for k in key}][:2]:
        n += 1
        doc_id = f"planted/{n:02d}"
        text = re.sub(r"\b(\d+) percent\b", r"\1 per cent", d["text"])
        planted.append({"id": doc_id, "date": "2017-06-02", "url": f"https://syndicate.example/{n:02d}",
                        "text": "Republished with permission.\n\n" + text})
        key.append({"doc": doc_id, "kind": "republished", "change": "", "source": d["id"]})
    for k in key + silent:
        k["quote"] = written.get(k["doc"], "")
    with open(os.path.join(out, "planted.jsonl"), "w", encoding="utf-8") as f:
        for p in planted:
            f.write(json.dumps(p) + "\n")
    with open(os.path.join(out, "key.json"), "w", encoding="utf-8") as f:
        json.dump({"planted": key, "not_findings": silent, "furniture": FURNITURE, "articles": len(docs),
                   "derived": len(planted)}, f, indent=1)
    print(f"{len(docs)} articles ({HTML_COUNT} as HTML pages), {len(planted)} planted, {len(key)} findings in the key")


if __name__ == "__main__":
    main()
