//! Severity and rank of findings: the severity level of each kind and
//! change, stable finding ids, and the ranking of findings found outside
//! the dedup report (`fact_checked`, `previously_seen`).

use super::*;

pub(super) fn change_phrase(change: &str) -> &'static str {
    match change {
        "negation" => "a negation differs",
        "number" => "a number differs",
        "words" => "words differ",
        "shortened" => "it is a shortened version",
        _ => "the words are the same",
    }
}

pub(super) fn level_of(kind: &str, change: &str) -> u8 {
    match (kind, change) {
        (_, "negation" | "number") => 1,
        ("conflicting_attribution", _) => 2,
        ("misquote", "words") => 3,
        ("misquote", _) => 4,
        ("republished", _) => 5,
        _ => 6,
    }
}

/// The severity level of a `fact_checked` or `previously_seen` finding:
/// a `high` fact-check ranks with conflicting attributions, `medium` with
/// changed words, `low` with shortened quotes, `info` and
/// `previously_seen` with repeated claims.
pub(super) fn level_of_added(f: &Finding) -> u8 {
    match (f.kind.as_str(), f.severity.as_str()) {
        ("fact_checked", "high") => 2,
        ("fact_checked", "medium") => 3,
        ("fact_checked", "low") => 4,
        _ => 6,
    }
}

/// The severity of a `fact_checked` finding from the fact-check's verdict:
/// `high` when it says false, `medium` when partly false or unproven,
/// `info` when true, `low` when unknown (lists in
/// `data/findings_rules.txt`).
pub fn fact_checked_severity(verdict: &str) -> &'static str {
    use crate::rules::{verdict_class, VerdictClass};
    match verdict_class(verdict) {
        VerdictClass::False => "high",
        VerdictClass::Mixed => "medium",
        VerdictClass::Unknown => "low",
        VerdictClass::True => "info",
    }
}

/// A stable finding id: a hash of what the finding is (kind, documents,
/// normalised texts), the same across runs.
pub fn finding_id(kind: &str, doc_a: &str, doc_b: &str, text_a: &str, text_b: &str) -> String {
    let (na, nb) = (words(text_a).join(" "), words(text_b).join(" "));
    hash_id(&[kind, doc_a, doc_b, &na, &nb])
}

/// Rank `extra` findings (`fact_checked`, `previously_seen`, with their
/// `severity` set for `fact_checked`) together with `found`: by severity
/// level, then similarity (higher first); the order of `found` among
/// itself is kept, and `rank` and `severity` are set again for all.
pub fn add_found(found: &mut Findings, mut extra: Vec<Finding>) {
    if extra.is_empty() {
        return;
    }
    extra.sort_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then_with(|| x.finding_id.cmp(&y.finding_id))
    });
    let levels = std::mem::take(&mut found.levels);
    let mut keyed: Vec<(u8, Finding)> = levels
        .into_iter()
        .zip(std::mem::take(&mut found.findings))
        .chain(extra.into_iter().map(|f| (level_of_added(&f), f)))
        .collect();
    // Stable: `found` is already in this order, so only `extra` moves.
    keyed.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(y.1.similarity.total_cmp(&x.1.similarity))
    });
    found.levels = keyed.iter().map(|x| x.0).collect();
    found.findings = keyed
        .into_iter()
        .enumerate()
        .map(|(r, (level, mut f))| {
            f.rank = r + 1;
            f.severity = severity(level).to_string();
            f
        })
        .collect();
}

pub(super) fn severity(level: u8) -> &'static str {
    match level {
        1 | 2 => "high",
        3 => "medium",
        4 | 5 => "low",
        _ => "info",
    }
}
