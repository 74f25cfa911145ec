//! CLEF-2020 CheckThat! Task 2 on train+dev with a sentence-transformer
//! (the accurate tier): MAP@5 of the model alone and fused with the
//! lexical ranking ([`FusedIndex`], z-score fusion) at several weights,
//! and the weight with the best train MAP@5.
//!
//! ```text
//! QUOTECHECK_MODEL=DIR cargo run --release -p quotecheck-claims --example clef_model [-- CLEF_DIR]
//! ```
//!
//! `QC_RANKING=rerank` ranks with the learned re-ranker instead
//! ([`Reranker::MODEL`], `match --model`); `QC_RANKING=fit` fits it
//! pairwise on the train tweets (`QC_L2`, `QC_CANDIDATES` per ranking),
//! prints its weights and ranks with them (train seen, dev not).
//!
//! `QC_WEIGHTS` (default `0,0.2,0.3,0.4,0.5,0.6,0.7,0.8,1`) lists the
//! weights (the queries are embedded once); `QC_VECTORS=FILE` keeps the fact-checks' vectors in FILE
//! (raw little-endian f32) so a second run skips embedding them;
//! `QC_QUERY_VECTORS=FILE` keeps the queries' vectors (cleaned as `match`
//! cleans them) the same way (to skip embedding them again, and to
//! compare them with a reference implementation).
//! Also prints the model's speed (sentences/s on the current rayon pool;
//! `RAYON_NUM_THREADS=1` for one core).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use quotecheck_claims::bm25::Scratch;
use quotecheck_claims::embedder::{embed_all, Embedder};
use quotecheck_claims::eval::{average_precision, default_dir, Clef};
use quotecheck_claims::fusion::{FusedIndex, EMBED_BATCH};
use quotecheck_claims::matcher::{FactHit, RERANK_CANDIDATES};
use quotecheck_claims::model::from_dir_or_env;
use quotecheck_claims::rerank::{Reranker, FEATURE_NAMES, RERANK_L2};
use quotecheck_claims::{FactIndex, MatchConfig};

