//! Every quote row's offsets slice back to its text in the source document.
//!
//! The documents' texts come from `quotecheck extract` (for HTML: the
//! extracted text the offsets refer to); the rows from `quotecheck quotes`
//! as CSV, read with the `csv` crate. Cells may carry the formula-injection
//! apostrophe; offsets always refer to the document, never to the cell.

use crate::common;

use std::collections::HashMap;

use common::{column, root, run, skip_missing};
use quotecheck::output::unneutralise;

fn slice(text: &str, start: &str, end: &str) -> Option<String> {
    let s: usize = start.parse().ok()?;
    let e: usize = end.parse().ok()?;
    (s <= e).then(|| text.chars().skip(s).take(e - s).collect())
}

fn byte_slice<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    text.get(start.parse::<usize>().ok()?..end.parse::<usize>().ok()?)
}

/// Check all rows of `quotes` on `inputs`; returns the number of quotes.
fn check(inputs: &[&str]) -> usize {
    let mut extract_args = vec!["extract"];
    extract_args.extend_from_slice(inputs);
    let docs = run(&extract_args);
    assert!(docs.code == 0 || docs.code == 1, "{}", docs.stderr);
    let texts: HashMap<String, String> = docs
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (
                v["id"].as_str().unwrap_or_default().to_string(),
                v["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();

    let mut quote_args = vec!["quotes"];
    quote_args.extend_from_slice(inputs);
    let out = run(&quote_args);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let col = |name: &str| column(&headers, name);
    let (doc_id, quote, start, end) = (
        col("doc_id"),
        col("quote"),
        col("char_start"),
        col("char_end"),
    );
    let (mention, m_start, m_end) = (col("mention"), col("mention_start"), col("mention_end"));
    let (cue, c_start, c_end) = (col("cue"), col("cue_start"), col("cue_end"));
    let (b_start, b_end) = (col("byte_start"), col("byte_end"));
    let parts = col("parts");
    let mut n = 0;
    for row in reader.records() {
        let row = row.expect("valid CSV row");
        let get = |i: usize| row.get(i).unwrap_or_default();
        let text = texts
            .get(unneutralise(get(doc_id)))
            .unwrap_or_else(|| panic!("unknown doc {}", get(doc_id)));
        let q = unneutralise(get(quote));
        if get(parts).is_empty() {
            assert_eq!(
                slice(text, get(start), get(end)).as_deref(),
                Some(q),
                "row {row:?}"
            );
            assert_eq!(
                byte_slice(text, get(b_start), get(b_end)),
                Some(q),
                "row {row:?}"
            );
        } else {
            // An interrupted quotation: each piece slices back, the quote is
            // the pieces joined, and the span covers them all.
            let pieces: Vec<String> = get(parts)
                .split("; ")
                .map(|p| {
                    let (s, e) = p.split_once('-').expect("start-end");
                    slice(text, s, e).unwrap_or_else(|| panic!("part {p} of {row:?}"))
                })
                .collect();
            assert_eq!(pieces.join(quotecheck_core::PART_JOINER), q, "row {row:?}");
            let hull = slice(text, get(start), get(end)).expect("quote span");
            assert!(
                pieces.iter().all(|p| hull.contains(p.as_str())),
                "row {row:?}"
            );
        }
        if !get(m_start).is_empty() {
            assert_eq!(
                slice(text, get(m_start), get(m_end)).as_deref(),
                Some(unneutralise(get(mention))),
                "mention of {row:?}"
            );
        }
        if !get(c_start).is_empty() {
            assert_eq!(
                slice(text, get(c_start), get(c_end)).as_deref(),
                Some(unneutralise(get(cue))),
                "cue of {row:?}"
            );
        }
        n += 1;
    }
    n
}

/// Whether the engine finds quotes at all (it is developed in parallel).
fn engine_finds_quotes() -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("t.txt"), "“We will win,” she said.").expect("write");
    let r = common::run_in(dir.path(), &["quotes", "t.txt", "--format", "jsonl"], None);
    !r.stdout.trim().is_empty()
}

#[test]
fn offsets_slice_back_on_cli_test_inputs() {
    let n = check(&["tests/data/mixed"]);
    if engine_finds_quotes() {
        assert!(n > 0, "no quotes found in tests/data");
    }
}

#[test]
fn offsets_slice_back_on_fixtures() {
    if !root().join("fixtures/articles").is_dir() && skip_missing("fixtures/articles") {
        return;
    }
    let n = check(&["fixtures"]);
    if engine_finds_quotes() {
        assert!(n > 0, "no quotes found in fixtures/");
    }
}

