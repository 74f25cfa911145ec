//! Nothing lost, nothing injected: the `quotecheck` binary killed part-way,
//! an output directory that disappears mid-run, pathological inputs through
//! the whole CLI, CSV formula injection and HTML/JS in inputs.
//!
//! Runs use standard input (`report -`) where timing matters: the binary
//! cannot write a report before standard input is closed, so the tests
//! decide exactly when the write phase starts.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{files_in, read, run_in};

/// The files of a complete report, in the order `report` writes them.
use quotecheck::commands::REPORT_FILES;

/// A JSONL corpus of `n` short articles (with a variant tag, so that two
/// corpora give different reports).
fn corpus(n: usize, tag: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let text = format!(
            "Mayor Ana Ruiz{i} said the bridge {tag} would reopen. “It is safe for {tag}, and the repairs cost {i} dollars,” Ruiz{i} told reporters. The council said that the work had taken {i} weeks. “We are glad,” said resident Tom Berg{i}."
        );
        let line = serde_json::json!({"id": format!("{tag}{i}"), "text": text});
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

fn spawn_report(cwd: &Path, out_dir: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args([
            "report",
            "-",
            "--stdin-format",
            "jsonl",
            "--out",
            out_dir,
            "--quiet",
        ])
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn quotecheck")
}

/// A complete `report` run of `input` into `out_dir`; panics unless it succeeds.
fn run_report(cwd: &Path, out_dir: &str, input: &[u8]) {
    let mut child = spawn_report(cwd, out_dir);
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn report_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_in(dir)
        .into_iter()
        .filter(|f| !f.starts_with('.'))
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).expect("read report file");
            (f, bytes)
        })
        .collect()
}

/// Every file in `dir` is a report file that parses completely, or a hidden
/// temporary file not named like a report.
fn assert_complete_files(dir: &Path) {
    for f in files_in(dir) {
        let path = dir.join(&f);
        if f.starts_with('.') {
            assert!(f.starts_with(".quotecheck-"), "unexpected hidden file {f}");
            assert!(
                !f.ends_with(".csv") && !f.ends_with(".json"),
                "temporary file named like a report: {f}"
            );
            continue;
        }
        assert!(REPORT_FILES.contains(&f.as_str()), "unexpected file {f}");
        if f.ends_with(".xlsx") {
            // A zip file is read from its central directory, at its end.
            let bytes = std::fs::read(&path).expect("read xlsx");
            zip::ZipArchive::new(std::io::Cursor::new(bytes))
                .unwrap_or_else(|e| panic!("{f} is not a complete xlsx file: {e}"));
            continue;
        }
        let text = read(&path);
        if f.ends_with(".html") {
            assert!(text.ends_with("</html>\n"), "{f} is not complete");
            continue;
        }
        if f.ends_with(".jsonl") {
            for line in text.lines() {
                serde_json::from_str::<serde_json::Value>(line)
                    .unwrap_or_else(|e| panic!("{f} is not complete JSON Lines: {e}"));
            }
        } else if f.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|e| panic!("{f} is not complete JSON: {e}"));
        } else {
            let mut r = csv::Reader::from_reader(text.as_bytes());
            let width = r.headers().expect("CSV header").len();
            assert!(width > 3, "{f}: header {width} columns");
            for row in r.records() {
                let row = row.unwrap_or_else(|e| panic!("{f} is truncated: {e}"));
                assert_eq!(row.len(), width, "{f}: short row");
            }
            assert!(text.ends_with('\n'), "{f} does not end with a newline");
        }
    }
}

