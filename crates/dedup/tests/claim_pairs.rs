//! Precision and recall of duplicate detection on labelled claim pairs:
//! `fixtures/claim-pairs.json` (the project's shared labels) and
//! `fixtures/dedup-claim-pairs.json` (49 pairs written for this crate). Each
//! pair is run end to end (two one-claim documents through LSH, verification
//! and clustering); a pair is predicted duplicate when it forms a cluster.

use crate::common;

use std::collections::BTreeMap;

use quotecheck_dedup::{Claim, DedupConfig, Deduper};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Pair {
    a: String,
    b: String,
    duplicate: bool,
    #[serde(default)]
    category: String,
}

fn predict(cfg: &DedupConfig, a: &str, b: &str) -> (bool, f32) {
    let mut dd = Deduper::new(cfg.clone());
    dd.add_claims("a", &[Claim::whole("a", a)]);
    dd.add_claims("b", &[Claim::whole("b", b)]);
    let r = dd.finish();
    match r.clusters.first() {
        Some(c) => (true, c.members[1].similarity),
        None => (false, 0.0),
    }
}

/// Returns (precision, recall) and prints a per-category table.
fn evaluate(name: &str, pairs: &[Pair]) -> (f64, f64) {
    let cfg = DedupConfig::default();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut by_cat: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for p in pairs {
        let (pred, sim) = predict(&cfg, &p.a, &p.b);
        let e = by_cat.entry(p.category.as_str()).or_default();
        e.1 += 1;
        if pred == p.duplicate {
            e.0 += 1;
        } else {
            eprintln!(
                "[{name}] {} ({}; sim {sim:.2}):\n  a: {}\n  b: {}",
                if pred { "FALSE POSITIVE" } else { "MISSED" },
                p.category,
                p.a,
                p.b
            );
        }
        match (pred, p.duplicate) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    eprintln!(
        "[{name}] {} pairs: precision {precision:.3}, recall {recall:.3}",
        pairs.len()
    );
    for (cat, (ok, n)) in &by_cat {
        eprintln!("[{name}]   {cat:<22} {ok}/{n} correct");
    }
    (precision, recall)
}

fn load(rel: &str) -> Option<Vec<Pair>> {
    let path = common::workspace_root().join(rel);
    let text = std::fs::read_to_string(&path).ok()?;
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn own_claim_pairs_precision_and_recall() {
    let pairs = load("fixtures/dedup-claim-pairs.json").expect("fixtures/dedup-claim-pairs.json");
    assert!(pairs.len() >= 40);
    let (p, r) = evaluate("dedup-claim-pairs", &pairs);
    assert!(p >= 0.9 && r >= 0.9, "precision {p:.3} recall {r:.3}");
}

#[test]
fn shared_claim_pairs_precision_and_recall() {
    let Some(pairs) = load("fixtures/claim-pairs.json") else {
        // A missing fixture fails, unless the skip is asked for (docs/dedup.md).
        assert_eq!(
            std::env::var("QUOTECHECK_SKIP_MISSING_FIXTURES").as_deref(),
            Ok("1"),
            "fixtures/claim-pairs.json is missing (set QUOTECHECK_SKIP_MISSING_FIXTURES=1 to skip)"
        );
        eprintln!("QUOTECHECK_SKIP_MISSING_FIXTURES=1: fixtures/claim-pairs.json missing, skipped");
        return;
    };
    let (p, r) = evaluate("claim-pairs", &pairs);
    assert!(p >= 0.9 && r >= 0.9, "precision {p:.3} recall {r:.3}");
}
