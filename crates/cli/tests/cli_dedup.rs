//! End-to-end tests of the dedup stage through the `quotecheck` binary:
//! `quotecheck dedup` (stdout, `-o FILE`, `--out DIR`, thresholds) and the
//! dedup files of `quotecheck report`, on small documents written for each
//! case. What the dedup crate decides is tested in `crates/dedup`; these
//! tests pin what the CLI makes of it: files, columns, formats, offsets,
//! determinism and exit codes.

use crate::common;

use std::collections::HashMap;
use std::path::Path;

use common::{files_in, read, run, run_in};
use quotecheck::output::unneutralise;

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Write `docs` (name, text) as `<name>.txt` into a new temporary directory.
fn docs(docs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempdir();
    for (name, text) in docs {
        std::fs::write(dir.path().join(format!("{name}.txt")), text).expect("write doc");
    }
    dir
}

/// The rows of a CSV text as maps from column to (un-neutralised) cell.
fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
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

/// Run `quotecheck dedup args… --out <tmp>/out` in `dir`; return the
/// directory's three files (claims, duplicates, misquotes).
fn dedup_dir(dir: &Path, args: &[&str]) -> (String, String, String) {
    let out = dir.join("out");
    let out_arg = out.to_string_lossy().into_owned();
    let mut all = vec!["dedup"];
    all.extend_from_slice(args);
    all.extend(["--out", &out_arg, "--quiet"]);
    let r = run_in(dir, &all, None);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        files_in(&out),
        ["claims.csv", "duplicates.csv", "misquotes.csv"]
    );
    (
        read(&out.join("claims.csv")),
        read(&out.join("duplicates.csv")),
        read(&out.join("misquotes.csv")),
    )
}

const BRIDGE_A: &str =
    "The city council prepared a new budget for the harbour bridge repairs on Tuesday. \
Work will start in the spring. Officials expect 3 lanes to reopen by June.";
const BRIDGE_B: &str = "Residents gathered outside the town hall. \
The city council prepared a new budget for the harbor bridge repairs on Tuesday. \
Officials expect 4 lanes to reopen by June.";

#[test]
fn one_changed_word_is_a_near_duplicate_and_a_changed_number_is_not() {
    let dir = docs(&[("a", BRIDGE_A), ("b", BRIDGE_B)]);
    let r = run_in(dir.path(), &["dedup", "a.txt", "b.txt"], None);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let rows = csv_rows(&r.stdout);
    assert_eq!(rows.len(), 2, "{}", r.stdout);
    let (canonical, near) = (&rows[0], &rows[1]);
    assert_eq!(canonical["cluster_id"], "1");
    assert_eq!(near["cluster_id"], "1");
    assert_eq!(canonical["reason"], "canonical");
    assert_eq!(canonical["doc_id"], "a");
    assert_eq!(near["reason"], "near");
    assert_eq!(near["doc_id"], "b");
    assert_eq!(
        near["claim"],
        "The city council prepared a new budget for the harbor bridge repairs on Tuesday."
    );
    assert_eq!(near["canonical"], canonical["claim"]);
    assert_eq!(near["canonical_doc_id"], "a");
    assert_eq!(near["doc_count"], "2");
    let similarity: f64 = near["similarity"].parse().expect("a number");
    assert!(similarity > 0.6 && similarity < 1.0, "{similarity}");
    assert_eq!(canonical["similarity"], "1");
    // `3 lanes` vs `4 lanes`: a changed number is another claim.
    assert!(!r.stdout.contains("lanes"), "{}", r.stdout);
}

