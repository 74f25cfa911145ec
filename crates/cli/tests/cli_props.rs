//! Property tests of the CLI library: the JSONL and CSV readers give back
//! exactly the documents that were written (any Unicode, blank lines, CRLF,
//! byte-order marks), the HTML extractor never panics and keeps plain text,
//! and the batch runner's per-document output does not depend on the
//! number of threads or on the order of the input.

use std::collections::BTreeMap;

use proptest::prelude::*;
use quotecheck::input::{read_source, InputKind, InputOptions, Source};
use quotecheck::run::{analyze_doc, run, RunOptions};
use quotecheck_core::QuoteRecord;

fn source(path: &std::path::Path, kind: InputKind) -> Source {
    Source {
        path: Some(path.to_path_buf()),
        display: "input".into(),
        id_base: "input".into(),
        kind,
    }
}

/// Read every document of a file: `(id, text)` pairs, then error messages.
fn read_all(path: &std::path::Path, kind: InputKind) -> (Vec<(String, String)>, Vec<String>) {
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    read_source(&source(path, kind), &InputOptions::default(), &mut |r| {
        match r {
            Ok(d) => docs.push((d.doc.id, d.doc.text)),
            Err(e) => errors.push(e.to_string()),
        }
        true
    });
    (docs, errors)
}

/// Documents with unique ids and texts that are not blank.
fn docs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            "[a-zA-Z0-9_/:.-]{1,12}",
            prop_oneof![
                any::<String>(),
                "(?s)[“”\"'‘’«» a-zA-Z,.:;\n\r\t\0é\u{301}שא😀]{1,200}",
            ],
        ),
        1..12,
    )
    .prop_map(|v| {
        let mut seen = std::collections::HashSet::new();
        v.into_iter()
            .filter(|(id, t)| !t.trim().is_empty() && seen.insert(id.clone()))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn jsonl_round_trips(docs in docs(), crlf in any::<bool>(), blank in any::<bool>(), bom in any::<bool>()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("in.jsonl");
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        for (id, text) in &docs {
            out.extend_from_slice(serde_json::json!({"id": id, "text": text}).to_string().as_bytes());
            out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            if blank {
                out.extend_from_slice(b"  \n");
            }
        }
        std::fs::write(&path, out).expect("write");
        let (got, errors) = read_all(&path, InputKind::Jsonl);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        prop_assert_eq!(got, docs);
    }

    #[test]
    fn csv_round_trips(docs in docs(), bom in any::<bool>()) {
        // The CSV reader rejects NUL bytes as binary input.
        let docs: Vec<(String, String)> = docs.into_iter().filter(|(_, t)| !t.contains('\0')).collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("in.csv");
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["id", "text"]).expect("header");
            for (id, text) in &docs {
                w.write_record([id, text]).expect("row");
            }
            w.flush().expect("flush");
        }
        std::fs::write(&path, out).expect("write");
        let (got, errors) = read_all(&path, InputKind::Csv);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        prop_assert_eq!(got, docs);
    }

    #[test]
    fn html_extraction_is_total(html in "(?s)(<[a-zA-Z/!?][a-z ='\"]{0,8}>?|&[#a-z0-9]{0,6};?|[ a-z“”\n<>&])*") {
        let text = quotecheck::html::extract(&html);
        prop_assert_eq!(text.trim(), text.as_str());
    }

    #[test]
    fn plain_text_survives_html_extraction(words in prop::collection::vec("[a-zA-Z“”,.]{1,10}", 1..30)) {
        let text = words.join(" ");
        prop_assert_eq!(quotecheck::html::extract(&format!("<p>{text}</p>")), text);
    }
}

const SENTENCES: &[&str] = &[
    "“The bridge is safe,” Mayor Ana Ruiz said.",
    "Ruiz told reporters that the repairs would cost $2 million.",
    "“We will reopen it in May,” she added.",
    "The ministry described the plan as “reckless”.",
    "According to officials, the work will take a year.",
    "Traffic resumed on Monday.",
    "He said: “No comment.”",
];

/// Per-document quote records of a run over `lines` (JSONL) with `threads`.
fn records(lines: &[String], threads: usize) -> BTreeMap<String, Vec<QuoteRecord>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, lines.join("\n")).expect("write");
    let opts = RunOptions {
        threads,
        quiet: true,
        ..RunOptions::default()
    };
    let run = run(&[path.to_string_lossy().into_owned()], &opts, |d| {
        analyze_doc(d, |_, _| ()).0
    })
    .expect("run");
    run.ok()
        .map(|a| (a.doc_id.clone(), a.quotes.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn run_output_does_not_depend_on_threads_or_order(
        picks in prop::collection::vec(prop::collection::vec(0..SENTENCES.len(), 1..6), 2..10),
        seed in any::<u64>(),
        threads in 2usize..5,
    ) {
        let lines: Vec<String> = picks
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text: Vec<&str> = p.iter().map(|&k| SENTENCES[k]).collect();
                serde_json::json!({"id": format!("d{i}"), "text": text.join(" ")}).to_string()
            })
            .collect();
        let baseline = records(&lines, 1);
        prop_assert!(baseline.values().any(|q| !q.is_empty()));
        let mut shuffled = lines.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(records(&shuffled, threads), baseline);
    }
}
