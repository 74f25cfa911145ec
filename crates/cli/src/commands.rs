//! The commands behind the `quotecheck` binary, callable without a process.
//! Each returns the exit code of a run that completed: 0 when every input
//! was read, 1 when some inputs failed (the rest was written).

use std::path::{Path, PathBuf};

use quotecheck_core::analyze;
use quotecheck_dedup::DedupConfig;
use serde::Serialize;

use crate::claims;
use crate::error::FatalError;
use crate::input::io_message;
use crate::output::{write_json, CsvOptions, CsvOut, Destination, Format, Staged};
use crate::report::{quote_rows, write_quotes, write_speakers};
use crate::run::{analyze_doc, run, thread_pool, Analyzed, Run, RunOptions};
use crate::speakers;
use crate::summary::Summary;

/// Exit code of a run: 1 when some input failed.
pub fn exit_code<T>(run: &Run<T>) -> u8 {
    u8::from(run.errors().next().is_some())
}

/// Options shared by the stage commands' outputs.
#[derive(Debug, Clone)]
pub struct OutputOptions {
    /// Output format.
    pub format: Format,
    /// Where to write.
    pub destination: Destination,
    /// CSV options.
    pub csv: CsvOptions,
}

fn link_speakers(docs: &[&Analyzed]) -> speakers::SpeakerIndex {
    let records: Vec<_> = docs
        .iter()
        .flat_map(|d| d.speakers.iter().cloned())
        .collect();
    speakers::link(&records)
}

/// `quotecheck quotes`: every quote of every document.
pub fn quotes(inputs: &[String], opts: &RunOptions, out: &OutputOptions) -> Result<u8, FatalError> {
    check_destination(&out.destination)?;
    let run = run(inputs, opts, |d| analyze_doc(d, |_, _| ()).0)?;
    let docs: Vec<&Analyzed> = run.ok().collect();
    let speakers = link_speakers(&docs);
    let rows = quote_rows(&docs, &speakers);
    out.destination
        .write(|w| write_quotes(w, &rows, out.format, out.csv))?;
    Ok(exit_code(&run))
}

/// One document as written by `quotecheck extract` (valid JSONL input for
/// quotecheck: fields `id` and `text`).
#[derive(Debug, Clone, Serialize)]
pub struct ExtractedDoc {
    /// Document id.
    pub id: String,
    /// The text offsets refer to (for HTML: the extracted text).
    pub text: String,
    /// Source file.
    pub source: String,
    /// 1-based line for JSONL/CSV documents.
    pub line: Option<usize>,
}

/// `quotecheck extract`: the documents' texts as quotecheck sees them.
pub fn extract(
    inputs: &[String],
    opts: &RunOptions,
    out: &OutputOptions,
) -> Result<u8, FatalError> {
    check_destination(&out.destination)?;
    let run = run(inputs, opts, |d| ExtractedDoc {
        id: d.doc.id,
        text: d.doc.text,
        source: d.source,
        line: d.line,
    })?;
    let docs: Vec<&ExtractedDoc> = run.ok().collect();
    out.destination.write(|w| match out.format {
        Format::Json => write_json(w, &docs, false),
        Format::Jsonl => write_json(w, &docs, true),
        Format::Csv => {
            let mut csv = CsvOut::new(w, out.csv, &["id", "text", "source", "line"])?;
            for d in &docs {
                let line = d.line.map(|l| l.to_string()).unwrap_or_default();
                csv.row([d.id.as_str(), &d.text, &d.source, &line])?;
            }
            csv.finish()?.flush()
        }
    })?;
    Ok(exit_code(&run))
}

/// Where `quotecheck dedup` writes.
#[derive(Debug, Clone)]
pub enum DedupOutput {
    /// The rows of `duplicates.csv` in a format, to stdout or a file.
    Table(OutputOptions),
    /// `claims.csv`, `duplicates.csv` and `misquotes.csv` into a directory
    /// (created if missing).
    Dir {
        /// The directory.
        dir: PathBuf,
        /// CSV options.
        csv: CsvOptions,
    },
}

