//! The dedup stage: claims, duplicate claims and conflicting attributions
//! (misquotes), from the `quotecheck-dedup` crate.
//!
//! This module is the only place that knows the dedup crate's API. The
//! runner calls [`claims_of`] on every document in parallel, while its
//! analysis is at hand: it extracts the document's claims and reduces them
//! to a [`DocSketch`] with a shared [`Deduper`] (sketching takes `&self`).
//! [`dedup`] then pushes the sketches into the deduplicator in input order
//! and finishes it; the writers turn the result into `claims.csv`,
//! `duplicates.csv` and `misquotes.csv` (`docs/reports.md`).
//!
//! The report of the dedup crate does not depend on the order in which
//! documents are pushed nor on the number of threads, so neither do the
//! files written here.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use quotecheck_core::{Analysis, Document};
use quotecheck_dedup::{
    claims_from, Claim, DedupConfig, DedupReport, Deduper, DocSketch, DuplicateRecord,
    MisquoteKind, MisquoteRecord,
};
use serde::Serialize;

use crate::output::{write_json, CsvOptions, CsvOut, Format, HtmlSafe};

/// Whether this build has the dedup stage.
pub const AVAILABLE: bool = true;

/// Columns of `claims.csv`, in order.
pub const CLAIM_COLUMNS: &[&str] = &[
    "doc_id",
    "claim_id",
    "kind",
    "speaker",
    "claim",
    "char_start",
    "char_end",
    "cluster_id",
    "byte_start",
    "byte_end",
];

/// Columns of `duplicates.csv`, in order: the fields of
/// [`DuplicateRecord`] in their declared order.
pub const DUPLICATE_COLUMNS: &[&str] = &[
    "cluster_id",
    "canonical",
    "canonical_doc_id",
    "doc_id",
    "claim",
    "kind",
    "char_start",
    "char_end",
    "byte_start",
    "byte_end",
    "speaker",
    "similarity",
    "reason",
    "doc_count",
];

/// Columns of `misquotes.csv`, in order: the fields of [`MisquoteRecord`]
/// in their declared order (`kind` is `misquote` or
/// `conflicting_attribution`).
pub const MISQUOTE_COLUMNS: &[&str] = &[
    "kind",
    "speaker_a",
    "speaker_b",
    "doc_a",
    "doc_b",
    "quote_a",
    "quote_b",
    "char_start_a",
    "char_end_a",
    "char_start_b",
    "char_end_b",
    "byte_start_a",
    "byte_end_a",
    "byte_start_b",
    "byte_end_b",
    "similarity",
    "diff",
];

/// Columns that `report` adds at the end of `claims.csv` and
/// `duplicates.csv`: the date and URL of the row's document.
pub const DOC_COLUMNS: &[&str] = &["date", "url"];
/// Columns that `report` adds at the end of `misquotes.csv`: the dates and
/// URLs of documents a and b.
pub const PAIR_DOC_COLUMNS: &[&str] = &["date_a", "date_b", "url_a", "url_b"];

/// The date and URL of each document, by id (as given; `None` unknown).
pub type DocMeta = HashMap<String, (Option<String>, Option<String>)>;

