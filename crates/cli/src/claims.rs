//! The dedup stage: claims, duplicate claims and conflicting attributions
//! (misquotes), from the `quotecheck-dedup` crate.
//!
//! This module is the only place that knows the dedup crate's API: the
//! runner calls [`claims_of`] on every document in parallel (while its
//! analysis is at hand), then [`dedup`] once on all claims in input order;
//! the writers turn the result into `claims.csv`, `duplicates.csv` and
//! `misquotes.csv`.
//!
//! Until `quotecheck-dedup` has its public API, [`AVAILABLE`] is `false`: the
//! `report` command writes no claim files (and leaves the claim counts of
//! `summary.json` at `null`) and `quotecheck dedup` reports that the stage
//! is not available.

use std::io::{self, Write};

use quotecheck_core::{Analysis, Document};

use crate::output::{CsvOptions, Format};

/// Whether this build has the dedup stage.
pub const AVAILABLE: bool = false;

/// The claims of one document.
#[derive(Debug, Clone, Default)]
pub struct DocClaims;

/// The result of the dedup stage over a run.
#[derive(Debug, Clone, Default)]
pub struct DedupTables;

/// Extract the claims of one document.
pub fn claims_of(_doc: &Document, _analysis: &Analysis) -> DocClaims {
    DocClaims
}

/// Find duplicate claims and conflicting attributions across documents
/// (claims in input order).
pub fn dedup(_docs: Vec<DocClaims>) -> DedupTables {
    DedupTables
}

/// Numbers of claims, duplicate pairs and misquotes.
pub fn counts(_tables: &DedupTables) -> (usize, usize, usize) {
    (0, 0, 0)
}

/// Write `claims.csv` (or JSON).
pub fn write_claims(
    _w: &mut dyn Write,
    _tables: &DedupTables,
    _format: Format,
    _csv: CsvOptions,
) -> io::Result<()> {
    Ok(())
}

/// Write `duplicates.csv` (or JSON).
pub fn write_duplicates(
    _w: &mut dyn Write,
    _tables: &DedupTables,
    _format: Format,
    _csv: CsvOptions,
) -> io::Result<()> {
    Ok(())
}

/// Write `misquotes.csv` (or JSON).
pub fn write_misquotes(
    _w: &mut dyn Write,
    _tables: &DedupTables,
    _format: Format,
    _csv: CsvOptions,
) -> io::Result<()> {
    Ok(())
}
