//! End-to-end tests of the `quotecheck` binary on `fixtures/` and on the CLI
//! test inputs in `tests/data/`, with insta snapshots of the outputs.
//!
//! The quote contents of the snapshots come from the engine in
//! `quotecheck-core`; review them with `cargo insta review` after engine
//! changes. What these tests pin for the CLI: column order, ids, ordering,
//! neutralisation, speaker keys, summary schema and exit codes.

use crate::common;

use std::path::Path;

use common::{column, files_in, read, redact_version, root, run, run_in, skip_missing};
use quotecheck::output::unneutralise;

const MIXED: &str = "tests/data/mixed";

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn report_on_fixtures() {
    let fixtures = root().join("fixtures");
    let has_articles = fixtures.join("articles").is_dir()
        && files_in(&fixtures.join("articles"))
            .iter()
            .any(|f| f.ends_with(".txt"));
    if !has_articles && skip_missing("fixtures/articles/*.txt") {
        return;
    }
    let out = tempdir();
    let dir = out.path().join("report");
    let dir_arg = dir.to_string_lossy().into_owned();
    let r = run(&["report", "fixtures/", "--out", &dir_arg, "--quiet"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let files = files_in(&dir);
    assert_eq!(
        files,
        [
            "claims.csv",
            "duplicates.csv",
            "findings.csv",
            "findings.jsonl",
            "index.html",
            "misquotes.csv",
            "quotes.csv",
            "report.xlsx",
            "speakers.csv",
            "summary.json"
        ]
    );
    let summary = read(&dir.join("summary.json"));
    // Gold files (.gold.json) are not inputs: they are skipped and counted.
    assert!(summary.contains(".gold.json"), "{summary}");
    let v: serde_json::Value = serde_json::from_str(&summary).expect("summary JSON");
    assert_eq!(
        v["outputs"],
        serde_json::json!([
            "findings.csv",
            "findings.jsonl",
            "quotes.csv",
            "speakers.csv",
            "claims.csv",
            "duplicates.csv",
            "misquotes.csv",
            "report.xlsx",
            "index.html",
            "summary.json"
        ])
    );
    // The dedup counts are the rows of the dedup files.
    let claims = read(&dir.join("claims.csv"));
    let duplicates = read(&dir.join("duplicates.csv"));
    let misquotes = read(&dir.join("misquotes.csv"));
    let rows = |text: &str| csv::Reader::from_reader(text.as_bytes()).records().count();
    assert_eq!(v["counts"]["claims"], rows(&claims));
    assert_eq!(v["counts"]["duplicates"], rows(&duplicates));
    assert_eq!(v["counts"]["misquotes"], rows(&misquotes));
    assert!(v["counts"]["clusters"].as_u64() > Some(0), "{summary}");
    // The engine's output on each fixture is snapshot once, by
    // quotecheck-core's attribution snapshots; here only that quotes.csv
    // carries exactly those records, span for span.
    assert_eq!(
        csv_quotes(&read(&dir.join("quotes.csv"))),
        engine_quotes(&fixtures)
    );
    insta::assert_snapshot!("fixtures_findings_csv", read(&dir.join("findings.csv")));
    insta::assert_snapshot!("fixtures_speakers_csv", read(&dir.join("speakers.csv")));
    insta::assert_snapshot!("fixtures_claims_csv", claims);
    insta::assert_snapshot!("fixtures_duplicates_csv", duplicates);
    insta::assert_snapshot!("fixtures_misquotes_csv", misquotes);
    insta::assert_snapshot!("fixtures_summary_json", redact_version(&summary));
}

/// `(doc_id, char_start, char_end, quote)` of each row of a quotes.csv, sorted.
fn csv_quotes(csv_text: &str) -> Vec<(String, usize, usize, String)> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = r.headers().expect("header").clone();
    let col = |name: &str| column(&headers, name);
    let (doc, start, end, quote) = (
        col("doc_id"),
        col("char_start"),
        col("char_end"),
        col("quote"),
    );
    let mut out: Vec<_> = r
        .records()
        .map(|row| {
            let row = row.expect("row");
            let num = |i: usize| row[i].parse::<usize>().expect("offset");
            (
                unneutralise(&row[doc]).to_string(),
                num(start),
                num(end),
                unneutralise(&row[quote]).to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The same tuples computed with quotecheck-core on `fixtures/articles/*.txt`
/// (document ids `articles/<name>`, as the CLI gives them) and on the rows of
/// `fixtures/reuse/reuse.jsonl` (ids as written there).
fn engine_quotes(fixtures: &Path) -> Vec<(String, usize, usize, String)> {
    let dir = fixtures.join("articles");
    let mut docs = Vec::new();
    for f in files_in(&dir).iter().filter(|f| f.ends_with(".txt")) {
        let id = format!("articles/{}", f.trim_end_matches(".txt"));
        docs.push(quotecheck_core::Document::new(id, read(&dir.join(f))));
    }
    for line in read(&fixtures.join("reuse/reuse.jsonl")).lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("reuse.jsonl row");
        let field = |k: &str| row[k].as_str().expect("id and text").to_string();
        docs.push(quotecheck_core::Document::new(field("id"), field("text")));
    }
    let mut out = Vec::new();
    for doc in &docs {
        let analysis = quotecheck_core::analyze(doc);
        for r in quotecheck_core::quote_records(doc, &analysis) {
            out.push((doc.id.clone(), r.char_start, r.char_end, r.quote));
        }
    }
    out.sort();
    out
}

#[test]
fn report_on_mixed_inputs() {
    let out = tempdir();
    let dir = out.path().join("r");
    let dir_arg = dir.to_string_lossy().into_owned();
    let r = run(&["report", MIXED, "--out", &dir_arg]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    // On success: a short summary on stderr.
    assert!(
        r.stderr.starts_with("quotecheck: wrote findings.csv, "),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("\nfindings: "), "{}", r.stderr);
    let files = files_in(&dir);
    assert!(
        files.iter().all(|f| !f.starts_with(".quotecheck")),
        "{files:?}"
    );
    let quotes = read(&dir.join("quotes.csv"));
    assert!(quotes.starts_with(
        "doc_id,quote_id,kind,speaker,speaker_role,mention,cue,quote,sentence,char_start,char_end,confidence,"
    ));
    // Nothing from scripts, navigation, asides or comments of the HTML page.
    for hidden in [
        "tracker",
        "Injected",
        "Earlier story",
        "commented out",
        "Sport",
    ] {
        assert!(!quotes.contains(hidden), "{hidden} leaked into quotes.csv");
    }
    insta::assert_snapshot!("mixed_quotes_csv", quotes);
    insta::assert_snapshot!("mixed_speakers_csv", read(&dir.join("speakers.csv")));
    insta::assert_snapshot!(
        "mixed_summary_json",
        redact_version(&read(&dir.join("summary.json")))
    );
}

#[test]
fn reports_are_byte_identical_across_runs_and_thread_counts() {
    let out = tempdir();
    let mut contents = Vec::new();
    for (i, threads) in ["1", "2", "1"].iter().enumerate() {
        let dir = out.path().join(format!("r{i}"));
        let dir_arg = dir.to_string_lossy().into_owned();
        let r = run(&["report", MIXED, "--out", &dir_arg, "--threads", threads]);
        assert_eq!(r.code, 0, "stderr: {}", r.stderr);
        let all: Vec<Vec<u8>> = files_in(&dir)
            .iter()
            .map(|f| std::fs::read(dir.join(f)).expect("read report file"))
            .collect();
        contents.push((files_in(&dir), all));
    }
    assert_eq!(contents[0], contents[1]);
    assert_eq!(contents[0], contents[2]);
}

#[test]
fn quotes_jsonl_has_the_schema_fields() {
    let r = run(&["quotes", "tests/data/mixed/bridge.txt", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let mut n = 0;
    for line in r.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        for field in [
            "doc_id",
            "quote_id",
            "kind",
            "quote",
            "char_start",
            "char_end",
            "speaker",
            "speaker_role",
            "mention",
            "mention_start",
            "mention_end",
            "cue",
            "confidence",
            "reason",
            "speaker_key",
        ] {
            assert!(v.get(field).is_some(), "{field} missing in {line}");
        }
        // A .txt file given directly: the id is the file stem.
        assert_eq!(v["doc_id"], "bridge");
        n += 1;
    }
    insta::assert_snapshot!("bridge_quotes_jsonl", r.stdout);
    assert!(n > 0 || r.stdout.is_empty());
}

#[test]
fn quotes_json_is_one_array_and_csv_is_default() {
    let json = run(&["quotes", "tests/data/mixed/bridge.txt", "--format", "json"]);
    assert_eq!(json.code, 0);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    let array = v.as_array().expect("an array");
    let jsonl = run(&["quotes", "tests/data/mixed/bridge.txt", "--format", "jsonl"]);
    assert_eq!(array.len(), jsonl.stdout.lines().count());
    let csv = run(&["quotes", "tests/data/mixed/bridge.txt"]);
    assert!(csv.stdout.starts_with("doc_id,quote_id,kind,"));
    assert_eq!(csv.stdout.lines().count(), array.len() + 1);
}

#[test]
fn output_file_matches_stdout_and_leaves_no_temp_file() {
    let out = tempdir();
    let file = out.path().join("q.csv");
    let file_arg = file.to_string_lossy().into_owned();
    let to_file = run(&["quotes", MIXED, "-o", &file_arg]);
    assert_eq!(to_file.code, 0, "{}", to_file.stderr);
    assert_eq!(to_file.stdout, "");
    let to_stdout = run(&["quotes", MIXED]);
    assert_eq!(read(&file), to_stdout.stdout);
    assert_eq!(files_in(out.path()), vec!["q.csv"]);
}

#[test]
fn excel_flag_adds_a_bom_and_cells_are_neutralised() {
    let plain = run(&["quotes", MIXED]);
    let excel = run(&["quotes", MIXED, "--excel"]);
    assert!(!plain.stdout_bytes.starts_with(b"\xEF\xBB\xBF"));
    assert!(excel.stdout_bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(&excel.stdout_bytes[3..], &plain.stdout_bytes[..]);
    // No cell starts with a formula character.
    let mut reader = csv::Reader::from_reader(plain.stdout.as_bytes());
    for row in reader.records() {
        let row = row.expect("valid CSV");
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unneutralised cell {cell:?}"
            );
        }
    }
}

#[test]
fn directory_walk_ids_are_relative_paths_and_rows_get_line_ids() {
    let r = run(&["extract", MIXED]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<String> = r
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            format!(
                "{} <- {}:{}",
                v["id"].as_str().unwrap_or("?"),
                v["source"].as_str().unwrap_or("?"),
                v["line"]
            )
        })
        .collect();
    assert_eq!(
        ids,
        vec![
            "bridge <- tests/data/mixed/bridge.txt:null",
            "cms-17 <- tests/data/mixed/cms.csv:2",
            "desk/council <- tests/data/mixed/desk/council.html:null",
            "wire-001 <- tests/data/mixed/wire.jsonl:1",
            "wire-002 <- tests/data/mixed/wire.jsonl:2",
        ]
    );
}

#[test]
fn html_extraction_snapshot() {
    let r = run(&[
        "extract",
        "tests/data/mixed/desk/council.html",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("council_html_extracted", r.stdout);
}

#[test]
fn cms_csv_export_with_custom_columns() {
    let r = run(&[
        "quotes",
        "tests/data/exports/cms_export.csv",
        "--id-column",
        "slug",
        "--text-column",
        "body",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("cms_export_quotes_jsonl", r.stdout);
    let docs = run(&[
        "extract",
        "tests/data/exports/cms_export.csv",
        "--id-column",
        "slug",
        "--text-column",
        "body",
    ]);
    assert!(docs.stdout.contains("\"id\":\"ruiz-bridge\""));
    assert!(docs.stdout.contains("\"id\":\"berg-review\""));
}

#[test]
fn jsonl_with_custom_fields() {
    let r = run(&[
        "extract",
        "tests/data/exports/custom.jsonl",
        "--id-field",
        "slug",
        "--text-field",
        "body",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2);
    assert!(r
        .stdout
        .starts_with("{\"id\":\"a-1\",\"text\":\"“We will win,” she said.\""));
}

#[test]
fn stdin_as_text_html_and_jsonl() {
    let text = "“We will win,” she said.";
    let r = run_in(
        &root(),
        &["quotes", "-", "--format", "jsonl"],
        Some(text.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines() {
        assert!(line.contains("\"doc_id\":\"stdin\""), "{line}");
    }
    let html = "<p>“We will win,” <b>she</b> said.</p><script>x()</script>";
    let r = run_in(
        &root(),
        &["extract", "-", "--stdin-format", "html"],
        Some(html.as_bytes()),
    );
    assert_eq!(
        r.stdout,
        "{\"id\":\"stdin\",\"text\":\"“We will win,” she said.\",\"source\":\"-\",\"line\":null}\n"
    );
    let jsonl = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
    let r = run_in(
        &root(),
        &["extract", "-", "--stdin-format", "jsonl"],
        Some(jsonl.as_bytes()),
    );
    assert!(r.stdout.contains("\"id\":\"stdin:1\"") && r.stdout.contains("\"id\":\"stdin:2\""));
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        "report",
        "quotes",
        "dedup",
        "score",
        "extract",
        "completions",
    ] {
        let r = run(&[cmd, "--help"]);
        assert_eq!(r.code, 0, "{cmd}: {}", r.stderr);
        assert!(r.stdout.contains("Example"), "{cmd} --help has no example");
        assert!(r.stdout.contains(&format!("quotecheck {cmd}")), "{cmd}");
    }
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Exit codes"));
    insta::assert_snapshot!("help_quotes", run(&["quotes", "--help"]).stdout);
    insta::assert_snapshot!("help_dedup", run(&["dedup", "--help"]).stdout);
}

#[test]
fn shell_completions() {
    for shell in ["bash", "zsh", "fish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains("quotecheck"), "{shell}");
        assert!(r.stdout.contains("report"), "{shell}");
    }
    assert_eq!(run(&["completions", "tcsh"]).code, 2);
}

#[test]
fn quiet_runs_print_nothing_on_stderr() {
    let r = run(&["quotes", MIXED, "--quiet", "--threads", "2"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}

#[test]
fn version() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("quotecheck {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn html_in_text_is_escaped_by_the_writers() {
    let dir = tempdir();
    let doc = "{\"id\":\"x\",\"text\":\"“<script>alert('x')</script>,” the hacker said.\"}\n";
    std::fs::write(dir.path().join("x.jsonl"), doc).expect("write");
    let r = run_in(dir.path(), &["quotes", "x.jsonl", "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Whatever the engine finds, the output is valid JSON that round-trips.
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert!(v.is_array());
}

#[test]
fn score_engine_run_equals_score_of_quotes_jsonl() {
    let articles = root().join("fixtures/articles");
    let mut txts: Vec<String> = files_in(&articles)
        .into_iter()
        .filter(|f| f.ends_with(".txt"))
        .map(|f| format!("fixtures/articles/{f}"))
        .collect();
    if txts.is_empty() {
        eprintln!("no fixtures yet: skipping");
        return;
    }
    txts.sort();
    let out = tempdir();
    let preds = out.path().join("p.jsonl").to_string_lossy().into_owned();
    let mut args = vec!["quotes", "--format", "jsonl", "-o", &preds, "--quiet"];
    args.extend(txts.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let direct = run(&["score", "--gold", "fixtures/articles", "--format", "json"]);
    assert_eq!(direct.code, 0, "{}", direct.stderr);
    let from_file = run(&[
        "score",
        "--gold",
        "fixtures/articles",
        &preds,
        "--format",
        "json",
    ]);
    assert_eq!(from_file.code, 0, "{}", from_file.stderr);
    assert_eq!(direct.stdout, from_file.stdout);
    let v: serde_json::Value = serde_json::from_str(&direct.stdout).expect("JSON report");
    assert!(v.is_object());
    let table = run(&["score", "--gold", "fixtures/articles", "--errors", "2"]);
    assert_eq!(table.code, 0);
    assert!(table.stdout.contains("overall"));
}

#[test]
fn score_errors_are_one_line_and_exit_2() {
    let dir = tempdir();
    std::fs::write(dir.path().join("g.json"), "{\"id\": \"a\", \"text\": ").expect("write");
    let r = run_in(dir.path(), &["score", "--gold", "g.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: g.json"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = run_in(dir.path(), &["score", "--gold", "nope.json"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "error: nope.json: no such file or directory\n");
}
