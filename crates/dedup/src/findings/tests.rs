//! Unit tests of the findings builder.

use super::*;

fn finding(kind: &str, severity: &str, similarity: f32, id: &str) -> Finding {
    Finding {
        kind: kind.into(),
        severity: severity.into(),
        similarity,
        finding_id: id.into(),
        ..Finding::default()
    }
}

/// Added findings rank by their level among the run's findings, whose
/// own order is kept; rank and severity are set for all.
#[test]
fn added_findings_rank_by_level() {
    let mut found = Findings {
        findings: vec![
            finding("misquote", "high", 0.7, "m1"),
            finding("misquote", "medium", 0.9, "m2"),
            finding("repeated_claim", "info", 0.95, "r1"),
        ],
        furniture: Vec::new(),
        levels: vec![1, 3, 6],
    };
    add_found(
        &mut found,
        vec![
            finding("previously_seen", "", 1.0, "p1"),
            finding(
                "fact_checked",
                fact_checked_severity("Pants on Fire"),
                0.5,
                "f1",
            ),
            finding("fact_checked", fact_checked_severity("True"), 0.8, "f2"),
        ],
    );
    let order: Vec<(&str, &str, usize)> = found
        .findings
        .iter()
        .map(|f| (f.finding_id.as_str(), f.severity.as_str(), f.rank))
        .collect();
    assert_eq!(
        order,
        [
            ("m1", "high", 1),
            ("f1", "high", 2),
            ("m2", "medium", 3),
            ("p1", "info", 4),
            ("r1", "info", 5),
            ("f2", "info", 6),
        ]
    );
    assert_eq!(found.levels, [1, 2, 3, 6, 6, 6]);
}

#[test]
fn finding_ids_are_stable_over_normalisation() {
    let a = finding_id("fact_checked", "d", "fc1", "Bleach cures  the flu", "x");
    assert_eq!(
        a,
        finding_id("fact_checked", "d", "fc1", "bleach cures the flu", "x")
    );
    assert_ne!(
        a,
        finding_id("fact_checked", "d", "fc2", "bleach cures the flu", "x")
    );
}

/// The repeated claims of three documents from three sources, by the
/// documents they join.
fn repeated_between(texts: &[&str]) -> (usize, Vec<(String, String)>) {
    use quotecheck_core::Document;
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), *t))
        .collect();
    let report = crate::engine::dedup(&docs, &crate::DedupConfig::default());
    let corpus: Corpus = (0..texts.len())
        .map(|i| {
            let info = DocInfo {
                url: Some(format!("https://site{i}.example/x")),
                ..DocInfo::default()
            };
            (format!("d{i}"), info)
        })
        .collect();
    let found = findings(&report, &corpus);
    let pairs = found
        .findings
        .iter()
        .filter(|f| f.kind == "repeated_claim")
        .map(|f| (f.doc_a.clone(), f.doc_b.clone()))
        .collect();
    (report.clusters.len(), pairs)
}

/// A sentence found inside a longer one as the object of another claim
/// (`waited for …`) is no repeated claim; the same sentence after a
/// framing phrase and a comma is one.
#[test]
fn a_contained_claim_repeats_only_when_it_starts_a_clause() {
    let (clusters, pairs) = repeated_between(&[
        "The district should have waited for a new state funding formula expected in the spring.",
        "A new state funding formula is expected in the spring.",
    ]);
    assert!(clusters >= 1, "the two sentences are linked by dedup");
    assert!(pairs.is_empty(), "{pairs:?}");
    let (clusters, pairs) = repeated_between(&[
        "According to the state budget office, a new state funding formula is expected in the spring and will change school budgets.",
        "A new state funding formula is expected in the spring and will change school budgets.",
    ]);
    assert!(clusters >= 1, "the two sentences are linked by dedup");
    assert_eq!(pairs, [("d0".to_string(), "d1".to_string())]);
}
