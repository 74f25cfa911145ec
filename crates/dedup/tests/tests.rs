//! The integration tests of `quotecheck-dedup`, in one binary (ripgrep's
//! layout): one module per area.

mod claim_pairs;
mod common;
mod determinism;
mod invariants;
mod misquote;
mod seed;
mod snapshot;

/// Shared with the `dedup` fuzz target.
mod support {
    pub mod dedup_invariants;
}
