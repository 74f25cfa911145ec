//! CLEF-2020 CheckThat! Task 2 (claim retrieval) on train+dev: MAP@5 of the
//! ranking of the 10,375 verified claims for each tweet, exactly as
//! `quotecheck match` ranks them ([`FactIndex`]: query cleaning, BM25
//! candidates, the lexical re-ranker [`Reranker::LEXICAL`]), and with
//! `QC_RANKING=bm25` BM25's ranking and the precision and recall of the
//! same-claim rule at several coverage thresholds.
//!
//! ```text
//! cargo run --release -p quotecheck-claims --example clef_eval [-- DIR]
//! ```
//!
//! `DIR` defaults to `../shared/bench/claims` (relative to the workspace).
//! Environment: `QC_K1`, `QC_B` (BM25 parameters), `QC_STOP=0`, `QC_STEM=0`
//! (term options), `QC_SEMANTIC=W` (fuse the built-in model's cosine with
//! weight `W`; 1 = semantic alone), to compare settings;
//! `QC_LEXICAL=1` with `QC_RANKING=fit` fits a lexical re-ranker (BM25
//! candidates only, model features 0; docs/claims.md).
//! `QC_RANKING=bm25` ranks by BM25 alone;
//! `QC_RANKING=rerank` ranks as `match --semantic` does (the built-in
//! re-ranker, [`Reranker::BUILTIN`]); `QC_RANKING=fit` fits the re-ranker
//! pairwise on the train tweets (`QC_L2`, `QC_CANDIDATES` per ranking),
//! prints its weights and ranks with them — train is then seen, dev not;
//! with `QC_CV=K` it first prints the mean MAP@5 of K-fold
//! cross-validation on train (to choose settings without dev).
//!
//! Same-claim precision counts, for each tweet, the rank-1 hit when it
//! passes the rule (right if it is the tweet's verified claim), and the
//! rank-1 hit with the right claim removed from the index when that passes
//! (always wrong: a claim that was never checked matched to another one).
//! Verified claims with the same normalised text as the right one (the set
//! has such duplicates, differing in quote marks) count as right, and are
//! left out with it.

use std::path::PathBuf;
use std::time::Instant;

use quotecheck_claims::bm25::Scratch;
use quotecheck_claims::eval::{average_precision, default_dir, Clef};
use quotecheck_claims::matcher::RERANK_CANDIDATES;
use quotecheck_claims::rerank::{Reranker, FEATURE_NAMES, N_FEATURES, RERANK_L2};
use quotecheck_claims::{Bm25Params, FactIndex, MatchConfig, TermConfig};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(default_dir);
    let clef = match Clef::read(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let env = |k: &str| std::env::var(k).ok();
    let defaults = Bm25Params::default();
    let config = MatchConfig {
        bm25: Bm25Params {
            k1: env("QC_K1")
                .and_then(|v| v.parse().ok())
                .unwrap_or(defaults.k1),
            b: env("QC_B")
                .and_then(|v| v.parse().ok())
                .unwrap_or(defaults.b),
        },
        terms: TermConfig {
            stopwords: env("QC_STOP").as_deref() != Some("0"),
            stem: env("QC_STEM").as_deref() != Some("0"),
        },
        ..MatchConfig::default()
    };
    let t = Instant::now();
    let checks = clef.fact_checks();
    let index = FactIndex::new(checks, config);
    let index = match env("QC_SEMANTIC").and_then(|w| w.parse::<f32>().ok()) {
        Some(w) => index.with_semantic(w),
        None => index,
    };
    let index = match env("QC_RANKING").as_deref() {
        Some("fit") => {
            let l2 = env("QC_L2")
                .and_then(|v| v.parse().ok())
                .unwrap_or(RERANK_L2);
            let n = env("QC_CANDIDATES")
                .and_then(|v| v.parse().ok())
                .unwrap_or(RERANK_CANDIDATES);
            let index = if env("QC_LEXICAL").as_deref() == Some("1") {
                index.with_lexical_reranker(Reranker::BUILTIN)
            } else {
                index.with_reranker(Reranker::BUILTIN)
            }
            .with_rerank_candidates(n);
            let lexical = env("QC_LEXICAL").as_deref() == Some("1");
            fit(&clef, index, l2, lexical, n)
        }
        Some("rerank") => index.with_reranker(Reranker::BUILTIN),
        Some("bm25") => index,
        _ => index.with_lexical_reranker(Reranker::LEXICAL),
    };
    let built = t.elapsed();
    let id = |i: u32| index.checks()[i as usize].id.as_str();
    for split in ["train", "dev", ""] {
        let queries: Vec<_> = clef
            .queries
            .iter()
            .filter(|q| split.is_empty() || q.split == split)
            .collect();
        let mut sum = 0.0;
        let mut first = 0;
        let mut sum1 = 0.0;
        for q in &queries {
            let ranking: Vec<&str> = index
                .search(&q.text, 5)
                .iter()
                .map(|h| id(h.check))
                .collect();
            let relevant: Vec<&str> = q.relevant.iter().map(String::as_str).collect();
            sum += average_precision(&ranking, &relevant, 5);
            first += usize::from(ranking.first().is_some_and(|r| relevant.contains(r)));
            sum1 += average_precision(&ranking, &relevant, 1);
        }
        println!(
            "{:<10} queries {:>4}  MAP@1 {:.4}  MAP@5 {:.4}  right first {:>4}",
            if split.is_empty() { "train+dev" } else { split },
            queries.len(),
            sum1 / queries.len().max(1) as f64,
            sum / queries.len().max(1) as f64,
            first
        );
    }
    println!(
        "index: {} claims, built in {:.1} ms; {:?} {:?}",
        index.checks().len(),
        built.as_secs_f64() * 1e3,
        config.bm25,
        config.terms
    );
    println!("same-claim rule (rank 1), by coverage threshold:");
    let mut scratch = Scratch::default();
    if env("QC_SEMANTIC").is_some() || env("QC_RANKING").as_deref() != Some("bm25") {
        return;
    }
    // Gates only: the coverage threshold is applied below.
    let index = FactIndex::new(
        index.checks().to_vec(),
        MatchConfig {
            min_coverage: 0.0,
            ..config
        },
    );
    for split in ["train", "dev"] {
        // (coverage, passes the gates, right) of rank 1, then of rank 1
        // with the right claims (and their exact duplicates) left out.
        let mut with = Vec::new();
        let mut without = Vec::new();
        for q in clef.queries.iter().filter(|q| q.split == split) {
            let exact: Vec<u64> = (0..index.checks().len() as u32)
                .filter(|&i| q.relevant.contains(&index.checks()[i as usize].id))
                .map(|i| index.features(i).exact)
                .collect();
            let right: Vec<u32> = (0..index.checks().len() as u32)
                .filter(|&i| exact.contains(&index.features(i).exact))
                .collect();
            for (skip, out) in [(&[][..], &mut with), (&right[..], &mut without)] {
                if let Some(h) = index
                    .search_excluding(&q.text, 1, skip, &mut scratch)
                    .first()
                {
                    out.push((h.coverage, h.same_claim, right.contains(&h.check)));
                }
            }
        }
        for theta in [0.5f32, 0.6, 0.7, 0.8] {
            let pass = |v: &Vec<(f32, bool, bool)>| {
                v.iter()
                    .filter(|(c, g, _)| *g && *c >= theta)
                    .map(|x| x.2)
                    .collect::<Vec<_>>()
            };
            let (a, b) = (pass(&with), pass(&without));
            let right = a.iter().filter(|r| **r).count();
            let flagged = a.len() + b.len();
            println!(
                "  {split:<5} coverage >= {theta:.1}: precision {:.3} recall {:.3} ({right} right of {flagged} flagged; {} queries)",
                right as f64 / flagged.max(1) as f64,
                right as f64 / with.len().max(1) as f64,
                with.len()
            );
        }
    }
}

