//! The batch runner: read the inputs in order, process documents in
//! parallel (rayon), and return the results in input order, with one error
//! entry per bad input.
//!
//! Documents are read on the calling thread and processed by a pool of
//! workers while reading goes on; results pass through a bounded reorder
//! buffer (at most [`BATCH_DOCS`] documents or [`BATCH_BYTES`] of text in
//! flight), so memory is bounded by that window, not by the input
//! ([`stream`]). Output order never depends on the number of threads.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};

use quotecheck_core::{quote_records, speaker_records, Document};
use quotecheck_core::{Analysis, QuoteRecord, SpeakerRecord};

use crate::error::{location, printable, FatalError, InputError};
use crate::input::{byte_total, discover, read_source_counted, Discovered, InputDoc, InputOptions};
use crate::progress::Progress;
use crate::view;

/// Documents in flight (being processed or waiting for an earlier one).
pub const BATCH_DOCS: usize = 256;
/// Bytes of text in flight.
pub const BATCH_BYTES: usize = 32 << 20;

/// How to run a batch.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// How to read inputs.
    pub input: InputOptions,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Show no progress on stderr ([`crate::progress`]).
    pub quiet: bool,
    /// Show progress on stderr even when it is not a terminal.
    pub progress: bool,
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

/// Worker threads per core above which `--threads` is capped.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// The number of worker threads to start for `--threads N` (0: one per
/// core): at most [`MAX_THREADS_PER_CORE`] per core, since more only cost
/// memory and scheduling (10,000 threads took two minutes on a 7 KB
/// article). Returns the number and, when `N` was capped, a note for stderr.
pub fn capped_threads(requested: usize, cores: usize) -> (usize, Option<String>) {
    let max = cores.max(1).saturating_mul(MAX_THREADS_PER_CORE);
    if requested > max {
        let note = format!(
            "note: --threads {requested} capped at {max} ({MAX_THREADS_PER_CORE} per core, {cores} cores)"
        );
        (max, Some(note))
    } else {
        (requested, None)
    }
}

/// A rayon pool of `threads` worker threads (0: one per core; capped by
/// [`capped_threads`], with a note on stderr), for the parallel steps of a
/// run.
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, FatalError> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let (threads, note) = capped_threads(threads, cores);
    if let Some(note) = note {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| eprintln!("{note}"));
    }
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
    let mut entries = Vec::new();
    let streamed = stream(inputs, opts, process, |e| entries.push(e))?;
    Ok(Run {
        entries,
        skipped: streamed.skipped,
        files: streamed.files,
    })
}

/// What [`stream`] returns once every result went to its sink.
#[derive(Debug)]
pub struct Streamed {
    /// Files skipped in directory walks.
    pub skipped: Vec<String>,
    /// Number of input files (and stdin) read.
    pub files: usize,
    /// The inputs that failed, in input order.
    pub errors: Vec<InputError>,
}

/// Results waiting for their turn: a reorder buffer keyed by input index,
/// so that `sink` sees them in input order whatever order the workers
/// finish in.
struct Reorder<T> {
    /// Results that came back before an earlier one.
    ready: BTreeMap<usize, Result<T, InputError>>,
    /// Bytes of text of each issued and not yet emitted document, from
    /// index `next` on.
    sizes: VecDeque<usize>,
    /// Sum of `sizes`.
    bytes: usize,
    /// Index of the next result to emit.
    next: usize,
}

impl<T> Reorder<T> {
    /// Issue the next index for a document of `bytes` bytes.
    fn issue(&mut self, bytes: usize) -> usize {
        self.sizes.push_back(bytes);
        self.bytes += bytes;
        self.next + self.sizes.len() - 1
    }

    /// Results issued and not yet emitted.
    fn waiting(&self) -> usize {
        self.sizes.len()
    }

    /// True when the reader must wait for results before issuing more.
    fn full(&self) -> bool {
        self.waiting() >= BATCH_DOCS || self.bytes >= BATCH_BYTES
    }

    /// Take in result `i` and pass on every result now in order.
    fn put(
        &mut self,
        i: usize,
        r: Result<T, InputError>,
        sink: &mut impl FnMut(Result<T, InputError>),
    ) {
        self.ready.insert(i, r);
        while let Some(r) = self.ready.remove(&self.next) {
            self.bytes -= self.sizes.pop_front().unwrap_or(0);
            self.next += 1;
            sink(r);
        }
    }
}

