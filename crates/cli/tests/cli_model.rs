//! The accurate semantic tier on the command line (`--model DIR`): a model
//! directory that cannot be used stops the run with a clear message and
//! exit code 2 before anything is written; a usable one (a tiny random BERT
//! written by the test, with its SHA256SUMS) ranks fact-checks in `match`,
//! clusters in `dedup --semantic`, and `index add --model` embeds each
//! claim once across runs. What the real all-MiniLM-L6-v2 decides is
//! measured in `crates/claims` (tests/model.rs, docs/claims.md).

use std::path::Path;

use crate::cli_match::csv_rows;
use crate::common::run_in;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("write");
    w(
        "fc.csv",
        "id,claim,verdict\nfc1,Drinking bleach cures the flu,False\nfc2,The minister resigned after the scandal,True\n",
    );
    w(
        "posts.jsonl",
        "{\"id\":\"p1\",\"text\":\"My uncle says drinking bleach cures the flu!!\"}\n\
         {\"id\":\"p2\",\"text\":\"The minister resigned after the scandal, police said.\"}\n",
    );
    quotecheck_claims::tinybert::write(&dir.path().join("tiny")).expect("tiny model");
    dir
}

fn no_output(dir: &Path) {
    assert!(!dir.join("out.csv").exists(), "nothing written");
}

#[test]
fn unusable_model_directories_are_clear_errors() {
    let dir = setup();
    let p = dir.path();
    let out = run_in(
        p,
        &[
            "match",
            "posts.jsonl",
            "--against",
            "fc.csv",
            "--model",
            "nope",
            "-o",
            "out.csv",
        ],
        None,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("cannot use the model: model directory nope: config.json is missing"),
        "{}",
        out.stderr
    );
    no_output(p);
    // A file changed after its sum was taken.
    let config = p.join("tiny/config.json");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, text.replace("gelu", "relu")).expect("write");
    for args in [
        &[
            "match",
            "posts.jsonl",
            "--against",
            "fc.csv",
            "--model",
            "tiny",
            "-o",
            "out.csv",
        ][..],
        &[
            "dedup",
            "posts.jsonl",
            "--semantic",
            "--model",
            "tiny",
            "-o",
            "out.csv",
        ],
        &[
            "index",
            "add",
            "posts.jsonl",
            "--index",
            "c.db",
            "--model",
            "tiny",
        ],
    ] {
        let out = run_in(p, args, None);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("config.json: checksum differs from SHA256SUMS (expected sha256"),
            "{args:?}: {}",
            out.stderr
        );
        no_output(p);
    }
    assert!(!p.join("c.db").exists(), "no index created");
}

#[test]
fn a_model_ranks_fact_checks_and_keeps_the_same_claim_rule() {
    let dir = setup();
    let out = run_in(
        dir.path(),
        &[
            "match",
            "posts.jsonl",
            "--against",
            "fc.csv",
            "--model",
            "tiny",
            "--top",
            "2",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows.len(), 4);
    // Whatever the random model's order, the same-claim rule is lexical.
    let same: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r["same_claim"] == "true")
        .map(|r| (r["query_id"].as_str(), r["claim_id"].as_str()))
        .collect();
    assert_eq!(same, [("p1", "fc1"), ("p2", "fc2")]);
}

#[test]
fn index_add_embeds_each_claim_once_across_runs() {
    let dir = setup();
    let p = dir.path();
    let add = |file: &str| {
        let out = run_in(
            p,
            &["index", "add", file, "--index", "c.db", "--model", "tiny"],
            None,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stderr
    };
    // Each post is a sentence claim and a quote claim (its reported content).
    let first = add("posts.jsonl");
    assert!(first.contains("embedded 4 claims with sha256:"), "{first}");
    std::fs::write(
        p.join("more.jsonl"),
        "{\"id\":\"p3\",\"text\":\"The minister resigned after the scandal, police said.\"}\n\
         {\"id\":\"p4\",\"text\":\"Heavy rain flooded the valley.\"}\n",
    )
    .expect("write");
    let second = add("more.jsonl");
    assert!(
        second.contains("embedded 1 claims with sha256:"),
        "{second}"
    );
    let store = quotecheck_claims::store::ClaimStore::open(&p.join("c.db")).expect("open");
    let model = quotecheck_claims::model::TransformerModel::load(&p.join("tiny")).expect("load");
    let vectors = store
        .vectors(quotecheck_claims::embedder::Embedder::id(&model))
        .expect("vectors");
    assert_eq!(vectors.len(), 5, "4 of the first run, 1 new");
    assert!(vectors.iter().all(|(_, v)| v.len() == 32));
}

#[test]
fn dedup_semantic_with_a_model_runs_and_plain_dedup_is_unchanged() {
    let dir = setup();
    let args = ["dedup", "posts.jsonl", "--format", "jsonl"];
    let plain = run_in(dir.path(), &args, None);
    let semantic = run_in(
        dir.path(),
        &[&args[..], &["--semantic", "--model", "tiny"]].concat(),
        None,
    );
    assert_eq!((plain.code, semantic.code), (0, 0), "{}", semantic.stderr);
    // A random model's cosines are meaningless: only that lexical clusters stay.
    for line in plain.stdout.lines() {
        assert!(semantic.stdout.contains(line), "{line}");
    }
}
