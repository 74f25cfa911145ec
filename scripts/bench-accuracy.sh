#!/usr/bin/env bash
# Accuracy benchmark: build in release mode and score the engine on the full
# PolNeAR train split (840 articles) with mention-span speaker matching.
# Prints the score table, the engine throughput (MB/s) and the elapsed time.
#
#   scripts/bench-accuracy.sh [GOLD] [--errors N] [--json]
#
# GOLD defaults to ../shared/bench/polnear-train.gold.jsonl (relative to the
# repository root; else the nearest shared/bench/ above it), or
# $QUOTECHECK_BENCH_DIR/polnear-train.gold.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."

gold="${QUOTECHECK_BENCH_DIR:-../shared/bench}/polnear-train.gold.jsonl"
if [[ -z "${QUOTECHECK_BENCH_DIR:-}" && ! -f "$gold" ]]; then
    # e.g. a git worktree one level deeper than the checkout: look further up
    dir="$(pwd -P)"
    while [[ "$dir" != / ]]; do
        dir="$(dirname "$dir")"
        if [[ -f "$dir/shared/bench/polnear-train.gold.jsonl" ]]; then
            gold="$dir/shared/bench/polnear-train.gold.jsonl"
            break
        fi
    done
fi
if [[ $# -gt 0 && "$1" != -* ]]; then
    gold="$1"
    shift
fi
if [[ ! -f "$gold" ]]; then
    echo "bench-accuracy: gold file not found: $gold" >&2
    echo "  pass a path or set QUOTECHECK_BENCH_DIR" >&2
    exit 1
fi

exec cargo run --release -p quotecheck-eval --example score_bench -- "$gold" --mention-iou "$@"