/// Read `inputs`, apply `process` to every document in parallel, and give
/// each result (or input error) to `sink` in input order as soon as it and
/// every earlier one are done.
///
/// Documents are read on the calling thread, which also runs `sink`; at
/// most [`BATCH_DOCS`] documents or [`BATCH_BYTES`] of text wait to be
/// processed or passed on (the reader blocks until earlier results are
/// passed on), so memory is bounded whatever the size of the input. Bad
/// inputs are printed on stderr at the end, as by [`run`], and a run in
/// which no document could be read is an error.
pub fn stream<T: Send>(
    inputs: &[String],
    opts: &RunOptions,
    process: impl Fn(InputDoc) -> T + Sync,
    mut sink: impl FnMut(Result<T, InputError>),
) -> Result<Streamed, FatalError> {
    let pool = thread_pool(opts.threads)?;
    let discovery = discover(inputs, opts.input.stdin_kind);
    let mut progress = Progress::stderr(opts.quiet, opts.progress);
    progress.stage(&format!(
        "reading inputs: {} {}",
        discovery.sources.len(),
        if discovery.sources.len() == 1 {
            "file"
        } else {
            "files"
        }
    ));
    // JSONL and CSV files: the bytes read of their total size; otherwise
    // the documents done of those read.
    let total = byte_total(&discovery.sources);
    let read_bytes = total.map(|_| Arc::new(AtomicU64::new(0)));
    match total {
        Some(t) => progress.measured("attributing", t),
        None => progress.counted("attributing", "documents"),
    }
    // (Shared by the reader and `emit`, both on this thread.)
    let counts = std::cell::Cell::new((0usize, 0usize));
    let progress = std::cell::RefCell::new(progress);
    let tick = |done: usize, read: usize| {
        counts.set((done, read));
        match &read_bytes {
            Some(n) => progress
                .borrow_mut()
                .update_bytes(n.load(Ordering::Relaxed), done as u64),
            None => progress.borrow_mut().update(done, read),
        }
    };

    let mut out = Streamed {
        skipped: discovery.skipped,
        files: 0,
        errors: Vec::new(),
    };
    let mut docs_ok = 0usize;
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut fatal: Option<FatalError> = None;
    // A worker's result comes with its document's language warning, which
    // is printed when the result is passed on (in input order).
    let mut order: Reorder<(Option<String>, T)> = Reorder {
        ready: BTreeMap::new(),
        sizes: VecDeque::new(),
        bytes: 0,
        next: 0,
    };
    let mut emit = |r: Result<(Option<String>, T), InputError>| {
        let r = match r {
            Ok((warning, t)) => {
                if let Some(w) = warning {
                    progress.borrow_mut().note(&w);
                }
                docs_ok += 1;
                Ok(t)
            }
            Err(e) => {
                out.errors.push(e.clone());
                Err(e)
            }
        };
        sink(r);
        let (done, read) = counts.get();
        tick(done + 1, read);
    };
    let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<(Option<String>, T)>)>();
    let process = &process;

    pool.in_place_scope(|scope| {
        let mut issue = |p: Pending, order: &mut Reorder<(Option<String>, T)>| {
            while order.full() {
                match rx.recv() {
                    Ok((i, t)) => order.put(i, Ok(unwound(t)), &mut emit),
                    Err(_) => break,
                }
            }
            while let Ok((i, t)) = rx.try_recv() {
                order.put(i, Ok(unwound(t)), &mut emit);
            }
            match p {
                Pending::Doc(mut d) => {
                    let i = order.issue(d.doc.text.len());
                    let tx = tx.clone();
                    scope.spawn(move |_| {
                        // A panic is passed on (the reader would otherwise
                        // wait for this result forever). The receiver
                        // outlives the scope: no send fails.
                        let r = panic::catch_unwind(AssertUnwindSafe(|| {
                            // Detected here, in parallel, not by the reader.
                            d.language = crate::lang::detect(&d.doc.text);
                            (language_warning(&d), process(d))
                        }));
                        let _ = tx.send((i, r));
                    });
                }
                Pending::Err(e) => {
                    let i = order.issue(0);
                    order.put(i, Err(e), &mut emit);
                }
            }
        };
        for found in discovery.sources {
            let source = match found {
                Discovered::Source(s) => s,
                Discovered::Error(e) => {
                    if opts.strict {
                        fatal = Some(FatalError::Strict(e));
                        break;
                    }
                    let (done, read) = counts.get();
                    tick(done, read + 1);
                    issue(Pending::Err(e), &mut order);
                    continue;
                }
            };
            out.files += 1;
            read_source_counted(&source, &opts.input, read_bytes.clone(), &mut |result| {
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
                        let (done, read) = counts.get();
                        tick(done, read + 1);
                        issue(Pending::Doc(d), &mut order);
                    }
                    Err(e) => {
                        if opts.strict {
                            fatal = Some(FatalError::Strict(e));
                            return false;
                        }
                        let (done, read) = counts.get();
                        tick(done, read + 1);
                        issue(Pending::Err(e), &mut order);
                    }
                }
                true
            });
            if fatal.is_some() {
                break;
            }
        }
        if fatal.is_none() {
            while order.waiting() > 0 {
                match rx.recv() {
                    Ok((i, t)) => order.put(i, Ok(unwound(t)), &mut emit),
                    Err(_) => break,
                }
            }
        }
    });
    progress.into_inner().finish();
    if let Some(e) = fatal {
        return Err(e);
    }
    if docs_ok == 0 {
        let mut errors = std::mem::take(&mut out.errors);
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
    out.errors.iter().for_each(report_error);
    Ok(out)
}