#[test]
fn neutralised_quote_cells_still_match_their_offsets() {
    // A quote starting with '-' or '=' is shown with a leading apostrophe in
    // CSV; the offsets still point at the document's own text.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("n.txt"),
        "“-5% is not a cut,” Sen. Lopez said. “=SUM(A1:A9) is our budget,” she added.",
    )
    .expect("write");
    let r = common::run_in(dir.path(), &["quotes", "n.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let text = "“-5% is not a cut,” Sen. Lopez said. “=SUM(A1:A9) is our budget,” she added.";
    for row in reader.records() {
        let row = row.expect("row");
        let quote = row.get(7).unwrap_or_default();
        assert!(!quote.starts_with(['-', '=']), "{quote}");
        assert_eq!(
            slice(
                text,
                row.get(9).unwrap_or_default(),
                row.get(10).unwrap_or_default()
            )
            .as_deref(),
            Some(unneutralise(quote))
        );
    }
}

/// The texts of the documents of `inputs` (run in `dir`), by id.
fn texts_in(dir: &std::path::Path, inputs: &[&str]) -> HashMap<String, String> {
    let mut args = vec!["extract"];
    args.extend_from_slice(inputs);
    let docs = common::run_in(dir, &args, None);
    assert!(docs.code == 0 || docs.code == 1, "{}", docs.stderr);
    docs.stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (
                v["id"].as_str().unwrap_or_default().to_string(),
                v["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Check that every row of `claims.csv`, `duplicates.csv` and
/// `misquotes.csv` written by `quotecheck dedup inputs… --out` (run in
/// `dir`) slices back to its text, by code points and by bytes. Returns the
/// numbers of rows checked.
fn check_dedup(dir: &std::path::Path, inputs: &[&str]) -> [usize; 3] {
    let texts = texts_in(dir, inputs);
    let out = tempfile::tempdir().expect("temp dir");
    let out_arg = out.path().to_string_lossy().into_owned();
    let mut args = vec!["dedup", "--out", &out_arg, "--quiet"];
    args.extend_from_slice(inputs);
    let r = common::run_in(dir, &args, None);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    // (file, [(doc column, text column, char start, char end, byte start, byte end)])
    let files: [(&str, &[[&str; 6]]); 3] = [
        (
            "claims.csv",
            &[[
                "doc_id",
                "claim",
                "char_start",
                "char_end",
                "byte_start",
                "byte_end",
            ]],
        ),
        (
            "duplicates.csv",
            &[[
                "doc_id",
                "claim",
                "char_start",
                "char_end",
                "byte_start",
                "byte_end",
            ]],
        ),
        (
            "misquotes.csv",
            &[
                [
                    "doc_a",
                    "quote_a",
                    "char_start_a",
                    "char_end_a",
                    "byte_start_a",
                    "byte_end_a",
                ],
                [
                    "doc_b",
                    "quote_b",
                    "char_start_b",
                    "char_end_b",
                    "byte_start_b",
                    "byte_end_b",
                ],
            ],
        ),
    ];
    let mut counts = [0; 3];
    for (i, (file, spans)) in files.iter().enumerate() {
        let csv_text = std::fs::read_to_string(out.path().join(file)).expect("dedup file");
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let headers = reader.headers().expect("header").clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name} in {file}"))
        };
        for row in reader.records() {
            let row = row.expect("valid CSV row");
            for span in spans.iter() {
                let get = |name: &str| row.get(col(name)).unwrap_or_default();
                let doc = unneutralise(get(span[0]));
                let text = texts
                    .get(doc)
                    .unwrap_or_else(|| panic!("unknown doc {doc} in {file}"));
                let claim = unneutralise(get(span[1]));
                assert!(!claim.is_empty(), "{file}: empty claim in {row:?}");
                assert_eq!(
                    slice(text, get(span[2]), get(span[3])).as_deref(),
                    Some(claim),
                    "{file}: {row:?}"
                );
                assert_eq!(
                    byte_slice(text, get(span[4]), get(span[5])),
                    Some(claim),
                    "{file}: {row:?}"
                );
            }
            counts[i] += 1;
        }
    }
    counts
}

#[test]
fn dedup_offsets_slice_back_on_fixtures_and_cli_test_inputs() {
    let [claims, duplicates, _] = check_dedup(&root(), &["fixtures", "tests/data/mixed"]);
    assert!(claims > 0, "no claims in fixtures/ and tests/data");
    if root().join("fixtures/articles").is_dir() {
        assert!(duplicates > 0, "no duplicates in fixtures/");
    }
}

#[test]
fn dedup_offsets_slice_back_with_multibyte_text_and_misquotes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).expect("write");
    };
    // Curly quotes, accents and an emoji before the claims: code points and
    // bytes differ. A neutralised cell (`-5%`) still matches its offsets.
    write(
        "z1.txt",
        "Žilina — 🌉 update. “We will not close the Žilina bridge before the winter,” Mayor Ana Ruiz said. -5% is what the council will cut from the repair budget.",
    );
    write(
        "z2.txt",
        "Résumé of the day. “We will now close the Žilina bridge before the winter,” Mayor Ana Ruiz said. -5% is what the council will cut from the repair budget!",
    );
    write(
        "z3.txt",
        "“We will not close the Žilina bridge before the winter,” said Governor Tom Berg.",
    );
    let [claims, duplicates, misquotes] = check_dedup(dir.path(), &["z1.txt", "z2.txt", "z3.txt"]);
    assert!(claims >= 6, "{claims}");
    assert!(duplicates >= 2, "{duplicates}");
    // z1/z2 a misquote, z1/z3 a conflicting attribution.
    assert!(misquotes >= 2, "{misquotes}");
}
