//! CLEF-2020 CheckThat! Task 2 on a subset: the first 200 train tweets
//! ranked against all 10,375 verified claims, read from
//! `../shared/bench/claims/` (never copied into the repository).
//!
//! When that folder is missing the test fails, unless
//! `QUOTECHECK_SKIP_BENCH=1` (README.md).

use std::path::PathBuf;

use quotecheck_claims::eval::{average_precision, Clef, Query};
use quotecheck_claims::rerank::Reranker;
use quotecheck_claims::{FactIndex, MatchConfig};

pub(crate) fn data() -> Option<Clef> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/claims");
    if !dir.is_dir() {
        if std::env::var("QUOTECHECK_SKIP_BENCH").as_deref() == Ok("1") {
            eprintln!("QUOTECHECK_SKIP_BENCH=1: skipping the CLEF test");
            return None;
        }
        panic!(
            "{} is missing: set QUOTECHECK_SKIP_BENCH=1 to skip this test",
            dir.display()
        );
    }
    Some(Clef::read(&dir).expect("CLEF files"))
}

fn index(clef: &Clef) -> FactIndex {
    let checks = clef.fact_checks();
    FactIndex::new(checks, MatchConfig::default())
}

/// MAP@5 of `index`'s rankings for `queries`.
fn map_at_5(index: &FactIndex, queries: &[&Query]) -> f64 {
    let texts: Vec<&str> = queries.iter().map(|q| q.text.as_str()).collect();
    let hits = index.search_all(&texts, 5);
    queries
        .iter()
        .zip(&hits)
        .map(|(q, h)| {
            let ranking: Vec<&str> = h
                .iter()
                .map(|h| index.checks()[h.check as usize].id.as_str())
                .collect();
            let relevant: Vec<&str> = q.relevant.iter().map(String::as_str).collect();
            average_precision(&ranking, &relevant, 5)
        })
        .sum::<f64>()
        / queries.len() as f64
}

#[test]
fn map_at_5_on_200_train_tweets() {
    let Some(clef) = data() else { return };
    let queries: Vec<_> = clef
        .queries
        .iter()
        .filter(|q| q.split == "train")
        .take(200)
        .collect();
    assert_eq!(queries.len(), 200);
    let map = map_at_5(&index(&clef), &queries);
    eprintln!("CLEF MAP@5 on 200 train tweets: {map:.4}");
    // Measured 0.8181 on this subset (docs/claims.md); the floor leaves a
    // margin of 0.028 for changes of tokenisation that are not regressions.
    assert!(map >= 0.79, "MAP@5 {map:.4} below the floor 0.79");
}

#[test]
fn reranker_beats_bm25_on_dev() {
    let Some(clef) = data() else { return };
    // Dev was not used to fit the re-ranker (Reranker::BUILTIN: train only).
    let queries: Vec<_> = clef.queries.iter().filter(|q| q.split == "dev").collect();
    assert_eq!(queries.len(), 197);
    let lexical = index(&clef);
    let bm25 = map_at_5(&lexical, &queries);
    let reranked = map_at_5(&lexical.with_reranker(Reranker::BUILTIN), &queries);
    eprintln!("CLEF dev MAP@5: BM25 {bm25:.4}, re-ranker {reranked:.4}");
    // Measured 0.7657 and 0.8126 (docs/claims.md); floor 0.79 for the
    // re-ranker (margin 0.023), and it must keep most of its lead.
    assert!(reranked >= 0.79, "re-ranker MAP@5 {reranked:.4} below 0.79");
    assert!(reranked >= bm25 + 0.02, "{reranked:.4} vs BM25 {bm25:.4}");
}

#[test]
fn lexical_reranker_beats_bm25_on_dev() {
    let Some(clef) = data() else { return };
    // Dev was not used to fit Reranker::LEXICAL (train only).
    let queries: Vec<_> = clef.queries.iter().filter(|q| q.split == "dev").collect();
    let lexical = index(&clef);
    let bm25 = map_at_5(&lexical, &queries);
    let reranked = map_at_5(&lexical.with_lexical_reranker(Reranker::LEXICAL), &queries);
    eprintln!("CLEF dev MAP@5: BM25 {bm25:.4}, lexical re-ranker {reranked:.4}");
    // Measured 0.7657 and 0.7920 (docs/claims.md); floor 0.775 (margin
    // 0.017), and at least half of its lead over BM25 (+0.026).
    assert!(
        reranked >= 0.775,
        "lexical re-ranker MAP@5 {reranked:.4} below 0.775"
    );
    assert!(reranked >= bm25 + 0.013, "{reranked:.4} vs BM25 {bm25:.4}");
}
