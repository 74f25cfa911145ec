#!/usr/bin/env bash
# Findings on the PolNeAR train split, and at scale.
#
#   scripts/bench-findings.sh [BENCH_DIR]     (default ../shared/bench)
#
# 1. The 840 train articles, each with its date (from the id) and source URL:
#    findings by kind (target/findings-840/summary.json).
# 2. The 840 articles repeated 12 times with new ids (10,080 documents,
#    heavy wire duplication) on 2 threads: wall time and peak RSS from
#    /usr/bin/time -v, findings by kind (target/findings-10k/).
# 3. QC_DISTINCT: distinct articles at several sizes (below).
# Not a timed test: run it by hand on an idle machine (docs/findings.md).
set -euo pipefail
bench=${1:-../shared/bench}
bin=target/release/quotecheck
cargo build --release -p quotecheck >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bench/polnear-train.docs.jsonl" "$work" <<'PY'
import json, re, sys
src, work = sys.argv[1], sys.argv[2]
docs = [json.loads(l) for l in open(src, encoding="utf-8")]
def meta(d, copy):
    m = re.search(r"(\d{4}-\d{2}-\d{2})", d["id"])
    source = d["id"].split("_")[0]
    host = f"{source}.example" if copy == 0 else f"syndicate{copy}.example"
    return {"id": d["id"] if copy == 0 else f"{d['id']}~copy{copy}", "text": d["text"],
            "date": m.group(1) if m else None, "url": f"https://{host}/{d['id']}"}
with open(f"{work}/train.jsonl", "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(meta(d, 0)) + "\n")
with open(f"{work}/train12.jsonl", "w", encoding="utf-8") as f:
    for copy in range(12):
        for d in docs:
            f.write(json.dumps(meta(d, copy)) + "\n")
PY
rm -rf target/findings-840 target/findings-10k
"$bin" report "$work/train.jsonl" --out target/findings-840 --quiet
python3 -c "import json; print('840 articles:', json.load(open('target/findings-840/summary.json'))['counts']['findings'])"
/usr/bin/time -v "$bin" report "$work/train12.jsonl" --out target/findings-10k --quiet --threads 2 2> "$work/time.txt"
grep -E "User time|System time|Elapsed|Maximum resident" "$work/time.txt"
python3 -c "import json; c=json.load(open('target/findings-10k/summary.json'))['counts']; print('10k documents:', c['documents'], c['findings'], 'furniture', c['furniture'])"
ls -la target/findings-10k/findings.csv
# 3. Optional (issue #22): distinct articles, QC_DISTINCT="1 10 100" rounds
#    of scripts/distinct_corpus.py; CPU seconds and peak RSS per size.
for k in ${QC_DISTINCT:-}; do
    python3 scripts/distinct_corpus.py "$bench/polnear-train.docs.jsonl" "$k" "$work/d$k.jsonl"
    rm -rf "$work/od$k"
    /usr/bin/time -f "distinct x$k: $(stat -c %s "$work/d$k.jsonl") bytes, %U+%S CPU s, %M KB peak, %e s wall" \
        "$bin" report "$work/d$k.jsonl" --out "$work/od$k" --quiet --threads 2
done
