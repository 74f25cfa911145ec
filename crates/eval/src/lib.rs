//! # quotecheck-eval
//!
//! How well the attribution engine of `quotecheck-core` does: the gold
//! annotation format ([`gold`], `docs/gold-format.md`) and the scoring of
//! predicted quotes and speakers against it ([`score`], `docs/scoring.md`).
//! The CLI's `score` command, the accuracy benchmark
//! (`examples/score_bench.rs`, `scripts/bench-accuracy.sh`) and the accuracy
//! tests use it; the engine itself does not.
//!
//! ```
//! use quotecheck_eval::gold::GoldDocument;
//! use quotecheck_eval::score::{predict, score, ScoreOptions};
//!
//! let gold: GoldDocument = serde_json::from_str(r#"{
//!     "id": "d", "text": "“We will win,” Ana Ruiz said.",
//!     "quotes": [{"kind": "direct", "quote": "We will win,", "start": 1, "end": 13,
//!                 "speaker": "Ana Ruiz", "mention": "Ana Ruiz"}]}"#).unwrap();
//! let predictions = predict(std::slice::from_ref(&gold));
//! let report = score(&[gold], &predictions, &ScoreOptions::default());
//! assert_eq!(report.overall.tp, 1);
//! ```

mod error;
pub mod gold;
pub mod outcome;
pub mod score;

pub use error::Error;
