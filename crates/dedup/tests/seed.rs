//! The labelled claim pairs of the seed article must be told apart: the
//! `claims.duplicate` pair is clustered, the `claims.not_duplicate` pair
//! (which shares its first 13 words) is not.

use crate::common;

use quotecheck_core::Document;
use quotecheck_dedup::{dedup, ClaimKind, DedupConfig, DedupReport};
use quotecheck_eval::gold::{GoldDocument, GoldSpan};

fn load() -> GoldDocument {
    let path = common::seed_file("kerry-lavrov.gold.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("gold JSON")
}

/// The cluster of the claim best overlapping `span` (code points).
fn cluster_of(report: &DedupReport, span: &GoldSpan) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for c in &report.clusters {
        for m in &c.members {
            let s = m.claim.char_start.max(span.start);
            let e = m.claim.char_end.min(span.end);
            let overlap = e.saturating_sub(s);
            if overlap * 2 > span.end - span.start && !matches!(best, Some((o, _)) if o >= overlap)
            {
                best = Some((overlap, c.id));
            }
        }
    }
    best.map(|(_, id)| id)
}

#[test]
fn seed_pairs_are_told_apart() {
    let gold = load();
    assert!(!gold.claims.duplicate.is_empty() && !gold.claims.not_duplicate.is_empty());
    let report = dedup(
        &[Document::new(gold.id.clone(), gold.text.clone())],
        &DedupConfig::default(),
    );
    for [a, b] in &gold.claims.duplicate {
        let (ca, cb) = (cluster_of(&report, a), cluster_of(&report, b));
        assert!(
            ca.is_some() && ca == cb,
            "duplicate pair not clustered:\n{}\n{}",
            a.text,
            b.text
        );
    }
    for [a, b] in &gold.claims.not_duplicate {
        let (ca, cb) = (cluster_of(&report, a), cluster_of(&report, b));
        assert!(
            ca.is_none() || ca != cb,
            "look-alikes clustered:\n{}\n{}",
            a.text,
            b.text
        );
    }
}

#[test]
fn seed_pairs_across_documents() {
    // The same pairs, each claim in its own document.
    let gold = load();
    let cfg = DedupConfig::default();
    let run = |a: &GoldSpan, b: &GoldSpan| {
        dedup(
            &[
                Document::new("a", a.text.clone()),
                Document::new("b", b.text.clone()),
            ],
            &cfg,
        )
    };
    for [a, b] in &gold.claims.duplicate {
        let r = run(a, b);
        // The sentences form one cluster over both documents (the engine may
        // also find the reported speech inside them and cluster those quotes).
        let c = r
            .clusters
            .iter()
            .find(|c| {
                c.members
                    .iter()
                    .all(|m| m.claim.kind == ClaimKind::Sentence)
            })
            .unwrap_or_else(|| panic!("{r:#?}"));
        assert_eq!(c.doc_count, 2);
        assert!(c.members[1].similarity >= 0.8, "{c:#?}");
    }
    for [a, b] in &gold.claims.not_duplicate {
        assert!(run(a, b).clusters.is_empty());
    }
}
