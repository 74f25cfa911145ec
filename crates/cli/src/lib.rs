//! # quotecheck (command line)
//!
//! The library behind the `quotecheck` binary: reading inputs into
//! documents ([`input`], [`html`]), running the engine over them in parallel
//! ([`run`]), linking speakers across documents ([`speakers`]), finding
//! duplicate claims and misquotes with `quotecheck-dedup` ([`claims`]),
//! matching claims against fact-checks with `quotecheck-claims`
//! ([`matching`]), remembering claims across runs ([`claim_index`]), and
//! writing reports ([`report`], [`output`], [`summary`]). `docs/cli.md` and
//! `docs/reports.md` describe the commands and the files they write.

pub mod claim_index;
pub mod claims;
pub mod commands;
pub mod error;
pub mod html;
pub mod input;
pub mod matching;
pub mod output;
pub mod report;
pub mod run;
pub mod score;
pub mod speakers;
pub mod summary;
