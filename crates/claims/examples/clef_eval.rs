//! CLEF-2020 CheckThat! Task 2 (claim retrieval) on train+dev: MAP@5 of the
//! BM25 ranking of the 10,375 verified claims for each tweet.
//!
//! ```text
//! cargo run --release -p quotecheck-claims --example clef_eval [-- DIR]
//! ```
//!
//! `DIR` defaults to `../shared/bench/claims` (relative to the workspace).
//! Environment: `QC_K1`, `QC_B` (BM25 parameters), `QC_STOP=0`, `QC_STEM=0`
//! (term options), `QC_RAW=1` (queries not cleaned), to compare settings.

use std::path::PathBuf;
use std::time::Instant;

use quotecheck_claims::clean::clean_query;
use quotecheck_claims::eval::{average_precision, Clef};
use quotecheck_claims::{Bm25Index, Bm25Params, TermConfig};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/claims")
        });
    let clef = match Clef::read(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let env = |k: &str| std::env::var(k).ok();
    let defaults = Bm25Params::default();
    let params = Bm25Params {
        k1: env("QC_K1")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.k1),
        b: env("QC_B")
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.b),
    };
    let terms = TermConfig {
        stopwords: env("QC_STOP").as_deref() != Some("0"),
        stem: env("QC_STEM").as_deref() != Some("0"),
    };
    let raw = env("QC_RAW").as_deref() == Some("1");
    let t = Instant::now();
    let texts: Vec<&str> = clef.claims.iter().map(|c| c.1.as_str()).collect();
    let index = Bm25Index::build(&texts, terms, params);
    let built = t.elapsed();
    for split in ["train", "dev", ""] {
        let queries: Vec<_> = clef
            .queries
            .iter()
            .filter(|q| split.is_empty() || q.split == split)
            .collect();
        let mut sum = 0.0;
        let mut first = 0;
        for q in &queries {
            let text = if raw {
                q.text.clone()
            } else {
                clean_query(&q.text)
            };
            let ranking: Vec<&str> = index
                .search(&text, 5)
                .iter()
                .map(|h| clef.claims[h.claim as usize].0.as_str())
                .collect();
            let relevant: Vec<&str> = q.relevant.iter().map(String::as_str).collect();
            sum += average_precision(&ranking, &relevant, 5);
            first += usize::from(ranking.first().is_some_and(|r| relevant.contains(r)));
        }
        println!(
            "{:<10} queries {:>4}  MAP@5 {:.4}  right first {:>4}",
            if split.is_empty() { "train+dev" } else { split },
            queries.len(),
            sum / queries.len().max(1) as f64,
            first
        );
    }
    println!(
        "index: {} claims, {} terms, built in {:.1} ms; {:?} {:?}",
        index.len(),
        index.vocabulary(),
        built.as_secs_f64() * 1e3,
        params,
        terms
    );
}