/// The header of a file: `columns`, then `extra` when the run knows the
/// documents' dates and URLs.
fn header<'a>(columns: &[&'a str], extra: &[&'a str], meta: Option<&DocMeta>) -> Vec<&'a str> {
    let mut h = columns.to_vec();
    if meta.is_some() {
        h.extend_from_slice(extra);
    }
    h
}

/// Write one row: the record's cells, then the document cells when known,
/// then the count of copies folded into it when known.
fn write_row<W: Write>(
    out: &mut CsvOut<W>,
    cells: &[String],
    extra: Option<&[String]>,
    copies: Option<u32>,
) -> io::Result<()> {
    let copies = copies.map(|n| n.to_string());
    out.row(
        cells
            .iter()
            .chain(extra.into_iter().flatten())
            .chain(copies.as_ref())
            .map(String::as_str),
    )
}

/// `header`, with [`crate::findings_fold::COPIES_COLUMN`] at the end when
/// `copies` is known.
fn with_copies(mut h: Vec<&str>, copies: bool) -> Vec<&str> {
    if copies {
        h.push(crate::findings_fold::COPIES_COLUMN);
    }
    h
}

/// The date and URL cells of `doc` (empty when unknown).
fn doc_cells(meta: &DocMeta, doc: &str) -> [String; 2] {
    let (date, url) = meta.get(doc).cloned().unwrap_or_default();
    [date.unwrap_or_default(), url.unwrap_or_default()]
}

/// The claims of one document, as computed in the parallel step.
#[derive(Debug, Clone, Default)]
pub struct DocClaims {
    /// The rows of `claims.csv` (without their `cluster_id`, known after
    /// [`dedup`]), in text order; empty when they are not kept (the `dedup`
    /// command without `--out` does not write `claims.csv`).
    pub claims: Vec<ClaimRow>,
    /// The document's sketch, taken by [`dedup`].
    pub sketch: Option<DocSketch>,
}

/// Extract the claims of one document and sketch them with `deduper`
/// (which is only read, so this runs on many documents in parallel).
/// `keep_claims`: also keep the claims themselves (for `claims.csv`).
pub fn claims_of(
    doc: &Document,
    analysis: &Analysis,
    deduper: &Deduper,
    keep_claims: bool,
) -> DocClaims {
    let claims = claims_from(doc, analysis);
    let sketch = deduper.sketch(&doc.id, &claims);
    DocClaims {
        claims: if keep_claims {
            claims.into_iter().map(ClaimRow::from).collect()
        } else {
            Vec::new()
        },
        sketch: Some(sketch),
    }
}

/// A deduplicator with the given settings, for [`claims_of`] and [`dedup`].
pub fn deduper(config: &DedupConfig) -> Deduper {
    Deduper::new(config.clone())
}

/// A shared text, serialised as a string.
fn shared_str<S: serde::Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(text)
}

/// One row of `claims.csv` (and of its JSON form).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// Document id.
    pub doc_id: String,
    /// `<doc_id>@<char_start>-<char_end>`: unique in a run (a sentence and
    /// a quote may start at the same offset, but never share both ends).
    pub claim_id: String,
    /// `sentence` or `quote`.
    pub kind: &'static str,
    /// Speaker of a quote (empty for sentences).
    pub speaker: String,
    /// The claim as written: the document's text at `char_start..char_end`.
    /// Shared (not copied) by the rows of republished copies of the same
    /// text ([`crate::reuse`]).
    #[serde(serialize_with = "shared_str")]
    pub claim: Arc<str>,
    /// Code-point offset of the claim.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// The cluster of `duplicates.csv` the claim is a member of.
    pub cluster_id: Option<usize>,
    /// UTF-8 byte offset of the claim.
    pub byte_start: usize,
    /// UTF-8 byte end (exclusive).
    pub byte_end: usize,
}

impl From<Claim> for ClaimRow {
    /// The row of a claim, without its cluster.
    fn from(c: Claim) -> ClaimRow {
        ClaimRow {
            claim_id: format!("{}@{}-{}", c.doc_id, c.char_start, c.char_end),
            kind: c.kind.as_str(),
            speaker: c.speaker.unwrap_or_default(),
            char_start: c.char_start,
            char_end: c.char_end,
            cluster_id: None,
            byte_start: c.span.start,
            byte_end: c.span.end,
            claim: c.text.into(),
            doc_id: c.doc_id,
        }
    }
}

/// The result of the dedup stage over a run.
#[derive(Debug, Clone)]
pub struct DedupTables {
    /// The deduplicator's report (clusters, misquotes, stats).
    pub report: DedupReport,
    /// Where each row of `duplicates.csv` (one per cluster member) comes
    /// from in `report` ([`DedupReport::duplicate_positions`]); the rows are
    /// made as they are written ([`DedupTables::duplicate`]).
    pub duplicates: Vec<(u32, u32)>,
    /// One row per kept claim, documents in input order, claims in text
    /// order (the rows of `claims.csv`).
    pub claims: Vec<ClaimRow>,
    /// The documents' dates and URLs, when known (`report`): then
    /// `claims.csv` and `duplicates.csv` end with [`DOC_COLUMNS`] and
    /// `misquotes.csv` with [`PAIR_DOC_COLUMNS`].
    pub doc_meta: Option<DocMeta>,
    /// Rows of republished copies folded into each row of `duplicates.csv`
    /// and of `misquotes.csv` (`report`, [`crate::findings_fold`]): then
    /// both files end with [`crate::findings_fold::COPIES_COLUMN`].
    pub copies: Option<(Vec<u32>, Vec<u32>)>,
}

/// Bytes of input per claim that [`DedupFeed::reserve_for_input`] plans
/// for (a news sentence is about 150 bytes; JSON and HTML inputs have
/// more bytes per claim, which only leaves room unused).
pub const BYTES_PER_CLAIM: usize = 150;
/// The most claims [`DedupFeed::reserve_for_input`] makes room for.
pub const MAX_RESERVED_CLAIMS: usize = 4_000_000;