#[test]
fn killed_report_leaves_previous_or_complete_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cwd = tmp.path();
    let old_input = corpus(300, "old");
    let new_input = corpus(300, "new");

    // The previous complete report set, and what a complete new run writes.
    for (dir, input) in [("out", &old_input), ("reference", &new_input)] {
        run_report(cwd, dir, input);
    }
    let old = report_bytes(&cwd.join("out"));
    let new = report_bytes(&cwd.join("reference"));
    assert_eq!(old.len(), REPORT_FILES.len());
    assert_ne!(old, new);

    // Killed while reading its input (the output directory exists): the
    // previous report set is untouched.
    let mut child = spawn_report(cwd, "out");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(&new_input[..new_input.len() / 2])
        .expect("write stdin");
    std::thread::sleep(Duration::from_millis(100));
    child.kill().expect("kill");
    child.wait().expect("wait");
    drop(stdin);
    assert_eq!(report_bytes(&cwd.join("out")), old);
    assert_complete_files(&cwd.join("out"));

    // Killed while writing, never by chance: `summary.json`, staged last,
    // is a FIFO, so the run writes it in place and blocks opening it with
    // every other file of the new set staged in a temporary file. SIGKILL
    // then: every report file is the previous one (into a fresh directory:
    // no report file, only hidden temporary files). The next run without
    // the FIFO removes the leftovers and writes the complete new set.
    let staged = REPORT_FILES.len() - 1;
    let mut killed_mid_write = 0;
    for dir in ["out", "fresh"] {
        let out_dir = cwd.join(dir);
        let fifo = out_dir.join("summary.json");
        if dir == "fresh" {
            std::fs::create_dir(&out_dir).expect("create fresh");
        } else {
            std::fs::remove_file(&fifo).expect("rm summary.json");
        }
        let mkfifo = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(mkfifo.success());
        let tmp_files = || {
            files_in(&out_dir)
                .into_iter()
                .filter(|f| f.starts_with(".quotecheck-"))
                .count()
        };
        let mut child = spawn_report(cwd, dir);
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(&new_input).expect("write stdin");
        drop(stdin);
        let deadline = Instant::now() + Duration::from_secs(120);
        while tmp_files() < staged {
            assert!(
                child.try_wait().expect("try_wait").is_none(),
                "{dir}: the run ended before blocking on the FIFO"
            );
            assert!(Instant::now() < deadline, "{dir}: files never staged");
            std::thread::sleep(Duration::from_millis(10));
        }
        // Blocked on the FIFO: nothing can be renamed into place any more.
        if child.try_wait().expect("try_wait").is_none() {
            killed_mid_write += 1;
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
        std::fs::remove_file(&fifo).expect("rm FIFO");
        assert_eq!(
            tmp_files(),
            staged,
            "{dir}: SIGKILL leaves its temporary files"
        );
        assert_complete_files(&out_dir);
        let kept: Vec<_> = match dir {
            "out" => old
                .iter()
                .filter(|(n, _)| n != "summary.json")
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        assert_eq!(report_bytes(&out_dir), kept, "{dir}: the previous files");

        // The next run, without the FIFO: the complete new set, no leftovers.
        run_report(cwd, dir, &new_input);
        assert_eq!(tmp_files(), 0, "{dir}: leftover temporary files removed");
        assert_complete_files(&out_dir);
        assert!(report_bytes(&out_dir) == new, "{dir}: not the new report");
    }
    assert_eq!(killed_mid_write, 2, "a run was not killed while writing");
}

#[test]
fn output_directory_that_disappears_midway_is_reported() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cwd = tmp.path();
    // An existing output directory becomes unwritable while `report` reads:
    // replaced by a regular file.
    std::fs::create_dir(cwd.join("out")).expect("create out");
    let mut child = spawn_report(cwd, "out");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(&corpus(20, "x")).expect("write stdin");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !cwd.join("out").is_dir() {
        assert!(Instant::now() < deadline, "output directory never created");
        std::thread::sleep(Duration::from_millis(5));
    }
    // Let `report` finish its writability probe (a temporary file it
    // creates and removes) before the directory goes away.
    std::thread::sleep(Duration::from_millis(200));
    while !files_in(&cwd.join("out")).is_empty() {
        assert!(Instant::now() < deadline, "probe file never removed");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::remove_dir_all(cwd.join("out")).expect("remove out");
    std::fs::write(cwd.join("out"), "not a directory").expect("write file");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr, "error: cannot write out: File exists\n");
    assert_eq!(read(&cwd.join("out")), "not a directory");
    assert_eq!(files_in(cwd), vec!["out"]);
}