/// A worker's result, or its panic resumed on this thread.
fn unwound<T>(r: std::thread::Result<T>) -> T {
    r.unwrap_or_else(|p| panic::resume_unwind(p))
}

/// The warning printed for a document that is not in English.
pub fn language_warning(d: &InputDoc) -> Option<String> {
    let lang = d.language.filter(|l| !l.is_english())?;
    Some(format!(
        "warning: {}: document `{}` looks {} ({}); quotecheck's cues and speaker \
         rules are English, so quotes in it may be missed",
        printable(&location(&d.source, d.line)),
        printable(&d.doc.id),
        lang.name,
        lang.code
    ))
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
    /// The encoding the file was decoded from.
    pub encoding: &'static str,
    /// ISO 639-3 code of the detected language.
    pub language: Option<&'static str>,
    /// Publication date from the page or row.
    pub date: Option<String>,
    /// Address from the page or row.
    pub url: Option<String>,
    /// The quotes.
    pub quotes: Vec<QuoteRecord>,
    /// The speakers of the document.
    pub speakers: Vec<SpeakerRecord>,
    /// People the text names with a role (`Gov. Raymond Okafor`), quoted
    /// or not, for linking a bare role (`the governor`) to them.
    pub named_roles: Vec<crate::speakers::NamedRole>,
}

/// Analyse one document with the engine (through its [`view`]) and flatten
/// it into records; `extra` may compute more from the document and its
/// analysis (claims) while both are at hand.
pub fn analyze_doc<T>(d: InputDoc, extra: impl FnOnce(&Document, &Analysis) -> T) -> (Analyzed, T) {
    let (records, more) = doc_records(&d.doc, extra);
    (Analyzed::of(d, records), more)
}

/// What a document's text gives, whatever its id and metadata: its quote
/// and speaker records and its named roles.
#[derive(Debug, Clone, Default)]
pub struct DocRecords {
    /// The quotes.
    pub quotes: Vec<QuoteRecord>,
    /// The speakers of the document.
    pub speakers: Vec<SpeakerRecord>,
    /// People the text names with a role.
    pub named_roles: Vec<crate::speakers::NamedRole>,
}

/// The records of `doc` ([`analyze_doc`] without the document's metadata),
/// and what `extra` computes from the document and its analysis.
pub fn doc_records<T>(
    doc: &Document,
    extra: impl FnOnce(&Document, &Analysis) -> T,
) -> (DocRecords, T) {
    let analysis = view::analyze(doc);
    let quotes = quote_records(doc, &analysis);
    let speakers = speaker_records(doc, &analysis);
    let more = extra(doc, &analysis);
    let records = DocRecords {
        quotes,
        speakers,
        named_roles: crate::speakers::named_roles(&doc.text),
    };
    (records, more)
}

impl Analyzed {
    /// The analysed document `d` with the records of its text (made by
    /// [`doc_records`], or copied from an identical text).
    pub fn of(d: InputDoc, records: DocRecords) -> Analyzed {
        Analyzed {
            chars: d.doc.text.chars().count(),
            bytes: d.doc.text.len(),
            encoding: d.encoding,
            language: d.language.map(|l| l.code),
            date: d.date,
            url: d.url,
            doc_id: d.doc.id,
            source: d.source,
            line: d.line,
            quotes: records.quotes,
            speakers: records.speakers,
            named_roles: records.named_roles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_are_capped_per_core() {
        assert_eq!(capped_threads(0, 2), (0, None));
        assert_eq!(capped_threads(8, 2), (8, None));
        let (n, note) = capped_threads(10_000, 2);
        assert_eq!(n, 8);
        assert_eq!(
            note.as_deref(),
            Some("note: --threads 10000 capped at 8 (4 per core, 2 cores)")
        );
        assert_eq!(capped_threads(5, 0).0, 4);
    }
}
