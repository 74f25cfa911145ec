//! The streamed `quotes` run: rows leave in input order whatever the number
//! of threads and the order in which workers finish, the reorder window
//! stays bounded, and the bytes equal those of the collected
//! (non-streamed) pipeline: analyse every document, link, build rows, write.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{root, run_in};
use proptest::prelude::*;
use quotecheck::output::{CsvOptions, Format};
use quotecheck::report::{quote_rows, write_quotes};
use quotecheck::run::{analyze_doc, run, stream, Analyzed, RunOptions, BATCH_DOCS};
use quotecheck::speakers::{self, aliases::Aliases, NamedRole};

/// A JSONL corpus of the fixture articles, `copies` times with distinct
/// ids (more documents than the reorder window when `copies` is large).
fn fixture_corpus(path: &Path, copies: usize) {
    let dir = root().join("fixtures/articles");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "fixture articles: {names:?}");
    let mut out = std::fs::File::create(path).expect("corpus file");
    for copy in 0..copies {
        for p in &names {
            let text = std::fs::read_to_string(p).expect("article");
            let stem = p.file_stem().unwrap_or_default().to_string_lossy();
            let line = serde_json::json!({ "id": format!("{stem}-{copy}"), "text": text });
            writeln!(out, "{line}").expect("write corpus");
        }
    }
}

/// The rows of `quotes` built the collected way: every document analysed
/// and held, then linked, then written.
fn collected(path: &Path, format: Format) -> Vec<u8> {
    let opts = RunOptions {
        threads: 1,
        quiet: true,
        ..RunOptions::default()
    };
    let input = path.to_string_lossy().into_owned();
    let run = run(&[input], &opts, |d| analyze_doc(d, |_, _| ()).0).expect("run");
    let docs: Vec<&Analyzed> = run.ok().collect();
    let records: Vec<_> = docs.iter().flat_map(|d| d.speakers.clone()).collect();
    let roles: Vec<(&str, &NamedRole)> = docs
        .iter()
        .flat_map(|d| d.named_roles.iter().map(|r| (d.doc_id.as_str(), r)))
        .collect();
    let index = speakers::link_corpus(&records, &roles, &Aliases::default());
    let rows = quote_rows(&docs, &index);
    let mut out = Vec::new();
    write_quotes(&mut out, &rows, format, CsvOptions::default()).expect("write");
    out
}

#[test]
fn streamed_quotes_equal_the_collected_rows_with_any_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus.jsonl");
    // 19 articles x 15 = 285 documents: more than the reorder window.
    fixture_corpus(&corpus, 15);
    let input = corpus.to_string_lossy().into_owned();
    for (format, name) in [
        (Format::Jsonl, "jsonl"),
        (Format::Csv, "csv"),
        (Format::Json, "json"),
    ] {
        let want = collected(&corpus, format);
        assert!(want.len() > 10_000, "{name}: {} bytes", want.len());
        for threads in ["1", "2", "4"] {
            let r = run_in(
                &root(),
                &[
                    "quotes",
                    &input,
                    "--format",
                    name,
                    "--threads",
                    threads,
                    "-q",
                ],
                None,
            );
            assert_eq!(r.code, 0, "{name}, {threads} threads: {}", r.stderr);
            assert!(
                r.stdout_bytes == want,
                "{name}, {threads} threads: streamed output differs from the collected rows"
            );
        }
    }
}

