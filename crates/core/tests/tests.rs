//! The integration tests of `quotecheck-core`, in one binary (ripgrep's
//! layout): one module per area.

mod attribution_snapshots;
mod constructions;
mod engine_props;
mod fuzz_regressions;
mod pathological;
mod speakers;

/// Shared by the engine tests and the fuzz targets.
mod support {
    pub mod engine_invariants;
}
