//! `quotecheck score`: precision, recall and F1 of quotes (and speakers)
//! against gold annotations, with `quotecheck_eval::score`.

use std::path::{Path, PathBuf};

use quotecheck_core::{analyze, quote_records, Document, QuoteRecord};
use quotecheck_eval::gold::GoldDocument;
use quotecheck_eval::score::{load_gold, load_predictions, score, ScoreOptions};
use rayon::prelude::*;

use crate::error::{FatalError, InputError};
use crate::output::Destination;

/// Output format of `quotecheck score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScoreFormat {
    /// A table for people.
    Table,
    /// The full report as JSON.
    Json,
}

/// The gold files named by `paths`: files as given, directories walked
/// recursively for `.json` and `.jsonl` files in path order.
pub fn gold_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FatalError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let before = out.len();
            walk(p, &mut out);
            if out.len() == before {
                return Err(FatalError::Usage(format!(
                    "{}: no gold files found (looked for .json and .jsonl files)",
                    p.display()
                )));
            }
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(FatalError::Input(InputError::Missing {
                path: p.display().to_string(),
            }));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"))
        {
            out.push(p);
        }
    }
}

/// Run the engine on the gold documents' texts (in parallel, in gold order).
pub fn predict(gold: &[GoldDocument], threads: usize) -> Result<Vec<QuoteRecord>, FatalError> {
    let pool = crate::run::thread_pool(threads)?;
    let per_doc: Vec<Vec<QuoteRecord>> = pool.install(|| {
        gold.par_iter()
            .map(|g| {
                let doc = Document::new(g.id.clone(), g.text.clone());
                quote_records(&doc, &analyze(&doc))
            })
            .collect()
    });
    Ok(per_doc.into_iter().flatten().collect())
}

/// Reject predictions whose offsets cannot be a span of their gold
/// document: start after end, or end past the document's text (in code
/// points). Predictions of documents not in the gold set are left to the
/// scorer.
pub fn check_offsets(
    gold: &[GoldDocument],
    predictions: &[QuoteRecord],
    source: &str,
) -> Result<(), FatalError> {
    let lengths: std::collections::HashMap<&str, usize> = gold
        .iter()
        .map(|g| (g.id.as_str(), g.text.chars().count()))
        .collect();
    let spans = |p: &QuoteRecord| {
        [
            ("char_start/char_end", Some(p.char_start), Some(p.char_end)),
            ("mention_start/mention_end", p.mention_start, p.mention_end),
        ]
    };
    for (i, p) in predictions.iter().enumerate() {
        for (name, start, end) in spans(p) {
            let problem = match (start, end, lengths.get(p.doc_id.as_str())) {
                (Some(s), Some(e), _) if s > e => {
                    Some(format!("{name} {s}..{e} is reversed (start after end)"))
                }
                (_, Some(e), Some(&len)) if e > len => Some(format!(
                    "{name} ends at {e}, past the end of the document ({len} characters)"
                )),
                _ => None,
            };
            if let Some(problem) = problem {
                return Err(FatalError::Usage(format!(
                    "{source}: prediction {} (doc_id `{}`, quote_id `{}`): {problem}",
                    i + 1,
                    crate::error::printable(&p.doc_id),
                    crate::error::printable(&p.quote_id)
                )));
            }
        }
    }
    Ok(())
}

/// `quotecheck score`.
pub fn run_score(
    gold_paths: &[PathBuf],
    predictions: Option<&Path>,
    opts: &ScoreOptions,
    format: ScoreFormat,
    destination: &Destination,
    threads: usize,
) -> Result<u8, FatalError> {
    let mut gold = Vec::new();
    for path in gold_files(gold_paths)? {
        gold.extend(load_gold(&path)?);
    }
    let predictions = match predictions {
        Some(p) => {
            let predictions = load_predictions(p)?;
            check_offsets(&gold, &predictions, &p.display().to_string())?;
            predictions
        }
        None => predict(&gold, threads)?,
    };
    let report = score(&gold, &predictions, opts);
    destination.write(|w| match format {
        ScoreFormat::Table => w.write_all(report.render_table().as_bytes()),
        ScoreFormat::Json => {
            serde_json::to_writer_pretty(crate::output::HtmlSafe(&mut *w), &report)?;
            w.write_all(b"\n")
        }
    })?;
    Ok(0)
}
