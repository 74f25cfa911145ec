//! The training data of the engine's calibrated confidence: run the engine
//! over a gold file and print, per prediction, its confidence features and
//! whether its quote and its speaker are right (speaker judged by mention
//! span, as for PolNeAR). The input of `scripts/fit_confidence.py`.
//!
//! ```text
//! cargo run --release -p quotecheck-eval --example confidence_data -- \
//!     ../shared/bench/polnear-train.gold.jsonl > /tmp/conf.jsonl
//! ```
//!
//! The first line is `{"names": [...]}` (the feature names); each other
//! line is `{"doc_id", "reason", "type", "confidence", "f", "quote_ok",
//! "speaker_ok"}`.

use std::io::Write;
use std::process::ExitCode;

use quotecheck_core::{analyze, confidence_features, feature_names, quote_records, Document};
use quotecheck_eval::outcome::outcomes;
use quotecheck_eval::score::load_gold;
use serde_json::json;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: confidence_data <gold.json|gold.jsonl>");
        return ExitCode::from(2);
    };
    let gold = match load_gold(std::path::Path::new(&path)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut write = || -> std::io::Result<()> {
        writeln!(out, "{}", json!({ "names": feature_names() }))?;
        for g in &gold {
            let doc = Document::new(g.id.clone(), g.text.clone());
            let analysis = analyze(&doc);
            let records = quote_records(&doc, &analysis);
            let features = confidence_features(&doc, &analysis);
            for ((r, f), o) in records
                .iter()
                .zip(&features)
                .zip(outcomes(g, &records, true))
            {
                let row = json!({
                    "doc_id": r.doc_id,
                    "reason": r.reason,
                    "type": r.quote_type,
                    "confidence": r.confidence,
                    "f": f,
                    "quote_ok": o.quote_ok,
                    "speaker_ok": o.speaker_ok,
                });
                writeln!(out, "{row}")?;
            }
        }
        out.flush()
    };
    match write() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
