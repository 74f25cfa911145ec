#!/usr/bin/env bash
# End to end: `quotecheck quotes` on the PolNeAR train split x1 and x10
# against the engine bench (crates/core/benches/attribution.rs), in
# interleaved runs, so both see the same machine load. Reports CPU time
# (user+sys, all threads), MB of article text per CPU-second and peak RSS
# (GNU time); wall time is not used (the machine is shared).
#
#   scripts/bench-e2e.sh                      # target/release/quotecheck, 3 rounds
#   QC_BINS="/tmp/qc-old target/release/quotecheck" QC_ROUNDS=5 scripts/bench-e2e.sh
#
# Inputs are generated under $TMPDIR (x10: ten copies with new ids).
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN=${QC_TRAIN:-../shared/bench/polnear-train.docs.jsonl}
BINS=${QC_BINS:-target/release/quotecheck}
ROUNDS=${QC_ROUNDS:-3}
FORMAT=${QC_FORMAT:-jsonl}
TMP=${TMPDIR:-/tmp}/qc-bench-e2e
mkdir -p "$TMP"
X1="$TMP/train-x1.jsonl"
X10="$TMP/train-x10.jsonl"
cp "$TRAIN" "$X1"
python3 - "$TRAIN" "$X10" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for k in range(10):
        for d in docs:
            d = dict(d, id=f"{d['id']}~{k}")
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
MB1=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)' "$X1")
MB10=$(python3 -c "print($MB1 * 10)")
echo "input: x1 $MB1 MB of text, x10 $MB10 MB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench -q -p quotecheck-core --bench attribution --no-run 2>/dev/null

engine() {
    cargo bench -q -p quotecheck-core --bench attribution 2>/dev/null |
        sed -n 's/.* = \([0-9.]*\) MB\/s per core/\1/p'
}

# `cli BIN INPUT MB`: "MB/s-per-CPU-second cpu-seconds peak-MiB"
cli() {
    local log="$TMP/time.log"
    /usr/bin/time -v "$1" quotes "$2" --format "$FORMAT" -q -o /dev/null 2>"$log"
    python3 - "$log" "$3" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
cpu = float(re.search(r"User time \(seconds\): ([0-9.]+)", t)[1]) + float(
    re.search(r"System time \(seconds\): ([0-9.]+)", t)[1])
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)[1]) / 1024
print(f"{float(sys.argv[2]) / cpu:.1f} {cpu:.2f} {rss:.0f}")
PY
}

printf '%-5s %-40s %8s %22s %22s %6s\n' round binary engine "x1 MB/s cpu-s MiB" "x10 MB/s cpu-s MiB" ratio
for r in $(seq "$ROUNDS"); do
    for bin in $BINS; do
        e=$(engine)
        a=$(cli "$bin" "$X1" "$MB1")
        b=$(cli "$bin" "$X10" "$MB10")
        ratio=$(python3 -c "print(f'{${b%% *} / $e:.2f}')")
        printf '%-5s %-40s %8s %22s %22s %6s\n' "$r" "$bin" "$e" "$a" "$b" "$ratio"
    done
done
echo "ratio: quotes x10 MB/s per CPU-second / engine bench MB/s per core; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