#[test]
fn many_tiny_documents() {
    // 100,000 in the bench; 20,000 here.
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut input = String::new();
    for i in 0..20_000 {
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"“Yes,” Ana said.\"}}\n"
        ));
    }
    std::fs::write(tmp.path().join("tiny.jsonl"), input).expect("write");
    let r = run_in(
        tmp.path(),
        &["report", "tiny.jsonl", "--out", "r", "--quiet"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary: serde_json::Value =
        serde_json::from_str(&read(&tmp.path().join("r/summary.json"))).expect("JSON");
    assert_eq!(summary["counts"]["documents"], 20_000, "{summary}");
    let quotes = read(&tmp.path().join("r/quotes.csv"));
    assert_eq!(quotes.lines().count(), 20_001);
    assert_complete_files(&tmp.path().join("r"));
}

#[test]
fn whitespace_nul_and_line_endings_through_the_cli() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    std::fs::write(dir.join("blank.txt"), " \t\r\n\u{a0}\n  ").expect("write");
    std::fs::write(dir.join("nul.txt"), "“It is safe,” she said.\0").expect("write");
    let article =
        "Ana Ruiz spoke.\n\n“The bridge is safe,” Ruiz said.\n\n“We will reopen it,” she added.";
    std::fs::write(dir.join("lf.txt"), article).expect("write");
    std::fs::write(dir.join("crlf.txt"), article.replace('\n', "\r\n")).expect("write");
    std::fs::write(dir.join("cr.txt"), article.replace('\n', "\r")).expect("write");
    std::fs::write(
        dir.join("rows.jsonl"),
        "{\"id\":\"ws\",\"text\":\" \\n\\t \"}\n{\"id\":\"nul\",\"text\":\"“It is\\u0000 safe,” Ruiz said.\"}\n",
    )
    .expect("write");
    let r = run_in(
        dir,
        &[
            "quotes",
            "blank.txt",
            "nul.txt",
            "lf.txt",
            "crlf.txt",
            "cr.txt",
            "rows.jsonl",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("blank.txt: empty document"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nul.txt: binary file"), "{}", r.stderr);
    assert!(
        r.stderr.contains("rows.jsonl:1: empty document"),
        "{}",
        r.stderr
    );
    let rows: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let quotes_of = |id: &str| -> Vec<String> {
        rows.iter()
            .filter(|v| v["doc_id"] == id)
            .map(|v| format!("{} {}", v["quote"], v["speaker"]))
            .collect()
    };
    assert_eq!(quotes_of("lf").len(), 2, "{rows:?}");
    assert_eq!(quotes_of("crlf"), quotes_of("lf"));
    assert_eq!(quotes_of("cr"), quotes_of("lf"));
    assert_eq!(
        quotes_of("nul"),
        vec!["\"It is\\u0000 safe,\" \"Ruiz\"".to_string()]
    );
}

/// Every character a spreadsheet may read as a formula sign, at the start of
/// a document id, a quote, a speaker's mention and an extracted text: no CSV
/// cell written by any command starts with one.
#[test]
fn csv_formula_injection_is_neutralised_everywhere() {
    let dangerous = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"];
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let mut input = String::new();
    for (i, d) in dangerous.iter().enumerate() {
        let payload = format!("{d}HYPERLINK(\"http://x\",\"y\")");
        let text = format!(
            "“{payload} is safe,” said {d}Ana Ruiz.\n\n{payload}, Ruiz said that {payload} would win.\n\n“{d}cmd|' /C calc'!A0,” she added."
        );
        let line = serde_json::json!({"id": format!("{d}id{i}"), "text": text});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    std::fs::write(dir.join("evil.jsonl"), input).expect("write");
    let r = run_in(
        dir,
        &["report", "evil.jsonl", "--out", "r", "--quiet"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (args, file) in [
        (vec!["quotes", "evil.jsonl", "-o", "q.csv"], "q.csv"),
        (
            vec!["extract", "evil.jsonl", "--format", "csv", "-o", "e.csv"],
            "e.csv",
        ),
    ] {
        let r = run_in(dir, &args, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(dir.join(file).is_file());
    }
    let mut cells = 0;
    for path in [
        "r/quotes.csv",
        "r/speakers.csv",
        "r/claims.csv",
        "r/duplicates.csv",
        "r/misquotes.csv",
        "q.csv",
        "e.csv",
    ] {
        let text = read(&dir.join(path));
        let mut rd = csv::Reader::from_reader(text.as_bytes());
        for row in rd.records() {
            for cell in row.expect("CSV row").iter() {
                cells += 1;
                let first = cell.chars().next();
                assert!(
                    !first.is_some_and(|c| dangerous.iter().any(|d| d.starts_with(c))),
                    "{path}: cell {cell:?} starts with a formula sign"
                );
            }
        }
    }
    // The payloads really reached the outputs (as neutralised cells): every
    // document has claims, so every id is in claims.csv.
    let quotes = read(&dir.join("r/quotes.csv"));
    let claims = read(&dir.join("r/claims.csv"));
    for d in dangerous {
        assert!(
            claims.contains(&format!("'{d}id")),
            "{d:?} id not in claims.csv"
        );
    }
    assert!(quotes.contains("'=HYPERLINK"), "{quotes}");
    assert!(cells > 100);
}

/// HTML and JavaScript in input text reach no output unescaped: JSON outputs
/// escape `<`, `>` and `&`; CSV cells are quoted and round-trip exactly; the
/// HTML reader drops scripts and decodes entities into text.
#[test]
fn html_and_js_in_inputs_never_reach_outputs_unescaped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)>&amp;";
    let text = format!(
        "“{payload} is safe,” Ana Ruiz said.\n\nRuiz said that {payload} would be fixed.\n\n“Really {payload},” said <b>Tom</b> Berg."
    );
    let line = serde_json::json!({"id": "<script>alert(3)</script>", "text": text});
    std::fs::write(dir.join("xss.jsonl"), format!("{line}\n")).expect("write");
    std::fs::write(
        dir.join("page.html"),
        "<html><body><p>“It is safe,” said Ana Ruiz.</p><script>alert('page')</script>\
         <p onclick=\"alert('attr')\">Text &lt;script&gt;alert('entity')&lt;/script&gt; here, Ruiz said.</p></body></html>",
    )
    .expect("write");
    let r = run_in(
        dir,
        &["report", "xss.jsonl", "page.html", "--out", "r", "--quiet"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut json_outputs = vec![read(&dir.join("r/summary.json"))];
    for format in ["json", "jsonl"] {
        for cmd in ["quotes", "extract"] {
            let r = run_in(
                dir,
                &[cmd, "xss.jsonl", "page.html", "--format", format],
                None,
            );
            assert_eq!(r.code, 0, "{}", r.stderr);
            json_outputs.push(r.stdout.clone());
            let file = format!("{cmd}.{format}");
            let r = run_in(
                dir,
                &[
                    cmd,
                    "xss.jsonl",
                    "page.html",
                    "--format",
                    format,
                    "-o",
                    &file,
                ],
                None,
            );
            assert_eq!(r.code, 0, "{}", r.stderr);
            json_outputs.push(read(&dir.join(file)));
        }
    }
    for out in &json_outputs {
        assert!(
            !out.contains('<') && !out.contains('>'),
            "unescaped markup in {out}"
        );
        assert!(!out.contains('&'), "unescaped & in {out}");
    }
    // The payload is still there, escaped, and decodes back exactly.
    let quotes: Vec<serde_json::Value> =
        serde_json::from_str(&json_outputs[1]).expect("quotes JSON");
    assert!(
        quotes
            .iter()
            .any(|q| q["quote"].as_str().is_some_and(|s| s.contains(payload))),
        "{quotes:?}"
    );
    assert!(quotes
        .iter()
        .any(|q| q["doc_id"] == "<script>alert(3)</script>"));
    // CSV: quoted so that it reads back exactly.
    let csv_text = read(&dir.join("r/quotes.csv"));
    let mut rd = csv::Reader::from_reader(csv_text.as_bytes());
    let found = rd
        .records()
        .map(|r| r.expect("row"))
        .any(|row| row.iter().any(|c| c.contains(payload)));
    assert!(found, "{csv_text}");
    // HTML input: scripts and attributes never become text.
    let r = run_in(dir, &["extract", "page.html", "--format", "jsonl"], None);
    let page: serde_json::Value = serde_json::from_str(r.stdout.trim()).expect("JSON");
    let page_text = page["text"].as_str().expect("text");
    assert!(
        !page_text.contains("alert('page')") && !page_text.contains("attr"),
        "{page_text}"
    );
    assert!(
        page_text.contains("<script>alert('entity')</script>"),
        "{page_text}"
    );
}
