//! Regression tests of the second hostile-input campaign (issue #23),
//! through the binary: no silent change of data (CSV and JSONL readers,
//! output formats), files and processes (modes, locking, temporary files,
//! output directories, closed pipes), and the messages that say what went
//! wrong. The superlinear paths are measured by
//! `crates/cli/benches/pathological.rs`, not here.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{read, run_in};

const ARTICLE: &str = "“The bridge is safe,” Mayor Ana Ruiz said. The council agreed.";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write input");
}

/// `extract` of `name` in `dir` as JSONL: (ids, lines, stderr, exit code).
fn extract_ids(dir: &Path, name: &str) -> (Vec<String>, Vec<u64>, String, i32) {
    let out = run_in(dir, &["extract", name, "--quiet"], None);
    let mut ids = Vec::new();
    let mut lines = Vec::new();
    for l in out.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("JSONL output");
        ids.push(v["id"].as_str().unwrap_or_default().to_string());
        lines.push(v["line"].as_u64().unwrap_or(0));
    }
    (ids, lines, out.stderr, out.code)
}

// ---- Silent changes of data -------------------------------------------

#[test]
fn csv_stray_quote_fails_the_row_instead_of_swallowing_the_rest() {
    let dir = tmp();
    let csv = format!("text\n\"{ARTICLE}\n{ARTICLE}\n{ARTICLE}\n");
    write(dir.path(), "a.csv", csv.as_bytes());
    write(dir.path(), "b.txt", ARTICLE.as_bytes());
    let out = run_in(dir.path(), &["quotes", "a.csv", "b.txt", "--quiet"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "a.csv:2: malformed CSV row: a quoted field opened in this row is never closed"
        ),
        "{}",
        out.stderr
    );
    // A well-formed file with multi-line quoted cells is not flagged.
    let ok = format!(
        "id,text\n1,\"{ARTICLE}\n\nSecond paragraph with \"\"quotes\"\".\"\n2,\"{ARTICLE}\"\n"
    );
    write(dir.path(), "ok.csv", ok.as_bytes());
    let (ids, lines, stderr, code) = extract_ids(dir.path(), "ok.csv");
    assert_eq!(
        (ids, lines, code),
        (vec!["1".into(), "2".into()], vec![2, 5], 0),
        "{stderr}"
    );
}

#[test]
fn csv_stray_quote_closed_later_fails_the_merged_row_and_the_batch_goes_on() {
    let dir = tmp();
    // A stray `"` in row 1 is closed by the quote that opens row 4's text:
    // rows 2 and 3 would silently become part of row 1's text. (Texts
    // without commas, so that rows 2 and 3 are valid rows on their own.)
    let a = ARTICLE.replace(',', "");
    let csv = format!("id,text\n1,\"{a}\n2,{a}\n3,{a}\n4,\"{a}\"\n5,{a}\n");
    for (name, eol) in [("lf.csv", "\n"), ("crlf.csv", "\r\n")] {
        write(dir.path(), name, csv.replace('\n', eol).as_bytes());
        let (ids, lines, stderr, code) = extract_ids(dir.path(), name);
        assert_eq!(
            (ids, lines, code),
            (vec!["5".to_string()], vec![6], 1),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!(
                "{name}:2: malformed CSV row: a quoted field opened in this row runs over 4 lines \
                 (to line 5) and looks like several rows merged by a stray `\"`: 3 line(s) inside \
                 it read as rows of their own (the first at line 3), text follows its closing `\"` \
                 at line 5; the row is skipped"
            )),
            "{stderr}"
        );
        // --strict stops at the bad row.
        let out = run_in(dir.path(), &["extract", name, "--strict", "--quiet"], None);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{}", out.stderr);
    }
}

