//! End-to-end tests of claim matching through the `quotecheck` binary:
//! `quotecheck match` (queries from short rows and from articles, formats,
//! fact-check formats, errors) and `quotecheck report --factchecks`.
//! What BM25 and the same-claim rule decide is tested in `crates/claims`.

use std::collections::HashMap;
use std::path::Path;

use crate::common::{files_in, read, run_in};
use quotecheck::output::unneutralise;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

/// The rows of a CSV text as maps from column to (unneutralised) cell.
pub(crate) fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("CSV header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("valid CSV row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), unneutralise(c).to_string()))
                .collect()
        })
        .collect()
}

const FACTCHECKS: &str = "id,claim,verdict,url,date\n\
fc1,Drinking bleach cures the flu,False,https://example.org/1,2020-01-02\n\
fc2,The Eiffel Tower will be demolished in 2025,False,https://example.org/2,\n\
fc3,=HYPERLINK(\"x\") is a safe formula,True,,\n";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "fc.csv", FACTCHECKS);
    write(
        dir.path(),
        "posts.jsonl",
        "{\"id\":\"p1\",\"text\":\"My uncle says drinking bleach cures the flu!!\"}\n\
         {\"id\":\"p2\",\"text\":\"The Eiffel Tower will not be demolished in 2025.\"}\n\
         {\"id\":\"p3\",\"text\":\"Nothing in common here at all.\"}\n",
    );
    dir
}

#[test]
fn short_rows_are_queries_with_ranked_fact_checks() {
    let dir = setup();
    let out = run_in(
        dir.path(),
        &["match", "posts.jsonl", "--against", "fc.csv", "--top", "2"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    let first: Vec<_> = rows.iter().filter(|r| r["rank"] == "1").collect();
    assert_eq!(
        first.len(),
        2,
        "p3 shares no word with any fact-check: {rows:?}"
    );
    assert_eq!(first[0]["query_id"], "p1");
    assert_eq!(first[0]["claim_id"], "fc1");
    assert_eq!(first[0]["verdict"], "False");
    assert_eq!(first[0]["url"], "https://example.org/1");
    assert_eq!(first[0]["date"], "2020-01-02");
    assert_eq!(first[0]["same_claim"], "true");
    assert_eq!(first[1]["query_id"], "p2");
    assert_eq!(first[1]["claim_id"], "fc2");
    assert_eq!(first[1]["same_claim"], "false", "negation differs");
    assert!(out
        .stdout
        .starts_with("query_id,rank,claim_id,score,verdict,url,"));
}

#[test]
fn articles_are_split_into_sentence_queries_and_jsonl_works() {
    let dir = setup();
    write(
        dir.path(),
        "story.txt",
        "Officials met on Monday.\n\nA viral post claims that drinking bleach cures the flu. Doctors disagree.\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "match",
            "story.txt",
            "--against",
            "fc.csv",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let hit = rows
        .iter()
        .find(|r| r["claim_id"] == "fc1")
        .expect("the bleach sentence matches fc1");
    let (s, e) = (
        hit["char_start"].as_u64().expect("start") as usize,
        hit["char_end"].as_u64().expect("end") as usize,
    );
    let text = read(&dir.path().join("story.txt"));
    let slice: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(slice, hit["query"].as_str().expect("query"));
    assert_eq!(hit["query_id"], format!("story@{s}-{e}"));
    assert_eq!(hit["same_claim"], true);
}

#[test]
fn claim_review_feed_and_formula_cells() {
    let dir = setup();
    write(
        dir.path(),
        "feed.json",
        r#"{"@type": "DataFeed", "dataFeedElement": [{"item": [
            {"@type": "ClaimReview", "url": "https://example.org/r/1",
             "claimReviewed": "=1+1 drinking bleach cures the flu",
             "reviewRating": {"alternateName": "Pants on fire"}}]}]}"#,
    );
    let out = run_in(
        dir.path(),
        &["match", "posts.jsonl", "--against", "feed.json"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(",'=1+1 drinking bleach cures the flu"),
        "{}",
        out.stdout
    );
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows[0]["claim_id"], "https://example.org/r/1");
    assert_eq!(rows[0]["verdict"], "Pants on fire");
}

