//! `dedup --semantic --model DIR` on MRPC train (as `mrpc_dedup` does for
//! the built-in model): every distinct sentence is one document, all
//! deduplicated in one run; a pair counts as flagged when its two sentences
//! share a cluster. Prints precision, recall and F1 at each cosine
//! threshold of the sentence-transformer.
//!
//! ```text
//! QUOTECHECK_MODEL=DIR QC_THRESHOLDS=0.75,0.8,0.85 cargo run --release -p quotecheck-claims --example mrpc_model
//! ```
//!
//! Each sentence is embedded once (the vectors are kept in memory across
//! thresholds).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use quotecheck_claims::embedder::{EmbedError, Embedder};
use quotecheck_claims::eval::{default_dir, mrpc_pairs, pair_scores};
use quotecheck_claims::model::from_dir_or_env;
use quotecheck_claims::semdedup::{SemanticConfig, SemanticLinks, MODEL_DEDUP_COSINE};

/// An embedder that remembers every text's vector.
struct Remembering<E> {
    inner: E,
    seen: Mutex<HashMap<String, Vec<f32>>>,
}

impl<E: Embedder> Embedder for Remembering<E> {
    fn id(&self) -> &str {
        self.inner.id()
    }

    fn dim(&self) -> usize {
        self.inner.dim()
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<f32>, EmbedError> {
        let todo: Vec<&str> = {
            let seen = self.seen.lock().map_err(|e| EmbedError(e.to_string()))?;
            texts
                .iter()
                .copied()
                .filter(|t| !seen.contains_key(*t))
                .collect()
        };
        let rows = self.inner.embed_batch(&todo)?;
        let mut seen = self.seen.lock().map_err(|e| EmbedError(e.to_string()))?;
        for (t, v) in todo.iter().zip(rows.chunks_exact(self.dim())) {
            seen.insert(t.to_string(), v.to_vec());
        }
        Ok(texts.iter().flat_map(|t| seen[*t].clone()).collect())
    }
}

fn main() {
    let fail = |e: String| -> ! {
        eprintln!("error: {e}");
        std::process::exit(2)
    };
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_dir);
    let pairs = mrpc_pairs(&dir.join("mrpc-train.pairs.tsv")).unwrap_or_else(|e| fail(e));
    let model = match from_dir_or_env(None) {
        Ok(Some(m)) => m,
        Ok(None) => fail("set QUOTECHECK_MODEL to a model directory".into()),
        Err(e) => fail(e.to_string()),
    };
    let model: Arc<dyn Embedder> = Arc::new(Remembering {
        inner: model,
        seen: Mutex::default(),
    });
    let thresholds: Vec<f32> = std::env::var("QC_THRESHOLDS")
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|_| vec![MODEL_DEDUP_COSINE]);
    println!("MRPC train: {} pairs, model {}", pairs.len(), model.id());
    for t in thresholds {
        let config = SemanticConfig {
            threshold: t,
            ..SemanticConfig::for_model()
        };
        let mut hook = SemanticLinks::with_model(config, model.clone());
        let s = pair_scores(&pairs, Some(&mut hook));
        println!(
            "dedup --semantic --model {t:.3} precision {:.3}  recall {:.3}  F1 {:.3}  (candidate pairs {})",
            s.precision,
            s.recall,
            s.f1,
            hook.candidates()
        );
    }
}
