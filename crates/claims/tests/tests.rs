//! The integration tests of `quotecheck-claims`, in one binary: one module
//! per area (the benchmark figures read `../shared/bench/claims`).

mod clef;
#[cfg(feature = "model")]
mod model;
mod mrpc;
