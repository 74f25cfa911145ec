//! # quotecheck (command line)
//!
//! The library behind the `quotecheck` binary: reading inputs into
//! documents ([`input`], [`decode`], [`html`], [`lang`]), the text the
//! engine reads ([`view`]), running the engine over them in parallel
//! ([`run`]), linking speakers across documents ([`speakers`]), finding
//! duplicate claims and misquotes with `quotecheck-dedup` ([`claims`]),
//! matching claims against fact-checks with `quotecheck-claims`
//! ([`matching`]; the semantic tier of `--semantic`/`--model`:
//! [`semantic`]), remembering claims across runs ([`claim_index`]), and
//! writing reports ([`report`], [`output`], [`summary`], the workbook
//! [`xlsx`] and the review page [`review`]); [`findings`] ranks what an
//! editor should read first; [`oom`] turns a failed allocation into an error. `docs/cli.md` and
//! `docs/reports.md` describe the commands and the files they write.

pub mod claim_index;
pub mod claims;
pub mod commands;
pub mod decode;
pub mod error;
pub mod findings;
pub mod findings_fold;
pub mod html;
pub mod input;
pub mod lang;
pub mod matching;
#[allow(unsafe_code)] // GlobalAlloc is an unsafe trait; see the module doc.
pub mod oom;
pub mod output;
pub mod progress;
pub mod rendered;
pub mod report;
pub mod reuse;
pub mod review;
pub mod rowcells;
pub mod run;
pub mod score;
pub mod semantic;
pub mod speakers;
pub mod spill;
pub mod stray_quote;
pub mod summary;
pub mod view;
pub mod xlsx;