/// The dedup stage fed one document at a time, in input order, as the
/// runner passes results on: each document's sketch goes into the
/// deduplicator's arenas at once, so no per-document sketch waits for the
/// end of the run.
#[derive(Debug)]
pub struct DedupFeed {
    deduper: Deduper,
    claims: Vec<ClaimRow>,
}

impl DedupFeed {
    /// A feed into `deduper` (made by [`deduper`]; sketch with another one
    /// of the same settings, which the workers share).
    pub fn new(deduper: Deduper) -> DedupFeed {
        DedupFeed {
            deduper,
            claims: Vec::new(),
        }
    }

    /// Make room for the claims of about `input_bytes` bytes of input (the
    /// sizes of the input files): one claim per [`BYTES_PER_CLAIM`] bytes, at
    /// most [`MAX_RESERVED_CLAIMS`] (see [`Deduper::reserve`]).
    pub fn reserve_for_input(&mut self, input_bytes: u64) {
        let bytes = usize::try_from(input_bytes).unwrap_or(usize::MAX);
        let claims = (bytes / BYTES_PER_CLAIM).min(MAX_RESERVED_CLAIMS);
        self.deduper
            .reserve(claims, claims.saturating_mul(BYTES_PER_CLAIM));
    }

    /// Take in the claims of the next document.
    pub fn push(&mut self, d: DocClaims) {
        if let Some(sketch) = d.sketch {
            self.deduper.push(sketch);
        }
        self.claims.extend(d.claims);
    }

    /// Find duplicate claims, misquotes and conflicting attributions across
    /// the documents fed (in parallel, on the current rayon pool).
    pub fn finish(self) -> DedupTables {
        self.finish_with(None)
    }

    /// [`DedupFeed::finish`], with the extra links of `hook` when given
    /// (`dedup --semantic`: [`quotecheck_claims::semdedup::SemanticLinks`]).
    pub fn finish_with(self, hook: Option<&mut dyn quotecheck_dedup::LinkHook>) -> DedupTables {
        let DedupFeed {
            deduper,
            mut claims,
        } = self;
        let report = match hook {
            Some(h) => deduper.finish_with(h),
            None => deduper.finish(),
        };
        let duplicates = report.duplicate_positions();
        if !claims.is_empty() {
            let mut cluster_of: HashMap<(&str, usize, usize), usize> = HashMap::new();
            for c in &report.clusters {
                for m in &c.members {
                    let cl = &m.claim;
                    cluster_of.insert((&*cl.doc_id, cl.byte_start, cl.byte_end), c.id);
                }
            }
            for c in &mut claims {
                c.cluster_id = cluster_of
                    .get(&(c.doc_id.as_str(), c.byte_start, c.byte_end))
                    .copied();
            }
        }
        DedupTables {
            report,
            duplicates,
            claims,
            doc_meta: None,
            copies: None,
        }
    }
}

impl DedupTables {
    /// Row `i` of `duplicates.csv` (in the order of
    /// [`DedupReport::duplicate_records`]); `None` past the last.
    pub fn duplicate(&self, i: usize) -> Option<DuplicateRecord> {
        let &(c, m) = self.duplicates.get(i)?;
        self.report.duplicate_record(c as usize, m as usize)
    }

    /// The rows of `duplicates.csv`, made one at a time.
    pub fn duplicate_rows(&self) -> impl Iterator<Item = DuplicateRecord> + '_ {
        (0..self.duplicates.len()).filter_map(|i| self.duplicate(i))
    }
}

/// Find duplicate claims, misquotes and conflicting attributions across
/// documents: push the sketches in input order, then finish (in parallel,
/// on the current rayon pool).
pub fn dedup(deduper: Deduper, docs: Vec<DocClaims>) -> DedupTables {
    let mut feed = DedupFeed::new(deduper);
    for d in docs {
        feed.push(d);
    }
    feed.finish()
}

/// The counts of the dedup stage for `summary.json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DedupCounts {
    /// Claims (rows of `claims.csv`).
    pub claims: usize,
    /// Rows of `duplicates.csv` (cluster members).
    pub duplicates: usize,
    /// Clusters of duplicate claims.
    pub clusters: usize,
    /// Rows of `misquotes.csv` (misquotes and conflicting attributions).
    pub misquotes: usize,
    /// Conflicting attributions among them.
    pub conflicting_attributions: usize,
}