/// The claims of a run's documents, taken out of its entries (in input
/// order) for [`claims::dedup`].
fn take_claims<T>(
    run: &mut Run<T>,
    claims_of: impl Fn(&mut T) -> &mut claims::DocClaims,
) -> Vec<claims::DocClaims> {
    run.entries
        .iter_mut()
        .filter_map(|e| e.as_mut().ok())
        .map(|t| std::mem::take(claims_of(t)))
        .collect()
}

/// `quotecheck dedup`: duplicate claims across the documents, and with a
/// directory also the claims and the misquotes.
pub fn dedup(
    inputs: &[String],
    opts: &RunOptions,
    out: &DedupOutput,
    config: &DedupConfig,
) -> Result<u8, FatalError> {
    match out {
        DedupOutput::Table(o) => check_destination(&o.destination)?,
        DedupOutput::Dir { dir, .. } => prepare_out_dir(dir)?,
    }
    let keep_claims = matches!(out, DedupOutput::Dir { .. });
    let deduper = claims::deduper(config);
    let mut run = run(inputs, opts, |d| {
        let analysis = analyze(&d.doc);
        claims::claims_of(&d.doc, &analysis, &deduper, keep_claims)
    })?;
    let docs = take_claims(&mut run, |c| c);
    let tables = thread_pool(opts.threads)?.install(|| claims::dedup(deduper, docs));
    match out {
        DedupOutput::Table(o) => o
            .destination
            .write(|w| claims::write_duplicates(w, &tables, o.format, o.csv))?,
        DedupOutput::Dir { dir, csv } => {
            write_dedup_files(dir, &tables, *csv)?;
        }
    }
    Ok(exit_code(&run))
}

/// Stage `claims.csv`, `duplicates.csv` and `misquotes.csv` for `dir`;
/// returns their names in the order staged.
fn stage_dedup_files(
    staged: &mut Staged,
    dir: &Path,
    tables: &claims::DedupTables,
    csv: CsvOptions,
) -> Result<Vec<String>, FatalError> {
    staged.stage(&dir.join("claims.csv"), |w| {
        claims::write_claims(w, tables, Format::Csv, csv)
    })?;
    staged.stage(&dir.join("duplicates.csv"), |w| {
        claims::write_duplicates(w, tables, Format::Csv, csv)
    })?;
    staged.stage(&dir.join("misquotes.csv"), |w| {
        claims::write_misquotes(w, tables, Format::Csv, csv)
    })?;
    Ok(["claims.csv", "duplicates.csv", "misquotes.csv"]
        .map(String::from)
        .to_vec())
}

/// Write `claims.csv`, `duplicates.csv` and `misquotes.csv` into `dir`,
/// all complete before any is renamed into place.
fn write_dedup_files(
    dir: &Path,
    tables: &claims::DedupTables,
    csv: CsvOptions,
) -> Result<Vec<String>, FatalError> {
    let mut staged = Staged::default();
    let names = stage_dedup_files(&mut staged, dir, tables, csv)?;
    staged.commit()?;
    Ok(names)
}

/// Fail early when a file destination's directory does not exist.
pub(crate) fn check_destination(dest: &Destination) -> Result<(), FatalError> {
    if let Destination::File(path) = dest {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(FatalError::Output {
                path: path.display().to_string(),
                message: format!("directory {} does not exist", dir.display()),
            });
        }
        if path.is_dir() {
            return Err(FatalError::Output {
                path: path.display().to_string(),
                message: "is a directory".into(),
            });
        }
    }
    Ok(())
}

/// The files `report` writes, in order (`summary.json` last).
pub const REPORT_FILES: &[&str] = &[
    "quotes.csv",
    "speakers.csv",
    "claims.csv",
    "duplicates.csv",
    "misquotes.csv",
    "summary.json",
];

/// Create the report directory and check that it is writable, before any
/// work is done.
pub fn prepare_out_dir(dir: &Path) -> Result<(), FatalError> {
    let err = |message: String| FatalError::Output {
        path: dir.display().to_string(),
        message,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(err("exists and is not a directory".into()));
    }
    std::fs::create_dir_all(dir).map_err(|e| err(io_message(&e)))?;
    tempfile::Builder::new()
        .prefix(".quotecheck-")
        .tempfile_in(dir)
        .map_err(|e| err(io_message(&e)))?;
    Ok(())
}

