//! `quotecheck dedup --semantic` end to end: reworded claims of different
//! documents join one cluster with the reason `semantic`, a changed number
//! or negation never does, and plain `dedup` is unchanged. What the model
//! and the threshold decide is measured in `crates/claims` (MRPC). Also
//! `report --factchecks`, whose matcher is that of `match`.

use crate::cli_match::csv_rows;
use crate::common::run_in;

const DOCS: &str = "\
{\"id\":\"a\",\"text\":\"Police arrested two men in Leeds on Friday after a stabbing outside a nightclub.\"}
{\"id\":\"b\",\"text\":\"Two men were detained by Leeds police on Friday following a nightclub stabbing.\"}
{\"id\":\"c\",\"text\":\"Police did not arrest two men in Leeds on Friday after a stabbing outside a nightclub.\"}
{\"id\":\"d\",\"text\":\"Heavy rain flooded 30 homes in the village of Thornbury overnight.\"}
{\"id\":\"e\",\"text\":\"Heavy rain flooded 40 homes in Thornbury village overnight, officials said.\"}
";

fn reasons(jsonl: &str) -> Vec<(u64, String, String, f64)> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            (
                v["cluster_id"].as_u64().expect("cluster_id"),
                v["doc_id"].as_str().expect("doc_id").to_string(),
                v["reason"].as_str().expect("reason").to_string(),
                v["similarity"].as_f64().expect("similarity"),
            )
        })
        .collect()
}

#[test]
fn semantic_links_reworded_claims_with_their_reason_and_vetoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("docs.jsonl"), DOCS).expect("write");
    let plain = run_in(
        dir.path(),
        &["dedup", "docs.jsonl", "--format", "jsonl"],
        None,
    );
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(plain.stdout, "", "no near duplicates without --semantic");
    let out = run_in(
        dir.path(),
        &["dedup", "docs.jsonl", "--semantic", "--format", "jsonl"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = reasons(&out.stdout);
    // a–b reworded (cosine 0.93); c negates a (0.97), e changes d's number
    // (0.94): never linked.
    let got: Vec<(u64, &str, &str)> = rows
        .iter()
        .map(|r| (r.0, r.1.as_str(), r.2.as_str()))
        .collect();
    assert_eq!(got, [(1, "a", "canonical"), (1, "b", "semantic")]);
    assert!(
        rows[1].3 >= 0.84 && rows[1].3 <= 1.0,
        "cosine {}",
        rows[1].3
    );
}

/// `report --factchecks` ranks with the matcher of `match`: BM25, or with
/// `--semantic` the re-ranker; the score of its row is the one `match`
/// gives the same claim and fact-check.
#[test]
fn report_factchecks_uses_the_matcher_of_match() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("fc.csv"),
        "id,claim,verdict\n\
         fc1,Drinking bleach cures the flu,False\n\
         fc2,Bleach is sold in every supermarket,True\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("story.txt"),
        "Drinking bleach cures the flu, a viral post from Leeds claims.\n",
    )
    .expect("write");
    let mut scores = Vec::new();
    for semantic in [false, true] {
        let mut args = vec![
            "report",
            "story.txt",
            "--out",
            "rep",
            "--factchecks",
            "fc.csv",
            "-q",
        ];
        let mut match_args = vec!["match", "story.txt", "--against", "fc.csv"];
        if semantic {
            args.push("--semantic");
            match_args.push("--semantic");
        }
        let out = run_in(dir.path(), &args, None);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let report = csv_rows(
            &std::fs::read_to_string(dir.path().join("rep/factchecks.csv"))
                .expect("factchecks.csv"),
        );
        assert_eq!(report.len(), 1, "{report:?}");
        assert_eq!(report[0]["fact_check_id"], "fc1");
        let m = run_in(dir.path(), &match_args, None);
        assert_eq!(m.code, 0, "{}", m.stderr);
        let hits = csv_rows(&m.stdout);
        let hit = hits
            .iter()
            .find(|h| h["query_id"] == report[0]["claim_id"] && h["claim_id"] == "fc1")
            .unwrap_or_else(|| panic!("{hits:?}"));
        assert_eq!(hit["score"], report[0]["score"], "semantic: {semantic}");
        scores.push(report[0]["score"].clone());
    }
    assert_ne!(
        scores[0], scores[1],
        "BM25 and the re-ranker score differently"
    );
}
