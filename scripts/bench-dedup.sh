#!/usr/bin/env bash
# `quotecheck dedup` end to end on planted synthetic claims: documents of 20
# claims each from the seeded generator of `quotecheck_dedup::synth`
# (crates/cli/examples/dedup_corpus.rs: planted near duplicates, planted
# number changes), read from JSONL, analysed, sketched and deduplicated by
# the CLI, `duplicates` written as JSONL and scored against the planted
# truth. Interleaved runs of the binaries compared; prints wall and CPU
# seconds (user+sys, all threads), peak RSS (GNU time), recall, precision
# and planted number changes merged into one cluster (directly or
# transitively).
#
#   scripts/bench-dedup.sh                                  # 1M claims, 3 rounds
#   QC_CLAIMS=100000 QC_BINS="/tmp/qc-old target/release/quotecheck" scripts/bench-dedup.sh
#   QC_THREADS="1 2" scripts/bench-dedup.sh                 # wall with 1 and 2 workers
#   QC_ARGS=--semantic scripts/bench-dedup.sh               # dedup --semantic
#
# Worker threads: QC_THREADS, a list (default 0: one per core); extra
# `dedup` options: QC_ARGS. Each run prints the load average (1 minute)
# before it. Inputs under $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
CLAIMS=${QC_CLAIMS:-1000000}
BINS=${QC_BINS:-target/release/quotecheck}
ROUNDS=${QC_ROUNDS:-3}
THREADS=${QC_THREADS:-0}
TMP=${TMPDIR:-/tmp}/qc-bench-dedup
mkdir -p "$TMP"
cargo build -q --release -p quotecheck --example dedup_corpus
GEN=target/release/examples/dedup_corpus
INPUT="$TMP/claims-$CLAIMS.jsonl"
[ -s "$INPUT" ] || "$GEN" gen "$CLAIMS" "$INPUT"
echo "input: $CLAIMS claims, $(stat -c %s "$INPUT") bytes; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$ROUNDS"); do
    for threads in $THREADS; do
        for bin in $BINS; do
            out="$TMP/duplicates.jsonl"
            load=$(cut -d' ' -f1 /proc/loadavg)
            # shellcheck disable=SC2086 # QC_ARGS is a list of options
            /usr/bin/time -f "%e %U %S %M" -o "$TMP/time.txt" \
                "$bin" dedup "$INPUT" --format jsonl -q --threads "$threads" ${QC_ARGS:-} -o "$out"
            read -r wall user sys kib <"$TMP/time.txt"
            score=$("$GEN" eval "$CLAIMS" "$out")
            printf '%s %s threads %s load %s: wall %ss cpu %.2fs peak %d MiB | %s\n' "$r" "$bin" \
                "$threads" "$load" "$wall" "$(python3 -c "print($user + $sys)")" $((kib / 1024)) "$score"
        done
    done
done
echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