/// `quotecheck report`: everything, into a directory.
pub fn report(
    inputs: &[String],
    opts: &RunOptions,
    out_dir: &Path,
    csv: CsvOptions,
    config: &DedupConfig,
) -> Result<u8, FatalError> {
    report_with(inputs, opts, out_dir, csv, config, &ReportExtras::default())
}

/// Optional parts of a report.
#[derive(Debug, Clone, Default)]
pub struct ReportExtras<'a> {
    /// A fact-check file: also write `factchecks.csv` ([`crate::matching`]).
    pub factchecks: Option<&'a Path>,
    /// A claim index: also write `previously_seen.csv`, then add the run's
    /// documents to the index ([`crate::claim_index`]).
    pub index: Option<&'a Path>,
}

/// [`report`] with the optional parts of `extras`.
pub fn report_with(
    inputs: &[String],
    opts: &RunOptions,
    out_dir: &Path,
    csv: CsvOptions,
    config: &DedupConfig,
    extras: &ReportExtras<'_>,
) -> Result<u8, FatalError> {
    let factchecks = extras
        .factchecks
        .map(|p| crate::matching::load_factchecks(p, Default::default()))
        .transpose()?;
    let mut index = extras
        .index
        .map(crate::claim_index::open_index)
        .transpose()?;
    prepare_out_dir(out_dir)?;
    let deduper = claims::deduper(config);
    let mut run = run(inputs, opts, |d| {
        analyze_doc(d, |doc, analysis| {
            claims::claims_of(doc, analysis, &deduper, true)
        })
    })?;
    let claim_docs = take_claims(&mut run, |(_, c)| c);
    let tables = thread_pool(opts.threads)?.install(|| claims::dedup(deduper, claim_docs));
    let docs: Vec<&Analyzed> = run.ok().map(|(a, _)| a).collect();
    let speakers = link_speakers(&docs);
    let rows = quote_rows(&docs, &speakers);
    let mut summary = Summary::of(&run, |(a, _)| a, speakers.records.len());

    // Every file is written completely to a temporary file first; the set
    // is then renamed into place in one burst, `summary.json` last.
    let path = |name: &str| -> PathBuf { out_dir.join(name) };
    let mut staged = Staged::default();
    let mut written = Vec::new();
    staged.stage(&path("quotes.csv"), |w| {
        write_quotes(w, &rows, Format::Csv, csv)
    })?;
    written.push("quotes.csv".to_string());
    staged.stage(&path("speakers.csv"), |w| {
        write_speakers(w, &speakers.records, Format::Csv, csv)
    })?;
    written.push("speakers.csv".to_string());
    written.extend(stage_dedup_files(&mut staged, out_dir, &tables, csv)?);
    summary.set_dedup(claims::counts(&tables));
    if let Some(index) = &factchecks {
        let name =
            crate::matching::stage_factchecks(&mut staged, out_dir, index, &tables.claims, csv)?;
        written.push(name);
    }
    if let Some(store) = &index {
        let name = crate::claim_index::stage_previously_seen(
            &mut staged,
            out_dir,
            store,
            &tables.claims,
            csv,
        )?;
        written.push(name);
    }
    written.push("summary.json".to_string());
    debug_assert!(factchecks.is_some() || index.is_some() || written == REPORT_FILES);
    summary.outputs = written;
    staged.stage(&path("summary.json"), |w| {
        serde_json::to_writer_pretty(&mut *w, &summary)?;
        w.write_all(b"\n")
    })?;
    staged.commit()?;
    if let Some(store) = &mut index {
        let ids: Vec<(String, String)> = docs
            .iter()
            .map(|d| (d.doc_id.clone(), d.source.clone()))
            .collect();
        let today = quotecheck_claims::store::today_utc();
        crate::claim_index::add_claims(store, &ids, &tables.claims, &today)?;
    }
    Ok(summary.exit_code)
}