/// Run `stream` over a JSONL file; one entry per input line: the id of a
/// document, or `None` for a bad line.
fn streamed_ids(
    path: &Path,
    threads: usize,
    delay: impl Fn(&str) -> u64 + Sync,
) -> Vec<Option<String>> {
    let opts = RunOptions {
        threads,
        quiet: true,
        ..RunOptions::default()
    };
    let mut seen = Vec::new();
    stream(
        &[path.to_string_lossy().into_owned()],
        &opts,
        |d| {
            std::thread::sleep(Duration::from_micros(delay(&d.doc.text)));
            d.doc.id
        },
        |e| seen.push(e.ok()),
    )
    .expect("stream");
    seen
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Documents that take random times (and bad lines among them) come out
    /// in input order.
    #[test]
    fn stream_keeps_input_order(
        lines in prop::collection::vec((any::<bool>(), 0u64..400), 1..400),
        threads in 1usize..5,
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("in.jsonl");
        let mut file = std::fs::File::create(&path).expect("file");
        let mut want = Vec::new();
        for (i, (bad, micros)) in lines.iter().enumerate() {
            if *bad && i % 3 == 0 {
                writeln!(file, "{{\"id\": \"d{i}\", \"text\": ").expect("write");
                want.push(None);
            } else {
                let text = format!("{micros} The council said it would vote on Monday.");
                writeln!(file, "{}", serde_json::json!({"id": format!("d{i}"), "text": text}))
                    .expect("write");
                want.push(Some(format!("d{i}")));
            }
        }
        drop(file);
        if want.iter().all(Option::is_none) {
            return Ok(());
        }
        let got = streamed_ids(&path, threads, |t| {
            t.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0)
        });
        prop_assert_eq!(got, want);
    }
}

/// A slow first document does not let the reader run ahead: at most
/// [`BATCH_DOCS`] documents are started and not yet passed on.
#[test]
fn reader_waits_when_the_window_is_full() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.jsonl");
    let mut file = std::fs::File::create(&path).expect("file");
    let n = 4 * BATCH_DOCS;
    for i in 0..n {
        let line = serde_json::json!({"id": format!("d{i}"), "text": "The mayor said no."});
        writeln!(file, "{line}").expect("write");
    }
    drop(file);
    let started = AtomicUsize::new(0);
    let emitted = AtomicUsize::new(0);
    let widest = AtomicUsize::new(0);
    let opts = RunOptions {
        threads: 2,
        quiet: true,
        ..RunOptions::default()
    };
    stream(
        &[path.to_string_lossy().into_owned()],
        &opts,
        |d| {
            let now = started.fetch_add(1, Ordering::SeqCst) + 1;
            widest.fetch_max(now - emitted.load(Ordering::SeqCst), Ordering::SeqCst);
            if d.doc.id == "d0" {
                // Hold the first document until the window has (nearly)
                // filled behind it; the deadline only ends a broken run.
                let deadline = std::time::Instant::now() + Duration::from_secs(30);
                while started.load(Ordering::SeqCst) < BATCH_DOCS - 4
                    && std::time::Instant::now() < deadline
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                // Room for a reader that ignored the bound to run past it.
                std::thread::sleep(Duration::from_millis(50));
            }
        },
        |_| {
            emitted.fetch_add(1, Ordering::SeqCst);
        },
    )
    .expect("stream");
    let widest = widest.into_inner();
    assert_eq!(emitted.into_inner(), n);
    assert!(widest <= BATCH_DOCS, "{widest} documents in flight");
    // The slow first document held the window open: it filled (nearly)
    // up, so the bound above was tested, not merely unreached.
    assert!(widest >= BATCH_DOCS - 4, "window reached only {widest}");
}

/// A panic in a worker reaches the caller instead of leaving the reader
/// waiting for that result forever.
#[test]
fn a_worker_panic_is_passed_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.jsonl");
    let mut file = std::fs::File::create(&path).expect("file");
    for i in 0..20 {
        let line = serde_json::json!({"id": format!("d{i}"), "text": "The mayor said no."});
        writeln!(file, "{line}").expect("write");
    }
    drop(file);
    let opts = RunOptions {
        threads: 2,
        quiet: true,
        ..RunOptions::default()
    };
    let input = [path.to_string_lossy().into_owned()];
    let r = std::panic::catch_unwind(|| {
        stream(
            &input,
            &opts,
            |d| assert_ne!(d.doc.id, "d3", "planted panic"),
            |_| (),
        )
    });
    assert!(r.is_err(), "the planted panic was lost");
}
