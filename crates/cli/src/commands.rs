//! The commands behind the `quotecheck` binary, callable without a process.
//! Each returns the exit code of a run that completed: 0 when every input
//! was read, 1 when some inputs failed (the rest was written).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quotecheck_dedup::DedupConfig;
use serde::Serialize;

use crate::claims;
use crate::error::FatalError;
use crate::findings;
use crate::input::io_message;
use crate::output::{write_json, CsvOptions, CsvOut, Destination, Format, Staged};
use crate::progress::Progress;
use crate::rendered::{RenderedDoc, RowWriter};
use crate::report::{take_quote_rows, write_quotes, write_speakers};
use crate::run::{analyze_doc, run, stream, thread_pool, Analyzed, Run, RunOptions};
use crate::semantic::Semantic;
use crate::speakers;
use crate::speakers::aliases::Aliases;
use crate::spill::RowSpill;
use crate::summary::Summary;
use crate::{review, xlsx};

/// The progress stage of the cross-document dedup step.
const CLAIMS_STAGE: &str = "finding repeated and altered claims";

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

fn link_speakers(docs: &[&Analyzed], aliases: &Aliases) -> speakers::SpeakerIndex {
    let records: Vec<_> = docs
        .iter()
        .flat_map(|d| d.speakers.iter().cloned())
        .collect();
    let roles: Vec<(&str, &speakers::NamedRole)> = docs
        .iter()
        .flat_map(|d| d.named_roles.iter().map(|r| (d.doc_id.as_str(), r)))
        .collect();
    speakers::link_corpus(&records, &roles, aliases)
}

/// What a `quotes` worker passes on for one document: its rendered rows
/// and what linking needs.
type QuotesDoc = (
    std::io::Result<RenderedDoc>,
    Vec<quotecheck_core::SpeakerRecord>,
    Vec<speakers::NamedRole>,
);

/// Analyse one document for `quotes`: its rows rendered in `format`, and
/// the speaker records linking needs (the others get no key), trimmed.
fn quotes_doc(d: crate::input::InputDoc, format: Format) -> QuotesDoc {
    let mut a = analyze_doc(d, |_, _| ()).0;
    let read: Vec<_> = a
        .speakers
        .iter()
        .map(|s| (s, speakers::linking(s)))
        .collect();
    let rendered = RenderedDoc::render(
        format,
        &a.doc_id,
        &mut a.quotes,
        &read,
        a.date.as_deref(),
        a.url.as_deref(),
    );
    let keyed: Vec<bool> = read
        .iter()
        .map(|(_, l)| *l == speakers::Linking::Keyed)
        .collect();
    let mut keyed = keyed.into_iter();
    let mut linked = a.speakers;
    linked.retain(|_| keyed.next().unwrap_or(false));
    linked.shrink_to_fit();
    (rendered, linked, a.named_roles)
}

/// `quotecheck quotes`: every quote of every document.
pub fn quotes(inputs: &[String], opts: &RunOptions, out: &OutputOptions) -> Result<u8, FatalError> {
    quotes_with(inputs, opts, out, &Aliases::default())
}

