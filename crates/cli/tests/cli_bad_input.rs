//! One test per bad-input case: the one-line message, the exit code, and
//! that no partial report file is left behind. Bad files are made at test
//! time in a temporary directory (the binary runs there, so messages name
//! short relative paths).

use crate::common;

use std::path::Path;

use common::{files_in, read, run_in, Output};

const GOOD: &str = "“It is safe,” Mayor Ana Ruiz said on Friday.";
/// The files of a report, sorted by name.
use quotecheck::commands::REPORT_FILES;

/// A temporary directory holding `files`.
fn setup(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

fn report(dir: &Path, inputs: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["report"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--out", "out"]);
    args.extend_from_slice(extra);
    run_in(dir, &args, None)
}

/// A fatal run: exit 2, exactly `message` on stderr, no report file.
fn assert_fatal(out: &Output, dir: &Path, message: &str) {
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
    assert_eq!(out.stderr, format!("error: {message}\n"));
    assert_eq!(out.stdout, "");
    assert_eq!(
        files_in(&dir.join("out")),
        Vec::<String>::new(),
        "partial report left"
    );
}

/// A partial run: exit 1, `message` on stderr, the full report written and
/// the error listed in summary.json with `kind`.
fn assert_partial(out: &Output, dir: &Path, message: &str, kind: &str) -> serde_json::Value {
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    assert!(
        out.stderr.lines().any(|l| l == format!("error: {message}")),
        "stderr: {}",
        out.stderr
    );
    let mut all = REPORT_FILES.to_vec();
    all.sort_unstable();
    assert_eq!(files_in(&dir.join("out")), all);
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.join("out/summary.json"))).expect("summary JSON");
    assert_eq!(summary["status"], "partial");
    assert_eq!(summary["exit_code"], 1);
    let errors = summary["errors"].as_array().expect("errors");
    assert!(
        errors
            .iter()
            .any(|e| e["kind"] == kind && e["message"] == message),
        "{summary}"
    );
    assert!(summary["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .any(|d| d["status"] == "failed" && d["error"] == message));
    summary
}

#[test]
fn missing_path() {
    let dir = setup(&[]);
    let out = report(dir.path(), &["nope.txt"], &[]);
    assert_fatal(&out, dir.path(), "nope.txt: no such file or directory");
}

#[test]
fn missing_path_in_a_batch() {
    let dir = setup(&[("good.txt", GOOD.as_bytes())]);
    let out = report(dir.path(), &["good.txt", "nope.txt"], &[]);
    let summary = assert_partial(
        &out,
        dir.path(),
        "nope.txt: no such file or directory",
        "missing_path",
    );
    assert_eq!(summary["counts"]["documents"], 1);
    assert_eq!(summary["counts"]["failed"], 1);
}

#[test]
fn directory_with_no_readable_files() {
    let dir = setup(&[("inbox/notes.md", b"# notes"), ("inbox/gold.json", b"{}")]);
    let out = report(dir.path(), &["inbox"], &[]);
    assert_fatal(
        &out,
        dir.path(),
        "inbox: no input files found (looked for .txt, .html, .htm, .jsonl and .csv files)",
    );
}

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    // Damaged UTF-8 (valid `é`, then a stray byte); Latin-1 text is decoded.
    let dir = setup(&[("damaged.txt", b"Caf\xc3\xa9 au lait, \xabhe said.")]);
    let out = report(dir.path(), &["damaged.txt"], &[]);
    assert_fatal(
        &out,
        dir.path(),
        "damaged.txt: invalid UTF-8 at byte 15 (use --lossy to replace invalid bytes)",
    );
}

#[test]
fn invalid_utf8_with_lossy_is_replaced() {
    let dir = setup(&[("damaged.txt", b"Caf\xc3\xa9 au \xe9lait.")]);
    let out = report(dir.path(), &["damaged.txt"], &["--lossy"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = run_in(dir.path(), &["extract", "damaged.txt", "--lossy"], None);
    assert!(
        text.stdout.contains("Caf\u{e9} au \u{FFFD}lait."),
        "{}",
        text.stdout
    );
}

#[test]
fn invalid_utf8_in_a_jsonl_line() {
    let dir = setup(&[(
        "wire.jsonl",
        b"{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\",\"text\":\"bad \xff\"}\n",
    )]);
    let out = report(dir.path(), &["wire.jsonl"], &[]);
    assert_partial(
        &out,
        dir.path(),
        "wire.jsonl:2: invalid UTF-8 at byte 47 (use --lossy to replace invalid bytes)",
        "invalid_utf8",
    );
}

#[test]
fn empty_document() {
    let dir = setup(&[("empty.txt", b" \n\n  ")]);
    let out = report(dir.path(), &["empty.txt"], &[]);
    assert_fatal(&out, dir.path(), "empty.txt: empty document");
}

#[test]
fn html_without_text_is_an_empty_document() {
    let dir = setup(&[(
        "page.html",
        b"<html><script>var x;</script><nav>Menu</nav></html>",
    )]);
    let out = report(dir.path(), &["page.html"], &[]);
    assert_fatal(
        &out,
        dir.path(),
        "page.html: empty document (no text left after HTML extraction)",
    );
}

#[test]
fn binary_file() {
    let dir = setup(&[("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")]);
    let out = report(dir.path(), &["photo.txt"], &[]);
    assert_fatal(
        &out,
        dir.path(),
        "photo.txt: binary file, not text (NUL byte at byte 8)",
    );
}

#[test]
fn binary_file_in_a_directory_walk() {
    let dir = setup(&[
        ("day/a.txt", GOOD.as_bytes()),
        ("day/b.csv", b"id,text\n\0\0\0"),
    ]);
    let out = report(dir.path(), &["day"], &[]);
    assert_partial(
        &out,
        dir.path(),
        "day/b.csv: binary file, not text (NUL byte at byte 8)",
        "binary_file",
    );
}

#[test]
fn malformed_jsonl_line() {
    let dir = setup(&[(
        "wire.jsonl",
        b"{\"id\":\"a\",\"text\":\"\xe2\x80\x9cWe will win,\xe2\x80\x9d she said.\"}\n{\"id\": \"b\", \"text\": \n{\"id\":\"c\",\"text\":\"More text.\"}\n",
    )]);
    let out = report(dir.path(), &["wire.jsonl"], &[]);
    let summary = assert_partial(
        &out,
        dir.path(),
        "wire.jsonl:2: malformed JSONL line: EOF while parsing a value (column 20)",
        "malformed_jsonl",
    );
    assert_eq!(summary["errors"][0]["line"], 2);
    // The lines before and after were processed.
    assert_eq!(summary["counts"]["documents"], 2);
}

#[test]
fn jsonl_line_without_the_text_field() {
    let dir = setup(&[("wire.jsonl", b"{\"id\":\"a\",\"body\":\"x\"}\n")]);
    let out = report(dir.path(), &["wire.jsonl"], &[]);
    assert_fatal(
        &out,
        dir.path(),
        "wire.jsonl:1: malformed JSONL line: no field `text` (choose the text field with --text-field)",
    );
}

#[test]
fn malformed_csv_row() {
    let dir = setup(&[(
        "export.csv",
        "id,text\n1,\"“It is safe,” she said.\"\n2,too,many\n3,Fine text.\n".as_bytes(),
    )]);
    let out = report(dir.path(), &["export.csv"], &[]);
    let summary = assert_partial(
        &out,
        dir.path(),
        "export.csv:3: malformed CSV row: 3 field(s) where the header has 2",
        "malformed_csv",
    );
    assert_eq!(summary["counts"]["documents"], 2);
}

#[test]
fn unknown_column_name() {
    let dir = setup(&[("export.csv", b"slug,body\n1,Some text.\n")]);
    let out = report(dir.path(), &["export.csv"], &[]);
    assert_fatal(
        &out,
        dir.path(),
        "export.csv: unknown column `text` (the header has: slug, body); choose one with --text-column",
    );
    let out = report(
        dir.path(),
        &["export.csv"],
        &["--text-column", "body", "--id-column", "id"],
    );
    assert_fatal(
        &out,
        dir.path(),
        "export.csv: unknown column `id` (the header has: slug, body); choose one with --id-column",
    );
    let out = report(
        dir.path(),
        &["export.csv"],
        &["--text-column", "body", "--id-column", "slug"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn unwritable_output_directory() {
    // A path below a regular file can never be created (even as root).
    let dir = setup(&[("good.txt", GOOD.as_bytes())]);
    let out = run_in(
        dir.path(),
        &["report", "good.txt", "--out", "good.txt/report"],
        None,
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: cannot write good.txt/report: Not a directory\n"
    );
    assert_eq!(files_in(dir.path()), vec!["good.txt"]);

    let out = run_in(
        dir.path(),
        &["report", "good.txt", "--out", "good.txt"],
        None,
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: cannot write good.txt: exists and is not a directory\n"
    );

    let out = run_in(
        dir.path(),
        &["quotes", "good.txt", "-o", "missing/q.csv"],
        None,
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: cannot write missing/q.csv: directory missing does not exist\n"
    );
    assert_eq!(files_in(dir.path()), vec!["good.txt"]);
}

#[test]
fn strict_stops_at_the_first_bad_input() {
    let dir = setup(&[("good.txt", GOOD.as_bytes()), ("empty.txt", b"")]);
    let out = report(dir.path(), &["good.txt", "empty.txt"], &["--strict"]);
    assert_fatal(
        &out,
        dir.path(),
        "empty.txt: empty document (stopping because of --strict)",
    );
}

#[test]
fn duplicate_document_ids() {
    let dir = setup(&[(
        "wire.jsonl",
        b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n",
    )]);
    let out = report(dir.path(), &["wire.jsonl"], &[]);
    assert_partial(
        &out,
        dir.path(),
        "wire.jsonl:2: duplicate document id `a` (first used by wire.jsonl:1)",
        "duplicate_id",
    );
}

#[test]
fn every_input_failing_is_fatal() {
    let dir = setup(&[("empty.txt", b""), ("bin.txt", b"\0")]);
    let out = report(dir.path(), &["empty.txt", "bin.txt"], &[]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: empty.txt: empty document\n\
         error: bin.txt: binary file, not text (NUL byte at byte 0)\n\
         error: no readable documents (2 inputs failed, see above)\n"
    );
    assert_eq!(files_in(&dir.path().join("out")), Vec::<String>::new());
}

#[test]
fn usage_errors_exit_2_without_panicking() {
    let dir = setup(&[("good.txt", GOOD.as_bytes())]);
    for args in [
        vec!["quotes"],
        vec!["quotes", "good.txt", "--format", "xml"],
        vec!["quotes", "good.txt", "--threads", "many"],
        vec!["report", "good.txt"],
        vec!["frobnicate"],
        vec![],
    ] {
        let out = run_in(dir.path(), &args, None);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("error") || out.stderr.contains("Usage"),
            "{args:?}"
        );
    }
}

#[test]
fn control_characters_in_names_are_escaped_on_stderr() {
    let dir = setup(&[]);
    let out = report(dir.path(), &["evil\u{1b}[31m.txt"], &[]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains('\u{1b}'));
    assert!(out.stderr.contains("evil\\u{1b}[31m.txt"));
}