/// The counts of a dedup run.
pub fn counts(tables: &DedupTables) -> DedupCounts {
    let r = &tables.report;
    DedupCounts {
        claims: tables.claims.len(),
        duplicates: tables.duplicates.len(),
        // After folding (`report`), a cluster only republished copies
        // repeated is no longer written: count the clusters written.
        clusters: match tables.copies {
            Some(_) => tables.duplicates.chunk_by(|x, y| x.0 == y.0).count(),
            None => r.clusters.len(),
        },
        misquotes: r.misquotes.len(),
        conflicting_attributions: r
            .misquotes
            .iter()
            .filter(|m| m.kind == MisquoteKind::ConflictingAttribution)
            .count(),
    }
}

fn opt(v: Option<usize>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Write `claims.csv` (or JSON).
pub fn write_claims(
    w: &mut dyn Write,
    tables: &DedupTables,
    format: Format,
    csv: CsvOptions,
) -> io::Result<()> {
    let rows = &tables.claims;
    match format {
        Format::Json => write_json(w, rows, false),
        Format::Jsonl => write_json(w, rows, true),
        Format::Csv => {
            let meta = tables.doc_meta.as_ref();
            let mut out = CsvOut::new(w, csv, &header(CLAIM_COLUMNS, DOC_COLUMNS, meta))?;
            for r in rows {
                let cells = [
                    r.doc_id.clone(),
                    r.claim_id.clone(),
                    r.kind.to_string(),
                    r.speaker.clone(),
                    r.claim.to_string(),
                    r.char_start.to_string(),
                    r.char_end.to_string(),
                    opt(r.cluster_id),
                    r.byte_start.to_string(),
                    r.byte_end.to_string(),
                ];
                debug_assert_eq!(cells.len(), CLAIM_COLUMNS.len());
                let extra = meta.map(|m| doc_cells(m, &r.doc_id));
                write_row(&mut out, &cells, extra.as_ref().map(|e| &e[..]), None)?;
            }
            out.finish()?.flush()
        }
    }
}

/// Write `duplicates.csv` (or JSON).
pub fn write_duplicates(
    w: &mut dyn Write,
    tables: &DedupTables,
    format: Format,
    csv: CsvOptions,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let rows: Vec<DuplicateRecord> = tables.duplicate_rows().collect();
            write_json(w, &rows, false)
        }
        Format::Jsonl => {
            for r in tables.duplicate_rows() {
                serde_json::to_writer(HtmlSafe(&mut *w), &r)?;
                w.write_all(b"\n")?;
            }
            w.flush()
        }
        Format::Csv => {
            let meta = tables.doc_meta.as_ref();
            let copies = tables.copies.as_ref().map(|c| &c.0);
            let h = with_copies(
                header(DUPLICATE_COLUMNS, DOC_COLUMNS, meta),
                copies.is_some(),
            );
            let mut out = CsvOut::new(w, csv, &h)?;
            for (i, r) in tables.duplicate_rows().enumerate() {
                let cells = [
                    r.cluster_id.to_string(),
                    r.canonical.clone(),
                    r.canonical_doc_id.clone(),
                    r.doc_id.clone(),
                    r.claim.clone(),
                    r.kind.as_str().to_string(),
                    r.char_start.to_string(),
                    r.char_end.to_string(),
                    r.byte_start.to_string(),
                    r.byte_end.to_string(),
                    r.speaker.clone(),
                    r.similarity.to_string(),
                    r.reason.as_str().to_string(),
                    r.doc_count.to_string(),
                ];
                debug_assert_eq!(cells.len(), DUPLICATE_COLUMNS.len());
                let extra = meta.map(|m| doc_cells(m, &r.doc_id));
                let n = copies.map(|c| c.get(i).copied().unwrap_or_default());
                write_row(&mut out, &cells, extra.as_ref().map(|e| &e[..]), n)?;
            }
            out.finish()?.flush()
        }
    }
}

