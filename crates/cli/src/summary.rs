//! `summary.json`: counts, per-document status and errors of a report run.
//!
//! The summary holds no timestamps and no absolute paths that the user did
//! not give, so two runs on the same inputs write byte-identical files.

use std::collections::BTreeMap;

use quotecheck_dedup::findings::{Findings, Furniture, KINDS};
use serde::Serialize;

use crate::claims::DedupCounts;
use crate::error::{ErrorRecord, InputError};
use crate::run::{Analyzed, Run};

/// The whole `summary.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Version of quotecheck that wrote the report.
    pub quotecheck_version: String,
    /// `ok` when every input was read, `partial` when some failed.
    pub status: String,
    /// The process exit code of the run (0 or 1).
    pub exit_code: u8,
    /// Totals.
    pub counts: Counts,
    /// One entry per document or failed input, in input order.
    pub documents: Vec<DocumentStatus>,
    /// The input errors, in input order.
    pub errors: Vec<ErrorRecord>,
    /// Files skipped in directory walks (not an input type), in walk order.
    pub skipped_files: Vec<String>,
    /// The report files written, in the order they were written.
    pub outputs: Vec<String>,
    /// Sentences left out of the findings as page furniture (repeated
    /// across independent sources), most documents first; absent when no
    /// findings were made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub furniture: Option<Vec<Furniture>>,
}

/// Totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Input files read (stdin counts as one).
    pub input_files: usize,
    /// Files skipped in directory walks.
    pub skipped_files: usize,
    /// Documents analysed.
    pub documents: usize,
    /// Inputs that failed (files, lines or rows).
    pub failed: usize,
    /// Quotes found.
    pub quotes: usize,
    /// Direct quotes.
    pub direct: usize,
    /// Indirect quotes.
    pub indirect: usize,
    /// Mixed quotes.
    pub mixed: usize,
    /// Quotes with a known speaker.
    pub attributed: usize,
    /// Speaker keys (rows of `speakers.csv`).
    pub speakers: usize,
    /// Claims (rows of `claims.csv`), when the dedup stage ran.
    pub claims: Option<usize>,
    /// Members of clusters of duplicate claims (rows of `duplicates.csv`),
    /// when the dedup stage ran.
    pub duplicates: Option<usize>,
    /// Misquotes and conflicting attributions (rows of `misquotes.csv`),
    /// when the dedup stage ran.
    pub misquotes: Option<usize>,
    /// Clusters of duplicate claims in `duplicates.csv` (after `report`
    /// folds republished copies), when the dedup stage ran.
    pub clusters: Option<usize>,
    /// Conflicting attributions (rows of `misquotes.csv` of that kind), when
    /// the dedup stage ran.
    pub conflicting_attributions: Option<usize>,
    /// Rows of `findings.csv` by kind, when findings were made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<BTreeMap<String, usize>>,
    /// Sentences left out as page furniture, when findings were made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub furniture: Option<usize>,
    /// Rows of republished copies folded into their family's rows of
    /// `duplicates.csv` and `misquotes.csv` (`report`,
    /// [`crate::findings_fold`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folded_copies: Option<FoldedCounts>,
}

/// Rows folded into republished families, by file.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct FoldedCounts {
    /// Rows of `duplicates.csv` folded.
    pub duplicates: usize,
    /// Rows of `misquotes.csv` folded.
    pub misquotes: usize,
    /// Rows of `duplicates.csv` left out because their cluster's members
    /// are all in one document (a page repeating its headline).
    pub same_document: usize,
}

/// The status of one document (or of one input that failed).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentStatus {
    /// Document id (absent when the input failed before an id was known).
    pub doc_id: Option<String>,
    /// Source file as given (`-` for stdin).
    pub source: String,
    /// 1-based line for JSONL/CSV documents.
    pub line: Option<usize>,
    /// `ok` or `failed`.
    pub status: String,
    /// Length of the text in code points.
    pub chars: usize,
    /// Quotes found.
    pub quotes: usize,
    /// Speakers found (within the document).
    pub speakers: usize,
    /// The encoding the file was decoded from (`UTF-8`, `windows-1252`, …).
    pub encoding: Option<String>,
    /// ISO 639-3 code of the language, when detected with confidence.
    pub language: Option<String>,
    /// Publication date from the page's metadata or the row.
    pub date: Option<String>,
    /// The page's canonical address or the row's `url`.
    pub url: Option<String>,
    /// The error kind when failed (as in `errors`).
    pub error_kind: Option<String>,
    /// The error message when failed.
    pub error: Option<String>,
}

