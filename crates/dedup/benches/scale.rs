//! Scale benchmark: synthetic news-like claims with planted near duplicates
//! and planted number changes (see `quotecheck_dedup::synth`), at 10k, 100k
//! and 1M claims. Reports wall time, throughput, peak RSS (VmHWM, reset
//! between sizes), candidate pairs, recall of the planted pairs, precision of
//! the reported pairs, and number changes wrongly reported.
//!
//! ```text
//! cargo bench -p quotecheck-dedup                       # 10k, 100k, 1M
//! QC_BENCH_SIZES=10000,100000 cargo bench -p quotecheck-dedup
//! RAYON_NUM_THREADS=2 QC_BENCH_KEEP_TEXT=0 cargo bench -p quotecheck-dedup
//! ```
//!
//! Claims are generated on the fly in batches of 2048 documents (untimed),
//! then normalised and sketched in parallel and pushed into the streaming
//! `Deduper` (timed), exactly as the CLI feeds analysed documents; `finish`
//! is timed too. `gen s` is the time to generate the text alone, for
//! reference. Peak RSS covers everything, generation batches included.

use std::time::Instant;

use rayon::prelude::*;

use quotecheck_dedup::synth::{SynthConfig, SynthCorpus};
use quotecheck_dedup::{DedupConfig, Deduper};

fn status_kib(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Reset the peak-RSS counter (Linux `clear_refs` value 5).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let sizes: Vec<usize> = std::env::var("QC_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let keep_text = std::env::var("QC_BENCH_KEEP_TEXT").map_or(true, |v| v != "0");
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<usize>().ok());
    let defaults = DedupConfig::default();
    let config = DedupConfig {
        keep_text,
        bands: env("QC_BANDS").unwrap_or(defaults.bands),
        rows: env("QC_ROWS").unwrap_or(defaults.rows),
        ..defaults
    };
    println!(
        "quotecheck-dedup scale benchmark: {} rayon threads, bands={} rows={} shingle={} keep_text={}",
        rayon::current_num_threads(),
        config.bands,
        config.rows,
        config.shingle_size,
        config.keep_text
    );
    println!(
        "{:>9} {:>8} {:>8} {:>8} {:>11} {:>9} {:>10} {:>9} {:>8} {:>9} {:>10}",
        "claims",
        "gen s",
        "wall s",
        "finish s",
        "claims/s",
        "peak MiB",
        "candidates",
        "clusters",
        "recall",
        "precision",
        "num-chg FP"
    );
    let mut previous: Option<(usize, f64)> = None;
    for &n in &sizes {
        let corpus = SynthCorpus::new(SynthConfig {
            claims: n,
            ..SynthConfig::default()
        });
        let docs = corpus.docs();
        // Generation alone, for reference (not part of the timed run).
        let t = Instant::now();
        let total_len: usize = (0..docs)
            .into_par_iter()
            .map(|d| {
                corpus
                    .doc_claims(d)
                    .iter()
                    .map(|c| c.text.len())
                    .sum::<usize>()
            })
            .sum();
        let gen_s = t.elapsed().as_secs_f64();

        reset_peak();
        // Claims are generated in batches outside the timed region; the
        // timed work is normalising, sketching, pushing and finishing.
        let mut dd = Deduper::new(config.clone());
        let timed = corpus.feed(&mut dd);
        let t_finish = Instant::now();
        let report = dd.finish();
        let finish_s = t_finish.elapsed().as_secs_f64();
        let wall = timed + finish_s;
        let peak_mib = status_kib("VmHWM:").unwrap_or(0) as f64 / 1024.0;
        let ev = corpus.evaluate(&report);
        println!(
            "{:>9} {:>8.3} {:>8.3} {:>8.3} {:>11.0} {:>9.1} {:>10} {:>9} {:>8.4} {:>9.4} {:>10}",
            n,
            gen_s,
            wall,
            finish_s,
            n as f64 / wall,
            peak_mib,
            report.stats.candidate_pairs,
            report.stats.clusters,
            ev.recall(),
            ev.precision(),
            ev.number_changes_reported
        );
        println!(
            "          planted pairs {} found {}; reported pairs {} true {}; number changes {}; text {:.1} MiB",
            ev.planted_pairs,
            ev.found_pairs,
            ev.reported_pairs,
            ev.true_reported_pairs,
            ev.number_changes,
            total_len as f64 / 1048576.0
        );
        if let Some((pn, pw)) = previous {
            println!(
                "          time growth ×{:.2} for ×{:.0} claims",
                wall / pw,
                n as f64 / pn as f64
            );
        }
        previous = Some((n, wall));
    }
}