/// [`quotes`] with the user's speaker file (`--speakers`).
///
/// Streams: workers analyse documents and render their rows in the output
/// format ([`RenderedDoc`]); in input order, the rows go to a temporary
/// file and only what speaker linking needs stays in memory; after
/// linking, the rows are copied to the output with their keys put in.
pub fn quotes_with(
    inputs: &[String],
    opts: &RunOptions,
    out: &OutputOptions,
    aliases: &Aliases,
) -> Result<u8, FatalError> {
    check_destination(&out.destination)?;
    let spill_error = |e: std::io::Error| FatalError::Output {
        path: "a temporary file".into(),
        message: io_message(&e),
    };
    let mut spill = RowSpill::new().map_err(spill_error)?;
    // What linking needs of every document, compactly.
    let mut state = speakers::corpus::LinkCorpus::default();
    let mut failed: Option<std::io::Error> = None;
    let format = out.format;
    let streamed = stream(
        inputs,
        opts,
        |d| quotes_doc(d, format),
        |entry| {
            let Ok((rendered, speakers, roles)) = entry else {
                return;
            };
            if failed.is_some() {
                return;
            }
            match rendered.and_then(|doc| {
                spill.push(&doc)?;
                Ok(doc.doc_id)
            }) {
                Ok(doc_id) => state.add_doc(&doc_id, &speakers, &roles),
                Err(e) => failed = Some(e),
            }
        },
    )?;
    if let Some(e) = failed {
        return Err(spill_error(e));
    }
    let mut progress = Progress::stderr(opts.quiet, opts.progress);
    progress.stage("linking speakers");
    let index = speakers::link_keys(state, aliases);
    progress.counted_of("writing quotes", "documents", spill.docs() as u64);
    out.destination.write(|w| {
        let mut rows = RowWriter::start(w, format, out.csv)?;
        let mut done = 0;
        spill.replay(|doc| {
            done += 1;
            progress.update(done, 0);
            rows.write(doc, |d, name, role| index.key(d, name, role))
        })?;
        rows.finish()
    })?;
    progress.finish();
    Ok(u8::from(!streamed.errors.is_empty()))
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

/// `quotecheck dedup`: duplicate claims across the documents, and with a
/// directory also the claims and the misquotes. With `semantic`, the
/// built-in model also links reworded claims (`dedup --semantic`,
/// [`quotecheck_claims::semdedup`]).
pub fn dedup(
    inputs: &[String],
    opts: &RunOptions,
    out: &DedupOutput,
    config: &DedupConfig,
    semantic: &Semantic,
) -> Result<u8, FatalError> {
    match out {
        DedupOutput::Table(o) => check_destination(&o.destination)?,
        DedupOutput::Dir { dir, .. } => prepare_out_dir(dir)?,
    }
    let keep_claims = matches!(out, DedupOutput::Dir { .. });
    // Workers sketch with one deduplicator; every document's sketch goes
    // into the other as soon as it is passed on, in input order.
    let sketcher = claims::deduper(config);
    let mut feed = claims::DedupFeed::new(claims::deduper(config));
    feed.reserve_for_input(file_bytes(inputs));
    let mut meta = claims::DocMeta::new();
    let streamed = stream(
        inputs,
        opts,
        |d| {
            let analysis = crate::view::analyze(&d.doc);
            let doc_meta = (d.doc.id.clone(), (d.date.clone(), d.url.clone()));
            (
                claims::claims_of(&d.doc, &analysis, &sketcher, keep_claims),
                doc_meta,
            )
        },
        |entry| {
            if let Ok((c, (id, date_url))) = entry {
                feed.push(c);
                meta.insert(id, date_url);
            }
        },
    )?;
    drop(sketcher);
    let mut progress = Progress::stderr(opts.quiet, opts.progress);
    progress.stage(CLAIMS_STAGE);
    let (mut tables, _) =
        thread_pool(opts.threads)?.install(|| semantic_dedup(feed, semantic, false));
    // The CSV files are those of `report`, dates and URLs included.
    tables.doc_meta = Some(meta);
    progress.stage("writing reports");
    match out {
        DedupOutput::Table(o) => o
            .destination
            .write(|w| claims::write_duplicates(w, &tables, o.format, o.csv))?,
        DedupOutput::Dir { dir, csv } => {
            write_dedup_files(dir, &tables, *csv)?;
        }
    }
    progress.finish();
    Ok(u8::from(!streamed.errors.is_empty()))
}

/// The total size of the inputs that are plain files (directories and
/// stdin count 0): an estimate of the work ahead.
fn file_bytes(inputs: &[String]) -> u64 {
    inputs
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Finish `feed`, with the semantic tier's links when it is on (the
/// built-in model, or a sentence-transformer with its own threshold); with
/// `keep`, also the claims' float vectors (for the claim index).
fn semantic_dedup(
    feed: claims::DedupFeed,
    semantic: &Semantic,
    keep: bool,
) -> (
    claims::DedupTables,
    Option<quotecheck_claims::semdedup::TextVectors>,
) {
    use quotecheck_claims::semdedup::{SemanticConfig, SemanticLinks};
    let hook = match semantic {
        Semantic::Off => return (feed.finish(), None),
        Semantic::Builtin => SemanticLinks::new(SemanticConfig::default()),
        Semantic::Model(_) => match semantic.model() {
            Some(m) => SemanticLinks::with_model(SemanticConfig::for_model(), m),
            None => SemanticLinks::new(SemanticConfig::default()),
        },
    };
    let mut hook = if keep { hook.keeping_vectors() } else { hook };
    let tables = feed.finish_with(Some(&mut hook));
    (tables, hook.take_vectors())
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
    let _lock = open_out_dir(dir)?;
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
    "findings.csv",
    "findings.jsonl",
    "quotes.csv",
    "speakers.csv",
    "claims.csv",
    "duplicates.csv",
    "misquotes.csv",
    "report.xlsx",
    "index.html",
    "summary.json",
];

/// Check, before any work is done, that the report directory can be
/// written: it is a writable directory, or it does not exist and its
/// nearest existing ancestor is a writable directory. Nothing is created
/// (a run that fails leaves no empty directory behind).
pub fn prepare_out_dir(dir: &Path) -> Result<(), FatalError> {
    let err = |message: String| FatalError::Output {
        path: dir.display().to_string(),
        message,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(err("exists and is not a directory".into()));
    }
    let existing = dir
        .ancestors()
        .map(|a| {
            if a.as_os_str().is_empty() {
                Path::new(".")
            } else {
                a
            }
        })
        .find(|a| a.exists())
        .unwrap_or(Path::new("."));
    if !existing.is_dir() {
        // (The operating system's words for it.)
        return Err(err("Not a directory".into()));
    }
    tempfile::Builder::new()
        .prefix(crate::output::TMP_PREFIX)
        .tempfile_in(existing)
        .map_err(|e| err(io_message(&e)))?;
    Ok(())
}

/// Create the output directory when the results are ready, lock it against
/// other runs ([`crate::output::lock_dir`]) and remove the temporary files
/// a killed run left there. The lock is held until the returned file
/// is dropped.
pub fn open_out_dir(dir: &Path) -> Result<std::fs::File, FatalError> {
    std::fs::create_dir_all(dir).map_err(|e| FatalError::Output {
        path: dir.display().to_string(),
        message: io_message(&e),
    })?;
    let lock = crate::output::lock_dir(dir)?;
    crate::output::remove_stale_tmp(dir);
    Ok(lock)
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
    /// The user's speaker file (`--speakers`): merges and splits by hand.
    pub aliases: Option<&'a Aliases>,
    /// A claim index: also write `previously_seen.csv`, then add the run's
    /// documents to the index ([`crate::claim_index`]).
    pub index: Option<&'a Path>,
    /// `--semantic`/`--model`: the semantic tier for fact-check matching
    /// (as `match --semantic`) and for duplicates (as `dedup --semantic`).
    pub semantic: Semantic,
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
        .map(|p| {
            thread_pool(opts.threads)?.install(|| crate::matching::fact_index(p, &extras.semantic))
        })
        .transpose()?;
    let mut index = extras
        .index
        .map(crate::claim_index::open_index)
        .transpose()?;
    let no_aliases = Aliases::default();
    let aliases = extras.aliases.unwrap_or(&no_aliases);
    prepare_out_dir(out_dir)?;
    let deduper = claims::deduper(config);
    // Identical texts (wire copy) are analysed once.
    let same = crate::reuse::SameText::default();
    // Workers sketch with `deduper`; each document's claims and sketch go
    // into the feed (a second deduplicator of the same settings) as soon as
    // the document is passed on, in input order, so that no per-document
    // sketch waits for the end of the run (issue #22: report memory).
    let mut feed = claims::DedupFeed::new(claims::deduper(config));
    let mut entries = Vec::new();
    let streamed = stream(
        inputs,
        opts,
        |d| {
            let (records, claims) = same.records(&d.doc, |doc, analysis| {
                claims::claims_of(doc, analysis, &deduper, true)
            });
            let text = d.doc.text.clone();
            (Analyzed::of(d, records), (claims, text))
        },
        |entry| {
            entries.push(entry.map(|(a, (c, text))| {
                feed.push(c);
                (a, text)
            }))
        },
    )?;
    drop(same);
    drop(deduper);
    let mut run = Run {
        entries,
        skipped: streamed.skipped,
        files: streamed.files,
    };
    let mut progress = Progress::stderr(opts.quiet, opts.progress);
    progress.stage(CLAIMS_STAGE);
    // With an index, the claims' vectors are kept for its lookup (#18).
    let keep = index.is_some();
    let (mut tables, run_vectors) =
        thread_pool(opts.threads)?.install(|| semantic_dedup(feed, &extras.semantic, keep));
    tables.doc_meta = Some(
        run.ok()
            .map(|(a, _)| (a.doc_id.clone(), (a.date.clone(), a.url.clone())))
            .collect(),
    );
    let texts: HashMap<String, String> = run
        .entries
        .iter_mut()
        .filter_map(|e| e.as_mut().ok())
        .map(|(a, text)| (a.doc_id.clone(), std::mem::take(text)))
        .collect();
    let docs: Vec<&Analyzed> = run.ok().map(|(a, _)| a).collect();
    progress.stage("linking speakers");
    let speakers = link_speakers(&docs, aliases);
    progress.stage("ranking findings");
    let mut summary = Summary::of(&run, |(a, _)| a, speakers.records.len());
    // Counted: the quote records become the rows, and what linking needed
    // of each document is let go.
    let analyzed = run.entries.iter_mut().filter_map(|e| e.as_mut().ok());
    let rows = take_quote_rows(
        analyzed.map(|(a, _)| {
            a.speakers = Vec::new();
            a.named_roles = Vec::new();
            a
        }),
        &speakers,
    );
    let docs: Vec<&Analyzed> = run.ok().map(|(a, _)| a).collect();
    let mut found = findings::of_run(&docs, &rows, &tables);
    let fact_rows = factchecks
        .as_ref()
        .map(|index| crate::matching::fact_checked(index, &tables.claims))
        .transpose()?;
    let (seen_rows, seen_vectors) = index
        .as_mut()
        .map(|store| {
            thread_pool(opts.threads)?.install(|| {
                crate::claim_index::previously_seen_with(
                    store,
                    &tables.claims,
                    &extras.semantic,
                    run_vectors.as_ref(),
                )
            })
        })
        .transpose()?
        .map(|s| (s.rows, s.vectors))
        .unzip();
    findings::add_matches(
        &mut found,
        (&docs, &rows, &tables.claims),
        fact_rows.as_deref().unwrap_or_default(),
        seen_rows.as_deref().unwrap_or_default(),
    );
    // Republished copies are said once, by their `republished` finding.
    let folded = crate::findings_fold::fold(
        &mut tables,
        &crate::findings_fold::Families::of(&found.findings),
    );

    // Every file is written completely to a temporary file first; the set
    // is then renamed into place in one burst, `summary.json` last.
    let path = |name: &str| -> PathBuf { out_dir.join(name) };
    progress.stage("writing reports");
    let _lock = open_out_dir(out_dir)?;
    let mut staged = Staged::default();
    let mut written = Vec::new();
    staged.stage(&path("findings.csv"), |w| {
        findings::write_csv(w, &found.findings, csv)
    })?;
    staged.stage(&path("findings.jsonl"), |w| {
        findings::write_jsonl(w, &found.findings)
    })?;
    written.extend(["findings.csv".to_string(), "findings.jsonl".to_string()]);
    staged.stage(&path("quotes.csv"), |w| {
        write_quotes(w, &rows, Format::Csv, csv)
    })?;
    written.push("quotes.csv".to_string());
    staged.stage(&path("speakers.csv"), |w| {
        write_speakers(
            w,
            &speakers.records,
            tables.doc_meta.as_ref(),
            Format::Csv,
            csv,
        )
    })?;
    written.push("speakers.csv".to_string());
    written.extend(stage_dedup_files(&mut staged, out_dir, &tables, csv)?);
    summary.set_dedup(claims::counts(&tables));
    summary.set_folded(folded);
    // What only `claims.csv` needed is let go now (the claim index, when
    // updated, still needs the claims): the workbook is the largest step
    // of the writing (issue #22: report memory).
    if index.is_none() {
        tables.claims = Vec::new();
    }
    // The review page goes before the workbook, so that the documents'
    // texts are let go before it is built (`summary.json` is still staged,
    // and renamed into place, last; `summary.outputs` keeps its order).
    staged.stage(&path("index.html"), |w| {
        let page = review::PageInput {
            documents: &summary.documents,
            texts: &texts,
            quotes: &rows,
            speakers: &speakers.records,
            findings: &found.findings,
        };
        review::write(w, &page)
    })?;
    drop(texts);
    staged.stage(&path("report.xlsx"), |w| {
        let sheets = xlsx::ReportRows {
            findings: &found.findings,
            quotes: &rows,
            speakers: &speakers.records,
            duplicates: (tables.duplicates.len(), &|i| tables.duplicate(i)),
            documents: &summary.documents,
        };
        xlsx::write_report(w, &sheets)
    })?;
    written.extend(["report.xlsx".to_string(), "index.html".to_string()]);
    if let Some(fact_rows) = &fact_rows {
        let name = crate::matching::stage_factchecks(&mut staged, out_dir, fact_rows, csv)?;
        written.push(name);
    }
    summary.set_findings(&found);
    if let Some(seen_rows) = &seen_rows {
        let name = crate::claim_index::stage_previously_seen(&mut staged, out_dir, seen_rows, csv)?;
        written.push(name);
    }
    written.push("summary.json".to_string());
    debug_assert!(factchecks.is_some() || index.is_some() || written == REPORT_FILES);
    summary.outputs = written;
    staged.stage(&path("summary.json"), |w| {
        serde_json::to_writer_pretty(crate::output::HtmlSafe(&mut *w), &summary)?;
        w.write_all(b"\n")
    })?;
    staged.commit()?;
    if let Some(store) = &mut index {
        progress.stage("updating the claim index");
        let ids: Vec<(String, String)> = docs
            .iter()
            .map(|d| (d.doc_id.clone(), d.source.clone()))
            .collect();
        let today = quotecheck_claims::store::today_utc();
        thread_pool(opts.threads)?.install(|| {
            crate::claim_index::update_index(
                store,
                &ids,
                &tables.claims,
                &today,
                seen_vectors.flatten().as_ref(),
            )
        })?;
    }
    progress.finish();
    if !opts.quiet {
        eprint!(
            "{}",
            findings::stderr_summary(&out_dir.display().to_string(), &summary.outputs, &found)
        );
    }
    Ok(summary.exit_code)
}