/// Write `misquotes.csv` (or JSON): misquotes and conflicting
/// attributions, one file, told apart by `kind`.
pub fn write_misquotes(
    w: &mut dyn Write,
    tables: &DedupTables,
    format: Format,
    csv: CsvOptions,
) -> io::Result<()> {
    let rows: &[MisquoteRecord] = &tables.report.misquotes;
    match format {
        Format::Json => write_json(w, rows, false),
        Format::Jsonl => write_json(w, rows, true),
        Format::Csv => {
            let meta = tables.doc_meta.as_ref();
            let copies = tables.copies.as_ref().map(|c| &c.1);
            let h = with_copies(
                header(MISQUOTE_COLUMNS, PAIR_DOC_COLUMNS, meta),
                copies.is_some(),
            );
            let mut out = CsvOut::new(w, csv, &h)?;
            for (i, r) in rows.iter().enumerate() {
                let cells = [
                    r.kind.as_str().to_string(),
                    r.speaker_a.clone(),
                    r.speaker_b.clone(),
                    r.doc_a.clone(),
                    r.doc_b.clone(),
                    r.quote_a.clone(),
                    r.quote_b.clone(),
                    r.char_start_a.to_string(),
                    r.char_end_a.to_string(),
                    r.char_start_b.to_string(),
                    r.char_end_b.to_string(),
                    r.byte_start_a.to_string(),
                    r.byte_end_a.to_string(),
                    r.byte_start_b.to_string(),
                    r.byte_end_b.to_string(),
                    r.similarity.to_string(),
                    r.diff.clone(),
                ];
                debug_assert_eq!(cells.len(), MISQUOTE_COLUMNS.len());
                let extra = meta.map(|m| {
                    let ([da, ua], [db, ub]) = (doc_cells(m, &r.doc_a), doc_cells(m, &r.doc_b));
                    [da, db, ua, ub]
                });
                let n = copies.map(|c| c.get(i).copied().unwrap_or_default());
                write_row(&mut out, &cells, extra.as_ref().map(|e| &e[..]), n)?;
            }
            out.finish()?.flush()
        }
    }
}

/// The dedup tables of `docs`, each analysed and its claims extracted with
/// the default settings (for tests).
#[cfg(test)]
pub(crate) fn dedup_documents(docs: &[Document]) -> DedupTables {
    let dd = deduper(&DedupConfig::default());
    let per_doc = docs
        .iter()
        .map(|d| claims_of(d, &quotecheck_core::analyze(d), &dd, true))
        .collect();
    dedup(dd, per_doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV columns are the records' serialised fields, in order: the
    /// CSV and JSON forms of a row never drift apart.
    #[test]
    fn csv_columns_are_the_record_fields_in_order() -> Result<(), serde_json::Error> {
        let docs = [
            Document::new("a", "Police arrested two men in Leeds on Friday night."),
            Document::new("b", "On Friday night, police in Leeds arrested two men."),
        ];
        let tables = dedup_documents(&docs);
        assert_eq!(tables.duplicates.len(), 2);
        let all = tables.report.duplicate_records();
        assert_eq!(tables.duplicate_rows().collect::<Vec<_>>(), all);
        let keys = |v: serde_json::Value| -> Vec<String> {
            v.as_object()
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default()
        };
        let mut dup = keys(serde_json::to_value(&all[0])?);
        let mut claim = keys(serde_json::to_value(&tables.claims[0])?);
        let mut expected_dup: Vec<String> =
            DUPLICATE_COLUMNS.iter().map(|s| s.to_string()).collect();
        let mut expected_claim: Vec<String> = CLAIM_COLUMNS.iter().map(|s| s.to_string()).collect();
        // serde_json's map is sorted without `preserve_order`: compare sets,
        // and the declared order through the struct definitions above.
        for v in [&mut dup, &mut claim, &mut expected_dup, &mut expected_claim] {
            v.sort();
        }
        assert_eq!(dup, expected_dup);
        assert_eq!(claim, expected_claim);
        assert_eq!(tables.claims[0].cluster_id, Some(1));
        assert_eq!(counts(&tables).clusters, 1);
        Ok(())
    }

    #[test]
    fn misquote_columns_are_the_record_fields() -> Result<(), serde_json::Error> {
        let record = MisquoteRecord {
            kind: MisquoteKind::Misquote,
            speaker_a: String::new(),
            speaker_b: String::new(),
            doc_a: String::new(),
            doc_b: String::new(),
            quote_a: String::new(),
            quote_b: String::new(),
            char_start_a: 0,
            char_end_a: 0,
            char_start_b: 0,
            char_end_b: 0,
            byte_start_a: 0,
            byte_end_a: 0,
            byte_start_b: 0,
            byte_end_b: 0,
            similarity: 0.0,
            diff: String::new(),
        };
        let v = serde_json::to_value(&record)?;
        let mut got: Vec<String> = v
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        let mut expected: Vec<String> = MISQUOTE_COLUMNS.iter().map(|s| s.to_string()).collect();
        got.sort();
        expected.sort();
        assert_eq!(got, expected);
        Ok(())
    }
}
