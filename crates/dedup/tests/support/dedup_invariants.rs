//! Invariants of a deduplication report, shared by the property tests and
//! the dedup fuzz target (`fuzz/`), which includes this file with `#[path]`.
//!
//! [`check_report`] returns `Err` naming the first violation:
//! - clusters partition their members: every member is one of the claims
//!   fed (same document, offsets, text and kind), no claim is in two
//!   clusters or twice in one, every cluster has at least two members;
//! - cluster ids are 1..=n in order; the first member is the canonical
//!   claim (reason `canonical`, earliest by document id then offset), no
//!   other member is; `doc_count` is the number of distinct documents;
//! - similarities and containments are in [0, 1]; the stats agree;
//! - misquote records point at quote claims that were fed.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use quotecheck_dedup::{Claim, ClaimKind, DedupReport, Reason};

type Key = (String, usize, usize, ClaimKind);

fn key_of(doc_id: &str, c: &Claim) -> Key {
    (doc_id.to_string(), c.span.start, c.span.end, c.kind)
}

/// Check `report`, the result of feeding `docs` (document id and its claims;
/// the claims' own `doc_id` is ignored, as in `Deduper::add_claims`).
pub fn check_report(docs: &[(String, Vec<Claim>)], report: &DedupReport) -> Result<(), String> {
    let mut fed: HashMap<Key, &Claim> = HashMap::new();
    for (id, claims) in docs {
        for c in claims {
            fed.insert(key_of(id, c), c);
        }
    }
    let mut seen: HashSet<Key> = HashSet::new();
    let mut clustered = 0usize;
    for (i, cl) in report.clusters.iter().enumerate() {
        if cl.id != i + 1 {
            return Err(format!("cluster {i} has id {}", cl.id));
        }
        if cl.members.len() < 2 {
            return Err(format!(
                "cluster {} has {} members",
                cl.id,
                cl.members.len()
            ));
        }
        clustered += cl.members.len();
        let mut docs_in: HashSet<&str> = HashSet::new();
        for (j, m) in cl.members.iter().enumerate() {
            let r = &m.claim;
            let key = (r.doc_id.to_string(), r.byte_start, r.byte_end, r.kind);
            let Some(c) = fed.get(&key) else {
                return Err(format!("cluster {}: member {key:?} was never fed", cl.id));
            };
            if !seen.insert(key.clone()) {
                return Err(format!(
                    "cluster {}: member {key:?} is in two clusters",
                    cl.id
                ));
            }
            if *r.text != *c.text {
                return Err(format!(
                    "cluster {}: member text {:?} != claim text {:?}",
                    cl.id, r.text, c.text
                ));
            }
            if (r.char_start, r.char_end) != (c.char_start, c.char_end) {
                return Err(format!(
                    "cluster {}: member {key:?} char offsets differ",
                    cl.id
                ));
            }
            if (j == 0) != (m.reason == Reason::Canonical) {
                return Err(format!(
                    "cluster {}: member {j} has reason {:?}",
                    cl.id, m.reason
                ));
            }
            for (what, v) in [("similarity", m.similarity), ("containment", m.containment)] {
                if !(0.0..=1.0).contains(&v) {
                    return Err(format!("cluster {}: {what} {v} not in [0, 1]", cl.id));
                }
            }
            docs_in.insert(&*r.doc_id);
        }
        if cl.doc_count != docs_in.len() {
            return Err(format!(
                "cluster {}: doc_count {} but {} documents",
                cl.id,
                cl.doc_count,
                docs_in.len()
            ));
        }
        let first = &cl.members[0].claim;
        for m in &cl.members[1..] {
            let r = &m.claim;
            if (&*r.doc_id, r.byte_start) < (&*first.doc_id, first.byte_start) {
                return Err(format!(
                    "cluster {}: canonical claim is not the earliest",
                    cl.id
                ));
            }
        }
    }
    if report.stats.clusters != report.clusters.len() {
        return Err(format!(
            "stats.clusters {} but {} clusters",
            report.stats.clusters,
            report.clusters.len()
        ));
    }
    if report.stats.clustered_claims != clustered {
        return Err(format!(
            "stats.clustered_claims {} but {clustered} members",
            report.stats.clustered_claims
        ));
    }
    for r in &report.misquotes {
        for (doc, s, e, t) in [
            (&r.doc_a, r.byte_start_a, r.byte_end_a, &r.quote_a),
            (&r.doc_b, r.byte_start_b, r.byte_end_b, &r.quote_b),
        ] {
            let key = (doc.clone(), s, e, ClaimKind::Quote);
            match fed.get(&key) {
                None => return Err(format!("misquote names {key:?}, never fed")),
                Some(c) if &c.text != t => {
                    return Err(format!("misquote quote {t:?} != claim text {:?}", c.text))
                }
                Some(_) => {}
            }
        }
        if !(0.0..=1.0).contains(&r.similarity) {
            return Err(format!(
                "misquote similarity {} not in [0, 1]",
                r.similarity
            ));
        }
    }
    let recs = report.duplicate_records();
    if recs.len() != clustered {
        return Err(format!(
            "{} duplicate records for {clustered} members",
            recs.len()
        ));
    }
    Ok(())
}