#[test]
fn dedup_jsonl_has_the_schema_fields() {
    let dir = docs(&[("a", BRIDGE_A), ("b", BRIDGE_B)]);
    let r = run_in(
        dir.path(),
        &["dedup", "a.txt", "b.txt", "--format", "jsonl"],
        None,
    );
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    for v in &lines {
        for field in [
            "cluster_id",
            "canonical",
            "canonical_doc_id",
            "doc_id",
            "claim",
            "kind",
            "char_start",
            "char_end",
            "byte_start",
            "byte_end",
            "speaker",
            "similarity",
            "reason",
            "doc_count",
        ] {
            assert!(v.get(field).is_some(), "{field} missing in {v}");
        }
        assert_eq!(v["cluster_id"], 1);
        assert!(v["similarity"].is_number());
        assert!(v["char_start"].is_u64());
    }
    assert_eq!(lines[1]["reason"], "near");
    assert_eq!(lines[1]["kind"], "sentence");

    // JSON: one array with the same records; CSV has a header row more.
    let json = run_in(
        dir.path(),
        &["dedup", "a.txt", "b.txt", "--format", "json"],
        None,
    );
    let array: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(array.as_array().map(Vec::len), Some(2));
    assert_eq!(array[1], lines[1]);

    // -o FILE is stdout's content, atomically written.
    let file = dir.path().join("d.jsonl");
    let file_arg = file.to_string_lossy().into_owned();
    let to_file = run_in(
        dir.path(),
        &[
            "dedup", "a.txt", "b.txt", "--format", "jsonl", "-o", &file_arg,
        ],
        None,
    );
    assert_eq!(to_file.code, 0, "{}", to_file.stderr);
    assert_eq!(to_file.stdout, "");
    assert_eq!(read(&file), r.stdout);
}

#[test]
fn misquote_of_one_speaker_is_reported_with_a_word_diff() {
    let dir = docs(&[
        (
            "m1",
            "“We will not negotiate with the striking unions this year,” Mayor Ana Ruiz said on Monday.",
        ),
        (
            "m2",
            "“We will now negotiate with the striking unions this year,” Mayor Ana Ruiz said on Monday.",
        ),
    ]);
    let (_, _, misquotes) = dedup_dir(dir.path(), &["m1.txt", "m2.txt"]);
    let rows = csv_rows(&misquotes);
    assert_eq!(rows.len(), 1, "{misquotes}");
    let m = &rows[0];
    assert_eq!(m["kind"], "misquote");
    assert_eq!((m["doc_a"].as_str(), m["doc_b"].as_str()), ("m1", "m2"));
    assert_eq!(m["speaker_a"], "Ana Ruiz");
    assert_eq!(m["speaker_b"], "Ana Ruiz");
    assert!(m["quote_a"].contains("will not negotiate"), "{m:?}");
    assert!(m["quote_b"].contains("will now negotiate"), "{m:?}");
    assert_eq!(m["diff"], "We will «not → now» negotiate with the …");
    let similarity: f64 = m["similarity"].parse().expect("a number");
    assert!((0.6..1.0).contains(&similarity), "{similarity}");
}

#[test]
fn same_quote_by_different_speakers_is_a_conflicting_attribution() {
    let quote = "“The harbour bridge will reopen to traffic before the summer holidays,”";
    let dir = docs(&[
        ("c1", &format!("{quote} said Mayor Ana Ruiz.")),
        ("c2", &format!("{quote} said Governor Tom Berg.")),
    ]);
    let (_, _, misquotes) = dedup_dir(dir.path(), &["c2.txt", "c1.txt"]);
    let rows = csv_rows(&misquotes);
    assert_eq!(rows.len(), 1, "{misquotes}");
    let m = &rows[0];
    assert_eq!(m["kind"], "conflicting_attribution");
    // Quote a is the earlier in canonical (document id) order.
    assert_eq!((m["doc_a"].as_str(), m["doc_b"].as_str()), ("c1", "c2"));
    assert_eq!(m["speaker_a"], "Ana Ruiz");
    assert_eq!(m["speaker_b"], "Tom Berg");
    assert_eq!(m["quote_a"], m["quote_b"]);
    assert_eq!(m["similarity"], "1");
    assert_eq!(m["diff"], "");
}

#[test]
fn a_one_sentence_document_is_a_valid_input() {
    let dir = docs(&[
        ("one", "Fire kills 3 in Osaka"),
        ("two", "FIRE KILLS 3 IN OSAKA!"),
    ]);
    let r = run_in(dir.path(), &["dedup", "one.txt"], None);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(csv_rows(&r.stdout).len(), 0, "{}", r.stdout);
    let (claims, duplicates, _) = dedup_dir(dir.path(), &["one.txt", "two.txt"]);
    let claims = csv_rows(&claims);
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0]["claim"], "Fire kills 3 in Osaka");
    assert_eq!(claims[0]["claim_id"], "one@0-21");
    assert_eq!(claims[0]["kind"], "sentence");
    assert_eq!(claims[0]["cluster_id"], "1");
    let duplicates = csv_rows(&duplicates);
    let reasons: Vec<&str> = duplicates.iter().map(|d| d["reason"].as_str()).collect();
    assert_eq!(reasons, ["canonical", "exact"]);
}

