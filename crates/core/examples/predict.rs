//! Run the engine over a JSONL file of `{"id","text"}` documents (or a gold
//! file) and print one quote record per line as JSONL.
//!
//! `cargo run --release -p quotecheck-core --example predict -- docs.jsonl`

use std::io::{BufRead, Write};

use quotecheck_core::{analyze, quote_records, Document};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: predict DOCS.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let doc = Document::new(
            v["id"].as_str().unwrap_or_default(),
            v["text"].as_str().unwrap_or_default(),
        );
        let analysis = analyze(&doc);
        for r in quote_records(&doc, &analysis) {
            writeln!(out, "{}", serde_json::to_string(&r)?)?;
        }
    }
    Ok(())
}
