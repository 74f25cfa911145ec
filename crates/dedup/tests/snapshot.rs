//! Snapshot of the dedup result over `fixtures/articles/*.txt` (sorted by
//! file name; the document id is the file stem). The snapshot is a reduced,
//! structure-stable view (similarities rounded to 3 decimals). It depends on
//! the core engine's sentences and quotes: review it after core changes
//! (`cargo insta review`).

use crate::common;

use quotecheck_core::Document;
use quotecheck_dedup::{dedup, DedupConfig};
use serde_json::{json, Value};

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

#[test]
fn dedup_over_fixture_articles() {
    let dir = common::workspace_root().join("fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .map(|p| {
            let id = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            Document::new(id, std::fs::read_to_string(p).expect("article"))
        })
        .collect();
    assert!(!docs.is_empty());
    let report = dedup(&docs, &DedupConfig::default());
    let clusters: Vec<Value> = report
        .clusters
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "doc_count": c.doc_count,
                "members": c.members.iter().map(|m| json!({
                    "doc_id": &*m.claim.doc_id,
                    "kind": m.claim.kind,
                    "char_start": m.claim.char_start,
                    "char_end": m.claim.char_end,
                    "reason": m.reason,
                    "similarity": round(m.similarity),
                    "claim": &*m.claim.text,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let misquotes: Vec<Value> = report
        .misquotes
        .iter()
        .map(|r| {
            json!({
                "kind": r.kind,
                "doc_a": r.doc_a, "doc_b": r.doc_b,
                "speaker_a": r.speaker_a, "speaker_b": r.speaker_b,
                "char_a": [r.char_start_a, r.char_end_a],
                "char_b": [r.char_start_b, r.char_end_b],
                "similarity": round(r.similarity),
                "diff": r.diff,
            })
        })
        .collect();
    let view = json!({
        "documents": docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
        "clusters": clusters,
        "misquotes": misquotes,
    });
    insta::assert_json_snapshot!("fixture_articles", view);
}
