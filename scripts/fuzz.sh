#!/usr/bin/env bash
# Fuzz campaign: run each cargo-fuzz target single-process for a number of
# executions and print the totals. Needs a nightly toolchain and
# `cargo install cargo-fuzz` (see docs/reliability.md).
#
#   scripts/fuzz.sh [RUNS_PER_TARGET] [TARGET…]
#
# With FUZZ_SECONDS=N each target stops after N seconds instead (whichever
# limit comes first).
#
# Seeds come from fixtures/ and tests/data/; the corpus grows in
# fuzz/corpus/<target>, crashes land in fuzz/artifacts/<target>. A crash
# must become a regression test (crates/core/tests/fuzz_regressions.rs or
# crates/cli/tests/cli_reliability.rs) before it is fixed.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(engine dedup read_jsonl read_csv read_html)
export RAYON_NUM_THREADS=1
mkdir -p corpus/engine corpus/read_jsonl corpus/read_csv corpus/read_html corpus/dedup
cp -n ../fixtures/articles/*.txt corpus/engine/ 2>/dev/null || true
find ../tests/data -name '*.jsonl' -exec cp -n {} corpus/read_jsonl/ \;
find ../tests/data -name '*.csv' -exec cp -n {} corpus/read_csv/ \;
find ../tests/data -name '*.htm*' -exec cp -n {} corpus/read_html/ \;
for t in "${targets[@]}"; do
  max_len=4096
  [ "$t" = engine ] && max_len=1024
  log="fuzz-$t.log"
  # -s none: the targets are safe Rust (unsafe_code is forbidden), so
  # AddressSanitizer finds nothing that a panic would not, at 2-3× the cost.
  cargo +nightly fuzz run -O -s none "$t" "corpus/$t" -- \
    -runs="$runs" -max_total_time="${FUZZ_SECONDS:-0}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1 || { echo "$t: FAILED, see fuzz/$log"; tail -30 "$log"; exit 1; }
  echo "$t: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') executions, $(ls "corpus/$t" | wc -l) corpus files"
done