impl Summary {
    /// Build the summary of a run; dedup counts are filled in by the caller.
    pub fn of<T>(run: &Run<T>, analyzed: impl Fn(&T) -> &Analyzed, speakers: usize) -> Summary {
        let mut counts = Counts {
            input_files: run.files,
            skipped_files: run.skipped.len(),
            speakers,
            ..Counts::default()
        };
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        for entry in &run.entries {
            match entry {
                Ok(t) => {
                    let d = analyzed(t);
                    counts.documents += 1;
                    for q in &d.quotes {
                        counts.quotes += 1;
                        match q.kind.as_str() {
                            "direct" => counts.direct += 1,
                            "indirect" => counts.indirect += 1,
                            _ => counts.mixed += 1,
                        }
                        if !q.speaker.is_empty() {
                            counts.attributed += 1;
                        }
                    }
                    documents.push(DocumentStatus {
                        doc_id: Some(d.doc_id.clone()),
                        source: d.source.clone(),
                        line: d.line,
                        status: "ok".into(),
                        chars: d.chars,
                        quotes: d.quotes.len(),
                        speakers: d.speakers.len(),
                        encoding: Some(d.encoding.to_string()),
                        language: d.language.map(String::from),
                        date: d.date.clone(),
                        url: d.url.clone(),
                        error_kind: None,
                        error: None,
                    });
                }
                Err(e) => {
                    counts.failed += 1;
                    documents.push(failed(e));
                    errors.push(e.to_record());
                }
            }
        }
        let exit_code = if counts.failed > 0 { 1 } else { 0 };
        Summary {
            quotecheck_version: env!("CARGO_PKG_VERSION").to_string(),
            status: if exit_code == 0 { "ok" } else { "partial" }.into(),
            exit_code,
            counts,
            documents,
            errors,
            skipped_files: run.skipped.clone(),
            outputs: Vec::new(),
            furniture: None,
        }
    }
}

impl Summary {
    /// Fill in the counts of the dedup stage.
    pub fn set_dedup(&mut self, dedup: DedupCounts) {
        let c = &mut self.counts;
        c.claims = Some(dedup.claims);
        c.duplicates = Some(dedup.duplicates);
        c.misquotes = Some(dedup.misquotes);
        c.clusters = Some(dedup.clusters);
        c.conflicting_attributions = Some(dedup.conflicting_attributions);
    }
}

impl Summary {
    /// Fill in the rows folded into republished families.
    pub fn set_folded(&mut self, f: crate::findings_fold::Folded) {
        self.counts.folded_copies = Some(FoldedCounts {
            duplicates: f.duplicates,
            misquotes: f.misquotes,
            same_document: f.same_document,
        });
    }

    /// Fill in the findings by kind and the furniture left out.
    pub fn set_findings(&mut self, f: &Findings) {
        self.counts.findings = Some(KINDS.iter().map(|k| (k.to_string(), f.count(k))).collect());
        self.counts.furniture = Some(f.furniture.len());
        self.furniture = Some(f.furniture.clone());
    }
}

fn failed(e: &InputError) -> DocumentStatus {
    let doc_id = match e {
        InputError::DuplicateId { id, .. } => Some(id.clone()),
        _ => None,
    };
    DocumentStatus {
        doc_id,
        source: e.path().to_string(),
        line: e.line(),
        status: "failed".into(),
        chars: 0,
        quotes: 0,
        speakers: 0,
        encoding: None,
        language: None,
        date: None,
        url: None,
        error_kind: Some(e.code().to_string()),
        error: Some(e.to_string()),
    }
}
