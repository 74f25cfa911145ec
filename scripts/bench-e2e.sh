#!/usr/bin/env bash
# End to end: `quotecheck quotes` on the PolNeAR train split repeated
# x1, x10 (and x100 with QC_SIZES="1 10 100") against the engine bench
# (crates/core/benches/attribution.rs), in interleaved runs, so both see the
# same machine load. Reports CPU time (user+sys, all threads), MB of article
# text per CPU-second, peak RSS (GNU time) and the ratio of the largest
# size's MB/s to the engine's; wall time is not used (the machine is shared).
# With QC_THREADS=1 it also times `--threads 1` against `--threads 2` on x10
# (wall time, the one figure that shows parallelism) and prints the load.
#
#   scripts/bench-e2e.sh                      # target/release/quotecheck, 3 rounds
#   QC_BINS="/tmp/qc-old target/release/quotecheck" QC_ROUNDS=5 scripts/bench-e2e.sh
#   QC_SIZES="1 10 100" QC_ROUNDS=1 QC_THREADS=1 scripts/bench-e2e.sh
#
# Inputs are generated under $TMPDIR (xK: K copies of every article with
# new ids; not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN=${QC_TRAIN:-../shared/bench/polnear-train.docs.jsonl}
BINS=${QC_BINS:-target/release/quotecheck}
ROUNDS=${QC_ROUNDS:-3}
FORMAT=${QC_FORMAT:-jsonl}
SIZES=${QC_SIZES:-1 10}
TMP=${TMPDIR:-/tmp}/qc-bench-e2e
mkdir -p "$TMP"
for k in $SIZES; do
    [ -s "$TMP/train-x$k.jsonl" ] || python3 - "$TRAIN" "$TMP/train-x$k.jsonl" "$k" <<'PY'
import json, sys
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for i in range(k):
        for d in docs:
            d = dict(d, id=d["id"] if k == 1 else f"{d['id']}~{i}")
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
done
MB1=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)' "$TRAIN")
echo "input: x1 = $MB1 MB of text; sizes: $SIZES; load: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench -q -p quotecheck-core --bench attribution --no-run 2>/dev/null

engine() {
    cargo bench -q -p quotecheck-core --bench attribution 2>/dev/null |
        sed -n 's/.* = \([0-9.]*\) MB\/s per core/\1/p'
}

# `cli BIN INPUT MB [ARGS]`: "MB/s-per-CPU-second cpu-seconds peak-MiB wall-s"
cli() {
    local log="$TMP/time.log"
    /usr/bin/time -v "$1" quotes "$2" --format "$FORMAT" -q -o /dev/null "${@:4}" 2>"$log"
    python3 - "$log" "$3" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
cpu = float(re.search(r"User time \(seconds\): ([0-9.]+)", t)[1]) + float(
    re.search(r"System time \(seconds\): ([0-9.]+)", t)[1])
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)[1]) / 1024
w = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([0-9.]+)", t)
wall = int(w[1] or 0) * 3600 + int(w[2]) * 60 + float(w[3])
print(f"{float(sys.argv[2]) / cpu:.1f} {cpu:.2f} {rss:.0f} {wall:.1f}")
PY
}

header="round binary engine"
for k in $SIZES; do header="$header x$k(MB/s,cpu-s,MiB)"; done
echo "$header ratio"
for r in $(seq "$ROUNDS"); do
    for bin in $BINS; do
        e=$(engine)
        line="$r $bin $e"
        last=""
        for k in $SIZES; do
            mb=$(python3 -c "print($MB1 * $k)")
            res=$(cli "$bin" "$TMP/train-x$k.jsonl" "$mb")
            line="$line $(echo "$res" | cut -d' ' -f1-3 | tr ' ' ,)"
            last=${res%% *}
        done
        echo "$line $(python3 -c "print(f'{$last / $e:.2f}')")"
    done
done
echo "ratio: quotes MB/s per CPU-second at the largest size / engine bench MB/s per core"
if [ "${QC_THREADS:-0}" = 1 ]; then
    X=$TMP/train-x10.jsonl
    [ -s "$X" ] || { echo "QC_THREADS needs x10 in QC_SIZES"; exit 1; }
    mb=$(python3 -c "print($MB1 * 10)")
    for bin in $BINS; do
        for r in $(seq "$ROUNDS"); do
            l1=$(cut -d' ' -f1 /proc/loadavg)
            t1=$(cli "$bin" "$X" "$mb" --threads 1 | cut -d' ' -f4)
            t2=$(cli "$bin" "$X" "$mb" --threads 2 | cut -d' ' -f4)
            l2=$(cut -d' ' -f1 /proc/loadavg)
            echo "threads $bin: 1 thread ${t1}s, 2 threads ${t2}s wall, speed-up $(python3 -c "print(f'{$t1 / $t2:.2f}')") (load $l1 -> $l2)"
        done
    done
fi
echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
