//! The batch runner: read the inputs in order, process documents in
//! parallel (rayon), and return the results in input order, with one error
//! entry per bad input.
//!
//! Documents are read on the calling thread and processed in batches (at
//! most [`BATCH_DOCS`] documents or [`BATCH_BYTES`] of text), so memory is
//! bounded by a batch, not by the input. Output order never depends on the
//! number of threads.

use std::collections::HashMap;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use quotecheck_core::{analyze, quote_records, speaker_records, Document};
use quotecheck_core::{Analysis, QuoteRecord, SpeakerRecord};
use rayon::prelude::*;

use crate::error::{location, printable, FatalError, InputError};
use crate::input::{discover, read_source, Discovered, InputDoc, InputOptions};

/// Documents per parallel batch.
pub const BATCH_DOCS: usize = 256;
/// Bytes of text per parallel batch.
pub const BATCH_BYTES: usize = 32 << 20;

/// How to run a batch.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// How to read inputs.
    pub input: InputOptions,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Do not show a progress bar.
    pub quiet: bool,
    /// Stop at the first bad input.
    pub strict: bool,
}

/// The result of a run, in input order.
#[derive(Debug)]
pub struct Run<T> {
    /// One entry per document or bad input, in input order.
    pub entries: Vec<Result<T, InputError>>,
    /// Files skipped in directory walks.
    pub skipped: Vec<String>,
    /// Number of input files (and stdin) read.
    pub files: usize,
}

impl<T> Run<T> {
    /// The documents that were processed.
    pub fn ok(&self) -> impl Iterator<Item = &T> {
        self.entries.iter().filter_map(|e| e.as_ref().ok())
    }

    /// The inputs that failed.
    pub fn errors(&self) -> impl Iterator<Item = &InputError> {
        self.entries.iter().filter_map(|e| e.as_ref().err())
    }
}

/// Print a per-document error on stderr (one line).
pub fn report_error(e: &InputError) {
    eprintln!("error: {}", printable(&e.to_string()));
}

enum Pending {
    Doc(InputDoc),
    Err(InputError),
}

/// A rayon pool of `threads` worker threads (0: one per core), for the
/// parallel steps of a run.
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, FatalError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| FatalError::Usage(format!("cannot start worker threads: {e}")))
}

/// Read `inputs` and apply `process` to every document, in parallel.
///
/// Bad inputs are printed on stderr, one line each, in input order, when all
/// documents have been read. With `strict`, the first one stops the run. A
/// run in which no document could be read is an error (the input error
/// itself when there was only one).
pub fn run<T: Send>(
    inputs: &[String],
    opts: &RunOptions,
    process: impl Fn(InputDoc) -> T + Sync,
) -> Result<Run<T>, FatalError> {
    let pool = thread_pool(opts.threads)?;
    let discovery = discover(inputs, opts.input.stdin_kind);
    let total = discovery.sources.len() as u64;
    let bar = progress_bar(total, opts.quiet);

    let mut out = Run {
        entries: Vec::new(),
        skipped: discovery.skipped,
        files: 0,
    };
    let mut pending: Vec<Pending> = Vec::new();
    let mut pending_bytes = 0usize;
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut docs = 0usize;
    let mut fatal: Option<FatalError> = None;

    let flush = |pending: &mut Vec<Pending>, out: &mut Run<T>| {
        let batch = std::mem::take(pending);
        let results: Vec<Result<T, InputError>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|p| match p {
                    Pending::Doc(d) => Ok(process(d)),
                    Pending::Err(e) => Err(e),
                })
                .collect()
        });
        out.entries.extend(results);
    };

    for found in discovery.sources {
        let source = match found {
            Discovered::Source(s) => s,
            Discovered::Error(e) => {
                if opts.strict {
                    fatal = Some(FatalError::Strict(e));
                    break;
                }
                pending.push(Pending::Err(e));
                bar.inc(1);
                continue;
            }
        };
        out.files += 1;
        bar.set_message(printable(&source.display));
        read_source(&source, &opts.input, &mut |result| {
            let result = result.and_then(|d| {
                let here = location(&d.source, d.line);
                match seen.get(&d.doc.id) {
                    Some(first) => Err(InputError::DuplicateId {
                        path: d.source.clone(),
                        line: d.line,
                        id: d.doc.id.clone(),
                        first: first.clone(),
                    }),
                    None => {
                        seen.insert(d.doc.id.clone(), here);
                        Ok(d)
                    }
                }
            });
            match result {
                Ok(d) => {
                    docs += 1;
                    pending_bytes += d.doc.text.len();
                    pending.push(Pending::Doc(d));
                }
                Err(e) => {
                    if opts.strict {
                        fatal = Some(FatalError::Strict(e));
                        return false;
                    }
                    pending.push(Pending::Err(e));
                }
            }
            if pending.len() >= BATCH_DOCS || pending_bytes >= BATCH_BYTES {
                flush(&mut pending, &mut out);
                pending_bytes = 0;
                bar.set_message(format!("{} documents", docs));
            }
            true
        });
        if fatal.is_some() {
            break;
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if let Some(e) = fatal {
        return Err(e);
    }
    flush(&mut pending, &mut out);
    if out.ok().next().is_none() {
        let mut errors: Vec<InputError> = out.errors().cloned().collect();
        if errors.len() == 1 {
            if let Some(e) = errors.pop() {
                return Err(FatalError::Input(e));
            }
        }
        errors.iter().for_each(report_error);
        return Err(FatalError::NoDocuments {
            failed: errors.len(),
        });
    }
    out.errors().for_each(report_error);
    Ok(out)
}

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} inputs {wide_msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// One analysed document: what the reports need of it.
#[derive(Debug, Clone)]
pub struct Analyzed {
    /// The document id.
    pub doc_id: String,
    /// The source file as displayed.
    pub source: String,
    /// 1-based line for JSONL/CSV documents.
    pub line: Option<usize>,
    /// Length of the text in code points.
    pub chars: usize,
    /// Length of the text in bytes.
    pub bytes: usize,
    /// Publication date as given (`InputDoc::date`).
    pub date: Option<String>,
    /// URL as given (`InputDoc::url`).
    pub url: Option<String>,
    /// The quotes.
    pub quotes: Vec<QuoteRecord>,
    /// The speakers of the document.
    pub speakers: Vec<SpeakerRecord>,
}

/// Analyse one document with the engine and flatten it into records;
/// `extra` may compute more from the document and its analysis (claims)
/// while both are at hand.
pub fn analyze_doc<T>(d: InputDoc, extra: impl FnOnce(&Document, &Analysis) -> T) -> (Analyzed, T) {
    let analysis = analyze(&d.doc);
    let quotes = quote_records(&d.doc, &analysis);
    let speakers = speaker_records(&d.doc, &analysis);
    let more = extra(&d.doc, &analysis);
    let analyzed = Analyzed {
        chars: d.doc.text.chars().count(),
        bytes: d.doc.text.len(),
        doc_id: d.doc.id,
        source: d.source,
        line: d.line,
        date: d.date,
        url: d.url,
        quotes,
        speakers,
    };
    (analyzed, more)
}
