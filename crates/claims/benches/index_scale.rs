//! Scale benchmark of lexical retrieval: build a BM25 index over synthetic
//! news-like claims (`quotecheck_dedup::synth`), then search a sample of
//! them, and (at sizes up to `QC_PAIRS_MAX`, default 100,000) find the
//! verified candidate pairs of all claims ([`candidate_pairs`]).
//!
//! ```text
//! RAYON_NUM_THREADS=2 cargo bench -p quotecheck-claims --bench index_scale
//! QC_BENCH_SIZES=100000 cargo bench -p quotecheck-claims --bench index_scale
//! ```
//!
//! `QC_PREFIX=0` searches candidate pairs by all of a claim's terms instead
//! of its rarest ones (for comparison).
//!
//! Generation is not timed. `build s` covers tokenising (parallel) and
//! laying out the postings; peak RSS (VmHWM) covers everything.

use std::time::Instant;

use quotecheck_claims::pairs::{candidate_pairs, PairConfig};
use quotecheck_claims::{Bm25Index, Bm25Params, TermConfig};
use quotecheck_dedup::synth::{SynthConfig, SynthCorpus};
use rayon::prelude::*;

fn peak_rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("QC_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    let pairs_max: usize = std::env::var("QC_PAIRS_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    println!(
        "quotecheck-claims index benchmark: {} rayon threads",
        rayon::current_num_threads()
    );
    println!(
        "{:>9} {:>8} {:>10} {:>9} {:>12} {:>16} {:>8}",
        "claims", "build s", "claims/s", "terms", "search µs", "pairs s (found)", "RSS MiB"
    );
    for n in sizes {
        let corpus = SynthCorpus::new(SynthConfig {
            claims: n,
            ..SynthConfig::default()
        });
        let texts: Vec<String> = (0..n).into_par_iter().map(|i| corpus.claim(i)).collect();
        let t = Instant::now();
        let index = Bm25Index::build(&texts, TermConfig::default(), Bm25Params::default());
        let build = t.elapsed().as_secs_f64();
        let sample: Vec<&String> = texts.iter().step_by((n / 1000).max(1)).collect();
        let t = Instant::now();
        for q in &sample {
            std::hint::black_box(index.search(q, 10));
        }
        let search = t.elapsed().as_secs_f64() / sample.len() as f64 * 1e6;
        let pairs = if n <= pairs_max {
            let t = Instant::now();
            let p = candidate_pairs(
                &texts,
                &PairConfig {
                    prefix_filter: std::env::var("QC_PREFIX").as_deref() != Ok("0"),
                    ..PairConfig::default()
                },
            );
            format!("{:.1} ({})", t.elapsed().as_secs_f64(), p.len())
        } else {
            "-".to_string()
        };
        println!(
            "{:>9} {:>8.2} {:>10.0} {:>9} {:>12.1} {:>16} {:>8.0}",
            n,
            build,
            n as f64 / build,
            index.vocabulary(),
            search,
            pairs,
            peak_rss_mib()
        );
    }
}
