//! Run the engine over a gold file and score it: the accuracy benchmark
//! behind `scripts/bench-accuracy.sh`.
//!
//! ```text
//! cargo run --release -p quotecheck-eval --example score_bench -- \
//!     ../shared/bench/polnear-train.gold.jsonl --mention-iou [--errors N] [--json]
//! ```
//!
//! Prints the score table (or the report as JSON with `--json`), then the
//! engine throughput and the total elapsed time (on stderr with `--json`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use quotecheck_eval::score::{load_gold, predict, score, ScoreOptions};

const USAGE: &str =
    "usage: score_bench <gold.json|gold.jsonl> [--mention-iou] [--errors N] [--json]";

struct Args {
    gold: PathBuf,
    opts: ScoreOptions,
    json: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut gold = None;
    let mut opts = ScoreOptions::default();
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mention-iou" => opts.mention_iou = true,
            "--json" => json = true,
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
    let gold = match load_gold(&args.gold) {
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

    let report = score(&gold, &preds, &args.opts);
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
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
        eprintln!("{summary}");
    } else {
        println!("gold: {}", args.gold.display());
        print!("{}", report.render_table());
        println!();
        println!("{summary}");
    }
    ExitCode::SUCCESS
}