#[test]
fn csv_line_numbers_and_fallback_ids_do_not_depend_on_line_endings() {
    let dir = tmp();
    let lf =
        format!("headline,text\nH1,\"{ARTICLE}\nmore\"\nH2,\"{ARTICLE}\"\n\nH3,\"{ARTICLE}\"\n");
    write(dir.path(), "lf.csv", lf.as_bytes());
    write(dir.path(), "crlf.csv", lf.replace('\n', "\r\n").as_bytes());
    write(dir.path(), "cr.csv", lf.replace('\n', "\r").as_bytes());
    let strip = |ids: Vec<String>, base: &str| -> Vec<String> {
        ids.iter().map(|i| i.replacen(base, "X", 1)).collect()
    };
    let (ids, lines, e1, _) = extract_ids(dir.path(), "lf.csv");
    assert_eq!(lines, vec![2, 4, 6], "{e1}");
    assert_eq!(ids, vec!["lf:2", "lf:4", "lf:6"]);
    for name in ["crlf", "cr"] {
        let (other, other_lines, e, _) = extract_ids(dir.path(), &format!("{name}.csv"));
        assert_eq!(other_lines, lines, "{name}: {e}");
        assert_eq!(strip(other, name), strip(ids.clone(), "lf"), "{name}");
    }
}