#[test]
fn claims_csv_has_one_unique_id_per_claim_and_links_clusters() {
    let dir = docs(&[("a", BRIDGE_A), ("b", BRIDGE_B)]);
    let (claims, duplicates, _) = dedup_dir(dir.path(), &["b.txt", "a.txt"]);
    assert!(claims.starts_with(
        "doc_id,claim_id,kind,speaker,claim,char_start,char_end,cluster_id,byte_start,byte_end,date,url\n"
    ));
    let claims = csv_rows(&claims);
    // Documents in input order, claims in text order; ids are unique (a
    // quote may start where its sentence starts).
    let ids: Vec<&str> = claims.iter().map(|c| c["claim_id"].as_str()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    let sentences: Vec<&str> = claims
        .iter()
        .filter(|c| c["kind"] == "sentence")
        .map(|c| c["claim_id"].as_str())
        .collect();
    assert_eq!(
        sentences,
        [
            "b@0-41",
            "b@42-122",
            "b@123-166",
            "a@0-81",
            "a@82-112",
            "a@113-156"
        ]
    );
    for c in &claims {
        assert_eq!(
            c["claim_id"],
            format!("{}@{}-{}", c["doc_id"], c["char_start"], c["char_end"])
        );
        assert!(c["kind"] == "sentence" || c["kind"] == "quote", "{c:?}");
        assert_eq!(c["speaker"].is_empty(), c["kind"] == "sentence", "{c:?}");
    }
    let clustered: Vec<&str> = claims
        .iter()
        .filter(|c| !c["cluster_id"].is_empty())
        .map(|c| c["claim_id"].as_str())
        .collect();
    assert_eq!(clustered, ["b@42-122", "a@0-81"]);
    // Every duplicates.csv row is a claims.csv row of its cluster.
    for d in csv_rows(&duplicates) {
        let id = format!("{}@{}-{}", d["doc_id"], d["char_start"], d["char_end"]);
        let c = claims
            .iter()
            .find(|c| c["claim_id"] == id)
            .unwrap_or_else(|| panic!("{id} not in claims.csv"));
        assert_eq!(c["cluster_id"], d["cluster_id"]);
        assert_eq!(c["claim"], d["claim"]);
    }
}

#[test]
fn dedup_output_does_not_depend_on_threads_or_input_order() {
    let inputs = ["fixtures/", "tests/data/mixed"];
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let mut args = vec!["dedup", "--quiet", "--threads", threads];
        args.extend(inputs);
        let r = run(&args);
        assert_eq!(r.code, 0, "stderr: {}", r.stderr);
        outputs.push(r.stdout_bytes);
    }
    assert!(outputs[0].len() > 200, "no duplicates found in fixtures/");
    assert_eq!(outputs[0], outputs[1]);
    // Clusters are in canonical (document id) order, not input order.
    let reversed = run(&["dedup", "--quiet", "tests/data/mixed", "fixtures/"]);
    assert_eq!(reversed.stdout_bytes, outputs[0]);

    let out = tempdir();
    let mut dirs = Vec::new();
    for threads in ["1", "2"] {
        let dir = out.path().join(format!("t{threads}"));
        let dir_arg = dir.to_string_lossy().into_owned();
        let r = run(&[
            "dedup",
            "fixtures/",
            "--out",
            &dir_arg,
            "--quiet",
            "--threads",
            threads,
        ]);
        assert_eq!(r.code, 0, "stderr: {}", r.stderr);
        let files: Vec<Vec<u8>> = files_in(&dir)
            .iter()
            .map(|f| std::fs::read(dir.join(f)).expect("read"))
            .collect();
        dirs.push(files);
    }
    assert_eq!(dirs[0], dirs[1]);
    // duplicates.csv of --out is the default CSV output.
    let stdout = run(&["dedup", "fixtures/", "--quiet"]);
    assert_eq!(dirs[0][1], stdout.stdout_bytes);
}