/// One train query's candidates: features, labels, fact-check numbers.
type Candidates = (Vec<[f32; N_FEATURES]>, Vec<bool>, Vec<u32>);

/// Fit a linear re-ranker pairwise on `queries`.
fn fit_on(queries: &[&Candidates], l2: f64) -> Reranker {
    let q: Vec<(Vec<[f32; N_FEATURES]>, Vec<bool>)> =
        queries.iter().map(|c| (c.0.clone(), c.1.clone())).collect();
    Reranker::fit_pairwise(&q, l2)
}

/// MAP@5 of `model`'s order of each query's candidates.
fn candidate_map(model: &Reranker, queries: &[(&Candidates, &[String])], index: &FactIndex) -> f64 {
    let mut sum = 0.0;
    for (c, relevant) in queries {
        let mut order: Vec<(f32, u32)> =
            c.0.iter()
                .zip(&c.2)
                .map(|(x, &i)| (model.score(x), i))
                .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let ranking: Vec<&str> = order
            .iter()
            .take(5)
            .map(|(_, i)| index.checks()[*i as usize].id.as_str())
            .collect();
        let rel: Vec<&str> = relevant.iter().map(String::as_str).collect();
        sum += average_precision(&ranking, &rel, 5);
    }
    sum / queries.len().max(1) as f64
}

/// Fit the re-ranker pairwise on the train tweets' candidates and print
/// its weights (as Rust, for [`Reranker::BUILTIN`] or, `lexical`,
/// [`Reranker::LEXICAL`]); rank with it the same way, `n` candidates.
/// With `QC_CV=K`, first the mean MAP@5 of K-fold
/// cross-validation on train (fold = query number mod K).
fn fit(clef: &Clef, index: FactIndex, l2: f64, lexical: bool, n: usize) -> FactIndex {
    let mut scratch = Scratch::default();
    let train: Vec<_> = clef.queries.iter().filter(|q| q.split == "train").collect();
    let cands: Vec<Candidates> = train
        .iter()
        .map(|q| {
            let c = index.candidate_features(&q.text, &[], &mut scratch);
            let labels = c
                .iter()
                .map(|(i, _)| q.relevant.contains(&index.checks()[*i as usize].id))
                .collect();
            let ids = c.iter().map(|(i, _)| *i).collect();
            (c.into_iter().map(|(_, x)| x).collect(), labels, ids)
        })
        .collect();
    if let Some(k) = std::env::var("QC_CV")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let mut total = 0.0;
        for fold in 0..k {
            let fit_set: Vec<&Candidates> = cands
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, c)| c)
                .collect();
            let held: Vec<(&Candidates, &[String])> = cands
                .iter()
                .zip(&train)
                .enumerate()
                .filter(|(i, _)| i % k == fold)
                .map(|(_, (c, q))| (c, &q.relevant[..]))
                .collect();
            let m = fit_on(&fit_set, l2);
            total += candidate_map(&m, &held, &index) * held.len() as f64;
        }
        println!(
            "cross-validation on train ({k} folds): MAP@5 {:.4}",
            total / cands.len() as f64
        );
    }
    let all: Vec<&Candidates> = cands.iter().collect();
    let model = fit_on(&all, l2);
    println!("re-ranker fitted pairwise on the train candidates, l2 {l2}:");
    for (w, name) in model.weights.iter().zip(FEATURE_NAMES) {
        println!("  {w:e}, // {name}");
    }
    if lexical {
        index.with_lexical_reranker(model).with_rerank_candidates(n)
    } else {
        index.with_reranker(model)
    }
}
