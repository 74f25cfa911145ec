//! Run the engine over a gold file and score it: the accuracy benchmark
//! behind `scripts/bench-accuracy.sh`.
//!
//! ```text
//! cargo run --release -p quotecheck-eval --example score_bench -- \
//!     ../shared/bench/polnear-train.gold.jsonl --mention-iou [--errors N] [--json]
//! cargo run --release -p quotecheck-eval --example score_bench -- tests/speech --speech
//! ```
//!
//! GOLD is a gold file or a directory of `*.gold.json` files. `--speech`
//! scores the speech-only view (`quotecheck_eval::score::speech`).
//!
//! Prints the score table (or the report as JSON with `--json`), then the
//! engine throughput and the total elapsed time (on stderr with `--json`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use quotecheck_eval::gold::GoldDocument;
use quotecheck_eval::score::speech::score_speech;
use quotecheck_eval::score::{load_gold, predict, score, ScoreOptions};

const USAGE: &str =
    "usage: score_bench <gold.json|gold.jsonl|dir> [--mention-iou] [--speech] [--errors N] [--json]";

struct Args {
    gold: PathBuf,
    opts: ScoreOptions,
    json: bool,
    speech: bool,
}

/// The gold documents of a file, or of every `*.gold.json` in a directory
/// (in name order).
fn load_all(path: &Path) -> Result<Vec<GoldDocument>, String> {
    if !path.is_dir() {
        return load_gold(path).map_err(|e| e.to_string());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        docs.extend(load_gold(&f).map_err(|e| e.to_string())?);
    }
    Ok(docs)
}

fn parse_args() -> Result<Args, String> {
    let mut gold = None;
    let mut opts = ScoreOptions::default();
    let mut json = false;
    let mut speech = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mention-iou" => opts.mention_iou = true,
            "--json" => json = true,
            "--speech" => speech = true,
            "--errors" => {
                let n = args.next().ok_or("--errors needs a number")?;
                opts.errors = n
                    .parse()
                    .map_err(|_| format!("--errors: bad number {n:?}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--errors=") => {
                let n = &s["--errors=".len()..];
                opts.errors = n
                    .parse()
                    .map_err(|_| format!("--errors: bad number {n:?}"))?;
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s if gold.is_none() => gold = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s}\n{USAGE}")),
        }
    }
    Ok(Args {
        gold: gold.ok_or(USAGE)?,
        opts,
        json,
        speech,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let gold = match load_all(&args.gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let loaded = start.elapsed();

    let bytes: usize = gold.iter().map(|d| d.text.len()).sum();
    let engine_start = Instant::now();
    let preds = predict(&gold);
    let engine = engine_start.elapsed();

    let (json, table) = if args.speech {
        let r = score_speech(&gold, &preds, args.opts.errors);
        (serde_json::to_string_pretty(&r), r.render_table())
    } else {
        let r = score(&gold, &preds, &args.opts);
        (serde_json::to_string_pretty(&r), r.render_table())
    };
    let total = start.elapsed();

    let mb = bytes as f64 / 1_000_000.0;
    let secs = engine.as_secs_f64();
    let summary = format!(
        "engine: {} documents, {:.2} MB, {:.3} s, {:.2} MB/s\nloading gold: {:.3} s; total elapsed: {:.3} s",
        gold.len(),
        mb,
        secs,
        if secs > 0.0 { mb / secs } else { f64::INFINITY },
        loaded.as_secs_f64(),
        total.as_secs_f64()
    );
    if args.json {
        match json {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
        eprintln!("{summary}");
    } else {
        println!("gold: {}", args.gold.display());
        print!("{table}");
        println!();
        println!("{summary}");
    }
    ExitCode::SUCCESS
}
