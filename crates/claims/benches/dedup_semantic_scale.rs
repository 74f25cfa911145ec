//! Scale benchmark of `dedup --semantic`: synthetic news-like claims
//! (`quotecheck_dedup::synth`, 1M by default) sketched and pushed into the
//! dedup engine, then finished with the built-in model's links
//! ([`SemanticLinks`]).
//!
//! ```text
//! RAYON_NUM_THREADS=2 cargo bench -p quotecheck-claims --bench dedup_semantic_scale
//! QC_BENCH_SIZES=100000 QC_PLAIN=1 cargo bench -p quotecheck-claims --bench dedup_semantic_scale
//! ```
//!
//! Generation is not timed; the timed work is normalising, sketching,
//! pushing and finishing (with `QC_PLAIN=1`, plain `finish` without the
//! model, for comparison). Peak RSS (VmHWM) covers the whole process, one
//! size per process is the honest reading (run one size at a time).

use std::time::Instant;

use quotecheck_claims::semdedup::{SemanticConfig, SemanticLinks};
use quotecheck_dedup::synth::{SynthConfig, SynthCorpus};
use quotecheck_dedup::{DedupConfig, DedupReport, Deduper, Reason};

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
        .unwrap_or_else(|| vec![1_000_000]);
    let plain = std::env::var("QC_PLAIN").as_deref() == Ok("1");
    println!(
        "dedup --semantic benchmark: {} rayon threads{}",
        rayon::current_num_threads(),
        if plain { " (plain finish)" } else { "" }
    );
    println!(
        "{:>9} {:>8} {:>9} {:>8} {:>11} {:>9} {:>9} {:>9}",
        "claims",
        "total s",
        "finish s",
        "claims/s",
        "candidates",
        "clusters",
        "semantic",
        "RSS MiB"
    );
    for n in sizes {
        let corpus = SynthCorpus::new(SynthConfig {
            claims: n,
            ..SynthConfig::default()
        });
        let mut dd = Deduper::new(DedupConfig::default());
        let timed = corpus.feed(&mut dd);
        let mut hook = SemanticLinks::new(SemanticConfig::default());
        let t = Instant::now();
        let report: DedupReport = if plain {
            dd.finish()
        } else {
            dd.finish_with(&mut hook)
        };
        let finish = t.elapsed().as_secs_f64();
        let total = timed + finish;
        let semantic = report
            .clusters
            .iter()
            .flat_map(|c| &c.members)
            .filter(|m| m.reason == Reason::Semantic)
            .count();
        println!(
            "{:>9} {:>8.2} {:>9.2} {:>8.0} {:>11} {:>9} {:>9} {:>9.0}",
            n,
            total,
            finish,
            n as f64 / total,
            hook.candidates(),
            report.clusters.len(),
            semantic,
            peak_rss_mib()
        );
    }
}
