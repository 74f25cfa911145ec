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