#[test]
fn thresholds_are_flags() {
    let dir = docs(&[("a", BRIDGE_A), ("b", BRIDGE_B)]);
    // J of the two bridge sentences is 0.8: a stricter Jaccard splits them.
    let strict = run_in(
        dir.path(),
        &["dedup", "a.txt", "b.txt", "--min-jaccard", "0.9"],
        None,
    );
    assert_eq!(strict.code, 0, "{}", strict.stderr);
    assert_eq!(csv_rows(&strict.stdout).len(), 0, "{}", strict.stdout);
    let loose = run_in(
        dir.path(),
        &[
            "dedup",
            "a.txt",
            "b.txt",
            "--min-jaccard",
            "0.5",
            "--min-containment",
            "0.7",
            "--max-substitutions",
            "3",
            "--numbers",
            "equal",
            "--misquote-min-similarity",
            "0.7",
            "--conflict-min-similarity",
            "0.9",
        ],
        None,
    );
    assert_eq!(loose.code, 0, "{}", loose.stderr);
    assert_eq!(csv_rows(&loose.stdout).len(), 2, "{}", loose.stdout);
    // The same flags on `report`.
    let out = dir.path().join("r");
    let out_arg = out.to_string_lossy().into_owned();
    let r = run_in(
        dir.path(),
        &[
            "report",
            "a.txt",
            "b.txt",
            "--out",
            &out_arg,
            "--min-jaccard",
            "0.9",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(csv_rows(&read(&out.join("duplicates.csv"))).len(), 0);
    // Out of range or malformed: a usage error, nothing written.
    for bad in [
        ["--min-jaccard", "1.5"],
        ["--min-containment", "-0.1"],
        ["--numbers", "some"],
        ["--max-substitutions", "x"],
    ] {
        let mut args = vec!["dedup", "a.txt"];
        args.extend(bad);
        let r = run_in(dir.path(), &args, None);
        assert_eq!(r.code, 2, "{bad:?}");
        assert!(r.stderr.starts_with("error:"), "{}", r.stderr);
    }
}

#[test]
fn out_dir_conflicts_with_output_file_and_format() {
    let dir = docs(&[("a", BRIDGE_A)]);
    for extra in [["-o", "x.csv"], ["--format", "jsonl"]] {
        let mut args = vec!["dedup", "a.txt", "--out", "d"];
        args.extend(extra);
        let r = run_in(dir.path(), &args, None);
        assert_eq!(r.code, 2, "{extra:?}");
        assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
    }
    assert_eq!(files_in(dir.path()), ["a.txt"]);
    // A missing directory for -o is a fatal error before any work.
    let r = run_in(dir.path(), &["dedup", "a.txt", "-o", "nope/d.csv"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("does not exist"), "{}", r.stderr);
}

#[test]
fn a_failed_input_fails_only_itself() {
    let dir = docs(&[("a", BRIDGE_A), ("b", BRIDGE_B)]);
    let r = run_in(
        dir.path(),
        &["dedup", "a.txt", "missing.txt", "b.txt"],
        None,
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "error: missing.txt: no such file or directory\n");
    assert_eq!(csv_rows(&r.stdout).len(), 2, "{}", r.stdout);
}

#[test]
fn report_writes_the_dedup_files_and_counts() {
    let dir = docs(&[("a", BRIDGE_A), ("b", BRIDGE_B)]);
    let out = dir.path().join("r");
    let out_arg = out.to_string_lossy().into_owned();
    let r = run_in(
        dir.path(),
        &["report", "a.txt", "b.txt", "--out", &out_arg],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary: serde_json::Value =
        serde_json::from_str(&read(&out.join("summary.json"))).expect("JSON");
    let counts = &summary["counts"];
    let claims_rows = csv_rows(&read(&out.join("claims.csv"))).len();
    assert!(claims_rows >= 6, "{claims_rows}");
    assert_eq!(counts["claims"], claims_rows);
    assert_eq!(counts["duplicates"], 2);
    assert_eq!(counts["clusters"], 1);
    assert_eq!(counts["misquotes"], 0);
    assert_eq!(counts["conflicting_attributions"], 0);
    // The report's dedup files are those of `dedup --out`, with the
    // count of republished copies folded into each row at the end (none
    // here: neither document is a copy).
    let (claims, duplicates, misquotes) = dedup_dir(dir.path(), &["a.txt", "b.txt"]);
    let no_copies = |csv: &str| -> String {
        csv.lines()
            .enumerate()
            .map(|(i, l)| format!("{l},{}\n", if i == 0 { "copies_folded" } else { "0" }))
            .collect()
    };
    assert_eq!(read(&out.join("claims.csv")), claims);
    assert_eq!(read(&out.join("duplicates.csv")), no_copies(&duplicates));
    assert_eq!(read(&out.join("misquotes.csv")), no_copies(&misquotes));
}
