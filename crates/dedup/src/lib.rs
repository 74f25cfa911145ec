//! # quotecheck-dedup
//!
//! Duplicate claims across a corpus of news articles: exact duplicates,
//! near duplicates (MinHash + LSH candidates, verified by a documented
//! rule), clusters with a canonical claim, misquotes and conflicting
//! attributions.
//!
//! ```
//! use quotecheck_core::Document;
//! use quotecheck_dedup::{dedup, DedupConfig, Reason};
//!
//! let docs = [
//!     Document::new("a", "Moscow has also accused Washington of failing to distinguish between the moderate opposition and terrorist groups."),
//!     Document::new("b", "Moscow also accused Washington of failing to distinguish the moderate Syrian opposition from terrorist groups in Aleppo."),
//!     Document::new("c", "Moscow has also accused Washington of failing to distinguish between the moderate opposition and terrorist groups!"),
//! ];
//! let report = dedup(&docs, &DedupConfig::default());
//! let records = report.duplicate_records();
//! let reasons: Vec<_> = records.iter().map(|r| (r.doc_id.as_str(), r.reason)).collect();
//! assert_eq!(reasons, [("a", Reason::Canonical), ("b", Reason::Near), ("c", Reason::Exact)]);
//! assert!(records[1].similarity > 0.8);
//! ```
//!
//! The pipeline, one module per step:
//!
//! 1. [`claim`]: sentences of body text and attributed quotes of a document;
//! 2. [`normalize`]: the normalised form (case, quote marks, dashes,
//!    whitespace, punctuation folded; numbers kept) and word classes;
//! 3. [`verify::Features`]: content-token set, numbers, negations, and the
//!    exact-duplicate hash of each claim;
//! 4. [`shingle`] + [`minhash`]: a MinHash signature of the word shingles;
//! 5. [`lsh`]: band keys, sorted into buckets: candidate pairs without
//!    comparing all pairs;
//! 6. [`verify`]: the near-duplicate rule and the reported similarity;
//! 7. [`cluster`]: union-find over exact and verified links; the canonical
//!    claim is the earliest by (document id, offset);
//! 8. [`misquote`]: misquotes and conflicting attributions between quotes;
//! 9. [`record`]: the report and its flat, serialisable records.
//!
//! [`Deduper`] runs the pipeline in a streaming fashion: documents are
//! reduced to compact sketches as they arrive (in parallel if the caller
//! wishes, see [`Deduper::sketch`]), and [`Deduper::finish`] does the rest in
//! parallel with rayon. The report is identical whatever the input order and
//! thread count. The `synth` module (feature `synth`, on for the `scale`
//! benchmark) generates synthetic claims; it is not part of the library.
//! See `docs/dedup.md` for the design and `docs/performance.md` for figures.

pub mod claim;
pub mod cluster;
pub mod compare;
pub mod engine;
pub mod findings;
pub mod links;
pub mod lsh;
pub mod minhash;
pub mod misquote;
pub mod normalize;
pub mod numbers;
pub mod record;
pub mod rules;
pub mod shingle;
#[cfg(any(test, feature = "synth"))]
#[doc(hidden)]
pub mod synth;
pub mod verify;

pub use claim::{claims_from, Claim, ClaimKind};
pub use engine::{dedup, DedupConfig, DedupReport, Deduper, DocSketch};
pub use links::{HookClaim, LinkHook};
pub use record::{
    AlteredRecord, ClaimRef, Cluster, DedupStats, DuplicateRecord, Member, MisquoteKind,
    MisquoteRecord, Reason,
};
pub use verify::{NumberPolicy, VerifyConfig};
