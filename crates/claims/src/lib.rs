//! # quotecheck-claims
//!
//! Claim retrieval: has this claim been seen — or checked — before?
//!
//! - [`terms`]: the words of a claim as retrieval terms (NFC, the dedup
//!   stage's normalisation, stopwords, light stems);
//! - [`bm25`]: a BM25 index over claims and its search;
//! - [`clean`]: links, tweet signatures and hashtag glue removed from queries;
//! - [`factcheck`]: fact-check files (CSV, JSON Lines, schema.org ClaimReview);
//! - [`matcher`]: fact-checks ranked for a claim, and the same-claim rule;
//! - [`pairs`]: candidate duplicate pairs from BM25 neighbours, verified by
//!   the dedup stage's rule;
//! - [`rerank`]: the learned re-ranker (features of a query and a candidate,
//!   logistic regression fitted on CLEF-2020 train);
//! - [`semantic`]: the built-in static embedding model (potion-base-8M, int8);
//! - [`semdedup`]: `dedup --semantic`, the built-in model's links for the
//!   dedup engine (int8 embeddings, rare-word candidates, cosine rule);
//! - [`store`]: the persistent claim index (SQLite): claims, documents,
//!   speakers, occurrences, first and last seen;
//! - [`embedder`]: the embedding models as one interface ([`embedder::Embedder`]);
//! - [`model`] (feature `model`): a sentence-transformer (all-MiniLM-L6-v2)
//!   loaded from a directory and run with candle;
//! - [`tinybert`] (feature `model`): a tiny random BERT for tests;
//! - [`fusion`]: fact-checks ranked by z-score fusion of the lexical
//!   ranking and an embedder's cosine;
//! - [`vectors`]: claim vectors kept in the claim index, per model;
//! - [`eval`]: ranking metrics (MAP@k) and the CLEF-2020 CheckThat! Task 2
//!   data reader used by the benchmarks.
//!
//! See `docs/claims.md` for the design and measured figures.

pub mod bm25;
pub mod clean;
pub mod embedder;
pub mod eval;
pub mod factcheck;
pub mod fusion;
pub mod matcher;
#[cfg(feature = "model")]
pub mod model;
pub mod pairs;
pub mod rerank;
pub mod semantic;
pub mod semdedup;
pub mod store;
pub mod terms;
#[cfg(feature = "model")]
pub mod tinybert;
pub mod vectors;

pub use bm25::{Bm25Index, Bm25Params, Hit};
pub use factcheck::{read_factchecks, FactCheck, FactCheckError};
pub use matcher::{FactHit, FactIndex, MatchConfig};
pub use terms::TermConfig;