#[test]
fn bad_fact_check_files_name_file_and_position() {
    let dir = setup();
    write(dir.path(), "bad.csv", "id,claim\nfc1,ok\nfc2,\n");
    write(
        dir.path(),
        "bad.jsonl",
        "{\"id\":1,\"claim\":\"x\"}\n{\"id\":2,\n",
    );
    write(dir.path(), "bad.json", "[{\"@type\": \"ClaimReview\"}]");
    for (file, expected) in [
        ("bad.csv", "bad.csv:3: empty id or claim"),
        ("bad.jsonl", "bad.jsonl:2:"),
        (
            "bad.json",
            "bad.json:record 1: ClaimReview without claimReviewed",
        ),
        ("missing.csv", "missing.csv"),
    ] {
        let out = run_in(
            dir.path(),
            &["match", "posts.jsonl", "--against", file],
            None,
        );
        assert_eq!(out.code, 2, "{file}");
        assert!(out.stderr.contains(expected), "{file}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn report_writes_factchecks_csv_and_fails_early_on_a_bad_file() {
    let dir = setup();
    write(
        dir.path(),
        "story.txt",
        "A viral post claims that drinking bleach cures the flu, Dr. Ann Lee said.\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "report",
            "story.txt",
            "--out",
            "rep",
            "--factchecks",
            "fc.csv",
            "-q",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = files_in(&dir.path().join("rep"));
    assert!(files.contains(&"factchecks.csv".to_string()), "{files:?}");
    let rows = csv_rows(&read(&dir.path().join("rep/factchecks.csv")));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["finding"], "fact_checked");
    assert_eq!(rows[0]["fact_check_id"], "fc1");
    assert_eq!(rows[0]["verdict"], "False");
    let summary = read(&dir.path().join("rep/summary.json"));
    assert!(summary.contains("factchecks.csv"));
    // The match is also a finding, ranked with the others: a claim checked
    // as false is `high`, side b is the fact-check.
    let found = csv_rows(&read(&dir.path().join("rep/findings.csv")));
    let fc: Vec<_> = found
        .iter()
        .filter(|r| r["kind"] == "fact_checked")
        .collect();
    assert_eq!(fc.len(), 1, "{found:?}");
    let f = fc[0];
    assert_eq!(f["severity"], "high");
    assert_eq!(f["rank"], "1");
    assert_eq!(f["doc_a"], "story");
    assert_eq!(f["doc_b"], "fc1");
    assert_eq!(f["text_b"], "Drinking bleach cures the flu");
    assert_eq!(f["url_b"], "https://example.org/1");
    assert_eq!(f["date_b"], "2020-01-02");
    assert!(f["explanation"].contains("rated “False”"), "{f:?}");
    assert!(f["text_a"].contains("bleach cures the flu"), "{f:?}");
    let jsonl = read(&dir.path().join("rep/findings.jsonl"));
    assert!(
        jsonl.contains(&f["finding_id"]),
        "same id in findings.jsonl"
    );
    // Stable: a second run gives the same id.
    let out = run_in(
        dir.path(),
        &[
            "report",
            "story.txt",
            "--out",
            "again",
            "--factchecks",
            "fc.csv",
            "-q",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let again = csv_rows(&read(&dir.path().join("again/findings.csv")));
    assert!(again.iter().any(|r| r["finding_id"] == f["finding_id"]));

    write(dir.path(), "bad.csv", "id,text\n1,x\n");
    let out = run_in(
        dir.path(),
        &[
            "report",
            "story.txt",
            "--out",
            "rep2",
            "--factchecks",
            "bad.csv",
        ],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("bad.csv:1:"), "{}", out.stderr);
    assert!(!dir.path().join("rep2").exists(), "nothing written");
}

#[test]
fn index_add_query_and_report_previously_seen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::create_dir(p.join("monday")).expect("dir");
    std::fs::create_dir(p.join("tuesday")).expect("dir");
    write(
        &p.join("monday"),
        "mon.txt",
        "Kabul fell to the insurgents after a week of fighting, officials said.\n\n\
         \"We will rebuild the bridge by March,\" said Mayor Ann Lee.\n",
    );
    write(
        &p.join("tuesday"),
        "tue.txt",
        "After a week of fighting, Kabul fell to the insurgents.\n\n\
         The weather was mild.\n",
    );
    let out = run_in(
        p,
        &[
            "index",
            "add",
            "monday",
            "--index",
            "claims.db",
            "--date",
            "2024-05-06",
            "-q",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("indexed 1 of 1 documents"),
        "{}",
        out.stderr
    );
    let again = run_in(
        p,
        &["index", "add", "monday", "--index", "claims.db", "-q"],
        None,
    );
    assert!(
        again
            .stderr
            .contains("indexed 0 of 1 documents (1 already indexed)"),
        "{}",
        again.stderr
    );

    let out = run_in(
        p,
        &["index", "query", "tuesday", "--index", "claims.db", "-q"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["first_doc_id"], "mon");
    assert_eq!(rows[0]["match"], "near");
    assert_eq!(rows[0]["first_seen"], "2024-05-06");

    let out = run_in(
        p,
        &[
            "report",
            "tuesday",
            "--out",
            "rep",
            "--index",
            "claims.db",
            "-q",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&read(&p.join("rep/previously_seen.csv")));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["finding"], "previously_seen");
    // The same match as a finding: side b is Monday's claim.
    let found = csv_rows(&read(&p.join("rep/findings.csv")));
    let seen: Vec<_> = found
        .iter()
        .filter(|r| r["kind"] == "previously_seen")
        .collect();
    assert_eq!(seen.len(), 1, "{found:?}");
    let f = seen[0];
    assert_eq!(f["severity"], "info");
    assert_eq!(f["doc_a"], "tue");
    assert_eq!(f["doc_b"], "mon");
    assert_eq!(f["text_a"], rows[0]["claim"]);
    assert_eq!(f["text_b"], rows[0]["seen_claim"]);
    assert!(f["text_b"].starts_with("Kabul fell"), "{f:?}");
    assert!(f["explanation"].contains("first in mon"), "{f:?}");
    assert!(f["char_end_a"].parse::<usize>().is_ok(), "{f:?}");
    // The report added Tuesday: querying it again finds its own claims
    // only in Monday's document, never in itself.
    let out = run_in(
        p,
        &["index", "query", "tuesday", "--index", "claims.db", "-q"],
        None,
    );
    assert_eq!(csv_rows(&out.stdout).len(), 1);

    write(p, "notes.db", &"not a database at all ".repeat(50));
    let out = run_in(
        p,
        &["index", "query", "tuesday", "--index", "notes.db"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("notes.db: not a quotecheck claim index"),
        "{}",
        out.stderr
    );
    let out = run_in(
        p,
        &["index", "query", "tuesday", "--index", "missing.db"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(!p.join("missing.db").exists());
}

#[test]
fn report_index_semantic_finds_a_reworded_claim_of_an_earlier_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::create_dir(p.join("monday")).expect("dir");
    std::fs::create_dir(p.join("tuesday")).expect("dir");
    write(
        &p.join("monday"),
        "mon.txt",
        "Police arrested two men in Leeds on Friday after a stabbing outside a nightclub.\n\n\
         The council approved the new budget on Monday.\n",
    );
    write(
        &p.join("tuesday"),
        "tue.txt",
        "Two men were detained by Leeds police on Friday following a nightclub stabbing.\n\n\
         The council did not approve the new budget on Monday.\n\n\
         The weather was mild.\n",
    );
    let out = run_in(
        p,
        &["index", "add", "monday", "--index", "claims.db", "-q"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::copy(p.join("claims.db"), p.join("lexical.db")).expect("copy");
    let report = |out: &str, index: &str, semantic: bool| {
        let mut args = vec!["report", "tuesday", "--out", out, "--index", index, "-q"];
        if semantic {
            args.push("--semantic");
        }
        let run = run_in(p, &args, None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        csv_rows(&read(&p.join(out).join("previously_seen.csv")))
    };
    // Lexically the reworded claim is not a near duplicate.
    assert!(report("lex", "lexical.db", false).is_empty());
    // With the model, the index's vectors find it; the negated claim
    // shares more words but negation vetoes it.
    let rows = report("sem", "claims.db", true);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["match"], "semantic");
    assert_eq!(rows[0]["first_doc_id"], "mon");
    assert!(
        rows[0]["claim"].starts_with("Two men were detained"),
        "{rows:?}"
    );
    assert!(
        rows[0]["seen_claim"].starts_with("Police arrested"),
        "{rows:?}"
    );
    let found = csv_rows(&read(&p.join("sem/findings.csv")));
    assert_eq!(
        found
            .iter()
            .filter(|r| r["kind"] == "previously_seen")
            .count(),
        1
    );
    // Every indexed claim (Monday's and now Tuesday's) has its vector,
    // each embedded once: a second run embeds nothing new and finds the
    // same (Tuesday's own claims never count).
    let store = quotecheck_claims::store::ClaimStore::open(&p.join("claims.db")).expect("open");
    let claims = store.counts().expect("counts")[1] as usize;
    assert!(claims >= 5, "Monday's and Tuesday's claims: {claims}");
    let builtin = quotecheck_claims::embedder::BUILTIN_ID;
    assert_eq!(store.vectors(builtin).expect("vectors").len(), claims);
    drop(store);
    let again = report("sem2", "claims.db", true);
    assert_eq!(again.len(), 1, "{again:?}");
    assert_eq!(again[0]["seen_claim"], rows[0]["seen_claim"]);
}

#[test]
fn semantic_ranking_reranks_and_finds_candidates_beyond_shared_words() {
    let dir = setup();
    let args = ["match", "posts.jsonl", "--against", "fc.csv", "--top", "3"];
    let plain = csv_rows(&run_in(dir.path(), &args, None).stdout);
    let out = run_in(dir.path(), &[&args[..], &["--semantic"]].concat(), None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    let first = |q: &str| {
        rows.iter()
            .find(|r| r["query_id"] == q && r["rank"] == "1")
            .map(|r| r["claim_id"].clone())
    };
    assert_eq!(first("p1").as_deref(), Some("fc1"));
    assert_eq!(first("p2").as_deref(), Some("fc2"));
    assert!(
        !plain.iter().any(|r| r["query_id"] == "p3"),
        "BM25 has no candidate for p3"
    );
    assert_eq!(
        rows.iter().filter(|r| r["query_id"] == "p3").count(),
        3,
        "the model proposes candidates for p3: {rows:?}"
    );
    let p1: Vec<f32> = rows
        .iter()
        .filter(|r| r["query_id"] == "p1")
        .map(|r| r["score"].parse().expect("a score"))
        .collect();
    assert!(p1.windows(2).all(|w| w[0] >= w[1]), "{p1:?}");
}

#[test]
fn new_commands_have_help_with_an_example() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["match", "--help"][..],
        &["index", "add", "--help"],
        &["index", "query", "--help"],
    ] {
        let r = run_in(dir.path(), args, None);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains("Example"), "{args:?} has no example");
        assert!(r
            .stdout
            .contains(&format!("quotecheck {}", args[..args.len() - 1].join(" "))));
    }
}
