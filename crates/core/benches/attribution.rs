//! Attribution throughput benchmark (single thread).
//!
//! Input: every `fixtures/articles/*.txt` plus, when present,
//! `../shared/bench/polnear-train.docs.jsonl` (or the JSONL file named by
//! `QC_BENCH_DOCS`, e.g. when running from a git worktree), repeated until at least
//! `QC_BENCH_MB` megabytes (default 32) have been analysed.
//! Run with `cargo bench -p quotecheck-core --bench attribution`.

use std::path::Path;
use std::time::Instant;

use quotecheck_core::{analyze, Document};

/// The allocator of the `quotecheck` binary, so that the figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(root: &Path) -> Vec<Document> {
    let mut docs = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("fixtures/articles")) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    docs.push(Document::new(p.display().to_string(), text));
                }
            }
        }
    }
    let bench = std::env::var_os("QC_BENCH_DOCS").map_or_else(
        || root.join("../shared/bench/polnear-train.docs.jsonl"),
        std::path::PathBuf::from,
    );
    if let Ok(data) = std::fs::read_to_string(bench) {
        for line in data.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                let id = v["id"].as_str().unwrap_or_default();
                let text = v["text"].as_str().unwrap_or_default();
                docs.push(Document::new(id, text));
            }
        }
    }
    docs
}

/// Nanoseconds this thread has spent on a CPU (Linux `/proc/thread-self/schedstat`),
/// so that the figure is not distorted by other processes on a busy machine.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let docs = load(&root);
    let corpus: usize = docs.iter().map(|d| d.text.len()).sum();
    if corpus == 0 {
        eprintln!("no input documents found under {}", root.display());
        std::process::exit(1);
    }
    let target_mb: usize = std::env::var("QC_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    // Warm up the lexicons.
    let _ = analyze(&docs[0]);
    let start = Instant::now();
    let cpu_start = cpu_ns();
    let (mut bytes, mut quotes, mut rounds) = (0usize, 0usize, 0usize);
    while bytes < target_mb << 20 {
        for d in &docs {
            quotes += analyze(d).quotes.len();
            bytes += d.text.len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu_secs = match (cpu_start, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => secs,
    };
    println!(
        "attribution CPU time: {cpu_secs:.2} s = {:.1} MB/s per core",
        bytes as f64 / 1e6 / cpu_secs
    );
    println!(
        "attribution: {} documents x {rounds} rounds, {:.1} MB in {secs:.2} s = {:.1} MB/s on one core ({quotes} quotes)",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
