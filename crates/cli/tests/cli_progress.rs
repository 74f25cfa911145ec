//! Progress stages on stderr (`--progress`, a terminal, `--quiet`): the
//! stage lines appear where they should and never change what is written.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{root, run_in};

/// The small corpus: the fixture articles.
fn corpus() -> String {
    root()
        .join("fixtures/articles")
        .to_string_lossy()
        .into_owned()
}

/// Every file of `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("read report dir")
        .map(|e| {
            let e = e.expect("entry");
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("read report file"))
        })
        .collect()
}

const REPORT_STAGES: &[&str] = &[
    "progress: reading inputs: ",
    "progress: attributing ",
    "progress: finding repeated and altered claims",
    "progress: linking speakers",
    "progress: ranking findings",
    "progress: writing reports",
];

#[test]
fn report_progress_shows_stages_and_writes_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = corpus();
    let plain = run_in(dir.path(), &["report", &corpus, "--out", "plain"], None);
    let shown = run_in(
        dir.path(),
        &[
            "report",
            &corpus,
            "--out",
            "shown",
            "--progress",
            "--threads",
            "2",
        ],
        None,
    );
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    let stages: Vec<usize> = REPORT_STAGES
        .iter()
        .map(|s| {
            shown
                .stderr
                .find(s)
                .unwrap_or_else(|| panic!("no `{s}` in {}", shown.stderr))
        })
        .collect();
    assert!(stages.is_sorted(), "stages out of order: {}", shown.stderr);
    // Every document is counted, and every stage ends with its time.
    assert!(
        shown
            .stderr
            .contains("progress: attributing 19/19 documents"),
        "{}",
        shown.stderr
    );
    for s in REPORT_STAGES {
        let ends = shown
            .stderr
            .lines()
            .filter(|l| l.starts_with(s) && l.ends_with(" s") && l.contains(" — "))
            .count();
        assert_eq!(ends, 1, "`{s}` should end once: {}", shown.stderr);
    }
    // Not a terminal: plain lines, no carriage return or escape sequence.
    assert!(!shown.stderr.contains(['\r', '\u{1b}']), "{}", shown.stderr);
    // Without the flag stderr has no progress, and the rest of stderr is
    // the same (the summary names the directory).
    assert!(!plain.stderr.contains("progress:"), "{}", plain.stderr);
    let rest: String = shown
        .stderr
        .lines()
        .filter(|l| !l.starts_with("progress: "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(rest.replace("shown", "plain"), plain.stderr);
    let (a, b) = (
        contents(&dir.path().join("plain")),
        contents(&dir.path().join("shown")),
    );
    assert_eq!(a.len(), 10, "{:?}", a.keys());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs with --progress");
    }
}

#[test]
fn quiet_wins_over_progress_and_stdout_is_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = corpus();
    let plain = run_in(dir.path(), &["quotes", &corpus, "--format", "jsonl"], None);
    let shown = run_in(
        dir.path(),
        &["quotes", &corpus, "--format", "jsonl", "--progress"],
        None,
    );
    let quiet = run_in(
        dir.path(),
        &["dedup", &corpus, "--progress", "-q", "--out", "d"],
        None,
    );
    assert_eq!((plain.code, shown.code, quiet.code), (0, 0, 0));
    assert!(!plain.stdout_bytes.is_empty());
    assert!(plain.stdout_bytes == shown.stdout_bytes, "stdout differs");
    for s in ["linking speakers", "writing quotes"] {
        assert!(
            shown.stderr.contains(&format!("progress: {s}")),
            "{}",
            shown.stderr
        );
    }
    assert_eq!(plain.stderr, "");
    assert_eq!(quiet.stderr, "");
}

#[test]
#[cfg(unix)]
fn a_terminal_redraws_stage_lines_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, screen) = crate::common::on_pty(|stderr| {
        Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(["dedup", &corpus(), "--out", "d"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .expect("spawn")
    });
    assert!(status.success(), "{screen:?}");
    for s in [
        "\r\u{1b}[Kprogress: attributing 19/19 documents",
        "\r\u{1b}[Kprogress: finding repeated and altered claims — ",
        "\r\u{1b}[Kprogress: writing reports — ",
    ] {
        assert!(screen.contains(s), "no {s:?} in {screen:?}");
    }
    // One line per stage: a line ends only when its stage does.
    let lines = screen.matches('\n').count();
    assert_eq!(lines, 4, "{screen:?}");
}

/// The fixture articles as one JSONL file in `dir`.
fn jsonl_corpus(dir: &Path) -> String {
    let mut names: Vec<_> = std::fs::read_dir(corpus())
        .expect("read fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = String::new();
    for p in &names {
        let text = std::fs::read_to_string(p).expect("read article");
        let id = p.file_stem().expect("stem").to_string_lossy();
        out.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        out.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).expect("write corpus");
    path.to_string_lossy().into_owned()
}

#[test]
fn jsonl_progress_counts_bytes_of_the_file_size_then_links_and_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = jsonl_corpus(dir.path());
    let size = std::fs::metadata(&input).expect("size").len() as f64 / 1e6;
    let args = ["quotes", input.as_str(), "--format", "jsonl"];
    let plain = run_in(dir.path(), &args, None);
    let shown = run_in(dir.path(), &[&args[..], &["--progress"]].concat(), None);
    assert_eq!((plain.code, shown.code), (0, 0), "{}", shown.stderr);
    // Not a terminal and no flag: nothing on stderr.
    assert_eq!(plain.stderr, "");
    assert!(plain.stdout_bytes == shown.stdout_bytes, "stdout differs");
    let err = &shown.stderr;
    // The read+analyse stage ends at the whole file, then linking, then
    // writing every document.
    let read = format!("{size:.1}/{size:.1} MB (100%), 19 documents");
    let stages = [
        read.as_str(),
        "progress: linking speakers — ",
        "/19 documents (100%)",
    ];
    let at: Vec<usize> = stages
        .iter()
        .map(|s| err.find(s).unwrap_or_else(|| panic!("no `{s}` in {err}")))
        .collect();
    assert!(at.is_sorted(), "stages out of order: {err}");
    assert!(
        err.contains("progress: writing quotes [####################] 19/19 documents (100%)"),
        "{err}"
    );
}