#[test]
fn output_format_follows_format_not_the_file_extension() {
    let dir = tmp();
    write(
        dir.path(),
        "a.txt",
        "“<b>Safe</b> & sound,” Ana Ruiz said.".as_bytes(),
    );
    let out = run_in(
        dir.path(),
        &[
            "extract", "a.txt", "--format", "csv", "-o", "out.json", "--quiet",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let csv = read(&dir.path().join("out.json"));
    assert!(csv.starts_with("id,text,source,line\n"), "{csv}");
    assert!(
        csv.contains("<b>Safe</b> & sound"),
        "CSV, not JSON escapes: {csv}"
    );
    // JSON to any file name is still HTML-safe.
    let out = run_in(
        dir.path(),
        &["extract", "a.txt", "-o", "out.csv", "--quiet"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = read(&dir.path().join("out.csv"));
    assert!(
        json.contains("\\u003cb\\u003e") && !json.contains('<'),
        "{json}"
    );
}

#[test]
fn jsonl_ids_blank_fall_back_and_duplicate_keys_are_errors() {
    let dir = tmp();
    let t = serde_json::to_string(ARTICLE).expect("json");
    let data = format!(
        "{{\"id\":\"\",\"text\":{t}}}\n{{\"id\":\" \",\"text\":{t}}}\n{{\"id\":\"a\",\"id\":\"b\",\"text\":{t}}}\n{{\"id\":\"c\",\"text\":{t}}}\n"
    );
    write(dir.path(), "d.jsonl", data.as_bytes());
    let (ids, _, stderr, code) = extract_ids(dir.path(), "d.jsonl");
    assert_eq!(ids, vec!["d:1", "d:2", "c"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("d.jsonl:3: malformed JSONL line: duplicate field `id`"),
        "{stderr}"
    );
    // An explicit --id-field that is blank is an error, not a silent id.
    let out = run_in(
        dir.path(),
        &["extract", "d.jsonl", "--id-field", "id", "--quiet"],
        None,
    );
    assert!(
        out.stderr
            .contains("d.jsonl:1: malformed JSONL line: field `id` (the --id-field) is empty"),
        "{}",
        out.stderr
    );
}

#[test]
#[cfg(unix)]
fn non_utf8_file_names_keep_distinct_ids() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tmp();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    for name in [&b"caf\xe9.txt"[..], &b"caf\xe8.txt"[..]] {
        std::fs::write(docs.join(std::ffi::OsStr::from_bytes(name)), ARTICLE).expect("write");
    }
    let (mut ids, _, stderr, code) = extract_ids(dir.path(), "docs");
    ids.sort();
    assert_eq!(
        (ids, code),
        (vec!["caf\\xE8".to_string(), "caf\\xE9".to_string()], 0),
        "{stderr}"
    );
}

// ---- Messages ------------------------------------------------------------

#[test]
fn jsonl_bom_nul_and_lossy_messages_say_what_they_are() {
    let dir = tmp();
    let t = serde_json::to_string(ARTICLE).expect("json");
    let mut data = format!("{{\"id\":\"n\",\"text\":{t}\0}}\n").into_bytes();
    data.extend_from_slice(format!("\u{feff}{{\"id\":\"b\",\"text\":{t}}}\n").as_bytes());
    data.extend_from_slice(format!("{{\"id\":\"ok\",\"text\":{t}}}\n").as_bytes());
    data.extend_from_slice(b"{\"id\":\"l\",\"text\":\"x \xff\xfe y\"}\n");
    write(dir.path(), "m.jsonl", &data);
    let (ids, _, stderr, code) = extract_ids(dir.path(), "m.jsonl");
    // The NUL in the first 8 KiB fails its line only.
    assert_eq!((ids, code), (vec!["ok".to_string()], 1), "{stderr}");
    assert!(
        stderr.contains("m.jsonl:1: malformed JSONL line: NUL byte at byte"),
        "{stderr}"
    );
    assert!(
        stderr.contains("m.jsonl:2: malformed JSONL line: the line starts with a byte-order mark"),
        "{stderr}"
    );
    let out = run_in(
        dir.path(),
        &["extract", "m.jsonl", "--lossy", "--quiet"],
        None,
    );
    assert!(
        out.stderr
            .contains("note: m.jsonl:4: --lossy replaced 2 invalid byte(s) with U+FFFD"),
        "{}",
        out.stderr
    );
}

#[test]
fn csv_invalid_utf8_offset_is_the_byte_in_the_file() {
    let dir = tmp();
    let mut data = b"id,text\n1,\"ok, fine\"\n2,\"Caf".to_vec();
    let at = data.len();
    data.extend_from_slice(b"\xe9 au lait\"\n");
    write(dir.path(), "u.csv", &data);
    let out = run_in(dir.path(), &["extract", "u.csv", "--quiet"], None);
    assert!(
        out.stderr
            .contains(&format!("u.csv:3: invalid UTF-8 at byte {at} ")),
        "{}",
        out.stderr
    );
}

#[test]
fn header_only_csv_says_there_are_no_rows() {
    let dir = tmp();
    write(dir.path(), "h.csv", b"id,text\n");
    let out = run_in(dir.path(), &["quotes", "h.csv", "--quiet"], None);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains("see above"), "{}", out.stderr);
    assert!(
        out.stderr.contains("no documents in the inputs"),
        "{}",
        out.stderr
    );
}

#[test]
fn score_rejects_impossible_prediction_offsets() {
    let dir = tmp();
    let gold = serde_json::json!({"id": "g", "text": ARTICLE, "quotes": []});
    write(dir.path(), "g.json", gold.to_string().as_bytes());
    let pred = |start: usize, end: usize| {
        serde_json::json!({"doc_id": "g", "quote_id": "g-q1", "kind": "direct", "quote": "x",
            "char_start": start, "char_end": end, "byte_start": 0, "byte_end": 1,
            "speaker": "", "speaker_role": "", "mention": "", "cue": "", "sentence": "",
            "confidence": 1.0, "reason": ""})
        .to_string()
    };
    for (start, end, expect) in [
        (10, 5, "is reversed"),
        (0, 5000, "past the end of the document"),
    ] {
        write(dir.path(), "p.jsonl", pred(start, end).as_bytes());
        let out = run_in(dir.path(), &["score", "--gold", "g.json", "p.jsonl"], None);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains(expect), "{}", out.stderr);
    }
}

// ---- Files and processes -------------------------------------------------

#[test]
fn a_fatal_run_creates_no_output_directory() {
    let dir = tmp();
    let out = run_in(
        dir.path(),
        &["report", "missing.txt", "--out", "new/report", "--quiet"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(!dir.path().join("new").exists(), "{}", out.stderr);
}

#[test]
fn a_report_inside_the_input_directory_is_not_read_back() {
    let dir = tmp();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    write(&docs, "a.txt", ARTICLE.as_bytes());
    for _ in 0..2 {
        let out = run_in(
            dir.path(),
            &["report", "docs", "--out", "docs/report", "--quiet"],
            None,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let summary: serde_json::Value =
        serde_json::from_str(&read(&docs.join("report/summary.json"))).expect("summary");
    assert_eq!(summary["counts"]["documents"], 1, "{summary}");
    assert_eq!(summary["counts"]["failed"], 0, "{summary}");
}

#[test]
fn stale_tmp_files_are_removed_and_modes_follow_the_umask() {
    let dir = tmp();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    write(&out_dir, ".quotecheck-AbC123.tmp", b"left by a killed run");
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 077 && exec '{}' report a.txt --out out --quiet",
            env!("CARGO_BIN_EXE_quotecheck")
        ))
        .current_dir(dir.path())
        .status()
        .expect("run sh");
    assert!(status.success());
    assert!(!out_dir.join(".quotecheck-AbC123.tmp").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or(0)
        };
        assert_eq!(
            mode(&out_dir.join("quotes.csv")),
            0o600,
            "umask 077 gives private files"
        );
        // A replaced file keeps its mode.
        std::fs::set_permissions(
            out_dir.join("quotes.csv"),
            std::fs::Permissions::from_mode(0o640),
        )
        .expect("chmod");
        let out = run_in(
            dir.path(),
            &["report", "a.txt", "--out", "out", "--quiet"],
            None,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(mode(&out_dir.join("quotes.csv")), 0o640);
    }
}

#[test]
fn threads_are_capped_with_a_note() {
    let dir = tmp();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = run_in(
        dir.path(),
        &["quotes", "a.txt", "--threads", "100000", "--quiet"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("note: --threads 100000 capped at"),
        "{}",
        out.stderr
    );
}

/// Run `quotecheck args` with standard output on `/dev/full` (every write
/// fails with "No space left on device").
#[cfg(target_os = "linux")]
fn to_dev_full(args: &[&str]) -> (i32, String) {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("run quotecheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
#[cfg(target_os = "linux")]
fn help_version_and_completions_fail_cleanly_on_a_full_disk() {
    for args in [&["--help"][..], &["--version"], &["completions", "bash"]] {
        let (code, stderr) = to_dev_full(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn completions_to_a_closed_pipe_do_not_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn file_names_with_bidi_overrides_are_escaped_on_stderr() {
    let dir = tmp();
    let name = "x\u{202e}txt.exe";
    let out = run_in(dir.path(), &["quotes", name, "--quiet"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("x\\u{202e}txt.exe"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{202e}'), "{}", out.stderr);
}

#[test]
#[cfg(unix)]
fn sigint_exits_130_and_leaves_no_temporary_file() {
    use std::io::Write;
    let dir = tmp();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args([
            "report",
            "-",
            "--stdin-format",
            "jsonl",
            "--out",
            "out",
            "--quiet",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let t = serde_json::to_string(ARTICLE).expect("json");
    stdin
        .write_all(format!("{{\"id\":\"a\",\"text\":{t}}}\n").as_bytes())
        .expect("write");
    // The handler is installed before reading starts; give it a moment.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    drop(stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert_eq!(crate::common::files_in(&out_dir), Vec::<String>::new());
}

/// Read `child`'s stderr up to a line containing `what` (blocking), and
/// return what was read.
#[cfg(unix)]
fn stderr_until(stderr: &mut impl std::io::BufRead, what: &str) -> String {
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        let n = stderr.read_line(&mut line).expect("read stderr");
        seen.push_str(&line);
        if n == 0 || line.contains(what) {
            return seen;
        }
    }
}

/// The regular files of `dir` with their bytes, sorted by name.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    crate::common::files_in(dir)
        .into_iter()
        .filter(|f| dir.join(f).is_file())
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).expect("read output");
            (f, bytes)
        })
        .collect()
}

fn jsonl_doc(id: &str, text: &str) -> String {
    let t = serde_json::to_string(text).expect("json");
    format!("{{\"id\":\"{id}\",\"text\":{t}}}\n")
}

#[test]
#[cfg(unix)]
fn two_reports_into_one_directory_wait_for_the_lock_and_never_mix_sets() {
    use std::io::BufReader;
    let dir = tmp();
    write(dir.path(), "a.jsonl", jsonl_doc("a", ARTICLE).as_bytes());
    let other = "“Taxes will fall,” Senator Lee Park said on Monday.";
    write(dir.path(), "b.jsonl", jsonl_doc("b", other).as_bytes());
    let run = |input: &str, out: &str| {
        let o = run_in(
            dir.path(),
            &["report", input, "--out", out, "--quiet"],
            None,
        );
        assert_eq!(o.code, 0, "{}", o.stderr);
    };
    run("a.jsonl", "ref");
    let set_a = contents(&dir.path().join("ref"));
    run("b.jsonl", "ref");
    let set_b = contents(&dir.path().join("ref"));
    assert_ne!(set_a, set_b);
    // The test holds the lock of `out`: both runs must wait, write nothing,
    // and finish one after the other once it is released.
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let lock = std::fs::File::open(&out_dir).expect("open out");
    lock.lock().expect("lock out");
    let spawn = |input: &str| {
        Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(["report", input, "--out", "out", "--quiet"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let mut runs = Vec::new();
    for input in ["a.jsonl", "b.jsonl"] {
        let mut child = spawn(input);
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let seen = stderr_until(&mut stderr, "waiting for another quotecheck run");
        assert!(
            seen.contains("note: waiting for another quotecheck run writing into out"),
            "{seen}"
        );
        runs.push((child, stderr));
    }
    assert_eq!(
        contents(&out_dir),
        Vec::new(),
        "nothing written while locked"
    );
    drop(lock);
    for (mut child, mut stderr) in runs {
        let status = child.wait().expect("wait");
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut rest).expect("stderr");
        assert!(status.success(), "{rest}");
    }
    let set = contents(&out_dir);
    assert!(
        set == set_a || set == set_b,
        "a mixed set: {:?}",
        crate::common::files_in(&out_dir)
    );
}

#[test]
#[cfg(unix)]
fn sigterm_while_writing_keeps_the_previous_report_and_removes_temporary_files() {
    let dir = tmp();
    write(dir.path(), "a.jsonl", jsonl_doc("a", ARTICLE).as_bytes());
    let first = run_in(
        dir.path(),
        &["report", "a.jsonl", "--out", "out", "--quiet"],
        None,
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let out_dir = dir.path().join("out");
    let before = contents(&out_dir);
    // `summary.json`, staged last, becomes a FIFO: the next run writes it
    // in place and blocks opening it, with every other file of the new set
    // staged in a temporary file. That is the moment to send SIGTERM.
    std::fs::remove_file(out_dir.join("summary.json")).expect("rm");
    let mkfifo = Command::new("mkfifo")
        .arg(out_dir.join("summary.json"))
        .status()
        .expect("mkfifo");
    assert!(mkfifo.success());
    let other = "“Taxes will fall,” Senator Lee Park said on Monday.";
    write(dir.path(), "a.jsonl", jsonl_doc("a", other).as_bytes());
    let child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["report", "a.jsonl", "--out", "out", "--quiet"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let tmp_files = || {
        crate::common::files_in(&out_dir)
            .into_iter()
            .filter(|f| f.starts_with(".quotecheck-"))
            .count()
    };
    let staged = quotecheck::commands::REPORT_FILES.len() - 1;
    let start = std::time::Instant::now();
    while tmp_files() < staged {
        assert!(
            start.elapsed().as_secs() < 120,
            "the run never staged its files"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("interrupted: temporary files removed"),
        "{stderr}"
    );
    assert_eq!(tmp_files(), 0);
    let after: Vec<_> = contents(&out_dir)
        .into_iter()
        .filter(|(f, _)| f != "summary.json")
        .collect();
    let kept: Vec<_> = before
        .into_iter()
        .filter(|(f, _)| f != "summary.json")
        .collect();
    assert_eq!(after, kept, "the previous report is untouched");
}

#[test]
#[cfg(unix)]
fn escape_sequences_are_escaped_when_stdout_is_a_terminal() {
    let dir = tmp();
    let text = "“The bridge\u{1b}[2J\u{1b}]0;pwned\u{7} is \u{202e}safe,” Mayor Ana Ruiz said.";
    write(dir.path(), "a.txt", text.as_bytes());
    let run = |stdout: Stdio| {
        Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(["quotes", "a.txt", "--format", "csv", "--quiet"])
            .current_dir(dir.path())
            .stdout(stdout)
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
    };
    let (status, screen) = crate::common::on_pty(run);
    assert!(status.success());
    assert!(
        screen.contains("The bridge\\u{1b}[2J\\u{1b}]0;pwned\\u{7} is \\u{202e}safe"),
        "{screen}"
    );
    assert!(
        !screen.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{screen}"
    );
    // Redirected output keeps the text as it is.
    let piped = run(Stdio::piped()).wait_with_output().expect("wait");
    let piped = String::from_utf8_lossy(&piped.stdout);
    assert!(
        piped.contains("The bridge\u{1b}[2J\u{1b}]0;pwned\u{7} is \u{202e}safe"),
        "{piped}"
    );
}