fn load_vectors(path: &Path, n: usize) -> Option<Vec<f32>> {
    let b = std::fs::read(path).ok()?;
    (b.len() == n * 4).then(|| {
        b.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    })
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_dir);
    let fail = |e: String| -> ! {
        eprintln!("error: {e}");
        std::process::exit(2)
    };
    let clef = Clef::read(&dir).unwrap_or_else(|e| fail(e));
    let model = match from_dir_or_env(None) {
        Ok(Some(m)) => Arc::new(m),
        Ok(None) => fail("set QUOTECHECK_MODEL to a model directory".into()),
        Err(e) => fail(e.to_string()),
    };
    let weights: Vec<f32> = std::env::var("QC_WEIGHTS")
        .unwrap_or_else(|_| "0,0.2,0.3,0.4,0.5,0.6,0.7,0.8,1".into())
        .split(',')
        .filter_map(|w| w.trim().parse().ok())
        .collect();
    let lexical = FactIndex::new(clef.fact_checks(), MatchConfig::default());
    let n = lexical.checks().len() * model.dim();
    let cache = std::env::var_os("QC_VECTORS").map(PathBuf::from);
    let t = Instant::now();
    let vectors = match cache.as_deref().and_then(|p| load_vectors(p, n)) {
        Some(v) => {
            println!("fact-check vectors read from the cache");
            v
        }
        None => {
            let texts: Vec<&str> = lexical.checks().iter().map(|c| c.claim.as_str()).collect();
            let v = embed_all(model.as_ref(), &texts, EMBED_BATCH)
                .unwrap_or_else(|e| fail(e.to_string()));
            let secs = t.elapsed().as_secs_f64();
            println!(
                "embedded {} fact-checks with {} in {secs:.1} s: {:.1} sentences/s on {} threads",
                texts.len(),
                model.id(),
                texts.len() as f64 / secs,
                rayon::current_num_threads()
            );
            if let Some(p) = &cache {
                let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
                std::fs::write(p, bytes).unwrap_or_else(|e| fail(format!("{}: {e}", p.display())));
            }
            v
        }
    };
    let mut fused = FusedIndex::from_vectors(lexical, model, vectors, 0.0)
        .unwrap_or_else(|| fail("cached vectors do not fit".into()));
    let texts: Vec<&str> = clef.queries.iter().map(|q| q.text.as_str()).collect();
    let t = Instant::now();
    let query_cache = std::env::var_os("QC_QUERY_VECTORS").map(PathBuf::from);
    let cached = query_cache
        .as_deref()
        .and_then(|p| load_vectors(p, texts.len() * fused.model().dim()));
    let query_vectors = match cached {
        Some(v) => v,
        None => {
            let v = fused
                .embed_queries(&texts)
                .unwrap_or_else(|e| fail(e.to_string()));
            if let Some(p) = &query_cache {
                let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
                std::fs::write(p, bytes).unwrap_or_else(|e| fail(format!("{}: {e}", p.display())));
            }
            v
        }
    };
    let secs = t.elapsed().as_secs_f64();
    println!(
        "embedded {} queries in {secs:.1} s: {:.1} sentences/s on {} threads",
        texts.len(),
        texts.len() as f64 / secs,
        rayon::current_num_threads()
    );
    match std::env::var("QC_RANKING").as_deref() {
        Ok("fit") | Ok("rerank") => {
            let fitting = std::env::var("QC_RANKING").as_deref() == Ok("fit");
            let l2 = std::env::var("QC_L2")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(RERANK_L2);
            let n = std::env::var("QC_CANDIDATES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(RERANK_CANDIDATES);
            let mut reranker = Reranker::MODEL;
            let fused = fused
                .with_reranker(Reranker::BUILTIN)
                .with_rerank_candidates(n);
            if fitting {
                let dim = fused.model().dim();
                let mut scratch = Scratch::default();
                let train: Vec<_> = clef
                    .queries
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.split == "train")
                    .map(|(i, q)| {
                        let v = &query_vectors[i * dim..(i + 1) * dim];
                        fused
                            .candidate_features(&q.text, v, &mut scratch)
                            .into_iter()
                            .map(|(c, x)| (x, q.relevant.contains(&fused.checks()[c as usize].id)))
                            .unzip()
                    })
                    .collect();
                reranker = Reranker::fit_pairwise(&train, l2);
                println!(
                    "re-ranker fitted pairwise on the train candidates ({n} per ranking), l2 {l2}:"
                );
                for (w, name) in reranker.weights.iter().zip(FEATURE_NAMES) {
                    println!("  {w:e}, // {name}");
                }
            }
            let fused = fused.with_reranker(reranker);
            let hits = fused.search_all_embedded(&texts, &query_vectors, 5);
            let line = report(&clef, &fused, &hits, &mut (f64::MIN, 0.0), 0.0);
            println!(
                "re-ranker{}:{line}",
                if fitting { " (train seen)" } else { "" }
            );
            return;
        }
        _ => {}
    }
    let mut best = (f64::MIN, 0.0);
    for w in weights {
        fused = fused.with_weight(w);
        let hits = fused.search_all_embedded(&texts, &query_vectors, 5);
        let line = report(&clef, &fused, &hits, &mut best, w);
        println!("w = {w:.2}:{line}");
    }
    println!("best weight on train: {:.2} (MAP@5 {:.4})", best.1, best.0);
}

/// MAP@5 on train, dev and train+dev as one line; `best` keeps the best
/// train MAP@5 and its weight `w`.
fn report(
    clef: &Clef,
    fused: &FusedIndex,
    hits: &[Vec<FactHit>],
    best: &mut (f64, f32),
    w: f32,
) -> String {
    let mut line = String::new();
    for split in ["train", "dev", ""] {
        let (mut sum, mut count) = (0.0, 0usize);
        for (q, h) in clef.queries.iter().zip(hits) {
            if !split.is_empty() && q.split != split {
                continue;
            }
            let ranking: Vec<&str> = h
                .iter()
                .map(|h| fused.checks()[h.check as usize].id.as_str())
                .collect();
            let relevant: Vec<&str> = q.relevant.iter().map(String::as_str).collect();
            sum += average_precision(&ranking, &relevant, 5);
            count += 1;
        }
        let map = sum / count.max(1) as f64;
        if split == "train" && map > best.0 {
            *best = (map, w);
        }
        let name = if split.is_empty() { "train+dev" } else { split };
        line.push_str(&format!("  {name} MAP@5 {map:.4} ({count})"));
    }
    line
}
