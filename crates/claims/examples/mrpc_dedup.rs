//! MRPC paraphrase pairs (train split, `../shared/bench/claims`) through the
//! dedup engine: every distinct sentence is one document of one sentence
//! claim, all of them deduplicated in one run, and a pair counts as flagged
//! when its two sentences end in the same cluster.
//!
//! ```text
//! cargo run --release -p quotecheck-claims --example mrpc_dedup [-- DIR]
//! QC_THRESHOLDS=0.80,0.82,0.845 QC_RARE=4 cargo run --release -p quotecheck-claims --example mrpc_dedup
//! ```
//!
//! Prints precision, recall and F1 of plain `dedup` (the lexical rule) and
//! of `dedup --semantic` at each cosine threshold.

use std::path::PathBuf;

use quotecheck_claims::eval::{default_dir, mrpc_pairs, pair_scores};
use quotecheck_claims::semdedup::{SemanticConfig, SemanticLinks, DEDUP_COSINE};

fn env_list(name: &str) -> Option<Vec<f32>> {
    let v = std::env::var(name).ok()?;
    v.split(',').map(|x| x.trim().parse().ok()).collect()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_dir);
    let pairs = match mrpc_pairs(&dir.join("mrpc-train.pairs.tsv")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let positives = pairs.iter().filter(|p| p.label).count();
    println!("MRPC train: {} pairs, {positives} paraphrases", pairs.len());
    let plain = pair_scores(&pairs, None);
    println!(
        "dedup               precision {:.3}  recall {:.3}  F1 {:.3}",
        plain.precision, plain.recall, plain.f1
    );
    let rare = std::env::var("QC_RARE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SemanticConfig::default().rare_terms);
    for t in env_list("QC_THRESHOLDS").unwrap_or_else(|| vec![DEDUP_COSINE]) {
        let mut hook = SemanticLinks::new(SemanticConfig {
            threshold: t,
            rare_terms: rare,
            ..SemanticConfig::default()
        });
        let s = pair_scores(&pairs, Some(&mut hook));
        println!(
            "dedup --semantic {t:.3} precision {:.3}  recall {:.3}  F1 {:.3}  (candidate pairs {})",
            s.precision,
            s.recall,
            s.f1,
            hook.candidates(),
        );
    }
}
